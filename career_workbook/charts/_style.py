"""House style, safe text and the small building blocks every chart uses.

Everything here is pure: figures are plain :class:`matplotlib.figure.Figure` objects (no
pyplot, no global state left behind), and the house style is applied only inside
:func:`house_style`.
"""

from __future__ import annotations

import functools
import re
import textwrap
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from importlib import resources
from typing import Any, TypeVar

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from career_workbook.charts._fonts import (
    fallback_fonts,
    installed_families,
    quiet_fallback_weights,
)
from career_workbook.wording import BIDI_CONTROLS, MONTH_ABBRS, MONTH_NAMES, short_date

STYLE_FILE = "career_workbook.mplstyle"
"""Name of the house style shipped inside the ``career_workbook`` package."""

# Okabe-Ito palette, by name, and the roles colours play in every chart.
PALETTE = {
    "blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
    "purple": "#CC79A7", "sky": "#56B4E9", "yellow": "#F0E442", "black": "#000000",
    "grey": "#8C8C8C", "light": "#DDDDDD", "ink": "#222222",
}
CURRENT = PALETTE["blue"]
TARGET = PALETTE["orange"]
ROLE = PALETTE["green"]
OTHERS = PALETTE["purple"]
GOOD = PALETTE["green"]
ALERT = PALETTE["vermillion"]
MUTED = PALETTE["grey"]
SERIES = ("blue", "orange", "green", "vermillion", "purple", "sky", "black")

A4_WIDTH = 8.0
"""Figure width in inches: the printable width of A4 portrait, at 100 % scale."""
WRAP = 24
"""Default wrap width (characters) of skill and goal labels."""
PLACEHOLDER_LABEL = "placeholder"

F = TypeVar("F", bound=Callable[..., Figure])


# ----------------------------------------------------------------------------------------
# Style
# ----------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _house_rc() -> dict[str, Any]:
    ref = resources.files("career_workbook").joinpath(STYLE_FILE)
    with resources.as_file(ref) as path:
        params = dict(mpl.rc_params_from_file(path, fail_on_error=True,
                                              use_default_template=False))
    # after the house font, one installed font for each script it lacks (CJK, Thai, ...)
    params["font.family"] = [*params["font.family"], *fallback_fonts(installed_families())]
    return params


@contextmanager
def house_style() -> Iterator[None]:
    """Apply the house style (``career_workbook.mplstyle``) for the duration of a block.

    matplotlib's global ``rcParams`` are restored on exit. Save figures inside it too
    so that the ``savefig.*`` (tight bounding box) and ``svg.*`` settings apply.

    >>> import matplotlib as mpl
    >>> with house_style():
    ...     mpl.rcParams["svg.hashsalt"]
    'career-workbook'
    >>> mpl.rcParams["svg.hashsalt"] is None
    True
    """
    # what ``matplotlib.style.context`` does for a dict of settings, without importing
    # ``matplotlib.style`` (which reads every style sheet matplotlib ships, ~30 files)
    rc = _house_rc()
    with mpl.rc_context(rc), quiet_fallback_weights(rc["font.family"][1:]):
        yield


@contextmanager
def quiet_glyph_warnings() -> Iterator[None]:
    """Silence matplotlib's "Glyph ... missing from font" warnings (emoji, or a script no
    installed font has: :mod:`~career_workbook.charts._fonts`): the characters are drawn
    as boxes, and a warning with a path into site-packages tells the person nothing they
    can act on.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as seen:
    ...     warnings.simplefilter("always")
    ...     with quiet_glyph_warnings():
    ...         warnings.warn("Glyph 26446 (CJK IDEOGRAPH) missing from font(s) X.")
    ...     warnings.warn("other")
    >>> [str(w.message) for w in seen]
    ['other']
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
        warnings.filterwarnings("ignore", message=r".*Matplotlib currently does not support")
        yield


def styled(func: F) -> F:
    """Decorator: run a ``plot_*`` function inside :func:`house_style` (glyph warnings
    quiet: a chart is measured while it is built, :func:`subtitle`).

    Tick objects are created lazily by matplotlib; they are created here, inside the
    style, so that a figure drawn later (in a notebook, by export) keeps the house look.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Figure:
        with house_style(), quiet_glyph_warnings():
            fig = func(*args, **kwargs)
            for ax in fig.axes:
                for axis in (ax.xaxis, ax.yaxis):  # theta and r on polar axes
                    axis.get_major_ticks(1)
                    axis.get_minor_ticks(1)
                keep_titles_in_place(ax)
                leave_empty_labels(ax)
        return fig

    return wrapper  # type: ignore[return-value]


_STATIC_OFFSET = (mticker.FixedFormatter, mticker.FuncFormatter, mticker.NullFormatter,
                  mticker.StrMethodFormatter, mticker.FormatStrFormatter)
"""Tick formatters whose offset text ("1e6" above a y axis) is fixed when they are made:
empty unless a chart sets one, which none does."""


