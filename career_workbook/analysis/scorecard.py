"""SMART scorecard: every goal scored with :func:`career_workbook.analysis.smart.score_goal`,
using what the workbook knows about the person as context.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Goal, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 1))
>>> wb.goals.append(Goal(id="g1", text="Pass the CFA Level I exam by June 2027",
...                      status="active", created=date(2026, 1, 1)))
>>> card = smart_scorecard_frame(wb, today=date(2026, 11, 22))
>>> row = card.iloc[0]
>>> row["goal_id"], bool(row["deadline_found"]), row["text_deadline"].date()
('g1', True, datetime.date(2027, 6, 30))

No confidence given and nothing known about the person: *achievable* and *relevant*
cannot be judged yet (their 0.5 is no "partly met"):

>>> float(row["achievable"]), row["not_judged"]
(0.5, ('achievable', 'relevant'))

The goal's own deadline (picked in the form) wins over the sentence's:

>>> wb.goals[0].deadline = date(2028, 1, 31)
>>> score_saved_goal(wb, wb.goals[0], date(2026, 11, 22)).deadline
datetime.date(2028, 1, 31)
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import date
from typing import Any

import pandas as pd

from career_workbook.frames import build_frame, goals_frame
from career_workbook.model import Goal, Workbook

__all__ = [
    "CRITERIA", "GOALS_TABLE_COLUMNS", "SCORECARD_COLUMNS", "goal_context", "goal_hints",
    "goals_table_frame", "score_saved_goal", "scorecard_verdict", "scores_shared",
    "skill_vocabulary", "smart_scorecard_frame",
]

CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")

SCORECARD_COLUMNS = {
    "goal_id": "text", "text": "text", "status": "text",
    **{c: "float" for c in CRITERIA},
    "score": "float", "deadline_found": "bool", "text_deadline": "date", "hints": "object",
    "not_judged": "object",
}
GOALS_TABLE_COLUMNS = {
    "goal_id": "text", "text": "text", "status": "text", "deadline": "date",
    "confidence": "float", "score": "float", "track": "text", "actual": "float",
}


def skill_vocabulary(wb: Workbook, catalog: Any = None) -> dict[str, tuple[str, ...]]:
    """Skills a goal of ``wb`` may name to be relevant, ``{skill: other spellings}``: the
    target role's (the profile picked, else the catalog role its typed target role matches)
    and the person's own, with the catalog's synonyms. Without a catalog: the person's
    skills by name.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam Lee", target_role="Data analyst")
    >>> vocab = skill_vocabulary(wb, {"SQL": ["postgres"]})
    >>> vocab
    {}
    >>> from career_workbook.catalog import load_catalog
    >>> "power bi" in skill_vocabulary(wb, load_catalog())["Data Visualisation"]
    True
    """
    from career_workbook.catalog import resolve_role

    infos = getattr(catalog, "skills", catalog) or {}
    role = None
    if hasattr(catalog, "roles"):
        role = resolve_role(wb, catalog)
        if role is None and wb.person.target_role.strip():
            role = catalog.find_role(wb.person.target_role)
    vocab: dict[str, tuple[str, ...]] = {}
    for name in (*(role.skills if role is not None else ()), *wb.skill_names()):
        info = infos.get(name)
        synonyms = info if isinstance(info, list | tuple) else getattr(info, "synonyms", ())
        vocab[name] = tuple(synonyms or ())
    return vocab


def goal_context(wb: Workbook, goal: Goal, catalog: Any = None, *,
                 vocab: dict[str, tuple[str, ...]] | None = None) -> Any:
    """The :class:`~career_workbook.analysis.smart.GoalContext` for scoring ``goal``.

    Vision texts (long and short term, joined by a newline), the target role, value names,
    skill names, the skills linked to the goal, the deadlines of the person's other active
    goals, and the skills a goal may name to be relevant (:func:`skill_vocabulary` of
    ``catalog``, or ``vocab`` when already worked out).
    """
    from career_workbook.analysis.smart import GoalContext

    vision = "\n".join(t for t in (wb.vision.long_term, wb.vision.short_term) if t.strip())
    return GoalContext(
        vision=vision,
        target_role=wb.person.target_role,
        values=tuple(v.name for v in wb.values),
        skills=tuple(wb.skill_names()),
        linked_skills=tuple(goal.skills),
        other_deadlines=tuple(
            g.deadline for g in wb.goals
            if g.id != goal.id and g.status == "active" and g.deadline is not None
        ),
        skill_vocab=skill_vocabulary(wb, catalog) if vocab is None else vocab,
    )


def score_saved_goal(wb: Workbook, goal: Goal, today: date, *, catalog: Any = None,
                     vocab: dict[str, tuple[str, ...]] | None = None) -> Any:
    """:func:`~career_workbook.analysis.smart.score_goal` for a goal of ``wb``: its text,
    its stored confidence and deadline (which wins over a date in the text), its metric (a
    numeric target makes it measurable), whether it is done by ``today`` (a done goal's
    deadline never passes), and the workbook as context (:func:`goal_context`). Every view
    of a saved goal scores it so.

    >>> from career_workbook.model import Goal, Metric, new_workbook
    >>> wb = new_workbook("Wang Fang", today=date(2026, 11, 1))
    >>> goal = Goal(text="完成三个数据项目", deadline=date(2026, 12, 31),
    ...             metric=Metric(name="项目", baseline=0, target=3, current=2))
    >>> score_saved_goal(wb, goal, date(2026, 11, 22)).criteria["measurable"].reasons
    ['measured by 项目: 0 → 3']
    >>> early = Goal(text="Finish the UX module", deadline=date(2026, 10, 31), status="done",
    ...              completed_on=date(2026, 10, 18))
    >>> score_saved_goal(wb, early, date(2026, 11, 22)).criteria["time_bound"].met
    True
    """
    from career_workbook.analysis.smart import score_goal

    done = goal.status == "done" and (goal.completed_on is None or goal.completed_on <= today)
    context = goal_context(wb, goal, catalog, vocab=vocab)
    shared = _SHARED_SCORES.get()
    if shared is None:
        return score_goal(goal.text, today=today, confidence=goal.confidence,
                          deadline=goal.deadline, metric=goal.metric, done=done,
                          context=context)
    metric = None if goal.metric is None else tuple(goal.metric.model_dump().items())
    key = (goal.text, today, goal.confidence, goal.deadline, metric, done, context)
    found = shared.get(key)
    if found is None:
        found = shared[key] = score_goal(goal.text, today=today, confidence=goal.confidence,
                                         deadline=goal.deadline, metric=goal.metric,
                                         done=done, context=context)
    return found


_SHARED_SCORES: ContextVar[dict[tuple, Any] | None] = ContextVar("_SHARED_SCORES",
                                                                 default=None)
"""The scores :func:`score_saved_goal` made in a :func:`scores_shared` block, by their
inputs (None: outside one)."""


@contextlib.contextmanager
def scores_shared() -> Iterator[None]:
    """In the block, :func:`score_saved_goal` scores a goal once for the same inputs (its
    text, day, confidence, deadline, metric, whether done, and context) and gives the
    same result when asked again: one review pack's scorecard chart, goals page and next
    actions score each goal once. Nothing is kept after the block (each pack, each
    client, scores afresh); ``score_goal`` depends on nothing else.

    >>> from career_workbook.model import Goal, new_workbook
    >>> wb = new_workbook("Sam")
    >>> goal = Goal(text="Ship the forecast by March 2027")
    >>> with scores_shared():
    ...     first = score_saved_goal(wb, goal, date(2026, 11, 22))
    ...     again = score_saved_goal(wb, goal, date(2026, 11, 22))
    ...     later = score_saved_goal(wb, goal, date(2026, 12, 1))
    >>> again is first, later is first, score_saved_goal(wb, goal, date(2026, 11, 22)) is first
    (True, False, False)
    """
    token = _SHARED_SCORES.set({})
    try:
        yield
    finally:
        _SHARED_SCORES.reset(token)


def goal_hints(result: Any) -> tuple[str, ...]:
    """The hints of the criteria a scored goal does not meet: those judged first, then the
    questions of those that cannot be judged yet (a confidence, a vision)."""
    unmet = [result.criteria[c] for c in CRITERIA if not result.criteria[c].met]
    return tuple(h for c in sorted(unmet, key=lambda c: not c.judged) for h in c.hints)


def smart_scorecard_frame(wb: Workbook, today: date, *, catalog: Any = None) -> pd.DataFrame:
    """SMART scores of every goal that is not dropped, in workbook order.

    Columns: ``goal_id``, ``text``, ``status``; ``specific``, ``measurable``,
    ``achievable``, ``relevant``, ``time_bound`` (each 0-1); ``score`` (0-100);
    ``deadline_found`` (the scorer read a deadline in the text); ``text_deadline`` (that
    date, NaT if none); ``hints`` (:func:`goal_hints`: suggestions for the criteria not met);
    ``not_judged`` (the criteria that cannot be judged yet, e.g. ``('achievable',)`` with no
    confidence given: their score is a placeholder, shown as
    :func:`~career_workbook.analysis.smart.verdict_mark` ``'?'``, never as "partly met").
    Each goal is scored with :func:`score_saved_goal` (its confidence and its deadline;
    ``catalog`` gives the target role's skills). The status is the goal's on ``today``
    (:func:`~career_workbook.analysis.period.as_of`: done later is active then).
    """
    from career_workbook.analysis.period import as_of

    wb = as_of(wb, today)
    vocab = skill_vocabulary(wb, catalog)
    rows = []
    for g in wb.goals:
        if g.status == "dropped":
            continue
        r = score_saved_goal(wb, g, today, vocab=vocab)
        rows.append((
            g.id, g.text, g.status, *(float(r.criteria[c].score) for c in CRITERIA),
            float(r.score), r.text_deadline is not None, r.text_deadline, goal_hints(r),
            tuple(c for c in CRITERIA if not r.criteria[c].judged),
        ))
    return build_frame(rows, SCORECARD_COLUMNS)


def goals_table_frame(wb: Workbook, today: date, *, catalog: Any = None,
                      scorecard: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every goal (in workbook order) with its SMART score and progress: the "Your goals" table.

    Columns: ``goal_id``, ``text``, ``status``, ``deadline``, ``confidence``; ``score``
    (SMART 0-100, NaN for a dropped goal; ``catalog`` as for
    :func:`smart_scorecard_frame`); ``track`` and ``actual`` (% done) from
    :func:`~career_workbook.analysis.progress.goal_progress_frame` (None/NaN when it has no
    row for the goal). ``scorecard``: :func:`smart_scorecard_frame` of ``wb`` on ``today``
    with that ``catalog`` when it is made already (step 04's table and chart score each
    goal once: the session's frames, :func:`~career_workbook.figures.frames_of`); made
    here otherwise. The same columns and dtypes with no goals at all:

    >>> from career_workbook.model import new_workbook
    >>> goals_table_frame(new_workbook("Sam Lee"), today=date(2026, 1, 1)).dtypes.tolist()[:5]
    [dtype('O'), dtype('O'), dtype('O'), dtype('<M8[ns]'), dtype('float64')]
    """
    from career_workbook.analysis.period import as_of
    from career_workbook.analysis.progress import goal_progress_frame

    wb = as_of(wb, today)  # the status on ``today``, as the progress columns have it
    goals = goals_frame(wb)[["goal_id", "text", "status", "deadline", "confidence"]]
    if scorecard is None:
        scorecard = smart_scorecard_frame(wb, today, catalog=catalog)
    card = scorecard[["goal_id", "score"]]
    progress = goal_progress_frame(wb, today)[["goal_id", "track", "actual"]]
    table = (goals.merge(card, on="goal_id", how="left", validate="1:1")
             .merge(progress, on="goal_id", how="left", validate="1:1"))
    return build_frame(table.itertuples(index=False), GOALS_TABLE_COLUMNS)


GOOD_CRITERION = 0.8
"""A criterion whose judged cells average at least this much needs no improving first."""

_UNJUDGED_ADVICE = {
    "specific": "the wording checks read English only",
    "measurable": "the wording checks read English only",
    "achievable": "give {each} a confidence (1-10)",
    "relevant": "link {each} to a skill or your vision (step 03)",
}
"""What makes a criterion judged, as the scorecard's headline says it."""


def _judged(card: pd.DataFrame) -> dict[str, list[float]]:
    """criterion -> the scores of the goals it is judged for (a known score, not in the
    goal's ``not_judged``)."""
    names = card["not_judged"] if "not_judged" in card else [()] * len(card)
    out: dict[str, list[float]] = {c: [] for c in CRITERIA}
    for (_, row), open_ in zip(card.iterrows(), names, strict=True):
        open_ = open_ if isinstance(open_, tuple | list | set | frozenset) else ()
        for c in CRITERIA:
            value = float(pd.to_numeric(row[c], errors="coerce"))
            if c not in open_ and not math.isnan(value):
                out[c].append(value)
    return out


def _name(criterion: str) -> str:
    return criterion.replace("_", "-")


def scorecard_verdict(card: pd.DataFrame) -> tuple[str, str]:
    """The scorecard's headline for the goals in ``card`` (:func:`smart_scorecard_frame`,
    dropped goals left out) and a note naming the criteria it leaves out (``''`` when
    none). It judges on the cells that are judged, never on a criterion's placeholder
    score; a criterion not judged for half the goals or more is left out of the verdict.
    In order:

    1. a criterion judged for most goals whose judged cells average below
       :data:`GOOD_CRITERION`, or the weakest judged one of a goal scoring below
       :data:`~career_workbook.analysis.smart.GOOD_SCORE`: "Most to improve: …";
    2. a criterion left out, with how to get it judged;
    3. goals scoring below the good score (their open criteria pull them down);
    4. else they "look SMART".

    The chart, the review pack (the chart's headline) and the coach's copy of it all say
    this one verdict.

    >>> def card(*rows):
    ...     cols = ["specific", "measurable", "achievable", "relevant", "time_bound", "score",
    ...             "not_judged"]
    ...     return pd.DataFrame([dict(zip(cols, r)) for r in rows])
    >>> good = (1.0, 1.0, 0.8, 1.0, 1.0, 95.0, ())
    >>> scorecard_verdict(card(good, good))
    ('2 goals look SMART', '')
    >>> scorecard_verdict(card(good, (1.0, 0.5, 0.8, 1.0, 1.0, 80.0, ())))[0]
    'Most to improve: measurable'

    One achievable judged (0.8) is no verdict on five goals, and relevant is judged for none:

    >>> unjudged = (1.0, 1.0, 0.5, 0.5, 1.0, 88.0, ("achievable", "relevant"))
    >>> for line in scorecard_verdict(card((1.0, 1.0, 0.8, 0.5, 1.0, 91.0, ("relevant",)),
    ...                                    *[unjudged] * 4)):
    ...     print(line)
    Relevant: not judged for 5 goals — link each to a skill or your vision (step 03)
    achievable not judged yet for 4 goals: left out of the headline

    A goal scoring below 70 keeps the headline from "look SMART":

    >>> german = (0.5, 0.5, 0.8, 1.0, 1.0, 62.0, ("specific", "measurable"))
    >>> scorecard_verdict(card(good, german, good))[0]
    '1 goal scores below 70 — see its hints'
    >>> scorecard_verdict(card(good, good, (1.0, 1.0, 0.8, 0.0, 1.0, 65.0, ())))[0]
    'Most to improve: relevant'
    >>> scorecard_verdict(card((1.0, 1.0, 0.5, 1.0, 1.0, 88.0, ("achievable",))))
    ('Achievable: not judged for 1 goal — give it a confidence (1-10)', '')

    A goal already done is not asked for a confidence:

    >>> scorecard_verdict(card((1.0, 1.0, 0.5, 1.0, 1.0, 88.0, ("achievable",))).assign(
    ...     status="done"))[0]
    'Achievable: not judged for 1 goal'
    >>> scorecard_verdict(card())
    ('No SMART scores yet', '')
    """
    from career_workbook.analysis.smart import GOOD_SCORE
    from career_workbook.wording import listing, plural

    judged = _judged(card)
    if card.empty or not any(judged.values()):
        return "No SMART scores yet", ""
    left_out = dict(sorted(((c, len(card) - len(v)) for c, v in judged.items()
                            if 2 * len(v) <= len(card)), key=lambda kv: -kv[1]))
    means = {c: sum(v) / len(v) for c, v in judged.items() if c not in left_out}
    scores = pd.to_numeric(card["score"], errors="coerce")
    low = card[scores < GOOD_SCORE]
    weak = {c: m for c, m in means.items() if m < GOOD_CRITERION}
    if not weak and not low.empty:  # what pulls a low goal down, where it is judged
        theirs = {c: sum(v) / len(v) for c, v in _judged(low).items() if v}
        weak = {c: m for c, m in theirs.items() if m < GOOD_CRITERION}
    named = None
    if weak:
        head = f"Most to improve: {_name(min(weak, key=weak.get))}"
    elif left_out:
        named, n = next(iter(left_out.items()))
        live = card[card["status"] != "done"] if "status" in card else card
        still = len(live) - len(_judged(live)[named])  # a finished goal needs no advice
        each = "it" if n == 1 else "each" if still == n else f"the {still} not done"
        advice = _UNJUDGED_ADVICE.get(named, "").format(each=each) if still else ""
        head = (f"{_name(named).capitalize()}: not judged for {plural(n, 'goal')}"
                + (f" — {advice}" if advice else ""))
    elif not low.empty:
        head = (f"{plural(len(low), 'goal scores', 'goals score')} below {GOOD_SCORE} — see "
                f"{'its' if len(low) == 1 else 'their'} hints")
    else:
        head = f"{plural(len(card), 'goal')} {'looks' if len(card) == 1 else 'look'} SMART"
    rest = [f"{_name(c)} not judged yet for {plural(n, 'goal')}"
            for c, n in left_out.items() if c != named]
    return head, (f"{listing(rest)}: left out of the headline" if rest else "")
