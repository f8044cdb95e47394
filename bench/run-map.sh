#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The sector map at scale (1,000 actors, 3,000 relations): our automatic
# layout; a full redraw at 1920x1080 of the map laid out (what zooming and
# scrolling draw; target <= 8 ms); the map laid out and drawn from the
# document (an export, the first frame after an edit), against Graphviz
# drawing the same positioned graph (neato -n2 -Tpng keeps our positions)
# in the same run. Prints the medians and the ratio (target <= 0.2).
# Reports; does not gate.
#
#   bench/run-map.sh [BUILDDIR]    (default _build)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-_build}
"$top/build-aux/install-deps" --bench
ninja -C "$top/$builddir" bench/bench-map >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ours=$("$top/$builddir/bench/bench-map" --dot "$work/map.gv")
layout=$(awk '/^layout/ { print $2 }' <<<"$ours")
draw=$(awk '/^draw/ { print $2 }' <<<"$ours")
prepare=$(awk '/^prepare/ { print $2 }' <<<"$ours")
redraw=$(awk '/^redraw / { print $2 }' <<<"$ours")
zoomed=$(awk '/^redraw-2x / { print $2 }' <<<"$ours")

times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  neato -q -n2 -Tpng -Gsize="20,11.25!" -Gdpi=96 "$work/map.gv" -o "$work/map.png"
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
graphviz=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }')

printf '%-46s %9s ms   (target <= 1000)\n' "Automatic layout, 1000 actors / 3000 relations" "$layout"
printf '%-46s %9s ms   (target <= 8)\n' "Full redraw at 1920x1080 of the laid-out map" "$redraw"
printf '%-46s %9s ms\n' "The same, its middle at 2x zoom" "$zoomed"
printf '%-46s %9s ms\n' "Laying the map out for the picture" "$prepare"
printf '%-46s %9s ms\n' "Laid out and drawn, from the document" "$draw"
printf '%-46s %9s ms\n' "Graphviz neato -n2 -Tpng, same graph" "$graphviz"
awk -v a="$draw" -v b="$graphviz" \
  'BEGIN { printf "%-46s %9.3f      (target <= 0.2)\n", "ratio laid out and drawn / Graphviz", a / b }'
