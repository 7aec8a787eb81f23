"""SMART scoring of one goal sentence: specific, measurable, achievable, relevant, time-bound.

The scorer reads plain English with general rules (verb classes, object patterns, quantity
patterns, time phrases); it never looks sentences up. Each criterion gets a score in 0..1,
``met``, the evidence found (``reasons``) and warm, concrete ``hints``. The overall score is
the weighted mean x 100 (``WEIGHTS``: 25 % each for specific, measurable and time-bound,
12.5 % each for achievable and relevant).

Rules in short (the full story, with figures: ``docs/smart-scoring.md``)
--------------
specific
    An action verb with a concrete object: a count of things, a named thing (a proper noun,
    acronym, named skill, version), a deliverable ("the billing dashboard", "a blog post"),
    or a role title after "become", "promoted to", "apply for"; an indefinite course or
    meeting counts when its topic or person is named ("a course in conflict resolution", "a
    meeting with my manager"); completing an event counts ("present at a conference"). An
    everyday act on a concrete thing is specific ("take my statin", "wear a mask while
    cleaning", "reduce oil intake"), and so is a habit with a rhythm ("review my goals every
    Sunday"). Vague aims ("be more ...", "get better", "improve my ...", "grow", "network
    more", "learn more about"), states of mind ("understand"), loose qualifiers ("a healthy
    dinner") and exercise or medicine of no named kind ("exercise daily", "take medication
    daily") are not specific unless they
    carry a number, a named thing or a concrete "by doing X" clause. An outcome to hold,
    whatever verb brings it ("land", "get", "find", "earn", "be" ...: "a new job", "a
    promotion", "promoted"), is specific once it says which role, field, level, employer or
    place; until then it is partly specific and partly measurable (0.5 each), and the hint
    asks which.
measurable
    A quantity (numbers, number words, %, money, "from X to Y", "double", "9/10", "my first
    ...", "for every endpoint") or a verifiable completion (pass, earn, ship, publish, present
    at, become a named role ...) of a specific object, or a habit with a rhythm (adherence can
    be counted). Workouts also need a dose (how long or how far each time); everyday acts
    with neither a rhythm nor a count ("watch videos on diet") are not measurable, and a
    baseline ("above current three glasses") is not a target. Learning verbs alone are not
    measurable; digits inside names ("Microsoft 365", "ITIL 4") are not counts.
time_bound
    A deadline with a date (see :mod:`career_workbook.analysis.dates`) or an event window
    ("before my next performance review", 0.75). "Soon", "someday", "over the coming
    years" and bare frequencies ("every Friday") are not. A date that has passed does not
    count (0.25; the hint asks for a new one), but a time inside a past clause ("the thesis I
    started in 2024") is no deadline at all; an impossible date ("2027-02-30") or one that
    cannot be read for sure ("03/04/2027", "2027-13-01", "decmber 2027") is named
    (``date_problem``) and does not count; a year in words not read ("antes de diciembre de
    2027") gets a hint. No rewrite adds a date beside any of these.
achievable
    Judged on a confidence, given as ``confidence`` or stated in the text ("(confidence
    8/10)", "80% confident", "9/10"; the argument wins): met at 7 or more (0.7-1.0); below
    7 it is not met, "partly" at 5-6, with a hint to shrink the goal or line up support.
    Without a confidence it is not judged yet (``judged`` False, a neutral 0.5) and the
    hint asks for one. Red flags make it unmet: >= 3 of ``context.other_deadlines`` within
    30 days of this deadline, and absolutes ("never", "always", "perfect", "every single",
    "100%").
relevant
    A linked skill; a skill of the person's or of their target role named in the goal
    (with the catalog's other spellings, ``context.skill_vocab``: "Power BI" is Data
    Visualisation); or whole words (plurals and verb endings aside) shared with the
    vision, target role and values. A goal whose topic is personal life ("my family's
    holiday") is not made relevant by a shared verb. Without any context it is not judged
    yet (a neutral 0.5) and the hint points to the vision (step 03) and target role (05).

Another language
----------------
A goal :func:`not_english` finds in another language is not judged on its wording:
specific and measurable are open (``judged`` False, a neutral 0.5; the hints and
``language_note`` say the checks read English only). What reads the same in any language
still counts: a date in figures, a number with a unit ("5 km", "20 %"), a metric.

Rewrites
--------
A missed criterion may offer ``rewrites``: the person's whole sentence with one change (a
date, a rhythm, a count, a dose, a real date for an impossible one), kept only when scoring it
meets that criterion (:mod:`career_workbook.analysis.smart_rewrites`).

Examples
--------
>>> from datetime import date
>>> r = score_goal("Run two user-research workshops for the mobile team within 3 months",
...                today=date(2026, 11, 22))
>>> r.score, r.deadline
(88, datetime.date(2027, 2, 22))
>>> {name: r.criteria[name].verdict for name in CRITERIA if not r.criteria[name].met}
{'achievable': 'open', 'relevant': 'open'}
>>> weak = score_goal("Be more productive", today=date(2026, 11, 22))
>>> weak.score, weak.criteria["time_bound"].hints[0]
(15, "Add a date: 'Be more productive by 30 June 2027'")
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

from career_workbook.analysis.dates import (
    MAX_CHARS,
    TimeExpression,
    as_date,
    deadline_candidates,
    find_time_expressions,
    format_date,
    misspelt_month,
    normalize_text,
    parse_deadline,
    suggested_deadline,
)
from career_workbook.analysis.gated import Gated
from career_workbook.analysis.smart_rewrites import MAX_QUOTED, candidates, invalid_date_note
from career_workbook.wording import listing, number, short_date, swapped_deadline, swapped_for

__all__ = [
    "CRITERIA",
    "PASSED_SCORE",
    "WEIGHTS",
    "Criterion",
    "GoalContext",
    "SmartResult",
    "parse_deadline",
    "not_english",
    "score_goal",
    "verdict_legend",
    "verdict_mark",
    "GOOD_SCORE",
    "VERDICT_MARKS",
    "stated_confidence",
]

CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
"""Criterion names, in SMART order."""

WEIGHTS = MappingProxyType({
    "specific": 0.25, "measurable": 0.25, "achievable": 0.125, "relevant": 0.125,
    "time_bound": 0.25,
})
"""Weight of each criterion in the overall score (sums to 1)."""

REWRITE_MAX_CHARS = 400
"""Rewrites are offered for goals up to this long (a page of text is not one goal)."""

PASSED_SCORE = 0.25
"""Time-bound score of a deadline that has passed: not met, like a rhythm without an end."""

VERDICT_MARKS = MappingProxyType({
    "met": ("✓", "met"), "partly": ("◐", "partly"), "not met": ("✗", "not yet"),
    "open": ("?", "not judged"),
})
"""verdict (:attr:`Criterion.verdict`) -> (mark, word in the legend): the one set of marks
the goal drafter and the review pack show."""


def verdict_mark(verdict: str) -> str:
    """The mark of a criterion's verdict, as notebook 04 and the review pack show it.

    >>> [verdict_mark(v) for v in ("met", "partly", "not met", "open")]
    ['✓', '◐', '✗', '?']
    """
    return VERDICT_MARKS[verdict][0]


def verdict_legend() -> str:
    """What the marks of :func:`verdict_mark` mean, in one line.

    >>> verdict_legend()
    '✓ met, ◐ partly, ✗ not yet, ? not judged'
    """
    return ", ".join(f"{mark} {word}" for mark, word in VERDICT_MARKS.values())


OVERLOAD_WINDOW_DAYS = 30
OVERLOAD_COUNT = 3


# --------------------------------------------------------------------------- results

@dataclass(frozen=True, slots=True)
class Criterion:
    """One SMART criterion for one goal.

    Attributes
    ----------
    name : str
        One of :data:`CRITERIA`.
    met : bool
        Whether the goal meets the criterion.
    score : float
        0..1 (partial credit is possible when not met).
    reasons : list of str
        What was found, e.g. ``"deadline: 'by December 2027' -> 31 December 2027"``.
    hints : list of str
        How to improve, with a concrete rewrite where possible.
    rewrites : list of str
        Whole rewritten goals the person could accept as they are; scoring each one meets
        this criterion (empty when there is none to offer).
    judged : bool
        False when the criterion cannot be judged yet (no confidence given for
        *achievable*, nothing known about the person for *relevant*): ``met`` is then
        False and the hints ask for what is missing.
    """

    name: str
    met: bool
    score: float
    reasons: list[str] = field(default_factory=list, hash=False)
    hints: list[str] = field(default_factory=list, hash=False)
    rewrites: list[str] = field(default_factory=list, hash=False)
    judged: bool = True

    @property
    def verdict(self) -> str:
        """``'met'``, ``'partly'`` (not met, score of 0.5 or more), ``'not met'``, or
        ``'open'`` when it cannot be judged yet.

        >>> Criterion("achievable", False, 0.6).verdict, Criterion("relevant", False, 0.5,
        ...                                                        judged=False).verdict
        ('partly', 'open')
        """
        if not self.judged:
            return "open"
        if self.met:
            return "met"
        return "partly" if self.score >= 0.5 else "not met"

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-able dict."""
        return {"name": self.name, "met": self.met, "score": self.score,
                "reasons": list(self.reasons), "hints": list(self.hints),
                "rewrites": list(self.rewrites), "judged": self.judged,
                "verdict": self.verdict}


@dataclass(frozen=True, slots=True)
class SmartResult:
    """The SMART assessment of one goal (see :func:`score_goal`).

    Attributes
    ----------
    text : str
        The goal text as given.
    score : int
        Overall score 0..100.
    deadline : datetime.date | None
        The deadline: the goal's own when given to :func:`score_goal`, else the one read
        from the text.
    criteria : Mapping[str, Criterion]
        One :class:`Criterion` per name in :data:`CRITERIA`.
    summary : str
        One short human sentence.
    deadline_phrase : str | None
        The words the deadline came from, e.g. ``'by the end of Q1 2027'`` (None when it
        came from the Deadline field).
    confidence : float | None
        The confidence (1-10) used for *achievable*: the ``confidence`` argument, else one
        stated in the text ("(confidence 8/10)", "80% confident"), else None.
    date_problem : str | None
        A date in the text that does not exist, e.g. ``'30 February 2027 is not a date
        (February 2027 has 28 days)'``.
    text_deadline : datetime.date | None
        The deadline read from the text; ``deadline`` differs when one was given to
        :func:`score_goal` (the goal's Deadline field wins).
    language_note : str | None
        :data:`LANGUAGE_NOTE` when the goal seems not to be in English (:func:`not_english`):
        its dates are not read and no English rewrite is offered.
    """

    text: str
    score: int
    deadline: date | None
    criteria: Mapping[str, Criterion] = field(hash=False)
    summary: str = ""
    deadline_phrase: str | None = None
    confidence: float | None = None
    date_problem: str | None = None
    text_deadline: date | None = None
    language_note: str | None = None

    @property
    def smartness(self) -> str:
        """SMARTSpan's three classes from specific, measurable and attainable (feasibility
        weighed: a confidence given or stated, whatever its value): ``'SMART'`` (all three),
        ``'Partially SMART'`` (two) or ``'Not SMART'``.

        >>> score_goal("Walk 30 minutes 3 times a week (confidence 8/10)").smartness
        'SMART'
        """
        met = (self.criteria["specific"].met + self.criteria["measurable"].met
               + (self.confidence is not None))
        return "SMART" if met == 3 else ("Partially SMART" if met == 2 else "Not SMART")

    @property
    def met(self) -> tuple[str, ...]:
        """Names of the criteria that are met, in SMART order."""
        return tuple(name for name in CRITERIA if self.criteria[name].met)

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-able dict (dates as ISO strings).

        >>> score_goal("", today=date(2026, 1, 1)).to_dict()["deadline"] is None
        True
        """
        return {
            "text": self.text,
            "score": self.score,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_phrase": self.deadline_phrase,
            "text_deadline": self.text_deadline.isoformat() if self.text_deadline else None,
            "confidence": self.confidence,
            "date_problem": self.date_problem,
            "language_note": self.language_note,
            "summary": self.summary,
            "criteria": {name: self.criteria[name].to_dict() for name in CRITERIA},
        }


def _as_tuple(value: Any, kind: type) -> tuple:
    if value is None:
        return ()
    if isinstance(value, kind):
        return (value,)
    try:
        return tuple(v for v in value if isinstance(v, kind))
    except TypeError:
        return ()


@dataclass(frozen=True, slots=True)
class GoalContext:
    """What the scorer may know about the person, for *relevant* and *achievable*.

    Lists are accepted and stored as tuples; a single string becomes a 1-tuple.

    >>> GoalContext(target_role="Team Lead", skills=["SQL"]).skills
    ('SQL',)
    """

    vision: str = ""
    target_role: str = ""
    values: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    linked_skills: tuple[str, ...] = ()
    other_deadlines: tuple[date, ...] = ()
    skill_vocab: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Skills a goal may name to be relevant, with their other spellings: the target role's
    and the person's (``{skill: [synonyms]}`` or a list of names is accepted)."""

    def __post_init__(self) -> None:
        for name in ("vision", "target_role"):
            value = getattr(self, name)
            object.__setattr__(self, name, value if isinstance(value, str) else "")
        for name in ("values", "skills", "linked_skills"):
            object.__setattr__(self, name, _as_tuple(getattr(self, name), str))
        object.__setattr__(self, "other_deadlines", _as_tuple(self.other_deadlines, date))
        object.__setattr__(self, "skill_vocab", _vocab(self.skill_vocab))

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to compare a goal with."""
        return not (self.vision.strip() or self.target_role.strip() or any(self.values)
                    or any(self.skills) or any(self.linked_skills) or self.skill_vocab)


def _vocab(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``((skill, (synonym, ...)), ...)`` from a mapping, names or pairs (others dropped).

    >>> _vocab({"SQL": ["postgres"]}), _vocab(["SQL"]), _vocab(42)
    ((('SQL', ('postgres',)),), (('SQL', ()),), ())
    """
    if isinstance(value, Mapping):
        items: Iterable[Any] = value.items()
    elif isinstance(value, str):
        items = (value,)
    else:
        try:
            items = tuple(value)
        except TypeError:
            return ()
    out = []
    for item in items:
        name, synonyms = (item, ()) if isinstance(item, str) else (
            tuple(item) if isinstance(item, tuple | list) and len(item) == 2 else ("", ()))
        if isinstance(name, str) and name.strip():
            out.append((name, _as_tuple(synonyms, str)))
    return tuple(out)


def _unique(items: Iterable[str]) -> list[str]:
    """``items`` without repeats (case aside), in order.

    >>> _unique(["dbt", "DBT", "SQL", "dbt"])
    ['dbt', 'SQL']
    """
    seen: set[str] = set()
    out = []
    for item in items:
        key = " ".join(item.casefold().split())
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


# --------------------------------------------------------------------------- lexicon

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


COPULA = _words("be am is are become becomes becoming feel stay remain seem look sound act")
CHANGE = _words(
    "improve increase reduce cut decrease lower raise boost grow expand enhance strengthen"
    " optimise optimize maximise maximize minimise minimize accelerate speed slash shrink"
    " lift deepen broaden widen sharpen polish refine advance elevate double triple halve"
    " quadruple")
VAGUE = _words(
    "keep continue strive try aim seek focus work network level step upskill reskill explore"
    " prioritise prioritize balance cultivate foster nurture embrace hustle push")
SOFT = _words(
    "learn study understand know master practise practice research familiarise"
    " familiarize discover investigate think consider reflect use support help assist"
    " encourage empower inspire motivate champion listen communicate collaborate engage"
    " participate contribute adopt leverage utilise utilize appreciate enjoy value respect"
    " dabble brush prepare")
STATIVE = _words(  # states of mind, not actions: "understand our P&L" names no deliverable
    "understand know appreciate grasp comprehend realise realize")
ACTION = _words(
    "pass earn complete obtain finish publish ship launch release open submit apply secure"
    " land win achieve attain deliver present give host organise organize run lead chair"
    " facilitate teach write author co-author coauthor record produce build create design"
    " implement deploy migrate hire recruit interview meet attend send enrol enroll register"
    " join graduate file close sell read speak volunteer mentor coach take sit book schedule"
    " set establish start found merge gain make find spend do have draft document"
    " automate train onboard negotiate map plan visit travel move switch transition relocate"
    " save invest pay buy get finalise finalize conduct perform review audit test analyse"
    " analyze shadow pitch propose introduce rewrite refactor redesign launch"
    " celebrate share post blog tweet upload code develop ask request schedule call email"
    " contact message sign enter compete qualify complete hold lose walk swim cycle practice"
    " upgrade convert return renew hand")
