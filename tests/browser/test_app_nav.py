"""Moving around the app (``career-workbook app``) without losing anything (red-team walk).

- A step left with unsaved input asks first: the page's own links ("Next: 02 — …", "Back
  to all steps") with a question naming every such form (one typed in just before too),
  closing or reloading the tab with the browser's own; staying keeps the input, and the
  page's kernel, so it can still be saved.
- Every step has a "Back to all steps" link to the start page, reachable by keyboard.
- On a phone (390 px) and at 200 % zoom every input fits the page, its label above it.
- After Enter on a save button the focus stays in the form (it went to the page's top);
  after Undo it is on the entry put back.

JupyterLab: the same marks, and its tab asks before it is closed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import Server, new_context
from .pages import PERSON_PAUSE_MS, Notebook, read_yaml, wait_until, write_start_page

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

UNSAVED = ".cw-unsaved"
NEXT_02 = re.compile(r"^Next: 02 — ")
BACK = re.compile(r"Back to all steps")


class Dialogs:
    """Every dialog a page opens (type and message), answered as told."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.seen: list[tuple[str, str]] = []
        self.accept = False
        page.on("dialog", self._answer)

    def _answer(self, dialog: Any) -> None:
        self.seen.append((dialog.type, dialog.message))
        if self.accept:
            dialog.accept()
        else:
            dialog.dismiss()

    def wait(self, count: int, timeout: float = 10.0) -> list[tuple[str, str]]:
        """Wait until ``count`` dialogs were seen (Playwright answers them only while it
        waits itself: not during ``time.sleep``)."""
        deadline = time.monotonic() + timeout
        while len(self.seen) < count and time.monotonic() < deadline:
            self.page.wait_for_timeout(100)
        assert len(self.seen) >= count, f"{len(self.seen)} dialog(s), not {count}: {self.seen}"
        return self.seen


@pytest.fixture
def step_01(app_server: Server, app_context: Any) -> Iterator[Notebook]:
    write_start_page(app_server.notebooks)
    nb = Notebook.open_in_app(app_context, app_server, "01_self_assessment")
    try:
        yield nb
    finally:
        nb.close()


def _marked(nb: Notebook) -> None:
    nb.page.wait_for_selector(UNSAVED, state="attached", timeout=15_000)


def test_a_step_left_with_unsaved_input_asks_first_and_staying_keeps_it(
        step_01: Notebook) -> None:
    nb, page = step_01, step_01.page
    dialogs = Dialogs(page)
    strengths = nb.form("Strengths and areas to develop")
    typed = "Explaining rotas to new starters"
    strengths.type("Areas to develop", typed)
    # a text box sends its text when it is left: still in the box, the page knows anyway
    assert page.evaluate("window.cwUnsaved()") is True

    # the page's own link, clicked from the box: a question naming the form; Cancel stays,
    # with the input
    page.get_by_role("link", name=NEXT_02).click()
    kind, message = dialogs.wait(1)[0]
    assert kind == "confirm"
    assert "You have unsaved changes in “Strengths and areas to develop”" in message
    page.wait_for_timeout(1000)
    assert "01_self_assessment" in page.url
    assert strengths.value("Areas to develop") == typed

    # closing (or reloading) the tab: the browser's own question; staying keeps the kernel
    page.close(run_before_unload=True)
    assert dialogs.wait(2)[1][0] == "beforeunload"
    page.wait_for_timeout(1000)
    assert not page.is_closed() and strengths.value("Areas to develop") == typed
    saved = strengths.save("Save strengths and areas", rebuilds=True)
    assert typed in saved["weaknesses"]
    assert page.locator(UNSAVED).count() == 0

    # saved: the link goes at once
    nb.follow(NEXT_02, "02_feedback_360")
    assert len(dialogs.seen) == 2


def test_a_date_typed_just_before_the_link_is_still_asked_about(step_01: Notebook) -> None:
    """A date box sends its text when it is left: the click on the link that leaves it
    waits for the kernel's answer instead of going."""
    nb, page = step_01, step_01.page
    dialogs = Dialogs(page)
    rate = nb.form("Rate yourself")
    box = rate.widget("Date").locator("input")
    box.click()
    box.fill("2026-11-01")  # no Tab: the kernel has not seen it yet
    assert page.locator(UNSAVED).count() == 0
    page.get_by_role("link", name=NEXT_02).click()
    kind, message = dialogs.wait(1)[0]
    assert kind == "confirm" and "“Rate yourself”" in message
    assert "01_self_assessment" in page.url

    dialogs.accept = True  # "Leave": the next step opens
    page.get_by_role("link", name=NEXT_02).click()
    page.wait_for_url(re.compile(r"/02_feedback_360\.ipynb"), wait_until="commit",
                      timeout=60_000)
    assert len(dialogs.seen) == 2 and dialogs.seen[1][0] == "confirm"


