"""``benchmarks/kernel_cells.py``: the per-cell kernel table's sums and parameters (no kernel
started here; the runs themselves are a benchmark, not a test)."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

from tests.helpers.bench import bench_module

ROOT = Path(__file__).resolve().parents[1]


def _module():
    return bench_module('kernel_cells')


def test_its_examples_hold():
    result = doctest.testmod(_module())
    assert result.attempted >= 2 and result.failed == 0


def test_the_parameters_cell_gets_a_copy_of_the_workbook_and_the_fixed_day(tmp_path):
    kc = _module()
    workbook = tmp_path / "mine.yaml"
    workbook.write_text("schema_version: 1\n")
    notebook = ROOT / "notebooks" / "09_progress_review.ipynb"
    cells = kc.notebook_cells(notebook, workbook)
    code = [c for c in json.loads(notebook.read_text())["cells"] if c["cell_type"] == "code"]
    assert len(cells) == len(code) and cells[1:] == ["".join(c["source"]) for c in code[1:]]
    names: dict = {}
    exec(cells[0], names)
    copy = Path(names["workbook"])
    assert copy != workbook and copy.read_text() == workbook.read_text()
    assert names["today"] == kc.TODAY and names["export_dir"] is None


def test_the_table_counts_the_cells_of_every_run():
    kc = _module()
    runs = [[(10.0, 20.0, 3), (100.0, 90.0, 40)], [(30.0, 10.0, 5), (80.0, 95.0, 41)]]
    assert kc.medians(runs) == [(20.0, 15.0, 4), (90.0, 92.5, 40)]
    assert kc.row("06", kc.medians(runs), 55.0).endswith("cpu 110 ms  wall 108 ms  2.00x floor")


def test_the_package_is_byte_compiled_before_any_kernel_starts(monkeypatch, capsys):
    """Without it, a tree with no (or stale) bytecode under PYTHONDONTWRITEBYTECODE had
    every kernel compile the package's source again: ~65 ms more CPU in the start cell
    than an installed copy pays (the other benchmarks compiled it already)."""
    kc = _module()
    started = []

    def fake_run(cells, **_options):
        started.append(capsys.readouterr().out)  # what was printed before this kernel
        return [(1.0, 1.0, 1) for _ in cells]

    monkeypatch.setattr(kc, "run_cells", fake_run)
    assert kc.main(["--runs", "1", "09"]) == 0
    assert started and "career_workbook bytecode written" in started[0]
