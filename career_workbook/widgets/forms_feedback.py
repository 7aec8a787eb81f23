"""Notebook 02: 360 feedback — one colleague at a time, or a CSV file; comments kept anonymous.

Examples
--------
>>> text = "rater_group,rater_id,date,skill,level,comment\\npeer,P1,2026-01-09,SQL,3,Clear\\n"
>>> [f.ratings for f in read_feedback_csv(text, skills=["SQL"])]
[{'SQL': 3}]
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import ipywidgets as widgets
from pydantic import ValidationError

from career_workbook.htmltext import cell_html
from career_workbook.imports import csv_error_text, csv_text, find_separator
from career_workbook.model import (
    RATER_GROUPS,
    Feedback,
    Problem,
    Skill,
    Workbook,
    WorkbookError,
    clean_name,
    name_key,
    problems_from_validation,
)
from career_workbook.widgets import quiet
from career_workbook.widgets.csv_source import PASTED, CsvSource
from career_workbook.widgets.fields import (
    MUTED,
    NONE,
    FormView,
    check_model,
    colour,
    esc,
    make_field,
    notice,
    notice_html,
    primary_button,
    save_record,
)
from career_workbook.widgets.forms_skills import level_options
from career_workbook.widgets.inputs import days_not_come, past_day_problem
from career_workbook.widgets.session import workspace_of
from career_workbook.wording import listing, plural, short_date
from career_workbook.workspace import WorkspaceError

__all__ = [
    "CSV_COLUMNS",
    "FeedbackCsv",
    "add_skills_to",
    "check_feedback_csv",
    "feedback_comments",
    "feedback_data",
    "feedback_form",
    "feedback_import",
    "read_feedback_csv",
]

GROUP_LABELS = {
    "manager": "Manager", "peer": "Peer (same level)", "direct_report": "Someone I manage",
    "mentor": "Mentor", "other": "Other (client, partner...)", "self": "Myself",
    "others": "Small groups together",
}
CSV_COLUMNS = ("rater_group", "rater_id", "date", "skill", "level", "comment", "behaviour")
"""Columns of a feedback CSV file (``comment`` and ``behaviour`` are optional: a row with a
``behaviour`` and no ``skill`` rates a reputation behaviour). More comment columns may follow
(``comment_strengths``, ``comment_to_improve``: see
:func:`~career_workbook.analysis.feedback.comment_label`); any other column is named in the
preview as not imported."""


def feedback_data(group: str | None, rater_id: str, day: Any,
                  ratings: dict[str, int | None], comment: str,
                  reputation: dict[str, int | None] | None = None) -> dict[str, Any]:
    """The fields of a :class:`~career_workbook.model.Feedback` from form values.

    >>> feedback_data("peer", " P1 ", None, {"SQL": 3, "R": None}, "",
    ...               {"reliable": 4, "ethical": None})["reputation"]
    {'reliable': 4}
    """
    return {"rater_group": group, "rater_id": rater_id.strip(), "date": day,
            "ratings": {k: v for k, v in ratings.items() if v is not None},
            "comment": comment.strip(),
            "reputation": {k: v for k, v in (reputation or {}).items() if v is not None}}


def read_feedback_csv(text: str, *, skills: Iterable[str] | None = None,
                      day_order: str | None = None) -> list[Feedback]:
    """Parse the text of a feedback CSV file (see :data:`CSV_COLUMNS`).

    Column names are matched ignoring case and spaces. Raises ``WorkbookError`` naming the
    row, column and value of the first problem. ``day_order`` (``"day"`` or ``"month"``)
    reads dates such as ``03/10/2026``, refused without it.
    """
    from career_workbook import analysis

    table = _read_table(text)
    if table.problems:
        raise WorkbookError(problems=[p for _, p in table.problems])
    return analysis.parse_feedback_csv_rows(table.rows, skills=skills, lines=table.lines,
                                            day_order=day_order)


@dataclass(frozen=True)
class FeedbackCsv:
    """A checked feedback CSV: its entries, every problem found, and the skills it rates
    that the workbook does not track yet (in order of first appearance); ``notes`` for
    the preview (dates read from day numbers or in the order the person chose, columns
    not imported); ``asked``: the first date written with numbers whose order is not
    known, with its two readings (day first, month first), for the form to ask."""

    entries: list[Feedback]
    problems: list[Problem]
    unknown: list[str]
    notes: list[str] = field(default_factory=list)
    asked: tuple[str, date, date] | None = None


@dataclass(frozen=True)
class _Table:
    """The rows of a CSV text (each a dict by column: a known column by its name, a
    comment column by its header as written) with the line each starts on, the problems
    of its structure as ``(line, problem)``, and the headers of columns not imported."""

    rows: list[dict[str, str | None]]
    lines: list[int]
    problems: list[tuple[int, Problem]]
    ignored: list[str] = field(default_factory=list)


def _header_names(cells: Iterable[str]) -> list[str]:
    return [c.strip().casefold().replace(" ", "_") for c in cells]


def _is_header(cells: list[str]) -> bool:
    """A feedback header: every required column, in any case, spaces for underscores.

    >>> _is_header(["Rater group", "rater_id", "date", "skill", "level", ""])
    True
    """
    return set(CSV_COLUMNS[:5]) <= set(_header_names(cells))


def _read_table(text: str) -> _Table:
    """Read a feedback CSV text: rows numbered by the line they start on, blank rows (and
    rows of only delimiters, as Excel writes) skipped, control characters dropped.

    A quote left open is a problem, not a comment that swallows the rows after it: at the
    end of the file, or when a quoted value's later lines look like rows of the file.

    >>> head = "rater_group;rater_id;date;skill;level;comment\\n"
    >>> table = _read_table(head + "\\n;;;;;\\npeer;P1;2026-01-09;SQL;4,0;\\n")
    >>> [r["level"] for r in table.rows], table.lines, table.problems
    (['4,0'], [4], [])
    >>> text = head + 'peer;P1;2026-01-09;SQL;3;"Great\\npeer;P2;2026-01-09;SQL;2;ok\\n'
    >>> [str(p) for _, p in _read_table(text).problems]
    ["row 2, column 'comment' = 'Great': a quote opened here is not closed before the next rows — close it or remove it"]
    """  # noqa: E501
    text = csv_text(text)
    separator = find_separator(text, _is_header)
    delimiter = separator.char
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    keys: list[str | None] = []
    ignored: list[str] = []
    rows: list[dict[str, str | None]] = []
    lines: list[int] = []
    problems: list[tuple[int, Problem]] = []
    end = 0
    try:
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = _header_names(cells)
                missing = [c for c in CSV_COLUMNS[:5] if c not in header]
                if missing:
                    return _Table([], [], [(start, Problem(
                        f"row {start} (the header)", ", ".join(h for h in header if h),
                        f"the file needs the columns {', '.join(CSV_COLUMNS[:5])} (and "
                        f"optionally comment); missing: {', '.join(missing)} "
                        f"({separator.note})"))])
                keys, twice = _column_keys(cells)
                if twice:
                    return _Table([], [], [(start, Problem(
                        f"row {start} (the header)", twice, "is the name of two columns: "
                        "keep one, or rename the other"))])
                ignored = [c.strip() for c, k in zip(cells, keys, strict=True)
                           if k is None and c.strip()]
                continue
            for i, cell in enumerate(cells):
                if any(later.count(delimiter) >= len(header) - 1
                       for later in cell.split("\n")[1:]):
                    problems.append((start, _open_quote(start, _column(header, i),
                                                        cell.split("\n")[0])))
                    break
            rows.append({k: (cells[i] if i < len(cells) else None)
                         for i, k in enumerate(keys) if k is not None})
            lines.append(start)
    except csv.Error as err:
        start = end + 1
        first = text.split("\n")[start - 1] if start <= text.count("\n") + 1 else ""
        if first.count('"') % 2:  # a quote opened on the row's first line never closes
            fields = next(csv.reader([first], delimiter=delimiter), [""])
            problems.append((start, _open_quote(start, _column(header, len(fields) - 1),
                                                fields[-1].split("\n")[0] if fields else "")))
        elif "expected after" in str(err):  # text after a closing quote
            problems.append((start, Problem(
                f"row {start}", first, "a value has text after its closing quote: put the "
                'whole value in quotes and write each quote inside it twice ("")')))
        else:
            problems.append((start, Problem(
                f"row {start}", first, f"{csv_error_text(err)}: fix this row in a text "
                "editor, or open the file in a spreadsheet and save it as CSV again")))
    if header is None:
        return _Table([], [], [(1, Problem(
            "row 1 (the header)", None, f"the file is empty: it needs the columns "
            f"{', '.join(CSV_COLUMNS[:5])} (and optionally comment)"))])
    return _Table(rows, lines, problems, ignored)


def _column_keys(cells: Sequence[str]) -> tuple[list[str | None], str]:
    """How each column of a header is kept in a row: a known column by its name, a comment
    column (:func:`~career_workbook.analysis.feedback.comment_label`) by its header as
    written (a second one of the same name numbered), any other not at all (``None``);
    and the name of a known column that comes twice ("" when none does).

    >>> _column_keys(["Rater group", "comment", "Comment", "Timestamp", "", "level"])
    (['rater_group', 'comment', 'Comment 2', None, None, 'level'], '')
    >>> _column_keys(["level", "Level"])[1]
    'Level'
    """
    from career_workbook.analysis.feedback import comment_label

    keys: list[str | None] = []
    for cell, name in zip(cells, _header_names(cells), strict=True):
        if comment_label(cell) is not None:
            key, n = " ".join(cell.split()), 1
            while key in keys or key.casefold() in (k.casefold() for k in keys if k):
                n += 1
                key = f"{' '.join(cell.split())} {n}"
            keys.append(key)
        elif name in CSV_COLUMNS:
            if name in keys:
                return keys, cell.strip()
            keys.append(name)
        else:
            keys.append(None)
    return keys, ""


def _column(header: Sequence[str] | None, i: int) -> str:
    if header and 0 <= i < len(header) and header[i]:
        return f"column {header[i]!r}"
    return f"column {i + 1}"


def _open_quote(row: int, column: str, opening: str) -> Problem:
    return Problem(f"row {row}, {column}", opening, "a quote opened here is not closed before "
                   "the next rows — close it or remove it")


def _at_row(problem: Problem, row: int) -> Problem:
    """``problem`` placed at ``row`` of the file (its field names a row or not).

    >>> str(_at_row(Problem("row 2, column 'date'", "09/01/2026", "is not a date"), 2))
    "row 2, column 'date' = '09/01/2026': is not a date"
    """
    if re.match(r"row \d+", problem.field):
        return Problem(re.sub(r"^row \d+", f"row {row}", problem.field), problem.value,
                       problem.message)
    return Problem(f"row {row}: {problem.field}", problem.value, problem.message)


def check_feedback_csv(text: str, skills: Iterable[str], today: date | None = None, *,
                       day_order: str | None = None) -> FeedbackCsv:
    """Check every row of a feedback CSV (see :data:`CSV_COLUMNS`) and collect all problems;
    feedback dated after ``today`` (when given) is one, as in the form.

    A skill the workbook does not track is not a problem but listed in ``unknown`` (the
    entries then include it); one written differently from a tracked one (``sql`` for
    ``SQL``) is a problem; one that differs only invisibly (a no-break space, a zero-width
    character: see :func:`~career_workbook.model.clean_name`) is the tracked one.

    Dates are read as every import reads them
    (:func:`~career_workbook.day_text.read_sheet_day`): a time of day after one is
    ignored, a spreadsheet's day number is read and said in ``notes``; a date such as
    ``03/10/2026``, which could be two days, is a problem (``asked`` holds the first)
    until the person gives the file's ``day_order`` (``"day"`` or ``"month"`` first).

    >>> text = ("rater_group,rater_id,date,skill,level\\n"
    ...         "peer,P1,2026-01-09,SQL,3\\npeer,P1,2026-02-30,R,9\\npeer,P2,2026-01-09,Go,2\\n")
    >>> check = check_feedback_csv(text, ["SQL", "R"])
    >>> [str(p) for p in check.problems]
    ["row 3, column 'date' = '2026-02-30': 30 February 2026 is not a date (February 2026 has 28 days); e.g. 2026-02-28", "row 3, column 'level' = '9': must be a whole number from 0 to 5"]
    >>> check.unknown
    ['Go']
    >>> text = "rater_group,rater_id,date,skill,level\\npeer,P1,2062-01-09,SQL,3\\n"
    >>> print(check_feedback_csv(text, ["SQL"], today=date(2026, 12, 6)).problems[0])
    row 2, column 'date' = '2062-01-09': 9 Jan 2062 is after today (6 Dec 2026): feedback records something that has already happened. Did you mean 2026?
    >>> text = "rater_group,rater_id,date,skill,level\\npeer,P1,03.10.2026,SQL,3\\n"
    >>> check_feedback_csv(text, ["SQL"]).asked
    ('03.10.2026', datetime.date(2026, 10, 3), datetime.date(2026, 3, 10))
    >>> check_feedback_csv(text, ["SQL"], day_order="day").entries[0].date
    datetime.date(2026, 10, 3)
    """  # noqa: E501
    from career_workbook import analysis
    from career_workbook.analysis.feedback import row_comments
    from career_workbook.analysis.skills import tracked_skill

    table = _read_table(text)
    rows = table.rows
    spelled = {clean_name(k): k for k in skills}  # invisible differences: the same skill
    folded = {name_key(k): k for k in spelled.values()}
    tracked = list(spelled.values())  # "Python" in the file, "Python 3" in the workbook
    problems: list[tuple[int, Problem]] = list(table.problems)
    unknown: list[str] = []
    day_numbers: list[tuple[int, str, date]] = []
    ordered_days: list[tuple[str, date]] = []
    asked: tuple[str, date, date] | None = None
    for n, row in zip(table.lines, rows, strict=True):
        found: list[Problem] = []
        skill = (row.get("skill") or "").strip()
        level = (row.get("level") or "").strip()
        comments = row_comments(row)
        behaviour = (row.get("behaviour") or "").strip()
        if behaviour:  # a reputation row: the behaviour (and no skill) instead of a skill
            try:
                analysis.parse_feedback_csv_rows([{**_GOOD_ROW, "skill": skill,
                                                   "behaviour": behaviour}])
            except WorkbookError as err:
                found += [_at_row(p, n) for p in err.problems]
        read = _NOT_READ
        for column in ("rater_group", "rater_id", "date", "level"):  # each on its own
            if column == "date":
                read = _read_day(row.get("date"), day_order, today)
                if read.why:
                    found.append(Problem(f"row {n}, column 'date'", row.get("date"), read.why))
                continue
            if column == "level" and not skill and not level and not behaviour:
                continue  # a comment-only row (or a missing skill, named below)
            if column in ("rater_id",) and not (row.get(column) or "").strip():
                continue  # blank: named below
            probe = {**_GOOD_ROW, column: row.get(column)}
            try:
                analysis.parse_feedback_csv_rows([probe])
            except WorkbookError as err:
                found += [_at_row(p, n) for p in err.problems]
        written, day = (row.get("date") or "").strip(), read.day
        if read.readings and asked is None:  # could be two days: the form asks the order
            asked = (written, *read.readings)
        if day is not None and read.from_number:
            day_numbers.append((n, written, day))
        elif day is not None and day_order and _NUMERIC_DATE.fullmatch(written):
            ordered_days.append((written, day))
        for column in ("rater_group", "rater_id", "date"):
            if not (row.get(column) or "").strip() and not any(
                    f"'{column}'" in p.field for p in found):
                found.append(Problem(f"row {n}, column {column!r}", row.get(column),
                                     "is missing or blank"))
        if today is not None and day is not None:
            late = past_day_problem(day, today, "", "feedback")
            if late:
                found.append(Problem(f"row {n}, column 'date'", row.get("date"), late))
        if day is not None:
            row["date"] = day  # read once, by the one rule
        if not skill and not behaviour and (level or not comments):
            found.append(Problem(f"row {n}, column 'skill'", row.get("skill"),
                                 "is missing or blank"))
        if skill and clean_name(skill) in spelled:
            row["skill"] = spelled[clean_name(skill)]  # the workbook's (or first) spelling
        elif skill and (other := folded.get(name_key(skill))
                        or tracked_skill(tracked, clean_name(skill))):
            found.append(Problem(f"row {n}, column 'skill'", skill,
                                 f"{'this file' if other in unknown else 'your list'} has "
                                 f"“{other}”: write it the same way"))
        elif skill:
            name = clean_name(skill)
            try:
                Skill(name=name)
            except ValidationError as err:
                found.append(Problem(f"row {n}, column 'skill'", skill,
                                     f"{problems_from_validation(err)[0].message} (a skill "
                                     "name): shorten it or fix it"))
            else:
                unknown.append(name)
                spelled[name] = folded[name_key(name)] = name
                row["skill"] = name
        problems += [(n, p) for p in found]
    entries: list[Feedback] = []
    if not problems:
        try:
            entries = analysis.parse_feedback_csv_rows(rows, lines=table.lines,
                                                       day_order=day_order, today=today)
        except WorkbookError as err:
            problems = [(0, p) for p in err.problems] or [(0, Problem("", None, str(err)))]
    ordered = [p for _, p in sorted(problems, key=lambda item: item[0])]
    return FeedbackCsv(entries, ordered, unknown,
                       _csv_notes(day_numbers, ordered_days, day_order, table.ignored), asked)


@dataclass(frozen=True)
class _Day:
    """A row's date as read: the ``day``; ``why`` not (a sentence); whether it was a
    spreadsheet's day number; the two ``readings`` (day first, month first) of a date that
    could be either."""

    day: date | None
    why: str = ""
    from_number: bool = False
    readings: tuple[date, date] | None = None


_NOT_READ = _Day(None)
_NUMERIC_DATE = re.compile(r"\d{1,2}\D\d{1,2}\D.*")  # 03/10/2026, 3.10.2026 09:12


def _read_day(text: Any, order: str | None, today: date | None) -> _Day:
    """A row's date as every import reads it
    (:func:`~career_workbook.day_text.read_sheet_day`).

    >>> _read_day("2026-10-03T09:12:00", None, None)
    _Day(day=datetime.date(2026, 10, 3), why='', from_number=False, readings=None)
    >>> _read_day("31.04.2026", "day", None).why
    '31 April 2026 is not a date (April 2026 has 30 days); e.g. 30.04.2026'
    >>> _read_day("03/10/2026", None, None).readings
    (datetime.date(2026, 10, 3), datetime.date(2026, 3, 10))
    """
    from career_workbook.analysis.feedback import date_problem
    from career_workbook.day_text import AmbiguousDate, read_sheet_day

    try:
        day, from_number = read_sheet_day(str(text or ""), order=order, today=today)
    except AmbiguousDate as err:
        return _Day(None, date_problem(str(err)), readings=err.readings)
    except ValueError as err:
        return _Day(None, date_problem(str(err)))
    return _Day(day, "", from_number)


def _csv_notes(day_numbers: Sequence[tuple[int, str, date]],
               ordered_days: Sequence[tuple[str, date]], order: str | None,
               ignored: Sequence[str]) -> list[str]:
    """What the preview says about how the file was read: dates read from spreadsheet day
    numbers, dates read in the order the person chose, columns not imported.

    >>> for note in _csv_notes([], [("03/10/2026", date(2026, 10, 3))], "day", ["Email"]):
    ...     print(note)
    date: 1 date written with numbers read day first, as you chose (03/10/2026 is 3 Oct 2026)
    The column “Email” is not imported: only rater_group, rater_id, date, skill, level, behaviour and comment columns are (name a column comment_… to import its text as comments).
    """  # noqa: E501
    from career_workbook.imports import day_numbers_note

    notes = [day_numbers_note(day_numbers, "date", "row", "below")] if day_numbers else []
    if ordered_days:
        written, day = ordered_days[0]
        notes.append(f"date: {plural(len(ordered_days), 'date')} written with numbers read "
                     f"{order} first, as you chose ({written} is {short_date(day)})")
    if ignored:
        names = ", ".join(f"“{name}”" for name in ignored)
        known = ", ".join(c for c in CSV_COLUMNS if c != "comment")
        notes.append(f"The column{'s' * (len(ignored) > 1)} {names} "
                     f"{'are' if len(ignored) > 1 else 'is'} not imported: only {known} and "
                     "comment columns are (name a column comment_… to import its text as "
                     "comments).")
    return notes


_GOOD_ROW = {"rater_group": "peer", "rater_id": "x", "date": "2026-01-01", "skill": "x",
             "level": "0"}


def problems_text(problems: Sequence[Problem], limit: int = 50, name: str = "") -> str:
    """Every problem of the file ``name``, one per line (at most ``limit``, then how many
    more).

    >>> print(problems_text([Problem("row 2", "x", "is odd")], name="fb.csv"))
    Cannot import fb.csv: the file has 1 problem; nothing was added. Fix the file and preview it again:
    • row 2 = 'x': is odd
    """  # noqa: E501
    what = "it" if name == PASTED else "the file"
    head = (f"Cannot import{' ' + name if name else ''}: {what} has "
            f"{plural(len(problems), 'problem')}; nothing was added. Fix {what} and "
            "preview it again:")
    n = len(problems)
    lines_ = [f"• {p}" for p in problems[:limit]]
    if n > limit:
        lines_.append(f"… and {n - limit} more")
    return "\n".join([head, *lines_])


def unknown_html(unknown: Sequence[str]) -> str:
    """The note about skills the file rates that the workbook does not track (escaped)."""
    if not unknown:
        return ""
    n = len(unknown)
    names = ", ".join(f"<b>{esc(u)}</b>" for u in unknown)
    return notice_html_raw(
        f"{plural(n, 'skill in this file is', 'skills in this file are')} not in "
        f"your list yet: {names}. Add {'them' if n != 1 else 'it'} with the button below "
        "(then rate yourself on them in notebook 01), or fix the names in the file.")


def notice_html_raw(body: str) -> str:
    """An info box around ``body`` (already escaped HTML)."""
    return (f'<div class="cw-notice cw-info" role="status" style="color:{colour("info-fg")};'
            f'background:{colour("info-bg")};border:1px solid {colour("info-line")};'
            f'border-radius:4px;padding:6px 10px;margin:4px 0">ℹ {body}</div>')


def add_skills_to(wb: Workbook, names: Iterable[str], catalog: Any = None) -> list[str]:
    """Track the skills in ``names`` the workbook does not track yet; return those added.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam")
    >>> add_skills_to(wb, ["SQL", "sql", "Python", "Python\\u200b"]), wb.skill_names()
    (['SQL', 'Python'], ['SQL', 'Python'])
    """
    have = {name_key(n) for n in wb.skill_names()}
    added = []
    for name in map(clean_name, names):
        if name_key(name) in have:
            continue
        info = catalog.skills.get(name) if catalog is not None else None
        wb.skills.append(Skill(name=name, category=info.category if info else "technical"))
        have.add(name_key(name))
        added.append(name)
    return added


def entry_name(entry: Feedback) -> str:
    """How a message names a stored feedback entry: its code, group and date.

    >>> entry_name(Feedback(rater_group="peer", rater_id="p9", date=date(2026, 12, 5)))
    'p9 (peer, 5 Dec 2026)'
    """
    return f"{entry.rater_id} ({entry.rater_group}, {short_date(entry.date)})"


def replaced_unseen(plan: Any, seen: Sequence[Feedback]) -> list[Feedback]:
    """The stored entries that carrying out ``plan`` (a
    :class:`~career_workbook.analysis.FeedbackPlan`) would replace although they were not
    in the file when the form was filled (``seen``): saved or changed in another tab,
    notebook or from the command line since. A form never replaces what it never had.

    >>> from career_workbook.analysis import plan_feedback_import
    >>> day = date(2026, 12, 5)
    >>> mine = Feedback(rater_group="peer", rater_id="p9", date=day, ratings={"SQL": 2})
    >>> theirs = mine.model_copy(update={"ratings": {"SQL": 4}, "comment": "Clear"})
    >>> plan = plan_feedback_import([theirs], [mine])
    >>> [f.comment for f in replaced_unseen(plan, seen=[])], replaced_unseen(plan, [theirs])
    (['Clear'], [])
    """
    return [old for old, _ in plan.corrections if old not in seen]


def import_feedback(wb: Workbook, entries: Sequence[Feedback], unknown: Sequence[str],
                    catalog: Any, seen: Sequence[Feedback] | None = None
                    ) -> tuple[Any, list[str]]:
    """Add the ``unknown`` skills, then import the ``entries`` as planned against ``wb`` as
    it is now (read under the file's lock: another tab may have imported them since the
    preview); the plan carried out and the skills added.

    ``seen``: the stored entries when the form was filled (or the file previewed). Replacing
    one saved or changed elsewhere since (:func:`replaced_unseen`) is a conflict that names
    it: nothing is saved.
    """
    from career_workbook.analysis import plan_feedback_import
    from career_workbook.widgets.merge import RELOAD_HINT, EditConflict

    plan = plan_feedback_import(wb.feedback, entries, assessments=wb.assessments)
    unseen = replaced_unseen(plan, seen) if seen is not None else []
    if unseen:
        raise EditConflict([Problem("", None, (
            f"{'was' if len(unseen) == 1 else 'were'} saved in another window since this "
            f"form was shown, and saving this would replace "
            f"{'it' if len(unseen) == 1 else 'them'}; {RELOAD_HINT}"))],
            {"": "The feedback from " + listing([entry_name(f) for f in unseen])})
    skills = add_skills_to(wb, unknown, catalog)
    plan = plan_feedback_import(wb.feedback, entries, assessments=wb.assessments)
    wb.feedback[:] = plan.apply(wb.feedback)
    wb.assessments.extend(plan.self_ratings)  # your own ratings: a self-assessment, as in 01
    return plan, skills


def own_ratings_text(assessment: Any) -> str:
    """What saving your own skill ratings did (``assessment``: the self-assessment made of
    them, see :func:`~career_workbook.analysis.own_ratings`).

    >>> from datetime import date
    >>> from career_workbook.model import Assessment
    >>> own_ratings_text(Assessment(date=date(2026, 11, 22), ratings={"SQL": 5, "R": 4}))
    'your own ratings of 2 skills saved as your self-assessment of 22 Nov 2026 (notebook 01 shows them too)'
    """  # noqa: E501
    return (f"your own ratings of {plural(len(assessment.ratings), 'skill')} saved as your "
            f"self-assessment of {short_date(assessment.date)} (notebook 01 shows them too)")


def import_message(plan: Any, skills: Sequence[str]) -> str:
    """What an import did (``plan``: a :class:`~career_workbook.analysis.FeedbackPlan`),
    as the file has it now.

    >>> from datetime import date
    >>> from career_workbook.analysis import FeedbackPlan
    >>> import_message(FeedbackPlan((), (), 2), [])
    'nothing added: these entries are in your workbook already (imported in another tab?)'
    >>> p1 = Feedback(rater_group="peer", rater_id="P1", date=date(2026, 10, 3),
    ...               ratings={"SQL": 4}, comment="Clear")
    >>> import_message(FeedbackPlan((p1, p1.model_copy(update={"ratings": {},
    ...                                                      "comment": "Slow"})), (), 0), ["SQL"])
    '2 feedback entries added and 1 skill added to your list (SQL): 1 skill rating and 2 comments from 1 colleague'
    """  # noqa: E501
    if not plan.new and not plan.corrections and not plan.self_ratings and not skills:
        return ("nothing added: these entries are in your workbook already (imported in "
                "another tab?)")
    done = [plural(len(plan.new), "feedback entry", "feedback entries") + " added"
            ] if plan.new else []
    if plan.corrections:
        who = ", ".join(entry_name(new) for _, new in plan.corrections)
        done.append(
            f"{plural(len(plan.corrections), 'stored entry', 'stored entries')} "
            f"replaced by the corrected one{'s' if len(plan.corrections) > 1 else ''} ({who})")
    if len(plan.self_ratings) == 1:
        done.append(own_ratings_text(plan.self_ratings[0]))
    elif plan.self_ratings:
        done.append(f"your own ratings saved as {len(plan.self_ratings)} self-assessments "
                    "(notebook 01 shows them too)")
    if skills:
        done.append(f"{plural(len(skills), 'skill')} added to your list ({', '.join(skills)})")
    what = saved_words(plan, own=False) if plan.new or plan.corrections else ""
    return listing(done) + (f": {what}" if what else "")


def entry_message(plan: Any) -> str:
    """What saving one colleague's feedback did (``plan``: its
    :class:`~career_workbook.analysis.FeedbackPlan`, as :func:`import_feedback` made it):
    added, replaced the entry stored for that rater and date, or nothing; your own skill
    ratings ("Myself") are saved as a self-assessment (:func:`own_ratings_text`).

    >>> from datetime import date
    >>> from career_workbook.analysis import FeedbackPlan
    >>> old = Feedback(rater_group="peer", rater_id="P1", date=date(2026, 1, 9))
    >>> entry_message(FeedbackPlan((old,), (), 0))
    'feedback from P1 added'
    >>> entry_message(FeedbackPlan((), ((old, old),), 0))
    'feedback from P1 replaced the entry stored for the same group, code and date (peer, 9 Jan 2026)'
    """  # noqa: E501
    said = [own_ratings_text(a) for a in getattr(plan, "self_ratings", ())]
    if plan.new:
        said.append(f"feedback from {plan.new[0].rater_id} added")
    elif plan.corrections:
        new = plan.corrections[0][1]
        said.append(
            f"feedback from {new.rater_id} replaced the entry stored for the same group, "
            f"code and date ({new.rater_group.replace('_', ' ')}, {short_date(new.date)})")
    return "; ".join(said) or "nothing added: the same feedback is in your workbook already"


def _group_options() -> list[tuple[str, str]]:
    return [(GROUP_LABELS[g], g) for g in RATER_GROUPS if g != "self"] + [
        (GROUP_LABELS["self"], "self")]


# ----------------------------------------------------------------------------------------
def feedback_form(session: Any) -> widgets.Widget:
    """Enter one colleague's ratings: group, anonymous code, date, levels, comment."""

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        wb = s.workbook
        if not wb.skills:
            return [notice("Add the skills you track first (notebook 01), then enter your "
                           "colleagues' ratings of them here.", "info")]
        group = make_field("rater_group", "Who gave it", "dropdown", value="peer",
                           options=_group_options(),
                           help="Their relationship to you. Groups with fewer than 3 people "
                                "are merged in charts so nobody can be identified. “Myself”: "
                                "your own skill ratings are saved as a self-assessment, as in "
                                "notebook 01; your latest self-assessment is how you rate "
                                "yourself in every chart.")
        rater = make_field("rater_id", "Anonymous code", "text",
                           placeholder="e.g. P1, M1",
                           help="A code you choose for this person: one short word without "
                                "spaces, never their name. Use the same code if they give "
                                "feedback again.")
        day = make_field("date", "Date", "date", value=s.today,
                         help="When they gave the feedback (today or earlier).")
        view.follows_today(day)
        ratings = [make_field(f"ratings.{name}", name, "dropdown", options=level_options(),
                              help="How they see your level; leave “not rated” if they did "
                                   "not say.")
                   for name in wb.skill_names()]
        from career_workbook.analysis.reputation import BEHAVIOUR_LABELS, BEHAVIOUR_LEVELS

        reputation = [make_field(f"reputation.{key}", label, "dropdown",
                                 options=level_options(levels=BEHAVIOUR_LEVELS),
                                 help="Optional: how often they see you do this, from 0 "
                                      "(not seen it yet) to 5 (always).")
                      for key, label in BEHAVIOUR_LABELS.items()]
        comment = make_field("comment", "Comment", "textarea",
                             help="Their words, as given. Shown only grouped with others, "
                                  "never with the code or date.")
        boxes = view.add(group, rater, day, *ratings)
        boxes += [quiet.HTML(
            '<div style="font-weight:600;margin-top:6px">Reputation (optional)</div>'
            f'<div style="color:{MUTED}">What people say about you when you are not in the '
            "room: rate the ones they spoke to, skip the rest.</div>")]
        boxes += view.add(*reputation, comment)
        save = primary_button("Add this feedback",
                              "Save this colleague's ratings as a new feedback entry (or in "
                              "place of theirs stored for the same date)")
        view.buttons["save"] = save
        labels = {k: f.label for k, f in view.fields.items()}

        def collect() -> tuple[Any, dict[str, str]]:
            data = feedback_data(group.value, rater.value, day.value,
                                 {f.label: f.value for f in ratings}, comment.value,
                                 {f.key.split(".", 1)[1]: f.value for f in reputation})
            found = days_not_come(data, s.today, {"date": f"“{day.label}”"}, "feedback")
            from career_workbook.analysis import rater_code_problem

            code = rater_code_problem(data["rater_id"])
            if code:
                found["rater_id"] = f"Anonymous code “{data['rater_id']}” {code}."
            if found:
                return None, found
            record, errors = check_model(Feedback, data, labels)
            if record is not None and not (record.ratings or record.reputation
                                           or record.comment):
                return None, {"": "Choose at least one rating or write their comment."}
            return record, errors

        seen = list(wb.feedback)  # the file's entries as this form was filled
        view.bind(save, collect,  # the import's rule: same rater and date is a correction
                  lambda wb, record: import_feedback(wb, [record], [], s.catalog, seen)[0],
                  adds=True, detail=entry_message)
        return [*boxes, save]

    return FormView(session, build, name="feedback", title="Add one colleague's feedback",
                    intro="Enter what one person said. Each save adds a new entry (or "
                          "replaces the one stored with the same group, code and date); the "
                          "form then clears for the next person.",
                    depends=lambda wb: (wb.skill_names(), len(wb.feedback)))


