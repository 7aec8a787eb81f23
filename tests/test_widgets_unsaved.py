"""Unsaved input and the focus after a save, decided in the kernel (app red-team walk).

A person chose ratings and typed strengths in step 01, then followed the page's "Next"
link: nothing asked, and the input was gone. A form now marks its box ``cw-unsaved`` while
a field differs from what it showed (its value in the file, or a new entry's blank), and
clears it once saved, refilled or rebuilt; the page only looks for that class
(``app_template/.../app.js``, browser tests in ``tests/browser/test_app_nav.py``).

After Enter on a save button the save disabled it (or the rebuilt form replaced it), and
the page's focus went back to its top; the form now puts it back on that button.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import Assessment, Contact, Goal, Skill
from career_workbook.widgets.fields import CheckList, FormView

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "jordan_engineer.yaml"
TODAY = "2026-11-22"
SAVED = re.compile(r"Saved at \d\d:\d\d")
UNSAVED = "cw-unsaved"
"""The class the page's script looks for (``app.js``, ``display.UNSAVED_JS``)."""

STEERING_FORMS = [ui.posting_fit_form, ui.promotion_case_button, ui.contacts_import,
                  ui.feedback_import]
"""Forms whose fields only steer what they do (nothing typed is saved as such)."""
SAVING_FORMS = [
    ui.profile_form, ui.skills_form, ui.self_assessment_form, ui.strengths_form,
    ui.feedback_form, ui.vision_form, ui.values_form, ui.interests_form, ui.goal_drafter,
    ui.role_picker, ui.actions_form, ui.milestones_form, ui.contacts_form,
    ui.interview_planner, ui.achievements_form, ui.learning_form, ui.check_in_form,
    ui.goal_review, ui.opportunities_form,
]


@pytest.fixture
def small(tmp_path: Path) -> ui.Session:
    wb = cw.new_workbook("Ana Costa", today=date(2026, 2, 1), current_role="Nurse",
                         target_role="Ward manager")
    wb.skills += [Skill(name="Rostering", importance=4, target_level=4),
                  Skill(name="Coaching", category="soft", importance=3, target_level=4),
                  Skill(name="Budgeting", importance=2, target_level=3)]
    wb.assessments.append(Assessment(date=date(2026, 2, 1), ratings={"Rostering": 2}))
    wb.goals.append(Goal(id="g1", text="Run the ward rota for a month by May 2027",
                         status="active", created=date(2026, 2, 1),
                         deadline=date(2027, 5, 31), skills=["Rostering"]))
    wb.contacts.append(Contact(id="c1", name="Bea Lopes", relationship="mentor"))
    wb.strengths = ["Calm in a crisis"]
    path = tmp_path / "ana.yaml"
    store.save(wb, path)
    return ui.Session(path, today=TODAY)


@pytest.fixture
def jordan(tmp_path: Path) -> ui.Session:
    path = tmp_path / "jordan.yaml"
    shutil.copy(EXAMPLE, path)
    return ui.Session(path, today=TODAY)


def other_value(field: Any) -> Any:
    """A value for ``field`` that differs from the one it shows (as a person would set)."""
    w, now = field.widget, field.widget.value
    if isinstance(w, CheckList):
        first = w._values[0]
        return tuple(v for v in now if v != first) if first in now else (*now, first)
    if isinstance(w, widgets.Checkbox):
        return not now
    if isinstance(w, widgets.IntSlider):
        return w.min if now != w.min else w.max
    if isinstance(w, widgets.Dropdown):
        values = [v for _, v in w.options] if w.options and isinstance(w.options[0], tuple) \
            else list(w.options)
        return next(v for v in values if v != now)
    if field.kind == "date":
        return "2026-11-01" if now.strip() != "2026-11-01" else "2026-10-01"
    if field.kind in ("int", "float"):
        return "7" if now.strip() != "7" else "8"
    return now + " and more"


def unsaved(view: FormView) -> bool:
    """Whether the form's box carries the class the page looks for."""
    return UNSAVED in view._dom_classes


