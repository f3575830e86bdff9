"""The store on both backends (the `store` and `file_store` fixtures run each test on SQLite and PostgreSQL)."""

import re
import sqlite3
import threading

import pytest

from kit.store import Store, StoreError
from kit.store.migrations import LATEST_VERSION, MIGRATIONS
from kit.model.sessions import new_session

MINUTE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+00:00$")


def make_session(store, template, session_date="2026-11-28", team="Team Noord"):
    return new_session(store, template, team, session_date)


def test_fresh_database_is_migrated_and_records_its_version(store):
    assert store.schema_version() == LATEST_VERSION
    assert [v for v, *_ in store._db.query("SELECT version FROM schema_migrations ORDER BY version")] == [
        v for v, _, _ in MIGRATIONS
    ]


def test_reopening_does_not_migrate_twice(file_store, template):
    record = make_session(file_store, template)
    file_store.close()
    with Store(file_store.url) as again:
        assert again.schema_version() == LATEST_VERSION
        assert again.sessions.get_session(record.code).team == "Team Noord"


def test_file_database_uses_wal_and_full_sync(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'kit.sqlite'}") as store:
        assert store._db.query("PRAGMA journal_mode")[0][0] == "wal"
        assert store._db.query("PRAGMA synchronous")[0][0] == 2  # FULL
        assert store._db.query("PRAGMA secure_delete")[0][0] == 1


