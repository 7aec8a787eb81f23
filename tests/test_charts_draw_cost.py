"""What a chart costs to redraw after a save (issue 15, save -> chart redrawn): each font is
looked up once per renderer, polar spokes are one artist; the pixels stay the same."""

from __future__ import annotations

from datetime import date

import matplotlib as mpl
import pytest
from helpers.workbooks import EXAMPLES
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.font_manager import FontProperties

import career_workbook as cw
from career_workbook import figures
from career_workbook.catalog import load_catalog, resolve_role
from career_workbook.charts._canvas import ChartCanvas, ChartRenderer
from career_workbook.charts._style import EMPTY_LABELS_IGNORED
from career_workbook.export import figure_png

TODAY = date(2026, 11, 22)
SKILL_CHARTS = ("skill_gaps", "skill_radar", "readiness")  # notebook 05's charts


@pytest.fixture(scope="module")
def priya():
    wb = cw.load(next(p for p in EXAMPLES if p.stem == "priya_data_analyst"))
    return wb, resolve_role(wb, load_catalog())


def _figure(priya, slug):
    wb, role = priya
    return figures.make_figure(wb, slug, today=TODAY, role=role)


@pytest.mark.parametrize("slug", SKILL_CHARTS)
def test_png_is_byte_for_byte_that_of_the_plain_agg_canvas(priya, slug):
    fig = _figure(priya, slug)
    assert isinstance(fig.canvas, ChartCanvas)
    ours = figure_png(fig)
    plain = _figure(priya, slug)
    FigureCanvasAgg(plain)  # matplotlib's own renderer: every font looked up each time
    assert type(plain.canvas) is FigureCanvasAgg
    assert figure_png(plain) == ours


def test_a_chart_looks_each_font_up_once(priya, monkeypatch):
    """The radar measured, laid out and drawn: a handful of font lookups, not one per
    text and pass (620 for notebook 05's three charts before)."""
    fig = _figure(priya, "skill_radar")
    calls = []
    real = font_manager.fontManager._find_fonts_by_props

    def counting(prop, *args, **kwargs):
        calls.append(prop.get_size_in_points())
        return real(prop, *args, **kwargs)

    monkeypatch.setattr(font_manager.fontManager, "_find_fonts_by_props", counting)
    figure_png(fig)
    assert 0 < len(calls) <= 8, len(calls)


def test_a_font_is_searched_for_once_whatever_its_size():
    """A chart's titles and labels come in several sizes of one font: the installed fonts
    are scored once for it, not again for each size (every font matplotlib lists from a
    file is scalable, so the size cannot change the answer); the files found are the same."""
    assert all(entry.size == "scalable" for entry in font_manager.fontManager.ttflist)
    cache = font_manager.fontManager._findfont_cached
    family = ["sans-serif", *mpl.rcParams["font.sans-serif"][:1]]

    def drawn(size: float) -> int:
        fig = mpl.figure.Figure(figsize=(2, 1))
        ChartCanvas(fig)
        fig.text(0.1, 0.5, "Skill gaps", family=family, weight="light", size=size)
        before = cache.cache_info().misses
        fig.canvas.draw()
        return cache.cache_info().misses - before

    drawn(7.25)  # first size: the search this font needs
    assert drawn(13.75) == 0  # another size: no new search
    small, large = FontProperties(family=family, size=7.25), FontProperties(family=family,
                                                                            size=13.75)
    found = font_manager.fontManager._find_fonts_by_props(large)
    assert ChartCanvas(mpl.figure.Figure()).get_renderer()._font_paths(small) == found


