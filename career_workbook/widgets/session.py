"""The session a notebook works in: which workbook file, which "today", and saving.

``ui.start(workbook, today=..., export_dir=...)`` returns a :class:`Session`. Every form and
chart of the notebook gets it: forms read ``session.workbook`` (the last loaded version),
save through :meth:`Session.save` (which holds the file lock via ``cw.edit`` and never
writes invalid data), and register a callback with :meth:`Session.on_change` so that they
refresh and charts redraw after every save.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> session = Session(folder / "sam.yaml", today="2026-11-22")
>>> session.workbook is None, session.missing
(True, True)
>>> session.create("Sam Lee").ok
True
>>> result = session.save(lambda wb: wb.strengths.append("Listening"))
>>> result.ok, result.message.startswith("Saved at "), session.workbook.strengths
(True, True, ['Listening'])
>>> bad = session.save(lambda wb: wb.strengths.append(""))
>>> bad.ok, bad.field
(False, 'strengths[1]')
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import traceback
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from career_workbook.model import (
    DUPLICATE,
    NOT_A_GOAL,
    NOT_A_SKILL,
    Problem,
    WorkbookError,
    duplicate_key,
    problems_from_validation,
)
from career_workbook.widgets.fields import (
    MUTED,
    THEME_CSS,
    colour,
    esc,
    layout_css,
    notice_html,
)
from career_workbook.wording import short_date, shorten
from career_workbook.workspace import workspace_of

if TYPE_CHECKING:  # pragma: no cover
    from career_workbook.catalog import Catalog, RoleProfile
    from career_workbook.model import Workbook

__all__ = [
    "DEFAULT_WORKBOOK",
    "ENV_VAR",
    "ROOT_VAR",
    "SaveResult",
    "Session",
    "current_notebook",
    "header_html",
    "localize",
    "parse_today",
    "resolve_input_path",
    "resolve_path",
    "start",
    "workspace_of",
]

ENV_VAR = "CAREER_WORKBOOK"
"""Environment variable naming the workbook file when a notebook is given none."""
DEFAULT_WORKBOOK = Path("..") / "workbooks" / "my_workbook.yaml"
"""Where the workbook lives when neither the notebook nor ``$CAREER_WORKBOOK`` names one."""
ROOT_VAR = "CAREER_WORKBOOK_ROOT"
"""Set by the Voila app: the only folder whose workbooks the app may open or create."""


def _requested_path(workbook: str | os.PathLike[str] | None) -> Path:
    """The file asked for (argument, else ``$CAREER_WORKBOOK``, else the default), absolute
    but not checked against the app's folder."""
    if workbook is None or (isinstance(workbook, str) and not workbook.strip()):
        workbook = os.environ.get(ENV_VAR) or DEFAULT_WORKBOOK
    return Path(os.path.abspath(Path(workbook).expanduser()))


def resolve_path(workbook: str | os.PathLike[str] | None = None) -> Path:
    """The absolute path of the workbook file.

    ``None`` -> ``$CAREER_WORKBOOK`` -> ``../workbooks/my_workbook.yaml`` (from the current
    folder, i.e. the ``notebooks/`` folder). ``~`` is expanded.

    When ``$CAREER_WORKBOOK_ROOT`` is set (the app sets it) the path is resolved (symlinks
    and ``..`` followed) and must lie inside that folder, else
    :class:`~career_workbook.workspace.WorkspaceError` is raised; nothing is read.

    >>> resolve_path("/tmp/x/alex.yaml").as_posix()
    '/tmp/x/alex.yaml'
    """
    path = _requested_path(workbook)
    root = os.environ.get(ROOT_VAR)
    if root:
        from career_workbook.workspace import ensure_inside

        return ensure_inside(path, root)
    return path


def resolve_input_path(text: str, workbook: str | os.PathLike[str]) -> Path:
    """The file a form's path box names: ``~`` expanded, a relative path taken from the
    workbook's workspace (:func:`workspace_of`), never from the kernel's current folder.

    With ``$CAREER_WORKBOOK_ROOT`` set (the app) the path must lie, after resolving symlinks
    and ``..``, inside that folder or, when it belongs to a workspace made by ``init``, inside
    that workspace (its ``examples/`` too: the forms' own examples live there), else
    :class:`~career_workbook.workspace.WorkspaceError`; nothing is read.

    >>> resolve_input_path("examples/a.csv", "/ws/workbooks/kim.yaml").as_posix()
    '/ws/examples/a.csv'
    """
    path = Path(text.strip()).expanduser()
    if not path.is_absolute():
        path = workspace_of(workbook) / path
    root = os.environ.get(ROOT_VAR)
    if root:
        from career_workbook.scaffold import WorkspaceNotFound, find_workspace
        from career_workbook.workspace import WorkspaceError, ensure_inside

        with contextlib.suppress(WorkspaceNotFound):  # else the app's own folder, no wider
            root = str(find_workspace(root))
        try:
            return ensure_inside(path, root)
        except WorkspaceError:
            raise WorkspaceError(
                f"{Path(path).resolve()} is outside the folder this app may read files from "
                f"({Path(root).resolve()}): copy the file into that folder, then give its "
                "path") from None
    return Path(os.path.normpath(path))


