// The Foundation: the release build, served from a portal-style sub-path by nginx, loads its data
// and shows cards; a missing data file gives an error panel with a retry that works; a second
// report listed in the index shows up with no code change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, cards, APP, ORIGIN, OUT, countAll } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the app loads from a sub-path and shows every highlight as a card', async () => {
  const page = await open(browser, APP);
  await cards(page).first().waitFor();
  const n = await countAll(page);
  assert.ok(n >= 50, `expected the report's highlights, got ${n} cards`);
  assert.match(await page.locator('h1').innerText(), /西溪镇交出高质量发展过硬答卷/);
  assert.match(await page.locator('.result-count').innerText(), new RegExp(`共 ${n} 项`));
  // Every request stays on this origin and under the sub-path (no third-party requests).
  for (const url of page.requests) {
    assert.ok(url.startsWith(APP), `request outside the sub-path: ${url}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the headline and key figures are readable before the wasm loads, and without JavaScript', async () => {
  const noJs = await open(browser, undefined, { javaScriptEnabled: false });
  await noJs.goto(APP);
  assert.match(await noJs.locator('h1').innerText(), /西溪镇交出高质量发展过硬答卷/);
  assert.match(await noJs.locator('.key-figures').innerText(), /12\.34亿元[\s\S]*全市第一/);
  await noJs.context().close();

  // With the wasm held back, the first paint is already there.
  const page = await open(browser);
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (r) => { await held; await r.continue(); });
  await page.goto(APP);
  assert.match(await page.locator('.kf-value').first().innerText(), /12\.34亿元/);
  assert.equal(await countAll(page), 0);
  release();
  await cards(page).first().waitFor();
  assert.equal(await page.locator('h1').count(), 1, 'the app replaced the first paint');
  await page.context().close();
});

test('under a strict Content-Security-Policy the app runs with no violation', async () => {
  const page = await open(browser);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${APP}?view=charts`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await page.locator('figure.chart canvas').first().waitFor();
  await page.goto(`${APP}?h=industrial-output&care=1&scheme=dark`);
  await page.locator('section.detail').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.errors, []);
  for (const url of page.requests) assert.ok(url.startsWith(ORIGIN), `request to another origin: ${url}`);
  await page.context().close();
});

test('precompressed brotli is served where asked for, and unchanged files revalidate with a 304', async () => {
  const page = await open(browser, APP);
  await cards(page).first().waitFor();
  const wasm = page.requests.find((u) => u.endsWith('.wasm'));
  // Chromium asks for brotli only over HTTPS, so ask as such a browser would.
  const br = await fetch(wasm, { headers: { 'accept-encoding': 'br' } });
  assert.equal(br.headers.get('content-encoding'), 'br');
  assert.match(br.headers.get('vary') ?? '', /Accept-Encoding/i);
  const index = await fetch(APP);
  assert.match(index.headers.get('cache-control'), /no-cache/);
  const etag = index.headers.get('etag');
  assert.ok(etag, 'index.html has an ETag');
  const again = await fetch(APP, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  await page.context().close();
});

test('the wasm is served compressed with its MIME type, assets with long caching', async () => {
  const page = await open(browser);
  const response = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await page.goto(APP);
  const wasm = await response;
  assert.equal(wasm.headers()['content-type'], 'application/wasm');
  assert.match(wasm.headers()['content-encoding'] ?? '', /gzip|br/);
  assert.match(wasm.headers()['cache-control'] ?? '', /immutable/);
  await page.context().close();
});

test('screenshots at phone and desktop width show the cards with Chinese text', async () => {
  for (const width of [390, 1280]) {
    const page = await open(browser, APP, { width });
    await cards(page).first().waitFor();
    await page.screenshot({ path: `${OUT}/cards-${width}.png` });
    const box = await cards(page).first().boundingBox();
    assert.ok(box.width <= width, 'a card fits the screen');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at ${width}px (overflow ${overflow}px)`);
    await page.context().close();
  }
});

test('a missing data file shows the error panel, and retry tries again', async () => {
  const page = await open(browser, `${ORIGIN}/broken/`);
  const panel = page.locator('.error-panel');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('role'), 'alert');
  assert.match(await panel.innerText(), /404/);
  const before = page.requests.filter((u) => u.endsWith('reports.json')).length;
  await panel.getByRole('button').click();
  await page.waitForFunction(
    (n) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('reports.json')).length > n,
    before,
  );
  await panel.waitFor();
  assert.equal(await countAll(page), 0);
  await page.context().close();
});

test('a second report listed in the index shows up without a code change', async () => {
  const page = await open(browser, `${ORIGIN}/fixture/?r=fixture-town`);
  await cards(page).first().waitFor();
  assert.match(await page.locator('h1').innerText(), /测试镇/);
  const first = await open(browser, `${ORIGIN}/fixture/`);
  await cards(first).first().waitFor();
  assert.match(await first.locator('h1').innerText(), /西溪镇/);
  assert.deepEqual([...page.errors, ...first.errors], []);
  await page.context().close();
  await first.context().close();
});
