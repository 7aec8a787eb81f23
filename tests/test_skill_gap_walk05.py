"""Notebook 05 red-team walk (skill gap against a target role): what a person met.

1. the radar's "Role profile" line was invisible when the role's skills sat on spokes apart;
2. the gap chart weighed a role skill by the person's own importance, readiness by the
   role's: one rule now (the role's level and importance) everywhere;
3. "No gap" headlines beside "Readiness 8%" while 13 role skills were not rated: readiness
   counts them as 0, and every chart and the pack cover say how many there are;
4. the radar dropped a skill of the role to keep two the role does not list;
5. "Python 🐍" tracked was "not yet" tracked for the role's "Python", and added twice.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from types import SimpleNamespace as NS

import numpy as np
import pytest

import career_workbook as cw
from career_workbook import analysis, charts, figures
from career_workbook import widgets as ui
from career_workbook.catalog import load_catalog
from career_workbook.model import Assessment, Skill, new_workbook
from career_workbook.widgets.forms_plan import add_role_skills, role_preview_html
from tests.helpers.html_text import text_of

TODAY = date(2026, 11, 22)

JAPANESE = """
skills:
  - {name: データ分析, category: soft, description: データを分析する力}
roles:
  - id: ja_data_scientist
    title: データサイエンティスト
    family: データ
    summary: データで意思決定を支える。
    skills:
      データ分析: {target: 4, importance: 4}
      SQL: {target: 3, importance: 3}
"""
GERMAN = """
skills:
  - {name: Datenanalyse, category: domain, description: Daten auswerten}
roles:
  - id: de_analyst
    title: Datenanalystin
    family: Daten
    summary: Wertet Daten aus.
    skills:
      Datenanalyse: {target: 5, importance: 5}
      SQL: {target: 4, importance: 2}
      Negotiation: {target: 3, importance: 2}
"""


def _flat(text: str) -> str:
    return " ".join(text.split())


def _lines(fig) -> dict:
    return {ln.get_label(): ln for ln in fig.axes[0].get_lines()}


def _spokes(fig) -> list[str]:
    """The radar's skills, in spoke order (a label's name lines, without its marks)."""
    return [" ".join(line for line in t.get_text().split("\n") if not line.startswith("("))
            for t in fig.axes[0].texts if t.get_text()]


# ------------------------------------------------------------------ 2. one importance
def _sql_below_mathematics() -> cw.Workbook:
    """SQL: own importance 3, rated 2 (Senior Data Scientist: level 4, importance 4);
    Mathematics: own importance 5, rated 2 (the role: level 4, importance 3)."""
    wb = new_workbook("Sam", today=TODAY)
    wb.skills += [Skill(name="SQL", importance=3, target_level=4),
                  Skill(name="Mathematics", importance=5, target_level=4),
                  Skill(name="Python", importance=5, target_level=5)]
    wb.assessments.append(Assessment(date=TODAY, ratings={"SQL": 2, "Mathematics": 2,
                                                          "Python": 4}))
    return wb


def _readiness_from_rows(gaps, role) -> float:
    rows = gaps[gaps["skill"].isin(role.skills)]
    have = (rows["importance"] * np.minimum(rows["current"].fillna(0), rows["target"])).sum()
    return 100 * have / (rows["importance"] * rows["target"]).sum()


def test_a_role_skill_weighs_what_the_role_says_in_every_place():
    cat = load_catalog()
    role = cat.role("senior_data_scientist")
    wb = _sql_below_mathematics()
    gaps = analysis.skill_gap_frame(wb, role, catalog=cat)
    row = gaps.set_index("skill")
    assert row.loc["SQL", "importance"] == 4 and row.loc["SQL", "weighted_gap"] == 8
    assert row.loc["Mathematics", "importance"] == 3 and row.loc["Mathematics",
                                                                  "weighted_gap"] == 6
    assert row.loc["SQL", "own_target"] == 4  # the person's own target is still shown
    assert gaps["skill"].iloc[0] == "SQL"
    # readiness is the frame's own sums: the same importances
    assert analysis.readiness(wb, role) == pytest.approx(_readiness_from_rows(gaps, role))
    fig = charts.plot_skill_gaps(gaps, role_title=role.title)
    assert _flat(fig.get_suptitle()) == "Biggest gap to the Senior Data Scientist profile: SQL"
    bars = sorted(fig.axes[0].patches, key=lambda b: b.get_y(), reverse=True)
    assert [b.get_width() for b in bars[:2]] == [8.0, 6.0]  # SQL 2 x 4 on top
    assert figures.make_figure(wb, "skill_radar", today=TODAY, role=role).get_suptitle() \
        .endswith(": SQL")
    assert analysis.summary(wb, TODAY, role).top_gap_skill == "SQL"  # the pack's cover
    from career_workbook.caseload import summarise_workbook

    wb.role_profile = "senior_data_scientist"
    assert summarise_workbook(wb, "sam", TODAY).gap_skills[:2] == ("SQL", "Mathematics")


def test_plan_learning_for_gaps_offers_the_roles_biggest_gap_first(path: Path):
    wb = _sql_below_mathematics()
    # six more rated gaps of the person's own, each weighing more than 6 by their own
    for name in ("Negotiation", "Budgeting", "Coaching", "Writing", "Leadership", "Cooking"):
        wb.skills.append(Skill(name=name, importance=5, target_level=5))
        wb.assessments[0].ratings[name] = 3
    wb.role_profile = "senior_data_scientist"
    cw.save(wb, path)
    view = ui.learning_suggestions(ui.Session(path, today=TODAY, notebook="05_skill_gap"))
    rows = [text_of(c.children[0].value) for c in view.children[1:]
            if getattr(c, "children", None) and hasattr(c.children[0], "value")]
    assert rows[0] == "SQL — now 2, target 4 (gap 2)"


def test_an_own_importance_never_changes_the_roles_order(make_role):
    """Another role and language: the role's weights decide, whatever the person set."""
    role = make_role("Analista", {"Estadística": (4, 5), "Excel": (4, 1)})
    wb = new_workbook("Lucía", today=TODAY)
    wb.skills += [Skill(name="Estadística", importance=1, target_level=4),
                  Skill(name="excel", importance=5, target_level=4)]
    wb.assessments.append(Assessment(date=TODAY, ratings={"Estadística": 3, "excel": 1}))
    gaps = analysis.skill_gaps(wb, role)
    assert [(g.skill, g.importance, g.weighted_gap) for g in gaps] == [
        ("Estadística", 5.0, 5.0), ("excel", 1.0, 3.0)]
    assert analysis.readiness(wb, role) == pytest.approx(100 * (5 * 3 + 1 * 1) / (5 * 4 + 4))


