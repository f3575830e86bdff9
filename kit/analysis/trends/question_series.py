"""Closed questions per session: counts per option (with a scale's mean and interval), or the mean per option
of a question whose answer divides points; one `Series` per way a key was asked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd

from kit.analysis.by_type import analysis_of
from kit.i18n import number, t
from kit.model.template import Question

from kit.analysis.trends.common import SERIES_TYPES, describe_signature, min_group_threshold, too_few
from kit.analysis.trends.load import TEXT_COLUMNS, TeamData, _newest_first_order
from kit.analysis.trends.stats import CONFIDENCE, t_quantile

# -- closed questions per session -----------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Series:
    """One key asked the same way (one `signature`) in some of the team's sessions; what per session depends on
    the question's type (`QuestionSeries`, `MeanSeries`).

    question: as in the newest session of the series (its text may differ from older sessions')
    sessions: index `code` in date order: date, label, n (answers), suppressed, note (too_few() or '')
    """

    key: str
    signature: str
    question: Question
    sessions: pd.DataFrame

    @property
    def description(self) -> str:
        return describe_signature(self.question)


@dataclass(frozen=True, eq=False)
class QuestionSeries(Series):
    """Counts per option per session (see `Series` for key, signature, question and sessions).

    counts:   index `code`, one column per option in the template's order (scale values as text), nullable
              Int64, zeros included, <NA> where suppressed
    stats:    scale only (else None): index `code`: mean, sd, ci_low, ci_high, t (the t quantile used); NaN where
              suppressed. The interval is the 95% t-interval, mean ± t(0.975; n−1)·s/√n with s the sample
              standard deviation (divisor n−1); it is not clipped to the scale's ends.
    """

    counts: pd.DataFrame
    stats: pd.DataFrame | None = None

    @property
    def options(self) -> list[str]:
        return list(self.counts.columns)

    @property
    def percentages(self) -> pd.DataFrame:
        """Share of the session's answers per option, 0–100 (float), NaN where suppressed."""
        counts = self.counts.astype("float64")
        n = self.sessions["n"].astype("float64").where(~self.sessions["suppressed"])
        return counts.div(n.replace(0, np.nan), axis=0) * 100

    def outcome(self, code: str) -> str:
        """What the session's answers came to, in words (the trends page's and the rapport's tables)."""
        if self.sessions.at[code, "suppressed"]:
            return too_few()
        if self.stats is not None:
            stats = self.stats.loc[code]
            # With one answer there is no spread to compute an interval from (not 'nan tot nan'); with no spread
            # at all the interval would have zero width, which reads as certainty that a few answers cannot give.
            if int(self.sessions.at[code, "n"]) < 2:
                return t("trends.mean_one", mean=number(stats["mean"]))
            if stats["sd"] == 0:
                return t("trends.mean_no_spread", mean=number(stats["mean"]), n=int(self.sessions.at[code, "n"]))
            return t("trends.mean_interval", mean=number(stats["mean"]), low=number(stats["ci_low"]),
                     high=number(stats["ci_high"]))
        counts = self.counts.loc[code]
        return " · ".join(f"{option}: {int(counts[option])}" for option in self.options)


def series(data: TeamData, key: str, min_group: int | None = None) -> list[QuestionSeries]:
    """Every way `key` was asked in these sessions, oldest first: usually one series; more when a template changed
    the question's options or scale. Sessions without the key are left out."""
    threshold = min_group_threshold(min_group)
    rows = data.questions[(data.questions["key"] == key) & data.questions["type"].isin(SERIES_TYPES)]
    if rows.empty:
        return []
    result = []
    for sig, group in rows.groupby("signature", sort=False):
        codes = list(group["code"])
        question = data.question(codes[-1], key)
        how = analysis_of(question)
        if how.session_means is not None:
            result.append(mean_series(data, key, sig, question, codes, threshold, partial(how.session_means, question)))
        else:
            result.append(count_series(data, key, sig, question, codes, threshold,
                                       stats=scale_stats if how.scale_stats else None))
    return result


def changed_note(data: TeamData, key: str) -> str:
    """Why the series of `key` does not go on, or '': the current template no longer asks it this way (issue 11.2:
    questions that became open or discussion questions keep their old answers as a series of their own)."""
    return data.changed.get(key, "")


def series_keys(data: TeamData) -> list[str]:
    """The keys that have a series (every question but free text), in the order of the newest template."""
    return _newest_first_order(data.questions[data.questions["type"].isin(SERIES_TYPES)])


def session_frame(data: TeamData, codes: list[str], n: pd.Series, threshold: int) -> pd.DataFrame:
    """`QuestionSeries.sessions`: date, label, n, and whether the session is suppressed (fewer than `threshold`)."""
    suppressed = n < threshold
    sessions = data.sessions.loc[codes, ["date", "label"]].copy()
    sessions["n"] = n
    sessions["suppressed"] = suppressed
    sessions["note"] = np.where(suppressed, too_few(), "")
    return sessions


def count_series(data: TeamData, key: str, sig: str, question: Question, codes: list[str], threshold: int,
                 stats=None) -> "QuestionSeries":
    """The series of a question answered with one of its options: counts per option per session; `stats`
    (e.g. `scale_stats`) adds figures computed from the counts."""
    options = list(question.answer_options)
    answers = data.counts[data.counts["key"] == key]
    mine = answers[answers["code"].isin(codes) & answers["value"].isin(options)]
    table = mine.pivot_table(index="code", columns="value", values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(index=codes, columns=options, fill_value=0).fillna(0).astype("int64")
    table.index.name = "code"
    table.columns = pd.Index(options, dtype=object, name=None)
    n = table.sum(axis=1).astype("int64")
    sessions = session_frame(data, codes, n, threshold)
    suppressed = sessions["suppressed"]
    counts = table.astype("Int64")
    if suppressed.any():
        counts.loc[suppressed] = pd.NA
    return QuestionSeries(key, sig, question, sessions, counts,
                          stats(question, table, suppressed) if stats is not None else None)


@dataclass(frozen=True, eq=False)
class MeanSeries(Series):
    """A key whose answers give every option a number (points divided over the options), per session the mean.

    means:    index `code`, one column per option in the template's order: the mean per answer (float), NaN
              where suppressed. Points divided over options add up to the total, so `percentages` are the means.
    """

    means: pd.DataFrame
    stats: None = None  # as a QuestionSeries of a question without a mean and interval

    @property
    def options(self) -> list[str]:
        return list(self.means.columns)

    @property
    def percentages(self) -> pd.DataFrame:
        return self.means

    def outcome(self, code: str) -> str:
        if self.sessions.at[code, "suppressed"]:
            return too_few()
        means = self.means.loc[code].sort_values(ascending=False, kind="stable")
        return " · ".join(f"{option}: {number(float(mean))}" for option, mean in means.items())


def mean_series(data: TeamData, key: str, sig: str, question: Question, codes: list[str], threshold: int,
                reduce) -> MeanSeries:
    """Per session `reduce(values)` -> (answers counted, mean per option) over that session's stored answers."""
    values = data.values if data.values is not None else pd.DataFrame(columns=TEXT_COLUMNS)
    mine = values[values["key"] == key]
    by_session = {code: reduce(list(group["value"])) for code, group in mine.groupby("code", sort=False)}
    options = list(question.options)
    empty = (0, dict.fromkeys(options, np.nan))
    n = pd.Series([by_session.get(code, empty)[0] for code in codes], index=pd.Index(codes, name="code"),
                  dtype="int64")
    sessions = session_frame(data, codes, n, threshold)
    means = pd.DataFrame([[by_session.get(code, empty)[1].get(o, np.nan) for o in options] for code in codes],
                         index=pd.Index(codes, name="code"), columns=pd.Index(options, dtype=object), dtype="float64")
    means.loc[sessions["suppressed"].to_numpy()] = np.nan
    return MeanSeries(key, sig, question, sessions, means)


def scale_stats(question: Question, table: pd.DataFrame, suppressed: pd.Series) -> pd.DataFrame:
    values = np.array(question.scale_values, dtype="float64")
    counts = table.to_numpy(dtype="float64")
    n = counts.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = counts @ values / n
        squares = (counts * (values[None, :] - mean[:, None]) ** 2).sum(axis=1)
        sd = np.sqrt(squares / (n - 1))
        t = np.array([t_quantile(0.5 + CONFIDENCE / 2, int(k) - 1) if k >= 2 else np.nan for k in n])
        half = t * sd / np.sqrt(n)
    stats = pd.DataFrame(
        {"mean": mean, "sd": sd, "ci_low": mean - half, "ci_high": mean + half, "t": t}, index=table.index
    )
    stats.loc[suppressed.to_numpy() | (n == 0)] = np.nan
    return stats


