"""The what-if grid says what ``unsc grid --json`` says, and is readable at 10 rows x 6 columns."""

from __future__ import annotations

import json

import pytest
from figure_checks import ELEVEN_SEATS, assert_legible

from simulate import grid, load_scenario
from simulate.cli import main
from simulate.figures import describe, plot_grid
from simulate.figures.style import ADOPTED_COLOUR, FAILED_COLOUR
from simulate.model.members import resolve_member

BUNDLED = ["S/2016/846", "S/2016/847", "S/2016/1026"]
# six rules for the 15-seat Council (a rule for another council is refused, see test_rules_for_another_council)
SIX_RULES = ["charter-1965", "strict-concurrence", "procedural-1965", "two-vetoes", "veto-abolished-9",
             "french-mexican-restraint"]
ELEVEN_SEAT_RULES = ["charter-1945", "strict-concurrence-1945", "procedural-1945"]


def grid_json(capsys, *args):
    assert main(["grid", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def check_cells_agree(shown_cells, data):
    """Each cell of the figure against the JSON of ``unsc grid``."""
    expected = {(c["whatif"], c["column"]): c for c in data["cells"]}
    assert {(c["whatif"], c["rule"]) for c in shown_cells} == set(expected)
    for cell in shown_cells:
        want = expected[(cell["whatif"], cell["rule"])]
        where = f"{cell['whatif']} / {cell['rule']}"
        assert cell["colour"] == (ADOPTED_COLOUR if want["adopted"] else FAILED_COLOUR), where
        tally = f"{want['yes']}-{want['no']}-{want['abstain']}" + (f"-{want['absent']}" if want["absent"] else "")
        assert cell["main"] == f"{'✓' if want['adopted'] else '✗'} {tally}", where
        codes = [resolve_member(n).iso3 for n in want["vetoed_by"]]
        assert cell["veto"] == ("VETO " + " ".join(codes) if codes else ""), where
        if want["adopted"]:
            assert cell["note"] == "adopted", where
        elif want["short_by"]:
            assert cell["note"] == f"short by {want['short_by']}", where


@pytest.mark.parametrize("symbol", BUNDLED)
def test_grid_cells_agree_with_unsc_grid_json(symbol, capsys):
    data = grid_json(capsys, symbol)
    shown = describe(plot_grid(load_scenario(symbol)))["grid"]
    assert shown["columns"] == data["rules"]
    assert shown["rows"] == data["whatifs"]
    check_cells_agree(shown["cells"], data)


def test_grid_of_six_rules_agrees_and_is_legible(capsys):
    args = ["S/2016/1026"] + [a for r in SIX_RULES for a in ("--rule", r)]
    data = grid_json(capsys, *args)
    fig = plot_grid(load_scenario("S/2016/1026"), SIX_RULES)
    shown = describe(fig)["grid"]
    assert shown["columns"] == SIX_RULES
    check_cells_agree(shown["cells"], data)
    assert_legible(fig)


def test_grid_of_several_scenarios_groups_rows_by_draft(capsys):
    fig = plot_grid([load_scenario(s) for s in BUNDLED])
    shown = describe(fig)["grid"]
    for symbol in BUNDLED:
        data = grid_json(capsys, symbol)
        check_cells_agree([c for c in shown["cells"] if c["scenario"] == symbol], data)
    groups = [r for r in shown["rows"] if " · " in r]
    assert [g.split(" · ")[0] for g in groups] == BUNDLED
    assert_legible(fig)
    assert "RUS Russian Federation" in describe(fig)["texts"]["grid-footnote"].replace("\n", " ")


def ten_row_scenario(tmp_path):
    """The December 2016 draft with nine what-ifs: ten rows."""
    from helpers import ROOT

    text = (ROOT / "scenarios" / "S-2016-1026.toml").read_text(encoding="utf-8").split("[whatif.")[0]
    members = ["China", "France", "Russian Federation", "United Kingdom", "United States", "Angola", "Egypt",
               "Japan", "Senegal"]
    for i, member in enumerate(members):
        ballot = ["no", "abstain", "absent"][i % 3]
        text += f'\n[whatif.{member.lower().replace(" ", "-")}-votes-{ballot}]\nset = {{ "{member}" = "{ballot}" }}\n'
    path = tmp_path / "ten-rows.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_ten_rows_and_six_columns_are_readable(tmp_path, capsys):
    path = ten_row_scenario(tmp_path)
    scenario = load_scenario(path)
    assert len(scenario.whatifs) == 9
    fig = plot_grid(scenario, SIX_RULES)
    data = grid_json(capsys, str(path), *[a for r in SIX_RULES for a in ("--rule", r)])
    shown = describe(fig)["grid"]
    assert len(shown["rows"]) == 10 and len(shown["columns"]) == 6
    check_cells_agree(shown["cells"], data)
    assert_legible(fig)
    # every cell's texts stay inside the cell
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    cells = {p.get_gid().removeprefix("grid-cell-"): p.get_window_extent(renderer) for p in ax.patches
             if (p.get_gid() or "").startswith("grid-cell-")}
    for t in ax.texts:
        gid = t.get_gid() or ""
        key = gid.split("-", 2)[-1]
        if key in cells:
            box, cell = t.get_window_extent(renderer), cells[key]
            if t.get_bbox_patch() is not None:
                box = t.get_bbox_patch().get_window_extent(renderer)
            assert cell.x0 - 0.5 <= box.x0 and box.x1 <= cell.x1 + 0.5, gid
            assert cell.y0 - 0.5 <= box.y0 and box.y1 <= cell.y1 + 0.5, gid


def test_eleven_seat_grid_agrees(capsys):
    """The 1950 council under the three rules made for eleven seats."""
    data = grid_json(capsys, str(ELEVEN_SEATS), *[a for r in ELEVEN_SEAT_RULES for a in ("--rule", r)])
    shown = describe(plot_grid(load_scenario(ELEVEN_SEATS), ELEVEN_SEAT_RULES))["grid"]
    assert shown["columns"] == ELEVEN_SEAT_RULES
    check_cells_agree(shown["cells"], data)


def test_rules_for_another_council_are_refused(capsys):
    """A rule made for 11 seats is not applied to the 15-member Council, nor one for 15 to a council of 11."""
    assert main(["grid", "S/2016/1026", "--rule", "charter-1965", "--rule", "charter-1945"]) == 2
    err = capsys.readouterr().err
    assert "charter-1945 is for a council of 11 seats" in err and err.count("\n") == 1
    assert main(["grid", str(ELEVEN_SEATS), "--rule", "charter-1965"]) == 2
    assert "charter-1965 is for a council of 15 seats" in capsys.readouterr().err
    with pytest.raises(Exception, match="is for a council of 11 seats"):
        plot_grid(load_scenario("S/2016/1026"), ["charter-1945"])


def test_grid_from_cells_and_into_the_users_axes():
    from matplotlib.figure import Figure

    scenario = load_scenario("S/2016/847")
    cells = grid(scenario)
    fig = Figure(figsize=(12.8, 7.2))
    ax = fig.add_axes((0.3, 0.1, 0.65, 0.75))
    assert plot_grid(cells, ax=ax) is fig
    shown = describe(fig)["grid"]
    assert len(shown["cells"]) == len(cells)


def test_grid_rejects_what_it_cannot_draw():
    with pytest.raises(TypeError):
        plot_grid(["S/2016/1026"])
