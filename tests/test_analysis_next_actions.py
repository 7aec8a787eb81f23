"""analysis.next_actions: one ranked list, most urgent first, each row with a reason."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from career_workbook.analysis.next_actions import (
    KINDS,
    NEXT_ACTIONS_COLUMNS,
    next_actions_frame,
    nothing_to_do,
)
from career_workbook.analysis.smart import score_goal
from career_workbook.model import CheckIn, Goal

TIER = {"check-in due": -2, "goal overdue": -1, "overdue action": 0, "overdue milestone": 0,
        "goal behind": 1, "goal not started": 1.5, "skill gap": 2, "follow-up": 3,
        "rate skills": 3.5, "sharpen goal": 4}


@pytest.fixture
def todo(rich_wb, today):
    return next_actions_frame(rich_wb, today, limit=None)


def test_columns_ranks_and_reasons(todo):
    assert list(todo.columns) == list(NEXT_ACTIONS_COLUMNS)
    assert todo["rank"].tolist() == list(range(1, len(todo) + 1))
    assert set(todo["kind"]) <= set(KINDS)
    assert todo["reason"].str.len().gt(10).all()
    tiers = todo["kind"].map(TIER)
    assert tiers.is_monotonic_increasing


def test_overdue_items_oldest_first(todo, today):
    overdue = todo[todo["kind"].map(TIER) == 0]
    assert overdue["due"].is_monotonic_increasing
    assert set(overdue["item"]) == {"Rehearse", "Email the meetup organiser", "Give the talk",
                                    "Finish book 1", "Book the CFA exam"}
    row = overdue[overdue["item"] == "Book the CFA exam"].iloc[0]
    assert row["reason"] == "Due 3 Nov 2026 — 3 weeks ago"
    assert row["goal_id"] == "g-cfa"
    # done actions and actions of dropped goals are not listed
    assert not {"Buy the books", "Ask HR about relocation"} & set(todo["item"])


def test_goals_overdue_and_behind(todo):
    late = todo[todo["kind"] == "goal overdue"]
    assert late["goal_id"].tolist() == ["g-talk"]
    assert "Deadline was 31 Oct 2026 — 3 weeks ago" in late["reason"].iloc[0]
    behind = todo[todo["kind"] == "goal behind"]
    assert behind["goal_id"].tolist() == ["g-promo"]
    assert "About 20% done" in behind["reason"].iloc[0]


def test_skill_gaps_skip_skills_with_learning(todo, rich_wb):
    gaps = todo[todo["kind"] == "skill gap"]
    learning = {i.skill for i in rich_wb.learning}
    assert 0 < len(gaps) <= 3
    assert not set(gaps["item"]) & learning
    assert gaps["item"].tolist() == ["Stakeholder Management"]  # Coaching was never rated
    assert gaps["due"].isna().all()


def test_role_gaps_are_measured_and_unrated_skills_a_prompt(rich_wb, today, fake_role):
    todo = next_actions_frame(rich_wb, today, role=fake_role, limit=None)
    # the role's Machine Learning and Writing were never rated: not gaps, one prompt to rate
    assert todo[todo["kind"] == "skill gap"]["item"].tolist() == ["Stakeholder Management"]
    rate = todo[todo["kind"] == "rate skills"]
    assert rate["reason"].tolist() == [
        "Rate these 2 skills from the Senior Data Scientist profile to see your gaps: "
        "Machine Learning, Writing; and your own Coaching — in notebook 01"]
    # ranked below the follow-ups that are due
    assert rate["rank"].iloc[0] > todo[todo["kind"] == "follow-up"]["rank"].max()


def test_follow_ups_and_check_in(todo):
    assert todo[todo["kind"] == "follow-up"]["item"].tolist() == [
        "Follow up with Ana Ruiz", "Follow up with Di Okafor"]
    check_in = todo[todo["kind"] == "check-in due"]
    assert check_in["reason"].tolist() == ["No check-in for 7 weeks — the last was 5 Oct 2026"]


def test_sharpen_lists_exactly_the_weak_active_goals(todo, rich_wb, today):
    from career_workbook.analysis.scorecard import goal_context

    sharpen = todo[todo["kind"] == "sharpen goal"]
    weak = [g.id for g in rich_wb.goals if g.status == "active" and score_goal(
        g.text, today=today, confidence=g.confidence, context=goal_context(rich_wb, g)
    ).score < 60]
    assert weak  # the fixture has at least one
    assert sorted(sharpen["goal_id"]) == sorted(weak)
    assert sharpen["reason"].str.startswith("SMART score ").all()


def test_limit_keeps_the_top(rich_wb, today, todo):
    top = next_actions_frame(rich_wb, today, limit=3)
    pd.testing.assert_frame_equal(top, todo.head(3))
    assert len(next_actions_frame(rich_wb, today)) == 10
    assert next_actions_frame(rich_wb, today, limit=0).empty


def test_check_in_rules(empty_wb):
    today = date(2026, 3, 1)
    assert next_actions_frame(empty_wb, today).empty  # nothing to chase at all
    empty_wb.goals.append(Goal(id="g", text="Publish 4 blog posts about SQL by June 2026",
                               status="active", created=date(2026, 1, 1)))
    kinds = next_actions_frame(empty_wb, today)["kind"].tolist()
    assert "check-in due" in kinds
    empty_wb.check_ins.append(CheckIn(date=date(2026, 2, 20)))
    assert "check-in due" not in next_actions_frame(empty_wb, today)["kind"].tolist()


def test_empty_frame_has_columns(empty_wb, today):
    frame = next_actions_frame(empty_wb, today)
    assert frame.empty and list(frame.columns) == list(NEXT_ACTIONS_COLUMNS)


def test_opportunity_steps_due_and_stale_ones_come_after_follow_ups(empty_wb, today):
    """Issue 16: a due next step on an opportunity, and one that has not moved for
    three weeks, are next actions with their reason."""
    from career_workbook.model import Contact, Opportunity

    empty_wb.contacts.append(Contact(id="c1", name="Dana", next_follow_up=today))
    empty_wb.opportunities += [
        Opportunity(id="o1", title="Write for the blog", spotted=date(2026, 11, 20),
                    next_step="ask Kim for a slot", next_step_due=date(2026, 11, 21)),
        Opportunity(id="o2", title="Lead the migration", stage="exploring",
                    spotted=date(2026, 9, 1)),
        Opportunity(id="o3", title="Old posting", stage="declined", spotted=date(2026, 1, 1),
                    next_step_due=date(2026, 2, 1)),  # closed: never nagged
    ]
    empty_wb.check_ins.append(CheckIn(date=today))  # no check-in due: not in the way
    todo = next_actions_frame(empty_wb, today, limit=None)
    kinds = todo["kind"].tolist()
    assert kinds[:3] == ["follow-up", "opportunity step", "stale opportunity"]
    step, stale = todo.iloc[1], todo.iloc[2]
    assert step["item"] == "Ask Kim for a slot"
    assert "Write for the blog" in step["reason"] and step["reason"].endswith("— yesterday")
    assert stale["item"] == "Lead the migration" and "over 3 weeks" in stale["reason"]
    assert "Old posting" not in " ".join(todo["item"]) + " ".join(todo["reason"])


def test_an_empty_list_congratulates_only_a_workbook_with_something_to_be_up_to_date_with():
    from career_workbook.model import new_workbook

    wb = new_workbook("Sam")
    assert "set your first goal in step 04" in nothing_to_do(wb)
    wb.goals.append(Goal(id="g1", text="Ship the forecast", status="active"))
    assert "first check-in" in nothing_to_do(wb) and "Well done" not in nothing_to_do(wb)
    wb.check_ins.append(CheckIn(date=date(2026, 3, 1), progress={"g1": 20}))
    assert "Well done" in nothing_to_do(wb)


def test_time_gone_is_never_rounded_up_to_all_of_it():
    """On 28 Feb, 99.8% of a year to 29 Feb had gone: "100%" said the time was up."""
    from career_workbook.model import new_workbook

    wb = new_workbook("Sam", today=date(2027, 2, 28))
    wb.goals.append(Goal(id="g", text="Ship the forecast by 29 Feb 2028", status="active",
                         created=date(2027, 2, 28), deadline=date(2028, 2, 29)))
    wb.check_ins.append(CheckIn(date=date(2028, 2, 28), progress={"g": 10}))
    [reason] = next_actions_frame(wb, date(2028, 2, 28)).query("kind == 'goal behind'")[
        "reason"]
    assert reason == "About 10% done, but 99% of the time to 29 Feb 2028 has gone"


def test_the_check_in_rule_is_the_coachs_and_the_cohort_charts(empty_wb):
    """One rule: the next actions list a check-in exactly when the coach is told to nudge
    and the caseload says it is overdue, on every day around the boundary."""
    from datetime import timedelta

    from career_workbook.analysis import summary
    from career_workbook.analysis.coach_week import client_week
    from career_workbook.analysis.next_actions import CHECK_IN_DAYS

    empty_wb.goals.append(Goal(id="g", text="Publish 4 blog posts about SQL by June 2027",
                               status="active", created=date(2026, 1, 5)))
    start = empty_wb.person.start_date
    for wb_check_ins in ([], [CheckIn(date=date(2026, 2, 1))]):
        empty_wb.check_ins = wb_check_ins
        base = wb_check_ins[0].date if wb_check_ins else start
        for offset in (0, CHECK_IN_DAYS - 1, CHECK_IN_DAYS, CHECK_IN_DAYS + 1, 400):
            day = base + timedelta(days=offset)
            todo = next_actions_frame(empty_wb, day)
            due = todo[todo["kind"] == "check-in due"]["reason"].tolist()
            nudged = any("check-in" in r for r in client_week(empty_wb, day).nudges)
            overdue = summary(empty_wb, day).check_in_overdue
            assert nudged is overdue is (offset > CHECK_IN_DAYS), (offset, wb_check_ins)
            if overdue:
                assert due and "No check-in" in due[0] and "recorded yet" not in due[0]
            elif wb_check_ins:
                assert due == []
            else:  # never checked in, started recently: a prompt, not "overdue"
                assert due == ["No check-in recorded yet — ten minutes on progress, wins "
                               "and setbacks keeps your goals moving"]


def test_a_long_list_keeps_the_check_in_and_overdue_goals_in_its_top_ten(empty_wb, today):
    from career_workbook.model import Action, Contact

    empty_wb.goals += [Goal(id=f"g{i}", text=f"Goal {i} shipped by 1 May 2026",
                            status="active", created=date(2026, 1, 5),
                            deadline=date(2026, 5, 1)) for i in range(3)]
    empty_wb.actions += [Action(text=f"Action {i}", due=date(2026, 10, 1)) for i in range(30)]
    empty_wb.contacts += [Contact(name=f"Contact {i}", next_follow_up=date(2026, 9, 1))
                          for i in range(60)]
    empty_wb.check_ins.append(CheckIn(date=date(2026, 9, 1)))
    kinds = next_actions_frame(empty_wb, today)["kind"].tolist()
    assert kinds[:4] == ["check-in due"] + ["goal overdue"] * 3
    assert kinds[4:] == ["overdue action"] * 6


def test_next_step_text_is_kept_whole(empty_wb, today):
    from career_workbook.model import Milestone, Opportunity

    step = "ask the governance lead whether the forum still has slots in the spring programme"
    goal = "Become the team's go-to person for data governance questions by the end of 2027"
    empty_wb.opportunities.append(Opportunity(id="o1", title="Speak at the forum",
                                              next_step=step, next_step_due=today))
    empty_wb.goals.append(Goal(id="g", text=goal, status="active", created=date(2026, 1, 5),
                               milestones=[Milestone(title="Draft", due=date(2026, 11, 1))]))
    todo = next_actions_frame(empty_wb, today, limit=None)
    assert "Ask " + step[4:] in todo["item"].tolist()
    [reason] = todo[todo["kind"] == "overdue milestone"]["reason"]
    assert f"“{goal}”" in reason
