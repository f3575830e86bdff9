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
showed. An answer kept off the screen never shows up here. A session's words count only when at least the
threshold of different participants wrote them: one person answering five open questions is not five people.
"""

from __future__ import annotations

# The package's modules, from the bottom up: common (threshold, keys, shared helpers), stats (t, Cliff's delta),
# load (TeamData), question_series, before_after, words, board, actions, view. Callers import from here.
from kit.i18n import long_date, short_date
from kit.analysis.trends.common import (
    CLOSED_TYPES, MIN_GROUP, MIN_GROUP_ENV, PARTNERS_KEY, SCHOOL_KEY, SERIES_TYPES, SKILL_KEY, TEXT_TYPES, VALUE_TYPES,
    describe_signature, min_group_threshold, normalise_text, signature, too_few,
)
from kit.analysis.trends.stats import (
    BOOTSTRAP_SAMPLES, CONFIDENCE, DELTA_SIZES, EXACT_PERMUTATIONS, RANDOM_PERMUTATIONS, SEED, delta_size,
    mean_interval, pair_counts, t_cdf, t_quantile,
)
from kit.analysis.trends.load import (
    ACTION_COLUMNS, COUNT_COLUMNS, POINT_COLUMNS, QUESTION_COLUMNS, SESSION_COLUMNS, TEXT_COLUMNS, TeamData,
    closed_keys, load_team,
)
from kit.analysis.trends.question_series import (
    MeanSeries, QuestionSeries, Series, changed_note, count_series, mean_series, scale_stats, series, series_keys,
    session_frame,
)
from kit.analysis.trends.before_after import Comparison, compare, comparison
from kit.analysis.trends.words import WordTrends, open_keys, recurring_words
from kit.analysis.trends.board import TOP_POINTS, points_side_by_side, ranked_points, recurring_points
from kit.analysis.trends.actions import SIMILAR_ACTION, action_followup, similar_text
from kit.analysis.trends.view import TrendView, trend_view

__all__ = [
    'long_date', 'short_date', 'CLOSED_TYPES', 'MIN_GROUP', 'MIN_GROUP_ENV', 'PARTNERS_KEY', 'SCHOOL_KEY',
    'SERIES_TYPES', 'SKILL_KEY', 'TEXT_TYPES', 'VALUE_TYPES', 'describe_signature', 'min_group_threshold',
    'normalise_text', 'signature', 'too_few', 'BOOTSTRAP_SAMPLES', 'CONFIDENCE', 'DELTA_SIZES',
    'EXACT_PERMUTATIONS', 'RANDOM_PERMUTATIONS', 'SEED', 'delta_size', 'mean_interval', 'pair_counts', 't_cdf',
    't_quantile', 'ACTION_COLUMNS', 'COUNT_COLUMNS', 'POINT_COLUMNS', 'QUESTION_COLUMNS', 'SESSION_COLUMNS',
    'TEXT_COLUMNS', 'TeamData', 'closed_keys', 'load_team', 'MeanSeries', 'QuestionSeries', 'Series', 'changed_note',
    'count_series', 'mean_series', 'scale_stats', 'series', 'series_keys', 'session_frame', 'Comparison', 'compare',
    'comparison', 'WordTrends', 'open_keys', 'recurring_words', 'TOP_POINTS', 'points_side_by_side',
    'ranked_points', 'recurring_points', 'SIMILAR_ACTION', 'action_followup', 'similar_text', 'TrendView',
    'trend_view'
]