IMPORT_HELP = (
    "Columns: " + ", ".join(CSV_COLUMNS) + " (behaviour and comment optional); one row per "
    "rating, level 0-5. Dates as 2026-10-03 or 3 Oct 2026 (a time after them is fine); "
    "03/10/2026 only once you say which order the file uses. Every comment is kept as its "
    "own text: a rater's second comment on a date is saved beside the first, never joined "
    "to it, and several comment columns (comment_strengths, comment_to_improve) each keep "
    "their text, labelled with what the column asks.")
"""The import form's help on what a file holds (its columns, dates and comments)."""


def _order_options(asked: tuple[str, date, date] | None) -> list[tuple[str, str]]:
    """The choices of how a file writes dates with numbers, shown with the file's first
    such date (``asked``: as written, read day first, read month first).

    >>> _order_options(("03/10/2026", date(2026, 10, 3), date(2026, 3, 10)))[1:]
    [('day first: 03/10/2026 is 3 Oct 2026', 'day'), ('month first: 03/10/2026 is 10 Mar 2026', 'month')]
    """  # noqa: E501
    written, day_first, month_first = asked or ("03/10/2026", date(2026, 10, 3),
                                                date(2026, 3, 10))
    return [("— not said: ask me —", NONE),
            (f"day first: {written} is {short_date(day_first)}", "day"),
            (f"month first: {written} is {short_date(month_first)}", "month")]


