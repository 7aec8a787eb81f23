"""Find deadlines, time windows and vague time words in free goal text.

Everything is relative to ``today`` so results are reproducible. Conventions:

- an explicit date (``2027-04-15``, ``15 May 2027``, ``May 15, 2027``) is that date;
  a day and month without a year is its next occurrence on or after ``today``;
- a month, quarter, half, season or year is read as its **last day** ("by December 2027",
  "in Q1 2027", "until March 2027", "in 2027"), unless qualified: ``start of``/
  ``beginning of`` gives the first day, ``mid``/``middle of`` the middle, ``early`` the 10th
  of a month (31 March of a year), ``late``/``end of`` the last day;
- a month, quarter, half or season without a year is this year's if its last day is on or
  after ``today``, else next year's ("by December" in December is this December);
- "within / in / over / in the next N days|weeks|months|quarters|years" is ``today`` plus N
  calendar units; months and years step by calendar and clamp the day to the month's end
  (31 Jan + 1 month = 28/29 Feb);
- "this/next week|month|quarter|year", "by the end of the quarter", "by year-end" end with
  the last day of that period (weeks end on Sunday); "this/next weekend" is the coming
  Sunday, and "next weekend" typed on a Saturday or Sunday the one after (as "next Friday"
  typed on a Friday is a week on, and on a Thursday the day after);
- "before", "prior to" and "ahead of" end the day before the day or period they name
  starts: "before 2027" is 31 December 2026, "before June 2027" 31 May 2027, "before 1
  March 2027" 28 February 2027, "before Christmas" 24 December; "before the end of June" is
  30 June, and "by", "in", "during", "until" and "no later than" include what they name;
- seasons are meteorological (northern hemisphere): spring ends 31 May, summer 31 August,
  autumn/fall 30 November, winter YYYY ends on the last day of February YYYY+1;
- a date written with numbers (slashes, dots or dashes) is read when only one order of day
  and month makes a date (``13/04/2027``, ``30-06-2027``, ``04/13/2027``, ``3.3.2027``);
  ``03/04/2027`` could be 3 April or 4 March and is named (``'unclear'``), never guessed:
  :func:`day_month_order`, the rule of the forms' date boxes too; a month and year in
  numbers after a time word ("by 03/2027") is that month, as "by March 2027";
- a bare year counts only after a time word ("by 2027", "in 2027", "end of 2027") and not
  when a noun follows it ("by 2000 users"); a year up to :data:`RECENT_YEARS` back after
  "by"/"for" is a deadline that has passed ("by 2025"), an older one an amount ("cut costs
  by 2000"); numbers inside names ("Microsoft 365", "PyCon 2027", "version 2.0") are not
  dates.
- what looks like a date but cannot be used is named, never dropped or replaced: a day its
  month lacks ("2027-02-30", ``'invalid'``), a month that does not exist ("2027-13-01") or a
  misspelt month name ("decmber 2027", :func:`misspelt_month`; ``'unclear'``), and a year
  still to come in words the reader does not know ("antes de diciembre de 2027",
  ``'unread'``: perhaps a deadline, perhaps a name);

- units may be abbreviated ("within 6 wks", "in 3 mths", "2 yrs");
- "within N days of submission" or "answer every request within N days" is a per-item
  turnaround (no deadline); a time inside a past clause ("the thesis I started in 2024") and a
  period used as a name ("the Q1 2027 budget forecast") are not deadlines either.

Events ("before my next performance review", "by the end of FY27", "before it expires",
"within 2 weeks of the audit", "this academic year") are *windows*: time-bound but without a
date. Words such as "soon", "someday", "over the coming years" are *vague*; "every Friday" or
"weekly" are *frequencies* (a rhythm without an end).

Examples
--------
>>> from datetime import date
>>> today = date(2026, 11, 22)
>>> parse_deadline("Become a team lead by December 2027", today)
(datetime.date(2027, 12, 31), 'by December 2027')
>>> parse_deadline("Run two workshops within 3 months", today)
(datetime.date(2027, 2, 22), 'within 3 months')
>>> parse_deadline("Get fluent with Microsoft 365", today)
(None, None)
"""

from __future__ import annotations

import calendar
import contextlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from career_workbook.analysis.gated import Gated
from career_workbook.day_text import both_readings, day_month_order

__all__ = [
    "MAX_CHARS",
    "RECENT_YEARS",
    "MONTH_NAMES",
    "TimeExpression",
    "add_months",
    "as_date",
    "both_readings",
    "date_like",
    "day_month_order",
    "end_of_month",
    "find_time_expressions",
    "deadline_candidates",
    "format_date",
    "misspelt_month",
    "normalize_text",
    "parse_deadline",
    "quarter_end",
    "suggested_deadline",
]

RECENT_YEARS = 5
"""A year this many years back or fewer after "by", "for" or "within" is a deadline that
has passed ("by 2025"); an older one is an amount ("cut costs by 2000")."""

MAX_CHARS = 2_000
"""Only the first ``MAX_CHARS`` characters of a text are analysed (keeps time bounded)."""

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS.update({name.lower()[:3]: i for i, name in enumerate(MONTH_NAMES, start=1)})
_MONTHS["sept"] = 9

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

# Season -> (first month, last month); winter spans the turn of the year.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
            "winter": (12, 2)}


# --------------------------------------------------------------------------- date helpers

def end_of_month(year: int, month: int) -> date:
    """Last day of ``month`` in ``year``.

    >>> end_of_month(2028, 2)
    datetime.date(2028, 2, 29)
    """
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clamping the day to the month's end.

    >>> add_months(date(2027, 1, 31), 1)
    datetime.date(2027, 2, 28)
    >>> add_months(date(2028, 2, 29), 12)
    datetime.date(2029, 2, 28)
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def quarter_end(year: int, quarter: int) -> date:
    """Last day of quarter ``quarter`` (1-4) of ``year``.

    >>> quarter_end(2027, 3)
    datetime.date(2027, 9, 30)
    """
    return end_of_month(year, 3 * quarter)


def suggested_deadline(today: date) -> date:
    """A reasonable default deadline: the end of the quarter after next.

    >>> suggested_deadline(date(2026, 11, 22))
    datetime.date(2027, 6, 30)
    """
    first_of_quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    try:
        return add_months(first_of_quarter, 9) - timedelta(days=1)
    except (ValueError, OverflowError):  # near date.max
        return date.max


def format_date(day: date) -> str:
    """Human date, e.g. ``'31 March 2027'``.

    >>> format_date(date(2027, 3, 31))
    '31 March 2027'
    """
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


# --------------------------------------------------------------------------- normalising

_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
    "\ufff9-\ufffb]"
)
_SPACE_RE = re.compile(r"\s+")
_PUNCT_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": " - ",
    "\u2015": " - ", "\u2212": "-", "\u00a0": " ",
})


_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def _ascii_digit(m: re.Match) -> str:
    try:
        return str(unicodedata.digit(m.group(0)))
    except (TypeError, ValueError):
        return " "


def normalize_text(text: object, limit: int = MAX_CHARS) -> str:
    """Clean any input into a short single-line string; never raises.

    Non-strings become ``''`` (``None``) or their ``str()``; the text is cut to ``limit``
    characters, NFKC-normalised, control and bidi characters become spaces, curly quotes
    and dashes become ASCII, and runs of whitespace collapse to one space.

    >>> normalize_text("  Ship\\u2014the\\x00 “v2”  ")
    'Ship - the "v2"'
    >>> normalize_text("Read \\u0663 books")
    'Read 3 books'
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        try:
            text = str(text)
        except Exception:
            return ""
    text = text[:limit]
    with contextlib.suppress(Exception):  # defensive: lone surrogates and the like
        text = unicodedata.normalize("NFKC", text)[: limit + limit // 4]
    if not text.isascii():  # other scripts' digits ("٣", "३") read as 0-9
        text = _OTHER_DIGIT.sub(_ascii_digit, text)
    text = _CONTROL_RE.sub(" ", text).translate(_PUNCT_MAP)
    return _SPACE_RE.sub(" ", text).strip()


# --------------------------------------------------------------------------- patterns

@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time phrase found in a text.

    Attributes
    ----------
    start, end : int
        Span in the normalised text.
    phrase : str
        The matched words, e.g. ``'by the end of Q1 2027'``.
    kind : str
        ``'date'`` (a deadline with a date), ``'window'`` (an event such as "before my
        review": time-bound, no date), ``'vague'`` ("someday"), ``'frequency'``
        ("every Friday"), ``'invalid'`` (a date that does not exist, "2027-02-30"),
        ``'unclear'`` (a date that cannot be read for sure: "03/04/2027", "2027-13-01",
        "decmber 2027") or ``'unread'`` (a year in words the reader does not know,
        "antes de diciembre de 2027": perhaps a deadline, perhaps a name).
    date : datetime.date | None
        The deadline for ``kind == 'date'``.
    note : str
        For ``'invalid'``: the impossible date in words, e.g. ``'30 February 2027'``; for
        ``'unclear'`` and ``'unread'``: the sentence that says what could not be read and
        how to write it.
    fix : datetime.date | None
        For ``'invalid'``: the nearest real date (the last day of that month).
    better : str
        For ``'unclear'``: the phrase as it can be read, when one reading is plain (a
        misspelt month: ``'by December 2027'``); else ``''``.
    """

    start: int
    end: int
    phrase: str
    kind: str
    date: date | None = None
    note: str = ""
    fix: date | None = None
    better: str = ""