NOTEBOOK_VAR = "CAREER_WORKBOOK_NOTEBOOK"
"""Names the notebook when nothing else does (e.g. set by a papermill run): a stem or path."""
NOTEBOOK_SOURCES = ("JPY_SESSION_NAME", "SCRIPT_NAME", "VOILA_REQUEST_URL")
"""Where a kernel learns its notebook: JupyterLab's session name, Voila's request path."""


def current_notebook(environ: Mapping[str, str] | None = None,
                     user_ns: Mapping[str, Any] | None = None) -> str | None:
    """The stem of the notebook this kernel runs (``'00_start_here'``), or ``None``.

    Read from ``__session__`` (set by ipykernel in JupyterLab), ``$JPY_SESSION_NAME``,
    Voila's ``$SCRIPT_NAME`` / ``$VOILA_REQUEST_URL``, else ``$CAREER_WORKBOOK_NOTEBOOK``;
    a papermill run without it gives ``None``.

    >>> current_notebook({"JPY_SESSION_NAME": "/w/notebooks/02_feedback_360.ipynb"}, {})
    '02_feedback_360'
    >>> current_notebook({"SCRIPT_NAME": "/voila/render/00_start_here.ipynb"}, {})
    '00_start_here'
    >>> current_notebook({"CAREER_WORKBOOK_NOTEBOOK": "04_smart_goals"}, {})
    '04_smart_goals'
    >>> current_notebook({}, {}) is None
    True
    """
    env = os.environ if environ is None else environ
    if user_ns is None:
        try:
            from IPython import get_ipython

            shell = get_ipython()
        except ImportError:  # pragma: no cover
            shell = None
        user_ns = getattr(shell, "user_ns", None) or {}
    candidates = [user_ns.get("__session__"), user_ns.get("__vsc_ipynb_file__"),
                  *(env.get(name) for name in NOTEBOOK_SOURCES)]
    for value in candidates:
        if isinstance(value, str):
            match = re.search(r"([^/\\?#]+)\.ipynb(?:$|[?#])", value)
            if match:
                return match.group(1)
    named = env.get(NOTEBOOK_VAR, "").strip()
    return Path(named).name.removesuffix(".ipynb") or None if named else None


def localize(text: str, notebook: str | None) -> str:
    """``text`` as said inside ``notebook``: "notebook 04" there becomes "this notebook".

    "(step 02)" becomes "in this notebook", never "below" or "above": a chart sits after
    its form in one notebook and before it in another.

    >>> localize("No goals yet: draft your first one in notebook 04.", "04_smart_goals")
    'No goals yet: draft your first one in this notebook.'
    >>> localize("No skills rated yet — notebook 01 (self-assessment) adds them", "01_x")
    'No skills rated yet — this notebook adds them'
    >>> localize("notebook 04 adds goals", "09_progress_review")
    'notebook 04 adds goals'
    >>> localize("No feedback yet — add it with the 360 feedback form (step 02)", "02_f")
    'No feedback yet — add it with the 360 feedback form in this notebook'
    >>> localize("No goals yet — write goals in step 04, then review (step 09)", "04_s")
    'No goals yet — write goals in this notebook, then review (step 09)'
    """
    number = (notebook or "")[:2]
    if not number.isdigit():
        return text
    text = re.sub(rf"\bnotebook {number}(?: \([^)]*\))?", "this notebook", text)
    text = re.sub(rf" \(step {number}\)", " in this notebook", text)
    return re.sub(rf"\bstep {number}\b", "this notebook", text)


def parse_today(value: date | str | None) -> tuple[date, str | None]:
    """``(day, problem)``: the date to count from, and a message if ``value`` was unusable:
    not a date, or a year typed with its digits swapped or more than a year ahead
    (:func:`~career_workbook.wording.today_problem`, as ``--today`` refuses it: a
    goal drafted then was set in 2062).

    >>> parse_today("2026-11-22")
    (datetime.date(2026, 11, 22), None)
    >>> day, problem = parse_today("22/11/2026")
    >>> day == date.today(), problem
    (True, "today = '22/11/2026' is not a date written YYYY-MM-DD (such as 2026-11-22); using today's date instead")
    >>> parse_today("2026-02-30")[1]
    "today = '2026-02-30': 30 February 2026 is not a date (February 2026 has 28 days); using today's date instead"
    >>> far = date.fromordinal(date.today().toordinal() + 4000)  # 11 years ahead
    >>> day, problem = parse_today(far.isoformat())
    >>> day == date.today(), problem.endswith("; using today's date instead")
    (True, True)
    """  # noqa: E501
    day = _read_today(value)
    if isinstance(day, str):
        return date.today(), day
    from career_workbook.wording import today_problem

    problem = today_problem(day, date.today())
    if problem:
        return date.today(), f"today = {problem}; using today's date instead"
    return day, None


