"""When a notebook's kernel moves its long-lived objects out of the garbage collector's way.

A kernel running a guided notebook holds a few hundred thousand objects that live as long as
the kernel: IPython and ipykernel, then pydantic, pandas and matplotlib, imported by the
first form and the first chart. CPython's collector rescans all of them in every *full*
(generation 2) collection, and importing pandas and matplotlib triggers two of those (about
20 and 35 ms in a kernel, most of it spent on library objects that can never be garbage).
:func:`gc.freeze` moves every tracked object into a *permanent generation* that collections
skip, so :func:`freeze_once` is called at two moments of the widget layer (never in the pure
layers ``model``/``frames``/``analysis``/``charts``, which batch runs and tests use too):

``"start"``
    in :func:`~career_workbook.widgets.start`, before the :class:`Session` exists;
``"charts"``
    in :func:`~career_workbook.widgets.display.chart_figure`, right after importing the
    chart stack (matplotlib, pandas) and before the first figure is drawn.

Each freezes at most once per process (later calls do nothing), so what is frozen is a
bounded, one-time set.

Why nothing of a person's can be frozen as garbage (a frozen unreachable cycle is never
freed): at ``"start"`` no object of this package's session exists yet (no workbook, form or
figure; the notebook has only run its parameters cell). At ``"charts"`` no figure has been
drawn yet in this process (figures only exist once the chart stack is imported, and
``chart_figure`` is where a guided notebook's figures are drawn; the coach overview draws
its own but calls neither ``ui.start`` nor ``show_chart``); the forms shown before it are alive
(ipywidgets keeps every open widget in its registry, and the session keeps their
callbacks), so freezing them only skips rescanning objects that stay alive anyway. Short-lived
cycles made just before (the import's own temporaries, a caught exception's traceback) are
still young: a young-generation collection (:func:`gc.collect` ``(1)``, which scans only
generations 0 and 1, under a millisecond) frees them before freezing. Every figure, form or
workbook made after a freeze is tracked as usual: a discarded figure is collected
(``tests/test_widgets_heap.py``).

The collector's thresholds are left as they are. In CPython 3.11-3.13 (default build) a full
collection runs when generation 1 has been collected ``threshold[2]`` times *and* the objects
promoted into generation 2 since the last full collection exceed a quarter of those it kept.
A freeze resets the generation counters (the next full collection comes no sooner) and
leaves the quarter rule's counts alone; that collection then scans and keeps only the
unfrozen objects, so later ones come sooner (a quarter of a smaller number) but each costs
what the objects made since the freeze cost, not the whole heap. (In the free-threaded
build a freeze does nothing, and nothing here depends on it.)
"""

from __future__ import annotations

import gc

__all__ = ["MOMENTS", "freeze_once", "frozen_moments"]

MOMENTS = ("start", "charts")
"""The moments :func:`freeze_once` accepts, in the order a notebook reaches them."""

_done: set[str] = set()


def freeze_once(moment: str) -> bool:
    """Free young garbage and freeze every tracked object, the first time ``moment`` comes
    in this process; ``False`` (and nothing done) every later time.

    >>> freeze_once("lunch")
    Traceback (most recent call last):
    ...
    ValueError: moment = 'lunch': must be one of start, charts
    """
    if moment not in MOMENTS:
        raise ValueError(f"moment = {moment!r}: must be one of {', '.join(MOMENTS)}")
    if moment in _done:
        return False
    _done.add(moment)
    gc.collect(1)
    gc.freeze()
    return True


def frozen_moments() -> tuple[str, ...]:
    """The moments that have frozen the heap in this process so far, in :data:`MOMENTS`
    order."""
    return tuple(m for m in MOMENTS if m in _done)
