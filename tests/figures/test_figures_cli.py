"""``unsc plot`` and ``unsc demo``'s figures, as a user runs them: files, names, errors, speed."""

from __future__ import annotations

from pathlib import Path

import pytest
from figure_checks import ELEVEN_SEATS

from simulate.cli import main
from simulate.figures import write_demo_figures


@pytest.fixture
def here(tmp_path, monkeypatch):
    """Run in an empty folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("command", [["plot"], ["plot", "table"], ["plot", "grid"], ["plot", "compare"]])
def test_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out and f"unsc {' '.join(command)} " in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_plot_without_a_figure_prints_help(capsys):
    code, out, _ = run(capsys, "plot")
    assert code == 2 and "table" in out and "grid" in out and "compare" in out


def test_default_names_under_out_never_overwrite(here, capsys):
    code, out, _ = run(capsys, "plot", "table", "S/2016/1026")
    assert code == 0 and out.strip() == "out/S-2016-1026-table.png"
    first = (here / "out/S-2016-1026-table.png").read_bytes()
    code, out, _ = run(capsys, "plot", "table", "S/2016/1026")
    assert code == 0 and out.strip() == "out/S-2016-1026-table-2.png"
    assert (here / "out/S-2016-1026-table.png").read_bytes() == first
    run(capsys, "plot", "table", "S/2016/1026", "--whatif", "china-abstains-again", "--set", "Angola=no")
    run(capsys, "plot", "grid", "S/2016/846", "S/2016/847")
    run(capsys, "plot", "compare", "S/2016/1026", "--whatif", "russia-abstains")
    assert files(here) == [
        "out/S-2016-1026-china-abstains-again-set-angola-no-table.png",
        "out/S-2016-1026-russia-abstains-compare.png",
        "out/S-2016-1026-table-2.png",
        "out/S-2016-1026-table.png",
        "out/S-2016-846-S-2016-847-grid.png",
    ]


def test_named_files_in_each_format(here, capsys):
    assert run(capsys, "plot", "table", "S/2016/846", "--set", "Russia=abstain", "-r", "strict-concurrence",
               "-o", "t.svg")[0] == 0
    assert run(capsys, "plot", "grid", "S/2016/1026", "-r", "charter-1965", "-r", "procedural-1965",
               "-o", "g.pdf")[0] == 0
    assert run(capsys, "plot", "compare", "S/2016/1026", "-w", "china-abstains-again", "-o", "c.png")[0] == 0
    assert run(capsys, "plot", "table", str(ELEVEN_SEATS), "-o", "eleven.png")[0] == 0
    assert b"<svg" in (here / "t.svg").read_bytes()[:1000]
    assert (here / "g.pdf").read_bytes()[:5] == b"%PDF-"
    assert (here / "c.png").read_bytes()[:4] == b"\x89PNG"
    # the user named the file: it is replaced, atomically, by the same bytes
    before = (here / "t.svg").read_bytes()
    run(capsys, "plot", "table", "S/2016/846", "--set", "Russia=abstain", "-r", "strict-concurrence", "-o", "t.svg")
    assert (here / "t.svg").read_bytes() == before
    assert files(here) == ["c.png", "eleven.png", "g.pdf", "t.svg"]


BAD = [
    (["plot", "table", "S/2099/1"], "unknown scenario"),
    (["plot", "table", "S/2016/1026", "--whatif", "nope"], "unknown what-if"),
    (["plot", "table", "S/2016/1026", "--set", "Narnia=no"], "unknown member"),
    (["plot", "table", "S/2016/1026", "--set", "Germany=no"], "Germany"),
    (["plot", "table", "S/2016/1026", "--set", "Russia=maybe"], "unknown ballot"),
    (["plot", "table", "S/2016/1026", "--rule", "nope"], "unknown rule"),
    (["plot", "grid", "S/2016/1026", "--rule", "nope"], "unknown rule"),
    (["plot", "grid", "S/2016/1026", "nope"], "unknown scenario"),
    (["plot", "compare", "S/2016/1026"], "needs a what-if"),
    (["plot", "compare", "S/2016/1026", "--whatif", "nope"], "unknown what-if"),
    (["plot", "table", "S/2016/1026", "-o", "t.jpg"], "suffix"),
    (["plot", "table", "S/2016/1026", "-o", "t"], "suffix"),
    (["plot", "table", "S/2016/1026", "-o", "missing/t.png"], "does not exist"),
    (["plot", "table", "S/2016/1026", "-o", "a-file/t.png"], "not a folder"),
    (["plot", "grid", "S/2016/1026", "-o", "a-folder.png"], "folder"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a[1:]) for a, _ in BAD])
def test_bad_input_is_one_line_and_leaves_nothing(here, capsys, args, message):
    (here / "a-file").write_text("x")
    (here / "a-folder.png").mkdir()
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.startswith("unsc: error: ") and err.count("\n") == 1 and message in err
    assert files(here) == ["a-file"]


PLOTS = [
    ["table", "S/2016/1026"],
    ["grid", "S/2016/846", "S/2016/847"],
    ["compare", "S/2016/1026", "--whatif", "russia-abstains"],
    ["veto-decades"],
    ["syria"],
    ["counterfactual", "-r", "two-vetoes"],
    ["chance", "S/2016/1026", "--others", "elected-uncertain"],
]
UNWRITABLE = [("t.jpg", "suffix"), ("missing/t.png", "does not exist"), ("a-file/t.png", "not a folder"),
              ("a-folder.png", "it is a folder")]


@pytest.mark.parametrize("plot", PLOTS, ids=[p[0] for p in PLOTS])
@pytest.mark.parametrize(("target", "message"), UNWRITABLE, ids=[t for t, _ in UNWRITABLE])
def test_a_file_that_cannot_be_written_is_refused_before_any_drawing(here, capsys, monkeypatch, plot, target, message):
    from matplotlib.figure import Figure

    def drawn(*args, **kwargs):
        raise AssertionError("a figure was drawn before the output was checked")

    monkeypatch.setattr(Figure, "__init__", drawn)
    (here / "a-file").write_text("x")
    (here / "a-folder.png").mkdir()
    code, out, err = run(capsys, "plot", *plot, "-o", target)
    assert (code, out) == (2, "")
    assert err.startswith("unsc: error: cannot write ") and err.count("\n") == 1 and message in err
    assert files(here) == ["a-file"]


@pytest.mark.early  # several seconds: started first (tests/conftest.py)
def test_unsc_demo_writes_and_prints_its_five_figures(here, capsys):
    code, out, _ = run(capsys, "demo", "--out", "slides")
    assert code == 0
    names = [
        "S-2016-1026-table.png",
        "S-2016-846-table.png",
        "S-2016-847-table.png",
        "aleppo-2016-grid.png",
        "S-2016-1026-china-abstains-again-compare.png",
    ]
    for name in names:
        assert f"slides/{name}" in out
        assert (here / "slides" / name).read_bytes()[:4] == b"\x89PNG"
    # the demo replaces its own files and leaves no temporary ones
    paths = write_demo_figures(here / "slides")
    assert [p.name for p in paths] == names
    assert files(here / "slides") == sorted(names)
