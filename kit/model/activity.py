"""What the werkvormen share: a block of the session's template with an interactive part, found by its config."""

from __future__ import annotations

from kit.model.live import LiveSession
from kit.model.template import Block, Step


class BlockActivity:
    config_field = ""  # the Block field that marks the werkvorm: "points" or "meldcode"

    def __init__(self, session: LiveSession, block: Block):
        self.session = session
        self.block = block
        self.store = session.store
        self.code = session.code

    @classmethod
    def for_session(cls, session: LiveSession):
        """The werkvorm in this session's template, or None when the template has no such block."""
        block = next((b for b in session.template.blocks if getattr(b, cls.config_field) is not None), None)
        return cls(session, block) if block else None

    def current_step(self) -> Step | None:
        """The step open now, if it belongs to this werkvorm's block (and the session has not been closed)."""
        state = self.session.state()
        if not state.session_open:
            return None
        step = self.session.step(state)
        return step if step.block.key == self.block.key else None
