"""Pack formats (``--formats pdf,html,png,svg``) and incremental packs (fingerprints)."""

from __future__ import annotations

import itertools
import re
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from pypdf import PdfReader

from career_workbook import batch, charts, cli
from career_workbook.export import fingerprint as fp
from career_workbook.export import pack as pack_module
from career_workbook.export import pdf_replay
from career_workbook.export.pack import DEFAULT_FORMATS, PACK_FORMATS, build_pack
from tests.test_export import empty_charts, pack_pages, small_workbook

TODAY = date(2026, 11, 22)
N_CHARTS = len(charts.CHARTS)
COMBINATIONS = [c for n in range(1, 5) for c in itertools.combinations(PACK_FORMATS, n)]


def _expected(formats: tuple[str, ...]) -> list[str]:
    names = [".fingerprint"]
    names += [f"review.{f}" for f in ("pdf", "html") if f in formats]
    names += [f"charts/{slug}.{f}" for slug in charts.CHARTS for f in ("png", "svg")
              if f in formats]
    return sorted(names)


@pytest.fixture
def renders(monkeypatch):
    """Count what matplotlib draws: ``Figure.savefig`` by format, chart pages drawn by
    matplotlib (on the page renderer, or by ``savefig`` on a matplotlib the replay was
    not checked on) and chart pages replayed from their PNG drawing (``pdf_replay``)."""
    counts: Counter = Counter()
    savefig, pdf_savefig = Figure.savefig, PdfPages.savefig

    def spy(fig, fname, *args, **kwargs):
        counts[kwargs.get("format") or Path(str(fname)).suffix.lstrip(".")] += 1
        return savefig(fig, fname, *args, **kwargs)

    def pdf_spy(pdf, figure=None, **kwargs):
        counts["pdf page"] += 1
        counts["saved page"] += 1
        return pdf_savefig(pdf, figure, **kwargs)

    def draw_spy(*args, **kwargs):
        counts["pdf page"] += 1
        return draw(*args, **kwargs)

    def replay_spy(*args, **kwargs):
        counts["replayed page"] += 1
        return replay(*args, **kwargs)

    replay, draw = pdf_replay.replay, pdf_replay.draw_figure
    monkeypatch.setattr(Figure, "savefig", spy)
    monkeypatch.setattr(PdfPages, "savefig", pdf_spy)
    monkeypatch.setattr(pdf_replay, "replay", replay_spy)
    monkeypatch.setattr(pdf_replay, "draw_figure", draw_spy)
    return counts


@pytest.mark.parametrize("formats", COMBINATIONS, ids=",".join)
def test_each_combination_writes_exactly_those_files(tmp_path, formats, renders):
    wb_path = small_workbook(tmp_path / "sam.yaml")
    empty = empty_charts(wb_path)  # nothing to show yet: no page or image, files kept
    shown = [slug for slug in charts.CHARTS if slug not in empty]
    assert empty and shown
    renders.clear()
    pack = build_pack(wb_path, tmp_path / "out", today=TODAY, formats=formats)
    written = sorted(str(p.relative_to(pack)) for p in pack.rglob("*") if p.is_file())
    assert written == _expected(formats)
    # each figure drawn once per format actually needed, nothing else
    png_needed = "png" in formats or ("html" in formats and "svg" not in formats)
    # PNG pixels (our encoder): every chart's file, or the charts the HTML shows
    assert renders["rgba"] == (N_CHARTS if "png" in formats else len(shown) if png_needed
                               else 0)
    assert renders["svg"] == (N_CHARTS if "svg" in formats else 0)
    # a chart page is replayed from the PNG drawing when there is one, else drawn; the
    # cover, "Still to come", goals and actions pages are drawn on the page renderer
    replayed = len(shown) if "pdf" in formats and png_needed else 0
    if replayed and not pdf_replay.IMAGES_LIVE:
        replayed -= sum(slug == "smart_scorecard" for slug in shown)  # an image
    assert renders["replayed page"] == replayed
    assert renders["pdf page"] == (len(shown) - replayed if "pdf" in formats else 0)
    assert renders["pdf"] == renders["saved page"], "PDF drawing happens only as pages"
    assert set(+renders) <= {"rgba", "svg", "pdf", "pdf page", "saved page",
                             "replayed page"}, "no other"
    if "pdf" in formats:
        assert len(PdfReader(pack / "review.pdf").pages) == pack_pages(empty)
    if "html" in formats:
        page = (pack / "review.html").read_text(encoding="utf-8")
        kind = "png" if png_needed else "svg+xml"
        assert page.count(f'src="data:image/{kind};base64,') == len(shown)


