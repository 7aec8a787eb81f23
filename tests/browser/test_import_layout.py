"""The import forms in the app: a "Preview" button sits at the left edge of the file field it
reads, right under it, on a laptop and on a phone (F4: it sat under the label column, or a
few pixels off, so it looked like it belonged to nothing)."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Server
from .pages import Notebook

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

SIZES = {"laptop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

_BOXES = """(title) => {
  const form = [...document.querySelectorAll('.cw-form')].find(
      f => f.innerText.includes(title));
  const row = [...form.querySelectorAll('.widget-textarea')].find(
      r => r.innerText.includes('or a path or a table'));
  const input = row.querySelector('textarea');
  const label = row.querySelector('.widget-label');
  const button = [...form.querySelectorAll('button')].find(
      b => b.innerText.trim() === 'Preview');
  const save = [...form.querySelectorAll('button')].find(
      b => b.classList.contains('mod-primary') && b.offsetParent !== null);
  const box = el => { const r = el.getBoundingClientRect();
                      return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  return {input: box(input), field: box(input.closest('.widget-vbox')),
          button: box(button), save: box(save),
          label_cut: label.scrollWidth > label.clientWidth + 1};
}"""


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize(("stem", "title"), [
    ("02_feedback_360", "Import feedback from a file"),
    ("07_network", "Bring in your LinkedIn connections"),
])
def test_preview_sits_at_the_left_edge_under_its_file_field(
        stem: str, title: str, size: str, browser: Any, app_server: Server) -> None:
    context = browser.new_context(viewport=SIZES[size], device_scale_factor=1,
                                  locale="en-GB")
    context.set_default_timeout(30_000)
    try:
        nb = Notebook.open_in_app(context, app_server, stem)
        boxes = nb.page.evaluate(_BOXES, title)
        field, button = boxes["input"], boxes["button"]
        assert abs(button["left"] - field["left"]) <= 1, (stem, size, boxes)
        assert button["top"] >= field["bottom"], (stem, size, boxes)  # under it,
        assert button["top"] - boxes["field"]["bottom"] <= 16, (stem, size, boxes)  # right
        assert abs(boxes["save"]["left"] - button["left"]) <= 1, (stem, size, boxes)
        assert not boxes["label_cut"], (stem, size, boxes)  # "…or a path or a table" whole
    finally:
        context.close()


_UPLOAD = """(title) => {
  const form = [...document.querySelectorAll('.cw-form')].find(
      f => f.innerText.includes(title));
  const button = form.querySelector('button.widget-upload');
  const after = getComputedStyle(button, '::after');
  const r = button.getBoundingClientRect();
  return {size: getComputedStyle(button).fontSize, after: after.content,
          after_size: after.fontSize, text: button.innerText.trim(),
          icon: getComputedStyle(button.querySelector('i')).fontSize,
          box: [r.left, r.top, r.width, r.height]};
}"""


def test_the_upload_button_shows_no_count_of_nothing(browser: Any, app_server: Server,
                                                      tmp_path: Any) -> None:
    """Q10: "Upload CSV (0)": a count of no files on a button is noise. With no file chosen
    the button reads "Upload CSV"; once one is, "Upload CSV (1)" (fails before: "(0)"
    drawn)."""
    context = browser.new_context(viewport=SIZES["laptop"], device_scale_factor=1,
                                  locale="en-GB")
    context.set_default_timeout(30_000)
    title = "Bring in your LinkedIn connections"
    try:
        nb = Notebook.open_in_app(context, app_server, "07_network")
        seen = nb.page.evaluate(_UPLOAD, title)
        assert seen["size"] == "0px" and seen["after"] == '"Upload CSV"', seen
        assert seen["after_size"] != "0px" and seen["icon"] != "0px", seen
        form = nb.page.locator(".cw-form", has_text=title)
        button = form.locator("button.widget-upload")
        button.screenshot(path=str(tmp_path / "upload.png"))  # to look at
        assert seen["box"][2] < 200, seen  # as wide as "Upload CSV", not the hidden text
        csv = tmp_path / "contacts.csv"
        csv.write_text("First Name,Last Name\nAna,Lima\n", encoding="utf-8")
        with nb.page.expect_file_chooser() as chooser:
            button.click()
        chooser.value.set_files(str(csv))
        nb.page.wait_for_function(
            "(t) => { const b = [...document.querySelectorAll('.cw-form')].find(f => f"
            ".innerText.includes(t)).querySelector('button.widget-upload');"
            " return b.innerText.includes('(1)') && !b.classList.contains('cw-upload-none'); }",
            arg=title)  # the kernel takes the class off once it has the file
        seen = nb.page.evaluate(_UPLOAD, title)
        button.screenshot(path=str(tmp_path / "upload_1.png"))
        assert seen["size"] != "0px" and seen["after"] in ("none", "normal"), seen
        assert seen["text"] == "Upload CSV (1)", seen
    finally:
        context.close()
