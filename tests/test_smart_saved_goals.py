"""A saved goal is scored with everything saved with it, the same in every view (red-team C):
its metric makes it measurable in any language, a done goal keeps its deadline's verdict,
and the review pack marks each criterion as notebook 04 does (✓ met, ◐ partly, ✗ not yet,
? not judged).

The goals here are new wordings of each rule, beside the ones the tester reported.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook.analysis.next_actions import next_actions_frame
from career_workbook.analysis.scorecard import (
    goals_table_frame,
    score_saved_goal,
    smart_scorecard_frame,
)
from career_workbook.analysis.smart import score_goal, verdict_legend, verdict_mark
from career_workbook.export.content import pack_content
from career_workbook.export.html import render_html
from career_workbook.export.pdf import goals_page
from career_workbook.model import Goal, Metric, new_workbook
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


# ------------------------------------------------------------------ 1: the goal's metric

TRACKED = [
    # a sentence in Chinese (the reported goal), in Spanish and in vague English: the
    # sentence rules find no number in any of them, the saved metric has one
    ("在2026年12月31日之前完成三个数据项目 ✅",
     Metric(name="项目", baseline=0, target=3, current=2, unit="个"), "measured by 项目: 0 → 3 个"),
    ("Mejorar mis ventas trimestrales",
     Metric(name="Ventas", baseline=12000, target=15500.5, unit="€"),
     "measured by Ventas: 12,000 → 15,500.5 €"),
    ("Get better at networking",
     Metric(name="Coffee chats", target=6), "measured by Coffee chats: 0 → 6"),
    ("Reduce onboarding time", Metric(baseline=10, target=4, unit="days"),
     "measured by your metric: 10 → 4 days"),
]


@pytest.mark.parametrize(("text", "metric", "reason"), TRACKED)
def test_a_saved_metric_makes_the_goal_measurable_everywhere(text, metric, reason):
    goal = Goal(id="g1", text=text, status="active", created=date(2026, 11, 1),
                deadline=date(2026, 12, 31), metric=metric)
    wb = _wb(goal)
    r = score_saved_goal(wb, goal, TODAY)
    measurable = r.criteria["measurable"]
    assert (measurable.met, measurable.score, measurable.verdict) == (True, 1.0, "met")
    assert measurable.reasons[0] == reason and not measurable.hints
    assert "a number or a clear finish line" not in r.summary
    assert smart_scorecard_frame(wb, TODAY).iloc[0]["measurable"] == 1.0
    assert not any("Add a number" in h for h in smart_scorecard_frame(wb, TODAY).iloc[0]["hints"])
    views = _views(wb, goal)
    assert len(set(views.values())) == 1, views
    assert dict(pack_content(wb, today=TODAY).goals[0].criteria)["measurable"] == "met"
    reasons = " ".join(next_actions_frame(wb, TODAY, limit=None)["reason"])
    assert "Add a number" not in reasons
    # without the metric the sentence alone is scored, as before
    bare = goal.model_copy(update={"metric": None})
    assert not score_saved_goal(_wb(bare), bare, TODAY).criteria["measurable"].met
    assert r.score > score_saved_goal(_wb(bare), bare, TODAY).score


def test_the_reported_chinese_goal_scores_more_than_40_in_the_pack():
    goal = Goal(id="g1", text=TRACKED[0][0], status="active", created=date(2026, 11, 1),
                deadline=date(2026, 12, 31), metric=TRACKED[0][1])
    wb = _wb(goal)
    assert pack_content(wb, today=TODAY).goals[0].score > 40
    html = render_html(pack_content(wb, today=TODAY))
    assert '<span class="lbl">Measurable </span>✓' in html


def test_a_metric_adds_its_number_to_a_sentence_that_already_has_one():
    r = score_goal("Run 5 usability sessions by 15 December 2026", today=TODAY,
                   metric={"name": "Sessions run", "baseline": 0.0, "target": 5.0})
    assert r.criteria["measurable"].reasons[:2] == ["measured by Sessions run: 0 → 5",
                                                   "target: '5 usability sessions'"]


@pytest.mark.parametrize("metric", [None, {}, {"name": "Posts", "target": None},
                                    {"name": "Posts", "target": math.nan},
                                    {"name": "Posts", "target": True},
                                    {"name": "Posts", "target": "three"}])
def test_no_numeric_target_leaves_the_sentence_to_judge(metric):
    r = score_goal("Write blog posts about design", today=TODAY, metric=metric)
    assert r.criteria["measurable"] == score_goal("Write blog posts about design",
                                                  today=TODAY).criteria["measurable"]


def test_the_drafter_has_no_metric_and_is_unchanged():
    r = score_goal(TRACKED[0][0], today=TODAY)
    assert not r.criteria["measurable"].met
    html = smart_feedback_html(r)  # its words are not read: not judged, rather than missed
    assert "?</span> <b>Measurable" in html and "measured by" not in html
    r = score_goal(TRACKED[2][0], today=TODAY)
    assert "✗</span> <b>Measurable" in smart_feedback_html(r)  # English: judged, missed


# ------------------------------------------------------------------ 3: a done goal's deadline

@pytest.mark.parametrize("done_on", [date(2026, 10, 18), date(2026, 10, 31),
                                     date(2026, 11, 5), None])
def test_a_done_goal_keeps_its_deadline_verdict(done_on):
    """Done early, on the day, late, or before completion dates were kept: the deadline it
    had bounded it; once passed it asked for "a new date" nobody needs."""
    goal = Goal(id="g3", text="Finish the 12-hour Foundations of UX online module",
                status="done", confidence=9, created=date(2026, 8, 31),
                deadline=date(2026, 10, 31), completed_on=done_on)
    wb = _wb(goal)
    r = score_saved_goal(wb, goal, TODAY)
    tb = r.criteria["time_bound"]
    assert (tb.met, tb.score, tb.verdict) == (True, 1.0, "met")
    assert not any("already passed" in h for h in tb.hints)
    assert "(passed)" not in " ".join(tb.reasons)
    assert dict(pack_content(wb, today=TODAY).goals[0].criteria)["time_bound"] == "met"
    views = _views(wb, goal)
    assert len(set(views.values())) == 1, views
    assert smart_scorecard_frame(wb, TODAY).iloc[0]["time_bound"] == 1.0


def test_a_done_goal_with_its_date_only_in_the_sentence_keeps_it_too():
    goal = Goal(id="g1", text="Publish 3 case studies by 30 September 2026", status="done",
                created=date(2026, 6, 1), completed_on=date(2026, 9, 20))
    assert score_saved_goal(_wb(goal), goal, TODAY).criteria["time_bound"].met


def test_a_passed_deadline_still_counts_against_a_goal_not_done_yet():
    active = Goal(id="g1", text="Publish 3 case studies", status="active",
                  created=date(2026, 6, 1), deadline=TODAY - timedelta(days=10))
    later = active.model_copy(update={"status": "done", "completed_on": TODAY + timedelta(1)})
    for goal in (active, later):  # done after ``today``: still to do on ``today``
        tb = score_saved_goal(_wb(goal), goal, TODAY).criteria["time_bound"]
        assert not tb.met and any("already passed" in h for h in tb.hints)


def test_mei_s_finished_course_in_the_pack_and_notebook_04():
    wb = cw.load(ROOT / "examples" / "workbooks" / "mei_career_changer.yaml")
    done = [g for g in wb.goals if g.status == "done" and g.deadline and g.completed_on
            and g.completed_on <= g.deadline < TODAY]
    assert done
    for goal in done:
        row = next(g for g in pack_content(wb, today=TODAY).goals if g.text == goal.text)
        assert dict(row.criteria)["time_bound"] == "met"
        table = goals_table_frame(wb, TODAY).set_index("goal_id")
        assert table.loc[goal.id, "score"] == row.score > 80


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
