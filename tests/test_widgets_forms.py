"""Every form, driven in Python: pre-filled, saves to disk, refuses bad input inline."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis import plan_feedback_import
from career_workbook.model import Assessment, Contact, Goal, Skill, Workbook
from career_workbook.widgets.forms_feedback import read_feedback_csv
from career_workbook.widgets.forms_skills import rename_skill, skill_references
from career_workbook.widgets.session import header_html
from career_workbook.wording import short_date

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
TODAY = "2026-11-22"
SAVED = re.compile(r"Saved at \d\d:\d\d")

ALL_FORMS = [
    ui.profile_form, ui.skills_form, ui.self_assessment_form, ui.strengths_form,
    ui.feedback_form, ui.feedback_import, ui.feedback_comments, ui.vision_form,
    ui.values_form, ui.interests_form, ui.goal_drafter, ui.goals_table, ui.role_picker,
    ui.learning_suggestions, ui.actions_form, ui.milestones_form, ui.contacts_form,
    ui.interview_planner, ui.achievements_form, ui.learning_form, ui.check_in_form,
    ui.next_actions, ui.goal_review, ui.opportunities_form, ui.promotion_case_button,
]


def small_workbook() -> Workbook:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5), current_role="Analyst",
                         target_role="Data Scientist")
    wb.skills += [Skill(name="SQL", importance=5, target_level=4),
                  Skill(name="Python", importance=4, target_level=5),
                  Skill(name="Writing", category="soft", importance=2, target_level=3)]
    wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 2, "Python": 3}))
    wb.goals.append(Goal(id="g1", text="Pass the SQL certification by June 2027",
                         status="active", created=date(2026, 1, 5),
                         deadline=date(2027, 6, 30), skills=["SQL"]))
    wb.contacts.append(Contact(id="c1", name="Dana Lee", relationship="mentor"))
    return wb


@pytest.fixture
def small(tmp_path: Path) -> ui.Session:
    path = tmp_path / "sam.yaml"
    store.save(small_workbook(), path)
    return ui.Session(path, today=TODAY)


@pytest.fixture
def example(tmp_path: Path) -> ui.Session:
    path = tmp_path / "priya.yaml"
    shutil.copy(EXAMPLE, path)
    return ui.Session(path, today=TODAY)


def saved(view) -> bool:
    return bool(SAVED.search(view.status.value))


def choose(view, index: int) -> None:
    """Pick item ``index`` (0-based) in a list form's chooser."""
    view.chooser.value = view.chooser.options[index + 1][1]


# ----------------------------------------------------------------------------- every form
@pytest.mark.parametrize("form", ALL_FORMS, ids=lambda f: f.__name__)
def test_every_form_renders_from_the_example_workbook(example, form):
    view = form(example)
    assert view.children, form.__name__
    assert "00_start_here" not in "".join(getattr(c, "value", "") for c in view.children)


@pytest.mark.parametrize("form", [*ALL_FORMS, ui.create_workbook_form],
                         ids=lambda f: f.__name__)
def test_every_input_is_labelled_and_every_button_explained(tmp_path, example, form):
    views = [form(example), form(ui.Session(tmp_path / "new.yaml"))]
    for view in views:
        for f in view.fields.values():
            assert f.widget.description.strip() and f.widget.tooltip.strip(), f.key
            assert f.widget.style.description_width == "13em"
        for name, button in view.buttons.items():
            assert button.description.strip() and button.tooltip.strip(), name
        if "save" in view.buttons:
            assert view.buttons["save"].button_style == "primary"
    assert any(v.buttons for v in views) or form in (ui.feedback_comments, ui.next_actions)


@pytest.mark.parametrize("form", ALL_FORMS, ids=lambda f: f.__name__)
def test_every_form_without_a_workbook_says_open_00(tmp_path, form):
    session = ui.Session(tmp_path / "none.yaml", today=TODAY)
    view = form(session)
    text = "".join(getattr(c, "value", "") for c in view.children)
    assert "open 00_start_here to create it" in text
    assert view.fields == {} and view.buttons == {}


@pytest.mark.parametrize("form", [ui.profile_form, ui.goal_drafter, ui.check_in_form],
                         ids=lambda f: f.__name__)
def test_forms_on_a_broken_workbook_are_read_only(tmp_path, form):
    path = tmp_path / "bad.yaml"
    path.write_text("person: {name: Sam}\nskills: [{name: SQL, importance: 9}]\n")
    session = ui.Session(path)
    view = form(session)
    text = "".join(getattr(c, "value", "") for c in view.children)
    # the whole story once, at the top; each form names the file and points there
    assert "skill 1 (“SQL”), importance = 9" in header_html(session)
    assert "skills[0].importance" not in text and "bad.yaml could not be opened" in text
    assert view.buttons == {}


