"""The second hour in real browsers: groups on the meldcode worksheet, the route map, post-its, sticker voting
within the budget, and the action plan written by the facilitator."""

from playwright.sync_api import expect

from serving import PHONE, answer_first_step, new_page, register_group, walk_to



def test_second_hour(browser, served):
    from kit.store import Store

    facilitator = new_page(browser, served.facilitator_url, viewport={"width": 1366, "height": 900})
    expect(facilitator.locator(".tlg-block-title")).to_have_text("Welkom")

    # Werkvorm 3: three groups, three cases.
    groups = [new_page(browser, served.join_url, **PHONE) for _ in range(3)]
    for g in groups:
        expect(g.get_by_text("Even wachten…")).to_be_visible()
    walk_to(facilitator, served, activity="werkblad")
    for number, (g, case) in enumerate(zip(groups, ["Casus 1: ziek naar huis", "Casus 2: niet naar huis durven",
                                                   "Casus 3: zorgen voor broertje en zusje"]), start=1):
        register_group(g, f"Groep {number}")
        answer_first_step(g, case, f"Signaal van groep {number}")
    expect(facilitator.get_by_text("3 groepjes")).to_be_visible()
    facilitator.get_by_role("button", name="Toon resultaten").click()
    # The room sees no worksheet answer before the facilitator lets it through, one by one or per step.
    expect(facilitator.get_by_text("Nog geen werkbladantwoorden op het scherm", exact=False)).to_be_visible()
    assert "Signaal van groep" not in facilitator.inner_text("body")
    facilitator.get_by_role("button", name="Alleen voor jou ▾ · 3 nieuw").click()
    facilitator.get_by_role("button", name="Toon alle van deze stap").click()

    route = facilitator.locator(".widget-vbox", has=facilitator.get_by_text("Routekaart", exact=True)).last
    route.locator("select").nth(0).select_option(label="Stap 1: Signalen in kaart brengen")
    route.locator("select").nth(1).select_option(label="Positieve punten")
    facilitator.get_by_placeholder("Punt voor de routekaart").fill("Mentoren herkennen signalen")
    facilitator.get_by_role("button", name="Zet op de kaart").click()
    route.locator("select").nth(1).select_option(label="Sleutelfiguren")
    facilitator.get_by_placeholder("Punt voor de routekaart").fill("Aandachtsfunctionaris")
    facilitator.get_by_role("button", name="Zet op de kaart").click()
    expect(route.get_by_text("Sleutelfiguren · Aandachtsfunctionaris")).to_be_visible()
    facilitator.get_by_role("button", name="▴ Sluit: de zaal ziet weer de presentatie").click()
    for number in (1, 2, 3):
        expect(facilitator.locator(".tlg-activity").get_by_text(f"Signaal van groep {number}")).to_be_visible()
    walk_to(facilitator, served, activity="routekaart")
    table = facilitator.locator(".tlg-route")
    expect(table).to_contain_text("Mentoren herkennen signalen")
    expect(table).to_contain_text("Aandachtsfunctionaris")
    for g in groups:
        expect(g.get_by_text("De routekaart wordt nu samen gemaakt")).to_be_visible()

    # Werkvorm 5: six participants post points during the first prompt.
    phones = [new_page(browser, served.join_url, **PHONE) for _ in range(6)]
    walk_to(facilitator, served, block="werkvorm5", prompt=0)
    texts = ["Vaste sparringpartner", "Scholing oudergesprekken", "Nazorg na melding",
             "Meldcode jaarlijks bespreken", "Korte lijn met Veilig Thuis", "Tijd voor overleg"]
    for phone, text in zip(phones, texts):
        phone.get_by_placeholder("Eén punt per post-it").fill(text)
        phone.get_by_role("button", name="Plak post-it").click()
        expect(phone.get_by_text("Je post-it hangt op het bord ✓")).to_be_visible()
    walk_to(facilitator, served, activity="stickers")
    expect(facilitator.get_by_text("0 stickers geplakt")).to_be_visible()

    def stick(phone, text, expect_text="Sticker geplakt ✓"):
        card = phone.locator(".widget-vbox", has=phone.locator(".tlg-point", has_text=text)).last
        card.get_by_role("button", name="+ sticker").click()
        expect(phone.get_by_text(expect_text)).to_be_visible()

    plan = {0: ["Vaste sparringpartner", "Vaste sparringpartner", "Nazorg na melding"],
            1: ["Vaste sparringpartner", "Scholing oudergesprekken", "Nazorg na melding"],
            2: ["Nazorg na melding", "Nazorg na melding", "Tijd voor overleg"],
            3: ["Vaste sparringpartner"], 4: ["Scholing oudergesprekken"], 5: ["Vaste sparringpartner"]}
    for index, choices in plan.items():
        for text in choices:
            stick(phones[index], text)
    def add_button(phone, text):
        return phone.locator(".widget-vbox", has=phone.locator(".tlg-point", has_text=text)).last.get_by_role(
            "button", name="+ sticker")

    expect(add_button(phones[0], "Tijd voor overleg")).to_be_disabled()  # no fourth sticker: none left
    stick(phones[3], "Vaste sparringpartner")
    expect(add_button(phones[3], "Vaste sparringpartner")).to_be_disabled()  # no third on one point
    expect(add_button(phones[3], "Nazorg na melding")).to_be_enabled()
    expect(phones[0].get_by_text("Je hebt nog 0 stickers")).to_be_visible()
    expect(phones[3].get_by_text("Je hebt nog 1 sticker")).to_be_visible()

    with Store(served.db_url) as store:
        points = {p.point_id: p.text for p in store.board.points(served.code)}
        stored = {points[pid]: n for pid, n in store.board.sticker_counts(served.code).items()}
    assert stored == {"Vaste sparringpartner": 6, "Nazorg na melding": 4, "Scholing oudergesprekken": 2,
                      "Tijd voor overleg": 1}
    expect(facilitator.get_by_text("13 stickers geplakt")).to_be_visible()
    facilitator.get_by_role("button", name="Toon resultaten").click()
    rows = facilitator.locator(".tlg-board-text")
    expect(rows.nth(0)).to_have_text("1. Vaste sparringpartner")
    expect(rows.nth(1)).to_have_text("2. Nazorg na melding")
    expect(rows.nth(2)).to_have_text("3. Scholing oudergesprekken")
    expect(rows.nth(3)).to_have_text("4. Tijd voor overleg")

    # The action plan: two actions for the top points.
    walk_to(facilitator, served, activity="acties")
    facilitator.get_by_role("button", name="Alleen voor jou ▾").click()
    editor = facilitator.locator(".widget-vbox", has=facilitator.get_by_text("Actieplan", exact=True)).last
    for point, owner, planning, level in [
        ("Vaste sparringpartner (6)", "zorgcoördinator", "voor 1 februari", "het team en de organisatie"),
        ("Nazorg na melding (4)", "aandachtsfunctionaris", "voorjaar", "de samenwerking met externe partners"),
    ]:
        editor.locator("select").nth(0).select_option(label=point)
        editor.locator("select").nth(1).select_option(label=level)
        facilitator.get_by_placeholder("rol, bijv. aandachtsfunctionaris (geen naam)").fill(owner)
        facilitator.get_by_placeholder("datum of periode").fill(planning)
        facilitator.get_by_role("button", name="Bewaar actie").click()
        expect(facilitator.get_by_text("Actie bewaard ✓")).to_be_visible()
    facilitator.get_by_role("button", name="▴ Sluit: de zaal ziet weer de presentatie").click()
    actions = facilitator.locator(".tlg-actions")
    expect(actions).to_be_visible()
    expect(actions).to_contain_text("zorgcoördinator")
    expect(actions).to_contain_text("aandachtsfunctionaris")
    with Store(served.db_url) as store:
        assert [(a.text, a.owner, a.status) for a in store.board.actions(served.code)] == [
            ("Vaste sparringpartner", "zorgcoördinator", "nog niet gestart"),
            ("Nazorg na melding", "aandachtsfunctionaris", "nog niet gestart"),
        ]

    # Everything of this hour is in the spreadsheet and in the PDF verslag.
    import re
    import tempfile
    from pathlib import Path

    from openpyxl import load_workbook
    from pypdf import PdfReader

    folder = Path(tempfile.mkdtemp())
    served.cli("export", "--session", served.code, "--format", "xlsx", "--out", str(folder / "sessie.xlsx"))
    served.cli("verslag", "--session", served.code, "--out", str(folder / "verslag.pdf"))
    workbook = load_workbook(folder / "sessie.xlsx")
    cells = {name: " ".join(str(v) for row in workbook[name].iter_rows(values_only=True) for v in row if v is not None)
             for name in workbook.sheetnames}
    for number in (1, 2, 3):
        assert f"Signaal van groep {number}" in cells["werkblad"]
    assert "Mentoren herkennen signalen" in cells["routekaart"] and "Aandachtsfunctionaris" in cells["routekaart"]
    points_rows = [row for row in workbook["punten"].iter_rows(min_row=2, values_only=True)]
    assert any("Vaste sparringpartner" in row and 6 in row for row in points_rows)
    assert "zorgcoördinator" in cells["actieplan"] and "voor 1 februari" in cells["actieplan"]
    # Without white space: table cells wrap long words, which is layout, not content.
    pdf = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(folder / "verslag.pdf").pages))
    for text in ("Browserteam", "Mentoren herkennen signalen", "Aandachtsfunctionaris", "Vaste sparringpartner",
                 "zorgcoördinator", "aandachtsfunctionaris", "voor 1 februari"):
        assert text.replace(" ", "") in pdf, text
    assert pdf.index("Vastesparringpartner6") < pdf.index("Nazorgnamelding4") < pdf.index("Tijdvooroverleg1")
