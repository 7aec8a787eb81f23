"""Notebook 08: achievements (evidence for reviews) and learning (hours put in)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import ipywidgets as widgets

from career_workbook.model import (
    LEARNING_KINDS,
    LEARNING_STATUSES,
    Achievement,
    LearningItem,
    duplicate_key,
)
from career_workbook.widgets.fields import FormView, make_field, notice, record_editor
from career_workbook.widgets.inputs import days_not_come, format_number, past_day_problem
from career_workbook.wording import short_date

__all__ = ["achievement_problems", "achievements_form", "learning_form", "learning_problems",
           "skills_help"]

KIND_LABELS = {k: k.capitalize() for k in LEARNING_KINDS}
STATUS_LABELS = {"planned": "Planned", "in_progress": "In progress", "done": "Done"}
NO_SKILLS_YET = ("No skills to choose yet: add yours in notebook 01 (self-assessment), or "
                 "take a target role’s skills in notebook 05 (skill gap).")


def skills_help(help: str, skills: Any) -> str:
    """The help under a skills field: ``help``, or where skills come from while there are
    none to choose.

    >>> skills_help("Tick every skill this shows.", ["SQL"])
    'Tick every skill this shows.'
    >>> skills_help("Tick every skill this shows.", [])[:40]
    'No skills to choose yet: add yours in no'
    """
    return help if skills else NO_SKILLS_YET


def learning_problems(data: Mapping[str, Any], today: date) -> dict[str, str]:
    """Why a learning item about to be saved (``data``: its fields) cannot be, every
    reason at once: completed after ``today``, completed before it started, or completed
    while its status says it is not done (a planned course was charted as hours learnt);
    hours put in on an item still planned, or started on a day still to come (hours count
    from the day an item is dated: 7 h on a course starting next month were listed in the
    table and left out of the chart). Completion follows the status, as an action's does
    (:func:`~career_workbook.model.action_done_on`), but a date the person typed is never
    dropped: the form asks.

    >>> learning_problems({"status": "done", "started_on": date(2026, 12, 1),
    ...                    "completed_on": date(2026, 11, 1)}, date(2026, 12, 5))
    {'completed_on': '“Completed on” (1 Nov 2026) is before “Started on” (1 Dec 2026): a course, book or project ends after it starts.'}
    >>> learning_problems({"status": "planned", "completed_on": date(2026, 11, 1)},
    ...                   date(2026, 12, 5))["completed_on"]
    '“Completed on” is for learning you have finished, and this item is “Planned”: set Status to Done, or clear the date.'
    >>> learning_problems({"status": "planned", "hours": 7.0}, date(2026, 12, 5))["hours"]
    '“Hours so far” (7) counts time you have put in, and this item is “Planned”: set Status to In progress (and the day you started), or leave the hours at 0 until you begin.'
    >>> learning_problems({"status": "in_progress", "hours": 7.0, "started_on": date(2027, 1, 10)},
    ...                   date(2026, 12, 5))["started_on"]
    '“Started on” (10 Jan 2027) is after today (5 Dec 2026), and 7 hours are logged: hours count from the day you started. Pick that day, or leave the hours at 0 until you begin.'
    >>> learning_problems({"status": "done", "started_on": date(2027, 1, 10)}, date(2026, 12, 5))
    {}
    """  # noqa: E501
    found = days_not_come(data, today, {"completed_on": "“Completed on”"})
    started, completed = data.get("started_on"), data.get("completed_on")
    status, hours = data.get("status"), data.get("hours")
    if not found and isinstance(completed, date):
        if isinstance(started, date) and completed < started:
            found["completed_on"] = (
                f"“Completed on” ({short_date(completed)}) is before “Started on” "
                f"({short_date(started)}): a course, book or project ends after it starts.")
        elif status in STATUS_LABELS and status != "done":
            found["completed_on"] = (
                "“Completed on” is for learning you have finished, and this item is "
                f"“{STATUS_LABELS[status]}”: set Status to Done, or clear the date.")
    if not isinstance(hours, int | float) or hours <= 0:
        return found
    if status == "planned":
        found["hours"] = (f"“Hours so far” ({format_number(hours)}) counts time you have put "
                          "in, and this item is “Planned”: set Status to In progress (and "
                          "the day you started), or leave the hours at 0 until you begin.")
    elif past_day_problem(started, today, "") and "started_on" not in found:
        found["started_on"] = (
            f"“Started on” ({short_date(started)}) is after today ({short_date(today)}), and "
            f"{format_number(hours)} {'hour is' if hours == 1 else 'hours are'} logged: hours "
            "count from the day you started. Pick that day, or leave the hours at 0 until "
            "you begin.")
    return found


def achievement_problems(data: Mapping[str, Any], achievements: Sequence[Achievement],
                         today: date, editing: Achievement | None = None) -> dict[str, str]:
    """Why an achievement about to be saved (``data``: its fields) cannot be: its day is
    still to come, or it is one already in the list (``editing`` aside: the one the form
    changes), the same title on the same day (:func:`~career_workbook.model.duplicate_key`:
    case and outer spaces aside), which would be counted twice as evidence.

    >>> shipped = Achievement(date=date(2026, 2, 28), title="Shipped the forecast")
    >>> achievement_problems({"date": date(2026, 2, 28), "title": " shipped the FORECAST"},
    ...                      [shipped], date(2026, 12, 6))["title"]
    'You already have “Shipped the forecast” on 28 Feb 2026: choose it in the list above to change it, or give this one its own title or day.'
    >>> achievement_problems({"date": date(2026, 2, 28), "title": "Shipped the forecast"},
    ...                      [shipped], date(2026, 12, 6), editing=shipped)
    {}
    """  # noqa: E501
    found = days_not_come(data, today, {"date": "“Date”"}, "an achievement")
    title, day = data.get("title"), data.get("date")
    if isinstance(title, str) and title.strip():
        same = next((a for a in achievements if a is not editing and a.date == day
                     and duplicate_key(a.title) == duplicate_key(title)), None)
        if same is not None:
            found["title"] = (f"You already have “{same.title}” on {short_date(same.date)}: "
                              "choose it in the list above to change it, or give this one "
                              "its own title or day.")
    return found


def achievements_form(session: Any) -> widgets.Widget:
    """Achievements: date, what happened, its impact, a number, the skills shown."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook.widgets.display import table_widget

        s = view.session
        wb = s.workbook

        def make_fields(old: Achievement | None) -> list:
            return [
                make_field("date", "Date", "date", value=old.date if old else s.today,
                           help="When it happened."),
                make_field("title", "What you did", "text", value=old.title if old else "",
                           placeholder="e.g. Launched the weekly demand forecast",
                           help="A short headline."),
                make_field("impact", "Impact", "textarea", value=old.impact if old else "",
                           help="Who benefited and how — the part reviewers remember."),
                make_field("metric", "In numbers", "text", value=old.metric if old else "",
                           placeholder="e.g. cut stock-outs by 12%",
                           help="A number that shows the impact (optional)."),
                make_field("skills", "Skills shown", "multi",
                           value=old.skills if old else (), options=wb.skill_names(),
                           help=s.say(skills_help("Tick every skill this shows.",
                                                  wb.skill_names()))),
            ]

        from career_workbook.frames import achievements_frame

        table = table_widget(achievements_frame(wb),
                             {"date": "Date", "title": "Achievement", "metric": "In numbers",
                              "skills": "Skills"},
                             empty="No achievements yet: add one below.",
                             title="Your achievements")
        editor = record_editor(
            view, items=wb.achievements, model=Achievement, collection="achievements",
            make_fields=make_fields, noun="achievement",
            describe=lambda a: f"{short_date(a.date)} {a.title}",
            problems=lambda data: achievement_problems(data, wb.achievements, s.today,
                                                       view.state.get("editing")))
        return [table, *editor]

    return FormView(session, build, name="achievements", title="Achievements",
                    intro="Write them down while they are fresh: they are your evidence at "
                          "review and promotion time.",
                    depends=lambda wb: (wb.achievements, wb.skill_names()))