# ----------------------------------------------------------------------------- 00
def test_create_workbook_form_creates_the_file(tmp_path):
    path = tmp_path / "wb" / "me.yaml"
    session = ui.Session(path, today=TODAY)
    view = ui.create_workbook_form(session)
    profile = ui.profile_form(session)
    view.fields["name"].value = "  "
    view.buttons["create"].click()
    assert "must not be blank" in view.fields["name"].message.value and not path.exists()
    view.fields["name"].value = "Kim Park"
    view.fields["target_role"].value = "Nurse Manager"
    view.buttons["create"].click()
    wb = cw.load(path)
    assert wb.person.name == "Kim Park" and wb.person.target_role == "Nurse Manager"
    assert saved(view) and str(path) in view.children[1].value
    assert profile.fields["name"].value == "Kim Park"  # the 00 profile form came alive


def test_the_forms_keep_a_name_as_the_cli_does(tmp_path):
    # the CLI and the forms share the person's name rule (model.one_line): "Kim   Park"
    # was stored with its spaces by the form, and refused by `new` with a pasted line break
    path = tmp_path / "me.yaml"
    session = ui.Session(path, today=TODAY)
    view = ui.create_workbook_form(session)
    view.fields["name"].value = "Kim   Park"
    view.buttons["create"].click()
    assert cw.load(path).person.name == "Kim Park"
    profile = ui.profile_form(session)
    profile.fields["name"].value = "Kim \u00a0 Lee"
    profile.buttons["save"].click()
    assert cw.load(path).person.name == "Kim Lee"


def test_create_workbook_form_when_file_exists_says_where(small):
    view = ui.create_workbook_form(small)
    assert str(small.path) in view.children[1].value and "create" not in view.buttons


def test_profile_form_prefilled_and_saves(example):
    view = ui.profile_form(example)
    assert view.fields["name"].value == "Priya Raman"
    assert view.fields["start_date"].value == date(2026, 1, 12)
    view.fields["organisation"].value = "Northwind"
    view.buttons["save"].click()
    assert saved(view) and cw.load(example.path).person.organisation == "Northwind"


def test_profile_form_blank_name_is_refused_inline(example):
    before = example.path.read_bytes()
    view = ui.profile_form(example)
    view.fields["name"].value = " "
    assert "Your name must not be blank" in view.fields["name"].message.value
    view.buttons["save"].click()
    assert "Nothing was saved" in view.status.value
    assert example.path.read_bytes() == before


# ----------------------------------------------------------------------------- 01
def test_skills_form_adds_and_edits(small):
    view = ui.skills_form(small)
    view.fields["name"].value = "Negotiation"
    view.fields["importance"].value = 2
    view.buttons["save"].click()
    assert saved(view)
    skill = cw.load(small.path).skills[-1]
    assert (skill.name, skill.importance) == ("Negotiation", 2)
    choose(view, 0)
    assert view.fields["name"].value == "SQL" and view.fields["importance"].value == 5
    view.fields["target_level"].value = 5
    view.buttons["save"].click()
    assert cw.load(small.path).skills[0].target_level == 5 and saved(view)


def test_skills_form_rename_updates_every_reference(small):
    view = ui.skills_form(small)
    choose(view, 0)
    view.fields["name"].value = "SQL (advanced)"
    view.buttons["save"].click()
    wb = cw.load(small.path)
    assert wb.skills[0].name == "SQL (advanced)"
    assert wb.assessments[0].ratings == {"SQL (advanced)": 2, "Python": 3}
    assert wb.goals[0].skills == ["SQL (advanced)"]


def test_skills_form_duplicate_name_is_refused_beside_the_field(small):
    before = small.path.read_bytes()
    view = ui.skills_form(small)
    view.fields["name"].value = "sql"
    view.buttons["save"].click()
    said = view.fields["name"].message.value + view.status.value
    assert "You already track “SQL” — choose it in the list to change it." in said
    assert "skills[" not in said and ".name" not in said and "used twice" not in said
    assert small.path.read_bytes() == before


def test_values_form_duplicate_name_names_the_value_already_there(small):
    view = ui.values_form(small)
    view.fields["name"].value = "Autonomy"
    view.buttons["save"].click()
    before = small.path.read_bytes()
    view = ui.values_form(small)
    view.fields["name"].value = "autonomy "
    view.buttons["save"].click()
    said = view.fields["name"].message.value + view.status.value
    assert "“Autonomy” is already one of your values" in said, said
    assert "values[" not in said and "must be unique" not in said
    assert small.path.read_bytes() == before


def test_skills_form_remove(small):
    before = small.path.read_bytes()
    view = ui.skills_form(small)
    choose(view, 0)  # SQL is rated and linked to a goal: kept
    view.buttons["remove"].click()
    assert "still used in 1 self-assessment, 1 goal;" in view.status.value
    assert str(small.path) not in view.status.value  # the person's own rule, not a file's
    assert small.path.read_bytes() == before
    choose(view, 2)  # Writing is used nowhere
    view.buttons["remove"].click()
    assert saved(view) and cw.load(small.path).skill_names() == ["SQL", "Python"]


def test_rename_and_references_helpers():
    wb = small_workbook()
    assert skill_references(wb, "SQL") == {"self-assessments": 1, "goals": 1}
    rename_skill(wb, "Python", "Py")
    assert wb.assessments[0].ratings == {"SQL": 2, "Py": 3}


