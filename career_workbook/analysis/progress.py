"""Goal progress: where each goal is, where it should be by now, and when it may finish.

Everything is computed "as of ``today``": check-ins, milestones and goals done after
``today`` are ignored (see :func:`~career_workbook.analysis.period.as_of`), so running
with an old date reproduces an old review.

The forecast finish is where the pace so far leads: the progress made from the day the
goal was set to ``today`` (silence since the last check-in counts as time without
progress), carried on until 100 %. A goal is behind exactly when that forecast is after
its deadline by more than a small grace (:func:`latest_on_track`), so the track and the
forecast never disagree.

Pace is measured from the day the goal was set, unless that day is not known (a goal from
an older file) or is after ``today`` or after the deadline (a year typed wrong, 2062 for
2026): a goal cannot be set after the day it is reviewed, and a start in the future made a
goal 30 % done read 'ahead'. Then it is measured from the first day progress was recorded
for it (:func:`pace_start`), the latest day it can have been set: such a guess can show a
goal behind, never ahead.

Dropped goals are left out. Draft goals are kept (their ``status`` column says
``'draft'``), so a plan can be reviewed before it is committed to.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import CheckIn, Goal, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 1))
>>> wb.goals.append(Goal(id="g1", text="Ship the report", status="active",
...                      created=date(2026, 1, 1), deadline=date(2026, 12, 31)))
>>> wb.check_ins += [CheckIn(date=date(2026, 2, 1), progress={"g1": 10}),
...                  CheckIn(date=date(2026, 4, 1), progress={"g1": 30})]
>>> row = goal_progress_frame(wb, today=date(2026, 7, 1)).iloc[0]
>>> round(row["expected"]), float(row["actual"]), row["source"], row["track"]
(50, 30.0, 'check-in', 'behind')
>>> row["forecast"].date()  # 30 % in 181 days: 100 % after 604 days
datetime.date(2027, 8, 28)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from career_workbook.analysis.period import as_of, goal_as_of
from career_workbook.model import Goal, Workbook
from career_workbook.wording import plural

if TYPE_CHECKING:  # pragma: no cover - pandas loads with the first frame built
    import pandas as pd

__all__ = [
    "GRACE_SHARE",
    "HISTORY_COLUMNS",
    "ON_TRACK_MARGIN",
    "PROGRESS_COLUMNS",
    "TRACKS",
    "GoalCounts",
    "GoalStatus",
    "EarlyProgress",
    "checkin_points",
    "done_day",
    "dropped_goals",
    "early_progress",
    "expected_progress",
    "goal_counts",
    "goal_counts_words",
    "goal_progress_frame",
    "goal_status",
    "goal_statuses",
    "late_milestones",
    "latest_on_track",
    "metric_share",
    "pace_start",
    "progress_history_frame",
    "set_after",
    "set_day_counts",
    "status_label",
]

ON_TRACK_MARGIN = 10.0
"""Percentage points above the expected progress that still count as on track (from this
many points ahead, a goal is 'ahead')."""

GRACE_SHARE = 0.1
"""A goal whose forecast is after its deadline by at most this share of its span (set day to
deadline) is still on track: about a month on a one-year goal, a few days on a one-month
one. Without it, a goal 85 % done whose pace finishes one day late would read 'behind'."""

FORECAST_HORIZON_YEARS = 50
"""Forecasts further from ``today`` than this are reported as NaT (not in sight)."""

TRACKS = ("done", "overdue", "ahead", "on track", "behind", "no deadline", "not started")

PROGRESS_COLUMNS = {
    "goal_id": "text", "text": "text", "status": "text", "created": "date",
    "deadline": "date", "expected": "float", "actual": "float", "source": "text",
    "track": "text", "days_left": "float", "forecast": "date", "pace_from": "date",
    "early": "int",
}
HISTORY_COLUMNS = {"date": "date", "goal_id": "text", "actual": "float", "source": "text"}


def late_milestones(milestones: Iterable[Any], deadline: date | None) -> list[Any]:
    """The milestones (or actions: anything with a ``due``) due after ``deadline``, in
    their order: steps that would come after the goal they lead to; none without a
    deadline. The one rule of the milestone and action forms (a step due after its goal's
    deadline), the goal review (a deadline moved before its milestones) and ``validate``.

    >>> from career_workbook.model import Milestone
    >>> steps = [Milestone(title="Book the exam", due=date(2027, 2, 28)),
    ...          Milestone(title="Mock test", due=date(2027, 5, 15)), Milestone(title="Plan")]
    >>> [m.title for m in late_milestones(steps, date(2027, 3, 31))]
    ['Mock test']
    >>> late_milestones(steps, None)
    []
    """
    if deadline is None:
        return []
    return [m for m in milestones if m.due is not None and m.due > deadline]


def expected_progress(created: date, deadline: date | None, today: date) -> float:
    """Share of the time from ``created`` to ``deadline`` already gone, in % (0-100).

    NaN without a deadline.

    >>> expected_progress(date(2026, 1, 1), date(2026, 1, 11), date(2026, 1, 3))
    20.0
    >>> expected_progress(date(2026, 1, 1), date(2026, 1, 11), date(2027, 1, 1))
    100.0
    """
    if deadline is None:
        return math.nan
    span = (deadline - created).days
    if span <= 0:
        return 100.0 if today >= deadline else 0.0
    return min(max(100.0 * (today - created).days / span, 0.0), 100.0)


@dataclass(frozen=True)
class _Actual:
    value: float
    source: str | None


def checkin_points(wb: Workbook, today: date) -> dict[str, list[tuple[date, float]]]:
    """``{goal id: [(date, % done), ...]}`` from the check-ins up to ``today``, by date.

    >>> from career_workbook.model import CheckIn, new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.goals.append(Goal(id="g1", text="Ship it"))
    >>> wb.check_ins += [CheckIn(date=date(2026, 3, 1), progress={"g1": 40}),
    ...                  CheckIn(date=date(2026, 2, 1), progress={"g1": 10})]
    >>> checkin_points(wb, today=date(2026, 2, 15))
    {'g1': [(datetime.date(2026, 2, 1), 10.0)]}
    """
    points: dict[str, list[tuple[date, float]]] = {}
    goals = {g.id: g for g in wb.goals}
    for c in sorted(wb.check_ins, key=lambda c: c.date):
        if c.date > today:
            break
        for gid, pct in c.progress.items():
            if _counts(goals.get(gid), c.date, today):
                points.setdefault(gid, []).append((c.date, float(pct)))
    return points


def _counts(goal: Goal | None, day: date, today: date) -> bool:
    """Whether progress on ``goal`` recorded on ``day`` counts: not before the goal was
    set (:func:`set_after`)."""
    return goal is None or set_after(goal, day, today) is None


@dataclass(frozen=True)
class EarlyProgress:
    """Progress saved at a check-in dated before its goal was set (:func:`early_progress`):
    ``check_in`` is its index in ``wb.check_ins``, ``day`` the check-in's date, ``set_on``
    the goal's set day."""

    check_in: int
    goal_id: str
    progress: int
    day: date
    set_on: date


