"""The bundled record and the Syria scenario files are what the committed scripts build from the sources.

Needs the project's shared folder beside the clone (``../shared``, as in CI) or ``UNSC_SHARED``;
without it there is nothing to rebuild from and the test is skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

SHARED = Path(os.environ.get("UNSC_SHARED", ROOT.parent / "shared"))
needs_sources = pytest.mark.skipif(
    not (SHARED / "sources" / "dhl_meeting_tables").is_dir(), reason=f"no source tables in {SHARED}"
)


@needs_sources
def test_build_record_reproduces_the_bundled_files(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_record.py"),
            str(SHARED / "sources" / "dhl_meeting_tables"),
            "--facts",
            str(SHARED / "facts"),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    bundled = ROOT / "simulate" / "data" / "record"
    for name in ("votes.csv", "vetoes.csv", "vetoes-disputed.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (bundled / name).read_text(encoding="utf-8"), name


@needs_sources
def test_the_syria_scenarios_are_up_to_date() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_syria_scenarios.py"),
            "--facts",
            str(SHARED / "facts"),
            "--check",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
