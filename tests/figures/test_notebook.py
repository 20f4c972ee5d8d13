"""The teaching notebook runs from top to bottom, writes nothing, and is what its
build script makes (outputs stripped)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import built_notebook

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOK = NOTEBOOKS / "01-aleppo-2016.ipynb"
BUILDER = NOTEBOOKS / "build_01_aleppo_2016.py"

nbformat = pytest.importorskip("nbformat")


def test_committed_notebook_is_built_by_its_script_with_outputs_stripped():
    assert NOTEBOOK.read_text(encoding="utf-8") == built_notebook(BUILDER), (
        "notebooks/01-aleppo-2016.ipynb is out of date: run "
        ".venv/bin/python notebooks/build_01_aleppo_2016.py"
    )
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.early  # several seconds: started first (tests/conftest.py)
def test_notebook_runs_and_shows_its_figures(tmp_path):
    nbclient = pytest.importorskip("nbclient")
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) == 6  # three tables, two comparisons, one grid: each shown once
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "vetoed by China and the Russian Federation" in text
    assert "5 short of the 9 required" in text
    assert list(tmp_path.iterdir()) == [], "the notebook writes nothing"
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before
