#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Nimbus developers
# SPDX-License-Identifier: MIT
#
# Runs libFuzzer targets of a fuzz-preset build for a fixed time each, one after the other,
# on a fresh copy of their seeds (tests/fuzz/seeds.txt) and saved findings. Fails when a
# target finds a crash, a hang (-timeout) or a sanitizer report; the reproducer is kept in
# <build-dir>/fuzz-runs/<target>/findings/. See docs/fuzzing.md.
#
#   run-fuzzers.sh <build-dir> <seconds-per-target> [<target>...]
#
# FUZZ_KEEP_CORPUS=1 keeps (and grows) <build-dir>/fuzz-runs/<target>/corpus between runs
# instead of starting again from the seeds; extra libFuzzer flags can be given in FUZZ_FLAGS.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 <build-dir> <seconds-per-target> [<target>...]" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
seeds_list="$here/seeds.txt"

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    mapfile -t targets < <(awk '$1 == "seed" { print $2 }' "$seeds_list" | uniq)
fi

# copy_seeds <target> <corpus-dir>: every seed and saved finding, named by its path.
copy_seeds() {
    local target=$1 corpus=$2 kind name path exts ext file
    while read -r kind name path exts; do
        [[ $kind == seed && $name == "$target" ]] || continue
        path="$source_dir/$path"
        if [[ -f $path ]]; then
            cp "$path" "$corpus/$(basename "$path")"
            continue
        fi
        if [[ ! -d $path ]]; then
            echo "$target: $path is not there; its seeds are skipped"
            continue
        fi
        IFS=, read -ra exts <<< "$exts"
        for ext in "${exts[@]}"; do
            [[ $ext == "*" ]] && ext=""
            while IFS= read -r -d '' file; do
                cp "$file" "$corpus/$(realpath --relative-to="$source_dir" "$file" | tr '/' '_')"
            done < <(find "$path" -type f -name "*$ext" -print0)
        done
    done < "$seeds_list"
    if [[ -d $here/regressions/$target ]]; then
        for file in "$here/regressions/$target"/*; do
            [[ -f $file ]] && cp "$file" "$corpus/regression_$(basename "$file")"
        done
    fi
    return 0
}

failed=()
for target in "${targets[@]}"; do
    binary="$build/fuzzers/$target"
    if [[ ! -x $binary ]]; then
        echo "$target: no binary at $binary (build the fuzz preset first)" >&2
        failed+=("$target")
        continue
    fi
    work="$build/fuzz-runs/$target"
    corpus="$work/corpus"
    findings="$work/findings"
    if [[ ${FUZZ_KEEP_CORPUS:-0} != 1 ]]; then
        rm -rf "$corpus"
    fi
    rm -rf "$findings"
    mkdir -p "$corpus" "$findings"
    copy_seeds "$target" "$corpus"
    flags=(-max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1
           -artifact_prefix="$findings/")
    dict=$(awk -v t="$target" '$1 == "dict" && $2 == t { print $3 }' "$seeds_list")
    [[ -n $dict ]] && flags+=(-dict="$here/dict/$dict")
    # shellcheck disable=SC2206
    extra=(${FUZZ_FLAGS:-})
    echo "== $target: $seconds s on $(find "$corpus" -type f | wc -l) inputs"
    status=0
    "$binary" "${flags[@]}" "${extra[@]}" "$corpus" > "$work/log.txt" 2>&1 || status=$?
    grep -E '^(#[0-9]+.*(DONE|pulse)|stat::|Done )' "$work/log.txt" | tail -n 12 || true
    if [[ $status -ne 0 ]] || compgen -G "$findings/*" > /dev/null; then
        echo "$target: FOUND SOMETHING (exit $status); reproducer(s):" >&2
        ls -l "$findings" >&2
        grep -E -A30 'ERROR: |fuzz check failed|runtime error|Timeout|out-of-memory' "$work/log.txt" | head -n 80 >&2 || true
        failed+=("$target")
    fi
done

if [[ ${#failed[@]} -ne 0 ]]; then
    echo "fuzzing found problems in: ${failed[*]}" >&2
    exit 1
fi
echo "fuzzing: ${#targets[@]} target(s), nothing found"
