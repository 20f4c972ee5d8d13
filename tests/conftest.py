"""Shared test set-up: hypothesis settings profiles, and the ``cli`` fixture.

``HYPOTHESIS_PROFILE=ci`` (set by ``.ci/run``) derandomises the search so that a
CI run is reproducible; ``dev`` (the default) is the same size but random;
``thorough`` (``make test-thorough``) runs ten times as many examples. So that
the fixed ci seed hides no failure, ``make test-seeds`` runs the property tests
(marked ``property`` here) under the dev profile with seeds 1, 2 and 3; CI runs
seed 1. Tests
that need fewer examples than the profile take a share of it
(:func:`helpers.examples`), never a fixed number, so that every profile reaches
every property test.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, settings

from simulate.cli import main

settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "property: a hypothesis test (`make test-seeds` runs them under other seeds)")
    config.addinivalue_line("markers", "early: a long test, run first (see pytest_collection_modifyitems)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every hypothesis test ``property`` (``pytest -m property``), and put the long tests
    marked ``early`` (mypy, the notebooks, ``unsc demo``: several seconds each) first: on two
    workers, a long test that starts last keeps one worker busy while the other has finished
    (longest first is the classic rule for sharing work between machines); the order is
    otherwise the same."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.property)
    items.sort(key=lambda item: item.get_closest_marker("early") is None)  # stable: the rest keep their order


class CliResult(NamedTuple):
    """What ``unsc ARGS`` did: its exit status and what it printed (as a subprocess result names them)."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """``cli("replay", "S/2016/1026")`` runs ``unsc replay S/2016/1026`` in this process
    (:func:`simulate.cli.main`), its output caught by capsys; ``cwd`` runs it in a folder.

    An exception that ``main`` lets through fails the test (a user would see a
    traceback); argparse's own exits (``--help``, usage errors) give their status.
    A few subprocess smoke tests (tests/test_cli_smoke.py) run the installed command.
    """

    def run(*args: str, cwd: Path | None = None) -> CliResult:
        capsys.readouterr()  # drop what the test printed before
        with monkeypatch.context() as patch:
            if cwd is not None:
                patch.chdir(cwd)
            try:
                code = main(list(args))
            except SystemExit as exc:  # as the interpreter turns it into an exit status
                if exc.code is None or isinstance(exc.code, int):
                    code = exc.code or 0
                else:
                    print(exc.code, file=sys.stderr)
                    code = 1
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run
