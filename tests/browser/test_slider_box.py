"""A slider's number box (ipywidgets' readout, editable) read as the forms' number boxes.

ipywidgets read what was typed there with ``parseInt``: "3,5" (a decimal comma, as most of
Europe writes it) and "3.7" set 3, and a number past an end was set to that end, all said
nothing. The page's script (``display.SLIDER_BOX_JS``) now hands what ipywidgets would
misread to the kernel (``fields.type_into_slider``): a decimal comma is read as the forms
read it, and what the slider cannot be set to is refused beside it, the slider unchanged.
In JupyterLab and in the app (Voila: no notebook panel, the page is the scope).
"""

from __future__ import annotations

import pytest

from .conftest import Server, shutdown_kernels, wait_for_text
from .pages import Notebook

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]


@pytest.mark.parametrize("where", ["lab", "app"])
def test_a_slider_box_reads_a_decimal_comma_and_refuses_what_it_cannot_set(
        request: pytest.FixtureRequest, where: str) -> None:
    server: Server = request.getfixturevalue(f"{where}_server")
    context = request.getfixturevalue(f"{where}_context")
    if where == "app":
        notebook = Notebook.open_in_app(context, server, "03_vision_values")
    else:
        notebook = Notebook.open_in_lab(context, server, "03_vision_values").run_all()
    page = notebook.page
    try:
        values = notebook.form("What matters to you")
        field = values.widget("Importance")
        readout = field.locator(".widget-readout")
        wait_for_text(readout, r"^\s*5\s*$", timeout=10)

        def type_in(text: str) -> None:
            readout.click()
            page.keyboard.press("Control+A")
            page.keyboard.type(text)
            page.keyboard.press("Enter")

        type_in("7,0")  # a decimal comma: 7, as the forms' boxes read it
        wait_for_text(readout, r"^\s*7\s*$", timeout=10)
        type_in("3,5")  # not a whole number: refused, said beside it, 7 kept (it set 3)
        error = values.root.locator(".cw-field-error", has_text="Importance")
        wait_for_text(error, r"“3,5” is 3\.5: this scale has whole steps from 1 to 10",
                      timeout=10)
        assert readout.inner_text().strip() == "7"
        type_in("12")  # past the end: refused (it set 10)
        wait_for_text(error, r"“12” is past the end of this scale", timeout=10)
        assert readout.inner_text().strip() == "7"
        type_in("4")  # what ipywidgets reads right is its own, as before; the error goes
        wait_for_text(readout, r"^\s*4\s*$", timeout=10)
        error.wait_for(state="detached", timeout=10_000)
    finally:
        page.close()
        if where == "lab":  # the app's kernels end with their page
            shutdown_kernels(server)
