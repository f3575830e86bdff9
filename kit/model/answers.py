"""Validation of one answer, as it arrives from a browser that may send anything."""

from __future__ import annotations

from kit.model.template import Question
from kit.model.text import AnswerRejected

__all__ = ["AnswerRejected", "normalise_answer"]


def normalise_answer(question: Question, raw) -> str:
    """The value to store for `raw`, or AnswerRejected; each question type decides (`QuestionType.normalise`)."""
    return question.kind.normalise(question, raw)