def test_line_heights_are_matplotlibs_own():
    """A text's lines are placed exactly as on matplotlib's own canvas (3.11 asks the
    renderer for a font's line metrics, which ChartRenderer remembers; 3.9 measures)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    def extent(canvas_class):
        fig = mpl.figure.Figure(dpi=100)
        canvas_class(fig)
        text = fig.text(0.1, 0.1, "Line one\nLine two, gjpqy\nThird", fontsize=9.5)
        return text.get_window_extent(fig.canvas.get_renderer()).bounds

    assert extent(ChartCanvas) == extent(FigureCanvasAgg)
    renderer = ChartCanvas(mpl.figure.Figure(dpi=100)).get_renderer()
    assert isinstance(renderer, ChartRenderer)
    prop = FontProperties(family="sans-serif", size=9.5)
    assert renderer._get_font_height_metrics(prop) is renderer._get_font_height_metrics(prop)


def test_the_font_memo_follows_the_font_settings():
    """A family named in the rcParams is found again when they change (no stale font)."""
    renderer = ChartCanvas(mpl.figure.Figure()).get_renderer()
    prop = FontProperties(family="sans-serif", size=10)
    sans = renderer._prepare_font(prop).fname
    with mpl.rc_context({"font.sans-serif": ["DejaVu Serif"]}):
        serif = renderer._prepare_font(prop).fname
    assert "Serif" in serif and "Serif" not in sans
    assert renderer._prepare_font(prop).fname == sans



def test_a_font_key_reads_the_font_settings_without_rcparams_checks(monkeypatch):
    """The font key made for every text measured (a page, a chart) has the font rcParams'
    values, also after a list among them is changed in place, read without
    ``RcParams.__getitem__``'s checks (six a key before)."""
    from career_workbook.charts._canvas import _FONT_RC, _font_key

    prop = FontProperties(family="sans-serif", size=10)
    with mpl.rc_context({"font.sans-serif": ["DejaVu Sans", "Arial"]}):
        mpl.rcParams["font.sans-serif"].insert(0, "Noto Sans")  # changed in place
        expected = tuple(tuple(mpl.rcParams[name]) for name in _FONT_RC)
        read = []
        real = mpl.RcParams.__getitem__
        monkeypatch.setattr(mpl.RcParams, "__getitem__",
                            lambda rc, key: read.append(key) or real(rc, key))
        key = _font_key(prop)
        monkeypatch.undo()
    assert key[-1] == expected and key[-1][_FONT_RC.index("font.sans-serif")][0] == "Noto Sans"
    assert read == []

