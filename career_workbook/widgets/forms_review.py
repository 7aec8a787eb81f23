"""Notebook 09: the progress check-in, what to do next, and adapting goals.

A check-in is *appended* every time it is saved, even a second one on the same day; an
older check-in is never changed.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import CheckIn, Goal, new_workbook
>>> wb = new_workbook("Sam")
>>> wb.goals.append(Goal(id="g1", text="Ship the forecast", status="active"))
>>> wb.check_ins.append(CheckIn(date=date(2026, 10, 1), progress={"g1": 40}))
>>> latest_progress(wb, date(2026, 11, 22)), [g.id for g in open_goals(wb)]
({'g1': 40}, ['g1'])
"""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as widgets

from career_workbook.model import CheckIn, Goal, Workbook
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    FormView,
    check_model,
    esc,
    make_field,
    notice,
    primary_button,
)
from career_workbook.widgets.forms_goals import goal_editor
from career_workbook.widgets.inputs import days_not_come
from career_workbook.wording import relative

__all__ = ["check_in_data", "check_in_form", "check_in_intro", "goal_review",
           "is_empty_check_in", "last_check_in", "latest_progress", "next_actions",
           "open_goals"]

_TEXTS = {
    "wins": ("Wins", "What went well since last time — big or small."),
    "setbacks": ("Setbacks", "What got in the way."),
    "lessons": ("Lessons", "What you learned about yourself or the work."),
    "adjustments": ("Adjustments", "What you will change for the next stretch."),
    "note": ("Anything else", "Optional."),
}


def open_goals(wb: Workbook) -> list[Goal]:
    """Goals still being worked on (draft or active), in workbook order."""
    return [g for g in wb.goals if g.status in ("draft", "active")]


def latest_progress(wb: Workbook, today: date) -> dict[str, int]:
    """The latest check-in progress (%) recorded for each goal on or before ``today`` (a
    check-in dated later has not happened yet)."""
    from career_workbook.analysis.progress import checkin_points

    return {gid: round(points[-1][1]) for gid, points in checkin_points(wb, today).items()}


def last_check_in(wb: Workbook, today: date) -> CheckIn | None:
    """The latest check-in dated on or before ``today`` (of two on one day, the one written
    later), or ``None``.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.check_ins += [CheckIn(date=date(2026, m, 1), note=f"m{m}") for m in (3, 12)]
    >>> last_check_in(wb, date(2026, 11, 22)).note, last_check_in(wb, date(2026, 1, 1))
    ('m3', None)
    """
    past = [c for c in sorted(wb.check_ins, key=lambda c: c.date) if c.date <= today]
    return past[-1] if past else None


def check_in_intro(last: CheckIn | None, today: date) -> str:
    """The line above the check-in form.

    >>> check_in_intro(CheckIn(date=date(2026, 11, 21)), date(2026, 11, 22))
    'Your last check-in was on 2026-11-21 (yesterday).'
    >>> check_in_intro(None, date(2026, 11, 22))
    'This is your first check-in.'
    """
    if last is None:
        return "This is your first check-in."
    return (f"Your last check-in was on {last.date.isoformat()} "
            f"({relative((last.date - today).days)}).")


def check_in_data(values: dict[str, Any], progress: dict[str, int | None]) -> dict[str, Any]:
    """The fields of a :class:`~career_workbook.model.CheckIn` from form values."""
    data = {k: v for k, v in values.items() if not k.startswith("progress.")}
    data["progress"] = {k: v for k, v in progress.items() if v is not None}
    return data


def is_empty_check_in(check_in: CheckIn) -> bool:
    """Nothing recorded but the date: no progress, no rating, no text (such a check-in
    would count as "your last check-in" and quiet the reminder to check in).

    >>> from datetime import date
    >>> is_empty_check_in(CheckIn(date=date(2026, 11, 22)))
    True
    >>> is_empty_check_in(CheckIn(date=date(2026, 11, 22), lessons="Ask earlier"))
    False
    """
    return not (check_in.progress or check_in.motivation or check_in.confidence
                or any(getattr(check_in, key).strip() for key in _TEXTS))


