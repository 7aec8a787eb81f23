"""Issue 13 (and 11 item 3, the drafter half): feedback that holds on goals nobody here wrote.

- every rewrite a hint offers is a whole goal that meets the criterion it is offered for,
  over all labelled sets and a Hypothesis strategy of goal-like sentences;
- habits with a rhythm, completions of a concrete act, a confidence stated in the text,
  the deadline patterns of the issue, impossible dates;
- ``score_goal`` never raises (decimal commas, other scripts' digits, emoji, 20,000
  characters).
"""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from career_workbook.analysis.dates import (
    deadline_candidates,
    find_time_expressions,
    normalize_text,
)
from career_workbook.analysis.smart import CRITERIA, score_goal

TODAY = date(2026, 11, 22)
DATA = Path(__file__).parent / "data"


def _labelled() -> list[tuple[str, date]]:
    goals: list[tuple[str, date]] = []
    for name in ("smart_goals_dev.csv", "smart_goals_blind.csv", "career_goals_dev.csv",
                 "career_goals_holdout.csv", "career_goals_holdout2.csv",
                 "smartspan_dev.csv"):
        with (DATA / name).open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                today = date.fromisoformat(row["today"]) if row.get("today") else TODAY
                goals.append((row.get("text") or row["goal"], today))
    return goals


def assert_rewrites_hold(text: str, today: date, confidence: object = None) -> int:
    """Every offered rewrite is a whole goal that meets its criterion; returns how many."""
    r = score_goal(text, today=today, confidence=confidence)
    offered = 0
    for name in CRITERIA:
        c = r.criteria[name]
        for hint in c.hints:
            assert "…" not in hint, (name, hint)
            assert len(hint) <= 260, hint
        for rewrite in c.rewrites:
            offered += 1
            assert rewrite == rewrite.strip() and "…" not in rewrite and "  " not in rewrite
            assert rewrite[:1].isupper() or not rewrite[:1].isalpha(), rewrite
            again = score_goal(rewrite, today=today, confidence=confidence)
            assert again.criteria[name].met, (name, text, rewrite, again.criteria[name])
            if name == "time_bound":  # one deadline, never "... by 2027-02-30 by 30 June"
                norm = normalize_text(rewrite)
                found = deadline_candidates(find_time_expressions(norm, today), norm)
                assert len(found) == 1, (rewrite, found)
                assert again.deadline is not None and again.deadline >= today
            quoted = [h for h in c.hints if f"'{rewrite}'" in h]
            assert quoted or len(rewrite) > 90, (c.hints, rewrite)
    return offered


def test_rewrites_hold_on_every_labelled_goal() -> None:
    goals = _labelled()
    assert len(goals) > 500
    offered = sum(assert_rewrites_hold(text, today) for text, today in goals)
    assert offered > 300  # most weak goals get at least one


_VERBS = st.sampled_from([
    "Run", "Publish", "Write", "Read", "Review", "Update", "Post", "Take", "Improve", "Learn",
    "Become", "Get", "Attend", "Present at", "Jog", "Walk", "Mentor", "Apply to", "Build",
    "Reduce", "Be more", "Contribute to", "Track", "Meditate", "Exercise", "Ship", "Never miss",
])
_OBJECTS = st.sampled_from([
    "", "workshops for new hires", "the AWS Solutions Architect exam", "a blog post",
    "my goals", "industry news", "my brag document", "a photo", "statin medications",
    "a conference", "my SQL", "Spanish", "a team lead role", "cloud spend by 20%",
    "a popular open source library", "jobs", "the billing dashboard", "two junior analysts",
    "deadlines", "NPS from 6,19 to 7", "\u0663 books", "things 🚀",
])
_TIMES = st.sampled_from([
    "", " daily", " every Friday", " twice a week", " once a week for 30 minutes",
    " by December 2027", " within 3 months", " someday", " by 2027-02-30", " by 31/04/2027",
    " by March 2026", " throughout the year", " by the end of April of next year",
    " before my next performance review", " in Q1 2027", " every night at 9pm until March",
])
_CONF = st.sampled_from(["", " (confidence 8/10)", ", 60% confident", " (3/10)", " 9/10"])


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(_VERBS, _OBJECTS, _TIMES, _CONF, st.dates(date(2000, 1, 1), date(2090, 12, 1)),
       st.sampled_from([None, 2, 6, 9]))
def test_rewrites_hold_on_goal_like_sentences(verb: str, obj: str, when: str, conf: str,
                                              today: date, confidence: int | None) -> None:
    assert_rewrites_hold(f"{verb} {obj}{when}{conf}".replace("  ", " "), today, confidence)


# --------------------------------------------------------------------------- never raises

