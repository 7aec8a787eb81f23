"""Charts about seizing opportunities: the pipeline by stage, with age."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from career_workbook.charts._registry import CHARTS
from career_workbook.charts._repel import NAMED_PER_ROW, most_urgent, repelled_labels
from career_workbook.charts._style import (
    ALERT,
    CURRENT,
    MUTED,
    as_timestamp,
    day_name,
    headline,
    is_empty,
    new_figure,
    numeric,
    placeholder_figure,
    require,
    shorts,
    styled,
    subtitle,
    wrap_label,
)
from career_workbook.model import OPPORTUNITY_STAGES
from career_workbook.wording import plural

__all__ = ["plot_opportunities"]

_OPEN = ("spotted", "exploring", "applied", "interviewing")
_LABELS = {"spotted": "Spotted", "exploring": "Exploring", "applied": "Applied",
           "interviewing": "Interviewing", "offer": "Offer", "declined": "Declined",
           "not_now": "Not now"}


def _placeholder() -> Figure:
    spec = CHARTS["opportunities"]
    return placeholder_figure(spec.empty_message, title=spec.title, label="opportunities")


@styled
def plot_opportunities(status: pd.DataFrame, today: Any = None, *, stale_weeks: int = 3,
                       title: str | None = None) -> Figure:
    """Opportunities by stage (rows, first stage on top) and days since spotted (x).

    The open stages are always shown, so an empty row says where the pipeline is thin;
    outcomes (offer, declined, not now) only when they hold something. A red ring marks a
    stale opportunity (open, no movement for ``stale_weeks`` weeks) and names it.

    Parameters
    ----------
    status : DataFrame
        ``opportunity_status_frame(wb, today)`` (``title``, ``stage``, ``age_days``,
        ``stale``).

    >>> df = pd.DataFrame({"title": ["Lead the migration", "Talk at PyData"],
    ...                    "stage": ["exploring", "applied"], "age_days": [40, 12],
    ...                    "stale": [True, False]})
    >>> plot_opportunities(df).get_suptitle()
    '1 opportunity stale: no movement in 3+ weeks'
    """
    if is_empty(status):
        return _placeholder()
    require(status, ("title", "stage", "age_days"), "plot_opportunities",
            "opportunity_status_frame(wb, today)")
    df = status.reset_index(drop=True).copy()
    df["age_days"] = numeric(df["age_days"]).fillna(0).clip(lower=0)
    df["stale"] = df["stale"].fillna(False).astype(bool) if "stale" in df else False
    df["stage"] = df["stage"].fillna("spotted").astype(str)
    present = set(df["stage"])
    rows = [s for s in OPPORTUNITY_STAGES if s in _OPEN or s in present]
    rows += sorted(present - set(OPPORTUNITY_STAGES))
    row_of = {r: len(rows) - 1 - i for i, r in enumerate(rows)}  # first stage on top
    counts = df["stage"].value_counts()

    df["y"] = 0.0
    for stage, group in df.groupby("stage", sort=False):
        order = group.sort_values("age_days", kind="stable").index
        offsets = np.linspace(-0.22, 0.22, len(order)) if len(order) > 1 else [0.0]
        df.loc[order, "y"] = row_of[stage] + np.asarray(offsets)

    span = max(60.0, float(df["age_days"].max()) * 1.1)
    fig = new_figure(2.1 + 0.55 * len(rows) + 0.5, label="opportunities")
    ax = fig.add_subplot()
    colours = [CURRENT if s in _OPEN else MUTED for s in df["stage"]]
    ax.scatter(df["age_days"], df["y"], s=70, c=colours, alpha=0.8, edgecolors="white",
               linewidths=0.8, zorder=3)
    stale = df[df["stale"]]
    # per stage, the few without movement for longest (days since spotted when the frame
    # does not say): a row has room for only a few names level with their dots
    named = most_urgent(stale, "stage", "days_still" if "days_still" in stale else "age_days")
    if len(stale):
        ax.scatter(stale["age_days"], stale["y"], s=180, facecolors="none",
                   edgecolors=ALERT, linewidths=2, zorder=4)
        repelled_labels(ax, named["age_days"].to_numpy(), named["y"].to_numpy(),
                        shorts(named["title"], 30),
                        color=ALERT, zorder=5, pad_pt=10)
    ax.set_xlim(-span * 0.03, span * 1.45)  # room on the right for names
    ax.set_yticks([row_of[r] for r in rows],
                  [f"{_LABELS.get(r, wrap_label(r, 16, max_lines=1))} ({counts.get(r, 0)})"
                   for r in rows])
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("Days since you spotted it")
    fig.legend(handles=[
        Line2D([], [], marker="o", linestyle="none", color=CURRENT, markersize=8,
               label="open"),
        Line2D([], [], marker="o", linestyle="none", color=MUTED, markersize=8,
               label="offer, declined or not now"),
        Line2D([], [], marker="o", linestyle="none", markerfacecolor="none",
               markeredgecolor=ALERT, markeredgewidth=2, markersize=11,
               label=f"no movement for {stale_weeks}+ weeks")],
        loc="outside lower center", ncols=3)

    n_open = int(df["stage"].isin(_OPEN).sum())
    if len(stale):
        head = f"{plural(len(stale), 'opportunity', 'opportunities')} stale: no movement in " \
               f"{stale_weeks}+ weeks"
    elif counts.get("offer", 0):
        head = f"{plural(int(counts['offer']), 'offer')} on the table"
    elif counts.get("interviewing", 0):
        head = f"{plural(int(counts['interviewing']), 'opportunity', 'opportunities')} " \
               "at interview stage"
    elif n_open:
        head = f"{plural(n_open, 'open opportunity', 'open opportunities')}, all moving"
    else:
        head = "No open opportunities: time to spot the next one"
    headline(fig, head, title)
    note = f"{plural(len(df), 'opportunity', 'opportunities')}, {n_open} open"
    now = as_timestamp(today)
    if now is not None:
        note += f"; as of {day_name(now)}"
    if len(stale) > len(named):
        note += (f"; named: the {NAMED_PER_ROW} longest without movement in each stage, "
                 f"{len(stale) - len(named)} more not named")
    subtitle(ax, note)
    return fig
