"""Text that a reader cannot read: clipped by the figure's edge, or drawn over other text.

>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(2, 1))
>>> _ = fig.text(0.1, 0.5, "fits"), fig.text(0.6, 0.5, "runs off the right edge")
>>> text_problems(fig)
["'runs off the right edge' leaves the figure"]
"""

from __future__ import annotations

from itertools import combinations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

TOLERANCE = 1.0
"""Pixels of slack: antialiasing touches, not overlaps."""


def _drawn_texts(fig: Figure) -> list[Text]:
    """The text artists that are drawn: a tick label past the axis limits is "visible" but
    never drawn (``Axis._update_ticks`` gives the ticks matplotlib draws)."""
    every_tick: set[int] = set()
    drawn_tick: set[int] = set()
    for ax in fig.axes:
        for axis in ax._axis_map.values():
            for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
                every_tick.update((id(tick.label1), id(tick.label2)))
            for tick in axis._update_ticks() if ax.axison else ():
                drawn_tick.update((id(tick.label1), id(tick.label2)))
    return [t for t in fig.findobj(Text)
            if t.get_visible() and t.get_text().strip()
            and (id(t) not in every_tick or id(t) in drawn_tick)]


def text_problems(fig: Figure, bbox_inches: object = None) -> list[str]:
    """Every text artist whose window extent leaves the figure or overlaps another one.

    ``bbox_inches`` (a ``Bbox`` in inches, as given to ``savefig``) replaces the figure's
    area, for the PDF pages that grow a chart's figure to A4.
    """
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = _drawn_texts(fig)
    area = fig.bbox if bbox_inches is None else bbox_inches.transformed(fig.dpi_scale_trans)
    boxes = [(t, t.get_window_extent(renderer)) for t in texts]
    problems = []
    for t, box in boxes:
        if (box.x0 < area.x0 - TOLERANCE or box.x1 > area.x1 + TOLERANCE
                or box.y0 < area.y0 - TOLERANCE or box.y1 > area.y1 + TOLERANCE):
            problems.append(f"{t.get_text()!r} leaves the figure")
    for (a, ba), (b, bb) in combinations(boxes, 2):
        if (min(ba.x1, bb.x1) - max(ba.x0, bb.x0) > TOLERANCE
                and min(ba.y1, bb.y1) - max(ba.y0, bb.y0) > TOLERANCE):
            problems.append(f"{a.get_text()!r} overlaps {b.get_text()!r}")
    return problems
