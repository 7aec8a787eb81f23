"""Red-team M, notebook 05 (target role): what a person met.

1. choosing a profile added its skills silently, and every one never rated counted as 0 in
   readiness (39% instead of 80% in the cohort): a skill not rated yet is left out now,
   the save says what was added, with Undo, and switching role offers to take back the
   previous role's skills never rated;
3. the pack cover's "Top skill gap" named a skill of the person's own, outside the chosen
   profile, while the gap chart said "No gap to the profile": one rule (``top_gap``);
6. "12 skills not rated yet" beside "Rate these 13 skills from the profile": one count;
13. a typo duplicate ("Pyhton" beside "Python") could only be removed, losing its ratings:
   renaming it to the kept one's name offers to merge.
"""

from __future__ import annotations

from datetime import date

import career_workbook as cw
from career_workbook import analysis, charts, figures
from career_workbook.model import Assessment, Skill, new_workbook
from career_workbook.wording import whole_percent
from tests.helpers.html_text import text_of

TODAY = date(2026, 11, 22)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _own_gap_beside_a_met_role(make_role):
    """Every rated skill of the profile met; the person's own Baking far below target."""
    role = make_role("Data Analyst", {"SQL": (4, 5), "Excel": (3, 3), "Dashboards": (3, 2)})
    wb = new_workbook("Ines", today=TODAY)
    wb.skills += [Skill(name="SQL", importance=3, target_level=4),
                  Skill(name="Excel", importance=3, target_level=3),
                  Skill(name="Baking", importance=5, target_level=5),
                  Skill(name="Chess", importance=4, target_level=4)]
    wb.assessments.append(Assessment(date=TODAY, ratings={"SQL": 4, "Excel": 3,
                                                          "Baking": 1}))
    return wb, role


# ------------------------------------------------------------------ 3. one top gap
def test_the_top_gap_is_the_profiles_on_the_cover_the_chart_and_the_cohort(make_role):
    from career_workbook.analysis.cohort import caseload_frame as cohort_frame
    from career_workbook.export.content import _headlines

    wb, role = _own_gap_beside_a_met_role(make_role)
    fig = figures.make_figure(wb, "skill_gaps", today=TODAY, role=role)
    said = _flat(fig.get_suptitle() or charts.placeholder_message(fig))
    assert said.startswith("No gap to the Data Analyst profile among the skills you rated")
    s = analysis.summary(wb, TODAY, role)
    assert s.top_gap_skill is None and analysis.top_gap(wb, role) is None
    card = {h.label: h for h in _headlines(s)}["Top skill gap"]
    assert (card.value, card.detail) == ("none yet", "among rated skills; 1 skill not rated yet")
    assert "Baking" not in str(cohort_frame([s]).loc[0, "top_gap"])
    # without a profile, Baking is the gap of their own targets, said the same everywhere
    fig = figures.make_figure(wb, "skill_gaps", today=TODAY)
    assert fig.get_suptitle() == "Biggest gap: Baking"
    assert analysis.summary(wb, TODAY).top_gap_skill == "Baking"


def test_equal_weighted_gaps_name_the_same_skill_in_the_chart_and_the_summary(make_role):
    role = make_role("Planner", {"Budgeting": (4, 2), "Forecasting": (4, 4)})
    wb = new_workbook("Tomás", today=TODAY)
    # Budgeting: gap 2 x importance 2 = 4; Forecasting: gap 1 x importance 4 = 4
    wb.assessments.append(Assessment(date=TODAY, ratings={"Budgeting": 2, "Forecasting": 3}))
    wb.skills += [Skill(name="Budgeting"), Skill(name="Forecasting")]
    top = analysis.top_gap(wb, role)
    assert top == analysis.summary(wb, TODAY, role).top_gap_skill == "Forecasting"
    fig = figures.make_figure(wb, "skill_gaps", today=TODAY, role=role)
    assert fig.get_suptitle() == f"Biggest gap to the Planner profile: {top}"


# ------------------------------------------------------------------ 6. one count
def test_not_rated_yet_is_one_count_in_readiness_gaps_next_actions_and_cover(make_role):
    from career_workbook.analysis.next_actions import next_actions_frame
    from career_workbook.export.content import _headlines

    role = make_role("Researcher", {"Statistics": (4, 5), "Writing": (4, 3),
                                    "Python": (4, 4), "Teaching": (3, 2)})
    wb = new_workbook("Hal", today=TODAY)
    wb.skills += [Skill(name="Python", importance=4, target_level=4),
                  Skill(name="Communication", importance=3, target_level=4)]
    wb.assessments.append(Assessment(date=TODAY, ratings={"Python": 2}))
    assert analysis.unrated_in_readiness(wb, role) == ["Statistics", "Writing", "Teaching"]
    figs = figures.make_figures(wb, today=TODAY, role=role,
                                slugs=["skill_gaps", "readiness"])
    assert "3 skills not rated yet" in _flat(figs["readiness"].get_suptitle())
    note = _flat(figs["skill_gaps"].axes[0].get_title(loc="left"))
    assert "; 3 skills not rated yet: rate to see the gap" in note
    assert "1 skill of your own outside the Researcher profile not rated yet" in note
    actions = next_actions_frame(wb, TODAY, role=role)
    said = " ".join(actions["reason"])
    assert "Rate these 3 skills from the Researcher profile" in said
    assert "and your own Communication" in said
    s = analysis.summary(wb, TODAY, role)
    assert s.readiness_unrated == 3
    card = {h.label: h for h in _headlines(s)}["Readiness"]
    assert card.detail == "3 skills not rated yet, left out"


