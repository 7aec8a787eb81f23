"""The pack benchmark's floors (``benchmarks/_pack_floor.py``): what each one draws.

The *floor* draws each chart once, as one PNG; the *vector floor* also draws each chart
once as a bare vector PDF page. Both must do exactly that (no second layout, no extra
draw), or the pack's ratios to them in ``bench_pack_cpu.py`` would mean nothing.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from pypdf import PdfReader

from career_workbook import charts
from tests.helpers.bench import bench_module
from tests.test_export import small_workbook

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-22"


def _floor_module():
    return bench_module('_pack_floor')


@pytest.fixture
def draws(monkeypatch):
    """Count PNG draws, PDF pages and constrained layouts."""
    counts: Counter = Counter()
    savefig, pdf_savefig = Figure.savefig, PdfPages.savefig
    execute = ConstrainedLayoutEngine.execute

    def spy(fig, fname, *args, **kwargs):
        counts[kwargs.get("format")] += 1
        return savefig(fig, fname, *args, **kwargs)

    def pdf_spy(pdf, figure=None, **kwargs):
        counts["pdf page"] += 1
        return pdf_savefig(pdf, figure, **kwargs)

    def layout_spy(engine, fig):
        counts["layout"] += 1
        return execute(engine, fig)

    monkeypatch.setattr(Figure, "savefig", spy)
    monkeypatch.setattr(PdfPages, "savefig", pdf_spy)
    monkeypatch.setattr(ConstrainedLayoutEngine, "execute", layout_spy)
    return counts


def test_vector_floor_adds_one_bare_vector_page_per_chart_and_nothing_else(tmp_path, draws):
    ws = tmp_path / "ws"
    ws.mkdir()
    small_workbook(ws / "sam.yaml")
    floor = _floor_module()
    n = len(charts.CHARTS)

    floor.main(str(ws), str(tmp_path / "floor"), TODAY)
    assert draws == Counter({"rgba": n, "layout": n})  # one layout, one PNG draw each
    assert not list((tmp_path / "floor").rglob("*.pdf"))

    draws.clear()
    floor.main(str(ws), str(tmp_path / "vector"), TODAY, "vector")
    # one layout each, kept for both formats; one PNG draw and one PDF page draw each
    assert draws == Counter({"rgba": n, "pdf page": n, "pdf": n, "layout": n})
    pngs = sorted(p.name for p in (tmp_path / "vector" / "sam").glob("*.png"))
    assert pngs == sorted(f"{slug}.png" for slug in charts.CHARTS)
    for name in pngs:  # the vector floor's PNGs are the floor's, byte for byte
        assert ((tmp_path / "vector" / "sam" / name).read_bytes()
                == (tmp_path / "floor" / "sam" / name).read_bytes())
    reader = PdfReader(tmp_path / "vector" / "sam" / "review.pdf")
    assert len(reader.pages) == n
    # Sam's target role, "Data Analyst", names the catalog profile the charts measure with
    assert "Biggest gap to the Data Analyst profile: SQL" in reader.pages[
        list(charts.CHARTS).index("skill_gaps")].extract_text()
