"""Storage behind one URL: sessions, their live state and answers. SQLite by default; SQL kept portable to PostgreSQL.

Never imports ipywidgets, pandas or matplotlib: participant kernels load this.
"""

from kit.store.connection import DEFAULT_DB_URL, StoreError, resolve_db_url
from kit.store.repository import (
    AnswerRecord,
    LiveStateRecord,
    SessionRecord,
    Store,
    new_participant_pseudonym,
    open_store,
)

__all__ = [
    "DEFAULT_DB_URL",
    "AnswerRecord",
    "LiveStateRecord",
    "SessionRecord",
    "Store",
    "StoreError",
    "new_participant_pseudonym",
    "open_store",
    "resolve_db_url",
]