def day_order_beside(view: FormView, preview: widgets.Button,
                     on_answer: Callable[[], Any]) -> None:
    """Ask which order a file writes its dates in (:func:`ask_day_order`) in a row beside
    ``preview`` (the form's Preview button); ``on_answer()`` runs when the person answers.

    The question is made when a preview first needs it: most files write their dates
    unambiguously, and made hidden it cost the page a model and a view for each of its
    widgets on every run of the notebook.
    """
    view.state["day_order_beside"] = (preview, on_answer)


def day_order(view: FormView) -> str | None:
    """The order the person said the file's dates use (``"day"`` or ``"month"`` first),
    ``None`` while not said or never asked."""
    order = view.fields.get("day_order")
    return None if order is None else order.value


def _reword_order(view: FormView, options: list[tuple[str, str]], value: str) -> None:
    """New wording of the order's choices (or a new value): not a choice made."""
    view.state["asking"] = True
    try:
        view.fields["day_order"].widget.options = options
        view.fields["day_order"].widget.value = value
    finally:
        view.state["asking"] = False


def ask_day_order(view: FormView, asked: tuple[str, date, date] | None) -> None:
    """After a preview: show the question which order the file writes its dates in while
    it has a date that could be two days (``asked``, as
    :attr:`FeedbackCsv.asked`: the question is worded with it) or the person has
    answered; hide it otherwise. Made beside Preview the first time it asks (see
    :func:`day_order_beside`).

    >>> from types import SimpleNamespace
    >>> from career_workbook.widgets.fields import secondary_button
    >>> view = FormView(SimpleNamespace(workbook=None, error=None, missing=True,
    ...                 form_message=lambda: "", on_change=lambda *a, **k: None),
    ...                 lambda v: [], name="x", title="X", needs_workbook=False)
    >>> preview, answers = secondary_button("Preview", "Read the file"), []
    >>> view.children = (*view.children, quiet.HBox([preview]))
    >>> day_order_beside(view, preview, lambda: answers.append(day_order(view)))
    >>> ask_day_order(view, None)  # nothing to ask: nothing made
    >>> "day_order" in view.fields, day_order(view)
    (False, None)
    >>> ask_day_order(view, ("03/10/2026", date(2026, 10, 3), date(2026, 3, 10)))
    >>> [label for label, _ in view.fields["day_order"].widget.options][1:]
    ['day first: 03/10/2026 is 3 Oct 2026', 'month first: 03/10/2026 is 10 Mar 2026']
    >>> view.children[-1].children[1].children == (view.fields["day_order"].box,)
    True
    >>> view.fields["day_order"].value = "month"
    >>> answers, day_order(view)
    (['month'], 'month')
    """
    order = view.fields.get("day_order")
    if order is None:
        if asked is None:
            return
        preview, on_answer = view.state["day_order_beside"]
        order = make_field("day_order", "Dates like 03/10/2026 are", "dropdown",
                           options=_order_options(asked),
                           help="A date written with numbers can be read two ways: say which "
                                "this file uses, day first or month first.")
        order.widget.observe(lambda _change: view.state.get("asking") or on_answer(),
                             names="value")
        view.state["day_order_row"] = quiet.HBox([order.box])
        view.insert(preview, view.state["day_order_row"], holding=[order])
    elif asked is not None:
        _reword_order(view, _order_options(asked), order.widget.value)
    quiet.show(view.state["day_order_row"], asked is not None or order.value is not None)


