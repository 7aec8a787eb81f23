"""Red team E, notebook 04: dates the SMART feedback could not read, goals not in English,
and the same outcome scored alike whatever its verb."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from career_workbook.analysis.dates import date_like, parse_deadline
from career_workbook.analysis.smart import LANGUAGE_NOTE, not_english, score_goal
from career_workbook.widgets.inputs import parse_date_text

TODAY = date(2026, 12, 6)
YEAR = re.compile(r"(?<![0-9])(?:19|2[0-9])[0-9]{2}(?![0-9])")


@pytest.mark.parametrize(("text", "due"), [
    ("Read 12 books by 30-06-2027", date(2027, 6, 30)),
    ("Read 12 books by 06-30-2027", date(2027, 6, 30)),
    ("Ship the billing API before 15-03-2027", date(2027, 3, 14)),
    ("Run 3 workshops by 9.9.2027", date(2027, 9, 9)),
])
def test_a_numeric_date_with_dashes_or_dots_is_read_as_the_deadline_box_reads_it(text, due):
    r = score_goal(text, today=TODAY)
    assert r.deadline == due and r.criteria["time_bound"].met
    assert r.criteria["time_bound"].rewrites == []


@given(day=st.integers(1, 28), month=st.integers(1, 12), sep=st.sampled_from("/.-"))
def test_the_goal_reader_and_the_deadline_box_read_a_numeric_date_alike(day, month, sep):
    """One rule (day_month_order) for both: the same day, or both refuse it."""
    written = f"{day:02d}{sep}{month:02d}{sep}2027"
    try:
        boxed = parse_date_text(written)
    except ValueError:
        boxed = None
    assert parse_deadline(f"Ship the report by {written}", TODAY)[0] == boxed


@pytest.mark.parametrize("text", [
    "Read 12 books by 30-06-27",  # a two-digit year after dashes is not read
    "Bis Ende Juni 2027 drei Workshops für das Vertriebsteam leiten",
    "Publish my novel, target 2027",
    "Ship the 2027 budget forecast",
    "Launch the mentoring scheme 31.13.2027",
])
def test_no_rewrite_adds_a_date_beside_one_that_looks_like_a_date(text):
    r = score_goal(text, today=TODAY)
    assert date_like(r.text, TODAY) is not None
    for _label, rewrite in [(n, t) for n in r.criteria for t in r.criteria[n].rewrites]:
        assert len(YEAR.findall(rewrite)) <= 1, rewrite
    assert r.criteria["time_bound"].rewrites == []


def test_a_past_year_or_an_amount_does_not_stop_the_date_rewrite():
    for text in ("Finish the thesis I started in 2024", "Win 2000 new customers"):
        assert score_goal(text, today=TODAY).criteria["time_bound"].rewrites, text


@pytest.mark.parametrize("text", [
    "Bis Ende Juni 2027 drei Workshops für das Vertriebsteam leiten",
    "Réussir l'examen AWS avant le 30 juin 2027",
    "Aprobar el examen AWS antes del 30 de junio de 2027",
    "Devenir designer UX avant septembre 2027",
    "2027年6月30日前通过AWS认证考试",
    "Superare l'esame AWS entro giugno 2027",
    "Сдать экзамен AWS до июня 2027",
    "Passer trois certifications cloud avant décembre 2027",
])
def test_a_goal_not_in_english_is_told_so_and_gets_no_english_rewrite(text):
    r = score_goal(text, today=TODAY)
    assert r.language_note == LANGUAGE_NOTE
    assert "English only" in r.language_note and "Deadline box" in r.language_note
    assert r.criteria["time_bound"].hints == [
        "Pick the deadline in the Deadline box: the wording checks read dates written in "
        "English only."]
    assert all(not c.rewrites for c in r.criteria.values())
    assert r.date_problem is None  # "septembre", "Juni": that language's month, not a typo


def test_a_goal_not_in_english_with_its_deadline_in_the_box_is_time_bound():
    r = score_goal("Réussir l'examen AWS avant le 30 juin 2027", today=TODAY,
                   deadline=date(2027, 6, 30))
    assert r.criteria["time_bound"].met and r.deadline == date(2027, 6, 30)


@pytest.mark.parametrize("text", [
    "Learn SQL", "Take statin medications daily", "Stop working past 6pm",
    "Publish 4 blog posts monthly", "Finish my résumé by June 2027",
    "Visit the Zürich office in March 2027", "Quarterly OKR review deck finalised",
])
def test_english_goals_stay_english(text):
    assert not not_english(text)
    assert score_goal(text, today=TODAY).language_note is None


@pytest.mark.parametrize("words", [
    ("Get promoted", "Be promoted", "Become promoted"),
    ("Get promoted to Senior Analyst", "Be promoted to Senior Analyst"),
    ("Get AWS certified", "Be AWS certified", "Become AWS certified"),
    ("Get hired", "Be hired"),
    ("Get elected to the staff council", "Be elected to the staff council"),
    ("Get a new job", "Get a job", "Get a new role"),
])
def test_the_same_outcome_scores_alike_whatever_its_verb(words):
    scores = {(r.criteria["specific"].score, r.criteria["measurable"].score)
              for r in (score_goal(w, today=TODAY) for w in words)}
    assert len(scores) == 1, scores


def test_an_outcome_is_measurable_once_it_names_what():
    for text in ("Be promoted to Senior Analyst", "Get a UX job", "Get a job as a UX designer",
                 "Become certified in AWS"):
        c = score_goal(text, today=TODAY).criteria
        assert c["specific"].met and c["measurable"].met, text
    for text, example in (("Be promoted", "'Be promoted to Senior Analyst'"),
                          ("Get a new job", "'Get a new job as a UX designer in Leeds'")):
        c = score_goal(text, today=TODAY).criteria
        assert (c["specific"].met, c["measurable"].met, c["measurable"].score) == (
            False, False, 0.5), text
        hint = c["specific"].hints[0]  # the person's own words, pinned down
        assert "names a direction" not in hint and example in hint


def test_a_correct_outcome_word_is_not_read_as_a_typo():
    r = score_goal("Be elected to the board", today=TODAY)
    assert not any("read 'elected'" in x for x in r.criteria["specific"].reasons)
    assert "'Be selected" not in " ".join(r.criteria["specific"].hints)
