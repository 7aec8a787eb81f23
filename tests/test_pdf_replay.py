"""A chart's PDF page replayed from its PNG drawing is the page matplotlib draws.

Every chart of ``charts.CHARTS`` on the example workbooks, a just-created workbook and a
half-filled one: the page written from the recording of the PNG drawing
(``export.pdf_replay``) and the page matplotlib's PDF backend draws for the same figure
are rasterised with ``pdftoppm -r 100`` and compared pixel by pixel. The largest
difference seen when this was written: 0 (every page identical) on matplotlib 3.11.2 and
3.9.0.
"""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure

from career_workbook import store
from career_workbook.catalog import load_catalog, resolve_role
from career_workbook.charts import CHARTS
from career_workbook.export import PACK_DPI, pdf_replay
from career_workbook.export import pack as pack_module
from career_workbook.export.content import PackContent
from career_workbook.export.files import figure_bytes, frozen_layout, quiet_glyph_warnings
from career_workbook.export.pdf import add_chart_page, write_pdf
from career_workbook.figures import make_figures

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"))
TODAY = date(2026, 11, 22)
TOLERANCE = 2
"""Largest difference allowed in any channel of any pixel (of 255); 0 is what we see."""
CONTENT = PackContent("Sam Lee", TODAY, "Analyst", None, "", "", "", (), (), (), ())


pytestmark = pytest.mark.usefixtures("needs_pdftoppm")


def _pixels(pdf: bytes, tmp: Path) -> list[np.ndarray]:
    from PIL import Image

    for old in tmp.glob("p*.png"):
        old.unlink()
    (tmp / "page.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(tmp / "page.pdf"), str(tmp / "p")],
                   check=True)
    return [np.asarray(Image.open(p).convert("RGB"), dtype=np.int16)
            for p in sorted(tmp.glob("p*.png"))]


def _page(fig: Figure, drawn: object) -> bytes:
    buf = io.BytesIO()
    with write_pdf(buf) as pdf:
        add_chart_page(pdf, fig, heading="2 · A chart", content=CONTENT, page=2,
                       drawn=drawn)
    return buf.getvalue()


def _recorded(fig: Figure) -> pdf_replay.Recording:
    with pdf_replay.recording(fig) as rec:
        figure_bytes(fig, "png", dpi=PACK_DPI)
    return rec


def _compare(figures: dict[str, Figure], tmp: Path) -> tuple[dict[str, int], list[str]]:
    """Largest pixel difference per replayed chart, and the charts that fell back."""
    diffs, fell_back = {}, []
    with quiet_glyph_warnings():
        for slug, fig in figures.items():
            with frozen_layout(fig):
                rec = _recorded(fig)
                plain = _page(fig, None)
                replayed = _page(fig, rec)
            if not rec.usable:
                fell_back.append(slug)
                continue
            (a,), (b,) = _pixels(plain, tmp), _pixels(replayed, tmp)
            assert a.shape == b.shape, slug
            diffs[slug] = int(np.abs(a - b).max())
    return diffs, fell_back


def _figures(wb: object) -> dict[str, Figure]:
    with quiet_glyph_warnings():
        return make_figures(wb, today=TODAY, role=resolve_role(wb, load_catalog()))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_replayed_pages_match_matplotlibs_pdf_on_the_examples(path, tmp_path):
    diffs, fell_back = _compare(_figures(store.load(path, clean=False)), tmp_path)
    print(path.stem, "largest pixel difference per chart:", diffs, "drawn by matplotlib:",
          fell_back)
    # a chart with an image (the scorecard) is replayed where images are drawn live
    assert set(fell_back) <= (set() if pdf_replay.IMAGES_LIVE else {"smart_scorecard"})
    assert set(diffs) | set(fell_back) == set(CHARTS)
    assert max(diffs.values()) <= TOLERANCE, diffs


