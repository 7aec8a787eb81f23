"""One target role (H9): the target role of Start here (00) and the profile of the skill gap
(05) never disagree in silence. A target role that names a catalog profile is what 05
compares with until the person picks something else there; 05 says which profile and why;
when the two differ, both notebooks say so in one sentence with how to make them agree;
neither field is ever changed to match the other."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis.steps import step_progress
from career_workbook.catalog import load_catalog, resolve_role
from career_workbook.model import Assessment, Skill
from tests.test_cli import run_main

TODAY = "2026-11-22"


@pytest.fixture(autouse=True)
def _shipped_catalog_only(monkeypatch):
    monkeypatch.delenv("CAREER_WORKBOOK_CATALOG", raising=False)


def _text(widget) -> str:
    """Every text the widget shows (HTML without tags), one space between parts."""
    found = []

    def walk(w):
        value = getattr(w, "value", None)
        if isinstance(value, str) and type(w).__name__ == "HTML":
            found.append(html.unescape(re.sub(r"<[^>]+>", " ", value)))
        for child in getattr(w, "children", ()):
            walk(child)

    walk(widget)
    return " ".join(" ".join(found).split())


def _person(tmp_path: Path, target: str, profile: str | None = None) -> Path:
    path = tmp_path / "kim.yaml"
    store.new(path, "Kim Ode", target_role=target, today=date(2026, 1, 5))
    with store.edit(path) as wb:
        wb.role_profile = profile
        wb.skills.append(Skill(name="Python", importance=3, target_level=2))
        wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"Python": 2}))
    return path


def _session(path: Path) -> ui.Session:
    return ui.Session(path, today=TODAY)


@pytest.mark.parametrize(("typed", "role_id"), [
    ("  cloud   ENGINEER ", "cloud_engineer"),  # capitals and extra spaces aside
    ("Team lead", "team_lead"),
    ("hr business partner", "hr_business_partner"),
    ("ux_designer", "ux_designer"),  # the id names it too
    ("Data Scientist", None),  # an alias: only offered, never applied
    ("Cloud Engineer at Acme", None),  # more words: only offered
    ("", None),
])
def test_a_target_role_names_a_profile_by_its_title(typed, role_id):
    from career_workbook.catalog import role_named

    found = role_named(typed, load_catalog())
    assert (found.id if found is not None else None) == role_id


def test_05_compares_with_the_profile_the_target_role_names_and_says_why(tmp_path):
    path = _person(tmp_path, "Cloud  engineer")
    session = _session(path)
    view = ui.role_picker(session)
    assert "Charts now compare you with: Cloud Engineer (from your target role in Start " \
           "here)." in _text(view)
    assert view.fields["role_profile"].value == "cloud_engineer"
    assert session.role.id == "cloud_engineer"
    gaps = cw.analysis.skill_gap_frame(session.workbook, session.role)
    assert "Python" in set(gaps["skill"]) and gaps["role_target"].notna().any()
    assert "⚠" not in _text(view)  # they agree: nothing to warn about
    assert "Notebook 05 compares you with the catalog’s “Cloud Engineer” profile, the one " \
           "this target role names." in _text(ui.profile_form(session))
    assert store.load(path).role_profile is None  # nothing written by looking


def test_a_profile_picked_in_05_wins_and_both_notebooks_say_they_differ(tmp_path):
    path = _person(tmp_path, "Teacher")
    view = ui.role_picker(_session(path))
    view.fields["role_profile"].value = "team_lead"
    view.fields["add_skills"].value = False
    view.buttons["save"].click()
    wb = store.load(path)
    assert (wb.role_profile, wb.person.target_role) == ("team_lead", "Teacher")  # no overwrite
    assert "Charts now compare you with: Team Lead (chosen here). ⚠ Your target role in " \
           "Start here is “Teacher”, but you chose the “Team Lead” profile here: to make " \
           "them agree, pick “Teacher” above, or change your target role in Start here to " \
           "“Team Lead”." in _text(view)
    start = ui.profile_form(_session(path))
    assert "⚠ Notebook 05 compares you with the “Team Lead” profile (chosen there), not " \
           "“Teacher”, your target role here: to make them agree, change the target role " \
           "here to “Team Lead”, or pick “Teacher” in notebook 05." in _text(start)
    assert _session(path).role.id == "team_lead"


def test_own_targets_chosen_in_05_stay_and_both_notebooks_say_so(tmp_path):
    path = _person(tmp_path, "Data Engineer")
    view = ui.role_picker(_session(path))
    assert view.fields["role_profile"].value == "data_engineer"  # from the target role
    view.fields["role_profile"].value = None
    view.buttons["save"].click()
    session = _session(path)
    assert session.role is None and store.load(path).person.target_role == "Data Engineer"
    assert "Charts now compare you with: your own targets (chosen here). ⚠ Your target " \
           "role in Start here is “Data Engineer”, which has a catalog profile, but you " \
           "chose your own targets here: to make them agree, pick “Data Engineer” above." \
           in _text(view)
    assert "⚠ Notebook 05 measures you against your own targets (chosen there), not the " \
           "catalog’s “Data Engineer” profile your target role names: to make them agree, " \
           "pick “Data Engineer” in notebook 05." in _text(ui.profile_form(session))
    assert step_progress(session.workbook)[5].progress == \
        "target: your own targets for 1 skill"  # the start page says the same


def test_a_new_target_role_in_00_moves_05_when_nothing_was_picked_there(tmp_path):
    path = _person(tmp_path, "Teacher")
    session = _session(path)
    picker, form = ui.role_picker(session), ui.profile_form(session)
    form.fields["target_role"].value = "product manager"
    assert "compares you with the catalog’s “Product Manager” profile, the one this " \
           "target role names" in _text(form)  # said while typing, before Save
    form.buttons["save"].click()
    assert session.role.id == "product_manager"
    assert "Charts now compare you with: Product Manager (from your target role in Start " \
           "here)." in _text(picker)
    assert store.load(path).role_profile is None


def test_a_target_role_that_resembles_the_profile_picked_agrees(tmp_path):
    path = _person(tmp_path, "Ward Manager", "healthcare_manager")  # one of its aliases
    session = _session(path)
    assert "⚠" not in _text(ui.role_picker(session))
    assert "⚠" not in _text(ui.profile_form(session))


def test_a_free_text_target_role_and_another_profile_are_named_in_both(tmp_path):
    path = _person(tmp_path, "Head of Vibes", "teacher")
    session = _session(path)
    assert "Your target role in Start here is “Head of Vibes”, but you chose the " \
           "“Teacher” profile here: to make them agree, pick the profile that fits it " \
           "above, or change your target role in Start here to “Teacher”." \
           in _text(ui.role_picker(session))
    assert "not “Head of Vibes”, your target role here: to make them agree, change the " \
           "target role here to “Teacher”, or pick another profile in notebook 05." \
           in _text(ui.profile_form(session))


def test_the_pack_and_the_cli_use_the_same_rule(capsys, tmp_path):
    code, out, _ = run_main(capsys, "new", "Ana Ruiz", "--dir", str(tmp_path),
                            "--target-role", "senior data scientist")
    assert code == 0 and "measured against the catalog's Senior Data Scientist profile " \
                         "(its target role names it; pick another in notebook 05)" in out
    assert "Tip:" not in out
    wb = store.load(tmp_path / "ana_ruiz.yaml")
    assert wb.role_profile is None
    assert resolve_role(wb, load_catalog()).id == "senior_data_scientist"
    assert cw.analysis.summary(wb, date(2026, 11, 22), resolve_role(wb, load_catalog())) \
        .role_title == "Senior Data Scientist"


def test_a_posting_used_as_profile_wins_over_the_target_roles_profile(tmp_path):
    path = _person(tmp_path, "Data Engineer")
    session = _session(path)
    assert session.role.id == "data_engineer"
    view = ui.posting_fit_form(session)
    view.fields["posting"].value = "Strong Python and SQL; Docker and Kubernetes."
    view.buttons["check"].click()
    view.buttons["profile"].click()
    assert store.load(path).role_profile == ""  # own targets, chosen: the posting's
    assert _session(path).role is None


def test_use_this_role_on_the_target_roles_profile_makes_it_chosen_here(tmp_path):
    path = _person(tmp_path, "Cloud Engineer")
    view = ui.role_picker(_session(path))
    view.fields["add_skills"].value = False
    view.buttons["save"].click()  # the profile shown, from the target role: confirmed
    assert store.load(path).role_profile == "cloud_engineer"
    assert "Charts now compare you with: Cloud Engineer (chosen here)." in _text(view)
    assert "⚠" not in _text(view)
