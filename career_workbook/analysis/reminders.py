"""Reminders for the person's own calendar: the event data, no files (pure).

One event per deadline and open milestone of a committed open goal (status 'active': a
draft gets none until you commit to it), open action with a due date, contact follow-up,
next step of an open opportunity, deadline of an opportunity not applied for yet
(:func:`~.opportunities.deadline_left`), and the next check-in. Each event has a stable UID
(workbook id + kind + the record's id, or a hash of its title), so importing a newer
calendar updates the events instead of adding copies. :mod:`career_workbook.export.ics`
writes them as RFC 5545.

Every UID in one export is unique: when two events would get the same key (two milestones
of one goal with the same title, two records with the same id), the first keeps it and the
second and later get their occurrence number in the key (:func:`unique_uids`), so an event
that is unique keeps the UID earlier versions gave it. Milestones have no id: renaming one,
or renaming the workbook file (the workbook id), gives its events new UIDs.

A calendar app keeps an event that a newer file leaves out, so items done, dropped or
closed in the last :data:`CANCEL_WINDOW_DAYS` days are sent again, cancelled, with the
same UID (``calendar_events(..., cancelled=True)``). Contacts whose follow-up was cleared,
and deleted records, leave no trace in the workbook and cannot be cancelled.

The workbook has no "check-in rhythm" field yet, so the next check-in follows the gap
between the last two check-ins (kept between a week and
:data:`~career_workbook.analysis.next_actions.CHECK_IN_DAYS` days, after which the rest of
the workbook calls a check-in overdue), else every :data:`DEFAULT_RHYTHM_DAYS` days; the
event says which. Actions are reminded while :func:`~.next_actions.open_actions` lists
them: an open action of a done or dropped goal is cancelled with its goal.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Action, CheckIn, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
>>> wb.actions.append(Action(id="a1", text="Email Dana", due=date(2026, 2, 1)))
>>> wb.check_ins += [CheckIn(date=date(2026, 1, 5)), CheckIn(date=date(2026, 1, 26))]
>>> events = calendar_events(wb, "sam_lee", today=date(2026, 1, 27))
>>> [(e.kind, e.day.isoformat(), e.summary) for e in events]
[('check_in', '2026-02-16', 'Check-in: how is your plan going?'), ('action', '2026-02-01', 'Action due: Email Dana')]
>>> events[1].uid == calendar_events(wb, "sam_lee", today=date(2026, 3, 1))[1].uid
True
"""  # noqa: E501

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from career_workbook.analysis.next_actions import CHECK_IN_DAYS, open_actions
from career_workbook.analysis.opportunities import CLOSED_STAGES, deadline_left
from career_workbook.model import Workbook
from career_workbook.wording import duration, ended, shorten

__all__ = ["CANCEL_WINDOW_DAYS", "DEFAULT_RHYTHM_DAYS", "CalendarEvent", "calendar_events",
           "event_uid", "next_check_in", "unique_uids"]

