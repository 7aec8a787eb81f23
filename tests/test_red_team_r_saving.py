"""Red-team walk R (everywhere a workbook is written: is a saved answer ever lost?).

1. ``career-workbook calendar kim.yaml --out ana.yaml`` (a coach's slip of the tab key)
   wrote the calendar over Ana's workbook: her answers were gone, with no earlier version
   in the history (an export is not a save), and ``history``/``undo`` then failed on the
   calendar. ``cohort``'s CSV could do the same through the API. An export now never
   writes to a workbook's name (:func:`career_workbook.store.write_output`).
"""

from __future__ import annotations

from datetime import date
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
