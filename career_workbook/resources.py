"""Where the files that ship with the package live: the guided notebooks and the examples.

An installed wheel carries them inside the package (``career_workbook/notebooks``,
``career_workbook/examples``); in a source checkout or an editable install they are the
repository's top-level ``notebooks/`` and ``examples/`` (the source the wheel is built from).

>>> (notebooks_source() / "00_start_here.ipynb").is_file()
True
>>> [p.name for p in shipped_notebooks()][:2]
['00_start_here.ipynb', '01_self_assessment.ipynb']
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["PACKAGE", "examples_source", "notebooks_source", "shipped_notebooks"]

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent


def _shipped(name: str) -> Path:
    inside = PACKAGE / name
    if inside.is_dir():
        return inside
    in_checkout = CHECKOUT / name
    if in_checkout.is_dir() and (CHECKOUT / "pyproject.toml").is_file():
        return in_checkout
    raise FileNotFoundError(
        f"the {name} that ship with career-workbook are missing (looked in {inside} and "
        f"{in_checkout}); reinstall it with `pip install --force-reinstall career-workbook`"
    )


def notebooks_source() -> Path:
    """The folder of the guided notebooks this installation ships (never a workspace copy)."""
    return _shipped("notebooks")


def examples_source() -> Path:
    """The folder of examples (``workbooks/*.yaml``, ``feedback_import_sample.csv``)."""
    return _shipped("examples")


def shipped_notebooks() -> list[Path]:
    """The guided notebooks (``*.ipynb``) in order: ``00_start_here`` ... ``coach_overview``."""
    return sorted(p for p in notebooks_source().glob("*.ipynb") if not p.name.startswith("."))
