"""Storage behind one URL. SQLite by default; SQL kept portable to PostgreSQL.

`Store(url)` opens the database; its parts read and write it:
`store.sessions` (sessions, live state, answers, deleting), `store.worksheets` (Werkvorm 3: groups, worksheets,
route map), `store.board` (Werkvorm 5: points, stickers, actions) and `store.history` (reads across sessions for
the trends). Each part is one module here, named after what it stores; the records they return are importable from
`kit.store`.

Never imports ipywidgets, pandas or matplotlib: participant kernels load this.
"""

from kit.store.board import ActionRecord, BoardStore, PointRecord, StickerRefused
from kit.store.connection import DEFAULT_DB_URL, StoreError, resolve_db_url
from kit.store.history import HistorySession, HistoryStore
from kit.store.repository import Store, open_store
from kit.store.sessions import (
    AnswerRecord,
    DeleteResult,
    LiveStateRecord,
    SessionRecord,
    SessionStore,
    new_participant_pseudonym,
)
from kit.store.worksheets import GroupRecord, RouteItemRecord, WorksheetAnswerRecord, WorksheetStore

__all__ = [
    "DEFAULT_DB_URL",
    "ActionRecord",
    "AnswerRecord",
    "BoardStore",
    "DeleteResult",
    "GroupRecord",
    "HistorySession",
    "HistoryStore",
    "LiveStateRecord",
    "PointRecord",
    "RouteItemRecord",
    "SessionRecord",
    "SessionStore",
    "StickerRefused",
    "Store",
    "StoreError",
    "WorksheetAnswerRecord",
    "WorksheetStore",
    "new_participant_pseudonym",
    "open_store",
    "resolve_db_url",
]
