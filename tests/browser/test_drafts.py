"""Text typed in a form and not saved survives a lost tab (red-team phone walk W8).

iOS (and Android short of memory) throws a tab put in the background away and reloads it
when the person comes back, firing no ``beforeunload``; a tab can be closed by mistake. The
page's script (``display.DRAFTS_JS``) keeps what is typed in a form's text box on the
device; a page opened again puts it back, unsaved and said so, for the person to check and
save, or discard:

- reloaded (the person said to leave), or closed with no question and opened again: the
  text is back in its box, the form unsaved, a note says so; Save puts it in the file and
  the draft is gone;
- saved in another tab meanwhile: nothing is overwritten, the draft is shown beside the box
  as text to copy; Discard drops it, the file untouched;
- a form saved keeps no draft (reloaded, nothing is brought back);
- JupyterLab: the same, the notebook's kernel still running.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

import career_workbook as cw
from career_workbook import store

from .conftest import Server, new_context, shutdown_kernels
from .pages import Notebook, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

FORM = "Strengths and areas to develop"
FIELD = "Areas to develop"
SAVE = "Save strengths and areas"
TYPED = "Saying no to requests with no decision attached"
NOTE = ".cw-draft-note"


def brought_back_words(field: str) -> re.Pattern[str]:
    return re.compile(rf"Brought back the text you typed in “{field}” on \d{{1,2}} [A-Z][a-z]{{2}} "
                      r"at \d\d:\d\d and had not saved: check it and press Save, or Discard\.")


NOTE_LOOK = """n => {const s = getComputedStyle(n);
  return {bar: s.borderLeftWidth + ' ' + s.borderLeftStyle + ' ' + s.borderLeftColor,
          pad: s.paddingTop + ' ' + s.paddingRight, inline: n.getAttribute('style')}}"""
DRAFTS = """() => Object.keys(localStorage).filter(k => k.startsWith('cw-draft:'))
  .map(k => JSON.parse(localStorage.getItem(k)).text)"""


@pytest.fixture
def app(app_server: Server, browser: Any) -> Iterator[tuple[Server, Any]]:
    """A context of its own that keeps drafts; the workbook put back afterwards."""
    before = app_server.workbook.read_bytes()
    context = new_context(browser, keep_drafts=True)
    try:
        yield app_server, context
    finally:
        context.close()
        app_server.workbook.write_bytes(before)


def _type_and_wait(nb: Notebook, text: str, form: str = FORM, field: str = FIELD) -> str:
    """Add a line to the box (“Areas to develop”) without leaving it (the kernel has not
    seen it); wait until the page kept it. The box's whole text."""
    box = nb.form(form).widget(field).locator("textarea")
    box.click()
    nb.page.keyboard.press("Control+End")
    nb.page.keyboard.type("\n" + text, delay=5)
    whole = box.input_value()
    wait_until(lambda: whole in nb.page.evaluate(DRAFTS), "the draft to be kept", 10)
    return whole


def _typed_in_a_lost_tab(context: Any, server: Server, *, form: str = FORM,
                         field: str = FIELD, record: tuple[str, str] | None = None,
                         notebook: str = "01_self_assessment") -> str:
    """Open the step in the app (choose ``record``: chooser label, option), type ``TYPED``
    in the box without leaving it, then lose the tab as iOS does (no ``beforeunload``, so
    nothing asked). The box's whole text."""
    nb = Notebook.open_in_app(context, server, notebook)
    if record is not None:
        nb.form(form).choose(*record, rerenders=True)
    whole = _type_and_wait(nb, TYPED, form, field)
    nb.page.close(run_before_unload=False)
    return whole


def _brought_back(nb: Notebook, whole: str, form_title: str = FORM, field: str = FIELD) -> Any:
    form = nb.form(form_title)
    box = form.widget(field).locator("textarea")
    wait_until(lambda: box.input_value() == whole, "the typed text to be back", 30)
    note = form.widget(field).locator("xpath=ancestor::*[contains(@class,'cw-field')][1]")\
        .locator(NOTE)
    said = brought_back_words(field)
    wait_until(lambda: said.search(note.inner_text()), "the note to say so", 10)
    assert note.get_attribute("aria-live") == "polite" and note.get_attribute("role") == "status"
    # its look comes from the app's style sheet, which JupyterLab gets too: the same in both
    assert note.evaluate(NOTE_LOOK) == {"bar": "4px solid rgb(179, 92, 0)", "pad": "4px 8px",
                                        "inline": None}
    nb.page.wait_for_selector(".cw-unsaved", state="attached", timeout=15_000)  # as if typed
    return note


