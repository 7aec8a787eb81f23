"""Workbook -> tidy pandas DataFrames: the one bridge between the schema and pandas.

Every function takes a :class:`~career_workbook.model.Workbook` and returns a new DataFrame
with a fixed set of columns, in a fixed order, with fixed dtypes. An empty workbook gives
empty frames with the same columns (never an exception). The column lists are published as
``*_COLUMNS`` constants so that callers and tests can rely on them.

Conventions (the same in :mod:`career_workbook.analysis`):

- **dates** are ``datetime64[ns]`` columns (charts need them), ``NaT`` when missing;
- **text** columns hold python ``str`` (``object`` dtype), ``None`` when missing;
- **whole numbers** that are always present are ``int64``; numbers that may be missing
  (a confidence, a level) are ``float64`` with ``NaN``;
- **flags** are ``bool``; lists of skill names are ``tuple`` values in ``object`` columns.

Rows keep the workbook's order, except dated entries, which are sorted by date (stable, so
two entries on the same day stay in the order they were written).

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Assessment, Skill, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
>>> wb.skills.append(Skill(name="SQL", importance=5, target_level=4))
>>> wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 2}))
>>> assessments_frame(wb)
        date skill  level
0 2026-01-05   SQL      2
>>> list(goals_frame(wb).columns) == list(GOALS_COLUMNS)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

from career_workbook.model import Workbook

__all__ = [
    "ACHIEVEMENTS_COLUMNS",
    "ACTIONS_COLUMNS",
    "ASSESSMENTS_COLUMNS",
    "CHECK_INS_COLUMNS",
    "CONTACTS_COLUMNS",
    "FEEDBACK_COLUMNS",
    "GOALS_COLUMNS",
    "LATEST_LEVELS_COLUMNS",
    "LEARNING_COLUMNS",
    "MILESTONES_COLUMNS",
    "OPPORTUNITIES_COLUMNS",
    "PROGRESS_COLUMNS",
    "SKILLS_COLUMNS",
    "VALUES_COLUMNS",
    "achievements_frame",
    "actions_frame",
    "assessments_frame",
    "build_frame",
    "check_ins_frame",
    "contacts_frame",
    "feedback_frame",
    "goals_frame",
    "latest_levels_frame",
    "learning_frame",
    "milestones_frame",
    "opportunities_frame",
    "progress_frame",
    "skills_frame",
    "to_date",
    "values_frame",
]

# Column name -> kind. Kinds: date, text, int, float, bool, object.
SKILLS_COLUMNS = {
    "skill": "text", "category": "text", "importance": "int", "target_level": "int",
}
ASSESSMENTS_COLUMNS = {"date": "date", "skill": "text", "level": "int"}
LATEST_LEVELS_COLUMNS = {"skill": "text", "level": "int", "date": "date"}
GOALS_COLUMNS = {
    "goal_id": "text", "text": "text", "horizon": "text", "created": "date",
    "deadline": "date", "status": "text", "confidence": "float", "skills": "object",
    "n_milestones": "int", "milestones_done": "int", "has_metric": "bool",
    "completed_on": "date",
}
MILESTONES_COLUMNS = {
    "goal_id": "text", "title": "text", "due": "date", "done_on": "date", "done": "bool",
}
ACTIONS_COLUMNS = {
    "action_id": "text", "goal_id": "text", "text": "text", "due": "date", "status": "text",
    "priority": "text", "done_on": "date",
}
CHECK_INS_COLUMNS = {
    "date": "date", "motivation": "float", "confidence": "float", "wins": "text",
    "setbacks": "text", "lessons": "text", "adjustments": "text", "note": "text",
    "has_setback": "bool",
}
PROGRESS_COLUMNS = {"date": "date", "goal_id": "text", "progress": "int"}
FEEDBACK_COLUMNS = {
    "date": "date", "rater_group": "text", "rater_id": "text", "skill": "text",
    "level": "float", "comment": "text",
}
CONTACTS_COLUMNS = {
    "contact_id": "text", "name": "text", "relationship": "text", "organisation": "text",
    "last_contact": "date", "next_follow_up": "date", "strength": "int", "notes": "text",
}
LEARNING_COLUMNS = {
    "title": "text", "kind": "text", "skill": "text", "hours": "float", "status": "text",
    "started_on": "date", "completed_on": "date",
}
ACHIEVEMENTS_COLUMNS = {
    "date": "date", "title": "text", "impact": "text", "metric": "text", "skills": "object",
}
VALUES_COLUMNS = {"name": "text", "importance": "int", "note": "text"}
OPPORTUNITIES_COLUMNS = {
    "opportunity_id": "text", "title": "text", "kind": "text", "source": "text",
    "organisation": "text", "stage": "text", "spotted": "date", "updated": "date",
    "deadline": "date", "goal_ids": "object", "skills": "object", "next_step": "text",
    "next_step_due": "date", "notes": "text", "last_moved": "date", "n_moves": "int",
}

_DTYPES = {
    "text": object, "object": object, "int": "int64", "float": "float64", "bool": "bool",
    "date": "datetime64[ns]",
}


def build_frame(rows: Iterable[Sequence[Any]], columns: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly ``columns`` (name -> kind) and the dtypes of the conventions.

    ``rows`` are tuples in column order. Used by :mod:`career_workbook.analysis` too, so
    that every frame, empty or not, has the same dtypes.

    >>> build_frame([(date(2026, 1, 2), 3)], {"date": "date", "n": "int"}).dtypes.tolist()
    [dtype('<M8[ns]'), dtype('int64')]
    >>> build_frame([], {"date": "date", "name": "text"}).shape
    (0, 2)
    """
    rows = list(rows)
    data: dict[str, pd.Series] = {}
    for i, (name, kind) in enumerate(columns.items()):
        values = [row[i] for row in rows]
        if kind == "date":
            series = _date_series(values)
        elif kind in ("text", "object"):
            series = pd.Series(values, dtype=object)
        else:
            if kind == "float":
                values = [float("nan") if v is None else v for v in values]
            series = pd.Series(values, dtype=_DTYPES[kind])
        data[name] = series
    # the dict is in column order already: naming the columns again made pandas reindex
    return pd.DataFrame(data) if data else pd.DataFrame(data, columns=list(columns))


