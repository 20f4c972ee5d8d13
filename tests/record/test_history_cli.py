"""``unsc history``, ``unsc history stats``, ``unsc counterfactual`` and ``unsc replay`` of a tally,
in-process (the installed command runs as a subprocess in tests/test_cli_smoke.py)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from simulate.analysis.history import JSON_KEYS
from simulate.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_seeds_claim_from_the_command_line(capsys):
    code, out, _ = run(
        capsys, "history", "--vetoed-by", "Russian Federation", "--topic", "syria", "--until", "2016-12-05"
    )
    assert code == 0
    assert "6 votes (6 vetoed)" in out and out.index("S/2016/846") < out.index("S/2016/1026")
    assert "The Russian Federation's 6th veto on Syria (15th overall)" in out
    code, out, _ = run(capsys, "history", "--vetoed-by", "China", "--topic", "syria", "--until", "2016-12-05", "--json")
    data = json.loads(out)
    assert code == 0 and [d["symbol"] for d in data][-1] == "S/2016/1026" and len(data) == 5
    assert tuple(data[0]) == JSON_KEYS
    assert data[-1]["vetoed_by"] == ["China", "Russian Federation"]
    assert data[-1]["vetoes"][0]["text"] == "China's 5th veto on Syria"


def test_vetoed_by_repeats_as_any_of(capsys):
    _, one, _ = run(capsys, "history", "--vetoed-by", "France", "--json")
    _, two, _ = run(capsys, "history", "--vetoed-by", "France", "--vetoed-by", "UK", "--json")
    france, either = json.loads(one), json.loads(two)
    assert len(france) == 17 and len(either) > len(france)
    assert all({"France", "United Kingdom"} & set(d["vetoed_by"]) for d in either)


def test_csv_has_a_header_and_a_row_per_vote(capsys):
    code, out, _ = run(capsys, "history", "--since", "2016", "--until", "2016", "--outcome", "vetoed", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["symbol"] for r in rows] == ["S/2016/846", "S/2016/1026"]
    assert rows[1]["vetoed_by"] == "China;Russian Federation"


def test_stats_table_and_json(capsys):
    code, out, _ = run(capsys, "history", "stats")
    assert code == 0 and "Vetoes per decade" in out and "Vetoes per topic" in out and "233 vetoed texts" in out
    code, out, _ = run(capsys, "history", "stats", "--json", "--combine-successors")
    data = json.loads(out)
    assert data["totals"]["Russian Federation"] == 132 and "USSR" not in data["totals"]
    assert data["by_decade"]["2010s"]["Russian Federation"] == data["by_decade"]["2010s"]["Russian Federation"]
    assert sum(data["totals"].values()) == sum(sum(c.values()) for c in data["by_decade"].values())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["history", "--vetoed-by", "Rusia"], "did you mean 'Russia'"),
        (["history", "--topic", "syra"], "did you mean 'syria'"),
        (["history", "--since", "2016-02-30"], "not a date"),
        (["history", "--since", "2017", "--until", "2016"], "is after"),
        (["history", "stats", "--topic", "nowhere"], "unknown topic"),
        (["counterfactual", "--rule", "two-veto"], "did you mean 'two-vetoes'"),
        (["replay", "S/2099/1"], "unknown scenario or vote"),
        (["replay", "S/2018/156", "--set", "Russia=abstain"], "no member-by-member ballots"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_a_filter_matching_nothing_says_so_and_exits_0(capsys):
    code, out, _ = run(capsys, "history", "--vetoed-by", "Angola")
    assert code == 0 and out == "No vote in the record matches these filters.\n"
    code, out, _ = run(capsys, "history", "--vetoed-by", "Angola", "--json")
    assert code == 0 and json.loads(out) == []


def test_counterfactual_table_json_and_csv(capsys):
    code, out, _ = run(
        capsys, "counterfactual", "-r", "two-vetoes", "-r", "veto-abolished-9", "--topic", "syria", "--by", "member"
    )
    assert code == 0 and "two-vetoes" in out and "by member" in out
    code, out, _ = run(capsys, "counterfactual", "-r", "two-vetoes", "-r", "g4-2005", "--topic", "syria", "--json")
    data = json.loads(out)
    assert {"symbol", "date", "rule", "outcome", "reason"} <= set(data[0])
    assert {d["outcome"] for d in data} <= {"adopted", "vetoed", "not adopted", "undetermined"}
    assert len(data) == 2 * 18  # one object per vetoed Syria draft and rule
    g4 = [d for d in data if d["rule"] == "g4-2005"]
    assert all(d["combinations"] == 3**10 for d in g4)
    code, out, _ = run(capsys, "counterfactual", "-r", "two-vetoes", "--since", "2016", "--until", "2016", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["symbol"] for r in rows] == ["S/2016/846", "S/2016/1026"]
    assert [r["outcome"] for r in rows] == ["adopted", "vetoed"]


def test_replay_a_vote_from_its_tally(capsys):
    code, out, _ = run(capsys, "replay", "S/2018/156")
    assert code == 0 and "not in the data" in out and "vetoed by the Russian Federation" in out
    code, out, _ = run(capsys, "replay", "S/2018/156", "--rule", "two-vetoes", "--json")
    data = json.loads(out)
    assert data["outcome"] == "adopted" and data["ballots"] is None and data["rule"] == "two-vetoes"
    code, out, _ = run(capsys, "replay", "S/2016/1026")  # a scenario file: the ballot-level replay
    assert code == 0 and "VETO" in out


def test_help_and_a_query_as_a_user_runs_it(cli):
    result = cli("history", "--vetoed-by", "China", "--topic", "syria", "--until", "2016-12-05")
    assert result.returncode == 0 and "Traceback" not in result.stderr and "5 votes (5 vetoed)" in result.stdout
    result = cli("history", "--help")
    assert result.returncode == 0 and "--combine-successors" in result.stdout and "examples:" in result.stdout


def test_counterfactual_of_every_vote_with_a_tally(capsys):
    code, out, _ = run(
        capsys, "counterfactual", "--all", "--since", "2016", "--until", "2016", "-r", "veto-abolished-10"
    )
    assert code == 0 and "Outcomes of 80 votes under each rule" in out
    row = next(line for line in out.splitlines() if line.startswith("veto-abolished-10"))
    # both 2016 vetoes pass without the veto (11 votes >= 10); the two rival drafts stay short
    assert row.split()[1:] == ["78", "0", "2", "0", "2"]
