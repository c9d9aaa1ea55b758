#!/usr/bin/env python3
"""Benchmarks `interlink suggest --format json` against the `cmark` command parsing the same bytes.

usage: Benchmarks/run.py [N ...] [--runs R] [--work DIR] [--binary PATH]

For each site size N (default 1000 10000) it generates a deterministic site with
Benchmarks/generate-site.py (cached in --work), concatenates its Markdown files into one file, and
then, alternating in the same run, times R times (default 3): `cmark` parsing the concatenated bytes
in one process, and the whole `interlink suggest --format json` run (with INTERLINK_TIMINGS=1 for the
per-stage times and /usr/bin/time for peak memory). The full run is `--no-cache`: every file is
read, parsed and matched. It prints a Markdown table of medians and the ratio interlink / cmark.
Wall-clock times on a shared machine are noisy: compare the ratio, which is measured side by side;
the CPU time (user + system, all threads) is printed too.

For sizes up to 20,000 articles it also measures the pre-commit case on a copy of the site: the index
cache warmed by one run (and once more a few seconds later, when the copied files are old enough for
their stamps to vouch for them), then, each time, three files edited (a sentence appended) and
`interlink suggest` run on those three files with the cache, as a pre-commit hook would. These runs
alternate with the cmark and full runs (cmark, full, pre-commit, cmark, ...); the table gives their
median and its ratio to the full run.
"""
import shutil
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    args = sys.argv[1:]
    runs, work, binary = 3, "/tmp/interlink-bench", None
    sizes = []
    i = 0
    while i < len(args):
        if args[i] == "--runs":
            runs = int(args[i + 1]); i += 2
        elif args[i] == "--work":
            work = args[i + 1]; i += 2
        elif args[i] == "--binary":
            binary = args[i + 1]; i += 2
        else:
            sizes.append(int(args[i])); i += 1
    sizes = sizes or [1000, 10000]
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "interlink"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout.strip()
        binary = os.path.join(bin_dir, "interlink")
    os.makedirs(work, exist_ok=True)
    rows = []
    for n in sizes:
        site = os.path.join(work, f"site-{n}")
        if not os.path.isdir(site):
            subprocess.run([sys.executable, os.path.join(HERE, "generate-site.py"), str(n), site], check=True)
        joined = os.path.join(work, f"site-{n}.md")
        if not os.path.exists(joined):
            with open(joined, "wb") as out:
                for folder, _, files in sorted(os.walk(site)):
                    for name in sorted(files):
                        if name.endswith(".md"):
                            with open(os.path.join(folder, name), "rb") as handle:
                                out.write(handle.read())
        size = os.path.getsize(joined)
        cmark_times, interlink_times, peaks, stages, cpus, cmark_cpus = [], [], [], {}, [], []
        # The pre-commit runs alternate with the full runs too, so that a slower or faster spell of
        # this shared machine weighs on both sides of their ratio alike.
        precommit_run = prepare_precommit(binary, site) if n <= 20000 else None
        precommit_times, precommit_cpus = [], []
        for run in range(runs):
            start = time.perf_counter()
            timed = subprocess.run(["/usr/bin/time", "-f", "cpu-s %U %S", "cmark", joined], check=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            cmark_times.append(time.perf_counter() - start)
            for line in timed.stderr.splitlines():
                if line.startswith("cpu-s "):
                    cmark_cpus.append(float(line.split()[1]) + float(line.split()[2]))
            env = dict(os.environ, INTERLINK_TIMINGS="1")
            start = time.perf_counter()
            result = subprocess.run(["/usr/bin/time", "-f", "peak-kb %M\ncpu-s %U %S", binary, "suggest", "--root",
                                     site, "--format", "json", "--no-cache"], env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, text=True)
            interlink_times.append(time.perf_counter() - start)
            if result.returncode not in (0,):
                sys.exit(f"interlink failed on {site}:\n{result.stderr}")
            for line in result.stderr.splitlines():
                parts = line.split()
                if parts and parts[0] == "timing":
                    stages.setdefault(parts[1], []).append(float(parts[2]))
                elif parts and parts[0] == "peak-kb":
                    peaks.append(int(parts[1]))
                elif parts and parts[0] == "cpu-s":
                    cpus.append(float(parts[1]) + float(parts[2]))
            if precommit_run is not None:
                wall, cpu = precommit_run(run)
                precommit_times.append(wall)
                precommit_cpus.append(cpu)
        if precommit_run is not None:
            shutil.rmtree(site + "-precommit")
        cmark_median = statistics.median(cmark_times)
        interlink_median = statistics.median(interlink_times)
        precommit = ((statistics.median(precommit_times), statistics.median(precommit_cpus))
                     if precommit_run is not None else None)
        rows.append((n, size, cmark_median, interlink_median, max(peaks) / 1024,
                     {k: statistics.median(v) for k, v in stages.items()}, statistics.median(cpus), precommit,
                     statistics.median(cmark_cpus)))
    print("| articles | bytes | cmark parse (s) | interlink suggest (s) | ratio | cmark CPU (s) | interlink CPU (s) "
          "| CPU ratio | peak memory (MB) | memory limit 2×bytes+200 MB | pre-commit, 3 files (s) | pre-commit / full "
          "| pre-commit / full, CPU |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n, size, c, s, peak, _, cpu, pre, ccpu in rows:
        pre_cells = f"{pre[0]:.2f} | {pre[0] / s:.2f} | {pre[1] / cpu:.2f}" if pre is not None else "– | – | –"
        print(f"| {n:,} | {size / 1e6:.1f} MB | {c:.2f} | {s:.2f} | {s / c:.1f}× | {ccpu:.2f} | {cpu:.2f} "
              f"| {cpu / ccpu:.1f}× | {peak:.0f} | {2 * size / 1e6 + 200:.0f} | {pre_cells} |")
    print()
    stage_names = list(rows[0][5].keys()) if rows else []
    print("| articles | " + " | ".join(stage_names) + " |")
    print("|---|" + "---|" * len(stage_names))
    for n, _, _, _, _, stages, _, _, _ in rows:
        print(f"| {n:,} | " + " | ".join(f"{stages.get(k, 0):.2f}" for k in stage_names) + " |")


def prepare_precommit(binary, site):
    """A copy of `site` with a warm index cache, and a function that runs the pre-commit case once on it:
    three files edited (a sentence appended), then `interlink suggest` on those three files with the
    cache, as a pre-commit hook would; it returns the wall and CPU seconds of that run."""
    copy = site + "-precommit"
    if os.path.isdir(copy):
        shutil.rmtree(copy)
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(".interlink-cache"))
    markdown = sorted(os.path.relpath(os.path.join(folder, name), copy)
                      for folder, _, files in os.walk(copy) for name in files if name.endswith(".md"))
    edited = [markdown[len(markdown) // 7], markdown[len(markdown) // 2], markdown[-3]]
    subprocess.run([binary, "suggest", "--root", copy, "--format", "json"], check=True, stdout=subprocess.DEVNULL)
    # A file's stamp vouches for it only once it is a few seconds old (FileStamp.settlingSeconds), and
    # the copy's files were all just written: as in a repository whose files were not all written a
    # moment ago, the cache is warmed once more after they have settled.
    time.sleep(4)
    subprocess.run([binary, "suggest", "--root", copy, "--format", "json"], check=True, stdout=subprocess.DEVNULL)

    def run_once(run):
        for path in edited:
            with open(os.path.join(copy, path), "a", encoding="utf-8") as handle:
                handle.write(f"\nA sentence written just before commit number {run}.\n")
        start = time.perf_counter()
        timed = subprocess.run(["/usr/bin/time", "-f", "cpu-s %U %S", binary, "suggest", "--root", copy, "--format",
                                "json"] + [os.path.join(copy, p) for p in edited],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        cpu = next(float(line.split()[1]) + float(line.split()[2])
                   for line in timed.stderr.splitlines() if line.startswith("cpu-s "))
        return wall, cpu

    return run_once


if __name__ == "__main__":
    main()
