"""Reputation in 360 feedback (issue 16 item 3): optional behaviour ratings in the same form
and CSV import, summarised under the anonymity rule, charted and in the pack."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import charts, store
from career_workbook import widgets as ui
from career_workbook.analysis import reputation_frame
from career_workbook.analysis.feedback import parse_feedback_csv_rows
from career_workbook.model import REPUTATION_BEHAVIOURS, Feedback, Skill
from career_workbook.widgets.forms_feedback import check_feedback_csv, read_feedback_csv

D = date(2026, 10, 1)


def _fb(group: str, rid: str, day: date = D, **reputation: int) -> Feedback:
    return Feedback(rater_group=group, rater_id=rid, date=day, reputation=reputation)


def _wb(*entries: Feedback) -> cw.Workbook:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills.append(Skill(name="SQL"))
    wb.feedback += entries
    return cw.validate_workbook(wb)


# ------------------------------------------------------------------ analysis: anonymity
def test_every_behaviour_has_a_row_and_fewer_than_three_raters_show_nothing():
    frame = reputation_frame(_wb(_fb("peer", "p1", reliable=5), _fb("manager", "m1", reliable=1)))
    assert list(frame["behaviour"]) == list(REPUTATION_BEHAVIOURS)
    row = frame.set_index("behaviour").loc["reliable"]
    assert math.isnan(row["others"]) and row["n_others"] == 2


def test_small_groups_are_pooled_never_shown_alone():
    # one manager and two peers: three colleagues, pooled; the manager's 1 is not readable
    wb = _wb(_fb("manager", "m1", reliable=1), _fb("peer", "p1", reliable=4),
             _fb("peer", "p2", reliable=4), _fb("self", "me", reliable=5))
    frame = reputation_frame(wb)
    assert list(frame.columns) == ["behaviour", "label", "self", "others", "n_others", "gap"]
    row = frame.set_index("behaviour").loc["reliable"]
    assert row["others"] == 3.0 and row["n_others"] == 3 and row["self"] == 5.0
    assert "manager" not in frame.columns and "m1" not in frame.to_string()


def test_a_rater_counts_once_with_their_latest_answer():
    wb = _wb(_fb("peer", "p1", day=date(2026, 1, 1), ethical=1), _fb("peer", "p1", ethical=5),
             _fb("peer", "p2", ethical=5), _fb("peer", "p3", ethical=5))
    row = reputation_frame(wb).set_index("behaviour").loc["ethical"]
    assert (row["others"], row["n_others"]) == (5.0, 3)


# ------------------------------------------------------------------ CSV import
def test_csv_rows_with_a_behaviour_rate_it_forgivingly():
    rows = [
        {"rater_group": "Peer", "rater_id": "p1", "date": "2026-10-01", "skill": "SQL",
         "level": "3", "behaviour": ""},
        {"rater_group": "Peer", "rater_id": "p1", "date": "2026-10-01", "skill": "",
         "level": "4", "behaviour": "Delivers quality consistently"},
        {"rater_group": "Peer", "rater_id": "p1", "date": "2026-10-01", "skill": "",
         "level": "5", "behaviour": "shares-credit"},
    ]
    [entry] = parse_feedback_csv_rows(rows, skills=["SQL"])
    assert entry.ratings == {"SQL": 3}
    assert entry.reputation == {"quality": 4, "shares_credit": 5}


@pytest.mark.parametrize(("change", "message"), [
    ({"behaviour": "Charming"}, "row 2, column 'behaviour' = 'Charming': must be one of"),
    ({"behaviour": "Reliable", "skill": "SQL"}, "a skill or a behaviour, not both"),
    ({"behaviour": "Reliable", "level": "6"}, "row 2, column 'level' = '6'"),
])
def test_bad_behaviour_rows_are_named(change, message):
    row = {"rater_group": "peer", "rater_id": "p1", "date": "2026-10-01", "skill": "",
           "level": "4", "behaviour": "Reliable", **change}
    with pytest.raises(cw.WorkbookError) as info:
        parse_feedback_csv_rows([row])
    assert message in str(info.value)


def test_the_import_check_accepts_behaviour_rows_and_lists_bad_ones():
    text = ("rater_group,rater_id,date,skill,level,comment,behaviour\n"
            "peer,P1,2026-10-01,SQL,3,,\n"
            "peer,P1,2026-10-01,,4,,Reliable\n"
            "peer,P2,2026-10-01,,4,,<script>x</script>\n")
    check = check_feedback_csv(text, ["SQL"])
    assert [p.field for p in check.problems] == ["row 4, column 'behaviour'"]
    good = text.rsplit("peer,P2", 1)[0]
    check = check_feedback_csv(good, ["SQL"])
    assert not check.problems and check.entries[0].reputation == {"reliable": 4}
    # a file without the optional column still reads
    assert read_feedback_csv("rater_group,rater_id,date,skill,level\npeer,P1,2026-10-01,SQL,3\n",
                             skills=["SQL"])[0].reputation == {}


# ------------------------------------------------------------------ the form
@pytest.fixture
def session(tmp_path: Path) -> ui.Session:
    path = tmp_path / "sam.yaml"
    store.save(_wb(), path)
    return ui.Session(path, today="2026-11-22")


def test_feedback_form_saves_reputation_only_feedback(session):
    view = ui.feedback_form(session)
    view.fields["rater_id"].value = "P1"
    view.fields["reputation.reliable"].value = 4
    view.fields["reputation.shares_credit"].value = 5
    view.buttons["save"].click()
    assert "Saved at" in view.status.value, view.status.value
    entry = cw.load(session.path).feedback[-1]
    assert entry.reputation == {"reliable": 4, "shares_credit": 5} and entry.ratings == {}


def test_feedback_form_still_needs_something_said(session):
    view = ui.feedback_form(session)
    view.fields["rater_id"].value = "P1"
    before = session.path.read_bytes()
    view.buttons["save"].click()
    assert "at least one rating" in view.status.value
    assert session.path.read_bytes() == before


# ------------------------------------------------------------------ chart
def test_chart_placeholder_until_three_colleagues_rated():
    assert charts.is_placeholder(charts.plot_reputation(reputation_frame(_wb())))
    two = _wb(_fb("peer", "p1", reliable=4), _fb("peer", "p2", reliable=4))
    fig = charts.plot_reputation(reputation_frame(two))
    assert charts.is_placeholder(fig)
    assert "3 needed" in " ".join(t.get_text() for t in fig.axes[0].texts)


def test_chart_shows_others_and_names_the_lowest_behaviour():
    wb = _wb(*(_fb("peer", f"p{i}", quality=4, reliable=2, ethical=5) for i in range(3)),
             _fb("self", "me", reliable=4))
    fig = charts.plot_reputation(reputation_frame(wb))
    assert not charts.is_placeholder(fig)
    assert fig.get_suptitle() == "Room to grow: Reliable: does what they said"
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(ticks) == 3 and all("(3)" not in t for t in ticks)
    from helpers.text_layout import text_problems

    assert text_problems(fig) == []
