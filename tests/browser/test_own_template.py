"""An own template, made as the preparation page makes it (a copy of the standard one with the school's own case,
a 90-minute timing and one extra question), runs a session in real browsers and arrives intact in the export and
in the team's trends, next to the team's earlier sessions of the standard template."""

import csv
import io
import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from serving import PHONE, answer_first_step, new_page, register_group, start_serve, stop_serving, walk_to


TEAM = "Havo/vwo onderbouw (voorbeeld)"  # a team of the demo history: four earlier sessions, standard template
CASE_TITLE = "Casus 5: stil in de klas"
CASE_TEXT = "Een leerling uit de tweede klas zegt al weken bijna niets en schrikt van harde geluiden."
EXTRA = {"key": "vervolg_bijeenkomst", "type": "ordered",
         "text": "Wil je over een half jaar een vervolgbijeenkomst over dit thema?",
         "options": ["ja", "misschien", "nee"]}
# 135 minutes to 90. The two werkvormen whose results the school keeps (Werkvorm 3's route map, Werkvorm 5's
# action plan) lose least; welcome and introduction lose most (the invitation already said what the afternoon is
# about); Werkvorm 2 keeps its four times two minutes of thinking time; the check-out questions are answered on
# the phones at the same time, so the closing needs five minutes.
MINUTES = {"welkom": 5, "introductie": 5, "startoefening": 10, "werkvorm1": 10, "werkvorm2": 10, "werkvorm3": 20,
           "werkvorm4": 10, "werkvorm5": 15, "afsluiting": 5}
PHONES = 5  # trends break a figure down from 5 answers on (kit.analysis.trends.MIN_GROUP)
SKILL = ["vaardig", "vaardig", "heel vaardig", "redelijk vaardig", "vaardig"]
FOLLOW_UP = ["ja", "ja", "misschien", "ja", "nee"]


def kit_cli(db: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", "--db", db, *args], capture_output=True, text=True,
                          check=True)


def make_own_template(folder):
    """What the preparation page does (kit.apps.prepare), plus the timing and the question a trainer adds."""
    from kit.authoring import copy_template
    from kit.authoring.editing import TemplateFile

    own = TemplateFile(copy_template("teamleergesprek", "onze_school_90", folder))
    own.save_case(CASE_TITLE, CASE_TEXT)
    own.set_minutes(MINUTES)
    return own.add_question("afsluiting", EXTRA), own.path


