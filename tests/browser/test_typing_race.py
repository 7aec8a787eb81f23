"""Text typed fast and saved at once is saved whole (red team: the check-in's *Lessons*
``Lesson 2 <b>bold</b> end`` was saved as ``Lesson 2``), in the app and in JupyterLab.

ipywidgets' page keeps at most one update of a widget's value on its way to the kernel and
holds back the rest until the kernel has handled that one; a button's click goes out at once.
Typed fast (a few ms a key) and saved with Tab and Enter, the click reached the kernel before
the last characters: the form saved the value of a few keys earlier and said "Saved".

The kernel's answers reach these pages :data:`FAR_MS` late (as from a server far away, or a
busy one), so the click overtakes the held-back keys every time, not only on a slow day.
Three things hold: a form's text boxes send their text once, when the person leaves them
(the check-in, in the app and in JupyterLab); the app's page sends a click only after the
values it holds back (the SMART drafter, whose box sends every key, saves in one go); in
JupyterLab the drafter's form saves again what came after the click, and says so.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import (
    form,
    labelled,
    open_notebook,
    run_all,
    shutdown_kernels,
    wait_for_text,
    wait_widgets_settled,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]


FAR_SERVER = """(() => {
  // window.cwFar ms: every message from the server reaches the page that late, in order (a
  // server far away, or a busy one): a widget's updates wait for the kernel's answer that
  // long, and the page keeps back what is typed meanwhile
  const Native = window.WebSocket;
  const queue = [];  // [due, call]: in the order they came, none overtakes another
  let timer = null;
  const pump = () => {
    timer = null;
    while (queue.length && queue[0][0] <= performance.now()) {
      try { queue.shift()[1](); } catch (err) { console.error(err); }
    }
    if (queue.length) timer = setTimeout(pump, Math.max(0, queue[0][0] - performance.now()));
  };
  const later = (self, call, ev) => {
    const due = performance.now() + (window.cwFar || 0);
    queue.push([queue.length ? Math.max(due, queue[queue.length - 1][0]) : due,
                () => call.call(self, ev)]);
    if (timer === null) pump();
  };
  class Far extends Native {
    set onmessage(handler) {
      super.onmessage = handler && ((ev) => later(this, handler, ev));
    }
    get onmessage() { return super.onmessage; }
    addEventListener(type, listener, options) {
      if (type !== 'message' || !listener) return super.addEventListener(type, listener, options);
      const call = typeof listener === 'function' ? listener : (ev) => listener.handleEvent(ev);
      return super.addEventListener(type, (ev) => later(this, call, ev), options);
    }
  }
  window.WebSocket = Far;
})();"""
"""Lets a test make the server's messages reach the page late (``window.cwFar`` ms)."""
FAR_MS = 2000
"""Long enough for the typing, the Tabs and the Enter to happen before the kernel's first
answer reaches the page: the click overtakes what was typed after the first key, every time."""


