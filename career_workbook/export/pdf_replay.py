"""Draw once, write twice: a chart's PDF page replayed from its PNG drawing.

matplotlib draws a figure once per format: for the PNG it walks every artist (ticks,
layout of each label, legends) and tells the Agg renderer what to paint; for the PDF it
walks them all again. :func:`recording` listens to the Agg renderer while the PNG is
drawn and keeps each call (paths, markers, collections, meshes, texts) with a copy of
its graphics context; :func:`replay` then makes the same calls on matplotlib's own PDF
renderer (``RendererPdf``), with pixels turned into points. The page is still vector:
paths stay paths and texts stay texts in embedded fonts.

Texts are placed the way the PDF draw places them: the anchor of each text comes from
the drawing, the offsets of its lines (alignment, line spacing) are measured again in
the PDF's own font metrics, so every glyph lands where matplotlib's PDF backend puts it.
What is laid out from measured texts is drawn *live* on the page instead (the figure at
72 dpi, moved onto the page): legends, point labels
(:class:`~career_workbook.charts._repel.RepelledLabels`), labels kept clear of a chart's
lines (:class:`~career_workbook.charts._repel.ClearOfLines`), an axis's label and offset
text, and images (resampled on the page's pixel grid; matplotlib 3.11). Every chart page
of the examples, a new and a half-filled workbook rasterises to the same pixels as
matplotlib's own page (``tests/test_pdf_replay.py``). A box sized from its text's width
(a text's ``bbox``; only placed labels have one, drawn live with their text) keeps
the PNG's measure, a fraction of a point off.

What the replay does not know (a rasterized or filtered artist, TeX, a text wrapped at
draw time, a text not drawn by ``Text.draw``, an image elsewhere than matplotlib 3.11, a
figure drawn more than once while recording) marks the recording unusable, and the page
is drawn by matplotlib as before: never a wrong page.

Glyphs without a name of their own: matplotlib's PDF backend writes a Type 3 font's glyphs
(and, before 3.11, every glyph outside the font's one- or two-byte codes: emoji) under
their PostScript names, so two glyphs of one font with the same name, or none (Symbola,
the emoji font of many Linux machines, names 2,302 of its glyphs ``''``), become one
glyph in the file: a family drawn as four rockets. The page renderer
(:func:`page_renderer`) writes such a glyph as its outline instead, in place (on
matplotlib 3.11 glyph by glyph, each outline once per file, the rest of the text stays
text; before, the whole text as paths), so every glyph is the one the PNG shows
(:func:`unnamed_glyphs`).

Examples
--------
>>> from career_workbook.charts._style import new_figure
>>> from career_workbook.export.files import figure_bytes
>>> from career_workbook.export.files import frozen_layout
>>> fig = new_figure(2)
>>> _ = fig.add_subplot().plot([0, 1], [1, 2], marker="o")
>>> with frozen_layout(fig), recording(fig) as rec:
...     png = figure_bytes(fig, "png", dpi=200)
>>> rec.usable, rec.dpi
(True, 200.0)
>>> sorted({op[0] for op in rec.ops}) == ['draw_markers', 'draw_path', 'draw_text']
True
"""

from __future__ import annotations

import contextlib
import inspect
import math
import operator
import sys
from collections.abc import Iterator
from typing import Any

import matplotlib as mpl
from matplotlib.axis import Axis
from matplotlib.backend_bases import GraphicsContextBase
from matplotlib.figure import Figure
from matplotlib.font_manager import fontManager
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.transforms import Affine2D, Bbox, Transform

from career_workbook.charts._canvas import _font_key, font_files, layout_size
from career_workbook.charts._canvas import plain_text as _plain

__all__ = ["CHECKED", "Recording", "draw_figure", "image_dpi", "page_renderer", "recording",
           "replay", "text_memo", "text_size", "unnamed_glyphs", "graphics_state"]

CHECKED = (3, 9) <= tuple(mpl.__version_info__[:2]) <= (3, 11)
"""Whether this matplotlib is one the replay was checked on, pixel for pixel (3.9 to
3.11). The replay reads matplotlib's own drawing code (its frames, private helpers); on
another release :func:`recording` records nothing and every page is drawn by matplotlib
itself (``savefig``): slower, never wrong, and a new matplotlib cannot break a pack."""

try:  # private names: a release that moves them keeps matplotlib's own pages
    from matplotlib.image import _draw_list_compositing_images, _ImageBase
except ImportError:  # pragma: no cover - only on a matplotlib this was not checked on
    CHECKED = False
    _draw_list_compositing_images = _ImageBase = None

_REPLAYED = ("draw_path", "draw_markers", "draw_path_collection", "draw_quad_mesh",
             "draw_gouraud_triangles", "draw_text", "draw_image")
"""Renderer calls a recording keeps and replays."""
_REFUSED = ("draw_tex", "start_rasterizing", "start_filter",
            "draw_gouraud_triangle")
"""Renderer calls that make a recording unusable (the page is drawn by matplotlib)."""
_HEIGHT_TABLES = (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                  ("hhea", "lineGap", "ascent", "descent"))
_TEXT_DRAW = inspect.unwrap(Text.draw).__code__
_AXIS_DRAW = inspect.unwrap(Axis.draw).__code__


IMAGES_LIVE = tuple(mpl.__version_info__[:2]) == (3, 11)
"""Whether an image is drawn live on a replayed page (on the page's pixel grid, as
``savefig`` places the figure): checked pixel for pixel on matplotlib 3.11; on another
matplotlib a chart with an image is drawn by matplotlib for its page (the scorecard's
cells differed on 3.9)."""


def _live_draws() -> frozenset:
    from career_workbook.charts._repel import RepelledLabels

    if not CHECKED:
        return frozenset()
    live = (Legend, RepelledLabels, _ImageBase) if IMAGES_LIVE else (Legend, RepelledLabels)
    return frozenset(inspect.unwrap(cls.draw).__code__ for cls in live)


_LIVE_DRAWS = _live_draws()
_CHILDREN_DRAW = getattr(_draw_list_compositing_images, "__code__", None)


class Recording:
    """The renderer calls of one drawing of a figure, in pixels at ``dpi``.

    ``usable`` is False (with ``reason``) when the drawing did something :func:`replay`
    cannot repeat exactly.
    """

    def __init__(self) -> None:
        self.ops: list[tuple[str, GraphicsContextBase, tuple, dict]] = []
        self.dpi = 0.0
        self.height = 0.0
        self.draws = 0
        self.reason = ""
        self.live: set[int] = set()

    @property
    def usable(self) -> bool:
        return self.draws == 1 and not self.reason

    def refuse(self, reason: str) -> None:
        self.reason = self.reason or reason


