"""The chance notebook runs from top to bottom, writes nothing, and is what its build script makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import built_notebook

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOK = NOTEBOOKS / "03-chance.ipynb"
BUILDER = NOTEBOOKS / "build_03_chance.py"

nbformat = pytest.importorskip("nbformat")


def test_committed_notebook_is_built_by_its_script_with_outputs_stripped():
    rendered = built_notebook(BUILDER)
    assert NOTEBOOK.read_text(encoding="utf-8") == rendered, (
        "notebooks/03-chance.ipynb is out of date: run .venv/bin/python notebooks/build_03_chance.py"
    )
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(c.outputs == [] and c.execution_count is None for c in nb.cells if c.cell_type == "code")


@pytest.mark.early  # several seconds: started first (tests/conftest.py)
def test_notebook_runs_and_shows_its_figures(tmp_path):
    nbclient = pytest.importorskip("nbclient")
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert len([o for o in outputs if "image/png" in o.get("data", {})]) == 2
    text = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "vetoed by China and the Russian Federation" in text
    assert "(Fraction(1507, 19683), True)" in text
    assert "veto-abolished-9   adopted   7.7%   vetoed   0.0%   short  92.3%" in text
    assert "charter-1965       adopted 11/32    vetoed 11/32    short 5/16" in text
    assert list(tmp_path.iterdir()) == [], "the notebook writes nothing"
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before