VERBS = COPULA | CHANGE | VAGUE | SOFT | ACTION
COMPLETION = ACTION - _words("get make find spend do have use take")

SKIP_WORDS = _words(
    "really actually finally successfully consistently regularly also then and just first"
    " eventually ideally definitely fully properly personally proactively")

COMPARATIVES = _words(
    "more less better stronger greater bigger higher faster smarter harder healthier happier"
    " deeper wider broader clearer closer fitter calmer bolder braver best fewer sharper"
    " richer improved increased enhanced further")

VAGUE_GET = _words(
    "better more good comfortable confident familiar used involved organised organized fit"
    " healthy noticed recognised recognized fluent ahead on back out started comfy serious"
    " smarter stronger faster closer")
# "get up to speed on", "get to grips with", "get the hang of": idioms for a vague state
VAGUE_GET_PHRASE = Gated(
    r"\s*(?:up\s+to\s+speed|to\s+grips|(?:a|the)\s+(?:handle|feel|grip|hang|sense)\s+(?:on|for"
    r"|of)|on\s+top\s+of|in\s+(?:shape|the\s+habit)|into\s+the\s+habit|a\s+(?:better|good|solid"
    r"|deeper|stronger)\b)", re.IGNORECASE)

ARTEFACTS = _words(
    "post posts article articles blog paper papers report reports presentation presentations"
    " talk talks keynote webinar demo demos workshop workshops dashboard dashboards app apps"
    " website site portfolio prototype plan proposal roadmap book ebook chapter newsletter"
    " podcast video videos tutorial guide playbook handbook template tool library feature"
    " release patent patents disclosure disclosures cv resume résumé note notes letter survey"
    " model pipeline script plugin extension api service product hub office store campaign"
    " case deck spreadsheet repository repo framework checklist curriculum syllabus essay"
    " thesis dissertation whitepaper brief strategy budget policy process system platform"
    " integration module vision statement pitch mvp poc study analysis database marathon"
    " half-marathon triathlon race 5k 10k doc docs documentation forecast forecasts rota"
    " timetable newsletter manual wiki runbook specification spec invoice return returns"
    " essays reports lesson lessons scheme menu recipe prospectus bid tender journal diary log"
    " document documents write-up write-ups request requests pr prs patch patches package"
    " packages cli site")
CREDENTIALS = _words(
    "certification certifications certificate certificates cert exam exams test course courses"
    " specialization specialisation bootcamp degree diploma licence license qualification"
    " credential mba phd masters master's bachelor's training program programme class"
    " accreditation membership fellowship scholarship award promotion offer internship"
    " apprenticeship project projects initiative migration launch rollout audit review"
    " hackathon conference meetup summit event meeting meetings session sessions interview"
    " placement secondment opening vacancy competition grant seat spot slot place club"
    " society clinic forum circle retreat trip visit tour fair exhibition showcase festival"
    " residency conversation conversations chat chats call calls catch-up one-to-one"
    " one-on-one job")

ROLE_NOUNS = (
    r"lead|manager|director|head|vp|vice\s+president|cto|ceo|cfo|coo|cio|cpo|cmo|ciso|designer"
    r"|engineer|developer|architect|analyst|scientist|consultant|specialist|principal|partner"
    r"|officer|coordinator|supervisor|owner|administrator|researcher|strategist|producer"
    r"|editor|marketer|recruiter|accountant|controller|auditor|nurse|teacher|professor"
    r"|lecturer|founder|co-founder|associate|fellow|advisor|adviser|trainer|coach|programmer"
    r"|technician|planner|buyer|executive|president|team\s+leader|tech\s+leader|group\s+leader"
    r"|scrum\s+master|product\s+owner|pharmacist|physician|doctor|lawyer|solicitor|economist"
    r"|statistician|journalist|copywriter|translator|instructor|tutor|counsellor|counselor"
    r"|therapist|psychologist|surveyor|pilot|superintendent|chair|chairperson|steward"
    r"|representative|evangelist|advocate|champion|partner|seller|salesperson|saleswoman"
    r"|salesman|rep|account\s+executive|chef|sous[\s-]chef|cook|baker|sommelier|receptionist"
    r"|concierge|practitioner|midwife|paramedic|matron|ward\s+sister|charge\s+nurse"
    r"|electrician|plumber|carpenter|joiner|mechanic|welder|builder|foreman|contractor"
    r"|estimator|inspector|clerk|paralegal|barrister|attorney|judge|surgeon|dentist|vet"
    r"|veterinarian|headteacher|dean|registrar|librarian|curator|archivist|postdoc"
    r"|underwriter|actuary|broker|trader|banker|bookkeeper|treasurer|secretary|ambassador"
    r"|apprentice|assistant|deputy|governor|councillor|mayor|sergeant|constable|firefighter"
    r"|author|co-author|maintainer|contributor|speaker|committer|reviewer|panell?ist|organi[sz]er"
    r"|moderator|mvp|helper|carer|caregiver|nanny|babysitter|cleaner|housekeeper"
    r"|physiotherapist|physio|dietitian|dietician|nutritionist|optician|gp|social\s+worker"
)

ABSTRACT = _words(
    "culture career skills skill knowledge confidence visibility impact presence network"
    " mindset habits habit balance time productivity communication leadership growth"
    " expertise experience understanding relationships relationship reputation brand"
    " wellbeing well-being health work job role position field industry area future"
    " potential abilities ability strengths strength weaknesses weakness performance quality"
    " efficiency management writing game best life self team teams department company"
    " organisation organization people colleagues voice goals goal comfort boundaries"
    " feedback morale engagement focus energy stress workload priorities lead way side"
    " initiative ownership responsibility responsibilities opportunities opportunity"
    " thinking attitude approach style manner level potential influence profile"
    " contribution contributions value values motivation passion network relationships"
    " targets dreams dream ambitions ambition aspirations lot bit difference change tech"
    " technology stuff things community world society something anything everything"
    " nothing")

NP_DETS = _words(
    "a an the my our his her their this these those your its one each every two three four"
    " five six seven eight nine ten eleven twelve twenty thirty fifty hundred dozen")
NP_STOP = _words(
    "a an the my our his her their this these those your its and or but nor so yet to of in"
    " on at by for with from into onto about as than then if because until till before after"
    " during within without across around among between under over towards toward against"
    " beyond like via per using while when where which who whom whose that is are be was"
    " were will would can could should must may might i me we us you he she it they them"
    " every each up out off through down back also just not no more less very really so"
    " once twice whilst whereas unless since")
DELIVER_VERBS = _words(
    "deliver finish complete ship launch release publish submit present organise organize"
    " host run lead co-lead chair facilitate build create design write fix finalise finalize"
    " open close implement deploy migrate redesign rewrite automate document draft author"
    " co-author coauthor produce record teach give pass earn obtain win secure land sell"
    " negotiate map roll set establish found start hit reach exceed beat achieve attain"
    " surpass smash develop compose film paint code renew upgrade convert return hand")
MAKE_VERBS = _words(
    "start launch found open build create write design develop produce record publish ship"
    " host organise organize co-found cofound draft compose film paint code")
CREATE_VERBS = _words(
    "organise organize host run plan launch create start found design build write deliver"
    " give teach facilitate lead co-lead chair establish win co-organise co-host set secure")
FINISH_VERBS = _words(
    "finish complete finalise finalize submit deliver ship return hand renew")
DEPARTMENTS = _words(
    "sales marketing engineering finance hr product design operations ops legal support data"
    " security it platform infrastructure research procurement compliance people talent"
    " recruiting leadership management executive board exec c-suite")

# everyday acts people repeat: measurable once they say how often (or how many)
REPEATABLE = _words(
    "take eat drink cook walk jog run swim cycle bike hike meditate stretch track monitor log"
    " record use wear avoid limit watch read listen practise practice exercise sleep journal"
    " review update post check tick call email text visit meet pair attend write blog tweet"
    " follow consume prepare fast skip weigh measure floss pray study revise code commit"
    " plan reflect do go send ask thank message phone")
# activities with a dose: how long or how far each time (health coaching's FITT)
DOSED = _words(
    "walk jog run swim cycle bike hike meditate stretch exercise train row skip dance yoga"
    " workout lift")
GENERIC_EXERCISE = re.compile(
    r"\b(?:exercis(?:e|es|ing)|physical\s+activit(?:y|ies)|work(?:ing)?[\s-]?outs?|keep\s+fit"
    r"|be\s+(?:more\s+)?active)\b", re.IGNORECASE)
EXERCISE_TYPES = Gated(
    r"\b(?:walk\w*|jog\w*|run\w*|swim\w*|cycl\w*|bik\w*|hik\w*|aerobic\w*|resistance"
    r"|strength\w*|weights?|weight-lifting|lifting|yoga|pilates|tai\s+chi|stretch\w*|dance"
    r"|danc\w*|tennis|badminton|football|basketball|gym|rowing|squats?|push-?ups?|steps"
    r"|knee-\w+|machines?|videos?)\b", re.IGNORECASE)
DOSE = Gated(
    r"\b[0-9]+(?:[.,][0-9]+)?\s*(?:-\s*[0-9]+\s*)?(?:min(?:ute)?s?|hours?|hrs?|h|km|k|miles?"
    r"|steps|reps|sets)\b|\b(?:one|two|three|four|five|ten|twenty|thirty|forty|an?|half\s+an?)"
    r"[\s-]+(?:hours?|minutes?|mins?|miles?)\b|\bone-hour\b|\b[0-9]+-(?:minute|hour|km|mile)\b",
    re.IGNORECASE)
VERBS = VERBS | REPEATABLE | DOSED
HABIT_FREQUENCY = Gated(
    r"\b(?:every|each)\s+(?:weekend|weekday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    r"|\bon\s+(?:weekends|weekdays|(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b"
    r"|\bon\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s*(?:,|and|&)\s*"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)+\b"
    r"|\b(?:every|each)\s+(?:morning|evening"
    r"|night|dinner|lunch|breakfast|meal|shift|sprint|session|time|other\s+day)\b"
    r"|\b(?:times?|twice|once|thrice)\s+(?:a|per|every|each)\s+(?:day|week|month|fortnight)"
    r"|\b(?:daily|nightly|weekly|fortnightly|monthly|everyday|every\s+day)\b"
    r"|\b(?:a|per)\s+(?:day|week|month)\b|\b[0-9]+\s+days?\s+a\s+week\b", re.IGNORECASE,
    needs=r"every|each|day|daily|week|month|fortnight|nightly")
SCOPE_ALL = Gated(  # "for every public endpoint", "about every book I read"
    r"\b(?:for|on|to|in|about|with|from)\s+(?:every|each|all(?:\s+(?:of\s+)?(?:my|our|the))?"
    r"|(?:the|my|our)\s+(?:whole|entire))"
    r"\s+(?!(?:day|week|month|year|time|morning|evening|night|quarter|sprint|shift|session"
    r"|meeting|call|weekend|term)s?\b)[a-z]",
    re.IGNORECASE, needs=r"every|each|all|whole|entire")
AT_EVENT = re.compile(  # "present at a conference", "speak at a meetup"
    r"^\s*(?:at|to|in|on|for)\s+(?:an?|one|my\s+first|our\s+first)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>[\w-]+)\b", re.IGNORECASE)
FIRST_ONE = Gated(
    r"\b(?:my|our|the|a|their|his|her|your)\s+(?:very\s+)?first\s+(?!(?:time|step|steps|thing|things|place)\b)"
    r"[a-z]", re.IGNORECASE, needs=r"first")
GET_DONE = Gated(
    r"^\s+(?:my|our|the|this|that|a|an)\s+(?:[\w'-]+\s+){0,3}(?:live|done|finished|published"
    r"|launched|shipped|out|approved|signed\s+off|merged|released|accepted|deployed)\b",
    re.IGNORECASE)
GENERIC_MEDS = _words("medication medications medicine medicines meds pills tablets")
GENERIC_MEDS_TAKEN = re.compile(
    r"\b(?:take|taking|took)\s+(?:my\s+|the\s+|their\s+|his\s+|her\s+)?(?:medications?"
    r"|medicines?|meds|pills|tablets)\b", re.IGNORECASE)
VAGUE_OBJECT = _words("healthy healthier balanced nourishing good better proper variety")
TOOL_PREPS = _words("on in using via with through")
TOOLS = _words("app apps website site tool tools platform spreadsheet notebook device phone")
MEASURING = _words("track monitor log record measure review watch read check count tick")
TRACKING = _words("track monitor log record measure check count")
CONSUMABLES = _words(
    "intake consumption oil salt sugar alcohol coffee caffeine snack snacking smoking"
    " cigarette portion meat carbohydrate carb rice soda drink screen")
EXAMPLES = Gated(r"\b(?:such\s+as|e\.g\.?|for\s+example)\s+[a-z]", re.IGNORECASE,
    needs=r"such\s+as|e\.g|for\s+example")
BASELINE = Gated(r"\b(?:above|over|beyond|from)\s+(?:the\s+|my\s+)?current(?:ly)?\s+"
                      r"(?:[\w-]+\s+){0,2}?(?P<n>[0-9]+|one|two|three|four|five|six|seven|eight"
                      r"|nine|ten)\b(?!.*\bto\s+[0-9])", re.IGNORECASE, needs=r"current")
MEANS = Gated(  # a concrete how: "by leaving my phone in another room", "such as fish"
    r"\b(?:by|through|via)\s+(?:[a-z]+ly\s+)?[a-z]+ing\s+(?:up\s+|out\s+|on\s+|for\s+)?"
    r"(?:(?:my|our|their|his|her|the|a|an|some|more)\s+)?(?!(?:it|things?|stuff|more|better"
    r"|harder|time|effort)\b)[a-z][\w-]+|\b(?:such\s+as|e\.g\.?|for\s+example)\s+[a-z]",
    re.IGNORECASE,
    needs=r"(?:by|through|via)\s+(?:[a-z]+ly\s+)?[a-z]+ing\s|such\s+as|e\.g|for\s+example")
# a change to one of these is a change to something you can read off ("sleep duration")
DIMENSIONS = _words(
    "duration time hours minutes length size portion portions weight amount frequency count"
    " number rate spend spending cost costs level levels")
# presenting at an event is a completed act even with an object in between
SHOW_VERBS = _words("present speak demo exhibit showcase pitch")
AT_ANY_EVENT = Gated(
    r"\bat\s+(?:an?|the|our|my|their|one|this|next|a\s+local)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:conference|meetup|meet-up|summit|all-hands|session|workshop|seminar|symposium|webinar"
    r"|hackathon|showcase|fair|forum|congress|convention|offsite|retreat|town\s+hall|stand-?up"
    r"|lunch-and-learn|brown-bag|guild|demo\s+day)s?\b", re.IGNORECASE)
# getting a place is a checkable event: "get an internship", "get into a bootcamp"
PLACEMENTS = _words(
    "internship apprenticeship placement scholarship fellowship residency offer secondment")
ADMITTED = Gated(
    r"^\s+(?:into|onto)\s+(?:an?|the|my|our)\s+(?:[\w'-]+\s+){0,2}?(?:bootcamp|programme"
    r"|program|course|university|college|school|accelerator|incubator|residency|fellowship"
    r"|scheme|cohort|batch|mba|master's|phd)\b", re.IGNORECASE)
# exploring heads, and steps that only report back on what was explored
EXPLORING = _words("explore look browse")
REPORT_BACK = _words("share discuss tell report mention talk")
VAGUE_QUALIFIERS = _words(
    "healthy healthier balanced nourishing good better more proper properly mindful mindfully"
    " consistent consistently regular regularly some various variety different")

PARTICLES = _words("up on at for to in into with about out off over through down back onto")
DEFINITE = _words("the my our his her their this these those your its")

SKILLS = _words(
    "python java javascript typescript sql excel spanish french german italian portuguese"
    " mandarin cantonese japanese korean arabic hindi dutch polish russian swedish kubernetes"
    " docker aws azure gcp react angular vue terraform tableau figma salesforce powerpoint"
    " photoshop illustrator rust golang kotlin swift scala linux git jira hubspot sap"
    " snowflake spark pandas pytorch tensorflow django flask node.js nodejs c++ c# r"
    " matlab sas spss stata dbt airflow kafka ansible jenkins power-bi looker notion"
    # practical and trade skills
    " welding plumbing carpentry joinery bricklaying plastering tiling soldering sewing"
    " knitting bookkeeping touch-typing shorthand phlebotomy venepuncture cannulation cpr"
    " bsl makaton braille calligraphy woodworking upholstery glazing roofing")
SKILL_VERBS = _words(  # "learn to weld": the verb names the skill
    "weld solder sew knit crochet cook bake swim drive ski snowboard surf sail dance sing"
    " touch-type type paint draw sketch juggle fly plaster tile knit skate ride")

LABEL_WORDS = _words(
    "version v ver release level grade tier step phase stage chapter section module page"
    " room floor no no. number part season episode sprint unit lesson iteration gen"
    " generation pillar wave cohort batch mk itil iso pci gpt covid web3")
NAME_WORDS = _words(  # a number after these reads as a product name when capitalised
    "microsoft office windows python web industry ios android macos ubuntu java angular vue"
    " node net php html css http iphone pixel galaxy ps xbox series playstation switch")

GENERIC_ACRONYMS = _words(
    "I A OK CV KPI KPIS OKR OKRS ASAP EOD EOY EOM EOQ FY TBD ROI NPS ETA FAQ AM PM OOO WFH"
    " TBC NB PS AKA ETC USD EUR GBP")

CAP_STOP = _words(
    "I I'm I'll I've I'd January February March April May June July August September October"
    " November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Jan Feb Mar"
    " Apr Jun Jul Aug Sep Sept Oct Nov Dec Q1 Q2 Q3 Q4 H1 H2 The A An My Our And Or To In By"
    " On At For With Of From Be Get Become This That Next Every Each Do Have Make Not No")

STOPWORDS = _words(
    "a an the and or but if then so to of in on at by for with from into onto about as is are"
    " be been being am was were will would shall should can could may might must do does did"
    " have has had i me my mine we our ours you your he she it its they their them this that"
    " these those there here what which who whom whose when where why how all any each every"
    " some more most less least very much many few other another such no not only own same"
    " than too just also up down out over under again further once get got make made go"
    " going want wants like would need needs new one two three goal goals year years month"
    " months week weeks day days time end by within before after until next this")

ABSOLUTES = Gated(
    r"\b(?:never|always|perfect(?:ly)?|flawless(?:ly)?|every\s+single|each\s+and\s+every"
    r"|zero\s+(?:mistakes|errors|bugs|defects|complaints)|no\s+(?:mistakes|errors)"
    r"|without\s+(?:fail|exception)|everyone|everybody|everything|100\s*%|100\s+percent"
    r"|guarantee[ds]?|all\s+the\s+time)\b|100\s*%", re.IGNORECASE,
    needs=r"never|always|perfect|flawless|every|zero|mistakes|errors|without|100|guarantee"
          r"|all\s+the\s+time")
MILD_ABSOLUTES = re.compile(r"\ball\b", re.IGNORECASE)

VAGUE_AMOUNT = Gated(
    r"\b(?:as\s+(?:much|many|often|far|well|soon)\s+as\s+(?:possible|I\s+can|I\s+could)"
    r"|whenever\s+possible|where(?:ver)?\s+possible|if\s+possible|(?:do|try)\s+my\s+best"
    r"|to\s+the\s+best\s+of\s+my|a\s+lot(?:\s+of)?|lots\s+of|a\s+bit|somewhat|kind\s+of"
    r"|sort\s+of|and\s+so\s+on|etc|stuff|in\s+general|generally|some\s+(?:more|extra))\b",
    re.IGNORECASE,
    needs=r"possible|as\s+I\s+c|best|lot|bit|somewhat|kind\s+of|sort\s+of|so\s+on|etc|stuff"
          r"|general|some\s+(?:more|extra)")

PREFIX = re.compile(
    r"(?:(?:my\s+)?(?:main\s+|big\s+|key\s+)?(?:goal|aim|objective|target|plan|intention"
    r"|ambition|priority|focus)\s*(?:is\s*|:|-)\s*(?:to\s+)?"
    r"|(?:i|we)\s+(?:really\s+|also\s+|definitely\s+)?(?:want|would\s+(?:really\s+)?like"
    r"|'d\s+like|plan|aim|hope|intend|need|wish|expect|am\s+going|'m\s+going|are\s+going"
    r"|am\s+planning|'m\s+planning|will\s+try|'ll\s+try|will|'ll|must|should|can|could|shall"
    r"|commit|am\s+committed|'m\s+committed|resolve|promise|have|'ve\s+got)\s*(?:to\s+)?"
    r"|(?:[\w-]+\s+)?goal\s+(?:is\s+)?to\s+|make\s+sure\s+(?:that\s+)?(?:i|we)\s+|to\s+|let's\s+|please\s+|by\s+then,?\s+"
    r"|so\s+that\s+)",
    re.IGNORECASE)

TOKEN = re.compile(r"[^\W_]+(?:(?:['.&+#-]|(?<=[0-9]),(?=[0-9]))[^\W_]+)*[+#]*")
"""A word, kept whole across an apostrophe, a dot, a hyphen (``C++``, ``v2.1``, ``e-mail``)
and a comma between digits: ``2,5`` (a decimal comma) and ``1,000`` are one number, never a
"5 articles" split off."""
WORD = re.compile(r"[^\W_]+[+#]*")
NUMBER = re.compile(r"(?<![\w.,:/#-])[0-9]{1,12}(?:[.,][0-9]{1,12})*")
NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|dozen|twice|thrice|a\s+couple\s+of|a\s+pair\s+of"
    r"|once(?=\s+(?:a|per|every|each)\b))\b", re.IGNORECASE)