def _read_today(value: date | str | None) -> date | str:
    """``value`` as a date, or why it is not one (the problem :func:`parse_today` says)."""
    if value is None:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return date.today()
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            try:
                return date.fromisoformat(text)
            except ValueError:  # written right, but no such day: say why
                from career_workbook.analysis.period import parse_day

                try:
                    parse_day(text, "today")
                except ValueError as err:
                    why = str(err).partition(": ")[2]
                    return f"today = {value!r}: {why}; using today's date instead"
    return (f"today = {value!r} is not a date written YYYY-MM-DD (such as 2026-11-22); "
            "using today's date instead")


COMMENTS_NOT_KEPT = (" (the comments written in the file by hand were not kept: the version "
                     "with them is in the history, notebook 00)")
"""Added to "Saved at" when the save rewrote a file with hand-written comments."""


@dataclass(frozen=True)
class SaveResult:
    """What happened when a form saved: ``ok``, a ``message`` for the status line, and for a
    refused save the ``field`` path (``'goals[2].deadline'``) and ``value`` at fault."""

    ok: bool
    message: str
    field: str | None = None
    value: Any = None
    saved_at: datetime | None = None
    conflict: bool = False
    """True when the field was changed here and elsewhere: the form offers to reload."""

    def __bool__(self) -> bool:
        return self.ok


_NOUNS = {
    "skills": "skill", "values": "value", "goals": "goal", "actions": "action",
    "contacts": "contact", "opportunities": "opportunity", "assessments": "self-assessment",
    "feedback": "feedback", "learning": "learning item", "achievements": "achievement",
    "check_ins": "check-in", "strengths": "strength", "weaknesses": "weakness",
    "milestones": "milestone", "stage_history": "stage change", "vision": "vision",
    "interests": "interests", "metric": "measure",
}
"""What each list (or part) of the workbook is called in a form's message."""
_ATTRS = {"goal_id": "goal", "goal_ids": "goals", "rater_id": "rater", "id": "id"}


def field_words(path: str | None) -> str:
    """A problem's field path (``'skills[1].name'``) in words, for a form's message; the
    command line (``career-workbook validate``) keeps the path.

    >>> field_words("skills[1].name"), field_words("goals[2].deadline")
    ('the skill name', 'the goal deadline')
    >>> field_words("strengths[1]"), field_words("person.current_role")
    ('the strength', 'your current role')
    >>> field_words("goals[0].milestones[1].due"), field_words("actions[0].goal_id")
    ('the milestone due date', 'the action goal')
    >>> field_words("check_ins[0].progress"), field_words("importance"), field_words(None)
    ('the check-in progress', 'the importance', 'this entry')
    """
    if not path:
        return "this entry"
    noun, attr = "", ""
    for part in path.split("."):
        name = re.sub(r"\[\d+\]", "", part)
        if name in _NOUNS:
            noun, attr = _NOUNS[name], ""
        elif name == "person":
            noun, attr = "your", ""
        else:
            attr = name
    attr = _ATTRS.get(attr, attr.replace("_", " "))
    attr = "due date" if attr == "due" else attr
    if noun == "your":
        return f"your {attr}" if attr else "your profile"
    return " ".join(w for w in ("the", noun, attr) if w)


def _quoted(value: Any) -> str:
    """A value as shown in a form's message: “SQL”, 12, or nothing when there is none."""
    if value is None or value == "" or isinstance(value, dict | list):
        return ""
    text = shorten(str(value)) if isinstance(value, str | int | float) else ""
    if not text:  # blank, a missing value (pydantic gave none) or an odd object
        return ""
    return f"“{text}”" if isinstance(value, str) else text


def problem_words(problem: Problem, workbook: Workbook | None = None) -> str:
    """One refused save's problem as a form says it: the field in words, not its path.

    A repeated skill or value names the entry already there (from ``workbook``, the
    version the form was filled from).

    >>> from career_workbook.model import Skill, Value, new_workbook
    >>> wb = new_workbook("Sam"); wb.skills.append(Skill(name="SQL"))
    >>> problem_words(Problem("skills[1].name", "sql", DUPLICATE), wb)
    'You already track “SQL” — choose it in the list to change it.'
    >>> problem_words(Problem("values[1].name", "autonomy", DUPLICATE), None)
    '“autonomy” is already one of your values — choose it in the list to change it.'
    >>> problem_words(Problem("actions[0].goal_id", "g9", "is not a goal id"))
    'the action goal “g9” is not a goal id'
    >>> problem_words(Problem("goals[2].deadline", "2027-13-01", "Input should be a valid date"))
    'the goal deadline “2027-13-01”: Input should be a valid date'
    """
    where = problem.field or ""
    kind = re.sub(r"\[\d+\]", "", where)
    if problem.message == DUPLICATE and kind in ("skills.name", "values.name"):
        collection = (workbook.skills if kind == "skills.name" else workbook.values) \
            if workbook is not None else []
        key = duplicate_key(str(problem.value))
        name = next((item.name for item in collection if duplicate_key(item.name) == key),
                    str(problem.value).strip())
        first = (f"You already track “{name}”" if kind == "skills.name"
                 else f"“{name}” is already one of your values")
        return first + " — choose it in the list to change it."
    words = " ".join(w for w in (field_words(where), _quoted(problem.value)) if w)
    message = problem.message.strip()
    return f"{words} {message}" if message[:1].islower() else f"{words}: {message}"


