"""Start-up of ``unsc replay`` (issue 8; benchmarks/bench_startup.py measures it): what it
saves is kept, and saving it changes nothing.

* ``unsc replay`` builds only the parser of the core commands, and imports neither
  cattrs (the bundled files are exactly right: simulate.io.datafile's plain path),
  nor the chance model, nor the other rule kinds; checked in a fresh interpreter.
* The parser built for one command answers every argument list that starts with
  that command exactly as the whole parser does: help, usage, errors, values.
* The membership table read by year gives the councils that csv.DictReader gave.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import subprocess
import sys

import pytest

from simulate.catalog.scenarios import bundled_dir
from simulate.cli import build_parser
from simulate.data import data_path
from simulate.model import council as council_module

#: modules `unsc replay S/2016/1026` must not import (each was a measured share of its start-up)
NOT_FOR_REPLAY = (
    "cattrs",  # the plain structuring path reads the bundled files
    "simulate.cli.chance",  # the other commands' parsers are not built
    "simulate.cli.explore",
    "simulate.cli.history",
    "simulate.cli.plot",
    "simulate.cli.power",
    "simulate.cli.rules_cli",
    "simulate.model.chance",  # only a scenario with chance or bloc what-ifs needs it
    "simulate.rules.function",  # rule kinds that the Charter rule is not
    "simulate.rules.double",
    "simulate.io.pyrule",
    "pkgutil",  # command discovery, when core does not hold the command
    "difflib",  # suggestions for a misspelt name
    "matplotlib",
)


def _imported_by(argv: list[str]) -> set[str]:
    code = (
        "import contextlib, io, sys\n"
        "from simulate.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main({argv!r})\n"
        "print(status)\n"
        "print('\\n'.join(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    status, *modules = result.stdout.split("\n")
    assert status == "0", result.stderr
    return set(modules)


@pytest.mark.parametrize(
    "argv",
    [
        ["replay", "S/2016/1026"],
        ["replay", "S/2016/1026", "--whatif", "china-abstains-again", "--json"],
        ["replay", "S/2016/846", "--rule", "strict-concurrence"],
    ],
)
def test_replay_imports_only_what_it_needs(argv):
    modules = _imported_by(argv)
    assert "simulate.cli.core" in modules and "simulate.catalog.scenarios" in modules
    loaded = sorted(m for m in modules for name in NOT_FOR_REPLAY if m == name or m.startswith(name + "."))
    assert loaded == []


def test_the_whole_parser_imports_no_figures_and_no_analysis():
    """``unsc --help`` and a usage error build every command's parser: that must not import
    matplotlib or the analysis behind ``power`` and ``flips`` (they load when a command runs).
    ``unsc replay`` importing none of them is checked above."""
    code = (
        "import sys; from simulate.cli import build_parser; build_parser()\n"
        "print(sorted(m for m in ('matplotlib', 'simulate.games.weighted', 'simulate.analysis.flips') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_file_that_is_not_exactly_right_still_reads_with_cattrs(tmp_path):
    # the fall-back is there: an unknown key is cattrs' error, as it always was
    text = (bundled_dir() / "S-2016-846.toml").read_text(encoding="utf-8")
    path = tmp_path / "vote.toml"
    path.write_text(text.replace("[votes]", "[votes]\nmaybe = []"), encoding="utf-8")
    code = (
        "import contextlib, io, sys\n"
        "from simulate.cli import main\n"
        "with contextlib.redirect_stderr(io.StringIO()) as err:\n"
        f"    status = main(['replay', {str(path)!r}])\n"
        "print(status, 'cattrs' in sys.modules, err.getvalue().strip())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == (
        f"2 True unsc: error: {path}: [votes]: unknown key 'maybe'; known: yes, no, abstain, absent"
    )


# ---------------------------------------------------------------- one command's parser


def _subparsers(parser):
    return {} if parser._subparsers is None else parser._subparsers._group_actions[0].choices


FULL = build_parser()
COMMANDS = list(_subparsers(FULL))


def _argument_lists():
    for command in COMMANDS:
        yield [command, "--help"]
        yield [command]
        yield [command, "S/2016/1026"]
        yield [command, "S/2016/1026", "--bogus"]
        yield [command, "--json", "extra", "words"]
        yield [command, "-r"]
        for sub in _subparsers(_subparsers(FULL)[command]):
            yield [command, sub, "--help"]
            yield [command, sub, "S/2016/846", "--rule", "two-vetoes", "--whatif", "x", "-o", "a.png"]
            yield [command, sub, "--nope"]
    yield ["replay", "S/2016/1026", "--set", "Russia=abstain", "-w", "russia-abstains", "--new", "all=yes"]
    yield ["replay", "S/2016/1026", "--version"]
    yield ["replay", "S/2016/1026", "--rule"]


def _answer(parser, argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result = {  # a command function made by register() (a closure) is named, not compared by identity
                k: f"{v.__module__}.{v.__qualname__}" if callable(v) else v for k, v in vars(parser.parse_args(argv)).items()
            }
        except SystemExit as exit:
            result = exit.code
    return result, out.getvalue(), err.getvalue()


def test_the_commands_are_those_of_the_whole_parser():
    assert COMMANDS[:5] == ["scenarios", "replay", "grid", "rules", "demo"]  # core first, as always
    for command in COMMANDS:
        assert command in _subparsers(build_parser(command))
    assert list(_subparsers(build_parser("replay"))) == COMMANDS[:5]
    assert list(_subparsers(build_parser("no-such-command"))) == COMMANDS


@pytest.mark.parametrize("argv", list(_argument_lists()), ids=" ".join)
def test_one_commands_parser_answers_as_the_whole_parser(argv):
    assert _answer(build_parser(argv[0]), argv) == _answer(FULL, argv)


# ---------------------------------------------------------------- the membership table


def _reference_council(date: datetime.date) -> list[tuple[str, bool, str]]:
    """The council as the table read with csv.DictReader, row by row, gives it."""
    with data_path("membership.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    iso = date.isoformat()
    seats = [
        (row["member"], row["seat_type"] == "permanent", row.get("name_or_representation_at_time", ""))
        for row in rows
        if int(row["year"]) == date.year
        and not (row["valid_from"] and iso < row["valid_from"])
        and not (row["valid_to"] and iso > row["valid_to"])
    ]
    return sorted(seats, key=lambda s: (not s[1], s[0]))


def test_membership_by_year_gives_the_councils_of_the_whole_table():
    first, last = council_module.membership_years()
    with data_path("membership.csv").open(newline="", encoding="utf-8") as fh:
        years = [int(row["year"]) for row in csv.DictReader(fh)]
    assert (first, last) == (min(years), max(years))
    dates = [datetime.date(y, m, d) for y in range(max(first, 1946), last + 1) for m, d in ((1, 17), (12, 31))]
    dates += [datetime.date(1971, 10, 24), datetime.date(1971, 10, 25)]
    dates += [datetime.date(1991, 12, 23), datetime.date(1991, 12, 24)]
    for date in dates:
        council = council_module.council_on(date)
        got = [(s.member.name, s.permanent, s.representation) for s in council.seats]
        want = [(council_module.resolve_member(n).name, p, r) for n, p, r in _reference_council(date)]
        assert got == want, date