_FIRST_NS_DAY, _LAST_NS_DAY = date(1677, 9, 22), date(2262, 4, 11)
"""The days a ``datetime64[ns]`` holds (whole days within its range)."""


def _date_series(values: list[Any]) -> pd.Series:
    """A ``datetime64[ns]`` Series of ``values``, as ``pd.to_datetime`` gives it (midnight of
    each day; ``None`` as ``NaT``). Days (``date``, not ``datetime``) and ``None`` are
    converted by numpy, ~4x faster than ``pd.to_datetime`` (which checks each value's kind
    and format); anything else, or a day a nanosecond timestamp cannot hold, goes through
    ``pd.to_datetime`` (which then says why it cannot).

    >>> _date_series([date(2026, 1, 2), None]).tolist()
    [Timestamp('2026-01-02 00:00:00'), NaT]
    >>> _date_series(["2026-01-02"]).dtype
    dtype('<M8[ns]')
    """
    import numpy as np

    if all(v is None or (type(v) is date and _FIRST_NS_DAY <= v <= _LAST_NS_DAY)
           for v in values):
        days = np.array([np.datetime64("NaT") if v is None else v for v in values],
                        dtype="datetime64[D]")
        return pd.Series(days.astype("datetime64[ns]"))
    return pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[ns]")


def to_date(value: Any) -> date | None:
    """A frame cell (``Timestamp``, ``NaT``, ``date`` or ``None``) as a ``date`` or ``None``.

    >>> to_date(pd.Timestamp("2026-03-01")), to_date(pd.NaT)
    (datetime.date(2026, 3, 1), None)
    """
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, datetime):  # includes pandas.Timestamp
        return value.date()
    if isinstance(value, date):
        return value
    if pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _by_date(rows: list[tuple], pos: int = 0) -> list[tuple]:
    return sorted(rows, key=lambda r: r[pos])


def skills_frame(wb: Workbook) -> pd.DataFrame:
    """The tracked skills.

    Columns: ``skill``, ``category``, ``importance`` (1-5), ``target_level`` (0-5).
    """
    rows = [(s.name, s.category, s.importance, s.target_level) for s in wb.skills]
    return build_frame(rows, SKILLS_COLUMNS)