def test_self_assessment_appends_a_day_and_keeps_older_entries(small):
    view = ui.self_assessment_form(small)
    assert view.fields["ratings.SQL"].value == 2  # latest rating pre-filled
    assert view.fields["ratings.Writing"].value is None
    assert view.fields["date"].value == date(2026, 11, 22)
    view.fields["ratings.SQL"].value = 3
    view.buttons["save"].click()
    view.fields["ratings.Writing"].value = 1
    view.buttons["save"].click()  # the same day again: that day's snapshot is updated
    wb = cw.load(small.path)
    assert [a.ratings for a in wb.assessments] == [
        {"SQL": 2, "Python": 3}, {"SQL": 3, "Python": 3, "Writing": 1}]
    assert [a.date for a in wb.assessments][1:] == [date(2026, 11, 22)]
    assert saved(view)


def test_self_assessment_is_refilled_in_place_after_a_save(small):
    """Issue 15: saving a rating updates the form's widgets (values, "Last rated", the
    count) instead of building ~100 new ones the page must draw before the chart."""
    from ipywidgets.widgets.widget import _instances

    view = ui.self_assessment_form(small)
    widgets_before = list(view.children)
    sql = view.fields["ratings.SQL"]
    assert "earlier self-assessment;" in view.children[1].value  # "You have 1 earlier ..."
    assert "Not rated yet." in view.fields["ratings.Writing"].help.value
    view.fields["ratings.Writing"].value = 4
    view.fields["note"].value = "After the workshop"
    view.fields["date"].value = "2026-11-20"
    count = len(_instances)
    view.buttons["save"].click()
    assert saved(view) and "4 skills rated" not in view.status.value
    assert list(view.children) == widgets_before and view.fields["ratings.SQL"] is sql
    assert len(_instances) == count, "no widget created or left behind"
    assert "You have 2 earlier self-assessments" in view.children[1].value
    assert "Last rated 20 Nov 2026." in view.fields["ratings.Writing"].help.value
    assert view.fields["ratings.Writing"].widget.tooltip == "Writing — Last rated 20 Nov 2026."
    assert view.fields["ratings.Writing"].value == 4 and view.fields["ratings.SQL"].value == 2
    assert view.fields["note"].value == "" and view.fields["date"].value == date(2026, 11, 22)
    assert view.filled.ratings == {"SQL": 2, "Python": 3, "Writing": 4}
    # what a rebuilt form would show, field by field
    fresh = ui.self_assessment_form(ui.Session(small.path, today=TODAY))
    assert fresh.children[1].value == view.children[1].value
    for key, field in fresh.fields.items():
        assert (view.fields[key].value, view.fields[key].widget.tooltip) == (
            field.value, field.widget.tooltip), key
    # another skill: the form is built again, with a dropdown for it
    assert small.save(lambda wb: wb.skills.append(Skill(name="Negotiation"))).ok
    assert "ratings.Negotiation" in view.fields and view.fields["ratings.SQL"] is not sql


def test_self_assessment_refuses_missing_date_and_empty_rating(small):
    before = small.path.read_bytes()
    view = ui.self_assessment_form(small)
    view.fields["date"].value = None
    assert "Date is required" in view.fields["date"].message.value
    view.buttons["save"].click()
    assert small.path.read_bytes() == before
    view.fields["date"].value = date(2026, 11, 1)
    for key in ("ratings.SQL", "ratings.Python"):
        view.fields[key].value = None
    view.buttons["save"].click()
    assert "Rate at least one skill" in view.status.value
    assert small.path.read_bytes() == before


def test_self_assessment_without_skills_asks_for_them(tmp_path):
    path = tmp_path / "e.yaml"
    store.save(cw.new_workbook("Empty"), path)
    view = ui.self_assessment_form(ui.Session(path))
    assert "Add the skills you track first" in view.children[1].value


def test_strengths_form_one_per_line(small):
    view = ui.strengths_form(small)
    view.fields["strengths"].value = " Listening \n\nWriting\nListening"
    view.fields["weaknesses"].value = "Saying no"
    view.buttons["save"].click()
    wb = cw.load(small.path)
    assert wb.strengths == ["Listening", "Writing"] and wb.weaknesses == ["Saying no"]
    before = small.path.read_bytes()
    view = ui.strengths_form(small)
    assert view.fields["strengths"].value == "Listening\nWriting"
    view.fields["weaknesses"].value = "ok\n" + "x" * 2001
    view.buttons["save"].click()
    assert "line 2 is too long" in view.fields["weaknesses"].message.value
    assert small.path.read_bytes() == before