ONE_NOT_COUNT = re.compile(
    r"\s*(?:-\s*(?:on|to)\b|\s+(?:on|to)\s+one\b|\s+(?:day|of|another|by|or|thing|way|can"
    r"|should|who|that|which|more\s+time)\b)", re.IGNORECASE)
ONE_NOT_COUNT_BEFORE = re.compile(
    r"\b(?:no|some|any|every|each|the|this|that|which|someone|anyone|everyone)\s+$",
    re.IGNORECASE)
SCALE_WORDS = Gated(
    r"(?:\b(?:by|to|in)\s+(?:a|one|two|three)[\s-]+(?:third|quarter|fifth|tenth)s?\b"
    r"|\b(?:two|three)[\s-]+(?:thirds|quarters)\b|\bin\s+half\b|\bby\s+half\b|\bhalve[sd]?\b|\bdouble[sd]?\b|\btriple[sd]?\b"
    r"|\bquadruple[sd]?\b|[$€£¥₹]\s?[0-9])", re.IGNORECASE,
    needs=r"third|quarter|fifth|tenth|hal[fv]|double|triple|quadruple|[$€£¥₹]")
CEFR = re.compile(r"(?:\blevel\s+|\b(?:to|at|reach|achieve|pass)\s+(?:level\s+)?)[ABC][12]\b"
                  r"|\b[ABC][12]\s+level\b|(?i:\b(?:to|reach)\s+(?:level\s+)?[abc][12]\s+level\b)")
UNIT_SUFFIX = re.compile(
    r"(?:k|m|bn|x|h|hrs?|km|kg|lbs?|mins?|pp|pts|k\+|mb|gb)\b", re.IGNORECASE)
VERSION = re.compile(r"\b(?:version|ver\.?|release)\s*[0-9]+(?:\.[0-9]+)*\b"
                     r"|\bv[0-9]+(?:\.[0-9]+)*\b", re.IGNORECASE)
QUOTED = re.compile(r"\"[^\"]{2,80}\"")

ROLE = re.compile(
    r"\b(?:become|becoming|be\s+(?:an?|the)|promoted\s+to|promotion\s+to|promote\s+me\s+to"
    r"|step\s+up\s+to|move\s+up\s+to|progress\s+to|hired\s+as|(?:job|role|position|work"
    r"|working|start|starting|serve|serving)\s+as|as|into|(?:apply|applying|interview"
    r"|interviewing|qualify|considered|shortlisted)\s+for|land|secure|named|appointed"
    r"(?:\s+as)?|elected)\s+(?:an?\s+|the\s+|my\s+|our\s+)?(?:[\w&/-]+\s+){0,3}?"
    r"(?P<role>" + ROLE_NOUNS + r")s?\b", re.IGNORECASE)
MAKE_LEVEL = Gated(  # "make senior", "make partner": a promotion to a named level
    r"\b(?:make|reach|hit)\s+(?:it\s+to\s+)?(?:senior|staff|principal|partner|director|tenure"
    r"|associate\s+director|vp)\b(?!\s+(?:of\s+)?(?:decisions?|choices?|time|progress|calls?)\b)",
    re.IGNORECASE, needs=r"make|reach|hit")
ROLE_NOUN = Gated(r"\b(?:" + ROLE_NOUNS + r")s?\b", re.IGNORECASE)
TOPIC_COMPLEMENT = Gated(
    r"\s+(?:(?:in|on|about)\s+(?P<topic>[A-Za-z][\w+#-]*)"
    r"|with\s+(?P<who>(?:my|our|the|his|her|their)\s+(?:[\w&'-]+\s*){1,3}))", re.IGNORECASE)
# effort hyperbole and hype labels look like numbers but set no target:
# "give 110%", "be 100% committed", "a 10x engineer"
HYPE = Gated(
    r"\b(?:give|giving|gave|put(?:ting)?\s+in|bring(?:ing)?|be|am|is|are|being|feel)\s+"
    r"(?:an?\s+)?[1-9][0-9]{2,}\s*(?:%|percent\b|per\s*cent\b)"
    r"|\b[0-9]+x\s+(?=(?:[\w-]+\s+)?(?:" + ROLE_NOUNS
    + r"|person|performer|player|professional|contributor|hire)s?\b)", re.IGNORECASE,
    needs=r"[0-9]{3}\s*(?:%|per)|[0-9]x\s")
COUNTED_SHARE = Gated(
    r"[0-9]\s*(?:%|percent\b|per\s*cent\b)\s*(?:of\s+(?:the|my|our|all)\s+[a-z]|on\s+time\b)",
    re.IGNORECASE, needs=r"[0-9]\s*(?:%|per)")
_CONF_NUM = r"[0-9]{1,3}(?:[.,][0-9])?"
_CONF_WORD = r"(?:confiden(?:ce|t)|conf\.?|sure|certain)"
# a confidence the writer states: "(confidence 8/10)", "80% confident", "Confidence level: 9/10",
# "10/10 confident", "(50-60% confidence)", or a bare "(8/10)" / ", 8/10" closing the goal
STATED_CONFIDENCE = Gated(
    r"[(\[,;]?\s*(?:(?:with\s+)?(?:an?\s+|my\s+)?" + _CONF_WORD + r"(?:\s+(?:level|score|rating))?"
    r"(?:\s+(?:of|at|is|was))?\s*[:=-]?\s*(?P<a>" + _CONF_NUM + r")(?:\s*-\s*(?P<a2>"
    + _CONF_NUM + r"))?(?:\s*(?P<au>/\s*10|%|\s+out\s+of\s+10|\s+percent)"
    r"|(?=\s*(?:[)\],;]|\.?\s*$)))"
    r"|(?P<b>" + _CONF_NUM + r")(?:\s*-\s*(?P<b2>" + _CONF_NUM + r"))?\s*(?P<bu>/\s*10|%"
    r"|\s+out\s+of\s+10|\s+percent)\s+(?:" + _CONF_WORD + r")(?:\s+(?:level|that\s+I\s+can))?"
    r"|(?:(?<=[(\[,;])|(?<=\s)(?<!score\s)(?<!rating\s)(?<!of\s)(?<!to\s)(?<!at\s)(?<!hit\s)"
    r"(?=[0-9.,]+\s*/\s*10\s*\.?\s*$))\s*(?P<c>" + _CONF_NUM + r")\s*(?P<cu>/\s*10)"
    r"(?=\s*[)\]]|\s*\.?\s*$))"
    r"\s*[)\]]?", re.IGNORECASE, needs=r"conf|sure|certain|/\s*10")
SENTENCE_BREAK = re.compile(r"[.!?;:]\s+|\s+-\s+|\n")
LIST_MARKER = Gated(r"[ \t]*([0-9]{1,3}[.)]|[-*•·▪‣◦])[ \t]+(\S+)")
"""A pasted list's bullet or number at the start of a line ("3. ", "* "): not a count."""
TIME_TAIL = re.compile(r"['’]s?\s+time\b", re.IGNORECASE)
""""in 2 weeks' time": the end of the time phrase, not a word of the goal."""
LABELLED = re.compile(
    r"\b(?:level|part|module|unit|grade|step|stage|tier|paper|band|year)\s+(?:[0-9]{1,2}"
    r"|i{1,3}|iv|v|vi{1,3})\b(?!\s*(?:%|percent|hours?|days?|weeks?|months?|years?)\b)",
    re.IGNORECASE)
"""A named level of a course or exam, in any case: "cfa level 1", "Level I", "part 2"."""
LEVEL_TARGET = Gated(
    r"\b(?:to|at|reach(?:ing)?|achieve|attain|get\s+to)\s+(?:an?\s+|the\s+)?"
    r"(?:beginner|elementary|basic|intermediate|upper[\s-]intermediate|advanced|proficient"
    r"|professional|expert|conversational|fluent|native|business)"
    r"(?:[\s-]+(?:level|standard|proficiency|fluency))?\b"
    r"|\b(?:(?:become|be|get)\s+)?(?:fluent|fluency|proficient|proficiency)\s+in\s+[\w+#-]+"
    r"|\b(?:become|be|get)\s+fluent\b", re.IGNORECASE,
    needs=r"beginner|elementary|basic|intermediate|advanced|proficien|professional|expert"
          r"|conversational|fluen|native|business")
"""A level to reach is a finish line: "to B2 level" (see ``CEFR``), "to an intermediate
level", "fluent in French"; "more fluent" stays a direction (a comparative)."""
QUIT_VERBS = _words("quit stop cease")
"""Ending a habit is a yes/no outcome: "quit smoking", "stop checking email before 10am"."""
FOREIGN_WORDS = _words(
    "de del la las le les los el des du et und der dem zu zum zur mit für von vom bis werden"
    " ich wir nicht ein eine einen einem einer auf nach über pour avec dans sur au aux je"
    " nous être ici d'ici para con por una unos unas hasta antes em uma até dos het een"
    " voor naar gli della entro och att un une um il di nel nella dei delle alla ao van mijn"
    " bij dla jako przed oraz się nie na ett")
"""Function words of other languages (German, French, Spanish, Portuguese, Dutch,
Italian, Polish, Swedish) that English does not use: two of them mark a goal not in English,
one a short goal of words English does not know."""
ENGLISH_WORDS = _words("a an the to of in for by with my our and on at from is be i")
SHARED_FUNCTION_WORDS = _words("a i to do in on an no so me my per also was will am is over"
                          " under till die")
"""Words English shares with another language's function words (Polish "do", "to", "na";
Italian "a", "in"; German "am", "will"): alone, they mark no goal as English."""
LANGUAGE_NOTE = ("This goal seems not to be written in English: the wording checks read "
                 "English only, so Specific and Measurable are not judged (a number with a "
                 "unit, like 5 km or 20 %, still counts). Pick its deadline in the "
                 "Deadline box.")
"""What the feedback says about a goal :func:`not_english` finds in another language."""
FOREIGN_SPECIFIC_HINT = ("Not judged: the wording checks read English only. Check that your "
                    "goal says what you will do and what it produces — which role, "
                    "course or project.")
FOREIGN_MEASURABLE_HINT = ("Not judged: the wording checks read English only. A number with "
                      "a unit (5 km, 20 %, 500 €) counts in any language, and so does "
                      "a metric with a target.")
UNIT_AMOUNT = Gated(
    r"[$€£¥₹]\s?[0-9]+(?:[.,][0-9]+)*(?:\s?(?:k|m|bn)\b)?"
    r"|(?<![\w.,/:-])[0-9]+(?:[ .,\u00a0\u202f][0-9]{3})*(?:[.,][0-9]+)?\s?(?:%|[$€£¥₹]"
    r"|(?:km|kg|mi|m|g|h|min|kcal|cm|mm|l|ml|gb|mb|tb|k|bn)\b)", re.IGNORECASE)
"""An amount that reads the same in any language: "5 km", "20 %", "€500", "10 000 €"."""

NOISE_START = re.compile(r"[\W_]+|(?:[0-9]{1,3}|[a-zA-Z])[.)]\s+")  # bullets, "1) ", "a. "


# --------------------------------------------------------------------------- features

_LATIN_WORD = re.compile(r"[^\W\d_]+")


def _latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


@functools.cache
def _english_verbs() -> frozenset[str]:
    """Every verb the rules know, whatever rule reads it: "fix", "hit", "exceed", "paint"."""
    return (VERBS | QUIT_VERBS | DELIVER_VERBS | MAKE_VERBS | CREATE_VERBS | FINISH_VERBS
            | SHOW_VERBS | SKILL_VERBS | OUTCOME_VERBS | EXPLORING | REPORT_BACK | MEASURING)


