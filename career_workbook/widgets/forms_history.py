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

import functools
import os
from datetime import datetime
from typing import Any

import ipywidgets as widgets

from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    HELP_INDENT,
    MUTED,
    FormView,
    colour,
    esc,
    make_field,
    notice,
    primary_button,
    secondary_button,
)
from career_workbook.wording import plural, shorten

__all__ = ["restore_form", "size_text", "version_change", "version_label", "version_summary"]

OPTION_CHARS = 72
"""The longest label in the list of versions: what a version holds is cut to fit, with …"""


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


def _counts(wb: Any) -> list[str]:
    """How many of each kind of entry ``wb`` holds ("0 skills", "1 goal", ...)."""
    from career_workbook.versions import COUNTED, section_counts

    counts = section_counts(wb)
    names = {name: (one, many) for name, one, many in COUNTED}
    shown = [*_ALWAYS, *(name for name in names if name not in _ALWAYS and counts[name])]
    return [plural(counts[name], *names[name]) for name in shown]


def version_summary(wb: Any) -> str:
    """What a version holds, in one line (name and how many of each kind of entry)."""
    return " · ".join([wb.person.name, *_counts(wb)])


def version_label(entry: Any, number: int | None = None, *, change: str = "",
                  now: datetime | None = None) -> str:
    """``1 · today 10:42 · 2 strengths fewer``: a history entry as the list of versions
    shows it: its ``number`` as ``career-workbook history`` shows it (1 is the newest; left
    out when ``None``), when it was saved
    (:func:`~career_workbook.versions.saved_when`, ``now``: the time to read it from) and
    what it holds compared with now (``change``, :func:`version_change`), cut so that the
    label has at most :data:`OPTION_CHARS` characters.

    >>> from datetime import datetime, timedelta
    >>> from types import SimpleNamespace
    >>> now = datetime(2026, 12, 5, 12, 0).astimezone()
    >>> entry = SimpleNamespace(saved_at=now - timedelta(hours=1, minutes=18))
    >>> version_label(entry, 1, change="2 strengths fewer", now=now)
    '1 · today 10:42 · 2 strengths fewer'
    >>> long = "1 goal fewer, 5 opportunities fewer, 2 strengths fewer, 3 contacts more"
    >>> version_label(entry, 12, change=long, now=now)  # cut after a whole part
    '12 · today 10:42 · 1 goal fewer, 5 opportunities fewer…'
    >>> version_label(entry, now=now)
    'today 10:42'
    """
    now = now or datetime.now()
    from career_workbook.versions import saved_when

    head = " · ".join([*([str(number)] if number is not None else []),
                       saved_when(entry.saved_at, now)])
    return f"{head} · {_cut(change, OPTION_CHARS - len(head) - 3)}" if change else head


def _cut(text: str, room: int) -> str:
    """``text`` in at most ``room`` characters: whole parts ("2 goals fewer") up to the
    last ", " or "; " that fits, then "…"; one part too long is cut at a word.

    >>> _cut("1 goal fewer, 2 strengths fewer", 20), _cut("same as now", 20)
    ('1 goal fewer…', 'same as now')
    """
    if len(text) <= room:
        return text
    ends = [i for i in range(1, room) if text.startswith((", ", "; "), i)]
    return text[:ends[-1]] + "…" if ends else shorten(text, room)


@functools.lru_cache(maxsize=256)
def _read_version(path: str, size: int, mtime_ns: int) -> Any:
    """The workbook a kept version holds, or why it cannot be read (the error). A kept
    version never changes: read once per file (size and time tell a replaced one)."""
    from career_workbook import store

    try:
        return store.load(path, clean=False)
    except Exception as err:  # noqa: BLE001 - a damaged copy is described, not raised
        return err


def _version(entry: Any) -> Any:
    try:
        stat = os.stat(entry.path)
    except OSError as err:
        return err
    return _read_version(str(entry.path), stat.st_size, stat.st_mtime_ns)


