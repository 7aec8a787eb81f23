"""Kernel CPU of a save that redraws charts: notebook 05's role change, in a real kernel.

Run: ``PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_save_cpu.py [--workbook STEM]
[--saves N]``. An ipykernel is started (as JupyterLab starts it: its heap is a notebook's)
on a copy of an example workbook; notebook 05's cells run as they are, then "Use this role"
is clicked ``N`` times, the role alternating between two profiles (each adds its skills,
so the gaps, radar and readiness charts are redrawn, as in ``bench_browser.py save``).
Printed, from inside the kernel: each save's CPU time (``time.process_time`` around the
click: saving, reloading, every chart redrawn and its PNG sent), and the garbage
collections during the saves (full ones apart). Not part of ``make bench``: the browser's
"Save -> chart" row is the target; this is its kernel CPU without the browser, to compare
two trees at the same load (run them interleaved).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r'''
import gc, statistics, time
import ipywidgets as W
_all = [w for w in W.widgets.widget._instances.values()] if hasattr(
    W.widgets.widget, "_instances") else list(W.Widget.widgets.values())
_role = next(w for w in _all if isinstance(w, W.Dropdown)
             and str(w.options[0][0]).startswith("None — use my own targets"))
_use = next(w for w in _all if isinstance(w, W.Button) and w.description == "Use this role")
_ids = [v for _, v in _role.options if v]
_gcs = []
def _timing(phase, info):
    if phase == "start":
        _timing.t = time.process_time()
    else:
        _gcs.append((info["generation"], time.process_time() - _timing.t))
gc.callbacks.append(_timing)
_rows = []
for _i in range(SAVES + 1):  # the first save (not counted) works out what the charts showed
    _role.value = _ids[_i % 2 + 1]
    _gcs.clear()
    _t = time.process_time()
    _use.click()
    _cpu = time.process_time() - _t
    if _i:
        _rows.append((_cpu, [x for g, x in _gcs if g == 2], sum(x for _, x in _gcs)))
gc.callbacks.remove(_timing)
_full = [x for _, xs, _ in _rows for x in xs]
print("saves (ms):", " ".join(f"{c * 1000:.0f}" for c, _, _ in _rows))
print(f"median {statistics.median(c for c, _, _ in _rows) * 1000:.0f} ms CPU a save; "
      f"garbage collection {sum(a for _, _, a in _rows) * 1000 / len(_rows):.1f} ms a save "
      f"on average, of it {len(_full)} full collection(s) in {len(_rows)} saves"
      + (f" ({statistics.mean(_full) * 1000:.0f} ms each)" if _full else ""))
'''


def main(argv: list[str]) -> int:
    import nbformat
    from jupyter_client.manager import start_new_kernel

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbook", default="priya_data_analyst",
                        help="stem of an example workbook (default: the browser bench's)")
    parser.add_argument("--saves", type=int, default=8)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="cw-bench-save-"))
    workbook = work / "workbook.yaml"
    shutil.copy(ROOT / "examples" / "workbooks" / f"{args.workbook}.yaml", workbook)
    env = dict(os.environ, MPLBACKEND="agg",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT),
                                                        os.environ.get("PYTHONPATH")])))
    km, kc = start_new_kernel(kernel_name="python3", env=env, cwd=str(ROOT / "notebooks"))

    def run(code: str) -> list[str]:
        said: list[str] = []

        def hook(msg: dict) -> None:
            if msg["msg_type"] == "stream":
                said.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                said.append(f"ERROR {msg['content']['ename']}: {msg['content']['evalue']}")

        kc.execute_interactive(code, output_hook=hook, timeout=600)
        return said

    try:
        notebook = nbformat.read(ROOT / "notebooks" / "05_skill_gap.ipynb", as_version=4)
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            source = cell.source
            if "parameters" in cell.metadata.get("tags", []):
                source = (f"workbook = {str(workbook)!r}\ntoday = '2026-11-22'\n"
                          "export_dir = None")
            errors = [s for s in run(source) if s.startswith("ERROR")]
            if errors:
                print(f"notebook 05 failed: {errors[0]}", file=sys.stderr)
                return 1
        load = os.getloadavg()
        print(f"notebook 05 on {args.workbook}, {args.saves} role changes; load average "
              f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; code {ROOT}")
        print("".join(run(PROBE.replace("SAVES", str(args.saves)))), end="")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
