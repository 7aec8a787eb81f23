"""figures: workbook -> every chart, frames computed once, role resolution."""

from __future__ import annotations

import builtins
import doctest
import io
import os
import pathlib
from datetime import date
from pathlib import Path

import pytest
from helpers.purity import io_violations
from matplotlib.figure import Figure

import career_workbook as cw
from career_workbook import analysis, charts, figures
from career_workbook.catalog import load_catalog, resolve_role
from career_workbook.export import figure_png
from career_workbook.figures import (
    NOTEBOOK_CHARTS,
    chart_title,
    make_figure,
    make_figures,
    suggest_role,
)

TODAY = date(2026, 11, 22)
EXAMPLES = sorted((Path(__file__).parents[1] / "examples" / "workbooks").glob("*.yaml"))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_examples_are_there():
    assert len(EXAMPLES) >= 2, "examples/workbooks/*.yaml are needed by these tests"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_chart_of_every_example_is_a_figure(path, catalog):
    wb = cw.load(path)
    role = resolve_role(wb, catalog)
    figs = make_figures(wb, today=TODAY, role=role)
    assert list(figs) == list(charts.CHARTS)
    for slug, fig in figs.items():
        assert isinstance(fig, Figure), slug
        assert fig.axes, f"{slug} drew nothing"
    # the examples have data for every chart: none of them is a placeholder
    assert [s for s, f in figs.items() if charts.is_placeholder(f)] == []


def test_empty_workbook_gives_placeholders_that_draw():
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 1))
    figs = make_figures(wb, today=TODAY)
    assert set(figs) == set(charts.CHARTS)
    for slug, fig in figs.items():
        assert charts.is_placeholder(fig), slug
        assert figure_png(fig, dpi=30).startswith(b"\x89PNG")


def test_make_figure_matches_the_slug_and_rejects_unknown_ones():
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 1))
    assert isinstance(make_figure(wb, "network", today=TODAY), Figure)
    with pytest.raises(ValueError, match=r"chart = 'radar'.*skill_radar"):
        make_figure(wb, "radar", today=TODAY)
    with pytest.raises(ValueError, match="today = 'soon'"):
        make_figure(wb, "network", today="soon")
    assert make_figure(wb, "network", today="2026-11-22").axes


def test_subset_keeps_the_order_asked_for():
    wb = cw.new_workbook("Sam Lee")
    figs = make_figures(wb, today=TODAY, slugs=["wellbeing", "skill_radar", "wellbeing"])
    assert list(figs) == ["wellbeing", "skill_radar"]


def test_each_frame_is_computed_once_per_call(monkeypatch):
    calls: dict[str, int] = {}

    def counting(name):
        real = getattr(analysis, name)

        def wrapper(*args, **kwargs):
            calls[name] = calls.get(name, 0) + 1
            return real(*args, **kwargs)

        return wrapper

    for name in ("skill_gap_frame", "goal_progress_frame", "smart_scorecard_frame"):
        monkeypatch.setattr(analysis, name, counting(name))
    wb = cw.load(EXAMPLES[0])
    make_figures(wb, today=TODAY, slugs=["skill_radar", "skill_gaps", "progress"])
    assert calls == {"skill_gap_frame": 1, "goal_progress_frame": 1}
    make_figures(wb, today=TODAY, slugs=["smart_scorecard"])
    assert calls["smart_scorecard_frame"] == 1
    assert calls["skill_gap_frame"] == 1  # not needed, not computed


def test_notebook_charts_are_real_charts():
    assert set(NOTEBOOK_CHARTS) == {
        "01_self_assessment", "02_feedback_360", "03_vision_values", "04_smart_goals",
        "05_skill_gap", "06_action_plan", "07_network", "08_achievements_learning",
        "09_progress_review", "10_opportunities",
    }
    used = {slug for slugs in NOTEBOOK_CHARTS.values() for slug in slugs}
    assert used <= set(charts.CHARTS)
    assert used == set(charts.CHARTS), "every chart is shown in some notebook"


def test_every_registered_chart_can_be_drawn_by_figures():
    assert set(figures._DRAW) == set(charts.CHARTS)


