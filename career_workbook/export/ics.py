"""Write reminders as an RFC 5545 calendar (``.ics``) with the ``icalendar`` library.

The events come from :func:`career_workbook.analysis.reminders.calendar_events`; this module
only renders and writes them (atomically). Every event is an all-day event with a stable
UID, a DTSTAMP, a SUMMARY, a DESCRIPTION saying what to do and a VALARM. Text is cleaned of
control characters; ``icalendar`` escapes commas, semicolons, backslashes and line breaks
and folds long lines.

Items closed recently are written as ``STATUS:CANCELLED`` events without an alarm, so an app
that imported them earlier removes the reminder. No SEQUENCE is written (none ever was):
a cancellation with SEQUENCE 1 would make the event of an item opened again (SEQUENCE 0)
look older than it, and an app would ignore it; the later DTSTAMP orders them instead.

Examples
--------
>>> from datetime import date, datetime, UTC
>>> from career_workbook.analysis.reminders import CalendarEvent
>>> ev = CalendarEvent("cw-x@career-workbook", "action", date(2026, 2, 1), "Call, then; write",
...                    "Line one\\nLine two")
>>> text = render_ics([ev], now=datetime(2026, 1, 1, tzinfo=UTC)).decode()
>>> "SUMMARY:Call\\\\, then\\\\; write" in text and "DTSTART;VALUE=DATE:20260201" in text
True
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from career_workbook import __version__
from career_workbook.analysis.reminders import CalendarEvent, calendar_events
from career_workbook.wording import client_labels, plural

if TYPE_CHECKING:  # pragma: no cover
    from career_workbook.model import Workbook

__all__ = ["CalendarReport", "calendar_path", "render_ics", "write_calendar",
           "write_caseload_calendar"]

PRODID = f"-//Career Workbook//career-workbook {__version__}//EN"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def _clean(text: str) -> str:
    """Text an RFC 5545 TEXT value may hold: line breaks as ``\\n``, no other controls."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def render_ics(events: Iterable[CalendarEvent], *, name: str = "Career Workbook",
               now: datetime | None = None) -> bytes:
    """The calendar as bytes (CRLF line ends, lines folded at 75 octets)."""
    from icalendar import Alarm, Calendar, Event

    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _clean(name))
    for e in events:
        ev = Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", e.day)
        ev.add("dtend", e.day + timedelta(days=1))
        ev.add("summary", _clean(e.summary))
        ev.add("description", _clean(e.description))
        ev.add("categories", ["Career Workbook"])
        ev.add("transp", "TRANSPARENT")
        if e.cancelled:
            ev.add("status", "CANCELLED")
        else:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", _clean(e.summary))
            alarm.add("trigger", timedelta(hours=e.alarm_hours))
            ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()


def calendar_path(workbook: str | os.PathLike[str]) -> Path:
    """Where a workbook's calendar goes: ``<workspace>/calendar/<id>.ics``.

    >>> calendar_path("/home/kim/my-career/workbooks/kim.yaml").as_posix()
    '/home/kim/my-career/calendar/kim.ics'
    """
    from career_workbook.workspace import workspace_of

    return workspace_of(workbook) / "calendar" / f"{Path(workbook).stem}.ics"


@dataclass
class CalendarReport:
    """What was written: the file, how many reminders (``events``) and cancelled events
    for closed items, and workbooks that were skipped."""

    path: Path
    events: int
    people: int = 1
    skipped: list[str] = field(default_factory=list)
    cancelled: int = 0

    def lines(self) -> list[str]:
        """Short lines for a person to read."""
        out = [f"Wrote {self.path} ({plural(self.events, 'reminder')}"
               + (f" for {self.people} people" if self.people != 1 else "") + ")"]
        if self.cancelled:
            out.append(f"  {plural(self.cancelled, 'item')} done or closed lately, or drafts: "
                       "sent as cancelled, so your calendar app removes any reminder of them")
        out += [f"  skipped {s}" for s in self.skipped]
        out.append("Import it into your calendar app; importing a newer one updates the same "
                   "reminders instead of adding copies.")
        return out


def _write(path: Path, data: bytes) -> None:
    from career_workbook.store import write_output

    path.parent.mkdir(parents=True, exist_ok=True)
    write_output(path, data, path.with_suffix(".ics").name)  # never over a workbook


def write_calendar(workbook: str | os.PathLike[str], out: str | os.PathLike[str] | None = None,
                   *, today: date | None = None, now: datetime | None = None) -> CalendarReport:
    """Write one workbook's reminders to ``out`` (default :func:`calendar_path`)."""
    from career_workbook import store

    wb = store.load(workbook)
    stem = Path(workbook).stem
    events = calendar_events(wb, stem, today=today or date.today(), cancelled=True)
    target = Path(out) if out is not None else calendar_path(workbook)
    _write(target, render_ics(events, name=f"Career plan — {wb.person.name}", now=now))
    closed = sum(e.cancelled for e in events)
    return CalendarReport(target, len(events) - closed, cancelled=closed)


def write_caseload_calendar(paths: Sequence[str | os.PathLike[str]],
                            out: str | os.PathLike[str], *, today: date | None = None,
                            now: datetime | None = None) -> CalendarReport:
    """One calendar for a coach: every workbook's reminders, each titled with the person's
    name (and the file's id when two clients share it,
    :func:`~career_workbook.wording.client_labels`). Workbooks that cannot be read are
    skipped and listed (the rest is written)."""
    from career_workbook import store
    from career_workbook.model import WorkbookError
    from career_workbook.workspace import client_ids, list_workbooks

    files = list_workbooks(list(paths))
    if not files:
        raise FileNotFoundError(2, "no workbook files (*.yaml) here", str(paths[0]) if paths
                                else ".")
    events: list[CalendarEvent] = []
    skipped: list[str] = []
    loaded: dict[str, tuple[Path, Workbook]] = {}  # by client id, as the coach overview
    for path, client in zip(files, client_ids(files), strict=True):
        try:
            wb = store.load(path)
        except (WorkbookError, OSError, ValueError) as err:
            skipped.append(f"{path.name}: {store.file_problem(err, path)}")
            continue
        loaded[client] = (path, wb)
    # two clients of the same name: each event says whose it is ("Ana (ana_2) — Check-in")
    labels = client_labels([wb.person.name for _, wb in loaded.values()], list(loaded))
    ids: set[str] = set()
    for (path, wb), who in zip(loaded.values(), labels, strict=True):
        workbook_id, n = path.stem, 1
        while workbook_id in ids:  # kim.yaml and kim.yml: the second gets its own UIDs
            n += 1
            workbook_id = f"{path.stem}\x1f{n}"
        ids.add(workbook_id)
        for e in calendar_events(wb, workbook_id, today=today or date.today(), cancelled=True):
            events.append(replace(e, summary=f"{who} — {e.summary}",
                                  description=f"For {who}.\n{e.description}"))
    _write(Path(out), render_ics(events, name="Career Workbook — caseload", now=now))
    closed = sum(e.cancelled for e in events)
    return CalendarReport(Path(out), len(events) - closed, len(loaded), skipped, closed)
