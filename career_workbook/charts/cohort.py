"""The coach's caseload view: readiness, common gaps and check-in recency across clients."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from career_workbook.analysis.next_actions import CHECK_IN_DAYS
from career_workbook.charts._registry import COHORT_CHARTS
from career_workbook.charts._style import (
    ALERT,
    CURRENT,
    MUTED,
    headline,
    is_empty,
    new_figure,
    numeric,
    placeholder_figure,
    row_height,
    short,
    styled,
    subtitle,
    wrap_label,
)
from career_workbook.wording import percent, plural

__all__ = ["plot_cohort_gaps", "plot_cohort_readiness", "plot_cohort_recency", "unread_note"]

STALE_AFTER = CHECK_IN_DAYS
"""Days without a check-in after which a client is flagged: the analysis' rule."""
MAX_BARS = 25
LABEL_CHARS = 30
"""A client's label on the recency chart: one line, the id after a shared name kept."""


def unread_note(unread: int, see: str = "the CSV") -> str:
    """What a cohort chart says of the workbook files it could not read (``''`` if none):
    they are left out of it, and ``see`` names where they are listed.

    >>> unread_note(4), unread_note(0)
    ('4 files could not be read: see the CSV', '')
    >>> unread_note(1, "the list above the charts")
    '1 file could not be read: see the list above the charts'
    """
    return f"{plural(unread, 'file')} could not be read: see {see}" if unread else ""


def _with_unread(note: str, unread: int, see: str) -> str:
    """The subtitle, and on a line of its own the files left out (:func:`unread_note`)."""
    return "\n".join(filter(None, (note, unread_note(unread, see))))


def _placeholder(slug: str, unread: int = 0, see: str = "the CSV") -> Figure:
    spec = COHORT_CHARTS[slug]
    return placeholder_figure(spec.empty_message, title=spec.title, label=slug,
                              note=unread_note(unread, see))


def _series(values: Any, func: str) -> pd.Series:
    if isinstance(values, pd.DataFrame) and values.shape[1] == 1:
        values = values.iloc[:, 0]
    if not isinstance(values, pd.Series):
        raise TypeError(f"{func}: expected a pandas Series (one value per client or skill), "
                        f"got {type(values).__name__}")
    return numeric(values)


@styled
def plot_cohort_readiness(values: pd.Series, *, title: str | None = None,
                          today: Any = None, unread: int = 0, see: str = "the CSV") -> Figure:
    """Histogram of readiness (0-100 %) across clients, in bins of 10 points.

    Parameters
    ----------
    values : Series
        Readiness per client (index: client); NaN for clients without one yet.
    unread : int
        Workbook files that could not be read (left out): the subtitle says how many
        (:func:`unread_note`, ``see``: where they are listed).

    >>> s = pd.Series([40.0, 55.0, 80.0], index=["ana", "ben", "cy"])
    >>> plot_cohort_readiness(s).get_suptitle()
    'Median readiness 55% across 3 clients'
    """
    if is_empty(values):
        return _placeholder("cohort_readiness", unread, see)
    s = _series(values, "plot_cohort_readiness")
    missing = int(s.isna().sum())
    s = s.dropna().clip(0, 100)
    if s.empty:
        return _placeholder("cohort_readiness", unread, see)
    fig = new_figure(4.4, label="cohort_readiness")
    ax = fig.add_subplot()
    ax.hist(s.to_numpy(), bins=np.arange(0, 101, 10), color=CURRENT, edgecolor="white",
            linewidth=1)
    ax.axvline(float(s.median()), color=ALERT, linestyle="--", linewidth=1.5)
    ax.set_xlim(0, 100)
    ax.set_xticks(range(0, 101, 20), [f"{v}%" for v in range(0, 101, 20)])
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Readiness for the target role")
    ax.set_ylabel("Clients")
    headline(fig, f"Median readiness {percent(s.median())} across {plural(len(s), 'client')}",
             title)
    note = "Clients per 10-point band; dashed line = median"
    if missing:
        note += f"; {plural(missing, 'client')} without a score yet"
    subtitle(ax, _with_unread(note, unread, see))
    return fig


