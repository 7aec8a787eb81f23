"""Actions in a review period (issue 16, item 6): the day an action was marked done.

``Action.done_on`` is set by the form when the status becomes done, kept when an action
that was already done is edited, and cleared when it is reopened or dropped. A pack or a
promotion case limited to a period keeps the actions still open, those done inside it,
those done after it (as still under way), and, with no completion date, those due in it.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis.next_actions import next_actions_frame
from career_workbook.analysis.period import check_period, limit_workbook
from career_workbook.export import pack as pack_module
from career_workbook.frames import actions_frame
from tests.helpers.html_text import text_of
from tests.helpers.workbooks import EXAMPLES, half_filled_workbook

FIXTURES = Path(__file__).resolve().parent / "fixtures"
H1 = check_period("2026-01-01", "2026-06-30")
TODAY = "2026-11-22"


def _a(id_: str, status: str, *, due: str | None = None, done_on: str | None = None):
    return cw.Action(id=id_, text=f"Action {id_}", status=status,
                     due=date.fromisoformat(due) if due else None,
                     done_on=date.fromisoformat(done_on) if done_on else None)


def period_workbook() -> cw.Workbook:
    wb = half_filled_workbook(today=date(2025, 11, 1))
    wb.actions = [
        _a("open-todo", "todo"),  # no dates at all: still open, kept
        _a("open-doing", "doing", due="2025-03-01"),  # open and overdue: kept
        _a("done-first-day", "done", due="2025-12-01", done_on="2026-01-01"),
        _a("done-last-day", "done", done_on="2026-06-30"),
        _a("done-before", "done", due="2026-03-01", done_on="2025-12-31"),
        _a("done-after", "done", due="2026-05-01", done_on="2026-07-01"),
        _a("undated-due-in", "done", due="2026-06-30"),
        _a("undated-due-before", "done", due="2025-12-31"),
        _a("undated-due-after", "done", due="2026-07-01"),
        _a("undated-no-due", "done"),
        _a("dropped-due-in", "dropped", due="2026-01-01"),
        _a("dropped-no-due", "dropped"),
    ]
    return cw.validate_workbook(wb)


# ---- the rule ----------------------------------------------------------------------------
def test_actions_are_limited_to_the_period_by_the_day_they_were_done():
    wb = period_workbook()
    small = {a.id: a for a in limit_workbook(wb, H1).actions}
    assert sorted(small) == sorted(["open-todo", "open-doing", "done-first-day",
                                    "done-last-day", "done-after", "undated-due-in",
                                    "dropped-due-in"])
    # done the day after the period ended: still under way when it ended
    assert (small["done-after"].status, small["done-after"].done_on) == ("doing", None)
    assert small["done-first-day"].done_on == date(2026, 1, 1)
    assert [a.status for a in wb.actions].count("done") == 8  # the original is untouched


def test_either_end_alone_limits_actions():
    wb = period_workbook()
    since = {a.id for a in limit_workbook(wb, check_period("2026-07-01")).actions}
    assert since == {"open-todo", "open-doing", "done-after", "undated-due-after"}
    until = {a.id: a.status for a in limit_workbook(wb, check_period(None, "2025-12-31")
                                                     ).actions}
    assert until == {"open-todo": "todo", "open-doing": "doing", "done-before": "done",
                     "undated-due-before": "done", "done-first-day": "doing",
                     "done-last-day": "doing", "done-after": "doing"}


def test_period_pack_lists_an_action_done_after_the_period_as_overdue_then():
    """The pack as of the period's last day chases what was open and late on that day."""
    wb = period_workbook()
    limited, today, _ = pack_module._limit_to_period(wb, date(2026, 11, 22), H1)
    assert today == date(2026, 6, 30)
    overdue = next_actions_frame(limited, today, limit=None)
    overdue = overdue[overdue["kind"] == "overdue action"]["item"].tolist()
    assert overdue == ["Action open-doing", "Action done-after"]


