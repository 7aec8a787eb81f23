"""analysis.progress: expected vs actual, tracks, forecasts and history."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_workbook.analysis.progress import (
    HISTORY_COLUMNS,
    PROGRESS_COLUMNS,
    TRACKS,
    expected_progress,
    goal_progress_frame,
    progress_history_frame,
)
from career_workbook.model import CheckIn, Goal, Metric, Milestone, new_workbook


@pytest.fixture
def progress(rich_wb, today):
    return goal_progress_frame(rich_wb, today).set_index("goal_id")


def test_columns_and_goals_included(rich_wb, today):
    frame = goal_progress_frame(rich_wb, today)
    assert list(frame.columns) == list(PROGRESS_COLUMNS)
    assert "g-old" not in set(frame["goal_id"])  # dropped
    assert frame.set_index("goal_id").loc["g-rust", "status"] == "draft"
    assert set(frame["track"]) <= set(TRACKS)


def test_each_source_and_track(progress, today):
    assert progress.loc["g-cfa", ["actual", "source", "track"]].tolist() == [
        60.0, "check-in", "on track"]
    assert progress.loc["g-promo", ["actual", "track"]].tolist() == [20.0, "behind"]
    assert progress.loc["g-talk", ["actual", "source", "track"]].tolist() == [
        50.0, "milestones", "overdue"]
    assert progress.loc["g-sql", ["actual", "source", "track"]].tolist() == [
        100.0, "status", "done"]
    assert progress.loc["g-run", ["actual", "source", "track"]].tolist() == [
        50.0, "metric", "no deadline"]
    assert progress.loc["g-rust", "track"] == "not started"
    assert progress.loc["g-rust", "source"] is None


def test_expected_is_linear_in_time(progress, rich_wb, today):
    g = rich_wb.goal("g-cfa")
    share = (today - g.created).days / (g.deadline - g.created).days
    assert progress.loc["g-cfa", "expected"] == pytest.approx(100 * share)
    assert progress.loc["g-talk", "expected"] == 100.0
    assert math.isnan(progress.loc["g-run", "expected"])
    assert progress.loc["g-cfa", "days_left"] == (g.deadline - today).days
    assert progress.loc["g-talk", "days_left"] < 0
    assert math.isnan(progress.loc["g-run", "days_left"])


def test_forecast_is_the_least_squares_line_at_100(progress, rich_wb):
    pts = [(c.date.toordinal(), c.progress["g-cfa"]) for c in rich_wb.check_ins]
    slope, intercept = np.polyfit([p[0] for p in pts], [p[1] for p in pts], 1)
    expected = date.fromordinal(round((100 - intercept) / slope))
    assert abs((progress.loc["g-cfa", "forecast"].date() - expected).days) <= 1
    assert pd.isna(progress.loc["g-talk", "forecast"])  # no check-ins


def test_forecast_needs_two_dates_and_a_rising_line(empty_wb):
    empty_wb.goals.append(Goal(id="g", text="x", status="active", created=date(2026, 1, 1)))
    empty_wb.check_ins.append(CheckIn(date=date(2026, 2, 1), progress={"g": 40}))
    assert pd.isna(goal_progress_frame(empty_wb, date(2026, 3, 1))["forecast"].iloc[0])
    empty_wb.check_ins.append(CheckIn(date=date(2026, 3, 1), progress={"g": 30}))
    assert pd.isna(goal_progress_frame(empty_wb, date(2026, 3, 1))["forecast"].iloc[0])
    empty_wb.check_ins.append(CheckIn(date=date(2026, 4, 1), progress={"g": 70}))
    assert not pd.isna(goal_progress_frame(empty_wb, date(2026, 4, 1))["forecast"].iloc[0])


def test_everything_after_today_is_ignored(rich_wb):
    early = goal_progress_frame(rich_wb, date(2026, 6, 1)).set_index("goal_id")
    assert early.loc["g-cfa", "actual"] == 25.0
    assert early.loc["g-talk", "actual"] == 25.0  # abstract submitted on 20 June
    assert early.loc["g-talk", "track"] != "overdue"


def test_metric_progress_is_clipped_and_works_downwards(empty_wb):
    for i, current in enumerate([65.0, 45.0]):
        empty_wb.goals.append(Goal(id=f"m{i}", text="Run faster", status="active",
                                   created=date(2026, 1, 1),
                                   metric=Metric(baseline=60, target=50, current=current)))
    frame = goal_progress_frame(empty_wb, date(2026, 2, 1)).set_index("goal_id")
    assert frame.loc["m0", "actual"] == 0.0
    assert frame.loc["m1", ["actual", "track"]].tolist() == [100.0, "done"]


def test_ahead_and_margin(empty_wb):
    empty_wb.goals.append(Goal(id="g", text="x", status="active", created=date(2026, 1, 1),
                               deadline=date(2026, 11, 28)))
    empty_wb.check_ins.append(CheckIn(date=date(2026, 2, 1), progress={"g": 50}))
    tracks = [goal_progress_frame(empty_wb, date(2026, 1, 1) + timedelta(days=d))["track"][0]
              for d in (33, 133, 233)]  # expected ~10 %, ~40 %, ~70 %
    assert tracks == ["ahead", "on track", "behind"]


def test_expected_when_deadline_is_not_after_created():
    day = date(2026, 5, 1)
    assert expected_progress(day, day, day) == 100.0
    assert expected_progress(day, day - timedelta(days=3), day - timedelta(days=9)) == 0.0


@settings(max_examples=100, deadline=None)
@given(created=st.dates(date(2000, 1, 1), date(2040, 1, 1)),
       deadline=st.none() | st.dates(date(2000, 1, 1), date(2040, 1, 1)),
       today=st.dates(date(2000, 1, 1), date(2040, 1, 1)),
       done=st.lists(st.booleans(), max_size=4), pct=st.none() | st.integers(0, 100))
def test_expected_and_actual_stay_within_0_and_100(created, deadline, today, done, pct):
    wb = new_workbook("Prop", today=created)
    wb.goals.append(Goal(id="g", text="x", status="active", created=created, deadline=deadline,
                         milestones=[Milestone(title=f"m{i}", done_on=created if d else None)
                                     for i, d in enumerate(done)]))
    if pct is not None:
        wb.check_ins.append(CheckIn(date=created, progress={"g": pct}))
    row = goal_progress_frame(wb, today).iloc[0]
    assert math.isnan(row["expected"]) == (deadline is None)
    if deadline is not None:
        assert 0.0 <= row["expected"] <= 100.0
    if not math.isnan(row["actual"]):
        assert 0.0 <= row["actual"] <= 100.0
    assert row["track"] in TRACKS


def test_history_has_check_ins_and_milestone_steps(rich_wb):
    hist = progress_history_frame(rich_wb)
    assert list(hist.columns) == list(HISTORY_COLUMNS)
    assert hist["date"].is_monotonic_increasing
    talk = hist[hist["goal_id"] == "g-talk"]
    assert talk["actual"].tolist() == [25.0, 50.0]
    assert set(talk["source"]) == {"milestones"}
    cfa = hist[hist["goal_id"] == "g-cfa"]
    assert cfa["actual"].tolist() == [5.0, 25.0, 45.0, 60.0]
    assert "g-old" not in set(hist["goal_id"])


def test_empty_workbook(empty_wb, today):
    assert goal_progress_frame(empty_wb, today).empty
    assert list(goal_progress_frame(empty_wb, today).columns) == list(PROGRESS_COLUMNS)
    assert progress_history_frame(empty_wb).empty
