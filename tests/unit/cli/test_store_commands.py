"""Delete, purge and backup (AVG): what is deleted is gone from the database file itself, a backup is a consistent
copy taken while a session runs, and nothing is ever overwritten."""

import secrets
import sqlite3
import threading
from datetime import date, timedelta

import pytest

from kit.cli import main
from kit.model.live import LiveSession, SessionNotFound
from kit.store import Store
from kit.store import ActionRecord
from kit.model.sessions import new_session


def fill_session(store, template, session_date="2026-11-28", secret=None):
    """A session with something in every table: answers, live state, groups, worksheet, route map, points,
    stickers, actions. Returns (code, the unique text written everywhere)."""
    record = new_session(store, template, "Team Noord", session_date)
    code = record.code
    secret = secret or f"geheim-{secrets.token_hex(8)}"
    store.sessions.update_live_state(code, question_key="versterken")
    store.sessions.save_answer(code, "p1", "versterken", f"eerste versie {secret}")
    store.sessions.save_answer(code, "p1", "versterken", f"antwoord {secret}")
    store.sessions.save_answer(code, "p2", "vaardigheid", "vaardig")
    store.worksheets.register_group(code, "g1", "Groep 1")
    store.worksheets.save_worksheet_answer(code, "g1", "stap1", 0, f"werkblad {secret}")
    store.worksheets.add_route_item(code, "r1", "stap1", "wie", f"route {secret}")
    store.board.add_point(code, "pt1", "p1", None, f"punt {secret}")
    store.board.change_stickers(code, "p1", "pt1", +1, budget=3, per_point=2)
    store.board.save_action(code, ActionRecord("a1", "pt1", f"actie {secret}", "school", "zorgteam", "maart", "open"))
    return code, secret


def rows_of(store, code):
    """Every row anywhere that belongs to this session."""
    counts = {}
    for table in store._db.tables_with_column("session_code"):
        counts[table] = store._db.query(f"SELECT COUNT(*) FROM {table} WHERE session_code = ?", (code,))[0][0]
    counts["sessions"] = store._db.query("SELECT COUNT(*) FROM sessions WHERE code = ?", (code,))[0][0]
    return counts


