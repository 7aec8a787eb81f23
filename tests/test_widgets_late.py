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
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.widgets import late
from career_workbook.widgets.fields import make_field

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
TODAY = "2026-11-12"
SAVED = re.compile(r"Saved at \d\d:\d\d")
LATE = "(what you typed last)"


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


# ------------------------------------------------------------------ the reported case
def test_the_last_keys_of_a_check_in_come_after_the_click_and_are_saved(path):
    form = ui.check_in_form(session(path))
    before = len(cw.load(path).check_ins)
    lessons = form.fields["lessons"].widget
    typed(lessons, "Lesson 2")  # what had reached the kernel when the click came
    form.buttons["save"].click()
    assert cw.load(path).check_ins[-1].lessons == "Lesson 2"
    assert form.fields["lessons"].widget is not lessons  # the form was drawn again

    typed(lessons, "Lesson 2 <b>bold</b> end")  # the rest of the keys, after the click

    saved = cw.load(path).check_ins
    assert len(saved) == before + 1  # saved again in its place: not a second check-in
    assert saved[-1].lessons == "Lesson 2 <b>bold</b> end"
    said = form.status.value
    assert SAVED.search(said) and "check-in of 12 Nov 2026 added with" in said, said
    assert "Saved “Lessons” as “Lesson 2 &lt;b&gt;bold&lt;/b&gt; end” (what you typed last)" \
        in said, said
    assert "keys" not in said and "reached the notebook" not in said  # plain words
    assert LATE in said
    assert form.fields["lessons"].widget.value == ""  # the form is ready for the next one


def test_late_keys_of_two_boxes_and_a_slider_are_all_saved_with_the_rest(path):
    form = ui.check_in_form(session(path))
    wins, lessons = form.fields["wins"].widget, form.fields["lessons"].widget
    motivation = form.fields["motivation"].widget
    typed(wins, "Shipped draft 🎉")
    typed(motivation, 3)
    form.fields["setbacks"].value = "Flu"
    form.buttons["save"].click()

    typed(wins, "Shipped draft 🎉 <b>yay</b>")
    typed(motivation, 2)  # an arrow key pressed twice: the second came late
    typed(lessons, "Ask earlier")

    saved = cw.load(path).check_ins[-1]
    assert (saved.wins, saved.motivation, saved.lessons, saved.setbacks) == \
        ("Shipped draft 🎉 <b>yay</b>", 2, "Ask earlier", "Flu")
    assert "“Lessons” as “Ask earlier”" in form.status.value


def test_late_keys_after_a_double_click_are_saved_too(path):
    """The second click of a double click saves nothing (the form is as saved); the keys
    still on their way belong to the first."""
    form = ui.check_in_form(session(path))
    before = len(cw.load(path).check_ins)
    lessons = form.fields["lessons"].widget
    typed(lessons, "Ask")
    form.buttons["save"].click()
    form.buttons["save"].click()
    typed(lessons, "Ask earlier, not later")
    saved = cw.load(path).check_ins
    assert len(saved) == before + 1
    assert saved[-1].lessons == "Ask earlier, not later"


def test_a_value_the_form_sets_itself_after_a_save_is_not_taken_for_a_late_one(path):
    """The self-assessment refills its boxes in place after a save: the kernel's own
    changes are not the person's, and save nothing."""
    form = ui.self_assessment_form(session(path))
    form.fields["note"].value = "Felt sure"
    form.buttons["save"].click()
    after = versions(path)
    assert form.fields["note"].widget.value == ""  # refilled by the form
    form.fields["note"].value = "set by the kernel"
    assert versions(path) == after
    assert LATE not in form.status.value


def test_a_box_still_shown_takes_a_late_value_only_just_after_the_save(path, monkeypatch):
    """A box the form refilled in place can get the person's next edit: after
    LATE_SECONDS that is a new edit, left for the next Save; a box the save replaced
    can only get what was typed before it went, whenever it comes."""
    form = ui.self_assessment_form(session(path))
    note = form.fields["note"].widget
    typed(note, "Felt")
    form.buttons["save"].click()
    assert form.fields["note"].widget is note  # refilled in place
    after = versions(path)
    monkeypatch.setattr(late, "LATE_SECONDS", 0.0)
    typed(note, "Felt sure about SQL")
    assert versions(path) == after
    assert LATE not in form.status.value

    check_in = ui.check_in_form(session(path))
    lessons = check_in.fields["lessons"].widget
    typed(lessons, "Ask")
    check_in.buttons["save"].click()
    typed(lessons, "Ask earlier")  # replaced by the save: late whenever it comes
    assert cw.load(path).check_ins[-1].lessons == "Ask earlier"


