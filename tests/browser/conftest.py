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