def test_default_pack_draws_no_svg(tmp_path, renders):
    assert DEFAULT_FORMATS == ("pdf", "html", "png")
    wb_path = small_workbook(tmp_path / "sam.yaml")
    report = batch.pack_clients([wb_path], tmp_path / "out", today=TODAY)
    assert report.ok, report.failed
    assert renders["svg"] == 0
    assert renders["rgba"] == N_CHARTS
    assert not list((tmp_path / "out").rglob("*.svg"))


def test_pdf_chart_pages_stay_vector(tmp_path):
    """Sharp in print: each chart page draws its text and lines as vectors (not a picture
    of the chart: a pack without PNG still has every chart in its PDF)."""
    wb_path = small_workbook(tmp_path / "sam.yaml")
    pack = build_pack(wb_path, tmp_path / "out", today=TODAY, formats=("pdf",))
    for page in PdfReader(pack / "review.pdf").pages[1:-2]:
        ops = page.get_contents().get_data()
        assert ops.count(b" Tj") + ops.count(b"TJ") >= 3, "text drawn as text"
        assert page.extract_text().strip()


def test_pdf_chart_pages_hold_no_chart_picture(tmp_path):
    """Sharp in print at any zoom: chart pages are paths and text; the only images are
    data-resolution cells (the SMART scorecard's heatmap, one pixel per goal and
    criterion, scaled by the reader), never a chart resampled at screen resolution."""
    wb_path = small_workbook(tmp_path / "sam.yaml")
    pack = build_pack(wb_path, tmp_path / "out", today=TODAY)
    reader = PdfReader(pack / "review.pdf")
    images = []
    for page in reader.pages[1:-2]:
        if "Still to come" in page.extract_text():  # the empty charts' list: only text
            continue
        ops = page.get_contents().get_data()
        assert len(re.findall(rb"(?<![A-Za-z])(?:l|c|re)(?![A-Za-z])", ops)) >= 5, "paths"
        xobjects = page["/Resources"].get("/XObject", {})
        images += [(xobjects[k].get_object()["/Width"], xobjects[k].get_object()["/Height"])
                   for k in xobjects
                   if xobjects[k].get_object().get("/Subtype") == "/Image"]
    assert images, "the scorecard's cells are an image"
    assert all(w <= 20 and h <= 200 for w, h in images), images


def test_cli_formats_and_bad_formats(tmp_path, capsys):
    wb_path = small_workbook(tmp_path / "sam.yaml")
    code = cli.main(["pack", str(wb_path), "--out", str(tmp_path / "out"), "--jobs", "1",
                     "--today", "2026-11-22", "--formats", "html,svg"])
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out" / "sam").iterdir()) == [
        ".fingerprint", "charts", "review.html"]
    with pytest.raises(SystemExit) as stop:
        cli.main(["pack", str(wb_path), "--out", str(tmp_path / "o2"), "--formats", "pdf,gif"])
    assert stop.value.code == 2
    assert "--formats takes pdf,html,png,svg" in capsys.readouterr().err


