"""Fixtures for the end-to-end tests: headless Chromium, a JupyterLab server, a Voila app.

Every server listens on 127.0.0.1 only, on a free port, with a random token, in a temporary
folder (its own Jupyter config, runtime, settings and workspaces folders, so ``~/.jupyter`` is
never touched). One browser, one JupyterLab and one Voila server serve the whole session.

Chromium is ``/usr/bin/chromium`` (or ``$CHROMIUM``). When it is missing the browser tests
skip with a message saying how to install it; in CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.missing import missing_tool

from .servers import START_TIMEOUT, Server, free_port, http_status, serving  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
EXAMPLES = ROOT / "examples" / "workbooks"
EXAMPLE = EXAMPLES / "priya_data_analyst.yaml"
SHOTS = ROOT / "out" / "screenshots"
DOCS_SHOTS = ROOT / "docs" / "screenshots"
UPDATE_DOCS = os.environ.get("CW_UPDATE_SCREENSHOTS") == "1"
"""Set ``CW_UPDATE_SCREENSHOTS=1`` to refresh the README screenshots in ``docs/screenshots``."""

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-quic", "--no-first-run",
                 "--disable-sync", "--disable-dev-shm-usage",
                 # Only loopback traffic: every other host name fails to resolve. (A
                 # Playwright route would do the same but stalls whenever Python sleeps.)
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]


# ----------------------------------------------------------------------------------------
# Chromium
# ----------------------------------------------------------------------------------------
def chromium_path() -> str:
    """The Chromium binary, or skip (fail in CI) with a message saying how to install it."""
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if Path(path).is_file() and os.access(path, os.X_OK):
        return path
    message = (f"Chromium not found at {path}: install it with `apt-get install chromium` "
               "(or point $CHROMIUM at a Chromium binary) to run the browser tests")
    missing_tool(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for every browser test (Playwright, sync API)."""
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chrome = pw.chromium.launch(executable_path=executable, headless=True,
                                    args=CHROMIUM_ARGS)
        try:
            yield chrome
        finally:
            chrome.close()


FORGET_DRAFTS = """(() => { try {
  Object.keys(localStorage).filter(k => k.startsWith('cw-draft:'))
    .forEach(k => localStorage.removeItem(k));
} catch (err) {} })();"""
"""Run before every page of a context that keeps no drafts: text one test typed and did not
save is not brought back into another test's page (``display.DRAFTS_JS``)."""


def new_context(browser: Any, *, keep_drafts: bool = False) -> Any:
    """A browser context with a laptop-sized window (the browser only resolves 127.0.0.1).

    Unless ``keep_drafts``, every page opens with no unsaved text kept from before (the
    contexts shared by many tests: one test's typing is not the next one's draft)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  device_scale_factor=1, locale="en-GB")
    context.set_default_timeout(30_000)
    if not keep_drafts:
        context.add_init_script(FORGET_DRAFTS)
    return context


# ----------------------------------------------------------------------------------------
# Servers
# ----------------------------------------------------------------------------------------
def copy_project(root: Path) -> tuple[Path, Path]:
    """Copy the notebooks and the examples into ``root``; return (notebooks, workbook).

    The layout mirrors the repository, so ``coach_overview``'s ``../examples/workbooks``
    resolves; the person's workbook is a copy in ``root/workbooks``.
    """
    notebooks = root / "notebooks"
    notebooks.mkdir(parents=True)
    for nb in NOTEBOOKS.glob("*.ipynb"):
        shutil.copy2(nb, notebooks / nb.name)
    shutil.copytree(EXAMPLES, root / "examples" / "workbooks")
    workbook = root / "workbooks" / EXAMPLE.name
    workbook.parent.mkdir()
    shutil.copy2(EXAMPLE, workbook)
    return notebooks, workbook


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """JupyterLab on a copy of the notebooks, with a copy of Priya's workbook preselected."""
    chromium_path()  # skip (or fail in CI) before paying for a server
    root = tmp_path_factory.mktemp("lab")
    with serving("lab", root, *copy_project(root)) as srv:
        yield srv


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The Voila app (``career-workbook app``) for a copy of Priya's workbook."""
    chromium_path()
    root = tmp_path_factory.mktemp("app")
    with serving("app", root, *copy_project(root)) as srv:
        yield srv


