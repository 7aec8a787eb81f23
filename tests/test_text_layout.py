"""No clipped or overlapping text (issue 11 item 7) in any chart or PDF page, for a
just-created, a half-filled and every full workbook."""

from __future__ import annotations

from datetime import date

import pytest
from helpers.text_layout import text_problems
from helpers.workbooks import EXAMPLES, half_filled_workbook

import career_workbook as cw
from career_workbook import figures
from career_workbook.catalog import load_catalog, resolve_role
from career_workbook.charts import CHARTS
from career_workbook.export import content as C
from career_workbook.export import pdf

TODAY = date(2026, 11, 22)
KINDS = ["new", "half", "rich", *(p.stem for p in EXAMPLES)]


def _workbook(kind: str) -> cw.Workbook:
    from conftest import build_rich_workbook

    if kind == "new":
        return cw.new_workbook("Nova Person", today=date(2026, 11, 1))
    if kind == "half":
        return half_filled_workbook()
    if kind == "rich":
        return build_rich_workbook()
    return cw.load(next(p for p in EXAMPLES if p.stem == kind))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.mark.parametrize("kind", KINDS)
def test_no_chart_text_leaves_the_figure_or_overlaps(kind, catalog):
    wb = _workbook(kind)
    role = resolve_role(wb, catalog) or figures.suggest_role(wb, catalog)
    problems = [f"{slug}: {p}" for slug, fig in figures.make_figures(
        wb, today=TODAY, role=role).items() for p in text_problems(fig)]
    assert not problems, problems


@pytest.mark.parametrize("kind", KINDS)
def test_no_pdf_page_text_leaves_the_page_or_overlaps(kind, catalog):
    wb = _workbook(kind)
    # the cover lists every chart of the pack: with all of them, as a real pack has
    entries = [C.ChartEntry(slug, chart.title, "") for slug, chart in CHARTS.items()]
    content = C.pack_content(wb, today=TODAY, role=resolve_role(wb, catalog),
                             charts=entries)
    for page in (pdf.cover_page, pdf.goals_page, pdf.actions_page):
        assert not text_problems(page(content)), page.__name__


def test_helper_catches_a_long_action_running_into_its_tag():
    # the "Next actions" page: a long title must not run over the "goal behind" tag
    from career_workbook.export.content import ActionRow

    content = C.pack_content(cw.new_workbook("Nova Person"), today=TODAY)
    import dataclasses

    row = ActionRow(rank=1, kind="goal behind", item="Wow " * 22, reason="Because")
    content = dataclasses.replace(content, actions=(row,))
    assert not text_problems(pdf.actions_page(content))


@pytest.mark.parametrize("width", range(8, 70))
def test_no_line_breaks_inside_a_short_unit(width):
    """The Tomas learning chart's headline ended "… (36" / "h)": every wrap (chart labels,
    headlines, PDF text) keeps a short parenthesised unit and a number's unit whole."""
    from career_workbook.charts import wrap_label
    from career_workbook.charts._style import _wrap_escaped

    text = "75 hours of learning — most on Management of Personnel … (36 h), walk 5 km"
    for wrapped in (wrap_label(text, width, max_lines=30), _wrap_escaped(text, width),
                    pdf.fit(text, width, 30)):
        lines = wrapped.split("\n")
        assert any("(36 h)" in line for line in lines), (width, lines)
        assert any("5 km" in line for line in lines), (width, lines)


def test_headlines_break_at_spaces_only():
    """A headline broken after a hyphen read back as "pull- request" in captions."""
    from career_workbook.charts._style import _wrap_escaped

    text = "Next deadline in 39 days: Cut the payments team's median pull-request review"
    assert all("-\n" not in _wrap_escaped(text, w) for w in range(20, 62))


@pytest.mark.parametrize("kind", [p.stem for p in EXAMPLES])
def test_cover_cards_say_their_whole_detail(kind, catalog):
    """Priya's readiness card read "of the Senior Data Scientist …": a card's detail has
    two lines, inside its card."""
    wb = _workbook(kind)
    content = C.pack_content(wb, today=TODAY, role=resolve_role(wb, catalog))
    page = pdf.cover_page(content)
    shown = [" ".join(t.get_text().split()) for t in page.texts]
    for head in content.headlines:
        if len(head.detail) <= 60:
            assert " ".join(head.detail.split()) in shown, (head.detail, shown)
    assert not text_problems(page)
