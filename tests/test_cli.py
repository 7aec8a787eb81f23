"""The ``career-workbook`` command: help, exit codes and one-line messages."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from career_workbook import batch, cli, server

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "workbooks"
BROKEN = "person: {name: Broken}\ngoals: [{text: x, deadline: 2027-13-01}]\n"
COMMANDS = ("new", "validate", "run", "pack", "cohort", "lab", "app", "init")


def run_main(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as done:  # argparse: --help, bad arguments
        code = done.code
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_command_with_examples(capsys):
    code, out, _ = run_main(capsys, "--help")
    assert code == 0
    for command in COMMANDS:
        assert f"career-workbook {command}" in out  # an example per command
        assert f"\n    {command} " in out  # listed with its help line
    assert "examples:" in out and "exit codes" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help_with_an_example(capsys, command):
    code, out, _ = run_main(capsys, command, "--help")
    assert code == 0 and "example:" in out and f"career-workbook {command}" in out


def test_help_imports_nothing_heavy():
    code = ("import sys\nfrom career_workbook.cli import main\ntry:\n    main(['--help'])\n"
            "except SystemExit:\n    pass\n"
            "heavy = [m for m in ('pandas', 'numpy', 'matplotlib', 'papermill', 'pydantic', "
            "'yaml', 'distributed', 'ipywidgets') if m in sys.modules]\n"
            "print('HEAVY', heavy, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stderr


def test_no_command_prints_help(capsys):
    code, out, _ = run_main(capsys)
    assert code == 0 and "COMMAND" in out


# ----------------------------------------------------------------------------------------
# new
# ----------------------------------------------------------------------------------------
def test_new_creates_the_workbook_inside_the_workspace(capsys, tmp_path):
    ws = tmp_path / "ws"
    code, out, _ = run_main(capsys, "new", "Ana María O'Neil", "--dir", str(ws),
                            "--target-role", "UX Designer")
    path = (ws / "ana_maria_o_neil.yaml").resolve()
    assert code == 0 and f"Created {path}" in out and "career-workbook lab" in out
    from career_workbook import store

    wb = store.load(path)
    assert (wb.person.name, wb.person.target_role) == ("Ana María O'Neil", "UX Designer")
    code, _, err = run_main(capsys, "new", "Ana María O'Neil", "--dir", str(ws))
    assert code == 2 and "already exists" in err and err.count("\n") == 1


def test_new_twice_says_how_to_add_a_second_client_of_that_name(capsys, tmp_path):
    # "a workbook already exists here; ... or choose another file name", but `new` had no
    # way to choose one
    ws = tmp_path / "ws"
    assert run_main(capsys, "new", "Alex Smith", "--dir", str(ws))[0] == 0
    code, _, err = run_main(capsys, "new", "Alex Smith", "--dir", str(ws))
    assert code == 2 and err.strip().endswith(
        f"{ws / 'alex_smith.yaml'} already exists (Alex Smith). To add another client of the "
        f'same name: career-workbook new "Alex Smith" --dir {ws} --file alex_smith_2')
    code, out, _ = run_main(capsys, "new", "Alex Smith", "--dir", str(ws), "--file",
                            "alex_smith_2")
    assert code == 0 and "alex_smith_2.yaml" in out
    from career_workbook import store

    assert store.load(ws / "alex_smith_2.yaml").person.name == "Alex Smith"
    code, _, err = run_main(capsys, "new", "o neil", "--dir", str(ws))
    code, _, err = run_main(capsys, "new", "O'Neil", "--dir", str(ws))  # the same file name
    assert code == 2 and "(o neil). To add O'Neil as another client: career-workbook new " \
        f"\"O'Neil\" --dir {ws} --file o_neil_2" in err
    code, _, err = run_main(capsys, "new", "Alex Smith", "--dir", str(ws), "--file", "../x")
    assert code == 2 and "--file ../x: not a plain file name" in err
    assert sorted(p.name for p in ws.iterdir() if not p.name.startswith(".")) == [
        "alex_smith.yaml", "alex_smith_2.yaml", "o_neil.yaml"]


@pytest.mark.parametrize("inside", ["notebooks", "workbooks", "notebooks/drafts/deep", "."])
def test_new_inside_a_workspace_writes_to_its_workbooks_folder(capsys, tmp_path, monkeypatch,
                                                               inside):
    # `cd ws/notebooks && career-workbook new "Sub Folder Person"` made
    # ws/notebooks/workbooks/sub_folder_person.yaml: no .gitignore, and cohort/pack of the
    # workspace never saw it (lab and app find the workspace from any folder inside it)
    from career_workbook.scaffold import init_workspace

    ws = tmp_path / "ws"
    init_workspace(ws)
    here = ws / inside
    here.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(here)
    code, out, _ = run_main(capsys, "new", "Lin Ortiz Vega")
    made = ws.resolve() / "workbooks" / "lin_ortiz_vega.yaml"
    assert code == 0 and made.is_file() and f"Created {made}" in out
    assert sorted(p.relative_to(ws).as_posix() for p in ws.rglob("lin_ortiz_vega.yaml")) == [
        "workbooks/lin_ortiz_vega.yaml"]
    found = f"in the workbooks folder of the workspace {ws.resolve()} (found from this folder)"
    assert (found in out) == (inside != ".")
    code, _, err = run_main(capsys, "new", "Lin Ortiz Vega")  # the hint needs no --dir
    assert code == 2 and err.rstrip().endswith(
        'career-workbook new "Lin Ortiz Vega" --file lin_ortiz_vega_2')


def test_new_says_a_next_command_that_works_when_pasted_in_a_path_with_spaces(
        capsys, tmp_path, monkeypatch):
    import shlex

    from career_workbook.scaffold import init_workspace

    ws = tmp_path / "My Coach Ñoño 空间" / "ws moved"
    init_workspace(ws)
    monkeypatch.chdir(ws / "notebooks")
    code, out, _ = run_main(capsys, "new", "Sam Moved")
    line = next(x for x in out.splitlines() if x.startswith("Next: "))
    words = shlex.split(line.removeprefix("Next: "))
    assert code == 0 and words[:2] == ["career-workbook", "lab"] and len(words) == 3
    assert Path(words[2]).resolve() == (ws / "workbooks" / "sam_moved.yaml").resolve()


def test_new_outside_a_workspace_makes_a_private_folder_and_says_so(capsys, tmp_path,
                                                                    monkeypatch):
    # outside any workspace `new` made ./workbooks without the .gitignore a workspace's
    # workbooks folder has: the answers could be committed
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_main(capsys, "new", "Ode Ruiz")
    folder = (tmp_path / "workbooks").resolve()
    assert code == 0 and (folder / "ode_ruiz.yaml").is_file()
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (f"made the folder {folder} for it, git-ignored so answers are never committed; "
            "no workspace here: `career-workbook init` makes one") in out
    code, out, _ = run_main(capsys, "new", "Bo Wren")  # the folder is there now: no news
    assert code == 0 and "made the folder" not in out
    code, out, _ = run_main(capsys, "new", "Cy Ames", "--dir", "team b/clients")
    assert code == 0 and (tmp_path / "team b" / "clients" / ".gitignore").is_file()
    assert "made the folder" in out and "no workspace here" not in out
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / ".gitignore").write_text("notes.txt\n", encoding="utf-8")
    assert run_main(capsys, "new", "Di Moss", "--dir", str(kept))[0] == 0
    assert (kept / ".gitignore").read_text(encoding="utf-8") == "notes.txt\n"  # theirs


def test_new_drops_spaces_around_the_name_as_the_forms_do(capsys, tmp_path):
    # "  Priya  Raman  " was stored as typed: the cohort CSV, the pack cover and the nudge
    # list showed the spaces; notebook 00's form strips them
    code, _, _ = run_main(capsys, "new", "  Priya  Raman  ", "--dir", str(tmp_path),
                          "--coach", " Ruth Campbell ")
    from career_workbook import store

    person = store.load(tmp_path / "priya_raman.yaml").person
    assert code == 0 and (person.name, person.coach) == ("Priya Raman", "Ruth Campbell")


def test_new_takes_a_pasted_name_with_its_line_break(capsys, tmp_path):
    # "Ana Lopez\n" (pasted) was refused: "contains NUL or control characters"
    code, out, err = run_main(capsys, "new", "Ana   Lopez\n", "--dir", str(tmp_path))
    from career_workbook import store

    assert code == 0 and err == "" and "ana_lopez.yaml" in out
    assert store.load(tmp_path / "ana_lopez.yaml").person.name == "Ana Lopez"


def test_run_help_names_the_notebooks_run_by_default(capsys):
    from career_workbook.batch import CLIENT_NOTEBOOKS

    code, out, _ = run_main(capsys, "run", "--help")
    first, last = CLIENT_NOTEBOOKS[0][:2], CLIENT_NOTEBOOKS[-1][:2]
    assert code == 0 and f"(default {first}-{last}" in " ".join(out.split())


@pytest.mark.parametrize("name", ["../../etc/evil", "/tmp/evil", "..", "CON", "NUL",
                                  "x\x00y", "x\x1by", "C:evil", "~root", "workbooks/kim.yaml",
                                  "a/../b", "   ", "", "?!"])
def test_new_refuses_hostile_names_and_writes_nothing(capsys, tmp_path, name):
    # exit 2, bad arguments, as --help says (was 1, the code of a failed client or file);
    # a pasted line break is one space (tests/test_left5_names.py), an escape is refused
    ws = tmp_path / "ws"
    ws.mkdir()
    before = sorted(tmp_path.rglob("*"))
    code, out, err = run_main(capsys, "new", name, "--dir", str(ws))
    assert code == 2 and out == ""
    assert err.startswith(("career-workbook new: error: name ",
                           "career-workbook new: error: the name is empty; give the "
                           "person's name")) and err.count("\n") == 1
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize(("name", "file", "left_out"), [
    ("<script>x</script>", "script_x_script.yaml", "< > /"),
    ("a/b", "a_b.yaml", "/"),
    ('Ana "Bo" Li: CEO?', "ana_bo_li_ceo.yaml", '" : ?'),
    ("Zoë Ñuñez", "zoe_nunez.yaml", ""),
    ("李雷", "李雷.yaml", ""),
])
def test_new_makes_a_file_name_from_any_name_and_keeps_the_name_as_typed(
        capsys, tmp_path, name, file, left_out):
    """Red team M 15: `new "<script>x</script>"` was refused, "contains a path separator":
    a person's name is not a path. The file name leaves out what a file name cannot hold,
    and says so; the workbook keeps the name as typed."""
    from career_workbook import store

    code, out, err = run_main(capsys, "new", name, "--dir", str(tmp_path))
    assert code == 0 and err == "", err
    assert f"Created {tmp_path / file}" in out
    assert store.load(tmp_path / file).person.name == name
    said = f"the file name leaves out {left_out} (a file name cannot hold"
    assert (said in out) == bool(left_out), out
    if left_out:
        assert f"the workbook keeps the name as typed: {name}" in out


def test_a_name_that_makes_no_file_name_is_refused_with_the_command_that_works(capsys,
                                                                               tmp_path):
    """Walk X12: `new "🚀🚀"` was refused (no letters or digits make a file name) without a
    word of ``--file``, which makes it: the refusal says the command, with a free file."""
    from career_workbook import store

    ws = tmp_path / "my clients"
    ws.mkdir()
    (ws / "client_1.yaml").write_bytes(b"")  # taken: the next one is offered
    code, out, err = run_main(capsys, "new", "🚀🚀", "--dir", str(ws))
    assert code == 2 and out == ""
    command = f"career-workbook new \"🚀🚀\" --dir '{ws}' --file client_2"
    assert err == ("career-workbook new: error: name '🚀🚀' has no letters or digits that can "
                   "name a file; give the file a name of its own (the workbook keeps the name "
                   f"as typed): {command}\n"), err
    code, out, err = run_main(capsys, "new", "🚀🚀", "--dir", str(ws), "--file", "client_2")
    assert code == 0 and err == ""
    assert store.load(ws / "client_2.yaml").person.name == "🚀🚀"
    code, _, err = run_main(capsys, "new", "CON", "--dir", str(ws))  # --file is no help
    assert code == 2 and "--file" not in err


def test_a_name_that_looks_like_a_path_is_refused_in_plain_words(capsys, tmp_path):
    code, out, err = run_main(capsys, "new", "../etc/passwd", "--dir", str(tmp_path))
    assert code == 2 and out == ""  # a bad argument
    assert "name '../etc/passwd' looks like a file path: give the person's name (the file " \
        "name is made from it)" in err
    assert "separator" not in err


def test_new_never_writes_through_a_symlink_into_a_sibling_workspace(capsys, tmp_path):
    ws, ws2 = tmp_path / "ws", tmp_path / "ws2"
    ws.mkdir()
    ws2.mkdir()
    (ws / "sam_lee.yaml").symlink_to(ws2 / "sam_lee.yaml")
    code, _, err = run_main(capsys, "new", "Sam Lee", "--dir", str(ws))
    assert code == 1 and "outside the workspace" in err
    assert list(ws2.iterdir()) == []


def test_new_with_a_file_as_workspace_is_a_usage_error(capsys, tmp_path):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code, _, err = run_main(capsys, "new", "Sam", "--dir", str(tmp_path / "f"))
    assert code == 2 and "is a file" in err


# ----------------------------------------------------------------------------------------
# validate
# ----------------------------------------------------------------------------------------
@pytest.fixture
def workspace(tmp_path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    for stem in ("mei_career_changer", "tomas_nurse"):
        shutil.copy(EXAMPLES / f"{stem}.yaml", ws)
    (ws / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return ws


@pytest.mark.parametrize("argv", [
    ["validate", "{ws}"], ["cohort", "{ws}", "--out", "{tmp}/c.csv", "--no-charts", "--jobs", "1"],
    ["calendar", "--all", "{ws}", "--out", "{tmp}/c.ics"]])
def test_workbooks_in_subfolders_are_named_not_silently_left_out(capsys, workspace, tmp_path,
                                                                argv):
    (workspace / "team b").mkdir()
    shutil.copy(EXAMPLES / "jordan_engineer.yaml", workspace / "team b")
    args = [a.format(ws=workspace, tmp=tmp_path) for a in argv]
    _, _, err = run_main(capsys, *args)
    assert f"note: workbooks in {workspace / 'team b'} are not included" in err


def test_validate_lists_field_problems_and_exits_1(capsys, workspace):
    code, out, _ = run_main(capsys, "validate", str(workspace))
    assert code == 1
    assert f"{workspace / 'broken.yaml'}: 1 problem(s)" in out
    assert "  - goal 1 (“x”), deadline = '2027-13-01': Input should be a valid date" in out
    assert f"{workspace / 'tomas_nurse.yaml'}: ok" in out
    assert "1 of 3 file(s) have problems" in out


def test_validate_keeps_the_field_path_of_a_repeated_skill(capsys, tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("schema_version: 3\nperson:\n  name: Sam\nskills:\n  - name: SQL\n"
                    "  - name: sql\n", encoding="utf-8")
    code, out, _ = run_main(capsys, "validate", str(path))
    assert code == 1 and "skill 2, name = 'sql': is used twice; must be unique" in out, out


def test_validate_shows_repeats_and_unknown_references_with_the_field_problems(capsys,
                                                                               tmp_path):
    # a repeated skill and an unknown one showed only once `hours: 2,5` was fixed (a second
    # round); the decimal comma got only "Input should be a valid number"
    path = tmp_path / "two.yaml"
    path.write_text("person:\n  name: Sam\nlearning:\n  - title: SQL course\n"
                    "    hours: 2,5\n    skill: Go\nskills:\n  - name: SQL\n  - name: sql\n"
                    "goals:\n  - text: Ship it\n    skills: [Rust]\n", encoding="utf-8")
    code, out, _ = run_main(capsys, "validate", str(path))
    assert code == 1 and f"{path}: 3 problem(s)" in out
    assert "learning item 1 (“SQL course”), hours = '2,5': Input should be a valid number; " \
           "write 2.5 (a decimal point, not a comma) (line 5)" in out
    assert "skill 2, name = 'sql': is used twice; must be unique (line 9)" in out
    assert ("goal 1 (“Ship it”), skills = 'Rust': is not one of the workbook's skills "
            "(line 12)") in out
    # learning[0].skill 'Go' is checked once its section's field problem is fixed


def test_validate_says_another_programs_yaml_is_no_workbook(capsys, tmp_path):
    # "name = 'my-ci-config': Extra inputs are not permitted (line 1; did you mean name?)"
    ci = tmp_path / "ci.yaml"
    ci.write_text("name: my-ci-config\non:\n  push: {}\njobs:\n  build: {}\n")
    typo = tmp_path / "typo.yaml"
    typo.write_text("person:\n  name: Sam\n  nmae: Sam\ngoals:\n  - text: x\n"
                    "    dedline: 2027-01-01\n")
    code, out, _ = run_main(capsys, "validate", str(ci), str(typo))
    assert code == 1 and f"{ci}: 1 problem(s)" in out
    assert "this does not look like a Career Workbook file (no person, skills or goals; it " \
           "has name, True, jobs)" in out
    assert "did you mean name?" not in out.split(str(typo))[0]
    assert "person.nmae = 'Sam': Extra inputs are not permitted (line 3; did you mean name?)" \
        in out
    assert "(line 6; did you mean deadline?)" in out


def test_validate_ok_and_missing_files(capsys, workspace, tmp_path):
    code, out, _ = run_main(capsys, "validate", str(workspace / "tomas_nurse.yaml"))
    assert code == 0 and out.strip().endswith(": ok")
    code, out, _ = run_main(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 1 and "no workbook at this path" in out
    (tmp_path / "empty").mkdir()
    code, _, err = run_main(capsys, "validate", str(tmp_path / "empty"))
    assert code == 2 and "no workbook files" in err


# ----------------------------------------------------------------------------------------
# pack / run / cohort arguments and messages
# ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("argv", [
    ["pack", "--out", "x", "--formats", "gif"],
    ["pack", "--out", "x", "--jobs", "0"],
    ["pack", "--out", "x", "--today", "22/11/2026"],
    ["run", "a.yaml"],  # --out is required
    ["cohort", "ws", "--out", "x.csv", "--jobs", "two"],
])
def test_bad_arguments_exit_2_with_a_hint(capsys, argv):
    code, _, err = run_main(capsys, *argv)
    assert code == 2 and "error:" in err


def test_pack_without_workbooks_says_what_to_give(capsys, tmp_path):
    code, _, err = run_main(capsys, "pack", "--out", str(tmp_path))
    assert code == 2 and "--all FOLDER" in err


def test_run_with_unknown_notebook_is_one_line(capsys, workspace, tmp_path):
    code, _, err = run_main(capsys, "run", str(workspace), "--out", str(tmp_path / "o"),
                            "--notebooks", "01,77")
    # a bad option, like every other argument error, exits 2 (it was 1)
    assert code == 2 and "unknown notebook '77'" in err and err.count("\n") == 1


def test_cohort_writes_the_csv_and_names_the_broken_file(capsys, workspace, tmp_path):
    out_csv = tmp_path / "o" / "cohort.csv"
    code, out, _ = run_main(capsys, "cohort", str(workspace), "--out", str(out_csv),
                            "--today", "2026-11-22", "--jobs", "1", "--no-charts")
    assert code == 1
    assert "3 client(s), 2 summarised" in out
    assert "FAILED broken.yaml: goal 1 (“x”), deadline = '2027-13-01'" in out
    with open(out_csv, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["client"], r["status"] == "ok") for r in rows] == [
        ("broken", False), ("mei_career_changer", True), ("tomas_nurse", True)]
    assert sorted(p.name for p in out_csv.parent.iterdir()) == ["cohort.csv"]


def test_unexpected_errors_are_one_line_and_verbose_shows_the_traceback(capsys, monkeypatch,
                                                                       workspace, tmp_path):
    from career_workbook import caseload

    def boom(*args, **kwargs):
        raise KeyError("role")

    monkeypatch.setattr(caseload, "cohort", boom)
    argv = ["cohort", str(workspace), "--out", str(tmp_path / "c.csv")]
    code, _, err = run_main(capsys, *argv)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "unexpected KeyError" in err and "--verbose" in err
    code, _, err = run_main(capsys, "--verbose", *argv)
    assert code == 1 and "Traceback (most recent call last)" in err


def test_ctrl_c_exits_130_with_a_message(capsys, monkeypatch, workspace, tmp_path):
    from career_workbook import batch

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "pack_clients", interrupted)
    code, _, err = run_main(capsys, "pack", str(workspace), "--out", str(tmp_path / "p"))
    assert code == 130 and "interrupted" in err


# ----------------------------------------------------------------------------------------
# lab / app
# ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["lab", "app"])
def test_lab_and_app_preselect_the_workbook_and_serve_on_loopback(capsys, monkeypatch,
                                                                  tmp_path, command):
    from career_workbook.scaffold import init_workspace

    ws = tmp_path / "home"
    init_workspace(ws)
    workbooks = ws / "workbooks"
    shutil.copy(EXAMPLES / "tomas_nurse.yaml", workbooks)
    seen = {}

    def fake_run(launch, open_browser):
        seen.update(launch=launch, open_browser=open_browser)
        return 0

    monkeypatch.setattr(server, "run_server", fake_run)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.chdir(workbooks)  # the workspace is found from a folder inside it
    code, _, _ = run_main(capsys, command, "tomas_nurse.yaml", "--no-browser", "--port", "9999")
    launch = seen["launch"]
    assert code == 0 and seen["open_browser"] is False
    assert launch.url.startswith("http://127.0.0.1:") and "token=" in launch.url
    assert launch.env["CAREER_WORKBOOK"] == str((workbooks / "tomas_nurse.yaml").resolve())
    assert "MPLBACKEND" not in launch.env
    assert "--no-browser" in launch.cmd and any("127.0.0.1" in c for c in launch.cmd)
    assert str(ws.resolve() / "notebooks") in " ".join(launch.cmd)
    assert launch.log == ws.resolve() / ".career-workbook" / "logs" / f"{command}.log"
    if command == "app":
        assert launch.env["CAREER_WORKBOOK_ROOT"] == str(workbooks.resolve())
        assert "/voila/render/.start.ipynb?token=" in launch.url
    else:
        assert "/lab/tree/00_start_here.ipynb?token=" in launch.url


@pytest.mark.parametrize("flag", ["--verbose", None])
def test_lab_hides_the_server_log_unless_verbose(capsys, monkeypatch, tmp_path, flag):
    from career_workbook.scaffold import init_workspace

    init_workspace(tmp_path / "ws")
    seen = {}
    monkeypatch.setattr(server, "run_server",
                        lambda launch, open_browser: seen.update(log=launch.log) or 0)
    argv = ["lab", "--workspace", str(tmp_path / "ws"), "--no-browser", *filter(None, [flag])]
    assert run_main(capsys, *argv)[0] == 0
    assert (seen["log"] is None) == (flag == "--verbose")


@pytest.mark.parametrize("command", ["lab", "app"])
def test_lab_and_app_outside_a_workspace_say_how_to_make_one(capsys, tmp_path, monkeypatch,
                                                              command):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_main(capsys, command, "--no-browser")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "career-workbook init my-career" in err


def _in_a_terminal(argv: list[str]) -> bytes:
    """Run the command with stdout and stderr on a pseudo-terminal (120 columns)."""
    import fcntl
    import pty
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execv(sys.executable, [sys.executable, "-m", "career_workbook.cli", *argv])
    out = b""
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
    os.waitpid(pid, 0)
    return out


def test_a_progress_bar_shows_on_a_terminal_only(workspace, tmp_path):
    argv = ["cohort", str(workspace), "--out", str(tmp_path / "c.csv"), "--no-charts",
            "--jobs", "1", "--today", "2026-11-22"]
    assert b"cohort: " in _in_a_terminal(argv)
    done = subprocess.run([sys.executable, "-m", "career_workbook.cli", *argv], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "cohort: " not in done.stderr + done.stdout


@pytest.mark.parametrize("argv, says", [
    (["pack", "--all", "{ws}", "--out", "{file}"], "--out {file}: that is a file"),
    (["run", "{ws}", "--out", "{file}"], "--out {file}: that is a file"),
    (["cohort", "{ws}", "--out", "{ws}"], "--out {ws}: that is a folder; give the name of "
                                          "the file to write, e.g. {ws}/cohort.csv"),
    (["cohort", "{ws}", "--out", "{file}/c.csv"], "--out {file}/c.csv: {file} is a file"),
    (["calendar", "--all", "{ws}", "--out", "{ws}"], "--out {ws}: that is a folder"),
])
def test_a_bad_output_or_option_is_one_error_up_front_exit_2(capsys, workspace, tmp_path,
                                                             argv, says):
    """Before: every client FAILED with the output's error (blamed on its workbook), or a
    temporary file's name, exit 1; now one line about the option, exit 2, nothing run."""
    names = {"ws": workspace, "file": tmp_path / "afile"}
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    code, out, err = run_main(capsys, *[a.format(**names) for a in argv])
    assert code == 2, (out, err)
    assert says.format(**names) in err
    assert "FAILED" not in out


