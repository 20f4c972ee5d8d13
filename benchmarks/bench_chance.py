#!/usr/bin/env python3
"""Benchmark the chance engines (``simulate.analysis.chance``): ratios measured in one run.

Run ``python benchmarks/bench_chance.py`` (a table) or ``... --json``.

* exact: P(adopted / vetoed / short) and nothing else, members independent with
  float probabilities, on the 15-seat Council (December 2016, every member
  uncertain, Angola 60/40) and on the 25-seat G4 council (the same, plus the
  ten new seats uncertain); targets < 1 ms and < 10 ms per call (outcome table
  cached, as in any repeated use). Fractions are timed too, for information.
* Monte Carlo: council votes per second with every member drawn, on 1 and 2
  worker threads, against the time numpy needs just to draw the same uniforms
  (same block and chunk layout, same threads): target >= 10^7 votes/s on 2
  cores and at most 2x the drawing time.
* memory: 10^8 draws in a child process, peak RSS from ``getrusage``: target
  < 512 MiB.

Each timing is the best of ``--repeat`` rounds (min over rounds removes the
noise of a shared machine). Exit 1 with ``--strict`` when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from simulate import load_scenario  # noqa: E402
from simulate.analysis.chance import Chance, build_model, exact_probabilities, simulate  # noqa: E402
from simulate.analysis.chance.montecarlo import BLOCK, CHUNK, _row_keys  # noqa: E402

EXACT_15_MS = 1.0
EXACT_25_MS = 10.0
MC_RATE = 1e7
MC_RATIO = 2.0
MEMORY_MIB = 512
MEMORY_DRAWS = 10**8


def best(fn, repeat: int, number: int = 1) -> float:
    """Best seconds per call over ``repeat`` rounds of ``number`` calls."""
    out = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(number):
            fn()
        out = min(out, (time.perf_counter() - t) / number)
    return out


def models(exact_inputs: bool) -> dict:
    december = load_scenario("S/2016/1026")
    angola = {"yes": "3/5", "abstain": "2/5"} if exact_inputs else {"yes": 0.6, "abstain": 0.4}
    changes = [Chance({"Angola": angola}, others="uncertain")]
    return {
        "charter-1965 (15 seats)": build_model(december, changes, "charter-1965"),
        "g4-2005 (25 seats)": build_model(december, changes, "g4-2005"),
    }


def bench_exact(repeat: int) -> list[dict]:
    rows = []
    for kind in ("float", "fraction"):
        for name, model in models(kind == "fraction").items():
            exact_probabilities(model)  # builds and caches the outcome table
            number = 50 if kind == "float" else 2
            seconds = best(lambda model=model: exact_probabilities(model), repeat, number)
            result = exact_probabilities(model)
            target = EXACT_15_MS if "15" in name else EXACT_25_MS
            rows.append({
                "case": name, "probabilities": kind, "ms": seconds * 1e3,
                "target_ms": target if kind == "float" else None,
                "adopted": float(result.adopted),
                "met": (seconds * 1e3 < target) if kind == "float" else None,
            })
    return rows


def draw_only(draws: int, rows: int, workers: int, seed: int = 1) -> None:
    """numpy drawing the same uniforms as the engine (same blocks, chunks and threads), nothing else."""
    blocks = -(-draws // BLOCK)
    per_chunk = CHUNK // BLOCK

    def run(first: int) -> None:
        last = min(first + per_chunk, blocks)
        sizes = [min(BLOCK, draws - b * BLOCK) for b in range(first, last)]
        u = np.empty((rows, sum(sizes)), dtype=np.float32)
        at = 0
        for b, size in zip(range(first, last), sizes, strict=True):
            rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(b,))))
            for r in range(rows):
                rng.random(size, dtype=np.float32, out=u[r, at:at + size])
            at += size

    starts = list(range(0, blocks, per_chunk))
    if workers > 1:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(run, starts))
    else:
        for s in starts:
            run(s)


def bench_montecarlo(draws: int, repeat: int) -> list[dict]:
    model = models(False)["charter-1965 (15 seats)"]
    rows = len(_row_keys([model]))
    out = []
    for workers in (1, 2):
        engine = best(lambda w=workers: simulate([model], draws, 1, workers=w, decisive=False), repeat)
        drawing = best(lambda w=workers: draw_only(draws, rows, w), repeat)
        out.append({
            "workers": workers, "draws": draws, "random_rows": rows,
            "votes_per_s": draws / engine, "draw_only_votes_per_s": draws / drawing,
            "ratio_to_drawing": engine / drawing,
        })
    return out


def child_memory() -> None:
    model = models(False)["charter-1965 (15 seats)"]
    t = time.perf_counter()
    result = simulate([model], MEMORY_DRAWS, 1, decisive=False)[0]
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"draws": MEMORY_DRAWS, "seconds": seconds, "peak_mib": peak, "adopted": result.p(0)}))


def bench_memory() -> dict:
    done = subprocess.run([sys.executable, __file__, "--child-memory"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--draws", type=int, default=4 * 10**6, help="Monte Carlo draws per timing (default 4e6)")
    parser.add_argument("--no-memory", action="store_true", help="skip the 10^8-draw memory run")
    parser.add_argument("--child-memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_memory:
        child_memory()
        return 0
    report = {
        "machine": {"python": platform.python_version(), "numpy": np.__version__, "cpus": os.cpu_count()},
        "exact": bench_exact(args.repeat),
        "montecarlo": bench_montecarlo(args.draws, args.repeat),
        "memory": None if args.no_memory else bench_memory(),
    }
    two = report["montecarlo"][-1]
    misses = [r["case"] for r in report["exact"] if r["met"] is False]
    if two["votes_per_s"] < MC_RATE:
        misses.append(f"Monte Carlo {two['votes_per_s']:.3g} votes/s < {MC_RATE:.0e}")
    if any(r["ratio_to_drawing"] > MC_RATIO for r in report["montecarlo"]):
        misses.append(f"Monte Carlo more than {MC_RATIO}x the drawing time")
    if report["memory"] and report["memory"]["peak_mib"] >= MEMORY_MIB:
        misses.append(f"10^8 draws used {report['memory']['peak_mib']:.0f} MiB")
    report["missed"] = misses
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        m = report["machine"]
        print(f"Python {m['python']}, numpy {m['numpy']}, {m['cpus']} CPUs")
        print("\nExact (members independent, outcome table cached):")
        for r in report["exact"]:
            target = f"(target < {r['target_ms']:g} ms: {'met' if r['met'] else 'MISSED'})" if r["target_ms"] else ""
            print(f"  {r['case']:<24} {r['probabilities']:<9} {r['ms']:9.3f} ms  "
                  f"P(adopted)={r['adopted']:.6f} {target}")
        print(f"\nMonte Carlo ({args.draws:,} council votes, every member drawn):")
        for r in report["montecarlo"]:
            print(f"  {r['workers']} worker(s): {r['votes_per_s'] / 1e6:6.2f} M votes/s; numpy drawing alone "
                  f"{r['draw_only_votes_per_s'] / 1e6:6.2f} M/s; ratio {r['ratio_to_drawing']:.2f}x "
                  f"(target <= {MC_RATIO}x)")
        if report["memory"]:
            mem = report["memory"]
            print(f"\n10^8 draws: {mem['seconds']:.1f} s, peak RSS {mem['peak_mib']:.0f} MiB "
                  f"(target < {MEMORY_MIB} MiB)")
        print("\nAll targets met." if not misses else "\nMissed: " + "; ".join(misses))
    return 1 if args.strict and misses else 0


if __name__ == "__main__":
    sys.exit(main())