# ------------------------------------------------------------------ 5. one skill, one name
def test_a_tracked_skill_spelled_with_an_emoji_is_the_roles_skill(path: Path):
    cat = load_catalog()
    role = cat.role("senior_data_scientist")
    wb = new_workbook("Pia", today=TODAY)
    wb.skills += [Skill(name="Python 🐍", importance=2, target_level=3),
                  Skill(name="machine learning", importance=2, target_level=3)]
    wb.assessments.append(Assessment(date=TODAY, ratings={"Python 🐍": 2}))
    table = role_preview_html(role, wb).replace("</td><td>", " | ")
    assert "Python | 5 | 5 | yes, as “Python 🐍”" in table
    assert "Machine Learning | 4 | 5 | yes, as “machine learning”" in table
    assert "Statistics | 5 | 5 | not yet" in table
    added = add_role_skills(wb, role, cat)
    assert "Python" not in added and "Machine Learning" not in added and len(added) == 12
    gaps = analysis.skill_gap_frame(wb, role).set_index("skill")
    assert [s for s in gaps.index if "ython" in s] == ["Python 🐍"]
    assert (gaps.loc["Python 🐍", "role_target"], gaps.loc["Python 🐍", "importance"],
            gaps.loc["Python 🐍", "own_target"]) == (5, 5, 3)
    assert analysis.unrated_in_readiness(wb, role).count("Machine Learning") == 0
    assert "machine learning" in analysis.unrated_in_readiness(wb, role)
    # through the form, as a person picks the role
    cw.save(new_workbook("Pia", today=TODAY), path)
    with cw.edit(path) as saved:
        saved.skills.append(Skill(name="Python 🐍"))
    view = ui.role_picker(ui.Session(path, today=TODAY))
    view.fields["role_profile"].value = "senior_data_scientist"
    view.buttons["save"].click()
    names = cw.load(path).skill_names()
    assert [n for n in names if "ython" in n] == ["Python 🐍"] and len(names) == 14


def test_names_that_differ_by_more_than_spelling_stay_apart():
    role = NS(title="Dev", skills={"C++": NS(target=4, importance=5),
                                   "Go": NS(target=3, importance=3)})
    assert analysis.role_matches(["C#", "go ", "Golang"], role) == {"Go": "go "}
    assert analysis.tracked_skill(["Data  Visualisation ✨"], "data visualisation") == \
        "Data  Visualisation ✨"
    assert analysis.role_matches(["Go 🐹", "Go"], role) == {"Go": "Go"}  # the very name
    assert math.isnan(analysis.skill_gaps(new_workbook("X"), role)[0].current)
