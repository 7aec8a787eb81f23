"""The *floor notebook* of issue 15, one definition for every bench that measures against it.

The fixed stack only and no product code: ten ipywidgets sliders, one pandas DataFrame and
one matplotlib chart shown as a PNG (with a button that redraws it, which
``bench_browser.py save`` clicks). ``bench_browser.py`` (Run All, save, app) and
``bench_notebooks.py`` (papermill) run this same notebook. Nothing outside the fixed stack
is imported: pydantic, which every guided notebook loads, is the product's dependency, so
its import counts against the product and not in the floor.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import nbformat

CELLS = [
    "import ipywidgets as w\n"
    "w.VBox([w.IntSlider(description=f'Slider {i}') for i in range(10)])",
    "import pandas as pd\n"
    "frame = pd.DataFrame({'skill': ['SQL', 'Python', 'Statistics'], 'level': [3, 4, 2]})\n"
    "frame",
    "import io\nfrom IPython.display import Image, display\n"
    "from matplotlib.figure import Figure\n"
    "def chart_png(levels):\n"
    "    fig = Figure(figsize=(8, 5))\n"
    "    fig.add_subplot().barh(frame['skill'], levels)\n"
    "    png = io.BytesIO()\n    fig.savefig(png, format='png')\n    return png.getvalue()\n"
    "chart = display(Image(chart_png(frame['level'])), display_id=True)",
    "redraw = w.Button(description='Redraw the chart')\n"
    "redraw.on_click(lambda b: chart.update(Image(chart_png([len(b.description) % 5 + 1,"
    " 2, 3]))) or setattr(b, 'description', b.description + '.'))\n"
    "redraw",
]
"""The floor notebook's code cells."""


def chart_matched_cells(panels: Sequence[int]) -> list[str]:
    """The floor's cells, its chart cell drawing one figure per entry of ``panels`` with
    that many axes (the same bar chart in each, on a grid of two columns from two panels
    on), each shown as a PNG: the fixed stack drawing as many figures and axes as a guided
    notebook's charts (:func:`charts_drawn`). The redraw button redraws the first.

    >>> cells = chart_matched_cells([5, 1])
    >>> cells[:2] == CELLS[:2] and cells[3] == CELLS[3]
    True
    >>> "PANELS = [5, 1]" in cells[2]
    True
    """
    chart = (
        "import io\nfrom IPython.display import Image, display\n"
        "from matplotlib.figure import Figure\n"
        f"PANELS = {[int(n) for n in panels]!r}\n"
        "def chart_png(levels, panels=1):\n"
        "    fig = Figure(figsize=(8, 5))\n"
        "    cols = 1 if panels == 1 else 2\n"
        "    for i in range(panels):\n"
        "        fig.add_subplot(-(-panels // cols), cols, i + 1).barh(frame['skill'], levels)\n"
        "    png = io.BytesIO()\n    fig.savefig(png, format='png')\n    return png.getvalue()\n"
        "shown = [display(Image(chart_png(frame['level'], n)), display_id=True) for n in PANELS]\n"
        "chart = shown[0] if shown else None")
    return [CELLS[0], CELLS[1], chart, CELLS[3]]


def _record_charts(notebook: Path, parameters: Mapping[str, object]) -> list[int]:
    """Run ``notebook``'s code cells in this process, as papermill would (``parameters``
    assigned after its parameters cell), and return the number of axes of each figure the
    product turns into a PNG (``career_workbook.export.figure_png``: every chart a guided
    notebook shows), in order."""
    from career_workbook import export

    drawn: list[int] = []
    own = export.figure_png

    def record(fig, *args, **kwargs):
        drawn.append(sum(ax.get_visible() for ax in fig.axes))
        return own(fig, *args, **kwargs)

    export.figure_png = record
    try:
        namespace: dict = {"__name__": "__main__"}
        for cell in nbformat.read(notebook, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            exec(compile(cell.source, str(notebook), "exec"), namespace)
            if "parameters" in cell.metadata.get("tags", []):
                namespace.update(parameters)
    finally:
        export.figure_png = own
    return drawn


def charts_drawn(notebook: Path, parameters: Mapping[str, object]) -> list[int]:
    """The axes of each figure ``notebook`` shows as a PNG when run with ``parameters``,
    counted from the product at run time (:func:`_record_charts`, in a fresh Python
    process started in the notebook's folder, as papermill runs it): a notebook that
    draws another chart, or a chart drawn with more panels, changes the count."""
    out = subprocess.run(
        [sys.executable, __file__, str(Path(notebook).resolve()), json.dumps(dict(parameters))],
        cwd=Path(notebook).resolve().parent, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def write_notebook(path: Path, cells: list[str] = CELLS) -> Path:
    """Write a notebook of ``cells`` (default: the floor's) for kernel ``python3``; return
    ``path``."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


if __name__ == "__main__":
    print(json.dumps(_record_charts(Path(sys.argv[1]), json.loads(sys.argv[2]))))
