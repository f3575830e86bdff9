"""Questions that were polls with options the handbook never gave (issue 11.2): Werkvorm 4's emergency roles and
the check-out's "Hoe zit je er op dit moment bij?". The shipped template now asks them as open questions under new
keys; a database with sessions that asked the old polls keeps them readable as their own, labelled series."""

import pytest

from kit.analysis import trends
from kit.authoring import load_template
from kit.i18n import command_language
from kit.model.sessions import new_session
from kit.model.template import Template
from kit.store import Store

TEAM = "Mentoren onderbouw"
OLD_EMERGENCY = {"key": "rol_noodsituatie", "type": "ordered",
                 "text": "Is in een noodsituatie de rol van elke betrokkene helder?", "options": ["ja", "deels", "nee"]}
OLD_CHECKOUT = {"key": "checkout_gevoel", "type": "scale", "text": "Hoe zit je er op dit moment bij?", "min": 1,
                "max": 5, "min_label": "het zit me zwaar", "max_label": "ik zit er goed bij"}


def old_template() -> Template:
    """The shipped template as it was before the change: the two questions as polls."""
    data = load_template("teamleergesprek").to_dict()
    for block in data["blocks"]:
        block["questions"] = [OLD_EMERGENCY if q["key"] == "rol_noodsituatie_gesprek" else
                              OLD_CHECKOUT if q["key"] == "checkout_bij" else q for q in block["questions"]]
    return Template.from_dict(data)


@pytest.fixture
def history():
    with Store("sqlite://") as store:
        for day, emergency, checkout in (("2025-03-01", ["ja"] * 2 + ["deels"] * 3 + ["nee"] * 2, ["3"] * 6),
                                         ("2025-10-01", ["ja"] * 4 + ["deels"] * 2, ["4"] * 5 + ["5"])):
            code = new_session(store, old_template(), TEAM, day).code
            for i, value in enumerate(emergency):
                store.sessions.save_answer(code, f"p{i}", "rol_noodsituatie", value)
            for i, value in enumerate(checkout):
                store.sessions.save_answer(code, f"p{i}", "checkout_gevoel", value)
        code = new_session(store, load_template("teamleergesprek"), TEAM, "2026-03-01").code
        store.sessions.save_answer(code, "p1", "checkout_bij", "Moe maar tevreden")
        yield store


def test_the_shipped_templates_ask_them_as_open_questions_without_invented_options():
    for name in ("teamleergesprek", "teamleergesprek.en"):
        template = load_template(name)
        assert template.question("rol_noodsituatie") is None and template.question("checkout_gevoel") is None
        assert template.question("rol_noodsituatie_gesprek").type == "open"
        assert template.question("checkout_bij").type == "open"
        assert template.block("werkvorm4").questions[-1].key == "rol_noodsituatie_gesprek"  # the handbook's order


def test_old_keys_stay_a_series_of_their_own_with_a_note_that_the_question_changed(history):
    data = trends.load_team(history, TEAM)
    assert {"rol_noodsituatie", "checkout_gevoel"} <= set(trends.series_keys(data))
    [emergency] = trends.series(data, "rol_noodsituatie")
    assert list(emergency.sessions["n"]) == [7, 6]
    assert emergency.counts.loc[emergency.sessions.index[0]].to_dict() == {"ja": 2, "deels": 3, "nee": 2}
    [checkout] = trends.series(data, "checkout_gevoel")
    assert list(checkout.sessions["n"]) == [6, 6]
    note = trends.changed_note(data, "rol_noodsituatie")
    assert "veranderd" in note and "open vraag" in note and "Werkvorm 4" in note
    assert "Afsluiting" in trends.changed_note(data, "checkout_gevoel")
    assert trends.changed_note(data, "vaardigheid") == ""
    assert trends.series(data, "checkout_bij") == []  # an open question: words, not a series


def test_the_note_follows_the_display_language(history):
    with command_language("en"):
        data = trends.load_team(history, TEAM)
        note = trends.changed_note(data, "checkout_gevoel")
    assert "has changed" in note and "open question" in note


def test_a_question_the_current_template_dropped_says_so():
    dropped = {"key": "oude_vraag", "type": "ordered", "text": "Een vraag die niet meer gesteld wordt?",
               "options": ["ja", "nee"]}
    data = old_template().to_dict()
    data["blocks"][0]["questions"] = [dropped]
    with Store("sqlite://") as store:
        new_session(store, Template.from_dict(data), TEAM, "2025-01-01")
        assert "niet meer in het huidige sjabloon" in trends.changed_note(trends.load_team(store, TEAM), "oude_vraag")
