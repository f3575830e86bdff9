"""The shared PDF page: participant text prints exactly as typed, and a character the kit's fonts lack still prints
(and stays searchable text)."""

import io

from pypdf import PdfReader

from kit.documents.pdf import PdfDocument, plain_text


def test_participant_text_keeps_every_character_but_tabs_and_carriage_returns():
    assert plain_text("regel 1\r\nregel 2\rtab\there <script>**") == "regel 1\nregel 2\ntab    here <script>**"


def test_a_page_prints_text_the_fonts_lack_and_numbers_its_pages():
    text = "Meer tijd voor gesprekken 😀 — ondersteuningscoördinator"
    pdf = PdfDocument("Team Zuid · maandag")
    pdf.cover(text)
    pdf.heading("Verslag")
    pdf.para(text)
    pdf.bullet("Eerste punt")
    reader = PdfReader(io.BytesIO(bytes(pdf.output())))
    page = reader.pages[0].extract_text()
    assert "ondersteuningscoördinator" in page and "😀" in page
    assert "Team Zuid · maandag" in page
