"""`teamleergesprek import`: sessions from before the kit, entered as counts per option.

The invalid cases are data: each is a file's text, the line the message must name and a part of the message.
Every refused file must leave the database exactly as it was.
"""

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kit.cli import main
from kit.history.demo import load_demo
from kit.history.importing import ImportRefused, import_csv, parse_counts
from kit.model.template import Template
from kit.store import Store
from kit.authoring import load_template

EXAMPLE = Path(__file__).parents[3] / "data" / "voorbeeld-import.csv"
HEADER = "team,datum,vraag,antwoord,aantal\n"
EXAMPLE_TEAM = "Havo/vwo onderbouw (voorbeeld)"
EXAMPLE_DATE = "2024-05-16"


def example_counts():
    with EXAMPLE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return Counter({(r["vraag"], r["antwoord"]): int(r["aantal"]) for r in rows if int(r["aantal"])})


def stored_counts(store, code):
    return Counter((a.question_key, a.value) for a in store.sessions.answers(code))


def state(store):
    """What a refused import must not change."""
    return [(s.code, s.team, s.session_date, s.status, len(store.sessions.answers(s.code))) for s in store.sessions.list_sessions()]


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'import.sqlite'}"


# -- the example file ------------------------------------------------------------------------------------------------
def test_the_example_file_becomes_one_closed_session_with_its_counts(db, capsys):
    assert main(["--db", db, "import", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    code = out[-1]
    assert out[-2] == "Sessiecode:" and f"sessie {code}" in out[0]
    with Store(db) as store:
        record = store.sessions.get_session(code)
        assert (record.team, record.session_date, record.status) == (EXAMPLE_TEAM, EXAMPLE_DATE, "closed")
        assert record.template_name == "teamleergesprek"
        assert record.template == load_template("teamleergesprek").to_dict()
        assert stored_counts(store, code) == example_counts()
        answers = store.sessions.answers(code)
        # Paper does not say which answers came from one person: every answer has its own pseudonym.
        assert len({a.participant for a in answers}) == len(answers) == sum(example_counts().values())
        assert all(len(a.participant) == 16 for a in answers)
    # Closed: no phone can join it (serve without --participants-only shows its facilitator's page only).
    assert main(["--db", db, "serve", "--participants-only", "--session", code]) == 2
    assert "afgesloten" in capsys.readouterr().err


def test_the_example_precedes_the_demo_history_of_its_team(db):
    with Store(db) as store:
        load_demo(store)
        (imported,) = import_csv(store, EXAMPLE)
        first_demo = next(s for s in store.sessions.list_sessions() if s.team == EXAMPLE_TEAM and s.code != imported.record.code)
        assert store.sessions.previous_session_code(first_demo.code) == imported.record.code


def test_importing_the_same_file_twice_is_refused_and_names_the_session(db, capsys):
    assert main(["--db", db, "import", str(EXAMPLE)]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    with Store(db) as store:
        before = state(store)
    assert main(["--db", db, "import", str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert f"regel 2: team '{EXAMPLE_TEAM}' heeft op {EXAMPLE_DATE} al sessie {code} in de database" in err
    assert "niets opgeslagen" in err
    with Store(db) as store:
        assert state(store) == before


def test_what_spreadsheets_write_is_accepted(db, tmp_path):
    """Semicolons, a BOM or the Windows code page, Dutch dates, capitals, extra spaces, empty cells and lines."""
    text = (
        "\ufeffTeam;Datum;Vraag;Antwoord;Aantal;;\r\n"
        "Brugklas mentoren;12-03-2025;Vaardigheid;Redelijk  Vaardig;7;;\r\n"
        ";;;;\r\n"
        "Brugklas mentoren;12-03-2025;vaardigheid;niet vaardig;0\r\n"
        "Brugklas mentoren;12-03-2025; tevredenheid_school ; 3 ; 5 \r\n"
        "Brugklas mentoren;2025-10-01;tevredenheid_samenwerking;tevreden;4\r\n"
        "Bovenbouw, havo & vwo;1/10/2025;tevredenheid_samenwerking;ontevreden;2\r\n"
    )
    path = tmp_path / "excel.csv"
    path.write_bytes(text.encode("utf-8"))
    with Store(db) as store:
        imported = import_csv(store, path)
        assert [(i.record.team, i.record.session_date, i.answers) for i in imported] == [
            ("Brugklas mentoren", "2025-03-12", 12),
            ("Bovenbouw, havo & vwo", "2025-10-01", 2),
            ("Brugklas mentoren", "2025-10-01", 4),
        ]
        assert stored_counts(store, imported[0].record.code) == {
            ("vaardigheid", "redelijk vaardig"): 7, ("tevredenheid_school", "3"): 5}
    cp1252 = tmp_path / "windows.csv"
    cp1252.write_bytes((HEADER + "Bètaprofiel,2025-01-20,vaardigheid,vaardig,3\n").encode("cp1252"))
    with Store(db) as store:
        (item,) = import_csv(store, cp1252)
        assert item.record.team == "Bètaprofiel"


def test_another_template_is_checked_by_its_own_questions():
    small = Template.from_dict({**load_template("teamleergesprek").to_dict(), "name": "klein", "blocks": [
        {"key": "start", "title": "Start", "minutes": 5, "questions": [
            {"key": "vaardigheid", "type": "ordered", "text": "?", "options": ["ja", "nee"]}]}]})
    (plan,) = parse_counts(HEADER + "T,2025-01-01,vaardigheid,ja,3\n", small, [], date(2026, 1, 1))
    assert plan.counts == {("vaardigheid", "ja"): 3}
    with pytest.raises(ImportRefused) as refused:
        parse_counts(HEADER + "T,2025-01-01,rol_noodsituatie,ja,3\n", small, [], date(2026, 1, 1))
    assert "regel 2: 'rol_noodsituatie' is geen vraag van sjabloon 'klein'" in str(refused.value)


def test_an_unknown_template_is_a_dutch_error(db, capsys):
    assert main(["--db", db, "import", str(EXAMPLE), "--template", "bestaat_niet"]) == 2
    assert "bestaat_niet" in capsys.readouterr().err


# -- invalid files: (name, file content, line the message names or None for the whole file, part of the message) ------
T = "Team Noord"
ROW = f"{T},2025-03-12,vaardigheid,vaardig,5\n"
INVALID = [
    ("antwoord_met_typefout", HEADER + ROW + f"{T},2025-03-12,vaardigheid,heel vaardig,1\n"
     f"{T},2025-03-12,vaardigheid,vaardig heid,2\n", 4,
     "'vaardig heid' is geen antwoordoptie van vraag 'vaardigheid'; kies uit: heel vaardig, vaardig, redelijk vaardig, "
     "niet vaardig."),
    ("vraag_met_typefout", HEADER + ROW + f"{T},2025-03-12,vaardig heid,vaardig,2\n", 3,
     "'vaardig heid' is geen vraag van sjabloon 'teamleergesprek'. Bedoel je 'vaardigheid'?"),
    ("open_vraag", HEADER + ROW + f"{T},2025-03-12,versterken,meer scholing,2\n", 3,
     "vraag 'versterken' is een open vraag; open antwoorden kun je niet als aantallen inlezen"),
    ("schaal_buiten_bereik", HEADER + ROW + f"{T},2025-03-12,tevredenheid_school,6,2\n", 3,
     "'6' is geen antwoordoptie van vraag 'tevredenheid_school'; kies uit: 0, 1, 2, 3, 4, 5 (0 = zeer ontevreden"),
    ("antwoord_leeg", HEADER + f"{T},2025-03-12,vaardigheid,,5\n", 2, "het antwoord ontbreekt; kies uit: heel vaardig"),
    ("vraag_leeg", HEADER + f"{T},2025-03-12,,vaardig,5\n", 2, "de vraag ontbreekt. Kies uit: vaardigheid"),
    ("aantal_absurd", HEADER + ROW + f"{T},2025-03-12,vaardigheid,niet vaardig,900\n", 3,
     "aantal 900 is onwaarschijnlijk groot (hoogstens 500 per regel)"),
    ("aantal_negatief", HEADER + f"{T},2025-03-12,vaardigheid,vaardig,-2\n", 2, "aantal -2 is negatief"),
    ("aantal_geen_getal", HEADER + f"{T},2025-03-12,vaardigheid,vaardig,drie\n", 2, "aantal 'drie' is geen heel getal"),
    ("aantal_met_komma", HEADER + f'{T},2025-03-12,vaardigheid,vaardig,"3,5"\n', 2, "aantal '3,5' is geen heel getal"),
    ("aantal_leeg", HEADER + f"{T},2025-03-12,vaardigheid,vaardig,\n", 2, "het aantal ontbreekt"),
    ("samen_te_veel", HEADER + f"{T},2025-03-12,vaardigheid,vaardig,300\n{T},2025-03-12,vaardigheid,niet vaardig,300\n",
     3, "vraag 'vaardigheid' heeft voor team 'Team Noord' op 2025-03-12 samen 600 antwoorden, meer dan 500"),
    ("datum_bestaat_niet", HEADER + f"{T},2025-02-30,vaardigheid,vaardig,5\n", 2, "'2025-02-30' is geen geldige datum"),
    ("datum_onleesbaar", HEADER + f"{T},maart 2025,vaardigheid,vaardig,5\n", 2,
     "'maart 2025' is geen geldige datum. Schrijf de datum als JJJJ-MM-DD"),
    ("datum_in_de_toekomst", HEADER + ROW + f"{T},2999-01-01,vaardigheid,vaardig,5\n", 3, "de datum 2999-01-01 ligt in de toekomst"),
    ("datum_voor_2000", HEADER + f"{T},1999-05-01,vaardigheid,vaardig,5\n", 2, "de datum 1999-05-01 ligt vóór 2000. Klopt het jaartal?"),
    ("datum_leeg", HEADER + f"{T},,vaardigheid,vaardig,5\n", 2, "de datum ontbreekt"),
    ("team_leeg", HEADER + ROW + ",2025-03-12,vaardigheid,vaardig,5\n", 3, "de teamnaam ontbreekt"),
    ("team_te_lang", HEADER + ("x" * 101) + ",2025-03-12,vaardigheid,vaardig,5\n", 2, "de teamnaam is langer dan 100 tekens"),
    ("team_anders_geschreven", HEADER + ROW + "team  noord,2025-03-12,vaardigheid,niet vaardig,5\n", 3,
     "team 'team noord' is anders geschreven dan 'Team Noord' op regel 2"),
    ("team_anders_dan_in_database", HEADER + "havo/vwo onderbouw (voorbeeld),2025-01-15,vaardigheid,vaardig,5\n", 2,
     "in de database heet dit team 'Havo/vwo onderbouw (voorbeeld)'"),
    ("sessie_staat_er_al", HEADER + f"{EXAMPLE_TEAM},{EXAMPLE_DATE},vaardigheid,vaardig,5\n", 2,
     f"team '{EXAMPLE_TEAM}' heeft op {EXAMPLE_DATE} al sessie"),
    ("dubbele_regel", HEADER + ROW + f"{T},2025-03-12,tevredenheid_school,3,4\n{T},2025-03-12,Vaardigheid,Vaardig,2\n",
     4, "antwoord 'vaardig' op vraag 'vaardigheid' voor team 'Team Noord' op 2025-03-12 staat al op regel 2"),
    ("alles_nul", HEADER + f"{T},2025-03-12,vaardigheid,vaardig,0\n{T},2025-03-12,vaardigheid,niet vaardig,0\n", 2,
     "team 'Team Noord' op 2025-03-12 heeft alleen aantallen 0; er is niets in te lezen"),
    ("te_veel_waarden", HEADER + ROW + "Bovenbouw, havo,2025-03-12,vaardigheid,vaardig,5\n", 3,
     "6 waarden in plaats van 5"),
    ("te_weinig_waarden", HEADER + f"{T},2025-03-12,vaardigheid,5\n", 2, "4 waarden in plaats van 5"),
    ("kolom_ontbreekt", "team,datum,vraag,antwoord\n" + f"{T},2025-03-12,vaardigheid,vaardig\n", 1,
     "de kolom 'aantal' ontbreekt. De eerste regel moet de kolomnamen bevatten: team,datum,vraag,antwoord,aantal"),
    ("kolom_onbekend", "team,datum,vraag,antwoord,aantal,opmerking\n" + f"{T},2025-03-12,vaardigheid,vaardig,5,x\n", 1,
     "onbekende kolom 'opmerking'"),
    ("geen_kopregel", ROW + ROW, 1, "de kolom 'team' ontbreekt"),
    ("alleen_kopregel", HEADER, 1, "onder de kolomnamen staan geen regels met aantallen"),
    ("leeg_bestand", "", None, "het bestand is leeg"),
    ("fout_na_lege_regels", HEADER + ROW + "\n\n" + f"{T},2025-03-12,tevredenheid_school,9,1\n", 5,
     "'9' is geen antwoordoptie van vraag 'tevredenheid_school'; kies uit: 0, 1, 2, 3, 4, 5"),
    ("oude_meerkeuzevraag", HEADER + ROW + f"{T},2025-03-12,rol_noodsituatie,ja,3\n", 3,
     "'rol_noodsituatie' is geen vraag van sjabloon 'teamleergesprek'"),
    ("goede_sessie_en_foute_sessie", HEADER + ROW + "Team Zuid,2025-04-02,vaardigheid,vaardig,4\n"
     "Team Zuid,2025-04-02,tevredenheid_samenwerking,tevreden,x\n", 4, "aantal 'x' is geen heel getal"),
]


@pytest.mark.parametrize("name,text,line,message", INVALID, ids=[case[0] for case in INVALID])
def test_invalid_file_is_refused_whole_with_a_dutch_message_naming_the_line(db, tmp_path, capsys, name, text, line, message):
    with Store(db) as store:
        import_csv(store, EXAMPLE)
        before = state(store)
    path = tmp_path / f"{name}.csv"
    path.write_text(text, encoding="utf-8")
    assert main(["--db", db, "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Fout: Het bestand '{path}' is niet ingelezen; er is niets opgeslagen.")
    expected = f"\nregel {line}: {message}" if line else f"\n{message}"
    assert expected in err
    with Store(db) as store:
        assert state(store) == before


def test_every_problem_of_a_file_is_listed_at_once():
    text = HEADER + f"{T},2025-03-12,vaardigheid,vaardig heid,2\n{T},2025-03-12,tevredenheid_school,3,900\n"
    with pytest.raises(ImportRefused) as refused:
        parse_counts(text, load_template("teamleergesprek"), [], date(2026, 1, 1))
    assert [p.line for p in refused.value.problems] == [2, 3]


def test_a_file_that_is_no_text_is_refused(db, tmp_path, capsys):
    path = tmp_path / "plaatje.csv"
    path.write_bytes(HEADER.encode() + b"T,2025-03-12,vaardigheid,vaardig,\x81\x8d\n")
    assert main(["--db", db, "import", str(path)]) == 2
    assert "regel 2: het bestand is geen leesbare tekst" in capsys.readouterr().err


def test_a_missing_file_is_a_dutch_error(db, tmp_path, capsys):
    assert main(["--db", db, "import", str(tmp_path / "weg.csv")]) == 2
    assert "bestaat niet" in capsys.readouterr().err
