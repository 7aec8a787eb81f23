"""Lazy imports: a notebook (or ``career-workbook --help``) loads only what it uses.

Each check runs in a fresh interpreter and looks at ``sys.modules``; every public name of a
lazy package must still resolve (to the object its module defines).
"""

from __future__ import annotations

import ast
import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def new_modules(code: str, baseline: str = "") -> list[str]:
    """Modules outside the standard library that ``code`` imports in a fresh interpreter
    beyond those ``baseline`` imports.

    The standard library is left out: which of its modules are already loaded at start-up
    depends on how the package was installed (an editable install's import hook loads
    ``importlib``, a plain path entry does not)."""
    script = (f"import sys\n{baseline}\nbefore = set(sys.modules)\n{code}\n"
              "new = sorted(set(sys.modules) - before)\nprint(repr(new))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    loaded = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return [m for m in loaded if m.split(".")[0] not in sys.stdlib_module_names]


def test_importing_the_package_loads_nothing_else():
    # ``_lazy`` is the few lines that make the packages' names lazy (standard library only)
    assert new_modules("import career_workbook") == ["career_workbook", "career_workbook._lazy"]


def test_importing_widgets_loads_no_form_and_no_library():
    loaded = new_modules("from career_workbook import widgets as ui")
    assert loaded == ["career_workbook", "career_workbook._lazy", "career_workbook.widgets"]


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
    assert new_modules(code, baseline) == ["career_workbook", "career_workbook._lazy",
                                           "career_workbook.cli"]


@pytest.mark.parametrize("package", ["career_workbook", "career_workbook.widgets",
                                     "career_workbook.charts", "career_workbook.analysis",
                                     "career_workbook.export"])
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


def test_a_chart_without_a_role_reads_no_catalog_and_no_style_library(tmp_path):
    from career_workbook import model, store

    path = tmp_path / "sam.yaml"
    store.save(model.new_workbook("Sam Lee"), path)
    code = ("from career_workbook import widgets as ui\n"
            "from career_workbook.widgets.display import chart_figure\n"
            f"s = ui.start({str(path)!r}, today='2026-11-22')\n"
            "chart_figure(s, 'values_wheel')\nassert s._catalog is None")
    loaded = new_modules(code)
    assert "career_workbook.catalog" not in loaded  # the catalog is for skill charts only
    assert "matplotlib.style" not in loaded  # it reads every style sheet matplotlib ships
    assert "career_workbook.charts.personal" in loaded


def test_the_role_is_asked_for_once_and_only_by_charts_that_use_it():
    from datetime import date

    from career_workbook import figures
    from career_workbook.catalog import load_catalog, resolve_role
    from career_workbook.model import new_workbook

    wb = new_workbook("Sam Lee")
    wb.role_profile = "ux_designer"
    role = resolve_role(wb, load_catalog())
    calls = []

    def ask():
        calls.append(1)
        return role

    figures.make_figures(wb, today=date(2026, 11, 22), role=ask, slugs=["values_wheel"])
    assert calls == []
    figs = figures.make_figures(wb, today=date(2026, 11, 22), role=ask,
                                slugs=["skill_gaps", "readiness"])
    assert calls == [1]
    expected = figures.make_figure(wb, "readiness", today=date(2026, 11, 22), role=role)
    assert figs["readiness"].get_suptitle() == expected.get_suptitle()


def test_a_shown_chart_loads_its_own_analysis_and_not_the_pack_builder(tmp_path):
    # issue 15: a notebook's chart imported every analysis module (the coach's week, the
    # network, opportunities, ...) and the pack builder with its process pools
    shutil.copy(ROOT / "examples" / "workbooks" / "jordan_engineer.yaml", tmp_path / "j.yaml")
    code = ("from career_workbook import widgets as ui\n"
            "from career_workbook.widgets.display import chart_figure, figure_image\n"
            f"s = ui.start({str(tmp_path / 'j.yaml')!r}, today='2026-11-22')\n"
            "figure_image(chart_figure(s, 'values_wheel'), 'values_wheel')")
    loaded = new_modules(code)
    analyses = sorted(m for m in loaded if m.startswith("career_workbook.analysis."))
    assert analyses == ["career_workbook.analysis.profile"]
    assert "career_workbook.export.files" in loaded
    assert "career_workbook.export.pack" not in loaded
    assert "career_workbook.analysis.smart" not in loaded  # nor the SMART date grammar


def test_the_analysis_summary_loads_what_it_counts_with():
    code = ("from datetime import date\nfrom career_workbook import analysis, model\n"
            "wb = model.new_workbook('Sam Lee', today=date(2026, 1, 1))\n"
            "print(analysis.summary(wb, date(2026, 1, 2)).goals_on_track)")
    loaded = new_modules(code)
    assert "career_workbook.analysis.skills" in loaded
    assert "career_workbook.analysis.coach_week" not in loaded


def test_the_calendar_button_loads_no_contact_import(tmp_path):
    # notebook 09 shows the calendar button alone: reading LinkedIn's CSV (3 ms of imports)
    # comes with the contacts import of notebook 07, which still has it
    shutil.copy(ROOT / "examples" / "workbooks" / "priya_data_analyst.yaml", tmp_path / "p.yaml")
    start = ("from career_workbook import widgets as ui\n"
             f"s = ui.start({str(tmp_path / 'p.yaml')!r}, today='2026-11-22')\n")
    loaded = new_modules(start + "ui.calendar_button(s)")
    assert "career_workbook.widgets.forms_reminders" in loaded
    assert "career_workbook.imports" not in loaded
    assert "career_workbook.widgets.csv_source" not in loaded
    loaded = new_modules(start + "ui.contacts_import(s)")
    assert {"career_workbook.imports", "career_workbook.widgets.csv_source"} <= set(loaded)


def test_the_start_cell_imports_no_url_opener(tmp_path):
    # issue 15: every notebook's start cell imported urllib.request (1.4 ms in a kernel) with
    # career_workbook.server, for the app's style sheet; only `lab`/`app` open a URL
    shutil.copy(ROOT / "examples" / "workbooks" / "jordan_engineer.yaml", tmp_path / "j.yaml")
    code = ("import sys\nfrom career_workbook import widgets as ui\n"
            f"s = ui.start({str(tmp_path / 'j.yaml')!r}, today='2026-11-22')\n"
            "assert 'career_workbook.server' in sys.modules\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'urllib'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "urllib.request" not in done.stdout.splitlines()[-1]
