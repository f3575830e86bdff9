import re

import pytest

from kit import i18n


def test_english_catalog_has_every_dutch_string_and_no_more():
    assert set(i18n.EN) == set(i18n.NL)


@pytest.mark.parametrize("key", sorted(i18n.NL))
def test_placeholders_match_between_catalogs(key):
    fields = lambda text: sorted(re.findall(r"{(\w+)}", text))  # noqa: E731
    assert fields(i18n.NL[key]) == fields(i18n.EN[key])


def test_language_follows_the_environment(monkeypatch):
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "en")
    assert i18n.t("participant.send") == "Send"
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "xx")
    assert i18n.t("participant.send") == "Verstuur"
