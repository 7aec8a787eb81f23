"""Tables drawn by ``frame_html`` keep to the width of the page in a real browser."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from career_workbook.widgets.display import LONG_WORD, frame_html


def test_a_long_unbroken_word_wraps_inside_its_cell(browser: Any) -> None:
    # a 1,900-character action with no space pushed the other columns off-screen
    from .conftest import new_context

    frame = pd.DataFrame({"text": ["x" * 1900, "Email Dana"], "due": ["2027-01-10", None],
                          "status": ["todo", "doing"]})
    context = new_context(browser)
    try:
        page = context.new_page()
        page.set_content(f'<div id="out" style="width:600px">{frame_html(frame)}</div>')
        widths = page.evaluate("""() => {
            const t = document.querySelector('#out table');
            const last = t.querySelector('tbody tr td:last-child');
            return [t.getBoundingClientRect().width, last.getBoundingClientRect().right];
        }""")
        assert widths[0] <= 600 and widths[1] <= 608, widths
    finally:
        context.close()


_BROKEN_WORDS = """(root) => {
    // every word of a cell (no longer than `longest`) whose letters lie on more than one line
    const broken = [];
    for (const td of root.querySelectorAll('td, th')) {
        const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of node.data.matchAll(/\\S+/g)) {
                if (m[0].length > %d) { continue; }
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const tops = new Set([...range.getClientRects()]
                                     .filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (tops.size > 1) { broken.push(m[0]); }
            }
        }
    }
    return broken;
}"""


@pytest.mark.parametrize("width", [700, 420])
def test_ordinary_words_are_never_broken_mid_word(browser: Any, width: int) -> None:
    # `overflow-wrap:anywhere` let the coach overview table cut words at normal widths:
    # "Enginee ring Manage r", "Perfor manc e Mana geme nt", "<b>Bol d</b>"
    from .conftest import new_context

    columns = {"name": "Client", "role": "Target role", "readiness": "Readiness %",
               **{f"n{i}": f"Follow-ups {i}" for i in range(8)},
               "last": "Last check-in", "gap": "Top gap"}
    rows = [("Jordan Blake", "Engineering Manager", 73.5, "2026-11-16",
             "Performance Management"),
            ("<b>Bold</b> <script>alert(1)</script>", "Chief Happiness Officer", None, None,
             "Management of Personnel Resources"),
            ("Priya Raman", "Senior Data Scientist", 59.0, "2026-11-16",
             "Rechtsschutzversicherungsgesellschaften"),  # 39 letters: may break
            ("Tomás Kopie", "https://www.example.org/careers/ward-manager?ref=linkedin",
             65.7, "2026-11-16", "Stakeholder Management")]
    frame = pd.DataFrame([{"name": n, "role": r, "readiness": x, "last": d, "gap": g,
                           **{f"n{i}": i for i in range(8)}} for n, r, x, d, g in rows])
    context = new_context(browser)
    try:
        page = context.new_page()
        page.set_content(f'<div id="out" style="width:{width}px">'
                         f"{frame_html(frame, columns)}</div>")
        broken = page.locator("#out").evaluate(_BROKEN_WORDS % LONG_WORD)
        assert broken == [], broken
        box = page.locator("#out .cw-table-box")
        # the table is wider than the page: it scrolls inside its box, never pushes the page
        sizes = box.evaluate("b => [b.getBoundingClientRect().width, b.scrollWidth,"
                             " document.documentElement.scrollWidth]")
        assert sizes[0] <= width and sizes[1] > sizes[0] and sizes[2] <= 1280, sizes
        cells = page.locator("#out td").all_inner_texts()  # what a person reads and copies
        assert "https://www.example.org/careers/ward-manager?ref=linkedin" in cells
        assert "<b>Bold</b> <script>alert(1)</script>" in cells
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_pack_keeps_a_long_link_within_the_page(browser: Any, width: int) -> None:
    # red team G item 4: a goal holding a long URL made the review pack's goals table
    # 4,659 px wide at 1,280 px; Status, Score and SMART sat ~3,400 px off-screen
    from datetime import date

    from career_workbook.export.content import pack_content
    from career_workbook.export.html import render_html
    from tests.test_pack_html_wrap import URL, long_link_workbook

    page_html = render_html(pack_content(long_link_workbook(), today=date(2026, 12, 6),
                                         charts=[]))
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  device_scale_factor=1, locale="en-GB")
    try:
        page = context.new_page()
        page.set_content(page_html)
        sizes = page.evaluate("""() => {
            const table = document.querySelector('table.goals').getBoundingClientRect();
            const score = document.querySelector('table.goals td.score')
                .getBoundingClientRect();
            const facts = document.querySelector('dl.facts').getBoundingClientRect();
            return {table: table.right, score: score.right, facts: facts.right,
                    page: document.documentElement.scrollWidth};
        }""")
        assert max(sizes.values()) <= width, sizes
        cell = page.locator("table.goals td.text").first.inner_text()
        assert URL in cell  # what a person reads and copies is the link as typed
    finally:
        context.close()


JUPYTERLAB_TABLE_CSS = """<style>
/* JupyterLab 4's rules for a table in an output (@jupyterlab/rendermime base.css) */
.jp-RenderedHTMLCommon table { border-collapse: collapse; border-spacing: 0; border: none;
  font-size: 13px; table-layout: fixed; margin: 0 0 1em 0; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th, .jp-RenderedHTMLCommon tr {
  vertical-align: middle; padding: 0.5em; line-height: normal; white-space: normal;
  max-width: none; border: none; }
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon th { text-align: right; }
.jp-RenderedHTMLCommon th { font-weight: bold; }
</style>"""


def test_the_coach_overview_table_of_the_examples_fits_a_notebook_output(browser: Any) -> None:
    # red team (coach) item 5: in JupyterLab the table was 12 px wider than its box ("Top
    # gap" clipped: "Managemen") and the Goals column was one word a line
    from career_workbook.widgets.coach import load_caseload, overview_html

    from .conftest import EXAMPLES, new_context

    html = overview_html(load_caseload(EXAMPLES, "2026-12-06"))
    context = new_context(browser)
    try:
        page = context.new_page()
        page.set_content(f'{JUPYTERLAB_TABLE_CSS}<div id="out" class="jp-RenderedHTMLCommon" '
                         f'style="width:880px;font-family:sans-serif">{html}</div>')
        sizes = page.evaluate("""() => {
            const box = document.querySelector('#out .cw-table-box');
            const goals = [...box.querySelectorAll('tbody td:nth-child(4)')].map(td => {
                const range = document.createRange();
                range.selectNodeContents(td);
                const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                     .map(r => Math.round(r.top)));
                return [td.innerText.split(/\\s+/).length, tops.size];
            });
            return {box: box.clientWidth, table: box.scrollWidth, goals};
        }""")
        assert sizes["table"] <= sizes["box"], sizes
        assert all(lines * 2 <= words for words, lines in sizes["goals"]), sizes
    finally:
        context.close()


def test_a_long_text_wraps_in_a_column_of_readable_width(browser: Any) -> None:
    # a 2,000-character link as an opportunity's title took the whole width of the page
    from .conftest import new_context

    link = "https://jobs.example.org/" + "/".join(f"section-{n:04d}" for n in range(150))
    frame = pd.DataFrame({"title": [link, "Talk at PyData"], "stage": ["Spotted", "Applied"],
                          "by": ["9 Dec 2026", "—"]})
    context = new_context(browser)
    try:
        page = context.new_page()
        page.set_content(f'<div id="out" style="width:1200px">{frame_html(frame)}</div>')
        width, em = page.evaluate("""() => {
            const td = document.querySelector('#out tbody td');
            return [td.getBoundingClientRect().width,
                    parseFloat(getComputedStyle(td).fontSize)];
        }""")
        assert width <= 32 * em + 10 + 1, (width, em)  # 32em and its padding (5px a side)
    finally:
        context.close()
