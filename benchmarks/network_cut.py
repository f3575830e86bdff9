"""A phone's network drops for a while, the facilitator moves on meanwhile: how long until the phone shows it again.

The phone is a real Chromium page (/usr/bin/chromium via playwright) that reaches the real `teamleergesprek serve`
through a small TCP relay in this script. Cutting the relay closes every connection it carries (the page's kernel
websocket among them) and refuses new ones, as a phone that lost the school's Wi-Fi sees it; the kernel on the
laptop keeps running. During the cut the facilitator opens the skill question; after it the relay accepts again and
the time until the question's text is on the phone (and until a tap on an option says "Opgeslagen") is printed.

Run: .venv/bin/python benchmarks/network_cut.py --cut-seconds 45 300
Prints figures; the exit code is 1 when the phone did not come back within --recover-seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from join_storm import CHROMIUM, OPTIONS_QUESTION, Serve, free_port, wait_settled  # noqa: E402


class Relay:
    """127.0.0.1:port → the phones' server; cut() drops every connection and refuses new ones until restore()."""

    def __init__(self, target_port: int):
        self.target_port, self.port = target_port, free_port()
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def restore(self) -> None:
        self._server = await asyncio.start_server(self._carry, "127.0.0.1", self.port)

    async def cut(self) -> None:
        self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()  # no goodbye: the network is simply gone
        self._writers.clear()
        await self._server.wait_closed()

    async def _carry(self, reader, writer) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        self._writers |= {writer, up_writer}

        async def pipe(source, sink):
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                sink.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._writers -= {writer, up_writer}


async def one_cut(serve: Serve, seconds: float, recover: float) -> bool:
    from playwright.async_api import async_playwright

    from kit.model.live import LiveSession
    from kit.store import Store

    relay = Relay(serve.p_port)
    await relay.restore()
    with Store(serve.db_url) as store:
        live = LiveSession.open(store, serve.code)
        live.go_to(0)
        step = next(s for s in live.template.steps if s.question is not None and s.question.key == OPTIONS_QUESTION)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        await page.goto(f"http://127.0.0.1:{relay.port}/?code={serve.code}", timeout=120_000)
        await page.get_by_text("Even wachten", exact=False).first.wait_for(timeout=120_000)
        await relay.cut()
        print(f"\n== network cut for {seconds:.0f} s; the facilitator opens the question meanwhile ==", flush=True)
        await asyncio.sleep(1)
        with Store(serve.db_url) as store:
            LiveSession.open(store, serve.code).go_to(step.index)
        await asyncio.sleep(max(0.0, seconds - 1))
        await relay.restore()
        back = time.perf_counter()
        try:
            await page.get_by_text(step.question.text, exact=False).first.wait_for(timeout=recover * 1000)
            shown = time.perf_counter() - back
            await page.get_by_role("button", name=step.question.options[1], exact=True).click()
            await page.get_by_text("Opgeslagen", exact=False).first.wait_for(timeout=60_000)
            saved = time.perf_counter() - back
            print(f"network back → question on the phone {shown:.1f} s; → a tap saved {saved:.1f} s")
            ok = True
        except Exception as error:  # noqa: BLE001 - the figure is that it did not come back
            print(f"network back → the phone did NOT show the question within {recover:.0f} s ({type(error).__name__})")
            ok = False
        await browser.close()
    await relay.cut()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cut-seconds", type=float, nargs="+", default=[45, 300])
    parser.add_argument("--recover-seconds", type=float, default=60)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} at the start (a shared machine makes every figure worse)")
    serve = Serve(Path(tempfile.mkdtemp(prefix="tlg-cut-")), ["--expected-participants=2"])
    try:
        wait_settled(serve)
        results = [asyncio.run(one_cut(serve, seconds, args.recover_seconds)) for seconds in args.cut_seconds]
    finally:
        serve.stop()
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