_YEAR = r"(?:19[0-9]{2}|2[01][0-9]{2})"
_YPART = (r"(?:,?[\s-]*(?P<y>" + _YEAR + r")|,?\s*'(?P<yy>[0-9]{2}))(?![0-9])")
_MONTH = (r"\b(?P<mon>january|february|march|april|may|june|july|august|september|october"
          r"|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?")
_DAY = r"(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
_PREP = (r"(?:\b(?P<prep>by|before|until|till|til|in|during|through|throughout|within|for|on"
         r"|at|no\s+later\s+than|not\s+later\s+than|ahead\s+of|prior\s+to|this|next|coming"
         r"|this\s+coming)\s+)")
_POS = (r"(?:\b(?P<pos>end|start|beginning|middle|mid|early|late|close)"
        r"(?:\s+of\s+|\s*-\s*|\s+))")
_NUM = (r"(?P<num>[0-9]{1,3}(?:\.[0-9])?|a\s+couple\s+of|couple\s+of|a\s+dozen|a\s+hundred"
        r"|one\s+hundred|half\s+an?"
        r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
        r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        r"|one|two|three|four|five|six|seven|eight|nine|ten|an?)")
_UNIT = r"(?P<unit>day|week|fortnight|month|quarter|year|wk|mth|mnth|mo|yr|qtr)"
_UNIT_ABBR = {"wk": "week", "mth": "month", "mnth": "month", "mo": "month", "yr": "year",
              "qtr": "quarter"}

_Handler = Callable[[re.Match, date, str], date | None]
_PATTERNS: list[tuple[str, _Handler, str, re.Pattern | None]] = []


def _pattern(regex: str, kind: str = "date",
             needs: str | None = None) -> Callable[[_Handler], _Handler]:
    """Register a pattern; ``needs`` is a cheap pre-check that must match the text first.

    The pattern itself is compiled when a text first passes its pre-check
    (:func:`_compiled`): most goals name a month or a duration, not both.
    """
    def register(handler: _Handler) -> _Handler:
        gate = re.compile(needs, re.IGNORECASE) if needs else None
        _PATTERNS.append((regex, handler, kind, gate))
        return handler
    return register


_COMPILED: dict[str, re.Pattern] = {}


def _compiled(regex: str) -> re.Pattern:
    """A registered pattern, compiled (case-insensitive) once per process, on first use:
    compiling all 41 took 15 ms of the import; checking the goals of the example workbook
    needs 60 % of that.

    >>> _compiled(r"\\bby\\s+may\\b").search("Done BY May").group(0)
    'BY May'
    """
    pattern = _COMPILED.get(regex)
    if pattern is None:
        pattern = _COMPILED[regex] = re.compile(regex, re.IGNORECASE)
    return pattern


_NEEDS_MONTH = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_NEEDS_UNIT = r"day|week|fortnight|month|quarter|year|decade|\b(?:wk|mth|mnth|mo|yr|qtr)s?\b"