def early_progress(wb: Workbook, today: date) -> list[EarlyProgress]:
    """Progress saved at check-ins dated before its goal was set (:func:`set_after`; a file
    from an older version, or edited by hand: the check-in form refuses it now). The one
    rule for such progress: it is not counted nor drawn (:func:`checkin_points`,
    :func:`progress_history_frame`, the ``early`` column of :func:`goal_progress_frame`,
    the progress chart's note) and ``validate`` names each.

    >>> from career_workbook.model import CheckIn, new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.goals.append(Goal(id="g1", text="Ship it", created=date(2026, 3, 1)))
    >>> wb.check_ins += [CheckIn(date=date(2026, 2, 1), progress={"g1": 40}),
    ...                  CheckIn(date=date(2026, 3, 5), progress={"g1": 50})]
    >>> early_progress(wb, date(2026, 4, 1))
    [EarlyProgress(check_in=0, goal_id='g1', progress=40, day=datetime.date(2026, 2, 1), \
set_on=datetime.date(2026, 3, 1))]
    >>> checkin_points(wb, date(2026, 4, 1))
    {'g1': [(datetime.date(2026, 3, 5), 50.0)]}
    """
    goals = {g.id: g for g in wb.goals}
    found = []
    for i, c in enumerate(wb.check_ins):
        if c.date > today:
            continue
        for gid, pct in c.progress.items():
            if not _counts(goals.get(gid), c.date, today):
                found.append(EarlyProgress(i, gid, pct, c.date, goals[gid].created))
    return found


