"""Where a CSV import reads from: an "Upload CSV" button, a typed path or a pasted table,
one way for all.

The feedback import (02) and the contacts import (07) both offer the same sources, with
the same rules: UTF-8 (with or without a BOM) or UTF-16 text, a size limit checked before
reading, and a typed path resolved in the workspace that is a regular file (a FIFO or device
is refused, never waited on). A table pasted into the path box (rows copied from a
spreadsheet: cells separated by tabs, or commas, one row a line) is read as the text of a
file, by the same parser, with the same preview (:func:`pasted_table`). The CLI decodes
with the same :func:`~career_workbook.imports.decode_csv`.

>>> decode_csv("skill,level\\n".encode("utf-8-sig"), "fb.csv")
'skill,level\\n'
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from career_workbook.imports import decode_csv
from career_workbook.model import WorkbookError
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import BUTTON_MARGIN, make_field, secondary_button
from career_workbook.widgets.session import resolve_input_path, workspace_of
from career_workbook.wording import shorten

__all__ = ["MAX_CSV_BYTES", "PASTED", "CsvSource", "decode_csv", "pasted_table",
           "read_csv_file"]

MAX_CSV_BYTES = 5 * 1024 * 1024
"""The largest CSV file an import reads (5 MB: tens of thousands of rows)."""


PASTED = "the pasted table"
"""How messages name a table pasted into the path box (a file is named by its name)."""


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def pasted_table(text: str) -> bool:
    """Whether what the path box holds is a pasted table rather than a path: rows on
    several lines, or cells separated by tabs (a spreadsheet's copy), which no path holds.

    >>> pasted_table("examples/fb.csv"), pasted_table("rater_group\\tskill\\npeer\\tSQL\\n")
    (False, True)
    >>> pasted_table("rater_group,skill\\r\\npeer,SQL"), pasted_table("  my file.csv ")
    (True, False)
    """
    body = (text or "").strip()
    return any(ch in body for ch in "\n\r\t")


_PATH_LOOK = re.compile(r"[/\\]|^~|\.\w{1,5}$")


def _not_found(text: str, file: object, workbook: object) -> str:
    """Why nothing was read from the typed ``text`` (no such ``file``): a text that does
    not look like a path either is said to be neither a path nor a table.

    >>> print(_not_found("hello world", "/ws/hello world", "/ws/workbooks/kim.yaml"))
    “hello world” is neither a file in your workspace (/ws) nor a table: type the path of a CSV file, or paste a table copied from a spreadsheet (its header row first, one row a line)
    """  # noqa: E501
    where = workspace_of(workbook)
    if _PATH_LOOK.search(text.strip()):
        return f"{file}: no such file (relative paths start in your workspace, {where})"
    return (f"“{shorten(text)}” is neither a file in your workspace ({where}) nor a table: "
            "type the path of a CSV file, or paste a table copied from a spreadsheet (its "
            "header row first, one row a line)")


def read_csv_file(text: str, workbook: Any, *, max_bytes: int = MAX_CSV_BYTES) -> str:
    """Read the CSV file a path box names (see
    :func:`~career_workbook.widgets.session.resolve_input_path`): a regular file of at most
    ``max_bytes``, opened without blocking (a FIFO or device is refused, never waited on)."""
    file = resolve_input_path(text, workbook)
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise WorkbookError(_not_found(text, file, workbook)) from None
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


NO_FILE = "cw-upload-none"
"""The class of an upload button with no file chosen: its count is not shown."""


def upload_css(description: str) -> str:
    """The style that shows an upload button with no file chosen (class :data:`NO_FILE`)
    as just its ``description``: ipywidgets writes "Upload CSV (0)", a count of nothing.
    With a file chosen the class goes (:func:`shows_count`) and "Upload CSV (1)" says so.

    >>> print(upload_css("Upload CSV"))  # doctest: +ELLIPSIS
    <style>.cw-upload-none{font-size:0!important}...::after{content:"Upload CSV";...}</style>
    """
    text = description.replace("\\", "\\\\").replace('"', '\\"')
    size = "var(--jp-widgets-font-size, 13px)"
    return (f"<style>.{NO_FILE}{{font-size:0!important}}"
            f".{NO_FILE} i{{font-size:{size}}}"
            f'.{NO_FILE}::after{{content:"{text}";font-size:{size}}}</style>')


def shows_count(files: Any) -> bool:
    """Whether an upload button shows how many files are chosen: only when there are.

    >>> shows_count(()), shows_count(({"name": "contacts.csv"},))
    (False, True)
    """
    return len(files) > 0


class CsvSource:
    """An upload button and a box for a path or a pasted table, added to a form ``view``;
    :meth:`read_text` reads whichever the person used (the upload wins)."""

    def __init__(self, view: Any, *, tooltip: str, placeholder: str, help: str,
                 max_bytes: int = MAX_CSV_BYTES, accept: str = ".csv") -> None:
        # no file chosen yet: made with the class that hides the count (added afterwards,
        # it was one more message to the page)
        self.upload = quiet.FileUpload(accept=accept, multiple=False,
                                       description="Upload CSV", tooltip=tooltip,
                                       _dom_classes=() if shows_count(()) else (NO_FILE,))
        self._upload_css = quiet.HTML(upload_css(self.upload.description))
        self.upload.observe(self._show_count, names="value")
        self.path = make_field(  # several lines: a pasted table keeps its rows
            "path", "…or a path or a table", "textarea", rows=2,
            placeholder=f"{placeholder}, or paste a table copied from a spreadsheet",
            help=help + " Or paste a table copied from a spreadsheet: its header row first, "
                        "one row a line.")
        view.add(self.path)
        self.workbook_path = view.session.path
        self.max_bytes = max_bytes
        self.name = ""
        """The name of the file :meth:`read_text` read last (for messages)."""
        self.key: tuple[str, ...] = ()
        """Which file or table :meth:`read_text` read last: a preview of another one
        starts afresh (a question asked about the last one is not its question)."""

    @property
    def widgets(self) -> list[widgets.Widget]:
        """The two sources, to place at the top of the form."""
        return [quiet.HBox([self.upload, self._upload_css]), self.path.box]

    def _show_count(self, _change: Any = None) -> None:
        """The count on the upload button only when a file is chosen (:func:`shows_count`)."""
        if shows_count(self.upload.value):
            self.upload.remove_class(NO_FILE)
        else:
            self.upload.add_class(NO_FILE)

    @staticmethod
    def preview_button(tooltip: str) -> widgets.Button:
        """The form's "Preview" button, made with the margin :meth:`under` gives it (changed
        after it is made, one more message to the page).

        >>> CsvSource.preview_button("Read the file").layout.margin == BUTTON_MARGIN
        True
        """
        return secondary_button("Preview", tooltip, icon="eye", margin=BUTTON_MARGIN)

    def under(self, button: widgets.Button, *beside: widgets.Widget) -> widgets.Widget:
        """``button`` (the form's "Preview": :meth:`preview_button`) in a row right under the
        path box, at the left edge of its input, as a form's main button sits (on a phone,
        at the page's left edge with the input); ``beside`` after it (a question the
        preview asks)."""
        button.layout.margin = BUTTON_MARGIN  # no message when made so
        return quiet.HBox([button, *beside])

    def on_upload(self, callback: Callable[[], Any]) -> None:
        """Call ``callback()`` as soon as a file is uploaded (the preview shows at once)."""
        self.upload.observe(lambda _change: callback(), names="value")

    def read_text(self) -> str:
        """The chosen file's text; a :class:`WorkbookError` says what to do otherwise."""
        if self.upload.value:
            item = self.upload.value[0]
            name = self.name = str(item.get("name"))
            data = bytes(item["content"])
            self.key = ("upload", name, hashlib.sha256(data).hexdigest())
            if item.get("size", 0) > self.max_bytes:
                raise WorkbookError(f"{name}: the file is too large "
                                    f"(over {_megabytes(self.max_bytes)})")
            return decode_csv(data, name)
        typed = self.path.widget.value
        if not typed.strip():
            raise WorkbookError("choose a CSV file to upload, type its path or paste a table")
        if pasted_table(typed):
            self.name = PASTED
            self.key = ("table", hashlib.sha256(typed.encode("utf-8", "replace")).hexdigest())
            if len(typed.encode("utf-8", "replace")) > self.max_bytes:
                raise WorkbookError(f"{PASTED} is too large (over "
                                    f"{_megabytes(self.max_bytes)}): save it as a CSV file "
                                    "and upload it")
            return typed
        self.name = typed.strip()
        self.key = ("path", str(resolve_input_path(typed, self.workbook_path)))
        return read_csv_file(typed, self.workbook_path, max_bytes=self.max_bytes)