def assessments_frame(wb: Workbook) -> pd.DataFrame:
    """Self-assessments in long form: one row per (assessment, skill), sorted by date.

    Columns: ``date``, ``skill``, ``level`` (0-5).
    """
    rows = [(a.date, skill, level) for a in wb.assessments for skill, level in a.ratings.items()]
    return build_frame(_by_date(rows), ASSESSMENTS_COLUMNS)


def latest_levels_frame(wb: Workbook) -> pd.DataFrame:
    """The latest self-assessed level of each skill ever rated, in the workbook's skill order.

    Columns: ``skill``, ``level`` (0-5), ``date`` (of that rating). Of two ratings on the
    same day, the one written later wins.
    """
    latest = wb.latest_levels()
    order = {name: i for i, name in enumerate(wb.skill_names())}
    rows = sorted(
        ((skill, level, day) for skill, (level, day) in latest.items()),
        key=lambda r: (order.get(r[0], len(order)), r[0]),
    )
    return build_frame(rows, LATEST_LEVELS_COLUMNS)


def goals_frame(wb: Workbook) -> pd.DataFrame:
    """One row per goal, in workbook order (all statuses, dropped included).

    Columns: ``goal_id``, ``text``, ``horizon`` ('short'|'long'), ``created``, ``deadline``,
    ``status`` ('draft'|'active'|'done'|'dropped'), ``confidence`` (1-10, NaN if not given),
    ``skills`` (tuple of skill names), ``n_milestones``, ``milestones_done`` (milestones with
    a ``done_on`` date), ``has_metric``, ``completed_on``.
    """
    rows = [
        (
            g.id, g.text, g.horizon, g.created, g.deadline, g.status, g.confidence,
            tuple(g.skills), len(g.milestones),
            sum(m.done_on is not None for m in g.milestones), g.metric is not None,
            g.completed_on,
        )
        for g in wb.goals
    ]
    return build_frame(rows, GOALS_COLUMNS)


def milestones_frame(wb: Workbook) -> pd.DataFrame:
    """Every goal's milestones, in workbook order.

    Columns: ``goal_id``, ``title``, ``due``, ``done_on``, ``done`` (has a ``done_on``).
    """
    rows = [
        (g.id, m.title, m.due, m.done_on, m.done_on is not None)
        for g in wb.goals
        for m in g.milestones
    ]
    return build_frame(rows, MILESTONES_COLUMNS)


def actions_frame(wb: Workbook) -> pd.DataFrame:
    """The action plan, in workbook order.

    Columns: ``action_id``, ``goal_id`` (None if not linked), ``text``, ``due``,
    ``status`` ('todo'|'doing'|'done'|'dropped'), ``priority`` ('high'|'medium'|'low'),
    ``done_on`` (the day it was marked done; None when not done or not recorded).
    """
    rows = [(a.id, a.goal_id, a.text, a.due, a.status, a.priority, a.done_on)
            for a in wb.actions]
    return build_frame(rows, ACTIONS_COLUMNS)


def check_ins_frame(wb: Workbook) -> pd.DataFrame:
    """Check-ins sorted by date.

    Columns: ``date``, ``motivation`` and ``confidence`` (1-10, NaN if not given), ``wins``,
    ``setbacks``, ``lessons``, ``adjustments``, ``note`` (text, '' when empty),
    ``has_setback`` (the setbacks text is not blank).
    """
    rows = [
        (
            c.date, c.motivation, c.confidence, c.wins, c.setbacks, c.lessons, c.adjustments,
            c.note, bool(c.setbacks.strip()),
        )
        for c in wb.check_ins
    ]
    return build_frame(_by_date(rows), CHECK_INS_COLUMNS)


def progress_frame(wb: Workbook) -> pd.DataFrame:
    """Goal progress reported at check-ins, long form, sorted by date.

    Columns: ``date``, ``goal_id``, ``progress`` (0-100 %).
    """
    rows = [(c.date, gid, pct) for c in wb.check_ins for gid, pct in c.progress.items()]
    return build_frame(_by_date(rows), PROGRESS_COLUMNS)


