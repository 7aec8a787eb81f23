"""Nothing on a review PDF's page runs past its margins.

Text on the PDF's own pages is wrapped by measuring it in the fonts that draw it
(``export.pdf.fit``): a line of Chinese and emoji, wider per character than Latin text,
ran to 1 mm from the paper's edge. Charts are drawn at the width between the margins
(``export.pdf._chart_page_size``): an 8-inch chart on A4 put its labels 4-5 mm from it.
Checked on the rasterised pages: the leftmost and rightmost ink of every page.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from career_workbook.export import pdf_replay
from career_workbook.export.pack import render_pack
from career_workbook.export.pdf import A4, MARGIN
from career_workbook.model import (
    Achievement,
    Action,
    Assessment,
    CheckIn,
    Goal,
    Skill,
    new_workbook,
)
from career_workbook.store import dumps

TODAY = date(2026, 11, 22)
DPI = 100
SLACK = 2
"""Pixels (at 100 dpi, 0.5 mm) a page's ink may reach past a margin: a rule's width."""
MIXED = ("Wir haben gelernt. 我们学到了很多东西和新的方法。 تعلمنا الكثير. למדנו הרבה. "
         "🚀😀❤★ ")


def _workbook() -> object:
    wb = new_workbook("王小明 Ana-María 🇵🇹 😀", today=date(2026, 1, 5))
    wb.person.target_role = "数据团队经理 / مديرة البيانات"
    wb.skills = [Skill(name="数据分析与可视化 (Data analysis)", importance=5),
                 Skill(name="Stakeholder management and negotiation", importance=4),
                 Skill(name="التواصل", importance=3)]
    wb.assessments = [Assessment(date=date(2026, 2, 1),
                                 ratings={s.name: 2 for s in wb.skills})]
    wb.goals = [Goal(id="g1", text="成为数据团队的经理并带领新的分析项目 by June 2027 " * 2,
                     created=date(2026, 1, 5), deadline=date(2027, 6, 30), status="active"),
                Goal(id="g2", text="Publish 六 articles 📝 on the team's 数据 work by 2027",
                     created=date(2026, 1, 5), deadline=date(2027, 12, 31),
                     status="active")]
    wb.actions = [Action(id="a1", goal_id="g1", text=MIXED * 3, due=date(2026, 12, 1))]
    wb.achievements = [Achievement(date=date(2026, 6, 20), title="发布 v2 🚀 " + MIXED,
                                   impact=MIXED * 8, metric="十倍 " + MIXED,
                                   skills=["数据分析与可视化 (Data analysis)"])]
    wb.check_ins = [CheckIn(date=date(2026, 9, 1), motivation=7, confidence=6,
                            progress={"g1": 30, "g2": 10}, wins=MIXED)]
    return wb


def _ink_columns(pdf: bytes, tmp: Path) -> list[tuple[int, int, int]]:
    """Each page's width and its leftmost and rightmost column with ink, in pixels."""
    from PIL import Image

    (tmp / "pack.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(tmp / "pack.pdf"),
                    str(tmp / "p")], check=True)
    found = []
    for path in sorted(tmp.glob("p*.png")):
        pixels = np.asarray(Image.open(path).convert("L"))
        cols = np.flatnonzero((pixels < 200).any(axis=0))
        found.append((pixels.shape[1], int(cols[0]), int(cols[-1])))
    return found


@pytest.mark.usefixtures("needs_pdftoppm", "cjk_font", "emoji_font")
def test_every_page_keeps_its_ink_between_the_margins(tmp_path):
    pdf = render_pack(dumps(_workbook()).encode(), "wang.yaml", today=TODAY,
                      formats=("pdf", "png"))["review.pdf"]
    pages = _ink_columns(pdf, tmp_path)
    assert len(pages) > 10
    margin = MARGIN * DPI
    outside = {number: (left, width - 1 - right)
               for number, (width, left, right) in enumerate(pages, start=1)
               if width == round(A4[0] * DPI)
               and (left < margin - SLACK or right > width - margin + SLACK)}
    if not pdf_replay.CHECKED:  # matplotlib draws each chart at its own size
        pytest.skip(f"charts at their own width on matplotlib: {outside}")
    # page -> (pixels left of the ink, pixels right of it); 70 is the margin
    assert outside == {}


@pytest.mark.usefixtures("cjk_font", "emoji_font")
def test_a_line_of_chinese_and_emoji_is_wrapped_to_the_room_it_is_drawn_in():
    from career_workbook.charts import house_style, wrap_lines
    from career_workbook.export.pdf import drawn_width, fit

    room = A4[0] - 2 * MARGIN - 1.15  # an achievement's impact, beside its date
    with house_style():
        by_characters = wrap_lines(MIXED * 5, 85, max_lines=3)
        assert max(drawn_width(line, 9.5) for line in by_characters) > room  # what ran off
        lines = fit(MIXED * 5, 85, 3, room=room).splitlines()
        assert len(lines) == 3
        assert max(drawn_width(line, 9.5) for line in lines) <= room
        assert lines[-1].endswith("…")
        # Latin text that fits is wrapped as before, by its characters
        latin = "Led the migration of the billing platform to the cloud, on time. " * 4
        assert fit(latin, 85, 3, room=room) == fit(latin, 85, 3)
