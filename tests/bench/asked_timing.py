#!/usr/bin/env python3
"""Whole-process timings of asked:/--asked and --answers against the plain
queries they extend, on one index: every query of the table runs as
`searcher --db DB --json --limit 10 ...`, the queries interleaved round by
round (so a busy machine slows all of them alike), and the median wall and
CPU (user + system) milliseconds of the rounds are printed as a markdown
table, with the number of hits and the ratio to the row's plain query.

    python3 tests/bench/asked_timing.py --db DIR [--searcher build/searcher] [--rounds 21]
"""
import argparse
import os
import statistics
import subprocess
import time

# (label, extra arguments, the plain query it is compared with or None)
QUERIES = [
    ("margins", ["margins"], None),
    ("--asked margins", ["--asked", "margins"], "margins"),
    ("guidance", ["guidance"], None),
    ("--asked margins guidance", ["--asked", "margins", "guidance"], "guidance"),
    ("--role cfo guidance", ["--role", "cfo", "guidance"], None),
    ("--role cfo --asked margins guidance", ["--role", "cfo", "--asked", "margins", "guidance"], "--role cfo guidance"),
    ("--role cfo --section qa", ["--role", "cfo", "--section", "qa"], None),
    ("--role cfo --asked margins", ["--role", "cfo", "--asked", "margins"], "--role cfo --section qa"),
    ('"gross margin"', ['"gross margin"'], None),
    ('asked:"gross margin"', ['asked:"gross margin"'], '"gross margin"'),
    ("blockchain", ["blockchain"], None),
    ("--asked blockchain", ["--asked", "blockchain"], "blockchain"),
    ("--role analyst tariffs", ["--role", "analyst", "tariffs"], None),
    ("--answers --role analyst tariffs", ["--answers", "--role", "analyst", "tariffs"], "--role analyst tariffs"),
    ("--count margins", ["--count", "margins"], None),
    ("--count --asked margins", ["--count", "--asked", "margins"], "--count margins"),
]


def run(argv):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit("failed: " + " ".join(argv))
    return wall, cpu, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--searcher", default="build/searcher")
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    base = [args.searcher, "--db", args.db, "--json", "--limit", "10"]
    walls = {label: [] for label, _, _ in QUERIES}
    cpus = {label: [] for label, _, _ in QUERIES}
    hits = {}
    for label, extra, _ in QUERIES:  # warm-up; the hits
        _, _, out = run(base + extra)
        hits[label] = out.decode().strip() if "--count" in extra else str(out.count(b"\n"))
    for _ in range(args.rounds):
        for label, extra, _ in QUERIES:
            wall, cpu, _ = run(base + extra)
            walls[label].append(wall)
            cpus[label].append(cpu)
    print(f"| query | hits (count) | median wall ms | median CPU ms | wall ÷ plain | CPU ÷ plain |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, _, plain in QUERIES:
        wall, cpu = statistics.median(walls[label]), statistics.median(cpus[label])
        ratio = cpu_ratio = "–"
        if plain:
            ratio = f"{wall / statistics.median(walls[plain]):.2f}"
            cpu_ratio = f"{cpu / statistics.median(cpus[plain]):.2f}"
        print(f"| `{label}` | {hits[label]} | {wall:.1f} | {cpu:.1f} | {ratio} | {cpu_ratio} |")
    print(f"\n{args.rounds} rounds; load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
