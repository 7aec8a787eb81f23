"""The guided notebooks: their structure (fast) and real runs under papermill (slow).

Structure: every notebook is valid nbformat 4 with a ``python3`` kernel, exactly one
``parameters`` cell, short logic-free code cells, no stored outputs or widget state, and a
link to the next notebook.

Execution: every notebook runs top to bottom for a just-created, a half-filled and every
example workbook (a copy, so the example is never modified), with no workbook at all, and
quickly enough. Kernels never
inherit ``MPLBACKEND`` from pytest.
"""

from __future__ import annotations

import ast
import hashlib
import html
import io
import json
import re
import shutil
import tokenize
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
EXAMPLES = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"))
TODAY = "2026-11-22"

PERSON_NOTEBOOKS = (
    "00_start_here",
    "01_self_assessment",
    "02_feedback_360",
    "03_vision_values",
    "04_smart_goals",
    "05_skill_gap",
    "06_action_plan",
    "07_network",
    "08_achievements_learning",
    "09_progress_review",
    "10_opportunities",
)
ALL_NOTEBOOKS = (*PERSON_NOTEBOOKS, "coach_overview")

# Each notebook links to the next one; the last step loops back, the coach's goes to the start.
NEXT = dict(zip(PERSON_NOTEBOOKS, PERSON_NOTEBOOKS[1:], strict=False))
NEXT["10_opportunities"] = "01_self_assessment"
NEXT["coach_overview"] = "00_start_here"

FORBIDDEN_CODE = ("def ", "for ", "while ", "if ", "lambda", "class ")
PARAM_LINE = re.compile(r"^(?P<name>[a-z_]+) = (?P<value>.+?)  # (?P<help>\S.*)$")
SHOW_CHART = re.compile(r"""ui\.show_chart\(wb, "(?P<slug>[a-z_0-9]+)"\)""")
EXPORT_FORMATS = ("png", "svg", "pdf")


def _read(stem: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)


def _code_cells(nb: nbformat.NotebookNode) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def _parameter_cells(nb: nbformat.NotebookNode) -> list:
    return [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]


def _without_comments(source: str) -> str:
    """The code of a cell with its ``# comments`` cut off (help text may say "for").

    >>> _without_comments('today = None  # or None for today')
    'today = None  '
    """
    lines = source.splitlines()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            row, col = tok.start
            lines[row - 1] = lines[row - 1][:col]
    return "\n".join(lines)


def _chart_slugs(nb: nbformat.NotebookNode) -> list[str]:
    return [m["slug"] for c in _code_cells(nb) for m in SHOW_CHART.finditer(c.source)]


# ---------------------------------------------------------------------------------------
# Structure (fast)
# ---------------------------------------------------------------------------------------
def test_every_expected_notebook_exists_and_nothing_else():
    found = {p.stem for p in NOTEBOOKS.glob("*.ipynb")}
    assert found == set(ALL_NOTEBOOKS)


@pytest.mark.parametrize("stem", ALL_NOTEBOOKS)
def test_notebook_is_valid_nbformat_with_python3_kernel(stem):
    nb = _read(stem)
    nbformat.validate(nb)
    assert nb.nbformat == 4
    assert nb.metadata["kernelspec"] == {
        "name": "python3", "display_name": "Python 3", "language": "python",
    }
    ids = [c.get("id") for c in nb.cells]
    assert all(ids) and len(set(ids)) == len(ids), f"cell ids must be set and unique: {ids}"


@pytest.mark.parametrize("stem", ALL_NOTEBOOKS)
def test_exactly_one_parameters_cell_with_documented_lines(stem):
    nb = _read(stem)
    cells = _parameter_cells(nb)
    assert len(cells) == 1, f"{stem}: {len(cells)} cells tagged 'parameters'"
    lines = cells[0].source.splitlines()
    parsed = [PARAM_LINE.match(line) for line in lines]
    assert all(parsed), f"{stem}: every line must read 'name = value  # help': {lines}"
    names = [m["name"] for m in parsed]
    first = "folder" if stem == "coach_overview" else "workbook"
    assert names == [first, "today", "export_dir"]
    values = {m["name"]: ast.literal_eval(m["value"]) for m in parsed}
    assert values["today"] is None and values["export_dir"] is None
    assert values.get("workbook") is None
    if stem == "coach_overview":
        assert (NOTEBOOKS / values["folder"]).resolve() == ROOT / "examples" / "workbooks"
    # the parameters cell is the first code cell, and the setup call uses all three names
    assert _code_cells(nb)[0] is cells[0]
    calls = "\n".join(c.source for c in _code_cells(nb)[1:])
    assert f"{first}, today=today, export_dir=export_dir)" in calls


