"""Nothing typed is lost: a group's worksheet saves as the group types and moves between steps; a group's phone that
reloads, or a second phone with the same group name, gets the group and its answers back; after `serve` restarts,
open phones reload by themselves and land on the current step."""

import signal
import subprocess
import sys

from playwright.sync_api import expect

from serving import PAGE_TIMEOUT_MS, PHONE, new_page, register_group, stop_serving, wait_for_port

CASE = "Casus 1: ziek naar huis"
STEP_1 = "Stap 1: Signalen in kaart brengen"


def go_to(served, **where):
    from kit.model.live import LiveSession
    from kit.store import Store

    with Store(served.db_url) as store:
        session = LiveSession.open(store, served.code)
        step = next(s for s in session.template.steps
                    if all((s.block.key if k == "block" else getattr(s, k)) == v for k, v in where.items()))
        session.go_to(step.index)
        return step


def stored(served) -> tuple[list, list]:
    from kit.store import Store

    with Store(served.db_url) as store:
        return store.worksheets.groups(served.code), [a.value for a in store.worksheets.worksheet_answers(served.code)]


def test_the_worksheet_keeps_what_a_group_typed(browser, served):
    go_to(served, activity="werkblad")
    phone = new_page(browser, served.join_url, **PHONE)
    name = phone.get_by_placeholder("bijv. Groep 3")
    expect(name).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    assert name.bounding_box()["height"] >= 44  # a thumb's height
    register_group(phone, "De uilen")
    phone.get_by_role("button", name=CASE).click()
    expect(phone.get_by_text(STEP_1)).to_be_visible()
    expect(phone.get_by_text("Noem geen namen van leerlingen of collega's.")).to_be_visible()

    # Typed, then straight on to the next step without "Bewaar deze stap": saved on the way.
    phone.locator("textarea:visible").first.fill("Vaak ziek op maandag")
    phone.get_by_role("button", name="Volgende stap ▶").click()
    expect(phone.get_by_text("stap 2 van")).to_be_visible()
    expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    assert "Vaak ziek op maandag" in stored(served)[1]
    phone.get_by_role("button", name="◀ Vorige stap").click()
    expect(phone.locator("textarea:visible").first).to_have_value("Vaak ziek op maandag")

    # Typed and left alone: saved a moment later, and the phone says so.
    phone.locator("textarea:visible").nth(1).fill("Mentor belt ouders")
    expect(phone.get_by_text("Wordt bewaard…")).to_be_visible()
    expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    assert "Mentor belt ouders" in stored(served)[1]

    # The phone reloads: same group, same answers.
    phone.wait_for_function("new URL(location.href).searchParams.get('group') !== null")
    phone.reload()
    expect(phone.get_by_text("Welkom terug, De uilen.", exact=False)).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    expect(phone.locator("textarea:visible").first).to_have_value("Vaak ziek op maandag")
    expect(phone.locator("textarea:visible").nth(1)).to_have_value("Mentor belt ouders")

    # Another phone registers the same name: asked, then back in the same group, not a second "De uilen".
    other = new_page(browser, served.join_url, **PHONE)
    register_group(other, "de uilen ")
    expect(other.get_by_text("Er is al een groepje „De uilen” in deze sessie. Zijn jullie dat?")).to_be_visible(
        timeout=PAGE_TIMEOUT_MS)
    other.get_by_role("button", name="Ja, wij zijn De uilen").click()
    expect(other.locator("textarea:visible").first).to_have_value("Vaak ziek op maandag")
    groups, _ = stored(served)
    assert [g.label for g in groups] == ["De uilen"]

    # "Nee": a name of their own, a group of their own.
    third = new_page(browser, served.join_url, **PHONE)
    register_group(third, "De uilen")
    expect(third.get_by_text("Zijn jullie dat?", exact=False)).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    third.get_by_role("button", name="Nee, wij kiezen een andere naam").click()
    register_group(third, "De vossen")
    expect(third.get_by_role("button", name=CASE)).to_be_visible()
    assert [g.label for g in stored(served)[0]] == ["De uilen", "De vossen"]


def serve_on(served, tmp_path, name) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "kit", "--db", served.db_url, "serve", "--session", served.code,
         "--participant-port", str(served.participant_port), "--facilitator-port", str(served.facilitator_port)],
        stdout=open(tmp_path / name, "wb"), stderr=subprocess.STDOUT)
    wait_for_port(served.participant_port, process)
    return process


def test_open_phones_come_back_by_themselves_after_a_restart(browser, served, tmp_path):
    step = go_to(served, activity="werkblad")
    group = new_page(browser, served.join_url, **PHONE)
    register_group(group, "Groep 1")
    group.get_by_role("button", name=CASE).click()
    group.locator("textarea:visible").first.fill("Blauwe plekken")
    expect(group.get_by_text("Opgeslagen ✓")).to_be_visible()
    phone = new_page(browser, served.join_url, **PHONE)
    expect(phone.get_by_text("Eén telefoon per groepje")).to_be_visible()

    served.process.send_signal(signal.SIGINT)
    served.process.wait(timeout=30)
    expect(phone.get_by_text("Geen verbinding met de laptop van de begeleider.", exact=False)).to_be_visible(timeout=20_000)
    # Meanwhile the facilitator moves on (in the restarted serve): the phones must land there, not where they were.
    step = go_to(served, block=step.block.key, activity="routekaart")
    served.process = serve_on(served, tmp_path, "serve-again.log")
    # A restart takes a while (servers, then kernels): wait as long as for any page.
    for page in (phone, group):
        expect(page.get_by_text("De routekaart wordt nu samen gemaakt.", exact=False)).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    expect(phone.get_by_text("Geen verbinding", exact=False)).to_be_hidden()
    # Back to the worksheet: the group's phone still knows its group.
    go_to(served, block=step.block.key, activity="werkblad")
    expect(group.locator("textarea:visible").first).to_have_value("Blauwe plekken", timeout=PAGE_TIMEOUT_MS)


def test_the_code_field_fits_a_thumb(browser, served):
    phone = new_page(browser, f"http://127.0.0.1:{served.participant_port}/", **PHONE)
    code = phone.locator(".tlg-code input")
    expect(code).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    assert code.bounding_box()["height"] >= 44
