"""A browser's minimum font size (Chromium's Settings > Appearance > Customise fonts, here
20 px: someone who reads large text): the forms' labels and buttons stay whole.

Red-team walk V (V11): the label column is 13em of ipywidgets' 13 px; a larger minimum
font cut labels with "…" ("Choose a cont…") and clipped the upload button's words. Labels
now wrap in their column when they do not fit (the row grows with them); a button is as
wide as its words.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import CHROMIUM_ARGS, Server, chromium_path, shutdown_kernels
from .pages import Notebook

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

MINIMUM_PX = 20


@pytest.fixture(scope="module")
def large_text(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Chromium whose profile sets a minimum font size (a setting a person makes; no
    command-line switch or CDP call sets it), laptop-sized."""
    profile = tmp_path_factory.mktemp("large_text")
    (profile / "Default").mkdir()
    prefs = {"webkit": {"webprefs": {"minimum_font_size": MINIMUM_PX,
                                     "minimum_logical_font_size": MINIMUM_PX}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(prefs), encoding="utf-8")
    context = browser.browser_type.launch_persistent_context(
        str(profile), executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 900}, device_scale_factor=1, locale="en-GB")
    context.set_default_timeout(30_000)
    try:
        yield context
    finally:
        context.close()


_CUT = """() => {
  const shown = el => el.offsetParent !== null && el.getBoundingClientRect().width > 0;
  const out = [];
  for (const label of document.querySelectorAll(
           '.cw-form .widget-inline-hbox > .widget-label')) {
    if (!shown(label) || !label.textContent.trim()) { continue; }
    const row = label.parentElement.getBoundingClientRect(), r = label.getBoundingClientRect();
    if (label.scrollWidth > label.clientWidth + 1 ||
        label.scrollHeight > label.clientHeight + 1) {
      out.push(`label “${label.textContent.trim()}” cut: ${label.scrollWidth}x` +
               `${label.scrollHeight} px in ${label.clientWidth}x${label.clientHeight}`);
    }
    if (r.bottom > row.bottom + 1 || r.top < row.top - 1) {
      out.push(`label “${label.textContent.trim()}” runs out of its row: ` +
               `${r.top}-${r.bottom} in ${row.top}-${row.bottom}`);
    }
  }
  for (const b of document.querySelectorAll('.cw-form button')) {
    if (shown(b) && b.scrollWidth > b.clientWidth + 1) {
      out.push(`button “${b.innerText.trim() || getComputedStyle(b, '::after').content}” ` +
               `clipped: ${b.scrollWidth} px in ${b.clientWidth}`);
    }
  }
  return {cut: out, size: getComputedStyle(
    document.querySelector('.cw-form .widget-label')).fontSize};
}"""


def _overlaps(page: Any) -> list[str]:
    """Rows of a form that overlap one another (a wrapped label must push the next row)."""
    return page.evaluate("""() => {
      const out = [];
      for (const form of document.querySelectorAll('.cw-form')) {
        const rows = [...form.querySelectorAll('.widget-inline-hbox')].filter(
            r => r.offsetParent !== null && !r.parentElement.closest('.widget-inline-hbox'));
        const boxes = rows.map(r => [r, r.getBoundingClientRect()]);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, ra] = boxes[i], [b, rb] = boxes[j];
            if (a.contains(b) || b.contains(a)) { continue; }
            const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            if (x > 1 && y > 1) {
              out.push(`${a.innerText.trim().slice(0, 30)} / ${b.innerText.trim().slice(0, 30)}`);
            }
          }
        }
      }
      return out;
    }""")


@pytest.mark.parametrize(("where", "stem"), [("app", "07_network"), ("app", "02_feedback_360"),
                                           ("lab", "07_network")])
def test_labels_and_buttons_stay_whole_with_a_large_minimum_font(
        where: str, stem: str, large_text: Any, request: pytest.FixtureRequest) -> None:
    server: Server = request.getfixturevalue(f"{where}_server")
    if where == "app":
        nb = Notebook.open_in_app(large_text, server, stem)
    else:  # JupyterLab has the app's layout too (fields.layout_css)
        nb = Notebook.open_in_lab(large_text, server, stem).run_all()
    try:
        found = nb.page.evaluate(_CUT)
        assert float(found["size"].removesuffix("px")) >= MINIMUM_PX, found  # the setting holds
        assert not found["cut"], (where, stem, found["cut"])
        assert not _overlaps(nb.page), (where, stem, _overlaps(nb.page))
    finally:
        nb.close()
        if where == "lab":
            shutdown_kernels(server)
