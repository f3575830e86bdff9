"""The template checker's rules per question type, keyed by type key (`kit.model.questiontypes`): what a JSON
Schema cannot say about a type's fields (min below max, options unique whatever their case).

Each rule is called as `rule(reader, path, question)` with the checker (`kit.authoring.loader`), the question's
JSON path and its plain data, and reports through the checker's public `reader.problem(path, at, name, **values)`.
The schema has checked the fields' shapes already, but a field may still be missing or wrong: check before use.
`RULES` lists every registered type (tests/unit/authoring/test_type_rules.py fails when one is missing); a closed
question whose answers are one of a few options uses `closed_rules`, the default.
"""

from __future__ import annotations

from kit.model.questiontypes.hundred_points import MAX_OPTIONS

MAX_SCALE_STEPS = 11


def closed_rules(reader, path: tuple, question: dict) -> None:
    """The closed default: options differ from each other whatever their case ('Vaak' and 'vaak' would be one
    answer twice)."""
    options = question.get("options")
    if not isinstance(options, list):
        return
    seen: dict[str, int] = {}
    for number, option in enumerate(options, 1):
        if not isinstance(option, str) or not option.strip():
            continue
        folded = option.strip().casefold()
        if folded in seen:
            reader.problem(path, ("options", number - 1), "check.option_twice", option=option.strip(),
                           first=seen[folded])
        else:
            seen[folded] = number


def scale_rules(reader, path: tuple, question: dict) -> None:
    """min below max, and no more steps than fit on a phone."""
    low, high = question.get("min"), question.get("max")
    if not (_whole(low) and _whole(high)):
        return
    if low >= high:
        reader.problem(path, ("max",), "check.scale_order", low=low, high=high)
    elif high - low + 1 > MAX_SCALE_STEPS:
        reader.problem(path, ("max",), "check.scale_steps", low=low, high=high, steps=high - low + 1,
                       most=MAX_SCALE_STEPS)


def open_rules(reader, path: tuple, question: dict) -> None:
    """Nothing beyond the schema: max_length and private are checked there."""


def points_rules(reader, path: tuple, question: dict) -> None:
    """The closed rules, and no more options than fit a phone with their buttons."""
    closed_rules(reader, path, question)
    options = question.get("options")
    if isinstance(options, list) and len(options) > MAX_OPTIONS:
        reader.problem(path, ("options",), "check.punten_options", most=MAX_OPTIONS, n=len(options))


RULES = {
    "ordered": closed_rules,
    "choice": closed_rules,
    "scale": scale_rules,
    "open": open_rules,
    "punten": points_rules,
}


def check_question(reader, path: tuple, question: dict) -> None:
    """The rules of the question's type; a type the schema does not know was reported already."""
    rules = RULES.get(question.get("type"))
    if rules is not None:
        rules(reader, path, question)


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