# ------------------------------------------------------------------ 1. never a 0
def test_skills_added_from_a_role_and_never_rated_never_lower_readiness(make_role):
    from career_workbook.analysis.cohort import caseload_frame as cohort_frame
    from career_workbook.widgets.forms_plan import add_role_skills

    wb, role = _own_gap_beside_a_met_role(make_role)
    wb.skills = [s for s in wb.skills if s.name != "Chess"]
    before = [analysis.readiness(wb, r) for r in (None, role)]
    other = make_role("Product Manager", {"Roadmapping": (4, 5), "Storytelling": (4, 4),
                                          "Facilitation": (3, 3)})
    assert add_role_skills(wb, other) == ["Roadmapping", "Storytelling", "Facilitation"]
    assert [analysis.readiness(wb, r) for r in (None, role)] == before
    rows = cohort_frame([analysis.summary(wb, TODAY), analysis.summary(wb, TODAY, role)],
                        clients=["a", "b"])
    assert rows["readiness"].tolist() == [whole_percent(v) for v in before]
    assert analysis.summary(wb, TODAY).readiness_unrated == 3
    assert analysis.summary(wb, TODAY, other).readiness is None  # nothing of it rated


# ------------------------------------------------------------------ 1. the form
def _picked(view, role_id):
    view.fields["role_profile"].value = role_id
    view.buttons["save"].click()
    return _flat(text_of(view.status.value))


def test_choosing_a_role_names_the_skills_it_adds_and_undo_takes_them_back(path):
    from career_workbook import widgets as ui
    from career_workbook.catalog import load_catalog

    cat = load_catalog()
    with cw.edit(path) as wb:
        wb.skills += [Skill(name="SQL", importance=4, target_level=4),
                      Skill(name="Gardening", importance=2, target_level=3)]
        wb.assessments.append(Assessment(date=TODAY, ratings={"SQL": 3, "Gardening": 3}))
    view = ui.role_picker(ui.Session(path, today=TODAY))
    said = _picked(view, "data_analyst")
    added = [n for n in cat.roles["data_analyst"].skills if n != "SQL"]
    assert f"added {len(added)} skills of Data Analyst to rate in notebook 01: " in said
    assert all(n in said for n in added[:8])
    assert cw.load(path).skill_names() == ["SQL", "Gardening", *added]
    assert view.undo_button.layout.display is None
    view.undo_button.click()
    assert (f"back to your own targets; took out the {len(added)} skills added"
            in _flat(text_of(view.status.value)))
    back = cw.load(path)
    assert back.skill_names() == ["SQL", "Gardening"] and back.role_profile is None


def test_switching_role_offers_to_remove_the_previous_roles_skills_never_rated(path):
    from career_workbook import widgets as ui
    from career_workbook.catalog import load_catalog

    cat = load_catalog()
    view = ui.role_picker(ui.Session(path, today=TODAY))
    _picked(view, "data_analyst")
    analyst = list(cat.roles["data_analyst"].skills)
    rated, used = analyst[0], analyst[1]
    with cw.edit(path) as wb:  # the person rated one and planned learning for another
        wb.assessments.append(Assessment(date=TODAY, ratings={rated: 2}))
        from career_workbook.model import LearningItem
        wb.learning.append(LearningItem(title="A course", skill=used))
    view = ui.role_picker(ui.Session(path, today=TODAY))
    view.fields["role_profile"].value = "product_manager"
    pm = cat.roles["product_manager"].skills
    never = [n for n in analyst[2:] if n not in pm]
    assert view.fields["remove_unrated"].box.layout.display is None  # offered, ticked
    assert view.fields["remove_unrated"].value is True
    note = _flat(" ".join(text_of(w.value) for w in view.children
                          if isinstance(getattr(w, "value", None), str)))
    assert f"Data Analyst added {len(never)} skill" in note
    said = _picked(view, "product_manager")
    assert f"removed {len(never)} skill" in said and "Data Analyst had added" in said
    names = cw.load(path).skill_names()
    assert rated in names and used in names  # rated or used: the person's now
    assert not set(never) & set(names)
    assert cw.load(path).role_profile == "product_manager"
    view.undo_button.click()
    back = cw.load(path)
    assert back.role_profile == "data_analyst" and set(analyst) <= set(back.skill_names())
    assert not set(pm) - set(analyst) & set(back.skill_names())