def test_a_line_number_in_a_message_counts_blank_lines_as_the_person_sees_them(small):
    """Red team M 11: "Good at SQL", a blank line, then 5,000 characters: the long text is
    line 3 of the box, not line 2 (blank lines were skipped in the count)."""
    view = ui.strengths_form(small)
    before = small.path.read_bytes()
    view.fields["strengths"].value = "Good at SQL\n\n" + "y" * 5000
    view.fields["weaknesses"].value = "\n\n\nA\n \nB\n" + "z" * 2500 + "\n"
    view.buttons["save"].click()
    assert "Strengths, line 3 is too long" in view.fields["strengths"].message.value
    assert "Areas to develop, line 7 is too long" in view.fields["weaknesses"].message.value
    assert small.path.read_bytes() == before


# ----------------------------------------------------------------------------- 02
def test_feedback_form_appends_one_colleague(small):
    view = ui.feedback_form(small)
    view.fields["rater_group"].value = "manager"
    view.fields["rater_id"].value = "M1"
    view.fields["ratings.SQL"].value = 4
    view.fields["comment"].value = "Solid"
    view.buttons["save"].click()
    entry = cw.load(small.path).feedback[0]
    assert (entry.rater_group, entry.rater_id, entry.ratings, entry.comment) == \
        ("manager", "M1", {"SQL": 4}, "Solid")
    assert saved(view) and view.fields["rater_id"].value == ""  # cleared for the next one


def test_feedback_form_replaces_the_entry_of_the_same_rater_and_date(small):
    # it appended a second M1 entry of the same day, which the CSV import treats as a
    # correction (analysis.plan_feedback_import): both were counted
    def enter(level: int, day: str = TODAY) -> ui.FormView:
        view = ui.feedback_form(small)
        view.fields["rater_group"].value = "manager"
        view.fields["rater_id"].value = "M1"
        view.fields["date"].value = day
        view.fields["ratings.SQL"].value = level
        view.buttons["save"].click()
        return view

    assert "feedback from M1 added" in enter(4).status.value
    view = enter(2)
    assert saved(view) and "feedback from M1 replaced the entry stored for the same group, " \
        "code and date (manager, 22 Nov 2026)" in view.status.value
    assert [(f.rater_id, f.ratings) for f in cw.load(small.path).feedback] == [
        ("M1", {"SQL": 2})]
    assert "feedback from M1 added" in enter(3, "2026-11-01").status.value
    assert [f.ratings["SQL"] for f in cw.load(small.path).feedback] == [2, 3]
    assert "nothing added: the same feedback" in enter(3, "2026-11-01").status.value
    assert len(cw.load(small.path).feedback) == 2


def test_feedback_form_needs_a_code_and_something_said(small):
    before = small.path.read_bytes()
    view = ui.feedback_form(small)
    view.fields["ratings.SQL"].value = 3
    view.buttons["save"].click()
    assert "Anonymous code must not be blank" in view.fields["rater_id"].message.value
    view.fields["rater_id"].value = "P1"
    view.fields["ratings.SQL"].value = None
    view.buttons["save"].click()
    assert "at least one rating" in view.status.value
    assert small.path.read_bytes() == before


CSV = ("Rater Group,rater_id,date,skill,level,comment\n"
       "peer,P1,2026-05-01,SQL,3,Clear\npeer,P1,2026-05-01,Python,4,\n"
       "Direct report,D1,2026-05-02,SQL,2,\n")


def test_feedback_import_preview_then_save_then_skip_duplicates(small, tmp_path):
    file = tmp_path / "fb.csv"
    file.write_text(CSV)
    view = ui.feedback_import(small)
    assert view.buttons["save"].disabled
    view.fields["path"].value = str(file)
    view.buttons["preview"].click()
    preview = view.children[4].value
    assert "2 feedback entries to add" in preview and "Someone I manage" in preview
    view.buttons["save"].click()
    wb = cw.load(small.path)
    assert [(f.rater_id, f.ratings) for f in wb.feedback] == [
        ("P1", {"SQL": 3, "Python": 4}), ("D1", {"SQL": 2})]
    assert saved(view)
    view.fields["path"].value = str(file)
    view.buttons["preview"].click()
    assert "already in your workbook" in view.children[4].value
    assert view.buttons["save"].disabled


def test_feedback_import_from_upload_value(small):
    view = ui.feedback_import(small)
    upload = view.children[1].children[0]
    upload.value = ({"name": "fb.csv", "type": "text/csv", "size": len(CSV),
                     "content": memoryview(CSV.encode()),
                     "last_modified": datetime(2026, 5, 3, tzinfo=UTC)},)
    assert "2 feedback entries to add" in view.children[4].value


def test_feedback_import_bad_file_is_explained(small, tmp_path):
    before = small.path.read_bytes()
    file = tmp_path / "bad.csv"
    file.write_text("rater_group,rater_id,date,skill,level\npeer,P1,2026-05-01,SQL,9\n")
    view = ui.feedback_import(small)
    view.fields["path"].value = str(file)
    view.buttons["preview"].click()
    assert "row 2, column &#x27;level&#x27;" in view.status.value
    view.buttons["save"].click()
    view.fields["path"].value = str(tmp_path / "nope.csv")
    view.buttons["preview"].click()
    assert "no such file" in view.status.value
    assert small.path.read_bytes() == before


