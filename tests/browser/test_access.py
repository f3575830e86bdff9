"""What each server lets a device on the network do, asked over plain HTTP and the kernel websocket (no browser).

The phones' server serves one page (deelnemer.ipynb) and its assets, nothing else; no error shows a traceback.
The facilitator's server listens on 127.0.0.1, or elsewhere only with the token serve prints in its link.
"""

import asyncio
import json
import re
import struct
import uuid
from pathlib import Path

import psutil
import pytest
from tornado.websocket import websocket_connect
from voila_protocol import Phone, fetch

from serving import run, server_process, start_serving, stop_serving

TRACEBACK = re.compile(r"Traceback|File \"|\.py\", line|site-packages")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    s = start_serving(tmp_path_factory.mktemp("access"), wait_for_pool=True)
    yield s
    assert not stop_serving(s)


def get(url: str, **kwargs):
    return run(fetch(url, **kwargs))


def refused_paths(served) -> list[str]:
    db_file = Path(served.db_url.removeprefix("sqlite:///"))
    return [
        "/voila/render/begeleider.ipynb", "/voila/render/deelnemer.ipynb", "/voila/render/scherm.ipynb",
        "/begeleider.ipynb", "/deelnemer.ipynb", "/voila/tree", "/tree", "/lab", "/voila/api/contents",
        "/api/contents", "/api/contents/begeleider.ipynb", "/files/begeleider.ipynb",
        "/voila/files/begeleider.ipynb", "/voila/files/deelnemer.ipynb", "/voila/files/logo.png",
        f"/voila/files{db_file}", f"/files{db_file}", f"/{db_file.name}", "/voila/files/../../data/teamleergesprek.sqlite",
        "/voila/files/..%2f..%2fpyproject.toml", "/api/kernels", "/api/kernels/", "/api/sessions", "/api/kernelspecs",
        f"/api/kernels/{uuid.uuid4()}", "/api/terminals", "/login", "/logout", "/voila/api/shutdown/x",
        "/index.html", "/static/../kit/serving/launcher.py",
    ]


def test_the_phones_server_serves_the_page_and_nothing_else(served):
    page = get(f"http://127.0.0.1:{served.participant_port}/?code={served.code}")
    assert page.status == 200 and '"kernelId"' in page.body
    for path in refused_paths(served):
        response = get(f"http://127.0.0.1:{served.participant_port}{path}")
        assert response.status in (403, 404, 405), f"{path}: HTTP {response.status}"
        assert not TRACEBACK.search(response.body), f"{path}: traceback text in the answer"
        assert '"kernelId"' not in response.body, f"{path}: a kernel was started"


def test_errors_show_no_traceback_even_for_broken_requests(served):
    base = f"http://127.0.0.1:{served.participant_port}"
    for method, path, body in [("POST", "/", "x"), ("PUT", "/?code=ABC", "x"), ("DELETE", "/api/kernels/abc", None),
                               ("POST", f"/voila/api/shutdown/{uuid.uuid4()}", ""),
                               ("GET", "/?code=%ff%fe%00", None), ("GET", "/" + "a" * 5000, None)]:
        response = run(fetch(base + path, method=method, body=body))
        assert response.status != 500 or not TRACEBACK.search(response.body)
        assert not TRACEBACK.search(response.body), f"{method} {path}"


def test_facilitator_listens_on_this_laptop_only_by_default(served):
    def addresses(port):
        server = server_process(served, port)
        return {c.laddr.ip for c in server.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN}

    assert addresses(served.facilitator_port) <= {"127.0.0.1"}
    assert addresses(served.participant_port) == {"0.0.0.0"}
    page = get(served.facilitator_url)
    assert page.status == 200 and '"kernelId"' in page.body  # no token needed on the laptop itself


def _legacy_frame(message: dict, buffers: list[bytes]) -> bytes:
    parts = [json.dumps(message).encode()] + buffers
    offsets = [4 * (len(parts) + 1)]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part))
    return struct.pack("!" + "I" * (len(parts) + 1), len(parts), *offsets) + b"".join(parts)


def test_a_phone_using_the_old_websocket_protocol_cannot_stall_the_server(served):
    """Voilà 0.5 reads every binary frame with the v1 layout; a legacy-protocol frame with buffers (which any
    client can provoke: the kernel echoes a widget update with its buffers) made it loop and grow without end,
    and no other phone got an answer. Measured on plain Voilà 0.5.13: 80% of a core and +190 MB in 5 s."""

    async def attack():
        phone = Phone(f"http://127.0.0.1:{served.participant_port}/?code={served.code}")
        await phone.open()
        target = next(m for m in phone.visible() if m.model_name == "HTMLModel")
        ws = await websocket_connect(
            f"ws://127.0.0.1:{served.participant_port}/api/kernels/{phone.page.kernel_id}/channels?session_id=x")
        message = {"header": {"msg_id": uuid.uuid4().hex, "username": "", "session": "x", "msg_type": "comm_msg",
                              "version": "5.3", "date": ""}, "parent_header": {}, "metadata": {}, "channel": "shell",
                   "content": {"comm_id": target.model_id,
                               "data": {"method": "update", "state": {}, "buffer_paths": [["value"]]}}}
        await ws.write_message(_legacy_frame(message, [b"x" * 100]), binary=True)
        echoed = False
        for _ in range(10):
            frame = await asyncio.wait_for(ws.read_message(), 10)
            if isinstance(frame, bytes):  # the echo with its buffer, in the legacy layout
                echoed = True
                break
        ws.close()
        static = await fetch(f"http://127.0.0.1:{served.participant_port}/voila/static/voila.js", timeout=5)
        await phone.close(shutdown=True)
        return echoed, static

    server = server_process(served, served.participant_port)
    rss_before = server.memory_info().rss
    echoed, static = run(attack())
    assert echoed
    assert static.status == 200 and static.seconds < 2
    assert server.memory_info().rss - rss_before < 50 * 2**20


def test_facilitator_on_the_network_asks_for_its_token(tmp_path):
    served = start_serving(tmp_path, serve_args=["--facilitator-host", "0.0.0.0", "--expected-participants", "0"])
    try:
        printed = served.serve_text()
        token = re.search(r"begeleider\.ipynb\?token=([\w-]+)", printed).group(1)
        base = f"http://127.0.0.1:{served.facilitator_port}/voila/render/begeleider.ipynb"

        refused = get(base)
        assert refused.status in (302, 401, 403)
        assert '"kernelId"' not in refused.body and not TRACEBACK.search(refused.body)
        wrong = get(f"{base}?token=not-the-token")
        assert wrong.status in (302, 401, 403) and '"kernelId"' not in wrong.body
        assert get(f"http://127.0.0.1:{served.facilitator_port}/voila/render/scherm.ipynb").status in (302, 401, 403)

        allowed = get(f"{base}?token={token}")
        assert allowed.status == 200 and '"kernelId"' in allowed.body

        # The token is in the printed link only: no command line shows it, no phone's kernel has it.
        for process in psutil.Process(served.process.pid).children(recursive=True):
            assert token not in " ".join(process.cmdline())
        phone = get(f"http://127.0.0.1:{served.participant_port}/?code={served.code}")
        assert phone.status == 200 and token not in phone.body
    finally:
        assert not stop_serving(served)
