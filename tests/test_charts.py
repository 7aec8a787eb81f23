"""Charts: what each figure plots, placeholders, hostile and long text, layout, saving.

Frames are built by hand with the analysis layer's own column lists (small factories
below), so the charts are tested on exactly the shapes the analysis returns. Assertions
look at the artists (line data, bar sizes, scatter offsets, texts), never at pixels.
"""

from __future__ import annotations

import ast
import builtins
import doctest
import importlib
import io
import itertools
import math
import os
import pathlib
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date

import matplotlib as mpl
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.cbook import is_math_text
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from career_workbook import charts
from career_workbook.analysis.feedback import quadrant  # the one rule
from career_workbook.analysis.learning import LEARNING_HOURS_COLUMNS
from career_workbook.analysis.network import NETWORK_COLUMNS
from career_workbook.analysis.opportunities import OPPORTUNITY_STATUS_COLUMNS
from career_workbook.analysis.profile import RANKED_VALUES_COLUMNS
from career_workbook.analysis.progress import HISTORY_COLUMNS, PROGRESS_COLUMNS
from career_workbook.analysis.reputation import REPUTATION_COLUMNS
from career_workbook.analysis.scorecard import SCORECARD_COLUMNS
from career_workbook.analysis.skills import GAP_COLUMNS, READINESS_COLUMNS
from career_workbook.analysis.wellbeing import WELLBEING_COLUMNS
from career_workbook.charts import CHARTS, COHORT_CHARTS, is_placeholder, unescape_mathtext
from career_workbook.charts._registry import (
    NO_DATED_LEARNING,
    NO_GAPS,
    NO_HOURS,
    NOT_ENOUGH_RATERS,
    ONE_VALUE,
    RADAR_TOO_FEW,
)
from career_workbook.charts._style import MUTED, PALETTE, house_style, number, placeholder_message
from career_workbook.frames import GOALS_COLUMNS, MILESTONES_COLUMNS, build_frame
from career_workbook.model import RELATIONSHIPS, SKILL_CATEGORIES
from tests.helpers.network import dense_network

ROOT = pathlib.Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"))
TODAY = date(2026, 11, 22)
FEEDBACK_COLUMNS = {"skill": "text", "self": "float", "others": "float", "n_others": "int",
                    "gap": "float", "quadrant": "text"}
NAN = math.nan

SKILLS = ["SQL", "Python", "Negotiation", "Public speaking", "Stakeholder management",
          "Budgeting"]
GOALS = ["Pass the CFA Level I exam by June 2027", "Lead the Q3 pricing model end to end",
         "Present at one industry meetup this year", "Read two books on negotiation",
         "Get better at mentoring"]
LONG = [f"{w} stakeholder management and cross-functional negotiation number {i}"
        for i, w in enumerate(["Advanced", "Strategic", "Regulated", "Global", "Remote",
                               "Hybrid", "Senior", "Public", "Private", "Clinical",
                               "Technical", "Financial", "Creative", "Ethical", "Agile"])]
LONG[3] = "Supercalifragilisticexpialidocious" * 3  # one very long word
HOSTILE = ["<script>alert(1)</script>", "Café 🚀 launch", "שלום עולם", "مرحبا بالعالم",
           "$x^2$ and $5", "back\\slash \\$ {braces} %d", "tab\tnew\nline\x00null"]
LABEL_WRAP_MAX = 36  # widest label line any chart allows (learning legend: 26 + " (12 h)")


# ----------------------------------------------------------------------------------------
# Factories: frames shaped like the analysis layer's
# ----------------------------------------------------------------------------------------
def make(columns: dict[str, str], records: list[dict]) -> pd.DataFrame:
    unknown = {k for r in records for k in r} - set(columns)
    assert not unknown, f"not in the contract: {unknown}"
    return build_frame([tuple(r.get(c, 0 if kind == "int" else None)
                              for c, kind in columns.items()) for r in records], columns)


def day(offset: int, start: str = "2026-01-05") -> pd.Timestamp:
    return pd.Timestamp(start) + pd.Timedelta(days=offset)


def gaps(names=SKILLS, *, current=None, role=True, others=True) -> pd.DataFrame:
    recs = []
    for i, name in enumerate(names):
        cur = float((3 * i) % 5) if current is None else current[i]
        target = 5.0 if i % 3 == 0 else 4.0
        importance = float(1 + (2 * i) % 5)
        gap = max(target - (0.0 if math.isnan(cur) else cur), 0.0)
        recs.append(dict(
            skill=name, category=SKILL_CATEGORIES[i % 4], current=cur, target=target,
            role_target=target if role and i % 2 == 0 else NAN, importance=importance,
            gap=gap, weighted_gap=gap * importance, priority=0,
            others=cur + 0.5 if others and i % 3 != 2 and not math.isnan(cur) else NAN))
    recs.sort(key=lambda r: -r["weighted_gap"])
    for i, r in enumerate(recs, start=1):
        r["priority"] = i
    return make(GAP_COLUMNS, recs)


def readiness(values=(40.0, 55.0, 72.0)) -> pd.DataFrame:
    return make(READINESS_COLUMNS, [dict(date=pd.Timestamp(2026, 3 + 2 * i, 1), readiness=v,
                                         unrated=0) for i, v in enumerate(values)])


def scorecard(texts=GOALS, status=None) -> pd.DataFrame:
    recs = []
    for i, text in enumerate(texts):
        crit = dict(specific=1.0, measurable=[1.0, 0.5, 0.0][i % 3], achievable=0.8,
                    relevant=1.0 if i % 2 else 0.6, time_bound=[1.0, 0.0, 0.5][i % 3])
        recs.append(dict(goal_id=f"g{i}", text=text, status=(status or {}).get(i, "active"),
                         **crit, score=round(sum(crit.values()) / 5 * 100),
                         deadline_found=crit["time_bound"] > 0, hints=()))
    return make(SCORECARD_COLUMNS, recs)


STATUSES = ["active", "active", "done", "active", "draft"]


def goals(texts=GOALS, *, deadline=True) -> pd.DataFrame:
    recs = []
    for i, text in enumerate(texts):
        has_deadline = deadline and i != len(texts) - 1
        recs.append(dict(
            goal_id=f"g{i}", text=text, horizon="short", created=day(20 * i),
            deadline=day(200 + 40 * i) if has_deadline else None,
            status=STATUSES[i % len(STATUSES)], skills=(), n_milestones=2,
            milestones_done=1, has_metric=False))
    return make(GOALS_COLUMNS, recs)


def milestones(texts=GOALS) -> pd.DataFrame:
    recs = []
    for i in range(min(len(texts), 3)):
        recs.append(dict(goal_id=f"g{i}", title="First step", due=day(60 + 20 * i),
                         done_on=day(55 + 20 * i), done=True))
        recs.append(dict(goal_id=f"g{i}", title="Second step", due=day(150 + 20 * i),
                         done_on=None, done=False))
    return make(MILESTONES_COLUMNS, recs)


TRACKS = ["on track", "behind", "done", "ahead", "not started", "overdue", "on track",
          "behind"]


def goal_progress(texts=GOALS) -> pd.DataFrame:
    recs = []
    for i, text in enumerate(texts):
        track = TRACKS[i % len(TRACKS)]
        recs.append(dict(
            goal_id=f"g{i}", text=text, status="done" if track == "done" else "active",
            created=day(20 * i), deadline=day(400 + 40 * i), expected=50.0,
            actual=NAN if track == "not started" else 30.0 + 10 * i, source="check-in",
            track=track, days_left=100.0, forecast=day(380 + 40 * i) if i == 0 else None))
    return make(PROGRESS_COLUMNS, recs)


def history(texts=GOALS) -> pd.DataFrame:
    recs = []
    for i in range(len(texts)):
        if TRACKS[i % len(TRACKS)] == "not started":
            continue
        for k in range(3):
            recs.append(dict(date=day(100 + 60 * k), goal_id=f"g{i}",
                             actual=10.0 + 10 * k + i, source="check-in"))
    recs.sort(key=lambda r: r["date"])
    return make(HISTORY_COLUMNS, recs)


