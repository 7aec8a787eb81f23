"""Shared fixtures: a rich hand-built workbook, an empty one, a fake role, the examples.

Other test modules may add fixtures here; keep each one small and documented.
"""

from __future__ import annotations

import os
import shutil

# Agg for pytest's own process only; tests that start kernels remove it from the
# environment the kernel inherits (kernels choose their own backend).
os.environ["MPLBACKEND"] = "Agg"

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
import yaml

from career_workbook.model import (
    Achievement,
    Action,
    Assessment,
    CheckIn,
    Contact,
    Feedback,
    Goal,
    Interests,
    LearningItem,
    Metric,
    Milestone,
    Skill,
    Value,
    Vision,
    Workbook,
    new_workbook,
    validate_workbook,
)
from tests.helpers.missing import missing_tool

# A dask worker --preload that patches open() for the whole process: never import it here
# (``--doctest-modules tests`` would collect it).
collect_ignore = ["helpers/refuse_open.py"]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "workbooks"
TODAY = date(2026, 11, 22)
"""The day the rich workbook is reviewed on."""


@dataclass(frozen=True)
class FakeRoleSkill:
    target: int
    importance: int


@dataclass(frozen=True)
class FakeRole:
    """Shaped like ``catalog.RoleProfile`` (duck typing is all analysis relies on)."""

    id: str
    title: str
    skills: dict[str, FakeRoleSkill] = field(default_factory=dict)


def _rate(group: str, rid: str, day: date, comment: str = "", **levels: int) -> Feedback:
    ratings = {name.replace("_", " "): level for name, level in levels.items()}
    return Feedback(rater_group=group, rater_id=rid, date=day, ratings=ratings, comment=comment)


