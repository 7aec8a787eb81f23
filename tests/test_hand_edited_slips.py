"""Slips of a workbook edited by hand, said plainly by `validate` (and so by run, pack,
cohort and the notebooks, which word a broken file the same way): a field indented one
space too far or too little, a score typed with its scale ("7/10") or a percent sign."""

from __future__ import annotations

from datetime import date

from career_workbook import batch, store
from career_workbook.model import new_workbook

TODAY = date(2026, 12, 6)


def _check(tmp_path, edit):
    path = tmp_path / "kim.yaml"
    store.save(new_workbook("Kim Park", today=TODAY), path)
    text = path.read_text(encoding="utf-8")
    path.write_text(edit(text), encoding="utf-8")
    [check] = list(batch.validate_paths([path], today=TODAY))
    return check.problems


CHECK_IN = ("check_ins:\n- date: 2026-11-02\n  motivation: 7\n  confidence: 5\n"
            "  progress: {}\n")


def test_a_field_indented_one_space_too_far_names_its_line_and_the_indents_above(tmp_path):
    problems = _check(tmp_path, lambda t: t.replace(
        "check_ins: []\n", CHECK_IN.replace("  confidence", "   confidence")))
    [said] = problems
    assert "“confidence: 5”) is indented 3 spaces, which lines up with no field above it " \
           "(they start at 0 or 2 spaces): indent it as the field it belongs beside" in said


def test_a_field_indented_one_space_too_little_is_named_too(tmp_path):
    problems = _check(tmp_path, lambda t: t.replace(
        "check_ins: []\n", CHECK_IN.replace("  confidence", " confidence")))
    [said] = problems
    assert "“confidence: 5”) is indented 1 space, which lines up with no field above" in said


def test_a_score_typed_with_its_scale_or_a_percent_sign_says_write_the_number_alone(
        tmp_path):
    edited = CHECK_IN.replace("motivation: 7", "motivation: 7/10").replace(
        "progress: {}", "progress: {}\n- date: 2026-11-09\n  confidence: 3,5/10\n"
                        "  progress: {}")
    problems = _check(tmp_path, lambda t: t.replace("check_ins: []\n", edited))
    assert any("check-in 1, motivation = '7/10'" in p and "write the number alone: 7" in p
               for p in problems), problems
    assert any("check-in 2, confidence = '3,5/10'" in p
               and "write a whole number alone: 3 or 4" in p for p in problems), problems


def test_a_goal_id_copied_by_hand_asks_if_it_is_the_id_the_check_ins_name(tmp_path):
    goals = ("goals:\n- id: g1\n  text: Pass the SQL exam by June 2027\n  status: active\n"
             "- id: g1\n  text: Lead a project review by May 2027\n  status: active\n")
    check_ins = ("check_ins:\n- date: 2026-11-02\n  progress: {g1: 10, g2: 20}\n"
                 "- date: 2026-11-16\n  progress: {g2: 30}\n")
    problems = _check(tmp_path, lambda t: t.replace("goals: []\n", goals).replace(
        "check_ins: []\n", check_ins))
    assert problems[0].startswith(
        "goal 2 (“Lead a project review by May 2027”), id = 'g1': is used twice; must be "
        "unique; no goal has the id 'g2' that 2 check-ins name: is this goal 'g2'?"), problems


def test_the_scaled_score_hint_is_decided_by_the_number_not_by_another_hints_words(
        monkeypatch):
    """"7/10" asked for the number alone only while the hint for a quoted number began
    "it is in quotes" (it read that hint's text): reworded, "7/10" said the quoted hint."""
    from career_workbook import model

    monkeypatch.setattr(model, "QUOTED_NUMBER", "a number in quotes is text: write {}")
    assert model.number_text_hint("12") == "a number in quotes is text: write 12"
    assert model.number_text_hint("7/10", whole=True) == "write the number alone: 7"
    assert model.number_text_hint("40 %") == "write the number alone: 40"


def test_the_unsure_number_hint_is_decided_by_the_error_not_by_its_words(monkeypatch):
    """"1,500" was told apart from other unreadable numbers by "for sure" in the error's
    text: reworded, the hint went."""
    from career_workbook import model
    from career_workbook import number_text as inputs

    parse = inputs.parse_number_text

    def reworded(text):
        try:
            return parse(text)
        except inputs.UnsureNumber as err:
            err.args = ("Not sure about this one",)  # the message reworded
            raise

    monkeypatch.setattr(inputs, "parse_number_text", reworded)
    assert model.number_text_hint("1,500") == \
        "write 1500 (or 1.5 if the comma is a decimal point)"
    assert model.number_text_hint("1,500/10", whole=True) == "write 1500"


def test_the_copied_goal_id_hint_is_decided_by_the_ids_not_by_the_messages(
        monkeypatch, tmp_path):
    """The hint matched the words "is not a goal id" and the repeated id's message:
    reworded, a goal copied by hand lost its hint."""
    from career_workbook import model

    monkeypatch.setattr(model, "NOT_A_GOAL", "names no goal")
    monkeypatch.setattr(model, "DUPLICATE", "comes twice")
    wb = new_workbook("Kim Park", today=TODAY)
    wb.goals.extend([model.Goal(id="g1", text="Pass the SQL exam by June 2027"),
                     model.Goal(id="g1", text="Lead a project review by May 2027")])
    wb.check_ins.append(model.CheckIn(date=date(2026, 11, 2), progress={"g2": 20}))
    problems = [str(p) for p in model.reference_problems(wb)]
    assert problems == [
        "goal 2, id = 'g1': comes twice; no goal has the id 'g2' that 1 check-in name: is "
        "this goal 'g2'?", "check-in 1, progress = 'g2': names no goal"], problems


def test_cohort_out_named_xlsx_is_refused_before_anything_is_written(capsys, tmp_path):
    # `cohort --out caseload.xlsx` wrote CSV text into caseload.xlsx (Excel: "the file
    # format or extension is not valid"), and its charts beside it
    from career_workbook import cli

    store.save(new_workbook("Kim Park", today=TODAY), tmp_path / "kim.yaml")
    out = tmp_path / "o" / "caseload.xlsx"
    out.parent.mkdir()
    code = cli.main(["cohort", str(tmp_path), "--out", str(out), "--today", "2026-12-06"])
    said = capsys.readouterr().err
    assert code == 2 and "cohort writes a CSV file" in said and "caseload.csv" in said
    assert list(out.parent.iterdir()) == []


def test_the_indent_hint_reads_past_values_written_in_braces(tmp_path):
    # jordan_engineer.yaml keeps its values as "- {name: Growth, importance: 5}": the key
    # inside the braces (column 3) hid the hint for a field indented 3 spaces
    values = "values:\n- {name: Growth, importance: 5}\n"
    problems = _check(tmp_path, lambda t: t.replace("values: []\n", values).replace(
        "check_ins: []\n", CHECK_IN.replace("  confidence", "   confidence")))
    [said] = problems
    assert "“confidence: 5”) is indented 3 spaces, which lines up with no field above" in said


def test_a_long_line_named_in_a_message_is_cut_at_a_word(tmp_path):
    """The line quoted was cut at 57 characters + "..." by hand: wording.shorten's rule."""
    long_line = "   confidence: 5  # " + "how sure I felt about the week " * 3
    problems = _check(tmp_path, lambda t: t.replace(
        "check_ins: []\n", CHECK_IN.replace("  confidence: 5", long_line)))
    [said] = problems
    assert "(“confidence: 5 # how sure I felt about the week how sure I…”) is indented " \
           "3 spaces" in said
