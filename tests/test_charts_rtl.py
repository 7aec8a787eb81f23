"""Right-to-left names and goals in charts (Hebrew, Arabic) read in their own order.

matplotlib before 3.11 drew every text left to right, letter by letter: "שלום" came out as
"םולש" and Arabic letters unjoined, in every chart, PNG and PDF page of a person who writes
in those scripts. 3.11 shapes and orders such text itself (libraqm), so pyproject.toml asks
for it; these tests fail on 3.9 and 3.10.
"""

from __future__ import annotations

import io

import numpy as np
from matplotlib.figure import Figure

LRO, PDF = "\u202d", "\u202c"  # left-to-right override ... pop: draw as written


def _ink(text: str, fmt: str = "png") -> np.ndarray:
    """``text`` drawn alone in the house font, as a grey array cropped to its ink."""
    from career_workbook.charts._style import styled

    @styled
    def draw() -> Figure:
        fig = Figure(figsize=(4, 1), dpi=100)
        fig.text(0.05, 0.3, text, fontsize=28, family="DejaVu Sans")
        return fig

    fig = draw()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    buf.seek(0)
    import matplotlib.image as mpimg

    grey = mpimg.imread(buf)[..., :3].mean(axis=2)
    rows, cols = np.nonzero(grey < 0.9)
    return grey[rows.min():rows.max() + 1, cols.min():cols.max() + 1]


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and float(np.abs(a - b).mean()) < 0.02


def test_hebrew_is_drawn_right_to_left() -> None:
    # "שלום" in logical order must look like its letters laid out from the right:
    # forced left to right, that is "םולש" (final mem at the left)
    assert _same(_ink("שלום"), _ink(f"{LRO}םולש{PDF}"))
    assert not _same(_ink("שלום"), _ink(f"{LRO}שלום{PDF}"))


def test_arabic_is_drawn_right_to_left_with_its_letters_joined() -> None:
    # "مريم" (Maryam): meem, reh, yeh, meem, each in the form its neighbours give it (an
    # initial meem, a final reh, an initial yeh, a final meem), laid out from the right.
    # Written left to right in those forms (Unicode's presentation forms) it looks the same.
    shaped = f"{LRO}\ufee2\ufef3\ufeae\ufee3{PDF}"
    assert _same(_ink("مريم"), _ink(shaped))


RLO, RLE, RLI, PDI, RLM = "\u202e", "\u202b", "\u2067", "\u2069", "\u200f"


def _labels(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.get_yticklabels() if t.get_text()]


def test_a_bidi_override_pasted_in_free_text_reverses_nothing_in_a_chart() -> None:
    """Walk X13: a right-to-left override pasted inside a goal (or an action, a skill)
    reversed the rest of its label in the PNG and PDF charts ("Lead a tcejorp"), as it
    did in a name before names dropped it. Chart labels drop the embeddings, overrides and
    isolates a person's text brings; a Hebrew goal with an RLM mark and an Arabic skill
    pasted in an isolate still read right to left (fails before: the override was drawn)."""
    from datetime import date

    from career_workbook import charts
    from career_workbook.analysis.scorecard import smart_scorecard_frame
    from career_workbook.analysis.skills import skill_gap_frame
    from career_workbook.model import Assessment, Goal, Skill, new_workbook

    today = date(2026, 11, 22)
    wb = new_workbook("Dana Levi", today=today)
    wb.goals += [Goal(id="g1", text=f"Lead a {RLO}project", status="active", created=today),
                 Goal(id="g2", text=f"{RLE}שלום{RLM}\u202c", status="active", created=today)]
    wb.skills += [Skill(name=f"{RLI}مريم{PDI}", importance=3, target_level=4)]
    wb.assessments += [Assessment(date=today, ratings={f"{RLI}مريم{PDI}": 1})]
    goals = _labels(charts.plot_smart_scorecard(smart_scorecard_frame(wb, today)))
    gaps = _labels(charts.plot_skill_gaps(skill_gap_frame(wb)))
    assert set(goals) == {"Lead a project", f"שלום{RLM}"} and gaps == ["مريم"], (goals, gaps)
    (latin,) = (label for label in goals if label.startswith("Lead"))
    assert _same(_ink(latin), _ink("Lead a project"))
    assert not _same(_ink(f"Lead a {RLO}project"), _ink("Lead a project"))  # as drawn before
    (hebrew,) = (label for label in goals if label != latin)
    assert _same(_ink(hebrew), _ink(f"{LRO}םולש{PDF}"))  # its mark kept, right to left
    assert _same(_ink(gaps[0]), _ink(f"{LRO}\ufee2\ufef3\ufeae\ufee3{PDF}"))  # joined too