def build_rich_workbook() -> Workbook:
    """Alex, a data analyst aiming at Senior Data Scientist; every section filled in.

    Feedback is laid out to exercise the anonymity rules (rater counts per skill):
    Python 4 peers + 1 manager; SQL 4 peers; Stakeholder Management 3 peers + 1 manager +
    2 direct reports; Public Speaking 2 peers + 1 manager; Statistics 1 manager only.
    """
    wb = new_workbook("Alex Doe", today=date(2026, 1, 5), current_role="Data Analyst",
                      target_role="Senior Data Scientist", organisation="Acme")
    wb.vision = Vision(long_term="Lead a data science team in healthcare",
                       short_term="Become a senior data scientist", horizon_years=5)
    wb.values = [Value(name="Learning", importance=9), Value(name="Autonomy", importance=9),
                 Value(name="Family", importance=10), Value(name="Money", importance=5)]
    wb.interests = Interests(investigative=32, social=20, artistic=20, conventional=10)
    wb.skills = [
        Skill(name="Python", category="technical", importance=5, target_level=5),
        Skill(name="SQL", category="technical", importance=4, target_level=4),
        Skill(name="Statistics", category="technical", importance=5, target_level=4),
        Skill(name="Stakeholder Management", category="soft", importance=4, target_level=4),
        Skill(name="Public Speaking", category="soft", importance=3, target_level=4),
        Skill(name="Coaching", category="leadership", importance=2, target_level=3),
    ]
    wb.assessments = [
        Assessment(date=date(2026, 1, 15), ratings={
            "Python": 3, "SQL": 2, "Statistics": 2, "Stakeholder Management": 2,
            "Public Speaking": 1}),
        Assessment(date=date(2026, 6, 15), ratings={"Python": 4, "SQL": 3, "Statistics": 3}),
        Assessment(date=date(2026, 10, 1), ratings={"SQL": 4, "Public Speaking": 2}),
    ]
    may, feb = date(2026, 5, 10), date(2026, 2, 1)
    wb.feedback = [
        _rate("peer", "p1", feb, SQL=1),
        _rate("peer", "p1", may, "Explains models clearly", Python=4, SQL=3,
              Stakeholder_Management=3, Public_Speaking=2),
        _rate("peer", "p2", may, "Could speak up more in meetings", Python=3, SQL=3,
              Stakeholder_Management=4, Public_Speaking=3),
        _rate("peer", "p3", may, "", Python=4, SQL=4, Stakeholder_Management=4),
        _rate("peer", "p4", may, "Great code reviews", Python=5, SQL=4),
        _rate("manager", "m1", may, "Ready for more visible work", Python=4, Statistics=3,
              Stakeholder_Management=2, Public_Speaking=2),
        _rate("direct_report", "d1", may, "Supportive", Stakeholder_Management=5),
        _rate("direct_report", "d2", may, "", Stakeholder_Management=4),
        _rate("self", "me", may, "", Python=4, Coaching=2),
    ]
    wb.goals = [
        Goal(id="g-cfa", text="Pass the CFA Level I exam by June 2027", status="active",
             created=date(2026, 1, 10), deadline=date(2027, 6, 30), confidence=7,
             skills=["Statistics"],
             milestones=[Milestone(title="Register", due=date(2026, 3, 1),
                                   done_on=date(2026, 2, 20)),
                         Milestone(title="Finish book 1", due=date(2026, 11, 1))]),
        Goal(id="g-promo", text="Get promoted to Senior Data Scientist by March 2027",
             status="active", created=date(2026, 2, 1), deadline=date(2027, 3, 31),
             confidence=5, skills=["Python", "Stakeholder Management"]),
        Goal(id="g-talk", text="Give a talk at a local data meetup", status="active",
             created=date(2026, 3, 1), deadline=date(2026, 10, 31),
             skills=["Public Speaking"],
             milestones=[Milestone(title="Pick a topic", done_on=date(2026, 4, 1)),
                         Milestone(title="Submit abstract", due=date(2026, 6, 1),
                                   done_on=date(2026, 6, 20)),
                         Milestone(title="Rehearse", due=date(2026, 9, 1)),
                         Milestone(title="Give the talk", due=date(2026, 10, 31))]),
        Goal(id="g-sql", text="Finish the advanced SQL course by September 2026",
             status="done", created=date(2026, 1, 10), deadline=date(2026, 9, 30),
             completed_on=date(2026, 9, 28), skills=["SQL"]),
        Goal(id="g-run", text="Run 10 km in under 50 minutes", status="active",
             created=date(2026, 1, 10),
             metric=Metric(name="10 km time", baseline=60, target=50, current=55,
                           unit="min")),
        Goal(id="g-rust", text="Learn Rust", created=date(2026, 6, 1)),
        Goal(id="g-old", text="Move to the Berlin office", status="dropped",
             created=date(2026, 1, 10), deadline=date(2026, 6, 1)),
    ]
    wb.actions = [
        Action(id="a1", goal_id="g-cfa", text="Book the CFA exam", due=date(2026, 11, 3),
               priority="high"),
        Action(id="a2", goal_id="g-cfa", text="Buy the books", due=date(2026, 2, 1),
               status="done"),
        Action(id="a3", goal_id="g-promo", text="Ask for a stretch project",
               due=date(2026, 12, 15)),
        Action(id="a4", goal_id="g-talk", text="Email the meetup organiser",
               due=date(2026, 10, 20), status="doing"),
        Action(id="a5", goal_id="g-old", text="Ask HR about relocation",
               due=date(2026, 5, 1)),
        Action(id="a6", text="Update my CV"),
    ]
    wb.contacts = [
        Contact(id="c1", name="Ana Ruiz", relationship="mentor", organisation="Acme",
                last_contact=date(2026, 10, 1), next_follow_up=date(2026, 11, 1), strength=4),
        Contact(id="c2", name="Bo Chen", relationship="peer", organisation="Acme",
                last_contact=date(2025, 12, 1), strength=2),
        Contact(id="c3", name="Cy Park", relationship="manager", organisation="Acme",
                last_contact=date(2026, 11, 15), next_follow_up=date(2026, 12, 1),
                strength=5),
        Contact(id="c4", name="Di Okafor", relationship="industry", organisation="Health AI",
                next_follow_up=date(2026, 11, 20)),
    ]
    wb.achievements = [
        Achievement(date=date(2026, 7, 1), title="Churn model in production",
                    impact="Cut churn by 3%", metric="3%", skills=["Python", "Statistics"]),
        Achievement(date=date(2026, 3, 15), title="Ran the SQL clinic",
                    skills=["SQL", "Coaching"]),
    ]
    wb.learning = [
        LearningItem(title="Advanced SQL", kind="course", skill="SQL", hours=20,
                     status="done", started_on=date(2026, 8, 1),
                     completed_on=date(2026, 9, 28)),
        LearningItem(title="CFA book 1", kind="book", skill="Statistics", hours=5,
                     status="in_progress", started_on=date(2026, 10, 1)),
        LearningItem(title="Toastmasters", kind="practice", skill="Public Speaking",
                     hours=6, status="in_progress", started_on=date(2026, 4, 10)),
        LearningItem(title="Python side project", kind="project", skill="Python", hours=0),
        LearningItem(title="Data meetup", kind="conference", hours=2, status="done",
                     completed_on=date(2026, 4, 10)),
    ]
    wb.check_ins = [
        CheckIn(date=date(2026, 2, 15), motivation=8, confidence=7,
                progress={"g-cfa": 5, "g-promo": 5}, wins="Registered for CFA"),
        CheckIn(date=date(2026, 5, 1), motivation=5, confidence=6,
                progress={"g-cfa": 25, "g-promo": 10},
                setbacks="Project crunch ate my study time", lessons="Protect mornings"),
        CheckIn(date=date(2026, 8, 1), motivation=6, confidence=6,
                progress={"g-cfa": 45, "g-promo": 15}),
        CheckIn(date=date(2026, 10, 5), motivation=7, confidence=7,
                progress={"g-cfa": 60, "g-promo": 20}, wins="SQL course done"),
    ]
    return validate_workbook(wb)


