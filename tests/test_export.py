"""export: figure files, review packs (content, atomicity, many packs at once)."""

from __future__ import annotations

import base64
import doctest
import getpass
import html
import importlib
import os
import re
import unicodedata
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure
from pypdf import PdfReader

import career_workbook as cw
from career_workbook import charts, figures
from career_workbook.catalog import load_catalog, resolve_role
from career_workbook.charts._registry import NO_SKILLS_TO_RATE
from career_workbook.export import (
    PackReport,
    build_pack,
    build_packs,
    figure_bytes,
    figure_png,
    pack_name,
    save_figure,
    slugify,
)
from career_workbook.export import content as content_module
from career_workbook.export import pdf as pdf_module
from career_workbook.model import Achievement, Action, Assessment, CheckIn, Feedback, Goal, Skill
from tests.helpers.html_text import tags_of

TODAY = date(2026, 11, 22)
EXAMPLES = sorted((Path(__file__).parents[1] / "examples" / "workbooks").glob("*.yaml"))
N_PAGES = 1 + len(charts.CHARTS) + 4
"""An example's pages: cover, one per chart, achievements, what colleagues said, goals,
next actions."""


def empty_charts(path: Path) -> list[str]:
    """The charts of the workbook file ``path`` with nothing to show on ``TODAY``."""
    wb = cw.load(path)
    figs = figures.make_figures(wb, today=TODAY, role=resolve_role(wb, load_catalog()))
    return [slug for slug, fig in figs.items() if charts.is_placeholder(fig)]


def pack_pages(empty: list[str]) -> int:
    """Pages of the review PDF of a workbook with no achievements and no 360 comments: its
    ``empty`` charts and those two sections share one "Still to come" page."""
    return N_PAGES - 2 - len(empty) + 1


def _figure() -> Figure:
    fig = Figure(figsize=(4, 3), layout="constrained")
    ax = fig.add_subplot()
    ax.plot([1, 2, 3], [2, 1, 3])
    fig.suptitle("Demo")
    return fig


def small_workbook(path: Path, name: str = "Sam Lee") -> Path:
    """A small but complete workbook file (skills, goal, action, check-in)."""
    wb = cw.new_workbook(name, today=date(2026, 1, 5), target_role="Data Analyst",
                         coach="Ana Ruiz")
    wb.skills += [Skill(name="SQL", importance=5), Skill(name="Writing"),
                  Skill(name="Python")]
    wb.assessments.append(Assessment(date=date(2026, 1, 5),
                                     ratings={"SQL": 2, "Writing": 3, "Python": 1}))
    wb.goals.append(Goal(id="g1", text="Pass the SQL certification exam by 30 June 2027",
                         status="active", created=date(2026, 1, 5),
                         deadline=date(2027, 6, 30)))
    wb.actions.append(Action(id="a1", goal_id="g1", text="Book the exam",
                             due=date(2026, 10, 1)))
    wb.check_ins.append(CheckIn(date=date(2026, 9, 1), motivation=7, confidence=6,
                                progress={"g1": 30}))
    cw.save(wb, path)
    return path


# ----------------------------------------------------------------------------------------
# save_figure / figure_png
# ----------------------------------------------------------------------------------------
def test_save_figure_writes_each_format(tmp_path):
    paths = save_figure(_figure(), tmp_path / "charts", "Skill radar")
    assert [p.name for p in paths] == ["skill-radar.png", "skill-radar.svg", "skill-radar.pdf"]
    assert paths[0].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert b"<svg" in paths[1].read_bytes()
    assert paths[2].read_bytes().startswith(b"%PDF-")
    assert sorted(os.listdir(tmp_path / "charts")) == sorted(p.name for p in paths)


@pytest.mark.parametrize("name", ["../../evil", "/etc/passwd", "..", "a/../../b", "C:\\x\\y"])
def test_save_figure_name_cannot_escape_the_folder(tmp_path, name):
    folder = tmp_path / "inside"
    paths = save_figure(_figure(), folder, name, formats=("png",))
    assert len(paths) == 1
    assert paths[0].parent == folder
    assert re.fullmatch(r"[a-z0-9_-]+\.png", paths[0].name)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inside"]


def test_save_figure_rejects_unknown_formats(tmp_path):
    with pytest.raises(ValueError, match="formats = 'gif'"):
        save_figure(_figure(), tmp_path, "x", formats=("png", "gif"))
    assert list(tmp_path.iterdir()) == []


def test_output_has_fixed_metadata_and_no_paths(tmp_path):
    folder = tmp_path / "private_folder_name"
    first = [p.read_bytes() for p in save_figure(_figure(), folder, "chart")]
    second = [p.read_bytes() for p in save_figure(_figure(), folder, "chart")]
    assert first == second, "the same figure gives the same bytes"
    needles = {str(tmp_path), tmp_path.name, "private_folder_name", str(Path.home())}
    user = getpass.getuser()
    if len(user) >= 4:
        needles.add(user)
    for data in first:
        for needle in needles:
            assert needle.encode() not in data, needle
        assert b"Career Workbook" in data
        assert b"Matplotlib v" not in data and b"matplotlib version" not in data.lower()
    svg = first[1].decode()
    assert "<dc:date>" not in svg
    assert b"/CreationDate" not in first[2]


