"""frames and analysis are pure: no widgets, no papermill, no file I/O; doctests run."""

from __future__ import annotations

import builtins
import doctest
import importlib
import io
import os
import pathlib
import subprocess
import sys

import pytest
from helpers.purity import io_violations

ROOT = pathlib.Path(__file__).resolve().parents[1]
PURE_FILES = sorted([ROOT / "career_workbook" / "frames.py",
                     *(ROOT / "career_workbook" / "analysis").glob("*.py")])
MY_MODULES = [
    "career_workbook.frames",
    *(f"career_workbook.analysis.{m}" for m in (
        "feedback", "learning", "network", "next_actions", "profile", "progress", "scorecard",
        "skills", "wellbeing", "opportunities", "reputation", "reminders", "coach_week")),
    "career_workbook.analysis",
]
FORBIDDEN_IMPORTS = {"ipywidgets", "IPython", "papermill", "matplotlib", "pathlib", "shutil",
                     "tempfile", "io", "yaml", "career_workbook.store", "career_workbook.widgets"}
FORBIDDEN_CALLS = {"open", "read_text", "write_text", "read_bytes", "write_bytes", "to_csv",
                   "to_excel", "to_parquet", "savefig", "load_catalog", "safe_load"}


@pytest.mark.parametrize("path", PURE_FILES, ids=lambda p: p.name)
def test_source_has_no_io_or_widget_imports(path):
    assert io_violations(path, FORBIDDEN_IMPORTS, FORBIDDEN_CALLS) == []


def test_importing_pulls_in_no_widgets_or_papermill():
    code = ("import sys, career_workbook.frames, career_workbook.analysis; "
            "bad = [m for m in ('ipywidgets', 'papermill', 'matplotlib', 'IPython') "
            "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def _forbid(*_args, **_kwargs):
    raise AssertionError("analysis tried to open a file")


def test_full_analysis_runs_with_file_access_blocked(rich_wb, today, fake_role, monkeypatch):
    from career_workbook import analysis as A

    def run():
        return [
            A.summary(rich_wb, today, fake_role), A.skill_gap_frame(rich_wb, fake_role),
            A.readiness_history_frame(rich_wb), A.goal_progress_frame(rich_wb, today),
            A.progress_history_frame(rich_wb, today), A.feedback_360_frame(rich_wb),
            A.feedback_comments(rich_wb), A.network_summary(rich_wb, today),
            A.ranked_values(rich_wb), A.riasec_frame(rich_wb.interests),
            A.wellbeing_summary(rich_wb, today=today),
            A.learning_hours_frame(rich_wb, today=today),
            A.learning_by_skill_frame(rich_wb, today=today),
            A.smart_scorecard_frame(rich_wb, today),
            A.next_actions_frame(rich_wb, today, fake_role),
        ]

    first = run()  # warm up: lazy imports may read module files
    for target, name in ((builtins, "open"), (io, "open"), (os, "open"),
                         (pathlib.Path, "open"), (pathlib.Path, "read_text")):
        monkeypatch.setattr(target, name, _forbid)
    second = run()
    assert len(second) == len(first)
    assert second[0] == first[0]


@pytest.mark.parametrize("name", MY_MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no doctest"
    assert result.failed == 0
