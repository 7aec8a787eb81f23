"""Skill gaps and readiness: where the person stands against their own targets or a role.

A *role* is any object shaped like the catalog's ``RoleProfile``: ``.title`` and
``.skills``, a mapping of skill name -> object with ``.target`` (0-5) and ``.importance``
(1-5). Role skills match workbook skills by name (:func:`tracked_skill`: exactly, else
ignoring case, else ignoring spaces, emoji and symbols, else with a version or qualifier
after the tracked name: "Python 3" is the role's "Python"). A skill the role lists is measured
at the role's level and weighed by the role's importance everywhere (gaps, radar,
readiness, learning suggestions, the pack); the person's own target stays in
``own_target``.

A skill with a target that was never rated is "not rated yet", the same everywhere: it is no
gap (nothing is measured yet) and readiness leaves it out (a skill added from a role profile
and never rated never drags readiness down); what shows either says how many there are
(:func:`unrated_in_readiness`, the one count) and asks for a rating. With a role, "the top
gap" is the biggest measured gap of the role's skills (:func:`top_gap`): readiness measures
the role only, so a gap of the person's other skills is never the headline.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Assessment, Skill, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
>>> wb.skills += [Skill(name="SQL", importance=5, target_level=4),
...               Skill(name="Writing", importance=1, target_level=3)]
>>> wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 2, "Writing": 3}))
>>> skill_gap_frame(wb)[["skill", "current", "target", "gap", "priority"]]
     skill  current  target  gap  priority
0      SQL      2.0     4.0  2.0         1
1  Writing      3.0     3.0  0.0         2
>>> round(readiness(wb), 1)  # (5*2 + 1*3) / (5*4 + 1*3)
56.5
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from career_workbook.model import Workbook, skill_base, skill_key
from career_workbook.wording import one_edit_apart

if TYPE_CHECKING:  # pragma: no cover - pandas loads with the first frame built
    import pandas as pd

__all__ = [
    "GAP_COLUMNS",
    "measured_readiness",
    "merge_candidate",
    "READINESS_COLUMNS",
    "SkillGap",
    "current_levels",
    "readiness",
    "readiness_history_frame",
    "role_matches",
    "skill_gap_frame",
    "skill_gaps",
    "similar_skill",
    "top_gap",
    "tracked_skill",
    "unrated_in_readiness",
    "unrated_prompt",
    "unrated_skills",
]

GAP_COLUMNS = {
    "skill": "text", "category": "text", "current": "float", "target": "float",
    "role_target": "float", "own_target": "float", "importance": "float", "gap": "float",
    "weighted_gap": "float",
    "priority": "int", "others": "float",
}
READINESS_COLUMNS = {"date": "date", "readiness": "float", "unrated": "int"}


@dataclass(frozen=True)
class _Target:
    skill: str
    category: str | None
    target: float
    role_target: float
    own_target: float
    importance: float


def tracked_skill(names: Iterable[str], name: str, *, qualified: bool = True) -> str | None:
    """The tracked skill (one of ``names``) that a skill named elsewhere, in a role profile
    or a posting, is: the first equal to it with case ignored, else the first with its
    :func:`~career_workbook.model.skill_key` (spaces, emoji and symbols ignored), else
    (``qualified``) the first that is ``name`` with a version or a qualifier after it
    (:func:`~career_workbook.model.skill_base`: "Python 3", "SQL (Postgres)" for
    "Python", "SQL"); ``None`` when the person does not track it. The one rule where a
    role's (or a posting's, or a colleague's file's) skill meets a tracked one.

    >>> tracked_skill(["Python 🐍", "SQL"], "python"), tracked_skill(["SQL"], "R")
    ('Python 🐍', None)
    >>> tracked_skill(["C#"], "C++") is None  # symbols that make the name stay
    True
    >>> tracked_skill(["Python 3.12", "SQL (Postgres)"], "SQL")
    'SQL (Postgres)'
    >>> tracked_skill(["Python 3", "Python"], "python")  # the very skill first
    'Python'

    Only a trailing version or bracket: a longer name is another skill.

    >>> [tracked_skill(["C++", "JavaScript", "React", "Google Ads"], n)
    ...  for n in ("C", "Java", "R", "Go")]
    [None, None, None, None]
    >>> tracked_skill(["Python"], "Python 3") is None  # the role asks for more than that
    True
    """
    names = list(names)
    folded = name.casefold()
    found = next((n for n in names if n.casefold() == folded), None)
    key = skill_key(name)
    if found is None and key:
        found = next((n for n in names if skill_key(n) == key), None)
    if found is None and key and qualified:
        found = next((n for n in names if skill_base(n) == key), None)
    return found


SIMILAR_MIN_CHARS = 4
"""Names shorter than this are never called a misspelling of one another (``R`` and
``C``, ``Go`` and ``Git`` are different skills)."""


def similar_skill(names: Iterable[str], name: str) -> str | None:
    """The tracked skill (one of ``names``) that ``name`` looks like a misspelling of: one
    typing slip apart (:func:`one_edit_apart`, case ignored) and both at least
    :data:`SIMILAR_MIN_CHARS` long; ``None`` when there is none, or when ``name`` *is* a
    tracked skill (:func:`tracked_skill`). Only a question to ask: a form offers to merge,
    never merges by itself.

    >>> similar_skill(["Python", "SQL"], "Pyhton"), similar_skill(["Python"], "python")
    ('Python', None)
    >>> similar_skill(["Mentoring", "R"], "Monitoring"), similar_skill(["R"], "C")
    (None, None)
    """
    names = list(names)
    if tracked_skill(names, name) is not None:
        return None
    folded = " ".join(name.casefold().split())
    if len(folded) < SIMILAR_MIN_CHARS:
        return None
    return next((n for n in names
                 if len(" ".join(n.casefold().split())) >= SIMILAR_MIN_CHARS
                 and one_edit_apart(folded, " ".join(n.casefold().split()))), None)


def merge_candidate(names: Iterable[str], name: str) -> str | None:
    """Another tracked skill (one of ``names``, ``name`` itself aside) that the tracked
    skill ``name`` may be the same skill as: one :func:`tracked_skill` matches either way
    ("Python 3" and "Python", "sql" and "SQL"), else one typing slip apart
    (:func:`similar_skill`); ``None`` when none is that close. Only a question to ask: a
    skill that cannot be removed (it holds ratings) is offered a merge into it.

    >>> merge_candidate(["Python", "SQL", "Python 3"], "Python 3")
    'Python'
    >>> merge_candidate(["Python", "Pyhton"], "Pyhton"), merge_candidate(["Go", "R"], "R")
    ('Python', None)
    """
    others = [n for n in names if n != name]
    return (tracked_skill(others, name)
            or next((n for n in others if tracked_skill([name], n) is not None), None)
            or similar_skill(others, name))


def role_matches(names: Iterable[str], role: Any) -> dict[str, str]:
    """``{role skill: tracked skill}`` for the skills of ``role`` the person tracks (among
    ``names``), by :func:`tracked_skill`: a tracked skill stands for one role skill at most,
    an exact name before any other match. Role order.

    >>> from types import SimpleNamespace as NS
    >>> role = NS(skills={"Python": NS(), "SQL": NS(), "R": NS()})
    >>> role_matches(["sql", "Python 🐍", "Python"], role)
    {'Python': 'Python', 'SQL': 'sql'}
    """
    wanted = list(getattr(role, "skills", None) or {})
    free = list(names)
    found: dict[str, str] = {}
    for name in wanted:  # the very name first: "Python" is not taken by "Python 🐍"
        if name in free:
            found[name] = name
            free.remove(name)
    for name in wanted:
        mine = None if name in found else tracked_skill(free, name)
        if mine is not None:
            found[name] = mine
            free.remove(mine)
    return {name: found[name] for name in wanted if name in found}


def _role_category(name: str, role_skill: Any, catalog: Any) -> str | None:
    category = getattr(role_skill, "category", None)
    if category is None and catalog is not None:
        info = getattr(catalog, "skills", {}).get(name)
        category = getattr(info, "category", None)
    return category


def _targets(wb: Workbook, role: Any = None, catalog: Any = None) -> list[_Target]:
    """Own skills, then role-only skills. A skill the role lists (:func:`role_matches`) is
    measured at the role's level and weighed by the role's importance: the one rule of
    gaps, radar and readiness; the person's own target is kept in ``own_target``."""
    role_skills: dict[str, Any] = dict(getattr(role, "skills", None) or {})
    listed = {mine: name for name, mine in role_matches(wb.skill_names(), role).items()}
    out: list[_Target] = []
    for s in wb.skills:
        name = listed.get(s.name)
        if name is not None:
            rs = role_skills[name]
            out.append(_Target(s.name, s.category, float(rs.target), float(rs.target),
                               float(s.target_level), float(rs.importance)))
        else:
            out.append(_Target(s.name, s.category, float(s.target_level), math.nan,
                               float(s.target_level), float(s.importance)))
    used = set(listed.values())
    for name, rs in role_skills.items():
        if name not in used:
            out.append(_Target(name, _role_category(name, rs, catalog), float(rs.target),
                               float(rs.target), math.nan, float(rs.importance)))
    return out


