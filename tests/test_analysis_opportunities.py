"""The opportunity pipeline (issue 16 item 1): stages with history, age, stale flags."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import career_workbook as cw
from career_workbook import analysis, frames
from career_workbook.analysis.opportunities import (
    CLOSED_STAGES,
    OPEN_STAGES,
    days_still,
    is_stale,
    move_stage,
    next_stage,
    opportunity_status_frame,
    opportunity_steps_due,
    pipeline_frame,
    previous_stage,
    stale_opportunities,
)
from career_workbook.model import OPPORTUNITY_STAGES, Opportunity, StageChange

TODAY = date(2026, 11, 22)


def _wb() -> cw.Workbook:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.opportunities = [
        Opportunity(id="o1", title="Lead the billing migration", kind="stretch",
                    spotted=date(2026, 10, 1), stage="exploring",
                    stage_history=[StageChange(stage="spotted", date=date(2026, 10, 1)),
                                   StageChange(stage="exploring", date=date(2026, 10, 5))],
                    next_step="Ask Dana what the project needs", next_step_due=date(2026, 11, 20)),
        Opportunity(id="o2", title="Senior analyst, Northwind", kind="posting",
                    source="external", organisation="Northwind", spotted=date(2026, 11, 10),
                    stage="applied", next_step_due=date(2026, 12, 1)),
        Opportunity(id="o3", title="Talk at the data meetup", kind="speaking",
                    spotted=date(2026, 6, 1), stage="declined"),
        Opportunity(id="o4", title="Write for the team blog", kind="writing",
                    spotted=date(2026, 8, 1), updated=date(2026, 11, 15)),
    ]
    return cw.validate_workbook(wb)


def test_stages_cover_the_model_in_order():
    assert (*OPEN_STAGES, *CLOSED_STAGES) == OPPORTUNITY_STAGES


def test_moving_forward_and_back_keeps_every_change():
    opp = Opportunity(id="o9", title="Stretch", spotted=date(2026, 1, 5))
    for stage, day in (("exploring", 10), ("applied", 12), ("exploring", 20), ("applied", 25)):
        opp = move_stage(opp, stage, date(2026, 1, day))
    assert [(c.stage, c.date.day) for c in opp.stage_history] == [
        ("spotted", 5), ("exploring", 10), ("applied", 12), ("exploring", 20), ("applied", 25)]
    assert opp.updated == date(2026, 1, 25)
    assert move_stage(opp, "applied", date(2026, 2, 1)) is opp  # no move, no entry
    with pytest.raises(ValueError, match="stage = 'hired'"):
        move_stage(opp, "hired", TODAY)


def test_next_and_previous_stage_walk_the_path():
    stage, seen = "spotted", ["spotted"]
    while stage != "offer":
        stage = next_stage(stage)
        seen.append(stage)
    assert seen == ["spotted", "exploring", "applied", "interviewing", "offer"]
    assert previous_stage("spotted") == "spotted" and previous_stage("offer") == "interviewing"
    assert next_stage("not_now") == "exploring"


def test_status_ages_and_stale_flags():
    status = opportunity_status_frame(_wb(), TODAY).set_index("opportunity_id")
    assert status.loc["o1", "age_days"] == 52 and status.loc["o1", "days_still"] == 48
    assert status.loc["o1", "stale"] and status.loc["o1", "step_overdue"]
    assert not status.loc["o2", "stale"] and not status.loc["o2", "step_overdue"]
    assert not status.loc["o3", "stale"] and not status.loc["o3", "open"]  # closed: never stale
    assert status.loc["o4", "days_still"] == 7 and not status.loc["o4", "stale"]  # updated
    # N weeks is a parameter: with 8 weeks nothing is stale
    assert not opportunity_status_frame(_wb(), TODAY, stale_weeks=8)["stale"].any()


def test_pipeline_counts_every_stage_with_age():
    pipe = pipeline_frame(_wb(), TODAY).set_index("stage")
    assert list(pipe.index) == list(OPPORTUNITY_STAGES)
    assert pipe["count"].to_dict() == {"spotted": 1, "exploring": 1, "applied": 1,
                                       "interviewing": 0, "offer": 0, "declined": 1,
                                       "not_now": 0}
    assert pipe.loc["exploring", "stale"] == 1 and pipe.loc["exploring", "oldest_age_days"] == 52
    assert pipe.loc["interviewing", "median_age_days"] != pipe.loc["interviewing",
                                                                    "median_age_days"]  # NaN


def test_stale_and_due_lists():
    wb = _wb()
    assert [(o.id, days) for o, days in stale_opportunities(wb, TODAY)] == [("o1", 48)]
    assert [o.id for o in opportunity_steps_due(wb, TODAY)] == ["o1"]
    assert [o.id for o in opportunity_steps_due(wb, TODAY, within_days=14)] == ["o1", "o2"]


def test_frames_of_an_empty_workbook_keep_their_schema():
    empty = cw.new_workbook("Sam")
    for frame, full in ((frames.opportunities_frame(empty), frames.opportunities_frame(_wb())),
                        (opportunity_status_frame(empty, TODAY),
                         opportunity_status_frame(_wb(), TODAY)),
                        (pipeline_frame(empty, TODAY), pipeline_frame(_wb(), TODAY))):
        assert list(frame.dtypes.items()) == list(full.dtypes.items())
    assert analysis.pipeline_frame is pipeline_frame


@given(st.lists(st.sampled_from(OPPORTUNITY_STAGES), max_size=12))
def test_every_real_move_is_recorded_in_order(stages):
    opp = Opportunity(id="o1", title="Any", spotted=date(2026, 1, 1))
    moves = []
    for i, stage in enumerate(stages):
        day = date(2026, 1, 2 + i)
        before = opp.stage
        opp = move_stage(opp, stage, day)
        if stage != before:
            moves.append((stage, day))
    history = [(c.stage, c.date) for c in opp.stage_history]
    assert history == ([("spotted", date(2026, 1, 1)), *moves] if moves else [])
    assert opp.stage == (moves[-1][0] if moves else "spotted")


@given(st.lists(st.sampled_from(OPPORTUNITY_STAGES), min_size=1, max_size=8))
def test_moves_taken_back_the_same_day_leave_the_story_as_it_was(stages):
    """Red team K item 3: a stage set by mistake and corrected the same day reset the days
    at its stage (and hid a stale opportunity); any moves of one day that end where the day
    began are no movement, however many there were."""
    start = Opportunity(id="o1", title="Any", spotted=date(2026, 1, 1))
    start = move_stage(start, "exploring", date(2026, 1, 14))
    opp = start
    for stage in [*stages, "exploring"]:  # ends where the day began
        opp = move_stage(opp, stage, TODAY)
    assert opp.stage == "exploring" and opp.stage_history == start.stage_history
    assert days_still(opp, TODAY) == days_still(start, TODAY) == 312
    assert is_stale(opp, TODAY)


def test_a_mistake_taken_back_keeps_when_a_hand_written_record_reached_its_stage():
    # no history: ``updated`` is the day it reached its stage (written by hand)
    opp = Opportunity(title="Lead role", stage="applied", spotted=date(2026, 9, 1),
                      updated=date(2026, 10, 15))
    back = move_stage(move_stage(opp, "interviewing", TODAY), "applied", TODAY)
    assert [(c.stage, c.date) for c in back.stage_history] == [
        ("applied", date(2026, 10, 15))]
    assert days_still(back, TODAY) == days_still(opp, TODAY) == 38
    moved = move_stage(opp, "interviewing", TODAY)  # a real move: from the day it applied
    assert [(c.stage, c.date) for c in moved.stage_history] == [
        ("applied", date(2026, 10, 15)), ("interviewing", TODAY)]


def test_a_5000_character_title_is_refused_naming_field_and_value():
    data = {"person": {"name": "Sam"},
            "opportunities": [{"id": "o1", "title": "<b>" + "x" * 5_000, "spotted": TODAY}]}
    with pytest.raises(cw.WorkbookError) as info:
        cw.validate_workbook(data, path="sam.yaml")
    assert info.value.field == "opportunities[0].title"
    assert str(info.value).startswith("sam.yaml: opportunity 1, title = '<b>xxxx")
    assert "at most 2000 characters" in str(info.value)
