"""A pack left from before its workbook became invalid is never silently stale
(red-team M #14, first half): its folder gets ``NOT UPDATED.txt`` naming the problem,
removed by the next good pack."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date, datetime
from pathlib import Path

from career_workbook import batch, store
from career_workbook.model import new_workbook

TODAY = date(2026, 12, 6)


def test_an_invalid_workbook_marks_its_old_pack_until_the_next_good_one(tmp_path):
    path = tmp_path / "ana.yaml"
    store.save(new_workbook("Ana Ruiz", today=TODAY), path)
    out = tmp_path / "packs"
    assert batch.pack_clients([path], out, today=TODAY, formats=("html",)).ok
    good = path.read_bytes()
    note = out / "ana" / "NOT UPDATED.txt"
    assert not note.exists()
    path.write_text(good.decode().replace("goals: []", "goals: [{text: x, deadline: 2027-13-01}]"),
                    encoding="utf-8")
    report = batch.pack_clients([path], out, today=TODAY, formats=("html",))
    said = io.StringIO()
    report.print_summary(said)
    assert not report.ok
    text = note.read_text(encoding="utf-8")
    assert re.search(r"not updated on [^,]+, because ana.yaml\ncould not be packed", text)
    assert "goal 1 (“x”), deadline = '2027-13-01'" in text and "(line " in text
    assert "career-workbook validate ana.yaml" in text
    assert (out / "ana" / "review.html").exists()  # the old pack is still there
    path.write_bytes(good)  # fixed: the same bytes as the last good pack (kept as it is)
    assert batch.pack_clients([path], out, today=TODAY, formats=("html",)).ok
    assert not note.exists()


def test_the_note_says_when_the_pack_failed_by_the_machines_clock(tmp_path):
    """Walk X4: the note said "not updated on <--today>", the review day given to
    ``pack``, which can be any day (a pack made for the last review, or the next): it says
    the day and time the pack failed, and the review day it was for."""
    from career_workbook.wording import short_date

    path = tmp_path / "ana.yaml"
    store.save(new_workbook("Ana Ruiz", today=TODAY), path)
    out = tmp_path / "packs"
    review = date(2025, 3, 14)  # not the machine's day
    assert batch.pack_clients([path], out, today=review, formats=("html",)).ok
    path.write_text("person: {name: Ana}\ngoals: [{text: x, deadline: 2027-13-01}]\n",
                    encoding="utf-8")
    before = datetime.now().replace(second=0, microsecond=0)
    assert not batch.pack_clients([path], out, today=review, formats=("html",)).ok
    after = datetime.now()
    text = (out / "ana" / "NOT UPDATED.txt").read_text(encoding="utf-8")
    said = re.search(r"not updated on (\d{1,2} \w{3} \d{4}) at (\d\d:\d\d) \(a pack for\n"
                     r"the review of 14 Mar 2025\), because ana.yaml", text)
    assert said, text
    day, clock = said.groups()
    assert day in {short_date(before.date()), short_date(after.date())}, text
    failed = datetime.combine(before.date() if day == short_date(before.date())
                              else after.date(), datetime.strptime(clock, "%H:%M").time())
    assert before <= failed <= after, (failed, before, after)


def test_a_first_pack_that_fails_leaves_no_folder_and_no_note(tmp_path):
    path = tmp_path / "ben.yaml"
    path.write_text("person: {name: Ben}\ngoals: [{text: x, deadline: 2027-13-01}]\n",
                    encoding="utf-8")
    out = tmp_path / "packs"
    assert not batch.pack_clients([path], out, today=TODAY, formats=("html",)).ok
    assert not (out / "ben").exists()


def test_a_clash_never_marks_the_other_clients_pack(tmp_path):
    ws = tmp_path / "ws"
    ws.mkdir()
    store.save(new_workbook("Kim Lee", today=TODAY), ws / "kim.yaml")
    shutil.copy(ws / "kim.yaml", ws / "kim.yml")
    out = tmp_path / "packs"
    report = batch.pack_clients([ws], out, today=TODAY, formats=("html",))
    assert [p.name for p, _ in report.failed] == ["kim.yml"]
    assert not Path(out / "kim" / "NOT UPDATED.txt").exists()
