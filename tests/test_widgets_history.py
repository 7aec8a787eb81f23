"""The "Restore an earlier version" form in notebook 00 (issue 11 item 9, form part)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import nbformat
import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "sam.yaml"
    store.new(p, "Sam Lee", today=date(2026, 1, 5))
    for strength in ("Listening", "Writing"):
        with cw.edit(p) as wb:
            wb.strengths.append(strength)
    return p


def _clock(entry) -> str:
    return entry.saved_at.astimezone().strftime("%H:%M")


def test_lists_versions_newest_first_with_when_and_what_they_hold(path):
    view = ui.restore_form(ui.Session(path))
    entries = store.history(path)
    chooser = view.children[1].children[0].children[0]
    assert [label for label, _ in chooser.options] == [
        f"1 · today {_clock(entries[0])} · 1 strength fewer",
        f"2 · today {_clock(entries[1])} · 2 strengths fewer"]
    assert "This version: Sam Lee · 0 skills · 0 goals" in view.children[2].value
    view.buttons["restore"].click()
    assert f"the version saved <b>today {_clock(entries[0])}</b>?" in view.children[4] \
        .children[0].value


def _move(entry, saved_at: datetime) -> None:
    """Say the kept version ``entry`` was saved at ``saved_at`` (its file name holds when)."""
    stamp = saved_at.astimezone(UTC).strftime("%Y-%m-%dT%H-%M-%S.%fZ")
    entry.path.rename(entry.path.with_name(f"{stamp}-{entry.version:06d}.yaml"))


def test_older_versions_say_the_day_and_one_that_cannot_be_read_says_so(path):
    with cw.edit(path) as wb:
        wb.goals.append(cw.Goal(text="Run 2 SQL workshops by March 2027"))
    newest, middle, oldest = store.history(path)
    now = datetime.now().astimezone()
    yesterday = (now - timedelta(days=1)).replace(hour=17, minute=5)
    _move(middle, yesterday)
    _move(oldest, now.replace(year=now.year - 1, month=3, day=4))
    newest.path.write_text("person: {name: [\n", encoding="utf-8")  # damaged copy
    chooser = ui.restore_form(ui.Session(path)).children[1].children[0].children[0]
    assert [label for label, _ in chooser.options] == [
        f"1 · today {_clock(store.history(path)[0])} · cannot be read",
        "2 · yesterday 17:05 · 1 goal fewer, 1 strength fewer",
        f"3 · 4 Mar {now.year - 1} {_clock(store.history(path)[2])} · 1 goal fewer, "
        "2 strengths fewer"]


def test_a_long_change_is_cut_after_a_whole_part(path):
    from career_workbook.widgets.forms_history import OPTION_CHARS

    with cw.edit(path) as wb:
        wb.goals += [cw.Goal(text=f"Goal number {n} by June 2027") for n in range(3)]
        wb.opportunities += [cw.Opportunity(title=f"Posting {n}") for n in range(4)]
        wb.contacts += [cw.Contact(name=f"Person {n}") for n in range(5)]
        wb.achievements.append(cw.Achievement(date=date(2026, 1, 5), title="Shipped"))
    view = ui.restore_form(ui.Session(path))
    label = view.children[1].children[0].children[0].options[0][0]
    clock = _clock(store.history(path)[0])
    assert label == f"1 · today {clock} · 3 goals fewer, 4 opportunities fewer…"
    assert len(label) <= OPTION_CHARS
    assert "Compared with now: 3 goals fewer, 4 opportunities fewer, 5 contacts fewer, " \
           "1 achievement fewer." in view.children[2].value  # in full below the list


def test_restore_asks_first_then_brings_the_version_back(path):
    s = ui.Session(path)
    view = ui.restore_form(s)
    profile = ui.strengths_form(s)
    before = path.read_bytes()
    view.buttons["restore"].click()  # only asks
    assert path.read_bytes() == before
    view.buttons["cancel"].click()
    assert path.read_bytes() == before
    view.buttons["restore"].click()
    view.buttons["confirm"].click()
    assert cw.load(path).strengths == ["Listening"]  # the version before the last save
    assert "Saved at" in view.status.value and "is back" in view.status.value
    assert profile.fields["strengths"].value == "Listening"  # other forms refreshed
    assert len(store.history(path)) == 3  # the replaced version is kept: undo works too


def test_choosing_an_older_version(path):
    view = ui.restore_form(ui.Session(path))
    chooser = view.children[1].children[0].children[0]
    chooser.value = chooser.options[-1][1]
    view.buttons["restore"].click()
    view.buttons["confirm"].click()
    assert cw.load(path).strengths == []


def test_restore_works_when_the_current_file_is_broken(path):
    path.write_text("person: {name: [\n")
    s = ui.Session(path)
    assert s.workbook is None
    view = ui.restore_form(s)
    view.buttons["restore"].click()
    view.buttons["confirm"].click()
    assert cw.load(path).strengths == ["Listening"] and s.workbook is not None


def test_without_history_or_workbook_says_so(tmp_path):
    view = ui.restore_form(ui.Session(tmp_path / "none.yaml"))
    assert view.buttons == {}
    p = tmp_path / "new.yaml"
    store.new(p, "Kim")
    view = ui.restore_form(ui.Session(p))
    assert "No earlier versions yet" in view.children[1].value and view.buttons == {}


def test_notebook_00_shows_the_form():
    nb = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    assert any(c.cell_type == "code" and c.source.strip() == "ui.restore_form(wb)"
               for c in nb.cells)


def test_a_version_with_fewer_opportunities_is_described_so(path):
    # 00's restore form said nothing of opportunities: a version with 1 (the file now has
    # 6) read like the file now
    with cw.edit(path) as wb:
        wb.opportunities.append(cw.Opportunity(title="Speak at the meetup"))
    with cw.edit(path) as wb:
        wb.opportunities += [cw.Opportunity(title=f"Posting {n}") for n in range(5)]
    view = ui.restore_form(ui.Session(path))
    info = view.children[2].value
    assert "This version: Sam Lee · 0 skills · 0 goals · 0 check-ins · 0 feedback entries · " \
           "1 opportunity · 2 strengths." in info
    assert "Now: Sam Lee · 0 skills · 0 goals · 0 check-ins · 0 feedback entries · " \
           "6 opportunities · 2 strengths." in info
    assert "Compared with now: 5 opportunities fewer." in info


def test_restore_compares_with_the_file_as_it_is_when_the_person_clicks(path):
    # R9, old code: after another tab saved, the form still said "Compared with now: 1
    # strength fewer" (the file as first read), and the question asked about that
    import html
    import re

    s = ui.Session(path)
    view = ui.restore_form(s)
    chosen = store.history(path)[0].version  # holds ["Listening"]
    other = ui.Session(path)
    assert other.save(lambda wb: wb.strengths.extend(["Tact", "Patience"])).ok
    view.buttons["restore"].click()

    info = html.unescape(re.sub(r"<[^>]+>", "", view.children[2].value))
    assert "Compared with now: 3 strengths fewer" in info, info
    assert view.state["version"] == chosen  # still the version the person looked at
    assert view.children[4].layout.display is None  # and the question about it is shown
    view.buttons["confirm"].click()
    assert cw.load(path).strengths == ["Listening"]
