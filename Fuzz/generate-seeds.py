#!/usr/bin/env python3
"""Writes the fuzzer's generated seeds into OUT (not committed; scripts/fuzz.sh calls this).

    Fuzz/generate-seeds.py OUT [--corpus-sample N]

- ExampleSite articles, alone and two or three to an input (joined by the NUL separator the fuzz target
  splits on), so that inputs have targets to link to;
- a sample of ../shared/corpora/*/site articles (every Nth, cut to MAX_SEED bytes at a line end);
- cmark's pathological cases (after cmark's test/pathological_tests.py) and hostile front matter, small
  enough for the fuzzer's input size limit, with phrases the fixed target articles are titled by
  ("page speed", "internal links", ...) so that the suggester and the rewriter work on them.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_SEED = 4096
SEPARATOR = b"\0"


def write(out, name, data):
    with open(os.path.join(out, name), "wb") as handle:
        handle.write(data[:MAX_SEED] if len(data) > MAX_SEED else data)


def cut(data):
    """At most MAX_SEED bytes, ending at a line end so UTF-8 stays whole."""
    if len(data) <= MAX_SEED:
        return data
    end = data.rfind(b"\n", 0, MAX_SEED)
    return data[: end + 1] if end > 0 else data[:MAX_SEED]


def markdown_files(folder):
    found = []
    for base, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".md", ".markdown")):
                found.append(os.path.join(base, name))
    return found


def pathological(n):
    """name -> bytes: cmark's hard inputs, each holding a phrase a fixed target is titled by."""
    p = b"page speed"
    cases = {
        "nested-quotes": b"> " * n + p + b"\n",
        "nested-quotes-lines": b"".join(b"> " * i + p + b"\n" for i in range(0, n // 20)),
        "nested-lists": b"".join(b"  " * i + b"* " + p + b"\n" for i in range(n // 10)),
        "nested-ordered": b"".join(b"   " * i + b"1. " + p + b"\n" for i in range(n // 10)),
        "mixed-containers": (b"> - 1. " * (n // 7)) + p + b"\n",
        "brackets-open": b"[" * n + p + b"\n",
        "brackets-nested": b"[" * (n // 2) + p + b"]" * (n // 2) + b"\n",
        "brackets-paren": b"[ (](" * (n // 5) + p + b"\n",
        "link-openers-emph-closers": b"[ a_" * (n // 4) + p + b"\n",
        "unclosed-links-a": b"[a](<b" * (n // 6) + b" " + p + b"\n",
        "unclosed-links-b": b"[a](b" * (n // 5) + b" " + p + b"\n",
        "images-open": b"![" * (n // 2) + p + b"\n",
        "stars": b"*" * n + p + b"\n",
        "underscores": b"_" * n + p + b"\n",
        "nested-strong-emph": b"*a **a " * (n // 7) + p + b" " + b"a** a*" * (n // 7) + b"\n",
        "emph-closers": b"a_ " * (n // 3) + p + b"\n",
        "emph-openers": b"_a " * (n // 3) + p + b"\n",
        "mod3-delimiters": b"a**b" + b"c* " * (n // 3) + p + b"\n",
        "backticks": b"e`" * (n // 2) + p + b"\n",
        "backtick-runs": b"".join(b"`" * i + b"x " for i in range(1, 60)) + p + b"\n",
        "angles": b"<" * n + p + b"\n",
        "html-open-tags": b"<a " * (n // 3) + p + b"\n",
        "html-comments": b"<!--" * (n // 4) + p + b"\n",
        "html-processing": b"a <?" * (n // 4) + p + b"\n",
        "cdata": b"a <![CDATA[" * (n // 11) + p + b"\n",
        "declarations": b"a <!A " * (n // 6) + p + b"\n",
        "entities": b"&#" * (n // 2) + p + b"\n",
        "entities-named": b"&amp;" * (n // 5) + p + b" &copy &#x1F600; &#0; &#99999999;\n",
        "backslashes": b"\\" * n + p + b"\n",
        "hard-breaks": (p + b"  \n") * (n // 12),
        "reference-definitions": b"[a]: /u\n" * (n // 8) + b"[a] " + p + b"\n",
        "reference-uses": b"[a]: /u\n\n" + b"[a]" * (n // 3) + b" " + p + b"\n",
        "table": b"| page speed | internal links |\n| --- | --- |\n" + b"| a | page speed |\n" * (n // 18),
        "setext": (p + b"\n===\n") * (n // 16),
        "fences": (b"```\n" + p + b"\n") * (n // 15),
        "wikilinks": b"[[" * (n // 2) + p + b"]]\n",
        "shortcodes": b"{{< " * (n // 4) + p + b" {{% %}} {% link a.md %}\n",
        "crlf-lone-cr": (p + b"\r\n> " + p + b"\r" + b"  " + p + b"\n") * (n // 40),
        "bom-tabs": b"\xef\xbb\xbf\t* \t> \t" + p + b"\n\t\t" + p + b"\n",
        "multibyte": ("caf\u00e9 \u00fcber page speed \u65e5\u672c\u8a9e \U0001F600 internal links\n".encode()) * (n // 60),
        "yaml-deep": b"---\na: " + b"[" * (n // 2) + b"]" * (n // 2) + b"\n---\n" + p + b"\n",
        "yaml-deep-maps": b"---\n" + b"".join(b" " * i + b"a:\n" for i in range(n // 10)) + b"---\n" + p + b"\n",
        "yaml-aliases": b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        + b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        + b"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        + b"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\ntitle: Page Speed\n---\n" + p + b"\n",
        "yaml-tags": b"---\ntitle: !!binary aGVsbG8=\ndate: !!timestamp 2001-12-14\nx: !custom {a: 1}\n---\n" + p + b"\n",
        "toml-deep": b"+++\na = " + b"[" * (n // 2) + b"]" * (n // 2) + b"\n+++\n" + p + b"\n",
        "toml-inline-tables": b"+++\na = " + b"{b = " * (n // 5) + b"1" + b"}" * (n // 5) + b"\n+++\n" + p + b"\n",
        "toml-dates": b"+++\ntitle = \"Page Speed\"\ndate = 1979-05-27T07:32:00-08:00\nx = 0x1F\ny = inf\n+++\n" + p + b"\n",
        "front-matter-unclosed": b"---\ntitle: x\n" + p + b"\n",
        "front-matter-only": b"---\ntitle: Page Speed\n---\n",
        "front-matter-long": b"---\n" + b"".join(b"k%d: page speed\n" % i for i in range(n // 16)) + b"---\n" + p + b"\n",
        "suppression": b"<!-- interlink-disable -->\n" + p + b"\n<!-- interlink-enable -->\n<!-- interlink-disable-next-line -->\n" + p + b"\n" + p + b"\n",
    }
    return cases


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: generate-seeds.py OUT [--corpus-sample N]")
    out = sys.argv[1]
    every = int(sys.argv[sys.argv.index("--corpus-sample") + 1]) if "--corpus-sample" in sys.argv else 10
    os.makedirs(out, exist_ok=True)
    count = 0

    example = [open(path, "rb").read() for path in markdown_files(os.path.join(ROOT, "ExampleSite"))]
    for index, data in enumerate(example):
        write(out, "example-%02d" % index, cut(data))
        # With the next one or two articles as link targets.
        group = [data] + [example[(index + k) % len(example)] for k in range(1, 2 + index % 2)]
        write(out, "example-group-%02d" % index, cut(SEPARATOR.join(group)))
        count += 2

    corpora = os.path.join(os.path.dirname(ROOT), "shared", "corpora")
    if os.path.isdir(corpora):
        sample = [path for path in markdown_files(corpora) if "/site/" in path][::every]
        for index, path in enumerate(sample):
            write(out, "corpus-%03d" % index, cut(open(path, "rb").read()))
            count += 1

    for name, data in pathological(2000).items():
        write(out, "pathological-" + name, data)
        # The same next to an ordinary article, as a second piece.
        first = example[0][: example[0].rfind(b"\n", 0, 2000) + 1]
        write(out, "pathological-pair-" + name, first + SEPARATOR + data)
        count += 2
    print("%d seeds in %s" % (count, out))


if __name__ == "__main__":
    main()
