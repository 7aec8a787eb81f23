"""A workbook's YAML edited by hand in a text editor (walk X10, X11, X14 and the red team
after them): `validate` (and run, pack, cohort and the notebooks, which word a broken file
the same way) names the line, the field and the value, and what to type instead."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from career_workbook import batch, store
from career_workbook.model import WorkbookError, new_workbook

TODAY = date(2026, 12, 6)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "workbooks"


def _validate(path: Path) -> batch.FileCheck:
    [check] = list(batch.validate_paths([path], today=TODAY))
    return check


def _edited(tmp_path: Path, edit, name: str = "mei_career_changer.yaml") -> Path:
    path = tmp_path / name
    shutil.copy(EXAMPLES / name, path)
    text = path.read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    return path


def test_a_second_colon_in_a_value_says_to_quote_it_and_shows_the_line_fixed(tmp_path):
    """X10: ``coach: Sam: Okafor`` gave only libyaml's words."""
    path = _edited(tmp_path, lambda t: t.replace("  coach: Sam Okafor\n",
                                                 "  coach: Sam: Okafor\n"))
    [said] = _validate(path).problems
    assert said.startswith("invalid YAML at line 12, column 13: mapping values are not "
                           "allowed in this context")
    assert said.endswith("; a value holding “: ” (a colon then a space) must be in quotes, "
                         "or YAML reads it as another field: write line 12 as "
                         "coach: 'Sam: Okafor'")


def test_a_second_colon_in_a_list_items_field_keeps_its_dash_and_comment(tmp_path):
    path = tmp_path / "kim.yaml"
    store.save(new_workbook("Kim Park", today=TODAY), path)
    text = path.read_text(encoding="utf-8").replace(
        "goals: []\n", "goals:\n- text: Goal: lead the team by 2027  # new\n")
    path.write_text(text, encoding="utf-8")
    [said] = _validate(path).problems
    assert said.endswith("write line 25 as - text: 'Goal: lead the team by 2027' # new")


@pytest.mark.parametrize("quote, closed", [('"', 154), ("'", 32)])  # 32: "I'd"
def test_a_quote_left_open_up_to_one_far_below_is_named_where_it_was_opened(
        tmp_path, quote, closed):
    """X11: an unclosed quote was reported where the next quote ended it, 142 lines
    below ("did not find expected key")."""
    def edit(text: str) -> str:
        return text.replace("  coach: Sam Okafor\n", f"  coach: {quote}Sam Okafor\n").replace(
            "  text: Finish the 12-hour Foundations of UX online module",
            f"  text: Finish the 12-hour {quote}Foundations of UX{quote} online module")
    path = _edited(tmp_path, edit)
    [said] = _validate(path).problems
    assert said.startswith(
        f"invalid YAML at line 12, column 10 (“coach: {quote}Sam Okafor”): the {quote} that "
        "opens this text is not closed on its line, so YAML reads the lines after it, up to "
        f"the next {quote} (line {closed}), as part of it (noticed at line {closed}, column ")
    assert said.endswith(f"Close it on line 12: coach: {quote}Sam Okafor{quote}")
    with pytest.raises(WorkbookError, match="line 12, column 10"):
        store.load(path)  # the notebooks' and the other commands' words


def test_a_quote_never_closed_says_to_close_it_on_its_line(tmp_path):
    path = _edited(tmp_path, lambda t: t.replace("  coach: Sam Okafor\n",
                                                 '  coach: "Sam Okafor\n'))
    [said] = _validate(path).problems
    assert said == ("invalid YAML at line 12, column 10 (“coach: \"Sam Okafor”): the \" that "
                    "opens this text is not closed on its line, so YAML reads the rest of the "
                    "file as part of it (noticed at line 365, column 1). Close it on line 12: "
                    "coach: \"Sam Okafor\"")


def test_a_long_text_quoted_over_several_lines_is_not_taken_for_a_quote_left_open(tmp_path):
    """A save writes a long text with a ``: `` in it over several lines, in quotes, its
    lines carried on past the field's column: a mistake elsewhere is named as before."""
    path = tmp_path / "kim.yaml"
    wb = new_workbook("Kim Park", today=TODAY)
    wb.strengths.append("Good partner for product: " + "I translate between two worlds " * 4)
    store.save(wb, path)
    text = path.read_text(encoding="utf-8")
    assert "strengths:\n- 'Good partner" in text and "\n  I translate" in text
    path.write_text(text.replace("  coach: ''", "  coach: Kim: Lee"), encoding="utf-8")
    [said] = _validate(path).problems
    assert said.startswith("invalid YAML at line 12, column 13: mapping values")


