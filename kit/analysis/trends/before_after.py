"""Before and after: one key compared between two sessions (Cliff's delta, how sure), in a plain sentence."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kit.i18n import long_date, number, t
from kit.model.template import Question

from kit.analysis.trends.common import describe_signature, min_group_threshold, signature
from kit.analysis.trends.load import TeamData
from kit.analysis.trends.stats import _bootstrap_interval, _pair_shares, _permutation_p, delta_size, pair_counts

# -- before and after -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Comparison:
    """Session B against session A on one key. `delta` is Cliff's delta: P(B > A) − P(B < A) over all pairs of
    one answer from each session, where 'greater' is the better end (a scale's higher number, an ordered question's
    earlier option); from −1 (every B answer lower) to +1 (every B answer higher).

    How sure: a two-sided permutation test of Cliff's delta (equivalently of the Mann–Whitney U statistic, with
    ties as mid-ranks): exact over every split of the answers when there are at most `EXACT_PERMUTATIONS` of them,
    otherwise `RANDOM_PERMUTATIONS` seeded random splits. Nothing assumes a normal distribution or interval
    data, so it fits ordinal answers and small groups. `ci_low`/`ci_high`: a 95% percentile bootstrap interval
    for delta (seeded), for whoever wants the numbers; the sentence does not need it.
    """

    key: str
    code_a: str
    code_b: str
    n_a: int
    n_b: int
    sentence: str
    comparable: bool = False  # same question asked the same way, ordered or scale
    suppressed: bool = False  # fewer than min_group answers in one of the sessions
    delta: float | None = None
    share_higher: float | None = None  # P(B > A) over all pairs
    share_lower: float | None = None
    p_value: float | None = None
    exact: bool | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    size: str = ""  # 'verwaarloosbaar', 'klein', 'middelgroot', 'groot'

    def __str__(self) -> str:
        return self.sentence


def compare(data: TeamData, code_a: str, code_b: str, key: str, min_group: int | None = None) -> str:
    """A plain Dutch sentence on the change from session A to session B on `key`: how large and how sure.
    See `comparison` for the numbers behind it."""
    return comparison(data, code_a, code_b, key, min_group).sentence


def comparison(data: TeamData, code_a: str, code_b: str, key: str, min_group: int | None = None) -> Comparison:
    threshold = min_group_threshold(min_group)
    for code in (code_a, code_b):
        if code not in data.sessions.index:
            raise KeyError(f"sessie {code} hoort niet bij team '{data.team}' in deze periode")
    qa, qb = data.question(code_a, key), data.question(code_b, key)
    label_a, label_b = _sentence_label(data, code_a), _sentence_label(data, code_b)
    if qa is None or qb is None:
        missing = label_a if qa is None else label_b
        return Comparison(key, code_a, code_b, 0, 0, t("trends.not_asked", key=key, session=missing))
    if signature(qa) != signature(qb):
        return Comparison(key, code_a, code_b, 0, 0, t(
            "trends.other_options", question=qb.text, a=label_a, options_a=describe_signature(qa), b=label_b,
            options_b=describe_signature(qb)))
    if qb.kind.incomparable is not None:
        return Comparison(key, code_a, code_b, 0, 0, t("trends.no_order", question=qb.text,
                                                       reason=t(qb.kind.incomparable)))
    counts_a, counts_b = _score_counts(data, code_a, qa), _score_counts(data, code_b, qb)
    n_a, n_b = int(counts_a.sum()), int(counts_b.sum())
    if n_a < threshold or n_b < threshold:
        return Comparison(key, code_a, code_b, n_a, n_b, t(
            "trends.too_few_compare", a=label_a, n_a=n_a, b=label_b, n_b=n_b, min=threshold),
            comparable=True, suppressed=True)

    higher, lower = _pair_shares(counts_a, counts_b)
    delta = higher - lower
    p_value, exact = _permutation_p(counts_a, counts_b)
    ci_low, ci_high = _bootstrap_interval(counts_a, counts_b)
    size = delta_size(*pair_counts(counts_a, counts_b))  # exact: see delta_size
    sentence = _sentence(qb, label_a, label_b, n_a, n_b, delta, higher, lower, p_value, size)
    return Comparison(key, code_a, code_b, n_a, n_b, sentence, True, False, delta, higher, lower, p_value, exact,
                      ci_low, ci_high, size)


def _sentence_label(data: TeamData, code: str) -> str:
    text = long_date(data.sessions.at[code, "date"])
    duplicates = (data.sessions["date"] == data.sessions.at[code, "date"]).sum()
    return f"{text} ({code})" if duplicates > 1 else text


def _score_counts(data: TeamData, code: str, question: Question) -> np.ndarray:
    """Counts per answer option ordered from the worst to the best end."""
    options = list(question.answer_options)
    rows = data.counts[(data.counts["code"] == code) & (data.counts["key"] == question.key)]
    tally = dict(zip(rows["value"], rows["count"]))
    counts = np.array([tally.get(o, 0) for o in options], dtype="int64")
    return counts[::-1] if question.kind.descending else counts  # ordered options are best first


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _p_text(p: float) -> str:
    return f"p < {number(0.001, 3)}" if p < 0.001 else f"p = {number(p, 3 if p < 0.01 else 2)}"


def _sentence(question, label_a, label_b, n_a, n_b, delta, higher, lower, p, size) -> str:
    up, down = (t(key) for key in question.kind.change_words)
    if size == "verwaarloosbaar":
        change = t("trends.same", delta=number(delta, 2))
    else:
        change = t("trends.changed", direction=up if delta > 0 else down, size=t(f"trends.size_{size}"),
                   delta=number(delta, 2))
    first = t("trends.first", a=label_a, b=label_b, question=question.text, change=change)
    pairs = t("trends.pairs", b=label_b, higher=_percent(higher), up=up, lower=_percent(lower), down=down)
    if p < 0.01:
        how = "sure"
    elif p < 0.05:
        how = "likely"
    else:
        how = "no_sign" if size == "verwaarloosbaar" else "unsure"
    parts = [first, pairs, t(f"trends.{how}", n_a=n_a, n_b=n_b, p=_p_text(p))]
    if p < 0.05 and min(n_a, n_b) < 10:
        parts.append(t("trends.few_people"))
    return " ".join(parts)


