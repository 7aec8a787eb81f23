"""Workbook -> figures: the glue between :mod:`~career_workbook.analysis` and
:mod:`~career_workbook.charts`. Pure: no I/O, no widgets, ``today`` always explicit.

:func:`make_figure` draws one chart of :data:`career_workbook.charts.CHARTS` from a
workbook; :func:`make_figures` draws several and computes each analysis frame only once
(a chart pack does not redo the analysis per chart). :data:`NOTEBOOK_CHARTS` says which
charts each guided notebook shows.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Assessment, Skill, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
>>> wb.skills += [Skill(name=n) for n in ("SQL", "Python", "Writing")]
>>> wb.assessments.append(Assessment(date=date(2026, 1, 5),
...                                  ratings={"SQL": 2, "Python": 3, "Writing": 4}))
>>> figs = make_figures(wb, today=date(2026, 2, 1), slugs=["skill_gaps", "wellbeing"])
>>> list(figs), figs["skill_gaps"].get_suptitle()
(['skill_gaps', 'wellbeing'], 'Biggest gap: SQL')
>>> NOTEBOOK_CHARTS["05_skill_gap"]
('skill_gaps', 'skill_radar', 'readiness')
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from career_workbook import analysis, frames
from career_workbook.model import Workbook

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from matplotlib.figure import Figure

__all__ = [
    "NOTEBOOK_CHARTS",
    "chart_alt",
    "chart_caption",
    "chart_inputs",
    "chart_title",
    "frames_of",
    "make_figure",
    "make_figures",
    "same_inputs",
    "suggest_role",
]

NOTEBOOK_CHARTS: dict[str, tuple[str, ...]] = {
    "01_self_assessment": ("skill_radar",),
    "02_feedback_360": ("feedback_360", "reputation"),
    "03_vision_values": ("values_wheel",),
    "04_smart_goals": ("smart_scorecard",),
    "05_skill_gap": ("skill_gaps", "skill_radar", "readiness"),
    "06_action_plan": ("goal_timeline",),
    "07_network": ("network",),
    "08_achievements_learning": ("learning_hours",),
    "09_progress_review": ("progress", "wellbeing"),
    "10_opportunities": ("opportunities",),
}
"""Notebook file stem -> slugs of the charts it shows (all in ``charts.CHARTS``)."""


def suggest_role(wb: Workbook, catalog: Any) -> Any | None:
    """A catalog profile that the typed target role resembles, to offer (not to apply):
    :func:`career_workbook.catalog.suggest_role`, the rule ``new`` offers by too.

    >>> from career_workbook.catalog import load_catalog
    >>> from career_workbook.model import new_workbook
    >>> suggest_role(new_workbook("Sam", target_role="Lead Data Scientist"),
    ...              load_catalog()).id
    'senior_data_scientist'
    """
    from career_workbook.catalog import suggest_role as suggest  # (a chart may need none)

    return suggest(wb, catalog)


def _as_date(today: Any) -> date:
    if isinstance(today, pd.Timestamp):
        return today.date()
    if isinstance(today, date):
        return today.date() if hasattr(today, "hour") else today
    if isinstance(today, str):
        try:
            return date.fromisoformat(today.strip())
        except ValueError:
            pass
    raise ValueError(f"today = {today!r}: expected a date or an ISO date such as '2026-11-22'")


class _Frames:
    """The analysis frames of one workbook on one day, each computed at most once."""

    def __init__(self, wb: Workbook, today: date, role: Any, catalog: Any = None):
        self.wb, self.today, self._role, self._catalog = wb, today, role, catalog

    @functools.cached_property
    def seen(self) -> Workbook:
        """``wb`` as it stood on ``today`` (nothing dated after it), for the plain frames of
        :mod:`career_workbook.frames`; the analysis frames are given ``today`` instead."""
        return analysis.as_of(self.wb, self.today)

    @functools.cached_property
    def reviewed(self) -> Workbook:
        """``wb`` as a review of ``today`` sees it (:func:`~career_workbook.analysis.
        review_as_of`: goals set after ``today`` are not counted yet), for the progress
        chart, the review of step 09 and of the pack; the person's own steps (the goals'
        scorecard, the action plan's timeline) keep every goal (:attr:`seen`)."""
        return analysis.review_as_of(self.wb, self.today)

    @functools.cached_property
    def role(self) -> Any:
        """The role profile; a function given as ``role`` is called here, once, by the first
        chart that uses it (so a notebook without skill charts never reads the catalog)."""
        return self._role() if callable(self._role) else self._role

    @functools.cached_property
    def catalog(self) -> Any:
        """The catalog (a function given is called here, once): the target role's skills
        make goals relevant in the SMART scorecard."""
        return self._catalog() if callable(self._catalog) else self._catalog

    @functools.cached_property
    def gaps(self) -> pd.DataFrame:
        return analysis.skill_gap_frame(self.wb, self.role, today=self.today)

    @functools.cached_property
    def scorecard(self) -> pd.DataFrame:
        return analysis.smart_scorecard_frame(self.wb, self.today, catalog=self.catalog)

    @functools.cached_property
    def goals(self) -> pd.DataFrame:
        return frames.goals_frame(self.seen)

    @functools.cached_property
    def milestones(self) -> pd.DataFrame:
        return frames.milestones_frame(self.seen)

    @functools.cached_property
    def progress_history(self) -> pd.DataFrame:
        return analysis.progress_history_frame(self.reviewed, self.today)

    @functools.cached_property
    def goal_progress(self) -> pd.DataFrame:
        return analysis.goal_progress_frame(self.reviewed, self.today)

    @functools.cached_property
    def dropped_goals(self) -> int:
        """How many goals the review sees dropped (:func:`~career_workbook.analysis.
        progress.dropped_goals` of :attr:`reviewed`): drawn in no panel of the progress
        chart, counted in its headline."""
        from career_workbook.analysis.progress import dropped_goals

        return dropped_goals(self.reviewed)

    @functools.cached_property
    def feedback(self) -> pd.DataFrame:
        return analysis.feedback_360_frame(self.wb, today=self.today)

    @functools.cached_property
    def has_skills(self) -> bool:
        """Whether any skill is tracked: the 360 chart's first step, while it is empty."""
        return bool(self.wb.skills)

    @functools.cached_property
    def reputation(self) -> pd.DataFrame:
        return analysis.reputation_frame(self.wb, today=self.today)

    @functools.cached_property
    def network(self) -> Any:
        """:func:`~career_workbook.analysis.network_summary`: the network chart's contacts,
        step 07's follow-ups and ideas."""
        return analysis.network_summary(self.wb, self.today)

    @functools.cached_property
    def contacts(self) -> pd.DataFrame:
        return self.network.contacts

    @functools.cached_property
    def values(self) -> pd.DataFrame:
        return analysis.ranked_values(self.wb)

    @functools.cached_property
    def learning(self) -> pd.DataFrame:
        return analysis.learning_hours_frame(self.wb, today=self.today)

    @functools.cached_property
    def learning_later(self) -> pd.DataFrame:
        return analysis.learning_later_frame(self.wb, today=self.today)

    @functools.cached_property
    def wellbeing(self) -> pd.DataFrame:
        return analysis.wellbeing_frame(self.wb, today=self.today)

    @functools.cached_property
    def opportunities(self) -> pd.DataFrame:
        return analysis.opportunity_status_frame(self.wb, self.today)

    @functools.cached_property
    def readiness_history(self) -> pd.DataFrame:
        return analysis.readiness_history_frame(self.wb, self.role, today=self.today)


