"""Helpers shared by the top-level tests (imported as ``from helpers import ...``)."""

from __future__ import annotations

import csv
import itertools
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np

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
