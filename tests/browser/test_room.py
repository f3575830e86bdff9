"""The facilitator's page in the real room: one projector (1024×768, 1280×720, 1366×768) mirroring the laptop.

Everything the room needs fits the window without scrolling (checked on bounding boxes, not on screenshots);
what only the facilitator should see is folded away when the page first shows; a double click on Volgende moves
one step; the agenda jumps. With TEAMLEERGESPREK_SCREENSHOTS=DIR the fit test saves Welkom, a poll with results,
Werkvorm 3's route map and Werkvorm 5's board at 1366×768.
"""

import os
import time
from pathlib import Path

from playwright.sync_api import expect

from serving import PAGE_TIMEOUT_MS, new_page

ROOMS = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)]


def live(served):
    from kit.model.live import LiveSession
    from kit.store import Store

    store = Store(served.db_url)
    return store, LiveSession.open(store, served.code)


def go(session, **wanted):
    def value(step, key):
        if key == "question":
            return step.question.key if step.question else None
        return step.block.key if key == "block" else getattr(step, key)

    step = next(s for s in session.template.steps if all(value(s, k) == v for k, v in wanted.items()))
    session.go_to(step.index)
    return step


def inside(page, locator, what):
    """The element is on the screen and wholly inside the window: no scrolling, nothing cut off."""
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    size = page.viewport_size
    assert box is not None, what
    assert box["x"] >= 0 and box["y"] >= 0, f"{what} starts outside the window: {box}"
    assert box["x"] + box["width"] <= size["width"] + 0.5, f"{what} cut off on the right at {size}: {box}"
    assert box["y"] + box["height"] <= size["height"] + 0.5, f"{what} below the fold at {size}: {box}"
    return box


def no_page_scroll(page):
    assert page.evaluate("document.scrollingElement.scrollTop") == 0
    assert page.evaluate("Math.max(document.body.scrollWidth, document.documentElement.scrollWidth)") <= page.viewport_size["width"]


def screenshot(page, name):
    folder = os.environ.get("TEAMLEERGESPREK_SCREENSHOTS")
    if folder and page.viewport_size == {"width": 1366, "height": 768}:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name))