def set_day_counts(created: date | None, deadline: date | None, today: date | None) -> bool:
    """Whether ``created``, the day a goal was set, can start its pace: known (not
    ``None``), not after ``today`` (when given) nor after the ``deadline`` (when it has one).

    >>> set_day_counts(date(2026, 10, 1), date(2026, 12, 20), date(2026, 12, 6))
    True
    >>> set_day_counts(date(2062, 10, 1), date(2026, 12, 20), date(2026, 12, 6))
    False
    >>> set_day_counts(date(2026, 12, 10), None, date(2026, 12, 6))
    False
    >>> set_day_counts(None, date(2026, 12, 20), date(2026, 12, 6))
    False
    """
    return (created is not None and (today is None or created <= today)
            and (deadline is None or created <= deadline))


def set_after(goal: Goal, day: date, today: date) -> date | None:
    """The day ``goal`` was set, when that is after ``day``: progress dated ``day`` would
    come before the goal existed (drawn before its plan starts). ``None`` when it was set
    on or before ``day``, or when its set day cannot be used (:func:`set_day_counts`:
    unknown, or after ``today`` or its deadline, a typo). The one rule of the check-in form
    and ``validate``.

    >>> g = Goal(text="Pass the AWS exam", created=date(2026, 12, 6))
    >>> set_after(g, date(2026, 11, 20), date(2026, 12, 6))
    datetime.date(2026, 12, 6)
    >>> set_after(g, date(2026, 12, 6), date(2026, 12, 6)) is None
    True
    >>> set_after(g.model_copy(update={"created": None}), date(2026, 11, 20),
    ...           date(2026, 12, 6)) is None
    True
    """
    if not set_day_counts(goal.created, goal.deadline, today):
        return None
    return goal.created if goal.created > day else None


def pace_start(goal: Goal, points: list[tuple[date, float]], today: date) -> date | None:
    """The day ``goal``'s pace is measured from on ``today``: the day it was set when
    :func:`set_day_counts`; else (not known, or impossible) the first day progress was
    recorded for it by ``today`` (``points``: its check-ins, or a milestone done); ``None``
    when there is none.

    >>> g = Goal(text="Ship it", created=date(2062, 10, 1), deadline=date(2026, 12, 20))
    >>> pace_start(g, [(date(2026, 10, 15), 10.0)], date(2026, 12, 6))
    datetime.date(2026, 10, 15)
    >>> pace_start(g, [], date(2026, 12, 6)) is None
    True
    >>> pace_start(g.model_copy(update={"created": None}), [(date(2026, 10, 15), 10.0)],
    ...            date(2026, 12, 6))
    datetime.date(2026, 10, 15)
    """
    if set_day_counts(goal.created, goal.deadline, today):
        return goal.created
    recorded = [day for day, _ in points if day <= today]
    recorded += [m.done_on for m in goal.milestones if m.done_on is not None
                 and m.done_on <= today]
    return min(recorded, default=None)