def _group(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _year_of(m: re.Match) -> int | None:
    y = _group(m, "y")
    if y:
        return int(y)
    yy = _group(m, "yy")
    if yy:
        return 2000 + int(yy)
    return None


def _pos(m: re.Match) -> str | None:
    pos = _group(m, "pos")
    return pos.lower() if pos else None


_EXCLUSIVE = re.compile(r"(?:before|prior\s+to|ahead\s+of)\s", re.IGNORECASE)


def _exclusive(m: re.Match) -> bool:
    """The phrase starts with "before", "prior to" or "ahead of": the day (or period) it
    names is not part of the time left (see :func:`_day_before`)."""
    return _EXCLUSIVE.match(m.string, m.start()) is not None


def _from(m: re.Match, today: date) -> date:
    """The first day a yearly or weekly day may fall on: ``today``, or tomorrow after
    "before" ("before 20 December" written on 20 December means next year's)."""
    return today + timedelta(days=1) if _exclusive(m) else today


def _qualified(first: date, last: date, pos: str | None) -> date:
    """Pick the day inside [first, last] that a qualifier like 'mid' or 'start of' means."""
    if pos in ("start", "beginning"):
        return first
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if pos in ("mid", "middle"):
        if months == 1:
            return first.replace(day=15)
        mid = add_months(first, max(1, months // 2) - 1)
        return end_of_month(mid.year, mid.month)
    if pos == "early":
        if months == 1:
            return first.replace(day=10)
        early = add_months(first, max(1, months // 4) - 1)
        return end_of_month(early.year, early.month)
    return last


def _next_occurrence(today: date, period: Callable[[int], tuple[date, date]],
                     pos: str | None, strictly_next: bool = False) -> date:
    """The period of this year if its end is on/after ``today``, else next year's."""
    for year in (today.year - 1, today.year, today.year + 1, today.year + 2):
        first, last = period(year)
        if last < today or (strictly_next and first <= today):
            continue
        return _qualified(first, last, pos)
    first, last = period(today.year + 1)
    return _qualified(first, last, pos)


def _month_period(month: int) -> Callable[[int], tuple[date, date]]:
    return lambda year: (date(year, month, 1), end_of_month(year, month))


def _quarter_period(q: int) -> Callable[[int], tuple[date, date]]:
    return lambda year: (date(year, 3 * q - 2, 1), quarter_end(year, q))


def _half_period(h: int) -> Callable[[int], tuple[date, date]]:
    return lambda year: (date(year, 6 * h - 5, 1), end_of_month(year, 6 * h))


def _season_period(season: str) -> Callable[[int], tuple[date, date]]:
    first_m, last_m = _SEASONS[season]
    if first_m > last_m:
        return lambda year: (date(year, first_m, 1), end_of_month(year + 1, last_m))
    return lambda year: (date(year, first_m, 1), end_of_month(year, last_m))


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([\w.]+)\W*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


# Explicit dates -----------------------------------------------------------------------

@_pattern(_PREP + r"?(?:\bthe\s+)?\b(?P<y>" + _YEAR + r")(?P<s>[-/.])(?P<m>1[0-2]|0?[1-9])"
          r"(?P=s)(?P<d>3[01]|[12][0-9]|0?[1-9])\b(?![-/.]?[0-9])",
          needs=r"[0-9]{4}[-/.][0-9]")
def _iso(m: re.Match, today: date, text: str) -> date | None:
    return date(int(m["y"]), int(m["m"]), int(m["d"]))


@_pattern(_PREP + r"?(?<![0-9.,/:-])(?P<a>3[01]|[12][0-9]|0?[1-9])(?P<s>[/.-])"
          r"(?P<b>3[01]|[12][0-9]|0?[1-9])(?P=s)(?P<y>" + _YEAR + r"|[0-9]{2})"
          r"(?![0-9]|[.,/-][0-9])",
          needs=r"[0-9][/.-][0-9]")
def _numeric(m: re.Match, today: date, text: str) -> date | None:
    year = _numeric_year(m, text)
    order = day_month_order(int(m["a"]), int(m["b"]))
    if year is None or order is None or order[1] > 12:
        return None  # not a date, or one that could be read two ways (see _unclear)
    return date(year, order[1], order[0])


def _numeric_year(m: re.Match, text: str) -> int | None:
    """The year of a numeric date (``31/01/27`` is 2027), or None when the numbers are a
    version ("version 1.2.2027") or a dotted two-digit year."""
    if _word_before(text, m.start("a")) in ("version", "v", "release", "ver"):
        return None
    y = m["y"]
    if len(y) == 2:
        return 2000 + int(y) if m["s"] == "/" else None
    return int(y)


@_pattern(_PREP + r"?(?:\bthe\s+)?\b" + _DAY + r"(?:\s+of)?[\s-]*" + _MONTH + _YPART,
          needs=_NEEDS_MONTH)
def _day_month_year(m: re.Match, today: date, text: str) -> date | None:
    return date(_year_of(m), _MONTHS[m["mon"].lower()], int(m["d"]))


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _MONTH + r"[\s-]*" + _DAY + r"\b" + _YPART,
          needs=_NEEDS_MONTH)
def _month_day_year(m: re.Match, today: date, text: str) -> date | None:
    return date(_year_of(m), _MONTHS[m["mon"].lower()], int(m["d"]))


def _day_month_next(month: int, day: int, today: date) -> date | None:
    for year in range(today.year, today.year + 9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


_NOT_A_DAY_AFTER = Gated(
    r"\s*(?:-|–)?\s*(?:km|k|mi|miles?|kilomet\w*|%|percent|people|times|hours?|minutes?|"
    r"steps|[0-9])", re.IGNORECASE)


@_pattern(_PREP + r"?(?:\bthe\s+)?\b" + _DAY + r"(?:\s+of)?[\s-]*" + _MONTH
          + r"(?![\s,-]*(?:[0-9]|'[0-9]))",
          needs=_NEEDS_MONTH)
def _day_month(m: re.Match, today: date, text: str) -> date | None:
    if m["mon"].lower() in ("may", "mar") and not (m["prep"] or m["mon"][0].isupper()):
        return None
    return _day_month_next(_MONTHS[m["mon"].lower()], int(m["d"]), _from(m, today))


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _MONTH + r"\s+" + _DAY + r"\b(?![\s,]*(?:[0-9]|'[0-9]))",
          needs=_NEEDS_MONTH)
def _month_day(m: re.Match, today: date, text: str) -> date | None:
    if not m["prep"] and m["mon"][0].islower():
        return None
    if _NOT_A_DAY_AFTER.match(text, m.end()):
        return None
    return _day_month_next(_MONTHS[m["mon"].lower()], int(m["d"]), _from(m, today))


# Dates that cannot be read for sure ------------------------------------------------

def _example(year: int, month: int, day: int | None = None) -> str:
    """A date written the way it is read: ``day`` when that month has it, else its last."""
    last = calendar.monthrange(year, month)[1]
    return f"{day if day and day <= last else last} {MONTH_NAMES[month - 1]} {year}"


@_pattern(_PREP + r"?(?:\bthe\s+)?(?<![0-9.,/:-])\b(?P<y>" + _YEAR + r")(?P<s>[-/])"
          r"(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})(?![0-9]|[-/.][0-9])",
          kind="unclear", needs=r"[0-9]{4}[-/][0-9]")
def _iso_unreadable(m: re.Match, today: date, text: str) -> tuple[str, str] | None:
    """ "by 2027-13-01": a date written year first whose month (or day) does not exist.
    When day and month swapped make a date, that date is offered."""
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if 1 <= month <= 12 and 1 <= day <= 31:
        return None  # a real date, or a day its month lacks ("invalid", with its fix)
    shown = text[m.start("y"):m.end()]
    why = f"there is no month {month}" if not 1 <= month <= 12 else f"there is no day {day}"
    if 1 <= day <= 12 and 1 <= month <= calendar.monthrange(year, day)[1]:
        swapped = _example(year, day, month)  # day and month the other way round
        lead = text[m.start():m.start("y")]
        return (f"“{shown}” is not a date: {why}. Write it like {swapped}.",
                f"{lead}{swapped}".strip())
    return f"“{shown}” is not a date: {why}. Write it like {_example(year, 12)}.", ""


_MONTH_WORDS = tuple(name.lower() for name in MONTH_NAMES)


def _distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, change, swap two neighbours) from ``a`` to ``b``; anything
    above ``limit`` is ``limit + 1``.

    >>> _distance("decmber", "december", 2), _distance("febuary", "february", 2)
    (1, 1)
    >>> _distance("ocotber", "october", 2), _distance("platform", "march", 2)
    (1, 3)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        prev, row = row, [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        before = prev
    return min(row[-1], limit + 1)


def misspelt_month(word: str) -> int | None:
    """The month a misspelt name stands for: the one month within one edit (words of 4-5
    letters) or two (longer words); ``None`` for a real month name, a tie or no month.

    >>> misspelt_month("decmber"), misspelt_month("Febuary"), misspelt_month("juni")
    (12, 2, 6)
    >>> misspelt_month("december"), misspelt_month("jule"), misspelt_month("platform")
    (None, None, None)
    """
    low = word.lower()
    if len(low) < 4 or low in _MONTHS:
        return None
    limit = 1 if len(low) <= 5 else 2
    found = [(_distance(low, name, limit), n) for n, name in enumerate(_MONTH_WORDS, 1)]
    best = min(d for d, _ in found)
    months = [n for d, n in found if d == best]
    return months[0] if best <= limit and len(months) == 1 else None


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _POS + r"?(?:\bthe\s+)?(?:\b" + _DAY + r"(?:\s+of)?\s+)?"
          r"\b(?P<word>[a-z]{4,12})\b\.?(?:\s+(?P<d2>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?)?"
          r",?\s+(?P<y>" + _YEAR + r")(?![0-9])",
          kind="unclear", needs=r"\b(?:19|2[01])[0-9]{2}\b")
def _misspelt(m: re.Match, today: date, text: str) -> tuple[str, str] | None:
    """ "by decmber 2027", "15 Febuary 2027": a month name one or two letters off, before a
    year. It is named, with the date it may mean, never guessed into a deadline."""
    month = misspelt_month(m["word"])
    if month is None:
        return None
    nxt = _ATTRIBUTIVE_NEXT.match(text, m.end())
    if nxt is not None and nxt.group(1).lower() not in _NOT_A_NOUN or text.startswith(
            "'s", m.end()):
        return None  # a name: "the Augusta 2027 marathon"
    year, day = int(m["y"]), int(m["d"] or m["d2"] or 0)
    shown_from = m.start("d") if m["d"] else m.start("word")
    shown = text[shown_from:m.end()]
    better = (text[m.start():m.start("word")] + MONTH_NAMES[month - 1]
              + text[m.end("word"):m.end()])
    return (f"I could not read “{shown}” as a date: write it like {_example(year, month, day)}.",
            better.strip())


# Months, quarters, halves, seasons, years ------------------------------------------

@_pattern(_PREP + r"?(?:\bthe\s+)?" + _POS + r"?(?:\bthe\s+)?" + _MONTH + r"(?:\s+of)?" + _YPART,
          needs=_NEEDS_MONTH)
def _month_year(m: re.Match, today: date, text: str) -> date | None:
    year, month = _year_of(m), _MONTHS[m["mon"].lower()]
    return _qualified(date(year, month, 1), end_of_month(year, month), _pos(m))


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _POS + r"?(?:\bthe\s+)?(?<![0-9.,/:-])\b"
          r"(?P<m>1[0-2]|0?[1-9])/(?P<y>" + _YEAR + r")(?![0-9]|[.,/-][0-9])",
          needs=r"[0-9]/[12][0-9]{3}")
def _numeric_month_year(m: re.Match, today: date, text: str) -> date | None:
    """ "by 03/2027": a month and a year in numbers, read as that month (its end, unless
    "start of" or "mid" says otherwise), as "by March 2027" is.

    >>> parse_deadline("Publish 2 posts by 03/2027", today=date(2026, 12, 6))[0]
    datetime.date(2027, 3, 31)
    >>> parse_deadline("Publish 2 posts by early 6/2027", today=date(2026, 12, 6))[0]
    datetime.date(2027, 6, 10)

    Without "by", "in", "until"... before it, it is no date ("score 3/2027 points").

    >>> parse_deadline("Score 3/2027 points", today=date(2026, 12, 6))
    (None, None)
    """
    if not m["prep"] and not m["pos"]:
        return None
    year, month = int(m["y"]), int(m["m"])
    return _qualified(date(year, month, 1), end_of_month(year, month), _pos(m))


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _POS + r"?(?:\bthe\s+)?(?:month\s+of\s+)?" + _MONTH
          + r"(?![\s,-]*(?:[0-9]|'[0-9]))",
          needs=_NEEDS_MONTH)
def _month_alone(m: re.Match, today: date, text: str) -> date | None:
    prep = (m["prep"] or "").lower()
    if not prep and not m["pos"]:
        return None
    if prep in ("on", "at"):
        return None
    return _next_occurrence(today, _month_period(_MONTHS[m["mon"].lower()]), _pos(m),
                            strictly_next=prep == "next" or _exclusive(m))


_REL_YEAR = r"(?P<rel>this|next|the\s+next|the\s+following|the\s+current|the)\s+year"


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _POS + r"?(?:\bthe\s+)?"
          r"(?:\bQ(?P<q>[1-4])|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
          r"\s+quarter)"
          r"(?:(?:\s+of)?\s*(?:(?P<y>" + _YEAR + r")\b|" + _REL_YEAR + r"\b)"
          r"|\s*['/-]\s*(?P<yy>[0-9]{2})\b|\s+FY\s*'?(?P<fy>[0-9]{2})\b)?(?![0-9a-z])",
          needs=r"\bq[1-4]|quarter")
def _quarter(m: re.Match, today: date, text: str) -> date | None:
    q = int(m["q"]) if m["q"] else {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3,
                                    "3rd": 3}.get(m["qw"].lower(), 4)
    year = _year_of(m) or (2000 + int(m["fy"]) if m["fy"] else None)
    rel = (m["rel"] or "").lower()
    if rel:
        year = today.year + 1 if "next" in rel or "following" in rel else today.year
    if year is None:
        if not (m["prep"] or m["pos"]):
            return None
        return _next_occurrence(today, _quarter_period(q), _pos(m), strictly_next=_exclusive(m))
    first, last = _quarter_period(q)(year)
    return _qualified(first, last, _pos(m))


@_pattern(_PREP + r"?(?:\bthe\s+)?(?:\bend\s+of\s+)?\b(?P<y>" + _YEAR
          + r")\s*[-/ ]?\s*Q(?P<q>[1-4])\b",
          needs=r"q[1-4]")
def _year_quarter(m: re.Match, today: date, text: str) -> date | None:
    return quarter_end(int(m["y"]), int(m["q"]))


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _POS + r"?(?:\bthe\s+)?"
          r"(?:\bH(?P<h>[12])|(?P<hw>first|second|1st|2nd|latter|last)\s+half)"
          r"(?:(?:\s+of)?\s*(?:(?P<y>" + _YEAR + r")\b|" + _REL_YEAR + r"\b)"
          r"|\s*['/-]\s*(?P<yy>[0-9]{2})\b)?(?![0-9a-z])",
          needs=r"\bh[12]|half")
