"""`teamleergesprek` (also `python -m kit`): create, serve, export and check, with `--db` anywhere."""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
from datetime import date
from pathlib import Path

from kit import settings
from kit.i18n import LANGUAGES, command_language, language, set_language, t
from kit.store import DEFAULT_DB_URL, Store, StoreError, resolve_db_url
from kit.model.sessions import new_session

# The first team of the demo history (kit.history.demo): its live demo session opens with that team's previous actions.
DEMO_TEAM = "Havo/vwo onderbouw (voorbeeld)"


class UserError(Exception):
    """Stops the command with this message (from the catalog, in the command's language) and exit code 2."""


def _db_option(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument(
        "--db",
        default=default,
        metavar="URL",
        help=f"database-adres (standaard: $TEAMLEERGESPREK_DB of {DEFAULT_DB_URL})",
    )


def _lang_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    """`--lang nl|en` for a command whose output people read; main() applies it before the command runs."""
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=help_text)


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if days < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is geen geldig aantal dagen; geef 0 of meer, bijvoorbeeld 365")
    return days


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="teamleergesprek", description="Teamleergesprek kit")
    _db_option(parser, None)
    commands = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")

    new = commands.add_parser("new", help="maak een nieuwe sessie; de laatste regel is de deelnamecode")
    _db_option(new, argparse.SUPPRESS)
    new.add_argument("--template", default="teamleergesprek", metavar="NAAM", help="naam of pad van het sjabloon")
    new.add_argument("--team", required=True, metavar="NAAM",
                     help="naam van het team of de school (geen persoonsnamen)")
    new.add_argument("--date", default=None, metavar="JJJJ-MM-DD", help="datum JJJJ-MM-DD (standaard: vandaag)")
    new.add_argument("--templates", default=None, metavar="MAP", help="map met eigen sjablonen (standaard: data/templates)")
    _lang_option(new, "taal van de sessie: kies de versie van het sjabloon in deze taal (bijv. teamleergesprek.en)")

    template = commands.add_parser("template", help="eigen sjablonen beheren")
    _db_option(template, argparse.SUPPRESS)
    template_commands = template.add_subparsers(dest="template_command", required=True, metavar="OPDRACHT")
    copy = template_commands.add_parser("copy", help="begin een eigen sjabloon als kopie van een bestaand sjabloon")
    copy.add_argument("source", metavar="SJABLOON", help="naam van het sjabloon om te kopiëren, bijv. teamleergesprek")
    copy.add_argument("name", metavar="NAAM", help="naam van het nieuwe sjabloon, bijv. onze_school")
    copy.add_argument("--templates", default=None, metavar="MAP", help="map met eigen sjablonen (standaard: data/templates)")

    serve = commands.add_parser("serve", help="start de deelnemers- en begeleidersapp")
    _db_option(serve, argparse.SUPPRESS)
    serve.add_argument("--session", default=None, metavar="CODE", help="sessiecode (standaard: de laatste open sessie)")
    serve.add_argument("--participant-port", type=int, default=8866, metavar="POORT")
    serve.add_argument("--facilitator-port", type=int, default=8867, metavar="POORT")
    _lang_option(serve, "taal van de schermen (standaard: de taal van het sjabloon van de sessie)")
    serve.add_argument("--expected-participants", type=int, metavar="N",
                       default=settings.expected_participants(),
                       help="zoveel deelnemerspagina's staan vooraf klaar (standaard 60, of "
                            "$TEAMLEERGESPREK_EXPECTED_PARTICIPANTS)")
    serve.add_argument("--max-participants", type=int, default=None, metavar="N",
                       help="meer telefoons krijgen 'Deze sessie is vol' (standaard: wat het vrije geheugen toelaat, "
                            "ongeveer 60 MB per telefoon, 70 MB met PostgreSQL; hoogstens 200)")
    serve.add_argument("--facilitator-host", default="127.0.0.1", metavar="ADRES",
                       help="adres van de begeleidersapp (standaard 127.0.0.1, alleen deze laptop); een ander adres "
                            "werkt alleen met de sleutel in de link die serve toont")
    serve.add_argument("--abandoned-after", type=int, default=None, metavar="SECONDEN",
                       help="stop een deelnemerspagina die zo lang geen verbinding heeft (standaard 1200)")
    serve.add_argument("--participants-only", action="store_true",
                       help="start alleen een (extra) deelnemersserver, zonder begeleidersapp: voor meer telefoons "
                            "op een andere poort of computer, met dezelfde --db postgresql://… (zie docs/deploy.md)")
    serve.add_argument("--join-url", default=None, metavar="URL",
                       help="adres dat de QR-code toont, bijv. https://stemmen.example.nl/ van een proxy voor "
                            "meerdere deelnemersservers (standaard: dit adres en --participant-port)")

    export = commands.add_parser("export", help="antwoorden van een sessie exporteren")
    _db_option(export, argparse.SUPPRESS)
    export.add_argument("--session", required=True, metavar="CODE")
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv",
                        help="csv: één regel per antwoord; xlsx: spreadsheet met een tabblad per werkvorm")
    export.add_argument("--out", default=None, metavar="BESTAND",
                        help="bestand (standaard: naar het scherm; bij xlsx verplicht)")

    verslag = commands.add_parser("verslag", help="verslag van een sessie als PDF, voor het team en het jaarplan")
    _db_option(verslag, argparse.SUPPRESS)
    verslag.add_argument("--session", required=True, metavar="CODE")
    verslag.add_argument("--out", default=None, metavar="BESTAND.pdf", help="PDF-bestand (standaard: verslag-CODE.pdf)")
    _lang_option(verslag, "taal van het verslag (standaard: nl)")

    check = commands.add_parser("check", help="controleer een sjabloon (YAML)")
    _db_option(check, argparse.SUPPRESS)
    check.add_argument("file", metavar="BESTAND.yaml")
    _lang_option(check, "taal van de meldingen (standaard: nl)")

    delete = commands.add_parser("delete", help="verwijder een sessie met al haar antwoorden (AVG)")
    _db_option(delete, argparse.SUPPRESS)
    delete.add_argument("--session", required=True, metavar="CODE")

    purge = commands.add_parser("purge", help="verwijder alle sessies van meer dan DAGEN dagen geleden (AVG)")
    _db_option(purge, argparse.SUPPRESS)
    purge.add_argument("--older-than", type=_days, required=True, metavar="DAGEN")

    backup = commands.add_parser("backup", help="maak een reservekopie van de SQLite-database, ook tijdens een sessie")
    _db_option(backup, argparse.SUPPRESS)
    backup.add_argument("--out", required=True, metavar="BESTAND", help="nieuw bestand; een bestaand wordt niet overschreven")
    _history_parsers(commands)
    _trend_parsers(commands)
    _prepare_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # --lang reaches this process and the servers and kernels it starts, for this command only.
    with command_language(getattr(args, "lang", None)):
        try:
            return COMMANDS[args.command](args)
        except (UserError, StoreError) as error:
            print(t("cli.error", error=error), file=sys.stderr)
            return 2