def test_an_output_folder_that_cannot_be_written_is_named_up_front(capsys, monkeypatch,
                                                                   workspace, tmp_path):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    code, out, err = run_main(capsys, "pack", "--all", str(workspace), "--out",
                              str(tmp_path / "ro"))
    assert code == 2
    assert f"--out {tmp_path / 'ro'}: cannot be written (Operation not permitted)" in err
    assert "FAILED" not in out


BAD_ROLES = """\
roles:
  - id: x_role
    family: Data
    summary: S.
    skills:
      Python: {target: 3, importance: 5}
"""


@pytest.mark.parametrize("command", [
    ["validate", "{ws}"],
    ["pack", "--all", "{ws}", "--out", "{tmp}/packs", "--jobs", "1"],
    ["cohort", "{ws}", "--out", "{tmp}/c.csv", "--jobs", "1"],
    ["run", "{ws}", "--out", "{tmp}/runs", "--notebooks", "01", "--jobs", "1"],
])
def test_a_broken_catalog_file_is_named_once_before_any_client(capsys, monkeypatch, workspace,
                                                               tmp_path, command):
    catalog = tmp_path / "cat"
    catalog.mkdir()
    (catalog / "bad.yaml").write_text(BAD_ROLES, encoding="utf-8")
    monkeypatch.setenv("CAREER_WORKBOOK_CATALOG", str(catalog))
    argv = [a.format(ws=workspace, tmp=tmp_path) for a in command]
    code, out, err = run_main(capsys, *argv)
    assert code == 2
    assert "FAILED" not in out and "ok" not in out
    assert err.strip() == (
        f"career-workbook {argv[0]}: error: the role catalog file {catalog / 'bad.yaml'}: "
        f"roles[0].title = None: Field required. Fix that file (or move it out of {catalog}, "
        "the folder named by CAREER_WORKBOOK_CATALOG), then run again (no workbook was read)")
    assert not (tmp_path / "c.csv").exists()
    monkeypatch.setenv("CAREER_WORKBOOK_CATALOG", str(tmp_path / "nowhere"))
    code, out, err = run_main(capsys, *argv)
    assert code == 2 and "CAREER_WORKBOOK_CATALOG=" in err and "is not a folder" in err


