"""What to do next: one ranked list drawn from the whole workbook, each with its reason.

Order of importance: a check-in, when one is due (:func:`check_in_overdue`, or the first
one while goals are active); goals past their deadline; overdue actions and milestones
(most days overdue first); goals behind plan, then goals not started with a quarter of
their time gone; the three biggest skill gaps with no learning planned; contacts due for
a follow-up; opportunities whose next step is due, or not applied for yet with their
deadline :data:`~.opportunities.DEADLINE_DAYS` days away or nearer, or passed
(:func:`~.opportunities.opportunity_deadlines_due`), then open ones that have not moved for
three weeks (stale); a prompt to rate skills; active goals whose SMART score is below 60.

The item is kept whole (a display that needs it shorter cuts it, at a word); a reason
names its goal or opportunity cut at a word at :data:`NAME_CHARS` characters
(:func:`~career_workbook.wording.shorten`), so what it says after the name is always seen.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Action, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 11, 1))
>>> wb.actions.append(Action(id="a1", text="Book the CFA exam", due=date(2026, 11, 3)))
>>> todo = next_actions_frame(wb, today=date(2026, 11, 22))
>>> todo.loc[0, ["kind", "item", "reason"]].tolist()
['overdue action', 'Book the CFA exam', 'Due 3 Nov 2026 — 3 weeks ago']
"""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING, Any

from career_workbook.model import Action, Workbook
from career_workbook.wording import (
    duration,
    one_line,
    percent,
    plural,
    relative,
    short_date,
    shorten,
)

if TYPE_CHECKING:  # pragma: no cover - pandas loads with the first frame built
    import pandas as pd

__all__ = [
    "CHECK_IN_DAYS",
    "KINDS",
    "NEXT_ACTIONS_COLUMNS",
    "action_plan_frame",
    "due_label",
    "SMART_THRESHOLD",
    "check_in_overdue",
    "goal_closed",
    "has_started",
    "next_actions_frame",
    "nothing_to_do",
    "open_actions",
    "overdue_actions",
]

KINDS = ("check-in due", "next goal", "goal overdue", "overdue action", "overdue milestone",
         "goal behind", "goal not started", "skill gap", "follow-up", "opportunity step",
         "opportunity deadline", "stale opportunity", "rate skills", "sharpen goal")
"""Every kind of next action, in the order they are ranked."""
CHECK_IN_DAYS = 30
"""A check-in is overdue when the last one is more than this many days old (or there is
none, and the workbook was started more than this many days ago): the one rule of the
next actions, the coach's nudges, the cohort chart and the calendar (see
:func:`check_in_overdue`)."""
SMART_THRESHOLD = 60
"""Active goals scoring below this SMART score are worth sharpening."""
TOP_GAPS = 3
BEHIND_FROM = 25.0
"""A goal with no progress recorded is listed as not started once this % of its time has
gone."""
NAME_CHARS = 120
"""The most characters of a goal's or an opportunity's name quoted in a reason (cut at a
word with "…"): a 2,000-character link as a title hid when the step was due."""

NEXT_ACTIONS_COLUMNS = {
    "rank": "int", "kind": "text", "item": "text", "reason": "text", "due": "date",
    "goal_id": "text",
}


def has_started(wb: Workbook) -> bool:
    """False while the workbook is as ``career-workbook new`` left it (no skills, goals,
    actions, contacts, check-ins, opportunities, achievements, feedback or assessments):
    a check-in is not chased before then.

    >>> from career_workbook.model import new_workbook
    >>> has_started(new_workbook("Sam"))
    False
    """
    return any((wb.skills, wb.goals, wb.actions, wb.contacts, wb.check_ins,
                wb.opportunities, wb.achievements, wb.feedback, wb.assessments))


