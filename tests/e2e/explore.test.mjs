// Exploring the report in the browser: chips and search narrow the cards and are held in the URL
// (a link reopens the same view, Back and Forward step through it), deep links open a highlight,
// the 原文 view marks every quote and opens its highlight, the charts are drawn and their tables
// state the dataset's numbers, bad links are reported, and English is a link away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, cards, titles, APP, OUT, waitShown, countAll, shownCount } from './helpers.mjs';

let browser;
let data;
before(async () => {
  browser = await launch();
  const index = await (await fetch(`${APP}reports.json`)).json();
  data = await (await fetch(`${APP}${index.reports[0].href}`)).json();
});
after(async () => { await browser?.close(); });

const themeChips = (page) =>
  page.locator('[role=group][aria-labelledby=g-themes] button[aria-pressed]');
// The theme chips come in the order of the report's taxonomy.
const chip = (page, theme) => {
  const i = data.themes.findIndex((t) => t.id === theme);
  assert.ok(i >= 0, `no theme ${theme}`);
  return themeChips(page).nth(i);
};
const chipCount = async (locator) => Number(await locator.locator('.count').innerText());
const param = (page, key) => new URL(page.url()).searchParams.get(key);

/// Open `url` and wait until the page has drawn its cards.
async function ready(url, options) {
  const page = await open(browser, url, options);
  await cards(page).first().waitFor();
  return page;
}

/// The same number as the app prints it in Chinese: as the report prints it (「3000余场」「49条」),
/// or computed (「16个」, with 「≈」 only when rounded).
function zhFigure(m) {
  if (m.printed) return m.printed;
  const body = `${String(Number(m.value.toFixed(4)))}${m.unit}`;
  return m.qualifier === 'approx' ? `≈${body}` : body;
}

function metric(name) {
  const [hid, mid] = name.split('/');
  const h = data.highlights.find((x) => x.id === hid);
  return h.metrics.find((x) => x.id === mid);
}

const STATUS_ZH = { completed: '已完工', under_construction: '已开工', design_finished: '已完成设计' };

/// The rows a chart's table must have, straight from the dataset: [label, printed value].
function expectedRows(def) {
  const row = (name) => { const m = metric(name); return [m.label.zh, zhFigure(m)]; };
  if (def.series.type === 'metrics') return def.series.metrics.map(row);
  if (def.series.type === 'part_of_whole') return [row(def.series.whole), row(def.series.part)];
  // A track: one row per project, with where it stands.
  return data.highlights
    .filter((h) => h.kind === def.series.kind)
    .map((h) => [h.title.zh, STATUS_ZH[h.status]]);
}

test('a theme chip filters the cards, is pressed, and its link reopens the same cards', async () => {
  const page = await ready(APP);
  const total = await countAll(page);
  assert.equal(total, data.highlights.length);
  assert.equal(await themeChips(page).count(), data.themes.length);
  const safety = chip(page, 'safety');
  assert.match(await safety.innerText(), new RegExp(data.themes.find((t) => t.id === 'safety').label.zh));
  assert.equal(await safety.getAttribute('aria-pressed'), 'false');
  const n = await chipCount(safety);
  assert.equal(n, data.highlights.filter((h) => h.theme === 'safety').length);
  assert.ok(n > 0 && n < total);

  await safety.click();
  await waitShown(page, n);
  assert.equal(await safety.getAttribute('aria-pressed'), 'true');
  assert.equal(param(page, 't'), 'safety');
  assert.equal(await shownCount(page), n);
  // Every card shown is a safety card, in report order.
  const expected = data.highlights.filter((h) => h.theme === 'safety').map((h) => h.title.zh);
  const got = await titles(page);
  assert.deepEqual(got, expected);

  // The link, opened in a new browser context (no shared state), shows the same cards.
  const other = await ready(page.url());
  assert.deepEqual(await titles(other), got);
  assert.equal(await chip(other, 'safety').getAttribute('aria-pressed'), 'true');
  assert.deepEqual([...page.errors, ...other.errors], []);
  await other.context().close();
  await page.context().close();
});