def _snapshot(gc: GraphicsContextBase) -> GraphicsContextBase:
    """A frozen copy of ``gc``: its clip rectangle and clip path resolved to pixels now."""
    copy = GraphicsContextBase()
    copy.copy_properties(gc)
    rect = gc.get_clip_rectangle()
    copy._cliprect = None if rect is None else Bbox(rect.get_points().copy())
    path, affine = gc.get_clip_path()
    copy._clippath = None if path is None else (path, affine.frozen())
    return copy


def _text_place(rec: Recording) -> tuple[Text, float, float, int] | None:
    """The ``Text`` drawing the current line, its anchor (pixels) and the line's index,
    read from matplotlib's ``Text.draw`` frame (None when the caller is anything else)."""
    frame = sys._getframe(3)  # Text.draw -> the wrapper -> _record -> here
    if frame.f_code is not _TEXT_DRAW:
        return None
    local = frame.f_locals
    text, posx, posy, info = (local.get(k) for k in ("self", "posx", "posy", "info"))
    sizes = local.get("wad", local.get("wh"))
    if not isinstance(text, Text) or info is None or sizes is None:
        return None
    for index, entry in enumerate(info):
        if entry[1] is sizes:
            return text, float(posx), float(posy), index
    return None


def _live_artist(rec: Recording) -> Any:
    """The artist drawn live on the page that made the current call, if any: a legend
    or point labels (:class:`~career_workbook.charts._repel.RepelledLabels`), whose
    layout depends on how wide their texts measure, or a placed label drawing its box
    (a name over dots, on a light box)."""
    frame = sys._getframe(3)  # the caller of the wrapper
    while frame is not None:
        code = frame.f_code
        if code in _LIVE_DRAWS:
            return frame.f_locals.get("self")
        if code is _TEXT_DRAW and frame.f_locals.get("self") is not None \
                and getattr(frame.f_locals["self"], "_cw_placed_by", None) is not None:
            return frame.f_locals["self"]  # a placed text's box: drawn live, with its text
        if code is _CHILDREN_DRAW:  # an axes or figure drawing its children: no further
            return None
        frame = frame.f_back
    return None


def _live(rec: Recording, artist: Any, kind: str = "live") -> None:
    if id(artist) not in rec.live:
        rec.live.add(id(artist))
        rec.ops.append((kind, None, (artist,), {}))


def _axis_of_label(text: Text) -> Any:
    """The axis whose ``Axis.draw`` is drawing ``text`` as its label or offset text (a
    date axis's year, a scale's ``1e6``), if any."""
    frame = sys._getframe(5)  # Axis.draw -> Text.draw -> wrapper -> _record -> here
    if frame is None or frame.f_code is not _AXIS_DRAW:
        return None
    axis = frame.f_locals.get("self")
    if text is getattr(axis, "label", None) or text is getattr(axis, "offsetText", None):
        text._cw_axis = axis
        return axis
    return None


def _record(rec: Recording, name: str, args: tuple, kwargs: dict) -> None:
    artist = _live_artist(rec)
    if artist is not None:  # sized from its texts: drawn again on the page, by itself
        if isinstance(artist, Text):  # placed by its placer, which draws first
            _live(rec, artist._cw_placed_by)
        _live(rec, artist)
        return
    if name == "draw_image":  # an image not drawn by an image artist (composited)
        rec.refuse("the drawing calls draw_image")
        return
    gc, *rest = args
    if name == "draw_text":
        place = _text_place(rec)
        if place is None:
            rec.refuse("a text not drawn by Text.draw")
            return
        text = place[0]
        if text.get_wrap():  # its lines are made while drawing, for the drawing's size
            rec.refuse("a text wrapped at draw time")
            return
        placed_by = getattr(text, "_cw_placed_by", None)
        if placed_by is not None:  # placed at draw time from measured sizes
            _live(rec, placed_by)
            _live(rec, text)
            return
        axis = _axis_of_label(text)
        if axis is not None:  # placed beside its tick labels, as wide as they measure
            _live(rec, text, "axis label" if text is axis.label else "axis offset")
            return
        kwargs = {**kwargs, "_place": place}
    # transforms are live (a figure at another dpi moves them): keep their values now
    rest = [arg.frozen() if isinstance(arg, Transform) else arg for arg in rest]
    rec.ops.append((name, _snapshot(gc), tuple(rest), kwargs))


@contextlib.contextmanager
def recording(fig: Figure) -> Iterator[Recording]:
    """Record the renderer calls of the next Agg drawing of ``fig`` (its PNG) in a block.

    The drawing itself is unchanged: each call is passed on to the Agg renderer.
    """
    rec = Recording()
    if not CHECKED:
        rec.refuse(f"matplotlib {mpl.__version__} is not one the replay was checked on")
        yield rec
        return
    canvas = fig.canvas
    get_renderer = canvas.get_renderer
    wrapped: list[tuple[Any, str, Any]] = []  # (renderer, name, what was there before)

    def listen(renderer: Any) -> None:
        depth = [0]
        for name in (*_REPLAYED, *_REFUSED):
            if not hasattr(renderer, name):
                continue
            before = renderer.__dict__.get(name, _MISSING)
            call = getattr(renderer, name)
            renderer.__dict__[name] = _wrap(rec, name, call, depth)
            wrapped.append((renderer, name, before))

    def recording_renderer(*args: Any, **kwargs: Any) -> Any:
        renderer = get_renderer(*args, **kwargs)
        if not wrapped or wrapped[-1][0] is not renderer:
            _unwrap(wrapped)
            listen(renderer)
        return renderer

    canvas.get_renderer = recording_renderer
    draw = fig.draw

    def counted_draw(renderer: Any) -> None:
        rec.draws += 1
        rec.dpi = float(fig.dpi)
        rec.height = float(fig.bbox.height)
        if not wrapped or wrapped[-1][0] is not renderer:
            rec.refuse("the figure was drawn on a renderer that was not listened to")
        return draw(renderer)

    fig.draw = counted_draw
    try:
        yield rec
    finally:
        del fig.draw
        del canvas.get_renderer
        _unwrap(wrapped)


_MISSING = object()


def _wrap(rec: Recording, name: str, call: Any, depth: list[int]) -> Any:
    refused = name in _REFUSED

    def listened(*args: Any, **kwargs: Any) -> Any:
        if depth[0] == 0:  # calls a renderer makes to itself are part of the outer one
            if refused:
                rec.refuse(f"the drawing calls {name}")
            else:
                _record(rec, name, args, kwargs)
        depth[0] += 1
        try:
            return call(*args, **kwargs)
        finally:
            depth[0] -= 1

    return listened


