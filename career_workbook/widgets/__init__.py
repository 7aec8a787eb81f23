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

Importing this package loads ipywidgets and pydantic only; pandas and matplotlib load when a
table or chart is first shown.
"""

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
