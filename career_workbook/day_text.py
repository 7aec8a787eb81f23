"""Reading a day written by a person or a spreadsheet: one rule for the forms' date boxes,
the workbook file's checks and every CSV import. Pure: text in, a date (or a sentence
saying why not) out; no widgets, no files.

A person types ``2027-06-30`` (ISO), ``30 June 2027``, ``June 30, 2027``, ``30 Jun 2027``,
and ``30/06/2027`` or ``06/30/2027`` when the order is clear (one number is above 12). A
day-month order that could be read both ways (``03/04/2027``) is refused with a question,
never guessed (:func:`parse_date_text`), unless the caller was told which order a file uses.

A spreadsheet also writes a time of day after the date (``2026-10-03T09:12:00``,
``03/10/2026 09:12``) and, for a cell formatted as a number, its day number (``46300``):
:func:`read_sheet_day` reads both.

Examples
--------
>>> parse_date_text("2027-06-30"), parse_date_text("30 June 2027")
(datetime.date(2027, 6, 30), datetime.date(2027, 6, 30))
>>> read_sheet_day("2026-10-03T09:12:00"), read_sheet_day("46298")
((datetime.date(2026, 10, 3), False), (datetime.date(2026, 10, 3), True))
>>> read_sheet_day("03.10.2026", order="day")
(datetime.date(2026, 10, 3), False)
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from career_workbook.wording import (
    MONTH_NAMES,
    month_number,
    no_such_day,
    one_edit_apart,
    short_date,
)

__all__ = ["DATE_HELP", "DATE_ORDERS", "DATE_PLACEHOLDER", "AmbiguousDate", "both_readings",
           "date_help", "day_month_order", "parse_date_text", "read_sheet_day",
           "spreadsheet_day"]

DATE_PLACEHOLDER = "2027-06-30 or 30 Jun 2027"
"""Shown in every empty date box: the formats that are read (short enough to fit it)."""
DATE_HELP = "write it as 2027-06-30 or 30 June 2027."
"""Said after "... is not a date I can read; " (so it starts in lower case)."""
DATE_ORDERS = ("day", "month")
"""How a date written with numbers (``03/10/2026``) may be read when the caller knows:
``"day"`` first (3 October) or ``"month"`` first (10 March)."""



class AmbiguousDate(ValueError):
    """A date written with numbers that two orders of day and month read as two days
    (``03/10/2026``): the reader asks, never guesses. ``readings``: (day first, month
    first)."""

    def __init__(self, message: str, readings: tuple[date, date]) -> None:
        super().__init__(message)
        self.readings = readings


_EXAMPLE = date(2027, 6, 30)
"""The day :data:`DATE_HELP` writes: what an example takes where the text typed has none."""


def _month_named(word: str) -> int | None:
    """The month ``word`` names (a name or its short form), or is one typing slip from
    (``Febuary``; four letters or more): ``None`` otherwise."""
    folded = word.casefold()
    if (named := month_number(folded)) is not None:
        return named
    return next((n for n, name in enumerate(MONTH_NAMES)
                 if name and len(folded) >= 4 and one_edit_apart(folded, name.casefold())),
                None)


def date_help(text: str = "") -> str:
    """How to write a date that could not be read, the example made of what ``text`` has
    that can be read: its year (four digits, or two after a day and month), its month (a
    number up to 12, a name, or one typing slip from one), its day (up to that month's
    last); what it lacks comes from :data:`DATE_HELP`'s day. Written with numbers, the
    example keeps the order and marks typed; otherwise both ways :data:`DATE_HELP` says.

    >>> date_help("3rd of Febuary"), date_help("tomorrow")
    ('write it as 2027-02-03 or 3 February 2027.', 'write it as 2027-06-30 or 30 June 2027.')
    >>> date_help("31/02/2026"), date_help("2026-13-01"), date_help("3.2.26")
    ('e.g. 28/02/2026', 'e.g. 2026-01-13', 'e.g. 3.2.2026')
    """
    whole = " ".join(text.split())
    if m := re.fullmatch(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})", whole):
        year, month, day = int(m[1]), int(m[3]), int(m[4])
        if month > 12 >= day:  # year, day, month: the month is the one that can be
            month, day = day, month
        month = month if 1 <= month <= 12 else _EXAMPLE.month
        day = min(max(day, 1), calendar.monthrange(year, month)[1])
        return f"e.g. {year}{m[2]}{month:0{len(m[3])}d}{m[2]}{day:0{len(m[4])}d}"
    if m := re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})", whole):
        a, b, year = int(m[1]), int(m[3]), int(m[4]) + (2000 if len(m[4]) == 2 else 0)
        day_first = (day_month_order(a, b) or (a, b)) == (a, b)
        day, month = (a, b) if day_first else (b, a)
        month = month if 1 <= month <= 12 else _EXAMPLE.month
        day = min(max(day, 1), calendar.monthrange(year, month)[1])
        one, two = (day, month) if day_first else (month, day)
        return f"e.g. {one:0{len(m[1])}d}{m[2]}{two:0{len(m[3])}d}{m[2]}{year}"
    month = next((n for w in re.findall(r"[^\W\d_]+", whole) if (n := _month_named(w))), None)
    years = [int(n) for n in re.findall(r"(?<!\d)\d{4}(?!\d)", whole)]
    days = [int(n) for n in re.findall(r"(?<!\d)\d{1,2}(?!\d)", whole) if 1 <= int(n) <= 31]
    if month is None and not years and not days:
        return DATE_HELP
    year, month = (years or [_EXAMPLE.year])[0], month or _EXAMPLE.month
    day = min((days or [_EXAMPLE.day])[0], calendar.monthrange(year, month)[1])
    return f"write it as {date(year, month, day)} or {day} {MONTH_NAMES[month]} {year}."


def day_month_order(a: int, b: int) -> tuple[int, int] | None:
    """``(day, month)`` of a date written with numbers, ``a/b/year``; ``None`` when both
    numbers could be the month and they differ (``03/04/2027``: 3 April or 4 March), so
    neither reading is guessed. One rule for the goal text and the forms' date boxes.

    The month may still be above 12 when both numbers are (``13/14/2027``): no month at all.

    >>> day_month_order(13, 4), day_month_order(4, 13), day_month_order(3, 3)
    ((13, 4), (13, 4), (3, 3))
    >>> day_month_order(3, 4) is None
    True
    """
    if a == b or b <= 12 < a or (a > 12 and b > 12):
        return a, b
    if a <= 12 < b:
        return b, a
    return None


def both_readings(a: int, b: int) -> str:
    """The two dates an ambiguous ``a/b`` can be, day first, then month first.

    >>> both_readings(3, 4)
    '3 April or 4 March'
    """
    return f"{a} {MONTH_NAMES[b]} or {b} {MONTH_NAMES[a]}"


def _day(year: int, month: int, day: int, text: str) -> date:
    if not 1 <= month <= 12:
        raise ValueError(f"“{text}” is not a date: there is no month {month}; "
                         f"{date_help(text)}")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{no_such_day(year, month, day)}; {date_help(text)}") from None


def _year(text: str, whole: str) -> int:
    if len(text) != 4:
        raise ValueError(f"“{whole}”: write the year with four digits, "
                         f"{date_help(whole).removeprefix('write it as ')}")
    return int(text)


def _numbers(a: int, b: int, year: int, whole: str, order: str | None) -> date:
    """The day ``a/b/year`` names: by ``order`` when given (a value it cannot fit is
    refused, never read the other way), else only when one order makes a date."""
    if order is not None:
        day, month = (a, b) if order == "day" else (b, a)
        if not 1 <= month <= 12:
            first = "day" if order == "day" else "month"
            raise ValueError(f"“{whole}” is not a date written {first} first (there is no "
                             f"month {month}); write it as YYYY-MM-DD")
        return _day(year, month, day, whole)
    found = day_month_order(a, b)
    if found is None:
        raise AmbiguousDate(f"“{whole}” could be {both_readings(a, b)}: please write it as "
                            f"{year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d}",
                            (_day(year, b, a, whole), _day(year, a, b, whole)))
    if found[1] > 12:
        raise ValueError(f"“{whole}” is not a date: there is no month {min(a, b)}; "
                         f"{date_help(whole)}")
    return _day(year, found[1], found[0], whole)


def parse_date_text(text: str | None, order: str | None = None) -> date | None:
    """The date in ``text`` (``None`` when blank); ``ValueError`` with a sentence otherwise.

    ``order`` (``"day"`` or ``"month"``, see :data:`DATE_ORDERS`) says how a date written
    with numbers is read when the caller knows it (a file's dates, the person chose);
    without it only an order that is the one possible is read.

    >>> parse_date_text("2027-02-30")
    Traceback (most recent call last):
    ...
    ValueError: 30 February 2027 is not a date (February 2027 has 28 days); e.g. 2027-02-28
    >>> parse_date_text("tomorrow")
    Traceback (most recent call last):
    ...
    ValueError: “tomorrow” is not a date I can read; write it as 2027-06-30 or 30 June 2027.
    >>> parse_date_text("30/06/2027"), parse_date_text("June 30, 2027")
    (datetime.date(2027, 6, 30), datetime.date(2027, 6, 30))
    >>> parse_date_text("03/04/2027")
    Traceback (most recent call last):
    ...
    career_workbook.day_text.AmbiguousDate: “03/04/2027” could be 3 April or 4 March: please write it as 2027-04-03 or 2027-03-04
    >>> parse_date_text("03/04/2027", "month"), parse_date_text("3.4.2027", "day")
    (datetime.date(2027, 3, 4), datetime.date(2027, 4, 3))
    >>> parse_date_text("04/13/2027", "day")
    Traceback (most recent call last):
    ...
    ValueError: “04/13/2027” is not a date written day first (there is no month 13); write it as YYYY-MM-DD
    """  # noqa: E501
    whole = " ".join((text or "").split())
    if not whole:
        return None
    if len(whole) > 40:
        raise ValueError(f"“{whole[:30]}…” is not a date; {DATE_HELP}")
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", whole):
        return _day(int(m[1]), int(m[2]), int(m[3]), whole)
    if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d+)", whole):
        return _numbers(int(m[1]), int(m[2]), _year(m[3], whole), whole, order)
    words = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d+)", whole)
    if words:
        day, name, year_text = words[1], words[2], words[3]
    elif words := re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d+)", whole):
        name, day, year_text = words[1], words[2], words[3]
    else:
        raise ValueError(f"“{whole}” is not a date I can read; {date_help(whole)}")
    month = month_number(name)
    if month is None:
        raise ValueError(f"“{whole}”: “{name}” is not a month; {date_help(whole)}")
    return _day(_year(year_text, whole), month, int(day), whole)


_DAY_NUMBER = re.compile(r"(\d{5})(?:[.,]\d+)?")  # a serial day, maybe with a time as fraction
_EXCEL_DAY_0 = date(1899, 12, 30)  # Excel's 1900 date system (day 60 is its 29 Feb 1900)
_FIRST_DAY_NUMBER = date(1990, 1, 1)
_TIME_OF_DAY = re.compile(
    r"(?:[ T]|, ?)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: ?[AaPp]\.?[Mm]\.?)?"
    r"(?: ?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?$")


def spreadsheet_day(text: str, today: date | None = None) -> date | None:
    """The day a spreadsheet's day number names (Excel's and LibreOffice's 1900 date
    system; a fraction is the time of day), or ``None``: for anything but a five-digit
    number, and for a day before 1990 or after the end of next year (a count, not a date).

    >>> spreadsheet_day("46000"), spreadsheet_day("46000,75"), spreadsheet_day("12345")
    (datetime.date(2025, 12, 9), datetime.date(2025, 12, 9), None)
    """
    number = _DAY_NUMBER.fullmatch(" ".join(text.split()))
    if number is None:
        return None
    day = _EXCEL_DAY_0 + timedelta(days=int(number.group(1)))
    last = date((today or date.today()).year + 1, 12, 31)
    return day if _FIRST_DAY_NUMBER <= day <= last else None


def read_sheet_day(text: str | None, *, order: str | None = None,
                   today: date | None = None) -> tuple[date | None, bool]:
    """The day a spreadsheet's date cell names (``None`` when blank), and whether it was
    written as a day number (:func:`spreadsheet_day`: the caller says so, for the person to
    check). A time of day after the date is ignored; the date itself is read as a person's
    (:func:`parse_date_text`, with the file's ``order`` when known). ``ValueError`` with a
    sentence for anything else; a number is never read as some other day.

    >>> read_sheet_day("3 Oct 2026 09:12"), read_sheet_day("10/3/2026 9:12 AM", order="month")
    ((datetime.date(2026, 10, 3), False), (datetime.date(2026, 10, 3), False))
    >>> read_sheet_day("12345")
    Traceback (most recent call last):
    ...
    ValueError: “12345” is a number, not a date (as a spreadsheet's day number it is 18 Oct 1933); write it as 2027-06-30 or 30 June 2027.
    >>> read_sheet_day("20261003")
    Traceback (most recent call last):
    ...
    ValueError: “20261003” is a number, not a date; write it as 2027-06-30 or 30 June 2027.
    """  # noqa: E501
    whole = " ".join((text or "").split())
    if not whole:
        return None, False
    if re.fullmatch(r"[-+]?\d+(?:[.,]\d+)?", whole):
        day = spreadsheet_day(whole, today)
        if day is not None:
            return day, True
        number = _DAY_NUMBER.fullmatch(whole)
        seen = ""
        if number:
            seen = (" (as a spreadsheet's day number it is "
                    f"{short_date(_EXCEL_DAY_0 + timedelta(days=int(number[1])))})")
        raise ValueError(f"“{whole}” is a number, not a date{seen}; {DATE_HELP}")
    return parse_date_text(_TIME_OF_DAY.sub("", whole), order), False
