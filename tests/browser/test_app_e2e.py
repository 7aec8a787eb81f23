"""The client app (``career-workbook app``): the guided notebooks served by Voila, code
hidden, on 127.0.0.1 behind a token, locked to the folder of the workbook it was started for.

The browser tests drive one Voila server (a copy of the notebooks and of Priya's example
workbook). The folder lock is also tested without a browser, on ``ui.start`` directly.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import (
    EXAMPLE,
    EXAMPLES,
    STDERR,
    Server,
    file_state,
    form,
    http_status,
    labelled,
    wait_for_change,
    wait_for_text,
    wait_widgets_settled,
)

OTHER = EXAMPLES / "tomas_nurse.yaml"
"""Someone else's workbook, kept in a folder the app was not started for."""
REFUSAL = r"outside the folder"


def _yaml(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def render(page: Any, url: str | None = None, timeout: float = 120.0) -> Any:
    """Wait until Voila has run the notebook and its widgets are drawn (after ``goto``)."""
    if url is not None:
        page.goto(url, timeout=timeout * 1000, wait_until="load")
    else:
        page.wait_for_load_state("load", timeout=timeout * 1000)
    page.wait_for_selector(".jupyter-widgets, .cw-header", timeout=timeout * 1000)
    still = wait_widgets_settled(page)
    assert not still, f"widgets still show {still}"
    return page


def assert_code_hidden(page: Any) -> None:
    """No code cell, prompt or editor is visible, and no code text is on the page."""
    for selector in (".jp-CodeCell .jp-InputArea", ".jp-InputPrompt", ".cm-editor",
                     ".CodeMirror", ".jp-CodeMirrorEditor"):
        visible = [el for el in page.query_selector_all(selector) if el.is_visible()]
        assert not visible, f"{selector} is visible in app mode"
    text = page.inner_text("body")
    assert "import widgets as ui" not in text and "ui.start(" not in text


def assert_no_errors(page: Any) -> None:
    text = page.inner_text("body")
    assert "There was an error when executing cell" not in text, text[-2000:]
    assert "Traceback" not in text
    problems = [el.inner_text() for el in page.query_selector_all(STDERR)]
    assert not problems, problems


# ----------------------------------------------------------------------------------------
# Without a browser: the session refuses a workbook outside the app's folder
# ----------------------------------------------------------------------------------------
@pytest.fixture
def app_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Folder A (the app's, holding Priya) and folder B (holding Tomás); the app's root
    variable points at A. Everything ``ui.start`` displays and every ``store.load`` call
    are recorded."""
    from career_workbook import store
    from career_workbook.widgets import display

    inside, outside = tmp_path / "a", tmp_path / "b"
    inside.mkdir()
    outside.mkdir()
    shutil.copy2(EXAMPLE, inside / EXAMPLE.name)
    shutil.copy2(OTHER, outside / OTHER.name)
    monkeypatch.setenv("CAREER_WORKBOOK_ROOT", str(inside))
    monkeypatch.delenv("CAREER_WORKBOOK", raising=False)
    shown: list[str] = []
    loaded: list[Path] = []
    real_load = store.load

    def recording_load(path: Any, *args: Any, **kwargs: Any) -> Any:
        loaded.append(Path(path).resolve())
        return real_load(path, *args, **kwargs)

    monkeypatch.setattr(display, "publish",
                        lambda obj: shown.append(str(getattr(obj, "data", obj))))
    monkeypatch.setattr(store, "load", recording_load)
    return inside / EXAMPLE.name, outside / OTHER.name, shown, loaded


@pytest.mark.parametrize("how", ["argument", "environment", "dotdot"])
def test_session_refuses_a_workbook_outside_the_app_folder(
        how: str, app_folders: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from career_workbook import widgets as ui

    mine, theirs, shown, loaded = app_folders
    before = file_state(theirs)
    if how == "argument":
        session = ui.start(str(theirs))
    elif how == "environment":
        monkeypatch.setenv("CAREER_WORKBOOK", str(theirs))
        session = ui.start(None)
    else:  # a path that starts inside the folder and climbs out of it
        session = ui.start(str(mine.parent / ".." / theirs.parent.name / theirs.name))

    assert re.search(REFUSAL, " ".join(shown)), f"no refusal shown: {shown}"
    assert session.workbook is None
    assert theirs.resolve() not in loaded, "the outside workbook was read"
    assert not session.save(lambda wb: wb.strengths.append("Listening")).ok
    assert not ui.strengths_form(session).buttons, "the form offers a Save button"
    assert file_state(theirs) == before


def test_session_does_not_create_a_workbook_outside_the_app_folder(app_folders: Any) -> None:
    from career_workbook import widgets as ui

    _mine, theirs, shown, _loaded = app_folders
    new = theirs.parent / "new_client.yaml"
    session = ui.start(str(new))
    assert re.search(REFUSAL, " ".join(shown))
    assert not session.create("Sam Lee").ok
    assert not new.exists()


def test_session_opens_a_workbook_inside_the_app_folder(app_folders: Any) -> None:
    from career_workbook import widgets as ui

    mine, _theirs, shown, loaded = app_folders
    session = ui.start(str(mine))
    assert session.workbook is not None
    assert session.workbook.person.name == _yaml(mine)["person"]["name"]
    assert mine.resolve() in loaded
    assert not re.search(REFUSAL, " ".join(shown))


# ----------------------------------------------------------------------------------------
# In the browser
# ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/voila/render/01_self_assessment.ipynb",
                                  "/voila/render/01_self_assessment.ipynb?token=wrong",
                                  "/api/kernels"])
@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_app_refuses_requests_without_the_token(path: str, app_server: Server) -> None:
    status = http_status(app_server.base + path)
    assert status in (302, 403, 404), f"{path} answered {status} without the token"
    if status == 302:  # a redirect to the login page, never to content
        assert http_status(app_server.url("/")) == 200


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_app_start_page_links_the_notebooks_in_order(app_server: Server,
                                                     app_context: Any) -> None:
    page = app_context.new_page()
    try:
        page.goto(app_server.url("/"))
        links = page.locator("a[href*='/voila/render/']")
        names = [t.strip() for t in links.all_inner_texts()]
        numbered = [n for n in names if re.match(r"\d\d_", n)]
        expected = sorted(p.name for p in app_server.notebooks.glob("[0-9][0-9]_*.ipynb"))
        assert numbered == expected, names
        assert names[:len(numbered)] == numbered, "the numbered notebooks do not come first"
        assert_code_hidden(page)
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_app_self_assessment_saves_and_redraws(app_server: Server, app_context: Any,
                                               screenshot: Any) -> None:
    path = app_server.workbook
    before = _yaml(path)
    index = app_context.new_page()
    index.goto(app_server.url("/"))
    with app_context.expect_page() as opened:
        index.locator("a", has_text="01_self_assessment").click()
    page = opened.value
    try:
        render(page)
        assert_code_hidden(page)
        assert_no_errors(page)
        assert before["person"]["name"] in page.inner_text(".cw-header")

        radar = page.locator(".jp-OutputArea-output img").first
        assert radar.evaluate("img => img.naturalWidth") > 100
        old_src = radar.get_attribute("src")

        rate = form(page, "Rate yourself")
        skill = before["skills"][0]["name"]
        select = labelled(rate, "dropdown", skill).locator("select")
        current = select.input_value()
        levels = [v for v in select.locator("option").evaluate_all(
            "os => os.map(o => o.value)") if v[:1].isdigit()]
        level = int(current[0]) if current[:1].isdigit() else 2
        new_value = next(v for v in levels if int(v[0]) == (level + 1 if level < 5 else 4))
        select.select_option(value=new_value)
        page.locator(".cw-header").evaluate("e => e.scrollIntoView({block: 'start'})")
        screenshot(page, "app_01_self_assessment", docs_name="app_mode")
        rate.get_by_role("button", name="Add this self-assessment").click()
        wait_for_text(rate, r"Saved at \d\d:\d\d")

        after = _yaml(path)
        assert len(after["assessments"]) == len(before["assessments"]) + 1
        entry = after["assessments"][-1]
        assert entry["ratings"][skill] == int(new_value[0])
        assert str(entry["date"]) == date.today().isoformat()

        wait_for_change(lambda: radar.get_attribute("src"), old_src, timeout=20)
    finally:
        page.close()
        index.close()


_FETCHED = """() => {
  const html = performance.getEntriesByType('navigation')[0];
  const js = performance.getEntriesByType('resource')
    .filter(r => new URL(r.name).pathname.endsWith('/voila/static/voila.js'));
  return {html_done: html.responseEnd, js_done: js.length ? js[0].responseEnd : null};
}"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_app_fetches_its_javascript_while_the_server_runs_the_cells(
        app_server: Server, app_context: Any) -> None:
    """Issue 15: the page's bundle is sent before the first cell, so the browser fetches it
    while the server still runs the notebook (Voila's own template sent it after the last
    cell); the step still works from its outputs."""
    page = app_context.new_page()
    try:
        response = page.goto(app_server.url("/voila/render/03_vision_values.ipynb"),
                             timeout=120_000, wait_until="load")
        html = response.text()  # the page as the server sent it
        bundle = '/voila/static/voila.js"'
        assert html.count(bundle) == 1  # loaded once: the app starts once
        assert html.index(bundle) < html.index('cell-index="1"') < html.index('cell-index="5"')
        render(page)
        got = page.evaluate(_FETCHED)
        assert got["js_done"] is not None and got["js_done"] < got["html_done"], got
        assert_code_hidden(page)
        assert_no_errors(page)
        assert form(page, "Your career vision").is_visible()
    finally:
        page.close()


def _notebook(cells: list[str]) -> dict[str, Any]:
    return {
        "cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}",
                   "metadata": {}, "outputs": [], "source": src}
                  for i, src in enumerate(cells)],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                    "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