def _store(args) -> Store:
    return Store(resolve_db_url(args.db))


def _session_date(text: str | None) -> str:
    if text is None:
        return date.today().isoformat()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UserError(t("cli.bad_date", date=text))


def create_session(store: Store, template_name: str, team: str, session_date: str, templates_dir=None):
    from kit.authoring import TemplateError, load_template

    if not team.strip():
        raise UserError(t("cli.no_team"))
    try:
        template = load_template(template_name, templates_dir)
    except TemplateError as error:
        raise UserError(str(error))
    return new_session(store, template, team.strip(), session_date)


def cmd_new(args) -> int:
    from kit.authoring import in_language

    template = in_language(args.template, args.lang, args.templates)
    with _store(args) as store:
        record = create_session(store, template, args.team, _session_date(args.date), args.templates)
    print(t("cli.created", team=record.team, date=record.session_date, template=record.template_name))
    print(t("cli.join_code"))
    print(record.code)
    return 0


def _session_to_serve(store: Store, code: str | None, lang: str | None = None):
    if code:
        record = store.get_session(code.strip().upper())
        if record is None:
            raise UserError(t("cli.no_session_new", code=code))
        return record  # a closed one too: its facilitator's page still offers the verslag and the answers
    sessions = store.list_sessions()
    open_sessions = [s for s in sessions if s.is_open]
    if open_sessions:
        return open_sessions[-1]
    from kit.history.demo import DEMO_SUFFIX, load_demo

    # A school's own sessions are never joined by a made-up one; a demo database (`make run` after its demo session
    # was ended) gets a fresh demo session, so the one command keeps working.
    if any(not s.team.endswith(DEMO_SUFFIX) for s in sessions):
        raise UserError(t("cli.no_open_session"))
    if not sessions:
        summary = load_demo(store)
        print(t("cli.demo_history", teams=len(summary.teams), sessions=len(summary.sessions)))
    from kit.authoring import in_language

    record = create_session(store, in_language("teamleergesprek", lang), DEMO_TEAM, date.today().isoformat())
    print(t("cli.demo_session", code=record.code, team=DEMO_TEAM))
    return record


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def cmd_serve(args) -> int:
    from kit.documents.qr import qr_terminal
    from kit.serving.launcher import Servers, ServeConfig

    # Mistakes in the options first: before an empty database gets its demo session.
    if args.join_url and not args.join_url.startswith(("http://", "https://")):
        raise UserError(t("cli.bad_join_url", url=args.join_url))
    if args.max_participants is not None and args.max_participants < 1:
        raise UserError(t("cli.bad_max_participants", n=args.max_participants))
    if args.expected_participants < 0:
        raise UserError(t("cli.bad_expected_participants", n=args.expected_participants))
    url = resolve_db_url(args.db)
    with Store(url) as store:
        # A phones' server serves every session in its database (a phone brings its code); without --session it
        # is started before the day's sessions exist, and never invents a demo session of its own.
        record = (None if args.participants_only and not args.session
                  else _session_to_serve(store, args.session, args.lang))
    closed = record is not None and not record.is_open
    if closed and args.participants_only:
        raise UserError(t("cli.session_closed", code=record.code))
    if not args.lang and record:
        # A session made from the English template is served in English without anyone having to say so.
        template_language = record.template.get("language", "nl")
        set_language(template_language if template_language in LANGUAGES else "nl")
    options = {"abandoned_after": args.abandoned_after} if args.abandoned_after is not None else {}
    config = ServeConfig(url, record.code if record else "", args.participant_port, args.facilitator_port, language(),
                         facilitator_host=args.facilitator_host, expected_participants=args.expected_participants,
                         max_participants=args.max_participants, participants_only=args.participants_only,
                         facilitator_only=closed,
                         public_join_url=args.join_url, **options)
    log_dir = Path(tempfile.mkdtemp(prefix="teamleergesprek-"))
    servers = Servers(config, log_dir).start()
    if not closed:
        print(qr_terminal(config.join_url))
        print(t("cli.serve_participants", url=config.join_url))
    if record:
        print(t("cli.serve_session", code=record.code, team=record.team, date=record.session_date))
    else:
        print(t("cli.serve_any_session"))
    print(t("cli.serve_closed_session") if closed else t("cli.serve_room", max=config.max_participants,
                                                          pool=config.pool_size))
    if config.participants_only:
        print(t("cli.serve_participants_only", port=config.participant_port))
        if not url.startswith("postgresql"):
            print(t("cli.serve_participants_only_sqlite"), file=sys.stderr)
    else:
        who = t("cli.serve_facilitator_token") if config.facilitator_token else t("cli.serve_facilitator")
        print(f"{who:<39}{config.facilitator_url}")
        print(f"{t('cli.serve_screen'):<39}{config.screen_url}")
    print(t("cli.serve_log", path=log_dir))
    print(t("cli.stop"), flush=True)
    # `kill` (SIGTERM) must stop the servers and their kernels as Ctrl-C does, not orphan them.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return servers.wait()
    except KeyboardInterrupt:
        print("\n" + t("cli.stopping"), flush=True)
        return 0
    finally:
        servers.stop()


