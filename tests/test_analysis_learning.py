"""analysis.learning: hours over time and per skill."""

from __future__ import annotations

from datetime import date

import pytest

from career_workbook.analysis.learning import (
    LEARNING_BY_SKILL_COLUMNS,
    LEARNING_HOURS_COLUMNS,
    NO_SKILL,
    learning_by_skill_frame,
    learning_hours_frame,
    learning_later_frame,
    learning_later_note,
)
from career_workbook.model import LearningItem, Skill, new_workbook


def test_hours_frame(rich_wb, today):
    everything = learning_hours_frame(rich_wb, today=today)
    assert list(everything.columns) == list(LEARNING_HOURS_COLUMNS)
    undated = everything[everything["date"].isna()]  # no date at all: last, no running total
    assert undated["title"].tolist() == ["Python side project"]
    assert undated["cumulative_hours"].isna().all()
    hours = everything[everything["date"].notna()]
    assert everything.index[: len(hours)].tolist() == hours.index.tolist()
    assert hours["date"].is_monotonic_increasing
    assert NO_SKILL in set(hours["skill"])
    sql = hours[hours["skill"] == "SQL"].iloc[0]
    assert sql["date"].date().isoformat() == "2026-09-28"  # completed_on wins
    last = hours.groupby("skill")["cumulative_hours"].last()
    assert (last == hours.groupby("skill")["hours"].sum()).all()


def test_hours_without_dates_are_in_the_frame_so_the_chart_agrees_with_the_table():
    """Step 08: 2.5 h with no date showed in "Hours by skill" while the chart said "No
    learning logged yet"."""
    from career_workbook.model import LearningItem, new_workbook

    wb = new_workbook("Sam")
    wb.learning.append(LearningItem(title="Pandas book", hours=2.5))
    hours = learning_hours_frame(wb, today=date(2026, 11, 22))
    today = date(2026, 11, 22)
    assert hours["hours"].sum() == learning_by_skill_frame(wb, today=today)["hours"].sum() == 2.5
    assert hours["date"].isna().all()


def test_by_skill_frame(rich_wb, today):
    by_skill = learning_by_skill_frame(rich_wb, today=today).set_index("skill")
    assert list(by_skill.reset_index().columns) == list(LEARNING_BY_SKILL_COLUMNS)
    assert by_skill.index[-1] == NO_SKILL
    assert by_skill.loc["SQL"].tolist() == [1, 1, 20.0, 20.0]
    assert by_skill.loc["Statistics", ["done", "hours_done"]].tolist() == [0, 0.0]
    assert by_skill["items"].sum() == len(rich_wb.learning)


def test_empty(empty_wb):
    assert learning_hours_frame(empty_wb, today=date(2026, 11, 22)).empty
    assert learning_by_skill_frame(empty_wb, today=date(2026, 11, 22)).empty


# ---- one rule for the hours the chart and the table count (red-team walk of 08) ----------
def _walk_workbook(*more: LearningItem):
    wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.learning = [LearningItem(title="Stats course", hours=2.5, status="done",
                                started_on=date(2026, 11, 1)), *more]
    return wb


@pytest.mark.parametrize("later", [
    # the walk: 7 h on an item starting next month ("Hours by skill" said 9.5 h, the chart 2.5)
    LearningItem(title="Future done", hours=7, status="planned", started_on=date(2027, 1, 10)),
    LearningItem(title="Evening class", hours=4, status="in_progress",
                 started_on=date(2026, 12, 7)),  # tomorrow
    LearningItem(title="Exam", hours=3, status="done", completed_on=date(2027, 2, 1)),
])
def test_the_table_counts_the_hours_the_chart_counts_and_names_the_rest(later):
    wb = _walk_workbook(later)
    today = date(2026, 12, 6)
    chart, table = learning_hours_frame(wb, today=today), learning_by_skill_frame(wb, today=today)
    assert chart["hours"].sum() == table["hours"].sum() == 2.5
    assert table.set_index("skill").loc[NO_SKILL, "items"] == 1
    ahead = learning_later_frame(wb, today=today)
    assert ahead["title"].tolist() == [later.title]
    first = later.started_on or later.completed_on
    assert ahead["date"].dt.date.tolist() == [first]
    note = learning_later_note(ahead, today)
    assert note.startswith(f"{later.hours:g} h in “{later.title}”, dated ")
    assert note.endswith("is after today (6 Dec 2026): the charts and counts leave it out "
                         "until that day")
    # on the item's day, both count it
    assert learning_by_skill_frame(wb, today=first)["hours"].sum() == \
        learning_hours_frame(wb, today=first)["hours"].sum() == 2.5 + later.hours


