"""The words of the date and number messages (red team A11).

The date box's placeholder was cut at "...or 30 June" (which suggests a date without a
year); "“tomorrow” is not a date I can read; Write it as..." had a capital after a
semicolon; "1e9" was "not a number" without saying what to write; the promotion form said
"30 February 2026 does not exist (February 2026 has 28 days)" where every other form said
"30 February 2027 is not a date".
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import store
from career_workbook import widgets as ui
from career_workbook.widgets.fields import make_field
from career_workbook.widgets.inputs import (
    DATE_PLACEHOLDER,
    parse_date_text,
    parse_number_text,
)
from tests.helpers.html_text import text_of

TODAY = "2026-11-22"
EM_PER_CHARACTER = 0.6
"""A generous average width of a digit or letter in the page's sans-serif font, in em."""




@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "sam.yaml"
    store.new(p, "Sam Lee", today=date(2026, 1, 5))
    return p


def test_the_date_placeholder_fits_its_box_and_every_example_in_it_is_read():
    field = make_field("due", "Due", "date")
    width = sum(float(n) for n in re.findall(r"([\d.]+)em", field.widget.layout.width))
    label = float(field.widget.style.description_width.removesuffix("em"))
    typing_room = width - label - 1  # 1em for the box's padding and border
    assert field.widget.placeholder == DATE_PLACEHOLDER
    assert len(DATE_PLACEHOLDER) * EM_PER_CHARACTER <= typing_room, DATE_PLACEHOLDER
    examples = [e.strip() for e in DATE_PLACEHOLDER.split(" or ")]
    assert len(examples) == 2
    assert {parse_date_text(e) for e in examples} == {date(2027, 6, 30)}


@pytest.mark.parametrize("typed", ["tomorrow", "next Friday", "30 Juen 2027", "x" * 60])
def test_a_date_message_has_no_capital_after_a_semicolon(typed):
    field = make_field("due", "Due", "date")
    field.value = typed
    message = field.input_error
    assert message and f"“{typed[:30]}" in message
    assert not re.search(r";\s+[A-Z]", message), message
    assert "write it as 2027-06-30 or 30 June 2027." in message


@pytest.mark.parametrize("typed, plain", [("1e9", "1000000000"), ("2.5e3", "2500"),
                                          ("1E-3", "0.001"), ("-4e2", "-400")])
def test_a_number_in_e_notation_is_refused_with_what_to_write(path, typed, plain):
    view = ui.learning_form(ui.Session(path, today=TODAY))
    view.fields["title"].value = "AWS certificate"
    view.fields["hours"].value = typed
    view.buttons["save"].click()
    message = text_of(view.fields["hours"].message.value)
    assert f"“{typed}” is not a number I can read: write it in plain digits, like {plain}" \
        in message
    assert cw.load(path).learning == []


def test_a_huge_number_in_e_notation_is_called_too_large():
    with pytest.raises(ValueError, match="“1e400” is not a number I can use: it is far too"):
        parse_number_text("1e400")


def test_an_impossible_day_has_one_wording_in_every_form(path, tmp_path):
    said = "30 February 2026 is not a date (February 2026 has 28 days)"
    session = ui.Session(path, today=TODAY)
    achievements = ui.achievements_form(session)
    achievements.fields["date"].value = "2026-02-30"
    achievements.fields["title"].value = "Gave a talk"
    achievements.buttons["save"].click()
    assert said in text_of(achievements.fields["date"].message.value)
    promotion = ui.promotion_case_button(session)
    promotion.fields["since"].value = "2026-02-30"
    promotion.buttons["promotion"].click()  # a date box like any other: said beside it
    assert said in text_of(promotion.fields["since"].message.value)
    assert "does not exist" not in text_of(promotion.fields["since"].message.value)
    assert "not written" in text_of(promotion.status.value)
    drafter = ui.goal_drafter(session)
    drafter.fields["text"].value = "Give three talks by 30 February 2026"
    drafter.buttons["save"].click()
    assert said in text_of(drafter.fields["text"].message.value)
