"""An opportunity's deadline to apply, before it is applied for: one rule
(``analysis.opportunity_deadlines_due``) for the calendar, the next actions of notebook 09 and
the review pack, the coach's nudges and the cohort's ``upcoming_14_days``.

Red team G item 3: an opportunity at "exploring" with ``deadline: 2026-12-15`` was named
nowhere on 6 Dec (not in the pack, the cohort's upcoming count or the calendar), still not
on 13 Dec, and only on 16 Dec as "1 day past its deadline".
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

import career_workbook as cw
from career_workbook import analysis, cli, store
from career_workbook import widgets as ui
from career_workbook.analysis.coach_week import UPCOMING_DAYS, client_week
from career_workbook.analysis.opportunities import DEADLINE_DAYS, move_stage
from career_workbook.analysis.reminders import calendar_events
from career_workbook.model import CheckIn, Opportunity, Skill, new_workbook

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "workbooks"
TODAY = date(2026, 12, 6)
DEADLINE = date(2026, 12, 15)


def workbook(*opps: Opportunity):
    wb = new_workbook("Lena Ortiz", today=date(2026, 10, 1))
    wb.skills.append(Skill(name="Public speaking"))
    wb.check_ins.append(CheckIn(date=TODAY - timedelta(days=3)))
    wb.opportunities += list(opps)
    return wb


def talk(stage: str = "exploring", **more) -> Opportunity:
    return Opportunity(id="o1", title="Talk at the Lisbon data summit", kind="speaking",
                       organisation="DataConf", stage=stage, spotted=date(2026, 10, 1),
                       deadline=DEADLINE, **more)


# --- the rule ---------------------------------------------------------------------------
def test_the_rule_lists_deadlines_near_or_passed_until_applied_for():
    opps = [talk(),
            Opportunity(id="o2", title="Far off", deadline=TODAY + timedelta(days=15)),
            Opportunity(id="o3", title="Edge", deadline=TODAY + timedelta(days=DEADLINE_DAYS)),
            Opportunity(id="o4", title="Missed", deadline=TODAY - timedelta(days=2)),
            Opportunity(id="o5", title="Sent", stage="applied", deadline=DEADLINE),
            Opportunity(id="o6", title="Said no", stage="not_now", deadline=DEADLINE),
            Opportunity(id="o7", title="No date")]
    due = analysis.opportunity_deadlines_due(workbook(*opps), TODAY)
    assert [(o.title, left) for o, left in due] == [
        ("Missed", -2), ("Talk at the Lisbon data summit", 9), ("Edge", 14)]
    assert DEADLINE_DAYS == UPCOMING_DAYS  # one horizon: near = what the coach sees coming


# --- the calendar -----------------------------------------------------------------------
def test_the_calendar_reminds_of_the_deadline_the_day_before_until_applied_for():
    wb = workbook(talk(next_step="Write the abstract", next_step_due=date(2026, 12, 8)))
    [event] = [e for e in calendar_events(wb, "lena", today=TODAY)
               if e.kind == "opportunity_deadline"]
    assert (event.day, event.summary) == (DEADLINE,
                                          "Deadline to apply: Talk at the Lisbon data summit")
    assert event.alarm_hours == -15  # 9:00 the day before, as a goal's deadline
    assert "Today is the deadline to apply for “Talk at the Lisbon data summit” (DataConf)" \
        in event.description and "10_opportunities" in event.description
    # the next step keeps its own reminder, with its own UID
    kinds = {e.kind: e.uid for e in calendar_events(wb, "lena", today=TODAY)}
    assert kinds["opportunity"] != kinds["opportunity_deadline"]

    applied = move_stage(wb.opportunities[0], "applied", date(2026, 12, 10))
    wb.opportunities = [applied]
    later = date(2026, 12, 11)
    assert not [e for e in calendar_events(wb, "lena", today=later)
                if e.kind == "opportunity_deadline"]
    [gone] = [e for e in calendar_events(wb, "lena", today=later, cancelled=True)
              if e.kind == "opportunity_deadline"]
    assert gone.cancelled and gone.uid == event.uid  # the app removes the same event
    assert gone.summary == "Applied: Deadline to apply: Talk at the Lisbon data summit"
    assert gone.description.startswith("Applied on 2026-12-10 in your workbook")

    wb.opportunities = [move_stage(talk(), "declined", date(2026, 12, 9))]
    [gone] = [e for e in calendar_events(wb, "lena", today=later, cancelled=True)
              if e.kind == "opportunity_deadline"]
    assert gone.cancelled and gone.summary.startswith("Moved to declined: Deadline to apply")


def test_the_ics_file_holds_the_deadline_with_its_alarm(tmp_path):
    from career_workbook.export.ics import write_calendar

    path = tmp_path / "workbooks" / "lena.yaml"
    path.parent.mkdir()
    store.save(workbook(talk()), path)
    write_calendar(path, tmp_path / "lena.ics", today=TODAY)
    cal = icalendar.Calendar.from_ical((tmp_path / "lena.ics").read_bytes())
    [event] = [e for e in cal.walk("VEVENT") if "Deadline to apply" in str(e["SUMMARY"])]
    assert event["DTSTART"].dt == DEADLINE and event.get("STATUS") != "CANCELLED"
    [alarm] = event.walk("VALARM")
    assert alarm["TRIGGER"].dt == timedelta(hours=-15)


# --- the coach's week and the cohort ---------------------------------------------------------
@pytest.mark.parametrize(("today", "nudge"), [
    (TODAY, "opportunity 'Talk at the Lisbon data summit' has its deadline in 9 days, not "
            "applied for yet"),
    (date(2026, 12, 13), "opportunity 'Talk at the Lisbon data summit' has its deadline in "
                         "2 days, not applied for yet"),
    (DEADLINE, "opportunity 'Talk at the Lisbon data summit' has its deadline today, not "
               "applied for yet"),
    (date(2026, 12, 16), "opportunity 'Talk at the Lisbon data summit' is 1 day past its "
                         "deadline, not applied for"),
])
def test_the_coach_is_nudged_while_the_deadline_is_near(today, nudge):
    week = client_week(workbook(talk()), today, "lena")
    assert nudge in week.nudges
    assert sum("Talk at the Lisbon" in n for n in week.nudges) == 1
    coming = [(u.day, u.kind) for u in week.upcoming]
    assert ((DEADLINE, "opportunity_deadline") in coming) == (today <= DEADLINE)


@pytest.mark.parametrize("stage", ["applied", "interviewing", "offer", "declined", "not_now"])
def test_once_applied_for_or_closed_the_deadline_is_quiet(stage):
    week = client_week(workbook(talk(stage)), TODAY, "lena")
    assert not any("Talk at the Lisbon" in n for n in week.nudges)
    assert not [u for u in week.upcoming if u.kind == "opportunity_deadline"]
    frame = analysis.next_actions_frame(workbook(talk(stage)), TODAY)
    assert "opportunity deadline" not in set(frame["kind"])  # (stale, it may be listed)


def test_a_deadline_further_than_two_weeks_is_not_nudged_yet():
    early = DEADLINE - timedelta(days=DEADLINE_DAYS + 1)
    week = client_week(workbook(talk()), early, "lena")
    assert not any("Talk at the Lisbon" in n for n in week.nudges)
    assert not [u for u in week.upcoming if u.kind == "opportunity_deadline"]


# --- the next actions (notebook 09, the review pack) ------------------------------------
def test_the_deadline_is_a_next_action_and_said_beside_an_overdue_step():
    frame = analysis.next_actions_frame(workbook(talk()), TODAY)
    [row] = frame[frame["item"] == "Talk at the Lisbon data summit"].itertuples()
    assert (row.kind, row.reason) == ("opportunity deadline",
                                      "Deadline 15 Dec 2026 — in 9 days: apply, or mark it not now")
    # a next step overdue too: one row, which says both
    wb = workbook(talk(next_step="Write the abstract", next_step_due=date(2026, 12, 4)))
    frame = analysis.next_actions_frame(wb, TODAY)
    rows = frame[frame["kind"].str.startswith("opportunity")]
    assert list(rows["kind"]) == ["opportunity step"]
    assert rows["reason"].iloc[0] == (
        "Next step for “Talk at the Lisbon data summit”, due 4 Dec 2026 — 2 days ago. "
        "Deadline 15 Dec 2026 — in 9 days: apply, or mark it not now")


# --- the real path: a new workbook, the notebook-10 form, the commands ---------------------
def run(capsys, *argv: str) -> str:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, out + err
    return out


def test_pack_cohort_and_calendar_name_a_deadline_added_with_the_form(tmp_path, capsys):
    ws = tmp_path / "ws" / "workbooks"
    run(capsys, "new", "Lena Ortiz", "--dir", str(ws))
    path = ws / "lena_ortiz.yaml"
    session = ui.Session(path, today=TODAY.isoformat())
    view = ui.opportunities_form(session)
    view.fields["title"].value = "Talk at the Lisbon data summit"
    view.fields["kind"].value = "speaking"
    view.fields["stage"].value = "exploring"
    view.fields["deadline"].value = "2026-12-15"
    view.buttons["save"].click()
    assert cw.load(path).opportunities[0].deadline == DEADLINE

    day = ["--today", TODAY.isoformat()]
    run(capsys, "pack", str(path), "--out", str(tmp_path / "packs"), "--formats", "html", *day)
    page = (tmp_path / "packs" / "lena_ortiz" / "review.html").read_text(encoding="utf-8")
    assert "Talk at the Lisbon data summit" in page
    assert "Deadline 15 Dec 2026 — in 9 days: apply, or mark it not now" in page

    out = run(capsys, "cohort", str(ws), "--out", str(tmp_path / "c.csv"), "--no-charts",
              "--jobs", "1", *day)
    assert "'Talk at the Lisbon data summit' has its deadline in 9 days" in out
    with open(tmp_path / "c.csv", encoding="utf-8") as f:
        [row] = csv.DictReader(f)
    assert row["upcoming_14_days"] == "2"  # the first check-in (today) and the deadline
    assert "has its deadline in 9 days, not applied for yet" in row["nudge"]

    run(capsys, "calendar", str(path), "--out", str(tmp_path / "lena.ics"), *day)
    cal = icalendar.Calendar.from_ical((tmp_path / "lena.ics").read_bytes())
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert [s for s in summaries if "Lisbon" in s] == [
        "Deadline to apply: Talk at the Lisbon data summit"]

    # applied for, with the form's "forward" button: the nudge and the reminder go
    view.chooser.value = view.chooser.options[1][1]
    view.buttons["forward"].click()
    assert cw.load(path).opportunities[0].stage == "applied"
    out = run(capsys, "cohort", str(ws), "--out", str(tmp_path / "c.csv"), "--no-charts",
              "--jobs", "1", *day)
    assert "Lisbon" not in out
    run(capsys, "calendar", str(path), "--out", str(tmp_path / "lena.ics"), *day)
    cal = icalendar.Calendar.from_ical((tmp_path / "lena.ics").read_bytes())
    assert [(str(e["SUMMARY"]), str(e["STATUS"])) for e in cal.walk("VEVENT")
            if "Lisbon" in str(e["SUMMARY"])] == [
        ("Applied: Deadline to apply: Talk at the Lisbon data summit", "CANCELLED")]


def test_the_examples_name_a_deadline_not_applied_for_and_not_one_applied_for():
    # Jordan's PyCon talk is still "exploring" with a deadline on 15 Jan 2027; Mei's
    # role is "applied" (deadline 30 Nov): only Jordan's is a reminder, a nudge, an action
    jordan = cw.load(EXAMPLES / "jordan_engineer.yaml")
    [(opp, _)] = analysis.opportunity_deadlines_due(jordan, date(2027, 1, 5))
    assert opp.stage == "exploring" and opp.deadline == date(2027, 1, 15)
    week = client_week(jordan, date(2027, 1, 5), "jordan_engineer")
    assert any(n.startswith(f"opportunity '{opp.title[:40]}") and
               n.endswith("has its deadline in 10 days, not applied for yet")
               for n in week.nudges), week.nudges
    assert (date(2027, 1, 15), "opportunity_deadline") in [(u.day, u.kind)
                                                           for u in week.upcoming]
    mei = cw.load(EXAMPLES / "mei_career_changer.yaml")
    events = calendar_events(mei, "mei", today=date(2026, 11, 25))
    assert [e.cancelled for e in events if e.kind == "opportunity_deadline"] == []
    assert [e.summary.split(":")[0] for e in calendar_events(
        mei, "mei", today=date(2026, 11, 25), cancelled=True)
        if e.kind == "opportunity_deadline"] == ["Applied"]
