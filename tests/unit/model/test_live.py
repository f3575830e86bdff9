import pytest

from factories import open_question
from kit.model.answers import AnswerRejected
from kit.model.live import LiveSession, SessionClosed, SessionNotFound


def test_walks_blocks_and_their_questions_in_order(session):
    seen = []
    for _ in range(len(session.template.steps) + 2):  # two extra: Volgende at the end stays at the end
        step = session.step()
        seen.append((step.block.key, step.question.key if step.question else None))
        session.go_next()
    assert seen[:7] == [
        ("welkom", None), ("start", None), ("start", "vaardigheid"), ("start", "tevredenheid_school"),
        ("start", "versterken"), ("afsluiting", None), ("afsluiting", None),
    ]
    session.go_previous()
    assert session.step().block.key == "start"


def test_moving_hides_results_again(session):
    open_question(session, "vaardigheid")
    session.set_results_shown(True)
    session.go_next()
    assert not session.state().results_shown



@pytest.fixture
def clock():
    class Clock:
        now = 1000.0

        def __call__(self):
            return self.now

    return Clock()


def test_block_timer(store, template, clock):
    record = store.sessions.create_session(template.to_dict(), "T", "2026-11-28", "welkom")
    session = LiveSession(store, record, clock=clock)
    assert session.timer().label == "10:00" and not session.timer().running
    session.start_timer()
    clock.now += 61
    assert session.timer().label == "8:59"
    session.pause_timer()
    clock.now += 300
    assert session.timer().label == "8:59" and not session.timer().running
    session.start_timer()
    clock.now += 540
    assert session.timer().remaining == pytest.approx(-1)
    assert "over tijd" in session.timer().label
    session.go_next()  # next block: its own minutes, stopped
    assert session.timer().label == "15:00" and not session.timer().running
    session.start_timer()
    clock.now += 10
    session.go_next()  # a question in the same block keeps the clock running
    assert session.timer().running and session.timer().label == "14:50"


def test_unknown_and_closed_codes(store, session):
    with pytest.raises(SessionNotFound):
        LiveSession.open(store, "ZZZZZZ")
    assert LiveSession.open(store, f" {session.code.lower()} ").code == session.code  # typed on a phone
    store.sessions.set_session_status(session.code, "closed")
    with pytest.raises(SessionClosed):
        LiveSession.open(store, session.code)


def test_closing_ends_answering_and_tells_every_page(session):
    open_question(session, "vaardigheid")
    session.submit("p1", "vaardigheid", "vaardig")
    version = session.state().version
    session.close()
    assert not session.is_open()
    assert session.state().version > version  # phones and screens follow the live state: they notice
    with pytest.raises(AnswerRejected, match="afgesloten"):
        session.submit("p2", "vaardigheid", "vaardig")
    with pytest.raises(SessionClosed):
        LiveSession.open(session.store, session.code)
    facilitator_view = LiveSession.open(session.store, session.code, closed_too=True)
    assert [a.value for a in facilitator_view.store.sessions.answers(session.code)] == ["vaardig"]  # kept for export