def feedback(names=SKILLS, *, n_others=4) -> pd.DataFrame:
    selfs = [4.0, 3.0, 2.0, 5.0, 3.0, 1.0, 2.5, 4.5]
    others = [2.5, 3.2, 3.5, 4.8, 1.5, 1.2, 4.0, 4.2]
    recs = []
    for i, name in enumerate(names):
        s, o = selfs[i % 8], others[i % 8] + (i // 8) * 0.05
        recs.append(dict(skill=name, self=s, others=o, n_others=n_others, gap=o - s,
                         quadrant=quadrant(s, o)))
    return make(FEEDBACK_COLUMNS, recs)


def contacts(names=("Ana Lima", "Ben Okafor", "Chloe Tan", "Dev Patel", "Eve Moreau")):
    days = [10.0, 45.0, 100.0, 200.0, NAN, 30.0, 75.0, 5.0]
    recs = []
    for i, name in enumerate(names):
        overdue = i % 2 == 1
        recs.append(dict(
            contact_id=f"c{i}", person=i, name=name,
            relationship=RELATIONSHIPS[i % len(RELATIONSHIPS)],
            organisation="", last_contact=None, days_since=days[i % 8],
            next_follow_up=day(300) if overdue else None, overdue=overdue,
            days_overdue=12.0 if overdue else NAN, strength=1 + i % 5))
    return make(NETWORK_COLUMNS, recs)


def values(names=("Autonomy", "Family", "Growth", "Security", "Fairness")):
    importance = [10, 9, 9, 7, 5, 3, 2, 1]
    return make(RANKED_VALUES_COLUMNS, [dict(rank=i + 1, name=n, importance=importance[i % 8],
                                             note="") for i, n in enumerate(names)])


def learning(names=("Python", "SQL", "Negotiation")):
    recs, totals = [], {}
    for k in range(2):
        for i, name in enumerate(names):
            hours = float(5 + i) if k == 0 else 2.0
            totals[name] = totals.get(name, 0.0) + hours
            recs.append(dict(date=day(30 * k + i), skill=name, title=f"Item {k}", hours=hours,
                             cumulative_hours=totals[name]))
    return make(LEARNING_HOURS_COLUMNS, recs)


def wellbeing(motivation=(7, 8, 4, 6, 7, 8), confidence=(6, 6, 5, 5, 6, 7), dips=(2,),
              setbacks=None):
    setbacks = setbacks if setbacks is not None else {2: "Project cancelled"}
    return make(WELLBEING_COLUMNS, [
        dict(date=pd.Timestamp(2026, 4 + i, 1), motivation=m, confidence=c,
             has_setback=i in setbacks, setbacks=setbacks.get(i, ""), dip=i in dips)
        for i, (m, c) in enumerate(zip(motivation, confidence, strict=True))])


def opportunities(names=("Lead the billing migration", "Senior analyst at Northwind",
                          "Talk at the data meetup", "Write for the team blog")):
    stages = ["exploring", "applied", "spotted", "interviewing", "declined", "spotted"]
    recs = []
    for i, name in enumerate(names):
        stage = stages[i % len(stages)]
        recs.append(dict(
            opportunity_id=f"o{i}", title=name, kind="project", source="internal",
            organisation="", stage=stage, open=stage != "declined", age_days=10 + 9 * i,
            days_still=30 if i % 2 == 0 else 3, stale=i % 2 == 0 and stage != "declined",
            next_step="", next_step_due=None, step_overdue=False, deadline=None))
    return make(OPPORTUNITY_STATUS_COLUMNS, recs)


def reputation(names=("Delivers quality consistently", "Reliable: does what they said",
                       "Ethical: does the right thing", "Constructive attitude",
                       "Shares credit")):
    recs = []
    for i, name in enumerate(names):
        others = [4.2, 2.9, 4.8, 3.6, 4.0][i % 5] - (i // 5) * 0.05
        self_ = NAN if i % 3 == 2 else 4.0
        recs.append(dict(behaviour=f"b{i}", label=name, self=self_, others=others,
                         n_others=4, gap=others - self_))
    return make(REPUTATION_COLUMNS, recs)


# slug -> chart drawn from frames with the given user-visible names
CASES: dict[str, Callable[[list[str]], Figure]] = {
    "skill_radar": lambda n: charts.plot_skill_radar(gaps(n)),
    "skill_gaps": lambda n: charts.plot_skill_gaps(gaps(n)),
    "smart_scorecard": lambda n: charts.plot_smart_scorecard(scorecard(n)),
    "goal_timeline": lambda n: charts.plot_goal_timeline(goals(n), milestones(n), TODAY),
    "progress": lambda n: charts.plot_progress(history(n), goal_progress(n), TODAY),
    "feedback_360": lambda n: charts.plot_feedback_360(feedback(n)),
    "reputation": lambda n: charts.plot_reputation(reputation(n)),
    "network": lambda n: charts.plot_network(contacts(n), TODAY),
    "values_wheel": lambda n: charts.plot_values_wheel(values(n)),
    "learning_hours": lambda n: charts.plot_learning_hours(learning(n)),
    "wellbeing": lambda n: charts.plot_wellbeing(
        wellbeing(setbacks={i: name for i, name in enumerate(n[:6])})),
    "readiness": lambda n: charts.plot_readiness(readiness(), role_title=n[0]),
    "opportunities": lambda n: charts.plot_opportunities(opportunities(n), TODAY),
    "cohort_readiness": lambda n: charts.plot_cohort_readiness(
        pd.Series(np.linspace(20, 90, len(n)), index=n)),
    "cohort_gaps": lambda n: charts.plot_cohort_gaps(
        pd.Series(np.arange(len(n), 0, -1), index=n)),
    "cohort_recency": lambda n: charts.plot_cohort_recency(
        pd.Series([[5.0, 40.0, NAN, 12.0, 90.0][i % 5] for i in range(len(n))], index=n)),
}
NAMES = {"smart_scorecard": GOALS, "goal_timeline": GOALS, "progress": GOALS}
EMPTY: dict[str, Callable[[], Figure]] = {
    "skill_radar": lambda: charts.plot_skill_radar(make(GAP_COLUMNS, [])),
    "skill_gaps": lambda: charts.plot_skill_gaps(make(GAP_COLUMNS, [])),
    "smart_scorecard": lambda: charts.plot_smart_scorecard(make(SCORECARD_COLUMNS, [])),
    "goal_timeline": lambda: charts.plot_goal_timeline(
        make(GOALS_COLUMNS, []), make(MILESTONES_COLUMNS, []), TODAY),
    "progress": lambda: charts.plot_progress(make(HISTORY_COLUMNS, []),
                                             make(PROGRESS_COLUMNS, []), TODAY),
    "feedback_360": lambda: charts.plot_feedback_360(make(FEEDBACK_COLUMNS, [])),
    "reputation": lambda: charts.plot_reputation(make(REPUTATION_COLUMNS, [])),
    "network": lambda: charts.plot_network(make(NETWORK_COLUMNS, []), TODAY),
    "values_wheel": lambda: charts.plot_values_wheel(make(RANKED_VALUES_COLUMNS, [])),
    "learning_hours": lambda: charts.plot_learning_hours(make(LEARNING_HOURS_COLUMNS, [])),
    "wellbeing": lambda: charts.plot_wellbeing(make(WELLBEING_COLUMNS, [])),
    "readiness": lambda: charts.plot_readiness(make(READINESS_COLUMNS, [])),
    "opportunities": lambda: charts.plot_opportunities(make(OPPORTUNITY_STATUS_COLUMNS, [])),
    "cohort_readiness": lambda: charts.plot_cohort_readiness(pd.Series([], dtype=float)),
    "cohort_gaps": lambda: charts.plot_cohort_gaps(pd.Series([], dtype=float)),
    "cohort_recency": lambda: charts.plot_cohort_recency(pd.Series([], dtype=float)),
}
ALL_SPECS = {**CHARTS, **COHORT_CHARTS}


def draw(fig: Figure) -> FigureCanvasAgg:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas


def save(fig: Figure, fmt: str) -> bytes:
    buf = io.BytesIO()
    with house_style():
        fig.savefig(buf, format=fmt, dpi=50, metadata={"svg": {"Date": None}}.get(fmt))
    return buf.getvalue()


def texts_of(fig: Figure) -> list[str]:
    """Every non-empty text in the figure, as the user would read it (lines joined)."""
    return [" ".join(unescape_mathtext(t.get_text()).split()) for t in fig.findobj(Text)
            if t.get_text()]


def label_texts(fig: Figure) -> list[Text]:
    """Texts that carry labels: tick labels, texts on axes, legend entries (not titles)."""
    out: list[Text] = []
    for ax in fig.axes:
        out += ax.get_xticklabels() + ax.get_yticklabels() + list(ax.texts)
        if ax.get_legend():
            out += ax.get_legend().get_texts()
    for legend in fig.legends:
        out += legend.get_texts()
    return [t for t in out if t.get_text()]


def overlapping(boxes, tol: float = 0.5) -> list[tuple[int, int]]:
    return [(i, j) for (i, a), (j, b) in itertools.combinations(enumerate(boxes), 2)
            if a.x0 < b.x1 - tol and b.x0 < a.x1 - tol and a.y0 < b.y1 - tol
            and b.y0 < a.y1 - tol]


def lines_with_label(ax, label: str) -> list[Line2D]:
    return [ln for ln in ax.get_lines() if ln.get_label() == label]


# ----------------------------------------------------------------------------------------
# Registry, purity, style
# ----------------------------------------------------------------------------------------
def test_registry_names_every_chart_and_its_notebook():
    assert list(CHARTS) == ["skill_radar", "skill_gaps", "smart_scorecard", "goal_timeline",
                            "progress", "feedback_360", "reputation", "network",
                            "values_wheel",
                            "learning_hours", "wellbeing", "readiness", "opportunities"]
    assert set(CASES) == set(ALL_SPECS) == set(EMPTY)
    for slug, spec in ALL_SPECS.items():
        assert spec.slug == slug and spec.title
        assert callable(getattr(charts, spec.plot)), spec.plot
        if slug in charts.COHORT_CHARTS:  # the coach's overview names the client's notebook
            assert f"notebook {spec.notebook}" in spec.empty_message, spec
            continue
        # the step that fills it, in words that read right inside that step's own notebook
        # (issue 11: "notebook 02 adds it" inside notebook 02)
        assert re.search(r"\(step \d\d\)|step \d\d\b", spec.empty_message), spec
        assert "notebook" not in spec.empty_message, spec


CHART_MODULES = ["career_workbook.charts", "career_workbook.charts._style",
                 "career_workbook.charts._repel", "career_workbook.charts._registry",
                 "career_workbook.charts.skills", "career_workbook.charts.goals",
                 "career_workbook.charts.personal", "career_workbook.charts.cohort",
                 "career_workbook.charts.opportunities", "career_workbook.charts.reputation"]


@pytest.mark.parametrize("name", CHART_MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name),
                             optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    if not name.endswith("_registry") and not name.endswith("_repel"):
        assert result.attempted > 0, f"{name} has no doctest"


@pytest.mark.parametrize("path", sorted((ROOT / "career_workbook" / "charts").glob("*.py")),
                         ids=lambda p: p.name)
def test_source_uses_no_pyplot_widgets_or_io(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or "", *(f"{node.module}.{a.name}" for a in node.names)])
            for name in names:
                assert not any(bad in name for bad in ("pyplot", "ipywidgets", "IPython",
                                                       "papermill", "store", "widgets")), name
        if isinstance(node, ast.Call):
            f = node.func
            called = f.id if isinstance(f, ast.Name) else getattr(f, "attr", "")
            assert called not in {"open", "show", "savefig", "read_text", "write_text",
                                  "rcdefaults", "use"}, f"{path.name}:{node.lineno} {called}"


def test_importing_and_drawing_never_loads_pyplot():
    code = ("import sys, pandas as pd; from career_workbook import charts; "
            "charts.plot_readiness(pd.DataFrame({'date': pd.to_datetime(['2026-01-01']), "
            "'readiness': [50.0]})); charts.placeholder_figure('x'); "
            "sys.exit(1 if 'matplotlib.pyplot' in sys.modules else 0)")
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stdout + done.stderr


def _forbid(*_args, **_kwargs):
    raise AssertionError("a chart tried to open a file")


def test_charts_read_no_files(monkeypatch):
    # warm-up: the house style is read once, and the font files (the house font and any
    # fallback font for the scripts the cases use) opened once by matplotlib, then cached;
    # run alone, this test is the first to draw them
    for slug in CASES:
        draw(make_chart(CASES[slug], slug))
    for target, name in ((builtins, "open"), (io, "open"), (os, "open"),
                         (pathlib.Path, "open"), (pathlib.Path, "read_text")):
        monkeypatch.setattr(target, name, _forbid)
    figs = [make_chart(CASES[slug], slug) for slug in CASES]
    assert all(f.get_suptitle() and not is_placeholder(f) for f in figs)


def test_global_rcparams_untouched():
    before = dict(mpl.rcParams)
    fig = charts.plot_skill_gaps(gaps())
    draw(fig)
    assert dict(mpl.rcParams) == before


def test_house_style_file():
    path = ROOT / "career_workbook" / "career_workbook.mplstyle"
    rc = mpl.rc_params_from_file(path, fail_on_error=True, use_default_template=False)
    okabe_ito = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#f0e442",
                 "#000000"]
    assert [to_hex(c) for c in rc["axes.prop_cycle"].by_key()["color"]] == okabe_ito
    assert rc["font.sans-serif"][0] == "DejaVu Sans"
    assert rc["savefig.bbox"] == "tight" and rc["svg.hashsalt"]
    assert rc["svg.fonttype"] in ("none", "path")
    assert not rc["axes.spines.top"] and not rc["axes.spines.right"] and rc["axes.grid"]
    assert rc["font.size"] >= 10 and rc["xtick.labelsize"] >= 9


def test_figures_keep_the_house_look_when_drawn_outside_the_style():
    fig = charts.plot_readiness(readiness())
    draw(fig)  # default rcParams here: lazily made ticks must still follow the house style
    ax = fig.axes[0]
    assert {t.get_fontsize() for t in ax.get_xticklabels() + ax.get_yticklabels()} == {9.5}
    assert not ax.spines["top"].get_visible()
    assert ax.get_lines()[0].get_color() == PALETTE["blue"]
    assert fig.get_layout_engine() is not None


def test_svg_output_is_deterministic():
    one = save(charts.plot_feedback_360(feedback()), "svg")
    two = save(charts.plot_feedback_360(feedback()), "svg")
    assert one == two and one.startswith(b"<?xml")


def make_chart(case, slug):
    return case(list(NAMES.get(slug, SKILLS)))


# ----------------------------------------------------------------------------------------
# Every chart: normal, empty, long names, hostile strings, saving
# ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("slug", list(CASES))
def test_every_chart_draws_and_saves(slug):
    fig = make_chart(CASES[slug], slug)
    assert isinstance(fig, Figure) and not is_placeholder(fig)
    assert fig.get_label() == slug
    assert fig.get_suptitle()
    assert not hasattr(fig, "number")  # not registered with pyplot
    for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<?xml")):
        assert save(fig, fmt).startswith(magic)


@pytest.mark.parametrize("slug", list(EMPTY))
def test_empty_data_gives_the_placeholder(slug):
    fig = EMPTY[slug]()
    assert is_placeholder(fig)
    assert ALL_SPECS[slug].empty_message in texts_of(fig)
    assert save(fig, "png").startswith(b"\x89PNG")


@pytest.mark.parametrize("slug", list(CASES))
def test_bare_empty_frame_or_none_gives_the_placeholder(slug):
    func = getattr(charts, ALL_SPECS[slug].plot)
    empty = pd.Series([], dtype=float) if slug.startswith("cohort") else pd.DataFrame()
    args = {"goal_timeline": (empty, None), "progress": (empty, empty)}.get(slug, (empty,))
    assert is_placeholder(func(*args))
    assert is_placeholder(func(*[None] * len(args)))


@pytest.mark.parametrize("slug", list(CASES))
def test_long_names_are_wrapped(slug):
    fig = CASES[slug](LONG)
    draw(fig)
    for text in label_texts(fig):
        for line in unescape_mathtext(text.get_text()).splitlines():
            assert len(line) <= LABEL_WRAP_MAX, (slug, line)
    for line in fig.get_suptitle().splitlines():
        assert len(line) <= 62, line


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@pytest.mark.parametrize("slug", list(CASES))
def test_hostile_strings_are_shown_as_plain_text(slug):
    fig = CASES[slug](HOSTILE)
    draw(fig)
    for text in fig.findobj(Text):
        assert not is_math_text(text.get_text()), text.get_text()
        assert "\x00" not in text.get_text()
    if slug != "cohort_readiness":  # a histogram: no names on it
        shown = " ".join(texts_of(fig))
        markers = ("<script>", "$x^2$", "שלום", "مرحبا", "🚀", "back\\slash \\$")
        assert any(marker in shown for marker in markers), shown
    out = save(fig, "svg")
    assert out.startswith(b"<?xml") and b"<script>" not in out


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
def test_hostile_strings_in_pdf():
    fig = CASES["feedback_360"](HOSTILE)
    assert save(fig, "pdf").startswith(b"%PDF")


def test_title_override_is_escaped():
    fig = charts.plot_skill_gaps(gaps(), title="Costs $5 to fix")
    assert unescape_mathtext(fig.get_suptitle()) == "Costs $5 to fix"
    assert not is_math_text(fig.get_suptitle())


def test_missing_column_is_a_clear_error():
    with pytest.raises(ValueError, match=r"plot_skill_gaps: the frame has no column 'target'.*"
                                         r"skill_gap_frame"):
        charts.plot_skill_gaps(pd.DataFrame({"skill": ["SQL"], "current": [1.0]}))
    with pytest.raises(TypeError, match="plot_cohort_gaps: expected a pandas Series"):
        charts.plot_cohort_gaps([1, 2])
    with pytest.raises(TypeError, match="today = 3"):
        charts.plot_goal_timeline(goals(), milestones(), today=3)


