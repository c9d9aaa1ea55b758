#!/usr/bin/env bash
# Renders `interlink audit --format html` of ExampleSite in headless Chromium (Debian's `chromium`,
# installed with apt-get when missing), and checks that the page loads without console messages,
# that its script ran, that the graph and both tables are in the rendered DOM, and that a
# 1400×2000 screenshot comes out. SCREENSHOT=path keeps the PNG (Docs/images/audit-report.png is
# made that way).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${INTERLINK_BIN:-$(swift build --show-bin-path)/interlink}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if ! command -v chromium >/dev/null 2>&1; then
    echo "html report: installing chromium" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

passed=0
failed=0
check() {
    local name="$1"
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "html report: FAIL: $name" >&2
    fi
}

CHROMIUM=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions)
"$BIN" audit --root ExampleSite --format html > "$WORK/report.html"
"$BIN" audit --root ExampleSite --format json > "$WORK/report.json"
URL="file://$WORK/report.html"

timeout 120 "${CHROMIUM[@]}" --enable-logging=stderr --v=0 --virtual-time-budget=5000 --dump-dom "$URL" \
    > "$WORK/dom.html" 2> "$WORK/console.log" || true
timeout 120 "${CHROMIUM[@]}" --window-size=1400,2000 --screenshot="$WORK/report.png" "$URL" \
    > /dev/null 2> "$WORK/screenshot.log" || true

check "the report is a whole HTML page" grep -q '</html>' "$WORK/report.html"
check "nothing is loaded from the network" \
    bash -c "! grep -Eq '(src|href)=\"(https?:)?//' '$WORK/report.html'"
# The report logs nothing, so any console line is an error (uncaught exception, failed load…).
check "no console messages" bash -c "! grep -E 'CONSOLE|Uncaught' '$WORK/console.log'"
check "the script ran to the end" grep -q 'data-report="ready"' "$WORK/dom.html"
python3 - "$WORK/dom.html" "$WORK/report.json" "$WORK/report.png" > "$WORK/checks.txt" <<'PY' || true
import json, re, struct, sys
dom = open(sys.argv[1], encoding="utf-8").read()
report = json.load(open(sys.argv[2]))
def say(ok, name):
    print(("ok " if ok else "FAIL ") + name)
nodes = len(re.findall(r'<g class="node"', dom))
say('<svg class="graph"' in dom and nodes >= len([a for a in report["articles"] if not a["draft"]]), "the graph has a dot per article (%d)" % nodes)
say('<path class="missing"' in dom, "the broken link's missing page is drawn")
findings = len(re.findall(r'<tr data-rule="', dom))
say(findings == len(report["findings"]), "the findings table has every finding (%d of %d)" % (findings, len(report["findings"])))
articles = len(re.findall(r'<tr id="article-', dom))
say(articles == len(report["articles"]), "the articles table has every article (%d of %d)" % (articles, len(report["articles"])))
png = open(sys.argv[3], "rb").read() if __import__("os").path.exists(sys.argv[3]) else b""
size = struct.unpack(">II", png[16:24]) if png[:8] == b"\x89PNG\r\n\x1a\n" else (0, 0)
say(size == (1400, 2000) and len(png) > 50000, "the screenshot is 1400x2000 and not blank (%dx%d, %d bytes)" % (size + (len(png),)))
PY
while read -r status name; do
    if [ "$status" = "ok" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "html report: FAIL: $name" >&2; fi
done < "$WORK/checks.txt"
if [ "$failed" -gt 0 ]; then
    grep -E 'CONSOLE|Uncaught' "$WORK/console.log" >&2 || true
fi
if [ -n "${SCREENSHOT:-}" ] && [ -f "$WORK/report.png" ]; then cp "$WORK/report.png" "$SCREENSHOT"; fi
echo "html report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
