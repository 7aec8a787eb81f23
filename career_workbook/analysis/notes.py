"""What a valid workbook holds that will not count as its owner may think: the notes
``career-workbook validate`` prints under a file that is otherwise ok.

A workbook can be valid and still hold entries the forms would now refuse: a day typed
with the wrong year (the charts leave it out until that day comes, see
:func:`~career_workbook.analysis.period.as_of`), the same rater twice on one day (from an
older CSV import: the ratings of the last count, every comment shows), an opportunity
"spotted" after its first recorded move, and the contradictions the forms refuse today but
an older file (or an editor) may hold: a follow-up before the last contact, one person
recorded twice, learning completed before it started or while not done, a milestone (or an
action still to do) due after its goal's deadline, a goal set after today or after its own
deadline (or on a day not recorded), progress saved at a check-in dated before its goal
was set, a deadline whose year is today's with its digits swapped (2062 for 2026).
Each note names the entry as ``validate`` names a field (``check-in 4, date``: counted
from 1, with its title where it has one; :func:`~career_workbook.model.said_paths`), its
value and what to do. Pure: no I/O.

>>> from career_workbook.model import CheckIn, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
>>> wb.check_ins = [CheckIn(date=date(2026, 3, 1)), CheckIn(date=date(2062, 3, 1))]
>>> workbook_notes(wb, date(2026, 12, 5))
['check-in 2, date = 2062-03-01 is after today (5 Dec 2026): the charts and counts leave it out until that day (a typo for 2026?)']
>>> workbook_notes(wb, date(2062, 3, 1))
[]
"""  # noqa: E501

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any

from career_workbook.model import said_paths
from career_workbook.wording import (
    duration,
    not_counted_yet,
    short_date,
    swapped_year,
    typo_year,
)

if TYPE_CHECKING:  # pragma: no cover
    from career_workbook.model import Workbook

__all__ = ["HAPPENED_FIELDS", "START_FIELDS", "happened_days", "later_start", "start_days",
           "workbook_notes"]


def _later(fields: list[tuple[str, date | None]], today: date) -> list[str]:
    """One note per day typed with a swapped year, one per section for the other days
    after ``today`` (a workbook kept ahead of the day checked has dozens)."""
    notes, by_section = [], {}
    for path, day in fields:
        if day is None or day <= today:
            continue
        if swapped_year(day, today):
            notes.append(f"{path} = {day.isoformat()} is {not_counted_yet(today)} "
                         f"(a typo for {today.year}?)")
        else:
            by_section.setdefault(path.partition("[")[0], []).append((path, day))
    for section, found in by_section.items():
        if len(found) == 1:
            (path, day), = found
            notes.append(f"{path} = {day.isoformat()} is {not_counted_yet(today)}")
            continue
        days = sorted(day for _, day in found)
        span = (days[0].isoformat() if days[0] == days[-1]
                else f"{days[0].isoformat()} to {days[-1].isoformat()}")
        first, last = (re.sub(r"\.\w+$", "", found[i][0]) for i in (0, -1))  # the records
        notes.append(f"{len(found)} days in {section.replace('_', '-')} ({span}: {first} to "
                     f"{last}) are {not_counted_yet(today, len(found))}")
    return notes


HAPPENED_FIELDS: dict[str, tuple[str, ...]] = {
    "Assessment": ("date",), "Feedback": ("date",), "CheckIn": ("date",),
    "Achievement": ("date",), "LearningItem": ("started_on", "completed_on"),
    "Goal": ("completed_on",), "Milestone": ("done_on",), "Contact": ("last_contact",),
    "Opportunity": ("spotted",),
}
"""Model -> its fields that record a day that has come: nothing dated after today counts
(:func:`~career_workbook.analysis.period.as_of`), so ``validate`` and the forms say so."""


def happened_days(record: Any) -> list[tuple[str, date | None]]:
    """Each field of ``record`` (a workbook entry) that records a day that has come, with
    its value: a goal's milestones too (``milestones[0].done_on``).

    >>> from career_workbook.model import LearningItem
    >>> happened_days(LearningItem(title="SQL", started_on=date(2026, 3, 1)))
    [('started_on', datetime.date(2026, 3, 1)), ('completed_on', None)]
    """
    found = [(name, getattr(record, name))
             for name in HAPPENED_FIELDS.get(type(record).__name__, ())]
    for j, step in enumerate(getattr(record, "milestones", None) or ()):
        found += [(f"milestones[{j}].{path}", day) for path, day in happened_days(step)]
    return found