def cmd_export(args) -> int:
    from kit.documents.session_export import answers_csv

    if args.format == "xlsx" and not args.out:
        raise UserError("Een spreadsheet kan niet op het scherm. Geef een bestand op, bijvoorbeeld --out sessie.xlsx")
    with _store(args) as store:
        code = args.session.strip().upper()
        if store.get_session(code) is None:
            raise UserError(f"Er is geen sessie met code '{args.session}' in deze database.")
        if args.format == "xlsx":
            from kit.documents.spreadsheet import session_xlsx

            Path(args.out).write_bytes(session_xlsx(store, code))
            print(f"Geëxporteerd naar {args.out}")
            return 0
        text = answers_csv(store, code)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"Geëxporteerd naar {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def cmd_verslag(args) -> int:
    from kit.documents.session_report import session_report_pdf

    with _store(args) as store:
        code = args.session.strip().upper()
        if store.get_session(code) is None:
            raise UserError(t("cli.no_session", code=args.session))
        pdf = session_report_pdf(store, code)
    out = Path(args.out or f"verslag-{code}.pdf")
    out.write_bytes(pdf)
    print(t("cli.report_saved", path=out))
    return 0


def cmd_template(args) -> int:
    from kit.authoring import TemplateError, copy_template

    try:
        path = copy_template(args.source, args.name, args.templates)
    except TemplateError as error:
        raise UserError(str(error))
    print(f"Sjabloon '{args.name}' staat in {path}.")
    print(f"Pas het aan, controleer het met:  teamleergesprek check {path}")
    print(f"en start er een sessie mee:       teamleergesprek new --template {args.name} --team \"NAAM\"")
    return 0


