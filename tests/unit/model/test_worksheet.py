import pytest

from factories import go_to_activity, werkvormen_template
from kit.model.live import LiveSession
from kit.model.text import AnswerRejected
from kit.model.worksheet import Worksheet


@pytest.fixture
def sheet(store):
    template = werkvormen_template()
    record = store.sessions.create_session(template.to_dict(), "Team", "2026-11-28", "welkom")
    return Worksheet.for_session(LiveSession.open(store, record.code))


def test_groups_register_pick_a_case_and_answer_per_step(sheet):
    with pytest.raises(AnswerRejected, match="gesloten"):
        sheet.register("Groep 1")
    go_to_activity(sheet.session, "werkblad")
    g1, g2 = sheet.register("Groep 1"), sheet.register("De uilen")
    sheet.choose_case(g1, "casus1")
    sheet.choose_case(g2, "eigen")
    sheet.answer(g1, "stap1", 0, "Op de geur van alcohol")
    sheet.answer(g1, "stap1", 0, "Op haar gedrag")  # a change replaces
    sheet.answer(g2, "stap2", 0, "Met de aandachtsfunctionaris")
    assert [(g.label, g.case_key) for g in sheet.groups()] == [("Groep 1", "casus1"), ("De uilen", "eigen")]
    assert sheet.answers_of(g1) == {("stap1", 0): "Op haar gedrag"}
    assert sheet.answers_of(g2) == {("stap2", 0): "Met de aandachtsfunctionaris"}


@pytest.mark.parametrize("step,index,text,message", [
    ("stap9", 0, "x", "niet op het werkblad"),
    ("stap1", 2, "x", "niet op het werkblad"),
    ("stap1", "0", "x", "niet op het werkblad"),
    (None, 0, "x", "niet op het werkblad"),
    ("stap1", 0, "", "leeg"),
    ("stap1", 0, "x" * 501, "501 tekens"),
])
def test_worksheet_answers_are_validated(sheet, step, index, text, message):
    go_to_activity(sheet.session, "werkblad")
    group = sheet.register("Groep 1")
    with pytest.raises(AnswerRejected, match=message):
        sheet.answer(group, step, index, text)
    assert sheet.answers() == []


def test_unknown_case_and_closed_worksheet(sheet):
    go_to_activity(sheet.session, "werkblad")
    group = sheet.register("Groep 1")
    with pytest.raises(AnswerRejected, match="casussen"):
        sheet.choose_case(group, "casus9")
    go_to_activity(sheet.session, "routekaart")
    with pytest.raises(AnswerRejected, match="gesloten"):
        sheet.answer(group, "stap1", 0, "te laat")


def test_a_closed_session_takes_no_more_worksheet_answers(sheet):
    go_to_activity(sheet.session, "werkblad")
    group = sheet.register("Groep 1")
    sheet.session.close()
    with pytest.raises(AnswerRejected, match="gesloten"):
        sheet.answer(group, "stap1", 0, "te laat")
    with pytest.raises(AnswerRejected, match="gesloten"):
        sheet.register("Groep 2")
    assert sheet.answers() == []


def test_route_map_has_every_step_and_category(sheet):
    sheet.add_route_item("stap1", "positief", "Mentoren kennen de signalen")
    item = sheet.add_route_item("stap2", "sleutelfiguren", "Aandachtsfunctionaris")
    with pytest.raises(AnswerRejected):
        sheet.add_route_item("stap1", "onzin", "x")
    route = sheet.route_map()
    assert list(route) == ["stap1", "stap2"]
    assert [i.text for i in route["stap1"]["positief"]] == ["Mentoren kennen de signalen"]
    assert route["stap1"]["aandacht"] == []
    sheet.remove_route_item(item)
    assert sheet.route_map()["stap2"]["sleutelfiguren"] == []


