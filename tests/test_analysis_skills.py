"""analysis.skills: gaps, priorities, readiness and its history."""

from __future__ import annotations

import math
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_workbook.analysis.skills import (
    GAP_COLUMNS,
    readiness,
    readiness_history_frame,
    skill_gap_frame,
)
from career_workbook.model import Assessment, Skill, new_workbook


def test_gap_frame_rows_sorted_by_priority(rich_wb):
    gaps = skill_gap_frame(rich_wb)
    assert list(gaps.columns) == list(GAP_COLUMNS)
    assert gaps["priority"].tolist() == list(range(1, len(rich_wb.skills) + 1))
    rated = gaps["current"].notna()
    assert gaps.loc[rated, "weighted_gap"].is_monotonic_decreasing
    assert rated.tolist() == sorted(rated.tolist(), reverse=True)  # measured gaps first
    assert sorted(gaps["skill"]) == sorted(rich_wb.skill_names())


def test_gap_values_follow_the_definitions(rich_wb):
    gaps = skill_gap_frame(rich_wb).set_index("skill")
    for s in rich_wb.skills:
        row = gaps.loc[s.name]
        assert row["target"] == s.target_level == row["own_target"]
        if math.isnan(row["current"]):  # not measured is not a gap
            assert math.isnan(row["gap"]) and math.isnan(row["weighted_gap"])
            continue
        assert row["gap"] == max(s.target_level - row["current"], 0)
        assert row["weighted_gap"] == row["gap"] * s.importance
    assert gaps.loc["Stakeholder Management", "priority"] == 1
    assert math.isnan(gaps.loc["Coaching", "current"])
    assert math.isnan(gaps.loc["Coaching", "gap"])  # never rated: a prompt, not a gap
    assert gaps.loc["Coaching", "priority"] == len(gaps)  # after every measured gap
    assert gaps.loc["SQL", "gap"] == 0


def test_ties_broken_by_importance_then_name(rich_wb):
    order = skill_gap_frame(rich_wb)["skill"].tolist()
    # Python and Statistics both weigh 5 with importance 5: alphabetical.
    assert order.index("Python") < order.index("Statistics")


def test_others_column_is_anonymous(rich_wb):
    gaps = skill_gap_frame(rich_wb).set_index("skill")
    assert gaps.loc["Python", "others"] == pytest.approx((4 + 3 + 4 + 5 + 4) / 5)
    assert math.isnan(gaps.loc["Statistics", "others"])  # one rater only


def test_role_targets_and_role_only_skills(rich_wb, fake_role):
    gaps = skill_gap_frame(rich_wb, fake_role).set_index("skill")
    assert gaps.loc["Statistics", "target"] == 5  # the role's, not the own 4
    assert gaps.loc["Statistics", "role_target"] == 5
    assert gaps.loc["Statistics", "importance"] == 5  # the role's (the same as the own)
    assert math.isnan(gaps.loc["Coaching", "role_target"])
    assert gaps.loc["Statistics", "own_target"] == 4  # the person's own target is kept
    ml = gaps.loc["Machine Learning"]
    assert math.isnan(ml["current"]) and math.isnan(ml["gap"]) and math.isnan(ml["own_target"])
    assert ml["category"] is None
    assert ml["priority"] > gaps.loc[gaps["current"].notna(), "priority"].max()
    assert len(gaps) == len(rich_wb.skills) + 2


def test_role_skills_match_ignoring_case_and_catalog_gives_categories(rich_wb, make_role):
    role = make_role("R", {"python": (3, 5), "Writing": (4, 3)})
    catalog = SimpleNamespace(skills={"Writing": SimpleNamespace(category="soft")})
    gaps = skill_gap_frame(rich_wb, role, catalog=catalog).set_index("skill")
    assert gaps.loc["Python", "target"] == 3
    assert "python" not in gaps.index
    assert gaps.loc["Writing", "category"] == "soft"