def test_a_comment_after_a_value_is_a_note_naming_the_value_kept_and_the_quoted_form(
        tmp_path):
    """X14: ``coach: Sam Okafor #1 coach`` silently kept "Sam Okafor"."""
    path = _edited(tmp_path, lambda t: t.replace(
        "  coach: Sam Okafor\n", "  coach: Sam Okafor #1 coach\n").replace(
        "  horizon: short\n", "  # a whole-line comment\n  horizon: short  # or medium?\n", 1))
    check = _validate(path)
    assert check.problems == []
    said = [note for note in check.notes if "as a comment" in note]
    assert said == [
        "line 12: YAML reads “#1 coach” as a comment, so coach is “Sam Okafor” (and the "
        "comment is not kept when the workbook is next saved); if it is part of the value, "
        "write it in quotes: coach: 'Sam Okafor #1 coach'",
        "line 128: YAML reads “# or medium?” as a comment, so horizon is “short” (and the "
        "comment is not kept when the workbook is next saved); if it is part of the value, "
        "write it in quotes: horizon: 'short # or medium?'"]


def test_a_hash_inside_a_text_or_after_a_quoted_value_is_no_note(tmp_path):
    path = tmp_path / "kim.yaml"
    wb = new_workbook("Kim Park", today=TODAY)
    wb.strengths.extend(["C# and F#", "Ranked #1 in sales"])
    store.save(wb, path)
    text = path.read_text(encoding="utf-8").replace("  coach: ''", "  coach: 'Kim' # mine")
    path.write_text(text, encoding="utf-8")
    assert _validate(path).notes == []


def test_a_number_typed_with_a_leading_zero_is_never_read_as_octal(tmp_path):
    """Y1: YAML 1.1 reads ``hours: 010`` as 8 (octal), silently; ``08`` as text, which was
    refused as "in quotes" though it was not. Both are refused, saying to write 10 (8);
    a text field keeps what was typed (``coach: 007``)."""
    path = _edited(tmp_path, lambda t: t.replace("  hours: 12.0", "  hours: 010", 1).replace(
        "  importance: 9", "  importance: 08", 1).replace("  coach: Sam Okafor", "  coach: 007"))
    assert _validate(path).problems == [
        "value 1 (“Helping others”), importance = '08': Input should be a valid integer; "
        "write 8, without the leading zero (line 23)",
        "learning item 1 (“Foundations of UX online module”), hours = '010': Input should "
        "be a valid number; write 10, without the leading zero (line 278)"]
    text = path.read_text(encoding="utf-8").replace("  hours: 010", "  hours: 10").replace(
        "  importance: 08", "  importance: 8")
    path.write_text(text, encoding="utf-8")
    wb = store.load(path)
    assert (wb.person.coach, wb.learning[0].hours, wb.values[0].importance) == ("007", 10, 8)
    assert store.read_yaml("a: 010\nb: [007, -01]\n") == {"a": "010", "b": ["007", "-01"]}


def test_a_field_moved_left_names_the_line_whose_value_took_in_the_next(tmp_path):
    """Y4: ``coach:`` typed at the start of its line, inside ``person:``, was reported at
    the next line (“start_date: 2026-08-24”), which is right, with YAML's words only."""
    path = _edited(tmp_path, lambda t: t.replace("  coach: Sam Okafor", "coach: Sam Okafor"))
    [said] = _validate(path).problems
    assert said == ("invalid YAML at line 13, column 13: mapping values are not allowed in "
                    "this context; line 13 (“start_date: 2026-08-24”) is indented further "
                    "than line 12 (“coach: Sam Okafor”), so YAML reads it as more of coach's "
                    "value: fields side by side start at the same column")


