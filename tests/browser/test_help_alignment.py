"""The help text under an input starts where the input's box starts, on a laptop and on a
phone (it sat 8 px to the left: the label column is 13em plus the gap beside the label,
ipywidgets' 2 × --jp-widgets-inline-margin, and the help skipped only the 13em)."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Server
from .pages import Notebook

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

SIZES = {"laptop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

_EDGES = """() => {
  const out = [];
  for (const help of document.querySelectorAll('.cw-form .cw-help')) {
    const field = help.closest('.widget-html').parentElement;  // the field's VBox
    const input = field.querySelector(
        ':scope > .widget-hbox > .widget-inline-hbox > input, '
        + ':scope > .widget-hbox > .widget-inline-hbox > select, '
        + ':scope > .widget-hbox > .widget-inline-hbox > textarea');
    if (!input || !input.getBoundingClientRect().width || !help.offsetParent) continue;
    out.push({help: help.textContent.trim().slice(0, 40),
              input: input.getBoundingClientRect().left,
              text: help.getBoundingClientRect().left});
  }
  return out;
}"""


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("stem", ["09_progress_review", "10_opportunities"])
def test_help_text_starts_at_its_input_left_edge(stem: str, size: str, browser: Any,
                                                 app_server: Server) -> None:
    context = browser.new_context(viewport=SIZES[size], device_scale_factor=1,
                                  locale="en-GB")
    context.set_default_timeout(30_000)
    try:
        nb = Notebook.open_in_app(context, app_server, stem)
        edges = nb.page.evaluate(_EDGES)
        assert edges, f"{stem}: no help text under an input"
        off = [e for e in edges if abs(e["text"] - e["input"]) > 1]
        assert not off, (stem, size, off[:5])
    finally:
        context.close()