@pytest.fixture(scope="session")
def lab_context(browser: Any, lab_server: Server) -> Iterator[Any]:
    """A browser context logged in to JupyterLab (the token sets the login cookie)."""
    context = new_context(browser)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture(scope="session")
def app_context(browser: Any, app_server: Server) -> Iterator[Any]:
    """A browser context for the Voila app."""
    context = new_context(browser)
    try:
        yield context
    finally:
        context.close()


# ----------------------------------------------------------------------------------------
# Screenshots
# ----------------------------------------------------------------------------------------
def save_screenshot(page: Any, name: str, *, docs_name: str | None = None,
                    element: Any = None) -> Path:
    """Save a PNG of the page (or ``element``) to ``out/screenshots/<name>.png``.

    With ``CW_UPDATE_SCREENSHOTS=1`` and a ``docs_name`` it is also downscaled (at most
    1200 px wide) and compressed into ``docs/screenshots/<docs_name>.png`` for the README.
    """
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    if element is None:
        page.screenshot(path=str(path))
    else:  # make the window tall enough that nothing (a sticky toolbar) covers the element
        size = page.viewport_size
        height = element.evaluate("e => e.getBoundingClientRect().height")
        page.set_viewport_size({"width": size["width"],
                                "height": int(min(max(size["height"], height + 300), 2400))})
        element.evaluate("e => e.scrollIntoView({block: 'center'})")
        page.wait_for_timeout(300)
        element.screenshot(path=str(path))
        page.set_viewport_size(size)
    if UPDATE_DOCS and docs_name:
        from PIL import Image

        DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
        with Image.open(path) as img:
            img = img.convert("RGB")
            if img.width > 1200:
                img = img.resize((1200, round(img.height * 1200 / img.width)), Image.LANCZOS)
            img = img.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=0)
            img.save(DOCS_SHOTS / f"{docs_name}.png", optimize=True)
    return path


@pytest.fixture
def screenshot() -> Callable[..., Path]:
    """:func:`save_screenshot`."""
    return save_screenshot


# ----------------------------------------------------------------------------------------
# Driving a page
# ----------------------------------------------------------------------------------------
def api(srv: Server, method: str, path: str) -> Any:
    """Call the Jupyter REST API with the token; the decoded JSON (or ``None``)."""
    request = urllib.request.Request(srv.base + path, method=method,
                                     headers={"Authorization": f"token {srv.token}"})
    with urllib.request.urlopen(request, timeout=15) as response:
        body = response.read()
    return json.loads(body) if body else None


def shutdown_kernels(srv: Server) -> None:
    """Shut down every kernel session of a JupyterLab server (keeps two cores free)."""
    for session in api(srv, "GET", "/api/sessions") or []:
        api(srv, "DELETE", f"/api/sessions/{session['id']}")


STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
BAD_WIDGET_TEXT = ("Error displaying widget", "Loading widget...", "Failed to load model")

_PAGE_STATE = """(stderr) => {
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]
    .map(p => p.textContent.trim());
  const ind = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) '
                                     + '.jp-Notebook-ExecutionIndicator');
  return {prompts, status: ind ? ind.dataset.status : null,
          errors: document.querySelectorAll(stderr).length};
}"""


def notebook_state(page: Any) -> dict[str, Any]:
    """The code cells' prompts (``[3]:``, ``[*]:``), the kernel status and stderr count."""
    return page.evaluate(_PAGE_STATE, STDERR)


def wait_until_done(page: Any, timeout: float = 150.0) -> dict[str, Any]:
    """Wait until no cell is running and the kernel is idle (twice in a row).

    Finished means every code cell has a number, or an error output stopped the run.
    """
    deadline = time.monotonic() + timeout
    calm = 0
    state: dict[str, Any] = {}
    while time.monotonic() < deadline:
        state = notebook_state(page)
        prompts = state["prompts"]
        running = any("*" in p for p in prompts)
        finished = all(re.fullmatch(r"\[\d+\]:", p) for p in prompts) or state["errors"]
        calm = calm + 1 if (state["status"] == "idle" and not running and finished) else 0
        if calm >= 2:
            return state
        time.sleep(0.5)
    raise AssertionError(f"the notebook did not finish running within {timeout:.0f}s: {state}")


