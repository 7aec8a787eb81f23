"""The review pack's HTML keeps a long unbroken word (a pasted link) within the page.

Red team G item 4: a goal holding a 470-character URL made the goals table 4,659 px wide at a
1,280 px window (Status, Score and S/M/A/R/T about 3,400 px off-screen) while the same link
wrapped in "Next actions". Every user text of the pack now follows the rule of the notebooks'
tables (:func:`career_workbook.htmltext.cell_html`): a word longer than ``LONG_WORD`` gets
``<wbr>`` break opportunities; the text read and copied is unchanged. The browser check is
``tests/browser/test_table_layout.py::test_the_pack_keeps_a_long_link_within_the_page``.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import career_workbook as cw
from career_workbook import htmltext
from career_workbook.export.content import pack_content
from career_workbook.export.html import render_html
from career_workbook.model import Achievement, Goal
from career_workbook.widgets import display
from tests.helpers.html_text import tags_of

URL = "https://example.com/" + "a1b2c3d4e5" * 20 + "?q=" + "x" * 100  # no space in 322
TODAY = date(2026, 12, 6)


def long_link_workbook() -> cw.Workbook:
    wb = cw.new_workbook("Lena Ortiz", today=date(2026, 1, 5), organisation=URL[:190])
    wb.goals += [
        Goal(id="g1", text=f"Publish the guide at {URL} by June 2027", status="active",
             created=date(2026, 1, 5)),
        Goal(id="g2", text="Lead a data project by June 2027", status="active",
             created=date(2026, 1, 5))]
    wb.achievements.append(Achievement(date=date(2026, 3, 1), title="Guide online",
                                       impact=URL))
    return wb


class _Cells(HTMLParser):
    """The text of each goal's cell, and the longest run a browser cannot break."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._in = False
        self.runs: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        if tag == "td" and ("class", "text") in attrs:
            self._in = True
            self.cells.append("")
        if tag in ("wbr", "br", "td", "th", "li", "dd", "dt", "p", "h1", "h2"):
            self.runs.append("")

    def handle_endtag(self, tag):
        if tag == "td":
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.cells[-1] += data
        words = re.split(r"\s+", data)
        self.runs[-1] += words[0]
        self.runs += words[1:]


def test_every_user_word_longer_than_long_word_gets_break_opportunities():
    page = render_html(pack_content(long_link_workbook(), today=TODAY, charts=[]))
    body = page[page.index("<body>"):]
    parsed = _Cells()
    parsed.feed(body)
    assert parsed.cells[0].startswith(f"Publish the guide at {URL} by June 2027")  # unchanged
    longest = max(parsed.runs, key=len)
    assert len(longest) <= htmltext.LONG_WORD, longest
    goal_cell = re.search(r'<td class="text">(.*?)</td>', body).group(1)
    assert "https://<wbr>example.<wbr>com/<wbr>a1b2c3d4e5a1<wbr>" in goal_cell
    # ordinary words are written as before: no break, no inline style
    assert "<bdi>Lead a data project by June 2027</bdi>" in body
    assert " style=" not in body


def test_one_rule_for_the_notebook_tables_and_the_pack():
    assert display.cell_html is htmltext.cell_html and display.LONG_WORD == htmltext.LONG_WORD


def test_the_goals_table_names_each_smart_column_for_a_screen_reader():
    """A screen reader read the SMART columns' headings as "S", "M", "A"... (red-team
    walk V): each heading is named by its criterion, and every heading is a column's."""
    heads = tags_of(render_html(pack_content(long_link_workbook(), today=TODAY, charts=[])),
                    "th")
    assert [h.get("aria-label") for h in heads[3:]] == [
        "Specific", "Measurable", "Achievable", "Relevant", "Time-bound"]
    assert all(h.get("scope") == "col" for h in heads)