@pytest.mark.parametrize("kind", ["empty", "half"])
def test_replayed_pages_match_on_new_and_half_filled_workbooks(kind, empty_wb, half_wb,
                                                                tmp_path):
    wb = empty_wb if kind == "empty" else half_wb
    diffs, fell_back = _compare(_figures(wb), tmp_path)
    print(kind, diffs, fell_back)
    # a chart with an image (the scorecard) is replayed where images are drawn live
    assert set(fell_back) <= (set() if pdf_replay.IMAGES_LIVE else {"smart_scorecard"})
    assert set(diffs) | set(fell_back) == set(CHARTS)
    assert max(diffs.values()) <= TOLERANCE, diffs


def test_replayed_pages_match_with_chinese_names_and_goals(cjk_font, half_wb, tmp_path):
    # drawn in the fallback font (charts/_fonts.py): its glyphs are placed and embedded
    # as matplotlib's own page places and embeds them
    wb = half_wb.model_copy(deep=True)
    wb.person.name = "李明"
    for goal in wb.goals:
        goal.text = f"成为数据团队的经理: {goal.text}"
    for skill in wb.skills:
        skill.name = f"{skill.name} 数据"
    diffs, fell_back = _compare(_figures(wb), tmp_path)
    print(diffs, fell_back)
    assert set(fell_back) <= (set() if pdf_replay.IMAGES_LIVE else {"smart_scorecard"})
    assert max(diffs.values()) <= TOLERANCE, diffs


def _image_figure() -> Figure:
    from career_workbook.charts._style import new_figure

    fig = new_figure(3)
    ax = fig.add_subplot()
    ax.imshow(np.arange(12).reshape(3, 4))
    ax.set_title("An image")
    return fig


def test_an_image_is_drawn_live_on_the_replayed_page_or_the_page_falls_back(tmp_path):
    fig = _image_figure()
    with frozen_layout(fig):
        rec = _recorded(fig)
        if pdf_replay.IMAGES_LIVE:
            assert rec.usable and [op[0] for op in rec.ops].count("live") == 1
        else:
            assert not rec.usable and "draw_image" in rec.reason
        plain, replayed = _page(fig, None), _page(fig, rec)
    (a,), (b,) = _pixels(plain, tmp_path), _pixels(replayed, tmp_path)
    assert int(np.abs(a - b).max()) <= TOLERANCE


@pytest.mark.parametrize("unsupported", ["rasterized", "agg_filter"])
def test_a_figure_with_something_unsupported_falls_back_to_matplotlibs_page(unsupported,
                                                                           tmp_path):
    from career_workbook.charts._style import new_figure

    fig = new_figure(3)
    ax = fig.add_subplot()
    (line,) = ax.plot([0, 1, 0.5], linewidth=3)
    ax.set_title("Something unsupported")
    if unsupported == "rasterized":
        line.set_rasterized(True)
    else:
        line.set_agg_filter(lambda pixels, dpi: (pixels[::-1], 0, 0))
    with frozen_layout(fig):
        rec = _recorded(fig)
        assert not rec.usable and "start_" in rec.reason
        with pytest.raises(ValueError, match="cannot be replayed"):
            pdf_replay.replay(rec, fig, None, (0, 0))
        plain, fallback = _page(fig, None), _page(fig, rec)
    (a,), (b,) = _pixels(plain, tmp_path), _pixels(fallback, tmp_path)
    assert np.array_equal(a, b)
    assert (a < 128).any()  # the page has the line on it, not nothing


def test_a_text_not_drawn_by_a_text_artist_makes_the_recording_unusable():
    from matplotlib.artist import Artist
    from matplotlib.font_manager import FontProperties

    from career_workbook.charts._style import new_figure

    class RawText(Artist):  # calls the renderer itself, as no house chart does
        def draw(self, renderer):
            renderer.draw_text(renderer.new_gc(), 10, 10, "raw", FontProperties(), 0)

    fig = new_figure(2)
    fig.add_subplot().plot([0, 1])
    fig.add_artist(RawText())
    with frozen_layout(fig):
        rec = _recorded(fig)
    assert not rec.usable and "Text.draw" in rec.reason


