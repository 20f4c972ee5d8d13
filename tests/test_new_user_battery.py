"""Inputs a new user tries (issue 8, "Also found when tried as a new user would").

Each case is a regression test: a clear one-line error (exit status 2, no
traceback), a note, or the right answer, never a silent wrong answer, a
traceback or a hang. CLI cases run in the process through
:func:`simulate.cli.main`; one smoke test runs the installed command.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import ROOT, unsc

from simulate.cli import main

SCENARIOS = ROOT / "scenarios"
OCTOBER = (SCENARIOS / "S-2016-846.toml").read_text(encoding="utf-8")
DECEMBER = (SCENARIOS / "S-2016-1026.toml").read_text(encoding="utf-8")


def fails(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run ``unsc ARGV`` in the process; it must fail with one line ``unsc: error: ...``."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 2, (out, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("unsc: error: "), err
    return lines[0].removeprefix("unsc: error: ")


def runs(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run ``unsc ARGV`` in the process; it must succeed; returns stdout."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, (out, err)
    return out


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def october_with(draft_line: str, replacement: str) -> str:
    assert draft_line in OCTOBER
    return OCTOBER.replace(draft_line, replacement, 1)


# ---------------------------------------------------------------- tracebacks


@pytest.mark.parametrize(
    "command",
    [["replay"], ["grid"], ["plot", "table"], ["plot", "grid"]],
    ids=["replay", "grid", "plot-table", "plot-grid"],
)
def test_empty_symbol_is_a_file_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    path = write(tmp_path, "blank.toml", october_with('symbol = "S/2016/846"', 'symbol = ""'))
    out = ["-o", str(tmp_path / "x.png")] if command[0] == "plot" else []
    message = fails(capsys, *command, str(path), *out)
    assert message == f"{path}: [draft] symbol: expected a draft symbol such as \"S/2016/846\", got ''", message
    assert not (tmp_path / "x.png").exists()


# ---------------------------------------------------------------- Python rule files


PY_SYS_EXIT_IN_DECIDE = "import sys\n\ndef decide(p):\n    sys.exit(0)\n"
PY_SYS_EXIT_AT_TOP = "import sys\nsys.exit(0)\n\ndef decide(p):\n    return (p == 0).sum(axis=1) >= 9\n"
PY_WRITES = "def decide(p):\n    p[:] = 0\n    return (p == 0).sum(axis=1) >= 9\n"


@pytest.mark.parametrize("source", [PY_SYS_EXIT_IN_DECIDE, PY_SYS_EXIT_AT_TOP], ids=["in-decide", "at-top"])
def test_sys_exit_in_a_rule_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str) -> None:
    rule = write(tmp_path, "quits.py", source)
    message = fails(capsys, "replay", "S/2016/1026", "--rule", str(rule))
    assert str(rule) in message
    assert "sys.exit" in message or "SystemExit" in message
    assert re.search(r"line \d+", message)


@pytest.mark.parametrize(
    "command",
    [
        ["replay", "S/2016/1026", "--rule"],
        ["grid", "S/2016/1026", "--rule"],
        ["check-rule"],
        ["power", "--rule"],
    ],
    ids=["replay", "grid", "check-rule", "power"],
)
def test_a_rule_writing_into_its_ballots_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    rule = write(tmp_path, "writes.py", PY_WRITES)
    message = fails(capsys, *command, str(rule))
    assert message.startswith(f"{rule}: line 2: decide() changed the ballots it was given"), message
    assert "must only read them" in message


def test_a_writing_rule_leaves_the_record_alone(tmp_path: Path) -> None:
    from simulate import load_scenario, replay
    from simulate.errors import SimulateError

    rule = write(tmp_path, "writes.py", PY_WRITES)
    december = load_scenario("S/2016/1026")
    before = december.record.ballots
    with pytest.raises(SimulateError):
        replay(december, rule=str(rule))
    assert december.record.ballots == before
    assert replay(december).tally == "11-3-1"


# ---------------------------------------------------------------- check-rule: sampled answers read as sampled


def test_a_sampled_abstention_answer_reads_as_sampled() -> None:
    # 21 of 24 seats: 4 abstentions block, which a tiny sample may miss; whatever it finds,
    # neither the text nor the JSON may state as certain that no number of abstentions blocks
    from simulate.analysis.checks import check_rule
    from simulate.rules.function import FunctionRule

    rule = FunctionRule(lambda p: (p == 0).sum(axis=1) >= 21, name="q21")
    report = check_rule(rule, seats=24, examples=2, seed=1)
    assert report.method == "sampled"
    text, data = report.format(), report.to_json()
    abstention = data["properties"]["abstention"]
    assert abstention["exact"] is False
    assert "no number of abstentions does" not in text
    assert "sampled" in abstention["text"]
    assert abstention["text"] in " ".join(text.split())


def test_sampled_abstention_words() -> None:
    from simulate.analysis.checks import _abstention_result
    from simulate.rules.seats import classes_for, example_council

    council = example_council(classes_for(15))
    sampled = _abstention_result(council, [], None, exact=False, tried=40)
    assert sampled.text.endswith("; no blocking number of abstentions found in 40 sampled profiles (a number may still block)")
    exact = _abstention_result(council, [], None, exact=True)
    assert exact.text.endswith("no number of abstentions does")
    found = _abstention_result(council, [], 10, exact=False, tried=40)
    assert found.text.endswith("; 10 abstentions found to block (sampled: fewer may do)")


# ---------------------------------------------------------------- work estimated first: refuse or bound


BIG_TOML = '[rule]\nname = "big"\nquota = 600\n[seats]\nveto = 5\nelected = 995\n'
# within the 193 Members, but 60 + 60 + 73 seats of three classes: too many classes of profiles
WIDE_TOML = '[rule]\nname = "wide"\nquota = 100\n[seats]\nveto = 60\npermanent = 60\nelected = 73\n'
PLAIN_PY = "def decide(p):\n    return (p == 0).sum(axis=1) >= 9\n"


def test_a_1000_seat_rule_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rule = write(tmp_path, "big.toml", BIG_TOML)
    assert "1,000 seats" in fails(capsys, "check-rule", str(rule))
    assert "1,000 seats" in fails(capsys, "reform", "S/2016/846", "--rule", str(rule))


def test_check_rule_on_too_many_seat_classes_is_refused_before_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rule = write(tmp_path, "wide.toml", WIDE_TOML)
    message = fails(capsys, "check-rule", str(rule))
    assert "193 seats" in message and "too big to check exactly" in message


def test_check_rule_on_5000_seats_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rule = write(tmp_path, "plain.py", PLAIN_PY)
    assert "5,000" in fails(capsys, "check-rule", str(rule), "--seats", "5000")


def test_check_rule_sampled_on_100_seats_is_bounded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 200 examples per property on 100 seats ran for more than ten minutes: refused, saying how many fit
    rule = write(tmp_path, "plain.py", PLAIN_PY)
    message = fails(capsys, "check-rule", str(rule), "--seats", "100")
    assert "would take too long" in message and "give --examples 100 or fewer" in message
    message = fails(capsys, "check-rule", str(rule), "--seats", "193")
    assert "give --examples 26 or fewer" in message


def test_hypothesis_errors_in_a_sampled_check_are_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import hypothesis
    from hypothesis.errors import Unsatisfiable

    from simulate.analysis.checks import check_rule
    from simulate.errors import SimulateError
    from simulate.rules.function import FunctionRule

    def unsatisfiable(*args: object, **kwargs: object) -> None:
        raise Unsatisfiable("no")

    monkeypatch.setattr(hypothesis, "find", unsatisfiable)
    with pytest.raises(SimulateError, match=r"failed in hypothesis \(Unsatisfiable\)"):
        check_rule(FunctionRule(lambda p: (p == 0).sum(axis=1) >= 9, name="nine"), seats=20, examples=2)


def test_reform_on_too_many_new_seat_classes_is_refused_before_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rule = write(tmp_path, "wide.toml", WIDE_TOML)
    message = fails(capsys, "reform", "S/2016/846", "--rule", str(rule))
    assert "178 unknown seats" in message and "--new all=yes" in message
    out = runs(capsys, "reform", "S/2016/846", "--rule", str(rule), "--new", "all=yes")
    assert "vetoed by the Russian Federation" in " ".join(out.split())


@pytest.mark.parametrize(
    ("weights", "quota"),
    [
        (",".join(str(i * i) for i in range(1, 301)), "4000000"),  # 1,4,9,...,90000
        (",".join(str(10**12 + 7919 * i) for i in range(20)), str(11 * 10**12)),  # weights near 1e12
    ],
    ids=["squares-to-90000", "near-1e12"],
)
def test_power_on_a_huge_weighted_game_is_refused_before_work(
    capsys: pytest.CaptureFixture[str], weights: str, quota: str
) -> None:
    message = fails(capsys, "power", "--weights", weights, "--quota", quota)
    assert "too big to count exactly" in message and "GiB of memory" in message


def test_power_on_large_but_few_weights_still_counts(capsys: pytest.CaptureFixture[str]) -> None:
    out = runs(capsys, "power", "--weights", "1000000000000,999999999999,3", "--quota", "1000000000001")
    assert "0.33333" in out


def test_a_grid_figure_with_too_many_rows_is_refused_before_replaying(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import simulate.engine.grid as engine_grid
    from simulate.figures.grid import MAX_ROWS

    whatifs = "".join(f'\n[whatif.abstain-{i}]\nset = {{ China = "abstain" }}\n' for i in range(MAX_ROWS))
    path = write(tmp_path, "many.toml", OCTOBER + whatifs)

    def no_replay(*args: object, **kwargs: object) -> None:
        raise AssertionError("the grid was computed before the size was checked")

    monkeypatch.setattr(engine_grid, "grid", no_replay)
    message = fails(capsys, "plot", "grid", str(path), "-o", str(tmp_path / "x.png"))
    assert f"at most {MAX_ROWS} rows" in message and f"would have {MAX_ROWS + 5}" in message
    assert not (tmp_path / "x.png").exists()


def test_plot_grid_refuses_too_many_rows_from_the_library(tmp_path: Path) -> None:
    from simulate import load_scenario
    from simulate.errors import SimulateError
    from simulate.figures import plot_grid
    from simulate.figures.grid import MAX_ROWS

    whatifs = "".join(f'\n[whatif.abstain-{i}]\nset = {{ China = "abstain" }}\n' for i in range(MAX_ROWS))
    scenario = load_scenario(write(tmp_path, "many.toml", OCTOBER + whatifs))
    with pytest.raises(SimulateError, match=f"at most {MAX_ROWS} rows"):
        plot_grid(scenario)


# ---------------------------------------------------------------- messages: scenario files


def test_a_type_error_names_the_toml_key_set_not_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "s.toml", OCTOBER + '\n[whatif.bad-set]\nset = "abstain"\n')
    message = fails(capsys, "replay", str(path))
    assert "[whatif.bad-set] set:" in message and "set_" not in message


def test_as_on_given_as_a_string_says_the_expected_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "s.toml", OCTOBER + '\n[whatif.as-str]\nas_on = "S/2016/846"\n')
    message = fails(capsys, "replay", str(path))
    assert message.startswith(f"{path}: [whatif.as-str] as_on: expected a table")
    assert "draft" in message and "members" in message and "unknown error" not in message


def _as_on(symbol: str) -> str:
    return OCTOBER.replace(
        'as_on = { draft = "S/2016/1026", members = ["China"] }', f'as_on = {{ draft = "{symbol}", members = ["China"] }}'
    )


def test_an_unknown_as_on_draft_names_the_what_if_and_where_it_looked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "s.toml", _as_on("S/1999/1"))
    message = fails(capsys, "replay", str(path), "--whatif", "china-votes-as-in-december")
    assert "what-if china-votes-as-in-december" in message
    assert "unknown draft 'S/1999/1'" in message
    assert str(tmp_path) in message and "bundled" in message


@pytest.mark.parametrize("sibling", ["broken.toml", "folder.toml"])
def test_a_broken_sibling_does_not_break_as_on(tmp_path: Path, capsys: pytest.CaptureFixture[str], sibling: str) -> None:
    if sibling == "folder.toml":
        (tmp_path / sibling).mkdir()
    else:
        write(tmp_path, sibling, "this is [not toml")
    write(tmp_path, "december.toml", DECEMBER.replace("S/2016/1026", "S/2016/9999"))
    path = write(tmp_path, "s.toml", _as_on("S/2016/9999"))
    out = runs(capsys, "replay", str(path), "--whatif", "china-votes-as-in-december")
    assert "China" in out
    # the sibling is named when the draft is not found, as a file that could not be read
    path = write(tmp_path, "s.toml", _as_on("S/2016/7777"))
    message = fails(capsys, "replay", str(path), "--whatif", "china-votes-as-in-december")
    assert "unknown draft 'S/2016/7777'" in message
    if sibling == "broken.toml":
        assert "broken.toml" in message


def test_the_needed_file_broken_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "december.toml", DECEMBER.replace("S/2016/1026", "S/2016/9999").replace('matter = "substantive"', "matter = 3", 1))
    path = write(tmp_path, "s.toml", _as_on("S/2016/9999"))
    message = fails(capsys, "replay", str(path), "--whatif", "china-votes-as-in-december")
    assert "december.toml" in message and "[draft] matter" in message


def test_two_files_with_one_symbol_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    twin = DECEMBER.replace("S/2016/1026", "S/2016/9999")
    first = write(tmp_path, "a-december.toml", twin)
    second = write(tmp_path, "b-december.toml", twin)
    path = write(tmp_path, "s.toml", _as_on("S/2016/9999"))
    message = fails(capsys, "replay", str(path), "--whatif", "china-votes-as-in-december")
    assert first.name in message and second.name in message and "S/2016/9999" in message


# ---------------------------------------------------------------- the [record] table is compared with the replay


def test_a_record_table_that_disagrees_is_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = OCTOBER.replace("[record]\nadopted = false\nyes = 11", "[record]\nadopted = true\nyes = 10", 1)
    path = write(tmp_path, "s.toml", text)
    out = " ".join(runs(capsys, "replay", str(path)).split())
    assert "Note: this file's [record] table disagrees with the replay:" in out
    assert "yes = 10 (the [votes] table has 11)" in out and "adopted = true (the replay: false)" in out
    data = json.loads(runs(capsys, "replay", str(path), "--json"))
    assert any(note.startswith("this file's [record] table disagrees") for note in data["notes"])
    assert data["adopted"] is False  # the replay's answer, unchanged


def test_bundled_records_agree_with_their_replays(capsys: pytest.CaptureFixture[str]) -> None:
    for symbol in ("S/2016/846", "S/2016/847", "S/2016/1026"):
        data = json.loads(runs(capsys, "replay", symbol, "--json"))
        assert not any("[record]" in note for note in data["notes"]), data["notes"]


def test_a_single_what_if_name_is_one_what_if() -> None:
    from simulate import load_scenario, replay

    december = load_scenario("S/2016/1026")
    assert replay(december, "china-abstains-again") == replay(december, ["china-abstains-again"])


# ---------------------------------------------------------------- silently accepted before


RESTRAINT_TOML = """[rule]
name = "my-restraint"
quota = 9
[seats]
veto = 5
elected = 10
[restraint]
flag = "mass-atrocity"
members = [{members}]
"""


def test_restraint_naming_a_member_without_a_veto_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rule = write(tmp_path, "r.toml", RESTRAINT_TOML.format(members='"France", "Germany"'))
    message = fails(capsys, "check-rule", str(rule))
    assert message.startswith(f"{rule}: [restraint] members: Germany holds no veto")
    ok = write(tmp_path, "ok.toml", RESTRAINT_TOML.format(members='"France", "United Kingdom"'))
    assert "my-restraint" in runs(capsys, "rules", str(ok))


@pytest.mark.parametrize("chapter", ["XYZ", "XX", "7", "", "vi"])
def test_a_chapter_that_is_not_a_charter_chapter_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], chapter: str
) -> None:
    path = write(tmp_path, "s.toml", october_with('matter = "substantive"', f'matter = "substantive"\nchapter = "{chapter}"'))
    message = fails(capsys, "replay", str(path))
    assert message.startswith(f"{path}: [draft] chapter: expected a Charter chapter"), message


@pytest.mark.parametrize("chapter", ["I", "VI", "VII", "XIV", "XIX", "52(3)"])
def test_charter_chapters_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str], chapter: str) -> None:
    path = write(tmp_path, "s.toml", october_with('matter = "substantive"', f'matter = "substantive"\nchapter = "{chapter}"'))
    assert "S/2016/846" in runs(capsys, "replay", str(path))


@pytest.mark.parametrize("name", ["baseline", ""])
def test_a_what_if_named_baseline_or_nothing_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    path = write(tmp_path, "s.toml", OCTOBER + f'\n[whatif."{name}"]\nset = {{ China = "no" }}\n')
    message = fails(capsys, "grid", str(path))
    assert message.startswith(f"{path}: [whatif.{name}]"), message
    assert "another name" in message


def test_new_seat_ballots_without_an_enlarged_rule_are_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(runs(capsys, "replay", "S/2016/846", "--new", "all=yes", "--json"))
    assert any("new seats" in note and "not used" in note for note in data["notes"]), data["notes"]
    text = " ".join(runs(capsys, "replay", "S/2016/846", "--new", "all=yes").split())
    assert "not used" in text
    plain = json.loads(runs(capsys, "replay", "S/2016/846", "--json"))
    assert not any("new seats" in note for note in plain["notes"])


GERMANY_1950 = """[draft]
symbol = "S/1950/1"
date = 1950-06-27
title = "a test"
matter = "substantive"

