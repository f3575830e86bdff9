import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from factories import small_template  # noqa: E402

from kit.model.live import LiveSession  # noqa: E402
from kit.store import Store  # noqa: E402


@pytest.fixture
def store():
    with Store("sqlite://") as s:
        yield s


@pytest.fixture
def file_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'kit.sqlite'}"
    with Store(url) as s:
        yield s


@pytest.fixture
def template():
    return small_template()


@pytest.fixture
def session(store, template):
    record = store.create_session(template.to_dict(), "Team Noord", "2026-11-28", template.blocks[0].key)
    return LiveSession.open(store, record.code)