# ----------------------------------------------------------------------------------------
# Incremental packs
# ----------------------------------------------------------------------------------------
def test_repacking_skips_unchanged_clients_and_force_rebuilds(tmp_path, count_builds, capsys):
    ws = tmp_path / "ws"
    ws.mkdir()
    for name in ("ann", "bob", "cy"):
        small_workbook(ws / f"{name}.yaml", name=name.title())
    out = tmp_path / "out"
    args = ["pack", "--all", str(ws), "--out", str(out), "--jobs", "1", "--today", "2026-11-22"]
    assert cli.main(args) == 0
    assert sorted(count_builds) == ["ann", "bob", "cy"]
    before = (out / "ann" / "review.pdf").stat().st_mtime_ns
    capsys.readouterr()

    count_builds.clear()
    text = (ws / "bob.yaml").read_text(encoding="utf-8")
    (ws / "bob.yaml").write_text(text.replace("Book the exam", "Book the exam today"),
                                 encoding="utf-8")
    assert cli.main(args) == 0
    assert count_builds == ["bob"], "only the changed workbook is packed again"
    assert "(2 unchanged, kept as they were; --force rebuilds them)" in capsys.readouterr().out
    assert (out / "ann" / "review.pdf").stat().st_mtime_ns == before
    assert "Book the exam today" in (out / "bob" / "review.html").read_text(encoding="utf-8")

    count_builds.clear()
    assert cli.main([*args, "--force"]) == 0
    assert sorted(count_builds) == ["ann", "bob", "cy"]

    count_builds.clear()
    assert cli.main([*args[:-1], "2026-11-23"]) == 0, "another review date"
    assert sorted(count_builds) == ["ann", "bob", "cy"]

    count_builds.clear()
    assert cli.main([*args, "--formats", "pdf,html,png,svg"]) == 0, "other formats"
    assert sorted(count_builds) == ["ann", "bob", "cy"]
    assert (out / "ann" / "charts" / "network.svg").exists()


def test_a_damaged_or_missing_pack_is_rebuilt(tmp_path, count_builds):
    wb_path = small_workbook(tmp_path / "sam.yaml")
    pack = build_pack(wb_path, tmp_path / "out", today=TODAY)
    (pack / ".fingerprint").write_text("something else")
    build_pack(wb_path, tmp_path / "out", today=TODAY)
    shutil.rmtree(pack)
    build_pack(wb_path, tmp_path / "out", today=TODAY)
    assert count_builds == ["sam", "sam", "sam"]
    assert (pack / "review.pdf").exists()


@pytest.mark.parametrize("changed", ["catalog/skills.yaml", "catalog/roles.yaml",
                                     "career_workbook.mplstyle", "export/html.py"])
def test_a_changed_catalog_file_or_style_sheet_changes_the_fingerprint(tmp_path, monkeypatch,
                                                                        changed):
    package = tmp_path / "career_workbook"
    shutil.copytree(fp.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fp, "PACKAGE", package)
    before = fp.static_digest()
    assert fp.static_digest() == before
    with open(package / changed, "a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    after = fp.static_digest()
    assert after != before
    data = b"person: {name: Sam}\n"
    assert (fp.pack_fingerprint(data, formats=DEFAULT_FORMATS, today="2026-11-22",
                                static=before)
            != fp.pack_fingerprint(data, formats=DEFAULT_FORMATS, today="2026-11-22",
                                   static=after))


def test_a_changed_catalog_extension_rebuilds_the_pack(tmp_path, monkeypatch, count_builds):
    extra = tmp_path / "catalog"
    extra.mkdir()
    (extra / "local.yaml").write_text("skills: []\n", encoding="utf-8")
    monkeypatch.setenv("CAREER_WORKBOOK_CATALOG", str(extra))
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    assert batch.pack_clients([wb_path], out, today=TODAY).ok
    assert batch.pack_clients([wb_path], out, today=TODAY).kept == 1
    (extra / "local.yaml").write_text("skills: []\nroles: []\n", encoding="utf-8")
    report = batch.pack_clients([wb_path], out, today=TODAY)
    assert report.ok and report.kept == 0
    assert count_builds == ["sam", "sam"]


def test_the_fingerprint_names_the_catalog_the_packs_were_made_from(tmp_path, monkeypatch):
    # A batch reads the catalog once: its packs and their fingerprint both use those files,
    # whatever the folder named by CAREER_WORKBOOK_CATALOG holds later.
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.yaml").write_text("skills: []\n", encoding="utf-8")
    monkeypatch.setenv("CAREER_WORKBOOK_CATALOG", str(other))
    files = (("mine.yaml", "roles: []\n"),)
    wb_path = small_workbook(tmp_path / "sam.yaml")
    out = tmp_path / "out"
    assert batch.pack_clients([wb_path], out, today=TODAY, formats=("html",),
                              catalog=files).ok
    expected = fp.pack_fingerprint(wb_path.read_bytes(), formats=("html",),
                                   today=TODAY.isoformat(), static=fp.static_digest(catalog=files))
    assert pack_module.pack_is_current(out / "sam", expected)
    assert fp.static_digest(catalog=files) != fp.static_digest()  # (the folder's x.yaml)
