"""The charts of each question type, keyed by type key (`kit.model.questiontypes`): the projector's (and the
verslag's) figure of one question, and the figure of a trend series.

`CHARTS` lists every registered type (tests/unit/charts/test_by_type.py fails when one is missing); a closed
question whose answers are one of a few options uses `CLOSED`, the default.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from kit.analysis import aggregate
from kit.charts import session_charts, trend_charts
from kit.i18n import number, t
from kit.model.questiontypes.hundred_points import TOTAL, mean_points
from kit.model.template import Question


class ClosedCharts:
    """The closed default: a bar per option, in the options' order; trends stack the options per session."""

    def figure(self, question: Question, values) -> Figure:
        """The projector's chart of the stored `values`. Called only from the small-group threshold on
        (`kit.analysis.aggregate.MIN_ANSWERS_FOR_DISTRIBUTION`)."""
        return session_charts.ordered_bars(question, aggregate.option_counts(question, values))

    def trend_figure(self, series, **kwargs) -> Figure:
        return trend_charts.stacked_bars(series, **kwargs)


class ScaleCharts(ClosedCharts):
    def figure(self, question, values):
        return session_charts.scale_distribution(question, aggregate.scale_summary(question, values))

    def trend_figure(self, series, **kwargs):
        return trend_charts.mean_over_time(series, **kwargs)


class PointsCharts(ClosedCharts):
    def figure(self, question, values):
        n, means = mean_points(question, values)
        ranked = sorted(means.items(), key=lambda item: -item[1])
        return session_charts.value_bars([option for option, _ in ranked], [mean for _, mean in ranked],
                                         [number(mean) for _, mean in ranked],
                                         subtitle=t("divide.chart_subtitle", total=TOTAL, n=n))

    def trend_figure(self, series, **kwargs):
        return trend_charts.stacked_bars(series, unit="", subtitle=t("divide.trend_subtitle", total=TOTAL), **kwargs)


CLOSED = ClosedCharts()

CHARTS: dict[str, ClosedCharts] = {
    "ordered": CLOSED,
    "choice": CLOSED,
    "scale": ScaleCharts(),
    "open": CLOSED,  # open answers are drawn as words (session_charts.word_cloud_bars), never through this table
    "punten": PointsCharts(),
}


def charts_of(question: Question | str) -> ClosedCharts:
    """The charts entry of a question's type (or of a type key)."""
    return CHARTS[getattr(question, "type", question)]
