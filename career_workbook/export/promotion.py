"""The promotion case as Markdown (to paste into a self-review) and as A4 PDF pages.

Made from :class:`career_workbook.analysis.promotion.PromotionCase`. User text is never
markup: in Markdown a character is escaped where it would start a tag, link, heading,
list, table cell, code span, emphasis or math, and nowhere else, so the text pasted into
a self-review reads as typed (:func:`~career_workbook.export.markdown.md_text`); in the
PDF it is drawn as plain text (never mathtext), wrapped and shortened to fit (the
Markdown keeps it whole).

``write_promotion_case("workbooks/alex.yaml", since="2026-01-01", until="2026-06-30")``
writes ``promotion_case.md`` and ``promotion_case.pdf`` into ``<workspace>/promotion/``
(or ``out_dir``).

Examples
--------
>>> print(md_text("<script>x</script> # [a](javascript:b) | `c` $m$ C++ 1.5x"))
\\<script>x\\</script> # \\[a\\](javascript:b) | \\`c\\` \\$m\\$ C++ 1.5x
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from career_workbook.analysis.feedback import comment_group_label
from career_workbook.analysis.promotion import Evidence, PromotionCase, promotion_case
from career_workbook.charts import clean_text
from career_workbook.export.markdown import md_text
from career_workbook.wording import listing, not_counted_yet, plural, short_date, shorten

__all__ = ["PromotionFiles", "md_text", "promotion_dir", "promotion_markdown",
           "promotion_pages", "promotion_pdf", "write_promotion_case"]

EMPTY_TEXT = (
    "Nothing is recorded for this period yet. That is easy to change: in notebook 08 "
    "record each achievement as it happens (what you did, the impact, a number, the skills "
    "it shows); rate your skills in notebook 01 at the start and the end of the period; and "
    "ask colleagues for 360 feedback in notebook 02. Then write this case again."
)


def _day(day: date) -> str:
    return short_date(day)


def _period_text(case: PromotionCase) -> str:
    return case.period.label or "the whole record so far"


def _level(value: int | None) -> str:
    return "not rated" if value is None else f"{value}/5"


def _change(value: int | None) -> str:
    return "–" if value is None else ("no change" if value == 0 else f"{value:+d}")


def _md_item(e: Evidence) -> list[str]:
    lines = [f"- **{md_text(e.title)}** ({_day(e.date)})"]
    if clean_text(e.impact):
        lines.append(f"  - Impact: {md_text(e.impact)}")
    if clean_text(e.metric):
        lines.append(f"  - Metric: {md_text(e.metric)}")
    return lines


def promotion_markdown(case: PromotionCase) -> str:
    """The case as Markdown text: headings are fixed words, user text is inert (each piece
    alone in its paragraph, heading or cell, so two pieces never pair up as markup)."""
    out = [f"# Promotion case: {md_text(case.name)}", "",
           f"**Review period:** {_period_text(case)}"]
    for label, value in (("Current role", case.current_role),
                         ("Aiming for", case.target_role)):
        if clean_text(value):
            out += ["", f"**{label}:** {md_text(value)}"]
    out.append("")
    if case.is_empty:
        out += [EMPTY_TEXT, ""]
        return "\n".join(out)
    out += [f"## Achievements by skill ({len(case.achievements)} in the period)", ""]
    if not case.achievements:
        out += ["No achievements recorded in this period yet (notebook 08).", ""]
    for group in case.by_skill:
        out += [f"### {md_text(group.name)}", ""]
        for e in group.items:
            out += _md_item(e)
        out.append("")
    if case.unlinked:
        out += ["### Not linked to a skill yet", ""]
        for e in case.unlinked:
            out += _md_item(e)
        out.append("")
    if case.by_goal:
        out += ["## Achievements by goal", ""]
        for group in case.by_goal:
            out += [f"### {md_text(group.name)}", ""]
            for e in group.items:
                out.append(f"- **{md_text(e.title)}** ({_day(e.date)})")
            out.append("")
    out += ["## How my skill ratings changed", ""]
    if case.rating_changes:
        out += ["| Skill | From | To | Change |", "| --- | --- | --- | --- |"]
        out += [f"| {md_text(r.skill, cell=True)} | {_level(r.before)} | {_level(r.after)} | "
                f"{_change(r.change)} |" for r in case.rating_changes]
    else:
        out.append("No self-assessment yet: rate your skills in notebook 01.")
    out += ["", "## What colleagues said (360 feedback)", ""]
    if case.quotes:
        for q in case.quotes:
            out += [f"> {md_text(q.comment)}", ">", f"> — {comment_group_label(q.group)}",
                    ""]
    else:
        out += ["No 360 comments that can be shown for this period (comments appear once at "
                "least three colleagues have answered, so nobody can be recognised).", ""]
    return "\n".join(out)


# ----------------------------------------------------------------------------------------
# PDF pages
# ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Line:
    text: str
    size: float = 10
    indent: float = 0.0
    color: str = "#222222"
    weight: str = "normal"
    gap: float = 0.0  # inches of space above
    max_lines: int = 1


def _wrapped(line: _Line) -> str:
    from career_workbook.export.pdf import A4, MARGIN, fit

    width_in = A4[0] - 2 * MARGIN - line.indent
    per_char = line.size / 72 * (0.66 if line.weight == "bold" else 0.6)
    return fit(line.text, max(10, int(width_in / per_char)), line.max_lines)


def _item_lines(e: Evidence, indent: float) -> list[_Line]:
    from career_workbook.export.pdf import GREY

    out = [_Line(f"{e.title}  ({_day(e.date)})", 10, indent, weight="bold", gap=0.1,
                 max_lines=2)]
    if clean_text(e.impact):
        out.append(_Line(f"Impact: {e.impact}", 9.5, indent + 0.2, max_lines=5))
    if clean_text(e.metric):
        out.append(_Line(f"Metric: {e.metric}", 9.5, indent + 0.2, GREY, max_lines=2))
    return out


def _case_lines(case: PromotionCase) -> Iterator[_Line]:
    from career_workbook.export.pdf import ACCENT, GREY

    if case.is_empty:
        yield _Line(EMPTY_TEXT, 11, color=GREY, gap=0.2, max_lines=8)
        return

    def heading(text: str) -> _Line:
        return _Line(text, 14, weight="bold", gap=0.3, max_lines=2)

    yield heading(f"Achievements by skill ({len(case.achievements)} in the period)")
    if not case.achievements:
        yield _Line("No achievements recorded in this period yet (notebook 08).", 10,
                    color=GREY, gap=0.05)
    for group in case.by_skill:
        yield _Line(group.name, 11.5, color=ACCENT, weight="bold", gap=0.2, max_lines=2)
        for e in group.items:
            yield from _item_lines(e, 0.2)
    if case.unlinked:
        yield _Line("Not linked to a skill yet", 11.5, color=ACCENT, weight="bold", gap=0.2)
        for e in case.unlinked:
            yield from _item_lines(e, 0.2)
    if case.by_goal:
        yield heading("Achievements by goal")
        for group in case.by_goal:
            yield _Line(group.name, 11.5, color=ACCENT, weight="bold", gap=0.2, max_lines=3)
            for e in group.items:
                yield _Line(f"• {e.title}  ({_day(e.date)})", 9.5, 0.2, gap=0.04, max_lines=2)
    yield heading("How my skill ratings changed")
    if not case.rating_changes:
        yield _Line("No self-assessment yet: rate your skills in notebook 01.", 10,
                    color=GREY, gap=0.05)
    for r in case.rating_changes:
        yield _Line(f"{fit_skill(r.skill)}:  {_level(r.before)} → {_level(r.after)}  "
                    f"({_change(r.change)})", 10, 0.2, gap=0.04)
    yield heading("What colleagues said (360 feedback)")
    if not case.quotes:
        yield _Line("No 360 comments that can be shown for this period (comments appear once "
                    "at least three colleagues have answered, so nobody can be recognised).",
                    10, color=GREY, gap=0.05, max_lines=3)
    for q in case.quotes:
        yield _Line(f"“{clean_text(q.comment)}”", 10, 0.2, gap=0.12, max_lines=6)
        yield _Line(f"— {comment_group_label(q.group)}", 9, 0.4, GREY)


def fit_skill(name: str) -> str:
    """A skill name short enough for one line of the ratings list.

    >>> fit_skill("x" * 80)[-1]
    '…'
    """
    return shorten(clean_text(name), 50)


def promotion_pages(case: PromotionCase) -> list[Any]:
    """The case as A4 matplotlib figures: a title block, then the sections flowing on."""
    from career_workbook.charts import house_style
    from career_workbook.export.pdf import A4, ACCENT, GREY, MARGIN, _page, _text, fit

    pages: list[Any] = []
    with house_style():
        fig = _page()
        _text(fig, MARGIN, 0.8, "PROMOTION CASE", fontsize=11, color=ACCENT, weight="bold")
        name = fit(case.name, 34, 2)
        _text(fig, MARGIN, 1.1, name, fontsize=22, weight="bold", linespacing=1.1)
        top = 1.1 + 0.4 * (name.count("\n") + 1) + 0.15
        _text(fig, MARGIN, top, f"Review period: {_period_text(case)}", fontsize=11)
        top += 0.3
        for label, value in (("Current role", case.current_role),
                             ("Aiming for", case.target_role)):
            if clean_text(value):
                _text(fig, MARGIN, top, fit(f"{label}: {value}", 85), fontsize=9.5,
                      color=GREY)
                top += 0.25
        pages.append(fig)
        bottom = A4[1] - 0.9
        for line in _case_lines(case):
            text = _wrapped(line)
            height = (text.count("\n") + 1) * line.size / 72 * 1.35
            top += line.gap
            if top + height > bottom:
                fig = _page()
                pages.append(fig)
                top = 0.8
            _text(fig, MARGIN + line.indent, top, text, fontsize=line.size, color=line.color,
                  weight=line.weight, linespacing=1.25)
            top += height
        footer = fit(case.name, 80, end=f" · promotion case · {_period_text(case)}")
        for n, page in enumerate(pages, start=1):
            _text(page, MARGIN, A4[1] - 0.45, footer, fontsize=8, color=GREY)
            _text(page, A4[0] - MARGIN, A4[1] - 0.45, f"page {n} of {len(pages)}",
                  fontsize=8, color=GREY, ha="right")
    return pages


def promotion_pdf(case: PromotionCase) -> bytes:
    """The case as a PDF file's bytes (A4 pages, see :func:`promotion_pages`)."""
    from matplotlib.backends.backend_pdf import PdfPages

    from career_workbook.export.files import export_rc, pdf_metadata

    buf = io.BytesIO()
    with export_rc(), PdfPages(buf, metadata=pdf_metadata(Title="Promotion case")) as pdf:
        for page in promotion_pages(case):
            pdf.savefig(page)
    return buf.getvalue()


