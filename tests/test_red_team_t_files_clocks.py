"""Red-team walk T: workbooks and commands from other machines (locales, editors, sync
tools)."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _c_locale_run(*argv: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """``career-workbook ARGV`` as on a machine set to the C locale, Python's UTF-8 mode off
    (a container, an SSH session): argv and the terminal are UTF-8 bytes all the same."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))}
    env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "career_workbook", *argv], cwd=cwd, env=env,
                          capture_output=True, timeout=120)


def test_c_locale_new_keeps_the_accented_name_and_prints_it(tmp_path):
    # old code: "person.name = '\udcc3\udc89mile ...': unable to parse raw data as a unicode
    # string", exit 1, no workbook
    done = _c_locale_run("new", "Émile Zoë", "--target-role", "Chef de projet",
                         "--dir", "workbooks", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    made = list((tmp_path / "workbooks").glob("*.yaml"))
    assert [p.name for p in made] == ["emile_zoe.yaml"]
    text = made[0].read_text(encoding="utf-8")
    assert "name: Émile Zoë" in text and "target_role: Chef de projet" in text


def test_c_locale_cohort_prints_accented_names_instead_of_stopping(tmp_path):
    # old code: "career-workbook cohort: error: 'ascii' codec can't encode character '\xe9'"
    folder = tmp_path / "workbooks"
    folder.mkdir()
    (folder / "jose.yaml").write_text("person: {name: José Müller}\n", encoding="utf-8")
    done = _c_locale_run("cohort", "workbooks", "--out", "out/cohort.csv", "--no-charts",
                         "--today", "2026-12-07", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "José Müller (jose)" in done.stdout.decode("utf-8")


def _saved_then(tmp_path: Path, damage) -> tuple[Path, str]:
    """A workbook saved twice (so one version is kept), then damaged on disk as a sync
    tool or a crash leaves it; the refusal ``cw.load`` gives."""
    import career_workbook as cw
    from career_workbook.store import new

    path = tmp_path / "jo (conflicted copy).yaml"
    wb = new(path, "Jo")
    wb.strengths.append("Listening")
    cw.save(wb, path)
    path.write_bytes(damage(path.read_bytes()))
    try:
        cw.load(path)
    except cw.WorkbookError as err:
        return path, str(err)
    raise AssertionError("the damaged file loaded")


def test_zero_bytes_from_a_sync_tool_name_the_line_and_the_way_back(tmp_path):
    # old code: "invalid YAML: unacceptable character #x0000: control characters are not
    # allowed" (no line, nothing to do)
    path, message = _saved_then(tmp_path, lambda data: data + b"\0" * 64)
    lines = path.read_bytes().count(b"\n")
    assert f"line {lines + 1} holds zero bytes" in message
    assert "career-workbook undo 'jo (conflicted copy).yaml'" in message


def test_a_file_cut_short_mid_line_says_so_and_offers_the_kept_version(tmp_path):
    # old code: "could not find expected ':' ... (noticed at line N)" only
    def cut(data: bytes) -> bytes:
        return data.rstrip(b"\n") + b"\ngoals:\n- text: Ship the\n  dead"

    path, message = _saved_then(tmp_path, cut)
    last = path.read_text(encoding="utf-8").count("\n") + 1
    assert f"the file ends in the middle of line {last} (“dead”)" in message
    assert "career-workbook undo 'jo (conflicted copy).yaml'" in message


def test_a_sync_tools_copy_of_a_workbook_is_named_by_validate_and_cohort(tmp_path):
    # old code: validate said "ok" and cohort listed Jordan three times without a word
    from career_workbook import batch, caseload

    folder = tmp_path / "workbooks"
    folder.mkdir()
    text = "person: {name: Jordan Blake}\n"
    names = ["jordan.yaml", "jordan (conflicted copy 2026-12-01).yaml", "jordan-DESKTOP-1.yaml",
             "jordan_2.yaml"]
    for name in names:
        (folder / name).write_text(text, encoding="utf-8")
    notes = {check.path.name: check.notes for check in batch.validate_paths([folder])}
    copies = {name for name, said in notes.items()
              if any("looks like a copy of jordan.yaml" in note for note in said)}
    assert copies == set(names[1:3])  # jordan_2: a second client of that name, as `new` makes
    report = caseload.cohort(folder, tmp_path / "cohort.csv", charts=False,
                             today=date(2026, 12, 7))
    assert {name for name, warning in report.warnings
            if "move the copy out of this folder" in warning} == set(names[1:3])


def test_history_lists_a_damaged_kept_version_without_offering_undo_of_it(tmp_path, capsys):
    # the advice of the two messages above is for the workbook, never for a kept copy
    from career_workbook import cli, store

    path = tmp_path / "jo.yaml"
    store.new(path, "Jo")
    kept = store._history_dir(path.resolve())
    kept.mkdir(parents=True)
    (kept / "2026-12-07T02-52-04.000000Z-000001.yaml").write_bytes(path.read_bytes() + b"\0")
    assert cli.main(["history", str(path)]) == 0
    out = capsys.readouterr().out
    assert "holds zero bytes (NUL)" in out and "undo 2026" not in out


def test_history_tells_a_version_saved_before_a_summer_time_change_on_its_own_clock(
        tmp_path, capsys, monkeypatch):
    # old code: every stamp was read with today's offset, so in December a version saved at
    # 00:30 on 31 October (summer time, Los Angeles) was listed as "30 Oct 2026 23:30"
    import time
    from datetime import UTC, datetime

    from career_workbook import cli, store

    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        in_summer = time.localtime().tm_isdst > 0
        # 00:30 on the clock of a day in the other season than today's
        saved = (datetime(2026, 1, 15, 8, 30, tzinfo=UTC) if in_summer
                 else datetime(2026, 7, 15, 7, 30, tzinfo=UTC))
        path = tmp_path / "jo.yaml"
        store.new(path, "Jo")
        kept = store._history_dir(path.resolve())
        kept.mkdir(parents=True)
        stamp = saved.strftime(store._STAMP_FORMAT)
        (kept / f"{stamp}-000001.yaml").write_bytes(path.read_bytes())
        assert cli.main(["history", str(path)]) == 0
        out = capsys.readouterr().out
        day = "15 Jan 2026" if in_summer else "15 Jul 2026"
        assert f"{day} 00:30" in out, out
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_notebook_left_open_past_midnight_counts_as_of_the_new_day(tmp_path, monkeypatch):
    # old code: Session.today was read once, when the notebook started: a check-in saved at
    # 00:01 was dated the evening before, and today's date typed in it was refused as a day
    # not come yet
    from career_workbook.widgets import session as session_mod

    class Clock(date):
        now = date(2026, 12, 31)

        @classmethod
        def today(cls):
            return cls.now

    monkeypatch.setattr(session_mod, "date", Clock)
    path = tmp_path / "jo.yaml"
    real = session_mod.Session(path)  # opened at 23:59 on 31 December
    real.create("Jo")
    pinned = session_mod.Session(path, today="2026-11-22")  # a run reproducing a day
    first = real.frames()
    Clock.now = date(2027, 1, 1)  # 00:01
    assert real.today == date(2027, 1, 1)
    assert real.frames() is not first  # counted again as of the new day
    assert pinned.today == date(2026, 11, 22)


def test_a_save_keeps_the_byte_order_mark_and_windows_line_ends_of_the_file(tmp_path):
    # old code: a workbook Notepad saved with a BOM and CRLF line ends came back LF without
    # the mark after any save, every line of it changed for the editor or git that wrote it
    import career_workbook as cw

    path = tmp_path / "josé.yaml"
    text = "person:\n  name: José Müller\n  coach: “Kim” – Lee\nstrengths:\n- Listening\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    wb = cw.load(path)
    wb.strengths.append("Writing\nclearly")  # a line break inside a value
    cw.save(wb, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    back = cw.load(path)
    assert back.person.name == "José Müller" and back.person.coach == "“Kim” – Lee"
    assert back.strengths == ["Listening", "Writing\nclearly"]
    back.strengths.pop()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # our own header, after the mark, is no hand comment
        cw.save(back, path)  # loaded as saved: no conflict with its own CRLF bytes
    assert cw.load(path).strengths == ["Listening"]
    plain = tmp_path / "plain.yaml"
    plain.write_bytes(text.encode("utf-8"))
    cw.save(cw.load(plain), plain)
    assert b"\r" not in plain.read_bytes() and not plain.read_bytes().startswith(b"\xef")


def test_a_workbook_saved_as_windows_text_names_the_line_as_the_person_wrote_it(tmp_path):
    # old code: "the file is not UTF-8 text (byte 0x93 on line 3); save it as UTF-8": a
    # byte number where the person wrote a quote mark, and not how to save it
    import career_workbook as cw

    path = tmp_path / "jose.yaml"
    text = "person:\n  name: Jose\n  coach: “Kim” – Müller\n"
    path.write_bytes(text.encode("cp1252"))
    try:
        cw.load(path)
    except cw.WorkbookError as err:
        message = str(err)
    else:
        raise AssertionError("a cp1252 file loaded")
    assert "line 3, “coach: “Kim” – Müller” in Windows or Latin-1 text" in message
    assert "Encoding: UTF-8" in message
    assert path.read_bytes() == text.encode("cp1252")  # nothing converted behind their back


def test_a_next_step_written_as_a_sentence_is_reminded_with_one_full_stop():
    # old code: "...: Send Ravi my 90-day plan before the second conversation..\nAfterwards"
    from career_workbook.analysis.reminders import calendar_events
    from career_workbook.store import loads

    wb = loads("person: {name: Jordan}\nopportunities:\n- title: Checkout lead\n"
               "  next_step: Send Ravi my plan before the second conversation.\n"
               "  next_step_due: 2026-12-10\n")
    texts = [e.description for e in calendar_events(wb, "jordan", today=date(2026, 12, 7))
             if "Send Ravi" in e.description]
    assert texts and all("conversation.\n" in t and ".." not in t for t in texts)
