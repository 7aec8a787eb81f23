"""Where a guided notebook's kernel time goes, cell by cell, against the floor notebook.

Runs the floor notebook (:mod:`_floor`) and each guided notebook asked for in fresh
ipykernels (``jupyter_client``, the kernel JupyterLab starts), one notebook after the other
in every round (so a busy spell of the machine falls on all of them alike), and prints for
each code cell the median over the rounds of

- the kernel's CPU time for the cell (``time.process_time`` read in the kernel just before
  and just after it: what the issue's "kernel CPU" counts, whatever else runs on the machine),
- the wall time from sending the cell to its idle message (what a person waits, Run All),
- the number of iopub messages the cell sent (outputs, widget models, updates).

The parameters cell gets a copy of ``--workbook``, ``today = '2026-11-22'`` and no export
folder. ``--prelude`` first imports the fixed stack and the package's modules (not timed):
each cell then shows its own work, not the imports it happens to be the first to make.
``--profile TEXT`` writes a cProfile of the cells containing TEXT (the last round's) to
``--profile-out``.

Run: ``PYTHONPATH=$PWD .venv/bin/python benchmarks/kernel_cells.py [--runs 5] [--prelude]
[NN ...]`` (NN: notebook numbers, default the median and slowest ones: 01 04 06 07 08 09).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-22"
PRELUDE = (
    "import ipywidgets, pandas, numpy, matplotlib.figure, matplotlib.backends.backend_agg, "
    "PIL.Image, IPython.display, pydantic, yaml\n"
    "import career_workbook.model, career_workbook.widgets.fields, career_workbook.charts, "
    "career_workbook.analysis.smart")
"""What ``--prelude`` imports before the first cell (the stack and the package's big modules)."""

Cell = tuple[float, float, int]
"""One cell of one run: kernel CPU ms, wall ms, iopub messages."""


def medians(runs: Sequence[Sequence[Cell]]) -> list[Cell]:
    """The median of each cell's figures over ``runs`` (each a list of one run's cells).

    >>> medians([[(10.0, 12.0, 3), (5.0, 6.0, 8)], [(14.0, 15.0, 3), (7.0, 9.0, 8)],
    ...          [(12.0, 30.0, 3), (6.0, 6.0, 9)]])
    [(12.0, 15.0, 3), (6.0, 6.0, 8)]
    """
    return [(statistics.median(r[i][0] for r in runs), statistics.median(r[i][1] for r in runs),
             int(statistics.median(r[i][2] for r in runs))) for i in range(len(runs[0]))]


def row(name: str, cells: Sequence[Cell], floor_cpu: float | None) -> str:
    """One line of the table: each cell as ``cpu/wall/messages``, the totals and the CPU
    ratio to the floor's total.

    >>> row("09", [(8.0, 5.0, 3), (160.4, 170.0, 8)], 84.2)
    '09  8/5/3 | 160/170/8  cpu 168 ms  wall 175 ms  2.00x floor'
    """
    cpu, wall = sum(c[0] for c in cells), sum(c[1] for c in cells)
    ratio = f"  {cpu / floor_cpu:.2f}x floor" if floor_cpu else ""
    return (f"{name:3s} " + " | ".join(f"{c:.0f}/{w:.0f}/{n}" for c, w, n in cells)
            + f"  cpu {cpu:.0f} ms  wall {wall:.0f} ms" + ratio)


def notebook_cells(notebook: Path, workbook: Path) -> list[str]:
    """The code cells of ``notebook``, its parameters cell set to a copy of ``workbook``."""
    cells = ["".join(c["source"]) for c in json.loads(notebook.read_text())["cells"]
             if c["cell_type"] == "code"]
    copy = Path(tempfile.mkdtemp()) / "workbook.yaml"
    shutil.copy(workbook, copy)
    cells[0] = f"workbook = {str(copy)!r}\ntoday = {TODAY!r}\nexport_dir = None"
    return cells


def run_cells(cells: Sequence[str], *, prelude: str = "", profile: str = "",
              profile_out: str = "") -> list[Cell]:
    """Each cell's kernel CPU ms, wall ms and iopub messages, in a fresh kernel."""
    import time

    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3", cwd=str(ROOT / "notebooks"))

    def run(code: str) -> tuple[str, int]:
        msg_id, out, sent = kc.execute(code), "", 0
        while True:
            msg = kc.get_iopub_msg(timeout=120)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            sent += 1
            if msg["msg_type"] == "stream":
                out += msg["content"]["text"]
            if msg["msg_type"] == "error":
                raise RuntimeError(f"{msg['content']['ename']}: {msg['content']['evalue']}")
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return out, sent

    try:
        run("import time as _kc_t")
        if prelude:
            run(prelude)
        found = []
        for code in cells:
            if profile and profile in code:
                code = ("import cProfile as _kc_cp\n_kc_p = _kc_cp.Profile()\n_kc_p.enable()\n"
                        f"{code}\n_kc_p.disable()\n_kc_p.dump_stats({profile_out!r})")
            before = float(run("print(_kc_t.process_time())")[0])
            start = time.perf_counter()
            _, sent = run(code)
            wall = time.perf_counter() - start
            after = float(run("print(_kc_t.process_time())")[0])
            found.append(((after - before) * 1000, wall * 1000, sent))
        return found
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", default=["01", "04", "06", "07", "08", "09"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workbook", type=Path,
                        default=ROOT / "examples" / "workbooks" / "jordan_engineer.yaml")
    parser.add_argument("--prelude", action="store_true")
    parser.add_argument("--profile", default="")
    parser.add_argument("--profile-out", default="kernel_cells.prof")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import _floor
    from _table import compile_package

    # as the other benchmarks do: with PYTHONDONTWRITEBYTECODE set, a tree without (or
    # with stale) bytecode made every kernel compile the package again, ~65 ms of the start
    # cell's CPU that no installed copy pays
    print(compile_package())

    named = {"floor": list(_floor.CELLS)}
    for number in args.notebooks:
        (path,) = sorted((ROOT / "notebooks").glob(f"{number}_*.ipynb"))
        named[number] = notebook_cells(path, args.workbook)
    prelude = PRELUDE if args.prelude else ""
    found: dict[str, list[list[Cell]]] = {name: [] for name in named}
    for _ in range(args.runs):
        for name, cells in named.items():
            found[name].append(run_cells(cells, prelude=prelude, profile=args.profile,
                                         profile_out=os.path.abspath(args.profile_out)))
    floor = medians(found["floor"])
    floor_cpu = sum(c[0] for c in floor)
    print(f"kernel CPU / wall ms / iopub messages per cell, medians of {args.runs} fresh "
          f"kernels{' after the prelude' if prelude else ''}; workbook {args.workbook.name}")
    for name, runs in found.items():
        print(row(name, medians(runs), floor_cpu))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