def test_every_step_fits_one_projector(browser, served):
    from kit.model.board import PointsBoard
    from kit.model.worksheet import Worksheet

    store, session = live(served)
    page = new_page(browser, served.facilitator_url, viewport={"width": 1366, "height": 768})
    expect(page.locator(".tlg-block-title")).to_have_text("Welkom")

    # Welkom: the join code (large, while people arrive), its link and the QR code, whole.
    for width, height in ROOMS:
        page.set_viewport_size({"width": width, "height": height})
        settled(page)
        code = page.locator(".tlg-join-code")
        expect(code).to_have_text(served.code)
        inside(page, code, f"the join code at {width}×{height}")
        inside(page, page.locator(".tlg-join-url"), "the join link")
        inside(page, page.locator(".tlg-join-qr svg"), "the QR code")
        inside(page, page.get_by_role("button", name="Volgende ▶"), "Volgende")
        no_page_scroll(page)
        screenshot(page, "welkom-1366x768.png")

    # A poll with its results: the question and the chart's last bar (the image's bottom edge) in the window.
    go(session, question="vaardigheid")
    for i, value in enumerate(["vaardig", "vaardig", "heel vaardig", "niet vaardig", "vaardig", "redelijk vaardig"]):
        session.submit(f"p{i}", "vaardigheid", value)
    session.set_results_shown(True)
    question = page.locator(".tlg-question-big")
    expect(question).to_have_text("Hoe vaardig voel jij je bij het signaleren en handelen?")
    chart = page.locator(".tlg-results > .tlg-chart")
    for width, height in ROOMS:
        page.set_viewport_size({"width": width, "height": height})
        settled(page)
        inside(page, page.locator(".tlg-join-code"), f"the join code at {width}×{height}")
        inside(page, question, f"the question at {width}×{height}")
        box = inside(page, chart, f"the chart at {width}×{height}")
        assert box["height"] >= 0.25 * height, f"a chart too small to read at {width}×{height}: {box}"
        inside(page, page.locator(".tlg-timer"), "the timer")
        inside(page, page.locator(".tlg-agenda-item.tlg-current"), "the agenda's current block")
        for name in ("Volgende ▶", "Verberg resultaten", "▶ Start tijd", "↺ Opnieuw"):
            inside(page, page.get_by_role("button", name=name), name)
        no_page_scroll(page)
        screenshot(page, "peiling-resultaten-1366x768.png")

    # Werkvorm 3's route map, with a point in every cell of the first steps.
    sheet = Worksheet.for_session(session)
    go(session, activity="routekaart")
    for step in sheet.meldcode.steps[:3]:
        for category in ("positief", "aandacht", "sleutelfiguren"):
            sheet.add_route_item(step.key, category, {"positief": "Mentoren herkennen signalen vroeg",
                                                      "aandacht": "Terugkoppeling na een melding",
                                                      "sleutelfiguren": "Aandachtsfunctionaris"}[category])
    route = page.locator(".tlg-route")
    expect(route).to_contain_text("Terugkoppeling na een melding")
    for width, height in ROOMS:
        page.set_viewport_size({"width": width, "height": height})
        settled(page)
        inside(page, route, f"the route map at {width}×{height}")
        no_page_scroll(page)
        screenshot(page, "werkvorm3-routekaart-1366x768.png")

    # Werkvorm 5's board: eight post-its with stickers, ranked, after the route map's three 'aandacht' points.
    board = PointsBoard.for_session(session)
    go(session, block="werkvorm5", prompt=0)
    texts = ["Vaste sparringpartner voor mentoren", "Scholing oudergesprekken", "Nazorg na een melding",
             "Meldcode jaarlijks bespreken in het team", "Korte lijn met Veilig Thuis", "Tijd voor overleg",
             "Aandachtsfunctionaris zichtbaar maken", "Signalen delen met de jeugdarts"]
    ids = [board.post(f"p{i}", text) for i, text in enumerate(texts)]
    go(session, activity="stickers")
    for voter in range(8):
        for pick in (0, voter % 8, (voter * 3) % 8):
            try:
                board.add_sticker(f"v{voter}", ids[pick])
            except Exception:
                pass
    session.set_results_shown(True)
    rows = page.locator(".tlg-board-row")
    expect(rows).to_have_count(8 + 3)
    for width, height in ROOMS:
        page.set_viewport_size({"width": width, "height": height})
        settled(page)
        inside(page, rows.last, f"the board's last point at {width}×{height}")
        no_page_scroll(page)
        screenshot(page, "werkvorm5-bord-1366x768.png")
    store.close()


