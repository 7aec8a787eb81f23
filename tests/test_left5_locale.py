"""T11 and T14: file names and month names on machines set to another locale (a coach's
cron job with ``LC_ALL=C``, a kernel whose startup file sets a German ``LC_TIME``)."""

from __future__ import annotations

import pytest

from career_workbook.export.files import slugify
from tests.test_red_team_t_files_clocks import _c_locale_run


def test_a_chart_named_after_a_source_keeps_its_letters():
    # old code: ASCII only: "cöhort 🚀" charts were "cohort-_gaps", "Иван" was "chart"
    assert slugify("cöhort 🚀_gaps") == "cöhort-_gaps"
    assert slugify("Иван Петров") == "иван-петров"
    assert slugify("Zoë Ångström") == "zoë-ångström"


@pytest.mark.parametrize("name, file", [("Пётр", "петр.yaml"), ("Zoë Ångström",
                                                                  "zoe_angstrom.yaml")])
def test_c_locale_utf8_mode_off_new_names_the_file_with_the_letters(tmp_path, name, file):
    # old code: "career-workbook new: error: 'ascii' codec can't encode characters", exit 1
    done = _c_locale_run("new", name, "--dir", "workbooks", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert [p.name for p in (tmp_path / "workbooks").glob("*.yaml")] == [file]


def test_c_locale_utf8_mode_off_cohort_and_pack_keep_the_letters(tmp_path):
    # old code: cohort stopped ("surrogates not allowed"), its charts lost "ö" and "🚀";
    # the pack of "иван.yaml" went to packs/workbook
    for name in ("Иван", "Zoë"):
        assert _c_locale_run("new", name, "--dir", "workbooks", cwd=tmp_path).returncode == 0
    done = _c_locale_run("cohort", "workbooks", "--out", "out/cöhort 🚀.csv",
                         "--today", "2026-11-22", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "cöhort 🚀.csv" in names and "cöhort-_gaps.png" in names
    assert "Иван" in (tmp_path / "out" / "cöhort 🚀.csv").read_text(encoding="utf-8")
    done = _c_locale_run("pack", "--all", "workbooks", "--out", "packs", "--formats", "html",
                         "--today", "2026-11-22", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert sorted(p.name for p in (tmp_path / "packs").iterdir()) == ["zoe", "иван"]
