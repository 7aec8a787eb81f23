"""The check-in form (notebook 09): which slider answers a check-in records.

A slider left as it was shown says "unchanged since my last check-in". Found by a red-team
walk: a check-in added in an out-of-date tab recorded the old answers after the newer ones
of another tab (the goal's progress dropped from 50 % to 25 %), and a back-dated check-in
copied the latest answers into the past. Two ``Session`` objects on one file are two tabs.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import analysis, store
from career_workbook import widgets as ui
from career_workbook.model import CheckIn, Goal

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
SAVED = re.compile(r"Saved at \d\d:\d\d")
TODAY = "2026-12-06"


def workbook_at_25(path: Path) -> Path:
    """Like the red team's half-filled workbook: the last check-in (18 May) has goal g1 at
    25 % and motivation 7; g2 was last reported at 60 %."""
    wb = cw.new_workbook("Noor Haddad", today=date(2026, 1, 12))
    wb.goals += [Goal(id="g1", text="Be promoted to Data Scientist by June 2027",
                      status="active", created=date(2026, 1, 12), deadline=date(2027, 6, 30)),
                 Goal(id="g2", text="Publish two internal tech notes", status="active",
                      created=date(2026, 1, 12), deadline=date(2027, 3, 31))]
    wb.check_ins += [
        CheckIn(date=date(2026, 3, 2), motivation=6, confidence=5, progress={"g2": 60}),
        CheckIn(date=date(2026, 5, 18), motivation=7, confidence=6, progress={"g1": 25},
                wins="Mentor agreed"),
    ]
    store.save(wb, path)
    return path


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return workbook_at_25(tmp_path / "noor.yaml")


def tab(path: Path, today: str = TODAY):
    return ui.check_in_form(ui.Session(path, today=today))


def latest(path: Path) -> CheckIn:
    return cw.load(path).check_ins[-1]


def reload_shown(view) -> bool:
    button = view._reload_button
    return button is not None and button.layout.display != "none"


# ------------------------------------------------------------------ an out-of-date tab
def test_an_out_of_date_tab_never_records_the_old_answers_over_newer_ones(path):
    a = tab(path)  # JupyterLab, run before the app saved
    b = tab(path)
    b.fields["progress.g1"].value = 50
    b.fields["motivation"].value = 9
    b.fields["wins"].value = "B: big progress"
    b.buttons["save"].click()
    assert SAVED.search(b.status.value)

    a.fields["wins"].value = "A: just a note"
    a.buttons["save"].click()
    said = a.status.value
    assert SAVED.search(said), said
    assert "check-in of 6 Dec 2026 added (a second one that day) with confidence 6, progress " \
        "on 1 goal and wins" in said, said
    assert ("Not recorded, as your last check-in changed in another window since this form "
            "was shown: “Motivation” is now 9 and “Progress: Be promoted to Data…” is now "
            "50 %") in said, said
    saved = cw.load(path)
    mine = saved.check_ins[-1]
    assert mine.wins == "A: just a note"
    # unchanged answers nobody else touched are still recorded as unchanged
    assert (mine.motivation, mine.confidence, mine.progress) == (None, 6, {"g2": 60})
    # the goal still reads 50 %, on the table and on the chart
    row = analysis.goal_progress_frame(saved, date(2026, 12, 6)).set_index("goal_id").loc["g1"]
    assert row["actual"] == 50.0
    hist = analysis.progress_history_frame(saved, date(2026, 12, 6))
    assert hist[hist["goal_id"] == "g1"]["actual"].tolist() == [25.0, 50.0]
    assert analysis.wellbeing_frame(saved, today=date(2026, 12, 6))["motivation"].dropna() \
        .tolist()[-1] == 9.0
    # the form now starts from the answers in the file
    assert (a.fields["progress.g1"].value, a.fields["motivation"].value) == (50, 9)


def test_a_slider_moved_in_an_out_of_date_tab_against_a_newer_answer_saves_nothing(path):
    a, b = tab(path), tab(path)
    b.fields["progress.g1"].value = 50
    b.buttons["save"].click()
    before = path.read_bytes()
    a.fields["progress.g1"].value = 30  # would drop the goal from 50 % to 30 % unseen
    a.fields["wins"].value = "A: moved it"
    a.buttons["save"].click()
    said = a.status.value
    assert "Not saved" in said and "“Progress: Be promoted to Data…” was changed to “50” " \
        "in another window since this form was shown, and you changed it to “30”" in said
    assert "press Reload" in said and reload_shown(a)
    assert "changed in another window" in a.fields["progress.g1"].message.value
    assert path.read_bytes() == before
    a.reload_button.click()  # shows the file as it is now
    assert a.fields["progress.g1"].value == 50 and not reload_shown(a)


def test_the_same_answer_given_in_both_tabs_is_no_conflict(path):
    a, b = tab(path), tab(path)
    b.fields["progress.g1"].value = 50
    b.buttons["save"].click()
    a.fields["progress.g1"].value = 50
    a.fields["wins"].value = "Shipped"
    a.buttons["save"].click()
    assert SAVED.search(a.status.value) and "Not recorded" not in a.status.value
    assert latest(path).progress == {"g1": 50, "g2": 60}


def test_the_same_check_in_saved_from_two_tabs_is_kept_once(path):
    # the same answers given in both tabs: the second is the first sent again, not a
    # conflict (no Reload) and not a second copy
    a, b = tab(path), tab(path)
    b.fields["progress.g1"].value = 50
    b.buttons["save"].click()
    a.fields["progress.g1"].value = 50
    a.buttons["save"].click()
    said = a.status.value
    assert "Not saved: this check-in is already in your workbook (6 Dec 2026, motivation 7, " \
        "confidence 6 and progress on 2 goals). Change something to add another." in said, said
    assert not reload_shown(a)
    assert sum(c.date == date(2026, 12, 6) for c in cw.load(path).check_ins) == 1


def test_a_check_in_elsewhere_that_changed_no_answer_keeps_them_as_unchanged(path):
    a, b = tab(path), tab(path)
    b.fields["lessons"].value = "Ask earlier"
    b.buttons["save"].click()
    a.fields["wins"].value = "Shipped"
    a.buttons["save"].click()
    assert SAVED.search(a.status.value) and "Not recorded" not in a.status.value
    mine = latest(path)
    assert (mine.motivation, mine.confidence, mine.progress) == (7, 6, {"g1": 25, "g2": 60})


def test_only_stale_answers_to_add_is_a_conflict_not_an_empty_check_in(path):
    a, b = tab(path), tab(path)
    b.fields["motivation"].value = 3
    b.fields["confidence"].value = 4
    b.fields["progress.g1"].value = 35
    b.fields["progress.g2"].value = 70
    b.buttons["save"].click()
    before = path.read_bytes()
    a.buttons["save"].click()  # "all unchanged", but the answers it saw are not the latest
    said = a.status.value
    assert said.count("Not saved") == 1 and "Your last check-in was changed in another " \
        "window since this form was shown (“Motivation” is now 3" in said, said
    assert "“Progress: Publish two internal…” is now 70 %" in said and reload_shown(a)
    assert path.read_bytes() == before


def test_a_first_answer_given_elsewhere_is_not_taken_from_an_invented_slider(tmp_path):
    """A slider with nothing to start from (0 %) was never an answer; a first answer given
    meanwhile in another tab stays the latest."""
    path = workbook_at_25(tmp_path / "noor.yaml")
    with cw.edit(path) as wb:
        wb.goals.append(Goal(id="g3", text="Run a brown-bag talk", status="active",
                             created=date(2026, 11, 1), deadline=date(2027, 2, 1)))
    a, b = tab(path), tab(path)
    b.fields["progress.g3"].value = 20
    b.buttons["save"].click()
    a.fields["wins"].value = "A"
    a.buttons["save"].click()
    assert "“Progress: Run a brown-bag talk” is now 20 %" in a.status.value
    assert "g3" not in latest(path).progress
    assert analysis.goal_progress_frame(cw.load(path), date(2026, 12, 6)).set_index(
        "goal_id").loc["g3", "actual"] == 20.0


def test_one_tab_records_sliders_left_as_shown_as_unchanged(path):
    """The single-tab flow is as it was: "a previous answer left as it is counts as given
    again"; a slider with nothing to start from is not recorded."""
    view = tab(path)
    view.fields["wins"].value = "Steady month"
    view.buttons["save"].click()
    assert "added with motivation 7, confidence 6, progress on 2 goals and wins" in \
        view.status.value
    mine = latest(path)
    assert (mine.date, mine.motivation, mine.confidence, mine.progress) == (
        date(2026, 12, 6), 7, 6, {"g1": 25, "g2": 60})
    assert "Not recorded" not in view.status.value and "before your last" not in \
        view.status.value


