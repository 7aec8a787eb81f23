"""A review period (``--since`` / ``--until``) and a workbook limited to it (pure: no I/O).

What "limited to the period" means, section by section (both ends inclusive):

- achievements, check-ins, 360 feedback: those dated inside the period;
- learning: items started or completed inside the period, or under way through it
  (an item completed after ``until`` shows as in progress; undated items are left out);
- self-assessments: the latest at or before ``since`` (the starting point) and those after
  it up to ``until``, so "from → to" compares the latest at ``since`` with the latest at
  ``until``;
- opportunities: those spotted by ``until``, with only the stage changes inside the period,
  at the stage they were on at ``until`` (a later move or update is not made yet);
- actions: those still open (to do or doing); those done inside the period (by ``done_on``,
  the day they were marked done); those done after ``until``, shown as still under way
  (``doing``, as they were when the period ended); and those with no completion date (done
  before ``done_on`` was recorded, or dropped) when their due date falls inside the period;
- goals: those set by ``until`` (:func:`set_later`: a goal set after it, with nothing
  recorded for it by then, is left out), as they stood at ``until`` (:func:`goal_as_of`: a
  milestone or the goal itself done after ``until`` is not done yet); the actions of a goal
  left out go with it;
- contacts: kept (the workbook does not record when a contact was added), each as known at
  ``until``: a last contact after ``until`` is not known yet (``last_contact`` is ``None``,
  "no contact recorded by then"); the next follow-up stays as planned;
- skills, values: kept as they are (the pack notes the period).

Two views of one day, kept apart:

- :func:`review_as_of` is the workbook as a review of that day counts it (the pack, the
  cohort, the coach overview, the progress review of step 09): a goal set after the day
  (:func:`set_later`) is not counted, and :func:`set_later_note` says so once; the rest is
  limited to the day by the analysis given it (:func:`as_of`), as everywhere.
- :func:`as_of` is what the person's own steps count on that day: nothing dated after it,
  but every goal is kept. A goal written in a form or a notebook cell is dated with the
  real date, so a notebook run with an earlier ``today`` (a clock set wrong, a coach
  re-running an old review) must still list, chart and save the goal just added.

Examples
--------
>>> from datetime import date
>>> p = check_period("2026-01-01", "2026-06-30")
>>> p.label, p.contains(date(2026, 6, 30)), p.contains(date(2026, 7, 1))
('1 Jan 2026 – 30 Jun 2026', True, False)
>>> check_period(None, "2026-06-30").label
'up to 30 Jun 2026'
>>> check_period("2026-02-30", None)
Traceback (most recent call last):
...
ValueError: --since 2026-02-30: 30 February 2026 is not a date (February 2026 has 28 days)
>>> check_period("2026-07-01", "2026-06-30")
Traceback (most recent call last):
...
ValueError: --since 1 Jul 2026 is after --until 30 Jun 2026: swap them, or move one
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from career_workbook.analysis.gated import Gated
from career_workbook.model import Action, Contact, Goal, LearningItem, Opportunity, Workbook
from career_workbook.wording import no_such_day, plural, short_date

__all__ = ["Period", "as_of", "check_period", "goal_as_of", "limit_workbook", "parse_day",
           "review_as_of", "set_later", "set_later_note"]

_ISO = Gated(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")


def parse_day(value: date | str | None, name: str) -> date | None:
    """``value`` as a date (``None`` stays ``None``); an impossible date is named in words.

    >>> parse_day("2026-11-22", "--until")
    datetime.date(2026, 11, 22)
    >>> parse_day("22/11/2026", "--until")
    Traceback (most recent call last):
    ...
    ValueError: --until '22/11/2026' is not a date; use YYYY-MM-DD, e.g. 2026-06-30
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        return value.date() if hasattr(value, "hour") else value
    m = _ISO.fullmatch(str(value))
    if m is None:
        raise ValueError(f"{name} {value!r} is not a date; use YYYY-MM-DD, e.g. 2026-06-30")
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"{name} {value.strip()}: there is no month {month}; "
                         "use YYYY-MM-DD, e.g. 2026-06-30")
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"{name} {value.strip()}: {no_such_day(year, month, day)}")
    return date(year, month, day)


