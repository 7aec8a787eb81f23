"""What the review PDF costs beyond its charts (issue 15: the default pack's CPU against its
floor, each chart built once and saved as one PNG).

The PDF's work is counted here, not timed: a line measured to wrap a page's text is not
measured again to draw it, a text's glyphs are laid out without loading their outlines,
the bytes of a text the process wrote before are not serialised again, a graphics state
the page is already in is not compared property by property, and a chart's texts are
not laid out again for the next client. Each change keeps every byte of the PDF:
``tests/test_pdf_replay.py`` compares the pages with matplotlib's own.
"""

from __future__ import annotations

import io
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from matplotlib import ft2font
from matplotlib.backends import backend_pdf

from career_workbook import store
from career_workbook.catalog import load_catalog, resolve_role
from career_workbook.export import PACK_DPI, pdf_replay
from career_workbook.export.content import PackContent, pack_content
from career_workbook.export.files import figure_bytes, frozen_layout, quiet_glyph_warnings
from career_workbook.export.pdf import (
    add_chart_page,
    add_page,
    cover_page,
    goals_page,
    write_pdf,
)
from career_workbook.figures import make_figures

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
TODAY = date(2026, 11, 22)
CONTENT = PackContent("Sam Lee", TODAY, "Analyst", None, "", "", "", (), (), (), ())

rewritten = pytest.mark.skipif(not pdf_replay.TEXTS_REWRITTEN,
                               reason="texts are written by matplotlib itself here")


@pytest.fixture
def cold(monkeypatch):
    """An empty process-wide text memo, as in a new ``career-workbook pack`` process."""
    monkeypatch.setattr(pdf_replay, "_TEXTS", {})


@pytest.fixture(scope="module")
def priya():
    wb = store.load(EXAMPLE, clean=False)
    role = resolve_role(wb, load_catalog())
    return wb, role, pack_content(wb, today=TODAY, role=role, charts=[])


def _spy(monkeypatch, cls, name, calls: Counter, key=lambda *args: args[0]):
    real = getattr(cls, name)

    def spy(self, *args, **kwargs):
        calls[key(*args)] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, spy)


def _pages(content, makers=(cover_page, goals_page)) -> bytes:
    buf = io.BytesIO()
    with write_pdf(buf) as pdf:
        for make in makers:
            add_page(pdf, make(content))
    return buf.getvalue()


def test_a_line_measured_to_wrap_a_page_is_not_measured_again_to_draw_it(
        priya, cold, monkeypatch):
    """The cover's name, facts and card texts and the goals page's goals are measured to
    fit their room, then drawn: each string is shaped once for its font and size."""
    sizes: dict[int, tuple] = {}
    measured: Counter = Counter()
    set_size, set_text = ft2font.FT2Font.set_size, ft2font.FT2Font.set_text

    def sized(font, *args):
        sizes[id(font)] = args
        return set_size(font, *args)

    def measuring(font, s, *args, **kwargs):
        measured[s, font.fname, sizes.get(id(font))] += 1
        return set_text(font, s, *args, **kwargs)

    monkeypatch.setattr(ft2font.FT2Font, "set_size", sized)
    monkeypatch.setattr(ft2font.FT2Font, "set_text", measuring)
    _pages(priya[2])
    assert measured, "nothing was measured"
    again = {s: n for s, n in measured.items() if n > 1}
    assert not again, f"measured more than once: {again}"


@rewritten
def test_a_texts_glyphs_are_laid_out_without_loading_their_outlines(priya, cold,
                                                                      monkeypatch):
    """Writing a page's texts needs each glyph's place, not its outline: the outlines are
    read once per glyph when the file embeds its fonts, not for every text."""
    loaded: Counter = Counter()
    buf = io.BytesIO()
    with write_pdf(buf) as pdf:
        _spy(monkeypatch, ft2font.FT2Font, "load_glyph", loaded)
        for make in (cover_page, goals_page):
            add_page(pdf, make(priya[2]))
        monkeypatch.undo()  # the fonts are embedded as the file closes
    assert sum(loaded.values()) == 0, loaded.most_common(5)


@rewritten
def test_the_next_clients_file_does_not_serialise_a_text_written_before(priya, cold,
                                                                         monkeypatch):
    """A text written in an earlier file of this process (the same glyphs, fonts and
    codes) is written from the bytes made then: no glyph is serialised again, and the
    file is byte for byte the first one."""
    first = _pages(priya[2])
    shown = []
    real = backend_pdf.pdfRepr

    def counting(obj):
        if obj is backend_pdf.Op.showkern:
            shown.append(obj)
        return real(obj)

    monkeypatch.setattr(backend_pdf, "pdfRepr", counting)
    assert _pages(priya[2]) == first
    assert shown == []


@rewritten
def test_a_state_the_page_is_in_is_not_compared_again(cold, monkeypatch):
    """Twenty labels in one colour: the page's graphics state is set once, not compared
    property by property for each label (``GraphicsContextPdf.delta``)."""
    from career_workbook.export.pdf import _page

    page = _page()
    for i in range(20):
        page.text(0.1, 0.9 - i * 0.04, f"Label {i}", color="#444444", fontsize=9)
    compared: Counter = Counter()
    _spy(monkeypatch, backend_pdf.GraphicsContextPdf, "delta", compared, key=lambda *a: 0)
    buf = io.BytesIO()
    with write_pdf(buf) as pdf:
        add_page(pdf, page)
    assert sum(compared.values()) <= 3, compared


def test_a_charts_texts_are_laid_out_once_for_every_client(priya, cold, monkeypatch):
    """The same chart on the next client's page: its replayed texts (headings, ticks,
    labels) are placed from the lines laid out for the first (matplotlib's own values);
    what is drawn live (legends, labels kept clear of each other) is laid out again."""
    from matplotlib.text import Text

    wb, role, _ = priya
    with quiet_glyph_warnings():
        fig = make_figures(wb, today=TODAY, role=role, slugs=["skill_gaps"])["skill_gaps"]
        with frozen_layout(fig, PACK_DPI), pdf_replay.recording(fig) as rec:
            figure_bytes(fig, "png", dpi=PACK_DPI)
        assert rec.usable
        laid_out: list[list[int]] = []
        real = Text._get_layout

        def counting(text, renderer):
            if sys._getframe(1).f_code.co_filename == pdf_replay.__file__:  # to replay it
                laid_out[-1].append(id(text))
            return real(text, renderer)

        monkeypatch.setattr(Text, "_get_layout", counting)
        pages = []
        for _ in range(2):
            laid_out.append([])
            buf = io.BytesIO()
            with write_pdf(buf) as pdf:
                add_chart_page(pdf, fig, heading="2 · Skill gaps", content=CONTENT, page=2,
                               drawn=rec)
            pages.append(buf.getvalue())
    assert pages[0] == pages[1]
    assert len(laid_out[0]) > 10
    assert laid_out[1] == []
