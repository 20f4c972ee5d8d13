"""Every scenario file replays to what its meeting record says (abcvoting style:
data files carry their expected results; one test is parametrised over the folder)."""

from __future__ import annotations

import pytest
from helpers import ROOT, facts_ballots

from simulate import bundled_scenarios, load_scenario, load_scenario_file, replay
from simulate.catalog.scenarios import _symbol_key
from simulate.errors import DataFileError

SCENARIO_FILES = sorted((ROOT / "scenarios").glob("*.toml"))


def test_the_three_2016_drafts_are_bundled():
    stems = {p.stem for p in SCENARIO_FILES}
    assert {"S-2016-846", "S-2016-847", "S-2016-1026"} <= stems


def test_bundled_files_are_named_after_their_drafts():
    """``load_scenario(symbol)`` parses only the file named after the symbol; that is
    the same answer as scanning the folder only while each file's name is its
    draft's symbol and no two files share a symbol."""
    keys = [_symbol_key(p.stem) for p in SCENARIO_FILES]
    assert len(set(keys)) == len(keys)
    for path, key in zip(SCENARIO_FILES, keys, strict=True):
        assert _symbol_key(load_scenario_file(path).symbol) == key, path.name


def test_a_symbol_loads_the_same_scenario_as_the_full_scan():
    for scenario in bundled_scenarios():
        assert load_scenario(scenario.symbol) == scenario


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_replay_matches_the_record(path):
    scenario = load_scenario_file(path)
    assert scenario.expected is not None, f"{path.name} has no [record] table"
    outcome = replay(scenario)
    expected = scenario.expected
    assert outcome.adopted == expected.adopted
    assert (outcome.yes, outcome.no, outcome.abstain, outcome.absent) == (
        expected.yes,
        expected.no,
        expected.abstain,
        expected.absent,
    )
    assert set(outcome.vetoed_by) == {m.name for m in expected.vetoed_by}


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_every_named_whatif_replays(path):
    scenario = load_scenario_file(path)
    for name in scenario.whatifs:
        outcome = replay(scenario, [name])
        assert outcome.yes + outcome.no + outcome.abstain + outcome.absent == scenario.record.council.size


@pytest.mark.parametrize("symbol", ["S/2016/846", "S/2016/847", "S/2016/1026"])
def test_ballots_are_the_checked_facts(symbol):
    """Member by member, the bundled files carry the ballots of the meeting records."""
    from simulate import load_scenario

    facts = facts_ballots()[symbol]
    record = load_scenario(symbol).record
    assert {m: str(b) for m, b in record.by_member().items()} == facts


def test_an_empty_symbol_is_one_clear_error(tmp_path):
    """Found by the loader fuzz test: ``symbol = ""`` raised attrs' ValueError (a traceback)."""
    text = (ROOT / "scenarios" / "S-2016-846.toml").read_text(encoding="utf-8")
    lines = ['symbol = ""' if line.startswith("symbol = ") else line for line in text.splitlines()]
    path = tmp_path / "empty-symbol.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"\[draft\] symbol: expected a draft symbol"):
        load_scenario_file(path)
