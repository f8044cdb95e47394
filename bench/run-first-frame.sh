#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Time until the window shows a document: SSR Workbench opening the worked
# example against GNOME Text Editor opening the same file as text, in the
# same run, under the same virtual display. Prints both medians and the
# ratio (target ≤ 1.5). Reports; does not gate.
#
#   bench/run-first-frame.sh [BUILDDIR]    (default _build)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-_build}

if [ -z "${SSR_BENCH_DISPLAY:-}" ]; then
  "$top/build-aux/install-deps" --bench
  ninja -C "$top/$builddir" >/dev/null
  exec xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session -- \
    env SSR_BENCH_DISPLAY=1 "$0" "$builddir"
fi

sample="$top/data/samples/norvalia.ssra"
title=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$sample" | head -n 1 | cut -c1-30)
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT

# Both programs start from empty settings and state, as on first use.
run() {
  env XDG_STATE_HOME="$state/state" XDG_CONFIG_HOME="$state/config" \
      XDG_DATA_HOME="$state/data" GSETTINGS_BACKEND=memory \
      GSETTINGS_SCHEMA_DIR="$top/$builddir/data" NO_AT_BRIDGE=1 \
      "$top/$builddir/bench/bench-first-frame" --repeat 7 "$@"
}

ours=$(run --title "$title" -- "$top/$builddir/src/app/ssr-workbench" "$sample")
theirs=$(run --title "norvalia.ssra" -- gnome-text-editor --standalone "$sample")

printf '%-44s %8s ms\n' "SSR Workbench, worked example open" "$ours"
printf '%-44s %8s ms\n' "GNOME Text Editor, same file as text" "$theirs"
awk -v a="$ours" -v b="$theirs" \
  'BEGIN { printf "%-44s %8.2f   (target <= 1.5)\n", "ratio", a / b }'