def test_the_form_starts_from_the_latest_rating_not_an_invented_one(path):
    """A check-in with no motivation (only wins) is the last one: the slider still starts
    from the motivation given before, and is saved as unchanged."""
    with cw.edit(path) as wb:
        wb.check_ins.append(CheckIn(date=date(2026, 11, 30), wins="Quiet week"))
    view = tab(path)
    assert view.fields["motivation"].value == 7
    assert "Move the slider to record it" not in view.fields["motivation"].help.value
    view.buttons["save"].click()
    assert latest(path).motivation == 7


# ------------------------------------------------------------------ a back-dated check-in
@pytest.fixture
def priya(tmp_path: Path) -> Path:
    path = tmp_path / "priya.yaml"
    shutil.copy(EXAMPLE, path)
    return path


def test_a_back_dated_check_in_never_copies_the_latest_answers_into_the_past(priya):
    view = tab(priya, "2026-11-22")
    assert view.fields["motivation"].value == 8 and view.fields["progress.g1"].value == 70
    note = "A day before your last check-in (16 Nov 2026) records only the sliders you move."
    assert note not in view.fields["date"].help.value  # today is after it: nothing to say
    view.fields["date"].value = date(2026, 10, 1)
    assert note in view.fields["date"].help.value  # said as soon as the day is before it
    view.fields["wins"].value = "Forgot to log this one"
    view.buttons["save"].click()
    said = view.status.value
    assert SAVED.search(said), said
    assert ("check-in of 1 Oct 2026 added with wins. It is dated before your last check-in "
            "(16 Nov 2026), so the sliders you did not move were not recorded") in said, said
    wb = cw.load(priya)
    back = next(c for c in wb.check_ins if c.date == date(2026, 10, 1))
    assert (back.wins, back.motivation, back.confidence, back.progress) == (
        "Forgot to log this one", None, None, {})
    today = date(2026, 11, 22)
    hist = analysis.progress_history_frame(wb, today)
    assert date(2026, 10, 1) not in set(hist["date"].dt.date)  # no zig-zag
    well = analysis.wellbeing_frame(wb, today=today)
    assert date(2026, 10, 1) not in set(well.dropna(subset=["motivation"])["date"].dt.date)


