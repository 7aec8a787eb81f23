"""'Did it ask for these?': suggestions weaker than a match (issue 16 item 2)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import career_workbook as cw
from career_workbook.analysis.posting import add_posting_skills, fit_to_posting
from career_workbook.analysis.posting_suggest import (
    MAX_SUGGESTIONS,
    confirm_suggestions,
    suggest_skills,
)
from career_workbook.model import Assessment, Skill

VOCAB = {"Risk Management": ["?risk", "risk register"], "SQL": [],
         "Cash Flow Forecasting": [], "Containers and Orchestration": ["kubernetes",
                                                                       "?containers"]}


def _wb():
    return cw.new_workbook("Sam", today=date(2026, 1, 5))


def test_weak_word_without_its_context_is_suggested_with_its_sentence():
    fit = fit_to_posting(_wb(), "Own SQL reports.\nWeigh each risk before you ship.",
                         catalog=VOCAB)
    assert list(fit.matches) == ["SQL"] and fit.gaps == ("SQL",)  # matches unchanged
    (s,) = fit.suggestions
    assert (s.skill, s.words, s.sentence) == ("Risk Management", ("risk",),
                                              "Weigh each risk before you ship.")
    assert s.why == "a word with other meanings" and s.score > 0


def test_a_matched_skill_is_never_suggested():
    fit = fit_to_posting(_wb(), "Keep the risk register. Weigh each risk.", catalog=VOCAB)
    assert "Risk Management" in fit.matches and not fit.suggestions


def test_part_of_a_name_of_several_words_is_suggested():
    fit = fit_to_posting(_wb(), "Forecast cash for the board every month.", catalog=VOCAB)
    assert not fit.matches
    assert [(s.skill, s.words, s.why) for s in fit.suggestions] == [
        ("Cash Flow Forecasting", ("Forecast", "cash"), "part of its name")]


def test_words_of_the_catalog_description_suggest_the_skill():
    from career_workbook.catalog import load_catalog

    catalog = load_catalog()
    text = "Give callers your full attention, ask good questions and never interrupt."
    fit = fit_to_posting(_wb(), text, catalog=catalog)
    assert not fit.matches
    (s,) = fit.suggestions
    assert s.skill == "Active Listening" and s.why == "words of its description"
    assert {"attention", "questions", "interrupt"} <= set(s.words)
    # one shared word is not enough
    assert fit_to_posting(_wb(), "Pay attention.", catalog=catalog).suggestions == ()


def test_employer_talk_and_perks_suggest_nothing():
    text = ("About us\nWe weigh every risk and run containers.\nThe role\nOwn SQL reports.\n"
            "Benefits: risk-free pension, containers of snacks")
    fit = fit_to_posting(_wb(), text, catalog=VOCAB)
    assert fit.suggestions == ()
    # the same words in the role are suggested
    fit = fit_to_posting(_wb(), text.replace("Own SQL", "Weigh each risk in SQL"),
                         catalog=VOCAB)
    assert [s.skill for s in fit.suggestions] == ["Risk Management"]


def test_html_is_not_read_as_words():
    fit = fit_to_posting(_wb(), '<div class="risk containers">Own SQL</div>', catalog=VOCAB)
    assert fit.suggestions == ()


def test_empty_and_none_text():
    assert suggest_skills("", fit_to_posting(_wb(), "", catalog=VOCAB), catalog=VOCAB) == ()
    assert suggest_skills(None, fit_to_posting(_wb(), "", catalog=VOCAB), catalog=VOCAB) == ()


def test_a_long_paste_gives_a_short_ranked_list():
    from career_workbook.catalog import load_catalog

    catalog = load_catalog()
    postings = sorted((Path(__file__).parent / "data" / "postings").glob("0*.txt"))
    words = " ".join(p.read_text(encoding="utf-8") for p in postings).split()
    text = " ".join((words * 10)[:5_000])
    fit = fit_to_posting(_wb(), text, catalog=catalog)
    assert 1 <= len(fit.suggestions) <= MAX_SUGGESTIONS
    scores = [s.score for s in fit.suggestions]
    assert scores == sorted(scores, reverse=True)
    assert not set(fit.matches) & {s.skill for s in fit.suggestions}
    # its time is a benchmark row (bench_posting: the 5,000-word paste, suggestions included)
    assert suggest_skills(text, fit, catalog=catalog) == fit.suggestions


def test_confirmed_suggestion_counts_exactly_like_a_match():
    wb = _wb()
    wb.skills += [Skill(name="SQL", target_level=4), Skill(name="Risk Management",
                                                            target_level=3)]
    wb.assessments.append(Assessment(date=date(2026, 1, 5),
                                     ratings={"SQL": 4, "Risk Management": 3}))
    text = "Own SQL reports. Weigh each risk."
    fit = fit_to_posting(wb, text, catalog=VOCAB)
    assert fit.fit == 100.0 and fit.gaps == ()
    both = confirm_suggestions(wb, fit, ["risk management"], catalog=VOCAB)
    assert both.matches == {"SQL": ("SQL",), "Risk Management": ("risk",)}
    assert both.fit == 100.0 and both.skills[1].status == "meets"
    assert both.suggestions == fit.suggestions  # still listed, so it can be taken back
    assert confirm_suggestions(wb, fit, [], catalog=VOCAB) is fit
    assert confirm_suggestions(wb, fit, ["SQL", "Nope"], catalog=VOCAB) is fit

    empty = _wb()
    fit = fit_to_posting(empty, text, catalog=VOCAB)
    both = confirm_suggestions(empty, fit, ["Risk Management"], catalog=VOCAB)
    assert both.gaps == ("SQL", "Risk Management") and both.missing == both.gaps
    assert add_posting_skills(empty, both, as_profile=True) == ["SQL", "Risk Management"]


def test_words_a_match_already_explains_do_not_suggest_another_skill():
    vocab = {"Risk Register": [], "Risk Register Upkeep": [], "SQL": []}
    fit = fit_to_posting(_wb(), "Upkeep of the risk register.", catalog=vocab)
    assert list(fit.matches) == ["Risk Register"]
    assert fit.suggestions == ()  # "risk register" is the match; "upkeep" alone is weak
    fit = fit_to_posting(_wb(), "Upkeep of the risk register.", catalog={
        "Risk Register Upkeep": [], "Risk": [], "Register": [], "SQL": []})
    assert [s.skill for s in fit.suggestions] == []  # still explained by "Risk", "Register"
    fit = fit_to_posting(_wb(), "Upkeep of the register.", catalog={
        "Risk Register Upkeep": [], "SQL": []})
    assert [(s.skill, s.words) for s in fit.suggestions] == [
        ("Risk Register Upkeep", ("Upkeep", "register"))]
