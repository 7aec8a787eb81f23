"""The recency chart draws "no check-in yet" without an overdue-looking bar (red-team M #4).

Hal (started 20 Nov, no check-in) and Nia (created today) had hatched bars past the dashed
30-day line labelled "never" in alert colour, under the title "No check-in overdue", while
the table said "no check-in yet".
"""

from __future__ import annotations

import pandas as pd
from matplotlib.colors import to_hex
from matplotlib.patches import Rectangle

from career_workbook import charts
from career_workbook.charts._style import ALERT, MUTED


def _drawn(fig):
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0]
    texts = {t.get_text(): to_hex(t.get_color()) for t in ax.texts}
    return ax, bars, texts


def test_no_check_in_yet_has_no_bar_and_a_neutral_label():
    days = pd.Series([4.0, float("nan"), float("nan")], index=["ana", "hal", "nia"])
    fig = charts.plot_cohort_recency(days, overdue=pd.Series([False, False, False],
                                                             index=days.index))
    ax, bars, texts = _drawn(fig)
    assert [round(b.get_width()) for b in bars] == [4]  # only Ana has days to draw
    assert texts == {"no check-in yet": to_hex(MUTED)}
    assert fig.get_suptitle() == "No check-in overdue"
    assert "2 with no check-in yet" in ax.get_title(loc="left")


def test_no_check_in_yet_and_overdue_says_so_in_alert_colour():
    days = pd.Series([float("nan"), 10.0], index=["hal", "tom"])
    fig = charts.plot_cohort_recency(days, overdue=pd.Series([True, False], index=days.index))
    _, bars, texts = _drawn(fig)
    assert [round(b.get_width()) for b in bars] == [10]
    assert texts == {"no check-in yet, overdue": to_hex(ALERT)}
    assert fig.get_suptitle() == "1 client without a check-in for more than 30 days"
