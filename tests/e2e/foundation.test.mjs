// The Foundation: the release build, served from a portal-style sub-path by nginx, loads its data
// and shows cards; a missing data file gives an error panel with a retry that works; a second
// report listed in the index shows up with no code change; the loader asks for what a link needs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, cards, live, APP, ORIGIN, OUT, countAll } from './helpers.mjs';

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

test('the default view is in the HTML nginx serves: every card with its figure and source sentence', async () => {
  const index = await (await fetch(`${APP}reports.json`)).json();
  const data = await (await fetch(`${APP}${index.reports[0].href}`)).json();
  const html = await (await fetch(APP)).text();
  // Before any script: the story's sections, every highlight as an <article>, the figures as
  // the report prints them, the source sentences, the key figures and the filter bar.
  assert.equal((html.match(/<article /g) ?? []).length, data.highlights.length);
  for (const c of data.chapters) assert.ok(html.includes(`id="ch-${c.id}"`), `section ${c.id}`);
  for (const h of data.highlights) {
    assert.ok(html.includes(`id="h-${h.id}"`), h.id);
    assert.ok(html.includes(h.quotes[0].text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')), `the source sentence of ${h.id}`);
  }
  assert.match(html, /<span class="num">12\.34<\/span><span class="unit">亿元<\/span>/);
  assert.match(html, /共 \d+ 项/);
  assert.match(html, /<noscript>[\s\S]*class="original-text"/);
});

test('hydration keeps the cards the HTML has: the same nodes, not drawn again, no warning', async () => {
  const page = await open(browser, undefined, { width: 390, height: 844 });
  const messages = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') messages.push(m.text()); });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (r) => { await held; await r.continue(); });
  await page.goto(APP);
  // Readable before the wasm: the story is there, not yet live.
  assert.ok(await cards(page).count() >= 50);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.live), undefined);
  await page.evaluate(() => {
    window.__before = [...document.querySelectorAll('article, section.chapter, .key-figure')];
    window.__before.forEach((n, i) => { n.__seen = i; });
  });
  release();
  await live(page);
  const kept = await page.evaluate(() => {
    const now = [...document.querySelectorAll('article, section.chapter, .key-figure')];
    return { before: window.__before.length, now: now.length, same: now.every((n, i) => n === window.__before[i] && n.__seen === i) };
  });
  assert.equal(kept.now, kept.before);
  assert.ok(kept.same, 'every card, section and key figure is the node the HTML had');
  // And it is live: a chip filters the very same page.
  await page.locator('.filter-toggle').click();
  assert.equal(await page.locator('.filter-toggle').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(messages.filter((m) => !/preloaded using link preload/.test(m)), [], 'no hydration warning');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the page as built is all a reader who only reads fetches; the first sign of use fetches the app', async () => {
  const page = await open(browser, undefined, { width: 390, height: 844 });
  await page.goto(APP);
  await page.waitForTimeout(1500);
  // The story, readable: but no wasm, no glue and no data yet.
  assert.ok(await cards(page).count() >= 50);
  const fetched = page.requests.filter((u) => /\.wasm$|xixi-highlights-[^/]*\.js$|\.json$/.test(u));
  assert.deepEqual(fetched, [], 'nothing but the page until the reader does something');
  // A scroll (a flick of the thumb) is a sign of use: the app comes, and comes alive.
  await page.mouse.wheel(0, 300);
  await page.waitForFunction(() => document.documentElement.dataset.live === '1', null, { timeout: 30_000 });
  assert.ok(page.requests.some((u) => u.endsWith('.wasm')));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a tap before the app is live is kept: the control is busy, then does what it does', async () => {
  const page = await open(browser, undefined, { width: 390, height: 844, hasTouch: true, isMobile: true });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (r) => { await held; await r.continue(); });
  await page.goto(APP);
  await page.evaluate(() => { window.__samePage = true; });
  // 「筛选」, a button: tapped while the wasm is on its way.
  await page.locator('.filter-toggle').tap();
  assert.equal(await page.locator('.filter-toggle').getAttribute('aria-busy'), 'true');
  assert.equal(await page.evaluate(() => 'waking' in document.documentElement.dataset), true, 'the bar along the top runs');
  release();
  await page.waitForFunction(() => document.querySelector('.filter-toggle')?.getAttribute('aria-expanded') === 'true', null, { timeout: 30_000 });
  assert.equal(await page.locator('.filter-toggle').getAttribute('aria-busy'), null);
  assert.equal(await page.evaluate(() => 'waking' in document.documentElement.dataset), false);
  // A link to another view, tapped before the app is live, is followed by the app (no reload).
  const second = await open(browser, undefined, { width: 390, height: 844, hasTouch: true, isMobile: true });
  let release2;
  const held2 = new Promise((ok) => { release2 = ok; });
  await second.route('**/*.wasm', async (r) => { await held2; await r.continue(); });
  await second.goto(APP);
  await second.evaluate(() => { window.__samePage = true; });
  await second.locator('nav.views a.tab', { hasText: '图表' }).tap();
  assert.equal(new URL(second.url()).search, '', 'held until the app is live');
  release2();
  await second.waitForURL(/view=charts/, { timeout: 30_000 });
  await second.locator('figure.chart').first().waitFor();
  assert.equal(await second.evaluate(() => window.__samePage), true, 'the same page, not reloaded');
  assert.deepEqual([...page.errors, ...second.errors], []);
  await page.context().close();
  await second.context().close();
});

