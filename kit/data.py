"""The kit's data as tidy pandas DataFrames, for your own analysis in Jupyter (docs/analyse.md, in Dutch).

    >>> from kit import data
    >>> answers = data.answers(team="Team Noord")            # doctest: +SKIP
    >>> answers.groupby("session", observed=True)["number"].mean()   # doctest: +SKIP

Every function takes the same four arguments:

- `team`: one team's name, a list of names, or None for every team;
- `since`, `until`: the first and the last day, inclusive ('2025-09-01', a `date`, or None for no limit);
- `db`: a database URL, an open `kit.store.Store`, or None for the kit's database (as every command finds it:
  `TEAMLEERGESPREK_DB`, else `sqlite:///data/teamleergesprek.sqlite`).

Each returns one row per thing, in session order (date, then creation order). Column names are English;
`session` is the session code as an ordered categorical in that session order, `date` a pandas datetime (the
day of the session), `team` text. Options are ordered categoricals in the template's order.

Privacy. These functions return what the store holds, as `teamleergesprek export` does: a participant is only a
random pseudonym that means nothing outside its session; nobody's name is stored. A personal intention (a private
question) appears only where its author shared it. This is the school's own data: keep it on the school's laptop.
Any figure you show or pass on must come from at least the minimum group of different people
(`TEAMLEERGESPREK_MIN_GROUP`, default 5): use `enough_people` or `summary`, which count distinct participants,
not answers.
"""

from __future__ import annotations

import pandas as pd

from kit.analysis import tidy
from kit.analysis.trends.common import min_group_threshold

__all__ = ["sessions", "answers", "points", "actions", "worksheets", "route_map", "enough_people", "summary",
           "min_group"]


def sessions(team=None, since=None, until=None, db=None) -> pd.DataFrame:
    """One row per session.

    Columns: `session` (the code), `team`, `date`, `template` (the template's name), `language` ('nl' or 'en'),
    `status` ('open' while it runs, 'closed' after Sessie afsluiten), `participants` (how many different
    participants answered at least one question).

    >>> data.sessions(team="Team Noord")[["session", "date", "participants"]]   # doctest: +SKIP
    """
    return tidy.sessions(team, since, until, db)


def answers(team=None, since=None, until=None, db=None, question: str | None = None) -> pd.DataFrame:
    """One row per answer to a poll question (Startoefening, Werkvorm 4, Afsluiting, ...).

    Columns: `session`, `team`, `date`, `block` (the agenda block's key), `question` (the question's key, e.g.
    'vaardigheid'), `question_text`, `type` ('ordered', 'scale', 'choice', 'open', 'punten'), `value` (the answer as
    stored: the option, the scale's number as text, the open text, or for 'punten' JSON of option -> points),
    `number` (float: a scale's number, or an ordered question's rank counted from its weakest option, 1, up, so a
    higher number is always the better end; NaN for other types), `participant` (the pseudonym within the session),
    `shown` (the facilitator let this open answer through to the room).

    With `question`, only that question's answers, and `value` is an ordered categorical in the template's order of
    options (the standard template lists the best option first).

    >>> skill = data.answers(team="Team Noord", question="vaardigheid")   # doctest: +SKIP
    >>> skill.groupby("session", observed=True)["number"].mean()           # doctest: +SKIP
    """
    return tidy.answers(team, since, until, db, question)


def points(team=None, since=None, until=None, db=None) -> pd.DataFrame:
    """One row per post-it of Werkvorm 5.

    Columns: `session`, `team`, `date`, `point` (its number in the session, in the order of posting, from 1: the
    `punt:<n>` of the export), `text`, `stickers` (everyone's stickers together; who put them is not kept),
    `status` ('open', 'hidden', 'merged'), `shown` (still on the board: status 'open'), `merged_into` (the number
    of the point it was merged into, else <NA>).

    >>> data.points(team="Team Noord").nlargest(5, "stickers")   # doctest: +SKIP
    """
    return tidy.points(team, since, until, db)


def actions(team=None, since=None, until=None, db=None) -> pd.DataFrame:
    """One row per action of the action plan.

    Columns: `session`, `team`, `date`, `action` (its number in the session, from 1), `text`, `level` (ordered as
    the template's levels), `owner` (a role, not a name), `planning`, `status` (ordered as the template's statuses,
    e.g. nog niet gestart < bezig < klaar), `done` (the status is the template's last one), `point` (the number of
    the point it came from, else <NA>).

    >>> data.actions(team="Team Noord").groupby("status", observed=True).size()   # doctest: +SKIP
    """
    return tidy.actions(team, since, until, db)


def worksheets(team=None, since=None, until=None, db=None) -> pd.DataFrame:
    """One row per answer on a Werkvorm 3 worksheet (a group that chose a case but wrote nothing has one row with
    empty step and answer).

    Columns: `session`, `team`, `date`, `group` (the name the group chose), `case` (its key), `case_title`,
    `step` (the meldcode step's key), `step_title`, `question_number` (from 1 within the step), `question_text`,
    `answer`.
    """
    return tidy.worksheets(team, since, until, db)


def route_map(team=None, since=None, until=None, db=None) -> pd.DataFrame:
    """One row per item on the route map of Werkvorm 3.

    Columns: `session`, `team`, `date`, `step`, `step_title`, `category` (ordered: positief, aandacht,
    sleutelfiguren), `text`.
    """
    return tidy.route_map(team, since, until, db)


def min_group(value: int | None = None) -> int:
    """The minimum group: `value` if given, else `TEAMLEERGESPREK_MIN_GROUP`, else 5."""
    return min_group_threshold(value)


def enough_people(frame: pd.DataFrame, by="session", min_group: int | None = None,
                  participant: str = "participant") -> pd.DataFrame:
    """Only the rows of the groups with at least the minimum number of different participants.

    `by` is a column or a list of columns (e.g. "session", or ["session", "question"]); people are counted as
    distinct values of `participant`, so one person answering five questions is one person. Use it before
    you count, average or draw anything you will show.

    >>> shown = data.enough_people(data.answers(team="Team Noord", question="vaardigheid"))   # doctest: +SKIP
    """
    return tidy.enough_people(frame, by, min_group, participant)


def summary(question: str, by="session", team=None, since=None, until=None, db=None,
            min_group: int | None = None, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """What may be shown of one question: per group (`by`, default per session) and per option a row with
    `n` (different participants), `suppressed`, `option`, `count`, `share` (0-1), and for an ordered or scale
    question `mean` of `number` with `low` and `high`, its 95% t-interval (NaN with one answer or no spread).
    A group of fewer people than the minimum keeps only `n`, with `suppressed` True. Per session (`by="session"`)
    a `date` column follows `session`.

    The trends page's charts draw it as they draw the page (`kit.charts.trend_charts.diverging_bars`,
    `mean_over_time`, `stacked_bars`): the table carries its question in `attrs`.

    `frame`: answers you already loaded (`answers(...)`), instead of reading them again.

    >>> data.summary("tevredenheid_school", team="Team Noord")   # doctest: +SKIP
    >>> from kit.charts import trend_charts                                                    # doctest: +SKIP
    >>> trend_charts.mean_over_time(data.summary("tevredenheid_school", team="Team Noord"))   # doctest: +SKIP
    """
    return tidy.summary(question, by, team, since, until, db, min_group, frame)