@pytest.fixture
def own_session(tmp_path):
    template, path = make_own_template(tmp_path / "templates")
    assert template.total_minutes == 90
    checked = subprocess.run([sys.executable, "-m", "kit", "check", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0 and "geen problemen gevonden" in checked.stdout, checked.stdout + checked.stderr

    db = f"sqlite:///{tmp_path / 'school.sqlite'}"
    kit_cli(db, "demo")
    created = kit_cli(db, "new", "--template", "onze_school_90", "--templates", str(tmp_path / "templates"),
                      "--team", TEAM, "--date", "2026-11-26")
    served = start_serve(db, created.stdout.strip().splitlines()[-1], tmp_path / "serve.log")
    yield served
    assert not stop_serving(served), "serve left processes running"


def test_own_template_runs_and_shows_up_in_export_and_trends(browser, own_session, tmp_path):
    served = own_session
    facilitator = new_page(browser, served.facilitator_url, viewport={"width": 1366, "height": 900})
    expect(facilitator.locator(".tlg-block-title")).to_have_text("Welkom")

    # The facilitator's agenda has the 90-minute timings (each block by its short name, the part before a colon).
    agenda = facilitator.locator(".tlg-agenda")
    expect(agenda).to_contain_text("Welkom · 5 min")
    for title, minutes in (("Werkvorm 3", 20), ("Werkvorm 5", 15),
                           ("Afsluiting", 5)):
        expect(agenda).to_contain_text(f"{title} · {minutes} min")
    shown = [int(m) for m in re.findall(r"· (\d+) min", agenda.inner_text())]
    assert shown == list(MINUTES.values()) and sum(shown) == 90

    phones = [new_page(browser, served.join_url, **PHONE) for _ in range(PHONES)]
    for phone in phones:
        expect(phone.get_by_text("Even wachten…")).to_be_visible()

    # A standard question, to compare with the team's earlier sessions.
    walk_to(facilitator, served, question="vaardigheid")
    for phone, answer in zip(phones, SKILL):
        phone.get_by_role("button", name=answer, exact=True).click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()

    # Werkvorm 3: one group picks the school's own case, another a standard one.
    walk_to(facilitator, served, activity="werkblad")
    for number, (group, case) in enumerate(zip(phones[:2], [CASE_TITLE, "Casus 4: geen eten, dunne jas"]), start=1):
        register_group(group, f"Groep {number}")
        expect(group.get_by_text(CASE_TEXT)).to_be_visible()  # the own case is on every group's list
        answer_first_step(group, case, f"Signalen bij {case.split(':')[0].lower()}")
    expect(facilitator.get_by_text("2 groepjes")).to_be_visible()

    # The extra question, at the end of the closing.
    walk_to(facilitator, served, question=EXTRA["key"])
    expect(facilitator.get_by_text(EXTRA["text"]).first).to_be_visible()
    for phone, answer in zip(phones, FOLLOW_UP):
        expect(phone.get_by_text(EXTRA["text"])).to_be_visible()
        phone.get_by_role("button", name=answer, exact=True).click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()

    # The export: the own case's worksheet answers and the extra question.
    from openpyxl import load_workbook

    served.cli("export", "--session", served.code, "--out", str(tmp_path / "sessie.csv"))
    rows = list(csv.reader(io.StringIO((tmp_path / "sessie.csv").read_text(encoding="utf-8"))))
    column = {name: i for i, name in enumerate(rows[0])}
    values = [(r[column["vraag"]], r[column["antwoord"]]) for r in rows[1:]]
    assert ("werkblad:casus", "eigen_casus") in values
    assert ("werkblad:stap1:1", "Signalen bij casus 5") in values
    assert sorted(v for k, v in values if k == EXTRA["key"]) == sorted(FOLLOW_UP)

    served.cli("export", "--session", served.code, "--format", "xlsx", "--out", str(tmp_path / "sessie.xlsx"))
    workbook = load_workbook(tmp_path / "sessie.xlsx")
    worksheet = list(workbook["werkblad"].iter_rows(min_row=2, values_only=True))
    assert ("Groep 1", CASE_TITLE, "Stap 1: Signalen in kaart brengen", "Waar heb je op gelet?",
            "Signalen bij casus 5") in worksheet
    answers = list(workbook["antwoorden"].iter_rows(min_row=2, values_only=True))
    extra = [row for row in answers if row[4] == EXTRA["key"]]
    assert len(extra) == PHONES and {row[5] for row in extra} == {EXTRA["text"]}
    assert {row[3] for row in extra} == {"Afsluiting"}

    # Trends: the session next to the team's earlier ones; the standard question comparable, the new one new.
    from kit.analysis import trends
    from kit.store import Store

    with Store(served.db_url) as store:
        data = trends.load_team(store, TEAM)
    assert data.codes[-1] == served.code and len(data.codes) == 5
    (skill,) = trends.series(data, "vaardigheid")  # one series: asked the same way in all five sessions
    assert list(skill.sessions.index) == data.codes
    assert not skill.sessions.loc[served.code, "suppressed"]
    assert skill.counts.loc[served.code].to_dict() == {"heel vaardig": 1, "vaardig": 3, "redelijk vaardig": 1,
                                                        "niet vaardig": 0}
    sentence = trends.compare(data, data.codes[-2], served.code, "vaardigheid")
    assert sentence.startswith("Van ") and "vaardig" in sentence  # compared, not "niet te vergelijken"
    (follow_up,) = trends.series(data, EXTRA["key"])
    assert list(follow_up.sessions.index) == [served.code]
    assert follow_up.counts.loc[served.code].to_dict() == {"ja": 3, "misschien": 1, "nee": 1}
    assert EXTRA["key"] in trends.series_keys(data)