_STARTED = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const first = pred => {
    const times = res.filter(pred).map(r => r.startTime);
    return times.length ? Math.min(...times) : null;
  };
  return {html_done: nav.responseEnd, load: nav.loadEventStart,
          extensions: first(r => r.name.includes('/voila/labextensions/')),
          kernel: first(r => /\\/api\\/kernels\\/[0-9a-f-]+(\\?|$)/.test(r.name))};
}"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_app_starts_while_the_cells_run_and_asks_the_kernel_only_after_the_last_one(
        app_server: Server, app_context: Any) -> None:
    """Issue 15: the app's JavaScript starts (loads its extensions, builds its renderers)
    while the server still runs the cells, not on the window's load event; it connects to
    the kernel only once every cell has run, so it sees every output, and a form is
    answered."""
    folder = app_server.notebooks / "early"
    folder.mkdir()
    cells = [
        "import ipywidgets as w\n"
        "said = w.Label('not yet')\n"
        "ask = w.Button(description='Ask the kernel')\n"
        "ask.on_click(lambda b: setattr(said, 'value', 'answered'))\n"
        "w.VBox([ask, said])",
        "import time\ntime.sleep(2.5)",
        "print('the last cell ran')",
    ]
    (folder / "slow.ipynb").write_text(json.dumps(_notebook(cells)), encoding="utf-8")
    page = app_context.new_page()
    try:
        render(page, app_server.url("/voila/render/early/slow.ipynb"))
        got = page.evaluate(_STARTED)
        assert None not in got.values(), got
        assert got["extensions"] < got["html_done"] - 1000, got  # during the 2.5 s cell
        assert got["kernel"] >= got["html_done"], got  # not before the last cell ran
        assert "the last cell ran" in page.inner_text("body")
        page.get_by_role("button", name="Ask the kernel").click()
        wait_for_text(page.locator("body"), "answered")
        assert_no_errors(page)
    finally:
        page.close()
        shutil.rmtree(folder, ignore_errors=True)


