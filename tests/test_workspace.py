"""Safe workbook ids and paths: hostile names never leave the workspace."""

from __future__ import annotations

import os
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from career_workbook.workspace import (
    MAX_ID,
    WorkspaceError,
    ensure_inside,
    list_workbooks,
    safe_id,
    workbook_path,
)


@pytest.mark.parametrize(("name", "expected"), [
    ("Priya Sharma", "priya_sharma"),
    ("Ana María O'Neil", "ana_maria_o_neil"),
    ("  Zoë   Smith-Jones ", "zoe_smith_jones"),
    ("李小龙", "李小龙"),
    ("Dr. J. R. Okafor", "dr_j_r_okafor"),
    ("Conan", "conan"),  # starts like a device name, but is not one
    ("Client 7", "client_7"),
    ("a/b", "a_b"),  # not a path: a name with a character no file name holds
    ("a\\b", "a_b"),
    ("<script>x</script>", "script_x_script"),
    ("Sam..Lee", "sam_lee"),
    ("Ana: CEO?", "ana_ceo"),
])
def test_names_become_readable_ids(name, expected):
    assert safe_id(name) == expected


@pytest.mark.parametrize(("name", "why"), [
    ("../etc/passwd", "looks like a file path"),
    ("..", "looks like a file path"),
    ("a\\..\\b", "looks like a file path"),
    ("/etc/passwd", "looks like a file path"),
    ("\\\\server\\share", "looks like a file path"),
    ("C:evil", "looks like a file path"),
    ("~root", "looks like a file path"),
    ("kim.YAML", "looks like a file path"),
    ("Sam\x00Lee", "control characters"),
    ("Sam\nLee", "control characters"),
    ("Sam\x1b[31mLee", "control characters"),
    ("CON", "reserved device name"),
    ("nul", "reserved device name"),
    ("Com1", "reserved device name"),
    ("LPT9", "reserved device name"),
    ("ＣＯＮ", "reserved device name"),  # full-width letters fold to CON
    ("COM¹", "reserved device name"),  # superscript one folds to 1
    ("", "empty"),
    ("   ", "empty"),
    ("!!!", "no letters or digits"),
    (".", "no letters or digits"),
])
def test_hostile_names_are_refused_with_the_reason(name, why):
    with pytest.raises(WorkspaceError, match=re.escape(why)):
        safe_id(name)


def test_long_names_are_cut_to_a_safe_length():
    assert len(safe_id("x" * 500).encode()) == MAX_ID
    assert len(safe_id("龙" * 500).encode()) <= MAX_ID


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
       | st.text(alphabet=string.printable, max_size=40))
def test_any_name_gives_a_plain_file_name_or_a_clear_refusal(tmp_path_factory, name):
    try:
        ident = safe_id(name)
    except WorkspaceError as err:
        assert str(err)
        return
    assert re.fullmatch(r"\w+", ident) and ".." not in ident and not ident.startswith("_")
    assert len(ident.encode()) <= MAX_ID
    ws = tmp_path_factory.getbasetemp() / "ws"
    assert workbook_path(ws, name).parent == ws.resolve()


def test_workbook_path_is_inside_the_resolved_workspace(tmp_path):
    ws = tmp_path / "ws"
    ws.mkdir()
    path = workbook_path(ws, "Sam Lee")
    assert path == (ws / "sam_lee.yaml").resolve()
    assert workbook_path(str(ws) + os.sep + ".", "Sam Lee") == path


def test_a_symlink_into_a_sibling_with_a_common_prefix_is_refused(tmp_path):
    ws, ws2 = tmp_path / "ws", tmp_path / "ws2"
    ws.mkdir()
    ws2.mkdir()
    (ws / "sam_lee.yaml").symlink_to(ws2 / "sam_lee.yaml")  # dangling: would create in ws2
    with pytest.raises(WorkspaceError, match="outside the workspace"):
        workbook_path(ws, "Sam Lee")
    assert list(ws2.iterdir()) == []


def test_a_symlink_inside_the_workspace_pointing_outside_is_refused(tmp_path):
    ws, outside = tmp_path / "ws", tmp_path / "outside"
    ws.mkdir()
    outside.mkdir()
    (outside / "target.yaml").write_text("person: {name: X}\n", encoding="utf-8")
    (ws / "ana.yaml").symlink_to(outside / "target.yaml")
    with pytest.raises(WorkspaceError, match="outside the workspace"):
        workbook_path(ws, "Ana")


