#!/usr/bin/env python3
"""Benchmark the exact power indices of ``simulate.power`` against PyPI peers.

Run ``python benchmarks/bench_power.py`` (a table) or ``... --json`` (one JSON
document on stdout). Peers: ``powerindex`` and ``powerindices`` (``pip install
'unsc-simulate[bench]'``); a peer that is not installed is reported, not fatal.

For each game, Shapley-Shubik and Banzhaf are computed by every contestant in
this one process; each timing is the best of several repeats of an
auto-ranged loop (as ``timeit`` does). Every peer value is checked against the
exact values of ``simulate.power`` (tolerance 1e-9) and every failure is named:
exception, overflow, NaN, negative, wrong value, time-out. Finally the
exhaustive evaluation of a Charter-style rule over all 3^15 ternary profiles is
timed in a child process whose peak memory is read from
``getrusage(RUSAGE_CHILDREN)``.

Exit status 0, or 1 with ``--strict`` when a target is missed: at least 10x
faster than ``powerindex`` on every game it can compute, and 3^15 profiles in
under 1 s and 512 MiB.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import math
import os
import platform
import random
import resource
import signal
import subprocess
import sys
import time
import timeit
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from simulate.power import banzhaf, shapley_shubik  # noqa: E402

TOLERANCE = 1e-9
SPEEDUP_TARGET = 10.0  # over powerindex
ENUMERATION_SECONDS = 1.0
ENUMERATION_MIB = 512
RANDOM_SEED = 1965  # the year the Council grew to 15 seats


# --------------------------------------------------------------------------- games


def games() -> list[dict[str, Any]]:
    rng = random.Random(RANDOM_SEED)
    w27 = [rng.randint(1, 100) for _ in range(27)]
    return [
        {"name": "council-15", "title": "Security Council as a weighted game [39; 7 x5, 1 x10]",
         "weights": [7] * 5 + [1] * 10, "quota": 39},
        {"name": "random-27", "title": f"27 members, weights 1..100 (seed {RANDOM_SEED}), quota ceil(2/3 total)",
         "weights": w27, "quota": math.ceil(2 * sum(w27) / 3)},
        {"name": "equal-193", "title": "193 equal members, quota 129",
         "weights": [1] * 193, "quota": 129},
    ]  # fmt: skip


# --------------------------------------------------------------------------- contestants


def ours(index: str) -> Callable[[list[int], int], tuple[float, ...]]:
    """Our timed call: exact integer counts, returned as correctly rounded floats like the peers'."""
    if index == "shapley_shubik":
        return lambda w, q: shapley_shubik(w, q, exact=False)
    return lambda w, q: banzhaf(w, q, exact=False)


def ours_reference(index: str, w: list[int], q: int, normalised: bool) -> list[float]:
    if index == "shapley_shubik":
        return [float(x) for x in shapley_shubik(w, q)]
    return [float(x) for x in banzhaf(w, q, normalised=normalised)]


def peer_call(peer: str, module: Any, index: str) -> tuple[Callable[[list[int], int], list[float]], bool]:
    """The peer's documented entry point, and whether its Banzhaf is normalised.

    Read from the installed sources: ``powerindex.Game(quota, weights=...)`` with
    ``calc_shapley_shubik()`` / ``calc_banzhaf()`` (normalised), and
    ``powerindices.compute_ssi(quota, weights)`` / ``compute_pbi(quota, weights)``
    (absolute Penrose-Banzhaf; it modifies the weight list, so it gets a copy).
    """
    if peer == "powerindex":
        if index == "shapley_shubik":

            def run(w: list[int], q: int) -> list[float]:
                game = module.Game(q, weights=list(w))
                game.calc_shapley_shubik()
                return list(game.shapley_shubik)

        else:

            def run(w: list[int], q: int) -> list[float]:
                game = module.Game(q, weights=list(w))
                game.calc_banzhaf()
                return list(game.banzhaf)

        return run, True
    if index == "shapley_shubik":
        return (lambda w, q: list(module.compute_ssi(q, list(w)))), True
    return (lambda w, q: list(module.compute_pbi(q, list(w)))), False


# --------------------------------------------------------------------------- measuring


