"""Hostile and unusual text from a real phone: stored exactly (within limits), shown as text, exported safely."""

import csv
import io

from playwright.sync_api import expect

from serving import PAGE_TIMEOUT_MS


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

UNUSUAL = {
    "script": "<script>window.__pwned = 1</script>",
    "style": "<style>body { display: none !important }</style>zichtbaar",
    "image": "<img src=x onerror=\"window.__pwned = 2\">",
    "formula": "=HYPERLINK(\"http://example.invalid\",\"klik\")",
    "rtl": "\u05e9\u05dc\u05d5\u05dd \u202eomgekeerd\u202c en \u0645\u0631\u062d\u0628\u0627",
    "emoji": "Samen 👩‍🏫🤝🏽 sterker 💪",
    "control": "regel één\tmet tab\nregel twee\r\nen \u0007 bel",
}


def _phone(browser, served):
    page = browser.new_context(**PHONE).new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(served.join_url)
    return page


def _open_question(served, key):
    from kit.model.live import LiveSession
    from kit.store import Store

    with Store(served.db_url) as store:
        session = LiveSession.open(store, served.code)
        session.go_to(next(s.index for s in session.template.steps if s.question and s.question.key == key))
        session.set_results_shown(True)
        store.sessions.set_shown(served.code, key, None, True)


def test_unusual_answers_are_stored_exactly_shown_as_text_and_exported_safely(browser, served):
    _open_question(served, "versterken")
    phones = {}
    for name, text in UNUSUAL.items():
        phone = _phone(browser, served)
        phone.locator("textarea:visible").fill(text)
        phone.get_by_role("button", name="Verstuur").click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
        phones[name] = phone

    from kit.store import Store

    with Store(served.db_url) as store:
        stored = sorted(a.value for a in store.sessions.answers(served.code, "versterken"))
        store.sessions.set_shown(served.code, "versterken", None, True)
    # Exactly as typed; the browser normalises \r\n in a textarea to \n, which is what a person typed.
    assert stored == sorted(t.replace("\r\n", "\n") for t in UNUSUAL.values())

    screen = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    screen.set_default_timeout(PAGE_TIMEOUT_MS)
    screen.goto(served.screen_url)
    cards = screen.locator(".tlg-answer-card")
    expect(cards).to_have_count(len(UNUSUAL))
    expect(screen.get_by_text("<script>window.__pwned = 1</script>")).to_be_visible()
    expect(screen.get_by_text("zichtbaar")).to_be_visible()  # the style tag did not hide the page
    for page in [screen, *phones.values()]:
        assert page.evaluate("window.__pwned") is None

    rows = list(csv.DictReader(io.StringIO(served.cli("export", "--session", served.code).stdout)))
    exported = {r["antwoord"] for r in rows}
    assert "'" + UNUSUAL["formula"] in exported and UNUSUAL["formula"] not in exported
    assert UNUSUAL["emoji"] in exported and UNUSUAL["rtl"] in exported


def test_fifty_kilobytes_cannot_be_sent_and_nothing_else_changes(browser, served):
    _open_question(served, "versterken")
    phone = _phone(browser, served)
    phone.locator("textarea:visible").fill("Eerst een kort antwoord")
    phone.get_by_role("button", name="Verstuur").click()
    expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()

    phone.locator("textarea:visible").fill("x" * 50_000)
    expect(phone.get_by_text("50000 / 500 tekens")).to_be_visible()
    expect(phone.get_by_role("button", name="Verstuur")).to_be_disabled()

    from kit.store import Store

    with Store(served.db_url) as store:
        assert [a.value for a in store.sessions.answers(served.code)] == ["Eerst een kort antwoord"]