def version_change(old: Any, current: Any) -> str:
    """What a kept version (``old``: a workbook, or the error it could not be read with)
    holds compared with the workbook now, in a few words
    (:func:`~career_workbook.versions.describe_change`); what it holds when the workbook
    now cannot be read (``current`` ``None``).

    >>> from career_workbook.model import new_workbook
    >>> old, now = new_workbook("Sam"), new_workbook("Sam")
    >>> now.strengths.append("Listening")
    >>> version_change(old, now), version_change(old, None)
    ('1 strength fewer', '0 skills, 0 goals, 0 check-ins, 0 feedback entries')
    >>> version_change(ValueError("bad YAML"), now)
    'cannot be read'
    """
    from career_workbook.versions import describe_change

    if isinstance(old, Exception):
        return "cannot be read"
    return describe_change(old, current) if current is not None else ", ".join(_counts(old))


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
        now = datetime.now()  # each version on the clock of its day
        choice = make_field(
            "version", "Earlier version", "dropdown", value=str(chosen),
            options=[(version_label(e, n, change=version_change(_version(e), s.workbook),
                                    now=now), str(e.version))
                     for n, e in enumerate(entries, 1)],
            help="Newest first: its number (as `career-workbook history` lists it), when it "
                 "was saved, and what it holds compared with your workbook now.")
        view.add(choice)
        view.fields.pop("version")  # a chooser, not a value to save

        def choose(change: Any) -> None:
            view.state["version"] = int(change["new"])
            view.set_status("")
            view.rebuild()

        choice.widget.observe(choose, names="value")
        old = _version(entry)
        if isinstance(old, Exception):
            old, summary, kind = None, f"This version cannot be read ({old})", colour("error-fg")
        else:
            summary, kind = version_summary(old), MUTED
        said = f" Now: {version_summary(s.workbook)}." if s.workbook is not None else ""
        if old is not None and s.workbook is not None:
            said += f" Compared with now: {version_change(old, s.workbook)}."
        info = quiet.HTML(f'<div style="color:{kind};margin-left:{HELP_INDENT}">This version: '
                          f"{esc(summary)}.{esc(said)}</div>")
        saved = version_label(entry, now=now)
        restore = primary_button("Restore this version…",
                                 "Bring this version back (asks you to confirm first)",
                                 icon="undo")
        confirm = primary_button("Yes, restore it", "Replace your workbook with this version; "
                                 "the current one is kept in the history", icon="check")
        cancel = secondary_button("Cancel", "Keep your workbook as it is")
        question = quiet.HTML(
            f"<div>Replace your workbook with the version saved <b>{esc(saved)}</b>? What "
            "you have now is kept in the history, so you can undo this too.</div>")
        asked = view.state.pop("asked", None) == chosen  # asked again, the file read anew
        ask = quiet.VBox([question, quiet.HBox([confirm, cancel])],
                         layout=widgets.Layout(display=None if asked else "none",
                                               margin="0 0 0 13em"))
        view.buttons.update(restore=restore, confirm=confirm, cancel=cancel)

        def show_question(_b: Any) -> None:
            # compared with the file as it is now: another tab may have saved since
            view.state["version"] = view.state["asked"] = entry.version
            if not view.rebuild(if_changed=True):
                view.state.pop("asked", None)
                ask.layout.display = None

        def hide_question(_b: Any) -> None:
            ask.layout.display = "none"

        def restored(_b: Any) -> None:
            ask.layout.display = "none"
            result = s.restore(entry)
            if not result.ok:  # e.g. that version thinned meanwhile: list the ones kept now
                view.rebuild()
            view.show_result(result, f"the version saved {saved} is back"
                             if result.ok else "")

        restore.on_click(show_question)
        cancel.on_click(hide_question)
        confirm.on_click(restored)
        return [choice.box, info, restore, ask]

    return FormView(session, build, name="restore", title="Restore an earlier version",
                    intro="Every save keeps the version before it. If an edit went wrong, "
                          "bring an earlier version back here.", needs_workbook=False,
                    depends=lambda wb: (wb, session.error))