def test_figure_png_and_bytes():
    fig = _figure()
    small, large = figure_png(fig, dpi=50), figure_png(fig, dpi=100)
    assert small.startswith(b"\x89PNG") and len(large) > len(small)
    assert fig.get_layout_engine() is not None, "the figure keeps its layout engine"
    assert figure_bytes(fig, "svg").lstrip().startswith(b"<?xml")


def _skill_gaps_figure() -> Figure:
    import pandas as pd

    gaps = pd.DataFrame({"skill": ["SQL", "Python", "Stakeholder management", "Writing"],
                         "current": [2.0, 4.0, 1.0, 3.0], "target": [4.0, 4.0, 4.0, 5.0]})
    return charts.plot_skill_gaps(gaps)  # measures its subtitle while it is built


def test_a_chart_is_measured_laid_out_and_drawn_with_one_renderer(monkeypatch):
    """Issue 15: matplotlib caches text sizes per renderer; a chart built, laid out and
    drawn as PNG on one renderer measures every label once (it used three renderers)."""
    from matplotlib.backends import backend_agg

    made = []

    class Counting(backend_agg.RendererAgg):
        def __init__(self, *args):
            made.append(args)
            super().__init__(*args)

    monkeypatch.setattr(backend_agg, "RendererAgg", Counting)
    fig = _skill_gaps_figure()
    before = fig.canvas
    assert figure_png(fig).startswith(b"\x89PNG")
    assert len(made) == 1, made
    assert fig.canvas is before, "figure_png gives the figure its own canvas back"
    plain = Figure(figsize=(3, 2))  # a figure made elsewhere: one renderer too
    plain.add_subplot().set_title("Demo")
    made.clear()
    figure_png(plain)
    assert len(made) == 1 and type(plain.canvas).__name__ == "FigureCanvasBase"


def test_png_pixels_are_those_of_a_plain_savefig():
    """The shared renderer changes nothing in the picture: same pixels as matplotlib's own
    savefig of the same chart (its own layout pass, a fresh canvas)."""
    import io

    import matplotlib as mpl
    import numpy as np
    from matplotlib.backend_bases import FigureCanvasBase
    from PIL import Image

    from career_workbook.export.files import export_rc

    ours = Image.open(io.BytesIO(figure_png(_skill_gaps_figure())))
    fig = _skill_gaps_figure()
    FigureCanvasBase(fig)  # no shared renderer anywhere
    raw = io.BytesIO()
    with export_rc(), mpl.rc_context({"figure.constrained_layout.use": True}):
        fig.savefig(raw, format="png", dpi=100)
    theirs = Image.open(raw)
    assert ours.size == theirs.size
    assert np.array_equal(np.asarray(ours.convert("RGB")), np.asarray(theirs.convert("RGB")))


def test_png_is_opaque_rgb_at_the_asked_size_with_fixed_metadata():
    import io

    from PIL import Image

    fig = _figure()
    for dpi in (50, 150, 133.3):
        data = figure_bytes(fig, "png", dpi=dpi)
        image = Image.open(io.BytesIO(data))
        width, height = (int(v * dpi) for v in fig.get_size_inches())
        assert image.size == (width, height)
        assert image.mode == "RGB", "a chart on a white page needs no alpha channel"
        assert image.info["Creator"] == "Career Workbook" and "Software" not in image.info
        assert image.getpixel((0, 0)) == (255, 255, 255)
        assert figure_bytes(fig, "png", dpi=dpi) == data
    # with savefig options (a transparent background) matplotlib's own writer is used
    clear = Image.open(io.BytesIO(figure_bytes(fig, "png", dpi=50, transparent=True)))
    assert clear.mode == "RGBA" and clear.getpixel((0, 0))[3] == 0


@given(st.text(max_size=300))
def test_slugify_and_pack_name_are_always_safe_names(name):
    slug = slugify(name)
    assert 1 <= len(slug) <= 80 and len(slug.encode()) <= 200 and slug[0] not in "-_"
    assert all(ch.isalnum() or ch in "-_" or unicodedata.category(ch)[0] == "M"
               for ch in slug), slug  # letters of any script kept: no separator, no dot
    folder = pack_name(name.replace("/", "_").replace("\x00", "") + ".yaml")
    assert folder and "/" not in folder and "\\" not in folder
    assert not folder.startswith(".") and folder not in (".", "..")


def test_slugify():
    assert slugify("Skill radar") == "skill-radar"
    assert slugify("") == "chart"
    assert slugify("../../evil") == "evil"