def _readiness_targets(wb: Workbook, role: Any = None) -> list[_Target]:
    """What readiness measures: with a role, the role's skills only, at the role's levels
    and weights (the person's other skills are theirs, not the profile's: adding one never
    changes how much of the profile they meet); without, the person's own targets."""
    targets = _targets(wb, role)
    if not getattr(role, "skills", None):
        return targets
    return [t for t in targets if not math.isnan(t.role_target)]


def _readiness(targets: list[_Target], levels: dict[str, float]) -> float:
    rated = [t for t in targets if t.skill in levels]  # not rated yet: left out, never 0
    need = sum(t.importance * t.target for t in rated)
    if need <= 0:  # nothing to reach; or targets, none rated: nothing met yet
        return 0.0 if any(t.target > 0 for t in targets) and not rated else 100.0
    have = sum(t.importance * min(levels[t.skill], t.target) for t in rated)
    return 100.0 * have / need


def _unrated(targets: list[_Target], levels: dict[str, float]) -> list[str]:
    """The targets readiness leaves out because they were never rated."""
    return [t.skill for t in targets if t.target > 0 and t.skill not in levels]


@dataclass(frozen=True)
class SkillGap:
    """One skill's gap to its target (a row of :func:`skill_gap_frame`, without ``others``).

    ``current`` is NaN when the skill was never rated: its ``gap`` and ``weighted_gap``
    are NaN too (not measured is not a gap; it is a prompt to rate, :func:`unrated_prompt`).
    """

    skill: str
    category: str | None
    current: float
    target: float
    role_target: float
    own_target: float
    importance: float
    gap: float
    weighted_gap: float
    priority: int


