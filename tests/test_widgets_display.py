"""Charts shown as PNG outputs that redraw after saves; tables; the coach overview."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from helpers.fakes import FakeDisplay

import career_workbook as cw
from career_workbook import charts, store
from career_workbook import widgets as ui
from career_workbook.analysis.cohort import caseload_frame, cohort_gap_counts
from career_workbook.model import Assessment, Skill
from career_workbook.widgets import coach
from career_workbook.widgets import display as display_mod
from career_workbook.widgets.coach import caseload_figures, load_caseload

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "workbooks"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def handle(monkeypatch) -> FakeDisplay:
    h = FakeDisplay()
    monkeypatch.setattr(display_mod, "publish", h)
    return h


@pytest.fixture
def session(tmp_path: Path) -> ui.Session:
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.skills += [Skill(name=n) for n in ("SQL", "Python", "Writing")]
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    return ui.Session(path, today="2026-11-22", export_dir=tmp_path / "charts")


def test_show_chart_displays_png_and_redraws_after_save(session, handle, monkeypatch):
    drawn = []
    real = display_mod.chart_figure
    monkeypatch.setattr(display_mod, "chart_figure",
                        lambda s, slug: drawn.append(s.workbook) or real(s, slug))
    assert ui.show_chart(session, "skill_radar") is None
    image = handle.shown[0]
    assert image.format == "png" and image.data.startswith(PNG)
    form = ui.self_assessment_form(session)
    for name in ("SQL", "Python", "Writing"):
        form.fields[f"ratings.{name}"].value = 3
    form.buttons["save"].click()
    assert len(handle.updates) == 1 and handle.updates[0].data.startswith(PNG)
    assert drawn[-1].assessments and not drawn[0].assessments  # redrawn from the new data
    assert handle.updates[0].data != image.data


def test_show_chart_exports_when_export_dir_set(session, handle):
    ui.show_chart(session, "skill_gaps")
    files = sorted(p.suffix for p in (session.export_dir).iterdir())
    assert files == [".pdf", ".png", ".svg"]
    png = next(session.export_dir.glob("*.png"))
    before = png.stat().st_mtime_ns
    session.save(lambda wb: wb.assessments.append(
        Assessment(date=date(2026, 11, 22), ratings={"SQL": 1})))
    assert png.stat().st_mtime_ns >= before and len(handle.updates) == 1


def test_rerunning_a_chart_cell_replaces_its_redraw(session, handle):
    ui.show_chart(session, "skill_gaps")
    ui.show_chart(session, "skill_gaps")
    session.save(lambda wb: wb.assessments.append(
        Assessment(date=date(2026, 11, 22), ratings={"SQL": 2})))
    assert len(handle.updates) == 1


def test_a_save_redraws_only_the_charts_it_changes(session, handle, monkeypatch):
    """Issue 15: a save redraws the charts drawn from what it changed, and no other
    (adding a contact leaves the radar alone); each changed chart is drawn once."""
    from career_workbook.model import Contact

    drawn = []
    real = display_mod.chart_figure
    monkeypatch.setattr(display_mod, "chart_figure",
                        lambda s, slug: drawn.append(slug) or real(s, slug))
    ui.show_chart(session, "skill_radar")
    ui.show_chart(session, "network")
    assert drawn == ["skill_radar", "network"]
    session.save(lambda wb: wb.contacts.append(Contact(name="Dana Lee",
                                                       relationship="mentor")))
    assert drawn[2:] == ["network"] and len(handle.updates) == 1
    session.save(lambda wb: wb.strengths.append("Calm"))  # neither chart reads strengths
    assert drawn[2:] == ["network"] and len(handle.updates) == 1
    session.save(lambda wb: wb.assessments.append(
        Assessment(date=date(2026, 11, 22), ratings={"SQL": 2})))
    assert drawn[2:] == ["network", "skill_radar"] and len(handle.updates) == 2


def test_a_save_computes_each_frame_once_for_all_the_charts(session, handle, monkeypatch):
    """Issue 15: after a save the notebook's charts (what they are drawn from, and the
    drawing) share one set of frames: the skill gaps of notebook 05's three charts are
    computed once, not once per chart and again to draw it."""
    from career_workbook import analysis

    calls = []
    real = analysis.skill_gap_frame
    monkeypatch.setattr(analysis, "skill_gap_frame",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    for slug in ("skill_gaps", "skill_radar"):
        ui.show_chart(session, slug)
    assert len(calls) == 1
    calls.clear()
    session.save(lambda wb: wb.assessments.append(
        Assessment(date=date(2026, 11, 22), ratings={"SQL": 4})))
    assert len(handle.updates) == 2
    # what the charts were first drawn from is reused, the new frames computed once
    assert len(calls) == 1, calls
    first = session.frames()
    assert first is session.frames() and first.wb is session.workbook
    session.reload()
    assert session.frames() is not first, "a reload never keeps the old frames"


def test_live_html_sends_a_text_only_when_it_differs_from_what_is_shown(handle):
    """Issue 15: the header was sent again after every save, the same as shown (its style
    sheets re-rendered, the page restyled); a changed text is sent, once."""
    replace = display_mod.live_html("<b>Sam</b>")
    assert handle.shown[0].data == "<b>Sam</b>"
    replace("<b>Sam</b>")
    assert handle.updates == []
    replace("<b>Sam Lee</b>")
    replace("<b>Sam Lee</b>")
    assert [u.data for u in handle.updates] == ["<b>Sam Lee</b>"]
    replace("<b>Sam</b>")  # back to the first text: it is not what is shown now
    assert [u.data for u in handle.updates] == ["<b>Sam Lee</b>", "<b>Sam</b>"]


def test_use_this_role_in_notebook_05_sends_only_its_three_charts(tmp_path, handle,
                                                                    monkeypatch):
    """Issue 15: notebook 05 as it runs (header, role picker, its three charts, the
    learning suggestions, the posting form); "Use this role" draws and sends each chart
    once, and no other display update (the header, unchanged, is not sent again); the
    workbook is read once to save and once after it; the posting form, nothing pasted in
    it, is not built again."""
    from datetime import datetime

    from career_workbook.widgets import session as session_mod

    path = tmp_path / "priya.yaml"
    shutil.copy(EXAMPLES / "priya_data_analyst.yaml", path)
    # the header says when the file was last saved, to the minute: keep that minute
    monkeypatch.setattr(session_mod.Session, "last_saved",
                        lambda self: datetime(2026, 12, 7, 10, 30))
    s = ui.start(path, today="2026-12-07")
    picker = ui.role_picker(s)
    for slug in ("skill_gaps", "skill_radar", "readiness"):
        ui.show_chart(s, slug)
    ui.learning_suggestions(s)
    posting = ui.posting_fit_form(s)
    form = posting.children
    header = handle.shown[0].data
    drawn, reads = [], []
    real_figure, real_load = display_mod.chart_figure, store.load
    monkeypatch.setattr(display_mod, "chart_figure",
                        lambda session, slug: drawn.append(slug) or real_figure(session, slug))
    monkeypatch.setattr(store, "load", lambda *a, **k: reads.append(1) or real_load(*a, **k))
    for role in ("data_analyst", "cloud_engineer"):
        handle.updates.clear()
        drawn.clear()
        reads.clear()
        picker.fields["role_profile"].value = role
        picker.buttons["save"].click()
        assert len(reads) == 2  # to change it under the lock, and once saved
        assert store.load(path).role_profile == role and "Saved" in picker.status.value
        assert drawn == ["skill_gaps", "skill_radar", "readiness"]
        assert len(handle.updates) == 3, [type(u).__name__ for u in handle.updates]
        assert all(u.data.startswith(PNG) for u in handle.updates)
        # the posting form, nothing checked in it, is not built again
        assert all(now is then for now, then in zip(posting.children, form, strict=True))
    assert header == session_mod.header_html(s)  # what the header shows did not change


def test_a_chart_drawn_without_the_role_reads_no_catalog_while_the_notebook_runs(
        session, handle):
    """Issue 15: what a chart was drawn from is kept for the first save; its role was looked
    up at once, so every chart cell read and validated the whole skill and role catalog."""
    for slug in ("network", "values_wheel", "progress", "wellbeing"):
        ui.show_chart(session, slug)
    assert session._catalog is None
    session.save(lambda wb: wb.strengths.append("Calm"))  # no chart reads strengths
    assert handle.updates == []
    assert session._catalog is None  # nor when a save asks whether they changed


def test_a_role_picked_in_a_save_redraws_the_role_charts(session, handle):
    """The role a chart was drawn with is that of the workbook it was drawn from, looked up
    on the first save: picking a role profile then redraws the gap chart."""
    ui.show_chart(session, "skill_gaps")
    session.save(lambda wb: setattr(wb, "role_profile", "senior_data_scientist"))
    assert session.role is not None and session.role.id == "senior_data_scientist"
    assert len(handle.updates) == 1


def test_a_chart_redraws_when_the_workbook_comes_back(tmp_path, handle):
    """No workbook -> placeholder; once it is created the chart is drawn from it."""
    s = ui.Session(tmp_path / "new.yaml", today="2026-11-22")
    ui.show_chart(s, "skill_radar")
    assert s.create("Sam Lee").ok
    assert len(handle.updates) == 1


def test_every_chart_says_what_it_is_drawn_from():
    from career_workbook import figures

    assert set(figures._INPUTS) == set(figures._DRAW) == set(charts.CHARTS)
    wb = store.load(EXAMPLES / "priya_data_analyst.yaml")
    for slug in charts.CHARTS:
        a = figures.chart_inputs(wb, slug, today=date(2026, 11, 22))
        assert figures.same_inputs(a, figures.chart_inputs(wb.model_copy(deep=True), slug,
                                                           today=date(2026, 11, 22)))
        assert not figures.same_inputs(a, figures.chart_inputs(wb, slug,
                                                               today=date(2027, 11, 22)))


def test_only_the_charts_drawn_with_the_role_ask_for_it():
    from types import SimpleNamespace

    from career_workbook import figures

    wb = store.load(EXAMPLES / "priya_data_analyst.yaml")
    asked = []

    def role(title="Data Scientist"):
        asked.append(title)
        return SimpleNamespace(title=title, skills={})

    day = date(2026, 11, 22)
    for slug in ("network", "values_wheel", "progress", "wellbeing", "opportunities"):
        figures.chart_inputs(wb, slug, today=day, role=role)
    assert asked == []
    a = figures.chart_inputs(wb, "readiness", today=day, role=role)
    b = figures.chart_inputs(wb, "readiness", today=day, role=lambda: role("Analyst"))
    assert asked == ["Data Scientist", "Analyst"] and not figures.same_inputs(a, b)


def test_show_chart_without_workbook_draws_placeholder(tmp_path, handle):
    s = ui.Session(tmp_path / "none.yaml")
    ui.show_chart(s, "network")
    assert handle.shown[0].data.startswith(PNG)
    assert charts.is_placeholder(display_mod.chart_figure(s, "network"))


def test_show_chart_rejects_unknown_slug_and_non_session(session, handle):
    with pytest.raises(ValueError, match="chart 'pie' does not exist; choose one of"):
        ui.show_chart(session, "pie")
    with pytest.raises(TypeError, match="ui.start"):
        ui.show_chart("workbook.yaml", "network")


def test_chart_that_fails_shows_a_placeholder(session, monkeypatch):
    from career_workbook import figures

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(figures, "make_figure", broken)
    with pytest.warns(RuntimeWarning, match="boom"):
        fig = display_mod.chart_figure(session, "network")
    assert charts.is_placeholder(fig)


def test_frame_html_formats_cells():
    frame = pd.DataFrame({"when": pd.to_datetime(["2026-01-02", None]), "n": [1.0, float("nan")],
                          "x": [2.25, 3.0], "skills": [("a", "b"), ()], "ok": [True, False]})
    html = display_mod.frame_html(frame)
    for text in ("<td>2 Jan 2026</td>", "<td>1</td>", "<td>2.2</td>", "a, b", "yes", "no", "—"):
        assert text in html
    assert "Nothing" in display_mod.frame_html(frame.iloc[:0], empty="Nothing here")


def test_table_cells_break_only_long_words_and_keep_the_text_as_stored():
    # `overflow-wrap:anywhere` let the browser cut "Engineering" into "Enginee ring" at
    # normal widths; now only a word longer than LONG_WORD gets break points (<wbr>, no
    # character: a copied link still opens), and a date or "check-in" stays on one line
    url = "https://jobs.example.org/listing/ward-manager-4211?ref=mail&src=linkedin"
    texts = ["Engineering Manager", "Performance Management", "<b>Bold</b>", url,
             "Rechtsschutzversicherungsgesellschaften", "no check-in yet", "2026-11-16"]
    html = display_mod.frame_html(pd.DataFrame({"text": texts}), {"text": "Last check-in"})
    assert "anywhere" not in html and 'class="cw-table-box"' in html
    cells = re.findall(r"<td>(.*?)</td>", html)
    assert [re.sub(r"<[^>]+>", "", c) for c in cells] == [display_mod.esc(t) for t in texts]
    assert [c.count("<wbr>") > 0 for c in cells] == [False] * 3 + [True, True] + [False] * 2
    assert all(max(map(len, re.sub(r"<[^>]+>", " ", c).split())) <= 16 for c in cells[3:5])
    assert '<span style="white-space:nowrap">check-in</span>' in cells[5]
    assert '<th>Last <span style="white-space:nowrap">check-in</span></th>' in html
    assert cells[6] == '<span style="white-space:nowrap">2026-11-16</span>'


# ----------------------------------------------------------------------------- coach
def test_caseload_lists_clients_and_broken_files(tmp_path):
    for file in sorted(EXAMPLES.glob("*.yaml"))[:2]:
        shutil.copy(file, tmp_path / file.name)
    (tmp_path / "broken.yaml").write_text("person: {name: Zed}\nskills: [{name: ''}]\n")
    caseload = load_caseload(tmp_path, today="2026-11-22")
    assert len(caseload.workbooks) == 2 and list(caseload.frame["client"]) == \
        sorted(p.stem for p in EXAMPLES.glob("*.yaml"))[:2]
    assert caseload.broken[0][0] == "broken.yaml" and "skill 1, name" in caseload.broken[0][1]
    assert (caseload.frame["readiness"].between(0, 100)).all()
    figs = caseload_figures(caseload)
    assert list(figs) == list(coach.COHORT_SLUGS)
    assert not charts.is_placeholder(figs["cohort_readiness"])
    for fig in figs.values():  # the broken file, listed above the charts, is left out
        assert fig.axes[0].get_title(loc="left").endswith(
            "\n1 file could not be read: see the list above the charts")


def test_caseload_reads_the_workbooks_cohort_reads(tmp_path):
    # the overview read *.yaml only: Mei.YAML and kim.yml were left out (cohort reads them)
    files = sorted(EXAMPLES.glob("*.yaml"))[:2]
    shutil.copy(files[0], tmp_path / "Mei.YAML")
    shutil.copy(files[1], tmp_path / "kim.yaml")
    shutil.copy(files[1], tmp_path / "kim.yml")
    caseload = load_caseload(tmp_path, today="2026-11-22")
    assert sorted(caseload.workbooks) == ["Mei", "kim.yaml", "kim.yml"] and not caseload.broken
    assert sorted(caseload.frame["client"]) == ["Mei", "kim.yaml", "kim.yml"]


def test_coach_overview_displays_table_and_charts_and_exports(tmp_path, handle):
    folder = tmp_path / "clients"
    folder.mkdir()
    for file in sorted(EXAMPLES.glob("*.yaml"))[-2:]:
        shutil.copy(file, folder / file.name)
    out = tmp_path / "out"
    assert ui.coach_overview(folder, today="2026-11-22", export_dir=out) is None
    html = handle.shown[0].data
    assert "Caseload: " in html and "Readiness %" in html and "Top gap" in html
    assert [o.data[:8] for o in handle.shown[1:]] == [PNG] * 3
    assert len(list(out.glob("*.png"))) == 3


def test_coach_overview_shows_each_clients_week_and_who_needs_a_nudge(tmp_path, handle):
    """Issue 16 item 7 on a real caseload: new, half-filled, full, and a broken file."""
    from helpers.workbooks import write_workbook

    folder = tmp_path / "clients"
    for kind in ("new", "half", "full"):
        write_workbook(kind, folder)
    (folder / "broken.yaml").write_text("person: {name: Bro\n  goals: [", encoding="utf-8")
    caseload = load_caseload(folder, today="2026-11-22")
    assert set(caseload.weeks) == {"new_workbook", "half_workbook", "full_workbook"}
    assert caseload.frame["nudge"].tolist() == [
        "; ".join(caseload.weeks[c].nudges) for c in caseload.frame["client"]]
    ui.coach_overview(folder, today="2026-11-22")
    html = handle.shown[0].data
    assert "no check-in yet" in html and not re.search(r"\bnan\b", html, re.IGNORECASE)
    assert "Needs a nudge (" in html and "has not started yet" in html
    full = caseload.weeks["full_workbook"]
    assert full.overdue_actions and all(
        display_mod.esc(t) in html for t in full.overdue_actions + full.overdue_follow_ups)
    assert "Coming up in the next 14 days" in html and "could not be read" in html
    assert "<th>Stale opportunities</th>" in html and "<th>Next 14 days</th>" in html


def test_clients_of_the_same_name_are_told_apart_in_the_overview_table(tmp_path):
    # the table showed two identical "Ana Empty" rows (the nudge list and the recency chart
    # added "(ana_empty)"): which file is which?
    for stem, name in (("ana_empty", "Ana Empty"), ("ana_empty_2", "ana  EMPTY"),
                       ("bo_lind", "Bo Lind"), ("bo", "Bo")):
        store.save(cw.new_workbook(name, today=date(2026, 9, 1)), tmp_path / f"{stem}.yaml")
    caseload = load_caseload(tmp_path, today="2026-11-22")
    html = coach.overview_html(caseload)
    table = html[html.index("<table"):html.index("</table>")]
    first = [re.sub(r"<[^>]+>", "", row.split("</td>")[0]).strip()
             for row in table.split("<tbody>")[1].split("<tr>")[1:]]
    assert first == ["Ana Empty (ana_empty)", "ana EMPTY (ana_empty_2)", "Bo", "Bo Lind"]
    nudges = coach.nudges_html(caseload)  # the same label everywhere
    assert "<b><bdi>Ana Empty (ana_empty)</bdi></b>" in nudges and "<b><bdi>Bo</bdi></b>" in nudges
    recency = caseload_figures(caseload)["cohort_recency"].axes[0]
    assert sorted(t.get_text() for t in recency.get_yticklabels()) == sorted(first)


def test_caseload_calendar_button_writes_the_caseload_calendar(tmp_path):
    from icalendar import Calendar

    from career_workbook.widgets.coach import caseload_calendar_button

    folder = tmp_path / "workbooks"
    folder.mkdir()
    for file in sorted(EXAMPLES.glob("*.yaml"))[:2]:
        shutil.copy(file, folder / file.name)
    box = caseload_calendar_button(folder, today="2026-11-22")
    button, result = box.children
    assert result.value == ""
    button.click()
    ics = tmp_path / "calendar" / "caseload.ics"  # as `career-workbook calendar --all`
    assert ics.is_file() and "for 2 clients written" in result.value
    assert 'download="caseload.ics"' in result.value
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert len(events) > 2
    button.click()  # again: the same reminders, not copies
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == len(events)
    gone = caseload_calendar_button(tmp_path / "nope")
    gone.children[0].click()
    assert "No folder at" in gone.children[1].value


def test_coach_overview_missing_folder_and_bad_today_do_not_raise(tmp_path, handle):
    ui.coach_overview(tmp_path / "nope", today="soon")
    html = handle.shown[0].data
    assert "No folder at" in html and "today = &#x27;soon&#x27;" in html


def test_caseload_frame_and_gap_counts_are_pure():
    from career_workbook import analysis

    wb = cw.new_workbook("Ana", today=date(2026, 1, 1))
    wb.skills.append(Skill(name="SQL", target_level=4))
    wb.assessments.append(Assessment(date=date(2026, 1, 2), ratings={"SQL": 1}))
    s = analysis.summary(wb, date(2026, 2, 1))
    frame = caseload_frame([s, s], clients=["a", "b"])
    assert list(frame["client"]) == ["a", "b"] and frame.loc[0, "top_gap"] == "SQL"
    assert frame.loc[0, "target_role"] is None
    with pytest.raises(ValueError, match="clients has 1 items"):
        caseload_frame([s, s], clients=["a"])
    gaps = analysis.skill_gap_frame(wb)
    assert cohort_gap_counts([gaps, gaps]).to_dict() == {"SQL": 2}
    assert cohort_gap_counts([]).empty


# ----------------------------------------------------------------------------- Voila
@pytest.mark.parametrize("env, expected", [
    ({"VOILA_KERNEL_ID": "k1"}, True), ({"VOILA_SERVER_URL": "/"}, True),
    ({"VOILA_BASE_URL": "/app/"}, True), ({"VOILA_SERVER_URL": ""}, False),
    ({"JPY_SESSION_NAME": "01_self_assessment.ipynb"}, False), ({}, False),
])
def test_in_voila_reads_the_variables_voila_sets(env, expected):
    assert display_mod.in_voila(env) is expected


def test_in_voila_defaults_to_the_process_environment(monkeypatch):
    for name in display_mod.VOILA_ENV:
        monkeypatch.delenv(name, raising=False)
    assert not display_mod.in_voila()
    monkeypatch.setenv("VOILA_KERNEL_ID", "abc")
    assert display_mod.in_voila()


def _img_png(html: str) -> bytes:
    import base64
    import re

    return base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1))


def test_in_voila_chart_is_an_img_widget_with_alt_whose_value_changes(session, handle,
                                                                       monkeypatch):
    import ipywidgets as widgets

    monkeypatch.setenv("VOILA_SERVER_URL", "/")
    ui.show_chart(session, "skill_radar")
    image = handle.shown[0]
    assert isinstance(image, widgets.HTML) and 'alt="' in image.value
    first = _img_png(image.value)
    assert first.startswith(PNG)
    assert session.save(lambda wb: wb.assessments.append(
        Assessment(date=date(2026, 11, 22), ratings={"SQL": 4, "Python": 2}))).ok
    assert handle.updates == []  # display-id updates are ignored by Voila: none are sent
    assert _img_png(image.value).startswith(PNG) and _img_png(image.value) != first


def test_chart_images_carry_the_takeaway_and_a_summary_as_alt_text(session, handle):
    import re

    from career_workbook import figures

    ui.show_chart(session, "skill_gaps")
    image = handle.shown[0]
    bundle, metadata = image._repr_mimebundle_()
    assert bundle["image/png"]  # the executed notebook keeps its PNG output
    alt = re.search(r'<img [^>]*alt="([^"]+)"', bundle["text/html"]).group(1)
    fig = display_mod.chart_figure(session, "skill_gaps")
    takeaway = figures.chart_title(fig, "skill_gaps")
    assert alt.startswith("Chart “Biggest skill gaps”: ") and takeaway in alt
    assert alt.count(takeaway) == 1  # an empty chart's takeaway is its name: said once
    assert len(alt) > len(takeaway) + 30  # and a summary
    assert metadata["image/png"]["alt"] == image.alt
    assert "base64," + bundle["image/png"] in bundle["text/html"]


def test_alt_text_is_escaped():
    html = display_mod._img_html(PNG, '"><script>x</script>')
    assert "<script>" not in html and "&quot;&gt;&lt;script&gt;" in html


def test_in_voila_header_is_an_html_widget_that_updates(tmp_path, handle, monkeypatch):
    import ipywidgets as widgets

    monkeypatch.setenv("VOILA_KERNEL_ID", "k1")
    path = tmp_path / "sam.yaml"
    store.save(cw.new_workbook("Sam Lee"), path)
    s = ui.start(path, today="2026-11-22")
    header = handle.shown[0]
    assert isinstance(header, widgets.HTML) and "Sam Lee" in header.value
    assert s.save(lambda wb: setattr(wb.person, "name", "Sam Lee-Park")).ok
    assert "Sam Lee-Park" in header.value and handle.updates == []


def test_widget_text_uses_only_glyphs_the_default_font_has():
    """Headless browsers fall back to DejaVu Sans: a glyph it lacks shows as an empty box."""
    import os

    import matplotlib
    from fontTools.ttLib import TTFont

    font = os.path.join(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
    cmap = TTFont(font).getBestCmap()
    missing = {(path.name, ch) for path in (ROOT / "career_workbook" / "widgets").glob("*.py")
               for ch in path.read_text(encoding="utf-8") if ord(ch) > 127
               and ord(ch) not in cmap}
    assert not missing, f"glyphs missing from DejaVu Sans: {sorted(missing)}"


def test_frame_html_shows_two_columns_renamed_alike():
    """Two columns given the same heading (``columns`` maps both to "Level") are both
    shown; it raised "The truth value of a Series is ambiguous" (found by speed_09)."""
    frame = pd.DataFrame({"now": [2, 3], "target": [3, 4], "why": ["a b c d e f g h i j k l",
                                                                   "x"]})
    html = display_mod.frame_html(frame, {"now": "Level", "target": "Level", "why": "Why"})
    assert html.count("<th>Level</th>") == 2
    assert re.findall(r"<td>(\d)</td>", html) == ["2", "3", "3", "4"]
    assert html.count('<div class="cw-prose">') == 2  # the long "Why" cells, and only they


def test_a_titled_table_with_sentences_is_named_by_its_title():
    """The table's name is its title even when a column holds sentences (the loop over
    those columns once reused the title's variable: the region was named "step")."""
    frame = pd.DataFrame({"step": ["Ask Dana for an intro to the hiring manager at Acme"]})
    html = display_mod.frame_html(frame, name="Your pipeline")
    assert 'aria-label="Your pipeline"' in html and '<div class="cw-prose">' in html
