"""analysis.progress: expected vs actual, tracks, forecasts and history."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_workbook.analysis.progress import (
    FORECAST_HORIZON_YEARS,
    GRACE_SHARE,
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


def test_forecast_is_the_pace_since_the_goal_was_set(progress, rich_wb, today):
    g = rich_wb.goal("g-cfa")
    gone = (today - g.created).days
    expected = today + timedelta(days=math.ceil(gone * (100 - 60) / 60))  # 60 % done
    assert progress.loc["g-cfa", "forecast"].date() == expected
    assert pd.isna(progress.loc["g-sql", "forecast"])  # done


def _one_goal(wb, *check_ins, created=date(2027, 1, 1), deadline=date(2027, 12, 31)):
    wb.goals.append(Goal(id="g1", text="Ship it", status="active", created=created,
                         deadline=deadline))
    wb.check_ins += [CheckIn(date=day, progress={"g1": pct}) for day, pct in check_ins]
    return wb


def test_forecast_counts_the_time_since_the_last_check_in(empty_wb):
    """Red team: on 9 Aug g1 was behind (40 % done, 60 % of the time gone, last check-in
    81 days earlier) yet forecast to finish on 11 Dec, before its 31 Dec deadline."""
    wb = _one_goal(empty_wb, (date(2027, 3, 1), 15), (date(2027, 5, 20), 40))
    row = goal_progress_frame(wb, date(2027, 8, 9)).iloc[0]
    assert row["track"] == "behind"
    assert row["forecast"].date() > date(2027, 12, 31)
    assert row["forecast"].date() == date(2027, 8, 9) + timedelta(days=math.ceil(220 * 1.5))


def test_forecast_is_never_before_today(empty_wb):
    """Red team: on 28 Feb 2028 g1 was overdue at 95 % with a forecast of 22 Feb 2028."""
    wb = _one_goal(empty_wb, (date(2027, 6, 1), 50), (date(2027, 11, 1), 95))
    row = goal_progress_frame(wb, date(2028, 2, 28)).iloc[0]
    assert row["track"] == "overdue"
    assert row["forecast"].date() > date(2028, 2, 28)


def test_forecast_needs_progress_time_and_a_date_in_sight(empty_wb):
    wb = _one_goal(empty_wb, (date(2027, 1, 1), 0))
    assert pd.isna(goal_progress_frame(wb, date(2027, 3, 1))["forecast"].iloc[0])  # 0 %
    wb.check_ins.append(CheckIn(date=date(2027, 1, 1), progress={"g1": 1}))
    assert pd.isna(goal_progress_frame(wb, date(2027, 1, 1))["forecast"].iloc[0])  # day 0
    assert goal_progress_frame(wb, date(2027, 1, 2))["forecast"].iloc[0].date() == date(
        2027, 4, 11)  # 1 % a day: 99 days more
    # 1 % in 200 days: 19,800 days more, beyond FORECAST_HORIZON_YEARS
    assert pd.isna(goal_progress_frame(wb, date(2027, 7, 20))["forecast"].iloc[0])


@settings(max_examples=200, deadline=None)
@given(gone=st.integers(1, 2000), left=st.integers(0, 2000), pct=st.integers(0, 99),
       silence=st.integers(0, 400))
def test_track_and_forecast_agree(gone, left, pct, silence):
    """Behind exactly when the forecast is after the deadline and its grace (or there is
    none), never a forecast before today, whatever the silence since the last check-in."""
    created = date(2026, 1, 1)
    today = created + timedelta(days=gone)
    wb = _one_goal(new_workbook("Prop", today=created),
                   (max(created, today - timedelta(days=silence)), pct),
                   created=created, deadline=today + timedelta(days=left))
    row = goal_progress_frame(wb, today).iloc[0]
    forecast = None if pd.isna(row["forecast"]) else row["forecast"].date()
    assert forecast is None or forecast > today
    span = gone + left
    late = forecast is None or forecast > today + timedelta(days=left + round(GRACE_SHARE * span))
    assert (row["track"] == "behind") == late, (row["track"], forecast)
    if forecast is None:  # nothing done yet, or not in sight
        assert pct == 0 or gone * (100 - pct) / pct > FORECAST_HORIZON_YEARS * 365.25


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
    # no expected without a deadline, nor without a day to measure from (set after today
    # or after its deadline, and nothing recorded by today)
    assert math.isnan(row["expected"]) == (deadline is None or pd.isna(row["pace_from"]))
    if not math.isnan(row["expected"]):
        assert 0.0 <= row["expected"] <= 100.0
    if not math.isnan(row["actual"]):
        assert 0.0 <= row["actual"] <= 100.0
    assert row["track"] in TRACKS
    if row["track"] == "ahead":  # only ever from the day the goal was set
        assert row["pace_from"].date() == created <= today


def test_history_has_check_ins_and_milestone_steps(rich_wb, today):
    hist = progress_history_frame(rich_wb, today)
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
    assert progress_history_frame(empty_wb, today).empty


def test_a_forecast_a_little_after_the_deadline_is_on_track_within_the_grace():
    """A goal 85 % done whose pace finishes one day after its deadline is on track (a
    person told 'behind' for one day would be told wrong); past the grace it is behind,
    and the forecast, after the deadline either way, says by how much."""
    created, deadline = date(2026, 4, 13), date(2026, 12, 31)
    today = date(2026, 11, 22)  # 223 days gone, 85 %: 40 days more, 1 January
    wb = _one_goal(new_workbook("Grace", today=created), (today, 85),
                   created=created, deadline=deadline)
    row = goal_progress_frame(wb, today).iloc[0]
    assert row["forecast"].date() == date(2027, 1, 1) and row["track"] == "on track"
    wb = _one_goal(new_workbook("Grace", today=created), (today, 70),
                   created=created, deadline=deadline)
    row = goal_progress_frame(wb, today).iloc[0]
    span = (deadline - created).days
    assert row["forecast"].date() > deadline + timedelta(days=round(GRACE_SHARE * span))
    assert row["track"] == "behind"


# ---------------------------------------------------------------- a goal set after today
def _set_late_workbook(created):
    """The red team's two goals: g1 30 % done two weeks before its deadline (behind), with
    ``created`` as typed; g2 behind too."""
    wb = new_workbook("Jose", today=date(2026, 9, 1))
    wb.goals += [Goal(id="g1", text="Publish 3 analyses", status="active", created=created,
                      deadline=date(2026, 12, 20)),
                 Goal(id="g2", text="Become senior", status="active",
                      created=date(2026, 10, 1), deadline=date(2027, 9, 30))]
    wb.check_ins += [CheckIn(date=date(2026, 10, 15), progress={"g1": 10, "g2": 5}),
                     CheckIn(date=date(2026, 10, 29), progress={"g1": 30, "g2": 10})]
    return wb


def test_a_goal_set_after_today_and_its_deadline_is_measured_from_its_first_record():
    """Red team: created 2062-10-01 (for 2026-10-01) made g1, 30 % done with 14 days left,
    read 'ahead' (expected 0 %), and the cover count 1 on track / 1 behind."""
    from career_workbook import analysis as A

    today = date(2026, 12, 6)
    typo = _set_late_workbook(date(2062, 10, 1))
    row = goal_progress_frame(typo, today).set_index("goal_id").loc["g1"]
    assert row["track"] == "behind"
    assert row["pace_from"].date() == date(2026, 10, 15)  # its first check-in
    assert row["expected"] == pytest.approx(100 * 52 / 66)  # 15 Oct -> 6 Dec of -> 20 Dec
    assert row["forecast"].date() > date(2026, 12, 20)
    right = goal_progress_frame(_set_late_workbook(date(2026, 10, 1)), today)
    assert goal_progress_frame(typo, today)["track"].tolist() == right["track"].tolist()
    counts = A.summary(typo, today)
    assert (counts.goals_on_track, counts.goals_behind) == (0, 2)  # the cover, cohort CSV
    from career_workbook.analysis.cohort import caseload_frame

    row = caseload_frame([counts]).iloc[0]
    assert (row["goals_on_track"], row["goals_behind"]) == (0, 2)


def test_a_goal_set_after_today_is_never_ahead():
    # set "20 Mar" though 40 % was reported on 20 Feb: from that check-in the pace looks
    # fast, but the goal was set earlier still: on track, not ahead
    wb = _one_goal(new_workbook("Ana", today=date(2026, 1, 1)), (date(2026, 2, 20), 40),
                   created=date(2026, 3, 20), deadline=date(2026, 12, 31))
    row = goal_progress_frame(wb, date(2026, 3, 1)).iloc[0]
    assert (row["track"], row["pace_from"].date()) == ("on track", date(2026, 2, 20))
    # the same goal set when its check-in says: ahead
    wb.goals[0] = wb.goals[0].model_copy(update={"created": date(2026, 2, 1)})
    assert goal_progress_frame(wb, date(2026, 3, 1))["track"][0] == "ahead"


def test_with_no_day_to_measure_from_there_is_no_pace():
    # a metric 50 % of the way, no check-in, no milestone: set 2062 for 2026
    wb = new_workbook("Ana", today=date(2026, 1, 1))
    wb.goals.append(Goal(id="g", text="Run 10 km", status="active", created=date(2062, 1, 5),
                         deadline=date(2026, 12, 31),
                         metric=Metric(baseline=0, target=10, current=5)))
    row = goal_progress_frame(wb, date(2026, 6, 1)).iloc[0]
    assert row["actual"] == 50.0 and row["track"] == "on track"
    assert pd.isna(row["pace_from"]) and math.isnan(row["expected"])
    assert pd.isna(row["forecast"])
    # a milestone done is a record of progress: the pace starts there
    wb.goals[0] = wb.goals[0].model_copy(update={"metric": None, "milestones": [
        Milestone(title="5 km", done_on=date(2026, 5, 1)), Milestone(title="10 km")]})
    row = goal_progress_frame(wb, date(2026, 6, 1)).iloc[0]
    assert row["pace_from"].date() == date(2026, 5, 1) and row["track"] == "on track"


@settings(max_examples=150, deadline=None)
@given(late=st.integers(1, 20000), reports=st.lists(
    st.tuples(st.integers(0, 400), st.integers(0, 99)), max_size=3),
    left=st.integers(-100, 800))
def test_a_day_set_after_today_never_makes_a_goal_ahead(late, reports, left):
    today = date(2026, 12, 6)
    wb = _one_goal(new_workbook("Prop", today=date(2025, 1, 1)),
                   *[(today - timedelta(days=ago), pct) for ago, pct in reports],
                   created=today + timedelta(days=late),
                   deadline=today + timedelta(days=left))
    row = goal_progress_frame(wb, today).iloc[0]
    assert row["track"] != "ahead"
    assert pd.isna(row["pace_from"]) or row["pace_from"].date() <= today
    assert pd.isna(row["forecast"]) or row["forecast"].date() > today


@pytest.mark.parametrize(("reported", "completed_on", "closes_on"), [
    # the red team's goal: 40 % at its last check-in, marked done months later
    ([(date(2026, 5, 18), 40)], date(2026, 12, 6), date(2026, 12, 6)),
    # milestones half done, marked done: the same rule
    ([], date(2026, 9, 1), date(2026, 9, 1)),
    # no completion day recorded (an older file): closed on the last day reported
    ([(date(2026, 3, 1), 20), (date(2026, 6, 1), 70)], None, date(2026, 6, 1)),
])
def test_a_goal_marked_done_is_100_in_the_table_and_closes_at_100_in_the_history(
        reported, completed_on, closes_on):
    """Red team: a goal at 40 % marked done read "100, done" in the table while its
    progress line ended at 40 % labelled "done": both now say 100 %."""
    wb = new_workbook("Noor", today=date(2026, 1, 5))
    wb.goals.append(Goal(id="g1", text="Present to the board", status="done",
                         created=date(2026, 1, 5), deadline=date(2027, 1, 31),
                         completed_on=completed_on,
                         milestones=[] if reported else [
                             Milestone(title="Draft", done_on=date(2026, 4, 2)),
                             Milestone(title="Rehearse")]))
    wb.check_ins += [CheckIn(date=day, progress={"g1": pct}) for day, pct in reported]
    today = date(2026, 12, 6)
    row = goal_progress_frame(wb, today).iloc[0]
    hist = progress_history_frame(wb, today)
    assert (row["actual"], row["track"]) == (100.0, "done")
    last = hist.iloc[-1]
    assert (last["date"].date(), last["actual"], last["source"]) == (closes_on, 100.0,
                                                                     "status")
    assert hist["actual"].tolist()[:-1] == [float(p) for _, p in reported] or not reported
    # as of a day before it was completed, the goal is open and its line is as reported
    if completed_on is not None:
        before = progress_history_frame(wb, completed_on - timedelta(days=1))
        assert "status" not in set(before["source"])
        assert goal_progress_frame(wb, completed_on - timedelta(days=1)).iloc[0][
            "track"] != "done"


def test_a_goal_done_at_100_gets_no_extra_point(empty_wb):
    wb = _one_goal(empty_wb, (date(2027, 3, 1), 60), (date(2027, 5, 1), 100))
    wb.goals[0].status, wb.goals[0].completed_on = "done", date(2027, 6, 1)
    hist = progress_history_frame(wb, date(2027, 8, 1))
    assert hist["actual"].tolist() == [60.0, 100.0]
    assert set(hist["source"]) == {"check-in"}