def check_in_overdue(days_since: float | None, days_since_start: float | None = None) -> bool:
    """Whether a check-in is overdue: the last one more than :data:`CHECK_IN_DAYS` days
    ago; or none (``days_since`` None or NaN), and the start date more than
    :data:`CHECK_IN_DAYS` days ago (unknown start: not overdue).

    >>> check_in_overdue(30), check_in_overdue(31), check_in_overdue(None, 3)
    (False, True, False)
    >>> check_in_overdue(None, 31), check_in_overdue(float("nan"), None)
    (True, False)
    """
    if days_since is not None and not math.isnan(days_since):
        return days_since > CHECK_IN_DAYS
    return days_since_start is not None and days_since_start > CHECK_IN_DAYS


def _ago(days: int) -> str:
    return relative(-days)


def open_actions(wb: Workbook) -> list[Action]:
    """Actions still to do: todo or doing, and not for a goal that is done or dropped
    (the next actions, the coach's week and the calendar all ask this).

    >>> from career_workbook.model import Goal, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.goals.append(Goal(id="g1", text="Ship it", status="done"))
    >>> wb.actions += [Action(text="Email Dana"), Action(text="Demo", goal_id="g1")]
    >>> [a.text for a in open_actions(wb)]
    ['Email Dana']
    """
    closed = _closed_goals(wb)
    return [a for a in wb.actions if _is_open(a, closed)]


def _closed_goals(wb: Workbook) -> set[str]:
    return {g.id for g in wb.goals if g.status in ("done", "dropped")}


def _is_open(action: Action, closed: set[str]) -> bool:
    return action.status in ("todo", "doing") and action.goal_id not in closed


def overdue_actions(wb: Workbook, today: date) -> list[Action]:
    """:func:`open_actions` due before ``today``."""
    return [a for a in open_actions(wb) if a.due is not None and a.due < today]


def due_label(action: Action, today: date, wb: Workbook | None = None) -> str:
    """An action's due day for the plan's table, and how late it is while it is open
    (:func:`open_actions`: ``wb`` tells whether its goal is finished); ``''`` without one.

    >>> from career_workbook.model import new_workbook
    >>> wb, today = new_workbook("Sam"), date(2026, 12, 6)
    >>> due_label(Action(text="Email Dana", due=date(2026, 11, 20)), today, wb)
    '20 Nov 2026 — overdue, due 2 weeks ago'
    >>> due_label(Action(text="Demo", due=date(2026, 12, 8), status="doing"), today, wb)
    '8 Dec 2026 — in 2 days'
    >>> due_label(Action(text="Demo", due=date(2026, 11, 20), status="done"), today, wb)
    '20 Nov 2026'
    """
    if action.due is None:
        return ""
    text = short_date(action.due)
    is_open = _is_open(action, set() if wb is None else _closed_goals(wb))
    left = (action.due - today).days
    if not is_open or left > 7:
        return text
    if left < 0:
        return f"{text} — overdue, due {relative(left)}"
    return f"{text} — {relative(left)}"


def goal_closed(action: Action, wb: Workbook) -> str:
    """``'dropped'`` or ``'done'`` for an action still to do (todo or doing) whose goal is
    dropped or done: it is no longer open (:func:`open_actions`: never overdue), and the
    plan says why and asks to drop it or move it to another goal. ``''`` otherwise.

    >>> from career_workbook.model import Goal, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.goals.append(Goal(id="g1", text="Get promoted", status="dropped"))
    >>> goal_closed(Action(text="Ask for a sponsor", goal_id="g1"), wb)
    'dropped'
    >>> goal_closed(Action(text="Ask for a sponsor", goal_id="g1", status="dropped"), wb)
    ''
    """
    if action.status not in ("todo", "doing") or action.goal_id is None:
        return ""
    goal = next((g for g in wb.goals if g.id == action.goal_id), None)
    return goal.status if goal is not None and goal.status in ("done", "dropped") else ""


