"""WCAG 2.1 AA on every screen, checked by axe-core in Chromium, and a participant who only uses the keyboard.

axe-core is npm's `axe-core` (its `axe.min.js`, injected into each page as a script): the engine itself, with no
Python wrapper in between. `make test` installs it into .cache/axe (`make axe`). Every page is checked with the
WCAG 2.0/2.1 A and AA rules; no serious or critical violation may remain. With TEAMLEERGESPREK_AXE_REPORT=FILE the
violations of every page (all impacts) are written to FILE as JSON.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from serving import (PAGE_TIMEOUT_MS, PHONE, PROJECTOR, free_port, new_page, open_facilitator, start_serve,
                     start_serving, stop_serving, wait_for_focused_heading, wait_for_port, walk_to)

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
EVERY_TYPE = ROOT / "tests" / "unit" / "authoring" / "cases" / "valid" / "elk_vraagtype.yaml"
REPORT_ENV = "TEAMLEERGESPREK_AXE_REPORT"
LAYOUT_REPORT_ENV = "TEAMLEERGESPREK_LAYOUT_REPORT"


def add_to_report(variable: str, found: dict) -> None:
    """With the environment variable `variable` set to a file: what this test found, added to what is there."""
    report = os.environ.get(variable)
    if report:
        path = Path(report)
        known = json.loads(path.read_text()) if path.exists() else {}
        path.write_text(json.dumps({**known, **found}, indent=1, ensure_ascii=False))


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"axe-core ontbreekt ({AXE}): `make axe` (of `make test`) installeert het met npm.")
    return AXE.read_text()


class Axe:
    """Runs axe on a page as it is now and remembers the violations per page name."""

    def __init__(self, source: str):
        self.source = source
        self.found: dict[str, list[dict]] = {}

    def check(self, page, name: str) -> list[dict]:
        page.wait_for_timeout(300)  # let the last widget messages land
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(content=self.source)
        violations = page.evaluate(
            """async (tags) => {
                const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
                return result.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                    targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')), help: v.help}));
            }""", WCAG_TAGS)
        self.found[name] = violations
        return violations

    def blocking(self) -> dict[str, list[str]]:
        return {name: [f"{v['id']} ({v['impact']}, {v['nodes']}×: {v['targets']})" for v in found
                       if v["impact"] in BLOCKING]
                for name, found in self.found.items() if any(v["impact"] in BLOCKING for v in found)}

    def finish(self) -> None:
        add_to_report(REPORT_ENV, self.found)
        assert not self.blocking(), json.dumps(self.blocking(), indent=1, ensure_ascii=False)


@pytest.fixture
def axe(axe_source):
    return Axe(axe_source)


UNNAMED = re.compile(r"^\s*- (textbox|combobox|button)(:|$)", re.MULTILINE)


def unnamed(page) -> list[str]:
    """Fields and buttons that a screen reader announces without a name (the accessibility tree as Playwright
    reads it): what axe lets pass when a field's only name is ipywidgets' zero-width-space placeholder."""
    return UNNAMED.findall(page.locator("body").aria_snapshot())


# -- reflow, text size and touch targets -----------------------------------------------------------------------------

NARROW = {**PHONE, "viewport": {"width": 320, "height": 640}}
TARGET_PX = 44

# Text at 200%: every element's font size (and a line height in pixels) doubled from what it computes to now, as a
# phone's large-text setting does; `undo` puts the page back. Done on the live page, after the widgets drew it.
BIG_TEXT = """(undo) => {
    const all = Array.from(document.body.querySelectorAll('*'));
    if (undo) {
        for (const el of all) { if (el.dataset.tlgBig !== undefined) {
            const [size, height] = JSON.parse(el.dataset.tlgBig);
            el.style.fontSize = size; el.style.lineHeight = height; delete el.dataset.tlgBig; } }
        return;
    }
    const computed = all.map(el => getComputedStyle(el));
    const sizes = computed.map(style => [parseFloat(style.fontSize), style.lineHeight]);
    all.forEach((el, i) => {
        el.dataset.tlgBig = JSON.stringify([el.style.fontSize, el.style.lineHeight]);
        el.style.fontSize = (2 * sizes[i][0]) + 'px';
        if (sizes[i][1].endsWith('px')) { el.style.lineHeight = (2 * parseFloat(sizes[i][1])) + 'px'; }
    });
}"""

# What does not fit: the page scrolling sideways, a visible element reaching past the window's left or right edge,
# and text cut off by its own box (overflow hidden or an ellipsis, as ipywidgets' buttons and labels have).
REFLOW = """() => {
    const problems = [], root = document.scrollingElement, width = root.clientWidth;
    if (root.scrollWidth > width) { problems.push(`sideways scrolling: ${root.scrollWidth} > ${width}`); }
    const name = el => `${el.tagName.toLowerCase()}.${Array.from(el.classList).filter(c => c.startsWith('tlg')
        || c.startsWith('widget')).join('.')} "${(el.getAttribute('aria-label') || el.textContent || el.value
        || '').trim().slice(0, 30)}"`;
    for (const el of document.body.querySelectorAll('*')) {
        if (el.closest('.tlg-sr-only, .tlg-field-sr > .widget-label, style, script, head')) { continue; }
        const rect = el.getBoundingClientRect(), style = getComputedStyle(el);
        if (!rect.width || !rect.height || style.visibility === 'hidden') { continue; }
        if (rect.left < -1 || rect.right > width + 1) {
            problems.push(`outside the window (${Math.round(rect.left)}..${Math.round(rect.right)} of ${width}): ${name(el)}`);
            continue;
        }
        const text = el.tagName === 'BUTTON' || el.tagName === 'LABEL'
            || el.classList.contains('widget-html-content') || el.classList.contains('widget-label');
        const clips = ['hidden', 'clip'];
        if (text && ((clips.includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
                     || (clips.includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1))) {
            problems.push(`cut off (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}): ${name(el)}`);
        }
    }
    return problems;
}"""

# Everything that takes a tap or a click: at least 44×44 CSS px (WCAG 2.5.5); text inside a sentence is exempt.
# The room's agenda only 24 px (WCAG 2.2's AA minimum, 2.5.8): its items are shortcuts to what the 44-px
# Volgende/Vorige also reach, and nine 44-px items with the skip button do not fit the one-screen room at 1024×768.
AGENDA_TARGET_PX = 24
TARGETS = """([least, agenda]) => {
    const small = [];
    for (const el of document.querySelectorAll('button, input, textarea, select, a[href], [role=button]')) {
        const rect = el.getBoundingClientRect();
        if (!rect.width || !rect.height || getComputedStyle(el).visibility === 'hidden') { continue; }
        if (el.tagName === 'A' && el.closest('p, li')) { continue; }
        const need = el.closest('.tlg-agenda') ? agenda : least;
        if (rect.width < need - 0.5 || rect.height < need - 0.5) {
            small.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || el.placeholder
                || el.type || '').trim().slice(0, 30)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`);
        }
    }
    return small;
}"""


class Layout:
    """What a phone at 320 px, the same page with text at 200% and a thumb find wrong, per page and per check."""

    def __init__(self):
        self.found: dict[str, dict[str, list[str]]] = {}

    def check(self, page, name: str, *, reflow: bool = True) -> None:
        """A phone page (NARROW): 320 px wide, then text at 200% on an ordinary phone's 390 px; its touch targets.
        Without reflow (the facilitator's page) only the touch targets."""
        found = self.found.setdefault(name, {})
        if reflow:
            found["320 px"] = page.evaluate(REFLOW)
            page.set_viewport_size(PHONE["viewport"])
            page.evaluate(BIG_TEXT, False)
            try:
                found["390 px, tekst 200%"] = page.evaluate(REFLOW)
            finally:
                page.evaluate(BIG_TEXT, True)
                page.set_viewport_size(NARROW["viewport"])
        found["aanraakdoelen"] = page.evaluate(TARGETS, [TARGET_PX, AGENDA_TARGET_PX])

    def finish(self) -> None:
        add_to_report(LAYOUT_REPORT_ENV, self.found)
        problems = {page: {check: found for check, found in checks.items() if found}
                    for page, checks in self.found.items() if any(checks.values())}
        assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


@pytest.fixture
def layout():
    return Layout()


def expect_page(page, lang: str, title: str) -> None:
    expect(page).to_have_title(title)
    assert page.evaluate("document.documentElement.lang") == lang


def test_every_question_type_on_the_phone_and_the_results(browser, tmp_path, axe, layout):
    db_url = f"sqlite:///{tmp_path / 'types.sqlite'}"
    created = subprocess.run([sys.executable, "-m", "kit", "--db", db_url, "new", "--template", str(EVERY_TYPE),
                              "--team", "Browserteam"], capture_output=True, text=True, check=True)
    served = start_serve(db_url, created.stdout.strip().splitlines()[-1], tmp_path / "serve.log")
    try:
        entry = new_page(browser, f"http://127.0.0.1:{served.participant_port}/", **NARROW)
        expect(entry.get_by_text("Vul de code in die op het scherm staat.")).to_be_visible()
        axe.check(entry, "telefoon: code invullen")
        layout.check(entry, "telefoon: code invullen")
        expect_page(entry, "nl", "Teamleergesprek · deelnemen")
        expect(entry.get_by_role("textbox", name="Code van de sessie")).to_be_visible()
        entry.get_by_role("textbox", name="Code van de sessie").fill("ZZZZZZ")
        entry.wait_for_timeout(300)
        entry.get_by_role("button", name="Meedoen").click()
        error = entry.get_by_role("status").filter(has_text="onbekend")
        expect(error).to_be_visible()
        # The error is announced (live region) and tied to the field it is about.
        field = entry.get_by_role("textbox", name="Code van de sessie")
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile("onbekend"))
        axe.check(entry, "telefoon: code onbekend")
        layout.check(entry, "telefoon: code onbekend")
        entry.context.close()

        facilitator = new_page(browser, served.facilitator_url, **PROJECTOR)
        expect(facilitator.locator(".tlg-block-title")).to_have_text("Start")
        phone = new_page(browser, served.join_url, **NARROW)
        expect(phone.get_by_text("Even wachten…")).to_be_visible()
        axe.check(phone, "telefoon: wachten")
        layout.check(phone, "telefoon: wachten")
        axe.check(facilitator, "begeleider: start")
        layout.check(facilitator, "begeleider: start", reflow=False)

        walk_to(facilitator, served, question="volgorde")
        expect(phone.get_by_text("Hoe vaardig voel jij je?")).to_be_visible()
        phone.get_by_role("button", name="vaardig", exact=True).click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
        axe.check(phone, "telefoon: vraag ordered (gekozen)")
        layout.check(phone, "telefoon: vraag ordered (gekozen)")
        expect_page(phone, "nl", "Teamleergesprek · deelnemen")
        expect(phone.get_by_role("heading", name="Hoe vaardig voel jij je?")).to_be_visible()
        expect(phone.get_by_role("button", name="vaardig", exact=True)).to_have_attribute("aria-pressed", "true")
        expect(phone.get_by_role("button", name="niet vaardig")).to_have_attribute("aria-pressed", "false")
        expect(phone.get_by_role("status").filter(has_text="Opgeslagen ✓")).to_be_visible()
        print("Wat een schermlezer leest bij een poll:", phone.locator("body").aria_snapshot(), sep="\n")

        from kit.model.live import LiveSession
        from kit.store import Store
        with Store(served.db_url) as store:
            session = LiveSession.open(store, served.code)
            for n, option in enumerate(["heel vaardig", "niet vaardig"]):
                session.submit(f"axe-{n}", "volgorde", option)
        expect(facilitator.locator(".tlg-count")).to_have_text("3 antwoorden")
        facilitator.get_by_role("button", name="Toon resultaten").click()
        expect(facilitator.locator(".tlg-projector img").first).to_be_visible()
        axe.check(facilitator, "begeleider: resultaten (grafiek)")
        layout.check(facilitator, "begeleider: resultaten (grafiek)", reflow=False)
        expect_page(facilitator, "nl", "Teamleergesprek · begeleiden")
        expect(facilitator.locator(".tlg-projector img").first).to_have_attribute("alt", re.compile("heel vaardig: 1"))
        screen = new_page(browser, served.screen_url, **PROJECTOR)
        expect(screen.locator("img").first).to_be_visible()
        axe.check(screen, "scherm: resultaten (grafiek)")
        expect_page(screen, "nl", "Teamleergesprek · scherm")
        screen.context.close()

        walk_to(facilitator, served, question="keuze")
        expect(phone.get_by_text("Met wie overleg je het eerst?")).to_be_visible()
        axe.check(phone, "telefoon: vraag choice")
        layout.check(phone, "telefoon: vraag choice")

        walk_to(facilitator, served, question="schaal")
        expect(phone.get_by_text("Hoe tevreden ben je?")).to_be_visible()
        axe.check(phone, "telefoon: vraag scale")
        layout.check(phone, "telefoon: vraag scale")
        expect(phone.get_by_role("button", name="3 (1–5)")).to_be_visible()

        walk_to(facilitator, served, question="open_vraag")
        expect(phone.get_by_text("Wat heb je nodig?")).to_be_visible()
        axe.check(phone, "telefoon: vraag open")
        layout.check(phone, "telefoon: vraag open")
        expect(phone.get_by_role("textbox", name="Wat heb je nodig?")).to_be_visible()

        walk_to(facilitator, served, question="prioriteit")
        expect(phone.get_by_text("Nog te verdelen: 100 punten")).to_be_visible()
        axe.check(phone, "telefoon: vraag punten")
        layout.check(phone, "telefoon: vraag punten")
        expect(phone.get_by_role("button", name="+10 — 10 punten meer voor: gesprekken met ouders")).to_be_visible()
        assert not unnamed(phone)
    finally:
        assert not stop_serving(served)
    axe.finish()
    layout.finish()


def test_the_werkvormen_naslag_and_closing(browser, tmp_path, axe, layout):
    served = start_serving(tmp_path)
    try:
        facilitator = open_facilitator(browser, served.facilitator_url)
        phone = new_page(browser, served.join_url, **NARROW)
        expect(phone.get_by_text("Even wachten…")).to_be_visible(timeout=PAGE_TIMEOUT_MS)

        walk_to(facilitator, served, block="werkvorm1", prompt=0)
        expect(phone.locator(".tlg-question")).to_be_visible()
        axe.check(phone, "telefoon: vragen voor de tweetallen (werkvorm 1)")
        layout.check(phone, "telefoon: vragen voor de tweetallen (werkvorm 1)")
        axe.check(facilitator, "begeleider: gespreksvraag")
        layout.check(facilitator, "begeleider: gespreksvraag", reflow=False)

        walk_to(facilitator, served, activity="werkblad")
        phone.get_by_placeholder("bijv. Groep 3").fill("Groep 1")
        phone.get_by_role("button", name="Meld ons groepje aan").click()
        phone.get_by_role("button", name="Casus 1: ziek naar huis").click()
        expect(phone.get_by_text("Stap 1: Signalen in kaart brengen")).to_be_visible()
        phone.locator("textarea:visible").first.fill("Ziek, vaak afwezig")
        phone.get_by_role("button", name="Bewaar deze stap").click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
        axe.check(phone, "telefoon: werkblad")
        layout.check(phone, "telefoon: werkblad")
        assert not unnamed(phone)
        axe.check(facilitator, "begeleider: werkblad")
        layout.check(facilitator, "begeleider: werkblad", reflow=False)

        walk_to(facilitator, served, activity="routekaart")
        axe.check(facilitator, "begeleider: routekaart")
        # The route map form is the facilitator's own: folded away under 'Alleen voor jou' until opened on purpose.
        facilitator.get_by_role("button", name=re.compile(r"^Alleen voor jou")).click()
        expect(facilitator.get_by_role("combobox", name="Stap van de meldcode")).to_be_visible()
        axe.check(facilitator, "begeleider: routekaart, formulier open")
        layout.check(facilitator, "begeleider: routekaart, formulier open", reflow=False)

        walk_to(facilitator, served, block="werkvorm5", prompt=0)
        post_it = phone.get_by_role("textbox", name="Waar heb jij persoonlijk nog behoefte aan?")
        post_it.fill("Tijd voor overleg")
        expect(phone.get_by_text("17 / 200 tekens")).to_be_visible(timeout=20_000)
        phone.get_by_role("button", name="Plak post-it").click()
        expect(phone.get_by_text("Tijd voor overleg")).to_be_visible()
        axe.check(phone, "telefoon: post-it")
        layout.check(phone, "telefoon: post-it")

        walk_to(facilitator, served, activity="stickers")
        phone.get_by_role("button", name="+ sticker op: Tijd voor overleg").click()
        expect(phone.get_by_role("status").filter(has_text="Je hebt nog 2 stickers")).to_be_visible()
        axe.check(phone, "telefoon: stickers")
        layout.check(phone, "telefoon: stickers")
        expect(phone.get_by_role("button", name="− terug van: Tijd voor overleg")).to_be_enabled()
        assert not unnamed(phone)
        axe.check(facilitator, "begeleider: stickerbord")
        layout.check(facilitator, "begeleider: stickerbord", reflow=False)

        walk_to(facilitator, served, activity="acties")
        axe.check(facilitator, "begeleider: actieplan")
        layout.check(facilitator, "begeleider: actieplan", reflow=False)

        walk_to(facilitator, served, question="checkout_voornemen")
        # Wait for the phone to follow: the question before this one has a text field too.
        intention = phone.get_by_role("textbox", name=re.compile("persoonlijk voornemen"))
        intention.fill("Ik vraag het één keer extra.")
        expect(phone.get_by_text(re.compile("^28 / "))).to_be_visible(timeout=20_000)
        phone.get_by_role("button", name="Verstuur").click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
        axe.check(phone, "telefoon: check-out (voornemen)")
        layout.check(phone, "telefoon: check-out (voornemen)")

        phone.get_by_role("button", name="Naslag: meldcode en tips").click()
        expect(phone.get_by_role("button", name="Terug naar de sessie").first).to_be_visible()
        axe.check(phone, "telefoon: naslag (lijst)")
        layout.check(phone, "telefoon: naslag (lijst)")
        phone.locator("button.tlg-reference-item").first.click()
        axe.check(phone, "telefoon: naslag (onderdeel)")
        layout.check(phone, "telefoon: naslag (onderdeel)")
        phone.get_by_role("button", name="Terug naar de sessie").first.click()

        facilitator.get_by_role("button", name="Sessie afsluiten").click()
        facilitator.get_by_role("button", name="Ja, sluit de sessie af").click()
        expect(phone.get_by_text("Ik vraag het één keer extra.")).to_be_visible()
        axe.check(phone, "telefoon: sessie gesloten")
        layout.check(phone, "telefoon: sessie gesloten")
        axe.check(facilitator, "begeleider: sessie gesloten")
        layout.check(facilitator, "begeleider: sessie gesloten", reflow=False)
    finally:
        assert not stop_serving(served)
    axe.finish()
    layout.finish()


def test_trends_and_preparation_pages(browser, tmp_path, axe):
    db = f"sqlite:///{tmp_path / 'trends.sqlite'}"
    subprocess.run([sys.executable, "-m", "kit", "--db", db, "demo"], check=True, capture_output=True)
    servers = []
    try:
        port = free_port()
        servers.append(subprocess.Popen([sys.executable, "-m", "kit", "--db", db, "trends", "--port", str(port)],
                                        stdout=open(tmp_path / "trends.log", "wb"), stderr=subprocess.STDOUT))
        wait_for_port(port, servers[-1])
        trends = new_page(browser, f"http://127.0.0.1:{port}/", **PROJECTOR)
        expect(trends.get_by_text("4 sessies van Havo/vwo onderbouw (voorbeeld)")).to_be_visible()
        expect(trends.locator("img").first).to_be_visible()
        axe.check(trends, "trends")

        port = free_port()
        servers.append(subprocess.Popen([sys.executable, "-m", "kit", "--db", db, "voorbereiden", "--port", str(port)],
                                        cwd=tmp_path, stdout=open(tmp_path / "prepare.log", "wb"),
                                        stderr=subprocess.STDOUT))
        wait_for_port(port, servers[-1])
        prepare = new_page(browser, f"http://127.0.0.1:{port}/", **PROJECTOR)
        expect(prepare.get_by_text("1. Kies een sjabloon")).to_be_visible()
        prepare.wait_for_timeout(1000)
        axe.check(prepare, "voorbereiden")
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
    axe.finish()


# -- keyboard only ---------------------------------------------------------------------------------------------------

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el) { return null; }
    const style = getComputedStyle(el);
    return {tag: el.tagName, name: (el.getAttribute('aria-label') || el.textContent || '').trim(),
            outline: parseFloat(style.outlineWidth) || 0, outlineStyle: style.outlineStyle};
}"""


def tab_to(page, wanted, limit: int = 40) -> dict:
    """Press Tab until the focused element is the wanted one (a predicate on tag and name), as a keyboard user
    would; the focus ring must be visible (at least 3 px) on every stop on the way."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused and focused["tag"] in ("BUTTON", "TEXTAREA", "INPUT", "SELECT"):
            assert focused["outline"] >= 3 and focused["outlineStyle"] != "none", f"no visible focus on {focused}"
        if focused and wanted(focused):
            return focused
    raise AssertionError("not reachable with Tab")


def button(name: str, exact: bool = True):
    return lambda f: f["tag"] == "BUTTON" and (f["name"] == name if exact else f["name"].startswith(name))


def test_a_participant_does_the_startoefening_with_the_keyboard_only(browser, served):
    facilitator = open_facilitator(browser, served.facilitator_url)
    phone = new_page(browser, f"http://127.0.0.1:{served.participant_port}/", **PHONE)
    expect(phone.get_by_text("Vul de code in die op het scherm staat.")).to_be_visible()
    tab_to(phone, lambda f: f["tag"] == "INPUT")
    phone.keyboard.type(served.code.lower(), delay=60)
    phone.wait_for_timeout(500)  # the field's last change reaches the kernel before the tap does
    tab_to(phone, button("Meedoen"))
    phone.keyboard.press("Enter")
    expect(phone.get_by_text("Even wachten…")).to_be_visible()

    def answered():
        expect(phone.get_by_role("status").filter(has_text="Opgeslagen ✓")).to_be_visible(timeout=20_000)

    walk_to(facilitator, served, question="vaardigheid")
    expect(phone.get_by_role("heading", name="Hoe vaardig voel jij je bij het signaleren en handelen?")).to_be_visible()
    tab_to(phone, button("redelijk vaardig"))
    phone.keyboard.press("Enter")
    answered()
    expect(phone.get_by_role("button", name="redelijk vaardig")).to_have_attribute("aria-pressed", "true")

    walk_to(facilitator, served, question="tevredenheid_school")
    # The facilitator moved on: the new question takes the focus (the old one went with its view).
    expect(phone.get_by_role("heading", name="Hoe tevreden ben jij over de handelswijze van de school?")).to_be_focused()
    tab_to(phone, button("4,", exact=False))
    phone.keyboard.press("Space")
    answered()

    for number, key, text in ((3, "versterken", "Meer tijd voor overleg"), (4, "bieden", "Ervaring met gesprekken")):
        walk_to(facilitator, served, question=key)
        expect(phone.get_by_text(f"Vraag {number} van 5")).to_be_visible()
        tab_to(phone, lambda f: f["tag"] == "TEXTAREA")
        phone.keyboard.type(text, delay=30)
        expect(phone.get_by_text(f"{len(text)} / 500 tekens")).to_be_visible(timeout=20_000)
        tab_to(phone, button("Verstuur"))
        phone.keyboard.press("Enter")
        answered()

    walk_to(facilitator, served, question="tevredenheid_samenwerking")
    expect(phone.get_by_role("heading", name=re.compile("samenwerking tussen de school"))).to_be_visible()
    tab_to(phone, button("tevreden"))
    phone.keyboard.press("Space")
    answered()

    # The naslag opens and closes with the keyboard too, and the question is still there.
    tab_to(phone, button("Naslag: meldcode en tips"))
    phone.keyboard.press("Enter")
    # Wait for the kernel to open the drawer before tabbing: on a loaded machine that can take longer than 40 Tabs.
    expect(phone.get_by_role("button", name="Terug naar de sessie").first).to_be_visible()
    tab_to(phone, button("Terug naar de sessie"))
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("button", name="tevreden", exact=True)).to_have_attribute("aria-pressed", "true")

    rows = csv.DictReader(io.StringIO(served.cli("export", "--session", served.code, "--format", "csv").stdout))
    assert {row["vraag"]: row["antwoord"] for row in rows} == {
        "vaardigheid": "redelijk vaardig", "tevredenheid_school": "4", "versterken": "Meer tijd voor overleg",
        "bieden": "Ervaring met gesprekken", "tevredenheid_samenwerking": "tevreden"}


def test_werkvorm_3_and_5_with_the_keyboard_only(browser, served):
    """A group's phone fills the worksheet, then a participant writes a post-it, places and takes back stickers,
    shares an intention and opens and closes the naslag: Tab, Enter and typing only, focus visible at every stop,
    and the focus goes to the new screen whenever the old one went away."""
    facilitator = open_facilitator(browser, served.facilitator_url)
    phone = new_page(browser, served.join_url, **PHONE)
    expect(phone.get_by_text("Even wachten…")).to_be_visible(timeout=PAGE_TIMEOUT_MS)

    walk_to(facilitator, served, activity="werkblad")
    expect(phone.get_by_role("heading", name=re.compile("telefoon per groepje"))).to_be_focused()
    tab_to(phone, lambda f: f["tag"] == "INPUT")
    phone.keyboard.type("Groep 1", delay=30)
    phone.wait_for_timeout(500)  # the field's last change reaches the kernel before the tap does
    tab_to(phone, button("Meld ons groepje aan"))
    phone.keyboard.press("Enter")
    # The screen changed under the focused button: the new question has the focus.
    expect(phone.get_by_role("heading", name=re.compile("casus"))).to_be_focused()
    tab_to(phone, button("Casus 1: ziek naar huis"))
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("heading", name="Stap 1: Signalen in kaart brengen")).to_be_focused()
    tab_to(phone, lambda f: f["tag"] == "TEXTAREA")
    phone.keyboard.type("Ziek, vaak afwezig", delay=30)
    tab_to(phone, button("Bewaar deze stap"))
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("status").filter(has_text="Opgeslagen ✓")).to_be_visible(timeout=20_000)

    walk_to(facilitator, served, block="werkvorm5", prompt=0)
    expect(phone.get_by_role("heading", name="Waar heb jij persoonlijk nog behoefte aan?")).to_be_focused()
    tab_to(phone, lambda f: f["tag"] == "TEXTAREA")
    phone.keyboard.type("Tijd voor overleg", delay=30)
    expect(phone.get_by_text("17 / 200 tekens")).to_be_visible(timeout=20_000)
    # Typing is never interrupted: the counter and the rest of the page change, the focus stays in the field.
    assert phone.evaluate("document.activeElement.tagName") == "TEXTAREA"
    tab_to(phone, button("Plak post-it"))
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("status").filter(has_text="hangt op het bord")).to_be_visible()
    expect(phone.get_by_role("listitem").filter(has_text="Tijd voor overleg")).to_be_visible()

    walk_to(facilitator, served, activity="stickers")
    expect(phone.get_by_text("Je hebt nog 3 stickers")).to_be_visible()
    tab_to(phone, button("+ sticker op: Tijd voor overleg"))
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("status").filter(has_text="Je hebt nog 2 stickers")).to_be_visible()
    # The row was redrawn around the button: the focus is back on it, so a second Enter places a second sticker.
    expect(phone.get_by_role("button", name="+ sticker op: Tijd voor overleg")).to_be_focused()
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("status").filter(has_text="Je hebt nog 1 sticker")).to_be_visible()
    tab_to(phone, button("− terug van: Tijd voor overleg"))
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("status").filter(has_text="Je hebt nog 2 stickers")).to_be_visible()

    walk_to(facilitator, served, question="checkout_voornemen")
    expect(phone.get_by_role("heading", name=re.compile("persoonlijk voornemen"))).to_be_focused()
    tab_to(phone, lambda f: f["tag"] == "TEXTAREA")
    phone.keyboard.type("Ik vraag het één keer extra.", delay=30)
    expect(phone.get_by_text(re.compile("^28 / "))).to_be_visible(timeout=20_000)
    tab_to(phone, button("Verstuur"))
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("status").filter(has_text="Opgeslagen ✓")).to_be_visible(timeout=20_000)
    # Shared with the room on purpose: the toggle says it is pressed, not only by its colour.
    tab_to(phone, button("Deel met de zaal"))
    phone.keyboard.press("Enter")
    expect(phone.locator("button.widget-toggle-button")).to_have_attribute("aria-pressed", "true")

    # The naslag: open it, open a topic, back to the list, back to the session; the focus follows every screen.
    tab_to(phone, button("Naslag: meldcode en tips"))
    phone.keyboard.press("Enter")
    expect(phone.locator(".tlg-reference-title").first).to_be_focused()
    topic = tab_to(phone, lambda f: f["tag"] == "BUTTON" and f["name"] not in ("Terug naar de sessie", ""))
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("button", name="Terug naar de lijst").first).to_be_visible()
    assert wait_for_focused_heading(phone), "the topic's title takes the focus"
    tab_to(phone, button("Terug naar de sessie"))
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("heading", name=re.compile("persoonlijk voornemen"))).to_be_focused()
    assert topic["name"]

    exported = served.cli("export", "--session", served.code, "--format", "csv").stdout
    assert "Ik vraag het één keer extra." in exported and "Tijd voor overleg" in exported
