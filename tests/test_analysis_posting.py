"""cw.fit_to_posting: which skills a posting asks for, fit and gaps (issue 16 item 2)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook.analysis.posting import (
    DEFAULT_TARGET,
    PROFILE_IMPORTANCE,
    add_posting_skills,
)
from career_workbook.catalog import load_catalog
from career_workbook.model import Assessment, Skill, new_workbook, validate_workbook

ROOT = Path(__file__).resolve().parents[1]
CATALOG = load_catalog()


def _wb():
    wb = new_workbook("Sam Lee", today=date(2026, 12, 1))
    wb.skills += [Skill(name="SQL", target_level=4), Skill(name="Python", target_level=4),
                  Skill(name="Coaching", target_level=3)]
    wb.assessments += [Assessment(date=date(2026, 1, 1), ratings={"SQL": 1, "Python": 5}),
                       Assessment(date=date(2026, 6, 1), ratings={"SQL": 4, "Python": 2})]
    return wb


def fit(text, wb=None):
    return cw.fit_to_posting(wb or new_workbook("Sam"), text, catalog=CATALOG)


@pytest.mark.parametrize("text, skill", [
    ("Excellent stakeholder mgmt", "Stakeholder Management"),
    ("Strong SQL/Postgres", "SQL"),
    ("Proven people leadership", "Management of Personnel Resources"),
    ("Experience shipping ML models", "Machine Learning"),
    ("You run k8s in production", "Containers and Orchestration"),
    ("data visualization (US spelling)", "Data Visualisation"),
    ("Managing stakeholders across the business", "Stakeholder Management"),
    ("Forecasting demand", "Forecasting"),
    ("You will own the budgets", "Budgeting"),
    ("Run A/B tests", "Experiment Design"),
    ("Comfortable with CI/CD", "CI/CD"),
    ("Behavior management", "Classroom Management"),
])
def test_common_spellings_match(text, skill):
    assert skill in fit(text).matches


def test_slash_list_names_both_and_keeps_the_words():
    found = fit("Strong SQL/Postgres; Postgres tuning a plus").matches
    assert found["SQL"] == ("SQL", "Postgres")


def test_and_lists_share_the_head_word():
    found = fit("Stakeholder and vendor management are key.").matches
    assert found["Stakeholder Management"] == ("Stakeholder and vendor management",)
    assert "Vendor Management" in found


def test_word_boundaries_and_breaks():
    found = fit("HTML and XML templates. Clouds of dust. Stakeholder.\nManagement").matches
    assert "Machine Learning" not in found          # "ML" inside HTML / XML
    assert "Web Development" in found               # HTML is web work
    assert found.get("Cloud Infrastructure") == ("Clouds",)  # plural of a whole word
    # "Stakeholder" then a break: the list rule never crosses a sentence
    assert found["Stakeholder Management"] == ("Stakeholder",)


def test_longer_match_of_another_skill_wins():
    found = fit("Decision making under uncertainty is the job.").matches
    assert "Decision Making Under Uncertainty" in found
    assert "Judgment and Decision Making" not in found


def test_employer_boilerplate_is_not_a_skill():
    assert "Hiring" not in fit("We're a small company hiring a designer.").matches
    assert "Hiring" in fit("You will be responsible for hiring and onboarding.").matches


def test_exact_name_rule_keeps_programme_apart_from_programming():
    assert "Programming" not in fit("Report to the programme board.").matches
    assert "Programming" in fit("Programming in Go").matches
    assert "Writing" not in fit("Write clear requirements").matches


def test_fit_and_gaps_against_latest_ratings_and_targets():
    wb = _wb()
    result = fit("SQL, Python, coaching and people leadership.", wb)
    by = {s.skill: s for s in result.skills}
    assert by["SQL"].status == "meets" and by["SQL"].current == 4.0  # the latest rating
    assert by["Python"].status == "below" and by["Python"].gap == 2.0
    assert by["Coaching"].status == "unrated"
    people = by["Management of Personnel Resources"]
    assert people.status == "missing" and people.target == DEFAULT_TARGET
    assert result.gaps == ("Python", "Coaching", "Management of Personnel Resources")
    assert result.missing == ("Management of Personnel Resources",)
    # fit: (4 + 2 + 0 + 0) / (4 + 4 + 3 + 3)
    assert result.fit == pytest.approx(100 * 6 / 14)
    assert "people leadership" in result.explanations["Management of Personnel Resources"]
    assert "2 levels to go" in by["Python"].explanation


def test_own_skill_outside_the_catalog_is_matched_by_name():
    wb = new_workbook("Sam")
    wb.skills.append(Skill(name="Bookbinding"))
    assert fit("Hand bookbinding for archives", wb).matches == {"Bookbinding": ("bookbinding",)}


@pytest.mark.parametrize("text", [
    "", "   \n\n", "<script>alert('x')</script>" * 200, "é" * 5_000, "a,;/&" * 2_000,
    "x" * 300_000, "\x00\u202e" * 100,
])
def test_hostile_text_never_breaks(text):
    result = fit(text)
    assert isinstance(result.matches, dict)
    assert 0.0 <= result.fit <= 100.0


def test_five_thousand_characters_of_realistic_text():
    body = ("We want SQL and Python. " * 220)[:5_000]
    result = fit(body)
    assert set(result.matches) == {"SQL", "Python"}
    assert result.skills[0].mentions > 100


def test_add_missing_skills_never_duplicates_and_validates():
    wb = _wb()
    wb.skills.append(Skill(name="stakeholder management"))  # another case
    result = fit("SQL, k8s, stakeholder management and hiring", wb)
    added = add_posting_skills(wb, result, catalog=CATALOG)
    assert added == ["Containers and Orchestration", "Hiring"]
    assert [s.name for s in wb.skills].count("stakeholder management") == 1
    hiring = next(s for s in wb.skills if s.name == "Hiring")
    assert hiring.category == "leadership" and hiring.target_level == DEFAULT_TARGET
    assert add_posting_skills(wb, fit("SQL, k8s, hiring", wb), catalog=CATALOG) == []
    validate_workbook(wb)


def test_target_profile_raises_importance_and_keeps_targets():
    wb = _wb()
    result = fit("SQL and Python", wb)
    assert add_posting_skills(wb, result, as_profile=True) == ["SQL", "Python"]
    sql = wb.skills[0]
    assert sql.importance == PROFILE_IMPORTANCE and sql.target_level == 4


def test_public_api_uses_the_shipped_catalog():
    result = cw.fit_to_posting(new_workbook("Sam"), "Terraform and k8s")
    assert set(result.matches) == {"Infrastructure as Code", "Containers and Orchestration"}


def test_benchmark_figures():
    """Dev meets the 0.85 target; held-out postings (never tuned on) do NOT yet (about 0.77
    precision, 0.52 recall): the floor below only guards against getting worse."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_posting import TARGET, evaluate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    result = evaluate()
    assert len(result["dev"]["rows"]) + len(result["heldout"]["rows"]) >= 15
    assert len(result["heldout"]["rows"]) >= 5
    assert result["dev"]["precision"] >= TARGET and result["dev"]["recall"] >= TARGET
    assert result["heldout"]["precision"] >= 0.7 and result["heldout"]["recall"] >= 0.5


def test_html_tags_and_scripts_are_not_words():
    result = fit("<p>Strong <b>SQL</b></p><script>alert('scripting')</script><!-- k8s -->")
    assert result.matches == {"SQL": ("SQL",)}


def test_long_repetitive_text_stays_fast():
    import time

    started = time.perf_counter()
    result = fit("stakeholder " * 16_000 + "and vendor management")  # 192,000 characters
    assert time.perf_counter() - started < 5  # about 15 s with the old quadratic overlap check
    assert result.skills[0].mentions == 16_000 and not result.truncated
    assert "Vendor Management" in result.matches
