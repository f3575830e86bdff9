"""The `teamleergesprek` command as a trainer types it."""

import csv
import io
import subprocess
import sys

import pytest

from kit.cli import main
from kit.model.live import LiveSession
from kit.store import Store


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


def new_session(db, capsys, *extra):
    assert main(["--db", db, "new", "--team", "Team Zuid", "--date", "2026-11-28", *extra]) == 0
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_new_prints_the_code_alone_on_its_last_line(db, capsys):
    code = new_session(db, capsys)
    with Store(db) as store:
        record = store.sessions.get_session(code)
    assert (record.team, record.session_date, record.template_name) == ("Team Zuid", "2026-11-28", "teamleergesprek")


def test_db_may_follow_the_subcommand(db, capsys):
    assert main(["new", "--team", "Team West", "--db", db]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    with Store(db) as store:
        assert store.sessions.get_session(code).team == "Team West"


def test_db_from_the_environment(db, capsys, monkeypatch):
    monkeypatch.setenv("TEAMLEERGESPREK_DB", db)
    code = new_session(db, capsys)
    monkeypatch.chdir("/")
    assert main(["new", "--team", "Oost"]) == 0
    with Store(db) as store:
        assert len(store.sessions.list_sessions()) == 2 and store.sessions.get_session(code)


@pytest.mark.parametrize(
    "args,message",
    [
        (["new", "--team", "X", "--date", "28-11-2026"], "JJJJ-MM-DD"),
        (["new", "--team", "  "], "teamnaam"),
        (["new", "--team", "X", "--template", "bestaat-niet"], "bestaat-niet"),
        (["export", "--session", "ZZZZZZ"], "Er is geen database in"),  # read-only: it makes no database
        (["serve", "--session", "ZZZZZZ"], "geen sessie"),
        (["serve", "--join-url", "stemmen.example.nl"], "begint met https://"),
        (["serve", "--max-participants", "0"], "minstens 1"),
        (["serve", "--expected-participants", "-5"], "niet negatief"),
        (["serve", "--lang", "en", "--max-participants", "0"], "must be at least 1"),
        (["serve", "--lang", "en", "--expected-participants", "-5"], "cannot be negative"),
        (["serve", "--participants-only", "--session", "ZZZZZZ"], "geen sessie"),
    ],
)
def test_mistakes_get_a_message_in_the_command_language_and_exit_2(db, capsys, args, message):
    assert main(["--db", db, *args]) == 2
    assert message in capsys.readouterr().err
    with Store(db) as store:
        assert store.sessions.list_sessions() == []  # nothing invented (no demo session) on the way to the refusal


def test_export_csv_long_format_one_row_per_answer(db, capsys, tmp_path):
    code = new_session(db, capsys)
    with Store(db) as store:
        session = LiveSession.open(store, code)
        steps = {s.question.key: s.index for s in session.template.steps if s.question}
        session.go_to(steps["vaardigheid"])
        session.submit("p1", "vaardigheid", "vaardig")
        session.submit("p2", "vaardigheid", "niet vaardig")
        session.go_to(steps["versterken"])
        session.submit("p1", "versterken", "=HYPERLINK(\"x\") en <script>")
    out = tmp_path / "antwoorden.csv"
    assert main(["--db", db, "export", "--session", code, "--format", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["vraag"], r["antwoord"]) for r in rows] == [
        ("vaardigheid", "vaardig"),
        ("vaardigheid", "niet vaardig"),
        ("versterken", "'=HYPERLINK(\"x\") en <script>"),
    ]
    assert {(r["sessiecode"], r["team"], r["datum"]) for r in rows} == {(code, "Team Zuid", "2026-11-28")}
    assert [r["vraagtype"] for r in rows] == ["ordered", "ordered", "open"]
    assert rows[0]["deelnemer"] == rows[2]["deelnemer"] != rows[1]["deelnemer"]


def test_check_reports_problems_with_file_and_line(tmp_path, capsys):
    bad = tmp_path / "kapot.yaml"
    bad.write_text("schema_version: 1\nname: x\ntitle: y\nblocks:\n  - key: a\n    title: A\n    minutes: tien\n")
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "kapot.yaml:7" in out


def test_check_accepts_the_standard_template(capsys):
    import kit

    from pathlib import Path

    standard = Path(kit.__file__).parent / "authoring" / "shipped" / "teamleergesprek.nl.yaml"
    assert main(["check", str(standard)]) == 0


def test_every_declared_command_is_in_the_help_and_runs_its_own_function():
    import argparse

    from kit.cli import COMMANDS, build_parser

    def commands(parser, words=()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from commands(sub, (*words, name))
                return
        yield " ".join(words), parser.get_default("run")

    found = dict(commands(build_parser()))
    assert found == {words: declared.run for words, declared in COMMANDS.items()}
    assert len(found) == 16 and "template copy" in found and "lab" in found and "werkblad" in found


def test_check_speaks_english_with_lang_en(tmp_path, capsys):
    bad = tmp_path / "broken.yaml"
    bad.write_text("schema_version: 1\nname: x\ntitle: y\nblocks:\n  - key: a\n    title: A\n    minutes: ten\n")
    assert main(["check", "--lang", "en", str(bad)]) == 1
    captured = capsys.readouterr()
    assert f"{bad}:7: block 'a': 'minutes' must be a whole number, but is 'ten'" in captured.out
    assert "1 problem found." in captured.err


EIGEN = """schema_version: 1
name: eigen
title: Eigen
blocks:
  - key: start
    title: Start
    minutes: 10
    questions:
      - key: signalen
        type: choice
        text: {text}
        options: [{options}]
"""


def test_check_compares_questions_with_the_sessions_in_the_database(db, tmp_path, capsys):
    template = tmp_path / "eigen.yaml"
    template.write_text(EIGEN.format(text="Welke signalen zie je?", options="blauwe plekken, stil, afwezig"))
    code = new_session(db, capsys, "--template", str(template))
    # Another wording under the same key: fine. Other options: refused, naming the session, with both ways out.
    template.write_text(EIGEN.format(text="Welke signalen herken je?", options="blauwe plekken, stil, afwezig"))
    assert main(["check", "--db", db, str(template)]) == 0
    assert "Vergeleken met de vragen van 1 sessie in" in capsys.readouterr().out
    template.write_text(EIGEN.format(text="Welke signalen herken je?", options="blauwe plekken, teruggetrokken, afwezig"))
    assert main(["check", "--db", db, str(template)]) == 1
    out = capsys.readouterr().out
    assert f"eigen.yaml:12: vraag 'signalen': de antwoordopties van 'signalen' zijn anders dan in sessie {code}" in out
    assert "key: signalen_2" in out and 'mapping: {"stil": "' in out
    template.write_text(template.read_text() + "        mapping: {stil: teruggetrokken}\n")
    assert main(["check", "--db", db, str(template)]) == 0


def test_check_does_not_create_the_default_database(tmp_path, monkeypatch, capsys):
    import kit

    from pathlib import Path

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TEAMLEERGESPREK_DB", raising=False)
    assert main(["check", str(Path(kit.__file__).parent / "authoring" / "shipped" / "teamleergesprek.nl.yaml")]) == 0
    assert not (tmp_path / "data").exists()


def test_python_dash_m_kit_works(db):
    result = subprocess.run(
        [sys.executable, "-m", "kit", "--db", db, "new", "--team", "T"], capture_output=True, text=True
    )
    assert result.returncode == 0 and len(result.stdout.strip().splitlines()[-1]) == 6


def test_template_copy_starts_an_own_template_that_new_can_use(db, tmp_path, capsys):
    folder = tmp_path / "sjablonen"
    assert main(["template", "copy", "teamleergesprek", "onze_school", "--templates", str(folder)]) == 0
    copied = folder / "onze_school.yaml"
    text = copied.read_text(encoding="utf-8")
    assert "name: onze_school" in text and "name: teamleergesprek" not in text
    copied.write_text(text.replace("    minutes: 25\n", "    minutes: 20\n", 1), encoding="utf-8")
    assert main(["check", str(copied)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "new", "--template", "onze_school", "--templates", str(folder), "--team", "T"]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    with Store(db) as store:
        record = store.sessions.get_session(code)
    assert record.template_name == "onze_school"
    assert [b["minutes"] for b in record.template["blocks"]][5] == 20
    # Never overwritten; a bad name is refused with the rule.
    assert main(["template", "copy", "teamleergesprek", "onze_school", "--templates", str(folder)]) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert main(["template", "copy", "teamleergesprek", "Onze School!", "--templates", str(folder)]) == 2
    assert "kleine letters" in capsys.readouterr().err
    assert main(["template", "copy", "bestaat_niet", "x", "--templates", str(folder)]) == 2
    assert "Beschikbare sjablonen" in capsys.readouterr().err


def test_rapport_writes_a_pdf_with_the_teams_trends_and_pngs(db, tmp_path, capsys):
    from pypdf import PdfReader

    assert main(["--db", db, "demo"]) == 0
    out, pngs = tmp_path / "rapport.pdf", tmp_path / "grafieken"
    assert main(["--db", db, "rapport", "--team", "Havo/vwo onderbouw (voorbeeld)", "--out", str(out),
                 "--png", str(pngs)]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Havo/vwo onderbouw (voorbeeld)" in text and "4 sessies" in text
    assert "De laatste twee sessies" in text
    assert sorted(p.name for p in pngs.iterdir()) == [
        "tevredenheid_samenwerking.png", "tevredenheid_school.png", "vaardigheid.png", "woorden.png"]
    assert main(["--db", db, "rapport", "--team", "Niemand", "--out", str(out)]) == 2
    assert "geen team 'Niemand'" in capsys.readouterr().err


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def test_lang_en_makes_an_english_session_verslag_and_rapport_and_is_forgotten_after_the_command(
        db, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("TEAMLEERGESPREK_LANG", raising=False)
    code = new_session(db, capsys, "--lang", "en")
    with Store(db) as store:
        record = store.sessions.get_session(code)
    assert record.template["language"] == "en" and record.template["blocks"][0]["title"] == "Welcome"

    verslag = tmp_path / "report.pdf"
    assert main(["--db", db, "verslag", "--session", code, "--out", str(verslag), "--lang", "en"]) == 0
    text = _pdf_text(verslag)
    assert "Report of the team learning conversation" in text and "Verslag teamleergesprek" not in text

    assert main(["--db", db, "demo"]) == 0
    rapport = tmp_path / "rapport.pdf"
    assert main(["--db", db, "rapport", "--team", "Havo/vwo onderbouw (voorbeeld)", "--out", str(rapport),
                 "--lang", "en"]) == 0
    text = _pdf_text(rapport)
    assert "Recurring themes" in text and "Terugkerende thema's" not in text
    import os

    assert "TEAMLEERGESPREK_LANG" not in os.environ  # the next command (or test) is Dutch again


def test_voorbereiden_serves_the_preparation_page_with_absolute_folders(monkeypatch, tmp_path):
    served = {}
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("kit.cli.session.serve_on_this_laptop",
                        lambda notebook, port, url, env, title: served.update(notebook=notebook, port=port, env=env) or 0)
    assert main(["--db", "sqlite:///data/x.sqlite", "voorbereiden", "--templates", "eigen"]) == 0
    assert served["notebook"] == "voorbereiden.ipynb" and served["port"] == 8869
    assert served["env"] == {"TEAMLEERGESPREK_TEMPLATES": str(tmp_path / "eigen"),
                             "TEAMLEERGESPREK_OUT": str(tmp_path / "data")}


@pytest.mark.parametrize("lang, history, session", [
    ("nl", "Voorbeeldgeschiedenis geladen: 3 teams", "voorbeelddatabase: demosessie"),
    ("en", "Example history loaded: 3 teams", "example database: demo session"),
])
def test_serve_on_an_empty_database_says_what_it_made_up_in_its_language(db, capsys, lang, history, session):
    from kit.cli import _session_to_serve
    from kit.i18n import command_language

    with Store(db) as store, command_language(lang):
        record = _session_to_serve(store, None, lang)
    out = capsys.readouterr().out
    assert history in out and f"{session} {record.code}" in out
    assert record.template["language"] == lang


def test_a_demo_database_whose_session_was_ended_gets_a_new_one_a_schools_database_does_not(db, capsys):
    from kit.cli import DEMO_TEAM, _session_to_serve

    with Store(db) as store:
        first = _session_to_serve(store, None)
        LiveSession.open(store, first.code).close()
        second = _session_to_serve(store, None)  # `make run` again after the demo session was ended
        assert second.code != first.code and second.is_open and second.team == DEMO_TEAM
        assert "Voorbeeldgeschiedenis" not in capsys.readouterr().out.split(first.code)[-1]  # history loaded once
    assert main(["--db", db, "new", "--team", "Onderbouw havo"]) == 0
    with Store(db) as store:
        for record in store.sessions.list_sessions():
            if record.is_open:
                LiveSession.open(store, record.code).close()
    assert main(["--db", db, "serve"]) == 2  # a school's own sessions: it says to make one, invents nothing
    assert "Er is geen open sessie" in capsys.readouterr().err


def test_a_closed_session_gets_no_phones_server(db, capsys):
    assert main(["--db", db, "new", "--team", "Onderbouw havo"]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    with Store(db) as store:
        LiveSession.open(store, code).close()
    assert main(["--db", db, "serve", "--participants-only", "--session", code]) == 2
    assert "afgesloten: telefoons kunnen niet meer meedoen" in capsys.readouterr().err


def test_trends_serves_its_page_from_a_preheated_kernel(monkeypatch, db):
    """Issue 16: the first chart took 5-6 s after the request with a kernel started for it; one kernel is kept ready
    with the page drawn, and the next is heated only a while after one was taken."""
    served = {}
    monkeypatch.setattr("kit.cli.history.serve_on_this_laptop",
                        lambda notebook, port, url, env, title, voila_args=(): served.update(
                            notebook=notebook, args=voila_args) or 0)
    assert main(["--db", db, "demo"]) == 0 and main(["--db", db, "trends"]) == 0
    assert served["notebook"] == "zorgteam-trends.ipynb"
    assert {"--preheat_kernel=True", "--pool_size=1", "--KitVoila.refill_size=1"} <= set(served["args"])
    assert any(a.startswith("--VoilaKernelManager.fill_delay=") and float(a.split("=")[1]) > 0 for a in served["args"])
