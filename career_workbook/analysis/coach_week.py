"""The coach's week: per client, what is late, what is coming, and who needs a nudge.

Pure and quick (one pass over the workbook, no DataFrame), so ``career-workbook cohort`` can
run it on thousands of workbooks. It reuses the project's rules rather than restating them:
overdue actions (:func:`~career_workbook.analysis.next_actions.overdue_actions`), overdue
follow-ups (:func:`~career_workbook.analysis.network.overdue_follow_ups`), stale
opportunities (:func:`~career_workbook.analysis.opportunities.is_stale`), deadlines to apply
near or missed (:func:`~career_workbook.analysis.opportunities.opportunity_deadlines_due`),
goal progress (:func:`~career_workbook.analysis.progress.goal_status`) and the calendar's reminders
(:func:`~career_workbook.analysis.reminders.calendar_events`) for what is coming up.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Action, CheckIn, Goal, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
>>> wb.goals.append(Goal(id="g1", text="Ship the data platform", status="active",
...                      created=date(2026, 1, 5), deadline=date(2026, 3, 4)))
>>> wb.check_ins.append(CheckIn(date=date(2026, 1, 19), progress={"g1": 20}))
>>> wb.actions += [Action(text="Email Dana", due=date(2026, 2, 1)),
...                Action(text="Book the room", due=date(2026, 2, 2))]
>>> week = client_week(wb, date(2026, 3, 1))
>>> week.days_since_check_in, week.overdue_actions
(41, ('Email Dana', 'Book the room'))
>>> for reason in week.nudges:
...     print(reason)
no check-in for 6 weeks
2 actions overdue
deadline 'Ship the data platform' in 3 days with progress 20%
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta

from career_workbook.analysis.network import contact_labels, overdue_follow_ups
from career_workbook.analysis.next_actions import (
    check_in_overdue,
    has_started,
    overdue_actions,
)
from career_workbook.analysis.opportunities import (
    STALE_WEEKS,
    days_still,
    is_stale,
    opportunity_deadlines_due,
)
from career_workbook.analysis.progress import checkin_points, goal_status
from career_workbook.analysis.reminders import calendar_events
from career_workbook.model import Workbook
from career_workbook.wording import duration, one_line, plural, relative

__all__ = [
    "DEADLINE_PROGRESS",
    "OVERDUE_NUDGE",
    "UPCOMING_DAYS",
    "ClientWeek",
    "Upcoming",
    "client_week",
    "needs_nudge",
]

UPCOMING_DAYS = 14
"""What is "coming up": reminders from today to this many days ahead, both days included."""

OVERDUE_NUDGE = 1
"""This many overdue actions, or overdue contact follow-ups, make a nudge."""

DEADLINE_PROGRESS = 50.0
"""An active goal due within :data:`UPCOMING_DAYS` days with less than this % done (or no
progress recorded) needs a nudge; a goal past its deadline and not done always does."""

_TITLE_CHARS = 60


@dataclass(frozen=True)
class Upcoming:
    """One reminder in the coming :data:`UPCOMING_DAYS` days: its day, kind (as in
    :class:`~career_workbook.analysis.reminders.CalendarEvent`: ``check_in``, ``goal``,
    ``milestone``, ``action``, ``follow_up``, ``opportunity``, ``opportunity_deadline``) and
    one-line summary."""

    day: date
    kind: str
    summary: str


@dataclass(frozen=True)
class ClientWeek:
    """One client's week, as of ``today``.

    Attributes
    ----------
    name : str
    today : date
    started : bool
        False while the workbook is as ``career-workbook new`` left it (no skills, goals,
        actions, contacts, check-ins, opportunities, achievements or feedback).
    last_check_in : date | None
        Latest check-in on or before ``today`` (None: never checked in).
    days_since_check_in : int | None
    days_since_start : int | None
        Days since the person's start date (None when unknown).
    overdue_actions : tuple of str
        Titles of open actions due before ``today``.
    overdue_follow_ups : tuple of str
        Names of contacts whose follow-up date has passed.
    stale_opportunities : tuple of (str, int)
        Open opportunities with no movement for more than ``STALE_WEEKS`` weeks: (title,
        days still), the longest still first.
    overdue_goals : tuple of (str, int)
        Active goals past their deadline and not done: (title, days late).
    deadlines_at_risk : tuple of (str, int, float)
        Active goals due within :data:`UPCOMING_DAYS` days with under
        :data:`DEADLINE_PROGRESS` % done: (title, days left, % done or NaN).
    upcoming : tuple of Upcoming
        Reminders from ``today`` to ``today + UPCOMING_DAYS`` days, soonest first; an
        overdue check-in (:attr:`check_in_overdue`) is overdue, not among them.
    missed_deadlines : tuple of (str, int)
        Opportunities not applied for yet whose deadline has passed: (title, days since),
        the most recent first.
    deadlines_near : tuple of (str, int)
        Opportunities not applied for yet whose deadline is today or within
        :data:`~career_workbook.analysis.opportunities.DEADLINE_DAYS` days: (title, days
        left), the soonest first (:func:`~career_workbook.analysis.opportunities.
        opportunity_deadlines_due`, the rule of the next actions too).
    nudges : tuple of str
        Why this client needs a nudge, in plain words (empty: no nudge); see
        :func:`needs_nudge`.
    """

    name: str
    today: date
    started: bool
    last_check_in: date | None
    days_since_check_in: int | None
    days_since_start: int | None
    overdue_actions: tuple[str, ...]
    overdue_follow_ups: tuple[str, ...]
    stale_opportunities: tuple[tuple[str, int], ...]
    overdue_goals: tuple[tuple[str, int], ...]
    deadlines_at_risk: tuple[tuple[str, int, float], ...]
    upcoming: tuple[Upcoming, ...]
    missed_deadlines: tuple[tuple[str, int], ...] = ()
    deadlines_near: tuple[tuple[str, int], ...] = ()
    nudges: tuple[str, ...] = ()

    @property
    def check_in_overdue(self) -> bool:
        """Whether a check-in is overdue (:func:`~career_workbook.analysis.next_actions.
        check_in_overdue`: none for more than its days, counted from the start date when
        there has been none)."""
        return check_in_overdue(self.days_since_check_in, self.days_since_start)

    @property
    def check_in_late(self) -> str:
        """What the overdue check-in is, in words (``''`` when it is not overdue):
        ``'no check-in for 2 months'``, ``'no check-in yet, 5 weeks after starting'``."""
        if not self.check_in_overdue:
            return ""
        days = self.days_since_check_in
        return (f"no check-in for {duration(days)}" if days is not None else
                f"no check-in yet, {duration(self.days_since_start or 0)} after starting")

    @property
    def overdue(self) -> int:
        """How many things are overdue: actions, contact follow-ups and the check-in."""
        return (len(self.overdue_actions) + len(self.overdue_follow_ups)
                + self.check_in_overdue)

    @property
    def check_in_when(self) -> str:
        """When the last check-in was, for people: ``'3 weeks ago'``, ``'today'`` or ``'no
        check-in yet'``."""
        days = self.days_since_check_in
        return self.check_in_text + ("" if days in (None, 0) else " ago")

    @property
    def check_in_text(self) -> str:
        """Time since the last check-in for people: ``'12 days'``, ``'3 weeks'``,
        ``'today'`` or ``'no check-in yet'`` (never NaN)."""
        days = self.days_since_check_in
        if days is None:
            return "no check-in yet"
        return "today" if days == 0 else duration(days)