@pytest.mark.parametrize("stem", ALL_NOTEBOOKS)
def test_papermill_sees_every_parameter_with_its_help(stem, caplog):
    # papermill skips a line holding two "=" (so the help text must not contain one)
    import papermill

    found = papermill.inspect_notebook(str(NOTEBOOKS / f"{stem}.ipynb"))
    lines = _parameter_cells(_read(stem))[0].source.splitlines()
    assert list(found) == [line.split(" = ")[0] for line in lines]
    for line, param in zip(lines, found.values(), strict=True):
        assert param["default"] == PARAM_LINE.match(line)["value"]
        assert param["help"] and param["help"] in line
    assert "Unable to parse" not in caplog.text


@pytest.mark.parametrize("stem", ALL_NOTEBOOKS)
def test_committed_without_outputs_or_widget_state(stem):
    nb = _read(stem)
    for cell in _code_cells(nb):
        assert cell.outputs == [], f"{stem}/{cell.id} has outputs"
        assert cell.execution_count is None, f"{stem}/{cell.id} has an execution count"
    assert "widgets" not in nb.metadata
    assert set(nb.metadata) <= {"kernelspec", "language_info"}


@pytest.mark.parametrize("stem", ALL_NOTEBOOKS)
def test_code_cells_are_short_and_free_of_logic(stem):
    nb = _read(stem)
    for cell in _code_cells(nb):
        lines = cell.source.splitlines()
        assert 1 <= len(lines) <= 3, f"{stem}/{cell.id}: {len(lines)} lines"
        code = _without_comments(cell.source)
        for word in FORBIDDEN_CODE:
            assert word not in code, f"{stem}/{cell.id} contains {word!r}"
        tree = ast.parse(cell.source)  # valid Python, and only the widgets are imported
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                assert ast.unparse(node) == "from career_workbook import widgets as ui"


@pytest.mark.parametrize("stem", PERSON_NOTEBOOKS)
def test_person_notebook_opens_the_workbook_with_ui_start(stem):
    nb = _read(stem)
    setup = _code_cells(nb)[1].source.splitlines()
    assert setup == [
        "from career_workbook import widgets as ui",
        "wb = ui.start(workbook, today=today, export_dir=export_dir)",
    ]
    # every other code cell is one call into ui
    for cell in _code_cells(nb)[2:]:
        assert cell.source.startswith("ui."), f"{stem}/{cell.id}: {cell.source!r}"


@pytest.mark.parametrize("stem", ALL_NOTEBOOKS)
def test_markdown_is_finished_and_links_to_the_next_notebook(stem):
    nb = _read(stem)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert markdown[0].startswith("# "), f"{stem} must start with a title"
    text = "\n".join(markdown)
    for word in ("TODO", "FIXME", "XXX", "lorem", "ipsum", "TBD"):
        assert word.lower() not in text.lower(), f"{stem} contains {word!r}"
    assert "## What next" in text
    assert re.search(rf"\[Next: [^\]]+\]\({NEXT[stem]}\.ipynb\)", text), (
        f"{stem} must link to {NEXT[stem]}.ipynb"
    )
    assert re.search(r"\d+(-\d+)? minutes", text), f"{stem} should say how long it takes"


@pytest.mark.parametrize("stem", PERSON_NOTEBOOKS)
def test_charts_shown_match_the_export_registry(stem):
    from career_workbook import charts, figures

    slugs = _chart_slugs(_read(stem))
    assert set(slugs) <= set(charts.CHARTS), f"unknown chart slugs in {stem}: {slugs}"
    assert tuple(slugs) == tuple(figures.NOTEBOOK_CHARTS.get(stem, ())), stem


