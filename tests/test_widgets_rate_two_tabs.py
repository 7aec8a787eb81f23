"""Notebook 01 in two tabs (two sessions on one file), and ratings dated after today.

Red-team walk E: a stale "Rate yourself" tab undid the other tab's rating without a word;
a rating dated in the future was taken and then started the form; two rewordings of the
same strength were both kept; a skill renamed in another tab was said "removed".
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis import skill_gap_frame
from career_workbook.model import Assessment, Skill
from tests.helpers.html_text import text_of

ROOT = Path(__file__).resolve().parents[1]
PRIYA = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
TODAY = "2026-12-06"


@pytest.fixture
def priya(tmp_path: Path) -> Path:
    path = tmp_path / "priya.yaml"
    shutil.copy(PRIYA, path)
    return path


@pytest.fixture
def sam(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills += [Skill(name="Budgeting"), Skill(name="Negotiation"),
                  Skill(name="Spanish", category="domain")]
    wb.assessments.append(Assessment(date=date(2026, 3, 2),
                                     ratings={"Budgeting": 2, "Negotiation": 3}))
    wb.weaknesses = ["Saying no", "Delegating", "Public speaking"]
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    return path


def tab(form, path: Path):
    return form(ui.Session(path, today=TODAY))


def status(view) -> str:
    return text_of(view.status.value)


def current(path: Path) -> dict[str, float]:
    """What the radar shows as "You now" today."""
    frame = skill_gap_frame(cw.load(path), today=date.fromisoformat(TODAY))
    return dict(zip(frame["skill"], frame["current"], strict=True))


# ------------------------------------------------------------------ 1: two tabs rate
def test_a_stale_tab_keeps_the_other_tabs_rating_in_one_snapshot_for_the_day(priya):
    p, q = tab(ui.self_assessment_form, priya), tab(ui.self_assessment_form, priya)
    assert (p.fields["ratings.Python"].value, p.fields["ratings.SQL"].value) == (4, 5)
    p.fields["ratings.Python"].value = 5
    p.buttons["save"].click()
    q.fields["ratings.SQL"].value = 1  # Q still shows Python 4
    q.buttons["save"].click()
    assert "Saved at" in status(q) and "kept from another tab: Python 5" in status(q)
    today = [a for a in cw.load(priya).assessments if a.date == date(2026, 12, 6)]
    assert len(today) == 1 and (today[0].ratings["Python"], today[0].ratings["SQL"]) == (5, 1)
    assert (current(priya)["Python"], current(priya)["SQL"]) == (5, 1)
    assert (q.fields["ratings.Python"].value, q.fields["ratings.SQL"].value) == (5, 1)


def test_both_tabs_rating_the_same_skill_differently_is_a_conflict(priya):
    p, q = tab(ui.self_assessment_form, priya), tab(ui.self_assessment_form, priya)
    p.fields["ratings.SQL"].value = 3
    p.buttons["save"].click()
    before = priya.read_bytes()
    q.fields["ratings.SQL"].value = 1
    q.fields["ratings.Coaching"].value = 4
    q.buttons["save"].click()
    assert priya.read_bytes() == before  # nothing written, nothing reverted
    text = status(q)
    assert "Not saved" in text and "“SQL” was changed to “3” in another window" in text
    assert "you changed it to “1”" in text and "Reload" in text
    assert "changed in another window" in text_of(q.fields["ratings.SQL"].message.value)
    assert q.reload_button.layout.display != "none"
    q.reload_button.click()
    assert q.fields["ratings.SQL"].value == 3


def test_the_same_rating_made_in_both_tabs_is_no_conflict(sam):
    p, q = tab(ui.self_assessment_form, sam), tab(ui.self_assessment_form, sam)
    p.fields["ratings.Spanish"].value = 2
    p.buttons["save"].click()
    q.fields["ratings.Spanish"].value = 2
    q.fields["ratings.Budgeting"].value = 4
    q.buttons["save"].click()
    assert "Saved at" in status(q)
    assert [(a.date, a.ratings) for a in cw.load(sam).assessments][1:] == [
        (date(2026, 12, 6), {"Budgeting": 4, "Negotiation": 3, "Spanish": 2})]


def test_a_rating_saved_elsewhere_for_an_earlier_day_is_not_undone_by_today(sam):
    # Another tab records Negotiation 5 for last week; this stale tab saves today with
    # Negotiation untouched (3): writing 3 today made 5 count for nothing.
    q = tab(ui.self_assessment_form, sam)  # the stale tab, opened first
    p = tab(ui.self_assessment_form, sam)
    p.fields["date"].value = date(2026, 11, 30)
    p.fields["ratings.Negotiation"].value = 5
    p.buttons["save"].click()
    q.fields["ratings.Budgeting"].value = 3
    q.buttons["save"].click()
    assert "kept from another tab: Negotiation 5" in status(q)
    assert current(sam)["Negotiation"] == 5 and current(sam)["Budgeting"] == 3


def test_saving_twice_on_one_day_in_one_tab_updates_that_days_snapshot(sam):
    view = tab(ui.self_assessment_form, sam)
    view.fields["ratings.Budgeting"].value = 3
    view.fields["note"].value = "After the course"
    view.buttons["save"].click()
    view.fields["ratings.Spanish"].value = 1
    view.fields["ratings.Negotiation"].value = 2
    view.fields["note"].value = "Quiet week"
    view.buttons["save"].click()
    assert "3 skills rated on 6 Dec 2026 (today's self-assessment updated)" in status(view)
    wb = cw.load(sam)
    assert [(a.date, a.ratings, a.note) for a in wb.assessments] == [
        (date(2026, 3, 2), {"Budgeting": 2, "Negotiation": 3}, ""),
        (date(2026, 12, 6), {"Budgeting": 3, "Negotiation": 2, "Spanish": 1},
         "After the course\nQuiet week")]
    view.fields["ratings.Spanish"].value = 2  # and the form keeps following the file
    view.buttons["save"].click()
    assert cw.load(sam).assessments[-1].ratings["Spanish"] == 2 and "Saved at" in status(view)


# ------------------------------------------------------------------ 2: dated after today
@pytest.mark.parametrize("typed, says", [
    ("2027-06-01", "“Date” is 1 Jun 2027, after today (6 Dec 2026): a self-assessment "
                   "records something that has already happened."),
    ("2062-12-01", "“Date” is 1 Dec 2062, after today (6 Dec 2026): a self-assessment "
                   "records something that has already happened. Did you mean 2026?"),
])
def test_a_self_assessment_dated_after_today_is_refused_beside_the_date(priya, typed, says):
    view = tab(ui.self_assessment_form, priya)
    before = priya.read_bytes()
    view.fields["date"].widget.value = typed
    view.fields["ratings.SQL"].value = 3
    view.buttons["save"].click()
    assert says in text_of(view.fields["date"].message.value)
    assert "Nothing was saved" in status(view) and priya.read_bytes() == before


def test_tomorrow_is_still_taken_for_time_zones(sam):
    view = tab(ui.self_assessment_form, sam)
    view.fields["date"].value = date(2026, 12, 7)
    view.fields["ratings.Spanish"].value = 1
    view.buttons["save"].click()
    assert "Saved at" in status(view)


def test_the_form_starts_from_the_latest_rating_up_to_today_as_the_radar_does(sam):
    with cw.edit(sam) as wb:  # a future-dated rating, written by hand or the CLI
        wb.assessments += [Assessment(date=date(2027, 6, 1), ratings={"Negotiation": 5}),
                           Assessment(date=date(2026, 12, 5), ratings={"Negotiation": 2})]
    view = tab(ui.self_assessment_form, sam)
    field = view.fields["ratings.Negotiation"]
    assert field.value == 2 == current(sam)["Negotiation"]
    assert "Last rated 5 Dec 2026." in text_of(field.help.value)
    view.fields["ratings.Spanish"].value = 1
    view.buttons["save"].click()  # untouched Negotiation: today's level, 2, not 5
    assert cw.load(sam).assessments[-1].ratings == {"Budgeting": 2, "Negotiation": 2,
                                                    "Spanish": 1}
    assert view.fields["ratings.Negotiation"].value == 2  # after the refill too


# ------------------------------------------------------------------ 3: strengths reworded
def test_one_line_reworded_differently_in_two_tabs_is_a_conflict(sam):
    a, b = tab(ui.strengths_form, sam), tab(ui.strengths_form, sam)
    a.fields["weaknesses"].value = "Saying no (A)\nDelegating\nPublic speaking"
    a.buttons["save"].click()
    before = sam.read_bytes()
    b.fields["weaknesses"].value = "Saying no (B)\nDelegating\nPublic speaking"
    b.buttons["save"].click()
    assert sam.read_bytes() == before
    text = status(b)
    assert "“Areas to develop”: “Saying no” was changed to “Saying no (A)” in another " \
           "window" in text and "you changed it to “Saying no (B)”" in text, text
    assert "changed in another window" in text_of(b.fields["weaknesses"].message.value)
    assert cw.load(sam).weaknesses == ["Saying no (A)", "Delegating", "Public speaking"]


def test_a_long_line_reworded_in_two_tabs_shows_where_they_differ(sam):
    long = "Presenting to senior people: I over-explain the method and bury the answer"
    with cw.edit(sam) as wb:
        wb.strengths = [long]
    a, b = tab(ui.strengths_form, sam), tab(ui.strengths_form, sam)
    a.fields["strengths"].value = long + " (first)"
    a.buttons["save"].click()
    b.fields["strengths"].value = long + " (second)"
    b.buttons["save"].click()
    text = status(b)
    assert "“…bury the answer” was changed to “…bury the answer (first)”" in text, text
    assert "you changed it to “…bury the answer (second)”" in text


def test_different_lines_reworded_added_and_removed_in_two_tabs_still_merge(sam):
    a, b = tab(ui.strengths_form, sam), tab(ui.strengths_form, sam)
    a.fields["weaknesses"].value = "Saying no to ad-hoc requests\nDelegating\nPublic speaking"
    a.buttons["save"].click()
    b.fields["weaknesses"].value = "Saying no\nDelegating well\nTime boxing"
    b.buttons["save"].click()
    assert "Saved at" in status(b)
    assert cw.load(sam).weaknesses == ["Saying no to ad-hoc requests", "Delegating well",
                                       "Time boxing"]


# ------------------------------------------------------------------ 4: renamed elsewhere
def test_a_skill_renamed_in_another_tab_is_said_renamed_with_its_new_name(sam):
    rate = tab(ui.self_assessment_form, sam)
    skills = tab(ui.skills_form, sam)
    skills.chooser.value = "1"
    skills.fields["name"].value = "Negotiating deals"
    skills.buttons["save"].click()
    before = sam.read_bytes()
    rate.fields["ratings.Negotiation"].value = 4
    rate.buttons["save"].click()
    text = status(rate)
    assert "“Negotiation” was renamed to “Negotiating deals” elsewhere" in text, text
    assert "removed" not in text and "Reload" in text and sam.read_bytes() == before
    rate.reload_button.click()
    assert rate.fields["ratings.Negotiating deals"].value == 3


def test_a_skill_gone_without_a_known_new_name_is_said_neutrally(sam):
    rate = tab(ui.self_assessment_form, sam)
    with cw.edit(sam) as wb:  # Spanish (never rated) replaced; another skill added first
        wb.skills = [Skill(name="French"), *[s for s in wb.skills if s.name != "Spanish"]]
    rate.fields["ratings.Spanish"].value = 2
    rate.buttons["save"].click()
    text = status(rate)
    assert "“Spanish” is no longer in your list of skills: changed elsewhere" in text, text
    assert "renamed" not in text and "removed" not in text


def test_a_never_rated_skill_renamed_elsewhere_is_told_by_its_place(sam):
    rate = tab(ui.self_assessment_form, sam)
    skills = tab(ui.skills_form, sam)
    skills.chooser.value = "2"
    skills.fields["name"].value = "Business Spanish"
    skills.buttons["save"].click()
    rate.fields["ratings.Spanish"].value = 2
    rate.buttons["save"].click()
    assert "“Spanish” was renamed to “Business Spanish” elsewhere" in status(rate)


def test_a_skill_removed_and_another_added_in_its_place_is_not_called_renamed(sam):
    rate = tab(ui.self_assessment_form, sam)
    with cw.edit(sam) as wb:  # Spanish removed, a different skill added at the end
        wb.skills = [*wb.skills[:2], Skill(name="French", importance=5)]
    rate.fields["ratings.Spanish"].value = 2
    rate.buttons["save"].click()
    text = status(rate)
    assert "“Spanish” is no longer in your list of skills" in text and "renamed" not in text
