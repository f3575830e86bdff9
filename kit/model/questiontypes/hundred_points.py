"""punten: each participant divides 100 points over the options ("verdeel 100 punten"): more points for what
matters more to them. Where `choice` asks for one pick, this shows how strongly the room leans, which makes it a
good last question before choosing what to work on.

Stored as JSON text of option -> points, every option in the template's order, zeros included:
``{"scholing": 50, "overleg": 30, "ouders": 20}``. The kernel accepts only that: known options, whole numbers
of 0 or more, together exactly `TOTAL`; anything else a browser sends is refused with the reason.

On the phone (`kit.widgets.hundred_points`): one row per option with big − and + buttons (steps of `STEP`), the
points left in large type, and Verstuur only when all points are divided. On the projector and in the verslag
(`kit.charts.by_type`, `kit.documents.by_type`): the mean points per option, highest first, as bars with their
value. In trends (`kit.analysis.by_type`): the mean per option per session (they add up to 100, so a session is one
bar of 100).
"""

from __future__ import annotations

import json

from kit.i18n import t
from kit.model.text import AnswerRejected
from kit.model.questiontypes.choice import ChoiceType

TOTAL = 100
STEP = 10
# More rows than this do not fit a phone screen with their buttons, and 100 points spread thinner say little.
MAX_OPTIONS = 8


class PuntenType(ChoiceType):
    key = "punten"
    help = f"punten (deelnemers verdelen {TOTAL} punten over de opties)"
    noun = f"een vraag om {TOTAL} punten te verdelen"
    answers_noun = "verdeelde punten"
    descending = True
    incomparable = "trends.reason_points"
    trend_source = "values"

    # -- model ------------------------------------------------------------------------------------------------------
    def answer_options(self, question):
        return ()  # an answer is a division over all options, not one of them

    def normalise(self, question, raw):
        points = parse(question, raw)
        return json.dumps({option: points.get(option, 0) for option in question.options}, ensure_ascii=False)



def parse(question, raw) -> dict[str, int]:
    """The points per option in `raw` (a dict, or its JSON text), or AnswerRejected."""
    if isinstance(raw, str):
        # Longer than the longest honest answer (every option escaped, 3 digits each): not worth parsing.
        if len(raw) > 16 * sum(len(o) + 8 for o in question.options) + 64:
            raise AnswerRejected(t("answer.points_invalid"))
        try:
            raw = json.loads(raw, object_pairs_hook=_no_duplicates)
        except (ValueError, RecursionError):
            raise AnswerRejected(t("answer.points_invalid")) from None
    if not isinstance(raw, dict) or not raw or any(option not in question.options for option in raw):
        raise AnswerRejected(t("answer.points_invalid"))
    if any(isinstance(p, bool) or not isinstance(p, int) or p < 0 for p in raw.values()):
        raise AnswerRejected(t("answer.points_whole"))
    given = sum(raw.values())
    if given != TOTAL:
        raise AnswerRejected(t("answer.points_total", total=TOTAL, n=given))
    return dict(raw)


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("an option twice")
    return dict(pairs)


def stored(question, value) -> dict[str, int] | None:
    """A stored answer read back; None for anything that is not one (it is then left out of every figure)."""
    try:
        return parse(question, value)
    except AnswerRejected:
        return None


def mean_points(question, values) -> tuple[int, dict[str, float]]:
    """(number of answers, mean points per option in the template's order); means 0 without answers."""
    answers = [points for points in (stored(question, v) for v in values) if points is not None]
    n = len(answers)
    return n, {option: (sum(a.get(option, 0) for a in answers) / n if n else 0.0) for option in question.options}


TYPE = PuntenType()
