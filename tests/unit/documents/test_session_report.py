"""The PDF verslag, read back as text: what must be in it, in which order, and what must never be."""

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from factories import go_to_activity, werkvormen_template
from kit.cli import main
from kit.model.live import LiveSession
from kit.model.board import PointsBoard
from kit.i18n import weekday_date as dutch_date
from kit.documents.session_report import session_report_pdf
from kit.store import Store
from full_session import (
    ACTIONS, EMOJI, FORMULA, HIDDEN, POINTS, PRIVATE_INTENTION, ROUTE_TEXTS, SCRIPT, SHARED_INTENTION, SHOWN_BIEDEN,
    TEAM, build_session,
)

MADE_ON = date(2026, 12, 1)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("verslag")
    db = f"sqlite:///{folder / 'verslag.sqlite'}"
    built = build_session(db, folder / "geen-eigen-sjablonen")
    with Store(db) as store:
        pdf = session_report_pdf(store, built.code, today=MADE_ON)
    path = folder / "verslag.pdf"
    path.write_bytes(pdf)
    reader = PdfReader(path)
    return {"db": db, "code": built.code, "reader": reader,
            "text": "\n".join(page.extract_text() for page in reader.pages)}


def flat(text: str) -> str:
    """Extracted text with line breaks and runs of spaces as one space: wrapping is layout, not content."""
    return re.sub(r"\s+", " ", text)


def test_the_title_page_names_team_dates_and_agenda(report):
    first = flat(report["reader"].pages[0].extract_text())
    assert "Verslag teamleergesprek" in first
    assert TEAM in first  # markup in a team name is printed, not interpreted
    assert "zaterdag 28 november 2026" in first and "dinsdag 1 december 2026" in first
    assert report["code"] in first
    for title, minutes in (("Welkom", 10), ("Startoefening: wat vind jij?", 15),
                           ("Werkvorm 3: De meldcode op school", 25), ("Afsluiting", 10),
                           ("Totaal", "ongeveer twee uur")):  # Werkvorm 4 is optional: the handbook's length
        assert f"{title} {minutes}" in first


def test_a_skipped_block_says_so_in_the_agenda(tmp_path):
    from kit.authoring import load_template
    from kit.model.live import LiveSession
    from kit.model.sessions import new_session

    with Store(f"sqlite:///{tmp_path / 'overslaan.sqlite'}") as store:
        record = new_session(store, load_template("teamleergesprek"), "Team", "2026-11-28")
        LiveSession.open(store, record.code).skip_block("werkvorm4")
        first = flat(PdfReader(io.BytesIO(session_report_pdf(store, record.code, today=MADE_ON))).pages[0].extract_text())
    assert "Werkvorm 4: Krachten bundelen met samenwerkingspartners overgeslagen" in first
    assert "Werkvorm 3: De meldcode op school 25" in first


def test_open_answers_shown_to_the_room_are_in_it_exactly_and_nothing_else(report):
    text = flat(report["text"])
    for shown in (FORMULA, SCRIPT, EMOJI, SHOWN_BIEDEN, SHARED_INTENTION):
        assert shown in text
    assert HIDDEN not in text and "klas 2b" not in text
    assert PRIVATE_INTENTION not in text
    assert "4 antwoorden; 3 getoond in de zaal" in text


def test_polls_with_three_answers_have_a_chart_smaller_groups_only_a_count(report):
    text = flat(report["text"])
    assert "2 antwoorden: te weinig antwoorden" in text  # tevredenheid_school
    images = sum(len(page.images) for page in report["reader"].pages)
    assert images == 2  # vaardigheid (4), tevredenheid_samenwerking (3); the check-out is open (issue 11.2)


def test_the_route_map_per_step_and_category(report):
    text = flat(report["text"])
    step1 = text.index("Stap 1: Signalen in kaart brengen", text.index("Routekaart"))
    step2 = text.index("Stap 2: Overleg met collega of raadpleeg Veilig Thuis", step1)
    assert step1 < text.index("Positieve punten", step1) < text.index(ROUTE_TEXTS[0]) < text.index(
        "Punten die aandacht nodig hebben", step1) < text.index(ROUTE_TEXTS[1]) < step2
    assert step2 < text.index("Sleutelfiguren", step2) < text.index(ROUTE_TEXTS[2])
    assert "Casus 1: ziek naar huis: 2 groepen" in text


