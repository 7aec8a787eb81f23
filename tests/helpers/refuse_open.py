"""Dask worker ``--preload``: refuse every open under ``$CW_REFUSE_UNDER`` (the coach's disk).

Stands in for a cluster that shares no disk with the coach: a worker that tries to read a
workbook or write a pack there gets ``PermissionError``.
"""

from __future__ import annotations

import builtins
import io
import os

FOLDER = os.path.realpath(os.environ["CW_REFUSE_UNDER"])
# dask may import a preload file twice: keep the real functions from the first time
_open = getattr(builtins.open, "real", builtins.open)
_os_open = getattr(os.open, "real", os.open)


def _check(file) -> None:
    if isinstance(file, int):
        return
    path = os.path.realpath(os.fsdecode(os.fspath(file)))
    if path == FOLDER or path.startswith(FOLDER + os.sep):
        raise PermissionError(f"this worker may not open {path}")


def guarded_open(file, *args, **kwargs):
    _check(file)
    return _open(file, *args, **kwargs)


def guarded_os_open(path, *args, **kwargs):
    _check(path)
    return _os_open(path, *args, **kwargs)


guarded_open.real, guarded_os_open.real = _open, _os_open
builtins.open = io.open = guarded_open
os.open = guarded_os_open
