"""The schema of a workbook: pydantic models, validation and clear errors.

One :class:`Workbook` per person. Every model is strict (no silent coercion of ``"5"`` to
``5``), rejects unknown keys, and enforces ranges. Cross-references (a goal id in an action,
a skill name in a rating) are checked on the whole workbook.

Examples
--------
>>> from datetime import date
>>> wb = new_workbook(name="Alex Doe", today=date(2026, 11, 22))
>>> wb.person.name, wb.schema_version == SCHEMA_VERSION
('Alex Doe', True)
>>> wb.goals.append(Goal(id="g1", text="Pass the CFA Level I exam in 2027"))
>>> validate_workbook(wb).goals[0].status
'draft'
"""

# No ``from __future__ import annotations`` here (unlike the other modules): pydantic reads
# each field's annotation, and a string one it must compile and evaluate first (121 fields,
# 2 ms of every notebook's start cell). The few names used before their class exists are
# quoted instead.
import contextlib
import functools
import math
import re
import reprlib
import unicodedata
import uuid
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from dataclasses import field as _field
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from career_workbook.wording import BIDI_CONTROLS

SCHEMA_VERSION = 3
"""Current version of the workbook file format (see :mod:`career_workbook.migrations`)."""

SKILL_CATEGORIES = ("technical", "soft", "leadership", "domain")
RATER_GROUPS = ("self", "manager", "peer", "direct_report", "mentor", "other")
GOAL_STATUSES = ("draft", "active", "done", "dropped")
ACTION_STATUSES = ("todo", "doing", "done", "dropped")
PRIORITIES = ("high", "medium", "low")
RELATIONSHIPS = ("mentor", "sponsor", "peer", "manager", "industry", "other")
LEARNING_KINDS = (
    "course", "book", "certification", "project", "mentoring", "conference", "article",
    "video", "practice", "other",
)
LEARNING_STATUSES = ("planned", "in_progress", "done")
OPPORTUNITY_KINDS = ("project", "stretch", "role", "posting", "speaking", "writing", "other")
OPPORTUNITY_SOURCES = ("internal", "external")
OPPORTUNITY_STAGES = ("spotted", "exploring", "applied", "interviewing", "offer", "declined",
                      "not_now")
"""Stages in pipeline order; the last three are outcomes (an offer, or a door closed)."""
REPUTATION_BEHAVIOURS = ("quality", "reliable", "ethical", "constructive", "shares_credit")
"""Behaviours a reputation rests on, rated (0-5) in 360 feedback next to the skills."""
RIASEC = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")
OWN_TARGETS = ""
"""``Workbook.role_profile`` when the person chose their own targets in notebook 05 over any
catalog profile. ``None`` means nothing was chosen there: a target role (notebook 00) that
names a catalog profile then decides (:func:`career_workbook.catalog.resolve_role`)."""

_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")


def clean_name(text: str) -> str:
    """``text`` as a name is stored: Unicode NFKC (a no-break space is a space, ``e`` and a
    combining accent are ``é``), no zero-width characters, single spaces, no outer spaces.

    >>> clean_name(" Machine\u00a0Learning\u200b "), clean_name("Cafe\u0301  Ops")
    ('Machine Learning', 'Café Ops')
    """
    return " ".join(_INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).split())


def name_key(text: str) -> str:
    """The key an import matches a skill name by: :func:`clean_name`, then case folded.
    (A workbook's own uniqueness check stays case and outer spaces only, so a file written
    before this rule still opens.)

    >>> name_key("Data  Visualisation") == name_key("data visualisation")
    True
    """
    return clean_name(text).casefold()


@functools.lru_cache(maxsize=8192)
def person_key(text: str) -> str:
    """The key a person's name or organisation is compared by (a contact entered twice, a
    contact imported again): case, accents, punctuation and spaces ignored.

    >>> person_key("  José  O'Neil-Smith ") == person_key("jose oneil smith")
    True
    """
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = re.sub(r"['’`]", "", plain)
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
"""An email address in a contact's notes (the workbook has no field for it)."""


@functools.lru_cache(maxsize=8192)
def skill_key(name: str) -> str:
    """The key a skill named elsewhere (a role profile's, a posting's) is matched to a
    tracked skill by: :func:`name_key`, then emoji and other symbols ignored ("Python 🐍"
    is "Python"; "C++" and "C#" stay apart).

    >>> skill_key("Python 🐍") == skill_key(" python"), skill_key("C++") == skill_key("C#")
    (True, False)
    """
    kept = "".join(ch for ch in name_key(name)
                   if unicodedata.category(ch) not in ("So", "Sk", "Cf", "Mn", "Me", "Cs"))
    return " ".join(kept.split())


_QUALIFIER = re.compile(r"(?:\s*\([^()]*\)|\s+v?\d+(?:\.(?:\d+|x))*"
                        r"|(?<=[^\W\d_]|[+#])\d+(?:\.(?:\d+|x))*)$")
"""A trailing parenthesised qualifier, or a trailing version number: after a space
("Python 3.12", "Excel 365", "Java v8") or straight after the name's last letter
("HTML5", "C++17"); never a part of a longer word."""


@functools.lru_cache(maxsize=8192)
def skill_base(name: str) -> str:
    """The :func:`skill_key` of a tracked skill without the version or qualifier it was
    written with: a trailing version number ("Python 3", "Python 3.12", "Excel 365",
    "HTML5") or a trailing parenthesised qualifier ("SQL (Postgres)"), each one taken off
    in turn. A role or posting naming the plain skill ("Python") means that skill
    (:func:`~career_workbook.analysis.skills.tracked_skill`). Only what ends the name goes,
    and only a whole number or bracket: a longer word never shortens to a shorter skill.

    >>> [skill_base(n) for n in ("Python 3.12", "SQL (Postgres)", "Excel 365", "HTML5",
    ...                          "Python 3 (data work)", "Java v8", "C++17")]
    ['python', 'sql', 'excel', 'html', 'python', 'java', 'c++']
    >>> [skill_base(n) for n in ("C++", "JavaScript", "React", "Google Ads", "3D Modelling",
    ...                          "365", "(SQL)", "Go")]
    ['c++', 'javascript', 'react', 'google ads', '3d modelling', '365', '(sql)', 'go']
    """
    key = skill_key(name)
    while (shorter := _QUALIFIER.sub("", key).strip()) and shorter != key:
        key = shorter
    return key


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


