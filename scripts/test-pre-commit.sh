#!/usr/bin/env bash
# Integration test of .pre-commit-hooks.yaml with the real pre-commit (from PyPI): a site repository
# that uses this checkout's hooks refuses a commit with a linkable new article and shows the
# suggestion; the fix hook writes the link; the commit then passes.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
REV="$(git -C "$REPO" rev-parse HEAD)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export PRE_COMMIT_HOME="$WORK/cache"

fail() { echo "pre-commit integration: FAIL: $*" >&2; exit 1; }

python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q pre-commit
PRE_COMMIT="$WORK/venv/bin/pre-commit"

SITE="$WORK/site"
mkdir -p "$SITE/content/posts"
cd "$SITE"
git init -q
git config user.email "ci@example.invalid"
git config user.name "CI"
git config commit.gpgsign false
cat > hugo.toml <<'TOML'
baseURL = "https://example.invalid/"
title = "Hooks test"
TOML
cat > content/posts/orphan-pages.md <<'MD'
---
title: Orphan Pages
---
An orphan page has no internal links pointing at it, so readers and crawlers rarely reach it.
Find orphans by comparing the pages in your sitemap with the pages your internal links reach.
MD
cat > content/posts/crawl-budget.md <<'MD'
---
title: Crawl Budget
---
Crawl budget is how many pages a search engine is willing to fetch from a site in a given time.
Large sites waste it on duplicates and redirect chains; small sites rarely need to think about it.
MD
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $REPO
    rev: $REV
    hooks:
      - id: interlink
      - id: interlink-fix
        stages: [manual]
YAML
git add -A
git commit -q -m "initial site"
"$PRE_COMMIT" install >/dev/null

cat > content/posts/site-audits.md <<'MD'
---
title: Site Audits
---
A site audit starts with the pages nobody can reach. Look for orphan pages first, because an
article without inbound links is invisible to readers who browse and to crawlers with a limited
budget.
MD
git add content/posts/site-audits.md

echo "pre-commit integration: building the hook (swift build -c release) and committing…"
if git commit -q -m "add site audits" > "$WORK/commit1.log" 2>&1; then
    cat "$WORK/commit1.log"; fail "the commit with a linkable article passed"
fi
grep -q 'content/posts/site-audits.md:.*suggestion: link "orphan pages" to content/posts/orphan-pages.md' "$WORK/commit1.log" \
    || { cat "$WORK/commit1.log"; fail "the suggestion was not shown"; }

if "$PRE_COMMIT" run interlink-fix --hook-stage manual --files content/posts/site-audits.md > "$WORK/fix.log" 2>&1; then
    cat "$WORK/fix.log"; fail "the fix hook reported no change"
fi
grep -q '\[orphan pages\](/posts/orphan-pages/)' content/posts/site-audits.md \
    || { cat "$WORK/fix.log"; cat content/posts/site-audits.md; fail "the fix hook did not write the link"; }

git add content/posts/site-audits.md
git commit -q -m "add site audits" > "$WORK/commit2.log" 2>&1 || { cat "$WORK/commit2.log"; fail "the commit after the fix failed"; }
echo "pre-commit integration: 3 passed, 0 failed"