@styled
def plot_cohort_gaps(counts: pd.Series, top: int = 12, *, title: str | None = None,
                     today: Any = None, unread: int = 0, see: str = "the CSV") -> Figure:
    """Bars: how many clients have a gap in each skill (most common on top).

    Parameters
    ----------
    counts : Series
        Number of clients per skill (index: skill name).
    unread : int
        Workbook files that could not be read: see :func:`plot_cohort_readiness`.

    >>> s = pd.Series({"SQL": 2, "Negotiation": 5})
    >>> plot_cohort_gaps(s).get_suptitle()
    'Most common gap: Negotiation (5 clients)'
    >>> plot_cohort_gaps(pd.Series({"SQL": 2, "Coaching": 2, "Excel": 2})).get_suptitle()
    '3 skills tie as the most common gap (2 clients each)'
    """
    if is_empty(counts):
        return _placeholder("cohort_gaps", unread, see)
    s = _series(counts, "plot_cohort_gaps").fillna(0)
    s = s[s > 0]
    if s.empty:
        return _placeholder("cohort_gaps", unread, see)
    order = sorted(range(len(s)), key=lambda i: (-s.iloc[i], str(s.index[i]).casefold()))
    shown = s.iloc[order[: max(int(top), 1)]].iloc[::-1]
    labels = [wrap_label(name, 28, max_lines=2) for name in shown.index]
    fig = new_figure(1.9 + row_height(labels) * len(shown), label="cohort_gaps")
    ax = fig.add_subplot()
    y = np.arange(len(shown))
    ax.barh(y, shown.to_numpy(), height=0.62, color=CURRENT)
    ax.set_yticks(y, labels)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Clients with a gap in this skill")
    n = int(shown.iloc[-1])
    tied = [str(s.index[i]) for i in order if s.iloc[i] == shown.iloc[-1]]  # most clients
    if len(tied) == 1:
        head = f"Most common gap: {short(tied[0], 50)} ({plural(n, 'client')})"
    elif len(tied) == 2:
        head = (f"Most common gaps: {short(tied[0], 24)} and {short(tied[1], 24)} "
                f"({plural(n, 'client')} each)")
    else:
        head = f"{len(tied)} skills tie as the most common gap ({plural(n, 'client')} each)"
    headline(fig, head, title)
    subtitle(ax, _with_unread(f"Top {len(shown)} of {plural(len(s), 'skill')} with a gap "
                              "somewhere in the caseload", unread, see))
    return fig