@dataclass(frozen=True)
class Period:
    """A review period; either end may be open (``None``). Both ends are inclusive."""

    since: date | None = None
    until: date | None = None

    def contains(self, day: date | None) -> bool:
        """True when ``day`` lies inside the period (``None`` never does)."""
        if day is None:
            return False
        return ((self.since is None or day >= self.since)
                and (self.until is None or day <= self.until))

    @property
    def is_open(self) -> bool:
        """True when neither end is set (the whole record)."""
        return self.since is None and self.until is None

    @property
    def label(self) -> str:
        """``'1 Jan 2026 – 30 Jun 2026'``, ``'from 1 Jan 2026'``, ``'up to …'`` or ``''``."""
        if self.since and self.until:
            return f"{short_date(self.since)} – {short_date(self.until)}"
        if self.since:
            return f"from {short_date(self.since)}"
        if self.until:
            return f"up to {short_date(self.until)}"
        return ""

    @property
    def key(self) -> str:
        """A stable text for fingerprints: ``'2026-01-01..2026-06-30'`` (``''`` when open)."""
        if self.is_open:
            return ""
        return f"{self.since.isoformat() if self.since else ''}.." \
               f"{self.until.isoformat() if self.until else ''}"


def check_period(since: date | str | None = None, until: date | str | None = None, *,
                 today: date | None = None,
                 names: tuple[str, str] = ("--since", "--until")) -> Period:
    """A :class:`Period` from two optional ISO dates; clear ``ValueError`` when impossible.

    With ``today`` (what a command or a form counts from), the period ends on ``today`` at
    the latest: an open end, or one after ``today``, is ``today``, since nothing dated after
    it counts yet. ``names`` name the two ends in messages (a form says ``('From', 'To')``).

    >>> today = date(2026, 12, 5)
    >>> [check_period(*ends, today=today).label
    ...  for ends in [("2026-01-01", None), (None, None), ("2026-07-01", "2026-12-31")]]
    ['1 Jan 2026 – 5 Dec 2026', 'up to 5 Dec 2026', '1 Jul 2026 – 5 Dec 2026']
    >>> check_period("2027-01-01", today=today)
    Traceback (most recent call last):
    ...
    ValueError: --since 1 Jan 2027 is after today (5 Dec 2026): nothing in the period has happened yet
    """  # noqa: E501
    start, end = parse_day(since, names[0]), parse_day(until, names[1])
    if start and end and start > end:
        raise ValueError(f"{names[0]} {short_date(start)} is after {names[1]} {short_date(end)}: "
                         "swap them, or move one")
    if today is not None:
        if start and start > today:
            raise ValueError(f"{names[0]} {short_date(start)} is after today "
                             f"({short_date(today)}): nothing in the period has happened yet")
        end = today if end is None else min(end, today)
    return Period(start, end)


def _learning_in(item: LearningItem, period: Period) -> LearningItem | None:
    """``item`` when its span (started → completed, or ongoing) meets the period."""
    started, done = item.started_on, item.completed_on
    first = started or done
    if first is None:
        return None
    last = done if done is not None else (first if item.status == "done" else None)
    if period.until is not None and first > period.until:
        return None
    if period.since is not None and last is not None and last < period.since:
        return None
    if period.until is not None and done is not None and done > period.until:
        return item.model_copy(update={"status": "in_progress", "completed_on": None})
    return item


def _action_in(action: Action, period: Period) -> Action | None:
    """``action`` as it stood in the period, or ``None`` when it closed outside it.

    >>> from datetime import date
    >>> p = check_period("2026-01-01", "2026-06-30")
    >>> late = Action(text="x", status="done", done_on=date(2026, 7, 2))
    >>> _action_in(late, p).status, _action_in(late, p).done_on
    ('doing', None)
    >>> _action_in(Action(text="x", status="dropped", due=date(2025, 12, 1)), p) is None
    True
    """
    if action.status in ("todo", "doing"):
        return action
    if action.status == "done" and action.done_on is not None:
        if period.until is not None and action.done_on > period.until:
            return action.model_copy(update={"status": "doing", "done_on": None})
        return action if period.contains(action.done_on) else None
    return action if period.contains(action.due) else None


def goal_as_of(goal: Goal, day: date) -> Goal:
    """``goal`` as it stood on ``day``: a milestone done after ``day`` is not done yet, nor
    is the goal when it was completed after ``day`` (it was active then).

    >>> from career_workbook.model import Milestone
    >>> g = Goal(text="Ship it", status="done", completed_on=date(2026, 6, 20),
    ...          milestones=[Milestone(title="Draft", done_on=date(2026, 7, 10))])
    >>> then = goal_as_of(g, date(2026, 6, 15))
    >>> then.status, then.completed_on, then.milestones[0].done_on
    ('active', None, None)
    >>> goal_as_of(g, date(2026, 7, 10)) is g
    True
    """
    update: dict = {}
    if any(m.done_on is not None and m.done_on > day for m in goal.milestones):
        update["milestones"] = [
            m.model_copy(update={"done_on": None})
            if m.done_on is not None and m.done_on > day else m
            for m in goal.milestones]
    if goal.status == "done" and goal.completed_on is not None and goal.completed_on > day:
        update.update(status="active", completed_on=None)
    return goal.model_copy(update=update) if update else goal


