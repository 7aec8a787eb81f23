"""Learning: hours put in over time, per skill.

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
[['Other', 1.0, 1.0], ['SQL', 10.0, 10.0], ['SQL', 5.0, 15.0]]
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from career_workbook.analysis.period import as_of
from career_workbook.frames import build_frame
from career_workbook.model import Workbook

__all__ = [
    "LEARNING_BY_SKILL_COLUMNS",
    "LEARNING_HOURS_COLUMNS",
    "NO_SKILL",
    "learning_by_skill_frame",
    "learning_hours_frame",
]

NO_SKILL = "Other"
"""Skill label of learning items not linked to a skill."""

LEARNING_HOURS_COLUMNS = {
    "date": "date", "skill": "text", "title": "text", "hours": "float",
    "cumulative_hours": "float",
}
LEARNING_BY_SKILL_COLUMNS = {
    "skill": "text", "items": "int", "done": "int", "hours": "float", "hours_done": "float",
}


def learning_hours_frame(wb: Workbook, *, today: date) -> pd.DataFrame:
    """Learning hours by date and skill up to ``today``, with a running total per skill.

    Each item is dated by ``completed_on``, else ``started_on``; as of ``today`` (see
    :func:`~career_workbook.analysis.period.as_of`): an item started after ``today`` is
    left out, one completed after it is dated by its start. Items with neither date come
    last, with no ``date`` (NaT) and no ``cumulative_hours`` (NaN): their hours are
    logged but belong to no day, so a chart can say so instead of hiding them.

    Columns: ``date``, ``skill`` (``'Other'`` when not linked to a skill), ``title``,
    ``hours``, ``cumulative_hours`` (running total of that skill's dated hours up to and
    including the row). Sorted by date (workbook order within a day), undated last.

    >>> from career_workbook.model import LearningItem, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.learning.append(LearningItem(title="Pandas book", hours=2.5))
    >>> frame = learning_hours_frame(wb, today=date(2026, 1, 1))
    >>> frame[["date", "hours", "cumulative_hours"]].values.tolist()
    [[NaT, 2.5, nan]]
    """
    undated = [item for item in wb.learning if not (item.completed_on or item.started_on)]
    dated = sorted(  # as_of keeps only the dated items
        ((item.completed_on or item.started_on, item.skill or NO_SKILL, item.title, item.hours)
         for item in as_of(wb, today).learning), key=lambda r: r[0])
    totals: dict[str, float] = {}
    rows = []
    for day, skill, title, hours in dated:
        totals[skill] = totals.get(skill, 0.0) + hours
        rows.append((day, skill, title, hours, totals[skill]))
    rows += [(None, item.skill or NO_SKILL, item.title, item.hours, None) for item in undated]
    return build_frame(rows, LEARNING_HOURS_COLUMNS)


def learning_by_skill_frame(wb: Workbook) -> pd.DataFrame:
    """Learning items per skill, whatever their dates.

    Columns: ``skill`` (``'Other'`` when not linked), ``items``, ``done`` (items with status
    'done'), ``hours`` (all items), ``hours_done``. Skills in workbook order, 'Other' last;
    only skills with at least one item.
    """
    order = {name: i for i, name in enumerate(wb.skill_names())}
    acc: dict[str, list[float]] = {}
    for item in wb.learning:
        row = acc.setdefault(item.skill or NO_SKILL, [0, 0, 0.0, 0.0])
        done = item.status == "done"
        row[0] += 1
        row[1] += done
        row[2] += item.hours
        row[3] += item.hours if done else 0.0
    keys = sorted(acc, key=lambda s: order.get(s, len(order)))
    return build_frame([(k, *acc[k]) for k in keys], LEARNING_BY_SKILL_COLUMNS)
