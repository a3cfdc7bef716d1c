// The story first, on a phone first: with no filter the page tells the report chapter by chapter,
// a figure is on the first screen, the filter bar is one sticky bar whose panel opens in place,
// a filter turns the story into the list and clearing it brings the story back; each kind of
// data gets its kind of chart; a card's share picture carries a QR code of the card's link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, cards, pngPixels, APP, OUT, waitShown } from './helpers.mjs';

let browser;
let data;
before(async () => {
  browser = await launch();
  const index = await (await fetch(`${APP}reports.json`)).json();
  data = await (await fetch(`${APP}${index.reports[0].href}`)).json();
});
after(async () => { await browser?.close(); });

/// A page with its whole story drawn (the chapters come one task after another).
async function story(url, width, height, options = {}) {
  const page = await open(browser, url, { width, height, ...options });
  const chapters = data.chapters.filter((c) => data.highlights.some((h) => h.chapter === c.id)).length;
  await page.waitForFunction((n) => document.querySelectorAll('section.chapter').length === n, chapters);
  return page;
}

for (const [width, height] of [[390, 844], [360, 780]]) {
  test(`${width} × ${height}: the first screen shows the headline, the key figures and a highlight with its figure`, async () => {
    const page = await story(APP, width, height);
    const shot = await page.evaluate(() => {
      const inView = (el) => { const b = el.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; };
      const figures = [...document.querySelectorAll('article .figure.main .num')];
      const first = figures.find((f) => f.getBoundingClientRect().top < innerHeight);
      return {
        headline: inView(document.querySelector('h1')),
        keyFigures: [...document.querySelectorAll('.key-figure')].every(inView),
        figure: first ? { text: first.textContent, bottom: first.getBoundingClientRect().bottom } : null,
      };
    });
    assert.ok(shot.headline, 'the headline is on the first screen');
    assert.ok(shot.keyFigures, 'every key figure is on the first screen');
    assert.ok(shot.figure, 'a highlight with its figure is on the first screen');
    assert.ok(shot.figure.bottom <= height, `its figure is whole on screen (${shot.figure.bottom} ≤ ${height})`);
    await page.screenshot({ path: `${OUT}/story-first-screen-${width}.png` });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('every chapter of the report is a section with its heading, in report order', async () => {
  const page = await story(APP, 390, 844);
  const sections = await page.locator('section.chapter').evaluateAll((ss) => ss.map((s) => ({
    id: s.id,
    heading: s.querySelector('h2 .ch-title').textContent,
    labelled: s.getAttribute('aria-labelledby') === s.querySelector('h2').id,
    cards: s.querySelectorAll('article.card').length,
  })));
  const chapters = data.chapters.filter((c) => data.highlights.some((h) => h.chapter === c.id));
  assert.deepEqual(sections.map((s) => s.id), chapters.map((c) => `ch-${c.id}`));
  assert.deepEqual(sections.map((s) => s.heading), chapters.map((c) => c.title.zh));
  assert.ok(sections.every((s) => s.labelled));
  // Every highlight is told once, in the chapter the data puts it in.
  for (const [i, c] of chapters.entries()) {
    assert.equal(sections[i].cards, data.highlights.filter((h) => h.chapter === c.id).length, c.id);
  }
  // A chapter's charts stand inside it.
  assert.ok(await page.locator('section#ch-momentum figure#chart-village-income').count() === 1);
  assert.ok(await page.locator('section#ch-wellbeing figure#chart-elderly-care').count() === 1);
  await page.context().close();
});

test('a filter turns the story into the list; clearing it brings the story back; the bar stays reachable', async () => {
  const page = await story(APP, 390, 844);
  // Far down the story the bar is still at the top of the screen.
  await page.evaluate(() => window.scrollTo(0, 4000));
  await page.waitForTimeout(100);
  const bar = await page.locator('section.filters').boundingBox();
  assert.ok(bar && bar.y >= -1 && bar.y < 10, `the filter bar is stuck to the top (${bar?.y})`);
  const toggle = page.locator('.filter-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const panel = page.locator('#filter-panel');
  assert.ok(await panel.isVisible(), 'the panel opens in place');
  const box = await panel.boundingBox();
  assert.ok(box.y < 844, 'the panel opens on screen, under the bar');
  const safety = data.highlights.filter((h) => h.theme === 'safety').length;
  const i = data.themes.findIndex((t) => t.id === 'safety');
  await panel.locator('[aria-labelledby=g-themes] button').nth(i).click();
  await waitShown(page, safety);
  assert.equal(await page.locator('section.chapter').count(), 0, 'no story while a filter is on');
  assert.equal(await cards(page).count(), safety);
  assert.equal(await page.locator('.filter-toggle .active-count').innerText(), '1');
  // Clearing brings the story back.
  await panel.locator('button.clear').click();
  await page.locator('section.chapter').first().waitFor();
  assert.ok(await page.locator('section.chapter').count() >= 4);
  // Typing a search is a filter too.
  await page.locator('input[type=search]').fill('养老');
  await page.waitForFunction(() => !document.querySelector('section.chapter'));
  await page.locator('input[type=search]').fill('');
  await page.locator('section.chapter').first().waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at 1280 px the filter panel stays open beside the story', async () => {
  const page = await story(APP, 1280, 900);
  assert.ok(await page.locator('#filter-panel').isVisible());
  assert.equal(await page.locator('.filter-toggle').isVisible(), false);
  const panel = await page.locator('section.filters').boundingBox();
  const content = await page.locator('.content').boundingBox();
  assert.ok(panel.x + panel.width <= content.x, 'beside the content');
  await page.screenshot({ path: `${OUT}/story-1280.png` });
  await page.context().close();
});

test('no sideways scrolling at 320 px, in the story, the list and 关怀模式', async () => {
  for (const q of ['', '?t=safety', '?care=1', '?lang=en']) {
    const page = await open(browser, `${APP}${q}`, { width: 320, height: 700 });
    await cards(page).first().waitFor();
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(over <= 0, `${q || 'story'}: ${over} px sideways`);
    await page.context().close();
  }
});

// The page as built (hydrated) and a link drawn fresh (English).
for (const query of ['', '?lang=en']) test(`a chart in a chapter off the screen is drawn when the reader nears it, and for printing (${query || 'as built'})`, async () => {
  const page = await story(`${APP}${query}`, 390, 844);
  await page.waitForFunction(() => document.documentElement.dataset.live === '1', null, { timeout: 30_000 });
  await page.waitForTimeout(500);
  // Far below the first screen: not laid out, not sized, not painted.
  const sized = () => page.evaluate(() => [...document.querySelectorAll('section.chapter canvas')].map((c) => c.width > 1));
  assert.ok((await sized()).every((s) => !s), 'no chart of the story is drawn before the reader nears it');
  // Scrolled to: drawn, with more than one colour.
  await page.evaluate(() => document.querySelector('section.chapter canvas').closest('figure').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('section.chapter canvas').width > 1, null, { timeout: 10_000 });
  const colours = await page.evaluate(() => {
    const c = document.querySelector('section.chapter canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]},${d[i + 3]}`);
    return seen.size;
  });
  assert.ok(colours > 2, `the chart is painted (${colours} colours)`);
  // Before printing, every chart is drawn at once (paper shows every chapter).
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  assert.ok((await sized()).every(Boolean), 'every chart is drawn for printing');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('where the browser would not say when a chapter is drawn, the story\'s charts are drawn at once', async () => {
  // A browser that skips chapters but lacks contentvisibilityautostatechange (or announces no
  // handler for it): waiting could leave a chart blank for good.
  const page = await open(browser, undefined, { width: 390, height: 844 });
  await page.addInitScript(() => { delete HTMLElement.prototype.oncontentvisibilityautostatechange; });
  await page.goto(APP);
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => document.documentElement.dataset.live === '1', null, { timeout: 30_000 });
  await page.waitForFunction(() => [...document.querySelectorAll('section.chapter canvas')].every((c) => c.width > 1), null, { timeout: 10_000 });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('each kind of data has its kind of chart, drawn, with its table', async () => {
  const page = await open(browser, `${APP}?view=charts`, { width: 390, height: 844 });
  await page.locator('figure.chart canvas').first().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('figure.chart canvas')].every((c) => c.width > 1));
  const kinds = await page.locator('figure.chart').evaluateAll((fs) => fs.map((f) => f.dataset.kind));
  for (const k of ['bars', 'units', 'part-of-whole', 'track']) assert.ok(kinds.includes(k), `a ${k} chart`);
  // The part of the whole: 20 cells, 4 of them filled in the report's red.
  const cells = await page.evaluate(() => {
    const c = document.querySelector('#chart-village-income canvas');
    const { data, width } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let red = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] > 140 && data[i + 1] < 60 && data[i + 2] < 60) red++;
    return { red, area: c.width * c.height, width };
  });
  assert.ok(cells.red > cells.area * 0.02, `the four filled cells are drawn (${cells.red} red pixels)`);
  // Units: 19 + 9 symbols are drawn as separate marks (many small red blobs).
  const units = await page.evaluate(() => {
    const c = document.querySelector('#chart-elderly-care canvas');
    const { data, width, height } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let runs = 0;
    // Count red runs along each row: one per symbol the row crosses.
    for (let y = 0; y < height; y += 2) {
      let inRun = false;
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        const red = data[i] > 140 && data[i + 1] < 80 && data[i + 2] < 80;
        if (red && !inRun) runs++;
        inRun = red;
      }
    }
    return runs;
  });
  assert.ok(units > 28, `the symbols are drawn one by one (${units} runs)`);
  await page.screenshot({ path: `${OUT}/charts-390.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a card\'s share picture: a PNG whose QR code opens the card and whose figure is drawn', async () => {
  const jsQR = (await import('jsqr')).default;
  const page = await story(APP, 390, 844);
  const id = 'folk-culture-events';
  const card = page.locator(`article#h-${id}`);
  await card.locator('details.source > summary').click();
  await card.locator('button.make-poster').click();
  const img = card.locator('.poster-figure img');
  await img.waitFor();
  const src = await img.getAttribute('src');
  assert.match(src, /^data:image\/png;base64,/);
  const png = Buffer.from(src.split(',')[1], 'base64');
  const { w, h, px } = await pngPixels(page, png);
  assert.deepEqual([w, h], [750, 1334]);
  const decoded = jsQR(px, w, h);
  assert.ok(decoded, 'the QR code decodes');
  assert.equal(decoded.data, `${APP}?v=1&h=${id}`);
  // Where the figure is drawn, the picture is not blank.
  const [fx, fy, fw, fh] = (await img.getAttribute('data-figure')).split(' ').map(Number);
  let ink = 0;
  for (let y = Math.round(fy); y < fy + fh; y += 2) {
    for (let x = Math.round(fx); x < fx + fw; x += 2) {
      const i = (y * w + x) * 4;
      if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) ink++;
    }
  }
  assert.ok(ink > (fw * fh) / 4 * 0.05, `the figure has ink (${ink} dark pixels)`);
  assert.equal(await card.locator('.poster-download').getAttribute('download'), `${id}.png`);
  assert.match(await img.getAttribute('alt'), /3000余场/);
  await page.screenshot({ path: `${OUT}/poster-390.png`, fullPage: false });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the key figures have a share picture too, with a QR code of the page', async () => {
  const jsQR = (await import('jsqr')).default;
  const page = await story(APP, 390, 844);
  await page.locator('details.share > summary').click();
  await page.locator('.share-poster button.make-poster').click();
  const img = page.locator('.share-poster img');
  await img.waitFor();
  const png = Buffer.from((await img.getAttribute('src')).split(',')[1], 'base64');
  const { w, h, px } = await pngPixels(page, png);
  const decoded = jsQR(px, w, h);
  assert.equal(decoded?.data, APP);
  await page.context().close();
});