def test_read_feedback_csv_needs_the_columns():
    with pytest.raises(cw.WorkbookError, match="missing: level"):
        read_feedback_csv("rater_group,rater_id,date,skill\n")
    parsed = read_feedback_csv(CSV)
    plan = plan_feedback_import(parsed[:1], parsed)
    assert len(plan.new) == 1 and plan.skipped == 1 and not plan.corrections


def test_feedback_comments_are_grouped_and_escaped(rich_wb, tmp_path):
    rich_wb.feedback[2].comment = "<script>alert(1)</script>"
    path = tmp_path / "rich.yaml"
    store.save(rich_wb, path)
    html = ui.feedback_comments(ui.Session(path)).children[1].value
    assert "Peer (same level)" in html and "&lt;script&gt;" in html and "<script>" not in html
    assert "p2" not in html and "2026-05-10" not in html  # no rater ids, no dates


# ----------------------------------------------------------------------------- 03
def test_vision_form_saves_and_checks_the_horizon(example):
    view = ui.vision_form(example)
    assert view.fields["horizon_years"].value == 5
    before = example.path.read_bytes()
    view.fields["horizon_years"].value = 50
    assert "Horizon (years) must be between 1 and 40 (you entered 50)" in \
        view.fields["horizon_years"].message.value
    view.buttons["save"].click()
    assert example.path.read_bytes() == before
    view.fields["horizon_years"].value = 10
    view.fields["short_term"].value = "Own one production model"
    view.buttons["save"].click()
    vision = cw.load(example.path).vision
    assert (vision.horizon_years, vision.short_term) == (10, "Own one production model")


def test_values_form_adds_a_value(small):
    view = ui.values_form(small)
    view.fields["name"].value = "Autonomy"
    view.fields["importance"].value = 9
    view.buttons["save"].click()
    assert [(v.name, v.importance) for v in cw.load(small.path).values] == [("Autonomy", 9)]
    assert "Autonomy" in view.children[1].value  # the ranked table refreshed


def test_the_value_chooser_numbers_values_by_the_rank_the_table_shows(small):
    """Red team M 12: the chooser said "2. Family (10/10)" (the file's order) under a table
    ranking Family 1; now it lists and numbers values as the table does, ties sharing."""
    from career_workbook.analysis import ranked_values
    from career_workbook.model import Value

    with cw.edit(small.path) as wb:
        wb.values = [Value(name="Money", importance=5), Value(name="Family", importance=10),
                     Value(name="Autonomy", importance=5), Value(name="Learning", importance=7)]
    view = ui.values_form(small)
    labels = [label for label, _ in view.chooser.options[1:]]
    assert labels == ["1. Family (10/10)", "2. Learning (7/10)", "3. Autonomy (5/10)",
                      "3. Money (5/10)"]
    table = ranked_values(cw.load(small.path))
    assert [f"{r.rank}. {r.name} ({r.importance}/10)" for r in table.itertuples()] == labels
    view.chooser.value = view.chooser.options[1][1]  # "1. Family": Family is edited
    assert view.fields["name"].value == "Family" and view.fields["importance"].value == 10
    view.fields["importance"].value = 4
    view.buttons["save"].click()
    assert [(v.name, v.importance) for v in cw.load(small.path).values][1] == ("Family", 4)
    assert [label for label, _ in view.chooser.options[1:]][-1] == "4. Family (4/10)"


def test_interests_form_range_and_code(small):
    before = small.path.read_bytes()
    view = ui.interests_form(small)
    view.fields["social"].value = 45
    assert "Social must be between 0 and 40 (you entered 45)" in \
        view.fields["social"].message.value
    view.buttons["save"].click()
    assert small.path.read_bytes() == before
    for name, score in (("social", 30), ("investigative", 25), ("artistic", 20)):
        view.fields[name].value = score
    view.buttons["save"].click()
    assert cw.load(small.path).interests.social == 30
    assert "<b>SIA</b>" in view.children[1].value


# ----------------------------------------------------------------------------- 04
def test_goals_table_marks_a_goal_done(small):
    view = ui.goals_table(small)
    assert "Pass the SQL certification" in view.children[1].value
    view.fields["status"].value = "done"
    view.fields["confidence"].value = 9
    view.buttons["save"].click()
    goal = cw.load(small.path).goals[0]
    assert (goal.status, goal.confidence, goal.completed_on) == ("done", 9,
                                                                  date(2026, 11, 22))
    assert saved(view)


def test_goals_table_shows_a_pasted_list_goal_on_one_line(small):
    # a goal pasted as a bullet list showed a literal "\n" in the table
    with cw.edit(small.path) as wb:
        wb.goals.append(cw.Goal(text="- Get certified\n- Run 5 workshops by June 2027"))
    small.reload()
    html = ui.goals_table(small).children[1].value
    assert "- Get certified / - Run 5 workshops by June 2027" in html
    assert "\\n" not in html


