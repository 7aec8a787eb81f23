"""Deadline conventions of career_workbook.analysis.dates (used by the SMART scorer)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_workbook.analysis.dates import (
    add_months,
    end_of_month,
    find_time_expressions,
    format_date,
    normalize_text,
    parse_deadline,
    suggested_deadline,
)

T = date(2026, 11, 22)  # a Sunday; the dev set's reference date


def deadline(text: str, today: date = T) -> date | None:
    return parse_deadline(text, today)[0]


# --------------------------------------------------------------------------- explicit dates

@pytest.mark.parametrize(("text", "expected"), [
    ("Ship the dashboard by 2027-04-15", date(2027, 4, 15)),
    ("Ship it on 2027/04/15", date(2027, 4, 15)),
    ("Finish by 15 May 2027", date(2027, 5, 15)),
    ("Finish by 15th May, 2027", date(2027, 5, 15)),
    ("Finish by the 3rd of June 2027", date(2027, 6, 3)),
    ("Finish by May 15, 2027", date(2027, 5, 15)),
    ("Co-author a paper by July 31, 2027", date(2027, 7, 31)),
    ("Co-author a paper by July 31st 2027", date(2027, 7, 31)),
    ("Finish by 28 February 2027", date(2027, 2, 28)),
    ("Submit by 15-Mar-2027", date(2027, 3, 15)),
    ("Submit by 15/05/2027", date(2027, 5, 15)),      # day first ...
    ("Submit by 05/15/2027", date(2027, 5, 15)),      # ... unless only month-first is valid
    ("Submit by 31.01.2027", date(2027, 1, 31)),
    ("Submit by 31/01/27", date(2027, 1, 31)),
    ("Launch the page by 1 March", date(2027, 3, 1)),     # no year: next occurrence
    ("Launch the page by 1 December", date(2026, 12, 1)),
    ("Launch the page on 22 November", date(2026, 11, 22)),  # today counts
    ("Launch the page by March 31st", date(2027, 3, 31)),
    ("Finish the report by the 15th", date(2026, 12, 15)),
    ("Finish the report by the 30th", date(2026, 11, 30)),
    ("Finish the report by the 15th of next month", date(2026, 12, 15)),
])
def test_explicit_dates(text: str, expected: date) -> None:
    assert deadline(text) == expected


def test_day_month_on_leap_day_finds_the_next_leap_year() -> None:
    assert deadline("Run a leap-day hackathon on 29 February", date(2026, 11, 22)) == date(
        2028, 2, 29)


# --------------------------------------------------------------------------- months

@pytest.mark.parametrize(("text", "today", "expected"), [
    ("Become a team lead by December 2027", T, date(2027, 12, 31)),
    ("Ship it in Dec 2027", T, date(2027, 12, 31)),
    ("Ship it before March 2027", T, date(2027, 2, 28)),        # before: the month before
    ("Ship it until Feb 2028", T, date(2028, 2, 29)),           # leap year
    ("Ship it by Feb 2027", T, date(2027, 2, 28)),
    ("Ship it in Dec '27", T, date(2027, 12, 31)),
    ("Ship it by the end of January 2027", T, date(2027, 1, 31)),
    ("Ship it by mid-March 2027", T, date(2027, 3, 15)),
    ("Ship it by early March 2027", T, date(2027, 3, 10)),
    ("Ship it by the start of March 2027", T, date(2027, 3, 1)),
    ("Take the lead on the budget in March", T, date(2027, 3, 31)),
    ("Ship it by November", T, date(2026, 11, 30)),              # this month: still ahead
    ("Ship it by October", T, date(2027, 10, 31)),               # passed: next year
    ("Ship it by December", date(2026, 12, 5), date(2026, 12, 31)),
    ("Ship it by December", date(2026, 12, 31), date(2026, 12, 31)),
    ("Ship it in december", date(2026, 12, 20), date(2026, 12, 31)),
    ("Ship it by next March", date(2027, 3, 10), date(2028, 3, 31)),
    ("Ship it by the end of March", T, date(2027, 3, 31)),
])
def test_months(text: str, today: date, expected: date) -> None:
    assert deadline(text, today) == expected


# --------------------------------------------------------------------------- relative

@pytest.mark.parametrize(("text", "today", "expected"), [
    ("Run two workshops within 3 months", T, date(2027, 2, 22)),
    ("Meet 10 people in the next 6 months", T, date(2027, 5, 22)),
    ("Reduce it to 4 weeks within a year", T, date(2027, 11, 22)),
    ("Submit two disclosures within 9 months", T, date(2027, 8, 22)),
    ("Interview 5 PMs in 6 weeks", T, date(2027, 1, 3)),
    ("Share it with my coach within 14 days", T, date(2026, 12, 6)),
    ("Recruit two mentors within 10 weeks", T, date(2027, 1, 31)),
    ("Do it in two weeks", T, date(2026, 12, 6)),
    ("Do it within eighteen months", T, date(2028, 5, 22)),
    ("Do it within twenty-four months", T, date(2028, 11, 22)),
    ("Do it in a fortnight", T, date(2026, 12, 6)),
    ("Do it in half a year", T, date(2027, 5, 22)),
    ("Do it in a year and a half", T, date(2028, 5, 22)),
    ("Do it in 1.5 years", T, date(2028, 5, 22)),
    ("Do it within the next year", T, date(2027, 11, 22)),
    ("Do it in the next month", T, date(2026, 12, 22)),
    ("Do it in 6 weeks' time", T, date(2027, 1, 3)),
    ("Do it 3 months from now", T, date(2027, 2, 22)),
    ("Do it in a couple of months", T, date(2027, 1, 22)),
    ("Do it within 2 quarters", T, date(2027, 5, 22)),
    ("Do it in the next 90 days", T, date(2027, 2, 20)),
    ("Do it over the next 2 years", T, date(2028, 11, 22)),
    ("Meditate daily for the next 30 days", T, date(2026, 12, 22)),
    ("Meditate 10 minutes a day for 30 days", T, date(2026, 12, 22)),   # habit + window
    # calendar months clamp to the month's end; leap years
    ("Do it in a month", date(2027, 1, 31), date(2027, 2, 28)),
    ("Do it within 1 month", date(2028, 1, 31), date(2028, 2, 29)),
    ("Do it in a year", date(2028, 2, 29), date(2029, 2, 28)),
    ("Do it within 4 years", date(2028, 2, 29), date(2032, 2, 29)),
    # abbreviated units
    ("Ship v2 within 6 wks", T, date(2027, 1, 3)),
    ("Ship it in 3 mths", T, date(2027, 2, 22)),
    ("Ship it within 2 yrs", T, date(2028, 11, 22)),
    ("Do it within 3 months", date(2026, 11, 30), date(2027, 2, 28)),
])
def test_relative(text: str, today: date, expected: date) -> None:
    assert deadline(text, today) == expected


# --------------------------------------------------------------------------- periods

@pytest.mark.parametrize(("text", "today", "expected"), [
    ("Complete it by the end of Q1 2027", T, date(2027, 3, 31)),
    ("Release v2 in Q1 2027", T, date(2027, 3, 31)),
    ("Cut spend by 15% by Q3 2027", T, date(2027, 9, 30)),
    ("Open the hub by the end of Q4 2027", T, date(2027, 12, 31)),
    ("Open the hub in 2027 Q2", T, date(2027, 6, 30)),
    ("Open the hub in Q1'27", T, date(2027, 3, 31)),
    ("Open the hub in the third quarter of 2027", T, date(2027, 9, 30)),
    ("Open the hub by Q4", T, date(2026, 12, 31)),
    ("Open the hub by Q2", T, date(2027, 6, 30)),
    ("Earn the CKA by the end of the quarter", T, date(2026, 12, 31)),
    ("Earn the CKA this quarter", date(2027, 2, 3), date(2027, 3, 31)),
    ("Earn the CKA by the end of next quarter", T, date(2027, 3, 31)),
    ("Earn the CKA next quarter", date(2027, 5, 3), date(2027, 9, 30)),
    ("Publish 4 posts this year", T, date(2026, 12, 31)),
    ("Publish 4 posts by year-end", T, date(2026, 12, 31)),
    ("Publish 4 posts by the end of the year", T, date(2026, 12, 31)),
    ("Attend 3 workshops before the end of the year", T, date(2026, 12, 31)),
    ("Publish 4 posts by end of year", T, date(2026, 12, 31)),
    ("Publish 4 posts by EOY", T, date(2026, 12, 31)),
    ("Publish 4 posts within the year", T, date(2026, 12, 31)),
    ("Publish 4 posts next year", T, date(2027, 12, 31)),
    ("Record 20 hours by the end of next year", T, date(2027, 12, 31)),
    ("Publish 4 posts by the start of next year", T, date(2027, 1, 1)),
    ("Publish 4 posts the year after next", T, date(2028, 12, 31)),
    ("Pass the CFA Level I exam in 2027", T, date(2027, 12, 31)),
    ("Finish my dissertation by 2028", T, date(2028, 12, 31)),
    ("Finish my dissertation by the end of 2027", T, date(2027, 12, 31)),
    ("Finish my dissertation by mid-2027", T, date(2027, 6, 30)),
    ("Finish my dissertation by early 2027", T, date(2027, 3, 31)),
    ("Finish my dissertation by the start of 2027", T, date(2027, 1, 1)),
    ("Finish my dissertation by mid-year", T, date(2027, 6, 30)),
    ("Finish my dissertation in H1 2027", T, date(2027, 6, 30)),
    ("Finish my dissertation in H2 2027", T, date(2027, 12, 31)),
    ("Finish my dissertation in the first half of 2027", T, date(2027, 6, 30)),
    ("Finish my dissertation in the second half of next year", T, date(2027, 12, 31)),
    ("Apply for the role by next month", T, date(2026, 12, 31)),
    ("Apply for the role by the end of next month", T, date(2026, 12, 31)),
    ("Apply for the role by the end of next month", date(2027, 1, 15), date(2027, 2, 28)),
    ("Apply for the role by the end of next month", date(2027, 12, 3), date(2028, 1, 31)),
    ("Apply for the role by the end of the month", T, date(2026, 11, 30)),
    ("Apply for the role this month", date(2028, 2, 3), date(2028, 2, 29)),
    ("Apply for the role next week", T, date(2026, 11, 29)),       # weeks end on Sunday
    ("Apply for the role this week", date(2026, 11, 18), date(2026, 11, 22)),
    ("Apply for the role by the end of the decade", T, date(2029, 12, 31)),
])
def test_periods(text: str, today: date, expected: date) -> None:
    assert deadline(text, today) == expected


@pytest.mark.parametrize(("text", "today", "expected"), [
    ("Launch it by spring 2027", T, date(2027, 5, 31)),
    ("Launch it in the spring", T, date(2027, 5, 31)),
    ("Launch it by next summer", T, date(2027, 8, 31)),
    ("Launch it by summer", date(2027, 7, 1), date(2027, 8, 31)),
    ("Launch it in autumn 2027", T, date(2027, 11, 30)),
    ("Launch it in the fall", T, date(2026, 11, 30)),
    ("Launch it in winter 2027", T, date(2028, 2, 29)),
    ("Launch it by the spring of 2027", T, date(2027, 5, 31)),
    ("Launch it by Friday", T, date(2026, 11, 27)),
    ("Launch it by Sunday", T, date(2026, 11, 22)),
    ("Launch it next Sunday", T, date(2026, 11, 29)),
    ("Launch it by tomorrow", T, date(2026, 11, 23)),
    ("Launch it by end of day", T, T),
    ("Launch it before Christmas", T, date(2026, 12, 24)),       # before: Christmas Eve
    ("Launch it before Christmas", date(2026, 12, 25), date(2027, 12, 24)),
    ("Launch it before Christmas 2027", T, date(2027, 12, 24)),
    ("Launch it by Christmas", T, date(2026, 12, 25)),
    ("Write it up within 5 working days", T, date(2026, 11, 27)),
    ("Write it up within 10 business days", date(2026, 11, 25), date(2026, 12, 9)),
    ("Have the talk before the year ends", T, date(2026, 12, 31)),
    ("Have the talk before the month is over", T, date(2026, 11, 30)),
])
def test_seasons_days_and_holidays(text: str, today: date, expected: date) -> None:
    assert deadline(text, today) == expected


# --------------------------------------------------------------------------- not deadlines

@pytest.mark.parametrize("text", [
    "Learn by doing",
    "Learn by shadowing senior colleagues",
    "Create a culture of feedback within my department",
    "Work within budget",
    "Get more fluent with Microsoft 365 tools",
    "Obtain the ITIL 4 Foundation certificate",
    "Release version 2.0 of the library",
    "Migrate to Windows 2019 Server",
    "Send one thank-you note every Friday",
    "Write 500 words daily",
    "Learn more about marketing someday",
    "Get a mentor eventually",
    "Transition into data science as soon as possible",
    "Speak at a conference in the future",
    "Find a better job at some point",
    "Grow into a leadership role over the coming years",
    "Be promoted in the next few years",
    "Cut costs by 2000 dollars",
    "Cut costs by 2000",
    "Increase sales by 15%",
    "Grow to 2027 users",
    "Be less reactive in 1:1s",
    "Present the Q3 results",
    "Run a 5k in 25 minutes",
    "Answer tickets within 24 hours",
    "Volunteer for 2 days",
    "Gain 2 years of experience",
    "Meet 10 new people",
    "Finish a 3-day negotiation bootcamp",
    "Reduce onboarding from 6 weeks to 4 weeks",
    "March 10 km for charity",
    "I may 5 times",
    # per-item turnaround times, not deadlines
    "Return marked essays to students within 7 days of submission",
    "Respond to every FOI request within 20 working days",
    "Reply to every parent email within 2 days",
    # a time that already happened, or a period used as a name
    "Finish the MSc dissertation I started in 2024",
    "Finish the portfolio that was started in March 2025",
    "Prepare the Q1 2027 budget forecast",
    "Publish our March 2027 release notes",
    "",
])
def test_not_a_deadline(text: str) -> None:
    assert parse_deadline(text, T) == (None, None)


# --------------------------------------------------------------------------- phrases, kinds

def test_phrase_is_returned() -> None:
    assert parse_deadline("Complete the course by the end of Q1 2027", T) == (
        date(2027, 3, 31), "by the end of Q1 2027")
    assert parse_deadline("Meet 10 people in the next 6 months", T)[1] == "in the next 6 months"


def test_latest_date_wins() -> None:
    text = "Publish a post in May 2027 and another in June 2027"
    assert parse_deadline(text, T) == (date(2027, 6, 30), "in June 2027")


@pytest.mark.parametrize(("text", "kind"), [
    ("Deliver it before my next performance review", "window"),
    ("Earn the PMP by the end of the fiscal year", "window"),
    ("Earn the PMP by FY27", "window"),
    ("Read 20 books by the time I turn 40", "window"),
    ("Ship it before Black Friday 2027", "window"),
    ("Ask for a raise at my next review", "window"),
    ("Renew my CSCS card before it expires", "window"),
    ("Write the README before the 1.0 release", "window"),
    ("Finish the docs rewrite before v1.0", "window"),
    ("Finish the draft before the next session", "window"),
    ("Be fluent in Spanish by the time I move to Madrid", "window"),
    ("Get promoted in the next review cycle", "window"),
    ("Drop support for Node 14 in the next major release", "window"),
    ("Apply for the grant before the 2027 call closes", "window"),
    ("Finish the report within 2 weeks of the audit", "window"),
    ("Observe 6 lessons this school year", "window"),
    ("Get a mentor eventually", "vague"),
    ("Do it as soon as possible", "vague"),
    ("Grow over the coming years", "vague"),
    ("Write every Friday", "frequency"),
    ("Meditate 10 minutes a day", "frequency"),
    ("Ship it by March 2027", "date"),
])
def test_kinds(text: str, kind: str) -> None:
    kinds = [e.kind for e in find_time_expressions(normalize_text(text), T)]
    assert kinds == [kind]


def test_frequency_with_an_end_is_a_deadline() -> None:
    kinds = [(e.kind, e.phrase) for e in find_time_expressions(
        "Send one note every Friday until March", T)]
    assert kinds == [("frequency", "every Friday"), ("date", "until March")]
    assert deadline("Mentor two analysts every week until the end of March") == date(2027, 3, 31)


# --------------------------------------------------------------------------- helpers

def test_helpers() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2027, 3, 31), -1) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 2) == date(2027, 2, 15)
    assert end_of_month(2100, 2) == date(2100, 2, 28)   # not a leap year
    assert end_of_month(2000, 2) == date(2000, 2, 29)
    assert format_date(date(2027, 3, 1)) == "1 March 2027"
    assert suggested_deadline(date(2026, 11, 22)) == date(2027, 6, 30)
    assert suggested_deadline(date(2026, 8, 15)) == date(2027, 3, 31)
    assert suggested_deadline(date(2026, 1, 1)) == date(2026, 9, 30)
    assert suggested_deadline(date.max) == date.max


def test_normalize_text() -> None:
    assert normalize_text(None) == ""
    assert normalize_text(12) == "12"
    assert normalize_text("a\x00b\u202ec \u2013 d") == "a b c - d"
    assert len(normalize_text("x" * 100_000)) == 2_000


def test_today_defaults_and_type_check() -> None:
    assert parse_deadline("Ship it within 3 days")[0] == date.today() + timedelta(days=3)
    from datetime import datetime
    assert parse_deadline("Ship it within 3 days", datetime(2026, 11, 22, 15))[0] == date(
        2026, 11, 25)
    with pytest.raises(TypeError):
        parse_deadline("Ship it", "2026-11-22")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties

_WORDS = {"day": 1, "week": 7}


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 999), st.sampled_from(["day", "week", "month", "year"]),
       st.sampled_from(["within", "in", "in the next", "within the next"]),
       st.dates(date(1990, 1, 1), date(2150, 12, 31)))
def test_relative_amounts(n: int, unit: str, prep: str, today: date) -> None:
    text = f"Finish it {prep} {n} {unit}{'s' if n > 1 else ''}"
    got = deadline(text, today)
    if unit in _WORDS:
        assert got == today + timedelta(days=n * _WORDS[unit])
    else:
        assert got == add_months(today, n * (12 if unit == "year" else 1))


@settings(max_examples=200, deadline=None)
@given(st.dates(date(1990, 1, 1), date(2150, 12, 31)),
       st.sampled_from(["by the end of the quarter", "this year", "next month", "by Q2",
                        "by March", "in the spring", "by mid-year", "next week", "by Friday"]))
def test_period_deadlines_are_never_in_the_past(today: date, phrase: str) -> None:
    got = deadline(f"Ship the report {phrase}", today)
    assert got is not None and got >= today


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.dates())
def test_parse_deadline_never_raises(text: str, today: date) -> None:
    found, phrase = parse_deadline(text, today)
    assert (found is None) == (phrase is None)


# --------------------------------------------------------------------------- issue 13 / 11.3

@pytest.mark.parametrize(("text", "today", "expected"), [
    # a named event with its year happens in that year: "Attend LavaCon 2024"
    ("Attend LavaCon 2024", date(2024, 1, 3), date(2024, 12, 31)),
    ("Speak at PyCon 2027", T, date(2027, 12, 31)),
    ("Give a talk at the Open Source Summit 2027 in Vienna", T, date(2027, 12, 31)),
    # "the goal for 2026 of trying to ..."
    ("I set the goal for 2026 of trying to achieve the AWS certification",
     date(2025, 12, 28), date(2026, 12, 31)),
    ("Ship the new website by the end of April of next year", T, date(2027, 4, 30)),
    ("Present at a meetup in March next year", T, date(2027, 3, 31)),
    ("Get the AWS certificate during the September/October timeframe", T, date(2027, 10, 31)),
    ("Run the survey in the May-June window", T, date(2027, 6, 30)),
    # a plan "for the year" written late in December is for the coming year
    ("Publish a blog post every month throughout the year", date(2026, 12, 31),
     date(2027, 12, 31)),
    ("Publish a blog post every month throughout the year", date(2026, 3, 1),
     date(2026, 12, 31)),
    ("Go to the gym (once a week for 48 weeks of the year)", date(2027, 1, 2),
     date(2027, 12, 31)),
])
def test_event_years_relative_years_and_month_ranges(text: str, today: date,
                                                     expected: date) -> None:
    assert deadline(text, today) == expected


@pytest.mark.parametrize(("text", "name", "fix"), [
    ("Pass the exam by 2027-02-30", "30 February 2027", date(2027, 2, 28)),
    ("Pass the exam by 31/04/2027", "31 April 2027", date(2027, 4, 30)),
    ("Pass the exam by February 30, 2027", "30 February 2027", date(2027, 2, 28)),
    ("Pass the exam by 29 February 2027", "29 February 2027", date(2027, 2, 28)),
    ("Pass the exam by 30 February", "30 February", date(2027, 2, 28)),
])
def test_impossible_dates_are_named_not_dropped(text: str, name: str, fix: date) -> None:
    found = find_time_expressions(normalize_text(text), T)
    assert [(e.kind, e.note, e.fix, e.date) for e in found] == [("invalid", name, fix, None)]
    assert parse_deadline(text, T) == (None, None)


def test_leap_day_is_a_real_date() -> None:
    assert deadline("Pass the exam by 29 February 2028") == date(2028, 2, 29)
    assert [e.kind for e in find_time_expressions("by 2028-02-29", T)] == ["date"]


# --------------------------------------------------------------------------- red team B (dates)

D = date(2026, 12, 5)  # the red-team's today


@pytest.mark.parametrize(("text", "today", "expected"), [
    # "before" a year, month, quarter, season or day: by the day before it starts
    ("Ship the data platform before 2027", D, date(2026, 12, 31)),
    ("Ship the data platform before June 2027", D, date(2027, 5, 31)),
    ("Ship the data platform before 1 March 2027", D, date(2027, 2, 28)),
    ("Ship the data platform before 1 March 2028", D, date(2028, 2, 29)),
    ("Ship the data platform prior to 2028", D, date(2027, 12, 31)),
    ("Ship the data platform ahead of Q3 2027", D, date(2027, 6, 30)),
    ("Ship the data platform before H2 2027", D, date(2027, 6, 30)),
    ("Ship the data platform before the summer of 2027", D, date(2027, 5, 31)),
    ("Ship the data platform before winter 2027", D, date(2027, 11, 30)),
    ("Ship the data platform before 2027-04-15", D, date(2027, 4, 14)),
    ("Ship the data platform before the start of 2028", D, date(2027, 12, 31)),
    ("Ship the data platform before next year", D, date(2026, 12, 31)),
    ("Ship the data platform before next month", D, date(2026, 12, 31)),
    ("Ship it before Friday", date(2026, 12, 11), date(2026, 12, 17)),  # a Friday: next one
    ("Ship it before 20 December", date(2026, 12, 20), date(2027, 12, 19)),
    ("Ship it before April", date(2026, 4, 10), date(2027, 3, 31)),  # April begun: next one
    # "by the end of", "before the end of", "no later than", "until", "by/in/during"
    ("Ship the data platform before the end of 2027", D, date(2027, 12, 31)),
    ("Ship the data platform by the end of June 2027", D, date(2027, 6, 30)),
    ("Ship the data platform no later than June 2027", D, date(2027, 6, 30)),
    ("Ship the data platform no later than 1 March 2027", D, date(2027, 3, 1)),
    ("Ship the data platform until June 2027", D, date(2027, 6, 30)),
    ("Ship the data platform by 2027", D, date(2027, 12, 31)),
    ("Ship the data platform in 2027", D, date(2027, 12, 31)),
    ("Ship the data platform during 2027", D, date(2027, 12, 31)),
    ("Ship the data platform before the year ends", D, date(2026, 12, 31)),
])
def test_before_ends_the_day_before_what_it_names(text: str, today: date,
                                                   expected: date) -> None:
    assert deadline(text, today) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Finish the course by 13/04/2027", date(2027, 4, 13)),
    ("Finish the course by 04/13/2027", date(2027, 4, 13)),
    ("Finish the course by 2027-04-03", date(2027, 4, 3)),
    ("Finish the course by 3/3/2027", date(2027, 3, 3)),
    ("Finish the course by 28.02.2027", date(2027, 2, 28)),
])
def test_a_numeric_date_that_reads_one_way_is_read(text: str, expected: date) -> None:
    assert deadline(text, D) == expected


@pytest.mark.parametrize(("text", "shown", "readings"), [
    ("Finish the course by 03/04/2027", "03/04/2027", "3 April or 4 March"),
    ("Finish the course by 4/3/2027", "4/3/2027", "4 March or 3 April"),
    ("Finish the course by 11.12.2027", "11.12.2027", "11 December or 12 November"),
    ("Finish the course by 01/02/28", "01/02/28", "1 February or 2 January"),
])
def test_a_numeric_date_that_reads_two_ways_is_asked_not_guessed(
        text: str, shown: str, readings: str) -> None:
    found = find_time_expressions(text, D)
    assert [e.kind for e in found] == ["unclear"]
    assert found[0].note.startswith(f"“{shown}” could be {readings}: please write the month "
                                    "in words")
    assert parse_deadline(text, D) == (None, None)


def test_goal_text_and_date_box_share_one_rule_for_numeric_dates() -> None:
    """Every dd/mm/yyyy: the box and the goal reader read the same day, or both refuse."""
    from career_workbook.widgets.inputs import parse_date_text

    for a in range(1, 32):
        for b in range(1, 32):
            written = f"{a:02d}/{b:02d}/2027"
            try:
                boxed, why = parse_date_text(written), ""
            except ValueError as err:
                boxed, why = None, str(err)
            found = find_time_expressions(f"Finish it by {written}", D)
            read = parse_deadline(f"Finish it by {written}", D)[0]
            assert read == boxed, written
            if "could be" in why:
                assert found and found[0].kind == "unclear" and "could be" in found[0].note
            elif boxed is None:  # impossible: named, never silently dropped
                assert found and found[0].kind in ("invalid", "unclear"), written


@pytest.mark.parametrize(("text", "note", "better"), [
    ("Get promoted by decmber 2027", "I could not read “decmber 2027” as a date: write it "
     "like 31 December 2027.", "by December 2027"),
    ("Pass the AWS exam by Febuary 2027", "I could not read “Febuary 2027” as a date: write "
     "it like 28 February 2027.", "by February 2027"),
    ("Pass the AWS exam by 15 Septmber 2027", "I could not read “15 Septmber 2027” as a "
     "date: write it like 15 September 2027.", "by 15 September 2027"),
    ("Pass the AWS exam by Ocotber 3, 2027", "I could not read “Ocotber 3, 2027” as a date: "
     "write it like 3 October 2027.", "by October 3, 2027"),
    ("Pass the AWS exam by 2027-13-01", "“2027-13-01” is not a date: there is no month 13. "
     "Write it like 13 January 2027.", "by 13 January 2027"),
    ("Pass the AWS exam by 2027-14-20", "“2027-14-20” is not a date: there is no month 14. "
     "Write it like 31 December 2027.", ""),
])
def test_a_date_the_reader_cannot_use_is_named(text: str, note: str, better: str) -> None:
    found = [e for e in find_time_expressions(text, D) if e.kind != "frequency"]
    assert [(e.kind, e.note, e.better) for e in found] == [("unclear", note, better)]
    assert parse_deadline(text, D) == (None, None)


@pytest.mark.parametrize("text", [
    "Run the Augusta 2027 marathon",       # a name before a noun
    "Meet Jule 2027 in Berlin",            # as near June as July: no guess
    "Ship the platform by December 2027",  # real months are read as ever
    "Ship the platform by Sept 2027",
])
def test_words_near_a_month_are_not_all_misspellings(text: str) -> None:
    assert all(e.kind != "unclear" for e in find_time_expressions(text, D))


@pytest.mark.parametrize(("text", "expected"), [
    ("Pass the exam by 2025", date(2025, 12, 31)),    # a year that has passed
    ("Pass the exam by 2022", date(2022, 12, 31)),
    ("Pass the exam by yesterday", date(2026, 12, 4)),
    ("Pass the exam before yesterday", date(2026, 12, 4)),
])
def test_a_past_year_or_day_is_read_so_it_can_be_named_as_passed(text: str,
                                                                  expected: date) -> None:
    assert deadline(text, D) == expected


@pytest.mark.parametrize("text", ["Cut our cloud costs by 2000", "Raise 2030 dollars",
                                  "Prepare the 2027 budget", "Walk 2030 steps a day",
                                  "Migrate to SQL Server 2022"])
def test_amounts_names_and_past_versions_are_no_dates(text: str) -> None:
    assert [e.kind for e in find_time_expressions(text, D) if e.kind != "frequency"] == []


@pytest.mark.parametrize(("text", "shown"), [
    ("Aprobar el examen DELE B2 antes de diciembre de 2027", "diciembre de 2027"),
    ("Réussir le DELF B2 d'ici juin 2027", "d'ici juin 2027"),
    ("Bis Ende 2027 Teamleiter werden", "Bis Ende 2027"),
    ("2027年12月までにJLPT N2に合格する", "2027年12月までに"),
    ("Terminar la tesis en 2028.", "tesis en 2028"),
])
def test_a_year_in_words_not_read_is_named(text: str, shown: str) -> None:
    found = find_time_expressions(normalize_text(text), D)
    assert [e.kind for e in found] == ["unread"]
    year = found[0].phrase
    assert found[0].note == (f"I could not read “{shown}” as a deadline: if it is one, "
                             f"write it like 31 December {year}.")


# T15: the relative phrases typed on the last day of a month or year read as they do on any
# other day: "next Friday" typed on a Thursday is the day after (31 Dec 2026 as on 24 Dec),
# weeks run Monday to Sunday, months step by the calendar.
@pytest.mark.parametrize(("text", "today", "expected"), [
    ("by next Friday", date(2026, 12, 24), date(2026, 12, 25)),
    ("by next Friday", date(2026, 12, 31), date(2027, 1, 1)),
    ("by next Friday", date(2027, 1, 1), date(2027, 1, 8)),
    ("by next week", date(2026, 12, 31), date(2027, 1, 10)),
    ("by the end of next month", date(2026, 12, 31), date(2027, 1, 31)),
    ("by the end of next month", date(2028, 2, 29), date(2028, 3, 31)),
    ("by the end of next month", date(2027, 4, 30), date(2027, 5, 31)),
    ("in two weeks", date(2026, 12, 31), date(2027, 1, 14)),
    ("within a month", date(2027, 1, 31), date(2027, 2, 28)),
    ("this weekend", date(2026, 12, 31), date(2027, 1, 3)),
    ("next weekend", date(2026, 12, 31), date(2027, 1, 3)),
    # old code: "next weekend" typed on a Saturday or Sunday was that very weekend
    ("by next weekend", date(2027, 1, 2), date(2027, 1, 10)),
    ("next weekend", date(2026, 12, 27), date(2027, 1, 3)),
    ("next weekend", date(2027, 2, 28), date(2027, 3, 7)),
    ("this weekend", date(2027, 2, 28), date(2027, 2, 28)),
])
def test_relative_phrases_at_the_ends_of_months_and_years(text, today, expected) -> None:
    assert parse_deadline(f"Send the portfolio to three recruiters {text}", today)[0] == expected
