"""``career-workbook history FILE`` and ``undo FILE [--to N]`` (issue 11 item 9)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import cli, store


@pytest.fixture
def path(tmp_path) -> Path:
    p = tmp_path / "alex.yaml"
    store.new(p, "Alex Doe", today=date(2026, 1, 5))
    for i in range(3):
        with cw.edit(p) as wb:
            wb.check_ins.append(cw.CheckIn(date=date(2026, 1, 6 + i), note=f"week {i}"))
    return p


def test_history_lists_numbered_versions_with_time_size_and_difference(path, capsys):
    assert cli.main(["history", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{path} now: 0 goals, 0 skills, 3 check-ins; 3 earlier version(s)"
    rows = lines[1:4]
    # when: the restore chooser's words (saved_when)
    pattern = r"  (\d)  (v\d+)  (?:today|yesterday) \d\d:\d\d +\d+\.\d KB  (.*)"
    found = [re.fullmatch(pattern, row) for row in rows]
    assert all(found), rows
    ids = [f"v{e.version}" for e in store.history(path)]
    assert [(m.group(1), m.group(2), m.group(3)) for m in found if m] == [
        ("1", ids[0], "1 check-in fewer"), ("2", ids[1], "2 check-ins fewer"),
        ("3", ids[2], "3 check-ins fewer")]
    assert lines[4].startswith(f"Bring one back with: career-workbook undo {path} --to {ids[0]} ")


def test_undo_to_a_version_id_brings_back_the_one_listed_after_another_save(path, capsys):
    """R7: `history`, then a save (a kernel, a coach), then `undo --to 3`: the numbers had
    moved on, and the version one newer than the one chosen came back. The id `history`
    shows (vK) names the same version whatever is saved meanwhile (fails before: `--to`
    took numbers only)."""
    assert cli.main(["history", str(path)]) == 0
    row = capsys.readouterr().out.splitlines()[3]  # number 3: no check-ins yet
    chosen = re.fullmatch(r"  3  (v\d+)  .*", row)[1]
    with cw.edit(path) as wb:  # saved between `history` and `undo`
        wb.strengths.append("Listening")
    assert cli.main(["undo", str(path), "--to", chosen]) == 0
    assert cw.load(path).check_ins == []
    out = capsys.readouterr().out
    assert out.startswith(f"Restored version 4 of {path} (saved ") and f"; {chosen})." in out


def test_undo_to_a_version_id_no_longer_kept_changes_nothing(path, capsys):
    before = path.read_bytes()
    assert cli.main(["undo", str(path), "--to", "v999"]) == 2
    assert "keeps no version v999" in capsys.readouterr().err
    with pytest.raises(SystemExit) as refused:  # argparse's own error, usage and all
        cli.main(["undo", str(path), "--to", "latest"])
    assert refused.value.code == 2
    assert "'latest' is neither a version id" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_history_of_a_new_workbook_says_there_is_none_yet(tmp_path, capsys):
    p = tmp_path / "sam.yaml"
    store.new(p, "Sam")
    assert cli.main(["history", str(p)]) == 0
    assert "No earlier versions yet" in capsys.readouterr().out


def test_undo_brings_back_the_previous_version_and_can_itself_be_undone(path, capsys):
    assert cli.main(["undo", str(path)]) == 0
    assert [c.note for c in cw.load(path).check_ins] == ["week 0", "week 1"]
    out = capsys.readouterr().out
    assert out.startswith(f"Restored version 1 of {path} (saved ")
    assert cli.main(["undo", str(path)]) == 0  # undo the undo
    assert [c.note for c in cw.load(path).check_ins] == ["week 0", "week 1", "week 2"]


def test_undo_to_a_numbered_version(path, capsys):
    assert cli.main(["undo", str(path), "--to", "3"]) == 0
    assert cw.load(path).check_ins == []
    assert cli.main(["history", str(path)]) == 0
    assert "  1  " in capsys.readouterr().out


@pytest.mark.parametrize("to", ["0", "4", "-1"])
def test_undo_refuses_a_number_that_is_not_listed(path, capsys, to):
    before = path.read_bytes()
    assert cli.main(["undo", str(path), "--to", to]) == 2
    err = capsys.readouterr().err
    assert f"--to {to}: {path} has 3 earlier version(s); choose 1 to 3" in err
    assert path.read_bytes() == before


def test_undo_without_history_and_history_of_a_missing_file(tmp_path, capsys):
    p = tmp_path / "sam.yaml"
    store.new(p, "Sam")
    assert cli.main(["undo", str(p)]) == 2
    assert "has no earlier version to go back to yet" in capsys.readouterr().err
    assert cli.main(["history", str(tmp_path / "nobody.yaml")]) == 1
    assert "no workbook at this path" in capsys.readouterr().err


def test_a_broken_current_file_can_still_be_listed_and_undone(path, capsys):
    path.write_text("person: {name: [unclosed\n", encoding="utf-8")
    assert cli.main(["history", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path} now: cannot be read (invalid YAML at line " in out
    assert re.search(r"  1  .* 0 goals, 0 skills, 2 check-ins\n", out)
    assert cli.main(["undo", str(path)]) == 0
    assert len(cw.load(path).check_ins) == 2


def test_history_into_a_closed_pipe_ends_quietly(path):
    """``career-workbook history x.yaml | head -1``: no "Broken pipe" error once head is done."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {**os.environ, "PYTHONPATH": str(Path(cli.__file__).parents[1])}
    try:
        done = subprocess.run([sys.executable, "-m", "career_workbook", "history", str(path)],
                              stdout=write_end, stderr=subprocess.PIPE, env=env, timeout=60)
    finally:
        os.close(write_end)
    assert done.stderr.decode() == ""
    assert done.returncode == 1


def test_history_counts_opportunities_and_milestones(tmp_path, capsys):
    # a version with 1 opportunity (the file now has 6) read "same counts; some text differs"
    p = tmp_path / "kim.yaml"
    store.new(p, "Kim Ode", today=date(2026, 1, 5))
    with cw.edit(p) as wb:
        wb.opportunities.append(cw.Opportunity(title="Speak at the meetup",
                                               spotted=date(2026, 1, 5)))
        wb.goals.append(cw.Goal(id="g1", text="Lead a data project by June 2027"))
    with cw.edit(p) as wb:
        wb.opportunities += [cw.Opportunity(title=f"Posting {n}", spotted=date(2026, 1, 6))
                             for n in range(5)]
        wb.goals[0].milestones.append(cw.Milestone(title="Pick the project"))
    assert cli.main(["history", str(p)]) == 0
    out = capsys.readouterr().out
    assert "1 milestone fewer, 5 opportunities fewer" in out
    assert "same counts" not in out and "some text differs" not in out
    with cw.edit(p) as wb:  # only a stage moves: said as what it is, no count
        wb.opportunities[0].stage = "applied"
    assert cli.main(["history", str(p)]) == 0
    first = capsys.readouterr().out.splitlines()[1]
    assert first.endswith("the same number of every kind of entry; changed: opportunities")
