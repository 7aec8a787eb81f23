"""The review HTML: one self-contained, static, script-free file.

- charts are ``<img>`` elements with ``data:image/png;base64`` URIs (no external files;
  ``image/svg+xml`` when the pack holds SVG charts and no PNG);
- every user-supplied string is escaped (``html.escape(quote=True)``, as :func:`esc`) and
  sits in a text node inside ``<bdi>`` (so right-to-left text does not reorder the page);
  a word of it longer than :data:`~career_workbook.htmltext.LONG_WORD` characters (a pasted
  link) gets ``<wbr>`` break opportunities, the rule of the notebooks' tables
  (:func:`~career_workbook.htmltext.cell_html`), so no table or list grows wider than the
  page;
  the one attribute that holds user text is a chart's ``alt`` (the same escaped text, as
  in the notebooks: :func:`~career_workbook.figures.chart_alt`);
- no JavaScript at all: no ``<script>``, no ``on*`` attributes, no links; a
  ``Content-Security-Policy`` meta tag allows only inline styles and data-URI images;
- print-friendly CSS (A4, a chart never split across pages).

Examples
--------
>>> from datetime import date
>>> from career_workbook.export.content import PackContent
>>> page = render_html(PackContent("<b>Sam</b>", date(2026, 1, 1), "", None, "", "", "",
...                                (), (), (), ()))
>>> "&lt;b&gt;Sam&lt;/b&gt;" in page, "<script" in page
(True, False)
"""

from __future__ import annotations

import base64
import html
import struct
from collections.abc import Sequence

from career_workbook.analysis.smart import verdict_legend, verdict_mark
from career_workbook.charts import clean_text
from career_workbook.export.content import (
    ACHIEVEMENTS_TITLE,
    ACTIONS_TITLE,
    COMMENTS_TITLE,
    CRITERIA_LABELS,
    GOALS_TITLE,
    TO_COME_INTRO,
    TO_COME_TITLE,
    AchievementRow,
    ActionRow,
    ChartEntry,
    GoalRow,
    PackContent,
    cover_facts,
    section_number,
    sections,
)
from career_workbook.htmltext import cell_html, isolate_names
from career_workbook.wording import short_date

__all__ = ["ALLOWED_TAGS", "CSP", "esc", "render_html"]

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
"""The page's Content-Security-Policy: nothing may load or run but inline CSS and images."""

ALLOWED_TAGS = frozenset({
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "footer",
    "h1", "h2", "h3", "p", "div", "span", "strong", "bdi", "br", "figure", "figcaption", "img",
    "blockquote",
    "dl", "dt", "dd", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "wbr",
})
"""Every tag :func:`render_html` may write (the security tests check against this list)."""