def test_an_item_completed_after_today_counts_from_its_start_as_not_done_yet():
    wb = _walk_workbook(LearningItem(title="Book", hours=6, status="done",
                                     started_on=date(2026, 10, 1),
                                     completed_on=date(2026, 12, 20)))
    wb.skills.append(Skill(name="SQL"))
    table = learning_by_skill_frame(wb, today=date(2026, 12, 6)).set_index("skill")
    assert table.loc[NO_SKILL, ["items", "done", "hours", "hours_done"]].tolist() == \
        [2, 1, 8.5, 2.5]
    assert learning_later_frame(wb, today=date(2026, 12, 6)).empty


def test_later_items_are_named_with_their_hours_and_several_are_counted_together():
    wb = _walk_workbook(
        LearningItem(title="Planned", started_on=date(2027, 3, 1)),
        LearningItem(title="A", hours=2, status="in_progress", started_on=date(2027, 1, 5)),
        LearningItem(title="B", hours=1.5, status="in_progress", started_on=date(2027, 2, 9)))
    ahead = learning_later_frame(wb, today=date(2026, 12, 6))
    assert ahead["title"].tolist() == ["A", "B", "Planned"]
    assert learning_later_note(ahead, date(2026, 12, 6)) == (
        "3.5 h in 3 items, dated 5 Jan 2027 to 1 Mar 2027, are after today (6 Dec 2026): "
        "the charts and counts leave them out until those days")
    assert learning_later_note(ahead[ahead["title"] == "Planned"], date(2026, 12, 6)) == (
        "“Planned”, dated 1 Mar 2027, is after today (6 Dec 2026): the charts and counts "
        "leave it out until that day")
    assert learning_later_note(ahead[:0], date(2026, 12, 6)) == ""


# ------------------------------------------------------------------ one rounding of hours
def test_hours_are_shown_one_way_and_add_up_in_the_table_the_chart_and_the_chooser(tmp_path):
    # red team: 2.5 + 12.75 = 15.25 shown "15.2" in the table and the chart's title, while
    # 12.75 read "12.8" in the same row; and "most on Other" for learning with no skill
    import re

    import career_workbook as cw
    from career_workbook import figures, store
    from career_workbook import widgets as ui
    from career_workbook.model import LearningItem, Skill
    from tests.helpers.html_text import text_of

    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 1))
    wb.skills.append(Skill(name="SQL"))
    wb.learning += [
        LearningItem(title="Stats course", hours=2.5, status="done",
                     started_on=date(2026, 10, 1), completed_on=date(2026, 11, 1)),
        LearningItem(title="Pandas book", hours=12.75, started_on=date(2026, 11, 20)),
        LearningItem(title="SQL drills", skill="SQL", hours=0.35, started_on=date(2026, 11, 2)),
        LearningItem(title="SQL drills 2", skill="SQL", hours=0.35, started_on=date(2026, 11, 3))]
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    today = date(2026, 12, 6)
    chart = figures.make_figure(wb, "learning_hours", today=today)
    assert " ".join(chart.get_suptitle().split()) == (
        "15.95 hours of learning — most with no skill chosen (15.25 h)")
    legend = [t.get_text() for t in chart.legends[0].get_texts()]
    assert legend == ["No skill chosen (15.25 h)", "SQL (0.7 h)"]
    view = ui.learning_form(ui.Session(path, today=today.isoformat()))
    table = view.children[1].value
    rows = [[text_of(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S)]
    assert rows == [["SQL", "2", "0", "0.7", "0"],
                    ["No skill chosen", "2", "1", "15.25", "2.5"]]
    labels = [label for label, _ in view.chooser.options]
    assert "2. Pandas book (planned, 12.75 h)" in labels, labels


def test_a_done_item_with_no_date_counts_in_the_chart_s_total_as_in_the_table():
    """N11: a learning item marked done with no dates was counted in the learning table's
    hours but left out of the chart's headline total (only a note said so): the two
    disagreed. The chart cannot place it in time, but its total now counts it, as the
    table does, and the note says it is in the total, not drawn."""
    from career_workbook import charts
    from career_workbook.analysis.learning import learning_by_skill_frame, learning_hours_frame
    from career_workbook.model import LearningItem, Skill, new_workbook

    wb = new_workbook("Sam", today=date(2026, 1, 1))
    wb.skills += [Skill(name="Python"), Skill(name="SQL")]
    wb.learning += [
        LearningItem(title="Course", skill="Python", hours=10, status="done",
                     started_on=date(2026, 3, 1), completed_on=date(2026, 4, 1)),
        LearningItem(title="SQL book", skill="SQL", hours=2, status="done")]
    today = date(2026, 6, 1)
    table_hours = learning_by_skill_frame(wb, today=today)["hours"].sum()
    fig = charts.plot_learning_hours(learning_hours_frame(wb, today=today), today=today)
    head = fig.get_suptitle()
    assert table_hours == 12 and head.startswith("12 hours of learning"), head
    said = fig.axes[0].get_title(loc="left").replace("\n", " ")
    assert "2 h in 1 item without a date: in the total, not drawn" in said, said
