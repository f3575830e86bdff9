"""What a session and a team leave on paper: `export` (every answer), `verslag` (a session), `rapport` (a team), and
`werkblad` (Werkvorm 3 on paper, before a session)."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.cli.common import UserError, database_name, existing_store, optional_date
from kit.cli.registry import arg, command, lang
from kit.cli.session import TEMPLATES
from kit.i18n import t
from kit.store import Store


def _session_code(store: Store, code: str) -> str:
    found = code.strip().upper()
    if store.sessions.get_session(found) is None:
        raise UserError(t("cli.no_session", code=code, db=database_name(store.url)))
    return found


@command("export", help="cli.help.export", args=(
    arg("--session", required=True, metavar="CODE", help="cli.help.session"),
    arg("--format", choices=("csv", "xlsx"), default="csv", help="cli.help.export.format"),
    arg("--out", default=None, metavar="BESTAND", help="cli.help.export.out"),
))
def cmd_export(args) -> int:
    from kit.documents.session_export import answers_csv

    with existing_store(args) as store:
        code = _session_code(store, args.session)
        if args.format == "xlsx":
            from kit.documents.spreadsheet import session_xlsx

            # A spreadsheet cannot go to the screen: without --out it gets a name of its own in this folder.
            out = Path(args.out or f"antwoorden-{code}.xlsx")
            out.write_bytes(session_xlsx(store, code))
            print(t("cli.exported", path=out if args.out else out.resolve()))
            return 0
        text = answers_csv(store, code)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(t("cli.exported", path=args.out))
    else:
        sys.stdout.write(text)
    return 0


@command("verslag", help="cli.help.verslag", args=(
    arg("--session", required=True, metavar="CODE", help="cli.help.session"),
    arg("--out", default=None, metavar="BESTAND.pdf", help="cli.help.verslag.out"),
    lang("cli.help.verslag.lang"),
))
def cmd_verslag(args) -> int:
    from kit.documents.session_report import session_report_pdf

    with existing_store(args) as store:
        code = _session_code(store, args.session)
        pdf = session_report_pdf(store, code)
    out = Path(args.out or f"verslag-{code}.pdf")
    out.write_bytes(pdf)
    print(t("cli.report_saved", path=out))
    return 0


def known_team(store: Store, team: str) -> str:
    teams = store.history.teams()
    if team not in teams:
        names = ", ".join(teams) or t("cli.no_teams")
        raise UserError(t("cli.no_team_found", team=team, teams=names, db=database_name(store.url)))
    return team


@command("rapport", help="cli.help.rapport", args=(
    arg("--team", required=True, metavar="NAAM", help="cli.help.rapport.team"),
    arg("--from", dest="date_from", default=None, metavar="JJJJ-MM-DD", help="cli.help.rapport.from"),
    arg("--to", dest="date_to", default=None, metavar="JJJJ-MM-DD", help="cli.help.rapport.to"),
    arg("--out", required=True, metavar="BESTAND.pdf", help="cli.help.rapport.out"),
    arg("--png", default=None, metavar="MAP", help="cli.help.rapport.png"),
    lang("cli.help.rapport.lang"),
))
def cmd_rapport(args) -> int:
    from kit.documents.team_report import team_report_pdf

    with existing_store(args) as store:
        team = known_team(store, args.team)
        pdf = team_report_pdf(store, team, optional_date(args.date_from), optional_date(args.date_to),
                              png_dir=args.png)
    Path(args.out).write_bytes(pdf)
    print(t("cli.rapport_saved_png", path=args.out, png=args.png) if args.png else t("cli.rapport_saved", path=args.out))
    return 0


@command("werkblad", help="cli.help.werkblad", args=(
    arg("--template", default="teamleergesprek", metavar="NAAM", help="cli.help.template_name"),
    TEMPLATES,
    arg("--case", default=None, metavar="KEY", help="cli.help.werkblad.case"),
    arg("--out", required=True, metavar="BESTAND.pdf", help="cli.help.werkblad.out"),
    lang("cli.help.werkblad.lang"),
))
def cmd_werkblad(args) -> int:
    from kit.authoring import TemplateError, in_language, load_template
    from kit.documents.worksheet_paper import UnknownCase, worksheet_block, worksheet_pdf

    name = in_language(args.template, args.lang, args.templates)
    try:
        template = load_template(name, args.templates)
    except TemplateError as error:
        raise UserError(str(error))
    if worksheet_block(template) is None:
        raise UserError(t("paper.no_worksheet", template=name))
    try:
        pdf = worksheet_pdf(template, args.case)
    except UnknownCase as unknown:
        raise UserError(t("paper.unknown_case", case=unknown.key, cases=", ".join(unknown.known)))
    Path(args.out).write_bytes(pdf)
    print(t("paper.saved", path=args.out))
    return 0
