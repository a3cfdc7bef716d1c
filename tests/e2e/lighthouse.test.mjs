// Lighthouse (mobile, the default preset) scores accessibility, best practices and SEO 100 on the
// main views. Performance is measured by the benchmark, not asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { APP, OUT } from './helpers.mjs';

const run = promisify(execFile);
const LIGHTHOUSE = new URL('./node_modules/.bin/lighthouse', import.meta.url).pathname;
const FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';

for (const [name, query] of [['cards', ''], ['care', '?care=1'], ['english-charts', '?lang=en&view=charts'], ['dark-detail', '?scheme=dark&h=industrial-output']]) {
  test(`lighthouse: accessibility, best practices and SEO 100 on ${name}`, async () => {
    const out = `${OUT}/lighthouse-${name}.json`;
    await run(LIGHTHOUSE, [APP + query, '--only-categories=accessibility,best-practices,seo,performance',
      `--chrome-flags=${FLAGS}`, '--output=json', `--output-path=${out}`, '--quiet'],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, timeout: 120_000 });
    const report = JSON.parse(await readFile(out, 'utf8'));
    const score = (c) => report.categories[c].score;
    const failing = Object.values(report.audits)
      .filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0)
      .map((a) => a.id);
    console.log(`# lighthouse ${name}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}`);
    assert.equal(score('accessibility'), 1, `failing audits: ${failing}`);
    assert.equal(score('best-practices'), 1, `failing audits: ${failing}`);
    assert.equal(score('seo'), 1, `failing audits: ${failing}`);
  });
}