def one_line(text: Any) -> Any:
    """A one-line name as typed or pasted: every run of whitespace (spaces, a tab, a line
    break, a no-break or other Unicode space) is one space, none around it. The one rule
    for a person's name, the forms' and ``career-workbook new``'s alike (``new`` refused a
    pasted tab the forms kept). Blank text or not text: returned as it is (the checks
    after say why).

    >>> one_line("  Ana   Lopez\\n"), one_line("Ana\\u00a0 Lopez"), one_line("Ana\\nLopez")
    ('Ana Lopez', 'Ana Lopez', 'Ana Lopez')
    >>> one_line("Ana\\tLopez"), one_line("Ana\\r\\n\\u2003Lopez\\u2028")
    ('Ana Lopez', 'Ana Lopez')

    A bidi embedding, override or isolate is dropped, as :func:`wording.one_line` drops it:
    one left open reversed the rest of each line the name is put in (the pack's footer read
    ``Tab here6202 voN 22 fo weiver``); a name in any script reads right without one.

    >>> one_line("Tab here \\u202eevil"), one_line("\\u2067مريم\\u2069 Haddad")
    ('Tab here evil', 'مريم Haddad')
    """
    if not isinstance(text, str) or not text.strip():
        return text
    return " ".join("".join(ch for ch in text if ch not in BIDI_CONTROLS).split())


Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_not_blank)]
PersonName = Annotated[str, Field(min_length=1, max_length=200), BeforeValidator(one_line),
                       AfterValidator(_not_blank)]
"""The person's own name: :func:`one_line` (the forms, the CLI and a file alike)."""
LongName = Annotated[str, Field(min_length=1, max_length=2_000), AfterValidator(_not_blank)]
TEXT_MAX = 20_000
"""The most characters a :data:`Text` (notes, a comment) holds."""
Text = Annotated[str, Field(max_length=TEXT_MAX)]


def _typed_at_most(most: int) -> AfterValidator:
    """A cap on what a form takes (validated with ``context={"typed": True}``, as
    :func:`~career_workbook.widgets.fields.check_model` does), not on what a file holds: a
    workbook written before the cap, or by hand, still loads (its texts up to :data:`Text`'s
    limit), while a form refuses a 5,000-character paste with the field and the limit.

    >>> from pydantic import TypeAdapter
    >>> short = TypeAdapter(ShortText)
    >>> len(short.validate_python("O" * 500))  # a file's value
    500
    >>> try:
    ...     short.validate_python("O" * 500, context={"typed": True})
    ... except ValidationError as err:
    ...     print(err.errors()[0]["type"], err.errors()[0]["ctx"])
    string_too_long {'max_length': 200}
    """
    def check(text: str, info: ValidationInfo) -> str:
        if len(text) > most and (info.context or {}).get("typed"):
            raise PydanticCustomError("string_too_long",
                                      "String should have at most {max_length} characters",
                                      {"max_length": most})
        return text

    return AfterValidator(check)


SHORT_TEXT_TYPED = 200
"""The most a form (or an import) takes for a :data:`ShortText`."""
ShortText = Annotated[str, Field(max_length=20_000), _typed_at_most(SHORT_TEXT_TYPED)]
"""An optional one-line text (an organisation, a role, a unit): a form takes at most as
much as a :data:`Name` (a 5,000-character organisation was saved whole); a file, as much as
a :data:`Text`."""
StepText = Annotated[str, Field(max_length=20_000), _typed_at_most(2_000)]
"""An optional step to take: a form takes at most as much as an action's text
(:data:`LongName`); a file, as much as a :data:`Text`."""
Level = Annotated[int, Field(ge=0, le=5)]
Importance5 = Annotated[int, Field(ge=1, le=5)]
Scale10 = Annotated[int, Field(ge=1, le=10)]
Percent = Annotated[int, Field(ge=0, le=100)]


def _new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


class _Model(BaseModel):
    """Base: strict types, unknown keys rejected, finite numbers, checked on assignment too."""

    model_config = ConfigDict(
        extra="forbid", strict=True, validate_assignment=True, allow_inf_nan=False
    )


class Person(_Model):
    """Who the workbook belongs to."""

    name: PersonName
    current_role: ShortText = ""
    target_role: ShortText = ""
    organisation: ShortText = ""
    coach: ShortText = ""
    start_date: date | None = None


class Vision(_Model):
    """Where the person wants to be: long term, the next year or two, and the horizon."""

    long_term: Text = ""
    short_term: Text = ""
    horizon_years: Annotated[int, Field(ge=1, le=40)] = 5


class Value(_Model):
    """A personal value and how much it matters (1-10)."""

    name: Name
    importance: Scale10 = 5
    note: Text = ""


class Interests(_Model):
    """Holland (RIASEC) interest scores, each 0-40."""

    realistic: Annotated[int, Field(ge=0, le=40)] = 0
    investigative: Annotated[int, Field(ge=0, le=40)] = 0
    artistic: Annotated[int, Field(ge=0, le=40)] = 0
    social: Annotated[int, Field(ge=0, le=40)] = 0
    enterprising: Annotated[int, Field(ge=0, le=40)] = 0
    conventional: Annotated[int, Field(ge=0, le=40)] = 0


class Skill(_Model):
    """A skill the person tracks, its weight (importance 1-5) and target level (0-5)."""

    name: Name
    category: Literal["technical", "soft", "leadership", "domain"] = "technical"
    importance: Importance5 = 3
    target_level: Level = 4


class Assessment(_Model):
    """A dated self-assessment: a level 0-5 per skill. The forms keep one per day (a second
    save that day updates it); another day's is never overwritten."""

    date: date
    ratings: dict[str, Level] = Field(default_factory=dict)
    note: Text = ""


