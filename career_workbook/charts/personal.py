"""Charts about the person: network, values wheel, learning hours, wellbeing."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from career_workbook.analysis.profile import TOP_VALUES, top_values_note
from career_workbook.charts._registry import (
    CHARTS,
    LATER_HOURS,
    NO_DATED_LEARNING,
    NO_HOURS,
    NO_WELLBEING,
    ONE_VALUE,
    UNDATED_HOURS,
)
from career_workbook.charts._repel import NAMED_PER_ROW, most_urgent, repelled_labels
from career_workbook.charts._style import (
    ALERT,
    CURRENT,
    GOOD,
    PALETTE,
    SERIES,
    TARGET,
    as_timestamp,
    date_axis,
    dates,
    day_name,
    headline,
    is_empty,
    month_name,
    new_figure,
    number,
    numeric,
    one_day_axis,
    placeholder_figure,
    polar_labels,
    polar_spokes,
    require,
    safe,
    setup_polar,
    short,
    shorts,
    since_name,
    styled,
    subtitle,
    wrap_label,
)
from career_workbook.model import RELATIONSHIPS
from career_workbook.wording import people_words, plural

__all__ = ["plot_learning_hours", "plot_network", "plot_values_wheel", "plot_wellbeing"]

ACTIVE_DAYS = 90
"""A contact is active when the last contact is at most this many days ago."""
NONE_RECORDED = "none\nrecorded"
"""The network chart's place for contacts with no last contact by ``today`` (never, or only
after ``today``)."""
MAX_SKILL_LINES = 6
WHEEL_MAX = 16
"""At most this many wedges on the values wheel (the most important): with more, their
names overlap."""


def _placeholder(slug: str, message: str | None = None) -> Figure:
    spec = CHARTS[slug]
    return placeholder_figure(message or spec.empty_message, title=spec.title, label=slug)


_DAY_TICKS = (0, 30, 60, 90, 120, 150, 180, 270, 365, 548, 730, 1095, 1460, 1825, 2555,
              3650, 5475, 7300, 10950, 18250)


def _day_ticks(span: float) -> list[int]:
    """Ticks for "days since" up to ``span``, at least 7% of it apart (a contact last seen
    years ago squeezed 0, 30, 60, 90... into one unreadable blot), close enough that the
    last one is never far from the data's end (points at 125 and 157 days had no tick
    past 90).

    >>> _day_ticks(170)
    [0, 30, 60, 90, 120, 150]
    >>> _day_ticks(400)
    [0, 30, 60, 90, 120, 150, 180, 270, 365]
    >>> _day_ticks(4000)
    [0, 365, 730, 1095, 1460, 1825, 2555, 3650]
    """
    out: list[int] = []
    for tick in _DAY_TICKS:
        if tick <= span and (not out or tick - out[-1] >= span * 0.07):
            out.append(tick)
    return out


def _days_label(days: int) -> str:
    """``"90"``, or years (to the half year) from 365 days on: ``"1 year"``, ``"1.5 years"``.

    >>> _days_label(90), _days_label(365), _days_label(548), _days_label(3650)
    ('90', '1 year', '1.5 years', '10 years')
    """
    if days < 365:
        return str(days)
    years = round(days / 365 * 2) / 2
    return f"{number(years)} year{'s' if years != 1 else ''}"


# ----------------------------------------------------------------------------------------
@styled
def plot_network(contacts: pd.DataFrame, today: Any = None, *,
                 title: str | None = None) -> Figure:
    """Contacts by relationship (rows) and days since the last contact (x).

    Bigger dots are stronger relationships (1-5). Overdue follow-ups get a red ring and
    the contact's name. The green band marks contacts seen in the last 90 days; contacts
    with no contact recorded (by ``today``) sit at the right, under "none recorded".

    Parameters
    ----------
    contacts : DataFrame
        ``network_summary(wb, today).contacts`` (``name``, ``relationship``, ``days_since``,
        ``overdue``, ``strength``; ``person``: the entries of one person, counted once in
        the headline and the note, which says how many entries there are).
    today : date, optional
        Only named in the subtitle: ``days_since`` is already relative to it.

    >>> df = pd.DataFrame({"name": ["Ana", "Ben"], "relationship": ["mentor", "peer"],
    ...                    "days_since": [10.0, 200.0], "overdue": [False, True],
    ...                    "strength": [4, 2]})
    >>> plot_network(df).get_suptitle()
    '1 follow-up overdue'
    """
    if is_empty(contacts):
        return _placeholder("network")
    require(contacts, ("name", "relationship", "days_since"), "plot_network",
            "network_summary(wb, today).contacts")
    df = contacts.reset_index(drop=True).copy()
    df["days_since"] = numeric(df["days_since"])
    strength = numeric(df["strength"]) if "strength" in df else pd.Series(3.0, df.index)
    df["strength"] = strength.fillna(3).clip(1, 5)
    df["overdue"] = df["overdue"].fillna(False).astype(bool) if "overdue" in df else False
    df["relationship"] = df["relationship"].fillna("other").astype(str)
    known = [r for r in RELATIONSHIPS if r in set(df["relationship"])]
    extra = sorted(set(df["relationship"]) - set(RELATIONSHIPS))
    rows = known + extra
    row_of = {r: len(rows) - 1 - i for i, r in enumerate(rows)}  # first on top

    finite = df["days_since"].dropna()
    span = max(120.0, float(finite.max()) * 1.08 if len(finite) else 0.0)
    never_x = span + max(span * 0.12, 20.0)
    df["x"] = df["days_since"].fillna(never_x).clip(lower=0)
    df["y"] = 0.0
    for rel, group in df.groupby("relationship", sort=False):
        order = group.sort_values("x", kind="stable").index
        offsets = np.linspace(-0.22, 0.22, len(order)) if len(order) > 1 else [0.0]
        df.loc[order, "y"] = row_of[rel] + np.asarray(offsets)

    fig = new_figure(2.1 + 0.62 * len(rows) + 0.5, label="network")
    ax = fig.add_subplot()
    ax.axvspan(0, ACTIVE_DAYS, color=GOOD, alpha=0.09, linewidth=0, zorder=0)
    narrow = span * 0.25 > ACTIVE_DAYS  # years on the axis: the band is a sliver
    ax.annotate(f"active: last {ACTIVE_DAYS} days", xy=(0 if narrow else ACTIVE_DAYS / 2, 1),
                xycoords=("data", "axes fraction"), xytext=(3 if narrow else 0, -3),
                textcoords="offset points", ha="left" if narrow else "center", va="top",
                fontsize=8.5, color=GOOD)
    sizes = 25 + 38 * (df["strength"].to_numpy() - 1)
    ax.scatter(df["x"], df["y"], s=sizes, color=CURRENT, alpha=0.75, edgecolors="white",
               linewidths=0.8, zorder=3)
    late = df[df["overdue"]]
    named = late
    if len(late):
        ax.scatter(late["x"], late["y"], s=sizes[late.index] + 110, facecolors="none",
                   edgecolors=ALERT, linewidths=2, zorder=4)
        # per row, the few most overdue: a row has room for only a few names by their dots
        key = "days_overdue" if "days_overdue" in late else "x"
        named = most_urgent(late, "relationship", key)
        repelled_labels(ax, named["x"].to_numpy(), named["y"].to_numpy(),
                        shorts(named["name"], 26), color=ALERT, zorder=5,
                        pad_pt=11)
    if df["days_since"].isna().any():
        ax.axvline(never_x - (never_x - span) / 2, color="#BBBBBB", linewidth=1,
                   linestyle=":")
    ticks = _day_ticks(span)
    ax.set_xticks([*ticks, never_x] if df["days_since"].isna().any() else ticks,
                  [_days_label(t) for t in ticks]
                  + ([NONE_RECORDED] if df["days_since"].isna().any() else []))
    ax.set_xlim(-span * 0.02, never_x + span * 0.06)
    ax.set_yticks([row_of[r] for r in rows], [safe(r).replace("_", " ").capitalize()
                                              for r in rows])
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("Days since the last contact")
    ring = [Line2D([], [], marker="o", linestyle="none", markerfacecolor="none",
                   markeredgecolor=ALERT, markeredgewidth=2, markersize=12,
                   label="follow-up overdue")] if len(late) else []  # explained when drawn
    fig.legend(handles=[
        Line2D([], [], marker="o", linestyle="none", color=CURRENT, markersize=s, alpha=0.75,
               label=f"strength {k}") for k, s in ((1, 5), (3, 9), (5, 13))] + ring,
        loc="outside lower center", ncols=3 + len(ring))

    n_late = len(late)
    # people, not entries: a person entered twice is reached when either entry is
    person = df["person"] if "person" in df else pd.Series(range(len(df)), df.index)
    by_person = df.assign(_person=person).groupby("_person", sort=False)
    latest = by_person["days_since"].min()
    groups = [list(names) for names in by_person["name"].agg(list)]
    stale = int((latest > ACTIVE_DAYS).sum())
    unknown = int(latest.isna().sum())
    if n_late:
        head = f"{plural(n_late, 'follow-up')} overdue"
    elif stale and unknown:
        head = (f"{plural(stale, 'contact')} not reached in {ACTIVE_DAYS}+ days, "
                f"{unknown} with none recorded")
    elif stale:
        head = f"{plural(stale, 'contact')} not reached in {ACTIVE_DAYS}+ days"
    elif unknown:
        head = f"{plural(unknown, 'contact')} with no contact recorded yet"
    else:
        head = f"All {plural(len(groups), 'contact')} reached in the last {ACTIVE_DAYS} days"
    headline(fig, head, title)
    now = as_timestamp(today)
    note = f"{people_words(groups)}; bigger dot = stronger relationship (1-5)"
    if now is not None:
        note += f"; as of {day_name(now)}"
    if n_late > NAMED_PER_ROW and n_late > len(named):
        note += (f"; named: the {NAMED_PER_ROW} most overdue in each row, "
                 f"{n_late - len(named)} more not named")
    subtitle(ax, note)
    return fig


# ----------------------------------------------------------------------------------------
@styled
def plot_values_wheel(values: pd.DataFrame, *, title: str | None = None,
                      today: Any = None) -> Figure:
    """A wheel of personal values: one wedge per value, as long as its importance (1-10).

    Values are placed clockwise by rank from the top; the top three are highlighted, with
    every value tied with the third (equal importance shares a rank): the legend then says
    how many the top three are and which tie (:func:`~career_workbook.analysis.profile.
    top_values_note`). With more than :data:`WHEEL_MAX` values, the most important that many
    are shown, and the legend says so. A single value is a full disc, with a note to add
    more.

    Parameters
    ----------
    values : DataFrame
        The output of ``ranked_values`` (``name``, ``importance``; a ``rank`` column is
        ignored: ranks follow importance, ties shared).

    >>> df = pd.DataFrame({"name": ["Autonomy", "Family", "Growth"],
    ...                    "importance": [10, 8, 7]})
    >>> plot_values_wheel(df).get_suptitle()
    'Top value: Autonomy'
    """
    if is_empty(values):
        return _placeholder("values_wheel")
    require(values, ("name", "importance"), "plot_values_wheel", "ranked_values")
    df = values.copy()
    df["importance"] = numeric(df["importance"])
    df = df[df["importance"].notna()]
    if df.empty:
        return _placeholder("values_wheel")
    # equal importance, equal rank (1, 2, 2, 2, 5): a given rank that split a tie (1, 2, 3,
    # 4) coloured two of three equally important values as the top three, not the third
    df["rank"] = df["importance"].rank(ascending=False, method="min")
    df = df.sort_values(["rank"], kind="stable")
    tie_note = top_values_note(df)
    total = len(df)
    df = df.head(WHEEL_MAX).reset_index(drop=True)
    n = len(df)
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    fig = new_figure(7.0, label="values_wheel")
    ax = fig.add_subplot(projection="polar")
    setup_polar(ax, 10.0, [2, 4, 6, 8, 10], n)
    ax.set_yticklabels([])
    polar_spokes(ax, angles)
    top = (df["rank"] <= TOP_VALUES).to_numpy()
    colours = np.where(top, TARGET, PALETTE["sky"])
    # a gap between wedges, but one value fills the circle (86% of it left a notch)
    ax.bar(angles, df["importance"].to_numpy(), width=2 * np.pi / n * (0.86 if n > 1 else 1),
           bottom=0, color=colours, edgecolor="white", linewidth=1.2 if n > 1 else 0,
           alpha=0.95)
    texts = polar_labels(ax, angles, [wrap_label(v, 16, max_lines=3) for v in df["name"]],
                         10.9, fontsize=9.5)
    for text, is_top in zip(texts, top, strict=True):
        if is_top:
            text.set_fontweight("bold")
    for angle, value in zip(angles, df["importance"], strict=True):
        inside = value >= 3
        ax.text(angle, value - 0.9 if inside else value + 0.7, number(value), ha="center",
                va="center", fontsize=9.5, fontweight="bold",
                color="white" if inside else "#333333")

    best = df.loc[df["rank"] == df["rank"].min(), "name"].tolist()
    if len(best) == 1:
        head = f"Top value: {short(best[0], 50)}"
    else:
        head = "Top values: " + " and ".join(short(b, 30) for b in best[:2])
        head += f" (+{len(best) - 2})" if len(best) > 2 else ""
    headline(fig, head, title)
    # on a polar axes the metric (and the note) go with the legend: a title would collide
    # with the top value's name
    note = (f"; your {n} most important of {total} values" if total > n
            else f"\n{ONE_VALUE}" if n == 1 else "")
    note += f"\n{wrap_label(tie_note, 72, max_lines=3)}" if tie_note else ""
    handles = [Patch(color=TARGET, label="Top three" + (" (with the tie)" if tie_note else ""))]
    handles += [Patch(color=PALETTE["sky"], label="Other values")] if not top.all() else []
    legend = fig.legend(handles=handles, loc="outside lower center", ncols=2,
                        title=f"Importance 1-10{note}")
    legend.get_title().set_multialignment("center")
    return fig


# ----------------------------------------------------------------------------------------
@styled
def plot_learning_hours(learning: pd.DataFrame, *, later: pd.DataFrame | None = None,
                        title: str | None = None, today: Any = None) -> Figure:
    """Cumulative learning hours per skill over time (step lines).

    The six skills with the most hours get their own line; the rest are summed as
    "Other skills". Items without a skill count as "No skill chosen". Hours, everywhere
    here, are :func:`~career_workbook.analysis.learning.hours_text`. Hours without
    a date cannot be placed on the time axis: the subtitle counts them, or, when no hours
    have a date, the placeholder says how many and how to show them. Hours dated after
    today (``later``) are not counted yet: the subtitle (or the placeholder) says so.

    Parameters
    ----------
    learning : DataFrame
        The output of ``learning_hours_frame`` (``date``, ``skill``, ``hours``).
        Cumulative hours are recomputed per skill from ``hours``.
    later : DataFrame, optional
        The output of ``learning_later_frame`` (``date``, ``hours``): items dated after
        today, left out until that day.
    today : date, optional
        Extends every line flat to today.

    >>> df = pd.DataFrame({"date": pd.to_datetime(["2026-01-10", "2026-02-01", "2026-03-01"]),
    ...                    "skill": ["Python", "SQL", "Python"], "hours": [10.0, 4.0, 8.0]})
    >>> plot_learning_hours(df).get_suptitle()
    '22 hours of learning — most on Python (18 h)'
    """
    from career_workbook.analysis.learning import NO_SKILL, hours_text

    later_hours, first_later = 0.0, None
    if not is_empty(later):
        require(later, ("date", "hours"), "plot_learning_hours", "learning_later_frame")
        ahead = pd.DataFrame({"date": dates(later["date"]),
                              "hours": numeric(later["hours"]).fillna(0).clip(lower=0)})
        ahead = ahead[ahead["hours"] > 0]
        later_hours = float(ahead["hours"].sum())
        first_later = ahead["date"].min() if len(ahead) else None
    if later_hours > 0 and (is_empty(learning) or "hours" in learning and float(
            numeric(learning["hours"]).fillna(0).clip(lower=0).sum()) <= 0):
        return _placeholder("learning_hours", LATER_HOURS.format(
            hours=hours_text(later_hours), day=day_name(first_later)))
    if is_empty(learning):
        return _placeholder("learning_hours")
    require(learning, ("date", "skill", "hours"), "plot_learning_hours",
            "learning_hours_frame")
    df = pd.DataFrame({"date": dates(learning["date"]),
                       "skill": learning["skill"].map(lambda s: "" if pd.isna(s) else str(s)),
                       "hours": numeric(learning["hours"]).fillna(0).clip(lower=0)})
    undated = int(df["date"].isna().sum())
    undated_hours = float(df.loc[df["date"].isna(), "hours"].sum())
    # the headline counts every hour the learning table counts, an item without a date too
    everyone = df.groupby("skill", sort=False)["hours"].sum().sort_values(ascending=False,
                                                                         kind="stable")
    df = df[df["date"].notna()]
    if df.empty or df["hours"].sum() <= 0 < undated_hours:
        return _placeholder("learning_hours",
                            UNDATED_HOURS.format(hours=hours_text(undated_hours))
                            if undated_hours > 0 else NO_DATED_LEARNING)
    if df["hours"].sum() <= 0:
        return _placeholder("learning_hours", NO_HOURS)
    totals = df.groupby("skill", sort=False)["hours"].sum().sort_values(ascending=False,
                                                                       kind="stable")
    keep = list(totals.index[:MAX_SKILL_LINES])
    if len(totals) > MAX_SKILL_LINES:
        df.loc[~df["skill"].isin(keep), "skill"] = "\0other"
        keep.append("\0other")
    df = df.sort_values("date", kind="stable")
    end = df["date"].max()
    now = as_timestamp(today)
    if now is not None and now > end:
        end = now

    fig = new_figure(5.0, label="learning_hours")
    ax = fig.add_subplot()
    for i, skill in enumerate(keep):
        part = df[df["skill"] == skill]
        daily = part.groupby("date")["hours"].sum().cumsum()
        x = [daily.index[0], *daily.index, end]  # rises from 0 on the first day
        y = [0.0, *daily.to_numpy(), daily.iloc[-1]]
        name = ("Other skills" if skill == "\0other"
                else NO_SKILL if skill == "" else skill)
        colour = PALETTE[SERIES[i % len(SERIES)]]
        ax.step(x, y, where="post", color=colour, linewidth=2.2,
                label=f"{wrap_label(name, 26, max_lines=2)} "
                      f"({hours_text(daily.iloc[-1])} h)")
        ax.plot(daily.index, daily.to_numpy(), linestyle="none", marker="o", markersize=4,
                color=colour)
    ax.set_ylim(bottom=0)
    ax.set_ylabel("Hours (cumulative)")
    if df["date"].min() == end:  # every item on one day: not a two-year empty axis
        one_day_axis(ax, end)
    else:
        date_axis(ax.xaxis)
    fig.legend(loc="outside lower center", ncols=min(len(keep), 3))

    total = float(everyone.sum())
    best = everyone.index[0]
    most = "most with no skill chosen" if best in ("", NO_SKILL) else f"most on {short(best, 30)}"
    head = f"{hours_text(total)} hours of learning — {most} ({hours_text(everyone.iloc[0])} h)"
    headline(fig, head, title)
    note = "Cumulative hours per skill"
    if undated_hours > 0:
        note += (f"; {hours_text(undated_hours)} h in {plural(undated, 'item')} without a "
                 "date: in the total, not drawn")
    elif undated:  # planned, nothing logged yet: no hours to draw, nothing missing
        note += f"; {plural(undated, 'item')} with no date or hours yet"
    if later_hours > 0:
        note += f"; {hours_text(later_hours)} h dated after today, counted from that day"
    subtitle(ax, note)
    return fig


# ----------------------------------------------------------------------------------------
@styled
def plot_wellbeing(wellbeing: pd.DataFrame, *, title: str | None = None,
                   today: Any = None) -> Figure:
    """Motivation and confidence (1-10) at each check-in, setbacks and dips marked.

    Setbacks are triangles along the bottom; the latest one's text is quoted in the
    subtitle (a label beside the triangles would cover the earlier ones); dips (shaded,
    ringed) come from the frame's ``dip`` column.

    Parameters
    ----------
    wellbeing : DataFrame
        The output of ``wellbeing_frame`` (``date``, ``motivation``, ``confidence``;
        optional ``has_setback``, ``setbacks``, ``dip``).

    >>> df = pd.DataFrame({"date": pd.to_datetime(["2026-05-01", "2026-06-01", "2026-07-01"]),
    ...                    "motivation": [7.0, 4.0, 6.0], "confidence": [6.0, 5.0, 6.0],
    ...                    "dip": [False, True, False]})
    >>> plot_wellbeing(df).get_suptitle()
    'Motivation recovering after a dip in June'
    """
    if is_empty(wellbeing):
        return _placeholder("wellbeing")
    require(wellbeing, ("date", "motivation", "confidence"), "plot_wellbeing",
            "wellbeing_frame")
    df = wellbeing.copy()
    df["date"] = dates(df["date"])
    df["motivation"], df["confidence"] = numeric(df["motivation"]), numeric(df["confidence"])
    df = df[df["date"].notna()].sort_values("date", kind="stable").reset_index(drop=True)
    setback = (df["has_setback"].fillna(False).astype(bool) if "has_setback" in df
               else pd.Series(False, df.index))
    dip = df["dip"].fillna(False).astype(bool) if "dip" in df else pd.Series(False, df.index)
    if df.empty:
        return _placeholder("wellbeing")
    if df[["motivation", "confidence"]].isna().all().all() and not setback.any():
        return _placeholder("wellbeing", NO_WELLBEING)

    fig = new_figure(4.8, label="wellbeing")
    ax = fig.add_subplot()
    spacing = df["date"].diff().median() if len(df) > 1 else pd.Timedelta(days=14)
    half = spacing / 2 if pd.notna(spacing) else pd.Timedelta(days=7)
    half = min(max(half, pd.Timedelta(days=2)), pd.Timedelta(days=10))
    gaps = df["date"].diff()
    for i in df.index[dip]:
        # never over the next check-in: daily check-ins with dips shaded the whole plot
        near = [g for g in (gaps.get(i), gaps.get(i + 1)) if pd.notna(g) and g > pd.Timedelta(0)]
        side = min([half, *(g / 2 for g in near)])
        when = df.at[i, "date"]
        ax.axvspan(when - side, when + side, color=ALERT, alpha=0.08, linewidth=0, zorder=0)
    for col, colour, marker, style in (("motivation", CURRENT, "o", "-"),
                                       ("confidence", TARGET, "s", "--")):
        part = df[df[col].notna()]
        if not part.empty:
            ax.plot(part["date"].to_numpy(), part[col].to_numpy(), color=colour,
                    marker=marker, linestyle=style, label=col.capitalize())
    dipped = [(df.at[i, "date"], df.at[i, col]) for i in df.index[dip]
              if (col := _dip_metric(df, i)) is not None]
    if dipped:
        when, level = zip(*dipped, strict=True)
        ax.scatter(list(when), list(level), s=170, facecolors="none", edgecolors=ALERT,
                   linewidths=1.8, zorder=4, label="Dip")
    marks = df[setback]
    if len(marks):
        ax.scatter(marks["date"], np.full(len(marks), 0.9), marker="v", s=60,
                   color=PALETTE["purple"], zorder=4, label="Setback")
    ax.set_ylim(0.4, 10.6)
    ax.set_yticks(range(1, 11))
    if df["date"].nunique() == 1:  # one day: its name, not "15 / Feb / 15 / 2026-Feb"
        one_day_axis(ax, df["date"].iloc[0], pad_days=21)
    else:
        date_axis(ax.xaxis)
    fig.legend(loc="outside lower center", ncols=4)

    headline(fig, _wellbeing_headline(df, dip), title)
    note = "Score 1-10 at each check-in"
    if setback.any():
        note += f"; {plural(int(setback.sum()), 'setback')} noted"
        latest = marks.iloc[-1]
        said = short(latest["setbacks"], 70) if "setbacks" in marks else ""
        if said:
            note += f", the latest in {month_name(latest['date'], df['date'].iloc[-1])}: “{said}”"
    subtitle(ax, note)
    return fig


def _dip_metric(df: pd.DataFrame, i: Any) -> str | None:
    """Which score dipped at row ``i``: the one that fell most, else the lower one."""
    best, best_key = None, None
    for col in ("motivation", "confidence"):
        value = df.at[i, col]
        if pd.isna(value):
            continue
        before = df.loc[: i - 1, col].dropna() if i > 0 else pd.Series(dtype=float)
        drop = before.iloc[-1] - value if len(before) else 0.0
        key = (drop, -value)
        if best_key is None or key > best_key:
            best, best_key = col, key
    return best


def _wellbeing_headline(df: pd.DataFrame, dip: pd.Series) -> str:
    dip_rows = [i for i in df.index[dip] if _dip_metric(df, i) is not None]
    col = "motivation" if df["motivation"].notna().any() else "confidence"
    if dip_rows:
        col = _dip_metric(df, dip_rows[-1]) or col
    name = col.capitalize()
    scores = df[df[col].notna()]
    if scores.empty:
        return "Setbacks noted, no scores yet"
    last = scores.iloc[-1]
    if len(scores) == 1:
        return f"{name} {number(last[col])}/10 at the first check-in"
    if dip_rows:
        low = df.loc[dip_rows[-1]]
        when = month_name(low["date"], last["date"])
        if low.name == last.name:
            return f"{name} dipped in {when}"
        if last[col] > low[col]:
            return f"{name} recovering after a dip in {when}"
        return f"{name} still low after a dip in {when}"
    first = scores.iloc[0]
    delta = last[col] - first[col]
    since = since_name(first["date"], last["date"])
    if abs(delta) < 1:
        return f"{name} steady around {number(scores[col].mean(), 0)}/10"
    direction = "up" if delta > 0 else "down"
    return f"{name} {direction} {plural(int(round(abs(delta))), 'point')} since {since}"