def action_plan_frame(wb: Workbook, today: date) -> pd.DataFrame:
    """The person's actions for the plan's table: overdue open ones first (the most late
    first), then the others in the workbook's order, each with its goal and
    :func:`due_label`. Columns: ``text``, ``goal``, ``due`` (the label), ``status``,
    ``priority`` (their codes), ``done_on``, ``overdue`` (bool), ``goal_closed``
    (:func:`goal_closed`: ``'dropped'``, ``'done'`` or ``''``).

    >>> from career_workbook.model import Goal, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.goals.append(Goal(id="g1", text="Get promoted", status="dropped"))
    >>> wb.actions += [Action(text="Demo", due=date(2026, 12, 20)),
    ...                Action(text="Email Dana", due=date(2026, 11, 20)),
    ...                Action(text="Ask for a sponsor", due=date(2026, 11, 1), goal_id="g1")]
    >>> action_plan_frame(wb, date(2026, 12, 6))[["text", "overdue", "goal_closed"]
    ...                                          ].values.tolist()
    [['Email Dana', True, ''], ['Demo', False, ''], ['Ask for a sponsor', False, 'dropped']]
    """
    from career_workbook.frames import build_frame

    goals = {g.id: g.text for g in wb.goals}
    late = {id(a): (today - a.due).days for a in overdue_actions(wb, today)}
    order = sorted(range(len(wb.actions)),
                   key=lambda i: (-late.get(id(wb.actions[i]), -1), i))
    rows = [(a.text, goals.get(a.goal_id, ""), due_label(a, today, wb), a.status, a.priority,
             a.done_on, id(a) in late, goal_closed(a, wb))
            for a in (wb.actions[i] for i in order)]
    return build_frame(rows, {"text": "text", "goal": "text", "due": "text", "status": "text",
                              "priority": "text", "done_on": "date", "overdue": "bool",
                              "goal_closed": "text"})


_PRIORITY = {"high": 0, "medium": 1, "low": 2}


def _overdue(wb: Workbook, today: date) -> list[tuple]:
    items = []
    for a in overdue_actions(wb, today):
        late = (today - a.due).days
        items.append(((-late, _PRIORITY[a.priority]), "overdue action", a.text,
                      f"Due {short_date(a.due)} — {_ago(late)}", a.due, a.goal_id))
    for g in wb.goals:
        if g.status != "active":
            continue
        for m in g.milestones:
            if m.done_on is None and m.due is not None and m.due < today:
                late = (today - m.due).days
                items.append((
                    (-late, 1), "overdue milestone", m.title,
                    f"Step towards “{shorten(g.text, NAME_CHARS)}”, due "
                    f"{short_date(m.due)} — {_ago(late)}",
                    m.due, g.id,
                ))
    items.sort(key=lambda item: item[0])
    return [item[1:] for item in items]


def _goals_behind(wb: Workbook, today: date,
                  progress: pd.DataFrame | None = None) -> tuple[list[tuple], list[tuple]]:
    """Active goals past their deadline (most days late first); and those behind plan, or
    not started with :data:`BEHIND_FROM` % of their time gone (furthest behind first).
    ``progress``: ``goal_progress_frame(wb, today)`` when it is already made (read only)."""
    import pandas as pd

    from career_workbook.analysis.progress import goal_progress_frame

    frame = goal_progress_frame(wb, today) if progress is None else progress
    frame = frame[frame["status"] == "active"]
    late, behind = [], []
    for row in frame.itertuples(index=False):
        deadline = None if pd.isna(row.deadline) else row.deadline.date()
        done = ("no progress recorded" if math.isnan(row.actual)
                else f"about {percent(row.actual)} done")
        if row.track == "overdue":
            days = (today - deadline).days
            reason = f"Deadline was {short_date(deadline)} — {_ago(days)}; {done}"
            late.append((-days, ("goal overdue", row.text, reason, deadline, row.goal_id)))
        elif row.track == "behind" or (row.track == "not started"
                                       and row.expected >= BEHIND_FROM):
            kind = "goal behind" if row.track == "behind" else "goal not started"
            actual = 0.0 if math.isnan(row.actual) else row.actual
            reason = (f"{done[0].upper()}{done[1:]}, but {percent(row.expected)} of the time "
                      f"to {short_date(deadline)} has gone")
            behind.append(((kind != "goal behind", actual - row.expected),
                           (kind, row.text, reason, deadline, row.goal_id)))
    late.sort(key=lambda item: item[0])
    behind.sort(key=lambda item: item[0])
    return [item for _, item in late], [item for _, item in behind]


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
    from career_workbook.analysis.network import contact_labels

    named = {id(c): label for c, label in zip(wb.contacts, contact_labels(wb.contacts),
                                               strict=True)}
    due = sorted((c for c in wb.contacts if c.next_follow_up and c.next_follow_up <= today),
                 key=lambda c: c.next_follow_up)
    return [
        ("follow-up", f"Follow up with {named[id(c)]}",
         f"Follow-up due {short_date(c.next_follow_up)} — "
         f"{_ago((today - c.next_follow_up).days)}",
         c.next_follow_up, None)
        for c in due
    ]