def current_levels(wb: Workbook, *, until: date | None = None) -> dict[str, float]:
    """``{skill: latest self-assessed level}`` (assessments on or before ``until``, if given).

    >>> from career_workbook.model import Assessment, Skill, new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.skills.append(Skill(name="SQL"))
    >>> wb.assessments += [Assessment(date=date(2026, 1, 1), ratings={"SQL": 1}),
    ...                    Assessment(date=date(2026, 3, 1), ratings={"SQL": 3})]
    >>> current_levels(wb), current_levels(wb, until=date(2026, 2, 1))
    ({'SQL': 3.0}, {'SQL': 1.0})
    """
    return {skill: float(level) for skill, (level, _) in wb.latest_levels(until=until).items()}


def skill_gaps(wb: Workbook, role: Any = None, *, catalog: Any = None) -> list[SkillGap]:
    """Each skill's gap to its target, biggest importance-weighted gap first (plain Python).

    The rules behind :func:`skill_gap_frame` (which adds the colleagues' view); see there.
    With a ``role``, its skills come first: the person chose to measure themselves against
    it (readiness counts its skills only), so its biggest gap is the one to close first;
    their own other skills follow.

    >>> from datetime import date
    >>> from career_workbook.model import Assessment, Skill, new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.skills += [Skill(name="SQL", importance=5, target_level=4), Skill(name="R")]
    >>> wb.assessments.append(Assessment(date=date(2026, 1, 1), ratings={"SQL": 2, "R": 4}))
    >>> [(g.skill, g.gap, g.priority) for g in skill_gaps(wb)]
    [('SQL', 2.0, 1), ('R', 0.0, 2)]
    >>> from types import SimpleNamespace as NS
    >>> role = NS(title="Analyst", skills={"R": NS(target=5, importance=1)})
    >>> [(g.skill, g.gap, g.priority) for g in skill_gaps(wb, role)]  # the role's R first
    [('R', 1.0, 1), ('SQL', 2.0, 2)]
    """
    levels = current_levels(wb)
    with_role = bool(getattr(role, "skills", None))
    rows = []
    for t in _targets(wb, role, catalog):
        current = levels.get(t.skill, math.nan)
        gap = math.nan if math.isnan(current) else max(t.target - current, 0.0)
        rows.append((t, current, gap, gap * t.importance))
    # measured gaps first, the role's skills before the person's others, biggest weighted
    # gap on top; unrated skills after them
    rows.sort(key=lambda r: (math.isnan(r[1]), with_role and math.isnan(r[0].role_target),
                             -(0.0 if math.isnan(r[3]) else r[3]),
                             -r[0].importance, r[0].skill.casefold(), r[0].skill))
    return [
        SkillGap(t.skill, t.category, current, t.target, t.role_target, t.own_target,
                 t.importance, gap, weighted, i)
        for i, (t, current, gap, weighted) in enumerate(rows, start=1)
    ]