def test_the_question_names_every_form_typed_in(step_01: Notebook) -> None:
    """Red team K item 6: a skill typed (marked), then a strength added and the link
    clicked at once: the question named only the skills form, the first one marked."""
    nb, page = step_01, step_01.page
    dialogs = Dialogs(page)
    skills = nb.form("The skills you track")
    skills.fill("Skill", "Rust")  # typed, then Tab
    _marked(nb)
    strengths = nb.form("Strengths and areas to develop")
    box = strengths.widget("Strengths").locator("textarea")
    box.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\nPatience")  # no Tab: the link is clicked straight away
    page.get_by_role("link", name=BACK).last.click()
    kind, message = dialogs.wait(1)[0]
    assert kind == "confirm", message
    assert "in “The skills you track”, “Strengths and areas to develop”" in message
    assert "01_self_assessment" in page.url and box.input_value().endswith("\nPatience")


def test_every_step_leads_back_to_all_steps_by_keyboard(app_server: Server,
                                                        app_context: Any) -> None:
    write_start_page(app_server.notebooks)
    nb = Notebook.open_in_app(app_context, app_server, "03_vision_values")
    try:
        page = nb.page
        links = page.get_by_role("link", name=BACK)
        assert links.count() == 2  # at the top and at the end of the page
        assert links.first.get_attribute("href").endswith("/voila/render/.start.ipynb")
        page.locator("body").focus()
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert BACK.search(focused), f"the first Tab reaches {focused!r}"
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/\.start\.ipynb"), wait_until="commit",
                          timeout=60_000)
        start = Notebook._rendered(page, app_server, ".start", 120.0)
        steps = start.page.locator(".cw-steps li")
        assert steps.count() == 11 and "✓" in steps.nth(1).inner_text()
        assert start.page.get_by_role("link", name=BACK).count() == 0  # already there
    finally:
        nb.close()


SIZES = {"phone": ({"width": 390, "height": 844}, 1),
         "zoom 200 %": ({"width": 640, "height": 450}, 2)}
"""A phone, and a 1280 × 900 window at 200 % zoom (the same page as 640 × 450)."""

