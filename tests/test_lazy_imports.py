"""Lazy imports: a notebook (or ``career-workbook --help``) loads only what it uses.

Each check runs in a fresh interpreter and looks at ``sys.modules``; every public name of a
lazy package must still resolve (to the object its module defines).
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def new_modules(code: str, baseline: str = "") -> list[str]:
    """Modules ``code`` imports in a fresh interpreter beyond those ``baseline`` imports."""
    script = (f"import sys\n{baseline}\nbefore = set(sys.modules)\n{code}\n"
              "new = sorted(set(sys.modules) - before)\nprint(repr(new))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return ast.literal_eval(done.stdout.strip().splitlines()[-1])


def test_importing_the_package_loads_nothing_else():
    assert new_modules("import career_workbook") == ["career_workbook"]


def test_importing_widgets_loads_no_form_and_no_library():
    loaded = new_modules("from career_workbook import widgets as ui")
    assert loaded == ["career_workbook", "career_workbook.widgets"]


def test_a_form_loads_its_own_module_not_the_others():
    loaded = new_modules("from career_workbook import widgets as ui\nui.values_form")
    assert "career_workbook.widgets.forms_vision" in loaded
    others = [m for m in loaded if m.startswith("career_workbook.widgets.forms_")
              and m != "career_workbook.widgets.forms_vision"]
    assert others == []
    assert not {"pandas", "matplotlib"} & set(loaded)


def test_a_chart_loads_its_own_module_not_the_others():
    loaded = new_modules("from career_workbook import charts\ncharts.plot_progress")
    assert "career_workbook.charts.goals" in loaded
    for other in ("skills", "personal", "cohort", "reputation", "opportunities"):
        assert f"career_workbook.charts.{other}" not in loaded


def test_help_loads_argparse_and_nothing_more():
    # what argparse itself loads to print a help text (shutil for the terminal width, ...)
    baseline = ("import argparse\np = argparse.ArgumentParser()\n"
                "p.add_subparsers().add_parser('x', help='y')\np.format_help()")
    code = ("from career_workbook.cli import main\ntry:\n    main(['--help'])\n"
            "except SystemExit:\n    pass")
    assert new_modules(code, baseline) == ["career_workbook", "career_workbook.cli"]


@pytest.mark.parametrize("package", ["career_workbook", "career_workbook.widgets",
                                     "career_workbook.charts"])
def test_every_public_name_resolves(package):
    module = importlib.import_module(package)
    lazy = module._LAZY
    for name in module.__all__:
        value = getattr(module, name)
        if name in lazy:
            home = importlib.import_module(f"{package}.{lazy[name]}")
            assert value is getattr(home, name)
    assert set(lazy) <= set(module.__all__)
    assert set(module.__all__) <= set(dir(module))
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        module.not_a_name  # noqa: B018
