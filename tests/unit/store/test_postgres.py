"""PostgreSQL by URL: errors a person can act on, psycopg only when needed, and every command on a real server.

The cases that need a server use the `pg_url` fixture (a fresh schema per test); without
$TEAMLEERGESPREK_TEST_PG they skip; under `make test`, which sets it, a PostgreSQL that did not start fails them.
"""

import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kit.cli import main
from kit.store import Store, StoreError
from kit.store.connection import redact_url, to_pyformat
from kit.model.sessions import new_session

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def with_part(url: str, **parts) -> str:
    """The same URL with another password, database, port or user."""
    split = urlsplit(url)
    user = parts.get("user", split.username)
    password = parts.get("password", split.password)
    port = parts.get("port", split.port)
    path = "/" + parts["database"] if "database" in parts else split.path
    return split._replace(netloc=f"{user}:{password}@{split.hostname}:{port}", path=path).geturl()


# -- without a server ---------------------------------------------------------------------------------------------
def test_sqlite_stores_and_phone_kernels_never_import_psycopg():
    """Participant kernels pay for psycopg (about 8 MB) only when the database is PostgreSQL."""
    code = textwrap.dedent("""
        import sys
        import kit.apps.participant
        from kit.cli import main
        from kit.store import Store
        with Store("sqlite://") as store:
            store.schema_version()
        main(["--db", "sqlite://", "new", "--team", "X"])
        print(sorted(m for m in sys.modules if m.split(".")[0] == "psycopg"))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_placeholders_are_translated_once_in_one_place():
    assert to_pyformat("SELECT a FROM t WHERE b = ? AND c = ?") == "SELECT a FROM t WHERE b = %s AND c = %s"
    assert to_pyformat("SELECT '?', \"a?\", 5 % 2 FROM t WHERE x LIKE '%y' AND z = ?") == (
        "SELECT '?', \"a?\", 5 %% 2 FROM t WHERE x LIKE '%%y' AND z = %s"
    )


def test_passwords_never_reach_a_message():
    assert redact_url("postgresql://kit:geheim@server:5432/kit") == "postgresql://kit:***@server:5432/kit"
    assert redact_url("postgresql://server/kit") == "postgresql://server/kit"


def test_no_server_listening_gets_a_dutch_message_without_traceback(capsys):
    url = f"postgresql://kit:geheim@127.0.0.1:{free_port()}/kit"
    with pytest.raises(StoreError, match="kan geen verbinding maken.*[Cc]ontroleer") as error:
        Store(url)
    assert "geheim" not in str(error.value)
    assert main(["--db", url, "new", "--team", "Team Noord"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: Ik kan geen verbinding maken") and "Traceback" not in err and "geheim" not in err


@pytest.mark.parametrize("url", ["postgresql://kit:geheim@127.0.0.1:geenpoort/kit", "postgres://%zz@/kit?sslmode=nooit"])
def test_malformed_postgres_url_gets_a_dutch_message(url):
    with pytest.raises(StoreError, match="kan geen verbinding maken") as error:
        Store(url)
    assert "geheim" not in str(error.value)


def test_the_command_line_tool_says_it_in_dutch_as_a_process():
    url = f"postgresql://kit:geheim@127.0.0.1:{free_port()}/kit"
    result = subprocess.run([sys.executable, "-m", "kit", "--db", url, "export", "--session", "ABCDEF"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "kan geen verbinding maken" in result.stderr


# -- with a server ------------------------------------------------------------------------------------------------
def test_wrong_password_and_unknown_database_get_a_dutch_message(pg_url):
    for url in (with_part(pg_url, password="fout-wachtwoord"), with_part(pg_url, database="bestaat_niet")):
        with pytest.raises(StoreError, match="kan geen verbinding maken.*[Cc]ontroleer") as error:
            Store(url)
        assert "fout-wachtwoord" not in str(error.value)


def test_every_command_runs_on_postgresql(pg_url, capsys, tmp_path):
    assert main(["--db", pg_url, "new", "--team", "Team PG", "--date", "2026-11-28"]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["--db", pg_url, "new", "--team", "Team PG", "--date", "2001-01-01"]) == 0
    old_code = capsys.readouterr().out.strip().splitlines()[-1]
    with Store(pg_url) as store:
        assert store.backend == "postgresql"
        store.sessions.update_live_state(code, block_key="startoefening", question_key="versterken")
        store.sessions.save_answer(code, "p1", "versterken", "100% meer tijd voor overleg?")
        store.sessions.save_answer(old_code, "p1", "versterken", "oud antwoord")

    out = tmp_path / "antwoorden.csv"
    assert main(["--db", pg_url, "export", "--session", code, "--out", str(out)]) == 0
    assert "100% meer tijd voor overleg?" in out.read_text(encoding="utf-8")

    assert main(["--db", pg_url, "backup", "--out", str(tmp_path / "kopie.sqlite")]) == 2
    assert "pg_dump" in capsys.readouterr().err and not (tmp_path / "kopie.sqlite").exists()

    assert main(["--db", pg_url, "purge", "--older-than", "3650"]) == 0
    assert old_code in capsys.readouterr().out
    assert main(["--db", pg_url, "delete", "--session", code]) == 0
    assert "verwijderd" in capsys.readouterr().out
    with Store(pg_url) as store:
        assert store.sessions.list_sessions() == []
        for table in store._db.tables_with_column("session_code"):
            assert store._db.query(f"SELECT COUNT(*) FROM {table}") == [(0,)]


def test_a_store_carries_on_after_the_server_dropped_its_connection(pg_url, template):
    import psycopg

    with Store(pg_url) as store:
        code = new_session(store, template, "Team", "2026-11-28").code
        pid = store._db.query("SELECT pg_backend_pid()")[0][0]
        with psycopg.connect(os.environ["TEAMLEERGESPREK_TEST_PG"], autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        time.sleep(0.2)
        store.sessions.save_answer(code, "p1", "versterken", "na de onderbreking")
        assert [a.value for a in store.sessions.answers(code)] == ["na de onderbreking"]
        assert store._db.query("SELECT pg_backend_pid()")[0][0] != pid