@pytest.fixture
def needs_pdftoppm() -> None:
    """Skip without poppler's ``pdftoppm`` (``apt-get install poppler-utils``); in CI
    (``CI=true``, where ``.ci/run`` installs it) fail instead: a skipped check passes nothing."""
    if shutil.which("pdftoppm") is None:
        missing_tool("this test needs pdftoppm (apt-get install poppler-utils)")


CJK_FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
"""Debian's ``fonts-wqy-microhei`` (1.6 MB): Chinese, Japanese kana and Korean Hangul."""
EMOJI_FONT_FILE = Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")
"""Debian's ``fonts-symbola`` (2.5 MB): emoji and symbols, in black and white."""


def _fallback_font(script: str, file: Path, family: str, package: str) -> Iterator[str]:
    """The fallback font charts draw ``script`` in on this machine.

    Skipped without one (``apt-get install PACKAGE``), failed in CI (``.ci/run`` installs
    it). A font installed after matplotlib built its font cache is added to the font
    manager for the test (matplotlib does not look for new fonts by itself).
    """
    from matplotlib import font_manager

    from career_workbook.charts import _fonts, _style

    found = _fonts.fallback_fonts(_fonts.installed_families())
    fonts = [f for f in found if f in _fonts.SCRIPTS[script]]
    if fonts:
        yield fonts[0]
        return
    if not file.exists():
        missing_tool(f"this test needs a font for {script} (apt-get install {package})")
    before = list(font_manager.fontManager.ttflist)
    font_manager.fontManager.addfont(str(file))
    _style._house_rc.cache_clear()
    yield family
    font_manager.fontManager.ttflist[:] = before
    font_manager.fontManager._findfont_cached.cache_clear()
    _style._house_rc.cache_clear()


