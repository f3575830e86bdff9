"""Validation of one answer, as it arrives from a browser that may send anything."""

from __future__ import annotations

from kit.i18n import t
from kit.model.template import Question


class AnswerRejected(Exception):
    """The answer was not stored; the message says why, in the participant's language."""


def normalise_answer(question: Question, raw) -> str:
    """The value to store for `raw`, or AnswerRejected. Open text is kept exactly as typed (within the limit)."""
    if question.type == "open":
        if not isinstance(raw, str):
            raise AnswerRejected(t("answer.not_text"))
        if not raw.strip():
            raise AnswerRejected(t("answer.empty"))
        if len(raw) > question.max_length:
            raise AnswerRejected(t("answer.too_long", n=len(raw), max=question.max_length))
        # NUL cannot be stored in PostgreSQL text and has no meaning in an answer; surrogates cannot be encoded.
        if "\x00" in raw or any("\ud800" <= ch <= "\udfff" for ch in raw):
            raise AnswerRejected(t("answer.bad_character"))
        return raw
    if question.type == "scale" and isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str) or raw not in question.answer_options:
        raise AnswerRejected(t("answer.unknown_option"))
    return raw
