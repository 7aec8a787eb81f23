"""The promotion case's Markdown: hostile text renders as typed, ordinary text keeps no
backslashes (issue 16, item 6).

Each user text is rendered in every place the promotion case puts one (a paragraph,
the title, a skill heading, a bold list item and its nested line, a quote, a table cell)
and compared with the same place holding a plain token: the tags must be the same, and
the visible text must be exactly what the person typed.
"""

from __future__ import annotations

import html
import re
from datetime import date

import markdown_it
import mistune
import pytest

import career_workbook as cw
from career_workbook.analysis.promotion import promotion_case
from career_workbook.export.markdown import md_text
from career_workbook.export.promotion import promotion_markdown

TOKEN = "ZQXJZ"
CONTEXTS = {
    "paragraph": "{x}",
    "title": "# Promotion case: {x}\n\n**Review period:** 1 Jan 2026 – 30 Jun 2026",
    "skill heading": "## Achievements by skill\n\n### {x}\n\n- **Win** (1 Jan 2026)",
    "list item": "### SQL\n\n- **{x}** (1 Jan 2026)\n  - Impact: {x}\n  - Metric: {x}\n"
                 "- **Next** (2 Jan 2026)",
    "quote": "## What colleagues said\n\n> {x}\n>\n> — Peer\n\n> {x}\n>\n> — Manager",
    "role": "**Review period:** up to 30 Jun 2026\n\n**Current role:** {x}\n\n"
            "**Aiming for:** {x}",
    "table cell": "| Skill | From | To | Change |\n| --- | --- | --- | --- |\n"
                  "| {x} | 1/5 | 3/5 | +2 |\n| {x} | not rated | 2/5 | – |",
}
HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=x>y</a>",
    "<!-- hidden -->", "<?php echo 1 ?>", "</p><p>", "<b>bold</b>",
    "[x](javascript:alert(1))", "![i](x.png)", "[x]: http://example.com", "[^1] and [x]",
    "**bold**", "*em* and _u_", "__init__", "a*b*c", "***", "- - -", "___",
    "# heading", "###### six", "C #", "> quote", "- item", "+ item", "* item", "1. first",
    "2026) was good", "2026. Great year", "| a | b |", "a | b", "`code`", "```", "~~~",
    "~~gone~~", "~one~",
    "$x^2$", "$5 and $10", "&amp; &#60; &copy; &#x3C;", "foo\\", "\\*x\\*", "\\",
    "a\n\n# b\n| c |\n\n- d", "  trailing spaces  ", "emoji 😀 中文 🇳🇿",
    "Cost $\\frac{1}{2}$ ~~x~~ <i>y</i> [z](javascript:a) " * 120,  # ~5,000 characters
]
ORDINARY = [
    "C++ and 1.5x growth, Q3-2026, e.g. SQL/Postgres",
    "1.5x faster", "Q3-2026", "e.g. 12 analysts", "+20% revenue", "-5% churn (Q1 -> Q2)",
    "R&D and P&L", "snake_case_name", "cost ~5% less, ~10 people", "$40k saved", "2 * 3 = 6",
    "#1 team in the region", "C# and F#", "50% < 60% > 40%", "a <- b", "100% uptime!",
    "Led the team (8 people); shipped v2.0 — on time.", "O'Neil's \"quick wins\"",
    "stakeholder mgmt: 3/4 sign-offs", "Grew NPS from 31 to 45 (≈ 45%)",
    "Python 3.12, pandas 2.x, CI/CD", "[draft", "end]",
]


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _mistune():
    return mistune.create_markdown(escape=False,
                                   plugins=["table", "strikethrough", "math", "footnotes"])


def _markdown_it():
    md = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(
        ["table", "strikethrough"])
    return md.render


RENDERERS = {"mistune": _mistune, "markdown-it": _markdown_it}


def _tags(rendered: str) -> list[str]:
    return re.findall(r"<[^>]*>", rendered)