_TRICKY = st.lists(st.sampled_from(list(
    "abcXYZ 0123456789,./:%-()'\"\u0663\u0967\uff13🚀✨\u202e\u200f\x00\n") + [
    " by ", " 6,19 ", " 2027-02-30 ", " confidence ", "/10", " daily ", " every "]),
    max_size=200).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TRICKY, st.dates(date(1, 1, 10), date(9999, 11, 30)))
def test_score_goal_never_raises(text: str, today: date) -> None:
    r = score_goal(text, today=today)
    assert 0 <= r.score <= 100
    assert set(r.criteria) == set(CRITERIA)


@pytest.mark.parametrize("text", [
    "Raise NPS from 6,19 to 7 by March", "Cut churn from 4,5% to 3,2% in Q1 2027",
    "Read \u0663 books by March 2027", "Read ３ books by March 2027", "🚀" * 5_000,
    "Ship v2 by 2027-02-30 " * 1_000, "x" * 20_000, "1,2,3,4,5,6,7,8,9 " * 2_000,
    "(confidence 8/10) " * 2_000, "by 31/02/2027",
])
def test_odd_text_never_raises(text: str) -> None:
    r = score_goal(text, today=TODAY)
    assert 0 <= r.score <= 100


@pytest.mark.parametrize("text", [r"C:\docs\plans reports", r"Write\x reports",
                                  r"Write\g<name> reports"])  # (<head> is markup: read as text)
def test_a_backslash_in_the_first_word_is_text_not_a_regex_template(text: str) -> None:
    """The "add a number" rewrite put the first word back through re.sub's template, so
    "\\d" or "\\x" in it raised instead of scoring."""
    m = score_goal(text, today=TODAY).criteria["measurable"]
    assert m.rewrites and m.rewrites[0].startswith(text.split()[0] + " 3 "), m


def test_decimal_comma_is_a_number_not_a_crash() -> None:
    r = score_goal("Raise NPS from 6,19 to 7 by March", today=TODAY)
    assert r.criteria["measurable"].met and r.deadline == date(2027, 3, 31)


def test_other_scripts_digits_count() -> None:
    r = score_goal("Read \u0663 books by March 2027", today=TODAY)
    assert r.criteria["measurable"].met


# --------------------------------------------------------------------------- issue patterns

@pytest.mark.parametrize("text", [
    "Read industry news daily", "Update my brag document every Friday",
    "Review my goals every night at 9pm", "Post a photo a week",
    "take statin medications daily", "Pair with a different teammate every sprint",
])
def test_habits_with_a_rhythm_are_specific_and_measurable(text: str) -> None:
    r = score_goal(text, today=TODAY)
    assert r.criteria["specific"].met and r.criteria["measurable"].met, r.to_dict()
    assert not r.criteria["time_bound"].met  # a rhythm has no end by itself


@pytest.mark.parametrize(("text", "measurable"), [
    ("Jog once a week", False),                  # how long or how far?
    ("Jog for 30 minutes once a week", True),
    ("Exercise daily for 30 minutes", True),
])
def test_workouts_need_a_dose(text: str, measurable: bool) -> None:
    assert score_goal(text, today=TODAY).criteria["measurable"].met is measurable


@pytest.mark.parametrize("text", ["Give back to the community", "Contribute to the community"])
def test_a_community_is_not_a_deliverable(text: str) -> None:
    r = score_goal(text, today=TODAY)
    assert not r.criteria["specific"].met and not r.criteria["measurable"].met


@pytest.mark.parametrize(("text", "specific"), [
    ("Take medication daily at 10am", False),       # which medicine?
    ("Set daily reminders and take my pills consistently", False),
    ("Take my statin daily at 10am", True),
    ("Take statin medications every morning", True),
    ("Tick the medication log every day", True),    # the log is the thing
])
def test_a_medicine_must_be_named(text: str, specific: bool) -> None:
    assert score_goal(text, today=TODAY).criteria["specific"].met is specific


@pytest.mark.parametrize(("text", "specific", "measurable"), [
    ("Look into eldercare homes or arrange for a live-in helper", False, False),
    ("Do research on meditation", True, False),
    ("Do something about my career", False, False),
    ("Visit a doctor if the pain persists", True, False),   # a condition, not a target
])
def test_exploring_options_and_conditions(text: str, specific: bool, measurable: bool) -> None:
    r = score_goal(text, today=TODAY)
    assert (r.criteria["specific"].met, r.criteria["measurable"].met) == (specific, measurable)


def test_generic_exercise_is_not_specific() -> None:
    assert not score_goal("Exercise daily for 30 minutes", today=TODAY).criteria[
        "specific"].met
    assert score_goal("Walk for 30 minutes daily", today=TODAY).criteria["specific"].met


