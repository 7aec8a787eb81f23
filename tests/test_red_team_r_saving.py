"""Red-team walk R (everywhere a workbook is written: is a saved answer ever lost?).

1. ``career-workbook calendar kim.yaml --out ana.yaml`` (a coach's slip of the tab key)
   wrote the calendar over Ana's workbook: her answers were gone, with no earlier version
   in the history (an export is not a save), and ``history``/``undo`` then failed on the
   calendar. ``cohort``'s CSV could do the same through the API. An export now never
   writes to a workbook's name (:func:`career_workbook.store.write_output`).
2. A backup copied back over the workbook with its own time (``cp -p``, ``rsync -a``, a
   sync tool), then saved over by a form: the history kept the copy under that old time,
   and thinning by age dropped it at once when the history had a later version of that
   month (or day, or hour). It is now kept under the time it was put in place.
3. The same entry typed in two tabs (a contact, an achievement, an action, a milestone, a
   learning item, an opportunity, a goal drafted in 04) was saved twice: counted twice in
   the pack, the hours, the promotion case; the goal drafter's own rule against a goal
   said twice was checked only against the tab's stale copy. The second tab now says it is
   already in the workbook, added in another window, and saves nothing.
4. A save on a full disk said only "could not save: No space left on device": now also
   what to do (free some space), as an export's message does.
5. "Restore an earlier version" (notebook 00) listing a version that the history thinned
   (or lost) before the person confirmed said "Not saved: .../.history/...yaml: no workbook
   at this path; ... create one with `career-workbook new`": it now says that version is
   no longer kept, nothing was changed, and lists the versions kept now.
6. A record renamed in one tab (a value, a skill, a milestone, an achievement, a learning
   item) and changed otherwise in another: the second save was refused as "removed or
   renamed"; the person had to reload and make the change again. A record renamed and
   nothing else now takes the change (a second rename, different, is still a conflict).
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import cli, store
from career_workbook import widgets as ui
from career_workbook.model import Goal

TODAY = "2026-11-22"


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "workbooks"
    kim = folder / "kim.yaml"
    store.new(kim, "Kim Lee", today=date(2026, 1, 5))
    with store.edit(kim) as wb:
        wb.goals.append(Goal(id="g1", text="Lead a data project by June 2027",
                             status="active", created=date(2026, 1, 5),
                             deadline=date(2027, 6, 30)))
    ana = folder / "Ana.YML"
    store.new(ana, "Ana Ruiz", today=date(2026, 1, 5))
    return kim, ana


@pytest.mark.parametrize("argv", [
    ["calendar", "{kim}", "--out", "{ana}"],
    ["calendar", "--all", "{folder}", "--out", "{ana}"],
])
def test_a_calendar_is_never_written_over_a_workbook(capsys, two, argv):
    kim, ana = two
    before = ana.read_bytes()
    names = {"kim": kim, "ana": ana, "folder": kim.parent}
    try:
        code = cli.main([a.format(**names) for a in argv])
    except SystemExit as done:
        code = done.code
    err = capsys.readouterr().err
    assert code != 0
    assert ana.read_bytes() == before  # was a VCALENDAR
    assert cw.load(ana).person.name == "Ana Ruiz"
    assert f"{ana}: that is a workbook's file name (.yml)" in err, err
    assert "Ana.ics" in err, err


def test_a_caseload_csv_is_never_written_over_a_workbook(two):
    from career_workbook import caseload

    kim, ana = two
    before = ana.read_bytes()
    with pytest.raises(store.OutputError, match="never writes over a workbook; name it Ana.csv"):
        caseload.cohort(kim.parent, ana, today=date(2026, 11, 22), charts=False)
    assert ana.read_bytes() == before


def test_a_backup_copied_back_with_its_old_time_stays_in_the_history(tmp_path):
    path = tmp_path / "kim.yaml"
    store.new(path, "Kim Lee")
    for strength in ("Listening", "Writing"):
        with store.edit(path) as wb:
            wb.strengths.append(strength)
    folder = path.parent / ".history" / path.name  # those two saves, 38 and 40 days ago
    for entry, days in zip(store.history(path), (38, 40), strict=True):
        stamp = (datetime.now(UTC) - timedelta(days=days)).strftime(store._STAMP_FORMAT)
        os.replace(entry.path, folder / f"{stamp}-{entry.version:06d}.yaml")
    backup = tmp_path / "backup.yaml"
    wb = cw.load(path)
    wb.strengths = ["From the backup"]
    store.save(wb, backup)
    day = time.time() - 41 * 86400  # the backup's own time, kept by the copy
    os.utime(backup, (day, day))
    shutil.copy2(backup, path)
    with store.edit(path) as wb:  # a form saves over it
        wb.weaknesses.append("Delegating")
    kept = [cw.load(e.path).strengths for e in store.history(path)]
    assert ["From the backup"] in kept, kept
    assert store.history(path)[0].saved_at > datetime.now(UTC) - timedelta(hours=1)


def said(view) -> str:
    """The status line as a person reads it."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", view.status.value))


