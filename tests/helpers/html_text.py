"""The text a person reads in a widget's HTML value."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser


def text_of(value: str, sep: str = "") -> str:
    """``value`` without its tags (each replaced by ``sep``), entities unescaped.

    >>> text_of("<b>Saved</b> &#x27;SQL&#x27; &amp; more")
    "Saved 'SQL' & more"
    """
    return html.unescape(re.sub(r"<[^>]+>", sep, value))


def tags_of(page: str, tag: str) -> list[dict[str, str | None]]:
    """The attributes of each ``tag`` element in ``page``, in order.

    >>> tags_of('<p><img src="a.png" alt="A"><img src="b.png"></p>', "img")
    [{'src': 'a.png', 'alt': 'A'}, {'src': 'b.png'}]
    """
    found: list[dict[str, str | None]] = []

    class _Tags(HTMLParser):
        def handle_starttag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
            if name == tag:
                found.append(dict(attrs))

    _Tags().feed(page)
    return found
