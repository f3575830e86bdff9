"""Phones in the werkvormen: post-its, stickers, the group worksheet, driven through their widgets."""

import pytest

from factories import go_to_activity, werkvormen_template
from kit.apps.participant import ParticipantApp
from kit.model.live import LiveSession
from kit.widgets.participant import PromptView, WaitingView
from kit.widgets.board import PointEntry
from kit.widgets.worksheet import GroupPhone


@pytest.fixture
def live(store):
    template = werkvormen_template()
    record = store.sessions.create_session(template.to_dict(), "Team", "2026-11-28", "welkom")
    return LiveSession.open(store, record.code)


def phone(store, live):
    return ParticipantApp(store, live.code, poll_seconds=None)


def test_post_its_during_a_prompt(store, live):
    me = phone(store, live)
    live.go_to(next(s.index for s in live.template.steps if s.prompt is not None))
    me.refresh()
    entry = me.view
    assert isinstance(entry, PointEntry)
    assert any(isinstance(c, PromptView) for c in entry.children)
    entry.text.value = "Meer scholing <b>nu</b>"
    entry.send.click()
    assert "op het bord" in entry.status.value and entry.text.value == ""
    assert "Meer scholing &lt;b&gt;nu&lt;/b&gt;" in entry.own.value
    entry.text.value = "x" * 201
    assert entry.send.disabled


def test_sticker_ballot_enforces_the_budget_and_follows_the_board(store, live):
    authors = [phone(store, live) for _ in range(2)]
    go_to_activity(live, "punten")
    for app, text in zip(authors, ["Scholing", "Sparringpartner"]):
        app.refresh()
        app.view.submit(text)
    voter = phone(store, live)
    go_to_activity(live, "stickers")
    voter.refresh()
    ballot = voter.view.ballot
    ids = list(ballot.add_buttons)
    assert "nog 3 sticker" in ballot.left.value
    ballot.add_buttons[ids[0]].click()
    ballot.add_buttons[ids[0]].click()
    assert ballot.add_buttons[ids[0]].disabled and not ballot.add_buttons[ids[1]].disabled  # 2 is the most per point
    ballot.add_buttons[ids[0]].click()  # a tap that reaches the kernel anyway is refused there, said under the point
    assert "hoogstens 2" in ballot.row_status[ids[0]].value
    ballot = voter.view.ballot
    ballot.add_buttons[ids[1]].click()
    assert "nog 0 sticker" in ballot.left.value
    assert all(button.disabled for button in ballot.add_buttons.values())
    ballot.add_buttons[ids[1]].click()
    assert "stickers zijn op" in ballot.row_status[ids[1]].value
    ballot.remove_buttons[ids[0]].click()
    assert "nog 1 sticker" in ballot.left.value
    assert store.board.sticker_counts(live.code) == {ids[0]: 1, ids[1]: 1}
    # The facilitator hides a point: the ballot drops it on the next poll, without a reload.
    from kit.model.board import PointsBoard

    PointsBoard.for_session(live).hide(ids[1])
    voter.refresh()
    assert list(voter.view.ballot.add_buttons) == [ids[0]]


def test_actions_step_is_a_waiting_screen(store, live):
    me = phone(store, live)
    go_to_activity(live, "acties")
    me.refresh()
    assert isinstance(me.view, WaitingView)


def test_group_phone_registers_picks_a_case_and_fills_the_worksheet(store, live):
    me = phone(store, live)
    go_to_activity(live, "werkblad")
    me.refresh()
    group = me.view
    assert isinstance(group, GroupPhone)
    group.label.value = ""
    group.body.children[-1].click()
    assert "leeg" in group.status.value
    group.register("Groep <3>")
    group.case_buttons["eigen"].click()
    group.inputs[0].value = "Ze was stil"
    group.save_button.click()
    assert "Opgeslagen" in group.status.value
    group.next_button.click()
    group.inputs[0].value = "Met de aandachtsfunctionaris"
    group.save_button.click()
    [registered] = store.worksheets.groups(live.code)
    assert (registered.label, registered.case_key) == ("Groep <3>", "eigen")
    assert {(a.step_key, a.value) for a in store.worksheets.worksheet_answers(live.code)} == {
        ("stap1", "Ze was stil"), ("stap2", "Met de aandachtsfunctionaris")}
    # The route map step: the phone waits; coming back keeps the same group and its answers.
    go_to_activity(live, "routekaart")
    me.refresh()
    assert isinstance(me.view, WaitingView)
    go_to_activity(live, "werkblad")
    me.refresh()
    assert me.view is group
