#!/usr/bin/env bash
# Runs the whole test suite: unit tests, end-to-end tests of the built binary, the shared-corpus
# checks (which skip themselves when ../shared is absent), SARIF schema validation, the audit's HTML
# report rendered in headless Chromium, the pre-commit integration test, a minute of fuzzing, and the
# suite again under AddressSanitizer and ThreadSanitizer (Docs/Reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-cmark.sh
swift build --build-tests
swift test --skip-build
scripts/test-sarif.sh
scripts/test-html-report.sh
scripts/test-pre-commit.sh
# Reliability (Docs/Reliability.md): a minute of fuzzing.
scripts/fuzz.sh 60
# The suite under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer, each in its own build folder.
scripts/test-sanitizers.sh address thread
