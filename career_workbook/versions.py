"""Earlier versions of a workbook: which to keep, and how one differs from now (pure).

The store (:mod:`career_workbook.store`) keeps a copy of every version a save replaces,
then thins the copies by age with :func:`versions_to_keep`: every version from the last
hour, then the last version of each hour for a day, of each day for a month, of each
month after that. ``career-workbook history`` describes each kept version with
:func:`describe_change`. Nothing here reads or writes a file.

>>> from datetime import datetime, timedelta, timezone
>>> now = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
>>> saved = [now - timedelta(minutes=m) for m in (5, 50, 70, 80, 60 * 30, 60 * 31)]
>>> versions_to_keep(saved, now)
[True, True, True, False, True, False]
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

__all__ = ["COUNTED", "changed_sections", "describe_change", "on_clock", "saved_when",
           "section_counts", "section_words", "versions_to_keep"]

RECENT = timedelta(hours=1)
HOURLY = timedelta(days=1)
DAILY = timedelta(days=31)

COUNTED = (
    ("goals", "goal", "goals"), ("skills", "skill", "skills"),
    ("check_ins", "check-in", "check-ins"), ("milestones", "milestone", "milestones"),
    ("actions", "action", "actions"), ("opportunities", "opportunity", "opportunities"),
    ("contacts", "contact", "contacts"), ("feedback", "feedback entry", "feedback entries"),
    ("assessments", "self-assessment", "self-assessments"),
    ("achievements", "achievement", "achievements"),
    ("learning", "learning item", "learning items"), ("strengths", "strength", "strengths"),
    ("weaknesses", "area to develop", "areas to develop"), ("values", "value", "values"),
)
"""Workbook sections counted by :func:`describe_change`: (field, singular, plural). The
milestones are those of every goal together."""


def on_clock(when: datetime, now: datetime) -> datetime:
    """``when`` as ``now``'s clock shows it: in ``now``'s time zone, or, when ``now`` has
    none (the machine's own clock, ``datetime.now()``), with the offset that clock had at
    ``when``: a version saved in summer is told in summer time in winter, never an hour (or
    a day, near midnight) off, as a fixed offset of today would tell it.

    >>> from datetime import timedelta, timezone
    >>> utc = datetime(2026, 10, 31, 7, 30, tzinfo=timezone.utc)
    >>> on_clock(utc, datetime(2026, 12, 7, tzinfo=timezone(timedelta(hours=-8)))).isoformat()
    '2026-10-30T23:30:00-08:00'
    >>> on_clock(utc, datetime(2026, 12, 7)) == utc
    True
    """
    return when.astimezone(now.tzinfo) if now.tzinfo is not None else when.astimezone()


def versions_to_keep(saved_at: Sequence[datetime], now: datetime) -> list[bool]:
    """For each version (when it was saved), whether the history keeps it.

    Kept: everything saved in the last hour (or in the future: a clock was changed);
    older than that, the newest version of each hour for a day, of each day for a month
    (31 days), of each month after. Hours, days and months are those of ``now``'s clock
    (:func:`on_clock`). Thinning what was kept, at the same moment, keeps it all; later, the newest
    version of a day is (but near the region edges) the one its last hour kept.

    >>> from datetime import datetime, timezone
    >>> now = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
    >>> days = [datetime(2026, 11, d, h, tzinfo=timezone.utc) for d in (10, 11) for h in (9, 17)]
    >>> versions_to_keep(days, now)
    [False, True, False, True]
    >>> old = [datetime(2025, m, d, tzinfo=timezone.utc) for m in (3, 4) for d in (1, 20)]
    >>> versions_to_keep(old, now)
    [False, True, False, True]
    """
    keep = [False] * len(saved_at)
    newest: dict[tuple[Any, ...], int] = {}
    aware = now if now.tzinfo is not None else now.astimezone()
    for i, when in enumerate(saved_at):
        age = aware - when
        if age < RECENT:
            keep[i] = True
            continue
        local = on_clock(when, now)
        if age < HOURLY:
            bucket: tuple[Any, ...] = ("hour", local.date(), local.hour)
        elif age < DAILY:
            bucket = ("day", local.date())
        else:
            bucket = ("month", local.year, local.month)
        if bucket not in newest or saved_at[newest[bucket]] < when:
            newest[bucket] = i
    for i in newest.values():
        keep[i] = True
    return keep


def saved_when(saved_at: datetime, now: datetime) -> str:
    """When a version was saved, as a person reads it on their clock (``now``'s,
    :func:`on_clock`; the history's stamps are UTC): "today 10:42", "yesterday 17:05",
    else the day as every date is written (:func:`~career_workbook.wording.short_date`)
    and the time, "3 Dec 2026 09:15" (two versions of one day told apart).

    >>> from datetime import datetime, timedelta, timezone
    >>> now = datetime(2026, 12, 5, 12, 0, tzinfo=timezone.utc)
    >>> [saved_when(datetime(*day, tzinfo=timezone.utc), now) for day in (
    ...     (2026, 12, 5, 10, 42), (2026, 12, 4, 17, 5), (2026, 12, 3, 9, 15), (2025, 12, 3))]
    ['today 10:42', 'yesterday 17:05', '3 Dec 2026 09:15', '3 Dec 2025 00:00']
    >>> paris = timezone(timedelta(hours=1))  # 23:30 UTC on the 4th is the 5th in Paris
    >>> saved_when(datetime(2026, 12, 4, 23, 30, tzinfo=timezone.utc), now.astimezone(paris))
    'today 00:30'
    """
    from career_workbook.wording import short_date

    local = on_clock(saved_at, now)
    days = (now.date() - local.date()).days
    clock = f"{local:%H:%M}"
    if days == 0:
        return f"today {clock}"
    if days == 1:
        return f"yesterday {clock}"
    return f"{short_date(local.date())} {clock}"


def section_counts(wb: Any) -> dict[str, int]:
    """How many entries each counted section of a workbook holds.

    >>> from career_workbook.model import new_workbook
    >>> from career_workbook.model import Goal, Milestone
    >>> wb = new_workbook("Sam")
    >>> wb.goals.append(Goal(text="Ship it", milestones=[Milestone(title="Draft")]))
    >>> counts = section_counts(wb)
    >>> counts["goals"], counts["milestones"], counts["opportunities"]
    (1, 1, 0)
    """
    return {name: sum(len(g.milestones) for g in wb.goals) if name == "milestones"
            else len(getattr(wb, name)) for name, _, _ in COUNTED}


def describe_change(old: Any, current: Any) -> str:
    """One short line: what ``old`` (an earlier version) holds compared with ``current``.

    >>> from career_workbook.model import Goal, new_workbook
    >>> now, before = new_workbook("Sam"), new_workbook("Sam")
    >>> now.goals.append(Goal(id="g1", text="Ship the report"))
    >>> now.strengths += ["Listening", "Writing"]
    >>> describe_change(before, now)
    '1 goal fewer, 2 strengths fewer'
    >>> describe_change(now, before)
    '1 goal more, 2 strengths more'
    >>> describe_change(now, now)
    'same as now'
    >>> from career_workbook.model import Opportunity
    >>> now.opportunities += [Opportunity(title=f"Role {n}") for n in range(6)]
    >>> before.opportunities.append(Opportunity(title="Role 0"))
    >>> describe_change(before, now)
    '1 goal fewer, 5 opportunities fewer, 2 strengths fewer'
    >>> before.person.current_role = "Analyst"
    >>> describe_change(before, before.model_copy(update={"person": now.person}))
    'the same number of every kind of entry; changed: your details'
    """
    if old == current:
        return "same as now"
    then, now = section_counts(old), section_counts(current)
    parts = []
    for name, one, many in COUNTED:
        diff = then[name] - now[name]
        if diff:
            word = one if abs(diff) == 1 else many
            parts.append(f"{abs(diff)} {word} {'more' if diff > 0 else 'fewer'}")
    if parts:
        return ", ".join(parts)
    changed = changed_sections(old, current)  # a workbook's top-level fields all differ
    return "the same number of every kind of entry; changed: " + ", ".join(changed)


_SECTION_WORDS = {"person": "your details", "role_profile": "role profile",
                  "schema_version": "file version"}
"""Words for the workbook's sections that :data:`COUNTED` does not name."""


def changed_sections(old: Any, current: Any) -> list[str]:
    """The sections (in words, in the file's order) that differ between two versions.

    >>> from career_workbook.model import new_workbook
    >>> a, b = new_workbook("Sam"), new_workbook("Sam")
    >>> b.vision.long_term = "Lead a team"; b.strengths.append("Listening")
    >>> changed_sections(a, b)
    ['vision', 'strengths']
    """
    return section_words([name for name in type(old).model_fields
                          if getattr(old, name, None) != getattr(current, name, None)])


def section_words(names: Sequence[str]) -> list[str]:
    """The workbook's sections (their field names) in words.

    >>> section_words(["goals", "check_ins", "person", "role_profile"])
    ['goals', 'check-ins', 'your details', 'role profile']
    """
    words = {name: many for name, _, many in COUNTED}
    return [words.get(name) or _SECTION_WORDS.get(name) or name.replace("_", " ")
            for name in names]