@pytest.mark.parametrize("form, typed, collection", [
    ("contacts_form", {"name": "Dana Whitfield"}, "contacts"),
    ("achievements_form", {"title": "Ran the Q3 incident review",
                           "date": date(2026, 11, 20)}, "achievements"),
    ("actions_form", {"text": "Email Dana about mentoring", "due": date(2026, 12, 20)},
     "actions"),
    ("learning_form", {"title": "The Rust book"}, "learning"),
    ("opportunities_form", {"title": "Staff engineer role at Acme"}, "opportunities"),
    ("goal_drafter", {"text": "Give a talk at the PyData meetup by 30 June 2027",
                      "deadline": date(2027, 6, 30)}, "goals"),
])
def test_an_entry_typed_in_two_tabs_is_kept_once(two, form, typed, collection):
    kim, _ = two
    tabs = [getattr(ui, form)(ui.Session(kim, today=TODAY)) for _ in range(2)]
    for tab in tabs:
        for key, value in typed.items():
            tab.fields[key].value = value
        tab.buttons["save"].click()
    first, second = (said(tab) for tab in tabs)
    key, value = next(iter(typed.items()))
    kept = [r for r in getattr(cw.load(kim), collection) if getattr(r, key) == value]
    assert "Saved" in first and len(kept) == 1, (first, second)
    # R11, old code: "already in your workbook:" named the record, not the file
    assert "Not saved" in second and f"already in your workbook ({kim.name})" in second, second
    assert "added in another window" in second and "Reload" in second, second
    assert tabs[1].reload_button.layout.display is None  # the way to see it is offered


def test_an_entry_added_again_in_the_same_tab_on_purpose_is_still_added(two):
    kim, _ = two
    tab = ui.learning_form(ui.Session(kim, today=TODAY))
    for title in ("Weekly SQL practice", "The Rust book", "Weekly SQL practice"):
        tab.fields["title"].value = title
        tab.buttons["save"].click()
        assert "Saved" in said(tab), said(tab)
    assert [x.title for x in cw.load(kim).learning].count("Weekly SQL practice") == 2


def test_a_full_disk_says_what_to_do_and_keeps_the_answers_in_the_form(two, disk_full):
    kim, _ = two
    before = kim.read_bytes()
    tab = ui.strengths_form(ui.Session(kim, today=TODAY))
    disk_full(kim)
    tab.fields["strengths"].value = "Listening"
    tab.buttons["save"].click()
    text = said(tab)
    assert "Not saved" in text and "No space left on device" in text, text
    assert "free some space on that disk" in text, text
    assert kim.read_bytes() == before and tab.fields["strengths"].value == "Listening"


def test_restoring_a_version_no_longer_kept_says_so_and_lists_those_kept(two):
    from career_workbook.widgets import quiet

    kim, _ = two
    for strength in ("Listening", "Writing"):
        with store.edit(kim) as wb:
            wb.strengths.append(strength)
    form = ui.restore_form(ui.Session(kim, today=TODAY))

    def versions():
        return next(w for w in quiet.widget_tree([form]) if type(w).__name__ == "Dropdown")

    oldest = store.history(kim)[-1]
    versions().value = str(oldest.version)
    oldest.path.unlink()  # thinned by a save in another tab meanwhile
    before = kim.read_bytes()
    form.buttons["restore"].click()
    form.buttons["confirm"].click()
    text = said(form)
    assert text.startswith("⚠ Not restored:") and "no longer kept" in text, text
    assert "career-workbook new" not in text and ".history" not in text, text
    assert kim.read_bytes() == before
    kept = {str(e.version) for e in store.history(kim)}
    assert {v for _, v in versions().options} == kept


@pytest.mark.parametrize("form, name, other, value", [
    ("values_form", "name", "note", "Said out loud in every 1:1"),
    ("skills_form", "name", "importance", 5),
])
def test_a_record_renamed_in_one_tab_takes_a_change_from_another(two, form, name, other,
                                                                  value):
    kim, _ = two
    with store.edit(kim) as wb:
        from career_workbook.model import LearningItem, Skill, Value

        wb.values.append(Value(name="Honesty"))
        wb.learning.append(LearningItem(title="SQL course"))
        wb.skills.append(Skill(name="SQL"))
    a, b = (getattr(ui, form)(ui.Session(kim, today=TODAY)) for _ in range(2))
    for tab in (a, b):
        tab.chooser.value = tab.chooser.options[1][1]
    renamed = a.fields[name].value + " (renamed)"
    a.fields[name].value = renamed
    a.buttons["save"].click()
    b.fields[other].value = value
    b.buttons["save"].click()
    assert "Saved" in said(b), said(b)
    record = getattr(cw.load(kim), {"values_form": "values", "learning_form": "learning",
                                    "skills_form": "skills"}[form])[0]
    assert (getattr(record, name), getattr(record, other)) == (renamed, value)


