"""The package's layers hold: imports point only down the pipeline (the
import-linter contracts in pyproject.toml), and pure game theory imports nothing
of the rest; and mypy finds no error in the package (every module fully typed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> Path:
    """A gate installed by the test extra into this interpreter's environment."""
    exe = Path(sys.executable).parent / name
    if not exe.exists():
        pytest.fail(f"{name} is not installed beside {sys.executable}: pip install -e '.[test]' (make test does)")
    return exe


def test_import_contracts_are_kept():
    exe = _tool("lint-imports")
    result = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


@pytest.mark.early
def test_mypy_finds_no_error():
    """mypy on the package, as configured in pyproject.toml (`make lint` runs it too). It runs
    here, on one test worker while the other takes the other tests, rather than before the
    suite: about 10 s from a clean clone, most of it reading the stubs of numpy and the others."""
    exe = _tool("mypy")
    result = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert result.stdout.startswith("Success: no issues found")


def test_no_module_defines_ballot_codes_again():
    """One definition of the ballot codes (simulate.codes)."""
    offenders = []
    for path in (ROOT / "simulate").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "codes.py" and any(
            line.strip().startswith(("YES, NO", "YES =", "NO =", "ABSTAIN =")) and "codes." not in line
            for line in text.splitlines()
        ):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