def kernel_ready(srv: Server, notebook: str) -> bool:
    """True once the notebook's kernel is idle and a browser is connected to it."""
    for session in api(srv, "GET", "/api/sessions") or []:
        kernel = session.get("kernel") or {}
        if session.get("path") == notebook and kernel.get("execution_state") == "idle" \
                and kernel.get("connections", 0) >= 1:
            return True
    return False


def open_notebook(context: Any, srv: Server, stem: str, timeout: float = 90.0, *,
                  init_script: str | None = None) -> Any:
    """Open ``<stem>.ipynb`` in JupyterLab and wait until its kernel is connected and idle.

    The toolbar's kernel indicator says "idle" before the kernel has even started, so the
    server's view (a connected, idle kernel) is checked first, then the indicator.
    ``init_script`` runs in the page before JupyterLab's own code.
    """
    page = context.new_page()
    if init_script is not None:
        page.add_init_script(init_script)
    page.goto(srv.url(f"/lab/tree/{stem}.ipynb", reset=""))
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    deadline = time.monotonic() + timeout
    while not kernel_ready(srv, f"{stem}.ipynb"):
        if time.monotonic() > deadline:
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"FAILED-open-{stem}.png"))
            raise AssertionError(f"the kernel of {stem}.ipynb did not start: "
                                 f"{api(srv, 'GET', '/api/sessions')}")
        time.sleep(0.3)
    steady = 0
    while steady < 3 and time.monotonic() < deadline:
        idle = notebook_state(page)["status"] == "idle"
        steady = steady + 1 if idle else 0
        time.sleep(0.3)
    return page


def run_all(page: Any) -> dict[str, Any]:
    """Menu Run -> Run All Cells (a real click), then wait until the run is over."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    try:
        page.wait_for_function(
            """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                     .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))""",
            timeout=60_000)
        return wait_until_done(page)
    except Exception:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "FAILED-run-all.png"))
        raise


def stderr_texts(page: Any) -> list[str]:
    """Text of every stderr/error output on the page."""
    return [el.inner_text() for el in page.query_selector_all(STDERR)]


def wait_widgets_settled(page: Any, scope: str = "body", timeout: float = 20.0) -> list[str]:
    """Wait until no widget says "Loading widget..." or "Error displaying widget"; return
    the texts still showing after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    found: list[str] = []
    while time.monotonic() < deadline:
        text = page.inner_text(scope)
        found = [bad for bad in BAD_WIDGET_TEXT if bad in text]
        if not found:
            return []
        time.sleep(0.5)
    return found


def wait_for_text(locator: Any, pattern: str, timeout: float = 30.0) -> str:
    """Wait until ``locator``'s text matches the regular expression; return the text."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = locator.inner_text()
        if re.search(pattern, text):
            return text
        time.sleep(0.2)
    raise AssertionError(f"expected text matching {pattern!r}, saw: {text[:800]!r}")


def wait_for_change(read: Callable[[], Any], old: Any, timeout: float = 30.0) -> Any:
    """Wait until ``read()`` returns something other than ``old``; return it."""
    deadline = time.monotonic() + timeout
    value = read()
    while value == old and time.monotonic() < deadline:
        time.sleep(0.2)
        value = read()
    assert value != old, f"value stayed {str(old)[:120]!r} for {timeout:.0f}s"
    return value


def form(page: Any, title: str) -> Any:
    """The form (``.cw-form``) whose heading is ``title``."""
    heading = page.locator("h3.cw-form-title", has_text=re.compile(rf"^{re.escape(title)}$"))
    return page.locator(".cw-form").filter(has=heading).first


def labelled(scope: Any, kind: str, label: str) -> Any:
    """The ``.widget-<kind>`` inside ``scope`` whose label is exactly ``label``."""
    exact = scope.page.locator("label.widget-label", has_text=re.compile(
        rf"^\s*{re.escape(label)}\s*$"))
    return scope.locator(f".widget-{kind}").filter(has=exact).first


def file_state(path: Path) -> tuple[bytes, int]:
    """The bytes and modification time of a file (to prove it was not written)."""
    return path.read_bytes(), path.stat().st_mtime_ns
