"""The app's start page: the eleven steps in order, progress from empty, half-filled and full
workbooks, every text escaped, no coach view for clients."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from career_workbook import store
from career_workbook.analysis.steps import STEPS, step_progress
from career_workbook.model import Assessment, CheckIn, Contact, Goal, Skill, new_workbook
from career_workbook.widgets.start_page import start_notebook, start_page_html

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"))


def test_the_eleven_steps_match_the_notebooks_in_order():
    shipped = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert [s.stem for s in STEPS] == shipped and len(STEPS) == 11
    assert all(s.title and s.blurb.endswith(".") for s in STEPS)


def test_a_just_created_workbook_shows_what_is_still_empty():
    notes = {s.stem: (s.progress, s.started) for s in step_progress(new_workbook("Sam Lee"))}
    assert notes["00_start_here"] == ("workbook created", True)
    assert notes["01_self_assessment"] == ("no skills rated yet", False)
    assert notes["04_smart_goals"] == ("no goals yet", False)
    assert notes["09_progress_review"] == ("no check-ins yet", False)
    assert notes["10_opportunities"] == ("no opportunities yet", False)


def test_the_skills_step_says_how_many_of_the_tracked_skills_are_rated():
    """A role's 14 skills just added and 3 rated read "3 of 17", not as done."""
    wb = new_workbook("Sam Lee")
    wb.skills += [Skill(name=f"Skill {i}") for i in range(17)]
    wb.assessments.append(Assessment(date=date(2026, 11, 1),
                                     ratings={"Skill 0": 3, "Skill 1": 2, "Skill 2": 4,
                                              "Gone": 3}))  # a skill since removed
    notes = {s.stem: (s.progress, s.started) for s in step_progress(wb)}
    assert notes["01_self_assessment"] == ("3 of 17 skills rated", True)


def test_a_half_filled_workbook_counts_what_is_there():
    wb = new_workbook("Sam Lee")
    wb.skills += [Skill(name="SQL"), Skill(name="Python"), Skill(name="Storytelling")]
    wb.assessments.append(Assessment(date=date(2026, 11, 1), ratings={"SQL": 3, "Python": 2,
                                                                       "Storytelling": 4}))
    wb.goals.append(Goal(text="Lead a project"))  # no deadline
    wb.goals.append(Goal(text="Dropped one", status="dropped"))
    wb.contacts.append(Contact(name="Dana"))  # no dates
    wb.check_ins.append(CheckIn(date=date(2026, 11, 20)))  # no progress
    notes = {s.stem: s.progress for s in step_progress(wb)}
    assert notes["01_self_assessment"] == "3 skills rated"
    assert notes["04_smart_goals"] == "1 goal"
    assert notes["07_network"] == "1 contact"
    assert notes["09_progress_review"] == "1 check-in"
    assert notes["06_action_plan"] == "no actions yet"
    from career_workbook.model import Opportunity

    wb.opportunities += [Opportunity(title="Lead the offsite"),
                         Opportunity(title="Old posting", stage="declined")]
    assert {s.stem: s.progress for s in step_progress(wb)}["10_opportunities"] == \
        "2 opportunities, 1 open"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_full_examples_have_progress_in_every_step(path):
    steps = step_progress(store.load(path))
    assert [s.stem for s in steps] == [s.stem for s in STEPS]
    assert sum(s.started for s in steps) >= 9, [(s.stem, s.progress) for s in steps]
    assert steps[-1].started, "every example has opportunities"


def test_the_page_lists_steps_in_order_escapes_text_and_never_offers_the_coach_view():
    wb = new_workbook("<script>alert(1)</script>")
    page = start_page_html(wb, name=wb.person.name, problem="bad <b>file</b>")
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;" in page
    links = [page.index(f'href="{s.stem}.ipynb"') for s in STEPS]
    assert links == sorted(links)
    assert "coach_overview" not in page


