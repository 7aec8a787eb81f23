"""A value the page sent before a Save click but that reached the kernel after it is saved
too, and the form says so (red team: the check-in's *Lessons* ``Lesson 2 <b>bold</b> end``
typed fast, then Tab and Enter, was saved as ``Lesson 2`` under "Saved").

ipywidgets' page holds a widget's value updates back while the kernel handles the one
before, but sends a click at once: the kernel gets the click, then the rest of the text.
Here the page is played by ``widget.set_state`` (what the kernel runs when the page's
update arrives), called after ``Button.click()``, on the box the person typed into (the
form may have drawn a new one since).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.widgets.fields import make_field

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
TODAY = "2026-11-12"
SAVED = re.compile(r"Saved at \d\d:\d\d")
LATE = "reached the notebook just after you pressed the button"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "priya.yaml"
    shutil.copy2(EXAMPLE, target)
    return target


def session(path: Path) -> ui.Session:
    return ui.Session(path, today=TODAY)


def typed(widget, value) -> None:
    """The page's update of ``widget`` reaching the kernel (as the person typed it)."""
    widget.set_state({"value": value})


def versions(path: Path) -> int:
    return len(store.history(path))


# ------------------------------------------------------------------ text sent once
@pytest.mark.parametrize("kind", ["text", "textarea", "combo"])
def test_a_text_box_sends_its_text_when_the_person_leaves_it(kind):
    """One message, sent before the click that follows (ipywidgets holds back the keys
    typed while the kernel handles the last one, but never a click)."""
    assert make_field("note", "Note", kind).widget.continuous_update is False
    assert make_field("note", "Note", kind, continuous=True).widget.continuous_update is True


def test_the_smart_drafter_still_scores_as_the_person_types(path):
    form = ui.goal_drafter(session(path))
    assert form.fields["text"].widget.continuous_update is True
    typed(form.fields["text"].widget, "Get better at SQL")
    low = form.state["result"].score
    typed(form.fields["text"].widget, "Pass the SQL certification exam by 30 June 2027")
    assert form.state["result"].score > low