START_FIELDS: dict[str, tuple[str, ...]] = {"Person": ("start_date",)}
"""Model -> its fields that record when something starts: a day after today is fine (a new
job next month) and is not left out, but the reminders count from it, so ``validate`` and
the forms note it, never refuse it (:func:`later_start`)."""


def start_days(record: Any) -> list[tuple[str, date | None]]:
    """Each field of ``record`` that records when something starts
    (:data:`START_FIELDS`), with its value.

    >>> from career_workbook.model import Person
    >>> start_days(Person(name="Sam", start_date=date(2027, 1, 4)))
    [('start_date', datetime.date(2027, 1, 4))]
    """
    return [(name, getattr(record, name))
            for name in START_FIELDS.get(type(record).__name__, ())]


def later_start(day: date, today: date) -> str:
    """What is said of a start ``day`` after ``today`` (after the field's name and value):
    fine, and what counts from it; a year with its digits swapped is asked about.

    >>> later_start(date(2027, 1, 4), date(2026, 12, 6))
    'is after today (6 Dec 2026): fine if that is when you start; your first check-in reminder counts from that day'
    >>> later_start(date(2062, 1, 4), date(2026, 12, 6))[-18:]
    '(a typo for 2026?)'
    """  # noqa: E501
    typo = f" (a typo for {today.year}?)" if swapped_year(day, today) else ""
    return (f"is after today ({short_date(today)}): fine if that is when you start; your first "
            f"check-in reminder counts from that day{typo}")


def _later_starts(wb: Workbook, today: date) -> list[str]:
    """A start day after ``today`` (:func:`later_start`).

    >>> from career_workbook.model import new_workbook
    >>> _later_starts(new_workbook("Sam Lee", today=date(2027, 1, 4)), date(2026, 12, 6))[0][:52]
    'person.start_date = 2027-01-04 is after today (6 Dec'
    """
    return [f"person.{path} = {day.isoformat()} {later_start(day, today)}"
            for path, day in start_days(wb.person) if day is not None and day > today]


def _dated_fields(wb: Workbook) -> list[tuple[str, date | None]]:
    """Each recorded day that must have come, with its field path."""
    return [(f"{section}[{i}].{path}", day)
            for section in ("assessments", "feedback", "check_ins", "achievements", "learning",
                            "goals", "contacts", "opportunities")
            for i, item in enumerate(getattr(wb, section))
            for path, day in happened_days(item)]


def _repeated_raters(wb: Workbook) -> list[str]:
    """Two 360 entries with ratings of one rater on one day (a rater rates once a day; an
    entry with only a comment is one more thing they said, as an import keeps it)."""
    keys = [(f.rater_group, f.rater_key, f.date) if f.ratings or f.reputation else None
            for f in wb.feedback]
    counts = Counter(keys)
    notes, told = [], set()
    for key in keys:
        if key is not None and counts[key] > 1 and key not in told:
            told.add(key)
            where = [f"feedback[{j}]" for j, k in enumerate(keys) if k == key]
            group, _, day = key
            rater = wb.feedback[keys.index(key)].rater_id  # as written ("M9" and "m9": one)
            notes.append(f"{', '.join(where)}: {rater} ({group}, {day.isoformat()}) is "
                         f"recorded {counts[key]} times: the ratings of the last ({where[-1]}) "
                         "count and every comment shows; delete the wrong entry, or import "
                         "the corrected CSV again (it keeps one)")
    return notes


def _spotted_after_first_move(wb: Workbook) -> list[str]:
    notes = []
    for i, opp in enumerate(wb.opportunities):
        if not opp.stage_history:
            continue
        first = min(opp.stage_history, key=lambda move: move.date)
        if opp.spotted > first.date:
            notes.append(f"opportunities[{i}].spotted = {opp.spotted.isoformat()} is after its "
                         f"first move ({first.stage}, {first.date.isoformat()}): set the day "
                         f"you first noticed it, on or before {first.date.isoformat()}")
    return notes


