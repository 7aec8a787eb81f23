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


def test_a_bidi_override_in_a_name_is_dropped_so_it_reorders_nothing_after_it(capsys,
                                                                             tmp_path):
    """A pasted right-to-left override (U+202E) was kept in the name: left open, it
    reversed the rest of each line the name was drawn in (the pack's footer read
    ``Tab here6202 voN 22 fo weiver``, the cover ``Tab herelive``)."""
    assert cli.main(["new", "Tab here \u202eevil", "--dir", str(tmp_path)]) == 0
    assert cw.load(tmp_path / "tab_here_evil.yaml").person.name == "Tab here evil"
    text = (tmp_path / "tab_here_evil.yaml").read_text(encoding="utf-8")
    maryam = "\u0645\u0631\u064a\u0645"  # an isolate and an override typed in a file
    text = text.replace("name: Tab here evil", f'name: "\\u2067{maryam}\\u202e Haddad"')
    (tmp_path / "by_hand.yaml").write_text(text, encoding="utf-8")
    assert cw.load(tmp_path / "by_hand.yaml").person.name == f"{maryam} Haddad"
