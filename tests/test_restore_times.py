"""The restore chooser (and ``career-workbook history``, which numbers the same versions)
says when each version was saved on the person's clock, in their words: "today 14:05",
"yesterday 09:12", "3 Nov 2026 17:40", newest first, never a UTC stamp."""

from __future__ import annotations

import re
import time
from pathlib import Path

import ipywidgets as widgets
import pytest

import career_workbook as cw
from career_workbook import cli
from tests.helpers.workbooks import write_workbook


@pytest.fixture
def auckland(monkeypatch):
    """The person's clock is in Auckland (UTC+13 in November); the history stamps are UTC."""
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _restamp(path: Path, stamps: list[str]) -> None:
    """The history of ``path`` saved at ``stamps`` (UTC, oldest first), as older saves."""
    folder = path.parent / ".history" / path.name
    files = sorted(folder.iterdir())
    assert len(files) == len(stamps)
    for file, stamp in zip(files, stamps, strict=True):
        file.rename(folder / re.sub(r"^[^Z]+Z", stamp, file.name))


def _options(form: widgets.Widget) -> list[str]:
    if isinstance(form, widgets.Dropdown):
        return [label for label, _ in form.options]
    return [o for c in getattr(form, "children", ()) for o in _options(c)]


@pytest.mark.parametrize("kind", ["new", "half"])
def test_restore_chooser_reads_local_clock_time(tmp_path, auckland, capsys, kind):
    from career_workbook.widgets.forms_history import restore_form
    from career_workbook.widgets.session import Session

    path = write_workbook(kind, tmp_path / "wb")
    for strength in ("Listening", "Writing"):
        wb = cw.load(path)
        wb.strengths.append(strength)
        cw.save(wb, path)
    # 3 Nov 2026 04:40 UTC is 17:40 in Auckland; 1 Jan 2025 11:05 UTC is 00:05 on the 2nd
    _restamp(path, ["2025-01-01T11-05-00.000000Z", "2026-11-03T04-40-00.000000Z"])
    labels = _options(restore_form(Session(str(path))))
    assert labels == ["1 · 3 Nov 2026 17:40 · 1 strength fewer",
                      "2 · 2 Jan 2025 00:05 · 2 strengths fewer"]
    assert cli.main(["history", str(path)]) == 0
    out = capsys.readouterr().out
    assert "3 Nov 2026 17:40" in out and "2 Jan 2025 00:05" in out and "04:40" not in out
