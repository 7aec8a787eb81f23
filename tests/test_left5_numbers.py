"""T13: numbers typed with another keyboard's digits or marks, or grouped thousands, are
read one way (the forms, the file checks and the CSV imports alike), or asked about."""

from __future__ import annotations

import pytest

import career_workbook as cw
from career_workbook import widgets as ui
from career_workbook.analysis.feedback import parse_feedback_csv_rows
from career_workbook.model import number_text_hint
from career_workbook.number_text import UnsureNumber, parse_number_text
from tests.helpers.html_text import text_of

TODAY = "2026-11-22"


@pytest.mark.parametrize("text, expected", [
    ("３,５", 3.5), ("３．５", 3.5), ("٣٫٥", 3.5), ("۳", 3.0), ("１２", 12.0), ("－２", -2.0),
    ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("12.345.678", 12345678.0),
    ("1,234,567.25", 1234567.25), ("１．２３４，５", 1234.5), ("0.500", 0.5), ("0,500", 0.5)])
def test_other_digits_and_unambiguous_grouping_read_as_the_plain_number(text, expected):
    assert parse_number_text(text) == expected


@pytest.mark.parametrize("text, thousands, decimal", [
    ("1.234", "1234", "1.2340"), ("1,234", "1234", "1.2340"), ("1.500", "1500", "1.5"),
    ("١٬٥٠٠", "1500", "1.5")])
def test_one_mark_before_three_digits_is_asked_about_with_both_readings(text, thousands,
                                                                          decimal):
    with pytest.raises(UnsureNumber) as caught:
        parse_number_text(text)
    message = str(caught.value)
    assert f"“{text}”" in message and f"write {thousands} (or {decimal} " in message
    # the decimal reading it suggests is read as that, never asked about again
    assert parse_number_text(decimal) == float(text.replace(",", ".").replace("٬", ".")
                                               .replace("١", "1").replace("٥", "5")
                                               .replace("٠", "0"))


def test_hours_typed_in_arabic_indic_digits_save_the_plain_number(path):
    view = ui.learning_form(ui.Session(path, today=TODAY))
    view.fields["title"].widget.value = "Part-time MSc"
    view.fields["status"].widget.value = "in_progress"
    view.fields["started_on"].widget.value = "2026-10-01"
    view.fields["hours"].widget.value = "٣٫٥"
    view.buttons["save"].click()
    assert cw.load(path).learning[0].hours == 3.5
    assert "hours: 3.5" in path.read_text(encoding="utf-8")


def test_hours_grouped_one_way_only_are_refused_naming_the_value(path):
    view = ui.learning_form(ui.Session(path, today=TODAY))
    view.fields["title"].widget.value = "Part-time MSc"
    before = path.read_bytes()
    view.fields["hours"].widget.value = "1.500"  # was saved as 1.5 hours
    view.buttons["save"].click()
    assert path.read_bytes() == before
    message = text_of(view.fields["hours"].message.value)
    assert "“1.500”" in message and "1500" in message and "1.5 if the point" in message


def test_a_file_number_in_other_digits_gets_a_hint_in_plain_digits():
    assert number_text_hint("٣٫٥") == "write 3.5"
    assert number_text_hint("１，５００") == "write 1500 (or 1.5 if the comma is a decimal point)"


def test_a_feedback_csv_level_in_full_width_or_arabic_digits_and_marks_is_read():
    rows = [{"rater_group": "peer", "rater_id": "P1", "date": "2026-10-01", "skill": "SQL",
             "level": "４"},
            {"rater_group": "peer", "rater_id": "P2", "date": "2026-10-01", "skill": "SQL",
             "level": "٣٫٠"}]
    assert [f.ratings for f in parse_feedback_csv_rows(rows)] == [{"SQL": 4}, {"SQL": 3}]
