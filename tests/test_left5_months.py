"""T14: the product's own words name months in English whatever ``LC_TIME`` a kernel was
set to (a German coach's startup file called ``locale.setlocale(LC_TIME, "de_DE.UTF-8")``,
and "3 Dez 2026" appeared in English sentences, "December" was not a month)."""

from __future__ import annotations

import locale
from datetime import date

import matplotlib.dates as mdates
import pandas as pd
import pytest

from career_workbook.charts._style import _DateTicks, month_name
from career_workbook.day_text import parse_date_text
from career_workbook.imports import read_connected_on
from career_workbook.wording import no_such_day, short_date
from tests.helpers.missing import missing_tool


@pytest.fixture
def german_time():
    """``LC_TIME`` set to German for the test, as a startup file would (skipped where the
    machine has no German locale: ``localedef -i de_DE -f UTF-8 de_DE.UTF-8``)."""
    before = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
    except locale.Error:
        missing_tool("no de_DE.UTF-8 locale on this machine (`localedef -i de_DE -f UTF-8 "
                     "de_DE.UTF-8`, from Debian's `locales` package; .ci/run makes it)")
    assert f"{date(2026, 12, 3):%B}" == "Dezember"  # the locale is in effect
    yield
    locale.setlocale(locale.LC_TIME, before)


def test_messages_and_chart_words_name_months_in_english(german_time):
    assert short_date(date(2026, 12, 3)) == "3 Dec 2026"
    assert no_such_day(2027, 2, 30) == "30 February 2027 is not a date (February 2027 has 28 days)"
    assert month_name(pd.Timestamp("2025-03-02"), pd.Timestamp("2026-01-01")) == "March 2025"
    ticks = _DateTicks().format_ticks(mdates.date2num(pd.to_datetime(
        ["2026-12-15", "2027-03-01", "2027-05-15"])))
    assert ticks == ["15 Dec", "Mar 2027", "15 May"]


def test_english_month_names_are_read_and_suggested(german_time):
    assert parse_date_text("3 December 2026") == date(2026, 12, 3)
    assert parse_date_text("Mar 3, 2026") == date(2026, 3, 3)
    with pytest.raises(ValueError, match="or 3 December 2026"):
        parse_date_text("3 Dezember 2026")


def test_a_linkedin_connected_on_day_is_read(german_time):
    assert read_connected_on("15 Dec 2024") == (date(2024, 12, 15), False)
    assert read_connected_on("Mar 15, 2024") == (date(2024, 3, 15), False)
    assert read_connected_on("15-Oct-24") == (date(2024, 10, 15), False)
