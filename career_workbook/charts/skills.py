"""Skill charts: radar, biggest gaps, readiness over time, 360 feedback."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from career_workbook.analysis.feedback import (
    AGREEMENT_BAND,
    STRENGTH_LEVEL,
    agreement_words,
    quadrant,
)
from career_workbook.charts._registry import (
    CHARTS,
    NO_GAPS,
    NO_RATINGS,
    NO_SELF_RATINGS,
    NO_SKILLS_TO_RATE,
    NOT_ENOUGH_RATERS,
    RADAR_TOO_FEW,
    RATE_THEM,
)
from career_workbook.charts._repel import repelled_labels
from career_workbook.charts._style import (
    ALERT,
    CURRENT,
    GOOD,
    MUTED,
    OTHERS,
    PALETTE,
    ROLE,
    TARGET,
    clean_text,
    date_axis,
    dates,
    headline,
    is_empty,
    new_figure,
    number,
    numeric,
    one_day_axis,
    placeholder_figure,
    polar_labels,
    polar_spokes,
    require,
    row_height,
    setup_polar,
    short,
    shorts,
    since_name,
    styled,
    subtitle,
    wrap_label,
)
from career_workbook.model import SKILL_CATEGORIES
from career_workbook.wording import listing, percent, plural, whole_percent

__all__ = [
    "AGREEMENT_BAND", "STRENGTH_LEVEL", "plot_feedback_360", "plot_readiness",
    "plot_skill_gaps", "plot_skill_radar",
]

CATEGORY_COLOURS = {
    "technical": PALETTE["blue"], "soft": PALETTE["orange"],
    "leadership": PALETTE["green"], "domain": PALETTE["purple"],
}
QUADRANT_COLOURS = {
    "agreed strength": GOOD, "agreed development area": PALETTE["orange"],
    "blind spot": ALERT, "hidden strength": PALETTE["blue"],
}
UNRATED_LEFT_OUT = "a skill not rated yet is left out until you rate it (step 01)"
"""How readiness counts a skill never rated: said wherever readiness is shown with one."""
FEEDBACK_NAMED = 12
"""The most spots the 360 chart names: 40 skills' labels filled the plot from 0 to 5, most
pushed far from their dots (one at 0.6 for a dot at 2.8 read as colleagues' 0.6); beyond
this many, the spots furthest from agreement are named and the subtitle counts the rest."""
RADAR_MAX = 16
"""At most this many spokes on the radar: with more, their names overlap (the gap chart and
the tables list every skill)."""


def _placeholder(slug: str, message: str | None = None) -> Figure:
    spec = CHARTS[slug]
    return placeholder_figure(message or spec.empty_message, title=spec.title, label=slug)


def _gap_frame(gaps: pd.DataFrame, func: str) -> pd.DataFrame:
    require(gaps, ("skill", "current", "target"), func, "skill_gap_frame")
    df = gaps.copy()
    for col in ("current", "target", "role_target", "own_target", "others", "importance",
                "gap", "weighted_gap"):
        if col in df:
            df[col] = numeric(df[col])
    if "gap" not in df:
        df["gap"] = df["target"] - df["current"]
    if "weighted_gap" not in df:
        weight = df.get("importance", 1.0)
        df["weighted_gap"] = df["gap"].clip(lower=0) * weight
    return df


def _has_role(df: pd.DataFrame) -> bool:
    """Whether a role profile was chosen: some rows have the role's target."""
    return "role_target" in df and bool(df["role_target"].notna().any())


def _in_role(df: pd.DataFrame) -> pd.Series:
    """The rows the chosen role profile lists (every row when no role was chosen): the
    skills a "biggest gap" and readiness are about. The person's other skills keep their
    own targets and are shown, marked as theirs."""
    if _has_role(df):
        return df["role_target"].notna()
    return pd.Series(True, index=df.index)


def _profile(role_title: str | None) -> str:
    """The role profile as a headline names it."""
    return f"the {short(role_title, 40)} profile" if role_title else "the role profile"


def _unrated_targets(df: pd.DataFrame) -> int:
    """How many skills are "not rated yet" (readiness leaves them out): the role's (every
    skill's, without a role) with a target above 0 and no rating yet; the count of
    :func:`~career_workbook.analysis.skills.unrated_in_readiness`."""
    in_role = df["_in_role"] if "_in_role" in df else _in_role(df)
    return int((in_role & df["current"].isna() & (df["target"] > 0)).sum())


def _no_gap(has_role: bool, role_title: str | None, unrated: int) -> str:
    """The headline when no rated skill (of the role, when one was chosen) is below its
    target, saying how many are not rated yet: readiness leaves them out, so "no gap"
    alone would read as "ready".

    >>> _no_gap(True, "Analyst", 13)
    'No gap to the Analyst profile among the skills you rated; 13 of its skills not rated yet'
    >>> _no_gap(False, None, 0)
    'Every rated skill is at or above target'
    """
    if has_role:
        head = f"No gap to {_profile(role_title)} among the skills you rated"
        return head + (f"; {unrated} of its skills not rated yet" if unrated else "")
    return ("Every rated skill is at or above target"
            + (f"; {plural(unrated, 'skill')} not rated yet" if unrated else ""))


def _biggest_gap(df: pd.DataFrame) -> pd.Series | None:
    """The biggest measured weighted gap, among the role's skills when one was chosen."""
    in_role = df["_in_role"] if "_in_role" in df else _in_role(df)
    rated = df[df["current"].notna() & df["weighted_gap"].notna() & (df["gap"] > 0)
               & in_role]
    if rated.empty:
        return None
    # ties keep the frame's order (skill_gap_frame's priority): the one rule of top_gap
    return rated.sort_values("weighted_gap", ascending=False, kind="stable").iloc[0]


def _radar_rows(df: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """At most :data:`RADAR_MAX` rows of ``df``, in their own order, and whether the
    biggest gap had to be added to them: with a role profile its skills first (``_in_role``,
    when the frame has it), then the most important skills (ties: rated before unrated,
    then the biggest weighted gap), and the biggest gap, which the headline names, always.

    >>> df = pd.DataFrame({"skill": list("ABCDEFGHIJKLMNOPQR"), "importance": [3.0] * 2
    ...                    + [4.0] * 16, "current": [1.0] * 2 + [np.nan] * 16,
    ...                    "target": [4.0] * 18, "gap": [3.0] * 2 + [np.nan] * 16,
    ...                    "weighted_gap": [9.0, 6.0] + [np.nan] * 16})
    >>> rows, added = _radar_rows(df)
    >>> "".join(rows["skill"]), added  # A, the biggest gap, beside the 15 most important
    ('ACDEFGHIJKLMNOPQ', True)
    """
    if len(df) <= RADAR_MAX:
        return df, False
    rank = pd.DataFrame({"in_role": df.get("_in_role", True),
                         "importance": df.get("importance", 0.0),
                         "rated": df["current"].notna(),
                         "gap": df["weighted_gap"]}, index=df.index).fillna(-1.0)
    order = rank.sort_values(["in_role", "importance", "rated", "gap"], ascending=False,
                             kind="stable").index.tolist()
    biggest = _biggest_gap(df)
    added = biggest is not None and biggest.name not in order[:RADAR_MAX]
    if biggest is not None:
        order.remove(biggest.name)
        order.insert(0, biggest.name)
    return df.loc[[i for i in df.index if i in set(order[:RADAR_MAX])]], added


def _radar_shown(n: int, total: int, added: bool, has_role: bool, in_role: int,
                 in_role_shown: int) -> str:
    """What the legend says of a radar showing ``n`` of ``total`` skills (``in_role`` of
    them the role profile's, ``in_role_shown`` of those drawn).

    >>> _radar_shown(16, 18, False, True, 14, 14)
    "; the profile's 14 skills and your 2 most important of 4 others"
    >>> _radar_shown(16, 29, True, False, 29, 16)
    '; the biggest gap and the 15 most important of your 29 skills'
    """
    if not has_role:
        of = f"of your {total} skills"
        return (f"; the biggest gap and the {n - 1} most important {of}" if added else
                f"; the {n} most important {of}")
    if in_role_shown < in_role:  # the profile alone has more skills than the radar shows
        of = f"of the profile's {in_role} skills"
        return (f"; the biggest gap and the {n - 1} most important {of}" if added else
                f"; the {n} most important {of}")
    others, drawn = total - in_role, n - in_role_shown
    return (f"; the profile's {in_role} skills and your {drawn} most important of "
            f"{others} others" if drawn else
            f"; the profile's {in_role} skills, not your {plural(others, 'other')}")


# ----------------------------------------------------------------------------------------
@styled
def plot_skill_radar(gaps: pd.DataFrame, *, show_role: bool = True, show_others: bool = True,
                     title: str | None = None, today: Any = None,
                     role_title: str | None = None) -> Figure:
    """Radar of skill levels (0-5): where you are, your target, the role's, others' view.

    "Your target" is the person's own target (``own_target`` when the frame has it, else
    ``target``); a chosen role profile's targets are their own line. With a role profile
    (some ``role_target``), the biggest gap named in the headline is the biggest among the
    role's skills, as readiness counts them; the person's other skills are drawn too,
    marked "(not in the role)".

    Parameters
    ----------
    gaps : DataFrame
        The output of ``skill_gap_frame`` (``skill``, ``current``, ``target``; optional
        ``category``, ``role_target``, ``own_target``, ``others``, ``gap``,
        ``weighted_gap``).
    show_role, show_others : bool
        Draw the role profile's targets / colleagues' mean rating, when the frame has them.
    title : str, optional
        Replaces the computed headline ("Biggest gap: Negotiation").
    today : date, optional
        Unused; accepted so that every ``plot_*`` function takes it.
    role_title : str, optional
        The chosen role profile's title, named in the headline.

    Skills are grouped by category so that the shape is stable from one review to the next.
    Skills not rated yet are marked "(not rated)"; when no rated skill is below target the
    headline says how many are not rated yet (readiness leaves them out). With more than
    :data:`RADAR_MAX` skills the radar shows that many: the role profile's first, then the
    most important (ties: rated first), and the biggest gap always; the legend says so.
    Every line has markers: a role skill whose neighbours the role does not list still
    shows its level.

    >>> df = pd.DataFrame({"skill": ["SQL", "Python", "Negotiation"],
    ...                    "current": [2.0, 4.0, 1.0], "target": [4.0, 4.0, 4.0]})
    >>> plot_skill_radar(df).get_suptitle()
    'Biggest gap: Negotiation'
    """
    if is_empty(gaps):
        return _placeholder("skill_radar")
    df = _gap_frame(gaps, "plot_skill_radar")
    if len(df) < 3:
        return _placeholder("skill_radar", RADAR_TOO_FEW)
    total = len(df)
    has_role = _has_role(df)
    df = df.assign(_in_role=_in_role(df))
    unrated = _unrated_targets(df)
    in_role_total = int(df["_in_role"].sum())
    df, added = _radar_rows(df)
    if "category" in df:
        rank = {c: i for i, c in enumerate(SKILL_CATEGORIES)}
        df["_order"] = df["category"].map(rank).fillna(len(rank))
        df = df.sort_values("_order", kind="stable")
    df = df.reset_index(drop=True)
    n = len(df)
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    loop = np.append(angles, angles[0])

    def closed(col: str) -> np.ndarray:
        values = df[col].to_numpy(dtype=float)
        return np.append(values, values[0])

    fig = new_figure(7.0 if n <= 10 else 8.0, label="skill_radar")
    ax = fig.add_subplot(projection="polar")
    setup_polar(ax, 5.0, [1, 2, 3, 4, 5], n)
    polar_spokes(ax, angles)
    handles = []
    if show_role and "role_target" in df and df["role_target"].notna().any():
        # markers: a role skill between two skills the role does not list has no line to
        # its neighbours, yet its level is shown
        (line,) = ax.plot(loop, closed("role_target"), color=ROLE, linewidth=5, alpha=0.4,
                          marker="o", markersize=11, label="Role profile")
        handles.append(line)
    own = "own_target" if "own_target" in df and df["own_target"].notna().any() else "target"
    (line,) = ax.plot(loop, closed(own), color=TARGET, linestyle="--", linewidth=1.8,
                      marker="D", markersize=4, label="Your target")
    handles.append(line)
    if show_others and "others" in df and df["others"].notna().any():
        (line,) = ax.plot(loop, closed("others"), color=OTHERS, linewidth=1.6, marker="s",
                          markersize=4, label="Colleagues' view")
        handles.append(line)
    current = closed("current")
    (line,) = ax.plot(loop, current, color=CURRENT, linewidth=2.4, marker="o", markersize=5,
                      label="You now")
    handles.append(line)
    if not np.isnan(current).any():
        ax.fill(loop, current, color=CURRENT, alpha=0.14, linewidth=0)

    biggest = _biggest_gap(df)
    labels = []
    for _, row in df.iterrows():
        label = wrap_label(row["skill"], 18, max_lines=3)
        if pd.isna(row["current"]):
            label += "\n(not rated)"
        if not row["_in_role"]:
            label += "\n(not in the role)"
        labels.append(label)
    texts = polar_labels(ax, angles, labels, 5.55, fontsize=9.5)
    for text, (_, row) in zip(texts, df.iterrows(), strict=True):
        if biggest is not None and row["skill"] == biggest["skill"]:
            text.set_fontweight("bold")
        if pd.isna(row["current"]):
            text.set_color(MUTED)

    if df["current"].isna().all():
        head = "No self-ratings yet: your targets only"
    elif biggest is None:
        head = _no_gap(has_role, role_title, unrated)
    else:
        head = (f"Biggest gap to {_profile(role_title)}: " if has_role else "Biggest gap: ") \
            + short(biggest["skill"], 50)
    headline(fig, head, title)
    # On a polar axes the metric goes with the legend: a title would collide with labels.
    shown = "" if total <= n else _radar_shown(n, total, added, has_role, in_role_total,
                                                int(df["_in_role"].sum()))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles),
               title=f"Skill level 0-5 (0 = none, 5 = expert){shown}")
    return fig