def test_the_start_notebook_has_one_parameters_cell_and_no_logic():
    import nbformat

    nb = nbformat.reads(start_notebook(), as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0].source.startswith("workbook = None")
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_the_start_page_is_titled_career_workbook_not_its_file_name():
    """The app's browser tab said ".start" (Voila titles a page by its notebook's
    ``title`` metadata, else its file name, as nbconvert's lab template does)."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.reads(start_notebook(), as_version=4)
    html, _ = HTMLExporter(template_name="lab").from_notebook_node(
        nb, resources={"metadata": {"name": ".start"}})
    assert "<title>Career Workbook</title>" in html


# ------------------------------------------------------------- red team A10: the start page
def show(path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The start page ``show_start_page`` displays for the workbook file at ``path``."""
    import IPython.display

    from career_workbook.widgets.start_page import show_start_page

    shown: list[str] = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj.data))
    show_start_page(path)
    return "".join(shown)


def test_the_skill_gap_step_names_the_target_role_by_its_title(tmp_path, monkeypatch):
    # "5. Skill gap ✓ target: engineering_manager": the profile's id, not its title
    jordan = ROOT / "examples" / "workbooks" / "jordan_engineer.yaml"
    page = show(jordan, monkeypatch)
    assert "target: Engineering Manager" in page and "engineering_manager<" not in page
    wb = new_workbook("Ana Ruiz")  # a profile picked, and no words of her own
    wb.role_profile = "healthcare_manager"
    store.save(wb, tmp_path / "ana.yaml")
    assert "target: Healthcare Manager" in show(tmp_path / "ana.yaml", monkeypatch)
    wb.role_profile = "chief_of_staff_2031"  # not in the catalog: its id in words
    assert {s.stem: s.progress for s in step_progress(wb)}["05_skill_gap"] == \
        "target: chief of staff 2031"


def test_a_workbook_with_nothing_in_it_yet_greets_a_new_person(tmp_path, monkeypatch):
    # A workbook created a minute earlier was greeted "Welcome back, Test Person"
    path = tmp_path / "test_person.yaml"
    store.new(path, "Test Person")
    page = show(path, monkeypatch)
    assert "Welcome, Test Person. Your workbook is ready: start with step 1, " \
           "Self-assessment." in page
    assert "Welcome back" not in page
    with store.edit(path) as wb:
        wb.contacts.append(Contact(name="Dana Lee"))
    page = show(path, monkeypatch)
    assert "Welcome back, Test Person." in page and "start with step" not in page


def test_own_targets_are_a_target_for_the_skill_gap_step():
    """05 red-team walk D: after "Use as my target profile" (no role, no target role typed,
    29 skills with targets) the start page said "○ no target role yet"."""
    wb = new_workbook("Zoë Test")
    notes = {s.stem: (s.progress, s.started) for s in step_progress(wb)}
    assert notes["05_skill_gap"] == ("no target yet", False)
    wb.skills += [Skill(name=f"Skill {i}", target_level=3 + i % 2) for i in range(29)]
    wb.skills.append(Skill(name="Not aimed at", target_level=0))
    notes = {s.stem: (s.progress, s.started) for s in step_progress(wb)}
    assert notes["05_skill_gap"] == ("target: your own targets for 29 skills", True)
    wb.person.target_role = "Senior Data Analyst"  # words of their own still come first
    assert {s.stem: s.progress for s in step_progress(wb)}["05_skill_gap"] == \
        "target: Senior Data Analyst"


def test_the_start_page_leaves_dropped_actions_out_as_it_leaves_dropped_goals():
    from career_workbook.model import Action, Goal

    wb = new_workbook("Sam Lee")
    wb.goals = [Goal(id="g1", text="Ship it"), Goal(id="g2", text="Old", status="dropped")]
    wb.actions = [Action(text="Email Dana"), Action(text="Skipped", status="dropped")]
    notes = {s.stem: s.progress for s in step_progress(wb)}
    assert notes["04_smart_goals"] == "1 goal"
    assert notes["06_action_plan"] == "1 action, 0 milestones"
