"""Every registered question type has an entry in `kit.analysis.by_type.ANALYSIS` (the caption, trend series and legend labels): a new type without one fails
here, not in a session. A type that behaves as a closed question lists the closed default on purpose."""

from kit.model.questiontypes import type_keys
from kit.analysis.by_type import ANALYSIS


def test_every_question_type_has_an_entry():
    assert tuple(ANALYSIS) == type_keys()
