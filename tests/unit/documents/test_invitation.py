"""The invitation PDF, read back: one page, the facts, the handbook's note, and a QR that encodes the join address."""

import io
import re

import pytest
import qrcode
from pypdf import PdfReader

from kit.documents.invitation import QR_SIZE, invitation_for, invitation_pdf
from kit.serving.launcher import join_url
from kit.authoring import load_template

URL = join_url("K7M2QX", "192.168.1.23")


def read(invitation):
    return PdfReader(io.BytesIO(invitation_pdf(invitation)))


def flat(page) -> str:
    return re.sub(r"\s+", " ", page.extract_text())


@pytest.fixture
def invitation():
    return invitation_for(load_template("teamleergesprek"), "Havo onderbouw <b>", "2026-12-03", "K7M2QX", URL,
                          "15.30–17.30 uur, aula", "de aandachtsfunctionaris, kamer 1.12")


def test_one_page_with_team_date_time_code_address_and_agenda(invitation):
    reader = read(invitation)
    assert len(reader.pages) == 1
    text = flat(reader.pages[0])
    for expected in ("Uitnodiging", "Teamleergesprek huiselijk geweld en kindermishandeling", "Havo onderbouw <b>",
                     "donderdag 3 december 2026", "15.30–17.30 uur, aula", "Duur ongeveer twee uur", "Code: K7M2QX",
                     "http://192.168.1.23:8866/?code=K7M2QX", "Neem je telefoon mee",
                     "Werkvorm 3: De meldcode op school 25 minuten", "Afsluiting 10 minuten"):
        assert expected in text, expected


def test_a_fixed_total_once_the_optional_block_is_left_out_and_about_two_hours_while_it_is_in(invitation):
    template = load_template("teamleergesprek")
    assert [b.key for b in template.blocks if b.optional] == ["werkvorm4"]
    assert "135 minuten" not in flat(read(invitation).pages[0])
    without = invitation_for(template.without(["werkvorm4"]), "Team", "2026-12-03", "K7M2QX", URL)
    text = flat(read(without).pages[0])
    assert "120 minuten" in text and "ongeveer" not in text and "Werkvorm 4" not in text
    with pytest.raises(ValueError):
        template.without(["werkvorm3"])  # only an optional block may be left out


def test_the_handbooks_note_for_people_with_experience_of_the_subject(invitation):
    text = flat(read(invitation).pages[0])
    assert "Heb je zelf te maken gehad met huiselijk geweld of kindermishandeling?" in text
    assert "vooraf over praten" in text and "of je erbij wilt zijn" in text
    assert "Je kunt terecht bij: de aandachtsfunctionaris, kamer 1.12." in text


def test_without_time_or_contact_those_lines_are_left_out():
    plain = invitation_for(load_template("teamleergesprek"), "Team", "2026-12-03", "K7M2QX", URL)
    text = flat(read(plain).pages[0])
    assert "Tijd en plaats" not in text and "Je kunt terecht bij" not in text
    assert "Heb je zelf te maken gehad" in text


def test_the_qr_is_large_and_encodes_the_join_address(invitation):
    page = read(invitation).pages[0]
    (image,) = page.images
    picture = image.image.convert("L")
    # Sample the printed QR at the centre of each module and compare with the code the address gives.
    code = qrcode.QRCode(border=2)
    code.add_data(URL)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    module = picture.width / size
    sampled = [[picture.getpixel((int((x + 0.5) * module), int((y + 0.5) * module))) < 128 for x in range(size)]
               for y in range(size)]
    assert sampled == matrix
    # Placed at QR_SIZE mm wide: scannable from a printed page.
    drawn = re.findall(rb"([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm /I", page.get_contents().get_data())
    assert drawn and float(drawn[0][0]) / 72 * 25.4 == pytest.approx(QR_SIZE, abs=0.5)


def test_english(invitation, monkeypatch):
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "en")
    text = flat(read(invitation).pages[0])
    assert "Invitation" in text and "Thursday 3 December 2026" in text and "about two hours" in text
    assert "Have you yourself experienced domestic violence or child abuse?" in text
    assert "Uitnodiging" not in text
