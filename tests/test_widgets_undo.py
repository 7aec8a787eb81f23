"""Undo right after "Remove this ...", in every record form (red-team walk, medium).

One click removed a record, and the only way back was "Restore an earlier version" in
notebook 00, which brings back the WHOLE file and so throws away everything saved since. Now
the status line offers Undo: it puts the record back where it was, through the locked save
(the file as it is then), once, and refuses rather than make a second copy.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import (
    Achievement,
    Action,
    Contact,
    Goal,
    LearningItem,
    Milestone,
    Opportunity,
    Skill,
    Value,
)
from tests.helpers.html_text import text_of

TODAY = "2026-12-05"
RESTORE = "Restore an earlier version"
CLICK = {"content": {"data": {"method": "custom", "content": {"event": "click"}}},
         "buffers": []}
"""The message the page sends when a button is clicked (``ButtonView._handle_click``)."""


@pytest.fixture
def path(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Ana Ruiz", today=date(2026, 1, 5))
    wb.skills += [Skill(name="Negotiation"), Skill(name="Figma", importance=5),
                  Skill(name="Spanish", category="soft")]
    wb.values += [Value(name="Craft"), Value(name="Family", importance=9),
                  Value(name="Curiosity")]
    wb.goals.append(Goal(id="g7", text="Lead the onboarding redesign by March 2027",
                         created=date(2026, 1, 5), milestones=[
                             Milestone(title="Interview five new hires"),
                             Milestone(title="Prototype the first week")]))
    wb.actions += [Action(id="a1", text="Book time with the design lead"),
                   Action(id="a2", text="Draft the interview guide", goal_id="g7"),
                   Action(id="a3", text="Follow up"), Action(id="a4", text="Follow up")]
    wb.contacts += [Contact(id="c1", name="Joss Park", organisation="Northwind"),
                    Contact(id="c2", name="Mirela Dobre", relationship="mentor")]
    wb.achievements += [Achievement(date=date(2026, 6, 2), title="Ran the first design crit"),
                        Achievement(date=date(2026, 9, 14), title="Cut onboarding to 3 days")]
    wb.learning += [LearningItem(title="Service design course", hours=6),
                    LearningItem(title="Spanish B2", skill="Spanish")]
    wb.opportunities += [Opportunity(id="o1", title="Mentor the summer interns",
                                     spotted=date(2026, 4, 1)),
                         Opportunity(id="o2", title="Speak at UX Lisbon",
                                     kind="speaking", spotted=date(2026, 5, 3))]
    p = tmp_path / "ana.yaml"
    store.save(wb, p)
    return p


def session(path: Path) -> ui.Session:
    return ui.Session(path, today=TODAY)


def status(view) -> str:
    return text_of(view.status.value)


def undo_shown(view) -> bool:
    return view._undo_button is not None and view.undo_button.layout.display != "none"


def remove(view, index: int) -> None:
    view.chooser.value = str(index)
    view.buttons["remove"].click()


def listed(path: Path, collection: str, key: str) -> list:
    wb = cw.load(path)
    items = wb.goals[0].milestones if collection == "milestones" else getattr(wb, collection)
    return [getattr(item, key) for item in items]


FORMS = [  # form, collection, identifying field, index to remove
    (ui.skills_form, "skills", "name", 1),
    (ui.values_form, "values", "name", 0),
    (ui.actions_form, "actions", "id", 1),
    (ui.milestones_form, "milestones", "title", 1),
    (ui.contacts_form, "contacts", "id", 0),
    (ui.achievements_form, "achievements", "title", 1),
    (ui.learning_form, "learning", "title", 0),
    (ui.opportunities_form, "opportunities", "id", 1),
]


@pytest.mark.parametrize("form, collection, key, index", FORMS,
                         ids=[f.__name__ for f, *_ in FORMS])
def test_undo_puts_the_removed_record_back_where_it_was(path, form, collection, key, index):
    before = listed(path, collection, key)
    whole = cw.load(path)
    view = form(session(path))
    shown = dict((v, label) for label, v in view.chooser.options)[str(index)].split(". ", 1)[1]
    remove(view, index)
    assert listed(path, collection, key) == before[:index] + before[index + 1:]
    said = status(view)
    assert f"removed “{shown}”" in said and RESTORE not in said
    assert undo_shown(view)
    assert view.undo_button.description == "Undo" and shown in view.undo_button.tooltip
    view.undo_button.click()
    assert listed(path, collection, key) == before
    assert cw.load(path) == whole  # the very record, every field, at its place
    said = status(view)
    assert said.startswith("✓ Saved at ") and f"— put back “{shown}”" in said, said
    assert RESTORE not in said and not undo_shown(view)
    assert view.chooser.value == str(index)  # shown again, as before the click


def test_undo_is_refused_when_another_tab_added_the_same_skill(path):
    view = ui.skills_form(session(path))
    remove(view, 1)  # Figma
    other = ui.skills_form(session(path))  # another tab, another kernel
    other.fields["name"].value = "figma "
    other.buttons["save"].click()
    assert "added “figma" in status(other)
    saved = path.read_bytes()
    view.undo_button.click()
    said = status(view)
    assert said.startswith("⚠ Not put back: the skill “figma (importance 3, target 4)” was "
                           "added again elsewhere since you removed it, so putting it back "
                           "would make two. Nothing was changed."), said
    assert f"“{RESTORE}” in notebook 00" in said
    assert path.read_bytes() == saved
    assert listed(path, "skills", "name") == ["Negotiation", "Spanish", "figma"]
    assert not undo_shown(view)


def test_undo_is_refused_when_another_tab_added_the_same_contact_under_a_new_id(path):
    view = ui.contacts_form(session(path))
    remove(view, 0)  # Joss Park, Northwind
    with cw.edit(path) as wb:  # e.g. the contacts import, or the form in another tab
        wb.contacts.append(Contact(id="c9", name="joss park", organisation="NORTHWIND "))
    view.undo_button.click()
    assert "Not put back: the contact “joss park" in status(view)
    assert listed(path, "contacts", "id") == ["c2", "c9"]


def test_undo_after_another_tab_restored_the_record_itself_makes_no_second_copy(path):
    view = ui.actions_form(session(path))
    remove(view, 1)
    with cw.edit(path) as wb:  # e.g. an earlier version restored in another tab
        wb.actions.insert(1, Action(id="a2", text="Draft the interview guide", goal_id="g7"))
    view.undo_button.click()
    assert "Not put back: the action “Draft the interview guide" in status(view)
    assert listed(path, "actions", "id") == ["a1", "a2", "a3", "a4"]


def test_undo_keeps_a_change_another_tab_made_to_another_record(path):
    view = ui.actions_form(session(path))
    remove(view, 2)  # a3, the first "Follow up"
    other = ui.actions_form(session(path))
    other.chooser.value = "0"
    other.fields["status"].value = "done"
    other.buttons["save"].click()
    assert "updated" in status(other)
    view.undo_button.click()
    assert "put back “Follow up (to do)”" in status(view)
    wb = cw.load(path)
    assert [a.id for a in wb.actions] == ["a1", "a2", "a3", "a4"]
    assert (wb.actions[0].status, wb.actions[0].done_on) == ("done", date(2026, 12, 5))


def test_a_record_of_the_same_name_already_there_before_is_no_reason_to_refuse(path):
    view = ui.actions_form(session(path))
    remove(view, 3)  # a4: a3 is also "Follow up", and was there all along
    view.undo_button.click()
    assert "put back “Follow up (to do)”" in status(view)
    assert listed(path, "actions", "id") == ["a1", "a2", "a3", "a4"]


def test_undo_puts_it_back_after_the_record_it_followed_when_others_moved(path):
    view = ui.values_form(session(path))
    remove(view, 1)  # Family, after Craft, before Curiosity
    with cw.edit(path) as wb:
        wb.values.insert(0, Value(name="Autonomy"))
    view.undo_button.click()
    assert listed(path, "values", "name") == ["Autonomy", "Craft", "Family", "Curiosity"]
    remove(view, 2)  # Family again
    with cw.edit(path) as wb:  # both neighbours gone: its old position
        wb.values = [v for v in wb.values if v.name not in ("Craft", "Curiosity")]
        wb.values += [Value(name="Play"), Value(name="Rest")]
    view.undo_button.click()
    assert listed(path, "values", "name") == ["Autonomy", "Play", "Family", "Rest"]
    remove(view, 2)
    with cw.edit(path) as wb:  # that position is past the end now: the end
        wb.values = [Value(name="Autonomy")]
    view.undo_button.click()
    assert listed(path, "values", "name") == ["Autonomy", "Family"]


def test_a_double_click_on_undo_puts_back_one_record(path):
    view = ui.learning_form(session(path))
    remove(view, 0)
    button = view.undo_button
    clicks = [threading.Thread(target=button._handle_msg, args=(CLICK,)) for _ in range(2)]
    for t in clicks:
        t.start()
    for t in clicks:
        t.join(timeout=30)
    assert listed(path, "learning", "title") == ["Service design course", "Spanish B2"]
    assert "put back “Service design course" in status(view)
    button.click()  # and a late third one
    assert listed(path, "learning", "title") == ["Service design course", "Spanish B2"]


def test_undo_is_only_for_the_latest_removal_until_the_form_moves_on(path):
    s = session(path)
    view = ui.skills_form(s)
    remove(view, 0)
    assert undo_shown(view)
    view.chooser.value = "0"  # another skill chosen: the form is rebuilt
    assert not undo_shown(view) and "removed" not in status(view)
    view.buttons["remove"].click()
    view.fields["name"].value = "Storytelling"
    view.buttons["save"].click()  # another save in the same form
    assert "added “Storytelling" in status(view) and not undo_shown(view)
    remove(view, 1)  # Storytelling (Spanish is used by a learning item: kept)
    ui.values_form(s).buttons["save"].click()  # a blank value: refused, nothing saved
    assert undo_shown(view)
    values = ui.values_form(s)
    values.fields["name"].value = "Play"
    values.buttons["save"].click()  # a save in another form of the notebook
    assert not undo_shown(view)
    view.undo_button.click()  # a click on the hidden button does nothing
    assert listed(path, "skills", "name") == ["Spanish"]


def test_undo_of_a_step_whose_goal_was_removed_elsewhere_says_why_and_how(path):
    view = ui.milestones_form(session(path))
    remove(view, 0)
    with cw.edit(path) as wb:
        wb.actions = [a for a in wb.actions if a.goal_id != "g7"]
        wb.goals.clear()
    view.undo_button.click()
    said = status(view)
    assert said.startswith("⚠ Not put back: this goal was removed in another window"), said
    assert f"use “{RESTORE}” in notebook 00 (Start here): it also takes back everything " \
           "saved since." in said


def test_after_two_removals_undo_puts_back_the_latest_only(path):
    view = ui.opportunities_form(session(path))
    remove(view, 0)
    remove(view, 0)
    view.undo_button.click()
    assert "put back “Speak at UX Lisbon" in status(view)
    assert listed(path, "opportunities", "id") == ["o2"]
    assert not undo_shown(view)


def shown_words(widget) -> str:
    """The words of every HTML widget in ``widget`` (not tooltips: a mouse's hover only)."""
    import ipywidgets as widgets

    found = [widget.value] if isinstance(widget, widgets.HTML) else []
    found += [shown_words(c) for c in getattr(widget, "children", ())]
    return " ".join(" ".join(text_of(w, " ").split()) for w in found)


@pytest.mark.parametrize("form, collection, key, index", FORMS,
                         ids=[f.__name__ for f, *_ in FORMS])
def test_remove_says_before_it_is_pressed_that_earlier_versions_are_kept(
        path, form, collection, key, index):
    """The reassurance was in the button's tooltip (hover only) and, after pressing, in
    Undo: a touch screen or keyboard never saw it before pressing (as W10 for Preview)."""
    view = form(session(path))
    assert "Remove" not in shown_words(view)  # adding a new one: nothing to remove
    view.chooser.value = str(index)
    said = shown_words(view)
    noun = view.buttons["remove"].description.removeprefix("Remove this ")
    assert (f"Remove this {noun} takes it out of your workbook file; earlier versions of "
            "the file are kept in its history, and Undo puts it back right after.") in said