def test_points_ranked_by_stickers_and_the_action_plan(report):
    text = flat(report["text"])
    ranked = text.index("Punten, op volgorde van stickers")
    assert "1 @Vaste sparringpartner 3" in text
    assert ranked < text.index(POINTS[1]) < text.index(POINTS[0], ranked) < text.index(POINTS[2], ranked)
    assert "2 Scholing in gespreksvoering 2" in text and "3 Nazorg voor docenten 2" in text
    # The route map's 'aandacht' point, a starting post-it without stickers, says where it came from.
    assert f"4 {ROUTE_TEXTS[1]} (uit de routekaart) 0" in text
    assert text.count("(uit de routekaart)") == 1
    assert POINTS[3] not in text and POINTS[4] not in text  # merged, and hidden by the facilitator
    plan = text.index("Actieplan")
    assert plan < text.index(ACTIONS[0]) < text.index(ACTIONS[1])
    for value in ("zorgcoördinator", "-mentoren", "voor de kerst", "nog niet", "nr. 1"):
        assert value in text[plan:]


def test_nothing_identifying(report):
    with Store(report["db"]) as store:
        pseudonyms = {a.participant for a in store.sessions.answers(report["code"])}
    assert pseudonyms and not any(p in report["text"] for p in pseudonyms)


def test_verslag_command_writes_the_pdf(report, tmp_path, capsys):
    out = tmp_path / "verslag.pdf"
    assert main(["--db", report["db"], "verslag", "--session", report["code"].lower(), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF") and str(out) in capsys.readouterr().out
    assert main(["--db", report["db"], "verslag", "--session", "ZZZZZZ", "--out", str(out)]) == 2
    assert "geen sessie" in capsys.readouterr().err


def test_an_empty_session_still_makes_a_readable_verslag(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'leeg.sqlite'}") as store:
        record = store.sessions.create_session(werkvormen_template().to_dict(), "Leeg team", "2027-01-05", "welkom")
        text = flat("\n".join(p.extract_text() for p in PdfReader(
            _file(tmp_path, session_report_pdf(store, record.code))).pages))
    for expected in ("Leeg team", "dinsdag 5 januari 2027", "Er hebben zich geen groepen aangemeld.",
                     "Er staat nog niets op de routekaart.", "Er zijn geen punten op het bord gezet.",
                     "Er zijn geen acties vastgelegd."):
        assert expected in text


def test_long_texts_wrap_and_a_long_list_runs_over_pages(tmp_path):
    long_word = "https://voorbeeld.nl/" + "x" * 150
    texts = [f"Punt {i:02d}: " + ("veel woorden achter elkaar " * 7).strip() for i in range(40)] + [long_word]
    with Store(f"sqlite:///{tmp_path / 'lang.sqlite'}") as store:
        record = store.sessions.create_session(werkvormen_template().to_dict(), "T", "2027-01-05", "welkom")
        session = LiveSession.open(store, record.code)
        board = PointsBoard.for_session(session)
        go_to_activity(session, "punten")
        for text in texts:
            board.post("p1", text)
        reader = PdfReader(_file(tmp_path, session_report_pdf(store, record.code)))
    assert len(reader.pages) >= 3
    text = flat("\n".join(p.extract_text() for p in reader.pages))
    for i in range(40):
        assert f"Punt {i:02d}:" in text
    assert "x" * 30 in text  # the long word is broken over lines, not cut off
    # The table's headings repeat on every page it runs over.
    assert sum("Stickers" in page.extract_text() for page in reader.pages) >= 2


@pytest.mark.parametrize("value,expected", [
    ("2026-11-28", "zaterdag 28 november 2026"), (date(2027, 3, 1), "maandag 1 maart 2027"), ("ooit", "ooit")])
def test_dutch_date(value, expected):
    assert dutch_date(value) == expected


def _file(folder, pdf: bytes):
    path = folder / "verslag.pdf"
    path.write_bytes(pdf)
    return path


def test_the_verslag_ends_with_how_the_team_goes_on(report):
    """Issue 11.7: 'Verder na het teamleergesprek' comes last: the actions with owner and planning, when to look at
    them again (the next session's Welkom shows them), and where to find more, by name."""
    text = flat(report["text"])
    assert text.count("Verder na het teamleergesprek") == 1
    after = text.split("Verder na het teamleergesprek", 1)[1]
    assert after.index("Jullie acties") < after.index("Wanneer kijken jullie er weer naar?") < after.index(
        "Waar vind je meer?")
    assert f"{ACTIONS[0]}. Eigenaar: zorgcoördinator; planning: voor de kerst" in after
    assert f"{ACTIONS[1]}. Eigenaar: -mentoren; planning: Q1" in after
    assert f"Bij het volgende teamleergesprek van {TEAM} staan ze bij Welkom al op het scherm" in after
    for source in ("www.nji.nl/kindermishandeling", "Augeo", "PO-Raad en VO-raad", "Veilig Thuis",
                   "Marike van Gemert"):
        assert source in after
    # It is the last part: nothing of the session follows it.
    assert "Routekaart" not in after and "Actieplan" not in after
