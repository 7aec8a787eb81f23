"""The widget session: paths, today, loading, saving, listeners, the header."""

from __future__ import annotations

import doctest
import importlib
import os
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers.fakes import FakeDisplay

import career_workbook as cw
from career_workbook import store
from career_workbook.model import Goal, Skill
from career_workbook.widgets import display as display_mod
from career_workbook.widgets import session as session_mod
from career_workbook.widgets.fields import (
    check_model,
    error_key,
    field_for_problem,
    friendly_message,
    lines,
    make_field,
)
from career_workbook.widgets.session import Session, header_html, parse_today, resolve_path

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def small_path(tmp_path: Path) -> Path:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5), target_role="Data Scientist")
    wb.skills.append(Skill(name="SQL", importance=5, target_level=4))
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    return path


# ----------------------------------------------------------------------------- paths, today
def test_resolve_path_prefers_argument_then_env_then_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CAREER_WORKBOOK", raising=False)
    assert resolve_path(None) == (tmp_path / ".." / "workbooks" / "my_workbook.yaml").resolve()
    monkeypatch.setenv("CAREER_WORKBOOK", str(tmp_path / "env.yaml"))
    assert resolve_path(None) == tmp_path / "env.yaml"
    assert resolve_path("given.yaml") == tmp_path / "given.yaml"


@pytest.mark.parametrize("value, expected", [
    ("2026-11-22", date(2026, 11, 22)), (date(2026, 2, 3), date(2026, 2, 3)),
    (" 2027-01-01 ", date(2027, 1, 1)),
])
def test_parse_today_accepts_dates_and_iso_strings(value, expected):
    assert parse_today(value) == (expected, None)


@pytest.mark.parametrize("bad", ["2026-13-01", "22/11/2026", "tomorrow", 20261122])
def test_parse_today_bad_value_gives_message_and_real_today(bad):
    day, problem = parse_today(bad)
    assert day == date.today()
    assert repr(bad) in problem and "YYYY-MM-DD" in problem


def test_parse_today_refuses_a_swapped_year_or_years_ahead_as_the_command_line_does():
    # a notebook run with today = 2062-12-06 (for 2026) dated a drafted goal 2062
    from itertools import permutations

    real = date.today()
    year = min(y for y in {int("".join(p)) for p in permutations(str(real.year))}
               if y > real.year)
    typed = real.replace(year=year, day=min(real.day, 28))
    day, problem = parse_today(typed.isoformat())
    assert day == real
    assert problem == (f"today = {typed.isoformat()} is in {year}: did you mean "
                       f"{typed.replace(year=real.year).isoformat()}? (today is "
                       f"{real.day} {real:%b %Y}); using today's date instead")
    far = date.fromordinal(real.toordinal() + 800)
    assert parse_today(far)[0] == real and "give a day at most a year ahead" in parse_today(
        far)[1]
    soon = date.fromordinal(real.toordinal() + 7)  # next week's review, prepared today
    assert parse_today(soon.isoformat()) == (soon, None)


def test_bad_today_is_shown_in_header_not_raised(small_path):
    s = Session(small_path, today="2026-02-30")
    assert s.today == date.today()
    assert "2026-02-30" in header_html(s)


# ----------------------------------------------------------------------------- loading
def test_missing_workbook_session_is_read_only(tmp_path):
    s = Session(tmp_path / "none.yaml", today="2026-11-22")
    assert s.workbook is None and s.missing and s.error is None
    assert "open 00_start_here" in s.unavailable_message()
    result = s.save(lambda wb: wb.strengths.append("x"))
    assert not result.ok and "00_start_here" in result.message
    assert not (tmp_path / "none.yaml").exists()


