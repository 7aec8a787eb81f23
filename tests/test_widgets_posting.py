"""Notebook 05's "Fit to a posting" form, driven in Python (issue 16 item 2)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import Assessment, Skill

POSTING = ("Senior analyst. You bring SQL/Postgres, Python and stakeholder mgmt; "
           "k8s is a plus. <script>alert(1)</script>")


def _session(tmp_path: Path) -> ui.Session:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills += [Skill(name="SQL", importance=2, target_level=4),
                  Skill(name="Python", importance=5, target_level=5)]
    wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 4, "Python": 3}))
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    return ui.Session(path, today="2026-11-22")


def _check(view, text=POSTING):
    view.fields["posting"].value = text
    view.buttons["check"].click()
    return view.children[3].value


def test_shows_matches_words_fit_and_gaps_escaped(tmp_path):
    view = ui.posting_fit_form(_session(tmp_path))
    assert view.buttons["add"].disabled and view.buttons["profile"].disabled
    html = _check(view)
    assert "“SQL”, “Postgres”" in html and "“stakeholder mgmt”" in html
    assert "Containers and Orchestration" in html and "not in your list" in html
    assert "✓ meets your target" in html  # SQL 4 of 4
    assert "<script>" not in html
    assert view.buttons["add"].description == "Add 2 missing skills to my list"
    assert not view.buttons["add"].disabled


def test_add_missing_skills_saves_once_and_keeps_other_edits(tmp_path):
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    _check(view)
    with store.edit(session.path) as wb:  # another window adds a skill meanwhile
        wb.skills.append(Skill(name="Writing", category="soft"))
    view.buttons["add"].click()
    assert "Saved at" in view.status.value, view.status.value
    names = [s.name for s in cw.load(session.path).skills]
    assert names == ["SQL", "Python", "Writing", "Stakeholder Management",
                     "Containers and Orchestration"]
    # the form refreshed: nothing is missing any more, the pasted text is kept
    assert view.fields["posting"].value == POSTING
    assert view.buttons["add"].description == "Add 0 missing skills to my list"
    assert view.buttons["add"].disabled


def test_use_as_target_profile_raises_importance(tmp_path):
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    _check(view)
    view.buttons["profile"].click()
    assert "Saved at" in view.status.value, view.status.value
    skills = {s.name: s for s in cw.load(session.path).skills}
    assert skills["SQL"].importance == 4 and skills["SQL"].target_level == 4
    assert skills["Python"].importance == 5  # never lowered
    assert skills["Stakeholder Management"].importance == 4


def test_profile_conflict_is_refused_not_reverted(tmp_path):
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    _check(view)
    with store.edit(session.path) as wb:
        wb.skills[0].importance = 1  # changed elsewhere; the form would set it to 4
    before = session.path.read_bytes()
    view.buttons["profile"].click()
    assert "Not saved" in view.status.value and "Importance of SQL" in view.status.value
    assert session.path.read_bytes() == before


def test_buttons_before_checking_say_what_to_do(tmp_path):
    session = _session(tmp_path)
    view = ui.posting_fit_form(session)
    before = session.path.read_bytes()
    view.buttons["add"].disabled = False
    view.buttons["add"].click()
    assert "Nothing was saved" in view.status.value
    assert view.fields["posting"].has_error
    assert session.path.read_bytes() == before


def test_text_with_no_skills_says_so(tmp_path):
    view = ui.posting_fit_form(_session(tmp_path))
    assert "No skills from the catalog" in _check(view, "Lorem ipsum dolor sit amet.")
    assert view.buttons["profile"].disabled
