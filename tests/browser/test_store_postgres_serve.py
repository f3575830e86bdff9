"""`serve --db postgresql://…` end to end: the facilitator's and a phone's kernels both work on PostgreSQL."""

import subprocess
import sys

import pytest
from playwright.sync_api import expect

from serving import click_next, open_facilitator, open_phone, start_serve, stop_serving

from kit.store import Store



@pytest.fixture
def served_on_postgres(pg_url, tmp_path):
    created = subprocess.run([sys.executable, "-m", "kit", "--db", pg_url, "new", "--team", "Team PG"],
                             capture_output=True, text=True, check=True)
    s = start_serve(pg_url, created.stdout.strip().splitlines()[-1], tmp_path / "serve.log")
    yield s
    leftovers = stop_serving(s)
    assert not leftovers, f"serve left processes running: {leftovers}"


def test_a_session_served_on_postgresql_takes_a_phone_answer(browser, served_on_postgres):
    served = served_on_postgres
    facilitator = open_facilitator(browser, served.facilitator_url)
    phone = open_phone(browser, served.join_url)
    click_next(facilitator, served, 3)  # Welkom -> Introductie -> Startoefening -> vraag 1
    phone.get_by_role("button", name="vaardig", exact=True).click()
    expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    expect(facilitator.locator(".tlg-count")).to_contain_text("1 antwoord")
    with Store(served.db_url) as store:
        assert [(a.question_key, a.value) for a in store.sessions.answers(served.code)] == [("vaardigheid", "vaardig")]
    exported = served.cli("export", "--session", served.code).stdout
    assert "vaardigheid" in exported and "vaardig" in exported