def _deadline_reason(o: Any, left: int, today: date) -> str:
    """Why an opportunity's deadline is a next action (:func:`~.opportunities.
    opportunity_deadlines_due`): coming, or passed while it is still not applied for."""
    when = f"{short_date(o.deadline)} — {relative(left)}"
    if left >= 0:
        return f"Deadline {when}: apply, or mark it not now"
    return (f"Deadline passed ({when}) and it is still “{o.stage.replace('_', ' ')}”: "
            "apply late if they still take it, or mark it not now")


def _opportunities(wb: Workbook, today: date) -> list[tuple]:
    from career_workbook.analysis.opportunities import (
        STALE_WEEKS,
        opportunity_deadlines_due,
        opportunity_steps_due,
        stale_opportunities,
    )

    items = []
    deadlines = opportunity_deadlines_due(wb, today)
    left_of = {id(o): left for o, left in deadlines}
    due = opportunity_steps_due(wb, today)
    for o in due:
        late = (today - o.next_step_due).days
        step = one_line(o.next_step) or "decide the next step"
        # one row per opportunity: a deadline due too is said in the step's reason
        deadline = (f". {_deadline_reason(o, left_of[id(o)], today)}" if id(o) in left_of
                    else "")
        items.append(("opportunity step", f"{step[0].upper()}{step[1:]}",
                      f"Next step for “{shorten(o.title, NAME_CHARS)}”, due "
                      f"{short_date(o.next_step_due)} — {_ago(late)}{deadline}",
                      o.next_step_due, None))
    shown = {id(o) for o in due}
    for o, left in deadlines:
        if id(o) in shown:
            continue
        shown.add(id(o))
        items.append(("opportunity deadline", o.title, _deadline_reason(o, left, today),
                      o.deadline, None))
    for o, days in stale_opportunities(wb, today):
        if id(o) in shown:
            continue
        items.append(("stale opportunity", o.title,
                      f"Still at “{o.stage.replace('_', ' ')}” for {duration(days)} (over "
                      f"{STALE_WEEKS} weeks) — move it on, give its next step a date, or "
                      "mark it not now", None, None))
    return items


def _sharpen(wb: Workbook, today: date, catalog: Any = None) -> list[tuple]:
    from career_workbook.analysis.scorecard import goal_hints, score_saved_goal, skill_vocabulary

    items = []
    vocab = skill_vocabulary(wb, catalog)
    for g in wb.goals:
        if g.status != "active":
            continue
        r = score_saved_goal(wb, g, today, vocab=vocab)
        if r.score < SMART_THRESHOLD:
            hints = goal_hints(r)
            tip = f" — {hints[0]}" if hints else ""
            items.append((r.score, ("sharpen goal", g.text,
                                    f"SMART score {r.score:.0f}/100{tip}", None, g.id)))
    items.sort(key=lambda item: item[0])
    return [item for _, item in items]


