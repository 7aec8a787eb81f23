"""A date that cannot be read gets an example made of what the person typed (Q9): its
month, day and year where they can be read, in the order and marks typed ("31/02/2026":
"e.g. 28/02/2026"), where the example was always 30 June 2027. A year of two digits after a
dotted day and month ("3.2.26", N9) is refused with the four-digit year to write."""

from __future__ import annotations

import pytest

from career_workbook.widgets.fields import make_field


@pytest.mark.parametrize(("typed", "said"), [
    ("31/02/2026", "31 February 2026 is not a date (February 2026 has 28 days); "
                   "e.g. 28/02/2026"),
    ("2026-13-01", "“2026-13-01” is not a date: there is no month 13; e.g. 2026-01-13"),
    ("3rd of Febuary", "“3rd of Febuary” is not a date I can read; write it as 2027-02-03 "
                       "or 3 February 2027."),
    ("3 Febuary 2026", "“3 Febuary 2026”: “Febuary” is not a month; write it as 2026-02-03 "
                       "or 3 February 2026."),
    ("3.2.26", "“3.2.26”: write the year with four digits, e.g. 3.2.2026"),
    ("31.04.2026", "31 April 2026 is not a date (April 2026 has 30 days); e.g. 30.04.2026"),
])
def test_a_date_box_gives_an_example_made_of_what_was_typed(typed, said):
    box = make_field("due", "Due", "date")
    box.value = typed
    assert box.input_error == said and box.value is None


def test_what_cannot_be_read_at_all_keeps_the_plain_example():
    box = make_field("due", "Due", "date")
    box.value = "tomorrow"
    assert box.input_error == ("“tomorrow” is not a date I can read; write it as 2027-06-30 "
                               "or 30 June 2027.")
