"""The names the page keeps unsaved text under (red-team phone walk W8).

The page's script (``display.DRAFTS_JS``, browser tests in ``tests/browser/test_drafts.py``)
keeps what is typed in a form's text box on the device, under the form's
:meth:`~career_workbook.widgets.fields.FormView.draft_key` and the field's ``cw-text-<digest>``
class. A draft must come back only into the same workbook, notebook, form, record and field:
a reflection typed for one goal must never be offered in another's box.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from career_workbook import widgets as ui
from career_workbook.widgets import display
from career_workbook.widgets.fields import DRAFTS, TEXT, draft_class, layout_css, make_field

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "jordan_engineer.yaml"
TODAY = "2026-11-22"


def session(folder: Path, name: str = "jordan", notebook: str = "01_self_assessment"):
    path = folder / f"{name}.yaml"
    if not path.exists():
        shutil.copy(EXAMPLE, path)
    s = ui.Session(path, today=TODAY)
    s.notebook = notebook
    return s


def drafts_classes(view) -> list[str]:
    return [c for c in view._dom_classes if c.startswith(DRAFTS + "-")]


def test_a_form_is_named_by_workbook_notebook_form_and_record(tmp_path: Path) -> None:
    here = ui.skills_form(session(tmp_path))
    key = here.draft_key()
    assert drafts_classes(here) == [key]  # the page reads it from the box
    assert ui.skills_form(session(tmp_path)).draft_key() == key  # opened again: the same
    assert ui.skills_form(session(tmp_path, "sam")).draft_key() != key  # another workbook
    assert ui.skills_form(session(tmp_path, notebook="05_skill_gap")).draft_key() != key
    assert ui.strengths_form(session(tmp_path)).draft_key() != key  # another form

    here.chooser.value = here.chooser.options[2][1]  # another record: another key, one only
    other = here.draft_key()
    assert other != key and drafts_classes(here) == [other]
    here.chooser.value = here.chooser.options[0][1]  # back to "add new": as first built
    assert here.draft_key() == key and drafts_classes(here) == [key]


def test_a_form_that_saves_nothing_typed_keeps_no_draft(tmp_path: Path) -> None:
    view = ui.posting_fit_form(session(tmp_path))
    assert view.draft_key() is None and drafts_classes(view) == []


@pytest.mark.parametrize(("kind", "kept"), [("text", True), ("combo", True),
                                            ("textarea", True), ("int", False),
                                            ("date", False), ("dropdown", False)])
def test_only_text_boxes_are_kept_as_drafts(kind: str, kept: bool) -> None:
    options = ["a", "b"] if kind in ("combo", "dropdown") else ()
    box = make_field("note", "Note", kind, options=options).box
    assert (TEXT in box._dom_classes) is kept
    assert (draft_class(TEXT, "note") in box._dom_classes) is kept


def test_field_names_are_css_classes_whatever_the_key_holds() -> None:
    names = {draft_class(TEXT, key) for key in ("ratings.SQL", "ratings.C# / .NET",
                                                "ratings.Café", "ratings.a b")}
    assert len(names) == 4
    assert all(n.startswith("cw-text-") and n[8:].isalnum() for n in names)


def test_the_page_script_is_published_and_sends_nothing_anywhere() -> None:
    published = []
    original = display.publish
    display.publish = published.append
    try:
        display.publish_page_scripts()
    finally:
        display.publish = original
    assert display.DRAFTS_JS in published[0].data
    for call in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "postMessage"):
        assert call not in display.DRAFTS_JS  # a person's text stays on the device
    assert "localStorage" in display.DRAFTS_JS and "14 * 24 * 3600 * 1000" in display.DRAFTS_JS


def test_the_draft_note_is_styled_by_the_style_sheet_not_inline() -> None:
    """The note, its copy box and its Discard button take their look from the app's style
    sheet, which JupyterLab gets too (``fields.layout_css``): inline styles kept them out of
    the sheet's rules for focus, forced colours and touch (the browser tests check the look
    in both)."""
    assert ".style" not in display.DRAFTS_JS and "cssText" not in display.DRAFTS_JS
    sheet = layout_css()
    for rule in (".cw-form .cw-draft-note {", ".cw-form .cw-draft-note .cw-draft-text {",
                 ".cw-form .cw-draft-note .cw-draft-discard {"):
        assert rule in sheet and rule.split()[-2][1:] in display.DRAFTS_JS
    assert ".cw-form .cw-draft-discard:focus-visible" in sheet  # the ring every button has