# ----------------------------------------------------------------------------------------
@styled
def plot_skill_gaps(gaps: pd.DataFrame, top: int = 12, *, title: str | None = None,
                    today: Any = None, role_title: str | None = None) -> Figure:
    """Horizontal bars of the biggest weighted skill gaps, biggest on top.

    Each bar is annotated "current → target". Only measured gaps are drawn: skills at or
    above target, skills without a ``weighted_gap`` and skills not rated yet are left out;
    the subtitle asks the person to rate the unrated ones.

    With a role profile (some ``role_target``) the chart is about it, as readiness is: its
    skills' gaps come first and the headline names the biggest of them; the person's other
    skills, measured against their own targets, are drawn below them, hatched, and the
    subtitle says so. When no rated skill of the role (or of the person, without one) is
    below target, the headline says how many are not rated yet (the count of
    :func:`~career_workbook.analysis.skills.unrated_in_readiness`): readiness leaves them
    out. The headline's skill is :func:`~career_workbook.analysis.skills.top_gap`'s.

    Parameters
    ----------
    gaps : DataFrame
        The output of ``skill_gap_frame`` (``skill``, ``current``, ``target``,
        ``weighted_gap``; optional ``category``).
    top : int
        Show at most this many skills.
    role_title : str, optional
        The chosen role profile's title, named in the headline.

    >>> df = pd.DataFrame({"skill": ["SQL", "Negotiation"], "current": [3.0, 1.0],
    ...                    "target": [4.0, 4.0], "weighted_gap": [2.0, 12.0]})
    >>> fig = plot_skill_gaps(df)
    >>> fig.get_suptitle(), [float(p.get_width()) for p in fig.axes[0].patches]
    ('Biggest gap: Negotiation', [2.0, 12.0])
    >>> df["role_target"] = [4.0, np.nan]  # a role that lists SQL, not Negotiation
    >>> plot_skill_gaps(df, role_title="Analyst").get_suptitle()
    'Biggest gap to the Analyst profile: SQL'
    """
    if is_empty(gaps):
        return _placeholder("skill_gaps")
    df = _gap_frame(gaps, "plot_skill_gaps")
    has_role = _has_role(df)
    not_rated = _unrated_targets(df)
    # the person's own skills outside the role, never rated: said apart from the count
    own_unrated = int((~_in_role(df) & df["current"].isna() & (df["target"] > 0)).sum())
    shown = df[df["current"].notna() & (df["gap"] > 0) & (df["weighted_gap"] > 0)]
    if shown.empty:
        if df["current"].isna().all():
            return _placeholder("skill_gaps", NO_RATINGS)
        return _placeholder("skill_gaps", NO_GAPS if not not_rated else
                            f"{_no_gap(has_role, role_title, not_rated)} — {RATE_THEM}")
    n_gaps = len(shown)
    shown = shown.assign(_in_role=_in_role(df)[shown.index])
    # ties keep the frame's order (skill_gap_frame's priority): the one rule of top_gap
    shown = shown.sort_values(["_in_role", "weighted_gap"], ascending=False, kind="stable")
    shown = shown.head(max(int(top), 1)).iloc[::-1]  # biggest last = on top
    own = ~shown["_in_role"].to_numpy(dtype=bool)  # the person's own, outside the role

    labels = [wrap_label(s, 28, max_lines=2) for s in shown["skill"]]
    categories = shown["category"] if "category" in shown else pd.Series([None] * len(shown))
    present = [c for c in SKILL_CATEGORIES if c in set(categories)]
    handles = [Patch(color=CATEGORY_COLOURS[c], label=c.capitalize()) for c in present
               ] if len(present) > 1 else []
    if own.any():
        handles.append(Patch(facecolor="white", edgecolor=MUTED, hatch="///",
                             label="Your own target, not in the role"))
    fig = new_figure(1.9 + row_height(labels) * len(shown) + (0.4 if handles else 0.0),
                     label="skill_gaps")
    ax = fig.add_subplot()
    y = np.arange(len(shown))
    colours = [CATEGORY_COLOURS.get(c, CURRENT) for c in categories]
    bars = ax.barh(y, shown["weighted_gap"].to_numpy(), height=0.62, color=colours)
    for bar, colour, mine in zip(bars, colours, own, strict=True):
        if mine:  # the person's own target, outside the role profile: hatched, lighter
            bar.set_facecolor("white")
            bar.set_edgecolor(colour)
            bar.set_hatch("///")
    ax.set_yticks(y, labels)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    for yi, (_, row) in zip(y, shown.iterrows(), strict=True):
        ax.annotate(f"{number(row['current'])} → {number(row['target'])}",
                    xy=(row["weighted_gap"], yi), xytext=(5, 0), textcoords="offset points",
                    va="center", ha="left", fontsize=9, color="#444444")
    ax.set_xlim(0, float(shown["weighted_gap"].max()) * 1.2)
    ax.set_ylim(-0.6, len(shown) - 0.4)
    ax.set_xlabel("Weighted gap (levels to go × importance)")
    if handles:  # under the chart: bars of equal length (a first rating) fill every corner
        fig.legend(handles=handles, loc="outside lower center", ncols=len(handles))

    top_row = shown.iloc[-1]
    profile = _profile(role_title)
    if not has_role:
        head = f"Biggest gap: {short(top_row['skill'], 50)}"
    elif top_row["_in_role"]:
        head = f"Biggest gap to {profile}: {short(top_row['skill'], 50)}"
    else:
        head = _no_gap(True, role_title, not_rated)
    headline(fig, head, title)
    note = f"Top {len(shown)} of {plural(n_gaps, 'rated skill')} below target"
    if own.all():
        note += f"; all your own targets, outside {profile} (hatched)"
    elif own.any():
        note += f"; gaps to {profile} first, then your own targets outside it (hatched)"
    note += "; labels show current → target level"
    if not_rated:
        note += f"; {plural(not_rated, 'skill')} not rated yet: rate to see the gap"
    if own_unrated:
        note += (f"; {plural(own_unrated, 'skill')} of your own outside {profile} not rated "
                 "yet either")
    subtitle(ax, note)
    return fig


