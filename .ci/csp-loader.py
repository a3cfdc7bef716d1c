#!/usr/bin/env python3
"""Trunk post-build hook: move Trunk's inline <script type="module"> loader into a file of its
own (content-hashed, like the other assets), so the page runs under a strict Content-Security-
Policy with no 'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval').

The loader also waits for the reader's first sign of use of the page rendered into index.html at
build time (or a chart on the screen) before it asks for the wasm, its JS glue and the data (a
link to another view asks at once), and keeps a tap made before the app is live; Trunk's <head>
preloads of the wasm and glue go: the page is whole without them. The data files to ask for come from the
rendered page's `data-preload` attribute (written by `src/bin/render.rs`, which runs first).
A link to another view is asked for sooner still, by a script of a few hundred bytes at the top
of <head> (inline, allowed by its hash), before the page below it is parsed.

The stylesheet goes into the page as its one inline <style> (no second request before the first
paint: that request was a fifth of the time to the first card), allowed by its hash; the policy,
hashes included, is written to `csp.txt` beside index.html for the server. A server whose policy
lacks the hashes blocks the inline style and the head script: the loader then adds the
stylesheet file and asks for the app itself, and a reader without JavaScript gets the stylesheet
from <noscript>."""
import base64
import hashlib
import json
import os
import pathlib
import re
import sys
from html import unescape

stage = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1])
index = stage / "index.html"
html = index.read_text(encoding="utf-8")
inline = re.compile(r'<script type="module">(.*?)</script>', re.S)
found = inline.findall(html)
if len(found) != 1:
    sys.exit(f"csp-loader: expected one inline module script in {index}, found {len(found)}")
code = found[0].strip()
static_import = re.compile(r"import init, \* as bindings from '(\./[^']+\.js)';")
if not static_import.search(code):
    sys.exit(f"csp-loader: Trunk's loader changed shape, not rewritten:\n{code}")
wasm = re.search(r"module_or_path: '(\./[^']+\.wasm)'", code)
if not wasm:
    sys.exit(f"csp-loader: no wasm path in Trunk's loader:\n{code}")
sheet = re.search(r'<link rel="stylesheet" href="\./(style-[^"]+\.css)"[^>]*>', html)
if not sheet:
    sys.exit(f"csp-loader: no stylesheet link from Trunk in {index}")
css = (stage / sheet.group(1)).read_text(encoding="utf-8")
if "</style" in css.lower():
    sys.exit("csp-loader: the stylesheet cannot be inlined: it holds </style")
# The loader's requests, as one function of `head` (run from the page's head script, or not):
# the wasm, compiled as it arrives (`xixiWasm`, handed to the glue's init: from the head script
# the compiling runs beside the parse of the page, where the glue's own compile began only after
# it), the glue, the index and the report's file, whose answers the app takes
# from `xixiEarly` (it reads a file as it arrives: a preloaded file would reach it only once
# whole). A link to a report (r=…) needs its data, not the page's: its file is asked for at once
# where reports are put (`data/<id>.json`, README "Add a report"), beside the index (waiting for
# the index's answer, read on the main thread while it parses the page, cost 33-75 ms). The
# index has the last word: a report it lists elsewhere is asked for there once it answers, and
# the guess is dropped (aborted, and not handed to the app). The app is handed a copy of the
# index's answer and checks it as always; the loader trusts no more of it than one address. A
# failed request is handed over as none: the app then asks itself, and says why.
# From the page's head, only for a link to another view than the page in the HTML, before the
# page's 130 KB are parsed and laid out (the loader, a module, runs only after that: its
# requests started 70-190 ms late); for another report than the page's, the page is hidden
# meanwhile (`data-other`, shown by the stylesheet as a loading line): it is not the report the
# link names, and laying it out held up the one it names.
app_div = re.search(
    r'<div id="app" data-report="([^"]+)" data-build="[^"]*" data-preload="([^"]+)" '
    r'data-loading-zh="([^"]+)" data-loading-en="([^"]+)">',
    html,
)
if not app_div:
    sys.exit(f"csp-loader: no rendered page in {index} (the render step runs first)")
