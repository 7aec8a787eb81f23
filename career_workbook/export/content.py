"""What goes into a review pack, gathered once from one workbook (pure: no I/O).

The PDF (:mod:`.pdf`) and the HTML (:mod:`.html`) render the same :class:`PackContent`,
so both show the same sections (:func:`sections`): cover (who, target role, coach, date,
headline numbers), one section per chart that has something to show, one "Still to come"
section listing the charts and sections that have nothing yet (what to do, in which step),
the achievements, what colleagues said (360 comments, anonymous), the goals with their
SMART scores, the next actions.

Text fields hold the user's words unchanged (not escaped): each renderer escapes for its
own medium.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Goal, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 1), coach="Ana Ruiz")
>>> wb.goals.append(Goal(id="g1", text="Pass the CFA Level I exam by June 2027",
...                      status="active", created=date(2026, 1, 1)))
>>> c = pack_content(wb, today=date(2026, 2, 1), charts=[])
>>> c.name, c.coach, [h.label for h in c.headlines][:2]
('Sam Lee', 'Ana Ruiz', ['Readiness', 'Goals on track'])
>>> c.goals[0].text, c.goals[0].criteria[:2]
('Pass the CFA Level I exam by June 2027', (('specific', 'met'), ('measurable', 'met')))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from career_workbook import analysis
from career_workbook.model import Workbook
from career_workbook.wording import percent, plural, relative, short_date

__all__ = ["AchievementRow", "ActionRow", "ChartEntry", "CommentRow", "GoalRow", "Headline",
           "PackContent", "ToCome", "actions_left_out", "pack_content", "section_number",
           "ACHIEVEMENTS_TITLE", "ACTIONS_TITLE", "COMMENTS_TITLE", "CRITERIA_LABELS",
           "GOALS_TITLE", "TO_COME_INTRO", "TO_COME_TITLE", "cover_facts", "sections"]

CRITERIA_LABELS = {
    "specific": "Specific", "measurable": "Measurable", "achievable": "Achievable",
    "relevant": "Relevant", "time_bound": "Time-bound",
}


@dataclass(frozen=True)
class Headline:
    """One headline number of the cover: ``label`` (fixed text), ``value``, ``detail``."""

    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class ChartEntry:
    """One chart of the pack: slug, registry title, takeaway, rendered PNG (or SVG) bytes,
    and its caption and alt text (:func:`~career_workbook.figures.chart_caption`,
    :func:`~career_workbook.figures.chart_alt`: what an empty chart misses, too).

    ``placeholder``: what a chart with nothing to show yet says instead (what to do, in
    which step: :func:`~career_workbook.charts.placeholder_message`); ``''`` for a chart
    that shows data. Such a chart gets no section of its own, only a line of
    "Still to come"."""

    slug: str
    title: str
    takeaway: str
    png: bytes = field(repr=False, default=b"")
    svg: bytes = field(repr=False, default=b"")
    caption: str = ""
    alt: str = ""
    placeholder: str = ""


@dataclass(frozen=True)
class GoalRow:
    """A goal with its SMART score and the five criteria as ``(name, verdict)`` pairs
    (:attr:`~career_workbook.analysis.smart.Criterion.verdict`: ``'met'``, ``'partly'``,
    ``'not met'``, or ``'open'`` when it cannot be judged yet, e.g. no confidence given;
    :func:`~career_workbook.analysis.smart.verdict_mark` gives its mark)."""

    text: str
    status: str
    deadline: date | None
    score: float
    criteria: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ActionRow:
    """One ranked next step: what to do and why now."""

    rank: int
    kind: str
    item: str
    reason: str


@dataclass(frozen=True)
class AchievementRow:
    """One achievement: when, what, its impact, the number that shows it, the skills."""

    day: date
    title: str
    impact: str = ""
    metric: str = ""
    skills: tuple[str, ...] = ()


@dataclass(frozen=True)
class CommentRow:
    """A colleague's comment under the name of its rater group, never who wrote it."""

    group: str
    comment: str


@dataclass(frozen=True)
class ToCome:
    """A line of "Still to come": a section's title and what to do for it, in which step."""

    title: str
    placeholder: str