@pytest.fixture
def cjk_font() -> Iterator[str]:
    """The font charts draw Chinese, Japanese and Korean in (see :func:`_fallback_font`)."""
    yield from _fallback_font("Chinese", CJK_FONT_FILE, "WenQuanYi Micro Hei",
                              "fonts-wqy-microhei")


@pytest.fixture
def emoji_font() -> Iterator[str]:
    """The font charts draw emoji in (see :func:`_fallback_font`)."""
    yield from _fallback_font("Emoji", EMOJI_FONT_FILE, "Symbola", "fonts-symbola")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A workbook file just made with ``career-workbook new`` (Sam Lee, 1 Nov 2026) in a
    ``workbooks`` folder; a module that needs another file defines its own ``path``."""
    from career_workbook import store

    p = tmp_path / "workbooks" / "sam.yaml"
    p.parent.mkdir()
    store.new(p, "Sam Lee", today=date(2026, 11, 1))
    return p


@pytest.fixture
def today() -> date:
    """The review day used with ``rich_wb``."""
    return TODAY


@pytest.fixture
def rich_wb() -> Workbook:
    """A fresh copy of the rich workbook (tests may change it)."""
    return build_rich_workbook()


@pytest.fixture
def empty_wb() -> Workbook:
    """A new workbook with nothing in it."""
    return new_workbook("Sam Lee", today=date(2026, 1, 5))


@pytest.fixture
def half_wb() -> Workbook:
    """A half-filled workbook: unrated skills, a goal without deadline, a check-in without
    progress, a contact without dates (see ``helpers.workbooks``)."""
    from helpers.workbooks import half_filled_workbook

    return half_filled_workbook()


@pytest.fixture
def fake_role() -> FakeRole:
    """A Senior Data Scientist profile: three of Alex's skills plus two role-only skills."""
    return FakeRole(
        id="senior_data_scientist",
        title="Senior Data Scientist",
        skills={
            "Python": FakeRoleSkill(5, 5),
            "SQL": FakeRoleSkill(4, 4),
            "Statistics": FakeRoleSkill(5, 5),
            "Machine Learning": FakeRoleSkill(4, 5),
            "Writing": FakeRoleSkill(4, 3),
        },
    )


def make_role(title: str, skills: dict[str, tuple[int, int]]) -> FakeRole:
    """A role-like object from ``{skill: (target, importance)}``."""
    return FakeRole(id=title.casefold().replace(" ", "_"), title=title,
                    skills={name: FakeRoleSkill(*ti) for name, ti in skills.items()})


@pytest.fixture(name="make_role", scope="session")
def _make_role_fixture():
    """The :func:`make_role` factory, for tests that build their own roles."""
    return make_role


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    """The example workbooks shipped in ``examples/workbooks`` (possibly none yet)."""
    return sorted(EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="session")
def example_wbs(example_paths: list[Path]) -> dict[str, Workbook]:
    """Every example workbook, validated, keyed by file stem. Nothing is skipped."""
    return {
        p.stem: validate_workbook(yaml.safe_load(p.read_text(encoding="utf-8")), path=p)
        for p in example_paths
    }


@pytest.fixture
def count_builds(monkeypatch):
    """The clients whose review pack is rendered (by name), in order, while the test runs."""
    from career_workbook.export import pack as pack_module

    built: list[str] = []
    render = pack_module.render_pack

    def spy(data, source, **kwargs):
        built.append(Path(source).stem)
        return render(data, source, **kwargs)

    monkeypatch.setattr(pack_module, "render_pack", spy)
    return built


@pytest.fixture
def disk_full(monkeypatch):
    """Call it with a workbook path: from then on, putting a file in place at that path fails
    as on a full disk (``ENOSPC`` from ``os.replace``); other moves work. Call it with
    ``None`` to free the disk again."""
    import errno

    real_replace = os.replace

    def fill(path: Path | None) -> None:
        def replace(src, dst, *args, **kwargs):
            if path is not None and Path(dst) == path:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_replace(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, "replace", replace)

    return fill