def metric_share(goal: Goal) -> float | None:
    """How far ``goal``'s metric has come, in % (0-100): (current - baseline) / (target -
    baseline), clipped; ``None`` without a metric or without its current value. Its
    progress when nothing else records any (no check-in progress, no milestones): the
    tables and counts judge it, and the progress chart draws it (at ``today``: the file
    does not say on which day the metric was measured).

    >>> from career_workbook.model import Metric
    >>> metric_share(Goal(text="Run 10 km", metric=Metric(baseline=0, target=10, current=2.5)))
    25.0
    >>> metric_share(Goal(text="Cut review time", metric=Metric(baseline=30, target=12,
    ...                                                         current=40)))
    0.0
    >>> metric_share(Goal(text="Run 10 km", metric=Metric(target=10))) is None
    True
    """
    m = goal.metric
    if m is None or m.current is None:
        return None
    share = 100.0 * (m.current - m.baseline) / (m.target - m.baseline)
    return min(max(share, 0.0), 100.0)


def _actual(goal: Goal, points: list[tuple[date, float]], today: date) -> _Actual:
    if points:
        return _Actual(points[-1][1], "check-in")
    if goal.milestones:
        done = sum(m.done_on is not None and m.done_on <= today for m in goal.milestones)
        return _Actual(100.0 * done / len(goal.milestones), "milestones")
    share = metric_share(goal)
    if share is not None:
        return _Actual(share, "metric")
    return _Actual(math.nan, None)


def _forecast(start: date | None, actual: float, today: date) -> date | None:
    """The day ``actual`` % reaches 100 % at the pace since ``start`` (:func:`pace_start`):
    ``today`` counts, however long ago the last check-in was, so the date is always after
    ``today``.

    None when nothing is done yet (no pace), with no start, on the start day, or more than
    ``FORECAST_HORIZON_YEARS`` ahead.

    >>> _forecast(date(2026, 1, 1), 40.0, date(2026, 1, 31))  # 40 % in 30 days: 75 more
    datetime.date(2026, 3, 17)
    >>> _forecast(date(2026, 1, 1), 0.0, date(2026, 1, 31)) is None
    True
    """
    if start is None:
        return None
    elapsed = (today - start).days
    if not actual > 0 or elapsed <= 0:
        return None
    days_more = math.ceil(elapsed * (100.0 - actual) / actual)
    if days_more > FORECAST_HORIZON_YEARS * 365.25:
        return None
    return date.fromordinal(today.toordinal() + days_more)


def latest_on_track(goal: Goal, start: date | None = None) -> date:
    """The latest forecast finish that still counts as on track: the deadline plus
    ``GRACE_SHARE`` of the goal's span (``start``, by default the day it was set, to the
    deadline), rounded to whole days.

    >>> latest_on_track(Goal(text="Ship it", created=date(2026, 1, 1),
    ...                      deadline=date(2026, 12, 31)))
    datetime.date(2027, 2, 5)
    """
    assert goal.deadline is not None
    start = start or goal.created
    span = 0 if start is None else max((goal.deadline - start).days, 0)
    return date.fromordinal(goal.deadline.toordinal() + round(GRACE_SHARE * span))


def _track(goal: Goal, actual: float, start: date | None, expected: float,
           forecast: date | None, today: date) -> str:
    if goal.status == "done" or actual >= 100:
        return "done"
    if goal.deadline is not None and goal.deadline < today:
        return "overdue"
    if math.isnan(actual):
        return "not started"
    if goal.deadline is None:
        return "no deadline"
    if start is None:  # no day to measure the pace from: nothing says behind, nor ahead
        return "on track"
    # one rule: behind when the pace so far finishes after the deadline and its grace (no
    # pace: when less is done than the time gone); the forecast says the same
    if (forecast > latest_on_track(goal, start) if forecast is not None
            else actual < expected):
        return "behind"
    # ahead only from the day the goal was set: from a later day (its first record, when
    # that day cannot be used) the pace looks faster than it was
    if actual >= expected + ON_TRACK_MARGIN and start == goal.created:
        return "ahead"
    return "on track"