def forget_day_order(view: FormView, *, clear: bool) -> None:
    """Hide the question of :func:`ask_day_order` (the file could not be read);
    ``clear``: another file is previewed, so the answer about the last one goes too (it
    is not this file's answer)."""
    if "day_order" not in view.fields:
        return
    quiet.show(view.state["day_order_row"], False)
    if clear:
        _reword_order(view, _order_options(None), NONE)


def add_skills_label(n: int) -> str:
    """The words of the button that tracks a file's ``n`` new skills and imports it.

    >>> add_skills_label(1), add_skills_label(3)
    ('Add this skill to my list and import', 'Add these 3 skills to my list and import')
    """
    return f"Add {'this skill' if n == 1 else f'these {n} skills'} to my list and import"


def add_skills_beside(view: FormView, save: widgets.Button,
                      on_click: Callable[[Any], Any]) -> None:
    """Offer "Add these N skills to my list and import" (:func:`offer_add_skills`) beside
    ``save``; ``on_click`` runs when it is pressed. Made when a preview first finds skills
    the workbook does not track (most files rate tracked skills only)."""
    view.state["add_skills_beside"] = (save, on_click)


def offer_add_skills(view: FormView, unknown: Sequence[str]) -> None:
    """Show the button that tracks the previewed file's new skills (``unknown``) and
    imports it, worded with how many; hide it when there are none. Made beside Save the
    first time (see :func:`add_skills_beside`).

    >>> from types import SimpleNamespace
    >>> view = FormView(SimpleNamespace(workbook=None, error=None, missing=True,
    ...                 form_message=lambda: "", on_change=lambda *a, **k: None),
    ...                 lambda v: [], name="x", title="X", needs_workbook=False)
    >>> save, pressed = primary_button("Save", "Save it"), []
    >>> view.children = (*view.children, quiet.HBox([save]))
    >>> add_skills_beside(view, save, pressed.append)
    >>> offer_add_skills(view, [])  # no new skills: nothing made
    >>> "add_skills" in view.buttons
    False
    >>> offer_add_skills(view, ["Go", "Rust"])
    >>> [b.description for b in view.children[-1].children]
    ['Save', 'Add these 2 skills to my list and import']
    >>> view.buttons["add_skills"].click()
    >>> len(pressed)
    1
    >>> offer_add_skills(view, [])
    >>> view.buttons["add_skills"].layout.display
    'none'
    """
    add = view.buttons.get("add_skills")
    if add is None:
        if not unknown:
            return
        save, on_click = view.state["add_skills_beside"]
        add = primary_button(add_skills_label(len(unknown)),
                             "Track the file's new skills, then add its feedback", icon="plus")
        add.on_click(on_click)
        view.buttons["add_skills"] = add
        view.insert(save, add)
    elif unknown:
        add.description = add_skills_label(len(unknown))
    quiet.show(add, bool(unknown))


