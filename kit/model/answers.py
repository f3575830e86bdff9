"""Validation of one answer, as it arrives from a browser that may send anything."""

from __future__ import annotations

from kit.i18n import t
from kit.model.template import Question
from kit.model.text import AnswerRejected, checked_text

__all__ = ["AnswerRejected", "normalise_answer"]


def normalise_answer(question: Question, raw) -> str:
    """The value to store for `raw`, or AnswerRejected. Open text is kept exactly as typed (within the limit)."""
    if question.type == "open":
        return checked_text(raw, question.max_length)
    if question.type == "scale" and isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str) or raw not in question.answer_options:
        raise AnswerRejected(t("answer.unknown_option"))
    return raw
