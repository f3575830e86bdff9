"""What the room may learn from the answers to one question: counts, a scale's mean, the most used words.

Pure functions over the stored value strings, so the facilitator's screen, a report and the tests agree on the
numbers. Nothing here draws or touches the store.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kit.i18n import language, t
from kit.model.template import Question

# A breakdown of two answers tells the room who said what; below this only the number of answers is shown.
MIN_ANSWERS_FOR_DISTRIBUTION = 3

STOP_WORDS_DIR = Path(__file__).parent / "stopwords"


def _stop_words(language_code: str) -> frozenset[str]:
    """A language's stop words, kept as data (kit/analysis/stopwords/<taal>.txt) so a trainer can add a word."""
    text = (STOP_WORDS_DIR / f"{language_code}.txt").read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


# Function words that would otherwise top every list and say nothing about what the team needs.
# Words of one or two letters are left out anyway (see MIN_WORD_LENGTH), so they are not all listed.
DUTCH_STOP_WORDS = _stop_words("nl")
# The same for English sessions. Both lists always apply: a session's answers are counted the same way whatever
# language its screens had, so the trends of a team that mixes Dutch and English sessions stay comparable.
ENGLISH_STOP_WORDS = _stop_words("en")
STOP_WORDS = DUTCH_STOP_WORDS | ENGLISH_STOP_WORDS
MIN_WORD_LENGTH = 3

# Letters (accented too) and digits, joined by an inner hyphen or apostrophe: "zorg-route", "zo'n".
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
# Phones type typographic apostrophes and hyphens; they must count as the same word as the plain ones.
_SAME_AS_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})


@dataclass(frozen=True, eq=False)
class ScaleSummary:
    counts: pd.Series
    n: int
    mean: float | None


def option_counts(question: Question, values: Iterable) -> pd.Series:
    """How often each accepted value was given, in the template's order, zeros included."""
    options = question.answer_options
    tally = Counter(_stored_form(question, v) for v in values)
    return pd.Series([tally[o] for o in options], index=pd.Index(options, dtype=object), dtype="int64",
                     name=question.key)


def scale_summary(question: Question, values: Iterable) -> ScaleSummary:
    if not question.scale_values:
        raise ValueError(f"question {question.key!r} is not a scale question")
    counts = option_counts(question, values)
    n = int(counts.sum())
    mean = float(sum(int(v) * c for v, c in counts.items()) / n) if n else None
    return ScaleSummary(counts=counts, n=n, mean=mean)


def word_frequencies(texts: Iterable[str], top: int | None = 15) -> list[tuple[str, int]]:
    """The most used words, each counted once per answer so one insistent voice does not fill the list."""
    tally: Counter[str] = Counter()
    for text in texts:
        if isinstance(text, str):
            tally.update(set(_words(text)))
    ranked = sorted(tally.items(), key=lambda item: (-item[1], _sort_key(item[0]), item[0]))
    return ranked if top is None else ranked[:max(top, 0)]


def answer_count_label(n: int) -> str:
    return t("facilitator.answer_count", n=n)


def mean_label(mean: float) -> str:
    """"gemiddeld 3,4": one decimal, with the decimal comma a Dutch room reads without thinking."""
    number = f"{mean:.1f}"
    if language() == "nl":
        number = number.replace(".", ",")
    return t("facilitator.mean", mean=number)


def _stored_form(question: Question, value):
    # A scale answer may still be the int a widget sent; anything else unexpected must not break the count.
    if question.scale_values and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).translate(_SAME_AS_PLAIN).lower()
    return [w for w in _WORD.findall(text) if len(w) >= MIN_WORD_LENGTH and w not in STOP_WORDS]


def _sort_key(word: str) -> str:
    # "één" belongs next to "een...", not after "z".
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
