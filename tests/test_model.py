"""The schema rules of a workbook and the messages of WorkbookError."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

import career_workbook as cw
from career_workbook.model import Problem, WorkbookError, said_where, validate_workbook

D = date(2026, 1, 5)


def _base() -> dict[str, Any]:
    """A small valid workbook (plain data) with every kind of reference in use."""
    return {
        "schema_version": 3,
        "person": {"name": "Alex Doe", "current_role": "Analyst", "start_date": D},
        "vision": {"long_term": "Lead a data team", "horizon_years": 5},
        "values": [{"name": "Learning", "importance": 8}],
        "interests": {"social": 30, "investigative": 25},
        "skills": [
            {"name": "SQL", "importance": 5, "target_level": 5},
            {"name": "Public speaking", "category": "soft"},
        ],
        "assessments": [{"date": D, "ratings": {"SQL": 3, "Public speaking": 2}}],
        "feedback": [
            {"rater_group": "peer", "rater_id": "p1", "date": D, "ratings": {"SQL": 4}},
        ],
        "goals": [
            {
                "id": "g1", "text": "Present at the March all-hands", "created": D,
                "deadline": date(2026, 3, 31), "status": "active", "confidence": 6,
                "skills": ["Public speaking"],
                "milestones": [{"title": "Outline", "due": date(2026, 2, 1)}],
                "metric": {"name": "talks", "baseline": 0, "target": 1.0},
            }
        ],
        "actions": [{"id": "a1", "goal_id": "g1", "text": "Book a slot"}],
        "contacts": [{"id": "c1", "name": "Sam", "relationship": "mentor", "strength": 4}],
        "achievements": [{"date": D, "title": "Shipped the report", "skills": ["SQL"]}],
        "learning": [{"title": "SQL course", "skill": "SQL", "hours": 12.5}],
        "check_ins": [{"date": D, "motivation": 7, "progress": {"g1": 40}, "note": "ok"}],
    }


def _error(data: dict[str, Any], path: str = "alex.yaml") -> cw.WorkbookError:
    with pytest.raises(cw.WorkbookError) as info:
        validate_workbook(data, path=path)
    return info.value


def _set(data: dict[str, Any], where: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    target = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    return data


def test_base_fixture_is_valid() -> None:
    wb = validate_workbook(_base())
    assert wb.goals[0].metric is not None and wb.goals[0].metric.target == 1.0
    assert wb.skill_names() == ["SQL", "Public speaking"]
    assert wb.goal("g1").deadline == date(2026, 3, 31)


# --- defaults ------------------------------------------------------------------------
def test_goal_needs_only_text() -> None:
    goal = cw.Goal(text="Pass the CFA Level I exam in 2027")
    assert goal.id.startswith("g-") and len(goal.id) == 10
    assert (goal.status, goal.horizon, goal.created) == ("draft", "short", date.today())
    assert goal.skills == [] and goal.milestones == [] and goal.metric is None
    assert cw.Goal(text="x").id != cw.Goal(text="x").id


def test_check_in_needs_only_date_and_note() -> None:
    check_in = cw.CheckIn(date=D, note="Good week")
    assert (check_in.motivation, check_in.confidence, check_in.progress) == (None, None, {})


def test_new_workbook_is_valid_and_empty() -> None:
    wb = cw.new_workbook(name="Sam Lee", today=D, coach="Jordan")
    assert wb.schema_version == cw.SCHEMA_VERSION == 3
    assert (wb.person.name, wb.person.coach, wb.person.start_date) == ("Sam Lee", "Jordan", D)
    assert validate_workbook(wb) == wb
    assert wb.goals == [] and wb.check_ins == [] and wb.interests is None


def test_new_workbook_names_the_bad_person_field() -> None:
    with pytest.raises(cw.WorkbookError, match=r"person\.name = '   ': must not be blank"):
        cw.new_workbook(name="   ")
    with pytest.raises(cw.WorkbookError, match=r"person\.nickname"):
        cw.new_workbook(name="Sam", nickname="S")


# --- ranges ------------------------------------------------------------------------------
RANGES = [
    ("values[0].importance", 0, "greater than or equal to 1"),
    ("values[0].importance", 11, "less than or equal to 10"),
    ("interests.social", 41, "less than or equal to 40"),
    ("interests.social", -1, "greater than or equal to 0"),
    ("skills[0].importance", 6, "less than or equal to 5"),
    ("skills[0].target_level", -1, "greater than or equal to 0"),
    ("assessments[0].ratings.SQL", 6, "less than or equal to 5"),
    ("feedback[0].ratings.SQL", -1, "greater than or equal to 0"),
    ("goals[0].confidence", 11, "less than or equal to 10"),
    ("contacts[0].strength", 0, "greater than or equal to 1"),
    ("learning[0].hours", 10_001.0, "less than or equal to 10000"),
    ("learning[0].hours", -0.5, "greater than or equal to 0"),
    ("check_ins[0].motivation", 0, "greater than or equal to 1"),
    ("check_ins[0].progress.g1", 101, "less than or equal to 100"),
    ("vision.horizon_years", 41, "less than or equal to 40"),
]


def _where(field: str) -> tuple[Any, ...]:
    """``'goals[0].confidence'`` -> ``('goals', 0, 'confidence')``."""
    parts: list[Any] = []
    for piece in field.replace("[", ".").replace("]", "").split("."):
        parts.append(int(piece) if piece.isdigit() else piece)
    return tuple(parts)


@pytest.mark.parametrize(("field", "value", "message"), RANGES)
def test_out_of_range_values_are_named(field: str, value: Any, message: str) -> None:
    err = _error(_set(_base(), _where(field), value))
    assert err.field == field
    where = said_where(field, err.problems[0].record)
    assert str(err) == f"alex.yaml: {where} = {value!r}: Input should be {message}"


@pytest.mark.parametrize(("field", "value"), [
    ("check_ins[0].progress.g1", 0), ("check_ins[0].progress.g1", 100),
    ("assessments[0].ratings.SQL", 0), ("assessments[0].ratings.SQL", 5),
    ("values[0].importance", 1), ("values[0].importance", 10),
    ("learning[0].hours", 10_000.0), ("interests.social", 40),
])
def test_range_boundaries_are_inside(field: str, value: Any) -> None:
    assert validate_workbook(_set(_base(), _where(field), value)) is not None


# --- types and keys ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("where", "value", "field"),
    [
        (("skills", 0, "importance"), "5", "skills[0].importance"),
        (("values", 0, "importance"), 7.5, "values[0].importance"),
        (("person", "name"), 5, "person.name"),
        (("goals", 0, "skills"), "SQL", "goals[0].skills"),
        (("goals", 0, "status"), "open", "goals[0].status"),
        (("feedback", 0, "rater_group"), "boss", "feedback[0].rater_group"),
        (("check_ins", 0, "motivation"), True, "check_ins[0].motivation"),
    ],
)
def test_wrong_types_are_not_coerced(where: tuple[Any, ...], value: Any, field: str) -> None:
    err = _error(_set(_base(), where, value))
    assert err.field == field
    assert f"{said_where(field, err.problems[0].record)} = {value!r}" in str(err)


@pytest.mark.parametrize(
    ("where", "field"),
    [
        (("person", "start_date"), "person.start_date"),
        (("goals", 0, "deadline"), "goals[0].deadline"),
        (("check_ins", 0, "date"), "check_ins[0].date"),
        (("assessments", 0, "date"), "assessments[0].date"),
    ],
)
def test_dates_must_be_dates_not_strings(where: tuple[Any, ...], field: str) -> None:
    err = _error(_set(_base(), where, "2026-01-05"))
    assert err.field == field
    assert "'2026-01-05': Input should be a valid date" in str(err)


@pytest.mark.parametrize(("text", "says"), [
    # a valid date in quotes looked valid in the message: the quotes are the problem
    ("2027-02-03", "Input should be a valid date; it is in quotes, so it is read as text: "
                   "write the date without quotes: 2027-02-03"),
    ("2027-2-3", "Input should be a valid date; write dates as YYYY-MM-DD: 2027-02-03"),
    ("30/06/2027", "Input should be a valid date; write dates as YYYY-MM-DD: 2027-06-30"),
    ("03/04/2027", "Input should be a valid date; write dates as YYYY-MM-DD: “03/04/2027” "
                   "could be 3 April or 4 March: please write it as 2027-04-03 or 2027-03-04"),
    ("2027-02-30", "Input should be a valid date; 30 February 2027 is not a date "
                   "(February 2027 has 28 days)"),
    ("2027-13-01", "Input should be a valid date; there is no month 13; use YYYY-MM-DD, "
                   "e.g. 2026-06-30"),
    ("next Friday", "Input should be a valid date; write dates as YYYY-MM-DD, e.g. 2027-02-03"),
])
def test_a_date_written_as_text_says_how_to_write_it(text: str, says: str) -> None:
    """Red team: every one of these got the same "Input should be a valid date"."""
    err = _error(_set(_base(), ("goals", 0, "deadline"), text))
    assert err.problems[0].message == says
    goal = err.problems[0].record
    assert str(err) == f"alex.yaml: goal 1 (“{goal}”), deadline = {text!r}: {says}"


def test_a_datetime_is_not_a_date() -> None:
    from datetime import datetime

    err = _error(_set(_base(), ("check_ins", 0, "date"), datetime(2026, 1, 5, 9, 30)))
    assert err.field == "check_ins[0].date"


@pytest.mark.parametrize(
    ("where", "field"),
    [
        (("nickname",), "nickname"),
        (("person", "email"), "person.email"),
        (("goals", 0, "owner"), "goals[0].owner"),
        (("goals", 0, "milestones", 0, "note"), "goals[0].milestones[0].note"),
        (("check_ins", 0, "mood"), "check_ins[0].mood"),
    ],
)
def test_unknown_keys_are_refused(where: tuple[Any, ...], field: str) -> None:
    err = _error(_set(_base(), where, "x"))
    assert err.field == field
    assert "Extra inputs are not permitted" in str(err)


def test_missing_required_fields_are_named() -> None:
    data = _base()
    del data["person"]
    assert _error(data).field == "person"
    data = _base()
    del data["goals"][0]["text"]
    err = _error(data)
    assert err.field == "goals[0].text" and "Field required" in str(err)


def test_a_missing_field_still_shows_no_value_after_a_worker_sends_it_back() -> None:
    """``pack``/``run --jobs 2`` pickle a client's problems back from the worker: a required
    field that is absent (a file that is not a workbook) read ``person = <object object at
    0x7f...>: Field required`` where ``validate`` says ``person: Field required``."""
    import pickle

    data = _base()
    del data["person"]
    problems = _error(data).problems
    back = pickle.loads(pickle.dumps(problems))
    assert [str(p) for p in back] == [str(p) for p in problems]
    assert str(back[0]) == "person: Field required"
    whole = pickle.loads(pickle.dumps(WorkbookError(path="notes.yaml", problems=problems)))
    assert [str(p) for p in whole.problems] == ["person: Field required"]


def test_schema_version_must_be_current() -> None:
    err = _error(_set(_base(), ("schema_version",), 1))
    assert err.field == "schema_version"


def test_metric_target_must_differ_from_baseline() -> None:
    err = _error(_set(_base(), ("goals", 0, "metric"), {"baseline": 3, "target": 3}))
    assert err.field == "goals[0].metric"
    assert "target must differ from baseline" in str(err)


def test_a_workbook_must_be_a_mapping() -> None:
    with pytest.raises(cw.WorkbookError, match="a workbook must be a mapping of fields"):
        validate_workbook(["person"], path="x.yaml")  # type: ignore[arg-type]


# --- blank names -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("where", "field"),
    [
        (("person", "name"), "person.name"),
        (("skills", 0, "name"), "skills[0].name"),
        (("values", 0, "name"), "values[0].name"),
        (("goals", 0, "text"), "goals[0].text"),
        (("goals", 0, "id"), "goals[0].id"),
        (("goals", 0, "milestones", 0, "title"), "goals[0].milestones[0].title"),
        (("actions", 0, "text"), "actions[0].text"),
        (("contacts", 0, "name"), "contacts[0].name"),
        (("feedback", 0, "rater_id"), "feedback[0].rater_id"),
        (("achievements", 0, "title"), "achievements[0].title"),
        (("learning", 0, "title"), "learning[0].title"),
    ],
)
@pytest.mark.parametrize("blank", ["", "  \t "])
def test_blank_names_are_refused(where: tuple[Any, ...], field: str, blank: str) -> None:
    err = _error(_set(_base(), where, blank))
    assert field in [p.field for p in err.problems]


# --- unique ids and references -----------------------------------------------------------
@pytest.mark.parametrize(
    ("section", "item", "field"),
    [
        ("skills", {"name": "sql "}, "skills[2].name"),  # case and spaces do not count
        ("values", {"name": "LEARNING"}, "values[1].name"),
        ("goals", {"id": "g1", "text": "Another goal"}, "goals[1].id"),
        ("actions", {"id": "a1", "text": "Another step"}, "actions[1].id"),
        ("contacts", {"id": "c1", "name": "Kim"}, "contacts[1].id"),
    ],
)
def test_ids_and_names_must_be_unique(section: str, item: dict[str, Any], field: str) -> None:
    data = _base()
    data[section].append(item)
    err = _error(data)
    assert err.field == field
    assert "is used twice; must be unique" in str(err)


def test_a_workbook_with_invisibly_different_skill_names_still_opens() -> None:
    """The feedback import once added "Public\u00a0speaking" beside "Public speaking"; such a
    file must open after an upgrade (the import now matches names; the model is unchanged)."""
    data = _base()
    data["skills"].append({"name": "Public\u00a0speaking\u200b"})
    assert len(validate_workbook(data).skills) == len(_base()["skills"]) + 1


DANGLING = [
    (("assessments", 0, "ratings", "Python"), 3, "assessments[0].ratings", "Python"),
    (("feedback", 0, "ratings", "Python"), 3, "feedback[0].ratings", "Python"),
    (("goals", 0, "skills"), ["Python"], "goals[0].skills", "Python"),
    (("achievements", 0, "skills"), ["Python"], "achievements[0].skills", "Python"),
    (("learning", 0, "skill"), "Python", "learning[0].skill", "Python"),
    (("actions", 0, "goal_id"), "g9", "actions[0].goal_id", "g9"),
    (("check_ins", 0, "progress", "g9"), 10, "check_ins[0].progress", "g9"),
]


@pytest.mark.parametrize(("where", "value", "field", "name"), DANGLING)
def test_dangling_references_are_named(
    where: tuple[Any, ...], value: Any, field: str, name: str
) -> None:
    err = _error(_set(_base(), where, value))
    assert err.problems == [
        Problem(
            field, name,
            "is not a goal id" if name == "g9" else "is not one of the workbook's skills",
        )
    ]
    assert str(err) == f"alex.yaml: {err.problems[0]}"


def test_references_are_case_sensitive() -> None:
    err = _error(_set(_base(), ("goals", 0, "skills"), ["sql"]))
    assert err.field == "goals[0].skills"


# --- in-place edits and the error object ------------------------------------------------
def test_assignment_is_validated_but_appends_only_by_validate_workbook() -> None:
    wb = validate_workbook(_base())
    with pytest.raises(ValidationError):
        wb.person.name = ""
    wb.check_ins.append(cw.CheckIn(date=D, note="x", progress={"g7": 10}))  # dangling
    with pytest.raises(cw.WorkbookError, match=r"check-in 2, progress = 'g7'"):
        validate_workbook(wb)


def test_many_problems_are_summarised() -> None:
    data = _base()
    data["values"] = [{"name": f"v{i}", "importance": 99} for i in range(8)]
    err = _error(data)
    assert len(err.problems) == 8
    assert str(err).endswith("(and 3 more problems)")
    assert err.path == "alex.yaml"


def test_error_without_path_has_no_prefix() -> None:
    err = cw.WorkbookError(problems=[Problem("goals[0].text", "", "must not be blank")])
    assert str(err) == "goal 1, text = '': must not be blank"
    assert err.field == "goals[0].text" and err.path is None
    assert isinstance(err, ValueError)


# ----------------------------------------------------------------------------------------
# Schema 3: opportunities and reputation (issue 16)
# ----------------------------------------------------------------------------------------
def _with_opportunity(**fields: Any) -> dict[str, Any]:
    data = _base()
    data["opportunities"] = [{"id": "o1", "title": "Lead the Q3 migration", "spotted": D,
                              **fields}]
    return data


def test_an_opportunity_is_valid_with_defaults_and_names_bad_fields() -> None:
    wb = validate_workbook(_with_opportunity())
    opp = wb.opportunities[0]
    assert (opp.kind, opp.source, opp.stage, opp.stage_history) == (
        "project", "internal", "spotted", [])
    err = _error(_with_opportunity(stage="maybe"))
    assert err.field == "opportunities[0].stage" and "'maybe'" in str(err)
    err = _error(_with_opportunity(deadline="2027-13-01"))
    assert err.field == "opportunities[0].deadline" and "'2027-13-01'" in str(err)
    err = _error(_with_opportunity(stage_history=[{"stage": "applied", "date": "soon"}]))
    assert err.field == "opportunities[0].stage_history[0].date"


def test_an_opportunity_must_point_at_real_goals_and_skills() -> None:
    err = _error(_with_opportunity(goal_ids=["g9"]))
    assert str(err) == ("alex.yaml: opportunity 1 (“Lead the Q3 migration”), goal_ids = 'g9': "
                        "is not a goal id")
    err = _error(_with_opportunity(skills=["Juggling"]))
    assert ("opportunity 1 (“Lead the Q3 migration”), skills = 'Juggling': is not one of the "
            "workbook's skills") in str(err)
    data = _with_opportunity()
    data["opportunities"].append({**data["opportunities"][0]})
    assert _error(data).field == "opportunities[1].id"


def test_reputation_ratings_are_optional_named_behaviours_0_to_5() -> None:
    fb = {"rater_group": "peer", "rater_id": "p1", "date": D}
    data = _base()
    data["feedback"] = [{**fb, "reputation": {"reliable": 4, "shares_credit": 5}}]
    assert validate_workbook(data).feedback[0].reputation == {"reliable": 4, "shares_credit": 5}
    data["feedback"] = [{**fb, "reputation": {"reliable": 6}}]
    assert _error(data).field == "feedback[0].reputation.reliable"
    data["feedback"] = [{**fb, "reputation": {"charming": 3}}]
    assert _error(data).field.startswith("feedback[0].reputation")


def test_every_field_annotation_is_a_type_not_text_to_evaluate() -> None:
    # issue 15: with the annotations as text (`from __future__ import annotations`), pydantic
    # compiled and evaluated each of them while importing the model: 2 ms of every
    # notebook's start cell. The schema is the same either way.
    import inspect

    from pydantic import BaseModel

    from career_workbook import model

    models = [c for _, c in inspect.getmembers(model, inspect.isclass)
              if issubclass(c, BaseModel) and c.__module__ == model.__name__]
    assert len(models) >= 19 and model.Workbook in models
    text = [f"{c.__name__}.{name}" for c in models
            for name, annotation in vars(c).get("__annotations__", {}).items()
            if isinstance(annotation, str)]
    assert text == []


def test_a_validation_message_names_the_record_from_1_with_its_title(tmp_path):
    """Leftover: pydantic counts from 0 ("goals.0.deadline" said "goals[0].deadline"): the
    first goal was read as "goal 0", and which one it was had to be counted in the file.
    The record is now named by its place counted from 1 and its title; the file, the
    field and the value as before."""
    import yaml

    from career_workbook import store

    path = tmp_path / "ana.yaml"
    path.write_text(yaml.safe_dump({
        "person": {"name": "Ana"},
        "goals": [{"id": "g1", "text": "Learn Go", "status": "active"},
                  {"id": "g2", "text": "Become a team lead", "status": "active",
                   "deadline": "31/02/2027"}]}), encoding="utf-8")
    with pytest.raises(WorkbookError) as info:
        store.load(path)
    assert str(info.value).startswith(
        f"{path}: goal 2 (“Become a team lead”), deadline = '31/02/2027': "), str(info.value)