def _unwrap(wrapped: list[tuple[Any, str, Any]]) -> None:
    while wrapped:
        renderer, name, before = wrapped.pop()
        if before is _MISSING:
            renderer.__dict__.pop(name, None)
        else:
            renderer.__dict__[name] = before


def replay(rec: Recording, fig: Figure, renderer: Any, offset: tuple[float, float]) -> None:
    """Make the calls of ``rec`` (a drawing of ``fig``) on the PDF ``renderer``, the
    figure's lower left corner at ``offset`` (points from the page's lower left corner).

    Texts are placed by measuring their lines in ``renderer``'s metrics with ``fig`` at
    72 dpi, as matplotlib's PDF backend does.
    """
    if not rec.usable:
        raise ValueError(f"this recording cannot be replayed: {rec.reason or 'not drawn once'}")
    scale = 72.0 / rec.dpi
    bx, by = offset
    full = Affine2D().scale(scale).translate(bx, by)
    linear = Affine2D().scale(scale)
    layouts: dict[int, Any] = {}
    clips: dict[tuple, Any] = {}  # one object per clip region, as the drawing had
    old_dpi = fig.dpi
    fig.dpi = 72.0
    try:
        shifted = _Shifted(renderer, offset)
        # one graphics context for every call, given each call's properties in turn (a
        # renderer only reads it, and puts back what its check_gc sets while writing)
        gc = renderer.new_gc()
        for name, snap, args, kwargs in rec.ops:
            if name == "live" and isinstance(args[0], _ImageBase):
                with _page_coordinates(fig, renderer, offset):  # its pixel grid: the page's
                    args[0].draw(renderer)
                continue
            if name == "live":
                with _boxes_measured_once(args[0]):
                    args[0].draw(shifted)
                continue
            if name in ("axis label", "axis offset"):  # as Axis.draw places them
                text = args[0]
                axis = text._cw_axis
                if name == "axis label":
                    axis._update_label_position(shifted)
                else:
                    axis._update_offset_text_position(
                        *axis._get_ticklabel_bboxes(axis._update_ticks(), shifted))
                text.draw(shifted)
                continue
            gc.copy_properties(snap)  # every property the drawing gave it
            if snap._cliprect is not None:
                gc._cliprect = _shared_clip(clips, snap._cliprect, full)
            if snap._clippath is not None:
                gc._clippath = _shared_clip(clips, snap._clippath, full)
            if name == "draw_text":
                _replay_text(renderer, gc, args, kwargs, scale, offset, layouts)
            elif name == "draw_path":
                path, transform, *rest = args
                renderer.draw_path(gc, path, transform + full, *rest, **kwargs)
            elif name == "draw_markers":
                marker_path, marker_trans, path, trans, *rest = args
                renderer.draw_markers(gc, marker_path, marker_trans + linear, path,
                                      trans + full, *rest, **kwargs)
            elif name == "draw_path_collection":
                master, paths, transforms, offsets, offset_trans, *rest = args
                renderer.draw_path_collection(gc, master + full, paths, transforms, offsets,
                                              offset_trans + linear, *rest, **kwargs)
            elif name == "draw_quad_mesh":
                master, width, height, coords, offsets, offset_trans, *rest = args
                renderer.draw_quad_mesh(gc, master + full, width, height, coords, offsets,
                                        offset_trans + linear, *rest, **kwargs)
            elif name == "draw_gouraud_triangles":
                points, colors, transform = args
                renderer.draw_gouraud_triangles(gc, points, colors, transform + full)
    finally:
        fig.dpi = old_dpi


_BOX_LAYOUT = ("get_bbox", "_get_bbox_and_child_offsets")
"""The methods an ``OffsetBox`` measures itself with (its size, and its children's places)."""
_TEXT_LAYOUT = ("_get_layout",)
"""The method a ``Text`` lays its lines out with (its size, each line's place)."""


@contextlib.contextmanager
def _boxes_measured_once(artist: Any) -> Iterator[None]:
    """In the block, each box of a legend (``artist``; anything else is left as it is)
    measures itself once per renderer, and each of its texts is laid out once.

    ``Legend.draw`` measures its box for its frame, then draws it, and each packer's
    ``draw`` measures its children again before drawing them: a label in a legend's
    column was laid out six times (each time ``Text._get_layout`` and every box above
    it: five to measure it, one to draw it), for the same sizes and places each time
    (nothing a box or a text measures changes while the legend draws). The first measure
    is kept, so the page is the same.

    >>> from matplotlib.backends.backend_agg import FigureCanvasAgg
    >>> from matplotlib.figure import Figure
    >>> fig = Figure()
    >>> _ = fig.add_subplot().plot([0, 1], label="one")
    >>> legend = fig.axes[0].legend()
    >>> renderer = FigureCanvasAgg(fig).get_renderer()
    >>> with _boxes_measured_once(legend):
    ...     first = legend._legend_box.get_bbox(renderer)
    ...     same = legend._legend_box.get_bbox(renderer) is first
    ...     laid_out = legend.texts[0]._get_layout(renderer)
    ...     again = legend.texts[0]._get_layout(renderer) is laid_out
    >>> same, again, "get_bbox" in vars(legend._legend_box), "_get_layout" in vars(legend.texts[0])
    (True, True, False, False)
    """
    if not isinstance(artist, Legend):
        yield
        return
    from matplotlib.offsetbox import OffsetBox

    kept: list[tuple[Any, tuple[str, ...]]] = []  # (a box or a text, its measures)
    todo = [artist._legend_box]
    while todo:
        part = todo.pop()
        names = (_BOX_LAYOUT if isinstance(part, OffsetBox)
                 else _TEXT_LAYOUT if isinstance(part, Text) else ())
        if names and not any(name in vars(part) for name in names):
            kept.append((part, names))
            if names is _BOX_LAYOUT:
                todo.extend(part.get_children())
    for part, names in kept:
        for name in names:
            vars(part)[name] = _measured_once(getattr(part, name))
    try:
        yield
    finally:
        for part, names in kept:
            for name in names:
                del vars(part)[name]


def _measured_once(method: Any) -> Any:
    """``method`` (a box's or a text's measure: renderer -> its value) called once per
    renderer."""
    found: dict[int, tuple[Any, Any]] = {}

    def once(renderer: Any) -> Any:
        kept = found.get(id(renderer))
        if kept is None or kept[0] is not renderer:
            kept = found[id(renderer)] = (renderer, method(renderer))
        return kept[1]

    return once