@dataclass(frozen=True)
class GoalStatus:
    """Where one goal stands on one day: a row of :func:`goal_progress_frame`.

    ``expected``, ``actual``, ``days_left`` are floats (NaN when unknown), ``source``,
    ``forecast`` and ``pace_from`` may be None; see :func:`goal_progress_frame` for each
    rule.
    """

    goal: Goal
    expected: float
    actual: float
    source: str | None
    track: str
    days_left: float
    forecast: date | None
    pace_from: date | None = None


def goal_status(goal: Goal, points: list[tuple[date, float]], today: date) -> GoalStatus:
    """Expected versus actual progress of one goal; ``points`` are its check-in progress.

    >>> g = Goal(id="g1", text="Ship it", status="active", created=date(2026, 1, 1),
    ...          deadline=date(2026, 12, 31))
    >>> st = goal_status(g, [(date(2026, 4, 1), 30.0)], today=date(2026, 7, 1))
    >>> st.track, st.source, round(st.expected)
    ('behind', 'check-in', 50)
    """
    goal = goal_as_of(goal, today)
    actual = _actual(goal, points, today)
    if goal.status == "done" and not actual.value >= 100:
        actual = _Actual(100.0, "status")
    start = pace_start(goal, points, today)
    expected = math.nan if start is None else expected_progress(start, goal.deadline, today)
    days_left = math.nan if goal.deadline is None else float((goal.deadline - today).days)
    done = goal.status == "done" or actual.value >= 100
    forecast = None if done else _forecast(start, actual.value, today)
    track = _track(goal, actual.value, start, expected, forecast, today)
    return GoalStatus(goal, expected, actual.value, actual.source, track, days_left, forecast,
                      start)


def goal_statuses(wb: Workbook, today: date) -> list[GoalStatus]:
    """:func:`goal_status` of every goal that is not dropped, in workbook order.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.goals.append(Goal(id="g1", text="Ship it", status="done"))
    >>> [(st.goal.id, st.track, st.actual) for st in goal_statuses(wb, date(2026, 2, 1))]
    [('g1', 'done', 100.0)]
    """
    points = checkin_points(wb, today)
    return [goal_status(g, points.get(g.id, []), today)
            for g in wb.goals if g.status != "dropped"]


@dataclass(frozen=True)
class GoalCounts:
    """How many goals stand where: the one count behind the cover, the charts' headlines and
    the coach's caseload (see :func:`goal_counts`; :func:`goal_counts_words` says it).

    ``active``: committed and still open (status 'active', not yet at 100 %); of those,
    ``on_track`` ('on track' or 'ahead'), ``behind``, ``overdue`` (past the deadline),
    ``not_started`` (no progress recorded) and ``no_deadline``: the five add up to
    ``active``. ``done``: marked done or at 100 %. ``drafts``: not committed yet, in no
    other count. ``dropped``: given up, in no other count either (said where they are
    counted: the progress chart's headline).
    """

    active: int = 0
    on_track: int = 0
    behind: int = 0
    overdue: int = 0
    done: int = 0
    drafts: int = 0
    not_started: int = 0
    no_deadline: int = 0
    dropped: int = 0


def dropped_goals(review: Workbook) -> int:
    """How many goals a review counts dropped (given up, in no other count): ``review`` is
    the workbook as the review of its day sees it (:func:`~.period.review_as_of`), so a
    goal set after that day, and dropped since, is not one: it was not there to give up.
    The one count of the progress chart's headline, the pack's cover and the cohort.

    >>> from career_workbook.analysis.period import review_as_of
    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.goals = [Goal(text="Old plan", status="dropped", created=date(2026, 1, 5)),
    ...             Goal(text="Later plan", status="dropped", created=date(2026, 11, 20))]
    >>> dropped_goals(review_as_of(wb, date(2026, 11, 1))), dropped_goals(wb)
    (1, 2)
    """
    return sum(g.status == "dropped" for g in review.goals)


