"""The question-type registry: every kind of question is decided by its type module, nowhere else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kit
from kit.model.template import QUESTION_TYPES, Question
from kit.questiontypes import QuestionType, all_types, question_type, register
from kit.templates import loader

KIT = Path(kit.__file__).parent
# `question.type == "scale"`, `q.type in (...)`, `type != "open"`, a dict keyed by type names.
TYPE_DISPATCH = re.compile(r"""\.type\s*(==|!=|in\b|not in\b)|type"\]\s*==|"(ordered|choice|scale|open)"\s*:""")


def test_no_question_type_is_decided_outside_its_module():
    offenders = []
    for path in KIT.rglob("*.py"):
        if "questiontypes" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if TYPE_DISPATCH.search(line) and "status" not in line.lower():  # a point's status may be "open"
                offenders.append(f"{path.relative_to(KIT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_template_checker_offers_every_registered_type():
    assert QUESTION_TYPES == tuple(kind.key for kind in all_types())
    for kind in all_types():
        assert kind.help.startswith(kind.key) and kind.help in loader.TYPE_HELP
        assert set(kind.required) <= set(kind.fields)


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
