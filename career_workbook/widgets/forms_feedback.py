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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import ipywidgets as widgets
from pydantic import ValidationError

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
from career_workbook.widgets.csv_source import CsvSource
from career_workbook.widgets.fields import (
    FormView,
    check_model,
    esc,
    make_field,
    notice,
    notice_html,
    primary_button,
    save_record,
    secondary_button,
)
from career_workbook.widgets.forms_skills import level_options
from career_workbook.widgets.inputs import days_not_come, past_day_problem
from career_workbook.widgets.session import workspace_of
from career_workbook.wording import plural, short_date
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
``behaviour`` and no ``skill`` rates a reputation behaviour)."""


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


def read_feedback_csv(text: str, *, skills: Iterable[str] | None = None) -> list[Feedback]:
    """Parse the text of a feedback CSV file (see :data:`CSV_COLUMNS`).

    Column names are matched ignoring case and spaces. Raises ``WorkbookError`` naming the
    row, column and value of the first problem.
    """
    from career_workbook import analysis

    table = _read_table(text)
    if table.problems:
        raise WorkbookError(problems=[p for _, p in table.problems])
    return analysis.parse_feedback_csv_rows(table.rows, skills=skills, lines=table.lines)


@dataclass(frozen=True)
class FeedbackCsv:
    """A checked feedback CSV: its entries, every problem found, and the skills it rates
    that the workbook does not track yet (in order of first appearance)."""

    entries: list[Feedback]
    problems: list[Problem]
    unknown: list[str]


@dataclass(frozen=True)
class _Table:
    """The rows of a CSV text (each a dict by header name) with the line each starts on,
    and the problems of its structure as ``(line, problem)``."""

    rows: list[dict[str, str | None]]
    lines: list[int]
    problems: list[tuple[int, Problem]]


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
                continue
            for i, cell in enumerate(cells):
                if any(later.count(delimiter) >= len(header) - 1
                       for later in cell.split("\n")[1:]):
                    problems.append((start, _open_quote(start, _column(header, i),
                                                        cell.split("\n")[0])))
                    break
            rows.append({h: (cells[i] if i < len(cells) else None)
                         for i, h in enumerate(header)})
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
    return _Table(rows, lines, problems)


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


def check_feedback_csv(text: str, skills: Iterable[str],
                       today: date | None = None) -> FeedbackCsv:
    """Check every row of a feedback CSV (see :data:`CSV_COLUMNS`) and collect all problems;
    feedback dated after ``today`` (when given) is one, as in the form.

    A skill the workbook does not track is not a problem but listed in ``unknown`` (the
    entries then include it); one written differently from a tracked one (``sql`` for
    ``SQL``) is a problem; one that differs only invisibly (a no-break space, a zero-width
    character: see :func:`~career_workbook.model.clean_name`) is the tracked one.

    >>> text = ("rater_group,rater_id,date,skill,level\\n"
    ...         "peer,P1,2026-01-09,SQL,3\\npeer,P1,2026-02-30,R,9\\npeer,P2,2026-01-09,Go,2\\n")
    >>> check = check_feedback_csv(text, ["SQL", "R"])
    >>> [str(p) for p in check.problems]
    ["row 3, column 'date' = '2026-02-30': 30 February 2026 is not a date (February 2026 has 28 days)", "row 3, column 'level' = '9': must be a whole number from 0 to 5"]
    >>> check.unknown
    ['Go']
    >>> text = "rater_group,rater_id,date,skill,level\\npeer,P1,2062-01-09,SQL,3\\n"
    >>> print(check_feedback_csv(text, ["SQL"], today=date(2026, 12, 6)).problems[0])
    row 2, column 'date' = '2062-01-09': Feedback records a day that has come: 9 Jan 2062 is after today (6 Dec 2026). Did you mean 2026?
    """  # noqa: E501
    from career_workbook import analysis

    table = _read_table(text)
    rows = table.rows
    spelled = {clean_name(k): k for k in skills}  # invisible differences: the same skill
    folded = {name_key(k): k for k in spelled.values()}
    problems: list[tuple[int, Problem]] = list(table.problems)
    unknown: list[str] = []
    for n, row in zip(table.lines, rows, strict=True):
        found: list[Problem] = []
        skill = (row.get("skill") or "").strip()
        level, comment = (row.get("level") or "").strip(), (row.get("comment") or "").strip()
        behaviour = (row.get("behaviour") or "").strip()
        if behaviour:  # a reputation row: the behaviour (and no skill) instead of a skill
            try:
                analysis.parse_feedback_csv_rows([{**_GOOD_ROW, "skill": skill,
                                                   "behaviour": behaviour}])
            except WorkbookError as err:
                found += [_at_row(p, n) for p in err.problems]
        for column in ("rater_group", "rater_id", "date", "level"):  # each on its own
            if column == "level" and not skill and not level and not behaviour:
                continue  # a comment-only row (or a missing skill, named below)
            if column in ("rater_id",) and not (row.get(column) or "").strip():
                continue  # blank: named below
            probe = {**_GOOD_ROW, column: row.get(column), "comment": ""}
            try:
                analysis.parse_feedback_csv_rows([probe])
            except WorkbookError as err:
                found += [_at_row(p, n) for p in err.problems]
        for column in ("rater_group", "rater_id", "date"):
            if not (row.get(column) or "").strip() and not any(
                    f"'{column}'" in p.field for p in found):
                found.append(Problem(f"row {n}, column {column!r}", row.get(column),
                                     "is missing or blank"))
        if today is not None and not any("'date'" in p.field for p in found):
            late = _after_today(row.get("date"), today)
            if late:
                found.append(Problem(f"row {n}, column 'date'", row.get("date"), late))
        if not skill and not behaviour and (level or not comment):
            found.append(Problem(f"row {n}, column 'skill'", row.get("skill"),
                                 "is missing or blank"))
        if skill and clean_name(skill) in spelled:
            row["skill"] = spelled[clean_name(skill)]  # the workbook's (or first) spelling
        elif skill and name_key(skill) in folded:
            other = folded[name_key(skill)]
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
            entries = analysis.parse_feedback_csv_rows(rows, lines=table.lines)
        except WorkbookError as err:
            problems = [(0, p) for p in err.problems] or [(0, Problem("", None, str(err)))]
    ordered = [p for _, p in sorted(problems, key=lambda item: item[0])]
    return FeedbackCsv(entries, ordered, unknown)


def _after_today(text: Any, today: date) -> str | None:
    """Why a CSV row's (well-written) ``date`` cannot be a feedback day, or ``None``.

    >>> _after_today("2026-12-07", date(2026, 12, 6)) is None  # a day of slack
    True
    """
    try:
        day = date.fromisoformat(str(text or "").strip())
    except ValueError:
        return None  # a badly written date is named by the column checks
    return past_day_problem(day, today, "Feedback")


_GOOD_ROW = {"rater_group": "peer", "rater_id": "x", "date": "2026-01-01", "skill": "x",
             "level": "0"}


def problems_text(problems: Sequence[Problem], limit: int = 50, name: str = "") -> str:
    """Every problem of the file ``name``, one per line (at most ``limit``, then how many
    more).

    >>> print(problems_text([Problem("row 2", "x", "is odd")], name="fb.csv"))
    Cannot import fb.csv: the file has 1 problem; nothing was added. Fix the file and preview it again:
    • row 2 = 'x': is odd
    """  # noqa: E501
    head = (f"Cannot import{' ' + name if name else ''}: the file has "
            f"{plural(len(problems), 'problem')}; nothing was added. Fix the file and "
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
    return (f'<div class="cw-notice cw-info" role="status" style="color:#1f3a5f;'
            f'background:#eef3fa;border:1px solid #b5c8e3;border-radius:4px;padding:6px 10px;'
            f'margin:4px 0">ℹ {body}</div>')


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


def import_feedback(wb: Workbook, entries: Sequence[Feedback], unknown: Sequence[str],
                    catalog: Any) -> tuple[Any, list[str]]:
    """Add the ``unknown`` skills, then import the ``entries`` as planned against ``wb`` as
    it is now (read under the file's lock: another tab may have imported them since the
    preview); the plan carried out and the skills added."""
    from career_workbook.analysis import plan_feedback_import

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

    >>> from career_workbook.analysis import FeedbackPlan
    >>> import_message(FeedbackPlan((), (), 2), [])
    'nothing added: these entries are in your workbook already (imported in another tab?)'
    >>> import_message(FeedbackPlan((None, None), (), 0), ["SQL"])
    '2 feedback entries added and 1 skill added to your list (SQL)'
    """
    if not plan.new and not plan.corrections and not plan.self_ratings and not skills:
        return ("nothing added: these entries are in your workbook already (imported in "
                "another tab?)")
    done = [plural(len(plan.new), "feedback entry", "feedback entries") + " added"
            ] if plan.new else []
    if plan.corrections:
        who = ", ".join(f"{new.rater_id} ({new.rater_group}, {new.date.isoformat()})"
                        for _, new in plan.corrections)
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
    return ", ".join(done[:-1]) + (" and " if len(done) > 1 else "") + done[-1]


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
            '<div style="color:#555">What people say about you when you are not in the '
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
            found = days_not_come(data, s.today, {"date": "Feedback"})
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

        view.bind(save, collect,  # the import's rule: same rater and date is a correction
                  lambda wb, record: import_feedback(wb, [record], [], s.catalog)[0],
                  adds=True, detail=entry_message)
        return [*boxes, save]

    return FormView(session, build, name="feedback", title="Add one colleague's feedback",
                    intro="Enter what one person said. Each save adds a new entry (or "
                          "replaces the one stored with the same group, code and date); the "
                          "form then clears for the next person.",
                    depends=lambda wb: (wb.skill_names(), len(wb.feedback)))


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
                                f"({workspace_of(s.path)}). Columns: " + ", ".join(CSV_COLUMNS)
                                + " (comment optional); one row per rating, level 0-5, dates "
                                  "YYYY-MM-DD.")
        preview_button = secondary_button("Preview", "Read the file and show what would be "
                                                     "added, without saving", icon="eye")
        save = primary_button("Add the previewed feedback",
                              "Save the previewed entries to your workbook file")
        save.disabled = True
        add_skills = primary_button("Add these skills to my list and import",
                                    "Track the file's new skills, then add its feedback",
                                    icon="plus")
        add_skills.layout.display = "none"
        view.buttons.update(preview=preview_button, save=save, add_skills=add_skills)
        preview = quiet.HTML("")
        view.state.update(entries=[], unknown=[])

        def reset(message: str = "", kind: str = "info") -> None:
            view.state.update(entries=[], unknown=[])
            save.disabled = True
            add_skills.layout.display = "none"
            preview.value = ""
            view.set_status(message, kind)

        def show_preview(_button: Any = None) -> None:
            wb = s.workbook
            try:
                check = check_feedback_csv(source.read_text(), wb.skill_names(), s.today)
            except (WorkbookError, WorkspaceError) as err:
                reset(f"Cannot import: {err}", "error")
                return
            if check.problems:
                reset(problems_text(check.problems, name=source.name), "error")
                return
            from career_workbook.analysis import plan_feedback_import

            plan = plan_feedback_import(wb.feedback, check.entries,
                                        assessments=wb.assessments)
            view.state.update(entries=check.entries, unknown=check.unknown)
            preview.value = preview_html(plan) + unknown_html(check.unknown)
            save.disabled = (not (plan.new or plan.corrections or plan.self_ratings)
                             or bool(check.unknown))
            if check.unknown:
                n = len(check.unknown)
                add_skills.description = (f"Add {'this skill' if n == 1 else f'these {n} skills'}"
                                          " to my list and import")
                add_skills.layout.display = None
            else:
                add_skills.layout.display = "none"
            view.set_status("")

        def import_entries(_button: Any) -> None:
            entries, unknown = view.state.get("entries") or [], view.state.get("unknown") or []
            if not entries and not unknown:
                view.set_status("Nothing to add: preview a file first.", "error")
                return
            result, added = save_record(
                s, lambda wb, _: import_feedback(wb, entries, unknown, s.catalog), None)
            if result.ok:
                reset()
            view.show_result(result, import_message(*added) if result.ok else "")

        preview_button.on_click(show_preview)
        save.on_click(import_entries)
        add_skills.on_click(import_entries)
        source.on_upload(show_preview)
        return [*source.widgets, quiet.HBox([preview_button]), preview,
                quiet.HBox([save, add_skills])]

    return FormView(session, build, name="feedback_import", title="Import feedback from a file",
                    intro="For survey results: upload a CSV file, check the preview, then "
                          "add it. Entries already in your workbook are skipped; an entry "
                          "with the same rater and date but other ratings replaces the "
                          "stored one.",
                    depends=lambda wb: wb.skill_names(),
                    saves_input=False)  # a file to read, not kept