def goal_counts(goals: Iterable[tuple[str, str]]) -> GoalCounts:
    """Count ``(status, track)`` pairs (a goal's status and its :func:`goal_status` track);
    dropped goals are counted apart (``dropped``), in no other count.

    >>> goal_counts([("active", "on track"), ("active", "overdue"), ("done", "done"),
    ...              ("active", "done"), ("draft", "overdue"), ("dropped", "behind"),
    ...              ("active", "no deadline")])
    GoalCounts(active=3, on_track=1, behind=0, overdue=1, done=2, drafts=1, not_started=0, \
no_deadline=1, dropped=1)
    """
    tally = dict.fromkeys(("active", "on_track", "behind", "overdue", "done", "drafts",
                           "not_started", "no_deadline", "dropped"), 0)
    for status, track in goals:
        if status == "dropped":
            tally["dropped"] += 1
            continue
        if status == "draft":
            tally["drafts"] += 1
        elif status == "done" or track == "done":
            tally["done"] += 1
        else:
            tally["active"] += 1
            key = "on_track" if track == "ahead" else track.replace(" ", "_")
            if key in tally:
                tally[key] += 1
    return GoalCounts(**tally)


REACHED = "reached 100 % — mark it done"
"""A goal still active whose progress reached 100 %: counted done (:func:`goal_counts`)."""


def status_label(status: str, track: str) -> str:
    """A goal's status as a table shows it beside its ``track``: a goal still active at
    100 % is counted done by :func:`goal_counts` (the charts' headline, the cover), so it
    reads :data:`REACHED` rather than "active", and the table adds up as they do.

    >>> status_label("active", "done"), status_label("active", "behind")
    ('reached 100 % — mark it done', 'active')
    >>> status_label("draft", "done"), status_label("done", "done")
    ('draft', 'done')
    """
    return REACHED if status == "active" and track == "done" else status


def goal_counts_words(counts: GoalCounts, *, lead: bool = True) -> str:
    """The goals of ``counts`` in words, so that they add up: the active goals on track,
    then those behind, overdue, not started and without a deadline; done goals, dropped
    ones (when counted) and drafts apart. The one wording of the progress chart's
    headline, the cover (``lead=False``: after the number of goals on track, which the card
    shows) and the coach's overview.

    >>> half = GoalCounts(active=2, behind=1, no_deadline=1)
    >>> goal_counts_words(half)
    '0 of 2 active goals on track, 1 behind, 1 has no deadline'
    >>> goal_counts_words(half, lead=False)
    'of 2 active, 1 behind, 1 has no deadline'
    >>> goal_counts_words(GoalCounts(active=4, on_track=1, overdue=1, not_started=2, done=3,
    ...                              drafts=1))
    '1 of 4 active goals on track, 1 overdue, 2 not started (3 done, 1 draft not counted)'
    >>> goal_counts_words(GoalCounts(done=1)), goal_counts_words(GoalCounts(), lead=False)
    ('No active goals (1 done)', 'of 0 active')
    >>> goal_counts_words(GoalCounts(done=1, dropped=1))
    'No active goals (1 done, 1 dropped)'
    >>> goal_counts_words(GoalCounts(drafts=1), lead=False)
    'no active goals (1 draft not counted)'
    """
    rest = [f"{n} {word}" for n, word in ((counts.behind, "behind"),
                                          (counts.overdue, "overdue"),
                                          (counts.not_started, "not started")) if n]
    if counts.no_deadline:
        rest.append(plural(counts.no_deadline, "has no deadline", "have no deadline"))
    if not lead and not counts.active and (counts.done or counts.drafts or counts.dropped):
        head = "no active goals"  # not "0 of 0 active" under a card's 0
    elif not lead:
        head = f"of {counts.active} active"
    elif counts.active:
        head = f"{counts.on_track} of {plural(counts.active, 'active goal')} on track"
    else:
        head = "No active goals"
    extra = [f"{n} {word}" for n, word in ((counts.done, "done"), (counts.dropped, "dropped"))
             if n]
    if counts.drafts:
        extra.append(f"{plural(counts.drafts, 'draft')} not counted")
    words = ", ".join([head, *rest])
    return f"{words} ({', '.join(extra)})" if extra else words


