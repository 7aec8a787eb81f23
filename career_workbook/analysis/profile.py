"""The person's profile: values in order of importance and the Holland (RIASEC) code.

Examples
--------
>>> from career_workbook.model import Interests
>>> riasec_code(Interests(social=30, investigative=25, artistic=25, realistic=3))
'SAI'
>>> riasec_code(None)
''
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from career_workbook.frames import build_frame
from career_workbook.model import RIASEC, Interests, Value, Workbook
from career_workbook.wording import listing

__all__ = ["RANKED_VALUES_COLUMNS", "RIASEC_COLUMNS", "TOP_VALUES", "ranked_values",
           "riasec_code", "riasec_frame", "top_values_note", "value_order"]

RANKED_VALUES_COLUMNS = {"rank": "int", "name": "text", "importance": "int", "note": "text"}
RIASEC_COLUMNS = {"letter": "text", "interest": "text", "score": "int", "rank": "int"}
TOP_VALUES = 3
"""How many values make "your top three": more when values tie for the last place."""


def ranked_values(wb: Workbook) -> pd.DataFrame:
    """Personal values, most important first (equally important ones in alphabetical order).

    Columns: ``rank`` (1 = most important; values of equal importance share a rank, and
    the next rank skips as many places: 1, 2, 2, 4), ``name``, ``importance`` (1-10),
    ``note``. The top three (:data:`TOP_VALUES`) are the rows ranked 3 or better: more than
    three when values tie for third place (:func:`top_values_note` says so).

    >>> from career_workbook.model import Value, new_workbook
    >>> wb = new_workbook("Sam Lee")
    >>> wb.values += [Value(name="Family", importance=8), Value(name="Autonomy", importance=8),
    ...               Value(name="Money", importance=5)]
    >>> ranked_values(wb)[["rank", "name"]].values.tolist()
    [[1, 'Autonomy'], [1, 'Family'], [3, 'Money']]
    """
    rows = [(rank, wb.values[i].name, wb.values[i].importance, wb.values[i].note)
            for i, rank in value_order(wb.values)]
    return build_frame(rows, RANKED_VALUES_COLUMNS)


def value_order(values: Sequence[Value]) -> list[tuple[int, int]]:
    """The values as :func:`ranked_values` lists them: ``(place in the list, rank)``, most
    important first (the 03 form's chooser numbers them so, as the table does).

    >>> value_order([Value(name="Money", importance=5), Value(name="Family", importance=10),
    ...              Value(name="Autonomy", importance=5)])
    [(1, 1), (2, 2), (0, 2)]
    """
    order = sorted(range(len(values)), key=lambda i: (-values[i].importance,
                                                      values[i].name.casefold(), values[i].name))
    return [(i, 1 + sum(o.importance > values[i].importance for o in values)) for i in order]


def top_values_note(values: pd.DataFrame) -> str:
    """What a reader of the top three needs told when a tie makes them more than three
    (``values``: :func:`ranked_values`); ``''`` when they are three or fewer.

    >>> frame = pd.DataFrame({"rank": [1, 2, 2, 2, 5],
    ...                       "name": ["Family", "Autonomy", "Balance", "Learning", "Craft"],
    ...                       "importance": [10, 8, 8, 8, 7]})
    >>> top_values_note(frame)
    '4 values make your top three: Autonomy, Balance and Learning tie for second place at 8.'
    >>> top_values_note(frame.head(3))
    ''
    """
    if values is None or values.empty or "rank" not in values:
        return ""
    top = values[pd.to_numeric(values["rank"], errors="coerce") <= TOP_VALUES]
    if len(top) <= TOP_VALUES:
        return ""
    last = top[top["rank"] == top["rank"].max()]
    place = {1: "first", 2: "second", 3: "third"}[int(last["rank"].iloc[0])]
    level = int(last["importance"].iloc[0])
    return (f"{len(top)} values make your top three: {listing(list(last['name']))} tie for "
            f"{place} place at {level}.")


def _ranked_interests(interests: Interests | Any) -> list[tuple[str, int]]:
    scores = [(name, int(getattr(interests, name))) for name in RIASEC]
    return sorted(scores, key=lambda item: (-item[1], item[0]))


def riasec_code(interests: Interests | None) -> str:
    """The Holland code: first letters of the (up to) three highest interest scores.

    Ties are broken alphabetically by the interest's full name; zero scores never count,
    so the code is shorter than three letters when fewer interests scored, and ``''``
    when ``interests`` is None or all zero.

    >>> riasec_code(Interests(enterprising=12, conventional=12))
    'CE'
    """
    if interests is None:
        return ""
    top = [name for name, score in _ranked_interests(interests) if score > 0][:3]
    return "".join(name[0].upper() for name in top)


def riasec_frame(interests: Interests | None) -> pd.DataFrame:
    """The six interest scores, highest first (ties alphabetical), for a chart.

    Columns: ``letter`` ('R', 'I', ...), ``interest`` (full name), ``score`` (0-40),
    ``rank`` (1 = highest). Empty when ``interests`` is None.
    """
    if interests is None:
        return build_frame([], RIASEC_COLUMNS)
    rows = [(name[0].upper(), name, score, i)
            for i, (name, score) in enumerate(_ranked_interests(interests), start=1)]
    return build_frame(rows, RIASEC_COLUMNS)