def test_every_chart_appears_in_some_notebook():
    from career_workbook import charts

    shown = {s for stem in PERSON_NOTEBOOKS for s in _chart_slugs(_read(stem))}
    assert set(charts.CHARTS) <= shown, f"charts no notebook shows: {set(charts.CHARTS) - shown}"


@pytest.mark.parametrize(("volatile", "stable"), [
    ("Saved at 10:42", "Saved at HH:MM"),
    ("last saved 2026-11-22 10:42:07", "last saved YYYY-MM-DD"),
    ("started 22 November 2026", "started D MONTH YYYY"),
    ("file /tmp/pytest-of-me/pytest-3/x/my_workbook.yaml here", "file PATH here"),
    (r"file C:\Users\sam\my_workbook.yaml", "file PATH"),
    ("<Figure object at 0x7f3a9c2b1d60>", "<Figure object at 0xADDRESS>"),
    ("drawn in 0.42 s (12 ms per chart)", "drawn in N s (N s per chart)"),
    ("saved 5 minutes ago", "saved N units ago"),
])
def test_nbval_sanitizer_masks_volatile_text(volatile, stable):
    from nbval.plugin import get_sanitize_patterns

    config = (ROOT / "tests" / "nbval_sanitize.cfg").read_text(encoding="utf-8")
    patterns = get_sanitize_patterns(config)
    assert len(patterns) == config.count("\nregex: "), "every regex must be read by nbval"
    text = volatile
    for regex, replace in patterns:  # as nbval does, in file order
        text = re.sub(regex, replace, text)
    assert text == stable


def test_there_are_example_workbooks_to_run_the_notebooks_on():
    assert len(EXAMPLES) >= 2, "examples/workbooks/*.yaml: expected at least two examples"


# ---------------------------------------------------------------------------------------
# Execution (slow): papermill runs real kernels
# ---------------------------------------------------------------------------------------
@pytest.fixture
def kernel_env(monkeypatch, tmp_path):
    """Kernels inherit this environment: no MPLBACKEND, no real user workbook."""
    monkeypatch.delenv("MPLBACKEND", raising=False)
    monkeypatch.setenv("CAREER_WORKBOOK", str(tmp_path / "no-such-folder" / "nobody.yaml"))
    return tmp_path


def _execute(source: Path, out_dir: Path, **parameters) -> nbformat.NotebookNode:
    from career_workbook.batch import execute

    out_dir.mkdir(parents=True, exist_ok=True)
    return execute(
        source, out_dir / source.name, parameters=parameters,
        kernel_name="python3", cwd=str(NOTEBOOKS), progress_bar=False, log_output=False,
    )


def _run(stem: str, out_dir: Path, **parameters) -> nbformat.NotebookNode:
    return _execute(NOTEBOOKS / f"{stem}.ipynb", out_dir, **parameters)


def _outputs(nb: nbformat.NotebookNode) -> list:
    return [out for cell in _code_cells(nb) for out in cell.get("outputs", [])]


def _assert_clean(nb: nbformat.NotebookNode, stem: str) -> None:
    errors = [o for o in _outputs(nb) if o.output_type == "error"]
    assert not errors, f"{stem}: {[(e.ename, e.evalue) for e in errors]}"
    stderr = "".join(o.text for o in _outputs(nb) if o.get("name") == "stderr")
    assert "Warning" not in stderr and "Traceback" not in stderr, f"{stem} stderr:\n{stderr}"


def _assert_charts_drawn(nb: nbformat.NotebookNode, stem: str) -> None:
    chart_cells = [c for c in _code_cells(nb) if SHOW_CHART.search(c.source)]
    for cell in chart_cells:
        kinds = {k for o in cell.outputs for k in o.get("data", {})}
        assert "image/png" in kinds, f"{stem}/{cell.id} drew no image/png (got {sorted(kinds)})"


def _visible_text(nb: nbformat.NotebookNode) -> str:
    """Everything the reader sees: outputs and widget state (not the markdown)."""
    shown = json.dumps(_outputs(nb), ensure_ascii=False)
    return shown + json.dumps(nb.metadata.get("widgets", {}), ensure_ascii=False)


def _shows(nb: nbformat.NotebookNode, text: str) -> bool:
    visible = _visible_text(nb)
    return text in visible or html.escape(text) in visible


