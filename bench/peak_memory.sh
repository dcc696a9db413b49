#!/bin/sh
# SPDX-FileCopyrightText: 2026 Nimbus developers
# SPDX-License-Identifier: MIT
#
# Peak memory (maximum resident set size, from /usr/bin/time) and wall time of every
# command on the largest inputs the limits allow (docs/file-format.md, "Limits"):
#   longest  kMaxNodes services, every count at its limit, every text at its longest (58 MB)
#   densest  kMaxNodes services whose unknown keys fill the file to just under 2,000,000 values
#   template a template of kMaxTemplateResources resources
# Every figure should stay below 1 GB. Figures are printed, never asserted.
#
# Usage: bench/peak_memory.sh [BUILD_DIR]      (default build/release, an optimised build without
# sanitizers; run with nothing else busy)

set -u
build=${1:-build/release}
nimbus="$build/app/nimbus"
generate="$build/bench/nimbus_bench_scale"
for tool in "$nimbus" "$generate" /usr/bin/time; do
    [ -x "$tool" ] || { echo "peak_memory.sh: $tool is missing; build the release preset first" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen

"$generate" --write "$work/longest.nimbus" longest || exit 2
"$generate" --write "$work/densest.nimbus" densest || exit 2
{
    echo "Resources:"
    i=0
    while [ $i -lt 10000 ]; do
        echo "  Queue$i: {Type: AWS::SQS::Queue, Properties: {QueueName: queue-$i, VisibilityTimeout: 60}}"
        i=$((i + 1))
    done
} > "$work/template.yaml"
"$nimbus" export "$work/longest.nimbus" -o "$work/longest-sam.yaml" 2>/dev/null
"$nimbus" export "$work/longest.nimbus" --format cloudformation -o "$work/longest-cfn.yaml" 2>/dev/null

# measure LABEL COMMAND...: one line of the table.
measure() {
    label=$1
    shift
    /usr/bin/time -f '%M %e' -o "$work/time" "$@" > "$work/out" 2> "$work/err"
    code=$?
    # time(1) puts "Command exited with non-zero status N" before the figures.
    tail -n 1 "$work/time" > "$work/figures"
    read -r kb seconds < "$work/figures"
    printf '%-46s %7d MB %8s s   exit %d\n' "$label" $((kb / 1024)) "$seconds" "$code"
}

ls -l "$work"/*.nimbus "$work"/template.yaml "$work"/longest-sam.yaml | awk '{ printf "%-28s %6.1f MB\n", $NF, $5 / 1048576 }' | sed "s|$work/||"
echo
printf '%-46s %10s %10s\n' "command (input)" "peak RSS" "wall"
for input in longest densest; do
    f="$work/$input.nimbus"
    measure "info ($input)" "$nimbus" info "$f"
    measure "validate ($input)" "$nimbus" validate "$f"
    measure "validate --format sarif ($input)" "$nimbus" validate --format sarif "$f"
    measure "estimate ($input)" "$nimbus" estimate "$f" --explain
    measure "estimate --compare-servers --sweep ($input)" "$nimbus" estimate "$f" --sweep
    measure "export sam ($input)" "$nimbus" export "$f" -o "$work/x-$input.yaml"
    measure "export cloudformation ($input)" "$nimbus" export "$f" --format cloudformation -o "$work/y-$input.yaml"
done
f="$work/longest.nimbus"
measure "estimate --monte-carlo 10000 (longest; the most it may ask)" "$nimbus" estimate "$f" --monte-carlo 10000
measure "estimate --monte-carlo 1000000 (longest; refused)" "$nimbus" estimate "$f" --monte-carlo 1000000
measure "scenarios (longest)" "$nimbus" scenarios "$f"
measure "compare (longest, longest)" "$nimbus" compare "$f" "$f"
measure "import (its SAM export, main template)" "$nimbus" import "$work/longest-sam.yaml" -o "$work/back-sam.nimbus"
measure "import (its CloudFormation export)" "$nimbus" import "$work/longest-cfn.yaml" -o "$work/back-cfn.nimbus"
measure "import (10,000-resource template)" "$nimbus" import "$work/template.yaml" -o "$work/back-template.nimbus"
measure "render png (longest)" "$nimbus" render "$f" -o "$work/d.png"
measure "render png --scale 2 (longest)" "$nimbus" render "$f" -o "$work/d2.png" --scale 2
measure "render svg (longest)" "$nimbus" render "$f" -o "$work/d.svg"
measure "render pdf (longest)" "$nimbus" render "$f" -o "$work/d.pdf"
measure "render pdf --page a4 (longest)" "$nimbus" render "$f" -o "$work/d4.pdf" --page a4
measure "report pdf (longest)" "$nimbus" report "$f" -o "$work/r.pdf"
measure "report csv (longest)" "$nimbus" report "$f" -o "$work/r.csv"
measure "render png (densest)" "$nimbus" render "$work/densest.nimbus" -o "$work/e.png"
measure "report pdf (densest)" "$nimbus" report "$work/densest.nimbus" -o "$work/e.pdf"
