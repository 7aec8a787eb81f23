"""One error line for a broken workbook file everywhere (red-team M #9).

coach_overview listed broken.yaml without the "(line 66)" the CLI gives; cohort said
"FAILED broken" where pack said "FAILED broken.yaml"; "2,5" got the hint "write a whole
number: 2 or 3" but 2.5 in YAML only "Input should be a valid integer".
"""

from __future__ import annotations

import io
from datetime import date

from career_workbook import batch, caseload, store
from career_workbook.model import new_workbook
from career_workbook.widgets.coach import load_caseload

TODAY = date(2026, 12, 6)
BROKEN = ("person: {name: Broken}\nvalues:\n  - {name: Family, importance: 2.5}\n"
          "goals: [{text: x, deadline: 2027-13-01}]\n")


def _workspace(tmp_path):
    ws = tmp_path / "ws"
    ws.mkdir()
    store.save(new_workbook("Ana Ruiz", today=TODAY), ws / "ana.yaml")
    (ws / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return ws


def test_a_fraction_where_a_whole_number_belongs_gets_the_plain_hint(tmp_path):
    ws = _workspace(tmp_path)
    [check] = [c for c in batch.validate_paths([ws / "broken.yaml"], today=TODAY)]
    assert ("value 1 (“Family”), importance = 2.5: Input should be a valid integer; write a whole "
            "number: 2 or 3 (line 3)") in check.problems


def test_coach_overview_cohort_and_pack_say_the_same_line(tmp_path):
    ws = _workspace(tmp_path)
    [check] = [c for c in batch.validate_paths([ws / "broken.yaml"], today=TODAY)]
    line = "; ".join(check.problems)
    assert "(line 3)" in line and "(line 4)" in line
    assert load_caseload(ws, TODAY).broken == [("broken.yaml", line)]
    said = io.StringIO()
    caseload.cohort(ws, tmp_path / "out" / "cohort.csv", today=TODAY,
                    charts=False).print_summary(said)
    assert f"FAILED broken.yaml: {line}\n" in said.getvalue()
    packed = io.StringIO()
    batch.pack_clients([ws / "broken.yaml"], tmp_path / "packs", today=TODAY,
                       formats=("html",)).print_summary(packed)
    assert f"FAILED broken.yaml: {line}\n" in packed.getvalue()
