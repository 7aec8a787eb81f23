"""A goal's progress is what is recorded, judged and drawn by one rule, and a goal's set day
is what the file says: the chart, the tables, the cover, the cohort, the coach's overview
and 09's goal review agree (red-team walk: a metric judged "behind" over a panel saying "No
progress recorded yet"; an old file's goal dated "today" at every load and at its first
save)."""

from __future__ import annotations

import csv
import math
import re
from datetime import date

import pandas as pd
import pytest

import career_workbook as cw
from career_workbook import analysis, caseload, figures, store
from career_workbook import widgets as ui
from career_workbook.analysis.progress import goal_progress_frame, progress_history_frame
from career_workbook.export.content import pack_content
from career_workbook.model import CheckIn, Goal, Metric, Milestone, new_workbook
from career_workbook.widgets.coach import load_caseload, overview_html
from tests.helpers.html_text import text_of

DAY = date(2026, 12, 6)
NO_PROGRESS = "No progress recorded yet"
UNDATED = "the day it was measured is not recorded"


def _page(widget) -> str:
    """Every text a form shows."""
    found = [widget.value] if isinstance(getattr(widget, "value", None), str) else []
    found += [_page(child) for child in getattr(widget, "children", ())]
    return text_of("\n".join(found), " ")


def _legend_note(fig) -> str:
    return " ".join(fig.legends[0].get_title().get_text().split())


def _panel_points(fig) -> list[tuple[float, float]]:
    """The (date number, %) of every marked point drawn in the progress panels."""
    import matplotlib.dates as mdates

    points = []
    for ax in fig.axes:
        for line in ax.get_lines():
            if line.get_marker() == "o":
                for x, y in zip(line.get_xdata(), line.get_ydata(), strict=True):
                    points.append((float(mdates.date2num(pd.Timestamp(x))), float(y)))
    return points


def _cohort_row(folder, out) -> dict[str, str]:
    caseload.cohort(folder, out, today=DAY, charts=False)
    with open(out, encoding="utf-8-sig") as f:
        (row,) = csv.DictReader(f)
    return row


# ----------------------------------------------------------------------------------------
# 1. A metric's share is progress: judged, counted and drawn alike
# ----------------------------------------------------------------------------------------
def _metric_wb(deadline: date, **metric) -> cw.Workbook:
    wb = new_workbook("Lucía Ortega", today=date(2026, 6, 1))
    wb.goals.append(Goal(id="g1", text="Run 10 km without stopping", status="active",
                         created=date(2026, 6, 1), deadline=deadline,
                         metric=Metric(name="km", **metric)))
    return wb


@pytest.mark.parametrize(("deadline", "track", "words"), [
    (date(2027, 6, 30), "behind", "0 of 1 active goal on track, 1 behind"),
    (date(2062, 6, 30), "ahead", "1 of 1 active goal on track"),  # 2062 typed for 2026
])
def test_a_metric_goal_is_drawn_where_it_is_judged_and_counted_alike(deadline, track, words,
                                                                     tmp_path):
    wb = _metric_wb(deadline, baseline=0, target=10, current=2.5)
    row = goal_progress_frame(wb, DAY).iloc[0]
    assert (float(row["actual"]), row["source"], row["track"]) == (25.0, "metric", track)

    # the chart draws the progress it is judged on: a point at 25 %, hollow, said undated
    hist = progress_history_frame(wb, DAY)
    assert hist[["goal_id", "actual", "source"]].values.tolist() == [["g1", 25.0, "metric"]]
    assert hist["date"].dt.date.tolist() == [DAY]
    fig = figures.make_figure(wb, "progress", today=DAY)
    assert " ".join(fig.get_suptitle().split()) == words
    note = _legend_note(fig)
    assert NO_PROGRESS not in note and UNDATED in note, note
    assert [y for _, y in _panel_points(fig)] == [25.0]
    assert track in [t.get_text() for t in fig.axes[0].texts]
    assert "Metric now" in [t.get_text() for t in fig.legends[0].get_texts()]

    # the cover, the cohort, the coach's overview and 09's goal review say the same
    counts = analysis.summary(wb, DAY).goal_counts
    assert analysis.goal_counts_words(counts) == words
    cover = {h.label: h for h in pack_content(wb, today=DAY).headlines}
    assert cover["Goals on track"].detail == analysis.goal_counts_words(counts, lead=False)
    assert cover["Goals behind"].value == ("1" if track == "behind" else "0")
    folder = tmp_path / "workbooks"
    folder.mkdir()
    store.save(wb, folder / "lucia.yaml")
    csv_row = _cohort_row(folder, tmp_path / "out" / "cohort.csv")
    assert csv_row["goals"] == words
    assert (csv_row["goals_behind"], csv_row["goals_not_started"]) == (
        "1" if track == "behind" else "0", "0")
    assert words in overview_html(load_caseload(folder, DAY))
    review = _page(ui.goal_review(ui.Session(folder / "lucia.yaml", today=DAY.isoformat())))
    assert track in review and "25" in review, review