def _contacts(wb: Workbook) -> list[str]:
    """A follow-up before the last contact; one person (name and organisation, compared
    as the forms and the contacts import compare them) recorded more than once."""
    from career_workbook.imports import normalise_name

    notes, seen = [], {}
    for i, c in enumerate(wb.contacts):
        if c.last_contact and c.next_follow_up and c.next_follow_up < c.last_contact:
            notes.append(f"contacts[{i}].next_follow_up = {c.next_follow_up.isoformat()} is "
                         f"before its last contact ({c.last_contact.isoformat()}): it shows "
                         "as overdue; set the day you will next get in touch, or clear it")
        seen.setdefault((normalise_name(c.name), normalise_name(c.organisation)), []).append(i)
    for found in seen.values():
        if len(found) > 1:
            c = wb.contacts[found[0]]
            who = f"{c.name} ({c.organisation})" if c.organisation.strip() else c.name
            notes.append(f"{', '.join(f'contacts[{i}]' for i in found)}: {who} is recorded "
                         f"{len(found)} times: keep one (notebook 07), or add the "
                         "organisation that tells them apart")
    return notes


def _learning(wb: Workbook) -> list[str]:
    """Learning completed before it started, or completed while its status says not done
    (the hours chart counts it on that day); hours put in on an item still planned.

    >>> from career_workbook.model import LearningItem, new_workbook
    >>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
    >>> wb.learning = [LearningItem(title="Stats", hours=7)]
    >>> _learning(wb)
    ['learning[0].hours = 7 on a planned item: hours so far are time put in, and the charts count them; set the status to in progress (with the day it started), or the hours to 0']
    """  # noqa: E501
    notes = []
    for i, item in enumerate(wb.learning):
        done, start = item.completed_on, item.started_on
        if item.status == "planned" and item.hours > 0:
            notes.append(f"learning[{i}].hours = {item.hours:g} on a planned item: hours so "
                         "far are time put in, and the charts count them; set the status to "
                         "in progress (with the day it started), or the hours to 0")
        if done is None:
            continue
        if start is not None and done < start:
            notes.append(f"learning[{i}].completed_on = {done.isoformat()} is before it "
                         f"started ({start.isoformat()}): a course, book or project ends "
                         "after it starts")
        elif item.status != "done":
            notes.append(f"learning[{i}].completed_on = {done.isoformat()}, but its status "
                         f"is {item.status.replace('_', ' ')}: the hours chart counts it as "
                         "learnt on that day; set the status to done, or clear the date")
    return notes


def _late_milestones(wb: Workbook) -> list[str]:
    """A milestone due after its goal's deadline (a step after the goal it leads to:
    :func:`~career_workbook.analysis.progress.late_milestones`, the forms' rule)."""
    from career_workbook.analysis.progress import late_milestones

    notes = []
    for i, goal in enumerate(wb.goals):
        late = late_milestones(goal.milestones, goal.deadline)
        notes += [f"goals[{i}].milestones[{j}].due = {m.due.isoformat()} is after the goal's "
                  f"deadline ({goal.deadline.isoformat()}): move the step on or before it, or "
                  "the goal's deadline (goal review, step 09)"
                  for j, m in enumerate(goal.milestones) if any(m is x for x in late)]
    return notes


def _late_actions(wb: Workbook) -> list[str]:
    """An action still to do that is due after its goal's deadline (the milestones' rule,
    :func:`~career_workbook.analysis.progress.late_milestones`, as the action form
    refuses it).

    >>> from career_workbook.model import Action, Goal, new_workbook
    >>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
    >>> wb.goals = [Goal(id="g1", text="Run 2 workshops", deadline=date(2027, 3, 15))]
    >>> wb.actions = [Action(text="Run workshop 2", goal_id="g1", due=date(2027, 4, 30)),
    ...               Action(text="Book a room", goal_id="g1", due=date(2027, 4, 30),
    ...                      status="done", done_on=date(2026, 12, 1))]
    >>> _late_actions(wb)
    ["actions[0].due = 2027-04-30 is after its goal's deadline (2027-03-15): move the action on or before it, or the goal's deadline (goal review, step 09)"]
    """  # noqa: E501
    from career_workbook.analysis.progress import late_milestones

    deadlines = {g.id: g.deadline for g in wb.goals}
    return [f"actions[{i}].due = {a.due.isoformat()} is after its goal's deadline "
            f"({deadlines[a.goal_id].isoformat()}): move the action on or before it, or the "
            "goal's deadline (goal review, step 09)"
            for i, a in enumerate(wb.actions)
            if a.status in ("todo", "doing") and a.goal_id in deadlines
            and late_milestones([a], deadlines[a.goal_id])]