test('a click with no press before it (a screen reader activating a button) fetches the app and is kept', async () => {
  const page = await open(browser, undefined, { width: 390, height: 844 });
  await page.goto(APP);
  await page.waitForTimeout(500);
  assert.ok(!page.requests.some((u) => u.endsWith('.wasm')));
  // A bare click event, as assistive technology sends: no pointer, no key, no focus first.
  await page.evaluate(() => document.querySelector('.filter-toggle').click());
  await page.waitForFunction(() => document.querySelector('.filter-toggle')?.getAttribute('aria-expanded') === 'true', null, { timeout: 30_000 });
  assert.ok(page.requests.some((u) => u.endsWith('.wasm')));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without JavaScript the default view and 原文 are readable', async () => {
  const index = await (await fetch(`${APP}reports.json`)).json();
  const data = await (await fetch(`${APP}${index.reports[0].href}`)).json();
  const page = await open(browser, undefined, { javaScriptEnabled: false, width: 390, height: 844 });
  await page.goto(APP);
  assert.match(await page.locator('h1').first().innerText(), /西溪镇交出高质量发展过硬答卷/);
  assert.match(await page.locator('.key-figures').innerText(), /12\.34亿元[\s\S]*全市第一/);
  assert.equal(await cards(page).count(), data.highlights.length);
  // A card's source sentence opens without a script (<details>).
  const card = page.locator('article#h-new-jobs');
  await card.locator('details.source > summary').click();
  assert.match(await card.locator('details.source').innerText(), /累计增加就业岗位1200个/);
  // 原文, after the story.
  const original = page.locator('.noscript-original .original-text');
  assert.ok(await original.isVisible());
  const text = await original.innerText();
  for (const b of data.source.blocks.filter((b) => b.kind === 'paragraph').slice(0, 5)) {
    assert.ok(text.includes(b.text.slice(0, 20)), b.text.slice(0, 20));
  }
  await page.screenshot({ path: `${OUT}/no-javascript-390.png` });
  await page.context().close();
});

test('no layout shift: the default view hydrated, and links to other views drawn in its place', async () => {
  for (const q of ['', '?t=safety', '?h=industrial-output', '?view=charts', '?lang=en', '?care=1', '?scheme=dark']) {
    for (const [width, height] of [[390, 844], [1280, 900]]) {
      const page = await open(browser, undefined, { width, height });
      await page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(APP + q);
      await live(page);
      await page.waitForTimeout(600);
      const cls = await page.evaluate(() => window.__cls);
      assert.ok(cls < 0.001, `${q || 'default'} at ${width}px: CLS ${cls}`);
      await page.context().close();
    }
  }
});

