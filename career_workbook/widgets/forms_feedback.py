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
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from career_workbook.model import RATER_GROUPS, Feedback, Problem, Workbook, WorkbookError
from career_workbook.widgets.fields import (
    FormView,
    check_model,
    esc,
    make_field,
    notice,
    notice_html,
    primary_button,
    secondary_button,
)
from career_workbook.widgets.forms_skills import level_options

__all__ = [
    "CSV_COLUMNS",
    "feedback_comments",
    "feedback_data",
    "feedback_form",
    "feedback_import",
    "new_feedback_entries",
    "read_feedback_csv",
]

GROUP_LABELS = {
    "manager": "Manager", "peer": "Peer (same level)", "direct_report": "Someone I manage",
    "mentor": "Mentor", "other": "Other (client, partner...)", "self": "Myself",
    "others": "Small groups together",
}
CSV_COLUMNS = ("rater_group", "rater_id", "date", "skill", "level", "comment")
"""Columns of a feedback CSV file (``comment`` is optional)."""
MAX_CSV_BYTES = 5 * 1024 * 1024


def feedback_data(group: str | None, rater_id: str, day: Any,
                  ratings: dict[str, int | None], comment: str) -> dict[str, Any]:
    """The fields of a :class:`~career_workbook.model.Feedback` from form values."""
    return {"rater_group": group, "rater_id": rater_id.strip(), "date": day,
            "ratings": {k: v for k, v in ratings.items() if v is not None},
            "comment": comment.strip()}


def read_feedback_csv(text: str, *, skills: Iterable[str] | None = None) -> list[Feedback]:
    """Parse the text of a feedback CSV file (see :data:`CSV_COLUMNS`).

    Column names are matched ignoring case and spaces. Raises ``WorkbookError`` naming the
    row, column and value of the first problem.
    """
    from career_workbook import analysis

    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    header = [(h or "").strip().casefold().replace(" ", "_") for h in (reader.fieldnames or [])]
    missing = [c for c in CSV_COLUMNS[:5] if c not in header]
    if missing:
        raise WorkbookError(problems=[Problem(
            "row 1 (the header)", ", ".join(h for h in header if h),
            f"the file needs the columns {', '.join(CSV_COLUMNS[:5])} (and optionally "
            f"comment); missing: {', '.join(missing)}")])
    reader.fieldnames = header
    return analysis.parse_feedback_csv_rows(list(reader), skills=skills)


def new_feedback_entries(existing: Sequence[Feedback],
                         parsed: Sequence[Feedback]) -> tuple[list[Feedback], int]:
    """The parsed entries not already in the workbook, and how many were skipped.

    Importing the same file twice therefore adds nothing the second time.
    """
    seen = [f.model_dump() for f in existing]
    fresh: list[Feedback] = []
    for entry in parsed:
        dump = entry.model_dump()
        if dump not in seen:
            fresh.append(entry)
            seen.append(dump)
    return fresh, len(parsed) - len(fresh)


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
                                "are merged in charts so nobody can be identified.")
        rater = make_field("rater_id", "Anonymous code", "text",
                           placeholder="e.g. P1, M1",
                           help="A code you choose for this person — not their name. Use the "
                                "same code if they give feedback again.")
        day = make_field("date", "Date", "date", value=s.today,
                         help="When they gave the feedback.")
        ratings = [make_field(f"ratings.{name}", name, "dropdown", options=level_options(),
                              help="How they see your level; leave “not rated” if they did "
                                   "not say.")
                   for name in wb.skill_names()]
        comment = make_field("comment", "Comment", "textarea",
                             help="Their words, as given. Shown only grouped with others, "
                                  "never with the code or date.")
        boxes = view.add(group, rater, day, *ratings, comment)
        save = primary_button("Add this feedback",
                              "Save this colleague's ratings as a new feedback entry")
        view.buttons["save"] = save
        labels = {k: f.label for k, f in view.fields.items()}

        def collect() -> tuple[Any, dict[str, str]]:
            data = feedback_data(group.value, rater.value, day.value,
                                 {f.label: f.value for f in ratings}, comment.value)
            record, errors = check_model(Feedback, data, labels)
            if record is not None and not record.ratings and not record.comment:
                return None, {"": "Choose at least one rating or write their comment."}
            return record, errors

        view.bind(save, collect, lambda wb, record: wb.feedback.append(record),
                  detail=lambda r: f"feedback from {r.rater_id} added")
        return [*boxes, save]

    return FormView(session, build, name="feedback", title="Add one colleague's feedback",
                    intro="Enter what one person said. Each save adds a new entry; the form "
                          "then clears for the next person.",
                    depends=lambda wb: (wb.skill_names(), len(wb.feedback)))


