"""Red team E, notebook 04: the goal drafter saves the deadline its feedback shows; a
reworded goal keeps its milestones before its deadline; a year typed with its digits
swapped is asked about; one "No goals yet" on an empty page."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis.notes import workbook_notes
from career_workbook.model import Goal, Milestone
from career_workbook.widgets.forms_goals import moved_deadline_problem
from career_workbook.widgets.forms_plan import milestone_problems
from tests.helpers.html_text import text_of

TODAY = "2026-12-06"
DAY = date(2026, 12, 6)


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    p = tmp_path / "erin.yaml"
    store.save(cw.new_workbook("Erin Test", today=date(2026, 12, 1)), p)
    return p


@pytest.fixture
def planned(tmp_path: Path) -> Path:
    p = tmp_path / "priya.yaml"
    wb = cw.new_workbook("Priya Test", today=date(2026, 11, 1))
    wb.goals += [
        Goal(id="aws", text="Pass the AWS Solutions Architect exam by June 2027",
             status="active", deadline=date(2027, 6, 30), confidence=7,
             created=date(2026, 11, 1), milestones=[
                 Milestone(title="Book the exam", due=date(2027, 2, 28)),
                 Milestone(title="Score 80% on a mock test", due=date(2027, 5, 15))]),
        Goal(id="talks", text="Give 2 talks at the data guild by May 2027", status="active",
             deadline=date(2027, 5, 31), created=date(2026, 11, 1)),
    ]
    store.save(wb, p)
    return p


def goals(path: Path) -> dict[str, Goal]:
    return {g.id: g for g in cw.load(path).goals}


def feedback(view) -> str:
    return text_of(view.children[3].value)


# ----------------------------------------------------------------- 1. one deadline
def test_an_emptied_deadline_box_saves_the_deadline_the_feedback_shows(empty):
    """In a kernel the rescoring waits for a pause: Save pressed right after the box was
    emptied saved no deadline while the feedback said "Deadline found: 30 Jun 2027"."""

    async def scenario() -> None:
        view = ui.goal_drafter(ui.Session(empty, today=TODAY))
        view.fields["text"].value = "Give 3 talks at the data guild by June 2027"
        await asyncio.sleep(0.2)
        assert view.fields["deadline"].value == date(2027, 6, 30)
        view.fields["deadline"].value = "2,5"
        view.buttons["save"].click()  # refused: the box cannot be read
        assert cw.load(empty).goals == []
        await asyncio.sleep(0.2)
        assert "Deadline found: 30 Jun 2027" in feedback(view)  # what the person sees
        view.fields["deadline"].value = ""  # emptied, and Save at once
        view.buttons["save"].click()

    asyncio.run(scenario())
    (saved,) = cw.load(empty).goals
    assert saved.deadline == date(2027, 6, 30)


def test_save_before_the_feedback_catches_up_uses_the_sentence_as_it_is_now(empty):
    async def scenario() -> None:
        view = ui.goal_drafter(ui.Session(empty, today=TODAY))
        view.fields["text"].value = "Publish 4 blog posts about SQL by June 2027"
        await asyncio.sleep(0.2)
        view.fields["text"].value = "Publish 4 blog posts about SQL by September 2027"
        view.buttons["save"].click()  # the box still shows June (filled before)

    asyncio.run(scenario())
    assert cw.load(empty).goals[0].deadline == date(2027, 9, 30)


def test_a_deadline_picked_in_the_box_still_wins_over_the_sentence(empty):
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Give 3 talks at the data guild by June 2027"
    view.fields["deadline"].value = "2027-04-30"
    view.buttons["save"].click()
    assert cw.load(empty).goals[0].deadline == date(2027, 4, 30)


# ----------------------------------------------------------------- 2. milestones
@pytest.mark.parametrize("form", [ui.goals_table, ui.goal_review])
def test_rewording_a_goal_never_moves_its_deadline_before_its_milestones(planned, form):
    before = planned.read_bytes()
    view = form(ui.Session(planned, today=TODAY))
    view.fields["text"].value = "Pass the AWS Solutions Architect exam by January 2027"
    view.buttons["save"].click()
    assert planned.read_bytes() == before
    said = text_of(view.fields["text"].message.value)
    assert ("This goal has 2 milestones due after its new deadline, 31 Jan 2027: “Book the "
            "exam” (due 28 Feb 2027) and “Score 80% on a mock test” (due 15 May 2027). Move "
            "them to a day on or before 31 Jan 2027 first (Milestones, step 06), or write a "
            "later date.") in said
    assert "Nothing was saved" in text_of(view.status.value)
    view.fields["text"].value = "Pass the AWS Solutions Architect exam by May 2027"
    view.buttons["save"].click()  # after both steps: fine
    assert goals(planned)["aws"].deadline == date(2027, 5, 31)


def test_a_deadline_picked_before_a_milestone_in_the_review_is_refused(planned):
    before = planned.read_bytes()
    view = ui.goal_review(ui.Session(planned, today=TODAY))
    view.fields["deadline"].value = "2027-03-31"
    view.buttons["save"].click()
    assert planned.read_bytes() == before
    assert ("This goal has 1 milestone due after its new deadline, 31 Mar 2027: “Score 80% on "
            "a mock test” (due 15 May 2027)") in text_of(view.fields["deadline"].message.value)


def test_milestones_added_in_another_tab_stop_a_stale_rewording(planned):
    stale = ui.goals_table(ui.Session(planned, today=TODAY))
    stale.state["goal_id"] = "talks"
    stale.render()
    milestones = ui.milestones_form(ui.Session(planned, today=TODAY))
    milestones.state["goal_id"] = "talks"
    milestones.render()
    milestones.fields["title"].value = "Send the abstract"
    milestones.fields["due"].value = "2027-04-15"
    milestones.buttons["save"].click()
    assert goals(planned)["talks"].milestones[0].title == "Send the abstract"
    stale.fields["text"].value = "Give 2 talks at the data guild by February 2027"
    stale.buttons["save"].click()
    saved = goals(planned)["talks"]
    assert saved.deadline == date(2027, 5, 31) and saved.text.endswith("May 2027")
    said = text_of(stale.status.value)
    assert "Not saved" in said and "“Send the abstract” (due 15 Apr 2027)" in said
    assert "added in another tab" in said and stale.reload_button.layout.display is None


def test_the_goal_side_and_the_milestone_side_share_one_rule():
    goal = Goal(text="Ship it", created=date(2026, 11, 1), deadline=date(2027, 6, 30),
                milestones=[Milestone(title="Draft", due=date(2027, 3, 31))])
    for deadline in (date(2027, 3, 30), date(2027, 3, 31), date(2027, 4, 1)):
        goal_side = moved_deadline_problem(goal, deadline, today=DAY) is not None
        step_side = "due" in milestone_problems({"due": date(2027, 3, 31)}, deadline, DAY)
        assert goal_side == step_side == (deadline < date(2027, 3, 31))


# ----------------------------------------------------------------- 3. swapped years
def test_a_deadline_year_with_swapped_digits_is_asked_about_and_kept_on_request(empty):
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Read 12 books by 2062"
    assert "did you mean 2026?" in feedback(view)
    assert "keep_year" not in view.buttons  # made when the form first asks
    view.buttons["save"].click()
    view.buttons["save"].click()  # a double click confirms nothing
    assert cw.load(empty).goals == []
    keep = view.buttons["keep_year"]
    assert keep in view.children[-2].children  # beside Save
    assert ("Deadline 31 Dec 2062 is 36 years away: did you mean 2026? Fix the year, or "
            "press “Keep 2062” if it is right.") in text_of(view.fields["deadline"].message.value)
    assert keep.layout.display is None and keep.description == "Keep 2062"
    keep.click()
    assert cw.load(empty).goals[0].deadline == date(2062, 12, 31)


def test_a_swapped_year_fixed_saves_and_a_real_ten_year_goal_is_never_asked(empty):
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Read 12 books by 2062"
    view.buttons["save"].click()
    assert view.buttons["keep_year"].layout.display is None
    view.fields["text"].value = "Read 12 books by 2026"
    view.buttons["save"].click()
    assert cw.load(empty).goals[0].deadline == date(2026, 12, 31)
    keep = view.buttons.get("keep_year")  # the form is new again: nothing asked
    assert keep is None or keep.layout.display == "none"
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Become head of data by 2036"
    view.buttons["save"].click()
    assert [g.deadline for g in cw.load(empty).goals] == [date(2026, 12, 31),
                                                         date(2036, 12, 31)]


def test_a_swapped_year_picked_in_the_deadline_box_is_asked_too(empty):
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Run 3 workshops for the sales team"
    view.fields["deadline"].value = "2062-12-24"
    view.buttons["save"].click()
    assert cw.load(empty).goals == []
    assert ("Deadline 24 Dec 2062 is 36 years away: did you mean 2026?"
            in text_of(view.fields["deadline"].message.value))


def test_the_goal_review_asks_about_a_swapped_year_as_well(planned):
    view = ui.goal_review(ui.Session(planned, today=TODAY))
    view.fields["deadline"].value = "2062-12-30"
    view.buttons["save"].click()
    assert goals(planned)["aws"].deadline == date(2027, 6, 30)
    assert "did you mean 2026?" in text_of(view.fields["deadline"].message.value)
    view.buttons["keep_year"].click()
    assert goals(planned)["aws"].deadline == date(2062, 12, 30)


def test_the_year_question_never_suggests_a_day_that_has_passed(planned, empty):
    # "by 30 June 2062" asked "did you mean 2026?" on 6 Dec 2026, when 30 June 2026 is past;
    # then (red team L) it was saved without a question: it is asked, with Keep only
    view = ui.goal_review(ui.Session(planned, today=TODAY))
    view.fields["deadline"].value = "2062-06-30"
    view.buttons["save"].click()
    said = text_of(view.fields["deadline"].message.value)
    assert "did you mean" not in said and "is 2062 the year you mean?" in said
    assert view.buttons["keep_year"].layout.display is None
    assert goals(planned)["aws"].deadline == date(2027, 6, 30)
    view.buttons["keep_year"].click()
    assert goals(planned)["aws"].deadline == date(2062, 6, 30)
    drafter = ui.goal_drafter(ui.Session(empty, today=TODAY))
    drafter.fields["text"].value = "Run 3 workshops for the sales team by 30 June 2062"
    assert "did you mean" not in feedback(drafter)
    assert "is 2062 the year you mean? If not, fix the year." in feedback(drafter)
    drafter.fields["text"].value = "Run 3 workshops for the sales team by 20 December 2062"
    assert "did you mean 2026?" in feedback(drafter)


def test_validate_notes_a_swapped_deadline_year_in_a_file(planned):
    wb = cw.load(planned)
    wb.goals[1].deadline = date(2062, 5, 31)
    notes = workbook_notes(wb, DAY)
    assert ("goal 2 (“Give 2 talks at the data guild by May…”), deadline = 2062-05-31 is 35 "
            "years after today (6 Dec 2026): a typo for "
            "2026? The timeline runs to that year; if so, move it in the goal review (step 09)"
            ) in notes
    wb.goals[1].deadline = date(2036, 5, 31)
    assert not any("goals[1].deadline" in n for n in workbook_notes(wb, DAY))


# ----------------------------------------------------------------- 4. other languages
def test_the_drafter_says_plainly_that_a_goal_in_another_language_is_read_in_english(empty):
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Réussir l'examen AWS avant le 30 juin 2027"
    said = feedback(view)
    assert "the wording checks read English only" in said and "Deadline box" in said
    assert "No deadline found" not in said
    assert view.state["rewrites"] == []  # no English sentence offered
    view.fields["deadline"].value = "2027-06-30"
    view.buttons["save"].click()
    assert cw.load(empty).goals[0].deadline == date(2027, 6, 30)


def test_use_this_never_adds_a_second_date(empty):
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Read 12 books by 30-06-2027"
    assert "Deadline found: 30 Jun 2027" in feedback(view)
    assert view.fields["deadline"].value == date(2027, 6, 30)
    assert all("30 June 2027" not in text for _, text in view.state["rewrites"])


# ----------------------------------------------------------------- 5. empty page
def test_an_empty_goals_list_says_so_once_under_one_heading(empty):
    view = ui.goals_table(ui.Session(empty, today=TODAY))
    shown = text_of("".join(getattr(w, "value", "") for w in view.children
                            if isinstance(getattr(w, "value", None), str)))
    assert shown.count("No goals yet") == 1
    assert shown.count("Your goals") == 1
