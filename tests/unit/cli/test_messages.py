"""What a person at the terminal notices: every command speaks the catalog's language (Dutch, English, or a
trainer's own), its --help too; a command that only reads or removes makes no empty database; a "not found" names the
database it looked in; an xlsx export without --out lands in a named file."""

import ast
import shutil
from pathlib import Path

import pytest

from kit import i18n
from kit.cli import main
from kit.store import Store

CLI = Path(__file__).resolve().parents[3] / "kit" / "cli"
READ_ONLY = [
    ["export", "--session", "ABCDEF"],
    ["verslag", "--session", "ABCDEF"],
    ["rapport", "--team", "T", "--out", "r.pdf"],
    ["trends"],
    ["delete", "--session", "ABCDEF"],
    ["purge", "--older-than", "30"],
    ["backup", "--out", "kopie.sqlite"],
]


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """A folder that is not the kit's, with no database setting."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TEAMLEERGESPREK_DB", raising=False)
    monkeypatch.delenv("TEAMLEERGESPREK_LANG", raising=False)
    return tmp_path


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'kit.sqlite'}"
    Store(url).close()
    return url


@pytest.mark.parametrize("args", READ_ONLY, ids=[a[0] for a in READ_ONLY])
def test_a_read_only_command_outside_the_kit_folder_makes_no_database_and_says_where_it_looked(
        elsewhere, capsys, args):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"Er is geen database in {elsewhere / 'data' / 'teamleergesprek.sqlite'}" in err and "--db" in err
    assert list(elsewhere.iterdir()) == []  # no data/ folder, no empty teamleergesprek.sqlite, no r.pdf


def test_the_refusal_speaks_english_with_lang_en(elsewhere, capsys):
    assert main(["purge", "--older-than", "30", "--lang", "en"]) == 2
    assert f"Error: There is no database in {elsewhere / 'data' / 'teamleergesprek.sqlite'}" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["export", "--session", "zzzzzz"], "Er is geen sessie met code 'zzzzzz' in {path}."),
    (["verslag", "--session", "ZZZZZZ"], "Er is geen sessie met code 'ZZZZZZ' in {path}."),
    (["delete", "--session", "ZZZZZZ"], "Er is geen sessie met code 'ZZZZZZ' in {path}. Er is niets verwijderd."),
    (["serve", "--session", "ZZZZZZ"], "Er is geen sessie met code 'ZZZZZZ' in {path}."),
    (["rapport", "--team", "Niemand", "--out", "r.pdf"], "Er is geen team 'Niemand' in {path}. Teams: (nog geen)"),
    (["trends", "--team", "Niemand"], "Er is geen team 'Niemand' in {path}."),
])
def test_every_not_found_names_the_database(db, tmp_path, capsys, args, message):
    assert main(["--db", db, *args]) == 2
    assert message.format(path=tmp_path / "kit.sqlite") in capsys.readouterr().err


def test_xlsx_without_out_says_where_it_wrote(db, tmp_path, monkeypatch, capsys):
    assert main(["--db", db, "new", "--team", "Zuid"]) == 0
    code = capsys.readouterr().out.split()[-1]
    monkeypatch.chdir(tmp_path)
    assert main(["--db", db, "export", "--session", code, "--format", "xlsx", "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"Exported to {tmp_path / f'antwoorden-{code}.xlsx'}\n"
    assert (tmp_path / f"antwoorden-{code}.xlsx").is_file()


def test_the_admin_commands_speak_english_with_lang_en(db, tmp_path, capsys):
    assert main(["--db", db, "purge", "--older-than", "30", "--lang", "en"]) == 0
    assert capsys.readouterr().out == "No sessions more than 30 days ago; nothing was deleted.\n"
    assert main(["--db", db, "demo", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Example history loaded (seed ") and "12 closed sessions" in out and " to " in out
    assert main(["--db", db, "demo", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "The example history is already in this database (team '" in err and "12 sessions). Nothing was added" in err
    assert main(["--db", db, "backup", "--out", str(tmp_path / "kopie.sqlite"), "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith(f"Backup made: {tmp_path / 'kopie.sqlite'}. Keep it as safe")
    assert main(["--db", db, "purge", "--older-than", "0", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Deleted: session ") and "12 sessions more than 0 days ago deleted, with all their" in out
    assert main(["--db", db, "delete", "--session", "ZZZZZZ", "--lang", "en"]) == 2
    assert "Error: There is no session with code 'ZZZZZZ' in" in capsys.readouterr().err


def test_template_copy_and_check_speak_english_with_lang_en(tmp_path, capsys):
    folder = tmp_path / "eigen"
    assert main(["template", "copy", "--lang", "en", "teamleergesprek", "onze_school", "--templates", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Template 'onze_school' is in {folder / 'onze_school.yaml'}.") and "Adapt it" in out


def test_one_session_or_several_is_said_in_the_right_number(db, capsys):
    assert main(["--db", db, "purge", "--older-than", "0"]) == 0
    assert capsys.readouterr().out.startswith("Geen sessies van meer dan 0 dagen geleden")
    assert main(["--db", db, "new", "--team", "Zuid", "--date", "2020-01-01"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "purge", "--older-than", "30"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == ("1 sessie van meer dan 30 dagen geleden verwijderd, "
                                                        "met alle antwoorden.")


def test_help_is_dutch_by_default_and_english_with_lang_en_with_defaults_shown(capsys):
    with pytest.raises(SystemExit) as done:
        main(["trends", "--help"])
    assert done.value.code == 0
    dutch = capsys.readouterr().out
    assert dutch.startswith("gebruik: teamleergesprek trends") and "opties:" in dutch
    assert "start de trendpagina voor het zorgteam" in dutch and "(standaard: 8868)" in dutch
    with pytest.raises(SystemExit):
        main(["trends", "--help", "--lang", "en"])
    english = capsys.readouterr().out
    assert english.startswith("usage: teamleergesprek trends") and "options:" in english
    assert "start the trends page for the care team" in english and "(default: 8868)" in english


def test_argparse_mistakes_are_said_in_the_command_language(capsys):
    with pytest.raises(SystemExit) as done:
        main(["export"])
    assert done.value.code == 2
    assert "teamleergesprek export: fout: deze argumenten ontbreken: --session" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--lang", "en"])
    assert "teamleergesprek export: error: the following arguments are required: --session" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["purge", "--older-than", "veel"])
    assert "'veel' is geen geldig aantal dagen" in capsys.readouterr().err


def test_lang_is_on_every_command(capsys):
    from kit.cli import COMMANDS

    for words in COMMANDS:
        with pytest.raises(SystemExit):
            main([*words.split(), "--help"])
        assert "--lang {nl,en}" in capsys.readouterr().out, words


def test_a_german_catalog_in_a_folder_of_ones_own_is_lang_de(db, tmp_path, monkeypatch, capsys):
    german = tmp_path / "vertalingen" / "de" / "LC_MESSAGES" / "kit.po"
    german.parent.mkdir(parents=True)
    dutch = (i18n.LOCALE / "nl" / "LC_MESSAGES" / "kit.po").read_text(encoding="utf-8")
    changed = dutch.replace('msgstr "Geen sessies van meer dan {days} dagen geleden; er is niets verwijderd."',
                            'msgstr "Keine Sitzungen älter als {days} Tage; nichts wurde gelöscht."')
    assert changed != dutch
    german.write_text(changed, encoding="utf-8")
    monkeypatch.setenv("TEAMLEERGESPREK_LOCALE_DIRS", str(tmp_path / "vertalingen"))
    assert main(["--db", db, "purge", "--older-than", "30", "--lang", "de"]) == 0
    assert capsys.readouterr().out == "Keine Sitzungen älter als 30 Tage; nichts wurde gelöscht.\n"
    with pytest.raises(SystemExit):
        main(["purge", "--help"])
    assert "--lang {nl,de,en}" in capsys.readouterr().out


def test_every_message_of_every_command_comes_from_the_catalog():
    """No text of its own in kit/cli: what print() or UserError() get is t(…), a value, or punctuation."""
    offenders = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("print", "UserError", "ArgumentTypeError")):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id == "t":
                    inner.args = inner.args[:0]  # the key is not a text
                    inner.keywords = []
            for inner in ast.walk(node):
                if isinstance(inner, ast.Constant) and isinstance(inner.value, str) and any(
                        c.isalpha() for c in inner.value) and "://" not in inner.value:  # an address is no text
                    offenders.append(f"{path.name}:{node.lineno}: {inner.value!r}")
    assert offenders == []


def test_the_stores_refusals_speak_the_command_language_too(db, tmp_path, capsys):
    (tmp_path / "kopie.sqlite").write_bytes(b"")
    assert main(["--db", db, "backup", "--out", str(tmp_path / "kopie.sqlite"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (f"Error: The file '{tmp_path / 'kopie.sqlite'}' already exists and is not "
                                       "overwritten. Choose a new file name.\n")
    assert main(["--db", "mysql://x", "new", "--team", "T", "--lang", "en"]) == 2
    assert "Unknown kind of database address 'mysql://x'" in capsys.readouterr().err


def test_import_says_what_to_correct_in_the_command_language(db, tmp_path, capsys):
    counts = tmp_path / "eerder.csv"
    counts.write_text("team,datum,vraag,antwoord,aantal\nNoord,2025-03-12,vaardigheid,vaardig,veel\n", encoding="utf-8")
    assert main(["--db", db, "import", str(counts), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert f"Error: The file '{counts}' was not imported; nothing was saved." in err
    assert "line 2: count 'veel' is not a whole number" in err
    assert main(["--db", db, "import", str(counts)]) == 2
    assert "regel 2: aantal 'veel' is geen heel getal" in capsys.readouterr().err