@dataclass(frozen=True)
class PackContent:
    """Everything a review pack shows, for one person on one day."""

    name: str
    today: date
    target_role: str
    role_title: str | None
    current_role: str
    coach: str
    organisation: str
    headlines: tuple[Headline, ...]
    charts: tuple[ChartEntry, ...]
    goals: tuple[GoalRow, ...]
    actions: tuple[ActionRow, ...]
    period: str = ""
    """The review period the pack is limited to, e.g. ``'1 Jan 2026 – 30 Jun 2026'``."""
    nothing_to_do: str = ""
    """What the next actions say when there are none
    (:func:`~career_workbook.analysis.next_actions.nothing_to_do`)."""
    achievements: tuple[AchievementRow, ...] = ()
    """The achievements as of ``today``, newest first."""
    comments: tuple[CommentRow, ...] = ()
    """Colleagues' comments that may be shown (:func:`~career_workbook.analysis.feedback.
    feedback_comments`)."""
    comments_note: str = ""
    """What "What colleagues said" says when comments exist but none may be shown yet."""
    waiting: tuple[ToCome, ...] = ()
    """The sections other than charts with nothing yet, listed under "Still to come"."""
    role_missing: str = ""
    """The role profile the workbook asks for that the catalog does not have
    (:func:`~career_workbook.catalog.missing_role`): the cover says so."""
    left_out: str = ""
    """What the review says of the goals set after its day, that it does not count
    (:func:`~career_workbook.analysis.period.set_later_note`): the cover says it once."""
    contacts: tuple[str, ...] = ()
    """The contacts' names: where a sentence names one ("Follow up with …"), the HTML
    isolates it, as it does the person's name (:func:`~career_workbook.htmltext.
    isolate_names`)."""

    @property
    def people(self) -> tuple[str, ...]:
        """The person's name and their contacts': the names a sentence of the pack may hold."""
        return (self.name, *self.contacts)

    @property
    def shown(self) -> tuple[ChartEntry, ...]:
        """The charts with something to show: one section (PDF page) each."""
        return tuple(c for c in self.charts if not c.placeholder)

    @property
    def to_come(self) -> tuple[ChartEntry | ToCome, ...]:
        """The charts, then the sections, with nothing to show yet: listed together under
        "Still to come" (each has a ``title`` and a ``placeholder``)."""
        return tuple(c for c in self.charts if c.placeholder) + self.waiting

    @property
    def has_comments_section(self) -> bool:
        """True when "What colleagues said" has comments, or says why none are shown."""
        return bool(self.comments or self.comments_note)


def actions_left_out(actions: Sequence[ActionRow]) -> str:
    """What a list that stops before ``actions`` leaves out, by kind, most first.

    >>> rows = [ActionRow(i, kind, "x", "y") for i, kind in enumerate(
    ...     ["follow-up", "overdue action", "follow-up"], start=1)]
    >>> actions_left_out(rows)
    '3 more: 2 follow-ups, 1 overdue action'
    """
    counts: dict[str, int] = {}
    for a in actions:
        counts[a.kind] = counts.get(a.kind, 0) + 1
    kinds = sorted(counts.items(), key=lambda kv: -kv[1])
    return f"{len(actions)} more: " + ", ".join(plural(n, kind) for kind, n in kinds)


GOALS_TITLE = "Goals and SMART scores"
ACTIONS_TITLE = "Next actions"
TO_COME_TITLE = "Still to come"
TO_COME_INTRO = ("These parts have nothing to show yet. Each one joins the pack once its "
                 "step of the workbook has some answers:")
ACHIEVEMENTS_TITLE = "Achievements"
COMMENTS_TITLE = "What colleagues said"
NO_ACHIEVEMENTS = "No achievements yet — record each one as it happens (step 08)"
NO_COMMENTS = "No written comments from colleagues yet — ask for 360 feedback (step 02)"


