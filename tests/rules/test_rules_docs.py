"""The examples in rules/README.md and in the docstrings of the rule modules run."""

from __future__ import annotations

import doctest
import importlib

import pytest
from helpers import ROOT

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
MODULES = [
    "simulate.rules",
    "simulate.analysis.checks",
    "simulate.strategies",
    "simulate.io.rulefiles",
    "simulate.io.rulefiles",
    "simulate.engine.reform",
    "simulate.io.pyrule",
]


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=FLAGS)
    assert result.failed == 0


def test_rules_readme(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "rules" / "README.md"), module_relative=False, optionflags=FLAGS)
    assert result.failed == 0 and result.attempted > 5
