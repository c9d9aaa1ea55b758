#!/usr/bin/env bash
# Builds the libFuzzer target (Fuzz/, with AddressSanitizer) and fuzzes for SECONDS (default 60).
#
#   scripts/fuzz.sh [SECONDS] [LIBFUZZER_FLAG...]
#
# Inputs: a corpus kept between runs (.build-fuzz/fuzz/corpus), the generated seeds (ExampleSite,
# a sample of ../shared/corpora, cmark's pathological cases: Fuzz/generate-seeds.py), the committed
# seeds (Fuzz/seeds) and every past finding (Tests/InterlinkFuzzTests/Regressions). A broken invariant
# or crash stops the run with status 1 and leaves the input in .build-fuzz/fuzz/artifacts/; replay it with
#   swift run InterlinkFuzz FILE
# then fix it and commit the input to Tests/InterlinkFuzzTests/Regressions/ (see Docs/Reliability.md).
# INTERLINK_FUZZ_SCRATCH names another build folder. libFuzzer needs Linux: elsewhere this skips.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
if [ "$(uname -s)" != "Linux" ]; then
    echo "fuzz: libFuzzer needs the Linux toolchain; skipped" >&2
    exit 0
fi
scripts/ensure-cmark.sh
scratch=${INTERLINK_FUZZ_SCRATCH:-.build-fuzz}
swift build -c debug --product InterlinkFuzz --scratch-path "$scratch" \
    --sanitize=fuzzer --sanitize=address -Xswiftc -DINTERLINK_LIBFUZZER 2>&1 | grep -E "error|warning: .*Fuzz/|Build" || true
binary="$scratch/debug/InterlinkFuzz"
[ -x "$binary" ] || { echo "fuzz: build failed" >&2; exit 1; }
work="$scratch/fuzz"
mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts"
Fuzz/generate-seeds.py "$work/seeds" >/dev/null

# Short allocation stacks and a small quarantine make the debug build faster; leaks are looked for when
# the run ends, not after every input (caches that grow would trigger a full scan each time), and those
# of the TOML library are suppressed (Fuzz/lsan.supp); Swift's own crash reporter would get in ASan's way.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=10:quarantine_size_mb=16:detect_stack_use_after_return=0}
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0"
export SWIFT_BACKTRACE=enable=no
started=$(date +%s)
status=0
"$binary" -max_total_time="$seconds" -timeout=10 -detect_leaks=0 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$@" \
    "$work/corpus" "$work/seeds" Fuzz/seeds Tests/InterlinkFuzzTests/Regressions >"$work/last.log" 2>&1 || status=$?
elapsed=$(($(date +%s) - started))
grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|slowest_unit_time_sec|peak_rss_mb)" \
    "$work/last.log" | sed 's/^stat::/fuzz: /' >&2 || true
if [ "$status" -ne 0 ]; then
    grep -v -E "NEW|REDUCE|pulse" "$work/last.log" | tail -40 >&2
    echo "fuzz: FAILED after ${elapsed}s; input saved in $work/artifacts/ (full log: $work/last.log)" >&2
    exit 1
fi
echo "fuzz: ${elapsed}s without a finding ($(ls "$work/corpus" | wc -l) inputs in the corpus)" >&2
