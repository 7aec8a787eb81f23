"""Progress saved at a check-in dated before its goal was set (a file from an older version,
or edited by hand): one rule (analysis.progress.early_progress) for validate, the frames, the
progress chart and the pack: not counted, not drawn, named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

import career_workbook as cw
from career_workbook import charts, cli
from career_workbook.analysis import progress
from career_workbook.analysis.progress import goal_progress_frame, progress_history_frame
from career_workbook.figures import make_figure
from tests.helpers.workbooks import write_workbook

TODAY = date(2026, 11, 10)


def _with_check_in(path: Path, day: date, progress: dict[str, int]) -> Path:
    """The file at ``path`` with one more check-in, written as a hand edit would."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["check_ins"].append({"date": day, "progress": progress})
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _legend_note(fig) -> str:
    return " ".join(leg.get_title().get_text() for leg in fig.legends).replace("\n", " ")


def test_half_filled_early_progress_is_named_and_left_out(tmp_path, capsys):
    # the half-filled goal was set on 1 Nov 2026; progress typed on 20 Oct 2026
    path = _with_check_in(write_workbook("half", tmp_path), date(2026, 10, 20),
                          {"g-lead": 40})
    assert cli.main(["validate", str(path), "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert ("check-in 2, progress.g-lead = 40 is dated 2026-10-20, before its goal was set "
            "(goal 1 (“Become a team lead”), created = 2026-11-01)") in out
    wb = cw.load(path)
    assert progress_history_frame(wb, TODAY).empty
    row = goal_progress_frame(wb, TODAY).iloc[0]
    assert row["track"] == "not started" and row["early"] == 1 and row["source"] is None
    note = _legend_note(make_figure(wb, "progress", today=TODAY))  # as notebook and pack
    assert "1 progress entry not drawn: dated before its goal was set" in note


def test_new_workbook_goal_keeps_progress_from_its_set_day_on(tmp_path):
    # a goal added to a just-created workbook; two early entries, one on the day it was set
    path = write_workbook("new", tmp_path)
    wb = cw.load(path)
    wb.goals.append(cw.Goal(id="g-run", text="Run 10 km by June 2027",
                            created=date(2026, 9, 15), deadline=date(2027, 6, 30)))
    wb.check_ins += [cw.CheckIn(date=date(2026, 9, 1), progress={"g-run": 30}),
                     cw.CheckIn(date=date(2026, 9, 14), progress={"g-run": 35}),
                     cw.CheckIn(date=date(2026, 9, 15), progress={"g-run": 10}),
                     cw.CheckIn(date=date(2026, 10, 15), progress={"g-run": 20})]
    early = progress.early_progress(wb, TODAY)
    assert [(e.check_in, e.progress) for e in early] == [(0, 30), (1, 35)]
    hist = progress_history_frame(wb, TODAY)
    assert hist["actual"].tolist() == [10.0, 20.0]
    row = goal_progress_frame(wb, TODAY).iloc[0]
    assert row["actual"] == 20.0 and row["early"] == 2
    note = _legend_note(charts.plot_progress(hist, goal_progress_frame(wb, TODAY), TODAY))
    assert "2 progress entries not drawn" in note


@pytest.mark.parametrize("created", [None, date(2062, 9, 15)])
def test_unusable_set_day_keeps_all_progress(created):
    # a set day not recorded, or typed with a wrong year: its pace starts at the first
    # progress (pace_start), so no progress is "before" it
    wb = cw.new_workbook("Nova Person", today=date(2026, 1, 1))
    wb.goals.append(cw.Goal(id="g1", text="Ship it", created=created,
                            deadline=date(2026, 12, 31)))
    wb.check_ins.append(cw.CheckIn(date=date(2026, 9, 1), progress={"g1": 30}))
    assert progress.early_progress(wb, TODAY) == []
    assert progress_history_frame(wb, TODAY)["actual"].tolist() == [30.0]