def _half(m: re.Match, today: date, text: str) -> date | None:
    h = int(m["h"]) if m["h"] else (1 if m["hw"].lower() in ("first", "1st") else 2)
    year = _year_of(m)
    rel = (m["rel"] or "").lower()
    if rel:
        year = today.year + 1 if "next" in rel or "following" in rel else today.year
    if year is None:
        if not (m["prep"] or m["pos"]) or m["h"] and not m["prep"]:
            return None
        return _next_occurrence(today, _half_period(h), _pos(m), strictly_next=_exclusive(m))
    first, last = _half_period(h)(year)
    return _qualified(first, last, _pos(m))


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _POS + r"?(?:\bthe\s+)?"
          r"\b(?P<season>spring|summer|autumn|fall|winter)(?:time)?"
          r"(?:\s+(?:of\s+)?(?P<y>" + _YEAR + r")|\s*'(?P<yy>[0-9]{2}))?(?![\w-])",
          needs=r"spring|summer|autumn|fall|winter")
def _season(m: re.Match, today: date, text: str) -> date | None:
    year = _year_of(m)
    prep = (m["prep"] or "").lower()
    period = _season_period(m["season"].lower())
    if year is None:
        if not (prep or m["pos"]) or prep in ("on", "at"):
            return None
        return _next_occurrence(today, period, _pos(m),
                                strictly_next=prep == "next" or _exclusive(m))
    first, last = period(year)
    return _qualified(first, last, _pos(m))


_YEAR_NOUN_OK = {
    "and", "or", "to", "at", "with", "so", "as", "when", "while", "because", "if", "then",
    "but", "for", "on", "in", "i", "the", "via", "through", "after", "before", "using", "by",
    "from", "where", "which", "that", "we", "my", "our", "latest", "is", "will", "ideally",
    "hopefully", "this", "next", "q1", "q2", "q3", "q4", "of",
}


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _POS + r"?(?:\bthe\s+)?(?:(?:calendar\s+|fiscal\s+)?year\s+)?"
          r"\b(?P<y>" + _YEAR + r")\b(?![.,:/-]?[0-9]|\s*%|'s\b)",
          needs=r"\b(?:19|2[01])[0-9]{2}\b")
def _year(m: re.Match, today: date, text: str) -> date | None:
    if not (m["prep"] or m["pos"]):
        return None
    if (m["prep"] or "").lower() in ("on", "at", "this", "next", "coming", "this coming"):
        return None
    year = int(m["y"])
    prep = (m["prep"] or "").lower()
    if year < today.year and (prep in ("by", "for", "within") and not m["pos"]
                              and year < today.year - RECENT_YEARS or year < today.year - 30):
        return None  # "cut costs by 2000" is an amount ("by 2025" a year that has passed)
    after = re.match(r"\s*([A-Za-z]+)", text[m.end():])
    if after and after.group(1).lower() not in _YEAR_NOUN_OK and after.group(1)[0].islower():
        return None
    return _qualified(date(year, 1, 1), date(year, 12, 31), _pos(m))


_REL_MONTH_YEAR = (r"(?:\s+of)?\s+(?P<rel>this|next|the\s+next|the\s+following|the\s+coming)"
                   r"\s+year\b")


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _POS + r"?(?:\bthe\s+)?" + _MONTH + _REL_MONTH_YEAR,
          needs=_NEEDS_MONTH)
def _month_rel_year(m: re.Match, today: date, text: str) -> date | None:
    """ "by the end of April of next year", "in March next year"."""
    rel = m["rel"].lower()
    year = today.year + (0 if rel == "this" else 1)
    month = _MONTHS[m["mon"].lower()]
    return _qualified(date(year, month, 1), end_of_month(year, month), _pos(m))


_MONTH2 = _MONTH.replace("?P<mon>", "?P<mon2>")


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _MONTH + r"\s*(?:/|-|\bto\b|\bor\b|\band\b|\bthrough\b)\s*"
          + _MONTH2 + r"(?:" + _YPART + r")?(?P<tf>\s+(?:time[\s-]?frame|window|period))?",
          needs=_NEEDS_MONTH)
def _month_range(m: re.Match, today: date, text: str) -> date | None:
    """ "during the September/October timeframe": the later month's last day."""
    if not (m["prep"] or m["tf"]):
        return None
    month = _MONTHS[m["mon2"].lower()]
    year = _year_of(m)
    if year is not None:
        return end_of_month(year, month)
    first = _MONTHS[m["mon"].lower()]
    span = (month - first) % 12

    def period(y: int) -> tuple[date, date]:
        last = end_of_month(y, month)
        return add_months(last.replace(day=1), -span), last
    return _next_occurrence(today, period, None)


def _working_year(today: date) -> int:
    """The year a plan "for the year" means: late in December it is the coming one."""
    return today.year + 1 if (today.month, today.day) >= (12, 15) else today.year


@_pattern(r"\b(?:throughout|during|over|across|for|in)\s+the\s+new\s+year\b(?!'s|\s+(?:eve|day))"
          r"|\b(?:throughout|during|over|across|for)\s+the\s+(?:whole\s+|entire\s+)?year\b"
          r"(?!\s+(?:after|before|ahead|of|in|[0-9]))"
          r"|\b(?:each|every)\s+(?:week|month|quarter)\s+of\s+the\s+year\b"
          r"|(?:\bfor\s+)?\b(?:[0-9]{1,3}|all)\s+(?:weeks|months|days|quarters)\s+(?:of|in|out\s+of)\s+the\s+year\b",
          needs=r"\byear\b")
def _the_year(m: re.Match, today: date, text: str) -> date | None:
    """ "throughout the year", "(once a week for 48 weeks of the year)": the working year."""
    return date(_working_year(today), 12, 31)


@_pattern(r"\b(?:for|during|over|throughout|in)\s+the\s+(?:rest|remainder)\s+of\s+the\s+"
          r"(?P<unit>year|quarter|month)\b", needs=r"rest|remainder")
def _rest_of(m: re.Match, today: date, text: str) -> date | None:
    """ "for the rest of the year": the end of the current year, quarter or month."""
    return _period_bounds(m["unit"].lower(), today, 0)[1]


@_pattern(r"\b(?P<y>" + _YEAR + r")(?=\s+(?:goals?|objectives?|okrs?|targets?|resolutions?"
          r"|plan|aims?)\b)", needs=r"\b(?:19|2[01])[0-9]{2}\b")
def _year_goal(m: re.Match, today: date, text: str) -> date | None:
    """ "My 2025 goal is to get the Terraform cert": a goal set for a year ends with it
    (only the year is taken, so "My goal is to" still reads as a preamble)."""
    if _word_before(text, m.start()) not in ("my", "our", "the"):
        return None
    return date(int(m["y"]), 12, 31)


_EVENT_BEFORE = re.compile(
    r"\b(?:attend(?:ing)?|at|go(?:ing)?\s+to|visit(?:ing)?|travel(?:ling)?\s+to|for)\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w'&.-]*\s+){1,4}$", re.IGNORECASE)


@_pattern(r"(?<=\s)(?P<y>" + _YEAR + r")\b(?![.,:/-]?[0-9])",
          needs=r"\b(?:19|2[01])[0-9]{2}\b")
def _event_year(m: re.Match, today: date, text: str) -> date | None:
    """ "Attend LavaCon 2024", "speak at PyCon 2027": the event is in that year."""
    if _EVENT_BEFORE.search(text, max(0, m.start() - 80), m.start()) is None:
        return None
    return date(int(m["y"]), 12, 31)


@_pattern(r"\b(?:make\s+)?(?P<y>" + _YEAR + r")\s+(?:is\s+|will\s+be\s+)?the\s+year\b",
          needs=r"\byear\b")
def _the_year_of(m: re.Match, today: date, text: str) -> date | None:
    """ "Make 2026 the year I switch careers"."""
    return date(int(m["y"]), 12, 31)


@_pattern(r"^\s*(?:(?:my|our|the)\s+)?(?:(?P<y>" + _YEAR + r")|H(?P<h>[12])|Q(?P<q>[1-4]))"
          r"(?:\s+(?:goals?|objectives?|okrs?|plan|resolutions?))?\s*:", needs=r":")
def _heading_period(m: re.Match, today: date, text: str) -> date | None:
    """ "H2 goal: migrate ...", "2026: ship ..." - a heading that names the period."""
    if m["y"]:
        return date(int(m["y"]), 12, 31)
    if m["h"]:
        return _next_occurrence(today, _half_period(int(m["h"])), None)
    return _next_occurrence(today, _quarter_period(int(m["q"])), None)


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm).

    >>> _easter(2026), _easter(2027)
    (datetime.date(2026, 4, 5), datetime.date(2027, 3, 28))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own names
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


@_pattern(r"\b(?:by|before|until|till|for|at|over)\s+(?P<nx>next\s+)?(?:the\s+)?easter"
          r"(?:\s+(?P<y>" + _YEAR + r"))?\b", needs=r"easter")