def _pixels(png: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


@pytest.mark.parametrize("slug", ["skill_radar", "values_wheel"])
def test_polar_spokes_are_one_artist_not_a_tick_each(slug):
    """The radar built 5 artists per skill (a theta tick each) only to draw its spokes;
    they are one collection now, and the picture is the same as with matplotlib's theta
    grid lines (anti-aliasing rounding: at most 2 of 255 levels apart on matplotlib 3.11,
    6 on 3.9, on under 0.1% of the pixels)."""
    import numpy as np
    from matplotlib.collections import LineCollection

    wb = cw.load(next(p for p in EXAMPLES if p.stem == "priya_data_analyst"))
    role = resolve_role(wb, load_catalog())
    fig = figures.make_figure(wb, slug, today=TODAY, role=role)
    ax = fig.axes[0]
    spokes = [c for c in ax.collections if c.get_label() == "_spokes"]
    assert len(spokes) == 1 and isinstance(spokes[0], LineCollection)
    n = len(spokes[0].get_segments())
    assert n >= 5
    assert len(ax.xaxis.get_major_ticks()) <= 1  # the one matplotlib always keeps
    ours = _pixels(figure_png(fig))

    same = figures.make_figure(wb, slug, today=TODAY, role=role)  # as it was drawn before
    ax = same.axes[0]
    angles = [segment[0][0] for segment in next(
        c for c in ax.collections if c.get_label() == "_spokes").get_segments()]
    next(c for c in ax.collections if c.get_label() == "_spokes").remove()
    from career_workbook.charts import house_style

    with house_style():
        ax.set_xticks(angles)
        ax.set_xticklabels([])
        ax.xaxis.get_major_ticks()
    theirs = _pixels(figure_png(same))
    assert ours.shape == theirs.shape
    diff = np.abs(ours - theirs).max(axis=-1)
    # anti-aliasing rounding only: a few levels (up to 6 on matplotlib 3.9) on a few pixels
    assert diff.max() <= 8
    assert (diff > 2).mean() < 0.001


def _png_rows_filters(png: bytes) -> set[int]:
    """The PNG filter type of every row of an 8-bit RGB/RGBA PNG."""
    import struct
    import zlib

    pos, idat, width, channels = 8, b"", 0, 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind, data = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, colour = struct.unpack(">I", data[:4])[0], data[9]
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * channels
    return {raw[i] for i in range(0, len(raw), stride)}


def test_chart_png_is_unfiltered_with_the_pixels_of_matplotlibs_png(priya):
    """The live chart's PNG (and every exported one) is encoded without per-row filter
    search (half of the encoding time of Pillow's writer, and smaller for charts); the
    pixels are those matplotlib's own PNG writer gives."""
    import io

    import numpy as np
    from PIL import Image

    from career_workbook.export.files import export_rc, frozen_layout

    ours = figure_png(_figure(priya, "skill_radar"))
    assert _png_rows_filters(ours) == {0}
    image = Image.open(io.BytesIO(ours))
    assert image.mode == "RGB" and image.info["Creator"] == "Career Workbook"
    assert round(image.info["dpi"][0]) == 100
    theirs = io.BytesIO()
    fig = _figure(priya, "skill_radar")  # laid out once, as figure_png does
    with frozen_layout(fig), export_rc():
        fig.savefig(theirs, format="png", dpi=100)
    reference = np.asarray(Image.open(theirs).convert("RGB"))
    assert np.array_equal(np.asarray(image), reference)


@pytest.mark.parametrize("slug", ["skill_radar", "values_wheel"])
def test_polar_charts_make_no_theta_tick_objects(slug):
    """The theta axis has no ticks (the spokes are one collection): emptying the labels of
    its 8 default ticks made 7 more tick objects of five artists each, never drawn."""
    wb = cw.load(next(p for p in EXAMPLES if p.stem == "priya_data_analyst"))
    fig = figures.make_figure(wb, slug, today=TODAY, role=resolve_role(wb, load_catalog()))
    theta = fig.axes[0].xaxis
    assert len(theta.majorTicks) <= 1  # the one matplotlib makes itself
    figure_png(fig)
    assert len(theta.majorTicks) <= 1


class _CountingFont:
    """A font that counts how often its size is set (and otherwise is the font); the
    glyphs it lays out name it as their font."""

    def __init__(self, font):
        self._font, self.sizes = font, 0

    def set_size(self, *args):
        self.sizes += 1
        return self._font.set_size(*args)

    def _layout(self, *args, **kwargs):
        from types import SimpleNamespace

        return [SimpleNamespace(ft_object=self, glyph_index=item.glyph_index, x=item.x,
                                y=item.y) for item in self._font._layout(*args, **kwargs)]

    def __getattr__(self, name):
        return getattr(self._font, name)


def test_a_text_sets_its_font_size_once_not_per_glyph():
    """matplotlib 3.11 draws a text glyph by glyph and set the font's size again for each
    glyph (FreeType then runs the font's hinting program again: ~25 us a glyph) and built
    the same rotation matrix each time; ChartRenderer keeps the size the font was given to
    lay the text out. Same pixels as matplotlib's own drawing, upright and rotated."""
    import numpy as np
    from matplotlib.backends.backend_agg import RendererAgg

    from career_workbook.charts._canvas import GLYPHS_DRAWN_HERE

    if not GLYPHS_DRAWN_HERE:  # not matplotlib 3.11: matplotlib draws the glyphs itself
        assert "draw_text" not in ChartRenderer.__dict__
        return
    text = "Stakeholder management, gjpqy"
    prop = FontProperties(family="sans-serif", size=9.5)
    for angle in (0, 90, 33):
        pictures, counted = [], []
        for cls in (RendererAgg, ChartRenderer):
            renderer = cls(300, 80, 100)
            font = _CountingFont(renderer._prepare_font(prop))
            prepare = renderer._prepare_font

            def prepared(prop, prepare=prepare, font=font):
                prepare(prop)  # sets the size, as matplotlib does before laying out
                return font

            renderer._prepare_font = prepared
            renderer.draw_text(renderer.new_gc(), 20, 60, text, prop, angle)
            pictures.append(np.asarray(renderer.buffer_rgba()).copy())
            counted.append(font.sizes)
        assert counted == [len(text), 0]
        assert np.array_equal(*pictures) and pictures[1][:, :, 3].max() > 0


def test_only_the_checked_matplotlib_has_its_glyphs_drawn_by_the_chart_renderer():
    """The glyph override repeats matplotlib 3.11's private drawing code; on any other
    version (a new release a person installs first, or an older one) matplotlib's own
    drawing is kept."""
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import RendererAgg

    from career_workbook.charts._canvas import GLYPHS_DRAWN_HERE, draws_glyphs

    assert not any(draws_glyphs(v) for v in ((3, 12, 0), (3, 10, 1), (3, 9, 0), (4, 11, 0)))
    assert draws_glyphs((3, 11, 7)) is hasattr(RendererAgg, "_draw_text_glyphs_and_boxes")
    assert GLYPHS_DRAWN_HERE is draws_glyphs(mpl.__version_info__)
    assert ("_draw_glyphs" in ChartRenderer.__dict__) is GLYPHS_DRAWN_HERE


def test_a_raw_picture_in_two_writes_is_refused_not_half_kept():
    """The PNG sink takes matplotlib's raw picture in its one write; a second write (a
    future matplotlib writing in pieces) is an error, never a PNG of the last piece."""
    import io

    import numpy as np

    from career_workbook.export.files import _PngRows

    sink = _PngRows()
    sink.write(np.full((2, 3, 4), 255, dtype=np.uint8))
    assert sink.rows.shape == (2, 1 + 3 * 3) and sink.channels == 3
    with pytest.raises(io.UnsupportedOperation, match="more than one write"):
        sink.write(np.zeros((2, 3, 4), dtype=np.uint8))


def test_chart_png_copies_the_picture_once(priya):
    """The live chart's PNG takes the pixels straight from the renderer into PNG rows and
    compresses those: no file buffer of the RGBA picture, no RGB slice copy and no bytes
    copy of the rows (four copies of a 1.9 MB picture before, one now). Same bytes as
    png_bytes of the same pixels."""
    import tracemalloc

    import numpy as np

    from career_workbook.export.files import _png, agg_canvas, frozen_layout, png_bytes

    fig = _figure(priya, "skill_radar")
    with agg_canvas(fig), frozen_layout(fig):
        _png(fig, 100)  # drawn once: the renderer and its buffer exist
        tracemalloc.start()
        try:
            ours = _png(fig, 100)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        rgba = np.asarray(fig.canvas.get_renderer().buffer_rgba())
    height, width, _ = rgba.shape
    picture = height * (1 + width * 3)  # the PNG rows of an opaque chart
    assert peak < 1.5 * picture, (peak, picture)
    assert ours == png_bytes(np.ascontiguousarray(rgba[:, :, :3]), 100)


def _rows_as_pillow_reads_them(pixels, channels):
    """PNG rows of ``pixels`` built the plain way (filter byte, then each pixel's first
    ``channels`` values), to check the PNG writer's rows against."""
    import numpy as np

    height, width = pixels.shape[:2]
    return np.concatenate([np.zeros((height, 1), np.uint8),
                           pixels[:, :, :channels].reshape(height, width * channels)], axis=1)


@pytest.mark.parametrize("shape,opaque", [((910, 800, 4), True), ((7, 5, 4), False),
                                          ((3, 1, 4), True), ((6, 9, 3), True),
                                          ((1, 1, 4), False)])
def test_png_rows_copied_a_channel_at_a_time_are_the_same_rows(shape, opaque):
    """The PNG rows are filled one colour channel at a time (numpy copies 3 bytes of every
    4 pixel by pixel, ~4x slower): the same bytes as the plain copy, for opaque and
    translucent RGBA, RGB, a strided view and one-pixel pictures."""
    import numpy as np

    from career_workbook.export.files import _png_rows

    rng = np.random.default_rng(sum(shape))
    pixels = rng.integers(0, 256, shape, dtype=np.uint8)
    if shape[2] == 4:
        pixels[:, :, 3] = 255 if opaque else rng.integers(0, 255, shape[:2], dtype=np.uint8)
    for given in (pixels, pixels[:, ::-1]):  # C-ordered and a strided view
        rows, channels = _png_rows(given, opaque_as_rgb=True)
        assert channels == (3 if opaque else 4)
        assert rows.dtype == np.uint8
        assert np.array_equal(rows, _rows_as_pillow_reads_them(given, channels))
        rows, channels = _png_rows(given)
        assert channels == shape[2]
        assert np.array_equal(rows, _rows_as_pillow_reads_them(given, channels))


@pytest.mark.parametrize("slug", ["progress", "wellbeing"])
def test_chart_png_bytes_are_those_of_the_plain_rows(priya, slug):
    """A chart's PNG file is byte for byte the one its pixels give when the rows are built
    the plain way (:func:`_rows_as_pillow_reads_them`), and Pillow reads those pixels."""
    import io

    import numpy as np
    from PIL import Image

    from career_workbook.export.files import _png, _png_file, agg_canvas, frozen_layout

    fig = _figure(priya, slug)
    with agg_canvas(fig), frozen_layout(fig):
        ours = _png(fig, 100)
        rgba = np.asarray(fig.canvas.get_renderer().buffer_rgba())
    assert ours == _png_file(_rows_as_pillow_reads_them(rgba, 3), 3, 100)
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(ours))), rgba[:, :, :3])