class PeerTimeout(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise PeerTimeout in this (main) thread after ``seconds`` (SIGALRM)."""

    def handler(signum: int, frame: Any) -> None:
        raise PeerTimeout(f"no answer within {seconds:g} s")

    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def best_time(call: Callable[[], Any], repeat: int, budget: float) -> float:
    """Best seconds per call: ``timeit`` auto-ranging, then the best of ``repeat`` rounds."""
    timer = timeit.Timer(call)
    number, elapsed = timer.autorange()
    per_call = elapsed / number
    rounds = max(1, min(repeat, int(budget / max(elapsed, 1e-9))))
    return min([per_call] + [t / number for t in timer.repeat(repeat=rounds, number=number)])


def judge(values: Any, reference: list[float]) -> tuple[str, str, float | None]:
    """(status, detail, max abs error) of a peer's answer against the exact one."""
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        return "wrong", f"not a list of numbers: {exc}", None
    if arr.shape != (len(reference),):
        return "wrong", f"{arr.size} values for {len(reference)} members", None
    if np.isnan(arr).any():
        return "nan", f"{int(np.isnan(arr).sum())} NaN values", None
    if np.isinf(arr).any():
        return "overflow", f"{int(np.isinf(arr).sum())} infinite values", None
    err = float(np.max(np.abs(arr - np.asarray(reference))))
    if (arr < 0).any():
        return "negative", f"{int((arr < 0).sum())} negative values (integer overflow?), max error {err:.3g}", err
    if err > TOLERANCE:
        return "wrong", f"max error {err:.3g} > {TOLERANCE:g}", err
    return "ok", "", err


def run_peer(call: Callable[[], Any], reference: list[float], timeout: float, repeat: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with time_limit(timeout):
                start = time.perf_counter()
                values = call()
                first = time.perf_counter() - start
        except PeerTimeout as exc:
            return {"status": "timeout", "detail": str(exc), "seconds": None}
        except OverflowError as exc:
            return {"status": "overflow", "detail": f"OverflowError: {exc}", "seconds": None}
        except Exception as exc:  # a peer's failure is a result, not a crash
            return {"status": "exception", "detail": f"{type(exc).__name__}: {exc}", "seconds": None}
    status, detail, err = judge(values, reference)
    notes = sorted({f"{w.category.__name__}: {w.message}" for w in caught})
    if notes:
        detail = "; ".join(filter(None, [detail, *notes]))
        if status == "ok":
            status = "ok-with-warnings"
    out.update(status=status, detail=detail, max_abs_error=err)
    if first * 3 > timeout:  # too slow to repeat within the time-out: one timing only
        out["seconds"] = first
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out["seconds"] = best_time(call, repeat, budget=min(timeout, 5.0))
    return out


# --------------------------------------------------------------------------- enumeration child

CHILD_FLAG = "--enumeration-child"


def enumeration_child() -> None:
    """In a fresh process: evaluate the Charter rule on all 3^15 profiles, print JSON."""
    from simulate.power import NO, YES, count_adopted

    def charter(p: np.ndarray) -> np.ndarray:  # >= 9 yes and no "no" among the 5 veto holders
        return ((p == YES).sum(axis=1) >= 9) & ~(p[:, :5] == NO).any(axis=1)

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = []
    for _ in range(3):
        start = time.perf_counter()
        adopted = count_adopted(charter, 15)
        times.append(time.perf_counter() - start)
    extra: dict[str, Any] = {}
    extra = project_rule_enumeration()  # the target is on the project's own rule
    print(json.dumps({"adopted": adopted, "seconds": min(times), "rss_before_kib": before, **extra}))


def project_rule_enumeration() -> dict[str, Any]:
    import datetime

    from simulate.catalog.registry import get_rule
    from simulate.model.council import council_on
    from simulate.model.motion import Motion
    from simulate.power import count_adopted

    council = council_on(datetime.date(2016, 12, 5))
    motion = Motion(council)
    rule = get_rule("charter-1965")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        adopted = count_adopted(lambda p: rule.decide(p, motion), 15)
        times.append(time.perf_counter() - start)
    return {"project_rule": "charter-1965", "project_rule_adopted": adopted, "project_rule_seconds": min(times)}


def run_enumeration() -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), CHILD_FLAG],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode != 0:
        return {"status": "failed", "detail": proc.stderr.strip().splitlines()[-1:] or ["?"]}
    result = json.loads(proc.stdout)
    result["peak_mib"] = peak_kib / 1024
    result["baseline_mib"] = result.pop("rss_before_kib") / 1024
    result["profiles"] = 3**15
    result["status"] = "ok" if result["adopted"] == result["project_rule_adopted"] == 146796 else "wrong"
    return result


# --------------------------------------------------------------------------- main


def benchmark(peers: list[str], timeout: float, repeat: int) -> dict[str, Any]:
    modules: dict[str, Any] = {}
    missing: dict[str, str] = {}
    for peer in peers:
        try:
            modules[peer] = importlib.import_module(peer)
        except ImportError as exc:
            missing[peer] = f"not installed ({exc}); pip install {peer}"
    report: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "numpy": np.__version__,
        "peers": {p: getattr(modules.get(p), "__version__", None) or _dist_version(p) for p in peers},
        "missing_peers": missing,
        "games": [],
    }
    for game in games():
        w, q = game["weights"], game["quota"]
        entry = {k: game[k] for k in ("name", "title", "quota")}
        entry["n"] = len(w)
        entry["indices"] = {}
        for index in ("shapley_shubik", "banzhaf"):
            mine = ours(index)
            exact = ours_reference(index, w, q, normalised=True)
            row: dict[str, Any] = {
                "simulate": {"status": "ok", "seconds": best_time(lambda f=mine, w=w, q=q: f(w, q), repeat, 2.0)}
            }
            for peer, module in modules.items():
                call, normalised = peer_call(peer, module, index)
                reference = exact if normalised else ours_reference(index, w, q, normalised=False)
                result = run_peer(lambda f=call, w=w, q=q: f(w, q), reference, timeout, repeat)
                if result.get("seconds"):
                    result["ratio_ours_over_peer"] = row["simulate"]["seconds"] / result["seconds"]
                    result["speedup"] = result["seconds"] / row["simulate"]["seconds"]
                row[peer] = result
            entry["indices"][index] = row
        report["games"].append(entry)
    report["enumeration"] = run_enumeration()
    report["targets"] = targets(report)
    return report


