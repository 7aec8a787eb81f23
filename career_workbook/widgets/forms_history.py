"""Notebook 00: restore an earlier version of the workbook (every save keeps the one before).

Examples
--------
>>> from career_workbook.model import Goal, Opportunity, new_workbook
>>> wb = new_workbook("Sam")
>>> wb.goals.append(Goal(text="Pass the exam"))
>>> version_summary(wb)
'Sam · 0 skills · 1 goal · 0 check-ins · 0 feedback entries'
>>> wb.opportunities.append(Opportunity(title="Lead the Q3 migration"))
>>> version_summary(wb)
'Sam · 0 skills · 1 goal · 0 check-ins · 0 feedback entries · 1 opportunity'
>>> size_text(1536), size_text(300)
('1.5 KB', '300 bytes')
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    MUTED,
    FormView,
    esc,
    make_field,
    notice,
    primary_button,
    secondary_button,
)
from career_workbook.wording import plural

__all__ = ["restore_form", "size_text", "version_label", "version_summary"]


def size_text(size: int) -> str:
    """A file size people read: ``300 bytes``, ``1.5 KB``, ``2.0 MB``."""
    if size < 1024:
        return plural(size, "byte")
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


_ALWAYS = ("skills", "goals", "check_ins", "feedback")
"""Sections a version's summary always counts; the others
(:data:`~career_workbook.versions.COUNTED`) are named when they hold something."""


def version_summary(wb: Any) -> str:
    """What a version holds, in one line (name and how many of each kind of entry)."""
    from career_workbook.versions import COUNTED, section_counts

    counts = section_counts(wb)
    names = {name: (one, many) for name, one, many in COUNTED}
    shown = [*_ALWAYS, *(name for name in names if name not in _ALWAYS and counts[name])]
    return " · ".join([wb.person.name, *(plural(counts[name], *names[name])
                                          for name in shown)])


def version_label(entry: Any, number: int | None = None) -> str:
    """``1 · 2026-11-22 10:42:05 · 3.2 KB`` for a history entry: its ``number`` as
    ``career-workbook history`` shows it (1 is the newest; left out when ``None``) and the
    local time to the second, so many saves in one minute stay distinct.

    >>> from datetime import datetime
    >>> from types import SimpleNamespace
    >>> entry = SimpleNamespace(size=3277, saved_at=datetime(2026, 11, 22, 10, 42, 5).astimezone())
    >>> version_label(entry, 1), version_label(entry)
    ('1 · 2026-11-22 10:42:05 · 3.2 KB', '2026-11-22 10:42:05 · 3.2 KB')
    """
    when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    return " · ".join([*([str(number)] if number is not None else []), when,
                       size_text(entry.size)])


def restore_form(session: Any) -> widgets.Widget:
    """List the kept earlier versions (newest first) and bring one back, after confirming.

    Restoring is itself a save: the version you have now goes into the history, so a
    restore can be undone the same way. Works also when the current file cannot be read.
    """

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook import store

        s = view.session
        if s.refusal is not None or s.missing:
            return [notice(s.unavailable_message(), "error" if s.refusal else "info")]
        entries = store.history(s.path)
        if not entries:
            return [notice("No earlier versions yet: from your next save on, each save keeps "
                           "the version before it here.", "info")]
        chosen = view.state.get("version")
        versions = [e.version for e in entries]
        if chosen not in versions:
            chosen = versions[0]
        entry = entries[versions.index(chosen)]
        choice = make_field(
            "version", "Earlier version", "dropdown", value=str(chosen),
            options=[(version_label(e, n), str(e.version)) for n, e in enumerate(entries, 1)],
            help="Newest first: its number (as `career-workbook history` lists it), the time "
                 "it was saved, its size.")
        view.add(choice)
        view.fields.pop("version")  # a chooser, not a value to save

        def choose(change: Any) -> None:
            view.state["version"] = int(change["new"])
            view.set_status("")
            view.rebuild()

        choice.widget.observe(choose, names="value")
        try:
            old = store.load(entry.path, clean=False)
            summary = version_summary(old)
            kind = MUTED
        except Exception as err:  # noqa: BLE001 - a damaged copy is described, not raised
            old, summary, kind = None, f"This version cannot be read ({err})", "#8a1c1c"
        now = f" Now: {version_summary(s.workbook)}." if s.workbook is not None else ""
        if old is not None and s.workbook is not None:
            from career_workbook.versions import describe_change

            now += f" Compared with now: {describe_change(old, s.workbook)}."
        info = quiet.HTML(f'<div style="color:{kind};margin-left:13em">This version: '
                          f"{esc(summary)}.{esc(now)}</div>")
        restore = primary_button("Restore this version…",
                                 "Bring this version back (asks you to confirm first)",
                                 icon="undo")
        confirm = primary_button("Yes, restore it", "Replace your workbook with this version; "
                                 "the current one is kept in the history", icon="check")
        cancel = secondary_button("Cancel", "Keep your workbook as it is")
        question = quiet.HTML(
            f"<div>Replace your workbook with the version of <b>{esc(version_label(entry))}"
            "</b>? What you have now is kept in the history, so you can undo this too.</div>")
        ask = quiet.VBox([question, quiet.HBox([confirm, cancel])],
                         layout=widgets.Layout(display="none", margin="0 0 0 13em"))
        view.buttons.update(restore=restore, confirm=confirm, cancel=cancel)

        def show_question(_b: Any) -> None:
            ask.layout.display = None

        def hide_question(_b: Any) -> None:
            ask.layout.display = "none"

        def restored(_b: Any) -> None:
            ask.layout.display = "none"
            result = s.restore(entry)
            view.show_result(result, f"the version of {version_label(entry)} is back"
                             if result.ok else "")

        restore.on_click(show_question)
        cancel.on_click(hide_question)
        confirm.on_click(restored)
        return [choice.box, info, restore, ask]

    return FormView(session, build, name="restore", title="Restore an earlier version",
                    intro="Every save keeps the version before it. If an edit went wrong, "
                          "bring an earlier version back here.", needs_workbook=False,
                    depends=lambda wb: (wb, session.error))
