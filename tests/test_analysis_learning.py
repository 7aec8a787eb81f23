"""analysis.learning: hours over time and per skill."""

from __future__ import annotations

from datetime import date

from career_workbook.analysis.learning import (
    LEARNING_BY_SKILL_COLUMNS,
    LEARNING_HOURS_COLUMNS,
    NO_SKILL,
    learning_by_skill_frame,
    learning_hours_frame,
)


def test_hours_frame(rich_wb, today):
    everything = learning_hours_frame(rich_wb, today=today)
    assert list(everything.columns) == list(LEARNING_HOURS_COLUMNS)
    undated = everything[everything["date"].isna()]  # no date at all: last, no running total
    assert undated["title"].tolist() == ["Python side project"]
    assert undated["cumulative_hours"].isna().all()
    hours = everything[everything["date"].notna()]
    assert everything.index[: len(hours)].tolist() == hours.index.tolist()
    assert hours["date"].is_monotonic_increasing
    assert NO_SKILL in set(hours["skill"])
    sql = hours[hours["skill"] == "SQL"].iloc[0]
    assert sql["date"].date().isoformat() == "2026-09-28"  # completed_on wins
    last = hours.groupby("skill")["cumulative_hours"].last()
    assert (last == hours.groupby("skill")["hours"].sum()).all()


def test_hours_without_dates_are_in_the_frame_so_the_chart_agrees_with_the_table():
    """Step 08: 2.5 h with no date showed in "Hours by skill" while the chart said "No
    learning logged yet"."""
    from career_workbook.model import LearningItem, new_workbook

    wb = new_workbook("Sam")
    wb.learning.append(LearningItem(title="Pandas book", hours=2.5))
    hours = learning_hours_frame(wb, today=date(2026, 11, 22))
    assert hours["hours"].sum() == learning_by_skill_frame(wb)["hours"].sum() == 2.5
    assert hours["date"].isna().all()


def test_by_skill_frame(rich_wb):
    by_skill = learning_by_skill_frame(rich_wb).set_index("skill")
    assert list(learning_by_skill_frame(rich_wb).columns) == list(LEARNING_BY_SKILL_COLUMNS)
    assert by_skill.index[-1] == NO_SKILL
    assert by_skill.loc["SQL"].tolist() == [1, 1, 20.0, 20.0]
    assert by_skill.loc["Statistics", ["done", "hours_done"]].tolist() == [0, 0.0]
    assert by_skill["items"].sum() == len(rich_wb.learning)


def test_empty(empty_wb):
    assert learning_hours_frame(empty_wb, today=date(2026, 11, 22)).empty
    assert learning_by_skill_frame(empty_wb).empty
