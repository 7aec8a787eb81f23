"""Where a CSV import reads from: an "Upload CSV" button or a typed path, one way for all.

The feedback import (02) and the contacts import (07) both offer the same two sources, with
the same rules: UTF-8 (with or without a BOM) or UTF-16 text, a size limit checked before
reading, and a typed path resolved in the workspace that is a regular file (a FIFO or device
is refused, never waited on). The CLI decodes with the same
:func:`~career_workbook.imports.decode_csv`.

>>> decode_csv("skill,level\\n".encode("utf-8-sig"), "fb.csv")
'skill,level\\n'
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from career_workbook.imports import decode_csv
from career_workbook.model import WorkbookError
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import LABEL_WIDTH, make_field
from career_workbook.widgets.session import resolve_input_path, workspace_of

__all__ = ["MAX_CSV_BYTES", "CsvSource", "decode_csv", "read_csv_file"]

MAX_CSV_BYTES = 5 * 1024 * 1024
"""The largest CSV file an import reads (5 MB: tens of thousands of rows)."""


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def read_csv_file(text: str, workbook: Any, *, max_bytes: int = MAX_CSV_BYTES) -> str:
    """Read the CSV file a path box names (see
    :func:`~career_workbook.widgets.session.resolve_input_path`): a regular file of at most
    ``max_bytes``, opened without blocking (a FIFO or device is refused, never waited on)."""
    file = resolve_input_path(text, workbook)
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise WorkbookError(f"{file}: no such file (relative paths start in your workspace, "
                            f"{workspace_of(workbook)})") from None
    except OSError as err:
        raise WorkbookError(f"{file}: cannot be read ({err.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise WorkbookError(f"{file}: not a regular file")
        if info.st_size > max_bytes:
            raise WorkbookError(f"{file}: the file is too large (over {_megabytes(max_bytes)})")
        data = handle.read(max_bytes + 1)
    return decode_csv(data, str(file))


class CsvSource:
    """An upload button and a path box, added to a form ``view``; :meth:`read_text` reads
    whichever the person used (the upload wins)."""

    def __init__(self, view: Any, *, tooltip: str, placeholder: str, help: str,
                 max_bytes: int = MAX_CSV_BYTES, accept: str = ".csv") -> None:
        self.upload = quiet.FileUpload(accept=accept, multiple=False,
                                       description="Upload CSV", tooltip=tooltip)
        self.path = make_field("path", "…or a file path", "text", placeholder=placeholder,
                               help=help)
        view.add(self.path)
        self.workbook_path = view.session.path
        self.max_bytes = max_bytes
        self.name = ""
        """The name of the file :meth:`read_text` read last (for messages)."""

    @property
    def widgets(self) -> list[widgets.Widget]:
        """The two sources, to place at the top of the form."""
        return [quiet.HBox([self.upload]), self.path.box]

    def under(self, button: widgets.Button, *beside: widgets.Widget) -> widgets.Widget:
        """``button`` (the form's "Preview") in a row right under the path box, at the left
        edge of its input, as a form's main button sits (on a phone, at the page's left
        edge with the input); ``beside`` after it (a question the preview asks)."""
        button.layout.margin = f"6px 0 2px {LABEL_WIDTH}"
        return quiet.HBox([button, *beside])

    def on_upload(self, callback: Callable[[], Any]) -> None:
        """Call ``callback()`` as soon as a file is uploaded (the preview shows at once)."""
        self.upload.observe(lambda _change: callback(), names="value")

    def read_text(self) -> str:
        """The chosen file's text; a :class:`WorkbookError` says what to do otherwise."""
        if self.upload.value:
            item = self.upload.value[0]
            name = self.name = str(item.get("name"))
            if item.get("size", 0) > self.max_bytes:
                raise WorkbookError(f"{name}: the file is too large "
                                    f"(over {_megabytes(self.max_bytes)})")
            return decode_csv(bytes(item["content"]), name)
        if not self.path.value.strip():
            raise WorkbookError("choose a CSV file to upload or type its path")
        self.name = self.path.value.strip()
        return read_csv_file(self.path.value, self.workbook_path, max_bytes=self.max_bytes)