def _swapped_deadlines(wb: Workbook, today: date) -> list[str]:
    """A deadline or due day (goal, milestone, action, opportunity) whose year looks
    mistyped: today's or next year's with its digits swapped (2062 for 2026,
    :func:`~career_workbook.wording.typo_year`): the forms ask before saving one
    (:func:`~career_workbook.wording.swapped_deadline`); a file written before, by hand or
    from another tool, is noted, even when that day in that year has passed.

    >>> from career_workbook.model import Action, Goal, Opportunity, new_workbook
    >>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
    >>> wb.goals = [Goal(text="Read 12 books", deadline=date(2062, 12, 31)),
    ...             Goal(text="Lead the team", deadline=date(2036, 12, 31))]
    >>> wb.opportunities = [Opportunity(title="Speak at PyData", spotted=date(2026, 1, 5),
    ...                                 deadline=date(2062, 1, 15))]
    >>> wb.actions = [Action(text="Book the course", due=date(2072, 3, 1))]
    >>> for note in _swapped_deadlines(wb, date(2026, 12, 6)):
    ...     print(note)
    goals[0].deadline = 2062-12-31 is 36 years after today (6 Dec 2026): a typo for 2026? The timeline runs to that year; if so, move it in the goal review (step 09)
    actions[0].due = 2072-03-01 is 45 years after today (6 Dec 2026): a typo for 2027? The action waits for that year; if so, fix it in the action plan (step 06)
    opportunities[0].deadline = 2062-01-15 is 35 years after today (6 Dec 2026): a typo for 2026? Its reminder waits for that year; if so, fix it in the opportunities form (step 10)
    """  # noqa: E501
    def noted(path: str, day: date | None, fix: str) -> list[str]:
        year = typo_year(day, today)
        if year is None:
            return []
        return [f"{path} = {day.isoformat()} is {duration((day - today).days)} after today "
                f"({short_date(today)}): a typo for {year}? {fix}"]

    found: list[str] = []
    for i, goal in enumerate(wb.goals):
        found += noted(f"goals[{i}].deadline", goal.deadline, "The timeline runs to that "
                       "year; if so, move it in the goal review (step 09)")
        for j, step in enumerate(goal.milestones):
            found += noted(f"goals[{i}].milestones[{j}].due", step.due, "The step waits for "
                           "that year; if so, fix it in the milestones form (step 06)")
    for i, action in enumerate(wb.actions):
        found += noted(f"actions[{i}].due", action.due, "The action waits for that year; "
                       "if so, fix it in the action plan (step 06)")
    for i, opp in enumerate(wb.opportunities):
        found += noted(f"opportunities[{i}].deadline", opp.deadline, "Its reminder waits for "
                       "that year; if so, fix it in the opportunities form (step 10)")
    return found


def _goal_set_days(wb: Workbook, today: date) -> list[str]:
    """A goal set after ``today`` or after its own deadline (2062 typed for 2026): its pace
    is measured from its first recorded progress instead
    (:func:`~career_workbook.analysis.progress.pace_start`).

    >>> from career_workbook.model import Goal, new_workbook
    >>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
    >>> wb.goals = [Goal(text="Ship it", created=date(2062, 10, 1),
    ...                  deadline=date(2026, 12, 20))]
    >>> _goal_set_days(wb, date(2026, 12, 6))
    ["goals[0].created = 2062-10-01 is after today (6 Dec 2026) and after the goal's deadline (2026-12-20): its pace is measured from its first recorded progress instead (a typo for 2026?); correct it in the file"]
    >>> wb.goals[0].created = date(2026, 11, 1)
    >>> wb.goals[0].deadline = date(2026, 3, 31)
    >>> _goal_set_days(wb, date(2026, 12, 6))
    ["goals[0].created = 2026-11-01 is after the goal's deadline (2026-03-31): its pace is measured from its first recorded progress instead; correct it in the file, or move the deadline (goal review, step 09)"]
    """  # noqa: E501
    notes = []
    for i, goal in enumerate(wb.goals):
        set_on, deadline = goal.created, goal.deadline
        if set_on is None:
            notes += _set_day_unknown(wb, i, today)
            continue
        after = [f"after today ({short_date(today)})"] if set_on > today else []
        if deadline is not None and set_on > deadline:
            after.append(f"after the goal's deadline ({deadline.isoformat()})")
        if not after:
            continue
        # set after its deadline, not after today: "by March 2026" written in November
        fix = ("correct it in the file, or move the deadline (goal review, step 09)"
               if set_on <= today else "correct it in the file")
        typo = f" (a typo for {today.year}?)" if swapped_year(set_on, today) else ""
        notes.append(f"goals[{i}].created = {set_on.isoformat()} is {' and '.join(after)}: "
                     f"its pace is measured from its first recorded progress instead{typo}; "
                     f"{fix}")
    return notes