def cmd_check(args) -> int:
    from kit.i18n import language, t
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
    from kit.i18n import t
    from kit.store.connection import is_postgres_url, redact_url, sqlite_path

    url = resolve_db_url(db)
    if db is None and not is_postgres_url(url):
        path = sqlite_path(url)
        if path == ":memory:" or not Path(path).is_file():
            return [], None
    with Store(url) as store:
        sessions = store.list_sessions()
    return [(t("check.source_session", code=s.code, date=s.session_date), s.template) for s in sessions], redact_url(url)


def cmd_delete(args) -> int:
    code = args.session.strip().upper()
    with _store(args) as store:
        record = store.get_session(code)
        if record is None:
            raise UserError(f"Er is geen sessie met code '{args.session}' in deze database. Er is niets verwijderd.")
        result = store.delete_session(code)
    print(f"Sessie {code} ({record.team}, {record.session_date}) is verwijderd: alle antwoorden, werkvormen en de "
          "live-stand zijn weg. De code werkt niet meer.")
    if result.warning:
        print(result.warning, file=sys.stderr)
    return 0


def cmd_purge(args) -> int:
    with _store(args) as store:
        old = store.sessions_older_than(args.older_than)
        result = store.delete_sessions([s.code for s in old])
    if not old:
        print(f"Geen sessies van meer dan {args.older_than} dagen geleden; er is niets verwijderd.")
        return 0
    for record in old:
        print(f"Verwijderd: sessie {record.code} ({record.team}, {record.session_date})")
    print(f"{len(old)} sessie(s) van meer dan {args.older_than} dagen geleden verwijderd, met alle antwoorden.")
    if result.warning:
        print(result.warning, file=sys.stderr)
    return 0


def cmd_backup(args) -> int:
    with _store(args) as store:
        target = store.backup(args.out)
    print(f"Reservekopie gemaakt: {target}. Bewaar haar even veilig als de database zelf (er staan antwoorden in).")
    return 0


