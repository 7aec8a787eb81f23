"""Learning: hours put in over time, per skill.

Hours are shown by one rule, :func:`~career_workbook.wording.number` (at most two
decimals: 12.75 h is "12.75", never "12.8" beside a total of "15.2"), in the table, the
chart and the chooser, so the shown parts add up to the shown total.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import LearningItem, Skill, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 1))
>>> wb.skills.append(Skill(name="SQL"))
>>> wb.learning += [
...     LearningItem(title="SQL course", skill="SQL", hours=10, completed_on=date(2026, 2, 1)),
...     LearningItem(title="SQL book", skill="SQL", hours=5, started_on=date(2026, 3, 1)),
...     LearningItem(title="Talk", hours=1, started_on=date(2026, 1, 10)),
... ]
>>> frame = learning_hours_frame(wb, today=date(2026, 3, 31))
>>> frame[["skill", "hours", "cumulative_hours"]].values.tolist()
[['No skill chosen', 1.0, 1.0], ['SQL', 10.0, 10.0], ['SQL', 5.0, 15.0]]
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from career_workbook.analysis.period import as_of
from career_workbook.frames import build_frame
from career_workbook.model import LearningItem, Workbook
from career_workbook.wording import not_counted_yet, number, plural, short_date

__all__ = [
    "LEARNING_BY_SKILL_COLUMNS",
    "LEARNING_HOURS_COLUMNS",
    "LEARNING_LATER_COLUMNS",
    "NO_SKILL",
    "hours_text",
    "learning_by_skill_frame",
    "learning_hours_frame",
    "learning_later_frame",
    "learning_later_note",
]

NO_SKILL = "No skill chosen"
"""Skill label of learning items not linked to a skill (not "Other": a skill of that name
read the same, and the chart's "Other skills" groups the skills past its lines)."""

LEARNING_HOURS_COLUMNS = {
    "date": "date", "skill": "text", "title": "text", "hours": "float",
    "cumulative_hours": "float",
}
LEARNING_LATER_COLUMNS = {"date": "date", "skill": "text", "title": "text", "hours": "float"}
LEARNING_BY_SKILL_COLUMNS = {
    "skill": "text", "items": "int", "done": "int", "hours": "float", "hours_done": "float",
}


def hours_text(hours: float) -> str:
    """Learning hours as the table, the chart and the forms show them: the one rounding
    (:func:`~career_workbook.wording.number`: at most two decimals), so parts and totals
    shown agree (2.5 + 12.75 is 15.25, not "15.2" beside "12.8").

    >>> hours_text(12.75), hours_text(15.25), hours_text(3.0), hours_text(1234.5)
    ('12.75', '15.25', '3', '1,234.5')
    """
    return number(hours)


def learning_hours_frame(wb: Workbook, *, today: date) -> pd.DataFrame:
    """Learning hours by date and skill up to ``today``, with a running total per skill.

    Each item is dated by ``completed_on``, else ``started_on``; as of ``today`` (see
    :func:`~career_workbook.analysis.period.as_of`): an item started after ``today`` is
    left out (:func:`learning_later_frame`), one completed after it is dated by its start.
    Items with neither date come last, with no ``date`` (NaT) and no ``cumulative_hours``
    (NaN): their hours are logged but belong to no day, so a chart can say so instead of
    hiding them. The items are those :func:`learning_by_skill_frame` counts.

    Columns: ``date``, ``skill`` (:data:`NO_SKILL` when not linked to a skill), ``title``,
    ``hours``, ``cumulative_hours`` (running total of that skill's dated hours up to and
    including the row). Sorted by date (workbook order within a day), undated last.

    >>> from career_workbook.model import LearningItem, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.learning.append(LearningItem(title="Pandas book", hours=2.5))
    >>> frame = learning_hours_frame(wb, today=date(2026, 1, 1))
    >>> frame[["date", "hours", "cumulative_hours"]].values.tolist()
    [[NaT, 2.5, nan]]
    """
    counted, undated = _counted(wb, today)
    dated = sorted(
        ((item.completed_on or item.started_on, item.skill or NO_SKILL, item.title, item.hours)
         for item in counted), key=lambda r: r[0])
    totals: dict[str, float] = {}
    rows = []
    for day, skill, title, hours in dated:
        totals[skill] = totals.get(skill, 0.0) + hours
        rows.append((day, skill, title, hours, totals[skill]))
    rows += [(None, item.skill or NO_SKILL, item.title, item.hours, None) for item in undated]
    return build_frame(rows, LEARNING_HOURS_COLUMNS)


def _counted(wb: Workbook, today: date) -> tuple[list[LearningItem], list[LearningItem]]:
    """``(dated, undated)``: the learning items whose hours count on ``today``, the one
    rule of the chart and the table: those dated up to it (as they stood then,
    :func:`~career_workbook.analysis.period.as_of`), and those with no date."""
    undated = [item for item in wb.learning if not (item.completed_on or item.started_on)]
    return as_of(wb, today).learning, undated


def learning_by_skill_frame(wb: Workbook, *, today: date) -> pd.DataFrame:
    """Learning items per skill: the items whose hours count on ``today``, as in
    :func:`learning_hours_frame` (dated up to ``today``, or undated); an item dated after
    it counts from that day (:func:`learning_later_frame` lists them), one completed after
    it is not done yet.

    Columns: ``skill`` (:data:`NO_SKILL` when not linked), ``items``, ``done`` (items with
    status 'done'), ``hours`` (all items), ``hours_done``. Skills in workbook order,
    :data:`NO_SKILL` last;
    only skills with at least one item.

    >>> from career_workbook.model import LearningItem, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.learning += [
    ...     LearningItem(title="Stats", hours=2.5, status="done", started_on=date(2026, 11, 1)),
    ...     LearningItem(title="Next", hours=7, status="in_progress", started_on=date(2027, 1, 10))]
    >>> learning_by_skill_frame(wb, today=date(2026, 12, 6)).values.tolist()
    [['No skill chosen', 1, 1, 2.5, 2.5]]
    """
    order = {name: i for i, name in enumerate(wb.skill_names())}
    acc: dict[str, list[float]] = {}
    for item in sum(_counted(wb, today), []):
        row = acc.setdefault(item.skill or NO_SKILL, [0, 0, 0.0, 0.0])
        done = item.status == "done"
        row[0] += 1
        row[1] += done
        row[2] += item.hours
        row[3] += item.hours if done else 0.0
    keys = sorted(acc, key=lambda s: order.get(s, len(order)))
    return build_frame([(k, *acc[k]) for k in keys], LEARNING_BY_SKILL_COLUMNS)


def learning_later_frame(wb: Workbook, *, today: date) -> pd.DataFrame:
    """The learning items dated after ``today`` (started, or completed without a start,
    after it): their hours count from that day, so the charts and the table leave them
    out until then and say so (:func:`learning_later_note`).

    Columns: ``date`` (the day it starts to count), ``skill``, ``title``, ``hours``;
    sorted by date.

    >>> from career_workbook.model import LearningItem, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.learning.append(LearningItem(title="Next", hours=7, started_on=date(2027, 1, 10)))
    >>> learning_later_frame(wb, today=date(2026, 12, 6))[["title", "hours"]].values.tolist()
    [['Next', 7.0]]
    """
    rows = sorted(((first, item.skill or NO_SKILL, item.title, item.hours)
                   for item in wb.learning
                   if (first := item.started_on or item.completed_on) is not None
                   and first > today), key=lambda r: r[0])
    return build_frame(rows, LEARNING_LATER_COLUMNS)


def learning_later_note(later: pd.DataFrame, today: date) -> str:
    """What the learning table says about the items of ``later``
    (:func:`learning_later_frame`) it leaves out until their day: ``''`` when none.

    >>> later = pd.DataFrame({"date": pd.to_datetime(["2027-01-10", "2027-02-01"]),
    ...                       "title": ["Next", "Exam prep"], "hours": [7.0, 0.0]})
    >>> learning_later_note(later, date(2026, 12, 6))
    '7 h in 2 items, dated 10 Jan 2027 to 1 Feb 2027, are after today (6 Dec 2026): the charts and counts leave them out until those days'
    >>> learning_later_note(later[1:], date(2026, 12, 6))
    '“Exam prep”, dated 1 Feb 2027, is after today (6 Dec 2026): the charts and counts leave it out until that day'
    """  # noqa: E501
    n = len(later)
    if not n:
        return ""
    hours = float(later["hours"].sum())
    days = sorted(pd.Timestamp(d).date() for d in later["date"])
    when = short_date(days[0]) + (f" to {short_date(days[-1])}" if days[-1] != days[0] else "")
    what = f"“{later['title'].iloc[0]}”" if n == 1 else plural(n, "item")
    what = f"{hours_text(hours)} h in {what}" if hours > 0 else what
    return f"{what}, dated {when}, {'is' if n == 1 else 'are'} {not_counted_yet(today, n)}"