def _shared_clip(clips: dict[tuple, Any], clip: Any, full: Transform) -> Any:
    """``clip`` (a snapshot's clip rectangle, or its clip path and affine) moved onto the
    page by ``full``, the same object for every call of the page clipped to the same
    region: the PDF renderer compares clips by identity, and sets a clip again (a
    ``Q q`` and every graphics property after it) for each new object, where matplotlib's
    own page, whose artists share their axes' clip box, sets it once.

    >>> clips, full = {}, Affine2D().scale(0.5)
    >>> a = _shared_clip(clips, Bbox([[0, 0], [2, 2]]), full)
    >>> a is _shared_clip(clips, Bbox([[0, 0], [2, 2]]), full), a.bounds == (0, 0, 1, 1)
    (True, True)
    >>> a is _shared_clip(clips, Bbox([[0, 0], [2, 4]]), full)
    False
    """
    if isinstance(clip, Bbox):
        key: tuple = ("rect", clip.get_points().tobytes())
        found = clips.get(key)
        if found is None:
            found = clips[key] = Bbox(full.transform(clip.get_points()))
        return found
    path, affine = clip
    key = ("path", id(path), affine.get_matrix().tobytes())
    found = clips.get(key)
    if found is None:
        found = clips[key] = (path, _FixedPath(path, affine + full))
    return found[1]


def image_dpi(fig: Figure) -> float:
    """The resolution ``savefig`` gives a PDF page's images (its ``dpi``, from the rcParams).

    >>> with mpl.rc_context({"savefig.dpi": 150}):
    ...     image_dpi(Figure(dpi=100))
    150.0
    """
    dpi = mpl.rcParams["savefig.dpi"]
    return float(fig.dpi if dpi == "figure" else dpi)


def page_renderer(file: Any, image_dpi: float, height: float, width: float) -> Any:
    """matplotlib's ``RendererPdf`` for a page of ``file`` (``width`` x ``height`` inches)
    that measures and lays out each text once per process and writes it once per file
    (:class:`_MeasuringPdf`)."""
    return _MeasuringPdf(file, image_dpi, height, width)


@contextlib.contextmanager
def graphics_state(file: Any, matrix: tuple | None = None) -> Iterator[None]:
    """What is drawn on ``file``'s page in the block, in a graphics state of its own
    (``q`` ... ``Q``), with the coordinates transformed by ``matrix`` (a, b, c, d, e, f:
    PDF's ``cm``) when given. A renderer started and finalized inside the block leaves
    the page's state as it found it (its colours too), for the next one."""
    from matplotlib.backends.backend_pdf import Op

    file.output(Op.gsave)
    if matrix is not None:
        file.output(*matrix, Op.concat_matrix)
    try:
        yield
    finally:
        file.output(Op.grestore)


def draw_figure(fig: Figure, renderer: Any) -> None:
    """Draw ``fig`` on ``renderer`` (a :func:`page_renderer` as large as the figure) as
    ``savefig`` draws a PDF page: at 72 dpi, through a ``MixedModeRenderer`` (a
    rasterized artist becomes an image at the renderer's image dpi)."""
    from matplotlib.backends.backend_mixed import MixedModeRenderer

    w, h = (float(v) for v in fig.get_size_inches())
    dpi = fig.dpi
    fig.dpi = 72
    try:
        mixed = MixedModeRenderer(fig, w, h, renderer.image_dpi, renderer)
        fig.draw(mixed)
        mixed.finalize()
    finally:
        fig.dpi = dpi


TEXT_MEMO_SIZE = 20_000
"""Entries the process-wide text memo (:data:`_TEXTS`) keeps before it starts again."""

_TEXTS: dict[tuple, Any] = {}
"""Text sizes, font line heights and glyph layouts measured on a PDF page, for every page
of every file this process writes: the values are matplotlib's for that font, size and
string, whatever the file (a file's own font names and glyph subsets are not kept here)."""


def text_memo(key: tuple, make: Any) -> Any:
    """``_TEXTS[key]``, made with ``make()`` the first time (the memo is bounded).

    >>> text_memo(("demo", 1), lambda: 2.5), text_memo(("demo", 1), lambda: 0)
    (2.5, 2.5)
    """
    found = _TEXTS.get(key)
    if found is None:
        if len(_TEXTS) >= TEXT_MEMO_SIZE:
            _TEXTS.clear()
        found = _TEXTS[key] = make()
    return found



def text_size(s: str, prop: Any) -> tuple[float, float, float]:
    """Width, height and descent in points of one line ``s`` in the font of ``prop`` (and
    its fallbacks), as matplotlib's PDF renderer measures a TrueType text (unhinted, at
    72 dpi; ``RendererPdf.get_text_width_height_descent``), once per process: a line
    measured to wrap a page's text (:func:`~career_workbook.export.pdf.drawn_width`) is
    not measured again to draw it.

    >>> from matplotlib.font_manager import FontProperties
    >>> wide, narrow = (text_size(s, FontProperties(size=10))[0] for s in ("MMMM", "iiii"))
    >>> wide > 2 * narrow
    True
    """
    key = ("size", _font_key(prop), s, False, len(fontManager.ttflist))
    found = _TEXTS.get(key)
    return found if found is not None else text_memo(key, lambda: _measured(s, prop))


def _measured(s: str, prop: Any) -> tuple[float, float, float]:
    """matplotlib's ``RendererPDFPSBase.get_text_width_height_descent`` for a TrueType
    font (``pdf.use14corefonts`` off). On matplotlib 3.11, from the text's glyph layout
    (:func:`_laid_out`, which the text's drawing uses too: shaped once, not once to measure
    and again to write) and each glyph's box and advance (:func:`_glyph_box`), as
    ``FT2Font.set_text`` adds them up: the pen's advance past the last glyph, and the
    lowest and highest points of the glyphs' boxes placed at their pens. Another text
    (:func:`_plain`: a combining mark, a space other than the ASCII one, a format
    character), and any text on another matplotlib, is measured by ``set_text`` itself
    (``tests/test_pack_pdf_cost.py`` compares the two on thousands of texts)."""
    if TEXTS_REWRITTEN and _plain(s):
        items = _laid_out(s, prop)
        if not items:
            return 0.0, 0.0, 0.0
        size = prop.get_size_in_points()
        sized: list[bool] = []

        def box_of(item: Any) -> tuple[int, int, int]:
            font = item.ft_object
            box = _GLYPH_BOXES.get((font.fname, font.face_index, item.glyph_index, size))
            if box is None:
                if not sized:  # the font and its fallbacks at this size (a PNG moves them)
                    _pdf_font(prop)
                    sized.append(True)
                box = _glyph_box(font, item.glyph_index, size)
            return box

        return layout_size(items, box_of)  # type: ignore[return-value]  # never None here
    from matplotlib import ft2font

    font = _pdf_font(prop)
    unhinted = (ft2font.LoadFlags.NO_HINTING if hasattr(ft2font, "LoadFlags")
                else ft2font.LOAD_NO_HINTING)
    font.set_text(s, 0.0, flags=unhinted)
    w, h = font.get_width_height()
    d = font.get_descent()
    scale = 1 / 64
    return w * scale, h * scale, d * scale