def keep_titles_in_place(ax: Any) -> bool:
    """Tell matplotlib not to look for room for ``ax``'s titles where nothing can take it.

    At every layout pass and drawing, matplotlib moves an axes' titles above whatever
    could overlap them: x tick labels or an x label on top, the y axis' offset text
    ("1e6"), child or twin axes. To know, it measures the x axis or the axes, and the
    whole y axis (ticks updated, every label measured) for each title: 15 times for the
    progress chart's five panels, about a tenth of drawing it. An axes with none of those
    (rectilinear, ticks and label below, an offset text that stays empty, no children or
    twins, each title on its baseline at the top with a pad of at least half its size, so
    it never dips into the axes) leaves every title where it is: marking it as placed
    (matplotlib's ``_autotitlepos``, what ``set_title(y=...)`` sets) skips the search and
    draws the same pixels. Returns whether ``ax`` was marked.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> _ = ax.set_title("Plan")
    >>> keep_titles_in_place(ax)  # the y axis' offset text is not known before drawing
    False
    >>> _ = ax.set_yticks([0, 50, 100], ["0%", "50%", "100%"])
    >>> keep_titles_in_place(ax)
    True
    >>> ax.xaxis.tick_top()
    >>> keep_titles_in_place(ax)  # tick labels on top: the title goes above them
    False
    """
    if getattr(ax, "_autotitlepos", None) is not True or ax.name != "rectilinear":
        return False  # placed already, or matplotlib without the flag, or polar
    fig = ax.get_figure()
    aligned = getattr(fig, "_align_label_groups", {}).get("title")
    if (ax.child_axes or ax._twinned_axes.get_siblings(ax) != [ax]
            or (aligned is not None and aligned.get_siblings(ax) != [ax])):
        return False
    if ax.xaxis.get_ticks_position() in ("top", "unknown") \
            or ax.xaxis.get_label_position() == "top":
        return False
    if _y_offset_text(ax) != "":
        return False
    pad = ax.titleOffsetTrans.get_matrix()[1, 2] * 72  # points above the axes
    for title in (ax.title, ax._left_title, ax._right_title):
        if title.get_text() and (title.get_verticalalignment() != "baseline"
                                 or title.get_rotation() != 0
                                 or title.get_position()[1] != 1.0
                                 or pad < title.get_fontsize() / 2):
            return False
    ax._autotitlepos = False
    return True


EMPTY_LABELS_IGNORED = mpl.__version_info__[:2] >= (3, 11)
"""Whether matplotlib leaves an empty axis label out of the layout: 3.11 drops a box of no
size (``Bbox._is_finite``) from an axis' tight box. Older releases are not relied on (some
counted the empty box where the label would go): their labels keep the automatic place."""


def leave_empty_labels(ax: Any) -> int:
    """Tell matplotlib not to place ``ax``'s empty axis labels. Returns how many.

    At every layout pass and drawing, matplotlib moves each axis label clear of the tick
    labels (both axes' ticks updated, every tick label and the spine measured again), even
    when the label is empty, which draws nothing and, in matplotlib 3.11
    (:data:`EMPTY_LABELS_IGNORED`), takes no room in the layout: the progress chart's ten
    unlabelled axes paid for it 30 times. An empty label of a rectilinear axes is marked as
    placed (matplotlib's ``_autolabelpos``, what ``set_label_coords`` sets), where it stays;
    a chart that names an axis keeps the automatic place. The pixels are the same.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> _ = ax.set_ylabel("Hours")
    >>> leave_empty_labels(ax) == (1 if EMPTY_LABELS_IGNORED else 0)  # the x label only
    True
    """
    if not EMPTY_LABELS_IGNORED or ax.name != "rectilinear":
        return 0
    left = 0
    for axis in (ax.xaxis, ax.yaxis):
        if getattr(axis, "_autolabelpos", None) is True and axis.label.get_text() == "":
            axis._autolabelpos = False
            left += 1
    return left


def _y_offset_text(ax: Any) -> str | None:
    """The offset text ("1e6") ``ax`` will draw above its y axis, when it is known before
    drawing (``None`` when not): fixed by the formatter, or worked out as the drawing will
    from fixed ticks and fixed limits (no autoscaling; an aspect kept by changing the
    axes' box, as the 360 chart's equal scales are, leaves the limits as set: only one
    kept by changing the limits, ``adjustable="datalim"``, makes them unknown).

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> _ = ax.set_ylim(0.4, 10.6); _ = ax.set_yticks(range(1, 11))
    >>> _y_offset_text(ax)
    ''
    >>> _ = ax.set_ylim(1_000_000.4, 1_000_010.6); _ = ax.set_yticks(range(1_000_001, 1_000_011))
    >>> _y_offset_text(ax)
    '+1e6'
    >>> ax.set_aspect("equal"); _y_offset_text(ax)  # the box changes, not the limits
    '+1e6'
    >>> ax.set_adjustable("datalim"); _y_offset_text(ax) is None
    True
    """
    formatter = ax.yaxis.get_major_formatter()
    if isinstance(formatter, _STATIC_OFFSET):
        return formatter.get_offset()
    locator = ax.yaxis.get_major_locator()
    if (isinstance(formatter, mticker.ScalarFormatter)
            and isinstance(locator, mticker.FixedLocator)
            and not ax.get_autoscaley_on()
            and (ax.get_aspect() == "auto" or ax.get_adjustable() == "box")):
        formatter.set_locs(list(locator()))  # as the drawing does, with the same ticks
        return formatter.get_offset()
    return None


def new_figure(height: float = 5.0, width: float = A4_WIDTH, *, label: str = "") -> Figure:
    """A plain :class:`~matplotlib.figure.Figure` with constrained layout (no pyplot).

    It draws on an in-memory Agg canvas (no window, no file): measuring text while the
    chart is built (:func:`subtitle`), laying it out and drawing it as PNG then share one
    renderer, whose cache of text sizes makes each label measured once, and which looks
    each font up once (:class:`~career_workbook.charts._canvas.ChartCanvas`).

    >>> fig = new_figure(3, label="demo")
    >>> fig.get_size_inches().tolist(), fig.get_label(), fig.get_layout_engine() is not None
    ([8.0, 3.0], 'demo', True)
    >>> type(fig.canvas).__name__
    'ChartCanvas'
    """
    from career_workbook.charts._canvas import ChartCanvas

    fig = Figure(figsize=(width, max(float(height), 2.0)), layout="constrained")
    ChartCanvas(fig)
    fig.set_label(label)
    return fig


