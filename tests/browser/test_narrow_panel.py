"""A form in a narrow JupyterLab panel (red-team walk U): nothing runs past the panel.

At 1024 × 700 with the file browser open (or a split view) the notebook's output area is
about 590 px wide; a form's text boxes (a 13em label column, then the box) ran 47 px past
it, their lines cut at the panel's edge. At a 200 % zoom (~270 px) every row, and a table's
whole widget (its box scrolls sideways only when the widget keeps to the page), ran up to
260 px past. The app's narrow-page layout
(``app.css``) now applies to a narrow output area in JupyterLab too.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Server, open_notebook, run_all, shutdown_kernels

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

_PAST_THE_EDGE = """() => {
  const out = [], widths = [];
  for (const form of document.querySelectorAll(
      '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output > .cw-form')) {
    const edge = form.parentElement.getBoundingClientRect().right;
    widths.push(Math.round(form.parentElement.getBoundingClientRect().width));
    for (const el of form.querySelectorAll(
        'input, select, textarea, button, .widget-label, .widget-html-content')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > edge + 1)
        out.push(`${el.tagName} “${(el.value || el.textContent || '').trim().slice(0, 30)}” `
                 + `${Math.round(r.right - edge)} px past the panel`);
    }
  }
  return {out, widths};
}"""


@pytest.mark.parametrize(("stem", "width", "height"), [
    ("01_self_assessment", 1024, 700),  # the file browser open: the output area ~590 px
    ("06_action_plan", 640, 450),  # a 1280 x 900 window at 200 %: ~270 px, a wide table
])
def test_nothing_in_a_form_runs_past_a_narrow_notebook_panel(
        stem: str, width: int, height: int, browser: Any, lab_server: Server) -> None:
    context = browser.new_context(viewport={"width": 1024, "height": 700},
                                  device_scale_factor=1, locale="en-GB")
    context.set_default_timeout(30_000)
    page = open_notebook(context, lab_server, stem)
    try:
        run_all(page)  # at a width where JupyterLab shows its run indicator, then narrower
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_selector(".jp-OutputArea-output > .cw-form textarea")
        page.wait_for_timeout(500)
        found = page.evaluate(_PAST_THE_EDGE)
        assert found["widths"] and max(found["widths"]) < 640, found["widths"]  # narrow
        assert not found["out"], found["out"][:8]
    finally:
        page.close()
        shutdown_kernels(lab_server)
        context.close()
