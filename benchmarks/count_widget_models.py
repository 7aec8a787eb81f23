"""Widget models each guided notebook opens on a full example workbook (kernel side).

Each model is a message from the kernel and a model and view the page builds. Runs every
notebook's cells after its parameters in this process, as the kernel would, and counts
the ipywidgets instances each one leaves open.

Run: ``.venv/bin/python benchmarks/count_widget_models.py [TREE]`` (TREE: a checkout of
this project, default this one; compare two trees by running it on each).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
TODAY = "2026-11-22"


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else Path(__file__).resolve().parents[1]).resolve()
    sys.path.insert(0, str(root))
    import nbformat
    from ipywidgets.widgets.widget import _instances

    total = 0
    for notebook in sorted(root.glob("notebooks/[0-9][0-9]_*.ipynb")):
        workbook = Path(tempfile.mkdtemp()) / "workbook.yaml"
        shutil.copy(root / "examples" / "workbooks" / "priya_data_analyst.yaml", workbook)
        cells = [c.source for c in nbformat.read(notebook, as_version=4).cells
                 if c.cell_type == "code"][1:]  # after the parameters cell
        names = {"workbook": str(workbook), "today": TODAY, "export_dir": None}
        # each notebook has its own kernel: models shared by its inputs are made again there
        shared = getattr(sys.modules.get("career_workbook.widgets.quiet"), "_SHARED", {})
        shared.clear()
        before = len(_instances)
        with contextlib.redirect_stdout(io.StringIO()):
            for source in cells:
                exec(source, names)  # noqa: S102 - the project's own notebooks
        opened = len(_instances) - before
        total += opened
        print(f"{notebook.stem:28} {opened:5d}")
        shutil.rmtree(workbook.parent, ignore_errors=True)
    print(f"{'all eleven':28} {total:5d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
