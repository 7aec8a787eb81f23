"""Typed dates and numbers: impossible dates are named and never erase a stored value.

Issue 11 item 3: "About you", start date 02/30/2027, Save -> "✓ Saved" and ``start_date``
disappeared from the YAML (the browser's date picker turned the text into "no date").
"""

from __future__ import annotations

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
    Skill,
)
from career_workbook.widgets.inputs import DATE_PLACEHOLDER, parse_date_text, parse_number_text

TODAY = "2026-11-22"
STORED = date(2026, 10, 1)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Sam Lee", today=STORED)
    wb.skills.append(Skill(name="SQL"))
    wb.goals.append(Goal(id="g1", text="Pass the SQL certification by June 2027",
                         status="active", created=STORED, deadline=STORED,
                         milestones=[Milestone(title="Book it", due=STORED, done_on=STORED)]))
    wb.actions.append(Action(text="Book the exam", due=STORED))
    wb.contacts.append(Contact(id="c1", name="Dana", last_contact=STORED,
                               next_follow_up=STORED))
    wb.achievements.append(Achievement(date=STORED, title="Shipped"))
    wb.learning.append(LearningItem(title="SQL course", started_on=STORED,
                                    completed_on=STORED, hours=2.0, status="done"))
    p = tmp_path / "sam.yaml"
    store.save(wb, p)
    return p


def first(view):
    view.chooser.value = "0"


# form, date field, prepare (choose the stored record), where the stored date lives
DATE_FIELDS = [
    (ui.profile_form, "start_date", None, lambda wb: wb.person.start_date),
    (ui.goal_review, "deadline", None, lambda wb: wb.goals[0].deadline),
    (ui.actions_form, "due", first, lambda wb: wb.actions[0].due),
    (ui.milestones_form, "due", first, lambda wb: wb.goals[0].milestones[0].due),
    (ui.milestones_form, "done_on", first, lambda wb: wb.goals[0].milestones[0].done_on),
    (ui.contacts_form, "last_contact", first, lambda wb: wb.contacts[0].last_contact),
    (ui.contacts_form, "next_follow_up", first, lambda wb: wb.contacts[0].next_follow_up),
    (ui.achievements_form, "date", first, lambda wb: wb.achievements[0].date),
    (ui.learning_form, "started_on", first, lambda wb: wb.learning[0].started_on),
    (ui.learning_form, "completed_on", first, lambda wb: wb.learning[0].completed_on),
    (ui.check_in_form, "date", None, None),
    (ui.self_assessment_form, "date", None, None),
    (ui.feedback_form, "date", None, None),
    (ui.goal_drafter, "deadline", None, None),
    (ui.interview_planner, "due", None, None),
]


@pytest.mark.parametrize("typed", ["02/30/2027", "2027-02-30"])
@pytest.mark.parametrize("form, key, prepare, stored", DATE_FIELDS,
                         ids=lambda x: getattr(x, "__name__", x if isinstance(x, str) else ""))
def test_an_impossible_date_is_named_and_never_erases_the_stored_one(path, form, key, prepare,
                                                                    stored, typed):
    view = form(ui.Session(path, today=TODAY))
    if prepare is not None:
        prepare(view)
    field = view.fields[key]
    assert field.widget.placeholder == DATE_PLACEHOLDER
    if stored is not None:
        assert field.value == STORED
    if "text" in view.fields and not view.fields["text"].value:
        view.fields["text"].value = "Pass the SQL exam by June 2027"
    if "ratings.SQL" in view.fields:
        view.fields["ratings.SQL"].value = 3
    if "rater_id" in view.fields:
        view.fields["rater_id"].value = "P1"
    before = path.read_bytes()
    field.widget.value = typed
    assert "30 February 2027 is not a date" in field.message.value  # shown while typing
    view.buttons["save"].click()
    assert "30 February 2027 is not a date" in field.message.value
    assert "Nothing was saved" in view.status.value and "Saved at" not in view.status.value
    assert path.read_bytes() == before
    if stored is not None:
        assert stored(cw.load(path)) == STORED


def test_profile_start_date_accepts_what_people_type(path):
    view = ui.profile_form(ui.Session(path))
    view.fields["start_date"].widget.value = "30 June 2027"
    assert view.fields["start_date"].message.value == ""
    view.buttons["save"].click()
    assert cw.load(path).person.start_date == date(2027, 6, 30)
    view.fields["start_date"].widget.value = ""  # clearing on purpose is allowed
    view.buttons["save"].click()
    assert cw.load(path).person.start_date is None