# ----------------------------------------------------------------------------- 05
def test_role_picker_sets_profile_and_adds_skills(small):
    view = ui.role_picker(small)
    view.fields["role_profile"].value = "senior_data_scientist"
    preview = view.children[view.children.index(view.status) - 2]
    assert "Senior Data Scientist" in preview.value
    view.buttons["save"].click()
    wb = cw.load(small.path)
    assert wb.role_profile == "senior_data_scientist" and len(wb.skills) > 3
    assert "Statistics" in wb.skill_names()


def test_role_picker_is_refilled_in_place_after_a_save(small):
    """Issue 15: choosing a role updates the picker's widgets instead of rebuilding them;
    what it shows, and the base of the next save's merge, are the workbook as saved."""
    view = ui.role_picker(small)
    children, choice = list(view.children), view.fields["role_profile"]
    choice.value = "senior_data_scientist"
    view.fields["add_skills"].value = False
    view.buttons["save"].click()
    assert saved(view) and list(view.children) == children
    assert view.fields["role_profile"] is choice and choice.value == "senior_data_scientist"
    assert "compare you with: <b>Senior Data Scientist</b>" in view.children[1].value
    assert view.fields["add_skills"].value is True
    fresh = ui.role_picker(ui.Session(small.path, today=TODAY))  # a rebuilt picker
    assert [getattr(c, "value", None) for c in fresh.children[1:-2]] == [
        getattr(c, "value", None) for c in view.children[1:-2]]
    choice.value = None  # back to my own targets: merged against the saved role
    view.buttons["save"].click()
    assert saved(view) and cw.load(small.path).role_profile == ""  # own targets, chosen
    assert "your own targets" in view.children[1].value


def test_learning_suggestions_plan_it(small):
    view = ui.learning_suggestions(small)
    first = re.search(r"<b>(.*?)</b>", view.children[1].children[0].value).group(1)
    assert small.role is None  # a typed target role is not applied until it is picked
    assert first == "SQL"  # the biggest measured gap (2 of 4, importance 5); Writing unrated
    view.buttons["plan.0"].click()
    wb = cw.load(small.path)
    item = wb.learning[0]
    assert (item.skill, item.status) == (first, "planned") and saved(view)
    assert first in wb.skill_names()  # a role-only skill is tracked from now on
    assert first not in "".join(c.children[0].value for c in view.children[1:-2])


# ----------------------------------------------------------------------------- 06
def test_actions_form_adds_an_action_for_a_goal(small):
    view = ui.actions_form(small)
    view.fields["text"].value = "Book the exam"
    view.fields["goal_id"].value = "g1"
    view.fields["due"].value = date(2026, 12, 1)
    view.buttons["save"].click()
    action = cw.load(small.path).actions[0]
    assert (action.text, action.goal_id, action.due) == ("Book the exam", "g1",
                                                         date(2026, 12, 1))


def test_actions_form_dangling_goal_is_refused_beside_the_field(small):
    view = ui.actions_form(small)
    with store.edit(small.path) as wb:  # another window removes the goal meanwhile
        wb.goals.clear()
    before = small.path.read_bytes()
    view.fields["text"].value = "Book the exam"
    view.fields["goal_id"].value = "g1"
    view.buttons["save"].click()
    message = view.status.value  # said plainly, once, with Reload to offer
    assert "is no longer in your workbook" in message and "removed elsewhere" in message
    assert "changed in another window — see below" in view.fields["goal_id"].message.value
    assert view.reload_button.layout.display != "none"
    assert small.path.read_bytes() == before


def test_milestones_form_adds_a_step(small):
    view = ui.milestones_form(small)
    view.fields["title"].value = "Book the exam"
    view.fields["due"].value = date(2027, 1, 15)
    view.buttons["save"].click()
    assert cw.load(small.path).goals[0].milestones[0].title == "Book the exam"
    choose(view, 0)
    view.fields["done_on"].value = date(2026, 11, 20)
    view.buttons["save"].click()
    assert cw.load(small.path).goals[0].milestones[0].done_on == date(2026, 11, 20)


# ----------------------------------------------------------------------------- 07
def test_contacts_form_add_and_refuse_blank_name(small):
    view = ui.contacts_form(small)
    before = small.path.read_bytes()
    view.buttons["save"].click()
    assert "Name is required" in view.fields["name"].message.value or \
        "Name must not be blank" in view.fields["name"].message.value
    assert small.path.read_bytes() == before
    view.fields["name"].value = "Lee Chan"
    view.fields["relationship"].value = "sponsor"
    view.fields["strength"].value = 4
    view.buttons["save"].click()
    contact = cw.load(small.path).contacts[-1]
    assert (contact.name, contact.relationship, contact.strength) == ("Lee Chan", "sponsor", 4)


def test_interview_planner_sets_follow_up_and_adds_action(small):
    view = ui.interview_planner(small)
    view.fields["questions"].value = "How did you start?\nWhat would you do next?"
    view.fields["goal_id"].value = "g1"
    view.buttons["save"].click()
    wb = cw.load(small.path)
    assert wb.contacts[0].next_follow_up == date(2026, 11, 29)
    assert wb.actions[0].text.startswith("Informational interview with Dana Lee — How did")
    assert wb.actions[0].goal_id == "g1" and saved(view)