def test_a_figure_drawn_twice_while_recording_is_not_replayed():
    from career_workbook.charts._style import new_figure

    fig = new_figure(2)
    fig.add_subplot().plot([0, 1])
    with frozen_layout(fig), pdf_replay.recording(fig) as rec:
        figure_bytes(fig, "png", dpi=PACK_DPI)
        figure_bytes(fig, "png", dpi=100)
    assert rec.draws == 2 and not rec.usable


def test_the_pack_pdf_is_replayed_keeps_text_and_embeds_fonts(tmp_path, monkeypatch):
    """The pack's review.pdf: every chart page replayed,
    every page the same pixels as with the replay switched off, titles findable as text,
    every font embedded."""
    path = EXAMPLES[0]
    data = path.read_bytes()
    replays = []
    real_replay = pdf_replay.replay

    def counted(*args, **kwargs):
        replays.append(args[0])
        return real_replay(*args, **kwargs)

    monkeypatch.setattr(pdf_replay, "replay", counted)
    files = pack_module.render_pack(data, path.name, today=TODAY)
    assert len(replays) == len(CHARTS) - (not pdf_replay.IMAGES_LIVE)
    monkeypatch.setattr(pack_module, "recording", lambda fig: _NoRecording())
    plain = pack_module.render_pack(data, path.name, today=TODAY)["review.pdf"]
    assert len(replays) == len(CHARTS) - (not pdf_replay.IMAGES_LIVE)
    pages, plain_pages = _pixels(files["review.pdf"], tmp_path), _pixels(plain, tmp_path)
    assert len(pages) == len(plain_pages) == len(CHARTS) + 5  # + achievements, comments
    assert max(int(np.abs(a - b).max()) for a, b in zip(pages, plain_pages, strict=True)) \
        <= TOLERANCE
    (tmp_path / "review.pdf").write_bytes(files["review.pdf"])
    text = subprocess.run(["pdftotext", str(tmp_path / "review.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    for title in ("Skill radar", "Progress against plan", "on track", "Expected"):
        assert title.lower() in text.lower(), title
    fonts = subprocess.run(["pdffonts", str(tmp_path / "review.pdf")], check=True,
                           capture_output=True, text=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts


def test_texts_laid_out_for_other_clients_write_the_same_pdf_as_matplotlib(monkeypatch):
    """The process-wide text memo (sizes, line heights and, on matplotlib 3.11, glyph
    layouts) changes no byte: a client's review.pdf written after two other clients' packs
    warmed it is the one matplotlib's own text writing gives on a cold memo."""
    rewritten = pdf_replay.TEXTS_REWRITTEN

    def review(path: Path) -> bytes:
        return pack_module.render_pack(path.read_bytes(), path.name, today=TODAY,
                                       formats=("pdf",))["review.pdf"]

    monkeypatch.setattr(pdf_replay, "_TEXTS", {})
    monkeypatch.setattr(pdf_replay, "TEXTS_REWRITTEN", False)
    own = review(EXAMPLES[1])
    monkeypatch.setattr(pdf_replay, "_TEXTS", {})
    monkeypatch.setattr(pdf_replay, "TEXTS_REWRITTEN", rewritten)
    review(EXAMPLES[0]), review(EXAMPLES[2])
    warmed = len(pdf_replay._TEXTS)
    assert warmed > 100
    assert review(EXAMPLES[1]) == own
    assert len(pdf_replay._TEXTS) > warmed  # this client's own texts were laid out too


def test_the_text_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(pdf_replay, "_TEXTS", {})
    monkeypatch.setattr(pdf_replay, "TEXT_MEMO_SIZE", 3)
    for i in range(7):
        assert pdf_replay.text_memo(("k", i), lambda i=i: i * 10) == i * 10
    assert len(pdf_replay._TEXTS) <= 3
    assert pdf_replay.text_memo(("k", 6), lambda: "not made again") == 60


class _NoRecording:
    """What the pack gets when replay is switched off: a recording nothing can replay."""

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


@pytest.mark.parametrize("kind", ["example", "empty"])
def test_text_pages_drawn_on_the_page_renderer_match_savefig(kind, empty_wb, tmp_path):
    """Cover, goals and actions drawn by ``add_page`` are the pages ``savefig`` draws."""
    from career_workbook.export.content import pack_content
    from career_workbook.export.pdf import actions_page, add_page, cover_page, goals_page

    wb = empty_wb if kind == "empty" else store.load(EXAMPLES[0], clean=False)
    content = pack_content(wb, today=TODAY, role=resolve_role(wb, load_catalog()), charts=[])
    pages = {}
    for how in ("savefig", "add_page"):
        buf = io.BytesIO()
        with write_pdf(buf) as pdf:
            for make in (cover_page, goals_page, actions_page, cover_page):
                fig = make(content)
                pdf.savefig(fig) if how == "savefig" else add_page(pdf, fig)
        pages[how] = _pixels(buf.getvalue(), tmp_path)
    assert len(pages["savefig"]) == len(pages["add_page"]) == 4
    for a, b in zip(pages["savefig"], pages["add_page"], strict=True):
        assert int(np.abs(a - b).max()) <= TOLERANCE
        assert (a < 128).any()


def test_a_text_wrapped_at_draw_time_makes_the_recording_unusable(tmp_path):
    from career_workbook.charts._style import new_figure

    fig = new_figure(2)
    ax = fig.add_subplot()
    ax.text(0.1, 0.5, "a long sentence " * 20, wrap=True)
    with frozen_layout(fig):
        rec = _recorded(fig)
        assert not rec.usable and "wrapped" in rec.reason
        plain, fallback = _page(fig, None), _page(fig, rec)
    (a,), (b,) = _pixels(plain, tmp_path), _pixels(fallback, tmp_path)
    assert np.array_equal(a, b)


def test_on_a_matplotlib_the_replay_was_not_checked_on_every_page_is_matplotlibs(
        tmp_path, monkeypatch):
    """A new matplotlib release (``CHECKED`` False) records nothing and draws every page
    with ``savefig``: no replay, no page renderer, the same text pages (its chart pages
    show each chart at its own size, not scaled to the page's margins)."""
    path = EXAMPLES[0]
    data = path.read_bytes()
    checked = pack_module.render_pack(data, path.name, today=TODAY)["review.pdf"]
    used = []

    def refused(*args, **kwargs):
        used.append(args)
        raise AssertionError("replayed on a matplotlib it was not checked on")

    monkeypatch.setattr(pdf_replay, "CHECKED", False)
    monkeypatch.setattr(pdf_replay, "replay", refused)
    monkeypatch.setattr(pdf_replay, "page_renderer", refused)
    fig = Figure()
    fig.add_subplot().plot([0, 1])
    with pdf_replay.recording(fig) as rec:
        figure_bytes(fig, "png", dpi=72)
    assert not rec.usable and "not one the replay was checked on" in rec.reason
    unchecked = pack_module.render_pack(data, path.name, today=TODAY)["review.pdf"]
    assert not used
    pages, plain_pages = _pixels(checked, tmp_path), _pixels(unchecked, tmp_path)
    assert len(pages) == len(plain_pages) == len(CHARTS) + 5  # + achievements, comments
    text_pages = [0, *range(1 + len(CHARTS), len(pages))]  # the cover, then after the charts
    assert max(int(np.abs(pages[i] - plain_pages[i]).max()) for i in text_pages) <= TOLERANCE
    for chart, plain in zip(pages[1:1 + len(CHARTS)], plain_pages[1:1 + len(CHARTS)],
                            strict=True):
        assert chart.shape == plain.shape  # A4, the chart at 86 % on the checked one


def test_replayed_pages_match_with_right_to_left_texts(tmp_path):
    # Hebrew and Arabic goals, skills and contacts are shaped and ordered by matplotlib
    # (3.11 and later): the replayed page draws them as matplotlib's own page does
    wb = store.load(EXAMPLES[0], clean=False)
    wb.goals[0].text = "לסיים קורס ניתוח נתונים עד מרץ 2027"
    wb.skills[0].name = "تحليل البيانات"
    if wb.contacts:
        wb.contacts[0].name = "مريم حداد"
    diffs, fell_back = _compare(_figures(wb), tmp_path)
    assert set(fell_back) <= (set() if pdf_replay.IMAGES_LIVE else {"smart_scorecard"})
    assert diffs and max(diffs.values()) <= TOLERANCE, diffs



def _clips_set_again(pdf: bytes) -> int:
    """How often a page sets the clip rectangle it is already clipped to (``q x y w h re W
    n`` after the same one, with nothing drawn unclipped between: a ``Q q`` and every
    graphics property written again for nothing)."""
    import re
    import zlib

    again = 0
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            data = zlib.decompress(stream)
        except zlib.error:  # not a compressed content stream
            continue
        clips = list(re.finditer(rb"q ([-\d. ]+) re W n", data))
        for a, b in zip(clips, clips[1:], strict=False):
            if a.group(1) == b.group(1) and b"Q q" not in data[a.end():b.start() - 2]:
                again += 1
    return again


def test_a_replayed_page_sets_each_clip_once(tmp_path):
    """Bars and a line of one axes are clipped to the same box: the replay gave every call a
    clip object of its own, and the PDF renderer (which compares clips by identity) set
    the clip again for each bar (``Q q``, the clip, every colour and width again): the
    same pixels, a longer page, slower to write. Now each region is set once in a row."""
    from career_workbook.charts._style import new_figure

    fig = new_figure(3)
    ax = fig.add_subplot()
    ax.bar(range(8), [3, 1, 4, 1, 5, 9, 2, 6], color=["#0072B2", "#D55E00"] * 4)
    ax.plot(range(8), [2, 3, 4, 5, 4, 3, 2, 1], marker="o")
    ax.grid(axis="y")
    with frozen_layout(fig):
        rec = _recorded(fig)
        plain = _page(fig, None)
        replayed = _page(fig, rec)
    assert rec.usable
    assert _clips_set_again(replayed) == 0
    assert len(replayed) <= len(plain)
    (a,), (b,) = _pixels(plain, tmp_path), _pixels(replayed, tmp_path)
    assert int(np.abs(a - b).max()) <= TOLERANCE


def test_a_name_on_a_light_box_is_replayed_with_its_box(tmp_path):
    # a heavy workbook's network chart names overdue contacts over dense dots on a light
    # box (charts/_repel.py): the replayed page draws each box once, where matplotlib's
    # own page does, under its name
    from matplotlib.patches import FancyBboxPatch

    from career_workbook.charts import plot_network
    from tests.helpers.network import dense_network

    fig = plot_network(dense_network(), TODAY)
    diffs, fell_back = _compare({"network": fig}, tmp_path)
    boxed = [t for t in fig.axes[0].texts if isinstance(t.get_bbox_patch(), FancyBboxPatch)]
    assert boxed and not fell_back
    assert diffs["network"] <= TOLERANCE, diffs
    with frozen_layout(fig):
        rec = _recorded(fig)
    # the boxes are drawn with their live names, not also as the PNG's paths
    assert not any(op[0] == "draw_path" and op[1].get_rgb()[:3] == (1.0, 1.0, 1.0)
                   and op[1].get_alpha() == 0.9 for op in rec.ops)
