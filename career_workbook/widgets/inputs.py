"""Reading what people type into date and number boxes, with a sentence when it cannot be read.

Dates: ``2027-06-30`` (ISO), ``30 June 2027``, ``June 30, 2027``, ``30 Jun 2027``, and
``30/06/2027`` or ``06/30/2027`` when the order is clear (one number is above 12). A
day-month order that could be read both ways (``03/04/2027``) is refused with a question,
never guessed: :func:`~career_workbook.day_text.parse_date_text`, one rule for the forms,
the file checks and the CSV imports (re-exported here). Numbers accept a decimal comma
(``3,5`` is 3.5) and any keyboard's digits and marks (full-width, Arabic-Indic):
:func:`~career_workbook.number_text.parse_number_text`, one rule for the forms, the file
checks and the CSV imports (re-exported here).

Examples
--------
>>> parse_date_text("2027-06-30"), parse_date_text("30 June 2027")
(datetime.date(2027, 6, 30), datetime.date(2027, 6, 30))
>>> parse_date_text("  ") is None
True
>>> parse_date_text("02/30/2027")
Traceback (most recent call last):
...
ValueError: 30 February 2027 is not a date (February 2027 has 28 days); e.g. 02/28/2027
>>> parse_number_text("3,5")
3.5
"""

from __future__ import annotations

from datetime import date

from career_workbook.day_text import DATE_HELP, DATE_PLACEHOLDER, parse_date_text
from career_workbook.number_text import (
    UnsureNumber,
    ascii_number_text,
    parse_number_text,
    parse_whole_number_text,
)
from career_workbook.wording import (
    DAY_SLACK,
    duration,
    in_year,
    short_date,
    swapped_deadline,
    swapped_for,
    swapped_year,
    typo_year,
)

__all__ = ["DATE_HELP", "DATE_PLACEHOLDER", "format_number", "parse_date_text",
           "days_not_come", "gone_due_problem", "parse_number_text", "parse_whole_number_text",
           "past_day_problem", "swapped_year_problem", "year_question", "UnsureNumber",
           "ascii_number_text"]


def past_day_problem(day: date | None, today: date, what: str,
                     record: str = "it") -> str | None:
    """Why ``day``, given in the field ``what`` (its label in quotes; ``""``: the day
    alone), cannot be: ``record`` (a check-in, feedback) records something that has already
    happened, and ``day`` is after ``today`` by more than
    :data:`~career_workbook.wording.DAY_SLACK` (a day of slack for time zones: such a day
    is saved, and the form says it counts from that day on). ``None`` when fine.

    A year typed with two digits swapped (2062 for 2026) is recorded and then never
    counted as the latest one; the message asks, when that day in today's year has come
    (it never suggests a day it would refuse).

    >>> past_day_problem(date(2027, 1, 10), date(2026, 12, 5), "“Done on”")
    '“Done on” is 10 Jan 2027, after today (5 Dec 2026): it records something that has already happened.'
    >>> past_day_problem(date(2062, 11, 22), date(2026, 11, 22), "“Date”", "a check-in")
    '“Date” is 22 Nov 2062, after today (22 Nov 2026): a check-in records something that has already happened. Did you mean 2026?'
    >>> past_day_problem(date(2062, 12, 20), date(2026, 11, 22), "", "feedback")
    '20 Dec 2062 is after today (22 Nov 2026): feedback records something that has already happened.'
    >>> past_day_problem(date(2026, 11, 23), date(2026, 11, 22), "“Date”") is None
    True
    """  # noqa: E501
    if day is None or (day - today).days <= DAY_SLACK:
        return None
    when = (f"{what} is {short_date(day)}, after today" if what
            else f"{short_date(day)} is after today")
    text = (f"{when} ({short_date(today)}): {record} records something that has already "
            "happened.")
    if swapped_year(day, today) and (in_year(day, today.year) - today).days <= DAY_SLACK:
        text += f" Did you mean {today.year}?"
    return text


def gone_due_problem(day: date | None, stored: date | None, today: date, what: str,
                     record: str, instead: str) -> str | None:
    """Why ``day``, the day given in the field ``what`` (its label in quotes) for
    ``record`` (an action, a milestone) still to do, cannot be: it is before ``today``,
    so the step would be overdue the moment it is saved (2026 typed in December for
    January 2027). ``stored``, the day the record already had, stays allowed (an overdue
    step edited for something else); ``instead`` says what to do when it happened. A day
    of this year that next year's same day would fit (January typed in December, the
    year left as it was) is asked about: "did you mean 15 Jan 2027?".

    >>> gone_due_problem(date(2026, 1, 15), None, date(2026, 12, 6), "“Due”",
    ...                  "an action still to do", "Already done? Set Status to Done.")
    '“Due” (15 Jan 2026) is before today (6 Dec 2026): an action still to do plans a day to come. Did you mean 15 Jan 2027? Already done? Set Status to Done.'
    >>> gone_due_problem(date(2025, 3, 1), None, date(2026, 12, 6), "“Due”", "a step", "")
    '“Due” (1 Mar 2025) is before today (6 Dec 2026): a step plans a day to come. Pick a new day.'
    >>> gone_due_problem(date(2026, 1, 15), date(2026, 1, 15), date(2026, 12, 6), "“Due”",
    ...                  "an action", "") is None
    True
    >>> gone_due_problem(date(2026, 12, 6), None, date(2026, 12, 6), "“Due”", "an action", "")
    """  # noqa: E501
    if day is None or day == stored or day >= today:
        return None
    meant = _next_year(day) if day.year == today.year else None
    ask = f"Did you mean {short_date(meant)}?" if meant is not None else "Pick a new day."
    return (f"{what} ({short_date(day)}) is before today ({short_date(today)}): {record} "
            f"plans a day to come. {ask}" + (f" {instead}" if instead else ""))