@styled
def plot_cohort_recency(days: pd.Series, *, overdue: pd.Series | None = None,
                        stale_after: int = STALE_AFTER, title: str | None = None,
                        today: Any = None, unread: int = 0, see: str = "the CSV") -> Figure:
    """Days since each client's last check-in: bars per client, or a histogram for many.

    Clients whose check-in is overdue are flagged red. A client with no check-in yet has
    no bar (no days to draw): a hollow marker at 0 labelled "no check-in yet", as the
    caseload table says, in red only when ``overdue`` says so.

    Parameters
    ----------
    days : Series
        Days since the last check-in per client (index: client); NaN = never.
    overdue : Series of bool, optional
        Per client, whether a check-in is overdue: the caseload's ``check_in_overdue``
        (:func:`~career_workbook.analysis.check_in_overdue`, which counts a client who never
        checked in from their start date). Default: more than ``stale_after`` days, and
        a client who never checked in is not counted (their start date is not known here).
    unread : int
        Workbook files that could not be read: see :func:`plot_cohort_readiness`.

    >>> s = pd.Series([3.0, 45.0, float("nan")], index=["ana", "ben", "cy"])
    >>> plot_cohort_recency(s).get_suptitle()
    '1 client without a check-in for more than 30 days'
    >>> plot_cohort_recency(s, overdue=pd.Series([False, True, True], index=s.index)
    ...                     ).get_suptitle()
    '2 clients without a check-in for more than 30 days'
    """
    if is_empty(days):
        return _placeholder("cohort_recency", unread, see)
    s = _series(days, "plot_cohort_recency")
    if overdue is None:
        stale = s > stale_after
    else:
        if len(overdue) != len(s):
            raise ValueError(f"plot_cohort_recency: overdue has {len(overdue)} values for "
                             f"{plural(len(s), 'client')}")
        stale = pd.Series([bool(v) if pd.notna(v) else False for v in overdue], index=s.index)
    n_stale = int(stale.sum())
    if len(s) <= MAX_BARS:
        # no check-in yet: no bar (there are no days to draw), a hollow marker at 0 and a
        # label, in alert colour only when that client is overdue (from their start)
        rank = s.where(s.notna(), stale.map(lambda late: np.inf if late else -1.0))
        order = sorted(range(len(s)), key=lambda i: (-rank.iloc[i], str(s.index[i]).casefold()))
        shown, never = s.iloc[order][::-1], s.isna().iloc[order][::-1].to_numpy()
        late = stale.iloc[order][::-1].to_numpy()
        labels = [wrap_label(name, LABEL_CHARS, max_lines=1, keep_end=True)
                  for name in shown.index]
        fig = new_figure(1.9 + row_height(labels) * len(shown), label="cohort_recency")
        ax = fig.add_subplot()
        y = np.arange(len(shown))
        colours = np.where(late, ALERT, CURRENT)
        ax.barh(y[~never], shown.to_numpy()[~never], height=0.62, color=colours[~never])
        for row in y[~never & (shown.to_numpy() == 0)]:  # a bar of no length: say why
            ax.annotate("checked in today", xy=(0, row), xytext=(4, 0),
                        textcoords="offset points", va="center", fontsize=9, color=CURRENT)
        top = float(np.nanmax([s.max(), stale_after])) if s.notna().any() else stale_after
        for row, is_late in zip(y[never], late[never], strict=True):
            colour = ALERT if is_late else MUTED
            ax.plot([top * 0.015], [row], marker="o", markersize=7, markerfacecolor="white",
                    markeredgecolor=colour, markeredgewidth=1.5, zorder=3)
            ax.annotate("no check-in yet" + (", overdue" if is_late else ""),
                        xy=(top * 0.015, row), xytext=(8, 0), textcoords="offset points",
                        va="center", fontsize=9, color=colour)
        ax.set_xlim(0, top * 1.12)
        ax.set_ylim(-0.6, len(shown) - 0.4)
        ax.set_yticks(y, labels)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", length=0)
        ax.set_xlabel("Days since the last check-in")
    else:
        fig = new_figure(4.4, label="cohort_recency")
        ax = fig.add_subplot()
        finite = s.dropna().clip(lower=0)
        top = max(float(finite.max()) if len(finite) else 0.0, stale_after) + 7
        ax.hist(finite.to_numpy(), bins=np.arange(0, top + 7, 7), color=CURRENT,
                edgecolor="white", linewidth=1)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("Days since the last check-in (weeks)")
        ax.set_ylabel("Clients")
    ax.axvline(stale_after, color=MUTED, linestyle="--", linewidth=1.2)
    if n_stale:
        head = (f"{plural(n_stale, 'client')} without a check-in for more than "
                f"{stale_after} days")
    elif s.isna().any():
        head = "No check-in overdue"
    else:
        head = f"Everyone checked in within {stale_after} days"
    headline(fig, head, title)
    note = f"{plural(len(s), 'client')}; dashed line = {stale_after} days"
    if s.isna().any():
        note += f"; {int(s.isna().sum())} with no check-in yet (○)"
    subtitle(ax, _with_unread(note, unread, see))
    return fig