def test_session_codes_are_readable_and_unique(store, template):
    codes = {make_session(store, template).code for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert len(code) == 6 and not set(code) & set("0O1IL")


def test_session_keeps_its_template_and_starts_at_the_first_block(store, template):
    record = make_session(store, template)
    assert record.template == template.to_dict()
    state = store.sessions.get_live_state(record.code)
    assert (state.block_key, state.question_key, state.results_shown) == ("welkom", None, False)


def test_closing_a_session_sets_its_status_and_counts_up_the_live_state(store, template):
    record = store.sessions.create_session(template.to_dict(), "T", "2026-11-28", "welkom")
    version = store.sessions.get_live_state(record.code).version
    assert store.sessions.get_live_state(record.code).session_open and store.sessions.get_live_state("ZZZZZZ") is None
    store.sessions.close_session(record.code)
    assert not store.sessions.get_live_state(record.code).session_open and not store.sessions.get_session(record.code).is_open
    assert store.sessions.get_live_state(record.code).version == version + 1


def test_one_answer_per_participant_per_question_and_changes_replace(store, template):
    code = make_session(store, template).code
    store.sessions.save_answer(code, "p1", "vaardigheid", "vaardig")
    store.sessions.save_answer(code, "p1", "vaardigheid", "heel vaardig")
    store.sessions.save_answer(code, "p2", "vaardigheid", "vaardig")
    assert sorted(a.value for a in store.sessions.answers(code, "vaardigheid")) == ["heel vaardig", "vaardig"]


def test_changed_open_answer_must_be_let_through_again(store, template):
    code = make_session(store, template).code
    store.sessions.save_answer(code, "p1", "versterken", "meer tijd")
    store.sessions.set_shown(code, "versterken", "p1", True)
    store.sessions.save_answer(code, "p1", "versterken", "meer tijd")
    assert store.sessions.get_answer(code, "p1", "versterken").shown
    store.sessions.save_answer(code, "p1", "versterken", "iets anders")
    assert not store.sessions.get_answer(code, "p1", "versterken").shown


def test_answer_stats_change_when_an_answer_changes(store, template):
    code = make_session(store, template).code
    assert store.sessions.answer_stats(code, "vaardigheid") == (0, None)
    store.sessions.save_answer(code, "p1", "vaardigheid", "vaardig")
    first = store.sessions.answer_stats(code, "vaardigheid")
    store.sessions.save_answer(code, "p1", "vaardigheid", "niet vaardig")
    second = store.sessions.answer_stats(code, "vaardigheid")
    assert first[0] == second[0] == 1 and first != second


def test_answer_stats_see_every_change_within_the_minute(store, template):
    """Times are kept to the minute; the revision counter still tells the facilitator's screen about each change."""
    code = make_session(store, template).code
    seen = [store.sessions.answer_stats(code, "versterken")]
    for step in (
        lambda: store.sessions.save_answer(code, "p1", "versterken", "meer tijd"),
        lambda: store.sessions.save_answer(code, "p1", "versterken", "meer overleg"),
        lambda: store.sessions.save_answer(code, "p1", "versterken", "meer overleg"),  # sent again, unchanged
        lambda: store.sessions.set_shown(code, "versterken", "p1", True),
        lambda: store.sessions.set_shown(code, "versterken", None, False),
        lambda: store.sessions.set_shared(code, "p1", "versterken", True),
        lambda: store.sessions.save_answer(code, "p2", "versterken", "scholing"),
    ):
        step()
        seen.append(store.sessions.answer_stats(code, "versterken"))
    assert len(set(seen)) == len(seen)
    assert store._db.query("SELECT revision FROM answers WHERE participant = 'p1'")[0][0] == 6


def test_answer_times_are_stored_to_the_minute_only(store, template):
    code = make_session(store, template).code
    store.sessions.save_answer(code, "p1", "versterken", "meer tijd")
    store.sessions.save_answer(code, "p1", "versterken", "meer overleg")
    created, updated = store._db.query("SELECT created_at, updated_at FROM answers")[0]
    assert MINUTE.match(created) and MINUTE.match(updated)
    assert MINUTE.match(store.sessions.get_answer(code, "p1", "versterken").updated_at)


def test_answers_come_in_order_of_arrival_not_of_pseudonym(store, template):
    code = make_session(store, template).code
    for participant in ("p3", "p1", "p2"):
        store.sessions.save_answer(code, participant, "versterken", f"van {participant}")
    store.sessions.save_answer(code, "p1", "versterken", "p1 past het aan")  # a change keeps its place
    store.sessions.save_answer(code, "p1", "vaardigheid", "vaardig")
    expected = [("p3", "versterken"), ("p1", "versterken"), ("p2", "versterken"), ("p1", "vaardigheid")]
    assert [(a.participant, a.question_key) for a in store.sessions.answers(code)] == expected
    assert [a.participant for a in store.sessions.answers(code, "versterken")] == ["p3", "p1", "p2"]
    assert store.sessions.answers(code) == store.sessions.answers(code)


def test_arrival_order_is_counted_per_session(store, template):
    first, second = make_session(store, template).code, make_session(store, template).code
    store.sessions.save_answer(first, "p1", "versterken", "a")
    store.sessions.save_answer(second, "p2", "versterken", "b")
    store.sessions.save_answer(first, "p3", "versterken", "c")
    assert store._db.query("SELECT seq FROM answers WHERE session_code = ? ORDER BY seq", (first,)) == [(1,), (2,)]
    assert store._db.query("SELECT seq FROM answers WHERE session_code = ?", (second,)) == [(1,)]


def test_live_state_changes_bump_the_version(store, template):
    code = make_session(store, template).code
    before = store.sessions.get_live_state(code).version
    after = store.sessions.update_live_state(code, results_shown=True)
    assert after.version == before + 1 and after.results_shown


def test_committed_answer_is_visible_to_another_connection(file_store, template):
    code = make_session(file_store, template).code
    file_store.sessions.save_answer(code, "p1", "vaardigheid", "vaardig")
    with Store(file_store.url) as other:
        assert [a.value for a in other.sessions.answers(code)] == ["vaardig"]


def test_uncommitted_write_is_invisible_and_a_failed_transaction_leaves_nothing(file_store, template):
    code = make_session(file_store, template).code
    with Store(file_store.url) as other:
        with pytest.raises(RuntimeError):
            with file_store.transaction() as conn:
                conn.execute(
                    "INSERT INTO answers (session_code, participant, question_key, value, shown, created_at, updated_at)"
                    " VALUES (?, 'p1', 'versterken', 'half', 0, 'x', 'x')",
                    (code,),
                )
                assert other.sessions.answers(code) == []  # not committed yet: nobody else sees it
                raise RuntimeError("stop halfway")
        assert other.sessions.answers(code) == [] and file_store.sessions.answers(code) == []
        file_store.sessions.save_answer(code, "p1", "versterken", "heel")  # the store is usable after the rollback
        assert [a.value for a in other.sessions.answers(code)] == ["heel"]


def test_a_writing_transaction_waits_for_the_one_before_it(file_store, template):
    """Writers run one at a time on both backends (SQLite BEGIN IMMEDIATE, PostgreSQL an advisory lock)."""
    code = make_session(file_store, template).code
    events = []
    inside = threading.Event()
    with Store(file_store.url) as other:
        def second_writer():
            inside.wait(10)
            with other.transaction():
                events.append("second")

        thread = threading.Thread(target=second_writer)
        thread.start()
        with file_store.transaction() as conn:
            inside.set()
            thread.join(0.5)  # the second writer must still be waiting for our lock
            conn.execute("UPDATE sessions SET team = 'x' WHERE code = ?", (code,))
            events.append("first")
        thread.join(10)
    assert events == ["first", "second"]


def test_the_sticker_budget_holds_under_concurrent_writers(file_store, template):
    """Four phones of one participant tap at once: the budget is checked inside the writing transaction."""
    from kit.store import StickerRefused

    code = make_session(file_store, template).code
    for i in range(3):
        file_store.board.add_point(code, f"pt{i}", "a", None, f"punt {i}")
    stores = [Store(file_store.url) for _ in range(4)]
    placed = []

    def tap(store, point):
        for _ in range(5):
            try:
                store.board.change_stickers(code, "p1", point, +1, budget=3, per_point=3)
                placed.append(point)
            except StickerRefused:
                pass

    threads = [threading.Thread(target=tap, args=(s, f"pt{i % 3}")) for i, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    for store in stores:
        store.close()
    assert len(placed) == 3
    assert sum(file_store.board.sticker_counts(code, "p1").values()) == 3


def test_foreign_file_gets_a_dutch_error_and_is_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"dit is geen database" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="niet gewijzigd"):
        Store(f"sqlite:///{path}")
    assert path.read_bytes() == before


def filled_database(tmp_path, template, journal_mode="wal"):
    path = tmp_path / "kit.sqlite"
    with Store(f"sqlite:///{path}") as store:
        for n in range(40):
            code = make_session(store, template).code
            for p in range(10):
                store.sessions.save_answer(code, f"p{p}", "versterken", f"antwoord {n}-{p} " + "x" * 200)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    conn.close()
    assert not (tmp_path / "kit.sqlite-wal").exists()
    return path


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
@pytest.mark.parametrize("keep", [0.5, 0.9, 4096 + 100])
def test_truncated_database_gets_a_dutch_error_and_is_left_alone(tmp_path, template, journal_mode, keep):
    """A copy that broke off halfway: refused before anything (even switching to WAL) writes to it."""
    path = filled_database(tmp_path, template, journal_mode)
    whole = path.read_bytes()
    cut = whole[: int(len(whole) * keep) if keep < 1 else keep]
    path.write_bytes(cut)
    with pytest.raises(StoreError, match="beschadigd.*niet gewijzigd"):
        Store(f"sqlite:///{path}")
    assert path.read_bytes() == cut
    assert not (tmp_path / "kit.sqlite-wal").exists()


def test_damaged_pages_inside_a_database_get_a_dutch_error(tmp_path, template):
    path = filled_database(tmp_path, template)
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # the page after the header: the schema runs over it
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="niet gewijzigd"):
        Store(f"sqlite:///{path}")


