"""Rule files: the TOML format users write, its errors, and round trips."""

from __future__ import annotations

import pytest
from helpers import ROOT
from hypothesis import given

from simulate import strategies as us
from simulate.catalog.registry import get_rule
from simulate.errors import DataFileError
from simulate.io.rulefiles import dump_rule, load_rule_file, loads_rule
from simulate.model.ballots import Ballot

GOOD = """\
[rule]
name = "mine"
quota = 9
[seats]
veto = 5
elected = 10
"""


def test_a_minimal_rule_file(tmp_path):
    rule = loads_rule(GOOD)
    assert (rule.name, rule.quota, rule.seats, rule.veto, rule.vetoes_to_block) == ("mine", 9, 15, True, 1)
    assert rule.blocking_ballots == {Ballot.NO} and rule.status == "custom"
    assert rule.title == "15 seats, 9 votes; a 'no' of any of the 5 veto holders blocks"  # made from the numbers
    path = tmp_path / "mine.toml"
    path.write_text(GOOD)
    assert load_rule_file(path) == rule == get_rule(str(path))


def test_the_examples_in_the_rules_folder_load():
    for path in sorted((ROOT / "rules" / "examples").glob("*.toml")):
        rule = load_rule_file(path)
        assert loads_rule(dump_rule(rule)) == rule


@given(us.rules(texts=True))
def test_any_rule_round_trips(rule):
    assert loads_rule(dump_rule(rule), "drawn.toml") == rule


MALFORMED = {
    "quota-not-a-number": (GOOD.replace("quota = 9", 'quota = "nine"'), "[rule] quota: expected a whole number, got 'nine'"),
    "quota-too-big": (GOOD.replace("quota = 9", "quota = 16"), "[rule] quota: expected between 1 and the 15 seats, got 16"),
    "misspelt-key": (GOOD.replace("quota = 9", "quota = 9\nqouta = 9"), "[rule]: unknown key 'qouta' (did you mean 'quota'?)"),
    "unknown-key": (GOOD.replace("quota = 9", "quota = 9\nquorum = 9"), "[rule]: unknown key 'quorum'; known: name, quota, title"),
    "misspelt-table": (GOOD.replace("[seats]", "[seat]"), "top level: unknown table 'seat' (did you mean 'seats'?)"),
    "missing-seats": (GOOD.split("[seats]")[0], "[seats]: required table missing"),
    "missing-quota": (GOOD.replace("quota = 9\n", ""), "[rule] quota: required key missing"),
    "bad-name": (GOOD.replace('"mine"', '"My Rule"'), "[rule] name: expected lower-case letters, digits and hyphens"),
    "bad-status": (GOOD.replace("quota = 9", 'quota = 9\nstatus = "draft"'), "[rule] status: expected one of charter, reading"),
    "bad-matter": (GOOD.replace("quota = 9", 'quota = 9\nmatter = "urgent"'), "[rule] matter: expected \"substantive\" or \"procedural\""),
    "bad-ballot": (GOOD.replace("quota = 9", 'quota = 9\nblocking = ["no", "maybe"]'), "[rule] blocking: unknown ballot 'maybe'"),
    "yes-blocks": (GOOD.replace("quota = 9", 'quota = 9\nblocking = ["yes"]'), "[rule] blocking: a yes cannot block"),
    "too-many-vetoes": (GOOD.replace("quota = 9", "quota = 9\nvetoes_to_block = 6"), "[rule] vetoes_to_block: expected between 1 and the 5 veto seats, got 6"),
    "negative-seats": (GOOD.replace("elected = 10", "elected = -1"), "[seats] elected: expected a number of seats"),
    "seats-as-text": (GOOD.replace("elected = 10", 'elected = "ten"'), "[seats] elected: expected a whole number, got 'ten'"),
    "bad-date": (GOOD.replace("quota = 9", 'quota = 9\nvalid_from = "1965"'), "[rule] valid_from: expected a TOML date"),
    "sources-not-a-list": (GOOD.replace("quota = 9", 'quota = 9\nsources = "A/59/L.64"'), "[rule] sources: expected a list"),
    "too-many-names": (GOOD + '[seats.new_names]\nveto = ["a", "b", "c", "d", "e", "f"]\n', "[seats.new_names] veto: 6 names for at most 5 veto seats"),
    "restraint-member": (GOOD + '[restraint]\nflag = "mass-atrocity"\nmembers = ["Frnace"]\n', "[restraint] members: unknown member 'Frnace'; did you mean 'France'?"),
    "restraint-no-flag": (GOOD + '[restraint]\nmembers = ["France"]\n', "[restraint] flag: required key missing"),
    "not-toml": ("[rule\nname = 1", "not valid TOML"),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_rule_files_name_the_file_and_the_field(case, tmp_path):
    text, message = MALFORMED[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_rule_file(path)
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)


def test_malformed_rule_file_on_the_command_line(tmp_path, cli):
    path = tmp_path / "broken.toml"
    path.write_text(MALFORMED["quota-not-a-number"][0])
    for args in (["check-rule", str(path)], ["replay", "S/2016/1026", "--rule", str(path)]):
        result = cli(*args)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.strip() == f"unsc: error: {path}: [rule] quota: expected a whole number, got 'nine'"
        assert "Traceback" not in result.stderr


def test_missing_and_misnamed_files(tmp_path):
    with pytest.raises(DataFileError, match="no such file"):
        load_rule_file(tmp_path / "nothing.toml")
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    with pytest.raises(DataFileError, match="is a folder"):
        load_rule_file(folder)
    (tmp_path / "latin1.toml").write_bytes("[rule]\nname = 'caf\xe9'\n".encode("latin-1"))
    with pytest.raises(DataFileError, match="not a UTF-8 text file"):
        load_rule_file(tmp_path / "latin1.toml")


def test_a_rule_file_replays_a_scenario(tmp_path, cli):
    path = tmp_path / "two-needed.toml"
    path.write_text(GOOD.replace("quota = 9", "quota = 9\nvetoes_to_block = 2"))
    result = cli("replay", "S/2016/846", "--rule", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert '"adopted": true' in result.stdout  # one permanent "no" (Russia) no longer blocks
