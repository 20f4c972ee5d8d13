"""Every example in the power package's docstrings runs and gives what it says."""

from __future__ import annotations

import doctest
import importlib

import pytest

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


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0


def test_every_public_function_documents_a_formula_with_an_example():
    import inspect

    import simulate.power as power

    for name in power.__all__:
        obj = getattr(power, name)
        if inspect.isfunction(obj):
            doc = inspect.getdoc(obj) or ""
            assert ">>>" in doc, f"{name} has no example"
