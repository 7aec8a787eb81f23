"""The opportunity pipeline: where each opportunity stands, how long it has waited, what next.

Stages run ``spotted -> exploring -> applied -> interviewing`` (the open stages) and end in
``offer``, ``declined`` or ``not_now`` (the outcomes). An open opportunity is **stale** when
it has not moved for more than ``stale_weeks`` weeks (default :data:`STALE_WEEKS`): still at
the stage it reached then (:func:`days_still`: a move is a stage change; editing the next
step or the notes is not) and no next step dated today or later (one with a plan is
waiting, not stuck). The pipeline table, the chart, the next actions and the coach's
nudges all count these days.
An opportunity not applied for yet has its ``deadline`` counted down (:func:`deadline_left`);
from :data:`DEADLINE_DAYS` days before it, and once it has passed, it is due for attention
(:func:`opportunity_deadlines_due`): the one rule of the next actions, the coach's nudges
and the calendar (which reminds of every such deadline, and cancels the reminder once applied
for or closed).
Moving a stage, forwards or back, goes through :func:`move_stage`, which keeps
the history.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Opportunity, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 9, 1))
>>> opp = Opportunity(id="o1", title="Data lead role", kind="role", spotted=date(2026, 9, 1))
>>> opp = move_stage(opp, "applied", date(2026, 9, 10))
>>> [(c.stage, c.date.isoformat()) for c in opp.stage_history]
[('spotted', '2026-09-01'), ('applied', '2026-09-10')]
>>> wb.opportunities.append(opp)
>>> row = opportunity_status_frame(wb, today=date(2026, 10, 15)).iloc[0]
>>> row["stage"], int(row["age_days"]), int(row["days_still"]), bool(row["stale"])
('applied', 44, 35, True)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from career_workbook.model import OPPORTUNITY_STAGES, Opportunity, StageChange, Workbook
from career_workbook.wording import relative, short_date

if TYPE_CHECKING:  # pragma: no cover - pandas loads with the first frame built
    import pandas as pd

__all__ = [
    "BEFORE_APPLYING",
    "CLOSED_STAGES",
    "DEADLINE_DAYS",
    "OPEN_STAGES",
    "OPPORTUNITY_STATUS_COLUMNS",
    "PIPELINE_COLUMNS",
    "STAGE_LABELS",
    "STALE_WEEKS",
    "days_still",
    "is_stale",
    "deadline_label",
    "deadline_left",
    "move_stage",
    "next_stage",
    "opportunity_deadlines_due",
    "opportunity_status_frame",
    "opportunity_steps_due",
    "pipeline_frame",
    "previous_stage",
    "record_move",
    "stale_opportunities",
]

STALE_WEEKS = 3
"""An open opportunity with no movement for this many weeks is stale."""
OPEN_STAGES = ("spotted", "exploring", "applied", "interviewing")
CLOSED_STAGES = ("offer", "declined", "not_now")
BEFORE_APPLYING = ("spotted", "exploring")
"""Open stages whose ``deadline`` is still to be met (applying is what it asks for)."""
DEADLINE_DAYS = 14
"""An opportunity not applied for yet is due for attention (a next action, a coach's nudge)
from this many days before its deadline: the coach's "coming up" horizon
(:data:`~career_workbook.analysis.coach_week.UPCOMING_DAYS`), so a deadline before the next
fortnightly review is named at this one."""
STAGE_LABELS = {
    "spotted": "Spotted", "exploring": "Exploring", "applied": "Applied",
    "interviewing": "Interviewing", "offer": "Offer", "declined": "Declined",
    "not_now": "Not now",
}

OPPORTUNITY_STATUS_COLUMNS = {
    "opportunity_id": "text", "title": "text", "kind": "text", "source": "text",
    "organisation": "text", "stage": "text", "open": "bool", "age_days": "int",
    "days_still": "int", "stale": "bool", "next_step": "text", "next_step_due": "date",
    "step_overdue": "bool", "deadline": "date",
}
PIPELINE_COLUMNS = {
    "stage": "text", "label": "text", "count": "int", "stale": "int",
    "median_age_days": "float", "oldest_age_days": "float",
}


def next_stage(stage: str) -> str:
    """The stage after ``stage`` on the way to an offer (``'offer'`` stays ``'offer'``;
    a closed door, ``declined`` or ``not_now``, reopens at ``exploring``).

    >>> next_stage("spotted"), next_stage("interviewing"), next_stage("not_now")
    ('exploring', 'offer', 'exploring')
    """
    path = (*OPEN_STAGES, "offer")
    if stage in path:
        return path[min(path.index(stage) + 1, len(path) - 1)]
    return "exploring"


def previous_stage(stage: str) -> str:
    """The stage before ``stage`` (``'spotted'`` stays; an outcome goes back to interviewing).

    >>> previous_stage("applied"), previous_stage("spotted"), previous_stage("declined")
    ('exploring', 'spotted', 'interviewing')
    """
    if stage in OPEN_STAGES:
        return OPEN_STAGES[max(OPEN_STAGES.index(stage) - 1, 0)]
    return "interviewing"


def move_stage(opp: Opportunity, stage: str, day: date) -> Opportunity:
    """A copy of ``opp`` at ``stage``, updated on ``day``, with the move in its history.

    Moving to the stage it is already at changes nothing. A record whose history is empty
    first gets its stage as it reached it (on the day it did:
    :meth:`~career_workbook.model.Opportunity.last_moved`), so the history tells the
    whole story. Moves made on ``day`` and taken back that same day (back to the stage
    it had before them: a stage set by mistake, corrected) are no movement: they leave
    the history, so the days at its stage (:func:`days_still`) and whether it is stale
    stay as they were.

    >>> o = Opportunity(title="Stretch: run the offsite", spotted=date(2026, 1, 5))
    >>> o = move_stage(move_stage(o, "exploring", date(2026, 1, 9)), "spotted",
    ...                date(2026, 2, 1))
    >>> [c.stage for c in o.stage_history], o.stage, o.updated.isoformat()
    (['spotted', 'exploring', 'spotted'], 'spotted', '2026-02-01')
    >>> slip = move_stage(o, "applied", date(2026, 3, 2))  # a mistake, taken back that day
    >>> back = move_stage(slip, "spotted", date(2026, 3, 2))
    >>> back.stage_history == o.stage_history, days_still(back, date(2026, 3, 2))
    (True, 29)
    """
    if stage not in OPPORTUNITY_STAGES:
        raise ValueError(f"stage = {stage!r}: must be one of {', '.join(OPPORTUNITY_STAGES)}")
    if stage == opp.stage:
        return opp
    history = list(opp.stage_history)
    if not history:
        history.append(StageChange(stage=opp.stage, date=min(opp.last_moved(), day)))
    today = 0  # the moves made on ``day`` (never the first entry: where it started)
    while today < len(history) - 1 and history[-1 - today].date == day:
        today += 1
    if today and history[-1 - today].stage == stage:
        del history[-today:]  # back where the day started: no move
    else:
        history.append(StageChange(stage=stage, date=day))
    return opp.model_copy(update={"stage": stage, "updated": day, "stage_history": history})


def record_move(before: Opportunity | None, after: Opportunity, day: date) -> Opportunity:
    """``after`` (an edited record) with its stage history kept right, as saved by a form.

    A new record starts its history at its stage on its ``spotted`` date. An edit that
    changes the stage appends the move (see :func:`move_stage`); any other edit (the next
    step, the notes) is not a move: the days at its stage (:func:`days_still`) go on.

    >>> old = Opportunity(title="Talk at PyData", spotted=date(2026, 1, 5))
    >>> new = record_move(None, old, date(2026, 1, 5))
    >>> [c.stage for c in new.stage_history]
    ['spotted']
    >>> moved = record_move(new, new.model_copy(update={"stage": "applied"}), date(2026, 2, 1))
    >>> [c.stage for c in moved.stage_history], moved.updated.isoformat()
    (['spotted', 'applied'], '2026-02-01')
    >>> stepped = record_move(moved, moved.model_copy(update={"next_step": "Chase"}),
    ...                       date(2026, 3, 1))
    >>> days_still(stepped, date(2026, 3, 1))
    28
    """
    if before is None:
        if after.stage_history:
            return after
        return after.model_copy(update={
            "stage_history": [StageChange(stage=after.stage, date=min(after.spotted, day))]})
    if after.stage != before.stage:
        return move_stage(after.model_copy(update={"stage": before.stage}), after.stage, day)
    return after


def days_still(opp: Opportunity, today: date) -> int:
    """Days ``opp`` has been at its stage: since it last moved
    (:meth:`~career_workbook.model.Opportunity.last_moved`), 0 when that is after
    ``today``. The pipeline table shows them ("At this stage for").

    >>> o = Opportunity(title="Data lead role", spotted=date(2026, 9, 1),
    ...                 updated=date(2026, 9, 10))
    >>> days_still(o, date(2026, 10, 1)), days_still(o, date(2026, 9, 5))
    (21, 0)
    """
    return max((today - opp.last_moved()).days, 0)


def is_stale(opp: Opportunity, today: date, stale_weeks: int = STALE_WEEKS) -> bool:
    """The stale rule: open, at its stage for more than ``stale_weeks`` weeks
    (:func:`days_still`), and no next step due today or later (a dated next step still to
    come is a plan: it is not stale until that day has passed).

    Plain Python (no DataFrame), so a caseload of thousands is quick; the pipeline frames
    use it too.

    >>> o = Opportunity(title="Data lead role", spotted=date(2026, 9, 1))
    >>> is_stale(o, date(2026, 9, 22)), is_stale(o, date(2026, 9, 23))
    (False, True)
    >>> is_stale(o.model_copy(update={"stage": "not_now"}), date(2027, 1, 1))
    False
    >>> planned = o.model_copy(update={"next_step": "Prepare", "next_step_due": date(2026, 10, 2)})
    >>> is_stale(planned, date(2026, 10, 1)), is_stale(planned, date(2026, 10, 3))
    (False, True)
    """
    if opp.stage not in OPEN_STAGES or days_still(opp, today) <= 7 * stale_weeks:
        return False
    return opp.next_step_due is None or opp.next_step_due < today


def deadline_left(opp: Opportunity, today: date) -> int | None:
    """Days from ``today`` to the ``deadline`` of an opportunity not applied for yet
    (spotted or exploring; negative once it has passed); ``None`` without a deadline, or
    once applied for or closed (the deadline was to apply by).

    >>> o = Opportunity(title="Speak at PyData", deadline=date(2026, 11, 30))
    >>> deadline_left(o, date(2026, 12, 6)), deadline_left(o, date(2026, 11, 27))
    (-6, 3)
    >>> deadline_left(o.model_copy(update={"stage": "applied"}), date(2026, 12, 6))
    """
    if opp.stage not in BEFORE_APPLYING or opp.deadline is None:
        return None
    return (opp.deadline - today).days


def deadline_label(deadline: Any, stage: str, today: date) -> str:
    """A deadline for the pipeline table: the day, and how near it is (or that it has
    passed) while the opportunity is not applied for yet; ``''`` without one.

    >>> deadline_label(date(2026, 11, 30), "spotted", date(2026, 12, 6))
    '30 Nov 2026 — passed 6 days ago'
    >>> deadline_label(date(2026, 12, 9), "exploring", date(2026, 12, 6))
    '9 Dec 2026 — in 3 days'
    >>> deadline_label(date(2026, 11, 30), "applied", date(2026, 12, 6)), deadline_label(None, "spotted", date(2026, 12, 6))
    ('30 Nov 2026', '')
    """  # noqa: E501
    if deadline is None or deadline != deadline:  # None or NaT
        return ""
    day = deadline.date() if hasattr(deadline, "date") and callable(deadline.date) else deadline
    text = short_date(day)
    if stage not in BEFORE_APPLYING:
        return text
    left = (day - today).days
    if left < 0:
        return f"{text} — passed {relative(left)}"
    return f"{text} — {relative(left)}" if left <= 30 else text


def opportunity_status_frame(
    wb: Workbook, today: date, stale_weeks: int = STALE_WEEKS
) -> pd.DataFrame:
    """One row per opportunity spotted by ``today``, in workbook order, with its age and
    whether it is stale, as it stood on ``today`` (a later move is not made yet; see
    :func:`~career_workbook.analysis.period.as_of`).

    Columns: ``opportunity_id``, ``title``, ``kind``, ``source``, ``organisation``,
    ``stage``, ``open`` (not yet an offer, declined or not now), ``age_days`` (since it
    was spotted), ``days_still`` (at its stage: :func:`days_still`), ``stale`` (open and
    still for more than ``stale_weeks`` weeks, :func:`is_stale`), ``next_step``,
    ``next_step_due``, ``step_overdue`` (open, with a next step due before ``today``),
    ``deadline``.
    """
    import pandas as pd

    from career_workbook.analysis.period import as_of
    from career_workbook.frames import build_frame, opportunities_frame

    wb = as_of(wb, today)
    frame = opportunities_frame(wb)
    now = pd.Timestamp(today)
    rows = []
    for opp, r in zip(wb.opportunities, frame.itertuples(index=False), strict=True):
        is_open = r.stage in OPEN_STAGES
        due = r.next_step_due
        rows.append((
            r.opportunity_id, r.title, r.kind, r.source, r.organisation, r.stage, is_open,
            max((now - r.spotted).days, 0), days_still(opp, today),
            is_stale(opp, today, stale_weeks), r.next_step,
            due, bool(is_open and not pd.isna(due) and due < now), r.deadline,
        ))
    return build_frame(rows, OPPORTUNITY_STATUS_COLUMNS)


def pipeline_frame(wb: Workbook, today: date, stale_weeks: int = STALE_WEEKS) -> pd.DataFrame:
    """The pipeline by stage: one row per stage, in order, empty stages included.

    Columns: ``stage``, ``label`` (for people), ``count``, ``stale`` (how many of them),
    ``median_age_days`` and ``oldest_age_days`` (days since spotted; NaN when the stage is
    empty).

    >>> from career_workbook.model import new_workbook
    >>> frame = pipeline_frame(new_workbook("Sam"), date(2026, 1, 1))
    >>> len(frame), int(frame["count"].sum())
    (7, 0)
    """
    from career_workbook.frames import build_frame

    status = opportunity_status_frame(wb, today, stale_weeks)
    rows = []
    for stage in OPPORTUNITY_STAGES:
        here = status[status["stage"] == stage]
        ages = here["age_days"]
        rows.append((stage, STAGE_LABELS[stage], len(here), int(here["stale"].sum()),
                     float(ages.median()) if len(ages) else None,
                     float(ages.max()) if len(ages) else None))
    return build_frame(rows, PIPELINE_COLUMNS)


def stale_opportunities(
    wb: Workbook, today: date, stale_weeks: int = STALE_WEEKS
) -> list[tuple[Opportunity, int]]:
    """Open opportunities at their stage for more than ``stale_weeks`` weeks, with the
    days since they last moved; the longest still first (see :func:`is_stale`)."""
    found = [(o, days_still(o, today)) for o in wb.opportunities
             if is_stale(o, today, stale_weeks)]
    return sorted(found, key=lambda pair: -pair[1])


def opportunity_steps_due(
    wb: Workbook, today: date, within_days: int = 0
) -> list[Opportunity]:
    """Open opportunities whose next step is due by ``today + within_days``, soonest first."""
    horizon = today + timedelta(days=within_days)
    due = [o for o in wb.opportunities
           if o.stage in OPEN_STAGES and o.next_step_due is not None
           and o.next_step_due <= horizon]
    return sorted(due, key=lambda o: o.next_step_due)


def opportunity_deadlines_due(
    wb: Workbook, today: date, within_days: int = DEADLINE_DAYS
) -> list[tuple[Opportunity, int]]:
    """Opportunities not applied for yet whose deadline is at most ``within_days`` days
    away, or has passed, with the days left (negative: passed; see :func:`deadline_left`),
    the earliest deadline first. Applied for, or closed: never listed.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.opportunities += [
    ...     Opportunity(title="Talk at PyData", deadline=date(2026, 12, 15)),
    ...     Opportunity(title="Data lead role", deadline=date(2027, 1, 31)),
    ...     Opportunity(title="Sent it", stage="applied", deadline=date(2026, 12, 10))]
    >>> [(o.title, left) for o, left in opportunity_deadlines_due(wb, date(2026, 12, 6))]
    [('Talk at PyData', 9)]
    """
    due = [(o, left) for o in wb.opportunities
           if (left := deadline_left(o, today)) is not None and left <= within_days]
    return sorted(due, key=lambda pair: pair[1])