def _visible(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", rendered))


def _check_literal(render, context: str, text: str) -> None:
    template = CONTEXTS[context]
    escaped = md_text(text, cell=context == "table cell")
    got = render(template.replace("{x}", escaped))
    want = render(template.replace("{x}", TOKEN))
    assert _tags(got) == _tags(want), (context, text[:80], escaped[:200], got[:400])
    assert _visible(got) == _visible(want).replace(TOKEN, _collapsed(text)), (
        context, text[:80], escaped[:200], got[:400])


@pytest.mark.parametrize("texts", [HOSTILE, ORDINARY], ids=["hostile", "ordinary"])
@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("context", CONTEXTS)
def test_user_text_renders_as_typed_with_no_markup(renderer, context, texts):
    render = RENDERERS[renderer]()
    for text in texts:
        _check_literal(render, context, text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_has_no_backslashes(text):
    assert md_text(text) == text


def test_table_cells_escape_pipes_only_there():
    assert md_text("a | b") == "a | b"
    assert md_text("a | b", cell=True) == "a \\| b"


def _ordinary_workbook() -> cw.Workbook:
    wb = cw.new_workbook("Sam O'Neil", today=date(2025, 10, 1),
                         current_role="Data analyst (R&D)", target_role="Lead, e.g. C++ team")
    wb.skills = [cw.Skill(name="SQL/Postgres"), cw.Skill(name="C++"),
                 cw.Skill(name="Stakeholder mgmt")]
    wb.goals = [cw.Goal(id="g1", text="Lead Q3-2026 migration", skills=["SQL/Postgres"])]
    wb.achievements = [cw.Achievement(
        date=date(2026, 2, 3), title="C++ and 1.5x growth, Q3-2026, e.g. SQL/Postgres",
        impact="Queries ran 1.5x faster; cut cost ~5% (about $40k)", metric="+20% throughput",
        skills=["SQL/Postgres", "C++"])]
    wb.assessments = [cw.Assessment(date=date(2025, 12, 1), ratings={"C++": 2}),
                      cw.Assessment(date=date(2026, 6, 1), ratings={"C++": 3})]
    wb.feedback = [cw.Feedback(rater_group="peer", rater_id=f"p{i}", date=date(2026, 3, i),
                               comment="Clear on trade-offs, e.g. cost vs. speed")
                   for i in (1, 2, 3)]
    return cw.validate_workbook(wb)


def test_the_promotion_case_of_ordinary_text_has_no_backslashes():
    text = promotion_markdown(promotion_case(_ordinary_workbook(), since="2026-01-01",
                                             until="2026-06-30"))
    assert "\\" not in text, [line for line in text.splitlines() if "\\" in line]
    for words in ("# Promotion case: Sam O'Neil", "**Current role:** Data analyst (R&D)",
                  "**Aiming for:** Lead, e.g. C++ team", "### SQL/Postgres",
                  "- **C++ and 1.5x growth, Q3-2026, e.g. SQL/Postgres** (3 Feb 2026)",
                  "  - Impact: Queries ran 1.5x faster; cut cost ~5% (about $40k)",
                  "  - Metric: +20% throughput", "| C++ | 2/5 | 3/5 | +1 |",
                  "> Clear on trade-offs, e.g. cost vs. speed"):
        assert words in text, words
    rendered = _mistune()(text)
    assert "C++ and 1.5x growth, Q3-2026, e.g. SQL/Postgres" in rendered
    assert "Data analyst (R&amp;D)" in rendered


def test_the_pdf_page_of_ordinary_text_shows_it_as_typed():
    """Also looked at by eye: pdftoppm -r 70 of this case's PDF (one page, no backslashes)."""
    from career_workbook.export.promotion import promotion_pages
    from tests.helpers.text_layout import text_problems

    pages = promotion_pages(promotion_case(_ordinary_workbook(), since="2026-01-01",
                                           until="2026-06-30"))
    drawn = " ".join(t.get_text() for page in pages for t in page.texts)
    assert len(pages) == 1 and text_problems(pages[0]) == []
    assert "C++ and 1.5x growth, Q3-2026, e.g. SQL/Postgres" in drawn
    assert "about $40k" in drawn and "\\" not in drawn
