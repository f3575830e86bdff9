from pathlib import Path

import pytest

from serving import CHROMIUM, CHROMIUM_ARGS, start_serving, stop_serving


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt: `make test` installeert het met apt (pakket chromium).")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def served(tmp_path):
    s = start_serving(tmp_path)
    yield s
    leftovers = stop_serving(s)
    assert not leftovers, f"serve left processes running: {leftovers}"


def pytest_collection_modifyitems(items):
    """Every test in this folder starts real servers: marked `browser` by where it lives, not by each file."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)
