// Access: axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any view; the page works with
// the keyboard alone; the count is announced; nothing scrolls sideways at 320 px; 关怀模式 makes
// the text at least 1.5× and 24 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launch, open, cards, APP, OUT, countAll } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('article.card, section.detail, .original-text, figure.chart'));
  await page.waitForTimeout(150);
}

async function axe(page, runOnly = { type: 'tag', values: TAGS }) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (runOnly) => {
    const r = await window.axe.run(document, { runOnly });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0].target.join(' ')})`);
  }, runOnly);
}

test('关怀模式 text keeps 7:1 contrast (WCAG AAA), light and dark', async () => {
  for (const query of ['?care=1', '?care=1&scheme=dark', '?care=1&h=industrial-output', '?care=1&view=charts']) {
    const page = await open(browser, APP + query, { width: 390, bypassCSP: true });
    await ready(page);
    assert.deepEqual(await axe(page, { type: 'rule', values: ['color-contrast-enhanced'] }), [], query);
    await page.context().close();
  }
});

const VIEWS = {
  cards: '',
  filtered: '?t=elderly-care,safety&q=%E4%B8%AD%E5%BF%83',
  detail: '?h=industrial-output',
  original: '?view=text',
  charts: '?view=charts',
  english: '?lang=en',
  care: '?care=1',
  dark: '?scheme=dark',
  'dark-care-charts': '?scheme=dark&care=1&view=charts',
  'embed-page': '?embed=page&accent=9b1c1c',
  'embed-card': '?embed=card&h=industrial-output',
  'embed-chart': '?embed=chart&chart=publicity&lang=en',
};

for (const [name, query] of Object.entries(VIEWS)) {
  test(`axe: no WCAG A/AA violation on the ${name} view`, async () => {
    for (const width of [390, 1280]) {
      // The page runs under a strict CSP; only the injected axe script needs it lifted.
      const page = await open(browser, APP + query, { width, bypassCSP: true });
      await ready(page);
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${name} at ${width}px`);
      if (width === 390) await page.screenshot({ path: `${OUT}/access-${name}-390.png` });
      await page.context().close();
    }
  });
}

test('the keyboard alone: skip link, a chip, a card, its detail and back', async () => {
  const page = await open(browser, APP, { width: 1280 });
  await ready(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focusRing, 'none', 'a visible focus ring');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // Tab on to the first theme chip and press it.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.classList.contains('chip'))) break;
  }
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-pressed') === 'true');
  const n = await countAll(page);
  assert.ok(n > 0 && n < 86, `the chip filtered the cards (${n})`);
  // On to the first card's title link; Enter opens the detail, Escape returns to the card.
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.id.startsWith('open-'))) break;
  }
  const id = await page.evaluate(() => document.activeElement.id);
  assert.match(id, /^open-/);
  await page.keyboard.press('Enter');
  await page.locator('section.detail').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'detail-title');
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => document.activeElement.id === id, id);
  await page.context().close();
});

test('the live region announces the count after a filter change', async () => {
  const page = await open(browser, APP);
  await ready(page);
  const region = page.locator('.result-count');
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  assert.equal(await region.getAttribute('role'), 'status');
  await page.locator('#search').fill('养老');
  await page.waitForFunction(() => /共 \d+ 项/.test(document.querySelector('.result-count').textContent)
    && document.querySelector('.result-count').textContent !== '共 86 项');
  const n = await countAll(page);
  assert.equal(await region.innerText(), `共 ${n} 项`);
  await page.context().close();
});

