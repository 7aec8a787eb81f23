"""Names and goals in Chinese, Japanese or Korean are drawn in a font that has them, in the
notebook's PNG and in the pack's PDF, wherever the machine has such a font
(``career_workbook/charts/_fonts.py``)."""

from __future__ import annotations

import contextlib
import logging
import warnings
from datetime import date

import pytest

from career_workbook import export, figures
from career_workbook.charts import _fonts, _style
from career_workbook.export import fingerprint
from career_workbook.export.pack import render_pack
from career_workbook.model import Goal, new_workbook
from career_workbook.store import dumps

TODAY = date(2026, 11, 22)
CHINESE = "成为数据团队的经理"


def _workbook(goal_text: str, name: str = "李明") -> object:
    wb = new_workbook(name, today=date(2026, 1, 5))
    wb.goals.append(Goal(id="g1", text=goal_text, created=date(2026, 1, 5),
                         deadline=date(2027, 1, 5), status="active"))
    return wb


def test_the_house_style_lists_the_house_font_then_only_installed_fallbacks(caplog):
    family = _style._house_rc()["font.family"]
    assert family[0] == "sans-serif"
    assert set(family[1:]) <= _fonts.installed_families()
    with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
        export.figure_png(figures.make_figure(_workbook("Lead the 数据 team"), "progress",
                                              today=TODAY))
    assert not [r for r in caplog.records if "not found" in r.getMessage()], caplog.text


def _drawn_in_the_notebook(monkeypatch, wb) -> tuple[list[str], list[str]]:
    """The chart of ``wb`` as a notebook shows it: matplotlib's missing-glyph warnings
    (not silenced here) and its font log lines."""
    from matplotlib import font_manager

    monkeypatch.setattr(_style, "quiet_glyph_warnings", contextlib.nullcontext)
    font_manager.fontManager._findfont_cached.cache_clear()  # each font looked up anew
    lines: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: lines.append(record.getMessage())
    log = logging.getLogger("matplotlib.font_manager")
    log.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            export.figure_png(figures.make_figure(wb, "progress", today=TODAY))
    finally:
        log.removeHandler(handler)
    return [str(w.message) for w in seen if "missing from font" in str(w.message)], lines


def test_a_chinese_goal_is_drawn_in_a_font_that_has_it(cjk_font, monkeypatch):
    missing, log = _drawn_in_the_notebook(monkeypatch, _workbook(CHINESE))
    assert missing == [], missing
    # the goal is in the panel's bold title: the fallback may have no bold face, and
    # matplotlib's "Failed to find font weight bold for ..." is not shown to the person
    assert [line for line in log if "weight" in line or "not found" in line] == []


def test_without_the_fallback_the_same_chart_is_drawn_in_boxes(cjk_font, monkeypatch):
    # what the test above would see without the fallback fonts: the check has teeth
    rc = {**_style._house_rc(), "font.family": ["sans-serif"]}
    monkeypatch.setattr(_style, "_house_rc", lambda: rc)
    missing, _ = _drawn_in_the_notebook(monkeypatch, _workbook(CHINESE))
    assert any("DejaVu Sans" in message for message in missing), missing


EMOJI = "Ship the platform 🚀 by June 2027 ❤️ ✅"


def test_an_emoji_in_a_goal_is_drawn_as_a_symbol_not_a_box(emoji_font, monkeypatch):
    # "Ship the platform [box] by June 2027": the house font has no emoji; ❤️ carries an
    # invisible variation selector no font draws
    missing, _ = _drawn_in_the_notebook(monkeypatch, _workbook(EMOJI, name="Sam 😀"))
    assert missing == [], missing


def test_without_the_emoji_fallback_the_same_chart_is_drawn_in_boxes(emoji_font, monkeypatch):
    rc = {**_style._house_rc(), "font.family": ["sans-serif"]}
    monkeypatch.setattr(_style, "_house_rc", lambda: rc)
    missing, _ = _drawn_in_the_notebook(monkeypatch, _workbook(EMOJI, name="Sam 😀"))
    assert any("DejaVu Sans" in message for message in missing), missing


def test_the_pack_pdf_embeds_the_fallback_font_for_a_chinese_name(cjk_font):
    from matplotlib import font_manager

    wb = _workbook(CHINESE, name="李明")
    pdf = render_pack(dumps(wb).encode(), "li.yaml", today=TODAY, formats=("pdf",))
    path = font_manager.fontManager._find_fonts_by_props(
        font_manager.FontProperties(family=cjk_font))[0]
    postscript = font_manager.get_font(path).postscript_name
    assert postscript.encode() in pdf["review.pdf"], postscript