_CSS = """
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #222;
  max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
bdi, td, dd, li, figcaption, h1 { overflow-wrap: break-word; }
.kicker { color: #0072B2; font-weight: bold; letter-spacing: .08em; margin: 0; }
h1 { font-size: 2.2rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 0 0 .4rem; color: #0072B2; }
dl.facts { display: grid; grid-template-columns: 11rem 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { color: #666; }
dl.facts dd { margin: 0; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: .8rem; margin: 1.5rem 0; }
.card { background: #F4F8FB; border: 1px solid #DDD; border-radius: 6px; padding: .7rem; }
.card p { margin: 0; }
.card .label, .card .detail { color: #666; font-size: .85rem; }
.card .value { color: #0072B2; font-size: 1.6rem; font-weight: bold; }
section { margin: 2.5rem 0; }
figure { margin: 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #EEE; }
figcaption { color: #444; font-style: italic; margin-top: .3rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #DDD; padding: .45rem .35rem; text-align: left;
  vertical-align: top; }
th.c, td.c { text-align: center; width: 2.2rem; }
td.score { font-weight: bold; text-align: right; width: 3.5rem; }
.met { color: #007A5E; } .partly { color: #8A5A00; } .unmet { color: #B84A00; }
.open { color: #666666; }
.muted { color: #666; }
.lbl { display: none; color: #666; font-weight: normal; }
dl.to-come dt { font-weight: bold; margin-top: .7rem; }
dl.to-come dd { margin: .1rem 0 0; color: #444; }
ol.achievements { list-style: none; padding: 0; }
ol.achievements li, blockquote { margin: 0 0 .8rem; }
ol.achievements .when, ol.achievements .evidence { display: block; color: #666; }
ol.achievements .when { font-size: .85rem; }
h3.group { font-size: 1rem; margin: 1rem 0 .4rem; }
blockquote { border-left: 3px solid #DDD; padding-left: .7rem; }
ol.actions li { margin-bottom: .8rem; }
ol.actions .kind { color: #666; font-size: .85rem; margin-left: .4rem; }
ol.actions .reason { display: block; color: #444; }
footer { color: #666; font-size: .85rem; border-top: 1px solid #DDD; padding-top: .5rem; }
h2.contents { color: #222; font-size: 1.1rem; }
ol.contents { list-style: none; padding: 0; margin: 0; columns: 2 16rem; }
ol.contents .n { color: #666; display: inline-block; min-width: 2rem; }
@media (max-width: 40rem) {
  body { margin: 1rem auto; }
  h1 { font-size: 1.8rem; }
  dl.facts { grid-template-columns: 1fr; gap: 0; }
  dl.facts dd { margin-bottom: .4rem; }
  .cards { grid-template-columns: 1fr; }
  table.goals thead { display: none; }
  table.goals, table.goals tbody, table.goals tr { display: block; }
  table.goals tr { border-bottom: 1px solid #DDD; padding: .4rem 0; }
  table.goals td { display: inline-block; border: 0; padding: .15rem .9rem .15rem 0;
    width: auto; text-align: left; }
  table.goals td.text { display: block; }
  table.goals .lbl { display: inline; }
}
@page { size: A4 portrait; margin: 14mm; }
@media print {
  body { max-width: none; margin: 0; }
  header.cover { break-after: page; }
  section { break-inside: avoid; page-break-inside: avoid; }
  section.chart, section.to-come { break-before: page; }
  tr, li { break-inside: avoid; }
}
"""


