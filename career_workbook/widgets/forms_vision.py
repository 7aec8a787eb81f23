"""Notebook 03: career vision, personal values and Holland (RIASEC) interests."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from career_workbook.model import RIASEC, Interests, Value, Vision
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    MUTED,
    FormView,
    esc,
    make_field,
    primary_button,
    record_editor,
)

__all__ = ["INTEREST_HELP", "interests_form", "values_form", "vision_form"]

INTEREST_HELP = {
    "realistic": "Doers: hands-on work with tools, machines, plants or animals, outdoors.",
    "investigative": "Thinkers: analysing, researching, solving puzzles with data or ideas.",
    "artistic": "Creators: designing, writing, performing; work without fixed rules.",
    "social": "Helpers: teaching, caring, coaching, working with and for people.",
    "enterprising": "Persuaders: leading, selling, starting things, taking risks.",
    "conventional": "Organisers: order, detail, procedures, numbers and records.",
}
"""What each RIASEC interest means, shown as help text."""


def vision_form(session: Any) -> widgets.Widget:
    """Where you want to be: long term, the next year or two, and the horizon in years."""

    def build(view: FormView) -> list[widgets.Widget]:
        v = view.session.workbook.vision
        long_term = make_field(
            "long_term", "Long-term vision", "textarea", value=v.long_term, rows=4,
            placeholder="In five years I lead a small analytics team in healthcare...",
            help="Where you want to be in the long run: the work, the people, the impact.")
        short_term = make_field(
            "short_term", "Next year or two", "textarea", value=v.short_term, rows=4,
            placeholder="By the end of next year I ...",
            help="The next step that moves you towards it.")
        horizon = make_field(
            "horizon_years", "Horizon (years)", "int", value=v.horizon_years,
            help="How many years your long-term vision looks ahead (1-40).")
        boxes = view.add(long_term, short_term, horizon)
        save = primary_button("Save my vision", "Save your vision to your workbook file")
        view.buttons["save"] = save
        view.bind_section(save, Vision, "vision")
        return [*boxes, save]

    return FormView(session, build, name="vision", title="Your career vision",
                    intro="A few honest sentences are enough; you can refine them at every "
                          "review.", depends=lambda wb: wb.vision)


def values_form(session: Any) -> widgets.Widget:
    """Personal values and how much each matters (1-10), with a ranked table."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook import analysis
        from career_workbook.analysis.profile import value_order
        from career_workbook.widgets.display import table_widget

        wb = view.session.workbook

        def make_fields(old: Value | None) -> list:
            return [
                make_field("name", "Value", "text", value=old.name if old else "",
                           placeholder="e.g. Autonomy, Family time, Learning",
                           help="Something that matters to you in work and life."),
                make_field("importance", "Importance", "slider",
                           value=old.importance if old else 5, min=1, max=10,
                           help="1 = matters a little, 10 = non-negotiable."),
                make_field("note", "What it means to you", "text",
                           value=old.note if old else "",
                           help="A few words, e.g. “choosing how I organise my day”."),
            ]

        editor = record_editor(
            view, items=wb.values, model=Value, collection="values", make_fields=make_fields,
            describe=lambda v: f"{v.name} ({v.importance}/10)", noun="value",
            order=value_order(wb.values))
        values = analysis.ranked_values(wb)
        ranked = table_widget(values,
                              {"rank": "Rank", "name": "Value", "importance": "Importance",
                               "note": "What it means"},
                              empty="No values yet: add the first one below.",
                              title=" ".join(filter(None, [
                                  "Your values, most important first (equal importance, "
                                  "equal rank).", analysis.top_values_note(values)])))
        return [ranked, *editor]

    return FormView(session, build, name="values", title="What matters to you",
                    intro="Values help you judge options: a role that clashes with your top "
                          "values rarely feels right for long.", depends=lambda wb: wb.values)


def interests_form(session: Any) -> widgets.Widget:
    """Holland (RIASEC) interest scores, 0-40 each, and the resulting code."""

    def build(view: FormView) -> list[widgets.Widget]:
        from career_workbook import analysis

        current = view.session.workbook.interests or Interests()
        fields = [make_field(name, name.capitalize(), "int", value=getattr(current, name),
                             help=INTEREST_HELP[name] + " Score 0-40.")
                  for name in RIASEC]
        boxes = view.add(*fields)
        code = analysis.riasec_code(view.session.workbook.interests)
        summary = quiet.HTML(
            f'<div>Your Holland code: <b>{esc(code)}</b> (your strongest interests first).</div>'
            if code else f'<div style="color:{MUTED}">Enter your scores from an interest '
                         "questionnaire (such as the O*NET Interest Profiler) to see your "
                         "Holland code.</div>")
        save = primary_button("Save my interests", "Save the six interest scores")
        view.buttons["save"] = save
        view.bind_section(save, Interests, "interests")
        return [summary, *boxes, save]

    return FormView(session, build, name="interests", title="Your interests (RIASEC)",
                    intro="Six kinds of work people enjoy. Higher scores mean stronger "
                          "interest.", depends=lambda wb: wb.interests)
