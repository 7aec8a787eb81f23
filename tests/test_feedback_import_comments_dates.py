"""The feedback CSV import (notebook 02, "Import feedback from a file") with files written
the way spreadsheets export them.

Red team, round 16:
H6: one rater's two comments (two rows, one in other capitals, or two comment columns of
    one row) were saved as one text joined by a newline, and "P1"/"p1" made two entries;
H7: dates as spreadsheets write them (a day number, 3 Oct 2026, a time of day, 03.10.2026)
    were refused, 20261003 was read without a word, and 03/10/2026 gave no way forward;
H8: the preview never showed reputation rows (a ``behaviour`` and no ``skill``), yet they
    were saved.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis import feedback_comments, workbook_notes

TODAY = date(2026, 11, 1)
HEADER = ["rater_group", "rater_id", "date", "skill", "level", "behaviour", "comment"]

# How spreadsheets write a CSV file: Excel ("CSV UTF-8": a BOM, CRLF), Excel where the
# decimal mark is a comma (semicolons, levels such as 4,0), Google Sheets (CRLF, no BOM),
# LibreOffice (LF, every text quoted).
EXPORTS = {
    "excel": {"delimiter": ",", "lineterminator": "\r\n", "bom": True, "comma": False,
              "quoting": csv.QUOTE_MINIMAL},
    "excel_de": {"delimiter": ";", "lineterminator": "\r\n", "bom": True, "comma": True,
                 "quoting": csv.QUOTE_MINIMAL},
    "google_sheets": {"delimiter": ",", "lineterminator": "\r\n", "bom": False,
                      "comma": False, "quoting": csv.QUOTE_MINIMAL},
    "libreoffice": {"delimiter": ",", "lineterminator": "\n", "bom": False, "comma": False,
                    "quoting": csv.QUOTE_NONNUMERIC},
}


def exported(rows: list[list[str]], export: str, header: list[str] = HEADER) -> bytes:
    """``rows`` under ``header`` as the spreadsheet ``export`` writes them (a quoted value
    may hold a line break, written as the file's line ending)."""
    how = EXPORTS[export]
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=how["delimiter"], lineterminator=how["lineterminator"],
                        quoting=how["quoting"])
    writer.writerow(header)
    for row in rows:
        cells = [str(c) for c in row]
        if how["comma"]:  # a level as a decimal number, with the decimal comma
            cells = [f"{c},0" if h == "level" and c.isdigit() else c
                     for h, c in zip(header, cells, strict=True)]
        cells = [c.replace("\n", how["lineterminator"]) for c in cells]
        writer.writerow(cells)
    text = out.getvalue()
    return (("\ufeff" if how["bom"] else "") + text).encode("utf-8")


@pytest.fixture
def path(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "notebooks").mkdir()
    p = tmp_path / "workbooks" / "kim.yaml"
    store.new(p, "Kim Park", today=date(2026, 1, 5))  # started before TODAY, not on the real date
    with cw.edit(p) as wb:
        wb.skills += [cw.Skill(name="SQL"), cw.Skill(name="Python")]
    monkeypatch.chdir(tmp_path / "notebooks")
    monkeypatch.delenv("CAREER_WORKBOOK_ROOT", raising=False)
    return p


def preview(path: Path, data: bytes, name: str = "feedback.csv"):
    """The import form with file ``name`` holding ``data`` previewed."""
    (path.parent.parent / name).write_bytes(data)
    view = ui.feedback_import(ui.Session(path, today=TODAY.isoformat()))
    view.fields["path"].value = name
    view.buttons["preview"].click()
    return view


def text_of(html: str) -> str:
    """What a person reads in a piece of the form's HTML."""
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    html = re.sub(r"<br>|</td>|</th>", " | ", html)
    html = re.sub(r"</tr>|</div>|</li>|<ul>", "\n", html)
    text = re.sub(r"<[^>]+>", "", html).replace("&#x27;", "'").replace("&quot;", '"')
    return re.sub(r"[ \t]+", " ", text)


def the_preview(view) -> str:
    return text_of(view.children[4].value)


def status(view) -> str:
    return text_of(view.status.value)


