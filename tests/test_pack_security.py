"""Review packs are safe with hostile text and keep each client's data to their own pack."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

import career_workbook as cw
from career_workbook import charts
from career_workbook.export import build_pack
from career_workbook.export.html import ALLOWED_TAGS, CSP
from career_workbook.model import (
    Achievement,
    Action,
    Assessment,
    CheckIn,
    Contact,
    Feedback,
    Goal,
    LearningItem,
    Milestone,
    Opportunity,
    Skill,
    Value,
)

TODAY = date(2026, 11, 22)
N_PAGES = 1 + len(charts.CHARTS) + 4  # + achievements, comments, goals, actions

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = "<svg onload=alert(1)>"
JS_URL = "javascript:alert(1)"
BREAKER = "\"'><b>"
EMOJI = "🚀 Growth 👩🏽‍💻"
ARABIC = "القيادة والتواصل"
HEBREW = "מנהיגות ותקשורת"
MATH = "$\\alpha$ and $5 to $10"
LONG = "x" * 10_000
HOSTILE = [SCRIPT, IMG, SVG, JS_URL, BREAKER, EMOJI, ARABIC, HEBREW, MATH]
ALLOWED_ATTRIBUTES = {"lang", "charset", "http-equiv", "content", "name", "class", "id", "src",
                      "alt", "width", "height",
                      "scope", "title", "aria-label"}  # inert: table headings' names


def rich_workbook(name: str, words: list[str], long_text: str = "") -> cw.Workbook:
    """A workbook with data for every chart; ``words`` are cycled into every user field."""
    pick = (words * 40).__getitem__
    start = date(2026, 1, 12)
    wb = cw.new_workbook(name, today=start, target_role=pick(0), coach=pick(1),
                         current_role=pick(2), organisation=pick(3))
    wb.vision.long_term = long_text or pick(4)
    wb.vision.short_term = pick(5)
    wb.values += [Value(name=f"{pick(i)} #{i}", importance=10 - i, note=long_text or pick(i))
                  for i in range(6)]
    skills = [f"{pick(i)} skill {i}" for i in range(5)]
    wb.skills += [Skill(name=s, importance=1 + i % 5, target_level=4)
                  for i, s in enumerate(skills)]
    for month, base in ((1, 1), (5, 2), (10, 3)):
        wb.assessments.append(Assessment(
            date=date(2026, month, 15),
            ratings={s: min(5, base + i % 2) for i, s in enumerate(skills)}, note=pick(month)))
    for r in range(4):
        wb.feedback.append(Feedback(
            rater_group="peer", rater_id=f"p{r}", date=date(2026, 3, 1 + r),
            ratings={s: (r + i) % 6 for i, s in enumerate(skills)},
            comment=long_text or pick(r),
            reputation={"reliable": 2 + r % 3, "shares_credit": 4, "quality": 3}))
    for g in range(4):
        text = (long_text[:1900] + " by 2027") if (long_text and g == 0) else (
            f"{pick(g + 4)} — ship {pick(g + 5)} by 30 June 2027")
        wb.goals.append(Goal(
            id=f"g{g}", text=text, status="active", created=start,
            deadline=date(2027, 6, 30) - timedelta(days=90 * g), confidence=7,
            skills=[skills[g]],
            milestones=[Milestone(title=f"{pick(g + m)} step {m}", due=date(2026, 3 + 3 * m, 1),
                                  done_on=date(2026, 3 + 3 * m, 2) if m == 0 else None)
                        for m in range(3)]))
        wb.actions.append(Action(id=f"a{g}", goal_id=f"g{g}",
                                 text=f"{pick(g + 2)} action {g}", due=date(2026, 10, 1 + g),
                                 priority="high"))
    for c in range(5):
        wb.contacts.append(Contact(
            id=f"c{c}", name=f"{pick(c)} contact {c}", organisation=pick(c + 1),
            relationship=("mentor", "sponsor", "peer", "manager", "industry")[c],
            last_contact=date(2026, 2 + c, 10), next_follow_up=date(2026, 6 + c, 1),
            notes=long_text or pick(c)))
    for a in range(3):
        wb.achievements.append(Achievement(date=date(2026, 4 + a, 1),
                                           title=f"{pick(a)} win {a}", impact=pick(a + 1),
                                           skills=[skills[a]]))
        wb.learning.append(LearningItem(title=f"{pick(a + 2)} course {a}", skill=skills[a],
                                        hours=10.0 + a, status="done",
                                        started_on=date(2026, 2 + a, 1),
                                        completed_on=date(2026, 3 + a, 1)))
    for o in range(4):  # issue 16: every opportunity field carries the user's words
        wb.opportunities.append(Opportunity(
            id=f"o{o}", title=f"{pick(o)} opening {o}", organisation=pick(o + 1),
            kind=("project", "stretch", "posting", "speaking")[o],
            stage=("spotted", "exploring", "applied", "declined")[o],
            spotted=date(2026, 6 + o, 1), goal_ids=[f"g{o}"], skills=[skills[o]],
            next_step=f"{pick(o + 2)} step", next_step_due=date(2026, 11, 1 + o),
            notes=long_text or pick(o + 3)))
    wb.strengths.append(pick(3))
    wb.weaknesses.append(pick(4))
    for m in range(2, 11, 2):
        wb.check_ins.append(CheckIn(
            date=date(2026, m, 20), motivation=4 + m % 5, confidence=3 + m % 6,
            progress={f"g{g}": min(100, 10 * m + g) for g in range(4)},
            wins=pick(m), setbacks=pick(m + 1), lessons=long_text or pick(m + 2),
            note=pick(m + 3)))
    return wb


class _Audit(HTMLParser):
    """Collects every tag, attribute and text node of a document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        raise AssertionError(f"unexpected comment: {data[:80]!r}")