def test_a_back_dated_check_in_records_the_sliders_moved(priya):
    view = tab(priya, "2026-11-22")
    view.fields["date"].value = date(2026, 10, 5)
    view.fields["confidence"].value = 4
    view.fields["progress.g3"].value = 72
    view.buttons["save"].click()
    assert "added with confidence 4 and progress on 1 goal. It is dated before your last " \
        "check-in (16 Nov 2026)" in view.status.value, view.status.value
    back = next(c for c in cw.load(priya).check_ins if c.date == date(2026, 10, 5))
    assert (back.motivation, back.confidence, back.progress) == (None, 4, {"g3": 72})


def test_a_back_dated_check_in_with_nothing_given_is_refused(priya):
    before = priya.read_bytes()
    view = tab(priya, "2026-11-22")
    view.fields["date"].value = date(2026, 9, 1)
    view.buttons["save"].click()
    assert "A check-in dated before your last one (16 Nov 2026) records only what you give " \
        "it: move a slider or write how it went." in view.status.value, view.status.value
    assert priya.read_bytes() == before


def test_a_check_in_dated_between_the_last_one_and_today_keeps_answers_as_unchanged(path):
    view = tab(path)
    view.fields["date"].value = date(2026, 6, 1)  # after 18 May: it becomes the latest
    view.fields["wins"].value = "Caught up"
    view.buttons["save"].click()
    mine = latest(path)
    assert (mine.date, mine.motivation, mine.progress) == (date(2026, 6, 1), 7,
                                                           {"g1": 25, "g2": 60})
    view.fields["date"].value = date(2026, 6, 1)  # the day of the last one: a second one
    view.fields["wins"].value = "Later that day"
    view.buttons["save"].click()
    assert SAVED.search(view.status.value) and "before your last" not in view.status.value
    assert latest(path).progress == {"g1": 25, "g2": 60}


def test_a_check_in_made_back_dated_by_another_tab_with_nothing_else_is_a_conflict(path):
    a, b = tab(path), tab(path)
    a.fields["date"].value = date(2026, 6, 1)  # the latest when the form was filled
    b.fields["lessons"].value = "Ask earlier"  # today: A's sliders would be back-dated
    b.buttons["save"].click()
    before = path.read_bytes()
    a.buttons["save"].click()
    assert "Not saved: Your last check-in is now dated 6 Dec 2026, after this one (added in " \
        "another window since this form was shown)" in a.status.value and reload_shown(a)
    assert path.read_bytes() == before


# ------------------------------------------------------------------ dated before a goal, twice
def two_goals(tmp_path: Path) -> Path:
    """A goal set on 1 Dec 2026 beside one set in September; a check-in on 6 Dec."""
    path = tmp_path / "lena.yaml"
    wb = cw.new_workbook("Lena Ortiz", today=date(2026, 9, 1))
    wb.goals += [Goal(id="new", text="Pass the Kubernetes admin exam by May 2027",
                      status="active", created=date(2026, 12, 1), deadline=date(2027, 5, 31)),
                 Goal(id="old", text="Mentor two juniors", status="active",
                      created=date(2026, 9, 1), deadline=date(2027, 6, 30))]
    wb.check_ins.append(CheckIn(date=date(2026, 12, 6), motivation=6, progress={"new": 20}))
    store.save(wb, path)
    return path


