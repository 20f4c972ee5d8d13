"""``unsc plot``: the Council table, the what-if grid and a side-by-side comparison as figures.

matplotlib is imported only when a figure is drawn, so that the other commands
start fast. The format follows the file's suffix (png, svg, pdf). Without
``-o`` the figure goes to a new file under ``out/`` (an existing file is never
replaced); every file is written to a temporary name and renamed, so a failed
plot leaves nothing half-written.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SimulateError

if TYPE_CHECKING:  # types only: matplotlib and the scenarios are imported when a figure is drawn
    from matplotlib.figure import Figure

    from ..catalog.scenarios import Scenario
from .core import (
    add_change_options,
    add_new_seats_option,
    new_seats_changes,
    resolve_changes,
)

__all__ = ["DEFAULT_DIR", "register"]

#: Where figures go when ``-o`` is not given.
DEFAULT_DIR = Path("out")


def _slug(text: str) -> str:
    """``"S/2016/1026"`` -> ``"S-2016-1026"``."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "figure"


def _change_slug(scenario: Scenario, changes: Sequence[tuple[str, str]] | None) -> str:
    parts = []
    for option, value in changes or []:
        parts.append(_slug(value) if option in ("--whatif", "-w") else "set-" + _slug(value).lower())
    return "-".join(parts)


def _check_output(path: str | None) -> Path | None:
    """Fail early on a file we cannot write (its suffix, a folder, a missing parent folder),
    before any work is done."""
    if path is None:
        return None
    from ..figures.style import check_target

    check_target(path)
    return Path(path)


def _save(fig: Figure, output: Path | None, stem: str) -> Path:
    """Save to the user's file, or to a new file under ``out/`` that replaces nothing."""
    from ..figures.style import save_figure, unique_path

    if output is not None:
        return save_figure(fig, output)
    try:
        DEFAULT_DIR.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SimulateError(f"cannot create {DEFAULT_DIR}/: {exc.strerror or exc}") from None
    for _ in range(100):  # another process may take the name between the check and the link
        try:
            return save_figure(fig, unique_path(DEFAULT_DIR, stem, ".png"), overwrite=False)
        except FileExistsError:
            continue
    raise SimulateError(f"cannot find a free file name for {stem} under {DEFAULT_DIR}/")


def _rule_slug(rule: str | None) -> str:
    return f"-{_slug(rule)}" if rule else ""


def cmd_table(args: argparse.Namespace) -> int:
    output = _check_output(args.output)
    from ..catalog.scenarios import load_scenario
    from ..engine.replay import replay

    scenario = load_scenario(args.scenario)
    base = new_seats_changes(args)
    changes = resolve_changes(scenario, args.changes)
    outcome = replay(scenario, base + changes, rule=args.rule)
    baseline = replay(scenario, base, rule=args.rule) if changes else None

    from ..figures import plot_table

    fig = plot_table(outcome, baseline=baseline, descriptions=[c.describe() for c in base + changes])
    what = _change_slug(scenario, args.changes)
    stem = f"{_slug(scenario.symbol)}{'-' + what if what else ''}{_rule_slug(args.rule)}-table"
    print(_save(fig, output, stem))
    return 0


def cmd_grid(args: argparse.Namespace) -> int:
    output = _check_output(args.output)
    from ..catalog.registry import as_rule
    from ..catalog.scenarios import load_scenario
    from ..engine.grid import grid

    scenarios = [load_scenario(s) for s in args.scenarios]
    from ..figures.grid import check_rows, grid_row_count

    check_rows(grid_row_count(scenarios))  # before any outcome is computed
    rules = [as_rule(r) for r in args.rule or ()]
    base = new_seats_changes(args)
    cells = [cell for scenario in scenarios for cell in grid(scenario, rules, changes=base)]

    from ..figures import plot_grid

    fig = plot_grid(cells)
    stem = "-".join(_slug(s.symbol) for s in scenarios) + "".join(_rule_slug(r) for r in args.rule or ()) + "-grid"
    print(_save(fig, output, stem))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    output = _check_output(args.output)
    if not args.changes:
        raise SimulateError("compare needs a what-if: give --whatif NAME or --set MEMBER=BALLOT")
    from ..catalog.scenarios import load_scenario
    from ..engine.replay import replay

    scenario = load_scenario(args.scenario)
    base = new_seats_changes(args)
    changes = resolve_changes(scenario, args.changes)
    baseline = replay(scenario, base, rule=args.rule)
    outcome = replay(scenario, base + changes, rule=args.rule)

    from ..figures import plot_compare

    fig = plot_compare(baseline, outcome, descriptions=[c.describe() for c in base + changes])
    stem = f"{_slug(scenario.symbol)}-{_change_slug(scenario, args.changes)}{_rule_slug(args.rule)}-compare"
    print(_save(fig, output, stem))
    return 0