def _known_english(word: str) -> bool:
    """A word the scorer's English lexicon knows (verbs, things, roles, common words).

    >>> [_known_english(w) for w in ("fix", "exceeded", "painting", "conseguir")]
    [True, True, True, False]
    """
    verbs = _english_verbs()
    return (word in STOPWORDS | NP_STOP or _lemma(word) in VERBS | QUIT_VERBS
            or word in verbs or any(word.endswith(end) and word[:-len(end)] in verbs
                                    for end in ("s", "es", "d", "ed", "ing"))
            or _is_thing(word) or word in ABSTRACT | COMPARATIVES | SKIP_WORDS | SKILLS
            or word in DEPARTMENTS or ROLE_NOUN.fullmatch(word) is not None)


def not_english(text: str) -> bool:
    """Whether goal ``text`` (normalised) reads as written in another language, judged
    conservatively: most of its letters are of another script (Chinese, Cyrillic ...); or
    it has more function words of other languages ("de", "für", "pour") than of English,
    two at least; or it has no English function word (beside a function word of another
    language or a letter English does not use, "do", "in" and the like are none: they are
    Polish, Italian ... too) and its first word is no English word the scorer knows, and
    then, four words or more, neither are most of the others, or, two or three words, none
    is and there is such a sign ("Conseguir un ascenso", "Zdobyć awans"; a name, every word
    capitalised, is none: "José García"). A short English
    goal ("Learn SQL"), or one without function words ("Take statin medications daily"),
    stays English.

    >>> not_english("2027年6月30日前通过AWS认证考试"), not_english("Devenir designer UX avant septembre 2027")
    (True, True)
    >>> not_english("Znaleźć nową pracę jako projektant UX do 2027"), not_english("Zdobyć awans")
    (True, True)
    >>> not_english("Take statin medications daily"), not_english("Stop working past 6pm")
    (False, False)
    """  # noqa: E501
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    if 2 * sum(map(_latin, letters)) < len(letters):
        return True
    written = [w for w in _LATIN_WORD.findall(text) if all(map(_latin, w))]
    words = [w.lower() for w in written]
    found = set(words)
    other = len(found & FOREIGN_WORDS)
    if other >= 2 and other > len(found & ENGLISH_WORDS):
        return True
    # a sign of another language: its function word, or a letter English does not use
    sign = bool(other) or not all(w.isascii() for w in words)
    english = found & (STOPWORDS | NP_STOP | ENGLISH_WORDS)
    if (len(words) < 2 or (english - SHARED_FUNCTION_WORDS if sign else english)
            or _known_english(words[0])):
        return False
    if len(words) < 4:  # "Conseguir un ascenso", "Zdobyć awans": no word English knows
        named = all(w[:1].isupper() for w in written)  # "José García" is a name
        return sign and not named and not any(map(_known_english, words))
    return 2 * sum(map(_known_english, words)) < len(words)


def _lemma(word: str) -> str:
    w = word.lower().strip("'")
    if w in VERBS:
        return w
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ing", "e"),
                         ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + repl
            if stem in VERBS:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in VERBS:
                return stem[:-1]
    return w


def _is_thing(word: str, things: frozenset[str] = ARTEFACTS | CREDENTIALS) -> bool:
    """A concrete noun from the lexicon ("docs", "courses"), singular or plural."""
    w = word.lower()
    return w in things or w.endswith("s") and w[:-1] in things


