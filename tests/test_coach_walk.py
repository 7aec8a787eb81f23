"""What a coach met walking the caseload tools: labels that lost the names they must tell
apart, names that reorder the sentence they are in, files told apart only by case or
extension, an overdue check-in shown as coming up, and ``validate``'s unknown keys."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from career_workbook import charts
from career_workbook.charts import wrap_label, wrap_lines
from career_workbook.model import CheckIn, new_workbook
from career_workbook.wording import client_labels

TODAY = date(2026, 12, 6)
LONG_WORD = "Wolfeschlegelsteinhausenbergerdorff"
LONG_NAME = " ".join(["Abcdefghijklmnopqrstuvwxyz"] * 8)[:200]  # a 200-character name


# ----------------------------------------------------------------------------------------
# 1. One-line labels keep what tells them apart; a long first word is cut, not lost
# ----------------------------------------------------------------------------------------
def _recency_labels(names: list[str], ids: list[str], days: list[float]) -> list[str]:
    series = pd.Series(days, index=client_labels(names, ids))
    fig = charts.plot_cohort_recency(series, today=TODAY)
    return [t.get_text() for t in fig.axes[0].get_yticklabels()]


@pytest.mark.parametrize("ids", [
    ["priyanka_chandrasekharan", "priyanka_chandrasekharan_2"],  # `new` then --file
    ["pc", "pc2"],
    ["2024_priyanka_chandrasekharan_cohort", "2025_priyanka_chandrasekharan_cohort"],
])
def test_two_clients_of_one_long_name_read_apart_on_the_recency_chart(ids):
    labels = _recency_labels(["Priyanka Chandrasekharan"] * 2, ids, [6.0, 96.0])
    assert len(set(labels)) == 2, labels
    assert all(label.startswith("Priyanka") and label.endswith(")") for label in labels)


def test_a_long_first_word_is_cut_on_the_recency_chart_not_replaced_by_the_ellipsis():
    labels = _recency_labels([f"{LONG_WORD} Hubert", LONG_NAME, "x" * 200],
                             ["hubert", "abc", "xx"], [66.0, 10.0, 3.0])
    assert all(len(label) > 10 and label.endswith("…") for label in labels), labels
    assert any(label.startswith(LONG_WORD[:20]) for label in labels)
    assert any(label.startswith(LONG_NAME[:20]) for label in labels)


def test_every_one_line_cut_keeps_text_before_the_ellipsis():
    for width in (4, 8, 16, 24):
        for text in (LONG_WORD, "x" * 200, f"{LONG_WORD} Hubert"):
            (line,) = wrap_lines(text, width, max_lines=1)
            assert line.endswith("…") and len(line) == width and line[0] in "Wx", line
    assert wrap_lines("x" * 200, 10, max_lines=2) == ["x" * 10, "x" * 9 + "…"]
    # a headline's name (charts' `short`): the gaps chart named its top skill "…"
    fig = charts.plot_cohort_gaps(pd.Series({LONG_WORD * 2: 3, "SQL": 1}), today=TODAY)
    assert " ".join(fig.get_suptitle().split()).startswith(f"Most common gap: {LONG_WORD}")


def test_a_parenthesised_ending_is_kept_only_on_labels_that_ask_for_it():
    from career_workbook.charts import line_with_end

    assert wrap_label("Priyanka Chandrasekharan (pc_2)", 24, max_lines=1,
                      keep_end=True) == "Priyanka … (pc_2)"
    assert wrap_label("Sam Lee (sam)", 24, max_lines=1, keep_end=True) == "Sam Lee (sam)"
    # the end is never cut, even where it alone is wider than the line
    assert line_with_end("Ana María", " · 6 December 2026", 10) == "Ana… · 6 December 2026"


def test_the_pdf_footer_keeps_the_review_date_after_a_200_character_name():
    from career_workbook.export.content import pack_content
    from career_workbook.export.pdf import A4, _footer_texts

    for name in (LONG_NAME, "x" * 200, (f"{LONG_WORD} Hubert " * 5)[:200]):
        content = pack_content(new_workbook(name, today=date(2026, 1, 5)), today=TODAY,
                               charts=[])
        left = _footer_texts(content, 1, A4[0])[0][2]
        assert left.endswith(" · review of 6 Dec 2026"), left
        assert left.startswith(name[:10]) and "…" in left, left


def test_the_promotion_case_footer_keeps_its_period_after_a_long_name():
    from career_workbook.analysis.promotion import promotion_case
    from career_workbook.export.promotion import promotion_pages

    wb = new_workbook("y" * 200, today=date(2026, 1, 5))
    wb.check_ins = [CheckIn(date=date(2026, 3, 1), motivation=6, confidence=6, wins="A win")]
    pages = promotion_pages(promotion_case(wb, since="2026-01-01", until="2026-06-30"))
    drawn = [t.get_text() for t in pages[0].texts]
    footer = next(text for text in drawn if "promotion case" in text)
    assert footer.startswith("yyyy") and footer.endswith("2026"), footer


# ----------------------------------------------------------------------------------------
# 2. A right-to-left name never takes the words and numbers after it along
# ----------------------------------------------------------------------------------------
ARABIC = "مريم الأحمد"
CONTACT = "أحمد علي"


def _rtl_workbook():
    from career_workbook.model import Action, Contact, Goal

    wb = new_workbook(ARABIC, today=date(2026, 6, 1))
    wb.goals = [Goal(id="g1", text="Become a team lead by June 2027", status="active",
                     created=date(2026, 6, 1), deadline=date(2027, 6, 30))]
    wb.actions = [Action(id=f"a{i}", goal_id="g1", text=f"Step {i}", due=date(2026, 11, 1))
                  for i in range(3)]
    wb.contacts = [Contact(name=CONTACT, next_follow_up=date(2026, 12, 10)),
                   Contact(name="Sam Lee", next_follow_up=date(2026, 11, 1))]
    wb.check_ins = [CheckIn(date=date(2026, 11, 20), motivation=6, confidence=6)]
    return wb


def test_the_overview_isolates_a_right_to_left_name_in_its_sentences(tmp_path):
    from career_workbook import store
    from career_workbook.widgets.coach import load_caseload, overview_html

    store.save(_rtl_workbook(), tmp_path / "maryam.yaml")
    (tmp_path / "broken_مريم.yaml").write_text("person: [", encoding="utf-8")
    html = overview_html(load_caseload(tmp_path, TODAY))
    assert f"<b><bdi>{ARABIC}</bdi></b>: 3 actions overdue" in html  # the nudge
    assert f"<b><bdi>{ARABIC}</bdi></b> — last check-in" in html  # the week's summary
    assert "<li><bdi>Sam Lee</bdi></li>" in html  # a follow-up overdue: a contact's name
    assert f"Follow up with <bdi>{CONTACT}</bdi>" in html  # coming up, a contact named
    assert "<b><bdi>broken_مريم.yaml</bdi></b>:" in html  # a file that could not be read


def test_the_html_pack_isolates_a_contacts_name_in_its_sentences():
    from career_workbook.export.content import pack_content
    from career_workbook.export.html import render_html

    wb = _rtl_workbook()
    wb.contacts[0].next_follow_up = date(2026, 12, 1)
    page = render_html(pack_content(wb, today=TODAY, charts=[]))
    assert f"Follow up with <bdi>{CONTACT}</bdi>" in page
    assert "Follow up with <bdi>Sam Lee</bdi>" in page
    assert f"<h1><bdi>{ARABIC}</bdi></h1>" in page


# ----------------------------------------------------------------------------------------
# 3. Files told apart only by capitals or their ending
# ----------------------------------------------------------------------------------------
def _same_stem_folder(folder):
    from career_workbook import store

    folder.mkdir()
    for file, name in (("KIM.yaml", "José"), ("kim.yaml", "Zoë"), ("kim.yml", "Kim Lee"),
                       ("sam.yaml", "Sam Lee")):
        store.save(new_workbook(name, today=date(2026, 11, 1)), folder / file)
    return folder


def test_the_cohort_csv_tells_files_of_one_stem_apart_and_gives_left_out_ones_no_folder(
        tmp_path):
    import csv

    from career_workbook.caseload import cohort
    from career_workbook.export import build_packs
    from career_workbook.workspace import list_workbooks

    folder = _same_stem_folder(tmp_path / "wb")
    report = cohort(folder, tmp_path / "c.csv", today=TODAY, charts=False)
    with open(tmp_path / "c.csv", encoding="utf-8-sig", newline="") as f:
        rows = [(r["client"], r["name"], r["pack_folder"]) for r in csv.DictReader(f)]
    assert rows == [("KIM", "José", "KIM"), ("kim.yaml", "Zoë", ""), ("kim.yml", "Kim Lee", ""),
                    ("sam", "Sam Lee", "sam")]
    labels = [label for label, _ in report.nudges]
    assert labels == ["José (KIM)", "Zoë (kim.yaml)", "Kim Lee (kim.yml)", "Sam Lee (sam)"]
    packs = build_packs(list_workbooks([folder]), tmp_path / "out", today=TODAY,
                        formats=("html",))
    assert sorted(p.name for p in packs.built) == ["KIM", "sam"]  # the folders the CSV names


def test_the_overview_names_files_of_one_stem_by_their_ending(tmp_path):
    from career_workbook.widgets.coach import load_caseload

    folder = _same_stem_folder(tmp_path / "wb")
    assert list(load_caseload(folder, TODAY).workbooks) == ["KIM", "kim.yaml", "kim.yml", "sam"]


@pytest.mark.parametrize(("files", "says", "never"), [
    (("KIM.yaml", "kim.yml"), "differ only in capitals and their ending: one folder on a Mac",
     None),
    (("kim.yaml", "kim.yml"), "(the names differ only in their ending)", "capitals"),
    (("Kim_Ode.yaml", "kim_ode.yaml"), "differ only in capitals: one folder on a Mac or "
     "Windows", "ending"),
    (("Mei Harada (copy).yml", "Mei-Harada-copy.yaml"), 'spaces or signs (a folder name '
     'writes them as "-") and their ending', "capitals"),
])
def test_a_clash_says_how_the_two_file_names_differ(tmp_path, files, says, never):
    from career_workbook.workspace import output_clashes

    first, second = (tmp_path / name for name in files)
    message = output_clashes([first, second])[second]
    assert message.startswith("pack and run would write it to the same folder ") \
        and f"as {first} (" in message and says in message, message
    assert never is None or never not in message


# ----------------------------------------------------------------------------------------
# 4. An overdue check-in is overdue, not coming up
# ----------------------------------------------------------------------------------------
def _checked_in(name: str, *days: date, start: date = date(2026, 6, 1)):
    from career_workbook.model import Goal

    wb = new_workbook(name, today=start)
    wb.goals = [Goal(id="g1", text="Lead the data team by June 2027", status="active",
                     created=start, deadline=date(2027, 6, 30))]
    wb.check_ins = [CheckIn(date=day, motivation=6, confidence=6) for day in days]
    return wb


@pytest.mark.parametrize(("wb", "late", "coming"), [
    (_checked_in("Hubert", date(2026, 10, 1)), "no check-in for 2 months", 0),  # 66 days
    (_checked_in("Ana"), "no check-in yet, 6 months after starting", 0),
    (_checked_in("Bo", date(2026, 11, 16), date(2026, 11, 30)), "", 1),  # due 14 Dec
    (_checked_in("Cy", start=TODAY), "", 1),  # the first check-in, today
    (new_workbook("Dee", today=date(2026, 9, 1)), "no check-in yet, 3 months after starting",
     0),  # never started
])
def test_an_overdue_check_in_is_counted_overdue_never_coming_up(wb, late, coming):
    from career_workbook.analysis import summary
    from career_workbook.analysis.coach_week import client_week

    week = client_week(wb, TODAY)
    check_ins = [u for u in week.upcoming if u.kind == "check_in"]
    assert len(check_ins) == coming and week.check_in_late == late
    assert week.check_in_overdue == bool(late) == summary(wb, TODAY).check_in_overdue
    assert week.overdue == bool(late)  # nothing else is late in these workbooks
    assert (late in week.nudges) == (bool(late) and week.started)


def test_the_overview_and_the_csv_count_an_overdue_check_in_as_overdue(tmp_path):
    import csv

    from career_workbook import store
    from career_workbook.caseload import cohort
    from career_workbook.widgets.coach import load_caseload, week_html

    store.save(_checked_in("Hubert", date(2026, 10, 1)), tmp_path / "hubert.yaml")
    store.save(_checked_in("Bo", date(2026, 11, 16), date(2026, 11, 30)), tmp_path / "bo.yaml")
    html = week_html(load_caseload(tmp_path, TODAY))
    hubert = html[html.index("Hubert"):]
    assert "2 months ago · 1 overdue · 0 coming up" in hubert
    assert "Check-in overdue</div><ul><li>no check-in for 2 months</li>" in hubert
    assert "Check-in:" not in hubert
    assert "14 Dec 2026: Check-in" in html[html.index("Bo"):html.index("Hubert")]
    cohort(tmp_path, tmp_path / "c.csv", today=TODAY, charts=False)
    with open(tmp_path / "c.csv", encoding="utf-8-sig", newline="") as f:
        upcoming = {r["name"]: (r["upcoming_14_days"], r["check_in_overdue"])
                    for r in csv.DictReader(f)}
    assert upcoming == {"Bo": ("1", "False"), "Hubert": ("0", "True")}


# ----------------------------------------------------------------------------------------
# 5. The overview's table, its stale opportunities and a missing folder
# ----------------------------------------------------------------------------------------
def test_a_column_of_sentences_keeps_a_few_words_a_line():
    from career_workbook.widgets.display import frame_html

    frame = pd.DataFrame({"name": ["Ana", "Bo"], "n": [1, 2],
                          "goals": ["2 of 3 active goals on track, 1 behind", "No active goals"]})
    html = frame_html(frame)
    assert html.count('<div class="cw-prose">') == 2  # both cells of the goals column
    assert '<div class="cw-prose">No active goals</div>' in html
    assert '<div class="cw-prose">Ana' not in html and ".cw-prose{min-width:" in html


def test_a_stale_opportunity_says_how_long_it_has_not_moved(tmp_path):
    from career_workbook import store
    from career_workbook.model import Opportunity
    from career_workbook.widgets.coach import load_caseload, week_html

    wb = _checked_in("Ana", date(2026, 11, 30))
    wb.opportunities = [Opportunity(title="Data lead at Acme", spotted=date(2026, 9, 27),
                                    updated=date(2026, 9, 27))]
    store.save(wb, tmp_path / "ana.yaml")
    html = week_html(load_caseload(tmp_path, TODAY))
    assert "<li><bdi>Data lead at Acme</bdi> — for 2 months</li>" in html  # 70 days
    assert "still)" not in html


def test_a_missing_folder_is_said_once(tmp_path):
    from career_workbook.widgets.coach import load_caseload, overview_html

    html = overview_html(load_caseload(tmp_path / "nowhere", TODAY))
    assert html.count("cw-notice") == 1 and "No folder at" in html
    assert "No client workbooks" not in html
    empty = overview_html(load_caseload(tmp_path, TODAY))  # a folder without workbooks
    assert "No client workbooks (*.yaml) found in this folder." in empty
    assert "No folder at" not in empty


# ----------------------------------------------------------------------------------------
# 6. validate: an unknown key shown as written, with a hint only where one is likely
# ----------------------------------------------------------------------------------------
UNKNOWN_KEYS = """schema_version: 3
person:
  name: Sam Lee
  start_date: 2026-01-05
