"""Goal charts: SMART scorecard, timeline (Gantt) and progress against plan."""

from __future__ import annotations

import dataclasses
from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from career_workbook.analysis.progress import goal_counts, goal_counts_words, set_day_counts
from career_workbook.charts._registry import CHARTS
from career_workbook.charts._repel import Spot, clear_labels
from career_workbook.charts._style import (
    ALERT,
    CURRENT,
    GOOD,
    MUTED,
    PALETTE,
    as_timestamp,
    date_axis,
    dates,
    day_name,
    headline,
    is_empty,
    new_figure,
    numeric,
    placeholder_figure,
    require,
    row_height,
    short,
    styled,
    subtitle,
    wrap_label,
)
from career_workbook.wording import MONTH_ABBRS, plural, relative

__all__ = ["plot_goal_timeline", "plot_progress", "plot_smart_scorecard"]

CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
CRITERIA_LABELS = ("Specific", "Measur-\nable", "Achiev-\nable", "Relevant", "Time-\nbound",
                   "Score")
SCORE_CMAP = LinearSegmentedColormap.from_list("cw_score", ["#F4F4F4", "#A6CDE6", "#0072B2"])
STATUS_COLOURS = {"active": PALETTE["blue"], "done": GOOD, "draft": PALETTE["sky"],
                  "overdue": ALERT}
TRACK_COLOURS = {"done": GOOD, "ahead": GOOD, "on track": GOOD, "behind": PALETTE["orange"],
                 "overdue": ALERT, "no deadline": MUTED, "not started": MUTED}
TRACK_ORDER = ("overdue", "behind", "on track", "ahead", "not started", "no deadline", "done")
MAX_PANELS = 6
NOT_JUDGED_STYLE = {"facecolor": "#EBEBEB", "edgecolor": "#B5B5B5", "hatch": "///",
                    "linewidth": 0}
"""A scorecard cell whose criterion cannot be judged yet: neutral grey, hatched."""
TRACK_SPOTS = (
    Spot(0.98, 0.04, "right", "bottom"), Spot(0.02, 0.96, "left", "top"),
    Spot(0.98, 0.96, "right", "top"), Spot(0.02, 0.04, "left", "bottom"),
    Spot(0.5, 0.96, "center", "top"), Spot(0.5, 0.04, "center", "bottom"),
    Spot(0.98, 0.5, "right", "center"), Spot(0.02, 0.5, "left", "center"),
)
"""Where a progress panel's track name ("behind") may go, first choice first: a corner, then
the middle of an edge, where no line of the panel crosses it (:func:`clear_labels`)."""
METRIC_LABEL = "Metric now"
"""The legend's name of a goal's progress read from its metric: the file keeps no day for
its current value, so the point is drawn at today, hollow, and the note says so."""
FORECAST_SHIFTS_PT = (-9, -35, -70, -105)
FORECAST_STEPS_PT = (5, 14, 24, 34)
"""How far (points) the words of a forecast's arrow may move left of it, and above or below
it, to keep clear of the panel's lines."""


def _placeholder(slug: str, message: str | None = None) -> Figure:
    spec = CHARTS[slug]
    return placeholder_figure(message or spec.empty_message, title=spec.title, label=slug)


def _not_dropped(frame: pd.DataFrame) -> pd.DataFrame:
    if "status" not in frame:
        return frame
    return frame[frame["status"] != "dropped"]