@pytest.mark.parametrize("address", ["127.0.0.1", "not an address", "tcp://host:99999"])
def test_a_scheduler_address_without_a_port_is_refused_at_once(capsys, workspace, tmp_path,
                                                               address):
    import time

    start = time.monotonic()
    code, _, err = run_main(capsys, "cohort", str(workspace), "--out", str(tmp_path / "c.csv"),
                            "--scheduler", address)
    assert time.monotonic() - start < 5
    assert code == 2
    assert (f"--scheduler: {address!r} is not a Dask scheduler's address; give its host and "
            "port, e.g. tcp://10.0.0.5:8786") in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_a_scheduler_that_cannot_be_reached_is_one_line(capsys, workspace, tmp_path):
    pytest.importorskip("distributed")
    code, out, err = run_main(capsys, "cohort", str(workspace), "--out",
                              str(tmp_path / "c.csv"), "--scheduler", "127.0.0.1:9")
    assert code == 1
    assert err.startswith("career-workbook cohort: error: cannot reach the Dask scheduler at "
                          "127.0.0.1:9")
    assert len(err.strip().splitlines()) == 1


def test_promotion_case_names_an_unwritable_out_folder_as_pack_does(capsys, monkeypatch,
                                                                    workspace, tmp_path):
    # "romnt/pc: Read-only file system", exit 1: no word of --out or what to do
    import tempfile

    def refuse(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    code, _, err = run_main(capsys, "promotion-case", str(workspace / "tomas_nurse.yaml"),
                            "--out", str(tmp_path / "pc"))
    assert code == 2 and f"--out {tmp_path / 'pc'}: cannot be written (Read-only file " \
        "system); choose a folder you can write to" in err
    assert not list((tmp_path / "pc").iterdir())


def test_run_names_a_notebooks_dir_without_the_notebooks(capsys, workspace, tmp_path):
    # "not found in nope; pass --notebooks-dir", though --notebooks-dir nope was passed
    code, _, err = run_main(capsys, "run", str(workspace), "--out", str(tmp_path / "o"),
                            "--notebooks-dir", str(tmp_path / "nope"))
    assert code == 2 and f"--notebooks-dir {tmp_path / 'nope'}: no such folder" in err
    assert "pass --notebooks-dir" not in err
    (tmp_path / "empty").mkdir()
    code, _, err = run_main(capsys, "run", str(workspace), "--out", str(tmp_path / "o"),
                            "--notebooks-dir", str(tmp_path / "empty"), "--notebooks", "01,05")
    assert code == 2 and f"{tmp_path / 'empty'} has no 01_self_assessment.ipynb, " \
        "05_skill_gap.ipynb; give the notebooks folder of a workspace" in err
    assert not (tmp_path / "o").exists()


def test_validate_notes_entries_a_valid_file_holds_but_the_charts_leave_out(capsys, tmp_path):
    # a year typed 2062 for 2026, an older import's repeated rater and an opportunity
    # "spotted" after its first move all loaded without a word: the charts left the first
    # out, the second showed two comments, the forms refuse the third
    import career_workbook as cw

    code, _, _ = run_main(capsys, "new", "Sam Lee", "--dir", str(tmp_path))
    assert code == 0
    path = next(tmp_path.glob("*.yaml"))
    with cw.edit(path) as wb:
        wb.person.start_date = date(2026, 1, 5)  # not the real date, after --today
        wb.skills = [cw.Skill(name="SQL")]
        wb.check_ins = [cw.CheckIn(date=date(2026, 11, 2)), cw.CheckIn(date=date(2062, 11, 9))]
        rater = cw.Feedback(rater_group="peer", rater_id="p9", date=date(2026, 11, 20),
                            ratings={"SQL": 4}, comment="first")
        wb.feedback = [rater, rater.model_copy(update={"comment": "fixed"})]
        wb.opportunities = [cw.Opportunity(
            title="Data lead", kind="role", spotted=date(2026, 11, 1), stage="applied",
            stage_history=[{"stage": "applied", "date": date(2026, 10, 6)}])]
    code, out, _ = run_main(capsys, "validate", str(path), "--today", "2026-12-05")
    assert code == 0, out
    assert f"{path}: ok, 3 notes" in out
    assert "note: check-in 2, date = 2062-11-09 is after today (5 Dec 2026): the charts " \
           "and counts leave it out until that day (a typo for 2026?)" in out
    assert ("note: feedback entry 1, feedback entry 2: p9 (peer, 2026-11-20) is recorded 2 "
            "times") in out
    assert ("note: opportunity 1 (“Data lead”), spotted = 2026-11-01 is after its first move "
            "(applied, 2026-10-06)") in out
    code, out, _ = run_main(capsys, "validate", str(path), "--today", "2026-11-01")
    assert code == 0 and "check-in 1" in out and "feedback entry 1, feedback entry 2" in out
    # the typo's own day is no --today: a swapped year (or years ahead) is refused
    code, out, err = run_main(capsys, "validate", str(path), "--today", "2062-11-09")
    assert code == 2 and "argument --today: 2062-11-09 is " in err and not out


def test_validate_groups_the_days_after_today_per_section(capsys):
    code, out, _ = run_main(capsys, "validate", str(EXAMPLES / "jordan_engineer.yaml"),
                            "--today", "2026-06-01")
    assert code == 0
    assert "note: 7 days in check-ins (2026-06-15 to 2026-11-16: check-in 6 to check-in " \
           "12) are after today (1 Jun 2026): the charts and counts leave " \
           "them out until those days" in out
    assert out.count("\n") < 12, out
    code, out, _ = run_main(capsys, "validate", str(EXAMPLES / "jordan_engineer.yaml"))
    assert out.strip().endswith("jordan_engineer.yaml: ok")


def test_validate_notes_contradictions_the_forms_now_refuse(capsys, tmp_path):
    # a file written by an older version (or by hand) kept what the forms refuse today:
    # validate said "ok" and the follow-up showed as overdue, the hours counted, the
    # milestone sat after its goal, the same person twice in the network
    import career_workbook as cw

    code, _, _ = run_main(capsys, "new", "Sam Lee", "--dir", str(tmp_path))
    assert code == 0
    path = next(tmp_path.glob("*.yaml"))
    with cw.edit(path) as wb:
        wb.person.start_date = date(2026, 1, 5)  # not the real date, after --today
        wb.contacts = [
            cw.Contact(id="c1", name="Dana Lee", organisation="Acme",
                       last_contact=date(2026, 11, 2), next_follow_up=date(2026, 10, 1)),
            cw.Contact(id="c2", name="dana  LEE", organisation="acme"),
            cw.Contact(id="c3", name="Dana Lee", organisation="Globex")]
        wb.learning = [
            cw.LearningItem(title="SQL course", status="done", started_on=date(2026, 9, 1),
                            completed_on=date(2026, 8, 1)),
            cw.LearningItem(title="Stats book", status="planned",
                            completed_on=date(2026, 10, 1))]
        # set on a fixed day: a goal set on the real date, after --today, has a note
        wb.goals = [cw.Goal(id="g1", text="Lead a data project by June 2027",
                            created=date(2026, 11, 1), deadline=date(2027, 6, 30),
                            milestones=[cw.Milestone(title="Pitch it", due=date(2027, 1, 1)),
                                        cw.Milestone(title="Ship it", due=date(2028, 1, 1))])]
    code, out, _ = run_main(capsys, "validate", str(path), "--today", "2026-12-05")
    assert code == 0, out
    assert f"{path}: ok, 5 notes" in out
    assert "note: contact 1 (“Dana Lee”), next_follow_up = 2026-10-01 is before its last contact " \
           "(2026-11-02)" in out
    assert "note: contact 1, contact 2: Dana Lee (Acme) is recorded 2 times" in out
    assert "contact 3" not in out  # the same name at another organisation: someone else
    assert ("note: learning item 1 (“SQL course”), completed_on = 2026-08-01 is before it "
            "started (2026-09-01)") in out
    assert ("note: learning item 2 (“Stats book”), completed_on = 2026-10-01, but its status "
            "is planned") in out
    assert "note: goal 1, milestone 2 (“Ship it”), due = 2028-01-01 is after the goal's deadline " \
           "(2027-06-30)" in out and "milestone 1" not in out


def _swapped(year: int) -> int:
    """A later year with the digits of ``year`` (2062 for 2026)."""
    from itertools import permutations

    others = {int("".join(p)) for p in permutations(str(year))} - {year}
    return min((y for y in others if y > year), default=max(others))


def _commands_with_today() -> dict[str, list[str]]:
    """Every command taking --today (read from the parser), with arguments that parse."""
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.choices and "pack" in a.choices)
    needs = {"pack": ["--out", "o"], "run": ["w.yaml", "--out", "o"],
             "cohort": ["ws", "--out", "c.csv"], "import-contacts": ["w.yaml", "c.csv"]}
    return {name: needs.get(name, ["w.yaml"]) for name, p in sub.choices.items()
            if any("--today" in a.option_strings for a in p._actions)}


