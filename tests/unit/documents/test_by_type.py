"""Every registered question type has an entry in `kit.documents.by_type.DOCUMENTS` (the verslag's note, the spreadsheet cell and the CSV's summary rows): a new type without one fails
here, not in a session. A type that behaves as a closed question lists the closed default on purpose."""

from kit.model.questiontypes import type_keys
from kit.documents.by_type import DOCUMENTS


def test_every_question_type_has_an_entry():
    assert tuple(DOCUMENTS) == type_keys()
