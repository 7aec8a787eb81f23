"""The analysis benchmark's calls (``benchmarks/bench_analysis.py``) still match the API.

``make bench`` is not part of ``make test``; without this, a changed signature in
``analysis`` breaks the benchmark unnoticed (as ``today`` becoming required once did).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import yaml

from career_workbook.catalog import load_catalog
from career_workbook.model import new_workbook, validate_workbook
from tests.helpers.bench import bench_module

ROOT = Path(__file__).resolve().parents[1]


def _bench_module():
    return bench_module('bench_analysis')


def test_every_step_runs_on_a_new_and_an_example_workbook():
    bench = _bench_module()
    example = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"))[0]
    full = validate_workbook(yaml.safe_load(example.read_text(encoding="utf-8")), path=example)
    for wb in (new_workbook("Ana"), full):
        role = load_catalog().find_role(wb.person.target_role)
        calls = bench.steps(wb, date(2026, 11, 22), role)
        assert len(calls) >= 15
        results = {name: call() for name, call in calls.items()}
        frames = [r for r in results.values() if isinstance(r, pd.DataFrame)]
        assert len(frames) >= 10
