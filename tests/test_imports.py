"""LinkedIn Connections.csv import: every shape, preview, no duplicates (issue 16 item 5)."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import cli, store
from career_workbook.imports import (
    COLUMNS,
    ContactRow,
    contact_from_row,
    parse_connections,
    plan_contacts,
    preview_lines,
    read_connected_on,
)
from career_workbook.model import Contact, validate_workbook

DATA = Path(__file__).parent / "data" / "linkedin"
TODAY = date(2026, 12, 1)


def read(name: str) -> str:
    return (DATA / name).read_bytes().decode("utf-8-sig")


def test_linkedin_export_with_notes_preamble():
    parsed = parse_connections(read("connections_linkedin.csv"), today=TODAY)
    assert parsed.shape == "LinkedIn export"
    names = [r.name for r in parsed.rows]
    assert names == ["Dana Lee", "Amaru Quispe", "Zoë Ó Briain", "Kenji Watanabe",
                     "Priscila Oliveira", "Femi Adeyemi", "Dana Lee"]
    amaru = parsed.rows[1]
    assert amaru.company == "Northwind, Ltd" and amaru.connected == date(2023, 1, 2)
    assert parsed.rows[2].email == "zoe@example.org" and parsed.rows[2].position == \
        "Director, People"
    problems = {p.line: str(p) for p in parsed.problems}
    assert problems == {
        8: "line 8: an empty row (only commas); skipped",
        9: "line 9: Connected On = '31 Feb 2024' is not a date like 15 Mar 2024; imported "
           "without a last-contact date",
        10: "line 10: no first or last name; skipped",
        11: "line 11: Connected On = '01 Jan 2031' is in the future; imported without a "
            "last-contact date",
        13: "line 13: an empty row (only commas); skipped",
    }
    # the line numbers are the file's own lines (preamble, blank line and header counted)
    lines = (DATA / "connections_linkedin.csv").read_text().splitlines()
    assert lines[7] == ",,,,,," and lines[8].startswith("Kenji,")


def test_older_export_without_url_and_position():
    parsed = parse_connections(read("connections_old_export.csv"), today=TODAY)
    assert parsed.shape == "LinkedIn export"
    assert [(r.name, r.company, r.url, r.position, r.connected) for r in parsed.rows] == [
        ("Marta Kowalska", "Litware", "", "", date(2016, 9, 9)),
        ("Sam O'Reilly", "Adventure Works", "", "", date(2017, 2, 14))]
    assert [p.line for p in parsed.problems] == [7]


def test_plain_csv_with_bom_and_hostile_text():
    text = (DATA / "connections_plain_bom.csv").read_bytes().decode("utf-8")  # BOM kept
    assert text.startswith("\ufeff")
    parsed = parse_connections(text, today=TODAY)
    assert parsed.shape == "plain CSV" and not parsed.problems
    assert [r.connected for r in parsed.rows] == [date(2025, 10, 3), date(2025, 6, 30),
                                                  date(2025, 12, 12)]
    hostile = parsed.rows[2]
    assert hostile.position == "Line one Line two"  # one line in a contact
    contact = contact_from_row(hostile)
    assert contact.name == "<script>alert(1)</script> Smith"  # kept as text, escaped on show
    validate_workbook({"person": {"name": "X"}, "contacts": [contact.model_dump()]})


@pytest.mark.parametrize("text", ["", "just some text\nno header", "\x00\x00", "a,b\n1,2",
                                  '"unterminated,quote\nFirst Name,Last Name\n'])
def test_not_a_connections_file_is_explained(text):
    parsed = parse_connections(text)
    assert parsed.shape == "unreadable" and not parsed.rows
    assert "First Name" in str(parsed.problems[0])


def test_five_thousand_character_cells_are_cut_or_refused():
    long = "x" * 5_000
    text = f"First Name,Last Name,Company,Position\n{long},Lee,{long},{long}\nAna,B,{long},P\n"
    parsed = parse_connections(text)
    assert [r.name for r in parsed.rows] == ["Ana B"]
    assert "longer than 200" in str(parsed.problems[-1])
    assert len(parsed.rows[0].company) == 2_000
    contact_from_row(parsed.rows[0])  # valid


def test_mapping_to_a_contact():
    row = parse_connections(read("connections_linkedin.csv"), today=TODAY).rows[0]
    c = contact_from_row(row)
    assert (c.name, c.organisation, c.last_contact) == ("Dana Lee", "Harbourline",
                                                        date(2024, 3, 15))
    assert "Role: Head of Data" in c.notes
    assert "LinkedIn: https://www.linkedin.com/in/dana-lee-fict" in c.notes


def test_duplicates_by_name_and_organisation_or_url():
    existing = [
        Contact(name="dana  LEE", organisation="harbourline"),            # name + org
        Contact(name="Ingrid S.", notes="LinkedIn: https://linkedin.com/in/ingrid-solberg-fict"),
        Contact(name="Amaru Quispe", organisation="Another company"),     # other org: new
    ]
    rows = [*parse_connections(read("connections_linkedin.csv"), today=TODAY).rows,
            *parse_connections(read("connections_plain_bom.csv")).rows]
    plan = plan_contacts(existing, rows)
    dups = {(r.line, r.name): why for r, why in plan.duplicates}
    assert dups == {
        (5, "Dana Lee"): "already in your network as dana  LEE",
        (14, "Dana Lee"): "already in your network as dana  LEE",
        (2, "Ingrid Solberg"): "already in your network as Ingrid S. (same profile URL)",
    }
    assert "Amaru Quispe" in [c.name for _, c in plan.new]


def test_same_person_twice_in_one_file_is_added_once():
    rows = [ContactRow(2, "Ana", "Silva", company="Acme"),
            ContactRow(3, "Ana", "Silva", url="https://x/in/ana", company="ACME ")]
    assert len(plan_contacts([], rows).new) == 1


LINKEDIN_REPEAT = ('Notes:\n"Some emails are missing."\n\n'
                   "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                   "Jane,Doe,,,Acme Corp,Engineer,05 Dec 2026\n"          # line 5
                   "Bo,Chen,,,Beta,,01 Jan 2024\n"
                   "Jane,Doe,,,Acme Corp,Engineer,05 Dec 2026\n"          # line 7: a repeat
                   '"Multi\nLine",Name,,,Co,Pos,07 Jul 2031\n'            # lines 8-9
                   "Jane,Doe,,,Acme Corp,Engineer,01 Jan 2024\n")         # line 10: again


def test_a_row_repeated_in_the_file_is_counted_as_such_and_told_once():
    # line 7 repeats line 5: it was "1 already in your network", "as row 5", and ALSO
    # "! line 7: Connected On ... imported without a last-contact date" (it was not
    # imported); the two-line record (8-9) was reported as line 9
    parsed = parse_connections(LINKEDIN_REPEAT, today=date(2026, 11, 22))
    plan = plan_contacts([Contact(name="Bo Chen", organisation="Beta")], parsed.rows)
    lines = preview_lines(parsed, plan)
    assert lines[0] == ("LinkedIn export: 5 rows read; 2 new contacts, 1 already in your "
                        "network, 2 repeated in the file, 0 rows could not be read.")
    assert "  = line 7: Jane Doe: same name and organisation as line 5" in lines
    assert "  = line 10: Jane Doe: same name and organisation as line 5" in lines
    assert "  = line 6: Bo Chen: already in your network as Bo Chen" in lines
    dated = [line for line in lines if "Connected On" in line]
    assert dated == [
        "  ! line 5: Connected On = '05 Dec 2026' is in the future; imported without a "
        "last-contact date",
        "  ! line 8: Connected On = '07 Jul 2031' is in the future; imported without a "
        "last-contact date"]
    assert not any("row " in line for line in lines[1:])


# ------------------------------------------------------------------------------- CLI
@pytest.fixture
def wb_path(tmp_path: Path) -> Path:
    path = tmp_path / "workbooks" / "sam.yaml"
    path.parent.mkdir()
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.contacts.append(Contact(id="c1", name="Dana Lee", organisation="Harbourline",
                               relationship="mentor", notes="my mentor"))
    store.save(wb, path)
    return path


def test_cli_previews_without_yes_when_not_interactive(wb_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    before = wb_path.read_bytes()
    rc = cli.main(["import-contacts", str(wb_path), str(DATA / "connections_linkedin.csv"),
                   "--today", "2026-12-01"])
    out = capsys.readouterr().out
    assert rc == 0 and wb_path.read_bytes() == before
    assert "LinkedIn export: 7 rows read; 5 new contacts, 2 already in your network, " \
           "3 rows could not be read." in out
    assert "+ Amaru Quispe — Northwind, Ltd (connected 2023-01-02)" in out
    assert "line 10: no first or last name; skipped" in out
    assert "Preview only: run again with --yes" in out


def test_cli_yes_imports_once_and_keeps_existing(wb_path, capsys):
    args = ["import-contacts", str(wb_path), str(DATA / "connections_linkedin.csv"), "--yes",
            "--today", "2026-12-01"]
    assert cli.main(args) == 0
    wb = cw.load(wb_path)
    assert [c.name for c in wb.contacts] == ["Dana Lee", "Amaru Quispe", "Zoë Ó Briain",
                                             "Kenji Watanabe", "Priscila Oliveira",
                                             "Femi Adeyemi"]
    assert wb.contacts[0].notes == "my mentor" and wb.contacts[0].relationship == "mentor"
    assert cli.main(args) == 0  # again: nothing new
    assert "Nothing to add." in capsys.readouterr().out
    assert len(cw.load(wb_path).contacts) == 6


def test_cli_asks_when_interactive(wb_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    before = wb_path.read_bytes()
    cli.main(["import-contacts", str(wb_path), str(DATA / "connections_old_export.csv")])
    assert "Nothing was changed." in capsys.readouterr().out
    assert wb_path.read_bytes() == before
    monkeypatch.setattr("builtins.input", lambda _prompt: "y")
    cli.main(["import-contacts", str(wb_path), str(DATA / "connections_old_export.csv")])
    assert len(cw.load(wb_path).contacts) == 3


def test_cli_bad_files_are_named(wb_path, tmp_path, capsys):
    assert cli.main(["import-contacts", str(wb_path), str(tmp_path / "nope.csv")]) == 2
    assert "nope.csv: no such file" in capsys.readouterr().err
    latin = tmp_path / "latin.csv"
    latin.write_bytes("First Name,Last Name\nJosé,Pé\n".encode("latin-1"))
    assert cli.main(["import-contacts", str(wb_path), str(latin)]) == 2
    assert "not UTF-8" in capsys.readouterr().err
    other = tmp_path / "other.csv"
    shutil.copy(DATA / "connections_linkedin.csv", other)
    other.write_text("name,email\nx,y\n")
    assert cli.main(["import-contacts", str(wb_path), str(other), "--yes"]) == 1
    assert "no header row" in capsys.readouterr().out


# ------------------------------------------- files as spreadsheets write them (red team)
def spreadsheet_file(rows, separator: str, *, encoding: str = "utf-8-sig",
                     newline: str = "\r\n") -> bytes:
    """Rows as Excel or LibreOffice save them: quotes only around a value holding the
    separator, a quote or a line break; Excel's BOM and CRLF by default."""
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator=newline).writerows(rows)
    return out.getvalue().encode(encoding)