goals:
- id: g1
  text: Lead the data team by June 2027
  set_on: 2026-06-01
  deadline: 2027-06-30
  metric: {name: reports, start: 10, target: 40, current: 20}
- id: g2
  text: Publish two articles by 2027
  dedline: 2027-12-31
  progres: 40
  notes: some text
check_ins:
- {date: 2026-03-01, motivation: 6, when: 2026-03-02 10:30:00}
"""


def test_validate_shows_an_unknown_keys_value_as_written_and_hints_only_what_is_likely(
        tmp_path, capsys):
    from career_workbook import cli

    path = tmp_path / "sam.yaml"
    path.write_text(UNKNOWN_KEYS, encoding="utf-8")
    assert cli.main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "datetime" not in out
    lines = {line.split(" = ")[0].strip(" -"): line for line in out.splitlines()}
    lead = "goal 1 (“Lead the data team by June 2027”)"
    publish = "goal 2 (“Publish two articles by 2027”)"
    assert lines[f"{lead}, set_on"].endswith(
        "set_on = 2026-06-01: Extra inputs are not permitted (line 8; did you mean created or "
        "completed_on?)")  # the goal's dates not written beside it
    assert lines[f"{lead}, metric.start"].endswith("(line 10; did you mean baseline?)")
    assert lines[f"{publish}, dedline"].endswith("(line 13; did you mean deadline?)")
    assert lines[f"{publish}, progres"].endswith("progres = 40: Extra inputs are not "
                                                 "permitted (line 14)")  # no guess
    assert lines[f"{publish}, notes"].endswith("(line 15)")  # text fits any text field: no guess
    assert "when = 2026-03-02 10:30:00: Extra inputs" in lines["check-in 1, when"]


@pytest.mark.parametrize(("spec", "says"), [
    ("smart", "unknown notebook 'smart'; did you mean 04_smart_goals?"),
    ("skill-gap", "did you mean 05_skill_gap?"),
    ("12", "choose from 00_start_here, 01_self_assessment, "),
    ("goals_review", "choose from 00_start_here"),  # no one notebook holds both words
])
def test_an_unknown_notebook_names_the_notebooks_by_name(tmp_path, spec, says):
    from career_workbook.batch import select_notebooks

    with pytest.raises(ValueError, match="unknown notebook") as info:
        select_notebooks(spec, tmp_path)
    assert says in str(info.value) and "(a name, or its number alone)" in str(info.value)


def test_the_overview_table_says_the_last_check_in_and_how_long_ago_in_one_column(tmp_path):
    from career_workbook import store
    from career_workbook.widgets.coach import load_caseload, overview_html

    store.save(_checked_in("Hubert", date(2026, 10, 1)), tmp_path / "hubert.yaml")
    store.save(new_workbook("Dee", today=date(2026, 9, 1)), tmp_path / "dee.yaml")
    html = re.sub(r'<span style="white-space:nowrap">([^<]*)</span>', r"\1",
                  overview_html(load_caseload(tmp_path, TODAY)))
    assert "<td>1 Oct 2026 (2 months ago)</td>" in html
    assert "<td>no check-in yet</td>" in html and "Days since" not in html