test('under a strict Content-Security-Policy the app runs with no violation', async () => {
  const page = await open(browser);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // The page as built: its one inline stylesheet is allowed by its hash, so no file is fetched.
  const built = await page.goto(APP);
  assert.match(built.headers()['content-security-policy'], /style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
  await live(page);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--styled').trim()), '1');
  assert.ok(!page.requests.some((u) => /style-[^/]*\.css$/.test(u)), 'the stylesheet is in the page');
  const response = await page.goto(`${APP}?view=charts`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await live(page);
  await page.locator('figure.chart canvas').first().waitFor();
  await page.goto(`${APP}?h=industrial-output&care=1&scheme=dark`);
  await live(page);
  await page.locator('section.detail').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.errors, []);
  for (const url of page.requests) assert.ok(url.startsWith(ORIGIN), `request to another origin: ${url}`);
  await page.context().close();
});

test('a server whose policy lacks the inline stylesheet\'s hash still shows the page styled', async () => {
  // /oldpolicy/ is the build under the policy of before (style-src 'self' alone), as a portal
  // that kept it would serve it: the inline sheet is blocked, and the loader adds the file.
  const page = await open(browser, `${ORIGIN}/oldpolicy/`, { width: 390, height: 844 });
  await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--styled').trim() === '1', null, { timeout: 10_000 });
  assert.ok(page.requests.some((u) => /style-[^/]*\.css$/.test(u)), 'the stylesheet file was fetched');
  // Styled: the masthead's top line is laid out in a row, and the first card fits the screen.
  assert.equal(await page.locator('.masthead-top').evaluate((e) => getComputedStyle(e).display), 'flex');
  const box = await cards(page).first().boundingBox();
  assert.ok(box.width <= 390);
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
  await page.mouse.move(1, 1);
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

test('a report added by the README walkthrough shows in the switcher by town and year, its cards reachable by link', async () => {
  // /fixture/ serves the build with tests/fixtures dropped in: the fixture town's report, which
  // tests/walkthrough.rs proves is what the walkthrough's commands make, listed in reports.json.
  const first = await open(browser, `${ORIGIN}/fixture/`, { width: 390, height: 844 });
  await cards(first).first().waitFor();
  assert.match(await first.locator('h1').innerText(), /西溪镇/);
  const switcher = first.locator('nav.reports');
  assert.deepEqual(await switcher.locator('a').allInnerTexts(), ['西溪镇 · 2023年', '测试镇 · 2024年']);
  assert.equal(await switcher.locator('[aria-current=page]').innerText(), '西溪镇 · 2023年');
  await switcher.locator('a', { hasText: '测试镇' }).click();
  await first.waitForFunction(() => new URL(location.href).searchParams.get('r') === 'fixture-town');
  await first.locator('h1', { hasText: '测试镇' }).waitFor();
  assert.equal(await cards(first).count(), 2);
  assert.equal(await first.locator('nav.reports [aria-current=page]').innerText(), '测试镇 · 2024年');
  // A card of the new report by link: the link keeps the report.
  const page = await open(browser, `${ORIGIN}/fixture/?r=fixture-town&h=one-window-rank`);
  await page.locator('section.detail').waitFor();
  assert.match(await page.locator('#detail-title').innerText(), /一窗通办/);
  await page.locator('section.detail button.close').click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('h'));
  assert.equal(new URL(page.url()).searchParams.get('r'), 'fixture-town');
  assert.deepEqual([...page.errors, ...first.errors], []);
  await page.context().close();
  await first.context().close();
});

test('a link to another view asks for the app at once; a link to another report for its data too', async () => {
  // A frame the browser does not paint (as in a portal's hidden tab): no paint entry, no
  // animation frame. The page as built waits for its paint (three seconds at most); a link to
  // another view does not wait for a page it does not show.
  const frozen = () => {
    Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => [] });
    window.requestAnimationFrame = () => 0;
  };
  // How many answers the page's head script had asked for when the page's body began.
  const atBody = () => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      observer.disconnect();
      window.__askedAtBody = globalThis.xixiEarly?.size ?? 0;
    }).observe(document, { childList: true, subtree: true });
  };
  const asked = async (url, hold) => {
    const page = await open(browser, undefined, { width: 390, height: 844 });
    await page.addInitScript(frozen);
    await page.addInitScript(atBody);
    const seen = [];
    page.on('request', (r) => seen.push(r.url()));
    // The wasm never arrives: whatever else is asked for, the loader asked for itself.
    if (hold) await page.route('**/*.wasm', () => {});
    await page.goto(url);
    await page.waitForTimeout(1200);
    const shown = await page.evaluate(() => ({
      atBody: window.__askedAtBody,
      app: getComputedStyle(document.getElementById('app')).display,
      line: getComputedStyle(document.documentElement, '::before').content,
    }));
    await page.context().close();
    return { seen, shown };
  };
  const built = await asked(APP, false);
  assert.ok(!built.seen.some((u) => u.endsWith('.wasm')), 'the page as built waits for the reader');
  assert.equal(built.shown.atBody, 0);
  const card = await asked(`${APP}?v=1&h=provincial-townscape-model-area`, false);
  assert.ok(card.seen.some((u) => u.endsWith('.wasm')), 'a link to a card asks for the wasm at once');
  // Asked for from the top of <head>, before the 130 KB page below it is parsed.
  assert.equal(card.shown.atBody, 2, 'the index and the data, before the body');
  const other = await asked(`${ORIGIN}/fixture/?r=fixture-town`, true);
  assert.ok(other.seen.some((u) => u.endsWith('/data/fixture-town.json')), 'its data file, before the app has started');
  assert.ok(!other.seen.some((u) => u.endsWith('/data/xixi-2023.json')), 'not the data of the page in the HTML');
  assert.equal(other.shown.atBody, 2, 'the index and the file where reports are put, before the body');
  // The page in the HTML is another report's: hidden, a loading line in its place.
  assert.equal(other.shown.app, 'none');
  assert.equal(other.shown.line, '"正在载入数据…"');
});

