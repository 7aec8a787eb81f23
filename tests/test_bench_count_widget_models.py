"""``benchmarks/count_widget_models.py``: its ``--kinds`` breakdown (no notebook run here;
the counts themselves are a benchmark, not a test)."""

from __future__ import annotations

import doctest

from tests.helpers.bench import bench_module


def test_its_examples_hold():
    result = doctest.testmod(bench_module("count_widget_models"))
    assert result.attempted >= 2 and result.failed == 0


def test_a_box_of_one_widget_is_counted_and_an_empty_one_is_not():
    import ipywidgets as widgets

    kinds = bench_module("count_widget_models").kinds
    html = widgets.HTML("a")
    said = kinds([html, widgets.VBox([html]), widgets.HBox([]),
                  widgets.HBox([widgets.HTML(), widgets.HTML()])])
    assert said == "HBox 2, HTML 1, VBox 1; boxes holding one widget: 1"
