"""Motivation and confidence over time: dips worth talking about, and the trend.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import CheckIn, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 1))
>>> wb.check_ins += [CheckIn(date=date(2026, 1, d), motivation=m, confidence=7)
...                  for d, m in [(5, 8), (12, 5), (19, 6)]]
>>> wellbeing_frame(wb, today=date(2026, 1, 31))["dip"].tolist()
[False, True, False]
>>> wellbeing_summary(wb, today=date(2026, 1, 31)).trend
'down'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import pandas as pd

from career_workbook.analysis.period import as_of
from career_workbook.frames import build_frame, check_ins_frame
from career_workbook.model import Workbook

__all__ = [
    "DIP_DROP",
    "DIP_LEVEL",
    "WELLBEING_COLUMNS",
    "WellbeingSummary",
    "wellbeing_frame",
    "wellbeing_summary",
]

DIP_DROP = 2
"""A fall of this many points (or more) since the previous check-in is a dip."""
DIP_LEVEL = 4
"""A score at or below this level is a dip."""
TREND_STEP = 0.5
"""Change in the mean score needed to call the trend 'up' or 'down'."""

WELLBEING_COLUMNS = {
    "date": "date", "motivation": "float", "confidence": "float", "has_setback": "bool",
    "setbacks": "text", "dip": "bool", "motivation_avg": "float", "confidence_avg": "float",
}


def _dips(values: pd.Series) -> pd.Series:
    previous = values.ffill().shift(1)
    return (values <= DIP_LEVEL) | (previous - values >= DIP_DROP)


def wellbeing_frame(wb: Workbook, window: int = 3, *, today: date) -> pd.DataFrame:
    """One row per check-in up to ``today``, by date, with dips flagged and rolling means
    (a check-in dated after ``today`` has not happened yet: left out).

    Columns: ``date``, ``motivation`` and ``confidence`` (1-10, NaN if not given),
    ``has_setback``, ``setbacks`` (text), ``dip`` (motivation or confidence fell by
    ``DIP_DROP`` or more since the last check-in that gave it, or is ``DIP_LEVEL`` or
    lower), ``motivation_avg`` and ``confidence_avg`` (mean over the last ``window``
    check-ins, skipping missing values).
    """
    ci = check_ins_frame(as_of(wb, today))
    dip = _dips(ci["motivation"]) | _dips(ci["confidence"])
    rows = zip(
        ci["date"], ci["motivation"], ci["confidence"], ci["has_setback"], ci["setbacks"],
        dip.astype(bool),
        ci["motivation"].rolling(window, min_periods=1).mean(),
        ci["confidence"].rolling(window, min_periods=1).mean(),
        strict=True,
    )
    return build_frame(rows, WELLBEING_COLUMNS)


@dataclass(frozen=True)
class WellbeingSummary:
    """Latest wellbeing scores and where they are heading.

    Attributes
    ----------
    date : date | None
        Date of the latest check-in.
    motivation, confidence : float
        Latest values given (NaN if never).
    trend : str
        'up' | 'down' | 'steady': the mean of motivation and confidence over the latest
        three check-ins against the three before (or fewer, splitting the last six in
        half); 'steady' when there is too little data to tell.
    n_check_ins, n_dips : int
    last_dip : date | None
    """

    date: date | None
    motivation: float
    confidence: float
    trend: str
    n_check_ins: int
    n_dips: int
    last_dip: date | None


def _latest(series: pd.Series) -> float:
    values = series.dropna()
    return float(values.iloc[-1]) if len(values) else math.nan


def wellbeing_summary(wb: Workbook, window: int = 3, *, today: date) -> WellbeingSummary:
    """Summarise :func:`wellbeing_frame` as of ``today``; see :class:`WellbeingSummary`."""
    frame = wellbeing_frame(wb, window, today=today)
    mood = frame[["motivation", "confidence"]].mean(axis=1).dropna().tolist()[-2 * window:]
    trend = "steady"
    if len(mood) >= 2:
        half = len(mood) // 2
        change = sum(mood[half:]) / len(mood[half:]) - sum(mood[:half]) / half
        if change >= TREND_STEP:
            trend = "up"
        elif change <= -TREND_STEP:
            trend = "down"
    dips = frame.loc[frame["dip"], "date"]
    return WellbeingSummary(
        date=frame["date"].iloc[-1].date() if len(frame) else None,
        motivation=_latest(frame["motivation"]),
        confidence=_latest(frame["confidence"]),
        trend=trend,
        n_check_ins=len(frame),
        n_dips=len(dips),
        last_dip=dips.iloc[-1].date() if len(dips) else None,
    )