# ----------------------------------------------------------------------------------------
@styled
def plot_smart_scorecard(scorecard: pd.DataFrame, *, title: str | None = None,
                         today: Any = None) -> Figure:
    """Heatmap of goals x SMART criteria (0-1), with the overall score (0-100) last.

    Dropped goals are left out. Each cell shows its score; goal texts are wrapped. A
    criterion that cannot be judged yet (the frame's ``not_judged``: no confidence given,
    nothing known to judge relevance by) is a grey hatched cell marked ``?``, the mark of
    the goals table and notebook 04 (:func:`~career_workbook.analysis.smart.verdict_mark`),
    named in the legend: its placeholder score is no "partly met". The headline is
    :func:`~career_workbook.analysis.scorecard.scorecard_verdict`'s (judged cells only; a
    criterion mostly not judged is left out and named under it).

    Parameters
    ----------
    scorecard : DataFrame
        The output of ``smart_scorecard_frame`` (``goal_id``, ``text``, the five criteria
        ``specific`` ... ``time_bound`` and ``score``; optional ``status``, ``not_judged``).

    >>> df = pd.DataFrame({"goal_id": ["g1"], "text": ["Pass the CFA Level I exam in 2027"],
    ...                    "specific": [1.0], "measurable": [1.0], "achievable": [0.5],
    ...                    "relevant": [0.5], "time_bound": [1.0], "score": [80.0]})
    >>> plot_smart_scorecard(df).get_suptitle()
    'Most to improve: achievable'
    >>> df["not_judged"] = [("achievable",)]
    >>> fig = plot_smart_scorecard(df)
    >>> [t.get_text() for t in fig.axes[0].texts][:5], fig.get_suptitle()
    (['1.0', '1.0', '?', '0.5', '1.0'], 'Most to improve: relevant')
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['? not judged yet']
    """
    from career_workbook.analysis.scorecard import scorecard_verdict
    from career_workbook.analysis.smart import VERDICT_MARKS, verdict_mark  # (its grammar
    # is loaded by the scorecard's frame already; the other goal charts need none of it)

    if is_empty(scorecard):
        return _placeholder("smart_scorecard")
    require(scorecard, ("text", *CRITERIA, "score"), "plot_smart_scorecard",
            "smart_scorecard_frame")
    df = _not_dropped(scorecard).reset_index(drop=True)
    if df.empty:
        return _placeholder("smart_scorecard")
    cells = np.column_stack([numeric(df[c]).to_numpy() for c in CRITERIA]
                            + [numeric(df["score"]).to_numpy() / 100])
    unjudged = np.zeros(cells.shape, dtype=bool)
    unjudged[:, :len(CRITERIA)] = _not_judged(df)
    cells[unjudged] = np.nan  # a placeholder score: drawn apart, never averaged
    labels = [wrap_label(t, 30, max_lines=3) for t in df["text"]]
    fig = new_figure(2.0 + row_height(labels) * len(df), label="smart_scorecard")
    ax = fig.add_subplot()
    ax.imshow(np.ma.masked_invalid(cells), cmap=SCORE_CMAP, vmin=0, vmax=1, aspect="auto",
              interpolation="none")
    for (r, c), value in np.ndenumerate(cells):
        if unjudged[r, c]:
            ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, **NOT_JUDGED_STYLE))
            text = verdict_mark("open")
        elif np.isnan(value):
            text = "–"
        else:
            text = f"{value * 100:.0f}" if c == len(CRITERIA) else f"{value:.1f}"
        ax.text(c, r, text, ha="center", va="center", fontsize=10,
                fontweight="bold" if c == len(CRITERIA) or unjudged[r, c] else "normal",
                color="white" if not np.isnan(value) and value > 0.62 else "#222222")
    ax.axvline(len(CRITERIA) - 0.5, color="white", linewidth=5)
    ax.set_xticks(range(len(CRITERIA_LABELS)), CRITERIA_LABELS)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(df)), labels)
    ax.tick_params(length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)

    head, left_out = scorecard_verdict(df)
    headline(fig, head, title)
    note = "Each criterion 0-1 (1 = fully met), overall score 0-100"
    avg = _mean(cells[:, -1]) * 100
    if not np.isnan(avg):
        note += f"; average score {avg:.0f}"
    subtitle(ax, note + (f"\n{left_out[0].upper()}{left_out[1:]}" if left_out else ""))
    if unjudged.any():
        mark, word = VERDICT_MARKS["open"]
        fig.legend(handles=[Patch(**NOT_JUDGED_STYLE, label=f"{mark} {word} yet")],
                   loc="outside lower center")
    return fig


def _not_judged(df: pd.DataFrame) -> np.ndarray:
    """Goals x criteria: True where the criterion cannot be judged yet (the frame's
    ``not_judged``; none without that column).

    >>> _not_judged(pd.DataFrame({"not_judged": [("relevant",), None]})).astype(int).tolist()
    [[0, 0, 0, 1, 0], [0, 0, 0, 0, 0]]
    """
    names = df["not_judged"] if "not_judged" in df else [()] * len(df)
    rows = [[c in (v if isinstance(v, tuple | list | set | frozenset) else ()) for c in CRITERIA]
            for v in names]
    return np.array(rows, dtype=bool).reshape(len(df), len(CRITERIA))