def raw_bytes(path):
    """The database file and whatever SQLite keeps beside it, as bytes on disk."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


# -- delete ---------------------------------------------------------------------------------------------------------
def test_delete_removes_every_row_of_the_session_and_only_that(file_store, template):
    code, _ = fill_session(file_store, template)
    other, _ = fill_session(file_store, template)
    assert all(rows_of(file_store, code).values())
    result = file_store.sessions.delete_session(code.lower())
    assert result.deleted == [code] and result.warning is None
    assert set(rows_of(file_store, code).values()) == {0}
    assert all(rows_of(file_store, other).values())
    assert file_store.sessions.get_session(code) is None and file_store.sessions.get_live_state(code) is None
    with pytest.raises(SessionNotFound):
        LiveSession.open(file_store, code)


def test_delete_on_the_command_line_leaves_no_trace_in_the_file(tmp_path, template, capsys):
    path = tmp_path / "kit.sqlite"
    url = f"sqlite:///{path}"
    with Store(url) as store:
        code, secret = fill_session(store, template)
        keep, kept = fill_session(store, template)
    assert secret.encode() in raw_bytes(path)  # it was on disk before

    assert main(["--db", url, "delete", "--session", code]) == 0
    out = capsys.readouterr().out
    assert f"Sessie {code}" in out and "verwijderd" in out

    assert secret.encode() not in raw_bytes(path)
    assert kept.encode() in raw_bytes(path)
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        column = "session_code" if "session_code" in columns else "code" if table == "sessions" else None
        if column:
            assert conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (code,)).fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM answers WHERE session_code = ?", (keep,)).fetchone()[0] == 2
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_phone_with_a_deleted_code_is_refused(store, template):
    code, _ = fill_session(store, template)
    session = LiveSession.open(store, code)
    store.sessions.delete_session(code)
    with pytest.raises(SessionNotFound):
        LiveSession.open(store, code)
    from kit.model.answers import AnswerRejected

    with pytest.raises(AnswerRejected):
        session.submit("p9", "versterken", "te laat")
    assert store.sessions.answers(code) == []


def test_delete_of_an_unknown_code_is_a_dutch_error_that_names_the_database(tmp_path, capsys):
    Store(f"sqlite:///{tmp_path / 'kit.sqlite'}").close()
    assert main(["--db", f"sqlite:///{tmp_path / 'kit.sqlite'}", "delete", "--session", "ZZZZZZ"]) == 2
    err = capsys.readouterr().err
    assert f"geen sessie met code 'ZZZZZZ' in {tmp_path / 'kit.sqlite'}" in err and "niets verwijderd" in err


def test_delete_while_a_session_is_being_served_still_wipes_the_file(tmp_path, template, capsys):
    """Another connection (a phone's kernel) stays open; the checkpoint still gets the old pages out."""
    path = tmp_path / "kit.sqlite"
    url = f"sqlite:///{path}"
    with Store(url) as store, Store(url) as phone:
        code, secret = fill_session(store, template)
        phone.sessions.answers(code)
        assert main(["--db", url, "delete", "--session", code]) == 0
        assert phone.sessions.get_session(code) is None
    assert secret.encode() not in raw_bytes(path)


# -- purge ----------------------------------------------------------------------------------------------------------
def test_purge_deletes_the_sessions_older_than_the_days_given(tmp_path, template, capsys):
    path = tmp_path / "kit.sqlite"
    url = f"sqlite:///{path}"
    today = date.today()
    with Store(url) as store:
        ancient, ancient_secret = fill_session(store, template, (today - timedelta(days=800)).isoformat())
        old, old_secret = fill_session(store, template, (today - timedelta(days=400)).isoformat())
        edge, _ = fill_session(store, template, (today - timedelta(days=365)).isoformat())
        recent, _ = fill_session(store, template, today.isoformat())

    assert main(["--db", url, "purge", "--older-than", "365"]) == 0
    out = capsys.readouterr().out
    assert ancient in out and old in out and edge not in out and "2 sessies van meer dan 365 dagen geleden verwijderd" in out

    with Store(url) as store:
        assert {s.code for s in store.sessions.list_sessions()} == {edge, recent}
    data = raw_bytes(path)
    assert ancient_secret.encode() not in data and old_secret.encode() not in data

    assert main(["--db", url, "purge", "--older-than", "365"]) == 0
    assert "niets verwijderd" in capsys.readouterr().out


def test_purge_by_date_on_both_backends(store, template):
    today = date(2026, 11, 28)
    old, _ = fill_session(store, template, "2025-11-27")
    new, _ = fill_session(store, template, "2025-11-28")
    assert [s.code for s in store.sessions.sessions_older_than(365, today)] == [old]
    assert store.sessions.purge_older_than(365, today).deleted == [old]
    assert set(rows_of(store, old).values()) == {0} and all(rows_of(store, new).values())
    assert store.sessions.purge_older_than(365, today).deleted == []


@pytest.mark.parametrize("days", ["-1", "een jaar", "1.5"])
def test_purge_needs_a_whole_number_of_days(tmp_path, capsys, days):
    with pytest.raises(SystemExit) as stop:
        main(["--db", f"sqlite:///{tmp_path / 'kit.sqlite'}", "purge", "--older-than", days])
    assert stop.value.code == 2
    assert "geen geldig aantal dagen" in capsys.readouterr().err


# -- backup ---------------------------------------------------------------------------------------------------------
def test_backup_while_phones_keep_answering_is_a_consistent_copy(tmp_path, template, capsys):
    url = f"sqlite:///{tmp_path / 'kit.sqlite'}"
    with Store(url) as store:
        code, _ = fill_session(store, template)
    stop = threading.Event()
    written = []

    def phones():
        with Store(url) as phone:
            n = 0
            while not stop.is_set():
                phone.sessions.save_answer(code, f"telefoon{n % 30}", "versterken", f"antwoord {n}")
                written.append(n)
                n += 1
                stop.wait(0.002)  # phones, not a benchmark: a few hundred answers a second

    thread = threading.Thread(target=phones)
    thread.start()
    try:
        while len(written) < 20:
            stop.wait(0.01)
        copies = [tmp_path / f"kopie{i}.sqlite" for i in range(3)]
        for copy in copies:
            assert main(["--db", url, "backup", "--out", str(copy)]) == 0
            assert f"Reservekopie gemaakt: {copy}" in capsys.readouterr().out
    finally:
        stop.set()
        thread.join(30)
    for copy in copies:
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
        conn.close()
        with Store(f"sqlite:///{copy}") as restored:
            assert restored.sessions.get_session(code).team == "Team Noord"
            assert 2 < len(restored.sessions.answers(code)) <= 32
    assert not list(tmp_path.glob(".kopie*"))  # no half-written leftovers


def test_backup_never_overwrites(tmp_path, template, capsys):
    url = f"sqlite:///{tmp_path / 'kit.sqlite'}"
    with Store(url) as store:
        fill_session(store, template)
    target = tmp_path / "bestaat.sqlite"
    target.write_bytes(b"belangrijk")
    assert main(["--db", url, "backup", "--out", str(target)]) == 2
    assert "bestaat al en wordt niet overschreven" in capsys.readouterr().err
    assert target.read_bytes() == b"belangrijk"
    assert main(["--db", url, "backup", "--out", str(tmp_path / "kit.sqlite")]) == 2  # not even onto itself
    assert main(["--db", url, "backup", "--out", str(tmp_path / "geen-map" / "kopie.sqlite")]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_backup_of_a_memory_database_is_refused(capsys):
    assert main(["--db", "sqlite://", "backup", "--out", "/tmp/nooit-gemaakt.sqlite"]) == 2
    assert "geheugen" in capsys.readouterr().err


def test_commands_on_a_damaged_file_say_so_in_dutch_and_leave_it_alone(tmp_path, template, capsys):
    path = tmp_path / "kit.sqlite"
    url = f"sqlite:///{path}"
    with Store(url) as store:
        for _ in range(20):
            code, _ = fill_session(store, template)
    data = path.read_bytes()[: len(path.read_bytes()) // 2]
    path.write_bytes(data)
    for args in (["delete", "--session", code], ["purge", "--older-than", "0"], ["backup", "--out", str(tmp_path / "k")],
                 ["export", "--session", code], ["new", "--team", "X"]):
        assert main(["--db", url, *args]) == 2
        err = capsys.readouterr().err
        assert "beschadigd" in err and "niet gewijzigd" in err
        assert path.read_bytes() == data
    assert not (tmp_path / "k").exists()
