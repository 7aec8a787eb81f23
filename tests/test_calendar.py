"""Reminders as an RFC 5545 calendar: icalendar and an independent strict parser agree
(issue 16 item 4)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

import career_workbook as cw
from career_workbook import cli, store
from career_workbook.analysis.reminders import DEFAULT_RHYTHM_DAYS, calendar_events
from career_workbook.export.ics import (
    calendar_path,
    render_ics,
    write_calendar,
    write_caseload_calendar,
)
from career_workbook.model import Action, CheckIn, Contact, Goal, Milestone, Opportunity

TODAY = date(2026, 11, 22)
HOSTILE = ("Line one\nline two, with commas; semicolons \\ backslash "
           "<b>bold</b> <script>alert(1)</script> ") + "é" * 1_800  # a goal holds 2,000
LONG = "Acme, Inc.; " + "ø" * 5_000  # 5,000 characters in an organisation (a file may hold it)


# ------------------------------------------------------------------ a strict RFC 5545 reader
def strict_parse(data: bytes) -> list[dict]:
    """A tiny independent reader: checks CRLF, 75-octet lines, BEGIN/END nesting, escaped
    TEXT; returns the components as {"name", "props": {NAME: [(params, value)]}, "subs"}."""
    assert data.endswith(b"\r\n"), "content lines end with CRLF"
    physical = data[:-2].split(b"\r\n")
    for raw in physical:
        assert len(raw) <= 75, f"line longer than 75 octets: {raw[:40]!r}"
        assert b"\n" not in raw and b"\r" not in raw
    text = data.decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", text)  # RFC 5545 3.1 unfolding
    stack: list[dict] = [{"name": "ROOT", "props": {}, "subs": []}]
    for line in unfolded[:-2].split("\r\n"):
        m = re.match(r"^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$", line)
        assert m, f"not a content line: {line[:60]!r}"
        name, params, value = m.group(1).upper(), m.group(2), m.group(3)
        if name == "BEGIN":
            comp = {"name": value, "props": {}, "subs": []}
            stack[-1]["subs"].append(comp)
            stack.append(comp)
        elif name == "END":
            assert stack[-1]["name"] == value, f"END:{value} closes {stack[-1]['name']}"
            stack.pop()
        else:
            stack[-1]["props"].setdefault(name, []).append((params, value))
    assert len(stack) == 1, "unclosed component"
    return stack[0]["subs"]


def text_value(raw: str) -> str:
    """Unescape an RFC 5545 TEXT value; an unescaped ',' or ';' is an error (3.3.11)."""
    assert not re.search(r"(?<!\\)(?:\\\\)*[,;]", raw), f"unescaped , or ; in {raw[:60]!r}"
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), raw)


# ------------------------------------------------------------------ fixtures
def full_workbook() -> cw.Workbook:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.goals += [
        Goal(id="g1", text=HOSTILE, status="active", created=date(2026, 1, 5),
             deadline=date(2027, 6, 30),
             milestones=[Milestone(title="Draft; the, plan", due=date(2027, 1, 15)),
                         Milestone(title="Done already", due=date(2026, 3, 1),
                                   done_on=date(2026, 3, 2)),
                         Milestone(title="No date")]),
        Goal(id="g2", text="Finished goal", status="done", created=date(2026, 1, 5),
             deadline=date(2026, 6, 1)),
    ]
    wb.actions += [Action(id="a1", text="Email Dana, then; book a call", due=date(2026, 12, 1),
                          goal_id="g1", priority="high"),
                   Action(id="a2", text="Done thing", due=date(2026, 12, 2), status="done"),
                   Action(id="a3", text="No date")]
    wb.contacts += [Contact(id="c1", name="Dana <Lee>", organisation=LONG,
                            last_contact=date(2026, 10, 1), next_follow_up=date(2026, 12, 5)),
                    Contact(id="c2", name="No follow-up")]
    wb.check_ins += [CheckIn(date=date(2026, 10, 20)), CheckIn(date=date(2026, 11, 10))]
    wb.opportunities += [
        Opportunity(id="o1", title="Stretch: <b>lead</b> the Q1 offsite", organisation=LONG,
                    stage="exploring", spotted=date(2026, 11, 1), next_step=HOSTILE,
                    next_step_due=date(2026, 12, 3)),
        Opportunity(id="o2", title="Closed door", stage="declined", spotted=date(2026, 9, 1),
                    next_step="Nothing", next_step_due=date(2026, 12, 4)),
        Opportunity(id="o3", title="No date yet", spotted=date(2026, 11, 1)),
    ]
    return wb


@pytest.fixture
def wb_path(tmp_path: Path) -> Path:
    path = tmp_path / "workbooks" / "sam_lee.yaml"
    path.parent.mkdir()
    store.save(full_workbook(), path)
    return path


# ------------------------------------------------------------------ events (pure)
def test_events_cover_every_kind_and_skip_finished_items():
    events = calendar_events(full_workbook(), "sam_lee", today=TODAY)
    kinds = [(e.kind, e.day) for e in events]
    assert kinds == [("check_in", date(2026, 12, 1)), ("goal", date(2027, 6, 30)),
                     ("milestone", date(2027, 1, 15)), ("action", date(2026, 12, 1)),
                     ("follow_up", date(2026, 12, 5)), ("opportunity", date(2026, 12, 3))]
    assert len({e.uid for e in events}) == len(events)
    check_in = events[0]
    assert "every 21 days, the gap between your last two check-ins" in check_in.description
    assert "09_progress_review" in check_in.description
    assert LONG in events[-2].description and "07_network" in events[-2].description
    step = events[-1]  # issue 16: an opportunity's next step, said in full
    assert step.summary.startswith("Opportunity: Line one line two") and len(step.summary) <= 134
    assert HOSTILE in step.description and "10_opportunities" in step.description
    assert "exploring" in step.description


def test_check_in_rhythm_default_is_said():
    wb = cw.new_workbook("Sam", today=date(2026, 1, 5))
    [event] = calendar_events(wb, "sam", today=TODAY)
    assert event.day == TODAY and "first one" in event.description
    wb.check_ins.append(CheckIn(date=date(2026, 11, 15)))
    [event] = calendar_events(wb, "sam", today=TODAY)
    assert event.day == date(2026, 11, 15) + timedelta(days=DEFAULT_RHYTHM_DAYS)
    assert "a default: the workbook has no rhythm setting yet" in event.description
    wb.check_ins.append(CheckIn(date=date(2026, 11, 17)))  # 2 days apart: kept to a week
    [event] = calendar_events(wb, "sam", today=TODAY)
    assert event.day == date(2026, 11, 24) and "kept between 7 and 30 days" in event.description
    [event] = calendar_events(wb, "sam", today=date(2027, 1, 1))  # overdue: today
    assert event.day == date(2027, 1, 1) and "due on 2026-11-24" in event.description


def test_uids_are_stable_across_runs_and_dates_and_differ_per_workbook():
    wb = full_workbook()
    first = {e.kind + e.summary[:20]: e.uid for e in calendar_events(wb, "sam_lee", today=TODAY)}
    wb.actions[0].due = date(2027, 1, 9)  # moved: same event, new date
    later = {e.kind + e.summary[:20]: e.uid
             for e in calendar_events(wb, "sam_lee", today=date(2027, 1, 1))}
    assert first == later
    other = {e.uid for e in calendar_events(wb, "kim", today=TODAY)}
    assert not other & set(first.values())


# ------------------------------------------------------------------ the .ics file
def test_file_parses_with_icalendar_and_the_strict_reader(wb_path, tmp_path):
    out = tmp_path / "plan.ics"
    report = write_calendar(wb_path, out, today=TODAY)
    assert (report.events, report.cancelled) == (6, 2)  # a2 done, o2 declined: still ahead
    data = out.read_bytes()

    cal = icalendar.Calendar.from_ical(data)
    events = [ev for ev in cal.walk("VEVENT") if ev.get("STATUS") != "CANCELLED"]
    assert len(events) == 6
    for ev in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert prop in ev, prop
        assert ev["DTSTAMP"].dt.tzinfo is not None  # UTC
        [alarm] = ev.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY" and alarm["DESCRIPTION"]
        assert isinstance(alarm["TRIGGER"].dt, timedelta)
    goal = next(ev for ev in events if str(ev["SUMMARY"]).startswith("Goal deadline"))
    assert HOSTILE in str(goal["DESCRIPTION"])  # every character back, newline included
    assert len(str(goal["SUMMARY"])) <= 140 and "\n" not in str(goal["SUMMARY"])
    follow = next(ev for ev in events if str(ev["SUMMARY"]).startswith("Follow up"))
    assert LONG in str(follow["DESCRIPTION"])
    step = next(ev for ev in events if str(ev["SUMMARY"]).startswith("Opportunity:"))
    assert HOSTILE in str(step["DESCRIPTION"]) and "<b>lead</b>" in str(step["DESCRIPTION"])

    [vcal] = strict_parse(data)
    assert vcal["name"] == "VCALENDAR"
    assert vcal["props"]["VERSION"] == [("", "2.0")] and "PRODID" in vcal["props"]
    strict = [c for c in vcal["subs"] if c["name"] == "VEVENT"
              and "STATUS" not in c["props"]]
    assert len(strict) == 6
    for ev, parsed in zip(strict, events, strict=True):
        props = ev["props"]
        assert props["UID"][0][1] == str(parsed["UID"])
        assert props["DTSTART"][0][0] == ";VALUE=DATE"
        assert text_value(props["SUMMARY"][0][1]) == str(parsed["SUMMARY"])
        assert text_value(props["DESCRIPTION"][0][1]) == str(parsed["DESCRIPTION"])
        [alarm] = ev["subs"]
        assert alarm["name"] == "VALARM" and {"ACTION", "TRIGGER", "DESCRIPTION"} <= \
            set(alarm["props"])
    goal_raw = next(e for e in strict if "Goal deadline" in e["props"]["SUMMARY"][0][1])
    described = text_value(goal_raw["props"]["DESCRIPTION"][0][1])
    assert HOSTILE in described and "<script>" in described  # text, not markup


def test_control_characters_are_cleaned():
    from career_workbook.analysis.reminders import CalendarEvent

    ev = CalendarEvent("u@x", "action", TODAY, "Bell\x07 and\x00 esc\x1b", "a\r\nb\rc\u2028d")
    data = render_ics([ev], now=datetime(2026, 1, 1, tzinfo=UTC))
    [vcal] = strict_parse(data)
    props = vcal["subs"][0]["props"]
    assert text_value(props["SUMMARY"][0][1]) == "Bell  and  esc "
    assert text_value(props["DESCRIPTION"][0][1]) == "a\nb\nc d"


def test_same_uids_in_two_runs_of_the_file(wb_path, tmp_path):
    def uids(path: Path) -> list[str]:
        return [str(e["UID"]) for e in
                icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")]

    write_calendar(wb_path, tmp_path / "a.ics", today=TODAY,
                   now=datetime(2026, 11, 22, 9, tzinfo=UTC))
    write_calendar(wb_path, tmp_path / "b.ics", today=TODAY + timedelta(days=3),
                   now=datetime(2026, 11, 25, 9, tzinfo=UTC))
    assert uids(tmp_path / "a.ics") == uids(tmp_path / "b.ics")


# ------------------------------------------------------------------ CLI
def test_cli_calendar_one_workbook_default_place(wb_path, capsys):
    assert cli.main(["calendar", str(wb_path), "--today", "2026-11-22"]) == 0
    out = calendar_path(wb_path)
    assert out == wb_path.parent.parent / "calendar" / "sam_lee.ics" and out.exists()
    assert f"Wrote {out} (6 reminders)" in capsys.readouterr().out


def test_cli_calendar_all_across_a_caseload(wb_path, tmp_path, capsys):
    store.save(cw.new_workbook("Kim Park"), wb_path.parent / "kim_park.yaml")
    (wb_path.parent / "broken.yaml").write_text("person: [not, a, mapping\n")
    out = tmp_path / "caseload.ics"
    rc = cli.main(["calendar", "--all", str(wb_path.parent), "--out", str(out),
                   "--today", "2026-11-22"])
    printed = capsys.readouterr().out
    assert rc == 1 and "skipped broken.yaml" in printed and "for 2 people" in printed
    events = list(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert len(events) == 9 and sum(e.get("STATUS") == "CANCELLED" for e in events) == 2
    assert {str(e["SUMMARY"]).split(" — ")[0] for e in events} == {"Sam Lee", "Kim Park"}
    strict_parse(out.read_bytes())


def test_caseload_calendar_tells_clients_of_the_same_name_apart(tmp_path):
    # caseload.ics had two identical "Ana Empty — Check-in" events: whose is whose?
    for stem, name in (("ana_empty", "Ana Empty"), ("ana_empty_2", "Ana Empty"),
                       ("kim", "Kim Park")):
        store.save(cw.new_workbook(name, today=date(2026, 9, 1)), tmp_path / f"{stem}.yaml")
    store.save(cw.new_workbook("Kim  park", today=date(2026, 9, 1)), tmp_path / "kim.yml")
    report = write_caseload_calendar([tmp_path], tmp_path / "all.ics", today=TODAY)
    events = list(icalendar.Calendar.from_ical((tmp_path / "all.ics").read_bytes())
                  .walk("VEVENT"))
    whose = sorted(str(e["SUMMARY"]).split(" — ")[0] for e in events)
    assert report.people == 4 and whose == ["Ana Empty (ana_empty)", "Ana Empty (ana_empty_2)",
                                            "Kim Park (kim.yaml)", "Kim park (kim.yml)"]
    assert all(str(e["DESCRIPTION"]).startswith(f"For {w}.") for e, w in zip(
        sorted(events, key=lambda e: str(e["SUMMARY"])), whose, strict=True))
    store.save(cw.new_workbook("Lee Ong"), tmp_path / "lee.yaml")  # a name of one's own
    write_caseload_calendar([tmp_path / "lee.yaml"], tmp_path / "lee.ics", today=TODAY)
    assert "SUMMARY:Lee Ong — " in (tmp_path / "lee.ics").read_text(encoding="utf-8")


def test_cli_calendar_needs_one_source(wb_path, capsys):
    assert cli.main(["calendar"]) == 2
    assert cli.main(["calendar", str(wb_path), "--all", str(wb_path.parent)]) == 2
    assert "name one workbook file" in capsys.readouterr().err


# ------------------------------------------------------------------ unique UIDs (red team)
EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples" / "workbooks")
                  .glob("*.yaml"))


def adversarial_workbook() -> cw.Workbook:
    """Keys that collide: same-title milestones in one goal (three of them, one done), the
    same title in two goals, a title that hashes like another's occurrence key."""
    wb = full_workbook()
    wb.goals.append(Goal(id="g3", text="Repeat", status="active", deadline=date(2028, 2, 29),
                         milestones=[Milestone(title="Draft", due=date(2027, 1, 1)),
                                     Milestone(title="Draft", due=date(2027, 3, 1)),
                                     Milestone(title="Draft", due=date(2027, 4, 1),
                                               done_on=date(2026, 11, 20)),
                                     Milestone(title="Draft", due=date(2027, 5, 1))]))
    wb.goals.append(Goal(id="g4", text="Other", status="active",
                         milestones=[Milestone(title="Draft", due=date(2027, 1, 1))]))
    return wb


