"""A trainer's own templates: `template copy` (start one) and `check` (file, line and what to change)."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.cli.common import UserError
from kit.cli.registry import arg, command, group, lang
from kit.cli.session import TEMPLATES
from kit.i18n import language, t
from kit.store import Store, resolve_db_url

group("template", help="cli.help.template")


@command("template", "copy", help="cli.help.template_copy", args=(
    TEMPLATES,
    arg("source", metavar="SJABLOON", help="cli.help.template_copy.source"),
    arg("name", metavar="NAAM", help="cli.help.template_copy.name"),
))
def cmd_template_copy(args) -> int:
    from kit.authoring import TemplateError, copy_template

    try:
        path = copy_template(args.source, args.name, args.templates)
    except TemplateError as error:
        raise UserError(str(error))
    print(t("cli.template_copied", name=args.name, path=path))
    print(t("cli.template_check", path=path))
    print(t("cli.template_new", name=args.name))
    return 0


@command("check", help="cli.help.check", args=(
    lang("cli.help.check.lang"),
    arg("file", metavar="BESTAND.yaml", help="cli.help.check.file"),
))
def cmd_check(args) -> int:
    from kit.authoring import check_file

    previous, db = _previous_sessions(getattr(args, "db", None))
    problems = check_file(args.file, lang=language(), previous=previous)
    if db:
        print(t("check.history_db", n=len(previous), db=db))
    if not problems:
        print(t("check.ok", file=args.file))
        return 0
    for problem in problems:
        print(problem)
    print(t("check.summary", n=len(problems)), file=sys.stderr)
    return 1


def _previous_sessions(db: str | None) -> tuple[list[tuple[str, dict]], str | None]:
    """The templates of the sessions held so far, as (source, template), to keep question keys comparable: from
    --db, else from the usual database when it exists (a check must not create an empty one)."""
    from kit.store.connection import is_postgres_url, redact_url, sqlite_path

    url = resolve_db_url(db)
    if db is None and not is_postgres_url(url):
        path = sqlite_path(url)
        if path == ":memory:" or not Path(path).is_file():
            return [], None
    with Store(url) as store:
        sessions = store.sessions.list_sessions()
    return [(t("check.source_session", code=s.code, date=s.session_date), s.template) for s in sessions], redact_url(url)