# ----------------------------------------------------------------------------- 08
def test_achievements_form_adds_evidence(small):
    view = ui.achievements_form(small)
    view.fields["title"].value = "Shipped the dashboard"
    view.fields["skills"].value = ["SQL", "Writing"]
    view.buttons["save"].click()
    ach = cw.load(small.path).achievements[0]
    assert (ach.title, ach.skills, ach.date) == ("Shipped the dashboard", ["SQL", "Writing"],
                                                 date(2026, 11, 22))


def test_learning_form_hours_range(small):
    before = small.path.read_bytes()
    view = ui.learning_form(small)
    view.fields["title"].value = "SQL course"
    view.fields["hours"].value = -5.0
    assert "Hours so far must be between 0 and 10,000 (you entered -5)" in \
        view.fields["hours"].message.value
    view.buttons["save"].click()
    assert small.path.read_bytes() == before
    view.fields["hours"].value = 12.5
    view.fields["skill"].value = "SQL"
    view.fields["status"].value = "in_progress"  # hours put in: a planned one is refused
    view.buttons["save"].click()
    item = cw.load(small.path).learning[0]
    assert (item.title, item.hours, item.skill) == ("SQL course", 12.5, "SQL")


# ----------------------------------------------------------------------------- 09
def test_check_in_appends_and_keeps_older(example):
    old = cw.load(example.path).check_ins
    view = ui.check_in_form(example)
    progress_keys = [k for k in view.fields if k.startswith("progress.")]
    assert progress_keys
    view.fields["wins"].value = "Model reviewed"
    view.fields[progress_keys[0]].value = 80
    view.buttons["save"].click()
    view.fields["wins"].value = "Second one today"
    view.buttons["save"].click()
    new = cw.load(example.path).check_ins
    assert new[: len(old)] == old and len(new) == len(old) + 2
    assert [c.wins for c in new[-2:]] == ["Model reviewed", "Second one today"]
    assert new[-2].progress[progress_keys[0].split(".", 1)[1]] == 80
    assert saved(view)


@pytest.mark.parametrize(("last", "says"), [
    ("2026-11-22", "(today)"), ("2026-11-21", "(yesterday)"), ("2026-11-19", "(3 days ago)"),
    ("2026-09-20", "(2 months ago)")])
def test_check_in_form_starts_from_the_last_check_in_up_to_today(tmp_path, last, says):
    """Red team: a check-in dated after today was "your last check-in" ("-109 days ago")
    and pre-filled the sliders, so saving recorded its 90 % as today's progress."""
    from career_workbook.model import CheckIn

    wb = small_workbook()
    wb.check_ins += [
        CheckIn(date=date.fromisoformat(last), motivation=4, confidence=5, progress={"g1": 35}),
        CheckIn(date=date(2027, 3, 11), motivation=9, confidence=9, progress={"g1": 90}),
    ]
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    view = ui.check_in_form(ui.Session(path, today=TODAY))
    intro = view.children[1].value
    assert f"Your last check-in was on {short_date(date.fromisoformat(last))} {says}." \
        in intro, intro
    assert [view.fields[k].value for k in ("motivation", "confidence", "progress.g1")] == [
        4, 5, 35]
    view.fields["wins"].value = "Steady"
    view.buttons["save"].click()
    assert cw.load(path).check_ins[-1].progress == {"g1": 35}


def test_check_in_with_a_removed_goal_is_refused_beside_its_slider(small):
    view = ui.check_in_form(small)
    view.fields["progress.g1"].value = 40  # progress given for a goal removed meanwhile
    with store.edit(small.path) as wb:
        wb.goals.clear()
    before = small.path.read_bytes()
    view.buttons["save"].click()
    message = view.status.value  # said plainly, once, with Reload to offer
    assert "is no longer in your workbook" in message and "removed elsewhere" in message
    assert "changed in another window — see below" in view.fields["progress.g1"].message.value
    assert small.path.read_bytes() == before


def test_next_actions_lists_reasons(example):
    html = ui.next_actions(example).children[1].value
    assert "Why now" in html and "cw-table" in html
    # U8: its scrolling box is named as the form is (it was "Table of #, What, Item, ...")
    assert 'role="region" aria-label="What to do next"' in html


def test_next_actions_on_a_new_workbook_says_where_to_start_not_well_done(tmp_path):
    path = tmp_path / "new.yaml"
    store.new(path, "Sam")
    view = ui.next_actions(ui.Session(path, today="2026-11-22", notebook="09_progress_review"))
    html = "".join(getattr(c, "value", "") for c in view.children)
    assert "set your first goal in step 04" in html and "check-in" in html
    assert "Well done" not in html and "up to date" not in html
    with store.edit(path) as wb:  # a goal, never checked in on: the first check-in, here
        wb.goals.append(Goal(id="g1", text="Ship the forecast"))
    view = ui.next_actions(ui.Session(path, today="2026-11-22", notebook="09_progress_review"))
    html = "".join(getattr(c, "value", "") for c in view.children)
    assert "first check-in in this notebook" in html and "Well done" not in html


