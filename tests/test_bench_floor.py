"""The chart-matched floor of ``benchmarks/bench_notebooks.py`` (reference rows only): its
chart count comes from the product at run time, and its floor draws what was counted."""

from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib.figure
import pytest

from tests.helpers.bench import bench_module

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "jordan_engineer.yaml"
TODAY = "2026-11-22"


@pytest.fixture(scope="module")
def floor():
    return bench_module("_floor")


def _notebook(floor, path: Path, charts: list[str]) -> Path:
    path = floor.write_notebook(path, [
        "workbook = None\ntoday = None",
        "from career_workbook import widgets as ui\nwb = ui.start(workbook, today=today)",
        *(f"ui.show_chart(wb, {slug!r})" for slug in charts)])
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nb.cells[0].metadata["tags"] = ["parameters"]
    nbformat.write(nb, path)
    return path


def _product_axes(workbook: Path, slug: str) -> int:
    from career_workbook import widgets as ui
    from career_workbook.widgets.display import chart_figure

    fig = chart_figure(ui.start(str(workbook), today=TODAY), slug)
    return sum(ax.get_visible() for ax in fig.axes)


def test_the_count_is_the_products_and_follows_the_notebook(floor, tmp_path):
    workbook = tmp_path / EXAMPLE.name
    shutil.copy2(EXAMPLE, workbook)
    params = {"workbook": str(workbook), "today": TODAY}
    one = floor.charts_drawn(_notebook(floor, tmp_path / "one.ipynb", ["progress"]), params)
    assert one == [_product_axes(workbook, "progress")]
    assert one[0] > 1  # the progress chart has a panel per goal
    two = floor.charts_drawn(
        _notebook(floor, tmp_path / "two.ipynb", ["progress", "wellbeing"]), params)
    assert two == [*one, _product_axes(workbook, "wellbeing")]
    assert workbook.read_bytes() == EXAMPLE.read_bytes()  # counting saves nothing


def test_the_matched_floor_draws_each_counted_figure_with_its_axes(floor, monkeypatch):
    drawn = []
    own = matplotlib.figure.Figure.savefig

    def savefig(fig, *args, **kwargs):
        drawn.append(len(fig.axes))
        return own(fig, *args, **kwargs)

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", savefig)
    shown = []
    import IPython.display

    monkeypatch.setattr(IPython.display, "display",
                        lambda obj, **kw: shown.append(obj.data[:8]) or object())
    namespace: dict = {}
    cells = floor.chart_matched_cells([5, 1, 3])
    for cell in cells[1:3]:  # the DataFrame, then the charts (no widgets: no kernel here)
        exec(cell, namespace)
    assert drawn == [5, 1, 3]
    assert shown == [b"\x89PNG\r\n\x1a\n"] * 3
