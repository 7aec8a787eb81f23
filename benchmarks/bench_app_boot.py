"""Where an app page's time goes, and Voila's own template against the app's, page by page.

Run: ``PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_app_boot.py [ROUNDS]`` (default 3).
Two app servers run side by side, one with Voila's ``lab`` template and one with the app's
(:data:`career_workbook.server.APP_TEMPLATE`), on copies of the notebooks and of a full
example workbook; each guided step is opened on one, then the other (the order alternates),
as ``bench_browser.py app`` opens it: after waiting, untimed, for that server's spare
kernel. Every figure is the page's ``performance.now()`` from navigation start:
``html`` when the last byte of the page arrived (the server ran every cell), ``form``
when the first form is usable; ``tail`` = form - html, the browser's part after the
last cell. Prints one line per page and the paired medians.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_browser import _APP_READY, STEMS, wait_for_spare  # noqa: E402

from career_workbook import server  # noqa: E402
from tests.browser import servers  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, copy_project, new_context  # noqa: E402
from tests.browser.pages import write_start_page  # noqa: E402

ARMS = ("lab", server.APP_TEMPLATE)
_TIMES = """() => ({html: performance.getEntriesByType('navigation')[0].responseEnd,
  js: (performance.getEntriesByType('resource').find(
        r => new URL(r.name).pathname.endsWith('/voila/static/voila.js')) || {}).responseEnd})"""


def main(rounds: int) -> None:
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="cw-bench-app-boot-"))
    got: dict[str, dict[str, list[float]]] = {arm: {"form": [], "html": [], "tail": []}
                                              for arm in ARMS}
    with sync_playwright() as pw, ExitStack() as stack:
        chrome = pw.chromium.launch(executable_path=os.environ.get("CHROMIUM",
                                                                   "/usr/bin/chromium"),
                                    headless=True, args=CHROMIUM_ARGS)
        stack.callback(chrome.close)
        arms = {}
        template = server.APP_TEMPLATE
        for arm in ARMS:
            server.APP_TEMPLATE = arm  # read by server.app_command when the server starts
            root = tmp / arm
            root.mkdir()
            notebooks, workbook = copy_project(root)
            srv = stack.enter_context(servers.serving("app", root, notebooks, workbook))
            arms[arm] = {"srv": srv, "ctx": new_context(chrome), "spares": 0, "used": True}
        server.APP_TEMPLATE = template
        for a in arms.values():  # the start page first, untimed (as the app opens)
            a["spares"], _ = wait_for_spare(a["srv"], 0)
            a["page"] = a["ctx"].new_page()
            start = write_start_page(a["srv"].notebooks)
            a["page"].goto(a["srv"].url(f"/voila/render/{start}.ipynb"), timeout=180_000)
            a["page"].wait_for_selector("#loading", state="hidden", timeout=180_000)
        for r in range(rounds):
            for i, stem in enumerate(STEMS):
                for arm in (ARMS if (i + r) % 2 == 0 else ARMS[::-1]):
                    for other in arms.values():  # every server idle, with a spare
                        if other["used"]:
                            other["spares"], _ = wait_for_spare(other["srv"], other["spares"])
                            other["used"] = False
                    a = arms[arm]
                    a["page"].close()
                    a["page"] = page = a["ctx"].new_page()
                    page.goto(a["srv"].url(f"/voila/render/{stem}.ipynb"), wait_until="commit",
                              timeout=180_000)
                    form = page.evaluate(_APP_READY, 120_000)
                    a["used"] = True
                    if form is None:
                        raise RuntimeError(f"{arm} {stem}: no usable form")
                    times = page.evaluate(_TIMES)
                    html, form = times["html"] / 1000, form / 1000
                    for key, value in (("form", form), ("html", html), ("tail", form - html)):
                        got[arm][key].append(value)
                    print(f"   {arm:<7} {stem:<26} form {form:5.2f}  html {html:5.2f}  "
                          f"tail {form - html:4.2f}  voila.js {times['js'] / 1000:5.2f}  "
                          f"load {os.getloadavg()[0]:.2f}", flush=True)
        for a in arms.values():
            a["page"].close()
            a["ctx"].close()
    base, new = ARMS
    for key in ("form", "html", "tail"):
        pairs = [n - b for b, n in zip(got[base][key], got[new][key], strict=True)]
        print(f"{key:>5}: {base} {statistics.median(got[base][key]):.2f} s, {new} "
              f"{statistics.median(got[new][key]):.2f} s (medians); paired difference median "
              f"{statistics.median(pairs):+.2f} s, {new} faster in "
              f"{sum(p < 0 for p in pairs)}/{len(pairs)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