def test_real_catalog_role_is_accepted(rich_wb):
    from career_workbook.catalog import load_catalog

    cat = load_catalog()
    role = cat.find_role(rich_wb.person.target_role)
    gaps = skill_gap_frame(rich_wb, role, catalog=cat)
    assert set(role.skills) <= set(gaps["skill"])
    assert gaps["category"].notna().all()
    assert 0 <= readiness(rich_wb, role) <= 100


def test_readiness_matches_the_formula(rich_wb, fake_role):
    # Own targets, the rated ones (Coaching, never rated, is left out, not counted as 0):
    # (5*4 + 4*4 + 5*3 + 4*2 + 3*2) / (5*5 + 4*4 + 5*4 + 4*4 + 3*4)
    assert readiness(rich_wb) == pytest.approx(100 * 65 / 89)
    # With a role: the role's skills at its targets and importances only (Alex's
    # Python 4, SQL 4, Statistics 3; Machine Learning and Writing not rated: left out).
    have = 5 * 4 + 4 * 4 + 5 * 3
    need = 5 * 5 + 4 * 4 + 5 * 5
    assert readiness(rich_wb, fake_role) == pytest.approx(100 * have / need)


def test_readiness_for_a_role_ignores_skills_the_role_does_not_list(rich_wb, fake_role):
    """Adding, removing or reweighting a skill the profile does not list never changes how
    much of the profile the person meets; without a role it counts (their own targets)."""
    from career_workbook.analysis import measured_readiness, summary

    today = rich_wb.assessments[-1].date
    before = (readiness(rich_wb, fake_role), measured_readiness(rich_wb, fake_role),
              readiness_history_frame(rich_wb, fake_role)["readiness"].tolist(),
              summary(rich_wb, today, role=fake_role).readiness)
    own = readiness(rich_wb)
    rich_wb.skills.append(Skill(name="Watercolour Painting", importance=5, target_level=5))
    for s in rich_wb.skills:  # the person's own weights are theirs, not the profile's
        s.importance = 1
    after = (readiness(rich_wb, fake_role), measured_readiness(rich_wb, fake_role),
             readiness_history_frame(rich_wb, fake_role)["readiness"].tolist(),
             summary(rich_wb, today, role=fake_role).readiness)
    assert after == before  # the same sums, in the same order
    assert readiness(rich_wb) != pytest.approx(own)
    # the gap chart still shows the extra skill, at the person's own target
    gaps = skill_gap_frame(rich_wb, fake_role).set_index("skill")
    assert gaps.loc["Watercolour Painting", "target"] == 5


def test_readiness_for_a_role_is_not_measured_until_a_role_skill_is_rated(make_role):
    from career_workbook.analysis import measured_readiness

    wb = new_workbook("Sam", today=date(2026, 1, 1))
    wb.skills += [Skill(name="SQL", target_level=4), Skill(name="Painting", target_level=4)]
    wb.assessments.append(Assessment(date=date(2026, 1, 1), ratings={"Painting": 4}))
    role = make_role("Analyst", {"sql": (4, 5)})
    assert measured_readiness(wb, role) is None  # only a skill outside the profile rated
    assert measured_readiness(wb) == 100.0  # SQL, never rated, is left out (not a 0)
    wb.assessments.append(Assessment(date=date(2026, 1, 2), ratings={"SQL": 3}))
    assert measured_readiness(wb, role) == 75.0  # matched ignoring case


def test_readiness_is_100_with_nothing_to_reach(empty_wb):
    assert readiness(empty_wb) == 100.0
    empty_wb.skills.append(Skill(name="SQL", target_level=0))
    assert readiness(empty_wb) == 100.0


def test_empty_workbook_gives_empty_frames(empty_wb, fake_role):
    assert skill_gap_frame(empty_wb).empty
    assert list(readiness_history_frame(empty_wb).columns) == ["date", "readiness", "unrated"]
    assert readiness_history_frame(empty_wb).empty
    assert len(skill_gap_frame(empty_wb, fake_role)) == len(fake_role.skills)
    assert readiness(empty_wb, fake_role) == 0.0


