"""One place per command: `@command(...)` declares the words a user types, its help and its arguments next to the
function that runs it; `build_parser()` turns the table into argparse, in the order the commands were declared.

Why argparse and not click: the kit needs a handful of options per command and no plugins, argparse is in the
standard library (no dependency for a laptop at a school), and the README's command table is tested against its
usage lines. Every help text is a catalog key (kit.i18n), so `--help` speaks the command's `--lang`; `--db` and
`--lang` are declared here once for every command.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import Callable

from kit.i18n import languages, t


@dataclass(frozen=True)
class Arg:
    flags: tuple[str, ...]
    help: str | None  # a catalog key
    options: dict


def arg(*flags: str, help: str | None = None, **options) -> Arg:
    """One argument of a command, as for argparse's add_argument, with `help` a catalog key."""
    return Arg(flags, help, options)


def lang(help: str = "cli.help.lang") -> Arg:
    """`--lang` at this place in the usage line (a command without one gets it at the end, with the general help)."""
    return Arg(("--lang",), help, {})


@dataclass
class Command:
    words: tuple[str, ...]  # ("template", "copy")
    help: str
    run: Callable[[argparse.Namespace], int]
    arguments: tuple[Arg, ...] = field(default=())


COMMANDS: dict[str, Command] = {}  # "template copy" -> Command, in the order of declaration
GROUPS: dict[str, str] = {}  # a first word with commands under it ("template") -> its help key


def command(*words: str, help: str, args: tuple[Arg, ...] = ()):
    """Declare the function below as the command `teamleergesprek <words>`."""
    def declare(run):
        COMMANDS[" ".join(words)] = Command(words, help, run, tuple(args))
        return run
    return declare


def group(word: str, help: str) -> None:
    GROUPS[word] = help


class HelpFormatter(argparse.HelpFormatter):
    """The catalog's words for argparse's framing, and each option's default where it has one."""

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, t("cli.argparse.usage") if prefix is None else prefix)

    def _get_help_string(self, action):
        text = action.help or ""
        default = action.default
        if (default not in (None, False, argparse.SUPPRESS) and action.option_strings and "%(default)" not in text
                and not isinstance(action, argparse._HelpAction)):
            text = f"{text} {t('cli.help.default', default=default)}".strip()
        return text


def _framed(parser: argparse.ArgumentParser, db_default) -> argparse.ArgumentParser:
    """-h and --db on every parser: --db before the command (default None) or after it (SUPPRESS keeps the one
    given before the command when it is not repeated)."""
    from kit.store import DEFAULT_DB_URL

    parser._positionals.title = t("cli.argparse.positionals")
    parser._optionals.title = t("cli.argparse.options")
    parser.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=t("cli.argparse.help"))
    parser.add_argument("--db", default=db_default, metavar="URL", help=t("cli.help.db", default=DEFAULT_DB_URL))
    return parser


def _add(parser: argparse.ArgumentParser, argument: Arg) -> None:
    options = dict(argument.options)
    if argument.flags == ("--lang",):
        options = {"choices": languages(), "default": None}
    parser.add_argument(*argument.flags, help=t(argument.help) if argument.help else None, **options)


def build_parser() -> argparse.ArgumentParser:
    parser = _framed(argparse.ArgumentParser(prog="teamleergesprek", description=t("cli.help.description"),
                                             formatter_class=HelpFormatter, add_help=False), None)
    subparsers: dict[tuple[str, ...], argparse._SubParsersAction] = {}

    def under(words: tuple[str, ...]) -> argparse._SubParsersAction:
        if words not in subparsers:
            host = parser if not words else groups[words]
            subparsers[words] = host.add_subparsers(dest="command" if not words else "_".join(words) + "_command",
                                                    required=True, metavar=t("cli.argparse.command"),
                                                    title=t("cli.argparse.commands"))
        return subparsers[words]

    groups: dict[tuple[str, ...], argparse.ArgumentParser] = {}
    for cmd in COMMANDS.values():
        for depth in range(1, len(cmd.words)):
            words = cmd.words[:depth]
            if words not in groups:
                groups[words] = _subparser(under(words[:-1]), words[-1], GROUPS[" ".join(words)])
        sub = _subparser(under(cmd.words[:-1]), cmd.words[-1], cmd.help)
        for argument in cmd.arguments:
            _add(sub, argument)
        if not any(a.flags == ("--lang",) for a in cmd.arguments):
            _add(sub, lang())
        sub.set_defaults(run=cmd.run)
    return parser


def _subparser(action, word: str, help_key: str) -> argparse.ArgumentParser:
    return _framed(action.add_parser(word, help=t(help_key), description=t(help_key), formatter_class=HelpFormatter,
                                     add_help=False), argparse.SUPPRESS)
