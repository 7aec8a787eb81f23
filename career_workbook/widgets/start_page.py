"""The app's start page: the eleven steps in order, each with its progress from the workbook.

``career-workbook app`` opens a small generated notebook (:func:`start_notebook`) whose one
code cell calls :func:`show_start_page`; the HTML comes from :func:`start_page_html` over the
pure :func:`career_workbook.analysis.steps.step_progress`.

>>> html = start_page_html(None)
>>> "01_self_assessment.ipynb" in html and "coach_overview" not in html
True

Each step opens in the same tab: rendered HTML output would open links in a new tab, so
every link says ``target="_self"``.

>>> html.count('target="_self"') == html.count("<a ")
True
"""

from __future__ import annotations

import html as _html
import os
from collections.abc import Sequence
from typing import Any

from career_workbook.analysis.steps import StepProgress, step_progress

__all__ = ["START_NOTEBOOK", "greeting", "show_start_page", "start_notebook",
           "start_page_html"]

START_NOTEBOOK = ".start.ipynb"
"""The generated start page's file name in the app's notebook folder (hidden from JupyterLab)."""


def _row(i: int, step: StepProgress) -> str:
    """One step of the start page: its link, what it is for, and how far it is.

    The mark (✓ started, ○ not yet) is for the eye: a screen reader reads the words after
    it ("no skills rated yet"), not "white circle" first (red-team walk V); a span's
    ``aria-label`` ("progress") was never read at all.

    >>> row = _row(1, StepProgress("01_self_assessment", "Self-assessment", "Rate skills.",
    ...                            "no skills rated yet", False))
    >>> '<span aria-hidden="true">○</span> no skills rated yet' in row, "aria-label" in row
    (True, False)
    """
    esc = _html.escape
    mark = "✓" if step.started else "○"
    return (
        f'<li class="cw-step{" cw-step-started" if step.started else ""}">'
        f'<a href="{esc(step.stem)}.ipynb" target="_self">'
        f'<strong>{i}. {esc(step.title)}</strong></a>'
        f'<br><span>{esc(step.blurb)}</span>'
        f'<br><span class="cw-step-progress"><span aria-hidden="true">{mark}</span> '
        f'{esc(step.progress)}</span></li>'
    )


IN_ORDER = "Work through the steps in order; each one saves to your workbook as you go."


def greeting(name: str, steps: Sequence[StepProgress]) -> str:
    """The start page's first words: a person whose workbook has nothing in it yet (no
    step started after creating it) is new, and is told where to start.

    >>> from career_workbook.model import Goal, new_workbook
    >>> wb = new_workbook("Sam Lee")
    >>> greeting("Sam Lee", step_progress(wb))
    'Welcome, Sam Lee. Your workbook is ready: start with step 1, Self-assessment. Work through the steps in order; each one saves to your workbook as you go.'
    >>> wb.goals.append(Goal(text="Lead a project by June 2027"))
    >>> greeting("Sam Lee", step_progress(wb))
    'Welcome back, Sam Lee. Work through the steps in order; each one saves to your workbook as you go.'
    >>> greeting("", step_progress(None))
    'Welcome. Work through the steps in order; each one saves to your workbook as you go.'
    """  # noqa: E501
    if not name:
        return f"Welcome. {IN_ORDER}"
    later = [(i, s) for i, s in enumerate(steps) if i > 0]
    if any(s.started for _, s in later):
        return f"Welcome back, {name}. {IN_ORDER}"
    first = next(((i, s) for i, s in later), None)
    where = f" Your workbook is ready: start with step {first[0]}, {first[1].title}." \
        if first else ""
    return f"Welcome, {name}.{where} {IN_ORDER}"


def start_page_html(wb: Any, *, name: str = "", problem: str = "", role: Any = None) -> str:
    """The start page as HTML (every text escaped); ``wb`` ``None`` means no file yet.
    ``role``: the catalog profile the workbook targets (its title is shown).

    >>> "&lt;b&gt;" in start_page_html(None, name="<b>")
    True
    """
    esc = _html.escape
    note = f'<p class="cw-warning">{esc(problem)}</p>' if problem else ""
    steps = step_progress(wb, role)
    rows = "".join(_row(i, s) for i, s in enumerate(steps))
    return (
        '<div class="cw-start">'
        f"<h1>Your career workbook</h1><p>{esc(greeting(name, steps))}</p>"
        f'{note}<ol start="0" class="cw-steps" style="list-style: none; padding-left: 0;">'
        f"{rows}</ol></div>"
    )


def show_start_page(workbook: str | os.PathLike[str] | None = None) -> None:
    """Display the start page for ``workbook`` (default: the app's workbook)."""
    from IPython.display import HTML, display

    from career_workbook import store
    from career_workbook.widgets.session import resolve_path

    wb, name, problem, role = None, "", "", None
    try:
        path = resolve_path(workbook)
        if path.is_file():
            wb = store.load(path)
            name = wb.person.name
    except Exception as err:  # the page still lists the steps; the message says why
        problem = f"Your workbook could not be read: {err}"
    if wb is not None and (wb.role_profile or wb.person.target_role.strip()):
        from career_workbook.catalog import CatalogError, load_catalog, resolve_role

        try:
            role = resolve_role(wb, load_catalog())
        except CatalogError:  # the step then shows the profile's id in words
            role = None
    display(HTML(start_page_html(wb, name=name, problem=problem, role=role)))


def start_notebook() -> str:
    """The start page notebook (nbformat 4 JSON), generated by ``career-workbook app``."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["title"] = "Career Workbook"  # the page's title (Voila's is the file name)
    params = nbformat.v4.new_code_cell("workbook = None  # path to the workbook, or None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(
        "from career_workbook.widgets.start_page import show_start_page\n"
        "show_start_page(workbook)")]
    for cell in nb.cells:
        cell.pop("id", None)
    nb.nbformat_minor = 4
    return nbformat.writes(nb)
