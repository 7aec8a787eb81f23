"""The promotion case: a period's evidence, gathered for a self-review (pure: no I/O).

- every achievement dated in the period, with its impact and metric;
- grouped by skill (an achievement tagged with two skills counts toward both) and by goal
  (an achievement counts toward every goal that names one of its skills);
- each skill's self-rating at the start and at the end of the period ("from → to"): the
  latest rating of the skill on or before ``since`` (or the first ever, without ``since``)
  against the latest on or before ``until``;
- 360 comments dated in the period, under the same anonymity rule as the 360 chart
  (:func:`career_workbook.analysis.feedback.feedback_comments`, counted among the raters
  of the period): grouped, unattributed, a group too small to be shown alone pooled or left out.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Achievement, Goal, Skill, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 1))
>>> wb.skills = [Skill(name="SQL"), Skill(name="Mentoring", category="soft")]
>>> wb.goals = [Goal(id="g1", text="Lead the data team", skills=["Mentoring"])]
>>> wb.achievements = [Achievement(date=date(2026, 3, 1), title="Taught SQL to 12 analysts",
...                                skills=["SQL", "Mentoring"], metric="12 people")]
>>> case = promotion_case(wb, since="2026-01-01", until="2026-06-30")
>>> [(g.name, len(g.items)) for g in case.by_skill], [g.name for g in case.by_goal]
([('SQL', 1), ('Mentoring', 1)], ['Lead the data team'])
>>> case.period.label, case.is_empty
('1 Jan 2026 – 30 Jun 2026', False)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from career_workbook.analysis.feedback import feedback_comments
from career_workbook.analysis.period import Period, check_period, limit_workbook, parse_day
from career_workbook.model import Workbook

__all__ = ["Evidence", "EvidenceGroup", "PromotionCase", "Quote", "RatingChange",
           "promotion_case"]


@dataclass(frozen=True)
class Evidence:
    """One achievement: what, when, its impact and metric, the skills and goals it shows."""

    date: date
    title: str
    impact: str
    metric: str
    skills: tuple[str, ...]
    goals: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceGroup:
    """The achievements that count toward one skill or one goal (``name``)."""

    name: str
    items: tuple[Evidence, ...]


@dataclass(frozen=True)
class RatingChange:
    """A skill's self-rating at the start and at the end of the period (``None``: not rated).

    >>> RatingChange("SQL", 2, 4).change, RatingChange("SQL", None, 3).change
    (2, None)
    """

    skill: str
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        """``after - before``, or ``None`` when either is missing."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Quote:
    """A colleague's comment: the rater group it is shown under, never who wrote it."""

    group: str
    comment: str


@dataclass(frozen=True)
class PromotionCase:
    """Everything the promotion case shows, for one person and one period."""

    name: str
    target_role: str
    current_role: str
    period: Period
    achievements: tuple[Evidence, ...]
    by_skill: tuple[EvidenceGroup, ...]
    by_goal: tuple[EvidenceGroup, ...]
    unlinked: tuple[Evidence, ...]
    rating_changes: tuple[RatingChange, ...]
    quotes: tuple[Quote, ...]
    later: tuple[date, ...] = ()
    """Days of the achievements the period asked for that are dated after ``today``: left
    out until then, as the charts leave them out (said beside the count)."""

    @property
    def is_empty(self) -> bool:
        """True when the period holds no achievement, rating change or quote."""
        return not (self.achievements or self.rating_changes or self.quotes)


def _rating_on(wb: Workbook, skill_key: str, day: date | None, first: bool) -> int | None:
    """The latest self-rating of a skill on or before ``day`` (``first``: the earliest ever)."""
    rated = sorted((a for a in wb.assessments if a.date <= day) if day else wb.assessments,
                   key=lambda a: a.date)
    levels = [lvl for a in rated for s, lvl in a.ratings.items() if s.casefold() == skill_key]
    if not levels:
        return None
    return levels[0] if first else levels[-1]


def _rating_changes(wb: Workbook, period: Period, names: dict[str, str]) -> list[RatingChange]:
    rated = {s.casefold(): s for a in wb.assessments for s in a.ratings}
    keys = [k for k in names if k in rated] + sorted(k for k in rated if k not in names)
    rows = []
    for key in keys:
        after = _rating_on(wb, key, period.until, first=False)
        before = _rating_on(wb, key, period.since, first=period.since is None)
        if after is None and before is None:
            continue
        rows.append(RatingChange(names.get(key, rated[key]), before, after))
    return rows


def promotion_case(wb: Workbook, *, since: date | str | None = None,
                   until: date | str | None = None,
                   today: date | str | None = None) -> PromotionCase:
    """The promotion case of ``wb`` for the period ``since`` … ``until`` (both optional,
    inclusive; ISO dates or :class:`~datetime.date`). With ``today`` (as the command and
    the form pass it), the period ends on ``today`` at the latest: nothing dated after it
    counts yet (:attr:`PromotionCase.later` has the days of the achievements left out).
    Raises ``ValueError`` for an impossible date, ``since`` after ``until``, or ``since``
    after ``today``.

    >>> from career_workbook.model import Achievement, new_workbook
    >>> wb = new_workbook("Sam Lee", today=date(2026, 1, 1))
    >>> wb.achievements = [Achievement(date=date(2026, 12, d), title=f"Win {d}") for d in (5, 7)]
    >>> case = promotion_case(wb, since="2026-12-01", today="2026-12-06")
    >>> [e.title for e in case.achievements], case.later
    (['Win 5'], (datetime.date(2026, 12, 7),))
    """
    day = parse_day(today, "today")
    period = check_period(since, until, today=day)
    asked = Period(period.since, parse_day(until, "--until"))
    later = tuple(sorted(a.date for a in wb.achievements
                         if day is not None and a.date > day and asked.contains(a.date)))
    limited = limit_workbook(wb, period)
    names = {s.name.casefold(): s.name for s in wb.skills}
    goals = [g for g in wb.goals if g.status != "dropped"]
    evidence = []
    for a in sorted(limited.achievements, key=lambda a: (a.date, a.title)):
        skills = tuple(dict.fromkeys(names.get(s.casefold(), s.strip()) for s in a.skills
                                     if s.strip()))
        keys = {s.casefold() for s in skills}
        linked = tuple(g.text for g in goals if keys & {s.casefold() for s in g.skills})
        evidence.append(Evidence(a.date, a.title, a.impact, a.metric, skills, linked))
    order = list(names.values()) + sorted({s for e in evidence for s in e.skills}
                                          - set(names.values()), key=str.casefold)
    by_skill = [EvidenceGroup(s, tuple(e for e in evidence if s in e.skills)) for s in order]
    by_goal = [EvidenceGroup(g.text, tuple(e for e in evidence if g.text in e.goals))
               for g in goals]
    quotes = [Quote(str(r.group), str(r.comment))
              for r in feedback_comments(limited).itertuples(index=False)]
    return PromotionCase(
        name=wb.person.name, target_role=wb.person.target_role,
        current_role=wb.person.current_role, period=period,
        achievements=tuple(evidence),
        by_skill=tuple(g for g in by_skill if g.items),
        by_goal=tuple(g for g in by_goal if g.items),
        unlinked=tuple(e for e in evidence if not e.skills),
        rating_changes=tuple(_rating_changes(wb, period, names)),
        quotes=tuple(quotes),
        later=later,
    )