@pytest.mark.parametrize("text", [
    "Present at a conference", "Contribute to a popular open source library",
    "Be a contributing author to a book", "Attend a conference", "Contribute to Kubernetes",
    "Add type hints to the whole codebase",
])
def test_completions_of_a_concrete_act(text: str) -> None:
    r = score_goal(text, today=TODAY)
    assert r.criteria["specific"].met and r.criteria["measurable"].met, r.to_dict()


@pytest.mark.parametrize(("text", "confidence"), [
    ("Pass the AWS exam by June (confidence 8/10)", 8),
    ("Pass the AWS exam by June, 80% confident", 8),
    ("Pass the AWS exam by June 9/10", 9),
    ("Walk 30 minutes 3 times a week (Confidence level: 7/10)", 7),
    ("Log my meals (50-60% confidence)", 5.5),
    ("Log my meals daily (Confidence 8)", 8),
    ("Log my meals daily (confidence: 7 out of 10)", 7),
    ("Log my meals daily, conf 6/10", 6),
    ("Log my meals daily with 70% confidence", 7),
])
def test_confidence_stated_in_the_text_is_used(text: str, confidence: float) -> None:
    r = score_goal(text, today=TODAY)
    c = r.criteria["achievable"]
    assert r.confidence == confidence
    assert any("stated in your goal" in reason for reason in c.reasons)
    assert not any("How confident are you" in h for h in c.hints)
    assert c.judged and c.met == (confidence >= 7)  # weighed; met from 7 up
    assert "8/10" not in " ".join(r.criteria["measurable"].reasons)  # not a target


def test_stated_confidence_is_used_like_the_argument() -> None:
    low = score_goal("Pass the AWS exam by June (confidence 2/10)", today=TODAY)
    assert not low.criteria["achievable"].met and low.criteria["achievable"].hints
    same = score_goal("Pass the AWS exam by June", today=TODAY, confidence=2)
    assert low.criteria["achievable"].score == same.criteria["achievable"].score
    # the stored confidence (the argument) wins over the text
    assert score_goal("Pass it by June (confidence 2/10)", today=TODAY,
                      confidence=9).confidence == 9


def test_without_a_confidence_achievable_asks() -> None:
    r = score_goal("Pass the AWS exam by June", today=TODAY)
    assert not r.criteria["achievable"].met and r.confidence is None
    assert "How confident are you" in r.criteria["achievable"].hints[0]
    assert "how confident you are" in r.summary
    assert r.smartness == "Partially SMART"


@pytest.mark.parametrize(("text", "today", "expected"), [
    ("I made it the goal for 2026 of trying to achieve the AWS certification",
     date(2025, 12, 20), date(2026, 12, 31)),
    ("Attend LavaCon 2024", date(2024, 1, 5), date(2024, 12, 31)),
    ("Finish the course by the end of April of next year", TODAY, date(2027, 4, 30)),
    ("Publish one post a month throughout the year", date(2026, 12, 31), date(2027, 12, 31)),
    ("Go to the gym (once a week for 48 weeks of the year)", date(2027, 1, 1),
     date(2027, 12, 31)),
    ("Sit the exam during the September/October timeframe", TODAY, date(2027, 10, 31)),
    ("My goals for 2027: ship v2 of the app by the end of March", date(2026, 12, 30),
     date(2027, 3, 31)),
    ("H2 goal: migrate the billing service to Postgres", date(2027, 6, 30),
     date(2027, 12, 31)),
    ("Give my first talk by Easter", TODAY, date(2027, 3, 28)),
    ("Make 2027 the year I switch careers into UX", TODAY, date(2027, 12, 31)),
])
def test_issue_deadlines(text: str, today: date, expected: date) -> None:
    r = score_goal(text, today=today)
    assert r.deadline == expected and r.criteria["time_bound"].met


def test_impossible_date_is_named_with_a_real_rewrite() -> None:
    r = score_goal("Pass the PMP exam by 2027-02-30", today=TODAY)
    tb = r.criteria["time_bound"]
    assert r.deadline is None and not tb.met
    assert r.date_problem == "30 February 2027 is not a date (February 2027 has 28 days)"
    assert "30 February 2027 is not a date" in tb.reasons[0]
    assert "30 February 2027 is not a date" in tb.hints[0]
    assert tb.rewrites == ["Pass the PMP exam by 28 February 2027"]
    assert not any("2027-02-30 by" in h or "No deadline" in h for h in tb.hints)


