"""scale: a whole number from min to max (tevredenheid 0–5); the higher number is the better end."""

from __future__ import annotations

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

    def read(self, question):
        return {"min": question["min"], "max": question["max"], "min_label": (question.get("min_label") or "").strip(),
                "max_label": (question.get("max_label") or "").strip()}

    def signature(self, question):
        return f"scale {question.scale_min}-{question.scale_max}"


TYPE = ScaleType()
