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

from career_workbook._lazy import lazy_names

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
    "WorkbookChangedError": "store",
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
    "WorkbookChangedError",
    "WorkbookError",
    "__version__",
    "edit",
    "fit_to_posting",
    "history",
    "load",
    "new_workbook",
    "promotion_case",
    "restore",
    "save",
    "score_goal",
    "validate_workbook",
]


def fit_to_posting(workbook: Any, text: str, *, catalog: Any = None) -> Any:
    """The skills a pasted job posting asks for, with fit and gaps (``.matches``, ``.gaps``),
    and ``.suggestions``: skills it may ask for, less surely, for the person to confirm.

    ``catalog`` defaults to the shipped skill catalog (plus ``$CAREER_WORKBOOK_CATALOG``);
    the targets are the ones the charts use (the chosen role profile's, where it lists the
    skill); see :func:`career_workbook.analysis.posting.fit_to_posting`.

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
    from career_workbook.catalog import resolve_role

    role = resolve_role(workbook, catalog) if hasattr(catalog, "roles") else None
    return fit(workbook, text, catalog=catalog, role=role)


def promotion_case(workbook: Any, *, since: Any = None, until: Any = None,
                   today: Any = None) -> Any:
    """The evidence of a review period for a self-review (a frozen ``PromotionCase``).

    ``workbook`` is a :class:`Workbook` or the path of a workbook file; ``since`` and
    ``until`` are optional ISO dates (inclusive); with ``today`` the period ends on it at
    the latest, as ``career-workbook promotion-case --today`` does. See
    :func:`career_workbook.analysis.promotion.promotion_case`; to write the Markdown and PDF
    files use :func:`career_workbook.export.promotion.write_promotion_case`.

    >>> from datetime import date
    >>> import career_workbook as cw
    >>> wb = cw.new_workbook("Sam Lee", today=date(2026, 1, 1))
    >>> wb.achievements.append(cw.Achievement(date=date(2026, 2, 1), title="Shipped v2"))
    >>> case = cw.promotion_case(wb, since="2026-01-01", until="2026-06-30")
    >>> [e.title for e in case.achievements], case.period.label
    (['Shipped v2'], '1 Jan 2026 – 30 Jun 2026')
    >>> cw.promotion_case(wb, since="2026-01-01", today="2026-03-31").period.label
    '1 Jan 2026 – 31 Mar 2026'
    """
    from career_workbook.analysis.promotion import promotion_case as case

    if not hasattr(workbook, "achievements"):
        from career_workbook.store import load

        workbook = load(workbook)
    return case(workbook, since=since, until=until, today=today)


__getattr__, __dir__ = lazy_names(__name__, _LAZY)


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
    from career_workbook.store import WorkbookChangedError, edit, history, load, restore, save
