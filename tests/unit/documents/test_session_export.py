"""Exports for the school's records: the long CSV and the spreadsheet, from a session that used every werkvorm.

The session is `full_session.build_session`, shared with the verslag tests.
"""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from factories import go_to_activity, werkvormen_template
from kit.cli import main
from kit.documents.session_export import answers_csv, session_data
from kit.documents.spreadsheet import SHEETS, ooxml_escape, ooxml_unescape, session_xlsx
from kit.model.live import LiveSession
from kit.model.board import PointsBoard
from kit.store import Store
from full_session import (
    ACTIONS, DATE, EMOJI, FORMULA, HIDDEN, POINTS, PRIVATE_INTENTION, ROUTE_TEXTS, SCRIPT, SHARED_INTENTION, SHOWN_BIEDEN,
    TEAM, build_session,
)

@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'export.sqlite'}"


@pytest.fixture
def built(db, tmp_path):
    return build_session(db, tmp_path / "geen-eigen-sjablonen")


def csv_rows(db, code):
    with Store(db) as store:
        return list(csv.DictReader(io.StringIO(answers_csv(store, code))))


# -- CSV --------------------------------------------------------------------------------------------------------------
def test_csv_has_a_row_for_every_kind_of_answer(db, built):
    rows = csv_rows(db, built.code)
    assert {r["vraagtype"] for r in rows} == {"ordered", "scale", "open", "werkblad", "routekaart", "punt", "actie"}
    assert {(r["sessiecode"], r["team"], r["datum"]) for r in rows} == {(built.code, TEAM, DATE)}
    pick = lambda kind: [(r["vraag"], r["antwoord"], r["deelnemer"]) for r in rows if r["vraagtype"] == kind]  # noqa: E731

    assert pick("werkblad") == [
        ("werkblad:casus", "casus1", "Groep =A"),
        ("werkblad:stap1:1", "Op de geur van alcohol", "Groep =A"),
        ("werkblad:stap2:2", "Met de mentor\nen het zorgteam", "Groep =A"),
        ("werkblad:casus", "casus3", "De uilen 🦉"),
        ("werkblad:stap1:3", "'+31 Veilig Thuis", "De uilen 🦉"),
        ("werkblad:casus", "casus1", "Groep 3"),
    ]
    assert pick("routekaart") == [
        ("routekaart:stap1:positief", ROUTE_TEXTS[0], ""),
        ("routekaart:stap1:aandacht", "'" + ROUTE_TEXTS[1], ""),
        ("routekaart:stap2:sleutelfiguren", ROUTE_TEXTS[2], ""),
    ]
    points = {r["vraag"]: r["antwoord"] for r in rows if r["vraagtype"] == "punt"}
    # Point 1 is the route map's 'aandacht nodig' item, waiting on the board as a starting post-it.
    assert [points[f"punt:{n}"] for n in range(1, 7)] == ["'" + ROUTE_TEXTS[1], POINTS[0], "'" + POINTS[1],
                                                          *POINTS[2:]]
    assert [int(points[f"punt:{n}:stickers"]) for n in range(1, 7)] == [0, 2, 3, 2, 0, 1]
    assert [points[f"punt:{n}:status"] for n in range(1, 7)] == [
        "zichtbaar", "zichtbaar", "zichtbaar", "zichtbaar", "samengevoegd met punt:2", "verborgen"]
    assert [k for k in points if k.endswith(":bron")] == ["punt:1:bron"] and points["punt:1:bron"] == "routekaart"
    assert all(r["deelnemer"] == "" for r in rows if r["vraagtype"] in ("punt", "actie", "routekaart"))
    assert pick("actie") == [
        ("actie:1", "'" + ACTIONS[0], ""), ("actie:1:niveau", "het team en de organisatie", ""),
        ("actie:1:eigenaar", "zorgcoördinator", ""), ("actie:1:planning", "voor de kerst", ""),
        ("actie:1:status", "bezig", ""), ("actie:1:punt", "punt:3", ""),
        ("actie:2", ACTIONS[1], ""), ("actie:2:niveau", "de professional", ""),
        ("actie:2:eigenaar", "'-mentoren", ""), ("actie:2:planning", "Q1", ""),
        ("actie:2:status", "nog niet gestart", ""),
    ]