def _mean(values: np.ndarray) -> float:
    """Mean of the known values (NaN when none is known), without a warning."""
    known = values[~np.isnan(values)]
    return float(known.mean()) if len(known) else np.nan


# ----------------------------------------------------------------------------------------
def _num(ts: Any) -> float:
    return float(mdates.date2num(pd.Timestamp(ts)))


def _set_day_counts(created: Any, deadline: Any, now: Any) -> bool:
    """:func:`~career_workbook.analysis.progress.set_day_counts` for a frame's row: whether
    the day a goal was set (``created``) may start its line or bar and stretch the dates
    (not after its ``deadline`` nor after ``now``; NaT/None: not known)."""
    if created is None or pd.isna(created):
        return False
    return set_day_counts(pd.Timestamp(created).date(),
                          None if deadline is None or pd.isna(deadline)
                          else pd.Timestamp(deadline).date(),
                          None if now is None else pd.Timestamp(now).date())


@styled
def plot_goal_timeline(goals: pd.DataFrame, milestones: pd.DataFrame | None = None,
                       today: Any = None, *, progress: pd.DataFrame | None = None,
                       title: str | None = None) -> Figure:
    """Gantt chart of goals from creation to deadline, with milestones and a today line.

    Milestones are diamonds at their done date (filled) or due date (hollow). Goals
    without a deadline are drawn faded up to today. A goal whose set day is not recorded
    (an older file) has no bar: a mark at its deadline (else today) says so. Dropped goals
    are left out.

    Parameters
    ----------
    goals : DataFrame
        The output of ``goals_frame`` (``goal_id``, ``text``, ``created``, ``deadline``,
        ``status``).
    milestones : DataFrame, optional
        The output of ``milestones_frame`` (``goal_id``, ``title``, ``due``, ``done_on``,
        ``done``).
    today : date, optional
        Draws the today line and finds overdue goals.
    progress : DataFrame, optional
        The output of ``goal_progress_frame`` (``goal_id``, ``track``): an active goal
        whose progress reached 100 % (track 'done') is drawn and counted done, as the
        cover and the progress chart count it, never as past its deadline.

    >>> from datetime import date
    >>> goals = pd.DataFrame({"goal_id": ["g1"], "text": ["Run a 10k"],
    ...     "created": pd.to_datetime(["2026-01-01"]), "deadline": pd.to_datetime(["2026-06-01"]),
    ...     "status": ["active"]})
    >>> plot_goal_timeline(goals, None, today=date(2026, 3, 1)).get_suptitle()
    'Next deadline in 3 months: Run a 10k'
    >>> reached = pd.DataFrame({"goal_id": ["g1"], "track": ["done"]})
    >>> plot_goal_timeline(goals, None, today=date(2026, 7, 1)).get_suptitle()
    '1 goal is past the deadline'
    >>> plot_goal_timeline(goals, None, today=date(2026, 7, 1), progress=reached).get_suptitle()
    '1 of 1 goal done'
    """
    if is_empty(goals):
        return _placeholder("goal_timeline")
    require(goals, ("goal_id", "text", "created", "deadline", "status"), "plot_goal_timeline",
            "goals_frame")
    now = as_timestamp(today)
    df = _not_dropped(goals).copy()
    df["created"], df["deadline"] = dates(df["created"]), dates(df["deadline"])
    if not is_empty(progress):
        require(progress, ("goal_id", "track"), "plot_goal_timeline", "goal_progress_frame")
        reached = set(progress.loc[progress["track"] == "done", "goal_id"])
        df.loc[(df["status"] == "active") & df["goal_id"].isin(reached), "status"] = "done"
    # a day set not recorded (an older file) is marked on the deadline, else on today
    df = df[df["created"].notna() | df["deadline"].notna() | (now is not None)]
    if df.empty:
        return _placeholder("goal_timeline")
    df["_unknown"] = df["created"].isna()
    df["created"] = df["created"].fillna(df["deadline"])
    if now is not None:
        df["created"] = df["created"].fillna(now)
    df = df.sort_values(["deadline", "created"], kind="stable", na_position="last")
    df = df.reset_index(drop=True)
    ms = pd.DataFrame(columns=["goal_id", "title", "due", "done_on", "done"])
    if not is_empty(milestones):
        require(milestones, ("goal_id", "due", "done_on"), "plot_goal_timeline",
                "milestones_frame")
        ms = milestones[milestones["goal_id"].isin(set(df["goal_id"]))].copy()
        ms["due"], ms["done_on"] = dates(ms["due"]), dates(ms["done_on"])
        ms["done"] = ms["done"].astype(bool) if "done" in ms else ms["done_on"].notna()

    # a day set after the deadline (or, with no deadline, after today: 2062 typed for 2026)
    # is named beside its mark, never stretched to: the other goals became slivers
    drawn_from = [not unknown and _set_day_counts(c, d, now if pd.isna(d) else None)
                  for c, d, unknown in zip(df["created"], df["deadline"], df["_unknown"],
                                           strict=True)]
    all_dates = [*df["created"][drawn_from], *df["deadline"].dropna(), *ms["due"].dropna(),
                 *ms["done_on"].dropna(), *([now] if now is not None else [])]
    start, end = min(all_dates), max(all_dates)
    if end - start < pd.Timedelta(days=30):
        end = start + pd.Timedelta(days=30)
    open_end = end  # a goal with no deadline runs open to the chart's end, whatever else

    labels = [wrap_label(t, 28, max_lines=3) for t in df["text"]]
    fig = new_figure(2.3 + row_height(labels) * len(df), label="goal_timeline")
    ax = fig.add_subplot()
    n = len(df)
    overdue = []
    for i, row in df.iterrows():
        y = n - 1 - i
        status = row["status"]
        # a draft is not a commitment yet: drawn as a draft, not as late (as on the cover)
        late = (now is not None and pd.notna(row["deadline"]) and row["deadline"] < now
                and status not in ("done", "draft"))
        if late:
            overdue.append(row)
        colour = STATUS_COLOURS.get("overdue" if late else status, MUTED)
        left = _num(row["created"])
        mark = None
        if row["_unknown"]:  # no day to start a bar from: a mark, and it says why
            mark = ((row["deadline"], "deadline; day set not recorded")
                    if pd.notna(row["deadline"]) else (now, "day set not recorded; no deadline"))
        elif pd.notna(row["deadline"]) and row["deadline"] <= row["created"]:
            # set after its deadline ("by March 2026" written in November) or due the day it
            # was set: no span to draw (a bar from the deadline would say it was set then;
            # one of no length is not seen), a mark on the day
            mark = (row["deadline"], f"set {day_name(row['created'])}, after its deadline"
                    if row["deadline"] < row["created"] else "due the day it was set")
        elif pd.notna(row["deadline"]):
            ax.barh(y, _num(row["deadline"]) - left, left=left, height=0.5, color=colour)
        elif not drawn_from[i]:  # no deadline, set after today: a mark today says when
            mark = (now, f"set {day_name(row['created'])}, after today; no deadline")
        elif status == "draft":  # no deadline and not committed to: no end to invent
            mark = (row["created"], "draft; no deadline yet")  # drawn on its set day
        else:
            ax.barh(y, max(_num(open_end) - left, 1.0), left=left, height=0.5, color=colour,
                    alpha=0.35, hatch="///", edgecolor="white")
            ax.text(max(_num(open_end), left + 1), y, "  no deadline", va="center",
                    fontsize=8.5, color="#555555")
        if mark is not None:
            day, note = mark
            ax.plot([_num(day)], [y], marker="|", markersize=18, markeredgewidth=4,
                    linestyle="none", color=colour)
            right = day - start > (end - start) / 2  # the note goes inwards
            ax.text(_num(day), y, f"{note}   " if right else f"   {note}",
                    ha="right" if right else "left", va="center", fontsize=8.5,
                    color="#555555")
        goal_ms = ms[ms["goal_id"] == row["goal_id"]]
        for _, m in goal_ms.iterrows():
            when = m["done_on"] if m["done"] and pd.notna(m["done_on"]) else m["due"]
            if pd.isna(when):
                continue
            ax.plot([_num(when)], [y], marker="D", markersize=8, linestyle="none",
                    markeredgecolor="#222222", markeredgewidth=1.2,
                    markerfacecolor="#222222" if m["done"] else "white", zorder=3)
    if now is not None:
        ax.axvline(_num(now), color=ALERT, linewidth=1.5, linestyle="--", zorder=2)
        ax.annotate("today", xy=(_num(now), 1), xycoords=("data", "axes fraction"),
                    xytext=(3, -2), textcoords="offset points", ha="left", va="top",
                    color=ALERT, fontsize=9)
    ax.set_yticks(range(n), labels[::-1])
    ax.set_ylim(-0.6, n - 0.4)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    pad = (end - start) * 0.04
    ax.set_xlim(_num(start - pad), _num(end + pad) + (25 if df["deadline"].isna().any() else 0))
    ax.xaxis_date()
    date_axis(ax.xaxis, maxticks=8)

    handles = [Patch(color=STATUS_COLOURS[s], label=s.capitalize())
               for s in ("active", "draft", "done") if (df["status"] == s).any()]
    if overdue:
        handles.append(Patch(color=ALERT, label="Past deadline"))
    if len(ms):
        handles += [
            Line2D([], [], marker="D", linestyle="none", markerfacecolor="#222222",
                   markeredgecolor="#222222", label="Milestone done"),
            Line2D([], [], marker="D", linestyle="none", markerfacecolor="white",
                   markeredgecolor="#222222", label="Milestone to do")]
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 5))

    done_ms = int(ms["done"].sum()) if len(ms) else 0
    n_done = int((df["status"] == "done").sum())
    upcoming = df[(df["status"] != "done") & df["deadline"].notna()]
    if now is not None:
        upcoming = upcoming[upcoming["deadline"] >= now]
    late = goal_counts((row["status"], "overdue") for row in overdue).overdue  # the cover's
    if late:
        head = f"{plural(late, 'goal is', 'goals are')} past the deadline"
    elif now is not None and not upcoming.empty:
        nxt = upcoming.iloc[0]
        days = (nxt["deadline"] - now).days
        head = f"Next deadline {relative(days)}: {short(nxt['text'], 45)}"
    else:  # drafts apart, as the cover and the progress chart count them
        drafts = int((df["status"] == "draft").sum())
        head = (f"{n_done} of {plural(n - drafts, 'goal')} done" if n > drafts
                else "No goals committed to yet")
        if drafts:
            head += f" ({plural(drafts, 'draft')} not counted)"
    headline(fig, head, title)
    note = "From the day each goal was set to its deadline"
    if len(ms):
        note += f"; {done_ms} of {plural(len(ms), 'milestone')} done"
    if now is not None:
        note += f"; as of {day_name(now)}"
    subtitle(ax, note)
    return fig