class Feedback(_Model):
    """One colleague's ratings (360 feedback). ``rater_id`` is an anonymous code."""

    rater_group: Literal["self", "manager", "peer", "direct_report", "mentor", "other"]
    rater_id: Name
    date: date
    ratings: dict[str, Level] = Field(default_factory=dict)
    comment: Text = ""
    reputation: dict[
        Literal["quality", "reliable", "ethical", "constructive", "shares_credit"], Level
    ] = Field(default_factory=dict)

    @property
    def rater_key(self) -> str:
        """The rater's code as raters are told apart: "M9" and "m9" are one colleague.

        >>> Feedback(rater_group="peer", rater_id=" M9", date=date(2026, 1, 9)).rater_key
        'm9'
        """
        return self.rater_id.strip().casefold()


class Milestone(_Model):
    """A step towards a goal, with a due date and the date it was done."""

    title: Name
    due: date | None = None
    done_on: date | None = None


class Metric(_Model):
    """A number that tells how far a goal has come: from ``baseline`` to ``target``."""

    name: ShortText = ""
    baseline: float = 0.0
    target: float
    current: float | None = None
    unit: ShortText = ""

    @model_validator(mode="after")
    def _target_differs(self) -> "Metric":
        if self.target == self.baseline:
            raise ValueError("target must differ from baseline")
        return self


class Goal(_Model):
    """A goal. ``cw.Goal(text=...)`` is valid: every other field has a default.

    ``created`` is the day the goal was set: today for a goal made in code or by a form;
    ``None`` when it is not known, for a goal read from a file that does not say (an older
    file): never the day the file happens to be read (see :class:`Workbook`).
    """

    id: Name = Field(default_factory=lambda: _new_id("g"))
    text: LongName
    horizon: Literal["short", "long"] = "short"
    created: date | None = Field(default_factory=date.today)
    deadline: date | None = None
    status: Literal["draft", "active", "done", "dropped"] = "draft"
    confidence: Scale10 | None = None
    skills: list[str] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    metric: Metric | None = None
    completed_on: date | None = None


class Action(_Model):
    """A concrete next step, optionally linked to a goal.

    ``done_on`` is the day it was marked done (set by :func:`action_done_on` when a form
    saves it); actions from older files, or marked done before this was recorded, have none.
    """

    id: Name = Field(default_factory=lambda: _new_id("a"))
    goal_id: str | None = None
    text: LongName
    due: date | None = None
    status: Literal["todo", "doing", "done", "dropped"] = "todo"
    priority: Literal["high", "medium", "low"] = "medium"
    done_on: date | None = None


def action_done_on(status: str, done_on: date | None, today: date) -> date | None:
    """The completion date an action saved with ``status`` keeps: ``today`` when it
    becomes done, its date unchanged when it already was, none when it is not done.

    >>> action_done_on("done", None, date(2026, 11, 22))
    datetime.date(2026, 11, 22)
    >>> action_done_on("done", date(2026, 3, 1), date(2026, 11, 22))
    datetime.date(2026, 3, 1)
    >>> action_done_on("doing", date(2026, 3, 1), date(2026, 11, 22)) is None
    True
    """
    if status != "done":
        return None
    return done_on or today


class Contact(_Model):
    """Someone in the person's network."""

    id: Name = Field(default_factory=lambda: _new_id("c"))
    name: Name
    relationship: Literal["mentor", "sponsor", "peer", "manager", "industry", "other"] = "peer"
    organisation: ShortText = ""
    last_contact: date | None = None
    next_follow_up: date | None = None
    strength: Importance5 = 3
    notes: Text = ""

    @property
    def emails(self) -> frozenset[str]:
        """The email addresses written in the notes, case ignored.

        >>> sorted(Contact(name="Dana", notes="Email: Dana.Lee@Acme.com, dl@x.org").emails)
        ['dana.lee@acme.com', 'dl@x.org']
        """
        return frozenset(m.casefold() for m in _EMAIL.findall(self.notes))

    @property
    def person_key(self) -> tuple[str, str]:
        """Name and organisation as a person is known by (:func:`person_key`: case,
        accents, punctuation and spaces aside): two people of one name are told apart by
        their organisations.

        >>> Contact(name=" dana  LEE", organisation="Acme").person_key
        ('dana lee', 'acme')
        """
        return person_key(self.name), person_key(self.organisation)

    def same_person(self, other: "Contact") -> bool:
        """Whether ``other`` is this person entered again: the same :attr:`person_key`,
        or the same email in their notes (:attr:`emails`).

        >>> dana = Contact(name="Dana Lee", notes="dana@acme.com")
        >>> dana.same_person(Contact(name="dana  lee")), dana.same_person(
        ...     Contact(name="D. Lee", notes="Email: DANA@acme.com"))
        (True, True)
        >>> dana.same_person(Contact(name="Dana Lee", organisation="Globex"))
        False
        """
        return self.person_key == other.person_key or bool(self.emails & other.emails)


class Achievement(_Model):
    """Evidence for reviews and promotions: what happened, its impact, the skills shown."""

    date: date
    title: Name
    impact: Text = ""
    metric: ShortText = ""
    skills: list[str] = Field(default_factory=list)


class StageChange(_Model):
    """One move of an opportunity to ``stage`` on ``date`` (kept in ``stage_history``)."""

    stage: Literal["spotted", "exploring", "applied", "interviewing", "offer", "declined",
                   "not_now"]
    date: date


