"""choice: one of a few options that have no order (a vote between cases, a yes/no without a better end)."""

from __future__ import annotations

from kit.model.questiontypes.base import QuestionType


class ChoiceType(QuestionType):
    key = "choice"
    help = "choice (opties zonder volgorde)"
    noun = "een keuzevraag"
    answers_noun = "keuzes"
    fields = ("options",)
    required = ("options",)

    def to_dict(self, question):
        return {"options": list(question.options)}

    def answer_options(self, question):
        return question.options

    def read(self, question):
        return {"options": [option.strip() for option in question["options"]]}

    def signature(self, question):
        return f"{self.key}: " + " | ".join(question.options)


TYPE = ChoiceType()
