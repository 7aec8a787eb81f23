"""Point labels that never overlap: a small vertical label-repel done at draw time.

Labels sit to the right of their point (to the left near the right edge, and then for
every point in that column too). When two labels
would overlap, they are pushed apart vertically and a thin leader line joins each moved
label to its point. The layout runs in display space every time the figure is drawn, so
it holds at any size and dpi (screen, PNG, SVG, PDF).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
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
        sizes = np.array([[t.get_window_extent(renderer).width,
                           t.get_window_extent(renderer).height] for t in self.texts])
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
            if abs(dy) > h[i] / 2:
                leader = self._leaders[i]
                leader.set_figure(ax.figure)
                leader.set_data([anchor[i, 0], anchor[i, 0] + dx * 0.8], [anchor[i, 1], y[i]])
                leader.draw(renderer)


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
