"""The in-memory canvas every chart is drawn on: matplotlib's Agg, with each font looked up
once per renderer instead of once per text.

matplotlib (3.11) finds the font file of a text every time it measures or draws it
(``findfont`` builds its cache key from six rcParams lists each call) and, to place the
lines of a text, reads the font's OS/2 and head tables again for every call of
``Text._get_layout`` -- several times per label and drawing (constrained layout's two
passes, the draw). A chart has a handful of fonts and hundreds of such calls.
:class:`ChartRenderer` remembers both per renderer (one figure, one size, one dpi), keyed
on everything matplotlib's own lookup depends on, so the pixels are the same
(``tests/test_charts_draw_cost.py`` compares them byte for byte). Pure: it writes nothing
(matplotlib reads its font files on first use, as for any chart).

matplotlib 3.11 also draws a text glyph by glyph in Python, and for every glyph sets the
font's size again and builds the same rotation matrix with numpy (~10 us a glyph, ~1,000
glyphs in notebook 05's three charts; a size set again makes FreeType run the font's
hinting program again, ~25 us); :class:`ChartRenderer` keeps the size the font was given
to lay the text out, builds the matrix once, and renders the same glyphs at the same
places.

>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(2, 1))
>>> canvas = ChartCanvas(fig)
>>> fig.canvas is canvas, type(canvas.get_renderer()).__name__
(True, 'ChartRenderer')
"""

from __future__ import annotations

import functools
import math
import os
import unicodedata
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg

__all__ = ["FONTS_MEMOISED", "GLYPHS_DRAWN_HERE", "ChartCanvas", "ChartRenderer", "draws_glyphs",
           "font_files", "layout_size", "plain_text"]

_FONT_RC = ("font.serif", "font.sans-serif", "font.cursive", "font.fantasy",
            "font.monospace", "font.family")
"""The rcParams ``findfont`` resolves a generic family with (part of the memo's key)."""

_HEIGHT_TABLES = (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                  ("hhea", "lineGap", "ascent", "descent"))
"""Where ``Text._get_layout`` reads a font's line height from, in its order."""


def _font_key(prop: Any) -> tuple:
    """What the font file (and size) of ``prop`` depends on: its properties and the
    font rcParams in force (read with ``rcParams._get``, matplotlib's stable raw read:
    these names are neither deprecated nor the backend, so the values are the same as
    ``rcParams[name]``'s, without its checks; a key is made for every text measured).

    >>> from matplotlib.font_manager import FontProperties
    >>> with mpl.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
    ...     key = _font_key(FontProperties(size=9))
    >>> key[5], key[-1][1]
    (9.0, ('DejaVu Sans',))
    """
    return (tuple(prop.get_family()), prop.get_style(), prop.get_variant(),
            prop.get_weight(), prop.get_stretch(), prop.get_size_in_points(),
            prop.get_file(), prop.get_math_fontfamily(),
            tuple(map(tuple, map(mpl.rcParams._get, _FONT_RC))))


_LOOKUP_SIZE = 10.0
"""The size every font is looked up at when the size cannot change the answer
(:func:`font_files`)."""


def font_files(prop: Any) -> Any:
    """The font files of ``prop``, as ``FontManager._find_fonts_by_props`` finds them, looked
    up once per process for every size of the same family, weight and style.

    ``findfont`` scores every installed font for each family of a text (~90 fonts, ~0.4 ms
    a family here) and remembers the answer per size, though a size changes the score only
    of a font made in fixed sizes: every font matplotlib lists from a file is
    ``'scalable'`` (its size score is 0 whatever the size asked). So while every listed font
    is scalable, the lookup asks at one size (a chart's 9.5, 10.5 and 14 pt titles and
    labels: one search each instead of three); a machine with a fixed-size font keeps
    matplotlib's own search for each size.

    >>> from matplotlib.font_manager import FontProperties
    >>> small, large = FontProperties(size=7), FontProperties(size=31)
    >>> font_files(small) == font_manager.fontManager._find_fonts_by_props(small)
    True
    >>> font_files(small) == font_files(large)
    True
    """
    manager = font_manager.fontManager
    if prop.get_size() != _LOOKUP_SIZE and all(
            entry.size == "scalable" for entry in manager.ttflist):
        prop = prop.copy()
        prop.set_size(_LOOKUP_SIZE)
    return manager._find_fonts_by_props(prop)