def feedback_import(session: Any) -> widgets.Widget:
    """Import feedback from a CSV file (upload it or give its path); preview; save."""

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        upload = widgets.FileUpload(accept=".csv", multiple=False, description="Upload CSV",
                                    tooltip="Choose a .csv file from your computer")
        path = make_field("path", "…or a file path", "text",
                          placeholder="e.g. ../feedback/survey.csv",
                          help="Columns: " + ", ".join(CSV_COLUMNS) + " (comment optional); "
                               "one row per rating, level 0-5, dates YYYY-MM-DD.")
        view.add(path)
        preview_button = secondary_button("Preview", "Read the file and show what would be "
                                                     "added, without saving", icon="eye")
        save = primary_button("Add the previewed feedback",
                              "Save the previewed entries to your workbook file")
        save.disabled = True
        view.buttons.update(preview=preview_button, save=save)
        preview = widgets.HTML("")
        view.state["entries"] = []

        def read_text() -> str:
            if upload.value:
                item = upload.value[0]
                if item.get("size", 0) > MAX_CSV_BYTES:
                    raise WorkbookError(f"{item.get('name')}: the file is too large for "
                                        "feedback (over 5 MB)")
                try:
                    return bytes(item["content"]).decode("utf-8-sig")
                except UnicodeDecodeError:
                    raise WorkbookError(f"{item.get('name')}: the file is not UTF-8 text; "
                                        "save it as “CSV UTF-8”") from None
            if not path.value:
                raise WorkbookError("choose a CSV file to upload or type its path")
            file = Path(path.value).expanduser()
            try:
                if file.stat().st_size > MAX_CSV_BYTES:
                    raise WorkbookError(f"{file}: the file is too large (over 5 MB)")
                return file.read_text(encoding="utf-8-sig")
            except FileNotFoundError:
                raise WorkbookError(f"{file}: no such file (relative paths start from the "
                                    f"notebook's folder, {Path.cwd()})") from None
            except (OSError, UnicodeDecodeError) as err:
                raise WorkbookError(f"{file}: cannot be read ({err})") from None

        def show_preview(_button: Any = None) -> None:
            wb = s.workbook
            try:
                parsed = read_feedback_csv(read_text(), skills=wb.skill_names())
            except WorkbookError as err:
                view.state["entries"] = []
                save.disabled = True
                preview.value = ""
                view.set_status(f"Cannot import: {err}", "error")
                return
            fresh, skipped = new_feedback_entries(wb.feedback, parsed)
            view.state["entries"] = fresh
            save.disabled = not fresh
            preview.value = preview_html(fresh, skipped)
            view.set_status("")

        def clicked(_button: Any) -> None:
            entries = view.state.get("entries") or []
            if not entries:
                view.set_status("Nothing to add: preview a file first.", "error")
                return

            def apply(wb: Workbook) -> None:
                fresh, _ = new_feedback_entries(wb.feedback, entries)
                wb.feedback.extend(fresh)

            result = s.save(apply)
            if result.ok:
                view.state["entries"] = []
                save.disabled = True
                preview.value = ""
            view.show_result(result, f"{len(entries)} feedback entries added" if result.ok
                             else "")

        preview_button.on_click(show_preview)
        save.on_click(clicked)
        upload.observe(lambda _c: show_preview(), names="value")
        return [widgets.HBox([upload]), path.box, widgets.HBox([preview_button]), preview, save]

    return FormView(session, build, name="feedback_import", title="Import feedback from a file",
                    intro="For survey results: upload a CSV file, check the preview, then "
                          "add it. Entries already in your workbook are skipped.",
                    depends=lambda wb: wb.skill_names())


def preview_html(entries: Sequence[Feedback], skipped: int) -> str:
    """A summary table of entries about to be imported (escaped)."""
    if not entries:
        return notice_html("Every entry in this file is already in your workbook."
                           if skipped else "The file has no feedback rows.", "info")
    rows = "".join(
        f"<tr><td>{esc(GROUP_LABELS.get(f.rater_group, f.rater_group))}</td>"
        f"<td>{esc(f.date.isoformat())}</td><td>{len(f.ratings)}</td>"
        f"<td>{'yes' if f.comment else 'no'}</td></tr>"
        for f in entries
    )
    from career_workbook.widgets.display import TABLE_CSS

    note = f"<div>{skipped} entries already in your workbook will be skipped.</div>" \
        if skipped else ""
    return (f"{TABLE_CSS}<div><b>{len(entries)} feedback entries to add</b></div>{note}"
            '<table class="cw-table"><thead><tr><th>Group</th><th>Date</th>'
            f"<th>Skills rated</th><th>Comment</th></tr></thead><tbody>{rows}</tbody></table>")


def feedback_comments(session: Any) -> widgets.Widget:
    """Colleagues' comments, grouped and unattributed (groups of at least 3 raters)."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook import analysis
        from career_workbook.widgets.display import table_widget

        frame = analysis.feedback_comments(view.session.workbook)
        frame = frame.assign(group=frame["group"].map(lambda g: GROUP_LABELS.get(g, g)))
        return [table_widget(
            frame, {"group": "From", "comment": "Comment"},
            empty="No comments to show yet. Comments appear once at least 3 people of a group "
                  "(or 3 across small groups) have given feedback, so nobody can be "
                  "identified.")]

    return FormView(session, build, name="feedback_comments", title="What colleagues wrote",
                    intro="Comments are grouped and sorted alphabetically: who wrote what, "
                          "and when, is never shown.",
                    depends=lambda wb: wb.feedback)