# ----------------------------------------------------------------------------------------
@styled
def plot_readiness(readiness_history: pd.DataFrame, role_title: str | None = None, *,
                   title: str | None = None, today: Any = None) -> Figure:
    """Readiness for the target role (0-100 %) over time.

    A skill not rated yet is left out (see
    :func:`~career_workbook.analysis.skills.unrated_in_readiness`): when the latest point
    leaves some out, the headline says how many and the subtitle the rule, so the
    percentage is read as what it is: the share of the rated skills' targets met.

    Parameters
    ----------
    readiness_history : DataFrame
        The output of ``readiness_history_frame`` (``date``, ``readiness``; optional
        ``unrated``).
    role_title : str, optional
        The target role, named in the headline and subtitle.

    >>> df = pd.DataFrame({"date": pd.to_datetime(["2026-03-01", "2026-09-01"]),
    ...                    "readiness": [57.0, 72.0]})
    >>> plot_readiness(df).get_suptitle()
    'Readiness 72% — up 15 points since March'
    >>> df["unrated"] = [4, 2]
    >>> " ".join(plot_readiness(df).get_suptitle().split())
    'Readiness 72% — up 15 points since March; 2 skills not rated yet'
    """
    if is_empty(readiness_history):
        return _placeholder("readiness")
    require(readiness_history, ("date", "readiness"), "plot_readiness",
            "readiness_history_frame")
    df = pd.DataFrame({"date": dates(readiness_history["date"]),
                       "readiness": numeric(readiness_history["readiness"]),
                       "unrated": numeric(readiness_history["unrated"])
                       if "unrated" in readiness_history else 0.0})
    df = df.dropna(subset=["date", "readiness"]).sort_values("date", kind="stable")
    if df.empty:
        return _placeholder("readiness")
    fig = new_figure(4.6, label="readiness")
    ax = fig.add_subplot()
    x, values = df["date"].to_numpy(), df["readiness"].to_numpy()
    ax.plot(x, values, color=CURRENT, marker="o", linewidth=2.4)
    ax.fill_between(x, values, 0, color=CURRENT, alpha=0.1, linewidth=0)
    ax.annotate(percent(values[-1]), xy=(x[-1], values[-1]), xytext=(0, 8),
                textcoords="offset points", ha="center", fontweight="bold", color=CURRENT)
    ax.set_ylim(0, 105)
    ax.set_yticks(range(0, 101, 20), [f"{v}%" for v in range(0, 101, 20)])
    if len(df) == 1:
        one_day_axis(ax, x[0])
    else:
        date_axis(ax.xaxis)

    role = short(role_title, 50) if role_title else ""
    last, first = values[-1], values[0]
    unrated = int(df["unrated"].fillna(0).iloc[-1])
    head = f"Readiness {percent(last)}"  # as the cover rounds it (wording.whole_percent)
    if len(df) == 1:
        head += f" for {role}" if role else ""
        head += f" — {plural(unrated, 'skill')} not rated yet" if unrated else ""
    else:
        since = since_name(pd.Timestamp(x[0]), pd.Timestamp(x[-1]))
        delta = whole_percent(last) - whole_percent(first)  # the points between the two shown
        if delta == 0:
            head += f" — unchanged since {since}"
        else:
            direction = "up" if delta > 0 else "down"
            head += f" — {direction} {plural(abs(delta), 'point')} since {since}"
        head += f"; {plural(unrated, 'skill')} not rated yet" if unrated else ""
    headline(fig, head, title)
    note = (f"How much of the {role} profile you meet (0-100%)" if role
            else "How much of your own skill targets you meet (0-100%)")
    if unrated:
        note += f"; {UNRATED_LEFT_OUT}"
    subtitle(ax, note)
    return fig


