"""What a review pack costs next to drawing its charts alone (median of 3 runs per workbook).

Run: ``python benchmarks/bench_pack.py``. For each workbook in ``examples/workbooks/``:

- *charts alone*: ``make_figures`` (analysis + every chart of ``charts.CHARTS``) and each
  figure rendered once to PNG at the pack's resolution (``export.PACK_DPI``) in memory,
  with ``export.figure_png`` (one layout pass, one draw: the way the pack renders);
- *plain savefig*: the same, but with a plain ``fig.savefig(..., format="png")`` in the
  house style (matplotlib lays the figure out and draws it twice), for reference;
- *charts in the pack's formats*: the same figures rendered as the pack renders each
  chart -- PNG, SVG and a vector PDF page -- in memory, with nothing else (no cover, tables,
  HTML or files). It is the least a pack could cost: with the *charts alone* baseline above,
  ``this / charts alone`` is the lowest ``pack / charts alone`` ratio any pack holding
  vector copies of its charts can reach;
- *pack*: ``export.build_pack`` with the default formats (PNG + SVG per chart, the
  multi-page PDF and the self-contained HTML), written to a temporary folder.

Prints the times (wall clock, and CPU time of this process, which a busy machine disturbs
less) and the pack's ratio to each baseline. Exits with status 1 when there is no example workbook.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import career_workbook as cw  # noqa: E402
from career_workbook.catalog import load_catalog, resolve_role  # noqa: E402
from career_workbook.charts import house_style  # noqa: E402
from career_workbook.export import PACK_DPI, build_pack, figure_png  # noqa: E402
from career_workbook.export.files import figure_bytes, frozen_layout  # noqa: E402
from career_workbook.export.pdf import write_pdf  # noqa: E402
from career_workbook.figures import make_figures  # noqa: E402

RUNS = 3
TODAY = date(2026, 11, 22)


def timed(func: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def _figures(path: Path) -> dict:
    """Every chart of the workbook at ``path`` (load, role, analysis and drawing)."""
    wb = cw.load(path)
    return make_figures(wb, today=TODAY, role=resolve_role(wb, load_catalog()))


def charts_alone(path: Path) -> None:
    for slug, fig in _figures(path).items():
        assert figure_png(fig, dpi=PACK_DPI).startswith(b"\x89PNG"), slug


def charts_all_formats(path: Path) -> None:
    with contextlib.ExitStack() as frozen, write_pdf(io.BytesIO()) as pdf:
        for fig in _figures(path).values():
            frozen.enter_context(frozen_layout(fig, PACK_DPI))
            figure_bytes(fig, "png", dpi=PACK_DPI)
            figure_bytes(fig, "svg")
            pdf.savefig(fig)


def plain_savefig(path: Path) -> None:
    with house_style():
        for slug, fig in _figures(path).items():
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=PACK_DPI, bbox_inches=None)
            assert buf.getvalue().startswith(b"\x89PNG"), slug


def main() -> int:
    paths = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"))
    if not paths:
        print("no example workbooks in examples/workbooks/")
        return 1
    with tempfile.TemporaryDirectory() as out:
        charts_alone(paths[0])  # warm-up: imports, fonts, catalog
        build_pack(paths[0], out, today=TODAY)
        print(f"review pack vs its charts alone (PNG at {PACK_DPI} dpi); median of {RUNS} runs;"
              " ms of CPU time (wall clock in brackets)")
        print(f"{'workbook':22s}{'charts alone':>16s}{'plain savefig':>16s}{'3 formats':>16s}"
              f"{'pack':>16s}{'pack/alone':>11s}{'3fmt/alone':>11s}{'pack/3fmt':>10s}")
        for path in paths:
            runs = {
                name: [timed(lambda p=path, f=func: f(p)) for _ in range(RUNS)]
                for name, func in (("alone", charts_alone), ("plain", plain_savefig),
                                   ("formats", charts_all_formats),
                                   ("pack", lambda p: build_pack(p, out, today=TODAY)))
            }
            wall = {k: statistics.median(r[0] for r in v) for k, v in runs.items()}
            cpu = {k: statistics.median(r[1] for r in v) for k, v in runs.items()}
            cells = "".join(f" {cpu[k] * 1000:6.0f} ({wall[k] * 1000:5.0f})"
                            for k in ("alone", "plain", "formats", "pack"))
            print(f"{path.stem:22s}{cells} {cpu['pack'] / cpu['alone']:9.2f}x"
                  f" {cpu['formats'] / cpu['alone']:9.2f}x {cpu['pack'] / cpu['formats']:8.2f}x")
        print("target: a pack costs at most 1.5x its charts alone (reported, not enforced:"
              " timings on a busy machine vary by +-20%); 3fmt/alone is the lowest pack/alone"
              " a pack with PNG + SVG + vector PDF copies of its charts can have")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