def test_every_command_taking_today_is_checked():
    assert {"validate", "run", "pack", "cohort", "calendar"} <= set(_commands_with_today())


@pytest.mark.parametrize("command", sorted(_commands_with_today()))
def test_today_with_a_swapped_year_is_refused_naming_the_date_meant(capsys, command,
                                                                   monkeypatch, tmp_path):
    # red team: pack/cohort --today 2062-12-06 ran; the cover said "Review date 6 December
    # 2062", "Last check-in 36 years ago" and two goals overdue
    monkeypatch.chdir(tmp_path)  # the arguments' files and folders: never made here
    real = date.today()
    typed = real.replace(year=_swapped(real.year), day=min(real.day, 28))
    meant = typed.replace(year=real.year)
    code, out, err = run_main(capsys, command, *_commands_with_today()[command],
                              "--today", typed.isoformat())
    assert code == 2 and not out
    assert (f"argument --today: {typed.isoformat()} is in {typed.year}: did you mean "
            f"{meant.isoformat()}?") in err


@pytest.mark.parametrize("ahead, refused", [(7, False), (300, False), (800, True)])
def test_today_ahead_is_kept_for_a_review_prepared_early_but_not_years_ahead(
        capsys, tmp_path, ahead, refused):
    path = tmp_path / "sam.yaml"
    shutil.copy(EXAMPLES / "priya_data_analyst.yaml", path)
    day = date.fromordinal(date.today().toordinal() + ahead)
    code, out, err = run_main(capsys, "validate", str(path), "--today", day.isoformat())
    if refused:
        assert code == 2 and not out
        assert f"argument --today: {day.isoformat()} is 2 years after today" in err
        assert "give a day at most a year ahead" in err
    else:
        assert code == 0 and f"{path}: ok" in out, err


