"""The zorgteam's trends: one team's sessions side by side. Pure functions on pandas; nothing here draws.

Start with `load_team(store, team, date_from, date_to)` (one bulk read) or `trend_view(...)` (everything the
trends page shows, computed at once). Then:

- `series(data, key)`: per session the count of every option of a closed question, zeros included, in the
  template's order, with n; for a scale also the mean and its 95% interval (`QuestionSeries.stats`).
- `compare(data, code_a, code_b, key)`: a plain Dutch sentence about the change from session A to session B.
- `recurring_words`, `ranked_points`, `points_side_by_side`: recurring themes across sessions.
- `action_followup`, `recurring_points`: what happened to the actions, and which points keep coming back.

Small groups are not broken down. Any figure computed from fewer answers than the threshold (`MIN_GROUP` = 5;
the environment variable TEAMLEERGESPREK_MIN_GROUP, or the `min_group` argument of every function: see
`min_group_threshold`) is suppressed: its counts, percentages, mean and interval become missing (<NA>/NaN),
`suppressed` is True and `note` holds `too_few()`, the words the page shows instead. Only the number of answers
itself is kept.

A question is compared across sessions by its key only where it asked the same thing in the same way: the same
type and the same options (or, for a scale, the same minimum and maximum). Its `signature` says which. Sessions
whose template changed a question's options or scale get a separate `QuestionSeries` for that key: the two are
never mixed. A changed question text does not split a series (docs/trainers.md: only `text` may change).

Ordered options are read best first, as in the standard template (heel vaardig … niet vaardig; zeer tevreden …
ontevreden; ja, deels, nee); a scale's higher number is the better end.

Open answers count in the word trends only as far as the room saw them: answers the facilitator let through
(`shown`), and of a private question (the personal intention) only those its author shared and the facilitator
showed. An answer kept off the screen never shows up here.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial

import numpy as np
import pandas as pd

# The word pattern and stop words of the live word counts, so the trends count exactly the same words.
from kit import settings
from kit.i18n import language, long_date, number, short_date, t
from kit.analysis.by_type import analysis_of
from kit.analysis.aggregate import _SAME_AS_PLAIN, _WORD, MIN_WORD_LENGTH, STOP_WORDS, word_frequencies
from kit.model.template import DEFAULT_ACTION_STATUSES, Question
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

CONFIDENCE = 0.95
# Before/after: exact permutation test while there are at most this many ways to split the answers, otherwise
# this many random permutations (seeded: the same data always give the same sentence).
EXACT_PERMUTATIONS = 50_000
RANDOM_PERMUTATIONS = 20_000
BOOTSTRAP_SAMPLES = 4_000
SEED = 20_26
# Cliff's delta: the usual thresholds for negligible / small / medium / large (Romano et al., 2006).
DELTA_SIZES = ((0.147, "verwaarloosbaar"), (0.33, "klein"), (0.474, "middelgroot"), (float("inf"), "groot"))

# An action counts as the same in the next session when its normalised text is equal, or this similar
# (difflib's ratio on the normalised texts).
SIMILAR_ACTION = 0.8
# "The top of the sticker board": a point ranked this high (with at least one sticker) in a session.
TOP_POINTS = 3



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


# -- loading ------------------------------------------------------------------------------------------------------
SESSION_COLUMNS = ["date", "label", "status", "created_at"]
QUESTION_COLUMNS = ["code", "key", "type", "text", "signature", "private"]
COUNT_COLUMNS = ["code", "key", "value", "count"]
TEXT_COLUMNS = ["code", "key", "value"]
POINT_COLUMNS = ["code", "point_id", "text", "status", "merged_into", "position", "stickers"]
ACTION_COLUMNS = ["code", "action_id", "point_id", "text", "level", "owner", "planning", "status", "position"]


@dataclass(frozen=True, eq=False)
class TeamData:
    """One team's sessions in a period, as read from the store. Every frame is ordered by session date.

    sessions:  index `code`; date (ISO text), label ('3 okt 2025', with the code added when two share a date),
               status, created_at
    questions: one row per question per session: code, key, type, text, signature, private
    counts:    closed questions: code, key, value, count (answers per stored value)
    values:    questions whose answer is a structure (points over options): code, key, value, every answer
    texts:     open answers the room saw (see the module's docstring): code, key, value
    points:    every post-it: code, point_id, text, status ('open', 'hidden', 'merged'), merged_into, position, stickers
    voters:    per session code, how many participants put stickers (missing: nobody)
    actions:   code, action_id, point_id, text, level, owner, planning, status, position
    """

    team: str
    sessions: pd.DataFrame
    questions: pd.DataFrame
    counts: pd.DataFrame
    texts: pd.DataFrame
    points: pd.DataFrame
    voters: pd.Series
    actions: pd.DataFrame
    date_from: str | None = None
    date_to: str | None = None
    # code -> (questions by key, done status, stored option -> shown option per key)
    _templates: dict = field(default_factory=dict, repr=False)
    values: pd.DataFrame | None = None  # every answer to a question whose type reads whole answers: code, key, value

    @property
    def codes(self) -> list[str]:
        return list(self.sessions.index)

    def question(self, code: str, key: str) -> Question | None:
        entry = self._templates.get(code)
        return entry[0].get(key) if entry else None

    def done_status(self, code: str) -> str:
        """The status that means 'done' in this session's template: the last of its action statuses ('klaar')."""
        entry = self._templates.get(code)
        return entry[1] if entry else DEFAULT_ACTION_STATUSES[-1]

    def label(self, code: str) -> str:
        return self.sessions.at[code, "label"]


@lru_cache(maxsize=1)
def _shipped_versions() -> dict[str, list]:
    """Template name -> its shipped versions, for the names that ship in more than one language."""
    from kit.authoring.loader import TEMPLATE_DIR, load_template_file

    by_name: dict[str, list] = {}
    for path in sorted(TEMPLATE_DIR.glob("*.*.yaml")):
        if not path.name.startswith("naslag."):
            template = load_template_file(path)
            by_name.setdefault(template.name, []).append(template)
    return {name: versions for name, versions in by_name.items() if len(versions) > 1}


@lru_cache(maxsize=1)
def _shipped_action_lists() -> dict[tuple[str, str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(template name, 'levels' or 'statuses', the list in one language) -> {language: the list in that language}:
    an action's level and status are stored as the text of the session's language."""
    table = {}
    for name, versions in _shipped_versions().items():
        points = {v.language: next((b.points for b in v.blocks if b.points is not None), None) for v in versions}
        for field_name in ("levels", "statuses"):
            lists = {lang: getattr(p, field_name) for lang, p in points.items() if p is not None}
            if len({len(values) for values in lists.values()}) == 1:
                for values in lists.values():
                    table[(name, field_name, tuple(values))] = lists
    return table


@lru_cache(maxsize=1)
def _shipped_translations() -> dict[tuple[str, str, str], dict[str, Question]]:
    """The questions of the templates that ship in more than one language (teamleergesprek.nl / .en), by
    (template name, key, signature in one language) -> {language: the question in that language}.

    A translation keeps every key and the number and order of the options (the test of the English template checks
    that), so an option is the same answer as the option in the same position of the other language. Only these
    shipped pairs are matched; a school's own translation with other options is a different series, shown apart."""
    table: dict[tuple[str, str, str], dict[str, Question]] = {}
    for name, versions in _shipped_versions().items():
        per_key: dict[str, dict[str, Question]] = {}
        for version in versions:
            for question in version.questions():
                per_key.setdefault(question.key, {})[version.language] = question
        for key, languages in per_key.items():
            shapes = {(q.type, len(q.answer_options)) for q in languages.values()}
            if len(shapes) == 1:
                for question in languages.values():
                    table[(name, key, signature(question))] = languages
    return table


def _in_display_language(template: dict, question: Question) -> tuple[Question, dict[str, str]]:
    """The question as the shipped template of the display language asks it, with the stored answers' mapping to
    that language's options (by position). Questions without a shipped translation are returned as they are."""
    languages = _shipped_translations().get((template.get("name", ""), question.key, signature(question)))
    shown = (languages or {}).get(language())
    if shown is None or shown == question:
        return question, {}
    return shown, dict(zip(question.answer_options, shown.answer_options))


def _action_labels(template: dict, field_name: str, values) -> dict[str, str]:
    """Stored level or status -> the same one (by position) in the display language's shipped template."""
    languages = _shipped_action_lists().get((template.get("name", ""), field_name, tuple(values)), {})
    shown = languages.get(language())
    return dict(zip(values, shown)) if shown and tuple(shown) != tuple(values) else {}


def _template_info(template: dict) -> tuple:
    """(questions by key, done status, stored option -> shown option per key, stored -> shown action labels by
    column) of one session's template, in the display language where a shipped translation says how."""
    questions: dict[str, Question] = {}
    values: dict[str, dict[str, str]] = {}
    labels: dict[str, dict[str, str]] = {}
    done = DEFAULT_ACTION_STATUSES[-1]
    for block in template.get("blocks", ()):
        for data in block.get("questions", ()):
            question, mapping = _in_display_language(template, Question.from_dict(data))
            if question.key not in questions:
                questions[question.key] = question
                if mapping:
                    values[question.key] = mapping
        points = block.get("points") or {}
        for column, field_name in (("level", "levels"), ("status", "statuses")):
            if points.get(field_name):
                labels[column] = _action_labels(template, field_name, points[field_name])
        if points.get("statuses"):
            done = labels["status"].get(points["statuses"][-1], points["statuses"][-1])
    return questions, done, values, labels


def _continue_mapped_series(codes: list[str], templates: dict[str, tuple]) -> dict[str, tuple]:
    """Where a template changed a question's options or scale under the same key and said with `mapping` which new
    option each old answer is (docs/trainers.md), the older sessions join the newer series: their question becomes
    the newer one and their stored answers are translated. Walks back from the newest session, so a chain of
    changes (each with its mapping) continues as one series; without a mapping the series stay apart.

    `templates`: code -> (questions by key, done status, stored -> shown value per key, ...) as `_template_info`
    makes them, sessions in date order."""
    result = dict(templates)
    keys = {key for code in codes for key in templates[code][0]}
    for key in keys:
        current = None  # the earliest question of the run asked like the newest one
        composed: dict[str, str] = {}  # an answer as that question stores it -> as the newest question shows it
        for code in reversed(codes):
            question = templates[code][0].get(key)
            if question is None:
                continue
            if current is None:
                current, newest = question, question
                continue
            if signature(question) != signature(current):
                mapping = dict(current.mapping or ())
                options = question.answer_options
                if current.mapping is None or not options or any(
                        o not in current.answer_options and o not in mapping for o in options):
                    break
                composed = {o: composed.get(mapping.get(o, o), mapping.get(o, o)) for o in options}
            current = question
            if composed:
                questions, done, values, *rest = result[code]
                shown = values.get(key, {})
                stored = {*question.answer_options, *shown}
                translated = {v: composed.get(shown.get(v, v), shown.get(v, v)) for v in stored}
                result[code] = ({**questions, key: newest}, done, {**values, key: translated}, *rest)
    return result


def load_team(store, team: str, date_from=None, date_to=None) -> TeamData:
    """Everything the trends need of one team's sessions in a period (dates inclusive), in a few bulk reads."""
    date_from = None if date_from in (None, "") else str(date_from)
    date_to = None if date_to in (None, "") else str(date_to)
    records = store.sessions_of_team(team, date_from, date_to)
    codes = [r.code for r in records]

    info_by_template: dict[int, tuple] = {}
    templates: dict[str, tuple] = {}
    question_rows = []
    for record in records:
        info = info_by_template.get(id(record.template))
        if info is None:
            info = info_by_template[id(record.template)] = _template_info(record.template)
        templates[record.code] = info
    templates = _continue_mapped_series(codes, templates)
    for code in codes:
        for q in templates[code][0].values():
            question_rows.append((code, q.key, q.type, q.text, signature(q), q.private))

    dates = [r.session_date for r in records]
    seen = pd.Series(dates).duplicated(keep=False).tolist() if dates else []
    labels = [short_date(d) + (f" ({r.code})" if twice else "") for r, d, twice in zip(records, dates, seen)]
    sessions = pd.DataFrame(
        {"date": dates, "label": labels, "status": [r.status for r in records],
         "created_at": [r.created_at for r in records]},
        index=pd.Index(codes, name="code", dtype=object), columns=SESSION_COLUMNS,
    )
    questions = pd.DataFrame(question_rows, columns=QUESTION_COLUMNS)

    closed = sorted(set(questions.loc[questions["type"].isin(CLOSED_TYPES), "key"]))
    opened = sorted(set(questions.loc[questions["type"].isin(TEXT_TYPES), "key"]))
    whole = sorted(set(questions.loc[questions["type"].isin(VALUE_TYPES), "key"]))
    counts = pd.DataFrame(store.bulk_answer_counts(codes, closed), columns=COUNT_COLUMNS)
    counts["count"] = counts["count"].astype("int64")
    translated = {code: info[2] for code, info in templates.items() if info[2]}
    if translated and not counts.empty:
        counts["value"] = [translated.get(code, {}).get(key, {}).get(value, value)
                           for code, key, value in counts[["code", "key", "value"]].itertuples(index=False)]

    texts = pd.DataFrame(store.bulk_answers(codes, opened, shown_only=True),
                         columns=[*TEXT_COLUMNS, "shown", "shared"])
    private = questions.loc[questions["private"].astype(bool), ["code", "key"]]
    if not private.empty and not texts.empty:
        # A private answer (the personal intention) only where its author shared it.
        own = texts.merge(private.assign(_private=True), on=["code", "key"], how="left")["_private"]
        texts = texts[~(own.fillna(False).astype(bool).to_numpy() & (texts["shared"] == 0).to_numpy())]
    texts = texts[TEXT_COLUMNS].reset_index(drop=True)
    values = pd.DataFrame([row[:3] for row in store.bulk_answers(codes, whole)] if whole else [],
                          columns=TEXT_COLUMNS)

    points = pd.DataFrame(store.bulk_points(codes), columns=POINT_COLUMNS)
    points["stickers"] = points["stickers"].astype("int64")
    voters = pd.Series(store.bulk_sticker_voters(codes), dtype="int64").reindex(codes, fill_value=0)
    actions = pd.DataFrame(store.bulk_actions(codes), columns=ACTION_COLUMNS)
    if not actions.empty and any(info[3] for info in templates.values()):
        for column in ("level", "status"):
            actions[column] = [templates[code][3].get(column, {}).get(value, value)
                               for code, value in actions[["code", column]].itertuples(index=False)]
    order = {code: i for i, code in enumerate(codes)}
    points = _in_session_order(points, order)
    actions = _in_session_order(actions, order)
    return TeamData(team, sessions, questions, counts, texts, points, voters, actions, date_from, date_to, templates,
                    values)


def _in_session_order(frame: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    if frame.empty:
        return frame
    frame = frame.assign(_order=frame["code"].map(order))
    return frame.sort_values(["_order", "position"], kind="stable").drop(columns="_order").reset_index(drop=True)


def closed_keys(data: TeamData) -> list[str]:
    """The keys of closed questions in these sessions, in the order of the newest session's template."""
    return _newest_first_order(data.questions[data.questions["type"].isin(CLOSED_TYPES)])


def _newest_first_order(questions: pd.DataFrame) -> list[str]:
    """Keys in the order of the newest session's template, then keys only older sessions had (newest first)."""
    if questions.empty:
        return []
    session = pd.factorize(questions["code"])[0]  # rows are in session order
    ordered = questions.assign(_session=-session, _row=np.arange(len(questions)))
    ordered = ordered.sort_values(["_session", "_row"], kind="stable")
    return list(ordered.drop_duplicates("key")["key"])


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


def mean_interval(values: Iterable[float], confidence: float = CONFIDENCE) -> tuple[float, float, float]:
    """(mean, low, high): the t-interval mean ± t((1+confidence)/2; n−1)·s/√n, s with divisor n−1; n ≥ 2."""
    x = np.asarray(list(values), dtype="float64")
    if len(x) < 2:
        raise ValueError("an interval needs at least two values")
    mean = float(x.mean())
    half = t_quantile(0.5 + confidence / 2, len(x) - 1) * float(x.std(ddof=1)) / math.sqrt(len(x))
    return mean, mean - half, mean + half


# -- Student's t without scipy --------------------------------------------------------------------------------------
def _beta_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes' betacf)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            step = d * c
            h *= step
        if abs(step - 1.0) < 1e-15:
            break
    return h


def _incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: int) -> float:
    """P(T ≤ t) for Student's t with `df` degrees of freedom."""
    tail = 0.5 * _incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


@lru_cache(maxsize=512)
def t_quantile(p: float, df: int) -> float:
    """The t with P(T ≤ t) = p, by bisection on `t_cdf` (to 1e-12); scipy is not a dependency of the kit."""
    if not 0.0 < p < 1.0 or df < 1:
        raise ValueError("t_quantile needs 0 < p < 1 and df >= 1")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(200):
        mid = (low + high) / 2.0
        if t_cdf(mid, df) < p:
            low = mid
        else:
            high = mid
        if high - low < 1e-12:
            break
    return (low + high) / 2.0


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
    size = next(name for limit, name in DELTA_SIZES if abs(delta) < limit)
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


def _pair_shares(counts_a: np.ndarray, counts_b: np.ndarray) -> tuple[float, float]:
    """(P(B > A), P(B < A)) over all pairs, from counts per ordered category."""
    pairs = np.outer(counts_b, counts_a).astype("float64")  # [i, j]: B in category i, A in category j
    total = pairs.sum()
    return float(np.tril(pairs, -1).sum() / total), float(np.triu(pairs, 1).sum() / total)


def _permutation_p(counts_a: np.ndarray, counts_b: np.ndarray) -> tuple[float, bool]:
    pooled = counts_a + counts_b
    midrank = np.cumsum(pooled) - pooled + (pooled + 1) / 2.0  # the mid-rank of each category in the pooled answers
    ranks = np.repeat(midrank, pooled)
    n_a, n_b = int(counts_a.sum()), int(counts_b.sum())
    total = n_a + n_b
    observed = _rank_sum_delta(float(counts_b @ midrank), n_a, n_b)
    if math.comb(total, n_b) <= EXACT_PERMUTATIONS:
        picks = np.fromiter(itertools.chain.from_iterable(itertools.combinations(range(total), n_b)), dtype="int64")
        sums = ranks[picks.reshape(-1, n_b)].sum(axis=1)
        deltas = _rank_sum_delta(sums, n_a, n_b)
        return float(np.mean(np.abs(deltas) >= abs(observed) - 1e-9)), True
    rng = np.random.default_rng(SEED)
    shuffled = rng.permuted(np.broadcast_to(ranks, (RANDOM_PERMUTATIONS, total)), axis=1)
    deltas = _rank_sum_delta(shuffled[:, :n_b].sum(axis=1), n_a, n_b)
    hits = int(np.sum(np.abs(deltas) >= abs(observed) - 1e-9))
    return (hits + 1) / (RANDOM_PERMUTATIONS + 1), False


def _rank_sum_delta(rank_sum_b, n_a: int, n_b: int):
    """Cliff's delta from B's rank sum: U_B = R_B − n_B(n_B+1)/2, delta = 2·U_B/(n_A·n_B) − 1."""
    return 2.0 * (rank_sum_b - n_b * (n_b + 1) / 2.0) / (n_a * n_b) - 1.0


def _bootstrap_interval(counts_a: np.ndarray, counts_b: np.ndarray) -> tuple[float, float]:
    rng = np.random.default_rng(SEED)
    n_a, n_b = int(counts_a.sum()), int(counts_b.sum())
    draws_a = rng.multinomial(n_a, counts_a / n_a, size=BOOTSTRAP_SAMPLES).astype("float64")
    draws_b = rng.multinomial(n_b, counts_b / n_b, size=BOOTSTRAP_SAMPLES).astype("float64")
    k = len(counts_a)
    sign = np.sign(np.subtract.outer(np.arange(k), np.arange(k)))  # [i, j] = sign(i − j)
    deltas = np.einsum("si,ij,sj->s", draws_b, sign, draws_a) / (n_a * n_b)
    low, high = np.quantile(deltas, [(1 - CONFIDENCE) / 2, (1 + CONFIDENCE) / 2])
    return float(low), float(high)


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


# -- recurring themes ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class WordTrends:
    """Words of the open answers, across sessions; each word counted once per answer (`word_frequencies`).

    words:       index word, most recurring first: sessions (in how many sessions it was used), total (answers)
    per_session: index word (same order), one column per session code in date order: answers using the word;
                 <NA> for a session with too few answers
    sessions:    index code: date, label, n (open answers counted), suppressed, note
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
    sessions = data.sessions[["date", "label"]].copy()
    sessions["n"] = answers.reindex(sessions.index, fill_value=0).astype("int64")
    sessions["suppressed"] = sessions["n"] < threshold
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


def ranked_points(data: TeamData, top: int | None = None, min_group: int | None = None) -> pd.DataFrame:
    """The sticker board of every session: its visible points, most stickers first (ties in wall order).

    Columns: code, date, label, rank (1 = most stickers), text, stickers, suppressed. Where fewer than
    `min_group` participants put stickers the ranking is a figure of too few people: rank and stickers are <NA>,
    the points follow the order they were put on the wall, and suppressed is True.
    """
    threshold = min_group_threshold(min_group)
    columns = ["code", "date", "label", "rank", "text", "stickers", "suppressed"]
    visible = data.points[data.points["status"] == "open"]
    if visible.empty:
        return pd.DataFrame(columns=columns)
    order = {code: i for i, code in enumerate(data.codes)}
    suppressed = data.voters.reindex(visible["code"]).fillna(0).to_numpy() < threshold
    ranked = visible.assign(
        suppressed=suppressed,
        _order=visible["code"].map(order).to_numpy(),
        _key=np.where(suppressed, 0, -visible["stickers"].to_numpy()),
    ).sort_values(["_order", "_key", "position"], kind="stable")
    ranked["rank"] = ranked.groupby("code", sort=False).cumcount() + 1
    if top is not None:
        ranked = ranked[ranked["rank"] <= top]
    hidden = ranked["suppressed"].to_numpy()
    result = pd.DataFrame({
        "code": ranked["code"].to_numpy(),
        "date": ranked["code"].map(data.sessions["date"]).to_numpy(),
        "label": ranked["code"].map(data.sessions["label"]).to_numpy(),
        "rank": pd.array(ranked["rank"].to_numpy(), dtype="Int64"),
        "text": ranked["text"].to_numpy(),
        "stickers": pd.array(ranked["stickers"].to_numpy(), dtype="Int64"),
        "suppressed": hidden,
    })
    if hidden.any():
        result.loc[hidden, ["rank", "stickers"]] = pd.NA
    return result[columns]


def points_side_by_side(data: TeamData, top: int = 5, min_group: int | None = None) -> pd.DataFrame:
    """The top of each session's sticker board side by side: index rank 1..top, one column per session label in
    date order; a cell reads 'text (7)'. A session with too few sticker voters shows too_few() in its first row."""
    ranked = ranked_points(data, top, min_group)
    table = pd.DataFrame("", index=pd.RangeIndex(1, top + 1, name="rank"), columns=list(data.sessions["label"]))
    for code, group in ranked.groupby("code", sort=False):
        label = data.sessions.at[code, "label"]
        if group["suppressed"].iloc[0]:
            table.at[1, label] = too_few()
            continue
        for rank, text, stickers in zip(group["rank"], group["text"], group["stickers"]):
            table.at[int(rank), label] = f"{text} ({stickers})"
    return table


# -- action follow-up ---------------------------------------------------------------------------------------------
def similar_text(a: str, b: str, threshold: float = SIMILAR_ACTION) -> bool:
    """The same action or point in other words only slightly: equal after `normalise_text`, or difflib-similar."""
    return _similar_normalised(normalise_text(a), normalise_text(b), threshold)


def _similar_normalised(a: str, b: str, threshold: float = SIMILAR_ACTION) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # The cheap upper bounds first: most pairs of different actions are told apart without the full ratio.
    return (matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold
            and matcher.ratio() >= threshold)


def _close(a: str, b: str, matchers: dict[str, difflib.SequenceMatcher], threshold: float = SIMILAR_ACTION) -> bool:
    """`_similar_normalised` for two different texts, reusing one matcher per `b` (difflib indexes its second
    sequence) and skipping it when the lengths alone rule the pair out."""
    if not b or 2 * min(len(a), len(b)) < threshold * (len(a) + len(b)):
        return False
    matcher = matchers.get(b)
    if matcher is None:
        matcher = matchers[b] = difflib.SequenceMatcher(None, "", b, autojunk=False)
    matcher.set_seq1(a)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def action_followup(data: TeamData) -> pd.DataFrame:
    """Every action of every session, in date order and in the order of the action plan.

    Columns: code, date, label, action_id, text, level, owner, planning, status, done (the status is the
    template's last, 'klaar'), next_code / next_label (the team's next session in this period; missing for the
    last), in_next (a similar action is in the next session's plan), next_text (that action's text), carried
    (there is a next session and the action is in it or was not done: it went along to that session).
    """
    columns = ["code", "date", "label", "action_id", "text", "level", "owner", "planning", "status", "done",
               "next_code", "next_label", "in_next", "next_text", "carried"]
    if data.actions.empty:
        return pd.DataFrame(columns=columns)
    codes = data.codes
    following = dict(zip(codes, codes[1:] + [None]))
    dates, labels = data.sessions["date"].to_dict(), data.sessions["label"].to_dict()
    done_status = {code: data.done_status(code) for code in codes}
    actions = data.actions
    normalised = [normalise_text(text) for text in actions["text"]]
    plans: dict[str, dict[str, str]] = {}  # per session: normalised text -> the text as written (first one)
    for code, text, norm in zip(actions["code"], actions["text"], normalised):
        plans.setdefault(code, {}).setdefault(norm, text)
    matchers: dict[str, difflib.SequenceMatcher] = {}
    close: dict[tuple[str, str], bool] = {}  # the same two texts meet again and again in a long history
    rows = []
    for action, norm in zip(actions.itertuples(index=False), normalised):
        nxt = following[action.code]
        plan = plans.get(nxt, {})
        match = plan.get(norm) if norm else None
        if match is None and norm:
            for other, text in plan.items():
                if (norm, other) not in close:
                    close[norm, other] = _close(norm, other, matchers)
                if close[norm, other]:
                    match = text
                    break
        done = action.status == done_status[action.code]
        rows.append((
            action.code, dates[action.code], labels[action.code], action.action_id, action.text, action.level,
            action.owner, action.planning, action.status, done, nxt, labels.get(nxt), match is not None, match,
            nxt is not None and (match is not None or not done),
        ))
    return pd.DataFrame(rows, columns=columns)


def recurring_points(data: TeamData, top: int = TOP_POINTS, min_group: int | None = None) -> pd.DataFrame:
    """Points that reached the top `top` of the sticker board (with at least one sticker) in more than one session,
    matched on normalised text. Columns: text (as last written), times, codes, labels, ranks (tuples, in date
    order); most frequent first. Sessions whose ranking is suppressed do not count."""
    ranked = ranked_points(data, top, min_group)
    ranked = ranked[~ranked["suppressed"].astype(bool)]
    ranked = ranked[ranked["stickers"].fillna(0).astype("int64") > 0]
    found: dict[str, dict] = {}
    for row in ranked.itertuples(index=False):
        entry = found.setdefault(normalise_text(row.text), {"codes": [], "labels": [], "ranks": [], "text": row.text})
        if row.code in entry["codes"]:
            continue
        entry["codes"].append(row.code)
        entry["labels"].append(row.label)
        entry["ranks"].append(int(row.rank))
        entry["text"] = row.text
    rows = [(e["text"], len(e["codes"]), tuple(e["codes"]), tuple(e["labels"]), tuple(e["ranks"]))
            for e in found.values() if len(e["codes"]) > 1]
    rows.sort(key=lambda r: -r[1])
    return pd.DataFrame(rows, columns=["text", "times", "codes", "labels", "ranks"])


# -- everything at once --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class TrendView:
    """What the trends page and the rapport show for one team and period."""

    data: TeamData
    min_group: int
    skill: list[QuestionSeries]
    school: list[QuestionSeries]
    partners: list[QuestionSeries]
    words: WordTrends
    points: pd.DataFrame  # ranked_points(top=5)
    recurring_points: pd.DataFrame
    actions: pd.DataFrame  # action_followup

    @property
    def team(self) -> str:
        return self.data.team


def trend_view(store, team: str, date_from=None, date_to=None, min_group: int | None = None,
               data: TeamData | None = None) -> TrendView:
    """Load the team's sessions in the period (or take `data`, already loaded) and compute everything the trends
    page shows, with one threshold for all of it."""
    threshold = min_group_threshold(min_group)
    data = data if data is not None else load_team(store, team, date_from, date_to)
    return TrendView(
        data=data,
        min_group=threshold,
        skill=series(data, SKILL_KEY, threshold),
        school=series(data, SCHOOL_KEY, threshold),
        partners=series(data, PARTNERS_KEY, threshold),
        words=recurring_words(data, min_group=threshold),
        points=ranked_points(data, top=5, min_group=threshold),
        recurring_points=recurring_points(data, min_group=threshold),
        actions=action_followup(data),
    )