def _problem_text(problems: list[Problem], fallback: str,
                  workbook: Workbook | None = None) -> str:
    if not problems:
        return fallback
    shown = "; ".join(dict.fromkeys(problem_words(p, workbook) for p in problems[:3]))
    more = len(problems) - 3
    return shown + (f" (and {more} more)" if more > 0 else "")


def _refused(problems: list[Problem], fallback: str,
             workbook: Workbook | None = None, lead: str = "Not saved") -> SaveResult:
    """A refused save (``lead`` says what was refused: "Not restored"): the problems in
    words for the form; ``field`` and ``value`` keep the path (``'skills[1].name'``) and
    value so the form marks the box at fault."""
    first = problems[0] if problems else None
    return SaveResult(
        False, f"{lead}: " + _problem_text(problems, fallback, workbook),
        field=first.field if first else None, value=first.value if first else None,
    )


_DANGLING = {NOT_A_SKILL: "skill", NOT_A_GOAL: "goal"}
"""The reference problems (:func:`career_workbook.model.reference_problems`) an edit has
when a skill or goal it names was removed elsewhere after the form was filled."""


def _removed_elsewhere(problems: list[Problem], filled: Workbook | None,
                       now: Workbook | None = None) -> str:
    """A plain conflict message when every problem is a skill or goal the form was filled
    with (``filled``) that the file no longer has: changed in another tab, notebook or from
    the command line. A skill renamed there (known from ``now``, the file as it is now: see
    :func:`~career_workbook.widgets.forms_skills.renamed_skills`) is named with its new name.
    Empty when any problem is something else.

    >>> from career_workbook.model import Goal, Skill, new_workbook
    >>> wb = new_workbook("Sam"); wb.skills.append(Skill(name="SQL"))
    >>> wb.goals.append(Goal(id="g1", text="Pass the exam"))
    >>> _removed_elsewhere([Problem("assessments[1].ratings", "SQL",
    ...                             "is not one of the workbook's skills"),
    ...                     Problem("check_ins[0].progress", "g1", "is not a goal id")], wb)[:106]
    '“SQL” is no longer in your list of skills; the goal “Pass the exam” is no longer in your workbook: changed'
    >>> now = wb.model_copy(deep=True); now.skills[0].name = "SQL (advanced)"
    >>> _removed_elsewhere([Problem("assessments[1].ratings", "SQL",
    ...                             "is not one of the workbook's skills")], wb, now)[:70]
    '“SQL” was renamed to “SQL (advanced)” elsewhere (in another tab, noteb'
    >>> _removed_elsewhere([Problem("goals[0].skills", "Nope", "is not one of the workbook's "
    ...                             "skills")], wb)
    ''
    """  # noqa: E501
    if filled is None or not problems:
        return ""
    skills = set(filled.skill_names())
    goals = {g.id: g.text for g in filled.goals}
    renamed: dict[str, str] = {}
    if now is not None and any(_DANGLING.get(p.message) == "skill" for p in problems):
        from career_workbook.widgets.forms_skills import renamed_skills

        renamed = renamed_skills(filled, now)
    said: list[str] = []
    kinds: set[str] = set()
    for problem in problems:
        kind = _DANGLING.get(problem.message)
        if kind == "skill" and problem.value in renamed:
            said.append(f"“{problem.value}” was renamed to “{renamed[problem.value]}”")
            kinds.add("renamed")
        elif kind == "skill" and problem.value in skills:
            said.append(f"“{problem.value}” is no longer in your list of skills")
            kinds.add("changed")
        elif kind == "goal" and problem.value in goals:
            said.append(f"the goal “{shorten(str(goals[problem.value]))}” is no longer in "
                        "your workbook")
            kinds.add("removed")
        else:
            return ""
    how = (" elsewhere" if kinds == {"renamed"} else
           ": removed elsewhere" if kinds == {"removed"} else ": changed elsewhere")
    return ("; ".join(dict.fromkeys(said)) + how + " (in another tab, notebook or from the "
            "command line) after this form was filled. Nothing was saved; press Reload to "
            "see the form as the file is now, then save again.")


def _file_now(path: Path) -> Workbook | None:
    """The workbook file as it is now, for a message; ``None`` when it cannot be read."""
    from career_workbook import store

    try:
        return store.load(path)
    except Exception:  # noqa: BLE001 - only a message depends on it
        return None


