import pytest

from factories import go_to_activity, werkvormen_template
from kit.model.live import LiveSession
from kit.model.board import PointsBoard
from kit.model.text import AnswerRejected


@pytest.fixture
def board(store):
    template = werkvormen_template()
    record = store.sessions.create_session(template.to_dict(), "Team", "2026-11-28", "welkom")
    return PointsBoard.for_session(LiveSession.open(store, record.code))


def open_prompt(board):
    board.session.go_to(next(s.index for s in board.session.template.steps if s.prompt is not None))


def test_points_can_be_posted_during_the_prompts_and_the_points_step_only(board):
    with pytest.raises(AnswerRejected, match="gesloten"):
        board.post("p1", "te vroeg")
    open_prompt(board)
    board.post("p1", "Meer scholing")
    go_to_activity(board.session, "punten")
    board.post("p2", "Vaste sparringpartner")
    go_to_activity(board.session, "stickers")
    with pytest.raises(AnswerRejected, match="gesloten"):
        board.post("p1", "te laat")
    assert [p.text for p in board.visible_points()] == ["Meer scholing", "Vaste sparringpartner"]
    assert [p.prompt_index for p in board.visible_points()] == [0, None]


def test_a_closed_session_takes_no_more_points_or_stickers(board):
    go_to_activity(board.session, "punten")
    point = board.post("p1", "Vaste sparringpartner")
    go_to_activity(board.session, "stickers")
    board.session.close()
    with pytest.raises(AnswerRejected, match="gesloten"):
        board.add_sticker("p1", point)
    go_to_activity(board.session, "punten")
    with pytest.raises(AnswerRejected, match="gesloten"):
        board.post("p1", "te laat")
    assert [p.text for p in board.visible_points()] == ["Vaste sparringpartner"] and board.stickers_left("p1") == 3


@pytest.mark.parametrize("text,message", [("", "leeg"), ("x" * 201, "201 tekens"), (None, "kan niet"), ("a\x00", "teken")])
def test_bad_points_are_refused(board, text, message):
    open_prompt(board)
    with pytest.raises(AnswerRejected, match=message):
        board.post("p1", text)
    assert board.visible_points() == []


def posted(board, *texts):
    go_to_activity(board.session, "punten")
    ids = [board.post(f"author{i}", text) for i, text in enumerate(texts)]
    go_to_activity(board.session, "stickers")
    return ids


# (sequence of (action, point index)), expected refusal of the last step or None, expected counts per point
STICKER_CASES = {
    "three on three points": ([("+", 0), ("+", 1), ("+", 2)], None, [1, 1, 1]),
    "two on one point": ([("+", 0), ("+", 0)], None, [2, 0, 0]),
    "third on one point refused": ([("+", 0), ("+", 0), ("+", 0)], "hoogstens 2", [2, 0, 0]),
    "fourth sticker refused": ([("+", 0), ("+", 1), ("+", 2), ("+", 2)], "stickers zijn op", [1, 1, 1]),
    "take back then place again": ([("+", 0), ("+", 1), ("+", 2), ("-", 0), ("+", 1)], None, [0, 2, 1]),
    "nothing to take back": ([("-", 0)], "geen sticker", [0, 0, 0]),
}


@pytest.mark.parametrize("name", list(STICKER_CASES))
def test_sticker_budget_is_enforced(board, name):
    steps, refusal, expected = STICKER_CASES[name]
    ids = posted(board, "A", "B", "C")
    for i, (action, index) in enumerate(steps):
        change = board.add_sticker if action == "+" else board.take_back_sticker
        if refusal and i == len(steps) - 1:
            with pytest.raises(AnswerRejected, match=refusal):
                change("voter", ids[index])
        else:
            change("voter", ids[index])
    mine = board.my_stickers("voter")
    assert [mine.get(point_id, 0) for point_id in ids] == expected
    assert board.stickers_left("voter") == 3 - sum(expected)


def test_stickers_only_while_voting_is_open_and_only_on_visible_points(board):
    ids = posted(board, "A", "B")
    board.hide(ids[1])
    with pytest.raises(AnswerRejected, match="bestaat niet"):
        board.add_sticker("voter", ids[1])
    with pytest.raises(AnswerRejected, match="bestaat niet"):
        board.add_sticker("voter", "<forged>")
    with pytest.raises(AnswerRejected, match="bestaat niet"):
        board.add_sticker("voter", {"id": 1})
    go_to_activity(board.session, "acties")
    with pytest.raises(AnswerRejected, match="gesloten"):
        board.add_sticker("voter", ids[0])


def test_ranking_follows_the_stored_stickers(board):
    a, b, c = posted(board, "A", "B", "C")
    for voter, point in [("v1", b), ("v1", b), ("v2", c), ("v2", b), ("v3", a), ("v3", c)]:
        board.add_sticker(voter, point)
    assert [(r.text, r.stickers) for r in board.ranking()] == [("B", 3), ("C", 2), ("A", 1)]


def test_merging_moves_the_stickers_along(board):
    a, b, c = posted(board, "Meer scholing", "Scholing!", "C")
    board.add_sticker("v1", b)
    board.add_sticker("v2", a)
    board.merge(b, a)
    assert [(r.text, r.stickers) for r in board.ranking()] == [("Meer scholing", 2), ("C", 0)]
    with pytest.raises(AnswerRejected):
        board.merge(c, b)  # b is merged away
    board.edit(a, "Meer scholing over de meldcode")
    assert board.ranking()[0].text == "Meer scholing over de meldcode"


def test_merge_keeps_the_per_point_limit_honest_for_the_total(board):
    a, b = posted(board, "A", "B")
    board.add_sticker("v1", a)
    board.add_sticker("v1", a)
    board.add_sticker("v1", b)
    board.merge(b, a)
    # v1 now has 3 on A: more than the per-point maximum, but never more than the budget; nothing was lost.
    assert board.my_stickers("v1") == {a: 3} and board.stickers_left("v1") == 0


def test_actions_are_validated_and_kept_in_order(board):
    a, = posted(board, "Scholing")
    board.save_action(text="Training signaleren", level="de professional", owner="aandachtsfunctionaris",
                      planning="voor de kerstvakantie", status="nog niet gestart", point_id=a)
    with pytest.raises(AnswerRejected, match="Kies een niveau"):
        board.save_action(text="x", level="de leerling", owner="mentor", planning="mei", status="bezig")
    with pytest.raises(AnswerRejected, match="Kies een status"):
        board.save_action(text="x", level="de professional", owner="mentor", planning="mei", status="af")
    with pytest.raises(AnswerRejected, match="leeg"):
        board.save_action(text="x", level="de professional", owner=" ", planning="mei", status="bezig")
    [action] = board.actions()
    assert (action.text, action.owner, action.status, action.point_id) == (
        "Training signaleren", "aandachtsfunctionaris", "nog niet gestart", a)
    board.save_action(text=action.text, level=action.level, owner=action.owner, planning=action.planning,
                      status="bezig", action_id=action.action_id)
    assert [x.status for x in board.actions()] == ["bezig"]


def test_a_merge_can_be_undone(board):
    open_prompt(board)
    a, b = board.post("p1", "Scholing"), board.post("p2", "Meer scholing")
    board.merge(b, a)
    assert [p.text for p in board.visible_points()] == ["Scholing"]
    board.unmerge(b)
    assert [p.text for p in board.visible_points()] == ["Scholing", "Meer scholing"]
    with pytest.raises(AnswerRejected):
        board.unmerge(b)  # not merged (any more)