# ----------------------------------------------------------------------------------------
# build_pack on the examples
# ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def example_packs(tmp_path_factory):
    out = tmp_path_factory.mktemp("packs")
    return {path: build_pack(path, out, today=TODAY) for path in EXAMPLES}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_pack_of_each_example(example_packs, path):
    pack = example_packs[path]
    wb = cw.load(path)
    assert pack.name == path.stem
    assert sorted(p.name for p in pack.iterdir()) == [".fingerprint", "charts", "review.html",
                                                      "review.pdf"]
    # charts: a PNG per chart (the default has no SVG), nothing else
    expected = sorted(f"{slug}.png" for slug in charts.CHARTS)
    assert sorted(p.name for p in (pack / "charts").iterdir()) == expected
    # PDF: cover + one page per chart + goals + next actions
    reader = PdfReader(pack / "review.pdf")
    pages = list(reader.pages)
    assert len(pages) == N_PAGES
    cover = pages[0].extract_text()
    assert wb.person.name in cover and "22 Nov 2026" in cover
    assert wb.person.coach in cover
    assert "Achievements" in pages[-4].extract_text()
    assert "What colleagues said" in pages[-3].extract_text()
    assert "Goals and SMART scores" in pages[-2].extract_text()
    assert "Next actions" in pages[-1].extract_text()
    for page in pages[:1] + pages[-4:]:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(w), round(h)) == (595, 842), "A4 portrait"
    for page in pages[1:-4]:  # chart pages: A4, or A4 proportions for a tall chart
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert round(w) == 595 and h >= 841
    meta = {k: str(v) for k, v in (reader.metadata or {}).items()}
    assert meta.get("/Creator") == "Career Workbook"
    assert not any("/" in v or "\\" in v for v in meta.values())
    # HTML: one data-URI image per chart, the person's name, the same PNG bytes
    page = (pack / "review.html").read_text(encoding="utf-8")
    imgs = tags_of(page, "img")
    assert len(imgs) == len(charts.CHARTS)
    assert all(img["src"].startswith("data:image/png;base64,") for img in imgs)
    assert wb.person.name in page
    # no path of the build (the out folder, the temp folder it was built in) in any file
    for file in pack.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert str(pack.parent).encode() not in data, file.name
            assert f".tmp-{pack.name}-".encode() not in data, file.name
            assert str(path.parent).encode() not in data, file.name
    first = base64.b64decode(imgs[0]["src"].split(",", 1)[1])
    assert first == (pack / "charts" / f"{next(iter(charts.CHARTS))}.png").read_bytes()


def test_pack_pages_show_each_chart_takeaway(example_packs):
    path = EXAMPLES[0]
    reader = PdfReader(example_packs[path] / "review.pdf")
    wb = cw.load(path)
    role = resolve_role(wb, load_catalog())
    figs = figures.make_figures(wb, today=TODAY, role=role)
    for page, (slug, fig) in zip(list(reader.pages)[1:-4], figs.items(), strict=True):
        text = " ".join(page.extract_text().split())
        assert charts.CHARTS[slug].title in text
        first_words = " ".join(figures.chart_title(fig, slug).split()[:2])
        assert first_words in text, slug


class _Figures(HTMLParser):
    """Each chart's ``<img alt>`` and ``<figcaption>`` text, by section id."""

    def __init__(self):
        super().__init__()
        self.alt: dict[str, str] = {}
        self.caption: dict[str, str] = {}
        self._slug = self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and (attrs.get("id") or "").startswith("chart-"):
            self._slug = attrs["id"].removeprefix("chart-")
        elif tag == "img" and self._slug:
            self.alt[self._slug] = attrs["alt"]
        elif tag == "figcaption" and self._slug:
            self._in, self.caption[self._slug] = self._slug, ""

    def handle_endtag(self, tag):
        if tag == "figcaption":
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.caption[self._in] += data


def _pack_figures(pack: Path) -> _Figures:
    parser = _Figures()
    parser.feed((pack / "review.html").read_text(encoding="utf-8"))
    assert list(parser.alt) == list(parser.caption) == list(charts.CHARTS)
    return parser


def _plain(text: str) -> str:
    """``text`` on one line without dashes and curly quotes: matplotlib 3.9 draws those
    glyphs of a PDF's Type 3 font as pictures, which a text extractor does not read (3.11
    writes them as text), so PDF text is compared in this form.

    >>> _plain("No goals yet — write one")
    'No goals yet write one'
    """
    return " ".join(re.sub("[\u2013\u2014\u201c\u201d\u2018\u2019]", " ", text).split())


def _pack_text(pack: Path) -> tuple[list[str], str]:
    """The text of each page of ``pack``'s PDF (:func:`_plain`), and its HTML as text (tags
    dropped), each on one line (words joined by single spaces)."""
    pages = [_plain(page.extract_text()) for page in PdfReader(pack / "review.pdf").pages]
    page = (pack / "review.html").read_text(encoding="utf-8")
    return pages, " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _numbered(pack: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The HTML's numbered section headings and the cover's list of them."""
    page = (pack / "review.html").read_text(encoding="utf-8")
    heads = re.findall(r"<h2>(\d+) · ([^<]+)</h2>", page)
    return heads, re.findall(r'<li><span class="n">(\d+)</span>([^<]+)</li>', page)


def test_empty_workbook_lists_its_charts_under_still_to_come(tmp_path):
    """A new workbook's pack was 16 pages, 13 of them one grey placeholder line each, all
    listed as sections: the charts with nothing to show yet share one "Still to come"
    page (PDF) and section (HTML), each with its title and what to do, in which step."""
    path = tmp_path / "zoe.yaml"
    cw.save(cw.new_workbook("Zoë O'Brien", today=TODAY), path)
    assert empty_charts(path) == list(charts.CHARTS)
    pack = build_pack(path, tmp_path / "out", today=TODAY)
    pdf, text = _pack_text(pack)
    assert len(pdf) == 4 == pack_pages(list(charts.CHARTS))
    expected = [("2", "Still to come"), ("3", "Goals and SMART scores"), ("4", "Next actions")]
    heads, listed = _numbered(pack)
    assert heads == listed == expected
    for n, title in expected:  # the PDF's pages say the same numbers and titles
        assert f"page {n} of 4" in pdf[int(n) - 1] and title in pdf[int(n) - 1]
        assert f"{n} {title}" in pdf[0], "listed on the cover"
    for slug, spec in charts.CHARTS.items():
        # with no skills tracked yet, the 360 chart's first step is listing them (step 01)
        said = NO_SKILLS_TO_RATE if slug == "feedback_360" else spec.empty_message
        assert _plain(f"{spec.title} {said}") in pdf[1], spec.title
        assert f"{spec.title} {said}" in text, spec.title
    # no empty pages for the achievements and colleagues' comments: a line each instead
    for title, said in ((content_module.ACHIEVEMENTS_TITLE, content_module.NO_ACHIEVEMENTS),
                        (content_module.COMMENTS_TITLE, content_module.NO_COMMENTS)):
        assert _plain(f"{title} {said}") in pdf[1] and f"{title} {said}" in text, title
    assert "data:image" not in (pack / "review.html").read_text(encoding="utf-8")
    # every chart still has its file (the placeholder says what to do)
    assert sorted(p.stem for p in (pack / "charts").iterdir()) == sorted(charts.CHARTS)


