"""The example workbooks: valid, realistic, rich enough to exercise every chart and score."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
import yaml

from career_workbook.catalog import ENV_VAR, load_catalog
from career_workbook.model import RATER_GROUPS, Workbook, validate_workbook

TODAY = date(2026, 11, 22)  # the reference "today" of the examples
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FULL = ["priya_data_analyst", "tomas_nurse", "jordan_engineer"]
NEWER = ["mei_career_changer"]  # three months of data only
ALL = FULL + NEWER
EXPECTED_PROFILE = {
    "priya_data_analyst": "senior_data_scientist",
    "tomas_nurse": "healthcare_manager",
    "jordan_engineer": "engineering_manager",
    "mei_career_changer": "ux_designer",
}
ANONYMOUS_ID = re.compile(r"^[a-z]{1,2}\d+$")


def load_example(stem: str) -> Workbook:
    path = EXAMPLES / "workbooks" / f"{stem}.yaml"
    with path.open(encoding="utf-8") as fh:
        return validate_workbook(yaml.safe_load(fh), path=path)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(autouse=True)
def _no_env_catalog(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_every_example_file_is_listed_here():
    stems = sorted(p.stem for p in (EXAMPLES / "workbooks").glob("*.yaml"))
    assert stems == sorted(ALL)


@pytest.mark.parametrize("stem", ALL)
def test_example_validates_and_round_trips(stem):
    wb = load_example(stem)
    again = validate_workbook(wb.model_dump(mode="python", round_trip=True))
    assert again == wb


@pytest.mark.parametrize("stem", ALL)
def test_example_loads_through_the_store(stem):
    from career_workbook.store import loads  # the parser behind cw.load, without lock files

    path = EXAMPLES / "workbooks" / f"{stem}.yaml"
    assert loads(path.read_text(encoding="utf-8"), path=path) == load_example(stem)


@pytest.mark.parametrize("stem", ALL)
def test_role_profile_exists_and_overlaps(stem, catalog):
    wb = load_example(stem)
    assert wb.role_profile == EXPECTED_PROFILE[stem]
    role = catalog.role(wb.role_profile)
    shared = set(wb.skill_names()) & set(role.skills)
    assert len(shared) >= 5, shared
    assert len(shared) >= len(wb.skills) * 0.75  # mostly the target role's skills
    assert catalog.find_role(wb.person.target_role).id == role.id


@pytest.mark.parametrize("stem", ALL)
def test_person_vision_values_interests(stem):
    wb = load_example(stem)
    p = wb.person
    assert all([p.name, p.current_role, p.target_role, p.organisation, p.coach])
    if stem in FULL:
        assert date(2026, 1, 1) <= p.start_date <= date(2026, 5, 31)
    else:
        assert date(2026, 8, 1) <= p.start_date <= date(2026, 9, 30)
    assert wb.vision.long_term and wb.vision.short_term and wb.vision.horizon_years >= 3
    assert 5 <= len(wb.values) <= 7
    assert wb.interests is not None and max(wb.interests.model_dump().values()) >= 25


@pytest.mark.parametrize("stem", ALL)
def test_skills_come_from_the_taxonomy(stem, catalog):
    wb = load_example(stem)
    assert 8 <= len(wb.skills) <= 12
    for skill in wb.skills:
        assert skill.name in catalog.skills, skill.name
        assert skill.category == catalog.skills[skill.name].category, skill.name
    assert len({s.category for s in wb.skills}) >= 3


@pytest.mark.parametrize("stem", ALL)
def test_assessments_show_growth_months_apart(stem):
    wb = load_example(stem)
    assessments = sorted(wb.assessments, key=lambda a: a.date)
    assert 2 <= len(assessments) <= 4
    for earlier, later in zip(assessments, assessments[1:], strict=False):
        assert (later.date - earlier.date).days >= 60
    for a in assessments:
        assert set(a.ratings) == set(wb.skill_names())

    def mean(a):
        return sum(a.ratings.values()) / len(a.ratings)

    assert mean(assessments[-1]) > mean(assessments[0])
    assert 3 <= len(wb.strengths) <= 5 and 3 <= len(wb.weaknesses) <= 5


@pytest.mark.parametrize("stem", ALL)
def test_feedback_raters_are_anonymous_and_grouped(stem):
    wb = load_example(stem)
    raters = defaultdict(set)
    for f in wb.feedback:
        assert ANONYMOUS_ID.match(f.rater_id), f.rater_id
        assert f.rater_group != "self"
        assert f.ratings
        raters[f.rater_group].add(f.rater_id)
    if stem in FULL:
        assert sum(len(ids) >= 3 for ids in raters.values()) >= 2, dict(raters)
    else:
        assert sum(len(ids) for ids in raters.values()) >= 3


def test_one_example_has_a_small_rater_group_to_exercise_anonymity():
    small = []
    for stem in ALL:
        raters = defaultdict(set)
        for f in load_example(stem).feedback:
            raters[f.rater_group].add(f.rater_id)
        small += [(stem, g) for g, ids in raters.items() if 1 <= len(ids) <= 2]
    assert ("tomas_nurse", "manager") in small


def test_tomas_has_no_direct_reports_and_jordan_has_three():
    assert "direct_report" not in {f.rater_group for f in load_example("tomas_nurse").feedback}
    jordan = {
        f.rater_id
        for f in load_example("jordan_engineer").feedback
        if f.rater_group == "direct_report"
    }
    assert len(jordan) == 3


@pytest.mark.parametrize("stem", ALL)
def test_goals_mix_horizons_statuses_and_milestones(stem):
    wb = load_example(stem)
    goals = wb.goals
    assert 3 <= len(goals) <= 5
    assert {g.horizon for g in goals} == {"short", "long"}
    assert {"active", "done", "draft"} <= {g.status for g in goals}
    assert any(g.confidence is not None for g in goals)
    with_milestones = [g for g in goals if 2 <= len(g.milestones) <= 4]
    assert len(with_milestones) >= 3
    assert any(m.done_on for g in goals for m in g.milestones)
    assert all(m.due for g in goals for m in g.milestones)
    metric = [g.metric for g in goals if g.metric is not None]
    assert metric and metric[0].current is not None and metric[0].unit
    for g in goals:
        if g.status == "done":
            assert g.completed_on is not None and all(m.done_on for m in g.milestones)
        if g.status != "draft":
            assert g.skills and g.deadline is not None and g.deadline >= g.created


@pytest.mark.parametrize("stem", ALL)
def test_each_person_has_one_vaguer_draft_goal(stem):
    wb = load_example(stem)
    drafts = [g for g in wb.goals if g.status == "draft"]
    assert len(drafts) == 1
    vague = drafts[0]
    assert vague.deadline is None and not vague.milestones
    assert not re.search(r"\d", vague.text)  # nothing measurable or dated
    assert all(re.search(r"20\d\d", g.text) for g in wb.goals if g.status != "draft")


@pytest.mark.parametrize("stem", ALL)
def test_actions_are_linked_with_some_done_and_some_overdue(stem):
    wb = load_example(stem)
    goal_ids = {g.id for g in wb.goals}
    assert 6 <= len(wb.actions) <= 10
    assert all(a.goal_id in goal_ids and a.due for a in wb.actions)
    assert any(a.status == "done" for a in wb.actions)
    overdue = [a for a in wb.actions if a.status in ("todo", "doing") and a.due < TODAY]
    assert overdue
    assert any(a.due > TODAY for a in wb.actions)


@pytest.mark.parametrize("stem", ALL)
def test_network_has_mentor_sponsor_and_overdue_follow_ups(stem):
    wb = load_example(stem)
    assert 6 <= len(wb.contacts) <= 10
    kinds = {c.relationship for c in wb.contacts}
    assert {"mentor", "sponsor", "peer", "industry"} <= kinds
    assert any(c.next_follow_up and c.next_follow_up < TODAY for c in wb.contacts)
    assert any(c.next_follow_up and c.next_follow_up >= TODAY for c in wb.contacts)


@pytest.mark.parametrize("stem", ALL)
def test_achievements_and_learning(stem):
    wb = load_example(stem)
    assert 4 <= len(wb.achievements) <= 8
    assert all(a.skills for a in wb.achievements)
    assert 5 <= len(wb.learning) <= 8
    assert {"done", "in_progress", "planned"} <= {i.status for i in wb.learning}
    for item in wb.learning:
        if item.status == "done":
            assert item.completed_on and item.hours > 0 and item.started_on <= item.completed_on
        else:
            assert item.completed_on is None


@pytest.mark.parametrize("stem", ALL)
def test_check_ins_span_and_rhythm(stem):
    wb = load_example(stem)
    days = [c.date for c in wb.check_ins]
    assert days == sorted(days)
    span = (days[-1] - days[0]).days
    if stem in FULL:
        assert 6 <= len(days) <= 12 and span >= 180
    else:
        assert 3 <= len(days) <= 6 and span < 180
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    assert all(14 <= g <= 40 for g in gaps), gaps  # fortnightly to monthly


@pytest.mark.parametrize("stem", ALL)
def test_check_ins_show_a_dip_and_recovery(stem):
    wb = load_example(stem)
    motivation = [c.motivation for c in wb.check_ins]
    assert all(c.confidence is not None for c in wb.check_ins)
    low = min(motivation[1:-1])
    assert low < motivation[0] and low < motivation[-1]
    assert all(c.wins and c.lessons and c.note for c in wb.check_ins)
    assert sum(bool(c.setbacks) for c in wb.check_ins) >= 2
    assert any(c.adjustments for c in wb.check_ins)


@pytest.mark.parametrize("stem", ALL)
def test_goal_progress_rises_over_time(stem):
    wb = load_example(stem)
    series = defaultdict(list)
    for c in wb.check_ins:
        for goal_id, pct in c.progress.items():
            series[goal_id].append(pct)
    status = {g.id: g.status for g in wb.goals}
    assert len(series) >= 3
    for goal_id, values in series.items():
        assert values == sorted(values) and values[-1] > values[0], goal_id
        assert status[goal_id] != "draft"
        if status[goal_id] == "done":
            assert values[-1] == 100


@pytest.mark.parametrize("stem", ALL)
def test_dates_lie_on_or_before_today(stem):
    wb = load_example(stem)
    past = [wb.person.start_date]
    past += [a.date for a in wb.assessments] + [f.date for f in wb.feedback]
    past += [c.date for c in wb.check_ins] + [a.date for a in wb.achievements]
    for g in wb.goals:
        past += [g.created, g.completed_on] + [m.done_on for m in g.milestones]
    past += [c.last_contact for c in wb.contacts]
    past += [i.started_on for i in wb.learning] + [i.completed_on for i in wb.learning]
    assert all(d <= TODAY for d in past if d is not None)
    assert all(d >= wb.person.start_date for d in past if d is not None)


# --- the 360 feedback CSV sample -----------------------------------------------------------
def read_sample():
    with (EXAMPLES / "feedback_import_sample.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


def test_feedback_csv_columns_and_values():
    fields, rows = read_sample()
    assert fields == ["rater_group", "rater_id", "date", "skill", "level", "comment"]
    priya = set(load_example("priya_data_analyst").skill_names())
    raters = {(r["rater_group"], r["rater_id"]) for r in rows}
    assert 4 <= len(raters) <= 6
    for r in rows:
        assert r["rater_group"] in RATER_GROUPS and ANONYMOUS_ID.match(r["rater_id"])
        assert r["skill"] in priya
        assert 0 <= int(r["level"]) <= 5
        assert date.fromisoformat(r["date"]) <= TODAY
    for rater in raters:
        comments = [r["comment"] for r in rows if (r["rater_group"], r["rater_id"]) == rater]
        assert sum(bool(c) for c in comments) == 1  # one comment per rater, on its first row
        assert comments[0]


def test_feedback_csv_imports_into_priyas_workbook():
    _, rows = read_sample()
    grouped: dict[tuple, dict] = {}
    for r in rows:
        key = (r["rater_group"], r["rater_id"], r["date"])
        entry = grouped.setdefault(
            key,
            {
                "rater_group": r["rater_group"],
                "rater_id": r["rater_id"],
                "date": date.fromisoformat(r["date"]),
                "ratings": {},
                "comment": "",
            },
        )
        entry["ratings"][r["skill"]] = int(r["level"])
        entry["comment"] += r["comment"]
    data = load_example("priya_data_analyst").model_dump(mode="python", round_trip=True)
    before = len(data["feedback"])
    data["feedback"] += list(grouped.values())
    wb = validate_workbook(data)
    assert len(wb.feedback) == before + len(grouped)
    newest = max(f.date for f in wb.feedback)
    assert newest > max(f.date for f in wb.feedback[:before])
