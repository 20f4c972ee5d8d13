#!/usr/bin/env python3
"""Benchmark the record's commands against the interpreter floor, in one run.

Run ``python benchmarks/bench_history.py`` (a table) or ``... --json``. Each
time is the best of ``--repeat`` runs of a fresh process (start-up included):

* the floor, ``python -c "import numpy, attrs"``, and ``unsc --version`` (the
  package's own start-up, which every command pays);
* ``unsc history`` with filters (the seeds' claim: ``--vetoed-by "Russian
  Federation" --topic syria --until 2016-12-05``), and a listing of one year of
  the whole record (``--since 2016 --until 2016``), which reads the meeting tables;
* the whole record (every vote, with or without a tally) decided again under
  every built-in rule (``decide_votes(load_history(), RULES, reasons=False)``),
  timed inside a child process after the record is loaded, first call (cold
  caches) and best of the next ones, wall-clock and CPU time (a shared machine
  under load inflates the wall-clock time, hardly the CPU time).

Targets (``--strict``: exit 1 if missed): the filtered ``unsc history`` at most
1.5x the floor; the whole record under every built-in rule in under 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HISTORY_RATIO = 1.5
RECORD_SECONDS = 2.0

CHILD = """
import json, time
from simulate.analysis.counterfactual import builtin_rules, decide_votes
from simulate.analysis.history import load_history
record = load_history()
rules = builtin_rules()
times, cpu = [], []
for _ in range({repeat}):
    start, start_cpu = time.perf_counter(), time.process_time()
    decisions = decide_votes(record, rules, reasons=False)
    times.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)
out = {{"votes": len(record), "rules": len(rules), "decisions": len(decisions), "times": times, "cpu": cpu}}
print(json.dumps(out))
"""


def _best(cmd: list[str], repeat: int) -> float:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run(cmd, capture_output=True, check=True, env=env, cwd=ROOT)  # warm the file cache
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, env=env, cwd=ROOT)
        best = min(best, time.perf_counter() - start)
    return best


def measure(repeat: int) -> dict:
    py = sys.executable
    floor = _best([py, "-c", "import numpy, attrs"], repeat)
    startup = _best([py, "-m", "simulate", "--version"], repeat)
    seeds = ["history", "--vetoed-by", "Russian Federation", "--topic", "syria", "--until", "2016-12-05"]
    filtered = _best([py, "-m", "simulate", *seeds], repeat)
    year = _best([py, "-m", "simulate", "history", "--since", "2016", "--until", "2016"], repeat)
    out = subprocess.run(
        [py, "-c", CHILD.format(repeat=max(2, repeat))], capture_output=True, text=True, check=True, cwd=ROOT
    )
    child = json.loads(out.stdout)
    cold, warm = child["times"][0], min(child["times"][1:])
    cold_cpu, warm_cpu = child["cpu"][0], min(child["cpu"][1:])
    return {
        "python": platform.python_version(),
        "cores": os.cpu_count(),
        "floor_s": floor,
        "unsc_version_s": startup,
        "unsc_version_ratio": startup / floor,
        "history_filtered_s": filtered,
        "history_filtered_ratio": filtered / floor,
        "history_year_s": year,
        "history_year_ratio": year / floor,
        "record_votes": child["votes"],
        "record_rules": child["rules"],
        "record_decisions": child["decisions"],
        "record_cold_s": cold,
        "record_warm_s": warm,
        "record_cold_cpu_s": cold_cpu,
        "record_warm_cpu_s": warm_cpu,
        "targets": {
            "history_filtered_ratio": [HISTORY_RATIO, filtered / floor <= HISTORY_RATIO],
            "record_cold_s": [RECORD_SECONDS, cold < RECORD_SECONDS],
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    result = measure(args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"Python {result['python']}, {result['cores']} cores; best of {args.repeat} fresh processes")
        print(f"  floor (import numpy, attrs)            {result['floor_s']:.3f} s")
        print(
            f"  unsc --version (the package's start-up) {result['unsc_version_s']:.3f} s  "
            f"{result['unsc_version_ratio']:.2f}x floor"
        )
        print(
            f"  unsc history (seeds' claim, filtered)  {result['history_filtered_s']:.3f} s  "
            f"{result['history_filtered_ratio']:.2f}x floor (target <= {HISTORY_RATIO}x)"
        )
        print(
            f"  unsc history --since 2016 --until 2016 {result['history_year_s']:.3f} s  "
            f"{result['history_year_ratio']:.2f}x floor"
        )
        print(
            f"  whole record ({result['record_votes']} votes x {result['record_rules']} rules = "
            f"{result['record_decisions']} decisions): {result['record_cold_s']:.2f} s cold, "
            f"{result['record_warm_s']:.2f} s warm; CPU {result['record_cold_cpu_s']:.2f} s cold, "
            f"{result['record_warm_cpu_s']:.2f} s warm (target < {RECORD_SECONDS} s)"
        )
    missed = [name for name, (_, ok) in result["targets"].items() if not ok]
    if missed and not args.json:
        print("missed: " + ", ".join(missed))
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