_PLAIN_CATEGORIES = frozenset("LNPS")
"""Unicode categories (first letters) of the characters whose glyphs sit on their pens with
their own advance: letters, numbers, punctuation, symbols."""
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")
"""Letters that are default-ignorable (Hangul fillers): shaped with no advance."""


def plain_text(s: str) -> bool:
    """Whether every glyph of ``s`` is placed on its pen with its font's own advance: ``s``
    is printable ASCII, or has only letters, numbers, punctuation and symbols (no combining
    mark, which is moved onto the letter before it; no space but the ASCII one, which the
    shaper may widen or narrow; no format or control character, which it shapes with no
    advance). Such a text's size can be read off its glyph layout
    (:meth:`ChartRenderer.get_text_width_height_descent`, the PDF's ``text_size``).

    >>> plain_text("Café · 项目 🚀 ✓"), plain_text("cafe\u0301"), plain_text("a\u2009b")
    (True, False, False)
    >>> plain_text("👍\u200d"), plain_text("")
    (False, True)
    """
    if s.isascii():
        return s.isprintable()
    return all((c.isascii() and c.isprintable())
               or (unicodedata.category(c)[0] in _PLAIN_CATEGORIES and c not in _FILLERS)
               for c in s)


def layout_size(items: Any, box_of: Any) -> tuple[float, float, float] | None:
    """Width, height and descent of a text from its glyph layout ``items``
    (``FT2Font._layout``, not empty), as ``FT2Font.set_text`` adds them up: the pen's
    advance past the last glyph, and the lowest and highest points of the glyphs' boxes
    placed at their pens. ``box_of(item)`` gives a glyph's bottom, top and advance in 64ths
    (of a pixel, or of a point at 72 dpi), or ``None`` for a glyph it will not measure: then
    ``None`` (let matplotlib measure the text). The one sum of the charts' renderer
    (:meth:`ChartRenderer.get_text_width_height_descent`) and the PDF's ``text_size``.

    >>> from types import SimpleNamespace as Glyph
    >>> items = [Glyph(x=0.0, y=0.0, g="A"), Glyph(x=7.0, y=0.0, g="g")]
    >>> boxes = {"A": (0, 512, 448), "g": (-128, 384, 384)}
    >>> layout_size(items, lambda item: boxes[item.g])
    (13.0, 10.0, 2.0)
    >>> layout_size(items, lambda item: None) is None
    True
    """
    low = high = 0
    box: tuple = ()
    for i, item in enumerate(items):
        box = box_of(item)
        if box is None:
            return None
        rise = round(item.y * 64)
        if i == 0 or box[0] + rise < low:
            low = box[0] + rise
        if i == 0 or box[1] + rise > high:
            high = box[1] + rise
    width = round(items[-1].x * 64) + box[2]
    return width / 64, (high - low) / 64, -low / 64


@functools.cache
def _last_resort_file() -> str:
    """The file of matplotlib's last-resort font, which ``FT2Font._layout`` draws a glyph
    from when no listed font has it (as ``font_manager._get_font`` names it).

    >>> _last_resort_file().endswith(".ttf")
    True
    """
    from matplotlib import cbook

    return os.path.realpath(cbook._get_data_path("fonts", "ttf", "LastResortHE-Regular.ttf"))


