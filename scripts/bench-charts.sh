#!/usr/bin/env bash
# Benchmarks the SkiaSharp chart renderer against plotly.js in headless Chromium on the same figures.
# Prints p50/p95 per render (PNG bytes, encoding included), peak memory, memory over 1,000 renders,
# and the speed ratios to a warm browser (one page reused) and a cold browser process per chart.
# Not part of the test run's pass/fail.
# Usage: scripts/bench-charts.sh [FIGURE_DIR]   (default: ../shared/report-figures)
# Env: ITERS (default 100), RENDERS (1000), WARM_ITERS (20), COLD_RUNS (1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
figdir="$(cd "${1:-$root/../shared/report-figures}" && pwd)"
ITERS="${ITERS:-100}" RENDERS="${RENDERS:-1000}" WARM_ITERS="${WARM_ITERS:-20}" COLD_RUNS="${COLD_RUNS:-1}"

# Chromium from Debian and plotly.js-dist-min from npm, installed once.
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium (apt)..." >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y chromium >/dev/null; else sudo apt-get install -y chromium >/dev/null; fi
fi
if [[ ! -d "$root/bench/chromium/node_modules/plotly.js-dist-min" || ! -d "$root/bench/chromium/node_modules/playwright-core" ]]; then
  echo "installing plotly.js-dist-min and playwright-core (npm)..." >&2
  (cd "$root/bench/chromium" && npm ci --no-audit --no-fund >/dev/null)
fi

echo "== SkiaSharp renderer (in process) ==" >&2
dotnet build "$root/bench/Notifications.Charts.Bench" -c Release --nologo -v quiet >/dev/null
skia_out="$(dotnet "$root/bench/Notifications.Charts.Bench/bin/Release/net10.0/Notifications.Charts.Bench.dll" --iters "$ITERS" --renders "$RENDERS" "$figdir")"
echo "$skia_out" | sed '$d'
skia_json="$(echo "$skia_out" | tail -n 1)"

echo "== plotly.js in headless Chromium ==" >&2
chrome_json="$(cd "$root/bench/chromium" && node bench.mjs --warm-iters "$WARM_ITERS" --cold-runs "$COLD_RUNS" "$figdir"/*.json)"

SKIA="$skia_json" CHROME="$chrome_json" node -e '
const s = JSON.parse(process.env.SKIA), c = JSON.parse(process.env.CHROME);
const f = (v) => v.toFixed(2);
console.log(`plotly.js ${c.plotly} warm browser: p50 ${f(c.warm_p50_ms)} ms, p95 ${f(c.warm_p95_ms)} ms, peak RSS ${c.peak_rss_mb.toFixed(0)} MB`);
console.log(`plotly.js ${c.plotly} cold process: p50 ${f(c.cold_p50_ms)} ms, p95 ${f(c.cold_p95_ms)} ms`);
console.log(`SkiaSharp renderer:          p50 ${f(s.p50_ms)} ms, p95 ${f(s.p95_ms)} ms, peak RSS ${s.peak_rss_mb.toFixed(0)} MB`);
console.log(`memory over ${s.renders} renders: heap ${s.heap_start_mb} -> ${s.heap_end_mb} MB, working set ${s.ws_start_mb} -> ${s.ws_end_mb} MB`);
console.log(`ratio vs warm browser (p50): ${(c.warm_p50_ms / s.p50_ms).toFixed(1)}x faster (goal >= 5x)`);
console.log(`ratio vs cold browser (p50): ${(c.cold_p50_ms / s.p50_ms).toFixed(0)}x faster (goal >= 200x)`);
console.log(JSON.stringify({ skia: s, chromium: c, warm_ratio: c.warm_p50_ms / s.p50_ms, cold_ratio: c.cold_p50_ms / s.p50_ms }));
'
