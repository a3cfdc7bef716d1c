#!/usr/bin/env python3
"""Trunk post-build hook: move Trunk's inline <script type="module"> loader into a file of its
own (content-hashed, like the other assets), so the page runs under a strict Content-Security-
Policy with no 'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval').

The loader also waits for the first paint (the page rendered into index.html at build time)
before it asks for the wasm, its JS glue and the data, and Trunk's <head> preloads of the wasm
and glue go: requested before the first paint, they compete with it on a slow connection (and
Lighthouse counts them into the largest paint). The data files to ask for come from the
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
// seconds, the last resort, long after any first paint on a working phone.
await new Promise((done) => {
  if (document.visibilityState === 'hidden') return done();
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
// A link to another report (r=…) needs other data: then the default report's is not fetched.
const other = new URLSearchParams(location.search).has('r');
for (const href of ['%s', index, ...(other ? [] : data)]) {
  if (href) document.head.append(Object.assign(document.createElement('link'),
    { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }));
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
