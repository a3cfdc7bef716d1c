// The physical floor the issue compares against: the same report as one hand-written-style static
// HTML page — inline CSS, every highlight as a card, the report's bar charts as inline SVG, and
// a few lines of inline script for search and theme chips (so filter latency can be measured
// the same way as the app's). Generated from a dataset file, so it holds exactly the app's data,
// and set in the app's font stack, so font fallback costs both pages the same.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/// Bars for a chart of `metrics` series: one labelled bar per metric, scaled to the largest.
function svgChart(chart, metricsByName) {
  const bars = (chart.series.metrics ?? []).map((n) => metricsByName.get(n)).filter(Boolean);
  if (!bars.length) return '';
  const max = Math.max(...bars.map((m) => m.value));
  const rows = bars.map((m, i) => {
    const w = Math.max(2, (m.value / max) * 220);
    return `<text x="0" y="${i * 26 + 16}" font-size="12">${esc(m.label.zh)}</text>`
      + `<rect x="150" y="${i * 26 + 4}" width="${w.toFixed(1)}" height="16" fill="#0b6e5f"/>`
      + `<text x="${(155 + w).toFixed(1)}" y="${i * 26 + 16}" font-size="12">${esc(m.printed ?? m.value)}</text>`;
  }).join('');
  return `<figure><figcaption>${esc(chart.title.zh)}</figcaption>`
    + `<svg viewBox="0 0 440 ${bars.length * 26 + 6}" width="100%" role="img" aria-label="${esc(chart.title.zh)}">${rows}</svg></figure>`;
}

export function floorPage(report) {
  const metricsByName = new Map();
  for (const h of report.highlights) for (const m of h.metrics ?? []) metricsByName.set(`${h.id}/${m.id}`, m);
  const chips = report.themes.map((t) => `<button type="button" class="chip" aria-pressed="false" data-t="${esc(t.id)}">${esc(t.label.zh)}</button>`).join('');
  const cards = report.highlights.map((h) => `<li><article class="card" data-t="${esc(h.theme)}"><h3>${esc(h.title.zh)}</h3>`
    + `<ul>${(h.metrics ?? []).map((m) => `<li><b>${esc(m.printed ?? m.value)}</b> ${esc(m.label.zh)}</li>`).join('')}</ul>`
    + `<p>${esc(h.summary.zh)}</p></article></li>`).join('');
  const charts = report.charts.map((c) => svgChart(c, metricsByName)).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(report.meta.headline.zh)}</title>
<meta name="description" content="${esc(report.meta.kicker.zh)}">
<style>body{font:16px/1.6 "PingFang SC","Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 14px;color:#1a1a1a}
.cards{list-style:none;padding:0;display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(300px,1fr))}
.card{border:1px solid #ccc;border-radius:8px;padding:12px}.chip{margin:2px;padding:6px 10px}
.chip[aria-pressed=true]{background:#0b6e5f;color:#fff}[hidden]{display:none}figure{margin:12px 0}</style></head>
<body><h1>${esc(report.meta.headline.zh)}</h1><p>${esc(report.meta.kicker.zh)}</p>
<label for="q">搜索</label> <input id="q" type="search"><div>${chips}</div>
<p class="result-count">共 ${report.highlights.length} 项</p><ul class="cards">${cards}</ul>${charts}
<script>
const items=[...document.querySelectorAll('.cards>li')].map(li=>[li,li.textContent.toLowerCase(),li.firstChild.dataset.t]);
const q=document.getElementById('q'),count=document.querySelector('.result-count'),on=new Set();
function run(){const t=q.value.toLowerCase().split(/\\s+/).filter(Boolean);let n=0;
for(const [li,text,th] of items){const ok=(!on.size||on.has(th))&&t.every(w=>text.includes(w));li.hidden=!ok;if(ok)n++}
count.textContent='共 '+n+' 项'}
q.addEventListener('input',run);
for(const b of document.querySelectorAll('.chip'))b.addEventListener('click',()=>{const t=b.dataset.t;
on.has(t)?on.delete(t):on.add(t);b.setAttribute('aria-pressed',on.has(t));run()});
</script></body></html>`;
}

/// Write `index.html` for a dataset file into `dir`.
export function writeFloor(datasetPath, dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/index.html`, floorPage(JSON.parse(readFileSync(datasetPath, 'utf8'))));
}