# ----------------------------------------------------------------------------------------
@styled
def plot_feedback_360(fb: pd.DataFrame, *, min_raters: int = 3, title: str | None = None,
                      today: Any = None, has_skills: bool = True) -> Figure:
    """Self-rating (x) against colleagues' mean rating (y), with the four quadrants.

    Points are coloured by the frame's ``quadrant``; the grey band is where self and
    others agree (:data:`~career_workbook.analysis.feedback.AGREEMENT_BAND`: at most one
    level apart, the rule of the ``quadrant`` the headline counts), split by a dotted line
    where an agreed strength begins (the two ratings average :data:`STRENGTH_LEVEL`); the
    legend names both.
    Skills rated by fewer than ``min_raters`` colleagues are not shown, to keep feedback
    anonymous, nor skills you have not rated yourself: the subtitle counts and names both
    (every skill of the frame is shown or named there).

    With nothing to show, the placeholder names the first step missing: the skills to
    ask about (``has_skills=False``), colleagues' ratings, enough raters, or your own.

    Parameters
    ----------
    fb : DataFrame
        The output of ``feedback_360_frame`` (``skill``, ``self``, ``others``,
        ``n_others``, ``quadrant``).

    >>> df = pd.DataFrame({"skill": ["SQL", "Negotiation"], "self": [3.0, 4.0],
    ...                    "others": [3.2, 2.0], "n_others": [4, 4],
    ...                    "quadrant": ["agreed development area", "blind spot"]})
    >>> plot_feedback_360(df).get_suptitle()
    'Blind spot: Negotiation'
    """
    if is_empty(fb):
        return _placeholder("feedback_360", None if has_skills else NO_SKILLS_TO_RATE)
    require(fb, ("skill", "self", "others"), "plot_feedback_360", "feedback_360_frame")
    df = fb.copy()
    df["self"], df["others"] = numeric(df["self"]), numeric(df["others"])
    n_others = numeric(df["n_others"]) if "n_others" in df else pd.Series(np.nan, df.index)
    enough = n_others.isna() | (n_others >= min_raters)
    theirs = df["others"].notna() & enough
    shown = df[df["self"].notna() & theirs].reset_index(drop=True)
    unrated = int((theirs & df["self"].isna()).sum())  # colleagues' view, not yours
    if shown.empty:
        if unrated:
            return _placeholder("feedback_360", NO_SELF_RATINGS.format(
                n=plural(unrated, "skill"), them="it" if unrated == 1 else "them"))
        if n_others.fillna(0).max() > 0 or df["others"].notna().any():
            return _placeholder("feedback_360", NOT_ENOUGH_RATERS.format(n=min_raters))
        return _placeholder("feedback_360")
    if "quadrant" not in shown:
        shown["quadrant"] = [quadrant(s, o) for s, o in zip(shown["self"], shown["others"],
                                                            strict=True)]

    fig = new_figure(7.2, label="feedback_360")
    ax = fig.add_subplot()
    lo, hi = -0.35, 5.35
    grid = np.array([lo, hi])
    ax.fill_between(grid, grid - AGREEMENT_BAND, grid + AGREEMENT_BAND, color="#EEEEEE",
                    linewidth=0, zorder=0)
    ax.plot(grid, grid, color="#BBBBBB", linewidth=1, zorder=0.5)
    half = AGREEMENT_BAND / 2
    strength_line = ax.plot([STRENGTH_LEVEL - half, STRENGTH_LEVEL + half],
                            [STRENGTH_LEVEL + half, STRENGTH_LEVEL - half], color="#888888",
                            linewidth=1.2, linestyle=":", zorder=0.5)[0]
    corner = {"fontsize": 10, "fontstyle": "italic", "alpha": 0.9, "zorder": 0.6}
    ax.text(lo + 0.1, hi - 0.1, "Hidden strength", ha="left", va="top",
            color=QUADRANT_COLOURS["hidden strength"], **corner)
    ax.text(hi - 0.1, lo + 0.1, "Blind spot", ha="right", va="bottom",
            color=QUADRANT_COLOURS["blind spot"], **corner)
    ax.text(hi - 0.1, hi - 0.1, "Agreed strength", ha="right", va="top",
            color=QUADRANT_COLOURS["agreed strength"], **corner)
    ax.text(lo + 0.1, lo + 0.1, "Agreed development area", ha="left", va="bottom",
            color=QUADRANT_COLOURS["agreed development area"], **corner)
    colours = [QUADRANT_COLOURS.get(q, MUTED) for q in shown["quadrant"]]
    ax.scatter(shown["self"], shown["others"], s=60, c=colours, edgecolors="white",
               linewidths=0.8, zorder=3)
    # Skills on the same spot share one label, so a reader never takes two for one.
    spots = shown.groupby([shown["self"].round(2), shown["others"].round(2)], sort=False)
    names = spots["skill"].agg(list)
    unnamed = 0
    if len(names) > FEEDBACK_NAMED:  # the furthest from agreement, in the frame's order
        apart = pd.Series([abs(o - s) for s, o in names.index], index=names.index)
        keep = apart.sort_values(ascending=False, kind="stable").index[:FEEDBACK_NAMED]
        unnamed = int(sum(len(v) for k, v in names.items() if k not in set(keep)))
        names = names[names.index.isin(keep)]
    repelled_labels(ax, names.index.get_level_values(0).to_numpy(dtype=float),
                    names.index.get_level_values(1).to_numpy(dtype=float),
                    [_spot_label(s) for s in names], zorder=4)
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal")
    ax.set_xticks(range(6))
    ax.set_yticks(range(6))
    ax.set_xlabel("How you rate yourself (your latest self-assessment, 0-5)")
    ax.set_ylabel("How colleagues rate you (mean, 0-5)")
    fig.legend(handles=[
        Patch(color="#EEEEEE",
              label=f"grey band: you and colleagues\nagree ({agreement_words()})"),
        Line2D([], [], color=strength_line.get_color(), linestyle=":", linewidth=1.2,
               label=f"dotted line: agreed strength above\nit (the two average "
                     f"{number(STRENGTH_LEVEL)} or more)"),
    ], loc="outside lower center", ncols=2, fontsize=8.5)

    gap = shown["others"] - shown["self"]
    blind = shown.loc[gap.sort_values(kind="stable").index]
    blind = blind.loc[blind["quadrant"] == "blind spot", "skill"].tolist()
    hidden = shown.loc[gap.sort_values(ascending=False, kind="stable").index]
    hidden = hidden.loc[hidden["quadrant"] == "hidden strength", "skill"].tolist()
    if blind:
        head = (f"Blind spot: {short(blind[0], 50)}" if len(blind) == 1
                else f"{len(blind)} blind spots, biggest: {short(blind[0], 40)}")
    elif hidden:
        head = (f"Hidden strength: {short(hidden[0], 50)}" if len(hidden) == 1
                else f"{len(hidden)} hidden strengths, biggest: {short(hidden[0], 40)}")
    else:
        head = f"You and your colleagues agree on {_every(len(shown), 'skill')}"
    headline(fig, head, title)
    note = f"Self-rating vs colleagues' mean for {plural(len(shown), 'skill')}"
    if unnamed:
        note += (f";\nnamed: the {FEEDBACK_NAMED} furthest from agreement; "
                 f"{unnamed} more not named")
    for left_out, why in ((~theirs, f"not shown (fewer than {min_raters} raters)"),
                          (theirs & df["self"].isna(), "not rated by you yet")):
        if left_out.any():
            note += f"\n{plural(int(left_out.sum()), 'skill')} {why}: " \
                    f"{_some_names(df.loc[left_out, 'skill'].tolist())}"
    subtitle(ax, note)
    return fig