# ----------------------------------------------------------------------------------------
# Safe, wrapped text
# ----------------------------------------------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufe0e\ufe0f"
                      + "".join(sorted(BIDI_CONTROLS)) + "]")
"""Control characters, the emoji/text variation selectors (no font draws them: boxes), and
the bidi embeddings, overrides and isolates (:data:`~career_workbook.wording.BIDI_CONTROLS`,
as a name drops them): one pasted in a goal reversed the rest of its label (U+202E in
"Lead a project" drew "Lead a tcejorp"); a right-to-left text reads right without one."""


def clean_text(value: Any) -> str:
    """User text as a plain one-paragraph ``str``: ``None``/NaN -> ``''``, control chars out.

    >>> clean_text(None), clean_text(float("nan")), clean_text("a\\x00b\\n c")
    ('', '', 'ab\\n c')
    >>> clean_text("Lead a \\u202eproject"), clean_text("\\u2067مريم\\u2069 \\u200fHaddad")
    ('Lead a project', 'مريم \\u200fHaddad')
    """
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return ""
    return _CONTROL.sub("", str(value)).strip()


def escape_mathtext(text: str) -> str:
    r"""Escape ``$`` so that matplotlib never parses user text as mathtext.

    >>> escape_mathtext("Cost $5 to $10")
    'Cost \\$5 to \\$10'
    """
    return text.replace("$", r"\$")


def unescape_mathtext(text: str) -> str:
    r"""The text a user wrote, from a label made by :func:`safe` or :func:`wrap_label`.

    >>> unescape_mathtext(safe("$x^2$"))
    '$x^2$'
    """
    return text.replace(r"\$", "$")


def safe(value: Any) -> str:
    r"""User text made safe for a matplotlib label (cleaned, ``$`` escaped), not wrapped.

    >>> safe("  <b>$x^2$</b> ")
    '<b>\\$x^2\\$</b>'
    """
    return escape_mathtext(clean_text(value))


_UNIT = re.compile(r"\([^()\n]{1,10}\)|\d (?=(?:[^\W\d_]{1,2}|%)(?!\w))")
"""What a line never breaks inside: a short parenthesised unit ("(36 h)", "(step 09)") and
a number with its short unit ("36 h", "10 %")."""
_KEEP = "\u00a0"  # textwrap breaks lines at ASCII whitespace only


def wrap_lines(text: str, width: int, *, max_lines: int | None = None,
               placeholder: str = " …", hyphens: bool = True, room: float | None = None,
               measure: Callable[[str], float] | None = None) -> list[str]:
    """``text`` wrapped to lines of ``width`` characters (``textwrap.wrap``; long words
    broken, after hyphens when ``hyphens``), never inside a short unit: a title ending
    "(36 h)" left "h)" alone on its last line. The one wrapping rule of charts and pages.

    With ``room`` and ``measure`` (a line's width as drawn, in the unit of ``room``), no
    line is wider than ``room``: where one would be (Chinese characters and emoji are
    about twice as wide as Latin letters), all are wrapped to fewer characters.

    >>> wrap_lines("75 hours of learning, most on Management of Personnel (36 h)", 55)
    ['75 hours of learning, most on Management of Personnel', '(36 h)']
    >>> wrap_lines("Walk 5 km a day", 6)
    ['Walk', '5 km a', 'day']
    >>> wide = lambda line: sum(2 if ord(c) > 0x2E80 else 1 for c in line)
    >>> wrap_lines("Lead 数据团队 and ship 新的平台", 20)
    ['Lead 数据团队 and ship', '新的平台']
    >>> wrap_lines("Lead 数据团队 and ship 新的平台", 20, room=14, measure=wide)
    ['Lead 数据团队', 'and ship', '新的平台']

    A word too long for the last line is cut with "…", never replaced by it:

    >>> wrap_lines("Wolfeschlegelsteinhausenbergerdorff Hubert", 24, max_lines=1)
    ['Wolfeschlegelsteinhause…']
    """
    kept = _UNIT.sub(lambda m: m.group().replace(" ", _KEEP), text)
    mark = placeholder.strip()

    def wrapped(chars: int) -> list[str]:
        chars = max(chars, 4)
        options = {"width": chars, "break_long_words": True, "break_on_hyphens": hyphens}
        lines = textwrap.wrap(kept, max_lines=max_lines, placeholder=placeholder, **options)
        if max_lines and lines and lines[-1].strip() == mark:
            # textwrap left the mark alone: the last line's first word did not fit with it
            line = textwrap.wrap(kept, **options)[len(lines) - 1]
            lines[-1] = line[:chars - len(mark)].rstrip() + mark
        return [line.replace(_KEEP, " ") for line in lines]

    lines = wrapped(width)
    while room is not None and measure is not None and lines and width > 4:
        widest = max(measure(line) for line in lines)
        if widest <= room:
            break
        width = min(width - 1, max(4, int(width * room / widest)))
        lines = wrapped(width)
    return lines