class Opportunity(_Model):
    """A project, stretch assignment, role, posting or invitation worth pursuing.

    ``stage_history`` gets one :class:`StageChange` per move, forwards or back
    (see :func:`career_workbook.analysis.opportunities.move_stage`).
    """

    id: Name = Field(default_factory=lambda: _new_id("o"))
    title: LongName
    kind: Literal["project", "stretch", "role", "posting", "speaking", "writing",
                  "other"] = "project"
    source: Literal["internal", "external"] = "internal"
    organisation: ShortText = ""
    stage: Literal["spotted", "exploring", "applied", "interviewing", "offer", "declined",
                   "not_now"] = "spotted"
    spotted: date = Field(default_factory=date.today)
    updated: date | None = None
    deadline: date | None = None
    goal_ids: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    next_step: StepText = ""
    next_step_due: date | None = None
    notes: Text = ""
    stage_history: list[StageChange] = Field(default_factory=list)

    def last_moved(self) -> date:
        """The day it reached its stage: its latest stage change (``updated`` is that day
        too, when it has no history: a file written by hand), else the day it was spotted.
        Editing the next step or the notes is not a move.

        >>> o = Opportunity(title="Data lead role", spotted=date(2026, 9, 1))
        >>> o.last_moved().isoformat()
        '2026-09-01'
        >>> o.stage_history = [StageChange(stage="spotted", date=date(2026, 9, 1)),
        ...                    StageChange(stage="applied", date=date(2026, 9, 10))]
        >>> o.last_moved().isoformat()
        '2026-09-10'
        """
        moves = [c.date for c in self.stage_history] or (
            [self.updated] if self.updated is not None else [])
        return max([self.spotted, *moves])


class LearningItem(_Model):
    """A course, book, project... and the hours put in."""

    title: Name
    kind: Literal[
        "course", "book", "certification", "project", "mentoring", "conference", "article",
        "video", "practice", "other",
    ] = "course"
    skill: str | None = None
    hours: Annotated[float, Field(ge=0, le=10_000)] = 0.0
    status: Literal["planned", "in_progress", "done"] = "planned"
    started_on: date | None = None
    completed_on: date | None = None


class CheckIn(_Model):
    """A dated progress review. ``cw.CheckIn(date=..., note=...)`` is valid."""

    date: date
    motivation: Scale10 | None = None
    confidence: Scale10 | None = None
    progress: dict[str, Percent] = Field(default_factory=dict)
    wins: Text = ""
    setbacks: Text = ""
    lessons: Text = ""
    adjustments: Text = ""
    note: Text = ""


class Workbook(_Model):
    """Everything one person writes in the workbook. Saved as one YAML file."""

    schema_version: Literal[3] = SCHEMA_VERSION
    person: Person
    vision: Vision = Field(default_factory=Vision)
    values: list[Value] = Field(default_factory=list)
    interests: Interests | None = None
    skills: list[Skill] = Field(default_factory=list)
    role_profile: str | None = None  # a catalog id; OWN_TARGETS; None: the target role's
    assessments: list[Assessment] = Field(default_factory=list)
    strengths: list[LongName] = Field(default_factory=list)
    weaknesses: list[LongName] = Field(default_factory=list)
    feedback: list[Feedback] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    achievements: list[Achievement] = Field(default_factory=list)
    learning: list[LearningItem] = Field(default_factory=list)
    check_ins: list[CheckIn] = Field(default_factory=list)
    opportunities: list[Opportunity] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _set_days_not_invented(cls, data: Any) -> Any:
        """A goal of the data without ``created`` (a file from before it was recorded, or
        written by hand) was set on a day nobody knows: ``None``, not the day the file is
        read (which made every load, and the first save, date it "today").

        >>> Workbook.model_validate({"person": {"name": "Sam"},
        ...                          "goals": [{"text": "Ship it"}]}).goals[0].created is None
        True
        """
        goals = data.get("goals") if isinstance(data, dict) else None
        if isinstance(goals, list) and any(isinstance(g, dict) and "created" not in g
                                           for g in goals):
            data = {**data, "goals": [{**g, "created": None}
                                      if isinstance(g, dict) and "created" not in g else g
                                      for g in goals]}
        return data

    @model_validator(mode="after")
    def _check_references(self) -> "Workbook":
        problems = reference_problems(self)
        if problems:
            raise _ReferenceError(problems)
        return self

    # --- small read-only helpers used by frames, analysis and widgets -----------------
    def skill_names(self) -> list[str]:
        """Names of the tracked skills, in order."""
        return [s.name for s in self.skills]

    def latest_levels(self, *, until: date | None = None) -> dict[str, tuple[int, date]]:
        """``{skill: (level, date)}`` from the self-assessments dated on or before ``until``.

        Of two ratings on the same day, the one written later wins.

        >>> wb = new_workbook("Sam")
        >>> wb.skills.append(Skill(name="SQL"))
        >>> wb.assessments += [Assessment(date=date(2026, 3, 1), ratings={"SQL": 1}),
        ...                    Assessment(date=date(2026, 3, 1), ratings={"SQL": 3})]
        >>> wb.latest_levels(), wb.latest_levels(until=date(2026, 2, 1))
        ({'SQL': (3, datetime.date(2026, 3, 1))}, {})
        """
        latest: dict[str, tuple[int, date]] = {}
        for a in sorted(self.assessments, key=lambda a: a.date):
            if until is not None and a.date > until:
                break
            for skill, level in a.ratings.items():
                latest[skill] = (level, a.date)
        return latest

    def goal(self, goal_id: str) -> Goal:
        """The goal with this id (``KeyError`` if none)."""
        for g in self.goals:
            if g.id == goal_id:
                return g
        raise KeyError(goal_id)


# ----------------------------------------------------------------------------------------
# Errors
# ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """One thing wrong in a workbook: where (``field``), what was there, and why."""

    field: str
    value: Any
    message: str
    record: str | None = _field(default=None, compare=False)
    """The title (name, text) of the record that holds ``field``, when it has one:
    :func:`name_records` fills it in from the file's data."""

    def __str__(self) -> str:
        shown = _short_repr(self.value)
        where = said_where(self.field, self.record) or "(top level)"
        return f"{where} = {shown}: {self.message}" if shown else f"{where}: {self.message}"


_ONE_OF = {"learning": "learning item", "feedback": "feedback entry", "check_ins": "check-in",
           "opportunities": "opportunity", "strengths": "strength", "weaknesses": "weakness"}
"""What one record of a list is called where its name does not say it with the last "s" cut."""

_TITLES = ("title", "name", "text")
"""The fields that name a record, tried in order (a goal's text, a skill's name)."""