def test_broken_workbook_gives_friendly_message_naming_field_and_value(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("person: {name: Sam}\nvalues: [{name: Fun, importance: 11}]\n")
    s = Session(path)
    assert s.workbook is None
    assert "value 1 (“Fun”), importance = 11" in s.error and "broken.yaml" in s.error
    assert "read-only" in s.unavailable_message()
    html = header_html(s)
    assert "value 1 (“Fun”), importance" in html and "Traceback" not in html


def test_save_applies_reloads_and_notifies(small_path):
    s = Session(small_path, today="2026-11-22")
    seen = []
    s.on_change(lambda sess: seen.append(len(sess.workbook.strengths)))
    result = s.save(lambda wb: wb.strengths.append("Listening"))
    assert result.ok and re.fullmatch(r"Saved at \d\d:\d\d", result.message)
    assert cw.load(small_path).strengths == ["Listening"]
    assert s.workbook.strengths == ["Listening"] and seen == [1]


def test_invalid_save_leaves_file_byte_for_byte_and_names_field(small_path):
    before = small_path.read_bytes()
    s = Session(small_path)
    result = s.save(lambda wb: wb.actions.append(cw.Action(text="x", goal_id="nope")))
    assert not result.ok
    assert result.field == "actions[0].goal_id" and result.value == "nope"
    assert "is not a goal id" in result.message
    assert small_path.read_bytes() == before


@pytest.mark.parametrize("apply, said", [
    (lambda wb: wb.skills.append(Skill(name="sql")),
     "Not saved: You already track “SQL” — choose it in the list to change it."),
    (lambda wb: wb.actions.append(cw.Action(text="x", goal_id="nope")),
     "Not saved: the action goal “nope” is not a goal id"),
    (lambda wb: wb.strengths.append(""), "Not saved: the strength: String should have"),
])
def test_a_refused_save_names_the_field_in_words_not_its_path(small_path, apply, said):
    """A form shows the message; the path (``skills[1].name``) stays in ``result.field``
    for marking the box, and ``career-workbook validate`` keeps printing it."""
    result = Session(small_path).save(apply)
    assert not result.ok and result.message.startswith(said), result.message
    assert not re.search(r"\w\[\d+\]", result.message) and result.field


def test_validation_error_inside_apply_is_a_message(small_path):
    before = small_path.read_bytes()
    s = Session(small_path)

    def apply(wb):
        wb.skills[0].importance = 9

    result = s.save(apply)
    assert not result.ok and result.field == "importance" and result.value == 9
    assert small_path.read_bytes() == before


def test_listener_keys_replace_and_failures_do_not_break_saving(small_path):
    s = Session(small_path)
    calls = []
    s.on_change(lambda _s: calls.append("old"), key="chart")
    s.on_change(lambda _s: calls.append("new"), key="chart")
    s.on_change(lambda _s: 1 / 0, key="bad")
    with pytest.warns(RuntimeWarning, match="ZeroDivisionError"):
        assert s.save(lambda wb: wb.strengths.append("Calm")).ok
    assert calls == ["new"] and "ZeroDivisionError" in s.callback_errors[0]


def test_create_makes_the_file_once(tmp_path):
    s = Session(tmp_path / "new" / "kim.yaml", today="2026-03-01")
    assert s.create("Kim", current_role="Nurse").ok
    wb = cw.load(tmp_path / "new" / "kim.yaml")
    assert wb.person.current_role == "Nurse" and wb.person.start_date == date(2026, 3, 1)
    assert not s.create("Kim").ok


def test_create_with_blank_name_writes_nothing(tmp_path):
    s = Session(tmp_path / "kim.yaml")
    result = s.create("  ")
    assert not result.ok and "your name must not be blank" in result.message
    assert "person.name" not in result.message and result.field == "person.name"
    assert not (tmp_path / "kim.yaml").exists()


def test_start_shows_escaped_header_and_updates_after_save(tmp_path, monkeypatch):
    path = tmp_path / "x.yaml"
    store.save(cw.new_workbook(HOSTILE, target_role=HOSTILE), path)
    pub = FakeDisplay()
    monkeypatch.setattr(display_mod, "publish", pub)
    s = session_mod.start(path, today="2026-11-22", export_dir=tmp_path / "out")
    assert isinstance(s, Session)
    html = pub.shown[0].data
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert str(path) in html and "last saved" in html
    s.save(lambda wb: setattr(wb.person, "target_role", "Lead " + HOSTILE))
    assert len(pub.updates) == 1 and "<script>" not in pub.updates[0].data
    assert "aiming for Lead &lt;script&gt;" in pub.updates[0].data
    # a save of nothing the header shows (in the same minute) sends it no more
    monkeypatch.setattr(Session, "last_saved", lambda self: datetime(2020, 1, 2, 10, 30))
    s.save(lambda wb: wb.strengths.append("Listening"))
    assert len(pub.updates) == 2 and "10:30" in pub.updates[1].data
    s.save(lambda wb: wb.strengths.append("Patience"))
    assert len(pub.updates) == 2


def test_header_for_missing_workbook_points_to_notebook_00(tmp_path):
    s = Session(tmp_path / "none.yaml")
    assert "open 00_start_here to create it" in header_html(s)


# ----------------------------------------------------------------------------- the app's folder
@pytest.fixture
def app_root(tmp_path, monkeypatch, small_path):
    """``$CAREER_WORKBOOK_ROOT`` points at folder ``app``; ``small_path`` lies outside it.
    Every ``store.load`` is recorded."""
    root = tmp_path / "app"
    root.mkdir()
    monkeypatch.setenv("CAREER_WORKBOOK_ROOT", str(root))
    monkeypatch.delenv("CAREER_WORKBOOK", raising=False)
    loaded = []
    real = store.load
    monkeypatch.setattr(store, "load", lambda path, *a, **k: loaded.append(path) or
                        real(path, *a, **k))
    return root, loaded


@pytest.mark.parametrize("how", ["argument", "environment", "dotdot", "symlink"])
def test_app_session_refuses_a_workbook_outside_its_folder(how, app_root, small_path,
                                                           monkeypatch):
    root, loaded = app_root
    before = small_path.read_bytes(), small_path.stat().st_mtime_ns
    if how == "argument":
        s = Session(small_path)
    elif how == "environment":
        monkeypatch.setenv("CAREER_WORKBOOK", str(small_path))
        s = Session(None)
    elif how == "dotdot":
        s = Session(root / ".." / small_path.name)
    else:
        (root / "link.yaml").symlink_to(small_path)
        s = Session(root / "link.yaml")
    assert s.refusal and "outside the folder" in s.refusal and s.error == s.refusal
    assert s.workbook is None and not s.missing and s.last_saved() is None
    assert loaded == [], "the outside file was read"
    s.reload()
    assert loaded == [] and s.workbook is None
    assert "outside the folder" in header_html(s) and "Sam Lee" not in header_html(s)
    assert not s.save(lambda wb: wb.strengths.append("x")).ok
    assert "refused" in repr(s)
    assert (small_path.read_bytes(), small_path.stat().st_mtime_ns) == before


def test_app_session_does_not_create_outside_its_folder(app_root, tmp_path):
    target = tmp_path / "elsewhere" / "new.yaml"
    s = Session(target)
    result = s.create("Kim")
    assert not result.ok and "outside the folder" in result.message
    assert not target.exists() and not target.parent.exists()


def test_app_session_opens_and_creates_inside_its_folder(app_root):
    root, loaded = app_root
    s = Session(root / "kim.yaml", today="2026-03-01")
    assert s.refusal is None and s.missing
    assert s.create("Kim").ok and s.workbook.person.name == "Kim"
    assert loaded and Path(loaded[-1]) == (root / "kim.yaml").resolve()


def test_resolve_path_checks_the_app_folder_only_when_set(tmp_path, monkeypatch):
    from career_workbook.workspace import WorkspaceError

    monkeypatch.delenv("CAREER_WORKBOOK_ROOT", raising=False)
    assert resolve_path(tmp_path / "b" / "x.yaml") == tmp_path / "b" / "x.yaml"
    monkeypatch.setenv("CAREER_WORKBOOK_ROOT", str(tmp_path / "a"))
    with pytest.raises(WorkspaceError, match="outside the folder"):
        resolve_path(tmp_path / "b" / "x.yaml")
    assert resolve_path(tmp_path / "a" / "x.yaml") == (tmp_path / "a" / "x.yaml").resolve()


def test_app_coach_overview_refuses_a_folder_outside_the_app_folder(app_root, small_path):
    from career_workbook.widgets.coach import load_caseload

    root, loaded = app_root
    caseload = load_caseload(small_path.parent, today="2026-11-22")
    assert caseload.workbooks == {} and loaded == []
    assert any("outside the folder" in p for p in caseload.problems)
    assert load_caseload(root).problems == []


def test_app_caseload_calendar_refuses_a_folder_outside_the_app_folder(app_root, small_path):
    from career_workbook.widgets.coach import caseload_calendar_button

    _root, loaded = app_root
    box = caseload_calendar_button(small_path.parent, today="2026-11-22")
    box.children[0].click()
    assert "outside the folder" in box.children[1].value and loaded == []
    assert not (small_path.parent / "calendar").exists()


# ----------------------------------------------------------------------------- field helpers
def test_check_model_messages_are_plain_sentences():
    goal, errors = check_model(Goal, {"text": "", "confidence": 0},
                               {"text": "Your goal", "confidence": "Confidence"})
    assert goal is None
    assert errors == {"text": "Your goal must not be blank",
                      "confidence": "Confidence must be between 1 and 10 (you entered 0)"}


def test_friendly_message_covers_common_errors():
    assert friendly_message("Kind", {"type": "literal_error", "ctx": {"expected": "'a' or 'b'"},
                                     "input": "c"}) == "Kind must be one of 'a' or 'b'"
    assert "whole number" in friendly_message("Hours", {"type": "int_type", "input": "x"})
    assert friendly_message("Note", {"type": "value_error", "msg": "Value error, odd",
                                     "input": 1}) == "Note: odd"


def test_lines_and_keys():
    assert lines(None) == [] and lines(" a \r\nb\n\n a") == ["a", "b"]
    assert error_key(("ratings", "Public Speaking"), ["ratings.Public Speaking"]) == \
        "ratings.Public Speaking"
    assert field_for_problem(None, None, {"a": 1}) is None


def test_make_field_rejects_unknown_kind_and_shows_escaped_message():
    with pytest.raises(ValueError, match="kind = 'colour'"):
        make_field("x", "X", "colour")
    f = make_field("name", "Name", "text", help=HOSTILE)
    f.error(HOSTILE)
    assert "<script>" not in f.message.value and "&lt;script&gt;" in f.message.value
    assert all("<script>" not in getattr(c, "value", "") for c in f.box.children)


WIDGET_MODULES = [
    "career_workbook.widgets.fields", "career_workbook.widgets.session",
    "career_workbook.widgets.display", "career_workbook.widgets.forms_skills",
    "career_workbook.widgets.forms_feedback", "career_workbook.widgets.forms_goals",
    "career_workbook.widgets.forms_plan", "career_workbook.widgets.forms_network",
    "career_workbook.widgets.forms_review", "career_workbook.analysis.cohort",
    "career_workbook.widgets.merge", "career_workbook.widgets.inputs",
    "career_workbook.widgets.forms_history", "career_workbook.widgets.forms_opportunities",
    "career_workbook.widgets.heap",
]


@pytest.mark.parametrize("name", WIDGET_MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_import_is_lean():
    import subprocess
    import sys

    code = ("import sys, career_workbook.widgets as ui; "
            "print([m for m in ('pandas', 'matplotlib') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


_CHARTED = [nb for nb in sorted(Path(__file__).resolve().parents[1].glob(
    "notebooks/[0-9][0-9]_*.ipynb")) if "show_chart(" in nb.read_text(encoding="utf-8")]


@pytest.mark.parametrize("notebook", _CHARTED, ids=lambda p: p.stem)
def test_the_forms_before_a_notebooks_first_chart_load_no_matplotlib(tmp_path, notebook):
    """On Run All the kernel sends a cell's form to the page when the cell ends: a form
    that loaded matplotlib (0.3 s) kept the page waiting for it, while the next cell, the
    first chart, loads it anyway (05's role picker did, to suggest a role)."""
    import shutil
    import subprocess
    import sys

    import nbformat

    root = Path(__file__).resolve().parents[1]
    workbook = tmp_path / "priya.yaml"
    shutil.copy(root / "examples" / "workbooks" / "priya_data_analyst.yaml", workbook)
    cells = [c.source for c in nbformat.read(notebook, as_version=4).cells
             if c.cell_type == "code"][1:]  # after the parameters cell
    before = cells[:next(i for i, c in enumerate(cells) if "show_chart(" in c)]
    code = (f"workbook, today, export_dir = {str(workbook)!r}, '2026-11-22', None\n"
            + "\n".join(before)
            + "\nimport sys\nprint([m for m in ('matplotlib', 'career_workbook.charts') "
              "if m in sys.modules])")
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]", (notebook.stem, done.stdout)


# ----------------------------------------------------------------------------- hostile files
BAD_FILES = {
    "integer of 5,000 digits": "person: {name: Sam}\nvision: {horizon_years: " + "7" * 5000
                               + "}\n",
    "invalid YAML": "person: {name: [\n",
    "not UTF-8": b"person: {name: \xff\xfe}\n",
    "a list, not a workbook": "- 1\n- 2\n",
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_session_never_crashes_on_a_bad_file_and_forms_refuse_to_save(tmp_path, content):
    from career_workbook import widgets as ui

    path = tmp_path / "bad.yaml"
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    before = path.read_bytes()
    s = Session(path)  # must not raise
    assert s.workbook is None and "bad.yaml" in s.error
    assert "read-only" in s.unavailable_message() and "Traceback" not in header_html(s)
    for form in (ui.profile_form, ui.strengths_form, ui.check_in_form):
        view = form(s)
        assert view.buttons == {} and "bad.yaml" in view.children[1].value
    assert not s.save(lambda wb: wb.strengths.append("x")).ok
    assert path.read_bytes() == before


def test_a_file_broken_after_the_form_was_shown_is_not_saved_over(small_path):
    from career_workbook import widgets as ui

    s = Session(small_path)
    view = ui.strengths_form(s)
    small_path.write_text("person: {name: Sam}\nvision: {horizon_years: " + "7" * 5000 + "}\n")
    before = small_path.read_bytes()
    view.fields["strengths"].value = "Listening"
    view.buttons["save"].click()  # must not raise
    assert "Not saved" in view.status.value and "sam.yaml" in view.status.value
    assert small_path.read_bytes() == before


def test_start_names_slider_handles_for_screen_readers(tmp_path, monkeypatch):
    from IPython.display import Javascript

    pub = FakeDisplay()
    monkeypatch.setattr(display_mod, "publish", pub)
    session_mod.start(tmp_path / "x.yaml")
    scripts = [o for o in pub.shown if isinstance(o, Javascript)]
    assert len(scripts) == 1
    assert "[role=\"slider\"]" in scripts[0].data and "aria-label" in scripts[0].data
    assert ".widget-label" in scripts[0].data


def test_start_asks_before_jupyterlab_closes_with_unsaved_input(tmp_path, monkeypatch):
    """JupyterLab: one script, which also asks before the page is closed while a form is
    marked unsaved; the app's page defines ``window.cwUnsaved`` first (it asks on its
    links too), and the script then leaves it alone."""
    from IPython.display import Javascript

    pub = FakeDisplay()
    monkeypatch.setattr(display_mod, "publish", pub)
    session_mod.start(tmp_path / "x.yaml")
    script = next(o for o in pub.shown if isinstance(o, Javascript)).data
    assert "if (window.cwUnsaved) { return; }" in script
    assert "querySelector('.cw-unsaved')" in script and "'beforeunload'" in script


def test_start_stays_the_function_after_the_start_page_is_imported():
    """``ui.start`` opens a notebook's session; a submodule named ``start`` would replace it."""
    import career_workbook.widgets as ui
    import career_workbook.widgets.start_page  # noqa: F401  (the app's start page)

    assert callable(ui.start) and not isinstance(ui.start, type(ui))


def test_a_save_over_hand_written_comments_says_so_in_the_status_not_as_a_warning(small_path,
                                                                                 recwarn):
    """A form's save rewrote the file and lost the person's `# ...` lines: the store's
    warning went to the kernel log (or in red under the cell); the form's status says it."""
    text = small_path.read_text(encoding="utf-8")
    small_path.write_text(text.replace("\nperson:", "\n# ask Dana about the budget\nperson:", 1),
                          encoding="utf-8")
    s = Session(small_path)
    result = s.save(lambda wb: wb.strengths.append("Listening"))
    assert result.ok and result.message.startswith("Saved at ")
    assert "comments written in the file by hand were not kept" in result.message
    assert not [w for w in recwarn if issubclass(w.category, store.CommentsNotKeptWarning)]
    again = s.save(lambda wb: wb.strengths.append("Writing"))  # no comments left to lose
    assert again.ok and "comments" not in again.message