def line_with_end(text: str, end: str, width: int, *, hyphens: bool = True,
                  room: float | None = None,
                  measure: Callable[[str], float] | None = None) -> str:
    """``text`` then ``end`` on one line of at most ``width`` characters (and, with
    ``room`` and ``measure``, at most ``room`` wide as drawn, see :func:`wrap_lines`):
    what does not fit is cut from ``text``, never from ``end`` (a date, the id that tells
    two clients of the same name apart).

    >>> line_with_end("Wolfeschlegelsteinhausenbergerdorff Hubert", " · 6 December 2026", 40)
    'Wolfeschlegelsteinhau… · 6 December 2026'
    >>> line_with_end("Ana Díaz", " (ana)", 24)
    'Ana Díaz (ana)'
    """
    whole = text + end
    if len(whole) <= width and (room is None or measure is None or measure(whole) <= room):
        return whole
    if not text.strip():
        return end.strip()
    left = None if room is None or measure is None else room - measure(end)
    head = wrap_lines(text, width - len(end), max_lines=1, hyphens=hyphens, room=left,
                      measure=measure)
    return (head[0] if head else "") + end


_END = re.compile(r"(.*\S)\s+(\([^()]+\))")
"""A label's parenthesised ending: ``"Ana Díaz (ana_diaz_2)"``."""


