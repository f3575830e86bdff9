"""A trend series in words: per session the number of answers and the outcome, or why it is not broken down; and
the headline comparison of a period. Shared by the trends page and the printed rapport, so both say the same."""

from __future__ import annotations

from kit.analysis import trends
from kit.analysis.trends.before_after import _score_counts
from kit.i18n import t


def series_rows(one: trends.QuestionSeries) -> list[tuple[str, int, str]]:
    """(session label, answers, outcome) per session, in date order."""
    return [(session["label"], int(session["n"]), one.outcome(code)) for code, session in one.sessions.iterrows()]


def headline_pair(data: trends.TeamData, key: str, min_group: int | None = None) -> tuple[str, str, list[str]] | None:
    """(earlier, later, left out): the sessions the headline compares on `key`: the latest two sessions with at
    least the minimum of answers to `key`, so a small newest session does not hide how the team moved. `left out`:
    the sessions after the earlier one that had too few answers (in date order). With fewer than two sessions
    large enough, the last two sessions (their comparison then says there are too few answers). None with fewer
    than two sessions."""
    codes = data.codes
    if len(codes) < 2:
        return None
    threshold = trends.min_group_threshold(min_group)
    answers = {code: int(_score_counts(data, code, question).sum())
               for code in codes if (question := data.question(code, key)) is not None}
    enough = [code for code in codes if answers.get(code, 0) >= threshold]
    if len(enough) < 2:
        return codes[-2], codes[-1], []
    earlier, later = enough[-2], enough[-1]
    left_out = [code for code in codes[codes.index(earlier) + 1:] if code in answers and code != later]
    return earlier, later, left_out


def latest_two(view: trends.TrendView, key: str) -> str | None:
    """The before/after sentence of the headline (see `headline_pair`), if there are two sessions."""
    pair = headline_pair(view.data, key, view.min_group)
    if pair is None:
        return None
    return trends.compare(view.data, pair[0], pair[1], key, view.min_group)


def headline(view: trends.TrendView, key: str) -> str | None:
    """The rapport's line under a question's chart: the latest two sessions (the comparison names their dates),
    or, where newer sessions had too few answers, the latest two with enough, naming those left out."""
    pair = headline_pair(view.data, key, view.min_group)
    if pair is None:
        return None
    code_a, code_b, left_out = pair
    sentence = trends.compare(view.data, code_a, code_b, key, view.min_group)
    codes = view.data.codes
    if (code_a, code_b) == (codes[-2], codes[-1]):
        return t("rapport.latest_two", sentence=sentence)
    text = t("rapport.latest_two_enough", min=view.min_group, sentence=sentence)
    if left_out:
        text += " " + t("rapport.left_out", sessions=", ".join(view.data.label(code) for code in left_out))
    return text
