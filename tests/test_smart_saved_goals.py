"""A saved goal is scored with everything saved with it, the same in every view (red-team C):
its metric makes it measurable in any language, a done goal keeps its deadline's verdict,
and the review pack marks each criterion as notebook 04 does (✓ met, ◐ partly, ✗ not yet,
? not judged).

The goals here are new wordings of each rule, beside the ones the tester reported.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook.analysis.scorecard import (
    goals_table_frame,
    score_saved_goal,
    smart_scorecard_frame,
)
from career_workbook.analysis.smart import verdict_legend, verdict_mark
from career_workbook.export.content import pack_content
from career_workbook.export.html import render_html
from career_workbook.export.pdf import goals_page
from career_workbook.model import Goal, new_workbook
from career_workbook.widgets.forms_goals import smart_feedback_html

TODAY = date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[1]


def _wb(*goals: Goal) -> cw.Workbook:
    wb = new_workbook("Rita Tester", today=date(2026, 1, 5))
    wb.goals.extend(goals)
    return wb


def _views(wb: cw.Workbook, goal: Goal) -> dict[str, float]:
    """The SMART score of ``goal`` in each view that shows one."""
    card = smart_scorecard_frame(wb, TODAY).set_index("goal_id")
    table = goals_table_frame(wb, TODAY).set_index("goal_id")
    row = next(g for g in pack_content(wb, today=TODAY).goals if g.text == goal.text)
    return {"scored": float(score_saved_goal(wb, goal, TODAY).score),
            "scorecard": float(card.loc[goal.id, "score"]),
            "goals table": float(table.loc[goal.id, "score"]), "pack": row.score}


# ------------------------------------------------------------------ 2: the same marks

def test_partly_met_is_marked_as_in_notebook_04():
    """Confidence 6: notebook 04 said "◐ partly", the pack "✗" with "✗ not yet met"."""
    goal = Goal(id="g1", text="Pass the PMP exam by June 2027", status="active",
                created=date(2026, 11, 1), confidence=6)
    wb = _wb(goal)
    content = pack_content(wb, today=TODAY)
    verdicts = dict(content.goals[0].criteria)
    assert verdicts["achievable"] == "partly" and verdicts["relevant"] == "open"
    legend = "✓ met, ◐ partly, ✗ not yet, ? not judged"
    assert verdict_legend() == legend
    html = render_html(content)
    assert '<span class="lbl">Achievable </span>◐</td>' in html
    assert '<span class="lbl">Relevant </span>?</td>' in html
    assert legend in html and "not yet met" not in html
    page = "\n".join(t.get_text() for t in goals_page(content).texts)
    assert legend in page and "◐" in page.split(legend, 1)[1]
    drafted = smart_feedback_html(score_saved_goal(wb, goal, TODAY))
    assert f"{verdict_mark('partly')}</span> <b>Achievable" in drafted


@pytest.mark.parametrize("confidence", [2, 5, 8, None])
def test_the_pack_and_the_drafter_mark_every_criterion_alike(confidence):
    goal = Goal(id="g1", text="Run 2 workshops for the sales team", status="active",
                created=date(2026, 11, 1), confidence=confidence)
    wb = _wb(goal)
    r = score_saved_goal(wb, goal, TODAY)
    html = render_html(pack_content(wb, today=TODAY))
    drafted = smart_feedback_html(r)
    for name, label in (("specific", "Specific"), ("measurable", "Measurable"),
                        ("achievable", "Achievable"), ("relevant", "Relevant"),
                        ("time_bound", "Time-bound")):
        mark = verdict_mark(r.criteria[name].verdict)
        assert f'<span class="lbl">{label} </span>{mark}</td>' in html
        assert f"{mark}</span> <b>{label}</b>" in drafted
