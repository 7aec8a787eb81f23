"""Red team L, notebook 04 (SMART goals), on 6 Dec 2026: a far deadline year that looks
mistyped is asked about in December too, in every deadline field; the drafter drops a
stale error once the goal changes; the scorecard headline counts what was judged; the
parser reads no markup and no split decimal; a too-long goal is said at once; a rewrite
never carries an impossible date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis.notes import workbook_notes
from career_workbook.analysis.scorecard import scorecard_verdict
from career_workbook.model import Goal
from tests.helpers.html_text import text_of

TODAY = "2026-12-06"
DAY = date(2026, 12, 6)


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    p = tmp_path / "lee.yaml"
    store.save(cw.new_workbook("Lee Test", today=date(2026, 12, 1)), p)
    return p


@pytest.fixture
def one_goal(tmp_path: Path) -> Path:
    p = tmp_path / "noor.yaml"
    wb = cw.new_workbook("Noor Test", today=date(2026, 11, 1))
    wb.goals.append(Goal(id="talk", text="Give a talk at the data guild", status="active",
                         created=date(2026, 11, 1)))
    store.save(wb, p)
    return p


def feedback(view) -> str:
    return text_of(view.children[3].value)


def said_beside(view, key: str) -> str:
    return text_of(view.fields[key].message.value)


# ------------------------------------------------------- 2. a far year that looks mistyped
def test_a_december_deadline_in_2062_is_asked_about_with_keep_only(empty):
    # 1 May 2026 has passed: "did you mean 2026?" would suggest a past day, so it was
    # saved at once and the timeline ran to 2060
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Lead the data platform migration by 2062-05-01"
    assert "1 May 2062 is 35 years away: is 2062 the year you mean? If not, fix the year." \
        in feedback(view)
    view.buttons["save"].click()
    assert cw.load(empty).goals == []
    said = said_beside(view, "deadline")
    assert ("Deadline 1 May 2062 is 35 years away: is 2062 the year you mean? Fix the year, "
            "or press “Keep 2062” if it is right.") in said
    assert "did you mean" not in said
    keep = view.buttons["keep_year"]
    assert keep.layout.display is None and keep.description == "Keep 2062"
    keep.click()
    assert cw.load(empty).goals[0].deadline == date(2062, 5, 1)


@pytest.mark.parametrize(("typed", "asked"), [
    ("2072-05-01", "did you mean 2027?"),   # next year's digits: 1 May 2027 is to come
    ("2206-12-20", "did you mean 2026?"),   # today's digits, 20 Dec 2026 to come
    ("2602-02-10", "is 2602 the year you mean?"),  # 10 Feb 2026 has passed
    ("2037-05-01", None),                   # a real ten-year goal
    ("2027-05-01", None),
])
def test_every_deadline_field_asks_by_one_rule(empty, typed, asked):
    drafter = ui.goal_drafter(ui.Session(empty, today=TODAY))
    drafter.fields["text"].value = "Run 3 workshops for the sales team"
    drafter.fields["deadline"].value = typed
    drafter.buttons["save"].click()
    said = said_beside(drafter, "deadline")
    assert (asked in said) if asked else not said, said
    assert (cw.load(empty).goals == []) is bool(asked)


def test_an_action_due_in_a_mistyped_year_is_asked_about_and_kept_on_request(one_goal):
    view = ui.actions_form(ui.Session(one_goal, today=TODAY))
    view.fields["text"].value = "Send the abstract to the guild"
    view.fields["due"].value = "2062-03-01"
    view.buttons["save"].click()
    assert cw.load(one_goal).actions == []
    assert ("Due 1 Mar 2062 is 35 years away: is 2062 the year you mean? Fix the year, or "
            "press “Keep 2062” if it is right.") in said_beside(view, "due")
    view.buttons["keep_year"].click()
    assert cw.load(one_goal).actions[0].due == date(2062, 3, 1)

    view.fields["text"].value = "Book the room"
    view.fields["due"].value = "2072-01-20"
    view.buttons["save"].click()
    assert "did you mean 2027?" in said_beside(view, "due")
    view.fields["due"].value = "2027-01-20"  # fixed: saved
    view.buttons["save"].click()
    assert [a.due for a in cw.load(one_goal).actions] == [date(2062, 3, 1), date(2027, 1, 20)]


def test_a_milestone_due_in_a_mistyped_year_is_asked_about(one_goal):
    view = ui.milestones_form(ui.Session(one_goal, today=TODAY))
    view.fields["title"].value = "Send the abstract"
    view.fields["due"].value = "2062-12-20"
    view.buttons["save"].click()
    assert cw.load(one_goal).goals[0].milestones == []
    assert "Due 20 Dec 2062 is 36 years away: did you mean 2026?" in said_beside(view, "due")
    assert view.buttons["keep_year"].description == "Keep 2062"


def test_validate_notes_mistyped_due_days_of_actions_and_milestones(one_goal):
    wb = cw.load(one_goal)
    wb.actions.append(cw.Action(text="Book the room", due=date(2072, 1, 20)))
    wb.goals[0].milestones.append(cw.Milestone(title="Draft", due=date(2062, 2, 1)))
    notes = workbook_notes(wb, DAY)
    assert ("action 1 (“Book the room”), due = 2072-01-20 is 45 years after today (6 Dec "
            "2026): a typo for "
            "2027? The action waits for that year; if so, fix it in the action plan (step 06)"
            ) in notes
    assert any(n.startswith("goal 1, milestone 1 (“Draft”), due = 2062-02-01 is 35 years after "
                            "today (6 Dec 2026): a typo for 2026?") for n in notes)


# ------------------------------------------------------- 1. a stale error beside a new goal
def test_an_error_goes_once_the_goal_is_changed_and_a_new_one_waits_for_save(empty):
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Learn Python by 2027-02-30"
    assert not said_beside(view, "text")  # typing is not met with a warning
    view.buttons["save"].click()
    assert "30 February 2027 is not a date" in said_beside(view, "text")
    assert "Nothing was saved" in text_of(view.status.value)
    view.fields["text"].value = "Learn Python well by 2027-02-30"  # still true: it stays
    assert "30 February 2027 is not a date" in said_beside(view, "text")
    view.fields["text"].value = "Lead the data migration by 2027-05-01"
    assert not said_beside(view, "text") and not said_beside(view, "deadline")
    assert "Nothing was saved" not in text_of(view.status.value)
    view.fields["text"].value = "Lead the data migration by 1 May 2026"  # passed: said at Save
    assert not said_beside(view, "text") and not said_beside(view, "deadline")
    view.buttons["save"].click()
    assert "Deadline 1 May 2026 has already passed" in said_beside(view, "deadline")
    view.fields["text"].value = "Lead the data migration by 1 May 2027"
    view.buttons["save"].click()
    assert [g.deadline for g in cw.load(empty).goals] == [date(2027, 5, 1)]


def test_a_year_question_goes_with_its_keep_button_once_the_year_is_fixed(empty):
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Read 12 books by 2062"
    view.buttons["save"].click()
    assert "did you mean 2026?" in said_beside(view, "deadline")
    assert view.buttons["keep_year"].layout.display is None
    view.fields["text"].value = "Read 12 books by June 2027"
    assert not said_beside(view, "deadline") and not said_beside(view, "text")
    assert view.buttons["keep_year"].layout.display == "none"
    assert "Nothing was saved" not in text_of(view.status.value)


def test_an_unreadable_deadline_is_still_said_at_once(empty):
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Run 3 workshops for the sales team"
    view.fields["deadline"].value = "2027-13-01"
    assert "not a date" in said_beside(view, "deadline") or "month" in said_beside(
        view, "deadline")
    view.fields["deadline"].value = "2027-03-01"
    assert not said_beside(view, "deadline")


# ------------------------------------------------------- 3. the scorecard's headline
def _goals_workbook(texts, *, confidences=None, vision=""):
    wb = cw.new_workbook("Ana Test", today=date(2026, 11, 1))
    wb.vision.long_term = vision
    for i, text in enumerate(texts):
        wb.goals.append(Goal(id=f"g{i}", text=text, status="active", created=date(2026, 11, 1),
                             confidence=(confidences or {}).get(i)))
        if "Juni" in text:  # its date read from the Deadline box, as the drafter asks
            wb.goals[-1].deadline = date(2027, 6, 30)
    return wb


def scorecard_title(wb) -> str:
    from career_workbook.figures import chart_title, make_figure

    return chart_title(make_figure(wb, "smart_scorecard", today=DAY), "smart_scorecard")


MOSTLY_OPEN = [
    "Pass the AWS Solutions Architect exam by 31 March 2027",
    "Publish 3 articles per month on the team blog until 2027-06-30",
    "Bis Juni 2027 die AWS-Prüfung bestehen",
    "Lead the data platform migration by 2027-05-01",
    "Run 2 workshops for the sales team by 2027-03-15",
]


def test_goals_mostly_unjudged_are_never_said_to_look_smart():
    # relevant open for all 5, achievable for 4: "5 goals look SMART" on one judged 0.8
    wb = _goals_workbook(MOSTLY_OPEN, confidences={0: 8})
    said = scorecard_title(wb)
    assert "look SMART" not in said
    assert said == ("Relevant: not judged for 5 goals — link each to a skill or your vision "
                    "(step 03)")
    wb.goals.pop(1)  # dropping a goal improves none: the verdict stays
    assert scorecard_title(wb).startswith("Relevant: not judged for 4 goals")


def test_a_goal_below_70_keeps_the_headline_from_look_smart():
    vision = "Lead data platform work, pass cloud exams and publish articles"
    strong = ["Pass the AWS Solutions Architect exam by 31 March 2027",
              "Publish 3 articles on the data platform blog by 2027-06-30"]
    wb = _goals_workbook(strong, confidences={0: 8, 1: 8}, vision=vision)
    from career_workbook.analysis import smart_scorecard_frame

    card = smart_scorecard_frame(wb, DAY)
    assert card["not_judged"].map(len).sum() == 0 and (card["score"] >= 70).all()
    assert scorecard_title(wb) == "2 goals look SMART"
    wb.goals.append(Goal(id="de", text="Bis Juni 2027 die AWS-Prüfung bestehen",
                         status="active", created=date(2026, 11, 1), confidence=8,
                         deadline=date(2027, 6, 30)))
    card = smart_scorecard_frame(wb, DAY)
    assert card["score"].iloc[-1] < 70
    assert "look SMART" not in scorecard_title(wb)
    # its low score from what is not judged (its wording, in German) is said as such
    card.loc[card.index[-1], "relevant"] = 1.0
    assert scorecard_verdict(card)[0] == "1 goal scores below 70 — see its hints"


def test_one_goal_missing_a_criterion_is_not_averaged_away():
    import pandas as pd

    from career_workbook import charts

    crit = ["specific", "measurable", "achievable", "relevant", "time_bound"]
    rows = [{"goal_id": f"g{i}", "text": f"Goal {i}", **dict.fromkeys(crit, 1.0),
             "score": 100.0, "not_judged": ()} for i in range(4)]
    rows.append({"goal_id": "g4", "text": "Get better at presenting", **dict.fromkeys(crit, 1.0),
                 "measurable": 0.0, "score": 60.0, "not_judged": ()})
    # measurable averages 0.8 over the five: "5 goals look SMART" with one at 60
    fig = charts.plot_smart_scorecard(pd.DataFrame(rows))
    assert fig.get_suptitle() == "Most to improve: measurable"


# ------------------------------------------------------- 8. markup and decimal commas
def _reasons(text: str) -> list[str]:
    from career_workbook.analysis.smart import score_goal

    result = score_goal(text, today=DAY)
    return [r for c in result.criteria.values() for r in c.reasons]


@pytest.mark.parametrize("goal", [
    "<b>Lead</b> the data migration <script>alert(1)</script> by 2027-05-01",
    "Improve the onboarding guide <script>let n = 42;</script> by 2027-05-01",
    "Improve the onboarding guide <style>p {margin: 3px}</style> by 2027-05-01",
    'Improve the onboarding guide <img src=x onerror="alert(7)"> by 2027-05-01',
])
def test_markup_is_read_as_text_and_is_no_number_source(goal):
    from career_workbook.analysis.smart import score_goal

    said = " ".join(_reasons(goal))
    assert not any(f"'{n}'" in said for n in ("1", "42", "3px", "3", "7")), said
    assert "script" not in said and "alert" not in said
    assert score_goal(goal, today=DAY).deadline == date(2027, 5, 1)


def test_a_number_only_in_markup_makes_no_goal_measurable():
    from career_workbook.analysis.smart import score_goal

    plain = score_goal("Improve the onboarding guide by 2027-05-01", today=DAY)
    marked = score_goal("Improve the <em>onboarding</em> guide <script>alert(1)</script> by "
                        "2027-05-01", today=DAY)
    assert marked.criteria["measurable"].score == plain.criteria["measurable"].score
    assert marked.score == plain.score


@pytest.mark.parametrize(("goal", "whole", "split"), [
    ("Publish 2,5 articles per month by 2027-06-30", "'2,5 articles'", "'5 articles'"),
    ("Run 3,5 km three times a week until 2027-06-30", "'3,5 km'", "'5 km'"),
    ("Save 1,000 euros by 2027-06-30", "'1,000 euros'", "'000 euros'"),
])
def test_a_comma_between_digits_keeps_one_number(goal, whole, split):
    said = _reasons(goal)
    assert any(whole in r for r in said), said
    assert not any(split in r.replace(whole, "") for r in said), said


# ------------------------------------------------------- 7. a goal too long, long lines
PASTE = ("Build and present a forecasting model for the planning team by 2027-06-30. I will "
         "review the model monthly and write up what I learn. ") * 40


def test_the_drafter_says_at_once_that_a_goal_is_too_long(empty):
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = PASTE
    n = len(PASTE.strip())
    said = f"Your goal is too long: at most 2,000 characters (now {n:,})"
    assert said_beside(view, "text") == f"⚠ {said}"  # before any Save
    assert f"{said}: it cannot be saved until it is shorter" in feedback(view)
    view.buttons["save"].click()
    assert cw.load(empty).goals == []
    assert said_beside(view, "text") == f"⚠ {said}"
    view.fields["text"].value = PASTE[:300].rsplit(".", 1)[0] + "."
    assert not said_beside(view, "text") and "too long" not in feedback(view)
    assert "Nothing was saved" not in text_of(view.status.value)
    view.buttons["save"].click()
    assert len(cw.load(empty).goals) == 1


def _feedback_lines(html: str) -> list[str]:
    import html as markup
    import re

    return [markup.unescape(x) for x in re.findall(r"<div style='color:[^']+'>(.*?)</div>",
                                                   html)]


def test_feedback_lines_are_cut_at_a_word(empty):
    from dataclasses import replace

    from career_workbook.analysis.smart import score_goal
    from career_workbook.widgets.forms_goals import smart_feedback_html

    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = PASTE
    lines = _feedback_lines(view.children[3].value)
    assert "a rhythm you can count: 'monthly'" in lines  # each rhythm once, whole
    assert not any("'mont" in line and "'monthly'" not in line for line in lines), lines

    result = score_goal("Review the forecasting model monthly until 2027-06-30", today=DAY)
    long_hint = "Check " + " ".join(f"assumption{i}" for i in range(60))
    criteria = {**result.criteria,
                "specific": replace(result.criteria["specific"], hints=[long_hint])}
    (shown,) = [line for line in _feedback_lines(smart_feedback_html(
        replace(result, criteria=criteria))) if "assumption1" in line]
    assert shown.endswith("…") and len(shown) <= 242
    assert shown[2:-1].split()[-1] in long_hint.split()  # a whole word before "…"


# ------------------------------------------------------- 9. rewrites never keep a bad date
@pytest.mark.parametrize(("goal", "offered"), [
    ("Learn Python by 2027-02-30",  # the reported case: the Time-bound fix is used
     "Learn Python and complete 3 practice projects by 28 February 2027"),
    ("Run workshops by 2027-13-01", "Run 3 workshops by 13 January 2027"),
    ("Improve SQL by 03/04/2027", "Improve SQL by completing 3 practice projects"),  # no fix
    ("Learn Python by 2027-02-30 or 2027-03-15",
     "Learn Python and complete 3 practice projects by 2027-03-15"),
])
def test_a_rewrite_never_carries_an_impossible_date(goal, offered):
    from career_workbook.analysis.smart import score_goal
    from career_workbook.widgets.forms_goals import rewrite_choices

    result = score_goal(goal, today=DAY)
    assert result.date_problem
    rewrites = [text for _, text in rewrite_choices(result)]
    assert offered in rewrites, rewrites
    for text in rewrites:
        assert score_goal(text, today=DAY).date_problem is None, text


def test_the_drafter_offers_the_corrected_date_in_every_rewrite(empty):
    view = ui.goal_drafter(ui.Session(empty, today=TODAY))
    view.fields["text"].value = "Learn Python by 2027-02-30"
    offered = [text_of(row.children[1].value) for row in view.children[4].children]
    assert offered and not any("2027-02-30" in o for o in offered), offered
    assert "Measurable: Learn Python and complete 3 practice projects by 28 February 2027" \
        in offered


@pytest.mark.parametrize("bad", ["2027-02-30", "31 June 2027", "03/04/2027", "Febuary 2027",
                                 "2027-13-01"])
@pytest.mark.parametrize("goal", ["Get better at public speaking by {}",
                                  "By {}, mentor juniors on the team",
                                  "Write blog posts about dbt before {}",
                                  "Improve my Spanish until {} (confidence 8/10)"])
def test_no_rewrite_of_any_goal_with_a_bad_date_keeps_it(goal, bad):
    from career_workbook.analysis.smart import score_goal
    from career_workbook.widgets.forms_goals import rewrite_choices

    result = score_goal(goal.format(bad), today=DAY)
    for _, text in rewrite_choices(result):
        assert bad not in text and score_goal(text, today=DAY).date_problem is None, text
