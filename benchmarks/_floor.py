"""The *floor notebook* of issue 15, one definition for every bench that measures against it.

The fixed stack only and no product code: ten ipywidgets sliders, one pandas DataFrame and
one matplotlib chart shown as a PNG (with a button that redraws it, which
``bench_browser.py save`` clicks). ``bench_browser.py`` (Run All, save, app) and
``bench_notebooks.py`` (papermill) run this same notebook. Nothing outside the fixed stack
is imported: pydantic, which every guided notebook loads, is the product's dependency, so
its import counts against the product and not in the floor.
"""

from __future__ import annotations

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


def write_notebook(path: Path, cells: list[str] = CELLS) -> Path:
    """Write a notebook of ``cells`` (default: the floor's) for kernel ``python3``; return
    ``path``."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path