# ----------------------------------------------------------------------------------------
# Skill radar and gaps
# ----------------------------------------------------------------------------------------
def test_skill_radar_plots_current_target_role_and_others():
    frame = gaps()
    fig = charts.plot_skill_radar(frame)
    ax = fig.axes[0]
    order = frame.assign(r=frame["category"].map(SKILL_CATEGORIES.index)).sort_values(
        "r", kind="stable")
    (now,) = lines_with_label(ax, "You now")
    (target,) = lines_with_label(ax, "Your target")
    (role,) = lines_with_label(ax, "Role profile")
    (others,) = lines_with_label(ax, "Colleagues' view")
    closed = lambda col: [*order[col], order[col].iloc[0]]  # noqa: E731
    np.testing.assert_allclose(now.get_ydata(), closed("current"))
    np.testing.assert_allclose(target.get_ydata(), closed("target"))
    np.testing.assert_allclose(role.get_ydata(), closed("role_target"))
    np.testing.assert_allclose(others.get_ydata(), closed("others"))
    assert len(now.get_xdata()) == len(frame) + 1
    biggest = frame[frame["role_target"].notna()].iloc[0]["skill"]  # the role's biggest
    assert fig.get_suptitle() == f"Biggest gap to the role profile: {biggest}"
    bold = [t.get_text() for t in ax.texts if t.get_fontweight() == "bold"]
    assert bold == [biggest]
    assert fig.legends[0].get_title().get_text().startswith("Skill level 0-5")


def test_skill_radar_options_and_partial_data():
    frame = gaps(current=[2.0, NAN, 1.0, 3.0, NAN, 4.0])
    fig = charts.plot_skill_radar(frame, show_role=False, show_others=False)
    ax = fig.axes[0]
    assert {ln.get_label() for ln in ax.get_lines()} == {"You now", "Your target"}
    assert sum("(not rated)" in t.get_text() for t in ax.texts) == 2
    assert not ax.patches  # no fill when a rating is missing
    assert np.isnan(lines_with_label(ax, "You now")[0].get_ydata()[:-1]).sum() == 2
    none = charts.plot_skill_radar(gaps(current=[NAN] * 6))
    assert none.get_suptitle() == "No self-ratings yet: your targets only"
    few = charts.plot_skill_radar(gaps(SKILLS[:2]))
    assert is_placeholder(few) and RADAR_TOO_FEW in texts_of(few)


def test_skill_radar_labels_do_not_overlap():
    fig = charts.plot_skill_radar(gaps(LONG[:10]))
    renderer = draw(fig).get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts]
    assert len(boxes) == 10 and not overlapping(boxes)


def test_skill_gaps_bars_biggest_on_top_with_annotations():
    frame = gaps(role=False)  # with a role, its skills come first: see the test below
    fig = charts.plot_skill_gaps(frame, top=4)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    expected = frame[frame["weighted_gap"] > 0].sort_values("weighted_gap", ascending=False)
    assert len(bars) == 4
    widths = [b.get_width() for b in sorted(bars, key=lambda b: b.get_y(), reverse=True)]
    assert widths == list(expected["weighted_gap"][:4])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[::-1] == list(expected["skill"][:4])
    row = expected.iloc[0]
    assert f"{row['current']:.0f} → {row['target']:.0f}" in [t.get_text() for t in ax.texts]
    assert fig.get_suptitle() == f"Biggest gap: {row['skill']}"
    assert f"Top 4 of {len(expected)} rated skills" in ax.get_title(loc="left")


