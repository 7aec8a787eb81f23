"""Widget forms for the guided notebooks: read the workbook, validate, save, redraw.

Notebooks use only these calls::

    from career_workbook import widgets as ui
    wb = ui.start(workbook, today=today, export_dir=export_dir)
    ui.skills_form(wb)
    ui.show_chart(wb, "skill_radar")

Every form returns a widget that renders pre-filled from the workbook file (so a papermill
run with no clicks still shows the stored answers), checks each value as it changes and
shows the problem beside the field, and saves through ``cw.edit`` (locked, atomic, never
invalid). After every save, forms that show changed data refresh and charts redraw.

Importing this package loads nothing but itself: each form's module (with ipywidgets, pydantic
and the workbook schema) loads when the notebook first calls it, pandas and matplotlib when a
table or chart is first shown.
"""

from __future__ import annotations

from career_workbook._lazy import lazy_names

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: no `typing` import at run time
# public name -> module of this package that defines it (imported on first use, so a
# notebook loads only the forms it shows)
_LAZY = {
    "coach_overview": "coach",
    "caseload_calendar_button": "coach",
    "show_chart": "display",
    "feedback_comments": "forms_feedback",
    "feedback_form": "forms_feedback",
    "feedback_import": "forms_feedback",
    "goal_drafter": "forms_goals",
    "goals_table": "forms_goals",
    "restore_form": "forms_history",
    "achievements_form": "forms_log",
    "learning_form": "forms_log",
    "contacts_form": "forms_network",
    "interview_planner": "forms_network",
    "opportunities_form": "forms_opportunities",
    "actions_form": "forms_plan",
    "learning_suggestions": "forms_plan",
    "milestones_form": "forms_plan",
    "role_picker": "forms_plan",
    "posting_fit_form": "forms_posting",
    "create_workbook_form": "forms_profile",
    "profile_form": "forms_profile",
    "promotion_case_button": "forms_promotion",
    "calendar_button": "forms_reminders",
    "contacts_import": "forms_reminders",
    "check_in_form": "forms_review",
    "goal_review": "forms_review",
    "next_actions": "forms_review",
    "self_assessment_form": "forms_skills",
    "skills_form": "forms_skills",
    "strengths_form": "forms_skills",
    "interests_form": "forms_vision",
    "values_form": "forms_vision",
    "vision_form": "forms_vision",
    "Session": "session",
    "start": "session",
}

__all__ = [
    "Session",
    "achievements_form",
    "actions_form",
    "calendar_button",
    "caseload_calendar_button",
    "check_in_form",
    "coach_overview",
    "contacts_form",
    "contacts_import",
    "create_workbook_form",
    "feedback_comments",
    "feedback_form",
    "feedback_import",
    "goal_drafter",
    "goal_review",
    "goals_table",
    "interests_form",
    "interview_planner",
    "learning_form",
    "learning_suggestions",
    "milestones_form",
    "next_actions",
    "opportunities_form",
    "posting_fit_form",
    "profile_form",
    "promotion_case_button",
    "restore_form",
    "role_picker",
    "self_assessment_form",
    "show_chart",
    "skills_form",
    "start",
    "strengths_form",
    "values_form",
    "vision_form",
]


__getattr__, __dir__ = lazy_names(__name__, _LAZY)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from career_workbook.widgets.coach import caseload_calendar_button, coach_overview
    from career_workbook.widgets.display import show_chart
    from career_workbook.widgets.forms_feedback import (
        feedback_comments,
        feedback_form,
        feedback_import,
    )
    from career_workbook.widgets.forms_goals import goal_drafter, goals_table
    from career_workbook.widgets.forms_history import restore_form
    from career_workbook.widgets.forms_log import achievements_form, learning_form
    from career_workbook.widgets.forms_network import contacts_form, interview_planner
    from career_workbook.widgets.forms_opportunities import opportunities_form
    from career_workbook.widgets.forms_plan import (
        actions_form,
        learning_suggestions,
        milestones_form,
        role_picker,
    )
    from career_workbook.widgets.forms_posting import posting_fit_form
    from career_workbook.widgets.forms_profile import create_workbook_form, profile_form
    from career_workbook.widgets.forms_promotion import promotion_case_button
    from career_workbook.widgets.forms_reminders import calendar_button, contacts_import
    from career_workbook.widgets.forms_review import check_in_form, goal_review, next_actions
    from career_workbook.widgets.forms_skills import (
        self_assessment_form,
        skills_form,
        strengths_form,
    )
    from career_workbook.widgets.forms_vision import interests_form, values_form, vision_form
    from career_workbook.widgets.session import Session, start
