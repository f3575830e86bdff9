"""The trainers' guide names every field a template can have: a new field without documentation fails here."""

from pathlib import Path

import pytest

from kit.authoring import loader

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "trainers.md"

# Every field the schema knows, so a field added to kit/authoring/schema.json must be explained too.
FIELDS = sorted(loader.schema_fields())


def test_the_schema_knows_the_fields_of_the_standard_template():
    assert {"schema_version", "blocks", "questions", "options", "min", "meldcode", "stickers", "mapping"} <= set(FIELDS)


@pytest.mark.parametrize("field", FIELDS)
def test_every_template_field_is_in_the_trainers_guide(field):
    assert f"`{field}`" in GUIDE.read_text(encoding="utf-8"), f"docs/trainers.md says nothing about '{field}'"


@pytest.mark.parametrize("question_type", loader.schema_question_types())
def test_every_question_type_is_explained(question_type):
    assert f"`{question_type}`" in GUIDE.read_text(encoding="utf-8")


def test_every_picture_in_the_guide_is_there_and_small():
    import re

    guide = Path(__file__).resolve().parents[2] / "docs" / "trainers.md"
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide.read_text(encoding="utf-8"))
    assert "img/voorbereiden.png" in pictures and "img/uitnodiging.png" in pictures
    for picture in pictures:
        path = guide.parent / picture
        assert path.is_file(), picture
        assert path.stat().st_size < 300_000, f"{picture} is {path.stat().st_size} bytes"


def test_the_guide_says_where_the_schema_is():
    assert "kit/authoring/schema.json" in GUIDE.read_text(encoding="utf-8")