def test_half_filled_workbook_shows_its_charts_and_lists_the_rest(tmp_path):
    """Charts with something to show keep their page; the others are listed once, and
    the PDF, its footers and the HTML agree on every section's number."""
    path = small_workbook(tmp_path / "sam.yaml")
    empty = empty_charts(path)
    assert 0 < len(empty) < len(charts.CHARTS)
    pack = build_pack(path, tmp_path / "out", today=TODAY)
    pdf, text = _pack_text(pack)
    total = pack_pages(empty)
    assert len(pdf) == total
    heads, listed = _numbered(pack)
    assert heads == listed
    assert [int(n) for n, _ in heads] == list(range(2, total + 1))
    shown = [spec.title for slug, spec in charts.CHARTS.items() if slug not in empty]
    assert [t for _, t in heads] == [*shown, "Still to come", "Goals and SMART scores",
                                     "Next actions"]
    for n, title in heads:
        assert f"page {n} of {total}" in pdf[int(n) - 1] and title in pdf[int(n) - 1]
    to_come = pdf[total - 3]
    for slug in empty:
        spec = charts.CHARTS[slug]
        assert _plain(f"{spec.title} {spec.empty_message}") in to_come
        assert f"{spec.title} {spec.empty_message}" in text
    for slug in charts.CHARTS:  # the HTML draws exactly the charts that show something
        assert (f'id="chart-{slug}"' in (pack / "review.html").read_text(encoding="utf-8")
                ) == (slug not in empty)


def test_full_example_has_no_still_to_come(example_packs):
    """An example with every chart filled: one page a chart, as before."""
    path = EXAMPLES[0]
    assert empty_charts(path) == []
    pdf, text = _pack_text(example_packs[path])
    assert len(pdf) == N_PAGES
    assert "Still to come" not in text and not any("Still to come" in p for p in pdf)


def test_html_alt_text_and_caption_are_those_of_the_notebooks(example_packs):
    """Alt text as the notebooks give it (the headline and the line under it)."""
    path = EXAMPLES[0]
    page = _pack_figures(example_packs[path])
    wb = cw.load(path)
    figs = figures.make_figures(wb, today=TODAY, role=resolve_role(wb, load_catalog()))
    for slug, fig in figs.items():
        assert page.alt[slug] == figures.chart_alt(fig, slug)
        assert page.caption[slug] == figures.chart_caption(fig, slug)
        assert page.caption[slug].startswith(figures.chart_title(fig, slug))
    assert len(page.caption["skill_gaps"]) > len(figures.chart_title(figs["skill_gaps"])) + 30


def test_chart_page_leaves_the_figure_as_it_was(tmp_path):
    import io

    from career_workbook.export.content import PackContent
    from career_workbook.export.files import frozen_layout

    fig = _figure()
    fig.legend(["line"], loc="outside lower center")
    content = PackContent("Sam", TODAY, "", None, "", "", "", (), (), (), ())
    n_texts = len(fig.texts)
    with frozen_layout(fig):
        before = figure_bytes(fig, "png", dpi=50)
        with pdf_module.write_pdf(io.BytesIO()) as pdf:
            pdf_module.add_chart_page(pdf, fig, heading="2 · Demo", content=content,
                                      page=2)
        assert figure_bytes(fig, "png", dpi=50) == before
    assert len(fig.texts) == n_texts and fig.get_suptitle() == "Demo"


def test_pack_name():
    assert pack_name("x/alex.yaml") == "alex"
    assert pack_name("x/.yaml") == "yaml"
    assert pack_name("x/..yaml") == "workbook"


def test_pack_with_svg_charts_and_replacing_the_previous_one(tmp_path):
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    first = build_pack(wb_path, out, today=TODAY, formats=("png", "svg", "pdf"))
    assert (first / "charts" / "network.svg").read_bytes().startswith(b"<?xml")
    (first / "notes.txt").write_text("the coach's notes")
    second = build_pack(wb_path, out, today="2026-12-01", formats=("svg", "pdf"))
    assert second == first
    assert (second / "notes.txt").read_text() == "the coach's notes", "no pack wrote it"
    assert not list((second / "charts").glob("*.png")), "the last pack's PNGs are gone"
    assert "1 Dec 2026" in PdfReader(second / "review.pdf").pages[0].extract_text()
    assert sorted(p.name for p in out.iterdir()) == ["sam"], "no temp or old folder left"
    reference = tmp_path / "reference"
    reference.mkdir()
    assert second.stat().st_mode == reference.stat().st_mode, "usual folder permissions"


