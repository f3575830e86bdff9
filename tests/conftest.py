import os
import secrets
import sys
from pathlib import Path

import pytest

# Helpers imported by bare name (tests import mode is importlib, which adds no test folder to sys.path).
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "browser"))

from factories import small_template  # noqa: E402

from kit.model.live import LiveSession  # noqa: E402
from kit.store import Store  # noqa: E402
from kit.model.sessions import new_session


# Store tests run on both backends. PostgreSQL needs a server: `make test` starts one and sets this variable.
PG_ENV = "TEAMLEERGESPREK_TEST_PG"
# Set by `make test`: there a PostgreSQL that could not start is a failure, not a quiet skip.
REQUIRE_PG_ENV = "TEAMLEERGESPREK_REQUIRE_PG"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request):
    return request.param


@pytest.fixture
def pg_url():
    """A fresh, empty schema of the test database per test, as a URL the kit (and any second Store) can open."""
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        if os.environ.get(REQUIRE_PG_ENV):
            pytest.fail(f"PostgreSQL did not start: {PG_ENV} is empty (see the 'postgres:' lines of `make test`)")
        pytest.skip(f"PostgreSQL case skipped: {PG_ENV} is not set (`make test` starts PostgreSQL and sets it)")
    import psycopg

    schema = f"test_{secrets.token_hex(6)}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in admin_url else "?"
    yield f"{admin_url}{separator}options=-csearch_path%3D{schema}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute("SET lock_timeout = '10s'")
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def db_url(backend, request, tmp_path):
    """Where a test's database lives: an SQLite file, or a fresh PostgreSQL schema."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_url")
    return f"sqlite:///{tmp_path / 'kit.sqlite'}"


@pytest.fixture
def store(backend, request):
    url = request.getfixturevalue("pg_url") if backend == "postgresql" else "sqlite://"
    with Store(url) as s:
        yield s


@pytest.fixture
def file_store(db_url):
    """A store that other connections can open too (`Store(file_store.url)`): an SQLite file, or PostgreSQL."""
    with Store(db_url) as s:
        yield s


@pytest.fixture
def template():
    return small_template()


@pytest.fixture
def session(store, template):
    record = new_session(store, template, "Team Noord", "2026-11-28")
    return LiveSession.open(store, record.code)