# ----------------------------------------------------------------------------------------
# H6: every comment keeps its own text; a rater is one rater whatever the capitals
# ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("export", EXPORTS)
def test_two_comments_of_one_rater_are_saved_apart_not_joined(path, export):
    rows = [["peer", "P1", "2026-10-03", "SQL", "4", "", "Clear queries,\nexplained well"],
            ["peer", "p1", "2026-10-03", "Python", "2", "", "Tests are thin"],
            ["peer", "P2", "2026-10-03", "SQL", "3", "", "Helpful"],
            ["peer", "P3", "2026-10-03", "SQL", "3", "", ""]]
    view = preview(path, exported(rows, export))
    assert status(view) == "", status(view)
    shown = the_preview(view)
    assert "from 3 colleagues" in shown  # P1 and p1: one colleague
    assert "Comments (3)" in shown
    assert "Clear queries, | explained well" in shown and "Tests are thin" in shown
    view.buttons["save"].click()
    wb = cw.load(path)
    said = [f.comment for f in wb.feedback if f.rater_key == "p1"]
    assert said == ["Clear queries,\nexplained well", "Tests are thin"]  # was one joined text
    rated = [f for f in wb.feedback if f.ratings]
    assert [(f.rater_id, f.ratings) for f in rated] == [
        ("P1", {"SQL": 4, "Python": 2}), ("P2", {"SQL": 3}), ("P3", {"SQL": 3})]
    assert sorted(feedback_comments(wb)["comment"]) == [
        "Clear queries,\nexplained well", "Helpful", "Tests are thin"]
    assert workbook_notes(wb, TODAY) == []  # no "P1 is recorded 2 times"


def test_comment_columns_of_one_row_each_keep_their_text_and_what_they_ask(path):
    header = ["Rater group", "Rater ID", "Date", "Skill", "Level", "Comment - strengths",
              "Comment - to improve"]
    rows = [["peer", "P1", "2026-10-03", "SQL", "4", "Calm in steering meetings",
             "Push back on scope earlier"]]
    view = preview(path, exported(rows, "excel_de", header))
    assert "Strengths: Calm in steering meetings" in the_preview(view)
    assert "To improve: Push back on scope earlier" in the_preview(view)
    view.buttons["save"].click()
    assert [f.comment for f in cw.load(path).feedback] == [
        "Strengths: Calm in steering meetings", "To improve: Push back on scope earlier"]


def test_two_columns_both_named_comment_lose_neither(path):
    # the second "comment" column overwrote the first: "Calm" was never saved
    header = ["rater_group", "rater_id", "date", "skill", "level", "comment", "comment"]
    view = preview(path, exported([["peer", "P1", "2026-10-03", "SQL", "4", "Calm", "Slow"]],
                                  "google_sheets", header))
    view.buttons["save"].click()
    assert [f.comment for f in cw.load(path).feedback] == ["Calm", "Slow"]


def test_a_column_that_is_not_imported_is_named_in_the_preview(path):
    header = [*HEADER, "Email address"]
    view = preview(path, exported([["peer", "P1", "2026-10-03", "SQL", "4", "", "",
                                    "pat@example.org"]], "excel", header))
    assert "The column “Email address” is not imported" in the_preview(view)
    view.buttons["save"].click()
    assert "pat@example.org" not in path.read_text()


def test_a_corrected_file_replaces_the_raters_comments_once_and_twice_adds_nothing(path):
    first = [["peer", "P1", "2026-10-03", "SQL", "4", "", "Calm"],
             ["peer", "P1", "2026-10-03", "", "", "", "Slow to reply"]]
    view = preview(path, exported(first, "excel"))
    view.buttons["save"].click()
    again = preview(path, exported(first, "excel"))
    assert "Every entry in this file is already in your workbook" in the_preview(again)
    fixed = [["peer", "p1", "2026-10-03", "SQL", "3", "", "Calm"],
             ["peer", "P1", "2026-10-03", "", "", "", "Replies within a day now"]]
    view = preview(path, exported(fixed, "excel"))
    shown = the_preview(view)
    assert "1 stored entry to replace" in shown
    assert "p1 (peer, 3 Oct 2026): ratings and comments differ from the stored ones" in shown
    view.buttons["save"].click()
    wb = cw.load(path)
    assert [(f.ratings, f.comment) for f in wb.feedback] == [
        ({"SQL": 3}, "Calm"), ({}, "Replies within a day now")]
    assert workbook_notes(wb, TODAY) == []


def test_the_form_help_says_how_comments_and_dates_are_read(path):
    view = ui.feedback_import(ui.Session(path, today=TODAY.isoformat()))
    said = view.fields["path"].help.value
    assert "never joined" in said and "comment_to_improve" in said
    assert "3 Oct 2026" in said and "03/10/2026" in said