_OUTPUT_HELP = (
    "write to FILE; the suffix gives the format: .png, .svg or .pdf "
    "(default: a new .png under out/, never replacing a file)"
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], formatter: type[argparse.HelpFormatter]) -> None:
    plot = sub.add_parser(
        "plot", help="draw the Council table, the what-if grid or a comparison", formatter_class=formatter,
        description=(
            "Draw a figure for a slide (1280x720): the Council table of a vote, the what-if\n"
            "grid of one or more scenarios, or a vote and a what-if side by side.\n\n"
            "examples:\n"
            "  unsc plot table S/2016/1026\n"
            "  unsc plot grid S/2016/846 S/2016/847 S/2016/1026 -o grid.svg\n"
            "  unsc plot compare S/2016/1026 --whatif china-abstains-again"
        ),
    )
    def _plot_help(args: argparse.Namespace) -> int:
        plot.print_help()
        return 2

    plot.set_defaults(func=_plot_help)
    kinds = plot.add_subparsers(title="figures", metavar="FIGURE", help="`unsc plot FIGURE --help` for more")

    p = kinds.add_parser(
        "table", help="the Council table of one vote, with what-ifs", formatter_class=formatter,
        description=(
            "The Council's horseshoe table seen from above: each seat coloured by its\n"
            "ballot, permanent seats square, a blocking veto ringed in black and tagged\n"
            "VETO; the title gives the draft, the date, the what-if and the outcome with\n"
            "its reason. With what-ifs, the seats they changed are ringed in purple.\n\n"
            "SCENARIO is a bundled symbol (see `unsc scenarios`) or a path to a TOML file.\n\n"
            "examples:\n"
            "  unsc plot table S/2016/1026\n"
            "  unsc plot table S/2016/1026 --whatif china-abstains-again -o december.png\n"
            "  unsc plot table S/2016/846 --set Russia=abstain -r strict-concurrence -o a.svg"
        ),
    )
    p.add_argument("scenario", metavar="SCENARIO", help="bundled symbol or path to a .toml file")
    add_change_options(p)
    p.add_argument("--rule", "-r", metavar="RULE", help="decide under this rule (see `unsc rules`)")
    add_new_seats_option(p)
    p.add_argument("--output", "-o", metavar="FILE", help=_OUTPUT_HELP)
    p.set_defaults(func=cmd_table)

    p = kinds.add_parser(
        "grid", help="the what-if grid of one or more scenarios", formatter_class=formatter,
        description=(
            "The outcome of the baseline and every named what-if (rows) under each rule\n"
            "(columns), for one scenario or several: each cell coloured adopted or not\n"
            "adopted, with the tally and a VETO tag naming the blocking members. The cells\n"
            "are those of `unsc grid --json`.\n\n"
            "examples:\n"
            "  unsc plot grid S/2016/1026\n"
            "  unsc plot grid S/2016/846 S/2016/847 S/2016/1026 -o aleppo.pdf\n"
            "  unsc plot grid S/2016/1026 -r charter-1965 -r procedural-1965 -o rules.svg"
        ),
    )
    p.add_argument("scenarios", nargs="+", metavar="SCENARIO", help="bundled symbols or paths to .toml files")
    p.add_argument("--rule", "-r", action="append", metavar="RULE", help="a rule column (repeatable)")
    add_new_seats_option(p)
    p.add_argument("--output", "-o", metavar="FILE", help=_OUTPUT_HELP)
    p.set_defaults(func=cmd_grid)

    p = kinds.add_parser(
        "compare", help="a vote and a what-if side by side", formatter_class=formatter,
        description=(
            "Two Council tables side by side: the vote as recorded and the vote with the\n"
            "what-ifs applied (in order), the seats that changed ringed in both.\n\n"
            "examples:\n"
            "  unsc plot compare S/2016/1026 --whatif china-abstains-again\n"
            "  unsc plot compare S/2016/846 --set Russia=abstain -o russia-abstains.svg"
        ),
    )
    p.add_argument("scenario", metavar="SCENARIO", help="bundled symbol or path to a .toml file")
    add_change_options(p)
    p.add_argument("--rule", "-r", metavar="RULE", help="decide both under this rule (see `unsc rules`)")
    add_new_seats_option(p)
    p.add_argument("--output", "-o", metavar="FILE", help=_OUTPUT_HELP)
    p.set_defaults(func=cmd_compare)

    from .chance import register_plot
    from .history import register_plots  # the record's figures: veto-decades, syria, counterfactual

    register_plot(kinds, formatter, _OUTPUT_HELP)
    register_plots(kinds, formatter)