# ----------------------------------------------------------------------------------------
def _panels(fig: Figure, rows: int, cols: int, k: int) -> list[Any]:
    """``k`` panels on a ``rows`` x ``cols`` grid, row by row, sharing their percentages
    (shown on the left panels); each panel has its own dates, labelled under it (one goal
    ten years long squeezed every other goal's lines into slivers). Only the panels drawn
    are made (an empty slot's axes, made and removed, cost a whole axes with its ticks).

    >>> fig = Figure()
    >>> [int(ax.get_subplotspec().num1) for ax in _panels(fig, 3, 2, 5)], len(fig.axes)
    ([0, 1, 2, 3, 4], 5)
    """
    grid = fig.add_gridspec(rows, cols)
    axes: list[Any] = []
    for i in range(k):
        first = axes[0] if axes else None
        axes.append(fig.add_subplot(grid[i // cols, i % cols], sharey=first))
    for i, ax in enumerate(axes):  # as ``Figure.subplots(sharey=True)`` does
        ax.yaxis.set_tick_params(labelleft=i % cols == 0)
        ax.yaxis.offsetText.set_visible(i % cols == 0)
    return axes


def _window(dates_known: list[Any], forecast: Any = None) -> tuple[pd.Timestamp,
                                                                     pd.Timestamp] | None:
    """A panel's dates: from the first to the last of ``dates_known`` (the day the goal
    was set, its deadline, its reports, today), at least 30 days, padded 4 % each side;
    ``None`` when no date is known. A ``forecast`` at most a quarter of that span beyond
    is included (drawn whole); a farther one is not (it would squeeze the goal's lines).

    >>> lo, hi = _window([pd.Timestamp("2026-01-01"), pd.NaT, pd.Timestamp("2026-11-01")])
    >>> lo.date(), hi.date()
    (datetime.date(2025, 12, 19), datetime.date(2026, 11, 13))
    >>> _window([pd.Timestamp("2026-01-01"), pd.Timestamp("2026-11-01")],
    ...         pd.Timestamp("2026-12-01"))[1].date()
    datetime.date(2026, 12, 14)
    >>> _window([pd.Timestamp("2026-01-01"), pd.Timestamp("2026-11-01")],
    ...         pd.Timestamp("2058-06-01"))[1].date()
    datetime.date(2026, 11, 13)
    """
    known = [pd.Timestamp(d) for d in dates_known if d is not None and pd.notna(d)]
    if not known:
        return None
    start, end = min(known), max(known)
    end = max(end, start + pd.Timedelta(days=30))
    if forecast is not None and pd.notna(forecast) and forecast <= end + (end - start) / 4:
        end = max(end, pd.Timestamp(forecast))
    pad = (end - start) * 0.04
    return start - pad, end + pad


def _forecast(ax: Any, last: pd.Series, forecast: pd.Timestamp, edge: pd.Timestamp,
              now: pd.Timestamp | None = None) -> tuple[Any, tuple[Any, list[Spot]] | None]:
    """The dotted forecast: level from the last report to ``now`` (nothing reported since),
    then up to 100 % on ``forecast``, the pace the forecast is worked out from; one beyond the
    panel's right ``edge`` stops there, with an arrow and its date in words. Returns the
    line and, for the arrow, its words with the spots they may take (next to the arrow,
    above it first when it is low, where the track's name is)."""
    xs, ys = [last["date"]], [last["actual"]]
    if now is not None and now > last["date"]:
        xs.append(now)
        ys.append(last["actual"])
    if forecast <= edge:
        (h,) = ax.plot([*xs, forecast], [*ys, 100], color=CURRENT, linestyle=":",
                       linewidth=2, label="Forecast")
        return h, None
    start = xs[-1]
    share = max(edge - start, pd.Timedelta(0)) / (forecast - start)
    y = ys[-1] + (100 - ys[-1]) * share
    (h,) = ax.plot([*xs, edge], [*ys, y], color=CURRENT, linestyle=":", linewidth=2,
                   label="Forecast")
    ax.plot([edge], [y], marker=">", markersize=7, color=CURRENT, clip_on=False,
            linestyle="none")
    when = f"{MONTH_ABBRS[forecast.month]} {forecast.year}"  # not %b: the locale's
    words = ax.text(_num(edge), y, f"forecast: {when}", fontsize=8.5,
                    color=CURRENT, ha="right", va="bottom")
    first = 1 if y < 40 else -1  # low on the right: the track's name is under it
    spots = [Spot(_num(edge), y, "right", "bottom" if dy > 0 else "top", on="data",
                  dx=dx, dy=dy)
             for dx in FORECAST_SHIFTS_PT
             for step in FORECAST_STEPS_PT for dy in (first * step, -first * step)]
    return h, (words, spots)


@styled
def plot_progress(progress_history: pd.DataFrame, goal_progress: pd.DataFrame,
                  today: Any = None, *, title: str | None = None, dropped: int = 0) -> Figure:
    """Progress per goal: expected (dashed) against actual, with a dotted forecast.

    One small panel per goal (at most six: those needing attention first). The headline
    counts as the cover does (:func:`~career_workbook.analysis.goal_counts_words`): active
    goals ahead or on track, out of all active goals, then the others so that they add up;
    done goals, dropped ones and drafts apart. The expected
    line runs from 0 % when the goal was set (the frame's ``pace_from``, when it has one)
    to 100 % at its deadline; the forecast extends the actual trend to 100 % when the frame
    has one.

    Parameters
    ----------
    progress_history : DataFrame
        The output of ``progress_history_frame`` (``date``, ``goal_id``, ``actual``;
        optional ``source``: a goal's 'metric' point, its current value on a day the file
        does not keep, is drawn hollow and the note says so).
    goal_progress : DataFrame
        The output of ``goal_progress_frame`` (``goal_id``, ``text``, ``created``,
        ``deadline``, ``track``, ``forecast``; optional ``status``, ``pace_from``,
        ``early``: progress dated before the goal was set, left out of the history and
        counted in the note).
    today : date, optional
        Draws a today line in each panel.
    dropped : int
        How many goals were dropped (``goal_progress_frame`` leaves them out; a dropped
        row of ``goal_progress`` counts too): drawn in no panel, counted in the headline.

    >>> gp = pd.DataFrame({"goal_id": ["g1"], "text": ["Run a 10k"], "status": ["active"],
    ...     "created": pd.to_datetime(["2026-01-01"]), "deadline": pd.to_datetime(["2026-07-01"]),
    ...     "track": ["on track"], "forecast": pd.to_datetime(["2026-06-20"])})
    >>> hist = pd.DataFrame({"date": pd.to_datetime(["2026-02-01", "2026-03-01"]),
    ...                      "goal_id": ["g1", "g1"], "actual": [20.0, 35.0]})
    >>> plot_progress(hist, gp).get_suptitle()
    '1 of 1 active goal on track'
    >>> plot_progress(hist, gp.assign(status="done", track="done"), dropped=1).get_suptitle()
    'No active goals (1 done, 1 dropped)'
    """
    if is_empty(goal_progress):
        return _placeholder("progress")
    require(goal_progress, ("goal_id", "text", "created", "deadline", "track"),
            "plot_progress", "goal_progress_frame")
    now = as_timestamp(today)
    gp = _not_dropped(goal_progress).copy()
    if gp.empty:
        return _placeholder("progress")
    early = int(numeric(gp["early"]).fillna(0).sum()) if "early" in gp else 0
    if ("status" in gp and (gp["status"] == "draft").all() and progress_history.empty
            and not early):  # nothing committed to, nothing recorded: nothing to track
        drafts = plural(len(gp), "draft goal")
        return _placeholder("progress", f"No goals to track yet ({drafts} not committed to) "
                            "— set a goal to Active in SMART goals (step 04), then record "
                            "progress at a check-in (step 09)")
    gp["created"], gp["deadline"] = dates(gp["created"]), dates(gp["deadline"])
    gp["forecast"] = dates(gp["forecast"]) if "forecast" in gp else pd.NaT
    # the plan starts where the analysis measured the pace from (pace_from); without it,
    # the day the goal was set, unless that is after today or its deadline (2062 for 2026
    # stretched the panel to 2062 and the plan to a sliver)
    usable = pd.Series([_set_day_counts(c, d, now)
                        for c, d in zip(gp["created"], gp["deadline"], strict=True)],
                       index=gp.index, dtype=bool)
    pace = dates(gp["pace_from"]) if "pace_from" in gp else pd.Series(pd.NaT, index=gp.index)
    gp["_from"] = pace.where(pace.notna(), gp["created"].where(usable))
    hist = pd.DataFrame(columns=["date", "goal_id", "actual", "source"])
    if not is_empty(progress_history):
        require(progress_history, ("date", "goal_id", "actual"), "plot_progress",
                "progress_history_frame")
        hist = pd.DataFrame({"date": dates(progress_history["date"]),
                             "goal_id": progress_history["goal_id"],
                             "actual": numeric(progress_history["actual"])}).dropna()
        hist["source"] = progress_history.get("source")
        hist = hist.sort_values("date", kind="stable")

    rank = {t: i for i, t in enumerate(TRACK_ORDER)}
    gp["_rank"] = gp["track"].map(rank).fillna(len(rank))
    panels = gp.sort_values("_rank", kind="stable").head(MAX_PANELS)
    k = len(panels)
    cols = 1 if k == 1 else 2
    rows = -(-k // cols)
    fig = new_figure(1.6 + 2.5 * rows, label="progress")
    axes = _panels(fig, rows, cols, k)

    handles: dict[str, Any] = {}
    for ax, (_, goal) in zip(axes, panels.iterrows(), strict=False):
        labels: list[tuple[Any, list[Spot]]] = []  # texts, each with where it may go
        ax.set_ylim(0, 108)
        ax.set_yticks([0, 50, 100], ["0%", "50%", "100%"])
        # a goal written after its deadline ("by March 2026" in November) has no plan
        # to draw: a line from its deadline back to the day it was set would fall
        if (pd.notna(goal["_from"]) and pd.notna(goal["deadline"])
                and goal["deadline"] > goal["_from"]):
            (h,) = ax.plot([goal["_from"], goal["deadline"]], [0, 100], color=MUTED,
                           linestyle="--", linewidth=1.6, label="Expected")
            handles.setdefault("Expected", h)
        points = hist[hist["goal_id"] == goal["goal_id"]]
        window = _window([goal["_from"], goal["deadline"], now, *points["date"]],
                         goal["forecast"])
        if window is not None:
            ax.set_xlim(*window)
        if not points.empty:
            # a metric's current value has no day in the file: a hollow point, said so
            measured = bool((points["source"] == "metric").all())
            label = METRIC_LABEL if measured else "Actual"
            (h,) = ax.plot(points["date"].to_numpy(), points["actual"].to_numpy(),
                           color=CURRENT, marker="o", markersize=5, label=label,
                           **({"markerfacecolor": "white", "markeredgewidth": 1.6}
                              if measured else {}))
            handles.setdefault(label, h)
            last = points.iloc[-1]
            if pd.notna(goal["forecast"]) and last["actual"] < 100:
                edge = window[1] if window is not None else goal["forecast"]
                h, arrow = _forecast(ax, last, goal["forecast"], edge, now)
                handles.setdefault("Forecast", h)
                if arrow is not None:
                    labels.append(arrow)
        if now is not None:
            h = ax.axvline(now, color=ALERT, linewidth=1.2, linestyle="-", alpha=0.7,
                           label="Today")
            handles.setdefault("Today", h)
        # a draft is not a commitment yet: it says so, and the headline leaves it out
        track = "draft" if goal.get("status") == "draft" else str(goal["track"])
        name = ax.text(0.98, 0.05, track, transform=ax.transAxes, ha="right", va="bottom",
                       fontsize=9.5, fontweight="bold", color=TRACK_COLOURS.get(track, MUTED))
        labels.append((name, list(TRACK_SPOTS)))
        # where no line of the panel strikes them through, placed again at every draw
        clear_labels(ax, *zip(*labels, strict=True))
        ax.set_title(wrap_label(goal["text"], 34 if cols == 2 else 70, max_lines=2),
                     fontsize=9.5, color="#222222")
        date_axis(ax.xaxis, maxticks=5)
        ax.tick_params(axis="x", labelsize=8.5)

    # the cover's counts (analysis.goal_counts): active goals on track, done ones apart
    shown = goal_progress["status"] if "status" in goal_progress else ["active"] * len(gp)
    counts = goal_counts(zip(shown, goal_progress["track"], strict=True))
    counts = dataclasses.replace(counts, dropped=counts.dropped + dropped)
    late = counts.overdue
    headline(fig, goal_counts_words(counts), title)  # as the cover and the coach say it
    note = "Progress (%): dashed = plan, solid = reported, dotted = forecast"
    if late:
        note = f"{plural(late, 'goal')} overdue. " + note
    if hist.empty:
        note = "No progress recorded yet — record it at a check-in (step 09). " + note
    if METRIC_LABEL in handles:
        note += "; hollow = a metric's current value (the day it was measured is not recorded)"
    if len(gp) > k:
        note += f"; {len(gp) - k} more not shown"
    if early:  # analysis.early_progress: left out of the frames, said here
        note += (f". {plural(early, 'progress entry', 'progress entries')} not drawn: "
                 "dated before its goal was set (career-workbook validate names them)")
    # Small multiples: the metric goes with the legend, under the panels.
    fig.legend(handles=list(handles.values()), loc="outside lower center",
               ncols=max(len(handles), 1), title=wrap_label(note, 100, max_lines=3))
    return fig