def _next_year(day: date) -> date | None:
    """``day`` a year later (``None`` for 29 February, which next year lacks)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return None


def swapped_year_problem(day: date | None, today: date, what: str) -> str | None:
    """Why ``day``, a day to come for ``what`` (a follow-up), looks mistyped: its year is
    today's or next year's with two digits swapped (2062 for 2026,
    :func:`~career_workbook.wording.typo_year`), decades ahead. ``None`` when fine.
    It asks "did you mean 2026?" only when that day in that year is still to come
    (:func:`~career_workbook.wording.swapped_for`); else it asks to check the year.

    >>> swapped_year_problem(date(2062, 12, 15), date(2026, 12, 6), "“Next follow-up”")
    '“Next follow-up” is 15 Dec 2062, 36 years after today (6 Dec 2026). Did you mean 2026?'
    >>> swapped_year_problem(date(2062, 1, 5), date(2026, 12, 6), "“Next follow-up”")
    '“Next follow-up” is 5 Jan 2062, 35 years after today (6 Dec 2026): please check the year.'
    >>> swapped_year_problem(date(2072, 1, 5), date(2026, 12, 6), "“Next follow-up”").endswith(
    ...     "Did you mean 2027?")
    True
    >>> swapped_year_problem(date(2027, 1, 5), date(2026, 12, 6), "“Next follow-up”") is None
    True
    """
    if typo_year(day, today) is None:
        return None
    said = f"{what} is {short_date(day)}, {duration((day - today).days)} after today " \
           f"({short_date(today)})"
    meant = swapped_for(day, today)
    if meant is None:
        return f"{said}: please check the year."
    return f"{said}. Did you mean {meant.year}?"


def year_question(due: date | None, today: date, shown: str,
                  keep: date | None = None) -> str | None:
    """The question a form asks before saving deadline ``due`` whose year is ``today``'s
    with its digits swapped (:func:`~career_workbook.wording.swapped_deadline`), named as
    ``shown``; ``None`` for any other deadline or once the person kept this one (``keep``).
    The goal drafter, the goal review and every record form with a deadline ask it (with
    a "Keep 2062" button: :func:`~career_workbook.widgets.fields.keep_year_button`).

    >>> year_question(date(2062, 12, 31), date(2026, 12, 6), "Deadline 31 Dec 2062")
    'Deadline 31 Dec 2062 is 36 years away: did you mean 2026? Fix the year, or press “Keep 2062” if it is right.'
    >>> year_question(date(2062, 12, 31), date(2026, 12, 6), "Deadline", keep=date(2062, 12, 31))
    """  # noqa: E501
    question = None if due is None or due == keep else swapped_deadline(due, today, shown)
    if question is None:
        return None
    return f"{question} Fix the year, or press “Keep {due.year}” if it is right."


def days_not_come(values: dict, today: date, whats: dict[str, str],
                  record: str = "it") -> dict[str, str]:
    """The fields of ``values`` whose day must have come (``whats``: field -> its label in
    quotes) but is after ``today``, with :func:`past_day_problem`'s message (``record``:
    what the entry is, "an achievement").

    >>> days_not_come({"date": date(2062, 3, 1)}, date(2026, 11, 22), {"date": "“Date”"},
    ...               "an achievement")
    {'date': '“Date” is 1 Mar 2062, after today (22 Nov 2026): an achievement records something that has already happened. Did you mean 2026?'}
    >>> days_not_come({"date": date(2026, 3, 1)}, date(2026, 11, 22), {"date": "“Date”"})
    {}
    """  # noqa: E501
    found = {key: past_day_problem(values.get(key), today, what, record)
             for key, what in whats.items()}
    return {key: text for key, text in found.items() if text}


def format_number(value: float | None) -> str:
    """A number as the box shows it: ``12.5``, ``3`` (no ``.0``), blank for ``None``.

    >>> format_number(3.0), format_number(12.5), format_number(None)
    ('3', '12.5', '')
    """
    if value is None:
        return ""
    return f"{value:g}" if abs(value) < 1e15 else str(value)
