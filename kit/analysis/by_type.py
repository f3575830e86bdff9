"""What each question type means for analysis, keyed by type key (`kit.model.questiontypes`): the caption under
the projector's chart, how trends name and build a type's series, and its options' labels in a legend.

`ANALYSIS` lists every registered type (tests/unit/analysis/test_by_type.py fails when one is missing); a closed
question whose answers are one of a few options uses `CLOSED`, the default.
"""

from __future__ import annotations

from kit.analysis import aggregate
from kit.i18n import number, t
from kit.model.questiontypes.hundred_points import mean_points
from kit.model.template import Question


class ClosedAnalysis:
    """The closed default: the answers are one of `answer_options`, counted per option."""

    # How trends build the series (`kit.analysis.trends.series`): None counts the answers per option (with a
    # scale's mean and interval when `scale_stats`); a function (question, values) -> (answers counted, mean per
    # option) makes a series of means per session instead.
    scale_stats = False
    session_means = None

    def caption(self, question: Question, values) -> str:
        """The chart's figures as one line of text under it."""
        counts = aggregate.option_counts(question, values)
        return " · ".join(f"{option}: {count}" for option, count in counts.items())

    def describe(self, question: Question) -> str:
        """The trend signature in words, for a heading that sets two series of one key apart."""
        return " / ".join(question.options)

    def legend_label(self, question: Question, option: str) -> str:
        return option


class ScaleAnalysis(ClosedAnalysis):
    scale_stats = True

    def caption(self, question, values):
        summary = aggregate.scale_summary(question, values)
        mean = f"{summary.mean:.1f}".replace(".", ",")
        return " · ".join(f"{v}: {c}" for v, c in summary.counts.items()) + " · " + t("facilitator.mean", mean=mean)

    def describe(self, question):
        return t("trends.scale", min=question.scale_min, max=question.scale_max)

    def legend_label(self, question, option):
        end = {str(question.scale_min): question.min_label, str(question.scale_max): question.max_label}.get(option)
        return f"{option} ({end})" if end else option


class OpenAnalysis(ClosedAnalysis):
    """Open answers are not trended as a series (trends read the texts the room saw); the caption is never shown
    under a chart of open answers, which are words, not counts."""

    def describe(self, question):
        return t("trends.open_question")


class PointsAnalysis(ClosedAnalysis):
    session_means = staticmethod(mean_points)

    def caption(self, question, values):
        return t("divide.means", means=means_text(question, values))


def means_text(question: Question, values) -> str:
    """'scholing 50 · overleg 30 · ouders 20': the mean points per option of a `punten` question, highest first."""
    _, means = mean_points(question, values)
    return " · ".join(f"{option} {number(mean)}" for option, mean in sorted(means.items(), key=lambda i: -i[1]))


CLOSED = ClosedAnalysis()

ANALYSIS: dict[str, ClosedAnalysis] = {
    "ordered": CLOSED,
    "choice": CLOSED,
    "scale": ScaleAnalysis(),
    "open": OpenAnalysis(),
    "punten": PointsAnalysis(),
}


def analysis_of(question: Question | str) -> ClosedAnalysis:
    """The analysis entry of a question's type (or of a type key)."""
    return ANALYSIS[getattr(question, "type", question)]
