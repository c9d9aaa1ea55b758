#!/usr/bin/env bash
# Runs the whole test suite: unit tests, end-to-end tests of the built binary, the shared-corpus
# checks (which skip themselves when ../shared is absent), SARIF schema validation, the audit's HTML
# report rendered in headless Chromium, the pre-commit integration test and a minute of fuzzing.
# The sanitizer runs (scripts/test-sanitizers.sh) are not part of it yet: under AddressSanitizer the
# suite still reports leaks (inside Foundation's Data(contentsOf:) in a test helper) and one failure;
# see Docs/Reliability.md.
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
