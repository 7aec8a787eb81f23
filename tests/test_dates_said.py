"""Every date a person reads is written one way, as ``wording.short_date`` writes it
(``31 Jan 2027``); the boxes a person types a date into keep ISO (``2027-01-31``).

Found by a red-team walk of notebooks 04-09: "Deadline found: 01 May 2027" above "1 May
2027" in one box, "(due 2027-01-31)" in the milestone chooser, "2026-11-20 Automated …" in
the achievement chooser, "planned for 2026-12-15" and "check-in of 2026-12-06 added" in
save messages, "Your last check-in was on 2026-12-06" above a help text saying "6 Dec 2026".
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import ipywidgets as widgets
import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import Contact, Goal
from tests.helpers.html_text import text_of

ROOT = Path(__file__).resolve().parents[1]
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
FORMS = ["achievements_form", "actions_form", "check_in_form", "contacts_form",
         "feedback_form", "goal_drafter", "goal_review", "goals_table", "interview_planner",
         "learning_form", "milestones_form", "next_actions", "opportunities_form",
         "self_assessment_form", "skills_form"]


def shown_texts(widget) -> list[str]:
    """What a person reads in a form: its HTML (messages, tables, help) and the labels of
    its choosers; not the values of the boxes they type in."""
    found = []
    if isinstance(widget, widgets.HTML):
        found.append(text_of(widget.value, " "))
    if isinstance(widget, widgets.Dropdown):
        found += [str(label) for label, _ in widget.options]
    for child in getattr(widget, "children", ()):
        found += shown_texts(child)
    return found


@pytest.mark.parametrize("form", FORMS)
def test_no_form_shows_a_day_in_iso(form, tmp_path):
    path = tmp_path / "priya.yaml"
    shutil.copy(ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml", path)
    view = getattr(ui, form)(ui.Session(path, today="2026-11-22"))
    iso = [text for text in shown_texts(view) if ISO.search(text)]
    assert not iso, iso


@pytest.fixture
def path(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Ola Berg", today=date(2026, 9, 1))
    wb.goals.append(Goal(id="g1", text="Run 2 workshops for the sales team",
                         status="active", created=date(2026, 9, 1),
                         deadline=date(2027, 3, 15)))
    wb.contacts.append(Contact(id="c1", name="Dana Kim", relationship="manager"))
    p = tmp_path / "ola.yaml"
    store.save(wb, p)
    return p


def test_the_save_messages_write_the_day_as_every_message_does(path):
    planner = ui.interview_planner(ui.Session(path, today="2026-12-06"))
    planner.fields["due"].value = "2026-12-15"  # typed in ISO: fine
    planner.buttons["save"].click()
    assert "interview with Dana Kim planned for 15 Dec 2026" in planner.status.value
    check_in = ui.check_in_form(ui.Session(path, today="2026-12-06"))
    check_in.fields["wins"].value = "Booked the room"
    check_in.buttons["save"].click()
    assert "check-in of 6 Dec 2026 added" in check_in.status.value
    again = ui.check_in_form(ui.Session(path, today="2026-12-06"))
    assert "Your last check-in was on 6 Dec 2026 (today)." in again.children[1].value
    assert again.fields["date"].widget.value == "2026-12-06"  # the box keeps ISO


def test_the_drafter_names_the_deadline_once_one_way(path):
    view = ui.goal_drafter(ui.Session(path, today="2026-12-06"))
    view.fields["text"].value = "Lead the data migration by 30-06-2027"
    shown = text_of(view.children[3].value, " ")
    assert "Deadline found:  30 Jun 2027" in shown
    assert "-> 30 Jun 2027" in shown and "June 2027" not in shown and "30/06" not in shown


def test_a_conflict_names_a_day_as_the_messages_do():
    from career_workbook.widgets.merge import _shown

    assert _shown(date(2027, 1, 31)) == "“31 Jan 2027”"
