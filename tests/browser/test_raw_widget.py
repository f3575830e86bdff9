"""A client that speaks the widget protocol itself (no page, no JavaScript) and sets whatever it likes.

Every synced trait can be set from outside and every button can be "clicked" at any moment, so the kernel decides
what is stored (LiveSession.submit), never the page. These tests go through the real server and websocket.
"""

import asyncio
import subprocess
import sys

import pytest
from voila_protocol import Phone

from serving import run, start_serving, stop_serving

CLOSED = "Deze vraag is gesloten; je antwoord is niet opgeslagen."
SESSION_CLOSED = "Deze sessie is afgesloten."


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    s = start_serving(tmp_path_factory.mktemp("raw"), serve_args=["--expected-participants", "4"],
                      wait_for_pool=True)
    yield s
    assert not stop_serving(s)


def session_of(served, code=None):
    from kit.model.live import LiveSession
    from kit.store import Store

    store = Store(served.db_url)
    return store, LiveSession.open(store, code or served.code)


def go_to(served, key, code=None):
    store, session = session_of(served, code)
    with store:
        session.go_to(next(s.index for s in session.template.steps if s.question and s.question.key == key))


def answers(served, key, code=None):
    from kit.store import Store

    with Store(served.db_url) as store:
        return [(a.participant, a.value) for a in store.sessions.answers(code or served.code, key)]


def status_text(phone: Phone, model) -> str:
    return str(phone.models[model.model_id].state.get("value", ""))


def statuses(phone: Phone):
    return phone.with_class("tlg-status")


async def open_phone(url: str, wait_for: str) -> Phone:
    phone = Phone(url)
    await phone.open()
    await phone.wait_for(lambda p: wait_for in p.text(), 30)
    return phone


def test_a_click_on_a_question_that_is_no_longer_open_is_refused(served):
    go_to(served, "vaardigheid")

    async def scenario():
        phone = await open_phone(served.join_url, "heel vaardig")
        old_button = phone.button("heel vaardig")
        old_status = statuses(phone)[0]
        go_to(served, "tevredenheid_school")
        await phone.wait_for(lambda p: p.button("5"), 30)  # the phone follows the facilitator
        await phone.click(old_button)  # the old view's button is still a live widget in the kernel
        await phone.wait_for(lambda p: status_text(p, old_status) == CLOSED, 30)
        await phone.close(shutdown=True)

    run(scenario())
    assert answers(served, "vaardigheid") == []


def test_a_button_relabelled_by_the_client_still_votes_only_its_own_option(served):
    go_to(served, "vaardigheid")

    async def scenario():
        phone = await open_phone(served.join_url, "heel vaardig")
        button = phone.button("vaardig")
        await phone.set_state(button, description="iets anders dan de opties")
        await phone.click(button)
        await phone.wait_for(lambda p: "Opgeslagen" in status_text(p, statuses(p)[0]), 30)
        await phone.close(shutdown=True)

    run(scenario())
    assert [value for _, value in answers(served, "vaardigheid")] == ["vaardig"]


def test_fifty_kilobytes_with_the_send_button_forced_on_are_not_stored(served):
    go_to(served, "versterken")

    async def scenario():
        phone = await open_phone(served.join_url, "Verstuur")
        text = phone.find("TextareaModel")[0]
        send = phone.button("Verstuur")
        await phone.set_state(text, value="x" * 50_000)
        await phone.wait_for(lambda p: p.models[send.model_id].state.get("disabled") is True, 30)
        await phone.set_state(send, disabled=False)  # what the page would never do; a client can
        await phone.click(send)
        await phone.wait_for(lambda p: "50000 tekens" in status_text(p, statuses(p)[0]), 30)
        message = status_text(phone, statuses(phone)[0])
        # Not text at all: the kernel refuses the trait; the phone keeps working.
        await phone.set_state(text, value={"not": "text"})
        await phone.set_state(text, value=["a", 1])
        await phone.set_state(text, value="gewoon een antwoord")
        await phone.set_state(send, disabled=False)
        await phone.click(send)
        await phone.wait_for(lambda p: "Opgeslagen" in status_text(p, statuses(p)[0]), 30)
        await phone.close(shutdown=True)
        return message

    message = run(scenario())
    assert message.startswith("Je antwoord is 50000 tekens; er passen er 500")
    assert [value for _, value in answers(served, "versterken")] == ["gewoon een antwoord"]


def test_a_phone_cannot_answer_for_another_session_or_another_phone(served):
    other = subprocess.run([sys.executable, "-m", "kit", "--db", served.db_url, "new", "--team", "Ander team"],
                           capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    go_to(served, "vaardigheid")
    go_to(served, "vaardigheid", code=other)
    join_other = served.join_url.replace(served.code, other)

    async def scenario():
        mine = await open_phone(served.join_url, "heel vaardig")
        theirs = await open_phone(join_other, "heel vaardig")
        # The other session's buttons exist only in the other phone's kernel: from here they are unknown comms.
        await mine.click(theirs.button("niet vaardig"))
        await mine.set_state(theirs.button("niet vaardig"), description="x")
        await asyncio.sleep(1.5)
        mine_status = statuses(mine)[0]
        assert status_text(mine, mine_status) == ""
        # Closing a session closes it for its phones at once, whatever they send.
        from kit.store import Store

        with Store(served.db_url) as store:
            store.sessions.set_session_status(other, "closed")
        await theirs.click(theirs.button("niet vaardig"))
        await theirs.wait_for(lambda p: status_text(p, statuses(p)[0]) == SESSION_CLOSED, 30)
        await mine.close(shutdown=True)
        await theirs.close(shutdown=True)

    run(scenario())
    assert answers(served, "vaardigheid", code=other) == []
    assert "niet vaardig" not in [value for _, value in answers(served, "vaardigheid")]
