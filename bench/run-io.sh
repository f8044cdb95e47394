#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench/run-io.sh: times SSR Workbench's file reader and writer against
# xmllint on a generated assessment of 5000 actors and 20000 relations.
# It reports and does not gate: whatever the ratios, it exits 0.
# See bench/README.md.
#
# Usage: bench/run-io.sh [BUILD_FOLDER]     (default: _build)
# Environment: SSR_BENCH_REPEAT=N           (default: 5 runs of everything)
set -euo pipefail

build=${1:-_build}
repeat=${SSR_BENCH_REPEAT:-5}
tool=$build/src/cli/ssr-tool
bench_io=$build/bench/bench-io

for program in "$tool" "$bench_io"; do
  if [ ! -x "$program" ]; then
    echo "run-io.sh: $program not found; build first (meson setup $build && ninja -C $build)" >&2
    exit 1
  fi
done
if ! command -v xmllint > /dev/null; then
  echo "run-io.sh: xmllint not found (Debian package libxml2-utils)" >&2
  exit 1
fi
if ! [[ $repeat =~ ^[1-9][0-9]*$ ]]; then
  echo "run-io.sh: SSR_BENCH_REPEAT must be a positive number, not '$repeat'" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ssr-bench-io.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

input=$tmp/bench.ssra
"$tool" generate --actors 5000 --relations 20000 --seed 1 "$input"

# The median of the numbers on standard input, one a line.
median() {
  sort -n | awk -v n="$repeat" '
    { t[NR] = $1 }
    END {
      if (n % 2) m = t[(n + 1) / 2]; else m = (t[n / 2] + t[n / 2 + 1]) / 2
      printf "%.2f", m
    }'
}

# The median wall time in ms of $repeat runs of a command, whose standard
# output goes to the file named by the first argument.
median_ms() {
  local out=$1 start end i
  shift
  for ((i = 0; i < repeat; i++)); do
    start=$(date +%s%N)
    "$@" > "$out"
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e6 }'
  done | median
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'
}

# "within" or "over" the target.
verdict() {
  awk -v r="$1" -v t="$2" 'BEGIN { print (r != "n/a" && r <= t) ? "within" : "over" }'
}

ours=$("$bench_io" --repeat "$repeat" "$input")
value() {
  awk -v key="$1" '$1 == key { print $2 }' <<< "$ours"
}

read_memory=$(value read-memory)
load_file=$(value load-file)
write_memory=$(value write-memory)
save_file=$(value save-file)
peak_rss=$(value peak-rss)
xmllint_parse=$(median_ms /dev/null xmllint --noout "$input")
xmllint_format=$(median_ms "$tmp/formatted.xml" xmllint --format "$input")

load_ratio=$(ratio "$load_file" "$xmllint_parse")
save_ratio=$(ratio "$save_file" "$xmllint_format")

echo "SSR Workbench I/O benchmark"
echo "  $(stat -c %s "$input") bytes, 5000 actors, 20000 relations (seed 1); median of $repeat runs"
echo
printf '  %-44s %12s\n' "operation" "time"
printf '  %-44s %9s ms\n' "ssr_xml_read (from memory)" "$read_memory"
printf '  %-44s %9s ms\n' "ssr_assessment_load (from the file)" "$load_file"
printf '  %-44s %9s ms\n' "xmllint --noout (from the file)" "$xmllint_parse"
printf '  %-44s %9s ms\n' "ssr_xml_write (to memory)" "$write_memory"
printf '  %-44s %9s ms\n' "ssr_assessment_save (to a file, atomic)" "$save_file"
printf '  %-44s %9s ms\n' "xmllint --format (from the file, to a file)" "$xmllint_format"
printf '  %-44s %9s KiB\n' "peak resident memory of bench-io" "$peak_rss"
echo
printf '  %-44s %6s %8s  %s\n' "comparison" "ratio" "target" "verdict"
printf '  %-44s %6s %8s  %s\n' "ssr_assessment_load / xmllint --noout" "$load_ratio" "<= 2" \
  "$(verdict "$load_ratio" 2)"
printf '  %-44s %6s %8s  %s\n' "ssr_assessment_save / xmllint --format" "$save_ratio" "<= 1.5" \
  "$(verdict "$save_ratio" 1.5)"

exit 0
