"""T12: a person's name with a pasted tab, line break or other space: one rule
(model.one_line) for ``career-workbook new`` and the forms, both keep ``Ana Lopez``."""

from __future__ import annotations

import pytest

import career_workbook as cw
from career_workbook import cli
from career_workbook import widgets as ui

NAMES = ["Ana\tLopez", "Ana\nLopez", " Ana\r\n Lopez\t", "Ana\u2003\u00a0Lopez", "Ana\u2028Lopez"]


@pytest.mark.parametrize("typed", NAMES)
def test_new_keeps_a_name_with_a_pasted_tab_or_line_break_as_one_line(capsys, tmp_path,
                                                                        typed):
    code = cli.main(["new", typed, "--dir", str(tmp_path)])  # was refused: control characters
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and "ana_lopez.yaml" in out
    assert cw.load(tmp_path / "ana_lopez.yaml").person.name == "Ana Lopez"


@pytest.mark.parametrize("typed", NAMES)
def test_the_forms_keep_the_same_name_as_new(tmp_path, typed):
    path = tmp_path / "me.yaml"
    view = ui.create_workbook_form(ui.Session(path, today="2026-11-22"))
    view.fields["name"].value = typed
    view.buttons["create"].click()
    assert cw.load(path).person.name == "Ana Lopez"  # was kept with its tab / line break
    profile = ui.profile_form(ui.Session(path, today="2026-11-22"))
    profile.fields["name"].value = typed.replace("Ana", "Kim").replace("Lopez", "Lee")
    profile.buttons["save"].click()
    assert cw.load(path).person.name == "Kim Lee"
