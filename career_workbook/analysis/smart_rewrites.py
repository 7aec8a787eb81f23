"""One-click rewrites of a goal for the SMART criteria it misses.

Each candidate is the person's own sentence with one small, complete change: a date at the
end, a rhythm ("twice a week"), a count before a plural object ("Run 3 workshops ..."), a
dose for a workout ("30 minutes each time"), a concrete "by completing ..." step, the real
date for an impossible one, or a softer word for an all-or-nothing one. :func:`score_goal`
keeps a candidate only when scoring it meets the criterion it is offered for, so a rewrite is
never offered that would not help.

Pure string work on the features the scorer found; it never scores by itself. The person's
own ending (a full stop, "!", a bracket around the whole goal) stays at the end.

>>> tidy("  run 3 workshops ,  by March . ")
'Run 3 workshops, by March.'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from career_workbook.analysis.dates import format_date, suggested_deadline

__all__ = ["MAX_QUOTED", "candidates", "invalid_date_note", "tidy"]

MAX_QUOTED = 90
"""Hints quote a rewrite in full only up to this length (the rewrite itself is never cut)."""

_SOFTER = (
    (re.compile(r"\b100\s*%|\b100\s+percent\b", re.I), "90%"),
    (re.compile(r"\bevery\s+single\b", re.I), "almost every"),
    (re.compile(r"\beach\s+and\s+every\b", re.I), "almost every"),
    (re.compile(r"\bnever\b", re.I), "rarely"),
    (re.compile(r"\balways\b", re.I), "almost always"),
    (re.compile(r"\bperfect(ly)?\b", re.I), r"strong\1"),
    (re.compile(r"\bflawless(ly)?\b", re.I), r"strong\1"),
    (re.compile(r"\bzero\s+(mistakes|errors|bugs|defects|complaints)\b", re.I), r"fewer \1"),
    (re.compile(r"\bno\s+(mistakes|errors)\b", re.I), r"fewer \1"),
    (re.compile(r"\bwithout\s+(?:fail|exception)\b", re.I), "most of the time"),
    (re.compile(r"\ball\s+the\s+time\b", re.I), "most of the time"),
)
_STOPS = ".!?…"
_STRAY = ",;:-–"
_WRAPS = {")": "(", "]": "[", '"': '"', "'": "'"}
_PREPS = ("by", "before", "until", "till", "on", "no later than")


def _ending(text: str) -> tuple[str, str]:
    """``text`` without its ending, and the marks of the ending worth keeping: full stops,
    "!", "?" and a bracket or quote around the whole goal (not stray commas or spaces).

    >>> _ending("(Hand over the rota!) \\n"), _ending("Run workshops (3), ")
    (('(Hand over the rota', '!)'), ('Run workshops (3)', ''))
    """
    core, kept = text.rstrip(), ""
    while core:
        last = core[-1]
        wraps = last in _WRAPS and len(core) > 1 and core.lstrip()[0] == _WRAPS[last]
        if last in _STOPS or wraps:
            kept = last + kept
        elif last not in _STRAY:
            break
        core = core[:-1].rstrip()
    return core, kept


def _append(text: str, addition: str) -> str:
    """``addition`` at the end of ``text``, before the person's own ending.

    >>> _append("Be more productive. ", " by 30 June 2027")
    'Be more productive by 30 June 2027.'
    """
    core, kept = _ending(text)
    return core.rstrip(" ,;:") + addition + kept


def tidy(text: str) -> str:
    """Collapse spaces, drop stray spaces before punctuation and stray separators at the ends
    (keeping a final full stop, "!" or "?"), and start with a capital letter."""
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r",\s*,", ",", text)
    core, kept = _ending(" ".join(text.split()))
    text = core.lstrip(" ,;:-") + kept if core.strip(" ,;:-") else ""
    return text[:1].upper() + text[1:]


def _replace(text: str, edits: Sequence[tuple[int, int, str]]) -> str:
    """``text`` with each span ``(start, end)`` replaced by its new words."""
    for start, end, new in sorted(edits, reverse=True):
        text = f"{text[:start]} {new} {text[end:]}"
    return text


def _with_confidence(core: str, f: Any) -> str:
    """Put a confidence the person stated back at the end, in one standard form."""
    core = tidy(core)
    if f.confidence is not None:
        core = _append(core, f" (confidence {round(f.confidence, 1):g}/10)")
    return core


def _insert(f: Any, addition: str, kinds: tuple[str, ...]) -> str:
    """``addition`` before the first time phrase of ``kinds`` (so the date stays last), else
    at the end."""
    text = f.work
    later = [e for e in f.expressions if e.kind in kinds and e.start > 0]
    if not later:
        return _with_confidence(_append(text, addition), f)
    at = min(e.start for e in later)
    return _with_confidence(text[:at].rstrip(" ,;:") + addition + " " + text[at:], f)


def invalid_date_note(e: Any) -> str:
    """ "30 February 2027 is not a date (February 2027 has 28 days)"."""
    month = e.note.split(" ", 1)[1]
    days = e.fix.day if month[-4:].isdigit() else (29 if e.fix.month == 2 else e.fix.day)
    return f"{e.note} is not a date ({month} has {days} days)"


def _prep(phrase: str) -> str:
    """The word that led the person's date ("before", "until" ...), else "by"."""
    low = phrase.lower()
    return next((p for p in _PREPS if low.startswith(p + " ")), "by")


