"""The review PDF: A4 portrait pages drawn with matplotlib (no other PDF library).

Page 1 is the cover, then one page per chart with something to show (the chart's own
figure, drawn as vectors and centred on an A4 page under its takeaway), then "Still to
come" (the charts and sections with nothing yet, each with what to do), then the
achievements, what colleagues said, the goals with their SMART scores, then the next
actions: the sections of :func:`~.content.sections`. User text is
never parsed as mathtext (``parse_math=False``), is cleaned of control characters and is
wrapped and shortened to fit its page.

Examples
--------
>>> import io
>>> from datetime import date
>>> from career_workbook.export.content import PackContent
>>> content = PackContent("Sam Lee", date(2026, 1, 1), "Analyst", None, "", "", "", (), (),
...                       (), ())
>>> pages = [cover_page(content), goals_page(content), actions_page(content)]
>>> [p.get_size_inches().round(2).tolist() for p in pages][0]
[8.27, 11.69]
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from matplotlib.transforms import Bbox, IdentityTransform

from career_workbook.analysis.smart import verdict_legend, verdict_mark
from career_workbook.charts import clean_text, house_style, line_with_end, wrap_lines
from career_workbook.export.content import (
    ACHIEVEMENTS_TITLE,
    ACTIONS_TITLE,
    COMMENTS_TITLE,
    CRITERIA_LABELS,
    GOALS_TITLE,
    TO_COME_INTRO,
    TO_COME_TITLE,
    PackContent,
    actions_left_out,
    cover_facts,
    section_number,
    sections,
)
from career_workbook.export.files import export_rc, pdf_metadata
from career_workbook.htmltext import right_to_left
from career_workbook.wording import plural, short_date

__all__ = ["A4", "achievements_page", "actions_page", "add_chart_page", "add_page", "comments_page",
           "cover_page", "goals_page", "page_count", "page_label", "to_come_page", "write_pdf",
           "ACCENT", "GREY", "MARGIN", "fit"]

A4 = (8.27, 11.69)
"""A4 portrait, in inches."""
MARGIN = 0.7
TEXT_W = A4[0] - 2 * MARGIN
"""Inches between the page's margins."""
INK, GREY, LIGHT, ACCENT = "#222222", "#666666", "#DDDDDD", "#0072B2"
GOOD, BAD = "#009E73", "#D55E00"
VERDICT_COLOURS = {"met": GOOD, "partly": "#8A5A00", "not met": BAD, "open": GREY}
"""A SMART criterion's verdict -> the colour of its mark on the goals page."""
MAX_CHARS = 600
"""User text longer than this is cut before wrapping (a page only holds a few lines)."""


def fit(value: Any, width: int, max_lines: int = 1, *, room: float | None = None,
        size: float = 9.5, weight: str = "normal", end: str = "") -> str:
    """User text wrapped to ``width`` characters a line, at most ``max_lines`` lines; with
    ``room`` (inches), no line is wider than that as drawn at ``size`` points and
    ``weight`` (:func:`drawn_width`; :func:`~career_workbook.charts.wrap_lines`): a line
    of wide characters (Chinese, emoji) makes every line shorter, so none runs past the
    page's margin. ``end`` (one line only) follows the text and is never cut: what does
    not fit is cut from the user text (:func:`~career_workbook.charts.line_with_end`).

    >>> fit("Lead the migration of the billing platform to the cloud", 20, 2)
    'Lead the migration\\nof the billing …'
    >>> fit(None, 10)
    ''
    >>> fit("Wolfeschlegelsteinhausenbergerdorff " * 6, 40, end=" · review of 6 December 2026")
    'Wolfeschleg… · review of 6 December 2026'
    >>> with house_style():
    ...     lines = fit("成为工程经理并带领一个新的数据团队完成迁移", 30, 2, room=2, size=10)
    ...     [(len(line) < 30, drawn_width(line, 10) <= 2) for line in lines.splitlines()]
    [(True, True), (True, True)]
    """
    text = " ".join(clean_text(value)[:MAX_CHARS].split())

    def measure(line: str) -> float:
        return drawn_width(line, size, weight)

    if end:
        if max_lines != 1:
            raise ValueError(f"fit: end= is for one line, not max_lines={max_lines}")
        return line_with_end(text, end, width, room=room, measure=measure)
    if not text:
        return ""
    return "\n".join(wrap_lines(text, width, max_lines=max_lines, room=room, measure=measure))