def _easter_day(m: re.Match, today: date, text: str) -> date | None:
    if m["y"]:
        return _easter(int(m["y"]))
    found = _easter(today.year)
    if found < _from(m, today) or m["nx"] and found - today < timedelta(days=180):
        found = _easter(today.year + 1)
    return found


@_pattern(r"\b(?:by|before|ahead\s+of|in\s+time\s+for|until)\s+(?:the\s+)?(?:(?:v|version\s*)"
          r"[0-9]+(?:\.[0-9]+)*|[0-9]+\.[0-9]+(?:\.[0-9]+)*)(?:\s+(?:release|launch|ships?|is\s+out))?"
          r"(?![\w.])", kind="window", needs=r"[0-9]\.[0-9]|\bv[0-9]|version")
def _version_release(m: re.Match, today: date, text: str) -> date | None:
    """ "before v1.0", "by the 2.0 release": a release whose date is not given."""
    return None


@_pattern(r"\b(?:by|before)\s+the\s+time\s+(?:I|we)\s+(?!(?:'m|am|turn|reach)\b)[a-z]+\b"
          r"|\b(?:in|during|at|with)\s+(?:my|our|the)\s+(?:next|upcoming|coming)\s+(?:major\s+"
          r"|minor\s+)?(?:review|promotion|performance|appraisal|planning|release|version|sprint"
          r"|iteration)(?:\s+(?:cycle|round|period|window))?\b",
          kind="window", needs=r"time|next|upcoming|coming")
def _time_clause(m: re.Match, today: date, text: str) -> date | None:
    """ "by the time I move to Madrid", "in the next review cycle": an event, no date."""
    return None


_HABIT = Gated(
    r"\b(?:every|each)\s+(?:day|morning|evening|night|week(?:day)?|month|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)\b|\b(?:daily|weekly|nightly)\b"
    r"|\b(?:a|per)\s+(?:day|week)\b", re.IGNORECASE)


# Relative windows -------------------------------------------------------------------

def _amount(raw: str) -> float:
    raw = " ".join(raw.lower().replace("-", " ").split())
    if raw[0].isdigit():
        return float(raw)
    if "couple" in raw:
        return 2
    if "dozen" in raw:
        return 12
    if "hundred" in raw:
        return 100
    if raw.startswith("half"):
        return 0.5
    total = 0
    for word in raw.split():
        total += _NUMBER_WORDS.get(word, 0)
    return total


def _shift(today: date, amount: float, unit: str) -> date:
    unit = unit.lower()
    unit = _UNIT_ABBR.get(unit, unit)
    if unit == "day":
        return today + timedelta(days=round(amount))
    if unit in ("week", "fortnight"):
        return today + timedelta(days=round(amount * (14 if unit == "fortnight" else 7)))
    months = amount * {"month": 1, "quarter": 3, "year": 12}[unit]
    whole = int(months)
    result = add_months(today, whole)
    if months - whole >= 0.01:
        result += timedelta(days=round((months - whole) * 30))
    return result


@_pattern(r"(?:\b(?P<prep>within|in|inside(?:\s+of)?|over|during|for)\s+)?(?:\bthe\s+)?"
          r"(?:\b(?P<nx>next|coming|following|upcoming)\s+)?"
          r"(?:\b" + _NUM + r"(?:\s+and\s+a\s+half)?[\s-]+)?(?P<biz>(?:working|business)\s+)?"
          + _UNIT
          + r"s?(?P<half>\s+and\s+a\s+half)?(?:'s|s')?(?:\s+time)?"
          r"(?P<from>\s+(?:from|after)\s+(?:now|today))?(?![\w-])",
          needs=_NEEDS_UNIT)
def _relative(m: re.Match, today: date, text: str) -> date | None:
    prep = (m["prep"] or "").lower()
    if m["num"] is None:
        # "in the next month" -> +1 month; a bare "next month" is handled as a period.
        if not (m["nx"] and prep and prep != "for"):
            return None
        if re.match(r"[A-Za-z]*s\b", text[m.start("unit") + len(m["unit"]):]):
            return None
        amount = 1.0
    else:
        if not (prep or m["nx"] or m["from"]):
            return None
        if prep == "for" and not m["nx"] and not _HABIT.search(text):
            return None  # "for 2 days" is a duration; "daily for 30 days" is a window
        amount = _amount(m["num"])
    if "and a half" in m.group(0).lower():
        amount += 0.5
    if amount <= 0:
        return None
    if prep in ("within", "in") and not m["nx"] and _is_turnaround(m, text):
        return None
    if m["biz"]:
        if m["unit"].lower() != "day":
            return None
        return _add_working_days(today, int(amount))
    return _shift(today, amount, m["unit"])


_EVENT_AFTER = Gated(r"\s+(?:of|after|from|following)\s+(?!now\b|today\b)[a-z]", re.I)
_EVERY_ITEM = Gated(
    r"\bevery\s+(?!(?:other\s+|single\s+|working\s+|business\s+)?(?:day|morning|evening"
    r"|night|week|weekday|weekend|month|quarter|year|sprint|time|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)s?\b)[a-z]", re.IGNORECASE)


def _is_turnaround(m: re.Match, text: str) -> bool:
    """A per-item service time, not a deadline: "within 7 days of submission", "answer every
    request within 20 working days" (the clock restarts for each item)."""
    if _EVENT_AFTER.match(text, m.end()):
        return True
    return _EVERY_ITEM.search(text, 0, m.start()) is not None


def _add_working_days(today: date, days: int) -> date:
    """``today`` plus ``days`` working days (Monday-Friday; public holidays not known)."""
    weeks, rest = divmod(days, 5)
    found = today + timedelta(weeks=weeks)
    while rest > 0:
        found += timedelta(days=1)
        if found.weekday() < 5:
            rest -= 1
    while found.weekday() >= 5:
        found -= timedelta(days=1)
    return found


def _period_bounds(unit: str, today: date, offset: int) -> tuple[date, date]:
    if unit == "week":
        start = today - timedelta(days=today.weekday()) + timedelta(weeks=offset)
        return start, start + timedelta(days=6)
    if unit == "month":
        first = add_months(today.replace(day=1), offset)
        return first, end_of_month(first.year, first.month)
    if unit == "quarter":
        first = add_months(date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), 3 * offset)
        return first, add_months(first, 3) - timedelta(days=1)
    if unit == "decade":
        year = today.year // 10 * 10 + 10 * offset
        return date(year, 1, 1), date(year + 9, 12, 31)
    year = today.year + offset
    return date(year, 1, 1), date(year, 12, 31)


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _POS + r"?(?:\bthe\s+)?"
          r"(?:\b(?P<which>this|next|current|following|coming|the\s+next|the\s+current"
          r"|the\s+following|the\s+coming|this\s+coming|the)\s+)?(?:calendar\s+)?"
          r"\b(?P<unit>week|month|quarter|year|decade)\b(?![\w-]|'s)",
          needs=_NEEDS_UNIT)
def _period(m: re.Match, today: date, text: str) -> date | None:
    which = " ".join((m["which"] or "").lower().split())
    prep = (m["prep"] or "").lower()
    pos = _pos(m)
    if which.startswith("the ") or which == "":
        which = which[4:] if which else ""
        if prep in ("this", "next", "coming", "this coming") and not which:
            which = prep
        elif not (pos or (prep == "within" and m.group(0).lower().count("the"))):
            return None
    offset = 1 if which in ("next", "following") else 0
    if (which in ("this", "current") and m["unit"].lower() == "year"
            and (today.month, today.day) >= (12, 27) and not pos):
        offset = 1  # goals "for this year" written between Christmas and New Year
    first, last = _period_bounds(m["unit"].lower(), today, offset)
    found = _qualified(first, last, pos)
    if found < today and which != "this":  # "by mid-year" in November: next year's
        found = _qualified(*_period_bounds(m["unit"].lower(), today, offset + 1), pos)
    return found


@_pattern(_PREP + r"?(?:\bthe\s+)?(?:\b(?P<unit>year|month|quarter|week)[\s-]?end"
          r"|end[\s-]of[\s-](?P<unit2>year|month|quarter|week)|\bEO(?P<abbr>[YMQW])"
          r"|(?P<mid>mid[\s-]?year))\b(?:\s+(?P<y>" + _YEAR + r")\b)?",
          needs=r"end|\beo[ymqw]\b|mid")
def _period_end(m: re.Match, today: date, text: str) -> date | None:
    if m["mid"]:
        if m["y"]:
            return date(int(m["y"]), 6, 30)
        return _next_occurrence(today, _half_period(1), None)
    unit = (m["unit"] or m["unit2"] or "").lower()
    if not unit:
        unit = {"y": "year", "m": "month", "q": "quarter", "w": "week"}[m["abbr"].lower()]
    if m["y"] and unit == "year":
        return date(int(m["y"]), 12, 31)
    if (m["unit"] or "").lower() == "week" and (m["prep"] or "").lower() == "next" \
            and today.weekday() >= 5:  # "next weekend" typed on one: the following one, as
        return _period_bounds(unit, today, 1)[1]  # "next Friday" on a Friday is a week on
    return _period_bounds(unit, today, 0)[1]