def ics_uids(data: bytes) -> list[str]:
    return [str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]


def test_same_title_milestones_get_different_uids_and_unique_ones_keep_theirs():
    wb = adversarial_workbook()
    events = calendar_events(wb, "sam_lee", today=TODAY)
    drafts = [e for e in events if e.summary == "Milestone: Draft"]
    assert [e.day for e in drafts] == [date(2027, 1, 1), date(2027, 3, 1), date(2027, 5, 1),
                                       date(2027, 1, 1)]
    assert len({e.uid for e in events}) == len(events)
    # the events that were unique keep the UID earlier versions gave them
    before = {e.uid for e in calendar_events(full_workbook(), "sam_lee", today=TODAY)}
    assert before <= {e.uid for e in events}
    alone = cw.new_workbook("Sam Lee")
    alone.goals.append(Goal(id="g3", text="Repeat", status="active",
                            milestones=[Milestone(title="Draft", due=date(2027, 1, 1))]))
    [_, first] = calendar_events(alone, "sam_lee", today=TODAY)
    assert drafts[0].uid == first.uid


def test_every_uid_in_a_whole_export_is_unique(tmp_path):
    folder = tmp_path / "workbooks"
    folder.mkdir()
    for src in EXAMPLES:
        (folder / src.name).write_bytes(src.read_bytes())
    store.save(adversarial_workbook(), folder / "sam_lee.yaml")
    store.save(adversarial_workbook(), folder / "sam_lee.yml")  # same stem, another file
    assert len(EXAMPLES) >= 4
    for path in sorted(folder.glob("*.y*ml")):
        out = tmp_path / f"{path.name}.ics"
        write_calendar(path, out, today=TODAY)
        uids = ics_uids(out.read_bytes())
        assert len(uids) > 1 and len(set(uids)) == len(uids), path.name
    write_caseload_calendar([folder], tmp_path / "all.ics", today=TODAY)
    uids = ics_uids((tmp_path / "all.ics").read_bytes())
    assert len(uids) > 30 and len(set(uids)) == len(uids)


