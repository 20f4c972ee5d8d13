"""``unsc power`` and ``unsc flips``: ``main(argv)`` in the process (the ``cli`` fixture), and
the command line's import stays light (a fresh interpreter)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

INDICES = {"shapley_shubik", "banzhaf", "banzhaf_absolute", "coleman_prevent", "coleman_initiate"}


@pytest.mark.parametrize("command", ["power", "flips"])
def test_help_has_examples(command, cli):
    result = cli(command, "--help")
    assert result.returncode == 0
    assert "example" in result.stdout and f"unsc {command}" in result.stdout


def test_top_level_help_lists_the_power_commands(cli):
    result = cli("--help")
    assert "power" in result.stdout and "flips" in result.stdout


def test_power_of_a_rule_as_json(cli):
    result = cli("power", "--rule", "charter-1965", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    [rule] = data["rules"]
    assert rule["rule"] == "charter-1965"
    assert rule["power_to_act"] == pytest.approx(848 / 2**15)
    assert len(rule["seats"]) == 15
    assert set(rule["seats"]["China"]) == INDICES
    assert round(rule["seats"]["China"]["shapley_shubik"], 4) == 0.1963
    assert round(rule["seats"]["Angola"]["shapley_shubik"], 4) == 0.0019
    assert sum(s["shapley_shubik"] for s in rule["seats"].values()) == pytest.approx(1)
    assert "ternary" not in rule


def test_power_of_a_weighted_game_as_json(cli):
    result = cli("power", "--weights", "7,7,7,7,7,1,1,1,1,1,1,1,1,1,1", "--quota", "39", "--json")
    assert result.returncode == 0, result.stderr
    [game] = json.loads(result.stdout)["rules"]
    assert list(game["seats"]) == [str(i) for i in range(1, 16)]
    assert round(game["seats"]["1"]["shapley_shubik"], 4) == 0.1963
    assert game["seats"]["15"]["coleman_prevent"] == pytest.approx(84 / 848)


def test_power_rules_and_weights_together_with_ternary(cli):
    result = cli("power", "-r", "charter-1945", "-r", "strict-concurrence-1945", "--weights", "2,1,1", "--quota", "3",
                  "--ternary", "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    rules = json.loads(result.stdout)["rules"]
    assert [r["rule"] for r in rules[:2]] == ["charter-1945", "strict-concurrence-1945"]
    assert rules[2]["rule"].startswith("weighted")
    for r in rules[:2]:
        assert set(r["ternary"]) == {"power_to_act", "monotone", "seats"}
        assert len(r["ternary"]["seats"]) == 11
    # the literal reading lets an abstention block too: less is adopted
    assert rules[1]["ternary"]["power_to_act"] < rules[0]["ternary"]["power_to_act"]
    assert "ternary" not in rules[2]


def test_power_without_arguments_covers_every_builtin_rule(cli):
    rules = json.loads(cli("rules", "--json").stdout)
    result = cli("power", "--json")
    assert result.returncode == 0, result.stderr
    assert [r["rule"] for r in json.loads(result.stdout)["rules"]] == [r["name"] for r in rules]


def test_power_text_fits_80_columns(cli):
    result = cli("power", "--ternary")
    assert result.returncode == 0, result.stderr
    assert "charter-1965" in result.stdout and "0.19627" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


@pytest.mark.parametrize(
    ("args", "labels"),
    [
        (["--rule", "charter-1965", "--bloc", "Venezuela,France"],
         ["Venezuela (Bolivarian Republic of) (bloc 1)", "France (bloc 1)", "4 veto (alone)"]),
        (["--weights", "1000000000000,999999999999,3", "--quota", "1000000000001"],
         ["weight 1000000000000 (#1)", "weight 999999999999 (#2)", "weight 3 (#3)"]),
    ],
)
def test_row_labels_are_never_cut(cli, args, labels):
    """A label longer than the first column (a long member name in a bloc, a big weight) is
    printed whole on a line of its own, its values below it: it was cut at 21 characters
    ("Russian Federation (b")."""
    result = cli("power", *args)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for label in labels:
        [at] = [k for k, line in enumerate(lines) if line.strip() == label or line.startswith(f"  {label} ")]
        numbers = lines[at + 1] if lines[at].strip() == label else lines[at]
        assert numbers.split()[-4:] and all(len(v) == 7 and v[1] == "." for v in numbers.split()[-4:])
    assert max(len(line) for line in lines) <= 80


def test_flips_json_december(cli):
    result = cli("flips", "S/2016/1026", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "adopted": False,
        "minimal_sets": [
            [
                {"member": "China", "from": "no", "to": "abstain"},
                {"member": "Russian Federation", "from": "no", "to": "abstain"},
            ]
        ],
        "critical": ["China", "Russian Federation"],
    }


def test_flips_json_october_russian_draft(cli):
    data = json.loads(cli("flips", "S/2016/847", "--json").stdout)
    assert data["adopted"] is False
    assert len(data["minimal_sets"]) == 28 and {len(s) for s in data["minimal_sets"]} == {5}
    assert data["critical"] == ["France", "United Kingdom", "United States"]


def test_flips_with_whatifs_and_text(cli):
    result = cli("flips", "S/2016/1026", "--whatif", "russia-abstains")
    assert result.returncode == 0, result.stderr
    assert "China no -> abstain" in result.stdout
    assert "What-if: russia-abstains" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    data = json.loads(cli("flips", "S/2016/1026", "--whatif", "russia-and-china-abstain", "--json").stdout)
    assert data["adopted"] is True and data["critical"] == []
    assert [{"member": "China", "from": "abstain", "to": "no"}] in data["minimal_sets"]


def test_flips_text_limit(cli):
    result = cli("flips", "S/2016/847", "--whatif", "western-permanent-abstain", "--limit", "3")
    assert result.returncode == 0, result.stderr
    assert "462 minimal sets" in result.stdout and "... and 459 more" in result.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["power", "--weights", "1,2"], "--weights and --quota go together"),
        (["power", "--quota", "2"], "--weights and --quota go together"),
        (["power", "--weights", "1,x", "--quota", "2"], "'x' is not a number"),
        (["power", "--weights", "1,2", "--quota", "7"], "above the total weight"),
        (["power", "--weights", "1,-2", "--quota", "1"], "weight #2 is -2"),
        (["power", "--weights", "1,2", "--quota", "0"], "quota must be positive"),
        (["power", "--rule", "charter-1956"], "unknown rule"),
        (["flips", "S/2016/9999"], "unknown scenario"),
        (["flips", "S/2016/1026", "--whatif", "nobody-vetoes"], "unknown what-if"),
        (["flips", "S/2016/1026", "--set", "Atlantis=yes"], "Atlantis"),
        (["flips", "S/2016/1026", "--limit", "-1"], "--limit"),
    ],
)
def test_bad_input_exits_2_with_one_line(args, words, cli):
    result = cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_a_rule_that_is_not_monotone_is_refused_in_one_line(cli):
    path = Path(__file__).resolve().parents[2] / "rules" / "examples" / "nine-to-twelve.py"
    if not path.exists():
        pytest.skip("the example rule file is not in this checkout")
    result = cli("power", "--rule", str(path))
    assert result.returncode == 2
    assert "not monotone" in result.stderr and len(result.stderr.strip().splitlines()) == 1
