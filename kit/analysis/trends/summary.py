"""A trend series in words: per session the number of answers and the outcome, or why it is not broken down.
Shared by the trends page and the printed rapport, so both say the same."""

from __future__ import annotations

from kit.analysis import trends
def series_rows(one: trends.QuestionSeries) -> list[tuple[str, int, str]]:
    """(session label, answers, outcome) per session, in date order."""
    return [(session["label"], int(session["n"]), one.outcome(code)) for code, session in one.sessions.iterrows()]


def first_and_last(view: trends.TrendView, key: str) -> str | None:
    """The before/after sentence from the first to the last session of the period, if there are two."""
    codes = view.data.codes
    if len(codes) < 2:
        return None
    return trends.compare(view.data, codes[0], codes[-1], key, view.min_group)
