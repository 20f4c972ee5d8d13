"""What an installed package promises: its version from the metadata, type
information, and a clear word when the optional hypothesis is missing."""

from __future__ import annotations

import importlib
import sys
from importlib import metadata
from pathlib import Path

import pytest

import simulate
from simulate.analysis.checks import check_rule
from simulate.cli import main
from simulate.errors import TESTING_EXTRA, SimulateError
from simulate.model.ballots import YES
from simulate.rules.function import FunctionRule

INSTALL = "pip install 'unsc-simulate[testing]'"


def test_the_version_is_the_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    assert simulate.__version__ == metadata.version("unsc-simulate")
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"unsc-simulate {metadata.version('unsc-simulate')}\n"


def test_other_missing_attributes_still_raise() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        simulate.nonexistent  # noqa: B018 (the attribute access is the test)


def test_the_package_ships_type_information() -> None:
    assert (Path(simulate.__file__).parent / "py.typed").is_file()


def _without_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import hypothesis`` fail as it does when the extra is not installed."""
    for name in [m for m in sys.modules if m == "hypothesis" or m.startswith("hypothesis.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "hypothesis", None)  # type: ignore[arg-type]
    monkeypatch.delitem(sys.modules, "simulate.strategies", raising=False)


def test_strategies_say_what_to_install_without_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    assert TESTING_EXTRA == INSTALL
    _without_hypothesis(monkeypatch)
    with pytest.raises(ModuleNotFoundError) as error:
        importlib.import_module("simulate.strategies")
    assert str(error.value) == f"simulate.strategies needs hypothesis, which is not installed: {INSTALL}"
    assert error.value.name == "hypothesis"


def test_a_sampled_check_says_what_to_install_without_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = FunctionRule(lambda p: (p == YES).sum(axis=1) >= 14, name="big", seats=25)
    _without_hypothesis(monkeypatch)
    with pytest.raises(SimulateError) as error:
        check_rule(rule, examples=10)
    assert str(error.value) == f"a sampled rule check needs hypothesis, which is not installed: {INSTALL}"


def test_exhaustive_checks_need_no_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = FunctionRule(lambda p: (p == YES).sum(axis=1) >= 3, name="small", seats=5)
    _without_hypothesis(monkeypatch)
    assert check_rule(rule).method != "sampled"


def test_every_public_name_resolves_to_its_module() -> None:
    """The package imports its public names lazily (start-up speed): each one is there."""
    assert set(simulate.__all__) == set(simulate._EXPORTS)
    for name in simulate.__all__:
        value = getattr(simulate, name)
        module = importlib.import_module(f"simulate.{simulate._EXPORTS[name]}")
        assert value is getattr(module, name)
    assert set(simulate.__all__) <= set(dir(simulate))