ACCEPTED = [
    ("vaardigheid", "heel vaardig", "heel vaardig"),
    ("vaardigheid", "niet vaardig", "niet vaardig"),
    ("tevredenheid_school", "0", "0"),
    ("tevredenheid_school", 5, "5"),
    ("versterken", "<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("versterken", "  meer tijd\n", "  meer tijd\n"),
    ("versterken", "x" * 500, "x" * 500),
    ("versterken", "👍 שלום", "👍 שלום"),
]


@pytest.mark.parametrize("key,raw,stored", ACCEPTED)
def test_valid_answers_are_stored_exactly(session, key, raw, stored):
    open_question(session, key)
    assert session.submit("p1", key, raw) == stored
    assert session.store.sessions.get_answer(session.code, "p1", key).value == stored


REJECTED = [
    ("vaardigheid", "heel heel vaardig", "hoort niet bij de vraag"),
    ("vaardigheid", None, "hoort niet bij de vraag"),
    ("vaardigheid", ["vaardig"], "hoort niet bij de vraag"),
    ("tevredenheid_school", "6", "hoort niet bij de vraag"),
    ("tevredenheid_school", -1, "hoort niet bij de vraag"),
    ("tevredenheid_school", True, "hoort niet bij de vraag"),
    ("tevredenheid_school", "2.5", "hoort niet bij de vraag"),
    ("versterken", "", "leeg"),
    ("versterken", "   \n", "leeg"),
    ("versterken", "x" * 501, "501 tekens"),
    ("versterken", "x" * 50_000, "50000 tekens"),
    ("versterken", "a\x00b", "teken"),
    ("versterken", 42, "kan niet worden opgeslagen"),
]


@pytest.mark.parametrize("key,raw,message", REJECTED)
def test_invalid_answers_are_refused_and_nothing_is_stored(session, key, raw, message):
    open_question(session, key)
    with pytest.raises(AnswerRejected, match=message):
        session.submit("p1", key, raw)
    assert session.store.sessions.answers(session.code) == []


def test_only_the_open_question_takes_answers(session):
    open_question(session, "vaardigheid")
    session.submit("p1", "vaardigheid", "vaardig")
    session.go_next()
    with pytest.raises(AnswerRejected, match="gesloten"):
        session.submit("p1", "vaardigheid", "niet vaardig")
    with pytest.raises(AnswerRejected, match="gesloten"):
        session.submit("p1", "bestaat_niet", "x")
    assert session.store.sessions.get_answer(session.code, "p1", "vaardigheid").value == "vaardig"


def test_answers_for_another_session_or_a_closed_session_are_refused(session):
    open_question(session, "vaardigheid")
    with pytest.raises(AnswerRejected, match="andere sessie"):
        session.submit("p1", "vaardigheid", "vaardig", session_code="ABCDEF")
    session.store.sessions.set_session_status(session.code, "closed")
    with pytest.raises(AnswerRejected, match="afgesloten"):
        session.submit("p1", "vaardigheid", "vaardig")


def test_a_restart_resumes_exactly_where_the_session_was(file_store, template):
    from kit.store import Store

    record = file_store.sessions.create_session(template.to_dict(), "T", "2026-11-28", "welkom")
    session = LiveSession.open(file_store, record.code)
    open_question(session, "tevredenheid_school")
    session.set_results_shown(True)
    session.submit("p1", "tevredenheid_school", "4")
    before = session.state()
    file_store.close()
    with Store(file_store.url) as reopened:
        again = LiveSession.open(reopened, record.code)
        state = again.state()
        assert (state.block_key, state.question_key, state.results_shown) == (before.block_key, before.question_key, True)
        assert again.step().question.key == "tevredenheid_school"
        assert [a.value for a in reopened.sessions.answers(record.code)] == ["4"]


def test_prompts_start_their_own_thinking_time_while_the_block_clock_runs_on(store, clock):
    from kit.model.template import Block, Template

    template = Template(1, "t", "nl", "T", (
        Block("stilte", "Gedachte-experiment", 15, prompts=("Wat valt je op?", "Wat drijft je?"), prompt_seconds=90),
        Block("slot", "Afsluiting", 10),
    ))
    record = store.sessions.create_session(template.to_dict(), "T", "2026-11-28", "stilte")
    session = LiveSession(store, record, clock=clock)
    assert session.timer().label == "15:00" and session.thinking_time() is None
    session.start_timer()
    clock.now += 60  # the facilitator explains the thought experiment for a minute
    session.go_next()
    assert session.step().prompt_text == "Wat valt je op?"
    assert session.state().question_key == "prompt-1"
    assert session.thinking_time().label == "1:30" and session.thinking_time().running
    clock.now += 30
    assert session.thinking_time().label == "1:00"
    assert session.timer().label == "13:30"  # the block's clock ran on through the prompt
    session.pause_timer()  # one pause stops both
    clock.now += 100
    assert session.thinking_time().label == "1:00" and not session.thinking_time().running
    assert session.timer().label == "13:30"
    session.go_next()  # the next prompt starts its own thinking time, by itself, and the clock again
    assert session.step().prompt_text == "Wat drijft je?" and session.thinking_time().label == "1:30"
    assert session.timer().running
    clock.now += 100
    assert session.thinking_time().remaining == pytest.approx(-10)
    assert session.timer().label == "11:50"
    session.go_next()  # a new block: its own clock, stopped, and no thinking time
    assert session.timer().label == "10:00" and not session.timer().running and session.thinking_time() is None
    with pytest.raises(AnswerRejected):
        session.submit("p1", "prompt-2", "ik wil iets zeggen")  # nothing is recorded for a prompt


def test_the_afwegingskader_is_on_the_projector_while_the_worksheet_is_open(store):
    from factories import go_to_activity, werkvormen_template
    from kit.model.live import WORKSHEET_REFERENCE
    from kit.model.sessions import new_session

    session = LiveSession.open(store, new_session(store, werkvormen_template(), "Team", "2026-11-28").code)
    sections = ("afwegingskader", "meldcode")
    assert session.state().reference_key is None
    go_to_activity(session, "werkblad")
    assert session.state().reference_key == WORKSHEET_REFERENCE == "afwegingskader"
    session.show_reference(None, sections)  # the facilitator takes it off: it stays off while the worksheet is open
    session.go_to(session.step().index)
    assert session.state().reference_key is None
    session.go_previous()
    session.go_next()  # back to the worksheet: up again
    assert session.state().reference_key == "afwegingskader"
    session.go_next()  # the worksheet closes (route map): it goes
    assert session.state().reference_key is None

    go_to_activity(session, "werkblad")
    session.show_reference("meldcode", sections)  # something the facilitator chose stays when the worksheet closes
    session.go_next()
    assert session.state().reference_key == "meldcode"


def test_a_prompt_reached_by_going_back_into_its_block_starts_its_thinking_time(store, clock):
    from kit.model.template import Block, Template

    template = Template(1, "t", "nl", "T", (
        Block("stilte", "Gedachte-experiment", 15, prompts=("Wat valt je op?",), prompt_seconds=90),
        Block("slot", "Afsluiting", 10),
    ))
    record = store.sessions.create_session(template.to_dict(), "T", "2026-11-28", "slot")
    session = LiveSession(store, record, clock=clock)
    session.go_to(2)
    session.go_previous()
    assert session.step().prompt_text == "Wat valt je op?"
    assert session.thinking_time().label == "1:30" and session.timer().label == "15:00" and session.timer().running
    session.reset_timer()
    clock.now += 20
    assert session.thinking_time().label == "1:30" and not session.timer().running


def test_an_optional_block_is_skipped_and_the_walk_and_remaining_time_replan(store, clock):
    from kit.model.template import Block, Template

    template = Template(1, "t", "nl", "T", (
        Block("drie", "Werkvorm 3", 25), Block("vier", "Werkvorm 4", 15, optional=True, prompts=("Wat gaat goed?",)),
        Block("vijf", "Werkvorm 5", 20),
    ))
    record = store.sessions.create_session(template.to_dict(), "T", "2026-11-28", "drie")
    session = LiveSession(store, record, clock=clock)
    assert session.remaining_seconds() == 60 * 60
    with pytest.raises(ValueError):
        session.skip_block("drie")  # not optional
    with pytest.raises(ValueError):
        session.skip_block(["vier"])  # a synced value can be anything
    session.skip_block("vier")
    assert session.state().skipped_blocks == ("vier",) and session.step().block.key == "drie"
    assert session.remaining_seconds() == 45 * 60
    session.start_timer()
    clock.now += 600
    assert session.remaining_seconds() == 35 * 60
    session.go_next()  # past the skipped block
    assert session.step().block.key == "vijf" and session.timer().label == "20:00"
    session.go_previous()
    assert session.step().block.key == "drie"
    session.go_to_block("vier")  # chosen on purpose from the agenda: back on the agenda
    assert session.step().block.key == "vier" and session.state().skipped_blocks == ()
    session.skip_block("vier")  # standing in it: on to the next block
    assert session.step().block.key == "vijf" and session.state().skipped_blocks == ("vier",)
    session.unskip_block("vier")
    session.go_previous()
    assert session.step().block.key == "vier" and session.step().prompt == 0