def _probe_notebook(theirs: Path) -> dict[str, Any]:
    """A notebook that tries to open ``theirs`` from inside the app: by pointing
    ``$CAREER_WORKBOOK`` at it, and by naming it."""
    cells = [
        f"import os\nos.environ['CAREER_WORKBOOK'] = {str(theirs)!r}",
        "from career_workbook import widgets as ui\nwb = ui.start(None)",
        "ui.strengths_form(wb)",
        f"wb2 = ui.start({str(theirs)!r})",
        "ui.self_assessment_form(wb2)",
    ]
    return _notebook(cells)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_app_cannot_be_pointed_at_another_folder(app_server: Server, app_context: Any,
                                                 tmp_path: Path) -> None:
    theirs = tmp_path / "elsewhere" / OTHER.name
    theirs.parent.mkdir()
    shutil.copy2(OTHER, theirs)
    before = file_state(theirs)
    probe = app_server.notebooks / "probe"
    probe.mkdir()
    (probe / "elsewhere.ipynb").write_text(json.dumps(_probe_notebook(theirs)),
                                           encoding="utf-8")
    page = app_context.new_page()
    try:
        render(page, app_server.url("/voila/render/probe/elsewhere.ipynb"))
        text = page.inner_text("body")
        assert len(re.findall(REFUSAL, text)) >= 2, text[-3000:]
        assert _yaml(OTHER)["person"]["name"] not in text, "the other workbook was shown"
        for button in page.locator("button", has_text=re.compile(r"Save|Add")).all():
            button.click()
        time.sleep(1.0)
        assert file_state(theirs) == before
        assert not (theirs.parent / ".history").exists()
    finally:
        page.close()
        shutil.rmtree(probe, ignore_errors=True)


# ----------------------------------------------------------------------------------------
# The one allowed skip: no Chromium on a developer's machine (never in CI)
# ----------------------------------------------------------------------------------------
def test_missing_chromium_skips_with_install_hint(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    from .conftest import chromium_path

    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        chromium_path()


def test_missing_chromium_fails_in_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from .conftest import chromium_path

    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        chromium_path()


def test_chromium_path_accepts_an_executable(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    from .conftest import chromium_path

    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("CHROMIUM", str(fake))
    assert chromium_path() == str(fake)
