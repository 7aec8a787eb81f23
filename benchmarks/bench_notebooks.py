"""Papermill time of each guided notebook against the *floor* notebook (issue 15).

Run: ``PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_notebooks.py``.

Targets: per guided notebook, its time under papermill divided by the floor notebook's,
median <= 1.25x and slowest <= 1.5x, over the ten notebooks ``career-workbook run``
executes (01-10; 00 only creates a workbook and is shown for information).

The *floor* notebook is the issue's, the same one ``bench_browser.py`` runs
(``benchmarks/_floor.py``): the fixed stack and nothing of ``career_workbook``, ten
ipywidgets sliders, one pandas DataFrame and one matplotlib chart shown as a PNG. (Until
the seventh round this bench had a floor of its own, which imported pydantic, the
product's dependency and not the fixed stack, and did not show its DataFrame.)

Every notebook runs exactly as ``career-workbook run`` runs it: papermill's API through
:func:`career_workbook.batch.run_notebook`, kernel ``python3``, quiet kernel logs, no
``MPLBACKEND``, on the example workbook ``jordan_engineer.yaml`` (the full example). This is
papermill's CLI minus its own process start (``papermill in.ipynb out.ipynb -k python3``
imports papermill before starting the same kernel), which would only add the same constant
to both sides and flatter the ratio.

Reference rows only (a proposal, not the issue's targets): each notebook against a
*chart-matched floor*, the floor notebook drawing as many figures, with as many axes each,
as that notebook's charts (counted from the product at run time on the same workbook:
``_floor.charts_drawn``; 09 draws a five-panel progress chart and a one-panel wellbeing
chart), run right after the notebook in the same round.

Each notebook is timed right after the floor (interleaved, so both see the same machine
load), best of ``TRIES`` each. Two figures per notebook: the wall clock (the issue's
measure) and the kernel's CPU time (user + sys of the reaped kernel process, from
``RUSAGE_CHILDREN``), which a busy shared machine disturbs much less.

The package is byte-compiled first, as ``pip install`` does: with
``PYTHONDONTWRITEBYTECODE=1`` in the environment (as here), each kernel would otherwise
compile ``career_workbook`` from source while the floor's libraries come precompiled.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from _floor import chart_matched_cells, charts_drawn, write_notebook  # noqa: E402
from _table import compile_package, row  # noqa: E402

from career_workbook.batch import CLIENT_NOTEBOOKS, NOTEBOOK_ORDER, run_notebook  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
EXAMPLE = ROOT / "examples" / "workbooks" / "jordan_engineer.yaml"
TODAY = "2026-11-22"
TRIES = int(os.environ.get("CW_BENCH_TRIES", "3"))
MEDIAN_TARGET, SLOWEST_TARGET = 1.25, 1.5


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _execute(source: Path, out: Path, **parameters: str) -> tuple[float, float]:
    """(wall seconds, kernel CPU seconds) of one papermill run."""
    cpu, start = _children_cpu(), time.perf_counter()
    run_notebook(source, out, parameters, cwd=NOTEBOOKS)
    return time.perf_counter() - start, _children_cpu() - cpu


def _slowest_cell(executed: Path) -> str:
    """The cell papermill timed longest (``metadata.papermill.duration``), for the log."""
    cells = json.loads(executed.read_text())["cells"]
    timed = [(c["metadata"].get("papermill", {}).get("duration") or 0.0,
              "".join(c["source"]).splitlines()[-1:]) for c in cells
             if c["cell_type"] == "code"]
    took, source = max(timed, key=lambda t: t[0])
    return f"{took:.2f} s in `{(source or [''])[0][:40]}`"


def main() -> int:
    print(compile_package())
    tmp = Path(tempfile.mkdtemp(prefix="cw-bench-nb-"))
    try:
        floor = write_notebook(tmp / "floor.ipynb")
        empty = write_notebook(tmp / "empty.ipynb", ["pass"])
        workbook = tmp / EXAMPLE.name
        shutil.copy2(EXAMPLE, workbook)
        params = {"workbook": str(workbook), "today": TODAY}
        _execute(floor, tmp / "warm.ipynb")  # first kernel start: disk caches
        empty_wall = min(_execute(empty, tmp / "empty-out.ipynb")[0] for _ in range(TRIES))
        print(f"papermill (API, kernel python3) per notebook, workbook {EXAMPLE.name}, best "
              f"of {TRIES}, each beside a floor run; empty notebook {empty_wall:.2f} s; "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"  {'notebook':<26} {'wall':>6} {'floor':>6} {'ratio':>6}   {'CPU':>5} "
              f"{'floor':>5} {'ratio':>5}   slowest cell")
        panels = {stem: charts_drawn(NOTEBOOKS / f"{stem}.ipynb", params)
                  for stem in NOTEBOOK_ORDER}
        walls, cpus, floors, matched = {}, {}, [], {}
        for stem in NOTEBOOK_ORDER:
            twin = write_notebook(tmp / f"floor-{stem}.ipynb", chart_matched_cells(panels[stem]))
            runs = []
            for _ in range(TRIES):
                runs.append((_execute(floor, tmp / "floor-out.ipynb"),
                             _execute(NOTEBOOKS / f"{stem}.ipynb", tmp / f"{stem}.ipynb",
                                      **params),
                             _execute(twin, tmp / "floor-matched-out.ipynb")))
            f_wall, f_cpu = (min(r[0][i] for r in runs) for i in (0, 1))
            n_wall, n_cpu = (min(r[1][i] for r in runs) for i in (0, 1))
            m_wall, m_cpu = (min(r[2][i] for r in runs) for i in (0, 1))
            floors.append((f_wall, f_cpu))
            walls[stem], cpus[stem] = n_wall / f_wall, n_cpu / f_cpu
            matched[stem] = (n_wall / m_wall, n_cpu / m_cpu)
            print(f"  {stem:<26} {n_wall:5.2f}s {f_wall:5.2f}s {walls[stem]:5.2f}x   "
                  f"{n_cpu:4.2f}s {f_cpu:4.2f}s {cpus[stem]:4.2f}x   "
                  f"{_slowest_cell(tmp / f'{stem}.ipynb')}")
            print(f"  {'':<26} chart-matched floor (axes per figure {panels[stem]}): "
                  f"{m_wall:5.2f}s {matched[stem][0]:5.2f}x wall, {m_cpu:4.2f}s "
                  f"{matched[stem][1]:4.2f}x kernel CPU")
        failed = False
        for name, ratios in (("wall clock", walls), ("kernel CPU", cpus)):
            judged = [ratios[s] for s in CLIENT_NOTEBOOKS]
            median, slowest = statistics.median(judged), max(judged)
            worst = max(CLIENT_NOTEBOOKS, key=ratios.get)
            print(f"  {name}: median {median:.2f}x (target <= {MEDIAN_TARGET}x), slowest "
                  f"{slowest:.2f}x ({worst}; target <= {SLOWEST_TARGET}x)")
            row(f"papermill notebook / floor notebook, median of 01-10 ({name})",
                f"<= {MEDIAN_TARGET}x", f"{median:.2f}x", median / MEDIAN_TARGET,
                median <= MEDIAN_TARGET)
            row(f"papermill notebook / floor notebook, slowest ({worst}, {name})",
                f"<= {SLOWEST_TARGET}x", f"{slowest:.2f}x", slowest / SLOWEST_TARGET,
                slowest <= SLOWEST_TARGET)
            if name == "wall clock":
                failed |= median > MEDIAN_TARGET or slowest > SLOWEST_TARGET
        for i, name in enumerate(("wall clock", "kernel CPU")):
            judged = {s: matched[s][i] for s in CLIENT_NOTEBOOKS}
            worst = max(judged, key=judged.get)
            row(f"papermill notebook / chart-matched floor (proposed), median of 01-10 "
                f"({name})", "(reference)", f"{statistics.median(judged.values()):.2f}x",
                0.0, True)
            row(f"papermill notebook / chart-matched floor (proposed), slowest ({worst}, "
                f"{name})", "(reference)", f"{judged[worst]:.2f}x", 0.0, True)
        f_wall = statistics.median(f for f, _ in floors)
        f_cpu = statistics.median(c for _, c in floors)
        row("floor notebook under papermill (wall; kernel CPU)", "(reference)",
            f"{f_wall:.2f} s; {f_cpu:.2f} s", 0.0, True)
        print(f"  floor notebook: median {f_wall:.2f} s wall, {f_cpu:.2f} s kernel CPU; "
              f"load average now {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
