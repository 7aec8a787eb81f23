"""What the SMART feedback says about a goal agrees with the goal as saved and with its own
advice (red-team B, items 3, 9, 10 and 14): the saved deadline counts, a low confidence gets
no tick, relevance is judged only against what the person told us, and advice shows even on
a criterion met in full. (Wording and quoting: ``test_smart_wording.py``.)

The goals here are new wordings of each rule, beside the ones the tester reported.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis.scorecard import (
    goals_table_frame,
    score_saved_goal,
    smart_scorecard_frame,
)
from career_workbook.analysis.smart import GoalContext, score_goal
from career_workbook.catalog import load_catalog
from career_workbook.model import Goal, Value, new_workbook

TODAY = date(2026, 12, 5)


def _wb(*goals: Goal, **person: str) -> cw.Workbook:
    wb = new_workbook("Rita Tester", today=date(2026, 1, 5), **person)
    wb.goals.extend(goals)
    return wb


def _goal(text: str, **fields: object) -> Goal:
    return Goal(text=text, status="active", created=date(2026, 11, 1), **fields)


def _reasons(r: object, name: str) -> str:
    return " | ".join(r.criteria[name].reasons)  # type: ignore[attr-defined]


# ------------------------------------------------------------------ A: the saved deadline

@pytest.mark.parametrize("text", ["Send 5 thank-you notes to mentors",
                                  "Run 3 workshops for the design team",
                                  "Interview 4 customers about onboarding"])
def test_a_deadline_picked_in_the_form_makes_the_goal_time_bound(text):
    """A deadline picked in the Deadline field, none in the sentence: the scorecard said
    "Time-bound 0.0" (and "Add a date") for good."""
    goal = _goal(text, deadline=TODAY + timedelta(days=40))
    wb = _wb(goal)
    row = smart_scorecard_frame(wb, TODAY).iloc[0]
    assert row["time_bound"] == 1.0
    assert not any("Add a date" in h for h in row["hints"])
    assert not row["deadline_found"]  # nothing in the sentence itself
    table = goals_table_frame(wb, TODAY).iloc[0]
    assert table["score"] == row["score"] == score_saved_goal(wb, goal, TODAY).score
    r = score_saved_goal(wb, goal, TODAY)
    assert r.deadline == goal.deadline
    assert "(from the Deadline field)" in _reasons(r, "time_bound")


def test_the_saved_deadline_wins_over_the_sentence_and_the_mismatch_is_named():
    goal = _goal("Publish 4 blog posts by June 2027", deadline=date(2028, 1, 31))
    r = score_saved_goal(_wb(goal), goal, TODAY)
    assert (r.deadline, r.text_deadline) == (date(2028, 1, 31), date(2027, 6, 30))
    assert r.criteria["time_bound"].met
    assert r.criteria["time_bound"].hints == [
        "Your sentence says 'by June 2027' but the Deadline field says 31 Jan 2028 — "
        "change one so they agree."]
    assert r.summary == "Strong SMART goal (88/100): add how confident you are (1-10)."
    same = _goal("Publish 4 blog posts by June 2027", deadline=date(2027, 6, 30))
    kept = score_saved_goal(_wb(same), same, TODAY)  # the same date: the sentence's words
    assert kept.deadline_phrase == "by June 2027" and not kept.criteria["time_bound"].hints


def test_a_saved_deadline_that_has_passed_asks_for_a_new_one():
    goal = _goal("Interview 4 customers about onboarding", deadline=TODAY - timedelta(days=3))
    row = smart_scorecard_frame(_wb(goal), TODAY).iloc[0]
    assert row["time_bound"] == 0.25
    assert any("has already passed — pick a new date" in h for h in row["hints"])


def test_next_actions_and_the_review_pack_score_the_saved_deadline():
    goal = _goal("Run 3 workshops", deadline=TODAY + timedelta(days=40))
    wb = _wb(goal)
    todo = cw.analysis.next_actions_frame(wb, TODAY, limit=None)
    assert not todo["reason"].str.contains("Add a date").any()
    from career_workbook.export.content import pack_content

    row = pack_content(wb, today=TODAY).goals[0]
    assert dict(row.criteria)["time_bound"] == "met" and row.deadline == goal.deadline


# ------------------------------------------------------------------ B: achievable

@pytest.mark.parametrize(("confidence", "verdict"), [(3, "not met"), (5, "partly"),
                                                      (6, "partly"), (7, "met")])
def test_achievable_agrees_with_its_advice(confidence, verdict):
    """At 3/10 it said "✓ Achievable" and "Strong SMART goal" beside "3/10 is low"."""
    r = score_goal("Run 3 workshops for the design team by June 2027", today=TODAY,
                   confidence=confidence)
    c = r.criteria["achievable"]
    assert c.verdict == verdict
    if verdict != "met":
        assert not r.summary.startswith("Strong SMART goal"), r.summary
        assert "a realistic scope" in r.summary
        assert c.hints and ("/10" in c.hints[0])


def test_no_confidence_is_a_question_not_a_verdict():
    c = score_goal("Run 3 workshops", today=TODAY).criteria["achievable"]
    assert c.verdict == "open" and not c.met and "How confident are you" in c.hints[0]


# ------------------------------------------------------------------ C: relevant

@pytest.mark.parametrize("text", ["Lose 5 kg by my wedding", "Spend more time with my kids",
                                  "Pass the PMP exam by June 2027"])
def test_relevance_is_not_judged_on_a_fresh_workbook(text):
    goal = _goal(text)
    r = score_saved_goal(_wb(goal), goal, TODAY)
    c = r.criteria["relevant"]
    assert c.verdict == "open" and not c.met
    assert "step 03" in c.hints[0] and "step 05" in c.hints[0]


def _person() -> cw.Workbook:
    wb = _wb(target_role="Data analyst")
    wb.vision.long_term = "Lead a data analytics team in a hospital"
    wb.values = [Value(name="Family", importance=9), Value(name="Learning", importance=8)]
    return wb


@pytest.mark.parametrize("text", ["Lead my family's holiday planning",
                                  "Plan my daughter's birthday party by May 2027",
                                  "Take the kids to the seaside every weekend"])
def test_a_personal_goal_is_not_career_relevant_through_a_shared_verb(text):
    """"Lead my family's holiday planning" was 100 % relevant ("shares words: fami, lead")."""
    wb = _person()
    goal = _goal(text)
    c = score_saved_goal(wb, goal, TODAY, catalog=load_catalog()).criteria["relevant"]
    assert not c.met and c.verdict == "not met"
    assert c.hints[0].startswith("This reads as a personal goal")


@pytest.mark.parametrize(("text", "named"), [
    ("Build 5 Power BI reports for the finance department", "Data Visualisation ('Power BI')"),
    ("Write 10 window-function queries in Postgres", "SQL"),
    ("Build a Tableau dashboard for ward staffing", "Data Visualisation"),
])
def test_a_skill_the_target_role_asks_for_makes_a_goal_relevant(text, named):
    """"Build 5 Power BI reports ..." was "✗ does not mention 'Data analyst'"."""
    wb = _person()
    goal = _goal(text)
    with_catalog = score_saved_goal(wb, goal, TODAY, catalog=load_catalog())
    c = with_catalog.criteria["relevant"]
    assert c.met and c.score == 1.0
    assert named in _reasons(with_catalog, "relevant")
    assert not score_saved_goal(wb, goal, TODAY).criteria["relevant"].met  # no catalog


def test_the_scorecard_chart_and_the_goals_table_use_the_catalog_too():
    wb = _person()
    wb.goals.append(_goal("Build 5 Power BI reports for the finance department"))
    assert smart_scorecard_frame(wb, TODAY)["relevant"].iloc[0] < 0.5  # no catalog given
    assert smart_scorecard_frame(wb, TODAY, catalog=load_catalog())["relevant"].iloc[0] == 1
    from career_workbook import figures

    frames = figures.frames_of(wb, today=TODAY, catalog=load_catalog)
    assert frames.scorecard["relevant"].iloc[0] == 1.0


def test_shared_words_are_whole_words_quoted_as_written():
    ctx = GoalContext(vision="Lead a data analytics team", target_role="Data analyst")
    r = score_goal("Clean the Data of the ward dashboards weekly", today=TODAY, context=ctx)
    assert r.criteria["relevant"].met
    assert "'data'" in _reasons(r, "relevant")
    far = score_goal("Date the old files in the archive", today=TODAY, context=ctx)
    assert not far.criteria["relevant"].met  # "date" is not "data"


# ------------------------------------------------------------------ F: advice when met

def test_advice_on_a_criterion_met_in_full_is_shown(tmp_path: Path):
    path = tmp_path / "rita.yaml"
    store.save(new_workbook("Rita Tester", today=date(2026, 1, 5)), path)
    view = ui.goal_drafter(ui.Session(path, today=TODAY.isoformat()))
    view.fields["text"].value = "Get two promotions in the next five years"
    assert "add a milestone for this year" in view.children[3].value


# ------------------------------------------------------------------ the drafter

@pytest.fixture
def drafter(tmp_path: Path):
    path = tmp_path / "rita.yaml"
    store.save(new_workbook("Rita Tester", today=date(2026, 1, 5)), path)
    return ui.goal_drafter(ui.Session(path, today=TODAY.isoformat())), path


def test_the_untouched_slider_is_no_answer(drafter):
    view, path = drafter
    view.fields["text"].value = "Pass the PMP exam by June 2027"
    html = view.children[3].value
    assert re.search(r"\?</span> <b>Achievable</b> <span style='color:[^']*'>\(not judged yet",
                     html)
    assert "✓</span> <b>Achievable" not in html
    view.buttons["save"].click()
    assert cw.load(path).goals[0].confidence is None  # the starting 6 was nobody's answer


def test_a_moved_slider_is_scored_and_saved(drafter):
    view, path = drafter
    view.fields["text"].value = "Pass the PMP exam by June 2027"
    view.fields["confidence"].value = 3
    html = view.children[3].value
    assert re.search(r"✗</span> <b>Achievable", html) and "Strong SMART goal" not in html
    view.fields["confidence"].value = 5
    assert re.search(r"◐</span> <b>Achievable", view.children[3].value)
    view.buttons["save"].click()
    assert cw.load(path).goals[0].confidence == 5


def test_a_confidence_stated_in_the_goal_is_saved(drafter):
    view, path = drafter
    view.fields["text"].value = "Pass the PMP exam by June 2027 (confidence 8/10)"
    assert re.search(r"✓</span> <b>Achievable", view.children[3].value)
    view.buttons["save"].click()
    assert cw.load(path).goals[0].confidence == 8


def test_a_deadline_picked_in_the_drafter_is_scored(drafter):
    view, _ = drafter
    view.fields["text"].value = "Run 3 workshops for the design team"
    assert re.search(r"✗</span> <b>Time-bound", view.children[3].value)
    view.fields["deadline"].value = date(2027, 3, 31)
    html = view.children[3].value
    assert re.search(r"✓</span> <b>Time-bound", html)
    assert "Deadline: <b>31 Mar 2027</b> (from the Deadline field)" in html
    view.fields["text"].value = "Run 3 workshops for the design team by June 2027"
    html = view.children[3].value
    assert view.fields["deadline"].value == date(2027, 3, 31)  # the person's date stays
    assert "Your sentence says" in html and "31 Mar 2027" in html


def test_relevance_in_a_fresh_drafter_is_a_question(drafter):
    view, _ = drafter
    view.fields["text"].value = "Lose 5 kg by my wedding"
    html = view.children[3].value
    assert re.search(r"\?</span> <b>Relevant</b>", html) and "step 03" in html
    assert "✓</span> <b>Relevant" not in html
