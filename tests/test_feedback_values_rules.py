"""Notebooks 02 and 03: rules a person can predict (a red-team walk found them broken).

- values of equal importance share a rank and a colour; the top three hold every value
  tied with the third, and the wheel and the table say so;
- feedback dated after today is refused by the form, and comments are shown as of today;
- reputation behaviours are rated on a scale of how often, not of skill levels;
- a rater's code with a space (a name, "Sam Smith") is refused, in the form and in a file;
- the 360 chart names its dotted line, and its empty state names the first step missing;
- how you rate yourself is one rule: your latest self-assessment, and "Myself" in the 360
  form saves one, so notebook 01's radar and the 360 chart show the same level.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

import career_workbook as cw
from career_workbook import analysis, charts, figures, store
from career_workbook import widgets as ui
from career_workbook.charts._style import PALETTE, TARGET, placeholder_message
from career_workbook.model import REPUTATION_BEHAVIOURS, Assessment, Feedback, Skill, Value
from career_workbook.widgets.forms_feedback import check_feedback_csv
from career_workbook.widgets.session import localize
from tests.helpers.html_text import text_of

ROOT = Path(__file__).resolve().parents[1]
PRIYA = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
TODAY = "2026-11-22"


def with_values(pairs) -> cw.Workbook:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.values = [Value(name=n, importance=i) for n, i in pairs]
    return wb


def all_text(widget) -> str:
    """Every text a form shows (the values of its HTML widgets), tags as spaces."""
    found = [widget.value] if isinstance(getattr(widget, "value", None), str) else []
    found += [all_text(child) for child in getattr(widget, "children", ())]
    return " ".join(" ".join(text_of(f, " ") for f in found).split())


def wedge_colours(fig) -> dict[str, str]:
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.texts if not t.get_text().isdigit()]
    return {n: to_hex(p.get_facecolor()) for n, p in zip(names, ax.patches, strict=True)}


# ------------------------------------------------------------------ 03: ties in the values
TIED = [("Autonomy", 8), ("Balance", 8), ("Learning", 8), ("Family", 10), ("Craft", 6),
        ("Security", 7)]


def test_values_of_equal_importance_share_a_rank():
    ranked = analysis.ranked_values(with_values(TIED))
    assert ranked[["rank", "name"]].values.tolist() == [
        [1, "Family"], [2, "Autonomy"], [2, "Balance"], [2, "Learning"], [5, "Security"],
        [6, "Craft"]]
    assert analysis.top_values_note(ranked) == (
        "4 values make your top three: Autonomy, Balance and Learning tie for second place "
        "at 8.")
    # no tie across the third place: three values, nothing to say
    plain = analysis.ranked_values(with_values([("A", 9), ("B", 9), ("C", 7), ("D", 5)]))
    assert plain["rank"].tolist() == [1, 1, 3, 4] and analysis.top_values_note(plain) == ""


def test_the_wheel_colours_every_value_tied_with_the_third_and_says_so():
    fig = charts.plot_values_wheel(analysis.ranked_values(with_values(TIED)))
    colours = wedge_colours(fig)
    top, other = TARGET.lower(), PALETTE["sky"].lower()
    assert {n for n, c in colours.items() if c == top} == {"Family", "Autonomy", "Balance",
                                                           "Learning"}
    assert {n for n, c in colours.items() if c == other} == {"Security", "Craft"}
    legend = fig.legends[0]
    title = " ".join(legend.get_title().get_text().split())
    assert "4 values make your top three: Autonomy, Balance and Learning tie" in title
    assert [t.get_text() for t in legend.get_texts()] == ["Top three (with the tie)",
                                                           "Other values"]


def test_a_rank_that_split_a_tie_does_not_split_the_colours():
    """A frame ranked 1, 2, 3, 4 for 10, 8, 8, 8 coloured Learning as "other values"."""
    frame = analysis.ranked_values(with_values(TIED)).assign(rank=[1, 2, 3, 4, 5, 6])
    colours = wedge_colours(charts.plot_values_wheel(frame))
    assert colours["Learning"] == colours["Autonomy"] == TARGET.lower()


def test_the_shipped_example_highlights_craft_fairness_and_learning_alike(tmp_path):
    wb = cw.load(PRIYA)
    colours = wedge_colours(charts.plot_values_wheel(analysis.ranked_values(wb)))
    assert colours["Craft"] == colours["Fairness"] == colours["Learning"] == TARGET.lower()
    assert colours["Recognition"] == PALETTE["sky"].lower()
    # the table of notebook 03 ranks them alike and names the tie
    path = tmp_path / "priya.yaml"
    shutil.copy(PRIYA, path)
    view = ui.values_form(ui.Session(path, today=TODAY))
    text = all_text(view)
    assert "5 values make your top three: Craft, Fairness and Learning tie for third " \
           "place at 8." in text
    ranks = re.findall(r"\b([1-6]) (Curiosity|Family time|Craft|Fairness|Learning|Recognition)"
                       r"\b", text)
    assert ranks == [("1", "Curiosity"), ("1", "Family time"), ("3", "Craft"),
                     ("3", "Fairness"), ("3", "Learning"), ("6", "Recognition")]


# ------------------------------------------------------------------ 02: the 360 form
def feedback_book(tmp_path: Path, feedback=(), assessments=()) -> ui.Session:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills = [Skill(name="SQL"), Skill(name="Python"), Skill(name="Writing")]
    wb.assessments = list(assessments)
    wb.feedback = list(feedback)
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    return ui.Session(path, today=TODAY)


def fill(view, group="peer", code="P1", day=TODAY, ratings=None, reputation=None,
         comment="") -> None:
    view.fields["rater_group"].value = group
    view.fields["rater_id"].value = code
    view.fields["date"].value = day
    for skill, level in (ratings or {}).items():
        view.fields[f"ratings.{skill}"].value = level
    for key, level in (reputation or {}).items():
        view.fields[f"reputation.{key}"].value = level
    view.fields["comment"].value = comment


def said(view, key: str) -> str:
    return " ".join(text_of(view.fields[key].message.value).split())


def peers(day: date, comment: str = "", n: int = 3, first: int = 1) -> list[Feedback]:
    return [Feedback(rater_group="peer", rater_id=f"P{i}", date=day, ratings={"SQL": 3},
                     comment=comment and f"{comment} {i}")
            for i in range(first, first + n)]


def test_feedback_dated_after_today_is_refused_beside_the_date(tmp_path):
    session = feedback_book(tmp_path)
    before = session.path.read_bytes()
    view = ui.feedback_form(session)
    fill(view, day="2027-01-15", ratings={"SQL": 3}, comment="future")
    view.buttons["save"].click()
    assert said(view, "date").endswith("“Date” is 15 Jan 2027, after today (22 Nov 2026): "
                                       "feedback records something that has already "
                                       "happened.")
    assert session.path.read_bytes() == before
    fill(view, day="2062-11-20", ratings={"SQL": 3})  # two digits swapped: asked
    view.buttons["save"].click()
    assert said(view, "date").endswith("Did you mean 2026?")
    fill(view, day="2026-11-20", ratings={"SQL": 3}, comment="past")
    view.buttons["save"].click()
    assert "feedback from P1 added" in view.status.value
    assert [f.comment for f in cw.load(session.path).feedback] == ["past"]


def test_comments_are_shown_as_of_today(tmp_path):
    """A comment dated after today (stored before the form refused it, or imported) was
    listed under "What colleagues wrote" while the 360 chart left its rating out."""
    past, future = date(2026, 10, 1), date(2027, 1, 15)
    session = feedback_book(tmp_path, [*peers(past, "Clear"), *peers(future, "future", 1, 4)])
    text = all_text(ui.feedback_comments(session))
    assert "Clear 1" in text and "future" not in text
    wb = cw.load(session.path)
    assert "future 4" not in analysis.feedback_comments(wb, today=date(2026, 11, 22))[
        "comment"].tolist()
    assert "future 4" in analysis.feedback_comments(wb, today=future)["comment"].tolist()
    # a group counts only the raters who answered by today: two now, so nothing is shown
    two = feedback_book(tmp_path, [*peers(past, "Early", 2), *peers(future, "Late", 1, 3)])
    assert "Early" not in all_text(ui.feedback_comments(two))


def test_reputation_is_rated_on_a_scale_of_how_often_not_of_skill_level(tmp_path):
    view = ui.feedback_form(feedback_book(tmp_path))
    for key in REPUTATION_BEHAVIOURS:
        labels = [label for label, _ in view.fields[f"reputation.{key}"].widget.options]
        assert labels == ["— not rated —", "0 – Not seen it yet", "1 – Rarely",
                          "2 – Sometimes", "3 – Often", "4 – Almost always",
                          "5 – Always — others could learn from it"], key
    # the skills keep the skill levels
    assert "Expert" in " ".join(label for label, _ in view.fields["ratings.SQL"].widget.options)
    # the chart says the same scale under its axis
    rep = analysis.reputation_frame(cw.load(PRIYA))
    ax = charts.plot_reputation(rep).axes[0]
    ticks = [" ".join(t.get_text().split()) for t in ax.get_xticklabels()]
    assert ticks == ["0 Not seen it yet", "1 Rarely", "2 Sometimes", "3 Often",
                     "4 Almost always", "5 Always"]


@pytest.mark.parametrize("code", ["Sam Smith", "sam smith", "José García", "Peer 1"])
def test_a_code_with_a_space_is_refused_as_a_name_would_be(tmp_path, code):
    session = feedback_book(tmp_path)
    before = session.path.read_bytes()
    view = ui.feedback_form(session)
    assert "without spaces, never their name" in view.fields["rater_id"].widget.tooltip
    fill(view, code=code, ratings={"SQL": 4})
    view.buttons["save"].click()
    assert said(view, "rater_id").endswith(
        f"Anonymous code “{code}” has a space: a code is one short word such as P1 or M2, "
        "never a name, so nobody can tell who said what.")
    assert "added" not in view.status.value and session.path.read_bytes() == before
    fill(view, code="P7", ratings={"SQL": 4})
    view.buttons["save"].click()
    assert "feedback from P7 added" in view.status.value


def test_a_feedback_file_with_a_name_as_code_names_the_row():
    text = ("rater_group,rater_id,date,skill,level\npeer,P1,2026-05-01,SQL,3\n"
            "peer,Sam Smith,2026-05-01,SQL,4\n")
    check = check_feedback_csv(text, ["SQL"])
    assert [str(p) for p in check.problems] == [
        "row 3, column 'rater_id' = 'Sam Smith': has a space: a code is one short word such "
        "as P1 or M2, never a name, so nobody can tell who said what"]
    assert not check.entries


# ------------------------------------------------------------------ 02: the 360 chart
def draw_360(wb) -> Figure:
    return figures.make_figures(wb, today=date(2026, 11, 22), slugs=["feedback_360"])[
        "feedback_360"]


def test_the_360_chart_names_its_dotted_line_and_its_band():
    fig = draw_360(cw.load(PRIYA))
    legend = [" ".join(t.get_text().split()) for t in fig.legends[0].get_texts()]
    assert legend == ["grey band: you and colleagues agree (at most 1 level apart)",
                      "dotted line: agreed strength above it (the two average 3.5 or more)"]
    dotted = [ln for ln in fig.axes[0].get_lines() if ln.get_linestyle() == ":"]
    assert [tuple(ln.get_xdata()) for ln in dotted] == [(3.0, 4.0)]


def test_the_empty_360_chart_says_the_first_step_missing():
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    said_02 = lambda: localize(placeholder_message(draw_360(wb)), "02_feedback_360")  # noqa: E731
    assert said_02() == ("No skills to ask colleagues about yet — list the skills you track "
                         "first (step 01), then add their ratings with the 360 feedback form "
                         "in this notebook")
    wb.skills = [Skill(name="SQL"), Skill(name="R")]
    assert said_02() == ("No colleague feedback yet — add it with the 360 feedback form in "
                         "this notebook")
    wb.feedback = peers(date(2026, 5, 1), n=2)
    assert said_02().startswith("Not enough raters to show others' view (3 needed")
    wb.feedback = peers(date(2026, 5, 1))  # three colleagues, and no rating of your own
    assert said_02().startswith("Colleagues rated 1 skill, but you have not rated yourself "
                                "on it yet — rate yourself in the self-assessment (step 01)")


# ------------------------------------------------------------------ 02: rating yourself
def both_views(session) -> tuple[dict, dict]:
    """Your level of each skill on notebook 01's radar and on notebook 02's 360 chart."""
    memo = figures.frames_of(cw.load(session.path), today=date(2026, 11, 22))
    radar = dict(zip(memo.gaps["skill"], memo.gaps["current"], strict=True))
    chart = dict(zip(memo.feedback["skill"], memo.feedback["self"], strict=True))
    return radar, chart


def rate_in_01(session, day: str, ratings: dict) -> None:
    view = ui.self_assessment_form(session)
    view.fields["date"].value = day
    for skill, level in ratings.items():
        view.fields[f"ratings.{skill}"].value = level
    view.buttons["save"].click()
    assert "rated on" in view.status.value, view.status.value


def test_rating_yourself_as_myself_counts_like_a_self_assessment(tmp_path):
    """ "Myself" rated every skill 5 ("feedback from ME added"), yet the 360 chart kept
    showing the notebook-01 ratings: a self-assessment always won over "Myself"."""
    colleagues = [Feedback(rater_group="peer", rater_id=f"P{i}", date=date(2026, 10, 1),
                           ratings={"SQL": 3, "Python": 3, "Writing": 3}) for i in (1, 2, 3)]
    session = feedback_book(tmp_path, colleagues, [
        Assessment(date=date(2026, 11, 22), ratings={"SQL": 2, "Python": 3, "Writing": 1})])
    view = ui.feedback_form(session)
    assert "saved as a self-assessment, as in notebook 01" in \
        view.fields["rater_group"].widget.tooltip
    fill(view, group="self", code="ME", ratings={"SQL": 5, "Python": 5, "Writing": 5})
    view.buttons["save"].click()
    assert ("your own ratings of 3 skills saved as your self-assessment of 22 Nov 2026 "
            "(notebook 01 shows them too)") in view.status.value
    radar, chart = both_views(session)
    assert radar == chart == {"SQL": 5.0, "Python": 5.0, "Writing": 5.0}
    # the same day, later, in notebook 01: the one written last counts, in both places
    rate_in_01(session, TODAY, {"SQL": 1})
    radar, chart = both_views(session)
    assert radar["SQL"] == chart["SQL"] == 1.0 and radar["Python"] == chart["Python"] == 5.0
    # an older "Myself" does not undo a newer self-assessment
    view = ui.feedback_form(session)
    fill(view, group="self", code="ME", day="2026-11-01", ratings={"SQL": 4})
    view.buttons["save"].click()
    radar, chart = both_views(session)
    assert radar["SQL"] == chart["SQL"] == 1.0
    wb = cw.load(session.path)
    assert not [f for f in wb.feedback if f.rater_group == "self"]  # nothing kept twice
    # 01 saved into that day's snapshot (the one "Myself" added), not a third of the day
    assert [a.date for a in wb.assessments] == [date(2026, 11, 22)] * 2 + [date(2026, 11, 1)]


def test_myself_keeps_its_reputation_and_the_latest_own_rating_counts(tmp_path):
    session = feedback_book(tmp_path)
    for day, code, level in (("2026-11-20", "ME", 2), ("2026-11-21", "me2", 5)):
        view = ui.feedback_form(session)
        fill(view, group="self", code=code, day=day, ratings={"SQL": level},
             reputation={"reliable": level})
        view.buttons["save"].click()
        assert "feedback from" in view.status.value and "self-assessment" in \
            view.status.value
    wb = cw.load(session.path)
    assert [(f.rater_id, f.ratings, f.reputation) for f in wb.feedback] == [
        ("ME", {}, {"reliable": 2}), ("me2", {}, {"reliable": 5})]
    rep = analysis.reputation_frame(wb).set_index("behaviour")
    assert rep.loc["reliable", "self"] == 5.0  # the latest, not the mean 3.5 of two codes
    assert wb.latest_levels()["SQL"] == (5, date(2026, 11, 21))


def test_own_ratings_in_a_feedback_file_become_a_self_assessment_once(tmp_path):
    session = feedback_book(tmp_path)
    file = tmp_path / "fb.csv"
    file.write_text("rater_group,rater_id,date,skill,level\nself,me,2026-11-02,SQL,4\n"
                    "self,me,2026-11-02,Python,2\npeer,P1,2026-11-02,SQL,3\n")
    for attempt in (1, 2):
        view = ui.feedback_import(session)
        view.fields["path"].value = str(file)
        view.buttons["preview"].click()
        preview = text_of(view.children[4].value, " ")
        if attempt == 1:
            assert "your own ratings to add as 1 self-assessment" in preview
            view.buttons["save"].click()
            assert ("1 feedback entry added and your own ratings of 2 skills saved as your "
                    "self-assessment of 2 Nov 2026") in view.status.value
        else:
            assert "Every entry in this file is already in your workbook" in preview
            assert view.buttons["save"].disabled
    wb = cw.load(session.path)
    assert [(a.date, a.ratings) for a in wb.assessments] == [
        (date(2026, 11, 2), {"SQL": 4, "Python": 2})]
    assert [f.rater_id for f in wb.feedback] == ["P1"]


def test_a_file_from_before_keeps_its_myself_ratings_where_nothing_else_rates_you():
    """'self' entries stored with skill ratings (before "Myself" saved a self-assessment)
    still place a skill never self-assessed; a self-assessment of it counts instead."""
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills = [Skill(name="SQL"), Skill(name="R")]
    wb.feedback = [Feedback(rater_group="self", rater_id="me", date=date(2026, 11, 20),
                            ratings={"SQL": 5, "R": 4}),
                   *(f.model_copy(update={"ratings": {"SQL": 3, "R": 3}})
                     for f in peers(date(2026, 1, 9)))]
    wb.assessments = [Assessment(date=date(2026, 1, 1), ratings={"SQL": 2})]
    fb = analysis.feedback_360_frame(wb).set_index("skill")
    assert fb.loc["SQL", "self"] == 2.0 and fb.loc["R", "self"] == 4.0


def test_a_feedback_file_dated_after_today_is_refused_as_the_form_refuses_it(tmp_path):
    # the form refused a date after today; the same entry from a file was saved, and a
    # swapped year (2062) then never counted as the latest feedback
    session = feedback_book(tmp_path)
    before = session.path.read_bytes()
    file = tmp_path / "fb.csv"
    file.write_text("rater_group,rater_id,date,skill,level\npeer,P1,2026-11-02,SQL,3\n"
                    "peer,P2,2062-11-02,SQL,4\nmanager,M1,2026-11-23,SQL,2\n")
    view = ui.feedback_import(session)
    view.fields["path"].value = str(file)
    view.buttons["preview"].click()
    assert view.buttons["save"].disabled
    assert ("row 3, column 'date' = '2062-11-02': 2 Nov 2062 is after today (22 Nov 2026): "
            "feedback records something that has already happened. Did you mean 2026?") in \
        text_of(view.status.value)
    assert "row 4" not in text_of(view.status.value)  # tomorrow: a day of slack for time zones
    assert session.path.read_bytes() == before
