"""Words are never broken inside in the PDFs: a table column is as wide as its longest word, else the table's type
is smaller. Long Dutch compounds in narrow columns ("ondersteuningscoördinator", "kerstvakantie") used to come
out as "ondersteuningsc oördinator". Checked on the text read back from the PDF."""

import io
import re

from pypdf import PdfReader

from kit.authoring import load_template
from kit.documents.session_report import session_report_pdf
from kit.documents.team_report import team_report_pdf
from kit.model.board import PointsBoard
from kit.model.live import LiveSession
from kit.model.sessions import new_session
from kit.store import Store

LONG_WORDS = ("ondersteuningscoördinator", "kerstvakantie", "aandachtsfunctionaris", "samenwerkingsafspraken",
              "jeugdgezondheidszorg", "deskundigheidsbevordering")
ACTIONS = [
    ("Deskundigheidsbevordering signaleren voor alle mentoren", "ondersteuningscoördinator", "na de kerstvakantie"),
    ("Samenwerkingsafspraken met jeugdgezondheidszorg vastleggen", "aandachtsfunctionaris", "voorjaarsvakantie"),
]


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def a_session_with_long_words(store: Store, date: str) -> str:
    template = load_template("teamleergesprek")
    record = new_session(store, template, "Havo onderbouw", date)
    session = LiveSession.open(store, record.code)
    board = PointsBoard.for_session(session)
    for text, owner, planning in ACTIONS:
        board.save_action(text=text, level=board.config.levels[1], owner=owner, planning=planning,
                          status=board.config.statuses[0])
    session.close()
    return record.code


def test_the_verslag_breaks_no_word():
    with Store("sqlite:///:memory:") as store:
        code = a_session_with_long_words(store, "2026-11-28")
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(session_report_pdf(store, code))).pages)
    found = words(text)
    for word in LONG_WORDS:
        assert word in found, f"{word!r} broken: " + " | ".join(line for line in text.splitlines() if word[:6] in line.lower())


def test_the_team_rapport_breaks_no_word(tmp_path):
    with Store("sqlite:///:memory:") as store:
        for date in ("2026-03-01", "2026-11-28"):
            a_session_with_long_words(store, date)
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(team_report_pdf(store, "Havo onderbouw"))).pages)
    found = words(text)
    for word in LONG_WORDS:
        assert word in found, f"{word!r} broken: " + " | ".join(line for line in text.splitlines() if word[:6] in line.lower())
