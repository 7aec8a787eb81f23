"""``career-workbook init``: a workspace of your own, outside any source checkout.

A workspace is a folder holding::

    README.md                  what to open first, where the data lives, how to back it up
    notebooks/                 the guided notebooks, copied from the installed package
    workbooks/                 your answers (one YAML file each); its .gitignore ignores them
    examples/                  fictional people to explore (coach_overview reads them)
    .career-workbook/workspace.json   version that made it + fingerprints of its notebooks

Running ``init`` again upgrades the notebooks you did not change and never overwrites one
you did: yours stays, the new version is written beside it (``04_smart_goals.new.ipynb``).
"Changed" means a cell's text differs from what was installed; outputs, execution counts
and widget state (what JupyterLab saves when you just run a notebook) do not count.

>>> import tempfile
>>> ws = Path(tempfile.mkdtemp()) / "my-career"
>>> report = init_workspace(ws)
>>> (ws / "notebooks" / "00_start_here.ipynb").is_file(), report.kept
(True, [])
>>> find_workspace(ws / "workbooks") == ws.resolve()
True
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from career_workbook import __version__
from career_workbook.resources import examples_source, shipped_notebooks

__all__ = ["MARKER", "InitReport", "WorkspaceNotFound", "find_workspace", "init_workspace",
           "keep_private", "notebook_fingerprint"]

STATE_DIR = ".career-workbook"
MARKER = f"{STATE_DIR}/workspace.json"
"""The file that makes a folder a workspace (relative to the workspace)."""

GITIGNORE = "# Your workbooks are private: nothing in this folder is ever committed.\n*\n"

ROOT_GITIGNORE = """\
# Career Workbook: what holds personal data stays out of git (written by `career-workbook
# init`; edit it freely, init never rewrites it). workbooks/ has its own .gitignore.
# What the commands write from a workbook, where they write it by default:
calendar/
promotion/
packs/
out/
# A notebook keeps its outputs (names, answers, charts) when it is saved. To version one you
# changed, clear its outputs first (Edit > Clear Outputs of All Cells), then
# `git add -f notebooks/NAME.ipynb`.
notebooks/
.ipynb_checkpoints/
# The servers' logs name the files they opened.
.career-workbook/logs/
"""
"""The workspace's own ``.gitignore``: the folders that hold a person's data besides
``workbooks/`` (calendar and promotion files, packs, runs, saved notebooks)."""

README = """\
# My career workbook

This folder is yours: the guided notebooks and your answers live here, on your machine.

## Start

    career-workbook lab      # JupyterLab opens on 00_start_here: begin there
    career-workbook app      # the same steps as a simple app (forms and charts, no code)

Work through the notebooks in order, 00 to 10. You answer in forms; nothing leaves
this computer.

## Where your data lives

- `workbooks/my_workbook.yaml` holds every answer (one readable text file per person).
  Earlier versions are kept in `workbooks/.history/`.
- `notebooks/` holds the guided notebooks. You may edit them: `career-workbook init`
  never overwrites a notebook you changed (it puts the new version beside yours).
- `workbooks/` is ignored by git, so your answers are never committed by accident; so
  are the folders the commands write from them (`calendar/`, `promotion/`, `packs/`, `out/`)
  and `notebooks/`, whose saved outputs show your answers (see `.gitignore`).
- `examples/` holds fictional people's workbooks to explore (and a sample feedback file).
- `.career-workbook/` holds this workspace's JupyterLab settings and the server logs
  (`logs/lab.log`, `logs/app.log`): look there if something goes wrong.

## Undo a bad edit

Every save keeps the version before it. `career-workbook history workbooks/my_workbook.yaml`
lists them; `career-workbook undo workbooks/my_workbook.yaml` brings back the one before
(`--to N` any other). The form "Restore an earlier version" in 00_start_here does the same.

## Back it up

Copy the `workbooks/` folder (with its hidden `.history/`) to a backup drive or a private
cloud folder, e.g. `cp -r workbooks /media/backup/career-workbooks`. To share progress
with a coach, send a review pack instead of the raw file: `career-workbook pack
workbooks/my_workbook.yaml --out packs`.

## Upgrade

    pip install --upgrade career-workbook
    career-workbook init .
