"""A review as of a past day counts only the goals set by then; the person's forms list all.

Found by a red-team walk (M2): ``pack --until 1 Nov`` and ``cohort --today 1 Nov`` counted a
goal set on 20 Nov on the cover, in the progress chart, the timeline, the next actions and
the cohort row. A review as of a day shows the workbook as it was that day
(:func:`~career_workbook.analysis.review_as_of`); the goals form, the action plan and the
check-in form still list, and save, every goal whatever the session's ``today``.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import analysis, figures, store
from career_workbook import widgets as ui
from career_workbook.analysis.period import check_period
from career_workbook.model import Action, CheckIn, Goal, Milestone, new_workbook
from tests.helpers.html_text import text_of

DAY = date(2026, 11, 1)  # the review's day
SET_LATER = date(2026, 11, 20)  # the day the later goals were set
NOW = date(2026, 12, 6)


def workbook():
    """Two goals set in spring, two set after ``DAY`` (one with an action and a
    milestone), and a check-in of each period."""
    wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.goals += [
        Goal(id="g1", text="Ship the data platform", status="active",
             created=date(2026, 3, 1), deadline=date(2027, 3, 1)),
        Goal(id="g2", text="Mentor two juniors", status="active",
             created=date(2026, 4, 1), deadline=date(2026, 12, 31)),
        Goal(id="g3", text="Give a conference talk", status="active", created=SET_LATER,
             deadline=date(2027, 6, 30),
             milestones=[Milestone(title="Send the abstract", due=date(2027, 1, 15))]),
        Goal(id="g4", text="Pass the AWS exam", status="active", created=SET_LATER,
             deadline=date(2027, 5, 31)),
    ]
    wb.actions += [Action(text="Ask the organisers", goal_id="g3", due=date(2026, 10, 1)),
                   Action(text="Plan the next sprint", goal_id="g1", due=date(2026, 10, 1))]
    wb.check_ins += [CheckIn(date=date(2026, 10, 1), progress={"g1": 40, "g2": 50}),
                     CheckIn(date=date(2026, 12, 1), progress={"g1": 60, "g3": 10})]
    return wb


LATER_TEXTS = ("Give a conference talk", "Pass the AWS exam", "Ask the organisers")
NOTE = "2 goals set after 1 Nov 2026 are not in this review"


def test_the_rule_leaves_out_goals_set_later_and_says_so():
    wb = workbook()
    seen = analysis.review_as_of(wb, DAY)
    assert [g.id for g in seen.goals] == ["g1", "g2"]
    assert [a.text for a in seen.actions] == ["Plan the next sprint"]
    assert analysis.set_later_note(wb, DAY) == NOTE
    assert analysis.set_later_note(wb, NOW) == ""
    assert [g.id for g in analysis.review_as_of(wb, NOW).goals] == ["g1", "g2", "g3", "g4"]
    # the person's own steps keep every goal on that day
    assert [g.id for g in analysis.as_of(wb, DAY).goals] == ["g1", "g2", "g3", "g4"]
    assert len(wb.goals) == 4 and len(wb.actions) == 2  # wb is unchanged


def test_a_goal_with_progress_recorded_by_the_day_existed_then():
    wb = workbook()
    wb.goals[3].created = date(2062, 5, 1)  # a year typed wrong, progress recorded in 2026
    wb.check_ins[0].progress["g4"] = 20
    assert [g.id for g in analysis.review_as_of(wb, DAY).goals] == ["g1", "g2", "g4"]
    assert analysis.set_later_note(wb, DAY) == \
        "1 goal set after 1 Nov 2026 is not in this review"


def _pack(tmp_path: Path, period) -> str:
    from career_workbook.export.pack import render_pack

    path = tmp_path / "sam.yaml"
    store.save(workbook(), path)
    files = render_pack(path.read_bytes(), str(path), today=NOW, formats=("html",),
                        period=period)
    return text_of(files["review.html"].decode("utf-8"), " ")


def test_pack_until_before_a_goal_was_set_does_not_count_it(tmp_path):
    page = _pack(tmp_path, check_period(None, DAY.isoformat(), today=NOW))
    for text in LATER_TEXTS:
        assert text not in page
    assert "Ship the data platform" in page and "Mentor two juniors" in page
    assert page.count(NOTE) == 1  # said once, on the cover
    # without a period the pack of today counts them, and says nothing of it
    page = _pack(tmp_path, None)
    assert all(text in page for text in LATER_TEXTS[:2]) and NOTE not in page


def test_pack_until_cover_counts_and_charts(tmp_path):
    from career_workbook.export.content import cover_facts, pack_content
    from career_workbook.export.pack import _limit_to_period

    wb, today, label = _limit_to_period(
        workbook(), NOW, check_period(None, DAY.isoformat(), today=NOW))
    assert today == DAY and [g.id for g in wb.goals] == ["g1", "g2"]
    content = pack_content(wb, today=today, period=label,
                           left_out=analysis.set_later_note(workbook(), today))
    assert analysis.summary(wb, today).goals_active == 2
    assert [g.text for g in content.goals] == ["Ship the data platform", "Mentor two juniors"]
    assert ("Goals set later", NOTE) in cover_facts(content)
    drawn = figures.make_figures(wb, today=today, slugs=["progress", "goal_timeline"])
    labels = " ".join(t.get_text() for fig in drawn.values() for ax in fig.axes
                      for t in [ax.title, *ax.texts, *ax.get_yticklabels()])
    assert "Ship the data platform" in labels
    assert not any(text in labels for text in LATER_TEXTS)
    # the cover of a pack of the raw workbook says it too (pack_content applies the rule)
    raw = pack_content(workbook(), today=DAY)
    assert raw.left_out == NOTE and len(raw.goals) == 2


def test_cohort_today_before_a_goal_was_set_does_not_count_it(tmp_path):
    from career_workbook.caseload import summarise_workbook

    row = summarise_workbook(workbook(), "sam", DAY)
    assert row.summary.goals_active == 2
    assert row.warnings == (NOTE,)
    assert summarise_workbook(workbook(), "sam", NOW).summary.goals_active == 4
    # the command: the CSV row and the warning printed
    import pandas as pd

    from career_workbook.caseload import cohort

    store.save(workbook(), tmp_path / "sam.yaml")
    out = tmp_path / "out" / "cohort.csv"
    report = cohort(tmp_path, out, today=DAY)
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert frame.loc[0, "goals_active"] == 2
    assert frame.loc[0, "warnings"] == NOTE
    assert ("sam.yaml", NOTE) in report.warnings


def test_coach_overview_counts_as_cohort(tmp_path):
    from career_workbook.widgets.coach import load_caseload

    store.save(workbook(), tmp_path / "sam.yaml")
    caseload = load_caseload(tmp_path, DAY.isoformat())
    assert caseload.frame.loc[0, "goals_active"] == 2
    assert f"sam.yaml: {NOTE}" in caseload.problems


@pytest.fixture
def past_session(tmp_path: Path):
    """A session of the person's whose ``today`` is before two goals' set day."""
    path = tmp_path / "sam.yaml"
    store.save(workbook(), path)
    return path, lambda: ui.Session(path, today=DAY.isoformat())


def test_goals_form_with_a_past_today_lists_and_saves_every_goal(past_session):
    path, session = past_session
    view = ui.goals_table(session())
    listed = " ".join(text_of(w.value) for w in _walk(view)
                      if isinstance(getattr(w, "value", None), str))
    assert "Give a conference talk" in listed and "Pass the AWS exam" in listed
    chooser = next(w for w in _walk(view) if [v for _, v in getattr(w, "options", ())]
                   == ["g1", "g2", "g3", "g4"])
    chooser.value = "g4"
    view.fields["confidence"].value = 7
    view.buttons["save"].click()
    saved = cw.load(path)
    assert [g.id for g in saved.goals] == ["g1", "g2", "g3", "g4"]
    assert saved.goal("g4").confidence == 7
    assert [(g.created, g.text, g.status) for g in saved.goals] == [
        (g.created, g.text, g.status) for g in workbook().goals]


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_action_plan_and_check_in_form_offer_every_goal(past_session):
    _, session = past_session
    for form in (ui.actions_form, ui.milestones_form):
        view = form(session())
        offered = {v for w in _walk(view) for _, v in (getattr(w, "options", None) or ())
                   if isinstance(v, str) and v.startswith("g")}
        assert {"g3", "g4"} <= offered, form.__name__
    view = ui.check_in_form(session())
    assert {"progress.g3", "progress.g4"} <= set(view.fields)


def test_round_trip_view_with_a_past_today_then_save_keeps_every_goal(past_session):
    path, session = past_session
    s = session()
    # the review parts of step 09 leave the later goals out ...
    progress = figures.make_figure(s.workbook, "progress", today=s.today, frames=s.frames())
    labels = " ".join(ax.get_title() for ax in progress.axes)
    assert "Pass the AWS exam" not in labels
    actions = ui.next_actions(s)
    shown = " ".join(text_of(w.value) for w in _walk(actions) if isinstance(
        getattr(w, "value", None), str))
    assert shown.count(NOTE) == 1 and "Ask the organisers" not in shown
    # ... and a save of the person's own forms loses none of them
    view = ui.check_in_form(s)
    view.fields["motivation"].value = 8
    view.buttons["save"].click()
    review = ui.goal_review(s)
    assert {"g3", "g4"} <= {v for w in _walk(review)
                            for _, v in (getattr(w, "options", None) or ())}
    saved = cw.load(path)
    assert [(g.id, g.created, g.text) for g in saved.goals] == [
        (g.id, g.created, g.text) for g in workbook().goals]
    assert [a.text for a in saved.actions] == [a.text for a in workbook().actions]
    assert len(saved.check_ins) == 3


def test_a_goal_set_after_the_review_day_and_dropped_is_counted_dropped_by_no_one():
    """The dropped count was made twice: the progress chart's from the review's workbook
    (a goal set after the day left out), ``summary`` from every goal (as_of keeps them):
    a goal set after the review day and dropped since was "1 dropped" on the cover and
    the cohort but not in the chart's headline. A review of a day counts the goals set
    by then (the README's rule), so none of them counts it."""
    wb = new_workbook("Ana", today=date(2026, 1, 5))
    wb.goals += [Goal(id="g1", text="Lead the data migration", status="dropped",
                      created=date(2026, 1, 5)),
                 Goal(id="g2", text="Give a conference talk", status="dropped",
                      created=DAY + timedelta(days=10))]
    drawn = figures.frames_of(wb, today=DAY).dropped_goals
    assert drawn == analysis.summary(wb, DAY).goals_dropped == 1
    later = DAY + timedelta(days=20)
    assert figures.frames_of(wb, today=later).dropped_goals == \
        analysis.summary(wb, later).goals_dropped == 2
