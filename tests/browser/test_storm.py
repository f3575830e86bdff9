"""Small join storms against the real serve, with simulated phones (HTTP + kernel websocket, no browser).

The long runs are in benchmarks/join_storm.py; these keep the guarantees: nothing lost, no error, the cap holds,
pages nobody uses give their kernel back.
"""

import asyncio
import random
import time

import psutil
import pytest
from voila_protocol import Phone, fetch

from serving import LoopThread, participant_kernels, run, server_process, start_serving, stop_serving

QUESTION = "vaardigheid"
FULL = "Deze sessie is vol"


def go_to_question(served, key: str = QUESTION) -> list[str]:
    from kit.model.live import LiveSession
    from kit.store import Store

    with Store(served.db_url) as store:
        session = LiveSession.open(store, served.code)
        step = next(s for s in session.template.steps if s.question is not None and s.question.key == key)
        session.go_to(step.index)
        return list(step.question.options or ())


def stored(served, key: str = QUESTION):
    from kit.store import Store

    with Store(served.db_url) as store:
        return store.sessions.answers(served.code, key)


def saved_after(phone: Phone, mark: int):
    status = {m.model_id for m in phone.with_class("tlg-status")}
    for _, comm_id, state in phone.log[mark:]:
        if comm_id in status and "Opgeslagen" in str(state.get("value", "")):
            return True
    return False


def wait_until(condition, timeout: float, step: float = 0.2):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def test_ten_phones_join_within_two_seconds_and_every_vote_is_stored(tmp_path):
    served = start_serving(tmp_path, serve_args=["--expected-participants", "10"], wait_for_pool=True)
    rng = random.Random(10)
    try:
        async def storm():
            facilitator = Phone(served.facilitator_url)
            await facilitator.open()
            errors, usable, phones = [], [], []

            async def arrive(delay):
                await asyncio.sleep(delay)
                phone = Phone(served.join_url)
                try:
                    usable.append(await phone.open(timeout=60))
                    await phone.wait_for(lambda p: "Even wachten" in p.text(), 30)
                    phones.append(phone)
                except Exception as error:  # noqa: BLE001
                    errors.append(repr(error))

            await asyncio.gather(*(arrive(rng.uniform(0, 2)) for _ in range(10)))
            assert not errors and len(phones) == 10

            options = go_to_question(served)
            confirmed = []

            async def vote(i, phone):
                button = await phone.wait_for(lambda p: p.button(options[i % len(options)]), 30)
                await asyncio.sleep(rng.uniform(0, 2))
                mark = len(phone.log)
                await phone.click(button)
                await phone.wait_for(lambda p: saved_after(p, mark), 30)
                confirmed.append(i)

            await asyncio.gather(*(vote(i, p) for i, p in enumerate(phones)))
            count = facilitator.with_class("tlg-count")[0]
            await facilitator.wait_for(lambda p: count.state.get("value", "").startswith("10 "), 10)
            for phone in phones:
                await phone.close(shutdown=True)
            await facilitator.close()
            return usable, confirmed

        usable, confirmed = run(storm())
        answers = stored(served)
        assert len(confirmed) == len(answers) == 10
        assert len({a.participant for a in answers}) == 10
        assert max(usable) < 30  # generous: this machine runs other tests too; the benchmark measures speed
    finally:
        assert not stop_serving(served)


def test_ten_latecomers_arrive_at_an_open_question_and_every_vote_is_stored(tmp_path):
    """Latecomers scan the code while a question is open: each phone shows that question at once and can vote, and
    the facilitator's page (open meanwhile, told of each vote by push) counts all ten."""
    served = start_serving(tmp_path, serve_args=["--expected-participants", "10"], wait_for_pool=True)
    rng = random.Random(12)
    try:
        options = go_to_question(served)

        async def storm():
            errors, confirmed, models = [], [], []
            facilitator = Phone(served.facilitator_url)
            await facilitator.open()
            count = (await facilitator.wait_for(lambda p: p.with_class("tlg-count"), 30))[0]

            async def arrive(i, delay):
                await asyncio.sleep(delay)
                phone = Phone(served.join_url)
                try:
                    await phone.open(timeout=60)
                    button = await phone.wait_for(lambda p: p.button(options[i % len(options)]), 30)
                    models.append(len(phone.models))
                    mark = len(phone.log)
                    await phone.click(button)
                    await phone.wait_for(lambda p: saved_after(p, mark), 30)
                    confirmed.append(i)
                    await phone.close(shutdown=True)
                except Exception as error:  # noqa: BLE001
                    errors.append(repr(error))

            await asyncio.gather(*(arrive(i, rng.uniform(0, 2)) for i in range(10)))
            await facilitator.wait_for(lambda p: count.state.get("value", "").startswith("10 "), 30)
            await facilitator.close()
            return errors, confirmed, models

        errors, confirmed, models = run(storm())
        assert not errors
        answers = stored(served)
        assert len(confirmed) == len(answers) == 10
        assert sorted(a.value for a in answers) == sorted(options[i % len(options)] for i in range(10))
        assert max(models) <= 30  # shared layouts and styles (was 41 models for this view)
    finally:
        assert not stop_serving(served)