# slug -> how to draw it (``c``: the charts package) from the frames (every slug of
# charts.CHARTS, tested)
_DRAW: dict[str, Callable[[Any, _Frames], Figure]] = {
    "skill_radar": lambda c, f: c.plot_skill_radar(
        f.gaps, today=f.today, role_title=getattr(f.role, "title", None)),
    "skill_gaps": lambda c, f: c.plot_skill_gaps(
        f.gaps, today=f.today, role_title=getattr(f.role, "title", None)),
    "smart_scorecard": lambda c, f: c.plot_smart_scorecard(f.scorecard, today=f.today),
    "goal_timeline": lambda c, f: c.plot_goal_timeline(f.goals, f.milestones, f.today,
                                                         progress=f.goal_progress),
    "progress": lambda c, f: c.plot_progress(f.progress_history, f.goal_progress, f.today,
                                               dropped=f.dropped_goals),
    "feedback_360": lambda c, f: c.plot_feedback_360(f.feedback, today=f.today,
                                                       has_skills=f.has_skills),
    "reputation": lambda c, f: c.plot_reputation(f.reputation, today=f.today),
    "network": lambda c, f: c.plot_network(f.contacts, f.today),
    "values_wheel": lambda c, f: c.plot_values_wheel(f.values, today=f.today),
    "learning_hours": lambda c, f: c.plot_learning_hours(f.learning, later=f.learning_later,
                                                          today=f.today),
    "wellbeing": lambda c, f: c.plot_wellbeing(f.wellbeing, today=f.today),
    "readiness": lambda c, f: c.plot_readiness(
        f.readiness_history, getattr(f.role, "title", None), today=f.today
    ),
    "opportunities": lambda c, f: c.plot_opportunities(f.opportunities, f.today),
}


