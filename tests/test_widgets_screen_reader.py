"""Red-team walk V: what a screen reader gets from a form, on the kernel's side.

ipywidgets has no attribute for ``aria-describedby`` or ``aria-live``: the page's script
(``display.A11Y_JS``) adds them by class, so every field's box, every status line and
the drafter's live score must carry the class it looks for. Before walk V a field's help and
error were only near its input (not read with it), and "Saved at 10:42" or a refusal, put in
a status box anew each time, was not read out.
"""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.widgets.display import A11Y_JS
from career_workbook.widgets.fields import FIELD, LIVE, make_field
from tests.helpers.html_text import text_of

TODAY = "2026-12-06"


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    p = tmp_path / "erin.yaml"
    store.save(cw.new_workbook("Erin Test", today=date(2026, 12, 1)), p)
    return p


def every_widget(w):
    yield w
    for child in getattr(w, "children", ()):
        yield from every_widget(child)


def test_a_field_box_is_marked_for_its_help_and_error_to_describe_its_input():
    field = make_field("due", "Due", "date", help="The day you aim to finish.")
    assert FIELD in field.box._dom_classes
    assert f".{FIELD}" in A11Y_JS and "aria-describedby" in A11Y_JS


def test_a_forms_status_line_is_a_live_region_that_stays(empty):
    view = ui.strengths_form(ui.Session(empty, today=TODAY))
    status = view.status
    assert LIVE in status._dom_classes
    view.fields["strengths"].value = "Explaining data"
    view.buttons["save"].click()
    assert view.status is status and "Saved at" in text_of(status.value)  # same box


def test_the_drafters_score_is_read_out_with_what_it_is(empty):
    async def scenario() -> None:
        view = ui.goal_drafter(ui.Session(empty, today=TODAY))
        view.fields["text"].value = "Give 3 talks at the data guild by June 2027"
        await asyncio.sleep(0.3)
        (score,) = [w for w in every_widget(view) if "/ 100" in str(getattr(w, "value", ""))]
        assert LIVE in score._dom_classes
        assert text_of(score.value).startswith("SMART score ")

    asyncio.run(scenario())