test('a report the index lists elsewhere than data/<id>.json opens from there, the guess dropped', async () => {
  // The head script asks for data/<id>.json beside the index (where reports are put); an index
  // that names another file has the last word.
  const page = await open(browser, undefined, { width: 390, height: 844 });
  await page.route('**/fixture/reports.json', async (route) => {
    const index = await (await route.fetch()).json();
    index.reports.find((r) => r.id === 'fixture-town').href = 'data/moved/fixture-town.json';
    await route.fulfill({ json: index });
  });
  await page.route('**/fixture/data/moved/fixture-town.json', async (route) => {
    const file = await route.fetch({ url: `${ORIGIN}/fixture/data/fixture-town.json` });
    await route.fulfill({ response: file });
  });
  // The guessed file, held until the index is in: it must not be what the page shows.
  const served = [];
  await page.route('**/fixture/data/fixture-town.json', async (route) => {
    served.push(route.request().url());
    await new Promise((r) => setTimeout(r, 300));
    await route.fulfill({ status: 404, body: 'moved' }).catch(() => {});
  });
  await page.goto(`${ORIGIN}/fixture/?r=fixture-town`);
  await live(page);
  await page.locator('h1', { hasText: '测试镇' }).waitFor();
  assert.equal(await cards(page).count(), 2);
  assert.equal(served.length, 1, 'the guess was asked for once, by the head script');
  assert.ok(page.requests.some((u) => u.endsWith('/fixture/data/moved/fixture-town.json')), 'the file the index names');
  assert.deepEqual(page.errors, [], 'the dropped guess leaves no error');
  await page.context().close();
});