def _saved_and_forgotten(nb: Notebook) -> None:
    saved = nb.form(FORM).save(SAVE)
    assert TYPED in saved["weaknesses"]
    wait_until(lambda: nb.page.evaluate(DRAFTS) == [], "the draft to go after the save", 10)
    nb.page.locator(NOTE).wait_for(state="detached", timeout=10_000)


def test_a_reloaded_step_brings_back_what_was_typed_and_saves_it(app: tuple) -> None:
    server, context = app
    nb = Notebook.open_in_app(context, server, "01_self_assessment")
    try:
        whole = _type_and_wait(nb, TYPED)
        assert TYPED not in server.workbook.read_text(encoding="utf-8")
        nb.page.on("dialog", lambda d: d.accept())  # "Reload": the person says leave
        nb.page.reload(wait_until="commit")
        nb = Notebook._rendered(nb.page, server, "01_self_assessment", 120.0)
        note = _brought_back(nb, whole)
        nb.screenshot("drafts_brought_back", element=note.locator("xpath=.."))
        assert TYPED not in server.workbook.read_text(encoding="utf-8")  # not saved yet
        _saved_and_forgotten(nb)
    finally:
        nb.close()


def test_a_tab_closed_with_no_question_comes_back_on_a_new_page(app: tuple) -> None:
    """iOS throws the tab away: no ``beforeunload``, so nothing asked."""
    server, context = app
    whole = _typed_in_a_lost_tab(context, server)
    nb = Notebook.open_in_app(context, server, "01_self_assessment")
    try:
        _brought_back(nb, whole)
        _saved_and_forgotten(nb)
    finally:
        nb.close()


def test_saved_in_another_tab_meanwhile_nothing_is_overwritten(app: tuple) -> None:
    server, context = app
    whole = _typed_in_a_lost_tab(context, server)
    elsewhere = "Delegating the weekly report"
    with warnings.catch_warnings():  # another tab saves the same field
        warnings.simplefilter("ignore", store.CommentsNotKeptWarning)
        with cw.edit(server.workbook) as wb:
            wb.weaknesses.append(elsewhere)
    on_file = server.workbook.read_bytes()
    nb = Notebook.open_in_app(context, server, "01_self_assessment")
    try:
        form = nb.form(FORM)
        box = form.widget(FIELD).locator("textarea")
        note = nb.page.locator(NOTE)
        note.wait_for(state="visible", timeout=30_000)
        wait_until(lambda: "The saved text has changed since" in note.inner_text(),
                   "the note to say why the text was not put back", 10)
        assert elsewhere in box.input_value() and TYPED not in box.input_value()
        copy = note.locator("textarea.cw-draft-text")
        assert copy.input_value() == whole and copy.get_attribute("readonly") is not None
        assert nb.page.locator(".cw-unsaved").count() == 0  # nothing changed in the form
        nb.screenshot("drafts_held", element=note.locator("xpath=.."))
        # typing in the box now is a draft of its own: the one shown is still kept
        now = _type_and_wait(nb, "Asking for help earlier")
        assert sorted(nb.page.evaluate(DRAFTS)) == sorted([whole, now])
        note.get_by_role("button", name=re.compile("Discard")).click()
        note.wait_for(state="detached", timeout=10_000)
        assert nb.page.evaluate(DRAFTS) == [now] and box.input_value() == now
        assert server.workbook.read_bytes() == on_file
    finally:
        nb.close()


