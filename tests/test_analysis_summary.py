"""analysis.summary and the whole analysis run on every example workbook."""

from __future__ import annotations

import math
from dataclasses import fields
from datetime import date

import pytest

from career_workbook import analysis as A
from career_workbook.analysis.progress import TRACKS


def test_rich_summary(rich_wb, today):
    s = A.summary(rich_wb, today)
    assert s.name == "Alex Doe" and s.today == today and s.role_title is None
    assert s.readiness == pytest.approx(100 * 65 / 89)  # Coaching, not rated, left out
    assert (s.goals_active, s.goals_on_track, s.goals_behind, s.goals_overdue,
            s.goals_done) == (4, 1, 1, 1, 1)
    assert (s.last_check_in, s.days_since_check_in) == (date(2026, 10, 5), 48)
    assert s.overdue_follow_ups == 2
    assert s.top_gap_skill == "Stakeholder Management"
    assert s.n_actions_overdue == 2


def test_summary_against_a_role(rich_wb, today, fake_role):
    s = A.summary(rich_wb, today, role=fake_role)
    assert s.role_title == "Senior Data Scientist"
    # Machine Learning (role only, never rated) is not a gap: Statistics 3 of 5 is
    assert s.top_gap_skill == "Statistics"
    assert s.readiness == pytest.approx(A.readiness(rich_wb, fake_role))


def test_summary_ignores_check_ins_after_today(rich_wb):
    s = A.summary(rich_wb, date(2026, 9, 1))
    assert (s.last_check_in, s.days_since_check_in) == (date(2026, 8, 1), 31)


def test_empty_summary(empty_wb, today):
    s = A.summary(empty_wb, today)
    assert s.readiness is None  # nothing measured yet: never "100% ready"
    assert [s.goals_active, s.goals_on_track, s.goals_done, s.n_actions_overdue] == [0] * 4
    assert s.last_check_in is None and s.days_since_check_in is None
    assert s.top_gap_skill is None


def test_public_names_are_exported():
    for name in A.__all__:
        assert getattr(A, name) is not None, name
    assert A.score_goal("Pass the CFA Level I exam in 2027", today=date(2026, 11, 22)).score > 0


def full_analysis(wb, today, role=None):
    """Every public analysis function on one workbook (shared with the benchmark's list)."""
    return {
        "skill_gap": A.skill_gap_frame(wb, role),
        "readiness": A.readiness(wb, role),
        "readiness_history": A.readiness_history_frame(wb, role),
        "progress": A.goal_progress_frame(wb, today),
        "progress_history": A.progress_history_frame(wb, today),
        "feedback_360": A.feedback_360_frame(wb),
        "comments": A.feedback_comments(wb),
        "network": A.network_summary(wb, today),
        "values": A.ranked_values(wb),
        "riasec": A.riasec_code(wb.interests),
        "wellbeing": A.wellbeing_frame(wb, today=today),
        "wellbeing_summary": A.wellbeing_summary(wb, today=today),
        "learning": A.learning_hours_frame(wb, today=today),
        "scorecard": A.smart_scorecard_frame(wb, today),
        "next_actions": A.next_actions_frame(wb, today, role),
        "summary": A.summary(wb, today, role),
    }


def _check(wb, today, out):
    rater_ids = {f.rater_id for f in wb.feedback}
    assert 0 <= out["readiness"] <= 100
    progress = out["progress"]
    assert progress["expected"].dropna().between(0, 100).all()
    assert progress["actual"].dropna().between(0, 100).all()
    assert set(progress["track"]) <= set(TRACKS)
    for key in ("feedback_360", "comments"):
        cells = {str(v) for v in out[key].to_numpy().ravel()} | set(out[key].columns)
        assert not cells & rater_ids, key
    fb = out["feedback_360"]
    assert fb.loc[fb["n_others"] < A.MIN_GROUP, "others"].isna().all()
    todo = out["next_actions"]
    assert todo["reason"].str.len().gt(0).all() and len(todo) <= 10
    s = out["summary"]
    assert {f.name for f in fields(s)} >= {"readiness", "goals_on_track", "top_gap_skill"}
    if s.readiness is None:  # nothing to measure: no target, or no skill rated yet
        assert out["skill_gap"]["current"].isna().all() or out["readiness"] == 100.0
    else:
        assert s.readiness == out["readiness"] and not math.isnan(s.readiness)


def test_rich_full_analysis(rich_wb, today, fake_role):
    _check(rich_wb, today, full_analysis(rich_wb, today, fake_role))


def test_empty_full_analysis(empty_wb, today):
    out = full_analysis(empty_wb, today)
    _check(empty_wb, today, out)
    assert all(v.empty for v in out.values() if hasattr(v, "empty"))


def test_every_example_workbook(example_wbs, today):
    """Runs the whole analysis on each example (none yet is fine: nothing is skipped)."""
    from career_workbook.catalog import load_catalog

    catalog = load_catalog()
    for name, wb in example_wbs.items():
        role = catalog.find_role(wb.person.target_role)
        out = full_analysis(wb, today, role)
        _check(wb, today, out)
        assert len(out["skill_gap"]) >= len(wb.skills), name
        assert len(out["progress"]) == sum(g.status != "dropped" for g in wb.goals), name
