"""The schema, as numbered steps. Only append: a step that ran at a school must never change.

Plain SQL that SQLite and PostgreSQL both accept: TEXT keys, INTEGER flags, DOUBLE PRECISION times,
ON CONFLICT upserts, no AUTOINCREMENT.
"""

from kit.store.activities import ACTIVITY_TABLES

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "sessies, live-stand en antwoorden",
        [
            """CREATE TABLE sessions (
                code TEXT PRIMARY KEY,
                team TEXT NOT NULL,
                session_date TEXT NOT NULL,
                template_name TEXT NOT NULL,
                template_json TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'open',
                created_at TEXT NOT NULL
            )""",
            """CREATE TABLE live_state (
                session_code TEXT PRIMARY KEY REFERENCES sessions(code),
                block_key TEXT NOT NULL,
                question_key TEXT,
                results_shown INTEGER NOT NULL DEFAULT 0,
                timer_started_at DOUBLE PRECISION,
                timer_elapsed DOUBLE PRECISION NOT NULL DEFAULT 0,
                version INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE answers (
                session_code TEXT NOT NULL REFERENCES sessions(code),
                participant TEXT NOT NULL,
                question_key TEXT NOT NULL,
                value TEXT NOT NULL,
                shown INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (session_code, participant, question_key)
            )""",
            "CREATE INDEX answers_by_question ON answers (session_code, question_key)",
        ],
    ),
    (2, "werkvormen: groepen, werkblad, routekaart, punten, stickers, acties", ACTIVITY_TABLES),
]

LATEST_VERSION = MIGRATIONS[-1][0]
