"""Messages a form sends to the page while it is built (issue 15: kernel time per notebook).

In a kernel every widget opens with one message holding its whole state; each trait set
after that is one more message (about half a millisecond of the kernel's time each, JSON,
signing and a socket hand-off). A field is made with its label, tooltip and choice at
once, so building a form sends its widgets' opening messages and next to nothing else.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import ipywidgets as widgets
import pytest

from career_workbook import widgets as ui
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import CheckList, FormView, make_field

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "jordan_engineer.yaml"
TODAY = "2026-11-22"


@pytest.fixture
def updates(monkeypatch) -> list[tuple[str, str]]:
    """``(widget class, trait)`` of every state update sent after a widget was opened."""
    sent: list[tuple[str, str]] = []
    original = widgets.Widget.send_state

    def send_state(self, key=None):
        keys = [key] if isinstance(key, str) else list(key or self.keys)
        sent.extend((type(self).__name__, k) for k in keys)
        return original(self, key)

    monkeypatch.setattr(widgets.Widget, "send_state", send_state)
    return sent


KINDS = [
    ("text", {"value": "Sam"}),
    ("textarea", {"value": "A long note"}),
    ("combo", {"value": "SQL", "options": ["SQL", "Python"]}),
    ("int", {"value": 3}),
    ("float", {"value": 2.5}),
    ("slider", {"value": 3, "min": 1, "max": 5}),
    ("dropdown", {"value": "g2", "options": [("Learn SQL", "g1"), ("Ship it", "g2")]}),
    ("dropdown", {"value": None, "options": ["a", "b"], "optional": True}),
    ("multi", {"value": ["Python"], "options": ["SQL", "Python"]}),
    ("date", {"value": date(2027, 3, 1)}),
    ("checkbox", {"value": True}),
]


@pytest.mark.parametrize(("kind", "extra"), KINDS, ids=[f"{k}{i}" for i, (k, _) in
                                                      enumerate(KINDS)])
def test_a_field_is_made_whole_no_update_follows(updates, kind, extra):
    field = make_field("key", "Label", kind, help="Some help.", **extra)
    assert updates == []
    # and it is the field it was before: label, tooltip, label width and the chosen value
    assert field.widget.description == "Label"
    assert field.widget.tooltip == "Label — Some help."
    assert field.widget.style.description_width == field.box.children[0].children[
        0].style.description_width
    if kind == "dropdown":
        assert field.value == extra["value"]
    if kind == "multi":
        assert field.value == ["Python"]
        assert "Label" in field.widget._label.value


def test_a_checklist_labelled_later_still_shows_its_label(updates):
    checklist = CheckList([("SQL", "SQL")], [])
    checklist.description = "Skills"
    assert "Skills" in checklist._label.value


@pytest.fixture
def jordan(tmp_path: Path) -> ui.Session:
    path = tmp_path / "jordan.yaml"
    shutil.copy(EXAMPLE, path)
    return ui.Session(path, today=TODAY)


@pytest.mark.parametrize("form", [ui.profile_form, ui.self_assessment_form,
                                  ui.feedback_form, ui.check_in_form, ui.achievements_form,
                                  ui.opportunities_form, ui.goal_review,
                                  ui.feedback_import, ui.contacts_import])
def test_building_a_form_sends_only_its_body(updates, jordan, form):
    view = form(jordan)
    assert isinstance(view, FormView)
    assert view.fields  # a real form with inputs, not the "no workbook" notice
    # the form opens once its body is built, with its children: no update follows
    assert updates == []
    assert [c.comm is not None for c in view.children] == [True] * len(view.children)
    assert view.reload_button.layout.display == "none"
    assert "cw-form" in view._dom_classes
    if form in (ui.feedback_import, ui.contacts_import):  # made as they were set before
        from career_workbook.widgets.csv_source import NO_FILE
        from career_workbook.widgets.fields import BUTTON_MARGIN

        assert view.buttons["save"].disabled
        assert view.buttons["preview"].layout.margin == BUTTON_MARGIN
        (upload,) = [w for w in quiet.widget_tree([view]) if isinstance(w, widgets.FileUpload)]
        assert NO_FILE in upload._dom_classes


def test_a_field_without_a_problem_makes_no_message_widget(jordan):
    """Issue 15: each field's (empty) message widget was three more widget models (the
    HTML, its layout and style) and three more messages; most fields never show one."""
    view = ui.feedback_form(jordan)
    assert view.fields and all(f._message is None and len(f.row.children) == 1
                               for f in view.fields.values())
    field = next(iter(view.fields.values()))
    field.error("must not be blank")
    assert field.has_error and field.row.children[-1] is field.message
    assert "must not be blank" in field.message.value
    field.clear()
    assert not field.has_error and field.message.value == ""


def test_a_form_asked_for_its_model_while_built_opens_then(updates, jordan):
    """A form's model opens when its body is built, or earlier if anything asks for its id
    while it is built (a link to it): never without one when the cell shows it."""
    from career_workbook.widgets.fields import FormView

    seen = []

    def build(view):
        seen.append(view.model_id)  # opens the model now (empty), as ipywidgets did
        return [widgets.HTML("body")]

    view = FormView(jordan, build, name="probe", title="Probe")
    assert seen == [view.model_id] and view.comm is not None
    assert updates == [("FormView", "children")]  # the body arrives as an update then


def test_start_sends_no_update_after_opening_its_widgets(updates, tmp_path):
    path = tmp_path / "jordan.yaml"
    shutil.copy(EXAMPLE, path)
    session = ui.start(path, today=TODAY)
    assert session.ready
    assert updates == []  # the hidden Refresh button opens with its class
