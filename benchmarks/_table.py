"""One row of the benchmark table: each ``bench_*.py`` prints rows, ``run_all.py`` collects.

A row is one line ``@@row {json}`` on stdout: the figure, its target, the measured value
and the ratio measured / target (at most 1 is met for an upper bound; for a lower bound
the ratio is target / measured, so again at most 1 is met).
"""

from __future__ import annotations

import compileall
import json
import os
from pathlib import Path

PREFIX = "@@row "
PACKAGE = Path(__file__).resolve().parents[1] / "career_workbook"


def compile_package() -> str:
    """Write the package's bytecode, as ``pip install`` does for every installed wheel (and
    Python on a first import): where ``PYTHONDONTWRITEBYTECODE`` is set (it is on the
    benchmark machines), every kernel and ``career-workbook`` process would otherwise
    compile the package's source at each import, which no person's install does, while
    the libraries it is compared with (the floors' pandas, matplotlib, ipywidgets) are
    compiled. Returns a line saying so."""
    ok = compileall.compile_dir(str(PACKAGE), quiet=1)
    flag = os.environ.get("PYTHONDONTWRITEBYTECODE")
    return (f"career_workbook bytecode {'written' if ok else 'NOT all written'} "
            f"(compileall, as pip install does; PYTHONDONTWRITEBYTECODE={flag or 'unset'})")


def row(figure: str, target: str, measured: str, ratio: float, met: bool) -> None:
    """Print one table row (``ratio``: how far from the target, <= 1 when met)."""
    print(PREFIX + json.dumps({"figure": figure, "target": target, "measured": measured,
                               "ratio": round(ratio, 3), "met": bool(met)}), flush=True)
