"""Two phones' servers on one PostgreSQL database serve one session, as behind a school board's proxy
(docs/deploy.md): `serve` with the facilitator, plus `serve --participants-only` on another port. The facilitator
sees the union of both servers' votes, and phones on both follow the facilitator from question to question."""

import re
import socket
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from serving import click_next, PHONE, new_page, open_facilitator, open_phone, server_process, start_serve, stop_serving

from kit.store import Store


PROXY = "https://stemmen.example.nl/"


@pytest.fixture
def two_servers(pg_url, tmp_path):
    created = subprocess.run([sys.executable, "-m", "kit", "--db", pg_url, "new", "--team", "Twee servers"],
                             capture_output=True, text=True, check=True)
    code = created.stdout.strip().splitlines()[-1]
    first = start_serve(pg_url, code, tmp_path / "serve-a.log", serve_args=["--join-url", PROXY])
    # Started as a school board would, before (and for all) the day's sessions: no --session, phones bring the code.
    second = start_serve(pg_url, code, tmp_path / "serve-b.log", serve_args=["--participants-only"],
                         session_option=False)
    yield first, second
    leftovers = stop_serving(second) + stop_serving(first)
    assert not leftovers, f"serve left processes running: {leftovers}"


def test_the_facilitator_sees_the_votes_of_phones_on_both_servers(browser, two_servers):
    first, second = two_servers
    # The extra server is a phones' server only: no facilitator app on it, and it says so.
    assert "Alleen deelnemers" in second.serve_text() and "Begeleider" not in second.serve_text()
    assert "Telefoons van elke sessie" in second.serve_text()
    assert server_process(second, second.facilitator_port) is None
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", second.facilitator_port)) != 0

    facilitator = open_facilitator(browser, first.facilitator_url)
    # The room is sent to the proxy, which spreads phones over the servers.
    expect(facilitator.locator(".tlg-join").first).to_contain_text(f"{PROXY}?code={first.code}")

    on_first = [open_phone(browser, first.join_url) for _ in range(2)]
    on_second = [open_phone(browser, second.join_url) for _ in range(2)]
    phones = on_first + on_second
    click_next(facilitator, first, 3)  # Welkom -> Introductie -> Startoefening -> vraag 1
    for phone, option in zip(phones, ["heel vaardig", "vaardig", "vaardig", "niet vaardig"]):
        phone.get_by_role("button", name=option, exact=True).click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    expect(facilitator.locator(".tlg-count")).to_have_text("4 antwoorden")
    facilitator.get_by_role("button", name="Toon resultaten").click()
    expect(facilitator.get_by_text("heel vaardig: 1 · vaardig: 2 · redelijk vaardig: 0 · niet vaardig: 1")).to_be_visible()

    # The facilitator moves on: phones on both servers follow, and answer again.
    click_next(facilitator, first)
    for phone in phones:
        expect(phone.get_by_text("Hoe tevreden ben jij over de handelswijze van de school?")).to_be_visible()
    for phone, value in zip(phones, ["4", "2", "5", "3"]):
        phone.get_by_role("button", name=re.compile(rf"^{value}\b")).click()  # "4, op een schaal van 0 …"
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    expect(facilitator.locator(".tlg-count")).to_have_text("4 antwoorden")

    with Store(first.db_url) as store:
        answers = store.sessions.answers(first.code)
    assert sorted((a.question_key, a.value) for a in answers) == sorted(
        [("vaardigheid", v) for v in ["heel vaardig", "vaardig", "vaardig", "niet vaardig"]]
        + [("tevredenheid_school", v) for v in ["4", "2", "5", "3"]])
    assert len({a.participant for a in answers}) == 4  # four phones, four pseudonyms, across two servers

    # The same phones' server (Dutch, no --lang) serves an English session of this database: its phones speak English.
    created = subprocess.run([sys.executable, "-m", "kit", "--db", first.db_url, "new", "--lang", "en",
                              "--team", "International stream"], capture_output=True, text=True, check=True)
    english_code = created.stdout.strip().splitlines()[-1]
    english_phone = new_page(browser, f"http://127.0.0.1:{second.participant_port}/?code={english_code}", **PHONE)
    expect(english_phone.get_by_text("Please wait…")).to_be_visible()
    expect(english_phone.get_by_role("button", name="Reference: reporting code and tips")).to_be_visible()
    expect(english_phone.get_by_text(f"Team learning conversation · {english_code}")).to_be_visible()
