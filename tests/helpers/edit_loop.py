"""Child process for tests/test_store_crash.py: append check-ins in a loop until killed.

Usage::

    python edit_loop.py PATH START [MODE]  # edit PATH forever; "ack N" after each save of N
    python edit_loop.py --serve            # fork server, see below

Each edit is ``with cw.edit(PATH) as wb: wb.check_ins.append(CheckIn(note=f"edit {n}"))``;
``ack n`` is printed (and flushed) only after the ``with`` block has returned, so every
acknowledged edit must be in the file whatever happens next.

MODE ``restore`` follows each edit with two ``cw.restore(PATH, 0)``: the first brings back
the version before edit n (``undo n``), the second the one with it again (``redo n``).

``--serve`` imports the package once, then for each ``PATH START [MODE]`` line read on stdin forks
a child that prints ``pid <pid>`` and runs the loop above; when the child has died the
server prints ``exit <pid>``. A trial then costs a fork instead of a Python start-up.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import career_workbook as cw  # noqa: E402
from career_workbook import store  # noqa: E402, F401  (imported before forking)


def _say(line: str) -> None:
    os.write(1, f"{line}\n".encode())  # unbuffered: nothing is lost or doubled by a fork


def loop(path: str, start: int, mode: str = "edit") -> None:
    """Append ``edit start``, ``edit start+1``, ... to ``path`` until killed."""
    n = start
    while True:
        with cw.edit(path) as wb:
            wb.check_ins.append(cw.CheckIn(date=date(2026, 1, 1), note=f"edit {n}"))
        _say(f"ack {n}")
        if mode == "restore":
            cw.restore(path, 0)
            _say(f"undo {n}")
            cw.restore(path, 0)
            _say(f"redo {n}")
        n += 1


def serve() -> None:
    """Fork one looping child per request line; report its death."""
    for line in sys.stdin:
        path, start, *mode = line.split()
        pid = os.fork()
        if pid == 0:  # child
            try:
                _say(f"pid {os.getpid()}")
                loop(path, int(start), *mode)
            finally:
                os._exit(1)
        os.waitpid(pid, 0)
        _say(f"exit {pid}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        loop(sys.argv[1], int(sys.argv[2]), *sys.argv[3:4])
