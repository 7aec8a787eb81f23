"""A skill added or renamed to a close misspelling of a tracked one ("Pyhton" beside
"Python") is asked about with the existing "Merge into “Python”" button, and a "keep it
as its own skill" one: nothing is merged, or saved, until the person presses one of them."""

from __future__ import annotations

import re
from datetime import date

import pytest

import career_workbook as cw
from career_workbook import widgets as ui
from career_workbook.analysis.skills import similar_skill
from career_workbook.model import Assessment, Skill
from tests.helpers.html_text import text_of

TODAY = date(2026, 11, 22)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _button(view, pattern: str):
    return next(w for w in view.children
                if re.fullmatch(pattern, getattr(w, "description", "") or ""))


def _add(path, name: str):
    view = ui.skills_form(ui.Session(path, today=TODAY))
    view.fields["name"].value = name
    view.buttons["save"].click()
    return view


def test_similar_skill_is_one_typing_slip_on_names_of_four_or_more_characters():
    tracked = ["Python", "Stakeholder Management", "Mentoring", "R", "SQL"]
    assert similar_skill(tracked, "Pyhton") == "Python"  # two letters swapped
    assert similar_skill(tracked, "pythn") == "Python"  # one left out, case aside
    assert similar_skill(tracked, "Stakeholder Managment") == "Stakeholder Management"
    assert similar_skill(tracked, "Monitoring") is None  # two changes: another skill
    assert similar_skill(tracked, "C") is None and similar_skill(tracked, "SQLs") is None
    assert similar_skill(tracked, "python") is None  # the same skill, not a misspelling


def test_adding_a_misspelt_skill_asks_and_merge_adds_nothing(path):
    with cw.edit(path) as wb:
        wb.skills.append(Skill(name="Python", importance=5))
    before = cw.load(path)
    view = _add(path, "Pyhton")
    said = _flat(text_of(view.status.value))
    assert "“Pyhton” looks like “Python”, which you already track. Is it the same skill?" \
        in said
    assert cw.load(path) == before  # asked, not saved
    merge = _button(view, "Merge into “Python”")
    keep = _button(view, "Keep “Pyhton” as its own skill")
    assert merge.layout.display is None and keep.layout.display is None
    merge.click()
    assert "Nothing added: you already track “Python”." in _flat(text_of(view.status.value))
    assert cw.load(path).skill_names() == ["Python"]


def test_keeping_a_similar_skill_apart_saves_it_on_that_click_only(path):
    with cw.edit(path) as wb:
        wb.skills.append(Skill(name="Python"))
    view = _add(path, "Pyhton")
    assert cw.load(path).skill_names() == ["Python"]
    _button(view, "Keep “Pyhton” as its own skill").click()
    assert cw.load(path).skill_names() == ["Python", "Pyhton"]
    assert "added" in text_of(view.status.value)


def test_renaming_a_rated_skill_to_a_misspelling_offers_the_merge(path):
    with cw.edit(path) as wb:
        wb.skills += [Skill(name="Python", importance=5), Skill(name="Scripting")]
        wb.assessments.append(Assessment(date=date(2026, 11, 1), ratings={"Scripting": 2}))
    view = ui.skills_form(ui.Session(path, today=TODAY))
    view.chooser.value = "1"  # Scripting
    view.fields["name"].value = "Pyhton"
    view.buttons["save"].click()
    said = _flat(text_of(view.status.value))
    assert "“Pyhton” looks like “Python”" in said
    assert "1 self-assessment move onto “Python”" in said
    assert cw.load(path).skill_names() == ["Python", "Scripting"]  # nothing renamed yet
    _button(view, "Merge into “Python”").click()
    wb = cw.load(path)
    assert wb.skill_names() == ["Python"] and wb.assessments[0].ratings == {"Python": 2}


def test_a_skill_two_changes_away_is_added_without_a_question(path):
    with cw.edit(path) as wb:
        wb.skills.append(Skill(name="Mentoring"))
    _add(path, "Monitoring")
    assert cw.load(path).skill_names() == ["Mentoring", "Monitoring"]


def test_a_merge_and_its_undo_run_on_a_workbook_without_a_form(path):
    """The merge's snapshot and undo lived inside the Merge button's callback: they are
    :class:`SkillMerge`, saved like any change, and its undo refuses once what it made was
    changed elsewhere (the file is then left as it is)."""
    from career_workbook.widgets.forms_skills import SkillMerge

    with cw.edit(path) as wb:
        wb.skills += [Skill(name="Python"), Skill(name="Pyhton")]
        wb.assessments.append(Assessment(date=date(2026, 11, 1), ratings={"Pyhton": 2}))
    before = cw.load(path)
    merge = SkillMerge("Pyhton", "Python")
    with cw.edit(path) as wb:
        merge.apply(wb)
    assert cw.load(path).skill_names() == ["Python"] and merge.done == \
        "merged “Pyhton” into “Python”"
    with cw.edit(path) as wb:
        merge.undo(wb)
    assert cw.load(path).model_dump() == before.model_dump()
    with cw.edit(path) as wb:
        merge.apply(wb)
    with cw.edit(path) as wb:  # rated again elsewhere after the merge
        wb.assessments[0].ratings = {"Python": 4}
    merged = cw.load(path)
    with pytest.raises(cw.WorkbookError, match="“Python” or its ratings changed since"), \
            cw.edit(path) as wb:
        merge.undo(wb)
    assert cw.load(path) == merged


def test_removing_a_rated_skill_says_why_and_offers_the_merge_into_its_twin(path):
    """A rated skill cannot be removed (its history would go): the refusal says so, and
    where another tracked skill is the same but for a version or a typing slip, it offers
    the same "Merge into" button as a rename does."""
    with cw.edit(path) as wb:
        wb.skills += [Skill(name="Python", importance=5), Skill(name="Python 3")]
        wb.assessments.append(Assessment(date=date(2026, 11, 1), ratings={"Python 3": 3}))
    before = cw.load(path)
    view = ui.skills_form(ui.Session(path, today=TODAY))
    view.chooser.value = "1"  # Python 3
    view.buttons["remove"].click()
    said = _flat(text_of(view.status.value))
    assert ("“Python 3” is still used in 1 self-assessment; it cannot simply be removed, as "
            "that would lose your history. Is it the same skill as “Python”?") in said
    assert "1 self-assessment move onto “Python”" in said
    assert cw.load(path) == before
    _button(view, "Merge into “Python”").click()
    wb = cw.load(path)
    assert wb.skill_names() == ["Python"] and wb.assessments[0].ratings == {"Python": 3}


def test_removing_a_rated_skill_with_no_twin_says_how_to_merge_it(path):
    with cw.edit(path) as wb:
        wb.skills += [Skill(name="Python"), Skill(name="Negotiation")]
        wb.assessments.append(Assessment(date=date(2026, 11, 1), ratings={"Negotiation": 2}))
    view = ui.skills_form(ui.Session(path, today=TODAY))
    view.chooser.value = "1"
    view.buttons["remove"].click()
    said = _flat(text_of(view.status.value))
    assert "it cannot simply be removed, as that would lose your history" in said
    assert "rename it to that skill’s name and the form offers to merge the two" in said
    assert not any((getattr(w, "description", "") or "").startswith("Merge")
                   and w.layout.display != "none" for w in view.children)
    # and the rename does offer it
    view.fields["name"].value = "python"
    view.buttons["save"].click()
    assert "You already track “Python”. Is “Negotiation” the same skill?" in \
        _flat(text_of(view.status.value))