# ----------------------------------------------------------------------------------------
# Atomicity
# ----------------------------------------------------------------------------------------
def _boom(*args, **kwargs):
    raise RuntimeError("chart exploded")


@pytest.mark.parametrize("where", ["chart", "goals page"])
def test_failed_build_leaves_nothing(tmp_path, monkeypatch, where):
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    if where == "chart":
        monkeypatch.setitem(figures._DRAW, "network", _boom)
    else:
        monkeypatch.setattr(pdf_module, "goals_page", _boom)
    with pytest.raises(RuntimeError, match="chart exploded"):
        build_pack(wb_path, out, today=TODAY)
    assert list(out.iterdir()) == [], "no pack folder, no temp folder"


def test_failed_build_keeps_the_previous_pack(tmp_path, monkeypatch):
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    pack = out / "sam"
    (pack / "charts").mkdir(parents=True)
    (pack / "review.html").write_text("<p>the pack of last month</p>")
    (pack / "charts" / "network.png").write_bytes(b"old chart")
    before = {p.relative_to(pack): p.read_bytes() for p in pack.rglob("*") if p.is_file()}
    monkeypatch.setattr(pdf_module, "actions_page", _boom)  # fails after every chart
    with pytest.raises(RuntimeError):
        build_pack(wb_path, out, today="2026-12-24")
    after = {p.relative_to(pack): p.read_bytes() for p in pack.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in out.iterdir()) == ["sam"]


