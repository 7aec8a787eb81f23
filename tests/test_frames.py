"""frames: every workbook section as a tidy DataFrame with fixed columns and dtypes."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_workbook import frames as F
from career_workbook.model import Assessment, CheckIn, Feedback

FRAMES = {
    F.skills_frame: F.SKILLS_COLUMNS,
    F.assessments_frame: F.ASSESSMENTS_COLUMNS,
    F.latest_levels_frame: F.LATEST_LEVELS_COLUMNS,
    F.goals_frame: F.GOALS_COLUMNS,
    F.milestones_frame: F.MILESTONES_COLUMNS,
    F.actions_frame: F.ACTIONS_COLUMNS,
    F.check_ins_frame: F.CHECK_INS_COLUMNS,
    F.progress_frame: F.PROGRESS_COLUMNS,
    F.feedback_frame: F.FEEDBACK_COLUMNS,
    F.contacts_frame: F.CONTACTS_COLUMNS,
    F.learning_frame: F.LEARNING_COLUMNS,
    F.achievements_frame: F.ACHIEVEMENTS_COLUMNS,
    F.values_frame: F.VALUES_COLUMNS,
    F.opportunities_frame: F.OPPORTUNITIES_COLUMNS,
}
KIND_CHECK = {
    "date": pd.api.types.is_datetime64_ns_dtype,
    "text": pd.api.types.is_object_dtype,
    "object": pd.api.types.is_object_dtype,
    "int": lambda s: s.dtype == "int64",
    "float": pd.api.types.is_float_dtype,
    "bool": pd.api.types.is_bool_dtype,
}


@pytest.mark.parametrize("func", list(FRAMES), ids=lambda f: f.__name__)
@pytest.mark.parametrize("which", ["empty_wb", "rich_wb"])
def test_columns_and_dtypes_are_fixed(func, which, request):
    frame = func(request.getfixturevalue(which))
    columns = FRAMES[func]
    assert list(frame.columns) == list(columns)
    for name, kind in columns.items():
        assert KIND_CHECK[kind](frame[name]), (func.__name__, name, frame[name].dtype)
    if which == "empty_wb":
        assert frame.empty


def test_rich_frames_have_one_row_per_entry(rich_wb):
    assert len(F.skills_frame(rich_wb)) == len(rich_wb.skills)
    assert len(F.assessments_frame(rich_wb)) == sum(len(a.ratings) for a in rich_wb.assessments)
    assert len(F.goals_frame(rich_wb)) == len(rich_wb.goals)
    assert len(F.milestones_frame(rich_wb)) == sum(len(g.milestones) for g in rich_wb.goals)
    assert len(F.progress_frame(rich_wb)) == sum(len(c.progress) for c in rich_wb.check_ins)
    assert len(F.feedback_frame(rich_wb)) == sum(len(f.ratings) for f in rich_wb.feedback)
    assert list(F.contacts_frame(rich_wb)["contact_id"]) == [c.id for c in rich_wb.contacts]


def test_dated_frames_are_sorted_by_date(rich_wb):
    rich_wb.check_ins.reverse()
    rich_wb.assessments.reverse()
    for func in (F.check_ins_frame, F.assessments_frame, F.progress_frame, F.feedback_frame,
                 F.achievements_frame):
        assert func(rich_wb)["date"].is_monotonic_increasing, func.__name__


def test_latest_levels_carry_the_latest_rating_and_its_date(rich_wb):
    latest = F.latest_levels_frame(rich_wb).set_index("skill")
    assert latest.loc["SQL", "level"] == 4
    assert latest.loc["SQL", "date"] == pd.Timestamp("2026-10-01")
    assert latest.loc["Stakeholder Management", "date"] == pd.Timestamp("2026-01-15")
    assert "Coaching" not in latest.index  # never self-assessed
    assert list(latest.index) == [s for s in rich_wb.skill_names() if s in latest.index]


def test_same_day_ratings_later_entry_wins(empty_wb):
    from career_workbook.model import Skill

    empty_wb.skills.append(Skill(name="SQL"))
    day = date(2026, 3, 1)
    empty_wb.assessments += [Assessment(date=day, ratings={"SQL": 1}),
                             Assessment(date=day, ratings={"SQL": 3})]
    assert F.latest_levels_frame(empty_wb)["level"].tolist() == [3]
    assert empty_wb.latest_levels(until=date(2026, 2, 1)) == {}


def test_goals_frame_counts_milestones_and_missing_values(rich_wb):
    goals = F.goals_frame(rich_wb).set_index("goal_id")
    assert goals.loc["g-talk", "n_milestones"] == 4
    assert goals.loc["g-talk", "milestones_done"] == 2
    assert goals.loc["g-promo", "skills"] == ("Python", "Stakeholder Management")
    assert bool(goals.loc["g-run", "has_metric"]) is True
    assert pd.isna(goals.loc["g-run", "deadline"])
    assert pd.isna(goals.loc["g-talk", "confidence"])
    assert goals.loc["g-cfa", "confidence"] == 7.0


def test_check_ins_flag_setbacks_and_keep_missing_scores_as_nan(rich_wb):
    rich_wb.check_ins.append(CheckIn(date=date(2026, 11, 1), setbacks="   "))
    ci = F.check_ins_frame(rich_wb)
    assert ci["has_setback"].tolist() == [False, True, False, False, False]
    assert pd.isna(ci["motivation"].iloc[-1])


def test_feedback_frame_keeps_comment_only_entries(empty_wb):
    empty_wb.feedback.append(Feedback(rater_group="peer", rater_id="p1",
                                      date=date(2026, 1, 1), comment="Nice work"))
    fb = F.feedback_frame(empty_wb)
    assert fb["comment"].tolist() == ["Nice work"]
    assert fb["skill"].tolist() == [None]
    assert pd.isna(fb["level"].iloc[0])


def test_to_date_round_trips_frame_cells(rich_wb):
    goals = F.goals_frame(rich_wb)
    assert [F.to_date(v) for v in goals["deadline"]] == [g.deadline for g in rich_wb.goals]
    assert F.to_date(date(2026, 1, 1)) == date(2026, 1, 1)
    assert F.to_date(None) is None
    assert F.to_date(float("nan")) is None


def test_frames_do_not_change_the_workbook(rich_wb):
    before = rich_wb.model_dump()
    for func in FRAMES:
        func(rich_wb)
    assert rich_wb.model_dump() == before


# ---------------------------------------------------------------------------------------
# One schema, however full the workbook: every frame builder of frames and analysis
# ---------------------------------------------------------------------------------------
def _frame_builders():
    import inspect

    from career_workbook import analysis

    found = [getattr(F, n) for n in F.__all__ if n.endswith("_frame") and n != "build_frame"]
    found += [getattr(analysis, n) for n in analysis.__all__ if n.endswith("_frame")]
    params = {f: list(inspect.signature(f).parameters) for f in found}
    return [(f, "today" in params[f]) for f in found if params[f][0] == "wb"]


def _schema(frame: pd.DataFrame, name: str) -> list[tuple[str, str]]:
    schema = [(c, str(t)) for c, t in frame.dtypes.items()]
    if name == "feedback_360_frame":  # documented: one float column per rater group shown
        from career_workbook.analysis.feedback import OTHER_GROUPS

        assert all(t == "float64" for c, t in schema if c in OTHER_GROUPS), schema
        schema = [(c, t) for c, t in schema if c not in OTHER_GROUPS]
    return schema


@pytest.mark.parametrize(("func", "needs_today"), _frame_builders(),
                         ids=lambda f: getattr(f, "__name__", ""))
def test_every_frame_builder_keeps_its_schema_empty_half_or_full(
        func, needs_today, empty_wb, half_wb, rich_wb, example_wbs, today):
    kwargs = {"today": today} if needs_today else {}
    workbooks = {"new": empty_wb, "half": half_wb, "rich": rich_wb, **example_wbs}
    schemas = {k: _schema(func(wb, **kwargs), func.__name__) for k, wb in workbooks.items()}
    assert all(s == schemas["rich"] for s in schemas.values()), schemas
    assert schemas["rich"], f"{func.__name__} has no columns"


def test_goals_table_merges_on_an_empty_workbook(empty_wb, today):
    # notebook 04 crashed here with pandas 3: "merge on float64 and object columns"
    from career_workbook import analysis

    table = analysis.goals_table_frame(empty_wb, today)
    assert table.empty and table["goal_id"].dtype == object
    assert list(table.columns) == ["goal_id", "text", "status", "deadline", "confidence",
                                   "score", "track", "actual"]


def test_goals_table_has_every_goal_with_score_and_progress(rich_wb, today):
    from career_workbook import analysis

    table = analysis.goals_table_frame(rich_wb, today).set_index("goal_id")
    assert list(table.index) == [g.id for g in rich_wb.goals]
    assert pd.isna(table.loc["g-old", "score"])  # dropped: not scored
    assert table.loc["g-cfa", "actual"] == 60.0 and table.loc["g-cfa", "score"] > 0


# ----------------------------------------------------------------------------------------
# build_frame: days converted by numpy, the frame pandas built before
# ----------------------------------------------------------------------------------------
def _build_frame_by_pandas(rows, columns):
    """build_frame as it was written with ``pd.to_datetime`` for every date column: the
    reference the numpy conversion must match exactly (values, dtypes, index, columns)."""
    rows = list(rows)
    data = {}
    for i, (name, kind) in enumerate(columns.items()):
        values = [row[i] for row in rows]
        if kind == "date":
            series = pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[ns]")
        elif kind in ("text", "object"):
            series = pd.Series(values, dtype=object)
        else:
            if kind == "float":
                values = [float("nan") if v is None else v for v in values]
            series = pd.Series(values, dtype=F._DTYPES[kind])
        data[name] = series
    return pd.DataFrame(data, columns=list(columns))


def _same_frame(ours, theirs):
    pd.testing.assert_frame_equal(ours, theirs, check_exact=True, check_index_type=True,
                                  check_column_type=True, check_frame_type=True)
    assert ours.columns.tolist() == theirs.columns.tolist()


_DAYS = st.one_of(st.none(), st.dates(date(1677, 9, 1), date(2262, 5, 1)))
_VALUES = {"date": _DAYS, "text": st.one_of(st.none(), st.text(max_size=5)),
           "object": st.one_of(st.none(), st.tuples(st.integers()), st.text(max_size=3)),
           "int": st.integers(-10**6, 10**6), "float": st.one_of(st.none(), st.floats()),
           "bool": st.booleans()}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted(_VALUES)), max_size=5).flatmap(
    lambda kinds: st.tuples(st.just(kinds), st.lists(
        st.tuples(*[_VALUES[k] for k in kinds]), max_size=6))))
def test_build_frame_is_the_frame_pandas_built(spec):
    """Date columns of days are converted by numpy (4x faster than ``pd.to_datetime``) and
    the frame is built from its columns without reindexing: the same frame as before, for
    any days (the first and last a nanosecond timestamp holds, and past them), gaps, texts,
    numbers and flags, and for no rows or no columns."""
    kinds, rows = spec
    columns = {f"c{i}": kind for i, kind in enumerate(kinds)}
    try:
        theirs = _build_frame_by_pandas(rows, columns)
    except Exception as err:  # noqa: BLE001 - a day pandas cannot hold: the same error
        with pytest.raises(type(err)):
            F.build_frame(rows, columns)
        return
    _same_frame(F.build_frame(rows, columns), theirs)


@pytest.mark.parametrize("day", [date(1677, 9, 21), date(1677, 9, 22), date(2262, 4, 11),
                                 date(2262, 4, 12), date(1, 1, 1), date(9999, 12, 31)])
def test_build_frame_at_the_edges_of_nanosecond_days(day):
    """The first and last days a nanosecond timestamp holds are converted as pandas does;
    the days just past them fail as they did in pandas (never a wrapped-around date)."""
    rows, columns = [(day,), (None,)], {"day": "date"}
    try:
        theirs = _build_frame_by_pandas(rows, columns)
    except Exception as err:  # noqa: BLE001 - the same error as before
        with pytest.raises(type(err)):
            F.build_frame(rows, columns)
        return
    _same_frame(F.build_frame(rows, columns), theirs)


def test_build_frame_keeps_timestamps_and_texts_to_pandas():
    """Values that are not plain days (timestamps with a time, NaT, ISO strings) are still
    converted by ``pd.to_datetime``."""
    from datetime import datetime

    rows = [(datetime(2026, 1, 2, 10, 30), pd.NaT), (pd.Timestamp("2026-03-04"), "2026-05-06")]
    columns = {"a": "date", "b": "date"}
    _same_frame(F.build_frame(rows, columns), _build_frame_by_pandas(rows, columns))


def test_every_frame_of_the_examples_is_the_one_pandas_built(monkeypatch):
    """Every frame the analysis builds for the example workbooks, a new and a half-filled
    one is the frame the pandas conversion built."""
    import functools
    import sys

    from helpers.workbooks import EXAMPLES, half_filled_workbook

    import career_workbook as cw
    from career_workbook import figures
    from career_workbook.model import new_workbook

    books = [cw.load(p) for p in EXAMPLES] + [new_workbook("Sam Lee"), half_filled_workbook()]
    users = [m for name, m in sys.modules.items() if name.startswith("career_workbook")
             and getattr(m, "build_frame", None) is F.build_frame]
    assert len(users) >= 5  # frames and the analysis modules that build frames

    names = [name for name, value in vars(figures._Frames).items()
             if isinstance(value, functools.cached_property)]

    def all_frames():
        out = []
        for wb in books:
            memo = figures.frames_of(wb, today=date(2026, 11, 22))
            out += [getattr(memo, name) for name in names]
        return out
    ours = all_frames()
    for module in users:
        monkeypatch.setattr(module, "build_frame", _build_frame_by_pandas)
    theirs = all_frames()
    compared = 0
    for a, b in zip(ours, theirs, strict=True):
        if isinstance(a, pd.DataFrame):
            _same_frame(a, b)
            compared += 1
    assert compared >= 10 * len(books)
