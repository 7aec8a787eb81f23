"""Forms of notebooks 06-08 driven as a person would (red-team walk of 06, 07 and 08).

Each test sets the fields, clicks, then reads the message beside the field and the saved
file. Today is 5 December 2026, as in the walk.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import Contact, Goal, LearningItem, Milestone, Skill
from career_workbook.wording import duration, relative
from tests.helpers.html_text import text_of

TODAY = "2026-12-05"




def said(view, key: str) -> str:
    """What the form says beside field ``key``."""
    return text_of(view.fields[key].message.value)


def all_html(widget) -> str:
    found = [widget.value] if isinstance(getattr(widget, "value", None), str) else []
    for child in getattr(widget, "children", ()):
        found.append(all_html(child))
    return "\n".join(found)


def all_text(widget) -> str:
    return text_of(all_html(widget))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills.append(Skill(name="SQL"))
    wb.goals.append(Goal(id="g1", text="Pass the SQL certification by March 2027",
                         status="active", created=date(2026, 1, 5),
                         deadline=date(2027, 3, 31)))
    wb.contacts.append(Contact(id="c1", name="Dana Lee", relationship="mentor"))
    p = tmp_path / "sam.yaml"
    store.save(wb, p)
    return p


def session(path: Path) -> ui.Session:
    return ui.Session(path, today=TODAY)


def choose(view, index: int) -> None:
    view.chooser.value = view.chooser.options[index + 1][1]


# ------------------------------------------------------------ 06 milestones
@pytest.mark.parametrize("done_on, shown", [("2030-01-01", "1 Jan 2030"),
                                            ("2027-01-10", "10 Jan 2027")])
def test_a_milestone_done_on_a_day_to_come_is_refused(path, done_on, shown):
    # The list showed it ✓ while the timeline (as of today) did not count it.
    before = path.read_bytes()
    view = ui.milestones_form(session(path))
    view.fields["title"].value = "Draft study plan"
    view.fields["done_on"].widget.value = done_on
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert (f"“Done on” is {shown}, after today (5 Dec 2026): it records something that "
            "has already happened" in said(view, "done_on"))
    view.fields["done_on"].widget.value = "2026-12-05"
    view.buttons["save"].click()
    [m] = cw.load(path).goals[0].milestones
    assert (m.title, m.done_on) == ("Draft study plan", date(2026, 12, 5))


@pytest.mark.parametrize("due, shown", [("9999-12-31", "31 Dec 9999"),
                                        ("2027-04-01", "1 Apr 2027")])
def test_a_milestone_due_after_its_goal_is_refused_naming_both_days(path, due, shown):
    before = path.read_bytes()
    view = ui.milestones_form(session(path))
    view.fields["title"].value = "Book the exam"
    view.fields["due"].widget.value = due
    view.buttons["save"].click()
    assert path.read_bytes() == before
    message = said(view, "due")
    assert f"“Due” ({shown}) is after the goal’s deadline (31 Mar 2027)" in message
    assert "on or before 31 Mar 2027" in message
    view.fields["due"].widget.value = "2027-03-31"  # the deadline itself is fine
    view.buttons["save"].click()
    assert cw.load(path).goals[0].milestones == [Milestone(title="Book the exam",
                                                           due=date(2027, 3, 31))]


def test_a_goal_without_a_deadline_takes_any_milestone_due_day(path):
    with cw.edit(path) as wb:
        wb.goals[0].deadline = None
    view = ui.milestones_form(session(path))
    view.fields["title"].value = "Book the exam"
    view.fields["due"].widget.value = "2028-01-01"
    view.buttons["save"].click()
    assert cw.load(path).goals[0].milestones[0].due == date(2028, 1, 1)


# ------------------------------------------------------------ 06 actions: the milestones' rule
def test_an_action_due_after_its_goal_is_refused_as_a_milestone_is(path):
    # the red team's case: "Run workshop 2" due 30 Apr for a goal due 15 Mar, saved unsaid
    with cw.edit(path) as wb:
        wb.goals.append(Goal(id="g2", text="Run 2 workshops for the sales team by 2027-03-15",
                             status="active", created=date(2026, 11, 1),
                             deadline=date(2027, 3, 15)))
    before = path.read_bytes()
    view = ui.actions_form(session(path))
    view.fields["text"].value = "Run workshop 2"
    view.fields["goal_id"].value = "g2"
    view.fields["due"].widget.value = "2027-04-30"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    message = said(view, "due")
    assert "“Due” (30 Apr 2027) is after the goal’s deadline (15 Mar 2027): choose a day on " \
        "or before 15 Mar 2027, or move the goal’s deadline first (goal review, step 09)." \
        in message, message
    view.fields["goal_id"].value = "g1"  # another goal, due 31 Mar 2027: still after it
    view.buttons["save"].click()
    assert "after the goal’s deadline (31 Mar 2027)" in said(view, "due")
    view.fields["due"].widget.value = "31 Mar 2027"  # the deadline itself is fine
    view.buttons["save"].click()
    assert [(a.text, a.due) for a in cw.load(path).actions] == [("Run workshop 2",
                                                                 date(2027, 3, 31))]


def test_an_action_with_no_goal_or_done_takes_any_due_day(path):
    view = ui.actions_form(session(path))
    view.fields["text"].value = "Read a book on SQL tuning"
    view.fields["due"].widget.value = "2027-09-30"  # no goal: no deadline to keep to
    view.buttons["save"].click()
    with cw.edit(path) as wb:  # an older file: an action already after its goal's deadline
        wb.actions[0].goal_id = "g1"
    view = ui.actions_form(session(path))
    choose(view, 0)
    view.fields["status"].value = "done"  # marking it done is never refused for its day
    view.buttons["save"].click()
    assert cw.load(path).actions[0].status == "done", view.status.value


def test_validate_notes_an_open_action_due_after_its_goal(path):
    from career_workbook.analysis.notes import workbook_notes

    with cw.edit(path) as wb:
        wb.actions.append(cw.Action(text="Mock exam", goal_id="g1", due=date(2027, 5, 1)))
    notes = workbook_notes(cw.load(path), date(2026, 12, 5))
    assert ("action 1 (“Mock exam”), due = 2027-05-01 is after its goal's deadline "
            "(2027-03-31): move the action on or before it, or the goal's deadline (goal "
            "review, step 09)") in notes


def _tree(widget) -> list:
    return [widget, *(w for c in getattr(widget, "children", ()) for w in _tree(c))]


def action_rows(view) -> dict[str, list[str]]:
    """The plan's table: action -> its cells as a person reads them."""
    import re

    table = view.children[1].value.split("<tbody>")[1]
    rows = [[text_of(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
    return {row[0]: row[1:] for row in rows}


def test_an_action_for_a_dropped_goal_says_so_and_is_not_overdue(path):
    # red team: after "Get promoted …" was dropped, its action due 1 Nov still read "To do",
    # no longer flagged overdue, and nothing said its goal was dropped
    with cw.edit(path) as wb:
        wb.goals.append(Goal(id="g2", text="Get promoted to senior analyst", status="active",
                             created=date(2026, 6, 1), deadline=date(2027, 6, 30)))
        wb.actions += [cw.Action(text="Ask Dana to sponsor my case", goal_id="g2",
                                 due=date(2026, 11, 1)),
                       cw.Action(text="Book the SQL exam", goal_id="g1", due=date(2026, 11, 20))]
    view = ui.actions_form(session(path))
    assert "Your actions — 2 overdue, listed first" in all_text(view)
    review = ui.goal_review(session(path))
    [which] = [w for w in _tree(review) if getattr(w, "description", "") == "Goal"]
    which.value = "g2"  # the goal chooser
    review.fields["status"].value = "dropped"
    review.buttons["save"].click()
    said_now = text_of(review.status.value)
    assert "1 action for it is still to do (“Ask Dana to sponsor my case”): drop it, or " \
        "move it to another goal, in your action plan (step 06)." in said_now, said_now
    assert cw.load(path).goals[1].status == "dropped"
    view = ui.actions_form(session(path))
    rows = action_rows(view)
    assert rows["Ask Dana to sponsor my case"][2:4] == ["To do — goal dropped", "Medium"]
    assert "overdue" not in rows["Ask Dana to sponsor my case"][1]  # its Due cell
    assert "overdue" in rows["Book the SQL exam"][1]
    title = all_text(view)
    assert "Your actions — 1 overdue, listed first; 1 for a dropped goal: drop it, or choose " \
        "another goal for it below" in title, title
    labels = [label for label, _ in view.chooser.options]
    assert "1. Ask Dana to sponsor my case (to do — goal dropped)" in labels, labels
    todo = ui.next_actions(session(path))
    assert "Ask Dana to sponsor" not in all_text(todo)  # not chased as overdue


# ------------------------------------------------------------ 07 two contacts of one name
def test_two_contacts_of_one_name_are_told_apart_wherever_listed(path):
    # red team: two "Priya Raman" rows in the Follow-ups table with no organisation; the
    # interview planner's Who list said "Dana Kim", the contact chooser "Dana Kim (manager)"
    with cw.edit(path) as wb:
        wb.contacts += [
            Contact(id="p1", name="Priya Raman", organisation="Northwind",
                    next_follow_up=date(2026, 11, 20)),
            Contact(id="p2", name="Priya raman", organisation="Contoso", relationship="mentor",
                    next_follow_up=date(2026, 12, 1)),
            Contact(id="d1", name="Dana Kim", relationship="manager")]
    contacts = ui.contacts_form(session(path))
    table = all_text(contacts.children[1])
    assert "Priya Raman (peer, Northwind)" in table and "Priya raman (mentor, Contoso)" in \
        table, table
    chooser = [label.split(". ", 1)[1] for label, _ in contacts.chooser.options[1:]]
    planner = ui.interview_planner(session(path))
    who = [label for label, _ in planner.fields["contact"].widget.options]
    assert who == chooser == ["Dana Lee (mentor)", "Priya Raman (peer, Northwind)",
                              "Priya raman (mentor, Contoso)", "Dana Kim (manager)"]
    todo = all_text(ui.next_actions(session(path)))
    assert "Follow up with Priya Raman (peer, Northwind)" in todo
    assert "Follow up with Priya raman (mentor, Contoso)" in todo


# ------------------------------------------------------------ 07 interview questions
FORTY = "\n".join(f"Question {i}: when you started out in this line of work, what would "
                  f"you change about how you learnt the job, looking back now?"
                  for i in range(1, 41))


def test_interview_questions_too_long_are_refused_never_cut(path):
    # 3,710 characters were cut to 2,000 (mid-question) and "✓ Saved".
    before = path.read_bytes()
    view = ui.interview_planner(session(path))
    view.fields["questions"].widget.value = FORTY
    view.buttons["save"].click()
    assert path.read_bytes() == before  # no action, no follow-up date
    message = said(view, "questions")
    wrote = len("; ".join(FORTY.splitlines()))
    assert "Questions are too long to keep whole" in message
    assert f"at most 1,960 characters here, you wrote {wrote:,}" in message
    assert "Dana Lee’s notes" in message
    assert "Saved" not in text_of(view.status.value)


def test_interview_questions_that_fit_are_kept_whole(path):
    questions = "\n".join(FORTY.splitlines()[:15])
    view = ui.interview_planner(session(path))
    view.fields["questions"].widget.value = questions
    view.buttons["save"].click()
    [action] = cw.load(path).actions
    assert action.text.endswith(questions.splitlines()[-1])  # the last question, whole
    assert action.text.count("Question ") == 15


# ------------------------------------------------------------ 07 interview in the past
def test_an_interview_planned_years_ago_is_refused_and_today_is_fine(path):
    before = path.read_bytes()
    view = ui.interview_planner(session(path))
    view.fields["due"].widget.value = "2020-05-05"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    message = said(view, "due")
    assert "5 May 2020 is before today (5 Dec 2026)" in message
    assert "Dana Lee’s last contact" in message
    view.fields["due"].widget.value = "2026-12-04"  # yesterday: also refused
    view.buttons["save"].click()
    assert path.read_bytes() == before
    view.fields["due"].widget.value = "2026-12-05"
    view.buttons["save"].click()
    wb = cw.load(path)
    assert wb.actions[0].due == date(2026, 12, 5)
    assert wb.contacts[0].next_follow_up == date(2026, 12, 5)


# ------------------------------------------------------------ 07 contacts: dates
def test_a_last_contact_still_to_come_is_refused(path):
    # Saved, then drawn as "none recorded" and counted as not heard from.
    before = path.read_bytes()
    view = ui.contacts_form(session(path))
    view.fields["name"].value = "Lee Chan"
    view.fields["last_contact"].widget.value = "2030-01-01"
    view.fields["next_follow_up"].widget.value = "2020-01-01"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert ("“Last contact” is 1 Jan 2030, after today (5 Dec 2026): it records something "
            "that has already happened" in said(view, "last_contact"))


def test_a_follow_up_before_the_last_contact_is_refused_naming_both(path):
    before = path.read_bytes()
    view = ui.contacts_form(session(path))
    view.fields["name"].value = "Lee Chan"
    view.fields["last_contact"].widget.value = "2026-11-20"
    view.fields["next_follow_up"].widget.value = "2026-10-01"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert ("“Next follow-up” (1 Oct 2026) comes before the last contact (20 Nov 2026)"
            in said(view, "next_follow_up"))
    # the same day is fine (today: a follow-up on a day gone is refused for itself)
    view.fields["last_contact"].widget.value = "2026-12-05"
    view.fields["next_follow_up"].widget.value = "2026-12-05"
    view.buttons["save"].click()
    contact = cw.load(path).contacts[-1]
    assert (contact.last_contact, contact.next_follow_up) == (date(2026, 12, 5),
                                                              date(2026, 12, 5))


# ------------------------------------------------------------ 07 contacts: one name twice
@pytest.mark.parametrize("typed", ["Dana Lee", "dana  LEE", " Dana Lee "])
def test_a_second_contact_of_the_same_name_is_refused(path, typed):
    before = path.read_bytes()
    view = ui.contacts_form(session(path))
    view.fields["name"].value = typed
    view.fields["relationship"].value = "sponsor"  # a relationship is not a person
    view.buttons["save"].click()
    assert path.read_bytes() == before
    message = said(view, "name")
    assert "You already have a contact named Dana Lee (mentor)" in message
    assert "Add their organisation to tell them apart" in message


def test_a_namesake_at_another_organisation_is_added_and_told_apart_everywhere(path):
    view = ui.contacts_form(session(path))
    view.fields["name"].value = "Dana Lee"
    view.fields["relationship"].value = "sponsor"
    view.fields["organisation"].value = "Acme"
    view.buttons["save"].click()
    assert [c.name for c in cw.load(path).contacts] == ["Dana Lee", "Dana Lee"]
    planner = ui.interview_planner(session(path))
    labels = [label for label, _ in planner.fields["contact"].widget.options]
    assert labels == ["Dana Lee (mentor)", "Dana Lee (sponsor, Acme)"]
    contacts = ui.contacts_form(session(path))
    assert [label for label, _ in contacts.chooser.options[1:]] == [
        "1. Dana Lee (mentor)", "2. Dana Lee (sponsor, Acme)"]


def test_a_contact_edited_keeps_its_name_and_a_rename_onto_another_is_refused(path):
    with cw.edit(path) as wb:
        wb.contacts.append(Contact(id="c2", name="Bo Chen", relationship="peer"))
    view = ui.contacts_form(session(path))
    choose(view, 0)
    view.fields["strength"].value = 5
    view.buttons["save"].click()
    assert cw.load(path).contacts[0].strength == 5  # its own name is no clash
    before = path.read_bytes()
    choose(view, 1)
    view.fields["name"].value = "DANA LEE"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert "You already have a contact named Dana Lee (mentor)" in said(view, "name")


def test_two_namesakes_already_in_a_file_still_save_and_are_numbered(path):
    with cw.edit(path) as wb:
        wb.contacts.append(Contact(id="c2", name="Dana Lee", relationship="mentor"))
    view = ui.contacts_form(session(path))
    choose(view, 1)
    view.fields["notes"].value = "Met at the meetup"
    view.buttons["save"].click()
    assert cw.load(path).contacts[1].notes == "Met at the meetup"
    planner = ui.interview_planner(session(path))
    assert [label for label, _ in planner.fields["contact"].widget.options] == [
        "Dana Lee (mentor)", "Dana Lee (mentor) #2"]


# ------------------------------------------------------------ 07 follow-ups table
def test_the_follow_ups_table_says_overdue_years_never_rounded_up_with_labels(path):
    # A follow-up 6 years and 7 months late was "overdue by 7 years"; relationships were
    # shown as stored ("mentor"), not as the form names them.
    with cw.edit(path) as wb:
        wb.contacts[0].next_follow_up = date(2020, 5, 5)
        wb.contacts.append(Contact(id="c2", name="Bo Chen", relationship="industry",
                                   next_follow_up=date(2026, 12, 20)))
    html = all_html(ui.contacts_form(session(path)))
    assert "<td>overdue by 6 years</td>" in html and "7 years" not in html
    assert "<td>Mentor</td>" in html and "<td>Industry</td>" in html
    assert "<td>mentor</td>" not in html and "<td>industry</td>" not in html


# ------------------------------------------------------------ durations in words
@pytest.mark.parametrize("days, words", [
    (2405, "6 years"), (2540, "6 years"), (2557, "7 years"), (730, "2 years"),
    (714, "23 months"), (200, "7 months"), (55, "8 weeks"), (13, "13 days"),
])
def test_duration_counts_whole_years_and_keeps_the_shorter_units(days, words):
    assert duration(days) == words
    assert relative(-days) == f"{words} ago"


# ------------------------------------------------------------ 08 learning dates
def test_a_course_completed_before_it_started_is_refused_naming_both(path):
    before = path.read_bytes()
    view = ui.learning_form(session(path))
    view.fields["title"].value = "Python course"
    view.fields["hours"].widget.value = "12"
    view.fields["status"].value = "done"
    view.fields["started_on"].widget.value = "2026-12-01"
    view.fields["completed_on"].widget.value = "2026-11-01"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert ("“Completed on” (1 Nov 2026) is before “Started on” (1 Dec 2026)"
            in said(view, "completed_on"))
    view.fields["started_on"].widget.value = "2026-10-01"
    view.buttons["save"].click()
    [item] = cw.load(path).learning
    assert (item.started_on, item.completed_on, item.status) == (
        date(2026, 10, 1), date(2026, 11, 1), "done")


@pytest.mark.parametrize("status, label", [("planned", "Planned"),
                                           ("in_progress", "In progress")])
def test_a_completion_date_on_learning_not_done_is_asked_about(path, status, label):
    # A planned course with a completion date was charted as 12 hours learnt.
    before = path.read_bytes()
    view = ui.learning_form(session(path))
    view.fields["title"].value = "Python course"
    view.fields["hours"].widget.value = "12"
    view.fields["status"].value = status
    view.fields["completed_on"].widget.value = "2026-11-01"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    message = said(view, "completed_on")
    assert f"this item is “{label}”: set Status to Done, or clear the date" in message
    view.fields["status"].value = "done"
    view.buttons["save"].click()
    assert cw.load(path).learning == [LearningItem(title="Python course", hours=12.0,
                                                   status="done",
                                                   completed_on=date(2026, 11, 1))]


def test_skills_fields_with_nothing_to_choose_say_where_skills_come_from(tmp_path):
    p = tmp_path / "new.yaml"
    store.new(p, "Sam Lee", today=date(2026, 11, 1))
    for form in (ui.achievements_form, ui.learning_form):
        text = all_text(form(ui.Session(p, today=TODAY, notebook="08_achievements_learning")))
        assert "add yours in notebook 01 (self-assessment)" in text
        assert "notebook 05 (skill gap)" in text


# ------------------------------------------------------------ 06 actions
def test_overdue_actions_are_marked_counted_and_listed_first(path):
    # red team: 06 never said an action was overdue: no marker, sort or count
    from career_workbook.model import Action

    wb = cw.load(path)
    wb.goals.append(Goal(id="g2", text="Old plan", status="dropped", created=date(2026, 1, 5)))
    wb.actions = [
        Action(text="Draft the agenda", due=date(2026, 12, 9), status="doing"),
        Action(text="Watch module 1", due=date(2026, 11, 20)),
        Action(text="Send the deck", due=date(2026, 10, 1), status="done",
               done_on=date(2026, 10, 1)),
        Action(text="Book the room", due=date(2026, 12, 1), priority="high"),
        Action(text="Old plan's step", due=date(2026, 9, 1), goal_id="g2"),
        Action(text="Skipped", due=date(2026, 9, 1), status="dropped")]
    store.save(wb, path)
    table = text_of(all_html(ui.actions_form(session(path))), " ")
    assert "Your actions — 2 overdue, listed first" in table
    rows = [table.index(text) for text in ("Watch module 1", "Book the room",
                                           "Draft the agenda", "Send the deck")]
    assert rows == sorted(rows)  # the most late first, then the workbook's order
    assert "20 Nov 2026 — overdue, due 2 weeks ago" in table
    assert "1 Dec 2026 — overdue, due 4 days ago" in table
    assert "9 Dec 2026 — in 4 days" in table
    assert "1 Oct 2026 —" not in table and "1 Sep 2026 —" not in table  # done, closed goal


def test_dropped_goals_are_not_offered_to_new_actions_but_kept_on_old_ones(path):
    from career_workbook.model import Action

    wb = cw.load(path)
    wb.goals.append(Goal(id="g2", text="Old plan", status="dropped", created=date(2026, 1, 5)))
    wb.actions = [Action(id="a1", text="Old plan's step " + "word " * 20, goal_id="g2")]
    store.save(wb, path)
    view = ui.actions_form(session(path))
    assert [v for _, v in view.fields["goal_id"].widget.options if v] == ["g1"]
    label = view.chooser.options[1][0]
    assert label == "1. Old plan's step word word word word word word… (to do — goal dropped)"
    choose(view, 0)
    assert "g2" in [v for _, v in view.fields["goal_id"].widget.options]


def test_removing_an_action_offers_undo(path):
    from career_workbook.model import Action

    wb = cw.load(path)
    wb.actions = [Action(id="a1", text="Email Dana")]
    store.save(wb, path)
    view = ui.actions_form(session(path))
    choose(view, 0)
    view.buttons["remove"].click()
    said = text_of(view.status.value)
    assert "removed “Email Dana (to do)”" in said
    assert "Restore an earlier version" not in said  # it would undo every later save too
    assert cw.load(path).actions == []
    view.undo_button.click()
    assert [a.text for a in cw.load(path).actions] == ["Email Dana"]
