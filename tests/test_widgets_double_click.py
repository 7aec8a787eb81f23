"""A double click on "Add this ..." adds one entry, however the kernel delivers the clicks.

JupyterLab (4.4+) sends widget messages over a kernel subshell, and ipykernel 7 hands a
widget's message to the thread that sent the widget's last update. Right after a cell made
a form, its button's first click runs on the main thread; that click's own update (the
button disabled while saving) sent the second click of a double click to the subshell's
thread, where it ran during the first save: both saw an unsaved form, and the file got two
copies (red team A2: "Restart Kernel and Run All Cells", then a double click on 08's "Add
this achievement"). These tests deliver the clicks as ipywidgets does - a ``custom``
message on the button's comm - on two threads, and after the form was rebuilt.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import widgets as ui
from career_workbook.widgets import quiet
from tests.helpers.html_text import text_of

TODAY = "2026-11-22"
CLICK = {"content": {"data": {"method": "custom", "content": {"event": "click"}}},
         "buffers": []}
"""The message the page sends when a button is clicked (``ButtonView._handle_click``)."""




def deliver_click(button) -> None:
    """A click from the page, handled as the kernel handles it (``Widget._handle_msg``)."""
    button._handle_msg(CLICK)


def entries(path: Path, collection: str, key: str) -> list[str]:
    return [getattr(e, key) for e in getattr(cw.load(path), collection)]


ADD_FORMS = [
    (ui.skills_form, "name", "skills"), (ui.values_form, "name", "values"),
    (ui.contacts_form, "name", "contacts"), (ui.achievements_form, "title", "achievements"),
    (ui.learning_form, "title", "learning"), (ui.actions_form, "text", "actions"),
    (ui.opportunities_form, "title", "opportunities"), (ui.check_in_form, "wins", "check_ins"),
    (ui.goal_drafter, "text", "goals"),
]
"""Every kind of "add" form: the list editors, the check-in, the goal drafter."""
ids = [form.__name__ for form, _, _ in ADD_FORMS]


@pytest.mark.parametrize("form, key, collection", ADD_FORMS, ids=ids)
def test_a_second_click_arriving_on_another_thread_during_the_save_adds_nothing(
        path, form, key, collection):
    session = ui.Session(path, today=TODAY)
    view = form(session)
    button = view.buttons["save"]
    view.fields[key].widget.value = "Ran the first user-research workshop"
    save, second = session.save, []

    def save_while_clicked_again(apply):
        if not second:  # the second click reaches the kernel while the first one saves
            second.append(threading.Thread(target=deliver_click, args=(button,)))
            second[0].start()
            second[0].join(timeout=0.5)  # old code: the whole second save ran here
        return save(apply)

    session.save = save_while_clicked_again
    deliver_click(button)
    second[0].join(timeout=30)
    assert not second[0].is_alive()
    assert entries(path, collection, key) == ["Ran the first user-research workshop"]
    assert "Saved at" in text_of(view.status.value)
    # the next entry is added as before
    view.fields[key].widget.value = "Ran the second workshop"
    view.buttons["save"].click()
    assert entries(path, collection, key) == ["Ran the first user-research workshop",
                                              "Ran the second workshop"]


def test_a_click_on_the_button_of_a_form_rebuilt_since_changes_nothing(path):
    # The second click of a double click, routed to the old button before the save rebuilt
    # the form: the old code looked up its "name" (not found: a new button object), guarded
    # nothing and checked the new, blank form: "Nothing was saved: please fix ...".
    view = ui.achievements_form(ui.Session(path, today=TODAY))
    old = view.buttons["save"]
    view.fields["date"].widget.value = "2026-11-20"
    view.fields["title"].widget.value = "Gave the team's first demo"
    deliver_click(old)
    assert view.buttons["save"] is not old  # the save rebuilt the form
    saved = text_of(view.status.value)
    deliver_click(old)
    assert text_of(view.status.value) == saved
    assert "Saved at" in saved and "added “20 Nov 2026 Gave the team's first demo”" in saved
    assert not view.fields["title"].has_error
    assert entries(path, "achievements", "title") == ["Gave the team's first demo"]


def test_a_second_click_waits_for_the_first_then_the_repeat_guard_answers(path):
    # A form refilled in place keeps its button: the second click, delivered on another
    # thread during the save, is answered once the first is done, as a click after it is.
    with cw.edit(path) as wb:
        wb.skills += [cw.Skill(name="SQL")]
    session = ui.Session(path, today=TODAY)
    view = ui.self_assessment_form(session)
    button = view.buttons["save"]
    view.fields["ratings.SQL"].widget.value = 3
    save, second = session.save, []

    def save_while_clicked_again(apply):
        if not second:
            second.append(threading.Thread(target=deliver_click, args=(button,)))
            second[0].start()
            second[0].join(timeout=0.5)
        return save(apply)

    session.save = save_while_clicked_again
    deliver_click(button)
    second[0].join(timeout=30)
    assert [a.ratings for a in cw.load(path).assessments] == [{"SQL": 3}]
    if view.buttons["save"] is button:  # refilled: the guard says so
        assert re.search(r"Already saved at \d\d:\d\d — change something to add another",
                         text_of(view.status.value))


def test_clicks_on_two_threads_run_one_after_the_other():
    button, inside, overlaps = quiet.Button(description="Save"), [], []

    def slow(_b):
        overlaps.append(len(inside))
        inside.append(1)
        time.sleep(0.2)
        inside.pop()

    button.on_click(slow)
    threads = [threading.Thread(target=deliver_click, args=(button,)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert overlaps == [0, 0, 0]


def test_a_closed_button_ignores_its_clicks():
    button, seen = quiet.Button(description="Add this skill"), []
    button.on_click(lambda _b: seen.append("clicked"))
    deliver_click(button)
    button.close()
    deliver_click(button)
    assert seen == ["clicked"]
