"""Everything the trends page and the rapport show for one team and period, computed at once."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kit.analysis.trends.actions import action_followup
from kit.analysis.trends.board import ranked_points, recurring_points
from kit.analysis.trends.common import PARTNERS_KEY, SCHOOL_KEY, SKILL_KEY, min_group_threshold
from kit.analysis.trends.load import TeamData, load_team
from kit.analysis.trends.question_series import QuestionSeries, series
from kit.analysis.trends.words import WordTrends, recurring_words

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
