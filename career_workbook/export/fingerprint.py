"""Fingerprints of review packs: rebuild a pack only when something it is made from changed.

A pack's fingerprint is the SHA-256 of everything that decides its bytes:

- the workbook file's bytes;
- the package version;
- the options (formats, the review date ``today``, the review period ``--since/--until``);
- the package's own files that shape a pack: the shipped catalog (``catalog/*.yaml``), the
  house style sheet (``career_workbook.mplstyle``) and the code that draws and lays out
  the pack (``*.py``: the HTML template and CSS live there), plus the catalog extension
  files the pack is made from (:func:`career_workbook.catalog.catalog_files`: the texts a
  batch read once and ships to its workers);
- the fallback fonts charts use on this machine (:mod:`career_workbook.charts._fonts`): a
  pack made before a Chinese font was installed, with boxes for its characters, is redrawn.

It is written as ``out/<client>/.fingerprint`` inside the pack, so it is moved into place
together with the pack (never beside a half-written one).

Examples
--------
>>> a = pack_fingerprint(b"person: {}", formats=("pdf",), today="2026-11-22", static="x")
>>> b = pack_fingerprint(b"person: {}", formats=("pdf",), today="2026-11-23", static="x")
>>> len(a), a == b
(64, False)
>>> a == pack_fingerprint(b"person: {}", formats=("pdf",), today="2026-11-22", static="y")
False
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from career_workbook.catalog import CatalogFiles

__all__ = ["FINGERPRINT_FILE", "pack_fingerprint", "pack_inputs", "static_digest"]

FINGERPRINT_FILE = ".fingerprint"
"""Name of the fingerprint file inside a pack folder."""

PACKAGE = Path(__file__).resolve().parents[1]
_SUFFIXES = (".py", ".yaml", ".yml", ".mplstyle", ".css", ".html")


def pack_inputs(package: Path | None = None) -> list[Path]:
    """The files besides the workbook that a pack is made from, in a fixed order.

    >>> names = [p.name for p in pack_inputs()]
    >>> {"career_workbook.mplstyle", "skills.yaml", "roles.yaml", "html.py"} <= set(names)
    True
    """
    package = PACKAGE if package is None else package
    return sorted(p for p in package.rglob("*")
                  if p.suffix in _SUFFIXES and "__pycache__" not in p.parts and p.is_file())


def static_digest(files: Iterable[Path] | None = None, *,
                  catalog: CatalogFiles | None = None) -> str:
    """SHA-256 over the names and bytes of ``files`` (default :func:`pack_inputs`), the
    catalog extension files the packs are made from (``catalog``; default: read now with
    :func:`~career_workbook.catalog.catalog_files`) and the fallback fonts installed.

    Computed once per batch (about 1 ms for the package's 800 kB) and shared by its packs.
    """
    from career_workbook.catalog import catalog_files
    from career_workbook.charts._fonts import fallback_fonts, installed_families

    digest = hashlib.sha256()
    digest.update(",".join(fallback_fonts(installed_families())).encode() + b"\0")
    named = [(str(path.relative_to(PACKAGE) if path.is_relative_to(PACKAGE) else path.name),
              path.read_bytes()) for path in (pack_inputs() if files is None else files)]
    # (a file outside the package, e.g. a catalog extension, is named by its name)
    named += [(Path(source).name, text.encode("utf-8"))
              for source, text in (catalog_files() if catalog is None else catalog)]
    for name, data in named:
        digest.update(name.encode("utf-8", "replace") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def pack_fingerprint(workbook: bytes, *, formats: Sequence[str], today: str,
                     static: str | None = None, period: str = "") -> str:
    """The fingerprint of one pack (see the module docstring); ``period`` is
    :attr:`career_workbook.analysis.period.Period.key` (``''``: the whole record)."""
    from career_workbook import __version__

    digest = hashlib.sha256()
    for part in (b"career-workbook pack v1", __version__.encode(), ",".join(formats).encode(),
                 today.encode(), period.encode(), (static or static_digest()).encode(),
                 hashlib.sha256(workbook).digest()):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()