def preview_html(plan: Any) -> str:
    """What importing would do (``plan``: a :class:`~career_workbook.analysis.FeedbackPlan`):
    the entries to add, each correction by name, a table of both (escaped).

    >>> from datetime import date
    >>> from career_workbook.analysis import FeedbackPlan
    >>> one = Feedback(rater_group="peer", rater_id="P1", date=date(2026, 1, 9))
    >>> re.search(r"<b>(.*?)</b>.*<div>(.*?)</div>", preview_html(FeedbackPlan((one,), (), 1))
    ...           ).groups()
    ('1 feedback entry to add', '1 entry already in your workbook will be skipped.')
    """
    from career_workbook.widgets.display import TABLE_CSS, cell_html

    own = getattr(plan, "self_ratings", ())
    if not plan.new and not plan.corrections and not own:
        return notice_html("Every entry in this file is already in your workbook."
                           if plan.skipped else "The file has no feedback rows.", "info")
    rows = "".join(
        f"<tr><td>{cell_html(GROUP_LABELS.get(f.rater_group, f.rater_group))}</td>"
        f"<td>{esc(f.date.isoformat())}</td><td>{len(f.ratings)}</td>"
        f"<td>{'yes' if f.comment else 'no'}</td><td>{change}</td></tr>"
        for f, change in [*((f, "add") for f in plan.new),
                          *((f, "replace stored") for _, f in plan.corrections)]
    ) + "".join(
        f"<tr><td>{GROUP_LABELS['self']}</td><td>{esc(a.date.isoformat())}</td>"
        f"<td>{len(a.ratings)}</td><td>no</td><td>add as a self-assessment</td></tr>"
        for a in own)
    head = [f"{plural(len(plan.new), 'feedback entry', 'feedback entries')} to add"
            ] if plan.new else []
    if plan.corrections:
        head.append(f"{plural(len(plan.corrections), 'stored entry', 'stored entries')} to "
                    "replace")
    if own:
        head.append(f"your own ratings to add as {plural(len(own), 'self-assessment')} (how "
                    "you rate yourself: notebook 01 shows them too)")
    fixes = "".join(f"<li>{esc(line)}</li>" for line in plan.correction_lines())
    note = (f"<div>{plural(plan.skipped, 'entry', 'entries')} already in your workbook will "
            "be skipped.</div>") if plan.skipped else ""
    return (f"{TABLE_CSS}<div><b>{', '.join(head)}</b></div>"
            + (f"<ul>{fixes}</ul>" if fixes else "") + note +
            '<table class="cw-table"><thead><tr><th>Group</th><th>Date</th>'
            "<th>Skills rated</th><th>Comment</th><th>Change</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


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