@_pattern(r"\b(?:before|by\s+the\s+time|until|till|when)\s+(?:the|this)\s+"
          r"(?P<unit>week|month|quarter|year)\s+(?:ends|is\s+(?:over|out|done)|closes|finishes)\b",
          needs=r"ends|over|out|done|closes|finishes")
def _period_ends(m: re.Match, today: date, text: str) -> date | None:
    return _period_bounds(m["unit"].lower(), today, 0)[1]


@_pattern(_PREP + r"?(?:\bthe\s+)?" + _POS + r"?(?:\bthe\s+)?year\s+after\s+next\b",
          needs=r"after\s+next")
def _year_after_next(m: re.Match, today: date, text: str) -> date | None:
    return _qualified(date(today.year + 2, 1, 1), date(today.year + 2, 12, 31), _pos(m))


@_pattern(r"\b(?P<prep>by|before|on|until|till|this|next|coming|this\s+coming)\s+"
          r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!s\b)",
          needs=r"day\b")
def _weekday(m: re.Match, today: date, text: str) -> date | None:
    target = _WEEKDAYS.index(m["wd"].lower())
    ahead = (target - today.weekday()) % 7
    if ahead == 0 and (m["prep"].lower() == "next" or _exclusive(m)):
        ahead = 7
    return today + timedelta(days=ahead)


@_pattern(r"(?:\b(?:by|before|until|till)\s+)?(?:\bthe\s+)?\b(?P<w>today|tonight|tomorrow"
          r"|end\s+of\s+(?:\bthe\s+)?day|eod|cob|close\s+of\s+business)\b"
          r"|\b(?:by|before|until|till)\s+(?P<w2>yesterday)\b",
          needs=r"today|tonight|tomorrow|\bday\b|\beod\b|\bcob\b|business|yesterday")
def _today(m: re.Match, today: date, text: str) -> date | None:
    """ "by today", "by tomorrow", "by EOD"; "by yesterday" is a day that has passed."""
    if m["w2"]:
        return today - timedelta(days=1)
    return today + timedelta(days=1 if m["w"].lower() == "tomorrow" else 0)


@_pattern(r"\b(?P<prep>by|before|on|until|till)\s+the\s+(?P<d>3[01]|[12][0-9]|0?[1-9])"
          r"(?:st|nd|rd|th)\b(?:\s+of\s+(?P<which>this|next|the)\s+month)?(?!\s+(?:of\s+)?"
          r"(?:[a-z]*uary|march|april|may|june|july|august|sept?|oct|nov|dec|century|time|try))",
          needs=r"[0-9](?:st|nd|rd|th)\b")
def _day_of_month(m: re.Match, today: date, text: str) -> date | None:
    day = int(m["d"])
    start = today.replace(day=1)
    if (m["which"] or "").lower() == "next":
        start = add_months(start, 1)
    for offset in range(0, 13):
        first = add_months(start, offset)
        if day <= calendar.monthrange(first.year, first.month)[1]:
            candidate = first.replace(day=day)
            if candidate >= _from(m, today):
                return candidate
    return None


@_pattern(r"\b(?P<prep>by|before|until|till|for|over)\s+(?:\bthe\s+)?(?:next\s+|this\s+)?"
          r"(?P<h>christmas|xmas|new\s+year(?:'?s)?(?:\s+eve|\s+day)?)\b"
          r"(?:\s+(?P<y>" + _YEAR + r")\b)?", needs=r"christmas|xmas|new\s+year")
def _holiday(m: re.Match, today: date, text: str) -> date | None:
    """ "by Christmas", "by next Christmas": the next one on or after today."""
    month, day = (12, 25) if m["h"].lower() in ("christmas", "xmas") else (12, 31)
    if m["y"]:
        return date(int(m["y"]), month, day)
    return _day_month_next(month, day, _from(m, today))


# Windows, vague words and frequencies -------------------------------------------------

_EVENT_WORDS = (
    r"performance\s+review|review|appraisal|probation(?:ary\s+period)?|evaluation"
    r"|fiscal\s+year|financial\s+year|academic\s+year|school\s+year|semester|term|sprint"
    r"|release|launch|offsite|off-site|promotion\s+cycle|planning\s+cycle|review\s+cycle"
    r"|contract(?:\s+renewal)?|internship|conference|audit|birthday|anniversary"
    r"|board\s+meeting|all-hands|summit|check-in|1:1|one-on-one|retro(?:spective)?"
    r"|kick-?off|deadline|graduation|parental\s+leave|maternity\s+leave|sabbatical"
    r"|(?:coaching\s+)?session|meeting|class|lesson|appointment|visit|call|trip|holiday"
)


@_pattern(r"\b(?:before|by\s+the\s+time|until|till)\s+(?:it|they|(?:my|our|the|this|their|its"
          r"|his|her|your)\s+(?:[\w&'-]+\s+){0,4}?[\w&'-]+)\s+(?:expires?|closes?|ends?|lapses?"
          r"|runs?\s+out|finishes|(?:is|are)\s+(?:due|over)|opens?|starts?|begins?|kicks?\s+off"
          r"|goes\s+live)\b", kind="window",
          needs=r"expire|close|end|lapse|run|finish|due|over|open|start|begin|kick|live")
def _event_clause(m: re.Match, today: date, text: str) -> date | None:
    return None


@_pattern(r"\b(?:this|next|the\s+(?:coming|current|next))\s+(?:(?:academic|school|financial|fiscal"
          r"|tax)\s+year|(?:school\s+|university\s+)?(?:term|semester))\b", kind="window",
          needs=r"year|term|semester")
def _school_year(m: re.Match, today: date, text: str) -> date | None:
    """ "this academic year": a window whose dates depend on the institution."""
    return None


@_pattern(r"\b(?:with)?in\s+" + _NUM + r"[\s-]+(?:(?:working|business)\s+)?" + _UNIT
          + r"s?\s+(?:of|after|following)\s+(?:the|my|our|this|next|his|her|their)\s+"
          r"(?:[\w&'-]+\s+){0,3}?[\w&'-]+", kind="window", needs=_NEEDS_UNIT)
def _after_event(m: re.Match, today: date, text: str) -> date | None:
    """ "within 2 weeks of the audit": bounded by a one-off event whose date is not given."""
    return None


@_pattern(r"\b(?:(?:by|before|until|till|ahead\s+of|prior\s+to|in\s+time\s+for)\s+"
          r"(?:the\s+(?:end|start|close)\s+of\s+)?(?:my|our|the|this|next|the\s+next)\s+"
          r"|at\s+(?:my|our|the|this)\s+(?=(?:next|upcoming|annual|mid-year|year-end"
          r"|end-of-year|quarterly|yearly|first|formal|performance|salary|pay)\b))"
          r"(?:(?:next|upcoming|annual|mid-year|year-end|end-of-year|quarterly|yearly|first"
          r"|formal|team|company|product|performance|salary|pay|current)\s+)*"
          r"(?:" + _EVENT_WORDS + r")\b", kind="window",
          needs=r"(?:by|before|until|till|ahead\s+of|prior\s+to|in\s+time\s+for)\s+"
                r"(?:the\s+(?:end|start|close)\s+of\s+)?(?:my|our|the|this|next)\s"
                r"|at\s+(?:my|our|the|this)\s")
def _event(m: re.Match, today: date, text: str) -> date | None:
    return None


@_pattern(r"(?:\b(?:by|before|in|during|for|within)\s+)?(?:\bthe\s+)?(?:end\s+of\s+)?"
          r"\bFY\s*'?(?:[0-9]{4}|[0-9]{2})\b"
          r"|\b(?:before|by\s+the\s+time)\s+I(?:'m|\s+am|\s+turn|\s+reach)\s+[0-9]{2}\b"
          r"|\bby\s+(?:\bthe\s+)?age\s+(?:of\s+)?[0-9]{2}\b", kind="window",
          needs=r"\bfy|\btime\s+i|\bage\b|before\s+i")
def _fiscal(m: re.Match, today: date, text: str) -> date | None:
    return None


@_pattern(r"\b(?:by|before|until|till|ahead\s+of|in\s+time\s+for|prior\s+to)\s+(?:the\s+)?"
          r"(?:(?-i:[A-Z])[\w'&-]*\s+){1,4}(?:19|2[01])[0-9]{2}\b", kind="window",
          needs=r"\b(?:19|2[01])[0-9]{2}\b")
def _named_event(m: re.Match, today: date, text: str) -> date | None:
    return None