def test_hints_offer_no_second_deadline() -> None:
    for text in ("Pass the PMP exam by March 2026", "Learn Rust someday",
                 "Review my goals every Sunday", "Pass the exam by 31/04/2027"):
        for rewrite in score_goal(text, today=TODAY).criteria["time_bound"].rewrites:
            assert len(re.findall(r"\bby\b|\buntil\b", rewrite)) == 1, rewrite


def test_rewrites_for_the_issue_examples_are_whole_goals() -> None:
    r = score_goal("Apply to jobs", today=TODAY)
    assert "Apply 3 to jobs" not in " ".join(r.criteria["measurable"].hints)
    r = score_goal("Review my goals every Saturday", today=TODAY)
    assert r.criteria["time_bound"].rewrites == ["Review my goals every Saturday until "
                                                 "30 June 2027"]
    r = score_goal("Finish the draft before the next session", today=TODAY)
    assert not any("session by" in x for x in r.criteria["time_bound"].rewrites)


def test_long_goals_get_a_rewrite_but_a_short_hint() -> None:
    text = ("Write and publish a detailed series of technical articles about how our team "
            "migrated the whole analytics platform to the cloud")
    tb = score_goal(text, today=TODAY).criteria["time_bound"]
    assert tb.rewrites == [text + " by 30 June 2027"]
    assert all(len(h) < 120 for h in tb.hints)


def test_speed_median_stays_under_a_millisecond() -> None:
    import statistics
    import time

    goals = [text for text, _ in _labelled()]
    score_goal(goals[0], today=TODAY)
    times = []
    for text in goals:
        start = time.perf_counter()
        score_goal(text, today=TODAY)
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.003  # ~0.6 ms here; generous for a slow CI
    assert timedelta(seconds=max(times)) < timedelta(seconds=1)


# --------------------------------------------------------------------------- passed deadlines

_GOALS = st.sampled_from([
    "Hand over the on-call rota", "Pass the PMP exam", "Publish 3 blog posts about Rust",
    "Run two workshops for the sales team", "Migrate the billing service to Postgres",
])
_PASSED = st.sampled_from([
    ("by 15 February 2027", "by"), ("before 1 March 2026", "before"),
    ("until 31/12/2026", "until"), ("in March 2026", "by"), ("by the end of 2026", "by"),
    ("by Q3 2026", "by"), ("no later than 2026-06-30", "no later than"),
])
_ENDINGS = st.sampled_from([
    "", ".", "!", "?", "...", " ", "\n", ".  \n", ". Then I will rest.", "; then celebrate!",
])


@settings(max_examples=200, deadline=None)
@given(_GOALS, _PASSED, _ENDINGS, st.booleans(), st.dates(date(2027, 3, 2), date(2030, 12, 31)))
def test_a_passed_deadline_is_replaced_in_place(goal: str, passed: tuple[str, str],
                                                ending: str, bracketed: bool,
                                                today: date) -> None:
    """The new date takes the old phrase's place, with the person's own word ("before",
    "until") and ending ("." "!" a bracket, a second sentence); nothing after the full stop."""
    from career_workbook.analysis.dates import format_date, suggested_deadline

    phrase, prep = passed
    core = f"{goal} {phrase}"
    text = f"({core}){ending}" if bracketed else core + ending
    tb = score_goal(text, today=today).criteria["time_bound"]
    new = f"{goal} {prep} {format_date(suggested_deadline(today))}"
    expected = (f"({new}){ending}" if bracketed else new + ending).strip()
    assert not tb.met
    assert tb.rewrites == [expected]
    assert "already passed" in tb.hints[0]
    assert f"'{expected}'" in tb.hints[0] or len(expected) > 90  # long ones are not quoted


def test_the_issue_example_keeps_its_full_stop() -> None:
    tb = score_goal("Hand over the on-call rota by 15 February 2027.",
                    today=date(2027, 3, 1)).criteria["time_bound"]
    assert tb.rewrites == ["Hand over the on-call rota by 30 September 2027."]


def test_several_passed_dates_leave_one_new_deadline() -> None:
    tb = score_goal("Draft the plan by 10 January 2027 and ship it by 15 February 2027.",
                    today=date(2027, 3, 1)).criteria["time_bound"]
    assert tb.rewrites == ["Draft the plan and ship it by 30 September 2027."]


@pytest.mark.parametrize(("text", "rewrite"), [
    ("Be more productive.", "Be more productive by 30 June 2027."),
    ("Run workshops for new hires!", "Run workshops for new hires by 30 June 2027!"),
    ("(Write the onboarding guide)", "(Write the onboarding guide by 30 June 2027)"),
    ("Review my goals every Sunday.\n", "Review my goals every Sunday until 30 June 2027."),
    ("Learn Rust someday.", "Learn Rust by 30 June 2027."),
    ("Pass the AWS exam (confidence 8/10).",
     "Pass the AWS exam by 30 June 2027 (confidence 8/10)."),
    ("Write the onboarding guide (part 2),", "Write the onboarding guide (part 2) by 30 June "
                                             "2027"),
])
def test_an_added_date_goes_before_the_persons_ending(text: str, rewrite: str) -> None:
    assert score_goal(text, today=TODAY).criteria["time_bound"].rewrites == [rewrite]