def test_today_in_the_past_reproduces_an_old_review(capsys):
    code, out, _ = run_main(capsys, "validate", str(EXAMPLES / "priya_data_analyst.yaml"),
                            "--today", "2020-01-01")
    assert code == 0 and "priya_data_analyst.yaml: ok" in out


def test_validate_notes_a_goal_set_after_today_or_after_its_deadline(capsys, tmp_path):
    # red team: validate named the 2062 assessment and achievement "(a typo for 2026?)" but
    # not goals[0].created = 2062-10-01, which made the goal read 'ahead' in the pack
    import career_workbook as cw

    path = tmp_path / "jose.yaml"
    wb = cw.new_workbook("Jose Nunez", today=date(2026, 9, 1))
    wb.goals = [
        cw.Goal(id="g1", text="Publish 3 analyses by 2026-12-20", status="active",
                created=date(2062, 10, 1), deadline=date(2026, 12, 20)),
        cw.Goal(id="g2", text="Ship the report by March 2026", status="active",
                created=date(2026, 11, 1), deadline=date(2026, 3, 31)),
        cw.Goal(id="g3", text="Lead the spring launch", created=date(2026, 12, 10),
                deadline=date(2027, 4, 30)),
        cw.Goal(id="g4", text="Become senior", created=date(2026, 10, 1),
                deadline=date(2027, 9, 30))]
    cw.save(wb, path)
    code, out, _ = run_main(capsys, "validate", str(path), "--today", "2026-12-06")
    assert code == 0 and f"{path}: ok, 3 notes" in out, out
    assert ("note: goal 1 (“Publish 3 analyses by 2026-12-20”), created = 2062-10-01 is after "
            "today (6 Dec 2026) and after the "
            "goal's deadline (2026-12-20): its pace is measured from its first recorded "
            "progress instead (a typo for 2026?); correct it in the file") in out
    assert ("note: goal 2 (“Ship the report by March 2026”), created = 2026-11-01 is after "
            "the goal's deadline (2026-03-31): "
            "its pace is measured from its first recorded progress instead; correct it in "
            "the file, or move the deadline (goal review, step 09)") in out
    assert ("note: goal 3 (“Lead the spring launch”), created = 2026-12-10 is after today (6 "
            "Dec 2026): its pace is "
            "measured from its first recorded progress instead; correct it in the file") in out
    assert "goal 4" not in out


