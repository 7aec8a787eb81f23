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

from typing import Any

import pandas as pd

from career_workbook.frames import build_frame
from career_workbook.model import RIASEC, Interests, Workbook

__all__ = ["RANKED_VALUES_COLUMNS", "RIASEC_COLUMNS", "ranked_values", "riasec_code",
           "riasec_frame"]

RANKED_VALUES_COLUMNS = {"rank": "int", "name": "text", "importance": "int", "note": "text"}
RIASEC_COLUMNS = {"letter": "text", "interest": "text", "score": "int", "rank": "int"}


def ranked_values(wb: Workbook) -> pd.DataFrame:
    """Personal values, most important first (ties in alphabetical order).

    Columns: ``rank`` (1 = most important; every row has its own rank), ``name``,
    ``importance`` (1-10), ``note``.

    >>> from career_workbook.model import Value, new_workbook
    >>> wb = new_workbook("Sam Lee")
    >>> wb.values += [Value(name="Family", importance=8), Value(name="Autonomy", importance=8),
    ...               Value(name="Money", importance=5)]
    >>> ranked_values(wb)[["rank", "name"]].values.tolist()
    [[1, 'Autonomy'], [2, 'Family'], [3, 'Money']]
    """
    ordered = sorted(wb.values, key=lambda v: (-v.importance, v.name.casefold(), v.name))
    rows = [(i, v.name, v.importance, v.note) for i, v in enumerate(ordered, start=1)]
    return build_frame(rows, RANKED_VALUES_COLUMNS)


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
