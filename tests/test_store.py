"""Loading and saving workbook files: round trips, bad files, history, edit, migrations."""

from __future__ import annotations

import copy
import os
import shutil
import stat
import threading
import typing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import career_workbook as cw
from career_workbook import migrations, model, store
from career_workbook.model import said_where

FIXTURES = Path(__file__).parent / "fixtures"
D = date(2026, 1, 5)


def _new(tmp_path: Path, name: str = "alex.yaml") -> Path:
    path = tmp_path / name
    store.new(path, "Alex Doe", today=D)
    return path


def _snapshot_folder(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) -> its bytes; the lock file excluded."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


# ----------------------------------------------------------------------------------------
# Round trip (property)
# ----------------------------------------------------------------------------------------
YAML_TRAPS = [
    "yes", "No", "on", "null", "Null", "~", "true", "2027-01-01", "2027-13-01", "2027-01-01 10:00",
    "1e3", "1.5", ".inf", "-.nan", "0x1F", "0o17", "1_000", "12:30:00", ": x", "#", "# hi",
    "a # b", "- item", "[a, b]", "{a: b}", "'", '"', "a: b", "@x", "`x", "%x", "!tag", "&a",
    "*a", "|", ">", "---", "...", "? q", "emoji 🎉🚀👩🏽‍💻", "مرحبا بالعالم", "שלום עולם",
    "\u202ereversed\u202c", "line1\nline2", "ends with newline\n", "\n\nleading breaks",
    "  indented", "trailing  ", "tab\there", "crlf\r\nline", "a\u2028b", "nel\x85x",
    "\ufeffbom", "café ß ǅ ﬁ", "nul\x00byte", "esc\x1b[31m", "x" * 150, "quote's \"both\"",
]
text = st.one_of(
    st.sampled_from(YAML_TRAPS),
    st.text(max_size=30),
    st.lists(st.sampled_from(YAML_TRAPS), min_size=2, max_size=3).map("".join),
)
names = text.filter(lambda s: bool(s.strip()) and len(s) <= 200)
dates = st.dates()
optional_dates = st.none() | dates
numbers = st.floats(allow_nan=False, allow_infinity=False, width=64)