test('typing 养老 in the search box narrows the cards and goes into the link', async () => {
  const page = await ready(APP);
  const box = page.getByRole('searchbox');
  assert.equal(await box.getAttribute('type'), 'search');
  // The box has a visible label.
  const label = await page.locator('label[for=search]').innerText();
  assert.ok(label.trim().length > 0);
  assert.equal(await page.getByLabel(label.trim(), { exact: true }).getAttribute('id'), 'search');

  await box.fill('养老');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '养老');
  await page.waitForFunction((all) => Number(document.querySelector('.result-count').textContent.match(/\d+/)[0]) < all, data.highlights.length);
  const n = await countAll(page);
  assert.ok(n > 0, 'some cards match 养老');
  assert.equal(await shownCount(page), n, '「共 N 项」 counts the cards');
  // Each card shown holds the word (title, summary, figures or its source sentence).
  for (const text of await cards(page).evaluateAll((els) => els.map((e) => e.textContent))) {
    assert.match(text, /养老/);
  }
  const ids = await cards(page).evaluateAll((els) => els.map((e) => e.id));
  assert.ok(ids.includes('h-home-care-centres'), ids.join());
  assert.ok(!ids.includes('h-industrial-output'));

  // Two words: both must match.
  await box.fill('养老 智慧');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '养老 智慧');
  const m = await countAll(page);
  assert.ok(m > 0 && m < n, `养老 智慧 gives ${m} of ${n}`);
  assert.equal(await shownCount(page), m);

  // Nonsense: the empty state, with a button that clears the search.
  await box.fill('火星基地');
  await page.locator('.empty').waitFor();
  assert.equal(await countAll(page), 0);
  assert.equal(await shownCount(page), 0);
  await page.locator('.empty button').click();
  await waitShown(page, data.highlights.length);
  assert.equal(param(page, 'q'), null);
  assert.equal(await box.inputValue(), '');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('keyboard focus stays on the search box while typing and on a chip after pressing it', async () => {
  const page = await ready(APP);
  const box = page.getByRole('searchbox');
  await box.focus();
  // One key at a time, each one re-filtering the cards.
  await box.pressSequentially('elderly', { delay: 30 });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'elderly');
  assert.equal(await box.inputValue(), 'elderly');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
  assert.ok((await countAll(page)) < data.highlights.length);

  await box.fill('');
  const safety = chip(page, 'safety');
  await safety.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('t') === 'safety');
  assert.equal(await safety.getAttribute('aria-pressed'), 'true');
  assert.equal(await safety.evaluate((el) => el === document.activeElement), true, 'focus stays on the chip');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('t'));
  assert.equal(await safety.getAttribute('aria-pressed'), 'false');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a deep link opens the detail with its quote marked; Escape closes it and focus returns', async () => {
  const h = data.highlights.find((x) => x.id === 'wechat-posts');
  const page = await open(browser, `${APP}?h=${h.id}`);
  const detail = page.locator('section.detail');
  await detail.waitFor();
  assert.equal(await detail.locator('h2').innerText(), h.title.zh);
  const marks = await detail.locator('.original-paragraph mark').allTextContents();
  assert.ok(marks.length > 0, 'the quote is marked');
  assert.equal(marks.join(''), h.quotes.map((q) => q.text).join(''));
  // The paragraph around it is the report's block.
  const para = await detail.locator('.original-paragraph').first().innerText();
  assert.equal(para, data.source.blocks[h.quotes[0].block].text);
  assert.equal(await countAll(page), 0, 'the detail replaces the cards');

  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('section.detail'));
  assert.equal(param(page, 'h'), null);
  await page.waitForFunction((id) => document.activeElement?.id === `open-${id}`, h.id);
  assert.equal(await countAll(page), data.highlights.length);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Back restores the previous filters and Forward re-applies them', async () => {
  const page = await ready(APP);
  const count = (t) => data.highlights.filter((h) => t.includes(h.theme)).length;
  const waitCards = (n) => waitShown(page, n);

  await chip(page, 'safety').click();
  await waitCards(count(['safety']));
  await chip(page, 'culture').click();
  await waitCards(count(['safety', 'culture']));
  assert.equal(param(page, 't'), 'culture,safety');
  const both = await titles(page);

  await page.goBack();
  await waitCards(count(['safety']));
  assert.equal(param(page, 't'), 'safety');
  assert.equal(await chip(page, 'culture').getAttribute('aria-pressed'), 'false');
  assert.equal(await chip(page, 'safety').getAttribute('aria-pressed'), 'true');

  await page.goBack();
  await waitCards(data.highlights.length);
  assert.equal(param(page, 't'), null);

  await page.goForward();
  await waitCards(count(['safety']));
  await page.goForward();
  await waitCards(count(['safety', 'culture']));
  assert.equal(param(page, 't'), 'culture,safety');
  assert.deepEqual(await titles(page), both);
  assert.equal(await chip(page, 'culture').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('原文 shows the whole text with its quotes marked, and a mark opens its highlight', async () => {
  const page = await open(browser, `${APP}?view=text`);
  const text = page.locator('.original-text');
  await text.waitFor();
  // Every paragraph of the report, whole and in order.
  const paragraphs = await text.locator('.o-paragraph').allInnerTexts();
  const expected = data.source.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
  assert.deepEqual(paragraphs, expected);
  const marks = text.locator('a.quote mark');
  assert.ok((await marks.count()) >= data.highlights.length / 2, 'many quotes are marked');
  assert.match(await page.locator('.coverage').innerText(), /\d+%/);

  const h = data.highlights.find((x) => x.id === 'media-reports');
  const mark = text.locator(`a.quote mark[title="${h.title.zh}"]`).first();
  assert.ok(h.quotes[0].text.includes(await mark.innerText()));
  await mark.click();
  await page.locator('section.detail').waitFor();
  assert.equal(param(page, 'h'), h.id);
  assert.equal(await page.locator('section.detail h2').innerText(), h.title.zh);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('closing a highlight opened from 原文 returns to 原文', async () => {
  const page = await open(browser, `${APP}?view=text`);
  await page.locator('.original-text').waitFor();
  await page.locator('a.quote mark').nth(20).click();
  await page.locator('section.detail').waitFor();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('section.detail'));
  assert.equal(param(page, 'view'), 'text');
  assert.equal(await page.locator('.original-text').count(), 1);
  await page.context().close();
});

test('charts follow the theme filter and say when they have nothing to show', async () => {
  const page = await open(browser, `${APP}?view=charts&t=safety`);
  await page.locator('figure.chart').first().waitFor();
  const figs = await page.locator('figure.chart').evaluateAll((fs) =>
    fs.map((f) => ({ id: f.id, canvas: !!f.querySelector('canvas'), finding: f.querySelector('.finding').textContent })));
  assert.equal(figs.length, data.charts.length);
  for (const f of figs) {
    if (f.id === 'chart-safety-inspections') {
      assert.ok(f.canvas);
      assert.match(f.finding, /燃气餐饮用户66家/);
    } else {
      assert.ok(!f.canvas, `${f.id} has no canvas`);
      assert.match(f.finding, /没有数据/);
    }
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('every chart is drawn and its table states the dataset numbers', async () => {
  const page = await open(browser, `${APP}?view=charts`);
  const figures = page.locator('figure.chart');
  await figures.first().locator('canvas').waitFor();
  assert.equal(await figures.count(), data.charts.length);
  assert.ok(data.charts.length >= 5);

  // Each canvas has been painted: more than one colour.
  await page.waitForFunction(() => [...document.querySelectorAll('figure.chart canvas')].every((c) => c.width > 1 && c.height > 0));
  const colours = await page.evaluate(() =>
    [...document.querySelectorAll('figure.chart canvas')].map((c) => {
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 7) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`);
      return { id: c.closest('figure').id, colours: seen.size };
    }));
  assert.equal(colours.length, data.charts.length);
  for (const c of colours) assert.ok(c.colours > 2, `${c.id} is drawn (${c.colours} colours)`);

  for (const def of data.charts) {
    const fig = page.locator(`figure#chart-${def.id}`);
    assert.equal(await fig.locator('h3').innerText(), def.title.zh);
    await fig.locator('details.chart-data summary').click();
    const rows = await fig.locator('details.chart-data tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
    assert.deepEqual(rows, expectedRows(def), `table of ${def.id}`);
    assert.ok((await fig.locator('.finding').innerText()).length > 0);
  }
  // The real numbers of the publicity chart.
  const publicity = await page.locator('figure#chart-publicity tbody td').allTextContents();
  assert.deepEqual(publicity, ['49条', '292条', '300余条']);
  assert.match(await page.locator('figure#chart-publicity .finding').innerText(), /公益广告最多（300余条）/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('pointing at a chart bar shows its label and value', async () => {
  const page = await open(browser, `${APP}?view=charts`);
  const canvas = page.locator('figure#chart-publicity canvas');
  await canvas.waitFor();
  const def = data.charts.find((c) => c.id === 'publicity');
  const rows = expectedRows(def);
  // Layout: 8px padding, then one 56px row per bar.
  for (const [i, [label, value]] of rows.entries()) {
    await canvas.hover({ position: { x: 40, y: 8 + 56 * i + 28 } });
    const tip = page.locator('figure#chart-publicity .chart-tip');
    await page.waitForFunction((want) => document.querySelector('figure#chart-publicity .chart-tip')?.textContent === want, `${label}：${value}`);
    assert.equal(await tip.innerText(), `${label}：${value}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('bad link values are listed in a notice and the page still works', async () => {
  const page = await ready(`${APP}?k=planet&view=3d&h=<x>`);
  const notice = page.locator('aside.notice');
  await notice.waitFor();
  assert.ok(await notice.isVisible());
  const text = await notice.innerText();
  assert.match(text, /k=planet/);
  assert.match(text, /view=3d/);
  assert.match(text, /h=<x>/);
  assert.equal(await countAll(page), data.highlights.length, 'defaults shown');
  // The link is rewritten canonically, without the bad values.
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an unknown theme or chapter in the link is reported and falls back to all', async () => {
  const page = await ready(`${APP}?k=planet&view=3d&t=nope`);
  const notice = await page.locator('aside.notice').innerText();
  assert.match(notice, /k=planet/);
  assert.match(notice, /view=3d/);
  assert.match(notice, /t=nope/, 'the unknown theme is listed');
  assert.equal(await countAll(page), data.highlights.length, 'an unknown theme falls back to all');
  assert.equal(await page.locator('[role=group] button[aria-pressed=true]').count(), 0);
  assert.equal(param(page, 't'), null, 'the link is rewritten without it');
  const chapter = await ready(`${APP}?c=nope&t=safety`);
  assert.match(await chapter.locator('aside.notice').innerText(), /c=nope/, 'the unknown chapter is listed');
  assert.equal(await countAll(chapter), data.highlights.filter((h) => h.theme === 'safety').length);
  assert.deepEqual([...page.errors, ...chapter.errors], []);
  await chapter.context().close();
  await page.context().close();
});

test('sorting by theme groups the cards in taxonomy order and goes into the link', async () => {
  const page = await ready(APP);
  await page.locator('select#sort').selectOption('theme');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('s') === 'theme');
  const rank = (h) => data.themes.findIndex((t) => t.id === h.theme);
  const expected = data.highlights
    .map((h, i) => [rank(h), i, h.title.zh])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map((x) => x[2]);
  await page.waitForFunction((first) => document.querySelector('article.card h3')?.textContent === first, expected[0]);
  assert.deepEqual(await titles(page), expected);
  const themes = await cards(page).evaluateAll((els) => els.map((e) => e.dataset.theme));
  assert.deepEqual([...new Set(themes)], data.themes.map((t) => t.id));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a link to a missing highlight says so and shows the cards', async () => {
  const page = await ready(`${APP}?h=does-not-exist`);
  const notice = page.locator('.notice', { hasText: /does-not-exist|要点不存在/ });
  assert.ok(await notice.isVisible(), 'a notice names the missing highlight');
  assert.match(await notice.innerText(), /does-not-exist|要点不存在/);
  assert.match(await notice.innerText(), /要点/);
  assert.equal(await page.locator('section.detail').count(), 0);
  assert.equal(await countAll(page), data.highlights.length);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('?lang=en shows English titles and <html lang="en">', async () => {
  const page = await ready(`${APP}?lang=en`);
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // The story tells each chapter's leading figures first: every title is there, in English.
  assert.deepEqual((await titles(page)).sort(), data.highlights.map((h) => h.title.en).sort());
  assert.match(await page.locator('.result-count').innerText(), new RegExp(`${data.highlights.length} highlights`));
  // Filtering keeps the language in the link.
  await chip(page, 'safety').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('t') === 'safety');
  assert.equal(param(page, 'lang'), 'en');
  assert.deepEqual(await titles(page), data.highlights.filter((h) => h.theme === 'safety').map((h) => h.title.en));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('screenshots of cards, a detail, 原文 and the charts at 390 and 1280 wide', async () => {
  const shots = [
    ['cards', '?t=safety,elderly-care', 'article.card'],
    ['detail', '?h=village-income-rank', 'section.detail'],
    ['text', '?view=text', '.original-text mark'],
    ['charts', '?view=charts', 'figure.chart canvas'],
  ];
  for (const width of [390, 1280]) {
    for (const [name, query, selector] of shots) {
      const page = await open(browser, `${APP}${query}`, { width });
      await page.locator(selector).first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} at ${width}px scrolls sideways by ${overflow}px`);
      await page.screenshot({ path: `${OUT}/explore-${name}-${width}.png`, fullPage: name !== 'text' });
      assert.deepEqual(page.errors, [], `${name} at ${width}px`);
      await page.context().close();
    }
  }
});
