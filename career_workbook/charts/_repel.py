"""Labels placed at draw time: point labels that never overlap (a small vertical
label-repel), and labels kept clear of a chart's own lines (:func:`clear_labels`).

Labels sit to the right of their point (to the left near the right edge, and then for
every point in that column too). When two labels
would overlap, they are pushed apart vertically and a thin leader line joins each moved
label to its point. The layout runs in display space every time the figure is drawn, so
it holds at any size and dpi (screen, PNG, SVG, PDF).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.collections import PathCollection
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import IdentityTransform, ScaledTranslation


def repel_vertical(y: Sequence[float], heights: Sequence[float], x0: Sequence[float],
                   x1: Sequence[float], lo: float, hi: float, *, gap: float = 2.0,
                   iterations: int = 300) -> np.ndarray:
    """Vertical centres for label boxes so that boxes sharing some x never overlap.

    Boxes ``i`` span ``x0[i]..x1[i]`` and have height ``heights[i]``; they start centred
    at ``y[i]`` and stay within ``lo..hi``. Overlapping pairs are pushed apart equally.

    >>> repel_vertical([10, 11], [4, 4], [0, 0], [5, 5], 0, 100, gap=0).round(1).tolist()
    [8.5, 12.5]
    >>> repel_vertical([10, 11], [4, 4], [0, 9], [5, 12], 0, 100).tolist()  # no x overlap
    [10.0, 11.0]
    """
    y = np.asarray(y, dtype=float).copy()
    h = np.asarray(heights, dtype=float)
    x0 = np.asarray(x0, dtype=float)
    x1 = np.asarray(x1, dtype=float)
    n = len(y)
    if n == 0:
        return y
    low = np.minimum(lo + h / 2, (lo + hi) / 2)
    high = np.maximum(hi - h / 2, (lo + hi) / 2)
    reach = (h + h.max()) / 2 + gap
    for _ in range(iterations):
        moved = False
        order = np.argsort(y, kind="stable")
        for a in range(n):
            i = order[a]
            for b in range(a + 1, n):
                j = order[b]
                dist = y[j] - y[i]
                if dist >= reach[i]:
                    break
                if x1[i] <= x0[j] or x1[j] <= x0[i]:
                    continue
                need = (h[i] + h[j]) / 2 + gap
                if dist < need - 1e-6:
                    push = (need - dist) / 2 + 1e-3
                    y[i] -= push
                    y[j] += push
                    moved = True
        y = np.clip(y, low, high)
        if not moved:
            break
    return y


class RepelledLabels(Artist):
    """Draw-time placement of ``texts`` next to their ``anchors`` (data coordinates).

    Added to an axes with a z-order just below the texts, so it runs first on every draw.
    Kept out of the layout: labels stay inside the axes box.
    """

    def __init__(self, ax: Any, texts: list[Text], anchors: np.ndarray, *,
                 pad_pt: float = 5.0, gap_pt: float = 4.0, line_color: str = "#999999"):
        super().__init__()
        self._ax = ax
        self.texts = texts
        self.anchors = np.asarray(anchors, dtype=float).reshape(-1, 2)
        self.pad_pt = pad_pt
        self.gap_pt = gap_pt
        self.set_in_layout(False)
        self.set_zorder(min(t.get_zorder() for t in texts) - 0.01)
        self._leaders = [
            Line2D([], [], linewidth=0.6, color=line_color, transform=IdentityTransform())
            for _ in texts
        ]

    def draw(self, renderer: Any) -> None:
        if not self.get_visible() or not self.texts:
            return
        ax = self._ax
        px_per_pt = renderer.points_to_pixels(1.0)
        pad, gap = self.pad_pt * px_per_pt, self.gap_pt * px_per_pt
        box = ax.get_window_extent(renderer)
        anchor = ax.transData.transform(self.anchors)
        boxes = [t.get_window_extent(renderer) for t in self.texts]  # each measured once
        sizes = np.array([[b.width, b.height] for b in boxes])
        w, h = sizes[:, 0], sizes[:, 1]
        right = anchor[:, 0] + pad + w <= box.x1
        # points in one column are labelled on one side: a label across from another
        # point, level with it, reads as that point's label
        column = np.abs(anchor[:, 0, None] - anchor[None, :, 0]) <= pad
        right = np.array([right[row].all() for row in column], dtype=bool)
        x0 = np.where(right, anchor[:, 0] + pad, anchor[:, 0] - pad - w)
        y = repel_vertical(anchor[:, 1], h, x0, x0 + w, box.y0, box.y1, gap=gap)
        for i, text in enumerate(self.texts):
            dx = pad if right[i] else -pad
            dy = y[i] - anchor[i, 1]
            text.set_horizontalalignment("left" if right[i] else "right")
            text.set_verticalalignment("center")
            text.set_transform(ax.transData + ScaledTranslation(
                dx / px_per_pt / 72, dy / px_per_pt / 72, ax.figure.dpi_scale_trans))
            text.set_bbox(None)
            if abs(dy) > h[i] / 2:
                leader = self._leaders[i]
                leader.set_figure(ax.figure)
                leader.set_data([anchor[i, 0], anchor[i, 0] + dx * 0.8], [anchor[i, 1], y[i]])
                leader.draw(renderer)
        # a name over dots (or rings) is read on a light box; clear of them, on nothing
        points, radii = dots_of(ax, renderer)
        over = boxes_cover_dots(list(zip(x0, y - h / 2, x0 + w, y + h / 2, strict=True)),
                                points, radii)
        for text, boxed in zip(self.texts, over, strict=True):
            if boxed:
                text.set_bbox(WHITE_BOX)


def dots_of(ax: Any, renderer: Any) -> tuple[np.ndarray, np.ndarray]:
    """The centres (pixels, n x 2) and radii (pixels, with half their edge) of every
    marker of ``ax``: its scatter dots and rings, and the markers of its lines."""
    px_per_pt = renderer.points_to_pixels(1.0)
    points, radii = [np.empty((0, 2))], [np.empty(0)]
    for coll in ax.collections:
        sizes = np.asarray(coll.get_sizes(), dtype=float)
        offsets = np.asarray(coll.get_offsets(), dtype=float).reshape(-1, 2)
        if not coll.get_visible() or not len(sizes) or not len(offsets) \
                or not isinstance(coll, PathCollection):
            continue
        edge = float(np.max(coll.get_linewidths(), initial=0.0)) / 2
        r = (np.sqrt(np.resize(sizes, len(offsets))) / 2 + edge) * px_per_pt
        points.append(coll.get_offset_transform().transform(offsets))
        radii.append(r)
    for line in ax.get_lines():
        if line.get_visible() and line.get_marker() not in (None, "None", "none", "", " "):
            xy = line.get_transform().transform(line.get_xydata())
            points.append(np.asarray(xy, dtype=float))
            radii.append(np.full(len(xy), line.get_markersize() / 2 * px_per_pt))
    return np.concatenate(points), np.concatenate(radii)


def boxes_cover_dots(boxes: Sequence[tuple[float, float, float, float]],
                     points: np.ndarray, radii: np.ndarray) -> np.ndarray:
    """For each box ``(x0, y0, x1, y1)``, whether any dot (centre ``points[i]``, radius
    ``radii[i]``, same units) reaches into it.

    >>> pts, r = np.array([[0.0, 0.0], [10.0, 10.0]]), np.array([1.0, 1.0])
    >>> boxes_cover_dots([(0.5, -2, 4, 2), (2, 2, 8, 8), (10.5, 10.5, 12, 12)], pts, r).tolist()
    [True, False, True]
    """
    out = np.zeros(len(boxes), dtype=bool)
    if not len(points):
        return out
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        # the nearest point of the box to each centre, within the radius
        nx = np.clip(points[:, 0], x0, x1) - points[:, 0]
        ny = np.clip(points[:, 1], y0, y1) - points[:, 1]
        out[i] = bool((nx * nx + ny * ny < radii * radii).any())
    return out


def repelled_labels(ax: Any, xs: Sequence[float], ys: Sequence[float], labels: Sequence[str],
                    *, pad_pt: float = 5.0, **text_kw: Any) -> list[Text]:
    """Label points ``(xs, ys)`` of ``ax`` with ``labels`` (already safe) that never overlap.

    ``pad_pt`` is the distance (points) from a point to its label. Returns the
    :class:`~matplotlib.text.Text` artists (also in ``ax.texts``).
    """
    text_kw.setdefault("fontsize", 9)
    texts = []
    for x, y, label in zip(xs, ys, labels, strict=True):
        t = ax.text(x, y, label, ha="left", va="center", clip_on=False, linespacing=1.1,
                    **text_kw)
        t.set_in_layout(False)
        texts.append(t)
    if texts:
        placer = RepelledLabels(ax, texts, np.column_stack([xs, ys]), pad_pt=pad_pt)
        ax.add_artist(placer)
        for t in texts:  # a drawing replayed elsewhere places these again (pdf_replay)
            t._cw_placed_by = placer
    return texts


NAMED_PER_ROW = 2
"""Points named per row of a dot chart (network, opportunities): a row has room for two
one-line names level with their dots; more (nine stale opportunities spotted the same
day, sixty overdue follow-ups) were pushed far from their dots and off the axes."""


def most_urgent(frame: pd.DataFrame, row: str, key: str,
                limit: int = NAMED_PER_ROW) -> pd.DataFrame:
    """The rows of ``frame`` a chart names: in each ``row`` group, the ``limit`` with the
    largest ``key`` (a missing ``key`` last), in ``frame``'s order.

    >>> df = pd.DataFrame({"stage": ["a", "a", "a", "b"], "days": [5, 9, 7, None]})
    >>> most_urgent(df, "stage", "days").index.tolist()
    [1, 2, 3]
    """
    ranked = frame.sort_values(key, ascending=False, kind="stable", na_position="last")
    return ranked.groupby(row, sort=False).head(limit).sort_index()


# ----------------------------------------------------------------------------------------
# Labels clear of the lines
# ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Spot:
    """Where a label may go: ``(x, y)`` in axes fractions (``on="axes"``) or data
    (``on="data"``), moved by ``(dx, dy)`` points, aligned ``ha``/``va`` there."""

    x: float
    y: float
    ha: str
    va: str
    on: str = "axes"
    dx: float = 0.0
    dy: float = 0.0


CLEAR_PAD_PT = 2.0
"""Room (points) kept between a label and any line, marker or other label."""
WHITE_BOX = {"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none",
             "alpha": 0.9}
"""Behind a label no spot keeps clear of the lines: the lines pass under it, unread."""


def segments_cross_box(starts: np.ndarray, ends: np.ndarray,
                       box: tuple[float, float, float, float]) -> np.ndarray:
    """Which segments ``starts[i] -> ends[i]`` (n x 2) touch the box ``(x0, y0, x1, y1)``
    (Liang-Barsky clipping; a segment with a NaN end touches nothing).

    >>> s = np.array([[0.0, 0.0], [0.0, 5.0], [3.0, 3.0]])
    >>> e = np.array([[10.0, 10.0], [10.0, 5.0], [3.0, 3.0]])
    >>> segments_cross_box(s, e, (4, 0, 6, 4)).tolist()  # the diagonal passes (4, 4)
    [True, False, False]
    """
    x0, y0, x1, y1 = box
    d = ends - starts
    lo = np.zeros(len(starts))
    hi = np.ones(len(starts))
    ok = np.isfinite(starts).all(axis=1) & np.isfinite(ends).all(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-d[:, 0], starts[:, 0] - x0), (d[:, 0], x1 - starts[:, 0]),
                     (-d[:, 1], starts[:, 1] - y0), (d[:, 1], y1 - starts[:, 1])):
            parallel = p == 0
            ok &= ~(parallel & (q < 0))
            r = q / p
            lo = np.where(~parallel & (p < 0), np.maximum(lo, r), lo)
            hi = np.where(~parallel & (p > 0), np.minimum(hi, r), hi)
    return ok & (lo <= hi)


class ClearOfLines(Artist):
    """Draw-time placement of ``texts``, each at the first of its :class:`Spot` s that no
    line of the axes (nor its markers, nor a label placed before it) crosses, inside the
    axes; with none clear, at its first spot on a white box. The layout runs in display
    space every time the figure is drawn, so it holds at any size and dpi."""

    def __init__(self, ax: Any, texts: list[Text], spots: list[Sequence[Spot]]):
        super().__init__()
        self._ax = ax
        self.texts = texts
        self.spots = [tuple(s) for s in spots]
        self.chosen: list[Spot | None] = [None] * len(texts)
        self.set_in_layout(False)
        self.set_zorder(min(t.get_zorder() for t in texts) - 0.01)

    def _obstacles(self, renderer: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                 np.ndarray]:
        """Every line's segments (starts, ends) and its marked points with their radius,
        in pixels."""
        starts, ends, points, radii = [], [], [], []
        px_per_pt = renderer.points_to_pixels(1.0)
        for line in self._ax.get_lines():
            if not line.get_visible():
                continue
            xy = np.asarray(line.get_transform().transform(line.get_xydata()), dtype=float)
            if len(xy) > 1 and line.get_linestyle() not in ("None", "none", "", " ") \
                    and line.get_linewidth() > 0:
                starts.append(xy[:-1])
                ends.append(xy[1:])
            if line.get_marker() not in (None, "None", "none", "", " "):
                points.append(xy)
                radii.append(np.full(len(xy), line.get_markersize() / 2 * px_per_pt))
        empty = np.empty((0, 2))
        return (np.concatenate(starts) if starts else empty,
                np.concatenate(ends) if ends else empty,
                np.concatenate(points) if points else empty,
                np.concatenate(radii) if radii else np.empty(0))

    def _put(self, text: Text, spot: Spot) -> None:
        ax = self._ax
        base = ax.transAxes if spot.on == "axes" else ax.transData
        text.set_position((spot.x, spot.y))
        text.set_transform(base + ScaledTranslation(spot.dx / 72, spot.dy / 72,
                                                    ax.figure.dpi_scale_trans))
        text.set_horizontalalignment(spot.ha)
        text.set_verticalalignment(spot.va)

    def draw(self, renderer: Any) -> None:
        if not self.get_visible() or not self.texts:
            return
        starts, ends, points, radii = self._obstacles(renderer)
        frame = self._ax.get_window_extent(renderer)
        pad = CLEAR_PAD_PT * renderer.points_to_pixels(1.0)
        placed: list[Any] = []
        for i, (text, spots) in enumerate(zip(self.texts, self.spots, strict=True)):
            if not text.get_visible() or not text.get_text():
                continue
            text.set_bbox(None)
            self.chosen[i] = None
            for spot in spots:
                self._put(text, spot)
                b = text.get_window_extent(renderer)
                if (b.x0 < frame.x0 - 1 or b.x1 > frame.x1 + 1 or b.y0 < frame.y0 - 1
                        or b.y1 > frame.y1 + 1):
                    continue
                box = (b.x0 - pad, b.y0 - pad, b.x1 + pad, b.y1 + pad)
                if segments_cross_box(starts, ends, box).any():
                    continue
                if len(points) and (
                        (points[:, 0] + radii > box[0]) & (points[:, 0] - radii < box[2])
                        & (points[:, 1] + radii > box[1]) & (points[:, 1] - radii < box[3])
                ).any():
                    continue
                if any(b.x0 < o.x1 + pad and o.x0 < b.x1 + pad and b.y0 < o.y1 + pad
                       and o.y0 < b.y1 + pad for o in placed):
                    continue
                self.chosen[i] = spot
                break
            if self.chosen[i] is None:  # nowhere clear: the first spot, readable on white
                self._put(text, spots[0])
                text.set_bbox(WHITE_BOX)
            placed.append(text.get_window_extent(renderer))


def clear_labels(ax: Any, texts: Sequence[Text], spots: Sequence[Sequence[Spot]]) -> Any:
    """Place ``texts`` of ``ax`` clear of its lines at every draw (:class:`ClearOfLines`),
    each at the first of its ``spots`` that is clear, in the order given (a text placed
    first keeps its spot). Returns the placer."""
    placer = ClearOfLines(ax, list(texts), list(spots))
    ax.add_artist(placer)
    for t in texts:  # a drawing replayed elsewhere places these again (pdf_replay)
        t.set_in_layout(False)
        t._cw_placed_by = placer
    return placer