def _pdf_font(prop: Any) -> Any:
    """The ``FT2Font`` of ``prop`` (and its fallbacks) at its size at 72 dpi, as
    ``RendererPdf._get_font_ttf`` gives it."""
    from matplotlib.font_manager import get_font

    font = get_font(_font_files(prop))
    font.clear()
    font.set_size(prop.get_size_in_points(), 72)
    return font


def _font_files(prop: Any) -> Any:
    """:func:`~career_workbook.charts._canvas.font_files` of ``prop``, looked up once per
    process for the same font properties and font rcParams (:func:`_font_key`) and the
    same installed fonts: each text a page measures for the first time asked for its
    font again (~60 us a lookup, ~170 lookups a pack), as the charts' renderer asks once
    per figure (``ChartRenderer._font_paths``).

    >>> from matplotlib.font_manager import FontProperties
    >>> _font_files(FontProperties(size=9)) == font_files(FontProperties(size=9))
    True
    """
    key = ("font files", _font_key(prop), len(fontManager.ttflist))
    found = _TEXTS.get(key)
    return found if found is not None else text_memo(key, lambda: font_files(prop))


def _laid_out(s: str, prop: Any, features: Any = None, language: Any = None) -> tuple:
    """``FT2Font._layout`` of ``s`` in the font of ``prop`` at 72 dpi, unhinted (matplotlib
    3.11: the glyphs, their fonts, pens and kerning), once per process for the same font,
    string, features and language: what :func:`text_size` measures and
    ``RendererPdf.draw_text`` writes."""
    from matplotlib import ft2font

    key = ("glyph layout", _font_key(prop), s, _hashable(features), _hashable(language),
           len(fontManager.ttflist))
    found = _TEXTS.get(key)
    return found if found is not None else text_memo(key, lambda: tuple(_pdf_font(prop)._layout(
        s, ft2font.LoadFlags.NO_HINTING, features=features, language=language)))


GLYPH_BOXES_SIZE = 50_000
"""Glyph boxes (:data:`_GLYPH_BOXES`) kept before the memo starts again."""

_GLYPH_BOXES: dict[tuple, tuple[int, int, int]] = {}
"""Each glyph's lowest and highest point and its advance (26.6 fixed point, unhinted), by
font file, face, glyph and size at 72 dpi: font data, the same in every text."""


def _glyph_box(font: Any, index: int, size: float) -> tuple[int, int, int]:
    """Glyph ``index`` of ``font`` (set to ``size`` points at 72 dpi: :func:`_pdf_font`),
    unhinted: its box's bottom and top and its advance, in 64ths of a point (as
    ``FT2Font.set_text`` reads them)."""
    from matplotlib import ft2font

    glyph = font.load_glyph(index, ft2font.LoadFlags.NO_HINTING)
    box = (glyph.bbox[1], glyph.bbox[3], glyph.horiAdvance)
    if len(_GLYPH_BOXES) >= GLYPH_BOXES_SIZE:
        _GLYPH_BOXES.clear()
    _GLYPH_BOXES[font.fname, font.face_index, index, size] = box
    return box


_UNNAMED: dict[tuple, frozenset[int]] = {}
"""The glyphs of each font file (and face) without a name of their own (bounded by the
fonts installed)."""


def unnamed_glyphs(font: Any) -> frozenset[int]:
    """The glyph indices of ``font`` (an ``FT2Font``) whose PostScript name is empty or
    is another glyph's too: matplotlib's PDF backend would write them as one glyph.

    >>> from matplotlib import font_manager
    >>> unnamed_glyphs(font_manager.get_font(font_manager.findfont("DejaVu Sans")))
    frozenset()
    """
    key = (font.fname, getattr(font, "face_index", 0))
    found = _UNNAMED.get(key)
    if found is None:
        first: dict[str, int] = {}
        shared: set[int] = set()
        for index in range(font.num_glyphs):
            name = font.get_glyph_name(index)
            if not name or name in first:
                shared.update((index, first.get(name, index)))
            else:
                first[name] = index
        found = _UNNAMED[key] = frozenset(shared)
    return found


def _has_unnamed(font: Any, s: str) -> bool:
    """Whether ``s``, laid out in ``font`` and its fallbacks, uses a glyph without a name
    of its own (:func:`unnamed_glyphs`)."""
    from matplotlib import _text_helpers

    for item in _text_helpers.layout(s, font):
        index = getattr(item, "glyph_index", None)  # matplotlib 3.11; before: glyph_idx
        if (item.glyph_idx if index is None else index) in unnamed_glyphs(item.ft_object):
            return True
    return False


_OUTLINES: dict[tuple, Any] = {}
"""Glyph outlines drawn as paths, by font file, face and glyph (bounded by the glyphs
without a name of their own that texts use)."""


def _glyph_outline(font: Any, index: int) -> Any:
    """Glyph ``index`` of ``font`` as a ``Path`` in thousandths of an em, rounded as
    matplotlib rounds a Type 3 glyph's outline (the same shape, drawn as a path). Read
    from a font object of its own: the shared one keeps the transform its last drawing
    on a PNG gave it."""
    from matplotlib import ft2font
    from matplotlib.path import Path

    face = getattr(font, "face_index", 0)
    key = (font.fname, face, index)
    found = _OUTLINES.get(key)
    if found is None:
        own = _OUTLINES.get((font.fname, face))
        if own is None:
            own = _OUTLINES[font.fname, face] = ft2font.FT2Font(
                font.fname, **({"face_index": face} if face else {}))
        own.load_glyph(index, ft2font.LoadFlags.NO_SCALE)  # matplotlib 3.11 (its caller)
        vertices, codes = own.get_path()
        found = _OUTLINES[key] = Path((vertices * 64 * 1000 / own.units_per_EM).round(),
                                      codes)
    return found


