// Embedding: a portal page on a second origin embeds the app in an iframe; the iframe follows the
// content's height as filters change (no inner scroll bar) and the portal hears the current view.
// An embedded card or chart shows that alone, with a link that opens the full page in a new tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, pngPixels, APP, ORIGIN, OUT } from './helpers.mjs';

// The portal is served as "localhost", the app as "127.0.0.1": two origins.
const PORTAL = ORIGIN.replace('127.0.0.1', 'localhost') + '/portal/';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const noInnerScroll = (frame) => frame.evaluate(() =>
  document.documentElement.scrollHeight - document.documentElement.clientHeight);

test('the iframe follows the content height as filters change, with no inner scroll bar', async () => {
  const page = await open(browser, `${PORTAL}?app=${encodeURIComponent(APP + '?embed=page')}`, { width: 1000, wait: false });
  const iframe = page.locator('#xixi');
  await page.waitForFunction(() => parseFloat(document.getElementById('xixi').style.height) > 1000);
  const frame = page.frameLocator('#xixi');
  await frame.locator('article.card').first().waitFor();
  assert.equal(await frame.locator('header.masthead').count(), 0, 'no page chrome in an embed');
  const f = page.frames().find((x) => x.url().startsWith(APP));
  await page.waitForTimeout(300);
  assert.ok(await noInnerScroll(f) <= 1, 'no inner scroll bar at first');
  const tall = (await iframe.boundingBox()).height;

  // Ecology: five cards, far fewer than the whole story. The filter panel opens in place.
  await frame.locator('.filter-toggle').click();
  await frame.locator('.chip-group[aria-labelledby=g-themes] button').nth(3).click();
  await page.waitForFunction((h) => parseFloat(document.getElementById('xixi').style.height) < h - 200, tall);
  await page.waitForTimeout(200);
  const short = (await iframe.boundingBox()).height;
  assert.ok(short < tall, `the frame shrank from ${tall} to ${short}`);
  assert.ok(await noInnerScroll(f) <= 1, 'no inner scroll bar after filtering');
  // The portal heard the view, so it can keep a deep link.
  await page.waitForFunction(() => document.getElementById('deep-link').textContent.includes('t='));
  assert.match(await page.locator('#deep-link').innerText(), /embed=page/);
  // A viewport as tall as the portal page, so the cross-origin frame is painted whole.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1000, height: Math.min(height, 4000) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/embed-portal-1000.png` });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an embedded card shows only that card, and the full-page link opens a new tab', async () => {
  const page = await open(browser, `${APP}?embed=card&h=industrial-output`, { width: 400 });
  await page.locator('article.card').waitFor();
  assert.equal(await page.locator('article.card').count(), 1);
  assert.equal(await page.locator('.filters').count(), 0);
  const link = page.locator('.embed-bar a');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  assert.equal(new URL(await link.getAttribute('href'), APP).search, '?v=1&h=industrial-output');
  await page.context().close();
});

test('an embedded chart shows only that chart', async () => {
  const page = await open(browser, `${APP}?embed=chart&chart=publicity&lang=en`, { width: 600 });
  await page.locator('figure.chart canvas').waitFor();
  assert.equal(await page.locator('figure.chart').count(), 1);
  assert.match(await page.locator('figure.chart h3').innerText(), /Media reports, posts and public-service ads/);
  await page.context().close();
});

test('share: the QR code decodes to the current link, copy puts it on the clipboard, embed code names the view', async () => {
  const jsQR = (await import('jsqr')).default;
  const page = await open(browser, `${APP}?t=safety&lang=en`, { width: 1000, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.locator('article.card').first().waitFor();
  await page.locator('details.share > summary').click();
  // The panel makes its link when it opens.
  await page.waitForFunction(() => document.querySelector('#share-link')?.value);
  const link = await page.locator('#share-link').inputValue();
  assert.equal(link, `${APP}?v=1&t=safety&lang=en`);
  // Decode the QR code as a phone camera would: from the pixels on screen.
  const shot = await page.locator('svg.qr').screenshot();
  const { w, h, px } = await pngPixels(page, shot);
  const decoded = jsQR(px, w, h);
  assert.ok(decoded, 'the QR code decodes');
  assert.equal(decoded.data, link);
  await page.locator('button.copy-link').click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.match(await page.locator('.share-status').innerText(), /Copied/);
  const code = await page.locator('#embed-code').inputValue();
  assert.match(code, /<iframe src="[^"]*\?v=1&amp;t=safety&amp;lang=en&amp;embed=page"/);
  assert.match(code, /loading="lazy"/);
  assert.match(code, /<script src="[^"]*\/zwgk\/xixi-2023\/embed\.js" defer><\/script>/);
  await page.context().close();
});

test('the host sets the look: accent colour, dark, 关怀模式 and language in the embed link', async () => {
  const page = await open(browser, `${APP}?embed=page&accent=9b1c1c&lang=en&t=safety`, { colorScheme: 'light' });
  await page.locator('article.card').first().waitFor();
  const pressed = page.locator('button.chip[aria-pressed="true"]').first();
  assert.equal(await pressed.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(155, 28, 28)');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.context().close();

  // The portal's dark switch wins over the reader's light system setting, and 关怀模式 applies.
  const dark = await open(browser, `${APP}?embed=page&scheme=dark&care=1`, { colorScheme: 'light' });
  await dark.locator('article.card').first().waitFor();
  const bg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(0, 0, 0)', 'dark 关怀模式 background');
  assert.ok(await dark.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.summary')).fontSize)) >= 24);
  await dark.context().close();

  // An accent too light for white text on it is refused, said, and the page keeps its own.
  const light = await open(browser, `${APP}?embed=page&accent=ffff00`);
  await light.locator('article.card').first().waitFor();
  assert.match(await light.locator('.notice').first().innerText(), /accent=ffff00/);
  assert.equal(await light.evaluate(() => document.documentElement.dataset.hostAccent), undefined);
  await light.context().close();
});