# --------------------------------------------------------------------------- past clauses

@pytest.mark.parametrize(("text", "deadline"), [
    ("I finished the AWS course by 15 February 2027.", None),   # about the past
    ("We launched the portal in January 2027", None),
    ("I've handed over the rota by 15 February 2027", None),
    ("I decided to learn Spanish by June 2027", date(2027, 6, 30)),   # an intention
    ("I committed to running 3 workshops by June 2027", date(2027, 6, 30)),
    ("We launched the portal in January 2027 and will add billing by June 2027",
     date(2027, 6, 30)),
    ("I passed the AWS exam in 2026, next I want to pass the CKA by June 2027",
     date(2027, 6, 30)),
    ("I set a target for 2027 of three talks", date(2027, 12, 31)),
])
def test_a_clause_about_the_past_sets_no_deadline(text: str, deadline: date | None) -> None:
    """"I finished X by <date>" tells what happened: no deadline, so no "has passed, pick a new
    date" for something already done."""
    r = score_goal(text, today=date(2027, 3, 1))
    assert r.deadline == deadline
    assert not any("already passed" in h for h in r.criteria["time_bound"].hints)


def test_the_end_of_a_past_year_is_a_date_not_an_amount() -> None:
    from career_workbook.analysis.dates import parse_deadline

    today = date(2027, 3, 1)
    assert parse_deadline("Ship v2 by the end of 2026", today) == (date(2026, 12, 31),
                                                                   "by the end of 2026")
    assert parse_deadline("Cut costs by 2000", today) == (None, None)


# --------------------------------------------------------------------------- rewrites that fit

# Red-team B, item 5: "Use this" offered "Ask my manager for a promotion twice a week before my
# review" and "Quit smoking by completing 3 practice projects by March 2027". A rhythm fits a
# practice, never a one-off outcome; practice projects fit building a technical skill, never
# quitting; a language gets a level; where nothing fits, no rewrite (the hint still helps).

ONE_OFF_VERBS = frozenset({
    "ask", "pass", "ship", "submit", "apply", "launch", "finish", "complete", "get", "earn",
    "obtain", "land", "secure", "win", "hire", "negotiate", "sign", "book", "deliver",
    "release", "find", "switch", "move", "transition", "hand", "quit", "publish"})
QUITTING = re.compile(r"^\(?(?:quit|stop|avoid|give\s+up|cut\s+out|kick|never)\b", re.I)
RHYTHM = re.compile(r"\b(?:once|twice|three\s+times)\s+a\s+(?:day|week|month)\b|\ba\s+day\b",
                    re.I)


def _ngrams(words: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(words[k:k + n]) for k in range(len(words) - n + 1)]


def assert_rewrites_fit(text: str, today: date) -> int:
    """Every rewrite offered reads as one sentence that fits the goal; returns how many."""
    r = score_goal(text, today=today)
    words = re.findall(r"[\w'/%-]+", text.lower())
    first = words[0] if words else ""
    norm = normalize_text(text)
    phrases = [e.phrase for e in find_time_expressions(norm, today)
               if e.kind in ("date", "window", "vague")]
    offered = 0
    for name in CRITERIA:
        for rewrite in r.criteria[name].rewrites:
            offered += 1
            new = re.findall(r"[\w'/%-]+", rewrite.lower())
            for a, b in zip(new, new[1:], strict=False):  # "the the", "a week a week"
                assert a != b or (a, b) in set(_ngrams(words, 2)), (text, rewrite)
            for n in (2, 3, 4):  # "each time ... each time", "by completing ... by completing"
                for gram in set(_ngrams(new, n)):
                    assert (_ngrams(new, n).count(gram) <= max(1, _ngrams(words, n).count(gram))
                            ), (text, rewrite, gram)
            if name == "time_bound":
                continue
            assert first not in ONE_OFF_VERBS or not RHYTHM.search(rewrite) or RHYTHM.search(
                text), (text, rewrite)  # never "Ask ... twice a week"
            if QUITTING.search(text):
                assert "practice project" not in rewrite, (text, rewrite)
                assert name != "measurable" or re.search(r"in a row|no more than", rewrite), (
                    text, rewrite)
            for phrase in phrases:  # the date phrase stays whole
                assert phrase.lower() in rewrite.lower(), (text, rewrite, phrase)
            if re.search(r"\bby\s+\w+ing\b", text, re.I):  # "by watching videos" already says how
                assert "by completing" not in rewrite, (text, rewrite)
            again = score_goal(rewrite, today=today)
            assert again.deadline == r.deadline, (text, rewrite)  # the deadline never moves
    return offered


