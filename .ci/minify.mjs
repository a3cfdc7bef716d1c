// Minifies the files it is given, in place: JavaScript with terser (as an ES module: exports and
// the names the wasm asks for are kept), CSS with csso (without restructuring, so the cascade
// stays as written). Trunk's own minifier cannot read wasm-bindgen's glue, and minifying the
// HTML would rewrite the loader the CSP step looks for. Saves about 5 KB of brotli in all, 3 KB
// of it on the first visit (the page's loader and its inline stylesheet).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The packages are tests/e2e's (its lock file; .ci/setup installs them).
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { minify: minifyJs } = require('terser');
const { minify: minifyCss } = require('csso');

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, 'utf8');
  let out;
  if (file.endsWith('.js')) {
    const r = await minifyJs(source, { module: true, compress: true, mangle: true });
    out = r.code;
  } else if (file.endsWith('.css')) {
    out = minifyCss(source, { restructure: false }).css;
  } else {
    throw new Error(`minify: neither JavaScript nor CSS: ${file}`);
  }
  if (!out) throw new Error(`minify: nothing came out of ${file}`);
  writeFileSync(file, out);
}