def test_csv_keeps_hidden_open_answers_but_never_an_unshared_intention(db, built):
    rows = csv_rows(db, built.code)
    answers = [r["antwoord"] for r in rows]
    assert "'" + FORMULA in answers and SCRIPT in answers and EMOJI in answers and HIDDEN in answers
    assert SHARED_INTENTION in answers and PRIVATE_INTENTION not in answers
    # Participants appear only as the session's random pseudonyms.
    assert {r["deelnemer"] for r in rows if r["vraagtype"] in ("ordered", "scale", "open")} <= set(built.participants)


def test_csv_polls_come_first_in_agenda_order(db, built):
    rows = csv_rows(db, built.code)
    keys = [r["vraag"] for r in rows if r["vraagtype"] in ("ordered", "scale", "open")]
    assert keys == ["vaardigheid"] * 4 + ["tevredenheid_school"] * 2 + ["versterken"] * 4 + ["bieden"] + [
        "tevredenheid_samenwerking"] * 3 + ["checkout_bij"] * 2 + ["checkout_voornemen"]
    assert [r["vraagtype"] for r in rows][:len(keys)] == [r["vraagtype"] for r in rows if r["vraag"] in keys]


def test_a_template_without_werkvormen_or_with_only_werkvormen_exports(db):
    with Store(db) as store:
        record = store.sessions.create_session(werkvormen_template().to_dict(), "Team", DATE, "welkom")
        assert answers_csv(store, record.code).splitlines() == [
            "sessiecode,team,datum,vraag,vraagtype,antwoord,deelnemer"]
        assert set(load_workbook(io.BytesIO(session_xlsx(store, record.code))).sheetnames) == set(SHEETS)


# -- xlsx -------------------------------------------------------------------------------------------------------------
@pytest.fixture
def workbook(db, built, tmp_path):
    out = tmp_path / "sessie.xlsx"
    assert main(["--db", db, "export", "--session", built.code.lower(), "--format", "xlsx", "--out", str(out)]) == 0
    return load_workbook(out)


