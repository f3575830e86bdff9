"""The question-type registry: every kind of question is decided by its type module or by a layer's table keyed by
type (kit/*/by_type.py, kit/authoring/type_rules.py), nowhere else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kit
from kit.model.template import QUESTION_TYPES, Question
from kit.model.questiontypes import QuestionType, all_types, question_type, register
from kit.authoring import loader

KIT = Path(kit.__file__).parent
# `question.type == "scale"`, `q.type in (...)`, `type != "open"`, a dict keyed by type names.
# Each layer's table keyed by type key (tests/unit/<layer>/test_by_type.py: every type has an entry).
TYPE_TABLES = ("by_type.py", "type_rules.py")
TYPE_DISPATCH = re.compile(r"""\.type\s*(==|!=|in\b|not in\b)|type"\]\s*==|"(ordered|choice|scale|open)"\s*:""")


def test_no_question_type_is_decided_outside_its_module():
    offenders = []
    for path in KIT.rglob("*.py"):
        if "questiontypes" in path.parts or path.name in TYPE_TABLES:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if TYPE_DISPATCH.search(line) and "status" not in line.lower():  # a point's status may be "open"
                offenders.append(f"{path.relative_to(KIT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_template_checker_offers_every_registered_type(tmp_path):
    assert QUESTION_TYPES == tuple(kind.key for kind in all_types())
    path = tmp_path / "sjabloon.yaml"
    path.write_text("schema_version: 1\nname: t\ntitle: T\nblocks:\n  - key: b\n    title: B\n    minutes: 5\n"
                    "    questions:\n      - key: q\n        type: rangorde\n        text: Wat?\n", encoding="utf-8")
    for lang in ("nl", "en"):
        [problem] = loader.check_file(path, lang=lang)
        assert problem.line == 10
        assert all(f"{kind.key} (" in problem.message for kind in all_types()), problem.message


def test_every_registered_type_has_its_fields_in_the_schema():
    """A type's fields are those of its $defs entry, and the schema dispatches on exactly the registered types."""
    schema = loader.schema()
    question = schema["$defs"]["question"]
    assert tuple(question["properties"]["type"]["enum"]) == QUESTION_TYPES
    dispatched = [rule["if"]["properties"]["type"]["const"] for rule in question["allOf"]]
    assert dispatched == list(QUESTION_TYPES)
    for kind in all_types():
        own = schema["$defs"][f"question_{kind.key}"]
        assert set(own["properties"]) - {"key", "type", "text", "mapping"} == set(kind.fields), kind.key
        assert set(own.get("required", ())) == set(kind.required), kind.key


def test_a_type_key_is_registered_once():
    with pytest.raises(ValueError):
        register(question_type("scale"))
    with pytest.raises(ValueError):
        register(QuestionType())


def test_a_question_round_trips_through_its_type():
    scale = Question("s", "scale", "Hoe?", scale_min=0, scale_max=3, min_label="laag", max_label="hoog")
    assert Question.from_dict(scale.to_dict()) == scale
    assert scale.answer_options == ("0", "1", "2", "3")
    assert question_type("open").answer_options(Question("o", "open", "Wat?")) == ()