def unrated_skills(wb: Workbook, role: Any = None) -> list[str]:
    """The skills not rated yet (:func:`unrated_in_readiness`, the one count), most
    important first.

    >>> from career_workbook.model import Skill, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.skills += [Skill(name="SQL", importance=2), Skill(name="R", importance=5)]
    >>> unrated_skills(wb)
    ['R', 'SQL']
    """
    counted = set(unrated_in_readiness(wb, role))
    return [g.skill for g in skill_gaps(wb, role) if g.skill in counted]


def _own_unrated(wb: Workbook, role: Any) -> list[str]:
    """With a ``role``: the person's own skills outside it, with a target, never rated
    (most important first); they are not in the count of :func:`unrated_in_readiness`."""
    if not getattr(role, "skills", None):
        return []
    counted = set(unrated_in_readiness(wb, role))
    return [g.skill for g in skill_gaps(wb, role) if math.isnan(g.current)
            and g.target > 0 and g.skill not in counted and math.isnan(g.role_target)]


def top_gap(wb: Workbook, role: Any = None) -> str | None:
    """"The top gap": the skill with the biggest importance-weighted measured gap; with a
    ``role``, among the role's skills only (readiness measures the role, and the gap chart's
    headline names this one); ``None`` when there is none. The pack cover, the cohort's
    ``top_gap`` and notebook 05's chart all say this one.

    >>> from types import SimpleNamespace as NS
    >>> from career_workbook.model import Assessment, Skill, new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.skills += [Skill(name="SQL", target_level=4), Skill(name="Baking", importance=5)]
    >>> wb.assessments.append(Assessment(date=date(2026, 1, 1), ratings={"SQL": 4,
    ...                                                                  "Baking": 1}))
    >>> role = NS(title="Analyst", skills={"SQL": NS(target=4, importance=5)})
    >>> top_gap(wb), top_gap(wb, role)  # Baking is not the Analyst profile's gap
    ('Baking', None)
    """
    with_role = bool(getattr(role, "skills", None))
    return next((g.skill for g in skill_gaps(wb, role) if g.gap > 0 and g.weighted_gap > 0
                 and not (with_role and math.isnan(g.role_target))), None)


