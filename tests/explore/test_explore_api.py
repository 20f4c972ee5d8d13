"""The explorer's API in-process: one source of truth with ``unsc replay --json``, ``unsc flips
--json`` and ``unsc plot``; every bad input an error of one sentence."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from simulate import RULES, Scenario, bundled_scenarios, get_rule
from simulate.catalog import scenarios as catalog_scenarios
from simulate.cli import build_parser, main
from simulate.errors import SimulateError
from simulate.explore.api import Explorer, State

PARSER = build_parser()  # built once: the command functions are what is compared


def cli_json(capsys: pytest.CaptureFixture[str], args: list[str]) -> dict | str:
    """``unsc ARGS --json`` in-process (the command's own function): the JSON object, or the error."""
    namespace = PARSER.parse_args([*args, "--json"])
    try:
        assert namespace.func(namespace) == 0
    except SimulateError as exc:
        capsys.readouterr()
        return str(exc)
    return json.loads(capsys.readouterr().out)


def api_outcome(explorer: Explorer, state: State) -> dict | str:
    try:
        return explorer.replay(explorer.parse(state.query()))["outcome"]
    except SimulateError as exc:
        return str(exc)


def new_seats(rule: str) -> tuple[tuple[str, str], ...]:
    """What the page sends under a reform rule: a stated ballot for every new seat."""
    return (("all", "abstain"),) if get_rule(rule).enlarged else ()


SCENARIOS = bundled_scenarios()


@pytest.fixture
def loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line reads every bundled file to find one scenario; read them once here
    (the files do not change during the test; the command's code is otherwise untouched)."""
    monkeypatch.setattr(catalog_scenarios, "bundled_scenarios", functools.cache(catalog_scenarios.bundled_scenarios))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.symbol for s in SCENARIOS])
def test_api_agrees_with_unsc_replay_json(
    explorer: Explorer, capsys: pytest.CaptureFixture[str], loaded_once: None, scenario: Scenario
) -> None:
    """Every bundled scenario x built-in rule x named what-if (and the record itself)."""
    checked = 0
    for rule in RULES:
        for row in [None, *scenario.whatifs]:
            state = State(scenario.symbol, rule, (row,) if row else (), (), new_seats(rule))
            api = api_outcome(explorer, state)
            assert api == cli_json(capsys, ["replay", *state.cli_args()]), state.query()
            checked += 1
    assert checked == len(RULES) * (1 + len(scenario.whatifs))


def test_api_agrees_with_cli_on_clicks_and_new_seats(explorer: Explorer, capsys: pytest.CaptureFixture[str]) -> None:
    for state in [
        State("S/2016/1026", None, ("china-abstains-again",), (("Russian Federation", "abstain"),)),
        State("S/2016/1026", "two-vetoes", (), (("China", "absent"), ("Angola", "no"))),
        State("S/2016/846", "g4-2005", ("russia-abstains",), (("France", "no"),),
              (("all", "no"), ("permanent", "yes"), ("New elected seat 2", "abstain"))),
        State("S/2016/847", "au-ezulwini-2005", (), (), (("veto", "no"), ("all", "yes"))),
    ]:
        api = api_outcome(explorer, state)
        assert isinstance(api, dict), api
        assert api == cli_json(capsys, ["replay", *state.cli_args()])


def test_the_teachers_walk_through(explorer: Explorer) -> None:
    def reason(query: str) -> str:
        return explorer.replay(explorer.parse(query))["outcome"]["reason"]

    base = "scenario=S/2016/1026"
    assert "vetoed by China and the Russian Federation" in reason(base)
    assert reason(base + "&set=China=abstain").endswith("but vetoed by the Russian Federation.")
    assert reason(base + "&set=China=abstain&set=Russia=abstain").startswith("Adopted")
    answer = explorer.replay(explorer.parse(base + "&rule=two-vetoes"))
    assert answer["outcome"]["rule"] == "two-vetoes"
    assert answer["outcome"]["vetoed_by"] == ["China", "Russian Federation"]


def test_seats_are_drawn_from_the_engine(explorer: Explorer) -> None:
    answer = explorer.replay(explorer.parse("scenario=S/2016/1026&set=China=abstain"))
    seats = {s["name"]: s for s in answer["seats"]}
    assert [s["name"] for s in answer["seats"]] == list(answer["outcome"]["ballots"])
    assert seats["Russian Federation"]["blocking"] and not seats["China"]["blocking"]
    assert seats["China"]["changed"] and seats["China"]["was"] == "no"
    assert seats["China"]["kind"] == "veto" and seats["Angola"]["kind"] == "elected"
    assert {s["side"] for s in answer["seats"]} == {"left", "right"}
    assert answer["baseline"]["outcome"]["vetoed_by"] == ["China", "Russian Federation"]
    assert [s["name"] for s in answer["baseline"]["seats"] if s["changed"]] == ["China"]


def test_no_as_voted_table_where_the_record_cannot_be_decided(explorer: Explorer) -> None:
    """A what-if may change the rule to one that fits; the bare record under the picked rule may not."""
    answer = explorer.replay(explorer.parse("scenario=S/2016/846&rule=charter-1945&whatif=literal-charter"))
    assert answer["outcome"]["rule"] == "strict-concurrence"
    assert "charter-1945" in answer["baseline"]["error"] and "seats" not in answer["baseline"]
    with pytest.raises(SimulateError, match="charter-1945"):
        explorer.export(explorer.parse("scenario=S/2016/846&rule=charter-1945&whatif=literal-charter"), "svg")