def sections(content: PackContent) -> list[tuple[int, str]]:
    """The pack's sections after its cover, numbered as the PDF's pages (the cover is
    page 1): each chart with something to show, "Still to come" (when some chart or
    section has nothing yet), the achievements and what colleagues said (when there are
    some), the goals, the next actions. The PDF and HTML packs both say these numbers.

    >>> radar = ChartEntry("skill_radar", "Skill radar", "SQL is your strongest skill")
    >>> empty = ChartEntry("network", "Your network", "Your network",
    ...                    placeholder="No contacts yet — add them at step 07")
    >>> c = PackContent("Sam", date(2026, 1, 1), "", None, "", "", "", (), (radar, empty),
    ...                 (), ())
    >>> sections(c)
    [(2, 'Skill radar'), (3, 'Still to come'), (4, 'Goals and SMART scores'), (5, 'Next actions')]
    """
    titles = [c.title for c in content.shown]
    titles += [TO_COME_TITLE] * bool(content.to_come)
    titles += [ACHIEVEMENTS_TITLE] * bool(content.achievements)
    titles += [COMMENTS_TITLE] * content.has_comments_section
    return list(enumerate([*titles, GOALS_TITLE, ACTIONS_TITLE], start=2))


def section_number(content: PackContent, title: str) -> int:
    """The number of the section (the PDF page) called ``title`` (the last of that name).

    >>> c = PackContent("Sam", date(2026, 1, 1), "", None, "", "", "", (), (), (), ())
    >>> section_number(c, ACTIONS_TITLE)
    3
    """
    return max(n for n, t in sections(content) if t == title)


def cover_facts(content: PackContent) -> list[tuple[str, str]]:
    """The cover's facts (label, value), in order, without the empty ones: one list for
    the PDF and HTML covers.

    >>> c = PackContent("Sam", date(2026, 1, 1), "", None, "Analyst", "", "  ", (), (), (), ())
    >>> cover_facts(c)
    [('Target role', 'not set yet'), ('Measured against', 'their own skill targets'), \
('Current role', 'Analyst'), ('Review date', '1 Jan 2026')]

    A role profile asked for that the catalog does not have is named, never passed over:

    >>> from dataclasses import replace
    >>> cover_facts(replace(c, role_missing="data_scientst"))[1:3]
    [('Measured against', 'their own skill targets'), \
('Profile asked for', 'data_scientst (not in the role catalog)')]
    """
    from career_workbook.charts import clean_text

    facts = [
        ("Target role", content.target_role or "not set yet"),
        ("Measured against", content.role_title or "their own skill targets"),
        ("Profile asked for", f"{content.role_missing} (not in the role catalog)"
         if content.role_missing else ""),
        ("Current role", content.current_role),
        ("Organisation", content.organisation),
        ("Coach", content.coach),
        ("Review date", short_date(content.today)),
        ("Review period", content.period),
        ("Goals set later", content.left_out),
    ]
    return [(label, value) for label, value in facts if clean_text(value)]


def _headlines(s: Any) -> tuple[Headline, ...]:
    against = f"of the {s.role_title} profile" if s.role_title else "of your own targets"
    if s.last_check_in is None:
        check_in = Headline("Last check-in", "none yet", "notebook 09 records one")
    else:
        check_in = Headline("Last check-in", short_date(s.last_check_in),
                            relative(-s.days_since_check_in))
    # a skill never rated is left out of readiness and is no gap yet: both cards say so
    unrated = plural(s.readiness_unrated, "skill") + " not rated yet"
    readiness = (Headline("Readiness", "not measured yet",
                          "rate skills in 01, targets in 05")
                 if s.readiness is None else Headline(
                     "Readiness", percent(s.readiness),
                     f"{unrated}, left out" if s.readiness_unrated else against))
    if s.readiness is None and not s.top_gap_skill:
        top_gap = Headline("Top skill gap", "not measured yet", "no skill rated yet")
    elif s.top_gap_skill:
        top_gap = Headline("Top skill gap", s.top_gap_skill,
                           f"biggest importance-weighted gap {against}")
    elif s.readiness_unrated:
        top_gap = Headline("Top skill gap", "none yet", f"among rated skills; {unrated}")
    else:
        top_gap = Headline("Top skill gap", "none", "no gaps left")
    return (
        readiness,
        Headline("Goals on track", str(s.goals_on_track),
                 analysis.goal_counts_words(s.goal_counts, lead=False)),
        Headline("Goals behind", str(s.goals_behind), "behind plan"),
        Headline("Goals overdue", str(s.goals_overdue), "past their deadline"),
        check_in,
        top_gap,
    )