def _title(text: str) -> str:
    """One line, as typed, at most 60 characters (:func:`~career_workbook.wording.one_line`:
    a terminal and a spreadsheet show it as typed, nothing more)."""
    return one_line(text, _TITLE_CHARS)


def client_week(wb: Workbook, today: date, workbook_id: str = "client") -> ClientWeek:
    """Everything a coach checks for one client this week, nudges included.

    ``workbook_id`` (the file's stem) only names the reminders, as in the calendar.
    """
    past = [c.date for c in wb.check_ins if c.date <= today]
    last = max(past) if past else None
    start = wb.person.start_date
    horizon = today + timedelta(days=UPCOMING_DAYS)
    stale = [(_title(o.title), days_still(o, today)) for o in wb.opportunities
             if is_stale(o, today, STALE_WEEKS)]
    stale.sort(key=lambda pair: -pair[1])
    deadlines = opportunity_deadlines_due(wb, today)
    missed = sorted(((_title(o.title), -left) for o, left in deadlines if left < 0),
                    key=lambda pair: pair[1])
    near = tuple((_title(o.title), left) for o, left in deadlines if left >= 0)
    overdue_goals, at_risk = [], []
    soon = [g for g in wb.goals if g.status == "active" and g.deadline is not None
            and g.deadline <= horizon]
    points = checkin_points(wb, today) if soon else {}
    for g in soon:
        st = goal_status(g, points.get(g.id, []), today)
        if g.deadline < today:
            if st.track == "overdue":
                overdue_goals.append((_title(g.text), (today - g.deadline).days))
        elif not st.actual >= DEADLINE_PROGRESS:
            at_risk.append((_title(g.text), (g.deadline - today).days, st.actual))
    days_since = None if last is None else (today - last).days
    days_since_start = None if start is None else max((today - start).days, 0)
    late_check_in = check_in_overdue(days_since, days_since_start)  # overdue, not coming
    upcoming = sorted(
        (Upcoming(e.day, e.kind, " ".join(e.summary.split()))
         for e in calendar_events(wb, workbook_id, today=today) if today <= e.day <= horizon
         and not (late_check_in and e.kind == "check_in")),
        key=lambda u: u.day)
    named = {id(c): label for c, label in zip(wb.contacts, contact_labels(wb.contacts),
                                               strict=True)}  # two of one name told apart
    week = ClientWeek(
        name=wb.person.name, today=today, started=has_started(wb), last_check_in=last,
        days_since_check_in=days_since, days_since_start=days_since_start,
        overdue_actions=tuple(_title(a.text) for a in overdue_actions(wb, today)),
        overdue_follow_ups=tuple(_title(named[id(c)]) for c in overdue_follow_ups(wb, today)),
        stale_opportunities=tuple(stale), overdue_goals=tuple(overdue_goals),
        deadlines_at_risk=tuple(at_risk), upcoming=tuple(upcoming),
        missed_deadlines=tuple(missed), deadlines_near=near,
    )
    return replace(week, nudges=needs_nudge(week))


