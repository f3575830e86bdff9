"""The facilitator's phone remote in real browsers, on the servers `serve` starts: only with the session's secret,
it moves the session and moderates, and the projector, the participants' phones and the laptop's page follow.

Screenshots of the remote on a 390×844 phone go to TEAMLEERGESPREK_SCREENSHOTS (when set)."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from serving import PAGE_TIMEOUT_MS, PHONE, click_next, new_page, open_room
from test_accessibility import axe, axe_source, unnamed  # noqa: F401 (axe-core on a page, as a fixture)
from test_prepare import prepare_page  # noqa: F401 (a fixture: `teamleergesprek voorbereiden` on a free port)

REFUSAL = "Deze afstandsbediening opent alleen met de juiste geheime link"


@pytest.fixture(autouse=True)
def patient_expect():
    """A kernel that starts on a busy laptop takes longer than Playwright's 5 s: wait as long as for a page."""
    expect.set_options(timeout=PAGE_TIMEOUT_MS)
    yield
    expect.set_options(timeout=5_000)


def remote_address(served) -> tuple[str, str]:
    """The remote's link as serve printed it, pointed at this machine (serve prints the laptop's network address)."""
    found = re.search(r"Afstandsbediening \(alleen jouw telefoon[^\n]*?: (http://\S+)", served.serve_text())
    assert found, served.serve_text()
    url = found.group(1)
    token = re.search(r"bediening=([^&\s]+)", url).group(1)
    return re.sub(r"^http://[^/]+/", f"http://127.0.0.1:{served.participant_port}/", url), token


