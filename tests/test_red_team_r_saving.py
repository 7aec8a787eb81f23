"""Red-team walk R (everywhere a workbook is written: is a saved answer ever lost?).

1. ``career-workbook calendar kim.yaml --out ana.yaml`` (a coach's slip of the tab key)
   wrote the calendar over Ana's workbook: her answers were gone, with no earlier version
   in the history (an export is not a save), and ``history``/``undo`` then failed on the
   calendar. ``cohort``'s CSV could do the same through the API. An export now never
   writes to a workbook's name (:func:`career_workbook.store.write_output`).
2. A backup copied back over the workbook with its own time (``cp -p``, ``rsync -a``, a
   sync tool), then saved over by a form: the history kept the copy under that old time,
   and thinning by age dropped it at once when the history had a later version of that
   month (or day, or hour). It is now kept under the time it was put in place.
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import cli, store
from career_workbook.model import Goal


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "workbooks"
    kim = folder / "kim.yaml"
    store.new(kim, "Kim Lee", today=date(2026, 1, 5))
    with store.edit(kim) as wb:
        wb.goals.append(Goal(id="g1", text="Lead a data project by June 2027",
                             status="active", created=date(2026, 1, 5),
                             deadline=date(2027, 6, 30)))
    ana = folder / "Ana.YML"
    store.new(ana, "Ana Ruiz", today=date(2026, 1, 5))
    return kim, ana


@pytest.mark.parametrize("argv", [
    ["calendar", "{kim}", "--out", "{ana}"],
    ["calendar", "--all", "{folder}", "--out", "{ana}"],
])
def test_a_calendar_is_never_written_over_a_workbook(capsys, two, argv):
    kim, ana = two
    before = ana.read_bytes()
    names = {"kim": kim, "ana": ana, "folder": kim.parent}
    try:
        code = cli.main([a.format(**names) for a in argv])
    except SystemExit as done:
        code = done.code
    err = capsys.readouterr().err
    assert code != 0
    assert ana.read_bytes() == before  # was a VCALENDAR
    assert cw.load(ana).person.name == "Ana Ruiz"
    assert f"{ana}: that is a workbook's file name (.yml)" in err, err
    assert "Ana.ics" in err, err


def test_a_caseload_csv_is_never_written_over_a_workbook(two):
    from career_workbook import caseload

    kim, ana = two
    before = ana.read_bytes()
    with pytest.raises(store.OutputError, match="never writes over a workbook; name it Ana.csv"):
        caseload.cohort(kim.parent, ana, today=date(2026, 11, 22), charts=False)
    assert ana.read_bytes() == before


def test_a_backup_copied_back_with_its_old_time_stays_in_the_history(tmp_path):
    path = tmp_path / "kim.yaml"
    store.new(path, "Kim Lee")
    for strength in ("Listening", "Writing"):
        with store.edit(path) as wb:
            wb.strengths.append(strength)
    folder = path.parent / ".history" / path.name  # those two saves, 38 and 40 days ago
    for entry, days in zip(store.history(path), (38, 40), strict=True):
        stamp = (datetime.now(UTC) - timedelta(days=days)).strftime(store._STAMP_FORMAT)
        os.replace(entry.path, folder / f"{stamp}-{entry.version:06d}.yaml")
    backup = tmp_path / "backup.yaml"
    wb = cw.load(path)
    wb.strengths = ["From the backup"]
    store.save(wb, backup)
    day = time.time() - 41 * 86400  # the backup's own time, kept by the copy
    os.utime(backup, (day, day))
    shutil.copy2(backup, path)
    with store.edit(path) as wb:  # a form saves over it
        wb.weaknesses.append("Delegating")
    kept = [cw.load(e.path).strengths for e in store.history(path)]
    assert ["From the backup"] in kept, kept
    assert store.history(path)[0].saved_at > datetime.now(UTC) - timedelta(hours=1)
