"""analysis.wellbeing: dips, rolling means and the trend."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from career_workbook.analysis.wellbeing import (
    WELLBEING_COLUMNS,
    wellbeing_frame,
    wellbeing_summary,
)
from career_workbook.model import CheckIn

LATER = date(2030, 1, 1)  # after every check-in of these tests


def _check_ins(wb, scores):
    wb.check_ins = [CheckIn(date=date(2026, 1, 1) + timedelta(weeks=i), motivation=m,
                            confidence=c) for i, (m, c) in enumerate(scores)]
    return wb


def test_frame_columns_and_dips(rich_wb):
    frame = wellbeing_frame(rich_wb, today=LATER)
    assert list(frame.columns) == list(WELLBEING_COLUMNS)
    assert frame["dip"].tolist() == [False, True, False, False]  # motivation 8 -> 5
    assert frame["has_setback"].tolist() == [False, True, False, False]
    assert frame["motivation_avg"].iloc[2] == pytest.approx((8 + 5 + 6) / 3)
    assert frame["motivation_avg"].iloc[3] == pytest.approx((5 + 6 + 7) / 3)


@pytest.mark.parametrize(("scores", "dips"), [
    ([(7, 7), (5, 7)], [False, True]),        # fell by 2
    ([(7, 7), (6, 7)], [False, False]),       # fell by 1
    ([(7, 7), (7, 4)], [False, True]),        # at the floor
    ([(7, None), (None, 7), (5, 7)], [False, False, True]),  # compares with last given
])
def test_dip_rule(empty_wb, scores, dips):
    assert wellbeing_frame(_check_ins(empty_wb, scores), today=LATER)["dip"].tolist() == dips


@pytest.mark.parametrize(("scores", "trend"), [
    ([(5, 5), (6, 6), (6, 7), (8, 8)], "up"),
    ([(8, 8), (6, 6)], "down"),
    ([(6, 6), (6, 6), (6, 7), (6, 6)], "steady"),  # +0.25: under the step
    ([(6, 6)], "steady"),
])
def test_trend(empty_wb, scores, trend):
    assert wellbeing_summary(_check_ins(empty_wb, scores), today=LATER).trend == trend


def test_summary(rich_wb):
    s = wellbeing_summary(rich_wb, today=LATER)
    assert (s.date, s.motivation, s.confidence) == (date(2026, 10, 5), 7.0, 7.0)
    assert (s.n_check_ins, s.n_dips, s.last_dip) == (4, 1, date(2026, 5, 1))


def test_empty(empty_wb):
    assert wellbeing_frame(empty_wb, today=LATER).empty
    s = wellbeing_summary(empty_wb, today=LATER)
    assert s.date is None and math.isnan(s.motivation) and s.trend == "steady"
