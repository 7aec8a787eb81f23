"""Forms of notebooks 06-08 driven as a person would (red-team walk of 06, 07 and 08).

Each test sets the fields, clicks, then reads the message beside the field and the saved
file. Today is 5 December 2026, as in the walk.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import Contact, Goal, LearningItem, Milestone, Skill
from career_workbook.wording import duration, relative

TODAY = "2026-12-05"


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&#x27;", "'").replace("&quot;", '"')


def said(view, key: str) -> str:
    """What the form says beside field ``key``."""
    return text_of(view.fields[key].message.value)


def all_html(widget) -> str:
    found = [widget.value] if isinstance(getattr(widget, "value", None), str) else []
    for child in getattr(widget, "children", ()):
        found.append(all_html(child))
    return "\n".join(found)


def all_text(widget) -> str:
    return text_of(all_html(widget))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills.append(Skill(name="SQL"))
    wb.goals.append(Goal(id="g1", text="Pass the SQL certification by March 2027",
                         status="active", created=date(2026, 1, 5),
                         deadline=date(2027, 3, 31)))
    wb.contacts.append(Contact(id="c1", name="Dana Lee", relationship="mentor"))
    p = tmp_path / "sam.yaml"
    store.save(wb, p)
    return p


def session(path: Path) -> ui.Session:
    return ui.Session(path, today=TODAY)


def choose(view, index: int) -> None:
    view.chooser.value = view.chooser.options[index + 1][1]


# ------------------------------------------------------------ 06 milestones
@pytest.mark.parametrize("done_on, shown", [("2030-01-01", "1 Jan 2030"),
                                            ("2027-01-10", "10 Jan 2027")])
def test_a_milestone_done_on_a_day_to_come_is_refused(path, done_on, shown):
    # The list showed it ✓ while the timeline (as of today) did not count it.
    before = path.read_bytes()
    view = ui.milestones_form(session(path))
    view.fields["title"].value = "Draft study plan"
    view.fields["done_on"].widget.value = done_on
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert (f"“Done on” records a day that has come: {shown} is after today (5 Dec 2026)"
            in said(view, "done_on"))
    view.fields["done_on"].widget.value = "2026-12-05"
    view.buttons["save"].click()
    [m] = cw.load(path).goals[0].milestones
    assert (m.title, m.done_on) == ("Draft study plan", date(2026, 12, 5))


@pytest.mark.parametrize("due, shown", [("9999-12-31", "31 Dec 9999"),
                                        ("2027-04-01", "1 Apr 2027")])
def test_a_milestone_due_after_its_goal_is_refused_naming_both_days(path, due, shown):
    before = path.read_bytes()
    view = ui.milestones_form(session(path))
    view.fields["title"].value = "Book the exam"
    view.fields["due"].widget.value = due
    view.buttons["save"].click()
    assert path.read_bytes() == before
    message = said(view, "due")
    assert f"“Due” ({shown}) is after the goal’s deadline (31 Mar 2027)" in message
    assert "on or before 31 Mar 2027" in message
    view.fields["due"].widget.value = "2027-03-31"  # the deadline itself is fine
    view.buttons["save"].click()
    assert cw.load(path).goals[0].milestones == [Milestone(title="Book the exam",
                                                           due=date(2027, 3, 31))]


def test_a_goal_without_a_deadline_takes_any_milestone_due_day(path):
    with cw.edit(path) as wb:
        wb.goals[0].deadline = None
    view = ui.milestones_form(session(path))
    view.fields["title"].value = "Book the exam"
    view.fields["due"].widget.value = "2028-01-01"
    view.buttons["save"].click()
    assert cw.load(path).goals[0].milestones[0].due == date(2028, 1, 1)


# ------------------------------------------------------------ durations in words
@pytest.mark.parametrize("days, words", [
    (2405, "6 years"), (2540, "6 years"), (2557, "7 years"), (730, "2 years"),
    (714, "23 months"), (200, "7 months"), (55, "8 weeks"), (13, "13 days"),
])
def test_duration_counts_whole_years_and_keeps_the_shorter_units(days, words):
    assert duration(days) == words
    assert relative(-days) == f"{words} ago"


# ------------------------------------------------------------ 08 learning dates
def test_a_course_completed_before_it_started_is_refused_naming_both(path):
    before = path.read_bytes()
    view = ui.learning_form(session(path))
    view.fields["title"].value = "Python course"
    view.fields["hours"].widget.value = "12"
    view.fields["status"].value = "done"
    view.fields["started_on"].widget.value = "2026-12-01"
    view.fields["completed_on"].widget.value = "2026-11-01"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert ("“Completed on” (1 Nov 2026) is before “Started on” (1 Dec 2026)"
            in said(view, "completed_on"))
    view.fields["started_on"].widget.value = "2026-10-01"
    view.buttons["save"].click()
    [item] = cw.load(path).learning
    assert (item.started_on, item.completed_on, item.status) == (
        date(2026, 10, 1), date(2026, 11, 1), "done")


@pytest.mark.parametrize("status, label", [("planned", "Planned"),
                                           ("in_progress", "In progress")])
def test_a_completion_date_on_learning_not_done_is_asked_about(path, status, label):
    # A planned course with a completion date was charted as 12 hours learnt.
    before = path.read_bytes()
    view = ui.learning_form(session(path))
    view.fields["title"].value = "Python course"
    view.fields["hours"].widget.value = "12"
    view.fields["status"].value = status
    view.fields["completed_on"].widget.value = "2026-11-01"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    message = said(view, "completed_on")
    assert f"this item is “{label}”: set Status to Done, or clear the date" in message
    view.fields["status"].value = "done"
    view.buttons["save"].click()
    assert cw.load(path).learning == [LearningItem(title="Python course", hours=12.0,
                                                   status="done",
                                                   completed_on=date(2026, 11, 1))]


def test_skills_fields_with_nothing_to_choose_say_where_skills_come_from(tmp_path):
    p = tmp_path / "new.yaml"
    store.new(p, "Sam Lee", today=date(2026, 11, 1))
    for form in (ui.achievements_form, ui.learning_form):
        text = all_text(form(ui.Session(p, today=TODAY, notebook="08_achievements_learning")))
        assert "add yours in notebook 01 (self-assessment)" in text
        assert "notebook 05 (skill gap)" in text
