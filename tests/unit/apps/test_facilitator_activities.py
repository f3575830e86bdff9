"""The werkvormen on the facilitator's screen: tidying post-its, the sticker board, the action plan, the route map."""

import pytest

from factories import a_group_writing, go_to_activity, werkvormen_template
from kit.apps.facilitator import FacilitatorApp, RoomScreen
from kit.model.live import LiveSession
from kit.model.board import PointsBoard
from kit.model.worksheet import Worksheet


@pytest.fixture
def live(store):
    template = werkvormen_template()
    record = store.sessions.create_session(template.to_dict(), "Team Oost", "2026-11-28", "welkom")
    return LiveSession.open(store, record.code)


@pytest.fixture
def screen(store, live):
    return FacilitatorApp(store, live.code, poll_seconds=None)


def post(live, *texts):
    board = PointsBoard.for_session(live)
    go_to_activity(live, "punten")
    return board, [board.post(f"p{i}", text) for i, text in enumerate(texts)]


def test_post_its_reach_the_room_only_after_toon_resultaten_and_can_be_tidied(screen, live):
    board, (a, b, c) = post(live, "Meer scholing", "scholing!!", "<i>Nazorg</i>")
    screen.refresh()
    assert "3 post-its" in screen.activities.panel.value
    assert "tlg-answer-card" not in screen.activities.panel.value
    assert not screen.results_button.disabled
    screen.results_button.click()
    assert screen.activities.panel.value.count("tlg-answer-card") == 3
    assert "&lt;i&gt;Nazorg&lt;/i&gt;" in screen.activities.panel.value
    moderation = screen.activity_controls.moderation
    moderation.merge_pickers[b].value = a
    moderation.editors[a].value = "Meer scholing over de meldcode"
    moderation.rows.children[0].children[1].click()  # Bewaar
    moderation.hide_buttons[c].click()
    assert screen.activities.panel.value.count("tlg-answer-card") == 1
    assert "Meer scholing over de meldcode" in screen.activities.panel.value
    moderation.unmerge_buttons[b].click()  # the merge undone: the post-it is back on the board
    assert screen.activities.panel.value.count("tlg-answer-card") == 2 and "scholing!!" in screen.activities.panel.value


def test_sticker_board_ranks_the_stored_stickers(screen, live):
    board, (a, b) = post(live, "Scholing", "Sparringpartner")
    go_to_activity(live, "stickers")
    for voter, point in [("v1", b), ("v2", b), ("v3", a)]:
        board.add_sticker(voter, point)
    screen.refresh()
    assert "3 stickers geplakt" in screen.activities.panel.value
    assert "tlg-board-row" not in screen.activities.panel.value
    screen.results_button.click()
    panel = screen.activities.panel.value
    assert panel.index("1. Sparringpartner") < panel.index("2. Scholing")


def test_action_plan_is_written_on_the_facilitators_screen_and_shown_to_the_room(screen, live, store):
    board, (a,) = post(live, "Scholing")
    go_to_activity(live, "acties")
    screen.refresh()
    editor = screen.activity_controls.action_editor
    assert editor.layout.display is None
    editor.point.value = a
    assert editor.text.value == "Scholing"
    editor.owner.value = "aandachtsfunctionaris"
    editor.planning.value = "voor de kerstvakantie"
    editor.level.value = "het team en de organisatie"
    editor.save.click()
    assert "bewaard" in editor.message.value
    editor.text.value = "Zonder eigenaar"
    editor.save.click()
    assert "leeg" in editor.message.value
    [action] = store.board.actions(live.code)
    assert (action.text, action.level, action.point_id) == ("Scholing", "het team en de organisatie", a)
    assert "aandachtsfunctionaris" in screen.activities.panel.value
    editor.existing.children[0].children[1].value = "bezig"
    assert store.board.actions(live.code)[0].status == "bezig"


def test_route_map_editor_and_worksheet_overview(screen, live, store):
    sheet, group = a_group_writing(live)
    screen.refresh()
    assert "1 groepje<" in screen.activities.panel.value  # a plural entry: not "1 groepjes"
    screen.results_button.click()
    assert "Ze rook naar alcohol" not in screen.activities.panel.value  # not before the facilitator lets it through
    approval = screen.activity_controls.approval
    assert approval.pending == 1 and "1" in screen.private_button.description
    approval.buttons[(group, "stap1", 0)].click()
    assert "Ze rook naar alcohol" in screen.activities.panel.value and "Casus 1" in screen.activities.panel.value
    sheet.answer(group, "stap1", 0, "Ze rook naar alcohol en wankelde")  # a changed text needs letting through again
    screen.refresh()
    assert "wankelde" not in screen.activities.panel.value and approval.pending == 1
    approval.step_buttons["stap1"].click()
    assert "wankelde" in screen.activities.panel.value
    editor = screen.activity_controls.route_editor
    editor.step.value, editor.category.value, editor.text.value = "stap1", "aandacht", "Wie belt Veilig Thuis?"
    editor.add_button.click()
    go_to_activity(live, "routekaart")
    screen.refresh()
    assert "Wie belt Veilig Thuis?" in screen.activities.panel.value
    assert "Punten die aandacht nodig hebben" in screen.activities.panel.value
    [item] = store.worksheets.route_items(live.code)
    editor.remove_buttons[item.item_id].click()
    assert "Wie belt Veilig Thuis?" not in screen.activities.panel.value


def test_leaving_the_worksheet_while_groups_write_asks_first(screen, live):
    sheet = Worksheet.for_session(live)
    go_to_activity(live, "werkblad")
    screen.refresh()
    at = live.step().index
    screen.next_button.click()  # nobody registered: nothing to ask
    assert live.step().index == at + 1
    live.go_to(at)
    screen.refresh()
    sheet.register("Groep 1")
    screen.next_button.click()
    assert live.step().index == at and screen.confirm.layout.display is None
    assert "1 groepje schrijft nog" in screen.confirm.message.value
    screen.confirm.no_button.click()
    assert live.step().index == at and screen.confirm.layout.display == "none"
    screen.next_button.click()
    screen.confirm.yes_button.click()
    assert live.step().index == at + 1


def test_welkom_of_the_next_session_shows_the_previous_actions(store, live):
    board, (a,) = post(live, "Scholing")
    board.save_action(text="Training signaleren", level="de professional", owner="zorgcoördinator",
                      planning="maart", status="bezig", point_id=a)
    template = werkvormen_template()
    later = store.sessions.create_session(template.to_dict(), "Team Oost", "2027-03-01", "welkom")
    other = store.sessions.create_session(template.to_dict(), "Team West", "2027-03-01", "welkom")
    room = RoomScreen(store, later.code, poll_seconds=None)
    assert "Acties van de vorige sessie (2026-11-28)" in room.activities.panel.value
    assert "Training signaleren" in room.activities.panel.value and "bezig" in room.activities.panel.value
    assert RoomScreen(store, other.code, poll_seconds=None).activities.panel.value == ""