# ------------------------------------------------------------------ closed items (red team)
def vevents_by_uid(data: bytes) -> dict[str, str]:
    """Each VEVENT's raw text (unfolded), keyed by UID, with its DTSTAMP line taken out."""
    text = re.sub(r"\r\n[ \t]", "", data.decode())
    blocks = re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", text, flags=re.S)
    return {re.search(r"^UID:(.*)$", b, flags=re.M).group(1).strip():
            re.sub(r"^DTSTAMP:.*\r\n", "", b, flags=re.M) for b in blocks}


def test_items_closed_since_the_last_export_come_back_cancelled_with_their_uid(tmp_path):
    wb = full_workbook()
    before = render_ics(calendar_events(wb, "sam_lee", today=TODAY, cancelled=True),
                        now=datetime(2026, 11, 1, tzinfo=UTC))
    old = vevents_by_uid(before)
    wb.actions[0].status, wb.actions[0].done_on = "done", TODAY          # a1 done
    wb.goals[0].milestones[0].done_on = TODAY - timedelta(days=1)       # Draft; the, plan
    wb.opportunities[0].stage = "not_now"                                # o1 closed
    wb.opportunities[0].updated = TODAY
    after = render_ics(calendar_events(wb, "sam_lee", today=TODAY, cancelled=True),
                       now=datetime(2026, 11, 22, tzinfo=UTC))
    new = vevents_by_uid(after)
    assert len(new) == len(old)  # the same UIDs: three now cancelled, nothing added
    assert set(new) == set(old)

    cal = icalendar.Calendar.from_ical(after)
    gone = {str(e["UID"]): e for e in cal.walk("VEVENT") if e.get("STATUS") == "CANCELLED"}
    was_open = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(before).walk("VEVENT")
                if e.get("STATUS") != "CANCELLED"}
    moved = {uid for uid in gone if uid in was_open}
    assert len(moved) == 3
    for uid in moved:
        ev = gone[uid]
        assert ev["STATUS"] == "CANCELLED" and not ev.walk("VALARM")
        assert ev["DTSTART"].dt == was_open[uid]["DTSTART"].dt
        assert str(ev["SUMMARY"]).endswith(str(was_open[uid]["SUMMARY"]))
    assert {str(gone[u]["SUMMARY"]).split(":")[0] for u in moved} == {"Done",
                                                                     "Moved to not now"}
    assert "Done on 2026-11-22 in your workbook" in str(
        next(gone[u] for u in moved if "Email Dana" in str(gone[u]["SUMMARY"]))["DESCRIPTION"])
    # every open event is the same text, byte for byte, DTSTAMP aside
    assert all(new[uid] == old[uid] for uid in was_open if uid not in moved)
    strict_parse(after)