# ----------------------------------------------------------------------------------------
# Titles kept where they are (matplotlib looked for room above them at every pass)
# ----------------------------------------------------------------------------------------
TITLED_CHARTS = ("progress", "wellbeing", "reputation", "skill_gaps", "readiness",
                 "goal_timeline", "network", "opportunities", "feedback_360")


@pytest.mark.parametrize("slug", TITLED_CHARTS)
def test_titles_kept_in_place_draw_the_same_pixels(priya, slug):
    """Each chart's titles are marked as placed (nothing can take their room), and the PNG
    is byte for byte the one drawn with matplotlib's search for room left on."""
    fig = _figure(priya, slug)
    assert all(ax._autotitlepos is False for ax in fig.axes), slug
    ours = figure_png(fig)
    searched = _figure(priya, slug)
    for ax in searched.axes:
        ax._autotitlepos = True
    assert figure_png(searched) == ours


def test_progress_panels_measure_their_y_axes_only_for_the_layout(priya, monkeypatch):
    """Five panels, each measured in the layout's two passes (10 measurements of a y axis);
    matplotlib measured each again for its title at both passes and the drawing (25)."""
    from matplotlib.axis import YAxis

    fig = _figure(priya, "progress")
    calls = []
    real = YAxis.get_tightbbox

    def counting(self, *args, **kwargs):
        calls.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(YAxis, "get_tightbbox", counting)
    figure_png(fig)
    assert len(fig.axes) == 5
    assert len(calls) == 2 * len(fig.axes), len(calls)


