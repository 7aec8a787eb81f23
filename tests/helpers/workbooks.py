"""The three workbooks every notebook and chart is tried on: just created, half filled, full.

Built only with the public API (``import career_workbook as cw``), as a person's first
saves would leave them.

>>> wb = half_filled_workbook()
>>> [s.name for s in wb.skills], wb.assessments, wb.goals[0].deadline
(['SQL', 'Python', 'Negotiation'], [], None)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import career_workbook as cw

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "workbooks").glob("*.yaml"))
KINDS = ("new", "half", "full")


def half_filled_workbook(today: date = date(2026, 11, 1)) -> cw.Workbook:
    """A workbook with gaps: skills without ratings, a goal without a deadline, a check-in
    without progress, a contact without dates (and a target role typed, no profile picked)."""
    wb = cw.new_workbook("Nova Person", today=today, target_role="Senior Data Scientist")
    wb.skills = [cw.Skill(name="SQL", target_level=5), cw.Skill(name="Python"),
                 cw.Skill(name="Negotiation", category="soft")]
    wb.goals = [cw.Goal(id="g-lead", text="Become a team lead", created=today)]
    wb.check_ins = [cw.CheckIn(date=today, note="First week: getting started")]
    wb.contacts = [cw.Contact(id="c-ana", name="Ana Ruiz")]
    return cw.validate_workbook(wb)


def write_workbook(kind: str, folder: Path) -> Path:
    """Save the ``kind`` ('new' | 'half' | 'full') workbook in ``folder``; its path.

    'new' is what ``career-workbook new`` writes; 'full' is a copy of the first example.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}_workbook.yaml"
    if kind == "full":
        path.write_bytes(EXAMPLES[0].read_bytes())
    else:
        cw.save(cw.new_workbook("Nova Person") if kind == "new" else half_filled_workbook(), path)
    return path
