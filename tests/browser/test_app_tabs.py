"""The app in two tabs (red team K): a step open in one tab while another saves.

- Coming back to a tab (its window focused, the tab shown again) shows what another tab
  saved meanwhile: a new action offers the goal just saved, Milestones plans it; a form
  the person typed in keeps what they typed; the focus stays where it was.
- JupyterLab: the same when a notebook's tab is brought to the front.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook.model import Goal

from .conftest import Server, new_context, shutdown_kernels
from .pages import Notebook, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

FOCUSED = """() => { const a = document.activeElement, form = a && a.closest('.cw-form');
  return form ? [form.querySelector('.cw-form-title').textContent, a.tagName, a.textContent.trim()]
              : [null, a ? a.tagName : null, null]; }"""


@pytest.fixture
def step_06(app_server: Server, app_context: Any) -> Iterator[Notebook]:
    before = app_server.workbook.read_bytes()
    nb = Notebook.open_in_app(app_context, app_server, "06_action_plan")
    try:
        yield nb
    finally:
        nb.close()
        app_server.workbook.write_bytes(before)  # the other tests' workbook as it was


def _save_goal_elsewhere(nb: Notebook, goal_id: str, text: str) -> None:
    """Another tab (or notebook, or the command line) saves a goal."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", store.CommentsNotKeptWarning)  # the example's
        with cw.edit(nb.workbook) as wb:
            wb.goals.append(Goal(id=goal_id, text=text))


def test_coming_back_to_the_tab_shows_a_goal_saved_in_another(step_06: Notebook) -> None:
    nb, page = step_06, step_06.page
    actions, milestones = nb.form("Your action plan"), nb.form("Milestones")
    typed = "Book the dbt course"
    assert "Publish the churn study" not in " ".join(actions.options("For goal"))
    actions.widget("Action").locator("textarea").fill("")  # nothing typed in it yet
    button = actions.button("Add this action")
    button.focus()
    old = button.element_handle()

    _save_goal_elsewhere(nb, "g90", "Publish the churn study on the team wiki by May 2027")
    page.evaluate("window.dispatchEvent(new Event('focus'))")  # the window comes back
    wait_until(lambda: "Publish the churn study on the team wiki by May 2027"
               in actions.options("For goal"), "the new goal in “For goal”")
    wait_until(lambda: "Publish the churn study on the team wiki by May 2027"
               in milestones.options("Goal"), "the new goal in Milestones")
    # the action form was built again: the focus is on its twin of the button
    assert not old.evaluate("e => e.isConnected")
    where = wait_until(lambda: (w := page.evaluate(FOCUSED))[0] and w, "the focus back")
    assert where == ["Your action plan", "BUTTON", "Add this action"]

    # typed in, not saved: a goal saved elsewhere leaves what was typed
    actions.widget("Action").locator("textarea").fill(typed)
    actions.widget("Action").locator("textarea").press("Tab")
    nb.page.wait_for_selector(".cw-unsaved", state="attached", timeout=15_000)
    _save_goal_elsewhere(nb, "g91", "Mentor two new analysts through their first quarter")
    page.wait_for_timeout(500)  # away for a moment
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")  # tab shown
    wait_until(lambda: "Mentor two new analysts through their first quarter"
               in milestones.options("Goal"), "the second goal in Milestones")
    assert actions.value("Action") == typed
    nb.assert_clean("after coming back")


def test_jupyterlab_a_notebook_brought_to_the_front_shows_a_goal_saved_elsewhere(
        browser: Any, lab_server: Server) -> None:
    context = new_context(browser)
    before = lab_server.workbook.read_bytes()
    try:
        nb = Notebook.open_in_lab(context, lab_server, "06_action_plan").run_all()
        actions = nb.form("Your action plan")
        nb.page.locator(".jp-DirListing-item", has_text="03_vision_values").dblclick()
        nb.page.wait_for_selector(".jp-NotebookPanel.lm-mod-hidden .cw-form", state="attached")
        _save_goal_elsewhere(nb, "g92", "Run a SQL clinic for the buyers every month")
        nb.page.locator(".lm-TabBar-tab", has_text="06_action_plan").click()
        wait_until(lambda: "Run a SQL clinic for the buyers every month"
                   in actions.options("For goal"), "the new goal in “For goal”")
    finally:
        context.close()
        shutdown_kernels(lab_server)
        lab_server.workbook.write_bytes(before)
