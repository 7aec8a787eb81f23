"""Notebook 05 red-team walk (skill gap against a target role): what a person met.

1. the radar's "Role profile" line was invisible when the role's skills sat on spokes apart;
2. the gap chart weighed a role skill by the person's own importance, readiness by the
   role's: one rule now (the role's level and importance) everywhere;
3. "No gap" headlines beside "Readiness 8%" while 13 role skills were not rated: readiness
   leaves them out (red-team M: counting them as 0 dragged it down), and every chart and
   the pack cover say how many there are;
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


# ------------------------------------------------------------------ 1. the role's line
@pytest.mark.parametrize("text, role_id, own", [
    (JAPANESE, "ja_data_scientist",
     [("SQL", "technical"), ("Python", "technical"), ("データ分析", "soft"),
      ("Writing", "soft"), ("Coaching", "leadership")]),
    (GERMAN, "de_analyst",
     [("SQL", "technical"), ("Python", "technical"), ("Negotiation", "soft"),
      ("Writing", "soft"), ("Coaching", "leadership"), ("Datenanalyse", "domain"),
      ("Budgeting", "domain")]),
])
def test_the_role_profile_is_drawn_on_every_role_skill_even_between_others(
        text, role_id, own, tmp_path):
    role = load_catalog(files=(("mine.yaml", text),)).role(role_id)
    wb = new_workbook("Aiko", today=TODAY)
    wb.skills += [Skill(name=n, category=c, importance=3, target_level=4) for n, c in own]
    wb.assessments.append(Assessment(date=TODAY, ratings={n: 2 for n, _ in own}))
    fig = figures.make_figure(wb, "skill_radar", today=TODAY, role=role)
    fig.savefig(tmp_path / f"{role_id}.png")
    spokes, lines = _spokes(fig), _lines(fig)
    line = lines["Role profile"]
    on_role = [i for i, name in enumerate(spokes) if name in role.skills]
    assert len(on_role) == len(role.skills)
    # no two role skills side by side: a line alone draws nothing between them
    assert all((b - a) % len(spokes) not in (1, len(spokes) - 1)
               for a in on_role for b in on_role if a < b)
    assert line.get_marker() not in (None, "None", "", " ")  # each level is a visible dot
    levels = line.get_ydata()[:-1]
    assert [levels[i] for i in on_role] == [role.skills[spokes[i]].target for i in on_role]
    assert np.isnan(np.delete(levels, on_role)).all()
    assert lines["Your target"].get_marker() not in (None, "None", "", " ")
    legend = fig.legends[0].legend_handles
    assert any(h.get_label() == "Role profile" and h.get_marker() == line.get_marker()
               for h in legend)


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
    rows = gaps[gaps["skill"].isin(role.skills) & gaps["current"].notna()]  # rated only
    have = (rows["importance"] * np.minimum(rows["current"], rows["target"])).sum()
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


# ------------------------------------------------------------------ 3. not rated yet
def _three_rated_and_the_roles_skills_added() -> tuple[cw.Workbook, object]:
    cat = load_catalog()
    role = cat.role("senior_data_scientist")
    wb = new_workbook("Lee", today=TODAY)
    wb.skills += [Skill(name="Python", importance=5, target_level=4),
                  Skill(name="Cooking", importance=3, target_level=3),
                  Skill(name="Gardening", importance=2, target_level=3)]
    wb.assessments.append(Assessment(date=TODAY, ratings={"Python": 5, "Cooking": 3,
                                                          "Gardening": 3}))
    assert len(add_role_skills(wb, role, cat)) == 13
    return wb, role


def test_with_role_skills_not_rated_every_headline_says_so_and_readiness_leaves_them_out():
    wb, role = _three_rated_and_the_roles_skills_added()
    figs = figures.make_figures(wb, today=TODAY, role=role,
                                slugs=["skill_gaps", "skill_radar", "readiness"])
    said = "13 of its skills not rated yet"
    gap_text = _flat(charts.placeholder_message(figs["skill_gaps"]))
    assert gap_text.startswith("No gap to the Senior Data Scientist profile among the skills "
                               f"you rated; {said}")
    assert "rate them in the self-assessment (step 01)" in gap_text
    assert _flat(figs["skill_radar"].get_suptitle()) == (
        f"No gap to the Senior Data Scientist profile among the skills you rated; {said}")
    # only Python of the profile is rated (5 of its 5): the 13 others are left out
    assert _flat(figs["readiness"].get_suptitle()) == (
        "Readiness 100% for Senior Data Scientist — 13 skills not rated yet")
    assert "a skill not rated yet is left out" in _flat(
        figs["readiness"].axes[0].get_title(loc="left"))
    assert analysis.unrated_in_readiness(wb, role)[:2] == ["Statistics", "Machine Learning"]
    assert analysis.readiness_history_frame(wb, role)["unrated"].tolist() == [13]
    summary = analysis.summary(wb, TODAY, role)
    assert summary.readiness_unrated == 13
    from career_workbook.export.content import _headlines

    cards = {h.label: h for h in _headlines(summary)}
    assert (cards["Readiness"].value, cards["Readiness"].detail) == (
        "100%", "13 skills not rated yet, left out")
    assert (cards["Top skill gap"].value, cards["Top skill gap"].detail) == (
        "none yet", "among rated skills; 13 skills not rated yet")
    # rating them makes the sentences go
    wb.assessments.append(Assessment(date=date(2026, 11, 23), ratings={
        s.name: 4 for s in wb.skills if s.name not in ("Python", "Cooking", "Gardening")}))
    fig = figures.make_figure(wb, "readiness", today=date(2026, 11, 23), role=role)
    assert "not rated" not in fig.get_suptitle() + fig.axes[0].get_title(loc="left")


def test_without_a_role_unrated_own_targets_are_said_too():
    wb = new_workbook("Ana", today=TODAY)
    wb.skills += [Skill(name=n, target_level=3) for n in ("Écriture", "Négociation",
                                                          "Budget", "Coaching")]
    wb.assessments.append(Assessment(date=TODAY, ratings={"Écriture": 3, "Négociation": 4}))
    figs = figures.make_figures(wb, today=TODAY, slugs=["skill_gaps", "skill_radar",
                                                        "readiness"])
    assert _flat(figs["skill_radar"].get_suptitle()) == (
        "Every rated skill is at or above target; 2 skills not rated yet")
    assert "2 skills not rated yet" in charts.placeholder_message(figs["skill_gaps"])
    assert _flat(figs["readiness"].get_suptitle()) == "Readiness 100% — 2 skills not rated yet"
    wb.skills[2].target_level = 0  # nothing to reach: not counted, not said
    assert analysis.unrated_in_readiness(wb) == ["Coaching"]


# ------------------------------------------------------------------ 4. radar: role first
def test_the_radar_keeps_every_skill_of_the_role_before_the_persons_others():
    wb, role = _three_rated_and_the_roles_skills_added()
    wb.skills += [Skill(name="Knitting", importance=5, target_level=3),
                  Skill(name="Chess", importance=5, target_level=3)]
    fig = figures.make_figure(wb, "skill_radar", today=TODAY, role=role)
    shown = set(_spokes(fig))
    assert set(role.skills) <= shown  # Data Engineering (the role's importance 2) too
    assert "Data Engineering" in shown and len(shown) == 16
    assert {"Knitting", "Chess"} <= shown  # then the person's most important others
    assert fig.legends[0].get_title().get_text().endswith(
        "; the profile's 14 skills and your 2 most important of 4 others")


def test_a_profile_with_more_skills_than_the_radar_shows_only_the_profiles(make_role):
    role = make_role("Polymath", {f"Skill {k:02d}": (4, 1 + k % 5) for k in range(20)})
    wb = new_workbook("Kim", today=TODAY)
    wb.skills += [Skill(name="Origami", importance=5, target_level=5)]
    wb.assessments.append(Assessment(date=TODAY, ratings={"Origami": 1, "Skill 00": 2}))
    fig = charts.plot_skill_radar(analysis.skill_gap_frame(wb, role), role_title="Polymath")
    shown = set(_spokes(fig))
    assert "Origami" not in shown and len(shown) == 16 and "Skill 00" in shown
    importance = {n: s.importance for n, s in role.skills.items()}
    hidden = set(role.skills) - shown
    assert min(importance[s] for s in shown - {"Skill 00"}) >= max(importance[s]
                                                                    for s in hidden)
    assert fig.legends[0].get_title().get_text().endswith(
        "; the biggest gap and the 15 most important of the profile's 20 skills")


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
