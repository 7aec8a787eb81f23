"""The project set-up stays consistent: environment.yml and pyproject.toml agree."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """Distribution name of a requirement string, normalised (PEP 503).

    >>> _name("PyYAML>=6.0")
    'pyyaml'
    """
    base = re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", base).lower()


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_environment_yml_matches_pyproject_runtime_dependencies():
    runtime = {_name(r) for r in _pyproject()["project"]["dependencies"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)}
    conda -= {"python", "pip"}
    assert runtime == conda, (
        f"only in pyproject: {sorted(runtime - conda)}; only in environment.yml: "
        f"{sorted(conda - runtime)}"
    )
    pip_section = next(d for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section["pip"], "environment.yml must pip-install the package itself"
    assert "conda-forge" in env["channels"]


def test_required_runtime_and_dev_dependencies_present():
    project = _pyproject()["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    for needed in ("jupyterlab", "ipywidgets", "pandas", "matplotlib", "papermill",
                   "pydantic", "pyyaml"):
        assert needed in runtime
    dev = {_name(r) for r in project["optional-dependencies"]["dev"]}
    for needed in ("pytest", "nbval", "hypothesis", "ruff"):
        assert needed in dev
    assert project["requires-python"] == ">=3.11"
    assert project["scripts"]["career-workbook"] == "career_workbook.cli:main"


def test_console_script_runs():
    out = subprocess.run(
        [sys.executable, "-m", "career_workbook.cli", "--version"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    assert "career-workbook" in out.stdout


def test_ci_script_is_executable_and_runs_make_test():
    ci = ROOT / ".ci" / "run"
    assert ci.stat().st_mode & 0o111, ".ci/run must be executable"
    assert "make test" in ci.read_text(encoding="utf-8")


def test_readme_starts_with_make_lab_then_make_test():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^\s*(make \w+)", text, flags=re.MULTILINE)
    assert commands[:2] == ["make lab", "make test"]
