#!/usr/bin/env python3
"""Builds a link-restoration corpus from any folder of Markdown, in the layout of ../shared/corpora.

usage: scripts/make-link-corpus.py SOURCE_DIR OUT_DIR NAME

Every prose link to another Markdown file of the folder -- inline `[text](other.md#x)` and
reference-style `[text][label]`, `[text][]`, `[text]` whose definition points at one -- is replaced by
its link text, and the definitions of such links are removed. Links in headings, fenced code and HTML
comments are left alone, as are links to anything else (.html pages, other sites, the same page).
Writes OUT_DIR/site (the stripped copy), OUT_DIR/truth.json (source, target, anchor, line of every
removed link) and OUT_DIR/corpus.json, so that ../shared/eval/score.py can score suggestions for it:

    scripts/make-link-corpus.py /usr/share/doc/nodejs/api /tmp/node-api node-api
    interlink suggest --root /tmp/node-api/site --format json > s.json
    python ../shared/eval/score.py --corpus /tmp/node-api --suggestions s.json --quiet

Docs/Quality.md uses it on the Node.js API docs (Debian's nodejs-doc), a site none of the tuning saw.
"""
import json, os, re, sys, posixpath, shutil
src, out, name = sys.argv[1], sys.argv[2], sys.argv[3]
site = os.path.join(out, "site")
if os.path.commonpath([os.path.abspath(src), os.path.abspath(out)]) == os.path.abspath(out):
    sys.exit("make-link-corpus: SOURCE_DIR lies inside OUT_DIR, which is emptied first; put it elsewhere")
shutil.rmtree(out, ignore_errors=True); os.makedirs(site)
files = []
for dp, dns, fns in os.walk(src):
    for fn in fns:
        if fn.endswith(".md"):
            files.append(posixpath.relpath(os.path.join(dp, fn), src))
files.sort(); fileset = set(files)

def resolve(dest, source):
    d = dest.strip().strip("<>").split("#", 1)[0].split("?", 1)[0]
    if not d or re.match(r"^[a-z]+:", d) or d.startswith("/"):
        return None
    p = posixpath.normpath(posixpath.join(posixpath.dirname(source), d))
    return p if p in fileset and p != source else None

def mask(text):
    """Fenced code, indented HTML comments and code spans replaced by spaces (newlines kept)."""
    m = list(text)
    def blank(a, b, keep_inner=False):
        for i in range(a, b):
            if m[i] != "\n": m[i] = " "
    for f in re.finditer(r"(?ms)^ {0,3}(```+|~~~+).*?^ {0,3}\1[^\n]*$", text): blank(f.start(), f.end())
    for f in re.finditer(r"(?s)<!--.*?-->", text): blank(f.start(), f.end())
    masked = "".join(m)
    m = list(masked)
    for f in re.finditer(r"(`+)(?:(?!\n\s*\n).)+?\1", masked, re.S):
        for i in range(f.start(), f.end()):
            if m[i] not in "\n": m[i] = "x"
    return "".join(m)

truth = []; removed = 0
for rel in files:
    text = open(os.path.join(src, rel), encoding="utf-8").read()
    mk = mask(text)
    defs = {}; def_spans = []
    for d in re.finditer(r"(?m)^ {0,3}\[([^\]]+)\]:[ \t]*(\S+)[^\n]*\n?", mk):
        label = re.sub(r"\s+", " ", text[d.start(1):d.end(1)]).lower()
        dest = text[d.start(2):d.end(2)]
        t = resolve(dest, rel)
        if t: defs[label] = t; def_spans.append((d.start(), d.end()))
    edits = []
    heading_lines = {i for i, l in enumerate(mk.split("\n")) if re.match(r"^ {0,3}#{1,6}\s", l)}
    for l in re.finditer(r"(?<![!\\\]])\[((?:[^\[\]\n]|\n(?!\s*\n)|\[[^\]\n]*\])+)\](?:\[([^\]\n]*)\]|\(([^)\s]+)(?:\s+\"[^\"]*\")?\))?", mk):
        if l.end() < len(mk) and l.group(2) is None and l.group(3) is None and mk[l.end()] in "(:[":
            continue
        line = mk.count("\n", 0, l.start())
        if line in heading_lines: continue
        if any(a <= l.start() < b for a, b in def_spans): continue
        inner = text[l.start(1):l.end(1)]
        if l.group(3) is not None:
            target = resolve(text[l.start(3):l.end(3)], rel)
        else:
            lab = l.group(2) if l.group(2) else None
            label = re.sub(r"\s+", " ", (text[l.start(2):l.end(2)] if lab else inner)).lower()
            target = defs.get(label)
        if not target: continue
        if inner.startswith("!["): continue
        edits.append((l.start(), l.end(), inner))
        plain = re.sub(r"(?<!\w)[*_]+|[*_]+(?!\w)", "", re.sub(r"`", "", re.sub(r"\s+", " ", inner))).strip()
        truth.append({"source": rel, "target": target, "anchor": plain, "anchor_md": inner, "line": line + 1,
                      "dest": target})
    for a, b in def_spans: edits.append((a, b, ""))
    edits.sort(reverse=True)
    for a, b, r in edits: text = text[:a] + r + text[b:]
    removed += len(edits)
    os.makedirs(os.path.dirname(os.path.join(site, rel)) or site, exist_ok=True)
    open(os.path.join(site, rel), "w", encoding="utf-8").write(text)
json.dump(truth, open(os.path.join(out, "truth.json"), "w"), indent=1)
json.dump({"name": name, "site": {"url_base": "/", "pretty_urls": False, "site_hosts": []}},
          open(os.path.join(out, "corpus.json"), "w"), indent=1)
pairs = {(t["source"], t["target"]) for t in truth}
print(name, "files", len(files), "links", len(truth), "pairs", len(pairs), "sources", len({p[0] for p in pairs}))
