"""Every date a person reads has one format, ``wording.short_date`` ("3 Nov 2026"): the
next actions (pack and notebooks), the pack's cover and lists, the charts' headlines. Chart
axis ticks keep their compact style ("Nov", "3 Nov": the year is on the first tick of each
year), and a forecast's month reads "forecast: Mar 2027": chart conventions."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import career_workbook as cw
from career_workbook import analysis
from career_workbook.export.content import cover_facts, pack_content
from career_workbook.export.html import render_html
from tests.helpers.workbooks import write_workbook

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 20)
YEARLESS = re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b(?! \d{4})")


def _with_dated_entries(kind: str, folder: Path) -> cw.Workbook:
    wb = cw.load(write_workbook(kind, folder))
    wb.actions.append(cw.Action(text="Email Dana about mentoring", due=date(2026, 11, 3)))
    wb.contacts.append(cw.Contact(id="c-lee", name="Lee Park",
                                  next_follow_up=date(2026, 11, 5)))
    return wb


@pytest.mark.parametrize("kind", ["new", "half"])
def test_next_actions_say_the_year(tmp_path, kind):
    wb = _with_dated_entries(kind, tmp_path)
    reasons = analysis.next_actions_frame(wb, TODAY)["reason"].tolist()
    assert any(r.startswith("Due 3 Nov 2026 — ") for r in reasons), reasons
    assert any(r.startswith("Follow-up due 5 Nov 2026 — ") for r in reasons), reasons
    assert not [r for r in reasons if YEARLESS.search(r)]


def test_pack_dates_are_short_dates(tmp_path):
    wb = _with_dated_entries("half", tmp_path)
    content = pack_content(wb, today=TODAY)
    assert ("Review date", "20 Nov 2026") in cover_facts(content)
    page = re.sub(r"<[^>]+>", " ", render_html(content))
    assert "Due 3 Nov 2026" in page and "20 November 2026" not in page
    assert not YEARLESS.search(page), YEARLESS.search(page)


def test_no_other_date_format_in_the_package():
    # a day written by hand ("{d.day} {d:%b}", strftime("%d %b")) instead of short_date;
    # chart ticks (charts/_style.py) keep their compact convention
    pattern = re.compile(r"\{[^{}]*:%[bB][^{}]*\}|strftime\([^)]*%[bBd]")
    found = [f"{p.relative_to(ROOT)}:{i}" for p in sorted((ROOT / "career_workbook").rglob("*.py"))
             if p.name not in ("_style.py", "imports.py", "wording.py")
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line) and ">>>" not in line]
    chart_labels = {"career_workbook/charts/goals.py"}  # "forecast: Mar 2027", a month
    assert [f for f in found if f.split(":")[0] not in chart_labels] == []
