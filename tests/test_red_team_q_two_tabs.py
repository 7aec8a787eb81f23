"""Red-team walk Q (two tabs on one workbook, notebooks 01, 05 and 10): what a person met.

1. A save refused because another tab changed the same choice named the file's codes, not
   what the form shows: "“Stage” was changed to “interviewing” ..., and you changed it to
   “not_now”", "“Target role profile” was changed to “senior_data_scientist”". A conflict
   now says the choice as its dropdown shows it ("Interviewing — in conversation", "Not
   now — maybe later", "Senior Data Scientist (Data)").
2. A skill renamed in another tab, then picked in a tab that still listed its old name,
   was said "removed elsewhere": the person thought it gone. It is now said renamed, with
   its new name, and chosen under it.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import Goal, Opportunity, Skill

TODAY = "2026-11-22"


def said(view) -> str:
    """The status line as a person reads it."""
    return html.unescape(re.sub(r"<[^>]+>", "", view.status.value))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills += [Skill(name="SQL"), Skill(name="Python"), Skill(name="Writing",
                                                                  category="soft")]
    wb.goals += [Goal(id="g-lead", text="Lead a data project by June 2027", status="active",
                      created=date(2026, 1, 5)),
                 Goal(id="g-talk", text="Give a talk at a meetup by May 2027",
                      status="active", created=date(2026, 1, 5))]
    wb.opportunities.append(Opportunity(id="o1", title="Lead the billing migration",
                                        kind="stretch", spotted=date(2026, 10, 1)))
    out = tmp_path / "sam.yaml"
    store.save(wb, out)
    return out


def two_tabs(form, path: Path):
    return form(ui.Session(path, today=TODAY)), form(ui.Session(path, today=TODAY))


def choose(view, text: str) -> None:
    view.chooser.value = next(v for label, v in view.chooser.options if text in label)


def test_a_stage_changed_in_both_tabs_is_said_as_the_dropdown_shows_it(path):
    a, b = two_tabs(ui.opportunities_form, path)
    choose(a, "billing"), choose(b, "billing")
    a.fields["stage"].value = "interviewing"
    a.buttons["save"].click()
    b.fields["stage"].value = "not_now"
    b.buttons["save"].click()
    text = said(b)
    shown = {v: label for label, v in b.fields["stage"].widget.options}
    assert "Not saved" in text
    assert f"“{shown['interviewing']}”" in text and f"“{shown['not_now']}”" in text, text
    assert "not_now" not in text and "“interviewing”" not in text, text
    assert cw.load(path).opportunities[0].stage == "interviewing"


def test_two_role_profiles_picked_in_two_tabs_are_said_by_their_titles(path):
    a, b = two_tabs(ui.role_picker, path)
    titles = {v: label for label, v in a.fields["role_profile"].widget.options if v}
    first, second = list(titles)[:2]
    a.fields["role_profile"].value = first
    a.buttons["save"].click()
    b.fields["role_profile"].value = second
    b.buttons["save"].click()
    text = said(b)
    assert "Not saved" in text, text
    assert f"“{titles[first]}”" in text and f"“{titles[second]}”" in text, text
    assert f"“{first}”" not in text and f"“{second}”" not in text, text


def test_a_skill_renamed_in_another_tab_is_said_renamed_and_chosen_by_its_new_name(path):
    a, b = two_tabs(ui.skills_form, path)
    choose(b, "Python")
    b.fields["name"].value = "Python 3"
    b.buttons["save"].click()
    assert "Saved at" in said(b)
    choose(a, "Python")  # this tab still lists "Python"
    text = said(a)
    assert "removed" not in text, text
    assert "“Python” was renamed to “Python 3”" in text, text
    assert a.fields["name"].value == "Python 3"
    a.fields["importance"].value = 5
    a.buttons["save"].click()
    assert "Saved at" in said(a), said(a)
    skills = {s.name: s.importance for s in cw.load(path).skills}
    assert skills == {"SQL": 3, "Python 3": 5, "Writing": 3}


def test_a_skill_removed_in_another_tab_is_still_said_removed(path):
    a, b = two_tabs(ui.skills_form, path)
    choose(b, "Writing")
    b.buttons["remove"].click()
    assert "Writing" not in cw.load(path).skill_names()
    choose(a, "Writing")
    assert "no longer in your workbook: it was removed elsewhere" in said(a), said(a)
    assert a.fields["name"].value == ""


def test_the_gap_chart_legend_never_hides_a_bar_label():
    """3. Six skills rated once, each one level below target (a first self-assessment):
    the bars are equally long, and the legend of their kinds, drawn in the lower right
    corner, covered the last bar's "3 → 4"."""
    import pandas as pd
    from helpers.text_layout import text_problems

    from career_workbook import charts

    gaps = pd.DataFrame({
        "skill": ["SQL", "Python", "Excel", "Data Viz", "Writing", "Stakeholder Management"],
        "category": ["technical"] * 5 + ["leadership"], "current": [3.0] * 6,
        "target": [4.0] * 6, "weighted_gap": [3.0] * 6})
    assert text_problems(charts.plot_skill_gaps(gaps)) == []