def needs_nudge(week: ClientWeek) -> tuple[str, ...]:
    """Why ``week``'s client needs a nudge, in plain words; empty when all is well.

    The rules, in the order the reasons are given:

    - the workbook was never started: ``'has not started yet'``;
    - a check-in is overdue (:func:`~career_workbook.analysis.next_actions.check_in_overdue`:
      none for more than :data:`~career_workbook.analysis.next_actions.CHECK_IN_DAYS`
      days, counted from the start date when there has been none);
    - :data:`OVERDUE_NUDGE` or more overdue actions, or overdue follow-ups;
    - stale opportunities (the rule of :func:`~career_workbook.analysis.is_stale`), and
      opportunities not applied for whose deadline has passed, or is near (within
      :data:`~career_workbook.analysis.opportunities.DEADLINE_DAYS` days);
    - active goals past their deadline, or due within :data:`UPCOMING_DAYS` days with under
      :data:`DEADLINE_PROGRESS` % done.

    >>> from career_workbook.model import new_workbook
    >>> needs_nudge(client_week(new_workbook("Sam", today=date(2026, 1, 1)),
    ...                         date(2026, 1, 2)))
    ('has not started yet: no goals, skills or check-ins',)
    """
    if not week.started:
        return ("has not started yet: no goals, skills or check-ins",)
    reasons = []
    if week.check_in_overdue:
        reasons.append(week.check_in_late)
    if len(week.overdue_actions) >= OVERDUE_NUDGE:
        reasons.append(f"{plural(len(week.overdue_actions), 'action')} overdue")
    if len(week.overdue_follow_ups) >= OVERDUE_NUDGE:
        reasons.append(f"{plural(len(week.overdue_follow_ups), 'follow-up')} overdue")
    if week.stale_opportunities:
        days = [d for _, d in week.stale_opportunities]
        (low, unit), (high, units) = (duration(min(days)).split(), duration(max(days)).split())
        span = (f"{low} {unit}" if (low, unit) == (high, units) else
                f"{low}-{high} {units}" if unit.rstrip("s") == units.rstrip("s") else
                f"{low} {unit} to {high} {units}")
        n = len(week.stale_opportunities)
        noun = "opportunity" if n == 1 else "opportunities"
        reasons.append(f"{n} {noun} with no movement for {span}")
    for title, late in week.missed_deadlines:
        reasons.append(f"opportunity '{title}' is {duration(late)} past its deadline, not "
                       "applied for")
    for title, left in week.deadlines_near:
        reasons.append(f"opportunity '{title}' has its deadline {relative(left)}, not "
                       "applied for yet")
    for title, late in week.overdue_goals:
        reasons.append(f"goal '{title}' is {duration(late)} past its deadline")
    for title, left, done in week.deadlines_at_risk:
        when = relative(left)
        progress = ("no progress recorded" if math.isnan(done)
                    else f"progress {done:.0f}%")
        reasons.append(f"deadline '{title}' {when} with {progress}")
    return tuple(reasons)
