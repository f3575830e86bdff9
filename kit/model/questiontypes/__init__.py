"""The question types, by the key a template gives them (`type: scale`).

A type is one module in this package with a `TYPE` object (a `kit.model.questiontypes.base.QuestionType`), and one line
in `MODULES` below. Everything in the kit that depends on the kind of question (the template checker, answer
validation, the projector's chart, the exports, the verslag, trends, the phone's widget) asks the type through
`question_type(...)`; docs/trainers.md ("Een vraagtype toevoegen") says what a new type must define.
"""

from __future__ import annotations

from importlib import import_module

from kit.model.questiontypes.base import QuestionType

MODULES = (
    "kit.model.questiontypes.ordered",
    "kit.model.questiontypes.choice",
    "kit.model.questiontypes.scale",
    "kit.model.questiontypes.open",
    "kit.model.questiontypes.hundred_points",
)

_TYPES: dict[str, QuestionType] = {}


def register(qtype: QuestionType) -> QuestionType:
    if not qtype.key or qtype.key in _TYPES:
        raise ValueError(f"question type {qtype.key!r} has no key or is registered twice")
    _TYPES[qtype.key] = qtype
    return qtype


def question_type(question_or_key) -> QuestionType:
    """The type of a question (or of a type key); KeyError for a key nobody registered."""
    return _TYPES[getattr(question_or_key, "type", question_or_key)]


def type_keys() -> tuple[str, ...]:
    """Every registered type key, in the order of `MODULES` (the order the template checker lists them)."""
    return tuple(_TYPES)


def all_types() -> tuple[QuestionType, ...]:
    return tuple(_TYPES.values())


for _module in MODULES:
    register(import_module(_module).TYPE)
