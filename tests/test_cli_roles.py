"""Role profiles and output folders on the command line: a ``role_profile`` the catalog does
not have is named everywhere (validate, cohort, the pack's cover, notebook 05, the coach
overview), two workbooks that would share a pack folder are named before pack and run
refuse one, and ``new --role-profile`` picks a profile."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from career_workbook import store
from tests.test_cli import run_main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "workbooks"
TODAY = "2026-11-22"
OLD_COLUMNS = [  # the cohort CSV's columns before this change: kept, in this order
    "client", "name", "target_role", "role_title", "readiness", "goals_active",
    "goals_on_track", "goals_behind", "goals_overdue", "goals_done", "last_check_in",
    "days_since_check_in", "check_in_overdue", "overdue_follow_ups", "actions_overdue",
    "top_gap", "stale_opportunities", "upcoming_14_days", "nudge", "status"]
VIBES = ("roles:\n  - id: head_of_vibes\n    title: Head of Vibes\n    family: Culture\n"
         "    summary: Keeps the team's spirits up.\n"
         "    skills: {Python: {target: 3, importance: 2}}\n")


@pytest.fixture(autouse=True)
def _shipped_catalog_only(monkeypatch):
    monkeypatch.delenv("CAREER_WORKBOOK_CATALOG", raising=False)


def _client(folder: Path, file: str, name: str, profile: str | None,
            target: str = "Data Scientist") -> Path:
    path = folder / file
    store.new(path, name, target_role=target, today=date(2026, 1, 5))
    with store.edit(path) as wb:
        wb.role_profile = profile
    return path


def _extension_catalog(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "my_catalog"
    folder.mkdir()
    (folder / "vibes.yaml").write_text(VIBES, encoding="utf-8")
    monkeypatch.setenv("CAREER_WORKBOOK_CATALOG", str(folder))


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


# ----------------------------------------------------------------------------------------
# 2. two workbooks, one pack folder
# ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("first", "second", "folder"), [
    ("jose_nunez.yaml", "jose_nunez.yml", "jose_nunez"),
    ("Mei Harada (copy).yml", "Mei-Harada-copy.yaml", "Mei-Harada-copy"),
    ("Kim_Ode.yaml", "kim_ode.yaml", "kim_ode"),  # one folder on a Mac or Windows
])
def test_validate_names_files_that_pack_and_run_would_put_in_one_folder(
        capsys, tmp_path, first, second, folder):
    ws = tmp_path / "ws"
    ws.mkdir()
    _client(ws, first, "First Person", None)
    _client(ws, second, "Second Person", None)
    a, b = sorted([ws / first, ws / second])
    code, out, _ = run_main(capsys, "validate", str(ws))
    assert code == 1
    assert f"{a}: ok\n" in out and f"{b}: 1 problem(s)\n" in out
    problem = out.split(f"{b}: 1 problem(s)\n  - ")[1].splitlines()[0]
    assert f"pack and run would write it to the same folder '{folder}' as {a}" in problem
    assert problem.endswith("rename one of the two files")
    # pack refuses that same file, saying the same
    code, out, _ = run_main(capsys, "pack", str(ws), "--out", str(tmp_path / "out"),
                            "--today", TODAY, "--formats", "html", "--jobs", "1")
    assert code == 1 and f"FAILED {b.name}: {problem}" in out
    # cohort keeps both rows and warns
    code, out, _ = run_main(capsys, "cohort", str(ws), "--out", str(tmp_path / "c.csv"),
                            "--today", TODAY, "--jobs", "1", "--no-charts")
    assert code == 0 and f"WARNING {b.name}: {problem}" in out
    rows = _rows(tmp_path / "c.csv")
    assert [r["warnings"] for r in rows].count(problem) == 1


def test_the_cohort_csv_names_each_clients_pack_folder(capsys, tmp_path):
    ws = tmp_path / "ws"
    ws.mkdir()
    _client(ws, "Mei Harada (copy).yml", "Mei Harada", "ux_designer")
    _client(ws, "lee.v2.yaml", "Lee Park", None)
    (ws / "broken.yaml").write_text("person: {name: Broken}\nskills: 5\n", encoding="utf-8")
    out_csv = tmp_path / "c.csv"
    run_main(capsys, "cohort", str(ws), "--out", str(out_csv), "--today", TODAY,
             "--jobs", "1", "--no-charts")
    code, out, _ = run_main(capsys, "pack", str(ws), "--out", str(tmp_path / "out"),
                            "--today", TODAY, "--formats", "html", "--jobs", "1")
    folders = {p.name for p in (tmp_path / "out").iterdir() if p.is_dir()}
    rows = {r["client"]: r["pack_folder"] for r in _rows(out_csv)}
    assert rows == {"Mei Harada (copy)": "Mei-Harada-copy", "lee.v2": "lee.v2",
                    "broken": "broken"}
    assert folders == {"Mei-Harada-copy", "lee.v2"}  # the broken file has no pack
