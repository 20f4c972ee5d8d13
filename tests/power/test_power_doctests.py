"""Every example in the power package's docstrings runs and gives what it says.

The examples run once, as pytest's own doctests (``--doctest-modules`` over
``simulate/``, set in pyproject.toml); here: that they are collected, and that
each module and public function has some."""

from __future__ import annotations

import doctest
import importlib

import pytest
from helpers import doctests_are_collected

MODULES = [
    "simulate.power",
    "simulate.games.errors",
    "simulate.games.indices",
    "simulate.games.weighted",
    "simulate.games.classes",
    "simulate.games.ternary",
    "simulate.games.profiles",
    "simulate.games.symmetry",
    "simulate.analysis.power",
    "simulate.analysis.flips",
    "simulate.cli.power",
]


def test_the_docstring_examples_run_under_pytest():
    doctests_are_collected(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    examples = sum(len(t.examples) for t in doctest.DocTestFinder().find(importlib.import_module(name)))
    assert examples > 0, f"{name} has no examples"


def test_every_public_function_documents_a_formula_with_an_example():
    import inspect

    import simulate.power as power

    for name in power.__all__:
        obj = getattr(power, name)
        if inspect.isfunction(obj):
            doc = inspect.getdoc(obj) or ""
            assert ">>>" in doc, f"{name} has no example"
