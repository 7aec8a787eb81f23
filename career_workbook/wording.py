"""Small wording helpers shared by the analysis, the charts and the forms (pure, stdlib only).

>>> plural(1, "goal"), plural(3, "goal"), plural(0, "entry", "entries")
('1 goal', '3 goals', '0 entries')
>>> duration(3260), relative(-3260), relative(0), relative(3)
('8 years', '8 years ago', 'today', 'in 3 days')
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from datetime import date


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, or its plural ``many`` (default ``word + 's'``) unless ``n`` is 1.

    >>> plural(1, "follow-up is", "follow-ups are"), plural(2, "follow-up is", "follow-ups are")
    ('1 follow-up is', '2 follow-ups are')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line (:func:`one_line`), at most ``limit`` characters: cut at a
    word where one ends past half the limit, with "…" (:func:`one_line` cuts anywhere).

    >>> shorten("Email the head teacher about the booking-site student rota", 50)
    'Email the head teacher about the booking-site…'
    >>> shorten("  Ship   it "), shorten("x" * 8, 5)
    ('Ship it', 'xxxx…')
    """
    one = one_line(text)
    if len(one) <= limit:
        return one
    cut = one[:limit - 1]
    word = cut.rsplit(" ", 1)[0] if " " in cut and one[limit - 1] != " " else cut
    return (word if len(word) > limit // 2 else cut).rstrip() + "…"


def one_edit_apart(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one character added, removed or changed, or two
    neighbouring characters swapped (the usual typing slips); False for equal strings.

    >>> one_edit_apart("pyhton", "python"), one_edit_apart("excell", "excel")
    (True, True)
    >>> one_edit_apart("monitoring", "mentoring"), one_edit_apart("sql", "sql")
    (False, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    if len(a) == len(b):  # one changed, or the first two swapped
        return a[1:] == b[1:] or (len(a) >= 2 and a[:2] == b[1::-1] and a[2:] == b[2:])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return short == long[1:]


MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
"""The product's own month names, ``MONTH_NAMES[3]`` is ``'March'`` (as
``calendar.month_name``, which follows ``locale.setlocale(LC_TIME, ...)``: a German
startup file made the English sentences say "Dezember"). Every month a message, a chart or
a file name writes, and every month name read, comes from here."""
MONTH_ABBRS = tuple(name[:3] for name in MONTH_NAMES)
"""``MONTH_ABBRS[3]`` is ``'Mar'``: :data:`MONTH_NAMES` shortened, never the locale's."""


def month_number(word: str) -> int | None:
    """The month an English ``word`` names: its name or short form, in any case (``Sept``
    too); ``None`` for any other word, whatever the locale.

    >>> month_number("march"), month_number("SEPT"), month_number("Dez")
    (3, 9, None)
    """
    folded = word.casefold()
    if folded == "sept":
        return 9
    return next((n for n in range(1, 13) if folded in (MONTH_NAMES[n].casefold(),
                                                       MONTH_ABBRS[n].casefold())), None)


def short_date(day: date) -> str:
    """A day as the messages write it, with the product's English month
    (:data:`MONTH_ABBRS`), whatever the locale.

    >>> short_date(date(2027, 3, 31))
    '31 Mar 2027'
    """
    return f"{day.day} {MONTH_ABBRS[day.month]} {day.year}"


def swapped_year(day: date, today: date) -> bool:
    """``day``'s year is ``today``'s with its digits swapped (2062 typed for 2026).

    >>> swapped_year(date(2062, 3, 1), date(2026, 12, 5)), swapped_year(date(2027, 3, 1), date(2026, 12, 5))
    (True, False)
    """  # noqa: E501
    return day.year != today.year and sorted(str(day.year)) == sorted(str(today.year))


def in_year(day: date, year: int) -> date:
    """``day`` in ``year`` (29 February becomes the 28th in a year without it).

    >>> in_year(date(2062, 1, 15), 2026), in_year(date(2028, 2, 29), 2026)
    (datetime.date(2026, 1, 15), datetime.date(2026, 2, 28))
    """
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February of a year that has none
        return day.replace(year=year, day=28)


def typo_year(day: date | None, today: date) -> int | None:
    """The near year ``day``, after today, was typed for: its year is today's or next
    year's with the digits swapped (2062 for 2026, 2072 for 2027), decades ahead. ``None``
    otherwise (a genuine ten-year goal, 2036, is no typo). Next year counts too: in December
    most new deadlines fall in it.

    >>> today = date(2026, 12, 6)
    >>> typo_year(date(2062, 5, 1), today), typo_year(date(2072, 5, 1), today)
    (2026, 2027)
    >>> typo_year(date(2036, 5, 1), today), typo_year(date(2027, 5, 1), today)
    (None, None)
    """
    if day is None or day <= today:
        return None
    return next((year for year in (today.year, today.year + 1)
                 if day.year != year and sorted(str(day.year)) == sorted(str(year))), None)


def swapped_for(day: date | None, today: date) -> date | None:
    """The day still to come that ``day``, years ahead, was typed for: its year is
    :func:`typo_year`'s (2062 for 2026, 2072 for 2027) and that day in that year is today
    or later. ``None`` otherwise: a question "did you mean 2026?" would suggest a day
    that has passed (30 June 2026 asked about on 6 December 2026), a day no deadline takes.

    >>> today = date(2026, 12, 6)
    >>> swapped_for(date(2062, 12, 20), today), swapped_for(date(2062, 6, 30), today)
    (datetime.date(2026, 12, 20), None)
    >>> swapped_for(date(2062, 12, 6), today), swapped_for(date(2036, 12, 20), today)
    (datetime.date(2026, 12, 6), None)
    >>> swapped_for(date(2072, 6, 30), today)
    datetime.date(2027, 6, 30)
    """
    year = typo_year(day, today)
    if year is None:
        return None
    meant = in_year(day, year)
    return meant if meant >= today else None


DAY_SLACK = 1
"""How many days after today a form still takes a day that must have come (a check-in, an
achievement, a last contact): the person's clock may be a time zone ahead of the machine's.
Such a day is kept and, as every day after today (:func:`~career_workbook.analysis.period.as_of`),
counts from that day on; the form says so (:func:`not_counted_yet`), as ``validate`` does."""


def not_counted_yet(today: date, n: int = 1) -> str:
    """What happens to ``n`` recorded days after ``today``: the one wording of the forms (a
    day within :data:`DAY_SLACK` is saved with it), the promotion case and ``validate``.

    >>> not_counted_yet(date(2026, 12, 6))
    'after today (6 Dec 2026): the charts and counts leave it out until that day'
    >>> not_counted_yet(date(2026, 12, 6), 2)
    'after today (6 Dec 2026): the charts and counts leave them out until those days'
    """
    them = "it out until that day" if n == 1 else "them out until those days"
    return f"after today ({short_date(today)}): the charts and counts leave {them}"


def swapped_deadline(day: date | None, today: date, shown: str = "") -> str | None:
    """The question to ask about a deadline ``day`` whose year looks mistyped: today's or
    next year's with its digits swapped (:func:`typo_year`, 2062 typed for 2026): years
    ahead, it stretches every timeline to that year. It suggests the year meant only when
    that day in it is still to come (:func:`swapped_for`: never a day that has passed);
    else it asks whether the year is meant (a December deadline of 1 May 2062 is asked
    about too). ``None`` for any other day: a genuine ten-year goal (2036) is never asked
    about. The goal drafter, the goal review and the record forms with a deadline do not
    save such a deadline until it is fixed or kept, and ``validate`` notes it in a file.
    ``shown`` names the day (default: the day itself).

    >>> swapped_deadline(date(2062, 12, 31), date(2026, 12, 6))
    '31 Dec 2062 is 36 years away: did you mean 2026?'
    >>> swapped_deadline(date(2062, 12, 31), date(2026, 12, 6), "Deadline 31 Dec 2062")
    'Deadline 31 Dec 2062 is 36 years away: did you mean 2026?'
    >>> swapped_deadline(date(2036, 12, 31), date(2026, 12, 6)) is None
    True
    >>> swapped_deadline(date(2062, 6, 30), date(2026, 12, 6))  # 30 Jun 2026 has passed
    '30 Jun 2062 is 35 years away: is 2062 the year you mean?'
    """
    if typo_year(day, today) is None:
        return None
    meant = swapped_for(day, today)
    ask = f"did you mean {meant.year}?" if meant else f"is {day.year} the year you mean?"
    return f"{shown or short_date(day)} is {duration((day - today).days)} away: {ask}"


TODAY_AHEAD_DAYS = 366
"""How far after the real date a chosen "today" (``--today``, a notebook's ``today``) may
be: a review prepared before its day, or a look as of a deadline up to a year off. Further
ahead, every check-in reads years old and goals overdue: a typo, not a review."""


def today_problem(day: date, real: date) -> str | None:
    """Why ``day`` cannot be the "today" a command or a notebook counts from on the real
    date ``real``: its year is ``real``'s with the digits swapped (2062 typed for 2026), or
    it is more than :data:`TODAY_AHEAD_DAYS` ahead. ``None`` for any day before ``real``
    (an old review, reproduced) and up to a year after it.

    >>> today_problem(date(2062, 12, 6), date(2026, 12, 6))
    '2062-12-06 is in 2062: did you mean 2026-12-06? (today is 6 Dec 2026)'
    >>> today_problem(date(2036, 12, 6), date(2026, 12, 6))
    '2036-12-06 is 10 years after today (6 Dec 2026): give a day at most a year ahead'
    >>> today_problem(date(2026, 12, 13), date(2026, 12, 6)) is None
    True
    """
    if swapped_year(day, real):
        meant = in_year(day, real.year)
        return (f"{day.isoformat()} is in {day.year}: did you mean {meant.isoformat()}? "
                f"(today is {short_date(real)})")
    ahead = (day - real).days
    if ahead > TODAY_AHEAD_DAYS:
        return (f"{day.isoformat()} is {duration(ahead)} after today ({short_date(real)}): "
                "give a day at most a year ahead")
    return None


def listing(items: Sequence[str], most: int | None = None, last: str = "and") -> str:
    """Items joined as a sentence says them (``last`` before the last one); with ``most``,
    the first ``most`` of them and how many more.

    >>> listing(["a"]), listing(["a", "b"]), listing(["a", "b", "c"])
    ('a', 'a and b', 'a, b and c')
    >>> listing(["a", "b", "c", "d"], most=2), listing(["a", "b"], most=2)
    ('a, b and 2 more', 'a and b')
    >>> listing(["0", "2", "4"], last="or")
    '0, 2 or 4'
    """
    if most is not None and len(items) > most:
        items = [*items[:most], f"{len(items) - most} more"]
    return f" {last} ".join(filter(None, [", ".join(items[:-1]), *items[-1:]]))


def people_words(groups: list[list[str]]) -> str:
    """How many people a list of contacts holds (``groups``: each person's entries, by
    name, as :func:`~career_workbook.analysis.network.people` finds them), saying when
    some are entered more than once.

    >>> people_words([["Ana"], ["Bo"]])
    '2 contacts'
    >>> people_words([["Dana Lee", "dana lee", "D. Lee"], ["Bo"], ["Cy", "Cy"]])
    '3 contacts (6 entries: Dana Lee and Cy are in the list more than once)'
    >>> people_words([["Dana Lee", "dana lee"], ["Bo"]])
    '2 contacts (3 entries: Dana Lee is in the list twice)'
    """
    said = plural(len(groups), "contact")
    entries = sum(len(g) for g in groups)
    again = [g for g in groups if len(g) > 1]
    if not again:
        return said
    how = (f"is in the list {'twice' if len(again[0]) == 2 else f'{len(again[0])} times'}"
           if len(again) == 1 else "are in the list more than once")
    return f"{said} ({entries} entries: {listing([g[0] for g in again])} {how})"


def duration(days: int) -> str:
    """A span of ``days`` in words: days up to 13, then weeks, months (under 8 weeks is
    weeks), each rounded to the nearest, and from two years whole years, never rounded up
    (6 years and 7 months is "6 years", not "7 years": a late follow-up was said to be a
    year later than it was).

    >>> [duration(d) for d in (1, 13, 14, 55, 56, 200, 714, 730)]
    ['1 day', '13 days', '2 weeks', '8 weeks', '2 months', '7 months', '23 months', '2 years']
    >>> [duration(d) for d in (2405, 2540, 2557, 3260, 3279)]
    ['6 years', '6 years', '7 years', '8 years', '9 years']
    """
    days = abs(int(days))
    if days < 14:
        return plural(days, "day")
    if days < 56:
        return plural(round(days / 7), "week")
    months = round(days / 30.44)
    if months < 24:
        return plural(months, "month")
    return plural(months // 12, "year")


def relative(days: int) -> str:
    """A day ``days`` from today in words (negative: in the past).

    >>> [relative(d) for d in (-800, -1, 0, 1, 3653)]
    ['2 years ago', 'yesterday', 'today', 'tomorrow', 'in 10 years']
    """
    if days == 0:
        return "today"
    if abs(days) == 1:
        return "tomorrow" if days > 0 else "yesterday"
    return f"in {duration(days)}" if days > 0 else f"{duration(days)} ago"


def whole_percent(value: float) -> int:
    """A share in % rounded once, from the true value, to a whole number, but never to 100
    (or 0) while short of it (or above it): the one rounding of a percentage shown (the
    cover's readiness, the cohort CSV and the coach's table show this number).

    >>> whole_percent(73.494), whole_percent(73.5), whole_percent(99.8), whole_percent(0.2)
    (73, 74, 99, 1)
    """
    shown = math.floor(value + 0.5)  # half up, as a person rounds (73.5 -> 74)
    if shown >= 100 > value:
        shown = 99
    elif shown <= 0 < value:
        shown = 1
    return int(shown)


def percent(value: float) -> str:
    """:func:`whole_percent` with its sign.

    >>> percent(99.8), percent(100.0), percent(43.4), percent(0.2)
    ('99%', '100%', '43%', '1%')
    """
    return f"{whole_percent(value)}%"


def number(value: float) -> str:
    """A number as a person writes it: at most two decimals, no trailing zeros, thousands
    grouped.

    >>> number(3.0), number(2.5), number(1234567), number(0.333), number(-0.001)
    ('3', '2.5', '1,234,567', '0.33', '0')
    """
    shown = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if shown == "-0" else shown


def no_such_day(year: int, month: int, day: int) -> str:
    """Why a day that is not in the calendar cannot be read: the one wording of the forms,
    the goal drafter, the CLI and the file checks.

    >>> no_such_day(2027, 2, 30)
    '30 February 2027 is not a date (February 2027 has 28 days)'
    """
    import calendar

    month_name = MONTH_NAMES[month]
    days = calendar.monthrange(year, month)[1]
    return f"{day} {month_name} {year} is not a date ({month_name} {year} has {days} days)"


BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: one left open reorders the rest of a terminal line."""
_JOINERS = "\u200d\u200c\ufe0e\ufe0f"
"""What joins the character before it to the next (an emoji family, a flag's tag, a script)."""


def ended(text: str) -> str:
    """``text`` closing a sentence: with a full stop after it, unless it ends a sentence
    itself, so it never reads ``… conversation..``.

    >>> ended("Send Ravi my plan."), ended("Send Ravi my plan "), ended("Ready?")
    ('Send Ravi my plan.', 'Send Ravi my plan.', 'Ready?')
    """
    text = text.strip()
    return text + ("" if text[-1:] in ".!?…" else ".")


def quoted_end(text: str) -> str:
    """``“text”`` closing a sentence: with a full stop after it, unless the text ends a
    sentence itself (a goal written as one), so it never reads ``“… 2027.”.``.

    >>> quoted_end("Ship the report by May 2027."), quoted_end("Ship the report")
    ('“Ship the report by May 2027.”', '“Ship the report”.')
    """
    text = text.strip()
    return f"“{text}”" + ("" if text[-1:] in ".!?…" else ".")


def one_line(text: str, limit: int | None = None) -> str:
    r"""``text`` on one line as a terminal or a spreadsheet shows it, as typed: control
    characters (line breaks, tabs, escape codes) become spaces, the bidi overrides that
    would reorder the rest of the line are dropped, runs of spaces are one. Joiners stay (the
    zero-width joiner of 👨‍👩‍👧‍👦, of Persian and Indic words, variation selectors). Longer
    than ``limit`` characters: cut with "…", never leaving a joiner dangling.

    >>> one_line("Ana\n  Díaz\x1b[31m 👨\u200d👩\u200d👧") == "Ana Díaz [31m 👨\u200d👩\u200d👧"
    True
    >>> one_line("\u202eevil\u202c name"), one_line("Nguyễn Thị Minh Khai", 12)
    ('evil name', 'Nguyễn Thị…')
    """
    head = text if limit is None else text[:4 * limit]  # enough for the line shown
    head = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
                   for ch in head if ch not in BIDI_CONTROLS)
    one = " ".join(head.split())
    if limit is None or (len(one) <= limit and len(head) == len(text)):
        return one
    return one[:limit - 1].rstrip().rstrip(_JOINERS).rstrip() + "…"


def client_labels(names: Sequence[str], ids: Sequence[str]) -> list[str]:
    """Each client as the coach's table, nudge list, charts and calendar name them: the
    name, with the workbook's id after it where another client's name reads the same
    (case and spacing aside), so two people called Ana can be told apart.

    >>> client_labels(["Ana Díaz", "ana  díaz", "Sam Lee"], ["ana_diaz", "ana_diaz_2", "sam"])
    ['Ana Díaz (ana_diaz)', 'ana díaz (ana_diaz_2)', 'Sam Lee']
    """
    shown = [" ".join(str(name).split()) for name in names]
    seen: dict[str, int] = {}
    for name in shown:
        seen[name.casefold()] = seen.get(name.casefold(), 0) + 1
    return [name if seen[name.casefold()] == 1 else f"{name} ({ident})"
            for name, ident in zip(shown, ids, strict=True)]
