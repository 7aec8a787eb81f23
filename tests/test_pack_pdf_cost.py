"""What the review PDF costs beyond its charts (issue 15: the default pack's CPU against its
floor, each chart built once and saved as one PNG).

The PDF's work is counted here, not timed: a line measured to wrap a page's text is not
measured again to draw it (and on matplotlib 3.11 its measure comes from the glyph layout
that writes it: shaped once), a text's glyphs are laid out without loading their outlines,
the bytes of a text the process wrote before are not serialised again, a graphics state
the page is already in is not compared property by property, and a chart's texts are
not laid out again for the next client. Each change keeps every byte of the PDF:
``tests/test_pdf_replay.py`` compares the pages with matplotlib's own.
"""

from __future__ import annotations

import contextlib
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
    monkeypatch.setattr(pdf_replay, "_GLYPH_BOXES", {})


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
    fit their room, then drawn: each string is shaped once for its font and size (on
    matplotlib 3.11 the shaping that places its glyphs measures it too)."""
    sizes: dict[int, tuple] = {}
    shaped: Counter = Counter()
    set_size = ft2font.FT2Font.set_size

    def sized(font, *args):
        sizes[id(font)] = args
        return set_size(font, *args)

    def shaping(name):
        real = getattr(ft2font.FT2Font, name)

        def shape(font, s, *args, **kwargs):
            shaped[s, font.fname, sizes.get(id(font))] += 1
            return real(font, s, *args, **kwargs)

        monkeypatch.setattr(ft2font.FT2Font, name, shape)

    monkeypatch.setattr(ft2font.FT2Font, "set_size", sized)
    shaping("set_text")
    if pdf_replay.TEXTS_REWRITTEN:
        shaping("_layout")
    _pages(priya[2])
    assert shaped, "nothing was measured"
    again = {s: n for s, n in shaped.items() if n > 1}
    assert not again, f"shaped more than once: {again}"


@rewritten
def test_a_texts_glyphs_are_laid_out_without_loading_their_outlines(priya, cold,
                                                                      monkeypatch):
    """Writing a page's texts needs each glyph's place, not its outline: a glyph is loaded
    once per size for its box and advance (to measure the texts that use it), not for every
    text; the outlines are read once per glyph when the file embeds its fonts."""
    loaded: Counter = Counter()
    sizes: dict[str, float] = {}
    set_size = ft2font.FT2Font.set_size

    def sized(font, size, dpi):
        sizes[font.fname] = size
        return set_size(font, size, dpi)

    load_glyph = ft2font.FT2Font.load_glyph

    def loading(font, index, *args, **kwargs):
        loaded[font.fname, index, sizes.get(font.fname)] += 1
        return load_glyph(font, index, *args, **kwargs)

    buf = io.BytesIO()
    with write_pdf(buf) as pdf:
        monkeypatch.setattr(ft2font.FT2Font, "set_size", sized)
        monkeypatch.setattr(ft2font.FT2Font, "load_glyph", loading)
        for make in (cover_page, goals_page):
            add_page(pdf, make(priya[2]))
        monkeypatch.undo()  # the fonts are embedded as the file closes
    again = {glyph: n for glyph, n in loaded.items() if n > 1}
    assert loaded and not again, again


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


def test_a_pages_fonts_are_looked_up_once_for_every_text(priya, cold, monkeypatch):
    """The cover and goals pages measure dozens of texts in a few fonts: each font's files
    are looked up once (``font_files``, ~60 us: matplotlib scores every installed font
    for each family), not once for each text measured for the first time; the pages are
    the same bytes."""
    looked_up: Counter = Counter()
    real = pdf_replay.font_files

    def counting(prop):
        looked_up[pdf_replay._font_key(prop)] += 1
        return real(prop)

    first = _pages(priya[2])
    monkeypatch.setattr(pdf_replay, "_TEXTS", {})
    monkeypatch.setattr(pdf_replay, "_GLYPH_BOXES", {})
    monkeypatch.setattr(pdf_replay, "font_files", counting)
    assert _pages(priya[2]) == first
    assert looked_up, "no font was looked up"
    again = {key[5]: n for key, n in looked_up.items() if n > 1}  # by size in points
    assert not again, f"looked up more than once: {again}"


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
            caller = sys._getframe(1).f_code  # to replay it (not a legend drawn live)
            if caller.co_filename == pdf_replay.__file__ and caller.co_name != "once":
                laid_out[-1].append(id(text))
            return real(text, renderer)

        monkeypatch.setattr(Text, "_get_layout", counting)
        pages = []
        for _ in range(2):
            laid_out.append([])
            pages.append(_chart_page(fig, rec, "2 · Skill gaps", 2))
    assert pages[0] == pages[1]
    assert len(laid_out[0]) > 10
    assert laid_out[1] == []


@rewritten
def test_a_text_is_measured_from_its_glyph_layout_as_set_text_measures_it(cold):
    """On matplotlib 3.11 a text's width, height and descent come from the glyph layout
    its drawing uses (:func:`~career_workbook.export.pdf_replay._measured`): the same
    numbers as ``FT2Font.set_text`` for every text, those of the example pack and
    random ones in Latin, Greek, Cyrillic, Chinese, Korean, Arabic, Hebrew, Devanagari,
    symbols and emoji, at the pages' sizes; a text with a combining mark, a space other
    than the ASCII one or a format character is measured by ``set_text`` itself."""
    import random

    from matplotlib.font_manager import FontProperties

    from career_workbook.charts import house_style

    def by_set_text(s, prop):
        font = pdf_replay._pdf_font(prop)
        font.set_text(s, 0.0, flags=ft2font.LoadFlags.NO_HINTING)
        (w, h), d = font.get_width_height(), font.get_descent()
        return w / 64, h / 64, d / 64

    rng = random.Random(15)
    letters = ("abcdefghijklmnopqrstuvwxyzAVAWTYLTo0123456789 .,;:!?'\"()-–—…·“”‘’ "
               "éèçñüößøÉαβΔΩабвЖЯ项目管理数据团队完成三个مرحباשלוםनमस한국어"
               "✓◐✗★→↑€£°±×🚀👍🏽😀")
    others = "\u0301\u0308\u094d\u200d\ufe0f\u2009\u00a0\u3000\t"
    texts = ["", " ", "AVAWAY To", "Priya's SQL is the best on the team", "(36 h)",
             "cafe\u0301", "👍\u200d", "a\u2009b", "项̈"]
    texts += ["".join(rng.choice(letters + others * (i % 5 == 0))
                      for _ in range(rng.randint(1, 40))) for i in range(400)]
    wb = store.load(EXAMPLE, clean=False)
    texts += [g.text for g in wb.goals] + [a.title for a in wb.achievements]
    with house_style(), quiet_glyph_warnings():
        props = [FontProperties(size=size, weight=weight) for size in (8, 9.5, 11, 28)
                 for weight in ("normal", "bold")]
        plain = 0
        for i, s in enumerate(texts):
            for prop in props[i % 3::3]:
                pdf_replay._TEXTS.clear()
                assert pdf_replay._measured(s, prop) == by_set_text(s, prop), (s, prop)
            plain += pdf_replay._plain(s)
    assert plain > 300


def _chart_page(fig, rec, heading: str, page: int) -> bytes:
    """One chart page of a review PDF, ``fig`` replayed from its recording ``rec``."""
    buf = io.BytesIO()
    with write_pdf(buf) as pdf:
        add_chart_page(pdf, fig, heading=heading, content=CONTENT, page=page, drawn=rec)
    return buf.getvalue()


def test_a_legend_drawn_live_on_its_page_lays_out_each_label_once(priya, cold, monkeypatch):
    """A legend is drawn live on its chart's page (its sizes come from the PDF's metrics):
    each label is laid out once, to size its box and to draw it, not again for the frame,
    for each packer above it and for its drawing (six times before), and the page is the
    same bytes as when every box and text measured itself each time."""
    from matplotlib.text import Text

    wb, role, _ = priya
    with quiet_glyph_warnings():
        fig = make_figures(wb, today=TODAY, role=role, slugs=["goal_timeline"])["goal_timeline"]
        legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend())]
        labels = {id(text): text.get_text() for legend in legends for text in legend.texts}
        assert len(labels) >= 4
        with frozen_layout(fig, PACK_DPI), pdf_replay.recording(fig) as rec:
            figure_bytes(fig, "png", dpi=PACK_DPI)
        assert rec.usable

        def page() -> bytes:
            return _chart_page(fig, rec, "4 · Goal timeline", 4)

        laid_out: list[Counter] = []
        real = Text._get_layout

        def counting(text, renderer):
            if id(text) in labels:
                laid_out[-1][labels[id(text)]] += 1
            return real(text, renderer)

        monkeypatch.setattr(Text, "_get_layout", counting)
        laid_out.append(Counter())
        measured_once = page()
        laid_out.append(Counter())
        with monkeypatch.context() as mp:  # each box measuring itself every time, as before
            mp.setattr(pdf_replay, "_boxes_measured_once", lambda artist: contextlib.nullcontext(),
                       raising=False)
            every_time = page()
    assert sorted(laid_out[0]) == sorted(labels.values())
    assert set(laid_out[0].values()) == {1}, laid_out[0]
    assert min(laid_out[1].values()) > 2, laid_out[1]
    assert measured_once == every_time


def test_a_replayed_page_gives_its_calls_one_graphics_context(priya, cold, monkeypatch):
    """The replay gives every recorded call its graphics state in one graphics context
    (a new one for each call before: 50 on this page), and the page keeps its
    bytes."""
    wb, role, _ = priya
    with quiet_glyph_warnings():
        fig = make_figures(wb, today=TODAY, role=role, slugs=["skill_gaps"])["skill_gaps"]
        with frozen_layout(fig, PACK_DPI), pdf_replay.recording(fig) as rec:
            figure_bytes(fig, "png", dpi=PACK_DPI)
        assert rec.usable and len(rec.ops) > 20

        def page() -> bytes:
            return _chart_page(fig, rec, "2 · Skill gaps", 2)

        first = page()
        made = []
        real = backend_pdf.RendererPdf.new_gc

        def counting(renderer):
            if sys._getframe(1).f_code is pdf_replay.replay.__code__:
                made.append(1)
            return real(renderer)

        monkeypatch.setattr(backend_pdf.RendererPdf, "new_gc", counting)
        assert page() == first
    assert len(made) == 1