def _time_bound(f: Any, today: date) -> list[tuple[str, str]]:
    due = format_date(suggested_deadline(today))
    invalid = [e for e in f.expressions if e.kind == "invalid"]
    if invalid:
        e = invalid[0]
        fixed = format_date(e.fix) if e.fix >= today else due
        return [(f"{invalid_date_note(e)} — try", _with_confidence(
            _replace(f.work, [(e.start, e.end, f"{_prep(e.phrase)} {fixed}")]), f))]
    dated = [e for e in f.expressions if e.kind == "date" and e.date is not None]
    if dated:  # every date has passed: a date ahead in the deadline's place, the others go
        last = max(dated, key=lambda e: (e.date, -e.start))
        return [(f"{format_date(last.date)} has already passed — pick a new date:",
                 _with_confidence(_replace(f.work, [
                     (e.start, e.end, f"{_prep(e.phrase)} {due}" if e is last else "")
                     for e in dated]), f))]
    vague = [e for e in f.expressions if e.kind == "vague"]
    core = _replace(f.work, [(e.start, e.end, "") for e in f.expressions
                             if e.kind in ("vague", "window")])
    if vague:
        lead = f"Swap '{vague[0].phrase}' for a date:"
    elif any(e.kind == "frequency" for e in f.expressions):
        return [("Give the habit an end date to review it:",
                 _with_confidence(_append(core, " until " + due), f))]
    else:
        lead = "Add a date:"
    return [(lead, _with_confidence(_append(core, " by " + due), f))]


def _measurable(f: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    keep = ("date", "window", "vague")
    if f.habit and f.dosed_without_dose:
        out.append(("Say how long each time:", _insert(f, ", 30 minutes each time", keep)))
    body_words = f.body.split()
    if len(body_words) >= 2 and f.head_class == "action" and not f.vague:
        nxt = re.sub(r"[^\w-]", "", body_words[1])
        if (nxt.islower() and nxt.endswith("s") and not nxt.endswith("ss") and len(nxt) > 3
                and nxt not in _NOT_PLURAL_OBJECT):
            head = re.escape(body_words[0])
            out.append(("Add a number you can check:", _with_confidence(
                re.sub(r"\b" + head + r"\s+", body_words[0] + " 3 ", f.work, count=1), f)))
    if f.head_class == "action" and not f.habit and not f.vague and not _NEGATED.search(f.work):
        out.append(("Say how often:", _insert(f, " twice a week", keep)))
    if f.head_class in ("soft", "change", "action") and not f.vague:
        out.append(("Add a finish line you can check:",
                    _insert(f, " by completing 3 practice projects", keep)))
    return out


_NEGATED = re.compile(r"\b(?:never|not|no|stop|avoid|quit|don't|won't|without)\b", re.I)
_NOT_PLURAL_OBJECT = frozenset({"towards", "across", "always", "sometimes", "perhaps", "thus",
                                "less", "unless", "besides", "its", "his", "this", "yes"})


def _specific(f: Any) -> list[tuple[str, str]]:
    if f.head_class in ("soft", "change") and not f.vague and (f.names or f.object_words):
        return [("Name a concrete step:", _insert(f, " by completing 3 practice projects",
                                                  ("date", "window", "vague")))]
    return []


def _achievable(f: Any) -> list[tuple[str, str]]:
    text = f.work
    changed = text
    for pattern, softer in _SOFTER:
        changed = pattern.sub(softer, changed)
    return [("Leave some slack:", _with_confidence(changed, f))] if changed != text else []


def candidates(name: str, f: Any, today: date) -> list[tuple[str, str]]:
    """Rewrites of the goal (features ``f``) that may meet criterion ``name``, best first;
    the caller keeps the first one that scoring confirms."""
    if not f.work.strip() or not f.body.strip():
        return []
    if name == "time_bound":
        found = _time_bound(f, today)
    elif name == "measurable":
        found = _measurable(f)
    elif name == "specific":
        found = _specific(f)
    elif name == "achievable":
        found = _achievable(f)
    else:
        found = []
    seen: list[tuple[str, str]] = []
    for lead, text in found:
        text = tidy(text) if f.confidence is None else text
        if text and text not in [t for _, t in seen] and text.lower() != tidy(f.work).lower():
            seen.append((lead, text))
    return seen[:3]
