"""Small notebooks for the batch tests: a ``parameters`` cell as the guided ones have."""

from __future__ import annotations

from pathlib import Path

import nbformat


def parameters_notebook(path: Path, code: str) -> Path:
    """Write to ``path`` a ``python3`` notebook of the guided notebooks' parameters cell
    (``workbook``, ``today``, ``export_dir``) and one cell of ``code``; return ``path``."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    params = nbformat.v4.new_code_cell("workbook = None\ntoday = None\nexport_dir = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(code)]
    nbformat.write(nb, path)
    return path