def _dist_version(name: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for game in report["games"]:
        for index, row in game["indices"].items():
            peer = row.get("powerindex")
            name = f"{game['name']} {index}: >= {SPEEDUP_TARGET:g}x faster than powerindex"
            if peer is None:
                out.append({"target": name, "met": None, "why": "powerindex not installed"})
            elif peer["status"] not in ("ok", "ok-with-warnings"):
                out.append({"target": name, "met": None, "why": f"powerindex fails here ({peer['status']})"})
            else:
                out.append({"target": name, "met": peer["speedup"] >= SPEEDUP_TARGET, "why": f"{peer['speedup']:.1f}x"})
    e = report["enumeration"]
    ok = e.get("status") == "ok"
    out.append(
        {
            "target": f"3^15 profiles decided by charter-1965 (Rule.decide) in < {ENUMERATION_SECONDS:g} s",
            "met": ok and e["project_rule_seconds"] < ENUMERATION_SECONDS,
            "why": f"{e['project_rule_seconds']:.3f} s" if ok else str(e.get("detail")),
        }
    )
    out.append(
        {
            "target": f"3^15 profiles in < {ENUMERATION_MIB} MiB peak",
            "met": ok and e["peak_mib"] < ENUMERATION_MIB,
            "why": f"{e['peak_mib']:.0f} MiB" if ok else str(e.get("detail")),
        }
    )
    return out


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    for unit, scale in (("s", 1), ("ms", 1e-3), ("us", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def print_table(report: dict[str, Any]) -> None:
    print(f"Python {report['python']}, numpy {report['numpy']}, {report['machine']}")
    print("peers: " + ", ".join(f"{p} {v or '?'}" for p, v in report["peers"].items()))
    for peer, why in report["missing_peers"].items():
        print(f"  {peer}: {why}")
    for game in report["games"]:
        print(f"\n{game['title']}  (n = {game['n']}, quota {game['quota']})")
        print(f"  {'index':<15} {'contestant':<13} {'time':>10} {'ours/peer':>10} {'speed-up':>9}  result")
        for index, row in game["indices"].items():
            for who, r in row.items():
                ratio = f"{r['ratio_ours_over_peer']:.3f}" if "ratio_ours_over_peer" in r else ""
                speed = f"{r['speedup']:.1f}x" if "speedup" in r else ""
                status = r["status"] + (f": {r['detail']}" if r.get("detail") else "")
                if who == "simulate":
                    status = "exact (reference)"
                print(f"  {index:<15} {who:<13} {fmt_time(r.get('seconds')):>10} {ratio:>10} {speed:>9}  {status}")
    e = report["enumeration"]
    print("\nExhaustive 3^15 = 14,348,907 ternary profiles, Charter rule (>= 9 yes, no veto-holder 'no')")
    if e.get("status") == "ok":
        print(f"  a plain numpy function: {e['seconds']:.3f} s (best of 3), adopted {e['adopted']:,}, "
              f"peak memory {e['peak_mib']:.0f} MiB (process after imports: {e['baseline_mib']:.0f} MiB)")  # fmt: skip
        if "project_rule_seconds" in e:
            print(f"  the project's own rule {e['project_rule']!r} (Rule.decide): {e['project_rule_seconds']:.3f} s, "
                  f"adopted {e['project_rule_adopted']:,}")  # fmt: skip
    else:
        print(f"  FAILED: {e.get('detail')}")
    print("\nTargets")
    for t in report["targets"]:
        mark = {True: "met", False: "MISSED", None: "n/a"}[t["met"]]
        print(f"  [{mark:>6}] {t['target']}: {t['why']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of a table")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds allowed to one peer call (default 30)")
    parser.add_argument("--repeat", type=int, default=5, help="timing rounds, best kept (default 5)")
    parser.add_argument("--peers", default="powerindex,powerindices", help="comma-separated peer packages")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(CHILD_FLAG, action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.enumeration_child:
        enumeration_child()
        return 0
    report = benchmark([p for p in args.peers.split(",") if p], args.timeout, args.repeat)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    missed = [t for t in report["targets"] if t["met"] is False]
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