# ----------------------------------------------------------------------------------------
# H7: dates as spreadsheets write them
# ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("written", "day"), [
    ("3 Oct 2026", date(2026, 10, 3)),
    ("Oct 3, 2026", date(2026, 10, 3)),
    ("2026-10-03T09:12:00", date(2026, 10, 3)),
    ("2026-10-03 09:12:00", date(2026, 10, 3)),
    ("13/10/2026", date(2026, 10, 13)),  # only one order makes a date
    ("10/13/2026 9:12 AM", date(2026, 10, 13)),
    ("13.10.2026", date(2026, 10, 13)),
    ("2026/10/03", date(2026, 10, 3)),
])
@pytest.mark.parametrize("export", ["excel", "excel_de"])
def test_a_date_only_one_day_can_be_is_read(path, written, day, export):
    view = preview(path, exported([["peer", "P1", written, "SQL", "4", "", ""]], export))
    assert status(view) == "", status(view)
    view.buttons["save"].click()
    assert [f.date for f in cw.load(path).feedback] == [day]


def test_a_day_number_is_read_as_a_day_and_the_preview_says_so(path):
    # 46298 is what a spreadsheet holds for 3 Oct 2026 in a cell formatted as a number
    rows = [["peer", "P1", "46298", "SQL", "4", "", ""],
            ["peer", "P2", "46298.375", "SQL", "3", "", ""]]
    view = preview(path, exported(rows, "excel"))
    shown = the_preview(view)
    assert ("date: 2 rows hold spreadsheet day numbers, read as dates (row 2: '46298' is "
            "3 Oct 2026): check them below") in shown
    assert shown.count("3 Oct 2026 | SQL") == 2
    view.buttons["save"].click()
    assert {f.date for f in cw.load(path).feedback} == {date(2026, 10, 3)}


@pytest.mark.parametrize(("written", "why"), [
    ("12345", "is a number, not a date (as a spreadsheet's day number it is 18 Oct 1933)"),
    ("20261003", "is a number, not a date"),  # was read as 3 Oct 2026 without a word
    ("2026-W40-6", "is not a date I can read"),  # was read as 3 Oct 2026 too
    ("2026-02-30", "30 February 2026 is not a date (February 2026 has 28 days)"),
    ("30.02.2026", "30 February 2026 is not a date (February 2026 has 28 days)"),
    ("31/04/2026 10:00", "31 April 2026 is not a date (April 2026 has 30 days)"),
])
def test_a_date_that_is_no_day_is_refused_naming_file_row_and_value(path, written, why):
    rows = [["peer", "P1", "2026-10-03", "SQL", "4", "", ""],
            ["peer", "P2", written, "SQL", "4", "", ""]]
    view = preview(path, exported(rows, "google_sheets"), name="survey.csv")
    said = status(view)
    assert said.startswith("⚠ Cannot import survey.csv: the file has 1 problem"), said
    assert f"row 3, column 'date' = '{written}': {why}" in said
    assert cw.load(path).feedback == [] and view.buttons["save"].disabled


@pytest.mark.parametrize("export", ["excel", "libreoffice"])
def test_a_date_that_could_be_two_days_is_asked_about_never_guessed(path, export):
    rows = [["peer", "P1", "03/10/2026", "SQL", "4", "", ""],
            ["peer", "P2", "04/10/2026", "SQL", "3", "", ""]]
    view = preview(path, exported(rows, export), name="survey.csv")
    said = status(view)
    assert "Cannot import survey.csv: the file has 2 problems" in said
    assert ("row 2, column 'date' = '03/10/2026': could be 3 October or 10 March: write it "
            "as 2026-10-03 or 2026-03-10 (or say which order the file's dates use)") in said
    assert view.buttons["save"].disabled
    order = view.fields["day_order"]
    asking = view.children[3].children[1]  # beside Preview: hidden until a date asks
    assert order.box in asking.children and asking.layout.display != "none"
    assert [label for label, _ in order.widget.options][1:] == [
        "day first: 03/10/2026 is 3 Oct 2026", "month first: 03/10/2026 is 10 Mar 2026"]
    order.value = "month"  # the person answers: the preview reads the file again
    assert status(view) == ""
    assert ("date: 2 dates written with numbers read month first, as you chose (03/10/2026 "
            "is 10 Mar 2026)") in the_preview(view)
    view.buttons["save"].click()
    assert [f.date for f in cw.load(path).feedback] == [date(2026, 3, 10), date(2026, 4, 10)]