def test_skill_gaps_partial_and_no_gaps():
    # Hand-built frame without gaps for unrated skills: they are left out.
    frame = pd.DataFrame({"skill": ["SQL", "Python"], "current": [NAN, 2.0],
                          "target": [4.0, 4.0], "importance": [3.0, 2.0]})
    fig = charts.plot_skill_gaps(frame)
    assert [float(p.get_width()) for p in fig.axes[0].patches] == [4.0]
    # Even with a gap computed from 0, an unrated skill is a prompt to rate, never a bar.
    frame = gaps(current=[NAN, 4.0, 4.0, 4.0, 4.0, 4.0])
    frame.loc[0, ["gap", "weighted_gap"]] = [5.0, 25.0]
    fig = charts.plot_skill_gaps(frame)
    assert frame.loc[0, "skill"] not in [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "not rated" not in " ".join(t.get_text() for t in fig.axes[0].texts)
    assert fig.get_suptitle() != f"Biggest gap: {frame.loc[0, 'skill']}"
    note = " ".join(fig.axes[0].get_title(loc="left").split())
    assert "1 skill not rated yet: rate to see the gap" in note
    done = charts.plot_skill_gaps(gaps(current=[5.0] * 6))
    assert is_placeholder(done) and NO_GAPS in texts_of(done)


def test_skill_gap_tick_labels_never_overlap_with_15_long_names():
    fig = charts.plot_skill_gaps(gaps(LONG, current=[1.0] * 15), top=15)
    renderer = draw(fig).get_renderer()
    ticks = [t for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert len(ticks) == 15
    assert all(len(line) <= 28 for t in ticks for line in t.get_text().splitlines())
    boxes = [t.get_window_extent(renderer) for t in ticks]
    assert not overlapping(boxes)
    notes = [t.get_window_extent(renderer) for t in fig.axes[0].texts]
    assert not overlapping(notes)


# ----------------------------------------------------------------------------------------
# Goals: scorecard, timeline, progress
# ----------------------------------------------------------------------------------------
def test_smart_scorecard_heatmap_cells_and_labels():
    frame = scorecard(status={4: "dropped"})
    fig = charts.plot_smart_scorecard(frame)
    ax = fig.axes[0]
    (image,) = [a for a in ax.get_children() if isinstance(a, AxesImage)]
    shown = frame[frame["status"] != "dropped"]
    crit = ["specific", "measurable", "achievable", "relevant", "time_bound"]
    expected = np.column_stack([shown[c] for c in crit] + [shown["score"] / 100])
    np.testing.assert_allclose(image.get_array(), expected)
    assert [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()] == list(shown["text"])
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "Score"
    cell_texts = [t.get_text() for t in ax.texts]
    assert len(cell_texts) == 6 * len(shown)
    assert f"{shown['score'].iloc[0]:.0f}" in cell_texts
    means = shown[crit].mean()
    assert fig.get_suptitle() == f"Most to improve: {means.idxmin().replace('_', '-')}"


def test_smart_scorecard_one_goal_and_all_smart():
    frame = scorecard(GOALS[:1])
    frame.loc[:, ["specific", "measurable", "achievable", "relevant", "time_bound"]] = 1.0
    frame["score"] = 100.0
    fig = charts.plot_smart_scorecard(frame)
    assert fig.get_suptitle() == "1 goal looks SMART"
    assert is_placeholder(charts.plot_smart_scorecard(scorecard(status={0: "dropped"})[:1]))
    partial = scorecard(GOALS[:2])
    partial.loc[0, "measurable"] = NAN
    fig = charts.plot_smart_scorecard(partial)
    assert [t.get_text() for t in fig.axes[0].texts].count("–") == 1


def test_goal_timeline_bars_milestones_and_today():
    g, m = goals(), milestones()
    fig = charts.plot_goal_timeline(g, m, today=TODAY)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    # a draft without a deadline has no bar, a mark on its set day (red-team M #8)
    assert len(bars) == len(g) - int(((g["status"] == "draft") & g["deadline"].isna()).sum())
    import matplotlib.dates as mdates

    with_deadline = g[g["deadline"].notna()]
    spans = {(round(b.get_x(), 6), round(b.get_x() + b.get_width(), 6)) for b in bars}
    for _, row in with_deadline.iterrows():
        assert (round(mdates.date2num(row["created"]), 6),
                round(mdates.date2num(row["deadline"]), 6)) in spans
    diamonds = [ln for ln in ax.get_lines() if ln.get_marker() == "D"]
    assert len(diamonds) == len(m)
    filled = [ln for ln in diamonds if to_hex(ln.get_markerfacecolor()) == "#222222"]
    assert len(filled) == int(m["done"].sum())
    today_line = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert today_line[0].get_xdata()[0] == mdates.date2num(pd.Timestamp(TODAY))
    assert "no deadline" in " ".join(t.get_text() for t in ax.texts)
    late = with_deadline[(with_deadline["deadline"] < pd.Timestamp(TODAY))
                         & ~with_deadline["status"].isin(["done", "draft"])]
    assert fig.get_suptitle().startswith(f"{len(late)} goal")
    assert "today" in [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("milestone_due", [None, date(2026, 11, 15), date(2027, 2, 1)])
def test_a_goal_without_a_deadline_runs_to_the_charts_end_whatever_else_is_dated(
        milestone_due):
    # red team: the same open goal was a bar to July when nothing was dated before today,
    # and a one-day sliver once a milestone was
    import matplotlib.dates as mdates

    g = pd.DataFrame({"goal_id": ["g1", "g2"], "text": ["Present better", "Pass AWS"],
                      "created": [date(2026, 12, 6)] * 2,
                      "deadline": [None, date(2027, 7, 31)], "status": ["active"] * 2})
    m = pd.DataFrame({"goal_id": ["g2"] if milestone_due else [],
                      "title": ["Book"] if milestone_due else [],
                      "due": [milestone_due] if milestone_due else [],
                      "done_on": [None] if milestone_due else []})
    ax = charts.plot_goal_timeline(g, m, today=date(2026, 12, 6)).axes[0]
    ends = sorted(round(b.get_x() + b.get_width(), 3) for b in ax.patches
                  if isinstance(b, Rectangle))
    assert ends == [round(mdates.date2num(pd.Timestamp("2027-07-31")), 3)] * 2


def test_goal_timeline_next_deadline_and_no_today():
    g = goals(GOALS[:1])  # one goal, the last has no deadline: give it one
    g.loc[0, "deadline"] = pd.Timestamp(2027, 1, 1)
    fig = charts.plot_goal_timeline(g, None, today="2026-12-02")
    assert " ".join(fig.get_suptitle().split()) == f"Next deadline in 4 weeks: {GOALS[0]}"
    fig = charts.plot_goal_timeline(g, None, today="2027-01-01")
    assert " ".join(fig.get_suptitle().split()) == f"Next deadline today: {GOALS[0]}"
    fig = charts.plot_goal_timeline(goals(), milestones())
    assert fig.get_suptitle() == "1 of 4 goals done (1 draft not counted)"  # as the cover
    assert not [ln for ln in fig.axes[0].get_lines() if ln.get_linestyle() == "--"]


def _date_ticks(ax) -> list[str]:
    """The x tick labels shown (the locator's ticks run past the view), after drawing."""
    ax.get_figure().canvas.draw()
    lo, hi = sorted(ax.get_xlim())
    return [t.get_text() for loc, t in zip(ax.get_xticks(), ax.get_xticklabels(), strict=True)
            if lo <= loc <= hi]


def test_goal_timeline_over_new_year_names_month_and_year_on_its_ticks():
    """Ticks read "15 | Jan | 15" with "2027-Jan" under the axis: the first 15 was December's."""
    from career_workbook import figures
    from career_workbook.model import Goal, new_workbook

    today = date(2026, 12, 4)
    wb = new_workbook("Sam Lee", today=today)
    wb.goals += [Goal(id="g1", text="Finish the portfolio review", status="active",
                      created=today, deadline=date(2026, 12, 10)),
                 Goal(id="g2", text="Find a mentor", status="active", created=today)]
    ax = figures.make_figure(wb, "goal_timeline", today=today).axes[0]
    assert _date_ticks(ax) == ["15 Dec", "Jan 2027", "15 Jan"]
    assert ax.xaxis.get_offset_text().get_text() == ""


def _set_late_workbook(**first):
    """Two goals set 1 Oct 2026 (the second with no deadline), the first changed by
    ``first``; check-ins in October."""
    from career_workbook.model import CheckIn, Goal, new_workbook

    wb = new_workbook("Jose", today=date(2026, 9, 1))
    wb.goals += [Goal(id="g1", text="Publish 3 analyses", status="active",
                      created=date(2026, 10, 1), deadline=date(2026, 12, 20)),
                 Goal(id="g2", text="Become senior", status="active",
                      created=date(2026, 10, 1), deadline=date(2027, 9, 30)),
                 Goal(id="g3", text="Read more", status="active", created=date(2026, 10, 1))]
    wb.goals[0] = wb.goals[0].model_copy(update=first)
    wb.check_ins += [CheckIn(date=date(2026, 10, 15), progress={"g1": 10, "g2": 5}),
                     CheckIn(date=date(2026, 10, 29), progress={"g1": 30, "g2": 10})]
    return wb


def _xlim_days(ax) -> tuple[date, date]:
    return tuple(mdates.num2date(x).date() for x in ax.get_xlim())


@pytest.mark.parametrize("first", [
    {"created": date(2062, 10, 1)},  # red team: 2062 for 2026, after today and the deadline
    {"created": date(2062, 10, 1), "deadline": None},  # no deadline: after today only
    {"created": date(2031, 3, 9), "deadline": date(2030, 1, 1)},
])
def test_goal_timeline_is_not_stretched_to_a_day_set_after_today_or_the_deadline(first):
    """Red team: the axis ran to 2060 for a goal set "1 Oct 2062" and the other goals
    became slivers; the goal is a mark, its set day named beside it."""
    from career_workbook import figures

    today = date(2026, 12, 6)
    wb = _set_late_workbook(**first)
    ax = figures.make_figure(wb, "goal_timeline", today=today).axes[0]
    last = max(today, date(2027, 9, 30), first.get("deadline") or today)
    lo, hi = _xlim_days(ax)
    assert lo < date(2026, 10, 1) and last < hi < last + (last - lo) / 4, (lo, hi)
    set_day = f"{first['created'].day} {first['created']:%b %Y}"
    said = " ".join(t.get_text() for t in ax.texts)
    assert f"set {set_day}, after " + ("its deadline" if first.get("deadline", 1) else
                                       "today; no deadline") in said


def test_progress_measures_a_goal_set_after_today_from_its_first_check_in():
    """Red team: g1's panel ran to 2060 and read 'ahead'; its plan now starts at its first
    check-in, in a panel of its own months, and it reads 'behind' as the analysis says."""
    from career_workbook import figures

    today = date(2026, 12, 6)
    fig = figures.make_figure(_set_late_workbook(created=date(2062, 10, 1)), "progress",
                              today=today)
    ax = next(a for a in fig.axes if a.get_title(loc="left").startswith("Publish"))
    lo, hi = _xlim_days(ax)
    assert date(2026, 10, 1) < lo < date(2026, 10, 15) and date(2026, 12, 20) < hi < date(
        2027, 2, 1)
    [plan] = [ln for ln in ax.get_lines() if ln.get_label() == "Expected"]
    assert [pd.Timestamp(x).date() for x in plan.get_xdata()] == [date(2026, 10, 15),
                                                                  date(2026, 12, 20)]
    assert "behind" in [t.get_text() for t in ax.texts]
    # every active goal accounted for (goal_counts_words): the counts add up to 3
    assert fig.get_suptitle() == "0 of 3 active goals on track, 2 behind, 1 not started"


@pytest.mark.parametrize(("first", "last", "ticks"), [
    ("2026-11-27", "2026-12-04", ["27 Nov 2026", "29 Nov", "Dec", "3 Dec"]),  # a week
    ("2026-12-28", "2027-01-04", ["29 Dec", "31 Dec", "Jan 2027", "3 Jan"]),  # over new year
    ("2026-11-03", "2026-12-03", ["8 Nov 2026", "15 Nov", "22 Nov", "Dec"]),  # a month
    ("2026-02-01", "2026-11-20", ["Mar 2026", "May", "Jul", "Sep", "Nov"]),  # months
    ("2026-09-10", "2027-04-20", ["Sep", "Nov", "Jan 2027", "Mar", "May"]),  # new year
    ("2024-12-04", "2026-12-04", ["2025", "2026", "2027"]),  # two years
])
def test_date_ticks_say_the_month_and_where_the_year_changes(first, last, ticks):
    from career_workbook.charts._style import date_axis

    ax = Figure().add_subplot()
    ax.plot(pd.to_datetime([first, last]), [1, 2])
    date_axis(ax.xaxis)
    assert _date_ticks(ax) == ticks
    assert ax.xaxis.get_offset_text().get_text() == ""


def test_progress_expected_actual_and_forecast_lines():
    gp, hist = goal_progress(GOALS[:2]), history(GOALS[:2])
    fig = charts.plot_progress(hist, gp, today=TODAY)
    by_title = {ax.get_title(loc="left").replace("\n", " "): ax for ax in fig.axes}
    ax = by_title[GOALS[0]]
    (expected,) = lines_with_label(ax, "Expected")
    assert list(expected.get_ydata()) == [0, 100]
    assert list(pd.to_datetime(expected.get_xdata())) == [gp.loc[0, "created"],
                                                          gp.loc[0, "deadline"]]
    (actual,) = lines_with_label(ax, "Actual")
    points = hist[hist["goal_id"] == "g0"]
    assert list(actual.get_ydata()) == list(points["actual"])
    (forecast,) = lines_with_label(ax, "Forecast")
    last = points.iloc[-1]
    assert last["date"] < pd.Timestamp(TODAY)  # nothing reported since: level until today
    assert list(forecast.get_ydata()) == [last["actual"], last["actual"], 100]
    assert list(pd.to_datetime(forecast.get_xdata())) == [
        last["date"], pd.Timestamp(TODAY), gp.loc[0, "forecast"]]
    assert not lines_with_label(by_title[GOALS[1]], "Forecast")
    assert "behind" in [t.get_text() for t in by_title[GOALS[1]].texts]
    assert fig.get_suptitle() == "1 of 2 active goals on track, 1 behind"


def test_progress_at_most_six_panels_attention_first():
    texts = [f"Goal number {i}" for i in range(8)]
    fig = charts.plot_progress(history(texts), goal_progress(texts), today=TODAY)
    assert len(fig.axes) == 6
    tracks = [next(t.get_text() for t in ax.texts) for ax in fig.axes]
    assert tracks[0] == "overdue" and tracks[1:3] == ["behind", "behind"]
    assert "2 more not shown" in fig.legends[0].get_title().get_text()
    assert " ".join(fig.get_suptitle().split()) == (
        "3 of 7 active goals on track, 2 behind, 1 overdue, 1 not started (1 done)")


def test_progress_a_draft_says_so_and_the_headline_leaves_it_out():
    # A draft is not a commitment: "4 of 4 goals on track" above five panels, one of
    # them "not started", read as a miscount.
    texts = GOALS[:3]
    gp = goal_progress(texts)
    gp.loc[2, ["status", "track"]] = ["draft", "not started"]
    fig = charts.plot_progress(history(texts), gp, today=TODAY)
    labels = {ax.get_title(loc="left").replace("\n", " "): [t.get_text() for t in ax.texts]
              for ax in fig.axes}
    assert labels[texts[2]] == ["draft"]
    assert fig.get_suptitle() == "1 of 2 active goals on track, 1 behind (1 draft not counted)"
    gp["status"] = "draft"  # all drafts with progress recorded: drawn, each marked draft
    fig = charts.plot_progress(history(texts), gp, today=TODAY)
    assert not is_placeholder(fig)
    assert sum(ax.texts[0].get_text() == "draft" for ax in fig.axes if ax.texts) == 3
    # all drafts and nothing recorded: nothing to track yet, "Still to come" in a pack
    fig = charts.plot_progress(history(texts).iloc[0:0], gp, today=TODAY)
    assert is_placeholder(fig)
    assert placeholder_message(fig).startswith("No goals to track yet (3 draft goals not "
                                               "committed to)")


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_progress_makes_only_the_panels_it_draws(n, monkeypatch):
    """Issue 15: five goals on a 3 x 2 grid made six axes and removed one (a whole axes
    with its ticks, drawn for nothing). The panels share their percentages, shown on the
    left panels; each has its own dates, shown under every panel (a shared date axis
    stretched every panel to the farthest goal's deadline)."""
    from matplotlib.axes import Axes

    removed = []
    monkeypatch.setattr(Axes, "remove", lambda self: removed.append(self))
    texts = [f"Goal number {i}" for i in range(n)]
    fig = charts.plot_progress(history(texts), goal_progress(texts), today=TODAY)
    assert removed == [] and len(fig.axes) == n
    cols = 1 if n == 1 else 2

    def shows(axis):
        return axis.get_major_ticks()[0].label1.get_visible()

    for i, ax in enumerate(fig.axes):
        if i:
            assert not ax.get_shared_x_axes().joined(ax, fig.axes[0])
            assert ax.get_shared_y_axes().joined(ax, fig.axes[0])
        assert shows(ax.xaxis)  # dates under every panel
        assert shows(ax.yaxis) == (i % cols == 0)  # percentages on the left panels


def test_progress_each_panel_shows_its_own_goal_window():
    """A goal ten years long, or one crawling towards 100 % decades away, stretched every
    panel's dates to its own: healthy goals' lines became slivers. Each panel covers its
    goal's set date to its deadline (or today, or the last report); a forecast beyond
    stops at the panel's edge and says its date in words."""
    gp = make(PROGRESS_COLUMNS, [
        dict(goal_id="g0", text="Short goal", status="active", created=day(0),
             deadline=day(300), expected=50.0, actual=40.0, source="check-in",
             track="on track", days_left=100.0, forecast=day(290)),
        dict(goal_id="g1", text="Ten-year goal", status="active", created=day(0),
             deadline=day(3650), expected=5.0, actual=5.0, source="check-in",
             track="on track", days_left=3400.0, forecast=None),
        dict(goal_id="g2", text="Crawling goal", status="active", created=day(0),
             deadline=day(300), expected=50.0, actual=12.0, source="check-in",
             track="behind", days_left=100.0, forecast=pd.Timestamp("2058-06-01")),
    ])
    hist = make(HISTORY_COLUMNS, [
        dict(date=day(100 + 30 * k), goal_id=g, actual=a + k, source="check-in")
        for g, a in (("g0", 30.0), ("g1", 3.0), ("g2", 10.0)) for k in range(3)])
    fig = charts.plot_progress(hist, gp, today=day(200))
    by_title = {ax.get_title(loc="left"): ax for ax in fig.axes}
    for text, end in (("Short goal", day(300)), ("Crawling goal", day(300)),
                      ("Ten-year goal", day(3650))):
        lo, hi = (pd.Timestamp(mdates.num2date(x)).tz_localize(None)
                  for x in by_title[text].get_xlim())
        assert lo <= day(0) < day(300) <= hi and hi - end < pd.Timedelta(days=400), text
    crawl = by_title["Crawling goal"]
    (forecast,) = lines_with_label(crawl, "Forecast")
    right = crawl.get_xlim()[1]
    assert mdates.date2num(pd.Timestamp(forecast.get_xdata()[-1])) == pytest.approx(right)
    assert 12 < forecast.get_ydata()[-1] < 100  # stopped on the way, at the edge
    assert "forecast: Jun 2058" in [t.get_text() for t in crawl.texts]
    short_goal = by_title["Short goal"]
    assert not any(t.get_text().startswith("forecast") for t in short_goal.texts)


def test_progress_single_check_in_and_no_history():
    gp, hist = goal_progress(GOALS[:1]), history(GOALS[:1]).head(1)
    fig = charts.plot_progress(hist, gp.assign(forecast=pd.NaT))
    (actual,) = lines_with_label(fig.axes[0], "Actual")
    assert len(actual.get_ydata()) == 1
    assert not lines_with_label(fig.axes[0], "Forecast")  # the analysis gave none
    fig = charts.plot_progress(make(HISTORY_COLUMNS, []), goal_progress(GOALS[:3]), TODAY)
    assert "No progress recorded yet" in fig.legends[0].get_title().get_text()
    assert all(not lines_with_label(ax, "Actual") for ax in fig.axes)


# ----------------------------------------------------------------------------------------
# Feedback 360
# ----------------------------------------------------------------------------------------
def test_feedback_360_points_quadrants_and_headline():
    frame = feedback()
    fig = charts.plot_feedback_360(frame)
    ax = fig.axes[0]
    (points,) = [c for c in ax.collections if isinstance(c, PathCollection)]
    np.testing.assert_allclose(points.get_offsets(), frame[["self", "others"]].to_numpy())
    colours = [to_hex(c) for c in points.get_facecolors()]
    assert colours[0] == PALETTE["vermillion"].lower()  # 4 vs 2.5: blind spot
    labels = {t.get_text() for t in ax.texts}
    assert {"Hidden strength", "Blind spot", "Agreed strength",
            "Agreed development area"} <= labels
    assert set(frame["skill"]) <= labels
    blind = frame[frame["quadrant"] == "blind spot"].sort_values("gap")
    assert fig.get_suptitle() == f"{len(blind)} blind spots, biggest: {blind.iloc[0]['skill']}"


def test_feedback_360_anonymity_and_partial():
    few = charts.plot_feedback_360(feedback(n_others=2))
    assert is_placeholder(few)
    assert NOT_ENOUGH_RATERS.format(n=3) in texts_of(few)
    frame = feedback()
    frame.loc[0, ["others", "quadrant"]] = [NAN, None]  # fewer than 3 raters for one skill
    frame.loc[0, "n_others"] = 2
    fig = charts.plot_feedback_360(frame)
    assert frame.loc[0, "skill"] not in {t.get_text() for t in fig.axes[0].texts}
    assert f"1 skill not shown (fewer than 3 raters): {frame.loc[0, 'skill']}" in \
        fig.axes[0].get_title(loc="left")
    one = charts.plot_feedback_360(feedback(["SQL"]))
    assert one.get_suptitle() == "Blind spot: SQL"
    no_feedback = feedback().assign(others=NAN, n_others=0, quadrant=None)
    fig = charts.plot_feedback_360(no_feedback)
    assert CHARTS["feedback_360"].empty_message in texts_of(fig)


def test_feedback_360_counts_and_names_every_skill_it_leaves_out():
    """Red team M 10: "agree on all 1 skill"; "4 not shown (fewer than 3 raters)" when 5
    skills had fewer than 3 raters; SQL (colleagues' ratings, no self-rating) dropped
    without a word. Every skill of the frame is now drawn or named in the subtitle."""
    from datetime import date

    from career_workbook.analysis import feedback_360_frame
    from career_workbook.model import Assessment, Feedback, Skill, new_workbook

    wb = new_workbook("Kim Park", today=date(2026, 1, 1))
    names = ["Writing", "Python", "Statistics", "Excel", "Tableau", "SQL", "Go"]
    wb.skills = [Skill(name=n) for n in names]
    wb.assessments = [Assessment(date=date(2026, 2, 1), ratings={
        "Writing": 3, "Python": 2, "Statistics": 4, "Excel": 3, "Tableau": 1})]
    few = {"Python": 1, "Statistics": 2, "Excel": 2, "Tableau": 1, "SQL": 2}  # raters each
    for i in range(3):
        ratings = {"Writing": 3, "Go": 4, **{k: 3 for k, n in few.items() if i < n}}
        wb.feedback.append(Feedback(rater_group="peer", rater_id=f"p{i}",
                                    date=date(2026, 3, 1), ratings=ratings))
    frame = feedback_360_frame(wb)
    fig = charts.plot_feedback_360(frame)
    note = fig.axes[0].get_title(loc="left")
    assert fig.get_suptitle() == "You and your colleagues agree on the 1 skill"
    assert note.replace("\n", " ") == (
        "Self-rating vs colleagues' mean for 1 skill 5 skills not shown (fewer than 3 "
        "raters): Python, Statistics, Excel, Tableau and SQL 1 skill not rated by you yet: "
        "Go")
    (points,) = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
    assert len(points.get_offsets()) + 5 + 1 == len(frame) == 7  # every skill counted once
    both = frame.copy()
    both.loc[both["skill"] == "Python", ["others", "n_others"]] = [3.0, 3]
    assert charts.plot_feedback_360(both).get_suptitle() == \
        "You and your colleagues agree on both skills"


def test_feedback_360_labels_repel_without_overlap():
    names = [f"Close skill {i}" for i in range(12)]
    frame = make(FEEDBACK_COLUMNS, [
        dict(skill=n, self=3.0 + 0.02 * i, others=3.0 + 0.03 * (i % 4), n_others=5,
             gap=0.0, quadrant="agreed development area") for i, n in enumerate(names)])
    fig = charts.plot_feedback_360(frame)
    renderer = draw(fig).get_renderer()
    labels = [t for t in fig.axes[0].texts if t.get_text().startswith("Close skill")]
    assert len(labels) == 12
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert not overlapping(boxes)
    axes_box = fig.axes[0].get_window_extent(renderer)
    assert all(axes_box.y0 - 1 <= b.y0 and b.y1 <= axes_box.y1 + 1 for b in boxes)
    # the same holds at another dpi (layout is done at draw time); measured with that draw's
    # own renderer: get_window_extent() after savefig(dpi=200) mixes two dpis before mpl 3.11
    fig.set_dpi(200)
    renderer = draw(fig).get_renderer()
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert not overlapping(boxes)


def test_coincident_skills_share_one_label():
    frame = feedback(["SQL", "Python"])
    frame.loc[1, ["self", "others", "quadrant"]] = [4.0, 2.5, "blind spot"]
    fig = charts.plot_feedback_360(frame)
    assert "SQL; Python" in {t.get_text() for t in fig.axes[0].texts}


def test_points_in_one_column_are_labelled_on_one_side():
    # Jordan's example: at x=4 a long name had to go left while its neighbours' went right,
    # and a neighbour's second line, level with it, read "Stakeholder Management ● Perceptiveness"
    names = ["Agile Delivery", "Coaching", "Writing and Social Perceptiveness",
             "Stakeholder Management Practice"]
    frame = make(FEEDBACK_COLUMNS, [
        dict(skill=n, self=4.0, others=3.7 - 0.12 * i, n_others=5, gap=0.0,
             quadrant="agreed strength") for i, n in enumerate(names)] + [
        dict(skill="Python", self=1.0, others=1.2, n_others=5, gap=0.0,
             quadrant="agreed development area")])
    fig = charts.plot_feedback_360(frame)
    draw(fig)
    corners = {"Hidden strength", "Blind spot", "Agreed strength", "Agreed development area"}
    side = {t.get_text().replace("\n", " "): t.get_horizontalalignment()
            for t in fig.axes[0].texts if t.get_text() not in corners}
    assert len(side) == 5, side
    column = {v for k, v in side.items() if k != "Python"}
    assert column == {"right"}, side  # right-aligned: left of the points, all four
    assert side["Python"] == "left"  # a point elsewhere keeps its label on the right


def test_skills_at_one_spot_keep_each_name_whole():
    frame = feedback(["Stakeholder Management", "Conflict Resolution"])
    frame.loc[1, ["self", "others", "quadrant"]] = frame.loc[0, ["self", "others", "quadrant"]]
    fig = charts.plot_feedback_360(frame)
    assert "Stakeholder Management;\nConflict Resolution" in {t.get_text()
                                                             for t in fig.axes[0].texts}


def test_repel_vertical_examples():
    y = charts.repel_vertical([10, 10, 10], [4, 4, 4], [0, 0, 0], [5, 5, 5], 0, 100, gap=1)
    assert np.diff(np.sort(y)).min() >= 5 - 1e-6
    assert abs(y.mean() - 10) < 1e-6  # pushed apart symmetrically
    y = charts.repel_vertical([1, 1], [4, 4], [0, 0], [5, 5], 0, 100, gap=0)
    assert y.min() >= 2 - 1e-9  # kept inside the bounds


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 100), st.floats(2, 8), st.floats(0, 60),
                          st.floats(5, 40)), min_size=1, max_size=12))