def drawn_width(text: str, size: float, weight: str = "normal") -> float:
    """The width in inches of one line of ``text`` drawn at ``size`` points and ``weight``
    in the fonts in force (the house style's: its font, then the fallbacks for other
    scripts and emoji), measured as the PDF's renderer measures it (unhinted, at 72 dpi;
    once per process, for the wrapping and the drawing:
    :func:`~career_workbook.export.pdf_replay.text_size`).

    >>> with house_style():
    ...     wide, narrow = drawn_width("项目管理", 10), drawn_width("abcd", 10)
    >>> wide > 1.5 * narrow
    True
    """
    from matplotlib.font_manager import FontProperties

    from career_workbook.export.pdf_replay import text_size

    return text_size(text, FontProperties(size=size, weight=weight))[0] / 72


def _page() -> Figure:
    fig = Figure(figsize=A4, layout="none")  # placed by hand: no layout pass when saved
    fig.patch.set_facecolor("white")
    return fig


def _y(fig: Figure, inches_from_top: float) -> float:
    return 1 - inches_from_top / fig.get_size_inches()[1]


def _x(fig: Figure, inches: float) -> float:
    return inches / fig.get_size_inches()[0]


def _text(fig: Figure, x_in: float, top_in: float, text: str, **kw: Any) -> Any:
    """Text at (x, y) in inches from the left / top edge; never parsed as mathtext."""
    kw.setdefault("va", "top")
    kw.setdefault("color", INK)
    return fig.text(_x(fig, x_in), _y(fig, top_in), text, parse_math=False, **kw)


def _heading(fig: Figure, title: str, note: str, **note_kw: Any) -> None:
    """A text page's title and the grey line under it that says how to read the page."""
    _text(fig, MARGIN, 0.8, title, fontsize=18, weight="bold")
    _text(fig, MARGIN, 1.2, note, fontsize=9, color=GREY, **note_kw)


def page_count(content: PackContent) -> int:
    """Pages of the review PDF: the cover and one page a section (:func:`sections`)."""
    return len(sections(content)) + 1


def page_label(page: int, content: PackContent) -> str:
    """The footer's page number: ``'page 3 of 16'``."""
    return f"page {page} of {page_count(content)}"


def _footer_texts(content: PackContent, page: int,
                  page_w: float) -> list[tuple[float, float, str, dict]]:
    """Every page's footer, at its foot: who and when on the left, ``page N of M`` on the
    right ((x, y in inches from the page's lower left corner, text, text properties)).

    A right-to-left name is a text of its own, the words after it another: in one text, it
    took the words and the date along ("review of 22 Nov 2026 · (2026) מרים כהן"), and
    Unicode's isolates (U+2068, U+2069), which matplotlib's text layout honours, shift the
    glyphs after them in its PDF output (each drawn with the advance of a space).
    """
    footer = {"fontsize": 8, "color": GREY, "va": "bottom"}
    end = f" · review of {short_date(content.today)}"
    who = fit(content.name, 90, end=end, room=page_w - 2 * MARGIN - 1.0, size=8)
    name = who.removesuffix(end)
    if right_to_left(name):  # the name a text of its own, the words after it another
        whose = [(MARGIN, 0.45, name, {**footer, "ha": "left"}),
                 (MARGIN + drawn_width(name, 8), 0.45, end, {**footer, "ha": "left"})]
    else:
        whose = [(MARGIN, 0.45, who, {**footer, "ha": "left"})]
    return [*whose,
            (page_w - MARGIN, 0.45, page_label(page, content), {**footer, "ha": "right"})]


def _footer(fig: Figure, content: PackContent, page: int) -> None:
    w, h = fig.get_size_inches()
    for x, y, text, kw in _footer_texts(content, page, w):
        fig.text(x / w, y / h, text, parse_math=False, **kw)


