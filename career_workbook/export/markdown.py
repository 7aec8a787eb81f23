"""User text as inert Markdown that still reads naturally: escape only what would render.

:func:`md_text` turns one piece of user text into one line of Markdown that every
CommonMark/GFM renderer shows exactly as typed (no HTML, links, headings, lists, code,
emphasis, strikethrough or math), while ordinary text keeps no backslashes at all:
``C++``, ``1.5x``, ``Q3-2026``, ``e.g.``, ``R&D``, ``snake_case``, ``~5%``, ``$40k``.

What is escaped, and only where it would change the rendering:

- ``<`` before a letter, ``/``, ``!`` or ``?`` (a tag, comment or autolink); ``&`` that
  starts an entity such as ``&amp;`` or ``&#60;``;
- at the start of the text (the start of a line, a list item or a quote): ``#`` heading
  markers, ``>``, the list markers ``-``, ``+``, ``*`` and ``1.`` / ``1)`` (before a space
  or the end), a rule such as ``***`` or ``- - -``, a fence ``~~~``; and a closing ``#``
  run at the end (it would vanish from a heading);
- ``*`` and ``_`` runs that could open or close emphasis (CommonMark's flanking rules,
  counting the text's ends as punctuation since the text may sit inside ``**…**``:
  ``2 * 3`` and ``snake_case`` stay as they are); ``~`` only when a run that could open
  strikethrough has one after it that could close it (``~5 and ~10`` stays); ``$`` when
  the text has two (math, where renderers differ in what pairs: ``$40k to $60k`` is
  escaped);
- every backtick; ``[`` and ``]`` when a ``[`` has a later ``]`` (a link or footnote);
- a backslash before punctuation or at the end (it would escape, or break the line);
- ``|`` in a table cell (``cell=True``).

Whitespace (newlines, tabs, trailing spaces that would break a line) collapses to single
spaces. The text must be the only user text in its paragraph, heading or table cell, so
that two pieces cannot pair their delimiters.

Examples
--------
>>> md_text("C++ and 1.5x growth, Q3-2026, e.g. SQL/Postgres, R&D, snake_case, ~5%")
'C++ and 1.5x growth, Q3-2026, e.g. SQL/Postgres, R&D, snake_case, ~5%'
>>> print(md_text("<script>x</script> # [a](javascript:b) `c` $m$ **bold**"))
\\<script>x\\</script> # \\[a\\](javascript:b) \\`c\\` \\$m\\$ \\*\\*bold\\*\\*
>>> print(md_text("# Heading"), md_text("1. first", cell=True), md_text("a | b", cell=True))
\\# Heading 1\\. first a \\| b
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from career_workbook.charts import clean_text

__all__ = ["md_text"]

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG_START = re.compile(r"[A-Za-z/!?]")
_HEADING = re.compile(r"#{1,6}(?= |$)")
_LIST = re.compile(r"[-+*](?= |$)|[0-9]{1,9}([.)])(?= |$)")
_RULE = re.compile(r"([-*_])(?: *\1){2,} *$")
_FENCE = re.compile(r"~{3,}|`{3,}")
_CLOSING = re.compile(r" (#+)$")
_DELIMS = "*_~"
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _space(ch: str | None) -> bool:
    return ch is None or ch.isspace()


def _punct(ch: str | None) -> bool:
    return ch is not None and unicodedata.category(ch)[0] in "PS"


def _flanking(before: str | None, after: str | None) -> tuple[bool, bool]:
    """(left-flanking, right-flanking) for a delimiter run between ``before`` and ``after``."""
    left = not _space(after) and (not _punct(after) or _space(before) or _punct(before))
    right = not _space(before) and (not _punct(before) or _space(after) or _punct(after))
    return left, right


def _delimiter_runs(text: str) -> list[tuple[int, int, bool, bool]]:
    """``(start, end, opens, closes)`` for each run of ``*``, ``_`` or ``~``: whether it
    could open or close emphasis or strikethrough (CommonMark's rules, GFM's for ``~``).

    Beyond either end of the text is taken as punctuation (the surrounding Markdown may be
    ``**``), the choice that makes a run at an end most able to open or close.
    """
    runs = []
    for m in re.finditer(r"\*+|_+|~+", text):
        start, end = m.span()
        before = text[start - 1] if start else "*"
        after = text[end] if end < len(text) else "*"
        left, right = _flanking(before, after)
        if m.group()[0] == "_":
            opens = left and (not right or _punct(before))
            closes = right and (not left or _punct(after))
        else:
            opens, closes = left, right
        runs.append((start, end, opens, closes))
    return runs


def _escaped_positions(text: str, *, cell: bool) -> set[int]:
    marks: set[int] = set()
    # block markers at the start of the line, and a heading's closing run at its end
    for pattern in (_HEADING, _RULE, _FENCE):
        if pattern.match(text):
            marks.add(0)
    if text.startswith(">"):
        marks.add(0)
    if m := _LIST.match(text):
        marks.add(m.start(1) if m.group(1) else 0)
    if m := _CLOSING.search(text):
        marks.add(m.start(1))
    # emphasis and strikethrough; ``~`` only when an opening run has a closing one after it
    runs = _delimiter_runs(text)
    tildes = [r for r in runs if text[r[0]] == "~"]
    first_opener = min((r[0] for r in tildes if r[2]), default=len(text))
    pairs = any(r[3] and r[0] > first_opener for r in tildes)
    for start, end, opens, closes in runs:
        if (opens or closes) and (text[start] != "~" or pairs):
            marks.update(range(start, end))
    if text.count("$") >= 2:
        marks.update(i for i, ch in enumerate(text) if ch == "$")
    opening = text.find("[")
    if opening >= 0 and "]" in text[opening:]:
        marks.update(i for i, ch in enumerate(text) if ch in "[]")
    for i, ch in enumerate(text):
        after = text[i + 1] if i + 1 < len(text) else None
        if (ch == "`" or (ch == "|" and cell)
                or (ch == "\\" and (after is None or after in _ASCII_PUNCT))
                or (ch == "<" and after is not None and _TAG_START.match(after))
                or (ch == "&" and _ENTITY.match(text, i))):
            marks.add(i)
    return marks


def md_text(value: Any, *, cell: bool = False) -> str:
    """User text as one line of inert Markdown, escaped only where it would render
    (see the module docstring); ``cell=True`` for text inside a table cell.

    >>> md_text("- 1. **bold**\\n\\nnext"), md_text(None), md_text("2 * 3 = 6")
    ('\\\\- 1. \\\\*\\\\*bold\\\\*\\\\* next', '', '2 * 3 = 6')
    """
    text = " ".join(clean_text(value).split())
    marks = _escaped_positions(text, cell=cell)
    return "".join("\\" + ch if i in marks else ch for i, ch in enumerate(text))
