// Taking things away: the filtered highlights as CSV (BOM, header, a row per metric) and JSON,
// any chart as a PNG that is a real, non-blank image, and a print layout without controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, open, pngPixels, APP, OUT, countAll } from './helpers.mjs';

let browser;
let data;
before(async () => {
  browser = await launch();
  data = JSON.parse(await readFile(new URL('../../public/data/xixi-2023.json', import.meta.url), 'utf8'));
});
after(async () => { await browser?.close(); });

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).first().click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('CSV of the filtered view: BOM, header, one row per metric (or per highlight without one)', async () => {
  const page = await open(browser, `${APP}?t=industry,safety`, { acceptDownloads: true });
  await page.locator('article.card').first().waitFor();
  const { name, bytes } = await download(page, 'button.download-csv');
  assert.equal(name, 'xixi-2023.csv');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  assert.match(lines[0], /^highlight_id,chapter,theme,kind,/);
  const shown = data.highlights.filter((h) => ['industry', 'safety'].includes(h.theme));
  const expected = shown.reduce((n, h) => n + Math.max(1, (h.metrics ?? []).length), 0);
  assert.equal(lines.length - 1, expected);
  assert.equal(await countAll(page), shown.length);
  assert.ok(lines.some((l) => l.includes('12.34亿元') && l.includes('2023年，规上工业总产值12.34亿元')));
  await page.context().close();
});

test('JSON of the filtered view holds exactly the highlights shown', async () => {
  const page = await open(browser, `${APP}?q=%E5%85%BB%E8%80%81`, { acceptDownloads: true });
  await page.locator('article.card').first().waitFor();
  const { bytes } = await download(page, 'button.download-json');
  const back = JSON.parse(bytes.toString('utf8'));
  const titles = await page.locator('article.card h3').allTextContents();
  assert.deepEqual(back.highlights.map((h) => h.title.zh), titles);
  assert.match(back.view, /q=/);
  await page.context().close();
});

test('a chart downloads as a valid, non-blank PNG', async () => {
  const page = await open(browser, `${APP}?view=charts`, { acceptDownloads: true });
  await page.locator('figure.chart canvas').first().waitFor();
  await page.waitForTimeout(300);
  const { name, bytes } = await download(page, '#chart-publicity button.download-png');
  assert.equal(name, 'publicity.png');
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  const { w, h, px } = await pngPixels(page, bytes);
  const seen = new Set();
  for (let i = 0; i < px.length; i += 16) seen.add(`${px[i]},${px[i + 1]},${px[i + 2]}`);
  const colours = { size: [w, h], distinct: seen.size };
  assert.ok(colours.size[0] > 100 && colours.size[1] > 100, `${colours.size}`);
  assert.ok(colours.distinct > 10, `only ${colours.distinct} colours: blank?`);
  await page.context().close();
});

test('print: A4 layout without controls, cards and charts kept whole', async () => {
  const page = await open(browser, `${APP}?t=elderly-care`);
  await page.locator('article.card').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.filters', '.views', '.downloads', '.switches', 'button.speak']) {
    const shown = await page.locator(sel).first().isVisible();
    assert.equal(shown, false, `${sel} hidden on paper`);
  }
  assert.equal(await page.locator('article.card').first().evaluate((e) => getComputedStyle(e).breakInside), 'avoid');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000);
  await page.screenshot({ path: `${OUT}/print-elderly-care.png`, fullPage: true });
  await page.context().close();
});