def _opportunity_as_of(opp: Opportunity, day: date) -> Opportunity:
    """``opp`` at the stage it was on at ``day`` (its last stage change by then), without
    an ``updated`` date after ``day``."""
    update: dict = {}
    moves = sorted((c for c in opp.stage_history if c.date <= day), key=lambda c: c.date)
    if moves and moves[-1].stage != opp.stage:
        update["stage"] = moves[-1].stage
    if opp.updated is not None and opp.updated > day:
        update["updated"] = None
    return opp.model_copy(update=update) if update else opp


def _contact_as_of(contact: Contact, day: date) -> Contact:
    """``contact`` as known on ``day``: a last contact after ``day`` is not known yet (what
    came before it was not recorded), so none is; the next follow-up stays as planned.

    >>> c = Contact(name="Ana", last_contact=date(2026, 8, 1), next_follow_up=date(2026, 9, 1))
    >>> then = _contact_as_of(c, date(2026, 6, 30))
    >>> then.last_contact, then.next_follow_up
    (None, datetime.date(2026, 9, 1))
    >>> _contact_as_of(c, date(2026, 8, 1)) is c
    True
    """
    if contact.last_contact is not None and contact.last_contact > day:
        return contact.model_copy(update={"last_contact": None})
    return contact


def _recorded_by(goal: Goal, wb: Workbook, day: date) -> bool:
    """Whether ``wb`` records something of ``goal`` on or before ``day``: progress at a
    check-in, a milestone done, the goal completed (then it existed by ``day``, whatever
    its set day says: a year typed wrong, 2062 for 2026)."""
    return (any(c.date <= day and goal.id in c.progress for c in wb.check_ins)
            or any(m.done_on is not None and m.done_on <= day for m in goal.milestones)
            or (goal.completed_on is not None and goal.completed_on <= day))


def set_later(wb: Workbook, day: date) -> list[Goal]:
    """The goals of ``wb`` set after ``day``, as far as the data says: their set day
    (``created``) is after ``day`` and nothing is recorded for them by ``day``. A review as
    of ``day`` leaves them out (:func:`review_as_of`); a goal whose set day is not recorded
    is kept (no day is invented for it), and the person's own forms list every goal.

    >>> from career_workbook.model import CheckIn, new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.goals = [Goal(id="g1", text="Ship it", created=date(2026, 1, 5)),
    ...             Goal(id="g2", text="Give a talk", created=date(2026, 11, 20)),
    ...             Goal(id="g3", text="Run 10 km", created=date(2062, 3, 1)),
    ...             Goal(id="g4", text="Old one", created=None)]
    >>> wb.check_ins.append(CheckIn(date=date(2026, 10, 1), progress={"g3": 20}))
    >>> [g.id for g in set_later(wb, date(2026, 11, 1))]
    ['g2']
    """
    return [g for g in wb.goals if g.created is not None and g.created > day
            and not _recorded_by(g, wb, day)]


def set_later_note(wb: Workbook, day: date) -> str:
    """What a review of ``wb`` as of ``day`` says about the goals it leaves out
    (:func:`set_later`; dropped goals are never counted, so they are not named); ``''``
    when none.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.goals = [Goal(text=t, created=date(2026, 11, 20)) for t in ("Ship it", "Talk")]
    >>> set_later_note(wb, date(2026, 11, 1))
    '2 goals set after 1 Nov 2026 are not in this review'
    >>> set_later_note(wb, date(2026, 11, 20))
    ''
    """
    n = sum(g.status != "dropped" for g in set_later(wb, day))
    if not n:
        return ""
    return (f"{plural(n, 'goal')} set after {short_date(day)} "
            f"{'is' if n == 1 else 'are'} not in this review")


def _without_goals(wb: Workbook, left_out: set[str]) -> Workbook:
    """``wb`` without the goals whose ids are ``left_out``, nor their actions, nor links to
    them from opportunities (``wb`` itself when none)."""
    if not left_out:
        return wb
    return wb.model_copy(update={
        "goals": [g for g in wb.goals if g.id not in left_out],
        "actions": [a for a in wb.actions if a.goal_id not in left_out],
        "opportunities": [o.model_copy(update={"goal_ids": [i for i in o.goal_ids
                                                            if i not in left_out]})
                          if left_out.intersection(o.goal_ids) else o
                          for o in wb.opportunities],
    })