# The loading line in the app's own words (its i18n, written into the page by the render).
built, preloads, loading_zh, loading_en = (unescape(v) for v in app_div.groups())
ask_js = (
    "head=>{const q=new URLSearchParams(location.search);"
    "if(head&&![...q.keys()].some(k=>k!=='v'))return;"
    "const root=document.documentElement,early=new Map,base=location.href;globalThis.xixiEarly=early;"
    "const link=o=>document.head.append(Object.assign(document.createElement('link'),o));"
    "const w=new URL(%s,base).href;globalThis.xixiWasm=WebAssembly.compileStreaming?"
    "WebAssembly.compileStreaming(fetch(w)).catch(()=>null):null;"
    "link({rel:'modulepreload',href:%s});"
    "const ask=h=>{const u=new URL(h,base).href;early.set(u,fetch(u).catch(()=>null))};"
    "const [index,...data]=%s;"
    "if(!q.has('r'))return[index,...data].forEach(ask);"
    "if(head&&q.get('r')!==%s)root.dataset.other=q.get('lang')==='en'?%s:%s;"
    "const u=new URL(index,base).href,a=fetch(u);early.set(u,a.then(r=>r.clone(),()=>null));"
    "const id=q.get('r'),g=/^[a-z0-9-]{1,64}$/.test(id)?new URL('data/'+id+'.json',u).href:null,"
    "stop=new AbortController;if(g)early.set(g,fetch(g,{signal:stop.signal}).catch(()=>null));"
    "a.then(r=>r.json()).then(f=>{const e=f.reports?.find(e=>e.id===id),"
    "h=typeof e?.href==='string'?new URL(e.href,u).href:null;"
    "if(g&&h!==g){stop.abort();early.delete(g)}if(h&&h!==g)ask(h)}).catch(()=>{})}"
) % (
    json.dumps(wasm.group(1)),
    json.dumps(static_import.search(code).group(1)),
    json.dumps(preloads.split()),
    json.dumps(built),
    json.dumps(loading_en, ensure_ascii=False),
    json.dumps(loading_zh, ensure_ascii=False),
)
head_js = f"({ask_js})(true)"
code = static_import.sub(
    lambda m: """// The stylesheet is inline in the page, allowed by its hash; a policy without the hash blocks it
// (style.css sets --styled): then the file, so the page is never left unstyled.
if (!getComputedStyle(document.documentElement).getPropertyValue('--styled')) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: './%s' }));
}
// The page in the HTML (the app's own components, rendered at build time) is the whole default
// view, readable as it is: its links are real links, its folds open without a script. The app
// (wasm, glue and data, some 310 KB with brotli) is asked for when it is first needed:
// - at once for a link to another view than the page in the HTML (a card, a filter, the charts,
//   English, another report, an embed): that page is not what the link shows;
// - otherwise at the reader's first sign of use (a touch, a press, a key, a focus, a scroll, the
//   pointer moving, printing) or a chart on the screen (the app draws the charts). A reader who
//   only reads the first screen transfers the page alone; the first touch or scroll fetches the
//   app while the finger is still down.
// A tap on a control before the app is live is not lost: the control is marked busy, and the
// tap is given again once the app is live (hydration keeps the nodes: it is the same control).
const query = new URLSearchParams(location.search);
const ownView = [...query.keys()].some((key) => key !== 'v');
const root = document.documentElement;
const app = document.getElementById('app');
let held = null;
// Set below until the app is asked for: a click with no press before it (a screen reader's
// activation) is a sign of use too.
let wake = null;
const hold = (ev) => {
  // The app's own controls: buttons, and links to its views (a skip link or an outside link works
  // as it is).
  const el = ev.target instanceof Element ? ev.target.closest('button, a[href^="?"], a[href="./"]') : null;
  if (!el || !app?.contains(el) || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  ev.stopImmediatePropagation();
  held?.removeAttribute('aria-busy');
  held = el;
  el.setAttribute('aria-busy', 'true');
  root.dataset.waking = '';
  wake?.();
};
addEventListener('click', hold, true);
new MutationObserver((_, observer) => {
  if (root.dataset.live !== '1') return;
  observer.disconnect();
  removeEventListener('click', hold, true);
  delete root.dataset.waking;
  // Folds opened before: the app learns of them as if they opened now.
  app?.querySelectorAll('details[open]').forEach((d) => d.dispatchEvent(new Event('toggle')));
  const el = held;
  held = null;
  el?.removeAttribute('aria-busy');
  if (el?.isConnected) el.click();
  else if (el?.href) location.assign(el.href);
}).observe(root, { attributes: true, attributeFilter: ['data-live'] });
await new Promise((done) => {
  if (ownView) return done();
  const signs = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'focusin', 'scroll', 'wheel', 'beforeprint'];
  let charts = null;
  const go = () => {
    wake = null;
    for (const type of signs) removeEventListener(type, go, true);
    charts?.disconnect();
    done();
  };
  wake = go;
  for (const type of signs) addEventListener(type, go, { capture: true, passive: true });
  if (globalThis.IntersectionObserver) {
    charts = new IntersectionObserver((seen) => { if (seen.some((e) => e.isIntersecting)) go(); });
    app?.querySelectorAll('canvas').forEach((c) => charts.observe(c));
  } else {
    go();
  }
});
// The requests: on a link to another view the page's head script made them already
// (`xixiEarly` is then set), before the page below it was parsed; here when it made none (the
// page as built, at the first sign of use) or did not run (a policy without its hash). The same
// function in both places (`ask_js` in .ci/csp-loader.py).
if (!globalThis.xixiEarly) (%s)(false);
const bindings = await import('%s');
const init = bindings.default;""" % (sheet.group(1), ask_js, m.group(1)),
    code,
)
started = re.compile(r"(await init\(\{ module_or_path: '[^']+' \}\))")
if len(started.findall(code)) != 1:
    sys.exit(f"csp-loader: no one call of init in Trunk's loader:\n{code}")
