"""Career Workbook: a guided career-coaching workbook that lives in JupyterLab.

The public API is small and stable::

    import career_workbook as cw
    wb = cw.load("workbooks/alex.yaml")
    with cw.edit("workbooks/alex.yaml") as wb:
        wb.check_ins.append(cw.CheckIn(date=date(2026, 11, 22), note="Good week"))
    cw.score_goal("Pass the CFA Level I exam in 2027", today=date(2026, 11, 22)).score

Attributes are imported lazily so that ``career-workbook --help`` and a kernel start stay
fast: pandas and matplotlib load only when a frame or a chart is asked for.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing the package loads no `typing`
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY = {
    # schema
    "Workbook": "model",
    "Person": "model",
    "Vision": "model",
    "Value": "model",
    "Interests": "model",
    "Skill": "model",
    "Assessment": "model",
    "Feedback": "model",
    "Goal": "model",
    "Milestone": "model",
    "Metric": "model",
    "Action": "model",
    "Contact": "model",
    "Achievement": "model",
    "LearningItem": "model",
    "CheckIn": "model",
    "Opportunity": "model",
    "StageChange": "model",
    "WorkbookError": "model",
    "SCHEMA_VERSION": "model",
    "new_workbook": "model",
    "validate_workbook": "model",
    # store
    "load": "store",
    "save": "store",
    "edit": "store",
    "history": "store",
    "restore": "store",
    # scoring
    "score_goal": "analysis.smart",
    "GoalContext": "analysis.smart",
}

__all__ = [
    "Achievement",
    "Action",
    "Assessment",
    "CheckIn",
    "Contact",
    "Feedback",
    "Goal",
    "GoalContext",
    "Interests",
    "LearningItem",
    "Metric",
    "Milestone",
    "Opportunity",
    "Person",
    "SCHEMA_VERSION",
    "Skill",
    "StageChange",
    "Value",
    "Vision",
    "Workbook",
    "WorkbookError",
    "__version__",
    "edit",
    "fit_to_posting",
    "history",
    "load",
    "new_workbook",
    "restore",
    "save",
    "score_goal",
    "validate_workbook",
]


def fit_to_posting(workbook: Any, text: str, *, catalog: Any = None) -> Any:
    """The skills a pasted job posting asks for, with fit and gaps (``.matches``, ``.gaps``).

    ``catalog`` defaults to the shipped skill catalog (plus ``$CAREER_WORKBOOK_CATALOG``);
    see :func:`career_workbook.analysis.posting.fit_to_posting`.

    >>> import career_workbook as cw
    >>> wb = cw.new_workbook("Sam Lee")
    >>> fit = cw.fit_to_posting(wb, "You will own our k8s platform and stakeholder mgmt.")
    >>> fit.matches
    {'Containers and Orchestration': ('k8s',), 'Stakeholder Management': ('stakeholder mgmt',)}
    """
    from career_workbook.analysis.posting import fit_to_posting as fit

    if catalog is None:
        from career_workbook.catalog import load_catalog

        catalog = load_catalog()
    return fit(workbook, text, catalog=catalog)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'career_workbook' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"career_workbook.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from career_workbook.analysis.smart import GoalContext, score_goal
    from career_workbook.model import (
        SCHEMA_VERSION,
        Achievement,
        Action,
        Assessment,
        CheckIn,
        Contact,
        Feedback,
        Goal,
        Interests,
        LearningItem,
        Metric,
        Milestone,
        Opportunity,
        Person,
        Skill,
        StageChange,
        Value,
        Vision,
        Workbook,
        WorkbookError,
        new_workbook,
        validate_workbook,
    )
    from career_workbook.store import edit, history, load, restore, save