_OUTSIDE = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll(
      '.cw-form input, .cw-form select, .cw-form textarea, .cw-form label, .cw-form button')) {
    const r = el.getBoundingClientRect();
    if (!r.width || getComputedStyle(el).visibility === 'hidden') continue;
    if (r.left < -1 || r.right > width + 1)
      out.push(`${el.tagName} “${(el.textContent || el.placeholder || '').trim().slice(0, 30)}”`
               + ` ${Math.round(r.left)}-${Math.round(r.right)} px of ${width}`);
  }
  return {out, scroll: document.documentElement.scrollWidth, width};
}"""

_BESIDE = """() => {
  const rows = [];
  for (const row of document.querySelectorAll(
      '.cw-form .widget-text, .cw-form .widget-dropdown, .cw-form .widget-textarea')) {
    const label = row.querySelector(':scope > .widget-label');
    const input = row.querySelector(':scope > input, :scope > select, :scope > textarea');
    if (!label || !input || !label.textContent.trim()) continue;
    const l = label.getBoundingClientRect(), i = input.getBoundingClientRect();
    if (!l.width || !i.width) continue;
    rows.push({label: label.textContent.trim(), above: l.bottom <= i.top + 1});
  }
  return rows;
}"""


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("stem", ["08_achievements_learning", "09_progress_review",
                                  "10_opportunities"])
def test_every_input_fits_a_phone_and_a_200_percent_zoom(
        stem: str, size: str, browser: Any, app_server: Server) -> None:
    viewport, scale = SIZES[size]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale,
                                  locale="en-GB")
    context.set_default_timeout(30_000)
    try:
        nb = Notebook.open_in_app(context, app_server, stem)
        found = nb.page.evaluate(_OUTSIDE)
        assert not found["out"], f"{stem} at {size}: off the page: {found['out'][:8]}"
        assert found["scroll"] <= found["width"], found
        rows = nb.page.evaluate(_BESIDE)
        assert rows and all(r["above"] for r in rows), \
            [r["label"] for r in rows if not r["above"]][:8]
    finally:
        context.close()


def test_a_laptop_keeps_labels_beside_their_inputs(app_server: Server,
                                                   app_context: Any) -> None:
    nb = Notebook.open_in_app(app_context, app_server, "10_opportunities")
    try:
        rows = nb.page.evaluate(_BESIDE)
        assert rows and not any(r["above"] for r in rows)
        assert not nb.page.evaluate(_OUTSIDE)["out"]
    finally:
        nb.close()


def test_enter_on_save_keeps_the_focus_in_the_form(step_01: Notebook) -> None:
    nb, page = step_01, step_01.page
    strengths = nb.form("Strengths and areas to develop")
    strengths.fill("Strengths", "Calm at handover\nListening")  # typed, then Tab
    page.wait_for_timeout(PERSON_PAUSE_MS)  # the hand moves to the button
    button = strengths.button("Save strengths and areas")
    button.focus()
    path = nb.workbook
    before = path.read_bytes()
    page.keyboard.press("Enter")
    wait_until(lambda: path.read_bytes() != before and "Saved at" in strengths.status(),
               "the save")
    where = wait_until(lambda: page.evaluate(
        """() => { const a = document.activeElement, form = a && a.closest('.cw-form');
                   return form && a !== document.body
                     ? [form.querySelector('.cw-form-title').textContent,
                        a.textContent.trim()] : null; }"""),
        "the focus back in the form", timeout=10)
    assert where == ["Strengths and areas to develop", "Save strengths and areas"]
    assert read_yaml(path)["strengths"] == ["Calm at handover", "Listening"]
    page.keyboard.press("Shift+Tab")  # and the keyboard goes on from there
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"


def test_after_undo_the_focus_is_on_the_entry_put_back(app_server: Server,
                                                       app_context: Any) -> None:
    """Red team K item 4: after Undo the focus was on the page's body (the Undo button
    pressed was hidden again); now it is on the chooser showing the entry put back."""
    nb = Notebook.open_in_app(app_context, app_server, "03_vision_values")
    try:
        page = nb.page
        values = nb.form("What matters to you")
        second = values.options("Choose a value")[2]
        values.choose("Choose a value", second, rerenders=True)
        before = [v["name"] for v in read_yaml(nb.workbook)["values"]]
        saved = values.save("Remove this value", rebuilds=True)
        assert [v["name"] for v in saved["values"]] == before[:1] + before[2:]
        undo = values.button("Undo")
        undo.focus()
        page.keyboard.press("Enter")
        wait_until(lambda: [v["name"] for v in read_yaml(nb.workbook)["values"]] == before,
                   "the value put back")
        where = wait_until(lambda: page.evaluate(
            """() => { const a = document.activeElement, form = a && a.closest('.cw-form');
                       return form && a.tagName === 'SELECT'
                         ? [form.querySelector('.cw-form-title').textContent,
                            a.selectedOptions[0].textContent] : null; }"""),
            "the focus on the chooser", timeout=10)
        assert where[0] == "What matters to you" and " ".join(where[1].split()) == second
        page.keyboard.press("Tab")  # and the keyboard goes on from there: its fields
        assert page.evaluate("document.activeElement.closest('.cw-form') !== null")
    finally:
        nb.close()


def test_jupyterlab_marks_unsaved_forms_for_its_close_prompt(browser: Any,
                                                                 lab_server: Server) -> None:
    context = new_context(browser)
    try:
        nb = Notebook.open_in_lab(context, lab_server, "01_self_assessment").run_all()
        page = nb.page
        assert page.evaluate("window.cwUnsaved()") is False
        strengths = nb.form("Strengths and areas to develop")
        strengths.type("Areas to develop", "Delegating", delay=5)
        # still in the box (its text not sent yet): closing the tab would ask already
        assert page.evaluate("window.cwUnsaved()") is True
        page.keyboard.press("Tab")  # left: the kernel has the text and marks the form
        _marked(nb)
        assert page.evaluate("window.cwUnsaved()") is True
        strengths.save("Save strengths and areas", rebuilds=True)
        wait_until(lambda: page.locator(UNSAVED).count() == 0, "the mark to go")
        assert page.evaluate("window.cwUnsaved()") is False
    finally:
        context.close()
