"""Tables drawn by ``frame_html`` keep to the width of the page in a real browser."""

from __future__ import annotations

from typing import Any

import pandas as pd

from career_workbook.widgets.display import frame_html


def test_a_long_unbroken_word_wraps_inside_its_cell(browser: Any) -> None:
    # a 1,900-character action with no space pushed the other columns off-screen
    from .conftest import new_context

    frame = pd.DataFrame({"text": ["x" * 1900, "Email Dana"], "due": ["2027-01-10", None],
                          "status": ["todo", "doing"]})
    context = new_context(browser)
    try:
        page = context.new_page()
        page.set_content(f'<div id="out" style="width:600px">{frame_html(frame)}</div>')
        widths = page.evaluate("""() => {
            const t = document.querySelector('#out table');
            const last = t.querySelector('tbody tr td:last-child');
            return [t.getBoundingClientRect().width, last.getBoundingClientRect().right];
        }""")
        assert widths[0] <= 600 and widths[1] <= 608, widths
    finally:
        context.close()