def test_a_mirrored_room_sees_nothing_private_as_the_page_first_shows(browser, served):
    """Unapproved open answers, hidden post-its and worksheet answers not let through stay off the screen, also
    with 'Toon resultaten' on, until the facilitator opens 'Alleen voor jou' on purpose (which then says so)."""
    from kit.model.board import PointsBoard
    from kit.model.worksheet import Worksheet

    store, session = live(served)
    go(session, question="versterken")
    session.submit("p1", "versterken", "Doorgelaten antwoord")
    session.submit("p2", "versterken", "Geheim antwoord over een leerling")
    store.sessions.set_shown(served.code, "versterken", "p1", True)
    session.set_results_shown(True)

    page = new_page(browser, served.facilitator_url, viewport={"width": 1366, "height": 768})
    expect(page.locator(".tlg-answer-card")).to_have_text("Doorgelaten antwoord")
    expect(page.get_by_text("Geheim antwoord over een leerling")).to_be_hidden()
    expect(page.get_by_text("alleen jij ziet deze lijst", exact=False)).to_be_hidden()
    assert "Geheim antwoord" not in page.inner_text("body")
    # Opened on purpose: the list is there, with a warning that a mirrored room sees it now.
    page.get_by_role("button", name="Alleen voor jou ▾ · 1 nieuw").click()
    expect(page.get_by_text("Geheim antwoord over een leerling")).to_be_visible()
    expect(page.get_by_text("de zaal dit nu mee", exact=False)).to_be_visible()
    screenshot(page, "alleen-voor-jou-open-1366x768.png")
    page.get_by_role("button", name="▴ Sluit: de zaal ziet weer de presentatie").click()
    expect(page.get_by_text("Geheim antwoord over een leerling")).to_be_hidden()
    page.close()

    # The worksheet: two groups wrote, one answer let through; results on.
    sheet = Worksheet.for_session(session)
    go(session, activity="werkblad")
    first, second = sheet.register("Groep 1"), sheet.register("Groep 2")
    sheet.answer(first, "stap1", 0, "Doorgelaten signaal")
    sheet.answer(second, "stap1", 0, "Niet doorgelaten signaal")
    sheet.set_shown(True, first, "stap1", 0)
    session.set_results_shown(True)
    page = new_page(browser, served.facilitator_url, viewport={"width": 1366, "height": 768})
    expect(page.locator(".tlg-activity li")).to_have_text("Groep 1: Doorgelaten signaal")
    assert "Niet doorgelaten signaal" not in page.inner_text("body")
    page.get_by_role("button", name="Alleen voor jou ▾ · 1 nieuw").click()  # approval per answer, opened on purpose
    expect(page.get_by_text("Niet doorgelaten signaal")).to_be_visible()
    expect(page.get_by_role("button", name="Zet op de kaart")).to_be_visible()
    screenshot(page, "werkblad-alleen-voor-jou-1366x768.png")
    page.close()

    # Post-its: one hidden, results on.
    board = PointsBoard.for_session(session)
    go(session, block="werkvorm5", prompt=0)
    board.post("p1", "Zichtbare post-it")
    hidden = board.post("p2", "Verborgen post-it met een naam")
    board.hide(hidden, True)
    session.set_results_shown(True)
    page = new_page(browser, served.facilitator_url, viewport={"width": 1366, "height": 768})
    expect(page.locator(".tlg-answer-card")).to_have_text("Zichtbare post-it")
    assert "Verborgen post-it" not in page.inner_text("body")
    store.close()


def wait_for_step(session, index, at_least=1.5):
    """Let the kernel handle whatever the browser sent, then read where the session is."""
    time.sleep(at_least)
    deadline = time.monotonic() + PAGE_TIMEOUT_MS / 1000
    while session.step().index != index and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    return session.step().index


def test_a_double_click_moves_one_step_and_the_agenda_jumps(browser, served):
    store, session = live(served)
    page = new_page(browser, served.facilitator_url, viewport={"width": 1366, "height": 768})
    expect(page.locator(".tlg-block-title")).to_have_text("Welkom")

    page.get_by_role("button", name="Volgende ▶").dblclick()
    assert wait_for_step(session, 1) == 1
    expect(page.locator(".tlg-block-title")).to_have_text("Introductie van het thema")
    page.get_by_role("button", name="Volgende ▶").dblclick()
    assert wait_for_step(session, 2) == 2

    # The agenda: one click to Werkvorm 3 instead of twenty.
    page.get_by_role("button", name="Werkvorm 3 · 25 min").click()
    expect(page.locator(".tlg-block-title")).to_have_text("Werkvorm 3: De meldcode op school")
    assert session.step().block.key == "werkvorm3"
    worksheet_step = session.step().index
    expect(page.locator(".tlg-agenda-item.tlg-current")).to_have_text("Werkvorm 3 · 25 min")

    # A group writes; a double click at the worksheet asks first, and moves nothing until confirmed.
    from kit.model.worksheet import Worksheet

    sheet = Worksheet.for_session(session)
    while session.step().activity != "werkblad":
        page.get_by_role("button", name="Volgende ▶").click()
        wait_for_step(session, worksheet_step + 1, at_least=0.5)
        worksheet_step = session.step().index
    group = sheet.register("Groep 1")
    sheet.answer(group, "stap1", 0, "Signaal")
    page.get_by_role("button", name="Volgende ▶").dblclick()
    expect(page.get_by_text("1 groepje schrijft nog aan het werkblad", exact=False)).to_be_visible()
    assert wait_for_step(session, worksheet_step) == worksheet_step
    page.get_by_role("button", name="Nee, blijf hier").click()
    expect(page.get_by_text("nog aan het werkblad", exact=False)).to_be_hidden()
    page.get_by_role("button", name="Volgende ▶").click()
    page.get_by_role("button", name="Ja, ga toch verder").dblclick()
    assert wait_for_step(session, worksheet_step + 1) == worksheet_step + 1
    store.close()