"""


class WorkspaceNotFound(FileNotFoundError):
    """No workspace in the given folder or any folder above it."""


@dataclass
class InitReport:
    """What ``init`` did, for the summary it prints (paths relative to the workspace)."""

    root: Path
    created: bool
    added: list[str] = field(default_factory=list)
    upgraded: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (theirs, new version)

    def lines(self) -> list[str]:
        """The person-facing summary, one line per fact."""
        verb = "Created" if self.created else "Updated"
        out = [f"{verb} your workspace {self.root} (career-workbook {__version__})"]
        if self.added:
            out.append(f"  added {len(self.added)} notebook(s) in notebooks/")
        if self.upgraded:
            out.append(f"  upgraded {len(self.upgraded)} notebook(s) you had not changed")
        for theirs, new in self.kept:
            out.append(f"  kept your changes to {theirs}; the new version is {new} "
                       "(compare them, then delete the one you do not want)")
        if not (self.added or self.upgraded or self.kept):
            out.append("  notebooks already up to date")
        return out


def notebook_fingerprint(path: str | Path) -> str:
    """A hash of a notebook's cells (type and text only), or of its bytes if it is not JSON.

    Running a notebook (outputs, execution counts, widget state) keeps the fingerprint.

    >>> import tempfile
    >>> nb = Path(tempfile.mkdtemp()) / "a.ipynb"
    >>> _ = nb.write_text('{"cells": [{"cell_type": "code", "source": "x = 1", '
    ...                   '"outputs": [], "execution_count": null}]}', encoding="utf-8")
    >>> before = notebook_fingerprint(nb)
    >>> _ = nb.write_text('{"cells": [{"cell_type": "code", "source": ["x = 1"], '
    ...                   '"outputs": [{"text": "1"}], "execution_count": 3}]}', encoding="utf-8")
    >>> notebook_fingerprint(nb) == before
    True
    """
    raw = Path(path).read_bytes()
    try:
        cells = json.loads(raw)["cells"]
        key = [(c.get("cell_type"), "".join(c.get("source") or [])
                if isinstance(c.get("source"), list) else c.get("source") or "")
               for c in cells]
    except (ValueError, KeyError, TypeError, AttributeError):
        return "bytes:" + hashlib.sha256(raw).hexdigest()
    return "cells:" + hashlib.sha256(json.dumps(key).encode("utf-8")).hexdigest()


def find_workspace(start: str | Path | None = None) -> Path:
    """The workspace holding ``start`` (default: the current folder), searching upward.

    >>> import tempfile
    >>> try:
    ...     find_workspace(tempfile.mkdtemp())
    ... except WorkspaceNotFound as err:
    ...     print(str(err).split(":")[0])
    No Career Workbook workspace in ...
    """
    here = Path(start or Path.cwd()).expanduser().resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    raise WorkspaceNotFound(
        f"No Career Workbook workspace in {here} or the folders above it: create one with "
        "`career-workbook init my-career`, then `cd my-career` (or pass --workspace DIR)"
    )


def keep_private(folder: str | Path) -> bool:
    """Give a folder of workbooks the ``.gitignore`` that keeps every file in it out of git
    (the one a workspace's ``workbooks/`` has); ``False`` if it already had one.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> keep_private(folder), keep_private(folder), (folder / ".gitignore").read_text()[-2:]
    (True, False, '*\\n')
    """
    ignore = Path(folder) / ".gitignore"
    if ignore.exists():
        return False
    ignore.write_text(GITIGNORE, encoding="utf-8")
    return True


def _read_marker(root: Path) -> dict:
    try:
        data = json.loads((root / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _new_name(dest: Path) -> Path:
    return dest.with_name(f"{dest.stem}.new{dest.suffix}")


def init_workspace(folder: str | Path = ".") -> InitReport:
    """Create or upgrade the workspace in ``folder``; see the module docstring."""
    root = Path(folder).expanduser()
    if root.exists() and not root.is_dir():
        raise NotADirectoryError(f"{root} is a file; give a folder for the workspace")
    outer = next((p for p in root.expanduser().resolve().parents if (p / MARKER).is_file()),
                 None)
    if outer is not None:
        raise ValueError(f"{root} is inside the workspace {outer}; to upgrade that one, run "
                         f"`career-workbook init {outer}`")
    root.mkdir(parents=True, exist_ok=True)
    root = root.resolve()
    marker = _read_marker(root)
    report = InitReport(root, created=not marker)
    recorded: dict[str, str] = dict(marker.get("notebooks") or {})

    notebooks = root / "notebooks"
    notebooks.mkdir(exist_ok=True)
    installed: dict[str, str] = {}
    for source in shipped_notebooks():
        dest = notebooks / source.name
        shipped = notebook_fingerprint(source)
        installed[source.name] = shipped
        rel = f"notebooks/{source.name}"
        if not dest.exists():
            shutil.copyfile(source, dest)
            report.added.append(rel)
            continue
        current = notebook_fingerprint(dest)
        new = _new_name(dest)
        if current == shipped:
            continue
        if recorded.get(source.name) == shipped:  # only the person's own changes
            if new.exists():  # remind them of the new version still waiting beside theirs
                report.kept.append((rel, f"notebooks/{new.name}"))
            continue
        if current == recorded.get(source.name):  # untouched since the last init: upgrade
            _write_atomic(dest, source.read_bytes())
            report.upgraded.append(rel)
            continue
        # the person changed it: keep theirs, offer the new version beside it
        if not new.exists() or notebook_fingerprint(new) != shipped:
            _write_atomic(new, source.read_bytes())
        report.kept.append((rel, f"notebooks/{new.name}"))

    workbooks = root / "workbooks"
    workbooks.mkdir(exist_ok=True)
    keep_private(workbooks)
    if not (root / ".gitignore").exists():  # a coach's own one is theirs: left as it is
        (root / ".gitignore").write_text(ROOT_GITIGNORE, encoding="utf-8")
    if not (root / "README.md").exists():
        (root / "README.md").write_text(README, encoding="utf-8")
    examples = examples_source()
    for src in sorted(examples.rglob("*")):
        dest = root / "examples" / src.relative_to(examples)
        if src.is_file() and not dest.exists() and ".ipynb_checkpoints" not in src.parts:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)

    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    state = {
        "career_workbook": __version__,
        "created": marker.get("created", now),
        "updated": now,
        "notebooks": installed,
    }
    (root / STATE_DIR).mkdir(exist_ok=True)
    _write_atomic(root / MARKER, (json.dumps(state, indent=2) + "\n").encode("utf-8"))
    return report
