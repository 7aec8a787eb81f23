"""The feedback CSV import: upload or path, paths from the workspace and inside the app's
folder, every problem at once, unknown skills added in one click.

Issue 11 item 6 and issue 12 item 5.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import nbformat
import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.analysis import FeedbackPlan, feedback_360_frame
from career_workbook.model import Skill
from career_workbook.widgets.csv_source import decode_csv
from career_workbook.widgets.forms_feedback import (
    add_skills_to,
    check_feedback_csv,
    preview_html,
    read_feedback_csv,
)
from career_workbook.widgets.session import resolve_input_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "feedback_import_sample.csv"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch) -> Path:
    """A person's workspace: workbooks/ with a new workbook, examples/ with the sample;
    the kernel's current folder is notebooks/ (as in JupyterLab)."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "examples").mkdir()
    shutil.copy(SAMPLE, tmp_path / "examples" / SAMPLE.name)
    store.new(tmp_path / "workbooks" / "kim.yaml", "Kim Park")
    monkeypatch.chdir(tmp_path / "notebooks")
    monkeypatch.delenv("CAREER_WORKBOOK_ROOT", raising=False)
    return tmp_path


def view_for(workspace: Path):
    return ui.feedback_import(ui.Session(workspace / "workbooks" / "kim.yaml"))


def preview_text(view) -> str:
    return view.children[4].value


