"""Everything "as of today": nothing dated after ``today`` counts, in frames and charts.

Found by a red-team walk that time-travelled a workbook with ``--today``: a check-in of
24 Dec 2027 drew the wellbeing headline and a 90 % progress point in a pack of 6 Sep 2027,
a milestone done in July counted in June, a goal completed on 20 June was done on 15 June.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from career_workbook import analysis, figures, frames
from career_workbook.model import (
    Achievement,
    Assessment,
    CheckIn,
    Feedback,
    Goal,
    LearningItem,
    Milestone,
    Opportunity,
    Skill,
    StageChange,
    new_workbook,
)

TODAY = date(2027, 9, 6)
FUTURE = date(2027, 12, 24)


def time_travelled():
    """A workbook seen on ``TODAY`` with entries dated after it in every section."""
    wb = new_workbook("Sam Lee", today=date(2027, 1, 1))
    wb.skills.append(Skill(name="SQL", target_level=4))
    wb.goals += [
        Goal(id="g1", text="Ship the data platform", status="active",
             created=date(2027, 1, 1), deadline=date(2027, 12, 31)),
        Goal(id="g2", text="Give a talk", status="done", created=date(2027, 1, 1),
             deadline=date(2027, 12, 31), completed_on=FUTURE,
             milestones=[Milestone(title=f"m{i}", due=date(2027, 3 * i, 1),
                                   done_on=day)
                         for i, day in enumerate([date(2027, 2, 1), date(2027, 8, 1),
                                                  FUTURE, None], start=1)]),
    ]
    wb.check_ins += [
        CheckIn(date=date(2027, 4, 1), motivation=7, confidence=7, progress={"g1": 30}),
        CheckIn(date=date(2027, 6, 1), motivation=5, confidence=6, progress={"g1": 55}),
        CheckIn(date=FUTURE, motivation=9, confidence=9, progress={"g1": 90}),
    ]
    wb.assessments += [Assessment(date=date(2027, 2, 1), ratings={"SQL": 2}),
                       Assessment(date=FUTURE, ratings={"SQL": 4})]
    wb.feedback += [Feedback(rater_group="peer", rater_id=f"p{i}", date=FUTURE,
                             ratings={"SQL": 5}, reputation={"reliable": 5})
                    for i in range(3)]
    wb.learning += [
        LearningItem(title="SQL course", skill="SQL", hours=10, started_on=date(2027, 3, 1),
                     completed_on=FUTURE, status="done"),
        LearningItem(title="Next book", skill="SQL", hours=5, started_on=FUTURE),
    ]
    wb.achievements.append(Achievement(date=FUTURE, title="Platform live"))
    wb.opportunities.append(Opportunity(
        id="o1", title="Lead role", stage="offer", spotted=date(2027, 7, 1), updated=FUTURE,
        stage_history=[StageChange(stage="spotted", date=date(2027, 7, 1)),
                       StageChange(stage="applied", date=date(2027, 8, 1)),
                       StageChange(stage="offer", date=FUTURE)]))
    wb.opportunities.append(Opportunity(id="o2", title="Later", spotted=FUTURE))
    return wb


def test_as_of_leaves_out_what_happens_after_today():
    from career_workbook.analysis.period import as_of

    wb = time_travelled()
    seen = as_of(wb, TODAY)
    assert [c.date for c in seen.check_ins] == [date(2027, 4, 1), date(2027, 6, 1)]
    assert [a.date for a in seen.assessments] == [date(2027, 2, 1)]
    assert seen.feedback == [] and seen.achievements == []
    assert [(i.title, i.status, i.completed_on) for i in seen.learning] == [
        ("SQL course", "in_progress", None)]
    g2 = seen.goal("g2")
    assert (g2.status, g2.completed_on) == ("active", None)
    assert [m.done_on for m in g2.milestones] == [date(2027, 2, 1), date(2027, 8, 1),
                                                  None, None]
    assert [(o.id, o.stage, o.updated) for o in seen.opportunities] == [("o1", "applied", None)]
    assert wb.goal("g2").status == "done" and len(wb.check_ins) == 3  # wb is unchanged


def test_frames_take_today():
    wb = time_travelled()
    history = analysis.progress_history_frame(wb, TODAY)
    assert history["date"].max() == pd.Timestamp("2027-08-01")  # g2's milestone step
    assert history[history["goal_id"] == "g1"]["actual"].tolist() == [30.0, 55.0]
    assert analysis.wellbeing_frame(wb, today=TODAY)["motivation"].tolist() == [7.0, 5.0]
    assert analysis.wellbeing_summary(wb, today=TODAY).date == date(2027, 6, 1)
    learning = analysis.learning_hours_frame(wb, today=TODAY)
    assert learning[["title", "date"]].values.tolist() == [
        ["SQL course", pd.Timestamp("2027-03-01")]]
    assert analysis.skill_gap_frame(wb, today=TODAY).loc[0, ["current", "others"]].isna(
    ).tolist() == [False, True]
    assert analysis.skill_gap_frame(wb, today=TODAY).loc[0, "current"] == 2.0
    assert analysis.feedback_360_frame(wb, today=TODAY).empty
    assert analysis.reputation_frame(wb, today=TODAY)["n_others"].sum() == 0
    assert analysis.readiness_history_frame(wb, today=TODAY)["date"].tolist() == [
        pd.Timestamp("2027-02-01")]
    status = analysis.opportunity_status_frame(wb, TODAY)
    assert status[["opportunity_id", "stage", "open"]].values.tolist() == [
        ["o1", "applied", True]]


def test_summary_is_as_of_today():
    s = analysis.summary(time_travelled(), TODAY)
    assert s.readiness == 50.0  # SQL 2 of 4: the rating of 24 Dec has not happened yet
    assert (s.goals_active, s.goals_done) == (2, 0)
    assert s.last_check_in == date(2027, 6, 1)


def test_goal_done_after_today_is_not_done_yet():
    wb = time_travelled()
    before = analysis.goal_progress_frame(wb, date(2027, 12, 23)).set_index("goal_id")
    assert before.loc["g2", ["actual", "source"]].tolist() == [50.0, "milestones"]
    assert before.loc["g2", "track"] != "done"
    after = analysis.goal_progress_frame(wb, FUTURE).set_index("goal_id")
    assert after.loc["g2", "track"] == "done"


def test_goals_table_and_scorecard_give_the_status_on_today():
    # the table said "done" beside a progress column that said not done yet
    wb = time_travelled()
    table = analysis.goals_table_frame(wb, TODAY).set_index("goal_id")
    card = analysis.smart_scorecard_frame(wb, TODAY).set_index("goal_id")
    assert table.loc["g2", "status"] == card.loc["g2", "status"] == "active"
    assert analysis.goals_table_frame(wb, FUTURE).set_index("goal_id").loc["g2", "status"] \
        == "done"


def test_charts_are_as_of_today():
    wb = time_travelled()
    memo = figures.frames_of(wb, today=TODAY)
    figs = figures.make_figures(wb, today=TODAY, frames=memo,
                                slugs=["wellbeing", "progress", "goal_timeline"])
    assert "recovering" not in figs["wellbeing"].get_suptitle()
    reported = [line for ax in figs["progress"].axes for line in ax.get_lines()
                if line.get_label() == "Actual"]
    assert [list(line.get_ydata()) for line in reported] == [[30.0, 55.0], [25.0, 50.0]]
    assert max(pd.to_datetime(line.get_xdata()).max() for line in reported) <= pd.Timestamp(
        TODAY)
    subtitle = " ".join(ax.get_title("left") for ax in figs["goal_timeline"].axes)
    assert "2 of 4 milestones done" in subtitle
    assert memo.goals.set_index("goal_id").loc["g2", "status"] == "active"
    assert memo.milestones["done"].tolist() == [True, True, False, False]
    assert frames.milestones_frame(wb)["done"].tolist() == [True, True, True, False]


def contacts_after_the_period():
    """A H1 review of a workbook whose contacts were all reached again in the autumn."""
    from career_workbook.model import Contact

    wb = new_workbook("Sam Lee", today=date(2026, 1, 1))
    wb.contacts += [
        Contact(id="c1", name="Ana", relationship="mentor", last_contact=date(2026, 6, 1),
                next_follow_up=date(2026, 6, 15)),
        Contact(id="c2", name="Bo", relationship="sponsor", last_contact=date(2026, 9, 1),
                next_follow_up=date(2026, 12, 1)),
        Contact(id="c3", name="Cy", relationship="peer", last_contact=date(2026, 11, 20)),
    ]
    return wb


def test_a_last_contact_after_the_day_is_not_known_yet():
    """Red team: an H1 pack said "All 8 contacts reached in the last 90 days … as of 30 Jun"
    with six contacts last reached between August and November, drawn at 0 days."""
    from career_workbook.analysis.period import as_of, check_period, limit_workbook

    wb = contacts_after_the_period()
    june = date(2026, 6, 30)
    for seen in (as_of(wb, june), limit_workbook(wb, check_period("2026-01-01", june))):
        # every contact is kept (when one was added is not recorded); follow-ups as planned
        assert [(c.id, c.last_contact, c.next_follow_up) for c in seen.contacts] == [
            ("c1", date(2026, 6, 1), date(2026, 6, 15)), ("c2", None, date(2026, 12, 1)),
            ("c3", None, None)]
    net = analysis.network_summary(wb, june)
    assert net.contacts["days_since"].tolist()[0] == 29.0
    assert net.contacts["days_since"].isna().tolist() == [False, True, True]
    assert net.overdue_count == 1 and net.active_share == 1 / 3
    fig = figures.make_figures(wb, today=june, slugs=["network"])["network"]
    assert fig.get_suptitle() == "1 follow-up overdue"
    assert analysis.summary(wb, june).overdue_follow_ups == 1
    assert wb.contacts[1].last_contact == date(2026, 9, 1)  # wb is unchanged


def test_network_headline_names_contacts_with_none_recorded_by_then():
    wb = contacts_after_the_period()
    for c in wb.contacts:
        c.next_follow_up = None
    fig = figures.make_figures(wb, today=date(2026, 6, 30), slugs=["network"])["network"]
    assert fig.get_suptitle() == "2 contacts with no contact recorded yet"
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks[-1] == "none\nrecorded" and "0" in ticks
