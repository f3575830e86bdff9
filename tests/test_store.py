import sqlite3

import pytest

from kit.store import Store, StoreError
from kit.store.migrations import LATEST_VERSION


def make_session(store, template):
    return store.create_session(template.to_dict(), "Team Noord", "2026-11-28", template.blocks[0].key)


def test_fresh_database_is_migrated_and_records_its_version(store):
    assert store.schema_version() == LATEST_VERSION


def test_reopening_does_not_migrate_twice(file_store, template):
    record = make_session(file_store, template)
    file_store.close()
    with Store(file_store.url) as again:
        assert again.schema_version() == LATEST_VERSION
        assert again.get_session(record.code).team == "Team Noord"


def test_file_database_uses_wal_and_full_sync(file_store):
    assert file_store._query("PRAGMA journal_mode")[0][0] == "wal"
    assert file_store._query("PRAGMA synchronous")[0][0] == 2  # FULL


def test_session_codes_are_readable_and_unique(store, template):
    codes = {make_session(store, template).code for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert len(code) == 6 and not set(code) & set("0O1IL")


def test_session_keeps_its_template_and_starts_at_the_first_block(store, template):
    record = make_session(store, template)
    assert record.template == template.to_dict()
    state = store.get_live_state(record.code)
    assert (state.block_key, state.question_key, state.results_shown) == ("welkom", None, False)


def test_one_answer_per_participant_per_question_and_changes_replace(store, template):
    code = make_session(store, template).code
    store.save_answer(code, "p1", "vaardigheid", "vaardig")
    store.save_answer(code, "p1", "vaardigheid", "heel vaardig")
    store.save_answer(code, "p2", "vaardigheid", "vaardig")
    assert sorted(a.value for a in store.answers(code, "vaardigheid")) == ["heel vaardig", "vaardig"]


def test_changed_open_answer_must_be_let_through_again(store, template):
    code = make_session(store, template).code
    store.save_answer(code, "p1", "versterken", "meer tijd")
    store.set_shown(code, "versterken", "p1", True)
    store.save_answer(code, "p1", "versterken", "meer tijd")
    assert store.get_answer(code, "p1", "versterken").shown
    store.save_answer(code, "p1", "versterken", "iets anders")
    assert not store.get_answer(code, "p1", "versterken").shown


def test_answer_stats_change_when_an_answer_changes(store, template):
    code = make_session(store, template).code
    assert store.answer_stats(code, "vaardigheid") == (0, None)
    store.save_answer(code, "p1", "vaardigheid", "vaardig")
    first = store.answer_stats(code, "vaardigheid")
    store.save_answer(code, "p1", "vaardigheid", "niet vaardig")
    second = store.answer_stats(code, "vaardigheid")
    assert first[0] == second[0] == 1 and first != second


def test_live_state_changes_bump_the_version(store, template):
    code = make_session(store, template).code
    before = store.get_live_state(code).version
    after = store.update_live_state(code, results_shown=True)
    assert after.version == before + 1 and after.results_shown


def test_committed_answer_is_visible_to_another_connection(file_store, template):
    code = make_session(file_store, template).code
    file_store.save_answer(code, "p1", "vaardigheid", "vaardig")
    with Store(file_store.url) as other:
        assert [a.value for a in other.answers(code)] == ["vaardig"]


def test_foreign_file_gets_a_dutch_error_and_is_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"dit is geen database" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="niet gewijzigd"):
        Store(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    Store(f"sqlite:///{path}").close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'toekomst', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="nieuwere versie"):
        Store(f"sqlite:///{path}")


@pytest.mark.parametrize("url", ["postgresql://localhost/kit", "mysql://x", "sqlite:relative"])
def test_unsupported_urls_get_a_dutch_message(url):
    with pytest.raises(StoreError):
        Store(url)
