"""`unsc check-rule`: `main(argv)` in the process (the `cli` fixture)."""

from __future__ import annotations

import json

import pytest
from helpers import ROOT


def test_help_has_an_example(cli):
    result = cli("check-rule", "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout and "unsc check-rule charter-1965" in result.stdout
    assert "reform" in cli("--help").stdout


def test_builtin_rule(cli):
    result = cli("check-rule", "charter-1965")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "veto players       5    China, France, Russian Federation, United Kingdom," in out
    assert "abstention blocks  no" in out and "FAILED" not in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_literal_reading_on_the_command_line(cli):
    out = cli("check-rule", "strict-concurrence").stdout
    assert "abstention blocks  yes  yes: a lone abstention of China, France" in out


def test_broken_python_rule_exits_1_with_the_counterexample(cli):
    result = cli("check-rule", str(ROOT / "rules" / "examples" / "nine-to-twelve.py"))
    assert result.returncode == 1
    assert "not monotonic: adopted with 12 in favour, but rejected after Ukraine" in result.stdout
    assert "FAILED: monotonic" in result.stdout


def test_toml_rule_and_json(tmp_path, cli):
    result = cli("check-rule", str(ROOT / "rules" / "examples" / "qualified-veto.toml"), "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["rule"] == "qualified-veto" and data["properties"]["blocking"]["value"] == 2
    assert data["properties"]["abstention"]["holds"] is False


def test_options(cli):
    out = cli("check-rule", "act-restraint", "--unflagged", "--json").stdout
    assert json.loads(out)["properties"]["veto_players"]["value"] == 5
    out = cli("check-rule", "act-restraint", "--json").stdout
    assert json.loads(out)["flags"] == ["mass-atrocity"] and json.loads(out)["properties"]["veto_players"]["value"] == 3
    out = cli("check-rule", "charter-1945", "--exhaustive", "--matter", "procedural", "--json").stdout
    data = json.loads(out)
    assert data["method"] == "exhaustive" and data["properties"]["veto_players"]["value"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["charta-1965"], "unknown rule 'charta-1965'; did you mean 'charter-1965'"),
        (["nowhere.toml"], "nowhere.toml: no such file"),
        (["nowhere.py"], "nowhere.py: no such file"),
        (["g4-2005", "--exhaustive"], "too many to enumerate"),
        (["charter-1965", "--seats", "11"], "is for 15 seats, not 11"),
        (["charter-1965", "--examples", "0"], "examples must be at least 1"),
    ],
)
def test_bad_input_is_one_line_exit_2(args, message, cli):
    result = cli("check-rule", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_python_file_errors_name_the_file(tmp_path, cli):
    path = tmp_path / "oops.py"
    path.write_text("def decide(profiles):\n    return undefined_name\n")
    result = cli("check-rule", str(path), "--seats", "5")
    assert result.returncode == 2
    assert result.stderr.startswith(f"unsc: error: {path}: line 2: decide() failed")
    assert "NameError" in result.stderr and "Traceback" not in result.stderr