def test_a_workspace_that_is_itself_a_symlink_is_fine(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    assert workbook_path(tmp_path / "link", "Ana").parent == real.resolve()


def test_ensure_inside_checks_resolved_paths_not_string_prefixes(tmp_path):
    ws, ws2 = tmp_path / "ws", tmp_path / "ws2"
    ws.mkdir()
    ws2.mkdir()
    assert ensure_inside(ws / "a.yaml", ws) == (ws / "a.yaml").resolve()
    for bad in (ws2 / "a.yaml", ws / ".." / "ws2" / "a.yaml", tmp_path / "a.yaml"):
        with pytest.raises(WorkspaceError, match="outside the folder"):
            ensure_inside(bad, ws)
    (ws / "escape").symlink_to(ws2, target_is_directory=True)
    with pytest.raises(WorkspaceError):
        ensure_inside(ws / "escape" / "a.yaml", ws)


def test_list_workbooks_expands_folders_skips_hidden_files_and_keeps_files(tmp_path):
    for name in ("b.yaml", "a.yaml", ".a.yaml.lock", ".hidden.yaml", "notes.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    extra = tmp_path / "elsewhere.yml"
    assert list_workbooks([tmp_path, extra]) == [tmp_path / "a.yaml", tmp_path / "b.yaml", extra]
    assert list_workbooks([]) == []


def test_a_workbook_ending_in_capitals_is_listed_too(tmp_path):
    # Mei.YAML was skipped without a word by --all, cohort and validate
    for name in ("Mei.YAML", "jo.Yml", "sam.yaml", ".Old.YAML", "notes.TXT"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "ANA.YML").write_text("x", encoding="utf-8")
    assert [p.name for p in list_workbooks([tmp_path])] == ["Mei.YAML", "jo.Yml", "sam.yaml"]
    from career_workbook.workspace import nested_workbooks

    assert nested_workbooks([tmp_path]) == [tmp_path / "team"]


def test_one_file_named_twice_or_linked_is_one_client(tmp_path):
    """A symbolic link beside its target made the same person two clients in cohort, pack
    and calendar; the real file is kept, wherever the link sorts."""
    (tmp_path / "jo.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "a_link.yaml").symlink_to(tmp_path / "jo.yaml")
    (tmp_path / "sam.yaml").write_text("x", encoding="utf-8")
    assert list_workbooks([tmp_path]) == [tmp_path / "jo.yaml", tmp_path / "sam.yaml"]
    assert list_workbooks([tmp_path / "sam.yaml", tmp_path]) == [tmp_path / "sam.yaml",
                                                                 tmp_path / "jo.yaml"]
    (tmp_path / "jo.yaml").unlink()  # a dangling link is still listed (and then refused)
    assert list_workbooks([tmp_path]) == [tmp_path / "a_link.yaml", tmp_path / "sam.yaml"]


def test_subfolders_holding_workbooks_are_named(tmp_path):
    from career_workbook.workspace import nested_workbooks

    for folder in ("team b", ".history", "empty", "notes"):
        (tmp_path / folder).mkdir()
    (tmp_path / "team b" / "ana.yaml").write_text("x", encoding="utf-8")
    (tmp_path / ".history" / "old.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "notes" / "todo.txt").write_text("x", encoding="utf-8")
    assert nested_workbooks([tmp_path, tmp_path / "team b" / "ana.yaml"]) == [tmp_path / "team b"]
    assert list_workbooks([tmp_path]) == []


def test_list_workbooks_includes_yml_files_and_skips_folders_named_like_workbooks(tmp_path):
    (tmp_path / "b.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "a.yml").write_text("x", encoding="utf-8")
    (tmp_path / "old.yaml").mkdir()
    assert list_workbooks([tmp_path]) == [tmp_path / "a.yml", tmp_path / "b.yaml"]


def test_a_long_refused_name_is_cut_at_a_word_as_every_message_cuts_text():
    name = "../" + "Maria Fernanda " * 8
    with pytest.raises(WorkspaceError) as err:
        safe_id(name)
    said = str(err.value)
    assert said.startswith("name '../Maria Fernanda Maria Fernanda") and "...'" not in said
    shown = said.split("'")[1]
    assert shown.endswith(" Maria…") and len(shown) <= 60  # wording.shorten: at a word
