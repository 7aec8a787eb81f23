"""Reputation: how colleagues see the behaviours a reputation rests on, kept anonymous.

The behaviours (:data:`~career_workbook.model.REPUTATION_BEHAVIOURS`) are rated 0-5 in 360
feedback, next to the skills, and summarised under the anonymity rules of
:mod:`career_workbook.analysis.feedback` (``MIN_GROUP = 3``), in their strictest form:
colleagues' ratings are always pooled into one "others" value (every rater group is merged,
small or not, so a group of one manager is never shown alone), and that value is shown only
when at least three distinct colleagues rated the behaviour. A rater who answered twice
counts once, with their latest rating. Rater ids and groups never leave this module.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Feedback, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
>>> for rid, level in [("p1", 4), ("p2", 5), ("m1", 3)]:
...     wb.feedback.append(Feedback(rater_group="peer" if rid[0] == "p" else "manager",
...                                 rater_id=rid, date=date(2026, 1, 9),
...                                 reputation={"reliable": level}))
>>> row = reputation_frame(wb).set_index("behaviour").loc["reliable"]
>>> row["label"], float(row["others"]), int(row["n_others"])
('Reliable: does what they said', 4.0, 3)
>>> wb.feedback.pop().rater_id  # two raters left: nothing is shown
'm1'
>>> bool(pd.isna(reputation_frame(wb).set_index("behaviour").loc["reliable", "others"]))
True
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from career_workbook.analysis.feedback import MIN_GROUP
from career_workbook.frames import build_frame
from career_workbook.model import REPUTATION_BEHAVIOURS, Workbook

__all__ = ["BEHAVIOUR_LABELS", "BEHAVIOUR_LEVELS", "REPUTATION_COLUMNS", "behaviour_key",
           "reputation_frame"]

BEHAVIOUR_LABELS = {
    "quality": "Delivers quality consistently",
    "reliable": "Reliable: does what they said",
    "ethical": "Ethical: does the right thing",
    "constructive": "Constructive attitude",
    "shares_credit": "Shares credit",
}
"""How each behaviour is named to people (forms, charts, packs)."""

BEHAVIOUR_LEVELS = {
    0: "Not seen it yet",
    1: "Rarely",
    2: "Sometimes",
    3: "Often",
    4: "Almost always",
    5: "Always — others could learn from it",
}
"""What each level 0-5 of a behaviour means: how often (and how well) someone shows it.
The form's dropdowns and the reputation chart's scale say these words (a behaviour is not
a skill: "Expert — I set the standard and teach" does not fit "Ethical")."""

REPUTATION_COLUMNS = {
    "behaviour": "text", "label": "text", "self": "float", "others": "float",
    "n_others": "int", "gap": "float",
}

_ALIASES = {
    "quality": "quality", "delivers_quality": "quality",
    "delivers_quality_consistently": "quality", "consistent_quality": "quality",
    "reliable": "reliable", "reliability": "reliable", "dependable": "reliable",
    "ethical": "ethical", "ethics": "ethical", "integrity": "ethical",
    "constructive": "constructive", "constructive_attitude": "constructive",
    "attitude": "constructive", "shares_credit": "shares_credit", "credit": "shares_credit",
    "sharing_credit": "shares_credit", "gives_credit": "shares_credit",
}


def behaviour_key(text: str) -> str | None:
    """The behaviour a column or form value names, forgivingly; ``None`` if none.

    >>> behaviour_key("Delivers quality consistently"), behaviour_key("Shares-credit")
    ('quality', 'shares_credit')
    >>> behaviour_key("Reliable: does what they said"), behaviour_key("charm") is None
    ('reliable', True)
    """
    folded = " ".join(text.casefold().replace("-", " ").replace("_", " ").split())
    for key, label in BEHAVIOUR_LABELS.items():
        if folded == label.casefold():
            return key
    return _ALIASES.get(folded.replace(" ", "_"))


def reputation_frame(wb: Workbook, *, today: date | None = None) -> pd.DataFrame:
    """One row per behaviour, in :data:`~career_workbook.model.REPUTATION_BEHAVIOURS` order.

    With ``today``, only feedback dated on or before it counts (see
    :func:`~career_workbook.analysis.period.as_of`); without, every entry.

    Columns: ``behaviour`` (key), ``label``, ``self`` (the person's latest own rating, as
    "Myself" under any code: as for skills, the latest counts; NaN when none), ``others``
    (mean of every colleague's latest rating, NaN when fewer than ``MIN_GROUP`` rated it),
    ``n_others`` (distinct colleagues who rated it), ``gap`` (others - self).
    """
    if today is not None:
        from career_workbook.analysis.period import as_of

        wb = as_of(wb, today)
    latest: dict[str, dict[tuple[str, str], int]] = {}
    own: dict[str, int] = {}
    for f in sorted(wb.feedback, key=lambda f: f.date):
        for key, level in f.reputation.items():
            if f.rater_group == "self":
                own[key] = level
            else:
                latest.setdefault(key, {})[(f.rater_group, f.rater_key)] = level
    rows = []
    for key in REPUTATION_BEHAVIOURS:
        others = list(latest.get(key, {}).values())
        mean_others = sum(others) / len(others) if len(others) >= MIN_GROUP else math.nan
        mean_self = float(own[key]) if key in own else math.nan
        rows.append((key, BEHAVIOUR_LABELS[key], mean_self, mean_others, len(others),
                     mean_others - mean_self))
    return build_frame(rows, REPUTATION_COLUMNS)