def test_goal_review_extends_a_deadline(small):
    view = ui.goal_review(small)
    assert "How your goals track" in view.children[1].value
    view.fields["deadline"].value = date(2027, 12, 31)
    view.buttons["save"].click()
    assert cw.load(small.path).goals[0].deadline == date(2027, 12, 31)


def test_forms_refresh_after_another_form_saves(small):
    skills = ui.skills_form(small)
    rate = ui.self_assessment_form(small)
    assert "ratings.Negotiation" not in rate.fields
    skills.fields["name"].value = "Negotiation"
    skills.buttons["save"].click()
    assert "ratings.Negotiation" in rate.fields


def test_rebuilding_a_form_closes_the_old_widgets(example):
    from ipywidgets.widgets.widget import _instances

    view = ui.skills_form(example)
    counts = []
    for n in range(6):
        choose(view, n % 3)
        counts.append(len(_instances))
    assert len(set(counts)) == 1, counts


def test_form_repr_is_a_readable_placeholder(example):
    assert repr(ui.vision_form(example)) == \
        "<form “Your career vision”: run this notebook in JupyterLab to fill it in>"
    assert repr(ui.next_actions(example)) == \
        "<form “What to do next”: run this notebook in JupyterLab to see it>"  # nothing to fill


def test_role_picker_offers_a_matching_profile_but_never_applies_it(tmp_path):
    """Issue 11 item 4: a role profile the target role only resembles is applied only when
    the person picks it (one it names is used: tests/test_target_role.py)."""
    path = tmp_path / "sam.yaml"
    cw.store.new(path, "Sam", target_role="Lead Data Scientist")
    view = ui.role_picker(ui.Session(path))
    def walk(w):
        yield w
        for child in getattr(w, "children", ()):
            yield from walk(child)

    text = " ".join(w.value for w in walk(view) if type(w).__name__ == "HTML")
    assert "None — use my own targets" in [label for label, _ in view.fields["role_profile"]
                                             .widget.options]
    assert "looks like the catalog’s “Senior Data Scientist” profile" in text
    assert cw.load(path).role_profile is None


def _all_html(widget) -> str:
    found = [getattr(widget, "value", "")] if hasattr(widget, "value") and isinstance(
        getattr(widget, "value", None), str) else []
    for child in getattr(widget, "children", ()):
        found.append(_all_html(child))
    return "\n".join(found)


@pytest.mark.parametrize(("last", "said"), [
    (date(2026, 11, 22), "(today)"), (date(2026, 11, 21), "(yesterday)"),
    (date(2026, 10, 1), "(7 weeks ago)")])
def test_the_check_in_form_says_when_the_last_one_was_in_words(tmp_path, last, said):
    """It said "(0 days ago)", "(1 days ago)" and "(52 days ago)"."""
    from career_workbook.model import CheckIn

    wb = small_workbook()
    wb.check_ins.append(CheckIn(date=last, motivation=6))
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    text = _all_html(ui.check_in_form(ui.Session(path, today=TODAY)))
    assert f"Your last check-in was on {short_date(last)} {said}." in text


@pytest.mark.parametrize("fed", ["3,5", 3.5, " 3,5 "])
def test_a_slider_fed_a_decimal_comma_reads_it_and_never_shows_its_whole_part(fed):
    """A slider fed "3,5" showed 3 (3.5 cut to its whole part; "3,5" not read at all).
    It is read as the forms read numbers, 3.5; not a step of the scale, it is named beside
    the slider with the two steps around it, and the slider keeps what it showed (fails
    before: 3, or a TraitError)."""
    from career_workbook.widgets.fields import make_field

    f = make_field("importance", "Importance", "slider", value=2, min=1, max=5)
    f.value = fed
    assert f.value == 2
    typed = " ".join(str(fed).split())
    assert f.error_text == (f"Importance: “{typed}” is 3.5: this scale has whole steps from "
                            "1 to 5: choose 3 or 4")
    f.value = "4,0"  # a whole number with a decimal comma is that number
    assert f.value == 4


def test_the_find_box_rule_is_a_pure_function_beside_find_choice():
    """The chooser's Find box callback decided its own status message; the rule is
    ``fields.find_outcome`` (fails before: the callback held it): a match not yet chosen is
    chosen, the one already chosen is left, a miss says what to do, a blank says nothing."""
    from career_workbook.widgets.fields import NONE, find_outcome

    opts = [("+ Add a new skill", NONE), ("1. SQL", "0"), ("2. Stakeholder management", "1")]
    assert find_outcome(opts, "stake", "skill", NONE) == ("1", None)
    assert find_outcome(opts, "stake", "skill", "1") == (None, None)
    assert find_outcome(opts, " Rust ", "skill", "0") == (
        None, "No skill matches “Rust”: check the spelling, or choose from the list below.")
    assert find_outcome(opts, "", "skill", "0") == (None, None)