def _unique(strategy: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(strategy, max_size=max_size, unique_by=lambda s: s.casefold().strip())


@st.composite
def workbooks(draw: st.DrawFn) -> cw.Workbook:
    """Any valid workbook: every section, references that point somewhere, odd text."""
    skill_names = draw(_unique(names, 4))
    goal_ids = draw(_unique(names, 3))
    some_skills = st.lists(st.sampled_from(skill_names), max_size=3) if skill_names else st.just(
        []
    )
    ratings = (
        st.dictionaries(st.sampled_from(skill_names), st.integers(0, 5), max_size=4)
        if skill_names else st.just({})
    )
    scale10 = st.none() | st.integers(1, 10)

    def metric() -> cw.Metric | None:
        if not draw(st.booleans()):
            return None
        baseline, target = draw(st.tuples(numbers, numbers).filter(lambda p: p[0] != p[1]))
        return cw.Metric(
            name=draw(names), baseline=baseline, target=target,
            current=draw(st.none() | numbers), unit=draw(text),
        )

    goals = [
        cw.Goal(
            id=gid, text=draw(names), horizon=draw(st.sampled_from(["short", "long"])),
            created=draw(dates), deadline=draw(optional_dates),
            status=draw(st.sampled_from(model.GOAL_STATUSES)), confidence=draw(scale10),
            skills=draw(some_skills),
            milestones=[
                cw.Milestone(title=draw(names), due=draw(optional_dates),
                             done_on=draw(optional_dates))
                for _ in range(draw(st.integers(0, 2)))
            ],
            metric=metric(), completed_on=draw(optional_dates),
        )
        for gid in goal_ids
    ]
    return cw.Workbook(
        person=cw.Person(
            name=draw(names), current_role=draw(text), target_role=draw(text),
            organisation=draw(text), coach=draw(text), start_date=draw(optional_dates),
        ),
        vision=cw.Vision(long_term=draw(text), short_term=draw(text),
                         horizon_years=draw(st.integers(1, 40))),
        values=[
            cw.Value(name=n, importance=draw(st.integers(1, 10)), note=draw(text))
            for n in draw(_unique(names, 3))
        ],
        interests=draw(st.none() | st.builds(
            cw.Interests, **{k: st.integers(0, 40) for k in model.RIASEC}
        )),
        skills=[
            cw.Skill(name=n, category=draw(st.sampled_from(model.SKILL_CATEGORIES)),
                     importance=draw(st.integers(1, 5)), target_level=draw(st.integers(0, 5)))
            for n in skill_names
        ],
        role_profile=draw(st.none() | text),
        assessments=[
            cw.Assessment(date=draw(dates), ratings=draw(ratings), note=draw(text))
            for _ in range(draw(st.integers(0, 2)))
        ],
        strengths=draw(st.lists(text.filter(str.strip), max_size=2)),
        weaknesses=draw(st.lists(text.filter(str.strip), max_size=2)),
        feedback=[
            cw.Feedback(rater_group=draw(st.sampled_from(model.RATER_GROUPS)),
                        rater_id=draw(names), date=draw(dates), ratings=draw(ratings),
                        comment=draw(text))
            for _ in range(draw(st.integers(0, 2)))
        ],
        goals=goals,
        actions=[
            cw.Action(id=aid, goal_id=draw(st.none() | st.sampled_from(goal_ids or [None])),
                      text=draw(names), due=draw(optional_dates),
                      status=draw(st.sampled_from(model.ACTION_STATUSES)),
                      priority=draw(st.sampled_from(model.PRIORITIES)))
            for aid in draw(_unique(names, 2))
        ],
        contacts=[
            cw.Contact(id=cid, name=draw(names),
                       relationship=draw(st.sampled_from(model.RELATIONSHIPS)),
                       organisation=draw(text), last_contact=draw(optional_dates),
                       next_follow_up=draw(optional_dates), strength=draw(st.integers(1, 5)),
                       notes=draw(text))
            for cid in draw(_unique(names, 2))
        ],
        achievements=[
            cw.Achievement(date=draw(dates), title=draw(names), impact=draw(text),
                           metric=draw(text), skills=draw(some_skills))
            for _ in range(draw(st.integers(0, 2)))
        ],
        learning=[
            cw.LearningItem(
                title=draw(names), kind=draw(st.sampled_from(model.LEARNING_KINDS)),
                skill=draw(st.none() | st.sampled_from(skill_names or [None])),
                hours=draw(st.floats(0, 10_000)),
                status=draw(st.sampled_from(model.LEARNING_STATUSES)),
                started_on=draw(optional_dates), completed_on=draw(optional_dates),
            )
            for _ in range(draw(st.integers(0, 2)))
        ],
        check_ins=[
            cw.CheckIn(
                date=draw(dates), motivation=draw(scale10), confidence=draw(scale10),
                progress=draw(
                    st.dictionaries(st.sampled_from(goal_ids), st.integers(0, 100))
                    if goal_ids else st.just({})
                ),
                wins=draw(text), setbacks=draw(text), lessons=draw(text),
                adjustments=draw(text), note=draw(text),
            )
            for _ in range(draw(st.integers(0, 3)))
        ],
    )


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(wb=workbooks())
def test_any_valid_workbook_round_trips(tmp_path: Path, wb: cw.Workbook) -> None:
    path = tmp_path / "any.yaml"
    cw.save(wb, path)
    loaded = cw.load(path)
    assert loaded == wb
    assert cw.load(path) == loaded  # and loading again is stable
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Career Workbook file (schema version 3")
    assert "\nschema_version: 3\n" in text


def test_non_finite_numbers_are_refused(tmp_path: Path) -> None:
    for bad in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(ValidationError, match="finite"):
            cw.Metric(name="n", baseline=0, target=bad)
    path = tmp_path / "sam.yaml"
    path.write_text(
        "schema_version: 3\nperson: {name: Sam}\ngoals:\n- id: g1\n  text: Run\n"
        "  created: 2026-01-01\n  metric: {baseline: 0.0, target: .nan}\n",
        encoding="utf-8",
    )
    with pytest.raises(cw.WorkbookError) as info:
        cw.load(path)
    assert info.value.field == "goals[0].metric.target"


def test_large_finite_numbers_round_trip(tmp_path: Path) -> None:
    wb = cw.new_workbook("Sam", today=D)
    wb.goals.append(cw.Goal(id="g1", text="Grow", metric=cw.Metric(
        name="n", baseline=-1e300, target=1e-300, current=1e300)))
    path = tmp_path / "sam.yaml"
    cw.save(wb, path)
    assert cw.load(path) == wb


def test_metric_without_a_name_round_trips(tmp_path: Path) -> None:
    wb = cw.new_workbook("Sam", today=D)
    wb.goals.append(cw.Goal(id="g1", text="Run 10 km", metric=cw.Metric(target=10)))
    path = tmp_path / "sam.yaml"
    cw.save(wb, path)
    assert cw.load(path) == wb


# ----------------------------------------------------------------------------------------
# What the file looks like
# ----------------------------------------------------------------------------------------
def test_file_is_plain_readable_yaml(tmp_path: Path) -> None:
    path = _new(tmp_path)
    with cw.edit(path) as wb:
        wb.strengths += ["yes", "Calm under pressure 🎉"]
        wb.check_ins.append(cw.CheckIn(date=date(2026, 2, 1), note="First line\nSecond line"))
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("# Career Workbook file (schema version 3")
    assert "\n  start_date: 2026-01-05\n" in text  # a YAML date, not a quoted string
    assert "\n- date: 2026-02-01\n" in text
    assert "  note: |-\n    First line\n    Second line\n" in text
    assert "- 'yes'\n" in text  # YAML 1.1 would read a bare yes as True
    assert "🎉" in text  # unicode written as is, not escaped
    assert "null" not in text and "motivation" not in text  # None fields are left out
    assert "&" not in text and "*" not in text  # no anchors or aliases
    assert yaml.safe_load(text)["person"]["start_date"] == D


# A goal made in code or by a form is set today; one read from a file without ``created``
# was set on a day not recorded: the workbook reads the missing field as None.
READ_AS_NONE = {("Goal", "created")}


def test_every_optional_field_defaults_to_none() -> None:
    """Leaving None fields out of the file is only safe because None is always what a
    missing field is read as: the default, or (``READ_AS_NONE``) the workbook's reading."""
    checked = 0
    for cls in vars(model).values():
        if not (isinstance(cls, type) and issubclass(cls, model._Model) and cls is not
                model._Model):
            continue
        for name, field in cls.model_fields.items():
            ann = field.annotation
            if type(None) in typing.get_args(ann):
                assert field.default is None or (cls.__name__, name) in READ_AS_NONE, \
                    f"{cls.__name__}.{name}"
                checked += 1
    assert checked >= 15
    goal = cw.Goal(id="g1", text="Ship it", created=None)
    wb = cw.new_workbook("Sam Lee", today=D)
    wb.goals.append(goal)
    text = store.dumps(wb)
    assert "created" not in text and store.loads(text).goals[0].created is None


def test_saving_identical_content_writes_nothing(tmp_path: Path) -> None:
    path = _new(tmp_path)
    before = path.stat().st_mtime_ns
    cw.save(cw.load(path), path)
    with cw.edit(path):
        pass
    assert path.stat().st_mtime_ns == before
    assert cw.history(path) == []


# ----------------------------------------------------------------------------------------
# Refusing invalid models: the file and its history stay exactly as they were
# ----------------------------------------------------------------------------------------
def _dangling_progress(wb: cw.Workbook) -> None:
    wb.check_ins.append(cw.CheckIn(date=D, note="x", progress={"g-missing": 10}))


def _duplicate_skill(wb: cw.Workbook) -> None:
    wb.skills.extend([cw.Skill(name="SQL"), cw.Skill(name="sql")])


def _dict_with_bad_date(wb: cw.Workbook) -> None:
    wb.goals.append({"id": "g1", "text": "Lead", "deadline": "tomorrow"})  # type: ignore[arg-type]


def _unvalidated_model(wb: cw.Workbook) -> None:
    wb.values.append(cw.Value.model_construct(name="Autonomy", importance=42))


@pytest.mark.filterwarnings("ignore::UserWarning")  # pydantic warns while dumping a dict
@pytest.mark.parametrize(
    ("change", "field", "shown"),
    [
        (_dangling_progress, "check_ins[0].progress", "'g-missing'"),
        (_duplicate_skill, "skills[1].name", "'sql'"),
        (_dict_with_bad_date, "goals[0].deadline", "'tomorrow'"),
        (_unvalidated_model, "values[0].importance", "42"),
    ],
)
def test_save_refuses_an_invalid_model_and_changes_nothing(
    tmp_path: Path, change: Any, field: str, shown: str
) -> None:
    path = _new(tmp_path)
    with cw.edit(path) as wb:  # one version in history already
        wb.strengths.append("Patience")
    before = _snapshot_folder(tmp_path)
    wb = cw.load(path)
    change(wb)
    with pytest.raises(cw.WorkbookError) as info:
        cw.save(wb, path)
    where = said_where(field, info.value.problems[0].record)
    assert str(info.value).startswith(f"{path}: {where} = {shown}")
    assert info.value.field == field
    with pytest.raises(cw.WorkbookError), cw.edit(path) as wb2:
        change(wb2)
    assert _snapshot_folder(tmp_path) == before
    assert len(cw.history(path)) == 1


def test_an_error_inside_edit_writes_nothing(tmp_path: Path) -> None:
    path = _new(tmp_path)
    before = _snapshot_folder(tmp_path)
    with pytest.raises(KeyError), cw.edit(path) as wb:
        wb.strengths.append("Patience")
        raise KeyError("oops")
    assert _snapshot_folder(tmp_path) == before


def test_edit_needs_an_existing_file_unless_told_how_to_create_it(tmp_path: Path) -> None:
    path = tmp_path / "kim.yaml"
    with pytest.raises(cw.WorkbookError, match="no workbook at this path"), cw.edit(path):
        pass
    assert not path.exists()
    with cw.edit(path, create=cw.new_workbook("Kim", today=D)) as wb:
        wb.strengths.append("Curious")
    assert cw.load(path).strengths == ["Curious"]
    with cw.edit(path, create=cw.new_workbook("Other")) as wb:  # exists: create is ignored
        assert wb.person.name == "Kim"


def test_save_inside_edit_reenters_the_lock(tmp_path: Path) -> None:
    path = _new(tmp_path)
    with cw.edit(path) as wb:
        wb.strengths.append("one")
        cw.save(wb, path)
        assert cw.load(path).strengths == ["one"]
        wb.strengths.append("two")
    assert cw.load(path).strengths == ["one", "two"]
    assert len(cw.history(path)) == 2


# ----------------------------------------------------------------------------------------
# Bad files
# ----------------------------------------------------------------------------------------
BAD_FILES = [
    ("invalid YAML", b"person:\n  name: Sam\n  role: [unclosed\n",
     ["invalid YAML at line", "column"], None),
    ("tab indentation", b"person:\n\tname: Sam\n", ["invalid YAML at line 2"], None),
    ("a list", b"- person\n- goals\n",
     ["(top level) = ['person', 'goals']: the top level must be a mapping of fields, not a list"],
     ""),
    ("a scalar", b"just some text\n", ["mapping of fields, not a single value (str)"], ""),
    ("empty", b"", ["the file is empty"], None),
    ("only a comment", b"# nothing yet\n", ["the file is empty"], None),
    ("wrong type", b"person: {name: Sam}\nvalues: [{name: Fun, importance: high}]\n",
     ["value 1 (“Fun”), importance = 'high'", "valid integer"], "values[0].importance"),
    ("quoted date", b"person: {name: Sam, start_date: '2026-01-05'}\n",
     ["person.start_date = '2026-01-05'", "valid date; it is in quotes, so it is read as "
      "text: write the date without quotes: 2026-01-05"], "person.start_date"),
    ("date not YYYY-MM-DD", b"person: {name: Sam}\ngoals: [{text: t, deadline: 2027-2-3}]\n",
     ["goal 1 (“t”), deadline = '2027-2-3'", "write dates as YYYY-MM-DD: 2027-02-03"],
     "goals[0].deadline"),
    ("impossible date", b"person: {name: Sam}\ncheck_ins: [{date: 2026-02-30}]\n",
     ["check-in 1, date = '2026-02-30'", "valid date; 30 February 2026 is not a date"],
     "check_ins[0].date"),
    ("out of range", b"person: {name: Sam}\ncheck_ins: [{date: 2026-01-05, motivation: 11}]\n",
     ["check-in 1, motivation = 11", "less than or equal to 10"], "check_ins[0].motivation"),
    ("unknown key", b"person: {name: Sam, nickname: S}\n",
     ["person.nickname = 'S'", "Extra inputs are not permitted"], "person.nickname"),
    ("dangling reference",
     b"person: {name: Sam}\ngoals: [{id: g1, text: Lead, skills: [Python]}]\n",
     ["goal 1 (“Lead”), skills = 'Python'", "not one of the workbook's skills"], "goals[0].skills"),
    ("duplicate key", b"person: {name: Sam}\ngoals: []\ngoals: []\n",
     ["duplicate key 'goals'", "line 3"], None),
    ("aliases", b"person: {name: Sam}\nstrengths: &s [a]\nweaknesses: *s\n",
     ["anchors and aliases"], None),
    ("newer schema", b"schema_version: 4\nperson: {name: Sam}\n",
     ["made by a newer Career Workbook (schema 4); please upgrade"], None),
    ("text schema", b"schema_version: two\nperson: {name: Sam}\n",
     ["schema_version = 'two'", "whole number"], "schema_version"),
    ("python tag", b"!!python/object/apply:os.system ['echo hacked > hacked.txt']\n",
     ["unsupported YAML tag '!!python/object/apply:os.system'", "line 1"], None),
    ("python tag in a field", b"person:\n  name: !!python/object/new:str [Sam]\n",
     ["unsupported YAML tag '!!python/object/new:str'", "line 2"], None),
    ("invalid UTF-8", b"person:\n  name: Ren\xe9\n", ["not UTF-8", "0xe9", "line 2"], None),
    # Nesting: once a RecursionError (repr in the message), and a crash of the C loader
    ("nested lists", b"[" * 2000 + b"]" * 2000,
     # column 51 where this check sees the 51st level first; PyYAML >= 6.0.4's scanner
     # stops at its own limit (column 1001) while looking ahead
     ["the YAML is nested too deeply at line 1, column ", "(more than 50 levels of lists "
      "and mappings)"], None),
    ("nested lists in a field", b"person: {name: Sam}\ngoals:\n- " + b"[" * 2000 + b"]" * 2000,
     ["nested too deeply at line 3, column "], None),
    ("nested beyond the C loader", b"a: !!str b\nc: " + b"[" * 200_000 + b"]" * 200_000,
     ["nested too deeply at line 2, column "], None),
    ("aliases in a top-level list", b"- &a [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
        b"- &%c [%s]\n" % (97 + i, b", ".join([b"*%c" % (96 + i)] * 10)) for i in range(1, 7)),
     ["anchors and aliases"], None),
]


@pytest.mark.parametrize(
    ("content", "expected", "field"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_bad_files_are_refused_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, expected: list[str],
    field: str | None,
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "sam.yaml"
    path.write_bytes(content)
    with pytest.raises(cw.WorkbookError) as info:
        cw.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    for part in expected:
        assert part in message
    assert info.value.field == field
    assert not (tmp_path / "hacked.txt").exists()
    assert path.read_bytes() == content  # loading never changes the file


@pytest.mark.parametrize(("lines", "field", "shown", "hint"), [
    ("person:\n  name: Sam\n  current_role: 2.10\n", "person.current_role", "2.1",
     "YAML reads a bare 2.10 as the number 2.1: write it in quotes, current_role: '2.10'"),
    ("person:\n  name: Sam\n  organisation: 2026-01-05\n", "person.organisation",
     "2026-01-05",
     "YAML reads a bare 2026-01-05 as a date: write it in quotes, organisation: '2026-01-05'"),
    ("person:\n  name: Sam\nstrengths:\n  - 1.50\n", "strengths[0]", "1.5",
     "YAML reads a bare 1.50 as the number 1.5: write it in quotes, - '1.50'"),
    ("person:\n  name: Sam\n  coach: no\n", "person.coach", "False",
     "YAML reads a bare no as false: write it in quotes, coach: 'no'"),
])
def test_text_yaml_reads_as_something_else_is_refused_saying_how_to_keep_it(
        tmp_path: Path, lines: str, field: str, shown: str, hint: str) -> None:
    """Red team: ``note: 12:30`` was refused as ``750`` with no word of the text written;
    the load's own message (a notebook's ``cw.load``) and the located one both say it."""
    path = tmp_path / "sam.yaml"
    path.write_text(lines, encoding="utf-8")
    with pytest.raises(cw.WorkbookError) as info:
        cw.load(path)
    assert str(info.value) == (
        f"{path}: {said_where(field)} = {shown}: Input should be a valid string; {hint}")
    line = len(lines.splitlines())  # the value is on the last line
    assert store.locate_problems(path, info.value.problems) == [
        f"{said_where(field)} = {shown}: Input should be a valid string; {hint} (line {line})"]


FLOW = "person: {name: Sam}\nskills:\n- {name: Python}\n- {name: SQL}\n"


@pytest.mark.parametrize(("lines", "problem"), [
    # the example files' style: a flow mapping on one line of a block list
    ("goals:\n- {id: g1, text: Run 5k, metric: {name: x, baseline: 0, target: 3, "
     "current: 2,5, unit: 个}}\n",
     "goal 1 (“Run 5k”), metric.current = '2,5': Input should be a valid number; write 2.5 "
     "(a decimal point, not a comma)"),
    ("assessments:\n- {date: 2026-01-05, ratings: {Python: 3,5, SQL: 2}}\n",
     "assessment 1, ratings.Python = '3,5': Input should be a valid integer; write a whole "
     "number: 3 or 4"),
    ("learning:\n- {title: SQL course, hours: 12,5}\n",  # the value last in its {…}
     "learning item 1 (“SQL course”), hours = '12,5': Input should be a valid number; "
     "write 12.5 (a decimal point, not a comma)"),
    ("goals:\n- id: g1\n  text: Earn more\n  metric: {name: pay, baseline: 0, "
     "target: 1,000,000}\n",  # read as 1 and the key 000 twice: a duplicate key before
     "goal 1 (“Earn more”), metric.target = '1,000,000': Input should be a valid number; "
     "write 1000000 (no thousands commas)"),
    ("learning:\n- {title: Version 2,5, hours: 3}\n",  # text: to be written in quotes
     "learning item 1, title = 'Version 2,5': inside {…} a comma ends a value (YAML reads "
     "Version 2 and then a key 5): write it in quotes, title: 'Version 2,5'"),
])
def test_a_decimal_comma_inside_braces_gets_the_block_styles_message(
        tmp_path: Path, lines: str, problem: str) -> None:
    """Red team: ``current: 2,5`` inside ``{…}`` gave ``goals[0].metric[5] = 5: Keys should
    be strings``, and ``{Python: 3,5, SQL: 2}`` two puzzling problems about a key 5: YAML
    reads a comma there as the end of the value. One problem now, the field and the
    value as typed, with its line (``validate``)."""
    path = tmp_path / "sam.yaml"
    path.write_text(FLOW + lines, encoding="utf-8")
    with pytest.raises(cw.WorkbookError) as info:
        cw.load(path)
    assert [str(p) for p in info.value.problems] == [problem], str(info.value)
    line = FLOW.count("\n") + len(lines.splitlines())
    assert store.locate_problems(path, info.value.problems) == [f"{problem} (line {line})"]


def test_a_comma_and_a_space_inside_braces_is_not_taken_for_a_decimal(tmp_path: Path) -> None:
    """``hours: 12, 5`` may be a value and a key forgotten: it is not read as 12,5."""
    path = tmp_path / "sam.yaml"
    path.write_text(FLOW + "learning:\n- {title: SQL, hours: 12, 5}\n", encoding="utf-8")
    with pytest.raises(cw.WorkbookError) as info:
        cw.load(path)
    assert "12, 5" not in str(info.value) and "learning[0].hours" not in str(info.value)


def test_a_tab_in_the_indentation_is_named(tmp_path: Path) -> None:
    path = tmp_path / "sam.yaml"
    path.write_bytes(b"person:\n  name: Sam\n\tcoach: Kim\n")
    with pytest.raises(cw.WorkbookError) as info:
        cw.load(path)
    assert str(info.value).endswith(
        "; the file uses a tab to indent line 3; indent with spaces")


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(25 * 2**20)  # sparse: no real disk space used
    with pytest.raises(cw.WorkbookError) as info:
        cw.load(path)
    assert str(info.value) == (
        f"{path}: the file is 25.0 MB (26,214,400 bytes); a workbook may be at most 20 MB "
        "(is this the right file?)"
    )
    with open(path, "wb") as handle:  # one byte over the limit is refused too
        handle.truncate(store.MAX_FILE_BYTES + 1)
    with pytest.raises(cw.WorkbookError, match="may be at most 20 MB"):
        cw.load(path)


def test_missing_file_and_folder_errors_name_the_path(tmp_path: Path) -> None:
    with pytest.raises(cw.WorkbookError, match="no workbook at this path"):
        cw.load(tmp_path / "nobody.yaml")
    with pytest.raises(cw.WorkbookError, match="this is a folder"):
        cw.load(tmp_path)
    with pytest.raises(cw.WorkbookError, match="does not exist") as info:
        cw.save(cw.new_workbook("Sam"), tmp_path / "no" / "sam.yaml")
    assert str(tmp_path / "no" / "sam.yaml") in str(info.value)


def test_a_hand_broken_file_is_kept_in_history_when_saved_over(tmp_path: Path) -> None:
    path = _new(tmp_path)
    broken = b"person: {name: Alex\n"
    path.write_bytes(broken)
    cw.save(cw.new_workbook("Alex Doe", today=D), path)
    assert cw.history(path)[0].path.read_bytes() == broken
    assert cw.load(path).person.name == "Alex Doe"


# ----------------------------------------------------------------------------------------
# History and restore
# ----------------------------------------------------------------------------------------
def test_history_keeps_the_last_hour_and_restore_brings_one_back(tmp_path: Path) -> None:
    path = _new(tmp_path)
    for i in range(25):
        with cw.edit(path) as wb:
            wb.strengths.append(f"strength {i}")
    entries = cw.history(path)
    assert len(entries) == 25  # all from the last hour: none thinned
    assert [e.version for e in entries] == list(range(25, 0, -1))  # newest first
    assert all(e.saved_at.tzinfo is UTC for e in entries)
    assert [e.saved_at for e in entries] == sorted((e.saved_at for e in entries), reverse=True)
    assert entries[0].size == entries[0].path.stat().st_size
    assert entries[0].path.parent == tmp_path / ".history" / "alex.yaml"
    assert len(list(entries[0].path.parent.iterdir())) == 25
    # The newest copy is the version before the current one: 24 strengths.
    assert len(cw.load(entries[0].path).strengths) == 24

    current = path.read_bytes()
    restored = cw.restore(path, 19)  # the oldest kept: version 6, five strengths
    assert restored.strengths == [f"strength {i}" for i in range(5)]
    assert cw.load(path) == restored
    after = cw.history(path)
    assert len(after) == 26 and after[0].version == 26
    assert after[0].path.read_bytes() == current  # the restore can itself be undone
    cw.restore(path, after[0])
    assert path.read_bytes() == current


def test_restore_refuses_a_missing_entry(tmp_path: Path) -> None:
    path = _new(tmp_path)
    with pytest.raises(cw.WorkbookError, match="no history entry 0: 0 previous versions"):
        cw.restore(path, 0)
    with pytest.raises(TypeError):
        cw.restore(path, "0")  # type: ignore[arg-type]


def test_history_saved_at_is_when_that_version_was_written(tmp_path: Path) -> None:
    path = _new(tmp_path)
    written = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    with cw.edit(path) as wb:
        wb.strengths.append("x")
    assert cw.history(path)[0].saved_at == written


# ----------------------------------------------------------------------------------------
# Migrations
# ----------------------------------------------------------------------------------------
def test_v1_fixture_is_upgraded_on_load_and_saved_as_current(tmp_path: Path) -> None:
    original = (FIXTURES / "workbook_v1.yaml").read_bytes()
    path = tmp_path / "priya.yaml"
    path.write_bytes(original)
    wb = cw.load(path)
    assert path.read_bytes() == original  # loading does not rewrite the file
    assert wb.schema_version == 3
    assert wb.person.current_role == "Data Analyst"
    assert [g.status for g in wb.goals] == ["active", "draft"]
    assert [c.progress for c in wb.check_ins] == [{"g1": 20}, {"g1": 45, "g2": 0}]
    assert wb.learning[0].hours == 12.5

    wb.check_ins.append(cw.CheckIn(date=date(2025, 12, 1), note="Upgraded"))
    cw.save(wb, path)
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 3
    assert "checkins" not in saved and len(saved["check_ins"]) == 3
    assert saved["person"]["current_role"] == "Data Analyst" and "role" not in saved["person"]
    assert cw.history(path)[0].path.read_bytes() == original
    assert cw.restore(path, 0).person.current_role == "Data Analyst"  # a v1 copy restores


def test_migrate_is_pure_and_treats_a_missing_version_as_1() -> None:
    data = yaml.safe_load((FIXTURES / "workbook_v1.yaml").read_text(encoding="utf-8"))
    frozen = copy.deepcopy(data)
    upgraded = migrations.migrate(data)
    assert data == frozen
    assert list(upgraded)[0] == "schema_version" and upgraded["schema_version"] == 3
    assert migrations.migrate({**data, "schema_version": 1}) == upgraded
    assert migrations.migrate(upgraded) == upgraded
    assert cw.validate_workbook(upgraded).person.current_role == "Data Analyst"


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (True, "schema_version = True: must be a whole number"),
        (2.0, "schema_version = 2.0: must be a whole number"),
        (0, "schema_version = 0: must be 1 or more"),
        (99, "made by a newer Career Workbook (schema 99); please upgrade"),
    ],
)
def test_migrate_refuses_bad_versions(version: Any, message: str) -> None:
    with pytest.raises(cw.WorkbookError) as info:
        migrations.migrate({"schema_version": version, "person": {"name": "S"}}, path="s.yaml")
    assert str(info.value).startswith(f"s.yaml: {message}")


def test_migrate_refuses_old_and_new_names_together() -> None:
    data = {"person": {"name": "S", "role": "Analyst", "current_role": "Lead"}}
    with pytest.raises(cw.WorkbookError) as info:
        migrations.migrate(data, path="s.yaml")
    assert info.value.field == "person.current_role"
    assert str(info.value).startswith("s.yaml: person.current_role = 'Lead': both 'role'")


def test_v2_fixture_is_upgraded_to_3_with_empty_opportunities(tmp_path: Path) -> None:
    """Schema 3 (issue 16): a version-2 file loads, gains nothing but the version, and is
    saved as version 3 with its data intact; the v2 copy stays in the history."""
    original = (FIXTURES / "workbook_v2.yaml").read_bytes()
    raw = yaml.safe_load(original)
    assert raw["schema_version"] == 2 and "opportunities" not in raw
    path = tmp_path / "priya.yaml"
    path.write_bytes(original)
    wb = cw.load(path)
    assert path.read_bytes() == original
    assert wb.schema_version == 3 and wb.opportunities == []
    assert all(f.reputation == {} for f in wb.feedback) and wb.feedback
    assert len(wb.goals) == len(raw["goals"]) and wb.person.name == "Priya Raman"
    wb.opportunities.append(cw.Opportunity(id="o1", title="Lead the churn model project",
                                           spotted=date(2026, 11, 1)))
    cw.save(wb, path)
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 3 and saved["opportunities"][0]["id"] == "o1"
    assert cw.history(path)[0].path.read_bytes() == original
    assert cw.restore(path, 0).opportunities == []  # the v2 copy restores, upgraded


def test_migrate_2_to_3_is_pure_and_idempotent() -> None:
    data = yaml.safe_load((FIXTURES / "workbook_v2.yaml").read_text(encoding="utf-8"))
    frozen = copy.deepcopy(data)
    upgraded = migrations.migrate(data)
    assert data == frozen
    assert upgraded == {**frozen, "schema_version": 3}
    assert list(upgraded)[0] == "schema_version"
    assert migrations.migrate(upgraded) == upgraded


def test_a_migration_step_is_registered_once() -> None:
    assert migrations.MIGRATIONS[2] is migrations._v2_to_v3
    assert migrations.MIGRATIONS[1] is migrations._v1_to_v2
    with pytest.raises(ValueError, match="already registered"):
        migrations.migration(from_version=1)(lambda data: data)


# ----------------------------------------------------------------------------------------
# new, temp files, locks, file system details
# ----------------------------------------------------------------------------------------
def test_new_creates_folders_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "clients" / "lee.yaml"
    wb = store.new(path, "Lee Chen", current_role="Analyst", today=D)
    assert cw.load(path) == wb
    before = path.read_bytes()
    with pytest.raises(cw.WorkbookError, match="a workbook already exists here"):
        store.new(path, "Someone Else")
    assert path.read_bytes() == before
    with pytest.raises(cw.WorkbookError) as info:
        store.new(tmp_path / "blank.yaml", "  ")
    assert str(info.value).startswith(f"{tmp_path / 'blank.yaml'}: person.name = '  '")
    assert not (tmp_path / "blank.yaml").exists()


def test_load_removes_only_our_stale_temp_files(tmp_path: Path) -> None:
    path = _new(tmp_path)
    ours = tmp_path / ".alex.yaml.0123456789abcdef.tmp"
    history_temp = tmp_path / ".history" / "alex.yaml" / (
        ".2026-01-05T10-00-00.000000Z-000001.yaml.0123456789abcdef.tmp"
    )
    history_temp.parent.mkdir(parents=True)
    keep = [
        tmp_path / ".alex.yaml.not-hex-at-all.tmp",
        tmp_path / ".bob.yaml.0123456789abcdef.tmp",
        tmp_path / "alex.yaml.0123456789abcdef.tmp",
        tmp_path / ".history" / "alex.yaml" / "notes.tmp",
    ]
    for file in [ours, history_temp, *keep]:
        file.write_text("partial")
    cw.load(path)
    assert not ours.exists() and not history_temp.exists()
    assert all(file.exists() for file in keep)


def test_load_keeps_temp_files_while_another_thread_is_saving(tmp_path: Path) -> None:
    path = _new(tmp_path)
    inside, done = threading.Event(), threading.Event()

    def hold() -> None:
        with cw.edit(path):
            inside.set()
            done.wait(timeout=30)

    thread = threading.Thread(target=hold)
    thread.start()
    inside.wait(timeout=30)
    busy = tmp_path / ".alex.yaml.00000000000000ff.tmp"
    busy.write_text("being written")
    try:
        cw.load(path)  # does not wait for the lock and does not touch the temp file
        assert busy.exists()
    finally:
        done.set()
        thread.join(timeout=30)
    cw.load(path)
    assert not busy.exists()


def test_load_works_when_the_lock_cannot_be_taken(tmp_path: Path) -> None:
    """E.g. a read-only folder: loading still works; only the clean-up is skipped."""
    path = _new(tmp_path)
    (tmp_path / ".alex.yaml.lock").unlink()
    (tmp_path / ".alex.yaml.lock").mkdir()  # an unusable lock file, even for root
    leftover = tmp_path / ".alex.yaml.0123456789abcdef.tmp"
    leftover.write_text("x")
    assert cw.load(path).person.name == "Alex Doe"
    assert leftover.exists()
    with pytest.raises(cw.WorkbookError, match="cannot create the lock file"):
        cw.save(cw.new_workbook("Alex Doe"), path)


def test_a_failed_write_is_a_workbook_error_and_keeps_the_file(tmp_path: Path) -> None:
    path = _new(tmp_path)
    before = path.read_bytes()
    (tmp_path / ".history").write_text("not a folder")  # the history cannot be written
    with pytest.raises(cw.WorkbookError) as info, cw.edit(path) as wb:
        wb.strengths.append("lost?")
    assert str(info.value).startswith(f"{path}: could not save: ")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_save_keeps_the_file_permissions(tmp_path: Path) -> None:
    path = _new(tmp_path)
    path.chmod(0o600)
    with cw.edit(path) as wb:
        wb.strengths.append("private")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_atomic_write_leaves_no_temp_file_when_it_fails(tmp_path: Path) -> None:
    target = tmp_path / "folder.yaml"
    target.mkdir()
    (target / "inside").write_text("x")
    with pytest.raises(OSError):
        store.atomic_write_bytes(target, b"data")  # cannot replace a non-empty folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.yaml"]


def test_paths_may_be_strings(tmp_path: Path) -> None:
    path = str(_new(tmp_path))
    with cw.edit(path) as wb:
        wb.strengths.append("str path")
    assert cw.load(path).strengths == ["str path"]
    assert len(cw.history(path)) == 1


def test_copied_examples_and_fixtures_load(tmp_path: Path) -> None:
    examples = sorted((Path(__file__).parents[1] / "examples" / "workbooks").glob("*.yaml"))
    for source in [FIXTURES / "workbook_v1.yaml", *examples]:
        target = tmp_path / source.name
        shutil.copy(source, target)
        wb = cw.load(target)
        cw.save(wb, target)
        assert cw.load(target) == wb
    assert os.listdir(tmp_path)


# ----------------------------------------------------------------------------------------
# Red team: comments written by hand vanish on the next save; the person is told
# ----------------------------------------------------------------------------------------
def test_the_header_says_comments_are_not_kept_and_where_notes_go(tmp_path: Path) -> None:
    header = [line for line in _new(tmp_path).read_text(encoding="utf-8").splitlines()
              if line.startswith("#")]
    assert header[2:] == [
        "# Comments (lines starting with #) are not kept: every save rewrites this file.",
        "# Write notes in the note fields instead (check_ins, values, assessments: note;",
        "# contacts, opportunities: notes; feedback: comment).",
    ]
    assert all(len(line) <= 88 for line in header)
    for field, model_class in (("note", model.CheckIn), ("note", model.Value),
                               ("note", model.Assessment), ("notes", model.Contact),
                               ("notes", model.Opportunity), ("comment", model.Feedback)):
        assert field in model_class.model_fields


def test_a_save_over_hand_written_comments_says_where_they_are_kept(tmp_path: Path) -> None:
    path = _new(tmp_path)
    text = path.read_text(encoding="utf-8")
    commented = text.replace("person:\n", "# ask about the promotion in March\nperson:\n")
    commented = commented.replace("  name: Alex Doe\n", "  name: Alex Doe  # call her Lex\n")
    path.write_text(commented, encoding="utf-8")
    with pytest.warns(store.CommentsNotKeptWarning) as caught, cw.edit(path) as wb:
        wb.strengths.append("Listening")
    kept = cw.history(path)[0].path
    assert kept.read_text(encoding="utf-8") == commented
    assert str(caught[0].message) == (
        f"{path}: the comments written in this file by hand were not kept (a save rewrites "
        f"the whole file); the previous version, with them, is {kept}; write notes in the "
        "note fields instead")
    assert "call her Lex" not in path.read_text(encoding="utf-8")


def test_no_comment_warning_for_the_header_or_a_hash_in_text(tmp_path: Path) -> None:
    import warnings

    path = _new(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with cw.edit(path) as wb:
            wb.strengths += ["C# and F#", "fixed issue #12", "line one\n# not a comment"]
        with cw.edit(path) as wb:
            wb.weaknesses.append("Delegating")
    assert "# not a comment" in path.read_text(encoding="utf-8")