# ----------------------------------------------------------------------------- unsaved
@pytest.mark.parametrize("form", SAVING_FORMS, ids=lambda f: f.__name__)
def test_any_field_changed_marks_the_form_unsaved_and_changed_back_unmarks_it(jordan, form):
    view = form(jordan)
    assert view.fields, "a form with inputs"
    assert not unsaved(view)
    for key, field in view.fields.items():
        one_choice = isinstance(field.widget, widgets.Dropdown) and len(field.widget.options) < 2
        if getattr(field.widget, "disabled", False) or one_choice:
            continue
        shown = field.widget.value
        field.widget.value = other_value(field)
        assert unsaved(view), f"{key} changed: not marked"
        field.widget.value = shown
        assert not unsaved(view), f"{key} changed back: still marked"


@pytest.mark.parametrize("form", STEERING_FORMS, ids=lambda f: f.__name__)
def test_a_form_whose_input_is_never_saved_is_never_marked(jordan, form):
    view = form(jordan)
    assert view.fields
    for field in view.fields.values():
        field.widget.value = other_value(field)
    assert not unsaved(view)


def test_a_space_typed_and_taken_back_is_no_edit(small):
    view = ui.strengths_form(small)
    view.fields["strengths"].value = "Calm in a crisis   \n"
    assert not unsaved(view)
    view.fields["weaknesses"].value = "Saying no"
    assert unsaved(view)
    view.fields["weaknesses"].value = "   "
    assert not unsaved(view)


def test_strengths_typed_then_saved_is_no_longer_unsaved(small):
    view = ui.strengths_form(small)
    view.fields["strengths"].value = "Calm in a crisis\nExplaining care plans"
    assert unsaved(view)
    view.buttons["save"].click()
    assert SAVED.search(view.status.value)
    assert cw.load(small.path).strengths == ["Calm in a crisis", "Explaining care plans"]
    assert not unsaved(view)
    view.fields["weaknesses"].value = "Delegating"  # a new edit after the save
    assert unsaved(view)


def test_ratings_chosen_stay_unsaved_until_saved_and_the_refill_is_not_an_edit(small):
    view = ui.self_assessment_form(small)
    ratings = view.fields["ratings.Coaching"]
    ratings.value = 3
    assert unsaved(view)
    view.buttons["save"].click()  # refilled in place: the same widgets, the file's values
    assert SAVED.search(view.status.value) and view.fields["ratings.Coaching"] is ratings
    assert not unsaved(view)
    assert cw.load(small.path).assessments[-1].ratings["Coaching"] == 3


def test_a_refused_save_keeps_the_input_unsaved(small):
    before = small.path.read_bytes()
    view = ui.skills_form(small)
    view.fields["name"].value = "rostering"  # already tracked
    view.buttons["save"].click()
    assert "You already track “Rostering”" in view.fields["name"].message.value
    assert small.path.read_bytes() == before
    assert unsaved(view)


def test_a_new_entry_added_leaves_a_blank_form_that_is_not_unsaved(small):
    view = ui.contacts_form(small)
    view.fields["name"].value = "Carla Dias"
    assert unsaved(view)
    view.buttons["save"].click()
    assert SAVED.search(view.status.value)
    assert [c.name for c in cw.load(small.path).contacts] == ["Bea Lopes", "Carla Dias"]
    assert view.fields["name"].value == "" and not unsaved(view)


def test_choosing_another_entry_shows_it_saved(small):
    view = ui.skills_form(small)
    view.chooser.value = view.chooser.options[2][1]  # Coaching
    assert view.fields["name"].value == "Coaching" and not unsaved(view)
    view.fields["target_level"].value = 5
    assert unsaved(view)


def test_another_form_saving_leaves_this_forms_input_unsaved(small):
    strengths = ui.strengths_form(small)
    profile = ui.profile_form(small)
    strengths.fields["weaknesses"].value = "Delegating"
    profile.fields["organisation"].value = "St Anne's Hospital"
    profile.buttons["save"].click()
    assert SAVED.search(profile.status.value) and not unsaved(profile)
    assert unsaved(strengths) and strengths.fields["weaknesses"].value == "Delegating"


def test_reload_after_a_conflict_shows_the_file_and_is_not_unsaved(small):
    view = ui.strengths_form(small)
    view.fields["strengths"].value = "Calm in a crisis\nTeaching students"
    assert unsaved(view)
    view.reload()
    assert view.fields["strengths"].value == "Calm in a crisis" and not unsaved(view)


