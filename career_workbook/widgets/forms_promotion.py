"""Notebook 08: write the promotion case of a review period next to the workbook.

Thin: the case is gathered by :mod:`career_workbook.analysis.promotion` and written by
:func:`career_workbook.export.promotion.write_promotion_case`; this form reads two dates
and says where the files are.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from career_workbook.model import WorkbookError
from career_workbook.widgets import quiet
from career_workbook.widgets.fields import (
    FormView,
    download_link,
    esc,
    make_field,
    primary_button,
)

__all__ = ["promotion_case_button"]


def promotion_case_button(session: Any) -> widgets.Widget:
    """Two optional dates and a button: write ``<workspace>/promotion/<id>/promotion_case.md``
    and ``.pdf`` for that period, and offer both for download."""

    def build(view: FormView) -> list[widgets.Widget]:
        s = view.session
        # date boxes: read as every other date box reads them (30/06/2026, 1 Jan 2026 ...)
        since = make_field("since", "From", "date",
                           help="first day of the review period (empty: from the start)")
        until = make_field("until", "To", "date",
                           help="last day of the review period (empty: up to today)")
        button = primary_button("Write my promotion case",
                                "Write the period's achievements, rating changes and 360 "
                                "quotes as Markdown and PDF", icon="file-text")
        view.buttons["promotion"] = button
        result = quiet.HTML("")

        def write(_button: Any) -> None:
            from career_workbook.analysis.period import check_period
            from career_workbook.export.promotion import write_promotion_case

            result.value = ""
            unread = view.input_errors()
            view.show_errors(unread, status=False)  # a date the box cannot read: beside it
            if unread:
                view.set_status("The promotion case was not written: please fix the "
                                f"{'date' if len(unread) == 1 else 'dates'} marked ⚠.",
                                "error")
                return
            try:
                check_period(since.value, until.value, today=s.today, names=("From", "To"))
                files = write_promotion_case(s.path, since=since.value, until=until.value,
                                             today=s.today)
            except (WorkbookError, OSError) as err:
                view.set_status(f"The promotion case could not be written: {err}", "error")
                return
            except ValueError as err:  # a date that does not exist, or From after To
                view.set_status(str(err), "error")
                return
            lines = "".join(f"<div>{esc(line)}</div>" for line in files.lines())
            result.value = (f"{lines}<div>{download_link(files.markdown, 'text/markdown')} · "
                            f"{download_link(files.pdf, 'application/pdf')}</div>")
            view.set_status("Promotion case written", "success")

        button.on_click(write)
        for box in (since, until):  # say at once when a typed date cannot be read
            box.widget.observe(lambda _c, box=box: box.error(box.input_error)
                               if box.input_error else box.clear(), names="value")
        return [*view.add(since, until), button, result]

    return FormView(session, build, name="promotion", title="Your promotion case",
                    intro="The evidence of a review period in one place: achievements by "
                          "skill and goal, how your ratings moved, and what colleagues said.",
                    depends=lambda wb: None, saves_input=False)  # a period to write up
