"""Notebooks 02 and 03: rules a person can predict (a red-team walk found them broken).

- values of equal importance share a rank and a colour; the top three hold every value
  tied with the third, and the wheel and the table say so;
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

from matplotlib.colors import to_hex

import career_workbook as cw
from career_workbook import analysis, charts
from career_workbook import widgets as ui
from career_workbook.charts._style import PALETTE, TARGET
from career_workbook.model import Value
from tests.helpers.html_text import text_of

ROOT = Path(__file__).resolve().parents[1]
PRIYA = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"
TODAY = "2026-11-22"


def with_values(pairs) -> cw.Workbook:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.values = [Value(name=n, importance=i) for n, i in pairs]
    return wb


def all_text(widget) -> str:
    """Every text a form shows (the values of its HTML widgets), tags as spaces."""
    found = [widget.value] if isinstance(getattr(widget, "value", None), str) else []
    found += [all_text(child) for child in getattr(widget, "children", ())]
    return " ".join(" ".join(text_of(f, " ") for f in found).split())


def wedge_colours(fig) -> dict[str, str]:
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.texts if not t.get_text().isdigit()]
    return {n: to_hex(p.get_facecolor()) for n, p in zip(names, ax.patches, strict=True)}


# ------------------------------------------------------------------ 03: ties in the values
TIED = [("Autonomy", 8), ("Balance", 8), ("Learning", 8), ("Family", 10), ("Craft", 6),
        ("Security", 7)]


def test_values_of_equal_importance_share_a_rank():
    ranked = analysis.ranked_values(with_values(TIED))
    assert ranked[["rank", "name"]].values.tolist() == [
        [1, "Family"], [2, "Autonomy"], [2, "Balance"], [2, "Learning"], [5, "Security"],
        [6, "Craft"]]
    assert analysis.top_values_note(ranked) == (
        "4 values make your top three: Autonomy, Balance and Learning tie for second place "
        "at 8.")
    # no tie across the third place: three values, nothing to say
    plain = analysis.ranked_values(with_values([("A", 9), ("B", 9), ("C", 7), ("D", 5)]))
    assert plain["rank"].tolist() == [1, 1, 3, 4] and analysis.top_values_note(plain) == ""


def test_the_wheel_colours_every_value_tied_with_the_third_and_says_so():
    fig = charts.plot_values_wheel(analysis.ranked_values(with_values(TIED)))
    colours = wedge_colours(fig)
    top, other = TARGET.lower(), PALETTE["sky"].lower()
    assert {n for n, c in colours.items() if c == top} == {"Family", "Autonomy", "Balance",
                                                           "Learning"}
    assert {n for n, c in colours.items() if c == other} == {"Security", "Craft"}
    legend = fig.legends[0]
    title = " ".join(legend.get_title().get_text().split())
    assert "4 values make your top three: Autonomy, Balance and Learning tie" in title
    assert [t.get_text() for t in legend.get_texts()] == ["Top three (with the tie)",
                                                           "Other values"]


def test_a_rank_that_split_a_tie_does_not_split_the_colours():
    """A frame ranked 1, 2, 3, 4 for 10, 8, 8, 8 coloured Learning as "other values"."""
    frame = analysis.ranked_values(with_values(TIED)).assign(rank=[1, 2, 3, 4, 5, 6])
    colours = wedge_colours(charts.plot_values_wheel(frame))
    assert colours["Learning"] == colours["Autonomy"] == TARGET.lower()


def test_the_shipped_example_highlights_craft_fairness_and_learning_alike(tmp_path):
    wb = cw.load(PRIYA)
    colours = wedge_colours(charts.plot_values_wheel(analysis.ranked_values(wb)))
    assert colours["Craft"] == colours["Fairness"] == colours["Learning"] == TARGET.lower()
    assert colours["Recognition"] == PALETTE["sky"].lower()
    # the table of notebook 03 ranks them alike and names the tie
    path = tmp_path / "priya.yaml"
    shutil.copy(PRIYA, path)
    view = ui.values_form(ui.Session(path, today=TODAY))
    text = all_text(view)
    assert "5 values make your top three: Craft, Fairness and Learning tie for third " \
           "place at 8." in text
    ranks = re.findall(r"\b([1-6]) (Curiosity|Family time|Craft|Fairness|Learning|Recognition)"
                       r"\b", text)
    assert ranks == [("1", "Curiosity"), ("1", "Family time"), ("3", "Craft"),
                     ("3", "Fairness"), ("3", "Learning"), ("6", "Recognition")]