def values(sheet):
    """Every row as Excel shows it: escaped control characters decoded."""
    return [tuple(ooxml_unescape(v) if isinstance(v, str) else v for v in row)
            for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_xlsx_has_one_sheet_per_interaction_with_a_bold_frozen_dutch_header(workbook):
    assert workbook.sheetnames == ["antwoorden", "routekaart", "werkblad", "punten", "actieplan"]
    for name, columns in SHEETS.items():
        sheet = workbook[name]
        assert tuple(c.value for c in sheet[1]) == columns
        assert all(c.font.bold for c in sheet[1])
        assert sheet.freeze_panes == "A2"
        widths = [sheet.column_dimensions[chr(ord("A") + i)].width for i in range(len(columns))]
        assert all(8 <= w <= 60 for w in widths), (name, widths)


def test_xlsx_answers_sheet(workbook, built):
    rows = values(workbook["antwoorden"])
    assert {(r[0], r[1], r[2].date()) for r in rows} == {(built.code, TEAM, date(2026, 11, 28))}
    assert workbook["antwoorden"]["C2"].number_format == "yyyy-mm-dd"
    by_key = {}
    for r in rows:
        by_key.setdefault(r[4], []).append(r)
    assert [r[7] for r in by_key["vaardigheid"]] == ["vaardig", "vaardig", "niet vaardig", "heel vaardig"]
    assert by_key["vaardigheid"][0][3] == "Startoefening: wat vind jij?"
    assert by_key["vaardigheid"][0][5] == "Hoe vaardig voel jij je bij het signaleren en handelen?"
    assert [(r[7], r[9]) for r in by_key["versterken"]] == [
        (FORMULA, "ja"), (SCRIPT, "ja"), (EMOJI, "ja"), (HIDDEN, "nee")]
    assert [r[7] for r in by_key["checkout_voornemen"]] == [SHARED_INTENTION]
    assert {r[8] for r in rows} <= set(built.participants)
    assert by_key["vaardigheid"][0][9] is None  # 'getoond' is about open answers only
    assert [r[7] for r in by_key["tevredenheid_school"]] == [4, 2]  # numbers, so a spreadsheet can average


def test_xlsx_activity_sheets(workbook):
    assert values(workbook["routekaart"]) == [
        ("Stap 1: Signalen in kaart brengen", "Positieve punten", ROUTE_TEXTS[0]),
        ("Stap 1: Signalen in kaart brengen", "Punten die aandacht nodig hebben", ROUTE_TEXTS[1]),
        ("Stap 2: Overleg met collega of raadpleeg Veilig Thuis", "Sleutelfiguren", ROUTE_TEXTS[2]),
    ]
    assert values(workbook["werkblad"]) == [
        ("Groep =A", "Casus 1: ziek naar huis", "Stap 1: Signalen in kaart brengen", "Waar heb je op gelet?",
         "Op de geur van alcohol"),
        ("Groep =A", "Casus 1: ziek naar huis", "Stap 2: Overleg met collega of raadpleeg Veilig Thuis",
         "Met wie overleg je?", "Met de mentor\nen het zorgteam"),
        ("De uilen 🦉", "Casus 3: zorgen voor broertje en zusje", "Stap 1: Signalen in kaart brengen",
         "Hoe zijn de signalen bij jou terecht gekomen?", "+31 Veilig Thuis"),
    ]
    assert values(workbook["punten"]) == [
        (3, POINTS[1], 3, "zichtbaar"),
        (2, POINTS[0], 2, "zichtbaar"),
        (4, POINTS[2], 2, "zichtbaar"),
        (1, ROUTE_TEXTS[1], 0, "zichtbaar"),  # from the route map, no stickers
        (5, POINTS[3], 0, f"samengevoegd met punt 2: {POINTS[0]}"),
        (6, POINTS[4], 1, "verborgen"),
    ]
    assert values(workbook["actieplan"]) == [
        (ACTIONS[0], "het team en de organisatie", "zorgcoördinator", "voor de kerst", "bezig",
         f"punt 3: {POINTS[1]}"),
        (ACTIONS[1], "de professional", "-mentoren", "Q1", "nog niet gestart", None),
    ]


def test_xlsx_formulas_are_text_that_never_evaluates(workbook):
    formula_like = set()
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    formula_like.add(cell.value)
                    assert cell.data_type == "s" and cell.quotePrefix, (sheet.title, cell.coordinate)
                elif isinstance(cell.value, str):
                    assert not cell.quotePrefix, (sheet.title, cell.coordinate)
    # Exactly as typed: no apostrophe in front, the quote prefix is a cell style, not part of the text.
    assert formula_like == {FORMULA, "+31 Veilig Thuis", ROUTE_TEXTS[1], POINTS[1], SHOWN_BIEDEN, ACTIONS[0],
                            "-mentoren"}


def test_xlsx_keeps_control_characters_and_escape_lookalikes_exactly(tmp_path):
    texts = ["regel één\tmet tab\r\nen \x07 bel", "letterlijk _x0041_ en _x005F_", "\x1b[31m", "_x", " spaties "]
    for text in texts:
        assert ooxml_unescape(ooxml_escape(text)) == text
    with Store(f"sqlite:///{tmp_path / 'c.sqlite'}") as store:
        template = werkvormen_template()
        record = store.sessions.create_session(template.to_dict(), "T", DATE, "welkom")
        session = LiveSession.open(store, record.code)
        board = PointsBoard.for_session(session)
        go_to_activity(session, "punten")
        for text in texts:
            board.post("p1", text)
        book = load_workbook(io.BytesIO(session_xlsx(store, record.code)))
    assert [ooxml_unescape(r[1]) for r in book["punten"].iter_rows(min_row=2, values_only=True)] == texts


def test_export_rejects_an_unknown_format_and_an_unknown_session(db, built, capsys):
    with pytest.raises(SystemExit):
        main(["--db", db, "export", "--session", built.code, "--format", "ods"])
    assert main(["--db", db, "export", "--session", "ZZZZZZ", "--format", "xlsx", "--out", "x.xlsx"]) == 2
    assert "geen sessie" in capsys.readouterr().err


def test_xlsx_without_out_gets_a_named_file_in_this_folder(db, built, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["--db", db, "export", "--session", built.code, "--format", "xlsx"]) == 0
    written = tmp_path / f"antwoorden-{built.code}.xlsx"
    assert written.read_bytes()[:2] == b"PK"  # an xlsx is a zip
    assert capsys.readouterr().out == f"Geëxporteerd naar {written}\n"


def test_session_data_ranking_is_the_boards(db, built):
    with Store(db) as store:
        data = session_data(store, built.code)
        store.sessions.set_session_status(built.code, "closed")  # a report is made after the session closed
        closed = session_data(store, built.code)
    assert [(r.text, r.stickers) for r in data.ranking] == [(POINTS[1], 3), (POINTS[0], 2), (POINTS[2], 2),
                                                            (ROUTE_TEXTS[1], 0)]
    assert closed.ranking == data.ranking