test('at 320 px nothing scrolls sideways, in any view or mode', async () => {
  for (const query of Object.values(VIEWS)) {
    const page = await open(browser, APP + query, { width: 320 });
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${query || 'cards'} overflows by ${overflow}px at 320px`);
    await page.context().close();
  }
});

test('关怀模式: body text at least 1.5× and 24 px, headings 30 px, targets 60 px, one column', async () => {
  const size = async (query) => {
    const page = await open(browser, APP + query, { width: 1280 });
    await ready(page);
    const m = await page.evaluate(() => {
      const px = (el) => parseFloat(getComputedStyle(el).fontSize);
      const smallest = Math.min(...[...document.querySelectorAll('main *')]
        .filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
        .map(px));
      const chip = document.querySelector('.chip').getBoundingClientRect();
      const cols = getComputedStyle(document.querySelector('.cards')).gridTemplateColumns.split(' ').length;
      return { body: px(document.querySelector('.summary')), smallest, h3: px(document.querySelector('.card h3')),
        chip: [chip.width, chip.height], cols, lineHeight: parseFloat(getComputedStyle(document.body).lineHeight) / px(document.body) };
    });
    await page.context().close();
    return m;
  };
  const normal = await size('');
  const care = await size('?care=1');
  assert.ok(care.body >= 1.5 * normal.body, `body ${care.body}px vs normal ${normal.body}px`);
  assert.ok(care.smallest >= 24, `smallest text ${care.smallest}px`);
  assert.ok(care.h3 >= 30, `card headings ${care.h3}px`);
  assert.ok(care.chip[0] >= 60 && care.chip[1] >= 60, `chips ${care.chip}`);
  assert.equal(care.cols, 1);
  assert.ok(care.lineHeight >= 1.3);
  assert.ok(normal.cols > 1);
});

test('关怀模式 and dark survive a reload and a shared link', async () => {
  const page = await open(browser, APP);
  await ready(page);
  await page.locator('.care-switch').click();
  await page.locator('.scheme-switch').click();
  await page.waitForFunction(() => document.documentElement.dataset.care === '1');
  const url = page.url();
  assert.match(url, /care=1/);
  assert.match(url, /scheme=(dark|light)/);
  const other = await open(browser, url);
  await ready(other);
  assert.equal(await other.evaluate(() => document.documentElement.dataset.care), '1');
  assert.ok(await other.evaluate(() => document.documentElement.dataset.scheme));
  await page.context().close();
  await other.context().close();
});

test('朗读 reads title, figures and summary in the page language, or says there is no voice', async () => {
  // Headless Chromium has no voices: the card says so instead of staying silent.
  const silent = await open(browser, `${APP}?h=industrial-output`);
  await silent.locator('section.detail').waitFor();
  await silent.locator('section.detail button.speak').click();
  assert.match(await silent.locator('section.detail .speak-note').innerText(), /没有中文朗读语音/);
  await silent.context().close();

  // With a Chinese voice (the browser's speech synthesis stood in for), it speaks the card.
  const page = await open(browser);
  await page.addInitScript(() => {
    window.__spoken = [];
    const voice = Object.create(SpeechSynthesisVoice.prototype, { lang: { get: () => 'zh-CN' } });
    Object.defineProperty(speechSynthesis, 'getVoices', { value: () => [voice] });
    Object.defineProperty(speechSynthesis, 'speak', { value: (u) => window.__spoken.push([u.text, u.lang]) });
    Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', { set() {}, get() { return voice; } });
  });
  await page.goto(`${APP}?h=folk-culture-events`);
  await page.locator('section.detail button.speak').click();
  const [[text, lang]] = await page.evaluate(() => window.__spoken);
  assert.equal(lang, 'zh-CN');
  assert.match(text, /3000余场/, text);
  assert.ok(text.startsWith(await page.locator('#detail-title').innerText()), text);
  assert.equal(await page.locator('section.detail .speak-note').innerText(), '');
  await page.context().close();
});

test('Windows high contrast (forced colors) keeps every control visible and the pressed chip marked', async () => {
  const page = await open(browser, `${APP}?t=safety`);
  await page.emulateMedia({ forcedColors: 'active' });
  await ready(page);
  const controls = await page.evaluate(() => [...document.querySelectorAll('button, select, input, a.tab')]
    .filter((e) => e.offsetParent)
    .map((e) => {
      const s = getComputedStyle(e);
      return { name: e.textContent.trim().slice(0, 20) || e.id, border: s.borderStyle !== 'none' && parseFloat(s.borderWidth) > 0, outline: s.outlineStyle, pressed: e.getAttribute('aria-pressed') };
    }));
  for (const c of controls.filter((c) => !c.border && c.name)) {
    assert.fail(`no border in forced colors: ${c.name}`);
  }
  const pressed = controls.filter((c) => c.pressed === 'true');
  assert.ok(pressed.length >= 1);
  for (const c of pressed) assert.notEqual(c.outline, 'none', `pressed chip ${c.name} is marked`);
  await page.context().close();
});

test('text zoomed to 200% loses nothing: it grows, and nothing scrolls sideways', async () => {
  const page = await open(browser, APP, { width: 1280, bypassCSP: true });
  await ready(page);
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.summary')).fontSize));
  // The browser's text-size setting scales the root font size; the page's text follows it.
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.summary')).fontSize));
  assert.ok(after >= 2 * before - 0.5, `text grew from ${before}px to ${after}px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `overflow ${overflow}px at 200% text`);
  await page.screenshot({ path: `${OUT}/access-zoom-200.png` });
  await page.context().close();
});

test('axe: the open share panel (link, QR code, embed code) has no WCAG A/AA violation', async () => {
  const page = await open(browser, `${APP}?t=safety`, { width: 390, bypassCSP: true });
  await ready(page);
  await page.locator('details.share > summary').click();
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('axe: no WCAG A/AA violation with the filter panel open and a share picture shown, at 390 px', async () => {
  for (const query of ['', '?lang=en', '?scheme=dark', '?care=1']) {
    const page = await open(browser, APP + query, { width: 390, bypassCSP: true });
    await ready(page);
    const card = page.locator('article.card.with-figure').first();
    await card.locator('details.source > summary').click();
    await card.locator('button.make-poster').click();
    await card.locator('.poster-figure img').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.filter-toggle').click();
    await page.locator('#filter-panel').waitFor();
    assert.deepEqual(await axe(page), [], `panel and poster ${query}`);
    await page.context().close();
  }
});