def said_where(field: str, record: str | None = None) -> str:
    """Where a problem is, as a person reads it: a record by its kind, its place counted
    from 1 and (``record``) its title, then the field (a path such as ``goals[0].deadline``
    counts from 0). The one wording of every validation message: the command line, the
    notebooks' header, the batch.

    >>> said_where("goals[0].deadline", "Become a team lead")
    'goal 1 (“Become a team lead”), deadline'
    >>> said_where("goals[1].milestones[0].due"), said_where("learning[2].hours", "SQL")
    ('goal 2, milestone 1, due', 'learning item 3 (“SQL”), hours')
    >>> said_where("skills[1].name", "sql"), said_where("person.coach"), said_where("")
    ('skill 2, name', 'person.coach', '')
    >>> said_where("strengths[0]")
    'strength 1'
    """
    from career_workbook.wording import shorten

    parts = re.findall(r"([A-Za-z_]\w*)\[(\d+)\]\.?", field)
    rest = re.sub(r"^(?:[A-Za-z_]\w*\[\d+\]\.?)+", "", field)
    if not parts or not field.startswith(parts[0][0] + "["):
        return field
    said = []
    for name, index in parts:
        one = _ONE_OF.get(name) or (name[:-1] if name.endswith("s") else name)
        said.append(f"{one.replace('_', ' ')} {int(index) + 1}")
    if record and rest not in _TITLES:  # a title's own problem shows it as its value
        said[-1] += f" (“{shorten(record, 40)}”)"
    return ", ".join(said + ([rest] if rest else []))


def record_title(data: Any, field: str) -> str | None:
    """The title (:data:`_TITLES`) of the record that holds ``field`` in ``data``: the
    workbook as loaded (a mapping) or as a model; ``None`` where that record has none.

    >>> record_title({"goals": [{"text": "Become a team lead"}]}, "goals[0].deadline")
    'Become a team lead'
    >>> record_title({"goals": []}, "goals[0].deadline") is None
    True
    """
    node, holder = data, None
    for name, index in re.findall(r"([A-Za-z_]\w*)(?:\[(\d+)\])?", field):
        node = node.get(name) if isinstance(node, dict) else getattr(node, name, None)
        if index and isinstance(node, list) and int(index) < len(node):
            node = node[int(index)]
            holder = node
        elif index:
            node = None
    for key in _TITLES:
        title = holder.get(key) if isinstance(holder, dict) else getattr(holder, key, None)
        if isinstance(title, str) and title.strip():
            return title
    return None


def name_records(problems: Iterable[Problem], data: Any) -> list[Problem]:
    """``problems`` with the title of the record that holds each field (:attr:`Problem.
    record`), read from the workbook's ``data`` as loaded (a mapping), where it has one.

    >>> data = {"goals": [{"text": "Become a team lead", "deadline": "31/02/2027"}]}
    >>> str(name_records([Problem("goals[0].deadline", "31/02/2027", "not a date")], data)[0])
    "goal 1 (“Become a team lead”), deadline = '31/02/2027': not a date"
    """
    out = []
    for p in problems:
        title = None if p.record else record_title(data, p.field)
        out.append(Problem(p.field, p.value, p.message, title) if title else p)
    return out


_PATH = re.compile(r"\b[a-z_]+\[\d+\](?:\.[a-z_]+(?:\[\d+\])?)*")
"""A field's path in a note (``goals[0].milestones[1].due``, ``feedback[2]``)."""


def said_paths(note: str, data: Any) -> str:
    """``note`` with each field's path in it said as :func:`said_where` says it, with its
    record's title from ``data`` unless the note already names it.

    >>> data = {"goals": [{"text": "Become a team lead"}], "contacts": [{"name": "dana"}] * 2}
    >>> said_paths("goals[0].created = 2062-10-01 is after today", data)
    'goal 1 (“Become a team lead”), created = 2062-10-01 is after today'
    >>> said_paths("contacts[0], contacts[1]: Dana is recorded 2 times", data)
    'contact 1, contact 2: Dana is recorded 2 times'
    """
    def said(match: re.Match[str]) -> str:
        title = record_title(data, match.group(0))
        named = title and " ".join(title.split()).casefold() in note.casefold()
        return said_where(match.group(0), None if named else title)

    return _PATH.sub(said, note)


class _ReferenceError(ValueError):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class WorkbookError(ValueError):
    """A workbook that cannot be loaded or saved.

    The message names the file, the record (counted from 1, with its title), the field and
    the offending value, e.g. ``alex.yaml: goal 3 (“Become a team lead”), deadline =
    '2027-13-01': Input should be a valid date`` (:func:`said_where`).
    ``problems`` lists every :class:`Problem` found (the message shows the first few).
    """

    def __init__(self, message: str = "", *, path: Any = None, problems: Sequence[Problem] = ()):
        self.path = str(path) if path is not None else None
        self.problems = list(problems)
        if not message:
            shown = "; ".join(str(p) for p in self.problems[:5])
            more = len(self.problems) - 5
            message = shown + (f" (and {more} more problems)" if more > 0 else "")
        prefix = f"{self.path}: " if self.path else ""
        super().__init__(prefix + message)

    @property
    def field(self) -> str | None:
        """Path of the first offending field, e.g. ``'goals[2].deadline'``."""
        return self.problems[0].field if self.problems else None


class _AsWritten(reprlib.Repr):
    """A value as the workbook file writes it where Python's repr would read as code: a
    date as ``2026-06-01`` (not ``datetime.date(2026, 6, 1)``); text stays in quotes."""

    def repr_date(self, value: date, level: int) -> str:
        return value.isoformat()

    def repr_datetime(self, value: datetime, level: int) -> str:
        return value.isoformat(sep=" ")


_REPR = _AsWritten()
_REPR.maxstring = _REPR.maxother = 80
_REPR.maxlevel = 3