def test_the_order_of_dates_is_asked_only_when_a_date_could_be_two_days(path):
    view = preview(path, exported([["peer", "P1", "13/10/2026", "SQL", "4", "", ""]], "excel"))
    assert view.children[3].children == (view.buttons["preview"],)  # nothing asked, or made
    assert "day_order" not in view.fields


def test_the_order_asked_about_one_file_goes_when_another_file_is_previewed(path):
    """Red team M 14: the day-first/month-first chooser stayed on screen after previewing
    a different file (and its answer was applied to that file's dates)."""
    view = preview(path, exported([["peer", "P1", "03/10/2026", "SQL", "4", "", ""]],
                                  "excel"), name="first.csv")
    asking = view.children[3].children[1]
    view.fields["day_order"].value = "day"
    assert asking.layout.display != "none" and status(view) == ""
    view.buttons["preview"].click()  # the same file again: its answer stays
    assert asking.layout.display != "none" and view.fields["day_order"].value == "day"
    (path.parent.parent / "second.csv").write_bytes(exported(
        [["peer", "P2", "2026-10-04", "SQL", "3", "", ""]], "excel"))
    view.fields["path"].value = "second.csv"
    view.buttons["preview"].click()
    assert asking.layout.display == "none" and view.fields["day_order"].value is None
    assert status(view) == "" and not view.buttons["save"].disabled
    (path.parent.parent / "third.csv").write_bytes(exported(
        [["peer", "P3", "05/10/2026", "SQL", "3", "", ""]], "excel"))
    view.fields["path"].value = "third.csv"  # asks again, never reuses first.csv's answer
    view.buttons["preview"].click()
    assert asking.layout.display != "none" and view.fields["day_order"].value is None
    assert "could be 5 October or 10 May" in status(view)
    view.fields["path"].value = "nowhere.csv"
    view.buttons["preview"].click()
    assert asking.layout.display == "none" and "no such file" in status(view)


@pytest.mark.parametrize("separator", ["\t", ","])
def test_a_table_pasted_into_the_path_box_is_previewed_and_saved_like_a_file(path, separator):
    """Red team M 5: a table copied from a spreadsheet and pasted into the path box was
    taken for a path ("… : no such file"). It is read by the same parser, shown in the
    same preview, and saved."""
    rows = [HEADER[:5] + ["comment"],
            ["peer", "p5", "2026-10-03", "SQL", "4", "Clear queries"],
            ["manager", "m1", "2026-10-04", "Python", "3", ""],
            ["peer", "p6", "03/10/2026", "SQL", "2", "ok"]]
    pasted = "\r\n".join(separator.join(r) for r in rows) + "\r\n"
    file_view = preview(path, pasted.encode(), name="same.csv")
    view = ui.feedback_import(ui.Session(path, today=TODAY.isoformat()))
    assert view.fields["path"].label == "…or a path or a table"
    assert view.fields["path"].widget.rows >= 2  # a pasted table keeps its line breaks
    view.fields["path"].value = pasted
    view.buttons["preview"].click()
    said = status(view)
    assert "no such file" not in said
    assert "Cannot import the pasted table: it has 1 problem; nothing was added. Fix it " \
        "and preview it again" in said, said
    view.fields["day_order"].value = "day"
    file_view.fields["day_order"].value = "day"
    assert the_preview(view) == the_preview(file_view) and status(view) == ""
    view.buttons["save"].click()
    saved = cw.load(path).feedback
    assert sorted((f.rater_id, f.date, f.ratings.get("SQL"), f.ratings.get("Python"))
                  for f in saved) == [("m1", date(2026, 10, 4), None, 3),
                                      ("p5", date(2026, 10, 3), 4, None),
                                      ("p6", date(2026, 10, 3), 2, None)]


@pytest.mark.parametrize(("typed", "said"), [
    ("Lots of good feedback from my team",
     "“Lots of good feedback from my team” is neither a file in your workspace"),
    ("results/survey.csv", "results/survey.csv: no such file"),
])
def test_text_that_is_neither_a_path_nor_a_table_is_named_plainly(path, typed, said):
    view = ui.feedback_import(ui.Session(path, today=TODAY.isoformat()))
    view.fields["path"].value = typed
    view.buttons["preview"].click()
    assert said in status(view), status(view)
    if "neither" in said:
        assert "nor a table: type the path of a CSV file, or paste a table copied from a " \
            "spreadsheet" in status(view)