class ChartRenderer(RendererAgg):
    """``RendererAgg`` that looks up each font, and its line metrics, once, and shapes each
    text once (to measure and to draw it)."""

    def _memo(self) -> tuple[dict, dict, dict, dict]:
        """This renderer's font files, line heights, glyph layouts and glyph boxes."""
        memo = self.__dict__.get("_cw_memo")
        if memo is None:
            memo = self.__dict__["_cw_memo"] = ({}, {}, {}, {})
        return memo

    def _font_paths(self, prop: Any) -> Any:
        paths = self._memo()[0]
        key = _font_key(prop)
        found = paths.get(key)
        if found is None:
            found = paths[key] = font_files(prop)
        return found

    def _prepare_font(self, font_prop: Any) -> Any:
        """As ``RendererAgg._prepare_font``, with the font file found once."""
        font = font_manager.get_font(self._font_paths(font_prop))
        font.clear()
        font.set_size(font_prop.get_size_in_points(), self.dpi)
        return font

    def _get_font_height_metrics(self, prop: Any) -> tuple[Any, Any, Any]:
        """Ascent, descent and line gap of ``prop``'s font in pixels, as ``Text._get_layout``
        computes them when the renderer has no such method (``None``s: let it measure)."""
        heights = self._memo()[1]
        key = (_font_key(prop), self.dpi)
        if key not in heights:
            font = font_manager.get_font(self._font_paths(prop))
            heights[key] = (None, None, None)
            for table_name, gap_key, ascent_key, descent_key in _HEIGHT_TABLES:
                table = font.get_sfnt_table(table_name)
                if not table or ascent_key not in table:  # older FreeType bindings
                    continue
                scale = (1 / font.get_sfnt_table("head")["unitsPerEm"]
                         * prop.get_size_in_points() * self.dpi / 72)
                heights[key] = (table[ascent_key] * scale, -table[descent_key] * scale,
                                table[gap_key] * scale)
                break
        return heights[key]

    def _glyph_layout(self, font: Any, s: str, prop: Any) -> tuple:
        """``font._layout(s)`` (``font``: :meth:`_prepare_font` of ``prop``; no font
        features, no language) once per renderer for the same font, size and string: the
        layout a text is measured from (:meth:`get_text_width_height_descent`) is the one
        it is drawn with (:meth:`draw_text`), as matplotlib would shape it again."""
        from matplotlib.backends.backend_agg import get_hinting_flag

        flags = get_hinting_flag()
        layouts = self._memo()[2]
        key = (_font_key(prop), s, flags, self.dpi)
        items = layouts.get(key)
        if items is None:
            items = layouts[key] = tuple(font._layout(s, flags=flags))
        return items

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: Any) -> tuple:
        """As matplotlib 3.11's for a :func:`plain_text` (``FT2Font.set_text``'s sums: the
        pen's advance past the last glyph, and the lowest and highest points of the glyphs'
        boxes placed at their pens, in 64ths of a pixel), read off the text's glyph layout
        (:meth:`_glyph_layout`), which its drawing then uses: the text is shaped once, not
        once to measure and again to draw. Other texts (mathtext, an empty one, a combining
        mark or an unusual space) and a text with a glyph none of the listed fonts has (drawn
        from matplotlib's last-resort font, as a box) are measured by matplotlib, which warns
        about the missing glyph as before. ``tests/test_charts_draw_cost.py`` compares the two
        on thousands of texts."""
        if ismath or not s or not plain_text(s):
            return super().get_text_width_height_descent(s, prop, ismath)
        from matplotlib.backends.backend_agg import get_hinting_flag

        font = self._prepare_font(prop)  # its size (and its fallbacks') is set
        items = self._glyph_layout(font, s, prop)
        if not items:
            return super().get_text_width_height_descent(s, prop, ismath)
        flags = get_hinting_flag()
        size = prop.get_size_in_points()
        boxes = self._memo()[3]
        last_resort = _last_resort_file()

        def box_of(item: Any) -> tuple | None:
            glyph_font = item.ft_object
            if glyph_font.fname == last_resort:  # a glyph no listed font has: matplotlib
                return None  # measures it, and warns as it does (a box will be drawn)
            key = (glyph_font.fname, glyph_font.face_index, item.glyph_index, size, flags)
            box = boxes.get(key)
            if box is None:
                glyph = glyph_font.load_glyph(item.glyph_index, flags)
                box = boxes[key] = (glyph.bbox[1], glyph.bbox[3], glyph.horiAdvance)
            return box

        found = layout_size(items, box_of)
        return found if found is not None else \
            super().get_text_width_height_descent(s, prop, ismath)

    def draw_text(self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float,
                  ismath: Any = False, mtext: Any = None) -> None:
        """As matplotlib 3.11's: the text laid out in its font (the layout it was measured
        from, :meth:`_glyph_layout`, when it has no font features or language of its own),
        then drawn glyph by glyph (:meth:`_draw_glyphs`), without setting again the size the
        font was just given (each time FreeType resets the font's hinting and runs its size
        program again)."""
        if ismath:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        from matplotlib.backends.backend_agg import get_hinting_flag

        font = self._prepare_font(prop)  # its size is set
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        if features is None and language is None:
            items = self._glyph_layout(font, s, prop)
        else:
            items = font._layout(s, flags=get_hinting_flag(), features=features,
                                 language=language)
        size = prop.get_size_in_points()
        self._draw_glyphs(gc, x, y, angle,
                          ((item.ft_object, size, item.glyph_index, 0, 1, item.x, item.y)
                           for item in items), {id(font): size})
        return None

    def _draw_text_glyphs_and_boxes(self, gc: Any, x: float, y: float, angle: float,
                                    glyphs: Any, boxes: Any) -> None:
        """As matplotlib 3.11's (same glyphs, places and pixels): :meth:`_draw_glyphs`.

        Texts with boxes (mathtext rules) are left to matplotlib.
        """
        if boxes:
            return super()._draw_text_glyphs_and_boxes(gc, x, y, angle, glyphs, boxes)
        self._draw_glyphs(gc, x, y, angle, glyphs, {})
        return None

    def _draw_glyphs(self, gc: Any, x: float, y: float, angle: float, glyphs: Any,
                     sizes: dict[int, float]) -> None:
        """Render ``glyphs`` (font, size, index, slant, extend, dx, dy) at ``x, y`` (y
        downwards) as matplotlib 3.11 does, with each font's size set once per text (not
        per glyph; ``sizes``: the fonts already set, by ``id``) and the rotation matrix
        built once."""
        from matplotlib.backends.backend_agg import get_hinting_flag
        from matplotlib.ft2font import RenderMode

        cos = math.cos(math.radians(angle))
        sin = math.sin(math.radians(angle))
        load_flags = get_hinting_flag()
        mode = RenderMode.NORMAL if gc.get_antialiased() else RenderMode.MONO
        height = self.height
        draw = self._renderer.draw_text_image
        matrices: dict[tuple[float, float], Any] = {}
        for font, size, glyph_index, slant, extend, dx, dy in glyphs:  # dy is upwards.
            if sizes.get(id(font)) != size:
                font.set_size(size, self.dpi)
                sizes[id(font)] = size
            matrix = matrices.get((slant, extend))
            if matrix is None:
                matrix = matrices[slant, extend] = (
                    0x10000 * np.array([[cos, -sin], [sin, cos]])
                    @ [[extend, extend * slant], [0, 1]]).round().astype(int)
            font._set_transform(matrix, [round(0x40 * (x + dx * cos - dy * sin)),
                                         # FreeType's y is upwards.
                                         round(0x40 * (height - y + dx * sin + dy * cos))])
            bitmap = font._render_glyph(glyph_index, load_flags, mode)
            buffer = bitmap.buffer
            if mode is not RenderMode.NORMAL:
                buffer *= 0xff
            # draw_text_image's y is downwards & the bitmap bottom side.
            draw(buffer, bitmap.left, int(height) - bitmap.top + buffer.shape[0], 0, gc)