def unrated_prompt(wb: Workbook, role: Any = None, *, show: int = 3) -> str | None:
    """A short prompt to rate the skills not rated yet, or ``None`` when all are rated.

    >>> from career_workbook.model import Skill, new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.skills += [Skill(name=n) for n in ("SQL", "R", "Python", "Writing")]
    >>> unrated_prompt(wb)
    'Rate these 4 skills to see your gaps: Python, R, SQL and 1 more'
    """
    from career_workbook.wording import listing

    names = unrated_skills(wb, role)
    own = _own_unrated(wb, role)
    own_words = listing(own, show)
    also = f"; and your own {own_words}" if own else ""
    if not names:
        return f"Rate your own {own_words} to see your gaps" if own else None
    if len(names) == 1:
        return f"Rate {names[0]} to see your gap{also}"
    shown = ", ".join(names[:show])
    more = f" and {len(names) - show} more" if len(names) > show else ""
    source = f" from the {role.title} profile" if getattr(role, "title", None) else ""
    return f"Rate these {len(names)} skills{source} to see your gaps: {shown}{more}{also}"


def skill_gap_frame(wb: Workbook, role: Any = None, *, catalog: Any = None,
                    today: date | None = None) -> pd.DataFrame:
    """Each skill's gap to its target, biggest importance-weighted gap first.

    With ``today``, only self-assessments and feedback dated on or before it count (see
    :func:`~career_workbook.analysis.period.as_of`); without, every entry.

    Parameters
    ----------
    wb : Workbook
    role : RoleProfile-like, optional
        When given, a skill the role lists (:func:`role_matches`: "Python 🐍" is the
        role's "Python") takes the role's target and importance; skills only the role
        lists are added (never assessed: ``current`` NaN).
    catalog : Catalog-like, optional
        Gives role-only skills their category (``catalog.skills[name].category``).

    Returns
    -------
    DataFrame with columns ``skill``, ``category`` (None for role-only skills unless
    ``catalog`` knows them),
    ``current`` (latest self-assessed level, NaN if never rated), ``target``,
    ``role_target`` (NaN when no role or not in it), ``own_target`` (the target the person
    set for the skill; NaN for a skill only the role lists), ``importance`` (the role's for
    a skill the role lists, else the person's own), ``gap`` = max(target - current, 0),
    ``weighted_gap`` = gap * importance (both NaN for a skill never rated: not measured is
    not a gap), ``priority`` (int, 1 = biggest weighted gap; with a role, the role's skills
    before the person's other skills; ties: higher importance, then name; unrated skills
    come after every rated one), ``others`` (mean level given by colleagues in 360
    feedback, NaN when fewer than three rated it, see
    :mod:`career_workbook.analysis.feedback`). Sorted by priority.
    The rows are :func:`skill_gaps`.
    """
    from career_workbook.analysis.feedback import feedback_360_frame
    from career_workbook.analysis.period import as_of
    from career_workbook.frames import build_frame

    if today is not None:
        wb = as_of(wb, today)
    fb = feedback_360_frame(wb)
    others = dict(zip(fb["skill"], fb["others"], strict=True))
    rows = [
        (g.skill, g.category, g.current, g.target, g.role_target, g.own_target, g.importance,
         g.gap, g.weighted_gap, g.priority, others.get(g.skill, math.nan))
        for g in skill_gaps(wb, role, catalog=catalog)
    ]
    return build_frame(rows, GAP_COLUMNS)


def readiness(wb: Workbook, role: Any = None) -> float:
    """Importance-weighted share of the targets reached, 0-100.

    ``sum(importance * min(current, target)) / sum(importance * target)`` over the skills
    rated: a skill not rated yet is left out, never counted as 0
    (:func:`unrated_in_readiness` names them); 100 when there is nothing to reach, 0 when
    none of the targets is rated (:func:`measured_readiness` says "not measured"). Raising
    a level never lowers it; adding a skill nobody rated yet never changes it.
    With a ``role``, over the role's skills only, at its targets and importances: how much
    of the profile the person meets, whatever else they track. Without, over the person's
    own targets and importances.

    >>> from types import SimpleNamespace as NS
    >>> from career_workbook.model import Assessment, Skill, new_workbook
    >>> role = NS(title="Analyst", skills={"SQL": NS(target=4, importance=5)})
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.skills += [Skill(name="SQL", importance=1, target_level=5),
    ...               Skill(name="Painting", importance=5, target_level=5)]
    >>> wb.assessments.append(Assessment(date=date(2026, 1, 1), ratings={"SQL": 2}))
    >>> readiness(wb, role), readiness(wb)  # SQL 2 of the role's 4, of its own 5
    (50.0, 40.0)
    """
    return _readiness(_readiness_targets(wb, role), current_levels(wb))