def _measuring_pdf() -> type:
    import itertools

    from matplotlib.backends.backend_pdf import Op, RendererPdf, _fill, pdfRepr

    _TURNS: dict[float, list[bytes]] = {}  # a text's angle -> its matrix's first four numbers

    class MeasuringPdf(RendererPdf):
        """``RendererPdf`` that measures and lays out each text once per process (the same
        label on the next page, or in the next client's pack, is not shaped again; the
        values are matplotlib's) and writes a text once per file (:meth:`draw_text`)."""

        def __init__(self, file: Any, image_dpi: float, height: float, width: float) -> None:
            super().__init__(file, image_dpi, height, width)
            self._written = file.__dict__.setdefault("_cw_written", {})
            self._tracked = file.__dict__.setdefault("_cw_tracked", {})
            self._outlines = file.__dict__.setdefault("_cw_outlines", {})
            self._selected = file.__dict__.setdefault("_cw_selected", {})
            self._fonts_in_force = (mpl.rcParams[self._use_afm_rc_name],
                                    len(fontManager.ttflist))

        def _key(self, *parts: Any) -> tuple:
            return (*parts, *self._fonts_in_force)

        def check_gc(self, gc: Any, fillcolor: Any = None) -> None:
            """As ``RendererPdf.check_gc``; a state the page is already in (the next tick
            label in the same colour) writes nothing, as there, without comparing it
            property by property (:data:`_GC_STATE`)."""
            if gc._rgb is not None and not gc._forced_alpha:
                alphas = ((gc._rgb[3], 1.0) if fillcolor is None or len(fillcolor) < 4
                          else (gc._rgb[3], fillcolor[3]))
                state = (gc._cliprect, gc._clippath, gc._alpha, gc._forced_alpha, alphas,
                         gc._capstyle, fillcolor, gc._joinstyle, gc._linewidth, gc._dashes,
                         gc._rgb, gc._hatch, gc._hatch_color, gc._hatch_linewidth)
                try:
                    if state == _GC_STATE(self.gc):
                        return None
                except ValueError:  # an array among them (dashes): compared one by one
                    pass
            return super().check_gc(gc, fillcolor)

        def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any) -> Any:
            if ismath or mpl.rcParams[self._use_afm_rc_name]:
                return super().get_text_width_height_descent(s, prop, ismath)
            return text_size(s, prop)

        def draw_text(self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float,
                      ismath: Any = False, mtext: Any = None) -> Any:
            """As ``RendererPdf.draw_text``; on matplotlib 3.11 its glyphs are laid out once
            per process (:meth:`_text_body`), and a text already written in this file with
            the same font is written again from what it wrote then (the glyphs, their
            fonts and kerning), moved and turned to ``x, y, angle``. A glyph without a
            name of its own (:func:`unnamed_glyphs`) is written as its outline: by
            :meth:`_text_body`, else the whole text is drawn as paths."""
            if ismath or mpl.rcParams["pdf.use14corefonts"]:
                return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            if not TEXTS_REWRITTEN or gc.get_url() is not None:
                if text_memo(self._key("unnamed", _font_key(prop), s),
                         lambda: _has_unnamed(self._get_font_ttf(prop), s)):
                    return self._draw_text_as_path(gc, x, y, s, prop, angle, ismath)
                return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            features = mtext.get_fontfeatures() if mtext is not None else None
            language = mtext.get_language() if mtext is not None else None
            key = (_font_key(prop), s, _hashable(features), _hashable(language),
                   mpl.rcParams["pdf.fonttype"])
            self.check_gc(gc, gc._rgb)
            body = self._written.get(key)
            if body is None:
                body = self._written[key] = self._text_body(s, prop, features, language, key)
            # its gsave and matrix, as file.output(Op.gsave) and file.output(cos(a), sin(a),
            # -sin(a), cos(a), x, y, Op.concat_matrix) write them, then the text
            turn = _TURNS.get(angle)
            if turn is None:
                a = math.radians(angle)
                turn = _TURNS[angle] = [pdfRepr(v) for v in (
                    math.cos(a), math.sin(a), -math.sin(a), math.cos(a))]
            self.file.write(b"".join((b"q\n", _fill([*turn, pdfRepr(x), pdfRepr(y), b"cm"]),
                                      b"\n", body)))
            return None

        def _text_body(self, s: str, prop: Any, features: Any, language: Any,
                       key: tuple) -> bytes:
            """What matplotlib 3.11's ``RendererPdf.draw_text`` writes for a TrueType font
            after the text's ``gsave`` and matrix, up to its ``grestore``, each glyph
            tracked for this file's font subsets. Its glyphs are laid out once per process;
            the bytes between the file's font names are made once per process for the
            same glyphs in the same subsets and codes (:func:`_text_parts`)."""
            from matplotlib.font_manager import FontPath  # matplotlib 3.11 (TEXTS_REWRITTEN)

            file = self.file
            fontsize = prop.get_size_in_points()
            fonttype = mpl.rcParams["pdf.fonttype"]
            items, glyphs, firsts, unnamed = text_memo(
                self._key("layout", *key), lambda: _glyphs(_laid_out(s, prop, features,
                                                                     language)))
            if unnamed:
                return self._written_with_outlines(items, unnamed, fontsize, fonttype)
            tracked = self._tracked
            for glyph in [glyph for glyph in firsts if glyph not in tracked]:
                item = firsts[glyph]  # the file's subset and code for it, fixed once given
                tracked[glyph] = file._character_tracker.track_glyph(
                    item.ft_object, item.char, item.glyph_index)
            codes = tuple(map(tracked.__getitem__, glyphs))
            parts = text_memo(self._key("text parts", *key, codes), lambda: _text_parts(
                items, codes, fontsize, lambda group: self._encode_glyphs(group, fonttype)))
            selected = self._selected
            out = []
            for part in parts:
                if part.__class__ is not bytes:  # a font's subset: the file's name for it
                    font = (part, fontsize)
                    part = selected.get(font)
                    if part is None:
                        part = selected[font] = _selectfont(
                            file.fontName(FontPath(font[0][0], font[0][1]), font[0][2]),
                            fontsize)
                out.append(part)
            return b"".join(out)

        def _written_with_outlines(self, items: tuple, unnamed: tuple, fontsize: float,
                                   fonttype: int) -> bytes:
            """:meth:`_text_body` of a text with glyphs without a name of their own
            (:func:`unnamed_glyphs`), each written as its outline after the text's
            other glyphs."""
            from matplotlib.font_manager import FontPath

            file = self.file

            def output_singlebyte_chunk(kerns_or_chars: list) -> None:
                if not kerns_or_chars:
                    return
                file.output([(-1000 * next(group) / fontsize) if tp is float
                             else self._encode_glyphs(group, fonttype)
                             for tp, group in itertools.groupby(kerns_or_chars, type)],
                            Op.showkern)
                kerns_or_chars.clear()

            calls: list[bytes] = []
            write = file.write
            file.write = calls.append
            try:
                chunk: list = []
                prev_font = None
                prev_start_x = 0
                file.output(Op.begin_text)
                tracked = self._tracked
                outlines = []  # glyphs without a name of their own: drawn as paths, below
                placed = False  # the glyph after an outline is placed anew, at its own x
                for item, outline in zip(items, unnamed, strict=True):
                    if outline:
                        output_singlebyte_chunk(chunk)
                        outlines.append(item)
                        prev_font, placed = None, True
                        continue
                    glyph = (item.ft_object.fname, item.ft_object.face_index, item.char,
                             item.glyph_index)
                    found = tracked.get(glyph)
                    if found is None:
                        found = tracked[glyph] = file._character_tracker.track_glyph(
                            item.ft_object, item.char, item.glyph_index)
                    subset, charcode = found
                    if (item.ft_object, subset) != prev_font:
                        output_singlebyte_chunk(chunk)
                        name = file.fontName(FontPath(item.ft_object.fname,
                                                      item.ft_object.face_index), subset)
                        file.output(name, fontsize, Op.selectfont)
                        self._setup_textpos(item.x, 0, 0, prev_start_x, 0, 0)
                        prev_font = (item.ft_object, subset)
                        prev_start_x = item.x
                    if item.y:
                        output_singlebyte_chunk(chunk)
                        file.output(item.y, Op.textrise)
                    if item.prev_kern and not placed:  # its x has the kerning in it
                        chunk.append(item.prev_kern)
                    placed = False
                    chunk.append(charcode)
                    if item.y:
                        output_singlebyte_chunk(chunk)
                        file.output(0, Op.textrise)
                output_singlebyte_chunk(chunk)
                file.output(Op.end_text)
                scale = fontsize / 1000
                for item in outlines:
                    file.output(Op.gsave, scale, 0, 0, scale, item.x, item.y,
                                Op.concat_matrix,
                                self._outline_name(item.ft_object, item.glyph_index),
                                Op.use_xobject, Op.grestore)
                file.output(Op.grestore)
            finally:
                file.write = write
            return b"".join(calls)

        def _outline_name(self, font: Any, index: int) -> Any:
            """The name of glyph ``index`` of ``font`` as a path written once in this
            file (a form, filled in the colour of the text that uses it)."""
            key = (font.fname, getattr(font, "face_index", 0), index)
            name = self._outlines.get(key)
            if name is None:
                name = self._outlines[key] = self.file.pathCollectionObject(
                    self.new_gc(), _glyph_outline(font, index), Affine2D(), 1, True, False)
            return name

        if hasattr(RendererPdf, "_get_font_height_metrics"):
            def _get_font_height_metrics(self, prop: Any) -> Any:
                """As ``Text._get_layout`` finds them on this renderer, at 72 dpi."""
                return text_memo(self._key("line heights", _font_key(prop)),
                             lambda: _line_heights(
                                 super(MeasuringPdf, self)._get_font_height_metrics(prop),
                                 prop))

    return MeasuringPdf