def person_name(path: Path) -> str:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["person"]["name"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def example_digests():
    return {p: _digest(p) for p in EXAMPLES}


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("stem", PERSON_NOTEBOOKS)
def test_notebook_runs_for_example_workbook(stem, example, kernel_env, example_digests):
    from career_workbook import figures

    workbook = kernel_env / "client" / example.name
    workbook.parent.mkdir()
    shutil.copy2(example, workbook)
    export = kernel_env / "charts"
    nb = _run(stem, kernel_env / "out", workbook=str(workbook), today=TODAY,
              export_dir=str(export))
    _assert_clean(nb, stem)
    _assert_charts_drawn(nb, stem)
    assert _shows(nb, person_name(workbook)), "the header names the workbook's owner"
    for slug in figures.NOTEBOOK_CHARTS.get(stem, ()):
        for fmt in EXPORT_FORMATS:
            path = export / f"{slug}.{fmt}"
            assert path.is_file() and path.stat().st_size > 0, f"{stem}: {path.name} not exported"
    assert _digest(workbook) == example_digests[example], "running (no clicks) changed the file"
    assert _digest(example) == example_digests[example]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["new", "half"])
@pytest.mark.parametrize("stem", PERSON_NOTEBOOKS)
def test_notebook_runs_for_a_new_and_a_half_filled_workbook(stem, kind, kernel_env):
    """A person's first hour: a just-created workbook (``career-workbook new``) and one with
    gaps (unrated skills, a goal without deadline, a check-in without progress, a contact
    without dates). The full examples run in the test above."""
    from helpers.workbooks import write_workbook

    workbook = write_workbook(kind, kernel_env / "client")
    before = _digest(workbook)
    nb = _run(stem, kernel_env / "out", workbook=str(workbook), today=TODAY)
    _assert_clean(nb, stem)
    _assert_charts_drawn(nb, stem)
    assert _shows(nb, "Nova Person"), "the header names the workbook's owner"
    assert _digest(workbook) == before, "running (no clicks) changed the file"


@pytest.mark.slow
def test_coach_overview_runs_for_the_examples_folder(kernel_env, example_digests):
    from career_workbook import charts

    folder = kernel_env / "clients"
    shutil.copytree(EXAMPLES[0].parent, folder)
    export = kernel_env / "charts"
    nb = _run("coach_overview", kernel_env / "out", folder=str(folder), today=TODAY,
              export_dir=str(export))
    _assert_clean(nb, "coach_overview")
    for example in EXAMPLES:
        assert _shows(nb, person_name(example)), f"{person_name(example)} missing from the overview"
    assert any("image/png" in o.get("data", {}) for o in _outputs(nb)), "no chart drawn"
    for slug in charts.COHORT_CHARTS:
        for fmt in EXPORT_FORMATS:
            assert (export / f"{slug}.{fmt}").is_file(), f"{slug}.{fmt} not exported"
    assert {p: _digest(p) for p in EXAMPLES} == example_digests


@pytest.mark.slow
def test_coach_overview_runs_for_new_half_full_and_broken_workbooks(kernel_env):
    """Issue 16 item 7: the coach's week on a real caseload, with the calendar button."""
    from helpers.workbooks import write_workbook

    folder = kernel_env / "clients"
    paths = [write_workbook(kind, folder) for kind in ("new", "half", "full")]
    (folder / "broken.yaml").write_text("person: {name: Bro\n  goals: [", encoding="utf-8")
    before = {p: _digest(p) for p in paths}
    nb = _run("coach_overview", kernel_env / "out", folder=str(folder), today=TODAY)
    _assert_clean(nb, "coach_overview")
    for text in ("Nova Person", person_name(paths[-1]), "no check-in yet", "Needs a nudge (",
                 "has not started yet", "This week, client by client", "broken.yaml"):
        assert _shows(nb, text), f"{text!r} missing from the overview"
    calendar = [c for c in _code_cells(nb) if "caseload_calendar_button" in c.source]
    assert [o.data.get("application/vnd.jupyter.widget-view+json") is not None
            for c in calendar for o in c.outputs] == [True]
    assert {p: _digest(p) for p in paths} == before, "running (no clicks) changed a file"


