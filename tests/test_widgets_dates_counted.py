"""Red-team walk of notebooks 07-09: what the forms take, what the charts and counts show.

Today is 6 December 2026, as in the walk. Each test fills a form as a person would, reads
what the form says, the file, and the chart or count the notebook shows next; then does the
same on a half-filled workbook and on the examples.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

import career_workbook as cw
from career_workbook import analysis, figures, store
from career_workbook import widgets as ui
from career_workbook.imports import contact_from_row, parse_connections
from tests.helpers.html_text import text_of
from tests.helpers.workbooks import EXAMPLES, half_filled_workbook

TODAY = "2026-12-06"
DAY = date(2026, 12, 6)
LEFT_OUT = "is after today (6 Dec 2026): the charts and counts leave it out until that day"


def said(view, key: str) -> str:
    """What the form says beside field ``key`` (``''`` when nothing)."""
    field = view.fields[key]
    return text_of(field.message.value) if field.has_error else ""


def status(view) -> str:
    return text_of(view.status.value)


def page(widget) -> str:
    """Every text the form shows."""
    found = [widget.value] if isinstance(getattr(widget, "value", None), str) else []
    found += [page(child) for child in getattr(widget, "children", ())]
    return text_of("\n".join(found), " ")


@pytest.fixture(params=["new", "half"])
def path(request, tmp_path: Path) -> Path:
    """A workbook just created, then one half filled (skills, a goal, a contact)."""
    wb = (cw.new_workbook("Nova Person", today=date(2026, 1, 5)) if request.param == "new"
          else half_filled_workbook())
    p = tmp_path / "nova.yaml"
    store.save(wb, p)
    return p


def session(p: Path) -> ui.Session:
    return ui.Session(p, today=TODAY)


def add_learning(view, title: str, hours: str, status_: str, started: str = "",
                 completed: str = "") -> None:
    view.fields["title"].value = title
    view.fields["hours"].widget.value = hours
    view.fields["status"].value = status_
    view.fields["started_on"].widget.value = started
    view.fields["completed_on"].widget.value = completed
    view.buttons["save"].click()


# ---- 1. learning: the table and the chart count the same hours ---------------------------
def test_learning_hours_on_an_item_not_started_are_asked_about_never_hidden(path):
    view = ui.learning_form(session(path))
    add_learning(view, "Stats course", "2,5", "done", "2026-11-01")
    before = path.read_bytes()
    add_learning(view, "Future done", "7", "planned", "2027-01-10")
    assert path.read_bytes() == before
    assert said(view, "hours") == (
        "⚠ “Hours so far” (7) counts time you have put in, and this item is “Planned”: set "
        "Status to In progress (and the day you started), or leave the hours at 0 until you "
        "begin.")
    view.fields["status"].value = "in_progress"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert said(view, "started_on").startswith(
        "⚠ “Started on” (10 Jan 2027) is after today (6 Dec 2026), and 7 hours are logged")
    view.fields["hours"].widget.value = "0"  # a course planned for January: fine
    view.fields["status"].value = "planned"
    view.buttons["save"].click()
    assert [i.title for i in cw.load(path).learning] == ["Stats course", "Future done"]

    wb = cw.load(path)
    table = analysis.learning_by_skill_frame(wb, today=DAY)
    chart = figures.make_figure(wb, "learning_hours", today=DAY)
    assert table["hours"].sum() == 2.5 and table["items"].sum() == 1
    assert chart.get_suptitle() == "2.5 hours of learning — most with no skill chosen (2.5 h)"
    shown = page(ui.learning_form(session(path)))
    assert ("“Future done”, dated 10 Jan 2027, is after today (6 Dec 2026): the charts and "
            "counts leave it out until that day.") in shown


def test_learning_started_tomorrow_is_kept_said_and_left_out_of_both_until_then(path):
    view = ui.learning_form(session(path))
    add_learning(view, "Stats course", "2,5", "done", "2026-11-01")
    add_learning(view, "Evening class", "3", "in_progress", "2026-12-07")  # a time zone ahead
    assert f"“Started on” 7 Dec 2026 {LEFT_OUT}." in status(view)
    wb = cw.load(path)
    assert analysis.learning_by_skill_frame(wb, today=DAY)["hours"].sum() == 2.5
    chart = figures.make_figure(wb, "learning_hours", today=DAY)
    assert chart.get_suptitle().startswith("2.5 hours of learning")
    assert "3 h dated after today, counted from that day" in chart.axes[0].get_title(loc="left")
    assert f"3 h in “Evening class”, dated 7 Dec 2026, {LEFT_OUT}." in page(
        ui.learning_form(session(path)))
    tomorrow = date(2026, 12, 7)  # the next day both count it
    assert analysis.learning_by_skill_frame(wb, today=tomorrow)["hours"].sum() == 5.5
    assert figures.make_figure(wb, "learning_hours", today=tomorrow).get_suptitle() \
        .startswith("5.5 hours of learning")


def test_only_learning_still_to_come_gets_its_own_chart_message(path):
    with cw.edit(path) as wb:  # written by an older version, or in Python
        wb.learning.append(cw.LearningItem(title="Spring course", hours=7,
                                           status="in_progress", started_on=date(2027, 1, 10)))
    fig = figures.make_figure(cw.load(path), "learning_hours", today=DAY)
    assert cw.charts.is_placeholder(fig)
    assert " ".join(fig.axes[0].texts[0].get_text().split()) == (
        "No learning hours up to today — 7 h dated from 10 Jan 2027 on count from that day")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("today", [date(2026, 6, 1), DAY])
def test_the_examples_table_counts_what_their_chart_counts(example, today):
    wb = cw.load(example)
    table = analysis.learning_by_skill_frame(wb, today=today)
    chart = analysis.learning_hours_frame(wb, today=today)
    later = analysis.learning_later_frame(wb, today=today)
    assert table["hours"].sum() == pytest.approx(chart["hours"].sum())
    assert table["items"].sum() + len(later) == len(wb.learning)


# ---- 2. a day within the slack: one rule for forms, charts, promotion case, validate ------
def test_an_achievement_dated_tomorrow_is_saved_with_what_validate_says(path, tmp_path):
    view = ui.achievements_form(session(path))
    for day, title in (("2026-12-01", "Shipped the forecast"),
                       ("2026-12-07", "Won the data award")):
        view.fields["date"].widget.value = day
        view.fields["title"].value = title
        view.buttons["save"].click()
    assert status(view).endswith(f"“Date” 7 Dec 2026 {LEFT_OUT}.")
    assert "Won the data award" in page(ui.achievements_form(session(path)))
    promotion = ui.promotion_case_button(session(path))
    promotion.buttons["promotion"].click()
    shown = page(promotion)
    assert "Review period up to 6 Dec 2026: 1 achievement, " in shown
    assert f"1 more achievement, dated 7 Dec 2026, {LEFT_OUT}." in shown
    notes = analysis.workbook_notes(cw.load(path), DAY)
    assert f"achievement 2 (“Won the data award”), date = 2026-12-07 {LEFT_OUT}" in notes
    # two days ahead is no time zone: refused, as before
    before = path.read_bytes()
    view.fields["date"].widget.value = "2026-12-08"
    view.fields["title"].value = "Too early"
    view.buttons["save"].click()
    assert path.read_bytes() == before and "“Date” is 8 Dec 2026, after today" in said(view, "date")


def test_a_start_date_next_month_is_saved_with_a_note_and_validate_says_it_too(path):
    """A profile start date in the future was saved and validated without a word (the
    first check-in reminder counts from it): it is fine (a new job next month), and said."""
    view = ui.profile_form(session(path))
    view.fields["start_date"].widget.value = "2027-01-04"
    view.buttons["save"].click()
    assert cw.load(path).person.start_date == date(2027, 1, 4)  # a note, never refused
    assert status(view).endswith(
        "“Start date” 4 Jan 2027 is after today (6 Dec 2026): fine if that is when you "
        "start; your first check-in reminder counts from that day."), status(view)
    notes = analysis.workbook_notes(cw.load(path), DAY)
    assert ("person.start_date = 2027-01-04 is after today (6 Dec 2026): fine if that is "
            "when you start; your first check-in reminder counts from that day") in notes
    view.fields["start_date"].widget.value = "2026-12-01"
    view.buttons["save"].click()
    assert "after today" not in status(view)
    assert not any(n.startswith("person.") for n in analysis.workbook_notes(cw.load(path), DAY))


def test_a_period_ended_before_tomorrow_says_nothing_of_it(path):
    with cw.edit(path) as wb:
        wb.achievements = [cw.Achievement(date=date(2026, 12, 7), title="Tomorrow's win")]
    files = cw.promotion_case(path, since="2026-01-01", until="2026-11-30", today=TODAY)
    assert files.later == () and files.achievements == ()


def test_a_check_in_and_a_contact_dated_tomorrow_say_it_too(path):
    check_in = ui.check_in_form(session(path))
    check_in.fields["date"].widget.value = "2026-12-07"
    check_in.fields["wins"].value = "Demo went well"
    check_in.buttons["save"].click()
    assert f"“Date” 7 Dec 2026 {LEFT_OUT}." in status(check_in)
    contacts = ui.contacts_form(session(path))
    contacts.fields["name"].value = "Bo Chen"
    contacts.fields["last_contact"].widget.value = "2026-12-07"
    contacts.buttons["save"].click()
    assert f"“Last contact” 7 Dec 2026 {LEFT_OUT}." in status(contacts)
    contacts.fields["name"].value = "Ann Lee"  # a day that has come: nothing to say
    contacts.fields["last_contact"].widget.value = "2026-12-06"
    contacts.buttons["save"].click()
    assert "after today" not in status(contacts) and "Saved at" in status(contacts)


# ---- 3. the contact form: every problem at once, lengths capped like Name ------------------
def test_the_contact_form_names_every_problem_at_once(path):
    before = path.read_bytes()
    view = ui.contacts_form(session(path))
    view.fields["name"].value = "N" * 5000
    view.fields["organisation"].value = "O" * 5000
    view.fields["next_follow_up"].widget.value = "2062-01-05"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert said(view, "name") == "⚠ Name is too long: at most 200 characters (now 5,000)"
    assert said(view, "organisation") == \
        "⚠ Organisation is too long: at most 200 characters (now 5,000)"
    # 5 Jan 2026 has passed: the year is named, no day suggested that has gone
    assert said(view, "next_follow_up") == ("⚠ “Next follow-up” is 5 Jan 2062, 35 years after "
                                            "today (6 Dec 2026): please check the year.")
    assert status(view) == "⚠ Nothing was saved: please fix the fields marked ⚠."
    view.fields["name"].value = "Long Org Person"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert said(view, "name") == "" and said(view, "organisation") and \
        said(view, "next_follow_up")
    view.fields["organisation"].value = "Acme Analytics"
    view.fields["next_follow_up"].widget.value = "2027-01-05"
    view.buttons["save"].click()
    saved = cw.load(path).contacts[-1]
    assert (saved.name, saved.organisation, saved.next_follow_up) == (
        "Long Org Person", "Acme Analytics", date(2027, 1, 5))


def test_an_interview_planned_in_a_swapped_year_is_asked_about(path):
    with cw.edit(path) as wb:
        wb.contacts = [cw.Contact(id="c1", name="Dana Lee")]
    before = path.read_bytes()
    view = ui.interview_planner(session(path))
    view.fields["due"].widget.value = "15 Dec 2062"
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert "Did you mean 2026?" in said(view, "due")
    view.fields["due"].widget.value = "5 Jan 2062"  # 5 Jan 2026 has passed: not suggested
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert said(view, "due").endswith("(6 Dec 2026): please check the year.")


@pytest.mark.parametrize(("form", "key", "label", "most"), [
    (ui.achievements_form, "metric", "In numbers", 200),
    (ui.opportunities_form, "organisation", "Organisation", 200),
    (ui.opportunities_form, "next_step", "Next step", 2000),
])
def test_short_texts_elsewhere_are_capped_with_the_field_and_its_limit(path, form, key,
                                                                       label, most):
    before = path.read_bytes()
    view = form(session(path))
    view.fields["title"].value = "Something real"
    view.fields[key].value = "x" * 5000
    view.buttons["save"].click()
    assert path.read_bytes() == before
    assert said(view, key) == f"⚠ {label} is too long: at most {most:,} characters (now 5,000)"


def test_the_profile_roles_are_capped_too(path):
    before = path.read_bytes()
    view = ui.profile_form(session(path))
    view.fields["current_role"].value = "Analyst " * 100
    view.buttons[next(iter(view.buttons))].click()
    assert path.read_bytes() == before
    assert "Current role is too long: at most 200 characters" in said(view, "current_role")


def test_a_file_with_a_long_organisation_still_loads_whole(tmp_path):
    """The 200-character cap is a form's (what a person types): a workbook written before
    it, or by hand, keeps loading with its text whole, up to a Text's 20,000."""
    p = tmp_path / "sam.yaml"
    store.save(cw.new_workbook("Sam Lee"), p)
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    data["contacts"] = [{"name": "Bo", "organisation": "O" * 5_000}]
    data["person"]["target_role"] = "R" * 300
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    wb = cw.load(p)
    assert len(wb.contacts[0].organisation) == 5_000 and len(wb.person.target_role) == 300
    data["contacts"][0]["organisation"] = "O" * 20_001
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(cw.WorkbookError,
                       match=r"contact 1 \(“Bo”\), organisation = .*at most 20000"):
        cw.load(p)


