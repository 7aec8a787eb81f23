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
# 1. a role profile the catalog does not have
# ----------------------------------------------------------------------------------------
def test_validate_notes_a_role_profile_missing_from_the_catalog(capsys, tmp_path):
    typo = _client(tmp_path, "ana.yaml", "Ana Ruiz", "senior_data_scientst")
    vibes = _client(tmp_path, "bo.yaml", "Bo Lind", "Head of Vibes")
    title = _client(tmp_path, "cy.yaml", "Cy Park", "UX Designer")  # a title finds its id
    code, out, _ = run_main(capsys, "validate", str(tmp_path), "--today", TODAY)
    assert code == 0, out  # the file is valid; packs measure own targets and say so
    assert f"{typo}: ok, 1 note\n  note: role_profile = 'senior_data_scientst': no role " \
           "profile with this id in the catalog (did you mean senior_data_scientist?); " \
           "readiness and gaps use their own skill targets" in out
    assert f"{vibes}: ok, 1 note\n  note: role_profile = 'Head of Vibes': no role profile " \
           "with this id in the catalog; readiness" in out
    assert f"{title}: ok\n" in out


def test_validate_checks_the_role_profile_against_the_coachs_catalog(capsys, tmp_path,
                                                                      monkeypatch):
    vibes = _client(tmp_path, "bo.yaml", "Bo Lind", "head_of_vibes")
    code, out, _ = run_main(capsys, "validate", str(vibes))
    assert code == 0 and "no role profile" in out
    _extension_catalog(tmp_path, monkeypatch)  # the catalog pack and run would use
    code, out, _ = run_main(capsys, "validate", str(vibes))
    assert code == 0 and out.strip() == f"{vibes}: ok"


def test_the_pack_cover_names_a_role_profile_missing_from_the_catalog(capsys, tmp_path):
    ws = tmp_path / "ws"
    ws.mkdir()
    text = (EXAMPLES / "priya_data_analyst.yaml").read_text(encoding="utf-8")
    assert "\nrole_profile: senior_data_scientist\n" in text
    (ws / "priya.yaml").write_text(text.replace("role_profile: senior_data_scientist",
                                                "role_profile: senior_data_scientst"),
                                   encoding="utf-8")
    code, out, _ = run_main(capsys, "pack", str(ws / "priya.yaml"), "--out",
                            str(tmp_path / "out"), "--today", TODAY, "--formats", "html",
                            "--jobs", "1")
    assert code == 0, out
    page = (tmp_path / "out" / "priya" / "review.html").read_text(encoding="utf-8")
    assert "<dt>Measured against</dt><dd><bdi>their own skill targets</bdi></dd>" in page
    assert ("<dt>Profile asked for</dt><dd><bdi>senior_data_scientst (not in the role "
            "catalog)</bdi></dd>") in page


def test_the_pack_cover_of_a_known_profile_has_no_missing_line():
    from career_workbook.catalog import load_catalog, resolve_role
    from career_workbook.export.content import cover_facts, pack_content
    from career_workbook.model import new_workbook

    cat = load_catalog()
    wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
    wb.role_profile = "ux_designer"
    facts = dict(cover_facts(pack_content(wb, today=date(2026, 2, 1),
                                          role=resolve_role(wb, cat), catalog=cat)))
    assert facts["Measured against"] == "UX Designer" and "Profile asked for" not in facts
    wb.role_profile = "ux_desiner"
    facts = dict(cover_facts(pack_content(wb, today=date(2026, 2, 1),
                                          role=resolve_role(wb, cat), catalog=cat)))
    assert facts["Measured against"] == "their own skill targets"
    assert facts["Profile asked for"] == "ux_desiner (not in the role catalog)"


def test_cohort_warns_per_client_and_the_row_says_why(capsys, tmp_path):
    ws = tmp_path / "ws"
    ws.mkdir()
    _client(ws, "ana.yaml", "Ana Ruiz", "senior_data_scientst")
    _client(ws, "bo.yaml", "Bo Lind", "team_lead")
    _client(ws, "cy.yaml", "Cy Park", "Head of Vibes")
    out_csv = tmp_path / "c.csv"
    code, out, _ = run_main(capsys, "cohort", str(ws), "--out", str(out_csv), "--today",
                            TODAY, "--jobs", "1", "--no-charts")
    assert code == 0, out
    assert "WARNING ana.yaml: role_profile = 'senior_data_scientst': no role profile with " \
           "this id in the catalog (did you mean senior_data_scientist?)" in out
    assert "WARNING cy.yaml: role_profile = 'Head of Vibes'" in out
    assert "WARNING bo.yaml" not in out
    rows = _rows(out_csv)
    assert list(rows[0])[:len(OLD_COLUMNS)] == OLD_COLUMNS  # new columns go after them
    by = {r["client"]: r for r in rows}
    assert by["ana"]["role_title"] == "" and by["ana"]["status"] == "ok"
    assert by["ana"]["warnings"].startswith("role_profile = 'senior_data_scientst': no role")
    assert by["bo"]["role_title"] == "Team Lead" and by["bo"]["warnings"] == ""


