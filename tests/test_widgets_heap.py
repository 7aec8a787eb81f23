"""The kernel's long-lived objects are frozen out of the collector's way (``widgets/heap.py``)
at exactly two moments, once each per process, and a person's figures are still freed.

Each check runs a notebook's calls in a fresh interpreter (a freeze cannot be undone).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from career_workbook.widgets import heap

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "jordan_engineer.yaml"

# prints one JSON line: the steps of a notebook during which ``gc.freeze`` ran, and
# ``gc.get_freeze_count()`` after each step (it drops when frozen objects are freed)
NOTEBOOK_STEPS = """
import gc, json, sys
counts, freezes, real_freeze = {}, [], gc.freeze
def note(label):
    counts[label] = gc.get_freeze_count()
def freeze():
    freezes.append(len(counts))
    real_freeze()
gc.freeze = freeze
note("fresh")
from career_workbook import charts, figures, frames, analysis, model
from career_workbook.store import load
wb = load(sys.argv[1])
fig = figures.make_figure(wb, "progress", today="2026-11-22")
note("pure layers imported and a chart drawn")
from career_workbook import widgets as ui
from career_workbook.widgets import display, heap
display.publish = lambda obj: None
note("widgets imported")
s = ui.start(sys.argv[1], today="2026-11-22")
note("start")
ui.check_in_form(s)
note("a form")
ui.start(sys.argv[1], today="2026-11-22")
note("start again")
ui.show_chart(s, "progress")
note("first chart")
ui.show_chart(s, "wellbeing")
ui.show_chart(s, "progress")
note("more charts")
steps = list(counts)
print(json.dumps({"counts": counts, "frozen in": [steps[i] for i in freezes],
                  "moments": heap.frozen_moments()}))
"""


def _run(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_heap_is_frozen_once_at_start_and_once_at_the_first_chart():
    out = _run(NOTEBOOK_STEPS, str(EXAMPLE))
    # once in the first ui.start, once in the first chart; never in the pure layers
    # (used by batch runs, packs and cohorts), a form, a second start or a later chart
    assert out["frozen in"] == ["start", "first chart"]
    assert out["moments"] == ["start", "charts"]
    c = out["counts"]
    assert c["pure layers imported and a chart drawn"] == c["widgets imported"] == 0
    assert c["first chart"] > c["start"] > 0  # the kernel's objects, then the chart stack


def test_a_figure_discarded_after_the_first_chart_is_still_collected():
    # The first chart call freezes the heap and then draws: its figure, and every later
    # one, stays collectable (a frozen figure cycle would never be freed).
    code = """
import gc, json, sys, weakref
from career_workbook import widgets as ui
from career_workbook.widgets import display
display.publish = lambda obj: None
s = ui.start(sys.argv[1], today="2026-11-22")
first = weakref.ref(display.chart_figure(s, "progress"))
ui.show_chart(s, "wellbeing")
later = weakref.ref(display.chart_figure(s, "wellbeing"))
gc.collect()
print(json.dumps({"first": first() is None, "later": later() is None,
                  "frozen": gc.get_freeze_count() > 0}))
"""
    assert _run(code, str(EXAMPLE)) == {"first": True, "later": True, "frozen": True}


def test_an_unknown_moment_is_refused_and_freezes_nothing():
    with pytest.raises(ValueError, match="must be one of start, charts"):
        heap.freeze_once("lunch")