def esc(value: object) -> str:
    """User text, cleaned of control characters and escaped for HTML (quotes too).

    >>> esc('"><script>alert(1)</script>')
    '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    return html.escape(clean_text(value), quote=True)


def _page_text(text: str) -> str:
    return cell_html(text, keep_whole=False)


def _user(value: object, names: Sequence[str] = ()) -> str:
    """User text as an isolated run (``<bdi>``): safe for right-to-left scripts; a word
    longer than :data:`~career_workbook.htmltext.LONG_WORD` may break (``<wbr>``). In a
    sentence the program wrote, each of ``names`` (the person's, their contacts') is
    isolated on its own too (:func:`~career_workbook.htmltext.isolate_names`).

    >>> _user("<b>Sam</b> https://example.org/jobs/view?id=4211")
    '<bdi>&lt;b&gt;Sam&lt;/b&gt; https://<wbr>example.<wbr>org/<wbr>jobs/<wbr>view?<wbr>id=<wbr>4211</bdi>'
    >>> _user("Follow up with مريم الأحمد", ["مريم الأحمد"])
    '<bdi>Follow up with <bdi>مريم الأحمد</bdi></bdi>'
    """  # noqa: E501
    return f"<bdi>{isolate_names(clean_text(value), names, _page_text)}</bdi>"


def _png_size(png: bytes) -> tuple[int, int] | None:
    if png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR":
        return struct.unpack(">II", png[16:24])
    return None


def _cover(c: PackContent) -> str:
    rows = "".join(f"<dt>{label}</dt><dd>{_user(value)}</dd>"
                   for label, value in cover_facts(c))
    cards = "".join(
        f'<div class="card"><p class="label">{esc(h.label)}</p>'
        f'<p class="value">{_user(h.value)}</p>'
        f'<p class="detail">{_user(h.detail, c.people)}</p></div>'
        for h in c.headlines
    )
    listed = "".join(f'<li><span class="n">{n}</span>{esc(title)}</li>'
                     for n, title in sections(c))
    return (f'<header class="cover"><p class="kicker">CAREER REVIEW</p>'
            f"<h1>{_user(c.name)}</h1><dl class=\"facts\">{rows}</dl>"
            f'<div class="cards">{cards}</div><h2 class="contents">In this pack</h2>'
            f'<ol class="contents">{listed}</ol></header>')


def _chart(entry: ChartEntry, number: int, names: Sequence[str] = ()) -> str:
    image, mime = (entry.png, "png") if entry.png or not entry.svg else (entry.svg, "svg+xml")
    data = base64.b64encode(image).decode("ascii")
    size = _png_size(image)
    dims = f' width="{size[0]}" height="{size[1]}"' if size else ""
    return (f'<section class="chart" id="chart-{esc(entry.slug)}">'
            f"<h2>{number} · {esc(entry.title)}</h2><figure>"
            f'<img src="data:image/{mime};base64,{data}" alt="{esc(entry.alt or entry.title)}"'
            f"{dims}><figcaption>{_user(entry.caption or entry.takeaway, names)}</figcaption>"
            "</figure></section>")


def _to_come(c: PackContent, number: int) -> str:
    """The charts with nothing to show yet: each one's title and what to do, in which step."""
    items = "".join(f"<dt>{esc(e.title)}</dt><dd>{esc(e.placeholder)}</dd>"
                    for e in c.to_come)
    return (f'<section class="to-come"><h2>{number} · {TO_COME_TITLE}</h2>'
            f'<p class="muted">{TO_COME_INTRO}</p><dl class="to-come">{items}</dl></section>')


def _achievement(a: AchievementRow) -> str:
    evidence = [_user(a.metric)] * bool(clean_text(a.metric)) + [
        "Skills: " + ", ".join(_user(skill) for skill in a.skills)] * bool(a.skills)
    impact = f"<br>{_user(a.impact)}" if clean_text(a.impact) else ""
    shown = (f'<span class="evidence">{" · ".join(evidence)}</span>' if evidence else "")
    return (f'<li><span class="when">{short_date(a.day)}</span>'
            f"<strong>{_user(a.title)}</strong>{impact}{shown}</li>")


def _achievements(c: PackContent, number: int) -> str:
    """Every achievement, newest first."""
    items = "".join(_achievement(a) for a in c.achievements)
    return (f'<section class="achievements"><h2>{number} · {ACHIEVEMENTS_TITLE}</h2>'
            '<p class="muted">Newest first, in the person\'s own words.</p>'
            f'<ol class="achievements">{items}</ol></section>')


def _comments(c: PackContent, number: int) -> str:
    """Colleagues' comments under their group's name (or why none are shown yet)."""
    body, group = "", None
    for row in c.comments:
        if row.group != group:
            group = row.group
            body += f'<h3 class="group">{esc(group)}</h3>'
        body += f"<blockquote>{_user(row.comment)}</blockquote>"
    if c.comments_note:
        body = f'<p class="muted">{esc(c.comments_note)}</p>'
    return (f'<section class="comments"><h2>{number} · {COMMENTS_TITLE}</h2>'
            '<p class="muted">360 comments, by group: who wrote each one, and when, is never '
            f"shown.</p>{body}</section>")


_VERDICT_CLASS = {"met": "met", "partly": "partly", "not met": "unmet", "open": "open"}
"""A criterion's verdict -> the class that colours its mark."""