def test_a_saved_form_keeps_no_draft_and_discard_puts_the_box_back(app: tuple) -> None:
    server, context = app
    nb = Notebook.open_in_app(context, server, "01_self_assessment")
    try:
        _type_and_wait(nb, TYPED)  # kept while unsaved
        box = nb.form(FORM).widget(FIELD).locator("textarea")
        box.press("Tab")
        _saved_and_forgotten(nb)
        nb.page.on("dialog", lambda d: d.accept())
        nb.page.reload(wait_until="commit")
        nb = Notebook._rendered(nb.page, server, "01_self_assessment", 120.0)
        form = nb.form(FORM)
        assert TYPED in form.value(FIELD)
        nb.page.wait_for_timeout(1500)
        assert nb.page.locator(NOTE).count() == 0 and nb.page.locator(".cw-unsaved").count() == 0

        # typed again, lost, brought back, then discarded: the box as saved, form clean
        saved = form.value(FIELD)
        whole = _type_and_wait(nb, "Another line")
        nb.page.close(run_before_unload=False)
        nb = Notebook.open_in_app(context, server, "01_self_assessment")
        note = _brought_back(nb, whole)
        note.get_by_role("button", name=re.compile("Discard")).click()
        box = nb.form(FORM).widget(FIELD).locator("textarea")
        wait_until(lambda: box.input_value() == saved, "the box to show the saved text", 10)
        nb.page.locator(".cw-unsaved").wait_for(state="detached", timeout=15_000)
        assert nb.page.evaluate(DRAFTS) == []
    finally:
        nb.close()


def test_a_record_being_edited_is_offered_when_it_is_chosen_again(app: tuple) -> None:
    """The page opens on "add new": the draft of a contact being edited comes back when
    that contact is chosen (before, only when the page opened on it)."""
    server, context = app
    network, chooser, notes = "Your network", "Choose a contact", "Notes"
    contact = re.compile(r"^1\. ")  # the first contact
    whole = _typed_in_a_lost_tab(context, server, form=network, field=notes,
                                 record=(chooser, contact), notebook="07_network")
    nb = Notebook.open_in_app(context, server, "07_network")
    try:
        form = nb.form(network)
        assert form.widget(chooser).locator("select").evaluate("s => s.selectedIndex") == 0
        assert TYPED not in form.value(notes) and nb.page.locator(NOTE).count() == 0
        form.choose(chooser, contact, rerenders=True)
        note = _brought_back(nb, whole, network, notes)
        note.get_by_role("button", name=re.compile("Discard")).click()
        wait_until(lambda: nb.page.evaluate(DRAFTS) == [], "the draft to go on Discard", 10)
        assert TYPED not in nb.form(network).value(notes)
    finally:
        nb.close()


def test_a_record_another_tab_is_typing_in_is_left_to_it(app: tuple) -> None:
    """A draft another tab writes while this page is open is that tab's (it is typing):
    choosing the record here does not take it."""
    server, context = app
    network, chooser, notes = "Your network", "Choose a contact", "Notes"
    contact = re.compile(r"^1\. ")
    here = Notebook.open_in_app(context, server, "07_network")
    there = Notebook.open_in_app(context, server, "07_network")
    try:
        there.form(network).choose(chooser, contact, rerenders=True)
        whole = _type_and_wait(there, TYPED, network, notes)
        form = here.form(network).choose(chooser, contact, rerenders=True)
        here.page.wait_for_timeout(2000)  # a put back comes within a frame or two
        assert TYPED not in form.value(notes) and here.page.locator(NOTE).count() == 0
        assert here.page.locator(".cw-unsaved").count() == 0
        assert there.page.evaluate(DRAFTS) == [whole]  # still the other tab's
    finally:
        there.close()
        here.close()


def test_jupyterlab_brings_back_text_typed_before_the_tab_was_lost(
        lab_server: Server, browser: Any) -> None:
    before = lab_server.workbook.read_bytes()
    context = new_context(browser, keep_drafts=True)
    try:
        nb = Notebook.open_in_lab(context, lab_server, "01_self_assessment").run_all()
        whole = _type_and_wait(nb, TYPED)
        nb.page.close(run_before_unload=False)  # the kernel goes on, without the text
        # opened again (its outputs were never saved): run again, the forms from the file
        nb = Notebook.open_in_lab(context, lab_server, "01_self_assessment").run_all()
        note = _brought_back(nb, whole)
        nb.screenshot("drafts_brought_back_lab", element=note.locator("xpath=.."))
        _saved_and_forgotten(nb)
    finally:
        context.close()
        shutdown_kernels(lab_server)
        lab_server.workbook.write_bytes(before)
