"""Keyboard focus and forced colours in a form (red-team walk U), in JupyterLab.

- A form's button reached with Tab showed only ipywidgets' 1 px ring of blue round a blue
  button: a person working by keyboard could not tell where they were. It now has a 2 px
  ring outside it (only for keyboard focus: a click shows none). A text box had only its
  1 px border's colour (walk V, U4b): it has the 2 px ring too.
- In forced colours (Windows' high contrast) a slider's track, a background colour, was
  dropped: a handle floating over nothing. It now keeps a border in the system's colour.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Server, open_notebook, run_all, shutdown_kernels

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

_OUTLINE = """e => { const c = getComputedStyle(e);
  return {style: c.outlineStyle, width: parseFloat(c.outlineWidth),
          focused: document.activeElement === e}; }"""
_TRACK = """e => { const c = getComputedStyle(e);
  return {style: c.borderTopStyle, width: parseFloat(c.borderTopWidth)}; }"""


def test_keyboard_focus_is_plain_and_sliders_keep_their_track_in_forced_colours(
        lab_server: Server, lab_context: Any) -> None:
    page = open_notebook(lab_context, lab_server, "09_progress_review")
    try:
        run_all(page)
        form = page.locator(".cw-form").filter(has=page.get_by_role(
            "button", name="Add this check-in"))
        box = form.locator("textarea").last
        box.focus()
        ring = box.evaluate(_OUTLINE)  # a text box: ipywidgets' 1 px border alone (walk V)
        assert ring["focused"] and ring["style"] == "solid" and ring["width"] >= 2, ring
        page.keyboard.press("Tab")
        button = form.get_by_role("button", name="Add this check-in")
        ring = button.evaluate(_OUTLINE)
        assert ring["focused"] and ring["style"] == "solid" and ring["width"] >= 2, ring
        handle = form.get_by_role("slider").first
        handle.focus()
        page.keyboard.press("ArrowRight")  # a key press: the browser shows keyboard focus
        ring = handle.evaluate(_OUTLINE)
        assert ring["focused"] and ring["style"] == "solid" and ring["width"] >= 2, ring

        page.emulate_media(forced_colors="active")
        track = form.locator(".noUi-target").first.evaluate(_TRACK)
        assert track["style"] != "none" and track["width"] >= 1, track
    finally:
        page.emulate_media(forced_colors="none")
        page.close()
        shutdown_kernels(lab_server)
