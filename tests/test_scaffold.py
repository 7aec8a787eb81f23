"""``career-workbook init``: a person's own workspace, and upgrades that never lose their edits."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from career_workbook import __version__, cli, scaffold
from career_workbook.resources import notebooks_source, shipped_notebooks

ROOT = Path(__file__).resolve().parents[1]


def _edit_cell(path: Path, text: str) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source += text
    nbformat.write(nb, path)


@pytest.fixture
def source(tmp_path, monkeypatch) -> Path:
    """A private copy of the shipped notebooks that a test can turn into a "new release"."""
    folder = tmp_path / "release"
    shutil.copytree(notebooks_source(), folder,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "*.py"))
    monkeypatch.setattr(scaffold, "shipped_notebooks",
                        lambda: sorted(folder.glob("*.ipynb")))
    return folder


def test_init_creates_the_workspace(tmp_path):
    ws = tmp_path / "my-career"
    report = scaffold.init_workspace(ws)
    assert report.created and not report.kept and not report.upgraded
    names = sorted(p.name for p in (ws / "notebooks").iterdir())
    assert names == [p.name for p in shipped_notebooks()]
    assert names[0] == "00_start_here.ipynb" and "coach_overview.ipynb" in names
    assert not [n for n in names if not n.endswith(".ipynb")]  # no conftest.py, no checkpoints
    assert (ws / "examples" / "workbooks" / "priya_data_analyst.yaml").is_file()
    assert (ws / "examples" / "feedback_import_sample.csv").is_file()
    readme = (ws / "README.md").read_text(encoding="utf-8")
    for needed in ("00_start_here", "workbooks/", "Back it up", "career-workbook lab"):
        assert needed in readme
    marker = json.loads((ws / scaffold.MARKER).read_text(encoding="utf-8"))
    assert marker["career_workbook"] == __version__
    assert set(marker["notebooks"]) == set(names)
    assert marker["notebooks"]["04_smart_goals.ipynb"] == scaffold.notebook_fingerprint(
        ws / "notebooks" / "04_smart_goals.ipynb")


def test_workbooks_folder_is_ignored_by_git(tmp_path):
    ws = tmp_path / "ws"
    scaffold.init_workspace(ws)
    subprocess.run(["git", "init", "-q", str(ws)], check=True)
    (ws / "workbooks" / "sam_lee.yaml").write_text("person: {name: Sam}\n", encoding="utf-8")
    done = subprocess.run(["git", "-C", str(ws), "status", "--porcelain", "--untracked-files=all"],
                          capture_output=True, text=True, check=True)
    # notebooks/ too since their saved outputs show the answers (test below)
    assert "?? workbooks/" not in done.stdout and "\n?? README.md" in "\n" + done.stdout


def test_second_init_keeps_an_edited_notebook_and_upgrades_the_others(tmp_path, source, capsys):
    ws = tmp_path / "ws"
    scaffold.init_workspace(ws)
    mine = ws / "notebooks" / "04_smart_goals.ipynb"
    _edit_cell(mine, "\n\nMy own note: ask Dana about the exam.")
    my_bytes = mine.read_bytes()
    # a new release changes every notebook
    for nb in source.glob("*.ipynb"):
        _edit_cell(nb, "\n\nNew in this release.")
    code = cli.main(["init", str(ws)])
    out = capsys.readouterr().out
    assert code == 0
    assert mine.read_bytes() == my_bytes  # the person's edit is kept, byte for byte
    new = ws / "notebooks" / "04_smart_goals.new.ipynb"
    assert "New in this release." in new.read_text(encoding="utf-8")
    assert "kept your changes to notebooks/04_smart_goals.ipynb" in out
    assert "notebooks/04_smart_goals.new.ipynb" in out
    assert "upgraded 11 notebook(s)" in out  # 12 shipped (11 steps + coach), 1 kept
    for other in ("00_start_here", "09_progress_review"):
        text = (ws / "notebooks" / f"{other}.ipynb").read_text(encoding="utf-8")
        assert "New in this release." in text
    # a third run changes nothing and still keeps the edit
    report = scaffold.init_workspace(ws)
    assert mine.read_bytes() == my_bytes and not report.upgraded
    assert report.kept == [("notebooks/04_smart_goals.ipynb",
                            "notebooks/04_smart_goals.new.ipynb")]


def test_quiet_init_says_only_what_needs_the_person(tmp_path, source, capsys):
    ws = tmp_path / "ws"
    assert cli.main(["init", "--quiet", str(ws)]) == 0
    assert capsys.readouterr().out == ""
    _edit_cell(ws / "notebooks" / "02_feedback_360.ipynb", "\nmine")
    _edit_cell(source / "02_feedback_360.ipynb", "\nnew")
    assert cli.main(["init", "--quiet", str(ws)]) == 0
    assert capsys.readouterr().out == (
        "kept your changes to notebooks/02_feedback_360.ipynb; the new version is "
        "notebooks/02_feedback_360.new.ipynb (compare them, then delete the one you do not "
        "want)\n")


def test_a_notebook_that_was_only_run_counts_as_untouched(tmp_path, source):
    ws = tmp_path / "ws"
    scaffold.init_workspace(ws)
    ran = ws / "notebooks" / "01_self_assessment.ipynb"
    nb = nbformat.read(ran, as_version=4)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.execution_count = 7
    code.outputs = [nbformat.v4.new_output("stream", text="Sam Lee\n")]
    nbformat.write(nb, ran)
    _edit_cell(source / "01_self_assessment.ipynb", "\n\nNew in this release.")
    report = scaffold.init_workspace(ws)
    assert report.upgraded == ["notebooks/01_self_assessment.ipynb"] and not report.kept
    assert "New in this release." in ran.read_text(encoding="utf-8")


def test_an_edit_with_no_new_release_writes_no_spare_copy(tmp_path):
    ws = tmp_path / "ws"
    scaffold.init_workspace(ws)
    _edit_cell(ws / "notebooks" / "03_vision_values.ipynb", "\nmine")
    report = scaffold.init_workspace(ws)
    assert not report.kept and not report.upgraded and not report.created
    assert not list((ws / "notebooks").glob("*.new.ipynb"))


def test_init_over_notebooks_of_unknown_origin_keeps_them(tmp_path):
    ws = tmp_path / "ws"
    (ws / "notebooks").mkdir(parents=True)
    theirs = ws / "notebooks" / "00_start_here.ipynb"
    theirs.write_text("not even a notebook", encoding="utf-8")
    report = scaffold.init_workspace(ws)
    assert theirs.read_text(encoding="utf-8") == "not even a notebook"
    assert report.kept == [("notebooks/00_start_here.ipynb",
                            "notebooks/00_start_here.new.ipynb")]


def test_workspace_readme_names_every_guided_step_and_its_own_sections(tmp_path):
    # It said "in order, 00 to 09" after step 10 (opportunities) shipped, and the
    # `.career-workbook/` line sat under "Undo a bad edit" instead of with the data.
    ws = tmp_path / "my-career"
    scaffold.init_workspace(ws)
    readme = (ws / "README.md").read_text(encoding="utf-8")
    steps = [p.name[:2] for p in shipped_notebooks() if p.name[:2].isdigit()]
    assert f"in order, {steps[0]} to {steps[-1]}" in readme
    data = readme.split("## Where your data lives")[1].split("\n## ")[0]
    assert "`.career-workbook/`" in data


def test_init_keeps_the_persons_readme_gitignore_and_workbooks(tmp_path):
    ws = tmp_path / "ws"
    scaffold.init_workspace(ws)
    (ws / "README.md").write_text("my notes", encoding="utf-8")
    (ws / "workbooks" / "me.yaml").write_text("person: {name: Me}\n", encoding="utf-8")
    scaffold.init_workspace(ws)
    assert (ws / "README.md").read_text(encoding="utf-8") == "my notes"
    assert (ws / "workbooks" / "me.yaml").read_text(encoding="utf-8").startswith("person")


def test_git_sees_no_personal_data_in_a_workspace(tmp_path):
    """What the commands write from a workbook by default, and notebooks saved with their
    outputs, stay out of `git status`; the workspace's README and examples do not."""
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.fail("git is needed for this test")
    ws = tmp_path / "ws"
    scaffold.init_workspace(ws)
    subprocess.run(["git", "init", "-q", str(ws)], check=True)
    private = ["workbooks/ana.yaml", "calendar/ana.ics", "promotion/ana/case.md",
               "packs/ana/review.pdf", "out/ana/04_smart_goals.ipynb",
               "notebooks/.ipynb_checkpoints/04_smart_goals-checkpoint.ipynb",
               ".career-workbook/logs/lab.log"]
    for rel in private:
        (ws / rel).parent.mkdir(parents=True, exist_ok=True)
        (ws / rel).write_text("Ana Díaz", encoding="utf-8")
    (ws / "notebooks" / "04_smart_goals.ipynb").write_text('{"outputs": "Ana"}', "utf-8")
    shown = subprocess.run(["git", "-C", str(ws), "status", "--porcelain",
                            "--untracked-files=all"], capture_output=True, text=True,
                           check=True).stdout
    assert not [rel for rel in [*private, "notebooks/04_smart_goals.ipynb"] if rel in shown]
    assert "README.md" in shown and ".gitignore" in shown and "examples/" in shown