# -- history: the demo and sessions held before the kit ------------------------------------------------------------
def _history_parsers(commands) -> None:
    demo = commands.add_parser("demo", help="vul de database met een voorbeeldgeschiedenis (3 teams, 4 sessies elk)")
    _db_option(demo, argparse.SUPPRESS)
    demo.add_argument("--seed", type=int, default=None, metavar="GETAL",
                      help="startgetal van de toevalsgenerator (zelfde getal, zelfde gegevens)")

    importing = commands.add_parser("import", help="lees een eerdere sessie in als aantallen per antwoord (CSV, zie docs/import.md)")
    _db_option(importing, argparse.SUPPRESS)
    importing.add_argument("file", metavar="BESTAND.csv")
    importing.add_argument("--template", default="teamleergesprek", metavar="NAAM", help="naam of pad van het sjabloon")
    importing.add_argument("--templates", default=None, metavar="MAP", help="map met eigen sjablonen (standaard: data/templates)")


def cmd_demo(args) -> int:
    from kit.history.demo import DEFAULT_SEED, DemoExists, load_demo

    with _store(args) as store:
        try:
            summary = load_demo(store, DEFAULT_SEED if args.seed is None else args.seed)
        except DemoExists as error:
            raise UserError(str(error))
    print(f"Voorbeeldgeschiedenis geladen (seed {summary.seed}): {len(summary.sessions)} afgesloten sessies, "
          f"{summary.answers} antwoorden, {summary.actions} acties. Alles is verzonnen; elke teamnaam eindigt op '(voorbeeld)'.")
    for team in summary.teams:
        dates = [s.session_date for s in summary.sessions if s.team == team]
        print(f"  {team}: {len(dates)} sessies, {dates[0]} tot en met {dates[-1]}")
    return 0


def cmd_import(args) -> int:
    from kit.history.importing import ImportRefused, import_csv
    from kit.authoring import TemplateError

    with _store(args) as store:
        try:
            imported = import_csv(store, args.file, args.template, args.templates)
        except (ImportRefused, TemplateError) as error:
            raise UserError(str(error))
    for item in imported:
        record = item.record
        print(f"Ingelezen: {record.team} op {record.session_date}: {item.answers} antwoorden op {item.questions} "
              f"vragen, sessie {record.code} (afgesloten).")
    print("Sessiecode:" if len(imported) == 1 else "Sessiecodes:")
    for item in imported:
        print(item.record.code)
    return 0



def _trend_parsers(commands) -> None:
    trends_cmd = commands.add_parser("trends", help="start de trendpagina voor het zorgteam (alleen op deze laptop)")
    _db_option(trends_cmd, argparse.SUPPRESS)
    trends_cmd.add_argument("--port", type=int, default=8868, metavar="POORT")
    trends_cmd.add_argument("--team", default=None, metavar="NAAM", help="team dat eerst getoond wordt")
    _lang_option(trends_cmd, "taal van de trendpagina (standaard: nl)")

    rapport = commands.add_parser("rapport", help="trends van een team als PDF, voor het zorgteam en het jaarplan")
    _db_option(rapport, argparse.SUPPRESS)
    rapport.add_argument("--team", required=True, metavar="NAAM")
    rapport.add_argument("--from", dest="date_from", default=None, metavar="JJJJ-MM-DD")
    rapport.add_argument("--to", dest="date_to", default=None, metavar="JJJJ-MM-DD")
    rapport.add_argument("--out", required=True, metavar="BESTAND.pdf")
    rapport.add_argument("--png", default=None, metavar="MAP", help="zet elke grafiek ook als PNG in deze map")
    _lang_option(rapport, "taal van het rapport (standaard: nl)")


def _known_team(store: Store, team: str) -> str:
    if team not in store.teams():
        names = ", ".join(store.teams()) or "(nog geen)"
        raise UserError(t("cli.no_team_found", team=team, teams=names))
    return team