def cover_page(content: PackContent) -> Figure:
    """Page 1: who, target role, coach, date, headline numbers, what follows."""
    with house_style():
        fig = _page()
        w = A4[0]
        _text(fig, MARGIN, 0.9, "CAREER REVIEW", fontsize=11, color=ACCENT, weight="bold")
        name = fit(content.name, 28, 2, room=TEXT_W, size=28, weight="bold")
        _text(fig, MARGIN, 1.25, name, fontsize=28, weight="bold", linespacing=1.1)
        top = 1.25 + 0.5 * (name.count("\n") + 1) + 0.3
        for label, value in cover_facts(content):
            _text(fig, MARGIN, top, label, fontsize=10, color=GREY)
            _text(fig, MARGIN + 1.7, top, fit(value, 60, room=TEXT_W - 1.7, size=11),
                  fontsize=11)
            top += 0.3
        top += 0.35
        box_w, box_h, gap = (w - 2 * MARGIN - 2 * 0.2) / 3, 1.25, 0.2
        for i, head in enumerate(content.headlines):
            col, row = i % 3, i // 3
            x0 = MARGIN + col * (box_w + gap)  # its texts 0.15 in from its left side
            y0 = top + row * (box_h + gap)
            fig.add_artist(FancyBboxPatch(
                (_x(fig, x0), _y(fig, y0 + box_h)), _x(fig, box_w), box_h / A4[1],
                boxstyle="round,pad=0,rounding_size=0.01", transform=fig.transFigure,
                facecolor="#F4F8FB", edgecolor=LIGHT, linewidth=0.8))
            _text(fig, x0 + 0.15, y0 + 0.15, head.label, fontsize=9, color=GREY)
            size = 22 if len(head.value) <= 8 else 18 if len(head.value) <= 12 else 12
            _text(fig, x0 + 0.15, y0 + 0.42,
                  fit(head.value, 18, 2, room=box_w - 0.22, size=size, weight="bold"),
                  fontsize=size, weight="bold", color=ACCENT, linespacing=1.05)
            # two lines, from the card's foot up: one cut "of the Senior Data Scientist …"
            _text(fig, x0 + 0.15, y0 + box_h - 0.12,
                  fit(head.detail, 34, 2, room=box_w - 0.22, size=8), fontsize=8,
                  color=GREY, va="bottom", linespacing=1.15)
        top += 2 * (box_h + gap) + 0.3
        _text(fig, MARGIN, top, "In this pack", fontsize=12, weight="bold")
        top += 0.35
        listed = sections(content)
        # one column while it fits above the confidentiality line, else two
        columns = 1 if top + 0.24 * len(listed) <= A4[1] - 1.0 else 2
        per_column = -(-len(listed) // columns)
        col_w = (w - 2 * MARGIN) / columns
        for i, (number, title) in enumerate(listed):
            x = MARGIN + (i // per_column) * col_w
            y = top + (i % per_column) * 0.24
            _text(fig, x, y, f"{number}", fontsize=9.5, color=GREY)
            _text(fig, x + 0.35, y, fit(title, 80 // columns - 4, room=col_w - 0.45),
                  fontsize=9.5)
        _footer(fig, content, 1)
        _text(fig, MARGIN, A4[1] - 0.75, "Prepared with Career Workbook. Confidential: for "
              "the person named above and their coach.", fontsize=8, color=GREY)
    return fig


def to_come_page(content: PackContent) -> Figure:
    """The charts with nothing to show yet (:attr:`PackContent.to_come`), on one page: each
    chart's title and what its placeholder says to do, in which step."""
    with house_style():
        fig = _page()
        h = A4[1]
        intro = fit(TO_COME_INTRO, 100, 2, room=TEXT_W, size=9)
        _heading(fig, TO_COME_TITLE, intro, linespacing=1.3)
        top = 1.45 + 0.17 * (intro.count("\n") + 1)
        bottom = h - 1.0
        for i, entry in enumerate(content.to_come):
            said = fit(entry.placeholder, 90, 3, room=TEXT_W)
            row_h = 0.22 + 0.18 * (said.count("\n") + 1) + 0.14
            if top + row_h > bottom:  # 13 charts and 2 sections fit; more say how many are left
                left = len(content.to_come) - i
                _text(fig, MARGIN, top, f"… and {left} more (all in review.html)",
                      fontsize=9.5, color=GREY)
                break
            fig.add_artist(_rule(fig, top))
            _text(fig, MARGIN, top + 0.12,
                  fit(entry.title, 70, room=TEXT_W, size=11, weight="bold"), fontsize=11,
                  weight="bold")
            _text(fig, MARGIN, top + 0.35, said, fontsize=9.5, color=GREY, linespacing=1.3)
            top += row_h
        _footer(fig, content, section_number(content, TO_COME_TITLE))
    return fig


def goals_page(content: PackContent) -> Figure:
    """The goals: wrapped text, status, SMART score and the five criteria marked as in
    notebook 04 (:func:`~career_workbook.analysis.smart.verdict_mark`: ✓ met, ◐ partly,
    ✗ not yet, ? not judged)."""
    with house_style():
        fig = _page()
        w, h = A4
        _heading(fig, GOALS_TITLE, f"{verdict_legend()} — "
                 f"{', '.join(CRITERIA_LABELS.values())}")
        cols = [w - MARGIN - 0.42 * (4 - i) - 0.15 for i in range(5)]
        score_x, status_x = cols[0] - 0.4, cols[0] - 1.45
        top = 1.65
        _text(fig, MARGIN, top, "Goal", fontsize=9, color=GREY, weight="bold")
        _text(fig, status_x, top, "Status", fontsize=9, color=GREY, weight="bold")
        _text(fig, score_x, top, "Score", fontsize=9, color=GREY, weight="bold", ha="right")
        for x, name in zip(cols, CRITERIA_LABELS, strict=True):
            _text(fig, x, top, CRITERIA_LABELS[name][0], fontsize=9, color=GREY,
                  weight="bold", ha="center")
        top += 0.3
        if not content.goals:
            _text(fig, MARGIN, top + 0.1, "No goals yet — notebook 04 helps write SMART goals.",
                  fontsize=11, color=GREY)
        bottom = h - 1.0
        for i, goal in enumerate(content.goals):
            text = fit(goal.text, 44, 3, room=status_x - MARGIN - 0.15)
            lines = text.count("\n") + 1
            row_h = 0.2 * lines + 0.25
            if top + row_h > bottom:
                left = len(content.goals) - i
                _text(fig, MARGIN, top + 0.1, f"… and {left} more goal{'s' * (left > 1)} "
                      "(see review.html)", fontsize=9.5, color=GREY)
                break
            fig.add_artist(_rule(fig, top))
            _text(fig, MARGIN, top + 0.12, text, fontsize=9.5, linespacing=1.3)
            _text(fig, status_x, top + 0.12, goal.status, fontsize=9, color=GREY)
            _text(fig, score_x, top + 0.1, f"{goal.score:.0f}", fontsize=11, weight="bold",
                  ha="right", color=GOOD if goal.score >= 60 else BAD)
            for x, (_, verdict) in zip(cols, goal.criteria, strict=True):
                _text(fig, x, top + 0.1, verdict_mark(verdict), fontsize=11, ha="center",
                      color=VERDICT_COLOURS[verdict])
            top += row_h
        _footer(fig, content, section_number(content, GOALS_TITLE))
    return fig


def _more(fig: Figure, top: float, left: int, what: str) -> None:
    """The note under a list that stops before its last ``left`` rows."""
    _text(fig, MARGIN, top + 0.1, f"… and {plural(left, what)} (all in review.html)",
          fontsize=9.5, color=GREY)


def achievements_page(content: PackContent) -> Figure:
    """The achievements, newest first: date, title, impact, the number and skills that
    show it; as many as fit, then how many more the HTML lists."""
    with house_style():
        fig = _page()
        h = A4[1]
        _heading(fig, ACHIEVEMENTS_TITLE, "Newest first, in the person's own words")
        top, bottom, text_x = 1.65, h - 1.0, MARGIN + 1.15
        room = A4[0] - MARGIN - text_x
        for i, a in enumerate(content.achievements):
            title = fit(a.title, 70, 2, room=room, size=11, weight="bold")
            impact = fit(a.impact, 85, 3, room=room)
            evidence = " · ".join(part for part in (
                clean_text(a.metric), "Skills: " + ", ".join(a.skills) if a.skills else "")
                if part)
            evidence = fit(evidence, 85, 2, room=room)
            lines = [t for t in (impact, evidence) if t]
            n_lines = sum(t.count("\n") + 1 for t in lines)
            row_h = 0.24 * (title.count("\n") + 1) + 0.19 * n_lines + 0.3
            if top + row_h > bottom:
                _more(fig, top, len(content.achievements) - i, "more achievement")
                break
            fig.add_artist(_rule(fig, top))
            _text(fig, MARGIN, top + 0.12, short_date(a.day), fontsize=9.5,
                  color=GREY)
            _text(fig, text_x, top + 0.12, title, fontsize=11, weight="bold",
                  linespacing=1.25)
            y = top + 0.12 + 0.24 * (title.count("\n") + 1)
            for text, color in ((impact, INK), (evidence, GREY)):
                if text:
                    _text(fig, text_x, y, text, fontsize=9.5, color=color, linespacing=1.3)
                    y += 0.19 * (text.count("\n") + 1)
            top += row_h
        _footer(fig, content, section_number(content, ACHIEVEMENTS_TITLE))
    return fig


def comments_page(content: PackContent) -> Figure:
    """Colleagues' written comments, grouped and unattributed (or why none are shown)."""
    with house_style():
        fig = _page()
        h = A4[1]
        _heading(fig, COMMENTS_TITLE, "360 comments, by group: who wrote each one, and "
                 "when, is never shown")
        top, bottom = 1.65, h - 1.0
        if content.comments_note:
            _text(fig, MARGIN, top, fit(content.comments_note, 85, 3, room=TEXT_W, size=11),
                  fontsize=11,
                  color=GREY, linespacing=1.3)
        group = None
        for i, c in enumerate(content.comments):
            said = fit(c.comment, 90, 4, room=TEXT_W - 0.2 - 0.15)  # and the quotes
            text_h = 0.19 * (said.count("\n") + 1) + 0.25
            if top + text_h + 0.35 * (c.group != group) > bottom:
                _more(fig, top, len(content.comments) - i, "more comment")
                break
            if c.group != group:  # each group's name above its comments
                group = c.group
                _text(fig, MARGIN, top + 0.05,
                  fit(group, 70, room=TEXT_W, size=11, weight="bold"), fontsize=11,
                  weight="bold",
                      color=ACCENT)
                top += 0.35
            _text(fig, MARGIN + 0.2, top, f"“{said}”", fontsize=9.5, linespacing=1.3)
            top += text_h
        _footer(fig, content, section_number(content, COMMENTS_TITLE))
    return fig


def _rule(fig: Figure, top_in: float) -> Any:
    from matplotlib.lines import Line2D

    y = _y(fig, top_in)
    return Line2D([_x(fig, MARGIN), 1 - _x(fig, MARGIN)], [y, y], color=LIGHT, linewidth=0.6,
                  transform=fig.transFigure)


def actions_page(content: PackContent) -> Figure:
    """The next actions, most urgent first, each with the reason it is on the list."""
    with house_style():
        fig = _page()
        h = A4[1]
        _heading(fig, ACTIONS_TITLE, "Most urgent first, with the reason each one is here")
        top = 1.7
        if not content.actions:
            _text(fig, MARGIN, top, fit(content.nothing_to_do, 85, 3, room=TEXT_W, size=11),
                  fontsize=11,
                  color=GREY)
        bottom = h - 1.0
        for i, action in enumerate(content.actions):
            item = fit(action.item, 62, 2, room=TEXT_W - 0.4, size=11, weight="bold")
            # the kind leads the grey line: a tag beside a long title would run under it
            reason = fit(f"{action.kind.capitalize()} · {action.reason}", 85, 3,
                         room=TEXT_W - 0.4)
            n_lines = item.count("\n") + reason.count("\n") + 2
            row_h = 0.22 * n_lines + 0.3
            last = i == len(content.actions) - 1
            if top + row_h > (bottom if last else bottom - 0.45):  # room for the note
                note = f"… and {actions_left_out(content.actions[i:])} (all in review.html)"
                _text(fig, MARGIN, top, fit(note, 90, 2, room=TEXT_W), fontsize=9.5,
                      color=GREY)
                break
            _text(fig, MARGIN, top, f"{action.rank}.", fontsize=12, weight="bold",
                  color=ACCENT)
            _text(fig, MARGIN + 0.4, top, item, fontsize=11, weight="bold", linespacing=1.25)
            reason_top = top + 0.24 * (item.count("\n") + 1) + 0.04
            _text(fig, MARGIN + 0.4, reason_top, reason, fontsize=9.5, color=GREY,
                  linespacing=1.3)
            top += row_h
        _footer(fig, content, section_number(content, ACTIONS_TITLE))
    return fig


def add_chart_page(pdf: PdfPages, fig: Figure, *, heading: str, content: PackContent,
                   page: int, drawn: Any = None) -> None:
    """Add ``fig`` to ``pdf`` as page ``page``: a heading above, the chart centred under it.

    The figure itself is drawn (vectors, the same object as the PNG and SVG files), scaled
    to the width between the page's margins (:func:`_chart_page_size`); the page is A4 (a
    very tall chart gets a taller page; printers scale it to A4). On a matplotlib the
    page renderer was not checked on, ``savefig`` draws the chart at its own size.
    ``drawn``: a :class:`~career_workbook.export.pdf_replay.Recording` of the figure's PNG
    drawing; when it can be replayed the page is written from it (the figure is not
    walked again), else matplotlib draws the figure for the page. Either way on the
    page renderer (:func:`~career_workbook.export.pdf_replay.page_renderer`), which
    writes every glyph as the one the PNG shows.
    """
    from career_workbook.export.pdf_replay import CHECKED

    w, h = (float(v) for v in fig.get_size_inches())
    page_w, page_h, left, bottom, scale = _chart_page_size(w, h, fit_margins=CHECKED)
    texts = _page_texts(heading, content, page, page_w, page_h, bottom + h * scale)
    if CHECKED:
        _chart_page(pdf, fig, drawn if drawn is not None and drawn.usable else None,
                    (page_w, page_h, left, bottom, scale), texts)
        return
    # The heading and footer are added for this page only and removed afterwards.
    added = [fig.text((x - left) / w, (y - bottom) / h, text, parse_math=False, **kw)
             for x, y, text, kw in texts]
    # Figure legends are anchored to the figure's box, which becomes the page while saving:
    # pin each anchor to the same place in figure coordinates for this page.
    anchors = [(legend, legend.get_bbox_to_anchor()) for legend in fig.legends]
    for legend, anchor in anchors:
        fraction = anchor.transformed(fig.transFigure.inverted())
        legend.set_bbox_to_anchor(fraction, transform=fig.transFigure)
    try:
        pdf.savefig(fig, bbox_inches=Bbox.from_bounds(-left, -bottom, page_w, page_h))
    finally:
        for artist in added:
            artist.remove()
        for legend, anchor in anchors:  # back to the live anchor it had
            legend.set_bbox_to_anchor(anchor, transform=IdentityTransform())


HEAD_H = 1.3
"""Inches above a chart on its page, for the heading."""


def _chart_page_size(w: float, h: float,
                     fit_margins: bool = True) -> tuple[float, float, float, float, float]:
    """Page width and height for a ``w`` x ``h`` inch chart, the chart's left and
    bottom edges on it (inches) and the scale it is drawn at: with ``fit_margins``, as
    wide as the text between the page's margins at most (a house chart, 8 inches wide,
    at 86 %; its labels would otherwise come within 5 mm of the paper's edge, where
    printers cut).

    >>> [round(v, 2) for v in _chart_page_size(8, 5)]
    [8.27, 11.69, 0.7, 6.1, 0.86]
    >>> [round(v, 2) for v in _chart_page_size(8, 5, fit_margins=False)]
    [8.27, 11.69, 0.13, 5.39, 1.0]
    """
    scale = min(1.0, (A4[0] - 2 * MARGIN) / w) if fit_margins else 1.0
    page_w = max(A4[0], w * scale)
    page_h = max(page_w * A4[1] / A4[0], h * scale + HEAD_H + 0.8)
    return page_w, page_h, (page_w - w * scale) / 2, page_h - HEAD_H - h * scale, scale


def _page_texts(heading: str, content: PackContent, page: int, page_w: float,
                page_h: float, chart_top: float) -> list[tuple[float, float, str, dict]]:
    """The heading and footer of a chart page: (x, y in inches from the page's lower
    left corner, text, text properties)."""
    return [
        (MARGIN, chart_top + HEAD_H - 0.6,
         fit(heading, 80, room=page_w - 2 * MARGIN, size=11, weight="bold"),
         {"fontsize": 11, "color": ACCENT, "weight": "bold", "va": "bottom", "ha": "left"}),
        *_footer_texts(content, page, page_w),
    ]


def _chart_page(pdf: PdfPages, fig: Figure, drawn: Any,
                size: tuple[float, float, float, float, float],
                texts: list[tuple[float, float, str, dict]]) -> None:
    """A chart page: the page's background, heading and footer (texts of a page-sized
    figure), then the chart, its lower left corner at ``left, bottom`` (inches) and drawn
    at ``scale``: replayed from the recording of its PNG drawing (``drawn``), or drawn by
    matplotlib when there is none. Each part in a graphics state of its own."""
    from career_workbook.export.pdf_replay import (
        draw_figure,
        graphics_state,
        image_dpi,
        page_renderer,
        replay,
    )

    page_w, page_h, left, bottom, scale = size
    page = Figure(figsize=(page_w, page_h), dpi=72, layout="none",
                  facecolor=fig.get_facecolor(), edgecolor=fig.get_edgecolor(),
                  linewidth=fig.patch.get_linewidth())
    for x, y, text, kw in texts:
        page.text(x / page_w, y / page_h, text, parse_math=False, **kw)
    file = pdf._ensure_file()
    file.newPage(page_w, page_h)
    dpi = image_dpi(fig)
    try:
        with graphics_state(file):
            renderer = page_renderer(file, dpi, page_h, page_w)
            page.draw(renderer)
            renderer.finalize()
        w, h = (float(v) for v in fig.get_size_inches())
        with graphics_state(file, (scale, 0, 0, scale, left * 72, bottom * 72)):
            renderer = page_renderer(file, dpi, h, w)
            if drawn is not None:
                replay(drawn, fig, renderer, (0.0, 0.0))
            else:
                draw_figure(fig, renderer)
            renderer.finalize()
    finally:
        file.endStream()


def add_page(pdf: PdfPages, fig: Figure) -> None:
    """Add a page figure (:func:`cover_page`, :func:`goals_page`, :func:`actions_page`: no
    layout engine, no image) to ``pdf``: drawn as ``pdf.savefig(fig)`` draws it, on a
    renderer that measures and writes each text once per file
    (:func:`~career_workbook.export.pdf_replay.page_renderer`)."""
    from career_workbook.export.pdf_replay import CHECKED, image_dpi, page_renderer

    if not CHECKED or fig.get_layout_engine() is not None or fig.get_facecolor()[3] < 1:
        pdf.savefig(fig)
        return
    width, height = (float(v) for v in fig.get_size_inches())
    file = pdf._ensure_file()
    file.newPage(width, height)
    dpi = fig.dpi
    renderer = page_renderer(file, image_dpi(fig), height, width)
    fig.dpi = 72
    try:
        fig.draw(renderer)
        renderer.finalize()
    finally:
        fig.dpi = dpi
        file.endStream()


@contextmanager
def write_pdf(target: Any) -> Iterator[PdfPages]:
    """A ``PdfPages`` with path-free metadata and the export rcParams.

    >>> import io
    >>> buf = io.BytesIO()
    >>> with write_pdf(buf) as pdf:
    ...     pdf.savefig(_page())
    >>> buf.getvalue()[:5]
    b'%PDF-'
    """
    with export_rc(), PdfPages(target, metadata=pdf_metadata(Title="Career review")) as pdf:
        yield pdf