def goal_progress_frame(wb: Workbook, today: date) -> pd.DataFrame:
    """Expected versus actual progress of every goal that is not dropped.

    Columns
    -------
    goal_id, text, status : from the goal ('draft' goals included).
    created, deadline : dates (NaT when none: a deadline not set, a set day not recorded).
    expected : % of the time from ``pace_from`` to deadline gone by ``today`` (0-100; NaN
        without a deadline or without ``pace_from``).
    actual : % done (0-100): the latest check-in progress for the goal; else the share of
        milestones done; else the metric's (current - baseline) / (target - baseline),
        clipped to 0-100 (:func:`metric_share`); else NaN. A goal marked done counts as
        100. :func:`progress_history_frame` has the same progress to draw.
    source : where ``actual`` came from: 'check-in' | 'milestones' | 'metric' | 'status'
        (marked done) | None.
    track : 'done' (status done or actual >= 100), 'overdue' (deadline passed),
        'not started' (no progress recorded), 'no deadline', then 'behind' (the forecast
        is after :func:`latest_on_track`; without a forecast, actual below expected), 'ahead'
        (actual at least ``ON_TRACK_MARGIN`` points above expected, measured from the day
        the goal was set), else 'on track', in that order of precedence. Without a
        ``pace_from``, neither behind nor ahead: 'on track'.
    days_left : days from ``today`` to the deadline (negative when passed; NaN without).
    forecast : the day ``actual`` reaches 100 % at the pace from ``pace_from`` to ``today``
        (always after ``today``; NaT for a done goal, with nothing done yet, without a
        ``pace_from`` or on that day, or more than ``FORECAST_HORIZON_YEARS`` away).
    pace_from : the day the pace is measured from (:func:`pace_start`): ``created``; when
        that is not known (NaT: an older file did not record it), after ``today`` or after
        the deadline, the first day progress was recorded (NaT when none was).
    early : how many progress entries of the goal are dated before it was set
        (:func:`early_progress`): not counted, nor drawn.
    """
    from career_workbook.frames import build_frame

    early: dict[str, int] = {}
    for e in early_progress(wb, today):
        early[e.goal_id] = early.get(e.goal_id, 0) + 1
    rows = [
        (st.goal.id, st.goal.text, st.goal.status, st.goal.created, st.goal.deadline,
         st.expected, st.actual, st.source, st.track, st.days_left, st.forecast,
         st.pace_from, early.get(st.goal.id, 0))
        for st in goal_statuses(wb, today)
    ]
    return build_frame(rows, PROGRESS_COLUMNS)


def done_day(goal: Goal, reported: Iterable[date]) -> date | None:
    """The day a goal marked done is drawn at 100 %: the day it was completed, or its last
    ``reported`` day when that is later (or when the completion day was not recorded);
    ``None`` for a goal not done, or with neither.

    >>> g = Goal(text="Ship it", status="done", completed_on=date(2026, 11, 3))
    >>> done_day(g, [date(2026, 5, 18)]), done_day(g, [date(2026, 12, 1)])
    (datetime.date(2026, 11, 3), datetime.date(2026, 12, 1))
    >>> done_day(g.model_copy(update={"completed_on": None}), []) is None
    True
    """
    if goal.status != "done":
        return None
    days = [*reported, *([goal.completed_on] if goal.completed_on is not None else [])]
    return max(days, default=None)


