"""Reading a number written by a person or a spreadsheet: one rule for the forms' number
boxes, the workbook file's checks and every CSV import. Pure: text in, a number (or a
sentence saying why not) out; no widgets, no files.

A decimal comma is fine (``3,5`` is 3.5), and so are any keyboard's digits and marks
(full-width ``３．５``, Arabic-Indic ``٣٫٥``, Persian ``۳``). Thousands grouped with commas or
points are read only where that is the one reading (``1,000,000``, ``1.234,5``,
``1,234.5``); ``1,000`` or ``1.500`` alone reads two ways and is asked about, never guessed.

Examples
--------
>>> parse_number_text("3,5"), parse_number_text("３．５"), parse_number_text("٣٫٥")
(3.5, 3.5, 3.5)
"""

from __future__ import annotations

import math
import re
import unicodedata

__all__ = ["UnsureNumber", "ascii_number_text", "parse_number_text", "parse_whole_number_text"]


class UnsureNumber(ValueError):
    """A number that reads two ways ("1,000": one thousand, or 1.0 with a decimal comma;
    "1.500": fifteen hundred with a dot grouping thousands, or 1.5), never guessed:
    ``thousands`` and ``decimal`` are how to write each (``1000``, ``1``), for a message
    that says how to write it (see :func:`~career_workbook.model.number_text_hint`)."""

    def __init__(self, shown: str, thousands: str, decimal: str, mark: str = ",") -> None:
        self.thousands, self.decimal, self.mark = thousands, decimal, mark
        super().__init__(f"“{shown}” is not a number I can read for sure: {self.how}")

    @property
    def how(self) -> str:
        """How to write it, either way: ``write 1000 (or 1 if the comma is a decimal
        point)``."""
        what = "comma" if self.mark == "," else "point"
        return f"write {self.thousands} (or {self.decimal} if the {what} is a decimal point)"


_SIGNS = {"．": ".", "，": ",", "٫": ".", "٬": ",", "－": "-", "−": "-", "＋": "+"}
"""Other ways of writing the decimal mark, the thousands mark and the signs (full-width
forms, the Arabic decimal and thousands separators, the minus sign), read as the ASCII
ones."""


def ascii_number_text(text: str) -> str:
    """``text`` with every Unicode decimal digit (full-width ``３``, Arabic-Indic ``٣``,
    Persian ``۳``...) as its ASCII digit and the marks of :data:`_SIGNS` as ASCII ones, so a
    number is read one way whatever keyboard typed it; other characters are kept.

    >>> ascii_number_text("３，５"), ascii_number_text("٣٫٥"), ascii_number_text("۱۲ h")
    ('3,5', '3.5', '12 h')
    """
    out = []
    for ch in text:
        digit = unicodedata.decimal(ch, None)
        out.append(str(digit) if digit is not None else _SIGNS.get(ch, ch))
    return "".join(out)


def _decimal_way(text: str) -> str:
    """How to write ``text`` (ASCII digits, a decimal point, no grouping) so that it cannot
    be read as grouped thousands: trailing zeros dropped (``1.500`` is ``1.5``), or one
    added when none can be dropped (``1.234`` is written ``1.2340``).

    >>> _decimal_way("1.500"), _decimal_way("-2.000"), _decimal_way("1.234")
    ('1.5', '-2', '1.2340')
    """
    short = text.rstrip("0").rstrip(".")
    return short if short != text else text + "0"