def check_in_form(session: Any) -> widgets.Widget:
    """A dated check-in: motivation, confidence, progress per goal, wins, setbacks,
    lessons, adjustments. Each save appends a new check-in."""

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        wb = s.workbook
        last = last_check_in(wb, s.today)
        done = latest_progress(wb, s.today)
        unset = " Move the slider to record it (left as it is, it is not saved)."
        fields = [
            make_field("date", "Date", "date", value=s.today, help="The day of this check-in."),
            make_field("motivation", "Motivation", "slider",
                       value=(last.motivation if last and last.motivation else 6), min=1,
                       max=10, help="How motivated you feel about your plan: 1 = low, "
                                    "10 = fired up." + ("" if last and last.motivation
                                                        else unset)),
            make_field("confidence", "Confidence", "slider",
                       value=(last.confidence if last and last.confidence else 6), min=1,
                       max=10, help="How confident you are of reaching your goals."
                       + ("" if last and last.confidence else unset)),
        ]
        progress = [
            make_field(f"progress.{g.id}", f"Progress: {g.text[:22]}…" if len(g.text) > 22
                       else f"Progress: {g.text}", "slider", value=done.get(g.id, 0),
                       min=0, max=100,
                       help=f"% done of “{g.text}”." + ("" if g.id in done else unset))
            for g in open_goals(wb)
        ]
        texts = [make_field(k, label, "textarea", rows=2, help=help)
                 for k, (label, help) in _TEXTS.items()]
        # a slider with nothing to start from shows a made-up value (6, or 0 %): it is
        # saved only once the person moves it, so a check-in never records an answer
        # nobody gave (a previous answer left as it is counts as given again)
        invented = {k for k, had in (("motivation", last and last.motivation),
                                     ("confidence", last and last.confidence)) if not had}
        invented |= {f"progress.{g.id}" for g in open_goals(wb) if g.id not in done}
        touched: set[str] = set()
        for key in invented:
            view_field = next(f for f in (*fields, *progress) if f.key == key)
            view_field.widget.observe(lambda _c, key=key: touched.add(key), names="value")
        boxes = view.add(*fields, *progress, *texts)
        save = primary_button("Add this check-in",
                              "Save this check-in as a new dated entry; earlier ones are kept")
        view.buttons["save"] = save
        labels = {k: f.label for k, f in view.fields.items()}

        def given(f: Any) -> Any:
            return None if f.key in invented and f.key not in touched else f.value

        def collect() -> tuple[Any, dict[str, str]]:
            values = {k: given(f) for k, f in view.fields.items()}
            data = check_in_data(values, {f.key.split(".", 1)[1]: given(f) for f in progress})
            later = days_not_come(values, s.today, {"date": "A check-in"})
            if later:
                return None, later
            record, errors = check_model(CheckIn, data, labels)
            if record is not None and is_empty_check_in(record):
                return None, {"": "Write or rate at least one thing: progress on a goal, how "
                                  "it went, or your motivation."}
            return record, errors

        view.bind(save, collect, lambda wb, record: wb.check_ins.append(record), adds=True,
                  detail=lambda c: f"check-in of {c.date.isoformat()} added")
        intro = check_in_intro(last, s.today)
        return [quiet.HTML(f'<div style="color:#555">{esc(intro)}</div>'), *boxes, save]

    return FormView(session, build, name="check_in", title="Check in",
                    intro="A regular look back: how it went, how far each goal has come, "
                          "what to change.",
                    depends=lambda wb: (wb.goals, len(wb.check_ins)))


def next_actions(session: Any) -> widgets.Widget:
    """What to do next: overdue steps, goals behind, gaps, follow-ups, with reasons."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook import analysis
        from career_workbook.analysis.next_actions import nothing_to_do
        from career_workbook.widgets.display import table_widget

        s = view.session
        frame = analysis.next_actions_frame(s.workbook, s.today, s.role, limit=None,
                                            catalog=s.catalog)
        return [table_widget(frame, {"rank": "#", "kind": "What", "item": "Item",
                                     "reason": "Why now", "due": "Due"},
                             empty=s.say(nothing_to_do(s.workbook)))]

    return FormView(session, build, name="next_actions", title="What to do next",
                    intro="Drawn from your whole workbook, most urgent first.")


def goal_review(session: Any) -> widgets.Widget:
    """Adapt goals: see how each is tracking, extend its deadline, change its status."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook import analysis
        from career_workbook.widgets.display import table_widget

        s = view.session
        wb = s.workbook
        frame = analysis.goal_progress_frame(wb, s.today)
        table = table_widget(frame, {"text": "Goal", "status": "Status",
                                     "deadline": "Deadline", "expected": "% time gone",
                                     "actual": "% done", "track": "Track",
                                     "forecast": "Forecast finish"},
                             empty="No goals to review yet.", title="How your goals track")
        if not wb.goals:
            return [notice(view.session.say("No goals yet: draft your first one in notebook 04."),
                           "info")]
        return [table, *goal_editor(view, with_deadline=True)]

    return FormView(session, build, name="goal_review", title="Adapt your goals",
                    intro="Goals behind plan are information, not failure: extend, reshape, "
                          "finish or drop them.",
                    depends=lambda wb: (wb.goals, wb.check_ins))
