"""Walk S's low chart defects, fixed after its report (the heavy and extreme workbooks).

S7: the network legend explained a red "follow-up overdue" ring no contact had. S10: a
client who checked in today had a bar of no length: nothing on their row. S11: the learning
chart said planned items with no hours were "without a date not shown", as if data were
missing.
"""

from __future__ import annotations

import pandas as pd

from career_workbook import charts


def _legend_texts(fig):
    return [t.get_text() for legend in fig.legends for t in legend.get_texts()]


def _contacts(overdue):
    return pd.DataFrame({"name": ["Ana", "Ben"], "relationship": ["mentor", "peer"],
                         "days_since": [10.0, 200.0], "overdue": overdue})


def test_the_network_legend_explains_the_overdue_ring_only_when_one_is_drawn():
    calm = charts.plot_network(_contacts([False, False]))
    late = charts.plot_network(_contacts([False, True]))
    assert "follow-up overdue" not in _legend_texts(calm)
    assert "follow-up overdue" in _legend_texts(late)
    assert _legend_texts(calm) == ["strength 1", "strength 3", "strength 5"]


def test_a_client_who_checked_in_today_has_words_where_a_bar_has_no_length():
    days = pd.Series([0.0, 12.0], index=["zoe", "ana"])
    fig = charts.plot_cohort_recency(days)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["checked in today"]  # on Zoë's row only
    (label,) = fig.axes[0].texts
    assert label.xy[1] == [t.get_text() for t in fig.axes[0].get_yticklabels()].index("zoe")


def test_planned_learning_with_no_hours_is_not_called_missing():
    items = pd.DataFrame({"title": ["Course", "Book"], "skill": ["SQL", "SQL"],
                          "hours": [6.0, 0.0],
                          "date": [pd.Timestamp("2026-10-01"), pd.NaT]})
    fig = charts.plot_learning_hours(items)
    note = fig.axes[0].get_title(loc="left")
    assert "1 item with no date or hours yet" in note
    assert "not shown" not in note