def test_a_list_item_without_its_dash_says_to_start_it_with_one(tmp_path):
    """Y3: a text item whose dash was left out was "mapping values are not allowed" on its
    own line; a record whose dash was left out, "did not find expected key" 7 lines down."""
    path = _edited(tmp_path, lambda t: t.replace(
        "- 'Visual polish: my mock-ups", "  'Visual polish: my mock-ups"))
    [said] = _validate(path).problems
    assert said.endswith("line 70 (“'Visual polish: my mock-ups look like worksheets.'”) is "
                         "indented further than line 69 (“- No portfolio yet and little "
                         "experience with design tools.”), so YAML reads it as more of that "
                         "list item: start it with “- ” if it is an item of its own")
    path = _edited(tmp_path, lambda t: t.replace("- rater_group: peer\n  rater_id: p1",
                                                 "  rater_group: peer\n  rater_id: p1"))
    [said] = _validate(path).problems
    assert said == ("invalid YAML at line 80, column 1: did not find expected key; line 80 "
                    "(“- rater_group: peer”) is a list item, but the list under “feedback:” "
                    "(line 72) starts on line 73 (“rater_group: peer”) without “- ”: start "
                    "that line with “- ” as line 80 does")


def test_a_backslash_in_double_quotes_says_to_use_single_quotes(tmp_path):
    """Y5: ``notes: "C:\\Users\\sam\\"`` (a path) was "did not find expected hexdecimal
    number" alone."""
    path = _edited(tmp_path, lambda t: t.replace("  coach: Sam Okafor",
                                                 '  coach: "C:\\Users\\sam\\"'))
    [said] = _validate(path).problems
    assert said == ("invalid YAML at line 12, column 15: did not find expected hexdecimal "
                    "number; inside double quotes a backslash starts an escape (\\n, \\t, "
                    "\\u…): write the text in single quotes, where a backslash is itself: "
                    "coach: 'C:\\Users\\sam\\'")


def test_a_bad_escape_in_a_text_quoted_over_lines_is_not_called_a_quote_left_open(
        tmp_path):
    path = tmp_path / "kim.yaml"
    store.save(new_workbook("Kim Park", today=TODAY), path)
    text = path.read_text(encoding="utf-8").replace(
        "  coach: ''", '  coach: "Kim Lee,\n    see C:\\q"')
    path.write_text(text, encoding="utf-8")
    [said] = _validate(path).problems
    assert "not closed" not in said and "unknown escape character" in said


def test_a_value_between_curly_quotes_is_a_note_with_the_straight_form(tmp_path):
    """Y6: ``coach: “Sam Okafor”`` (an editor's smart quotes) kept the quotes in the name,
    in every chart and pack, silently; ``coach: ‘Sam: Okafor’`` was told to keep them."""
    path = _edited(tmp_path, lambda t: t.replace("  coach: Sam Okafor", "  coach: “Sam Okafor”"))
    assert [note for note in _validate(path).notes if "curly" in note] == [
        "line 12: coach is typed between curly quotes (“Sam Okafor” with them), which YAML "
        "keeps as part of the text; to leave them out, write coach: 'Sam Okafor'"]
    path = _edited(tmp_path, lambda t: t.replace("  coach: Sam Okafor",
                                                 "  coach: ‘Sam: Okafor’"))
    [said] = _validate(path).problems
    assert said.endswith("write line 12 as coach: 'Sam: Okafor'")


def test_a_field_typed_twice_names_both_lines(tmp_path):
    """Y7: a duplicate key named only its second line."""
    path = _edited(tmp_path, lambda t: t.replace("  coach: Sam Okafor\n",
                                                 "  coach: Sam Okafor\n  coach: Kim Lee\n"))
    assert _validate(path).problems == [
        "invalid YAML at line 13, column 3: found duplicate key 'coach' (also on line 12): "
        "keep one of the two"]


def test_a_list_item_holding_a_colon_and_a_space_says_to_quote_it(tmp_path):
    """Y11: ``- Portfolio: none yet`` in a list of texts (strengths, weaknesses) was
    "weakness 1 = {'Portfolio': ...}: Input should be a valid string" alone."""
    path = _edited(tmp_path, lambda t: t.replace("- No portfolio yet and little",
                                                 "- Portfolio: none yet and little"))
    [said] = _validate(path).problems
    assert said.endswith(
        "Input should be a valid string; YAML reads “Portfolio: none yet and little "
        "experience with design tools.” as a field and its value (because of the “: ”): "
        "write it in "
        "quotes, - 'Portfolio: none yet and little experience with design tools.' (line 69)")


def test_a_colon_without_its_space_shows_the_line_with_one(tmp_path):
    """Y10: ``coach:Sam Okafor`` was "could not find expected ':'" alone."""
    path = _edited(tmp_path, lambda t: t.replace("  coach: Sam Okafor", "  coach:Sam Okafor"))
    [said] = _validate(path).problems
    assert said.endswith("; a “:” after a field’s name is followed by a space: write line 12 "
                         "as coach: Sam Okafor")