BROKEN_FILES = {  # name -> (text, the problem as `validate` words it)
    "a_deadline": ("person:\n  name: Ana\ngoals:\n  - text: Lead the team\n"
                   "    deadline: 2027-02-30\n",
                   "goal 1 (“Lead the team”), deadline = '2027-02-30': Input should be a valid "
                   "date; 30 February 2027 is not a date (February 2027 has 28 days) (line 5)"),
    "b_hours": ("person: {name: Bo}\nlearning:\n- {title: SQL course, kind: course, "
                "hours: 12,5, status: done}\n",
                "learning item 1 (“SQL course”), hours = '12,5': Input should be a valid "
                "number; write 12.5 (a decimal point, not a comma) (line 3)"),
    "c_syntax": ("person:\n  name: Cy\n  coach: Kim: Lee\n",
                 "invalid YAML at line 3, column 13: mapping values are not allowed in this "
                 "context; a value holding “: ” (a colon then a space) must be in quotes, or "
                 "YAML reads it as another field: write line 3 as coach: 'Kim: Lee'"),
}


def test_every_command_words_a_broken_file_as_validate_does(capsys, tmp_path):
    """Red team: ``pack``, ``run`` and ``cohort`` dropped the line ``validate`` gives
    (``FAILED bad_date.yaml: goals[0].deadline = …`` without "(line 117)") and listed the
    failures in the order the workers finished; ``calendar --all`` cut the reason at 200
    characters, without "…", and named the file twice."""
    ws = tmp_path / "ws"
    ws.mkdir()
    for name, (text, _) in BROKEN_FILES.items():
        (ws / f"{name}.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run_main(capsys, "validate", str(ws))
    assert code == 1
    for name, (_, problem) in BROKEN_FILES.items():
        assert f"{ws / name}.yaml: 1 problem(s)\n  - {problem}\n" in out
    expected = [f"FAILED {name}.yaml: {problem}" for name, (_, problem) in BROKEN_FILES.items()]
    for command in (["pack", "--all", str(ws), "--out", str(tmp_path / "packs")],
                    ["run", str(ws), "--out", str(tmp_path / "runs"), "--notebooks", "01"]):
        code, out, _ = run_main(capsys, *command, "--jobs", "2", "--today", "2026-11-22")
        assert code == 1
        assert [line for line in out.splitlines() if line.startswith("FAILED")] == expected
    code, out, _ = run_main(capsys, "cohort", str(ws), "--out", str(tmp_path / "c.csv"),
                            "--no-charts", "--jobs", "2", "--today", "2026-11-22")
    # cohort names the file as pack and run do (it said "FAILED a_deadline:", red team M #9)
    assert [line for line in out.splitlines() if line.startswith("FAILED")] == expected
    code, out, _ = run_main(capsys, "calendar", "--all", str(ws), "--out",
                            str(tmp_path / "c.ics"), "--today", "2026-11-22")
    assert [line for line in out.splitlines() if line.startswith("  skipped")] == [
        f"  skipped {name}.yaml: {problem}" for name, (_, problem) in BROKEN_FILES.items()]


def test_a_batchs_failures_are_listed_in_file_order(tmp_path):
    report = batch.BatchReport("Packed", tmp_path)
    paths = [tmp_path / f"{name}.yaml" for name in ("c", "a", "b")]
    for path in reversed(paths):  # as the workers happened to finish
        report.add(path, None, ValueError(f"{path.stem} is wrong"))
    assert [path for path, _ in report.in_file_order(paths).failed] == paths
