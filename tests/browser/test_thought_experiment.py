"""Werkvorm 2, the thought experiment, in a real browser: the facilitator's page (1366×768) and a phone.

Each reflection question's thinking time starts by itself with the question, the block's clock stays in view,
the phones show the time left, and one pause stops it for everyone. With TEAMLEERGESPREK_SCREENSHOTS=DIR the
test saves the facilitator's page during the first question.
"""

import re

from playwright.sync_api import expect

from serving import PAGE_TIMEOUT_MS, PHONE, new_page
from test_room import go, inside, live, screenshot

ROOM = {"width": 1366, "height": 768}


def test_thinking_time_starts_with_the_question_and_phones_show_it(browser, served):
    store, session = live(served)
    go(session, block="werkvorm2", prompt=None)  # the block's own introduction, as the agenda jumps there
    page = new_page(browser, served.facilitator_url, viewport=ROOM)
    phone = new_page(browser, served.join_url, **PHONE)
    expect(page.locator(".tlg-block-title")).to_have_text("Werkvorm 2: Een gedachte-experiment")
    expect(page.locator(".tlg-timer")).to_have_text("15:00")  # nobody started the block's clock
    expect(page.locator(".tlg-thinking")).to_be_hidden()
    expect(phone.get_by_text("Werkvorm 2: Een gedachte-experiment")).to_be_visible(timeout=PAGE_TIMEOUT_MS)

    page.get_by_role("button", name="Volgende ▶").click()
    expect(page.locator(".tlg-prompt")).to_have_text(
        "Merk jij het als een leerling zich niet prettig voelt in de school? Wat valt jou op?")
    thinking = page.locator(".tlg-thinking")
    # The handbook's thinking time per question (prompt_seconds: 120) runs by itself, without "Start tijd".
    expect(thinking).to_have_text(re.compile(r"^Denktijd nog (2:00|1:\d\d)$"))
    expect(thinking).to_have_text(re.compile(r"^Denktijd nog 1:\d\d$"))  # it counts down
    # The block's clock stays in view and runs on (15 minutes for the whole werkvorm), not the thinking time.
    expect(page.locator(".tlg-timer")).to_have_text(re.compile(r"^1[45]:\d\d$"))
    expect(page.get_by_role("button", name="❚❚ Pauze")).to_be_enabled()
    inside(page, thinking, "the thinking time")
    inside(page, page.locator(".tlg-timer"), "the block's clock")
    inside(page, page.locator(".tlg-prompt"), "the question")
    screenshot(page, "werkvorm2-denktijd-1366x768.png")

    # The phone shows the question and the same time left.
    expect(phone.get_by_text("Wat valt jou op?")).to_be_visible()
    expect(phone.locator(".tlg-thinking")).to_have_text(re.compile(r"^Denktijd nog 1:\d\d$"))

    # One pause stops the thinking time in the room and on the phone; it stands still while paused.
    page.get_by_role("button", name="❚❚ Pauze").click()
    expect(thinking).to_have_text(re.compile(r"^Denktijd nog 1:\d\d \(gepauzeerd\)$"))
    expect(phone.locator(".tlg-thinking")).to_have_text(re.compile(r"\(gepauzeerd\)$"))
    paused_at = thinking.inner_text()
    assert session.thinking_time().label in paused_at and not session.thinking_time().running
    expect(phone.locator(".tlg-thinking")).to_have_text(paused_at)

    # The next question starts its own thinking time again, by itself.
    page.get_by_role("button", name="Volgende ▶").click()
    expect(page.locator(".tlg-prompt")).to_have_text("Bij welke signalen denk je wel eens aan kindermishandeling?")
    expect(thinking).to_have_text(re.compile(r"^Denktijd nog (2:00|1:\d\d)$"))
    expect(phone.locator(".tlg-thinking")).to_have_text(re.compile(r"^Denktijd nog (2:00|1:\d\d)$"))
    store.close()


def test_a_private_reflection_stays_on_the_phone(browser, served):
    """Whoever wants writes their reflection on their own phone: the phone says it stays there, the text survives
    the questions of the block, and it never reaches the kernel (no websocket message carries it), the database
    (no table, not even the file's bytes) or the server's logs. A new page starts empty."""
    import sqlite3
    from pathlib import Path

    store, session = live(served)
    go(session, block="werkvorm2", prompt=None)
    phone = browser.new_context(**PHONE).new_page()
    phone.set_default_timeout(PAGE_TIMEOUT_MS)
    sent: list[str] = []
    phone.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(
        payload if isinstance(payload, str) else payload.decode("utf-8", "replace"))))
    phone.goto(served.join_url)

    pad = phone.locator("textarea#tlg-notepad-text")
    expect(pad).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    expect(phone.get_by_text("Schrijf je gedachten op, als je wilt")).to_be_visible()
    expect(phone.get_by_text("Alleen voor jou: wat je hier typt, blijft op deze telefoon. Het wordt niet verstuurd, "
                             "niet bewaard en niemand anders ziet het. Sluit je deze pagina, dan is het weg.")).to_be_visible()
    expect(phone.get_by_label("Schrijf je gedachten op, als je wilt")).to_be_visible()  # the field has its name
    secret = "Ik denk aan mijn oom Quirijn 4711"
    pad.press_sequentially(secret)

    # The questions follow one another; the text stays on the phone, under each question.
    session.go_next()
    expect(phone.get_by_text("Wat valt jou op?")).to_be_visible()
    expect(pad).to_have_value(secret)
    session.go_next()
    expect(phone.get_by_text("Bij welke signalen denk je wel eens aan kindermishandeling?")).to_be_visible()
    pad.press_sequentially(" en aan school")
    expect(pad).to_have_value(secret + " en aan school")

    # Werkvorm 3 has no notepad; back in Werkvorm 2 the same page still holds the text.
    go(session, block="werkvorm3", prompt=None)
    expect(phone.get_by_text("Werkvorm 3: De meldcode op school")).to_be_visible()
    expect(pad).to_be_hidden()
    go(session, block="werkvorm2", prompt=3)
    expect(pad).to_have_value(secret + " en aan school")

    # Nothing of it went to the kernel, although the phone did talk to it (widget messages).
    assert any('"comm_msg"' in frame or '"comm_open"' in frame or "comm_info_request" in frame for frame in sent)
    assert not [frame for frame in sent if "Quirijn" in frame or "4711" in frame]

    # Nothing of it is in the database: no table, no row, and not in the file's bytes (WAL included).
    database = Path(served.db_url.removeprefix("sqlite:///"))
    with sqlite3.connect(database) as conn:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert "answers" in tables and "live_state" in tables
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):  # noqa: S608 (names from sqlite_master)
                assert not any("Quirijn" in str(cell) or "4711" in str(cell) for cell in row), (table, row)
    for file in database.parent.glob(database.name + "*"):
        assert b"Quirijn" not in file.read_bytes(), file
    assert "Quirijn" not in served.serve_text() and "Quirijn" not in served.participant_log()

    # Gone when the page closes: a new page of the same phone starts empty.
    phone.reload()
    expect(phone.locator("textarea#tlg-notepad-text")).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    expect(phone.locator("textarea#tlg-notepad-text")).to_have_value("")
    store.close()