def test_newer_schema_is_refused(db_url):
    Store(db_url).close()
    with Store(db_url) as store, store.transaction() as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, 'toekomst', 'x')")
    with pytest.raises(StoreError, match="nieuwere versie"):
        Store(db_url)


def test_migration_3_keeps_the_order_of_old_answers_and_drops_their_seconds(db_url, template):
    """A database made before migration 3: exact times become minutes, the order they gave is kept."""
    from kit.store.connection import connect

    conn = connect(db_url)
    conn.begin()
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    for version, description, statements in MIGRATIONS[:2]:
        for statement in statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'x')", (version, description))
    conn.execute("INSERT INTO sessions VALUES ('ABCDEF', 'Team', '2026-01-01', 't', ?, 'open', 'x')",
                 (json_template(template),))
    old = [("pz", "2026-01-01T10:15:59.999999+00:00"), ("pa", "2026-01-01T10:15:30.000001+00:00"),
           ("pm", "2026-01-01T10:16:01.500000+00:00")]
    for participant, at in old:
        conn.execute("INSERT INTO answers (session_code, participant, question_key, value, shown, created_at,"
                     " updated_at) VALUES ('ABCDEF', ?, 'versterken', ?, 0, ?, ?)", (participant, participant, at, at))
    conn.commit()
    conn.close()
    with Store(db_url) as store:
        assert store.schema_version() == LATEST_VERSION
        assert [a.participant for a in store.sessions.answers("ABCDEF")] == ["pa", "pz", "pm"]
        times = store._db.query("SELECT created_at, updated_at FROM answers ORDER BY seq")
        assert times == [("2026-01-01T10:15:00+00:00",) * 2, ("2026-01-01T10:15:00+00:00",) * 2,
                         ("2026-01-01T10:16:00+00:00",) * 2]
        store.sessions.save_answer("ABCDEF", "new", "versterken", "nieuw")
        assert store.sessions.answers("ABCDEF")[-1].participant == "new"


