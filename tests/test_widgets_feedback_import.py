"""The feedback CSV import: upload or path, paths from the workspace and inside the app's
folder, every problem at once, unknown skills added in one click.

Issue 11 item 6 and issue 12 item 5.
"""

from __future__ import annotations

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
from career_workbook.model import Skill
from career_workbook.widgets.forms_feedback import check_feedback_csv
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
    assert view.buttons["save"].disabled and view.buttons["add_skills"].layout.display == "none"
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
                                   "examples/feedback_import_sample.csv"])
def test_in_the_app_a_path_outside_its_folder_is_never_read(app_root, workspace, typed):
    view = view_for(workspace)
    view.fields["path"].value = typed
    view.buttons["preview"].click()
    assert "outside the folder this app was started for" in view.status.value
    assert preview_text(view) == "" and view.buttons["save"].disabled
    assert "root:" not in view.status.value


def test_in_the_app_a_file_inside_its_folder_is_read(app_root, workspace):
    shutil.copy(SAMPLE, app_root / "fb.csv")
    view = view_for(workspace)
    view.fields["path"].value = str(app_root / "fb.csv")
    view.buttons["preview"].click()
    assert "not in your list yet" in preview_text(view)


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
