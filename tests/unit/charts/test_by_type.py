"""Every registered question type has an entry in `kit.charts.by_type.CHARTS` (the projector's figure and the trend figure): a new type without one fails
here, not in a session. A type that behaves as a closed question lists the closed default on purpose."""

from kit.model.questiontypes import type_keys
from kit.charts.by_type import CHARTS


def test_every_question_type_has_an_entry():
    assert tuple(CHARTS) == type_keys()