def test_a_decreasing_metric_is_drawn_at_its_share_of_the_way():
    """Review time from 30 down to 12 hours, now 16: 14 of the 18 hours to cut, 78 %."""
    wb = _metric_wb(date(2027, 3, 31), baseline=30, target=12, current=16)
    row = goal_progress_frame(wb, DAY).iloc[0]
    hist = progress_history_frame(wb, DAY)
    assert hist["actual"].tolist() == [pytest.approx(100 * 14 / 18)] == [row["actual"]]
    fig = figures.make_figure(wb, "progress", today=DAY)
    assert [round(y) for _, y in _panel_points(fig)] == [78]


def test_a_goal_without_recorded_progress_is_not_started_everywhere(tmp_path):
    """A metric with no current value is no progress: not started, nothing drawn, and the
    chart says so."""
    wb = _metric_wb(date(2027, 6, 30), baseline=0, target=10)
    assert goal_progress_frame(wb, DAY).iloc[0]["track"] == "not started"
    assert progress_history_frame(wb, DAY).empty
    fig = figures.make_figure(wb, "progress", today=DAY)
    assert fig.get_suptitle() == "0 of 1 active goal on track, 1 not started"
    assert NO_PROGRESS in _legend_note(fig) and not _panel_points(fig)


def test_other_recorded_progress_comes_before_the_metric_in_the_chart_as_in_the_tables():
    """Check-in progress, then milestones, then the metric: the frame's ``actual`` and the
    chart's last point come from the same record; a goal marked done closes at 100 % on
    the day it was completed, not at an undated metric."""
    wb = new_workbook("Ade Bello", today=date(2026, 1, 5))
    km = Metric(name="km", baseline=0, target=10, current=4)
    wb.goals += [
        Goal(id="checked", text="Run 10 km", status="active", created=date(2026, 6, 1),
             deadline=date(2027, 6, 30), metric=km),
        Goal(id="steps", text="Run a 10 km race", status="active", created=date(2026, 6, 1),
             deadline=date(2027, 6, 30), metric=km,
             milestones=[Milestone(title="Sign up", done_on=date(2026, 9, 1)),
                         Milestone(title="Race day", due=date(2027, 6, 1))]),
        Goal(id="none-done", text="Swim 1 km", status="active", created=date(2026, 6, 1),
             deadline=date(2027, 6, 30), metric=km,
             milestones=[Milestone(title="Book lessons", due=date(2027, 1, 15))]),
        Goal(id="done", text="Run 5 km", status="done", created=date(2026, 3, 1),
             deadline=date(2026, 9, 30), completed_on=date(2026, 9, 20), metric=km),
    ]
    wb.check_ins.append(CheckIn(date=date(2026, 10, 1), progress={"checked": 60}))
    frame = goal_progress_frame(wb, DAY).set_index("goal_id")
    hist = progress_history_frame(wb, DAY)
    last = hist.groupby("goal_id").last()
    assert "metric" not in set(hist["source"])
    assert dict(frame["source"]) == {"checked": "check-in", "steps": "milestones",
                                     "none-done": "milestones", "done": "status"}
    for gid in ("checked", "steps", "done"):
        assert last.loc[gid, "actual"] == frame.loc[gid, "actual"], gid
        assert last.loc[gid, "source"] == frame.loc[gid, "source"], gid
    assert last.loc["done", "date"].date() == date(2026, 9, 20)
    assert "none-done" not in last.index  # no step done yet: nothing recorded to draw


@pytest.mark.parametrize("stem", ["jordan_engineer", "mei_career_changer", "tomas_nurse",
                                  "priya_data_analyst"])
