// Shared set-up of the end-to-end tests: Debian's Chromium driven by playwright-core, against the
// release build served by nginx (started by .ci/test, which exports E2E_ORIGIN).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const ORIGIN = process.env.E2E_ORIGIN ?? 'http://127.0.0.1:8091';
export const APP = `${ORIGIN}/zwgk/xixi-2023/`;
export const OUT = new URL('./out/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/// A page that records console errors, page errors and every request it makes.
export async function open(browser, url, { width = 1280, height = 900, wait = true, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('request', (r) => page.requests.push(r.url()));
  if (url) {
    await page.goto(url);
    // The app's own pages: until it is live the HTML shows the default view.
    if (wait) await live(page);
  }
  return page;
}

/// Wait until the app is live: the page the build rendered is hydrated, or the link's view is
/// drawn in its place. Before that, the HTML shows the default view, readable but not yet live.
/// The page as built fetches the app at the reader's first sign of use: here the pointer moves,
/// as a desktop reader's does (a move is no input that excuses a layout shift).
export async function live(page) {
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => document.documentElement.dataset.live === '1', null, { timeout: 30_000 });
}

/// Decode a PNG (a Buffer) with the browser's own decoder: its size and RGBA pixels.
export async function pngPixels(page, png) {
  const { w, h, px } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const ctx = new OffscreenCanvas(img.width, img.height).getContext('2d');
    ctx.drawImage(img, 0, 0);
    return { w: img.width, h: img.height, px: [...ctx.getImageData(0, 0, img.width, img.height).data] };
  }, png.toString('base64'));
  return { w, h, px: Uint8ClampedArray.from(px) };
}

export const cards = (page) => page.locator('article.card');

/// Cards are drawn a page at a time (the story a chapter at a time): wait for the story's last
/// chapter, and press 「显示更多」 until every card of the view is drawn.
export async function showAll(page) {
  await page.waitForFunction(() => {
    const story = document.querySelector('.story');
    return !story || story.querySelectorAll('section.chapter').length >= Number(story.dataset.chapters);
  });
  // A DOM click, not a pointer one: scrolling to the button also draws more on its own.
  while (await page.evaluate(() => { document.querySelector('.more button')?.click(); return !!document.querySelector('.more button'); }));
}

/// How many cards the view has, every page drawn.
export async function countAll(page) {
  await showAll(page);
  return cards(page).count();
}

export async function titles(page) {
  await showAll(page);
  return page.locator('article.card h3').allTextContents();
}

/// The number 「共 N 项」 (or "N highlights") says: the whole view, drawn or not.
export const shownCount = async (page) => Number((await page.locator('.result-count').innerText()).match(/\d+/)[0]);

/// Wait until 「共 N 项」 says `n` (the count of the whole view, drawn or not).
export const waitShown = (page, n) => page.waitForFunction(
  (n) => Number(document.querySelector('.result-count')?.textContent.match(/\d+/)?.[0]) === n, n);