def test_resolve_role(catalog):
    wb = cw.new_workbook("Sam Lee", target_role="Lead Data Scientist")
    assert resolve_role(wb, catalog) is None  # text that only resembles is never applied
    assert suggest_role(wb, catalog).id == "senior_data_scientist"  # only offered
    wb.person.target_role = "senior data  Scientist"  # names the profile: used
    assert resolve_role(wb, catalog).id == "senior_data_scientist"
    assert suggest_role(wb, catalog) is None
    wb.role_profile = ""  # own targets, chosen in notebook 05 over the target role's
    assert resolve_role(wb, catalog) is None and suggest_role(wb, catalog) is None
    wb.role_profile = "ux_designer"
    assert resolve_role(wb, catalog).id == "ux_designer"  # the person picked it
    assert suggest_role(wb, catalog) is None
    wb.role_profile = "no_such_role"
    assert resolve_role(wb, catalog) is None
    wb.person.target_role = "astronaut"
    wb.role_profile = None
    assert suggest_role(wb, catalog) is None
    assert resolve_role(wb, None) is None


def test_readiness_chart_names_the_resolved_role(catalog):
    wb = cw.load(EXAMPLES[0])
    role = resolve_role(wb, catalog)
    assert role is not None
    fig = make_figure(wb, "readiness", today=TODAY, role=role)
    texts = " ".join(ax.get_title(loc="left") for ax in fig.axes)
    assert role.title in texts


def test_chart_title_is_the_takeaway_as_written():
    fig = charts.placeholder_figure("nothing yet", title="Cost $5")
    assert chart_title(fig) == "Cost $5"
    assert chart_title(charts.placeholder_figure("nothing"), "wellbeing") == (
        charts.CHARTS["wellbeing"].title)


# ----------------------------------------------------------------------------------------
# Purity and doctests
# ----------------------------------------------------------------------------------------
FORBIDDEN_IMPORTS = {"ipywidgets", "IPython", "papermill", "pathlib", "shutil", "tempfile",
                     "io", "os", "yaml", "career_workbook.store", "career_workbook.widgets",
                     "career_workbook.export", "matplotlib.pyplot"}
FORBIDDEN_CALLS = {"open", "read_text", "write_text", "read_bytes", "write_bytes", "savefig",
                   "load_catalog", "safe_load", "show"}


@pytest.mark.parametrize("module", ["figures.py", "export/content.py"])
def test_source_does_no_io(module):
    path = Path(__file__).parents[1] / "career_workbook" / module
    assert io_violations(path, FORBIDDEN_IMPORTS, FORBIDDEN_CALLS) == []


def _forbid(*_args, **_kwargs):
    raise AssertionError("figures tried to open a file")


def test_make_figures_runs_with_file_access_blocked(monkeypatch, catalog):
    wb = cw.load(EXAMPLES[0])
    role = resolve_role(wb, catalog)
    first = make_figures(wb, today=TODAY, role=role)  # warm up lazy imports and fonts
    for target, name in ((builtins, "open"), (io, "open"), (os, "open"),
                         (pathlib.Path, "open"), (pathlib.Path, "read_text")):
        monkeypatch.setattr(target, name, _forbid)
    second = make_figures(wb, today=TODAY, role=role)
    assert [f.get_suptitle() for f in second.values()] == [
        f.get_suptitle() for f in first.values()]


def test_doctests():
    result = doctest.testmod(figures, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_caption_of_a_multi_panel_chart_describes_the_chart(path):
    """The progress chart's caption read "4 of 4 goals on track. Be appointed Engineering
    Manager…": the first panel's title after the headline, as if the headline were about
    that goal. It says the note under the panels and names every panel instead."""
    fig = figures.make_figure(cw.load(path), "progress", today=date(2026, 11, 22))
    caption = figures.chart_caption(fig, "progress")
    panels = [" ".join(ax.get_title("left").split()).rstrip(".") for ax in fig.axes]
    head = figures.chart_title(fig, "progress")
    note = " ".join(fig.legends[0].get_title().get_text().split())
    assert caption.rstrip(".") == f"{head}. {note}. Panels: {'; '.join(panels)}".rstrip(".")
    assert len(panels) > 1 and caption.endswith((".", "…"))