# slug -> the frames (attributes of ``_Frames``) it is drawn from; with ``today`` (and the
# role's title for the charts in ``_TITLED``) they decide the figure: charts are pure
_TITLED = frozenset({"readiness", "skill_radar", "skill_gaps"})
_INPUTS: dict[str, tuple[str, ...]] = {
    "skill_radar": ("gaps",), "skill_gaps": ("gaps",), "smart_scorecard": ("scorecard",),
    "goal_timeline": ("goals", "milestones", "goal_progress"),
    "progress": ("progress_history", "goal_progress", "dropped_goals"),
    "feedback_360": ("feedback", "has_skills"), "reputation": ("reputation",),
    "network": ("contacts",),
    "values_wheel": ("values",), "learning_hours": ("learning", "learning_later"),
    "wellbeing": ("wellbeing",),
    "readiness": ("readiness_history",), "opportunities": ("opportunities",),
}


def frames_of(wb: Workbook, *, today: date, role: Any = None, catalog: Any = None) -> _Frames:
    """The analysis frames of ``wb`` on ``today``, each computed at most once, to pass as
    ``frames=`` to :func:`chart_inputs` and :func:`make_figures` (a notebook's charts
    after one save share them). Frames are read, never changed, by every chart. ``catalog``
    (or a function returning it) gives the SMART scorecard the target role's skills.

    >>> from career_workbook.model import new_workbook
    >>> memo = frames_of(new_workbook("Sam Lee"), today=date(2026, 11, 22))
    >>> memo.gaps is memo.gaps
    True
    """
    return _Frames(wb, _as_date(today), role, catalog)


def _memo(wb: Workbook, today: Any, role: Any, frames: _Frames | None,
          catalog: Any = None) -> _Frames:
    if frames is None:
        return _Frames(wb, _as_date(today), role, catalog)
    if frames.wb is not wb or frames.today != _as_date(today):
        raise ValueError("frames= belongs to another workbook or day")
    return frames


def chart_inputs(wb: Workbook, slug: str, *, today: date, role: Any = None,
                 frames: _Frames | None = None, catalog: Any = None) -> tuple:
    """What chart ``slug`` is drawn from: its frames, ``today`` and (for the charts that
    name it: ``readiness``, ``skill_gaps``, ``skill_radar``) the role's title.

    Two equal inputs (:func:`same_inputs`) draw the same figure, so a chart whose inputs
    did not change after a save need not be drawn again. ``role`` may be a function: it is
    called only when a frame or title of ``slug`` needs the role (a chart drawn without it
    reads no catalog).

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam Lee")
    >>> a = chart_inputs(wb, "network", today=date(2026, 11, 22))
    >>> wb.strengths.append("Calm")
    >>> same_inputs(a, chart_inputs(wb, "network", today=date(2026, 11, 22)))
    True
    """
    (slug,) = _check_slugs([slug])
    memo = _memo(wb, today, role, frames, catalog)
    title = getattr(memo.role, "title", None) if slug in _TITLED else None
    return (memo.today, title, *(getattr(memo, name) for name in _INPUTS[slug]))


