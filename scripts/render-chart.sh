#!/usr/bin/env bash
# Renders one Plotly figure JSON to PNG with the SkiaSharp renderer, for checking a figure before scheduling it.
# Size: WIDTH HEIGHT if given, else layout.width x layout.height unless layout.autosize is true (then 700x500),
# the same rule as the plotly.js reference images.
# Usage: scripts/render-chart.sh FIGURE.json OUT.png [WIDTH HEIGHT]
set -euo pipefail
if [[ $# -ne 2 && $# -ne 4 ]]; then
  echo "usage: $0 FIGURE.json OUT.png [WIDTH HEIGHT]" >&2
  exit 64
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fig="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out_dir="$(mkdir -p "$(dirname "$2")" && cd "$(dirname "$2")" && pwd)"
out="$out_dir/$(basename "$2")"
dotnet build "$root/tools/ChartScore" -c Release --nologo -v quiet >/dev/null
exec dotnet "$root/tools/ChartScore/bin/Release/net10.0/ChartScore.dll" render "$fig" "$out" "${@:3}"