def test_cancelled_events_are_bounded_to_recent_closings():
    wb = cw.new_workbook("Sam", today=date(2025, 1, 5))
    wb.actions += [
        Action(id="old", text="Done long ago", due=date(2026, 5, 1), status="done",
               done_on=date(2026, 5, 1)),                   # 205 days before TODAY: left out
        Action(id="edge", text="Done 90 days ago", due=date(2026, 5, 1), status="done",
               done_on=TODAY - timedelta(days=90)),
        Action(id="ahead", text="Done early", due=date(2027, 5, 1), status="done",
               done_on=date(2026, 1, 1)),                   # reminder still ahead: cancelled
        Action(id="drop", text="Dropped, no date", due=TODAY - timedelta(days=10),
               status="dropped"),
        Action(id="drop-old", text="Dropped long ago", due=date(2025, 2, 1),
               status="dropped"),
    ]
    wb.goals.append(Goal(id="gd", text="Dropped goal", status="dropped",
                         deadline=date(2027, 1, 1),
                         milestones=[Milestone(title="Open step", due=date(2026, 12, 1))]))
    events = calendar_events(wb, "sam", today=TODAY, cancelled=True)
    assert [(e.kind, e.cancelled) for e in events][0] == ("check_in", False)
    assert sorted(e.summary for e in events if e.cancelled) == [
        "Done: Action due: Done 90 days ago", "Done: Action due: Done early",
        "Dropped: Action due: Dropped, no date", "Dropped: Goal deadline: Dropped goal",
        "Dropped: Milestone: Open step"]
    assert len(calendar_events(wb, "sam", today=TODAY)) == 1  # the reminders list: open only
    later = calendar_events(wb, "sam", today=TODAY + timedelta(days=1), cancelled=True)
    assert "Done: Action due: Done 90 days ago" not in {e.summary for e in later}