def draws_glyphs(version: tuple[int, ...]) -> bool:
    """Whether :class:`ChartRenderer` draws texts' glyphs itself on matplotlib ``version``.

    >>> draws_glyphs((3, 12, 0)), draws_glyphs((3, 9, 0))
    (False, False)
    """
    return (tuple(version[:2]) == (3, 11)
            and hasattr(RendererAgg, "_draw_text_glyphs_and_boxes"))


GLYPHS_DRAWN_HERE = draws_glyphs(mpl.__version_info__)
"""Whether :class:`ChartRenderer` draws texts' glyphs itself. Its drawing repeats matplotlib
3.11's private glyph code (``FT2Font._layout``, ``_set_transform``, ``_render_glyph``), so it
is used only on the minor version it was checked against byte for byte; before 3.11
matplotlib draws whole strings, and a newer matplotlib draws them its own way (slower, never
broken) until the override is checked against it."""

if not GLYPHS_DRAWN_HERE:
    del ChartRenderer.draw_text, ChartRenderer._draw_text_glyphs_and_boxes
    del ChartRenderer._draw_glyphs, ChartRenderer._glyph_layout
    del ChartRenderer.get_text_width_height_descent

FONTS_MEMOISED = hasattr(font_manager.FontManager, "_find_fonts_by_props")
"""Whether :class:`ChartRenderer` looks each font up once: it asks matplotlib's private
``FontManager._find_fonts_by_props`` (3.6 and later); a matplotlib without it keeps its own
lookups."""

if not FONTS_MEMOISED:  # pragma: no cover - every supported matplotlib has it
    del ChartRenderer._prepare_font, ChartRenderer._get_font_height_metrics


class ChartCanvas(FigureCanvasAgg):
    """``FigureCanvasAgg`` whose renderer is a :class:`ChartRenderer`.

    matplotlib still decides when a new renderer is needed (a new size or dpi); the
    renderer it makes is given the memoizing methods.
    """

    def get_renderer(self, *args: Any, **kwargs: Any) -> Any:
        renderer = super().get_renderer(*args, **kwargs)
        if type(renderer) is RendererAgg:
            renderer.__class__ = ChartRenderer
        return renderer
