"""Sessions over time: `demo` (a made-up history), `import` (sessions held before the kit), `trends` (the page)."""

from __future__ import annotations

from kit.cli.common import UserError, existing_store, serve_on_this_laptop, store
from kit.cli.documents import known_team
from kit.cli.registry import arg, command, lang
from kit.i18n import t
from kit.store import resolve_db_url


@command("demo", help="cli.help.demo", args=(
    arg("--seed", type=int, default=None, metavar="GETAL", help="cli.help.demo.seed"),
))
def cmd_demo(args) -> int:
    from kit.history.demo import DEFAULT_SEED, DemoExists, load_demo

    with store(args) as db:
        try:
            summary = load_demo(db, DEFAULT_SEED if args.seed is None else args.seed)
        except DemoExists as error:
            raise UserError(str(error))
    print(t("cli.demo_loaded", seed=summary.seed, n=len(summary.sessions), answers=summary.answers,
            actions=summary.actions))
    for team in summary.teams:
        dates = [s.session_date for s in summary.sessions if s.team == team]
        print(t("cli.demo_team", team=team, n=len(dates), first=dates[0], last=dates[-1]))
    return 0


@command("import", help="cli.help.import", args=(
    arg("--template", default="teamleergesprek", metavar="NAAM", help="cli.help.template_name"),
    arg("--templates", default=None, metavar="MAP", help="cli.help.templates"),
    arg("file", metavar="BESTAND.csv", help="cli.help.import.file"),
))
def cmd_import(args) -> int:
    from kit.authoring import TemplateError
    from kit.history.importing import ImportRefused, import_csv

    with store(args) as db:
        try:
            imported = import_csv(db, args.file, args.template, args.templates)
        except (ImportRefused, TemplateError) as error:
            raise UserError(str(error))
    for item in imported:
        record = item.record
        print(t("cli.imported", team=record.team, date=record.session_date, answers=item.answers,
                questions=item.questions, code=record.code))
    print(t("cli.imported_codes", n=len(imported)))
    for item in imported:
        print(item.record.code)
    return 0


@command("trends", help="cli.help.trends", args=(
    arg("--port", type=int, default=8868, metavar="POORT", help="cli.help.port"),
    arg("--team", default=None, metavar="NAAM", help="cli.help.trends.team"),
    lang("cli.help.trends.lang"),
))
def cmd_trends(args) -> int:
    from kit.apps.trends import TEAM_ENV
    from kit.serving.launcher import one_page_ready

    with existing_store(args) as db:
        if args.team:
            known_team(db, args.team)
    return serve_on_this_laptop("zorgteam-trends.ipynb", args.port, resolve_db_url(args.db),
                                {TEAM_ENV: args.team or ""}, t("cli.trends_title"), tuple(one_page_ready()))