def feedback_import(session: Any) -> widgets.Widget:
    """Import feedback from a CSV file (upload it or give its path); preview; save.

    Every problem of the file is listed at once (row, column, value). Skills the workbook
    does not track yet are offered in one click: "Add these N skills to my list and import".
    A typed path is read from the workbook's workspace (``examples/...`` works from the
    repository) and, in the app, only inside the app's folder.
    """

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        source = CsvSource(view, tooltip="Choose a .csv file (or Excel's “Unicode text” .txt) "
                                         "from your computer", accept=".csv,.tsv,.txt",
                           placeholder="e.g. examples/feedback_import_sample.csv",
                           help="Relative paths start in your workspace folder "
                                f"({workspace_of(s.path)}). " + IMPORT_HELP)
        preview_button = source.preview_button("Read the file and show what would be "
                                               "added, without saving")
        save = primary_button("Add the previewed feedback",
                              "Save the previewed entries to your workbook file", disabled=True)
        view.buttons.update(preview=preview_button, save=save)
        preview = quiet.HTML("")
        view.state.update(entries=[], unknown=[])

        def reset(message: str = "", kind: str = "info") -> None:
            view.state.update(entries=[], unknown=[])
            save.disabled = True
            offer_add_skills(view, [])
            preview.value = ""
            view.set_status(message, kind)

        def show_preview(_button: Any = None) -> None:
            wb = s.workbook
            try:
                text = source.read_text()
            except (WorkbookError, WorkspaceError) as err:
                forget_day_order(view, clear=False)  # a question about a file not shown
                reset(f"Cannot import: {err}", "error")
                return
            if view.state.get("source") != source.key:  # another file: asked afresh
                view.state["source"] = source.key
                forget_day_order(view, clear=True)
            check = check_feedback_csv(text, wb.skill_names(), s.today,
                                       day_order=day_order(view))
            ask_day_order(view, check.asked)
            if check.problems:
                reset(problems_text(check.problems, name=source.name), "error")
                return
            from career_workbook.analysis import plan_feedback_import

            plan = plan_feedback_import(wb.feedback, check.entries,
                                        assessments=wb.assessments)
            view.state.update(entries=check.entries, unknown=check.unknown,
                              seen=list(wb.feedback))  # what the preview planned against
            preview.value = preview_html(plan, check.notes) + unknown_html(check.unknown)
            save.disabled = (not (plan.new or plan.corrections or plan.self_ratings)
                             or bool(check.unknown))
            offer_add_skills(view, check.unknown)
            view.set_status("")

        def import_entries(_button: Any) -> None:
            entries, unknown = view.state.get("entries") or [], view.state.get("unknown") or []
            if not entries and not unknown:
                view.set_status("Nothing to add: preview a file first.", "error")
                return
            seen = view.state.get("seen")
            result, added = save_record(
                s, lambda wb, _: import_feedback(wb, entries, unknown, s.catalog, seen), None)
            if result.ok:
                reset()
            view.show_result(result, import_message(*added) if result.ok else "")

        preview_button.on_click(show_preview)
        save.on_click(import_entries)
        source.on_upload(show_preview)
        day_order_beside(view, preview_button, show_preview)
        add_skills_beside(view, save, import_entries)
        return [*source.widgets, source.under(preview_button), preview, quiet.HBox([save])]

    return FormView(session, build, name="feedback_import", title="Import feedback from a file",
                    intro="For survey results: upload a CSV file, check the preview (Preview "
                          "saves nothing), then add it. Entries already in your workbook are "
                          "skipped; an entry with the same rater and date but other ratings "
                          "replaces the stored one.",
                    depends=lambda wb: wb.skill_names(),
                    saves_input=False)  # a file to read, not kept