# a yes/no outcome is checkable, so Measurable is met and no rewrite is offered for it (the
# scorer's rule, red-team B item 8: "Quit smoking by March 2027" is done or not)
VERIFIABLE = {"pass cfa level 1 in may 2027", "Ship the data platform in 2 weeks' time",
              "Quit smoking by March 2027", "Give up sugar", "Stop eating junk food",
              "Stop checking email after 8pm"}


@pytest.mark.parametrize(("text", "rewrite"), [
    # the red-team's goals
    ("Ask my manager for a promotion before my review", None),
    ("pass cfa level 1 in may 2027", None),
    ("Ship the data platform in 2 weeks' time", None),
    ("Quit smoking by March 2027", "Quit smoking for 30 days in a row by March 2027"),
    ("Stop procrastinating", "Stop procrastinating for 30 days in a row"),
    ("Learn French", "Learn French to B1 level"),
    # one-off outcomes: no rhythm (and no other template fits)
    ("Negotiate a raise before my annual review", None),
    ("Find a new job", None),
    ("Switch to the platform team in Q2 2027", None),
    ("Attend the leadership offsite", None),
    ("Post my portfolio online", None),
    ("Publish my research", None),
    ("Secure funding for the startup", None),
    ("Ask for a mentor", None),
    # practices: a rhythm that suits them, before the deadline and its lead-in, kept whole
    ("Practise the piano", "Practise the piano twice a week"),
    ("Practise public speaking before my talk in May 2027",
     "Practise public speaking twice a week before my talk in May 2027"),
    ("(Practise guitar before the gig!)", "(Practise guitar twice a week before the gig!)"),
    ("Read industry news", "Read industry news twice a week"),
    ("Write blog posts about data engineering",
     "Write blog posts about data engineering twice a week"),
    ("Cook dinner at home", "Cook dinner at home twice a week"),
    ("Review my goals", "Review my goals once a week"),
    ("Study the AWS whitepapers before my exam on 12 March 2027",
     "Study the AWS whitepapers twice a week before my exam on 12 March 2027"),
    ("Meet with my mentor", "Meet with my mentor once a month"),
    ("Network with other product designers",
     "Network with other product designers once a month"),
    ("Call my grandmother", "Call my grandmother once a month"),
    ("Volunteer at the food bank", "Volunteer at the food bank once a month"),
    ("Coach a junior colleague", "Coach a junior colleague once a month"),
    # workouts: how long as well as how often
    ("Swim at the leisure centre", "Swim at the leisure centre for 30 minutes three times a week"),
    ("Exercise", "Exercise for 30 minutes three times a week"),
    ("Meditate before bed.", "Meditate before bed for 10 minutes a day."),
    ("Jog with my spouse every weekend, adding two laps each time",
     "Jog for 30 minutes with my spouse every weekend, adding two laps each time"),
    # quitting: a streak; cutting down on a countable thing: a weekly limit
    ("Give up sugar", "Give up sugar for 30 days in a row"),
    ("Cut out alcohol before the wedding",
     "Cut out alcohol for 30 days in a row before the wedding"),
    ("Stop eating junk food", "Stop eating junk food for 30 days in a row"),
    ("Stop biting my nails", "Stop biting my nails for 30 days in a row"),
    ("Stop checking email after 8pm", "Stop checking email after 8pm for 30 days in a row"),
    ("Quit social media", "Quit social media for 30 days in a row"),
    ("Cut down on takeaways", "Cut down on takeaways to no more than 2 a week"),
    ("Limit snacks between meals", "Limit snacks to no more than 2 a week between meals"),
    ("Quit vaping for good", None),               # not "for good for 30 days in a row"
    ("Cut out takeaways every Friday", None),     # "for 30 days" would read as the deadline
    ("Quit the choir", None),                     # leaving, not a habit
    ("Avoid burnout", None),
    ("Never smoke again", None),
    ("Reduce oil intake during festive season", None),
    # a language: a level
    ("Learn Spanish before my trip to Madrid",
     "Learn Spanish to B1 level before my trip to Madrid"),
    ("Improve my German", "Improve my German to B2 level"),
    ("Learn to speak Mandarin by the end of 2027",
     "Learn to speak Mandarin at B1 level by the end of 2027"),
    ("Learn French (confidence 7/10).", "Learn French to B1 level (confidence 7/10)."),
    ("I want to learn Portuguese before moving to Lisbon",
     "I want to learn Portuguese to B1 level before moving to Lisbon"),
    ("Learn French cooking", None),               # not the language
    ("Learn Japanese to pass JLPT N4", None),     # an exam is named already
    # a technical skill: practice projects
    ("Master Kubernetes in Q2 2027",
     "Master Kubernetes by completing 3 practice projects in Q2 2027"),
    ("Improve my Python skills", "Improve my Python skills by completing 3 practice projects"),
    ("Learn to code", "Learn to code by completing 3 practice projects"),
    ("Learn data science", "Learn data science by completing 3 practice projects"),
    ("Master Excel pivot tables by June 2027",  # not "... projects by June 2027"
     "Master Excel pivot tables and complete 3 practice projects by June 2027"),
    ("Learn Python by watching videos", None),    # the how is said: no second "by"
    # soft skills and directions: nothing fits, the hint says what is missing
    ("Learn to delegate", None),
    ("Improve my time management", None),
    ("Improve team morale", None),
    ("Sharpen my presentation skills", None),
    ("Grow my territory", None),
    ("Build my personal brand", None),
    ("Keep learning new things", None),
    # a count before a plural object, as before
    ("Run workshops for new hires", "Run 3 workshops for new hires"),
    ("Read books on leadership", "Read 3 books on leadership"),
])
def test_a_rewrite_fits_the_kind_of_goal(text: str, rewrite: str | None) -> None:
    m = score_goal(text, today=TODAY).criteria["measurable"]
    if text in VERIFIABLE:
        assert m.met and m.rewrites == [], (text, m)
        assert_rewrites_fit(text, TODAY)
        return
    assert not m.met
    assert m.rewrites == ([rewrite] if rewrite else [])
    if rewrite is None:  # the hint still helps; an outcome that names nothing ("Find a new
        # job", as "Get a new job") asks which role instead
        assert m.hints and ("you can check" in m.hints[0] or "Name the role" in m.hints[0])
    else:
        assert f"'{rewrite}'" in m.hints[0]
    assert_rewrites_fit(text, TODAY)


