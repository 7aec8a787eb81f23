"""SMART scorecard: every goal scored with :func:`career_workbook.analysis.smart.score_goal`,
using what the workbook knows about the person as context.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Goal, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 1))
>>> wb.goals.append(Goal(id="g1", text="Pass the CFA Level I exam by June 2027",
...                      status="active", created=date(2026, 1, 1)))
>>> card = smart_scorecard_frame(wb, today=date(2026, 11, 22))
>>> row = card.iloc[0]
>>> row["goal_id"], bool(row["deadline_found"]), row["text_deadline"].date()
('g1', True, datetime.date(2027, 6, 30))
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from career_workbook.frames import build_frame, goals_frame
from career_workbook.model import Goal, Workbook

__all__ = [
    "CRITERIA", "GOALS_TABLE_COLUMNS", "SCORECARD_COLUMNS", "goal_context", "goals_table_frame",
    "smart_scorecard_frame",
]

CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")

SCORECARD_COLUMNS = {
    "goal_id": "text", "text": "text", "status": "text",
    **{c: "float" for c in CRITERIA},
    "score": "float", "deadline_found": "bool", "text_deadline": "date", "hints": "object",
}
GOALS_TABLE_COLUMNS = {
    "goal_id": "text", "text": "text", "status": "text", "deadline": "date",
    "confidence": "float", "score": "float", "track": "text", "actual": "float",
}


def goal_context(wb: Workbook, goal: Goal) -> Any:
    """The :class:`~career_workbook.analysis.smart.GoalContext` for scoring ``goal``.

    Vision texts (long and short term, joined by a newline), the target role, value names,
    skill names, the skills linked to the goal, and the deadlines of the person's other
    active goals.
    """
    from career_workbook.analysis.smart import GoalContext

    vision = "\n".join(t for t in (wb.vision.long_term, wb.vision.short_term) if t.strip())
    return GoalContext(
        vision=vision,
        target_role=wb.person.target_role,
        values=tuple(v.name for v in wb.values),
        skills=tuple(wb.skill_names()),
        linked_skills=tuple(goal.skills),
        other_deadlines=tuple(
            g.deadline for g in wb.goals
            if g.id != goal.id and g.status == "active" and g.deadline is not None
        ),
    )


def smart_scorecard_frame(wb: Workbook, today: date) -> pd.DataFrame:
    """SMART scores of every goal that is not dropped, in workbook order.

    Columns: ``goal_id``, ``text``, ``status``; ``specific``, ``measurable``,
    ``achievable``, ``relevant``, ``time_bound`` (each 0-1); ``score`` (0-100);
    ``deadline_found`` (the scorer read a deadline in the text); ``text_deadline`` (that
    date, NaT if none); ``hints`` (tuple of suggestions for the criteria not met).
    The goal's own ``confidence`` is passed to the scorer. The status is the goal's on
    ``today`` (:func:`~career_workbook.analysis.period.as_of`: done later is active then).
    """
    from career_workbook.analysis.period import as_of
    from career_workbook.analysis.smart import score_goal

    wb = as_of(wb, today)
    rows = []
    for g in wb.goals:
        if g.status == "dropped":
            continue
        r = score_goal(g.text, today=today, confidence=g.confidence,
                       context=goal_context(wb, g))
        hints = tuple(h for c in CRITERIA if not r.criteria[c].met for h in r.criteria[c].hints)
        rows.append((
            g.id, g.text, g.status, *(float(r.criteria[c].score) for c in CRITERIA),
            float(r.score), r.deadline is not None, r.deadline, hints,
        ))
    return build_frame(rows, SCORECARD_COLUMNS)


def goals_table_frame(wb: Workbook, today: date) -> pd.DataFrame:
    """Every goal (in workbook order) with its SMART score and progress: the "Your goals" table.

    Columns: ``goal_id``, ``text``, ``status``, ``deadline``, ``confidence``; ``score``
    (SMART 0-100, NaN for a dropped goal); ``track`` and ``actual`` (% done) from
    :func:`~career_workbook.analysis.progress.goal_progress_frame` (None/NaN when it has no
    row for the goal). The same columns and dtypes with no goals at all:

    >>> from career_workbook.model import new_workbook
    >>> goals_table_frame(new_workbook("Sam Lee"), today=date(2026, 1, 1)).dtypes.tolist()[:5]
    [dtype('O'), dtype('O'), dtype('O'), dtype('<M8[ns]'), dtype('float64')]
    """
    from career_workbook.analysis.period import as_of
    from career_workbook.analysis.progress import goal_progress_frame

    wb = as_of(wb, today)  # the status on ``today``, as the progress columns have it
    goals = goals_frame(wb)[["goal_id", "text", "status", "deadline", "confidence"]]
    card = smart_scorecard_frame(wb, today)[["goal_id", "score"]]
    progress = goal_progress_frame(wb, today)[["goal_id", "track", "actual"]]
    table = (goals.merge(card, on="goal_id", how="left", validate="1:1")
             .merge(progress, on="goal_id", how="left", validate="1:1"))
    return build_frame(table.itertuples(index=False), GOALS_TABLE_COLUMNS)
