"""open: free text in the participant's own words, within `max_length`; `private: true` makes it a personal
intention that stays on the phone unless its author shares it."""

from __future__ import annotations

from kit.model.text import DEFAULT_OPEN_MAX_LENGTH, checked_text
from kit.model.questiontypes.base import QuestionType


class OpenType(QuestionType):
    key = "open"
    help = "open (vrije tekst)"
    noun = "een open vraag"
    answers_noun = "open antwoorden"
    fields = ("max_length", "private")
    free_text = True
    incomparable = "trends.reason_open"
    trend_source = "texts"

    def to_dict(self, question):
        data = {"max_length": question.max_length}
        if question.private:
            data["private"] = True
        return data

    def normalise(self, question, raw):
        # Kept exactly as typed, within the limit.
        return checked_text(raw, question.max_length)

    def read(self, question):
        return {"max_length": question.get("max_length", DEFAULT_OPEN_MAX_LENGTH), "private": question.get("private") is True}

    def signature(self, question):
        return self.key


TYPE = OpenType()
