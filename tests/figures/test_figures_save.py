"""Saving: the format follows the suffix, the same figure gives the same bytes, and a
failed save leaves nothing half-written."""

from __future__ import annotations

import os
import struct

import pytest

from simulate import SimulateError, load_scenario, replay
from simulate.figures import (
    plot_compare,
    plot_grid,
    plot_table,
    save_figure,
    unique_path,
)
from simulate.figures.style import STYLE, figure_format


def december():
    return replay(load_scenario("S/2016/1026"), ["china-abstains-again"])


@pytest.mark.parametrize("suffix", ["svg", "pdf"])
def test_the_same_input_gives_the_same_bytes(tmp_path, suffix):
    first = save_figure(plot_table(december()), tmp_path / f"a.{suffix}").read_bytes()
    second = save_figure(plot_table(december()), tmp_path / f"b.{suffix}").read_bytes()
    assert first == second


def test_svg_of_grid_and_compare_are_deterministic(tmp_path):
    scenario = load_scenario("S/2016/846")
    for name, make in [("grid", lambda: plot_grid(scenario)),
                       ("compare", lambda: plot_compare(replay(scenario), replay(scenario, ["russia-abstains"])))]:
        a = save_figure(make(), tmp_path / f"{name}-1.svg").read_bytes()
        b = save_figure(make(), tmp_path / f"{name}-2.svg").read_bytes()
        assert a == b, name
        assert b"<dc:date>" not in a


def test_png_is_1280_by_720(tmp_path):
    data = save_figure(plot_table(december()), tmp_path / "t.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 720)


def test_format_follows_the_suffix(tmp_path):
    fig = plot_table(december())
    assert save_figure(fig, tmp_path / "t.PDF").read_bytes()[:5] == b"%PDF-"
    assert b"<svg" in save_figure(fig, tmp_path / "t.svg").read_bytes()[:1000]
    for bad in ("t.jpg", "t", "t.png.txt"):
        with pytest.raises(SimulateError, match="suffix"):
            save_figure(fig, tmp_path / bad)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.PDF", "t.svg"]


def test_a_failed_save_leaves_nothing(tmp_path):
    fig = plot_table(december())
    target = tmp_path / "t.png"

    def broken(fname, **kwargs):
        with open(fname, "wb") as fh:
            fh.write(b"half")
        raise RuntimeError("disk on fire")

    fig.savefig = broken
    with pytest.raises(RuntimeError):
        save_figure(fig, target)
    assert list(tmp_path.iterdir()) == []
    target.write_bytes(b"the user's file")
    with pytest.raises(RuntimeError):
        save_figure(fig, target)
    assert target.read_bytes() == b"the user's file"
    assert [p.name for p in tmp_path.iterdir()] == ["t.png"]


def test_no_overwrite_unless_asked(tmp_path):
    target = tmp_path / "t.png"
    target.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        save_figure(plot_table(december()), target, overwrite=False)
    assert target.read_bytes() == b"keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["t.png"]
    assert unique_path(tmp_path, "t") == tmp_path / "t-2.png"
    (tmp_path / "t-2.png").write_bytes(b"")
    assert unique_path(tmp_path, "t") == tmp_path / "t-3.png"


def test_bad_places(tmp_path):
    fig = plot_table(december())
    (tmp_path / "file").write_text("x")
    with pytest.raises(SimulateError, match="not a folder"):
        save_figure(fig, tmp_path / "file" / "t.png")
    with pytest.raises(SimulateError, match="does not exist"):
        save_figure(fig, tmp_path / "missing" / "t.png")
    (tmp_path / "dir.png").mkdir()
    with pytest.raises(SimulateError, match="folder"):
        save_figure(fig, tmp_path / "dir.png")


def test_new_files_get_the_usual_permissions(tmp_path):
    mask = os.umask(0o022)
    os.umask(mask)
    path = save_figure(plot_table(december()), tmp_path / "t.png")
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_style_is_packaged_and_not_applied_globally():
    import matplotlib as mpl

    assert STYLE.is_file() and STYLE.suffix == ".mplstyle"
    before = dict(mpl.rcParams)
    plot_table(december())
    assert dict(mpl.rcParams) == before
    assert figure_format("x.svg") == "svg"
