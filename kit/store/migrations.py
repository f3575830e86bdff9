"""The schema, as numbered steps. Only append: a step that ran at a school must never change.

Plain SQL that SQLite and PostgreSQL both accept: TEXT keys, INTEGER flags, DOUBLE PRECISION times,
ON CONFLICT upserts, no AUTOINCREMENT.
"""

ACTIVITY_TABLES = [
    """CREATE TABLE groups (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        group_id TEXT NOT NULL,
        label TEXT NOT NULL,
        case_key TEXT,
        created_at TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (session_code, group_id)
    )""",
    """CREATE TABLE worksheet_answers (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        group_id TEXT NOT NULL,
        step_key TEXT NOT NULL,
        question_index INTEGER NOT NULL,
        value TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (session_code, group_id, step_key, question_index)
    )""",
    """CREATE TABLE route_items (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        item_id TEXT NOT NULL,
        step_key TEXT NOT NULL,
        category TEXT NOT NULL,
        text TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (session_code, item_id)
    )""",
    """CREATE TABLE points (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        point_id TEXT NOT NULL,
        author TEXT NOT NULL,
        prompt_index INTEGER,
        text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        merged_into TEXT,
        position INTEGER NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (session_code, point_id)
    )""",
    """CREATE TABLE stickers (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        participant TEXT NOT NULL,
        point_id TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (session_code, participant, point_id)
    )""",
    """CREATE TABLE actions (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        action_id TEXT NOT NULL,
        point_id TEXT,
        text TEXT NOT NULL,
        level TEXT NOT NULL,
        owner TEXT NOT NULL,
        planning TEXT NOT NULL,
        status TEXT NOT NULL,
        position INTEGER NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (session_code, action_id)
    )""",
    "ALTER TABLE live_state ADD COLUMN reference_key TEXT",
    "ALTER TABLE answers ADD COLUMN shared INTEGER NOT NULL DEFAULT 0",
]

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
    (
        3,
        "antwoorden: tijden op de minuut, revisie en volgorde van binnenkomst",
        [
            # Every update of an answer counts this up: the facilitator's screen sees a change within the minute.
            "ALTER TABLE answers ADD COLUMN revision INTEGER NOT NULL DEFAULT 1",
            # Order of arrival within the session, now that the times no longer tell it.
            "ALTER TABLE answers ADD COLUMN seq INTEGER NOT NULL DEFAULT 0",
            # Existing answers keep the order they had (by their old, exact times) ...
            """UPDATE answers SET seq = (
                SELECT COUNT(*) FROM answers earlier
                WHERE earlier.session_code = answers.session_code AND (
                    earlier.created_at < answers.created_at
                    OR (earlier.created_at = answers.created_at AND earlier.participant < answers.participant)
                    OR (earlier.created_at = answers.created_at AND earlier.participant = answers.participant
                        AND earlier.question_key <= answers.question_key)))""",
            # ... and then lose the seconds (AVG). All times are UTC ISO text: 2026-11-28T10:15:30.123456+00:00.
            "UPDATE answers SET created_at = SUBSTR(created_at, 1, 16) || ':00+00:00',"
            " updated_at = SUBSTR(updated_at, 1, 16) || ':00+00:00'",
            "CREATE INDEX answers_in_order ON answers (session_code, seq)",
        ],
    ),
    (
        4,
        "werkblad: de begeleider laat elk antwoord apart door naar het scherm",
        ["ALTER TABLE worksheet_answers ADD COLUMN shown INTEGER NOT NULL DEFAULT 0"],
    ),
    (
        5,
        "punten: een aandachtspunt van de routekaart (werkvorm 3) staat als post-it op het bord van werkvorm 5",
        # The route map item a starting post-it came from; NULL for a post-it written on a phone.
        ["ALTER TABLE points ADD COLUMN route_item TEXT"],
    ),
    (
        6,
        "denktijd: de blokklok loopt door tijdens de denkvragen, elke vraag telt zijn eigen denktijd",
        # The block clock's elapsed seconds when the current timed prompt began (NULL: no prompt timed now).
        ["ALTER TABLE live_state ADD COLUMN thinking_from DOUBLE PRECISION"],
    ),
    (
        7,
        "optionele blokken: de begeleider slaat een blok over",
        # The keys of the blocks skipped in this session, comma-separated ('' for none).
        ["ALTER TABLE live_state ADD COLUMN skipped_blocks TEXT NOT NULL DEFAULT ''"],
    ),
    (
        8,
        "afstandsbediening: een geheime sleutel per sessie voor de telefoon van de begeleider",
        # Made on first use (SessionStore.remote_token); only the facilitator's link and QR carry it.
        ["ALTER TABLE sessions ADD COLUMN remote_token TEXT"],
    ),
]

LATEST_VERSION = MIGRATIONS[-1][0]
