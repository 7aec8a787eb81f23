"""Charts: pure matplotlib, a DataFrame in and a :class:`~matplotlib.figure.Figure` out.

Every ``plot_*`` function takes the frame an analysis function returns (see each
docstring), draws it in the house style (``career_workbook.mplstyle``: Okabe-Ito colours,
sizes readable on A4 and on screen) and returns a plain ``Figure``: no pyplot, no global
state, nothing to close, nothing read from disk, nothing shown. The headline states the
takeaway ("Biggest gap: Negotiation"); the metric sits underneath. Without data a chart
returns a :func:`placeholder_figure` naming the notebook that fills it; it never raises
for empty or partial data, only for a frame that lacks the columns it needs.

:data:`CHARTS` lists the per-workbook charts by stable slug (:class:`ChartSpec`), so
export and notebooks can loop over them; :data:`COHORT_CHARTS` the caseload charts.

Examples
--------
>>> import pandas as pd
>>> from career_workbook import charts
>>> gaps = pd.DataFrame({"skill": ["SQL", "Negotiation", "Python"],
...                      "current": [3.0, 1.0, 4.0], "target": [4.0, 4.0, 4.0],
...                      "weighted_gap": [3.0, 12.0, 0.0]})
>>> fig = charts.plot_skill_gaps(gaps)
>>> fig.get_suptitle()
'Biggest gap: Negotiation'
>>> sorted(charts.CHARTS)[:3]
['feedback_360', 'goal_timeline', 'learning_hours']
>>> charts.is_placeholder(charts.plot_wellbeing(pd.DataFrame()))
True
"""

from typing import TYPE_CHECKING

from career_workbook._lazy import lazy_names
from career_workbook.charts._registry import CHARTS, COHORT_CHARTS, ChartSpec
from career_workbook.charts._repel import repel_vertical
from career_workbook.charts._style import (
    PALETTE,
    clean_text,
    drawn_as_read,
    escape_mathtext,
    house_style,
    is_placeholder,
    line_with_end,
    placeholder_figure,
    placeholder_message,
    quiet_glyph_warnings,
    unescape_mathtext,
    wrap_label,
    wrap_lines,
)

# plot function -> module of this package that defines it, imported on first use (a
# notebook loads only the charts it draws)
_LAZY = {
    "plot_cohort_gaps": "cohort",
    "plot_cohort_readiness": "cohort",
    "plot_cohort_recency": "cohort",
    "plot_goal_timeline": "goals",
    "plot_progress": "goals",
    "plot_smart_scorecard": "goals",
    "plot_opportunities": "opportunities",
    "plot_learning_hours": "personal",
    "plot_network": "personal",
    "plot_values_wheel": "personal",
    "plot_wellbeing": "personal",
    "plot_reputation": "reputation",
    "plot_feedback_360": "skills",
    "plot_readiness": "skills",
    "plot_skill_gaps": "skills",
    "plot_skill_radar": "skills",
}

__all__ = [
    "CHARTS",
    "COHORT_CHARTS",
    "PALETTE",
    "ChartSpec",
    "clean_text",
    "escape_mathtext",
    "house_style",
    "is_placeholder",
    "line_with_end",
    "drawn_as_read",
    "placeholder_figure",
    "placeholder_message",
    "plot_cohort_gaps",
    "plot_cohort_readiness",
    "plot_cohort_recency",
    "plot_feedback_360",
    "plot_goal_timeline",
    "plot_learning_hours",
    "plot_network",
    "plot_opportunities",
    "plot_progress",
    "plot_readiness",
    "plot_reputation",
    "plot_skill_gaps",
    "plot_skill_radar",
    "plot_smart_scorecard",
    "plot_values_wheel",
    "plot_wellbeing",
    "quiet_glyph_warnings",
    "repel_vertical",
    "unescape_mathtext",
    "wrap_label",
    "wrap_lines",
]


__getattr__, __dir__ = lazy_names(__name__, _LAZY)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from career_workbook.charts.cohort import (
        plot_cohort_gaps,
        plot_cohort_readiness,
        plot_cohort_recency,
    )
    from career_workbook.charts.goals import plot_goal_timeline, plot_progress, plot_smart_scorecard
    from career_workbook.charts.opportunities import plot_opportunities
    from career_workbook.charts.personal import (
        plot_learning_hours,
        plot_network,
        plot_values_wheel,
        plot_wellbeing,
    )
    from career_workbook.charts.reputation import plot_reputation
    from career_workbook.charts.skills import (
        plot_feedback_360,
        plot_readiness,
        plot_skill_gaps,
        plot_skill_radar,
    )
