"""Widget models each guided notebook opens on a full example workbook (kernel side).

Each model is a message from the kernel and a model and view the page builds. Runs every
notebook's cells after its parameters in this process, as the kernel would, and counts
the ipywidgets instances each one leaves open.

``--kinds`` adds, under each notebook, the models it opened by class and how many of them
are boxes holding a single widget (a box only a layout needs: where a fold would save a
model; 01 on a full example: 18 of 101, each field's row around its input alone).

Run: ``.venv/bin/python benchmarks/count_widget_models.py [--kinds] [TREE]`` (TREE: a
checkout of this project, default this one; compare two trees by running it on each).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

os.environ.setdefault("MPLBACKEND", "Agg")
TODAY = "2026-11-22"


def kinds(opened: Iterable[Any]) -> str:
    """The widget models ``opened`` by class, most first, then the boxes among them that
    hold one widget.

    >>> import ipywidgets as w
    >>> text = w.Text()
    >>> print(kinds([text, w.HBox([text]), w.VBox([w.HTML(), w.HTML()]), w.HBox([])]))
    HBox 2, Text 1, VBox 1; boxes holding one widget: 1
    >>> print(kinds([]))
    nothing; boxes holding one widget: 0
    """
    opened = list(opened)
    counts = Counter(type(w).__name__ for w in opened)
    by_class = ", ".join(f"{name} {n}" for name, n in
                         sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    single = sum(1 for w in opened if len(getattr(w, "children", ())) == 1)
    return f"{by_class or 'nothing'}; boxes holding one widget: {single}"


def main(argv: list[str]) -> int:
    show_kinds = "--kinds" in argv
    argv = [a for a in argv if a != "--kinds"]
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
        before = set(_instances)
        with contextlib.redirect_stdout(io.StringIO()):
            for source in cells:
                exec(source, names)  # noqa: S102 - the project's own notebooks
        made = [w for key, w in list(_instances.items()) if key not in before]
        opened = len(made)
        total += opened
        print(f"{notebook.stem:28} {opened:5d}")
        if show_kinds:
            print(f"    {kinds(made)}")
        shutil.rmtree(workbook.parent, ignore_errors=True)
    print(f"{'all eleven':28} {total:5d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
