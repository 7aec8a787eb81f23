"""The coach's overview notebook: every client workbook in a folder, side by side.

A broken workbook is listed with its error and left out of the numbers; it never stops the
overview. The per-client rows come from :func:`career_workbook.analysis.cohort.caseload_frame`
(shared with the ``career-workbook cohort`` command).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from career_workbook.model import WorkbookError
from career_workbook.widgets.fields import (
    MUTED,
    THEME_CSS,
    esc,
    notice_html,
)
from career_workbook.widgets.session import parse_today
from career_workbook.wording import short_date
from career_workbook.workspace import client_ids, list_workbooks

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets as widgets
    import pandas as pd
    from matplotlib.figure import Figure

    from career_workbook.analysis.coach_week import ClientWeek
    from career_workbook.model import Workbook

__all__ = ["COHORT_SLUGS", "Caseload", "caseload_calendar_button", "caseload_figures",
           "coach_overview", "load_caseload", "nudges_html", "overview_html", "week_html"]

COHORT_SLUGS = ("cohort_readiness", "cohort_gaps", "cohort_recency")
"""The caseload charts, in the order shown (and their export file names)."""

UNREAD_LIST = "the list above the charts"
"""Where the overview lists the workbooks it could not read (the charts point there)."""

_CASELOAD_TABLE = {
    "name": "Client", "target_role": "Target role", "readiness": "Readiness %",
    "goals": "Goals",
    "last_check_in": "Last check-in",
    "actions_overdue": "Actions overdue", "overdue_follow_ups": "Follow-ups overdue",
    "stale_opportunities": "Stale opportunities", "upcoming_14_days": "Next 14 days",
    "top_gap": "Top gap",
}


@dataclass
class Caseload:
    """Everything the overview shows.

    Attributes
    ----------
    folder : Path
    today : date
    workbooks : dict[str, Workbook]
        Loaded workbooks by client id (:func:`~career_workbook.workspace.client_ids`: the
        file's stem, with its ending where two files share it), in file-name order.
    frame : DataFrame
        :func:`~career_workbook.analysis.cohort.caseload_frame` of the loaded workbooks.
    gap_counts : Series
        Clients with a gap, per skill.
    broken : list of (file name, error message)
    problems : list of str
        Warnings (a bad ``today``, a missing folder, a client's role profile the catalog
        does not have).
    weeks : dict[str, ClientWeek]
        Each loaded client's week (:func:`~career_workbook.analysis.coach_week.client_week`).
    read : bool
        Whether the folder was read: False when it is missing or refused (``problems``
        says which, once).
    """

    folder: Path
    today: date
    workbooks: dict[str, Workbook]
    frame: pd.DataFrame
    gap_counts: pd.Series
    broken: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    weeks: dict[str, ClientWeek] = field(default_factory=dict)
    read: bool = True


def _refusal(folder: Path) -> str | None:
    """Why the app (``$CAREER_WORKBOOK_ROOT`` set) may not read ``folder``; ``None`` if it may.

    Inside the client app other clients' workbooks stay private.
    """
    from career_workbook.widgets.session import ROOT_VAR
    from career_workbook.workspace import WorkspaceError, ensure_inside

    root = os.environ.get(ROOT_VAR)
    if not root:
        return None
    try:
        ensure_inside(folder, root)
    except WorkspaceError as err:
        return str(err)
    return None


def load_caseload(folder: str | os.PathLike[str], today: date | str | None = None) -> Caseload:
    """Load every ``*.yaml`` workbook in ``folder`` and summarise each client.

    Never raises for a bad file, a missing folder or a bad ``today``: they are reported in
    ``broken`` / ``problems``. Inside the app, a folder outside ``$CAREER_WORKBOOK_ROOT`` is
    refused (reported in ``problems``) and nothing in it is read.
    """
    from career_workbook import analysis, store
    from career_workbook.analysis.coach_week import client_week
    from career_workbook.analysis.cohort import caseload_frame, cohort_gap_counts
    from career_workbook.batch import client_message
    from career_workbook.catalog import (
        CatalogError,
        load_catalog,
        missing_role,
        missing_role_note,
        resolve_role,
    )

    path = Path(os.path.abspath(Path(folder).expanduser()))
    day, problem = parse_today(today)
    problems = [problem] if problem else []
    refused = _refusal(path)
    if refused:
        problems.append(refused)
    elif not path.is_dir():
        problems.append(f"No folder at {path}: set `folder` to the folder of client workbooks.")
    try:
        catalog = load_catalog()
    except CatalogError as err:
        catalog = None
        problems.append(f"The role catalog could not be loaded ({err}); own targets are used.")
    workbooks: dict[str, Workbook] = {}
    broken: list[tuple[str, str]] = []
    summaries, roles, gaps, weeks = [], [], [], []
    files = list_workbooks([path]) if not refused and path.is_dir() else []  # as cohort
    for file, key in zip(files, client_ids(files), strict=True):  # kim.yaml, kim.yml
        try:
            wb = store.load(file)
            role = resolve_role(wb, catalog) if catalog is not None else None
            seen = analysis.review_as_of(wb, day)  # as `cohort`: goals set by ``day``
            done = (analysis.summary(seen, day, role),
                    analysis.skill_gap_frame(seen, role, today=day), client_week(seen, day, key))
        except Exception as err:  # noqa: BLE001 - one odd client never hides the others
            broken.append((file.name, client_message(err, file)))  # as cohort and pack say it
            continue
        workbooks[key] = wb
        roles.append(wb.person.target_role)
        missing = missing_role(wb, catalog)
        if missing is not None:  # as `cohort` warns: readiness is not against the profile
            problems.append(f"{file.name}: {missing_role_note(missing, catalog)}")
        later = analysis.set_later_note(wb, day)
        if later:  # as `cohort` warns: the goals set after ``day`` are not counted
            problems.append(f"{file.name}: {later}")
        for kept, item in zip((summaries, gaps, weeks), done, strict=True):
            kept.append(item)
    frame = caseload_frame(summaries, clients=list(workbooks), target_roles=roles, weeks=weeks)
    return Caseload(path, day, workbooks, frame, cohort_gap_counts(gaps), broken, problems,
                    dict(zip(workbooks, weeks, strict=True)), read=not refused and path.is_dir())


def _client_names(caseload: Caseload) -> dict[str, str]:
    """Each loaded client's label by client id, as the table, the nudge list, the week and
    the charts show it (:func:`~career_workbook.wording.client_labels`: the file's id after
    a name two clients share)."""
    from career_workbook.wording import client_labels

    ids = list(caseload.workbooks)
    names = [wb.person.name for wb in caseload.workbooks.values()]
    return dict(zip(ids, client_labels(names, ids), strict=True))


def caseload_figures(caseload: Caseload) -> dict[str, Figure]:
    """The three cohort charts (readiness, common gaps, check-in recency)."""
    from career_workbook import charts

    frame = caseload.frame
    labels = frame["client"].map(_client_names(caseload)).tolist()
    readiness = frame["readiness"].set_axis(labels)
    recency = frame["days_since_check_in"].set_axis(labels)
    # the files listed above as not read are left out: each chart says how many
    left_out = {"today": caseload.today, "unread": len(caseload.broken), "see": UNREAD_LIST}
    return {
        "cohort_readiness": charts.plot_cohort_readiness(readiness, **left_out),
        "cohort_gaps": charts.plot_cohort_gaps(caseload.gap_counts, **left_out),
        "cohort_recency": charts.plot_cohort_recency(
            recency, overdue=frame["check_in_overdue"].set_axis(labels), **left_out),
    }


def nudges_html(caseload: Caseload) -> str:
    """Who needs a nudge this week and why, as escaped HTML (see
    :func:`~career_workbook.analysis.coach_week.needs_nudge`)."""
    due = [(client, week) for client, week in caseload.weeks.items() if week.nudges]
    if not caseload.weeks:
        return ""
    if not due:
        return notice_html("Nobody needs a nudge this week: every client is moving.", "success")
    names = _client_names(caseload)
    items = "".join(f"<li><b><bdi>{esc(names[client])}</bdi></b>: "
                    f"{esc('; '.join(week.nudges))}</li>" for client, week in due)
    return (f'<div style="font-weight:600;margin-top:8px">Needs a nudge ({len(due)})</div>'
            f"<ul>{items}</ul>")


def _items(title: str, entries: list[str]) -> str:
    """A titled list of at most 20 ``entries`` (each already HTML)."""
    if not entries:
        return ""
    shown = "".join(f"<li>{e}</li>" for e in entries[:20])
    more = f"<li>… and {len(entries) - 20} more</li>" if len(entries) > 20 else ""
    return f"<div>{esc(title)}</div><ul>{shown}{more}</ul>"


def _people(wb: Workbook) -> list[str]:
    """The names a client's week may put into a sentence: theirs and their contacts'."""
    return [wb.person.name, *(contact.name for contact in wb.contacts)]


def week_html(caseload: Caseload) -> str:
    """Each client's week, one folded section per client: overdue actions and follow-ups
    (titles), stale opportunities and what is due in the next 14 days (escaped HTML; a
    person's or contact's name, and each title, isolated in ``<bdi>``, so a right-to-left
    one never reorders the words around it)."""
    from career_workbook.analysis.coach_week import UPCOMING_DAYS
    from career_workbook.htmltext import isolate_names
    from career_workbook.wording import duration

    parts = []
    names = _client_names(caseload)
    for client, week in caseload.weeks.items():
        people = _people(caseload.workbooks[client])
        body = (_items("Check-in overdue", [esc(week.check_in_late)] * week.check_in_overdue)
                + _items("Actions overdue", [f"<bdi>{esc(t)}</bdi>" for t in week.overdue_actions])
                + _items("Follow-ups overdue",
                         [f"<bdi>{esc(n)}</bdi>" for n in week.overdue_follow_ups])
                + _items("Opportunities with no movement",
                         [f"<bdi>{esc(t)}</bdi> — for {duration(d)}"
                          for t, d in week.stale_opportunities])
                + _items(f"Coming up in the next {UPCOMING_DAYS} days",
                         [f"{short_date(u.day)}: {isolate_names(u.summary, people, esc)}"
                          for u in week.upcoming]))
        line = (f"last check-in: {week.check_in_when} · {week.overdue} overdue · "
                f"{len(week.upcoming)} coming up")
        parts.append(f"<details><summary><b><bdi>{esc(names[client])}</bdi></b> — {esc(line)}"
                     f"</summary>{body or '<div>Nothing due.</div>'}</details>")
    if not parts:
        return ""
    return ('<div style="font-weight:600;margin-top:8px">This week, client by client</div>'
            + "".join(parts))


def _check_in_cell(week: ClientWeek | None) -> str | None:
    """The table's "Last check-in": ``'16 Nov 2026 (3 weeks ago)'``, ``'no check-in yet'``."""
    if week is None:
        return None
    if week.last_check_in is None:
        return week.check_in_when
    return f"{short_date(week.last_check_in)} ({week.check_in_when})"


def overview_html(caseload: Caseload) -> str:
    """Header, caseload table and the list of broken files, as escaped HTML."""
    from career_workbook.widgets.display import frame_html
    from career_workbook.wording import plural

    n = len(caseload.workbooks)
    head = (f'{THEME_CSS}<div style="font-size:1.15em;font-weight:600">Caseload: '
            f'{plural(n, "client")}'
            f'</div><div style="color:{MUTED};font-size:0.9em">Folder: '
            f"<code>{esc(caseload.folder)}</code> · dates counted from "
            f"{short_date(caseload.today)}</div>")
    body = "".join(notice_html(p, "warning") for p in caseload.problems)
    shown = caseload.frame.astype({"last_check_in": object})
    shown["name"] = shown["client"].map(_client_names(caseload))
    # the day and how long ago, in one column: two made the table wider than a notebook
    shown["last_check_in"] = [_check_in_cell(caseload.weeks.get(c)) for c in shown["client"]]
    if caseload.read:  # a folder missing or refused is said once, above
        body += frame_html(shown, _CASELOAD_TABLE,
                           empty="No client workbooks (*.yaml) found in this folder.",
                           name="Caseload, one client a row")
    body += nudges_html(caseload) + week_html(caseload)
    if caseload.broken:
        items = "".join(f"<li><b><bdi>{esc(name)}</bdi></b>: {esc(error)}</li>"
                        for name, error in caseload.broken)
        body += (notice_html(f"{len(caseload.broken)} workbook(s) could not be read and are "
                             "left out of the numbers:", "error") + f"<ul>{items}</ul>")
    return f'<div class="cw-coach">{head}{body}</div>'


def coach_overview(folder: str | os.PathLike[str], today: date | str | None = None,
                   export_dir: str | os.PathLike[str] | None = None) -> None:
    """Show the caseload table and the cohort charts; export the charts when asked.

    Returns ``None`` (everything is displayed as HTML and PNG outputs that papermill keeps).
    """
    from career_workbook import export
    from career_workbook.widgets.display import figure_image, publish, publish_html

    caseload = load_caseload(folder, today)
    publish_html(overview_html(caseload))
    for slug, fig in caseload_figures(caseload).items():
        publish(figure_image(fig))
        if export_dir is not None:
            try:
                export.save_figure(fig, Path(export_dir).expanduser(), slug)
            except (OSError, ValueError) as err:
                publish_html(notice_html(f"{slug} could not be saved in {export_dir}: {err}",
                                         "warning"))


def caseload_calendar_button(folder: str | os.PathLike[str],
                             today: date | str | None = None) -> widgets.Widget:
    """One button: write every client's reminders to one calendar file (the same file as
    ``career-workbook calendar --all FOLDER``) and offer it for download."""
    from career_workbook.export.ics import calendar_path, write_caseload_calendar
    from career_workbook.widgets import quiet
    from career_workbook.widgets.fields import download_link, primary_button
    from career_workbook.wording import plural

    path = Path(os.path.abspath(Path(folder).expanduser()))
    day, _problem = parse_today(today)
    button = primary_button("Write the caseload calendar",
                            "Save every client's deadlines, next steps, follow-ups and next "
                            "check-in as one calendar file (.ics)", icon="calendar")
    result = quiet.HTML("")

    def write(_button: object) -> None:
        refused = _refusal(path)
        if refused or not path.is_dir():
            result.value = notice_html(refused or f"No folder at {path}.", "error")
            return
        try:
            report = write_caseload_calendar([path], calendar_path(path / "caseload.yaml"),
                                             today=day)
        except (OSError, ValueError, WorkbookError) as err:
            result.value = notice_html(f"The calendar could not be written: {err}", "error")
            return
        skipped = (notice_html(f"Left out (could not be read): {'; '.join(report.skipped)}",
                               "warning") if report.skipped else "")
        result.value = (
            f"<div>{esc(plural(report.events, 'reminder'))} for "
            f"{esc(plural(report.people, 'client'))} written to <code>{esc(report.path)}</code>."
            f"</div><div>{download_link(report.path, 'text/calendar')} — "
            "open it with your calendar app. Writing it again later updates the same "
            f"reminders instead of adding copies.</div>{skipped}")

    button.on_click(write)
    return quiet.VBox([button, result])
