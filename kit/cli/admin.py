"""Keeping the database (AVG): `delete` (a session), `purge` (everything older than), `backup` (a copy)."""

from __future__ import annotations

import argparse
import sys

from kit.cli.common import UserError, database_name, existing_store
from kit.cli.registry import arg, command
from kit.i18n import t


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if days < 0:
        raise argparse.ArgumentTypeError(t("cli.bad_days", text=text))
    return days


@command("delete", help="cli.help.delete", args=(
    arg("--session", required=True, metavar="CODE", help="cli.help.session"),
))
def cmd_delete(args) -> int:
    code = args.session.strip().upper()
    with existing_store(args) as store:
        record = store.sessions.get_session(code)
        if record is None:
            raise UserError(t("cli.delete_no_session", code=args.session, db=database_name(store.url)))
        result = store.sessions.delete_session(code)
    print(t("cli.deleted", code=code, team=record.team, date=record.session_date))
    if result.warning:
        print(result.warning, file=sys.stderr)
    return 0


@command("purge", help="cli.help.purge", args=(
    arg("--older-than", type=_days, required=True, metavar="DAGEN", help="cli.help.purge.older_than"),
))
def cmd_purge(args) -> int:
    with existing_store(args) as store:
        old = store.sessions.sessions_older_than(args.older_than)
        result = store.sessions.delete_sessions([s.code for s in old])
    if not old:
        print(t("cli.purged_none", days=args.older_than))
        return 0
    for record in old:
        print(t("cli.purged_session", code=record.code, team=record.team, date=record.session_date))
    print(t("cli.purged", n=len(old), days=args.older_than))
    if result.warning:
        print(result.warning, file=sys.stderr)
    return 0


@command("backup", help="cli.help.backup", args=(
    arg("--out", required=True, metavar="BESTAND", help="cli.help.backup.out"),
))
def cmd_backup(args) -> int:
    with existing_store(args) as store:
        target = store.backup(args.out)
    print(t("cli.backup_made", path=target))
    return 0
