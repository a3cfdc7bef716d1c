// Scale: the same build with synthetic reports of 10,000 and 100,000 highlights (`datatool synth`,
// served under /scale/ by .ci/site). Only a page of cards is drawn; filters work on all of them;
// a large file loads in steps with a progress bar, and the tab never freezes. Timing figures are
// the benchmark's (tests/bench); here only gross freezes fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, open, live, cards, countAll, shownCount, ORIGIN, waitShown } from './helpers.mjs';

// `datatool synth` keeps the real highlights first, then numbers copies of them in turn.
const REAL = JSON.parse(readFileSync(new URL('../../public/data/xixi-2023.json', import.meta.url), 'utf8')).highlights.length;
const LAST_COPY = Math.floor((10000 - 1) / REAL);
const IN_LAST_COPY = 10000 - LAST_COPY * REAL;

const SCALE = `${ORIGIN}/scale/`;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Records the longest main-thread task and whether a progress bar was ever shown (while the
/// page is loading, or beside the first page while the rest is read).
const watch = () => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver(() => { if (document.querySelector('.loading progress, .reading-rest progress')) window.__progress = true; })
      .observe(document.body, { childList: true, subtree: true });
  });
};

test('10,000 highlights: each chapter draws a part and links to all of it, a list draws a page at a time, search covers all', async () => {
  const page = await open(browser, null, { width: 390, height: 800 });
  await page.goto(`${SCALE}?r=synthetic-10000`);
  await cards(page).first().waitFor({ timeout: 30_000 });
  await waitShown(page, 10000);
  // The story: at most 30 highlights a chapter, and a link to the list of all of it. Drawn
  // fresh, its chapters come one per task: wait for all that the story says it has.
  await page.waitForFunction(() => document.querySelectorAll('section.chapter').length
    === Number(document.querySelector('.story')?.dataset.chapters));
  const sections = page.locator('section.chapter');
  const chapters = await sections.count();
  assert.ok(chapters >= 4, `${chapters} chapters`);
  const drawn = await cards(page).count();
  assert.ok(drawn > 0 && drawn <= 30 * chapters, `only a part of each chapter is drawn (${drawn})`);
  const more = sections.nth(1).locator('.chapter-more a');
  assert.match(await more.innerText(), /查看本章全部（共 \d+ 项）/);
  await more.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('c'));
  assert.equal(await page.locator('section.chapter').count(), 0, 'the list, not the story');
  const listed = await cards(page).count();
  assert.ok(listed > 0 && listed < 200, `only a few pages of cards are drawn (${listed})`);
  assert.match(await page.locator('.more button').innerText(), /显示更多（还有 \d+ 项）/);
  await page.locator('.more').scrollIntoViewIfNeeded();
  await page.waitForFunction((n) => document.querySelectorAll('article.card').length > n, listed);

  // The last copy of the real highlights: the last records of the file. Typed once the app is
  // live: before, the search box is the page in the HTML, which the link's view replaces.
  await page.goto(`${SCALE}?r=synthetic-10000`);
  await live(page);
  await waitShown(page, 10000);
  await page.locator('input[type=search]').fill(`合成 ${LAST_COPY}）`);
  await waitShown(page, IN_LAST_COPY);
  assert.equal(await countAll(page), IN_LAST_COPY);
  for (const title of await page.locator('article.card h3').allTextContents()) assert.match(title, new RegExp(`（合成 ${LAST_COPY}）$`));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('10,000 highlights: the first page is shown from the start of the file while the rest is read, then the whole', async () => {
  const page = await open(browser, null, { width: 390, height: 844 });
  // What the page shows whenever it changes, from the first card on.
  await page.addInitScript(() => {
    window.__seen = [];
    new MutationObserver(() => {
      // The app's own cards (before it is live, the HTML's cards are the default report's).
      if (document.documentElement.dataset.live !== '1' || !document.querySelector('article.card')) return;
      const bar = document.querySelector('.reading-rest');
      const state = bar ? 'first' : 'whole';
      if (window.__seen.at(-1)?.state !== state) {
        window.__seen.push({ state, inert: document.querySelector('main')?.inert ?? null,
          count: document.querySelector('.result-count')?.textContent,
          more: document.querySelector('.chapter-more')?.textContent,
          chips: [...document.querySelectorAll('.chip .count')].map((c) => getComputedStyle(c).visibility) });
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${SCALE}?r=synthetic-10000`);
  await waitShown(page, 10000);
  const seen = await page.evaluate(() => window.__seen);
  assert.equal(seen[0]?.state, 'first', `the first cards come before the whole is read: ${JSON.stringify(seen)}`);
  // Honest while partial: no count, no link with a count, nothing to filter or open yet.
  assert.equal(seen[0].inert, true);
  assert.match(seen[0].count, /读取中/);
  assert.match(seen[0].more, /读取中/);
  // The chips' counts would be of the records read so far: not shown (their place kept).
  assert.ok(seen[0].chips.length > 0 && seen[0].chips.every((v) => v === 'hidden'), JSON.stringify(seen[0].chips));
  assert.ok(seen.at(-1).chips.every((v) => v === 'visible'));
  assert.equal(seen.at(-1).state, 'whole');
  assert.equal(seen.at(-1).inert, false);
  assert.equal(await page.locator('.reading-rest').count(), 0);
  assert.match(await page.locator('.chapter-more a').first().innerText(), /查看本章全部（共 \d+ 项）/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('100,000 highlights load in steps with a progress bar, without freezing, and filter', async () => {
  const page = await open(browser);
  await page.addInitScript(watch);
  await page.goto(`${SCALE}?r=synthetic-100000`);
  await cards(page).first().waitFor({ timeout: 90_000 });
  await waitShown(page, 100000);
  assert.ok(await page.evaluate(() => window.__progress), 'a progress bar showed while loading');
  const longest = await page.evaluate(() => window.__longest);
  assert.ok(longest < 3000, `the longest task while loading took ${longest} ms`);

  await page.locator('.chip', { hasText: '安全' }).first().click();
  await page.waitForFunction(() => !/100000/.test(document.querySelector('.result-count').textContent));
  const n = await shownCount(page);
  assert.ok(n > 1000 && n < 100000, `a chip filters the 100,000 (${n})`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