def promotion_dir(workbook: str | os.PathLike[str]) -> Path:
    """Where a workbook's promotion case goes by default: ``<workspace>/promotion/<id>/``.

    >>> promotion_dir("/home/kim/my-career/workbooks/kim.yaml").as_posix()
    '/home/kim/my-career/promotion/kim'
    """
    from career_workbook.workspace import workspace_of

    return workspace_of(workbook) / "promotion" / Path(workbook).stem


@dataclass(frozen=True)
class PromotionFiles:
    """What :func:`write_promotion_case` wrote."""

    markdown: Path
    pdf: Path
    case: PromotionCase

    def lines(self) -> list[str]:
        """Short lines for a person to read.

        >>> from career_workbook.model import new_workbook
        >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
        >>> for ends in [("2026-01-01", "2026-06-30"), ("2026-01-01", None), (None, None)]:
        ...     print(PromotionFiles(Path("a.md"), Path("a.pdf"),
        ...                          promotion_case(wb, since=ends[0], until=ends[1])).lines()[1])
        Review period 1 Jan 2026 – 30 Jun 2026: 0 achievements, 0 skill ratings and 0 quotes from 360 feedback.
        Review period from 1 Jan 2026: 0 achievements, 0 skill ratings and 0 quotes from 360 feedback.
        The whole record so far: 0 achievements, 0 skill ratings and 0 quotes from 360 feedback.
        """  # noqa: E501
        case = self.case
        found = listing([plural(len(case.achievements), "achievement"),
                         plural(len(case.rating_changes), "skill rating"),
                         plural(len(case.quotes), "quote") + " from 360 feedback"])
        where = (f"Review period {case.period.label}" if case.period.label
                 else _period_text(case).capitalize())
        later = ""
        if case.later:  # the period ended today: the form's list showed them, the case not
            n, days = len(case.later), listing([_day(d) for d in sorted(set(case.later))])
            later = (f" {plural(n, 'more achievement')}, dated {days}, "
                     f"{'is' if n == 1 else 'are'} {not_counted_yet(case.period.until, n)}.")
        return [f"Wrote {self.markdown} and {self.pdf}", f"{where}: {found}.{later}",
                "Paste the Markdown into your self-review, or attach the PDF."]


def write_promotion_case(workbook: str | os.PathLike[str],
                         out_dir: str | os.PathLike[str] | None = None, *,
                         since: date | str | None = None,
                         until: date | str | None = None,
                         today: date | str | None = None) -> PromotionFiles:
    """Write ``promotion_case.md`` and ``promotion_case.pdf`` for one workbook (each file
    atomically) into ``out_dir`` (default :func:`promotion_dir`); with ``today``, the
    period ends on it at the latest (see
    :func:`~career_workbook.analysis.promotion.promotion_case`)."""
    from career_workbook import store
    from career_workbook.export.files import quiet_glyph_warnings
    from career_workbook.store import atomic_write_bytes

    case = promotion_case(store.load(workbook), since=since, until=until, today=today)
    with quiet_glyph_warnings():
        pdf = promotion_pdf(case)
    folder = Path(out_dir) if out_dir is not None else promotion_dir(workbook)
    folder.mkdir(parents=True, exist_ok=True)
    md_path, pdf_path = folder / "promotion_case.md", folder / "promotion_case.pdf"
    atomic_write_bytes(md_path, promotion_markdown(case).encode("utf-8"))
    atomic_write_bytes(pdf_path, pdf)
    return PromotionFiles(md_path, pdf_path, case)
