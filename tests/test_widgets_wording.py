"""Wording in forms (issue 11 item 13) and messages that fit where they appear (item 8)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import nbformat
import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.model import Assessment, Skill
from career_workbook.widgets.forms_skills import LEVELS, level_options

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml"


@pytest.fixture
def session(tmp_path: Path) -> ui.Session:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills.append(Skill(name="SQL"))
    wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 2}))
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    return ui.Session(path, today="2026-11-22")


@pytest.mark.parametrize("form, expected", [
    (ui.actions_form, "Choose an action"), (ui.achievements_form, "Choose an achievement"),
    (ui.skills_form, "Choose a skill"), (ui.learning_form, "Choose a learning item"),
    (ui.contacts_form, "Choose a contact"), (ui.values_form, "Choose a value"),
])
def test_choosers_use_the_right_article(session, form, expected):
    view = form(session)
    assert view.chooser.description == expected
    assert not re.search(r"\ba [aeiou]", view.chooser.tooltip)


def test_one_earlier_self_assessment_is_singular(session):
    text = ui.self_assessment_form(session).children[1].value
    assert "You have 1 earlier self-assessment;" in text and "(s)" not in text


def test_level_names_match_the_table_in_notebook_01():
    nb = nbformat.read(ROOT / "notebooks" / "01_self_assessment.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    table = dict(re.findall(r"^\| (\d) \| (\w+)", text, flags=re.M))
    assert sorted(table) == [str(n) for n in LEVELS]
    for label, n in level_options()[1:]:
        assert label.startswith(f"{n} – {table[str(n)]}"), (label, table[str(n)])


def test_role_dropdown_is_wide_enough_for_its_longest_option(session):
    view = ui.role_picker(session)
    widget = view.fields["role_profile"].widget
    text_em = float(re.search(r"\+ (\d+)em", widget.layout.width).group(1))
    longest = max(len(label) for label, _ in widget.options)
    assert longest * 0.55 + 2 <= text_em, (longest, widget.layout.width)


# ------------------------------------------------------------------ item 8: fit the place
def figure_text(fig) -> str:
    return " ".join(" ".join(t.get_text().split()) for ax in fig.axes for t in ax.texts)


def test_inside_00_the_missing_workbook_message_points_to_the_form_here(tmp_path):
    s = ui.Session(tmp_path / "new.yaml", notebook="00_start_here")
    for text in (s.unavailable_message(),
                 "".join(getattr(c, "value", "") for c in ui.profile_form(s).children)):
        assert "open 00_start_here" not in text and "Create your workbook" in text
    assert "open 00_start_here" in ui.Session(tmp_path / "new.yaml",
                                              notebook="04_smart_goals").unavailable_message()


def test_the_notebook_is_detected_from_jupyterlab_and_voila(tmp_path, monkeypatch):
    for name in ("JPY_SESSION_NAME", "SCRIPT_NAME", "VOILA_REQUEST_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "notebooks" / "00_start_here.ipynb"))
    assert ui.Session(tmp_path / "x.yaml").notebook == "00_start_here"
    monkeypatch.delenv("JPY_SESSION_NAME")
    monkeypatch.setenv("SCRIPT_NAME", "/voila/render/07_network.ipynb")
    assert ui.Session(tmp_path / "x.yaml").notebook == "07_network"


def test_in_the_app_the_message_names_the_start_page_not_a_file(tmp_path, monkeypatch):
    monkeypatch.setenv("VOILA_SERVER_URL", "/")
    text = ui.Session(tmp_path / "x.yaml", notebook="04_smart_goals").unavailable_message()
    assert "open 00_start_here" not in text and "start page" in text


def test_a_chart_placeholder_inside_its_own_notebook_says_this_notebook(session):
    from career_workbook.widgets.display import chart_figure

    here = ui.Session(session.path, notebook="02_feedback_360")
    text = figure_text(chart_figure(here, "feedback_360"))
    assert "02" not in text and "360 feedback form in this notebook" in text
    elsewhere = ui.Session(session.path, notebook="05_skill_gap")
    assert "360 feedback form (step 02)" in figure_text(chart_figure(elsewhere, "feedback_360"))


def _chart_cells() -> list[tuple[str, str]]:
    """Every ``(notebook stem, chart slug)`` pair the notebooks show."""
    pairs = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                pairs += [(path.stem, slug) for slug in
                          re.findall(r"ui\.show_chart\(\s*wb\s*,\s*[\"'](\w+)[\"']", cell.source)]
    return pairs


def test_every_notebook_shows_charts():
    assert len(_chart_cells()) >= 14


@pytest.mark.parametrize("notebook, slug", _chart_cells())
def test_an_empty_chart_says_where_its_form_is_truthfully(tmp_path, notebook, slug):
    """A chart sits after its form in 08 and before the forms in 05: "below" (or "above")
    is wrong somewhere, so a placeholder says "in this notebook" or names the step."""
    from career_workbook.widgets.display import chart_figure

    path = tmp_path / "new.yaml"
    store.new(path, "Sam")
    text = figure_text(chart_figure(ui.Session(path, notebook=notebook), slug))
    assert text and not re.search(r"\b(below|above)\b", text), (notebook, slug, text)
    assert not re.search(rf"\b(step|notebook) {notebook[:2]}\b", text), text


@pytest.mark.parametrize("number", [f"{n:02d}" for n in range(11)])
def test_no_placeholder_message_says_below_or_above_in_any_notebook(number):
    from career_workbook.charts import _registry
    from career_workbook.widgets.session import localize

    messages = [spec.empty_message for spec in _registry.CHARTS.values()]
    messages += [value for name, value in vars(_registry).items()
                 if name.isupper() and isinstance(value, str)]
    for message in messages:
        text = localize(message, f"{number}_x")
        where = re.compile(r"\b(below|above)\b")  # "at or above its target" is not a place
        assert len(where.findall(text)) == len(where.findall(message)), text
        assert not re.search(rf"\b(step|notebook) {number}\b", text), text


def test_goals_table_without_goals_in_04_says_this_notebook(tmp_path):
    path = tmp_path / "e.yaml"
    store.new(path, "Sam")
    view = ui.goals_table(ui.Session(path, notebook="04_smart_goals"))
    text = view.children[view.children.index(view.status) - 1].value
    assert "in this notebook" in text and "notebook 04" not in text
