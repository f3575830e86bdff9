"""Every registered question type has an entry in `kit.widgets.by_type.VIEWS` (the phone's view): a new type without one fails
here, not in a session. A type that behaves as a closed question lists the closed default on purpose."""

from kit.model.questiontypes import type_keys
from kit.widgets.by_type import VIEWS


def test_every_question_type_has_an_entry():
    assert tuple(VIEWS) == type_keys()
