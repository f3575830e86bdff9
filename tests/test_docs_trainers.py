"""The trainers' guide names every field a template can have: a new field without documentation fails here."""

from pathlib import Path

import pytest

from kit.templates import loader

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "trainers.md"

FIELDS = sorted(set(
    loader.TOP_REQUIRED + loader.TOP_OPTIONAL + loader.BLOCK_REQUIRED + loader.BLOCK_OPTIONAL
    + loader.ALL_QUESTION_FIELDS + loader.MELDCODE_FIELDS + loader.CASE_FIELDS + loader.WORKSHEET_FIELDS
    + loader.POINTS_FIELDS
))


@pytest.mark.parametrize("field", FIELDS)
def test_every_template_field_is_in_the_trainers_guide(field):
    assert f"`{field}`" in GUIDE.read_text(encoding="utf-8"), f"docs/trainers.md says nothing about '{field}'"


@pytest.mark.parametrize("question_type", loader.QUESTION_TYPES)
def test_every_question_type_is_explained(question_type):
    assert f"`{question_type}`" in GUIDE.read_text(encoding="utf-8")


def test_every_picture_in_the_guide_is_there_and_small():
    import re

    guide = Path(__file__).resolve().parents[1] / "docs" / "trainers.md"
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide.read_text(encoding="utf-8"))
    assert "img/voorbereiden.png" in pictures and "img/uitnodiging.png" in pictures
    for picture in pictures:
        path = guide.parent / picture
        assert path.is_file(), picture
        assert path.stat().st_size < 300_000, f"{picture} is {path.stat().st_size} bytes"
