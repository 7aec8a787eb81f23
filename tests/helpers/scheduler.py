"""Waiting for a ``dask scheduler`` started with ``--scheduler-file`` (tests and bench)."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

__all__ = ["scheduler_address"]


def scheduler_address(info: Path, scheduler: subprocess.Popen, wait: float = 60) -> str:
    """The address in the scheduler's file once it is whole: the scheduler writes the file
    in place, so it can be found empty or half-written (an empty one failed a CI run).

    >>> import sys, tempfile
    >>> done = subprocess.Popen([sys.executable, "-c", "pass"]); _ = done.wait()
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     info = Path(folder) / "scheduler.json"
    ...     _ = info.write_text('{"address": "tcp://127.0.0.1:8786"}')
    ...     scheduler_address(info, done)
    'tcp://127.0.0.1:8786'
    """
    end = time.monotonic() + wait
    while True:
        try:
            return json.loads(info.read_text(encoding="utf-8"))["address"]
        except (OSError, ValueError, KeyError):
            if time.monotonic() > end or scheduler.poll() is not None:
                raise
            time.sleep(0.2)