# The page's layout as numbers; `settled` waits until it stays the same for half a second. A fixed pause measured
# a page still drawing on a busy machine (the CSS widget or a new view not yet in place).
LAYOUT_JS = """() => {
    const sizes = [document.documentElement.scrollWidth, document.documentElement.scrollHeight,
                   document.querySelectorAll('*').length];
    for (const el of document.querySelectorAll('.tlg-room, .tlg-room-main, .tlg-room-top, .tlg-agenda, .tlg-controls'))
        sizes.push(el.scrollWidth, el.scrollHeight, el.clientWidth, el.clientHeight);
    const now = sizes.join(',');
    if (window.__tlgLayout !== now) { window.__tlgLayout = now; window.__tlgSame = 0; return false; }
    return ++window.__tlgSame >= 5;
}"""


def settled(page):
    page.wait_for_function(LAYOUT_JS, polling=100, timeout=60_000)


OVERFLOW_JS = """() => {
    const main = document.querySelector('.tlg-room-main');
    const cut = [];
    const parts = ['.tlg-room-main', '.tlg-room-top', '.tlg-agenda', '.tlg-controls'].map(s => document.querySelector(s));
    for (const el of parts.flatMap(part => [part, ...part.querySelectorAll('*')])) {
        if (el.offsetParent === null || getComputedStyle(el).overflowY === 'visible') continue;
        if (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2)
            cut.push(`${el.className} ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
    }
    const box = main.getBoundingClientRect();
    return {cut, bottom: box.bottom, height: innerHeight, scrolled: document.scrollingElement.scrollTop};
}"""


def test_no_step_needs_scrolling_on_the_smallest_projector(browser, served):
    """Every step of the standard session, at 1024×768 and 1280×720: the room's content, the top bar (title, timer,
    code), the agenda and the controls are not cut or scrolled."""
    store, session = live(served)
    page = new_page(browser, served.facilitator_url, viewport={"width": 1024, "height": 768})
    expect(page.locator(".tlg-block-title")).to_have_text("Welkom")
    problems = []
    for size in ({"width": 1024, "height": 768}, {"width": 1280, "height": 720}):
        page.set_viewport_size(size)
        for step in session.template.steps:
            session.go_to(step.index)
            expect(page.locator(".tlg-block-title")).to_have_text(step.block.title)
            if step.question is not None:
                expect(page.locator(".tlg-question-big")).to_have_text(step.question.text)
            elif step.prompt is not None:
                expect(page.locator(".tlg-prompt")).to_have_text(step.prompt_text)
            expect(page.locator(f"[data-tlg-step='{step.index}']")).to_be_attached()
            settled(page)
            if os.environ.get("TEAMLEERGESPREK_SCREENSHOTS_ALL"):  # every step, to look at by hand
                page.screenshot(path=str(Path(os.environ["TEAMLEERGESPREK_SCREENSHOTS_ALL"])
                                         / f"{size['width']}x{size['height']}-{step.index:02d}.png"))
            found = page.evaluate(OVERFLOW_JS)
            if found["cut"] or found["bottom"] > found["height"] or found["scrolled"]:
                problems.append((size["width"], step.index, step.block.key, step.activity or step.prompt, found))
            inside(page, page.get_by_role("button", name="Volgende ▶"), f"Volgende at step {step.index}")
    assert not problems, "\n".join(map(str, problems))
    store.close()
