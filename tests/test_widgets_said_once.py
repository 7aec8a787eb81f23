"""A refused save says why once (red team A12): a same-field conflict between two tabs
showed the same long "... press Reload ..." sentence twice, beside the field and as the
status line; a refusal about one field ("You already track ...") did the same.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.widgets import quiet
from tests.helpers.html_text import text_of

TODAY = "2026-11-22"


def messages(view) -> str:
    """Every message the form shows: its status line and the messages beside its fields."""
    return " ".join(text_of(w.value, " ") for w in quiet.widget_tree([view])
                    if isinstance(w, quiet.HTML) and "cw-" in w.value)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "sam.yaml"
    store.new(p, "Sam Lee", today=date(2026, 1, 5))
    with cw.edit(p) as wb:
        wb.contacts.append(cw.Contact(name="Dana Lee", relationship="sponsor"))
        wb.skills.append(cw.Skill(name="SQL"))
    return p


def test_a_field_changed_in_two_tabs_is_explained_once_next_to_reload(path):
    tab_a, tab_b = (ui.contacts_form(ui.Session(path, today=TODAY)) for _ in range(2))
    for tab, notes in ((tab_a, "Edited in tab A: the sponsor role"),
                       (tab_b, "Edited in tab B: the offsite")):
        tab.chooser.value = "0"
        tab.fields["notes"].value = notes
    tab_a.buttons["save"].click()
    tab_b.buttons["save"].click()
    shown = messages(tab_b)
    assert shown.count("press Reload to see the current version") == 1, shown
    assert shown.count("was changed to “Edited in tab A: the sponsor role”") == 1, shown
    status = text_of(tab_b.status.value, " ")
    assert "Not saved: “Notes” was changed to" in status
    assert "changed in another window — see below" in text_of(
        tab_b.fields["notes"].message.value, " ")
    assert tab_b.reload_button.layout.display is None
    assert cw.load(path).contacts[0].notes == "Edited in tab A: the sponsor role"


def test_a_refusal_about_one_field_is_said_beside_it_and_the_status_points_there(path):
    view = ui.skills_form(ui.Session(path, today=TODAY))
    view.fields["name"].value = "SQL"
    view.buttons["save"].click()
    shown = messages(view)
    assert shown.count("already") == 1, shown
    assert "You already track “SQL”" in text_of(view.fields["name"].message.value, " ")
    assert text_of(view.status.value, " ").strip() == \
        "⚠ Nothing was saved: please fix the field marked ⚠."
    view.fields["name"].value = "Python"  # fixed: the pointer goes with the mark
    assert text_of(view.status.value, " ").strip() == ""
    view.buttons["save"].click()
    assert [s.name for s in cw.load(path).skills] == ["SQL", "Python"]