def same_inputs(a: tuple | None, b: tuple | None) -> bool:
    """True when two :func:`chart_inputs` are equal (frames compared with ``equals``,
    column names and dtypes included)."""
    if a is None or b is None or len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if isinstance(x, pd.core.generic.NDFrame) or isinstance(y, pd.core.generic.NDFrame):
            if not (type(x) is type(y) and x.equals(y)
                    and list(getattr(x, "columns", [])) == list(getattr(y, "columns", []))):
                return False
        elif x != y:
            return False
    return True


def _check_slugs(slugs: Iterable[str]) -> list[str]:
    from career_workbook import charts

    if isinstance(slugs, str):
        slugs = [slugs]
    out = []
    for slug in slugs:
        if slug not in charts.CHARTS or slug not in _DRAW:
            known = ", ".join(charts.CHARTS)
            raise ValueError(f"chart = {slug!r}: not a chart; choose one of {known}")
        if slug not in out:
            out.append(slug)
    return out


def make_figures(
    wb: Workbook, *, today: date, role: Any = None, slugs: Iterable[str] | None = None,
    frames: _Frames | None = None, catalog: Any = None,
) -> dict[str, Figure]:
    """Draw several charts of ``wb`` as of ``today``, computing each frame only once.

    Parameters
    ----------
    wb : Workbook
    today : date
        The day the charts describe (an ISO date string is accepted too).
    role : RoleProfile or callable, optional
        Target role for the skill charts (see
        :func:`career_workbook.catalog.resolve_role`); None: own targets.
        A function returning it is called only if a chart asked for uses the role.
    slugs : iterable of str, optional
        Charts to draw (default: every chart of ``charts.CHARTS``, in its order).
    frames : optional
        The frames of :func:`frames_of` for this workbook and day, to reuse.
    catalog : Catalog or callable, optional
        Gives the SMART scorecard the target role's skills (a goal naming one is
        relevant); a function returning it is called only if the scorecard is drawn.

    Returns
    -------
    dict
        slug -> :class:`~matplotlib.figure.Figure`, in the order asked for. A chart
        without data is its placeholder figure, never an error.
    """
    from career_workbook import charts

    wanted = _check_slugs(charts.CHARTS if slugs is None else slugs)
    memo = _memo(wb, today, role, frames, catalog)
    return {slug: _DRAW[slug](charts, memo) for slug in wanted}


def make_figure(wb: Workbook, slug: str, *, today: date, role: Any = None,
                frames: _Frames | None = None, catalog: Any = None) -> Figure:
    """Draw the chart ``slug`` (a key of ``charts.CHARTS``) of ``wb`` as of ``today``.

    >>> from career_workbook import charts
    >>> from career_workbook.model import new_workbook
    >>> fig = make_figure(new_workbook("Sam Lee"), "wellbeing", today=date(2026, 1, 1))
    >>> charts.is_placeholder(fig)
    True
    >>> make_figure(new_workbook("Sam Lee"), "pie", today=date(2026, 1, 1))
    Traceback (most recent call last):
    ...
    ValueError: chart = 'pie': not a chart; choose one of skill_radar, skill_gaps, \
smart_scorecard, goal_timeline, progress, feedback_360, reputation, network, \
values_wheel, learning_hours, wellbeing, readiness, opportunities
    """
    (slug,) = _check_slugs([slug])
    return make_figures(wb, today=today, role=role, slugs=[slug], frames=frames,
                        catalog=catalog)[slug]


