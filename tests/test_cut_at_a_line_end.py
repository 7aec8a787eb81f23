"""T16: a workbook file cut short exactly at a line end (a sync tool, a crash, a half-copied
file) still reads as a smaller workbook. It is said where the person reads it (the notebook
header, ``validate``), and no save writes the shorter workbook over it until it is back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook.cli import main
from career_workbook.widgets.session import Session, header_html

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"))[0]


def _saved_example(tmp_path: Path) -> tuple[Path, bytes]:
    """An example workbook saved twice by the store (so the fuller version is kept in its
    history, and the file is as a save writes it); its bytes."""
    path = tmp_path / "client.yaml"
    cw.save(cw.load(EXAMPLE), path)
    wb = cw.load(path)
    wb.strengths.append("Staying calm under pressure")
    cw.save(wb, path)
    return path, path.read_bytes()


def _cut_points(data: bytes) -> list[int]:
    """Line ends to cut at: just before each later top-level section, and inside one."""
    lines = data.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if re.match(rb"[a-z_]+:", line)]
    picked = [starts[len(starts) // 3], starts[len(starts) // 2], starts[-1],
              starts[len(starts) // 2] + 3]
    return [len(b"".join(lines[:n])) for n in picked]


def test_a_file_cut_at_a_line_end_is_named_and_never_saved_over(tmp_path):
    # old code: the cut file loaded without a word (cut_short did not exist) and the next
    # save wrote the shorter workbook over it
    path, whole = _saved_example(tmp_path)
    full = cw.load(path)
    kept = store.history(path)[0]
    for at in _cut_points(whole):
        cut = whole[:at]
        path.write_bytes(cut)
        smaller = cw.load(path)  # it still reads, as a smaller workbook
        assert len(smaller.opportunities) < len(full.opportunities)
        note = store.cut_short(path)
        assert note is not None, at
        lines = len(cut.splitlines())
        assert f"it stops after line {lines}," in note
        assert "opportunities" in note and "`career-workbook undo client.yaml`" in note
        assert re.search(r"The version kept from today \d\d:\d\d holds the ", note)
        with (pytest.raises(store.WorkbookCutShortError, match="Nothing was saved"),
              cw.edit(path) as wb):
            wb.weaknesses.append("Saying no")
        assert path.read_bytes() == cut  # nothing written over it
        assert store.history(path)[0] == kept  # the fuller version is still the newest kept
        with pytest.raises(store.WorkbookCutShortError):
            cw.save(smaller, path)
    store.restore(path, 0)  # `undo` brings the fuller version back over the cut file
    assert cw.load(path).opportunities == full.opportunities[: len(cw.load(path).opportunities)]
    assert store.cut_short(path) is None
    with cw.edit(path) as wb:  # and saving works again
        wb.weaknesses.append("Saying no")


def test_a_save_that_removes_the_last_entries_is_not_taken_for_a_cut(tmp_path):
    # a save writes every section: removing the last opportunity, or all of them, leaves a
    # file that is a shorter workbook, not one cut short
    path, _ = _saved_example(tmp_path)
    wb = cw.load(path)
    wb.opportunities.pop()
    cw.save(wb, path)
    assert store.cut_short(path) is None
    wb.opportunities.clear()
    wb.learning.clear()
    cw.save(wb, path)
    assert store.cut_short(path) is None
    wb.strengths.append("Listening")
    cw.save(wb, path)  # no refusal


def test_validate_and_the_notebook_header_say_the_file_is_cut_short(tmp_path, capsys):
    path, whole = _saved_example(tmp_path)
    path.write_bytes(whole[: _cut_points(whole)[1]])
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "1 problem(s)" in out and "the file looks cut short" in out
    session = Session(path, today="2026-12-07")
    header = header_html(session)
    assert "client.yaml: the file looks cut short" in header
    assert "Restore an earlier version" in header
    result = session.save(lambda wb: wb.strengths.append("Patience"))
    assert not result.ok
    assert "Not saved" in result.message and "Your answers are still in the form" in result.message
    assert path.read_bytes() == whole[: _cut_points(whole)[1]]


def test_a_file_cut_inside_an_entry_says_it_was_cut_before_the_field_it_lacks(tmp_path, capsys):
    # old code: "feedback[9].rater_id: Field required (line 300)" only: a field to fix by
    # hand, when the file lost everything after that line
    path, whole = _saved_example(tmp_path)
    lines = whole.splitlines(keepends=True)
    inside = next(i for i, line in enumerate(lines) if line.startswith(b"- ")
                  and i > len(lines) // 3) + 1  # the line after an entry's first field
    path.write_bytes(b"".join(lines[:inside]))
    with pytest.raises(cw.WorkbookError):
        cw.load(path)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "the file looks cut short" in out and "career-workbook undo client.yaml" in out
    session = Session(path, today="2026-12-07")
    assert session.workbook is None and "the file looks cut short" in header_html(session)


def test_pack_refuses_and_cohort_warns_of_a_file_cut_short(tmp_path, capsys):
    # old code: the pack and the cohort row counted the smaller workbook without a word
    path, whole = _saved_example(tmp_path)
    path.write_bytes(whole[: _cut_points(whole)[1]])
    out = tmp_path / "packs"
    assert main(["pack", str(path), "--out", str(out), "--formats", "html",
                 "--today", "2026-12-07"]) == 1
    said = capsys.readouterr().out
    assert "FAILED client.yaml: the file looks cut short" in said, said
    assert "`career-workbook undo client.yaml`" in said and "then pack again" in said
    assert not (out / "client" / "review.html").exists()
    assert main(["cohort", str(tmp_path), "--out", str(tmp_path / "cohort.csv"), "--no-charts",
                 "--today", "2026-12-07"]) == 0
    said = capsys.readouterr().out
    assert "the file looks cut short" in said, said
    assert "the file looks cut short" in (tmp_path / "cohort.csv").read_text("utf-8-sig")


def test_the_cut_check_looks_at_the_newest_kept_version_only(tmp_path):
    """Every load and save asks whether the file was cut: it reads the newest kept version
    alone, not every kept version's size and time (a coach's cohort asks it per client)."""
    path, _ = _saved_example(tmp_path)
    for n in range(12):
        with cw.edit(path) as wb:
            wb.strengths.append(f"Strength {n}")
    key = store._key(path)
    every = store._entries(key)
    assert len(every) > 3
    assert store._entries(key, newest=True) == every[:1]