def parse_number_text(text: str | None) -> float | None:
    """The number in ``text`` (``None`` when blank); a decimal comma is fine, and so are
    other digits and marks (``３．５``, ``٣٫٥``: :func:`ascii_number_text`).

    >>> parse_number_text(" 12.5 "), parse_number_text("1 000"), parse_number_text("-2")
    (12.5, 1000.0, -2.0)
    >>> parse_number_text("12,5 h")
    Traceback (most recent call last):
    ...
    ValueError: “12,5 h” is not a number (write it like 12.5)
    >>> parse_number_text("1e9")
    Traceback (most recent call last):
    ...
    ValueError: “1e9” is not a number I can read: write it in plain digits, like 1000000000

    Thousands are grouped with commas or points only where that is the one reading: two
    groups or more, or the other mark as the decimal one after them. One mark before
    exactly three digits reads two ways, and is asked about, never guessed:

    >>> parse_number_text("1.234,5"), parse_number_text("1,234.5"), parse_number_text("1.000.000")
    (1234.5, 1234.5, 1000000.0)
    >>> parse_number_text("1,000")
    Traceback (most recent call last):
    ...
    career_workbook.number_text.UnsureNumber: “1,000” is not a number I can read for sure: write 1000 (or 1 if the comma is a decimal point)
    >>> parse_number_text("1.234")
    Traceback (most recent call last):
    ...
    career_workbook.number_text.UnsureNumber: “1.234” is not a number I can read for sure: write 1234 (or 1.2340 if the point is a decimal point)
    """  # noqa: E501
    whole = ascii_number_text("".join((text or "").split()))
    if not whole:
        return None
    shown = " ".join((text or "").split())
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3}){2,}(\.\d+)?|[-+]?\d{1,3}(,\d{3})+\.\d+", whole,
                    flags=re.ASCII):
        whole = whole.replace(",", "")  # 1,000,000 and 1,234.5: the commas group thousands
    elif re.fullmatch(r"[-+]?\d{1,3}(\.\d{3}){2,}(,\d+)?|[-+]?\d{1,3}(\.\d{3})+,\d+", whole,
                      flags=re.ASCII):
        whole = whole.replace(".", "").replace(",", ".")  # 1.000.000 and 1.234,5
    elif re.fullmatch(r"[-+]?[1-9]\d{0,2}[,.]\d{3}", whole, flags=re.ASCII):
        # "1,000" or "1.500": one thousand (five hundred) or 1.0 (1.5)? Never guess.
        mark = "," if "," in whole else "."
        raise UnsureNumber(shown, whole.replace(mark, ""),
                           _decimal_way(whole.replace(mark, ".")), mark)
    elif re.fullmatch(r"[-+]?\d+,\d+", whole, flags=re.ASCII):
        whole = whole.replace(",", ".")
    if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+", whole, flags=re.ASCII):
        plain = _plain(whole)
        if plain is None:
            raise ValueError(f"“{shown}” is not a number I can use: it is far too large")
        raise ValueError(f"“{shown}” is not a number I can read: write it in plain digits, "
                         f"like {plain}")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", whole, flags=re.ASCII):
        raise ValueError(f"“{shown}” is not a number (write it like 12.5)")
    number = float(whole)
    if not math.isfinite(number) or len(whole) > 30:
        raise ValueError(f"“{shown}” is not a number I can use: it is far too large")
    return number


def _plain(number: str) -> str | None:
    """``1e9`` in plain digits (``1000000000``), or ``None`` when that is too long to write.

    >>> _plain("2.5e3"), _plain("1E-3"), _plain("1e400")
    ('2500', '0.001', None)
    """
    from decimal import Decimal

    text = f"{Decimal(number):f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text if len(text) <= 20 else None


def parse_whole_number_text(text: str | None) -> int | None:
    """The whole number in ``text`` (``None`` when blank); anything else is refused, never
    rounded: ``2,5`` is 2.5, not a whole number (a browser number box read it as 25).

    >>> parse_whole_number_text(" 12 "), parse_whole_number_text("3.0"), parse_whole_number_text("")
    (12, 3, None)
    >>> parse_whole_number_text("2,5")
    Traceback (most recent call last):
    ...
    ValueError: “2,5” is not a whole number: please write a whole number, e.g. 3
    """
    shown = " ".join((text or "").split())
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    try:
        number = parse_number_text(text)
    except UnsureNumber:
        raise  # "1.000": a thousand or one? Asked, as for any number.
    except ValueError:
        number = math.nan
    if number is None:
        return None
    if not number.is_integer():  # nan too
        raise ValueError(f"“{shown}” is not a whole number: please write a whole number, "
                         "e.g. 3")
    return int(number)