def test_readiness_history_carries_earlier_ratings_forward(rich_wb):
    hist = readiness_history_frame(rich_wb)
    assert hist["date"].dt.date.tolist() == sorted({a.date for a in rich_wb.assessments})
    # 15 Jan: Python 3, SQL 2, Statistics 2, Stakeholder 2, Public Speaking 1.
    # Coaching, never rated, is left out (not counted as 0).
    assert hist["readiness"].iloc[0] == pytest.approx(100 * (15 + 8 + 10 + 8 + 3) / 89)
    # 1 Oct rates only SQL and Public Speaking, yet equals today's readiness.
    assert hist["readiness"].iloc[-1] == pytest.approx(readiness(rich_wb))


@st.composite
def _skills_and_levels(draw):
    n = draw(st.integers(1, 6))
    skills = [Skill(name=f"S{i}", importance=draw(st.integers(1, 5)),
                    target_level=draw(st.integers(0, 5))) for i in range(n)]
    levels = {s.name: draw(st.integers(0, 5)) for s in skills if draw(st.booleans())}
    role = None
    if draw(st.booleans()):
        names = draw(st.lists(st.sampled_from([*(s.name for s in skills), "R1", "R2"]),
                              unique=True, max_size=4))
        role = {nm: (draw(st.integers(0, 5)), draw(st.integers(1, 5))) for nm in names}
    return skills, levels, role


@settings(max_examples=60, deadline=None)
@given(data=_skills_and_levels(), pick=st.integers(0, 5), step=st.integers(1, 5))
def test_raising_a_level_never_lowers_readiness(data, pick, step, make_role):
    skills, levels, role_skills = data
    role = None if role_skills is None else make_role("R", role_skills)
    wb = new_workbook("Prop", today=date(2026, 1, 1))
    wb.skills = skills
    wb.assessments.append(Assessment(date=date(2026, 1, 1), ratings=levels))
    before = readiness(wb, role)
    rated = [s.name for s in skills if s.name in levels]
    if not rated:  # rating a first skill measures something new: no "before" to keep
        return
    name = rated[pick % len(rated)]
    raised = min(levels[name] + step, 5)
    wb.assessments.append(Assessment(date=date(2026, 1, 1) + timedelta(days=1),
                                     ratings={name: raised}))
    after = readiness(wb, role)
    assert 0 <= before <= 100 and 0 <= after <= 100
    assert after >= before - 1e-9


def test_unrated_skills_are_a_prompt_not_a_gap(rich_wb, fake_role):
    from career_workbook.analysis import unrated_prompt, unrated_skills

    # Machine Learning (role, importance 5) and Writing (role, 3): the one count, the
    # role's; Coaching (own, outside the role) is asked for apart, never in that count
    assert unrated_skills(rich_wb, fake_role) == ["Machine Learning", "Writing"]
    assert unrated_prompt(rich_wb, fake_role) == (
        "Rate these 2 skills from the Senior Data Scientist profile to see your gaps: "
        "Machine Learning, Writing; and your own Coaching")
    assert unrated_skills(rich_wb) == ["Coaching"]
    rich_wb.assessments[-1].ratings["Coaching"] = 1
    assert unrated_prompt(rich_wb) is None


def test_with_a_role_its_gaps_come_first(rich_wb, fake_role):
    """05 red-team walk D: the page's "biggest gap" and the learning plan named a skill of
    the person's own while readiness counted the role's skills only."""
    rich_wb.skills.append(Skill(name="Painting", importance=5, target_level=5))
    rich_wb.assessments.append(Assessment(date=date(2026, 11, 30), ratings={"Painting": 0}))
    assert skill_gap_frame(rich_wb).iloc[0]["skill"] == "Painting"  # own targets only
    gaps = skill_gap_frame(rich_wb, fake_role)
    measured = gaps[gaps["current"].notna()]
    in_role = measured["role_target"].notna().tolist()
    assert in_role == sorted(in_role, reverse=True)  # the role's skills, then the others
    assert gaps.iloc[0]["skill"] in fake_role.skills and gaps.iloc[0]["gap"] > 0
    painting = gaps.set_index("skill").loc["Painting"]
    assert painting["gap"] == 5 and painting["priority"] == len(measured[measured[
        "role_target"].notna()]) + 1