def shoot(page, name: str) -> None:
    folder = os.environ.get("TEAMLEERGESPREK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"remote-{name}.png"), full_page=True)


def step_of(served, **where) -> int:
    from kit.model.live import LiveSession
    from kit.store import Store

    with Store(served.db_url) as store:
        session = LiveSession.open(store, served.code)
        return next(s.index for s in session.template.steps
                    if all(getattr(s, k) == v if k != "question" else (s.question and s.question.key == v)
                           for k, v in where.items()))


def current_step(served) -> int:
    from kit.model.live import LiveSession
    from kit.store import Store

    with Store(served.db_url) as store:
        return LiveSession.open(store, served.code).step().index


def test_the_remote_opens_only_with_the_secret_and_the_secret_stays_off_the_projector(browser, served):
    url, token = remote_address(served)
    # In the terminal: a QR code right above the link, for the facilitator's phone camera.
    lines = served.serve_text().splitlines()
    above = lines[next(i for i, line in enumerate(lines) if "bediening=" in line) - 3]
    assert set(above) & set("█▀▄")
    for wrong in (served.join_url + "&bediening=", served.join_url + "&bediening=raden", url[:-3]):
        page = new_page(browser, wrong, **PHONE)
        expect(page.get_by_text(REFUSAL)).to_be_visible()
        expect(page.get_by_role("button", name="Volgende ▶")).to_have_count(0)
        page.context.close()
    laptop, projector, _ = open_room(browser, served, phone=False)
    laptop.get_by_role("button", name=re.compile(r"^Alleen voor jou")).click()  # even opened on purpose
    for page in (laptop, projector):
        assert token not in page.content()
        expect(page.get_by_text("Afstandsbediening")).to_have_count(0)


def test_the_remote_moves_the_session_and_moderates(browser, served, axe):
    url, _token = remote_address(served)
    remote = new_page(browser, url, **PHONE)
    expect(remote.get_by_text(f"Afstandsbediening · sessie {served.code}")).to_be_visible()
    expect(remote).to_have_title("Teamleergesprek · afstandsbediening")
    laptop, projector, phone = open_room(browser, served)
    shoot(remote, "welkom")
    axe.check(remote, "afstandsbediening")

    # Big enough for a thumb, one column at 390 px.
    for name in ("Volgende ▶", "◀ Vorige"):
        box = remote.get_by_role("button", name=name).bounding_box()
        assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert remote.evaluate("document.documentElement.scrollWidth") <= 390

    # Volgende on the remote: the projector, the phones and the laptop's page follow.
    click_next(remote, served, 1)
    for page in (projector, laptop):
        expect(page.locator(".tlg-block-title")).to_have_text("Introductie van het thema")
    expect(remote.get_by_text("Stap 2 van")).to_be_visible()
    # ... and the laptop's Volgende moves the remote's view too.
    click_next(laptop, served, 1)
    expect(remote.get_by_text("Stap 3 van")).to_be_visible()
    # A double tap on the remote moves one step.
    before = current_step(served)
    remote.get_by_role("button", name="Volgende ▶").dblclick()
    expect(remote.get_by_text(f"Stap {before + 2} van")).to_be_visible()
    assert current_step(served) == before + 1
    expect(phone.get_by_text("Hoe vaardig voel jij je bij het signaleren en handelen?")).to_be_visible()

    # An open answer, let through from the remote: the room sees it.
    open_index = step_of(served, question="versterken")
    remote.get_by_role("button", name=re.compile(r"^Startoefening")).click()  # the agenda: back to its start
    expect(projector.locator(".tlg-block-title")).to_contain_text("Startoefening")
    click_next(remote, served, open_index - current_step(served))
    phone.locator("textarea:visible").fill("Meer overleg met de intern begeleider")
    phone.get_by_role("button", name=re.compile("^Verstuur")).click()
    expect(remote.get_by_text("Meer overleg met de intern begeleider")).to_be_visible()
    remote.get_by_role("button", name="Toon resultaten").click()
    expect(projector.get_by_text("Meer overleg met de intern begeleider")).to_have_count(0)
    remote.get_by_role("button", name="Toon: Meer overleg met de intern begeleider").click()
    expect(projector.locator(".tlg-answer-card")).to_contain_text("Meer overleg met de intern begeleider")
    expect(remote.get_by_role("button", name="Verberg: Meer overleg met de intern begeleider")).to_be_visible()
    shoot(remote, "moderatie")

    # The worksheet: an answer reaches the room only when the remote lets it through.
    _approve_a_worksheet_answer(served, remote, projector)
    # Werkvorm 5: a post-it hidden from the remote leaves the room's wall.
    _hide_a_post_it(served, remote, projector)
    axe.check(remote, "afstandsbediening post-its")
    assert unnamed(remote) == []
    axe.finish()


def _approve_a_worksheet_answer(served, remote, projector):
    from kit.model.live import LiveSession
    from kit.model.worksheet import Worksheet
    from kit.store import Store

    remote.get_by_role("button", name=re.compile(r"^Werkvorm 3")).click()
    expect(projector.locator(".tlg-block-title")).to_contain_text("Werkvorm 3")
    click_next(remote, served, step_of(served, activity="werkblad") - current_step(served))
    with Store(served.db_url) as store:  # a group's phone (its own browser test is test_group_phone.py)
        sheet = Worksheet.for_session(LiveSession.open(store, served.code))
        group = sheet.register("Groep Noord")
        case = sheet.meldcode.cases[0]
        sheet.choose_case(group, case.key)
        step = sheet.meldcode.steps[0]
        sheet.answer(group, step.key, 0, "Blauwe plekken op de armen")
    remote.get_by_role("button", name="Toon resultaten").click()
    expect(projector.locator(".tlg-activity")).to_contain_text("1 groepje")
    expect(projector.get_by_text("Blauwe plekken op de armen")).to_have_count(0)
    expect(remote.get_by_text("Blauwe plekken op de armen")).to_be_visible()
    shoot(remote, "werkblad")
    remote.locator(".tlg-approval").get_by_role("button", name="Toon", exact=True).click()
    expect(projector.get_by_text("Blauwe plekken op de armen")).to_be_visible()


def _hide_a_post_it(served, remote, projector):
    from kit.model.board import PointsBoard
    from kit.model.live import LiveSession
    from kit.store import Store

    remote.get_by_role("button", name=re.compile(r"^Werkvorm 5")).click()
    # The group above is still writing: the remote asks first, like the laptop, and nothing moves until yes.
    expect(remote.locator(".tlg-confirm")).to_contain_text("1 groepje schrijft nog aan het werkblad")
    assert current_step(served) == step_of(served, activity="werkblad")
    remote.get_by_role("button", name="Ja, ga toch verder").click()
    expect(projector.locator(".tlg-block-title")).to_contain_text("Werkvorm 5")
    click_next(remote, served, step_of(served, activity="punten") - current_step(served))
    with Store(served.db_url) as store:
        board = PointsBoard.for_session(LiveSession.open(store, served.code))
        board.post("p1", "Scholing over de meldcode")
        board.post("p2", "Iets wat niet op het scherm hoort")
    remote.get_by_role("button", name="Toon resultaten").click()
    expect(projector.locator(".tlg-activity")).to_contain_text("Iets wat niet op het scherm hoort")
    expect(remote.get_by_role("button", name="Verberg resultaten")).to_be_visible()
    expect(remote.locator(".tlg-points-moderation input[type='text']")).to_have_count(2)
    shoot(remote, "postits")
    # The post-its in the order they came: the second one's row.
    remote.locator(".tlg-points-moderation .widget-hbox").nth(1).get_by_role("button", name="Verberg").click()
    expect(projector.locator(".tlg-activity")).not_to_contain_text("Iets wat niet op het scherm hoort")
    expect(projector.locator(".tlg-activity")).to_contain_text("Scholing over de meldcode")


def test_the_preparation_page_shows_the_remote_link_and_qr_for_the_new_session(browser, prepare_page, tmp_path):
    from kit.store import Store

    page = new_page(browser, prepare_page, viewport={"width": 1366, "height": 900})
    expect(page.get_by_text("1. Kies een sjabloon")).to_be_visible()
    expect(page.get_by_text("Afstandsbediening op je eigen telefoon")).to_have_count(0)  # no session yet
    page.get_by_placeholder("bijv. Havo onderbouw (geen persoonsnamen)").fill("Havo onderbouw")
    page.locator("input[type=date]").fill("2026-12-03")
    page.get_by_role("button", name="Maak sessie").click()
    code = page.locator(".tlg-join-code").inner_text().strip()
    expect(page.get_by_text("Afstandsbediening op je eigen telefoon")).to_be_visible()
    with Store(f"sqlite:///{tmp_path / 'kit.sqlite'}") as store:
        token = store.sessions.remote_token(code)
    page.get_by_label("Adres van de laptop").fill("192.168.1.23")
    link = page.locator(".tlg-remote-link a")
    expect(link).to_have_text(f"http://192.168.1.23:8866/?code={code}&bediening={token}")
    expect(page.locator(".tlg-remote-link svg")).to_be_visible()  # the QR code
