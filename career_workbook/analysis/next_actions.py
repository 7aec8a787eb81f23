"""What to do next: one ranked list drawn from the whole workbook, each with its reason.

Order of urgency: overdue actions and milestones (most days overdue first); goals past
their deadline or behind plan; the three biggest skill gaps with no learning planned;
contacts due for a follow-up; opportunities whose next step is due, then open ones that
have not moved for three weeks (stale); active goals whose SMART score is below 60; a check-in when
the last one is more than 30 days old.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Action, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 1))
>>> wb.actions.append(Action(id="a1", text="Book the CFA exam", due=date(2026, 11, 3)))
>>> todo = next_actions_frame(wb, today=date(2026, 11, 22))
>>> todo.loc[0, ["kind", "item", "reason"]].tolist()
['overdue action', 'Book the CFA exam', 'Due 3 Nov — 19 days ago']
"""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING, Any

from career_workbook.model import Action, Workbook
from career_workbook.wording import days_ago as _ago

if TYPE_CHECKING:  # pragma: no cover - pandas loads with the first frame built
    import pandas as pd

__all__ = [
    "CHECK_IN_DAYS",
    "KINDS",
    "NEXT_ACTIONS_COLUMNS",
    "SMART_THRESHOLD",
    "format_day",
    "next_actions_frame",
    "nothing_to_do",
    "overdue_actions",
]

KINDS = ("overdue action", "overdue milestone", "goal behind", "skill gap", "follow-up",
         "opportunity step", "stale opportunity", "rate skills", "sharpen goal",
         "check-in due")
CHECK_IN_DAYS = 30
"""A check-in is due when the last one is more than this many days old."""
SMART_THRESHOLD = 60
"""Active goals scoring below this SMART score are worth sharpening."""
TOP_GAPS = 3
BEHIND_FROM = 25.0
"""A goal with no progress recorded counts as behind once this % of its time has gone."""

NEXT_ACTIONS_COLUMNS = {
    "rank": "int", "kind": "text", "item": "text", "reason": "text", "due": "date",
    "goal_id": "text",
}


def format_day(day: date, today: date) -> str:
    """A short, friendly date: '3 Nov', with the year when it is not ``today``'s year.

    >>> format_day(date(2026, 11, 3), today=date(2026, 11, 22))
    '3 Nov'
    >>> format_day(date(2025, 1, 9), today=date(2026, 1, 1))
    '9 Jan 2025'
    """
    text = f"{day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def overdue_actions(wb: Workbook, today: date) -> list[Action]:
    """Open actions (todo or doing) due before ``today``, whose goal is not done or dropped."""
    closed = {g.id for g in wb.goals if g.status in ("done", "dropped")}
    return [
        a for a in wb.actions
        if a.status in ("todo", "doing") and a.due is not None and a.due < today
        and a.goal_id not in closed
    ]


_PRIORITY = {"high": 0, "medium": 1, "low": 2}


def _overdue(wb: Workbook, today: date) -> list[tuple]:
    items = []
    for a in overdue_actions(wb, today):
        late = (today - a.due).days
        items.append(((-late, _PRIORITY[a.priority]), "overdue action", a.text,
                      f"Due {format_day(a.due, today)} — {_ago(late)}", a.due, a.goal_id))
    for g in wb.goals:
        if g.status != "active":
            continue
        for m in g.milestones:
            if m.done_on is None and m.due is not None and m.due < today:
                late = (today - m.due).days
                items.append((
                    (-late, 1), "overdue milestone", m.title,
                    f"Step towards “{_short(g.text)}”, due {format_day(m.due, today)} — "
                    f"{_ago(late)}",
                    m.due, g.id,
                ))
    items.sort(key=lambda item: item[0])
    return [item[1:] for item in items]


def _goals_behind(wb: Workbook, today: date) -> list[tuple]:
    import pandas as pd

    from career_workbook.analysis.progress import goal_progress_frame

    frame = goal_progress_frame(wb, today)
    frame = frame[frame["status"] == "active"]
    items = []
    for row in frame.itertuples(index=False):
        deadline = None if pd.isna(row.deadline) else row.deadline.date()
        done = "no progress recorded" if math.isnan(row.actual) else f"about {row.actual:.0f}% done"
        if row.track == "overdue":
            late = (today - deadline).days
            reason = f"Deadline was {format_day(deadline, today)} — {_ago(late)}; {done}"
            items.append(((0, -late), reason, deadline, row))
        elif row.track == "behind" or (row.track == "not started"
                                       and row.expected >= BEHIND_FROM):
            actual = 0.0 if math.isnan(row.actual) else row.actual
            reason = (f"{done[0].upper()}{done[1:]}, but {row.expected:.0f}% of the time to "
                      f"{format_day(deadline, today)} has gone")
            items.append(((1, actual - row.expected), reason, deadline, row))
    items.sort(key=lambda item: item[0])
    return [("goal behind", row.text, reason, deadline, row.goal_id)
            for _, reason, deadline, row in items]


def _skill_gaps(wb: Workbook, role: Any) -> list[tuple]:
    """Measured gaps only: a skill never rated is a prompt (:func:`_rate_skills`)."""
    from career_workbook.analysis.skills import skill_gap_frame

    learning = {item.skill for item in wb.learning if item.skill}
    gaps = skill_gap_frame(wb, role)
    gaps = gaps[(gaps["gap"] > 0) & ~gaps["skill"].isin(learning)].head(TOP_GAPS)
    return [
        ("skill gap", row.skill,
         f"Level {row.current:.0f}, target {row.target:.0f} (importance "
         f"{row.importance:.0f}) — no learning planned for it yet", None, None)
        for row in gaps.itertuples(index=False)
    ]