@pytest.mark.parametrize("kind", ["new", "half"])
def test_new_and_half_filled_workbooks_limit_cleanly(kind):
    wb = cw.new_workbook("Nova Person") if kind == "new" else half_filled_workbook()
    assert limit_workbook(wb, H1).actions == []
    wb.actions.append(cw.Action(text="Ask for feedback"))  # a first, undated action
    assert [a.text for a in limit_workbook(wb, H1).actions] == ["Ask for feedback"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_workbooks_keep_open_actions_and_done_ones_due_in_the_period(path):
    wb = cw.load(path)
    kept = limit_workbook(wb, H1).actions
    # a goal set after the period is not in its review, nor are its actions (red team M2)
    later = {g.id for g in wb.goals if g.created is not None and g.created > H1.until}
    for a in wb.actions:
        expected = a.goal_id not in later and (
            a.status in ("todo", "doing") or H1.contains(a.done_on or a.due))
        assert (a in kept) is expected, (a.id, a.status, a.due, a.done_on)
    assert actions_frame(wb)["done_on"].isna().sum() == sum(a.done_on is None
                                                            for a in wb.actions)


# ---- older files -------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["workbook_v1.yaml", "workbook_v2.yaml"])
def test_older_files_load_with_no_completion_dates_and_save_without_inventing_any(
        tmp_path, name):
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    wb = cw.load(path)
    assert any(a.status == "done" for a in wb.actions)
    assert all(a.done_on is None for a in wb.actions)
    cw.save(wb, path)
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 3
    assert all(a.get("done_on") is None for a in saved["actions"])
    # with no completion date, their done and dropped actions count by due date
    q1 = check_period("2026-01-01", "2026-03-31")
    limited = limit_workbook(cw.load(path), q1)
    later = {g.id for g in wb.goals if g.created is not None and g.created > q1.until}
    for a in wb.actions:
        kept = a.goal_id not in later and (a.status in ("todo", "doing") or q1.contains(a.due))
        assert (a in limited.actions) is kept, a.id


def test_a_done_on_in_a_file_round_trips_and_a_bad_one_is_named(tmp_path):
    path = tmp_path / "sam.yaml"
    wb = period_workbook()
    store.save(wb, path)
    assert cw.load(path).actions == wb.actions
    text = path.read_text(encoding="utf-8").replace("done_on: 2026-06-30",
                                                    "done_on: 2026-02-30")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(cw.WorkbookError, match=r"action 4 \(“Action done-last-day”\), done_on"):
        cw.load(path)


# ---- the form ----------------------------------------------------------------------------
def _session(tmp_path: Path, actions: list[cw.Action], today: str = TODAY) -> ui.Session:
    path = tmp_path / "sam.yaml"
    if not path.exists():
        wb = half_filled_workbook()
        wb.actions = actions
        store.save(wb, path)
    return ui.Session(path, today=today)


def _choose(view, index: int) -> None:
    view.chooser.value = str(index)


def test_form_dates_an_action_marked_done_with_the_sessions_today(tmp_path):
    session = _session(tmp_path, [cw.Action(id="a1", text="Book the exam")])
    view = ui.actions_form(session)
    _choose(view, 0)
    view.fields["status"].value = "done"
    view.buttons["save"].click()
    assert cw.load(session.path).actions[0].done_on == date(2026, 11, 22)


def test_form_adds_an_action_already_done_dated_today(tmp_path):
    session = _session(tmp_path, [])
    view = ui.actions_form(session)
    view.fields["text"].value = "Sent the report"
    view.fields["status"].value = "done"
    view.buttons["save"].click()
    action = cw.load(session.path).actions[0]
    assert (action.status, action.done_on) == ("done", date(2026, 11, 22))


def test_form_keeps_the_date_when_a_done_action_is_edited_and_clears_it_when_reopened(
        tmp_path):
    done = cw.Action(id="a1", text="Book the exam", status="done", done_on=date(2026, 3, 2))
    session = _session(tmp_path, [done], today="2026-12-01")
    view = ui.actions_form(session)
    _choose(view, 0)
    view.fields["text"].value = "Book the exam (paid)"
    view.buttons["save"].click()
    saved = cw.load(session.path).actions[0]
    assert (saved.text, saved.done_on) == ("Book the exam (paid)", date(2026, 3, 2))
    view = ui.actions_form(session)
    _choose(view, 0)
    view.fields["status"].value = "doing"
    view.buttons["save"].click()
    assert cw.load(session.path).actions[0].done_on is None
    view = ui.actions_form(session)
    _choose(view, 0)
    view.fields["status"].value = "done"
    view.buttons["save"].click()
    assert cw.load(session.path).actions[0].done_on == date(2026, 12, 1)


def test_form_does_not_invent_a_date_for_an_action_done_before_dates_were_kept(tmp_path):
    legacy = cw.Action(id="a1", text="Book the exam", status="done")
    session = _session(tmp_path, [legacy])
    view = ui.actions_form(session)
    _choose(view, 0)
    view.fields["priority"].value = "high"
    view.buttons["save"].click()
    saved = cw.load(session.path).actions[0]
    assert (saved.priority, saved.status, saved.done_on) == ("high", "done", None)


@pytest.mark.parametrize("status", ["todo", "dropped"])
def test_form_clears_the_date_when_a_done_action_is_reopened_or_dropped(tmp_path, status):
    done = cw.Action(id="a1", text="Book the exam", status="done", done_on=date(2026, 3, 2))
    session = _session(tmp_path, [done])
    view = ui.actions_form(session)
    _choose(view, 0)
    view.fields["status"].value = status
    view.buttons["save"].click()
    saved = cw.load(session.path).actions[0]
    assert (saved.status, saved.done_on) == (status, None)


def test_the_same_action_for_the_same_goal_is_refused_naming_the_one_already_there(tmp_path):
    """Red team leftover: "Book the exam" could be added twice to one goal (counted twice
    in the plan and the review pack); achievements and goals already refuse theirs."""
    session = _session(tmp_path, [])
    goal = cw.load(session.path).goals[0]
    with cw.edit(session.path) as wb:
        wb.actions.append(cw.Action(id="a1", text="Book the exam", goal_id=goal.id))
    before = cw.load(session.path)
    view = ui.actions_form(session)
    view.fields["text"].value = "  book the EXAM "
    view.fields["goal_id"].value = goal.id
    view.buttons["save"].click()
    said = text_of(view.fields["text"].message.value)
    assert "You already have the action “Book the exam” (to do) for “" in said, said
    assert "choose it in the list above to change it, or word this one differently" in said
    assert cw.load(session.path) == before
    view.fields["goal_id"].value = None  # the same words with no goal: another action
    view.buttons["save"].click()
    assert [a.goal_id for a in cw.load(session.path).actions] == [goal.id, None]
    view = ui.actions_form(session)
    _choose(view, 0)  # the one already there, saved again with its own words: not refused
    view.fields["priority"].value = "high"
    view.buttons["save"].click()
    assert cw.load(session.path).actions[0].priority == "high"
