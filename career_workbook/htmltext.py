"""A person's text in HTML, where a long word or a pasted link may wrap (pure, stdlib only).

One rule for the notebooks' tables (:func:`career_workbook.widgets.display.frame_html`) and
the review pack's HTML (:mod:`career_workbook.export.html`): only a word longer than
:data:`LONG_WORD` characters may break, at ``<wbr>`` break opportunities; an ordinary word is
never cut. Without them one unbroken link made its table, or the whole page, as wide as the
link (a goal holding a 470-character URL stretched the pack's goals table to 4,659 px).

>>> cell_html("Read https://example.org/jobs/view?id=4211 first")
'Read https://<wbr>example.<wbr>org/<wbr>jobs/<wbr>view?<wbr>id=<wbr>4211 first'
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["LONG_WORD", "cell_html", "isolate_names", "right_to_left"]

LONG_WORD = 30
"""A word (text between spaces) longer than this many characters may break inside a table
cell, a pasted link for one; shorter ones never do (see :func:`cell_html`)."""

_PIECE = 12
_BREAK_AFTER = frozenset("/\\?&=#.,;:_-~+@|>)")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _clings(char: str) -> bool:
    """A character that belongs to the one before it (an accent, a joiner, a skin tone):
    never a place to break."""
    return (unicodedata.category(char).startswith("M") or char == "\u200d"
            or "\U0001f3fb" <= char <= "\U0001f3ff")


def _pieces(word: str) -> list[str]:
    """A long word cut where it may break: after a run of ``/ ? & = . - _ >`` and such (a
    link breaks between its parts), and at least every 12 characters."""
    pieces, piece = [], ""
    for char, after in zip(word, [*word[1:], ""], strict=True):
        piece += char
        if not after or _clings(after) or char == "\u200d":
            continue
        if (char in _BREAK_AFTER and after not in _BREAK_AFTER) or len(piece) >= _PIECE:
            pieces.append(piece)
            piece = ""
    return [*pieces, piece] if piece else pieces


_WHOLE = '<span style="white-space:nowrap">{}</span>'


def _keep_whole(word: str) -> bool:
    """Whether a browser could break ``word`` inside: at a dash or a slash between its
    letters or digits (after the hyphens of "2026-11-16" and "check-in", the slash of
    "<b>Bo</b>"). Words of the scripts written without spaces (Chinese, Japanese) keep their own
    line breaks.

    >>> [_keep_whole(w) for w in ("2026-11-16", "check-in", "<b>Bo</b>", "2.25", "(remote),",
    ...                           "\u6c9f\u901a-\u4e8c")]
    [True, True, True, False, False, False]
    """
    core = word.strip("".join({c for c in word if not c.isalnum()}))
    return (any(c in "/\\|?!" or unicodedata.category(c) == "Pd" for c in core)
            and not any(unicodedata.east_asian_width(c) in "WF" for c in core))


def cell_html(value: Any, *, keep_whole: bool = True) -> str:
    """Text for a table cell, HTML-escaped, where only a word longer than
    :data:`LONG_WORD` may break: it gets ``<wbr>`` break opportunities (no character, so the
    text copied from the page is the text stored). Spaces, tabs and line breaks show as
    one space.

    ``keep_whole`` (the notebooks' narrow tables): an ordinary word is never cut, however
    narrow the page; one with a hyphen or a slash inside is kept on one line. Without it
    (the review pack's pages) such a word may still break at its hyphen, as a printed page
    breaks "check-in", and no inline style is written.

    ``<wbr>`` rather than a zero-width space: a copied link would carry the invisible
    character along and no longer open; ``overflow-wrap:anywhere`` in the CSS instead let
    the browser cut any word anywhere ("Enginee ring Manage r") as soon as it was short of
    room.

    >>> cell_html("Engineering   Manager <b>")
    'Engineering Manager &lt;b&gt;'
    >>> cell_html("Last check-in"), cell_html("Last check-in", keep_whole=False)
    ('Last <span style="white-space:nowrap">check-in</span>', 'Last check-in')
    >>> cell_html("see https://example.org/jobs/view?id=4211&ref=mail")
    'see https://<wbr>example.<wbr>org/<wbr>jobs/<wbr>view?<wbr>id=<wbr>4211&amp;<wbr>ref=<wbr>mail'
    >>> cell_html("x" * 30 + " " + "y" * 31)
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yyyyyyyyyyyy<wbr>yyyyyyyyyyyy<wbr>yyyyyyy'
    """

    def word_html(word: str) -> str:
        if len(word) > LONG_WORD:
            return "<wbr>".join(map(_esc, _pieces(word)))
        return _WHOLE.format(_esc(word)) if keep_whole and _keep_whole(word) else _esc(word)

    return " ".join(map(word_html, _SPACES.split("" if value is None else str(value))))


def right_to_left(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (Hebrew, Arabic, ...).

    >>> right_to_left("Coach: מרים"), right_to_left("Coach: Ana (2026)")
    (True, False)
    """
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def isolate_names(text: str, names: Iterable[str], piece: Callable[[str], str] = _esc) -> str:
    """``text`` (a sentence the program wrote) as HTML, each whole-word occurrence of one
    of ``names`` (a person's, a contact's) in ``<bdi>``: a right-to-left name then never
    takes the words and numbers after it along ("مريم: 3 actions" read "3 :مريم
    actions"), and a sentence that begins with it keeps its own direction. ``piece``
    escapes each part (default: HTML-escaped as is; :func:`cell_html` for a table).

    >>> isolate_names("Follow up with مريم: 3 days late", ["مريم", ""])
    'Follow up with <bdi>مريم</bdi>: 3 days late'
    >>> isolate_names("Ana <b> met Anabel", ["Ana"])
    '<bdi>Ana</bdi> &lt;b&gt; met Anabel'
    """
    shown = sorted({" ".join(name.split()) for name in names} - {""}, key=len, reverse=True)
    if not shown:
        return piece(text)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, shown)) + r")(?!\w)")
    return "".join(f"<bdi>{piece(part)}</bdi>" if i % 2 else piece(part)
                   for i, part in enumerate(pattern.split(text)) if part)
