#!/usr/bin/env python3
"""Writes a deterministic synthetic Markdown site of N articles, for benchmarks and the scale test.

usage: generate-site.py N OUTPUT_DIR [--seed S]

The site is a plain folder (no generator config) of nested sections. Each article has YAML front
matter (a few have TOML), headings, prose in which other articles' titles recur (sometimes plural,
capitalised or possessive), lists, a code block, sometimes a table, and existing links to other
articles. About 1 in 50 files uses CRLF line endings and about 1 in 20 has non-ASCII text.
Same N and seed give byte-identical output.
"""
import os
import random
import sys

ADJECTIVES = """adaptive bounded cached concurrent deferred distributed durable elastic encrypted eventual
fault-tolerant federated generic hashed immutable incremental indexed lazy layered lock-free
modular nested optimistic ordered parallel partitioned persistent pluggable probabilistic reactive
recursive replicated resilient scalable sequential sharded sparse stateless streaming structured
synchronous tiered transactional typed versioned weighted""".split()
NOUNS = """allocator barrier bitmap buffer cache checkpoint cluster codec compiler consensus cursor
daemon dispatcher encoder executor filter gateway graph heap index interpreter journal kernel
ledger lexer linker loader mailbox manifest mutex parser pipeline planner pool profiler protocol
queue registry renderer resolver router sampler scheduler schema semaphore serializer snapshot
socket solver stack tokenizer tracer trie validator vector watcher""".split()
TOPICS = """storage networking compilers databases observability security testing deployment tooling
runtime concurrency memory performance reliability""".split()
FILLER = """the a this that our their each every many some most few system team approach design
result change release project user request response value field record batch step stage phase
process method layer service component module feature problem question answer idea example case
works runs keeps makes takes gives finds shows needs uses handles returns stores reads writes
builds checks moves sends waits grows fails recovers improves reduces avoids quickly carefully
often rarely always usually simply mostly fully partly early late again later before after while
when because although since unless until and but or so yet then also still even only just""".split()
NON_ASCII = ["café", "naïve", "Zürich", "façade", "résumé", "東京", "Ελλάδα", "smörgåsbord", "jalapeño"]


def plural(word):
    if word.endswith(("s", "x", "sh", "ch")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def main():
    args = sys.argv[1:]
    seed = 1
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    count, out = int(args[0]), args[1]
    rng = random.Random(seed)

    titles, paths = [], []
    seen = set()
    for n in range(count):
        while True:
            title = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
            # Two-word titles run out on big sites; three-word ones (adjective adjective noun) do not.
            if rng.random() < (0.3 if count <= 2000 else 0.9):
                title = f"{rng.choice(ADJECTIVES)} {title}"
            if title not in seen or len(seen) > 0.8 * len(ADJECTIVES) * len(NOUNS):
                break
        if title in seen:
            title = f"{title} {n}"
        seen.add(title)
        titles.append(title)
        section = TOPICS[n % len(TOPICS)]
        sub = f"part-{(n // len(TOPICS)) % 20:02d}"
        slug = title.replace(" ", "-").lower()
        paths.append(f"{section}/{sub}/{slug}.md")

    for n in range(count):
        title = titles[n]
        related = [rng.randrange(count) for _ in range(8)]
        crlf = n % 50 == 7
        lines = []
        if n % 17 == 3:
            lines += ["+++", f'title = "{title.title()}"', f"date = 2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                      f'tags = ["{TOPICS[n % len(TOPICS)]}"]', "+++", ""]
        else:
            lines += ["---", f"title: {title.title()}", f"date: 2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                      f"tags: [{TOPICS[n % len(TOPICS)]}, {rng.choice(TOPICS)}]"]
            if n % 9 == 0:
                lines.append(f"aliases: [{plural(title.split()[-1])} {title.split()[0]}]")
            lines += ["---", ""]

        def sentence(mention=None):
            words = [rng.choice(FILLER) for _ in range(rng.randint(8, 18))]
            if mention is not None:
                other = titles[mention]
                form = rng.random()
                if form < 0.3:
                    other = " ".join(other.split()[:-1] + [plural(other.split()[-1])])
                elif form < 0.4:
                    other = other + "'s"
                elif form < 0.5:
                    other = other.title()
                words.insert(rng.randint(1, len(words) - 1), other)
            if n % 20 == 11 and rng.random() < 0.2:
                words.insert(rng.randint(0, len(words)), rng.choice(NON_ASCII))
            text = " ".join(words)
            return text[0].upper() + text[1:] + "."

        lines.append(f"The {title} is one of the pieces every {TOPICS[n % len(TOPICS)]} stack needs. " +
                     " ".join(sentence(rng.choice(related)) for _ in range(3)))
        lines.append("")
        for h in range(rng.randint(2, 4)):
            lines.append(f"## {rng.choice(ADJECTIVES).title()} {rng.choice(NOUNS)} {rng.choice(['in practice', 'trade-offs', 'basics', 'limits'])}")
            lines.append("")
            for _ in range(rng.randint(1, 3)):
                body = [sentence(rng.choice(related) if rng.random() < 0.4 else None) for _ in range(rng.randint(3, 6))]
                if rng.random() < 0.3:
                    target = rng.randrange(count)
                    rel = os.path.relpath(paths[target], os.path.dirname(paths[n]))
                    body.insert(1, f"See [{titles[target]}]({rel}) for the details.")
                lines.append(" ".join(body))
                lines.append("")
            if rng.random() < 0.4:
                for _ in range(rng.randint(2, 4)):
                    lines.append(f"- {sentence(rng.choice(related) if rng.random() < 0.3 else None)}")
                lines.append("")
            if rng.random() < 0.3:
                lines += ["```go", f"// {titles[rng.choice(related)]} lives here, not a link", "func main() {",
                          f'    run("{rng.choice(NOUNS)}")', "}", "```", ""]
            if rng.random() < 0.1:
                lines += ["| option | effect |", "|---|---|",
                          f"| `{rng.choice(NOUNS)}` | {sentence(rng.choice(related))} |",
                          f"| `{rng.choice(NOUNS)}` | {sentence()} |", ""]
        text = "\n".join(lines) + "\n"
        if crlf:
            text = text.replace("\n", "\r\n")
        full = os.path.join(out, paths[n])
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