# ------------------------------------------------------------------ links (red team)
def test_cli_calendar_all_counts_a_linked_workbook_once(wb_path, tmp_path, capsys):
    """list_workbooks keeps the real file, not the link beside it (one person, one client)."""
    (wb_path.parent / "a_link.yaml").symlink_to(wb_path)  # sorts before the real file
    store.save(cw.new_workbook("Kim Park"), wb_path.parent / "kim_park.yaml")
    out = tmp_path / "caseload.ics"
    rc = cli.main(["calendar", "--all", str(wb_path.parent), "--out", str(out),
                   "--today", "2026-11-22"])
    printed = capsys.readouterr().out
    assert rc == 0 and "for 2 people" in printed
    data = out.read_bytes()
    uids = ics_uids(data)
    assert len(uids) == 9 and len(set(uids)) == 9  # 6 + 1 reminders, 2 cancelled
    alone = write_calendar(wb_path, tmp_path / "sam.ics", today=TODAY)
    assert alone.events == 6  # and under the real file's name: the same UIDs as its own file
    assert set(ics_uids((tmp_path / "sam.ics").read_bytes())) <= set(uids)


def test_an_open_action_of_a_done_or_dropped_goal_is_not_reminded():
    """The calendar and the coach's "coming up" kept an open action whose goal was closed;
    the next actions (overdue_actions) had already left it out. One filter for all."""
    from career_workbook.analysis import open_actions
    from career_workbook.analysis.coach_week import client_week

    wb = cw.new_workbook("Sam", today=date(2026, 11, 1))
    wb.goals += [Goal(id="won", text="Ship it", status="done", completed_on=TODAY),
                 Goal(id="gone", text="Move abroad", status="dropped"),
                 Goal(id="live", text="Learn SQL", status="active")]
    wb.actions += [Action(id=f"a-{g}", goal_id=g, text=f"Step for {g}",
                          due=TODAY + timedelta(days=3)) for g in ("won", "gone", "live")]
    wb.check_ins.append(CheckIn(date=TODAY))
    events = calendar_events(wb, "sam", today=TODAY)
    assert [e.summary for e in events if e.kind == "action"] == ["Action due: Step for live"]
    assert [a.id for a in open_actions(wb)] == ["a-live"]
    upcoming = [u.summary for u in client_week(wb, TODAY).upcoming if u.kind == "action"]
    assert upcoming == ["Action due: Step for live"]
    # sent again as cancelled, so a calendar that has the reminder removes it
    shut = [e for e in calendar_events(wb, "sam", today=TODAY, cancelled=True) if e.cancelled
            and e.kind == "action"]
    assert sorted(e.summary for e in shut) == ["Goal done: Action due: Step for won",
                                               "Goal dropped: Action due: Step for gone"]


