#!/usr/bin/env python3
"""Trunk post-build hook: move Trunk's inline <script type="module"> loader into a file of its
own (content-hashed, like the other assets), so the page runs under a strict Content-Security-
Policy with no 'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval').

The loader also waits for the first paint (the page rendered into index.html at build time)
before it asks for the wasm, its JS glue and the data (a link to another view asks at once),
and Trunk's <head> preloads of the wasm and glue go: requested before the first paint, they
compete with it on a slow connection (and Lighthouse counts them into the largest paint). The data files to ask for come from the
rendered page's `data-preload` attribute (written by `src/bin/render.rs`)."""
import hashlib
import os
import pathlib
import re
import sys

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
code = static_import.sub(
    lambda m: """// After the first paint has been shown (the browser's first-contentful-paint entry, then a
// frame and a task): then the app, its data and the wasm are asked for together, so they never
// compete with that paint (a request begun before the paint is shown counts, for Lighthouse,
// into the largest paint). A hidden tab paints nothing: there at once, or once it is hidden. A
// frame the browser does not draw yet (in a portal's hidden tab) waits for its paint, or three
// seconds, the last resort, long after any first paint on a working phone. A link to another
// view than the page in the HTML (a card, a filter, the charts, another report) does not wait:
// that page is not what the link shows, and the app draws its view the sooner the better.
const query = new URLSearchParams(location.search);
const ownView = [...query.keys()].some((key) => key !== 'v');
await new Promise((done) => {
  if (ownView || document.visibilityState === 'hidden') return done();
  document.addEventListener('visibilitychange', done, { once: true });
  setTimeout(done, 3000);
  const next = () => requestAnimationFrame(() => setTimeout(done));
  if (!globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
    return requestAnimationFrame(next);
  }
  new PerformanceObserver((list, observer) => {
    if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) {
      observer.disconnect();
      next();
    }
  }).observe({ type: 'paint', buffered: true });
});
const [index, ...data] = (document.getElementById('app')?.dataset.preload ?? '').split(' ');
const preload = (href) => document.head.append(Object.assign(document.createElement('link'),
  { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }));
// A link to a report (r=…) needs its data, not the page's: the index names its file, which is
// asked for at once, beside the wasm, rather than once the app has started and read the index.
// (The app reads the index again itself, checked; the second request is a revalidation of a few
// hundred bytes, and the loader never trusts more of the index than one address to preload.)
const other = query.has('r');
for (const href of ['%s', ...(other ? [] : [index, ...data])]) {
  if (href) preload(href);
}
if (other && index) {
  fetch(index).then((r) => r.json()).then((found) => {
    const entry = found.reports?.find((e) => e.id === query.get('r'));
    if (typeof entry?.href === 'string') preload(new URL(entry.href, new URL(index, location.href)).href);
  }).catch(() => {});
}
const bindings = await import('%s');
const init = bindings.default;""" % (wasm.group(1), m.group(1)),
    code,
)
code += "\n"
name = f"boot-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
(stage / name).write_text(code, encoding="utf-8")
html = inline.sub(f'<script type="module" src="./{name}"></script>', html, count=1)
html, n = re.subn(r'<link rel="(?:modulepreload|preload)" href="\./[^"]+\.(?:js|wasm)"[^>]*>', "", html)
if n != 2:
    sys.exit(f"csp-loader: expected Trunk's two preloads (glue and wasm), found {n}")
index.write_text(html, encoding="utf-8")
print(f"csp-loader: loader moved to {name}")
