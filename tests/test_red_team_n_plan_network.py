"""Red team N, notebooks 06-08 on 6 Dec 2026: an informational interview keeps the sooner
follow-up already planned and is refused after its goal's deadline (as the action plan
refuses it); an action or milestone still to do is refused on a day already past when it
is new or its day changed; an achievement entered twice is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import Action, Contact, Goal, Milestone
from tests.helpers.html_text import text_of

TODAY = "2026-12-06"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Ana Walk", today=date(2026, 12, 1))
    wb.goals.append(Goal(id="g1", text="Raise team NPS from 3,5 to 4,2 by end of Q3",
                         status="active", created=date(2026, 12, 1),
                         deadline=date(2027, 9, 30)))
    wb.contacts.append(Contact(id="c1", name="Dana Lee", relationship="mentor",
                               next_follow_up=date(2026, 12, 10)))
    p = tmp_path / "ana.yaml"
    store.save(wb, p)
    return p


def session(path: Path) -> ui.Session:
    return ui.Session(path, today=TODAY)


def said(view, key: str) -> str:
    return text_of(view.fields[key].message.value)


def status(view) -> str:
    return text_of(view.status.value)


# ------------------------------------------------------------ 07 interview planner
def test_an_interview_later_than_a_planned_follow_up_keeps_that_follow_up(path):
    # The follow-up of 10 Dec was replaced by the interview's 1 Nov 2027, unsaid: the
    # reminder to get in touch next week was gone.
    view = ui.interview_planner(session(path))
    view.fields["contact"].value = "c1"
    view.fields["due"].value = date(2027, 6, 1)
    view.buttons["save"].click()
    wb = cw.load(path)
    assert wb.contacts[0].next_follow_up == date(2026, 12, 10)
    assert [a.due for a in wb.actions] == [date(2027, 6, 1)]
    assert ("interview with Dana Lee planned for 1 Jun 2027; your follow-up with Dana Lee "
            "on 10 Dec 2026 stays, as it comes first") in status(view)


def test_an_interview_sooner_than_the_follow_up_becomes_the_follow_up(path):
    view = ui.interview_planner(session(path))
    view.fields["contact"].value = "c1"
    view.fields["due"].value = date(2026, 12, 8)
    view.buttons["save"].click()
    assert cw.load(path).contacts[0].next_follow_up == date(2026, 12, 8)
    assert "stays" not in status(view)


def test_an_interview_after_its_goals_deadline_is_refused_as_the_action_plan_does(path):
    # The action plan refuses an action due after its goal's deadline; the planner added
    # one (1 Nov 2027 for a goal due 30 Sep 2027).
    before = path.read_bytes()
    view = ui.interview_planner(session(path))
    view.fields["contact"].value = "c1"
    view.fields["goal_id"].value = "g1"
    view.fields["due"].value = date(2027, 11, 1)
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert ("“When” (1 Nov 2027) is after the goal’s deadline (30 Sep 2027)"
            in said(view, "due"))
    view.fields["goal_id"].value = None  # for no goal: fine
    view.buttons["save"].click()
    assert [a.due for a in cw.load(path).actions] == [date(2027, 11, 1)]


def test_the_interview_planner_offers_goals_still_worked_on_and_keeps_one_chosen(path):
    # It offered goals done (a conversation to serve a goal already reached): only
    # active ones are offered; one chosen, then marked done elsewhere, stays chosen.
    with cw.edit(path) as wb:
        wb.goals += [Goal(id="g2", text="Pass the SQL exam", status="done"),
                     Goal(id="g3", text="Move to Berlin", status="dropped"),
                     Goal(id="g4", text="Mentor two analysts by June 2027")]
    here = session(path)
    view = ui.interview_planner(here)
    offered = [value for _, value in view.fields["goal_id"].widget.options][1:]
    assert offered == ["g1", "g4"]
    view.fields["contact"].value = "c1"
    view.fields["goal_id"].value = "g4"
    ui.Session(path, today=TODAY).save(lambda wb: setattr(wb.goals[-1], "status", "done"))
    assert here.refresh()  # read again (another form rebuilt): what was chosen stays
    assert view.fields["goal_id"].value == "g4"
    view.buttons["save"].click()
    assert [a.goal_id for a in cw.load(path).actions] == ["g4"]
    offered = [value for _, value in view.fields["goal_id"].widget.options][1:]
    assert offered == ["g1"]  # the next interview: g4 is done now


# ------------------------------------------------------------ 06 a step due on a day gone
def test_a_new_action_due_on_a_day_already_gone_is_refused(path):
    # "15/01/2026" typed in December for January 2027 was saved as a to-do overdue for
    # 11 months, counted at once in the coach's "actions overdue".
    before = path.read_bytes()
    view = ui.actions_form(session(path))
    view.fields["text"].value = "Draft the survey with the team"
    view.fields["due"].value = date(2026, 1, 15)
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert ("“Due” (15 Jan 2026) is before today (6 Dec 2026): an action still to do plans "
            "a day to come. Did you mean 15 Jan 2027? Already done? Set Status to Done."
            in said(view, "due"))
    view.fields["status"].value = "done"  # it happened: recorded as done
    view.buttons["save"].click()
    assert [(a.due, a.status) for a in cw.load(path).actions] == [(date(2026, 1, 15), "done")]


def test_an_action_already_overdue_still_saves_its_other_changes(path):
    with cw.edit(path) as wb:
        wb.actions.append(Action(id="a1", text="Book the exam", due=date(2026, 11, 1)))
    view = ui.actions_form(session(path))
    view.chooser.value = "0"
    view.fields["priority"].value = "high"
    view.buttons["save"].click()
    assert cw.load(path).actions[0].priority == "high"
    view.fields["due"].value = date(2026, 11, 20)  # moved, and still gone: said
    view.buttons["save"].click()
    assert cw.load(path).actions[0].due == date(2026, 11, 1)
    assert "“Due” (20 Nov 2026) is before today" in said(view, "due")


def test_a_new_milestone_due_on_a_day_gone_is_refused_unless_reached(path):
    # 1 Mar 2026, nine months before the goal was set, was drawn as a milestone to do
    # far left of the goal's bar.
    before = path.read_bytes()
    view = ui.milestones_form(session(path))
    view.fields["title"].value = "Survey sent"
    view.fields["due"].value = date(2026, 3, 1)
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert "Reached it? Fill in “Done on”." in said(view, "due")
    view.fields["done_on"].value = date(2026, 12, 2)
    view.buttons["save"].click()
    assert cw.load(path).goals[0].milestones == [
        Milestone(title="Survey sent", due=date(2026, 3, 1), done_on=date(2026, 12, 2))]


def test_a_new_follow_up_on_a_day_gone_is_refused_and_an_overdue_one_kept(path):
    # A follow-up typed for last week was saved and drawn at once as "overdue".
    before = path.read_bytes()
    view = ui.contacts_form(session(path))
    view.fields["name"].value = "Sam Roe"
    view.fields["next_follow_up"].value = date(2026, 11, 30)
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert ("“Next follow-up” (30 Nov 2026) is before today (6 Dec 2026): a follow-up plans "
            "a day to come" in said(view, "next_follow_up"))
    with cw.edit(path) as wb:
        wb.contacts[0].next_follow_up = date(2026, 11, 1)  # overdue already
    view = ui.contacts_form(session(path))
    view.chooser.value = "0"
    view.fields["strength"].value = 5
    view.buttons["save"].click()
    assert cw.load(path).contacts[0].strength == 5


# ------------------------------------------------------------ 08 one achievement twice
def test_an_achievement_entered_again_is_refused_and_editing_it_still_saves(path):
    # Added twice, it was counted twice: the promotion case said "2 achievements".
    view = ui.achievements_form(session(path))
    view.fields["title"].value = "Shipped the forecast"
    view.fields["date"].value = date(2026, 2, 28)
    view.buttons["save"].click()
    before = path.read_bytes()
    view = ui.achievements_form(session(path))
    view.fields["title"].value = "  shipped the Forecast "
    view.fields["date"].value = date(2026, 2, 28)
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert ("You already have “Shipped the forecast” on 28 Feb 2026: choose it in the list "
            "above to change it" in said(view, "title"))
    view.fields["date"].value = date(2026, 3, 31)  # another day: another achievement
    view.buttons["save"].click()
    assert len(cw.load(path).achievements) == 2
    view = ui.achievements_form(session(path))
    view.chooser.value = "0"
    view.fields["metric"].value = "cut stock-outs by 12,5 %"
    view.buttons["save"].click()
    assert cw.load(path).achievements[0].metric == "cut stock-outs by 12,5 %"


# ------------------------------------------------------------ 04 a month written in numbers
@pytest.mark.parametrize("typed, deadline", [
    ("Publish 2 posts on the team blog by 03/2027", date(2027, 3, 31)),
    ("Ship 3 features before 7/2027", date(2027, 6, 30)),  # as "before July 2027"
    ("Pass the AWS exam by the end of 12/2026", date(2026, 12, 31)),
])
def test_a_deadline_month_written_in_numbers_is_read(typed, deadline):
    # "by 03/2027" was no date at all: "Add a date, e.g. 'by 30 June 2027'".
    result = cw.score_goal(typed, today=date(2026, 12, 6))
    assert result.deadline == deadline
    assert result.criteria["time_bound"].met


@pytest.mark.parametrize("typed", ["Score 3/2027 points in the league",
                                   "Publish the v1/2027 release notes by hand"])
def test_a_number_over_a_year_without_by_or_in_is_no_deadline(typed):
    assert cw.score_goal(typed, today=date(2026, 12, 6)).deadline is None


# ------------------------------------------------------------ 10 an opportunity's next step
def test_a_new_next_step_on_a_day_gone_is_refused_while_the_opportunity_is_open(path):
    # "Ask Dana" by 2 Nov, typed on 6 Dec, was saved and counted overdue at once.
    before = path.read_bytes()
    view = ui.opportunities_form(session(path))
    view.fields["title"].value = "Data lead role"
    view.fields["next_step"].value = "Ask Dana who is hiring"
    view.fields["next_step_due"].value = date(2026, 11, 2)
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert ("“Next step by” (2 Nov 2026) is before today (6 Dec 2026)"
            in said(view, "next_step_due"))
    view.fields["next_step_due"].value = date(2026, 12, 12)
    view.buttons["save"].click()
    assert [o.next_step_due for o in cw.load(path).opportunities] == [date(2026, 12, 12)]


# ------------------------------------------------------------ 04 one goal twice
def test_the_drafter_refuses_a_goal_already_in_the_workbook(path):
    # Saved again (pasted once more, or retyped in another case), it was a second goal:
    # the scorecard and the timeline drew it twice.
    view = ui.goal_drafter(session(path))
    view.fields["text"].value = "Get better at leadership"
    view.buttons["save"].click()
    before = path.read_bytes()
    view.fields["text"].value = "  get better at Leadership "
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert ("You already have this goal (“Get better at leadership”, active): change that "
            "one instead" in said(view, "text"))
    assert [g.text for g in cw.load(path).goals] == [
        "Raise team NPS from 3,5 to 4,2 by end of Q3", "Get better at leadership"]


def test_rewording_a_goal_onto_another_goal_is_refused(path):
    with cw.edit(path) as wb:
        wb.goals.append(Goal(id="g2", text="Read 12 books in 2027", status="active",
                             created=date(2026, 12, 1), deadline=date(2027, 12, 31)))
    before = path.read_bytes()
    view = ui.goals_table(session(path))
    view.fields["text"].value = "read 12 books in 2027"  # g1 reworded as g2 says
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert "You already have this goal (“Read 12 books in 2027”, active)" in said(view, "text")
    view.fields["text"].value = "Raise team NPS from 3,5 to 4,4 by end of Q3"
    view.buttons["save"].click()
    assert cw.load(path).goals[0].text == "Raise team NPS from 3,5 to 4,4 by end of Q3"
