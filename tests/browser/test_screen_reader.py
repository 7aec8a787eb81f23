"""What a screen reader says in a form (red-team walk V), in JupyterLab.

ipywidgets gives an input its label as its name, but nothing more: a field's help text and
its error stood next to it, not read with it; a list of checkboxes was loose boxes with no
question; the status line ("Saved at 10:42", or why not) and the drafter's live score were
put in anew each time, so nothing was read out when they changed; and the upload button,
showing "Upload CSV", was read "Upload CSV (0)Upload CSV". The page's script
(``display.A11Y_JS``) now ties them (``aria-describedby``, ``aria-invalid``,
``aria-live``, a named ``group``), and this checks what the browser's accessibility tree
makes of it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import Server, shutdown_kernels, wait_for_text
from .pages import REFUSED, Notebook

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

_LIVE = "e => e.closest('[aria-live]')?.getAttribute('aria-live') ?? null"


def test_a_form_says_its_help_its_errors_and_its_results(lab_server: Server,
                                                          lab_context: Any) -> None:
    notebook = Notebook.open_in_lab(lab_context, lab_server, "04_smart_goals").run_all()
    page = notebook.page
    try:
        drafter = notebook.form("Draft a SMART goal")
        deadline = drafter.widget("Deadline").locator("input").first
        # the page's script ties them when the form has settled (a mutation observer)
        page.wait_for_function("e => !!e.getAttribute('aria-describedby')",
                               arg=deadline.element_handle(), timeout=10_000)
        assert re.search(r"Filled in from your sentence", deadline.evaluate(
            "e => (e.getAttribute('aria-describedby') || '').split(' ').map(i => "
            "document.getElementById(i)?.textContent).join(' ')"))
        page.get_by_role("textbox", name="Deadline").first.wait_for()
        assert page.get_by_role("group", name="Skills it builds").count() == 1

        drafter.type("Your goal", "Give 3 talks at the data guild by June 2027")
        score = drafter.root.locator(".widget-html").filter(has_text="/ 100").first
        score.wait_for()
        assert score.evaluate(_LIVE) == "polite"
        assert score.inner_text().startswith("SMART score")

        drafter.fill("Deadline", "31/02/2027")  # no such day: refused, said at the field
        drafter.click("Save as goal")
        error = drafter.root.locator(".cw-field-error").first
        error.wait_for()
        page.wait_for_function("e => e.getAttribute('aria-invalid') === 'true'",
                               arg=deadline.element_handle(), timeout=5_000)
        described = deadline.evaluate(
            "e => e.getAttribute('aria-describedby').split(' ').map(i => "
            "document.getElementById(i)?.textContent).join(' | ')")
        assert "February" in described and "Filled in from your sentence" in described
        status = drafter.root.locator(".cw-live").last  # the status line, after the score
        wait_for_text(status, REFUSED, timeout=10)
        assert status.get_attribute("aria-live") == "polite"
    finally:
        page.close()
        shutdown_kernels(lab_server)


def test_the_upload_button_is_read_as_it_shows(lab_server: Server, lab_context: Any) -> None:
    notebook = Notebook.open_in_lab(lab_context, lab_server, "02_feedback_360").run_all()
    try:
        upload = notebook.page.locator(".widget-upload").first
        upload.wait_for()
        assert upload.inner_text().strip().endswith("(0)")  # ipywidgets' count, hidden
        notebook.page.wait_for_function(
            "e => e.getAttribute('aria-label') === 'Upload CSV'",
            arg=upload.element_handle(), timeout=5_000)
        assert notebook.page.get_by_role("button", name="Upload CSV", exact=True).count() == 1
        # an icon's glyph (U+F06E, Font Awesome's eye) began the button's name (walk V, V13)
        preview = notebook.page.get_by_role("button", name="Preview", exact=True).first
        preview.wait_for(timeout=5_000)
        assert preview.locator("i").first.get_attribute("aria-hidden") == "true"
    finally:
        notebook.page.close()
        shutdown_kernels(lab_server)