def test_a_date_against_the_order_chosen_is_refused_not_turned_round(path):
    rows = [["peer", "P1", "03/10/2026", "SQL", "4", "", ""],
            ["peer", "P2", "10/13/2026", "SQL", "3", "", ""]]
    view = preview(path, exported(rows, "excel"))
    view.fields["day_order"].value = "day"
    assert ("row 3, column 'date' = '10/13/2026': is not a date written day first (there is "
            "no month 13): write it as YYYY-MM-DD") in status(view)


def test_a_day_read_from_a_spreadsheet_is_checked_against_today(path):
    view = preview(path, exported([["peer", "P1", "3 Oct 2062 09:00", "SQL", "4", "", ""]],
                                  "excel"))
    assert ("row 2, column 'date' = '3 Oct 2062 09:00': 3 Oct 2062 is after today (1 Nov "
            "2026): feedback records something that has already happened. Did you mean 2026?"
            ) in status(view)


# ----------------------------------------------------------------------------------------
# H8: the preview shows every row that will be saved, by kind, with counts that add up
# ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("export", EXPORTS)
def test_reputation_rows_are_shown_before_they_are_saved(path, export):
    rows = [["peer", "P1", "2026-10-03", "SQL", "4", "", "Clear"],
            ["peer", "P1", "2026-10-03", "", "3", "Reliable", ""],
            ["manager", "M1", "2026-10-05", "", "5", "shares credit", "Credits the team"],
            ["manager", "M1", "2026-10-05", "", "2", "Constructive attitude", ""]]
    view = preview(path, exported(rows, export))
    shown = the_preview(view)
    assert ("2 feedback entries to add: 1 skill rating, 3 reputation ratings and 2 comments "
            "from 2 colleagues") in shown
    assert "Reputation ratings (3)" in shown
    assert "Peer (same level) · P1 | 3 Oct 2026 | Reliable: does what they said: 3 (Often)" \
        in shown
    assert ("Manager · M1 | 5 Oct 2026 | Shares credit: 5 (Always — others could learn from "
            "it); Constructive attitude: 2 (Sometimes)") in shown
    assert "Credits the team" in shown
    view.buttons["save"].click()
    wb = cw.load(path)
    assert sum(len(f.reputation) for f in wb.feedback) == 3
    assert sum(len(f.ratings) for f in wb.feedback) == 1
    assert sum(bool(f.comment) for f in wb.feedback) == 2
    assert ("2 feedback entries added: 1 skill rating, 3 reputation ratings and 2 comments "
            "from 2 colleagues") in status(view)


def test_the_counts_of_each_kind_add_up_to_what_is_saved(path):
    rows = [[g, code, "2026-10-03", skill, level, behaviour, comment]
            for g, code in (("peer", "P1"), ("peer", "P2"), ("mentor", "Mm1"))
            for skill, level, behaviour, comment in (
                ("SQL", "3", "", "Good"), ("Python", "4", "", ""), ("", "4", "ethical", ""),
                ("", "", "", f"More from {code}"))]
    view = preview(path, exported(rows, "excel_de"))
    counts = {kind: int(n) for kind, n in re.findall(
        r"(Skill ratings|Reputation ratings|Comments) \((\d+)\)", the_preview(view))}
    view.buttons["save"].click()
    wb = cw.load(path)
    assert counts == {"Skill ratings": sum(len(f.ratings) for f in wb.feedback),
                      "Reputation ratings": sum(len(f.reputation) for f in wb.feedback),
                      "Comments": sum(bool(f.comment) for f in wb.feedback)}
    assert counts == {"Skill ratings": 6, "Reputation ratings": 3, "Comments": 6}


def test_a_long_text_that_is_neither_a_path_nor_a_table_is_cut_at_a_word(path):
    view = ui.feedback_import(ui.Session(path, today=TODAY.isoformat()))
    view.fields["path"].value = ("Lots of good feedback from my team this quarter, most of it "
                                 "about the way I ran the planning meetings")
    view.buttons["preview"].click()
    assert "“Lots of good feedback from my team this quarter, most of it…” is neither" in \
        status(view), status(view)