@pytest.mark.parametrize("text, expected", [
    ("2027-06-30", date(2027, 6, 30)), ("2027/6/30", date(2027, 6, 30)),
    ("30/06/2027", date(2027, 6, 30)), ("06/30/2027", date(2027, 6, 30)),
    ("30.06.2027", date(2027, 6, 30)), ("30 June 2027", date(2027, 6, 30)),
    ("30 jun 2027", date(2027, 6, 30)), ("June 30, 2027", date(2027, 6, 30)),
    ("5/5/2027", date(2027, 5, 5)), ("1st March 2027", date(2027, 3, 1)),
    ("29 February 2028", date(2028, 2, 29)), ("", None),
])
def test_date_formats_people_type(text, expected):
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text, message", [
    ("2027-02-30", "30 February 2027 is not a date"),
    ("31/04/2027", "31 April 2027 is not a date"),
    ("29 Feb 2027", "29 February 2027 is not a date"),
    ("2027-13-01", "there is no month 13"),
    ("03/04/2027", "could be 3 April or 4 March"),
    ("30/06/27", "four digits"),
    ("30 Juno 2027", "“Juno” is not a month"),
    ("next Friday", "is not a date I can read"),
    ("9" * 5000, "is not a date"),
])
def test_impossible_or_ambiguous_dates_get_a_sentence(text, message):
    with pytest.raises(ValueError, match=message):
        parse_date_text(text)


def test_hours_accept_a_decimal_comma_and_name_what_cannot_be_read(path):
    view = ui.learning_form(ui.Session(path))
    first(view)
    view.fields["hours"].widget.value = "3,5"
    view.buttons["save"].click()
    assert cw.load(path).learning[0].hours == 3.5
    before = path.read_bytes()
    view.fields["hours"].widget.value = "three"
    view.buttons["save"].click()
    assert "“three” is not a number" in view.fields["hours"].message.value
    assert path.read_bytes() == before and cw.load(path).learning[0].hours == 3.5


@pytest.mark.parametrize("text, expected", [("3,5", 3.5), ("3.5", 3.5), ("10", 10.0),
                                            (" 1 000 ", 1000.0), ("", None)])
def test_numbers_people_type(text, expected):
    assert parse_number_text(text) == expected


# ------------------------------------------------------------------ properties
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_real_date_reads_back_in_every_accepted_form(day):
    forms = [day.isoformat(), f"{day.day} {day:%B} {day.year}", f"{day:%B} {day.day}, {day.year}",
             f"{day.day} {day:%b} {day.year}"]
    if day.day > 12 or day.day == day.month:
        forms += [f"{day.day:02d}/{day.month:02d}/{day.year}",
                  f"{day.month:02d}/{day.day:02d}/{day.year}"]
    for text in forms:
        assert parse_date_text(text) == day, text


@given(st.text(max_size=60))
def test_any_text_gives_a_date_none_or_a_sentence(text):
    try:
        result = parse_date_text(text)
    except ValueError as err:
        assert str(err) and "Traceback" not in str(err)
    else:
        assert result is None or isinstance(result, date)
    try:
        number = parse_number_text(text)
    except ValueError as err:
        assert "is not a number" in str(err) or "far too large" in str(err)
    else:
        assert number is None or isinstance(number, float)


def test_a_number_of_5000_digits_is_refused_with_a_sentence():
    with pytest.raises(ValueError, match="far too large"):
        parse_number_text("9" * 5000)


# ------------------------------------------- F1: a day after today, said in plain words
@pytest.mark.parametrize(("form", "key", "typed", "says"), [
    (ui.milestones_form, "done_on", "2027-01-10",
     "“Done on” is 10 Jan 2027, after today (22 Nov 2026): it records something that has "
     "already happened."),
    (ui.check_in_form, "date", "2062-11-20",
     "“Date” is 20 Nov 2062, after today (22 Nov 2026): a check-in records something that "
     "has already happened. Did you mean 2026?"),
    (ui.self_assessment_form, "date", "2026-12-31",
     "“Date” is 31 Dec 2026, after today (22 Nov 2026): a self-assessment records "
     "something that has already happened."),
])
def test_a_day_after_today_is_named_with_the_field_and_today(tmp_path, form, key, typed, says):
    import html
    import re

    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills.append(Skill(name="SQL"))
    wb.goals.append(Goal(id="g1", text="Pass the SQL exam by June 2027"))
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    before = path.read_bytes()
    view = form(ui.Session(path, today=TODAY))
    if "title" in view.fields:
        view.fields["title"].value = "Draft a study plan"
    if "ratings.SQL" in view.fields:
        view.fields["ratings.SQL"].value = 3
    view.fields[key].widget.value = typed
    view.buttons["save"].click()
    message = html.unescape(re.sub(r"<[^>]+>", "", view.fields[key].message.value))
    assert message == f"⚠ {says}"
    assert "a day that has come" not in message
    assert path.read_bytes() == before