def test_the_room_sees_only_answers_let_through_and_a_changed_text_is_asked_again(sheet):
    go_to_activity(sheet.session, "werkblad")
    g1, g2 = sheet.register("Groep 1"), sheet.register("Groep 2")
    sheet.answer(g1, "stap1", 0, "Op de geur van alcohol")
    sheet.answer(g2, "stap1", 0, "Een naam die niet op het scherm hoort")
    assert sheet.room_answers() == []
    sheet.set_shown(True, g1, "stap1", 0)
    assert [a.value for a in sheet.room_answers()] == ["Op de geur van alcohol"]
    sheet.answer(g1, "stap1", 0, "Op de geur van alcohol")  # saved again unchanged: still let through
    assert len(sheet.room_answers()) == 1
    sheet.answer(g1, "stap1", 0, "Op haar gedrag")  # a new text: not on the screen until let through again
    assert sheet.room_answers() == []
    sheet.set_shown(True, step_key="stap1")  # all of a step at once
    assert len(sheet.room_answers()) == 2
    sheet.set_shown(False, g2, "stap1", 0)
    assert [a.value for a in sheet.room_answers()] == ["Op haar gedrag"]
    with pytest.raises(AnswerRejected):
        sheet.set_shown(True, step_key="stap9")


def test_groups_still_writing_are_those_without_every_step(sheet):
    go_to_activity(sheet.session, "werkblad")
    assert sheet.groups_writing() == []
    g1 = sheet.register("Groep 1")
    assert [g.label for g in sheet.groups_writing()] == ["Groep 1"]
    for step in sheet.meldcode.steps:
        sheet.answer(g1, step.key, 0, "klaar")
    assert sheet.groups_writing() == []


def test_route_map_points_that_need_attention_wait_on_the_werkvorm_5_board_for_stickers(sheet):
    from kit.model.board import PointsBoard

    board = PointsBoard.for_session(sheet.session)
    sheet.add_route_item("stap1", "positief", "Mentoren kennen de signalen")
    attention = sheet.add_route_item("stap2", "aandacht", "Wie belt Veilig Thuis is niet duidelijk")
    sheet.add_route_item("stap2", "sleutelfiguren", "Aandachtsfunctionaris")
    typo = sheet.add_route_item("stap1", "aandacht", "Nazorg voor de docnet")
    sheet.remove_route_item(typo)  # taken off the map before anyone used it: gone from the board too

    go_to_activity(sheet.session, "punten")
    board.post("p1", "Meer scholing")
    assert [(p.text, p.from_route_map) for p in board.visible_points()] == [
        ("Wie belt Veilig Thuis is niet duidelijk", True), ("Meer scholing", False)]
    # Nobody's post-it: not shown to any phone as its own.
    assert board.own_points("p1") == [board.visible_points()[1]]
    route_point = board.visible_points()[0].point_id

    go_to_activity(sheet.session, "stickers")
    board.add_sticker("p1", route_point)
    board.add_sticker("p2", route_point)
    assert [(r.text, r.stickers, r.from_route_map) for r in board.ranking()] == [
        ("Wie belt Veilig Thuis is niet duidelijk", 2, True), ("Meer scholing", 0, False)]

    # The facilitator tidies it like any post-it: merge it into another, the stickers move along.
    other = board.visible_points()[1].point_id
    board.merge(route_point, other)
    assert [(r.text, r.stickers) for r in board.ranking()] == [("Meer scholing", 2)]
    board.unmerge(route_point)
    board.hide(route_point)
    assert [p.text for p in board.visible_points()] == ["Meer scholing"]

    # Taken off the route map after it was used: hidden, not deleted, so no vote loses its point.
    board.hide(route_point, hidden=False)
    board.add_sticker("p3", route_point)
    sheet.remove_route_item(attention)
    points = {p.point_id: p for p in sheet.store.board.points(sheet.code)}
    assert points[route_point].status == "hidden"


def test_without_a_werkvorm_5_board_the_route_map_makes_no_post_its(store):
    from factories import go_to_activity as go
    from kit.model.template import Template

    template = werkvormen_template()
    without_board = Template(template.schema_version, "w3", "nl", "Alleen werkvorm 3", template.blocks[:2])
    record = store.sessions.create_session(without_board.to_dict(), "Team", "2026-11-28", "welkom")
    sheet = Worksheet.for_session(LiveSession.open(store, record.code))
    go(sheet.session, "routekaart")
    sheet.add_route_item("stap1", "aandacht", "Nazorg")
    assert store.board.points(record.code) == []