def _workbook(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _type_and_press(page: Any, scope: Any, label: str, text: str, button: str, *,
                    delay: float, keyboard: bool) -> None:
    """With the server far away, type ``text`` into the text area ``label`` (``delay`` ms a
    key), then press the button: Tab to it and Enter (``keyboard``), else a click."""
    box = labelled(scope, "textarea", label).locator("textarea")
    box.click()
    page.evaluate(f"window.cwFar = {FAR_MS}")
    page.keyboard.type(text, delay=delay)
    target = scope.get_by_role("button", name=button)
    if keyboard:
        tabs = box.evaluate("""(box, name) => {  // how many Tabs from the box to the button
          const all = [...document.querySelectorAll('textarea, input, select, button')]
            .filter(e => !e.disabled && e.offsetParent !== null && e.tabIndex >= 0);
          const button = all.find(e => e.tagName === 'BUTTON' && e.textContent.trim() === name);
          return all.indexOf(button) - all.indexOf(box);
        }""", button)
        assert 0 < tabs < 12, tabs
        for _ in range(tabs):
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
    else:
        target.click()
    page.evaluate("window.cwFar = 0")


def _added(path: Path, section: str, before: int, scope: Any) -> dict[str, Any]:
    """The one entry added to ``section`` once the form says it saved (and anything late
    has had time to come)."""
    deadline = time.monotonic() + 40
    while len(_workbook(path).get(section) or []) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    wait_for_text(scope, r"Saved at \d\d:\d\d")
    time.sleep(FAR_MS / 1000 + 2.0)  # a late value's save (or a second entry) is in by now
    entries = _workbook(path).get(section) or []
    assert len(entries) == before + 1, f"{len(entries) - before} entries added to {section}"
    return entries[-1]


CHECK_INS = [  # (field, label, text, keyboard, ms a key)
    ("lessons", "Lessons", "Lesson 2 <b>bold</b> end", True, 0),
    ("wins", "Wins", "Shipped draft 🎉 <b>yay</b>", True, 3),
    ("setbacks", "Setbacks", "Two sick days; the Q3 report slipped a week, again.", False, 1),
]
GOAL = "Run three SQL workshops for the planning team by 31 March 2027 <b>really</b>"
LATE = "(what you typed last)"
"""What the status line says when a value came after the click and was saved again."""


def _check_in_saved_whole(srv: Any, page: Any, case: tuple) -> None:
    field, label, text, keyboard, delay = case
    check_in = form(page, "Check in")
    before = len(_workbook(srv.workbook).get("check_ins") or [])
    _type_and_press(page, check_in, label, text, "Add this check-in", delay=delay,
                    keyboard=keyboard)
    entry = _added(srv.workbook, "check_ins", before, check_in)
    assert entry.get(field) == text, (entry.get(field), check_in.inner_text())
    assert LATE not in check_in.inner_text()  # sent when the box was left: nothing late


def _goal_saved_whole(srv: Any, page: Any, text: str) -> str:
    drafter = form(page, "Draft a SMART goal")
    before = len(_workbook(srv.workbook).get("goals") or [])
    _type_and_press(page, drafter, "Your goal", text, "Save as goal", delay=0, keyboard=False)
    entry = _added(srv.workbook, "goals", before, drafter)
    assert entry["text"] == text, (entry["text"], drafter.inner_text())
    assert str(entry["deadline"]) == "2027-03-31"  # read from the whole sentence
    return drafter.inner_text()


def _app_page(srv: Any, context: Any, notebook: str) -> Any:
    page = context.new_page()
    page.add_init_script(FAR_SERVER)
    page.goto(srv.url(f"/voila/render/{notebook}.ipynb"), timeout=120_000)
    page.wait_for_selector(".cw-form", timeout=120_000)
    assert not wait_widgets_settled(page)
    return page


@pytest.mark.parametrize("case", CHECK_INS, ids=[c[0] for c in CHECK_INS])
def test_app_check_in_saves_text_typed_fast_whole(app_server: Any, app_context: Any,
                                                  case: tuple) -> None:
    page = _app_page(app_server, app_context, "09_progress_review")
    try:
        _check_in_saved_whole(app_server, page, case)
    finally:
        page.close()


def test_app_sends_a_click_after_the_keys_typed_before_it(app_server: Any,
                                                          app_context: Any) -> None:
    """The drafter's box sends every key (its score follows the typing): the app's page
    holds the click until those keys are out, so the goal is saved whole at once."""
    page = _app_page(app_server, app_context, "04_smart_goals")
    try:
        said = _goal_saved_whole(app_server, page, GOAL)
        assert LATE not in said, said  # saved whole the first time
    finally:
        page.close()


def test_lab_saves_text_typed_fast_whole(lab_server: Any, lab_context: Any) -> None:
    page = open_notebook(lab_context, lab_server, "09_progress_review", init_script=FAR_SERVER)
    try:
        run_all(page)
        assert not wait_widgets_settled(page)
        for field, label, text, keyboard, delay in CHECK_INS:
            _check_in_saved_whole(lab_server, page, (field, label, f"{text} ({label})",
                                                     keyboard, delay))
    finally:
        page.close()
        shutdown_kernels(lab_server)


def test_lab_saves_again_what_reached_the_kernel_after_the_click(lab_server: Any,
                                                                 lab_context: Any) -> None:
    """JupyterLab's page sends the drafter's click before the last keys: the goal is
    saved cut, then again whole when they come, and the status line says so."""
    page = open_notebook(lab_context, lab_server, "04_smart_goals", init_script=FAR_SERVER)
    try:
        run_all(page)
        assert not wait_widgets_settled(page)
        text = GOAL.replace("SQL", "Python")
        said = _goal_saved_whole(lab_server, page, text)
        assert f"Saved “Your goal” as “{text[:40]}" in said, said
        assert LATE in said, said
    finally:
        page.close()
        shutdown_kernels(lab_server)
