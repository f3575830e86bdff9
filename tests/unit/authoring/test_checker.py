"""The checker's public reporting, which the question types' own checks call (`check(reader, path, question)`)."""

from pathlib import Path

from kit.authoring.checker import TemplateChecker
from kit.authoring.loader import TEMPLATE_DIR

SHIPPED = TEMPLATE_DIR / "teamleergesprek.nl.yaml"


def checked() -> TemplateChecker:
    checker = TemplateChecker(str(SHIPPED), "nl")
    assert checker.check(Path(SHIPPED), None) is not None and checker.problems == []
    return checker


def test_report_at_a_path_names_the_line_of_the_value_there():
    checker = checked()
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    path = ("blocks", 0, "title")
    checker.report(path, checker.where(path[:2]) + "iets")
    [problem] = checker.problems
    assert problem.file == str(SHIPPED) and problem.message.endswith("iets")
    assert lines[problem.line - 1].strip().startswith("title:")
    assert problem.line == checker.line(path)


def test_report_takes_a_line_or_nothing_as_before():
    checker = checked()
    checker.report(7, "op regel 7")
    checker.report(None, "zonder regel")
    checker.report(("bestaat", "niet"), "onbekend pad")
    assert [(p.line, p.message) for p in checker.problems] == [(7, "op regel 7"), (None, "zonder regel"),
                                                           (None, "onbekend pad")]
