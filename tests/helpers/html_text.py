"""The text a person reads in a widget's HTML value."""

from __future__ import annotations

import html
import re


def text_of(value: str, sep: str = "") -> str:
    """``value`` without its tags (each replaced by ``sep``), entities unescaped.

    >>> text_of("<b>Saved</b> &#x27;SQL&#x27; &amp; more")
    "Saved 'SQL' & more"
    """
    return html.unescape(re.sub(r"<[^>]+>", sep, value))