def chart_title(fig: Figure, slug: str | None = None) -> str:
    """The takeaway a chart states (its headline), as the user would read it.

    The figure's suptitle (unescaped: ``\\$`` back to ``$``, lines joined, a right-to-left
    run cut by a line break one run again: :func:`~career_workbook.charts.drawn_as_read`), else
    the first axes title, else the registry title of ``slug``.

    >>> from career_workbook import charts
    >>> chart_title(charts.placeholder_figure("nothing yet"), "network")
    'Your network'
    """
    from career_workbook import charts

    text = fig.get_suptitle() if hasattr(fig, "get_suptitle") else ""
    if not text.strip():
        text = next((ax.get_title(loc) for ax in fig.axes for loc in ("center", "left")
                     if ax.get_title(loc).strip() and ax.get_label() != "placeholder"), "")
    if not text.strip() and slug in charts.CHARTS:
        text = charts.CHARTS[slug].title
    return _as_read(text)


def _as_read(text: str) -> str:
    """A chart's text as the reader reads it: unescaped, its lines one line."""
    from career_workbook import charts

    return charts.drawn_as_read(charts.unescape_mathtext(text))


def chart_caption(fig: Figure, slug: str | None = None) -> str:
    """The chart's headline and the first line under it (its subtitle, or what an empty
    chart says is missing), as sentences: what the chart says, in words.

    A chart of several panels (one per goal) titles each panel with what it shows: the
    caption says the note under the panels (its legend's title) and names the panels,
    rather than reading the first panel's title as if the headline were about it.

    >>> from career_workbook import charts
    >>> chart_caption(charts.placeholder_figure("No contacts yet"), "network")
    'Your network. No contacts yet.'
    >>> from matplotlib.figure import Figure
    >>> fig = Figure()
    >>> for name in ("Run a 10k", "Learn SQL"):
    ...     _ = fig.add_subplot().set_title(name, loc="left")
    >>> fig.suptitle("1 of 2 goals on track") and None
    >>> fig.legend(handles=[], title="Progress (%)") and None
    >>> chart_caption(fig)
    '1 of 2 goals on track. Progress (%). Panels: Run a 10k; Learn SQL.'
    """
    from career_workbook import charts

    takeaway = chart_title(fig, slug)
    titles = [[t for t in (_as_read(ax.get_title("left")), _as_read(ax.get_title("center"))) if t]
              for ax in fig.axes]
    if sum(bool(t) for t in titles) > 1:  # small multiples: each title names a panel
        notes = [_as_read(legend.get_title().get_text()) for legend in fig.legends]
        panels = "; ".join(" ".join(t).rstrip(".") for t in titles if t)
        parts = [takeaway, *[n for n in notes if n][:1], f"Panels: {panels}"]
    else:
        texts = [t for ts in titles for t in ts]
        texts.append(charts.placeholder_message(fig))
        parts = [takeaway, *[t for t in texts if t and t != takeaway][:1]]
    return " ".join(p if p.endswith((".", "!", "?", "…")) else p + "." for p in parts)


def chart_alt(fig: Figure, slug: str | None = None) -> str:
    """The alt text of a chart image (notebooks and review packs): the chart's name, then
    its :func:`chart_caption` (its first sentence left out when it only says the name
    again, as an empty chart's does), at most 300 characters, cut at a word with "…".

    >>> from career_workbook import charts
    >>> chart_alt(charts.placeholder_figure("No contacts yet"), "network")
    'Chart “Your network”: No contacts yet.'
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(); fig.suptitle("Readiness 80% " * 30) and None
    >>> alt = chart_alt(fig)
    >>> len(alt) <= 300, alt.endswith("80% Readiness…")  # whole words, not "Readi..."
    (True, True)
    """
    from career_workbook import charts
    from career_workbook.wording import shorten

    spec = charts.CHARTS.get(slug or "")
    caption = chart_caption(fig, slug)
    if spec and caption.startswith(f"{spec.title}. "):
        caption = caption[len(spec.title) + 2:]  # "Your network. No contacts yet."
    return shorten((f"Chart “{spec.title}”: " if spec else "Chart: ") + caption, 300)