def _unreadable(path: Path, err: BaseException) -> str:
    """A message for a file the store could not read for an unexpected reason."""
    text = " ".join(str(err).split())
    text = text if len(text) <= 300 else text[:297] + "..."
    return f"{path}: this file cannot be read ({text or type(err).__name__})"


def _located(path: Path, err: WorkbookError) -> str:
    """The message of a file that cannot be loaded, each problem with its line."""
    from career_workbook import store

    if not err.problems:
        return str(err)
    shown = store.locate_problems(path, err.problems[:5])
    more = len(err.problems) - len(shown)
    return f"{err.path or path}: " + "; ".join(shown) + (
        f" (and {more} more problems)" if more > 0 else "")


class Session:
    """One notebook's view of one workbook file.

    Parameters
    ----------
    workbook : path-like or None
        The workbook file (see :func:`resolve_path`).
    today : date, ISO string or None
        The date to count from (``None``: the real today). A bad value gives a warning in
        ``session.problems`` and the real today.
    export_dir : path-like or None
        Folder where :func:`~career_workbook.widgets.show_chart` saves charts.

    Attributes
    ----------
    path : Path
    today : date
    workbook : Workbook or None
        The last version loaded from disk (``None`` when missing or broken).
    error : str or None
        Why the workbook could not be loaded (forms are then read-only).
    refusal : str or None
        Why this app may not open the file at all (it lies outside ``$CAREER_WORKBOOK_ROOT``);
        the file is then never read, written or created.
    problems : list of str
        Warnings to show in the header (e.g. a bad ``today``).
    notebook : str or None
        The notebook this session runs in (``'00_start_here'``; detected, see
        :func:`current_notebook`), so that messages fit where they appear.
    """

    def __init__(self, workbook: str | os.PathLike[str] | None = None, *,
                 today: date | str | None = None,
                 export_dir: str | os.PathLike[str] | None = None,
                 notebook: str | None = None):
        from career_workbook.workspace import WorkspaceError

        self.notebook = notebook or current_notebook()

        self.refusal: str | None = None
        try:
            self.path = resolve_path(workbook)
        except WorkspaceError as err:  # checked before anything is read
            self.refusal = str(err)
            self.path = _requested_path(workbook)  # shown in the header, never opened
        day, problem = parse_today(today)
        named = today is not None and str(today).strip() != "" and problem is None
        self._pinned: date | None = day if named else None  # else the real today, each time
        self.problems: list[str] = [problem] if problem else []
        self.export_dir = Path(export_dir).expanduser() if export_dir else None
        self.workbook: Workbook | None = None
        self.error: str | None = None
        self.cut: str | None = None
        """Why the file looks cut short (:func:`~career_workbook.store.cut_short`), if it does."""
        self.saved_at: datetime | None = None
        self.callback_errors: list[str] = []
        self._listeners: dict[Any, Callable[[Session], None]] = {}
        self._ids = itertools.count()
        self._role: tuple[Any, RoleProfile | None] | None = None
        self._frames: tuple[Any, Any, date] | None = None
        self._catalog: Catalog | None = None
        self._seen: tuple[int, ...] | None = None
        self.reload()

    def __repr__(self) -> str:
        state = ("refused" if self.refusal else "missing" if self.missing
                 else "broken" if self.error else "loaded")
        return f"<Session {self.path} ({state}), today={self.today.isoformat()}>"

    # ------------------------------------------------------------------ state
    @property
    def today(self) -> date:
        """The day everything is counted as of: the ``today`` the notebook was given, else
        the real date, read afresh at each use: a notebook left open past midnight dates a
        check-in saved at 00:01 on its own day, never on the day it was opened."""
        return self._pinned or date.today()

    @property
    def missing(self) -> bool:
        """True when there is no file at ``path`` yet (never looked at when refused)."""
        return self.refusal is None and not self.path.exists()

    @property
    def ready(self) -> bool:
        """True when a valid workbook is loaded (forms are editable)."""
        return self.workbook is not None

    def _stamp(self) -> tuple[int, ...] | None:
        """What tells the file as read from the file as it is now, without reading it: its
        identity, size and time of change (a save replaces the file: a new identity);
        ``None`` when there is none."""
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)

    def refresh(self) -> bool:
        """Read the file again if it changed since it was read (saved in another tab or
        notebook, or from the command line), and notify the listeners; ``True`` when it did.
        Unchanged, it costs one ``stat``, nothing is read. Forms call it when the person
        picks a record or opens a form (:meth:`~career_workbook.widgets.fields.FormView.rebuild`),
        so the choices they offer are the file's; a form someone has typed in keeps what
        they typed, and its save still merges with the file (or is a conflict). Past
        midnight (the real today moved on since the listeners were last told) they are
        notified too, without reading the file (``False``): the forms show the new day
        (:meth:`~career_workbook.widgets.fields.FormView.follows_today`).

        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "kim.yaml"
        >>> tab = Session(path, today="2026-11-22"); _ = tab.create("Kim")
        >>> other = Session(path, today="2026-11-22")
        >>> _ = other.save(lambda wb: wb.strengths.append("Listening"))
        >>> tab.workbook.strengths, tab.refresh(), tab.workbook.strengths, tab.refresh()
        ([], True, ['Listening'], False)
        """
        if self.refusal is not None:
            return False
        if self._stamp() == self._seen:
            if self.today != self._day:  # past midnight: the forms show the new day
                self._day = self.today
                self.notify()
            return False
        self.reload()
        self.notify()
        return True

    def reload(self) -> None:
        """Read the file again (after someone else changed it); never raises."""
        from career_workbook import store

        self._role = self._frames = self.cut = None
        if self.refusal is not None:
            self.workbook, self.error = None, self.refusal
            return
        self._seen = self._stamp()  # before reading: a save meanwhile is seen next time
        self._day = self.today  # the day the listeners were last told of
        if self.missing:
            self.workbook, self.error = None, None
            return
        try:
            self.workbook, self.error = store.load(self.path), None
        except WorkbookError as err:
            self.workbook, self.error = None, _located(self.path, err)
        except OSError as err:  # pragma: no cover - e.g. permissions changed under us
            self.workbook, self.error = None, f"{self.path}: cannot be read ({err})"
        except Exception as err:  # noqa: BLE001 - a notebook must never crash on a bad file
            self.workbook, self.error = None, _unreadable(self.path, err)
        cut = store.cut_short(self.path)
        if cut is not None:  # read as a smaller workbook, or refused for a field it lacks
            self.cut = self.say(
                f"{self.path.name}: {cut}, or the form “Restore an earlier version” in "
                "notebook 00 (Start here) does. Until then no form saves over this file.")

    def unavailable_message(self) -> str:
        """Why forms cannot edit right now, in words a person can act on."""
        if self.refusal is not None:
            return f"This app cannot open that workbook, so the forms are read-only:\n" \
                f"{self.refusal}"
        if self.error is not None:
            # "that line" only when the reason names one (not a folder, a device, an empty
            # file)
            fix = ("Set `workbook` to your workbook's .yaml file" if "not a workbook file"
                   in self.error else "Fix that line in the file"
                   if re.search(r"\bline \d", self.error) else "Fix the file")
            return (
                "This workbook could not be opened, so the forms are read-only:\n"
                f"{self.error}\n"
                + (self.say(f"{fix}, or bring back an earlier version with "
                            "the form “Restore an earlier version” in notebook 00 (Start "
                            "here); then run this notebook again.") if self._has_history()
                   else f"{fix}, then run this notebook again.")
            )
        if (self.notebook or "").startswith("00"):
            return (f"No workbook yet at {self.path} — create it with the form “Create your "
                    "workbook” in this notebook.")
        return f"No workbook yet at {self.path} — {self.where_to_create()}."

    def form_message(self) -> str:
        """What a form says when it cannot edit: the whole story once, in the notebook's
        header (:meth:`unavailable_message`); each form only points to it."""
        if self.refusal is not None or self.error is not None:
            return (f"Read-only for now: {Path(self.path).name} could not be opened. The "
                    "message at the top of this page says why and how to fix it.")
        return self.unavailable_message()

    def _has_history(self) -> bool:
        from career_workbook import store

        try:
            return bool(store.history(self.path))
        except Exception:  # noqa: BLE001 - only decides which advice to give
            return False

    def where_to_create(self) -> str:
        """"open 00_start_here to create it" (in the app: its start page's first step)."""
        from career_workbook.widgets.display import in_voila

        if in_voila():
            return "open step 00, “Start here”, on the app's start page to create it"
        return "open 00_start_here to create it"

    def say(self, text: str) -> str:
        """``text`` fitted to this notebook (see :func:`localize`)."""
        return localize(text, self.notebook)

    @property
    def catalog(self) -> Catalog | None:
        """The skill and role catalog (loaded once; ``None`` if it cannot be read)."""
        if self._catalog is None:
            from career_workbook.catalog import CatalogError, load_catalog

            try:
                self._catalog = load_catalog()
            except CatalogError as err:
                if str(err) not in self.problems:
                    self.problems.append(str(err))
                return None
        return self._catalog

    @property
    def role(self) -> RoleProfile | None:
        """The target-role profile for charts and gaps (``catalog.resolve_role``)."""
        wb = self.workbook
        if wb is None:
            return None
        if self._role is None or self._role[0] is not wb:
            from career_workbook.catalog import resolve_role

            catalog = self.catalog
            role = resolve_role(wb, catalog) if catalog is not None else None
            self._role = (wb, role)
        return self._role[1]

    def role_of(self, wb: Workbook) -> RoleProfile | None:
        """The target-role profile of ``wb``, the loaded workbook or an earlier version."""
        if wb is self.workbook:
            return self.role
        from career_workbook.catalog import resolve_role

        return resolve_role(wb, self.catalog) if self.catalog else None

    def frames(self) -> Any:
        """The analysis frames of the loaded workbook (``figures.frames_of``), shared by
        every chart of the notebook until the next save or reload (or midnight, when the
        notebook counts as of the real today); ``None`` without one."""
        wb = self.workbook
        if wb is None:
            return None
        today = self.today
        if self._frames is None or self._frames[0] is not wb or self._frames[2] != today:
            from career_workbook import figures

            def role() -> RoleProfile | None:  # of this workbook, even after a reload
                return self.role_of(wb)

            self._frames = (wb, figures.frames_of(wb, today=today, role=role,
                                                  catalog=lambda: self.catalog), today)
        return self._frames[1]

    # ------------------------------------------------------------------ listeners
    def on_change(self, callback: Callable[[Session], None], *, key: Any = None) -> Any:
        """Call ``callback(session)`` after every successful save or create.

        A ``key`` replaces the callback registered earlier under the same key (re-running
        a notebook cell does not pile up redraws). Returns the key.
        """
        if key is None:
            key = ("anonymous", next(self._ids))
        self._listeners.pop(key, None)
        self._listeners[key] = callback
        return key

    def remove_listener(self, key: Any) -> None:
        """Stop calling the callback registered under ``key``."""
        self._listeners.pop(key, None)

    def notify(self) -> None:
        """Run every callback; one that fails is reported, never stops the others."""
        for key, callback in list(self._listeners.items()):
            try:
                callback(self)
            except Exception as err:  # noqa: BLE001 - a redraw must never break a save
                text = f"{key}: {type(err).__name__}: {err}"
                self.callback_errors.append(text)
                warnings.warn(f"career_workbook: refreshing {text}\n{traceback.format_exc()}",
                              RuntimeWarning, stacklevel=2)

    # ------------------------------------------------------------------ saving
    def save(self, apply: Callable[[Workbook], Any]) -> SaveResult:
        """Change the workbook file with ``apply(wb)`` under the file lock, then save.

        Nothing is written when ``apply`` raises a ``WorkbookError``/``ValidationError`` or
        the changed workbook does not validate; the message names the field and value.
        On success the session reloads and notifies its listeners.
        """
        from career_workbook import store
        from career_workbook.widgets.merge import EditConflict

        if self.workbook is None:
            return SaveResult(False, self.unavailable_message())
        if not self.path.exists():
            return SaveResult(False, (
                f"Not saved: the workbook file {self.path} is gone (moved, renamed or "
                "deleted since this notebook opened). Your answers are still in the form: "
                "put the file back, then press Save again."))
        opened = False

        def change(wb: Workbook) -> Any:
            nonlocal opened
            opened = True
            return apply(wb)

        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", store.CommentsNotKeptWarning)
                with store.edit(self.path) as wb:
                    change(wb)
        except store.WorkbookCutShortError as err:
            return SaveResult(False, self.say(
                f"Not saved: {self.path.name}: {err.note}, or the form “Restore an earlier "
                "version” in notebook 00 (Start here) does. Nothing was saved, so that this "
                "shorter file does not take that version's place. Your answers are still in "
                "the form: press Save again once it is back."))
        except EditConflict as err:
            first = err.problems[0] if err.problems else None
            return SaveResult(False, f"Not saved: {err}", field=first.field if first else None,
                              conflict=True)
        except WorkbookError as err:
            if not opened:  # the file itself cannot be read now (e.g. edited by hand)
                return SaveResult(False, self.say(
                    f"Not saved: {err}\nThe workbook file was changed outside this notebook "
                    "and cannot be read now, so nothing was written over it. Your answers "
                    "are still in the form: fix that line in the file (or restore an earlier "
                    "version in notebook 00), then press Save again."))
            skill_gone = any(_DANGLING.get(p.message) == "skill" for p in err.problems)
            removed = _removed_elsewhere(err.problems, self.workbook,
                                         _file_now(self.path) if skill_gone else None)
            if removed:  # a conflict: the form offers to reload
                first = err.problems[0]
                return SaveResult(False, f"Not saved: {removed}", field=first.field,
                                  value=first.value, conflict=True)
            return _refused(err.problems, str(err), self.workbook)  # no file path: the
            # person's own workbook is meant, and a form's rule names what to change
        except ValidationError as err:
            return _refused(problems_from_validation(err), str(err), self.workbook)
        except OSError as err:
            return SaveResult(False, f"Not saved: the file could not be written ({err})")
        except (ValueError, RecursionError, MemoryError) as err:  # a file broken meanwhile
            return SaveResult(False, f"Not saved: {_unreadable(self.path, err)}")
        comments = False
        for w in caught:  # said in the status line, where the person is looking
            if issubclass(w.category, store.CommentsNotKeptWarning):
                comments = True
            else:
                warnings.showwarning(w.message, w.category, w.filename, w.lineno)
        return self._after_save(COMMENTS_NOT_KEPT if comments else "")

    def restore(self, entry: Any) -> SaveResult:
        """Bring back the earlier version ``entry`` (a ``store.HistoryEntry``) with
        ``store.restore``; the current version goes into the history. Works also when the
        current file cannot be read; never raises."""
        from career_workbook import store

        if self.refusal is not None:
            return SaveResult(False, f"Not restored: {self.refusal}")
        try:
            store.restore(self.path, entry)
        except WorkbookError as err:
            return _refused(err.problems, str(err), lead="Not restored")
        except OSError as err:
            return SaveResult(False, f"Not restored: the file could not be written ({err})")
        except (ValueError, RecursionError, MemoryError) as err:
            return SaveResult(False, f"Not restored: {_unreadable(Path(entry.path), err)}")
        return self._after_save()

    def create(self, name: str, **person: Any) -> SaveResult:
        """Create the workbook file for ``name`` (``current_role=...`` etc. may be given)."""
        from career_workbook import store

        if self.refusal is not None:
            return SaveResult(False, f"Not created: {self.refusal}")
        if not self.missing:
            return SaveResult(False, f"A workbook already exists at {self.path}.")
        try:
            store.new(self.path, name, today=self.today, **person)
        except WorkbookError as err:  # field problems of this edit, or the file itself (named)
            return _refused(err.problems, str(err) if err.path else f"{self.path}: {err}")
        except OSError as err:
            return SaveResult(False, f"Not created: the file could not be written ({err})")
        return self._after_save()

    def _after_save(self, note: str = "") -> SaveResult:
        self.saved_at = datetime.now()
        self.reload()
        self.notify()
        return SaveResult(True, f"Saved at {self.saved_at:%H:%M}{note}", saved_at=self.saved_at)

    # ------------------------------------------------------------------ display
    def last_saved(self) -> datetime | None:
        """When the file was last written (local time), or ``None`` if there is no file
        (or the app may not look at it)."""
        if self.refusal is not None:
            return None
        try:
            return datetime.fromtimestamp(self.path.stat().st_mtime)
        except OSError:
            return None


