"""Red-team walk T: workbooks and commands from other machines (locales, editors, sync
tools)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _c_locale_run(*argv: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """``career-workbook ARGV`` as on a machine set to the C locale, Python's UTF-8 mode off
    (a container, an SSH session): argv and the terminal are UTF-8 bytes all the same."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))}
    env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "career_workbook", *argv], cwd=cwd, env=env,
                          capture_output=True, timeout=120)


def test_c_locale_new_keeps_the_accented_name_and_prints_it(tmp_path):
    # old code: "person.name = '\udcc3\udc89mile ...': unable to parse raw data as a unicode
    # string", exit 1, no workbook
    done = _c_locale_run("new", "Émile Zoë", "--target-role", "Chef de projet",
                         "--dir", "workbooks", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    made = list((tmp_path / "workbooks").glob("*.yaml"))
    assert [p.name for p in made] == ["emile_zoe.yaml"]
    text = made[0].read_text(encoding="utf-8")
    assert "name: Émile Zoë" in text and "target_role: Chef de projet" in text


def test_c_locale_cohort_prints_accented_names_instead_of_stopping(tmp_path):
    # old code: "career-workbook cohort: error: 'ascii' codec can't encode character '\xe9'"
    folder = tmp_path / "workbooks"
    folder.mkdir()
    (folder / "jose.yaml").write_text("person: {name: José Müller}\n", encoding="utf-8")
    done = _c_locale_run("cohort", "workbooks", "--out", "out/cohort.csv", "--no-charts",
                         "--today", "2026-12-07", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "José Müller (jose)" in done.stdout.decode("utf-8")