def cmd_trends(args) -> int:
    from kit.apps.trends import TEAM_ENV

    url = resolve_db_url(args.db)
    with Store(url) as store:
        if args.team:
            _known_team(store, args.team)
    return _serve_on_this_laptop("zorgteam-trends.ipynb", args.port, url, {TEAM_ENV: args.team or ""},
                                 t("cli.trends_title"))


def _serve_on_this_laptop(notebook: str, port: int, url: str, env_extra: dict, title: str) -> int:
    """One notebook in Voilà on 127.0.0.1 only (nobody else in the room can open it), until Ctrl-C."""
    import os
    import subprocess

    from kit.serving.launcher import NOTEBOOKS, absolute_db_url, stop_process_tree
    from kit.store.connection import DB_URL_ENV

    env = {**os.environ, DB_URL_ENV: absolute_db_url(url), "MPLBACKEND": "Agg", **env_extra}
    command = [sys.executable, "-m", "kit.serving.voila_extension", str(NOTEBOOKS / notebook), f"--port={port}",
               "--Voila.ip=127.0.0.1", "--no-browser", "--theme=light", "--show_tracebacks=False",
               "--Voila.port_retries=0"]
    process = subprocess.Popen(command, cwd=NOTEBOOKS, env=env, start_new_session=True)
    print(f"{title}: http://127.0.0.1:{port}/")
    print(t("cli.stop"), flush=True)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop_process_tree(process.pid)


def cmd_rapport(args) -> int:
    from kit.documents.team_report import team_report_pdf

    with _store(args) as store:
        team = _known_team(store, args.team)
        pdf = team_report_pdf(store, team, _optional_date(args.date_from), _optional_date(args.date_to),
                              png_dir=args.png)
    Path(args.out).write_bytes(pdf)
    print(t("cli.rapport_saved_png", path=args.out, png=args.png) if args.png else t("cli.rapport_saved", path=args.out))
    return 0


def _optional_date(text: str | None) -> str | None:
    return _session_date(text) if text else None


def _prepare_parser(commands) -> None:
    prepare = commands.add_parser("voorbereiden", help="start de voorbereiding: sjabloon, eigen casus, stickers, "
                                                       "voorbeeld op de telefoon, sessie en uitnodiging")
    _db_option(prepare, argparse.SUPPRESS)
    prepare.add_argument("--port", type=int, default=8869, metavar="POORT")
    prepare.add_argument("--templates", default=None, metavar="MAP", help="map met eigen sjablonen (standaard: data/templates)")
    _lang_option(prepare, "taal van de pagina en de uitnodiging (standaard: nl)")


def cmd_prepare(args) -> int:
    from kit.apps.prepare import OUT_ENV
    from kit.authoring import user_templates_dir
    from kit.authoring.loader import TEMPLATES_ENV

    # Relative folders mean the folder this command runs in, as for every other command (the page runs elsewhere).
    env = {TEMPLATES_ENV: str(user_templates_dir(args.templates).resolve()), OUT_ENV: str(Path("data").resolve())}
    return _serve_on_this_laptop("voorbereiden.ipynb", args.port, resolve_db_url(args.db), env,
                                 "Voorbereiden (alleen op deze laptop)")


# The one table of subcommands: the word a user types and the function that runs it, in the order of `--help`.
# build_parser() gives each word its options; main() dispatches here (tests/unit/cli/test_cli.py checks both agree).
COMMANDS = {
    "new": cmd_new,
    "template": cmd_template,
    "serve": cmd_serve,
    "export": cmd_export,
    "verslag": cmd_verslag,
    "check": cmd_check,
    "delete": cmd_delete,
    "purge": cmd_purge,
    "backup": cmd_backup,
    "demo": cmd_demo,
    "import": cmd_import,
    "trends": cmd_trends,
    "rapport": cmd_rapport,
    "voorbereiden": cmd_prepare,
}
