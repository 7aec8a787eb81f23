"""A step's form and its chart share what both show (the session's frames,
``figures.frames_of``): step 04 scores each goal once for its goals table and its SMART chart,
step 07 sums up the network once for its follow-ups and its chart, step 10 its pipeline once.
The table is the same as when it scores the goals itself, and the form's cell imports no
chart stack."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis import goals_table_frame, scorecard, smart_scorecard_frame
from career_workbook.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"))


def test_the_goals_table_and_the_scorecard_chart_score_each_goal_once(tmp_path, rich_wb, today,
                                                                         monkeypatch):
    path = tmp_path / "rich.yaml"
    store.save(rich_wb, path)
    session = ui.Session(path, today=today)
    scored: list[str] = []
    score = scorecard.score_saved_goal

    def counted(wb, goal, *args, **kwargs):
        scored.append(goal.id)
        return score(wb, goal, *args, **kwargs)

    monkeypatch.setattr(scorecard, "score_saved_goal", counted)
    table = ui.goals_table(session)  # the cells of step 04, in their order
    ui.show_chart(session, "smart_scorecard")
    shown = [g.id for g in rich_wb.goals if g.status != "dropped"]
    assert shown and sorted(scored) == sorted(shown)  # twice each before: table, then chart
    assert "SMART" in table.children[1].value


@pytest.mark.parametrize("day", [date(2026, 11, 22), date(2026, 6, 1), date(2026, 1, 10)])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_table_with_the_shared_scorecard_is_the_table_it_makes_itself(example, day):
    wb = cw.load(example)
    catalog = load_catalog()
    own = goals_table_frame(wb, day, catalog=catalog)
    shared = goals_table_frame(wb, day, catalog=catalog,
                               scorecard=smart_scorecard_frame(wb, day, catalog=catalog))
    assert len(own) == len(wb.goals)
    pd.testing.assert_frame_equal(shared, own)


def test_the_table_shares_the_scorecard_without_the_chart_stack(tmp_path, rich_wb):
    # the frames the table takes its scores from are drawn from by the chart, but the
    # table's cell runs before it: it imports no matplotlib (nor the charts)
    path = tmp_path / "rich.yaml"
    store.save(rich_wb, path)
    code = ("import sys\nfrom career_workbook import widgets as ui\n"
            f"s = ui.Session({str(path)!r}, today='2026-11-22')\n"
            "table = ui.goals_table(s)\nassert 'SMART' in table.children[1].value\n"
            "print(sorted(m for m in ('matplotlib', 'career_workbook.charts')\n"
            "             if m in sys.modules))")
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, check=True)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


@pytest.mark.parametrize(("step", "analysed", "cells"), [
    ("07", "network_summary", ["contacts_form", ("show_chart", "network")]),
    ("10", "opportunity_status_frame", ["opportunities_form", ("show_chart", "opportunities")]),
])
def test_the_form_and_the_chart_of_a_step_share_its_analysis(tmp_path, monkeypatch, step,
                                                             analysed, cells):
    from career_workbook import analysis

    path = tmp_path / "jordan.yaml"
    path.write_bytes((ROOT / "examples" / "workbooks" / "jordan_engineer.yaml").read_bytes())
    session = ui.Session(path, today="2026-11-22")
    made: list[str] = []
    own = getattr(analysis, analysed)

    def counted(*args, **kwargs):
        made.append(analysed)
        return own(*args, **kwargs)

    monkeypatch.setattr(analysis, analysed, counted)
    for cell in cells:  # the step's cells, in their order
        if isinstance(cell, tuple):
            getattr(ui, cell[0])(session, cell[1])
        else:
            getattr(ui, cell)(session)
    assert made == [analysed]  # twice before: the form's table, then the chart
