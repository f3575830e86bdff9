"""The day itself: `new` (a session), `serve` (phones and facilitator), `voorbereiden` (the week before)."""

from __future__ import annotations

import signal
import sys
import tempfile
from datetime import date
from pathlib import Path

from kit.cli.common import UserError, interrupt, serve_on_this_laptop, session_date, store
from kit.cli.registry import arg, command, lang
from kit import settings
from kit.i18n import language, languages, set_language, t
from kit.model.sessions import new_session
from kit.store import Store, resolve_db_url

# The first team of the demo history (kit.history.demo): its live demo session opens with that team's previous actions.
DEMO_TEAM = "Havo/vwo onderbouw (voorbeeld)"
TEMPLATES = arg("--templates", default=None, metavar="MAP", help="cli.help.templates")


def create_session(store: Store, template_name: str, team: str, day: str, templates_dir=None):
    from kit.authoring import TemplateError, load_template

    if not team.strip():
        raise UserError(t("cli.no_team"))
    try:
        template = load_template(template_name, templates_dir)
    except TemplateError as error:
        raise UserError(str(error))
    return new_session(store, template, team.strip(), day)


@command("new", help="cli.help.new", args=(
    arg("--template", default="teamleergesprek", metavar="NAAM", help="cli.help.template_name"),
    arg("--team", required=True, metavar="NAAM", help="cli.help.team"),
    arg("--date", default=None, metavar="JJJJ-MM-DD", help="cli.help.date"),
    TEMPLATES,
    lang("cli.help.new.lang"),
))
def cmd_new(args) -> int:
    from kit.authoring import in_language

    template = in_language(args.template, args.lang, args.templates)
    with store(args) as db:
        record = create_session(db, template, args.team, session_date(args.date), args.templates)
    print(t("cli.created", team=record.team, date=record.session_date, template=record.template_name))
    print(t("cli.join_code"))
    print(record.code)
    return 0


def _session_to_serve(store: Store, code: str | None, lang: str | None = None):
    from kit.cli.common import database_name

    if code:
        record = store.sessions.get_session(code.strip().upper())
        if record is None:
            raise UserError(t("cli.no_session_new", code=code, db=database_name(store.url)))
        return record  # a closed one too: its facilitator's page still offers the verslag and the answers
    sessions = store.sessions.list_sessions()
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


@command("serve", help="cli.help.serve", args=(
    arg("--session", default=None, metavar="CODE", help="cli.help.serve.session"),
    arg("--participant-port", type=int, default=8866, metavar="POORT", help="cli.help.serve.participant_port"),
    arg("--facilitator-port", type=int, default=8867, metavar="POORT", help="cli.help.serve.facilitator_port"),
    lang("cli.help.serve.lang"),
    arg("--expected-participants", type=int, metavar="N",
        default=settings.expected_participants(),
        help="cli.help.serve.expected_participants"),
    arg("--max-participants", type=int, default=None, metavar="N", help="cli.help.serve.max_participants"),
    arg("--facilitator-host", default="127.0.0.1", metavar="ADRES", help="cli.help.serve.facilitator_host"),
    arg("--abandoned-after", type=int, default=None, metavar="SECONDEN", help="cli.help.serve.abandoned_after"),
    arg("--participants-only", action="store_true", help="cli.help.serve.participants_only"),
    arg("--join-url", default=None, metavar="URL", help="cli.help.serve.join_url"),
))
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
    with Store(url) as db:
        # A phones' server serves every session in its database (a phone brings its code); without --session it
        # is started before the day's sessions exist, and never invents a demo session of its own.
        record = (None if args.participants_only and not args.session
                  else _session_to_serve(db, args.session, args.lang))
    closed = record is not None and not record.is_open
    if closed and args.participants_only:
        raise UserError(t("cli.session_closed", code=record.code))
    if not args.lang and record:
        # A session made from the English template is served in English without anyone having to say so.
        template_language = record.template.get("language", "nl")
        set_language(template_language if template_language in languages() else "nl")
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
        if record and not closed:
            _print_remote(url, record.code, config.join_base, qr_terminal)
    print(t("cli.serve_log", path=log_dir))
    print(t("cli.stop"), flush=True)
    # `kill` (SIGTERM) must stop the servers and their kernels as Ctrl-C does, not orphan them.
    signal.signal(signal.SIGTERM, interrupt)
    try:
        return servers.wait()
    except KeyboardInterrupt:
        print("\n" + t("cli.stopping"), flush=True)
        return 0
    finally:
        servers.stop()


def _print_remote(db_url: str, code: str, base: str, qr_terminal) -> None:
    """The facilitator's phone remote: served by the phones' server, opened with the session's secret."""
    from kit.model.remote import remote_url

    with Store(db_url) as db:
        url = remote_url(base, code, db.sessions.remote_token(code))
    print(qr_terminal(url))
    print(t("cli.serve_remote", url=url), flush=True)


@command("voorbereiden", help="cli.help.voorbereiden", args=(
    arg("--port", type=int, default=8869, metavar="POORT", help="cli.help.port"),
    TEMPLATES,
    lang("cli.help.voorbereiden.lang"),
))
def cmd_prepare(args) -> int:
    from kit.apps.prepare import OUT_ENV
    from kit.authoring import user_templates_dir
    from kit.authoring.loader import TEMPLATES_ENV

    # Relative folders mean the folder this command runs in, as for every other command (the page runs elsewhere).
    env = {TEMPLATES_ENV: str(user_templates_dir(args.templates).resolve()), OUT_ENV: str(Path("data").resolve())}
    return serve_on_this_laptop("voorbereiden.ipynb", args.port, resolve_db_url(args.db), env,
                                t("cli.prepare_title"))