def test_the_calendar_never_schedules_a_check_in_after_it_is_overdue():
    from career_workbook.analysis.next_actions import CHECK_IN_DAYS

    wb = cw.new_workbook("Sam", today=date(2026, 1, 5))
    wb.check_ins += [CheckIn(date=date(2026, 8, 1)), CheckIn(date=date(2026, 10, 15))]
    [event] = calendar_events(wb, "sam", today=date(2026, 10, 16))
    assert event.day == date(2026, 10, 15) + timedelta(days=CHECK_IN_DAYS)  # not 75 days
    [event] = calendar_events(wb, "sam", today=TODAY)
    assert event.day == TODAY and "No check-in for 5 weeks: it is overdue" in event.description


def test_a_draft_goal_is_not_reminded_until_it_is_committed():
    """Red team: ``calendar --today 2026-11-22`` exported "Goal deadline: DRAFT goal … is due
    today" while drafts "are not counted until you commit to them" everywhere else."""
    from career_workbook.analysis.coach_week import client_week

    wb = cw.new_workbook("Sam", today=date(2026, 11, 1))
    wb.goals += [Goal(id=g, text=f"{g} goal", status=g, deadline=TODAY + timedelta(days=3),
                      milestones=[Milestone(title=f"{g} step", due=TODAY + timedelta(days=1))])
                 for g in ("draft", "active")]
    wb.check_ins.append(CheckIn(date=TODAY))
    events = calendar_events(wb, "sam", today=TODAY)
    assert [e.summary for e in events if e.kind in ("goal", "milestone")] == [
        "Goal deadline: active goal", "Milestone: active step"]
    assert "draft" not in " ".join(u.summary for u in client_week(wb, TODAY).upcoming)
    # a goal moved back to draft: a calendar that has its reminders removes them
    shut = [e for e in calendar_events(wb, "sam", today=TODAY, cancelled=True) if e.cancelled]
    assert [e.summary for e in shut] == ["Still a draft: Goal deadline: draft goal",
                                         "Still a draft: Milestone: draft step"]
    wb.goals[0].status = "active"  # committed: reminded, with the UID it was cancelled with
    committed = [e for e in calendar_events(wb, "sam", today=TODAY) if e.kind == "goal"]
    assert [e.summary for e in committed] == ["Goal deadline: draft goal",
                                              "Goal deadline: active goal"]
    assert committed[0].uid == shut[0].uid


