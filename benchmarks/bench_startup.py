#!/usr/bin/env python3
"""Time the start-up of ``unsc replay S/2016/1026`` against the interpreter floor.

The floor is ``python -c "import numpy, attrs"``: the two libraries every
command needs. Both are timed as whole processes (fork, exec, interpreter
start, imports, the command's work, exit), alternating so that a slow spell of
a shared machine hits both alike. Each is run ``--runs`` times after
``--warmup`` untimed runs; the report gives the medians and their ratio. The
target is on wall time; the CPU time of each child (user + system, from
``getrusage``) is reported beside it, because on a loaded machine a process
also waits for a core, and its CPU time shows what it cost by itself.

Like an installed wheel, the package is byte-compiled first (``compileall``)
and the children run without ``PYTHONDONTWRITEBYTECODE``: otherwise every run
would compile the package's sources again, which no user's start-up pays.

Run ``python benchmarks/bench_startup.py`` (a table), ``... --json`` (one JSON
document on stdout) or ``... --strict`` (exit 1 when the ratio exceeds
``--target``, 1.4 by default).
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import resource
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

FLOOR = [sys.executable, "-c", "import numpy, attrs"]
# the installed console script (what a user runs), beside this interpreter; else ``python -m simulate``
_SCRIPT = os.path.join(os.path.dirname(sys.executable), "unsc")
_UNSC = [_SCRIPT] if os.access(_SCRIPT, os.X_OK) else [sys.executable, "-m", "simulate"]
REPLAY = [*_UNSC, "replay", "S/2016/1026"]
TARGET = 1.4


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def byte_compile() -> None:
    """Write the package's bytecode cache, as installing a wheel does."""
    spec = importlib.util.find_spec("simulate")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("simulate is not installed in this interpreter (pip install -e .)")
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_once(argv: Sequence[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one whole process, in seconds; the process must succeed."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start, _children_cpu() - cpu


def measure(runs: int, warmup: int) -> dict[str, list[float]]:
    """Alternate floor and replay runs; return the wall and CPU times of each (``floor``, ``floor_cpu``, ...)."""
    for _ in range(warmup):
        time_once(FLOOR)
        time_once(REPLAY)
    times: dict[str, list[float]] = {"floor": [], "replay": [], "floor_cpu": [], "replay_cpu": []}
    for _ in range(runs):
        for name, argv in (("floor", FLOOR), ("replay", REPLAY)):
            wall, cpu = time_once(argv)
            times[name].append(wall)
            times[f"{name}_cpu"].append(cpu)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="timed runs of each command (default 21)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first (default 3)")
    parser.add_argument("--target", type=float, default=TARGET, help="largest acceptable ratio (default 1.4)")
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the ratio exceeds the target")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")

    byte_compile()
    times = measure(args.runs, args.warmup)
    floor = statistics.median(times["floor"])
    replay = statistics.median(times["replay"])
    ratio = replay / floor
    floor_cpu = statistics.median(times["floor_cpu"])
    replay_cpu = statistics.median(times["replay_cpu"])
    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "runs": args.runs,
        "floor_command": shlex.join(["python", *FLOOR[1:]]),
        "replay_command": shlex.join(REPLAY),
        "floor_median_s": round(floor, 4),
        "replay_median_s": round(replay, 4),
        "ratio": round(ratio, 3),
        "floor_cpu_median_s": round(floor_cpu, 4),
        "replay_cpu_median_s": round(replay_cpu, 4),
        "cpu_ratio": round(replay_cpu / floor_cpu, 3),
        "target": args.target,
        "met": ratio <= args.target,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"Python {report['python']}, {report['machine']}, {report['cpus']} cores, {args.runs} runs each")
        print("                                            wall median   (CPU median)")
        print(f"  floor   python -c 'import numpy, attrs'   {floor * 1000:7.1f} ms   ({floor_cpu * 1000:5.1f} ms)")
        print(f"  replay  unsc replay S/2016/1026           {replay * 1000:7.1f} ms   ({replay_cpu * 1000:5.1f} ms)")
        verdict = "met" if report["met"] else "MISSED"
        print(
            f"  ratio   {ratio:.2f}x (target at most {args.target}x: {verdict}); "
            f"CPU time {report['cpu_ratio']:.2f}x"
        )
    return 1 if args.strict and not report["met"] else 0


if __name__ == "__main__":
    sys.exit(main())
