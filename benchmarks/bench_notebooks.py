"""Papermill time of each guided notebook vs an empty notebook (target: <= 2x).

Run: ``.venv/bin/python benchmarks/bench_notebooks.py``. Each notebook is timed right
after a fresh empty-notebook run so both see the same machine load; best of two tries.
Both run exactly as ``career-workbook run`` runs them
(:func:`career_workbook.batch.run_notebook`: quiet kernel logs, no ``MPLBACKEND``).

A *floor* notebook is timed the same way: the least any guided notebook must do with the
product's fixed stack -- ten ipywidgets sliders, one pydantic model, one pandas DataFrame and
one matplotlib chart shown as PNG, nothing of ``career_workbook``. Its ratio is the lowest
a guided notebook could reach on this machine.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from career_workbook.batch import run_notebook  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
EXAMPLE = ROOT / "examples" / "workbooks" / "jordan_engineer.yaml"
STEMS = sorted(p.stem for p in NOTEBOOKS.glob("0*.ipynb"))
TRIES = 2
FLOOR_CELLS = [
    "import ipywidgets as w\n"
    "display(w.VBox([w.IntSlider(description=str(i)) for i in range(10)]))",
    "import pydantic\n"
    "class Goal(pydantic.BaseModel):\n    title: str\n    progress: int\n"
    "Goal(title='Lead a project', progress=40)",
    "import pandas as pd\n"
    "frame = pd.DataFrame({'skill': ['SQL', 'Python'], 'level': [3, 4]})",
    "import io\nfrom IPython.display import Image, display\n"
    "from matplotlib.figure import Figure\n"
    "fig = Figure(figsize=(8, 5))\n"
    "fig.add_subplot().barh(frame['skill'], frame['level'])\n"
    "png = io.BytesIO()\nfig.savefig(png, format='png')\ndisplay(Image(png.getvalue()))",
]


def _execute(source: Path, out: Path, **parameters) -> float:
    start = time.perf_counter()
    run_notebook(source, out, parameters, cwd=NOTEBOOKS)
    return time.perf_counter() - start


def _notebook(path: Path, sources: list[str]) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


def _best(empty: Path, source: Path, out: Path, **parameters) -> tuple[float, float]:
    """(best time of ``source``, best time of the empty notebook), runs interleaved.

    Each is the minimum of its own runs (never the best *ratio*, which would pick the
    empty run that happened to be slow)."""
    took, base = [], []
    for _ in range(TRIES):
        base.append(_execute(empty, out.with_name("empty-out.ipynb")))
        took.append(_execute(source, out, **parameters))
    return min(took), min(base)


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="cw-bench-nb-"))
    empty = _notebook(tmp / "empty.ipynb", ["pass"])
    floor = _notebook(tmp / "floor.ipynb", FLOOR_CELLS)
    workbook = tmp / EXAMPLE.name
    shutil.copy2(EXAMPLE, workbook)
    _execute(empty, tmp / "warm.ipynb")
    print(f"papermill run time per notebook, workbook {EXAMPLE.name} (best of {TRIES})")
    took, base = _best(empty, floor, tmp / "floor-out.ipynb")
    print(f"  {'floor (fixed stack only)':<26} {took:5.2f} s vs empty {base:4.2f} s:"
          f" {took / base:4.2f}x")
    ratios = []
    for stem in STEMS:
        took, base = _best(empty, NOTEBOOKS / f"{stem}.ipynb", tmp / f"{stem}.ipynb",
                           workbook=str(workbook), today="2026-11-22")
        ratios.append(took / base)
        print(f"  {stem:<26} {took:5.2f} s vs empty {base:4.2f} s: {took / base:4.2f}x")
    print(f"  median ratio {sorted(ratios)[len(ratios) // 2]:.2f}x (target <= 2x)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
