"""One row of the benchmark table: each ``bench_*.py`` prints rows, ``run_all.py`` collects.

A row is one line ``@@row {json}`` on stdout: the figure, its target, the measured value
and the ratio measured / target (at most 1 is met for an upper bound; for a lower bound
the ratio is target / measured, so again at most 1 is met).
"""

from __future__ import annotations

import json

PREFIX = "@@row "


def row(figure: str, target: str, measured: str, ratio: float, met: bool) -> None:
    """Print one table row (``ratio``: how far from the target, <= 1 when met)."""
    print(PREFIX + json.dumps({"figure": figure, "target": target, "measured": measured,
                               "ratio": round(ratio, 3), "met": bool(met)}), flush=True)
