"""Every registered question type has its template rules in `kit.authoring.type_rules.RULES` (a type with nothing
beyond the schema lists a rule that does nothing, on purpose), and the rules report through the checker."""

import pytest

from kit.authoring import loader
from kit.authoring.type_rules import RULES
from kit.model.questiontypes import type_keys


def test_every_question_type_has_its_rules():
    assert tuple(RULES) == type_keys()


@pytest.mark.parametrize("fields,line,words", [
    ("type: choice\n        options: [Vaak, vaak]", 11, "vaak"),
    ("type: scale\n        min: 5\n        max: 1", 12, "5"),
])
def test_a_rule_reports_on_the_line_of_its_field(tmp_path, fields, line, words):
    path = tmp_path / "sjabloon.yaml"
    path.write_text("schema_version: 1\nname: t\ntitle: T\nblocks:\n  - key: b\n    title: B\n    minutes: 5\n"
                    f"    questions:\n      - key: q\n        {fields}\n        text: Wat?\n", encoding="utf-8")
    [problem] = loader.check_file(path)
    assert (problem.line, "vraag 'q'" in problem.message, words in problem.message) == (line, True, True)
