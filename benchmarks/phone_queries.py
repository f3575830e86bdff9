"""How much database work one phone costs: queries per refresh after the facilitator moves on, per vote and per
sticker tap, and the time of one vote. Every phone's kernel does this, 60 at a time.

Run: .venv/bin/python benchmarks/phone_queries.py
On the standard template, in-memory SQLite. Prints figures and asserts nothing.

Measured on the 2-core development machine:
  before the live state carried the session's status: refresh 2.60 queries, vote 3, sticker tap 3, vote 69 µs
  after (one join):                                   refresh 1.60 queries, vote 2, sticker tap 2, vote 25 µs
"""

from __future__ import annotations

import time
import warnings

from kit.apps.participant import ParticipantApp
from kit.model.live import LiveSession
from kit.model.board import PointsBoard
from kit.store import Store
from kit.authoring import load_template
from kit.model.sessions import new_session

VOTES = 2000


def main() -> None:
    warnings.simplefilter("ignore")
    store = Store("sqlite://")
    template = load_template("teamleergesprek")
    record = new_session(store, template, "Team", "2026-11-28")
    session = LiveSession.open(store, record.code)
    phone = ParticipantApp(store, record.code, poll_seconds=None)
    calls = {"n": 0}
    for name in ("_query", "transaction"):
        original = getattr(store, name)

        def counted(*args, _original=original, **kwargs):
            calls["n"] += 1
            return _original(*args, **kwargs)
        setattr(store, name, counted)

    def step_of(**wanted) -> int:
        return next(s.index for s in template.steps
                    if all(getattr(s, k) == v for k, v in wanted.items()))

    total = 0
    for step in template.steps:
        session.go_to(step.index)
        calls["n"] = 0
        phone.refresh()
        total += calls["n"]
    print(f"queries per phone refresh after a change of step: {total / len(template.steps):.2f}")

    board = PointsBoard.for_session(session)
    session.go_to(step_of(activity="punten"))
    point = board.post("p1", "Vaste sparringpartner")
    session.go_to(step_of(activity="stickers"))
    calls["n"] = 0
    board.add_sticker("p1", point)
    print(f"queries per sticker tap (validation + write): {calls['n']}")

    session.go_to(next(s.index for s in template.steps if s.question and s.question.key == "vaardigheid"))
    calls["n"] = 0
    session.submit("p1", "vaardigheid", "vaardig")
    print(f"queries per vote (validation + write): {calls['n']}")
    start = time.perf_counter()
    for i in range(VOTES):
        session.submit(f"p{i}", "vaardigheid", "vaardig")
    print(f"one vote, validated and stored (in-memory SQLite): {(time.perf_counter() - start) / VOTES * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
