"""Notebook 01 in two tabs (two sessions on one file), and ratings dated after today.

Red-team walk E: a stale "Rate yourself" tab undid the other tab's rating without a word;
a rating dated in the future was taken and then started the form; two rewordings of the
same strength were both kept; a skill renamed in another tab was said "removed".
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis import skill_gap_frame
from career_workbook.model import Assessment, Skill
from tests.helpers.html_text import text_of

ROOT = Path(__file__).resolve().parents[1]
PRIYA = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
TODAY = "2026-12-06"


@pytest.fixture
def priya(tmp_path: Path) -> Path:
    path = tmp_path / "priya.yaml"
    shutil.copy(PRIYA, path)
    return path


@pytest.fixture
def sam(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills += [Skill(name="Budgeting"), Skill(name="Negotiation"),
                  Skill(name="Spanish", category="domain")]
    wb.assessments.append(Assessment(date=date(2026, 3, 2),
                                     ratings={"Budgeting": 2, "Negotiation": 3}))
    wb.weaknesses = ["Saying no", "Delegating", "Public speaking"]
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    return path


def tab(form, path: Path):
    return form(ui.Session(path, today=TODAY))


def status(view) -> str:
    return text_of(view.status.value)


def current(path: Path) -> dict[str, float]:
    """What the radar shows as "You now" today."""
    frame = skill_gap_frame(cw.load(path), today=date.fromisoformat(TODAY))
    return dict(zip(frame["skill"], frame["current"], strict=True))


# ------------------------------------------------------------------ 3: strengths reworded
def test_one_line_reworded_differently_in_two_tabs_is_a_conflict(sam):
    a, b = tab(ui.strengths_form, sam), tab(ui.strengths_form, sam)
    a.fields["weaknesses"].value = "Saying no (A)\nDelegating\nPublic speaking"
    a.buttons["save"].click()
    before = sam.read_bytes()
    b.fields["weaknesses"].value = "Saying no (B)\nDelegating\nPublic speaking"
    b.buttons["save"].click()
    assert sam.read_bytes() == before
    text = status(b)
    assert "“Areas to develop”: “Saying no” was changed to “Saying no (A)” in another " \
           "window" in text and "you changed it to “Saying no (B)”" in text, text
    assert "changed in another window" in text_of(b.fields["weaknesses"].message.value)
    assert cw.load(sam).weaknesses == ["Saying no (A)", "Delegating", "Public speaking"]


def test_a_long_line_reworded_in_two_tabs_shows_where_they_differ(sam):
    long = "Presenting to senior people: I over-explain the method and bury the answer"
    with cw.edit(sam) as wb:
        wb.strengths = [long]
    a, b = tab(ui.strengths_form, sam), tab(ui.strengths_form, sam)
    a.fields["strengths"].value = long + " (first)"
    a.buttons["save"].click()
    b.fields["strengths"].value = long + " (second)"
    b.buttons["save"].click()
    text = status(b)
    assert "“…bury the answer” was changed to “…bury the answer (first)”" in text, text
    assert "you changed it to “…bury the answer (second)”" in text


def test_different_lines_reworded_added_and_removed_in_two_tabs_still_merge(sam):
    a, b = tab(ui.strengths_form, sam), tab(ui.strengths_form, sam)
    a.fields["weaknesses"].value = "Saying no to ad-hoc requests\nDelegating\nPublic speaking"
    a.buttons["save"].click()
    b.fields["weaknesses"].value = "Saying no\nDelegating well\nTime boxing"
    b.buttons["save"].click()
    assert "Saved at" in status(b)
    assert cw.load(sam).weaknesses == ["Saying no to ad-hoc requests", "Delegating well",
                                       "Time boxing"]
