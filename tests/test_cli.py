"""The ``unsc`` command, good input and bad: ``main(argv)`` in the process (the ``cli``
fixture); tests/test_cli_smoke.py runs the installed command."""

from __future__ import annotations

import json

import pytest

JSON_KEYS = {
    "symbol", "date", "rule", "matter", "adopted", "yes", "no", "abstain", "absent",
    "required", "short_by", "vetoed_by", "negative_permanent", "reason", "ballots",
}


@pytest.mark.parametrize("command", ["scenarios", "replay", "grid", "rules", "demo"])
def test_every_command_has_help_with_an_example(command, cli):
    result = cli(command, "--help")
    assert result.returncode == 0
    assert "example" in result.stdout
    assert f"unsc {command}" in result.stdout


def test_top_level_help_lists_commands(cli):
    result = cli("--help")
    assert result.returncode == 0
    for command in ("scenarios", "replay", "grid", "rules"):
        assert command in result.stdout


def test_replay_human_output_fits_80_columns(cli):
    result = cli("replay", "S/2016/1026", "--whatif", "china-abstains-again")
    assert result.returncode == 0, result.stderr
    assert "vetoed by the Russian Federation" in " ".join(result.stdout.split())
    assert "(was no)" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_replay_json(cli):
    result = cli("replay", "S/2016/847", "--json")
    data = json.loads(result.stdout)
    assert set(data) >= JSON_KEYS
    assert (data["yes"], data["no"], data["abstain"]) == (4, 9, 2)
    assert data["vetoed_by"] == [] and data["short_by"] == 5
    assert data["negative_permanent"] == ["France", "United Kingdom", "United States"]
    assert data["ballots"]["Venezuela (Bolivarian Republic of)"] == "yes"


def test_set_and_whatif_compose_in_command_line_order(cli):
    result = cli(
        "replay", "S/2016/1026", "--set", "Russia=abstain", "--whatif", "china-abstains-again", "--json"
    )
    assert json.loads(result.stdout)["adopted"] is True
    result = cli(
        "replay", "S/2016/1026", "--whatif", "russia-and-china-abstain", "--set", "china=no", "--json"
    )
    assert json.loads(result.stdout)["vetoed_by"] == ["China"]


def test_replay_a_file_path(tmp_path, cli):
    from helpers import ROOT

    result = cli("replay", str(ROOT / "scenarios" / "S-2016-846.toml"), "--rule", "strict-concurrence", "--json")
    data = json.loads(result.stdout)
    assert data["rule"] == "strict-concurrence"
    assert data["vetoed_by"] == ["China", "Russian Federation"]


def test_grid_json_and_table(cli):
    result = cli("grid", "S/2016/1026", "--json")
    data = json.loads(result.stdout)
    assert data["rules"] == ["charter-1965", "strict-concurrence"]
    cell = next(c for c in data["cells"] if c["whatif"] == "russia-and-china-abstain" and c["column"] == "charter-1965")
    assert cell["adopted"] is True
    strict = next(c for c in data["cells"] if c["whatif"] == "russia-and-china-abstain" and c["column"] == "strict-concurrence")
    assert strict["adopted"] is False
    table = cli("grid", "S/2016/1026").stdout
    assert "adopted 11-1-3" in table and "vetoed 11-3-1" in table


def test_grid_table_marks_a_what_ifs_own_rule_and_fits_80_columns(cli):
    """literal-charter sets its own rule (strict concurrence): under the g4-2005 column its cell
    is starred, and the note under the table says so, wrapped within 80 columns."""
    table = cli("grid", "S/2016/1026", "-r", "charter-1965", "-r", "g4-2005", "--new", "all=yes").stdout
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= 80
    [row] = [line for line in lines if line.startswith("literal-charter ")]
    assert row.endswith(" *")
    at = next(i for i, line in enumerate(lines) if line.startswith("* "))
    note = " ".join(line.strip() for line in lines[at : at + 2])
    assert note == "* literal-charter sets its own rule: decided under strict-concurrence, not the column's rule"