def review_as_of(wb: Workbook, day: date) -> Workbook:
    """``wb`` as a review of ``day`` counts it: without the goals set after ``day``
    (:func:`set_later`), nor their actions. The one rule of every review: the pack (which
    :func:`limit_workbook` applies to a period too), the cohort and the coach overview, the
    progress review of step 09. What is dated after ``day`` is left out as everywhere, by
    the analysis given ``day`` (:func:`as_of`), so the rest is kept here (a chart that
    names what it leaves out, e.g. learning without a date, still sees it). ``wb`` is
    unchanged.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.goals = [Goal(id="g1", text="Ship it", created=date(2026, 1, 5)),
    ...             Goal(id="g2", text="Give a talk", created=date(2026, 11, 20))]
    >>> [g.id for g in review_as_of(wb, date(2026, 11, 1)).goals], len(wb.goals)
    (['g1'], 2)
    >>> [g.id for g in as_of(wb, date(2026, 11, 1)).goals]  # the person's own steps
    ['g1', 'g2']
    """
    return _without_goals(wb, {g.id for g in set_later(wb, day)})


def as_of(wb: Workbook, day: date) -> Workbook:
    """``wb`` as it stood on ``day`` in the person's own steps: :func:`limit_workbook` to
    the period up to ``day``, so nothing dated after it counts (check-ins, feedback,
    self-assessments, achievements, learning, milestones, goals and actions done,
    opportunities' moves, contacts' last contact), but every goal is kept, even one set
    after ``day`` (a form dates a new goal with the real date): a review of ``day`` uses
    :func:`review_as_of` instead.

    Every frame drawn "as of today" starts here, so the charts, the cover and the forms
    agree on what has happened by ``today``.

    >>> from career_workbook.model import CheckIn, new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.check_ins += [CheckIn(date=date(2026, m, 1), motivation=7) for m in (2, 9)]
    >>> [c.date.month for c in as_of(wb, date(2026, 6, 30)).check_ins]
    [2]
    """
    return limit_workbook(wb, Period(until=day), keep_goals=True)


def limit_workbook(wb: Workbook, period: Period, *, keep_goals: bool = False) -> Workbook:
    """A copy of ``wb`` limited to ``period`` (see the module docstring); ``wb`` is unchanged.
    ``keep_goals``: keep the goals set after ``period.until`` too (:func:`as_of`).

    >>> from career_workbook.model import Achievement, Assessment, new_workbook
    >>> wb = new_workbook("Sam Lee", today=date(2025, 1, 1))
    >>> wb.achievements = [Achievement(date=date(2025, 12, 31), title="old"),
    ...                    Achievement(date=date(2026, 1, 1), title="first day")]
    >>> wb.assessments = [Assessment(date=date(2025, m, 1)) for m in (3, 9)]
    >>> small = limit_workbook(wb, check_period("2026-01-01", None))
    >>> [a.title for a in small.achievements], [a.date.month for a in small.assessments]
    (['first day'], [9])
    """
    if period.is_open:
        return wb
    inside = period.contains
    before = [a for a in wb.assessments if period.until is None or a.date <= period.until]
    if period.since is not None:
        start = [a.date for a in before if a.date <= period.since]
        if start:
            before = [a for a in before if a.date >= max(start)]
    until = period.until
    if not keep_goals and until is not None:
        wb = review_as_of(wb, until)
    learning = [kept for item in wb.learning if (kept := _learning_in(item, period))]
    actions = [kept for action in wb.actions if (kept := _action_in(action, period))]
    opportunities = [
        o.model_copy(update={"stage_history": [c for c in o.stage_history if inside(c.date)]})
        for o in (wb.opportunities if until is None else
                  [_opportunity_as_of(o, until) for o in wb.opportunities if o.spotted <= until])]
    goals = wb.goals if until is None else [goal_as_of(g, until) for g in wb.goals]
    contacts = (wb.contacts if until is None else
                [_contact_as_of(c, until) for c in wb.contacts])
    return wb.model_copy(update={
        "achievements": [a for a in wb.achievements if inside(a.date)],
        "check_ins": [c for c in wb.check_ins if inside(c.date)],
        "feedback": [f for f in wb.feedback if inside(f.date)],
        "assessments": before,
        "learning": learning,
        "actions": actions,
        "opportunities": opportunities,
        "goals": goals,
        "contacts": contacts,
    })
