"""A double click on "Add this achievement" right after "Restart Kernel and Run All Cells"
adds one achievement (red team A2), in JupyterLab in headless Chromium.

JupyterLab sends widget messages over a kernel subshell: the first click of a button a cell
just made runs on the main thread, and its first update sends the second click to the
subshell's thread. Before the fix a click that arrived there during the first save added a
second copy. Whether the second click of a double click lands in that window depends on
timing (Playwright's own ``dblclick`` is so fast that both usually reach the kernel before the
first has started), so the button gets a click every 15 ms for 150 ms: a person's double
click, and the clicks that would have landed during the save.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
import yaml

from .conftest import (
    form,
    labelled,
    open_notebook,
    shutdown_kernels,
    wait_for_text,
    wait_until_done,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

CLICKS = """(b) => { b.click();
  for (let ms = 15; ms <= 150; ms += 15) setTimeout(() => b.click(), ms); }"""


def restart_and_run_all(page: Any) -> None:
    """Menu Kernel -> Restart Kernel and Run All Cells, confirmed; wait until it is done."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Kernel$")).click()
    page.locator(".lm-Menu-itemLabel",
                 has_text=re.compile(r"^Restart Kernel and Run All Cells")).click()
    page.locator(".jp-Dialog button.jp-mod-accept").click()
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                 .some(p => /\\[\\*\\]/.test(p.textContent))""", timeout=60_000)
    wait_until_done(page)


def test_a_double_click_after_a_kernel_restart_adds_one_achievement(
        lab_server: Any, lab_context: Any) -> None:
    page = open_notebook(lab_context, lab_server, "08_achievements_learning")
    try:
        restart_and_run_all(page)
        achievements = form(page, "Achievements")
        title = f"Cold kernel double click {time.time():.0f}"
        date_box = labelled(achievements, "text", "Date").locator("input")
        date_box.fill("2026-11-20")
        date_box.press("Tab")
        what = labelled(achievements, "text", "What you did").locator("input")
        what.fill(title)
        what.press("Tab")
        button = achievements.get_by_role("button", name="Add this achievement")
        button.evaluate(CLICKS)
        wait_for_text(achievements, r"Saved at \d\d:\d\d.* — added “20 Nov 2026 Cold kernel")
        time.sleep(3)  # a second save would be in the file by now
        data = yaml.safe_load(lab_server.workbook.read_text(encoding="utf-8"))
        assert [a["title"] for a in data["achievements"]].count(title) == 1
        assert "Nothing was saved" not in achievements.inner_text()
    finally:
        page.close()
        shutdown_kernels(lab_server)
