"""A network frame for charts: many contacts packed along each row."""

from __future__ import annotations

import numpy as np
import pandas as pd

from career_workbook.analysis.network import NETWORK_COLUMNS
from career_workbook.frames import build_frame
from career_workbook.model import RELATIONSHIPS


def dense_network(n: int = 120, seed: int = 3) -> pd.DataFrame:
    """``n`` contacts spread over 900 days, every third one overdue: on a chart, names
    drawn over dots (as in ``benchmarks/heavy_workbooks.py``'s heavy workbook)."""
    rng = np.random.default_rng(seed)
    rows = [dict(
        contact_id=f"c{i}", person=i, name=f"Contact {i:03d}",
        relationship=RELATIONSHIPS[i % 6], organisation="", last_contact=None,
        days_since=float(rng.uniform(0, 900)), next_follow_up=pd.Timestamp("2026-12-01"),
        overdue=i % 3 == 0, days_overdue=float(i), strength=1 + i % 5) for i in range(n)]
    return build_frame([tuple(r.get(c) for c in NETWORK_COLUMNS) for r in rows], NETWORK_COLUMNS)
