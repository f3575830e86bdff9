"""A running session: where the facilitator is, the block timer, and the one door every answer goes through."""

from __future__ import annotations

import time
from collections.abc import Collection
from dataclasses import dataclass

from kit.i18n import t
from kit.model.answers import AnswerRejected, normalise_answer
from kit.model.template import Step, Template
from kit.store import LiveStateRecord, SessionRecord, Store


# The naslag section on the projector while the groups fill in the Werkvorm 3 worksheet. A naslag without it
# (a trainer's own) simply shows nothing: the pages ignore a section key their naslag does not have.
WORKSHEET_REFERENCE = "afwegingskader"


class SessionNotFound(Exception):
    pass


class SessionClosed(Exception):
    pass


@dataclass(frozen=True)
class TimerView:
    remaining: float  # seconds; negative when over time
    running: bool

    @property
    def label(self) -> str:
        seconds = int(abs(self.remaining) + (0.999 if self.remaining > 0 else 0))
        text = f"{seconds // 60}:{seconds % 60:02d}"
        return t("facilitator.overtime", time=text) if self.remaining < 0 else text

    @property
    def thinking_label(self) -> str:
        """The same clock as a prompt's thinking time, in words for the room and the phones."""
        if self.remaining <= 0:
            return t("thinking.over")
        return t("thinking.left" if self.running else "thinking.paused", time=self.label)


