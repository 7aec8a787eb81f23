"""analysis.feedback: 360 view, anonymity rules, comments and CSV rows."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_workbook.analysis.feedback import (
    MIN_GROUP,
    feedback_360_frame,
    feedback_comments,
    parse_feedback_csv_rows,
    plan_feedback_import,
)
from career_workbook.model import (
    RATER_GROUPS,
    Feedback,
    Skill,
    WorkbookError,
    new_workbook,
    validate_workbook,
)


@pytest.fixture
def fb(rich_wb):
    return feedback_360_frame(rich_wb).set_index("skill")


def test_columns_only_for_groups_of_three_or_more(rich_wb):
    frame = feedback_360_frame(rich_wb)
    assert list(frame.columns) == ["skill", "self", "others", "n_others", "peer", "gap",
                                   "quadrant"]
    # manager (1 rater) and direct_report (2 raters) are merged into others only


def test_self_and_others(fb):
    assert fb.loc["Python", "self"] == 4  # latest self-assessment
    assert fb.loc["Coaching", "self"] == 2  # no assessment: the 'self' feedback
    assert fb.loc["Python", "others"] == pytest.approx(20 / 5)
    assert fb.loc["Python", "n_others"] == 5
    # p1 rated SQL twice: only the latest (3) counts, once
    assert fb.loc["SQL", "n_others"] == 4
    assert fb.loc["SQL", "others"] == pytest.approx((3 + 3 + 4 + 4) / 4)
    assert fb.loc["Stakeholder Management", "gap"] == pytest.approx(22 / 6 - 2)


def test_small_counts_are_suppressed(fb):
    assert fb.loc["Statistics", "n_others"] == 1
    assert math.isnan(fb.loc["Statistics", "others"])
    assert fb.loc["Statistics", "quadrant"] is None
    assert fb.loc["Coaching", "n_others"] == 0
    # three raters in all, but only two peers: the peer cell stays hidden
    assert fb.loc["Public Speaking", "others"] == pytest.approx(7 / 3)
    assert math.isnan(fb.loc["Public Speaking", "peer"])


def test_group_cell_hidden_when_subtraction_would_expose_a_rater(fb):
    # Python: 4 peers + 1 manager. Showing the peer mean next to the overall mean would
    # give away the manager's rating, so the peer cell is hidden.
    assert math.isnan(fb.loc["Python", "peer"])
    # SQL: peers only, Stakeholder: 3 peers + 3 others: safe to show.
    assert fb.loc["SQL", "peer"] == pytest.approx(fb.loc["SQL", "others"])
    assert fb.loc["Stakeholder Management", "peer"] == pytest.approx(11 / 3)


def test_quadrants(fb):
    assert fb.loc["Stakeholder Management", "quadrant"] == "hidden strength"
    assert fb.loc["Python", "quadrant"] == "agreed strength"
    assert fb.loc["Public Speaking", "quadrant"] == "agreed development area"


def test_blind_spot(empty_wb):
    empty_wb.skills.append(Skill(name="SQL"))
    empty_wb.feedback = [
        Feedback(rater_group="self", rater_id="me", date=date(2026, 1, 1), ratings={"SQL": 5}),
        *(Feedback(rater_group="other", rater_id=f"o{i}", date=date(2026, 1, 1),
                   ratings={"SQL": 3}) for i in range(3)),
    ]
    row = feedback_360_frame(empty_wb).iloc[0]
    assert (row["self"], row["others"], row["quadrant"]) == (5, 3, "blind spot")
    assert "other" in feedback_360_frame(empty_wb).columns


def test_empty_workbook(empty_wb):
    frame = feedback_360_frame(empty_wb)
    assert frame.empty
    assert list(frame.columns) == ["skill", "self", "others", "n_others", "gap", "quadrant"]
    assert feedback_comments(empty_wb).empty


def test_comments_grouped_unattributed_and_pooled(rich_wb):
    comments = feedback_comments(rich_wb)
    assert list(comments.columns) == ["group", "comment"]
    peer = comments[comments["group"] == "peer"]["comment"].tolist()
    assert peer == sorted(["Explains models clearly", "Could speak up more in meetings",
                           "Great code reviews"])
    # manager (1) + direct reports (2) make a pool of 3 raters
    pooled = comments[comments["group"] == "others"]["comment"].tolist()
    assert pooled == ["Ready for more visible work", "Supportive"]
    assert set(comments["group"]) == {"peer", "others"}


def test_comments_of_small_pools_are_suppressed(rich_wb):
    rich_wb.feedback = [f for f in rich_wb.feedback if f.rater_id != "d2"]
    comments = feedback_comments(rich_wb)
    assert set(comments["group"]) == {"peer"}
    assert "Supportive" not in comments["comment"].tolist()
    # 4 peers + 1 manager + 1 direct report: with a bar of 5 all are pooled, with 7 none
    assert set(feedback_comments(rich_wb, min_raters=5)["group"]) == {"others"}
    assert feedback_comments(rich_wb, min_raters=7).empty
    with pytest.raises(ValueError, match="min_raters = 2"):
        feedback_comments(rich_wb, min_raters=2)


# ---- property: the anonymity rules always hold --------------------------------------
SKILLS = ("S0", "S1", "S2")
_entry = st.tuples(
    st.sampled_from(RATER_GROUPS), st.integers(0, 4), st.integers(0, 2),
    st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 5), max_size=3),
    st.sampled_from(["", "fine", "great"]),
)


@settings(max_examples=80, deadline=None)
@given(entries=st.lists(_entry, max_size=18), self_levels=st.dictionaries(
    st.sampled_from(SKILLS), st.integers(0, 5), max_size=3))
def test_anonymity_rules_always_hold(entries, self_levels):
    from career_workbook.model import Assessment

    wb = new_workbook("Prop", today=date(2026, 1, 1))
    wb.skills = [Skill(name=s) for s in SKILLS]
    if self_levels:
        wb.assessments.append(Assessment(date=date(2026, 1, 1), ratings=self_levels))
    for group, rid, day, ratings, comment in entries:
        wb.feedback.append(Feedback(rater_group=group, rater_id=f"RID-{group}-{rid}",
                                    date=date(2026, 1, 1 + day), ratings=ratings,
                                    comment=comment))
    wb = validate_workbook(wb)
    frame = feedback_360_frame(wb)

    raters_in = {}  # group -> raters with any rating
    per_skill = {}  # (skill, group) -> raters of that skill
    for f in wb.feedback:
        if f.ratings and f.rater_group != "self":
            raters_in.setdefault(f.rater_group, set()).add(f.rater_id)
        for skill in f.ratings:
            per_skill.setdefault((skill, f.rater_group), set()).add(f.rater_id)
    group_cols = [c for c in frame.columns if c in RATER_GROUPS[1:]]
    for g in RATER_GROUPS[1:]:
        assert (g in group_cols) == (len(raters_in.get(g, ())) >= MIN_GROUP)

    for row in frame.to_dict("records"):
        n = {g: len(per_skill.get((row["skill"], g), ())) for g in RATER_GROUPS[1:]}
        assert row["n_others"] == sum(n.values())
        if row["n_others"] < MIN_GROUP:
            assert math.isnan(row["others"]) and row["quadrant"] is None
        shown = [g for g in group_cols if not math.isnan(row[g])]
        assert all(n[g] >= MIN_GROUP for g in shown)
        if shown:  # what is left of "others" once the shown groups are taken out
            remainder = row["n_others"] - sum(n[g] for g in shown)
            assert remainder == 0 or remainder >= MIN_GROUP

    text = " ".join(map(str, [*frame.columns, *frame.astype(str).to_numpy().ravel()]))
    comments = feedback_comments(wb)
    text += " ".join(comments.astype(str).to_numpy().ravel())
    assert "RID-" not in text
    for group in set(comments["group"]) - {"others"}:
        assert len({f.rater_id for f in wb.feedback if f.rater_group == group}) >= MIN_GROUP


# ---- CSV rows -------------------------------------------------------------------------
def _row(**over):
    row = {"rater_group": "peer", "rater_id": "p1", "date": "2026-01-09", "skill": "SQL",
           "level": "3", "comment": ""}
    row.update(over)
    return row


def test_rows_grouped_by_rater_and_date():
    rows = [
        _row(), _row(skill="Python", level="4", comment="Solid"),
        _row(rater_id="p2", level="2"), _row(date="2026-02-01", level=" 5 "),
        _row(rater_group="Direct report", rater_id="d1", level="4.0"),
        _row(skill="", level="", comment="Patient with juniors"),
    ]
    entries = parse_feedback_csv_rows(rows)
    assert [(e.rater_group, e.rater_id, e.date) for e in entries] == [
        ("peer", "p1", date(2026, 1, 9)), ("peer", "p1", date(2026, 1, 9)),
        ("peer", "p2", date(2026, 1, 9)), ("peer", "p1", date(2026, 2, 1)),
        ("direct_report", "d1", date(2026, 1, 9))]
    assert entries[0].ratings == {"SQL": 3, "Python": 4}
    # each comment stays its own text (they were joined into one, "Solid\nPatient ...")
    assert [(e.comment, e.ratings) for e in entries[:2]] == [
        ("Solid", {"SQL": 3, "Python": 4}), ("Patient with juniors", {})]
    assert entries[3].ratings == {"SQL": 5}
    assert entries[4].ratings == {"SQL": 4}


def test_parsed_entries_fit_a_workbook(rich_wb):
    entries = parse_feedback_csv_rows([_row(), _row(rater_id="p9", skill="Python")],
                                      skills=rich_wb.skill_names())
    rich_wb.feedback.extend(entries)
    assert len(validate_workbook(rich_wb).feedback) == len(rich_wb.feedback)


@pytest.mark.parametrize(("over", "where"), [
    ({"level": "7"}, "row 3, column 'level' = '7'"),
    ({"level": "4.5"}, "column 'level' = '4.5'"),
    ({"level": "high"}, "column 'level' = 'high'"),
    ({"level": None}, "column 'level' = None"),
    ({"rater_group": "boss"}, "column 'rater_group' = 'boss'"),
    ({"rater_id": "  "}, "column 'rater_id' = '  '"),
    ({"date": "09/01/2026"}, "column 'date' = '09/01/2026'"),
    ({"skill": "", "comment": ""}, "column 'skill' = ''"),
    ({"skill": "Cobol"}, "column 'skill' = 'Cobol'"),
    ({"level": "1"}, "rated twice"),
    ({"rater_id": "x" * 201}, "row 3, column 'rater_id'"),
])
def test_bad_rows_name_row_column_and_value(over, where):
    with pytest.raises(WorkbookError) as err:
        parse_feedback_csv_rows([_row(), _row(**over)], skills=["SQL", "Python"])
    assert where in str(err.value)
    assert str(err.value).startswith("row ")


def test_missing_column_is_named():
    row = _row()
    del row["date"]
    with pytest.raises(WorkbookError, match="row 2: column 'date' is missing"):
        parse_feedback_csv_rows([row])


def test_no_rows_no_entries():
    assert parse_feedback_csv_rows([]) == []
    assert isinstance(pd.DataFrame(), pd.DataFrame)


@pytest.mark.parametrize(("level", "expected"), [("4,0", 4), (" 3,0 ", 3), ("0,0", 0)])
def test_a_level_with_a_decimal_comma_is_read_like_a_decimal_point(level, expected):
    # European Excel writes 4,0 (in a semicolon-separated file); 4.0 was accepted, 4,0 not.
    assert parse_feedback_csv_rows([_row(level=level)])[0].ratings == {"SQL": expected}
    with pytest.raises(WorkbookError, match="column 'level' = '4,5'"):
        parse_feedback_csv_rows([_row(level="4,5")])


def test_rows_are_numbered_by_the_lines_given():
    # a reader that skips blank lines passes where each row starts: row 5, not row 3
    with pytest.raises(WorkbookError, match=r"^row 5, column 'level' = '9'"):
        parse_feedback_csv_rows([_row(), _row(rater_id="p2", level="9")], lines=[2, 5])


def test_skills_that_differ_only_invisibly_take_the_workbooks_spelling():
    rows = [_row(skill="Machine\u00a0Learning"), _row(skill="Cafe\u0301  Ops\u200b")]
    entry, = parse_feedback_csv_rows(rows, skills=["Machine Learning", "Café Ops"])
    assert entry.ratings == {"Machine Learning": 3, "Café Ops": 3}


# ----------------------------------------------------------------------------------------
# Planning an import against the stored entries
# ----------------------------------------------------------------------------------------
DAY = date(2026, 11, 20)


def _fb(rater: str, group: str = "peer", day: date = DAY, **fields) -> Feedback:
    return Feedback(rater_group=group, rater_id=rater, date=day, **fields)


def test_an_entry_of_a_stored_rater_and_date_with_other_ratings_is_a_correction():
    stored = [_fb("p9", ratings={"Python": 4}, comment="Solid"), _fb("p10", ratings={"SQL": 3})]
    incoming = [_fb("p9", ratings={"Python": 1}, comment="Solid"), _fb("p10", ratings={"SQL": 3})]
    plan = plan_feedback_import(stored, incoming)
    assert plan.new == () and plan.skipped == 1
    assert plan.corrections == ((stored[0], incoming[0]),)
    assert plan.correction_lines() == [
        "p9 (peer, 20 Nov 2026): ratings differ from the stored ones — importing replaces them"]
    assert plan.apply(stored) == [incoming[0], stored[1]]


@pytest.mark.parametrize("other", [
    {"group": "mentor"}, {"day": date(2026, 11, 21)}, {"rater": "p19"}])
def test_another_group_date_or_code_is_a_new_entry(other):
    stored = [_fb("p9", ratings={"Python": 4})]
    incoming = _fb(**{"rater": "p9", **other}, ratings={"Python": 1})
    plan = plan_feedback_import(stored, [incoming])
    assert plan.new == (incoming,) and plan.corrections == ()
    assert plan.apply(stored) == [*stored, incoming]


def test_a_code_in_other_capitals_is_the_same_rater():
    """"P9" and "p9" are one colleague: a correction, not a second rater (a group made
    to look 3 raters strong by capitals alone would no longer be anonymous)."""
    stored = [_fb("p9", ratings={"Python": 4})]
    incoming = _fb("P9", ratings={"Python": 1})
    plan = plan_feedback_import(stored, [incoming])
    assert plan.new == () and plan.corrections == ((stored[0], incoming),)


def test_raters_counted_for_the_anonymity_rule_ignore_capitals():
    from career_workbook.analysis.feedback import shown_groups
    from career_workbook.model import Feedback, Skill, new_workbook

    wb = new_workbook("Sam")
    wb.skills.append(Skill(name="SQL"))
    wb.feedback += [Feedback(rater_group="manager", rater_id=code, date=date(2026, 11, d),
                             ratings={"SQL": 3}) for d, code in ((1, "M1"), (2, "M9"), (3, "m9"))]
    assert "manager" not in shown_groups(wb)  # two managers, not three
    wb.feedback.append(Feedback(rater_group="manager", rater_id="M2", date=date(2026, 11, 4),
                                ratings={"SQL": 4}))
    assert "manager" in shown_groups(wb)


def test_a_changed_comment_is_named_and_two_stored_duplicates_become_one():
    # an older import stored p9 twice on one date: the correction leaves one entry
    stored = [_fb("p9", ratings={"Python": 4}, comment="Great"), _fb("p1"),
              _fb("p9", ratings={"Python": 1}, comment="Great")]
    fixed = _fb("p9", ratings={"Python": 1}, comment="Great work")
    plan = plan_feedback_import(stored, [fixed])
    assert plan.correction_lines() == [
        "p9 (peer, 20 Nov 2026): the comment differs from the stored one — importing "
        "replaces it"]
    assert plan.corrections[0][0] is stored[2]  # the one that counts: written last
    assert plan.apply(stored) == [fixed, stored[1]]


def test_importing_the_same_entries_twice_changes_nothing():
    entries = [_fb("p9", ratings={"Python": 4}), _fb("p10", reputation={"reliable": 3})]
    plan = plan_feedback_import(entries, entries)
    assert (plan.new, plan.corrections, plan.skipped) == ((), (), 2)
    assert plan.apply(entries) == entries


# ----------------------------------------------------------------------------------------
# One rater on one date is one occasion: its comments stay apart (red team H6)
# ----------------------------------------------------------------------------------------
def test_a_code_in_other_capitals_in_one_file_is_one_rater_with_every_comment_apart():
    rows = [_row(rater_id="M9", comment="Calm"), _row(rater_id="m9", skill="R", level="2",
                                                      comment="Slow to reply"),
            _row(rater_id="m9", skill="", level="", comment="Calm")]  # said again: once
    entries = parse_feedback_csv_rows(rows)
    assert [(e.rater_id, e.ratings, e.comment) for e in entries] == [
        ("M9", {"SQL": 3, "R": 2}, "Calm"), ("M9", {}, "Slow to reply")]


def test_an_occasion_stored_already_adds_nothing_and_a_corrected_one_replaces_it_whole():
    main = _fb("p9", ratings={"Python": 4}, comment="Calm")
    more = _fb("p9", comment="Slow to reply")
    other = _fb("p1", ratings={"SQL": 3})
    stored = [main, other, more]
    assert plan_feedback_import(stored, [main, more]).skipped == 2
    assert plan_feedback_import(stored, [main]).skipped == 1  # an older file: kept as is
    fixed = _fb("P9", ratings={"Python": 4}, comment="Calm")
    plan = plan_feedback_import(stored, [fixed, _fb("p9", comment="Replies in a day")])
    assert plan.correction_lines() == [
        "P9 (peer, 20 Nov 2026): the comments differ from the stored ones — importing "
        "replaces them"]
    assert [(f.rater_id, f.comment) for f in plan.apply(stored)] == [
        ("P9", "Calm"), ("p9", "Replies in a day"), ("p1", "")]
    assert plan.counts() == {"entries": 2, "raters": 1, "skill ratings": 1,
                             "reputation ratings": 0, "comments": 2, "own ratings": 0}


def test_a_raters_further_comment_is_not_noted_as_a_repeated_rating():
    from career_workbook.analysis import workbook_notes
    from career_workbook.model import Skill, new_workbook

    wb = new_workbook("Sam", today=date(2026, 1, 5))  # started before DAY
    wb.skills.append(Skill(name="Python"))
    wb.feedback = [_fb("p9", ratings={"Python": 4}, comment="Calm"),
                   _fb("p9", comment="Slow to reply")]
    assert workbook_notes(wb, DAY) == []
    wb.feedback.append(_fb("P9", ratings={"Python": 1}))
    assert workbook_notes(wb, DAY) == [
        "feedback entry 1, feedback entry 3: p9 (peer, 2026-11-20) is recorded 2 times: the "
        "ratings of "
        "the last (feedback entry 3) count and every comment shows; delete the wrong entry, or "
        "import the corrected CSV again (it keeps one)"]
