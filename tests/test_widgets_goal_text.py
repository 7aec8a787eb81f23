"""A goal's words can be fixed where goals are reviewed (red team B11).

Notebook 04's "Your goals" and 09's "Adapt your goals" changed only a goal's status and
confidence (09 also its deadline): a typo ("exma") could only be fixed by dropping the goal
and drafting it again, although the form says "finish, drop or reshape goals".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import ipywidgets as widgets
import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import Goal
from career_workbook.widgets import quiet
from tests.helpers.html_text import text_of

TODAY = "2026-11-22"




@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "rita.yaml"
    wb = cw.new_workbook("Rita Tester", today=date(2026, 1, 5))
    wb.goals += [
        Goal(id="g1", text="Pass the AWS exma by June 2027", status="active",
             deadline=date(2027, 6, 30), confidence=6, created=date(2026, 1, 5)),
        Goal(id="g2", text="Mentor two new analysts", status="active",
             deadline=date(2027, 3, 31), confidence=7, created=date(2026, 1, 5)),
    ]
    store.save(wb, p)
    return p


def goal(path: Path, goal_id: str = "g1") -> Goal:
    return next(g for g in cw.load(path).goals if g.id == goal_id)


@pytest.mark.parametrize("form", [ui.goals_table, ui.goal_review])
def test_a_typo_in_a_goal_is_fixed_in_place(path, form):
    view = form(ui.Session(path, today=TODAY))
    assert view.fields["text"].value == "Pass the AWS exma by June 2027"
    view.fields["text"].value = "Pass the AWS exam by June 2027 "
    view.buttons["save"].click()
    saved = goal(path)
    assert (saved.id, saved.text, saved.status, saved.deadline, saved.confidence) == (
        "g1", "Pass the AWS exam by June 2027", "active", date(2027, 6, 30), 6)
    assert len(cw.load(path).goals) == 2
    message = text_of(view.status.value)
    assert "Saved at" in message and message.endswith("— goal text changed"), message
    assert "Pass the AWS exam by June 2027" in text_of(view.children[1].value)  # the table


def test_the_other_goal_is_edited_when_chosen(path):
    view = ui.goals_table(ui.Session(path, today=TODAY))
    chooser = next(w for w in quiet.widget_tree([view]) if isinstance(w, widgets.Dropdown)
                   and w.description == "Goal")
    chooser.value = "g2"  # the form is rebuilt for that goal
    assert view.fields["text"].value == "Mentor two new analysts"
    view.fields["text"].value = "Mentor two new analysts through their first project"
    view.fields["confidence"].value = 8
    view.buttons["save"].click()
    assert goal(path, "g2").text == "Mentor two new analysts through their first project"
    assert goal(path).text == "Pass the AWS exma by June 2027"
    assert "goal text changed and confidence 8 (was 7)" in text_of(view.status.value)


@pytest.mark.parametrize("typed, said", [
    ("   ", "Goal text must not be blank"),
    ("x" * 2001, "Goal text is too long: at most 2,000 characters (now 2,001)"),
    ("Pass the AWS exam by 30 February 2027",
     "30 February 2027 is not a date (February 2027 has 28 days) — please fix the date "
     "before saving."),
])
def test_a_goal_text_the_drafter_would_refuse_is_refused_beside_the_field(path, typed, said):
    before = path.read_bytes()
    view = ui.goals_table(ui.Session(path, today=TODAY))
    view.fields["text"].value = typed
    view.buttons["save"].click()
    assert said in text_of(view.fields["text"].message.value)
    assert "Nothing was saved" in text_of(view.status.value)
    assert path.read_bytes() == before


def test_in_the_review_a_picked_deadline_lets_a_text_with_an_unreadable_date_be_saved(path):
    view = ui.goal_review(ui.Session(path, today=TODAY))
    view.fields["text"].value = "Pass the AWS exam by 31 June 2027"
    view.buttons["save"].click()
    assert ("31 June 2027 is not a date (June 2027 has 30 days) — please fix the date (or "
            "pick a deadline below) before saving.") in text_of(view.fields["text"].message.value)
    view.fields["deadline"].value = date(2027, 7, 31)
    view.buttons["save"].click()
    saved = goal(path)
    assert (saved.text, saved.deadline) == ("Pass the AWS exam by 31 June 2027",
                                            date(2027, 7, 31))
    assert "goal text changed and new deadline 31 Jul 2027" in text_of(view.status.value)


def test_a_new_date_in_the_text_moves_a_deadline_that_came_from_the_text(path):
    view = ui.goals_table(ui.Session(path, today=TODAY))
    view.fields["text"].value = "Pass the AWS exam by September 2027"
    view.buttons["save"].click()
    assert goal(path).deadline == date(2027, 9, 30)
    assert "goal text changed and new deadline 30 Sep 2027" in text_of(view.status.value)


def test_a_deadline_set_apart_from_the_text_stays_when_the_text_names_a_date(path):
    # g2's deadline (31 March 2027) was picked, not read from its words: it stays
    view = ui.goals_table(ui.Session(path, today=TODAY))
    view.state["goal_id"] = "g2"
    view.render()
    view.fields["text"].value = "Mentor two new analysts by May 2027"
    view.buttons["save"].click()
    saved = goal(path, "g2")
    assert (saved.text, saved.deadline) == ("Mentor two new analysts by May 2027",
                                            date(2027, 3, 31))


def test_a_text_fix_merges_with_a_confidence_changed_in_another_tab(path):
    tab_a = ui.goals_table(ui.Session(path, today=TODAY))
    tab_b = ui.goal_review(ui.Session(path, today=TODAY))
    tab_b.fields["confidence"].value = 3
    tab_b.buttons["save"].click()
    tab_a.fields["text"].value = "Pass the AWS exam by June 2027"
    tab_a.buttons["save"].click()
    saved = goal(path)
    assert (saved.text, saved.confidence) == ("Pass the AWS exam by June 2027", 3)
    assert ("goal text changed; kept from another tab: confidence 3 (was 6)"
            in text_of(tab_a.status.value))


def test_the_same_goal_reworded_in_two_tabs_is_a_conflict(path):
    tab_a = ui.goals_table(ui.Session(path, today=TODAY))
    tab_b = ui.goals_table(ui.Session(path, today=TODAY))
    tab_b.fields["text"].value = "Pass the AWS exam by June 2027"
    tab_b.buttons["save"].click()
    tab_a.fields["text"].value = "Pass the AWS Solutions Architect exam by June 2027"
    tab_a.buttons["save"].click()
    assert goal(path).text == "Pass the AWS exam by June 2027"
    assert "Not saved" in text_of(tab_a.status.value)
    assert "Goal text" in text_of(tab_a.status.value)
    assert tab_a.reload_button.layout.display is None  # Reload is offered


def test_a_reworded_goal_with_a_date_read_two_ways_is_asked_once_in_one_sentence():
    # the drafter's full-sentence date messages got " — please fix the date" glued after
    # their full stop when a goal was reworded
    from career_workbook.widgets.forms_goals import reworded_goal

    goal = Goal(text="Pass the exam by June 2027", deadline=date(2027, 6, 30))
    _, problem = reworded_goal(goal, "Pass the exam by 03/04/2027", today=date(2026, 12, 5),
                               deadline=date(2027, 6, 30))
    assert problem == ("“03/04/2027” could be 3 April or 4 March: please write the month in "
                       "words, e.g. 3 April 2027. Or pick a deadline below.")


def test_a_deadline_before_the_day_the_goal_was_set_is_refused_beside_the_field(path):
    """Red team: a goal set after its own deadline read 'ahead'; 09's editor saved a
    deadline picked before the day the goal was set, 04's a date in new words."""
    before = path.read_bytes()
    view = ui.goal_review(ui.Session(path, today=TODAY))
    view.fields["deadline"].value = date(2025, 12, 1)
    view.buttons["save"].click()
    assert ("Deadline 1 Dec 2025 is before the day this goal was set (5 Jan 2026): please "
            "pick a date from then on.") in text_of(view.fields["deadline"].message.value)
    assert "Nothing was saved" in text_of(view.status.value)
    view = ui.goals_table(ui.Session(path, today=TODAY))
    view.fields["text"].value = "Pass the AWS exam by November 2025"
    view.buttons["save"].click()
    assert ("The deadline in your goal, 30 Nov 2025, is before the day this goal was set "
            "(5 Jan 2026): please write a date from then on."
            ) in text_of(view.fields["text"].message.value)
    assert path.read_bytes() == before
    view = ui.goal_review(ui.Session(path, today=TODAY))  # the day it was set is fine
    view.fields["deadline"].value = date(2026, 1, 5)
    view.buttons["save"].click()
    assert goal(path).deadline == date(2026, 1, 5)


def test_a_goal_set_after_its_deadline_in_an_older_file_can_still_be_marked_done(tmp_path):
    p = tmp_path / "old.yaml"
    wb = cw.new_workbook("Rita Tester", today=date(2026, 1, 5))
    wb.goals.append(Goal(id="g1", text="Ship the report", status="active",
                         created=date(2026, 11, 1), deadline=date(2026, 3, 31)))
    store.save(wb, p)
    view = ui.goal_review(ui.Session(p, today=TODAY))
    view.fields["status"].value = "done"
    view.buttons["save"].click()
    assert goal(p).status == "done" and goal(p).deadline == date(2026, 3, 31)