def test_a_title_that_needs_room_is_still_moved():
    """Tick labels on top, or an offset text over the y axis ("+1e6"): matplotlib still
    moves the title above them."""
    from matplotlib.figure import Figure

    from career_workbook.charts._canvas import ChartCanvas
    from career_workbook.charts._style import keep_titles_in_place

    def title_bottom(setup):
        fig = Figure(figsize=(4, 3))
        ChartCanvas(fig)
        ax = fig.add_subplot()
        ax.set_title("A title")
        setup(ax)
        kept = keep_titles_in_place(ax)
        renderer = fig.canvas.get_renderer()
        fig.draw(renderer)
        top = ax.get_window_extent(renderer).y1
        return kept, ax.title.get_window_extent(renderer).y0 - top

    def top_ticks(ax):
        ax.set_yticks([0, 1], ["no", "yes"])
        ax.xaxis.tick_top()

    def big_numbers(ax):
        ax.set_ylim(1_000_000.4, 1_000_010.6)
        ax.set_yticks(range(1_000_001, 1_000_011))

    def fixed_labels(ax):
        ax.set_yticks([0, 1], ["no", "yes"])

    kept, gap_top = title_bottom(top_ticks)
    assert not kept and gap_top > 10  # above the tick labels, not 8 points above the axes
    kept, gap_offset = title_bottom(big_numbers)
    assert not kept
    kept, gap_plain = title_bottom(fixed_labels)
    assert kept and 0 < gap_plain < gap_top