def test_a_follow_up_names_the_last_contact_only_when_it_has_happened():
    # A last contact after --today is not known that day ("You last spoke on 2027-03-01"
    # in a reminder written as of 22 Nov 2026).
    wb = cw.new_workbook("Sam Lee", today=TODAY)
    wb.contacts += [Contact(name="Ana", last_contact=date(2026, 10, 1),
                            next_follow_up=date(2026, 12, 1)),
                    Contact(name="Bo", last_contact=date(2027, 3, 1),
                            next_follow_up=date(2026, 12, 1))]
    said = {e.summary: e.description for e in calendar_events(wb, "sam", today=TODAY)
            if e.kind == "follow_up"}
    assert "You last spoke on 2026-10-01." in said["Follow up with Ana"]
    assert "You last spoke" not in said["Follow up with Bo"]


def test_a_calendar_as_of_a_day_before_an_item_was_done_reminds_it(tmp_path, capsys):
    # old code: `calendar --today 1999-01-01` sent an action done in 2026 as "done or
    # closed lately" (cancelled); as of that day it was not done yet
    wb = cw.new_workbook("Sam", today=date(2025, 1, 5))
    wb.actions.append(Action(id="a1", text="Send the portfolio", due=date(2026, 10, 1),
                             status="done", done_on=date(2026, 10, 3)))
    wb.goals.append(Goal(id="g1", text="Move into UX research", status="done",
                         deadline=date(2026, 12, 1), completed_on=date(2026, 11, 20),
                         milestones=[Milestone(title="Portfolio", due=date(2026, 9, 1),
                                               done_on=date(2026, 8, 30))]))
    before = calendar_events(wb, "sam", today=date(2026, 8, 1), cancelled=True)
    assert not [e.summary for e in before if e.cancelled]
    assert {e.kind for e in before} == {"check_in", "action", "goal", "milestone"}
    between = calendar_events(wb, "sam", today=date(2026, 10, 10), cancelled=True)
    assert sorted(e.summary for e in between if e.cancelled) == [
        "Done: Action due: Send the portfolio", "Done: Milestone: Portfolio"]
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    assert cli.main(["calendar", str(path), "--out", str(tmp_path / "sam.ics"),
                     "--today", "1999-01-01"]) == 0
    assert "lately" not in capsys.readouterr().out


@pytest.mark.parametrize("folder", ["workbooks", "clients"])
def test_calendar_all_writes_where_its_help_says(tmp_path, monkeypatch, capsys, folder):
    # walk_x X5: the help said DIR/../calendar/caseload.ics, true only for a folder named
    # workbooks; a caseload in clients/ got clients/calendar/caseload.ics.
    with pytest.raises(SystemExit):
        cli.main(["calendar", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "the folder above DIR when DIR is named workbooks, else DIR" in said
    caseload = tmp_path / "ws" / folder
    caseload.mkdir(parents=True)
    store.save(cw.new_workbook("Kim Park"), caseload / "kim_park.yaml")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["calendar", "--all", str(caseload), "--today", "2026-11-22"]) == 0
    capsys.readouterr()
    workspace = caseload.parent if folder == "workbooks" else caseload
    assert (workspace / "calendar" / "caseload.ics").is_file()
