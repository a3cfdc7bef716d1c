// Every fault gets a clear message and loses nothing: server errors, a slow server, a dropped
// connection (retry works), malformed or truncated data, one bad record, hostile strings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, open, cards, live, APP, countAll } from './helpers.mjs';

const DATA = '**/data/xixi-2023.json';
let browser;
let text;
before(async () => {
  browser = await launch();
  text = await readFile(new URL('../../public/data/xixi-2023.json', import.meta.url), 'utf8');
});
after(async () => { await browser?.close(); });

/// A page whose data request is answered by `handler` (Playwright's route) instead of the server.
async function withData(handler, url = APP, { wait = true, width = 1280 } = {}) {
  const page = await open(browser, undefined, { width });
  await page.route(DATA, handler);
  await page.goto(url);
  if (wait) await live(page);
  return page;
}

test('a 500 for the data says so, and retry loads the page once the server is back', async () => {
  const page = await withData((r) => r.fulfill({ status: 500, body: 'oops' }));
  const panel = page.locator('.error-panel');
  await panel.waitFor();
  assert.match(await panel.innerText(), /500/);
  await page.unroute(DATA);
  await panel.getByRole('button').click();
  await cards(page).first().waitFor();
  assert.ok(await countAll(page) >= 50);
  await page.context().close();
});

test('a dropped connection says so, and retry works', async () => {
  const page = await withData((r) => r.abort('connectionreset'));
  const panel = page.locator('.error-panel');
  await panel.waitFor();
  assert.match(await panel.innerText(), /无法连接服务器/);
  await page.unroute(DATA);
  await panel.getByRole('button').click();
  await cards(page).first().waitFor();
  await page.context().close();
});

test('a server that takes 10 s: the page in the HTML is readable meanwhile, then comes alive', async () => {
  const page = await withData(async (r) => {
    await new Promise((ok) => setTimeout(ok, 10_000));
    await r.fulfill({ status: 200, contentType: 'application/json', body: text });
  }, APP, { wait: false, width: 390 });
  await page.waitForTimeout(3000);
  // The build's render of the report: every card readable while the data is on its way.
  assert.match(await page.locator('h1').innerText(), /西溪镇交出高质量发展过硬答卷/);
  assert.equal(await cards(page).count(), JSON.parse(text).highlights.length);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.live), undefined, 'not live yet');
  await live(page);
  await page.locator('.filter-toggle').click();
  assert.equal(await page.locator('.filter-toggle').getAttribute('aria-expanded'), 'true');
  await page.context().close();
});

test('a search typed while the data is on its way is kept: the app comes alive with it, focus in the box', async () => {
  const page = await withData(async (r) => {
    await new Promise((ok) => setTimeout(ok, 2500));
    await r.fulfill({ status: 200, contentType: 'application/json', body: text });
  }, APP, { wait: false, width: 390 });
  const search = page.locator('input[type=search]');
  await search.click();
  await search.pressSequentially('养老');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.live), undefined, 'typed before the app was live');
  await live(page);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '养老');
  assert.equal(await search.inputValue(), '养老');
  assert.ok(await page.evaluate(() => document.activeElement?.matches('input[type=search]')), 'the box keeps the focus');
  const titles = await page.locator('article.card').allInnerTexts();
  assert.ok(titles.length > 0 && titles.every((t) => t.includes('养老')), 'only what the search finds');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('malformed and truncated data name the line and column', async () => {
  for (const body of ['{"schema_version": 1, "id": ', text.slice(0, 5000), 'not json at all']) {
    const page = await withData((r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    const panel = page.locator('.error-panel');
    await panel.waitFor();
    assert.match(await panel.innerText(), /line \d+, column \d+/);
    assert.equal(await countAll(page), 0);
    await page.context().close();
  }
});

test('one record of the wrong type is skipped and named; every other highlight shows', async () => {
  const data = JSON.parse(text);
  data.highlights[3].metrics = 'lots';
  data.highlights[5].theme = 'no-such-theme';
  const page = await withData((r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }));
  await cards(page).first().waitFor();
  assert.equal(await countAll(page), data.highlights.length - 2);
  const notice = await page.locator('.notice.warn').innerText();
  assert.match(notice, new RegExp(`highlights\\[3\\] \\(${data.highlights[3].id}\\)`));
  assert.match(notice, /unknown theme `no-such-theme`/);
  await page.context().close();
});

test('hostile strings in the data render as inert text', async () => {
  const data = JSON.parse(text);
  const h = data.highlights[0];
  h.title.zh = '<script>window.__pwned = 1</script>';
  h.summary.zh = '"><img src=x onerror="window.__pwned = 2">\u202Eevil\u202C';
  data.highlights[1].title.zh = '长'.repeat(10_000);
  const page = await withData((r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }));
  await cards(page).first().waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main img').count(), 0);
  assert.match(await cards(page).first().innerText(), /<script>window.__pwned = 1<\/script>/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `a 10,000-character title pushes the page ${overflow}px sideways`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// (5,000 ASCII characters: as many Chinese ones encode to 45 KB, past nginx's default 8 KB
// request line, and the server answers 414 before the page is reached.)
test('bad links never blank the page: a 5,000-character query, broken escapes, unknown values', async () => {
  for (const q of [`?q=${'x'.repeat(5000)}`, '?q=%E5%8&t=%zz', '?h=missing&view=nope&k=x&lang=fr&v=99']) {
    const page = await open(browser, APP + q);
    await page.locator('.notice').first().waitFor();
    assert.ok(await page.locator('h1').count() === 1);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a Rust panic shows the error panel, not a dead page', async () => {
  const page = await open(browser, APP);
  await cards(page).first().waitFor();
  // A host script breaks the DOM under the app (as a misbehaving portal script or extension
  // might): the renderer's next createElement fails and Rust panics.
  await page.evaluate(() => {
    Document.prototype.createElement = () => { throw new Error('createElement broken by a host script'); };
  });
  await page.locator('.chip').first().click();
  const panel = page.locator('.fatal[role=alert]');
  await panel.waitFor({ timeout: 5000 });
  const text = await panel.innerText();
  assert.match(text, /页面出现内部错误/);
  assert.match(text, /createElement broken by a host script/, 'the panel names the fault');
  assert.equal(await panel.locator('a[href=""]').count(), 1, 'it offers a reload');
  assert.ok(page.errors.some((e) => /panicked/.test(e)), 'the panic also went to the console');
  await page.context().close();
});

test('a data file saved by Windows Notepad (BOM, CRLF) loads like the original; UTF-16 is refused saying so', async () => {
  const notepad = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]);
  const page = await withData((r) => r.fulfill({ status: 200, contentType: 'application/json', body: notepad }));
  await cards(page).first().waitFor();
  assert.equal(await countAll(page), JSON.parse(text).highlights.length);
  assert.equal(await page.locator('.error-panel').count(), 0);
  // The browser's own reader takes the same bytes: what it reads, the page reads.
  const same = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return (await new Response(bytes).json()).highlights.length;
  }, notepad.toString('base64'));
  assert.equal(same, JSON.parse(text).highlights.length);
  await page.context().close();

  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const refused = await withData((r) => r.fulfill({ status: 200, contentType: 'application/json', body: utf16 }));
  const panel = refused.locator('.error-panel');
  await panel.waitFor();
  assert.match(await panel.innerText(), /UTF-16/);
  assert.match(await panel.innerText(), /UTF-8/);
  await refused.context().close();
});
