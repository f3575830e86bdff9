"""The page as the kit's Voilà writes it: language and title in words (issue 14), whatever Voilà's template says."""

import pytest

from kit.serving.voila_extension import a11y_script, page_html, page_title

HEAD = '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8" />\n<title>deelnemer</title></head>'


@pytest.mark.parametrize("lang, notebook, title", [
    ("nl", "deelnemer.ipynb", "Teamleergesprek · deelnemen"),
    ("nl", "begeleider.ipynb", "Teamleergesprek · begeleiden"),
    ("nl", "/srv/notebooks/scherm.ipynb", "Teamleergesprek · scherm"),
    ("nl", "voorbereiden.ipynb", "Teamleergesprek · voorbereiden"),
    ("nl", "zorgteam-trends.ipynb", "Teamleergesprek · trends"),
    ("en", "deelnemer.ipynb", "Team learning conversation · join"),
    ("en", "begeleider.ipynb", "Team learning conversation · facilitate"),
    ("nl", None, "Teamleergesprek"),
])
def test_every_page_has_its_language_and_a_title_in_words(lang, notebook, title):
    page = page_html(HEAD, lang, notebook)
    assert f'<html lang="{lang}">' in page and f"<title>{title}</title>" in page
    assert page_title(lang, notebook) == title


def test_the_page_script_covers_what_ipywidgets_cannot_say():
    script = a11y_script()
    for hook in ("data-tlg-lang", "aria-pressed", "role', 'status", "tlg-named", "aria-labelledby", "img.tlg-chart"):
        assert hook in script
