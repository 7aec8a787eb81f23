"""The fast cohort path (fast YAML reader, chunks over processes, shipped bytes) writes the
same CSV as the plain path: every file read by the full safe loader, one by one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from unittest import mock

import pytest

from career_workbook import caseload, store
from tests.helpers.workbooks import EXAMPLES, KINDS, write_workbook

TODAY = date(2026, 11, 22)
BROKEN = {
    "bad_date.yaml": "person: {name: Al}\ngoals:\n  - {id: g1, text: Lead, deadline: 2027-13-01}\n",
    "odd.yaml": "person: {name: Odd}\nskills: 5\n",
    "alias.yaml": "person: {name: &n Sam, coach: *n}\n",
    "not_yaml.yaml": "person: {name: [unclosed\n",
    "empty.yaml": "",
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    ws = tmp_path_factory.mktemp("ws")
    for path in EXAMPLES:
        shutil.copy(path, ws / path.name)
    for kind in KINDS:
        write_workbook(kind, ws / "made")
        shutil.move(ws / "made" / f"{kind}_workbook.yaml", ws / f"{kind}_workbook.yaml")
    shutil.rmtree(ws / "made")
    for name, text in BROKEN.items():
        (ws / name).write_text(text, encoding="utf-8")
    (ws / "utf16.yaml").write_bytes("person: {name: Sam}\n".encode("utf-16"))
    return ws


def _step_aside(text: str):
    raise store._Unusual("the plain path: the full safe loader")


@pytest.fixture(scope="module")
def plain_csv(workspace, tmp_path_factory) -> bytes:
    """The reference: every file through the full loader, in this process."""
    out = tmp_path_factory.mktemp("plain") / "cohort.csv"
    with mock.patch.object(store, "_fast_yaml", _step_aside):
        caseload.cohort(workspace, out, today=TODAY, jobs=1, charts=False)
    return out.read_bytes()


def test_the_reference_has_every_kind_of_row(plain_csv, workspace):
    text = plain_csv.decode("utf-8")
    assert text.count("\n") == len(list(workspace.glob("*.yaml"))) + 1
    assert "Nova Person" in text and ",ok," in text  # status, then pack_folder, warnings
    assert "goal 1 (“Lead”), deadline = '2027-13-01': Input should be a valid date" in text
    assert "skills = 5: Input should be a valid list" in text
    assert "anchors and aliases" in text and "UTF-16" in text and "empty" in text


@pytest.mark.parametrize("jobs, chunk", [(1, None), (2, 3)])
def test_the_fast_path_writes_the_same_csv(workspace, plain_csv, tmp_path, jobs, chunk):
    out = tmp_path / "cohort.csv"
    caseload.cohort(workspace, out, today=TODAY, jobs=jobs, charts=False, chunk_size=chunk)
    assert out.read_bytes() == plain_csv


def test_shipped_bytes_give_the_same_rows_as_the_files(workspace):
    paths = sorted(workspace.glob("*.yaml"))
    shipped = caseload.summarise_shipped([(str(p), p.read_bytes()) for p in paths], TODAY)
    assert shipped == caseload.summarise_paths(paths, TODAY)
    assert sum(row.error is not None for row in shipped) == len(BROKEN) + 1


def test_shipped_rows_read_no_file(workspace, monkeypatch):
    paths = sorted(workspace.glob("*.yaml"))
    items = [(str(p), p.read_bytes()) for p in paths]
    expected = caseload.summarise_paths(paths, TODAY)  # the catalog and roles, loaded once

    def refuse(*args, **kwargs):
        raise AssertionError(f"opened {args[:1]}")

    monkeypatch.setattr(store, "_read_bytes", refuse)
    rows = caseload.summarise_shipped(items, TODAY)
    assert rows == expected
