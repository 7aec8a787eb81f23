"""The calendar button (06, 09) and the LinkedIn import form (07), driven in Python."""

from __future__ import annotations

import base64
import csv
import io
import re
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import Action, Contact

DATA = Path(__file__).parent / "data" / "linkedin"


def _session(tmp_path: Path) -> ui.Session:
    path = tmp_path / "workbooks" / "sam_lee.yaml"
    path.parent.mkdir()
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.actions.append(Action(id="a1", text="Email <Dana>", due=date(2026, 12, 1)))
    wb.contacts.append(Contact(id="c1", name="Dana Lee", organisation="Harbourline",
                               relationship="mentor"))
    store.save(wb, path)
    return ui.Session(path, today="2026-11-22")


def test_calendar_button_writes_the_workspace_calendar(tmp_path):
    session = _session(tmp_path)
    view = ui.calendar_button(session)
    view.buttons["calendar"].click()
    out = tmp_path / "calendar" / "sam_lee.ics"
    assert out.exists()
    shown = view.children[2].value
    assert "2 reminders written to" in shown and str(out) in shown
    link = re.search(r'href="data:text/calendar;base64,([^"]+)"', shown).group(1)
    assert base64.b64decode(link) == out.read_bytes()
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == [
        "Action due: Email <Dana>", "Check-in: how is your plan going?"]
    assert "<Dana>" not in shown  # the page shows no user text unescaped


def test_calendar_button_on_missing_workbook_says_open_00(tmp_path):
    view = ui.calendar_button(ui.Session(tmp_path / "workbooks" / "nobody.yaml"))
    assert "calendar" not in view.buttons
    assert "00_start_here" in view.children[1].value


def test_calendar_button_reports_an_unwritable_folder(tmp_path):
    session = _session(tmp_path)
    (tmp_path / "calendar").write_text("a file where the folder should be")
    view = ui.calendar_button(session)
    view.buttons["calendar"].click()
    assert "could not be written" in view.status.value


def _upload(view, path: Path) -> None:
    data = path.read_bytes()
    view.children[1].children[0].value = (
        {"name": path.name, "type": "text/csv", "size": len(data), "content": memoryview(data),
         "last_modified": datetime(2026, 5, 3, tzinfo=UTC)},)


def test_contacts_import_preview_then_import_then_nothing_twice(tmp_path):
    session = _session(tmp_path)
    view = ui.contacts_import(session)
    assert view.buttons["save"].disabled
    before = session.path.read_bytes()
    _upload(view, DATA / "connections_linkedin.csv")
    preview = view.children[4].value
    assert "5 new contacts to add" in preview and "LinkedIn export" in preview
    assert "Northwind, Ltd" in preview
    assert "line 5: Dana Lee — already in your network as Dana Lee" in preview
    assert "line 10: no first or last name; skipped" in preview
    assert session.path.read_bytes() == before  # a preview saves nothing
    view.buttons["save"].click()
    assert "Saved at" in view.status.value and "5 contacts added" in view.status.value
    wb = cw.load(session.path)
    assert len(wb.contacts) == 6 and wb.contacts[0].relationship == "mentor"
    assert "0 new contacts to add" in view.children[4].value
    assert view.buttons["save"].disabled


def test_contacts_import_tells_a_repeated_row_only_that_it_repeats(tmp_path):
    # a row repeating an earlier one of the file was also listed under "Rows to check" for
    # its (future) date, though it is not imported
    session = _session(tmp_path)
    file = tmp_path / "c.csv"
    file.write_text("First Name,Last Name,Company,Connected On\n"
                    "Jo,Park,Acme,05 Dec 2026\nJo,Park,Acme,05 Dec 2026\n")
    view = ui.contacts_import(session)
    view.fields["path"].value = str(file)
    view.buttons["preview"].click()
    preview = view.children[4].value
    assert "line 3: Jo Park — same name and organisation as line 2" in preview
    assert "line 2: Connected On" in preview and "line 3: Connected On" not in preview


def test_contacts_import_by_path_plain_csv_with_bom_escapes_text(tmp_path):
    session = _session(tmp_path)
    view = ui.contacts_import(session)
    view.fields["path"].value = str(DATA / "connections_plain_bom.csv")
    view.buttons["preview"].click()
    preview = view.children[4].value
    assert "3 new contacts to add" in preview and "plain CSV" in preview
    assert "<script>" not in preview and "&lt;script&gt;" in preview
    view.buttons["save"].click()
    assert [c.name for c in cw.load(session.path).contacts][-1] == \
        "<script>alert(1)</script> Smith"


