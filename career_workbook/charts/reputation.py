"""The reputation chart: colleagues' view of the behaviours a reputation rests on."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from career_workbook.analysis.reputation import BEHAVIOUR_LEVELS
from career_workbook.charts._registry import CHARTS, NOT_ENOUGH_RATERS
from career_workbook.charts._style import (
    CURRENT,
    TARGET,
    as_timestamp,
    day_name,
    headline,
    is_empty,
    new_figure,
    numeric,
    placeholder_figure,
    require,
    short,
    styled,
    subtitle,
    wrap_label,
)
from career_workbook.wording import plural

__all__ = ["plot_reputation"]

GROW_BELOW = 3.5
"""A behaviour colleagues rate below this (0-5) is named as room to grow."""


def _placeholder(message: str | None = None) -> Figure:
    spec = CHARTS["reputation"]
    return placeholder_figure(message or spec.empty_message, title=spec.title,
                              label="reputation")


@styled
def plot_reputation(rep: pd.DataFrame, *, min_raters: int = 3, title: str | None = None,
                    today: Any = None) -> Figure:
    """Colleagues' mean rating (bars, 0-5) of each reputation behaviour, your own beside it.

    Only behaviours rated by at least ``min_raters`` colleagues are drawn (the frame already
    hides the others' mean below that): a single colleague's answer is never shown.

    Parameters
    ----------
    rep : DataFrame
        ``reputation_frame(wb)`` (``label``, ``self``, ``others``, ``n_others``).

    >>> df = pd.DataFrame({"label": ["Reliable", "Shares credit"], "self": [4.0, np.nan],
    ...                    "others": [2.7, 4.3], "n_others": [3, 4]})
    >>> plot_reputation(df).get_suptitle()
    'Room to grow: Reliable'
    """
    if is_empty(rep):
        return _placeholder()
    require(rep, ("label", "others"), "plot_reputation", "reputation_frame")
    df = rep.reset_index(drop=True).copy()
    df["others"] = numeric(df["others"])
    df["self"] = numeric(df["self"]) if "self" in df else np.nan
    n = numeric(df["n_others"]) if "n_others" in df else pd.Series(np.nan, df.index)
    shown = df[df["others"].notna() & (n.isna() | (n >= min_raters))].reset_index(drop=True)
    if shown.empty:
        if n.fillna(0).max() > 0:
            return _placeholder(NOT_ENOUGH_RATERS.format(n=min_raters))
        return _placeholder()

    fig = new_figure(1.9 + 0.5 * len(shown) + 0.5, label="reputation")
    ax = fig.add_subplot()
    y = np.arange(len(shown))[::-1]
    ax.barh(y, shown["others"], height=0.55, color=CURRENT, alpha=0.85, zorder=2)
    own = shown["self"].notna()
    if own.any():
        ax.scatter(shown.loc[own, "self"], y[own.to_numpy()], marker="D", s=55, color=TARGET,
                   edgecolors="white", linewidths=0.8, zorder=3)
    for yi, value in zip(y, shown["others"], strict=True):
        ax.annotate(f"{value:.1f}", xy=(value, yi), xytext=(4, 0), textcoords="offset points",
                    va="center", ha="left", fontsize=9, color="#333333")
    ax.set_yticks(y, [wrap_label(label, 26, max_lines=2) for label in shown["label"]])
    ax.set_xlim(0, 5.6)
    ax.set_xticks(range(6), [f"{n}\n{wrap_label(words.split(' — ')[0], 9, max_lines=2)}"
                             for n, words in BEHAVIOUR_LEVELS.items()], fontsize=8.5)
    ax.set_ylim(-0.6, len(shown) - 0.4)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("How often colleagues see you do it (mean, 0-5)")
    handles = [Patch(color=CURRENT, alpha=0.85, label="colleagues (3 or more, pooled)")]
    if own.any():
        handles.append(Line2D([], [], marker="D", linestyle="none", color=TARGET,
                              markersize=7, label="your own rating"))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles))

    lowest = shown.loc[shown["others"].idxmin()]
    if lowest["others"] < GROW_BELOW:
        head = f"Room to grow: {short(lowest['label'], 48)}"
    else:
        best = shown.loc[shown["others"].idxmax()]
        head = f"Strongest: {short(best['label'], 50)}"
    headline(fig, head, title)
    note = (f"{plural(len(shown), 'behaviour')} rated by at least {min_raters} colleagues; "
            "groups are pooled to keep raters anonymous")
    hidden = len(df) - len(shown)
    if hidden:
        note += f"; {hidden} not shown"
    now = as_timestamp(today)
    if now is not None:
        note += f"; as of {day_name(now)}"
    subtitle(ax, note)
    return fig
