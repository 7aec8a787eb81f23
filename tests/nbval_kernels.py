"""Settings for ``pytest -p tests.nbval_kernels --nbval-lax notebooks`` (part of ``make test``).

A plugin loaded with ``-p`` rather than a ``conftest.py`` inside ``notebooks/``: the
notebook folder holds notebooks only (it is copied into every workspace and the wheel).

Kernels started by nbval inherit this process's environment, so before any kernel starts:

- ``MPLBACKEND`` is removed: ``Agg`` is for pytest's own process, never for kernels;
- ``CAREER_WORKBOOK`` points to a file in a fresh temporary folder, so the notebooks never
  read or touch a real one. ``CW_NBVAL_WORKBOOK`` says what that file holds: unset, no file
  yet (a fresh clone); ``new``, ``half`` or ``full`` (see ``tests/helpers/workbooks.py``).
  ``make test`` runs the notebooks once for each.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

_TMP: list[str] = []


def pytest_configure(config):
    _TMP.append(tempfile.mkdtemp(prefix="cw-nbval-"))
    os.environ.pop("MPLBACKEND", None)
    path = Path(_TMP[-1], "workbooks", "my_workbook.yaml")
    kind = os.environ.get("CW_NBVAL_WORKBOOK", "")
    if kind:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from helpers.workbooks import write_workbook

        path = write_workbook(kind, path.parent)
    os.environ["CAREER_WORKBOOK"] = str(path)


def pytest_unconfigure(config):
    while _TMP:
        shutil.rmtree(_TMP.pop(), ignore_errors=True)