def learning_form(session: Any) -> widgets.Widget:
    """Learning: courses, books, projects... with the skill and hours put in."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook import analysis
        from career_workbook.analysis.learning import hours_text
        from career_workbook.widgets.display import table_widget

        wb = view.session.workbook
        today = view.session.today

        def make_fields(old: LearningItem | None) -> list:
            return [
                make_field("title", "What", "text", value=old.title if old else "",
                           placeholder="e.g. Forecasting: Principles and Practice (book)",
                           help="The course, book, project or practice."),
                make_field("kind", "Kind", "dropdown", value=old.kind if old else "course",
                           options=[(KIND_LABELS[k], k) for k in LEARNING_KINDS]),
                make_field("skill", "Skill it builds", "dropdown",
                           value=old.skill if old else None, options=wb.skill_names(),
                           optional=True,
                           help=view.session.say(skills_help(
                               "One of the skills you track (optional).", wb.skill_names()))),
                make_field("hours", "Hours so far", "float", value=old.hours if old else 0.0,
                           help="Time put in so far (0-10,000); update it as you go."),
                make_field("status", "Status", "dropdown",
                           value=old.status if old else "planned",
                           options=[(STATUS_LABELS[k], k) for k in LEARNING_STATUSES]),
                make_field("started_on", "Started on", "date",
                           value=old.started_on if old else None),
                make_field("completed_on", "Completed on", "date",
                           value=old.completed_on if old else None),
            ]

        by_skill = analysis.learning_by_skill_frame(wb, today=today)
        by_skill = by_skill.assign(**{c: by_skill[c].map(hours_text)  # as the chart says them
                                      for c in ("hours", "hours_done")})
        hours = table_widget(by_skill,
                             {"skill": "Skill", "items": "Items", "done": "Done",
                              "hours": "Hours", "hours_done": "Hours (done items)"},
                             empty="Nothing to count up to today yet." if wb.learning
                             else "No learning logged yet.", title="Hours by skill")
        # the chart's rule: hours dated after today count from that day, said here too
        later = analysis.learning_later_note(analysis.learning_later_frame(wb, today=today),
                                             today)
        shown = [hours, notice(f"{later}.", "info")] if later else [hours]
        editor = record_editor(
            view, items=wb.learning, model=LearningItem, collection="learning",
            make_fields=make_fields, noun="learning item",
            describe=lambda i: f"{i.title} ({STATUS_LABELS[i.status].lower()}, "
                               f"{hours_text(i.hours)} h)",
            problems=lambda data: learning_problems(data, today))
        return [*shown, *editor]

    return FormView(session, build, name="learning", title="Learning log",
                    intro="What you are learning, and the hours you put in.",
                    depends=lambda wb: (wb.learning, wb.skill_names()))
