#!/usr/bin/env bash
# Installs libcmark (headers, pkg-config file and the cmark command) when pkg-config cannot find it.
set -euo pipefail
if pkg-config --exists libcmark 2>/dev/null && command -v cmark >/dev/null 2>&1; then
    exit 0
fi
echo "interlink: libcmark not found, installing it" >&2
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libcmark-dev cmark pkg-config >/dev/null
elif command -v brew >/dev/null 2>&1; then
    brew install cmark pkg-config
else
    echo "interlink: install libcmark (Debian: libcmark-dev, Homebrew: cmark) and pkg-config, then retry" >&2
    exit 1
fi