def unrated_in_readiness(wb: Workbook, role: Any = None) -> list[str]:
    """The skills "not rated yet": those with a target above 0 that readiness measures (with
    a ``role``, the role's skills only) and were never rated, in workbook order, then the
    role's. Readiness leaves them out and the gaps cannot be measured: the one count that
    the charts, the pack, the next actions and the cohort say.

    >>> from types import SimpleNamespace as NS
    >>> from career_workbook.model import Assessment, Skill, new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.skills += [Skill(name="SQL", target_level=4), Skill(name="R", target_level=3)]
    >>> wb.assessments.append(Assessment(date=date(2026, 1, 1), ratings={"SQL": 4}))
    >>> unrated_in_readiness(wb), readiness(wb)  # R is left out, not counted as 0
    (['R'], 100.0)
    >>> role = NS(title="Analyst", skills={"sql": NS(target=4, importance=5),
    ...                                    "Excel": NS(target=3, importance=2)})
    >>> unrated_in_readiness(wb, role)
    ['Excel']
    """
    return _unrated(_readiness_targets(wb, role), current_levels(wb))


def measured_readiness(wb: Workbook, role: Any = None) -> float | None:
    """:func:`readiness`, or ``None`` while there is nothing to measure yet: no target above
    0, or not one of the target skills rated. A new workbook is "not measured", never
    "100% ready".

    >>> from career_workbook.model import Assessment, Skill, new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> measured_readiness(wb) is None
    True
    >>> wb.skills.append(Skill(name="SQL", target_level=4))
    >>> measured_readiness(wb) is None  # a target, but nothing rated yet
    True
    >>> wb.assessments.append(Assessment(date=date(2026, 1, 1), ratings={"SQL": 2}))
    >>> measured_readiness(wb)
    50.0
    """
    targets = _readiness_targets(wb, role)
    levels = current_levels(wb)
    if (not any(t.skill in levels for t in targets)
            or sum(t.importance * t.target for t in targets) <= 0):
        return None
    return _readiness(targets, levels)


def readiness_history_frame(wb: Workbook, role: Any = None, *,
                            today: date | None = None) -> pd.DataFrame:
    """Readiness at each self-assessment date (up to ``today``, when given), using the
    levels known on that date.

    A skill not rated on a date keeps its earlier rating (carried forward).

    Columns: ``date``, ``readiness`` (0-100), ``unrated`` (how many of the skills it
    measures were not rated yet on that date: left out, see :func:`unrated_in_readiness`).
    One row per distinct assessment date.

    >>> from career_workbook.model import Assessment, Skill, new_workbook
    >>> wb = new_workbook("Sam", today=date(2026, 1, 1))
    >>> wb.skills += [Skill(name="SQL", target_level=4), Skill(name="R", target_level=4)]
    >>> wb.assessments += [Assessment(date=date(2026, 1, 1), ratings={"SQL": 2}),
    ...                    Assessment(date=date(2026, 2, 1), ratings={"R": 2})]
    >>> readiness_history_frame(wb)[["readiness", "unrated"]].to_numpy().tolist()
    [[50.0, 1.0], [50.0, 0.0]]
    """
    from career_workbook.frames import build_frame

    targets = _readiness_targets(wb, role)
    rows = []
    for day in sorted({a.date for a in wb.assessments
                       if today is None or a.date <= today}):
        levels = current_levels(wb, until=day)
        rows.append((day, _readiness(targets, levels), len(_unrated(targets, levels))))
    return build_frame(rows, READINESS_COLUMNS)