def _label_end(text: str, width: int) -> tuple[str, str]:
    """``text`` as (head, parenthesised ending); an ending longer than half of ``width``
    keeps its start and its end (where ids that begin alike differ), the rest is the head's.

    >>> _label_end("Priyanka Chandrasekharan (priyanka_chandrasekharan_2)", 30)
    ('Priyanka Chandrasekharan', '(priy…kharan_2)')
    >>> _label_end("Sam Lee", 24)
    ('Sam Lee', '')
    """
    found = _END.fullmatch(text)
    if found is None:
        return text, ""
    head, end = found.groups()
    most = max(width // 2, 6)
    if len(end) > most:
        inner, keep = end[1:-1], most - 3  # "(", "…" and ")"
        front = keep // 3
        end = f"({inner[:front]}…{inner[len(inner) - (keep - front):]})"
    return head, end


def wrap_label(value: Any, width: int = WRAP, *, max_lines: int = 3,
               fallback: str = "(untitled)", hyphens: bool = True,
               keep_end: bool = False) -> str:
    """User text wrapped to ``width`` characters a line, at most ``max_lines`` lines.

    Long words are broken (and lines may break after hyphens when ``hyphens``); text that
    does not fit ends with an ellipsis; short units stay whole (:func:`wrap_lines`). The
    result is safe for matplotlib (see :func:`safe`). With ``keep_end``, a one-line label
    (``max_lines=1``) keeps its parenthesised ending (the id after a name two clients
    share, :func:`~career_workbook.wording.client_labels`): the text before it is cut.

    >>> print(wrap_label("Stakeholder management and negotiation", 20))
    Stakeholder
    management and
    negotiation
    >>> wrap_label("A very long goal text " * 5, 20, max_lines=2).splitlines()[-1]
    'text A very long …'
    >>> wrap_label("Priyanka Chandrasekharan (priyanka_c)", 24, max_lines=1, keep_end=True)
    'Priyanka … (priyanka_c)'
    """
    text = " ".join(clean_text(value).split()) or fallback
    if keep_end and max_lines == 1:
        head, end = _label_end(text, width)
        return escape_mathtext(line_with_end(head, f" {end}" if end else "", width,
                                             hyphens=hyphens))
    return escape_mathtext("\n".join(wrap_lines(text, width, max_lines=max_lines,
                                                 hyphens=hyphens)))


FSI, PDI = "\u2068", "\u2069"
"""Unicode's first-strong isolate and its end: the text between them is laid out as one
run, in its own direction, and the text around it keeps its own (matplotlib 3.11 and
browsers order them; neither draws them)."""
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")
"""A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...)."""


def isolated(text: str) -> str:
    """The person's ``text``, put into a sentence the program writes, as one run: with a
    right-to-left letter in it, between :data:`FSI` and :data:`PDI`, so that what follows
    ("(3 clients)") stays after it and is not read into the right-to-left text ("Gap:
    ניהול (3+)" showed "(+3)" before the Hebrew). Other text is left as it is.

    >>> isolated("SQL"), isolated("ניהול") == FSI + "ניהול" + PDI
    ('SQL', True)
    """
    return f"{FSI}{text}{PDI}" if _RTL.search(text) else text


def isolated_lines(lines: Sequence[str]) -> list[str]:
    """Wrapped ``lines`` of a text with isolates (:func:`isolated`), each line closing
    the isolates it leaves open and opening again those the line before left open: a
    drawn line is ordered on its own, so a run cut by a line break stays one run on each.

    >>> isolated_lines(["Gap: " + FSI + "ניהול", "פרויקטים" + PDI + " (3+)"]) == [
    ...     "Gap: " + FSI + "ניהול" + PDI, FSI + "פרויקטים" + PDI + " (3+)"]
    True
    """
    out, still_open = [], 0
    for line in lines:
        depth = still_open
        for char in line:
            if char == FSI:
                depth += 1
            elif char == PDI and depth:
                depth -= 1
        out.append(FSI * still_open + line + PDI * depth)
        still_open = depth
    return out


def drawn_as_read(text: str) -> str:
    """A drawn text's lines as one line, as the reader reads it: whitespace runs made one
    space, and a run cut at a line break by :func:`isolated_lines` made one run again.

    >>> lines = isolated_lines(["Gap: " + FSI + "ניהול", "פרויקטים" + PDI + " (3+)"])
    >>> drawn_as_read(chr(10).join(lines)) == "Gap: " + FSI + "ניהול פרויקטים" + PDI + " (3+)"
    True
    """
    mended = re.sub(f"({PDI}+)[ \t]*\n[ \t]*({FSI}+)",
                    lambda m: " " if len(m[1]) == len(m[2]) else m[0], text)
    return " ".join(mended.split())


def short(value: Any, width: int = 40) -> str:
    """User text on one line, shortened to ``width`` characters, safe for matplotlib;
    a right-to-left text is one run in the sentence it is put into (:func:`isolated`).

    >>> short("Lead the migration of the billing platform to the cloud", 30)
    'Lead the migration of the …'
    """
    text = " ".join(clean_text(value).split())
    if len(text) > width:
        text = wrap_lines(text, width, max_lines=1, hyphens=False)[0]
    return escape_mathtext(isolated(text))


def shorts(values: Sequence[Any], width: int = 40) -> list[str]:
    """Each of ``values`` as :func:`short` writes it, where two are cut alike (a long
    shared beginning) told apart by their ends: the reader can tell which is which.

    >>> shorts(["Stakeholder management and negotiation 3",
    ...         "Stakeholder management and negotiation 12", "SQL"], 24)
    ['Stakeholder man…iation 3', 'Stakeholder man…ation 12', 'SQL']
    >>> shorts(["Lead the migration of the billing platform to the cloud"], 30)
    ['Lead the migration of the …']
    """
    out = [short(v, width) for v in values]
    seen = Counter(out)
    for i, value in enumerate(values):
        text = " ".join(clean_text(value).split())
        if seen[out[i]] > 1 and len(text) > width:
            tail = text[-max(width // 3, 1):]
            head = text[:width - len(tail) - 1].rstrip()
            out[i] = escape_mathtext(isolated(head + "…" + tail))
    return out


def number(x: float, digits: int = 1) -> str:
    """A number without a useless ``.0``.

    >>> number(12.0), number(7.25), number(7.25, 2)
    ('12', '7.2', '7.25')
    """
    rounded = round(float(x), digits)
    return f"{rounded:.0f}" if float(rounded).is_integer() else f"{rounded:.{digits}f}"


# ----------------------------------------------------------------------------------------
# Dates and frames
# ----------------------------------------------------------------------------------------
def as_timestamp(value: Any) -> pd.Timestamp | None:
    """``today`` and frame cells as a ``Timestamp`` (midnight), ``None`` when missing.

    >>> as_timestamp(date(2026, 3, 1)), as_timestamp(None), as_timestamp(pd.NaT)
    (Timestamp('2026-03-01 00:00:00'), None, None)
    """
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, str | date | datetime | np.datetime64 | pd.Timestamp):
        ts = pd.Timestamp(value)
        return None if pd.isna(ts) else ts.normalize()
    raise TypeError(f"today = {value!r}: expected a date, a datetime or an ISO date string")


def month_name(ts: pd.Timestamp, reference: pd.Timestamp | None = None) -> str:
    """``'March'``, or ``'March 2025'`` when ``reference`` is in another year.

    >>> month_name(pd.Timestamp("2025-03-02"), pd.Timestamp("2026-01-01"))
    'March 2025'
    """
    if reference is not None and reference.year != ts.year:
        return f"{MONTH_NAMES[ts.month]} {ts.year}"
    return MONTH_NAMES[ts.month]


def since_name(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """How "since ..." names ``first`` in a headline about ``last``: its month (and year,
    when the years differ), or its day (:func:`~career_workbook.wording.short_date`) when
    both are in the same month ("up 5 points since March" said nothing when March was this
    month).

    >>> since_name(pd.Timestamp("2026-03-02"), pd.Timestamp("2026-11-20"))
    'March'
    >>> since_name(pd.Timestamp("2026-11-02"), pd.Timestamp("2026-11-20"))
    '2 Nov 2026'
    """
    if (first.year, first.month) == (last.year, last.month):
        return short_date(first.date())
    return month_name(first, last)


def day_name(ts: pd.Timestamp) -> str:
    """``'2 Mar 2026'``.

    >>> day_name(pd.Timestamp("2026-03-02"))
    '2 Mar 2026'
    """
    return short_date(ts.date())


def is_empty(frame: Any) -> bool:
    """True for ``None`` and for frames or series without rows."""
    return frame is None or len(frame) == 0


def require(frame: pd.DataFrame, columns: Sequence[str], func: str, source: str) -> None:
    """Raise a clear ``ValueError`` when ``frame`` lacks a column a chart needs.

    >>> require(pd.DataFrame({"a": [1]}), ["a", "b"], "plot_x", "x_frame")
    Traceback (most recent call last):
    ...
    ValueError: plot_x: the frame has no column 'b' (columns: 'a'); pass the output of x_frame
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{func}: expected a pandas DataFrame from {source}, "
                        f"got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        have = ", ".join(repr(c) for c in frame.columns)
        raise ValueError(f"{func}: the frame has no column {missing[0]!r} (columns: {have}); "
                         f"pass the output of {source}")


def numeric(series: pd.Series) -> pd.Series:
    """A column as float, anything unparseable as NaN."""
    return pd.to_numeric(series, errors="coerce").astype(float)


def dates(series: pd.Series) -> pd.Series:
    """A column as ``datetime64[ns]``, anything unparseable as NaT."""
    return pd.to_datetime(series, errors="coerce").astype("datetime64[ns]")


# ----------------------------------------------------------------------------------------
# Figures
# ----------------------------------------------------------------------------------------
def placeholder_figure(message: str, *, title: str | None = None, label: str = "",
                       height: float = 2.6, note: str = "") -> Figure:
    """A clean figure with ``message`` centred: what a chart shows when there is no data
    (and ``note``, if any, on lines of its own below it).

    Its single axes is labelled ``'placeholder'`` (see :func:`is_placeholder`).

    >>> fig = placeholder_figure("No check-ins yet — record one at step 09")
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['No check-ins yet — record one at step 09']
    >>> is_placeholder(fig)
    True
    """
    with house_style():
        fig = new_figure(height, label=label)
        ax = fig.add_subplot()
        ax.set_label(PLACEHOLDER_LABEL)
        ax.set_axis_off()
        text = wrap_label(message, 64, max_lines=4, fallback="No data yet", hyphens=False)
        if note:
            text += "\n" + wrap_label(note, 64, max_lines=2, hyphens=False)
        ax.text(0.5, 0.5, text,
                transform=ax.transAxes, ha="center", va="center", color="#555555",
                fontsize=12.5, linespacing=1.5)
        if title:
            fig.suptitle(wrap_label(title, 70, max_lines=2), x=0.02, ha="left",
                         color="#555555")
    return fig


def is_placeholder(fig: Figure) -> bool:
    """True when ``fig`` is a :func:`placeholder_figure` (nothing to plot yet).

    >>> is_placeholder(new_figure())
    False
    """
    return any(ax.get_label() == PLACEHOLDER_LABEL for ax in fig.axes)


def placeholder_message(fig: Figure) -> str:
    """What a :func:`placeholder_figure` says, on one line (``''``: not a placeholder).

    >>> placeholder_message(placeholder_figure("No contacts yet — add them at step 07"))
    'No contacts yet — add them at step 07'
    >>> placeholder_message(new_figure())
    ''
    """
    texts = [t.get_text() for ax in fig.axes if ax.get_label() == PLACEHOLDER_LABEL
             for t in ax.texts]
    return " ".join(unescape_mathtext(" ".join(texts)).split())


def headline(fig: Figure, text: str, title: str | None = None) -> None:
    """The figure's headline (its takeaway), left-aligned; ``title`` overrides it.

    Wrapped to 62 characters a line, fewer where they would not fit the figure's width as
    drawn (a goal in Chinese in "Next deadline in 7 months: ..." ran off the chart).
    """
    chosen = text if title is None else safe(title)
    suptitle = fig.suptitle(" ", x=0.02, ha="left")  # for its font; the text is set below
    renderer = fig._get_renderer()  # measuring only, as subtitle() does
    prop = suptitle.get_fontproperties()
    suptitle.set_text(_wrap_escaped(
        chosen, 62, room=fig.bbox.width * 0.96,
        measure=lambda line: _text_metrics(renderer, line, prop, fig.dpi)[0]))


def _wrap_measured(text: str, room: float, width: Callable[[str], float]) -> list[str]:
    """``text`` in lines that each fit ``room`` as ``width`` measures them (a line of one
    word longer than that stays whole); a line break in ``text`` starts a new line (a
    second point, kept apart from the first).

    Greedy: each line takes as many words as fit (:func:`_words_that_fit`).

    >>> _wrap_measured("one two three\\nfour", 7, len)
    ['one two', 'three', 'four']
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = " ".join(paragraph.split()).split(" ")
        start = 0
        while start < len(words):
            fits = _words_that_fit(words, start, room, width)
            lines.append(" ".join(words[start:fits]))
            start = fits
    return lines


def _words_that_fit(words: Sequence[str], start: int, room: float,
                    width: Callable[[str], float]) -> int:
    """Where the line of ``words`` from ``start`` ends (at least one word): its end is
    guessed from the width of the rest and checked with its neighbour (bisection only when
    the guess is off by more than a word): two or three measurements a line."""
    rest = width(" ".join(words[start:]))
    if rest <= room:
        return len(words)
    fits, too_long = start + 1, len(words)  # one word always "fits"
    chars_left = len(" ".join(words[start:]))
    share = max(room, 0.0) / rest * chars_left if rest > 0 else 0.0  # characters that fit
    guess, chars = start, -1
    while guess < len(words) and chars + 1 + len(words[guess]) <= share:
        chars += 1 + len(words[guess])
        guess += 1
    guess = min(max(guess, fits), too_long - 1)
    if guess > fits:
        if width(" ".join(words[start:guess])) <= room:
            fits = guess
        else:
            too_long = guess
    probe = fits + 1 if fits == guess else too_long - 1  # the guess's neighbour
    if fits < probe < too_long:
        if width(" ".join(words[start:probe])) <= room:
            fits = probe
        else:
            too_long = probe
    while too_long - fits > 1:
        mid = (fits + too_long) // 2
        if width(" ".join(words[start:mid])) <= room:
            fits = mid
        else:
            too_long = mid
    return fits


def subtitle(ax: Any, text: str) -> None:
    """The metric shown, under the headline (as the axes title), wrapped to the width it has.

    A left-aligned axes title starts at the axes' left edge, after the y tick labels: the
    lines are measured against what is left of the figure's width, so that a long subtitle
    never runs off the right edge ("…8 not rated ye"). Call it after the y ticks are set.
    A line break in ``text`` starts a new line.
    """
    title = ax.set_title(" ", loc="left")  # for its font; the text is set below
    fig = ax.get_figure()
    renderer = fig._get_renderer()  # measuring only (matplotlib's own tight_layout does so)
    ticks = ax.yaxis.get_tightbbox(renderer)
    room = fig.bbox.width * 0.96 - (ticks.width if ticks is not None else 0.0) - 12.0
    prop = title.get_fontproperties()

    def width(line: str) -> float:
        # matplotlib's own per-renderer measurement: the lines chosen are not measured
        # (shaped) again when the figure is laid out and drawn on this renderer
        return _text_metrics(renderer, line, prop, fig.dpi)[0]

    lines = isolated_lines(_wrap_measured(text, room, width))
    title.set_text("\n".join(lines) or " ")
    if ax.get_aspect() != "auto" and lines:
        # a fixed-aspect axes (the 360 chart's square) is shrunk and centred in its
        # place: its left edge, where the subtitle starts, is further right than the
        # tick labels; lay the figure out, and wrap again to what is left of the width
        # where the square starts (more lines make the square smaller: again, at most
        # twice more)
        engine = fig.get_layout_engine()
        for _ in range(3):
            if engine is not None:
                engine.execute(fig)
            ax.apply_aspect()
            left = ax.get_position().x0 * fig.bbox.width
            fits = fig.bbox.width * 0.97 - left
            if max(width(line) for line in lines) <= fits:
                if engine is not None:
                    laid_out(fig)  # the chart's last step (360): a PNG now needs no new layout
                break
            lines = isolated_lines(_wrap_measured(text, min(room, fits), width))
            title.set_text("\n".join(lines) or " ")


def laid_out(fig: Figure) -> None:
    """Say that ``fig``'s layout engine has just laid it out at its dpi: until anything in
    the figure changes (any artist set stale, matplotlib's own "needs drawing again"),
    :func:`is_laid_out` says so, and an export at that dpi
    (:func:`~career_workbook.export.files.frozen_layout`) draws it as it is instead of laying
    it out again (the 360 chart's subtitle lays it out to see where its square starts).

    >>> fig = new_figure(3)
    >>> ax = fig.add_subplot()
    >>> _ = fig.get_layout_engine().execute(fig)
    >>> laid_out(fig)
    >>> is_laid_out(fig, fig.dpi), is_laid_out(fig, 200)
    (True, False)
    >>> _ = ax.set_xlabel("Level")  # a change: laid out again when exported
    >>> is_laid_out(fig, fig.dpi)
    False
    """
    then = fig.stale_callback

    def changed(artist: Any, stale: bool) -> None:
        fig.__dict__.pop("_cw_laid_out_at", None)
        fig.stale_callback = then
        if then is not None:
            then(artist, stale)

    fig._cw_laid_out_at = fig.dpi
    fig.stale_callback = changed


def is_laid_out(fig: Figure, dpi: float) -> bool:
    """Whether ``fig`` is laid out at ``dpi`` and unchanged since (:func:`laid_out`)."""
    return getattr(fig, "_cw_laid_out_at", None) == dpi == fig.dpi


def _text_metrics(renderer: Any, text: str, prop: Any, dpi: float) -> tuple:
    """Width, height and descent of plain ``text``, measured as a ``Text`` measures its
    lines (matplotlib's cache per renderer: one figure, one drawing)."""
    from matplotlib import text as mtext

    cached = getattr(mtext, "_get_text_metrics_with_cache", None)
    if cached is None:  # pragma: no cover - every supported matplotlib has it
        return renderer.get_text_width_height_descent(text, prop, ismath=False)
    return cached(renderer, text, prop, ismath=False, dpi=dpi)


def _wrap_escaped(text: str, width: int, **fit: Any) -> str:
    # Headlines are built from already-escaped pieces: wrap them without escaping again,
    # at spaces only (their lines joined again read as written: "pull-request", never
    # "pull- request"); ``fit``: the room and measure of wrap_lines
    return "\n".join(isolated_lines(wrap_lines(text, width, hyphens=False, **fit))) or " "


class _SteadyDateLocator(mdates.AutoDateLocator):
    """An ``AutoDateLocator`` that keeps its ticks for the view interval it last saw.

    matplotlib asks for the ticks of every axis several times per drawing (measuring a
    subtitle, twice in the layout pass, the drawing itself); each time the plain locator
    walks a date rule over the whole range again. The ticks depend only on the view
    interval, so they are the same.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> ax.plot(pd.to_datetime(["2026-01-05", "2026-07-01"]), [1, 2])[0] is not None
    True
    >>> date_axis(ax.xaxis)
    >>> locator = ax.xaxis.get_major_locator()
    >>> first = locator()
    >>> locator() is not first and list(locator()) == list(first)
    True
    """

    _memo: tuple[tuple[float, float], np.ndarray] | None = None

    def get_locator(self, dmin: datetime, dmax: datetime) -> Any:
        """As ``AutoDateLocator``'s, but never finer than a day: the charts plot dates, so
        data a day or two apart (rated yesterday and today) is ticked at midnight, never
        "06:00 / 12:00 / 18:00"."""
        if abs(dmax - dmin) < timedelta(days=2):
            locator = mdates.DayLocator(tz=self.tz)
            locator.set_axis(self.axis)
            return locator
        return super().get_locator(dmin, dmax)

    def __call__(self) -> np.ndarray:
        key = tuple(map(float, self.axis.get_view_interval())) if self.axis else None
        if key is None or self._memo is None or self._memo[0] != key:
            self._memo = (key, np.asarray(super().__call__()))
        return self._memo[1].copy()


class _DateTicks(mticker.Formatter):
    """Date tick labels that say their month, and their year where it changes.

    Ticks on 1 January are years (``2026 | 2027``); on the 1st of a month, months
    (``Sep | Nov | Jan 2027``); else days (``15 Dec | Jan 2027 | 15 Jan``: a 1st is its
    month). The year goes on the first tick of each new year, or on the first tick shown
    when none is; nothing is written under the axis. (matplotlib's concise labels read
    ``15 | Jan | 15`` with ``2027-Jan`` under the axis: the first 15 was in December.)

    >>> days = pd.to_datetime(["2026-12-15", "2027-01-01", "2027-01-15"])
    >>> _DateTicks().format_ticks(mdates.date2num(days))
    ['15 Dec', 'Jan 2027', '15 Jan']
    >>> months = pd.to_datetime(["2026-02-01", "2026-04-01", "2026-06-01"])
    >>> _DateTicks().format_ticks(mdates.date2num(months))
    ['Feb 2026', 'Apr', 'Jun']

    The labels depend only on the ticks and the view interval, and matplotlib asks for
    them at every measure and draw of the axis (93 times for notebook 09's two charts), so
    the last ones are kept, as :class:`_SteadyDateLocator` keeps its ticks.
    """

    _memo: tuple[tuple[float, ...], list[str]] | None = None

    def __call__(self, x: float, pos: int | None = None) -> str:
        return day_name(pd.Timestamp(mdates.num2date(x)))

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        view = tuple(map(float, self.axis.get_view_interval())) if self.axis else ()
        key = (*view, len(values), *map(float, values))
        if self._memo is None or self._memo[0] != key:
            self._memo = (key, self._labels(values))
        return list(self._memo[1])

    def _labels(self, values: Sequence[float]) -> list[str]:
        days = [mdates.num2date(v) for v in values]
        many = len(days) > 1
        if many and all((d.month, d.day) == (1, 1) for d in days):
            return [str(d.year) for d in days]
        months = many and all(d.day == 1 for d in days)
        labels = [MONTH_ABBRS[d.month] if months or d.day == 1 else
                  f"{d.day} {MONTH_ABBRS[d.month]}" for d in days]
        # the locator's ticks run past the view: the year must be on a tick that is shown
        lo, hi = sorted(self.axis.get_view_interval()) if self.axis else (-np.inf, np.inf)
        shown = [i for i, v in enumerate(values) if lo - 1e-9 <= v <= hi + 1e-9]
        years = [i for i in range(1, len(days)) if days[i].year != days[i - 1].year]
        if shown and not set(years) & set(shown):
            years.append(shown[0])
        for i in years:
            labels[i] += f" {days[i].year}"
        return labels


def date_axis(axis: Any, maxticks: int = 6) -> None:
    """Date ticks on an x or y axis that name the month and year (see :class:`_DateTicks`).

    At least 5 ticks are allowed: with fewer, ranges of 19-23 months fit no interval.
    """
    axis.set_major_locator(_SteadyDateLocator(minticks=2, maxticks=max(maxticks, 5)))
    axis.set_major_formatter(_DateTicks())


def one_day_axis(ax: Any, day: Any, pad_days: int = 30) -> None:
    """An x axis for data on a single day: that day centred, one tick naming it.

    Date ticks on a two-month window would name days around it; one point needs one label.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> one_day_axis(ax, pd.Timestamp("2026-12-03"))
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['3 Dec 2026']
    """
    day = pd.Timestamp(day)
    pad = pd.Timedelta(days=pad_days)
    ax.set_xlim(day - pad, day + pad)
    ax.set_xticks([day], [day_name(day)])


def row_height(labels: Sequence[str]) -> float:
    """Inches a row of a bar chart needs for its (wrapped) tick labels."""
    lines = max((lbl.count("\n") + 1 for lbl in labels), default=1)
    return 0.16 + 0.18 * lines


def polar_labels(ax: Any, angles: np.ndarray, labels: Sequence[str], radius: float,
                 **kwargs: Any) -> list[Any]:
    """Place labels around a polar axes (clockwise from the top), aligned away from it."""
    texts = []
    for angle, label in zip(angles, labels, strict=True):
        screen = np.pi / 2 - angle  # theta offset pi/2, clockwise
        x, y = np.cos(screen), np.sin(screen)
        ha = "left" if x > 0.2 else "right" if x < -0.2 else "center"
        va = "bottom" if y > 0.2 else "top" if y < -0.2 else "center"
        texts.append(ax.text(angle, radius, label, ha=ha, va=va, clip_on=False,
                             linespacing=1.15, **kwargs))
    return texts


def polar_spokes(ax: Any, angles: np.ndarray) -> Any:
    """One light spoke per angle, from the centre to the rim, drawn as one collection.

    They look like the polar axes' own theta grid lines (same colour, width, style and
    place under the data), without a tick object per spoke: matplotlib builds five
    artists for each tick and measures and draws each of them on every pass, which cost
    the skill radar about a sixth of its time. The theta ticks are left empty.
    """
    from matplotlib.collections import LineCollection

    rmin, rmax = ax.get_ylim()
    spokes = LineCollection([[(a, rmin), (a, rmax)] for a in np.asarray(angles, float)],
                            colors=mpl.rcParams["grid.color"],
                            linewidths=mpl.rcParams["grid.linewidth"],
                            linestyles=mpl.rcParams["grid.linestyle"],
                            alpha=mpl.rcParams["grid.alpha"], zorder=0.5, label="_spokes")
    ax.set_xticks([])
    ax.add_collection(spokes, autolim=False)
    return spokes


def setup_polar(ax: Any, rmax: float, rticks: Sequence[float], n: int) -> None:
    """Clockwise polar axes starting at the top, radius 0..``rmax``, ``n`` spokes.

    The radius labels sit between the first two spokes.
    """
    ax.set_theta_offset(np.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, rmax)
    ax.set_yticks(list(rticks))
    ax.set_yticklabels([number(t) for t in rticks], color="#777777", fontsize=8.5)
    ax.set_rlabel_position(180 / max(n, 1))
    # no theta ticks (:func:`polar_spokes` draws the spokes): emptying their labels instead
    # made a tick object (five artists) for each of the 8 default angles, never drawn
    ax.set_xticks([])
    ax.spines["polar"].set_color("#BBBBBB")
