"""Read-only bulk queries for the zorgteam's trends: many sessions of one team at once (`store.history`).

Everything here reads; nothing writes or locks for writing. The SQL is the store's portable subset (`?`
placeholders, no SQLite-only functions), so it runs unchanged on PostgreSQL.

Reads for a list of session codes go in chunks of `IN_CHUNK` codes per query: SQLite builds before 3.32 allow
999 parameters per statement, and a 1,000-session history must not hit that. Closed questions are counted in the
database (`bulk_answer_counts`): a thousand sessions of 40 participants are ~25,000 count rows instead of
~400,000 answer rows. Open answers, whose text is needed, are read one row per answer (`bulk_answers`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from kit.store.connection import Database

IN_CHUNK = 500


@dataclass(frozen=True)
class HistorySession:
    """One session as the trends see it. `template` is the template dict stored with the session; sessions with
    the very same stored template share one dict object, so treat it as read-only."""

    code: str
    team: str
    session_date: str
    template: dict
    status: str
    created_at: str


def _chunks(items: Sequence, size: int = IN_CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class HistoryStore:
    """`store.history`: reads across sessions, for trends and reports."""

    def __init__(self, db: Database):
        self._db = db

    def teams(self) -> list[str]:
        """Every team that has at least one session, alphabetically."""
        rows = self._db.query("SELECT DISTINCT team FROM sessions")
        return sorted((row[0] for row in rows), key=lambda name: (name.casefold(), name))

    def sessions_of_team(self, team: str, date_from: str | None = None,
                         date_to: str | None = None) -> list[HistorySession]:
        """The team's sessions in date order (then creation order), with `date_from`/`date_to` inclusive
        (ISO dates, 'JJJJ-MM-DD'; a `datetime.date` is accepted too)."""
        sql = "SELECT code, team, session_date, template_json, status, created_at FROM sessions WHERE team = ?"
        params: list = [team]
        if date_from is not None:
            sql += " AND session_date >= ?"
            params.append(str(date_from))
        if date_to is not None:
            sql += " AND session_date <= ?"
            params.append(str(date_to))
        sql += " ORDER BY session_date, created_at, code"
        parsed: dict[str, dict] = {}  # most sessions of a team share their template text: parse it once
        sessions = []
        for code, team_name, session_date, template_json, status, created_at in self._db.query(sql, tuple(params)):
            template = parsed.get(template_json)
            if template is None:
                template = parsed[template_json] = json.loads(template_json)
            sessions.append(HistorySession(code, team_name, session_date, template, status, created_at))
        return sessions

    def bulk_answer_counts(self, codes: Sequence[str],
                           keys: Iterable[str] | None = None) -> list[tuple[str, str, str, int]]:
        """(session code, question key, value, number of answers) for these sessions, optionally only these keys."""
        return self._bulk(
            "SELECT session_code, question_key, value, COUNT(*) FROM answers WHERE session_code IN ({codes}){keys}"
            " GROUP BY session_code, question_key, value",
            codes, keys,
        )

    def bulk_answers(self, codes: Sequence[str], keys: Iterable[str] | None = None,
                     shown_only: bool = False, participants: bool = False) -> list[tuple]:
        """(session code, question key, value, shown, shared) of every answer of these sessions, optionally only
        these keys and only those the facilitator let through to the room; shown and shared are 0 or 1. In no
        particular order. With `participants`, each row ends with the participant's pseudonym in the session: the
        trends count people with it (a minimum of five people, not of five answers), never show it."""
        return self._bulk(
            "SELECT session_code, question_key, value, shown, shared" + (", participant" if participants else "")
            + " FROM answers"
            " WHERE session_code IN ({codes}){keys}" + (" AND shown = 1" if shown_only else ""),
            codes, keys,
        )

    def bulk_points(self, codes: Sequence[str]) -> list[tuple[str, str, str, str, str | None, int, int, int]]:
        """(session code, point id, text, status, merged_into, position, sticker total, from the route map 0/1) of
        every point of these sessions, hidden and merged ones included (their status says so)."""
        return self._bulk(
            "SELECT p.session_code, p.point_id, p.text, p.status, p.merged_into, p.position,"
            " COALESCE(SUM(s.count), 0), CASE WHEN p.route_item IS NULL THEN 0 ELSE 1 END FROM points p"
            " LEFT JOIN stickers s ON s.session_code = p.session_code AND s.point_id = p.point_id"
            " WHERE p.session_code IN ({codes})"
            " GROUP BY p.session_code, p.point_id, p.text, p.status, p.merged_into, p.position, p.route_item",
            codes, None,
        )

    def bulk_sticker_voters(self, codes: Sequence[str]) -> dict[str, int]:
        """How many participants put at least one sticker, per session (sessions without stickers are absent)."""
        rows = self._bulk(
            "SELECT session_code, COUNT(DISTINCT participant) FROM stickers"
            " WHERE session_code IN ({codes}) AND count > 0 GROUP BY session_code",
            codes, None,
        )
        return {code: int(voters) for code, voters in rows}

    def bulk_actions(self, codes: Sequence[str]) -> list[tuple[str, str, str | None, str, str, str, str, str, int]]:
        """(session code, action id, point id, text, level, owner, planning, status, position) of every action of
        these sessions."""
        return self._bulk(
            "SELECT session_code, action_id, point_id, text, level, owner, planning, status, position FROM actions"
            " WHERE session_code IN ({codes})",
            codes, None,
        )

    def _bulk(self, template: str, codes: Sequence[str], keys: Iterable[str] | None) -> list:
        codes = list(dict.fromkeys(codes))
        key_list = None if keys is None else list(dict.fromkeys(keys))
        if not codes or key_list == []:
            return []
        key_sql = "" if key_list is None else f" AND question_key IN ({self._db.placeholders(len(key_list))})"
        rows: list = []
        for chunk in _chunks(codes):
            sql = template.format(codes=self._db.placeholders(len(chunk)), keys=key_sql)
            rows.extend(self._db.query(sql, (*chunk, *(key_list or ()))))
        return rows
