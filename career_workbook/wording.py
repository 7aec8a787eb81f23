"""Small wording helpers shared by the analysis, the charts and the forms (pure, stdlib only).

>>> plural(1, "goal"), plural(3, "goal"), plural(0, "entry", "entries")
('1 goal', '3 goals', '0 entries')
>>> days_ago(0), days_ago(1), days_ago(3), days_ago(61), days_ago(-3)
('today', 'yesterday', '3 days ago', '2 months ago', 'in 3 days')
"""

from __future__ import annotations

MONTH_DAYS = 365.25 / 12
"""Days in an average month, to say a long time in months."""


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, or its plural ``many`` (default ``word + 's'``) unless ``n`` is 1.

    >>> plural(1, "follow-up is", "follow-ups are"), plural(2, "follow-up is", "follow-ups are")
    ('1 follow-up is', '2 follow-ups are')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"


def days_ago(days: int) -> str:
    """A day ``days`` days before today, in words: in days under 45 days, then in months,
    from two years in years; a day still to come (``days`` below 0) is "in ...".

    >>> days_ago(44), days_ago(45), days_ago(364), days_ago(800)
    ('44 days ago', '1 month ago', '12 months ago', '2 years ago')
    >>> days_ago(-1), days_ago(-90)
    ('tomorrow', 'in 3 months')
    """
    if days == 0:
        return "today"
    if abs(days) == 1:
        return "yesterday" if days > 0 else "tomorrow"
    n = abs(days)
    if n < 45:
        span = plural(n, "day")
    elif n < 730:
        span = plural(max(round(n / MONTH_DAYS), 1), "month")
    else:
        span = plural(n // 365, "year")
    return f"{span} ago" if days > 0 else f"in {span}"