def test_the_reported_rewrites_are_gone() -> None:
    """The exact rewrites the red team saw are no longer offered for any criterion."""
    today = date(2026, 12, 5)
    for text, bad in [
        ("Ask my manager for a promotion before my review", "twice a week"),
        ("pass cfa level 1 in may 2027", "twice a week"),
        ("Ship the data platform in 2 weeks' time", "twice a week"),
        ("Quit smoking by March 2027", "practice projects"),
        ("Stop procrastinating", "practice projects"),
        ("Learn French", "practice projects"),
    ]:
        r = score_goal(text, today=today)
        offered = [x for name in CRITERIA for x in r.criteria[name].rewrites]
        assert not any(bad in x for x in offered), (text, offered)
        assert not any(bad in h for name in CRITERIA for h in r.criteria[name].hints)


def test_language_level_also_names_what_to_reach() -> None:
    sp = score_goal("Improve my German", today=TODAY).criteria["specific"]
    assert sp.rewrites == ["Improve my German to B2 level"]
    assert sp.hints[0] == "Name the level: 'Improve my German to B2 level'"
    m = score_goal("Stop procrastinating by March 2027", today=TODAY).criteria["measurable"]
    assert m.hints[0] == ("Count the days in a row: "
                          "'Stop procrastinating for 30 days in a row by March 2027'")


def test_rewrites_fit_every_labelled_goal() -> None:
    assert sum(assert_rewrites_fit(text, today) for text, today in _labelled()) > 300