def test_every_goal_judged_on_recorded_progress_is_drawn_at_it(stem):
    from tests.conftest import EXAMPLES

    wb = cw.load(EXAMPLES / f"{stem}.yaml")
    # the example as it is, and with each metric as its goal's only record (no milestones,
    # no check-in progress)
    measured = {g.id for g in wb.goals if g.metric is not None and g.status == "active"}
    assert measured  # every example measures one goal
    for only_metric in (False, True):
        if only_metric:
            wb.goals = [g.model_copy(update={"milestones": []}) if g.id in measured else g
                        for g in wb.goals]
            for c in wb.check_ins:
                c.progress = {k: v for k, v in c.progress.items() if k not in measured}
        _drawn_as_judged(wb, stem)
    frame = goal_progress_frame(wb, DAY).set_index("goal_id")
    assert set(frame.index[frame["source"] == "metric"]) == measured


def _drawn_as_judged(wb, stem):
    frame = goal_progress_frame(wb, DAY).set_index("goal_id")
    last = progress_history_frame(wb, DAY).groupby("goal_id").last()
    for gid, row in frame.iterrows():
        if row["source"] in ("check-in", "metric") or (
                row["source"] == "milestones" and row["actual"] > 0):
            assert last.loc[gid, "actual"] == pytest.approx(row["actual"]), (stem, gid)
        if math.isnan(row["actual"]):
            assert gid not in last.index and row["track"] in ("not started", "overdue")


# ----------------------------------------------------------------------------------------
# 2. A goal's set day is never invented: an old file's goal without one stays unknown
# ----------------------------------------------------------------------------------------
SCHEMA_1 = """\
person:
  name: Olu Adeyemi
  role: Analyst
goals:
- id: g1
  text: Lead the quarterly planning project by March 2027
  status: open
  deadline: 2027-03-31
- id: g2
  text: Read two books on facilitation
  status: open
checkins:
- date: 2026-10-05
  progress: {g1: 10}
- date: 2026-10-26
  progress: {g1: 15}
"""


def test_an_old_goal_without_a_set_day_is_paced_from_its_first_progress_not_today(tmp_path):
    path = tmp_path / "olu.yaml"
    path.write_text(SCHEMA_1, encoding="utf-8")
    wb = cw.load(path)
    assert [g.created for g in wb.goals] == [None, None]
    row = goal_progress_frame(wb, DAY).set_index("goal_id").loc["g1"]
    # 15 % in the 62 days since its first progress: far behind a March deadline (dated
    # today, it read "ahead": 15 % done in no time at all)
    assert row["pace_from"].date() == date(2026, 10, 5) and row["track"] == "behind"
    assert pd.isna(row["created"])
    notes = analysis.workbook_notes(wb, DAY)
    assert ("goal 1 (“Lead the quarterly planning project by…”), created is not recorded: "
            "its pace is measured from its first "
            "recorded progress (5 Oct 2026); add the day it was set to the file (created: "
            "YYYY-MM-DD)") in notes

    # saved once (cw.edit, as any form save): no day is written for it
    with cw.edit(path) as wb:
        wb.strengths.append("Planning")
    assert "created" not in path.read_text(encoding="utf-8")
    assert [g.created for g in cw.load(path).goals] == [None, None]

    row = _cohort_row(tmp_path, tmp_path / "out" / "cohort.csv")
    assert row["goals"] == "0 of 2 active goals on track, 1 behind, 1 not started"


def test_a_form_save_keeps_an_unknown_set_day_and_a_new_goal_is_set_today(tmp_path):
    path = tmp_path / "olu.yaml"
    path.write_text(SCHEMA_1, encoding="utf-8")
    session = ui.Session(path, today=DAY.isoformat())
    view = ui.goals_table(session)
    view.fields["confidence"].value = 6
    view.buttons["save"].click()
    assert "confidence 6" in text_of(view.status.value)
    saved = cw.load(path)
    assert saved.goals[0].confidence == 6 and saved.goals[0].created is None
    assert "created" not in path.read_text(encoding="utf-8")
    # the goal review moves its deadline (no set day to check it against)
    view = ui.goal_review(ui.Session(path, today=DAY.isoformat()))
    view.fields["deadline"].widget.value = "30 April 2027"
    view.buttons["save"].click()
    saved = cw.load(path)
    assert (saved.goals[0].deadline, saved.goals[0].created) == (date(2027, 4, 30), None)
    # a goal added by the drafter is set today
    view = ui.goal_drafter(ui.Session(path, today=DAY.isoformat()))
    view.fields["text"].value = "Run three planning workshops by 30 June 2027"
    view.buttons["save"].click()
    assert cw.load(path).goals[-1].created == DAY