@pytest.mark.skipif(not EMPTY_LABELS_IGNORED,
                    reason="this matplotlib counts an empty label's box in the layout")
@pytest.mark.parametrize("slug", ["progress", "wellbeing", "skill_gaps", "feedback_360"])
def test_empty_axis_labels_are_left_alone_with_the_same_pixels(priya, slug, monkeypatch):
    """No tick boxes are measured to place a label that is empty (the progress chart did it
    30 times); a named one (the 360 chart's) is still placed clear of its tick labels."""
    from matplotlib.axis import Axis

    fig = _figure(priya, slug)
    named = [axis for ax in fig.axes for axis in (ax.xaxis, ax.yaxis) if axis.label.get_text()]
    assert all(axis._autolabelpos is (axis in named)
               for ax in fig.axes for axis in (ax.xaxis, ax.yaxis))
    calls = []
    real = Axis._get_tick_boxes_siblings

    def counting(self, *args, **kwargs):
        calls.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Axis, "_get_tick_boxes_siblings", counting)
    ours = figure_png(fig)
    assert set(calls) == set(named)
    placed = _figure(priya, slug)
    for ax in placed.axes:
        ax.xaxis._autolabelpos = ax.yaxis._autolabelpos = True
    assert figure_png(placed) == ours


def test_repelled_labels_measure_each_label_once_per_drawing(priya, monkeypatch):
    """The 360 chart's point labels: one measurement each to place them (their width and
    height were measured apart, twice each)."""
    from matplotlib.text import Text

    from career_workbook.charts._repel import RepelledLabels

    fig = _figure(priya, "feedback_360")
    placers = [a for ax in fig.axes for a in ax.artists if isinstance(a, RepelledLabels)]
    assert len(placers) == 1 and len(placers[0].texts) >= 5
    inside, measured = [False], []
    real_draw, real_extent = RepelledLabels.draw, Text.get_window_extent

    def draw(self, renderer):
        inside[0] = True
        try:
            return real_draw(self, renderer)
        finally:
            inside[0] = False

    def extent(self, *args, **kwargs):
        if inside[0]:
            measured.append(self)
        return real_extent(self, *args, **kwargs)

    monkeypatch.setattr(RepelledLabels, "draw", draw)
    monkeypatch.setattr(Text, "get_window_extent", extent)
    figure_png(fig)
    assert sorted(map(id, measured)) == sorted(map(id, placers[0].texts))


class _ShapingFont:
    """A font that records each text it shapes (``set_text`` to measure, ``_layout`` to
    lay out and draw), with its size; otherwise the font."""

    def __init__(self, font, shaped):
        self._font, self._shaped = font, shaped

    def set_size(self, size, dpi):
        self._size = (size, dpi)
        return self._font.set_size(size, dpi)

    def set_text(self, s, *args, **kwargs):
        self._shaped.append((s, getattr(self, "_size", None)))
        return self._font.set_text(s, *args, **kwargs)

    def _layout(self, s, *args, **kwargs):
        self._shaped.append((s, getattr(self, "_size", None)))
        return self._font._layout(s, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._font, name)


