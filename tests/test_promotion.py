"""The promotion case (issue 16, item 6) and packs limited to a review period."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import mistune
import pytest
from pypdf import PdfReader

import career_workbook as cw
from career_workbook import cli, store
from career_workbook.analysis.period import check_period, limit_workbook
from career_workbook.analysis.promotion import promotion_case
from career_workbook.export import fingerprint as fp
from career_workbook.export import pack as pack_module
from career_workbook.export.promotion import (
    promotion_markdown,
    promotion_pages,
    promotion_pdf,
    write_promotion_case,
)
from tests.helpers.text_layout import text_problems
from tests.helpers.workbooks import KINDS, half_filled_workbook, write_workbook

SINCE, UNTIL = "2026-01-01", "2026-06-30"
HOSTILE_SKILL = "C++ | <b>bold</b> `x`"
LONG = "Cut costs. " * 460  # about 5,000 characters


def _ach(day: str, title: str, skills: list[str], **kw) -> cw.Achievement:
    return cw.Achievement(date=date.fromisoformat(day), title=title, skills=skills, **kw)


def case_workbook() -> cw.Workbook:
    """Boundaries on both sides, one achievement under two skills, ratings and 360."""
    wb = cw.new_workbook("Sam Lee", today=date(2025, 10, 1), target_role="Team lead")
    wb.skills = [cw.Skill(name="SQL"), cw.Skill(name="Mentoring", category="soft"),
                 cw.Skill(name="Python")]
    wb.goals = [cw.Goal(id="g1", text="Lead the data team", skills=["Mentoring"]),
                cw.Goal(id="g2", text="Own the warehouse", skills=["SQL"]),
                cw.Goal(id="g3", text="Dropped goal", skills=["SQL"], status="dropped")]
    wb.achievements = [
        _ach("2025-12-31", "Day before", ["SQL"]),
        _ach("2026-01-01", "Taught SQL to 12 analysts", ["SQL", "Mentoring"],
             impact="Analysts answer their own questions", metric="12 people trained"),
        _ach("2026-06-30", "Last day win", ["Python"]),
        _ach("2026-03-03", "Untagged win", []),
        _ach("2026-07-01", "Day after", ["SQL"]),
    ]
    wb.assessments = [
        cw.Assessment(date=date(2025, 11, 1), ratings={"SQL": 1}),
        cw.Assessment(date=date(2025, 12, 15), ratings={"SQL": 2, "Python": 3}),
        cw.Assessment(date=date(2026, 3, 1), ratings={"SQL": 3, "Mentoring": 2}),
        cw.Assessment(date=date(2026, 6, 30), ratings={"SQL": 4}),
        cw.Assessment(date=date(2026, 8, 1), ratings={"SQL": 5, "Python": 5}),
    ]
    for rid, day, comment in [("p1", "2026-01-01", "Generous with time"),
                              ("p2", "2026-02-10", "Explains clearly"),
                              ("p3", "2026-06-30", "Calm in incidents"),
                              ("p4", "2026-07-01", "Comment from after the period"),
                              ("m1", "2026-03-01", "Only manager: must not be quotable")]:
        wb.feedback.append(cw.Feedback(rater_group="manager" if rid == "m1" else "peer",
                                       rater_id=rid, date=date.fromisoformat(day),
                                       ratings={"SQL": 3}, comment=comment))
    return cw.validate_workbook(wb)


def hostile_workbook() -> cw.Workbook:
    wb = case_workbook()
    wb.skills.append(cw.Skill(name=HOSTILE_SKILL))
    wb.goals.append(cw.Goal(id="g9", text="# Goal <img src=x onerror=alert(1)> | "
                            "[x](javascript:alert(1))", skills=[HOSTILE_SKILL]))
    wb.achievements.append(_ach(
        "2026-05-05", "<script>alert(1)</script> 😀 $\\frac{1}{2}$ ~~gone~~",
        [HOSTILE_SKILL, "SQL"],
        impact="# Heading\n| a | b |\n`code` [click](javascript:alert(1)) <a href=x>y</a> "
               "$x^2$ *em* _u_ " + LONG,
        metric="1. 100% | $5 \\ 😀"))
    wb.assessments.append(cw.Assessment(date=date(2026, 5, 6), ratings={HOSTILE_SKILL: 2}))
    return cw.validate_workbook(wb)


# ---- period ------------------------------------------------------------------------------
def test_period_boundaries_are_inclusive_for_every_dated_section():
    wb = case_workbook()
    wb.check_ins = [cw.CheckIn(date=date(2025, 12, 31)), cw.CheckIn(date=date(2026, 1, 1)),
                    cw.CheckIn(date=date(2026, 6, 30)), cw.CheckIn(date=date(2026, 7, 1))]
    wb.learning = [
        cw.LearningItem(title="done before", started_on=date(2025, 9, 1),
                        completed_on=date(2025, 12, 31), status="done"),
        cw.LearningItem(title="spans the start", started_on=date(2025, 12, 1),
                        completed_on=date(2026, 1, 1), status="done"),
        cw.LearningItem(title="finished after", started_on=date(2026, 6, 30),
                        completed_on=date(2026, 7, 2), status="done"),
        cw.LearningItem(title="starts after", started_on=date(2026, 7, 1)),
        cw.LearningItem(title="no dates"),
    ]
    wb.goals[0].created, wb.goals[1].created = date(2026, 6, 30), date(2026, 7, 1)
    small = limit_workbook(wb, check_period(SINCE, UNTIL))
    assert [a.title for a in small.achievements] == [
        "Taught SQL to 12 analysts", "Last day win", "Untagged win"]
    assert [c.date for c in small.check_ins] == [date(2026, 1, 1), date(2026, 6, 30)]
    assert sorted(f.rater_id for f in small.feedback) == ["m1", "p1", "p2", "p3"]
    # the starting point (latest at or before since) and the ones up to until
    assert [a.date for a in small.assessments] == [
        date(2025, 12, 15), date(2026, 3, 1), date(2026, 6, 30)]
    learned = {i.title: i for i in small.learning}
    assert sorted(learned) == ["finished after", "spans the start"]
    assert learned["finished after"].status == "in_progress"  # not done yet by 30 June
    assert learned["finished after"].completed_on is None
    # goals set by the last day are kept, one set after it is not in the review (M2)
    assert [g.id for g in small.goals] == ["g1"]
    assert [g.id for g in limit_workbook(wb, check_period(SINCE, "2026-07-01")).goals] == [
        "g1", "g2"]
    assert wb.goals[2].created > date(2026, 7, 1)  # (g3: set today, in code)
    assert len(wb.achievements) == 5  # the original is untouched


def test_either_end_alone_works():
    wb = case_workbook()
    assert [a.title for a in limit_workbook(wb, check_period(None, "2025-12-31")).achievements
            ] == ["Day before"]
    assert [a.title for a in limit_workbook(wb, check_period("2026-07-01")).achievements
            ] == ["Day after"]
    assert limit_workbook(wb, check_period()) is wb


def test_opportunity_stage_changes_are_limited_to_the_period():
    wb = case_workbook()
    wb.opportunities = [
        cw.Opportunity(id="o1", title="Lead role", spotted=date(2025, 12, 1), stage="applied",
                       stage_history=[cw.StageChange(stage="spotted", date=date(2025, 12, 1)),
                                      cw.StageChange(stage="applied", date=date(2026, 2, 1))]),
        cw.Opportunity(id="o2", title="Later", spotted=date(2026, 8, 1)),
    ]
    small = limit_workbook(wb, check_period(SINCE, UNTIL))
    assert [o.id for o in small.opportunities] == ["o1"]
    assert [c.stage for c in small.opportunities[0].stage_history] == ["applied"]


@pytest.mark.parametrize(("since", "until", "message"), [
    ("2026-02-30", None, "--since 2026-02-30: 30 February 2026 is not a date "
                         "(February 2026 has 28 days)"),
    (None, "2026-13-01", "--until 2026-13-01: there is no month 13"),
    ("30/06/2026", None, "--since '30/06/2026' is not a date; use YYYY-MM-DD"),
    ("2026-07-01", "2026-06-30", "--since 1 Jul 2026 is after --until 30 Jun 2026"),
])
def test_impossible_periods_are_named(since, until, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        check_period(since, until)


# ---- the case ----------------------------------------------------------------------------
def test_one_achievement_counts_under_two_skills_and_its_goals():
    case = promotion_case(case_workbook(), since=SINCE, until=UNTIL)
    by_skill = {g.name: [e.title for e in g.items] for g in case.by_skill}
    assert by_skill == {"SQL": ["Taught SQL to 12 analysts"],
                        "Mentoring": ["Taught SQL to 12 analysts"],
                        "Python": ["Last day win"]}
    by_goal = {g.name: [e.title for e in g.items] for g in case.by_goal}
    assert by_goal == {"Lead the data team": ["Taught SQL to 12 analysts"],
                       "Own the warehouse": ["Taught SQL to 12 analysts"]}  # not the dropped
    assert [e.title for e in case.unlinked] == ["Untagged win"]
    taught = case.by_skill[0].items[0]
    assert (taught.impact, taught.metric) == ("Analysts answer their own questions",
                                              "12 people trained")


def test_rating_changes_compare_the_start_and_the_end_of_the_period():
    case = promotion_case(case_workbook(), since=SINCE, until=UNTIL)
    changes = {r.skill: (r.before, r.after, r.change) for r in case.rating_changes}
    assert changes == {"SQL": (2, 4, 2), "Mentoring": (None, 2, None), "Python": (3, 3, 0)}
    # without --since: from the first rating ever
    whole = {r.skill: (r.before, r.after) for r in promotion_case(case_workbook()).rating_changes}
    assert whole["SQL"] == (1, 5)


def test_quotes_come_from_the_period_and_keep_raters_anonymous():
    case = promotion_case(case_workbook(), since=SINCE, until=UNTIL)
    assert sorted((q.group, q.comment) for q in case.quotes) == [
        ("peer", "Calm in incidents"), ("peer", "Explains clearly"),
        ("peer", "Generous with time")]
    # a lone manager is not quotable, and the comment from after the period is not there
    text = promotion_markdown(case)
    assert "Only manager" not in text and "after the period" not in text
    # with one of the three peers outside the period, two peers are too few to quote
    # two peers and the manager: three raters, pooled and shown unnamed (the 360 chart's rule)
    pooled = promotion_case(case_workbook(), since="2026-01-02", until=UNTIL)
    assert {q.group for q in pooled.quotes} == {"others"}
    assert "— Colleague (from a group too small to name)" in promotion_markdown(pooled)
    assert "— Manager" not in promotion_markdown(pooled)
    # one peer left in the period: nothing can be quoted
    later = promotion_case(case_workbook(), since="2026-03-02", until=UNTIL)
    assert later.quotes == ()
    assert "nobody can be recognised" in promotion_markdown(later)


@pytest.mark.parametrize("kind", KINDS)
def test_new_half_and_full_workbooks_write_both_files(tmp_path, kind):
    path = write_workbook(kind, tmp_path / "workbooks")
    files = write_promotion_case(path, since=SINCE if kind != "full" else None)
    assert files.markdown == tmp_path / "promotion" / f"{kind}_workbook" / "promotion_case.md"
    assert files.pdf.read_bytes()[:5] == b"%PDF-"
    text = files.markdown.read_text(encoding="utf-8")
    assert "# Promotion case: Nova Person" in text or kind == "full"
    if kind in ("new", "half"):
        assert files.case.is_empty
        assert "Nothing is recorded for this period yet" in text and "notebook 08" in text
    else:
        assert files.case.achievements and files.case.quotes and files.case.rating_changes
    assert len(PdfReader(files.pdf).pages) >= 1


# ---- hostile text ------------------------------------------------------------------------
def test_markdown_neutralises_user_markup():
    text = promotion_markdown(promotion_case(hostile_workbook(), since=SINCE, until=UNTIL))
    html = mistune.create_markdown(
        plugins=["table", "strikethrough", "url", "math"])(text)
    for bad in ("<script", "<img", "<a ", "javascript:alert(1)\"", "<code>", "<del>",
                "class=\"math\"", "<em>", "<b>"):
        assert bad not in html, bad
    # the only headings are ours: one h1, fixed h2s, one h3 per skill or goal
    assert html.count("<h1>") == 1
    assert "<h1>Heading" not in html and "<h3>Goal" not in html
    # every table row has exactly the four cells of the header
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    assert rows and all(len(re.findall(r"<t[hd]", row)) == 4 for row in rows)
    assert "C++ | &lt;b&gt;bold&lt;/b&gt; `x`" in html  # shown as typed, as text
    assert LONG.strip()[:200] in text  # the Markdown keeps the whole story
    assert "😀" in text


def test_pdf_pages_survive_hostile_long_text_and_nothing_overlaps(tmp_path):
    case = promotion_case(hostile_workbook(), since=SINCE, until=UNTIL)
    pages = promotion_pages(case)
    for page in pages:
        assert text_problems(page) == []
    drawn = " ".join(t.get_text() for page in pages for t in page.texts)
    assert "$\\frac{1}{2}$" in drawn  # drawn as typed, never as mathtext
    assert all(not t.get_parse_math() for page in pages for t in page.texts)
    data = promotion_pdf(case)
    reader = PdfReader(_write(tmp_path / "case.pdf", data))
    assert len(reader.pages) == len(pages) >= 2
    # matplotlib < 3.10 writes the en dash with a glyph name pypdf does not map back to text
    first = reader.pages[0].extract_text()
    assert re.search(r"Review period: 1 Jan 2026 (–|\s) ?30 Jun 2026", first), first


@pytest.mark.parametrize("kind", ["new", "half"])
def test_pdf_of_an_empty_period_says_what_to_record(kind):
    wb = cw.new_workbook("Nova Person") if kind == "new" else half_filled_workbook()
    pages = promotion_pages(promotion_case(wb, since=SINCE))
    assert len(pages) == 1 and text_problems(pages[0]) == []
    drawn = " ".join(t.get_text() for t in pages[0].texts)
    assert "Nothing is recorded" in drawn and "notebook 08" in drawn


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_pdf_pages_render_to_png(tmp_path, needs_pdftoppm):
    """pdftoppm reads every page (the pages were also looked at by eye when written)."""
    pdf = _write(tmp_path / "case.pdf",
                 promotion_pdf(promotion_case(hostile_workbook(), since=SINCE, until=UNTIL)))
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == len(PdfReader(pdf).pages)


# ---- public API, widget ------------------------------------------------------------------
def test_public_api_takes_a_workbook_or_a_path(tmp_path):
    path = tmp_path / "sam.yaml"
    store.save(case_workbook(), path)
    by_path = cw.promotion_case(path, since=SINCE, until=UNTIL)
    assert by_path == cw.promotion_case(case_workbook(), since=SINCE, until=UNTIL)
    assert "promotion_case" in cw.__all__


def test_notebook_button_writes_the_case_and_names_bad_dates(tmp_path):
    from career_workbook import widgets as ui

    path = tmp_path / "workbooks" / "sam.yaml"
    path.parent.mkdir()
    store.save(hostile_workbook(), path)
    view = ui.promotion_case_button(ui.Session(path))
    fields = {"From": view.fields["since"].widget, "To": view.fields["until"].widget}
    fields["From"].value = "2026-02-30"
    view.buttons["promotion"].click()
    assert "30 February 2026 is not a date" in view.fields["since"].message.value
    assert not (tmp_path / "promotion").exists()
    fields["From"].value, fields["To"].value = SINCE, UNTIL
    view.buttons["promotion"].click()
    out = tmp_path / "promotion" / "sam"
    assert (out / "promotion_case.md").exists() and (out / "promotion_case.pdf").exists()
    shown = " ".join(w.value for w in _walk(view) if "Download" in str(getattr(w, "value", "")))
    assert "Download promotion_case.md" in shown and "<script" not in shown


def test_notebook_button_ends_an_open_period_on_the_sessions_today(tmp_path):
    from career_workbook import widgets as ui

    path = tmp_path / "workbooks" / "sam.yaml"
    path.parent.mkdir()
    store.save(case_workbook(), path)
    view = ui.promotion_case_button(ui.Session(path, today="2026-05-31"))
    view.fields["since"].widget.value = SINCE
    view.buttons["promotion"].click()
    text = (tmp_path / "promotion" / "sam" / "promotion_case.md").read_text(encoding="utf-8")
    assert "**Review period:** 1 Jan 2026 – 31 May 2026" in text
    assert "Last day win" not in text  # dated 30 June: after the session's today


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


# ---- command line and packs --------------------------------------------------------------
def run_main(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as done:
        code = done.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("argv", "message"), [
    (["--since", "2026-02-30"], "30 February 2026 is not a date"),
    (["--until", "2026-6-31"], "31 June 2026 is not a date (June 2026 has 30 days)"),
    (["--since", "2026-07-01", "--until", "2026-06-30"],
     "--since 1 Jul 2026 is after --until 30 Jun 2026"),
])
@pytest.mark.parametrize("command", ["pack", "promotion-case"])
def test_bad_dates_exit_2_with_a_clear_message(capsys, tmp_path, argv, message, command):
    path = write_workbook("half", tmp_path)
    extra = ["--out", str(tmp_path / "out")]
    code, _, err = run_main(capsys, command, str(path), *extra, *argv)
    assert code == 2
    assert message in err
    assert not (tmp_path / "out").exists()


def test_promotion_case_command_writes_both_files(capsys, tmp_path):
    path = tmp_path / "sam.yaml"
    store.save(case_workbook(), path)
    code, out, _ = run_main(capsys, "promotion-case", str(path), "--since", SINCE,
                            "--until", UNTIL, "--out", str(tmp_path / "case"))
    assert code == 0
    assert "3 achievements" in out and "1 Jan 2026 – 30 Jun 2026:" in out
    text = (tmp_path / "case" / "promotion_case.md").read_text(encoding="utf-8")
    assert "**Review period:** 1 Jan 2026 – 30 Jun 2026" in text
    assert "| SQL | 2/5 | 4/5 | +2 |" in text


def test_an_open_period_ends_today_for_every_command(capsys, tmp_path):
    """Red team: ``promotion-case --since 2026-01-01`` counted a self-rating of 2027 (Python
    5/5) that has not happened yet, and said "… for from 1 Jan 2026."."""
    wb = case_workbook()
    later = date.today().replace(month=1, day=1).replace(year=date.today().year + 1)
    wb.assessments.append(cw.Assessment(date=later, ratings={"Mentoring": 5}))
    path = tmp_path / "sam.yaml"
    store.save(wb, path)
    for options, today in [(["--since", SINCE], "2026-11-22"), ([], "2026-11-22"),
                           (["--since", SINCE, "--until", "2026-12-31"], "2026-11-22"),
                           (["--since", SINCE], None)]:
        argv = [*options, *(["--today", today] if today else [])]
        code, out, err = run_main(capsys, "promotion-case", str(path), *argv,
                                  "--out", str(tmp_path / "case"))
        assert code == 0, err
        text = (tmp_path / "case" / "promotion_case.md").read_text(encoding="utf-8")
        row = next(line for line in text.splitlines() if line.startswith("| Mentoring |"))
        assert "| 2/5 | " in row and "5/5" not in row, row
        end = date.fromisoformat(today) if today else date.today()
        assert f"{end.day} {end:%b %Y}: " in out and " for from " not in out, out
    code, _, err = run_main(capsys, "promotion-case", str(path), "--since", "2026-12-01",
                            "--today", "2026-11-22", "--out", str(tmp_path / "case"))
    assert code == 2 and "--since 1 Dec 2026 is after today (22 Nov 2026)" in err
    code, _, err = run_main(capsys, "pack", str(path), "--out", str(tmp_path / "out"),
                            "--formats", "html", "--since", SINCE, "--today", "2026-11-22",
                            "--jobs", "1")
    assert code == 0, err
    page = (tmp_path / "out" / "sam" / "review.html").read_text(encoding="utf-8")
    assert "Review period</dt><dd><bdi>1 Jan 2026 – 22 Nov 2026" in page


def test_promotion_summary_line_reads_well_for_every_period_shape(capsys, tmp_path):
    path = tmp_path / "sam.yaml"
    store.save(case_workbook(), path)
    shapes = {("--since", SINCE, "--until", UNTIL): "Review period 1 Jan 2026 – 30 Jun 2026: "
              "3 achievements, 3 skill ratings and 3 quotes from 360 feedback.",
              ("--since", SINCE): "Review period 1 Jan 2026 – 22 Nov 2026: ",
              ("--until", UNTIL): "Review period up to 30 Jun 2026: ",
              (): "Review period up to 22 Nov 2026: "}
    for options, line in shapes.items():
        code, out, err = run_main(capsys, "promotion-case", str(path), *options,
                                  "--today", "2026-11-22", "--out", str(tmp_path / "c"))
        assert code == 0, err
        assert out.splitlines()[1].startswith(line), out


def test_fingerprint_changes_with_the_period():
    base = dict(formats=("pdf",), today="2026-11-22", static="s")
    keys = ["", check_period(SINCE, UNTIL).key, check_period(SINCE).key,
            check_period(None, UNTIL).key, check_period("2026-01-02", UNTIL).key]
    prints = {fp.pack_fingerprint(b"x", period=k, **base) for k in keys}
    assert len(prints) == len(keys)


def test_an_incremental_pack_never_reuses_another_periods_pack(tmp_path, monkeypatch):
    rendered: list = []

    def fake_render(data, source, *, today, formats, period=None, catalog=None):
        rendered.append((today, period))
        return {"review.pdf": b"%PDF-fake"}

    monkeypatch.setattr(pack_module, "render_pack", fake_render)
    path = tmp_path / "sam.yaml"
    store.save(case_workbook(), path)
    out = tmp_path / "out"
    h1, h2 = check_period(SINCE, UNTIL), check_period("2026-07-01", "2026-12-31")
    assert pack_module.update_pack(path, out, today="2026-11-22", period=h1).built is True
    assert pack_module.update_pack(path, out, today="2026-11-22", period=h1).built is False
    assert pack_module.update_pack(path, out, today="2026-11-22", period=h2).built is True
    assert pack_module.update_pack(path, out, today="2026-11-22").built is True
    assert [p for _, p in rendered] == [h1, h2, None]


def test_pack_with_a_period_is_limited_and_says_so_on_the_cover(capsys, tmp_path):
    path = tmp_path / "sam.yaml"
    store.save(case_workbook(), path)
    code, _, err = run_main(capsys, "pack", str(path), "--out", str(tmp_path / "out"),
                            "--formats", "html", "--since", SINCE, "--until", UNTIL,
                            "--today", "2026-11-22", "--jobs", "1")
    assert code == 0, err
    page = (tmp_path / "out" / "sam" / "review.html").read_text(encoding="utf-8")
    assert "Review period</dt><dd><bdi>1 Jan 2026 – 30 Jun 2026" in page
    # seen as of the period's last day: the review date is 30 June, not 22 November
    assert "30 Jun 2026" in page and "22 Nov 2026" not in page


def test_period_pack_cover_pdf_keeps_its_list_above_the_footer():
    from career_workbook.charts import CHARTS
    from career_workbook.export.content import ChartEntry, pack_content
    from career_workbook.export.pdf import cover_page

    wb, today, label = pack_module._limit_to_period(
        store.load(sorted((Path(__file__).parents[1] / "examples" / "workbooks")
                          .glob("*.yaml"))[0]), date(2026, 11, 22), check_period(SINCE, UNTIL))
    entries = [ChartEntry(slug, CHARTS[slug].title, "") for slug in CHARTS]
    content = pack_content(wb, today=today, charts=entries, period=label)
    assert text_problems(cover_page(content)) == []


def test_the_library_call_takes_today_as_the_command_does():
    # cw.promotion_case(wb, since=...) had no today: a 2027 rating counted in a 2026 case.
    wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 1))
    wb.skills.append(cw.Skill(name="Python"))
    wb.assessments += [cw.Assessment(date=date(2026, 3, 1), ratings={"Python": 3}),
                       cw.Assessment(date=date(2027, 3, 1), ratings={"Python": 5})]
    case = cw.promotion_case(wb, since="2026-01-01", today="2026-12-05")
    assert case.period.label == "1 Jan 2026 – 5 Dec 2026"
    assert {r.skill: r.after for r in case.rating_changes} == {"Python": 3}
    assert {r.skill: r.after for r in cw.promotion_case(wb, since="2026-01-01")
            .rating_changes} == {"Python": 5}  # without today: the whole record, as before
    with pytest.raises(ValueError, match="after today"):
        cw.promotion_case(wb, since="2027-01-01", today="2026-12-05")