def _short_repr(value: Any, limit: int = 80) -> str:
    """A bounded repr: huge or deeply nested values never blow up an error message; a date
    is shown as written in the file.

    >>> _short_repr(date(2026, 6, 1)), _short_repr([date(2026, 6, 1)]), _short_repr("2026-06-01")
    ('2026-06-01', '[2026-06-01]', "'2026-06-01'")
    """
    if value is _MISSING:
        return ""
    text = _REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _Missing:
    """No value at all (a field that is absent, a whole file): a message shows nothing for it.

    One object in every process: it pickles by name, so a problem a batch worker sends
    back still shows no value (a plain ``object()`` came back as a stranger, printed as
    ``person = <object object at 0x...>``).

    >>> import pickle
    >>> pickle.loads(pickle.dumps(_MISSING)) is _MISSING
    True
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "<missing>"

    def __reduce__(self) -> str:
        return "_MISSING"


_MISSING = _Missing()


def field_path(loc: Iterable[Any]) -> str:
    """Render a pydantic location as a readable path.

    >>> field_path(("goals", 2, "deadline"))
    'goals[2].deadline'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def date_text_hint(text: str) -> str:
    """How to write ``text``, found where a date belongs, as a date (YAML reads only an
    unquoted ``YYYY-MM-DD`` as one); the wording of the CLI's and the forms' date readers.

    >>> date_text_hint("2027-02-03")
    'it is in quotes, so it is read as text: write the date without quotes: 2027-02-03'
    >>> date_text_hint("2027-2-3")
    'write dates as YYYY-MM-DD: 2027-02-03'
    >>> date_text_hint("2027-02-30")
    '30 February 2027 is not a date (February 2027 has 28 days)'
    >>> date_text_hint("soon")
    'write dates as YYYY-MM-DD, e.g. 2027-02-03'
    """
    from career_workbook.analysis.period import parse_day
    from career_workbook.day_text import parse_date_text

    try:  # YYYY-M-D: an impossible day or month is named in words
        day = parse_day(text, "")
    except ValueError as err:
        why = str(err).partition(": ")[2]
        if why:
            return why
        try:  # 30/06/2027, 30 June 2027: read as the forms read them
            day = parse_date_text(text)
        except ValueError as err:
            day = None
            if "could be" in str(err):  # 03/04/2027: which is it?
                return f"write dates as YYYY-MM-DD: {err}"
    if day is None:
        return "write dates as YYYY-MM-DD, e.g. 2027-02-03"
    if text == day.isoformat():
        return f"it is in quotes, so it is read as text: write the date without quotes: {day}"
    return f"write dates as YYYY-MM-DD: {day}"


QUOTED_NUMBER = "it is in quotes, so it is read as text: write the number without quotes: {}"
"""The hint for a number written in quotes in the file (``"12"``), read as text."""


def number_text_hint(text: str, *, whole: bool = False) -> str | None:
    """How to write ``text``, found where a number (a ``whole`` one) belongs, as one: read
    as the forms read numbers (a decimal comma is fine); ``None`` if it is no number.

    >>> number_text_hint("2,5"), number_text_hint("1,000,000"), number_text_hint("12")
    ('write 2.5 (a decimal point, not a comma)', 'write 1000000 (no thousands commas)', 'it is in quotes, so it is read as text: write the number without quotes: 12')
    >>> number_text_hint("1,500"), number_text_hint("1,500", whole=True)
    ('write 1500 (or 1.5 if the comma is a decimal point)', 'write 1500')
    >>> number_text_hint("3,5", whole=True), number_text_hint("two")
    ('write a whole number: 3 or 4', None)

    A score written with its scale, or a share with its percent sign, is the number alone:

    >>> number_text_hint("7/10", whole=True), number_text_hint("40 %"), number_text_hint("8 out of 10")
    ('write the number alone: 7', 'write the number alone: 40', 'write the number alone: 8')
    >>> number_text_hint("3,5/10", whole=True)
    'write a whole number alone: 3 or 4'

    A whole number typed with a leading zero (``010``, which YAML reads as octal) is the
    number without it:

    >>> number_text_hint("010", whole=True), number_text_hint("08")
    ('write 10, without the leading zero', 'write 8, without the leading zero')
    """  # noqa: E501
    scaled = re.fullmatch(r"\s*([^/%]*?\d)\s*(?:%|(?:/|\bout of\b)\s*\d+(?:[.,]\d+)?)\s*", text,
                          re.IGNORECASE)
    if scaled is not None:
        return _number_hint(scaled.group(1), whole=whole, scaled=True)
    return _number_hint(text, whole=whole, scaled=False)


def _number_hint(text: str, *, whole: bool, scaled: bool) -> str | None:
    """:func:`number_text_hint` of ``text``, decided from the number read (how it is
    written, whether it is whole), never from another hint's words; ``scaled``: the number
    was written with its scale or percent sign (``7/10``), so the hint asks for the number
    alone where the number is plain.

    >>> _number_hint("7", whole=True, scaled=True), _number_hint("3,5", whole=True, scaled=True)
    ('write the number alone: 7', 'write a whole number alone: 3 or 4')
    >>> _number_hint("1,500", whole=False, scaled=True)
    'write 1500 (or 1.5 if the comma is a decimal point)'
    """
    from career_workbook.number_text import UnsureNumber, parse_number_text

    try:
        number = parse_number_text(text)
    except UnsureNumber as err:  # "1,500": a thousand and a half, or one and a half?
        return f"write {err.thousands}" if whole else err.how
    except ValueError:
        return None
    if number is None:
        return None
    alone = " alone" if scaled else ""
    if whole and not number.is_integer():
        return f"write a whole number{alone}: {math.floor(number)} or {math.ceil(number)}"
    shown = f"{number:.15g}"
    if text.count(",") > 1:
        return f"write {shown} (no thousands commas)"
    if "," in text:
        return f"write {shown} (a decimal point, not a comma)"
    if re.fullmatch(r"[-+]?0\d+", text.strip()):  # 010: YAML 1.1 reads an octal number
        return f"write {shown}, without the leading zero{' alone' if scaled else ''}"
    if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", text):
        return f"write the number alone: {shown}" if scaled else QUOTED_NUMBER.format(shown)
    return f"write {shown}"


