"""The examples in rules/README.md and in the docstrings of the rule modules run.

The docstrings' examples run once, as pytest's own doctests (``--doctest-modules``
over ``simulate/``, set in pyproject.toml); rules/README.md is not under the
test paths, so it runs here."""

from __future__ import annotations

import doctest

from helpers import ROOT, doctests_are_collected

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
MODULES = [
    "simulate.rules",
    "simulate.analysis.checks",
    "simulate.strategies",
    "simulate.io.rulefiles",
    "simulate.engine.reform",
    "simulate.io.pyrule",
]


def test_module_doctests_run_under_pytest():
    doctests_are_collected(MODULES)


def test_rules_readme(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "rules" / "README.md"), module_relative=False, optionflags=FLAGS)
    assert result.failed == 0 and result.attempted > 5
