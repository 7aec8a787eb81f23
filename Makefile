# Career Workbook — the two commands a fresh machine needs are `make lab` and `make test`.
# Only python3 (>= 3.11) and make are required; everything else goes into .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
WORKBOOK ?=
# `make lab` works in a workspace inside the repository that git ignores (.gitignore), so a
# developer's answers and JupyterLab's autosaves never touch tracked files. Each run copies
# notebooks/ (the source) over the workspace's copies you did not change.
WORKSPACE ?= .workspace

# The oldest pandas, matplotlib and ipywidgets that pyproject.toml allows, in their own venv.
OLDEST := .venv-oldest
OLDEST_STAMP := $(OLDEST)/.installed
CONSTRAINTS_OLDEST := .ci/constraints-oldest.txt
# every notebook runs under nbval for each kind of workbook (tests/nbval_kernels.py)
NBVAL := -p tests.nbval_kernels --nbval-lax --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks

.PHONY: help setup axe lab test test-fast test-oldest bench lint format clean app

help:
	@echo "make lab    - set up .venv and open the workbook in JupyterLab"
	@echo "make test   - set up .venv and run every test (unit, notebooks, browser, oldest)"
	@echo "make test-oldest - unit and notebook tests with the oldest allowed pandas/matplotlib/ipywidgets"
	@echo "make bench  - run the benchmarks (speed and memory figures)"
	@echo "make lint   - ruff check"
	@echo "make app    - open the client app (Voila, code hidden)"
	@echo "             (both work in .workspace/, which git ignores: your answers stay private)"
	@echo "make axe    - install axe-core, the accessibility checker of the browser tests (npm ci)"

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python >= 3.11 is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when the package metadata changed.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (Career Workbook)" >/dev/null
	touch $(STAMP)

setup: $(STAMP)

# axe-core, the accessibility checker the browser tests inject into every page: the exact
# release and checksum pinned in tests/browser/package-lock.json (npm ci installs exactly that).
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $(AXE)

axe: $(AXE)

lab: setup
	$(BIN)/career-workbook init --quiet $(WORKSPACE)
	$(BIN)/career-workbook lab $(WORKBOOK) --workspace $(WORKSPACE) --port $(PORT)

app: setup
	$(BIN)/career-workbook init --quiet $(WORKSPACE)
	$(BIN)/career-workbook app $(WORKBOOK) --workspace $(WORKSPACE) --port $(PORT)

lint: setup
	$(BIN)/ruff check career_workbook tests benchmarks

test: setup axe
	$(BIN)/ruff check career_workbook tests benchmarks
	$(BIN)/python -m pytest -n 2 --dist loadgroup --doctest-modules career_workbook tests \
		--ignore=tests/browser --ignore=tests/test_wheel.py
	# the browser suite runs on its own: Playwright's event loop must not leak into other tests
	$(BIN)/python -m pytest tests/browser
	# nbval's kernel settings come from a plugin (tests/nbval_kernels.py): notebooks/ holds
	# notebooks only. Every notebook runs with no workbook yet, just created, half filled, full.
	$(BIN)/python -m pytest $(NBVAL)
	for kind in new half full; do CW_NBVAL_WORKBOOK=$$kind $(BIN)/python -m pytest -q $(NBVAL) || exit 1; done
	# the built wheel, installed into a new venv outside the checkout, used as a person would
	$(BIN)/python -m pytest tests/test_wheel.py
	$(MAKE) test-oldest

$(OLDEST_STAMP): pyproject.toml $(CONSTRAINTS_OLDEST)
	$(PYTHON) -m venv $(OLDEST)
	$(OLDEST)/bin/python -m pip install --quiet --upgrade pip
	$(OLDEST)/bin/python -m pip install --quiet -c $(CONSTRAINTS_OLDEST) -e ".[dev]"
	$(OLDEST)/bin/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (oldest)" >/dev/null
	touch $(OLDEST_STAMP)

# Unit tests and papermill notebook runs (not the browser suite) with the oldest versions.
test-oldest: $(OLDEST_STAMP)
	$(OLDEST)/bin/python -c 'import pandas, matplotlib, ipywidgets; print("oldest: pandas", pandas.__version__, "matplotlib", matplotlib.__version__, "ipywidgets", ipywidgets.__version__)'
	$(OLDEST)/bin/python -m pytest -n 2 --dist loadgroup --doctest-modules career_workbook tests \
		--ignore=tests/browser --ignore=tests/test_wheel.py

test-fast: setup
	$(BIN)/python -m pytest -m "not slow and not browser" tests

bench: setup
	$(BIN)/python benchmarks/run_all.py

format: setup
	$(BIN)/ruff check --fix career_workbook tests benchmarks
	$(BIN)/ruff format career_workbook tests benchmarks

clean:
	rm -rf $(VENV) $(OLDEST) out .pytest_cache .ruff_cache build dist *.egg-info tests/browser/node_modules
