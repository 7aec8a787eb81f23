"""Layouts and styles nobody set open no widget model (issue 15: Run All in the browser).

Each ipywidgets layout or style is a model of its own: one more message from the kernel, one
more model and view built by the page. Most were defaults (a help text's layout, a box's
layout, a button's style) and changed nothing on screen. ``career_workbook.widgets.quiet``
keeps those in Python only until a property changes; these tests check that the guided
notebooks send none of them, and that a quiet layout still does everything a layout does
(hide and show a widget, align a row once it has a message, close with its form).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import ipywidgets as widgets
import pytest
from ipywidgets.widgets.widget import _instances

from career_workbook import widgets as ui
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import close_widgets, make_field

ROOT = Path(__file__).resolve().parents[1]
FULL = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
TODAY = "2026-11-22"
NOTEBOOKS = sorted(ROOT.glob("notebooks/[0-9][0-9]_*.ipynb"))


def _calls(notebook: Path) -> list[str]:
    """The ``ui.<form>(wb)`` calls of a guided notebook, in order (charts left out: they
    are images, not widgets)."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return re.findall(r"\bui\.(\w+)\(wb\)", source)


_DEFAULTS: dict[type, dict] = {}


def _is_default(model: widgets.Widget) -> bool:
    """Whether every synced property of a layout or style is its class default."""
    klass = type(model)
    if klass not in _DEFAULTS:
        fresh = klass()
        _DEFAULTS[klass] = fresh.get_state()
        fresh.close()
    return model.get_state() == _DEFAULTS[klass]


def _layouts_and_styles(model: widgets.Widget) -> bool:
    return isinstance(model, widgets.Layout | widgets.widget.Widget) and (
        isinstance(model, widgets.Layout) or type(model).__name__.endswith("Style"))


@pytest.fixture
def full(tmp_path: Path) -> ui.Session:
    path = tmp_path / FULL.name
    shutil.copy(FULL, path)
    return ui.Session(path, today=TODAY)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_guided_notebook_opens_no_default_layout_or_style(full, notebook):
    """Every layout and style model a notebook's forms open carries a setting; the ceiling
    is computed, not today's count: widgets + the layouts and styles that say something."""
    calls = _calls(notebook)
    assert calls, f"{notebook.stem}: no form calls found"
    before = set(_instances)
    shown = [getattr(ui, name)(full) for name in calls]
    opened = [m for k, m in _instances.items() if k not in before]
    models = [m for m in opened if _layouts_and_styles(m)]
    defaults = [type(m).__name__ for m in models if _is_default(m)]
    assert defaults == [], f"{notebook.stem}: {len(defaults)} default models sent: {defaults}"
    assert quiet.quiet_models(shown) > 0  # the defaults are there, in Python only
    close_widgets(shown)


_STILL_HIDDEN: dict[str, str] = {}
"""Forms that still make a part hidden, to show it later (strict: fixing one fails here
until it is taken off this list)."""


@pytest.mark.parametrize("notebook", [
    pytest.param(nb, marks=pytest.mark.xfail(strict=True, reason=_STILL_HIDDEN[nb.stem]))
    if nb.stem in _STILL_HIDDEN else nb for nb in NOTEBOOKS], ids=lambda p: p.stem)
def test_a_guided_notebook_opens_no_hidden_widget(full, notebook):
    """A part a form shows only in some cases (the "Keep 2062" button, 05's row to remove a
    profile's skills never rated) is made when it is first shown: made hidden, it cost the
    page a model and a view for each of its widgets on every run of the notebook."""
    before = set(_instances)
    shown = [getattr(ui, name)(full) for name in _calls(notebook)]
    opened = [m for k, m in _instances.items() if k not in before]
    hidden = [f"{type(m).__name__} {getattr(m, 'description', '')!r}" for m in opened
              if isinstance(m, widgets.DOMWidget) and m.layout.display == "none"]
    close_widgets(shown)
    assert hidden == [], f"{notebook.stem}: made hidden: {hidden}"


