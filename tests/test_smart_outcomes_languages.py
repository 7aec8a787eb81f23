"""One rule for an outcome whatever the verb that brings it (red-team walk of notebook 04's
live feedback).

1. "Land a new job" was fully specific and measurable while "Get a new job" was not, and
   "Find a new job" scored lower still: a person rewording with a synonym saw the verdict
   flip. An outcome verb with an outcome that names no role, field, level, employer or place
   is now partly specific and partly measurable, whichever verb, and the hint asks which.

The goals here are new wordings beside the ones the tester reported.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from career_workbook.analysis.smart import score_goal

TODAY = date(2026, 12, 6)
DATA = Path(__file__).parent / "data"


def _sm(text: str, **kw: object) -> tuple[tuple[float, str], tuple[float, str]]:
    c = score_goal(text, today=TODAY, **kw).criteria
    return ((c["specific"].score, c["specific"].verdict),
            (c["measurable"].score, c["measurable"].verdict))


# ------------------------------------------------------------------ 1: outcome synonyms

OPEN_OUTCOMES = [
    # the reported wordings
    "Land a new job", "Secure a new job", "Start a new job", "Get a new job", "Find a new job",
    "Earn a promotion", "Get promoted", "Be promoted",
    # new synonyms, modifiers that name nothing, other outcome nouns
    "Obtain a new position", "Gain employment", "Secure full-time employment",
    "Accept a job offer", "Receive an offer", "Switch jobs", "Change jobs",
    "Transition into a new role", "Take up a new position", "Land my dream job",
    "Find a better job", "Get a good job", "Start my first job", "Win a promotion",
    "Achieve a promotion", "Be in a new role", "Become promoted", "Land a remote job",
    "Find a job with better pay", "Get a job in tech", "Win a promotion at work",
]


@pytest.mark.parametrize("text", OPEN_OUTCOMES)
def test_an_outcome_that_names_nothing_scores_alike_whatever_its_verb(text):
    assert _sm(text) == ((0.5, "partly"), (0.5, "partly")), text


@pytest.mark.parametrize(("text", "asks"), [
    ("Land a new job", "'Land a new job' does not say which role, level or where — name "
                       "it, e.g. 'Land a new job as a UX designer in Leeds'."),
    ("Obtain a new position", "'Obtain a new position' does not say which role, level or "
                              "where — name it, e.g. 'Obtain a new position as a UX designer "
                              "in Leeds'."),
    ("Achieve a promotion", "'Achieve a promotion' does not say which role or level — name "
                            "it, e.g. 'Achieve a promotion to Senior Analyst'."),
    ("Be promoted", "'Be promoted' does not say which role or level — name it, e.g. 'Be "
                    "promoted to Senior Analyst'."),
])
def test_the_hint_asks_which_role_level_or_place_in_the_persons_words(text, asks):
    c = score_goal(text, today=TODAY).criteria
    assert c["specific"].hints == [asks]
    assert "outcome: '" in " ".join(c["specific"].reasons)
    assert c["measurable"].hints == [
        "Name the role, level or credential, so it is clear when it is done — e.g. 'Get "
        "promoted to Senior Analyst' or 'Get a job as a UX designer'."]


@pytest.mark.parametrize("text", [
    # the reported wordings that name it
    "Land a job as a UX designer", "Get promoted to Senior Analyst", "Get a UX job",
    # new: a field, a level, an employer, a place, a role, in words before or after
    "Secure a marketing role", "Find a new job in Leeds", "Get a job at a startup",
    "Earn a promotion to senior", "Get a senior role", "Step into a leadership role",
    "Accept the job offer from Spotify", "Move into a data engineering role",
    "Obtain a position as a staff nurse", "Find a job near home",
])
def test_an_outcome_that_says_which_is_specific_and_measurable(text):
    assert _sm(text) == ((1.0, "met"), (1.0, "met")), text


def test_the_verdict_does_not_flip_with_the_verb_once_a_date_is_added():
    scores = {score_goal(f"{verb} a new role by 30 June 2027", today=TODAY).score
              for verb in ("Land", "Get", "Find", "Secure", "Start", "Obtain")}
    assert scores == {62}


def test_both_labelled_sets_say_get_promoted_is_neither_specific_nor_measurable():
    for name in ("career_goals_dev.csv", "smart_goals_blind.csv"):
        with (DATA / name).open(newline="", encoding="utf-8") as fh:
            rows = [r for r in csv.DictReader(fh) if r["text"] == "Get promoted"]
        assert rows, name
        c = score_goal("Get promoted", today=TODAY).criteria
        for row in rows:
            assert (int(c["specific"].met), int(c["measurable"].met)) == (
                int(row["specific"]), int(row["measurable"])), name


@pytest.mark.parametrize(("text", "verdicts"), [
    # idioms and compounds that hold no post keep their old reading
    ("Be in a position to buy a house", ("not met", "not met")),
    ("Find a role model", ("met", "met")),
    ("Get my promotion approved", ("met", "met")),
    ("Apply to 5 jobs a week until I get an offer", ("met", "met")),
])
def test_a_word_like_job_that_is_no_outcome_is_not_read_as_one(text, verdicts):
    c = score_goal(text, today=TODAY).criteria
    assert (c["specific"].verdict, c["measurable"].verdict) == verdicts
    assert "does not say which" not in " ".join(c["specific"].hints)
