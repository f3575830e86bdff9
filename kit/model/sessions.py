"""A new session of a template: what `new`, the preparation page, the demo, an import and the tests all start with."""

from __future__ import annotations

from kit.model.template import Template
from kit.store import SessionRecord, Store


def new_session(store: Store, template: Template, team: str, session_date: str) -> SessionRecord:
    """A session of `template` for `team` on `session_date` (YYYY-MM-DD), standing at its first block. The session
    keeps the template as it is now (`Template.to_dict`), so a later edit of the template file changes nothing."""
    return store.sessions.create_session(template.to_dict(), team, session_date, template.blocks[0].key)