@pytest.fixture(scope="module")
def hostile_pack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "hostile.yaml"
    cw.save(rich_workbook(SCRIPT, HOSTILE, long_text=LONG), path)
    return build_pack(path, folder / "out", today=TODAY, formats=("pdf", "html", "png", "svg"))


def test_hostile_pack_still_builds(hostile_pack):
    assert len(PdfReader(hostile_pack / "review.pdf").pages) == N_PAGES
    for slug in charts.CHARTS:
        assert (hostile_pack / "charts" / f"{slug}.png").stat().st_size > 1000
        assert (hostile_pack / "charts" / f"{slug}.svg").stat().st_size > 1000


def test_hostile_html_has_no_active_content(hostile_pack):
    page = (hostile_pack / "review.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    # a chart's alt text is the one attribute holding user text (escaped, quotes too): its
    # words ("<img src=x onerror=...>") are blanked out before looking at the tags
    alts = re.findall(r'\salt="([^"]*)"', page)
    assert len(alts) == len(charts.CHARTS) and all("<" not in a for a in alts)
    tags = re.sub(r'(\salt=")[^"]*"', r'\1"', page)
    # an on...= attribute inside any real tag (user "<" is always escaped)
    assert not re.search(r"<[a-zA-Z][^>]*\son\w+\s*=", tags)
    assert "<svg" not in page.lower() and "<img src=x" not in page.lower()
    audit = _Audit()
    audit.feed(page)
    audit.close()
    assert set(audit.tags) <= ALLOWED_TAGS, set(audit.tags) - ALLOWED_TAGS
    for tag, name, value in audit.attrs:
        assert not name.lower().startswith("on"), (tag, name)
        assert name in ALLOWED_ATTRIBUTES, (tag, name)
        if name != "alt":  # alt text is never a link: it may hold the user's words
            assert "javascript:" not in value.lower(), (tag, name, value[:80])
        if name == "src":
            assert tag == "img" and value.startswith("data:image/png;base64,")
    csp = [v for t, n, v in audit.attrs if t == "meta" and n == "content" and "default-src" in v]
    assert csp == [CSP]
    assert audit.tags.count("img") == len(charts.CHARTS)


def test_hostile_svg_files_have_no_active_content(hostile_pack):
    for path in (hostile_pack / "charts").glob("*.svg"):
        svg = path.read_text(encoding="utf-8")
        assert "<script" not in svg.lower(), path.name
        assert "<foreignobject" not in svg.lower(), path.name
        assert not re.search(r"<[a-zA-Z][^>]*\son\w+\s*=", svg), path.name
        assert "javascript:" not in " ".join(re.findall(r'="([^"]*)"', svg)), path.name
    radar = (hostile_pack / "charts" / "skill_gaps.svg").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in radar  # a skill name, drawn as escaped SVG text
    pipeline = (hostile_pack / "charts" / "opportunities.svg").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in pipeline  # a stale opportunity's title, named on the chart


def test_hostile_strings_are_escaped_text(hostile_pack):
    page = (hostile_pack / "review.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the person's name
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&quot;&#x27;&gt;&lt;b&gt;" in page
    audit = _Audit()
    audit.feed(page)
    text = "".join(audit.text)
    for word in (SCRIPT, IMG, SVG, JS_URL, BREAKER, EMOJI, ARABIC, HEBREW, MATH):
        assert word in text, word  # shown as the user wrote it, as text
    alts = {v for t, n, v in audit.attrs if n == "alt"}  # alt text: the words, unchanged
    assert f"Chart “Values wheel”: Top value: {SCRIPT} #0." in alts
    assert any(f"Biggest gap: {BREAKER}" in alt for alt in alts)
    assert LONG[:1900] + " by 2027" in text  # a goal of 1,900 characters is kept whole
    assert "<bdi>" in page  # user text isolated for right-to-left scripts


def test_hostile_pdf_shows_the_text_literally(hostile_pack):
    reader = PdfReader(hostile_pack / "review.pdf")
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "<script>alert(1)</script>" in cover
    goals = " ".join(reader.pages[-2].extract_text().split())
    assert "$\\alpha$ and $5 to" in goals  # never parsed as mathtext
    assert "x" * 40 in goals  # the 1,900-character goal, cut to fit the page


# ----------------------------------------------------------------------------------------
# Privacy: a pack holds only its own client's data
# ----------------------------------------------------------------------------------------
CANARY = "Zqxcanary7731"


def _pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def two_packs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("privacy")
    a, b = folder / "client_a.yaml", folder / "client_b.yaml"
    cw.save(rich_workbook(f"Ana {CANARY}", [CANARY, f"{CANARY} goal", "plain words"]), a)
    cw.save(rich_workbook("Bo Smith", ["Leadership", "Delivery", "Quality"]), b)
    out = folder / "out"
    every = ("pdf", "html", "png", "svg")
    return (build_pack(a, out, today=TODAY, formats=every),
            build_pack(b, out, today=TODAY, formats=every))


def test_canary_is_found_in_its_own_pack(two_packs):
    pack_a, _ = two_packs
    assert CANARY in (pack_a / "review.html").read_text(encoding="utf-8")
    assert CANARY in _pdf_text(pack_a / "review.pdf")
    assert any(CANARY.encode() in p.read_bytes() for p in (pack_a / "charts").glob("*.svg"))


def test_canary_never_reaches_another_clients_pack(two_packs):
    _, pack_b = two_packs
    files = [p for p in pack_b.rglob("*") if p.is_file()]
    assert len(files) == 3 + 2 * len(charts.CHARTS)  # + .fingerprint
    needles = [CANARY.encode(), CANARY.encode("utf-16-be"), CANARY.lower().encode()]
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, path.name
    assert CANARY not in _pdf_text(pack_b / "review.pdf")
    assert "Bo Smith" in _pdf_text(pack_b / "review.pdf")


def test_hostile_opportunities_and_reputation_reach_the_pack_as_text(hostile_pack):
    """Issue 16: the pipeline and reputation pages are drawn (not placeholders), and an
    opportunity's next step (user text) reaches the next actions as escaped text."""
    page = (hostile_pack / "review.html").read_text(encoding="utf-8")
    for slug in ("opportunities", "reputation"):
        assert charts.CHARTS[slug].title in page
    assert "Opportunity pipeline" in page and "No opportunities yet" not in page
    audit = _Audit()
    audit.feed(page)
    text = "".join(audit.text)
    assert f"{SVG} step" in text and "&lt;svg onload=alert(1)&gt; step" in page  # o0's step


def test_hostile_achievements_and_comments_are_escaped_text(hostile_pack):
    """An achievement and a colleague's comment hold HTML and script: both are shown as
    the words written, escaped, in their sections; the PDF draws them literally."""
    from career_workbook.export.content import CommentRow, PackContent
    from career_workbook.export.html import render_html
    from career_workbook.export.pdf import comments_page

    page = (hostile_pack / "review.html").read_text(encoding="utf-8")
    wins = page.split('<section class="achievements">')[1].split("</section>")[0]
    assert "<bdi>&lt;script&gt;alert(1)&lt;/script&gt; win 0</bdi>" in wins
    assert "&lt;img src=x onerror=alert(1)&gt;" in wins  # an impact
    pdf = [" ".join(p.extract_text().split()) for p in PdfReader(hostile_pack / "review.pdf").pages]
    assert "<script>alert(1)</script> win 0" in pdf[-4]
    # the hostile workbook's comments are 10,000 x's: a comment holding a script instead
    content = PackContent("Sam", TODAY, "", None, "", "", "", (), (), (), (),
                          comments=(CommentRow("Peer", SCRIPT), CommentRow("Peer", IMG)))
    said = render_html(content).split('<section class="comments">')[1].split("</section>")[0]
    assert "<blockquote><bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi></blockquote>" in said
    assert "&lt;img src=x onerror=alert(1)&gt;" in said
    assert "<script" not in wins.lower() + said.lower() and "<img" not in said
    texts = comments_page(content).texts
    assert f"“{SCRIPT}”" in [t.get_text() for t in texts]
    assert not any(t.get_parse_math() for t in texts), "never parsed as mathtext"
