"""T8b: a form left open past midnight shows, and saves, the new day in a Date box the person
did not type in; a date they typed stays."""

from __future__ import annotations

from datetime import date

import pytest

from career_workbook.model import Contact
from career_workbook.widgets import session as session_mod
from career_workbook.widgets.display import refresh_button
from career_workbook.widgets.forms_network import interview_planner
from career_workbook.widgets.forms_review import check_in_form


class Clock(date):
    now = date(2026, 12, 31)

    @classmethod
    def today(cls):
        return cls.now


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(session_mod, "date", Clock)
    Clock.now = date(2026, 12, 31)
    return Clock


@pytest.fixture
def opened(tmp_path, clock):
    """A notebook opened at 23:50 on 31 December, with its check-in form and the hidden
    button the page presses when the person comes back."""
    s = session_mod.Session(tmp_path / "jo.yaml")
    s.create("Jo")
    return s, check_in_form(s), refresh_button(s)


def test_a_date_box_not_typed_in_shows_the_new_day_when_the_person_comes_back(opened, clock):
    # old code: the Date box still showed 31 Dec 2026 on 1 Jan
    s, view, come_back = opened
    assert view.fields["date"].value == date(2026, 12, 31)
    clock.now = date(2027, 1, 1)
    come_back.click()
    assert view.fields["date"].value == date(2027, 1, 1)


def test_what_was_typed_stays_and_the_date_not_typed_moves(opened, clock):
    # old code: the typed text stayed, the date stayed on 31 Dec
    s, view, come_back = opened
    view.fields["wins"].value = "Gave the team talk"
    clock.now = date(2027, 1, 1)
    come_back.click()
    assert view.fields["wins"].value == "Gave the team talk"
    assert view.fields["date"].value == date(2027, 1, 1)


def test_a_date_typed_in_is_never_moved(opened, clock):
    s, view, come_back = opened
    view.fields["date"].value = date(2026, 12, 30)
    clock.now = date(2027, 1, 1)
    come_back.click()
    assert view.fields["date"].value == date(2026, 12, 30)


def test_saved_past_midnight_without_coming_back_first_the_check_in_has_the_new_day(
        opened, clock):
    # old code: saved as a check-in of 31 Dec 2026 (the day the form was built)
    s, view, _ = opened
    view.fields["wins"].value = "Gave the team talk"
    clock.now = date(2027, 1, 1)
    view.buttons["save"].click()
    assert [c.date for c in s.workbook.check_ins] == [date(2027, 1, 1)]


def test_an_interview_planned_a_week_ahead_moves_with_the_day(tmp_path, clock):
    s = session_mod.Session(tmp_path / "jo.yaml")
    s.create("Jo")
    s.save(lambda wb: wb.contacts.append(Contact(name="Ana Lopez")))
    view = interview_planner(s)
    assert view.fields["due"].value == date(2027, 1, 7)
    view.fields["questions"].value = "How did you move into data work?"
    clock.now = date(2027, 1, 1)
    refresh_button(s).click()
    assert view.fields["due"].value == date(2027, 1, 8)