def test_repel_vertical_leaves_no_overlap_when_there_is_room(boxes):
    y0, h, x0, w = (np.array(v) for v in zip(*boxes, strict=True))
    lo, hi = -2 * h.sum() - 50, 150 + 2 * h.sum()
    y = charts.repel_vertical(y0, h, x0, x0 + w, lo, hi, gap=1)
    for i, j in itertools.combinations(range(len(y)), 2):
        if x0[i] < x0[j] + w[j] and x0[j] < x0[i] + w[i]:
            assert abs(y[i] - y[j]) >= (h[i] + h[j]) / 2 + 1 - 1e-3
    assert np.all(y - h / 2 >= lo - 1e-6) and np.all(y + h / 2 <= hi + 1e-6)


# ----------------------------------------------------------------------------------------
# Network, values, learning, wellbeing, readiness
# ----------------------------------------------------------------------------------------
def test_network_positions_sizes_and_overdue_rings():
    frame = contacts()
    fig = charts.plot_network(frame, TODAY)
    ax = fig.axes[0]
    points, rings = [c for c in ax.collections if isinstance(c, PathCollection)]
    xs = points.get_offsets()[:, 0]
    finite = frame["days_since"].notna().to_numpy()
    np.testing.assert_allclose(xs[finite], frame["days_since"][finite])
    assert xs[~finite].min() > frame["days_since"].max()  # "none recorded" on the right
    assert "none\nrecorded" in [t.get_text() for t in ax.get_xticklabels()]
    np.testing.assert_allclose(points.get_sizes(), 25 + 38 * (frame["strength"] - 1))
    assert len(rings.get_offsets()) == int(frame["overdue"].sum())
    names = {t.get_text() for t in ax.texts}
    assert set(frame.loc[frame["overdue"], "name"]) <= names
    assert not set(frame.loc[~frame["overdue"], "name"]) & names
    band = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_x() == 0]
    assert len(band) == 1 and band[0].get_width() == 90
    assert fig.get_suptitle() == "2 follow-ups overdue"
    assert "as of 22 Nov 2026" in ax.get_title(loc="left")


def test_network_headlines_without_overdue():
    frame = contacts().assign(overdue=False)
    # no contact recorded is told apart from one over 90 days ago (as of a review period's
    # end, a last contact after it is not known yet)
    assert (charts.plot_network(frame).get_suptitle()
            == "2 contacts not reached in 90+ days, 1 with none recorded")
    assert (charts.plot_network(frame.assign(days_since=NAN)).get_suptitle()
            == "5 contacts with no contact recorded yet")
    assert (charts.plot_network(frame.fillna({"days_since": 100.0})).get_suptitle()
            == "3 contacts not reached in 90+ days")
    frame = frame.assign(days_since=20.0)
    assert (charts.plot_network(frame).get_suptitle()
            == "All 5 contacts reached in the last 90 days")


def test_values_wheel_bars_by_rank_and_top_three():
    frame = values()
    fig = charts.plot_values_wheel(frame)
    ax = fig.axes[0]
    bars = list(ax.patches)
    assert [b.get_height() for b in bars] == list(frame["importance"])
    colours = [to_hex(b.get_facecolor()) for b in bars]
    assert colours[:3] == [PALETTE["orange"].lower()] * 3
    assert set(colours[3:]) == {PALETTE["sky"].lower()}
    assert fig.get_suptitle() == "Top value: Autonomy"
    tie = frame.assign(importance=[9, 9, 8, 7, 5], rank=[1, 1, 3, 4, 5])
    assert charts.plot_values_wheel(tie).get_suptitle() == "Top values: Autonomy and Family"
    one = charts.plot_values_wheel(values(["Honesty"]))
    assert len(one.axes[0].patches) == 1 and one.get_suptitle() == "Top value: Honesty"


def test_a_single_value_fills_the_wheel_and_asks_for_more():
    """One value was a wedge of 86% of the circle: a disc with a notch cut out."""
    one = charts.plot_values_wheel(values(["Freedom"]))
    (wedge,) = one.axes[0].patches
    assert wedge.get_width() == pytest.approx(2 * np.pi)  # its theta span: the whole circle
    assert wedge.get_linewidth() == 0  # no white seam where its two edges meet
    legend = one.legends[0]
    assert ONE_VALUE in legend.get_title().get_text()
    assert [t.get_text() for t in legend.get_texts()] == ["Top three"]
    for n in (2, 3):  # wedges with a gap between them, no note
        fig = charts.plot_values_wheel(values(["Freedom", "Family", "Growth"][:n]))
        spans = [p.get_width() for p in fig.axes[0].patches]
        assert len(spans) == n and all(0.8 * 2 * np.pi / n < w < 2 * np.pi / n for w in spans)
        assert ONE_VALUE not in fig.legends[0].get_title().get_text()
    many = charts.plot_values_wheel(values())
    assert [t.get_text() for t in many.legends[0].get_texts()] == ["Top three", "Other values"]


def test_learning_hours_step_lines_per_skill():
    frame = learning()
    fig = charts.plot_learning_hours(frame)
    ax = fig.axes[0]
    steps = [ln for ln in ax.get_lines() if ln.get_drawstyle() == "steps-post"]
    assert len(steps) == 3
    by_skill = {ln.get_label().split(" (")[0]: ln for ln in steps}
    python = frame[frame["skill"] == "Python"]
    assert list(by_skill["Python"].get_ydata()) == [0.0, *python["cumulative_hours"],
                                                    python["cumulative_hours"].iloc[-1]]
    assert by_skill["Negotiation"].get_label() == "Negotiation (9 h)"
    total = frame["hours"].sum()
    assert fig.get_suptitle() == f"{total:.0f} hours of learning — most on Negotiation (9 h)"


def test_learning_hours_groups_small_skills_and_handles_partial():
    names = [f"Skill {i}" for i in range(9)]
    fig = charts.plot_learning_hours(learning(names))
    labels = [ln.get_label() for ln in fig.axes[0].get_lines()
              if ln.get_drawstyle() == "steps-post"]
    # 9 skills, skill i has 5 + i + 2 hours: the 3 smallest are pooled (7 + 8 + 9 h)
    assert len(labels) == 7 and labels[-1] == "Other skills (24 h)"
    undated = learning().astype({"date": "datetime64[ns]"})
    undated.loc[0, "date"] = pd.NaT
    fig = charts.plot_learning_hours(undated)
    hours = number(undated.loc[0, "hours"])
    assert (f"{hours} h in 1 item without a date: in the total, not drawn"
            in fig.axes[0].get_title(loc="left").replace("\n", " "))
    zero = charts.plot_learning_hours(learning().assign(hours=0.0))
    assert is_placeholder(zero) and NO_HOURS in texts_of(zero)


def test_learning_hours_without_dates_are_named_not_called_no_learning():
    """Step 08: 2.5 h logged with no date; the chart said "No learning logged yet"."""
    from career_workbook import figures
    from career_workbook.model import LearningItem, new_workbook

    wb = new_workbook("Sam")
    wb.learning.append(LearningItem(title="Pandas book", hours=2.5))
    fig = figures.make_figure(wb, "learning_hours", today=date(2026, 11, 22))
    said = " ".join(texts_of(fig))
    assert is_placeholder(fig) and "No learning logged yet" not in said
    assert "2.5 h logged without dates — add a start or completion date" in said, said
    wb.learning.append(LearningItem(title="Talk", hours=0.0))  # no hours, no dates: as before
    assert "2.5 h logged without dates" in " ".join(texts_of(
        figures.make_figure(wb, "learning_hours", today=date(2026, 11, 22))))
    wb.learning[0].hours = 0.0
    assert NO_DATED_LEARNING in texts_of(
        figures.make_figure(wb, "learning_hours", today=date(2026, 11, 22)))


def test_wellbeing_lines_dips_and_setbacks():
    frame = wellbeing()
    fig = charts.plot_wellbeing(frame)
    ax = fig.axes[0]
    (motivation,) = lines_with_label(ax, "Motivation")
    (confidence,) = lines_with_label(ax, "Confidence")
    assert list(motivation.get_ydata()) == list(frame["motivation"])
    assert list(confidence.get_ydata()) == list(frame["confidence"])
    dips = next(c for c in ax.collections if c.get_label() == "Dip")
    assert dips.get_offsets()[:, 1].tolist() == [4.0]  # motivation fell 8 -> 4
    setbacks = next(c for c in ax.collections if c.get_label() == "Setback")
    assert len(setbacks.get_offsets()) == 1
    assert "“Project cancelled”" in ax.get_title(loc="left")  # quoted, not over the markers
    assert fig.get_suptitle() == "Motivation recovering after a dip in June"


