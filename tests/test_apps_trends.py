"""The zorgteam's trends page on the demo history, driven through its widgets."""

import pytest

from kit.apps.trends import TrendsApp
from kit.demo import load_demo


@pytest.fixture
def app(store):
    load_demo(store)
    return TrendsApp(store)


def test_every_demo_team_can_be_chosen_and_shows_its_charts(app):
    assert all(team.endswith("(voorbeeld)") for team in app.team.options) and len(app.team.options) >= 3
    for team in app.team.options:
        app.team.value = team
        assert "4 sessies" in app.summary.value
        for section in (app.skill, app.school, app.partners):
            images = [c for c in section.children if hasattr(c, "format") and c.format == "png"]
            assert images and all(bytes(i.value).startswith(b"\x89PNG") for i in images)


def test_small_sessions_are_not_broken_down(app):
    app.team.value = next(t for t in app.team.options if t.startswith("Praktijkonderwijs"))
    tables = " ".join(c.value for c in app.skill.children if isinstance(getattr(c, "value", None), str))
    assert "te weinig antwoorden" in tables


def test_before_after_is_a_plain_sentence_and_needs_two_sessions(app):
    assert "Van " in app.compare_text.value and ("verschil" in app.compare_text.value)
    app.compare_b.value = app.compare_a.value
    assert "twee verschillende sessies" in app.compare_text.value
    app.compare_key.value = "tevredenheid_school"
    app.compare_b.value = app.compare_b.options[-1][1]
    assert "tevreden" in app.compare_text.value.lower()


def test_actions_and_themes_are_listed(app):
    assert "meegenomen naar volgende sessie" in app.actions.value
    assert "<td>" in app.actions.value
    assert "Bovenaan het stickerbord" in app.points.value


def test_a_period_narrows_the_sessions(app):
    import datetime

    app.date_from.value = datetime.date(2025, 8, 1)
    assert "2 sessies" in app.summary.value