def test_a_fallback_font_installed_since_a_pack_makes_the_pack_stale(monkeypatch):
    monkeypatch.setattr(_fonts, "installed_families", lambda: frozenset({"DejaVu Sans"}))
    before = fingerprint.static_digest()
    monkeypatch.setattr(_fonts, "installed_families",
                        lambda: frozenset({"DejaVu Sans", "Noto Sans CJK JP"}))
    assert fingerprint.static_digest() != before


@pytest.mark.parametrize(("installed", "chain"), [
    ({"DejaVu Sans"}, ()),
    ({"DejaVu Sans", "Droid Sans Fallback", "Noto Sans CJK KR"}, ("Noto Sans CJK KR",)),
    ({"Hiragino Sans", "Apple SD Gothic Neo", "Thonburi", "Kohinoor Devanagari"},
     ("Hiragino Sans", "Apple SD Gothic Neo", "Thonburi", "Kohinoor Devanagari")),
    ({"Microsoft YaHei", "Yu Gothic", "Malgun Gothic", "Leelawadee UI", "Nirmala UI"},
     ("Microsoft YaHei", "Yu Gothic", "Malgun Gothic", "Leelawadee UI", "Nirmala UI")),
])
def test_one_installed_font_per_script_the_pan_cjk_fonts_first(installed, chain):
    assert _fonts.fallback_fonts(installed) == chain


def _cjk_labels_workbook() -> object:
    from career_workbook.model import Assessment, Skill

    wb = _workbook("成为工程经理 and publish 12 articles on the team's work by 2027-12-31")
    wb.goals.append(Goal(id="g2", text="项目管理 (Project Management) 认证 by June 2027",
                         created=date(2026, 1, 5), deadline=date(2027, 6, 30),
                         status="active"))
    wb.skills = [Skill(name="项目管理 (Project Management)", importance=4),
                 Skill(name="数据分析与可视化 (Data analysis)", importance=5),
                 Skill(name="Writing", importance=3)]
    wb.assessments = [Assessment(date=date(2026, 2, 1),
                                 ratings={s.name: 2 for s in wb.skills})]
    return wb


def test_chinese_axis_labels_are_drawn_whole_inside_the_png(cjk_font):
    # the pack's PNGs are drawn at 150 dpi: a text's width does not grow in proportion
    # to the dpi, so a layout measured at the figure's 100 dpi cut the first character
    # of a long label in Chinese ("项", "成") at the image's left edge
    import io

    import numpy as np
    from PIL import Image

    from career_workbook.export import PACK_DPI
    from career_workbook.export.files import figure_bytes, frozen_layout

    files = render_pack(dumps(_cjk_labels_workbook()).encode(), "li.yaml", today=TODAY,
                        formats=("png",))
    cut = {}
    for name, data in files.items():
        if name.endswith(".png"):
            pixels = np.asarray(Image.open(io.BytesIO(data)).convert("L"))
            ink = np.flatnonzero((pixels < 200).any(axis=0))
            if len(ink) and (ink[0] < 3 or ink[-1] > pixels.shape[1] - 4):
                cut[name] = (int(ink[0]), int(pixels.shape[1] - 1 - ink[-1]))
    assert cut == {}  # chart -> (pixels left of its ink, right of it)
    # and as matplotlib measures them: each tick label of these charts inside the figure
    wb = _cjk_labels_workbook()
    for slug in ("skill_gaps", "smart_scorecard"):
        fig = figures.make_figure(wb, slug, today=TODAY)
        with frozen_layout(fig, PACK_DPI):
            figure_bytes(fig, "png", dpi=PACK_DPI)
            fig.dpi = PACK_DPI  # the renderer the PNG was drawn with
            renderer = fig.canvas.get_renderer()
            labels = [t for ax in fig.axes for t in ax.get_yticklabels() if t.get_text()]
            assert any("项目" in t.get_text() or "成为" in t.get_text() for t in labels)
            for label in labels:
                box = label.get_window_extent(renderer)
                assert box.x0 >= 0 and box.x1 <= fig.bbox.width, (slug, label.get_text())
            fig.dpi = 100