def test_wellbeing_dip_bands_never_reach_the_next_check_in():
    # daily check-ins, three of them dips: each band was at least four days wide and the
    # bands shaded the whole plot
    days = pd.date_range("2026-11-27", periods=6, freq="D")
    frame = pd.DataFrame({"date": days, "motivation": [5.0, 6, 7, 5, 6, 7],
                          "confidence": [4.0, 5, 6, 7, 4, 5],
                          "dip": [True, False, False, True, True, False]})
    import matplotlib.dates as mdates

    ax = charts.plot_wellbeing(frame).axes[0]
    spans = sorted((p.get_x(), p.get_x() + p.get_width()) for p in ax.patches
                   if p.get_alpha() == 0.08)
    assert len(spans) == 3
    for (start, end), day in zip(spans, days[[0, 3, 4]], strict=True):
        assert end - start == pytest.approx(1.0)  # half a day each side of its check-in
        assert start == pytest.approx(mdates.date2num(day) - 0.5)
    weekly = charts.plot_wellbeing(frame.assign(date=pd.date_range("2026-09-04", periods=6,
                                                                   freq="7D")))
    widths = [p.get_width() for p in weekly.axes[0].patches if p.get_alpha() == 0.08]
    assert widths == pytest.approx([7.0] * 3)  # weekly: a week each, as before


def test_wellbeing_setback_text_never_covers_a_setback_marker():
    # issue 11 item 7: the latest setback's label sat on the one before it
    fig = charts.plot_wellbeing(wellbeing(setbacks={3: "Burnout",
                                                    4: "Team reorganised around me again"}))
    ax = fig.axes[0]
    renderer = draw(fig).get_renderer()
    marks = next(c for c in ax.collections if c.get_label() == "Setback")
    for x, y in ax.transData.transform(marks.get_offsets()):
        for text in [*ax.texts, ax.title, ax._left_title]:
            box = text.get_window_extent(renderer).padded(4)
            assert not box.contains(x, y), text.get_text()
    assert "the latest in August: “Team reorganised around me again”" in " ".join(
        ax.get_title(loc="left").split())


@pytest.mark.parametrize(("motivation", "confidence", "dips", "headline"), [
    ((7, 8, 4, 3), (6, 6, 5, 5), (2,), "Motivation still low after a dip in June"),
    ((7, 8, 4), (6, 6, 5), (2,), "Motivation dipped in June"),
    ((7, 8, 8), (6, 6, 2), (2,), "Confidence dipped in June"),
    ((5, 6, 8), (6, 6, 6), (), "Motivation up 3 points since April"),
    ((7, 7, 7.5), (6, 6, 6), (), "Motivation steady around 7/10"),
    ((7,), (6,), (), "Motivation 7/10 at the first check-in"),
    ((NAN, NAN), (5, 8), (), "Confidence up 3 points since April"),
])
def test_wellbeing_headlines(motivation, confidence, dips, headline):
    frame = wellbeing(motivation, confidence, dips, setbacks={})
    fig = charts.plot_wellbeing(frame)
    assert fig.get_suptitle() == headline
    assert not is_placeholder(fig)


def test_wellbeing_on_one_day_names_that_day():
    # one check-in read "15 / Feb / 15 / 2026-Feb" under a point with no date of its own
    frame = wellbeing((7,), (5,), (), setbacks={})
    fig = charts.plot_wellbeing(frame)
    draw(fig)
    ax = fig.axes[0]
    day = pd.Timestamp(frame["date"].iloc[0])
    assert [t.get_text() for t in ax.get_xticklabels()] == [f"{day.day} {day:%b %Y}"]
    lo, hi = ax.get_xlim()
    assert hi - lo == pytest.approx(42)  # three weeks either side


def test_wellbeing_without_scores_is_a_placeholder():
    fig = charts.plot_wellbeing(wellbeing((NAN, NAN), (NAN, NAN), (), setbacks={}))
    assert is_placeholder(fig)


def test_readiness_line_and_headlines():
    fig = charts.plot_readiness(readiness(), role_title="Senior Analyst")
    ax = fig.axes[0]
    (line,) = ax.get_lines()
    assert list(line.get_ydata()) == [40.0, 55.0, 72.0]
    assert ax.get_ylim() == (0, 105)
    assert fig.get_suptitle() == "Readiness 72% — up 32 points since March"
    assert "Senior Analyst" in ax.get_title(loc="left")
    down = charts.plot_readiness(readiness((60.0, 50.0)))
    assert down.get_suptitle() == "Readiness 50% — down 10 points since March"
    same = charts.plot_readiness(readiness((60.0, 60.0)))
    assert same.get_suptitle() == "Readiness 60% — unchanged since March"
    one = charts.plot_readiness(readiness((72.0,)), role_title="Senior Analyst")
    assert one.get_suptitle() == "Readiness 72% for Senior Analyst"


def test_a_headline_since_this_month_names_the_day():
    # "up 10 points since November", read in November, said nothing
    frame = readiness((50.0, 60.0)).assign(
        date=pd.to_datetime(["2026-11-02", "2026-11-20"]))
    fig = charts.plot_readiness(frame)
    assert fig.get_suptitle() == "Readiness 60% — up 10 points since 2 Nov 2026"
    mood = wellbeing((5, 8), (6, 6), (), setbacks={}).assign(
        date=pd.to_datetime(["2026-11-02", "2026-11-20"]))
    assert charts.plot_wellbeing(mood).get_suptitle() == \
        "Motivation up 3 points since 2 Nov 2026"


# ----------------------------------------------------------------------------------------
# Cohort
# ----------------------------------------------------------------------------------------
def test_cohort_readiness_histogram():
    s = pd.Series([12.0, 45.0, 48.0, 81.0, NAN], index=list("abcde"))
    fig = charts.plot_cohort_readiness(s)
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert heights == [0, 1, 0, 0, 2, 0, 0, 0, 1, 0]
    assert fig.get_suptitle() == "Median readiness 47% across 4 clients"  # 46.5, half up
    assert "1 client without a score yet" in fig.axes[0].get_title(loc="left")


def test_cohort_gaps_bars():
    s = pd.Series({"SQL": 2, "Negotiation": 5, "Python": 0, "Budgeting": 3})
    fig = charts.plot_cohort_gaps(s, top=2)
    ax = fig.axes[0]
    assert [p.get_width() for p in ax.patches] == [3, 5]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Budgeting", "Negotiation"]
    assert fig.get_suptitle() == "Most common gap: Negotiation (5 clients)"


def test_cohort_gaps_headline_says_when_skills_tie():
    """Red team: "Most common gap: Coaching (2 clients)" when 8 skills had 2 clients each."""
    eight = pd.Series({name: 2 for name in "HGFEDCBA"} | {"SQL": 1})
    assert (charts.plot_cohort_gaps(eight, top=3).get_suptitle()
            == "8 skills tie as the most common gap (2 clients each)")
    two = pd.Series({"Python": 1, "Statistics": 3, "Coaching": 3})
    assert (charts.plot_cohort_gaps(two).get_suptitle()
            == "Most common gaps: Coaching and Statistics (3 clients each)")


def test_cohort_recency_bars_and_histogram():
    s = pd.Series([5.0, 40.0, NAN], index=["ana", "ben", "cy"])
    fig = charts.plot_cohort_recency(s)
    ax = fig.axes[0]
    bars = sorted(ax.patches, key=lambda p: p.get_y())
    # cy has no check-in yet: no bar, a label at the bottom (red-team M #4: it was a
    # hatched bar past the 30-day line labelled "never")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["cy", "ana", "ben"]
    assert [to_hex(b.get_facecolor()) for b in bars] == [PALETTE["blue"].lower(),
                                                         PALETTE["vermillion"].lower()]
    assert [t.get_text() for t in ax.texts] == ["no check-in yet"]
    # cy never checked in and their start date is not given: not counted as overdue
    assert fig.get_suptitle() == "1 client without a check-in for more than 30 days"
    many = pd.Series(np.arange(40, dtype=float))
    fig = charts.plot_cohort_recency(many)
    assert sum(p.get_height() for p in fig.axes[0].patches) == 40
    assert fig.get_suptitle() == "9 clients without a check-in for more than 30 days"
    ok = charts.plot_cohort_recency(pd.Series([1.0, 2.0]))
    assert ok.get_suptitle() == "Everyone checked in within 30 days"


def test_cohort_recency_orders_names_as_the_readiness_chart_does_capitals_aside():
    """Clients with no check-in yet were listed in code-point order: every capitalised
    name before ``anna lee`` (after ``Zoë``), where the readiness chart casefolds."""
    s = pd.Series([NAN] * 4, index=["anna lee", "Zoë", "Anna Lee (anna_lee_2)", "bo"])
    labels = [t.get_text() for t in charts.plot_cohort_recency(s).axes[0].get_yticklabels()]
    assert labels[::-1] == ["anna lee", "Anna Lee (anna_lee_2)", "bo", "Zoë"]


def test_cohort_charts_say_how_many_files_were_left_out():
    # the charts counted the clients read and never said that some files were not
    readiness = pd.Series([40.0, 55.0, NAN], index=["ana", "ben", "cy"])
    gaps = pd.Series({"SQL": 2})
    days = pd.Series([3.0, 45.0], index=["ana", "ben"])
    drawn = [charts.plot_cohort_readiness(readiness, unread=4),
             charts.plot_cohort_gaps(gaps, unread=4),
             charts.plot_cohort_recency(days, unread=4)]
    for fig in drawn:  # on a line of its own, under what the chart shows
        assert fig.axes[0].get_title(loc="left").splitlines()[-1] == \
            "4 files could not be read: see the CSV"
    one = charts.plot_cohort_gaps(gaps, unread=1, see="the list above the charts")
    assert one.axes[0].get_title(loc="left").endswith(
        "\n1 file could not be read: see the list above the charts")
    for fig in (charts.plot_cohort_readiness(readiness), charts.plot_cohort_gaps(gaps),
                charts.plot_cohort_recency(days)):
        assert "could not be read" not in fig.axes[0].get_title(loc="left")
    empty = charts.plot_cohort_readiness(pd.Series([], dtype=float), unread=2)
    assert charts.is_placeholder(empty)
    assert empty.axes[0].texts[0].get_text().endswith(
        "\n2 files could not be read: see the CSV")


def test_cohort_recency_flags_who_the_analysis_says_is_overdue():
    """One rule: a client started today with no check-in is not stale; one nudged after
    31 days is red (the chart used to count the first and leave the second blue)."""
    from career_workbook.analysis import check_in_overdue

    days = pd.Series([31.0, NAN, NAN, 3.0], index=["nudged", "new", "old", "fine"])
    started = [None, 0, 200, None]
    overdue = pd.Series([check_in_overdue(d, st) for d, st in zip(days, started, strict=True)],
                        index=days.index)
    fig = charts.plot_cohort_recency(days, overdue=overdue)
    assert fig.get_suptitle() == "2 clients without a check-in for more than 30 days"
    ax = fig.axes[0]
    rows = {round(b.get_y() + b.get_height() / 2): to_hex(b.get_facecolor())
            for b in ax.patches}
    names = [t.get_text() for t in ax.get_yticklabels()]
    colour = {names[row]: c for row, c in rows.items()}
    red, blue = PALETTE["vermillion"].lower(), PALETTE["blue"].lower()
    assert colour == {"nudged": red, "fine": blue}
    # no check-in yet: no bar, a label, red only when overdue (red-team M #4)
    said = {names[round(t.xy[1])]: (t.get_text(), to_hex(t.get_color())) for t in ax.texts}
    assert said == {"old": ("no check-in yet, overdue", red),
                    "new": ("no check-in yet", to_hex(MUTED))}


# ----------------------------------------------------------------------------------------
# Every chart on every example workbook
# ----------------------------------------------------------------------------------------
def test_there_are_example_workbooks():
    assert len(EXAMPLES) >= 1


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_chart_on_every_example_workbook(path):
    import career_workbook as cw
    from career_workbook.catalog import load_catalog, resolve_role
    from career_workbook.figures import make_figures

    wb = cw.load(path)
    figs = make_figures(wb, today=TODAY, role=resolve_role(wb, load_catalog()))
    assert list(figs) == list(CHARTS)
    for slug, fig in figs.items():
        assert isinstance(fig, Figure) and fig.get_label() == slug
        if is_placeholder(fig):
            assert any(re.search(r"\(step \d\d\)", t) for t in texts_of(fig)), slug
        else:
            assert fig.get_suptitle(), slug
        fig.draw_without_rendering()
    people = [c.name for c in wb.contacts if c.next_follow_up and c.next_follow_up < TODAY]
    if people and not is_placeholder(figs["network"]):
        assert set(people) <= {t.get_text() for t in figs["network"].axes[0].texts}


def test_radar_your_target_is_the_persons_own_and_the_role_its_own_line(rich_wb, fake_role):
    # issue 11 item 5: SQL target 5 and Python 4 set by the person; the role says 4 and 5
    from career_workbook import analysis

    rich_wb.skills[0].target_level, rich_wb.skills[1].target_level = 4, 5  # Python, SQL
    fig = charts.plot_skill_radar(analysis.skill_gap_frame(rich_wb, fake_role))
    lines = {ln.get_label(): ln for ln in fig.axes[0].get_lines()}
    order = [t.get_text().split("\n")[0] for t in fig.axes[0].texts]
    own = dict(zip(order, lines["Your target"].get_ydata()[:-1], strict=True))
    role = dict(zip(order, lines["Role profile"].get_ydata()[:-1], strict=True))
    assert (own["SQL"], own["Python"]) == (5.0, 4.0)
    assert (role["SQL"], role["Python"]) == (4.0, 5.0)


