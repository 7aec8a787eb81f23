"""Small wording helpers shared by the analysis, the charts and the forms (pure, stdlib only).

>>> plural(1, "goal"), plural(3, "goal"), plural(0, "entry", "entries")
('1 goal', '3 goals', '0 entries')
"""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, or its plural ``many`` (default ``word + 's'``) unless ``n`` is 1.

    >>> plural(1, "follow-up is", "follow-ups are"), plural(2, "follow-up is", "follow-ups are")
    ('1 follow-up is', '2 follow-ups are')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"