@pytest.mark.parametrize("slug", ["progress", "smart_scorecard", "skill_radar", "skill_gaps"])
def test_a_text_is_shaped_once_to_measure_and_draw_it(priya, slug, monkeypatch):
    """matplotlib 3.11 shapes a text with FreeType and libraqm once to measure it
    (``set_text``) and again to draw it (``_layout``), and again for each copy of the same
    label ("0%" in every progress panel); the chart renderer measures a plain text from
    the glyph layout its drawing uses: each text shaped once a drawing."""
    from collections import Counter

    from career_workbook.charts._canvas import GLYPHS_DRAWN_HERE

    if not GLYPHS_DRAWN_HERE:  # not matplotlib 3.11: matplotlib measures and draws
        assert "get_text_width_height_descent" not in ChartRenderer.__dict__
        return
    shaped: list = []
    fonts: dict = {}
    prepare = ChartRenderer._prepare_font

    def prepared(self, prop):
        font = prepare(self, prop)
        wrapped = fonts.setdefault(id(font), _ShapingFont(font, shaped))
        wrapped._size = (prop.get_size_in_points(), self.dpi)
        return wrapped

    monkeypatch.setattr(ChartRenderer, "_prepare_font", prepared)
    png = figure_png(_figure(priya, slug))
    monkeypatch.undo()
    assert png == figure_png(_figure(priya, slug))  # the same picture
    texts = Counter(shaped)
    assert len(texts) > 10
    assert max(texts.values()) == 1, texts.most_common(3)


def test_a_plain_text_measures_as_matplotlib_measures_it():
    """The size read off a glyph layout is ``FT2Font.set_text``'s, to the 64th of a pixel,
    for thousands of texts (scripts, emoji and symbols from fallback fonts, sizes, weights,
    resolutions); a text that is not plain (a combining mark, a thin space, a joiner) is
    left to matplotlib."""
    import random

    from matplotlib.backends.backend_agg import RendererAgg

    from career_workbook.charts import house_style, quiet_glyph_warnings
    from career_workbook.charts._canvas import plain_text

    rng = random.Random(15)
    alphabet = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;!?%()-–—→✓"
                "é项目·'\"/&…ŁódźΩ日本語\u2009\u0301\u200d\u00a0👍")
    compared = plain = 0
    with house_style(), quiet_glyph_warnings():
        for dpi in (100, 200):
            ours, theirs = ChartRenderer(10, 10, dpi), RendererAgg(10, 10, dpi)
            for size in (7, 8.5, 10.5, 14):
                for weight in ("normal", "bold"):
                    prop = FontProperties(family="sans-serif", size=size, weight=weight)
                    for _ in range(250):
                        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
                        assert (ours.get_text_width_height_descent(s, prop, False)
                                == theirs.get_text_width_height_descent(s, prop, False)), s
                        compared += 1
                        plain += plain_text(s)
    assert compared == 4000 and 1000 < plain < compared


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_the_360_chart_is_laid_out_once_with_the_pixels_of_a_second_layout(name, monkeypatch):
    """The 360 chart's subtitle lays the figure out (to see where its square starts); its
    PNG right after used to lay it out again (constrained layout, ~13 ms a draw): now drawn
    as it is, with the bytes of the figure laid out twice."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    wb = cw.load(next(p for p in EXAMPLES if p.stem == name))
    fig = figures.make_figure(wb, "feedback_360", today=TODAY)
    again = figures.make_figure(wb, "feedback_360", today=TODAY)
    assert fig.axes[0].get_aspect() != "auto"  # the square: its subtitle laid it out
    layouts = []
    real = ConstrainedLayoutEngine.execute
    monkeypatch.setattr(ConstrainedLayoutEngine, "execute",
                        lambda self, f: layouts.append(f) or real(self, f))
    once = figure_png(fig)
    assert layouts == []
    again.stale = True  # as any change to it would: laid out again for its PNG
    assert figure_png(again) == once and layouts == [again]
    layouts.clear()
    assert figure_png(fig, dpi=200) and layouts == [fig]  # another dpi: laid out for it
