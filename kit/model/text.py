"""Checks shared by every free-text input: the browser may send anything."""

from __future__ import annotations

from kit.i18n import t

# A free-text answer's limit when the template sets none (the most a template may set: schema.json).
DEFAULT_OPEN_MAX_LENGTH = 500


class AnswerRejected(Exception):
    """The input was not stored; the message says why, in the participant's language."""


def checked_text(raw, max_length: int) -> str:
    """The text exactly as typed, or AnswerRejected with a Dutch reason."""
    if not isinstance(raw, str):
        raise AnswerRejected(t("answer.not_text"))
    if not raw.strip():
        raise AnswerRejected(t("answer.empty"))
    if len(raw) > max_length:
        raise AnswerRejected(t("answer.too_long", n=len(raw), max=max_length))
    # NUL cannot be stored in PostgreSQL text and means nothing in an answer; lone surrogates cannot be encoded.
    if "\x00" in raw or any("\ud800" <= ch <= "\udfff" for ch in raw):
        raise AnswerRejected(t("answer.bad_character"))
    return raw
