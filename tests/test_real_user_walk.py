"""What a red-team pass found by using the product as a person and a coach would.

Each test reproduces one finding (a form, a file edited by hand, a CLI step between two
form saves) and fails without its fix.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.widgets.inputs import parse_number_text
from career_workbook.widgets.session import header_html
from tests.helpers.html_text import text_of

TODAY = "2026-11-22"




# ------------------------------------------------------------------ numbers
def test_hours_typed_with_a_thousands_comma_are_never_saved_as_one(path):
    # "1,000" hours was read as 1.0 (a decimal comma), saved, and said "✓ Saved".
    view = ui.learning_form(ui.Session(path, today=TODAY))
    view.fields["title"].widget.value = "Part-time MSc"
    view.fields["hours"].widget.value = "1,000"
    view.buttons["save"].click()
    assert cw.load(path).learning == []
    message = text_of(view.fields["hours"].message.value)
    assert "“1,000”" in message and "1000" in message and "or 1 if the comma" in message


@pytest.mark.parametrize("text, expected", [("3,5", 3.5), ("12,25", 12.25), ("0,500", 0.5),
                                            ("1,000,000", 1e6), ("-2,5", -2.5)])
def test_decimal_commas_and_grouped_thousands_still_read(text, expected):
    assert parse_number_text(text) == expected


@pytest.mark.parametrize("text", ["1,000", "3,500", "999,999", "+2,000"])
def test_a_comma_before_three_digits_is_asked_about(text):
    with pytest.raises(ValueError, match="is not a number I can read for sure"):
        parse_number_text(text)


# ----------------------------------------------------- the file changed under an open form
def test_saving_over_a_file_broken_by_hand_names_the_file_and_keeps_it(path):
    view = ui.strengths_form(ui.Session(path, today=TODAY, notebook="01_self_assessment"))
    broken = path.read_text(encoding="utf-8").replace("  coach: ''", "  coach ''")
    path.write_text(broken, encoding="utf-8")
    view.fields["strengths"].widget.value = "Listening"
    view.buttons["save"].click()
    message = text_of(view.status.value)
    assert str(path) in message and "line 12, column 3 (“coach ''”)" in message
    assert "changed outside this notebook" in message and "notebook 00" in message
    assert view.fields["strengths"].widget.value == "Listening"  # the answer is kept
    assert not view.fields["strengths"].has_error  # not blamed on what the person typed
    assert path.read_text(encoding="utf-8") == broken


def test_saving_after_the_file_was_moved_away_says_so_and_creates_nothing(path):
    view = ui.strengths_form(ui.Session(path, today=TODAY))
    path.rename(path.with_name("moved.yaml"))
    view.fields["strengths"].widget.value = "Listening"
    view.buttons["save"].click()
    message = text_of(view.status.value)
    assert f"the workbook file {path} is gone" in message
    assert "store.new()" not in message  # no Python API in a message to a person
    assert not path.exists() and view.fields["strengths"].widget.value == "Listening"


# ------------------------------------------------------------------ files edited by hand
@pytest.mark.parametrize("mistake, line, shown", [
    ("  coach: 'Kim", 12, "coach: 'Kim"),    # a quote never closed: found at the end of file
    ("  coach ''", 12, "coach ''"),           # a missing colon: found on the next key
])
def test_a_hand_edit_mistake_is_named_at_its_own_line(path, mistake, line, shown):
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[line - 1] == "  coach: ''"
    path.write_text(text.replace("  coach: ''", mistake), encoding="utf-8")
    with pytest.raises(cw.WorkbookError) as err:
        cw.load(path)
    assert f"{path}: invalid YAML at line {line}, column " in str(err.value)
    assert f"(“{shown}”)" in str(err.value)


# ------------------------------------------------------------------ restore after many saves
def test_restore_form_tells_apart_many_saves_made_in_one_minute(path):
    s = ui.Session(path, today=TODAY)
    view = ui.strengths_form(s)
    for n in range(1, 6):
        view.fields["strengths"].widget.value = "\n".join(f"S{i}" for i in range(n))
        view.buttons["save"].click()
    form = ui.restore_form(s)
    labels = [label for label, _ in form.children[1].children[0].children[0].options]
    assert len(labels) == len(set(labels)) == len(store.history(path))  # none look alike
    assert labels[0].startswith("1 · ")  # the number `career-workbook undo --to N` takes
    info = text_of(form.children[2].value)
    assert "Compared with now: 1 strength fewer." in info  # what choosing it would undo


# ------------------------------------------------------------------ feedback files from Excel
def _upload(view, data: bytes, name: str = "fb.csv") -> None:
    from datetime import UTC, datetime

    view.children[1].children[0].value = ({
        "name": name, "type": "text/csv", "size": len(data), "content": memoryview(data),
        "last_modified": datetime(2026, 5, 3, tzinfo=UTC)},)


@pytest.fixture
def rated(path):
    with cw.edit(path) as wb:
        wb.skills.append(cw.Skill(name="SQL"))
    return path


ROWS = [["rater_group", "rater_id", "date", "skill", "level", "comment"],
        ["peer", "P1", "2026-01-09", "SQL", "3", "Très bien; clear"]]


@pytest.mark.parametrize("separator, encoding", [(";", "utf-8"), ("\t", "utf-16"),
                                                 (",", "utf-8-sig")])
def test_feedback_saved_by_excel_in_other_countries_imports(rated, separator, encoding):
    # Excel writes "a;b;c" where the decimal mark is a comma, and UTF-16 with tabs for
    # "Unicode text": the header was read as one unknown column and the file refused.
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=separator).writerows(ROWS)  # as Excel quotes "a;b"
    data = out.getvalue().encode(encoding)
    view = ui.feedback_import(ui.Session(rated, today=TODAY))
    _upload(view, data)
    assert not view.buttons["save"].disabled, text_of(view.status.value)
    view.buttons["save"].click()
    feedback = cw.load(rated).feedback
    assert [(f.ratings, f.comment) for f in feedback] == [({"SQL": 3}, "Très bien; clear")]


def test_a_problem_in_the_first_row_names_the_row_once(rated):
    data = b"rater_group,rater_id,date,skill,level\npeer,P1,09/01/2026,SQL,3\n"
    view = ui.feedback_import(ui.Session(rated, today=TODAY))
    _upload(view, data)
    message = text_of(view.status.value)
    assert "row 2, column 'date' = '09/01/2026'" in message and "row 2: row 2" not in message


# ------------------------------------------------------------------ gaps never rated
def _rated_sql_aiming_at_a_role(path: Path) -> None:
    with cw.edit(path) as wb:
        wb.person.target_role = "Senior Data Scientist"
        wb.role_profile = "senior_data_scientist"  # picked in 05
        wb.skills.append(cw.Skill(name="SQL", importance=4, target_level=4))
        wb.assessments.append(cw.Assessment(date=date(2026, 11, 20), ratings={"SQL": 1}))


def test_learning_suggestions_put_a_measured_gap_before_skills_never_rated(path):
    # Issue 11 item 4 on the half-filled path: "Plan learning for gaps" listed four skills
    # the person never rated as "now not rated, target 5 (gap 5)" above SQL at 1 of 4.
    _rated_sql_aiming_at_a_role(path)
    view = ui.learning_suggestions(ui.Session(path, today=TODAY, notebook="05_skill_gap"))
    rows = [text_of(c.children[0].value) for c in view.children[1:]
            if hasattr(c, "children") and c.children and hasattr(c.children[0], "value")]
    assert rows[0] == "SQL — now 1, target 4 (gap 3)"
    unrated = [r for r in rows[1:] if "not rated" in r]  # a prompt to rate, if listed at all
    assert all("gap" not in r.split("—")[1].replace("the gap", "") for r in unrated)
    assert all("rate it in notebook 01" in r for r in unrated)


def test_learning_suggestions_count_the_ratings_of_the_notebooks_day_as_its_charts_do(path):
    # Step 05's "Plan learning for gaps" counted a rating dated after the notebook's day
    # (a coach reviewing as of an earlier date) while the skill-gap charts beside it did not.
    _rated_sql_aiming_at_a_role(path)
    with cw.edit(path) as wb:
        wb.assessments.append(cw.Assessment(date=date(2026, 12, 1), ratings={"SQL": 3}))
    view = ui.learning_suggestions(ui.Session(path, today=TODAY, notebook="05_skill_gap"))
    rows = [text_of(c.children[0].value) for c in view.children[1:]
            if hasattr(c, "children") and c.children and hasattr(c.children[0], "value")]
    assert rows[0] == "SQL — now 1, target 4 (gap 3)"  # 20 Nov's rating: 1 Dec's is to come


def test_learning_suggestions_on_a_new_workbook_do_not_congratulate(path):
    view = ui.learning_suggestions(ui.Session(path, today=TODAY, notebook="05_skill_gap"))
    shown = text_of(view.children[1].value)
    assert "✓" not in shown and "No gaps to plan for yet" in shown and "notebook 01" in shown


def test_validate_of_a_mistyped_file_name_speaks_to_a_person(tmp_path, capsys):
    from career_workbook.cli import main

    code = main(["validate", str(tmp_path / "priya_sharme.yaml")])
    out = capsys.readouterr()
    text = out.out + out.err
    assert code == 1 and "no workbook at this path; check the file name" in text
    assert "store.new()" not in text and "career-workbook new" in text


@pytest.mark.parametrize("before, after, expected", [
    ("  start_date: 2026-11-01", "  start_date: 2027-13-01",
     "person.start_date = '2027-13-01': Input should be a valid date; there is no month 13; "
     "use YYYY-MM-DD, e.g. 2026-06-30 (line 13)"),
    ("  coach: ''", "  coach: no",
     "person.coach = False: Input should be a valid string; YAML reads a bare no as "
     "false: write it in quotes, coach: 'no' (line 12)"),
])
def test_a_field_wrong_in_a_hand_edited_file_is_named_with_its_line(path, capsys, before,
                                                                    after, expected):
    from career_workbook.cli import main

    path.write_text(path.read_text(encoding="utf-8").replace(before, after), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert f"  - {expected}" in capsys.readouterr().out
    session = ui.Session(path, today=TODAY)
    assert session.workbook is None and expected in session.error
    assert expected in text_of(header_html(session))
    form = ui.strengths_form(session)
    assert "save" not in form.buttons and "at the top of this page" in form.children[1].value


# ------------------------------------------------------------------ answers nobody gave
def test_a_check_in_records_only_the_answers_the_person_gave(path):
    # A first check-in with only a note saved "motivation 6, confidence 6, 0 % done" for
    # every goal: values the form had made up, which then drew a motivation chart and a
    # stalled-progress forecast.
    with cw.edit(path) as wb:
        wb.goals += [cw.Goal(id="g1", text="Pass the SQL exam by 30 June 2027", status="active"),
                     cw.Goal(id="g2", text="Lead one project review by May 2027",
                             status="active")]
    view = ui.check_in_form(ui.Session(path, today=TODAY))
    assert "Move the slider to record it" in view.fields["motivation"].box.children[1].value
    view.fields["note"].widget.value = "Busy month, little time"
    view.fields["progress.g2"].widget.value = 30
    view.buttons["save"].click()
    first = cw.load(path).check_ins[-1]
    assert (first.motivation, first.confidence, first.progress) == (None, None, {"g2": 30})
    assert first.note == "Busy month, little time"
    view = ui.check_in_form(ui.Session(path, today=TODAY))
    view.fields["motivation"].widget.value = 8
    view.fields["progress.g1"].widget.value = 10
    view.buttons["save"].click()
    second = cw.load(path).check_ins[-1]  # g2's 30 % shown again and left: given again
    assert (second.motivation, second.confidence) == (8, None)
    assert second.progress == {"g1": 10, "g2": 30}


def test_saving_the_interests_form_untouched_invents_no_scores(path):
    view = ui.interests_form(ui.Session(path, today=TODAY))
    view.buttons["save"].click()
    assert cw.load(path).interests is None  # not six scores of 0 nobody gave
    assert "nothing entered yet" in text_of(view.status.value)
    view.fields["social"].widget.value = "31"
    view.buttons["save"].click()
    interests = cw.load(path).interests
    assert interests is not None and interests.social == 31


def test_the_workspace_readme_says_how_to_undo_and_what_examples_holds(tmp_path):
    from career_workbook.scaffold import init_workspace

    init_workspace(tmp_path / "ws")
    readme = (tmp_path / "ws" / "README.md").read_text(encoding="utf-8")
    assert "career-workbook undo workbooks/my_workbook.yaml" in readme
    assert "Restore an earlier version" in readme and "`examples/`" in readme
    assert (tmp_path / "ws" / "examples").is_dir()


def test_a_misspelt_section_is_named_at_its_key_with_a_suggestion(path, capsys):
    from career_workbook.cli import main

    text = path.read_text(encoding="utf-8")
    line = text.splitlines().index("strengths: []") + 1
    path.write_text(text.replace("strengths: []", "strenghts:\n- Listening"), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert (f"strenghts: Extra inputs are not permitted (line {line}; did you mean strengths?)"
            in capsys.readouterr().out)


def test_a_broken_file_points_to_the_restore_form_only_when_there_is_something_to_restore(
        path):
    broken = path.read_text(encoding="utf-8").replace("start_date: 2026-11-01",
                                                      "start_date: 2027-13-01")
    path.write_text(broken, encoding="utf-8")  # written by hand: no earlier version kept
    message = ui.Session(path, today=TODAY, notebook="04_smart_goals").unavailable_message()
    assert "Restore an earlier version" not in message and "coach" not in message
    path.unlink()
    store.new(path, "Sam Lee")
    with cw.edit(path) as wb:
        wb.strengths.append("Listening")
    path.write_text(broken, encoding="utf-8")
    message = ui.Session(path, today=TODAY, notebook="04_smart_goals").unavailable_message()
    assert "“Restore an earlier version” in notebook 00 (Start here)" in message
    message = ui.Session(path, today=TODAY, notebook="00_start_here").unavailable_message()
    assert "“Restore an earlier version” in this notebook" in message


# ------------------------------------------------------------------ ui.start stays a function
def test_no_widgets_submodule_shadows_a_name_notebooks_call():
    # importing career_workbook.widgets.start (the app's start page) replaced the function
    # ``ui.start`` on the package with that module: "TypeError: 'module' object is not
    # callable" in the first cell of every notebook of the same kernel
    import importlib
    import pkgutil

    from career_workbook import widgets

    for module in pkgutil.iter_modules(widgets.__path__):
        importlib.import_module(f"career_workbook.widgets.{module.name}")
        assert module.name not in widgets.__all__, module.name
    assert callable(ui.start) and callable(widgets.start)


# --------------------------------------------- text the chart font has no glyph for
def test_charts_of_text_the_font_lacks_show_no_warning_to_the_person():
    # A goal or a client's name in Chinese, Arabic or with an emoji: notebooks 04 and 06,
    # the coach overview and `career-workbook cohort` printed matplotlib's "UserWarning:
    # Glyph 26446 (CJK UNIFIED IDEOGRAPH-674E) missing from font(s) DejaVu Sans" with a
    # path into site-packages (the subtitle is measured while the chart is built).
    import warnings

    import pandas as pd

    from career_workbook import charts, export, figures

    wb = cw.new_workbook("Zoë 李", today=date(2026, 1, 1))
    wb.skills.append(cw.Skill(name="数据分析 🚀"))
    wb.assessments.append(cw.Assessment(date=date(2026, 1, 2), ratings={"数据分析 🚀": 2}))
    wb.goals.append(cw.Goal(id="g1", text="成为世界 🚀 مرحبا by 2027", created=date(2026, 1, 1),
                            deadline=date(2027, 1, 1), status="active"))
    wb.actions.append(cw.Action(text="学习 🚀", goal_id="g1", due=date(2026, 3, 1)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figs = figures.make_figures(wb, today=date(2026, 2, 1))
        figs["cohort"] = charts.plot_cohort_recency(pd.Series({"李 🚀": 40.0, "Ann": 3.0}))
        pngs = [export.figure_png(fig) for fig in figs.values()]  # as a notebook shows them
    assert all(png.startswith(b"\x89PNG") for png in pngs)
    assert not any(charts.is_placeholder(figs[s]) for s in ("smart_scorecard", "goal_timeline"))


# --------------------------------------------------- a posting copied from a web page
def test_a_posting_with_soft_hyphens_and_zero_width_spaces_still_matches():
    # Copied from a hyphenated web page or a PDF: "Py\u00adthon" (soft hyphen) and
    # "S\u200bQL" (zero-width space) look like Python and SQL but matched nothing, and
    # the stray letters suggested an unrelated skill.
    wb = cw.new_workbook("Sam", today=date(2026, 1, 1))
    vocab = {"SQL": [], "Python": [], "Stakeholder Management": []}
    fit = cw.fit_to_posting(wb, "You know Py\u00adthon, S\u200bQL and stake\u00adholder "
                                "man\u00adage\u00adment.\ufeff", catalog=vocab)
    assert set(fit.matches) == {"SQL", "Python", "Stakeholder Management"}
    assert fit.matches["Python"] == ("Python",)  # the words shown, as the person reads them


# ------------------------------------------------------------- a radar of 40 skills
def test_a_radar_of_forty_skills_keeps_its_names_readable():
    # 40 skills of up to 30 characters drew 40 spokes whose names lay on top of each
    # other (unreadable); the radar now shows the 16 that matter most and says so.
    import itertools

    import pandas as pd

    from career_workbook import charts, export

    stems = ["Stakeholder management expert", "Data analysis and visualisat",
             "Kubernetes orchestration pro", "Supercalifragilisticexpialidoc", "SQL"]
    n = 40
    df = pd.DataFrame({"skill": [f"{stems[i % 5]} {i}" for i in range(n)],
                       "current": [float(i % 6) for i in range(n)], "target": [4.0] * n,
                       "importance": [1 + i % 5 for i in range(n)]})
    df.loc[37, ["current", "target", "importance"]] = [0.0, 5.0, 5]  # the biggest gap, near the end
    fig = charts.plot_skill_radar(df)
    export.figure_png(fig)  # laid out and drawn as a notebook shows it
    ax = fig.axes[0]
    labels = [t for t in ax.texts if t.get_text().strip()]
    assert len(labels) == 16
    assert any("37" in t.get_text() for t in labels)  # the headline's skill is on it
    assert fig.get_suptitle() == "Biggest gap: Kubernetes orchestration pro 37"
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in labels]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), "two skill names overlap"
    assert "the 16 most important of your 40 skills" in fig.legends[0].get_title().get_text()


# ------------------------------------------------ ratings a day apart: no clock times
@pytest.mark.parametrize("slug", ["readiness", "wellbeing", "learning_hours"])
def test_charts_of_yesterday_and_today_tick_days_not_hours(slug):
    # Rated yesterday and again today (or learning logged yesterday, seen today): the
    # x axis read "Mar-01, 06:00, 12:00, 18:00, Mar-02", clock times on a chart of days.
    from career_workbook import export, figures

    wb = cw.new_workbook("Sam", today=date(2026, 1, 1))
    wb.skills += [cw.Skill(name="SQL"), cw.Skill(name="Python"), cw.Skill(name="Excel")]
    for day, level in ((1, 2), (2, 3)):
        wb.assessments.append(cw.Assessment(date=date(2026, 3, day), ratings={
            "SQL": level, "Python": 1, "Excel": 3}))
        wb.check_ins.append(cw.CheckIn(date=date(2026, 3, day), motivation=6 + day,
                                       confidence=4 + day))
    wb.learning.append(cw.LearningItem(title="SQL course", skill="SQL", hours=12,
                                       status="done", completed_on=date(2026, 3, 1)))
    fig = figures.make_figure(wb, slug, today=date(2026, 3, 2))
    export.figure_png(fig)  # laid out and drawn: the ticks are final
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks and not any(":" in t for t in ticks), ticks


# ---------------------------------- a skill or goal removed in another tab, then saved here
def test_rating_a_skill_removed_elsewhere_is_a_plain_conflict_with_reload(path):
    # Tab A rates "Public Speaking"; tab B (or the command line) removes that skill; A
    # saves. It said "Not saved: assessments[1].ratings = 'Public Speaking': is not one
    # of the workbook's skills" (a file path, no way forward) and offered no Reload.
    with cw.edit(path) as wb:
        wb.skills += [cw.Skill(name="SQL"), cw.Skill(name="Public Speaking")]
    view = ui.self_assessment_form(ui.Session(path, today=TODAY))
    with cw.edit(path) as wb:
        wb.skills = [s for s in wb.skills if s.name != "Public Speaking"]
    before = path.read_bytes()
    view.fields["ratings.Public Speaking"].widget.value = 3
    view.fields["ratings.SQL"].widget.value = 4
    view.buttons["save"].click()
    message = text_of(view.status.value)
    assert "“Public Speaking” is no longer in your list of skills" in message
    assert "changed elsewhere" in message and "Reload" in message
    assert "assessments[" not in message
    assert view.reload_button.layout.display != "none"
    assert path.read_bytes() == before
    view.reload_button.click()  # the form as the file is now: SQL only, and it saves
    assert "ratings.Public Speaking" not in view.fields
    view.fields["ratings.SQL"].widget.value = 4
    view.buttons["save"].click()
    assert cw.load(path).assessments[-1].ratings == {"SQL": 4}


def test_progress_on_a_goal_removed_elsewhere_is_a_plain_conflict(path):
    with cw.edit(path) as wb:
        wb.goals.append(cw.Goal(id="g1", text="Pass the SQL exam by June 2027"))
    view = ui.check_in_form(ui.Session(path, today=TODAY))
    with cw.edit(path) as wb:
        wb.goals = []
    view.fields["progress.g1"].widget.value = 50
    view.buttons["save"].click()
    message = text_of(view.status.value)
    assert "the goal “Pass the SQL exam by June 2027” is no longer in your workbook" in message
    assert "removed elsewhere" in message and "check_ins[" not in message
    assert cw.load(path).check_ins == []


# ------------------------------------------------------- an impossible `today` parameter
def test_an_impossible_today_says_why_not_how_to_write_it(path):
    # papermill -p today 2026-02-30: the header said "is not a date written YYYY-MM-DD
    # (such as 2026-11-22)", though it was written exactly so.
    session = ui.Session(path, today="2026-02-30")
    message = text_of(header_html(session))
    assert "30 February 2026 is not a date (February 2026 has 28 days)" in message
    assert "written YYYY-MM-DD" not in message and session.today == date.today()


# ------------------------------------------------------ a skill typed three times by hand
def test_validate_names_each_repeated_skill_once_where_it_is(tmp_path):
    # SQL listed three times (and "sql" once): `validate` named skills[4] twice and never
    # skills[2], so fixing the lines it named left a problem it had not shown.
    p = tmp_path / "dup.yaml"
    p.write_text("schema_version: 3\nperson:\n  name: Sam\nskills:\n- name: SQL\n- name: sql\n"
                 "- name: SQL\n- name: Python\n- name: SQL\n", encoding="utf-8")
    with pytest.raises(cw.WorkbookError) as err:
        cw.load(p)
    fields = [problem.field for problem in err.value.problems]
    assert fields == ["skills[1].name", "skills[2].name", "skills[4].name"]


# ---------------------------------------------------------------- a wheel of 25 values
def test_a_values_wheel_of_twenty_five_values_keeps_its_names_readable():
    # 25 values drew 25 wedges whose names overlapped at the bottom of the wheel.
    import itertools

    import pandas as pd

    from career_workbook import charts, export

    stems = ["Autonomy and independence at work", "Family", "Financial security",
             "Making an impact on society", "Work-life balance"]
    df = pd.DataFrame({"name": [f"{stems[i % 5]} {i}" for i in range(25)],
                       "importance": [1 + (i * 7) % 10 for i in range(25)]})
    fig = charts.plot_values_wheel(df)
    export.figure_png(fig)
    names = [t for t in fig.axes[0].texts if not t.get_text().strip().isdigit()]
    assert len(names) == 16
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in names]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), "two value names overlap"
    assert "your 16 most important of 25 values" in fig.legends[0].get_title().get_text()
    assert fig.get_suptitle().startswith("Top value")


# ---------------------------------------------- a contact last seen years ago (network)
def test_network_chart_with_a_contact_from_years_ago_stays_readable():
    # A contact last seen ten years ago: the x ticks 0, 30, 60, 90, 180, 365, 730 were
    # squeezed into one blot ("0306090") and "active: last 90 days" ran off the left edge.
    import itertools

    import pandas as pd

    from career_workbook import charts, export

    df = pd.DataFrame({"name": ["Ana", "Old classmate"], "relationship": ["mentor", "peer"],
                       "days_since": [10.0, 3700.0], "overdue": [False, True],
                       "strength": [4, 2]})
    fig = charts.plot_network(df)
    export.figure_png(fig)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    ticks = [t for t in ax.get_xticklabels() if t.get_text()]
    boxes = [t.get_window_extent(renderer) for t in ticks]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), [t.get_text() for t in ticks]
    assert "10 years" in [t.get_text() for t in ticks]
    band = next(t for t in ax.texts if t.get_text().startswith("active"))
    assert band.get_window_extent(renderer).x0 >= ax.get_window_extent(renderer).x0


# ------------------------------------------------------------- --today 2026-02-30 (CLI)
@pytest.mark.parametrize("command", [["run", "a.yaml", "--out", "x"],
                                     ["cohort", "ws", "--out", "c.csv"],
                                     ["pack", "--out", "x"], ["calendar", "a.yaml"]])
def test_an_impossible_today_on_the_command_line_says_why(capsys, command):
    # `--today 2026-02-30` said "'2026-02-30' is not a date; use YYYY-MM-DD", though it
    # was written so (`pack --since 2026-02-30` already said why).
    from career_workbook import cli

    with pytest.raises(SystemExit) as done:
        cli.main([*command, "--today", "2026-02-30"])
    err = capsys.readouterr().err
    assert done.value.code == 2
    assert "30 February 2026 is not a date (February 2026 has 28 days)" in err


# ---------------------------------------------- a posting in Chinese or Japanese (no spaces)
def test_latin_skill_words_inside_chinese_or_japanese_text_are_matched():
    # "需要SQL和Python经验。熟悉Kubernetes。" matched nothing: with no spaces, the whole
    # run of Chinese and Latin letters was read as one word.
    wb = cw.new_workbook("Sam", today=date(2026, 1, 1))
    vocab = {"SQL": [], "Python": [], "Containers and Orchestration": ["kubernetes"]}
    fit = cw.fit_to_posting(wb, "需要SQL和Python经验。熟悉Kubernetes。PythonとSQLの経験",
                            catalog=vocab)
    assert set(fit.matches) == set(vocab)
    assert fit.matches["SQL"][0] == "SQL"


# ------------------------------------------------- 360 feedback CSV with an impossible day
def test_feedback_csv_with_an_impossible_day_says_why():
    # A spreadsheet row dated 2026-02-30 was told it "must be a date written YYYY-MM-DD".
    from career_workbook.widgets.forms_feedback import check_feedback_csv

    found = check_feedback_csv("rater_group,rater_id,date,skill,level\n"
                               "manager,m1,2026-02-30,Python,4\n", ["Python"])
    (problem,) = found.problems
    assert problem.value == "2026-02-30"
    assert problem.message == ("30 February 2026 is not a date (February 2026 has 28 days); "
                               "e.g. 2026-02-28")


# ------------------------------------------------- LinkedIn import preview: "1 rows"
def test_contact_import_preview_counts_one_row_in_the_singular():
    from career_workbook.imports import parse_connections, plan_contacts, preview_lines

    parsed = parse_connections("First Name,Last Name,Connected On\nAnn,Lee,2026-11-01\n"
                               ",,2026-11-02\n", today=date(2026, 11, 22))
    first = preview_lines(parsed, plan_contacts([], parsed.rows))[0]
    assert first.endswith(": 1 row read; 1 new contact, 0 already in your network, "
                          "1 row could not be read."), first


# -------------------------------------------------- a check-in dated 2062 (typo for 2026)
def test_a_check_in_dated_years_ahead_is_asked_about_not_saved(path):
    # "2062-11-22" for 2026-11-22 was saved ("check-in of 2062-11-22 added"), then never
    # counted as the last check-in: the coach's week said "no check-in for 33 days".
    view = ui.check_in_form(ui.Session(path, today=TODAY))
    view.fields["date"].widget.value = "2062-11-22"
    view.buttons["save"].click()
    assert cw.load(path).check_ins == []
    message = text_of(view.fields["date"].message.value)
    assert "“Date” is 22 Nov 2062, after today (22 Nov 2026): a check-in records " \
           "something that has already happened" in message
    assert "Did you mean 2026?" in message
    view.fields["date"].widget.value = "2026-11-22"
    view.fields["wins"].widget.value = "Booked the exam"
    view.buttons["save"].click()
    assert [c.date for c in cw.load(path).check_ins] == [date(2026, 11, 22)]


# ------------------------------- an achievement or a finished course dated years ahead
def test_an_achievement_dated_years_ahead_is_asked_about_not_saved(path):
    # "2062-03-01" for 2026-03-01 was saved and sorted as the newest achievement for the
    # next 36 years: the review pack's "recent achievements" led with it.
    view = ui.achievements_form(ui.Session(path, today=TODAY))
    view.fields["date"].widget.value = "2062-03-01"
    view.fields["title"].value = "Launched the weekly demand forecast"
    view.buttons["save"].click()
    assert cw.load(path).achievements == []
    message = text_of(view.fields["date"].message.value)
    assert "“Date” is 1 Mar 2062, after today (22 Nov 2026): an achievement records " \
           "something that has already happened" in message
    assert "Did you mean 2026?" in message
    view.fields["date"].widget.value = "2026-03-01"
    view.buttons["save"].click()
    assert [a.date for a in cw.load(path).achievements] == [date(2026, 3, 1)]


def test_a_learning_item_completed_years_ahead_is_asked_about_a_planned_start_is_not(path):
    view = ui.learning_form(ui.Session(path, today=TODAY))
    view.fields["title"].value = "SQL for analysts"
    view.fields["started_on"].widget.value = "2027-01-10"  # a course planned for January
    view.fields["completed_on"].widget.value = "2062-11-20"
    view.buttons["save"].click()
    assert cw.load(path).learning == []
    message = text_of(view.fields["completed_on"].message.value)
    assert "“Completed on” is 20 Nov 2062, after today" in message
    assert "it records something that has already happened" in message
    assert "Did you mean 2026?" in message
    view.fields["completed_on"].widget.value = ""
    view.buttons["save"].click()
    [item] = cw.load(path).learning
    assert item.started_on == date(2027, 1, 10) and item.completed_on is None


# ------------------------------------------ a goal written after its deadline had passed
def _goal_set_after_its_deadline(path):
    """ "Pass the CFA Level I exam by March 2026", set in November 2026. The drafter no
    longer saves it (it asks for a new date); a file edited by hand, or saved by an older
    version, still can hold one, and the charts must draw it sensibly."""
    view = ui.goal_drafter(ui.Session(path, today=TODAY))
    view.fields["text"].value = "Pass the CFA Level I exam by March 2026"
    view.buttons["save"].click()
    assert cw.load(path).goals == []
    assert "31 Mar 2026 has already passed" in view.fields["deadline"].message.value
    with cw.edit(path) as wb:
        wb.goals.append(cw.Goal(text="Pass the CFA Level I exam by March 2026",
                                deadline=date(2026, 3, 31), status="active",
                                created=date.fromisoformat(TODAY)))


def test_a_goal_set_after_its_deadline_draws_no_falling_plan(path):
    # "Pass the CFA Level I exam by March 2026", written in November 2026: the progress
    # chart's plan line ran from 100% in March down to 0% in November.
    from career_workbook import figures

    _goal_set_after_its_deadline(path)
    wb = cw.load(path)
    assert wb.goals[0].deadline < wb.goals[0].created  # saved, with a hint to pick a date
    fig = figures.make_figure(wb, "progress", today=date(2026, 11, 22))
    for line in fig.axes[0].get_lines():
        if line.get_label() == "Expected":
            (x0, y0), (x1, y1) = line.get_xydata()[[0, -1]]
            assert (y1 - y0) * (x1 - x0) >= 0, "the plan falls"
    assert "overdue" in [t.get_text() for t in fig.axes[0].texts]


def test_a_goal_set_after_its_deadline_has_no_bar_on_the_timeline(path):
    # The goal timeline drew its bar from the deadline (March) to the day it was set
    # (November), under "From the day each goal was set to its deadline": it read as a
    # goal set in March. Now a mark on its deadline, and a note on when it was set.
    from career_workbook import figures

    _goal_set_after_its_deadline(path)
    fig = figures.make_figure(cw.load(path), "goal_timeline", today=date(2026, 11, 22))
    ax = fig.axes[0]
    assert not ax.patches  # no bar
    [note] = [t for t in ax.texts if "after its deadline" in t.get_text()]
    assert note.get_text().strip() == "set 22 Nov 2026, after its deadline"


# ------------------------------------------- "Fix that line" when there is no line to fix
@pytest.mark.parametrize("make, advice", [
    (lambda p: p.mkdir(), "Set `workbook` to your workbook's .yaml file"),
    (lambda p: p.write_text("", encoding="utf-8"), "Fix the file"),
    (lambda p: p.write_text("person: [\n", encoding="utf-8"), "Fix that line in the file"),
])
def test_an_unopenable_workbook_gets_advice_that_fits_it(tmp_path, make, advice):
    # A folder given as the workbook (or an empty file) was told "Fix that line in the
    # file", though there was no line to fix.
    p = tmp_path / "sam.yaml"
    make(p)
    message = text_of(header_html(ui.Session(p, today=TODAY, notebook="01_self_assessment")))
    assert f"{advice}, then run this notebook again" in message
    if "line" not in advice:
        assert "Fix that line" not in message


# ------------------------------------------------- a double click on "Add this ..."
def test_a_second_click_on_a_saved_self_assessment_adds_nothing_and_says_so(path):
    # Two identical snapshots; the second dated today by the form's refill, a date the
    # person never typed.
    with cw.edit(path) as wb:
        wb.skills += [cw.Skill(name="SQL"), cw.Skill(name="Python")]
    view = ui.self_assessment_form(ui.Session(path, today=TODAY))
    view.fields["date"].widget.value = "2026-11-20"
    view.fields["ratings.SQL"].widget.value = 3
    view.buttons["save"].click()
    view.buttons["save"].click()
    assert [(a.date, a.ratings) for a in cw.load(path).assessments] == [
        (date(2026, 11, 20), {"SQL": 3})]
    status = text_of(view.status.value)
    assert re.search(r"Already saved at \d\d:\d\d — change something to add another", status)
    view.fields["ratings.Python"].widget.value = 2  # an edit: the next click adds
    view.buttons["save"].click()
    assert len(cw.load(path).assessments) == 2 and "Saved at" in text_of(view.status.value)


@pytest.mark.parametrize("form, key, collection", [
    (ui.skills_form, "name", "skills"), (ui.values_form, "name", "values"),
    (ui.contacts_form, "name", "contacts"), (ui.achievements_form, "title", "achievements"),
    (ui.learning_form, "title", "learning"), (ui.actions_form, "text", "actions"),
    (ui.opportunities_form, "title", "opportunities"),
], ids=lambda x: getattr(x, "__name__", x if isinstance(x, str) else ""))
def test_every_add_form_adds_once_per_click_and_again_after_a_change(path, form, key,
                                                                     collection):
    view = form(ui.Session(path, today=TODAY))
    view.fields[key].widget.value = "First"
    view.buttons["save"].click()
    view.buttons["save"].click()  # the form is blank again: nothing new to add
    assert len(getattr(cw.load(path), collection)) == 1
    status = text_of(view.status.value)  # says what is blank, and that the last one is safe
    assert re.search(r"must not be blank \(the last one was saved at \d\d:\d\d\)", status)
    assert "Nothing was saved" not in status
    view.fields[key].widget.value = "Second"
    view.buttons["save"].click()
    assert len(getattr(cw.load(path), collection)) == 2


def test_a_second_click_on_a_saved_update_form_says_nothing_changed(path):
    view = ui.vision_form(ui.Session(path, today=TODAY))
    view.fields["short_term"].widget.value = "Lead one project"
    view.buttons["save"].click()
    before = path.read_bytes()
    view.buttons["save"].click()
    assert "nothing has changed since" in text_of(view.status.value)
    assert path.read_bytes() == before
    view.fields["short_term"].widget.value = "Lead two projects"
    view.buttons["save"].click()
    assert cw.load(path).vision.short_term == "Lead two projects"


def test_a_check_in_double_click_adds_one(path):
    view = ui.check_in_form(ui.Session(path, today=TODAY))
    view.fields["wins"].widget.value = "Booked the exam"
    view.buttons["save"].click()
    view.buttons["save"].click()
    assert [c.wins for c in cw.load(path).check_ins] == ["Booked the exam"]


def test_the_button_is_disabled_while_its_save_runs(path):
    session = ui.Session(path, today=TODAY)
    view = ui.values_form(session)
    seen = []
    save = session.save

    def slow_save(apply):
        seen.append(view.buttons["save"].disabled)
        return save(apply)

    session.save = slow_save
    button = view.buttons["save"]
    view.fields["name"].widget.value = "Autonomy"
    button.click()
    assert seen == [True] and not button.disabled
    assert [v.name for v in cw.load(path).values] == ["Autonomy"]


# ------------------------------------------- "2,5" in a number box read as 25 by the browser
def test_a_decimal_comma_in_a_whole_number_is_refused_not_read_as_ten_times_more(path):
    session = ui.Session(path, today=TODAY)
    vision = ui.vision_form(session)
    before = path.read_bytes()
    vision.fields["horizon_years"].widget.value = "2,5"
    vision.buttons["save"].click()
    message = text_of(vision.fields["horizon_years"].message.value)
    assert "“2,5” is not a whole number" in message and "e.g. 3" in message
    assert path.read_bytes() == before
    vision.fields["horizon_years"].widget.value = "12"
    vision.buttons["save"].click()
    assert cw.load(path).vision.horizon_years == 12
    interests = ui.interests_form(session)
    interests.fields["social"].widget.value = "2,5"
    interests.buttons["save"].click()
    assert "not a whole number" in text_of(interests.fields["social"].message.value)
    assert cw.load(path).interests is None


def test_no_form_uses_a_browser_number_box(path):
    import ipywidgets as widgets

    number_boxes = (widgets.IntText, widgets.FloatText, widgets.BoundedIntText,
                    widgets.BoundedFloatText)
    with cw.edit(path) as wb:
        wb.skills.append(cw.Skill(name="SQL"))
        wb.goals.append(cw.Goal(id="g1", text="Pass the SQL exam by June 2027"))
    session = ui.Session(path, today=TODAY)
    for form in (ui.vision_form, ui.interests_form, ui.learning_form, ui.skills_form,
                 ui.values_form, ui.check_in_form, ui.contacts_form, ui.goal_drafter,
                 ui.profile_form, ui.opportunities_form, ui.feedback_form):
        view = form(session)
        found = [k for k, f in view.fields.items() if isinstance(f.widget, number_boxes)]
        assert found == [], (form.__name__, found)


# ----------------------------------------------------------- an empty check-in
def test_a_check_in_with_nothing_in_it_is_refused(path):
    with cw.edit(path) as wb:
        wb.goals.append(cw.Goal(id="g1", text="Pass the SQL exam by June 2027",
                                status="active"))
    view = ui.check_in_form(ui.Session(path, today=TODAY))
    view.buttons["save"].click()  # untouched: the sliders' starting values are not answers
    assert cw.load(path).check_ins == []
    assert "Write or rate at least one thing" in text_of(view.status.value)
    view.fields["motivation"].widget.value = 7
    view.buttons["save"].click()
    assert [c.motivation for c in cw.load(path).check_ins] == [7]


# ------------------------------------------- "please fix the field marked ⚠" once it is fixed
def test_the_ask_to_fix_a_field_goes_once_it_is_fixed(tmp_path):
    view = ui.create_workbook_form(ui.Session(tmp_path / "me.yaml", today=TODAY))
    view.buttons["create"].click()
    assert "please fix the field marked" in text_of(view.status.value)
    view.fields["name"].widget.value = "Kim Park"
    assert not view.fields["name"].has_error and view.status.value == ""


def test_a_saved_status_stays_when_the_form_is_checked_again(path):
    view = ui.vision_form(ui.Session(path, today=TODAY))
    view.fields["short_term"].widget.value = "Lead one project"
    view.buttons["save"].click()
    view.fields["long_term"].widget.value = "Lead a team"  # checked live: no errors
    assert "Saved at" in text_of(view.status.value)


# ------------------------------------------------------ counts and repeated strengths
def test_one_skill_rated_is_said_in_the_singular(path):
    with cw.edit(path) as wb:
        wb.skills += [cw.Skill(name="SQL"), cw.Skill(name="Python")]
    view = ui.self_assessment_form(ui.Session(path, today=TODAY))
    view.fields["ratings.SQL"].widget.value = 3
    view.buttons["save"].click()
    assert "1 skill rated on 22 Nov 2026" in text_of(view.status.value)
    assert "You have 1 earlier self-assessment;" in view.children[1].value


def test_a_strength_differing_only_in_case_or_spaces_is_refused(path):
    view = ui.strengths_form(ui.Session(path, today=TODAY))
    before = path.read_bytes()
    view.fields["strengths"].widget.value = "Explaining data\nexplaining data \nListening"
    view.buttons["save"].click()
    message = text_of(view.fields["strengths"].message.value)
    assert "“explaining data” is already in the list as “Explaining data”" in message
    assert path.read_bytes() == before
    view.fields["strengths"].widget.value = "Explaining data\nListening"
    view.buttons["save"].click()
    assert cw.load(path).strengths == ["Explaining data", "Listening"]


def test_a_goal_due_the_day_it_was_set_is_seen_on_the_timeline(path):
    # a bar of no length: the goal had a row on the timeline and nothing in it
    from career_workbook import figures

    with cw.edit(path) as wb:
        day = date.fromisoformat(TODAY)
        wb.goals.append(cw.Goal(text="Send the report today", created=day, deadline=day))
    fig = figures.make_figure(cw.load(path), "goal_timeline", today=TODAY)
    ax = fig.axes[0]
    assert not ax.patches and [line.get_marker() for line in ax.lines][:1] == ["|"]
    assert [t.get_text().strip() for t in ax.texts] == ["due the day it was set", "today"]