DEFAULT_RHYTHM_DAYS = 14
"""Days between check-ins when the workbook does not show a rhythm yet."""
CANCEL_WINDOW_DAYS = 90
"""How long a closed item is still exported, as a cancelled event: a person who imports
their calendar at least once a quarter sees every done item's reminder removed."""
_MIN_RHYTHM, _MAX_RHYTHM = 7, CHECK_IN_DAYS
_SUMMARY_CHARS = 120


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day reminder.

    ``alarm_hours`` is when the reminder pops up, in hours from the start of the day
    (negative: the day before; ``-15`` is 9:00 the day before, ``9`` is 9:00 that day).
    ``cancelled``: the item was done, dropped or closed, and the event is sent so that a
    calendar that has it removes it (``STATUS:CANCELLED``).
    """

    uid: str
    kind: str
    day: date
    summary: str
    description: str
    alarm_hours: int = 9
    cancelled: bool = False


def event_uid(workbook_id: str, kind: str, key: str) -> str:
    """A UID that stays the same for the same record in every export.

    >>> event_uid("sam_lee", "action", "a1")
    'cw-action-c0fcd9ac9b1ec487fefa@career-workbook'
    """
    digest = hashlib.sha256(f"{workbook_id}\x1f{kind}\x1f{key}".encode()).hexdigest()[:20]
    return f"cw-{kind.replace('_', '-')}-{digest}@career-workbook"


def unique_uids(workbook_id: str, keys: Iterable[tuple[str, str]]) -> list[str]:
    """One UID per ``(kind, key)``, all different: a key seen before gets ``\\x1f2``,
    ``\\x1f3``... appended (the first of its kind keeps the plain UID).

    >>> a, b, c = unique_uids("sam", [("milestone", "g1"), ("milestone", "g1"), ("goal", "g1")])
    >>> a == event_uid("sam", "milestone", "g1") and c == event_uid("sam", "goal", "g1")
    True
    >>> b == event_uid("sam", "milestone", "g1\x1f2")
    True
    """
    used: set[str] = set()
    out: list[str] = []
    for kind, key in keys:
        uid, n = event_uid(workbook_id, kind, key), 1
        while uid in used:  # a loop, not one step: "k\x1f2" may be another record's key
            n += 1
            uid = event_uid(workbook_id, kind, f"{key}\x1f{n}")
        used.add(uid)
        out.append(uid)
    return out


def _title(text: str) -> str:
    return shorten(text, _SUMMARY_CHARS)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def next_check_in(wb: Workbook, today: date) -> tuple[date, str]:
    """The day of the next check-in and a sentence saying how it was chosen.

    >>> from career_workbook.model import new_workbook
    >>> next_check_in(new_workbook("Sam"), date(2026, 1, 5))[0]
    datetime.date(2026, 1, 5)
    """
    past = sorted({c.date for c in wb.check_ins if c.date <= today})
    if not past:
        return today, ("You have not recorded a check-in yet: today is a good day for the "
                       f"first one. After that, every {DEFAULT_RHYTHM_DAYS} days is a good "
                       "rhythm (the workbook has no rhythm setting yet).")
    if len(past) >= 2:
        gap = (past[-1] - past[-2]).days
        rhythm = min(max(gap, _MIN_RHYTHM), _MAX_RHYTHM)
        how = (f"every {rhythm} days, the gap between your last two check-ins"
               + (f" ({gap} days, kept between {_MIN_RHYTHM} and {_MAX_RHYTHM} days)"
                  if rhythm != gap else ""))
    else:
        rhythm = DEFAULT_RHYTHM_DAYS
        how = (f"every {rhythm} days (a default: the workbook has no rhythm setting yet, "
               "and one check-in does not show one)")
    due = past[-1] + timedelta(days=rhythm)
    late = (f" It was due on {due.isoformat()}, so it is set for today." if due < today
            else "")
    if (today - past[-1]).days > CHECK_IN_DAYS:
        late += f" No check-in for {duration((today - past[-1]).days)}: it is overdue."
    last = past[-1].isoformat()
    return max(due, today), (f"Your last check-in was on {last}; this follows your rhythm, "
                             f"{how}.{late}")


def calendar_events(wb: Workbook, workbook_id: str, *, today: date,
                    cancelled: bool = False) -> list[CalendarEvent]:
    """Every reminder for one workbook: next check-in first, then goals and their
    milestones, actions, follow-ups, opportunities' next steps and the deadlines of those
    not applied for yet (done, dropped, finished, applied for and closed items are left
    out).

    An item closed on a day after ``today`` is open as of ``today`` (``calendar --today`` a
    day before it was done). With ``cancelled=True`` (what the ``.ics`` export asks for) the
    items that were closed recently follow, as cancelled events with the UID they had
    while open: a calendar app that imports the file then removes their reminders (see
    :func:`_recently_closed`).

    ``workbook_id`` (the file's name without ``.yaml``) makes the UIDs unique per person;
    :func:`unique_uids` makes them unique within the list (open events first, so they keep
    the UIDs they had before any cancelled event was added).
    """
    events: list[CalendarEvent] = []
    keys: list[tuple[str, str]] = []
    closed: list[tuple[tuple[str, str], CalendarEvent]] = []

    def add(kind: str, key: str, day: date, summary: str, description: str,
            alarm_hours: int = 9, *, shut: tuple[str, date | None] | None = None) -> None:
        """``shut``: the item is closed (how, and on which day if the workbook knows); one
        closed after ``today`` was still open that day (a calendar as of a past day)."""
        if shut is not None and shut[1] is not None and shut[1] > today:
            shut = None
        if shut is None:
            keys.append((kind, key))
            events.append(CalendarEvent("", kind, day, summary, description, alarm_hours))
        elif cancelled and _recently_closed(shut[1], day, today):
            when = f" on {shut[1].isoformat()}" if shut[1] else ""
            closed.append(((kind, key), CalendarEvent(
                "", kind, day, f"{shut[0].capitalize()}: {summary}",
                f"{shut[0].capitalize()}{when} in your workbook, so this reminder is "
                f"cancelled.\n{description}", alarm_hours, cancelled=True)))

    day, how = next_check_in(wb, today)
    add("check_in", "next", day, "Check-in: how is your plan going?",
        "Open 09_progress_review and spend ten minutes: rate your motivation and "
        "confidence, estimate progress on each goal, note wins, setbacks and one "
        f"adjustment.\n{how}")

    for goal in wb.goals:
        # reminded while committed and open ('active', as the goal counts have it); a draft
        # is not committed yet, so its reminders are cancelled like a closed goal's
        goal_shut = (None if goal.status == "active" else ("still a draft", None)
                     if goal.status == "draft" else
                     (goal.status, goal.completed_on if goal.status == "done" else None))
        name = _title(goal.text)
        if goal.deadline is not None:
            add("goal", goal.id, goal.deadline, f"Goal deadline: {name}",
                f"Your goal “{goal.text}” is due today.\nIf it is done, mark it done in "
                "09_progress_review and note the evidence in 08_achievements_learning. If "
                "not, decide: finish it this week, or set a new date in 04_smart_goals.",
                alarm_hours=-15, shut=goal_shut)
        for m in goal.milestones:
            if m.due is None:
                continue
            add("milestone", f"{goal.id}\x1f{_hash(m.title)}", m.due,
                f"Milestone: {_title(m.title)}",
                f"Milestone “{m.title}” for your goal “{goal.text}” is due today.\nWhen it "
                "is done, record the date in 06_action_plan (Milestones).", alarm_hours=-15,
                shut=("done", m.done_on) if m.done_on is not None else goal_shut)

    still_open = {id(a) for a in open_actions(wb)}
    goals = {g.id: g for g in wb.goals}
    for action in wb.actions:
        if action.due is None:
            continue
        goal = goals.get(action.goal_id)
        shut = (None if id(action) in still_open
                else (action.status, action.done_on) if action.status in ("done", "dropped")
                else (f"goal {goal.status}", goal.completed_on if goal.status == "done"
                      else None))
        add("action", action.id, action.due, f"Action due: {_title(action.text)}",
            f"Your next step “{action.text}” ({action.priority} priority) is due today.\n"
            "Do it, or move it to a realistic date, in 06_action_plan.", shut=shut)

    for contact in wb.contacts:
        if contact.next_follow_up is None:
            continue
        where = f" ({contact.organisation})" if contact.organisation.strip() else ""
        last = (f" You last spoke on {contact.last_contact.isoformat()}."
                if contact.last_contact and contact.last_contact <= today else "")
        add("follow_up", contact.id, contact.next_follow_up,
            f"Follow up with {_title(contact.name)}",
            f"Get in touch with {contact.name}{where}: a short message, a question or "
            f"something useful to share.{last}\nAfterwards, update the last contact and the "
            "next follow-up in 07_network.")

    for opp in wb.opportunities:
        where = f" ({opp.organisation})" if opp.organisation.strip() else ""
        stage = opp.stage.replace("_", " ")
        moved = max([c.date for c in opp.stage_history if c.stage == opp.stage],
                    default=opp.updated)
        if opp.next_step_due is not None:
            step = opp.next_step.strip() or "Decide the next step"
            add("opportunity", opp.id, opp.next_step_due,
                f"Opportunity: {_title(step)}",
                f"Next step for “{opp.title}”{where}, now at stage “{stage}”: {ended(step)}\n"
                "Afterwards, move its stage or set the next step and its date in "
                "10_opportunities.",
                shut=(f"moved to {stage}", moved) if opp.stage in CLOSED_STAGES else None)
        if opp.deadline is not None:
            # reminded while not applied for (deadline_left: the rule of the pipeline table,
            # the next actions and the nudges); applying, or closing it, cancels it
            add("opportunity_deadline", opp.id, opp.deadline,
                f"Deadline to apply: {_title(opp.title)}",
                f"Today is the deadline to apply for “{opp.title}”{where}.\nApply, or mark "
                "it not now, in 10_opportunities: once it is at “applied”, the next calendar "
                "file cancels this reminder.", alarm_hours=-15,
                shut=None if deadline_left(opp, today) is not None else
                ("applied" if opp.stage == "applied" else f"moved to {stage}", moved))

    uids = unique_uids(workbook_id, keys + [key for key, _ in closed])
    return [replace(e, uid=uid) for e, uid in
            zip(events + [e for _, e in closed], uids, strict=True)]


def _recently_closed(closed_on: date | None, day: date, today: date) -> bool:
    """Whether a closed item is still sent, as cancelled: when the later of the day it was
    closed (if known) and its reminder's day is at most :data:`CANCEL_WINDOW_DAYS` before
    ``today``. So the file does not grow forever, and a reminder still ahead is always
    cancelled. Dropped actions and goals, and items closed before dates were recorded, have
    no closing day: their reminder's day stands in for it.

    >>> _recently_closed(date(2026, 9, 1), date(2026, 1, 1), date(2026, 11, 22))
    True
    >>> _recently_closed(None, date(2026, 1, 1), date(2026, 11, 22))
    False
    """
    latest = max(closed_on or day, day)
    return (today - latest).days <= CANCEL_WINDOW_DAYS