def saved_words(plan: Any, *, own: bool = True) -> str:
    """What importing ``plan`` saves, counted by kind (the preview's headline and the
    message after saving say the same numbers); ``own``: your own ratings too.

    >>> from datetime import date
    >>> from career_workbook.analysis import FeedbackPlan
    >>> day = date(2026, 10, 3)
    >>> saved_words(FeedbackPlan((
    ...     Feedback(rater_group="peer", rater_id="P1", date=day, ratings={"SQL": 4},
    ...              reputation={"reliable": 3}, comment="Clear"),
    ...     Feedback(rater_group="peer", rater_id="p1", date=day, comment="To improve: tests"),
    ... ), (), 0))
    '1 skill rating, 1 reputation rating and 2 comments from 1 colleague'
    """
    counts = plan.counts()
    kinds = [plural(counts[kind], kind[:-1], kind) for kind in
             ("skill ratings", "reputation ratings", "comments") if counts[kind]]
    said = (f"{listing(kinds)} from {plural(counts['raters'], 'colleague')}" if kinds else "")
    if own and counts["own ratings"]:
        mine = f"your own ratings of {plural(counts['own ratings'], 'skill')}"
        said = listing([said, mine] if said else [mine])
    return said


def _rater_cell(f: Feedback) -> str:
    return cell_html(f"{GROUP_LABELS.get(f.rater_group, f.rater_group)} · {f.rater_id}")


