#!/usr/bin/env bash
# Regenerates the golden files the end-to-end tests compare against, from the current build.
# Run it after a deliberate change to suggestions, then review the diff before committing:
#     scripts/update-golden.sh && git diff Tests/InterlinkCLITests/Golden
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-cmark.sh
swift build --product interlink
BIN="$(swift build --show-bin-path)/interlink"
GOLDEN=Tests/InterlinkCLITests/Golden
mkdir -p "$GOLDEN"
"$BIN" suggest --root ExampleSite --format json > "$GOLDEN/example-suggestions.json"
echo "wrote $GOLDEN/example-suggestions.json ($(grep -c '"source"' "$GOLDEN/example-suggestions.json") suggestions)"
# The dry-run diff of `interlink apply` (paths relative to the site root, as editors apply it).
"$BIN" diff --root ExampleSite > "$GOLDEN/example-apply.diff"
echo "wrote $GOLDEN/example-apply.diff ($(grep -c '^+++ ' "$GOLDEN/example-apply.diff") files)"
# The audit of the site, and the dry-run diff of its fixes.
"$BIN" audit --root ExampleSite --format json > "$GOLDEN/example-audit.json"
echo "wrote $GOLDEN/example-audit.json ($(grep -c '"rule"' "$GOLDEN/example-audit.json") findings)"
"$BIN" audit --root ExampleSite --fix --dry-run > "$GOLDEN/example-audit-fix.diff"
echo "wrote $GOLDEN/example-audit-fix.diff ($(grep -c '^+++ ' "$GOLDEN/example-audit-fix.diff") files)"