def test_a_long_company_in_an_import_is_kept_in_the_notes(tmp_path):
    company = "Acme " * 60  # 300 characters
    parsed = parse_connections(f"First Name,Last Name,Company\nAna,Silva,{company}\n")
    assert [p.message for p in parsed.problems] == [
        "no Connected On column: those details stay empty",
        "the company is longer than 200 characters: kept in the notes, not as the "
        "organisation"]
    contact = contact_from_row(parsed.rows[0])
    assert contact.organisation == "" and company.strip() in contact.notes


# ---- 4. a goal's deadline moved: its wording still names the old date -----------------------
def test_moving_a_deadline_says_the_wording_still_names_the_old_date(tmp_path):
    p = tmp_path / "sam.yaml"
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.goals = [cw.Goal(id="g1", text="Cut the fresh-food waste by 10% by 31 December 2026",
                        status="active", created=date(2026, 1, 5),
                        deadline=date(2026, 12, 31))]
    store.save(wb, p)
    view = ui.goal_review(session(p))
    view.fields["deadline"].widget.value = "31/03/2027"
    view.buttons["save"].click()
    goal = cw.load(p).goals[0]
    assert (goal.text, goal.deadline) == ("Cut the fresh-food waste by 10% by 31 December 2026",
                                          date(2027, 3, 31))  # the words are the person's
    assert status(view).endswith(
        "new deadline 31 Mar 2027. Your goal’s wording still says “by 31 December 2026”, and "
        "its deadline is 31 Mar 2027: update “Goal text” to match, e.g. “Cut the fresh-food "
        "waste by 10% by 31 March 2027”.")
    view.fields["text"].value = "Cut the fresh-food waste by 10% by 31 March 2027"
    view.buttons["save"].click()
    assert status(view).endswith("goal text changed")
    assert cw.load(p).goals[0].deadline == date(2027, 3, 31)