def test_the_path_notebook_02_gives_exists_from_the_repository():
    nb = nbformat.read(ROOT / "notebooks" / "02_feedback_360.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    hint = re.search(r"`([^`\s]+\.csv)`", text).group(1)  # the sample file the text names
    assert resolve_input_path(hint, ROOT / "workbooks" / "my_workbook.yaml").is_file()


def test_the_sample_imports_into_a_new_workbook_in_one_click(workspace):
    view = view_for(workspace)
    view.fields["path"].value = "examples/feedback_import_sample.csv"  # relative: workspace
    view.buttons["preview"].click()
    assert "Cannot import" not in view.status.value, view.status.value
    skills = sorted({row.split(",")[3] for row in SAMPLE.read_text().splitlines()[1:]})
    assert f"{len(skills)} skills in this file are not in your list yet" in preview_text(view)
    add = view.buttons["add_skills"]
    assert add.layout.display != "none" and view.buttons["save"].disabled
    assert add.description == f"Add these {len(skills)} skills to my list and import"
    add.click()
    wb = cw.load(workspace / "workbooks" / "kim.yaml")
    assert sorted(wb.skill_names()) == skills
    assert wb.feedback and {s for f in wb.feedback for s in f.ratings} == set(skills)
    assert "Saved at" in view.status.value and "skills added to your list" in view.status.value


def test_two_tabs_importing_one_file_say_what_each_added(workspace):
    # Both previewed the file; A imported it. B then said "5 feedback entries added"
    # (its preview's count) while nothing was added: the entries were in the file already.
    tabs = [view_for(workspace), view_for(workspace)]
    for view in tabs:
        view.fields["path"].value = "examples/feedback_import_sample.csv"
        view.buttons["preview"].click()
    tabs[0].buttons["add_skills"].click()
    first = cw.load(workspace / "workbooks" / "kim.yaml")
    assert f"{len(first.feedback)} feedback entries added" in tabs[0].status.value
    tabs[1].buttons["add_skills"].click()
    assert "nothing added: these entries are in your workbook already" in \
        tabs[1].status.value, tabs[1].status.value
    assert cw.load(workspace / "workbooks" / "kim.yaml").feedback == first.feedback


def test_a_corrected_file_replaces_the_stored_entry_of_that_rater_and_date(workspace):
    # Re-importing a file where p9's Python level went 4 -> 1 added a second p9 entry of
    # the same date: both counted, and p9's comment showed twice.
    path = workspace / "workbooks" / "kim.yaml"
    with cw.edit(path) as wb:
        wb.skills += [Skill(name="Python"), Skill(name="SQL")]
    head = "Rater Group;Rater ID;Date;Skill;Level;Comment\n"
    rest = ("peer;p9;2026-11-20;SQL;3,0;\npeer;p10;2026-11-20;Python;5;Knows it\n"
            "peer;p11;2026-11-20;Python;2;\n")
    for name, level in (("fb.csv", 4), ("fb_changed.csv", 1)):
        (workspace / "examples" / name).write_text(
            head + f"peer;p9;2026-11-20;Python;{level};Great work\n" + rest)
    view = view_for(workspace)
    view.fields["path"].value = "examples/fb.csv"
    view.buttons["preview"].click()
    view.buttons["save"].click()
    view.fields["path"].value = "examples/fb_changed.csv"
    view.buttons["preview"].click()
    text = re.sub(r"<[^>]+>", " ", preview_text(view))
    assert "1 stored entry to replace" in text and "to add" not in text
    assert ("p9 (peer, 20 Nov 2026): ratings differ from the stored ones — importing "
            "replaces them") in text
    assert "2 entries already in your workbook will be skipped" in text
    view.buttons["save"].click()
    assert "1 stored entry replaced by the corrected one (p9 (peer, 20 Nov 2026))" in \
        view.status.value, view.status.value
    wb = cw.load(path)
    p9 = [f for f in wb.feedback if f.rater_id == "p9"]
    assert [f.ratings for f in p9] == [{"Python": 1, "SQL": 3}] and len(wb.feedback) == 3
    assert int(feedback_360_frame(wb).set_index("skill").loc["Python", "n_others"]) == 3


def test_every_problem_of_the_file_is_shown_at_once(workspace):
    with cw.edit(workspace / "workbooks" / "kim.yaml") as wb:
        wb.skills.append(Skill(name="SQL"))
    bad = workspace / "examples" / "bad.csv"
    bad.write_text("rater_group,rater_id,date,skill,level,comment\n"
                   "peer,P1,2026-05-01,SQL,3,fine\n"
                   "boss,P2,2026-05-01,SQL,3,\n"
                   "peer,P3,2026-02-30,SQL,9,\n"
                   "peer,P4,2026-05-01,sql,2,\n"
                   "peer,,2026-05-01,SQL,2,\n")
    before = (workspace / "workbooks" / "kim.yaml").read_bytes()
    view = view_for(workspace)
    view.fields["path"].value = "examples/bad.csv"
    view.buttons["preview"].click()
    status = view.status.value
    assert "the file has 5 problems" in status
    for expected in ("row 3, column &#x27;rater_group&#x27; = &#x27;boss&#x27;",
                     "row 4, column &#x27;date&#x27; = &#x27;2026-02-30&#x27;",
                     "row 4, column &#x27;level&#x27; = &#x27;9&#x27;",
                     "row 5, column &#x27;skill&#x27; = &#x27;sql&#x27;: your list has “SQL”",
                     "row 6, column &#x27;rater_id&#x27;"):
        assert expected in status
    assert view.buttons["save"].disabled and "add_skills" not in view.buttons  # not offered
    view.buttons["save"].click()
    assert (workspace / "workbooks" / "kim.yaml").read_bytes() == before


def test_check_feedback_csv_lists_unknown_skills_without_calling_them_problems():
    check = check_feedback_csv("rater_group,rater_id,date,skill,level\n"
                               "peer,P1,2026-01-09,Go,2\npeer,P1,2026-01-09,Rust,3\n",
                               ["SQL"])
    assert check.problems == [] and check.unknown == ["Go", "Rust"]
    assert check.entries[0].ratings == {"Go": 2, "Rust": 3}


@pytest.fixture
def app_root(workspace, monkeypatch) -> Path:
    root = workspace / "workbooks"
    monkeypatch.setenv("CAREER_WORKBOOK_ROOT", str(root))
    return root


@pytest.mark.parametrize("typed", ["/etc/passwd", "../examples/feedback_import_sample.csv",
                                   "../../x.csv"])
def test_in_the_app_a_path_outside_its_folder_is_never_read(app_root, workspace, typed):
    view = view_for(workspace)
    view.fields["path"].value = typed
    view.buttons["preview"].click()
    assert "outside the folder this app may read files from" in view.status.value
    assert preview_text(view) == "" and view.buttons["save"].disabled
    assert "root:" not in view.status.value


def test_in_the_app_a_file_inside_its_folder_is_read(app_root, workspace):
    shutil.copy(SAMPLE, app_root / "fb.csv")
    view = view_for(workspace)
    view.fields["path"].value = str(app_root / "fb.csv")
    view.buttons["preview"].click()
    assert "not in your list yet" in preview_text(view)


def test_in_the_app_the_example_the_form_names_is_read_from_a_real_workspace(
        tmp_path, monkeypatch):
    """The path box's placeholder is examples/feedback_import_sample.csv and its help says
    relative paths start in the workspace: in the app (started for workbooks/) too."""
    from career_workbook.scaffold import init_workspace

    ws = tmp_path / "ws"
    init_workspace(ws)
    store.new(ws / "workbooks" / "kim.yaml", "Kim Park")
    monkeypatch.setenv("CAREER_WORKBOOK_ROOT", str(ws / "workbooks"))
    view = view_for(ws)
    view.fields["path"].value = "examples/feedback_import_sample.csv"
    view.buttons["preview"].click()
    assert "outside" not in view.status.value and "not in your list yet" in preview_text(view)


def test_a_symlink_out_of_the_app_folder_is_refused(app_root, workspace, tmp_path):
    (app_root / "link.csv").symlink_to(SAMPLE)
    view = view_for(workspace)
    view.fields["path"].value = str(app_root / "link.csv")
    view.buttons["preview"].click()
    assert "outside the folder" in view.status.value and preview_text(view) == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting(workspace):
    os.mkfifo(workspace / "examples" / "pipe.csv")
    view = view_for(workspace)
    view.fields["path"].value = "examples/pipe.csv"
    view.buttons["preview"].click()  # would hang forever if opened for blocking reads
    assert "not a regular file" in view.status.value


def test_upload_is_offered_and_checked_like_a_path(workspace):
    view = view_for(workspace)
    upload = view.children[1].children[0]
    data = b"rater_group,rater_id,date,skill,level\npeer,P1,2026-02-30,Go,7\n"
    upload.value = ({"name": "fb.csv", "type": "text/csv", "size": len(data),
                     "content": memoryview(data),
                     "last_modified": datetime(2026, 5, 3, tzinfo=UTC)},)
    assert "the file has 2 problems" in view.status.value



def test_the_upload_button_counts_files_only_once_there_is_one(workspace):
    """Q10: "Upload CSV (0)". With no file the button carries the class whose style
    (beside it) draws only "Upload CSV"; a chosen file takes it off: "(1)" (fails before:
    no class, no style)."""
    from career_workbook.widgets.csv_source import NO_FILE

    view = view_for(workspace)
    row = view.children[1]
    upload, style = row.children[0], row.children[1]
    assert NO_FILE in upload._dom_classes
    assert f".{NO_FILE}::after{{content:\"Upload CSV\"" in style.value
    data = HEAD.encode() + b"peer,P1,2026-02-03,SQL,3,\n"
    upload.value = ({"name": "fb.csv", "type": "text/csv", "size": len(data),
                     "content": memoryview(data),
                     "last_modified": datetime(2026, 5, 3, tzinfo=UTC)},)
    assert NO_FILE not in upload._dom_classes
    upload.value = ()
    assert NO_FILE in upload._dom_classes


HEAD = "rater_group,rater_id,date,skill,level,comment\n"


def upload(view, data: bytes, name: str = "fb.csv") -> None:
    view.children[1].children[0].value = ({
        "name": name, "type": "text/csv", "size": len(data), "content": memoryview(data),
        "last_modified": datetime(2026, 5, 3, tzinfo=UTC)},)


@pytest.mark.parametrize("last", ["manager,m1,2026-11-18,SQL,5,\n",
                                  'manager,m1,2026-11-18,SQL,5,"ok"\n'])  # closes it, late
def test_a_stray_quote_is_a_problem_not_a_comment_holding_the_later_rows(last):
    # One entry whose comment held the three later rows (and their rater codes) was saved.
    text = (HEAD + 'peer,p1,2026-11-18,SQL,4,"Great work\npeer,p2,2026-11-18,SQL,3,fine\n'
            "peer,p3,2026-11-18,SQL,2,meh\n" + last)
    check = check_feedback_csv(text, ["SQL"])
    assert check.entries == []
    assert [str(p) for p in check.problems] == [
        "row 2, column 'comment' = 'Great work': a quote opened here is not closed before "
        "the next rows — close it or remove it"]
    with pytest.raises(cw.WorkbookError, match="row 2, column 'comment'"):
        read_feedback_csv(text)


def test_a_quoted_comment_of_several_lines_still_imports():
    text = (HEAD + 'peer,p1,2026-11-18,SQL,4,"Great work, really.\n\nClear, calm, kind."\n'
            "peer,p2,2026-11-18,SQL,3,fine\n")
    check = check_feedback_csv(text, ["SQL"])
    assert check.problems == []
    assert [e.comment for e in check.entries] == [
        "Great work, really.\n\nClear, calm, kind.", "fine"]


ROWS = "rater_group,rater_id,date,skill,level\npeer,p1,2026-11-18,SQL,4\npeer,p2,2026-11-18,SQL,3\n"


@pytest.mark.parametrize("data", [
    ROWS.replace("\n", "\r").encode(),  # Excel for Mac "CSV (Macintosh)"
    ROWS.encode("utf-16-le"), ROWS.encode("utf-16-be"),  # UTF-16 without a BOM
])
def test_mac_line_endings_and_utf16_without_a_bom_are_read(data):
    check = check_feedback_csv(decode_csv(data, "fb.csv"), ["SQL"])
    assert check.problems == [] and [e.rater_id for e in check.entries] == ["p1", "p2"]


@pytest.mark.parametrize(("row", "message"), [
    ('peer,p2,2026-11-18,SQL,3,"' + "x" * 140_000 + '"\n',
     "the file stops being CSV here (a value is longer than 131,072 characters)"),
    ('peer,p2,2026-11-18,SQL,3,"fine" really\n',
     "a value has text after its closing quote"),
])
def test_a_file_that_stops_being_csv_is_a_problem_shown_in_the_form(workspace, row, message):
    # csv.Error went to the kernel log; the preview showed nothing.
    text = HEAD + "peer,p1,2026-11-18,SQL,4,ok\n" + row
    check = check_feedback_csv(text, ["SQL"])
    assert check.entries == [] and len(check.problems) == 1
    assert str(check.problems[0]).startswith("row 3 = ") and message in str(check.problems[0])
    view = view_for(workspace)
    upload(view, text.encode())
    assert "Cannot import fb.csv: the file has 1 problem" in view.status.value
    assert "row 3 = " in view.status.value and view.buttons["save"].disabled


def test_rows_after_blank_lines_keep_their_line_number():
    check = check_feedback_csv("rater_group,rater_id,date,skill,level\n"
                               "peer,p1,2026-11-18,SQL,4\n\n\npeer,p2,2026-11-18,SQL,9\n",
                               ["SQL"])
    assert [str(p) for p in check.problems] == [
        "row 5, column 'level' = '9': must be a whole number from 0 to 5"]


def test_skill_names_that_differ_invisibly_are_the_workbooks_skills():
    known = ["Machine Learning", "Café Ops", "Data Visualisation", "Python"]
    written = ["Machine\u00a0Learning", "Cafe\u0301 Ops", "Data  Visualisation", "Python\u200b"]
    text = "rater_group,rater_id,date,skill,level\n" + "".join(
        f"peer,p1,2026-11-18,{name},3\n" for name in written)
    check = check_feedback_csv(text, known)
    assert check.problems == [] and check.unknown == []
    assert list(check.entries[0].ratings) == known  # the workbook's spelling is stored
    wb = cw.new_workbook("Kim")
    assert add_skills_to(wb, [*known, *written]) == known and wb.skill_names() == known


def test_new_skills_spelled_two_ways_in_the_file_are_one_skill_or_a_problem():
    text = ("rater_group,rater_id,date,skill,level\npeer,p1,2026-11-18,Go,3\n"
            "peer,p2,2026-11-18,Go\u200b,3\npeer,p3,2026-11-18,go,3\n")
    check = check_feedback_csv(text, [])
    assert check.unknown == ["Go"]
    assert [str(p) for p in check.problems] == [
        "row 4, column 'skill' = 'go': this file has “Go”: write it the same way"]


def test_rows_of_only_delimiters_are_skipped_like_blank_lines():
    # Excel writes ,,,,, for formatted empty rows: the whole import was blocked.
    text = HEAD + "peer,p1,2026-11-18,SQL,4,\n,,,,,\n, ,,,,\npeer,p2,2026-11-18,SQL,9,\n"
    check = check_feedback_csv(text, ["SQL"])
    assert [str(p) for p in check.problems] == [
        "row 5, column 'level' = '9': must be a whole number from 0 to 5"]
    assert check_feedback_csv(HEAD + "peer,p1,2026-11-18,SQL,4,\n,,,,,\n", ["SQL"]).problems \
        == []


def test_a_new_skill_name_too_long_for_the_workbook_is_a_problem_at_preview():
    # It passed the preview ("Add it...") and failed on save, naming no file, row or column.
    check = check_feedback_csv("rater_group,rater_id,date,skill,level\n"
                               f"peer,p1,2026-11-18,{'S' * 300},3\n", [])
    assert check.unknown == [] and check.entries == []
    problem, = check.problems
    assert str(problem).startswith("row 2, column 'skill' = 'SSS")
    assert "at most 200 characters" in problem.message


def test_a_level_with_a_decimal_comma_is_accepted_when_unambiguous():
    semicolons = "rater_group;rater_id;date;skill;level\npeer;p1;2026-11-18;SQL;4,0\n"
    quoted = 'rater_group,rater_id,date,skill,level\npeer,p1,2026-11-18,SQL,"3,0"\n'
    assert check_feedback_csv(semicolons, ["SQL"]).entries[0].ratings == {"SQL": 4}
    assert check_feedback_csv(quoted, ["SQL"]).entries[0].ratings == {"SQL": 3}


def test_preview_counts_are_in_good_english(workspace):
    one = cw.Feedback(rater_group="peer", rater_id="P1", date=datetime(2026, 1, 9).date())
    html = preview_html(FeedbackPlan((one,), (), 1))
    assert "1 feedback entry to add" in html and "1 entry already in your workbook" in html
    assert "entries" not in html


def test_upload_takes_excels_unicode_text(workspace):
    view = view_for(workspace)
    assert set(view.children[1].children[0].accept.split(",")) == {".csv", ".tsv", ".txt"}
    text = "rater_group\trater_id\tdate\tskill\tlevel\npeer\tP1\t2026-01-09\tGo\t2\n"
    upload(view, text.encode("utf-16"), "fb.txt")
    assert "not in your list yet" in preview_text(view), view.status.value


def test_control_characters_are_dropped_from_imported_text():
    text = HEAD + "peer,p1,2026-11-18,SQL,4,Fine\x00 work\x1b[31m\x07 \x85ok\tthanks\n"
    check = check_feedback_csv(text, ["SQL"])
    assert check.entries[0].comment == "Fine work[31m ok\tthanks"


# ----------------------------- one separator rule with the contacts import (red team)
def spreadsheet_file(rows, separator: str, encoding: str) -> bytes:
    """Rows as Excel saves them: CRLF, quotes only where a value needs them."""
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


FEEDBACK_ROWS = [
    ["rater_group", "rater_id", "date", "skill", "level", "comment", ""],  # an empty column
    ["peer", "p1", "2026-11-18", "SQL", "4", "Clear; calm,\nkind", ""],
    ["manager", "m1", "2026-11-18", "SQL", "3", "", ""],
]


@pytest.mark.parametrize(("separator", "encoding"), [
    (";", "utf-8-sig"),  # Excel where the decimal mark is a comma: "CSV UTF-8"
    ("\t", "utf-16"),    # Excel's "Unicode text"
    (",", "utf-8-sig"),
])
def test_a_feedback_file_saved_by_a_spreadsheet_imports_through_the_form(workspace, separator,
                                                                        encoding):
    path = workspace / "workbooks" / "kim.yaml"
    with cw.edit(path) as wb:
        wb.skills.append(Skill(name="SQL"))
    view = view_for(workspace)
    upload(view, spreadsheet_file(FEEDBACK_ROWS, separator, encoding))
    assert "Cannot import" not in view.status.value, view.status.value
    view.buttons["save"].click()
    stored = cw.load(path).feedback
    assert [(f.rater_id, f.ratings, f.comment) for f in stored] == [
        ("p1", {"SQL": 4}, "Clear; calm,\nkind"), ("m1", {"SQL": 3}, "")]


def test_a_feedback_file_whose_first_line_is_blank_is_read_by_its_header():
    # the separator was taken from the first line only: a blank one meant commas, and a
    # semicolon file "needs the columns ...; missing: rater_group, rater_id, ..."
    text = "\r\n" + "rater_group;rater_id;date;skill;level\r\npeer;p1;2026-11-18;SQL;4,0\r\n"
    check = check_feedback_csv(text, ["SQL"])
    assert check.problems == [] and check.entries[0].ratings == {"SQL": 4}


@pytest.mark.parametrize(("header", "missing", "note"), [
    ("rater_group|rater_id|date|skill|level", "rater_group, rater_id, date, skill, level",
     "its columns seem separated by '|': save it with commas, semicolons or tabs"),
    ("rater_group;rater_id;date;skill", "level", "its columns are separated by semicolons"),
])
def test_a_feedback_header_not_found_says_which_separator_was_seen(workspace, header, missing,
                                                                   note):
    check = check_feedback_csv(header + "\npeer\n", ["SQL"])
    assert [p.message for p in check.problems] == [
        "the file needs the columns rater_group, rater_id, date, skill, level (and optionally "
        f"comment); missing: {missing} ({note})"]
    view = view_for(workspace)
    upload(view, (header + "\n").encode())
    assert note.replace("'", "&#x27;") in view.status.value, view.status.value