def test_one_point_readiness_names_its_day_and_own_targets():
    # issue 11 item 13: one point read "15 / Dec / 15 / Jan / 2027-Jan"
    df = pd.DataFrame({"date": pd.to_datetime(["2026-12-03"]), "readiness": [50.0]})
    fig = charts.plot_readiness(df)
    draw(fig)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["3 Dec 2026"]
    assert "own skill targets" in fig.axes[0].get_title(loc="left")  # no role was picked


def test_learning_on_one_day_gets_a_one_day_axis():
    # one learning item: a vertical line on a 2025-2029 axis before
    df = pd.DataFrame({"date": pd.to_datetime(["2026-12-03"]), "skill": ["SQL"],
                       "hours": [6.0]})
    fig = charts.plot_learning_hours(df, today=pd.Timestamp("2026-12-03"))
    draw(fig)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["3 Dec 2026"]
    lo, hi = ax.get_xlim()
    assert hi - lo == pytest.approx(60)  # days either side of the one day


# ----------------------------------------------------------------------------------------
# Opportunity pipeline (issue 16 item 1)
# ----------------------------------------------------------------------------------------
def test_opportunities_rows_by_stage_rings_on_stale_and_names_them():
    fig = charts.plot_opportunities(opportunities(), TODAY)
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == ["Spotted (1)", "Exploring (1)", "Applied (1)", "Interviewing (1)"]
    assert ax.get_yticks().tolist() == [3, 2, 1, 0]  # the first stage on top
    dots, rings = ax.collections[0], ax.collections[1]
    assert len(dots.get_offsets()) == 4 and len(rings.get_offsets()) == 2
    assert sorted(dots.get_offsets()[:, 0].tolist()) == [10, 19, 28, 37]  # x = age in days
    shown = texts_of(fig)
    assert "Lead the billing migration" in shown and "Talk at the data meetup" in shown
    assert "Senior analyst at Northwind" not in shown  # not stale: not named
    assert fig.get_suptitle() == "2 opportunities stale: no movement in 3+ weeks"


def test_opportunities_name_at_most_two_stale_per_stage_the_longest_waiting():
    # six stale names around one row's dots overlapped each other and the dots; three
    # two-line names a row, nine at one x, were pushed far from their dots
    titles = [f"Opportunity {i}" for i in range(6)]
    df = pd.DataFrame({"title": titles, "stage": ["exploring"] * 5 + ["applied"],
                       "age_days": [40, 45, 50, 52, 60, 30], "stale": [True] * 6})
    fig = charts.plot_opportunities(df, TODAY)
    shown = texts_of(fig)
    named = [t for t in titles if t in shown]
    assert named == ["Opportunity 3", "Opportunity 4", "Opportunity 5"]
    # without movement for longest, not spotted longest ago, when the frame says so
    moved = charts.plot_opportunities(df.assign(days_still=[50, 40, 30, 21, 22, 25]), TODAY)
    assert [t for t in titles if t in texts_of(moved)] == [
        "Opportunity 0", "Opportunity 1", "Opportunity 5"]
    assert len(fig.axes[0].collections[1].get_offsets()) == 6  # every one still ringed
    assert "named: the 2 longest without movement in each stage, 3 more not named" in \
        " ".join(fig.axes[0].get_title(loc="left").split())
    assert fig.get_suptitle() == "6 opportunities stale: no movement in 3+ weeks"


def _label_offsets(fig, ax):
    """Drawn point labels (repelled_labels): each one's vertical distance from its dot, in
    rows of the chart, and whether it lies inside the axes."""
    from career_workbook.charts._repel import RepelledLabels

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    (placer,) = [a for a in ax.artists if isinstance(a, RepelledLabels)]
    box = ax.get_window_extent(renderer)
    row = ax.transData.transform([(0, 1)])[0, 1] - ax.transData.transform([(0, 0)])[0, 1]
    out = []
    for text, (x, y) in zip(placer.texts, placer.anchors, strict=True):
        extent = text.get_window_extent(renderer)
        dot = ax.transData.transform([(x, y)])[0, 1]
        inside = box.y0 - 0.5 <= extent.y0 and extent.y1 <= box.y1 + 0.5
        out.append((abs((extent.y0 + extent.y1) / 2 - dot) / row, inside))
    return out


def test_opportunities_many_stale_at_one_age_stay_by_their_dots():
    """Nine stale opportunities spotted the same day: nine labels were stacked at one x,
    far from their dots, the top one over the axes' edge. Two a stage are named, each by
    its dot and inside the axes, and the subtitle says how many more there are."""
    stages = ["spotted", "exploring", "applied"]
    df = pd.DataFrame({"title": [f"Stale opportunity number {i} with a long title"
                                 for i in range(9)],
                       "stage": [stages[i % 3] for i in range(9)], "age_days": [113] * 9,
                       "stale": [True] * 9})
    fig = charts.plot_opportunities(df, TODAY)
    ax = fig.axes[0]
    offsets = _label_offsets(fig, ax)
    assert len(offsets) == 6
    assert all(inside and far < 0.35 for far, inside in offsets), offsets
    assert "3 more not named" in " ".join(ax.get_title(loc="left").split())


def test_network_names_the_most_overdue_and_says_how_many_more():
    """Sixty overdue follow-ups: every one was named and the names piled up. The most
    overdue two a row are named, by their dots; the subtitle counts the rest."""
    n = 60
    frame = make(NETWORK_COLUMNS, [dict(
        contact_id=f"c{i}", person=i, name=f"Contact {i:02d}", relationship=RELATIONSHIPS[i % 6],
        organisation="", last_contact=None, days_since=float(20 + (i * 37) % 280),
        next_follow_up=day(300), overdue=True, days_overdue=float(i), strength=1 + i % 5)
        for i in range(n)])
    fig = charts.plot_network(frame, TODAY)
    ax = fig.axes[0]
    named = {t.get_text() for t in ax.texts} & set(frame["name"])
    assert named == {f"Contact {i:02d}" for i in range(n - 12, n)}  # the most overdue
    assert len(ax.collections[1].get_offsets()) == n  # every one still ringed
    assert "48 more not named" in " ".join(ax.get_title(loc="left").split())
    assert all(inside and far < 0.5 for far, inside in _label_offsets(fig, ax))


@pytest.mark.parametrize("far", [125.0, 157.0, 260.0, 900.0, 4000.0])
def test_network_ticks_reach_the_farthest_contact(far):
    """Contacts at 125 and 157 days had no tick past 90 (ticks were 0, 30, 60, 90, then
    180): the last tick is never far from the farthest dot."""
    frame = contacts().assign(days_since=[10.0, 45.0, 100.0, far, 30.0])
    ax = charts.plot_network(frame, TODAY).axes[0]
    ticks = ax.get_xticks()
    assert ticks.max() >= far * 0.72, ticks
    assert all(t <= ax.get_xlim()[1] for t in ticks)


def test_opportunities_headlines_without_stale():
    df = opportunities()
    df["stale"] = False
    assert charts.plot_opportunities(df).get_suptitle() == \
        "1 opportunity at interview stage"
    df["stage"] = ["offer", "declined", "spotted", "applied"]
    assert charts.plot_opportunities(df).get_suptitle() == "1 offer on the table"
    df["stage"] = "not_now"
    assert charts.plot_opportunities(df).get_suptitle() == \
        "No open opportunities: time to spot the next one"
    rows = [t.get_text() for t in charts.plot_opportunities(df).axes[0].get_yticklabels()]
    assert rows == ["Spotted (0)", "Exploring (0)", "Applied (0)", "Interviewing (0)",
                    "Not now (4)"]


def test_opportunity_labels_never_overlap_with_many_stale_ones():
    from helpers.text_layout import text_problems

    names = [f"Opportunity number {i} with a long-ish title" for i in range(12)]
    df = opportunities(names)
    df["stale"] = df["open"]
    df["age_days"] = 40
    assert text_problems(charts.plot_opportunities(df, TODAY)) == []


def test_a_subtitle_is_wrapped_greedily_with_few_measurements(monkeypatch):
    """Issue 15: each measurement shapes the text again. A subtitle that fits is measured
    once (it was measured word by word); a long one is wrapped exactly as the greedy
    word-by-word wrap does (each line takes every word that fits), with two or three
    measurements a line (the line's end guessed from the width of the rest, then its
    neighbour: bisection took six), on the renderer the chart is then drawn with."""
    from matplotlib.backends import backend_agg

    from career_workbook.charts._canvas import ChartRenderer
    from career_workbook.charts._style import house_style, new_figure, subtitle

    measured: list[str] = []
    # the chart renderer measures a plain text itself (from the layout it draws), on
    # matplotlib 3.11; elsewhere matplotlib's renderer does
    owner = (ChartRenderer if "get_text_width_height_descent" in ChartRenderer.__dict__
             else backend_agg.RendererAgg)
    real = owner.get_text_width_height_descent

    def counting(self, s, prop, ismath):
        measured.append(s)
        return real(self, s, prop, ismath)

    def greedy(words: list[str], width, room: float) -> str:  # the word-by-word wrap
        lines: list[str] = []
        for word in words:
            if lines and width(f"{lines[-1]} {word}") <= room:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return "\n".join(lines)

    monkeypatch.setattr(owner, "get_text_width_height_descent", counting)
    with house_style():
        ax = new_figure(label="demo").add_subplot()
        subtitle(ax, "Levels 0-5,  your   latest ratings")
        assert ax.get_title("left") == "Levels 0-5, your latest ratings"
        assert [m for m in measured if "your" in m] == ["Levels 0-5, your latest ratings"]
        fig = ax.get_figure()
        renderer = fig._get_renderer()
        room = fig.bbox.width * 0.96 - ax.yaxis.get_tightbbox(renderer).width - 12.0
        prop = ax._left_title.get_fontproperties()

        def width(line: str) -> float:
            return real(renderer, line, prop, False)[0]

        base = ("Weighted gap = (target - current) x importance; skills not rated yet "
                "count as level 0 and Supercalifragilisticexpialidocious-long-words ")
        for n in (1, 2, 5):
            text = base * n
            measured.clear()
            subtitle(ax, text)
            got = ax.get_title("left")
            assert got == greedy(text.split(), width, room), n
            lines = got.count("\n") + 1
            # the rest of the text, the guessed end of the line and its neighbour
            assert len([m for m in measured if "gap" in m or "count" in m
                        or "long" in m]) <= lines * 3, (n, len(measured))
            # the lines chosen were measured on the figure's renderer: drawing it does not
            # measure (shape) them again
            measured.clear()
            fig.canvas.draw()
            assert not set(measured) & set(got.split("\n")), n
        for words in (["x" * 80] * 3, ["a"] * 400, ["wide" * 9, *["i"] * 300]):
            subtitle(ax, " ".join(words))  # a guess far off still wraps greedily
            assert ax.get_title("left") == greedy(words, width, room)


def test_date_ticks_are_worked_out_once_per_view_interval(monkeypatch):
    """Issue 15: matplotlib asks an axis for its ticks several times per drawing; the
    date rule is walked once for a given view interval (it dominated the progress chart),
    and again when the interval changes."""
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    from career_workbook.charts._style import date_axis

    walks = []
    real = mdates.AutoDateLocator.get_locator
    monkeypatch.setattr(mdates.AutoDateLocator, "get_locator",
                        lambda self, a, b: walks.append((a, b)) or real(self, a, b))
    ax = Figure().add_subplot()
    ax.plot(pd.to_datetime(["2026-01-05", "2026-09-01"]), [1, 2])
    date_axis(ax.xaxis)
    locator = ax.xaxis.get_major_locator()
    first = [locator() for _ in range(3)]
    assert len(walks) == 1 and all(list(t) == list(first[0]) for t in first)
    ax.set_xlim(pd.Timestamp("2026-01-01"), pd.Timestamp("2028-01-01"))
    wider = locator()
    assert len(walks) == 2 and list(wider) != list(first[0])
    plain = mdates.AutoDateLocator(minticks=2, maxticks=6)
    plain.set_axis(ax.xaxis)
    assert list(plain()) == list(wider)


def test_date_tick_labels_are_worked_out_once_per_ticks_and_view(monkeypatch):
    """Issue 15: the labels of date ticks were worked out at every measure and draw of the
    axis (93 times for notebook 09's two charts, 11 ms); they are kept for the same ticks
    and view interval, and worked out again, with the year where it belongs, when either
    changes. Each caller gets its own list."""
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    from career_workbook.charts import _style
    from career_workbook.charts._style import date_axis

    worked = []
    real = _style._DateTicks._labels
    monkeypatch.setattr(_style._DateTicks, "_labels",
                        lambda self, values: worked.append(len(values)) or real(self, values))
    ax = Figure().add_subplot()
    date_axis(ax.xaxis)
    ax.set_xlim(pd.Timestamp("2026-11-20"), pd.Timestamp("2027-03-10"))
    formatter = ax.xaxis.get_major_formatter()
    ticks = mdates.date2num(pd.to_datetime(["2026-11-01", "2026-12-01", "2027-01-01",
                                            "2027-02-01", "2027-03-01"]))
    first = formatter.format_ticks(ticks)
    again = formatter.format_ticks(ticks)
    assert first == again == ["Nov", "Dec", "Jan 2027", "Feb", "Mar"] and len(worked) == 1
    again.append("changed by the caller")
    assert formatter.format_ticks(ticks) == first
    ax.set_xlim(pd.Timestamp("2027-01-15"), pd.Timestamp("2027-03-10"))  # 1 Jan out of view
    assert formatter.format_ticks(ticks)[3:] == ["Feb 2027", "Mar"] and len(worked) == 2
    assert formatter.format_ticks(ticks[3:]) == ["Feb 2027", "Mar"] and len(worked) == 3
    fig = ax.figure
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == real(formatter, ax.get_xticks())


