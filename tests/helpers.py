"""Helpers shared by the top-level tests (imported as ``from helpers import ...``)."""

from __future__ import annotations

import csv
import itertools
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
#: the checked ballots, a copy of ../shared/facts/votes-2016.csv (sources: S/PV.7785, S/PV.7825)
FACTS_VOTES = DATA / "votes-2016.csv"


def facts_ballots() -> dict[str, dict[str, str]]:
    """symbol -> member -> ballot word, from the checked facts."""
    out: dict[str, dict[str, str]] = {}
    with FACTS_VOTES.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["symbol"], {})[row["member"]] = row["vote"]
    return out


def unsc(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """Run the ``unsc`` command as a user would."""
    exe = Path(sys.executable).parent / "unsc"
    cmd = [str(exe)] if exe.exists() else [shutil.which("unsc") or "unsc"]
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, cwd=cwd, input=input, timeout=120
    )


def all_profiles(seats: int, alphabet: int = 3) -> np.ndarray:
    """Every profile over ``alphabet`` ballot codes, as int8 (alphabet**seats, seats).

    Deliberately simple (itertools): the reference the vectorised code is checked against.
    """
    return np.array(list(itertools.product(range(alphabet), repeat=seats)), dtype=np.int8)


def earliest_smallest_blocking(rule, motion) -> tuple[str, ...]:
    """Brute force: of the smallest coalitions that defeat a draft by voting no
    (the rest yes), the one with the earliest seats (seat order). Every coalition,
    by size and then in lexicographic order, decided in one batch."""
    n = motion.council.size
    coalitions = [seats for size in range(n + 1) for seats in itertools.combinations(range(n), size)]
    profiles = np.zeros((len(coalitions), n), dtype=np.int8)  # yes
    for row, seats in enumerate(coalitions):
        profiles[row, list(seats)] = 1  # no
    blocked = np.flatnonzero(~rule.decide(profiles, motion))
    return tuple(motion.council.names[i] for i in coalitions[blocked[0]]) if blocked.size else ()


def doctests_are_collected(modules: list[str]) -> None:
    """The docstring examples of ``modules`` run under ``make test``: pytest collects
    them (``--doctest-modules``, the package among the test paths, the same
    option flags as the examples were written for). They run there, once."""
    import importlib
    import tomllib

    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "--doctest-modules" in options["addopts"].split()
    assert "simulate" in options["testpaths"]
    assert set(options["doctest_optionflags"].split()) == {"NORMALIZE_WHITESPACE", "ELLIPSIS"}
    for name in modules:
        path = Path(importlib.import_module(name).__file__ or "")
        assert path.is_relative_to(ROOT / "simulate"), f"{name} is not collected from {ROOT / 'simulate'}"


def examples(share: float) -> settings:
    """Hypothesis settings for a test that runs ``share`` of the profile's examples
    (at least one): e.g. 60 of the ``ci`` and ``dev`` profiles' 200 with
    ``share=0.3``, and 600 of ``thorough``'s 2,000. Use instead of a fixed
    ``max_examples``, which would keep a test out of a longer run."""
    return settings(max_examples=max(1, round(settings.default.max_examples * share)))


def built_notebook(builder: Path) -> str:
    """The notebook as its build script ``builder`` makes it, run by path with its folder on
    ``sys.path`` (as ``python notebooks/build_....py`` has it: the script imports the shared
    ``nbbuild`` beside it). No bytecode is written beside them: a ``__pycache__`` appearing in
    notebooks/ would fail a notebook test that runs at the same time."""
    writes, path = sys.dont_write_bytecode, list(sys.path)
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(builder.parent))
    try:
        return runpy.run_path(str(builder), run_name=builder.stem)["render"]()
    finally:
        sys.dont_write_bytecode = writes
        sys.path[:] = path
