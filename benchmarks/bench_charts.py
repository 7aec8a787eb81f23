"""How long drawing every chart of a workbook takes (median of 3 runs per workbook).

Run: ``python benchmarks/bench_charts.py``. For each workbook in ``examples/workbooks/``,
computes the analysis frames and draws every chart of :data:`career_workbook.charts.CHARTS`
(through :func:`career_workbook.figures.make_figures`, as a notebook or a review pack
does), then renders each figure as a PNG at 100 dpi into memory, in the house style.
Prints, per workbook, the median total in ms, the share spent rendering and the slowest
chart. Exits with status 1 when there is no example workbook.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import career_workbook as cw  # noqa: E402
from career_workbook.catalog import load_catalog, resolve_role  # noqa: E402
from career_workbook.charts import CHARTS, house_style  # noqa: E402
from career_workbook.figures import make_figures  # noqa: E402

RUNS = 3
DPI = 100
TODAY = date(2026, 11, 22)


def render_all(wb: cw.Workbook, role: object) -> tuple[float, float, dict[str, float]]:
    """Draw and render every chart once: (total s, rendering s, seconds per chart)."""
    start = time.perf_counter()
    figs = make_figures(wb, today=TODAY, role=role)
    drawn = time.perf_counter()
    per_chart: dict[str, float] = {}
    with house_style():
        for slug, fig in figs.items():
            t = time.perf_counter()
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=DPI)
            assert buf.getvalue().startswith(b"\x89PNG"), slug
            per_chart[slug] = time.perf_counter() - t
    end = time.perf_counter()
    return end - start, end - drawn, per_chart


def main() -> int:
    paths = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"))
    if not paths:
        print("no example workbooks in examples/workbooks/")
        return 1
    catalog = load_catalog()
    render_all(cw.load(paths[0]), None)  # warm-up: imports, fonts, style
    print(f"charts per workbook: {len(CHARTS)}; PNG at {DPI} dpi; median of {RUNS} runs")
    for path in paths:
        wb = cw.load(path)
        role = resolve_role(wb, catalog)
        runs = [render_all(wb, role) for _ in range(RUNS)]
        total = statistics.median(r[0] for r in runs)
        rendering = statistics.median(r[1] for r in runs)
        slowest = max(CHARTS, key=lambda s: statistics.median(r[2][s] for r in runs))
        slow_ms = statistics.median(r[2][slowest] for r in runs) * 1000
        print(f"{path.stem:24s} {total * 1000:7.0f} ms  (rendering {rendering / total:4.0%}; "
              f"slowest: {slowest} {slow_ms:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