_FIT_VERBS = st.sampled_from([
    "Ask my manager for", "Pass", "Ship", "Submit", "Apply for", "Launch", "Finish", "Get",
    "Quit", "Stop", "Avoid", "Give up", "Cut out", "Never miss", "Learn", "Improve", "Master",
    "Practise", "Study", "Read", "Write", "Post", "Meet", "Network with", "Swim", "Meditate",
    "Cut down on", "Limit", "Attend", "Visit", "Review",
])
_FIT_OBJECTS = st.sampled_from([
    "", "a promotion", "the CFA level 1 exam", "smoking", "procrastinating", "French", "Rust",
    "my SQL skills", "the basics of machine learning", "public speaking", "industry news",
    "a book", "takeaways", "sugar", "my mentor", "the data platform", "blog posts", "deadlines",
    "Japanese cooking", "data science by building 2 apps",
])
_FIT_TIMES = st.sampled_from([
    "", " by March 2027", " in may 2027", " in 2 weeks' time", " before my review",
    " before my talk in May 2027", " by the end of next month", " someday", " in Q2 2027",
    " every Friday", " for my kids by June 2027",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_FIT_VERBS, _FIT_OBJECTS, _FIT_TIMES, st.sampled_from(["", ".", "!"]))
def test_rewrites_fit_goal_like_sentences(verb: str, obj: str, when: str, end: str) -> None:
    assert_rewrites_fit(f"{verb} {obj}{when}{end}".replace("  ", " "), TODAY)


# --------------------------------------------------------------------------- red team B

RED_TODAY = date(2026, 12, 5)


@pytest.mark.parametrize("text", [
    "Get promoted to senior manager by decmber 2027",
    "Pass the PMP exam by Febuary 2027",
    "Pass the PMP exam by 2027-13-01",
    "Pass the PMP exam by 2027-14-20",
    "Pass the PMP exam by 2025",
    "Pass the PMP exam by yesterday",
    "Finish the course by 03/04/2027",
    "Aprobar el examen DELE B2 antes de diciembre de 2027",
    "Réussir le DELF B2 d'ici juin 2027",
    "Bis Ende 2027 Teamleiter werden",
    "2027年12月までにJLPT N2に合格する",
    "Run 3 workshops for the sales team durante 2028",
])
def test_a_date_the_reader_cannot_use_never_gets_a_second_date(text: str) -> None:
    """The one-click rewrite mends the person's date in its place or is not offered: it
    never appends "by 30 June 2027" beside a date the reader could not use."""
    r = score_goal(text, today=RED_TODAY)
    tb = r.criteria["time_bound"]
    assert not tb.met and r.deadline is None or r.deadline < RED_TODAY
    suggested = "30 June 2027"
    for rewrite in tb.rewrites:
        if suggested in rewrite:  # a passed date replaced, never kept beside the new one
            assert not re.search(r"2025|yesterday", rewrite), rewrite
        assert len(re.findall(r"\b(?:19|2[01])[0-9]{2}\b", rewrite)) == 1, rewrite
    assert not any("Add a date" in h for h in tb.hints), tb.hints


def test_the_feedback_names_what_it_could_not_read_and_how_to_write_it() -> None:
    r = score_goal("Get promoted to senior manager by decmber 2027", today=RED_TODAY)
    tb = r.criteria["time_bound"]
    assert r.date_problem == ("I could not read “decmber 2027” as a date: write it like 31 "
                              "December 2027.")
    assert tb.rewrites == ["Get promoted to senior manager by December 2027"]
    assert score_goal(tb.rewrites[0], today=RED_TODAY).deadline == date(2027, 12, 31)
    r = score_goal("Pass the PMP exam by Febuary 2027", today=RED_TODAY)
    assert "window" not in " ".join(r.criteria["time_bound"].reasons)
    assert r.criteria["time_bound"].rewrites == ["Pass the PMP exam by February 2027"]
    r = score_goal("Finish the course by 03/04/2027", today=RED_TODAY)
    assert r.date_problem == ("“03/04/2027” could be 3 April or 4 March: please write the month"
                              " in words, e.g. 3 April 2027.")
    assert r.criteria["time_bound"].rewrites == []
    r = score_goal("Publish my novel, target 2027", today=RED_TODAY)
    assert r.date_problem is None  # perhaps a name: it does not stop a save
    assert r.criteria["time_bound"].hints == [
        "I could not read “target 2027” as a deadline: if it is one, write it like 31 "
        "December 2027."]
    assert r.criteria["time_bound"].rewrites == []
    r = score_goal("Aprobar el examen DELE B2 antes de diciembre de 2027", today=RED_TODAY)
    assert r.date_problem is None  # not English: its date is left to the Deadline box
    assert r.criteria["time_bound"].hints == [
        "Pick the deadline in the Deadline box: the wording checks read dates written in "
        "English only."]


@pytest.mark.parametrize(("text", "passed"), [
    ("Pass the PMP exam by 2025", "31 Dec 2025"),
    ("Pass the PMP exam by yesterday", "4 Dec 2026"),
])
def test_a_past_year_or_day_is_named_as_passed(text: str, passed: str) -> None:
    r = score_goal(text, today=RED_TODAY)
    assert r.criteria["time_bound"].hints[0].startswith(f"{passed} has already passed")
    assert r.criteria["time_bound"].rewrites == ["Pass the PMP exam by 30 June 2027"]


def test_before_a_year_is_the_year_before() -> None:
    r = score_goal("Ship the data platform before 2027", today=RED_TODAY)
    assert r.deadline == date(2026, 12, 31)
    assert r.criteria["time_bound"].reasons == [
        "deadline: 'before 2027' -> 31 Dec 2026"]
