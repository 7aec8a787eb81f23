"""Issue 16 item 7, the coach's week: the pure rules of ``analysis.coach_week``."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from career_workbook import analysis as A
from career_workbook.analysis import coach_week as W
from career_workbook.analysis.next_actions import CHECK_IN_DAYS
from career_workbook.model import (
    Action,
    CheckIn,
    Contact,
    Goal,
    Milestone,
    Opportunity,
    Skill,
    new_workbook,
)

TODAY = date(2026, 11, 22)


def started(start: date = TODAY - timedelta(days=3)):
    """A workbook with one skill (so it counts as started) and a check-in today."""
    wb = new_workbook("Sam Lee", today=start)
    wb.skills.append(Skill(name="SQL"))
    wb.check_ins.append(CheckIn(date=TODAY))
    return wb


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


# --- a workbook nobody has touched -----------------------------------------------------
def test_a_just_created_workbook_gets_one_kind_nudge_and_no_nan():
    wb = new_workbook("Fresh Client", today=TODAY)
    week = W.client_week(wb, TODAY, "fresh")
    assert week.started is False
    assert week.nudges == ("has not started yet: no goals, skills or check-ins",)
    assert week.days_since_check_in is None and week.last_check_in is None
    assert week.check_in_text == "no check-in yet"
    assert (week.overdue_actions, week.overdue_follow_ups, week.stale_opportunities) == (
        (), (), ())
    assert [u.kind for u in week.upcoming] == ["check_in"]  # the first check-in: today


def test_a_started_workbook_with_everything_in_hand_needs_no_nudge():
    week = W.client_week(started(), TODAY)
    assert week.nudges == () and week.check_in_text == "today"


# --- check-ins -------------------------------------------------------------------------
@pytest.mark.parametrize(("ago", "reason", "text"), [
    (CHECK_IN_DAYS, None, "4 weeks"),
    (CHECK_IN_DAYS + 1, "no check-in for 4 weeks", "4 weeks"),
    (41, "no check-in for 6 weeks", "6 weeks"),
    (3260, "no check-in for 8 years", "8 years"),  # 8 years 11 months: never rounded up
])
def test_quiet_client_is_nudged_only_after_the_check_in_days(ago, reason, text):
    wb = started(start=days(-100))
    wb.check_ins = [CheckIn(date=days(-ago)), CheckIn(date=days(3))]  # a future one: ignored
    week = W.client_week(wb, TODAY)
    assert week.days_since_check_in == ago
    assert week.check_in_text == text
    assert week.nudges == (() if reason is None else (reason,))


@pytest.mark.parametrize(("since_start", "reason"), [
    (CHECK_IN_DAYS, None),
    (CHECK_IN_DAYS + 1, "no check-in yet, 4 weeks after starting"),
])
def test_never_checked_in_is_nudged_once_quiet_days_passed_since_the_start(since_start,
                                                                          reason):
    wb = started(start=days(-since_start))
    wb.check_ins = []
    week = W.client_week(wb, TODAY)
    assert week.days_since_check_in is None and week.check_in_text == "no check-in yet"
    assert week.nudges == (() if reason is None else (reason,))


# --- overdue actions and follow-ups ----------------------------------------------------
def test_overdue_actions_are_counted_and_named():
    wb = started()
    wb.actions = [Action(text=f"Step {i}", due=days(-i)) for i in (1, 2, 3)]
    wb.actions += [Action(text="Due today", due=TODAY),
                   Action(text="Done late", due=days(-9), status="done")]
    week = W.client_week(wb, TODAY)
    assert week.overdue_actions == ("Step 1", "Step 2", "Step 3")
    assert week.nudges == ("3 actions overdue",)
    wb.actions = wb.actions[:1]
    assert W.client_week(wb, TODAY).nudges == ("1 action overdue",)


def test_overdue_follow_ups_are_counted_and_named():
    wb = started()
    wb.contacts = [Contact(name="Ana", next_follow_up=days(-1)),
                   Contact(name="Ben", next_follow_up=days(-30)),
                   Contact(name="Cy", next_follow_up=TODAY)]
    week = W.client_week(wb, TODAY)
    assert week.overdue_follow_ups == ("Ana", "Ben")
    assert week.nudges == ("2 follow-ups overdue",)


# --- stale opportunities: the rule of analysis.opportunities ---------------------------
@pytest.mark.parametrize(("still", "stale"), [
    (7 * A.STALE_WEEKS, False), (7 * A.STALE_WEEKS + 1, True)])
def test_stale_boundary_is_the_pipelines(still, stale):
    wb = started()
    wb.opportunities = [Opportunity(title="Data lead role", spotted=days(-still))]
    week = W.client_week(wb, TODAY)
    assert bool(week.stale_opportunities) is stale
    frame = A.opportunity_status_frame(wb, TODAY)
    assert bool(frame.loc[0, "stale"]) is stale
    assert week.nudges == (("1 opportunity with no movement for 3 weeks",)
                           if stale else ())


def test_stale_opportunities_say_how_many_and_for_how_long():
    wb = started()
    wb.opportunities = [
        Opportunity(title="Talk at PyData", spotted=days(-29)),
        Opportunity(title="Stretch project", spotted=days(-60), updated=days(-43)),
        Opportunity(title="Closed door", stage="declined", spotted=days(-90)),
        Opportunity(title="Moving", stage="applied", spotted=days(-90), updated=days(-2)),
    ]
    week = W.client_week(wb, TODAY)
    assert week.stale_opportunities == (("Stretch project", 43), ("Talk at PyData", 29))
    assert week.nudges == ("2 opportunities with no movement for 4-6 weeks",)


def test_stale_opportunities_agree_with_the_pipeline_on_every_example(example_wbs):
    for wb in example_wbs.values():
        for day in (TODAY, days(60)):
            week = W.client_week(wb, day)
            expected = [(o.title, d) for o, d in A.stale_opportunities(wb, day)]
            assert [(t, d) for t, d in week.stale_opportunities] == [
                (W._title(t), d) for t, d in expected]


# --- what is coming up: the calendar's events, 14 days ---------------------------------
def test_upcoming_takes_every_calendar_kind_within_fourteen_days_inclusive():
    wb = started()
    wb.check_ins = [CheckIn(date=days(-7)), CheckIn(date=TODAY)]  # rhythm 7: next on day 7
    wb.goals = [Goal(id="g1", text="Lead the team", status="active", created=days(-100),
                     deadline=days(W.UPCOMING_DAYS),
                     milestones=[Milestone(title="Draft plan", due=days(2))])]
    wb.check_ins[-1] = CheckIn(date=TODAY, progress={"g1": 90})
    wb.actions = [Action(text="Due today", due=TODAY),
                  Action(text="Edge", due=days(W.UPCOMING_DAYS)),
                  Action(text="Too far", due=days(W.UPCOMING_DAYS + 1)),
                  Action(text="Late", due=days(-1))]
    wb.contacts = [Contact(name="Ana", next_follow_up=days(5))]
    wb.opportunities = [Opportunity(title="Role", spotted=TODAY, next_step="Call Ravi",
                                    next_step_due=days(4))]
    week = W.client_week(wb, TODAY, "sam")
    got = [(u.day, u.kind) for u in week.upcoming]
    assert got == sorted(got, key=lambda p: p[0])
    assert {k for _, k in got} == {"check_in", "goal", "milestone", "action", "follow_up",
                                   "opportunity"}
    summaries = [u.summary for u in week.upcoming]
    assert "Action due: Due today" in summaries and "Action due: Edge" in summaries
    assert not any("Too far" in s or "Late" in s for s in summaries)
    assert (days(W.UPCOMING_DAYS), "goal") in got
    assert week.nudges == ("1 action overdue",)  # the goal is 90% done: no deadline nudge


# --- deadlines -------------------------------------------------------------------------
def goal_wb(deadline: date, progress: float | None, status: str = "active"):
    wb = started()
    wb.goals = [Goal(id="g1", text="Ship the data platform", status=status,
                     created=days(-100), deadline=deadline)]
    wb.check_ins = [CheckIn(date=TODAY, progress={} if progress is None else {"g1": progress})]
    return wb


@pytest.mark.parametrize(("left", "progress", "reason"), [
    (3, 20, "deadline 'Ship the data platform' in 3 days with progress 20%"),
    (W.UPCOMING_DAYS, 0, "deadline 'Ship the data platform' in 2 weeks with progress 0%"),
    (W.UPCOMING_DAYS + 1, 0, None),
    (1, None, "deadline 'Ship the data platform' tomorrow with no progress recorded"),
    (0, 49, "deadline 'Ship the data platform' today with progress 49%"),
    (3, int(W.DEADLINE_PROGRESS), None),
    (-2, 40, "goal 'Ship the data platform' is 2 days past its deadline"),
    (-1, 100, None),
])
def test_deadline_nudges(left, progress, reason):
    week = W.client_week(goal_wb(days(left), progress), TODAY)
    assert week.nudges == (() if reason is None else (reason,))


@pytest.mark.parametrize("status", ["draft", "done", "dropped"])
def test_only_active_goals_are_nudged_about_deadlines(status):
    assert W.client_week(goal_wb(days(2), 0, status), TODAY).nudges == ()


def test_reasons_come_in_a_fixed_order():
    wb = goal_wb(days(3), 20)
    wb.check_ins = [CheckIn(date=days(-41), progress={"g1": 20})]
    wb.actions = [Action(text="A", due=days(-1))]
    wb.contacts = [Contact(name="Ana", next_follow_up=days(-1))]
    wb.opportunities = [Opportunity(title="Role", spotted=days(-42))]
    assert W.client_week(wb, TODAY).nudges == (
        "no check-in for 6 weeks", "1 action overdue", "1 follow-up overdue",
        "1 opportunity with no movement for 6 weeks",
        "deadline 'Ship the data platform' in 3 days with progress 20%")


# --- what people type ------------------------------------------------------------------
def test_long_html_and_control_characters_stay_one_short_line_of_text():
    title = "=cmd|' <script>alert(1)</script>\n\x1b[31m" + "x" * 1990
    wb = goal_wb(days(2), 10)
    wb.goals[0] = wb.goals[0].model_copy(update={"text": title[:2000]})
    wb.actions = [Action(text="<img src=x onerror=alert(1)>\r\nsecond line", due=days(-1))]
    week = W.client_week(wb, TODAY)
    assert week.overdue_actions == ("<img src=x onerror=alert(1)> second line",)
    reason = week.nudges[-1]
    assert reason.startswith("deadline '=cmd|' <script>alert(1)</script> [31mxxx")
    assert reason.endswith("…' in 2 days with progress 10%")
    assert "\n" not in reason and "\x1b" not in reason and len(reason) < 120


def test_the_week_needs_no_dataframe(rich_wb, today, monkeypatch):
    """``cohort`` runs this on 10,000 workbooks: plain Python only."""
    import career_workbook.frames as frames

    def refuse(*args, **kwargs):
        raise AssertionError("client_week built a DataFrame")

    monkeypatch.setattr(frames.pd, "DataFrame", refuse)
    week = W.client_week(rich_wb, today)
    assert week.started and isinstance(week.nudges, tuple)


def test_every_example_half_and_new_workbook_gives_a_week(example_wbs, half_wb, empty_wb):
    for wb in [*example_wbs.values(), half_wb, empty_wb]:
        for day in (date(2020, 1, 1), TODAY, date(2030, 1, 1)):
            week = W.client_week(wb, day)
            assert all(isinstance(r, str) and r for r in week.nudges)
            assert all(day <= u.day <= day + timedelta(days=W.UPCOMING_DAYS)
                       for u in week.upcoming)