def test_reform_rules_never_invent_ballots(explorer: Explorer) -> None:
    with pytest.raises(SimulateError, match="new seats have no ballot"):
        explorer.replay(explorer.parse("scenario=S/2016/1026&rule=g4-2005"))
    query = "scenario=S/2016/1026&rule=g4-2005&new=all=abstain&new=New elected seat 1=yes"
    answer = explorer.replay(explorer.parse(query))
    new = [s for s in answer["seats"] if s["new"]]
    assert len(answer["seats"]) == 25 and len(new) == 10
    assert {s["ballot"] for s in new} == {"abstain", "yes"}
    assert [s["name"] for s in new if s["ballot"] == "yes"] == ["New elected seat 1"]


def test_flips_agree_with_unsc_flips_json(explorer: Explorer, capsys: pytest.CaptureFixture[str]) -> None:
    for state in [State("S/2016/1026"), State("S/2016/847"), State("S/2016/1026", "two-vetoes", ("russia-abstains",))]:
        api = explorer.flips(explorer.parse(state.query()), limit=None)
        cli = cli_json(capsys, ["flips", *state.cli_args()])
        assert isinstance(cli, dict)
        assert {k: api[k] for k in cli} == cli
    assert explorer.flips(explorer.parse("scenario=S/2016/847"), limit=3)["count"] == 28


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("scenario=S/2099/1", "unknown scenario 'S/2099/1'"),
        ("scenario=/etc/passwd", "unknown scenario '/etc/passwd'"),
        ("scenario=scenarios/S-2016-1026.toml", "unknown scenario"),
        ("scenario=S/2016/1026&rule=two-veto", "unknown rule 'two-veto'; did you mean 'two-vetoes'?"),
        ("scenario=S/2016/1026&rule=rules/examples/nine-to-twelve.py", "unknown rule"),
        ("scenario=S/2016/1026&whatif=russia-abstain", "unknown what-if 'russia-abstain'"),
        ("scenario=S/2016/1026&set=Rusia=abstain", "unknown member 'Rusia'"),
        ("scenario=S/2016/1026&set=Germany=yes", "Germany"),
        ("scenario=S/2016/1026&set=China=maybe", "unknown ballot 'maybe'"),
        ("scenario=S/2016/1026&set=China", "set expects NAME=BALLOT"),
        ("scenario=S/2016/1026&new=all=yes&new=Mars=yes", "adds no seats"),
        ("scenario=S/2016/1026&rule=g4-2005&new=all=yes&new=Mars=yes", "unknown new seat 'Mars'"),
        ("scenario=S/2016/1026&colour=red", "unknown parameter 'colour'"),
        ("scenario=S/2016/1026&scenario=S/2016/846", "scenario is given 2 times"),
        ("scenario=S/2016/1026&view=3d", "unknown view '3d'"),
        ("scenario=S/2016/1026&whatif=russia-abstains&whatif=russia-abstains", "switched on twice"),
        ("scenario=" + "x" * 9000, "too long"),
    ],
)
def test_bad_input_is_one_sentence(explorer: Explorer, query: str, message: str) -> None:
    with pytest.raises(SimulateError) as info:
        explorer.replay(explorer.parse(query))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_no_file_is_opened_from_a_request(explorer: Explorer, tmp_path: Path) -> None:
    """Only the bundled scenarios and the files named on the command line are open to the page."""
    mine = tmp_path / "mine.toml"
    text = (Path(__file__).parents[2] / "scenarios" / "S-2016-846.toml").read_text()
    mine.write_text(text.replace('symbol = "S/2016/846"', 'symbol = "S/2099/1"'))
    with pytest.raises(SimulateError):
        explorer.parse(f"scenario={mine}")
    with pytest.raises(SimulateError):
        explorer.parse("scenario=S/2099/1")
    named = Explorer.from_command_line([str(mine)])
    assert named.start == "S/2099/1"
    assert named.replay(named.parse("scenario=S/2099/1"))["draft"]["symbol"] == "S/2099/1"
    assert {s["id"]: s["source"] for s in named.meta()["scenarios"]}["S/2099/1"] == "file"


def test_meta_lists_rules_and_the_figures_look(explorer: Explorer) -> None:
    from simulate.figures.style import GLYPHS, PALETTE

    meta = explorer.meta()
    assert [r["name"] for r in meta["rules"]] == list(RULES)
    assert all(r["title"] for r in meta["rules"])
    assert {r["name"] for r in meta["rules"] if r["enlarged"]} >= {"g4-2005", "au-ezulwini-2005"}
    assert [(b["colour"], b["glyph"]) for b in meta["style"]["ballots"]] == [(PALETTE[b], GLYPHS[b]) for b in PALETTE]
    assert meta["start"] == "S/2016/1026"
    assert {s["symbol"] for s in meta["scenarios"]} == {s.symbol for s in SCENARIOS}


def test_export_is_what_unsc_plot_draws(explorer: Explorer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = State("S/2016/1026", None, ("china-abstains-again",), (("Russian Federation", "abstain"),))
    data, content_type, name = explorer.export(explorer.parse(state.query()), "svg")
    assert content_type == "image/svg+xml" and name.endswith("-table.svg")
    assert main(["plot", "table", *state.cli_args(), "-o", str(tmp_path / "t.svg")]) == 0
    assert data == (tmp_path / "t.svg").read_bytes()

    compare = explorer.parse(state.query() + "&view=compare")
    data, _, name = explorer.export(compare, "svg")  # plot_compare: both tables, split by the divider
    assert name.endswith("-compare.svg") and b'id="compare-divider"' in data and b'id="baseline"' in data
    with pytest.raises(SimulateError, match="unknown format"):
        explorer.export(explorer.parse("scenario=S/2016/1026"), "pdf")
    with pytest.raises(SimulateError, match="compare needs a what-if"):
        explorer.export(explorer.parse("scenario=S/2016/1026&view=compare"), "png")
    capsys.readouterr()
