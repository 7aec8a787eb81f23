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


def test_licence_is_an_spdx_expression_with_its_file():
    project = _pyproject()["project"]
    assert project["license"] == "BSD-3-Clause"
    assert project["license-files"] == ["LICENSE"]
    assert "BSD 3-Clause License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "dask" in project["optional-dependencies"]
    dev = {_name(r) for r in project["optional-dependencies"]["dev"]}
    assert {"build", "twine"} <= dev


def test_the_wheel_is_built_with_the_notebooks_inside_the_package():
    config = _pyproject()
    assert config["build-system"]["build-backend"] == "hatchling.build"
    force = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force == {"notebooks": "career_workbook/notebooks",
                     "examples": "career_workbook/examples"}


def test_the_notebook_folder_holds_notebooks_only():
    """JupyterLab lists this folder (and the wheel copies it): no conftest.py in it."""
    extra = [p.name for p in (ROOT / "notebooks").iterdir() if p.suffix != ".ipynb"]
    assert extra == []
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-p tests.nbval_kernels --nbval-lax" in makefile


def test_binder_makes_a_workspace():
    post = ROOT / "postBuild"
    assert post.stat().st_mode & 0o111 and "career-workbook init" in post.read_text()


def test_readme_starts_with_install_then_the_developer_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    install = text.index("## Install")
    assert install < text.index("make lab") and text.index("## ") == install
    assert "pipx install career-workbook" in text
    assert "career-workbook init my-career" in text and "career-workbook lab" in text
