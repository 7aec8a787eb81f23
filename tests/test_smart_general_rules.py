"""The general rules added for issue 13 (second round), each with goals that are not in any
labelled set: what the rule accepts and, next to it, what it must still refuse."""

from __future__ import annotations

from datetime import date

import pytest

from career_workbook.analysis.smart import score_goal

TODAY = date(2026, 3, 2)


def _sm(text: str) -> tuple[bool, bool]:
    r = score_goal(text, today=TODAY)
    return r.criteria["specific"].met, r.criteria["measurable"].met


@pytest.mark.parametrize(("text", "expected"), [
    # presenting at an event is a completed act, even with an object in between
    ("Present our team's work at the engineering all-hands", (True, True)),
    ("Demo the new search page at a local meetup", (True, True)),
    ("Present our work more often", (False, False)),
    # getting a place (internship, admission) is a checkable event; a field is not a place
    ("Get an internship at a design agency", (True, True)),
    ("Get into a master's programme", (True, True)),
    ("Get a job in tech", (False, False)),
    ("Get into shape", (False, False)),
    # "make senior", "make partner": a promotion to a named level
    ("Make senior", (True, True)),
    ("Make partner at the firm", (True, True)),
    ("Make time for reading", (False, False)),
    ("Make better decisions", (False, False)),
    # a change to a measured dimension, with a concrete how, is specific (not yet measurable)
    ("Improve sleep duration by leaving my phone in another room", (True, False)),
    ("Improve my visibility by speaking up in meetings", (False, False)),
    # exploring and then reporting back produces nothing: still vague
    ("Explore the tools in Figma and share with Sam which suit us", (False, False)),
    ("Explore the app by watching at least 2 videos", (True, True)),
    # a skill named by its verb, with a loose qualifier, sets no bar
    ("Learn to cook properly", (False, False)),
    ("Learn to weld", (True, False)),
])
def test_general_rules(text: str, expected: tuple[bool, bool]) -> None:
    assert _sm(text) == expected


@pytest.mark.parametrize(("text", "today", "deadline"), [
    ("Attend two meetups a month for the rest of the year", date(2026, 3, 2), date(2026, 12, 31)),
    ("Call one customer a week for the remainder of the quarter", date(2026, 5, 4),
     date(2026, 6, 30)),
    ("Post on our blog weekly for the rest of the month", date(2026, 5, 4), date(2026, 5, 31)),
    ("My 2027 goal is to pass the CKA exam", date(2026, 12, 30), date(2027, 12, 31)),
    ("Our 2026 objective: launch the partner portal", date(2026, 1, 5), date(2026, 12, 31)),
    ("Make senior by next Christmas", date(2025, 12, 30), date(2026, 12, 25)),
    ("Make senior by next Christmas", date(2026, 6, 30), date(2026, 12, 25)),
])
def test_new_deadline_phrases(text: str, today: date, deadline: date) -> None:
    r = score_goal(text, today=today)
    assert r.deadline == deadline
    assert r.criteria["time_bound"].met


def test_a_year_goal_keeps_its_preamble() -> None:
    """Only the year is taken as the time phrase, so "My ... goal is to" is still read as a
    preamble and the action after it is scored."""
    r = score_goal("My 2025 goal is to get the Terraform Associate certification",
                   today=date(2024, 12, 31))
    assert r.criteria["specific"].met and r.criteria["measurable"].met
    assert "get" in " ".join(r.criteria["specific"].reasons).lower()


def test_a_year_that_is_not_a_goal_heading_is_not_a_deadline() -> None:
    r = score_goal("Cut the 2025 budget overrun", today=date(2026, 1, 5))
    assert r.deadline is None


@pytest.mark.parametrize(("text", "quoted"), [
    ("Take my statin daily, 90% confident", "'90% confident'"),
    ("Log my meals daily (confidence: 7 out of 10)", "'confidence: 7 out of 10'"),
])
def test_the_reason_quotes_the_stated_confidence(text: str, quoted: str) -> None:
    """The words a confidence was read from are shown when they differ from 'N/10'."""
    reasons = " ".join(score_goal(text, today=TODAY).criteria["achievable"].reasons)
    assert quoted in reasons


def test_a_plain_n_out_of_10_is_not_quoted_twice() -> None:
    reasons = score_goal("Walk 30 minutes 3 times a week (confidence 8/10)",
                         today=TODAY).criteria["achievable"].reasons
    assert reasons == ["confidence 8/10 (stated in your goal)"]
