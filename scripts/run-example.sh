#!/usr/bin/env bash
# Builds Interlink and runs it on the demo site in ExampleSite/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-cmark.sh
swift build -c release --product interlink
BIN="$(swift build -c release --show-bin-path)/interlink"
"$BIN" index --root ExampleSite --format text | sed -n '1,12p'
echo
"$BIN" suggest --root ExampleSite
