"""Notebook 10: opportunities worth going for, where each one stands, and the next step.

The form is a record editor (:func:`~career_workbook.widgets.fields.record_editor`): it
saves only what the person changed, merged with the file as it is now
(:mod:`career_workbook.widgets.merge`). Moving a stage, forwards or back, is a save of the
stage field; :func:`~career_workbook.analysis.opportunities.record_move` keeps the history.

Examples
--------
>>> STAGE_OPTIONS[0], KIND_LABELS["stretch"]
(('Spotted — noticed it, nothing done yet', 'spotted'), 'Stretch assignment')
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import ipywidgets as widgets

from career_workbook.model import (
    OPPORTUNITY_KINDS,
    OPPORTUNITY_SOURCES,
    TEXT_MAX,
    Opportunity,
    Workbook,
)
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    NONE,
    FormView,
    make_field,
    record_editor,
    secondary_button,
)
from career_workbook.widgets.inputs import days_not_come, gone_due_problem
from career_workbook.wording import short_date, shorten

__all__ = ["KIND_LABELS", "STAGE_OPTIONS", "next_step_problem", "notes_problem",
           "opportunities_form", "spotted_problems"]

KIND_LABELS = {
    "project": "Internal project", "stretch": "Stretch assignment", "role": "Role",
    "posting": "Job posting", "speaking": "Speaking invitation",
    "writing": "Writing invitation", "other": "Other",
}
SOURCE_LABELS = {"internal": "Inside my organisation", "external": "Outside"}
STAGE_OPTIONS = (
    ("Spotted — noticed it, nothing done yet", "spotted"),
    ("Exploring — finding out more", "exploring"),
    ("Applied — put my name forward", "applied"),
    ("Interviewing — in conversation", "interviewing"),
    ("Offer — it's mine if I want it", "offer"),
    ("Declined — not for me, or not chosen", "declined"),
    ("Not now — maybe later", "not_now"),
)
_SHORT = {"spotted": "Spotted", "exploring": "Exploring", "applied": "Applied",
          "interviewing": "Interviewing", "offer": "Offer", "declined": "Declined",
          "not_now": "Not now"}


def spotted_problems(data: Mapping[str, Any], today: date) -> dict[str, str]:
    """Why the "Spotted on" day of an opportunity about to be saved (``data``: its fields)
    cannot be: it is after ``today``, or after its first recorded stage change (a year
    typed wrong hides the opportunity from the pipeline and the nudges); or why its
    deadline cannot be: before the day it was spotted. The form names it
    beside the field and saves nothing; files with such days still load.

    >>> moves = [{"stage": "spotted", "date": date(2026, 10, 6)},
    ...          {"stage": "interviewing", "date": date(2026, 11, 2)}]
    >>> spotted_problems({"spotted": date(2026, 11, 1), "stage_history": moves},
    ...                  date(2026, 12, 5))["spotted"]
    'Spotted on 1 Nov 2026 is after its first move (Spotted, 6 Oct 2026): choose the day you first noticed it, on or before 6 Oct 2026.'
    >>> spotted_problems({"spotted": date(2027, 1, 10)}, date(2026, 12, 5))["spotted"]
    '“Spotted on” is 10 Jan 2027, after today (5 Dec 2026): it records something that has already happened.'
    >>> spotted_problems({"spotted": date(2026, 10, 6), "stage_history": moves}, date(2026, 12, 5))
    {}
    >>> spotted_problems({"spotted": date(2026, 12, 1), "deadline": date(2026, 11, 1)},
    ...                  date(2026, 12, 5))["deadline"]
    '“Deadline” (1 Nov 2026) is before the day you spotted it (1 Dec 2026): check the year, or clear the deadline if it had already passed.'
    """  # noqa: E501
    spotted = data.get("spotted")
    if not isinstance(spotted, date):
        return {}  # unreadable or missing: the form's own checks name it
    later = days_not_come(data, today, {"spotted": "“Spotted on”"})
    if later:
        return later
    deadline = data.get("deadline")
    if isinstance(deadline, date) and deadline < spotted:
        return {"deadline": f"“Deadline” ({short_date(deadline)}) is before the day you "
                            f"spotted it ({short_date(spotted)}): check the year, or clear "
                            "the deadline if it had already passed."}
    moves = [(m["stage"], m["date"]) if isinstance(m, Mapping) else (m.stage, m.date)
             for m in data.get("stage_history") or ()]
    if not moves:
        return {}
    stage, first = min(moves, key=lambda move: move[1])
    if spotted <= first:
        return {}
    return {"spotted": f"Spotted on {short_date(spotted)} is after its first move "
                       f"({_SHORT.get(stage, stage)}, {short_date(first)}): choose the day you "
                       f"first noticed it, on or before {short_date(first)}."}


def next_step_problem(data: Mapping[str, Any], today: date,
                      stored: date | None = None) -> str | None:
    """Why the "Next step by" day of an opportunity still open (``data``: its fields)
    cannot be: it is before ``today`` and new (not ``stored``, the day it had), so the next
    step would be overdue the moment it is saved
    (:func:`~career_workbook.widgets.inputs.gone_due_problem`). ``None`` when fine.

    >>> next_step_problem({"stage": "exploring", "next_step_due": date(2026, 11, 2)},
    ...                   date(2026, 12, 6))[:66]
    '“Next step by” (2 Nov 2026) is before today (6 Dec 2026): a next s'
    >>> next_step_problem({"stage": "declined", "next_step_due": date(2026, 11, 2)},
    ...                   date(2026, 12, 6)) is None
    True
    """
    from career_workbook.analysis.opportunities import OPEN_STAGES

    if data.get("stage") not in OPEN_STAGES:
        return None
    return gone_due_problem(data.get("next_step_due"), stored, today, "“Next step by”",
                            "a next step still to take",
                            "Done it? Write the step after it, or clear the date.")


def notes_problem(notes: str) -> str | None:
    """Why ``notes`` are too long to keep (a whole posting pasted in), and what to do
    instead; ``None`` when they fit in :data:`~career_workbook.model.TEXT_MAX` characters.
    Notebook 05's posting check reads a whole posting (it saves nothing).

    >>> notes_problem("Ask Dana about the team. " * 1_700)
    'Notes are too long to keep whole: at most 20,000 characters here, you have 42,500. Keep the key parts of the posting here, or its link; to check a whole posting against your skills, paste it in notebook 05 (skill gap), which reads it without saving it.'
    >>> notes_problem("Closes Friday: https://jobs.example.org/4211") is None
    True
    """  # noqa: E501
    if len(notes) <= TEXT_MAX:
        return None
    return (f"Notes are too long to keep whole: at most {TEXT_MAX:,} characters here, you "
            f"have {len(notes):,}. Keep the key parts of the posting here, or its link; to "
            "check a whole posting against your skills, paste it in notebook 05 (skill gap), "
            "which reads it without saving it.")


def _pipeline_widget(status: Any, today: Any) -> widgets.HTML:
    """The pipeline table of ``status`` (:func:`~career_workbook.analysis.
    opportunity_status_frame` of the workbook on ``today``: the session's frames', which the
    opportunities chart draws)."""
    from career_workbook import analysis
    from career_workbook.widgets.display import table_widget

    status = status.assign(
        stage=[_SHORT.get(s, s) for s in status["stage"]],
        still=[f"{d} days" + (" — stale" if st else "")
               for d, st in zip(status["days_still"], status["stale"], strict=True)],
        deadline=[analysis.deadline_label(d, st, today)
                  for d, st in zip(status["deadline"], status["stage"], strict=True)])
    return table_widget(status, {"title": "Opportunity", "stage": "Stage",
                                 "still": "At this stage for", "next_step": "Next step",
                                 "next_step_due": "By", "deadline": "Deadline"},
                        empty="No opportunities yet: note the first one below.",
                        title="Your pipeline", names=("title", "next_step"))


def opportunities_form(session: Any) -> widgets.Widget:
    """Opportunities: add or edit one, move its stage forward or back (history kept)."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook.analysis.opportunities import (
            next_stage,
            previous_stage,
            record_move,
        )

        s = view.session
        wb = s.workbook
        goals = [(shorten(g.text), g.id) for g in wb.goals if g.status != "dropped"]

        def make_fields(old: Opportunity | None) -> list:
            return [
                make_field("title", "What it is", "text", value=old.title if old else "",
                           placeholder="e.g. Lead the Q3 data migration",
                           help="A project, stretch assignment, role, posting, or an "
                                "invitation to speak or write."),
                make_field("kind", "Kind", "dropdown", value=old.kind if old else "project",
                           options=[(KIND_LABELS[k], k) for k in OPPORTUNITY_KINDS]),
                make_field("source", "Where", "dropdown",
                           value=old.source if old else "internal",
                           options=[(SOURCE_LABELS[k], k) for k in OPPORTUNITY_SOURCES]),
                make_field("organisation", "Organisation", "text",
                           value=old.organisation if old else "",
                           help="Team, company or event (optional)."),
                make_field("stage", "Stage", "dropdown", value=old.stage if old else "spotted",
                           options=list(STAGE_OPTIONS),
                           help="Move it forward or back as things change; every move is "
                                "kept in its history (one put back the same day is no "
                                "move)."),
                make_field("spotted", "Spotted on", "date",
                           value=old.spotted if old else s.today,
                           help="The day you first noticed it: today or earlier."),
                make_field("deadline", "Deadline", "date", value=old.deadline if old else None,
                           help="Closing date for applications, if there is one."),
                make_field("goal_ids", "Goals it serves", "multi",
                           value=old.goal_ids if old else (), options=goals),
                make_field("skills", "Skills it uses or builds", "multi",
                           value=old.skills if old else (), options=wb.skill_names()),
                make_field("next_step", "Next step", "text",
                           value=old.next_step if old else "",
                           placeholder="e.g. Ask Dana who is staffing the project",
                           help="One small, concrete thing you will do next."),
                make_field("next_step_due", "Next step by", "date",
                           value=old.next_step_due if old else None),
                make_field("notes", "Notes", "textarea", value=old.notes if old else ""),
            ]

        def problems(data: dict[str, Any]) -> dict[str, str]:
            found = spotted_problems(data, s.today)
            if "next_step_due" not in found and (gone := next_step_problem(
                    data, s.today, view.stored("next_step_due"))):
                found["next_step_due"] = gone
            if too_long := notes_problem(data.get("notes") or ""):
                found["notes"] = s.say(too_long)
            return found

        def on_save(_wb: Workbook, before: Opportunity | None, record: Opportunity) -> None:
            moved = record_move(before, record, s.today)
            record.stage_history = list(moved.stage_history)
            record.updated = moved.updated

        editor = record_editor(
            view, items=wb.opportunities, model=Opportunity, collection="opportunities",
            make_fields=make_fields, noun="opportunity", on_save=on_save,
            problems=problems, year_field="deadline",
            describe=lambda o: f"{shorten(o.title)} ({_SHORT.get(o.stage, o.stage)})")
        chosen = view.chooser.value if view.chooser is not None else NONE
        old = wb.opportunities[int(chosen)] if chosen != NONE else None
        body: list[widgets.Widget] = [_pipeline_widget(s.frames().opportunities, s.today),
                                      *editor]
        if old is not None:
            body.append(_move_buttons(view, old.stage, next_stage, previous_stage))
            body.append(_history_widget(old))
        return body

    return FormView(session, build, name="opportunities", title="Opportunities",
                    intro="Note every opening the moment you see it, then keep each one "
                          "moving with one small next step.",
                    depends=lambda wb: (wb.opportunities, wb.goals, wb.skill_names()))


def _move_buttons(view: FormView, stage: str, forward: Any, back: Any) -> widgets.HBox:
    """"Back to …" and "Forward to …": set the stage field and save (with any other edits)."""
    buttons = []
    for key, target, arrow in (("back", back(stage), "←"), ("forward", forward(stage), "→")):
        if target == stage:
            continue
        label = f"{arrow} {_SHORT[target]}" if arrow == "←" else f"{_SHORT[target]} {arrow}"
        button = secondary_button(f"Move: {label}",
                                  f"Move this opportunity to “{_SHORT[target]}” and save")

        def clicked(_b: Any, target: str = target) -> None:
            view.fields["stage"].value = target
            view.buttons["save"].click()

        button.on_click(clicked)
        view.buttons[key] = button
        buttons.append(button)
    return quiet.HBox(buttons)


def _history_widget(opp: Opportunity) -> widgets.HTML:
    from career_workbook.widgets.fields import esc

    if not opp.stage_history:
        return quiet.HTML("")
    steps = " → ".join(f"{esc(_SHORT.get(c.stage, c.stage))} ({short_date(c.date)})"
                       for c in opp.stage_history)
    return quiet.HTML(f'<div style="margin-top:4px"><b>History:</b> {steps}</div>')