def _goals(wb: Workbook, today: date, catalog: Any = None) -> tuple[GoalRow, ...]:
    from career_workbook.analysis.scorecard import score_saved_goal, skill_vocabulary

    rows = []
    vocab = skill_vocabulary(wb, catalog)
    for g in wb.goals:
        if g.status == "dropped":
            continue
        r = score_saved_goal(wb, g, today, vocab=vocab)
        criteria = tuple((name, r.criteria[name].verdict) for name in CRITERIA_LABELS)
        rows.append(GoalRow(g.text, g.status, r.deadline, float(r.score), criteria))
    return tuple(rows)


def _actions(wb: Workbook, today: date, role: Any, catalog: Any = None,
             progress: Any = None) -> tuple[ActionRow, ...]:
    """Every next action: the HTML lists them all, the PDF says what it leaves out."""
    frame = analysis.next_actions_frame(wb, today, role, limit=None, catalog=catalog,
                                        progress=progress)
    return tuple(
        ActionRow(int(row.rank), str(row.kind), str(row.item), str(row.reason))
        for row in frame.itertuples(index=False)
    )


def _achievements(wb: Workbook) -> tuple[AchievementRow, ...]:
    """Every achievement of ``wb``, newest first (the latest recorded first on one day)."""
    ordered = sorted(enumerate(wb.achievements), key=lambda ia: (ia[1].date, ia[0]),
                     reverse=True)
    return tuple(AchievementRow(a.date, a.title, a.impact, a.metric, tuple(a.skills))
                 for _, a in ordered)


def _comments(wb: Workbook) -> tuple[tuple[CommentRow, ...], str]:
    """The comments that may be shown, and the note when some exist but none may be."""
    frame = analysis.feedback_comments(wb)
    rows = tuple(CommentRow(analysis.comment_group_label(str(r.group)), str(r.comment))
                 for r in frame.itertuples(index=False))
    written = any(f.rater_group != "self" and f.comment.strip() for f in wb.feedback)
    return rows, (analysis.COMMENTS_NOT_YET if written and not rows else "")


def pack_content(
    wb: Workbook, *, today: date, role: Any = None, charts: Sequence[ChartEntry] = (),
    period: str = "", catalog: Any = None, left_out: str | None = None,
    progress: Any = None,
) -> PackContent:
    """Gather the cover, achievements, colleagues' comments, goals and next actions of
    ``wb`` as of ``today`` (nothing dated after it: :func:`~career_workbook.analysis.as_of`).

    ``charts`` are the already rendered charts (see :mod:`.pack`); ``role`` is the target
    role profile (see :func:`career_workbook.catalog.resolve_role`); ``catalog`` gives the
    target role's skills to the goals' SMART scores (as the charts have them), and names a
    ``role_profile`` it does not have (``role_missing``).

    ``wb`` is counted as a review of ``today`` sees it
    (:func:`~career_workbook.analysis.review_as_of`): a goal set after ``today`` is not
    counted, and the cover says so (``left_out``: what to say, when ``wb`` has already
    been limited; default: :func:`~career_workbook.analysis.set_later_note` of ``wb``).
    ``progress``: the goals' progress (:func:`~career_workbook.analysis.goal_progress_frame`
    of ``wb`` on ``today``) when the charts made it already, for the next actions (read,
    not made again).
    """
    from career_workbook.catalog import missing_role

    if left_out is None:
        left_out = analysis.set_later_note(wb, today)
    wb = analysis.review_as_of(wb, today)
    s = analysis.summary(wb, today, role)
    p = wb.person
    then = analysis.as_of(wb, today)
    achievements = _achievements(then)
    comments, comments_note = _comments(then)
    waiting = ((ToCome(ACHIEVEMENTS_TITLE, NO_ACHIEVEMENTS),) * (not achievements)
               + (ToCome(COMMENTS_TITLE, NO_COMMENTS),) * (not comments and not comments_note))
    return PackContent(
        name=p.name, today=today, target_role=p.target_role,
        role_title=getattr(role, "title", None), current_role=p.current_role,
        coach=p.coach, organisation=p.organisation, headlines=_headlines(s),
        charts=tuple(charts), goals=_goals(wb, today, catalog),
        actions=_actions(wb, today, role, catalog, progress),
        period=period, nothing_to_do=analysis.nothing_to_do(wb),
        achievements=achievements, comments=comments, comments_note=comments_note,
        waiting=waiting, role_missing=(missing_role(wb, catalog) or "") if role is None else "",
        left_out=left_out, contacts=tuple(c.name for c in wb.contacts),
    )
