"""The Startoefening end to end: the facilitator walks the questions, five phones answer, the room sees results."""

import csv
import io
import re

from playwright.sync_api import expect

from serving import click_next, open_facilitator, open_phone


XSS = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> <b>meer</b> tijd"




def test_startoefening_five_phones(browser, served):
    facilitator = open_facilitator(browser, served.facilitator_url)
    expect(facilitator.locator(".tlg-join-code").first).to_have_text(served.code)
    phones = [open_phone(browser, served.join_url) for _ in range(5)]

    # Question 1: vaardigheid (ordered). Welkom -> Introductie -> Startoefening -> vraag 1.
    click_next(facilitator, served, 3)
    expect(facilitator.locator(".tlg-question-big")).to_have_text("Hoe vaardig voel jij je bij het signaleren en handelen?")
    expect(facilitator.locator(".tlg-count")).to_have_text("0 antwoorden")
    for phone, option in zip(phones, ["vaardig", "vaardig", "heel vaardig", "niet vaardig", "vaardig"]):
        phone.get_by_role("button", name=option, exact=True).click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    expect(facilitator.locator(".tlg-count")).to_have_text("5 antwoorden")
    expect(facilitator.get_by_text("Resultaten zijn verborgen")).to_be_visible()
    facilitator.get_by_role("button", name="Toon resultaten").click()
    expect(facilitator.get_by_text("heel vaardig: 1 · vaardig: 3 · redelijk vaardig: 0 · niet vaardig: 1")).to_be_visible()
    expect(facilitator.locator(".tlg-projector img").first).to_be_visible()

    # Question 2: tevredenheid_school (scale 0-5).
    click_next(facilitator, served)
    for phone in phones:
        expect(phone.get_by_text("Hoe tevreden ben jij over de handelswijze van de school?")).to_be_visible()
    for phone, value in zip(phones, ["4", "3", "5", "2", "3"]):
        phone.get_by_role("button", name=re.compile(rf"^{value}\b")).click()  # "4, op een schaal van 0 …"
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    expect(facilitator.locator(".tlg-count")).to_have_text("5 antwoorden")
    facilitator.get_by_role("button", name="Toon resultaten").click()
    expect(facilitator.get_by_text(re.compile("gemiddeld 3,4"))).to_be_visible()

    # Question 3: versterken (open). Markup is text, never code.
    click_next(facilitator, served)
    texts = [XSS, "Meer tijd voor overleg", "Een vaste aandachtsfunctionaris", "Scholing over de meldcode", "Korte lijnen met Veilig Thuis"]
    for phone, text in zip(phones, texts):
        expect(phone.get_by_text("Noem geen namen van leerlingen of collega's.")).to_be_visible()
        phone.locator("textarea:visible").fill(text)
        phone.get_by_role("button", name="Verstuur").click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    expect(facilitator.locator(".tlg-count")).to_have_text("5 antwoorden")
    facilitator.get_by_role("button", name="Toon resultaten").click()
    expect(facilitator.get_by_text("Nog geen antwoorden op het scherm.")).to_be_visible()
    # The raw answers are folded away (a mirrored projector shows this page): opened on purpose, it warns.
    expect(facilitator.get_by_text("Meer tijd voor overleg")).to_be_hidden()
    facilitator.get_by_role("button", name="Alleen voor jou ▾ · 5 nieuw").click()
    expect(facilitator.get_by_text("de zaal dit nu mee", exact=False)).to_be_visible()
    facilitator.get_by_role("button", name="Toon alle").click()
    cards = facilitator.locator(".tlg-answer-card")
    expect(cards).to_have_count(5)
    expect(cards.first).to_have_text(XSS)
    # Take one back: the room no longer sees it. Wait until the list shows it as let through (✓), so the click
    # lands on the redrawn row's button and not on the one from before "Toon alle".
    row = facilitator.locator(".tlg-moderation", has_text="✓ Meer tijd voor overleg")
    expect(row).to_be_visible()
    row.locator("xpath=..").get_by_role("button", name="Verberg").click()
    facilitator.get_by_role("button", name="▴ Sluit: de zaal ziet weer de presentatie").click()
    expect(cards).to_have_count(4)
    expect(cards.first).to_be_visible()
    for page in [facilitator, *phones]:
        assert page.evaluate("window.__pwned") is None

    rows = list(csv.DictReader(io.StringIO(served.cli("export", "--session", served.code, "--format", "csv").stdout)))
    by_question = {}
    for row in rows:
        by_question.setdefault(row["vraag"], []).append(row["antwoord"])
    assert sorted(by_question["vaardigheid"]) == sorted(["vaardig", "vaardig", "heel vaardig", "niet vaardig", "vaardig"])
    assert sorted(by_question["tevredenheid_school"]) == ["2", "3", "3", "4", "5"]
    assert sorted(by_question["versterken"]) == sorted(texts)
