// Dev helper: renders figure JSONs to NAME.png beside them with plotly.js in headless Chromium
// (the same path as the reference images), for checking the renderer on new figures.
// Usage: node ref.mjs FIGURE.json...
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM
    || (process.env.PATH || '').split(':').map(d => `${d}/chromium`).find(p => existsSync(p)),
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.setContent('<html><body></body></html>');
await page.addScriptTag({ path: require.resolve('plotly.js-dist-min') });
for (const file of process.argv.slice(2)) {
  const fig = JSON.parse(readFileSync(file, 'utf8'));
  const l = fig.layout || {};
  const [width, height] = l.autosize === true ? [700, 500] : [l.width || 700, l.height || 500];
  const url = await page.evaluate(async ({ fig, width, height }) =>
    Plotly.toImage({ data: fig.data, layout: fig.layout }, { format: 'png', width, height }), { fig, width, height });
  writeFileSync(file.replace(/\.json$/, '.png'), Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
}
await browser.close();
