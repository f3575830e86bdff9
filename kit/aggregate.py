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

import pandas as pd

from kit.i18n import language, t
from kit.model.template import Question

# A breakdown of two answers tells the room who said what; below this only the number of answers is shown.
MIN_ANSWERS_FOR_DISTRIBUTION = 3

# Function words that would otherwise top every list and say nothing about what the team needs.
# Words of one or two letters are left out anyway (see MIN_WORD_LENGTH), so they are not all listed.
DUTCH_STOP_WORDS = frozenset("""
    aan achter af al alle alleen allemaal alles als alsof altijd ander andere anders beetje ben bent best bij
    bijna bijv bijvoorbeeld binnen boven buiten daar daarbij daardoor daarin daarmee daarna daarom daarop
    daarvan daarvoor dan dat de deed der deze die dit doch doe doen doet door dus echt een eens eigen eigenlijk
    elk elkaar elke en enkele enz er eraan erbij erg ermee erover ervoor etc even gaan gaat gedaan geen geweest
    gewoon ging graag haar had hadden heb hebben hebt heeft heel hem hen het hetzelfde hier hierbij hiermee
    hiervoor hij hoe hoewel hun ieder iedere iedereen iemand iets ik in is ja je jezelf jij jou jouw jullie kan
    kon konden kun kunnen kunt kwam laat laten maar mag me meer meest men met mezelf mij mijn minder misschien
    mocht moest moesten moet moeten mogen na naar naast nadat namelijk natuurlijk net niemand niet niets niks
    nog nogal nooit nu of ofwel om omdat onder ons onszelf onze ook op over pas per reeds rond sinds sommige
    soms steeds te tegen tenzij terwijl toch toen tot totdat tussen uit uw vaak van vanaf veel via voor voordat
    waar waarbij waardoor waarin waarom wanneer want waren was wat we weer wel welk welke werd werden wie wij
    wil wilde willen wilt word worden wordt zal ze zeer zelf zich zichzelf zij zijn zo zo'n zoals zodat zodra
    zonder zou zouden zowel zullen zult
""".split())
# The same for English sessions. Both lists always apply: a session's answers are counted the same way whatever
# language its screens had, so the trends of a team that mixes Dutch and English sessions stay comparable.
ENGLISH_STOP_WORDS = frozenset("""
    about above after again against all also although always among and any are aren't around because been
    before being below between both but can can't cannot could couldn't did didn't does doesn't doing don't down
    during each either enough even ever every few for from further get gets getting got had hadn't has hasn't have
    haven't having her here hers herself him himself his how however i'm i've into isn't it's its itself just
    less let's like lot lots made make many may more most much must myself need needs never not now off often once
    only other others our ours ourselves out over own per quite rather really same she should shouldn't since
    some something sometimes still such than that that's the their theirs them themselves then there there's
    these they they're this those though through too under until upon very was wasn't way well were weren't what
    when where whether which while who whom whose why will with within without won't would wouldn't yet you
    you're your yours yourself yourselves
""".split())
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
    return t("facilitator.answer_count_one") if n == 1 else t("facilitator.answer_count_many", n=n)


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
