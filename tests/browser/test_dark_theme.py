"""The forms in JupyterLab's dark theme (red-team walk U): every text readable.

The forms' colours were a light theme's, fixed: in JupyterLab Dark the help texts, intros
and the header's details (#555) read at 2.5:1 on the #111 page, and every table header put
the theme's white text on a fixed light blue (1.1:1, blank to the eye). The colours now
follow the theme (``widgets.fields.PALETTE``); this walks one notebook with a table, help
texts, messages and the header in the dark theme, and measures every text.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest

from . import a11y
from .conftest import Server, open_notebook, run_all, shutdown_kernels
from .test_a11y import LAB_SCOPE

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

THEMES = "/lab/api/settings/@jupyterlab/apputils-extension:themes"


def set_theme(srv: Server, theme: str) -> None:
    """Choose JupyterLab's theme (Settings > Theme), as the settings editor saves it."""
    body = json.dumps({"raw": json.dumps({"theme": theme})}).encode()
    request = urllib.request.Request(srv.base + THEMES, data=body, method="PUT",
                                     headers={"Authorization": f"token {srv.token}",
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=15):
        pass


def test_every_text_of_a_notebook_is_readable_in_the_dark_theme(
        lab_server: Server, lab_context: Any) -> None:
    set_theme(lab_server, "JupyterLab Dark")
    try:
        page = open_notebook(lab_context, lab_server, "02_feedback_360")
        try:
            page.wait_for_selector('body[data-jp-theme-light="false"]', state="attached")
            run_all(page)
            page.wait_for_selector(".jp-OutputArea .cw-table th")
            low = a11y.low_contrast(page, LAB_SCOPE)
            assert not low, "\n".join(f"{t['ratio']}:1 {t['color']} on {t['background']}: "
                                      f"{t['text']!r}" for t in low)
        finally:
            page.close()
            shutdown_kernels(lab_server)
    finally:
        set_theme(lab_server, "JupyterLab Light")
