"""Settings for ``pytest -p tests.nbval_kernels --nbval-lax notebooks`` (part of ``make test``).

A plugin loaded with ``-p`` rather than a ``conftest.py`` inside ``notebooks/``: the
notebook folder holds notebooks only (it is copied into every workspace and the wheel).

Kernels started by nbval inherit this process's environment, so before any kernel starts:

- ``MPLBACKEND`` is removed: ``Agg`` is for pytest's own process, never for kernels;
- ``CAREER_WORKBOOK`` points to a file in a fresh temporary folder, so the notebooks run
  exactly as on a fresh clone (no workbook yet) and never read or touch a real one.
"""

from __future__ import annotations

import os
import shutil
import tempfile

_TMP: list[str] = []


def pytest_configure(config):
    _TMP.append(tempfile.mkdtemp(prefix="cw-nbval-"))
    os.environ.pop("MPLBACKEND", None)
    os.environ["CAREER_WORKBOOK"] = os.path.join(_TMP[-1], "workbooks", "my_workbook.yaml")


def pytest_unconfigure(config):
    while _TMP:
        shutil.rmtree(_TMP.pop(), ignore_errors=True)