def _rate_skills(wb: Workbook, role: Any) -> list[tuple]:
    from career_workbook.analysis.skills import unrated_prompt

    prompt = unrated_prompt(wb, role)
    if prompt is None:
        return []
    return [("rate skills", "Rate your skills", f"{prompt} — in notebook 01", None, None)]


def _follow_ups(wb: Workbook, today: date) -> list[tuple]:
    due = sorted((c for c in wb.contacts if c.next_follow_up and c.next_follow_up <= today),
                 key=lambda c: c.next_follow_up)
    return [
        ("follow-up", f"Follow up with {c.name}",
         f"Follow-up due {format_day(c.next_follow_up, today)} — "
         f"{_ago((today - c.next_follow_up).days)}",
         c.next_follow_up, None)
        for c in due
    ]


def _opportunities(wb: Workbook, today: date) -> list[tuple]:
    from career_workbook.analysis.opportunities import (
        STALE_WEEKS,
        opportunity_steps_due,
        stale_opportunities,
    )

    items = []
    due = opportunity_steps_due(wb, today)
    for o in due:
        late = (today - o.next_step_due).days
        step = _short(o.next_step) if o.next_step.strip() else "decide the next step"
        items.append(("opportunity step", f"{step[0].upper()}{step[1:]}",
                      f"Next step for “{_short(o.title, 50)}”, due "
                      f"{format_day(o.next_step_due, today)} — {_ago(late)}",
                      o.next_step_due, None))
    shown = {o.id for o in due}
    for o, days in stale_opportunities(wb, today):
        if o.id in shown:
            continue
        items.append(("stale opportunity", o.title,
                      f"Still at “{o.stage.replace('_', ' ')}” for {days} days (over "
                      f"{STALE_WEEKS} weeks) — move it on, or mark it not now", None, None))
    return items


def _sharpen(wb: Workbook, today: date) -> list[tuple]:
    from career_workbook.analysis.scorecard import CRITERIA, goal_context
    from career_workbook.analysis.smart import score_goal

    items = []
    for g in wb.goals:
        if g.status != "active":
            continue
        r = score_goal(g.text, today=today, confidence=g.confidence,
                       context=goal_context(wb, g))
        if r.score < SMART_THRESHOLD:
            hints = [h for c in CRITERIA if not r.criteria[c].met for h in r.criteria[c].hints]
            tip = f" — {hints[0]}" if hints else ""
            items.append((r.score, ("sharpen goal", g.text,
                                    f"SMART score {r.score:.0f}/100{tip}", None, g.id)))
    items.sort(key=lambda item: item[0])
    return [item for _, item in items]


def _check_in(wb: Workbook, today: date) -> list[tuple]:
    past = [c.date for c in wb.check_ins if c.date <= today]
    if not past:
        if any(g.status == "active" for g in wb.goals):
            return [("check-in due", "Record a check-in",
                     "No check-in recorded yet — ten minutes on progress, wins and setbacks "
                     "keeps your goals moving", None, None)]
        return []
    days = (today - max(past)).days
    if days > CHECK_IN_DAYS:
        return [("check-in due", "Record a check-in",
                 f"No check-in for {days} days — the last was {format_day(max(past), today)}",
                 None, None)]
    return []


def nothing_to_do(wb: Workbook) -> str:
    """What the list says when :func:`next_actions_frame` finds nothing: praise only when
    there is something to be up to date with, else where to start.

    >>> from career_workbook.model import CheckIn, Goal, new_workbook
    >>> wb = new_workbook("Sam")
    >>> nothing_to_do(wb)
    'Nothing to review yet — set your first goal in step 04, then come back here for a check-in.'
    >>> wb.goals.append(Goal(id="g1", text="Ship the forecast"))
    >>> nothing_to_do(wb)
    'Nothing urgent yet — record your first check-in (step 09) to start tracking your goals.'
    >>> wb.check_ins.append(CheckIn(date=date(2026, 3, 1), progress={"g1": 20}))
    >>> nothing_to_do(wb)
    'Nothing urgent: you are up to date. Well done!'
    """
    if not wb.goals and not wb.actions and not wb.check_ins:
        return ("Nothing to review yet — set your first goal in step 04, then come back here "
                "for a check-in.")
    if wb.goals and not wb.check_ins:
        return ("Nothing urgent yet — record your first check-in (step 09) to start "
                "tracking your goals.")
    return "Nothing urgent: you are up to date. Well done!"


def next_actions_frame(
    wb: Workbook, today: date, role: Any = None, limit: int | None = 10
) -> pd.DataFrame:
    """The most useful next steps, most urgent first.

    Parameters
    ----------
    wb : Workbook
    today : date
    role : RoleProfile-like, optional
        Skill gaps are measured against it (see :func:`~.skills.skill_gap_frame`).
    limit : int or None
        Keep at most this many rows (None: all).

    Returns
    -------
    DataFrame with columns ``rank`` (1 = do first), ``kind`` (one of ``KINDS``), ``item``
    (what to do, or the goal/skill concerned), ``reason`` (a sentence saying why now),
    ``due`` (NaT when there is no date), ``goal_id`` (None when not about a goal).
    """
    from career_workbook.frames import build_frame

    items = [
        *_overdue(wb, today), *_goals_behind(wb, today), *_skill_gaps(wb, role),
        *_follow_ups(wb, today), *_opportunities(wb, today), *_rate_skills(wb, role),
        *_sharpen(wb, today),
        *_check_in(wb, today),
    ]
    if limit is not None:
        items = items[: max(limit, 0)]
    return build_frame([(i, *item) for i, item in enumerate(items, start=1)],
                       NEXT_ACTIONS_COLUMNS)