def _text_cell(text: str) -> str:
    return "<br>".join(cell_html(line) for line in text.splitlines())


def _kind_table(title: str, n: int, head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """One kind of what will be saved: its title with how many, then a table (cells
    already escaped)."""
    if not rows:
        return ""
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (f'<div style="font-weight:600;margin-top:6px">{esc(title)} ({n})</div>'
            '<div class="cw-table-box"><table class="cw-table"><thead><tr>'
            + "".join(f"<th>{esc(h)}</th>" for h in head)
            + f"</tr></thead><tbody>{cells}</tbody></table></div>")


def preview_html(plan: Any, notes: Sequence[str] = ()) -> str:
    """What importing would do (``plan``: a :class:`~career_workbook.analysis.FeedbackPlan`):
    how many entries are added or replace stored ones, each correction by name, then every
    thing that will be saved grouped by kind (skill ratings, reputation ratings, comments,
    your own ratings), each kind with its count; ``notes`` on how the file was read. All
    escaped.

    >>> from datetime import date
    >>> from career_workbook.analysis import FeedbackPlan
    >>> one = Feedback(rater_group="peer", rater_id="P1", date=date(2026, 1, 9),
    ...                reputation={"reliable": 4})
    >>> html = preview_html(FeedbackPlan((one,), (), 1))
    >>> re.search(r"<b>(.*?)</b>", html).group(1)
    '1 feedback entry to add: 1 reputation rating from 1 colleague'
    >>> re.findall(r'600;margin-top:6px">(.*?)</div>', html)
    ['Reputation ratings (1)']
    >>> re.findall(r"<td>(.*?)</td>", html)
    ['Peer (same level) · P1', '9 Jan 2026', 'Reliable: does what they said: 4 (Almost always)', 'add']
    """  # noqa: E501
    from career_workbook.analysis.reputation import BEHAVIOUR_LABELS, BEHAVIOUR_LEVELS
    from career_workbook.widgets.display import TABLE_CSS

    own = getattr(plan, "self_ratings", ())
    if not plan.new and not plan.corrections and not own:
        return notice_html("Every entry in this file is already in your workbook."
                           if plan.skipped else "The file has no feedback rows.", "info")
    head = [f"{plural(len(plan.new), 'feedback entry', 'feedback entries')} to add"
            ] if plan.new else []
    if plan.corrections:
        head.append(f"{plural(len(plan.corrections), 'stored entry', 'stored entries')} to "
                    "replace")
    if own:
        head.append(f"your own ratings to add as {plural(len(own), 'self-assessment')} (how "
                    "you rate yourself: notebook 01 shows them too)")
    fixes = "".join(f"<li>{esc(line)}</li>" for line in plan.correction_lines())
    said = "".join(f"<li>{esc(note)}</li>" for note in notes)
    skipped = (f"<div>{plural(plan.skipped, 'entry', 'entries')} already in your workbook "
               "will be skipped.</div>") if plan.skipped else ""
    replacing = {id(new) for _, new in plan.corrections} | {id(f) for f in plan.also}
    entries = [(f, "replace stored" if id(f) in replacing else "add") for f in plan.saved]
    counts = plan.counts()
    skills = [(_rater_cell(f), esc(short_date(f.date)),
               cell_html(", ".join(f"{k} {v}" for k, v in f.ratings.items())), change)
              for f, change in entries if f.ratings]
    behaviours = [(_rater_cell(f), esc(short_date(f.date)), cell_html("; ".join(
                   f"{BEHAVIOUR_LABELS[k]}: {v} ({BEHAVIOUR_LEVELS[v]})"
                   for k, v in f.reputation.items())), change)
                  for f, change in entries if f.reputation]
    comments = [(_rater_cell(f), esc(short_date(f.date)), _text_cell(f.comment), change)
                for f, change in entries if f.comment]
    mine = [(esc(short_date(a.date)), cell_html(", ".join(f"{k} {v}"
                                                          for k, v in a.ratings.items())),
             "add as a self-assessment") for a in own]
    tables = (
        _kind_table("Skill ratings", counts["skill ratings"],
                    ("From", "Date", "Skill and level (0-5)", "Change"), skills)
        + _kind_table("Reputation ratings", counts["reputation ratings"],
                      ("From", "Date", "Behaviour and how often (0-5)", "Change"), behaviours)
        + _kind_table("Comments", counts["comments"],
                      ("From", "Date", "Comment, as it will be saved", "Change"), comments)
        + _kind_table("Your own ratings", counts["own ratings"],
                      ("Date", "Skill and level (0-5)", "Change"), mine))
    return (f"{TABLE_CSS}<div><b>{esc(', '.join(head))}: {esc(saved_words(plan))}</b></div>"
            + (f"<ul>{fixes}</ul>" if fixes else "") + skipped
            + (f"<ul>{said}</ul>" if said else "") + tables)


def feedback_comments(session: Any) -> widgets.Widget:
    """Colleagues' comments, grouped and unattributed (groups of at least 3 raters)."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook import analysis
        from career_workbook.widgets.display import table_widget

        frame = analysis.feedback_comments(view.session.workbook, today=view.session.today)
        frame = frame.assign(group=frame["group"].map(lambda g: GROUP_LABELS.get(g, g)))
        return [table_widget(
            frame, {"group": "From", "comment": "Comment"},
            empty=f"No comments to show yet. {analysis.COMMENTS_NOT_YET}")]

    return FormView(session, build, name="feedback_comments", title="What colleagues wrote",
                    intro="Comments are grouped and sorted alphabetically: who wrote what, "
                          "and when, is never shown.",
                    depends=lambda wb: wb.feedback)