def test_a_quiet_layout_opens_on_its_first_change_and_the_page_gets_it(monkeypatch):
    sent: list[tuple[str, str]] = []
    original = widgets.Widget.send_state

    def send_state(self, key=None):
        sent.append((type(self).__name__, key))
        return original(self, key)

    monkeypatch.setattr(widgets.Widget, "send_state", send_state)
    html = quiet.HTML("Hello")
    layout, style = html.layout, html.style
    assert quiet.is_quiet(layout) and quiet.is_quiet(style)
    assert layout.comm is None and html.get_state()["layout"] is None
    assert html.get_state()["style"] is None

    layout.display = "none"  # hidden, as the forms' show/hide toggles do
    assert not quiet.is_quiet(layout) and layout.comm is not None
    assert layout.get_state()["display"] == "none"  # opened with the new value in it
    assert sent == [("HTML", "layout")]  # the widget now names its layout; nothing else
    assert html.get_state()["layout"] == f"IPY_MODEL_{layout.model_id}"
    layout.display = None  # shown again: an ordinary update from now on
    assert sent == [("HTML", "layout"), ("QuietLayout", "display")]
    assert quiet.is_quiet(style) and html.get_state()["style"] is None

    close_widgets([html])
    assert layout.comm is None and html.comm is None


def test_a_passed_layout_is_an_ordinary_model():
    box = quiet.VBox([], layout=widgets.Layout(margin="4px 0"))
    assert not quiet.is_quiet(box.layout) and box.layout.comm is not None
    assert quiet.VBox(layout={"width": "10em"}).layout.comm is not None


def test_asking_a_quiet_layout_for_its_model_id_opens_it():
    box = quiet.HBox([])
    model_id = box.layout.model_id  # e.g. a link to it, or a view of it elsewhere
    assert not quiet.is_quiet(box.layout) and box.layout.comm.comm_id == model_id
    assert box.get_state()["layout"] == f"IPY_MODEL_{model_id}"


def test_a_fields_row_is_aligned_once_it_shows_a_message():
    field = make_field("name", "Name", "text", help="Your name.")
    assert quiet.is_quiet(field.row.layout)  # the input alone: nothing to align
    field.error("must not be blank")
    assert not quiet.is_quiet(field.row.layout)
    assert field.row.layout.align_items == "center"
    assert field.row.get_state()["layout"] == f"IPY_MODEL_{field.row.layout.model_id}"
    assert field.row.children[-1] is field.message


def test_a_forms_reload_button_joins_it_on_the_first_conflict(full):
    """Hidden until a save meets a conflict, the Reload button was two models (button and
    layout) in every form; now it is made when a conflict first shows it."""
    from types import SimpleNamespace

    view = ui.check_in_form(full)
    assert view._reload_button is None and view.children[-1] is view.status
    view.show_result(SimpleNamespace(ok=True, message="Saved at 10:42", conflict=False))
    assert view._reload_button is None  # a plain save needs none
    view.show_result(SimpleNamespace(ok=False, message="Not saved: changed elsewhere",
                                     conflict=True, field=None, value=None))
    button = view.reload_button
    assert view.children[-1] is button and button.layout.display is None
    assert button.comm is not None  # in the page, where the person can click it
    view.show_result(SimpleNamespace(ok=True, message="Saved at 10:43", conflict=False))
    assert view.children[-1] is button and button.layout.display == "none"
    view.render()  # rebuilt after a save elsewhere: the button stays, hidden
    assert view.children[-1] is button and view.children[-2] is view.status


def test_a_check_lists_boxes_are_sized_by_one_rule_not_a_layout_each():
    """A check list's boxes are as wide as their text; that was one layout model per box
    (15 in notebook 10), now one style rule sent with the list's label."""
    checklist = make_field("skills", "Skills", "multi", options=["SQL", "Python", "R"]).widget
    assert "cw-checklist" in checklist._dom_classes
    assert ".cw-checklist .widget-checkbox{width:auto}" in checklist._label.value
    assert "Skills" in checklist._label.value
    assert all(quiet.is_quiet(box.layout) and box.get_state()["layout"] is None
               for box in checklist.boxes)
    checklist.description = "Languages"  # relabelled: the rule stays
    assert ".cw-checklist .widget-checkbox{width:auto}" in checklist._label.value
    assert "Languages" in checklist._label.value
