"""Notebooks 06, 07 and 09: the plan in your own calendar, and your LinkedIn network brought in.

Thin: the calendar is built by :mod:`career_workbook.export.ics` (events from
:mod:`career_workbook.analysis.reminders`); contacts are read by
:mod:`career_workbook.imports` and saved with ``session.save`` (under the file lock, planned
again against the file as it is then, so nobody is added twice).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from career_workbook.model import Workbook, WorkbookError
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    FormView,
    download_link,
    esc,
    notice_html,
    primary_button,
)
from career_workbook.wording import plural, short_date
from career_workbook.workspace import WorkspaceError

if TYPE_CHECKING:  # pragma: no cover
    from career_workbook.imports import ParsedContacts

__all__ = ["calendar_button", "contacts_import", "contacts_preview_html"]


def calendar_button(session: Any) -> widgets.Widget:
    """One button: write ``<workspace>/calendar/<id>.ics`` and say where it is."""

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        button = primary_button("Write my calendar file",
                                "Save your deadlines, next steps, follow-ups and next check-in "
                                "as a calendar file (.ics)", icon="calendar")
        view.buttons["calendar"] = button
        result = quiet.HTML("")

        def write(_button: Any) -> None:
            from career_workbook.export.ics import write_calendar

            try:
                report = write_calendar(s.path, today=s.today)
            except (OSError, WorkbookError) as err:
                view.set_status(f"The calendar could not be written: {err}", "error")
                return
            result.value = (
                f"<div>{esc(plural(report.events, 'reminder'))} written to "
                f"<code>{esc(report.path)}</code>.</div>"
                f"<div>{download_link(report.path, 'text/calendar')}"
                " — open it with your calendar app (Google Calendar: Settings → Import; "
                "Outlook or Apple Calendar: open the file). Importing a newer one later "
                "updates the same reminders instead of adding copies.</div>")
            view.set_status("Calendar written", "success")

        button.on_click(write)
        return [button, result]

    return FormView(session, build, name="calendar", title="Reminders in your own calendar",
                    intro="Goal deadlines, milestones, next steps, follow-ups and your next "
                          "check-in, each with a reminder, in the calendar you already use.",
                    depends=lambda wb: None)


def contacts_preview_html(parsed: ParsedContacts, wb: Workbook) -> str:
    """What an import would add, what it skips and why, and unreadable rows (escaped)."""
    from career_workbook.imports import plan_contacts, problems_to_show
    from career_workbook.widgets.display import cell_html

    plan = plan_contacts(wb, parsed.rows)
    parts = [f"<div><b>{esc(plural(len(plan.new), 'new contact'))} to add</b> "
             f"({esc(parsed.shape)}, {esc(plural(len(parsed.rows), 'row'))} read)</div>"]
    if plan.new:
        rows = "".join(
            f"<tr><td>{cell_html(c.name)}</td><td>{cell_html(c.organisation)}</td>"
            f"<td>{cell_html(r.position)}</td>"
            f"<td>{esc(short_date(c.last_contact) if c.last_contact else '—')}</td></tr>"
            for r, c in plan.new[:200])
        more = (f"<div>… and {len(plan.new) - 200} more</div>" if len(plan.new) > 200 else "")
        parts.append("<table class='cw-table'><tr><th>Name</th><th>Organisation</th>"
                     "<th>Role</th><th>Connected on</th></tr>" + rows + "</table>" + more)
    if plan.skipped:
        items = "".join(f"<li>line {r.line}: {esc(r.name)} — {esc(why)}</li>"
                        for r, why in plan.skipped[:200])
        parts.append("<div>Skipped (already in your network, or repeated in the file):</div>"
                     f"<ul>{items}</ul>")
    problems = problems_to_show(parsed, plan)
    if problems:
        items = "".join(f"<li>{esc(p)}</li>" for p in problems)
        parts.append(f"<div>Rows to check:</div><ul>{items}</ul>")
    return "".join(parts)


def contacts_import(session: Any) -> widgets.Widget:
    """Import LinkedIn's Connections.csv (upload or path): preview first, then Import.

    The CSV reading (:mod:`career_workbook.imports`) loads with this form, not with
    :func:`calendar_button`, which notebook 09 shows alone."""
    from career_workbook.imports import parse_connections, plan_contacts
    from career_workbook.widgets.csv_source import CsvSource

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        source = CsvSource(view, tooltip="Choose LinkedIn's Connections.csv",
                           placeholder="e.g. Connections.csv",
                           help="LinkedIn: Settings → Data privacy → Get a copy of your data → "
                                "Connections. Relative paths start in your workspace folder.")
        preview_button = source.preview_button("Read the file and show who would be added, "
                                               "without saving")
        save = primary_button("Import these contacts",
                              "Add the previewed people to your network", disabled=True)
        view.buttons.update(preview=preview_button, save=save)
        preview = quiet.HTML("")
        view.state["parsed"] = None

        def show_preview(_button: Any = None) -> None:
            try:
                parsed = parse_connections(source.read_text(), today=s.today)
            except (WorkbookError, WorkspaceError) as err:
                view.state["parsed"] = None
                save.disabled = True
                preview.value = ""
                view.set_status(f"Cannot import: {err}", "error")
                return
            view.state["parsed"] = parsed
            if parsed.shape == "unreadable":
                preview.value = notice_html(str(parsed.problems[0]), "error")
                save.disabled = True
            else:
                preview.value = contacts_preview_html(parsed, s.workbook)
                save.disabled = not plan_contacts(s.workbook, parsed.rows).new
            view.set_status("")

        def import_rows(_button: Any) -> None:
            parsed = view.state.get("parsed")
            if parsed is None:
                view.set_status("Nothing to add: preview a file first.", "error")
                return
            added: list[str] = []

            def apply(wb: Workbook) -> None:
                fresh = plan_contacts(wb, parsed.rows).new
                wb.contacts.extend(c for _, c in fresh)
                added[:] = [c.name for _, c in fresh]

            result = s.save(apply)
            if result.ok:
                show_preview()  # now: everyone in the file is already there
            view.show_result(result, f"{plural(len(added), 'contact')} added" if result.ok
                             else "")

        preview_button.on_click(show_preview)
        save.on_click(import_rows)
        source.on_upload(show_preview)
        return [*source.widgets, source.under(preview_button), preview, quiet.HBox([save])]

    return FormView(session, build, name="contacts_import",
                    title="Bring in your LinkedIn connections",
                    intro="Upload LinkedIn's Connections.csv (or a CSV with the same columns), "
                          "check the preview (Preview saves nothing), then import. People already "
                          "in your network are never added twice.",
                    depends=lambda wb: None, saves_input=False)  # a file to read, not kept