def _glyphs(items: tuple) -> tuple[tuple, tuple, dict, tuple]:
    """A text's glyphs as laid out (``items``: ``FT2Font._layout``), each glyph's
    ``(font file, face, character, glyph index)``, each distinct one with its first item
    (in the text's order), and which glyphs have no name of their own
    (:func:`unnamed_glyphs`; ``()`` when every glyph has one)."""
    glyphs = tuple((item.ft_object.fname, item.ft_object.face_index, item.char,
                    item.glyph_index) for item in items)
    firsts: dict[tuple, Any] = {}
    for glyph, item in zip(glyphs, items, strict=True):
        firsts.setdefault(glyph, item)
    unnamed = tuple(item.glyph_index in unnamed_glyphs(item.ft_object) for item in items)
    return items, glyphs, firsts, unnamed if any(unnamed) else ()


def _text_parts(items: tuple, codes: tuple, fontsize: float, encode: Any) -> tuple:
    """What matplotlib 3.11's ``RendererPdf.draw_text`` writes for a text after its
    ``gsave`` and matrix, up to its ``grestore``: the glyphs ``items`` (laid out) in the
    file's subsets and codes ``codes``, kerned, a chunk per font. Bytes, and in place of
    each font's selection its ``(file name, face, subset)``: the file's name for that font
    is written there (:func:`_selectfont`). ``encode`` turns a chunk's codes into bytes.

    The same calls as matplotlib's, each serialised as its ``PdfFile.output`` does.
    """
    import itertools

    from matplotlib.backends.backend_pdf import Op, _fill, pdfRepr

    parts: list[Any] = []
    lines: list[bytes] = []

    def output(*data: Any) -> None:
        lines.append(_fill([pdfRepr(x) for x in data]))
        lines.append(b"\n")

    def output_singlebyte_chunk(kerns_or_chars: list) -> None:
        if not kerns_or_chars:
            return
        output([(-1000 * next(group) / fontsize) if tp is float else encode(group)
                for tp, group in itertools.groupby(kerns_or_chars, type)], Op.showkern)
        kerns_or_chars.clear()

    output(Op.begin_text)
    chunk: list = []
    prev_font = None
    prev_start_x = 0
    for item, (subset, charcode) in zip(items, codes, strict=True):
        if (item.ft_object, subset) != prev_font:
            output_singlebyte_chunk(chunk)
            parts.append(b"".join(lines))
            lines.clear()
            parts.append((item.ft_object.fname, item.ft_object.face_index, subset))
            output(item.x - prev_start_x, 0, Op.textpos)  # RendererPdf._setup_textpos
            prev_font = (item.ft_object, subset)
            prev_start_x = item.x
        if item.y:
            output_singlebyte_chunk(chunk)
            output(item.y, Op.textrise)
        if item.prev_kern:
            chunk.append(item.prev_kern)
        chunk.append(charcode)
        if item.y:
            output_singlebyte_chunk(chunk)
            output(0, Op.textrise)
    output_singlebyte_chunk(chunk)
    output(Op.end_text)
    output(Op.grestore)
    parts.append(b"".join(lines))
    return tuple(part for part in parts if part != b"")


