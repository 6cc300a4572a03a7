// Renders Plotly figures with plotly.js in headless Chromium (the way Kaleido does: Plotly.toImage)
// and prints timings as JSON: a cold process per figure, and a warm browser reusing one page.
// Usage: node bench.mjs [--warm-iters N] [--cold-runs N] FIGURE.json...
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const plotlyPath = require.resolve('plotly.js-dist-min');
// Debian's chromium from PATH, unless CHROMIUM names another binary.
const executablePath = process.env.CHROMIUM
  || (process.env.PATH || '').split(':').map(d => `${d}/chromium`).find(p => existsSync(p));
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let warmIters = 20, coldRuns = 1;
const files = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--warm-iters') warmIters = Number(argv[++i]);
  else if (argv[i] === '--cold-runs') coldRuns = Number(argv[++i]);
  else files.push(argv[i]);
}

// The image-server size rule the references use: layout size unless autosize is true, else 700x500.
function size(fig) {
  const l = fig.layout || {};
  if (l.autosize === true) return [700, 500];
  return [l.width || 700, l.height || 500];
}

function pct(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))];
}

// Resident memory of the browser and all its child processes (MB), from /proc.
function treeRssMb(rootPid) {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch { /* process ended */ }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]);
    } catch { /* gone */ }
    for (const c of children.get(pid) || []) stack.push(c);
  }
  return total / 1024;
}

async function newPage(browser) {
  const page = await browser.newPage();
  await page.setContent('<html><body><div id="g"></div></body></html>');
  await page.addScriptTag({ path: plotlyPath });
  return page;
}

async function renderOnce(page, fig) {
  const [width, height] = size(fig);
  const url = await page.evaluate(async ({ fig, width, height }) =>
    Plotly.toImage({ data: fig.data, layout: fig.layout }, { format: 'png', width, height }), { fig, width, height });
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

// Playwright gives every launch a fresh temporary profile (--user-data-dir) and removes it on close.
async function launch() {
  return chromium.launch({ executablePath, args, headless: true });
}

const figs = files.map(f => ({ name: f.split('/').pop().replace(/\.json$/, ''), fig: JSON.parse(readFileSync(f, 'utf8')) }));

// Cold: a fresh browser process per render, as a one-shot CLI would do.
const cold = [];
for (let r = 0; r < coldRuns; r++) {
  for (const { fig } of figs) {
    const t0 = performance.now();
    const browser = await launch();
    const page = await newPage(browser);
    await renderOnce(page, fig);
    await browser.close();
    cold.push(performance.now() - t0);
  }
}

// Warm: one browser and one page, plotly.js already loaded.
const browser = await launch();
const page = await newPage(browser);
// Chromium runs as children of this node process: their summed RSS is the browser's footprint.
const ownRssMb = () => process.memoryUsage().rss / 1024 / 1024;
for (const { fig } of figs) await renderOnce(page, fig); // warm-up
const warm = [];
const perFigure = {};
let peakMb = 0;
for (const { name, fig } of figs) {
  const times = [];
  for (let i = 0; i < warmIters; i++) {
    const t0 = performance.now();
    await renderOnce(page, fig);
    times.push(performance.now() - t0);
  }
  perFigure[name] = pct(times, 50);
  warm.push(...times);
  peakMb = Math.max(peakMb, treeRssMb(process.pid) - ownRssMb());
}
await browser.close();

console.log(JSON.stringify({
  plotly: JSON.parse(readFileSync(require.resolve('plotly.js-dist-min/package.json'), 'utf8')).version,
  figures: figs.length,
  warm_p50_ms: pct(warm, 50), warm_p95_ms: pct(warm, 95),
  cold_p50_ms: pct(cold, 50), cold_p95_ms: pct(cold, 95),
  peak_rss_mb: peakMb,
  warm_per_figure_p50_ms: perFigure,
}));