def test_goal_timeline_draws_a_draft_past_its_deadline_as_a_draft_not_as_late():
    """The headline leaves drafts out (the cover's count); the bar said "Past deadline" in
    the alert colour anyway, and the legend's "Draft" entry had no bar to match."""
    from matplotlib.colors import to_hex

    from career_workbook.charts._style import ALERT
    from career_workbook.charts.goals import STATUS_COLOURS

    goals = pd.DataFrame({
        "goal_id": ["d1", "g1"], "text": ["A draft goal", "An active goal"],
        "created": pd.to_datetime(["2026-01-05", "2026-01-05"]),
        "deadline": pd.to_datetime(["2026-06-01", "2027-06-01"]),
        "status": ["draft", "active"]})
    fig = charts.plot_goal_timeline(goals, None, today=TODAY)
    ax = fig.axes[0]
    colours = {to_hex(bar.get_facecolor()) for bar in ax.patches}
    assert to_hex(STATUS_COLOURS["draft"]) in colours and to_hex(ALERT) not in colours
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "Draft" in labels and "Past deadline" not in labels
    assert "past the deadline" not in fig.get_suptitle()


# ----------------------------------------------------------------------------------------
# 05 red-team walk D: with a role, the gap chart, the radar and readiness speak of it
# ----------------------------------------------------------------------------------------
def _role_and_own_gaps() -> pd.DataFrame:
    """A Data Analyst role lists SQL and Python; the person's own 数据分析 (1 -> 4) has the
    biggest weighted gap of all, outside the role."""
    rows = [("数据分析", 1.0, 4.0, NAN, 3.0), ("SQL", 2.0, 4.0, 4.0, 3.0),
            ("Python", 3.0, 4.0, 4.0, 4.0), ("Statistics", NAN, 3.0, 3.0, 4.0)]
    recs = [dict(skill=n, category="technical", current=c, target=t, role_target=r,
                 own_target=t, importance=i, gap=NAN if c != c else t - c,
                 weighted_gap=NAN if c != c else (t - c) * i, priority=k)
            for k, (n, c, t, r, i) in enumerate(rows, start=1)]
    return make(GAP_COLUMNS, recs)


def test_with_a_role_the_gap_chart_is_about_the_role_and_marks_own_targets():
    fig = charts.plot_skill_gaps(_role_and_own_gaps(), role_title="Data Analyst")
    ax = fig.axes[0]
    assert fig.get_suptitle() == "Biggest gap to the Data Analyst profile: SQL"
    labels = [t.get_text() for t in ax.get_yticklabels()][::-1]  # top first
    assert labels == ["SQL", "Python", "数据分析"]  # the role's gaps first, own below
    bars = sorted((p for p in ax.patches if isinstance(p, Rectangle)),
                  key=lambda b: b.get_y(), reverse=True)
    assert [bool(b.get_hatch()) for b in bars] == [False, False, True]
    note = " ".join(ax.get_title(loc="left").split())
    assert ("gaps to the Data Analyst profile first, then your own targets outside it "
            "(hatched)") in note
    assert "Your own target, not in the role" in [t.get_text()
                                                  for t in fig.legends[0].get_texts()]
    alone = _role_and_own_gaps().iloc[[0, 3]]  # no gap measured on the role's skills
    fig = charts.plot_skill_gaps(alone, role_title="Data Analyst")
    assert " ".join(fig.get_suptitle().split()) == (  # Statistics, the role's, not rated
        "No gap to the Data Analyst profile among the skills you rated; 1 of its skills not "
        "rated yet")
    assert "all your own targets, outside the Data Analyst profile (hatched)" in " ".join(
        fig.axes[0].get_title(loc="left").split())
    plain = _role_and_own_gaps().assign(role_target=NAN)  # no role: the biggest of all
    assert charts.plot_skill_gaps(plain).get_suptitle() == "Biggest gap: 数据分析"


def test_with_a_role_the_radar_names_the_roles_biggest_gap_and_marks_own_skills():
    fig = charts.plot_skill_radar(_role_and_own_gaps(), role_title="Data Analyst")
    assert fig.get_suptitle() == "Biggest gap to the Data Analyst profile: SQL"
    texts = {t.get_text().split("\n")[0]: t.get_text() for t in fig.axes[0].texts
             if t.get_text()}
    assert texts["数据分析"].endswith("(not in the role)")
    assert "not in the role" not in texts["SQL"] + texts["Statistics"]
    bold = [t.get_text() for t in fig.axes[0].texts if t.get_fontweight() == "bold"]
    assert bold == ["SQL"]


def test_with_a_role_the_page_speaks_of_one_role(rich_wb, fake_role):
    """Gap chart, radar and readiness of notebook 05 are about the chosen role; a skill of
    the person's own with a bigger gap is shown, never named as the biggest gap."""
    from career_workbook import analysis, figures
    from career_workbook.model import Assessment, Skill

    rich_wb.skills.append(Skill(name="Painting", importance=5, target_level=5))
    rich_wb.assessments.append(Assessment(date=date(2026, 11, 30), ratings={"Painting": 0}))
    figs = figures.make_figures(rich_wb, today=date(2026, 12, 1), role=fake_role,
                                slugs=["skill_gaps", "skill_radar", "readiness"])
    role_gaps = [g for g in analysis.skill_gaps(rich_wb, fake_role)
                 if g.skill in fake_role.skills and g.gap > 0]
    expected = f"Biggest gap to the Senior Data Scientist profile: {role_gaps[0].skill}"
    assert figs["skill_gaps"].get_suptitle() == figs["skill_radar"].get_suptitle() == expected
    assert "of the Senior Data Scientist profile you meet" in figures.chart_caption(
        figs["readiness"])
    ticks = [t.get_text() for t in figs["skill_gaps"].axes[0].get_yticklabels()]
    assert "Painting" in ticks  # shown, as the person's own (hatched)


def _many_skills(biggest_importance: float) -> pd.DataFrame:
    """29 skills: three rated at importance 3 except the biggest gap's, one unrated at
    importance 5, fourteen unrated at 4, eleven unrated at 2."""
    recs = []
    for k, (cur, imp) in enumerate([(1.0, biggest_importance), (2.0, 3.0), (3.0, 3.0)]
                                   + [(NAN, 5.0)] + [(NAN, 4.0)] * 14 + [(NAN, 2.0)] * 11):
        gap = NAN if cur != cur else 4.0 - cur
        recs.append(dict(skill=f"Skill {k:02d}", category="technical", current=cur,
                         target=4.0, own_target=4.0, importance=imp, gap=gap,
                         weighted_gap=gap * imp, priority=k + 1))
    return make(GAP_COLUMNS, recs)


def _radar_skills(fig) -> set[str]:
    return {t.get_text().split("\n")[0] for t in fig.axes[0].texts if t.get_text()}


@pytest.mark.parametrize("biggest_importance", [2.0, 3.0, 5.0])
def test_radar_shows_the_most_important_skills_as_its_legend_says(biggest_importance):
    """05 red-team walk D: "the 16 most important of your 29 skills" showed two
    importance-3 skills (rated ones came first) and hid importance-4 ones."""
    frame = _many_skills(biggest_importance)
    fig = charts.plot_skill_radar(frame)
    shown = _radar_skills(fig)
    importance = dict(zip(frame["skill"], frame["importance"], strict=True))
    assert len(shown) == 16 and "Skill 00" in shown  # the biggest gap, named above
    others = shown - {"Skill 00"}
    hidden = set(importance) - shown
    assert min(importance[s] for s in others) >= max(importance[s] for s in hidden)
    legend = fig.legends[0].get_title().get_text()
    if biggest_importance == 2.0:  # not among the 16 most important: said so
        assert legend.endswith("; the biggest gap and the 15 most important of your 29 skills")
    else:
        assert legend.endswith("; the 16 most important of your 29 skills")


def _drawn_dots(ax) -> tuple[np.ndarray, np.ndarray]:
    """Every scatter marker's centre and radius, in pixels, as drawn."""
    px = ax.figure.dpi / 72
    centres, radii = [], []
    for coll in ax.collections:
        if isinstance(coll, PathCollection) and len(coll.get_sizes()):
            xy = coll.get_offset_transform().transform(coll.get_offsets())
            r = np.sqrt(np.resize(coll.get_sizes(), len(xy))) / 2 * px
            centres.append(xy)
            radii.append(r + max(coll.get_linewidths()) / 2 * px)
    return np.concatenate(centres), np.concatenate(radii)


@pytest.mark.parametrize("n", [120, 4])
def test_network_names_are_readable_over_dots_and_unboxed_where_clear(n):
    """A heavy workbook's network chart: overdue names were drawn straight over the
    dense dots, unreadable. A name that covers a dot is drawn on a light box; a name clear
    of every dot has none (fails before: no name ever had a box)."""
    fig = charts.plot_network(dense_network(n), TODAY)
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    centres, radii = _drawn_dots(ax)
    names = [t for t in ax.texts if t.get_text().startswith("Contact")]
    assert names
    covered = []
    for t in names:
        b = t.get_window_extent(renderer)
        nx = np.clip(centres[:, 0], b.x0, b.x1) - centres[:, 0]
        ny = np.clip(centres[:, 1], b.y0, b.y1) - centres[:, 1]
        over = bool((np.hypot(nx, ny) < radii).any())
        covered.append(over)
        assert (t.get_bbox_patch() is not None) == over, t.get_text()
    if n > 10:
        assert any(covered)  # the dense case does put names over dots
    else:
        assert not any(covered)


def test_feedback_360_subtitle_fits_beside_the_centred_square():
    """The 360 chart's axes is a square centred in the figure, so its subtitle starts
    well right of the tick labels: wrapped to the width from the tick labels, a long
    first line ran off the right edge (fails before: the line ended ~80 px outside)."""
    names = [f"Stakeholder management and negotiation {i}" for i in range(14)]
    frame = feedback(names)
    frame.loc[8:, "self"] = NAN  # "6 skills not rated by you yet: ..." a long line
    fig = charts.plot_feedback_360(frame)
    for dpi in (100, 200):
        fig.set_dpi(dpi)
        renderer = draw(fig).get_renderer()
        sub = fig.axes[0].get_title(loc="left")
        box = fig.axes[0]._left_title.get_window_extent(renderer)
        assert sub.count("\n") >= 2 and box.x1 <= fig.bbox.width, (dpi, box.x1, sub)


def test_names_cut_alike_in_a_chart_are_told_apart_by_their_ends():
    """Skills sharing a long beginning were all listed as "Stakeholder management …" in
    the 360 chart's "not rated by you yet" (and overdue names on the network chart alike):
    the reader could not tell which (fails before: six identical names)."""
    names = [f"Stakeholder management and negotiation {i}" for i in range(14)]
    frame = feedback(names)
    frame.loc[8:, "self"] = NAN
    sub = " ".join(charts.plot_feedback_360(frame).axes[0].get_title(loc="left").split())
    listed = sub.split("not rated by you yet: ")[1].rsplit(" and ", 1)[0].split(", ")
    assert len(listed) == 5 and len(set(listed)) == 5, listed
    assert all(n.endswith(str(i)) for n, i in zip(listed, range(8, 13), strict=True)), listed


def _outside_isolates(line: str) -> str:
    """The characters of ``line`` outside any FSI...PDI run."""
    depth, out = 0, []
    for char in line:
        if char == "\u2068":
            depth += 1
        elif char == "\u2069":
            depth = max(depth - 1, 0)
        elif depth == 0:
            out.append(char)
    return "".join(out)


@pytest.mark.parametrize("skill", ["ניהול פרויקטים מורכבים בארגונים גדולים ובינלאומיים",
                                   "إدارة المشاريع الكبيرة في المؤسسات الدولية والمحلية"])
def test_a_wrapped_headline_keeps_a_right_to_left_name_as_one_run(skill):
    """"Most common gap: <Hebrew> (5 clients)" wrapped over two lines drew "(5 clients)"
    inside the right-to-left text's run, on its far side. The person's text is isolated
    (FSI...PDI) on every line it is drawn on, and the program's words stay outside it;
    the chart's title for the page reads it as one run again (fails before: no isolates)."""
    from career_workbook.figures import chart_title

    fig = charts.plot_cohort_gaps(pd.Series({skill: 5, "SQL": 2}))
    lines = fig.get_suptitle().split("\n")
    assert len(lines) >= 2
    for line in lines:  # every line: the person's letters isolated, the rest outside
        outside = _outside_isolates(line)
        assert not re.search("[\u0590-\u08ff]", outside), line
        assert line.count("\u2068") == line.count("\u2069"), line
    assert "(5 clients)" in _outside_isolates(lines[-1]) + _outside_isolates(lines[0])
    title = chart_title(fig)  # one run: shortened maybe, never cut in two
    inner = re.fullmatch("Most common gap: \u2068([^\u2068\u2069]+)\u2069 \\(5 clients\\)",
                         title)
    assert inner and skill.startswith(inner[1].rstrip(" …")), title