[council]
permanent = ["China", "France", "USSR", "United Kingdom", "United States"]
elected = ["{elected}", "Ecuador", "Egypt", "India", "Norway", "Yugoslavia"]

[votes]
yes = ["China", "France", "United Kingdom", "United States", "{elected}", "Ecuador", "Egypt", "India", "Norway"]
no = ["Yugoslavia"]
absent = ["USSR"]
"""


def test_a_state_not_yet_a_un_member_cannot_sit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Germany (the Federal Republic) joined the UN on 18 September 1973 (simulate/data/states.csv)
    path = write(tmp_path, "s.toml", GERMANY_1950.format(elected="Germany"))
    message = fails(capsys, "replay", str(path))
    assert message.startswith(f"{path}: [council] elected: Germany was not a UN member on 1950-06-27")
    assert "1973-09-18" in message
    cuba = write(tmp_path, "cuba.toml", GERMANY_1950.format(elected="Cuba"))
    assert "Adopted" in runs(capsys, "replay", str(cuba))


def test_un_admission_dates_of_the_states_tested() -> None:
    from simulate.model.members import resolve_member

    assert resolve_member("Germany").un_member_from.isoformat() == "1973-09-18"
    assert resolve_member("Japan").un_member_from.isoformat() == "1956-12-18"
    assert resolve_member("Cuba").un_member_from.isoformat() == "1945-10-24"


@pytest.mark.parametrize("kind", ["toml", "py"])
def test_a_user_rule_reusing_a_builtin_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    if kind == "toml":
        rule = write(tmp_path, "mine.toml", RESTRAINT_TOML.format(members='"France"').replace("my-restraint", "charter-1965"))
    else:
        rule = write(tmp_path, "charter-1965.py", PLAIN_PY)
    message = fails(capsys, "replay", "S/2016/846", "--rule", str(rule))
    assert "charter-1965" in message and "built-in rule" in message and "another name" in message


def test_a_veto_list_says_the_council_size_it_implies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rule = write(tmp_path, "two.py", "VETO = [True, False]\n\n" + PLAIN_PY)
    message = fails(capsys, "replay", "S/2016/846", "--rule", str(rule))
    assert "2 seats" in message and "VETO" in message and "15" in message
    message = fails(capsys, "check-rule", str(rule), "--seats", "15")
    assert "2 seats" in message and "VETO" in message


# ---------------------------------------------------------------- a rule sized for another council is refused everywhere


@pytest.mark.parametrize(
    "argv",
    [
        ["replay", "S/2016/1026", "--rule", "charter-1945"],
        ["grid", "S/2016/1026", "--rule", "charter-1945"],
        ["plot", "table", "S/2016/1026", "--rule", "charter-1945"],
        ["plot", "grid", "S/2016/1026", "--rule", "charter-1945"],
        ["plot", "compare", "S/2016/1026", "--rule", "charter-1945", "-w", "russia-abstains"],
        ["flips", "S/2016/1026", "--rule", "charter-1945"],
        ["reform", "S/2016/1026", "--rule", "charter-1945"],
    ],
    ids=["replay", "grid", "plot-table", "plot-grid", "plot-compare", "flips", "reform"],
)
def test_charter_1945_on_the_15_seat_council_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    out = ["-o", str(tmp_path / "x.png")] if argv[0] == "plot" else []
    message = fails(capsys, *argv, *out)
    assert "rule charter-1945 is for a council of 11 seats, but this council has 15" in message
    assert not (tmp_path / "x.png").exists()


def test_a_1950_vote_under_the_1965_rule_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "s.toml", GERMANY_1950.format(elected="Cuba"))
    message = fails(capsys, "grid", str(path), "-r", "charter-1965")
    assert "rule charter-1965 is for a council of 15 seats, but this council has 11" in message


def test_a_200_seat_inline_council_under_the_charter_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from simulate.model.members import all_members

    p5 = ["China", "France", "Russian Federation", "United Kingdom", "United States"]
    others = [m.name for m in all_members() if m.un_member_to is None and m.name not in p5][:185]
    quoted = lambda names: "[" + ", ".join(json.dumps(n) for n in names) + "]"  # noqa: E731
    text = OCTOBER.split("[votes]")[0] + (
        f"[council]\npermanent = {quoted(p5)}\nelected = {quoted(others)}\n\n"
        f"[votes]\nyes = {quoted(p5 + others[:150])}\nno = {quoted(others[150:])}\n"
    )
    path = write(tmp_path, "big.toml", text)
    message = fails(capsys, "replay", str(path), "--rule", "charter-1965")
    assert "rule charter-1965 is for a council of 15 seats, but this council has 190" in message
    message = fails(capsys, "replay", str(path))  # its own (the Charter's) rule
    assert "this council has 190" in message


def test_a_python_rule_for_200_seats_on_15_ballots_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rule = write(tmp_path, "seats200.py", "SEATS = 200\n\n" + PLAIN_PY)
    message = fails(capsys, "replay", "S/2016/1026", "--rule", str(rule))
    assert "200" in message and "193" in message  # more seats than UN Members
    rule = write(tmp_path, "seats40.py", "SEATS = 40\n\n" + PLAIN_PY)
    message = fails(capsys, "replay", "S/2016/1026", "--rule", str(rule))
    assert "is for a council of 40 seats (its SEATS = 40), but this council has 15" in message
    forty = write(tmp_path, "forty.py", "SEATS = 40\n\n" + PLAIN_PY)
    message = fails(capsys, "check-rule", str(forty), "--seats", "70")
    assert "is for 40 seats (its SEATS = 40), not 70" in message


def test_check_rule_and_power_agree_on_a_python_rules_veto_seats(tmp_path: Path) -> None:
    # the veto on the last seats (as "seats 11-15" of the issue, on a council small enough to enumerate)
    from simulate.analysis.checks import check_rule
    from simulate.analysis.power import rule_power
    from simulate.catalog.registry import get_rule

    source = (
        "VETO = [False, False, False, False, True, True, True]\n\n"
        "def decide(p, veto):\n    return ((p == 0).sum(axis=1) >= 5) & ~(p[:, veto] == 1).any(axis=1)\n"
    )
    rule = get_rule(str(write(tmp_path, "late-veto.py", source)))
    report = check_rule(rule)
    power = rule_power(rule)
    vetoes = list(report["veto_players"].members)
    assert vetoes == list(report.council.names[4:])
    assert list(power.seats) == list(report.council.names)
    strongest = [power.seats[i] for i in range(7) if power.binary.coleman_prevent[i] == 1]
    assert strongest == vetoes


def test_article_27_3_holds_in_a_reform_replay(tmp_path: Path) -> None:
    from simulate import load_scenario
    from simulate.engine.reform import replay_enlarged
    from simulate.engine.replay import replay
    from simulate.model.whatif import SetBallots

    text = october_with('matter = "substantive"', 'matter = "substantive"\nchapter = "VI"\nparties = ["Russian Federation"]')
    scenario = load_scenario(write(tmp_path, "s.toml", text))
    china_no = SetBallots({"China": "no"})
    assert replay(scenario, [china_no]).vetoed_by == ("China",)
    enlarged = replay_enlarged(scenario, "g4-2005", [china_no])
    assert enlarged.adopted == 0
    assert "vetoed by China whatever the new seats do" in enlarged.headline()
    assert "Russian" not in enlarged.headline()


def test_flips_on_a_record_with_new_seat_ballots(tmp_path: Path) -> None:
    from simulate import load_scenario
    from simulate.analysis.flips import minimal_flips
    from simulate.model.whatif import NewSeats

    sixteen = write(tmp_path, "sixteen.toml", '[rule]\nname = "sixteen"\nquota = 10\n[seats]\nveto = 5\npermanent = 1\nelected = 10\n')
    record = NewSeats.parse(["all=yes"]).apply(load_scenario("S/2016/846").record)
    flips = minimal_flips(record, str(sixteen))
    assert not flips.adopted  # vetoed by the Russian Federation, new seats or not
    assert flips.count >= 1 and ("Russian Federation",) in {tuple(c.member for c in s) for s in flips.minimal_sets}


# ---------------------------------------------------------------- the grid figure marks a what-if's own rule


def test_the_grid_figure_marks_cells_decided_under_a_what_ifs_own_rule(capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "figures"))
    from figure_checks import assert_legible

    from simulate import load_scenario
    from simulate.figures import describe, plot_grid

    symbols = ["S/2016/846", "S/2016/1026"]
    rules = ["charter-1965", "strict-concurrence", "two-vetoes"]
    fig = plot_grid([load_scenario(s) for s in symbols], rules)
    shown = describe(fig)
    marked = {(c["scenario"], c["whatif"], c["rule"]) for c in shown["grid"]["cells"] if c["overridden"]}
    expected = set()
    for symbol in symbols:
        data = json.loads(runs(capsys, "grid", symbol, *[a for r in rules for a in ("-r", r)], "--json"))
        expected |= {(symbol, c["whatif"], c["column"]) for c in data["cells"] if c["overridden"]}
    assert expected == {(s, "literal-charter", r) for s in symbols for r in ("charter-1965", "two-vetoes")}
    assert marked == expected
    footnote = " ".join(shown["texts"]["grid-footnote"].split())
    assert "decided under the what-if's own rule" in footnote
    assert "literal-charter: strict-concurrence" in footnote
    assert_legible(fig)


def test_a_grid_without_own_rules_has_no_mark() -> None:
    from simulate import load_scenario
    from simulate.figures import describe, plot_grid

    shown = describe(plot_grid(load_scenario("S/2016/846"), ["strict-concurrence"]))
    assert not any(c["overridden"] for c in shown["grid"]["cells"])
    assert "own rule" not in shown["texts"]["grid-footnote"]


# ---------------------------------------------------------------- smoke: the installed command


def test_smoke_sys_exit_in_a_rule_file(tmp_path: Path) -> None:
    rule = write(tmp_path, "quits.py", PY_SYS_EXIT_IN_DECIDE)
    done = unsc("replay", "S/2016/1026", "--rule", str(rule))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("unsc: error: ") and len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr


# ---------------------------------------------------------------- the 26-seat table: leader lines do not cross


def _crossing_leaders(fig: object) -> list[tuple[str, str]]:
    """Pairs of leader lines of one panel whose segments cross (in the panel's own coordinates)."""
    import itertools

    def crosses(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
        (x1, y1, x2, y2), (x3, y3, x4, y4) = a, b
        d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
        if abs(d) < 1e-12:
            return False
        t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / d
        u = -((x1 - x2) * (y1 - y3) - (y1 - y2) * (x1 - x3)) / d
        return 1e-6 < t < 1 - 1e-6 and 1e-6 < u < 1 - 1e-6

    found = []
    for ax in fig.axes:  # type: ignore[attr-defined]
        leaders = []
        for line in ax.lines:
            if "-leader-" in (line.get_gid() or ""):
                xs, ys = line.get_xdata(), line.get_ydata()
                leaders.append((line.get_gid(), [(xs[i], ys[i], xs[i + 1], ys[i + 1]) for i in range(len(xs) - 1)]))
        for (ga, sa), (gb, sb) in itertools.combinations(leaders, 2):
            if any(crosses(a, b) for a in sa for b in sb):
                found.append((ga, gb))
    return found


def test_leader_lines_of_the_26_seat_table_do_not_cross() -> None:
    from simulate import load_scenario, replay
    from simulate.figures import plot_compare, plot_table
    from simulate.model.whatif import NewSeats

    october = load_scenario("S/2016/846")
    new = NewSeats.parse(["all=yes"])
    before = replay(october, [new], rule="au-ezulwini-2005")
    after = replay(october, [new, "bloc-follows-russia"], rule="au-ezulwini-2005")
    assert before.record.council.size == 26
    assert _crossing_leaders(plot_table(before)) == []
    assert _crossing_leaders(plot_compare(before, after)) == []


def test_the_crossing_check_sees_a_crossing() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], gid="t-leader-AAA")
    ax.plot([0, 1], [1, 0], gid="t-leader-BBB")
    ax.plot([0, 1], [2, 2], gid="t-leader-CCC")
    assert _crossing_leaders(fig) == [("t-leader-AAA", "t-leader-BBB")]
    plt.close(fig)