def test_init_leaves_a_gitignore_the_coach_wrote(tmp_path):
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / ".gitignore").write_text("mine\n", encoding="utf-8")
    scaffold.init_workspace(ws)
    assert (ws / ".gitignore").read_text(encoding="utf-8") == "mine\n"


def test_init_inside_a_workspace_does_not_nest_another(tmp_path, capsys, monkeypatch):
    ws = tmp_path / "ws"
    scaffold.init_workspace(ws)
    monkeypatch.chdir(ws / "notebooks")
    code = cli.main(["init"])
    err = capsys.readouterr().err
    assert code == 1 and f"career-workbook init {ws.resolve()}" in err
    assert not (ws / "notebooks" / "notebooks").exists()


def test_init_on_a_file_is_refused(tmp_path, capsys):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code = cli.main(["init", str(tmp_path / "f")])
    err = capsys.readouterr().err
    assert code == 1 and "is a file" in err and err.count("\n") == 1


def test_cli_init_says_what_to_do_next(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["init", "my career"]) == 0
    out = capsys.readouterr().out
    assert f"Created your workspace {(tmp_path / 'my career').resolve()}" in out
    assert "Next: cd 'my career' && career-workbook lab" in out


def test_find_workspace_searches_upward_and_says_how_to_make_one(tmp_path):
    ws = tmp_path / "ws"
    scaffold.init_workspace(ws)
    deep = ws / "workbooks" / "sub"
    deep.mkdir()
    assert scaffold.find_workspace(deep) == ws.resolve()
    with pytest.raises(scaffold.WorkspaceNotFound, match="career-workbook init my-career"):
        scaffold.find_workspace(tmp_path)


def test_python_dash_m_is_the_command():
    done = subprocess.run([sys.executable, "-m", "career_workbook", "--version"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.strip() == f"career-workbook {__version__}"