def test_the_coach_overview_names_a_missing_role_profile(tmp_path):
    from career_workbook.widgets.coach import load_caseload

    _client(tmp_path, "ana.yaml", "Ana Ruiz", "enginering_manager")
    caseload = load_caseload(tmp_path, today=TODAY)
    assert any(p.startswith("ana.yaml: role_profile = 'enginering_manager': no role profile "
                            "with this id in the catalog (did you mean engineering_manager?)")
               for p in caseload.problems), caseload.problems


def _html(widget) -> str:
    text = [widget.value] if isinstance(getattr(widget, "value", None), str) else []
    return " ".join(text + [_html(c) for c in getattr(widget, "children", ())])


def test_notebook_05_says_the_saved_profile_is_not_in_the_catalog(tmp_path):
    from career_workbook import widgets as ui

    path = _client(tmp_path, "ana.yaml", "Ana Ruiz", "senior_data_scientst")
    view = ui.role_picker(ui.Session(path, today=TODAY))
    choice = view.fields["role_profile"]
    assert choice.value == "senior_data_scientst"  # shows what is saved, not "None"
    text = _html(view)
    assert "compare you with: <b>your own targets</b> (the role profile " \
           "“senior_data_scientst” saved in your workbook is not in the catalog)" in text
    assert "The role profile “senior_data_scientst” saved in your workbook is not in the " \
           "catalog, so your gaps are measured against your own targets. Did you mean " \
           "“Senior Data Scientist”?" in text
    choice.value = None  # keep my own targets: the unknown id is cleared
    view.buttons["save"].click()
    assert store.load(path).role_profile == ""  # own targets, chosen
    assert "not in the catalog" not in _html(ui.role_picker(ui.Session(path, today=TODAY)))


def test_notebook_05_replaces_a_missing_profile_with_the_one_picked(tmp_path):
    from career_workbook import widgets as ui

    path = _client(tmp_path, "ana.yaml", "Ana Ruiz", "Head of Vibes")
    view = ui.role_picker(ui.Session(path, today=TODAY))
    assert "Pick a profile above" in _html(view)  # nothing close to suggest
    view.fields["role_profile"].value = "team_lead"
    view.buttons["save"].click()
    wb = store.load(path)
    assert wb.role_profile == "team_lead" and wb.skills  # its skills added, as for any pick
    assert "compare you with: <b>Team Lead</b> (chosen here)." in _html(view)


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


# ----------------------------------------------------------------------------------------
# 3. new --role-profile
# ----------------------------------------------------------------------------------------
def test_new_picks_a_role_profile_by_id_or_title(capsys, tmp_path):
    code, out, _ = run_main(capsys, "new", "Ana Ruiz", "--dir", str(tmp_path),
                            "--target-role", "Lead Data Scientist",
                            "--role-profile", "senior_data_scientist")
    path = (tmp_path / "ana_ruiz.yaml").resolve()
    assert code == 0 and f"Created {path}, measured against the catalog's Senior Data " \
                         "Scientist profile" in out and "Tip:" not in out
    assert store.load(path).role_profile == "senior_data_scientist"
    code, _, _ = run_main(capsys, "new", "Bo Lind", "--dir", str(tmp_path),
                          "--role-profile", "ux designer")
    assert code == 0 and store.load(tmp_path / "bo_lind.yaml").role_profile == "ux_designer"


@pytest.mark.parametrize(("given", "said"), [
    ("senior_data_scientst", "(did you mean senior_data_scientist?); nothing was created"),
    ("Head of Vibes", "in the catalog; the catalog has cloud_engineer, data_analyst"),
])
def test_new_refuses_a_role_profile_the_catalog_does_not_have(capsys, tmp_path, given, said):
    code, out, err = run_main(capsys, "new", "Ana Ruiz", "--dir", str(tmp_path),
                              "--role-profile", given)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"--role-profile {given!r}: no role profile with this id in the catalog" in err
    assert said in err
    assert not (tmp_path / "ana_ruiz.yaml").exists()


def test_new_takes_a_role_profile_of_the_coachs_catalog(capsys, tmp_path, monkeypatch):
    _extension_catalog(tmp_path, monkeypatch)
    code, out, _ = run_main(capsys, "new", "Bo Lind", "--dir", str(tmp_path / "ws"),
                            "--role-profile", "head_of_vibes")
    assert code == 0 and "Head of Vibes profile" in out
    assert store.load(tmp_path / "ws" / "bo_lind.yaml").role_profile == "head_of_vibes"


@pytest.mark.parametrize(("target", "tip"), [
    ("Lead Data Scientist", "Tip: the target role 'Lead Data Scientist' matches the "
                            "catalog's role profile senior_data_scientist (Senior Data "
                            "Scientist): pick it in notebook 05 to measure readiness against "
                            "it (or create the workbook with --role-profile "
                            "senior_data_scientist)"),
    ("Ward Manager", "matches the catalog's role profile healthcare_manager (Healthcare "
                    "Manager):"),
    ("Astronaut", None),
])
def test_new_offers_a_matching_profile_and_never_applies_it(capsys, tmp_path, target, tip):
    code, out, _ = run_main(capsys, "new", "Ana Ruiz", "--dir", str(tmp_path),
                            "--target-role", target)
    assert code == 0
    if tip is None:
        assert "Tip:" not in out
    else:
        assert tip in out
    assert store.load(tmp_path / "ana_ruiz.yaml").role_profile is None