EUROPEAN = [  # a trailing empty column, as a formatted sheet column leaves one
    [*COLUMNS, ""],
    ["Lena", "Müller", "https://www.linkedin.com/in/lena-m", "", "Kraft; Söhne GmbH",
     "Leiterin; Einkauf", "3 Feb 2025", ""],
    ["Jonas", "Weber", "", "", "Nordwind, AG", "", "2026-11-05 00:00:00", ""],
    ["Ana", "Silva", "", "", "Acme", "Engineer", "46000", ""],
    ["", "", "", "", "", "", "", ""],
]


@pytest.mark.parametrize(("separator", "encoding", "newline"), [
    (";", "utf-8-sig", "\r\n"),   # Excel in Germany, France, Spain...: "CSV UTF-8"
    (";", "utf-8", "\n"),          # LibreOffice with ";" chosen, no BOM
    ("\t", "utf-8", "\n"),         # LibreOffice "Text CSV" with tabs
    ("\t", "utf-16", "\r\n"),     # Excel "Unicode text": UTF-16 with its BOM
    (",", "utf-8-sig", "\r\n"),   # Excel in the UK or US
])
def test_a_file_saved_by_a_spreadsheet_is_read_whatever_its_separator(
        wb_path, tmp_path, capsys, separator, encoding, newline):
    # red team: a semicolon file was "unreadable: 0 rows read ... no header row with
    # “First Name” and “Last Name”: is this LinkedIn's Connections.csv?"
    file = tmp_path / "Connections.csv"
    file.write_bytes(spreadsheet_file(EUROPEAN, separator, encoding=encoding,
                                      newline=newline))
    assert cli.main(["import-contacts", str(wb_path), str(file), "--yes",
                     "--today", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "plain CSV: 3 rows read; 3 new contacts" in out
    added = cw.load(wb_path).contacts[1:]
    assert [(c.name, c.organisation, c.last_contact) for c in added] == [
        ("Lena Müller", "Kraft; Söhne GmbH", date(2025, 2, 3)),
        ("Jonas Weber", "Nordwind, AG", date(2026, 11, 5)),
        ("Ana Silva", "Acme", date(2025, 12, 9))]
    assert "Role: Leiterin; Einkauf" in added[0].notes
    empty = {",": "commas", ";": "semicolons", "\t": "tabs"}[separator]
    assert f"line 5: an empty row (only {empty}); skipped" in out


def test_the_red_team_semicolon_file_is_read(wb_path, tmp_path, capsys):
    file = tmp_path / "semi.csv"
    file.write_bytes("\ufeffFirst Name;Last Name;URL;Email Address;Company;Position;"
                     "Connected On\r\nAisha;Mensah;;;Lumen Analytics;PDS;12 Nov 2026\r\n"
                     "Zoe;Park;;;Acme;Eng;46000\r\n".encode())
    assert cli.main(["import-contacts", str(wb_path), str(file), "--today", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "plain CSV: 2 rows read; 2 new contacts" in out
    assert "+ Aisha Mensah — Lumen Analytics (connected 2026-11-12)" in out
    assert "+ Zoe Park — Acme (connected 2025-12-09)" in out
    assert ("! Connected On: 1 row holds a spreadsheet day number, read as a date (line 3: "
            "'46000' is 9 Dec 2025): check it in the preview") in out


@pytest.mark.parametrize(("text", "note"), [
    ("First Name|Last Name|Company\nAna|Silva|Acme\n",
     "its columns seem separated by '|': save it with commas, semicolons or tabs"),
    ("\ufeffVorname;Nachname;Firma;Verbunden am\r\nAna;Silva;Acme;3 Feb 2025\r\n",
     "its columns are separated by semicolons"),
    ("Name\tCompany\nAna Silva\tAcme\n", "its columns are separated by tabs"),
    ("just a sentence\n", "no comma, semicolon or tab separates its columns"),
])
def test_a_header_not_found_says_which_separator_was_seen(text, note):
    parsed = parse_connections(text)
    assert parsed.shape == "unreadable" and not parsed.rows
    assert str(parsed.problems[0]).startswith(
        f"no header row with “First Name” and “Last Name” ({note}): is this LinkedIn's "
        "Connections.csv? Expected columns: First Name, Last Name")


def test_a_header_with_both_separators_is_split_by_the_one_that_names_the_columns():
    # commas inside header names, semicolons between them; and the reverse
    semi = parse_connections("First Name;Last Name;Company, Ltd\nAna;Silva;Acme\n")
    comma = parse_connections("First Name,Last Name,Notes; misc\nAna,Silva,a; b\n")
    assert [r.name for r in semi.rows] == [r.name for r in comma.rows] == ["Ana Silva"]


@pytest.mark.parametrize(("value", "day"), [
    ("2026-11-05 00:00:00", date(2026, 11, 5)),     # Excel / LibreOffice date-time cell
    ("2026-11-05T14:30:00", date(2026, 11, 5)),
    ("5 Nov 2026 09:15", date(2026, 11, 5)),
    ("Nov 5, 2026 9:15 PM", date(2026, 11, 5)),
    ("46000", date(2025, 12, 9)),                   # a date cell saved as "General"
    ("46000.75", date(2025, 12, 9)),                # with a time of day as the fraction
    ("32874", date(1990, 1, 1)),                    # the earliest day number read
])
def test_spreadsheet_dates_are_read_as_their_day(value, day):
    parsed = parse_connections(f'First Name,Last Name,Company,Connected On\nAna,Silva,,"{value}"\n',
                               today=TODAY)
    assert parsed.rows[0].connected == day


@pytest.mark.parametrize(("value", "why"), [
    ("12345", "is not a date like 15 Mar 2024"),    # 1933: not a LinkedIn connection
    ("47500", "is not a date like 15 Mar 2024"),    # 2030: after next year
    ("123456", "is not a date like 15 Mar 2024"),
    ("46400", "is 13 Jan 2027, in the future"),     # a day number after today
    ("2027-01-13 00:00:00", "is in the future"),
])
def test_numbers_that_are_no_plausible_day_are_not_dates(value, why):
    parsed = parse_connections(f'First Name,Last Name,Company,Connected On\nAna,Silva,,"{value}"\n',
                               today=TODAY)
    assert parsed.rows[0].connected is None
    assert [str(p) for p in parsed.problems] == [
        f"line 2: Connected On = {value!r} {why}; imported without a last-contact date"]


def test_day_numbers_are_told_once_with_the_first_one_read():
    parsed = parse_connections("First Name,Last Name,Company,Connected On\nAna,Silva,,45700\n"
                               "Bo,Chen,,46000\nCy,Diaz,,12 Nov 2026\n", today=TODAY)
    assert [str(p) for p in parsed.problems] == [
        "Connected On: 2 rows hold spreadsheet day numbers, read as dates (line 2: '45700' "
        "is 12 Feb 2025): check them in the preview"]
    assert read_connected_on("45700", TODAY) == (date(2025, 2, 12), True)