class LiveSession:
    def __init__(self, store: Store, record: SessionRecord, clock=time.time):
        self.store = store
        self.record = record
        self.code = record.code
        self.template = Template.from_dict(record.template)
        self._clock = clock

    @classmethod
    def open(cls, store: Store, code: str, clock=time.time, closed_too: bool = False) -> "LiveSession":
        """The session to take part in; `closed_too` for the facilitator, who still sees a closed one."""
        record = store.sessions.get_session(code.strip().upper()) if code else None
        if record is None:
            raise SessionNotFound(code)
        if not record.is_open and not closed_too:
            raise SessionClosed(code)
        return cls(store, record, clock)

    def is_open(self) -> bool:
        return self.state().session_open

    def close(self) -> None:
        """The end of the session: nobody can answer any more; the answers stay for export, verslag and trends."""
        self.store.sessions.close_session(self.code)

    # -- where we are -------------------------------------------------------------------------------------------
    def state(self) -> LiveStateRecord:
        return self.store.sessions.get_live_state(self.code)

    def step(self, state: LiveStateRecord | None = None) -> Step:
        state = state or self.state()
        return self.template.step_for(state.block_key, state.question_key)

    def go_to(self, index: int) -> LiveStateRecord:
        index = max(0, min(index, len(self.template.steps) - 1))
        current = self.state()
        was = self.step(current)
        target = self.template.steps[index]
        changes = {"block_key": target.block.key, "question_key": target.item_key, "results_shown": False,
                   "thinking_from": None}
        # A new block starts its own clock. Within a block the clock runs on, through its prompts too.
        started, elapsed = current.timer_started_at, current.timer_elapsed
        if target.block.key != current.block_key:
            started, elapsed = None, 0.0
        if target.timed_prompt:
            # A timed prompt's thinking time starts with it, by itself (the facilitator can pause it): the block
            # clock runs, and the thinking time counts from the block clock's reading now.
            now = self._clock()
            if started is not None:
                elapsed += now - started
            started, changes["thinking_from"] = now, elapsed
        changes.update(timer_started_at=started, timer_elapsed=elapsed)
        # The groups keep the afwegingskader in view while they fill in the worksheet: it comes up on the projector
        # when the worksheet opens (the facilitator can take it off) and goes when the worksheet closes, unless
        # the facilitator put another naslag section up meanwhile.
        if target.activity == "werkblad" and was.activity != "werkblad":
            changes["reference_key"] = WORKSHEET_REFERENCE
        elif was.activity == "werkblad" and target.activity != "werkblad" and current.reference_key == WORKSHEET_REFERENCE:
            changes["reference_key"] = None
        return self.store.sessions.update_live_state(self.code, **changes)

    def go_next(self, from_index: int | None = None) -> LiveStateRecord:
        """One step on. With `from_index` (the step the facilitator's page showed) the command says where to go:
        step from_index + 1, and only while the session is still at from_index. A double click, a repeated
        message or a second controller that already moved on change nothing."""
        return self._step_from(from_index, +1)

    def go_previous(self, from_index: int | None = None) -> LiveStateRecord:
        return self._step_from(from_index, -1)

    def _step_from(self, from_index: int | None, delta: int) -> LiveStateRecord:
        state = self.state()
        current = self.step(state).index
        if from_index is not None and from_index != current:
            return state
        index = self._neighbour(state, current, delta)
        return state if index is None else self.go_to(index)

    def next_step(self, state: LiveStateRecord | None = None) -> Step | None:
        """The step Volgende leads to (skipped blocks passed over); None at the end."""
        state = state or self.state()
        index = self._neighbour(state, self.step(state).index, +1)
        return None if index is None else self.template.steps[index]

    def _neighbour(self, state: LiveStateRecord, index: int, delta: int) -> int | None:
        """The next step in this direction that is not in a skipped block; None at either end."""
        steps = self.template.steps
        index += delta
        while 0 <= index < len(steps) and steps[index].block.key in state.skipped_blocks:
            index += delta
        return index if 0 <= index < len(steps) else None

    # -- optional blocks ----------------------------------------------------------------------------------------
    def skip_block(self, block_key) -> LiveStateRecord:
        """Skip an optional block for this session; standing in it, move on to the next block that is not skipped.
        A block that is not optional (or unknown: a synced value can be anything) is refused with ValueError."""
        block = self.template.block(block_key) if isinstance(block_key, str) else None
        if block is None or not block.optional:
            raise ValueError(block_key)
        state = self.state()
        if block_key not in state.skipped_blocks:
            state = self.store.sessions.update_live_state(self.code, skipped_blocks=(*state.skipped_blocks, block_key))
        step = self.step(state)
        if step.block.key == block_key:
            after = self._neighbour(state, step.index, +1)
            if after is not None:
                state = self.go_to(after)
        return state

    def unskip_block(self, block_key) -> LiveStateRecord:
        """The skipped block is back on the agenda."""
        state = self.state()
        if block_key not in state.skipped_blocks:
            return state
        return self.store.sessions.update_live_state(
            self.code, skipped_blocks=tuple(k for k in state.skipped_blocks if k != block_key))

    def remaining_seconds(self, state: LiveStateRecord | None = None) -> float:
        """Until the planned end: what is left of this block's time plus the blocks after it, skipped ones not."""
        state = state or self.state()
        step = self.step(state)
        position = self.template.blocks.index(step.block)
        later = sum(b.minutes for b in self.template.blocks[position + 1:] if b.key not in state.skipped_blocks)
        return max(0.0, self.timer(state).remaining) + later * 60

    def block_start(self, block_key: str) -> int:
        """The index of a block's first step (the agenda jumps there). KeyError for a block the template lacks."""
        for step in self.template.steps:
            if step.block.key == block_key:
                return step.index
        raise KeyError(block_key)

    def go_to_block(self, block_key: str) -> LiveStateRecord:
        """Jump to a block's first step, from anywhere: the same block again is harmless (it stays where it is)."""
        state = self.state()
        if self.step(state).block.key == block_key:
            return state
        start = self.block_start(block_key)
        if block_key in state.skipped_blocks:  # chosen on purpose: the block is back on the agenda
            self.unskip_block(block_key)
        return self.go_to(start)

    def set_results_shown(self, shown: bool) -> LiveStateRecord:
        return self.store.sessions.update_live_state(self.code, results_shown=shown)

    # -- block timer --------------------------------------------------------------------------------------------
    def _elapsed(self, state: LiveStateRecord) -> float:
        elapsed = state.timer_elapsed
        if state.timer_started_at is not None:
            elapsed += self._clock() - state.timer_started_at
        return elapsed

    def timer(self, state: LiveStateRecord | None = None) -> TimerView:
        """The block's clock: it keeps running through the block's prompts."""
        state = state or self.state()
        return TimerView(self.step(state).block.minutes * 60 - self._elapsed(state), state.timer_started_at is not None)

    def thinking_time(self, state: LiveStateRecord | None = None) -> TimerView | None:
        """The thinking time left for the prompt on screen (None when the step has none). It runs and pauses
        with the block's clock, so one pause stops both."""
        state = state or self.state()
        step = self.step(state)
        if not step.timed_prompt or state.thinking_from is None:
            return None
        used = self._elapsed(state) - state.thinking_from
        return TimerView(step.block.prompt_seconds - used, state.timer_started_at is not None)

    def start_timer(self) -> LiveStateRecord:
        state = self.state()
        if state.timer_started_at is not None:
            return state
        return self.store.sessions.update_live_state(self.code, timer_started_at=self._clock())

    def pause_timer(self) -> LiveStateRecord:
        state = self.state()
        if state.timer_started_at is None:
            return state
        elapsed = state.timer_elapsed + self._clock() - state.timer_started_at
        return self.store.sessions.update_live_state(self.code, timer_started_at=None, timer_elapsed=elapsed)

    def reset_timer(self) -> LiveStateRecord:
        state = self.state()
        # On a timed prompt its thinking time starts over with the clock.
        thinking_from = 0.0 if state.thinking_from is not None else None
        return self.store.sessions.update_live_state(self.code, timer_started_at=None, timer_elapsed=0.0,
                                                     thinking_from=thinking_from)

    # -- answers ------------------------------------------------------------------------------------------------
    def submit(self, participant: str, question_key, raw, session_code: str | None = None) -> str:
        """Validate and store one answer; return the stored value. Raises AnswerRejected with a Dutch message.

        Everything is checked against the database, not against what the participant's page showed: a browser
        can set any widget trait, and the facilitator may have moved on a moment ago.
        """
        if session_code is not None and session_code != self.code:
            raise AnswerRejected(t("answer.wrong_session"))
        state = self.state()
        if state is None or not state.session_open:
            raise AnswerRejected(t("answer.session_closed"))
        if not isinstance(question_key, str) or state.question_key != question_key:
            raise AnswerRejected(t("answer.closed"))
        question = self.template.question(question_key)
        if question is None:
            raise AnswerRejected(t("answer.closed"))
        value = normalise_answer(question, raw)
        self.store.sessions.save_answer(self.code, participant, question_key, value)
        return value

    def set_shared(self, participant: str, question_key, shared) -> None:
        """A participant shares (or takes back) their private answer with the room; nobody else can."""
        question = self.template.question(question_key) if isinstance(question_key, str) else None
        if question is None or not question.private or not isinstance(shared, bool):
            raise AnswerRejected(t("answer.not_text"))
        if self.store.sessions.get_answer(self.code, participant, question_key) is None:
            raise AnswerRejected(t("answer.empty"))
        self.store.sessions.set_shared(self.code, participant, question_key, shared)

    def room_answers(self, question_key: str):
        """Answers the room may ever see: for a private question only those their author shared."""
        answers = self.store.sessions.answers(self.code, question_key)
        question = self.template.question(question_key)
        if question is not None and question.private:
            shared = self.store.sessions.shared_participants(self.code, question_key)
            answers = [a for a in answers if a.participant in shared]
        return answers

    def show_reference(self, key: str | None, sections: Collection[str]) -> LiveStateRecord:
        """Put a naslag section on the projector (None: take it off). Keys not in `sections` (the naslag's
        section keys, which the facilitator's app reads) are refused: a synced widget value can be anything."""
        if key and key not in sections:
            raise KeyError(key)  # a section the naslag does not have
        return self.store.sessions.update_live_state(self.code, reference_key=key or None)
