"""What the notebook build scripts share: the notebook from a list of
``(kind, source)`` cells, outputs stripped and cell ids stable, and the script's
command line (write it to the committed path, or to a path given)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

Cells = list[tuple[str, str]]


def build(cells: Cells) -> Any:
    """The notebook, outputs stripped, with stable cell ids."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    out = []
    for i, (kind, source) in enumerate(cells):
        cell = new_code_cell(source) if kind == "code" else new_markdown_cell(source)
        cell["id"] = f"cell-{i:02d}"
        out.append(cell)
    nb = new_notebook(
        cells=out,
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(nb)
    return nb


def render(cells: Cells) -> str:
    import nbformat

    return nbformat.writes(build(cells)) + "\n"


def main(argv: list[str], cells: Cells, notebook: Path) -> int:
    target = Path(argv[1]) if len(argv) > 1 else notebook
    target.write_text(render(cells), encoding="utf-8")
    print(target)
    return 0
