"""The review PDF's footer with a right-to-left name: the name never takes the words and
the date after it along (one text laid out right to left read "review of 22 Nov 2026 ·
(2026) מרים כהן")."""

from __future__ import annotations

from datetime import date

import pytest

from career_workbook.charts import house_style
from career_workbook.export.content import PackContent
from career_workbook.export.pdf import MARGIN, _footer_texts, drawn_width
from career_workbook.htmltext import right_to_left


def _content(name: str) -> PackContent:
    return PackContent(name, date(2026, 11, 22), "", None, "", "", "", (), (), (), ())


@pytest.mark.parametrize("name", ["מרים כהן (2026)", "مريم الأحمد 2", "Zoë (מרים) Ångström"])
def test_a_right_to_left_name_is_a_text_apart_from_the_footer_words(name):
    with house_style():
        texts = [text for _, _, text, _ in _footer_texts(_content(name), 1, 8.27)]
        placed = _footer_texts(_content(name), 1, 8.27)
    assert not [t for t in texts if right_to_left(t) and "review of" in t]  # never mixed
    assert texts[:2] == [name, " · review of 22 Nov 2026"]
    (x0, y0, _, kw0), (x1, y1, _, kw1) = placed[:2]
    with house_style():
        assert (x0, y0) == (MARGIN, y1) and x1 == pytest.approx(MARGIN + drawn_width(name, 8))
    assert kw0["ha"] == kw1["ha"] == "left"


def test_a_left_to_right_name_stays_one_text():
    with house_style():
        texts = [text for _, _, text, _ in _footer_texts(_content("Zoë Ångström"), 2, 8.27)]
    assert len(texts) == 2 and texts[0] == "Zoë Ångström · review of 22 Nov 2026"
