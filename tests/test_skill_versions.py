"""A tracked skill written with a version or a qualifier ("Python 3", "SQL (Postgres)") is
the skill a role, a posting or a colleague's file names without it ("Python", "SQL"): 05
once added a second, never-rated "Python" beside the person's rated "Python 3" (radar, gap
chart, readiness), and 02's import added one too. A longer word is never a shorter skill
("JavaScript" is not "Java", "C++" is not "C", "React" is not "R", "Google Ads" is not
"Go")."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace as NS

import career_workbook as cw
from career_workbook import analysis
from career_workbook import widgets as ui
from career_workbook.analysis.posting import own_skill
from career_workbook.catalog import load_catalog
from career_workbook.model import Assessment, Skill, new_workbook
from career_workbook.widgets.forms_feedback import check_feedback_csv
from career_workbook.widgets.forms_plan import add_role_skills, role_preview_html

TODAY = date(2026, 11, 22)


def _versioned() -> cw.Workbook:
    wb = new_workbook("Pia", today=TODAY)
    wb.skills += [Skill(name="Python 3", importance=4, target_level=4),
                  Skill(name="SQL (Postgres)", importance=4, target_level=4)]
    wb.assessments.append(Assessment(date=TODAY, ratings={"Python 3": 3, "SQL (Postgres)": 2}))
    return wb


def test_a_versioned_skill_is_the_roles_skill_in_gaps_readiness_and_the_preview():
    cat = load_catalog()
    role = cat.role("senior_data_scientist")
    assert {"Python", "SQL"} <= set(role.skills)
    wb = _versioned()
    table = role_preview_html(role, wb).replace("</td><td>", " | ")
    assert "yes, as “Python 3”" in table and "yes, as “SQL (Postgres)”" in table
    added = add_role_skills(wb, role, cat)
    assert "Python" not in added and "SQL" not in added
    gaps = analysis.skill_gap_frame(wb, role).set_index("skill")
    assert [s for s in gaps.index if s.casefold().startswith(("python", "sql"))] == \
        ["Python 3", "SQL (Postgres)"]
    assert gaps.loc["Python 3", "current"] == 3
    assert gaps.loc["Python 3", "role_target"] == role.skills["Python"].target
    unrated = analysis.unrated_in_readiness(wb, role)
    assert "Python" not in unrated and "SQL" not in unrated


def test_picking_the_role_in_05_adds_no_second_python(path: Path):
    cw.save(_versioned(), path)
    view = ui.role_picker(ui.Session(path, today=TODAY))
    view.fields["role_profile"].value = "senior_data_scientist"
    view.buttons["save"].click()
    names = cw.load(path).skill_names()
    assert [n for n in names if n.casefold().startswith(("python", "sql"))] == \
        ["Python 3", "SQL (Postgres)"]


def test_a_longer_word_or_a_symbol_is_another_skill():
    role = NS(title="Dev", skills={n: NS(target=3, importance=3)
                                   for n in ("C", "Java", "R", "Go", "Excel")})
    mine = ["C++", "JavaScript", "React", "Google Ads", "Excel 365"]
    assert analysis.role_matches(mine, role) == {"Excel": "Excel 365"}
    # the very name before a versioned one; the role's version is not the plain skill
    assert analysis.role_matches(["Python 3", "Python"], NS(skills={"Python": 0})) == \
        {"Python": "Python"}
    assert analysis.tracked_skill(["Python"], "Python 3") is None


def test_a_posting_and_a_colleagues_file_meet_the_versioned_skill():
    wb = _versioned()
    assert own_skill(wb.skills, "Python").name == "Python 3"
    text = "rater_group,rater_id,date,skill,level\npeer,P1,2026-01-09,Python,3\n"
    check = check_feedback_csv(text, wb.skill_names())
    assert check.unknown == []
    assert [str(p) for p in check.problems] == [
        "row 2, column 'skill' = 'Python': your list has “Python 3”: write it the same way"]
