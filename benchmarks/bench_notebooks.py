"""Papermill time of each guided notebook vs an empty notebook (target: <= 2x).

Run: ``.venv/bin/python benchmarks/bench_notebooks.py``. Each notebook is timed right
after a fresh empty-notebook run so both see the same machine load; best of two tries.
Both run exactly as ``career-workbook run`` runs them
(:func:`career_workbook.batch.run_notebook`: quiet kernel logs, no ``MPLBACKEND``).
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


def _execute(source: Path, out: Path, **parameters) -> float:
    start = time.perf_counter()
    run_notebook(source, out, parameters, cwd=NOTEBOOKS)
    return time.perf_counter() - start


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="cw-bench-nb-"))
    empty = tmp / "empty.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, empty)
    workbook = tmp / EXAMPLE.name
    shutil.copy2(EXAMPLE, workbook)
    _execute(empty, tmp / "warm.ipynb")
    print(f"papermill run time per notebook, workbook {EXAMPLE.name} (best of 2)")
    ratios = []
    for stem in STEMS:
        best = None
        for _ in range(2):
            base = _execute(empty, tmp / "empty-out.ipynb")
            took = _execute(NOTEBOOKS / f"{stem}.ipynb", tmp / f"{stem}.ipynb",
                            workbook=str(workbook), today="2026-11-22")
            if best is None or took / base < best[0]:
                best = (took / base, took, base)
        ratios.append(best[0])
        print(f"  {stem:<26} {best[1]:5.2f} s vs empty {best[2]:4.2f} s: {best[0]:4.2f}x")
    print(f"  median ratio {sorted(ratios)[len(ratios) // 2]:.2f}x (target <= 2x)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
