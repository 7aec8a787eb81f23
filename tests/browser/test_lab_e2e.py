"""JupyterLab end to end, in headless Chromium: every guided notebook runs clean from the
Run menu, its forms and charts render, and typing into the forms really changes the file.

One JupyterLab server (a copy of the notebooks and of Priya's example workbook, preselected
through ``$CAREER_WORKBOOK``) serves every test; each test opens its notebook in a fresh
page and shuts its kernel down afterwards.
"""

from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from career_workbook.widgets.coach import COHORT_SLUGS

from .conftest import (
    EXAMPLES,
    NOTEBOOKS,
    file_state,
    form,
    http_status,
    labelled,
    open_notebook,
    run_all,
    shutdown_kernels,
    stderr_texts,
    wait_for_change,
    wait_for_text,
    wait_widgets_settled,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

NOT_WIDGETS = {"start", "show_chart", "coach_overview"}
"""Calls that display HTML and images rather than widgets."""


def code_cells(path: Path) -> list[str]:
    """The source of each code cell of a notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def expectations(path: Path) -> tuple[int, bool]:
    """(charts the notebook shows, whether it shows any form) read from its code cells."""
    source = "\n".join(code_cells(path))
    charts = len(re.findall(r"\bui\.show_chart\(", source))
    charts += len(COHORT_SLUGS) * len(re.findall(r"\bui\.coach_overview\(", source))
    calls = set(re.findall(r"\bui\.(\w+)\(", source))
    return charts, bool(calls - NOT_WIDGETS)


STEMS = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))


def test_every_guided_notebook_is_tested() -> None:
    """The parametrised run below covers every numbered step (00, 01, ...) and the coach
    overview: the steps are numbered without gaps, at least 00-09."""
    numbered = [s for s in STEMS if re.match(r"\d\d_", s)]
    assert len(numbered) >= 10, STEMS
    assert [s[:2] for s in numbered] == [f"{i:02d}" for i in range(len(numbered))], STEMS
    assert "coach_overview" in STEMS


@pytest.mark.parametrize("path", ["/lab", "/lab/tree/01_self_assessment.ipynb",
                                  "/api/contents", "/api/sessions", "/lab?token=wrong"])
def test_lab_refuses_requests_without_the_token(path: str, lab_server: Any) -> None:
    assert http_status(lab_server.base + path) in (302, 403)
    assert http_status(lab_server.url("/api/status")) == 200


def _yaml(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _chart_cell(page: Any, slug: str) -> Any:
    """The code cell that shows chart ``slug``."""
    return page.locator(".jp-CodeCell").filter(has_text=f'show_chart(wb, "{slug}")').first


def _chart_img(page: Any, slug: str) -> Any:
    """The image output of the cell that shows chart ``slug``."""
    return _chart_cell(page, slug).locator(".jp-OutputArea-output img").first


@pytest.fixture
def notebook_page(lab_server: Any, lab_context: Any):
    """Open a notebook by stem; the page is closed and kernels shut down afterwards."""
    pages: list[Any] = []

    def opener(stem: str) -> Any:
        page = open_notebook(lab_context, lab_server, stem)
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.close()
    shutdown_kernels(lab_server)


@pytest.mark.parametrize("stem", STEMS)
def test_notebook_runs_clean_in_jupyterlab(stem: str, notebook_page: Any,
                                           screenshot: Any) -> None:
    charts, has_forms = expectations(NOTEBOOKS / f"{stem}.ipynb")
    page = notebook_page(stem)
    state = run_all(page)

    problems = [t[:1500] for t in stderr_texts(page)
                if re.search(r"Traceback|Error|Warning", t)]
    assert not problems, f"{stem}: error output after Run All:\n" + "\n---\n".join(problems)
    assert all(re.fullmatch(r"\[\d+\]:", p) for p in state["prompts"]), (
        f"{stem}: not every code cell ran: {state['prompts']}")
    enames = page.locator(".jp-OutputArea-output .jp-RenderedText").filter(
        has_text=re.compile(r"^\w+(Error|Exception)\b|Traceback \(most recent"))
    assert enames.count() == 0, enames.first.inner_text()

    if has_forms:
        assert page.locator(".jp-OutputArea-output .jupyter-widgets").count() > 0, (
            f"{stem}: no widget rendered")
    still = wait_widgets_settled(page, ".jp-NotebookPanel")
    assert not still, f"{stem}: widgets still show {still}"

    images = page.locator(".jp-OutputArea-output img")
    assert images.count() >= charts, f"{stem}: {images.count()} images for {charts} charts"
    for i in range(images.count()):
        width = images.nth(i).evaluate("img => img.complete ? img.naturalWidth : 0")
        assert width > 100, f"{stem}: chart image {i} did not load (width {width})"

    if stem == "coach_overview":
        table = page.locator(".jp-OutputArea-output table").first.inner_text()
        for example in sorted(EXAMPLES.glob("*.yaml")):
            name = _yaml(example)["person"]["name"]
            assert name in table, f"{name} missing from the caseload table"
        # the table was 12 px wider than its box: "Top gap" read "Managemen"
        box = page.locator(".jp-OutputArea-output .cw-table-box").first
        sizes = box.evaluate("b => [b.clientWidth, b.scrollWidth]")
        assert sizes[1] <= sizes[0], f"the caseload table is wider than its box: {sizes}"

    # (the header's refresh button is a hidden widget: the first one a person sees)
    first = page.locator(".jp-OutputArea-output .jupyter-widgets:visible, "
                         ".jp-OutputArea-output img:visible")
    if first.count():
        first.first.scroll_into_view_if_needed()
    screenshot(page, stem)


def test_self_assessment_change_is_saved_and_bad_input_refused(
        lab_server: Any, notebook_page: Any, screenshot: Any) -> None:
    path = lab_server.workbook
    before = _yaml(path)
    page = notebook_page("01_self_assessment")
    run_all(page)

    radar = _chart_img(page, "skill_radar")
    radar.scroll_into_view_if_needed()
    screenshot(page, "01_skill_radar", docs_name="skill_radar",
               element=_chart_cell(page, "skill_radar").locator(".jp-OutputArea").first)
    old_src = radar.get_attribute("src")

    # Change the first skill's rating with the dropdown, then save.
    rate = form(page, "Rate yourself")
    skill = before["skills"][0]["name"]
    select = labelled(rate, "dropdown", skill).locator("select")
    current = select.input_value()
    levels = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)")
              if v[:1].isdigit()]
    new_value = next(v for v in reversed(levels) if v != current)
    new_level = int(new_value[0])
    select.select_option(value=new_value)
    rate.get_by_role("button", name="Add this self-assessment").click()
    wait_for_text(rate, r"Saved at \d\d:\d\d")

    after = _yaml(path)
    assert len(after["assessments"]) == len(before["assessments"]) + 1
    entry = after["assessments"][-1]
    assert entry["ratings"][skill] == new_level
    assert str(entry["date"]) == date.today().isoformat()
    assert after["assessments"][:-1] == before["assessments"], "an older assessment changed"

    # The radar chart redraws from the saved data.
    wait_for_change(lambda: radar.get_attribute("src"), old_src)

    # A skill with a blank name is refused beside the field; the file is not touched.
    skills = form(page, "The skills you track")
    saved = file_state(path)
    skills.get_by_role("button", name="Add this skill").click()
    # The field's error and the status line are two widget updates: wait for both.
    wait_for_text(skills, r"(?s)must not be blank.*Nothing was saved"
                          r"|Nothing was saved.*must not be blank")
    assert skills.locator(".cw-field-error").count() >= 1
    time.sleep(1.0)
    assert file_state(path) == saved, "a refused save changed the workbook file"


GOOD_GOAL = "Run 2 user-research workshops for the mobile team by 31 March 2027"
VAGUE_GOAL = "Get better at stuff"


def _score(drafter: Any) -> int | None:
    text = drafter.locator(".widget-html").filter(has_text="/ 100").all_inner_texts()
    found = re.search(r"(\d+)\s*/\s*100", " ".join(text))
    return int(found.group(1)) if found else None


def _ticks(drafter: Any) -> int:
    return drafter.locator(".cw-smart").inner_text().count("✓")


def _settled_score(drafter: Any, timeout: float = 15.0) -> int:
    """The score once it stops changing (the drafter rescores after typing pauses)."""
    deadline = time.monotonic() + timeout
    last, steady = None, 0
    while time.monotonic() < deadline:
        now = _score(drafter)
        steady = steady + 1 if (now is not None and now == last) else 0
        if steady >= 3:
            return now
        last = now
        time.sleep(0.3)
    raise AssertionError(f"the SMART score never settled (last {last})")


def test_goal_drafter_gives_live_feedback_and_saves(
        lab_server: Any, notebook_page: Any, screenshot: Any) -> None:
    path = lab_server.workbook
    page = notebook_page("04_smart_goals")
    run_all(page)
    drafter = form(page, "Draft a SMART goal")
    box = labelled(drafter, "textarea", "Your goal").locator("textarea")
    box.scroll_into_view_if_needed()

    box.click()
    page.keyboard.type(VAGUE_GOAL, delay=30)
    vague_score = _settled_score(drafter)
    vague_ticks = _ticks(drafter)
    assert "No deadline found" in drafter.inner_text()

    # Replace it with a SMART goal, typed key by key in three bursts (with the short pauses
    # a person makes), watching the score after each burst.
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    seen = []
    for burst in re.split(r"(?= for | by )", GOOD_GOAL):
        page.keyboard.type(burst, delay=25)
        seen.append(_settled_score(drafter))
    wait_for_text(drafter, r"Deadline found: 31 Mar 2027")
    assert len(set(seen)) >= 2, f"the score did not change while typing: {seen}"
    assert seen[-1] > vague_score, (vague_score, seen)
    assert _ticks(drafter) > vague_ticks
    assert box.input_value() == GOOD_GOAL

    # Raise the confidence with the keyboard on the focused slider (6 -> 8).
    slider = labelled(drafter, "slider", "Confidence")
    slider.locator(".noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    wait_for_text(slider.locator(".widget-readout"), r"^\s*8\s*$", timeout=10)
    wait_for_text(drafter, r"confidence 8/10")
    screenshot(page, "04_goal_drafter", docs_name="smart_goal_drafter", element=drafter)

    scorecard = _chart_img(page, "smart_scorecard")
    old_src = scorecard.get_attribute("src")
    drafter.get_by_role("button", name="Save as goal").click()
    wait_for_text(drafter, r"Saved at \d\d:\d\d")
    goals = [g for g in _yaml(path)["goals"] if g["text"] == GOOD_GOAL]
    assert len(goals) == 1, "the goal is not in the workbook file"
    assert goals[0]["status"] == "active"
    assert str(goals[0]["deadline"]) == "2027-03-31"
    assert goals[0]["confidence"] == 8
    wait_for_change(lambda: scorecard.get_attribute("src"), old_src)

    # A second click on the saved (and emptied) form adds nothing and says the goal is
    # blank and the last one saved; a goal of only spaces is refused with a message; the
    # file stays as it was.
    saved = file_state(path)
    box = labelled(drafter, "textarea", "Your goal").locator("textarea")
    assert box.input_value() == ""
    drafter.get_by_role("button", name="Save as goal").click()
    wait_for_text(drafter, r"must not be blank \(the last one was saved at \d\d:\d\d\)")
    box.fill("   ")
    drafter.get_by_role("button", name="Save as goal").click()
    wait_for_text(drafter, r"must not be blank")
    time.sleep(1.0)
    assert file_state(path) == saved, "a refused save changed the workbook file"