@pytest.mark.slow
@pytest.mark.parametrize("stem", PERSON_NOTEBOOKS)
def test_notebook_runs_with_default_parameters_and_no_workbook(stem, kernel_env):
    nb = _run(stem, kernel_env / "out")
    _assert_clean(nb, stem)
    _assert_charts_drawn(nb, stem)  # placeholders are images too
    missing = kernel_env / "no-such-folder"
    assert not missing.exists(), "running a notebook must not create a workbook"
    if stem == "00_start_here":
        assert _shows(nb, "nobody.yaml"), "00 should say which file it would create"
    else:
        assert _shows(nb, "open 00_start_here"), f"{stem} should point to 00_start_here"


@pytest.mark.slow
def test_start_here_with_a_fresh_path_offers_to_create_it(kernel_env):
    fresh = kernel_env / "new" / "fresh_workbook.yaml"
    nb = _run("00_start_here", kernel_env / "out", workbook=str(fresh), today=TODAY)
    _assert_clean(nb, "00_start_here")
    assert _shows(nb, "fresh_workbook.yaml"), "the form should say which file it creates"
    assert not fresh.exists(), "no file is created without pressing the button"


LAB_ONLY_WORDS = re.compile(r"grey (code )?cell|Run → Run All|settings cell", re.I)
HIDE_IN_APP = "<style>.celltag_lab-only { display: none; }</style>"


@pytest.mark.parametrize("stem", PERSON_NOTEBOOKS)
def test_jupyterlab_only_prose_is_hidden_in_the_app(stem):
    """Issue 11 item 8: the app shows no code, so prose about code cells is JupyterLab-only.

    Such a markdown cell is tagged ``lab-only``; Voila (nbconvert) gives it the class
    ``celltag_lab-only``, which its own ``<style>`` hides. JupyterLab sanitises the style away.
    """
    for cell in _read(stem).cells:
        if cell.cell_type != "markdown" or not LAB_ONLY_WORDS.search(cell.source):
            continue
        first_paragraph = cell.source.split("\n\n")[0]
        if "JupyterLab" in first_paragraph and "lab-only" in cell.metadata.get("tags", []):
            assert HIDE_IN_APP in cell.source, f"{stem}: {cell.id} lacks the style that hides it"
        else:
            assert "in the app" in cell.source.casefold() or "in jupyterlab" in \
                cell.source.casefold(), f"{stem}: {cell.id} speaks of code cells to app users"


def test_the_history_prose_matches_the_retention():
    text = "\n".join(c.source for c in _read("00_start_here").cells)
    assert "last 20 versions" not in text and "one a day for a month" in text


YAML_PATH = re.compile(r"[\w./~-]+\.ya?ml\b")
AS_EXAMPLE = re.compile(r"for example|e\.g\.|path/to/", re.I)


def _paragraphs(text: str) -> list[str]:
    """A markdown text's paragraphs and list items (each a few lines at most).

    >>> _paragraphs("Intro\\n\\n- one\\n  more\\n- two")
    ['Intro', '- one\\n  more', '- two']
    """
    return [p for block in text.split("\n\n") for p in re.split(r"\n(?=\s*- )", block)
            if p.strip()]


@pytest.mark.parametrize("stem", ALL_NOTEBOOKS)
def test_prose_never_names_a_fixed_file_as_the_persons_workbook(stem):
    """The app opened on nova_empty.yaml while notebook 00 said "Your workbook is the file
    workbooks/my_workbook.yaml": which file is open is said by the header (the file it
    opened), so the prose names a workbook file only as an example or a placeholder."""
    for cell in _read(stem).cells:
        if cell.cell_type != "markdown":
            continue
        for paragraph in _paragraphs(cell.source):
            if YAML_PATH.search(paragraph):
                assert AS_EXAMPLE.search(paragraph), (
                    f"{stem}/{cell.id} names a workbook file as if it were the one open "
                    f"(say “the file named in the header”): {paragraph!r}")


def test_start_here_says_the_header_names_the_open_file():
    text = "\n".join(c.source for c in _read("00_start_here").cells
                     if c.cell_type == "markdown")
    where = next(p for p in _paragraphs(text) if p.startswith("- Your workbook is"))
    assert "named in the header" in where and not YAML_PATH.search(where)