def progress_history_frame(wb: Workbook, today: date) -> pd.DataFrame:
    """Progress of each (not dropped) goal over time up to ``today``, for charts.

    Check-in progress where the goal has any; for a goal never given progress at a
    check-in but with milestones, the share of milestones done on each ``done_on`` date;
    for a goal with neither but with a metric, its :func:`metric_share` on ``today`` (the
    file does not say on which day the metric was measured: ``source`` 'metric' says so),
    unless the goal is marked done. The same precedence as :func:`goal_progress_frame`'s
    ``actual``: a goal judged on recorded progress has that progress here to draw.
    Check-ins and milestones dated after ``today`` are left out (:func:`as_of`).

    A goal marked done is 100 % done, as :func:`goal_progress_frame` says: when its last
    point is below 100 %, its line closes at 100 % on the day it was completed
    (:func:`done_day`).

    Columns: ``date``, ``goal_id``, ``actual`` (0-100), ``source`` ('check-in' |
    'milestones' | 'metric' | 'status', the closing point of a goal marked done). Sorted
    by date, then goal in workbook order.

    >>> from career_workbook.model import CheckIn, new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.goals.append(Goal(id="g1", text="Ship it", status="done",
    ...                      completed_on=date(2026, 5, 2)))
    >>> wb.check_ins.append(CheckIn(date=date(2026, 4, 1), progress={"g1": 40}))
    >>> progress_history_frame(wb, date(2026, 6, 1))[["actual", "source"]].values.tolist()
    [[40.0, 'check-in'], [100.0, 'status']]
    >>> from career_workbook.model import Metric
    >>> wb.goals.append(Goal(id="g2", text="Run 10 km", status="active",
    ...                      metric=Metric(baseline=0, target=10, current=2.5)))
    >>> last = progress_history_frame(wb, date(2026, 6, 1)).iloc[-1]
    >>> last["date"].date(), last["goal_id"], float(last["actual"]), last["source"]
    (datetime.date(2026, 6, 1), 'g2', 25.0, 'metric')
    """
    from career_workbook.frames import build_frame

    wb = as_of(wb, today)
    order = {g.id: i for i, g in enumerate(wb.goals) if g.status != "dropped"}
    goals = {g.id: g for g in wb.goals}
    rows: list[tuple] = [  # progress dated before its goal was set is not drawn
        (c.date, gid, float(pct), "check-in")
        for c in wb.check_ins
        for gid, pct in c.progress.items()
        if gid in order and _counts(goals[gid], c.date, today)
    ]
    reported = {r[1] for r in rows}
    for g in wb.goals:
        if g.id not in order or g.id in reported or not g.milestones:
            continue
        done_dates = sorted(m.done_on for m in g.milestones if m.done_on is not None)
        for i, day in enumerate(done_dates, start=1):
            if i == len(done_dates) or done_dates[i] != day:
                rows.append((day, g.id, 100.0 * i / len(g.milestones), "milestones"))
    for g in wb.goals:  # the metric is the progress of a goal with no other (as _actual)
        share = metric_share(g)
        if (g.id in order and g.id not in reported and not g.milestones
                and share is not None and g.status != "done"):
            rows.append((today, g.id, share, "metric"))
    for g in wb.goals:
        if g.id not in order or g.status != "done":
            continue
        points = sorted(((r[0], r[2]) for r in rows if r[1] == g.id), key=lambda p: p[0])
        if points and points[-1][1] >= 100:  # the latest (of two on one day, the later)
            continue
        day = done_day(g, [day for day, _ in points])
        if day is not None:
            rows.append((day, g.id, 100.0, "status"))
    rows.sort(key=lambda r: (r[0], order[r[1]]))
    return build_frame(rows, HISTORY_COLUMNS)