def _every(n: int, word: str) -> str:
    """All ``n`` of ``word``, as a headline says it.

    >>> _every(1, "skill"), _every(2, "skill"), _every(5, "skill")
    ('the 1 skill', 'both skills', 'all 5 skills')
    """
    return f"the {plural(n, word)}" if n == 1 else f"both {word}s" if n == 2 else \
        f"all {plural(n, word)}"


def _some_names(names: list[Any], most: int = 5) -> str:
    """The first ``most`` names and how many more, for a subtitle.

    >>> _some_names(["SQL"]), _some_names(["A", "B", "C", "D", "E"], most=3)
    ('SQL', 'A, B, C and 2 more')
    """
    return listing(shorts([str(n) for n in names], 24), most)


def _spot_label(skills: list[Any]) -> str:
    """One label for the skills at one spot: on one line when it fits in 34 characters,
    else each name whole on its own line(s), so a line never reads as the name of another
    point's skill.

    >>> _spot_label(["Writing", "Social Perceptiveness"])
    'Writing; Social Perceptiveness'
    >>> print(_spot_label(["Stakeholder Management", "Conflict Resolution"]))
    Stakeholder Management;
    Conflict Resolution
    >>> _spot_label(["A", "B", "C", "D"]).splitlines()
    ['A;', 'B;', '+2 more']
    """
    if len(skills) == 1:
        return wrap_label(skills[0], 22, max_lines=3)
    one_line = "; ".join(" ".join(clean_text(name).split()) for name in skills)
    if len(skills) <= 3 and len(one_line) <= 34:
        return wrap_label(one_line, 34, max_lines=1)
    shown = skills if len(skills) <= 3 else skills[:2]
    lines = [wrap_label(name, 22, max_lines=2) + ";" for name in shown]
    lines[-1] = lines[-1].removesuffix(";") if shown is skills else lines[-1]
    if shown is not skills:
        lines.append(f"+{len(skills) - len(shown)} more")
    return "\n".join(lines)