def feedback_frame(wb: Workbook) -> pd.DataFrame:
    """360 feedback in long form: one row per (feedback entry, skill), sorted by date.

    Columns: ``date``, ``rater_group``, ``rater_id``, ``skill``, ``level`` (0-5, float),
    ``comment`` (repeated on each row of its entry). An entry with a comment but no ratings
    gives one row with ``skill`` None and ``level`` NaN, so no comment is lost.

    Privacy: this frame names raters. It is meant for use inside
    :mod:`career_workbook.analysis` only, which never shows a single rater's answers; do
    not chart or export it directly.
    """
    rows: list[tuple] = []
    for f in wb.feedback:
        if f.ratings:
            rows.extend(
                (f.date, f.rater_group, f.rater_id, skill, level, f.comment)
                for skill, level in f.ratings.items()
            )
        else:
            rows.append((f.date, f.rater_group, f.rater_id, None, None, f.comment))
    return build_frame(_by_date(rows), FEEDBACK_COLUMNS)


def contacts_frame(wb: Workbook) -> pd.DataFrame:
    """The network, in workbook order.

    Columns: ``contact_id``, ``name``, ``relationship``, ``organisation``, ``last_contact``,
    ``next_follow_up``, ``strength`` (1-5), ``notes``.
    """
    rows = [
        (c.id, c.name, c.relationship, c.organisation, c.last_contact, c.next_follow_up,
         c.strength, c.notes)
        for c in wb.contacts
    ]
    return build_frame(rows, CONTACTS_COLUMNS)


def learning_frame(wb: Workbook) -> pd.DataFrame:
    """Learning items, in workbook order.

    Columns: ``title``, ``kind``, ``skill`` (None if not linked), ``hours``, ``status``
    ('planned'|'in_progress'|'done'), ``started_on``, ``completed_on``.
    """
    rows = [
        (i.title, i.kind, i.skill, i.hours, i.status, i.started_on, i.completed_on)
        for i in wb.learning
    ]
    return build_frame(rows, LEARNING_COLUMNS)


def achievements_frame(wb: Workbook) -> pd.DataFrame:
    """Achievements sorted by date.

    Columns: ``date``, ``title``, ``impact``, ``metric`` (text), ``skills`` (tuple).
    """
    rows = [(a.date, a.title, a.impact, a.metric, tuple(a.skills)) for a in wb.achievements]
    return build_frame(_by_date(rows), ACHIEVEMENTS_COLUMNS)


def values_frame(wb: Workbook) -> pd.DataFrame:
    """Personal values, in workbook order.

    Columns: ``name``, ``importance`` (1-10), ``note``.
    """
    return build_frame([(v.name, v.importance, v.note) for v in wb.values], VALUES_COLUMNS)


def opportunities_frame(wb: Workbook) -> pd.DataFrame:
    """The opportunity pipeline, in workbook order.

    Columns: ``opportunity_id``, ``title``, ``kind``, ``source`` ('internal'|'external'),
    ``organisation``, ``stage``, ``spotted``, ``updated``, ``deadline``, ``goal_ids`` and
    ``skills`` (tuples), ``next_step`` ('' when none), ``next_step_due``, ``notes``,
    ``last_moved`` (the day it reached its stage:
    :meth:`~career_workbook.model.Opportunity.last_moved`) and ``n_moves`` (stage changes
    recorded).

    >>> from career_workbook.model import Opportunity, new_workbook
    >>> wb = new_workbook("Sam Lee")
    >>> wb.opportunities.append(Opportunity(title="Speak at PyCon", kind="speaking",
    ...                                     spotted=date(2026, 3, 1)))
    >>> opportunities_frame(wb).loc[0, ["kind", "stage", "last_moved"]].tolist()
    ['speaking', 'spotted', Timestamp('2026-03-01 00:00:00')]
    """
    rows = []
    for o in wb.opportunities:
        rows.append((
            o.id, o.title, o.kind, o.source, o.organisation, o.stage, o.spotted, o.updated,
            o.deadline, tuple(o.goal_ids), tuple(o.skills), o.next_step, o.next_step_due,
            o.notes, o.last_moved(), len(o.stage_history),
        ))
    return build_frame(rows, OPPORTUNITIES_COLUMNS)