def test_marking_sends_one_update_per_change_of_state(small, monkeypatch):
    sent: list[str] = []
    original = widgets.Widget.send_state

    def send_state(self, key=None):
        if isinstance(self, FormView):
            sent.append(key if isinstance(key, str) else ",".join(key or ()))
        return original(self, key)

    monkeypatch.setattr(widgets.Widget, "send_state", send_state)
    view = ui.strengths_form(small)
    sent.clear()
    for text in ("T", "Te", "Teaching"):  # every key typed
        view.fields["weaknesses"].value = text
    assert sent == ["_dom_classes"]


# ----------------------------------------------------------------------------- focus
@pytest.fixture
def focused(monkeypatch) -> list[widgets.Widget]:
    """Every widget asked to take the page's focus (``{"do": "focus"}`` sent to it)."""
    asked: list[widgets.Widget] = []
    original = widgets.Widget.send

    def send(self, content, buffers=None):
        if content == {"do": "focus"}:
            asked.append(self)
        return original(self, content, buffers)

    monkeypatch.setattr(widgets.Widget, "send", send)
    return asked


def test_the_focus_goes_to_the_new_save_button_of_a_rebuilt_form(small, focused):
    view = ui.strengths_form(small)
    old = view.buttons["save"]
    view.fields["weaknesses"].value = "Delegating"
    old.click()  # the form is rebuilt: a new Save button
    assert SAVED.search(view.status.value)
    new = view.buttons["save"]
    assert new is not old and focused == [new]
    assert new.description == "Save strengths and areas"


def test_the_focus_goes_back_to_a_button_the_save_disabled(small, focused):
    view = ui.self_assessment_form(small)
    button = view.buttons["save"]
    view.fields["ratings.Budgeting"].value = 1
    button.click()  # refilled in place: the same button, disabled while it saved
    assert SAVED.search(view.status.value)
    assert view.buttons["save"] is button and focused == [button] and not button.disabled


def test_after_a_removal_the_focus_goes_to_the_forms_first_button(small, focused):
    view = ui.skills_form(small)
    view.chooser.value = view.chooser.options[3][1]  # Budgeting, used nowhere
    view.buttons["remove"].click()
    assert SAVED.search(view.status.value)
    assert "remove" not in view.buttons and focused == [view.buttons["save"]]
    assert view.buttons["save"].description == "Add this skill"


@pytest.mark.parametrize(("form", "index", "name"), [
    (ui.skills_form, 2, "Coaching"), (ui.skills_form, 3, "Budgeting"),
    (ui.contacts_form, 1, "Bea Lopes")])
def test_after_undo_the_focus_is_on_the_entry_put_back(small, focused, form, index, name):
    """Red team K item 4: Undo put the record back, but the page's focus went to its top:
    the Undo button pressed was hidden again, and focusing a hidden button does nothing."""
    view = form(small)
    view.chooser.value = view.chooser.options[index][1]
    view.buttons["remove"].click()
    focused.clear()
    view.undo_button.click()
    assert f"put back “{name}" in view.status.value
    assert view.undo_button.layout.display == "none"
    assert focused == [view.chooser] and view.chooser.label.startswith(f"{index}. {name}")


def test_after_reload_the_focus_stays_in_the_form(small, focused):
    view = ui.skills_form(small)
    view.chooser.value = view.chooser.options[1][1]
    view.fields["importance"].value = 2
    with cw.edit(small.path) as wb:  # changed in another tab meanwhile
        wb.skills[0].importance = 5
    view.buttons["save"].click()
    assert "Not saved" in view.status.value and view.reload_button.layout.display is None
    focused.clear()
    view.reload_button.click()
    assert view.reload_button.layout.display == "none" and view.fields["importance"].value == 5
    assert focused == [view.chooser]


def test_a_refusal_keeps_the_focus_on_the_button(small, focused):
    view = ui.skills_form(small)
    button = view.buttons["save"]
    view.fields["name"].value = "coaching"
    button.click()
    assert "You already track “Coaching”" in view.fields["name"].message.value
    assert focused == [button]


def test_a_result_shown_without_a_click_moves_no_focus(small, focused):
    view = ui.strengths_form(small)
    view.show_result(small.save(lambda wb: wb.weaknesses.append("Delegating")))
    assert SAVED.search(view.status.value) and focused == []


def test_choosing_an_entry_moves_no_focus(small, focused):
    view = ui.skills_form(small)
    view.chooser.value = view.chooser.options[1][1]
    assert view.fields["name"].value == "Rostering" and focused == []
    assert view.fields["importance"].value == 4