@_pattern(r"\b(?:sooner\s+or\s+later|soon(?:er)?|eventually|some\s?day|one\s+day|sometime"
          r"|at\s+some\s+(?:point|stage)|in\s+the\s+(?:near\s+|distant\s+|not\s+too\s+distant\s+)?"
          r"future|as\s+soon\s+as\s+(?:possible|I\s+can|I'm\s+able)|asap|when(?:ever)?\s+"
          r"(?:possible|I\s+can|I\s+have\s+(?:\bthe\s+)?time|time\s+allows)"
          r"|(?:over|in|during|within)\s+(?:\bthe\s+)?(?:coming|next|following|upcoming)\s+"
          r"(?:few\s+|couple\s+of\s+)?(?:years|months|weeks|days)"
          r"|(?:in|within|over)\s+(?:a\s+|the\s+next\s+)?(?:few|several|some|many)\s+"
          r"(?:days|weeks|months|years)|in\s+the\s+(?:long|medium|short)\s+(?:run|term)"
          r"|(?:long|medium|short)[\s-]term|down\s+the\s+(?:road|line)|later(?:\s+on)?"
          r"|in\s+due\s+course|before\s+long|ultimately|one\s+of\s+these\s+days"
          r"|in\s+time(?!\s+(?:management|tracking|zones?|series))"
          r"|when\s+the\s+time\s+is\s+right|at\s+the\s+right\s+time)\b", kind="vague",
          needs=r"soon|eventually|some\s?day|one\s+day|sometime|some\s+(?:point|stage)|future"
                r"|asap|when|years|months|weeks|days|(?:long|medium|short)[\s-]+(?:run|term)"
                r"|down\s+the\s|later|due\s+course|before\s+long|ultimately|in\s+time"
                r"|right\s+time")
def _vague(m: re.Match, today: date, text: str) -> date | None:
    return None


@_pattern(r"\b(?:every|each)\s+(?:other\s+|single\s+|working\s+|business\s+)?(?:day|morning"
          r"|evening|night|week(?:day|end)?|month|quarter|year|sprint|time|monday|tuesday"
          r"|wednesday|thursday|friday|saturday|sunday)\b|\b(?:daily|weekly|fortnightly"
          r"|monthly|quarterly|annually|yearly|bi-?weekly|bi-?monthly|nightly)\b"
          r"|\b(?:per|a)\s+(?:day|week|month|quarter|year)\b|\bon\s+(?:mondays|tuesdays"
          r"|wednesdays|thursdays|fridays|saturdays|sundays|weekends|weekdays)\b",
          kind="frequency")
def _frequency(m: re.Match, today: date, text: str) -> date | None:
    return None


# --------------------------------------------------------------------------- context checks

_PERIOD_HANDLERS = frozenset({_month_year, _quarter, _year_quarter, _half, _season, _year})
_PAST_VERB = (r"(?:(?!\w*(?:need|feed|ceed|speed|bleed|breed)\b)[a-z]{2,}ed|began|begun|did"
              r"|done|got|took|taken|left|became|wrote|written|won|made|met|went|came|saw"
              r"|found|sat|gave|given|set|bought|sold|built|taught|led|ran|grew|moved|joined)")
_PAST_CLAUSE = re.compile(
    r"(?:\b(?:i|we|you|they|he|she|it|who|which|that)\s+(?:had\s+|have\s+|has\s+)?"
    r"|'(?:ve|d)\s+|\b(?:was|were|been)\s+)" + _PAST_VERB + r"\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;:!?,(]|\b(?:and|but|then|so|now|next)\b", re.IGNORECASE)
_PAST_LED = re.compile(r"\s*(?:i|we)(?:'(?:ve|d)|\s+(?:had|have|has))?\s+" + _PAST_VERB
                       + r"\b", re.IGNORECASE)
_STILL_AHEAD = Gated(  # an infinitive, a future, a goal or a promise looks ahead
    r"\b(?i:to)\s+(?!(?:the|a|an|my|our|your|his|her|their|its|this|that|these|those)\b)[a-z]"
    r"|\b(?i:will|shall|going|want\w*|plan\w*|goals?|targets?|aim\w*|objectives?|deadlines?"
    r"|agreed|decided|promised|committed|pledged|resolved|vowed|intended|hoped|expected)\b")
_LEADING_WORD = re.compile(r"(?:the\s+)?([a-z]+)", re.IGNORECASE)
_ATTRIBUTIVE_NEXT = re.compile(r"\s+([a-z][a-z-]*)\b")
_NOT_A_NOUN = _YEAR_NOUN_OK | {
    "deadline", "due", "target", "cutoff", "cut-off", "latest", "at", "are", "was", "were",
    "has", "have", "it", "they", "he", "she", "you", "a", "an", "of", "into", "about",
    "ahead", "already", "too", "also", "again", "not", "can", "should", "would", "could",
    "must", "shall", "may", "might", "until", "till", "every", "each", "per", "onwards",
    "onward", "end", "start", "or", "nor", "yet", "otherwise", "please", "etc",
}
_PREP_WORDS = frozenset((
    "by", "before", "until", "till", "til", "in", "during", "through", "throughout", "within",
    "for", "on", "at", "no", "not", "ahead", "prior", "this", "next", "coming", "end", "start",
    "beginning", "middle", "mid", "early", "late", "close"))


def _in_past_clause(text: str, start: int) -> bool:
    """The phrase tells when something already happened: "the thesis I started in 2024", or
    its clause is the person's own past ("I finished the rota by March"; not "I decided to
    learn Spanish by June").

    >>> _in_past_clause("I finished the rota by March", 20)
    True
    >>> _in_past_clause("We shipped v1 and will ship v2 by June", 31)
    False
    """
    head = text[max(0, start - 120):start]
    if _PAST_CLAUSE.search(head[-40:]) is not None:
        return True
    clause = _CLAUSE_BREAK.split(head)[-1]
    return _PAST_LED.match(clause) is not None and _STILL_AHEAD.search(clause) is None


def _is_attributive(text: str, start: int, end: int) -> bool:
    """A period used as a name: "the Q1 2027 budget forecast", "our March 2027 release"."""
    lead = _LEADING_WORD.match(text, start)
    if lead is None or lead.group(1).lower() in _PREP_WORDS:
        return False
    nxt = _ATTRIBUTIVE_NEXT.match(text, end)
    return nxt is not None and nxt.group(1).lower() not in _NOT_A_NOUN


_DAY_HANDLERS = frozenset({_iso, _numeric, _day_month_year, _month_day_year, _day_month,
                           _month_day, _day_of_month, _weekday, _holiday, _easter_day})