def test_scenarios_and_rules_lists(cli):
    listing = cli("scenarios").stdout
    for symbol in ("S/2016/846", "S/2016/847", "S/2016/1026"):
        assert symbol in listing
    rules = cli("rules").stdout
    assert "charter-1965" in rules and "strict-concurrence" in rules


BROKEN = {
    "misspelt-member": (
        "[draft]\nsymbol='X/1'\ndate=2016-12-05\ntitle='t'\nmatter='substantive'\n"
        "[votes]\nyes=['Rusia']\n",
        "did you mean 'Russia'",
    ),
    "listed-twice": (
        "[draft]\nsymbol='X/1'\ndate=2016-12-05\ntitle='t'\nmatter='substantive'\n"
        "[votes]\nyes=['France']\nno=['France']\n",
        "listed twice",
    ),
    "missing-ballot": (
        "[draft]\nsymbol='X/1'\ndate=2016-12-05\ntitle='t'\nmatter='substantive'\n[votes]\nyes=['France']\n",
        "no ballot for China",
    ),
    "not-on-council": (
        "[draft]\nsymbol='X/1'\ndate=2016-12-05\ntitle='t'\nmatter='substantive'\n[votes]\nyes=['Germany']\n",
        "Germany does not sit on the council",
    ),
    "bad-date": (
        "[draft]\nsymbol='X/1'\ndate=2016-13-45\ntitle='t'\nmatter='substantive'\n[votes]\n",
        "not valid TOML",
    ),
    "quoted-date": (
        "[draft]\nsymbol='X/1'\ndate='5 December 2016'\ntitle='t'\nmatter='substantive'\n[votes]\n",
        "[draft] date: expected a TOML date",
    ),
    "unknown-key": (
        "[draft]\nsymbol='X/1'\ndate=2016-12-05\ntitle='t'\nmatter='substantive'\ncolour='red'\n[votes]\n",
        "[draft]: unknown key 'colour'",
    ),
    "bad-matter": (
        "[draft]\nsymbol='X/1'\ndate=2016-12-05\ntitle='t'\nmatter='urgent'\n[votes]\n",
        "matter: expected",
    ),
    "not-toml": ("this is not toml [", "not valid TOML"),
    "unknown-rule": (
        "[draft]\nsymbol='X/1'\ndate=2016-12-05\ntitle='t'\nmatter='substantive'\nrule='charter-1966'\n[votes]\n",
        "did you mean 'charter-1965'",
    ),
    "bad-whatif-member": (
        "[draft]\nsymbol='X/1'\ndate=1950-06-27\ntitle='t'\nmatter='substantive'\n"
        "[council]\npermanent=['France']\nelected=['India']\n[votes]\nyes=['France','India']\n"
        "[whatif.x]\nset={ 'Indai' = 'no' }\n",
        "did you mean 'India'",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_scenario_file_exit_2_one_line(tmp_path, case, cli):
    text, expected = BROKEN[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("replay", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert expected in lines[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["replay", "S/2016/1026", "--whatif", "china-abstain-again"], "did you mean 'china-abstains-again'"),
        (["replay", "S/2016/1026", "--set", "Rusia=abstain"], "did you mean 'Russia'"),
        (["replay", "S/2016/1026", "--set", "Germany=yes"], "does not sit on this council"),
        (["replay", "S/2016/1026", "--set", "China=maybe"], "unknown ballot 'maybe'"),
        (["replay", "S/2016/1026", "--set", "China"], "--set expects MEMBER=BALLOT"),
        (["replay", "S/2016/1026", "--rule", "charter"], "unknown rule 'charter'"),
        (["replay", "S/2016/1062"], "did you mean 'S/2016/1026'"),
        (["replay", "no-such-file.toml"], "no-such-file.toml: no such file"),
        (["grid", "S/2016/846", "--rule", "strict"], "unknown rule 'strict'"),
    ],
)
def test_bad_command_line_input_exit_2_one_line(args, expected, cli):
    result = cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert expected in result.stderr