def test_a_year_in_the_wording_and_a_deadline_that_agree_say_nothing(tmp_path):
    p = tmp_path / "sam.yaml"
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.goals = [cw.Goal(id="g1", text="Pass the CFA Level I exam in 2027", status="active",
                        created=date(2026, 1, 5), deadline=date(2027, 12, 31))]
    store.save(wb, p)
    view = ui.goals_table(session(p))
    view.fields["confidence"].value = 6
    view.buttons["save"].click()
    assert status(view).endswith("confidence 6")
    view = ui.goal_review(session(p))
    view.fields["deadline"].widget.value = "30 June 2028"
    view.buttons["save"].click()
    assert "still says “in 2027”" in status(view) and "by 30 June 2028" in status(view)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_goals_reviewed_unchanged_say_nothing_of_their_wording(example,
                                                                           tmp_path):
    p = tmp_path / example.name
    shutil.copy(example, p)
    view = ui.goal_review(session(p))
    view.fields["confidence"].value = 5
    view.buttons["save"].click()
    assert "Saved at" in status(view) and "wording still says" not in status(view)


# ---- 5. the promotion case's dates are read as every date box reads them --------------------
@pytest.mark.parametrize(("since", "until", "period"), [
    ("1 Jan 2026", "", "1 Jan 2026 – 6 Dec 2026"),
    ("13/01/2026", "30 June 2026", "13 Jan 2026 – 30 Jun 2026"),
    ("2026-01-01", "June 30, 2026", "1 Jan 2026 – 30 Jun 2026"),
])
def test_the_promotion_dates_read_like_every_date_box(path, since, until, period):
    view = ui.promotion_case_button(session(path))
    view.fields["since"].widget.value, view.fields["until"].widget.value = since, until
    view.buttons["promotion"].click()
    assert status(view) == "✓ Promotion case written"
    assert f"Review period {period}:" in page(view)


def test_a_promotion_date_that_could_be_two_days_is_asked_about_beside_it(path):
    view = ui.promotion_case_button(session(path))
    view.fields["since"].widget.value = "01/12/2026"
    assert said(view, "since") == ("⚠ “01/12/2026” could be 1 December or 12 January: please "
                                   "write it as 2026-12-01 or 2026-01-12")
    view.buttons["promotion"].click()
    assert status(view) == ("⚠ The promotion case was not written: please fix the date "
                            "marked ⚠.")
    assert not (path.parent / "promotion").exists()
    view.fields["since"].widget.value = "2026-12-01"
    assert said(view, "since") == ""
    view.buttons["promotion"].click()
    assert status(view) == "✓ Promotion case written"
