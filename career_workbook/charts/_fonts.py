"""Fallback fonts: a name or a goal written in Chinese, Japanese, Korean, Thai or Devanagari
is drawn in its own script wherever the machine has a font for it, and an emoji as its
black-and-white symbol.

The house font, DejaVu Sans, has Latin, Greek, Cyrillic, Arabic and Hebrew, but no Chinese,
Japanese, Korean, Thai or Devanagari. Without a fallback, matplotlib draws each of those
characters as an empty box. matplotlib (3.6 and later) draws each glyph in the first font
of ``font.family`` that has it. So the house style lists, after its own font, one
installed font for each of those scripts (:func:`fallback_fonts`). macOS and Windows ship
such fonts. On Linux, ``apt-get install fonts-noto-cjk`` (or the smaller
``fonts-wqy-microhei``) adds them, and ``fonts-symbola`` the emoji. matplotlib cannot draw
colour emoji fonts (Noto Color Emoji, Apple Color Emoji): only outline fonts are listed.

Only installed families are listed: matplotlib logs a warning for every family it cannot
find, and loads every listed font for every text. A text whose glyphs are all in DejaVu
Sans looks exactly as before.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator

__all__ = ["SCRIPTS", "fallback_fonts", "installed_families", "quiet_fallback_weights"]

_PAN_CJK = ("Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK KR",
            "Noto Sans CJK HK", "Source Han Sans", "Source Han Sans SC", "Source Han Sans JP",
            "Source Han Sans TC", "Source Han Sans K", "Source Han Sans KR",
            "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback",
            "Arial Unicode MS")
"""Fonts with Chinese, Japanese kana and Korean Hangul, the best first."""

SCRIPTS: dict[str, tuple[str, ...]] = {
    "Chinese": (*_PAN_CJK, "PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti",
                "Microsoft YaHei", "Microsoft JhengHei", "SimHei", "Noto Sans SC",
                "Noto Sans TC", "Hiragino Sans", "Yu Gothic", "Meiryo", "MS Gothic"),
    "Japanese": (*_PAN_CJK, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic",
                 "Meiryo", "MS Gothic", "Noto Sans JP", "IPAexGothic", "IPAGothic",
                 "TakaoGothic"),
    "Korean": (*_PAN_CJK, "Apple SD Gothic Neo", "AppleGothic", "Malgun Gothic",
               "Noto Sans KR", "NanumGothic", "UnDotum"),
    "Thai": ("Noto Sans Thai", "Noto Sans Thai UI", "Thonburi", "Leelawadee UI",
             "Leelawadee", "Tahoma", "Loma", "Garuda", "Sarabun"),
    "Devanagari": ("Noto Sans Devanagari", "Noto Sans Devanagari UI", "Kohinoor Devanagari",
                   "Devanagari Sangam MN", "Nirmala UI", "Mangal", "Lohit Devanagari"),
    "Emoji": ("Segoe UI Emoji", "Noto Emoji", "Symbola", "Segoe UI Symbol"),
}
"""For each script the house font lacks, the fonts that have it, in order of preference."""


def fallback_fonts(installed: Iterable[str]) -> tuple[str, ...]:
    """The fonts to list after the house font: for each script in :data:`SCRIPTS`, the
    first of its fonts that is ``installed``, each font once.

    >>> fallback_fonts({"DejaVu Sans"})
    ()
    >>> fallback_fonts({"DejaVu Sans", "Hiragino Sans", "PingFang SC", "Apple SD Gothic Neo"})
    ('PingFang SC', 'Hiragino Sans', 'Apple SD Gothic Neo')
    >>> fallback_fonts({"Noto Sans CJK JP", "Noto Sans Thai", "Noto Sans CJK KR"})
    ('Noto Sans CJK JP', 'Noto Sans Thai')
    """
    installed = set(installed)
    chosen: list[str] = []
    for fonts in SCRIPTS.values():
        found = next((font for font in fonts if font in installed), None)
        if found is not None and found not in chosen:
            chosen.append(found)
    return tuple(chosen)


def installed_families() -> frozenset[str]:
    """The font families matplotlib knows on this machine (read from its font cache,
    which matplotlib builds the first time it runs, from the fonts installed then).

    >>> "DejaVu Sans" in installed_families()
    True
    """
    from matplotlib import font_manager

    return frozenset(entry.name for entry in font_manager.fontManager.ttflist)


_FONT_LOG = logging.getLogger("matplotlib.font_manager")
_NO_WEIGHT = "findfont: Failed to find font weight"


@contextlib.contextmanager
def quiet_fallback_weights(fonts: Iterable[str]) -> Iterator[None]:
    """Drop matplotlib's "Failed to find font weight bold for WenQuanYi Micro Hei" log
    line for the fallback ``fonts`` in a block. A fallback font with no bold face (many CJK
    fonts have one weight) draws a bold title's Chinese characters in its regular face:
    a notebook showed the log line in red, which the person can do nothing about.

    >>> log = logging.getLogger("matplotlib.font_manager")
    >>> record = logging.LogRecord("m", logging.WARNING, "", 0, _NO_WEIGHT + " %s for %s, "
    ...                            "now using %s.", ("bold", "WenQuanYi Micro Hei", 400), None)
    >>> with quiet_fallback_weights(["WenQuanYi Micro Hei"]):
    ...     bool(log.filter(record))
    False
    >>> bool(log.filter(record))
    True
    >>> unnamed = logging.LogRecord("m", logging.WARNING, "", 0, _NO_WEIGHT + " %s, now using "
    ...                             "%s.", ("bold", 400), None)  # matplotlib 3.11.0
    >>> with quiet_fallback_weights(["WenQuanYi Micro Hei"]):
    ...     bool(log.filter(unnamed))
    False
    """
    fonts = frozenset(fonts)

    def keep(record: logging.LogRecord) -> bool:
        # matplotlib 3.11.0 names no font ("... weight bold, now using 400."): in this block
        # only a fallback font can lack a bold face (the house font has one)
        args = record.args if isinstance(record.args, tuple) else ()
        return not (str(record.msg).startswith(_NO_WEIGHT)
                    and (len(args) == 2 or (len(args) > 2 and args[1] in fonts)))

    if not fonts:
        yield
        return
    _FONT_LOG.addFilter(keep)
    try:
        yield
    finally:
        _FONT_LOG.removeFilter(keep)
