"""The README's table of commands is what `teamleergesprek --help` and each subcommand's `--help` say: a command or
option added to (or removed from) the parser without the README fails here. Each row's command is the usage line
of that subcommand without `[-h]` and `[--db URL]` (which the text above the table explains once)."""

import argparse
import re
from pathlib import Path

import pytest

from kit.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def commands(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()):
    """(words, parser) of every command a person can run, `template copy` included."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*words, name))
            return
    yield words, parser


def synopsis(parser: argparse.ArgumentParser) -> str:
    from kit.i18n import t

    usage = " ".join(parser.format_usage().split()).removeprefix(t("cli.argparse.usage").strip()).strip()
    return usage.replace(" [-h]", "").replace(" [--db URL]", "")


PARSED = {" ".join(words): synopsis(parser) for words, parser in commands(build_parser())}


def section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## Opdrachten", 1)[1].split("\n## ", 1)[0]


def rows() -> dict[str, tuple[str, str]]:
    """Command words (`serve`, `template copy`) -> (the row's command, the row's description)."""
    found = {}
    for command, description in re.findall(r"^\| `(teamleergesprek [^`]+)` \| (.*) \|$", section(), flags=re.M):
        words = command.split()[1:3]
        found[" ".join(words) if " ".join(words) in PARSED else words[0]] = (command, description)
    return found


def test_the_parser_has_the_commands_people_expect():
    assert {"serve", "delete", "purge", "backup", "demo", "import", "trends", "rapport", "verslag",
            "template copy"} <= set(PARSED)


@pytest.mark.parametrize("words", sorted(PARSED))
def test_every_command_has_a_readme_row_with_its_exact_usage(words):
    table = rows()
    assert words in table, f"README.md has no row for `teamleergesprek {words}`; add: `{PARSED[words]}`"
    command, description = table[words]
    assert command == PARSED[words], f"README.md row differs from --help:\n  README: {command}\n  --help: {PARSED[words]}"
    assert description.strip(), f"the README row for {words} says nothing about what it does"


def test_no_readme_row_for_a_command_that_does_not_exist():
    assert set(rows()) <= set(PARSED)


def test_the_readme_explains_db_once_and_links_the_deployment_guide():
    assert "`--db URL`" in section() and "postgresql://" in section()
    assert "(docs/deploy.md)" in README.read_text(encoding="utf-8")
    assert (README.parent / "docs" / "deploy.md").is_file()


def test_every_option_in_the_deployment_guide_exists():
    """docs/deploy.md is copied into a school board's shell scripts: an option it names must be one serve knows."""
    guide = (README.parent / "docs" / "deploy.md").read_text(encoding="utf-8")
    used = re.findall(r"teamleergesprek ([a-z]+)((?: (?!teamleergesprek)[^\s`]+)*)", guide)
    assert {"serve", "new", "delete", "purge"} <= {command for command, _ in used}
    for command, rest in used:
        assert command in PARSED, f"docs/deploy.md names `teamleergesprek {command}`, which does not exist"
        for option in re.findall(r"--[a-z-]+", rest):
            known = {"--db", *re.findall(r"--[a-z-]+", PARSED[command])}
            assert option in known, f"`teamleergesprek {command} {option}` in docs/deploy.md is not an option"
