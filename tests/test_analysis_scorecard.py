"""analysis.scorecard: every goal scored with the workbook as context."""

from __future__ import annotations

import pandas as pd
import pytest

from career_workbook.analysis.scorecard import (
    CRITERIA,
    SCORECARD_COLUMNS,
    goal_context,
    smart_scorecard_frame,
)
from career_workbook.analysis.smart import GoalContext, score_goal


def test_frame_matches_score_goal(rich_wb, today):
    card = smart_scorecard_frame(rich_wb, today)
    assert list(card.columns) == list(SCORECARD_COLUMNS)
    assert card["goal_id"].tolist() == [g.id for g in rich_wb.goals if g.status != "dropped"]
    for row in card.to_dict("records"):
        goal = rich_wb.goal(row["goal_id"])
        done = goal.status == "done" and (goal.completed_on or today) <= today
        r = score_goal(goal.text, today=today, confidence=goal.confidence,
                       deadline=goal.deadline, metric=goal.metric, done=done,
                       context=goal_context(rich_wb, goal))
        assert row["score"] == r.score
        assert [row[c] for c in CRITERIA] == [r.criteria[c].score for c in CRITERIA]
        assert row["deadline_found"] == (r.text_deadline is not None)
        assert (pd.isna(row["text_deadline"]) if r.text_deadline is None
                else row["text_deadline"].date() == r.text_deadline)
        unmet = [r.criteria[c] for c in CRITERIA if not r.criteria[c].met]
        judged_first = [h for c in unmet if c.judged for h in c.hints] + [
            h for c in unmet if not c.judged for h in c.hints]
        assert row["hints"] == tuple(judged_first)
    assert card[list(CRITERIA)].stack().between(0, 1).all()
    assert card["score"].between(0, 100).all()


def test_deadline_is_read_from_the_text(rich_wb, today):
    card = smart_scorecard_frame(rich_wb, today).set_index("goal_id")
    assert card.loc["g-cfa", "deadline_found"]
    assert card.loc["g-cfa", "text_deadline"].date().year == 2027
    assert not card.loc["g-talk", "deadline_found"]


def test_goal_context_is_built_from_the_workbook(rich_wb):
    ctx = goal_context(rich_wb, rich_wb.goal("g-promo"))
    assert isinstance(ctx, GoalContext)
    assert "healthcare" in ctx.vision and "senior data scientist" in ctx.vision
    assert ctx.target_role == "Senior Data Scientist"
    assert set(ctx.values) == {"Learning", "Autonomy", "Family", "Money"}
    assert ctx.skills == tuple(rich_wb.skill_names())
    assert ctx.linked_skills == ("Python", "Stakeholder Management")
    # other *active* goals with a deadline: CFA and the talk (not done, draft or dropped)
    assert sorted(ctx.other_deadlines) == [rich_wb.goal("g-talk").deadline,
                                           rich_wb.goal("g-cfa").deadline]


def test_context_makes_a_goal_relevant(rich_wb, today):
    goal = rich_wb.goal("g-promo")
    bare = score_goal(goal.text, today=today)
    card = smart_scorecard_frame(rich_wb, today).set_index("goal_id")
    assert card.loc["g-promo", "relevant"] >= bare.criteria["relevant"].score


def test_empty(empty_wb, today):
    card = smart_scorecard_frame(empty_wb, today)
    assert card.empty and list(card.columns) == list(SCORECARD_COLUMNS)


@pytest.mark.parametrize("confidence", [2, 9])
def test_confidence_is_passed_on(rich_wb, today, confidence):
    rich_wb.goal("g-cfa").confidence = confidence
    card = smart_scorecard_frame(rich_wb, today).set_index("goal_id")
    assert (card.loc["g-cfa", "achievable"] >= 0.7) == (confidence >= 7)


def test_a_passed_deadline_is_a_hint_to_act_on(rich_wb, today):
    """A date that has passed is not met, so its "pick a new date" hint reaches the
    scorecard (and the next actions, which show unmet hints only)."""
    from datetime import timedelta

    from career_workbook.analysis.dates import format_date

    goal = rich_wb.goal("g-cfa")
    goal.text = f"Pass the CFA Level I exam by {format_date(today - timedelta(days=1))}"
    goal.deadline = None  # a saved deadline would win over the sentence's
    row = smart_scorecard_frame(rich_wb, today).set_index("goal_id").loc["g-cfa"]
    assert row["time_bound"] < 0.5
    assert any("already passed" in h for h in row["hints"])
