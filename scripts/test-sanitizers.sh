#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer and ThreadSanitizer (Docs/Reliability.md), each in its own
# build folder; the CLI tests then run the sanitized `interlink` binary too.
#
#   scripts/test-sanitizers.sh [address] [thread]      (default: both)
#
# A finding fails the run: ASan and LeakSanitizer make the process exit non-zero, ThreadSanitizer exits 66.
# Leaks inside TOMLKit are suppressed (Fuzz/lsan.supp). Time bounds in the tests are stretched
# (INTERLINK_TEST_TIME_SCALE): sanitized code is several times slower.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-cmark.sh
sanitizers=("$@")
failed=""
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address thread)

export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0"
export TSAN_OPTIONS="halt_on_error=0:exitcode=66:second_deadlock_stack=1"
export INTERLINK_TEST_TIME_SCALE=10
# Swift's own crash reporter would print over the sanitizers' reports.
export SWIFT_BACKTRACE=enable=no

for sanitizer in "${sanitizers[@]}"; do
    # Skipped under each (see below): what the other sanitizer or the fuzzer covers, for CI's time.
    case "$sanitizer" in
        address) scratch=.build-asan; skip="SharedCorpus|ScaleTests" ;;
        thread) scratch=.build-tsan; skip="SharedCorpus|PathologicalInputTests" ;;
        *) echo "test-sanitizers: unknown sanitizer '$sanitizer' (address or thread)" >&2; exit 64 ;;
    esac
    export INTERLINK_SANITIZER="$sanitizer"
    started=$(date +%s)
    echo "== $sanitizer sanitizer: building" >&2
    swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" 2>&1 | grep -E "error|Build" || true
    log="$scratch/test.log"
    status=0
    # Skipped: the shared-corpus suites (quality numbers, spans and byte-exact rewrites of the two real
    # sites) are the slowest, and sanitized code is several times slower; the code paths they run are
    # run here on ExampleSite and the fixtures, and in the fuzzer. The 2,000-article scale test runs
    # under ThreadSanitizer (it is the most concurrent), the pathological inputs under AddressSanitizer
    # (single-threaded parses of hostile bytes, cmark's C included).
    swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --skip "$skip" \
        >"$log" 2>&1 || status=$?
    if grep -qE "ERROR: (Address|Leak)Sanitizer|WARNING: ThreadSanitizer" "$log"; then
        grep -E -A30 "ERROR: (Address|Leak)Sanitizer|WARNING: ThreadSanitizer" "$log" | head -120 >&2
        status=1
    fi
    tail -3 "$log" >&2
    echo "== $sanitizer sanitizer: $([ "$status" -eq 0 ] && echo passed || echo FAILED) in $(($(date +%s) - started))s (log: $log)" >&2
    [ "$status" -eq 0 ] || failed="$failed $sanitizer"
done
if [ -n "$failed" ]; then
    echo "test-sanitizers: FAILED under:$failed" >&2
    exit 1
fi