def json_template(template):
    import json

    return json.dumps(template.to_dict())


@pytest.mark.parametrize("url", ["mysql://x", "sqlite:relative", "oracle://scott:tiger@host/db"])
def test_unsupported_urls_get_a_dutch_message(url):
    with pytest.raises(StoreError, match="Onbekend soort|niet geldig") as error:
        Store(url)
    assert "tiger" not in str(error.value)


# -- the shape: Store is its parts --------------------------------------------------------------------------------
LIFECYCLE = {"url", "backend", "close", "schema_version", "backup", "transaction"}
PARTS = {"sessions": "SessionStore", "worksheets": "WorksheetStore", "board": "BoardStore", "history": "HistoryStore"}


def test_store_shows_a_newcomer_only_its_lifecycle_and_its_parts(store):
    public = {name for name in dir(store) if not name.startswith("_")}
    assert public == LIFECYCLE | set(PARTS)
    for part, cls in PARTS.items():
        assert type(getattr(store, part)).__name__ == cls
        assert type(getattr(store, part)).__module__ == f"kit.store.{part}"  # one module per part, named after it


def test_parts_know_only_the_connection_and_the_catalogs_not_each_other_or_the_store():
    import ast
    from pathlib import Path

    import kit.store

    folder = Path(kit.store.__file__).parent
    for part in PARTS:
        tree = ast.parse((folder / f"{part}.py").read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert {m for m in imported if m.startswith("kit")} <= {"kit.store.connection", "kit.i18n"}, part


def test_writes_of_several_parts_in_one_store_transaction_are_all_or_nothing(file_store, template):
    code = make_session(file_store, template).code
    with pytest.raises(RuntimeError):
        with file_store.transaction():
            file_store.sessions.save_answer(code, "p1", "versterken", "ja")
            file_store.board.add_point(code, "pt1", "p1", None, "een punt")
            file_store.worksheets.register_group(code, "g1", "Groep 1")
            raise RuntimeError("halfway")
    assert file_store.sessions.answers(code) == [] and file_store.board.points(code) == []
    assert file_store.worksheets.groups(code) == []
    with file_store.transaction():
        file_store.sessions.save_answer(code, "p1", "versterken", "ja")
        file_store.board.add_point(code, "pt1", "p1", None, "een punt")
        with Store(file_store.url) as other:  # not committed yet: another connection sees nothing
            assert other.sessions.answers(code) == []
    with Store(file_store.url) as other:
        assert len(other.sessions.answers(code)) == 1 and len(other.board.points(code)) == 1


def test_the_fingerprints_see_changes_of_their_own_part(store, template):
    code = make_session(store, template).code
    sheets, board = store.worksheets.fingerprint(code), store.board.fingerprint(code)
    store.worksheets.register_group(code, "g1", "Groep 1")
    assert store.worksheets.fingerprint(code) != sheets and store.board.fingerprint(code) == board
    store.board.add_point(code, "pt1", "p1", None, "een punt")
    assert store.board.fingerprint(code) != board
