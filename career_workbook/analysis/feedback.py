"""360 feedback: how others see a skill next to how the person sees it, kept anonymous.

Anonymity rules (``MIN_GROUP = 3``), applied everywhere feedback is summarised:

- a rater group (manager, peer, ...) gets its own column only when at least three distinct
  raters in it gave ratings; smaller groups are merged into ``others`` and never shown alone;
- a group's value for one skill is shown only when at least three of its raters rated that
  skill, and never when the raters left over in ``others`` would be only one or two (else
  their answers could be worked out by subtraction);
- ``others`` for a skill is NaN when fewer than three non-self raters rated it;
- rater ids never leave this module; comments are returned grouped and unattributed.

A rater who gave feedback twice counts once, with their latest rating of each skill.

How you rate yourself is one rule everywhere: your latest self-assessment of each skill (as
of ``today``). Your own skill ratings entered as "Myself" (a ``'self'`` entry) in 360
feedback are saved as a self-assessment of that date (:func:`own_ratings`), so notebook
01's radar and the 360 chart always show the same level.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Assessment, Feedback, Skill, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
>>> wb.skills.append(Skill(name="SQL"))
>>> wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 4}))
>>> for rid, level in [("p1", 2), ("p2", 3), ("p3", 2)]:
...     wb.feedback.append(Feedback(rater_group="peer", rater_id=rid,
...                                 date=date(2026, 1, 9), ratings={"SQL": level}))
>>> row = feedback_360_frame(wb).iloc[0]
>>> float(row["self"]), round(float(row["others"]), 2), int(row["n_others"]), row["quadrant"]
(4.0, 2.33, 3, 'blind spot')
>>> wb.feedback.pop().rater_id  # with two raters left, nothing is shown
'p3'
>>> row = feedback_360_frame(wb).iloc[0]
>>> bool(pd.isna(row["others"])), row["quadrant"]
(True, None)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from pydantic import ValidationError

from career_workbook.frames import build_frame
from career_workbook.model import (
    RATER_GROUPS,
    Assessment,
    Feedback,
    Problem,
    Workbook,
    WorkbookError,
    clean_name,
    problems_from_validation,
)
from career_workbook.number_text import parse_number_text
from career_workbook.wording import number, short_date

__all__ = [
    "AGREEMENT_BAND",
    "COMMENTS_COLUMNS",
    "COMMENTS_NOT_YET",
    "MIN_GROUP",
    "STRENGTH_LEVEL",
    "FeedbackPlan",
    "agreement_words",
    "comment_group_label",
    "comment_label",
    "date_problem",
    "feedback_360_frame",
    "feedback_comments",
    "own_ratings",
    "parse_feedback_csv_rows",
    "plan_feedback_import",
    "quadrant",
    "rater_code_problem",
    "row_comments",
]

MIN_GROUP = 3
"""Fewest distinct raters whose answers may be shown together."""

OTHER_GROUPS = tuple(g for g in RATER_GROUPS if g != "self")
POOLED = "others"
"""Label of the comments pooled from rater groups too small to be shown alone."""
COMMENTS_NOT_YET = (f"Comments are shown once at least {MIN_GROUP} colleagues in a group "
                    f"(or {MIN_GROUP} across small groups together) have answered, so nobody "
                    "can be identified.")
"""What a list of comments says while none may be shown yet."""
GROUP_NAMES = {"manager": "Manager", "peer": "Peer", "direct_report": "Direct report",
               "mentor": "Mentor", "other": "Colleague",
               POOLED: "Colleague (from a group too small to name)"}
"""Rater groups as a reader of a review or a promotion case names them."""


def rater_code_problem(code: str) -> str | None:
    """Why ``code`` cannot be a rater's anonymous code, ``None`` when it can: a code is one
    word (a space makes it read as a person's name: "Sam Smith").

    >>> rater_code_problem("Sam Smith")
    'has a space: a code is one short word such as P1 or M2, never a name, so nobody can tell who said what'
    >>> rater_code_problem("P1") is None, rater_code_problem("mentor-2") is None
    (True, True)
    >>> rater_code_problem("<b>M8</b>"), rater_code_problem("同僚1") is None
    ('has “<”: a code is letters and digits (with - or _ if you like), such as P1 or M2', True)
    """  # noqa: E501
    if len(code.split()) > 1:
        return ("has a space: a code is one short word such as P1 or M2, never a name, so "
                "nobody can tell who said what")
    odd = [ch for ch in code.strip() if not (ch.isalnum() or ch in "-_.")]
    if odd:
        return (f"has “{odd[0]}”: a code is letters and digits (with - or _ if you like), "
                "such as P1 or M2")
    return None


def comment_group_label(group: str) -> str:
    """What a comment of :func:`feedback_comments` is shown under, for a reader.

    >>> comment_group_label("direct_report"), comment_group_label("others")
    ('Direct report', 'Colleague (from a group too small to name)')
    """
    return GROUP_NAMES.get(group, "Colleague")

COMMENTS_COLUMNS = {"group": "text", "comment": "text"}

Rater = tuple[str, str]  # (rater_group, rater_id); used only inside this module


def _latest_by_rater(wb: Workbook) -> dict[str, dict[Rater, int]]:
    """``{skill: {rater: level}}``, each rater's latest rating of each skill."""
    out: dict[str, dict[Rater, int]] = {}
    for f in sorted(wb.feedback, key=lambda f: f.date):
        for skill, level in f.ratings.items():
            out.setdefault(skill, {})[(f.rater_group, f.rater_key)] = level
    return out


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else math.nan


def shown_groups(wb: Workbook) -> list[str]:
    """Non-self rater groups with at least ``MIN_GROUP`` distinct raters who gave ratings."""
    raters: dict[str, set[str]] = {}
    for f in wb.feedback:
        if f.ratings and f.rater_group != "self":
            raters.setdefault(f.rater_group, set()).add(f.rater_key)
    return [g for g in OTHER_GROUPS if len(raters.get(g, ())) >= MIN_GROUP]


def _group_cells(others: Mapping[Rater, int], groups: list[str]) -> dict[str, float]:
    """Mean per shown group for one skill, with cells that would expose a rater removed."""
    members = {g: [lvl for (grp, _), lvl in others.items() if grp == g] for g in groups}
    cells = {g: members[g] for g in groups if len(members[g]) >= MIN_GROUP}
    # Subtraction guard: others' mean minus the shown groups must not isolate 1-2 raters.
    while cells:
        remainder = len(others) - sum(len(v) for v in cells.values())
        if remainder == 0 or remainder >= MIN_GROUP:
            break
        smallest = min(cells, key=lambda g: (len(cells[g]), g))
        del cells[smallest]
    return {g: (_mean(cells[g]) if g in cells else math.nan) for g in groups}


AGREEMENT_BAND = 1.0
"""Self and others agree on a skill when their ratings are at most this many levels apart
(the 360 chart's grey band, its legend, its headline and the frame's ``quadrant``); farther
apart, it is a blind spot or a hidden strength."""
STRENGTH_LEVEL = 3.5
"""An agreed skill is a strength when the mean of self and others reaches this level."""


def agreement_words() -> str:
    """How far apart self and others may be and still agree (:data:`AGREEMENT_BAND`), as the
    360 chart's legend says it.

    >>> agreement_words()
    'at most 1 level apart'
    """
    return f"at most {number(AGREEMENT_BAND)} level{'s' * (AGREEMENT_BAND != 1)} apart"


def quadrant(self_level: float, others: float) -> str | None:
    """Where a skill lands: ``'blind spot'`` (you rate yourself more than
    :data:`AGREEMENT_BAND` above colleagues), ``'hidden strength'`` (they rate you more than
    that above you), else ``'agreed strength'`` (the two average :data:`STRENGTH_LEVEL` or
    more) or ``'agreed development area'``; None when either is not known. One level apart
    is agreement: the point sits on the grey band's edge.

    >>> quadrant(2, 3.0), quadrant(2, 3.25), quadrant(4, 2.5), quadrant(4, 3.5)
    ('agreed development area', 'hidden strength', 'blind spot', 'agreed strength')
    >>> quadrant(float("nan"), 3.0) is None
    True
    """
    if math.isnan(self_level) or math.isnan(others):
        return None
    gap = round(others - self_level, 9)  # a mean of 3 ratings is never 1.0000000001 apart
    if gap < -AGREEMENT_BAND:
        return "blind spot"
    if gap > AGREEMENT_BAND:
        return "hidden strength"
    if (self_level + others) / 2 >= STRENGTH_LEVEL:
        return "agreed strength"
    return "agreed development area"


def feedback_360_frame(wb: Workbook, *, today: date | None = None) -> pd.DataFrame:
    """Self versus others, per skill, with the anonymity rules of this module.

    With ``today``, only feedback and self-assessments dated on or before it count (see
    :func:`~career_workbook.analysis.period.as_of`); without, every entry.

    One row per workbook skill that anyone rated in feedback (self included), in the
    workbook's skill order.

    Columns: ``skill``; ``self`` (latest self-assessment level, whichever notebook saved
    it; for a skill never self-assessed, the mean of the ratings of 'self' entries stored
    before "Myself" saved a self-assessment, else NaN); ``others`` (mean of all non-self
    raters, NaN when fewer than ``MIN_GROUP`` rated the skill); ``n_others`` (int, distinct
    non-self raters of the skill); one float column per rater group with at least
    ``MIN_GROUP`` raters, named after the group (``'manager'``, ``'peer'``,
    ``'direct_report'``, ``'mentor'``, ``'other'``), in that order; ``gap``
    (others - self); ``quadrant`` (:func:`quadrant`: 'blind spot' | 'hidden strength' |
    'agreed strength' | 'agreed development area' | None).
    """
    if today is not None:
        from career_workbook.analysis.period import as_of

        wb = as_of(wb, today)
    groups = shown_groups(wb)
    columns: dict[str, str] = {"skill": "text", "self": "float", "others": "float",
                               "n_others": "int"}
    columns.update({g: "float" for g in groups})
    columns.update({"gap": "float", "quadrant": "text"})

    by_skill = _latest_by_rater(wb)
    own = wb.latest_levels()
    rows = []
    for skill in wb.skill_names():
        ratings = by_skill.get(skill)
        if not ratings:
            continue
        others = {r: lvl for r, lvl in ratings.items() if r[0] != "self"}
        selfs = [lvl for r, lvl in ratings.items() if r[0] == "self"]
        self_level = float(own[skill][0]) if skill in own else _mean(selfs)
        mean_others = _mean(others.values()) if len(others) >= MIN_GROUP else math.nan
        cells = _group_cells(others, groups)
        rows.append((
            skill, self_level, mean_others, len(others), *(cells[g] for g in groups),
            mean_others - self_level, quadrant(self_level, mean_others),
        ))
    return build_frame(rows, columns)


def feedback_comments(wb: Workbook, min_raters: int = MIN_GROUP, *,
                      today: date | None = None) -> pd.DataFrame:
    """Colleagues' comments, grouped and unattributed.

    With ``today``, only feedback dated on or before it counts, as in
    :func:`feedback_360_frame` (a comment dated later is neither shown nor counted towards
    a group's raters); without, every entry.

    A rater group with at least ``min_raters`` distinct raters is shown under its own name;
    the comments of smaller groups are pooled under ``'others'``, shown only when the pool
    itself has ``min_raters`` raters, and suppressed otherwise. Self feedback is left out.
    Within a group comments are sorted alphabetically, so their order says nothing about
    who wrote them or when; dates and rater ids are never returned.

    Columns: ``group``, ``comment`` (one row per non-blank comment).

    Raises ``ValueError`` when ``min_raters`` is below ``MIN_GROUP``.
    """
    if min_raters < MIN_GROUP:
        raise ValueError(
            f"min_raters = {min_raters!r}: must be at least {MIN_GROUP} to keep raters anonymous"
        )
    if today is not None:
        from career_workbook.analysis.period import as_of

        wb = as_of(wb, today)
    raters: dict[str, set[str]] = {}
    comments: dict[str, list[str]] = {}
    for f in wb.feedback:
        if f.rater_group == "self":
            continue
        raters.setdefault(f.rater_group, set()).add(f.rater_key)
        if f.comment.strip():
            comments.setdefault(f.rater_group, []).append(f.comment.strip())
    rows: list[tuple[str, str]] = []
    pooled_raters = 0
    pooled: list[str] = []
    for group in OTHER_GROUPS:
        if len(raters.get(group, ())) >= min_raters:
            rows.extend((group, c) for c in sorted(comments.get(group, [])))
        else:
            pooled_raters += len(raters.get(group, ()))
            pooled.extend(comments.get(group, []))
    if pooled_raters >= min_raters:
        rows.extend((POOLED, c) for c in sorted(pooled))
    return build_frame(rows, COMMENTS_COLUMNS)


# ----------------------------------------------------------------------------------------
# Import from rows of a CSV file (the caller reads the file)
# ----------------------------------------------------------------------------------------
_REQUIRED = ("rater_group", "rater_id", "date", "skill", "level")


def _bad(row: int, column: str, value: Any, message: str) -> WorkbookError:
    return WorkbookError(problems=[Problem(f"row {row}, column {column!r}", value, message)])


def _text(row: Mapping[str, Any], column: str) -> str:
    value = row.get(column)
    return "" if value is None else str(value).strip()


def _parse_group(value: str, n: int) -> str:
    group = value.casefold().replace("-", "_").replace(" ", "_")
    if group not in RATER_GROUPS:
        raise _bad(n, "rater_group", value, f"must be one of {', '.join(RATER_GROUPS)}")
    return group


def _parse_date(row: Mapping[str, Any], n: int, order: str | None = None,
                today: date | None = None) -> date:
    """The day of a row, read as every CSV import reads a date
    (:func:`~career_workbook.day_text.read_sheet_day`: ``2026-10-03``, ``3 Oct 2026``, a
    time of day after it, a spreadsheet's day number; ``03/10/2026`` only with the file's
    ``order``).

    >>> _parse_date({"date": "03.10.2026"}, 2, "day"), _parse_date({"date": "46298"}, 2)
    (datetime.date(2026, 10, 3), datetime.date(2026, 10, 3))
    >>> _parse_date({"date": "03/10/2026"}, 4)
    Traceback (most recent call last):
    ...
    career_workbook.model.WorkbookError: row 4, column 'date' = '03/10/2026': could be 3 October or 10 March: write it as 2026-10-03 or 2026-03-10 (or say which order the file's dates use)
    """  # noqa: E501
    from career_workbook.day_text import read_sheet_day

    value = row.get("date")
    if isinstance(value, date):
        return value
    try:
        day, _ = read_sheet_day(_text(row, "date"), order=order, today=today)
    except ValueError as err:
        raise _bad(n, "date", value, date_problem(str(err))) from None
    if day is None:
        raise _bad(n, "date", value, "is missing or blank")
    return day


def date_problem(reason: str) -> str:
    """What a CSV file's unreadable date needs, from the date reader's ``reason`` (which
    quotes the value: the problem names it already).

    >>> date_problem("“2026-02-30”: 30 February 2026 is not a date (February 2026 has 28 days)")
    '30 February 2026 is not a date (February 2026 has 28 days)'
    >>> date_problem("“tomorrow” is not a date I can read; write it as 2027-06-30 or 30 June 2027.")
    'is not a date I can read: write it as 2027-06-30 or 30 June 2027'
    """  # noqa: E501
    reason = re.sub(r"^“[^”]*”:? ?", "", reason).rstrip(".")
    if reason.startswith("could be"):
        reason = reason.replace(": please write it as", ": write it as")
        return f"{reason} (or say which order the file's dates use)"
    return reason.replace("; write it", ": write it")


def _parse_level(row: Mapping[str, Any], n: int) -> int:
    """The level of a row, a whole number 0-5 written ``4``, ``4.0`` or ``4,0`` (a cell
    holds a comma only when the file is not comma-separated or the value is quoted), read
    as the forms read numbers (:func:`~career_workbook.number_text.parse_number_text`:
    ``４``, ``٤`` too).

    >>> _parse_level({"level": " 4,0 "}, 2), _parse_level({"level": "3.0"}, 2)
    (4, 3)
    >>> _parse_level({"level": "٤"}, 2), _parse_level({"level": "３．０"}, 2)
    (4, 3)
    """
    value = row.get("level")
    try:
        number = parse_number_text(_text(row, "level"))
    except ValueError:
        number = None
    if number is None or not number.is_integer() or not 0 <= number <= 5:
        raise _bad(n, "level", value, "must be a whole number from 0 to 5")
    return int(number)


def _parse_behaviour(value: str, skill: str, n: int) -> str:
    from career_workbook.analysis.reputation import BEHAVIOUR_LABELS, behaviour_key

    if skill:
        raise _bad(n, "behaviour", value,
                   "a row rates a skill or a behaviour, not both: leave one blank")
    key = behaviour_key(value)
    if key is None:
        names = ", ".join(f"“{label}”" for label in BEHAVIOUR_LABELS.values())
        raise _bad(n, "behaviour", value, f"must be one of {names} (or leave it blank)")
    return key


def comment_label(column: str) -> str | None:
    """What the comments of a CSV ``column`` are about (``""`` for a plain ``comment``
    column), or ``None`` when it is not a comment column. A comment column is named
    ``comment`` (or ``comments``), optionally followed by what it asks: ``comment_strengths``,
    ``Comment - to improve``; a number after it only tells two such columns apart.

    >>> comment_label("comment"), comment_label("Comments 2"), comment_label("comment_to_improve")
    ('', '', 'To improve')
    >>> comment_label("Comment (what they do well)"), comment_label("commentary") is None
    ('What they do well', True)
    """
    folded = " ".join(re.sub(r"[\W_]+", " ", column.casefold()).split())
    m = re.fullmatch(r"comments?(?: (.*?))?(?: \d+)?", folded)
    if m is None:
        return None
    about = re.sub(r"^comments?[\W_]*", "", column.strip(), flags=re.IGNORECASE)
    about = " ".join(re.sub(r"[_()\[\]]+|^\W+|\W+$", " ", about).split())
    about = re.sub(r"\s*\d+$", "", about).strip(" -–:")
    return about[:1].upper() + about[1:] if about and m.group(1) else ""


def row_comments(row: Mapping[str, Any]) -> list[str]:
    """The comments of one CSV row, one per non-blank comment column
    (:func:`comment_label`), each labelled with what its column asks when it says.

    >>> row_comments({"comment": " Clear ", "comment_to_improve": "Delegate more", "skill": ""})
    ['Clear', 'To improve: Delegate more']
    """
    said = []
    for column, value in row.items():
        label = comment_label(column) if isinstance(column, str) else None
        text = "" if label is None or value is None else str(value).strip()
        if text:
            said.append(f"{label}: {text}" if label else text)
    return said


def parse_feedback_csv_rows(
    rows: Iterable[Mapping[str, Any]], *, skills: Iterable[str] | None = None,
    lines: Sequence[int] | None = None, day_order: str | None = None,
    today: date | None = None,
) -> list[Feedback]:
    """Turn rows of a feedback CSV (already read, e.g. by ``csv.DictReader``) into entries.

    Columns: ``rater_group``, ``rater_id``, ``date``, ``skill``, ``level`` (0-5) and,
    optionally, ``behaviour`` and one or more comment columns (:func:`comment_label`). A
    row with a ``behaviour`` (e.g. "Reliable", "Shares credit"; see
    :data:`~career_workbook.analysis.reputation.BEHAVIOUR_LABELS`) and a blank ``skill``
    rates that reputation behaviour with its ``level``. A row with a comment and blank
    ``skill`` and ``level`` adds only the comment. Group names are forgiving
    (``"Direct report"`` -> ``'direct_report'``). When ``skills`` is given, every skill
    must be one of them.

    A ``date`` is read as every import reads one
    (:func:`~career_workbook.day_text.read_sheet_day`); ``03/10/2026`` only with the
    ``day_order`` (``"day"`` or ``"month"``) the person gave for the file.

    One rater on one date (``rater_group``, ``rater_id`` without regard to capitals, as
    :attr:`~career_workbook.model.Feedback.rater_key`, ``date``) is one occasion, in order
    of first appearance: its ratings and its first comment make one entry, and each further
    comment is an entry of its own (the same comment twice is kept once), so no comment is
    joined to another and what each said stays apart. A rater rates a skill once a date.

    A ``rater_id`` is one word (:func:`rater_code_problem`).

    Rows are numbered as in a spreadsheet: the header is row 1, the first data row is
    row 2. A bad row raises :class:`~career_workbook.model.WorkbookError` naming the row,
    the column and the value.

    >>> rows = [{"rater_group": "Peer", "rater_id": "P1", "date": "2026-01-09",
    ...          "skill": "SQL", "level": "3", "comment": "Clear queries"},
    ...         {"rater_group": "peer", "rater_id": "p1", "date": "9 Jan 2026",
    ...          "skill": "R", "level": "2", "comment": "Tests are thin"}]
    >>> [(f.rater_id, f.ratings, f.comment) for f in parse_feedback_csv_rows(rows)]
    [('P1', {'SQL': 3, 'R': 2}, 'Clear queries'), ('P1', {}, 'Tests are thin')]
    >>> try:
    ...     parse_feedback_csv_rows([{**rows[0], "level": "7"}])
    ... except WorkbookError as err:
    ...     print(err)
    row 2, column 'level' = '7': must be a whole number from 0 to 5
    """
    known = None if skills is None else {clean_name(k): k for k in skills}
    entries: dict[tuple[str, str, date], dict[str, Any]] = {}
    for i, row in enumerate(rows):
        n = lines[i] if lines is not None else i + 2
        for column in _REQUIRED:
            if column not in row:
                raise WorkbookError(f"row {n}: column {column!r} is missing")
        for column in ("rater_group", "rater_id", "date"):
            if not _text(row, column):
                raise _bad(n, column, row.get(column), "is missing or blank")
        group = _parse_group(_text(row, "rater_group"), n)
        rater_id = _text(row, "rater_id")
        if rater_code_problem(rater_id):
            raise _bad(n, "rater_id", row.get("rater_id"), rater_code_problem(rater_id))
        day = _parse_date(row, n, day_order, today)
        skill, comments = _text(row, "skill"), row_comments(row)
        behaviour = _text(row, "behaviour")
        entry = entries.setdefault(
            (group, rater_id.casefold(), day),
            {"rater_id": rater_id, "ratings": {}, "reputation": {}, "comments": [],
             "first_row": n, "comment_rows": []},
        )
        if behaviour:
            key = _parse_behaviour(behaviour, skill, n)
            level = _parse_level(row, n)
            if entry["reputation"].get(key, level) != level:
                raise _bad(n, "behaviour", behaviour,
                           "is rated twice by the same rater on the same date")
            entry["reputation"][key] = level
        elif skill or _text(row, "level") or not comments:
            if not skill:
                raise _bad(n, "skill", row.get("skill"), "is missing or blank")
            if known is not None:
                if clean_name(skill) not in known:
                    raise _bad(n, "skill", skill, "is not one of the workbook's skills")
                skill = known[clean_name(skill)]
            level = _parse_level(row, n)
            if skill in entry["ratings"] and entry["ratings"][skill] != level:
                raise _bad(n, "skill", skill,
                           "is rated twice by the same rater on the same date")
            entry["ratings"][skill] = level
        for comment in comments:
            if comment not in entry["comments"]:
                entry["comments"].append(comment)
                entry["comment_rows"].append(n)
    out = []
    for (group, _, day), e in entries.items():
        said = e["comments"] or [""]
        for j, comment in enumerate(said):
            first = j == 0
            try:
                out.append(Feedback(rater_group=group, rater_id=e["rater_id"], date=day,
                                    ratings=e["ratings"] if first else {}, comment=comment,
                                    reputation=e["reputation"] if first else {}))
            except ValidationError as err:
                problem = problems_from_validation(err)[0]
                row = (e["comment_rows"][j] if problem.field.startswith("comment")
                       and e["comment_rows"] else e["first_row"])
                raise _bad(row, problem.field, problem.value, problem.message) from None
    return out


# ----------------------------------------------------------------------------------------
# What an import does to the stored entries (the form and any other import plan with this)
# ----------------------------------------------------------------------------------------
def _key(f: Feedback) -> tuple[str, str, date]:
    return (f.rater_group, f.rater_key, f.date)


def _rated(f: Feedback) -> bool:
    return bool(f.ratings or f.reputation)


def _differs(old: Feedback, new: Feedback, old_said: Sequence[str] | None = None,
             new_said: Sequence[str] | None = None) -> str:
    """What of ``new`` differs from the stored ``old`` entry of the same rater and date;
    ``old_said`` and ``new_said``: every comment of each occasion, when there are several.

    >>> old = Feedback(rater_group="peer", rater_id="p9", date=date(2026, 11, 20),
    ...                ratings={"SQL": 4}, comment="Solid")
    >>> _differs(old, old.model_copy(update={"ratings": {"SQL": 1}}))
    'ratings differ from the stored ones'
    >>> _differs(old, old.model_copy(update={"comment": "Solid!"}))
    'the comment differs from the stored one'
    >>> _differs(old, old.model_copy(update={"comment": "", "reputation": {"reliable": 3}}))
    'ratings and comment differ from the stored ones'
    >>> _differs(old, old, ["Solid"], ["Solid", "To improve: tests"])
    'the comments differ from the stored ones'
    """
    ratings = old.ratings != new.ratings or old.reputation != new.reputation
    old_said = [old.comment] if old_said is None else [c for c in old_said if c]
    new_said = [new.comment] if new_said is None else [c for c in new_said if c]
    comment = old_said != new_said
    several = max(len(old_said), len(new_said)) > 1
    if ratings and comment:
        return f"ratings and comment{'s' * several} differ from the stored ones"
    if ratings:
        return "ratings differ from the stored ones"
    return ("the comments differ from the stored ones" if several else
            "the comment differs from the stored one")


@dataclass(frozen=True)
class FeedbackPlan:
    """What importing entries would do: ``new`` ones to add, ``corrections`` as
    ``(stored, incoming)`` pairs, one per occasion (a rater group, rater id and date) the
    workbook has with other ratings or comments: the incoming occasion (its first entry
    here, its further comments in ``also``) replaces every stored entry of it
    (``replaced``); how many are ``skipped`` (in the workbook already, or own ratings the
    self-assessments already give); and the person's own skill ratings as
    ``self_ratings``: self-assessments to add (:func:`own_ratings`)."""

    new: tuple[Feedback, ...]
    corrections: tuple[tuple[Feedback, Feedback], ...]
    skipped: int
    self_ratings: tuple[Assessment, ...] = ()
    also: tuple[Feedback, ...] = ()
    replaced: tuple[Feedback, ...] = ()

    @property
    def saved(self) -> tuple[Feedback, ...]:
        """Every feedback entry importing writes: the new ones, then the corrections."""
        return (*self.new, *(new for _, new in self.corrections), *self.also)

    def counts(self) -> dict[str, int]:
        """How much importing saves, by kind: feedback ``entries``, distinct ``raters``
        (codes without regard to capitals), ``skill ratings``, ``reputation ratings``,
        ``comments`` and ``own ratings`` (the skills of the self-assessments added).

        >>> day = date(2026, 11, 20)
        >>> plan = FeedbackPlan((Feedback(rater_group="peer", rater_id="P1", date=day,
        ...                               ratings={"SQL": 3}, comment="Clear"),
        ...                      Feedback(rater_group="peer", rater_id="p1", date=day,
        ...                               comment="To improve: tests")), (), 0)
        >>> plan.counts()
        {'entries': 2, 'raters': 1, 'skill ratings': 1, 'reputation ratings': 0, 'comments': 2, 'own ratings': 0}
        """  # noqa: E501
        saved = self.saved
        return {"entries": len(saved),
                "raters": len({(f.rater_group, f.rater_key) for f in saved}),
                "skill ratings": sum(len(f.ratings) for f in saved),
                "reputation ratings": sum(len(f.reputation) for f in saved),
                "comments": sum(bool(f.comment) for f in saved),
                "own ratings": sum(len(a.ratings) for a in self.self_ratings)}

    def correction_lines(self) -> list[str]:
        """Each correction by name, e.g. ``p9 (peer, 20 Nov 2026): ratings differ from the
        stored ones — importing replaces them``."""
        lines = []
        for old, new in self.corrections:
            key = _key(new)
            old_said = list(dict.fromkeys(f.comment for f in self.replaced if _key(f) == key))
            old_said = old_said or [old.comment]
            new_said = [new.comment, *(f.comment for f in self.also if _key(f) == key)]
            what = _differs(old, new, old_said, new_said)
            lines.append(f"{new.rater_id} ({new.rater_group}, {short_date(new.date)}): {what}"
                         f" — importing replaces {'it' if what.endswith('one') else 'them'}")
        return lines

    def apply(self, stored: Sequence[Feedback]) -> list[Feedback]:
        """``stored`` with the corrections made and the new entries added at the end: a
        corrected occasion keeps its place, and every other stored entry of the same rater
        and date (two, from an older import) goes, so each counts once."""
        replace: dict[tuple[str, str, date], list[Feedback]] = {}
        for _, new in self.corrections:
            replace.setdefault(_key(new), []).append(new)
        for f in self.also:
            replace.setdefault(_key(f), []).append(f)
        out: list[Feedback] = []
        for f in stored:
            if _key(f) not in replace:
                out.append(f)
            elif replace[_key(f)]:
                out += replace[_key(f)]
                replace[_key(f)] = []  # placed once
        return out + list(self.new)


def own_ratings(entries: Sequence[Feedback]) -> tuple[list[Feedback], list[Assessment]]:
    """``entries`` with the person's own skill ratings taken out, and those ratings as
    self-assessments: a ``'self'`` entry's ``ratings`` become a self-assessment of its date
    (how you rate yourself is your latest self-assessment, wherever you gave it); the entry
    keeps its reputation ratings and comment, and goes when it has neither.

    >>> day = date(2026, 11, 20)
    >>> me = Feedback(rater_group="self", rater_id="me", date=day, ratings={"SQL": 5},
    ...               reputation={"reliable": 4})
    >>> p1 = Feedback(rater_group="peer", rater_id="p1", date=day, ratings={"SQL": 3})
    >>> kept, own = own_ratings([me, p1])
    >>> [(f.rater_id, f.ratings, f.reputation) for f in kept], own
    ([('me', {}, {'reliable': 4}), ('p1', {'SQL': 3}, {})], [Assessment(date=datetime.date(2026, 11, 20), ratings={'SQL': 5}, note='')])
    >>> own_ratings([me.model_copy(update={"reputation": {}})])[0]
    []
    """  # noqa: E501
    kept: list[Feedback] = []
    own: list[Assessment] = []
    for entry in entries:
        if entry.rater_group != "self" or not entry.ratings:
            kept.append(entry)
            continue
        own.append(Assessment(date=entry.date, ratings=dict(entry.ratings)))
        if entry.reputation or entry.comment:
            kept.append(entry.model_copy(update={"ratings": {}}))
    return kept, own


def _already_given(own: Assessment, assessments: Sequence[Assessment]) -> bool:
    """Whether the self-assessments of ``own``'s day already give each of its levels (the
    one written last of that day counts): adding it would change nothing."""
    levels: dict[str, int] = {}
    for a in assessments:
        if a.date == own.date:
            levels.update(a.ratings)
    return all(levels.get(skill) == level for skill, level in own.ratings.items())


def plan_feedback_import(stored: Sequence[Feedback], incoming: Sequence[Feedback], *,
                         assessments: Sequence[Assessment] = ()) -> FeedbackPlan:
    """Plan importing ``incoming`` entries (as :func:`parse_feedback_csv_rows` gives them:
    one occasion, a rater and a date, after the other) into ``stored`` ones.

    An occasion whose every entry is stored already is skipped (importing the same file
    twice adds nothing); one the workbook has with other ratings or comments is a
    correction: it replaces what is stored for that rater and date. Rater codes are
    compared without regard to capitals. The person's own skill ratings (``'self'``
    entries) are planned as self-assessments (:func:`own_ratings`), skipped when the
    stored ``assessments`` of that day already give those levels.

    >>> day = date(2026, 11, 20)
    >>> p9 = Feedback(rater_group="peer", rater_id="p9", date=day, ratings={"SQL": 4})
    >>> p10 = Feedback(rater_group="peer", rater_id="p10", date=day, ratings={"SQL": 5})
    >>> fixed = p9.model_copy(update={"ratings": {"SQL": 1}})
    >>> mm1 = Feedback(rater_group="mentor", rater_id="mm1", date=day, ratings={"SQL": 5})
    >>> plan = plan_feedback_import([p9, p10], [fixed, p10, mm1])
    >>> [f.rater_id for f in plan.new], plan.skipped, plan.correction_lines()
    (['mm1'], 1, ['p9 (peer, 20 Nov 2026): ratings differ from the stored ones — importing replaces them'])
    >>> [(f.rater_id, f.ratings["SQL"]) for f in plan.apply([p9, p10])]
    [('p9', 1), ('p10', 5), ('mm1', 5)]
    """  # noqa: E501
    incoming, own = own_ratings(incoming)
    standing = list(assessments)
    self_ratings: list[Assessment] = []
    skipped = 0
    for assessment in own:
        if _already_given(assessment, standing):
            skipped += 1
        else:
            self_ratings.append(assessment)
            standing.append(assessment)
    kept: dict[tuple[str, str, date], list[Feedback]] = {}
    for f in stored:
        kept.setdefault(_key(f), []).append(f)
    occasions: dict[tuple[str, str, date], list[Feedback]] = {}
    for entry in incoming:
        occasion = occasions.setdefault(_key(entry), [])
        if entry.model_dump() in [f.model_dump() for f in occasion]:
            skipped += 1  # the same entry twice in what is imported
        else:
            occasion.append(entry)
    new: list[Feedback] = []
    corrections: list[tuple[Feedback, Feedback]] = []
    also: list[Feedback] = []
    replaced: list[Feedback] = []
    for key, entries in occasions.items():
        old = kept.get(key, [])
        dumps = [f.model_dump() for f in old]
        if not old:
            new += entries
        elif all(f.model_dump() in dumps for f in entries):
            skipped += len(entries)
        else:  # of the stored entries, the rated one written last counts
            counting = ([f for f in old if _rated(f)] or old)[-1]
            corrections.append((counting, entries[0]))
            also += entries[1:]
            replaced += old
    return FeedbackPlan(tuple(new), tuple(corrections), skipped, tuple(self_ratings),
                        tuple(also), tuple(replaced))
