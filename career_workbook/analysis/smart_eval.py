"""Agreement of :func:`~career_workbook.analysis.smart.score_goal` with labelled goal sets.

Pure: rows come in as dicts (as ``csv.DictReader`` gives them), figures go out. Two shapes:

- **career** rows: ``text``, ``specific``, ``measurable``, ``time_bound`` (``0``/``1``),
  ``deadline`` (ISO date or empty) and optionally ``today`` (ISO date the goal was written);
- **health** rows (SMARTSpan): ``goal``, ``specific``, ``measurable``, ``attainable``; the
  three-class label is SMART (all three), Partially SMART (two) or Not SMART.

*Attainable* means the writer weighed feasibility (in practice: stated a confidence), which
the scorer reports as ``result.confidence`` (not None) and ``criteria["achievable"].judged``;
``criteria["achievable"].met`` says more: that the confidence is high enough (7 or more).

>>> rows = [{"text": "Pass the PMP exam by March 2027", "specific": "1", "measurable": "1",
...          "time_bound": "1", "deadline": "2027-03-31", "today": "2026-11-22"}]
>>> career_agreement(rows)["deadline"]
1.0
>>> health = [{"goal": "Walk 30 minutes 3 times a week (confidence 8/10)", "specific": "1",
...            "measurable": "1", "attainable": "1"}]
>>> health_agreement(health)["three_class"]
1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from career_workbook.analysis.smart import score_goal

__all__ = ["career_agreement", "career_misses", "health_agreement", "health_misses"]

DEFAULT_TODAY = date(2026, 11, 22)
"""Reference date for career rows without a ``today`` column (the dev and blind sets)."""
HEALTH_TODAY = date(2026, 1, 1)


def _flag(value: object) -> bool:
    return str(value).strip() == "1"


def _three(s: bool, m: bool, a: bool) -> str:
    n = s + m + a
    return "SMART" if n == 3 else ("Partially SMART" if n == 2 else "Not SMART")


def _career_row(row: Mapping[str, str]) -> tuple[dict[str, bool], list[str]]:
    today = date.fromisoformat(row["today"]) if row.get("today") else DEFAULT_TODAY
    r = score_goal(row["text"], today=today)
    hits: dict[str, bool] = {}
    misses: list[str] = []
    for key in ("specific", "measurable", "time_bound"):
        hits[key] = r.criteria[key].met == _flag(row[key])
        if not hits[key]:
            misses.append(f"{key} (label {row[key]}): {row['text']}")
    expected = (row.get("deadline") or "").strip() or None
    found = r.deadline.isoformat() if r.deadline else None
    hits["deadline"] = found == expected
    if expected is not None:
        hits["exact_deadline"] = found == expected
    if not hits["deadline"]:
        misses.append(f"deadline {found} != {expected}: {row['text']}")
    return hits, misses


def _health_row(row: Mapping[str, str]) -> tuple[dict[str, bool], list[str]]:
    r = score_goal(row["goal"], today=HEALTH_TODAY)
    s, m = r.criteria["specific"].met, r.criteria["measurable"].met
    a = r.confidence is not None  # feasibility weighed, whatever the answer
    gold = {k: _flag(row[k]) for k in ("specific", "measurable", "attainable")}
    hits = {"specific": s == gold["specific"], "measurable": m == gold["measurable"],
            "attainable": a == gold["attainable"],
            "three_class": _three(s, m, a) == _three(*gold.values())}
    misses = [f"{k} (label {int(gold[k])}): {row['goal']}"
              for k in ("specific", "measurable", "attainable") if not hits[k]]
    return hits, misses


def _share(results: Iterable[dict[str, bool]]) -> dict[str, float]:
    totals: dict[str, list[int]] = {}
    for hits in results:
        for key, ok in hits.items():
            totals.setdefault(key, [0, 0])
            totals[key][0] += ok
            totals[key][1] += 1
    return {key: hit / n for key, (hit, n) in totals.items()}


def career_agreement(rows: Iterable[Mapping[str, str]]) -> dict[str, float]:
    """Share of career rows where the scorer agrees: ``specific``, ``measurable``,
    ``time_bound``, ``deadline`` (same date or both none) and ``exact_deadline`` (rows
    with a labelled date only)."""
    return _share(_career_row(row)[0] for row in rows)


def career_misses(rows: Iterable[Mapping[str, str]]) -> list[str]:
    """One line per disagreement, for reading."""
    return [miss for row in rows for miss in _career_row(row)[1]]


def health_agreement(rows: Iterable[Mapping[str, str]]) -> dict[str, float]:
    """Share of SMARTSpan rows where the scorer agrees: ``specific``, ``measurable``,
    ``attainable`` (feasibility weighed) and ``three_class``."""
    return _share(_health_row(row)[0] for row in rows)


def health_misses(rows: Iterable[Mapping[str, str]]) -> list[str]:
    """One line per disagreement, for reading."""
    return [miss for row in rows for miss in _health_row(row)[1]]
