"""scale: a whole number from min to max (tevredenheid 0–5); the higher number is the better end."""

from __future__ import annotations

from kit.i18n import t
from kit.model.questiontypes.base import QuestionType


class ScaleType(QuestionType):
    key = "scale"
    help = "scale (een getallenschaal, zoals 0 tot 5)"
    noun = "een schaalvraag"
    answers_noun = "schaalantwoorden"
    fields = ("min", "max", "min_label", "max_label")
    required = ("min", "max")
    descending = False
    incomparable = None
    change_words = ("trends.up_scale", "trends.down_scale")

    def to_dict(self, question):
        return {"min": question.scale_min, "max": question.scale_max, "min_label": question.min_label,
                "max_label": question.max_label}

    def answer_options(self, question):
        return tuple(str(v) for v in question.scale_values)

    def normalise(self, question, raw):
        # A number button may send the int itself.
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        return super().normalise(question, raw)

    def check(self, reader, path, question):
        reader.scale_range(path, question)

    def read(self, question):
        return {"min": question["min"], "max": question["max"], "min_label": (question.get("min_label") or "").strip(),
                "max_label": (question.get("max_label") or "").strip()}

    def figure(self, question, values):
        from kit.analysis import aggregate
        from kit.charts import session_charts
        return session_charts.scale_distribution(question, aggregate.scale_summary(question, values))

    def caption(self, question, values):
        from kit.analysis import aggregate
        summary = aggregate.scale_summary(question, values)
        mean = f"{summary.mean:.1f}".replace(".", ",")
        return " · ".join(f"{v}: {c}" for v, c in summary.counts.items()) + " · " + t("facilitator.mean", mean=mean)

    def report_note(self, question, values):
        from kit.analysis import aggregate
        summary = aggregate.scale_summary(question, values)
        return f", {aggregate.mean_label(summary.mean)}" if summary.mean is not None else ""

    def cell(self, question, value):
        # As a number, so the spreadsheet can average it.
        return int(value) if value.lstrip("-").isdigit() else value

    def signature(self, question):
        return f"scale {question.scale_min}-{question.scale_max}"

    def describe(self, question):
        return t("trends.scale", min=question.scale_min, max=question.scale_max)

    def legend_label(self, question, option):
        end = {str(question.scale_min): question.min_label, str(question.scale_max): question.max_label}.get(option)
        return f"{option} ({end})" if end else option

    def trend_series(self, data, key, signature, question, codes, threshold):
        from kit.analysis import trends
        return trends.count_series(data, key, signature, question, codes, threshold, stats=trends.scale_stats)

    def trend_figure(self, series, **kwargs):
        from kit.charts import trend_charts
        return trend_charts.mean_over_time(series, **kwargs)

    def view(self, question, submit, current=None, position="", share=None, shared=False):
        from kit.widgets.participant import ScaleView

        return ScaleView(question, submit, current, position)


TYPE = ScaleType()