def _period_start(m: re.Match, handler: _Handler, last: date) -> date | None:
    """The first day of the period whose last day ``last`` the match gave, or None when
    the match names no period (an event's end: "before the year ends")."""
    if handler in (_month_year, _numeric_month_year, _month_alone, _month_rel_year):
        return last.replace(day=1)
    if handler in (_quarter, _year_quarter):
        return date(last.year, 3 * ((last.month - 1) // 3) + 1, 1)
    if handler is _half:
        return date(last.year, 1 if last.month <= 6 else 7, 1)
    if handler in (_year, _year_after_next):
        return date(last.year, 1, 1)
    if handler is _season:
        first = _SEASONS[m["season"].lower()][0]
        return date(last.year - (first > last.month), first, 1)
    if handler is _month_range:
        first = _MONTHS[m["mon"].lower()]
        return date(last.year - (first > last.month), first, 1)
    if handler is _period:
        unit = m["unit"].lower()
        if unit == "week":
            return last - timedelta(days=6)
        months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
        return add_months(last.replace(day=1), 1 - months)
    return None


def _day_before(m: re.Match, handler: _Handler, found: date) -> date:
    """A deadline led by "before", "prior to" or "ahead of" ends the day before the day or
    period it names starts: "before 2027" is by 31 December 2026, "before June 2027" by 31
    May, "before 1 March 2027" by 28 February. "Before the end of June" is by 30 June, as
    "by the end of June"; "by", "in", "until" and "no later than" include the day or period.

    >>> [parse_deadline(f"Ship it {p}", date(2026, 11, 22))[0].isoformat() for p in (
    ...     "before 2027", "before June 2027", "prior to 1 March 2027", "before the end of 2027")]
    ['2026-12-31', '2027-05-31', '2027-02-28', '2027-12-31']
    """
    pos = _pos(m)
    if pos not in (None, "start", "beginning"):
        return found
    if handler in _DAY_HANDLERS or (handler is _today and (m["w"] or "").lower() == "tomorrow"):
        return found - timedelta(days=1)
    first = found if pos else _period_start(m, handler, found)
    return found if first is None else first - timedelta(days=1)


def _impossible(m: re.Match, handler: _Handler, today: date,
                text: str) -> tuple[str, date] | None:
    """A day that its month does not have ("2027-02-30", "31 April"): its name in words and
    the month's last day, or None when the match is not such a date."""
    try:
        if handler is _iso:
            day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
        elif handler is _numeric:
            order = day_month_order(int(m["a"]), int(m["b"]))
            if order is None:
                return None
            day, month = order
            year = _numeric_year(m, text) or 0
        elif handler in (_day_month_year, _month_day_year, _day_month, _month_day):
            day, month = int(m["d"]), _MONTHS[m["mon"].lower()]
            year = _year_of(m) or 0
            if handler in (_day_month, _month_day) and not m["prep"]:
                return None
        else:
            return None
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    if not (1 <= month <= 12 and 0 <= year <= 9999):
        return None
    if year == 0:  # no year: a day no such month ever has (30 February, 31 April)
        if day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
            return None
        year = today.year if end_of_month(today.year, month) >= today else today.year + 1
        return f"{day} {MONTH_NAMES[month - 1]}", end_of_month(year, month)
    if day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{day} {MONTH_NAMES[month - 1]} {year}", end_of_month(year, month)


def _unclear_numeric(m: re.Match, handler: _Handler, text: str) -> str | None:
    """Why a date written with numbers cannot be read: both numbers could be the month
    ("03/04/2027" is 3 April or 4 March: :func:`day_month_order`), or neither can
    ("13/14/2027"). ``None`` when it is no such date."""
    if handler is not _numeric:
        return None
    year = _numeric_year(m, text)
    a, b = int(m["a"]), int(m["b"])
    if year is None:
        return None
    shown = text[m.start("a"):m.end()]
    order = day_month_order(a, b)
    if order is None:
        return (f"“{shown}” could be {both_readings(a, b)}: please write the month in words, "
                f"e.g. {a} {MONTH_NAMES[b - 1]} {year}.")
    if order[1] > 12:
        return (f"“{shown}” is not a date: there is no month {min(a, b)}. Write it like "
                f"{_example(year, 12)}.")
    return None


# --------------------------------------------------------------------------- public API

def find_time_expressions(text: str, today: date) -> list[TimeExpression]:
    """All non-overlapping time phrases in ``text`` (already normalised), in text order.

    Where phrases overlap, the longest one wins (then the earliest pattern).

    >>> [(e.kind, e.phrase) for e in find_time_expressions(
    ...     "Send one note every Friday until March", date(2026, 11, 22))]
    [('frequency', 'every Friday'), ('date', 'until March')]
    """
    candidates: list[tuple[int, int, int, TimeExpression]] = []
    for order, (regex, handler, kind, gate) in enumerate(_PATTERNS):
        if gate is not None and gate.search(text) is None:
            continue
        for m in _compiled(regex).finditer(text):
            start, end = m.span()
            if end <= start:
                continue
            found: date | None = None
            if kind != "frequency" and _in_past_clause(text, start):
                continue
            if handler in _PERIOD_HANDLERS and _is_attributive(text, start, end):
                continue
            if kind == "unclear":
                why = handler(m, today, text)
                if why is not None:
                    candidates.append((start, -(end - start), order, TimeExpression(
                        start, end, text[start:end].strip(), kind, None, why[0], None,
                        why[1])))
                continue
            if kind == "date":
                try:
                    found = handler(m, today, text)
                except (ValueError, OverflowError, KeyError, TypeError, AttributeError):
                    found = None
                if found is not None and _EXCLUSIVE.match(text, start):
                    found = _day_before(m, handler, found)
                if found is None:
                    unclear = _unclear_numeric(m, handler, text)
                    if unclear is not None:
                        candidates.append((start, -(end - start), order, TimeExpression(
                            start, end, text[start:end].strip(), "unclear", None, unclear)))
                        continue
                    bad = _impossible(m, handler, today, text)
                    if bad is None:
                        continue
                    note, fix = bad
                    candidates.append((start, -(end - start), order, TimeExpression(
                        start, end, text[start:end].strip(), "invalid", None, note, fix)))
                    continue
            phrase = text[start:end].strip()
            candidates.append((start, -(end - start), order,
                               TimeExpression(start, end, phrase, kind, found)))
    candidates.sort(key=lambda c: c[:3])
    chosen: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for start, _neg_len, _order, expr in candidates:
        if any(start < e and s < expr.end for s, e in taken):
            continue
        taken.append((start, expr.end))
        chosen.append(expr)
    chosen.sort(key=lambda e: e.start)
    if not any(e.kind in ("date", "window", "invalid", "unclear") for e in chosen):
        chosen = sorted([*chosen, *_unread_years(text, today, taken)], key=lambda e: e.start)
    return chosen


_BARE_YEAR = Gated(r"(?<![0-9A-Za-z.,/:$£€#-])(?P<y>(?:19|2[01])[0-9]{2})"
                   r"(?![0-9A-Za-z%]|[.,/:-][0-9]|'s\b)")
_QUOTE_TRIM = " ,;:.!?()[]\"'"
_WORD_TAIL = re.compile(r"[^\sA-Za-z]{0,8}")


def _unread_years(text: str, today: date, taken: list[tuple[int, int]]) -> list[TimeExpression]:
    """Years still to come that no time phrase used: "antes de diciembre de 2027", "Bis Ende
    2027", "2027年12月まで". Perhaps a deadline in words the reader does not know, perhaps a
    name ("Vision 2030"): named, never replaced by a date of the reader's own. A year
    before a noun ("the 2027 budget", "2030 steps") is a name or an amount, and a past
    year tells of the past.

    >>> [e.note for e in _unread_years("Bis Ende 2027", date(2026, 12, 5), [])]
    ['I could not read “Bis Ende 2027” as a deadline: if it is one, write it like 31 December 2027.']
    """  # noqa: E501
    found = []
    for m in _BARE_YEAR.finditer(text):
        year = int(m["y"])
        if year < today.year or any(m.start() < e and s < m.end() for s, e in taken):
            continue
        nxt = _ATTRIBUTIVE_NEXT.match(text, m.end())
        if nxt is not None and nxt.group(1).lower() not in _NOT_A_NOUN:
            continue
        if _in_past_clause(text, m.start()):
            continue
        head = text.rfind(" ", 0, m.start()) + 1
        tail = _WORD_TAIL.match(text, m.end()).end()  # "2027年12月まで", not the sentence
        words = [text[head:tail]]
        for word in reversed(text[:head].split()[-2:]):
            if word[-1] in ".,;:!?)":
                break
            words.insert(0, word)
        shown = " ".join(words).strip(_QUOTE_TRIM)
        found.append(TimeExpression(
            m.start(), m.end(), m["y"], "unread", None,
            f"I could not read “{shown}” as a deadline: if it is one, write it like 31 "
            f"December {year}."))
    return found


_DATE_LIKE = Gated(
    r"(?<![0-9])(?:[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}"
    r"|(?P<y>(?:19|2[0-9])[0-9]{2}))(?![0-9])")


def date_like(text: str, today: date) -> str | None:
    """The first thing in ``text`` that looks like a date, read or not: numbers joined
    as a date ("30-06-2027", "2027/6/30", "31.13.2027") or a year from ``today``'s on
    ("Juni 2027", "2027年"). A past year tells of the past ("started in 2024") and a
    number such as "2000 customers" is an amount: neither looks like a deadline. A
    one-click rewrite never adds a date of its own beside one of these.

    >>> today = date(2026, 12, 6)
    >>> date_like("Bis Ende Juni 2027 drei Workshops leiten", today)
    '2027'
    >>> date_like("Read 12 books by 30-06-2027", today), date_like("Win 2000 customers", today)
    ('30-06-2027', None)
    """
    for m in _DATE_LIKE.finditer(text):
        if m["y"] is None or int(m["y"]) >= today.year:
            return m.group(0)
    return None


def deadline_candidates(expressions: list[TimeExpression], text: str) -> list[TimeExpression]:
    """The dated expressions that can be the deadline. A period in a heading ("My goals for
    2025: ship v2 by the end of March") frames the list; the goal's own date wins.

    >>> text = "My goals for 2025: ship v2 by the end of March"
    >>> [e.phrase for e in deadline_candidates(find_time_expressions(text, date(2024, 12, 30)),
    ...                                        text)]
    ['by the end of March']
    """
    dated = [e for e in expressions if e.kind == "date" and e.date is not None]
    colon = text.find(":")
    if colon > 0:
        after = [e for e in dated if e.start > colon]
        if after and len(after) < len(dated):
            return after
    return dated


def _pick(expressions: list[TimeExpression], text: str = "") -> TimeExpression | None:
    dated = deadline_candidates(expressions, text)
    if not dated:
        return None
    # The goal is done when its last part is done: take the latest date (ties: first).
    return max(dated, key=lambda e: (e.date, -e.start))


def parse_deadline(text: object, today: date | None = None) -> tuple[date | None, str | None]:
    """The deadline in ``text`` and the phrase that gave it, or ``(None, None)``.

    When several dates appear, the latest one is the deadline. Never raises.

    Parameters
    ----------
    text : str
        Goal text (anything else is treated as text or as empty).
    today : datetime.date, optional
        Reference date for relative phrases; ``None`` means ``date.today()``.

    Examples
    --------
    >>> parse_deadline("Pass the CFA Level I exam in 2027", date(2026, 11, 22))
    (datetime.date(2027, 12, 31), 'in 2027')
    >>> parse_deadline("Earn the CKA by the end of the quarter", date(2026, 11, 22))
    (datetime.date(2026, 12, 31), 'by the end of the quarter')
    >>> parse_deadline("Learn by doing", date(2026, 11, 22))
    (None, None)
    """
    today = as_date(today)
    norm = normalize_text(text)
    best = _pick(find_time_expressions(norm, today), norm)
    if best is None:
        return None, None
    return best.date, best.phrase


def as_date(today: object) -> date:
    """``today`` as a ``datetime.date`` (``None`` -> ``date.today()``; datetimes -> date)."""
    if today is None:
        return date.today()
    if hasattr(today, "date") and callable(today.date):  # datetime, pandas Timestamp
        today = today.date()
    if not isinstance(today, date):
        raise TypeError(f"today must be a datetime.date or None, not {type(today).__name__}")
    return today