# The page of another report, hidden by the head script below, is replaced by the app as it
# starts; if the app cannot start, the page in the HTML is shown again rather than nothing.
code = started.sub(r"\1.finally(() => delete root.dataset.other)", code)
# The module compiled by `ask_js`, if it compiled; otherwise the glue fetches and compiles it.
code, n = re.subn(
    r"await init\(\{ module_or_path: ('[^']+') \}\)",
    r"await init({ module_or_path: (await globalThis.xixiWasm) ?? \1 })",
    code,
)
if n != 1:
    sys.exit(f"csp-loader: the init call was not rewritten:\n{code}")
code += "\n"
name = f"boot-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
(stage / name).write_text(code, encoding="utf-8")
html = inline.sub(f'<script type="module" src="./{name}"></script>', html, count=1)
html, n = re.subn(r'<link rel="(?:modulepreload|preload)" href="\./[^"]+\.(?:js|wasm)"[^>]*>', "", html)
if n != 2:
    sys.exit(f"csp-loader: expected Trunk's two preloads (glue and wasm), found {n}")
html = html.replace(
    sheet.group(0),
    f'<style>{css}</style><noscript><link rel="stylesheet" href="./{sheet.group(1)}"></noscript>',
    1,
)
if "</script" in head_js.lower() or "<!--" in head_js:
    sys.exit("csp-loader: the head script cannot be inlined")
html = html.replace('<meta charset="utf-8">', f'<meta charset="utf-8"><script>{head_js}</script>', 1)
script_hash = base64.b64encode(hashlib.sha256(head_js.encode("utf-8")).digest()).decode("ascii")
style_hash = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
policy = (
    "default-src 'self'; "
    f"script-src 'self' 'wasm-unsafe-eval' 'sha256-{script_hash}'; "
    f"style-src 'self' 'sha256-{style_hash}'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'self'; form-action 'self'"
)
(stage / "csp.txt").write_text(policy + "\n", encoding="utf-8")
index.write_text(html, encoding="utf-8")
print(f"csp-loader: loader moved to {name}, {sheet.group(1)} inlined, policy in csp.txt")