def test_bad_workbook_names_the_file(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("schema_version: 2\nperson: {name: Sam}\ngoals: [{text: 5}]\n")
    with pytest.raises(cw.WorkbookError, match=r"broken\.yaml.*goal 1, text"):
        build_pack(bad, tmp_path / "out", today=TODAY)
    assert not (tmp_path / "out" / "broken").exists()


# ----------------------------------------------------------------------------------------
# Many packs
# ----------------------------------------------------------------------------------------
def _broken(folder: Path) -> Path:
    bad = folder / "broken.yaml"
    bad.write_text("schema_version: 2\nperson: {name: ''}\n", encoding="utf-8")
    return bad


def test_build_packs_isolates_failures(tmp_path):
    a = small_workbook(tmp_path / "ana.yaml", "Ana")
    bad = _broken(tmp_path)
    b = small_workbook(tmp_path / "bo.yaml", "Bo")
    seen = []
    report = build_packs([a, bad, b, tmp_path / "missing.yaml"], tmp_path / "out",
                         today=TODAY, progress=lambda done, total, p: seen.append((done, total)))
    assert isinstance(report, PackReport) and not report.ok
    assert report.built == [tmp_path / "out" / "ana", tmp_path / "out" / "bo"]
    assert [p for p, _ in report.failed] == [bad, tmp_path / "missing.yaml"]
    for path, message in report.failed:
        assert "\n" not in message and str(path) in message
    assert "person.name" in report.failed[0][1]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ana", "bo"]
    assert "2 pack(s) built, 2 failed" in str(report)


def test_build_packs_refuses_two_workbooks_with_the_same_name(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    first = small_workbook(tmp_path / "x" / "sam.yaml", "Sam One")
    second = small_workbook(tmp_path / "y" / "sam.yaml", "Sam Two")
    report = build_packs([first, second], tmp_path / "out", today=TODAY)
    assert report.built == [tmp_path / "out" / "sam"]
    assert report.failed[0][0] == second
    assert f"the same folder 'sam' as {first}" in report.failed[0][1]
    assert "Sam One" in (tmp_path / "out" / "sam" / "review.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_build_packs_in_worker_processes(tmp_path):
    paths = [small_workbook(tmp_path / "ana.yaml", "Ana"), _broken(tmp_path),
             small_workbook(tmp_path / "bo.yaml", "Bo")]
    report = build_packs(paths, tmp_path / "out", today=TODAY, jobs=2)
    assert report.built == [tmp_path / "out" / "ana", tmp_path / "out" / "bo"]
    assert [p for p, _ in report.failed] == [paths[1]]
    pages = pack_pages(empty_charts(paths[0]))
    assert pages < N_PAGES  # the small workbook has charts with nothing yet
    for pack in report.built:
        assert len(PdfReader(pack / "review.pdf").pages) == pages


@pytest.mark.parametrize("name", ["career_workbook.export", "career_workbook.export.files",
                                  "career_workbook.export.content", "career_workbook.export.pdf",
                                  "career_workbook.export.html", "career_workbook.export.pack",
                                  "career_workbook.export.fingerprint"])
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no doctest"
    assert result.failed == 0


@pytest.mark.parametrize("kind", ["file", "symlink", "dangling symlink"])
def test_replacing_a_file_or_symlink_leaves_no_old_folder(tmp_path, kind):
    """Issue 12 item 10: ``out/<client>`` was a file or symlink: no ``.old-*`` is left."""
    from career_workbook.export import pack

    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_text("not ours")
    final = tmp_path / "alex"
    if kind == "file":
        final.write_text("a file in the way")
    else:
        final.symlink_to(target if kind == "symlink" else tmp_path / "nowhere")
    built = tmp_path / ".tmp-alex-0000"
    built.mkdir()
    (built / "review.html").write_text("pack")
    pack._swap_into_place(built, final)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alex", "elsewhere"]
    assert (final / "review.html").read_text() == "pack" and not final.is_symlink()
    assert (target / "keep.txt").read_text() == "not ours"  # a link's target is untouched


def test_a_new_workbooks_cover_says_readiness_is_not_measured_yet():
    """Not "100% ready, no gaps left" for someone who has rated nothing."""
    from career_workbook.export.content import pack_content
    from career_workbook.model import Assessment, Skill, new_workbook

    wb = new_workbook("Nova Person", today=date(2026, 11, 1))
    heads = {h.label: h for h in pack_content(wb, today=date(2026, 11, 22)).headlines}
    assert heads["Readiness"].value == "not measured yet"
    assert heads["Top skill gap"].value == "not measured yet"
    wb.skills.append(Skill(name="SQL", target_level=4))
    wb.assessments.append(Assessment(date=date(2026, 11, 2), ratings={"SQL": 2}))
    heads = {h.label: h for h in pack_content(wb, today=date(2026, 11, 22)).headlines}
    assert heads["Readiness"].value == "50%" and heads["Top skill gap"].value == "SQL"


# ----------------------------------------------------------------------------------------
# One rule per question: the pack says what the analysis says, and what it leaves out
# ----------------------------------------------------------------------------------------
def _hostile_workbook():
    """30 overdue actions, 60 overdue follow-ups, 9 overdue goals, a check-in 40 days ago."""
    from career_workbook.model import Contact

    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.goals += [Goal(id=f"g{i}", text=f"Goal number {i} shipped by 1 May 2026",
                      status="active", created=date(2026, 1, 5), deadline=date(2026, 5, 1))
                 for i in range(9)]
    wb.actions += [Action(id=f"a{i}", text=f"Action {i}", due=date(2026, 10, 1 + i))
                   for i in range(30)]
    wb.contacts += [Contact(id=f"c{i}", name=f"Contact {i}", next_follow_up=date(2026, 9, 1))
                    for i in range(60)]
    wb.check_ins.append(CheckIn(date=TODAY - (date(2026, 1, 11) - date(2026, 1, 1)) * 4))
    return wb


def _page_text(fig: Figure) -> str:
    return "\n".join(t.get_text() for t in fig.texts)


def test_the_pack_lists_every_next_action_and_the_pdf_says_how_many_it_leaves_out():
    from career_workbook.export.content import pack_content
    from career_workbook.export.html import render_html

    content = pack_content(_hostile_workbook(), today=TODAY)
    n = len(content.actions)
    kinds = [a.kind for a in content.actions]
    assert (kinds.count("overdue action"), kinds.count("follow-up")) == (30, 60)  # not cut
    assert kinds[0] == "check-in due" and kinds[1:10] == ["goal overdue"] * 9
    page = render_html(content)
    assert all(f"Contact {i}<" in page for i in range(60))
    assert all(f"Action {i}<" in page for i in range(30))
    listed = page[page.index('<ol class="actions">'):]
    assert listed[:listed.index("</ol>")].count("<li>") == n and f"All {n} of them" in page
    lines = _page_text(pdf_module.actions_page(content)).split("\n")
    shown = sum(f"{a.rank}." in lines for a in content.actions)
    note = " ".join(" ".join(lines[lines.index(next(x for x in lines if x.startswith("…"))):])
                    .split())
    assert 0 < shown < n
    assert note.startswith(f"… and {n - shown} more: 60 follow-ups, ")
    assert "(all in review.html)" in note


def test_an_empty_pack_says_what_the_analysis_says_to_do_next():
    from career_workbook.analysis import nothing_to_do
    from career_workbook.export.content import pack_content
    from career_workbook.export.html import render_html

    wb = cw.new_workbook("Sam Lee", today=date(2026, 11, 1))
    content = pack_content(wb, today=TODAY)
    assert content.actions == ()
    assert "set your first goal" in nothing_to_do(wb)
    assert nothing_to_do(wb) in render_html(content)
    assert "plan the next goal" not in render_html(content)
    assert " ".join(nothing_to_do(wb).split()[:6]) in " ".join(
        _page_text(pdf_module.actions_page(content)).split())


def test_next_step_text_is_whole_in_the_html_and_cut_at_a_word_in_the_pdf():
    from career_workbook.export.content import pack_content
    from career_workbook.export.html import render_html
    from career_workbook.model import Opportunity

    wb = cw.new_workbook("Sam Lee", today=date(2026, 11, 1))
    step = ("ask the governance lead whether the forum still has slots in the spring "
            "programme and who chairs the session")
    wb.opportunities.append(Opportunity(id="o1", title="Speak at the data forum",
                                        next_step=step, next_step_due=date(2026, 11, 20)))
    content = pack_content(wb, today=TODAY)
    [row] = [a for a in content.actions if a.kind == "opportunity step"]
    assert row.item == step[0].upper() + step[1:]  # not cut at 60 characters
    assert step[1:] in render_html(content)
    text = _page_text(pdf_module.actions_page(content))
    assert "slots i…" not in text and "slots in the spring" in " ".join(text.split())


def test_the_cover_charts_and_next_actions_count_goals_alike():
    """Cover "Goals behind 0" beside a next action "Goal behind"; "3 of 3 active" on the
    cover, "4 of 4 goals on track" on the chart; 13 past the deadline on the timeline
    (drafts too) where the cover said 9."""
    from career_workbook import frames
    from career_workbook.analysis import (
        goal_progress_frame,
        next_actions_frame,
        progress_history_frame,
        summary,
    )
    from career_workbook.export.content import pack_content

    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    day = date(2026, 1, 5)
    wb.goals += [
        Goal(id="on", text="On track goal", status="active", created=day,
             deadline=date(2027, 1, 5)),
        Goal(id="new", text="Not started goal", status="active", created=day,
             deadline=date(2026, 12, 31)),
        Goal(id="late", text="Overdue goal", status="active", created=day,
             deadline=date(2026, 6, 1)),
        Goal(id="done", text="Done goal", status="done", created=day,
             deadline=date(2026, 6, 1)),
        Goal(id="d1", text="Draft goal", status="draft", created=day,
             deadline=date(2026, 6, 1)),
    ]
    wb.check_ins.append(CheckIn(date=date(2026, 11, 20), progress={"on": 85, "late": 40}))
    s = summary(wb, TODAY)
    assert (s.goals_active, s.goals_on_track, s.goals_behind, s.goals_overdue,
            s.goals_done) == (3, 1, 0, 1, 1)
    heads = {h.label: h for h in pack_content(wb, today=TODAY).headlines}
    assert (heads["Goals on track"].value, heads["Goals on track"].detail) == (
        "1", "of 3 active, 1 overdue, 1 not started (1 done, 1 draft not counted)")
    todo = next_actions_frame(wb, TODAY, limit=None)
    goal_kinds = todo[todo["kind"].str.startswith("goal ")]
    assert dict(zip(goal_kinds["goal_id"], goal_kinds["kind"], strict=True)) == {
        "late": "goal overdue", "new": "goal not started"}  # none "behind": the cover's 0
    progress = charts.plot_progress(progress_history_frame(wb, TODAY),
                                    goal_progress_frame(wb, TODAY), today=TODAY)
    assert " ".join(progress.get_suptitle().split()) == (
        "1 of 3 active goals on track, 1 overdue, 1 not started (1 done, 1 draft not counted)")
    timeline = charts.plot_goal_timeline(frames.goals_frame(wb), frames.milestones_frame(wb),
                                         today=TODAY)
    assert timeline.get_suptitle() == "1 goal is past the deadline"  # not the draft


def test_the_cover_says_how_long_ago_in_words():
    from career_workbook.export.content import pack_content

    wb = cw.new_workbook("Sam Lee", today=date(2017, 1, 5))
    wb.check_ins.append(CheckIn(date=date(2017, 12, 1)))
    heads = {h.label: h for h in pack_content(wb, today=TODAY).headlines}
    assert heads["Last check-in"].detail == "9 years ago"  # not "3279 days ago"
@pytest.mark.parametrize("path", EXAMPLES[:2], ids=lambda p: p.stem)
def test_every_pdf_page_says_page_n_of_m_at_the_same_place(example_packs, path):
    """The cover said "page 1", the goals and actions pages "Goals" and "Next actions",
    their footers lower than the chart pages': one footer, "page N of M", on every page."""
    from pypdf import PdfReader

    pages = list(PdfReader(example_packs[path] / "review.pdf").pages)
    places = []
    for n, page in enumerate(pages, start=1):
        found = []

        def visit(text, cm, tm, font, size, found=found):
            if text.strip():
                found.append((text.strip(), round(cm[5] + tm[5] * cm[3], 1)))

        page.extract_text(visitor_text=visit)
        label = f"page {n} of {len(pages)}"
        heights = [y for text, y in found if text == label]
        assert heights, (label, [t for t, _ in found][-4:])
        places.append(heights[0])
    assert len(set(places)) == 1, places


def test_html_sections_are_numbered_as_the_pdf_and_listed_on_the_cover(example_packs):
    """The HTML pack started at "2 ·" with no contents, and its goals and actions had no
    number: every section is numbered as the PDF's pages, and the cover lists them."""
    import re

    page = (example_packs[EXAMPLES[0]] / "review.html").read_text(encoding="utf-8")
    heads = re.findall(r"<h2>(\d+) · ([^<]+)</h2>", page)
    assert [int(n) for n, _ in heads] == list(range(2, N_PAGES + 1))
    assert heads[-2:] == [(str(N_PAGES - 1), "Goals and SMART scores"),
                          (str(N_PAGES), "Next actions")]
    listed = re.findall(r'<li><span class="n">(\d+)</span>([^<]+)</li>', page)
    assert listed == heads


def test_html_reads_on_a_phone():
    """At 390 px wide, words broke anywhere ("Perfo/rman/ce"), the 8-column goals table
    left the goal 52 px and the cards stayed three across: a small-screen layout puts the
    cards in one column and each goal in a block whose cells say their column, and words
    wrap at spaces (checked in Chromium at 390 px too)."""
    import re

    from career_workbook.export.html import _CSS, render_html

    assert "anywhere" not in _CSS and "overflow-wrap: break-word" in _CSS
    small = re.search(r"@media \(max-width: [\d.]+rem\) \{(.*?)\n\}", _CSS, re.S)
    assert small, "a small-screen layout"
    rules = small.group(1)
    assert re.search(r"\.cards \{ grid-template-columns: 1fr; \}", rules)
    assert "table.goals thead { display: none; }" in rules
    assert re.search(r"table\.goals td \{ display: inline-block;", rules)
    assert "table.goals .lbl { display: inline; }" in rules
    assert ".lbl { display: none;" in _CSS  # the labels only on a small screen
    from career_workbook.export.content import GoalRow, PackContent

    goal = GoalRow("Run a 10k", "active", None, 80.0, (
        ("specific", "met"), ("measurable", "not met"), ("achievable", "met"),
        ("relevant", "met"), ("time_bound", "met")))
    html = render_html(PackContent("Sam", TODAY, "", None, "", "", "", (), (), (goal,), ()))
    assert '<table class="goals">' in html
    assert '<span class="lbl">Status: </span>active' in html
    assert '<span class="lbl">Measurable </span>✗' in html


# ----------------------------------------------------------------------------------------
# Achievements and what colleagues said
# ----------------------------------------------------------------------------------------
def _said(wb: cw.Workbook, group: str, n: int, day: date = date(2026, 6, 1)) -> None:
    """``n`` raters of ``group`` (ids ``{group}-rater-{i}``), each with a comment."""
    for i in range(n):
        wb.feedback.append(Feedback(rater_group=group, rater_id=f"{group}-rater-{i}",
                                    date=day, comment=f"{group} comment {i}"))


def _wins_and_words(tmp_path: Path) -> Path:
    """The small workbook with three achievements (one after ``TODAY``), three peers and
    two managers who wrote a comment."""
    path = small_workbook(tmp_path / "sam.yaml")
    wb = cw.load(path)
    wb.achievements += [
        Achievement(date=date(2026, 3, 2), title="Ran the quarterly report alone",
                    impact="Out two days early", metric="2 days saved", skills=["SQL"]),
        Achievement(date=date(2026, 10, 9), title="Taught SQL to the sales team",
                    impact="Twelve people can now query the CRM"),
        Achievement(date=TODAY + timedelta(days=1), title="Tomorrow's win"),
    ]
    _said(wb, "peer", 3)
    _said(wb, "manager", 2)
    cw.save(wb, path)
    return path


def test_the_pack_shows_achievements_as_of_today_and_anonymous_comments(tmp_path):
    """A coach saw nothing of the person's own words: the achievements (newest first,
    nothing after the review day) and the 360 comments (a group of 3 shown without
    names, a group of 2 never) have a numbered section each before the goals."""
    pack = build_pack(_wins_and_words(tmp_path), tmp_path / "out", today=TODAY)
    pdf, _ = _pack_text(pack)
    heads, listed = _numbered(pack)
    assert heads == listed
    titles = [t for _, t in heads]
    assert titles[-4:] == ["Achievements", "What colleagues said", "Goals and SMART scores",
                           "Next actions"]
    total = len(pdf)
    for n, title in heads[-4:]:
        assert f"page {n} of {total}" in pdf[int(n) - 1] and title in pdf[int(n) - 1]
    wins, said = pdf[total - 4], pdf[total - 3]
    assert wins.index("9 Oct 2026 Taught SQL") < wins.index("2 Mar 2026 Ran the quarterly")
    assert "Out two days early 2 days saved · Skills: SQL" in wins
    assert "Tomorrow's win" not in wins
    assert "Peer peer comment 0" in said and "peer comment 2" in said
    assert "manager comment" not in said, "two managers: too few to show"
    page = (pack / "review.html").read_text(encoding="utf-8")
    assert "Taught SQL to the sales team" in page and "Tomorrow&#x27;s win" not in page
    assert "peer comment 1" in page and "manager comment" not in page
    for text in (page, " ".join(pdf)):
        assert "rater-" not in text, "never who wrote it"


def test_comments_wait_for_three_colleagues_in_a_group(tmp_path):
    """Two colleagues wrote comments: the section says, in one line, when they show."""
    path = small_workbook(tmp_path / "sam.yaml")
    wb = cw.load(path)
    _said(wb, "peer", 2)
    cw.save(wb, path)
    pack = build_pack(path, tmp_path / "out", today=TODAY)
    pdf, text = _pack_text(pack)
    said = next(p for p in pdf if p.startswith("What colleagues said"))
    note = "Comments are shown once at least 3 colleagues in a group"
    assert note in said and note in text
    assert "peer comment" not in said and "peer comment" not in text


def test_a_period_pack_shows_the_achievements_of_its_period(tmp_path):
    """``--since/--until``: only the achievements dated inside the period."""
    from career_workbook.analysis.period import check_period

    pack = build_pack(_wins_and_words(tmp_path), tmp_path / "out", today=TODAY,
                      period=check_period("2026-01-01", "2026-06-30"))
    page = (pack / "review.html").read_text(encoding="utf-8")
    assert "Ran the quarterly report alone" in page
    assert "Taught SQL to the sales team" not in page


def test_the_pdf_shows_the_achievements_that_fit_and_says_how_many_more():
    from career_workbook.export.content import pack_content
    from career_workbook.export.html import render_html

    wb = cw.new_workbook("Sam", today=date(2026, 1, 1))
    wb.achievements += [Achievement(date=date(2026, 1, 1) + timedelta(days=i),
                                    title=f"Win number {i}", impact="It helped " * 20)
                        for i in range(30)]
    content = pack_content(wb, today=TODAY)
    shown = _page_text(pdf_module.achievements_page(content))
    on_page = sum(f"Win number {i}\n" in shown + "\n" for i in range(30))
    assert 3 < on_page < 30
    assert f"… and {30 - on_page} more achievements (all in review.html)" in shown
    assert "Win number 29" in shown and "Win number 0\n" not in shown + "\n", "newest first"
    page = render_html(content)
    assert all(f"Win number {i}<" in page for i in range(30))
