"""What every part of the trends shares: the small-group threshold, the keys of the three standard questions, which
question types have which kind of series, and the few helpers that name a question's shape or match texts."""

from __future__ import annotations

import re
import unicodedata
import warnings
from functools import lru_cache

from kit import settings
from kit.analysis.by_type import analysis_of
from kit.i18n import t
from kit.model.template import Question
from kit.model.questiontypes import all_types

MIN_GROUP_ENV = settings.MIN_GROUP_ENV
MIN_GROUP = 5

SKILL_KEY = "vaardigheid"
SCHOOL_KEY = "tevredenheid_school"
PARTNERS_KEY = "tevredenheid_samenwerking"
# The types whose answers trends count per stored value, and those whose answers are free text.
CLOSED_TYPES = tuple(kind.key for kind in all_types() if kind.trend_source == "counts")
TEXT_TYPES = tuple(kind.key for kind in all_types() if kind.trend_source == "texts")
# Types with a series per session (everything but free text): counted ones and those read as whole answers.
SERIES_TYPES = tuple(kind.key for kind in all_types() if kind.trend_source != "texts")
VALUE_TYPES = tuple(kind.key for kind in all_types() if kind.trend_source == "values")


# -- configuration ------------------------------------------------------------------------------------------------
def min_group_threshold(value: int | None = None) -> int:
    """The smallest number of answers a figure may be computed from: `value` if given, else the environment
    variable TEAMLEERGESPREK_MIN_GROUP, else 5. An unreadable setting falls back to 5 (with a warning), never
    to something lower."""
    if value is None:
        raw = settings.min_group_text()
        if not raw:
            return MIN_GROUP
        try:
            value = int(raw)
        except ValueError:
            warnings.warn(f"{MIN_GROUP_ENV}={raw!r} is geen geheel getal; de drempel blijft {MIN_GROUP}.",
                          stacklevel=2)
            return MIN_GROUP
    if isinstance(value, bool) or int(value) < 1:
        raise ValueError(f"min_group moet een geheel getal van 1 of meer zijn, niet {value!r}")
    return int(value)


# -- small formatting helpers -------------------------------------------------------------------------------------
def too_few() -> str:
    """What a chart or table says instead of a figure from fewer answers than the threshold."""
    return t("trends.too_few")


def signature(question: Question) -> str:
    """What must stay the same for answers to a key to be comparable across sessions (its type decides)."""
    return question.kind.signature(question)


def describe_signature(question: Question) -> str:
    """For a heading that sets two series of one key apart: 'schaal 0–5' or 'heel vaardig / vaardig / …'."""
    return analysis_of(question).describe(question)


@lru_cache(maxsize=8192)  # a team writes the same points and actions session after session
def normalise_text(text: str) -> str:
    """For matching points and actions across sessions: lower case, no accents, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", str(text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())