def test_a_section_form_saves_the_late_value_without_a_conflict(path):
    """The person's own first save is no change "made in another window": the save is
    made again from the file as it was before it."""
    form = ui.vision_form(session(path))
    box = form.fields["long_term"].widget
    typed(box, "I lead a small analytics")
    form.buttons["save"].click()
    typed(box, "I lead a small analytics team in healthcare.")
    assert cw.load(path).vision.long_term == "I lead a small analytics team in healthcare."
    assert "Not saved" not in form.status.value and LATE in form.status.value


def test_an_edited_record_saves_the_late_value_in_place(path):
    form = ui.achievements_form(session(path))
    form.chooser.value = "0"
    title = form.fields["title"].widget
    before = cw.load(path).achievements
    typed(title, before[0].title + " for")
    form.buttons["save"].click()
    typed(title, before[0].title + " for the whole region")
    after = cw.load(path).achievements
    assert len(after) == len(before)
    assert after[0].title == before[0].title + " for the whole region"
    assert after[1:] == before[1:]


def test_a_drafted_goal_is_saved_again_with_the_deadline_of_the_whole_sentence(path):
    form = ui.goal_drafter(session(path))
    before = len(cw.load(path).goals)
    text = form.fields["text"].widget
    typed(text, "Run three SQL workshops for the planning team")
    form.buttons["save"].click()
    typed(text, "Run three SQL workshops for the planning team by 31 March 2027")
    goals = cw.load(path).goals
    assert len(goals) == before + 1
    assert goals[-1].text == "Run three SQL workshops for the planning team by 31 March 2027"
    assert goals[-1].deadline == date(2027, 3, 31)


# ------------------------------------------------------------------ when it cannot
def test_a_late_value_is_not_saved_over_a_change_made_in_another_window(path):
    form = ui.check_in_form(session(path))
    lessons = form.fields["lessons"].widget
    typed(lessons, "Lesson 2")
    form.buttons["save"].click()
    other = session(path)
    other.save(lambda wb: wb.strengths.append("Patience"))
    changed = path.read_bytes()

    typed(lessons, "Lesson 2 <b>bold</b> end")

    assert path.read_bytes() == changed  # nothing written over the other window's save
    said = form.status.value
    assert "Saved “Lessons” as “Lesson 2”, but not what you typed last, “Lesson 2 &lt;b&gt;bold" \
        in said, said
    assert "changed in another window just after your save" in said
    assert "back in the form" in said
    assert form.fields["lessons"].widget.value == "Lesson 2 <b>bold</b> end"  # not lost


def test_a_late_value_the_form_refuses_is_named_and_kept_in_the_form(path):
    form = ui.goal_drafter(session(path))
    text = form.fields["text"].widget
    typed(text, "Publish two tech notes by 30 June 2027")
    form.buttons["save"].click()
    goals = cw.load(path).goals
    typed(text, "Publish two tech notes by 30 June 2027" + " and more" * 400)
    assert cw.load(path).goals == goals
    said = form.status.value
    assert "Saved “Your goal” as “Publish two tech notes by 30 June 2027”, but not what you " \
        "typed last" in said, said
    assert "could not be saved (Your goal" in said
    assert form.fields["text"].widget.value.endswith(" and more")


def test_the_boxes_kept_for_late_values_are_closed_at_the_next_save(path):
    form = ui.check_in_form(session(path))
    lessons = form.fields["lessons"].widget
    typed(lessons, "One")
    form.buttons["save"].click()
    assert lessons.comm is not None  # kept open: the rest of its keys may still come
    form.fields["wins"].value = "Two"
    form.buttons["save"].click()
    assert lessons.comm is None
    typed(lessons, "One more")  # nobody listens any more: nothing is saved
    assert cw.load(path).check_ins[-2].lessons == "One"


def test_a_refused_save_watches_nothing(path):
    form = ui.goal_drafter(session(path))
    text = form.fields["text"].widget
    typed(text, "   ")
    form.buttons["save"].click()
    assert "must not be blank" in form.status.value or form.fields["text"].has_error
    after = versions(path)
    typed(text, "Publish two tech notes by 30 June 2027")
    assert versions(path) == after


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