def _stem(word: str) -> str:
    w = word.lower().strip("'.-")
    if w.endswith("'s"):
        w = w[:-2]
    for _ in range(2):
        for suffix in ("ations", "ation", "ments", "ment", "ship", "ings", "ing", "ers", "er",
                       "ies", "ied", "ed", "es", "ly", "ate", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
                w = w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
                break
        else:
            break
    return w


@dataclass(slots=True)
class _Features:
    norm: str
    body: str = ""
    expressions: list[TimeExpression] = field(default_factory=list)
    head: str = ""
    head_word: str = ""
    head_class: str = ""
    quantities: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    artefacts: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    vague: list[str] = field(default_factory=list)
    vague_amount: list[str] = field(default_factory=list)
    completion: str = ""
    completion_alt: bool = False  # "... or arrange for a helper": an option, not a commitment
    vague_get: bool = False
    outcome: str = ""  # an outcome the head brings: "a new job", "promoted"
    outcome_named: bool = False  # it says which: a role, field, level, employer, place
    habit: bool = False  # a rhythm: daily, every Friday, 3 times a week
    dosed_without_dose: bool = False  # "jog once a week": how long or how far is missing
    generic_exercise: bool = False  # "exercise daily" names no kind of exercise
    generic_medication: bool = False  # "take medication daily" names no medicine
    concrete_act: bool = False  # an everyday act with a concrete object ("wear a mask")
    ongoing: bool = False  # "keep a journal": no finish line of its own
    repeatable: bool = False  # the head is an everyday act that needs a rhythm or count
    object_words: list[str] = field(default_factory=list)
    means: bool = False  # "... by leaving my phone in another room", "such as fish and eggs"
    vague_object: bool = False  # "a healthy dinner", "balanced meals"
    examples: bool = False  # "such as sunflower oil"
    work: str = ""  # ``norm`` with a stated confidence blanked out
    confidence: float | None = None  # stated in the text, 0..10
    confidence_phrase: str = ""
    levels: list[str] = field(default_factory=list)  # "to B2 level", "fluent in French"
    quit: str = ""  # "quit smoking": ending a habit, a yes/no outcome
    act: str = ""  # the head verb and its object as written: "Update my CV"
    typos: list[tuple[str, str]] = field(default_factory=list)  # ("promted", "promoted")
    foreign: bool = False  # not English: capitals do not mark names


def _list_breaks(raw: str, norm: str) -> list[tuple[int, int]]:
    r"""Where ``norm`` (one line) has the bullets or numbers that began lines of ``raw``.

    >>> text = "1. Update my CV\n2. Apply to 5 jobs"
    >>> [normalize_text(text)[a:b] for a, b in _list_breaks(text, normalize_text(text))]
    ['1.', '2.']
    """
    spans: list[tuple[int, int]] = []
    if "\n" not in raw and "\r" not in raw:
        return spans
    pos = 0
    for line in raw.splitlines():
        m = LIST_MARKER.match(line)
        if m is None:
            continue
        marker = normalize_text(m.group(1))
        at = norm.find(f"{marker} {normalize_text(m.group(2))}", pos)
        if at >= 0:
            spans.append((at, at + len(marker)))
            pos = at + len(marker)
    return spans


def _as_breaks(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each span blanked and a full stop ending the line before it (the
    length stays the same): "the course * Get" -> "the course.  Get"."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
        if start >= 2 and chars[start - 1] == " " and chars[start - 2] not in ".!?;:":
            chars[start - 2:start] = [chars[start - 2], "."]
    return "".join(chars)


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _sentence_starts(body: str) -> set[int]:
    starts = {0}
    for m in SENTENCE_BREAK.finditer(body):
        starts.add(m.end())
    return starts


def _prev_word(body: str, start: int) -> tuple[str, int]:
    m = re.search(r"([^\W_][\w+#.&'-]*)[\s(]*$", body[max(0, start - 40):start])
    if not m:
        return "", -1
    return m.group(1), max(0, start - 40) + m.start(1)


def _is_sentence_start(body: str, pos: int, starts: set[int]) -> bool:
    if pos in starts:
        return True
    return body[:pos].strip() == ""


def _counted(body: str, end: int) -> str:
    """The words a number counts, up to the end of their noun phrase: "10 product manager
    roles", "5 Power BI reports" (three words at most; none before a stop word)."""
    words = []
    for m in re.finditer(r"[ \t-]*([A-Za-z][\w'-]*)", body[end:end + 60]):
        if m.start() != (words[-1][1] if words else 0) or len(words) == 3:
            break
        word = m.group(1)
        if word.lower() in STOPWORDS or word.lower() in NP_STOP or _lemma(word) in VERBS - (
                ARTEFACTS | CREDENTIALS) and words:
            break
        words.append((word, m.end()))
    return " ".join(w for w, _ in words)


def _quantities(body: str, starts: set[int], title_mode: bool) -> list[str]:
    found: list[str] = []
    numbers: list[tuple[int, int]] = []
    for m in NUMBER.finditer(body):
        start, end = m.span()
        numbers.append((start, end))
        raw = m.group(0)
        after = body[end:end + 24]
        score = re.match(r"/(?:10|100|5)\b(?![/.][0-9])", after)
        if score:  # "a score of 9/10"
            found.append(raw + score.group(0))
            continue
        if re.match(r"[:/][0-9]", after) or re.match(r"(?:st|nd|rd|th)\b", after, re.I):
            continue
        if after[:1].isalpha() and not UNIT_SUFFIX.match(after):
            continue  # 3D, 5G, 1s
        if after.startswith("%") or re.match(r"\s*(?:%|percent|per\s*cent|pct)", after, re.I):
            found.append(raw + "%")
            continue
        prev, prev_pos = _prev_word(body, start)
        prev_l = prev.lower()
        unit = UNIT_SUFFIX.match(after)
        if body[max(0, start - 1):start] in "$€£¥₹" and start > 0:
            found.append(body[start - 1:end] + (unit.group(0) if unit else ""))  # "£60k"
            continue
        if prev_l in LABEL_WORDS or prev_l in NAME_WORDS and (prev[0].isupper() or title_mode
                                                              or prev_l == "microsoft"):
            continue
        if (prev and prev[0].isupper() and not title_mode and prev_pos >= 0
                and not _is_sentence_start(body, prev_pos, starts)
                and prev not in ("I", "Top", "Of")
                and prev.lower() not in STOPWORDS | VERBS):
            continue  # "Microsoft 365", "ITIL 4"
        if prev and prev.isupper() and len(prev) > 1 and prev not in GENERIC_ACRONYMS:
            continue
        next_word = re.match(r"[\s-]*([A-Za-z][\w'-]*)", after)
        noun_follows = bool(next_word) and next_word.group(1).lower() not in STOPWORDS
        if (len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2199
                and (not noun_follows or title_mode)):
            continue  # a year inside a name, e.g. "PyCon 2027"
        if re.fullmatch(r"[0-9]+\.0", raw) and not noun_follows:
            continue  # "2.0" reads as a version
        raw += unit.group(0) if unit else ""
        counted = _counted(body, end + (unit.end() if unit else 0))
        found.append(f"{raw} {counted}" if counted else raw)
    for m in NUMBER_WORD.finditer(body):
        word = m.group(0).lower()
        if word == "one" and (ONE_NOT_COUNT.match(body, m.end())
                              or ONE_NOT_COUNT_BEFORE.search(body[:m.start()])):
            continue
        found.append(m.group(0))
    found.extend(m.group(0).strip() for m in SCALE_WORDS.finditer(body)  # "£5" once only
                 if not any(a <= m.end() - 1 < b for a, b in numbers))
    found.extend(m.group(0).strip() for m in CEFR.finditer(body))
    return found


def _names(tokens: list[tuple[str, int]], body: str, starts: set[int], title_mode: bool,
           caps_mode: bool) -> list[str]:
    names: list[str] = []
    for word, pos in tokens:
        lower = word.lower()
        if lower in SKILLS:
            names.append(word)
            continue
        if caps_mode or not word[0].isalpha() and not word[0].isdigit():
            continue
        if word in GENERIC_ACRONYMS or lower in DEPARTMENTS and word.isupper():
            continue
        has_digit = any(c.isdigit() for c in word)
        has_alpha = any(c.isalpha() for c in word)
        if has_digit and has_alpha and not re.fullmatch(r"[0-9]+(?:k|m|x|h|s|pm|am)", lower):
            if not re.fullmatch(r"[0-9]+(?:st|nd|rd|th)", lower):
                names.append(word)
            continue
        if not has_alpha:
            continue
        upper_inside = any(c.isupper() for c in word[1:])
        if upper_inside and (word[0].isupper() or word[0].islower()):
            if word.isupper() and len(word) < 2:
                continue
            names.append(word)  # AWS, CFA, iOS, PyTorch
            continue
        if (word[0].isupper() and not title_mode and word not in CAP_STOP
                and lower not in DEPARTMENTS and not _is_sentence_start(body, pos, starts)):
            names.append(word)
    names.extend(m.group(0) for m in QUOTED.finditer(body))
    names.extend(m.group(0) for m in VERSION.finditer(body))
    return names


def _noun_phrases(tokens: list[tuple[str, int]], body: str) -> list[tuple[int, str, str, str]]:
    """Determiner-led noun phrases: (token index of the determiner, det, phrase, head noun).

    The head is the last word before a preposition, conjunction, verb-like word or
    punctuation, e.g. "a training plan for ..." -> head "plan".
    """
    phrases = []
    lowered = [w.lower() for w, _ in tokens]
    for i, det in enumerate(lowered):
        if det not in NP_DETS and not det.isdigit():
            continue
        words: list[str] = []
        end = tokens[i][1] + len(tokens[i][0])
        for word, pos in tokens[i + 1:i + 7]:
            lower = word.lower()
            if re.search(r"[,.;:!?()\[\]\n]", body[end:pos]) or lower in NP_STOP:
                break
            words.append(word)
            end = pos + len(word)
        if words:
            phrase = body[tokens[i][1]:end]
            phrases.append((i, det, phrase, words[-1].lower()))
    return phrases


def _named_by_complement(body: str, end: int) -> bool:
    """An indefinite course, meeting or event pinned down by what follows it: "a course in
    conflict resolution", "a meeting with my skip-level manager"."""
    m = TOPIC_COMPLEMENT.match(body, end)
    if m is None:
        return False
    if m.group("topic"):
        return m.group("topic").lower() not in ABSTRACT | STOPWORDS | COMPARATIVES
    return ROLE_NOUN.search(m.group("who")) is not None or any(
        w[0].isupper() for w in m.group("who").split())


def _artefacts(tokens: list[tuple[str, int]], body: str, head: str) -> list[str]:
    found: list[str] = []
    for i, det, phrase, noun in _noun_phrases(tokens, body):
        indefinite = det in ("a", "an", "one", "each", "every")
        if i > 0 and tokens[i - 1][0].lower() in TOOL_PREPS and noun in TOOLS:
            continue  # "track my meals on the app": the tool, not what is done
        if noun in ARTEFACTS or noun in CREDENTIALS and (
                not indefinite or head in CREATE_VERBS
                or det in ("a", "an") and _named_by_complement(body, tokens[i][1] + len(phrase))):
            found.append(phrase)
    return found


def _direct_object(tokens: list[tuple[str, int]], index: int, body: str, head: str) -> str:
    """The direct object after a delivery verb, when it is a concrete thing.

    Definite objects count after any delivery verb ("Deliver the onboarding revamp");
    indefinite ones only after verbs that create the thing ("Start a bakery").
    """
    i = index + 1
    while i < len(tokens) and tokens[i][0].lower() in PARTICLES:
        i += 1
    if head in FINISH_VERBS and i < len(tokens) and tokens[i][0].lower() not in NP_DETS:
        # "finish onboarding docs for new starters": a bare set of deliverables
        words: list[str] = []
        for word, _ in tokens[i:i + 4]:
            if word.lower() in NP_STOP or not re.fullmatch(r"[a-z][a-z-]*", word):
                break
            words.append(word)
        if words and _is_thing(words[-1], ARTEFACTS):
            return " ".join(words)
    for j, det, phrase, noun in _noun_phrases(tokens[i:i + 8], body):
        if j != 0 or not (det in DEFINITE or det in ("a", "an") and head in MAKE_VERBS):
            break
        if noun in ABSTRACT or noun in STOPWORDS or not re.fullmatch(r"[a-z][a-z-]*", noun):
            break
        if _lemma(noun) in VERBS - ACTION:
            break
        return phrase
    return ""


def _vague_markers(tokens: list[tuple[str, int]], body: str) -> list[str]:
    found: list[str] = []
    lowered = [w.lower() for w, _ in tokens]
    for i, word in enumerate(lowered):
        if word not in COMPARATIVES:
            continue
        after = lowered[i + 1] if i + 1 < len(lowered) else ""
        after2 = lowered[i + 2] if i + 2 < len(lowered) else ""
        if after == "than" and re.match(r"[0-9]", after2 or "x"):
            continue  # "more than 10 people" is a quantity
        if word == "further" and i > 0:
            continue
        if (i < 5 or i == len(lowered) - 1
                or after in ("often", "frequently", "regularly", "effectively", "efficiently",
                             "consistently", "confidently", "quickly", "time", "and", "than",
                             "visible", "involved", "comfortable", "confident")):
            found.append(tokens[i][0])
    return found


def _concrete_after(body: str, start: int, starts: set[int], title_mode: bool,
                    caps_mode: bool) -> bool:
    tail = body[start:start + 160]
    tail_tokens = [(m.group(0), m.start() + start) for m in TOKEN.finditer(tail)]
    return bool(_quantities(tail, {0}, title_mode)
                or _names(tail_tokens, body, starts, title_mode, caps_mode)
                or _artefacts(tail_tokens and [(w, p - start) for w, p in tail_tokens], tail, "")
                or ROLE.search(tail) or ROLE_NOUN.match(tail, re.match(
                    r"\s*(?:(?:a|an|the|my|our)\s+)?", tail).end()))


def _read_times(norm: str, today: date, foreign: bool) -> list[TimeExpression]:
    """The time phrases of ``norm``; in a goal not in English, a word one slip from an
    English month ("juni", "septembre") is that language's month, not a typo to correct,
    and a year in its words is left to the Deadline box (:data:`LANGUAGE_NOTE`).

    >>> [e.kind for e in _read_times("Devenir designer UX avant septembre 2027",
    ...                              date(2026, 12, 6), True)]
    []
    """
    found = find_time_expressions(norm, today)
    if not foreign:
        return found
    return [e for e in found if e.kind != "unread" and not (
        e.kind == "unclear" and any(misspelt_month(w) for w in _LATIN_WORD.findall(e.phrase)))]


def stated_confidence(text: str) -> tuple[float, tuple[int, int], str] | None:
    """The confidence a goal states about itself, on a 0-10 scale, with its span and words.

    >>> stated_confidence("Walk 30 minutes 3 times a week (confidence 8/10)")[0]
    8.0
    >>> stated_confidence("Take my statin daily, 90% confident")[0]
    9.0
    >>> stated_confidence("Log my meals (50-60% confidence)")[0]
    5.5
    >>> stated_confidence("Cut costs by 10%") is None
    True
    """
    for m in STATED_CONFIDENCE.finditer(text):
        key = "a" if m["a"] else ("b" if m["b"] else "c")
        try:
            values = [float(v.replace(",", ".")) for v in (m[key], m[key + "2"] if key != "c"
                                                            else None) if v]
        except ValueError:
            continue
        unit = (m[key + "u"] or "").replace(" ", "").lower()
        value = sum(values) / len(values)
        if unit in ("%", "percent") or not unit and value > 10:
            value /= 10  # "confidence 80" reads as a percentage, "confidence: 7" out of 10
        if not 0 <= value <= 10:
            continue
        return value, m.span(), m.group(0).strip(" ,;([)]")
    return None


_HTML_ELEMENTS = _words(
    "a abbr address area article aside audio b bdi bdo big blockquote body br button canvas "
    "caption center cite code col colgroup data dd del details dfn dialog div dl dt em embed "
    "fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header "
    "hr html i iframe img input ins kbd label legend li link main map mark marquee math meta "
    "nav noscript object ol optgroup option output p param picture pre q s samp script section "
    "select small source span strike strong style sub summary sup svg table tbody td template "
    "textarea tfoot th thead time title tr track tt u ul var video wbr")
_INLINE = _words("a abbr b bdi bdo big cite code del dfn em font i ins kbd mark q s samp small "
                 "span strike strong sub sup time tt u var")
_MARKUP_CODE = Gated(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
                     re.IGNORECASE | re.DOTALL)
_MARKUP_TAG = Gated(r"</?(" + "|".join(sorted(_HTML_ELEMENTS, key=len, reverse=True))
                         + r")\b(?:\s[^<>]*)?/?>", re.IGNORECASE, needs=r"<")


def without_markup(text: str) -> str:
    """``text`` with its HTML markup taken out, read as text and never run: a script or
    style element goes whole (its code is no part of the goal: ``alert(1)`` is no target
    of 1), a comment too; any other tag of an HTML element goes and leaves its words
    (``<b>Lead</b>`` is "Lead"; a block or line break leaves a space). A ``<`` that starts
    no tag stays (``<200 ms``), and so does what follows an unclosed ``<script>``.

    >>> without_markup("<b>Lead</b> the data migration <script>alert(1)</script> by May")
    'Lead the data migration   by May'
    >>> without_markup("Cut latency to <200 ms<br>and keep errors < 1%")
    'Cut latency to <200 ms and keep errors < 1%'
    >>> without_markup('Ship <img src=x onerror="alert(2)">v2 <!-- 3 -->')
    'Ship  v2  '
    >>> without_markup("Learn to load <script> tags late by June 2027")
    'Learn to load   tags late by June 2027'
    """
    if "<" not in text:
        return text
    text = _MARKUP_CODE.sub(" ", text)
    return _MARKUP_TAG.sub(lambda m: "" if m[1].lower() in _INLINE else " ", text)


def _analyse(text: str, today: date) -> _Features:
    text = without_markup(text[:4 * MAX_CHARS])  # read as the words it shows
    norm = normalize_text(text)
    feats = _Features(norm=norm, work=norm)
    if not norm:
        return feats
    stated = stated_confidence(norm) if re.search(r"[0-9]", norm) else None
    if stated is not None:
        feats.confidence, span, feats.confidence_phrase = stated
        feats.work = norm = _blank(norm, [span])
    feats.foreign = not_english(norm)
    feats.expressions = _read_times(norm, today, feats.foreign)
    spans = []
    for e in feats.expressions:
        if e.kind not in ("frequency", "unread"):
            tail = TIME_TAIL.match(norm, e.end)
            spans.append((e.start, tail.end() if tail else e.end))
    blanked = _as_breaks(_blank(norm, spans), _list_breaks(text, norm))
    # strip leading noise and "I want to" style prefixes
    pos = 0
    while True:
        noise = NOISE_START.match(blanked, pos)
        if noise and noise.end() > pos:
            pos = noise.end()
        prefix = PREFIX.match(blanked, pos)
        if prefix and prefix.end() > pos:
            pos = prefix.end()
            continue
        break
    body, feats.typos = _fix_typos(blanked[pos:].rstrip())
    feats.body = body
    tokens = [(m.group(0), m.start()) for m in TOKEN.finditer(body)]
    if not tokens:
        return feats
    starts = _sentence_starts(body)
    # title case is judged on the words as written, time phrases included: a lower-case
    # "in 2027" shows that "Gain Qualified Teacher Status" capitalises a name
    alpha = [m.group(0) for m in TOKEN.finditer(norm, pos) if m.group(0).isalpha()][1:]
    title_mode = (len(alpha) >= 3 and sum(w[0].isupper() for w in alpha) >= 0.9 * len(alpha)
                  or feats.foreign)  # German capitalises every noun: no capital is a name
    caps_mode = len(alpha) >= 3 and sum(w.isupper() for w in alpha) >= 0.9 * len(alpha)
    # head verb: first word that is not a filler adverb
    index = 0
    while index < len(tokens) - 1 and tokens[index][0].lower() in SKIP_WORDS:
        index += 1
    head_word = tokens[index][0]
    head = _lemma(head_word)
    if (head in ("finish", "complete", "start", "begin", "continue", "restart", "resume", "keep")
            and index + 1 < len(tokens)
            and tokens[index + 1][0].lower().endswith("ing")
            and _lemma(tokens[index + 1][0]) in VERBS
            and not (index + 2 < len(tokens) and _is_thing(tokens[index + 2][0]))):
        index += 1  # "Finish writing my novel": the gerund carries the action
        head_word = tokens[index][0]
        head = _lemma(head_word)
    feats.head_word, feats.head = head_word, head
    if head == "look" and re.match(r"\s+(?:into|at|for|up|around)\b",
                                   body[tokens[index][1] + len(head_word):], re.IGNORECASE):
        feats.head_class = "vague"  # "look into eldercare options": exploring, not doing
    elif head in COPULA:
        feats.head_class = "copula"
    elif head == "get":
        feats.head_class = "get"
    elif head in CHANGE:
        feats.head_class = "change"
    elif head in VAGUE or head in STATIVE:
        feats.head_class = "vague"
    elif head == "prepare" and not re.match(r"\s+(?:for|to)\b", body[tokens[index][1]
                                                                     + len(head_word):]):
        feats.head_class = "action"  # "prepare the budget forecast" makes a deliverable
    elif head in SOFT:
        feats.head_class = "soft"
    else:
        feats.head_class = "action"
    rest = tokens[index + 1:]
    after = tokens[index][1] + len(head_word)
    outcome = _outcome(body, tokens[index][1], head) if rest and not feats.foreign else None
    if head == "get" and rest and outcome is None:
        nxt = rest[0][0].lower()
        feats.vague_get = (nxt in VAGUE_GET or nxt.endswith("er") and nxt not in ("master",)
                           or VAGUE_GET_PHRASE.match(body, after) is not None)
    if outcome is not None:
        # an outcome, whichever verb brings it: "get promoted", "be promoted", "land a new
        # job", "earn a promotion"; it says which when a role, field, level or place does
        feats.outcome, feats.outcome_named, outcome_end = outcome
        feats.head_class = "get"
    hype = [(m.span(), m.group(0).strip()) for m in HYPE.finditer(body)]
    if SCOPE_ALL.search(body) or COUNTED_SHARE.search(body):
        # "be 100% on time for every meeting": a share of something counted is a target
        hype = [(span, x) for span, x in hype if not re.search(r"[%t]$", x)]
    feats.quantities = _quantities(_blank(body, (span for span, _ in hype)), starts,
                                   title_mode)
    # a habit kept "for 30 days" is a checkable streak as well as a window
    feats.quantities += [e.phrase for e in feats.expressions
                         if e.kind == "date" and re.match(r"for\s+[0-9a-z]", e.phrase, re.I)
                         and any(x.kind == "frequency" for x in feats.expressions)]
    feats.names = _names(rest, body, starts, title_mode, caps_mode)
    skill = re.match(r"\s+(?:how\s+)?to\s+([a-z-]+)\b", body[tokens[index][1] + len(head_word):],
                     re.IGNORECASE)
    if (head in SOFT and skill and skill.group(1).lower() in SKILL_VERBS
            and not any(w.lower() in VAGUE_QUALIFIERS or w.lower() in COMPARATIVES
                        for w, _ in tokens[index + 2:index + 6])):
        feats.names.append(skill.group(1))  # "learn to weld"; "learn to cook properly" is loose
    feats.names += [m.group(0) for m in LABELLED.finditer(body)]  # "cfa level 1"
    feats.levels = [m.group(0).strip() for m in LEVEL_TARGET.finditer(body)
                    if not re.search(r"\b(?:more|less|better|fully)\s+$", body[:m.start()])]
    feats.artefacts = _artefacts(tokens, body, head)
    if head in DELIVER_VERBS:
        obj = _direct_object(tokens, index, body, head)
        if obj and obj not in " ".join(feats.artefacts):
            feats.artefacts.append(obj)
    feats.roles = [m.group(0) for m in ROLE.finditer(body)]
    feats.roles += [m.group(0) for m in MAKE_LEVEL.finditer(body)]
    feats.vague = _vague_markers(tokens[index:], body) + [text for _, text in hype]
    if (head in SOFT or head == "read") and rest and rest[0][0].lower() in ("about", "up"):
        feats.vague.append(f"{head_word} {rest[0][0]}")
    feats.vague_amount = [m.group(0) for m in VAGUE_AMOUNT.finditer(body)]
    _acts(feats, tokens, index, body)
    if feats.outcome:  # "a better job" is the outcome itself, not a vague aim beside it
        said = feats.outcome.lower().split()
        around = body[tokens[index][1]:outcome_end].lower().split()
        feats.vague = [v for v in feats.vague if v.lower() not in around]
        # a job is no deliverable; it is pinned down by a role, a name or a count ("my
        # first job" counts nothing), or by the words around it (``_outcome``)
        feats.artefacts = [a for a in feats.artefacts if a.lower().split()[-1] not in said]
        feats.outcome_named = feats.outcome_named or bool(
            feats.roles or feats.names or [x for x in feats.quantities if x != "first"])
    # a concrete "by completing X" / "and share it with Y" clause after the head
    tries = 0
    for k, (word, wpos) in enumerate(rest, start=index + 1):
        lower = word.lower()
        lemma = _lemma(lower)
        if lemma not in COMPLETION or lemma == head:
            continue
        if head in EXPLORING and lemma in REPORT_BACK:
            continue  # "explore the app and share what suits me": reporting back, no product
        before = body[max(0, wpos - 12):wpos].lower()
        if lower.endswith("ing"):
            if not re.search(r"(?:\b(?:by|through|via|and|then|after|while|including)|,)\s*$",
                             before):
                continue
        elif not re.search(r"\b(?:and|then|or)\s*$", before):
            continue
        tries += 1
        if tries > 4:
            break
        if (lemma in DELIVER_VERBS and _direct_object(tokens, k, body, lemma)
                or _concrete_after(body, wpos + len(word), starts, title_mode, caps_mode)):
            feats.completion = word
            feats.completion_alt = re.search(r"\bor\s*$", before) is not None
            break
    return feats


_FREQ_ADJECTIVES = _words("daily weekly monthly nightly fortnightly quarterly yearly annual")
_FREQ_WORDS = _FREQ_ADJECTIVES | _words("every each once twice thrice per times everyday")


def _object_words(tokens: list[tuple[str, int]], index: int,
                  body: str) -> tuple[list[str], int]:
    """The words of the head verb's direct object, determiners left out, and where the
    object ends in ``body``: "Take my statin medications daily" -> ['statin',
    'medications']."""
    words: list[str] = []
    phrasal = False
    end = last = tokens[index][1] + len(tokens[index][0])
    for word, pos in tokens[index + 1:index + 7]:
        lower = word.lower()
        if body[end:pos] == "," and words and words[-1].isdigit() and word.isdigit():
            words[-1] += "," + word  # "2,5 hours"
            end = last = pos + len(word)
            continue
        if re.search(r"[,.;:!?()\[\]\n]", body[end:pos]):
            break
        end = pos + len(word)
        if lower in _FREQ_WORDS:
            if not words and lower in _FREQ_ADJECTIVES:
                continue  # "run a weekly coding club"
            break
        if not words and (lower in NP_DETS or lower in ("up", "out", "off", "down", "through")
                          or lower in ("with", "on") and phrasal):
            phrasal = lower in ("up", "through")  # "follow through with a check-up"
            continue
        if lower in NP_STOP:
            break
        words.append(lower)
        last = end
    return words, last


def _acts(f: _Features, tokens: list[tuple[str, int]], index: int, body: str) -> None:
    """Habits, everyday acts and completions that the object rules miss."""
    head = f.head
    rest = body[tokens[index][1] + len(tokens[index][0]):]
    f.habit = (HABIT_FREQUENCY.search(f.work) is not None
               or any(e.kind == "frequency" for e in f.expressions))
    f.generic_exercise = (head not in MEASURING and GENERIC_EXERCISE.search(body) is not None
                          and EXERCISE_TYPES.search(GENERIC_EXERCISE.sub(" ", body)) is None
                          and not re.search(r"\bthe\s+exercises?\b", body, re.IGNORECASE))
    obj, obj_end = _object_words(tokens, index, body)
    f.act = " ".join(body[tokens[index][1]:obj_end].split())  # "Take my statin", as written
    dosed = (head in DOSED and not (obj and _is_thing(obj[-1]))) or f.generic_exercise or (
        head == "go") and re.match(
        r"\s+(?:for\s+an?\s+)?(?:walk|jog|run|swim|hike|ride)", rest, re.IGNORECASE)
    f.dosed_without_dose = bool(dosed) and DOSE.search(f.work) is None
    vague_obj = any(w in VAGUE_QUALIFIERS or w in COMPARATIVES for w in obj)
    f.object_words = obj
    f.generic_medication = (bool(obj) and obj[0] in GENERIC_MEDS and not _is_thing(obj[-1])
                            or GENERIC_MEDS_TAKEN.search(body) is not None)
    f.vague_object = any(w in VAGUE_OBJECT for w in obj)
    if f.head_class == "change" and any(w in CONSUMABLES or w[:-1] in CONSUMABLES for w in obj):
        f.head_class, f.repeatable = "action", True  # "reduce oil intake": a concrete thing
    f.means = MEANS.search(body) is not None and not f.vague_amount
    f.examples = EXAMPLES.search(body) is not None
    baseline = BASELINE.search(body)
    if baseline:  # "above current three glasses" is where you start, not a target
        f.quantities = [x for x in f.quantities if not x.startswith(baseline["n"])]
    f.repeatable = f.repeatable or head in REPEATABLE and f.head_class in ("action", "soft") and (
        not (head == "take" and obj and obj[0] in ("lead", "ownership", "charge", "part")))
    if head in ("keep", "maintain") and obj and _is_thing(obj[-1], ARTEFACTS):
        f.head_class, f.ongoing = "action", True  # "keep a learning journal"
        f.artefacts.append(" ".join(obj))
    if head == "contribute" and (AT_EVENT.match(rest) or obj and _is_thing(obj[-1])
                                 or re.match(r"\s+to\s+(?-i:[A-Z])", rest)):
        f.head_class = "action"  # "contribute a pull request", "... to an open source library"
    if head == "get" and not f.vague_get and (
            obj and _is_thing(obj[-1], PLACEMENTS) or ADMITTED.match(rest)):
        f.artefacts.append(" ".join(obj) or ADMITTED.match(rest).group(0).strip())
    if head == "get" and GET_DONE.match(rest):
        f.head_class, f.vague_get = "action", False  # "get my portfolio site live"
        f.artefacts.append(GET_DONE.match(rest).group(0).strip())
    if head in COMPLETION and len(obj) <= 3 and obj and _is_thing(obj[-1], CREDENTIALS):
        f.artefacts.append(" ".join(obj))  # "attend a conference"
    event = AT_EVENT.match(rest)
    if (event and head in COMPLETION | {"contribute", "speak"}
            and _is_thing(event["noun"], CREDENTIALS | ARTEFACTS)):
        f.artefacts.append(event.group(0).strip())  # "present at a conference"
    if head in SHOW_VERBS and not event and f.head_class == "action":
        at = AT_ANY_EVENT.search(rest)  # "present our team's work at the engineering all-hands"
        if at:
            f.artefacts.append(at.group(0).strip())
    if FIRST_ONE.search(body):
        f.quantities.append("first")
    if SCOPE_ALL.search(body) and f.head_class == "action":
        f.quantities.append(SCOPE_ALL.search(body).group(0).strip())
    # ending a habit is a yes/no outcome: "quit smoking", "stop drinking coffee after 2pm"
    if head in QUIT_VERBS or head == "give" and re.match(r"\s+up\b", rest, re.IGNORECASE):
        what = re.match(r"\s+(?:up\s+)?(?:on\s+)?([a-z]+)", rest, re.IGNORECASE)
        word = what.group(1).lower() if what else ""
        if (word in CONSUMABLES or word[:-1] in CONSUMABLES
                or word.endswith("ing") and _lemma(word) in REPEATABLE | DOSED | COMPLETION
                and _lemma(word) not in VAGUE | SOFT):
            f.head_class, f.quit = "action", f"{f.head_word}{what.group(0)}"
    # an everyday act on a concrete object is specific ("wear a mask while cleaning")
    loose = any(w.lower() in VAGUE_OBJECT or w.lower() in COMPARATIVES for w, _ in tokens)
    f.concrete_act = bool(f.quit) or (
                      f.head_class == "action" and head not in ("make", "have", "go")
                      and not loose
                      and (head in REPEATABLE or f.habit or f.repeatable)
                      and not (head in TRACKING and not f.habit)
                      and not f.generic_exercise and not vague_obj and not f.vague
                      and (bool(obj) and (obj[-1] not in ABSTRACT | STOPWORDS or f.habit)
                           or (head in DOSED or head == "go" and bool(dosed))
                           and (DOSE.search(f.work) is not None or bool(f.names))
                           or not obj and f.habit and head in REPEATABLE - DOSED))


# --------------------------------------------------------------------------- criteria

GET_OUTCOMES = _words(
    "promoted hired certified accepted elected selected admitted chartered licensed"
    " published appointed shortlisted qualified")
OUTCOME_HEADS = _words("get be become")
"""Verbs that bring an outcome about: "get promoted", "be promoted", "become certified"."""
OUTCOME_DONE = re.compile(
    r"\s+(?P<mods>(?:[\w+#&.'-]+\s+){0,2}?)(?:" + "|".join(sorted(GET_OUTCOMES)) + r")\b",
    re.IGNORECASE)
OUTCOME_VERBS = OUTCOME_HEADS | _words(
    "land secure find start earn obtain win gain receive achieve attain accept take move step"
    " switch change transition")
"""Verbs that bring a place to hold: "land a new job", "earn a promotion", "move into a
role"."""
OUTCOME_PLACE = Gated(
    r"\s+(?:(?:up|into|onto|to|on|in)\s+){0,2}(?:(?:an?|the|my|our|that|this|another)\s+)?"
    r"(?P<mods>(?:[\w+#&.'/-]+\s+){0,3})(?P<noun>jobs?|roles?|positions?|promotions?"
    r"|employment|offers?|interviews?)\b", re.IGNORECASE)
"""What an outcome verb brings when it is a place to hold: "a new job", "a UX role"."""
OUTCOME_WHICH = re.compile(
    r"\s+(?:[a-z]+(?:er|ly)\s+)?(?P<prep>in|at|with|for|within|near|as|on|to|into|of)\s+"
    r"(?:(?:an?|the|my|our|their|his|her)\s+)?(?P<what>[\w+#&.'-]+)", re.IGNORECASE)
"""The words after an outcome that may say which: "a job in marketing", "promoted to
senior", "a role at a startup", "a job closer to Leeds"."""
OUTCOME_END = Gated(
    r"\s*(?:$|[^\w\s]|(?:[a-z]+(?:er|ly)|near|" + "|".join(sorted(
        w for w in NP_STOP if w.isalpha())) + r")\b)", re.IGNORECASE)
"""What may follow an outcome's noun: the end, a stop, a preposition, "closer", "soon"."""
GENERIC_OUTCOME = _words(
    "new better good great decent proper real dream different another other next first"
    " permanent full-time part-time fulltime parttime temporary temp stable secure steady paid"
    " well-paid better-paid higher-paid higher-paying well-paying fulfilling meaningful"
    " rewarding exciting interesting challenging suitable right perfect ideal nice big bigger"
    " overdue deserved well-deserved long-awaited fresh remote hybrid flexible local job jobs"
    " role roles position positions promotion employment offer offers tech technology"
    " industry field sector area career work company companies organisation organization firm"
    " employer business team teams department place somewhere life world thing things stuff"
    " way something anything soon possible quickly fast asap level pay salary money")
"""Words that leave an outcome open: which job is "a new, better-paid job in tech"?"""
LEVEL_WORDS = _words("senior junior principal associate assistant deputy chief")


def _generic_word(word: str) -> bool:
    """A word that leaves an outcome open (:data:`GENERIC_OUTCOME`, a comparative, a filler,
    a function word): "new", "better", "tech", "my"; not "marketing", "senior", "Leeds"."""
    w = word.lower()
    return (w in GENERIC_OUTCOME or w in COMPARATIVES or w in VAGUE_QUALIFIERS
            or w in SKIP_WORDS or w in NP_STOP or w in STOPWORDS)


def _outcome(body: str, at: int, head: str) -> tuple[str, bool, int] | None:
    """The outcome an outcome verb (lemma ``head``, written at ``at``) brings, as written
    from the verb on; whether its own words say which one (a field, level, employer or
    place: "a marketing job", "a role at Monzo", "promoted to senior"); and where the words
    about it end ("a job with better pay"). None when the verb brings no outcome. A role or
    a name elsewhere in the goal also says which (:func:`_analyse`).

    >>> _outcome("Land a new job in marketing", 0, "land")
    ('Land a new job', True, 27)
    >>> _outcome("Get promoted at work", 0, "get")[:2], _outcome("Earn a promotion", 0, "earn")
    (('Get promoted', False), ('Earn a promotion', False, 16))
    >>> _outcome("Find a role model", 0, "find"), _outcome("Be in a position to move", 0, "be")
    (None, None)
    """
    after = TOKEN.match(body, at).end()
    m = None
    if head in OUTCOME_HEADS:
        m = OUTCOME_DONE.match(body, after)
    if m is None and head in OUTCOME_VERBS:
        m = OUTCOME_PLACE.match(body, after)
        if m is not None and (m.group("noun").lower() == "position" and re.match(
                r"\s+(?:to\s+[a-z]+|where)\b", body[m.end():], re.IGNORECASE)):
            m = None  # "be in a position to buy a house": an idiom, no post to hold
        if m is not None and not OUTCOME_END.match(body, m.end()):
            m = None  # a place ends its noun phrase: "a role model" is another thing
    if m is None:
        return None
    mods = m.group("mods").split()
    if any(w.lower() in NP_STOP - NP_DETS for w in mods):
        return None  # "get my site live before I start job hunting": no outcome at the head
    which = any(not _generic_word(w) and not w.isdigit() for w in mods)
    end = m.end()
    follow = OUTCOME_WHICH.match(body, m.end())
    if follow is not None and not which:
        what = follow.group("what")
        which = not _generic_word(what) and not any(ch.isdigit() for ch in what) and not (
            follow.group("prep").lower() == "to" and _lemma(what) in VERBS
            and ROLE_NOUN.fullmatch(what) is None)  # "a job to pay the bills"
        end = follow.end()
    return " ".join(body[at:m.end()].split()), which, end


@functools.cache
def _typo_index() -> tuple[dict[str, frozenset[str]], dict[str, set[str]], frozenset[str]]:
    """The words typos are read back to, by slot (see :func:`_typo_fix`), ``{word with
    one letter dropped: {words}}`` and the words known as they are (never read back)."""
    roles = frozenset(w for w in re.findall(r"[a-z]+", ROLE_NOUNS) if len(w) >= 4)
    keys = {"head": VERBS, "outcome": GET_OUTCOMES,
            "thing": roles | LEVEL_WORDS | CREDENTIALS | SKILLS}
    keys = {k: frozenset(w for w in v if w.isalpha() and len(w) >= 4) for k, v in keys.items()}
    dropped: dict[str, set[str]] = {}
    for word in set().union(*keys.values()):
        if len(word) >= 7:
            for i in range(len(word)):
                dropped.setdefault(word[:i] + word[i + 1:], set()).add(word)
    known = (VERBS | ARTEFACTS | CREDENTIALS | SKILLS | roles | STOPWORDS | NP_STOP | ABSTRACT
             | COMPARATIVES | VAGUE_GET | DEPARTMENTS | PERSONAL_LIFE | CONSUMABLES
             | GENERIC_MEDS | SKIP_WORDS | LABEL_WORDS
             | SKILL_VERBS | VAGUE_QUALIFIERS | DIMENSIONS | NAME_WORDS | _FREQ_WORDS)
    return keys, dropped, frozenset(known)


def _typo_fix(word: str, slot: str = "thing") -> str | None:
    """The word a typo stands for, when exactly one word the ``slot`` expects is one slip
    away: two letters swapped ("senoir", "exma") or one left out of a long word
    ("promted", "certifcation"). Slots: ``"head"`` (verbs), ``"outcome"`` (after "get":
    promoted, certified...), ``"thing"`` (roles, levels, credentials).

    >>> _typo_fix("promted", "outcome"), _typo_fix("senoir"), _typo_fix("exma")
    ('promoted', 'senior', 'exam')
    >>> _typo_fix("Pubilsh", "head"), _typo_fix("form", "head"), _typo_fix("lunch")
    ('Publish', None, None)
    >>> _typo_fix("elected", "outcome") is None
    True
    """
    keys, dropped, known = _typo_index()
    key = keys[slot]
    lower = word.lower()
    if (len(lower) < 4 or not lower.isalpha() or lower in known or lower in key
            or _lemma(lower) in VERBS):
        return None  # a word the slot expects is no slip ("elected", not "selected")
    found = {lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:] for i in range(len(lower) - 1)}
    found = (found | dropped.get(lower, set())) & key
    if len(found) != 1:
        return None
    (fixed,) = found
    return fixed.capitalize() if word[0].isupper() else fixed


def _fix_typos(body: str) -> tuple[str, list[tuple[str, str]]]:
    """``body`` with the typos :func:`_typo_fix` reads back where a slip hides what the
    rules look for: the first word (a verb), the word after "get" or "be" ("promted"), and
    anywhere a role, a level or a credential ("senoir manger", "the PMP exma").

    >>> _fix_typos("Get promted to senoir manger and pass the exma")[0]
    'Get promoted to senior manager and pass the exam'
    >>> _fix_typos("Run a brown-bag lunch; cut dairy; keep a diary")[1]
    []
    """
    fixes: list[tuple[str, str]] = []
    out: list[str] = []
    last, head, at = 0, "", -1
    for m in TOKEN.finditer(body):
        word = m.group(0)
        slot = ("head" if not head else "outcome" if head in ("get", "got", "be", "become")
                and len(out) == at + 1 else "thing")
        if not head and word.lower() not in SKIP_WORDS:
            head, at = word.lower(), len(out)
        fixed = _typo_fix(word, slot)
        out.append(word)
        if fixed is not None:
            fixes.append((word, fixed))
            out[-1] = fixed
        out[-1] = body[last:m.start()] + out[-1]
        last = m.end()
    return "".join(out) + body[last:], fixes


def _quote(text: str, limit: int = 60) -> str:
    from career_workbook.wording import shorten

    return shorten(text, limit)


_SPECIFIC_EXAMPLES = {
    "change": "'Cut report turnaround from 5 days to 2' rather than 'improve my reporting'",
    "copula": "'Lead the weekly team stand-up for 6 weeks' rather than 'be more confident'",
    "soft": "'Complete the Google Data Analytics certificate' rather than 'learn about data'",
    "vague": "'Block 2 mornings a week for deep work' rather than 'focus more'",
    "get": "'Get promoted to Senior Analyst' or 'Earn the AWS Cloud Practitioner certificate'",
    "action": "'Run 2 workshops for the sales team' or 'Apply for the Senior Designer role'",
}


CREDENTIAL_OUTCOMES = _words("certified chartered licensed qualified")


def _which_hint(outcome: str) -> str:
    """The hint for an outcome that does not say which: the person's own words, then the
    same words pinned down.

    >>> _which_hint("Land a new job")
    "'Land a new job' does not say which role, level or where — name it, e.g. 'Land a new \
job as a UX designer in Leeds'."
    >>> _which_hint("Be promoted")
    "'Be promoted' does not say which role or level — name it, e.g. 'Be promoted to Senior \
Analyst'."
    """
    said = _quote(outcome, 40)
    last = outcome.split()[-1].lower()
    if last.startswith("promot"):
        what, tail = "which role or level", " to Senior Analyst"
    elif last.startswith("interview"):
        what, tail = "which role, level or where", " for a UX designer role in Leeds"
    elif last in CREDENTIAL_OUTCOMES:
        return (f"'{said}' does not say which credential — name it, e.g. 'Get certified as "
                "an AWS Solutions Architect'.")
    elif last in GET_OUTCOMES - _words("hired appointed selected shortlisted"):
        return (f"'{said}' does not say what or where — name it, e.g. 'Get elected to the "
                "staff council'.")
    else:
        what, tail = "which role, level or where", " as a UX designer in Leeds"
    return f"'{said}' does not say {what} — name it, e.g. '{said}{tail}'."


def _specific(f: _Features) -> tuple[Criterion, bool]:
    reasons: list[str] = []
    hints: list[str] = []
    if not f.body.strip():
        hints.append("Write the goal as one action you will take, e.g. "
                     + _SPECIFIC_EXAMPLES["action"] + ".")
        return Criterion("specific", False, 0.0, reasons, hints), False
    if f.foreign:  # its words are not read: no guess from English rules
        return Criterion("specific", False, 0.5, [], [FOREIGN_SPECIFIC_HINT],
                         judged=False), False
    q, names, arts, roles = f.quantities, f.names, f.artefacts, f.roles
    cls = f.head_class
    if cls == "change":
        spec = bool(q)
    elif cls == "copula":
        spec = bool(q or roles)
    elif cls == "get":
        if f.vague_get:
            spec = bool(q)
        elif f.outcome:
            spec = f.outcome_named
        else:
            spec = bool(q or names or arts or roles)
    elif cls == "vague":
        spec = bool(q)
    else:  # soft and action verbs: the object decides
        spec = bool(q or names or arts or roles)
    rescued = bool(f.completion)  # "... by completing the HubSpot course"
    spec = (spec or rescued) and not (f.vague and not q and not rescued)
    dimension = cls == "change" and bool(f.object_words) and f.object_words[-1] in DIMENSIONS
    how = (f.means and (cls == "action" or dimension)  # "improve sleep duration by leaving ..."
           or f.examples and cls in ("action", "soft"))
    if f.concrete_act or how and not f.vague:
        spec = True  # "Take my statin daily", "Wear a mask", "... by leaving my phone ..."
        act = f.quit or f.act or f.head_word
        reasons.append(f"concrete act: '{_quote(act, 40)}'" if f.concrete_act
                       else "says how: a 'by ...' or 'such as ...' clause")
    if f.generic_medication and not names:
        spec = False  # "Take medication daily": which one?
    if (f.generic_exercise or f.vague_object) and not names and not f.means:
        spec = False  # "Exercise daily for 30 minutes": which exercise? "a healthy dinner"?
    if f.head_class != "action" or f.head in ACTION:
        reasons.append(f"action: '{f.head_word}'")
    if f.outcome:
        reasons.append(f"outcome: '{_quote(f.outcome, 40)}'")
    if q:
        reasons.append("quantity: " + ", ".join(f"'{x}'" for x in _unique(q)[:3]))
    if names:
        reasons.append("named: " + ", ".join(f"'{x}'" for x in _unique(names)[:4]))
    if arts:
        shown = [a for a in _unique(arts)  # "the exam", not "the exam" and "exam"
                 if not any(a != b and a.lower() in b.lower() for b in arts)]
        reasons.append("deliverable: " + ", ".join(f"'{_quote(x, 40)}'" for x in shown[:2]))
    if f.typos:
        reasons.append("read " + ", ".join(f"'{a}' as '{b}'" for a, b in f.typos[:3]))
    if roles:
        reasons.append(f"role: '{_quote(roles[0], 40)}'")
    if f.completion:
        reasons.append(f"concrete step: '{f.completion} …'")
    if f.vague:
        reasons.append("vague wording: " + ", ".join(f"'{x}'" for x in f.vague[:3]))
    if spec:
        return Criterion("specific", True, 1.0, reasons, hints), True
    if f.outcome and not f.vague:  # "Land a new job": an outcome, but which one?
        return Criterion("specific", False, 0.5, reasons, [_which_hint(f.outcome)]), False
    some_object = bool(names or arts or roles)
    score = 0.5 if some_object else (0.25 if cls in ("action", "soft") else 0.0)
    example = _SPECIFIC_EXAMPLES.get(cls, _SPECIFIC_EXAMPLES["action"])
    if f.vague or cls in ("change", "copula", "vague") or f.vague_get:
        what = " ".join(f.body.split()) if len(f.body) <= 50 else " ".join(
            [f.head_word, *f.object_words[:4]])
        hints.append(f"'{what}' names a direction rather than an action. Say what you will "
                     f"do and what it produces, e.g. {example}.")
    else:
        hints.append("Make the object concrete: which role, skill, certification, project or "
                     f"audience? e.g. {example}.")
    return Criterion("specific", False, score, reasons, hints), False


def _measurable(f: _Features, specific: bool) -> Criterion:
    reasons: list[str] = []
    hints: list[str] = []
    if f.foreign:  # only what reads the same in any language: 5 km, 20 %, 500 €
        amounts = [" ".join(m.group(0).split()) for m in UNIT_AMOUNT.finditer(f.body)]
        if amounts:
            return Criterion("measurable", True, 1.0, [
                "target: " + ", ".join(f"'{x}'" for x in _unique(amounts)[:3])], [])
        return Criterion("measurable", False, 0.5, [], [FOREIGN_MEASURABLE_HINT],
                         judged=False)
    # "my first job" counts no more than "a new job": which one is still open
    q = [] if f.outcome and not f.outcome_named else f.quantities
    verifiable = specific and f.head_class not in ("soft", "vague") and not f.vague
    if not (q or f.names or f.artefacts or f.roles or f.concrete_act or f.completion):
        verifiable = False  # specific only through its "by ..." clause
    obj_thing = bool(f.object_words) and any(
        a.split()[-1].lower() == f.object_words[-1] for a in f.artefacts)
    if (f.repeatable or f.ongoing) and not (f.habit or q or f.names or f.roles or obj_thing
                                            and not f.ongoing):
        verifiable = False  # "Watch videos on diet", "Keep a journal": how often, how many?
    habit = f.habit and f.head_class in ("action", "soft") and not f.vague and (
        specific or f.concrete_act or f.head_class == "action")
    if habit and not q:
        rhythms = _unique([e.phrase for e in f.expressions if e.kind == "frequency"])
        # each rhythm once, whole, as the other lists: "'monthly', 'monthly', 'mont" was cut
        reasons.append("a rhythm you can count: " + ", ".join(
            f"'{_quote(x, 40)}'" for x in rhythms[:3]) if rhythms else "a rhythm you can count")
    verifiable = verifiable or habit
    # yes/no outcomes are checkable: "get promoted", "quit smoking"; so is a level to reach
    # ("to B2 level", "fluent in French") of a named skill or object
    # the same outcome whatever the verb ("get promoted", "be promoted") is checkable once
    # it names what: a role, a level, a credential ("promoted to Senior Analyst")
    unnamed = f.head_class == "get" and bool(f.outcome) and not f.outcome_named
    outcome = (f.head_class == "get" and f.outcome_named or bool(f.quit)) and not f.vague
    level = bool(f.levels) and bool(f.names or f.object_words) and not f.vague
    if q:
        reasons.append("target: " + ", ".join(f"'{x}'" for x in _unique(q)[:3]))
    if level and not q:
        reasons.append("level to reach: " + ", ".join(f"'{x}'" for x in _unique(f.levels)[:2]))
    if outcome and not (q or verifiable):
        reasons.append(f"a yes/no outcome: '{_quote(f.quit or f.body, 40)}'")
    if f.completion:
        reasons.append(f"verifiable step: '{f.completion} …'")
    if verifiable and not q:
        reasons.append(f"verifiable completion: '{_quote(f.body, 50)}'")
    conditional = bool(f.completion) and re.search(
        r"\b" + re.escape(f.completion) + r"\b.*\b(?:if|when|unless|in\s+case)\b",
        f.body) is not None
    met = (bool(q) or verifiable or outcome or level
           or bool(f.completion) and not (conditional or f.completion_alt))
    if f.vague_amount and not q:
        reasons.append("open-ended amount: " + ", ".join(f"'{x}'" for x in f.vague_amount[:2]))
        met = False
    if f.habit and f.dosed_without_dose:
        reasons = [r for r in reasons if not r.startswith(("verifiable", "a rhythm"))]
        reasons.append("how long or how far each time is not said")
        met = False
    if met:
        return Criterion("measurable", True, 1.0, reasons, hints)
    score = 0.0
    if specific or (f.head_class == "get" and f.outcome):
        score = 0.5
    elif f.vague or f.vague_amount:
        score = 0.1
    if unnamed and not f.vague:
        hints.append("Name the role, level or credential, so it is clear when it is done — "
                     "e.g. 'Get promoted to Senior Analyst' or 'Get a job as a UX designer'.")
        return Criterion("measurable", False, score, reasons, hints)
    example = "'Run 2 workshops for the sales team' or 'Pass the PMP exam'"
    hints.append("Add a number you can check: how many, how much, or what 'done' looks like"
                 f" — e.g. {example}.")
    return Criterion("measurable", False, score, reasons, hints)


def _time_bound(f: _Features, today: date,
                done: bool = False) -> tuple[Criterion, date | None, str | None]:
    reasons: list[str] = []
    hints: list[str] = []
    suggestion = format_date(suggested_deadline(today))
    dated = deadline_candidates(f.expressions, f.work)
    windows = [e for e in f.expressions if e.kind == "window"]
    vague = [e for e in f.expressions if e.kind == "vague"]
    rhythm = [e for e in f.expressions if e.kind == "frequency"]
    invalid = [e for e in f.expressions if e.kind in ("invalid", "unclear")]
    unread = [e for e in f.expressions if e.kind == "unread"]
    best = max(dated, key=lambda e: (e.date, -e.start)) if dated else None
    for e in invalid[:1]:
        note = invalid_date_note(e)
        reasons.append(f"'{e.phrase}': {note}")
        hints.append(f"{note} — did you mean {short_date(e.fix)}?" if e.fix else note)
    if best is not None:
        reasons.append(f"deadline: '{best.phrase}' -> {short_date(best.date)}")
        for e in rhythm[:1]:
            reasons.append(f"rhythm: '{e.phrase}'")
        if done:  # the deadline bounded the goal: it is done, so it cannot be late now
            return Criterion("time_bound", True, 1.0, reasons, hints), best.date, best.phrase
        if best.date < today:  # a date behind you bounds nothing still to do
            reasons[0] += " (passed)"
            hints.append(f"{short_date(best.date)} has already passed — pick a new date, "
                         f"e.g. 'by {suggestion}'.")
            return (Criterion("time_bound", False, PASSED_SCORE, reasons, hints), best.date,
                    best.phrase)
        hints += [h for h in (_far_hint(best.date, today),) if h]
        return Criterion("time_bound", True, 1.0, reasons, hints), best.date, best.phrase
    if invalid:
        return Criterion("time_bound", False, 0.0, reasons, hints), None, None
    if f.foreign:  # its dates are in words the reader does not know: the box is the way
        hints.append("Pick the deadline in the Deadline box: the wording checks read dates "
                     "written in English only.")
        return Criterion("time_bound", False, 0.0, reasons, hints), None, None
    if windows:
        reasons.append(f"window: '{windows[0].phrase}' (an event, no date)")
        hints.append(f"Pin the event to a date so progress can be tracked, e.g. "
                     f"'by {suggestion}'.")
        return Criterion("time_bound", True, 0.75, reasons, hints), None, None
    if vague:
        reasons.append("vague timing: " + ", ".join(f"'{e.phrase}'" for e in vague[:2]))
        hints.append(f"Swap '{vague[0].phrase}' for a date, e.g. 'by {suggestion}'.")
        return Criterion("time_bound", False, 0.0, reasons, hints), None, None
    if unread:  # a year in words not read: the person says whether it is the deadline
        hints.append(unread[0].note)
    if rhythm:
        reasons.append(f"rhythm without an end: '{rhythm[0].phrase}'")
        hints.append(f"Give the habit an end date to review it, e.g. 'until {suggestion}'.")
        return Criterion("time_bound", False, 0.25, reasons, hints), None, None
    if not unread:
        hints.append(f"Add a date, e.g. 'by {suggestion}'.")
    return Criterion("time_bound", False, 0.0, reasons, hints), None, None


def _far_hint(deadline: date, today: date) -> str:
    """The hint for a deadline years away: a year typed with its digits swapped (2062 for
    2026) is asked about (:func:`~career_workbook.wording.swapped_deadline`), a far one
    gets a milestone; ``''`` when it is near.

    >>> _far_hint(date(2062, 12, 31), date(2026, 12, 6))
    '31 Dec 2062 is 36 years away: did you mean 2026? If so, fix the year.'
    >>> _far_hint(date(2062, 5, 1), date(2026, 12, 6))
    '1 May 2062 is 35 years away: is 2062 the year you mean? If not, fix the year.'
    >>> _far_hint(date(2036, 12, 31), date(2026, 12, 6))
    'That is more than 3 years away — add a milestone for this year.'
    """
    question = swapped_deadline(deadline, today)
    if question:
        return f"{question} If {'so' if swapped_for(deadline, today) else 'not'}, fix the year."
    if (deadline - today).days > 3 * 365:
        return "That is more than 3 years away — add a milestone for this year."
    return ""


def _confidence(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if math.isnan(number) or math.isinf(number):
        return None
    return min(max(number, 1.0), 10.0)


GOOD_SCORE = 70
"""A SMART score (0-100) of at least this much is a good goal: the drafter's bar turns
green, and no goal scoring less is said to "look SMART" in the scorecard's headline
(:func:`~career_workbook.analysis.scorecard.scorecard_verdict`)."""

CONFIDENCE_MET = 7
"""A confidence (given or stated) of at least this much meets *achievable*: below it the
advice is to shrink the goal or line up support, so the verdict is "partly" (5-6) or "not
met" (1-4), never a tick."""


def _achievable(f: _Features, confidence: Any, context: GoalContext | None,
                deadline: date | None) -> Criterion:
    reasons: list[str] = []
    hints: list[str] = []
    conf = _confidence(confidence)
    source = ""
    if conf is None and f.confidence is not None:
        conf, source = max(f.confidence, 1.0), " (stated in your goal)"
        shown = f"{round(conf, 1):g}/10"
        if f.confidence_phrase and shown not in f.confidence_phrase.replace(" ", ""):
            # "90% confident" is read as 9/10: quote the words so the person sees why
            source = f" (stated in your goal as '{_quote(f.confidence_phrase, 30)}')"
    judged = conf is not None
    if conf is None:
        score, met = 0.5, False
        hints.append("How confident are you (1-10) that you can do this in time? "
                     "Below 7, shrink the goal or line up support.")
    else:
        shown = f"{round(conf, 1):g}"
        reasons.append(f"confidence {shown}/10{source}")
        met = conf >= CONFIDENCE_MET
        if met:
            score = min(1.0, 0.7 + 0.1 * (conf - 7))
        elif conf >= 5:
            score = conf / 10
            hints.append(f"At {shown}/10, what would make it an 8? Remove one obstacle, add "
                         "support, or trim the scope.")
        else:
            score = max(0.1, conf / 10 - 0.1)
            hints.append(f"Confidence {shown}/10 is low — shrink the goal (a smaller number, a "
                         "later date) or add support: a mentor, a course, time blocked in your "
                         "calendar.")
        score = round(score, 3)
    if context is not None and deadline is not None and context.other_deadlines:
        window = timedelta(days=OVERLOAD_WINDOW_DAYS)
        close = [d for d in context.other_deadlines if abs(d - deadline) <= window]
        if len(close) >= OVERLOAD_COUNT:
            score -= 0.25
            met, judged = False, True
            reasons.append(f"{len(close)} other goals due within {OVERLOAD_WINDOW_DAYS} days")
            hints.append(f"{len(close)} other goals are due within {OVERLOAD_WINDOW_DAYS} days "
                         "of this one — stagger the dates or pause one of them.")
    strong = _unique(m.group(0) for m in ABSOLUTES.finditer(f.work))
    if strong:
        score -= 0.2
        met, judged = False, True
        reasons.append("all-or-nothing wording: " + ", ".join(f"'{x}'" for x in strong[:3]))
        hints.append(f"'{strong[0]}' sets an all-or-nothing bar — leave some slack, e.g. "
                     "'90%' rather than '100%', 'most weeks' rather than 'every single week'.")
    elif MILD_ABSOLUTES.search(f.work):
        score -= 0.05
        reasons.append("'all': check the scope is realistic")
    return Criterion("achievable", met, round(min(max(score, 0.0), 1.0), 3), reasons, hints,
                     judged=judged)


RELEVANCE_STOP = STOPWORDS | _words(
    "team teams work job role roles company people colleague colleagues thing things better"
    " new good great lot lots help start finish complete become improve learn take"
    # time words carry no topic: "by mid-2027" in a vision makes no goal relevant
    " mid end early late year years month months week weeks day days quarter next this"
    " january february march april may june july august september october november december"
    " spring summer autumn fall winter")
SHORT_TOPICS = _words("ux ui ai ml qa hr it pr bi")
PERSONAL_LIFE = _words(
    "family families kids kid children child son sons daughter daughters baby babies wife"
    " husband partner spouse wedding honeymoon holiday holidays vacation vacations birthday"
    " parents parent mum mom dad mother father grandchildren grandparents grandkids pet pets"
    " dog dogs cat cats garden house flat apartment friends friend boyfriend girlfriend"
    " dating marriage hobby hobbies christmas")
"""Words of a person's life outside work: a goal whose topic is only these ("lead my
family's holiday planning") is not career relevance, whatever verb it shares."""
NO_CONTEXT_HINT = ("Relevance cannot be judged yet: write your vision (step 03) or pick a "
                   "target role (step 05), and each goal is checked against them.")


def _topic_words(text: str) -> dict[str, str]:
    """Content words of ``text`` as ``{stem: word as written}``: whole words, stemmed only
    for plurals and verb endings (:func:`~career_workbook.analysis.posting.normalise_word`);
    numbers and time words carry no topic.

    >>> sorted(_topic_words("Lead the data teams by mid-2027; my family's plans"))
    ['data', 'family', 'lead', 'plan']
    """
    from career_workbook.analysis.posting import normalise_word

    out: dict[str, str] = {}
    for word in WORD.findall(text):
        lower = word.lower()
        if (lower in RELEVANCE_STOP or any(ch.isdigit() for ch in lower)
                or len(lower) <= 2 and lower not in SHORT_TOPICS):
            continue
        out.setdefault(normalise_word(lower), lower)
    return out


def _relevant(f: _Features, context: GoalContext | None) -> Criterion:
    reasons: list[str] = []
    hints: list[str] = []
    if context is None or context.is_empty:
        return Criterion("relevant", False, 0.5, reasons, [NO_CONTEXT_HINT], judged=False)
    linked = [s for s in context.linked_skills if s.strip()]
    if linked:
        reasons.append("linked skills: " + ", ".join(linked[:4]))
        return Criterion("relevant", True, 1.0, reasons, hints)
    vocab = {s: () for s in context.skills if s.strip()} | dict(context.skill_vocab)
    if vocab:
        from career_workbook.analysis.posting import find_skills

        named = find_skills(f.work[:2000], vocab)
        if named:
            shown = [skill if words[0].casefold() == skill.casefold()
                     else f"{skill} ('{words[0]}')" for skill, words in named.items()]
            reasons.append("builds a skill of your plan: " + ", ".join(shown[:3]))
            return Criterion("relevant", True, 1.0, reasons, hints)
    goal = _topic_words(f.work[:2000])
    personal = [w for w in goal.values() if w in PERSONAL_LIFE]
    role_words = _topic_words(context.target_role)
    other_words = _topic_words(" ".join((context.vision, *context.values)))
    role_hits = {s for s in goal if s in role_words and goal[s] not in PERSONAL_LIFE}
    other_hits = {s for s in goal if s in other_words and goal[s] not in PERSONAL_LIFE}
    hits = role_hits | other_hits
    if personal and all(_lemma(goal[s]) in VERBS for s in hits):
        hits = role_hits = set()  # "lead my family's holiday": a shared verb, a private topic
    if hits:
        reasons.append("shares words with your vision/role: "
                       + ", ".join(f"'{goal[s]}'" for s in sorted(hits)[:5]))
    if role_hits or len(hits) >= 2:
        return Criterion("relevant", True, 1.0, reasons, hints)
    if hits:
        return Criterion("relevant", True, 0.8, reasons, hints)
    anchor = context.target_role.strip() or _quote(context.vision, 50)
    skills = [s for s in context.skills if s.strip()][:2]
    tip = f" or link it to a skill such as {' or '.join(skills)}" if skills else ""
    if personal:
        reasons.append("a personal goal: " + ", ".join(f"'{w}'" for w in personal[:3]))
        hints.append("This reads as a personal goal — fine to keep; it is just not linked to "
                     + (f"'{anchor}'" if anchor else "your vision or target role") + ".")
    elif anchor:
        hints.append(f"This goal does not mention '{anchor}' — say how it helps{tip}.")
    else:
        hints.append("How does this goal move you toward your vision or target role? Link it "
                     "to a skill, or add a few words on why it matters.")
    return Criterion("relevant", False, 0.2, reasons, hints)


_MISSING = {
    "specific": "a concrete action",
    "measurable": "a number or a clear finish line",
    "achievable": "a realistic scope",
    "relevant": "a link to your vision",
    "time_bound": "a deadline",
}


def _summary(score: int, criteria: Mapping[str, Criterion], deadline: date | None,
             empty: bool) -> str:
    """One line: a label, the score, and what to add; wording not read (a goal not in
    English) is said to be not judged, never claimed.

    >>> r = score_goal("Correr 5 km tres veces por semana antes del 30/06/2027",
    ...                today=date(2026, 12, 6), confidence=8, context={"vision": "Correr"})
    >>> r.summary
    'Solid goal (82/100): measurable and time-bound, due 30 Jun 2027; specific not judged \
(the wording checks read English only).'
    """
    if empty:
        return "No goal yet — write one sentence about what you want to achieve."
    unread = [name for name in ("specific", "measurable") if not criteria[name].judged]
    # a criterion judged and missed caps the label: a low confidence is no "strong" goal,
    # nor is one whose wording was not read
    missed = any(c.judged and not c.met for c in criteria.values()) or bool(unread)
    if score >= 80 and not missed:
        label = "Strong SMART goal"
    elif score >= 60:
        label = "Solid goal"
    elif score >= 40:
        label = "Good start"
    else:
        label = "Early draft"
    missing = [_MISSING[name] for name in CRITERIA
               if not criteria[name].met and (criteria[name].judged or name == "achievable")]
    if not criteria["achievable"].judged:
        missing[missing.index(_MISSING["achievable"])] = "how confident you are (1-10)"
    if not criteria["time_bound"].met and deadline is not None:  # the date has passed
        missing[missing.index(_MISSING["time_bound"])] = "a new deadline"
    not_read = (f"{listing(unread)} not judged (the wording checks read English only)"
                if unread else "")
    if not missing:
        due = f", due {short_date(deadline)}" if deadline else ""
        met = listing([name.replace("_", "-") for name in ("specific", "measurable",
                                                           "time_bound")
                       if name not in unread])
        return f"{label} ({score}/100): {met}{due}" + (f"; {not_read}." if unread else ".")
    return f"{label} ({score}/100): add {listing(missing)}" + (
        f"; {not_read}." if unread else ".")


def _context(value: Any) -> GoalContext | None:
    if value is None or isinstance(value, GoalContext):
        return value
    if isinstance(value, Mapping):
        keys = {"vision", "target_role", "values", "skills", "linked_skills", "other_deadlines",
                "skill_vocab"}
        try:
            return GoalContext(**{k: v for k, v in value.items() if k in keys})
        except TypeError:
            return None
    return None


# --------------------------------------------------------------------------- public API

def _time_features(text: str, today: date) -> _Features:
    """Just what :func:`_time_bound` reads, exactly as :func:`_analyse` finds it."""
    norm = normalize_text(without_markup(text[:4 * MAX_CHARS]))
    f = _Features(norm=norm, work=norm)
    stated = stated_confidence(norm) if re.search(r"[0-9]", norm) else None
    if stated is not None:
        f.work = norm = _blank(norm, [stated[1]])
    f.foreign = not_english(norm)
    f.expressions = _read_times(norm, today, f.foreign)
    return f


def _with_rewrites(criteria: dict[str, Criterion], f: _Features, today: date,
                   confidence: Any, context: GoalContext | None,
                   deadline: date | None = None, metric: Any = None) -> None:
    """Offer a one-click rewrite for each missed criterion, keeping only rewrites that
    scoring confirms meet it; the first hint then quotes it when it is short enough. A
    deadline set outside the sentence is changed there, not by rewriting the sentence.
    A date the goal names that cannot be (30 February, 03/04 read two ways) is never
    carried into a rewrite: the others are built on the time-bound fix when there is one,
    else on the goal without that date (:func:`_dates_fixed`)."""
    base = f
    for name in ("time_bound", "measurable", "specific", "achievable"):
        c = criteria[name]
        if name != "time_bound" and base is f:
            base = _dates_fixed(f, today, criteria["time_bound"].rewrites)
        if c.met or name == "time_bound" and deadline is not None:
            continue
        for lead, text in candidates(name, base if name != "time_bound" else f, today):
            times = _time_features(text, today)
            if any(e.kind in ("invalid", "unclear") for e in times.expressions):
                continue  # never a rewrite with a date that cannot be
            if name == "time_bound":  # time-bound depends on the time phrases alone
                got = _time_bound(times, today)[0]
            else:
                got = _score(text, today, confidence, context, rewrites=False,
                             deadline=deadline, metric=metric).criteria[name]
            if not got.met or got.score < c.score:
                continue
            hints = list(c.hints)
            if len(text) <= MAX_QUOTED:
                quoted = f"{lead} '{text}'"
                hints = [quoted, *hints[1:]] if hints else [quoted]
            criteria[name] = replace(c, hints=hints, rewrites=[text])
            break


def _dates_fixed(f: _Features, today: date, fixed: Sequence[str]) -> _Features:
    """The goal (features ``f``) as the rewrites start from it: ``f`` itself, or, when it
    names a date that cannot be read (impossible, ambiguous, misspelt), the time-bound
    rewrite that fixes it (``fixed``), else the goal with that date left out.

    >>> today = date(2026, 12, 6)
    >>> _dates_fixed(_analyse("Learn Python by 2027-02-30", today), today,
    ...              ["Learn Python by 28 February 2027"]).norm
    'Learn Python by 28 February 2027'
    >>> _dates_fixed(_analyse("By 03/04/2027, improve SQL", today), today, []).norm
    'improve SQL'
    >>> _dates_fixed(_analyse("Learn SQL by 30/02/2027 or 2027-03-15", today), today, []).norm
    'Learn SQL by 2027-03-15'
    >>> _dates_fixed(_analyse("Learn SQL by 2027-03-15 or by 30/02/2027", today), today, []).norm
    'Learn SQL by 2027-03-15'
    """
    bad = [e for e in f.expressions if e.kind in ("invalid", "unclear")]
    if not bad:
        return f
    if fixed:
        return _analyse(fixed[0], today)
    dates = [e for e in f.expressions if e.kind == "date"]
    text = f.norm
    for e in sorted(bad, key=lambda e: e.start, reverse=True):
        before, rest = text[:e.start], text[e.end:]
        # "by 30 Feb or 15 March": the other date keeps the "by" ("by 15 March")
        joined = re.match(r"\s*(?:or|and|,|/)\s*", rest)
        after = re.search(r"\s*(?:or|and|,|/)\s*$", before)
        if joined and any(d.start == e.end + joined.end() for d in dates):
            lead = re.match(r"(?:by|before|until|till|due|on|in)\s+", e.phrase, re.IGNORECASE)
            rest = (lead.group(0) if lead else "") + rest[joined.end():]
        elif after and any(d.end == after.start() for d in dates):
            before = before[:after.start()]  # "by 15 March or 30 Feb": no "or" left hanging
        text = before + " " + rest
    return _analyse(" ".join(text.split()).strip(" ,;:-"), today)


def _given_deadline(deadline: date, found: date | None, phrase: str | None,
                    today: date, done: bool = False) -> Criterion:
    """Time-bound from a deadline set outside the sentence (the goal's Deadline field),
    which wins over a date the sentence gives; a different one is pointed out. A done
    goal's deadline never passes."""
    reasons = [f"deadline: {short_date(deadline)} (from the Deadline field)"]
    hints: list[str] = []
    if found is not None:
        reasons.append(f"your sentence says '{phrase}' -> {short_date(found)}")
        hints.append(f"Your sentence says '{phrase}' but the Deadline field says "
                     f"{short_date(deadline)} — change one so they agree.")
    if done:
        return Criterion("time_bound", True, 1.0, reasons, hints)
    if deadline < today:
        reasons[0] += " (passed)"
        hints.insert(0, f"{short_date(deadline)} has already passed — pick a new date, e.g. "
                        f"{format_date(suggested_deadline(today))}.")
        return Criterion("time_bound", False, PASSED_SCORE, reasons, hints)
    hints.append(_far_hint(deadline, today))
    return Criterion("time_bound", True, 1.0, reasons, [h for h in hints if h])


def _metric_part(metric: Any, key: str) -> Any:
    """``metric[key]`` of a mapping, else its attribute ``key`` (None when it has none)."""
    return metric.get(key) if isinstance(metric, Mapping) else getattr(metric, key, None)


def _real(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) \
        and math.isfinite(value)


def _measured_by(measurable: Criterion, metric: Any) -> Criterion:
    """Measurable from the goal's own metric (its number to reach), whatever words the
    sentence uses: a numeric target is a number you can check; the reason quotes it."""
    target = _metric_part(metric, "target") if metric is not None else None
    if not _real(target):
        return measurable
    name = str(_metric_part(metric, "name") or "").strip() or "your metric"
    baseline, unit = _metric_part(metric, "baseline"), _metric_part(metric, "unit")
    start = f"{number(baseline)} → " if _real(baseline) else "target "
    unit = f" {str(unit).strip()}" if unit and str(unit).strip() else ""
    reason = f"measured by {_quote(name, 40)}: {start}{number(target)}{unit}"
    return Criterion("measurable", True, 1.0,
                     [reason, *(measurable.reasons if measurable.met else [])], [])


def _as_deadline(value: Any) -> date | None:
    """A ``date`` (a datetime gives its day); anything else is no deadline."""
    if isinstance(value, date):
        return value.date() if hasattr(value, "hour") else value
    return None


def _score(text: Any, today: date, confidence: Any, ctx: GoalContext | None,
           rewrites: bool = True, deadline: date | None = None, metric: Any = None,
           done: bool = False) -> SmartResult:
    raw = text if isinstance(text, str) else ("" if text is None else normalize_text(text))
    f = _analyse(raw, today)
    specific, spec_met = _specific(f)
    measurable = _measured_by(_measurable(f, spec_met), metric)
    time_bound, found, phrase = _time_bound(f, today, done)
    if deadline is not None and deadline != found:
        time_bound, phrase = _given_deadline(deadline, found, phrase, today, done), None
    used_deadline = found if deadline is None else deadline
    achievable = _achievable(f, confidence, ctx, used_deadline)
    relevant = _relevant(f, ctx)
    criteria = {"specific": specific, "measurable": measurable, "achievable": achievable,
                "relevant": relevant, "time_bound": time_bound}
    empty = not f.norm
    if empty:
        criteria["achievable"] = Criterion("achievable", False, 0.0, [], achievable.hints,
                                           judged=False)
        criteria["relevant"] = Criterion("relevant", False, 0.0, [], relevant.hints,
                                         judged=False)
    elif rewrites and len(f.norm) <= REWRITE_MAX_CHARS and not f.foreign:  # English ones
        _with_rewrites(criteria, f, today, confidence, ctx, deadline, metric)
    total = sum(WEIGHTS[name] * criteria[name].score for name in CRITERIA)
    score = int(min(max(round(total * 100), 0), 100))
    ordered = MappingProxyType({name: criteria[name] for name in CRITERIA})
    used = _confidence(confidence)
    if used is None and f.confidence is not None:
        used = max(f.confidence, 1.0)
    invalid = [e for e in f.expressions if e.kind in ("invalid", "unclear")]
    return SmartResult(text=raw, score=score, deadline=used_deadline, criteria=ordered,
                       summary=_summary(score, ordered, used_deadline, empty),
                       deadline_phrase=phrase, confidence=used,
                       date_problem=invalid_date_note(invalid[0]) if invalid else None,
                       text_deadline=found, language_note=LANGUAGE_NOTE if f.foreign else None)


def score_goal(text: Any, *, today: date | None = None, confidence: Any = None,
               context: GoalContext | Mapping[str, Any] | None = None,
               deadline: date | None = None, metric: Any = None,
               done: bool = False) -> SmartResult:
    """Score a goal sentence against the SMART criteria.

    Never raises on odd text (empty, huge, emoji, control characters, RTL): only the first
    2,000 characters are analysed.

    Parameters
    ----------
    text : str
        The goal, e.g. ``"Pass the CFA Level I exam in 2027"``.
    today : datetime.date, optional
        Reference date for relative deadlines; ``None`` means ``date.today()``.
    confidence : int, optional
        The person's confidence (1-10) that they can do it; drives *achievable*.
    context : GoalContext or mapping, optional
        Vision, target role, values, skills, linked skills and other goals' deadlines.
    deadline : datetime.date, optional
        The goal's own deadline (its Deadline field). It wins over a date in the text:
        *time-bound* is judged on it, and a different date in the sentence is pointed out.
    metric : Metric or mapping, optional
        The number the goal is tracked by (``name``, ``baseline``, ``target``, ``unit``).
        A numeric ``target`` makes it *measurable*, in whatever words or language the
        sentence is written.
    done : bool, optional
        The goal is done: its deadline bounded it, so a deadline now behind ``today``
        still makes it *time-bound*.

    Returns
    -------
    SmartResult

    Examples
    --------
    >>> r = score_goal("Pass the CFA Level I exam in 2027", today=date(2026, 11, 22),
    ...                confidence=8, context=GoalContext(target_role="Financial analyst",
    ...                                                  skills=("CFA",)))
    >>> r.score, r.deadline, r.criteria["relevant"].met
    (98, datetime.date(2027, 12, 31), True)
    >>> r.summary
    'Strong SMART goal (98/100): specific, measurable and time-bound, due 31 Dec 2027.'
    >>> score_goal("Get more fluent with Microsoft 365 tools").criteria["measurable"].met
    False
    >>> moved = score_goal("Publish 4 blog posts by June 2027", today=date(2026, 11, 22),
    ...                    deadline=date(2028, 1, 31))
    >>> moved.deadline, moved.text_deadline
    (datetime.date(2028, 1, 31), datetime.date(2027, 6, 30))
    >>> moved.criteria["time_bound"].hints[0]
    "Your sentence says 'by June 2027' but the Deadline field says 31 Jan 2028 — change \
one so they agree."
    >>> tracked = score_goal("在2027年6月前完成三个数据项目", today=date(2026, 11, 22),
    ...                      metric={"name": "项目", "baseline": 0, "target": 3})
    >>> tracked.criteria["measurable"].met, tracked.criteria["measurable"].reasons[0]
    (True, 'measured by 项目: 0 → 3')
    >>> score_goal("Finish the UX course by 31 October 2026", today=date(2026, 11, 22),
    ...            done=True).criteria["time_bound"].met
    True
    """
    return _score(text, as_date(today), confidence, _context(context),
                  deadline=_as_deadline(deadline), metric=metric, done=bool(done))