def _check_in(wb: Workbook, today: date) -> list[tuple]:
    past = [c.date for c in wb.check_ins if c.date <= today]
    start = wb.person.start_date
    since_start = None if start is None else (today - start).days
    if past:
        days = (today - max(past)).days
        if check_in_overdue(days):
            return [("check-in due", "Record a check-in",
                     f"No check-in for {duration(days)} — the last was "
                     f"{short_date(max(past))}", None, None)]
        return []
    if has_started(wb) and check_in_overdue(None, since_start):
        return [("check-in due", "Record a check-in",
                 f"No check-in yet, {duration(since_start)} after starting — ten minutes on "
                 "progress, wins and setbacks keeps your goals moving", None, None)]
    if any(g.status == "active" for g in wb.goals):
        return [("check-in due", "Record a check-in",
                 "No check-in recorded yet — ten minutes on progress, wins and setbacks "
                 "keeps your goals moving", None, None)]
    return []


def _next_goal(wb: Workbook, today: date) -> list[tuple]:
    """"Set your next goal" when every goal there is was finished or dropped by ``today``
    (none active, none drafted): the plan has run out, which no other item says.

    >>> from career_workbook.model import Goal, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.goals += [Goal(text="Pass the exam", status="done", completed_on=date(2026, 3, 1)),
    ...              Goal(text="Lead a review", status="dropped")]
    >>> _next_goal(wb, date(2026, 12, 6))[0][1:3]
    ('Set your next goal', '1 goal done and 1 dropped, none active — choose what comes next in step 04')
    >>> wb.goals.append(Goal(text="Mentor a junior", status="draft"))
    >>> _next_goal(wb, date(2026, 12, 6))
    []
    """  # noqa: E501
    from career_workbook.analysis.period import goal_as_of

    goals = [goal_as_of(g, today) for g in wb.goals]
    if not goals or any(g.status in ("active", "draft") for g in goals):
        return []
    done = sum(g.status == "done" for g in goals)
    dropped = len(goals) - done
    said = " and ".join(filter(None, [
        f"{plural(done, 'goal')} done" if done else "",
        (f"{dropped}" if done else plural(dropped, "goal")) + " dropped" if dropped else ""]))
    return [("next goal", "Set your next goal",
             f"{said}, none active — choose what comes next in step 04", None, None)]


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
    wb: Workbook, today: date, role: Any = None, limit: int | None = 10, *,
    catalog: Any = None, progress: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The most useful next steps, most urgent first.

    Parameters
    ----------
    wb : Workbook
    today : date
    role : RoleProfile-like, optional
        Skill gaps are measured against it (see :func:`~.skills.skill_gap_frame`).
    limit : int or None
        Keep at most this many rows (None: all). The ranking puts a due check-in and
        overdue goals first, so a short list keeps them.
    catalog : Catalog, optional
        For the SMART scores of goals to sharpen: the target role's skills make a goal
        relevant (see :func:`~.scorecard.skill_vocabulary`).
    progress : DataFrame, optional
        :func:`~.progress.goal_progress_frame` of ``wb`` on ``today``, when the caller has
        it already (a review pack's progress chart): not computed a second time. Read,
        never changed.

    Returns
    -------
    DataFrame with columns ``rank`` (1 = do first), ``kind`` (one of ``KINDS``), ``item``
    (what to do, or the goal/skill concerned), ``reason`` (a sentence saying why now),
    ``due`` (NaT when there is no date), ``goal_id`` (None when not about a goal).
    """
    from career_workbook.frames import build_frame

    late_goals, behind_goals = _goals_behind(wb, today, progress)
    items = [
        *_check_in(wb, today), *_next_goal(wb, today), *late_goals, *_overdue(wb, today),
        *behind_goals,
        *_skill_gaps(wb, role), *_follow_ups(wb, today), *_opportunities(wb, today),
        *_rate_skills(wb, role), *_sharpen(wb, today, catalog),
    ]
    if limit is not None:
        items = items[: max(limit, 0)]
    return build_frame([(i, *item) for i, item in enumerate(items, start=1)],
                       NEXT_ACTIONS_COLUMNS)
