"""Recurring words in the open answers the room saw, across sessions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

# The word pattern and stop words of the live word counts, so the trends count exactly the same words.
from kit.analysis.aggregate import _SAME_AS_PLAIN, _WORD, MIN_WORD_LENGTH, STOP_WORDS, word_frequencies

from kit.analysis.trends.common import TEXT_TYPES, min_group_threshold, too_few
from kit.analysis.trends.load import TeamData, _newest_first_order

# -- recurring themes ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class WordTrends:
    """Words of the open answers, across sessions; each word counted once per answer (`word_frequencies`).

    words:       index word, most recurring first: sessions (in how many sessions it was used), total (answers)
    per_session: index word (same order), one column per session code in date order: answers using the word;
                 <NA> for a session with too few participants
    sessions:    index code: date, label, n (open answers counted), participants (the people who wrote them),
                 suppressed (fewer participants than the minimum), note
    """

    words: pd.DataFrame
    per_session: pd.DataFrame
    sessions: pd.DataFrame


def open_keys(data: TeamData) -> list[str]:
    opened = data.questions[data.questions["type"].isin(TEXT_TYPES)]
    return _newest_first_order(opened)


def recurring_words(data: TeamData, keys: Iterable[str] | None = None, top: int | None = 15,
                    min_group: int | None = None) -> WordTrends:
    """The words the team keeps using in its open answers (default: every open question, check-out included).

    The words are those of `kit.analysis.aggregate.word_frequencies` (the same tokens, stop words and minimum length, each
    word counted once per answer), counted for all sessions in one pass (`_answer_words`)."""
    threshold = min_group_threshold(min_group)
    keys = open_keys(data) if keys is None else list(keys)
    texts = data.texts[data.texts["key"].isin(keys)]
    answers = texts.groupby("code", sort=False).size()
    people = texts.groupby("code", sort=False)["participant"].nunique()
    sessions = data.sessions[["date", "label"]].copy()
    sessions["n"] = answers.reindex(sessions.index, fill_value=0).astype("int64")
    sessions["participants"] = people.reindex(sessions.index, fill_value=0).astype("int64")
    # The minimum counts people: one person answering five open questions is not a group of five (issue 16).
    sessions["suppressed"] = sessions["participants"] < threshold
    sessions["note"] = np.where(sessions["suppressed"], too_few(), "")
    counted = list(sessions.index[~sessions["suppressed"]])
    texts = texts[texts["code"].isin(counted)]

    long = _answer_words(texts["value"].to_numpy(dtype=object).tolist(), texts["code"].to_numpy(dtype=object))
    words = long.groupby("word", sort=False).agg(sessions=("code", "size"), total=("answers", "sum"))
    words = words.assign(_tie=[_sort_key(w) for w in words.index]).rename_axis("word").reset_index()
    words = words.sort_values(["sessions", "total", "_tie", "word"], ascending=[False, False, True, True])
    words = words.drop(columns="_tie").set_index("word")
    if top is not None:
        words = words.head(max(top, 0))
    words = words.astype("int64")
    chosen = long[long["word"].isin(words.index)]
    per_session = chosen.pivot(index="word", columns="code", values="answers")
    per_session = per_session.reindex(index=words.index, columns=data.codes).fillna(0).astype("Int64")
    hidden = list(sessions.index[sessions["suppressed"]])
    if hidden:  # (pandas 3 fails on an empty column list here)
        per_session.loc[:, hidden] = pd.NA
    per_session.columns.name = None
    return WordTrends(words, per_session, sessions)


_SEPARATOR = "\x00"  # never in a stored answer (checked_text refuses it), so it can mark where one answer ends
_TOKEN = re.compile(f"{_WORD.pattern}|{_SEPARATOR}")


def _answer_words(values: list[str], codes: np.ndarray) -> pd.DataFrame:
    """(code, word, answers): in how many of a session's answers each word occurs, for many sessions at once;
    per session the same as `word_frequencies(that session's answers, top=None)`.

    The answers are joined and tokenised in one go (NFC, plain apostrophes and hyphens, lower case, the same word
    pattern), which is what `kit.analysis.aggregate._words` does per answer; the separator between answers then tells each
    token its answer, and the counting is done on integer codes. Should an answer contain the separator after
    all, every answer is counted with `word_frequencies` itself."""
    if not values:
        return pd.DataFrame({"code": pd.Series(dtype=object), "word": pd.Series(dtype=object),
                             "answers": pd.Series(dtype="int64")})
    joined = unicodedata.normalize("NFC", _SEPARATOR.join(values)).translate(_SAME_AS_PLAIN).lower()
    if joined.count(_SEPARATOR) != len(values) - 1:
        rows = [(code, word) for code, value in zip(codes, values) for word, _ in word_frequencies([value], top=None)]
        pairs = pd.DataFrame(rows, columns=["code", "word"])
        return pairs.groupby(["code", "word"], sort=False).size().rename("answers").reset_index()
    token_ids, vocabulary = pd.factorize(np.array(_TOKEN.findall(joined), dtype=object))
    vocabulary = np.asarray(vocabulary, dtype=object)
    is_word = np.array([w != _SEPARATOR and len(w) >= MIN_WORD_LENGTH and w not in STOP_WORDS
                        for w in vocabulary], dtype=bool)
    # Compared in Python: numpy would read "\x00" as an empty string (it strips trailing NULs).
    separators = [i for i, w in enumerate(vocabulary) if w == _SEPARATOR]
    answer = np.cumsum(token_ids == separators[0]) if len(separators) else np.zeros(len(token_ids), dtype="int64")
    keep = is_word[token_ids]
    size = len(vocabulary)
    once, _ = _unique_counts(answer[keep].astype("int64") * size + token_ids[keep])  # each word once per answer
    session_ids, sessions = pd.factorize(np.asarray(codes, dtype=object))
    pair, count = _unique_counts(session_ids[once // size].astype("int64") * size + once % size)
    return pd.DataFrame({"code": np.asarray(sessions, dtype=object)[pair // size],
                         "word": vocabulary[pair % size], "answers": count.astype("int64")})


def _unique_counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and how often each occurs: `np.unique(..., return_counts=True)`, which in numpy 2.4
    takes 50 times longer on 600,000 integers than this sort."""
    ordered = np.sort(values, kind="stable")
    if not len(ordered):
        return ordered, np.zeros(0, dtype="int64")
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return ordered[starts], np.diff(np.append(starts, len(ordered)))


def _sort_key(word: str) -> str:
    # As word_frequencies: "één" belongs next to "een...", not after "z".
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))

