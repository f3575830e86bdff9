"""`teamleergesprek` (also `python -m kit`): create, serve, export and check, with `--db` anywhere.

Each command is declared once, next to its function (kit.cli.registry's `@command`), in a module per group:
session (new, serve, voorbereiden), templates (template copy, check), documents (export, verslag, rapport),
history (demo, import, trends), admin (delete, purge, backup), lab (JupyterLab). This module runs them.
"""

from __future__ import annotations

import argparse
import sys

# Each module declares its commands; `--help` lists them in this order.
from kit.cli import session, templates, documents, history, admin, lab  # noqa: F401,I001
from kit.cli.common import UserError
from kit.cli.registry import COMMANDS, build_parser
from kit.cli.session import DEMO_TEAM, _session_to_serve, create_session
from kit.i18n import command_language, languages, t
from kit.store import StoreError

__all__ = ["COMMANDS", "DEMO_TEAM", "UserError", "build_parser", "create_session", "main", "_session_to_serve"]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # --lang reaches this process and the servers and kernels it starts, for this command only; it is read before
    # the parser is built, so that --help and argparse's own messages speak it too.
    with command_language(_lang_in(argv)), argparse_in_catalog():
        args = build_parser().parse_args(argv)
        try:
            return args.run(args)
        except (UserError, StoreError) as error:
            print(t("cli.error", error=error), file=sys.stderr)
            return 2


def _lang_in(argv: list[str]) -> str | None:
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    lang = early.parse_known_args(argv)[0].lang
    return lang if lang in languages() else None  # an unknown one: the real parser says which there are


class argparse_in_catalog:
    """argparse's own messages ("the following arguments are required: …") from the catalog's `argparse.*` keys,
    by its gettext hook (`argparse._`), for the length of one command."""

    MESSAGES = {
        "usage: ": "cli.argparse.usage",
        "the following arguments are required: %s": "cli.argparse.required",
        "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
        "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
        "unrecognized arguments: %s": "cli.argparse.unrecognized",
        "expected one argument": "cli.argparse.expected_one",
        "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
        "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    }

    def __enter__(self):
        self.before = argparse._
        argparse._ = lambda text: t(self.MESSAGES[text]) if text in self.MESSAGES else self.before(text)

    def __exit__(self, *exc):
        argparse._ = self.before
