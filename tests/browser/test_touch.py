"""A person on a phone or a tablet (red-team walk W): touch, no hover, an on-screen keyboard.

On a touch screen a slider's handle was ipywidgets' 16 px dot (WCAG 2.5.8 asks 24 px or
more for a finger's target); a text box's 13 px text made iOS zoom the page into it at each
tap (and leave it zoomed); a slider's number, which a person may type in to set it exactly,
and a number field's box (text, so that "3,5" is read) opened a keyboard of letters; every
label given no tooltip had one saying "null" (ipywidgets wrote its null as the label's
``title``); a quick second tap on a button could zoom the page; and a pull down at the top
of the page reloaded it (the browser's pull-to-refresh), on iOS with no question (it has no
"beforeunload"), losing what was typed; a chart was scaled to the phone's width, its labels
5 px tall (04's scorecard 356 px wide): it now keeps its laptop size and scrolls sideways in
its own box (W9). The app's style sheet (``app.css``: ``@media
(pointer: coarse)``, the page's scroller) and the page's script
(``display.A11Y_JS``) see to them; a desktop with a mouse keeps its look.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Server
from .pages import Notebook, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1,
         "is_mobile": True, "has_touch": True, "locale": "en-GB",
         "user_agent": ("Mozilla/5.0 (iPhone; CPU iPhone OS 15_0 like Mac OS X) "
                        "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.0 "
                        "Mobile/15E148 Safari/604.1")}
"""An iPhone 13's page (Playwright's device, at one device pixel per CSS pixel)."""

_LOOK = """() => {
  const box = e => e.getBoundingClientRect();
  const shown = e => box(e).width > 0;
  return {
    handles: [...document.querySelectorAll('.cw-form .noUi-handle')].filter(shown)
      .map(e => [Math.round(box(e).width), Math.round(box(e).height)]),
    fonts: [...document.querySelectorAll(
        '.cw-form input:not([type=checkbox]), .cw-form select, .cw-form textarea, '
        + '.cw-form .widget-readout')].filter(shown)
      .map(e => [parseFloat(getComputedStyle(e).fontSize), e.tagName + '.' + e.className]),
    keypads: [...document.querySelectorAll('.cw-form .widget-readout')]
      .map(e => e.getAttribute('inputmode')),
    taps: [...document.querySelectorAll('.cw-form .jupyter-button, .cw-form .widget-slider')]
      .filter(shown).map(e => getComputedStyle(e).touchAction),
    nulls: document.querySelectorAll('[title="null"]').length,
    pulls: [document.documentElement, ...document.querySelectorAll('body *')]
      .filter(e => /auto|scroll/.test(getComputedStyle(e).overflowY)
              && e.scrollHeight > e.clientHeight + 100)  // the page's scroller
      .map(e => getComputedStyle(e).overscrollBehaviorY),
  };
}"""


_CHARTS = """() => [...document.querySelectorAll('img.cw-chart')].map(i => {
  const box = i.parentElement;
  return {natural: i.naturalWidth, shown: Math.round(i.getBoundingClientRect().width),
          box: box.clientWidth, scrolls: getComputedStyle(box).overflowX,
          keys: box.getAttribute('tabindex'), role: box.getAttribute('role'),
          name: box.getAttribute('aria-label'),
          page: document.documentElement.scrollWidth, screen: window.innerWidth};
})"""
"""Each chart's natural width (its PNG's, as a laptop shows it), its shown width, and the
width and sideways scrolling of the box it is in; the page's width and the screen's."""


def _charts(notebook: Notebook) -> list[dict[str, Any]]:
    return wait_until(lambda: (found := notebook.page.evaluate(_CHARTS))
                      and all(c["natural"] for c in found) and found,
                      "the charts to load", timeout=15)


def _look(notebook: Notebook) -> dict[str, Any]:
    """What the page shows once its script has run: handle sizes, text sizes, keypads."""
    return wait_until(lambda: (look := notebook.page.evaluate(_LOOK))["handles"]
                      and None not in look["keypads"] and look,
                      "the page's script to set the sliders' keypads", timeout=15)


def test_on_a_phone_sliders_and_text_boxes_fit_a_finger(browser: Any,
                                                         app_server: Server) -> None:
    context = browser.new_context(**PHONE)
    try:
        notebook = Notebook.open_in_app(context, app_server, "09_progress_review")
        look = _look(notebook)
        assert len(look["handles"]) >= 2, look  # Motivation, Confidence
        assert all(w >= 24 and h >= 24 for w, h in look["handles"]), look["handles"]
        small = [what for size, what in look["fonts"] if size < 16]
        assert look["fonts"] and not small, small
        assert set(look["keypads"]) == {"decimal"}, look["keypads"]
        assert look["nulls"] == 0
        # a quick second tap on Save or a slider is a tap, not a zoom
        assert look["taps"] and set(look["taps"]) == {"manipulation"}, look["taps"]
        # a pull down at the top of the page is not the browser's pull-to-refresh, which
        # reloaded it: iOS asks nothing first, and what was typed was lost
        assert look["pulls"] and set(look["pulls"]) == {"contain"}, look["pulls"]
        notebook.page.close()
        # a number typed as text (so that "3,5" is read): a number pad too
        notebook = Notebook.open_in_app(context, app_server, "08_achievements_learning")
        hours = notebook.page.get_by_role("textbox", name="Hours so far").first
        notebook.page.wait_for_function("e => e.getAttribute('inputmode') === 'decimal'",
                                        arg=hours.element_handle(), timeout=10_000)
        notebook.page.close()
        # a chart as readable as on a laptop (its labels were 5 px tall scaled to 356 px),
        # scrolled sideways in its own box: the page itself never scrolls sideways
        notebook = Notebook.open_in_app(context, app_server, "04_smart_goals")
        charts = _charts(notebook)
        assert charts and all(c["shown"] == c["natural"] > c["box"] for c in charts), charts
        assert all(c["scrolls"] == "auto" for c in charts), charts
        assert all(c["page"] <= c["screen"] for c in charts), charts
        # a keyboard can scroll it too (a 200 % zoom is as narrow): a region named by it
        assert all((c["keys"], c["role"]) == ("0", "region") for c in charts), charts
        assert [c["name"] for c in charts] == ["Chart “SMART goal scorecard”"], charts
    finally:
        context.close()


def test_with_a_mouse_the_forms_look_as_they_did(app_context: Any,
                                                  app_server: Server) -> None:
    notebook = Notebook.open_in_app(app_context, app_server, "09_progress_review")
    try:
        look = _look(notebook)
        assert {tuple(h) for h in look["handles"]} == {(16, 16)}, look["handles"]  # ipywidgets' own
        assert {size for size, _ in look["fonts"]} == {13}, look["fonts"]
        assert look["nulls"] == 0  # no "null" tooltip on a label, with a mouse either
        notebook.page.close()
        notebook = Notebook.open_in_app(app_context, app_server, "04_smart_goals")
        charts = _charts(notebook)  # a laptop's page holds a chart whole, as before
        assert charts and all(c["shown"] == c["natural"] <= c["box"] for c in charts), charts
        assert all(c["keys"] is c["role"] is None for c in charts), charts  # no tab stop
    finally:
        notebook.page.close()