def _goal_row(g: GoalRow) -> str:
    marks = "".join(
        f'<td class="c {_VERDICT_CLASS[verdict]}"><span class="lbl">{CRITERIA_LABELS[name]}'
        f' </span>{verdict_mark(verdict)}</td>'
        for name, verdict in g.criteria
    )
    deadline = f'<br><span class="muted">by {short_date(g.deadline)}</span>' if g.deadline else ""
    return (f'<tr><td class="text">{_user(g.text)}{deadline}</td>'
            f'<td><span class="lbl">Status: </span>{esc(g.status)}</td>'
            f'<td class="score"><span class="lbl">Score: </span>{g.score:.0f}</td>{marks}</tr>')


def _criteria_heads() -> str:
    """The SMART criteria's column headings: a letter to the eye, the word to a screen
    reader and a pointer (it read "S", "M"... above each cell: red-team walk V).

    >>> _criteria_heads()[:71]
    '<th class="c" scope="col" title="Specific" aria-label="Specific">S</th>'
    """
    return "".join(f'<th class="c" scope="col" title="{label}" aria-label="{label}">'
                   f"{label[0]}</th>" for label in CRITERIA_LABELS.values())


def _goals(c: PackContent, number: int) -> str:
    if not c.goals:
        body = '<p class="muted">No goals yet — notebook 04 helps write SMART goals.</p>'
    else:
        body = ('<table class="goals"><thead><tr><th scope="col">Goal</th>'
                '<th scope="col">Status</th><th scope="col">Score</th>'
                f"{_criteria_heads()}</tr></thead>"
                f"<tbody>{''.join(_goal_row(g) for g in c.goals)}</tbody></table>")
    legend = ", ".join(CRITERIA_LABELS.values())
    return (f'<section class="goals"><h2>{number} · {GOALS_TITLE}</h2>'
            f'<p class="muted">{verdict_legend()} — {legend}. Score out of 100.</p>'
            f"{body}</section>")


def _action(a: ActionRow, names: Sequence[str] = ()) -> str:
    return (f'<li><strong>{_user(a.item, names)}</strong><span class="kind">{esc(a.kind)}'
            f'</span><span class="reason">{_user(a.reason, names)}</span></li>')


def _actions_intro(n: int) -> str:
    """
    >>> _actions_intro(12)
    'All 12 of them, most urgent first, with the reason each one is here.'
    """
    if n < 2:
        return "With the reason it is here."
    return f"All {n} of them, most urgent first, with the reason each one is here."


def _actions(c: PackContent, number: int) -> str:
    if not c.actions:
        body = f'<p class="muted">{esc(c.nothing_to_do)}</p>' if c.nothing_to_do else ""
    else:
        body = f'<ol class="actions">{"".join(_action(a, c.people) for a in c.actions)}</ol>'
    return (f'<section class="actions"><h2>{number} · {ACTIONS_TITLE}</h2>'
            f'<p class="muted">{_actions_intro(len(c.actions))}</p>'
            f"{body}</section>")


def render_html(content: PackContent) -> str:
    """The review pack as one HTML document (a ``str``; write it as UTF-8)."""
    numbers = [n for n, _ in sections(content)]  # as the PDF's pages and the contents
    charts = "".join(_chart(e, n, content.people)
                     for n, e in zip(numbers, content.shown, strict=False))
    if content.to_come:
        charts += _to_come(content, section_number(content, TO_COME_TITLE))
    if content.achievements:
        charts += _achievements(content, section_number(content, ACHIEVEMENTS_TITLE))
    if content.has_comments_section:
        charts += _comments(content, section_number(content, COMMENTS_TITLE))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Career review — {esc(content.name)}</title>"
        f"<style>{_CSS}</style></head><body>"
        f"{_cover(content)}<main>{charts}"
        f"{_goals(content, section_number(content, GOALS_TITLE))}"
        f"{_actions(content, section_number(content, ACTIONS_TITLE))}</main>"
        f"<footer>Prepared with Career Workbook for the review of "
        f"{short_date(content.today)}. Confidential: for {_user(content.name)} and their "
        f"coach.</footer></body></html>\n"
    )