SCHEMA_3 = ("schema_version: 3\n" + SCHEMA_1.replace("checkins:", "check_ins:")
            .replace("role:", "current_role:").replace("status: open", "status: active"))
"""The same file written by hand today, its goals without ``created``."""


@pytest.mark.parametrize("text", [SCHEMA_1, SCHEMA_3], ids=["schema 1", "schema 3"])
def test_a_goal_nobody_dated_is_marked_on_the_timeline_not_drawn_from_today(text):
    wb = store.loads(text)
    assert [g.created for g in wb.goals] == [None, None]
    fig = figures.make_figure(wb, "goal_timeline", today=DAY)
    texts = [" ".join(t.get_text().split()) for t in fig.axes[0].texts]
    assert "deadline; day set not recorded" in texts, texts
    assert "day set not recorded; no deadline" in texts, texts
    assert not [p for p in fig.axes[0].patches if p.get_width() > 0]  # no bar from "today"


def test_an_undated_goal_with_nothing_recorded_is_neither_ahead_nor_behind():
    """Nothing says when it was set nor when work began: its metric is progress, but no
    pace can be measured (dated today, 40 % done read 'ahead')."""
    wb = store.loads(SCHEMA_1.replace("  deadline: 2027-03-31\n", "  deadline: 2027-03-31\n"
                                      "  metric: {name: workshops, target: 5, current: 2}\n")
                     .replace("{g1: 10}", "{}").replace("{g1: 15}", "{}"))
    row = goal_progress_frame(wb, DAY).set_index("goal_id").loc["g1"]
    assert (float(row["actual"]), row["track"]) == (40.0, "on track")
    assert pd.isna(row["pace_from"]) and pd.isna(row["forecast"])
    assert analysis.workbook_notes(wb, DAY)[0].startswith(
        "goal 1 (“Lead the quarterly planning project by…”), created is not recorded: its "
        "pace will be measured from its first "
        "recorded progress")


# ----------------------------------------------------------------------------------------
# A goal reported at 100 % counts as done in 09's tables, the chart and the cover alike
# ----------------------------------------------------------------------------------------
def test_a_goal_reported_at_100_percent_is_done_in_the_table_the_chart_and_the_cover(
        tmp_path):
    # red team: Status "active" in 09's table (5 active) under a chart and a cover saying
    # "of 4 active goals ... (1 done)"
    wb = new_workbook("Lucía Ortega", today=date(2026, 9, 1))
    for i, text in enumerate(["Run 2 workshops for the sales team", "Ship the forecast",
                              "Mentor two juniors"]):
        wb.goals.append(Goal(id=f"g{i}", text=text, status="active", created=date(2026, 9, 1),
                             deadline=date(2027, 6, 30)))
    wb.goals.append(Goal(id="g9", text="Finish the UX course", status="done",
                         created=date(2026, 9, 1), completed_on=date(2026, 11, 1)))
    wb.check_ins.append(CheckIn(date=date(2026, 12, 1), progress={"g0": 100, "g1": 30}))
    path = tmp_path / "lucia.yaml"
    store.save(wb, path)

    counts = analysis.summary(wb, DAY).goal_counts
    words = analysis.goal_counts_words(counts)
    assert words == "1 of 2 active goals on track, 1 not started (2 done)"
    assert " ".join(figures.make_figure(wb, "progress", today=DAY).get_suptitle().split()) \
        == words
    cover = {h.label: h for h in pack_content(wb, today=DAY).headlines}
    assert cover["Goals on track"].detail == "of 2 active, 1 not started (2 done)"

    review = ui.goal_review(ui.Session(path, today=DAY.isoformat()))
    table = review.children[1].value.split("<tbody>")[1]
    rows = [[text_of(cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
    statuses = {row[0]: row[1] for row in rows}
    assert statuses["Run 2 workshops for the sales team"] == "reached 100 % — mark it done"
    assert list(statuses.values()).count("active") == counts.active == 2
    assert sum(s in ("done", "reached 100 % — mark it done") for s in statuses.values()) \
        == counts.done == 2
    mine = ui.goals_table(ui.Session(path, today=DAY.isoformat()))  # 04's list says it too
    assert "reached 100 % — mark it done" in _page(mine)