def _selectfont(name: Any, fontsize: float) -> bytes:
    """``PdfFile.output(name, fontsize, Op.selectfont)``'s bytes."""
    from matplotlib.backends.backend_pdf import Op, _fill, pdfRepr

    return _fill([pdfRepr(name), pdfRepr(fontsize), pdfRepr(Op.selectfont)]) + b"\n"


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _line_heights(found: tuple, prop: Any) -> tuple:
    """What matplotlib 3.11's ``Text._get_layout`` uses for ``prop`` at 72 dpi, given what
    the renderer's ``_get_font_height_metrics`` returned (None: read the font's tables)."""
    if None not in found:
        return found
    from matplotlib.font_manager import get_font

    font = get_font(_font_files(prop))
    for table_name, gap_key, ascent_key, descent_key in _HEIGHT_TABLES:
        table = font.get_sfnt_table(table_name)
        if table is None:
            continue
        scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points()
        return table[ascent_key] * scale, -table[descent_key] * scale, table[gap_key] * scale
    return found


@contextlib.contextmanager
def _page_coordinates(fig: Figure, renderer: Any, offset: tuple[float, float]) -> Iterator[None]:
    """``fig`` (at 72 dpi) placed on ``renderer``'s page with its lower left corner at
    ``offset``, as ``savefig`` places it for a page-sized ``bbox_inches``: an image is
    resampled on the page's pixel grid, where matplotlib's own page puts it."""
    from matplotlib import _tight_bbox

    page = Bbox.from_bounds(-offset[0] / 72, -offset[1] / 72, renderer.width, renderer.height)
    if "renderer" in inspect.signature(_tight_bbox.adjust_bbox).parameters:
        restore = _tight_bbox.adjust_bbox(fig, page, renderer, 72)
    else:  # matplotlib before 3.10
        restore = _tight_bbox.adjust_bbox(fig, page, 72)
    try:
        yield
    finally:
        restore()


class _Shifted:
    """``renderer`` with everything drawn moved by ``offset`` (points): an artist drawn
    live on a page (the figure at 72 dpi), its lower left corner at ``offset``."""

    def __init__(self, renderer: Any, offset: tuple[float, float]) -> None:
        self._renderer = renderer
        self._shift = Affine2D().translate(*offset)
        self._offset = offset

    def __getattr__(self, name: str) -> Any:
        return getattr(self._renderer, name)

    def _gc(self, gc: Any) -> Any:
        moved = self._renderer.new_gc()
        moved.copy_properties(gc)
        rect = gc.get_clip_rectangle()
        if rect is not None:
            moved._cliprect = Bbox(self._shift.transform(rect.get_points()))
        path, affine = gc.get_clip_path()
        if path is not None:
            moved._clippath = _FixedPath(path, affine + self._shift)
        return moved

    def draw_path(self, gc: Any, path: Any, transform: Any, *args: Any, **kw: Any) -> None:
        self._renderer.draw_path(self._gc(gc), path, transform + self._shift, *args, **kw)

    def draw_markers(self, gc: Any, marker_path: Any, marker_trans: Any, path: Any,
                     trans: Any, *args: Any, **kw: Any) -> None:
        self._renderer.draw_markers(self._gc(gc), marker_path, marker_trans, path,
                                    trans + self._shift, *args, **kw)

    def draw_path_collection(self, gc: Any, master: Any, *args: Any, **kw: Any) -> None:
        self._renderer.draw_path_collection(self._gc(gc), master + self._shift, *args, **kw)

    def draw_text(self, gc: Any, x: float, y: float, *args: Any, **kw: Any) -> None:
        self._renderer.draw_text(self._gc(gc), x + self._offset[0], y + self._offset[1],
                                 *args, **kw)

    def draw_image(self, gc: Any, x: float, y: float, im: Any, *args: Any, **kw: Any) -> None:
        self._renderer.draw_image(self._gc(gc), x + self._offset[0], y + self._offset[1],
                                  im, *args, **kw)

    def _refuse(self, *args: Any, **kw: Any) -> None:
        raise NotImplementedError("an artist drawn live with a mesh or TeX")

    draw_tex = draw_quad_mesh = draw_gouraud_triangles = _refuse


class _FixedPath:
    """A clip path already resolved: what ``gc.get_clip_path`` expects of a
    ``TransformedPath``."""

    def __init__(self, path: Any, affine: Any) -> None:
        self.path, self.affine = path, affine

    def get_transformed_path_and_affine(self) -> tuple[Any, Any]:
        return self.path, self.affine

    def get_fully_transformed_path(self) -> Any:
        return self.affine.transform_path(self.path)


def _replay_text(renderer: Any, gc: Any, args: tuple, kwargs: dict, scale: float,
                 offset: tuple[float, float], layouts: dict[int, Any]) -> None:
    _x, _y, s, prop, angle, *rest = args
    kwargs = dict(kwargs)
    text, posx, posy, index = kwargs.pop("_place")
    info = layouts.get(id(text))
    if info is None:
        info = layouts[id(text)] = _text_lines(text, renderer)
    entry = info[index]
    dx, dy = entry[2] if len(entry) == 3 else entry[2:4]
    x = posx * scale + offset[0] + dx
    y = posy * scale + offset[1] + dy  # the PDF renderer's y is upwards (no flip)
    renderer.draw_text(gc, x, y, s, prop, angle, *rest, **kwargs)


def _text_lines(text: Text, renderer: Any) -> list:
    """``text._get_layout(renderer)``'s lines (each line's text, size and offset from the
    anchor), once per process for a text with the same string, font and alignment (the
    tick labels and headings of the next chart and the next client): matplotlib's values,
    which depend on nothing else on a page renderer (:func:`page_renderer`)."""
    key_of = getattr(renderer, "_key", None)
    if key_of is None:
        return text._get_layout(renderer)[1]
    key = key_of("text lines", text.get_text(), _font_key(text._fontproperties),
                 text.get_rotation(), text.get_rotation_mode(), text._horizontalalignment,
                 text._verticalalignment, text._get_multialignment(), text._linespacing,
                 text.get_usetex(), text.get_parse_math(), text.get_wrap(),
                 float(text.figure.dpi))
    return text_memo(key, lambda: text._get_layout(renderer)[1])


TEXTS_REWRITTEN = tuple(mpl.__version_info__[:2]) == (3, 11)
"""Whether a page's renderer writes a text it wrote before from what it wrote then: its
``draw_text`` follows matplotlib 3.11's (the glyphs of a text between ``gsave``, its matrix,
and ``grestore``), checked on each text it keeps; another matplotlib writes every text
itself (slower, never different)."""

_GC_STATE = operator.attrgetter(
    "_cliprect", "_clippath", "_alpha", "_forced_alpha", "_effective_alphas", "_capstyle",
    "_fillcolor", "_joinstyle", "_linewidth", "_dashes", "_rgb", "_hatch", "_hatch_color",
    "_hatch_linewidth")
"""What ``GraphicsContextPdf.delta`` compares (its ``commands``' properties): a graphics
context whose values all equal the page's needs no command."""

_MeasuringPdf = _measuring_pdf()