def test_contacts_import_reads_a_table_pasted_into_the_path_box(tmp_path):
    """The path box takes a table pasted from a spreadsheet in 07 too (one reader for
    both imports: CsvSource)."""
    session = _session(tmp_path)
    view = ui.contacts_import(session)
    view.fields["path"].value = ("First Name\tLast Name\tCompany\tConnected On\n"
                                 "Ines\tMora\tAcme\t15 Mar 2024\nOla\tBerg\tBeta\t\n")
    view.buttons["preview"].click()
    assert "no such file" not in view.status.value
    assert "2 new contacts to add" in view.children[4].value
    view.buttons["save"].click()
    assert [c.name for c in cw.load(session.path).contacts][-2:] == ["Ines Mora", "Ola Berg"]


def test_contacts_import_explains_bad_files(tmp_path):
    session = _session(tmp_path)
    view = ui.contacts_import(session)
    view.fields["path"].value = "nope.csv"
    view.buttons["preview"].click()
    assert "no such file" in view.status.value
    bad = tmp_path / "bad.csv"
    bad.write_text("name,email\nx,y\n")
    view.fields["path"].value = str(bad)
    view.buttons["preview"].click()
    assert "no header row" in view.children[4].value and view.buttons["save"].disabled


def test_contacts_import_skips_people_added_elsewhere_meanwhile(tmp_path):
    session = _session(tmp_path)
    view = ui.contacts_import(session)
    _upload(view, DATA / "connections_old_export.csv")
    with store.edit(session.path) as wb:  # another window adds Marta first
        wb.contacts.append(Contact(name="Marta Kowalska", organisation="Litware"))
    view.buttons["save"].click()
    names = [c.name for c in cw.load(session.path).contacts]
    assert names.count("Marta Kowalska") == 1 and "Sam O'Reilly" in names


def test_both_csv_imports_read_their_sources_the_same_way(tmp_path):
    """Feedback (02) and contacts (07) share one CSV source: the same size limit and the
    same message for an upload that is too large or a path that is no file."""
    session = _session(tmp_path)
    big = {"name": "huge.csv", "type": "text/csv", "size": 6 * 1024 * 1024,
           "content": memoryview(b"x"), "last_modified": datetime(2026, 5, 3, tzinfo=UTC)}
    for form in (ui.contacts_import, ui.feedback_import):
        view = form(session)
        view.children[1].children[0].value = (big,)
        assert "huge.csv: the file is too large (over 5 MB)" in view.status.value
        view.children[1].children[0].value = ()
        view.fields["path"].value = "nowhere.csv"
        view.buttons["preview"].click()
        assert "nowhere.csv: no such file" in view.status.value, form.__name__


def _upload_bytes(view, name: str, data: bytes) -> None:
    view.children[1].children[0].value = (
        {"name": name, "type": "text/csv", "size": len(data), "content": memoryview(data),
         "last_modified": datetime(2026, 5, 3, tzinfo=UTC)},)


@pytest.mark.parametrize(("separator", "encoding"), [
    (";", "utf-8-sig"),  # Excel where the decimal mark is a comma ("CSV UTF-8")
    ("\t", "utf-16"),    # Excel's "Unicode text"
])
def test_contacts_import_reads_a_spreadsheets_file_and_its_dates(tmp_path, separator,
                                                                 encoding):
    # red team: "unreadable: 0 rows read ... no header row with “First Name” and “Last
    # Name”", and 46000 or 2026-11-05 00:00:00 "not a date like 15 Mar 2024"
    session = _session(tmp_path)
    rows = [["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
             "Connected On", ""],
            ["Aisha", "Mensah", "", "", "Lumen; Analytics", "Principal, DS", "46000", ""],
            ["Ex", "Celdate", "", "", "Y", "", "2026-11-05 00:00:00", ""]]
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    view = ui.contacts_import(session)
    _upload_bytes(view, "Connections.csv", out.getvalue().encode(encoding))
    preview = view.children[4].value
    assert "2 new contacts to add" in preview, preview
    assert "Lumen; Analytics" in preview and "9 Dec 2025" in preview
    assert ("Connected On: 1 row holds a spreadsheet day number, read as a date (line 2: "
            "&#x27;46000&#x27; is 9 Dec 2025): check it in the preview") in preview
    assert "not a date" not in preview
    view.buttons["save"].click()
    added = cw.load(session.path).contacts[1:]
    assert [(c.name, c.organisation, c.last_contact) for c in added] == [
        ("Aisha Mensah", "Lumen; Analytics", date(2025, 12, 9)),
        ("Ex Celdate", "Y", date(2026, 11, 5))]


def test_contacts_import_names_the_separator_it_saw(tmp_path):
    session = _session(tmp_path)
    view = ui.contacts_import(session)
    _upload_bytes(view, "c.csv", b"First Name|Last Name|Company\r\nAna|Silva|Acme\r\n")
    shown = view.children[4].value
    assert "no header row" in shown and "separated by &#x27;|&#x27;" in shown
    assert view.buttons["save"].disabled