def test_a_record_renamed_differently_in_two_tabs_is_still_a_conflict(two):
    kim, _ = two
    with store.edit(kim) as wb:
        from career_workbook.model import Value

        wb.values.append(Value(name="Honesty"))
    a, b = (ui.values_form(ui.Session(kim, today=TODAY)) for _ in range(2))
    for tab in (a, b):
        tab.chooser.value = tab.chooser.options[1][1]
    for tab, name in ((a, "Honesty at work"), (b, "Candour")):
        tab.fields["name"].value = name
        tab.buttons["save"].click()
    assert "Not saved" in said(b) and "Candour" in said(b), said(b)
    assert [v.name for v in cw.load(kim).values] == ["Honesty at work"]


def test_a_record_renamed_and_changed_in_one_tab_is_said_renamed_with_its_new_name(two):
    """Leftover R12: a skill renamed and changed in one tab, changed in another: a conflict
    (nothing is saved), said "removed or renamed"; it now says what it was renamed to."""
    kim, _ = two
    with store.edit(kim) as wb:
        from career_workbook.model import Skill

        wb.skills.append(Skill(name="SQL"))
    a, b = (ui.skills_form(ui.Session(kim, today=TODAY)) for _ in range(2))
    for tab in (a, b):
        tab.chooser.value = tab.chooser.options[1][1]
    a.fields["name"].value = "SQL querying"
    a.fields["importance"].value = 2
    a.buttons["save"].click()
    b.fields["importance"].value = 5
    b.buttons["save"].click()
    text = said(b)
    assert "Not saved" in text and "renamed to “SQL querying”" in text, text
    assert "removed or renamed" not in text, text
    assert [(s.name, s.importance) for s in cw.load(kim).skills] == [("SQL querying", 2)]


def test_cohort_on_a_full_disk_names_the_folder_and_what_to_do(capsys, two, disk_full,
                                                               tmp_path):
    """``cohort --out`` on a full disk said only ``error: No space left on device``
    (``pack`` and ``run``: which folder, and "free some space on that disk")."""
    kim, _ = two
    csv = tmp_path / "out" / "cohort.csv"
    disk_full(csv)
    code = cli.main(["cohort", str(kim.parent), "--out", str(csv), "--today", TODAY])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == (f"career-workbook cohort: error: cannot write to {csv.parent}: "
                           "No space left on device — free some space on that disk"), err
    assert not csv.exists()


def test_cohort_on_a_disk_full_half_way_leaves_the_last_set_whole(capsys, two, tmp_path,
                                                                  monkeypatch):
    """X8b: the disk full at the 5th of the 7 files left the new CSV and 4 new chart files
    beside the old recency chart, a set of two days. Now the set is written whole or not
    at all: the last one stays as it was, with no temporary file beside it."""
    import errno

    kim, _ = two
    csv = tmp_path / "out" / "cohort.csv"
    assert cli.main(["cohort", str(kim.parent), "--out", str(csv), "--today", TODAY]) == 0
    last = {p.name: p.read_bytes() for p in csv.parent.iterdir()}
    assert len(last) == 7, sorted(last)  # the CSV, three charts as PNG and SVG
    real, started = store._write_temp, []

    def full_at_the_fifth(path, data, mode=None):
        started.append(path.name)
        if len(started) == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data, mode)

    monkeypatch.setattr(store, "_write_temp", full_at_the_fifth)
    capsys.readouterr()
    code = cli.main(["cohort", str(kim.parent), "--out", str(csv), "--today", "2027-02-01"])
    err = capsys.readouterr().err
    assert code == 1 and len(started) == 5
    assert err.strip() == (f"career-workbook cohort: error: cannot write to {csv.parent}: "
                           "No space left on device — free some space on that disk"), err
    assert {p.name: p.read_bytes() for p in csv.parent.iterdir()} == last

    monkeypatch.setattr(store, "_write_temp", real)  # space again: the new set, whole
    assert cli.main(["cohort", str(kim.parent), "--out", str(csv), "--today", "2027-02-01"]) == 0
    now = {p.name: p.read_bytes() for p in csv.parent.iterdir()}
    assert sorted(now) == sorted(last)
    assert now["cohort.csv"] != last["cohort.csv"]  # the new day's