def test_past_the_cap_the_page_says_the_session_is_full_and_starts_no_kernel(tmp_path):
    served = start_serving(tmp_path, serve_args=["--max-participants", "3", "--expected-participants", "3"],
                           wait_for_pool=True)
    try:
        assert "Plaats voor 3 telefoons" in served.serve_text()

        async def scenario():
            phones = []
            for _ in range(3):
                phone = Phone(served.join_url)
                await phone.open()
                phones.append(phone)
            fourth = await fetch(served.join_url)
            assert len(participant_kernels(served)) == 3

            # A reload loop (a script, or a stuck phone): every load is refused, nothing piles up.
            server = server_process(served, served.participant_port)
            rss_before = server.memory_info().rss
            loads = [await fetch(served.join_url) for _ in range(200)]
            rss_growth = server.memory_info().rss - rss_before
            after_loop = len(participant_kernels(served))

            # A closed tab (the page's unload beacon) gives its place back to the next phone.
            await phones[0].close(shutdown=True)
            freed = await asyncio.get_running_loop().run_in_executor(
                None, wait_until, lambda: len(participant_kernels(served)) == 2, 20)
            newcomer = Phone(served.join_url)
            await newcomer.open()
            await newcomer.wait_for(lambda p: "Even wachten" in p.text(), 30)
            for phone in [*phones[1:], newcomer]:
                await phone.close()
            return fourth, loads, rss_growth, after_loop, freed

        fourth, loads, rss_growth, after_loop, freed = run(scenario())
        assert fourth.status == 503 and FULL in fourth.body and '"kernelId"' not in fourth.body
        assert all(page.status == 503 and FULL in page.body for page in loads)
        assert after_loop == 3
        assert rss_growth < 30 * 2**20
        assert freed
        assert len(participant_kernels(served)) == 3
    finally:
        assert not stop_serving(served)


def test_a_page_nobody_connects_to_gives_its_kernel_back(tmp_path):
    abandoned_after = 10
    served = start_serving(tmp_path, serve_args=["--max-participants", "2", "--expected-participants", "0",
                                                 "--abandoned-after", str(abandoned_after)])
    loop = LoopThread()
    try:
        async def scenario():
            phone = Phone(served.join_url)
            await phone.open()
            ghost = await fetch(served.join_url)  # loaded, never opened: no websocket, no unload beacon
            full = await fetch(served.join_url)
            return phone, ghost, full

        phone, ghost, full = loop.run(scenario())
        assert ghost.status == 200 and '"kernelId"' in ghost.body
        assert full.status == 503  # two kernels: the phone's and the ghost's
        # The ghost's kernel goes once it has had no connection for a while; the connected phone's stays.
        # (The phone has been there longer than the ghost, connected all the time.)
        assert wait_until(lambda: len(participant_kernels(served)) == 1, 60)
        assert loop.run(phone.wait_for(lambda p: "Even wachten" in p.text(), 5))  # and still works
        # A phone that loses its connection (no beacon) goes the same way.
        loop.run(phone.close())
        assert wait_until(lambda: len(participant_kernels(served)) == 0, 60)
        assert loop.run(fetch(served.join_url)).status == 200  # the places are free again
    finally:
        loop.close()
        assert not stop_serving(served)


@pytest.fixture(autouse=True)
def _no_stray_kernels():
    before = {p.pid for p in psutil.process_iter() if "ipykernel" in " ".join(_cmdline(p))}
    yield
    # Each test stops its own serve; nothing it started may outlive it.
    after = {p.pid for p in psutil.process_iter() if "ipykernel" in " ".join(_cmdline(p))}
    mine = [pid for pid in after - before if _is_child_of_test(pid)]
    assert not mine


def _cmdline(process):
    try:
        return process.cmdline()
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return []


def _is_child_of_test(pid):
    import os

    try:
        return any(p.pid == os.getpid() for p in psutil.Process(pid).parents())
    except psutil.NoSuchProcess:
        return False