def test_the_row_to_remove_skills_never_rated_is_made_only_when_a_switch_offers_it(path):
    """Hidden, the row still cost the page 7 widget models on every Run All of 05; it is
    made when a switch first offers it, and then hidden and shown as before."""
    from career_workbook import widgets as ui
    from career_workbook.widgets import quiet

    _picked(ui.role_picker(ui.Session(path, today=TODAY)), "data_analyst")
    view = ui.role_picker(ui.Session(path, today=TODAY))

    def labels() -> list[str]:
        return [getattr(w, "description", "") for w in quiet.widget_tree([view])]

    assert "remove_unrated" not in view.fields
    assert "Remove its skills never rated" not in labels()
    view.fields["role_profile"].value = "product_manager"  # leaves skills never rated
    row = view.fields["remove_unrated"]
    assert "Remove its skills never rated" in labels() and row.box.layout.display is None
    assert list(view.children).index(row.box) == list(view.children).index(
        view.fields["add_skills"].box) + 1  # where it always was: under "Add its skills"
    view.fields["role_profile"].value = "data_analyst"  # back: nothing to remove
    assert row.box.layout.display == "none" and view.fields["remove_unrated"] is row
    before = cw.load(path).skill_names()
    _picked(view, "data_analyst")  # the row hidden (though ticked) removes nothing
    assert cw.load(path).skill_names() == before


# ------------------------------------------------------------------ 13. typo duplicate
def test_renaming_a_typo_duplicate_to_a_tracked_name_offers_to_merge_with_undo(path):
    from career_workbook import widgets as ui
    from career_workbook.model import Feedback, Goal, LearningItem

    with cw.edit(path) as wb:
        wb.skills += [Skill(name="Python", importance=5, target_level=5),
                      Skill(name="Pyhton", importance=2, target_level=3)]
        wb.assessments += [Assessment(date=date(2026, 11, 1), ratings={"Pyhton": 2}),
                           Assessment(date=date(2026, 11, 8), ratings={"Pyhton": 2,
                                                                      "Python": 3})]
        wb.feedback.append(Feedback(rater_group="peer", rater_id="p1",
                                    date=date(2026, 11, 2), ratings={"Pyhton": 4}))
        wb.goals.append(Goal(text="Ship a Pyhton tool", skills=["Pyhton", "Python"]))
        wb.learning.append(LearningItem(title="Course", skill="Pyhton"))
    before = cw.load(path)
    view = ui.skills_form(ui.Session(path, today=TODAY))
    view.chooser.value = "1"  # Pyhton
    view.fields["name"].value = "python"
    view.buttons["save"].click()
    said = _flat(text_of(view.status.value))
    assert "You already track “Python”. Is “Pyhton” the same skill?" in said
    assert ("2 self-assessments, 1 feedback entry, 1 goal and 1 learning item move onto "
            "“Python”") in said
    assert cw.load(path).skill_names() == ["Python", "Pyhton"]  # nothing saved yet
    merge = next(w for w in view.children
                 if getattr(w, "description", "") == "Merge into “Python”")
    assert merge.layout.display is None  # shown with the question
    merge.click()
    said = _flat(text_of(view.status.value))
    assert "merged “Pyhton” into “Python”" in said
    assert "8 Nov 2026: “Pyhton” 2, “Python” 3 (kept 3)" in said
    wb = cw.load(path)
    assert wb.skill_names() == ["Python"]
    assert [a.ratings for a in wb.assessments] == [{"Python": 2}, {"Python": 3}]
    assert "“Pyhton” was rated 2 that day" in wb.assessments[1].note
    assert wb.feedback[0].ratings == {"Python": 4} and wb.goals[0].skills == ["Python"]
    assert wb.learning[0].skill == "Python" and wb.skills[0].target_level == 5
    view.undo_button.click()
    assert "“Pyhton” is back, apart from “Python”" in _flat(text_of(view.status.value))
    assert cw.load(path).model_dump() == before.model_dump()


def test_whether_the_row_to_remove_skills_is_offered_is_the_forms_state_not_its_layout(
        path, monkeypatch):
    """role_picker read ``layout.display`` back as its state; the form keeps whether the
    row is offered (``view.state``), whatever the page does with the row's looks (fails
    before: no state, and a row hidden another way was still read as offered)."""
    from career_workbook import widgets as ui
    from career_workbook.widgets import quiet

    _picked(ui.role_picker(ui.Session(path, today=TODAY)), "data_analyst")
    # rows hidden by a class, not by their layout
    monkeypatch.setattr(quiet, "show", lambda widget, shown: (
        widget.remove_class if shown else widget.add_class)("cw-hidden"))
    view = ui.role_picker(ui.Session(path, today=TODAY))
    assert view.state["offer_remove"] is False
    view.fields["role_profile"].value = "product_manager"  # leaves skills never rated
    assert view.state["offer_remove"] is True
    view.fields["role_profile"].value = "data_analyst"  # back: nothing to remove
    assert view.state["offer_remove"] is False
    assert view.fields["remove_unrated"].box.layout.display is None  # the page's business
