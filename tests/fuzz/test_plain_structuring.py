"""The plain structuring path (simulate.io.datafile.PlainStructurer, start-up speed) against
the strict cattrs converter it stands in for.

It may decline any table (cattrs then answers, with its messages); what it accepts,
cattrs must accept too, with an equal result. It must accept every bundled file:
else ``unsc replay`` imports cattrs again and the saving is silently lost. The
tables are plain classes until cattrs is first needed (then attrs classes, in
place): the plain path is checked in both states.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz_loaders import DOUBLE, G4, RULE, SCENARIO, council_tables, fuzz_settings, mutated

from simulate.catalog import scenarios
from simulate.catalog.scenarios import ScenarioSpec, bundled_dir
from simulate.io import rulefiles
from simulate.io.datafile import Decline, parse_toml
from simulate.io.rulefiles import RuleFile, builtin_dir

ROOT = Path(__file__).resolve().parents[2]


def shape(value: Any) -> Any:
    """A value with its types, comparable with ``==`` (tables compare by identity; NaN by repr)."""
    fields = getattr(type(value), "table_fields", None)
    if fields is not None:
        return type(value).__name__, {name: shape(getattr(value, name)) for name, *_ in fields}
    if isinstance(value, list):
        return "list", [shape(v) for v in value]
    if isinstance(value, dict):
        return "dict", {k: shape(v) for k, v in value.items()}
    if isinstance(value, float) and math.isnan(value):
        return "float", "nan"
    return type(value).__name__, value


def agree(plain: Any, converter: Any, raw: dict[str, Any], cls: type) -> bool:
    """True when the plain path accepted ``raw`` (and then cattrs gives the same); False when it declined."""
    try:
        fast = plain.structure(raw, cls)
    except Decline:
        return False
    assert shape(converter.structure(raw, cls)) == shape(fast)  # cattrs accepts it too, and agrees
    return True


def _files(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.glob("*.toml"))


def bundled_files() -> list[Path]:
    return _files(bundled_dir(), ROOT / "tests" / "figures" / "data")


def rule_files() -> list[Path]:
    return _files(builtin_dir(), ROOT / "rules" / "examples")


@pytest.mark.parametrize("path", bundled_files(), ids=lambda p: p.name)
def test_every_bundled_scenario_takes_the_plain_path(path):
    raw = parse_toml(path.read_text(encoding="utf-8"), path)
    assert agree(scenarios._plain(), scenarios._converter(), raw, ScenarioSpec)


@pytest.mark.parametrize("path", rule_files(), ids=lambda p: p.name)
def test_every_rule_file_takes_the_plain_path(path):
    raw = parse_toml(path.read_text(encoding="utf-8"), path)
    assert agree(rulefiles._PLAIN, rulefiles._converter(), raw, RuleFile)


PLAIN_IN_A_FRESH_PROCESS = """
import sys
sys.path.insert(0, {here!r})
from test_plain_structuring import ScenarioSpec, RuleFile, bundled_files, rule_files, parse_toml, scenarios, rulefiles
from test_plain_structuring import shape
import attrs
for path in bundled_files():
    raw = parse_toml(path.read_text(encoding="utf-8"), path)
    print(repr(shape(scenarios._plain().structure(raw, ScenarioSpec))))
for path in rule_files():
    raw = parse_toml(path.read_text(encoding="utf-8"), path)
    print(repr(shape(rulefiles._PLAIN.structure(raw, RuleFile))))
assert not attrs.has(ScenarioSpec) and not attrs.has(RuleFile) and "cattrs" not in sys.modules
"""


def test_the_plain_path_before_cattrs_is_ever_needed():
    # in a fresh process the tables are still plain classes, filled by Table.__init__ (defaults and all)
    code = PLAIN_IN_A_FRESH_PROCESS.format(here=str(Path(__file__).parent))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    want = [shape(scenarios._converter().structure(parse_toml(p.read_text(encoding="utf-8"), p), ScenarioSpec))
            for p in bundled_files()]
    want += [shape(rulefiles._converter().structure(parse_toml(p.read_text(encoding="utf-8"), p), RuleFile))
             for p in rule_files()]
    assert result.stdout.splitlines() == [repr(w) for w in want]


def test_it_declines_what_is_not_exactly_right():
    raw = parse_toml((bundled_dir() / "S-2016-846.toml").read_text(encoding="utf-8"), "x")
    cases = [
        {**raw, "extra": {}},  # an unknown table
        {k: v for k, v in raw.items() if k != "votes"},  # a missing one
        {**raw, "draft": {**raw["draft"], "date": "2016-10-08"}},  # a date as a string
        {**raw, "record": {**raw["record"], "yes": True}},  # a bool for a number
        {**raw, "record": {**raw["record"], "yes": 11.0}},  # a float for a number
        {**raw, "votes": {**raw["votes"], "yes": "France"}},  # a string for a list
    ]
    for case in cases:
        assert not agree(scenarios._plain(), scenarios._converter(), case, ScenarioSpec)


@fuzz_settings(share=2)
@given(data=st.one_of(mutated(SCENARIO), council_tables(SCENARIO)))
def test_fuzzed_scenarios(data):
    agree(scenarios._plain(), scenarios._converter(), data, ScenarioSpec)


@fuzz_settings(share=2)
@given(data=st.one_of(mutated(RULE), mutated(DOUBLE), mutated(G4)))
def test_fuzzed_rules(data):
    agree(rulefiles._PLAIN, rulefiles._converter(), data, RuleFile)