def test_a_pasted_bulleted_list_keeps_its_items_and_a_repeat_is_still_caught(path):
    """4. Strengths pasted from a document kept their bullets and numbers ("• Listening",
    "1. Writing clear docs"), and a bullet hid a repeat: "• Listening" and "listening"
    were both saved."""
    view = ui.strengths_form(ui.Session(path, today=TODAY))
    view.fields["strengths"].value = "• Listening\n- Calm under pressure\n  2) Writing docs\n"
    view.buttons["save"].click()
    assert "Saved at" in said(view), said(view)
    assert cw.load(path).strengths == ["Listening", "Calm under pressure", "Writing docs"]
    view.fields["strengths"].value = "• Listening\n* listening\n1.5x faster reviews"
    view.buttons["save"].click()
    assert "Nothing was saved" in said(view), said(view)
    assert "“listening” is already in the list as “Listening”" in \
        view.fields["strengths"].message.value


def _colleague(view, code: str, level: int, comment: str = "") -> None:
    view.fields["rater_id"].value = code
    view.fields["date"].value = "5 Nov 2026"
    view.fields["ratings.SQL"].value = level
    view.fields["comment"].value = comment


def test_a_stale_tab_never_replaces_feedback_saved_in_another(path):
    """5. Two tabs on 02: one saved a colleague's feedback (SQL 4, a comment); the other,
    filled before it, saved the same code and date with SQL 2 and replaced it, comment
    and all ("replaced the entry stored"): a form replaced an entry it never had."""
    a, b = two_tabs(ui.feedback_form, path)
    _colleague(a, "p9", 4, "Clear explanations in the weekly review")
    a.buttons["save"].click()
    assert "Saved at" in said(a), said(a)
    before = path.read_bytes()
    _colleague(b, "p9", 2)
    b.buttons["save"].click()
    text = said(b)
    assert "Not saved" in text and "p9 (peer, 5 Nov 2026)" in text, text
    assert "another window" in text and "Reload" in text, text
    assert path.read_bytes() == before
    b.reload()
    _colleague(b, "p9", 2)  # seen now: a correction, as the form's help says
    b.buttons["save"].click()
    assert "replaced the entry stored" in said(b), said(b)
    stored = [f for f in cw.load(path).feedback if f.rater_id == "p9"]
    assert [f.ratings for f in stored] == [{"SQL": 2}]


def test_an_import_previewed_before_another_tab_saved_never_replaces_that_entry(path):
    """6. The same through the CSV import: previewed as "1 feedback entry to add", then
    another tab saved that colleague's feedback, and "Add the previewed feedback" replaced
    it, comment and all."""
    imp = ui.feedback_import(ui.Session(path, today=TODAY))
    imp.fields["path"].value = "rater_group,rater_id,date,skill,level\npeer,p9,2026-11-05,SQL,2\n"
    imp.buttons["preview"].click()
    assert not imp.buttons["save"].disabled
    form = ui.feedback_form(ui.Session(path, today=TODAY))
    _colleague(form, "p9", 4, "Clear explanations in the weekly review")
    form.buttons["save"].click()
    before = path.read_bytes()
    imp.buttons["save"].click()
    text = said(imp)
    assert "Not saved" in text and "p9 (peer, 5 Nov 2026)" in text, text
    assert path.read_bytes() == before