def problems_from_validation(err: ValidationError) -> list[Problem]:
    """Turn a pydantic ``ValidationError`` into :class:`Problem` items (a date or number
    written as text also says how to write it: :func:`date_text_hint`,
    :func:`number_text_hint`; so does a fraction where a whole number belongs).

    >>> try:
    ...     Workbook.model_validate({"person": {"name": "Sam"},
    ...                              "values": [{"name": "Family", "importance": 2.5}]})
    ... except ValidationError as err:
    ...     print(problems_from_validation(err)[0])
    value 1, importance = 2.5: Input should be a valid integer; write a whole number: 2 or 3
    """
    problems: list[Problem] = []
    for e in err.errors():
        ctx_err = (e.get("ctx") or {}).get("error")
        if isinstance(ctx_err, _ReferenceError):
            problems.extend(ctx_err.problems)
            continue
        loc = tuple(e.get("loc", ()))
        # Literal/union errors add the type tag to the path; drop pydantic's internal tags.
        loc = tuple(p for p in loc if not (isinstance(p, str) and p.startswith(("function-",))))
        msg = e.get("msg", "invalid")
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        value = e.get("input", _MISSING) if e.get("type") != "missing" else _MISSING
        if e.get("type") == "date_type" and isinstance(value, str) and len(value) <= 200:
            msg += f"; {date_text_hint(value)}"
        if e.get("type") in ("float_type", "int_type") and isinstance(value, str) \
                and len(value) <= 40:
            hint = number_text_hint(value, whole=e.get("type") == "int_type")
            msg += f"; {hint}" if hint else ""
        if (e.get("type") in ("int_type", "int_from_float") and isinstance(value, float)
                and math.isfinite(value) and not value.is_integer()):  # 2.5: as "2,5" says
            msg += f"; {number_text_hint(f'{value:.15g}', whole=True)}"
        if isinstance(value, dict | list) and e.get("type") not in ("dict_type", "list_type"):
            value = _MISSING if e.get("type") == "extra_forbidden" else value
        problems.append(Problem(field_path(loc), value, msg))
    return problems


# ----------------------------------------------------------------------------------------
# Cross-reference checks (pure; also used by `career-workbook validate`)
# ----------------------------------------------------------------------------------------
DUPLICATE = "is used twice; must be unique"
"""The message of a name or id that repeats an earlier one."""

NOT_A_SKILL = "is not one of the workbook's skills"
"""The message of a skill named where the workbook's list of skills has no such skill."""

NOT_A_GOAL = "is not a goal id"
"""The message of a goal id named where no goal has it."""


def duplicate_key(name: str) -> str:
    """The key a workbook's names and ids are compared by: case and outer spaces ignored
    (the one rule for "already in the list", in the model and in the forms).

    >>> duplicate_key(" SQL ") == duplicate_key("sql")
    True
    """
    return name.casefold().strip()


def _duplicates(items: Iterable[str]) -> list[int]:
    """Positions of the items that repeat an earlier one (:func:`duplicate_key`).

    >>> _duplicates(["SQL", "sql", "SQL", "Python", "SQL "])
    [1, 2, 4]
    """
    seen: set[str] = set()
    dups = []
    for i, item in enumerate(items):
        key = duplicate_key(item)
        if key in seen:
            dups.append(i)
        seen.add(key)
    return dups


def reference_problems(wb: Workbook, *, sections: Container[str] | None = None
                       ) -> list[Problem]:
    """Ids that repeat and references that point nowhere, as :class:`Problem` items.

    ``sections``: check only what these sections decide (all by default): those of a file
    that are valid on their own, while others still have field problems.
    """
    def ok(*names: str) -> bool:
        return sections is None or all(name in sections for name in names)

    problems: list[Problem] = []
    repeated_goals: list[int] = []  # where in ``problems`` a repeated goal id is
    unknown_goals: dict[str, dict[str, int]] = {}  # goal id -> section -> times named
    for field, names in (
        ("skills", [s.name for s in wb.skills]),
        ("goals", [g.id for g in wb.goals]),
        ("actions", [a.id for a in wb.actions]),
        ("contacts", [c.id for c in wb.contacts]),
        ("opportunities", [o.id for o in wb.opportunities]),
        ("values", [v.name for v in wb.values]),
    ):
        if not ok(field):
            continue
        key = "name" if field in ("skills", "values") else "id"
        # not name_key: a workbook the old feedback import gave "Machine\u00a0Learning" beside
        # "Machine Learning" must still open; the import now matches names by name_key
        for idx in _duplicates(names):
            if field == "goals":
                repeated_goals.append(len(problems))
            problems.append(Problem(f"{field}[{idx}].{key}", names[idx],
                                    DUPLICATE))

    skills = set(wb.skill_names())
    goals = {g.id for g in wb.goals}

    def need_skill(path: str, name: str) -> None:
        if name not in skills:
            problems.append(Problem(path, name, NOT_A_SKILL))

    def need_goal(path: str, gid: str) -> None:
        if gid not in goals:
            problems.append(Problem(path, gid, NOT_A_GOAL))
            counts = unknown_goals.setdefault(gid, {})
            section = path.split("[", 1)[0]
            counts[section] = counts.get(section, 0) + 1

    for section, items, attribute in (
        ("assessments", wb.assessments, "ratings"), ("feedback", wb.feedback, "ratings"),
        ("goals", wb.goals, "skills"), ("achievements", wb.achievements, "skills"),
        ("learning", wb.learning, "skill"), ("opportunities", wb.opportunities, "skills"),
    ):
        if ok("skills", section):
            for i, item in enumerate(items):
                names = getattr(item, attribute)
                for name in [names] if isinstance(names, str) else names or ():
                    need_skill(f"{section}[{i}].{attribute}", name)
    if ok("goals", "opportunities"):
        for i, o in enumerate(wb.opportunities):
            for gid in o.goal_ids:
                need_goal(f"opportunities[{i}].goal_ids", gid)
    if ok("goals", "actions"):
        for i, a in enumerate(wb.actions):
            if a.goal_id is not None:
                need_goal(f"actions[{i}].goal_id", a.goal_id)
    if ok("goals", "check_ins"):
        for i, c in enumerate(wb.check_ins):
            for gid in c.progress:
                need_goal(f"check_ins[{i}].progress", gid)
    hint = _unknown_goals_hint(unknown_goals)
    for at in repeated_goals if hint else ():  # a goal copied by hand, its id left as it was
        p = problems[at]
        problems[at] = Problem(p.field, p.value, p.message + hint)
    return problems