def test_progress_dated_before_its_goal_was_set_is_not_recorded_and_said(tmp_path):
    path = two_goals(tmp_path)
    view = tab(path)
    view.fields["date"].value = "15/11/2026"
    view.fields["motivation"].value = 4
    view.fields["progress.new"].value = 60  # the goal was set on 1 Dec
    view.fields["progress.old"].value = 30
    view.buttons["save"].click()
    said = view.status.value
    assert SAVED.search(said), said
    assert "Progress on “Pass the Kubernetes admin exam by May 2027” is not recorded on " \
        "15 Nov 2026: that goal was set on 1 Dec 2026, after it. Date the check-in " \
        "1 Dec 2026 or later to record it" in said, said
    back = next(c for c in cw.load(path).check_ins if c.date == date(2026, 11, 15))
    assert (back.motivation, back.progress) == (4, {"old": 30})
    hist = analysis.progress_history_frame(cw.load(path), date(2026, 12, 6))
    assert set(hist[hist["goal_id"] == "new"]["date"].dt.date) == {date(2026, 12, 6)}


def test_a_check_in_with_only_progress_before_its_goal_was_set_is_refused(tmp_path):
    path = two_goals(tmp_path)
    before = path.read_bytes()
    view = tab(path)
    view.fields["date"].value = date(2026, 11, 30)  # the day before the goal was set
    view.fields["progress.new"].value = 60
    view.buttons["save"].click()
    assert "Nothing was saved: please fix the field marked ⚠" in view.status.value
    assert "that goal was set on 1 Dec 2026, after it. Date the check-in 1 Dec 2026 or later" \
        in view.fields["progress.new"].message.value
    assert path.read_bytes() == before
    view.fields["date"].value = date(2026, 12, 1)  # the day it was set: fine
    view.buttons["save"].click()
    assert SAVED.search(view.status.value), view.status.value
    assert latest(path).progress == {"new": 60}


def test_a_goal_whose_set_day_is_unknown_takes_progress_on_any_day(tmp_path):
    path = two_goals(tmp_path)
    with cw.edit(path) as wb:
        wb.goals[0].created = None  # an older file
    view = tab(path)
    view.fields["date"].value = date(2026, 10, 1)
    view.fields["progress.new"].value = 10
    view.buttons["save"].click()
    assert SAVED.search(view.status.value) and "not recorded on" not in view.status.value
    assert next(c for c in cw.load(path).check_ins
                if c.date == date(2026, 10, 1)).progress == {"new": 10}


def test_the_form_says_before_saving_that_a_check_in_of_that_day_exists(tmp_path):
    path = two_goals(tmp_path)
    view = tab(path)  # dated today, 6 Dec: checked in already
    assert "You already checked in on 6 Dec 2026 (motivation 6 and progress on 1 goal): " \
        "saving adds a second check-in for that day." in view.fields["date"].help.value
    view.fields["date"].value = "2026-12-05"
    assert "already checked in" not in view.fields["date"].help.value
    view.fields["date"].value = "6 Dec 2026"
    view.fields["wins"].value = "Booked the exam"
    view.buttons["save"].click()
    assert "check-in of 6 Dec 2026 added (a second one that day) with" in view.status.value
    again = tab(path)
    assert "You already checked in 2 times on 6 Dec 2026" in again.fields["date"].help.value


def test_the_same_check_in_saved_again_after_a_reload_is_refused_naming_it(tmp_path):
    # the red team's case: saved, the notebook run again, the same answers saved again
    path = two_goals(tmp_path)
    for _ in range(2):
        view = tab(path)
        view.fields["date"].value = "20/11/2026"
        view.fields["motivation"].value = 4
        view.fields["wins"].value = "Passed the practice test"
        view.buttons["save"].click()
    said = view.status.value
    assert "Not saved: this check-in is already in your workbook (20 Nov 2026, motivation 4 " \
        "and wins). Change something to add another." in said, said
    assert [c.date for c in cw.load(path).check_ins].count(date(2026, 11, 20)) == 1
    view.fields["lessons"].value = "Book early"  # changed: a second one is fine
    view.buttons["save"].click()
    assert SAVED.search(view.status.value)
    assert [c.date for c in cw.load(path).check_ins].count(date(2026, 11, 20)) == 2


def test_the_add_button_is_as_wide_in_a_new_workbook_as_in_a_filled_one(path, tmp_path):
    # red team: "Add this check-in" spanned the whole form in a new, empty workbook (the
    # form's column stretched it); a button is as wide as its words wherever it stands
    empty = tmp_path / "new.yaml"
    store.save(cw.new_workbook("Ana Díaz", today=date(2026, 12, 1)), empty)
    layouts = [tab(p).buttons["save"].layout for p in (empty, path)]
    assert [(lay.width, lay.align_self) for lay in layouts] == [("auto", "flex-start")] * 2