def header_html(session: Session) -> str:
    """The notebook header: whose workbook, where the file lives, when it was last saved.

    Every user string is escaped.
    """
    wb = session.workbook
    parts = []
    if wb is not None:
        who = f"{esc(wb.person.name)}’s workbook"
        role = wb.person.target_role
        if role:
            who += f' <span style="color:{MUTED}">— aiming for {esc(role)}</span>'
        parts.append(f'<div style="font-size:1.15em;font-weight:600">{who}</div>')
    saved = session.last_saved()
    details = [f"File: <code>{esc(session.path)}</code>"]
    if saved is not None:
        details.append(f"last saved {short_date(saved)} {saved:%H:%M}")
    details.append(f"dates counted from {short_date(session.today)}")
    if session.export_dir is not None:
        details.append(f"charts exported to <code>{esc(session.export_dir)}</code>")
    parts.append(f'<div style="color:{MUTED};font-size:0.9em">{" · ".join(details)}</div>')
    body = "".join(parts)
    if wb is None:
        body += notice_html(session.unavailable_message(),
                            "error" if session.error else "info")
    body += "".join(notice_html(p, "warning") for p in session.problems)
    if session.cut is not None:
        body += notice_html(session.cut, "error")
    # the style sheets ride with the header, which every notebook shows first: the colours
    # of a dark theme, and in JupyterLab the app's form layout for a narrow notebook panel
    # (the app has it as its own style sheet: a second copy after it would undo its rules
    # for a phone where the copy's narrow-panel query does not apply)
    from career_workbook.widgets.display import in_voila

    layout = "" if in_voila() else layout_css()
    return (
        f'{THEME_CSS}{layout}<div class="cw-header" '
        f'style="border-left:4px solid {colour("accent")};padding:4px 10px;'
        f'margin:4px 0 8px 0">{body}</div>'
    )


def start(workbook: str | os.PathLike[str] | None = None, today: date | str | None = None,
          export_dir: str | os.PathLike[str] | None = None) -> Session:
    """Open the workbook for this notebook, show a header, return the :class:`Session`.

    Never raises for a missing or broken workbook file or a bad ``today``: the header
    says what is wrong and the forms stay read-only.
    """
    from career_workbook.widgets import display as _display
    from career_workbook.widgets.fields import slider_box_reader
    from career_workbook.widgets.heap import freeze_once

    freeze_once("start")  # the kernel's and libraries' objects: see widgets/heap.py
    session = Session(workbook, today=today, export_dir=export_dir)
    replace = _display.live_html(header_html(session))
    session.on_change(lambda s: replace(header_html(s)), key="header")
    _display.publish(_display.refresh_button(session))  # pressed by the page: see there
    _display.publish(slider_box_reader())  # written by the page: see there
    _display.publish_page_scripts()
    return session