def _unknown_goals_hint(unknown: dict[str, dict[str, int]]) -> str:
    """What a repeated goal id adds to its problem when check-ins, actions or
    opportunities name ids no goal has (``unknown``: goal id -> section -> times named):
    whether it is one of them (a goal copied by hand and its id left as it was), the likely
    fix said where the mistake is; ``""`` when none is named.

    >>> _unknown_goals_hint({"g2": {"check_ins": 1, "actions": 1}})
    "; no goal has the id 'g2' that 1 check-in and 1 action name: is this goal 'g2'?"
    >>> _unknown_goals_hint({"g2": {"actions": 2}, "g3": {"actions": 1}})
    "; no goal has the ids 'g2' and 'g3' that 3 actions name: is this goal one of 'g2' and 'g3'?"
    >>> _unknown_goals_hint({})
    ''
    """  # noqa: E501
    if not unknown:
        return ""
    from career_workbook.wording import listing, plural

    nouns = {"check_ins": ("check-in", "check-ins"), "actions": ("action", "actions"),
             "opportunities": ("opportunity", "opportunities")}
    named: dict[str, int] = {}
    for counts in unknown.values():
        for section, n in counts.items():
            named[section] = named.get(section, 0) + n
    ids = [f"'{gid}'" for gid in unknown]
    which = ids[0] if len(ids) == 1 else "one of " + listing(ids)
    return (f"; no goal has the {'id' if len(ids) == 1 else 'ids'} {listing(ids)} that "
            + listing([plural(n, *nouns.get(section, (section, section)))
                       for section, n in named.items()])
            + f" name: is this goal {which}?")


_SECTIONS_REFERENCED = ("skills", "goals", "actions", "contacts", "opportunities", "values",
                        "assessments", "feedback", "achievements", "learning", "check_ins")
"""The sections :func:`reference_problems` reads."""


@functools.cache
def _section_adapter(name: str) -> TypeAdapter:
    return TypeAdapter(Workbook.model_fields[name].annotation)


def _references_of_valid_sections(data: dict[str, Any]) -> list[Problem]:
    """:func:`reference_problems` among the sections of ``data`` that are valid on their
    own: a field problem in one section does not hide a repeated skill in another until
    it is fixed (a section with a field problem is checked once it has none)."""
    valid: dict[str, Any] = {}
    for name in _SECTIONS_REFERENCED:
        with contextlib.suppress(ValidationError):
            valid[name] = _section_adapter(name).validate_python(data.get(name, []))
    return reference_problems(Workbook.model_construct(**valid), sections=valid)


# ----------------------------------------------------------------------------------------
# Constructors
# ----------------------------------------------------------------------------------------
def validate_workbook(data: Workbook | dict[str, Any], *, path: Any = None) -> Workbook:
    """Validate a workbook (a model that may have been edited in place, or plain data).

    Returns a fresh, fully validated :class:`Workbook`; raises :class:`WorkbookError`
    naming ``path``, the field and the value otherwise, or saying that most of the file's
    keys are not a workbook's (another program's YAML).

    >>> data = {"person": {"name": "Sam"}, "values": [{"name": "x", "importance": 11}]}
    >>> try:
    ...     validate_workbook(data)
    ... except WorkbookError as err:
    ...     print(err)
    value 1 (“x”), importance = 11: Input should be less than or equal to 10
    >>> validate_workbook({"name": "ci", "jobs": {}}, path="ci.yaml")
    Traceback (most recent call last):
    ...
    career_workbook.model.WorkbookError: ci.yaml: (top level): this does not look like a Career Workbook file (no person, skills or goals; it has name, jobs)
    """  # noqa: E501
    if isinstance(data, Workbook):
        data = data.model_dump(mode="python", round_trip=True)
    if not isinstance(data, dict):
        raise WorkbookError(
            path=path,
            problems=[Problem("", type(data).__name__, "a workbook must be a mapping of fields")],
        )
    strange = [key for key in data if key not in Workbook.model_fields]
    if "person" not in data and len(strange) * 2 > len(data):
        shown = ", ".join(str(key) for key in strange[:5]) + (", …" if len(strange) > 5 else "")
        raise WorkbookError(path=path, problems=[Problem("", _MISSING, (
            "this does not look like a Career Workbook file (no person, skills or goals; "
            f"it has {shown})"))])
    try:
        return Workbook.model_validate(data)
    except ValidationError as err:
        problems = problems_from_validation(err)
        if not any(isinstance((e.get("ctx") or {}).get("error"), _ReferenceError)
                   for e in err.errors()):  # fields failed: references were not checked
            problems += _references_of_valid_sections(data)
        raise WorkbookError(path=path, problems=name_records(problems, data)) from None


def new_workbook(name: str, *, today: date | None = None, role_profile: str | None = None,
                 **person: Any) -> Workbook:
    """A new, valid, empty workbook for ``name`` (a :data:`PersonName`); spaces around the
    other ``person`` texts are dropped, as the forms drop them. ``role_profile``: the
    catalog profile it is measured against (the caller checks the catalog has it).

    >>> new_workbook("Sam Lee", current_role="Analyst").person.current_role
    'Analyst'
    >>> new_workbook("  Priya   Raman\\n", coach=" Ruth ").person.name
    'Priya Raman'
    >>> new_workbook("Sam Lee", role_profile="ux_designer").role_profile
    'ux_designer'
    """
    today = today or date.today()
    person = {key: value.strip() if isinstance(value, str) else value
              for key, value in person.items()}
    try:
        return Workbook(person=Person(name=name, start_date=today, **person),
                        role_profile=role_profile)
    except ValidationError as err:
        problems = problems_from_validation(err)
        raise WorkbookError(
            problems=[Problem(f"person.{p.field}" if p.field else "person", p.value, p.message)
                      for p in problems]
        ) from None
