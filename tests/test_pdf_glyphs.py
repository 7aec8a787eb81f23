"""Every glyph of the review PDF is the glyph the PNG shows.

matplotlib's PDF backend writes a Type 3 font's glyphs (and, before 3.11, every emoji)
under their PostScript names; Symbola, the emoji font of many Linux machines, names 2,302
of its glyphs ``''``, so a family in a client's name came out of the PDF as four rockets
(the 🚀 of an achievement) or four boxed "A"s. The page renderer writes such glyphs as
their outlines (``export/pdf_replay.py``). Checked here by rasterising the PDF with
``pdftoppm`` and matching each glyph drawn against the same figure's PNG, and in a whole
pack's embedded fonts.
"""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure

from career_workbook.charts import house_style
from career_workbook.charts._style import new_figure
from career_workbook.export import PACK_DPI
from career_workbook.export.content import PackContent
from career_workbook.export.files import figure_bytes, frozen_layout, quiet_glyph_warnings
from career_workbook.export.pack import render_pack
from career_workbook.export.pdf import add_chart_page, add_page, write_pdf
from career_workbook.export.pdf_replay import recording, unnamed_glyphs
from career_workbook.model import Achievement, Goal, new_workbook
from career_workbook.store import dumps

TODAY = date(2026, 11, 22)
GLYPHS = ["🚀", "😀", "👨", "👩", "👧", "👦", "🇺", "🇦", "❤", "★", "项", "目", "W"]
"""Emoji (most without a glyph name in Symbola), symbols and CJK: each unlike the others."""
CONTENT = PackContent("Sam Lee", TODAY, "Analyst", None, "", "", "", (), (), (), ())

pytestmark = pytest.mark.usefixtures("needs_pdftoppm", "emoji_font", "cjk_font")


def _row_figure(figure: Figure) -> Figure:
    """``figure`` with the glyphs in one row, far apart: once each as a text of its own
    and once all in one text (as in a name or a goal)."""
    with house_style():
        for i, glyph in enumerate(GLYPHS):
            figure.text(0.04 + i * 0.074, 0.7, glyph, fontsize=18, parse_math=False)
        figure.text(0.04, 0.25, "   ".join(GLYPHS), fontsize=18, parse_math=False)
    return figure


def _blobs(gray: np.ndarray, dpi: int = 100) -> list[list[np.ndarray]]:
    """The glyphs drawn in each of the picture's rows of text (at ``dpi``), left to right,
    each cut to its ink and scaled to 24 x 24 (grey levels 0..1)."""
    from PIL import Image

    ink = gray < 160
    rows = np.flatnonzero(ink.any(axis=1))
    gap = 4 * dpi // 100  # the dotted boxes of 🇺 and 🇦 have gaps
    bands = np.split(rows, np.flatnonzero(np.diff(rows) > gap) + 1)
    found = []
    for band in bands:
        strip = ink[band[0]:band[-1] + 1]
        cols = np.flatnonzero(strip.any(axis=0))
        glyphs = []
        for run in np.split(cols, np.flatnonzero(np.diff(cols) > gap) + 1):
            cut = strip[:, run[0]:run[-1] + 1]
            lines = np.flatnonzero(cut.any(axis=1))
            cut = cut[lines[0]:lines[-1] + 1]
            small = Image.fromarray((cut * 255).astype(np.uint8)).resize((24, 24),
                                                                          Image.BILINEAR)
            glyphs.append(np.asarray(small, dtype=float) / 255)
        found.append(glyphs)
    return found


def _pdf_pages(pdf: bytes, tmp: Path, dpi: int = 100) -> list[np.ndarray]:
    from PIL import Image

    (tmp / "glyphs.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(tmp / "glyphs.pdf"),
                    str(tmp / "g")], check=True)
    return [np.asarray(Image.open(p).convert("L")) for p in sorted(tmp.glob("g*.png"))]


def _png(fig: Figure, dpi: int = 100) -> np.ndarray:
    from PIL import Image

    with quiet_glyph_warnings():
        data = figure_bytes(fig, "png", dpi=dpi)
    return np.asarray(Image.open(io.BytesIO(data)).convert("L"))


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a - a.mean(), b - b.mean()
    return float((a * b).sum() / (np.sqrt((a * a).sum() * (b * b).sum()) or 1))


def _matches(drawn: list[np.ndarray], shown: list[np.ndarray]) -> list[int]:
    """For each glyph ``drawn`` (from the PDF), the index of the most alike of ``shown``
    (the PNG's), by correlation."""
    return [int(np.argmax([_correlation(d, s) for s in shown])) for d in drawn]