def _early_progress(wb: Workbook, today: date) -> list[str]:
    """Progress saved at a check-in dated before its goal was set (an older file, or one
    edited by hand; the check-in form refuses it now): not counted nor drawn
    (:func:`~career_workbook.analysis.progress.early_progress`).

    >>> from career_workbook.model import CheckIn, Goal, new_workbook
    >>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
    >>> wb.goals = [Goal(id="g1", text="Ship it", created=date(2026, 11, 1))]
    >>> wb.check_ins = [CheckIn(date=date(2026, 10, 20), progress={"g1": 40})]
    >>> _early_progress(wb, date(2026, 12, 6))
    ['check_ins[0].progress.g1 = 40 is dated 2026-10-20, before its goal was set (goals[0].created = 2026-11-01): the charts and counts leave it out; date that check-in 2026-11-01 or later, or correct the day the goal was set']
    """  # noqa: E501
    from career_workbook.analysis.progress import early_progress

    index = {g.id: i for i, g in enumerate(wb.goals)}
    return [f"check_ins[{e.check_in}].progress.{e.goal_id} = {e.progress} is dated "
            f"{e.day.isoformat()}, before its goal was set (goals[{index[e.goal_id]}].created"
            f" = {e.set_on.isoformat()}): the charts and counts leave it out; date that "
            f"check-in {e.set_on.isoformat()} or later, or correct the day the goal was set"
            for e in early_progress(wb, today)]


def _set_day_unknown(wb: Workbook, i: int, today: date) -> list[str]:
    """The note on ``wb.goals[i]`` when the day it was set is not recorded (an older file):
    its pace is measured from its first recorded progress
    (:func:`~career_workbook.analysis.progress.pace_start`); none for a goal done or
    dropped (no pace to measure).

    >>> from career_workbook.model import CheckIn, Goal, new_workbook
    >>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
    >>> wb.goals = [Goal(id="g1", text="Ship it", status="active", created=None)]
    >>> _set_day_unknown(wb, 0, date(2026, 12, 6))
    ['goals[0].created is not recorded: its pace will be measured from its first recorded progress; add the day it was set to the file (created: YYYY-MM-DD)']
    >>> wb.check_ins = [CheckIn(date=date(2026, 10, 5), progress={"g1": 20})]
    >>> _set_day_unknown(wb, 0, date(2026, 12, 6))
    ['goals[0].created is not recorded: its pace is measured from its first recorded progress (5 Oct 2026); add the day it was set to the file (created: YYYY-MM-DD)']
    """  # noqa: E501
    from career_workbook.analysis.progress import checkin_points, pace_start

    goal = wb.goals[i]
    if goal.status in ("done", "dropped"):
        return []
    start = pace_start(goal, checkin_points(wb, today).get(goal.id, []), today)
    pace = ("will be measured from its first recorded progress" if start is None else
            f"is measured from its first recorded progress ({short_date(start)})")
    return [f"goals[{i}].created is not recorded: its pace {pace}; add the day it was set "
            "to the file (created: YYYY-MM-DD)"]


def workbook_notes(wb: Workbook, today: date) -> list[str]:
    """Notes on entries of a valid workbook that will not count as expected on ``today``
    (see the module docstring); ``[]`` when there is nothing to say.

    >>> from career_workbook.model import Feedback, new_workbook
    >>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
    >>> p9 = Feedback(rater_group="peer", rater_id="p9", date=date(2026, 11, 20),
    ...               reputation={"reliable": 4})
    >>> wb.feedback = [p9, p9.model_copy(update={"comment": "fixed"})]
    >>> workbook_notes(wb, date(2026, 12, 5))
    ['feedback entry 1, feedback entry 2: p9 (peer, 2026-11-20) is recorded 2 times: the ratings of the last (feedback entry 2) count and every comment shows; delete the wrong entry, or import the corrected CSV again (it keeps one)']
    """  # noqa: E501
    notes = (_later_starts(wb, today) + _later(_dated_fields(wb), today) + _repeated_raters(wb)
             + _spotted_after_first_move(wb) + _contacts(wb) + _learning(wb)
             + _late_milestones(wb) + _late_actions(wb) + _goal_set_days(wb, today)
             + _early_progress(wb, today) + _swapped_deadlines(wb, today))
    return [said_paths(note, wb) for note in notes]
