"""A coach's caseload: one row per client, and what the clients have in common.

Pure: the caller loads the workbooks and computes each client's
:class:`~career_workbook.analysis.WorkbookSummary` (``analysis.summary``) and skill-gap frame
(``analysis.skill_gap_frame``); these functions only arrange them. Shared by the
``coach_overview`` notebook and the ``career-workbook cohort`` command.

Examples
--------
>>> from datetime import date
>>> from career_workbook.analysis import summary
>>> from career_workbook.model import new_workbook
>>> s = summary(new_workbook("Sam Lee", today=date(2026, 1, 1)), today=date(2026, 2, 1))
>>> frame = caseload_frame([s], clients=["sam"], target_roles=["Team Lead"])
>>> frame.loc[0, ["client", "name", "target_role"]].tolist(), float(frame.loc[0, "readiness"])
(['sam', 'Sam Lee', 'Team Lead'], nan)
>>> import pandas as pd
>>> gaps = [pd.DataFrame({"skill": ["SQL", "R"], "gap": [1.0, 0.0]}),
...         pd.DataFrame({"skill": ["SQL"], "gap": [2.0]})]
>>> cohort_gap_counts(gaps).to_dict()
{'SQL': 2}
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from career_workbook.frames import build_frame
from career_workbook.wording import whole_percent

__all__ = ["CASELOAD_COLUMNS", "WEEK_COLUMNS", "caseload_frame", "cohort_gap_counts"]

CASELOAD_COLUMNS = {
    "client": "text", "name": "text", "target_role": "text", "role_title": "text",
    "readiness": "float", "goals_active": "int", "goals_on_track": "int",
    "goals_behind": "int", "goals_overdue": "int", "goals_done": "int",
    "last_check_in": "date", "days_since_check_in": "float", "check_in_overdue": "bool",
    "overdue_follow_ups": "int",
    "actions_overdue": "int", "top_gap": "text", "stale_opportunities": "float",
    "upcoming_14_days": "float", "nudge": "text",
    "goals_not_started": "int", "goals_no_deadline": "int", "goals": "text",
}
WEEK_COLUMNS = ("stale_opportunities", "upcoming_14_days", "nudge")
"""The columns from each client's :class:`~career_workbook.analysis.coach_week.ClientWeek`
(counts as floats: NaN when no week was given)."""


def caseload_frame(summaries: Iterable[Any], *, clients: Sequence[str] | None = None,
                   target_roles: Sequence[str] | None = None,
                   weeks: Sequence[Any] | None = None) -> pd.DataFrame:
    """One row per client, in the order given.

    Parameters
    ----------
    summaries : iterable of WorkbookSummary
        From :func:`career_workbook.analysis.summary`, one per client.
    clients : sequence of str, optional
        A unique id per client (e.g. the workbook file's stem); default: the names.
    target_roles : sequence of str, optional
        Each person's own target-role text (``wb.person.target_role``); default: the title
        of the role profile readiness was measured against.
    weeks : sequence of ClientWeek, optional
        From :func:`career_workbook.analysis.coach_week.client_week`, one per client; fills
        :data:`WEEK_COLUMNS` (NaN / None without it).

    Returns
    -------
    DataFrame
        Columns :data:`CASELOAD_COLUMNS`: ``client``, ``name``, ``target_role``,
        ``role_title`` (profile used, None = own targets), ``readiness`` (0-100 in whole
        percent, rounded once from the summary's true value as the cover rounds it:
        :func:`~career_workbook.wording.whole_percent`; NaN when not measured),
        ``goals_active``, ``goals_on_track``, ``goals_behind``, ``goals_overdue``,
        ``goals_done``, ``last_check_in`` (NaT if never), ``days_since_check_in`` (NaN if
        never), ``check_in_overdue`` (:func:`~.next_actions.check_in_overdue`),
        ``overdue_follow_ups``, ``actions_overdue``, ``top_gap`` (None if none),
        ``stale_opportunities``, ``upcoming_14_days`` (reminders in the next 14 days),
        ``nudge`` (the reasons to nudge, joined by ``'; '``; ``''`` when none),
        ``goals_not_started`` and ``goals_no_deadline`` (with on track, behind and overdue,
        they add up to ``goals_active``) and ``goals`` (the counts in words, as the cover
        says them: :func:`~career_workbook.analysis.progress.goal_counts_words`).
    """
    from career_workbook.analysis.progress import goal_counts_words

    summaries = list(summaries)
    for label, given in (("clients", clients), ("target_roles", target_roles),
                         ("weeks", weeks)):
        if given is not None and len(given) != len(summaries):
            raise ValueError(f"{label} has {len(given)} items; expected one per summary "
                             f"({len(summaries)})")
    rows = []
    for i, s in enumerate(summaries):
        role = target_roles[i] if target_roles is not None else None
        rows.append((
            clients[i] if clients is not None else s.name, s.name,
            role if role else s.role_title, s.role_title,
            math.nan if s.readiness is None else float(whole_percent(s.readiness)),
            s.goals_active,
            s.goals_on_track, s.goals_behind, s.goals_overdue, s.goals_done, s.last_check_in,
            s.days_since_check_in, s.check_in_overdue, s.overdue_follow_ups,
            s.n_actions_overdue, s.top_gap_skill,
            *_week_cells(weeks[i] if weeks is not None else None),
            s.goals_not_started, s.goals_no_deadline, goal_counts_words(s.goal_counts),
        ))
    return build_frame(rows, CASELOAD_COLUMNS)


def _week_cells(week: Any) -> tuple:
    if week is None:
        return None, None, None
    return (len(week.stale_opportunities), len(week.upcoming), "; ".join(week.nudges))


def cohort_gap_counts(gap_frames: Iterable[pd.DataFrame]) -> pd.Series:
    """How many clients have a gap (``gap > 0``) in each skill, most common first.

    Each frame is one client's :func:`~career_workbook.analysis.skill_gap_frame`.
    """
    counts: dict[str, int] = {}
    for frame in gap_frames:
        for skill in set(frame.loc[frame["gap"] > 0, "skill"]):
            counts[skill] = counts.get(skill, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]).casefold()))
    return pd.Series(dict(ordered), dtype="int64", name="clients")
