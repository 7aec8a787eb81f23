"""Fit to a posting, in a real browser (issue 16 item 2): a just-created workbook, a pasted
posting, one "Did it ask for these?" suggestion counted, and the skill saved to the file.

The workbook is made by ``career-workbook new`` (no skills, no ratings). In notebook 05, in
JupyterLab and then in the app (each on its own new workbook), the person pastes a posting
with a weakly worded skill ("decisions about risk") and some HTML, checks the fit, counts
the suggestion, sees it join the results table and the fit change, and adds the missing
skills. The file on disk (read with ``career_workbook.load``) then holds the counted skill;
no dialog ever opens, the HTML is shown as text, and no button is cut short at 800 px.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

import career_workbook as cw
from career_workbook import cli

from .conftest import NOTEBOOKS, Server, chromium_path, new_context
from .pages import Form, Notebook, wait_until
from .servers import serving

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

HOSTILE = "<img src=x onerror=alert(1)> <b>bold</b>"
POSTING = f"""Senior Operations Analyst - Northwind Logistics (Leeds, hybrid)

About the role
You will join our planning team and turn messy warehouse data into clear weekly decisions
for the regional managers.

What you will do
- Build and maintain dashboards in SQL and Python.
- Make sound decisions about risk and escalate anything rated <3 to the duty lead.
- Apply through the portal: {HOSTILE}
- Present findings to senior leaders and keep stakeholders informed.

What you bring
- 3+ years of data analysis experience.
- Stakeholder mgmt across several sites.
"""
SUGGESTED = "Risk Management"
"""Worded weakly ("decisions about risk"): a suggestion, not a match."""
HEAD = r"It asks for (\d+) skills?"


@pytest.fixture(scope="module", params=["lab", "app"])
def new_workbook_server(request: pytest.FixtureRequest,
                        tmp_path_factory: pytest.TempPathFactory
                        ) -> Iterator[tuple[str, Server]]:
    """JupyterLab, then the app, on notebook 05 for a workbook just made by
    ``career-workbook new`` (a new one for each)."""
    chromium_path()
    root = tmp_path_factory.mktemp(f"fit-journey-{request.param}")
    notebooks = root / "notebooks"
    notebooks.mkdir()
    (notebooks / "05_skill_gap.ipynb").write_bytes(
        (NOTEBOOKS / "05_skill_gap.ipynb").read_bytes())
    assert cli.main(["new", "Kim Park", "--dir", str(root / "workbooks")]) == 0
    [workbook] = (root / "workbooks").glob("*.yaml")
    with serving(request.param, root, notebooks, workbook) as srv:
        yield request.param, srv


def _row(form: Form, skill: str) -> Any:
    """The "Did it ask for these?" row of ``skill`` (its button and its words)."""
    return form.root.locator(".widget-hbox").filter(
        has=form.root.page.locator("b", has_text=re.compile(rf"^{re.escape(skill)}$"))).first


def _clipped(form: Form) -> list[str]:
    """Suggestion buttons whose label does not fit (shown as "Yes, cou…")."""
    return form.root.locator(".widget-hbox button").evaluate_all(
        "bs => bs.filter(b => b.scrollWidth > b.clientWidth + 1).map(b => b.innerText)")


def test_count_a_suggestion_and_save_it(browser: Any,
                                        new_workbook_server: tuple[str, Server]) -> None:
    kind, srv = new_workbook_server
    started = time.monotonic()
    assert not cw.load(srv.workbook).skills  # as `career-workbook new` left it
    context = new_context(browser)
    dialogs: list[str] = []
    context.on("page", lambda page: page.on(
        "dialog", lambda d: (dialogs.append(d.message), d.dismiss())))
    try:
        if kind == "app":
            nb = Notebook.open_in_app(context, srv, "05_skill_gap")
        else:
            nb = Notebook.open_in_lab(context, srv, "05_skill_gap").run_all()
        opened = nb.remember_problems()
        fit = nb.form("Fit to a posting")
        fit.fill("Posting", POSTING).click("Check the fit")

        # the suggestions row: the weak skill, its words and its sentence, as text
        row = _row(fit, SUGGESTED)
        row.wait_for(timeout=30_000)
        text = fit.text()
        assert "Did it ask for these?" in text
        assert "“risk”" in row.inner_text()
        assert "escalate anything rated <3 to the duty lead." in row.inner_text()
        before = re.search(HEAD, text)
        assert before, text[:800]
        assert "you have not rated any of them yet" in text  # a new workbook: no "0%"
        table = fit.root.locator("table.cw-table")
        assert SUGGESTED not in table.inner_text()  # not counted yet
        add_before = fit.root.get_by_role("button", name=re.compile(r"Add \d+ missing")).first
        n_before = int(re.search(r"\d+", add_before.inner_text()).group())
        nb.screenshot(f"fit_journey_{nb.kind}_1_suggested", element=fit.root)

        # "Yes, count it": the skill joins the table, the fit changes, the button says so
        row.get_by_role("button", name=re.compile(r"Yes, count it$")).click()
        wait_until(lambda: SUGGESTED in table.inner_text(), f"{SUGGESTED} to join the table")
        wait_until(lambda: "Take back" in _row(fit, SUGGESTED).inner_text(),
                   "the button to say “Take back”")
        after = re.search(HEAD, fit.text())
        assert after and int(after.group(1)) == int(before.group(1)) + 1, fit.text()[:400]
        assert "you counted it" in table.inner_text()
        label = f"Add {n_before + 1} missing skills to my list"
        assert fit.button(label).is_visible(), fit.text()[-400:]
        assert not _clipped(fit), f"clipped buttons: {_clipped(fit)}"
        nb.screenshot(f"fit_journey_{nb.kind}_2_counted", element=fit.root)

        # a narrow window: the buttons still say what they do
        nb.page.set_viewport_size({"width": 800, "height": 900})
        _row(fit, SUGGESTED).scroll_into_view_if_needed()
        assert not _clipped(fit), f"clipped at 800 px: {_clipped(fit)}"
        nb.page.set_viewport_size({"width": 1280, "height": 900})

        # the HTML in the paste is text: no image, no bold, no alert
        assert fit.root.locator("img").count() == 0
        assert fit.root.locator("b", has_text=re.compile(r"^bold$")).count() == 0
        assert HOSTILE in fit.value("Posting")

        fit.save(label)
        skills = {s.name: s for s in cw.load(srv.workbook).skills}
        assert SUGGESTED in skills, sorted(skills)
        assert {"SQL", "Python", "Stakeholder Management"} <= set(skills)
        adds = re.compile(r"missing skills? to my list\s*$")  # hidden: nothing to add
        wait_until(lambda: not fit.root.get_by_role("button", name=adds).count(),
                   "the form to hide the add button after the save (nothing missing)")
        assert "you counted it" in fit.root.locator("table.cw-table").inner_text()
        assert not dialogs, f"a dialog opened: {dialogs}"
        nb.assert_clean("after the save")
        assert not opened, "errors when 05 opened:\n" + "\n---\n".join(opened)
    finally:
        context.close()
    elapsed = time.monotonic() - started
    assert elapsed < 90, f"the fit journey took {elapsed:.0f}s"