def _check(page: np.ndarray, png: np.ndarray, dpi: int = 100) -> None:
    # the page's rows of text, top down: the heading, the two rows, the footer
    drawn_rows = [r for r in _blobs(page, dpi) if len(r) == len(GLYPHS)][:2]
    shown_rows = _blobs(png, dpi)
    assert [len(r) for r in shown_rows] == [len(GLYPHS)] * 2
    assert len(drawn_rows) == 2, [len(r) for r in _blobs(page, dpi)]
    for drawn, shown in zip(drawn_rows, shown_rows, strict=True):
        assert _matches(drawn, shown) == list(range(len(GLYPHS)))


def test_each_glyph_of_a_text_page_is_the_one_the_png_shows(tmp_path):
    with house_style():
        fig = _row_figure(Figure(figsize=(8.27, 11.69), layout="none"))
        fig.patch.set_facecolor("white")
    buf = io.BytesIO()
    with quiet_glyph_warnings(), write_pdf(buf) as pdf:
        add_page(pdf, fig)
        add_page(pdf, fig)  # the same texts again: written from what the file wrote
    pages = _pdf_pages(buf.getvalue(), tmp_path)
    png = _png(fig)
    for page in pages:
        _check(page, png)


@pytest.mark.parametrize("replayed", [True, False], ids=["replayed", "drawn"])
def test_each_glyph_of_a_chart_page_is_the_one_the_png_shows(tmp_path, replayed):
    fig = new_figure(3)
    fig.set_layout_engine("none")  # texts only: nothing to lay out
    fig = _row_figure(fig)
    buf = io.BytesIO()
    with quiet_glyph_warnings():
        with frozen_layout(fig), recording(fig) as rec:
            png = figure_bytes(fig, "png", dpi=PACK_DPI)
        with write_pdf(buf) as pdf:
            add_chart_page(pdf, fig, heading="2 · Glyphs", content=CONTENT, page=2,
                           drawn=rec if replayed else None)
    assert rec.usable
    del png
    # the chart is drawn at 86 % between the page's margins: finer pixels for its glyphs
    (page,) = _pdf_pages(buf.getvalue(), tmp_path, dpi=200)
    _check(page, _png(fig, dpi=200), dpi=200)


def test_symbola_names_none_of_the_emoji_the_pack_draws_as_outlines(emoji_font):
    from matplotlib import font_manager

    font = font_manager.get_font(font_manager.findfont(emoji_font))
    unnamed = unnamed_glyphs(font)
    if not unnamed:
        pytest.skip(f"{emoji_font} names each of its glyphs: nothing to draw as outlines")
    assert font.get_char_index(ord("🚀")) in unnamed
    assert font.get_char_index(ord("★")) not in unnamed  # "blackstar": a name of its own


def _type3_fonts(pdf: bytes) -> dict[str, tuple[list[str], set[str]]]:
    """Each Type 3 font of ``pdf``: the glyph names its codes draw and those it has."""
    from pypdf import PdfReader

    found = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font["/Subtype"] == "/Type3":
                names = [str(n) for n in font["/Encoding"]["/Differences"]
                         if not isinstance(n, int)]
                found[str(font["/BaseFont"])] = (names, {str(n) for n in font["/CharProcs"]})
    return found


def test_a_pack_with_a_family_and_a_flag_writes_each_glyph_as_itself(tmp_path):
    # the red team's client: a family in the name, a flag in a goal, a rocket elsewhere
    wb = new_workbook("Zoë Núñez 👨‍👩‍👧‍👦", today=date(2026, 1, 5))
    wb.goals.append(Goal(id="g1", text="Lead the 🇺🇦 migration team 项目 by March 2027",
                         created=date(2026, 1, 5), deadline=date(2027, 3, 31),
                         status="active"))
    wb.achievements.append(Achievement(date=date(2026, 6, 20), title="Shipped v2 🚀 😀",
                                       impact="Launched ❤ ★"))
    pdf = render_pack(dumps(wb).encode(), "zoe.yaml", today=TODAY,
                      formats=("pdf",))["review.pdf"]
    fonts = _type3_fonts(pdf)
    assert fonts
    for font, (names, procs) in fonts.items():
        # two codes drawing the glyph of one name (or of none) draw the same glyph
        assert len(names) == len(set(names)), (font, sorted(names))
        assert "/" not in names and set(names) <= procs, (font, sorted(names))
    # the cover's name at 28 pt: the family's four people, not four of one glyph
    cover = _pdf_pages(pdf, tmp_path)[0]
    name_line = cover[110:185]  # 1.1 to 1.85 inches from the top, at 100 dpi
    (glyphs,) = _blobs(name_line)
    people = glyphs[-4:]
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            assert _correlation(a, b) < 0.95, [round(_correlation(a, p), 3) for p in people]
