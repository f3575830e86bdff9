"""A phone without a browser: what Voilà 0.5's page does, over plain HTTP and the kernel websocket.

1. GET the page; Voilà renders the notebook in a kernel and puts that kernel's id in the page config
   (`"kernelId": "..."`) and the root widget's id in the cell output (`"model_id": "..."`).
2. Open `/api/kernels/<id>/channels` with the `v1.kernel.websocket.jupyter.org` subprotocol, as
   `@jupyterlab/services` does, and wait for the reply to `kernel_info_request` before anything else.
3. ipywidgets 8's manager opens a `jupyter.widget.control` comm (metadata version 1.0.0) and sends
   `{"method": "request_states"}`; the kernel answers `update_states` with every widget's state.
4. From then on the kernel sends `comm_open` (new widgets), `comm_msg` `update` (changed traits) and
   `comm_close`; a tap on a button is `comm_msg` `{"method": "custom", "content": {"event": "click"}}` to the
   button's comm, typing is `{"method": "update", "state": {"value": ...}}`.

Used by benchmarks/join_storm.py and by the tests (tests/browser/serving.py puts this folder on the path).
Loopback only: it talks to the servers the caller started.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')
MODEL_ID = re.compile(r'"model_id":\s*"([0-9a-f]{32})"')
REFERENCE = "IPY_MODEL_"

# One client for many simulated phones; tornado's default would queue requests after 10.
AsyncHTTPClient.configure(None, max_clients=1000)


class ProtocolError(Exception):
    """The page or the kernel did not behave as a browser would need."""


@dataclass
class Page:
    status: int
    body: str
    headers: dict
    seconds: float
    cookies: str = ""

    @property
    def kernel_id(self) -> str | None:
        found = KERNEL_ID.search(self.body)
        return found.group(1) if found else None

    @property
    def root_model_id(self) -> str | None:
        found = MODEL_ID.findall(self.body)
        return found[-1] if found else None


async def fetch(url: str, timeout: float = 60, follow_redirects: bool = False, headers: dict | None = None,
                method: str = "GET", body: str | None = None) -> Page:
    """Any HTTP request; never raises for an HTTP error status (tests look at refusals)."""
    client = AsyncHTTPClient()
    start = time.perf_counter()
    request = HTTPRequest(url, method=method, body=body, request_timeout=timeout, connect_timeout=timeout,
                          follow_redirects=follow_redirects, headers=headers or {})
    try:
        response = await client.fetch(request, raise_error=False)
    except HTTPClientError as error:  # pragma: no cover - raise_error=False returns instead
        response = error.response
    if response is None:  # no answer in time: tornado's 599
        return Page(599, "", {}, time.perf_counter() - start)
    text = response.body.decode("utf-8", "replace") if response.body else ""
    cookies = "; ".join(c.split(";")[0] for c in response.headers.get_list("Set-Cookie"))
    return Page(response.code, text, dict(response.headers), time.perf_counter() - start, cookies)


def _message(msg_type: str, content: dict, channel: str = "shell", session: str = "") -> dict:
    return {
        "header": {"msg_id": uuid.uuid4().hex, "username": "", "session": session, "msg_type": msg_type,
                   "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": [],
    }


def _encode(message: dict) -> bytes:
    """The `v1.kernel.websocket.jupyter.org` frame: offset count and offsets (8-byte little endian), the channel,
    then header, parent header, metadata, content and buffers."""
    parts = [json.dumps(message[key]).encode("utf-8") for key in ("header", "parent_header", "metadata", "content")]
    parts += [bytes(b) for b in message.get("buffers", [])]
    channel = message["channel"].encode("utf-8")
    offsets = [8 * (1 + 1 + len(parts) + 1)]
    offsets.append(offsets[-1] + len(channel))
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    head = len(offsets).to_bytes(8, "little") + b"".join(o.to_bytes(8, "little") for o in offsets)
    return head + channel + b"".join(parts)


def _decode(frame: bytes) -> dict:
    count = int.from_bytes(frame[:8], "little")
    offsets = [int.from_bytes(frame[8 * (i + 1):8 * (i + 2)], "little") for i in range(count)]
    channel = frame[offsets[0]:offsets[1]].decode("utf-8")
    parts = [frame[offsets[i]:offsets[i + 1]] for i in range(1, count - 1)]
    header, parent, metadata, content = (json.loads(p) if p else {} for p in parts[:4])
    return {"channel": channel, "header": header, "parent_header": parent, "metadata": metadata,
            "content": content, "buffers": parts[4:]}


@dataclass
class Model:
    model_id: str
    model_name: str
    state: dict = field(default_factory=dict)

    def refs(self) -> list[str]:
        found = []
        for value in self.state.values():
            values = value if isinstance(value, list) else [value]
            found += [v[len(REFERENCE):] for v in values if isinstance(v, str) and v.startswith(REFERENCE)]
        return found


class Phone:
    """One simulated browser tab on a Voilà page."""

    def __init__(self, url: str, headers: dict | None = None):
        self.url = url
        parts = urlsplit(url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.headers = dict(headers or {})
        self.page: Page | None = None
        self.models: dict[str, Model] = {}
        self.root: str | None = None
        self.session = uuid.uuid4().hex
        self.ws = None
        self._reader: asyncio.Task | None = None
        self._changed = asyncio.Event()
        self._control_comm = uuid.uuid4().hex
        self._states: asyncio.Future | None = None
        self._info: asyncio.Future | None = None
        self.closed = False
        self.log: list[tuple[float, str, dict]] = []  # (time.time(), comm_id, state) of every update received

    # -- loading ------------------------------------------------------------------------------------------------
    async def load(self, timeout: float = 60) -> Page:
        self.page = await fetch(self.url, timeout=timeout, headers=self.headers)
        return self.page

    async def connect(self, timeout: float = 60) -> None:
        """Open the kernel websocket and fetch the widget state, as the page's JavaScript does."""
        if self.page is None or self.page.status != 200 or not self.page.kernel_id:
            raise ProtocolError(f"no kernel on this page (HTTP {self.page.status if self.page else '-'})")
        self.root = self.page.root_model_id
        self._states = asyncio.get_running_loop().create_future()
        ws_origin = self.origin.replace("http", "ws", 1)
        query = f"session_id={self.session}"
        token = re.search(r"[?&]token=([^&]+)", self.url)
        if token:
            query += f"&token={token.group(1)}"
        headers = dict(self.headers)
        if self.page.cookies:
            headers["Cookie"] = self.page.cookies
        request = HTTPRequest(f"{ws_origin}/api/kernels/{self.page.kernel_id}/channels?{query}",
                              headers=headers, connect_timeout=timeout, request_timeout=timeout)
        # The subprotocol the page's JavaScript uses. (Without it the server falls back to JSON text frames, and
        # Voilà 0.5's websocket handler misreads that format's binary frames: see tests/browser/test_access.py.)
        self.ws = await websocket_connect(request, max_message_size=64 * 2**20,
                                          subprotocols=["v1.kernel.websocket.jupyter.org"])
        self._reader = asyncio.ensure_future(self._read())
        # Like @jupyterlab/services: the first message is kernel_info_request, and nothing else is sent before its
        # reply (ipykernel may still be setting up the comm manager until then).
        self._info = asyncio.get_running_loop().create_future()
        await self._send(_message("kernel_info_request", {}, session=self.session))
        await asyncio.wait_for(self._info, timeout)
        opening = _message("comm_open", {"comm_id": self._control_comm, "target_name": "jupyter.widget.control",
                                         "data": {}}, session=self.session)
        opening["metadata"] = {"version": "1.0.0"}
        await self._send(opening)
        await self._send(_message("comm_msg", {"comm_id": self._control_comm, "data": {"method": "request_states"}},
                                  session=self.session))
        states = await asyncio.wait_for(self._states, timeout)
        for model_id, entry in states.items():
            self.models[model_id] = Model(model_id, entry["model_name"], entry["state"])
        self._changed.set()

    async def open(self, timeout: float = 60) -> float:
        """Load and connect; the seconds from the request to a page whose widgets work."""
        start = time.perf_counter()
        await self.load(timeout)
        await self.connect(timeout)
        return time.perf_counter() - start

    async def _send(self, message: dict) -> None:
        if self.ws is None:
            raise ProtocolError("not connected")
        await self.ws.write_message(_encode(message), binary=True)

    async def _read(self) -> None:
        try:
            await self._read_loop()
        except Exception as error:  # a broken frame must fail the waiters, not hang them
            self.closed = True
            self._changed.set()
            for future in (self._info, self._states):
                if future is not None and not future.done():
                    future.set_exception(ProtocolError(f"reading the websocket failed: {error!r}"))

    async def _read_loop(self) -> None:
        while True:
            frame = await self.ws.read_message()
            if frame is None:
                self.closed = True
                self._changed.set()
                for future in (self._info, self._states):
                    if future is not None and not future.done():
                        future.set_exception(ProtocolError("websocket closed before the widget state arrived"))
                return
            message = _decode(frame)
            kind = message.get("header", {}).get("msg_type") or message.get("msg_type")
            content = message.get("content") or {}
            now = time.time()
            if kind == "kernel_info_reply":
                if self._info is not None and not self._info.done():
                    self._info.set_result(content)
                continue
            if kind == "comm_msg":
                comm_id, data = content.get("comm_id"), content.get("data") or {}
                if comm_id == self._control_comm and data.get("method") == "update_states":
                    if self._states is not None and not self._states.done():
                        self._states.set_result(data.get("states", {}))
                    continue
                if data.get("method") in ("update", "echo_update") and comm_id in self.models:
                    self.models[comm_id].state.update(data.get("state", {}))
                    self.log.append((now, comm_id, data.get("state", {})))
            elif kind == "comm_open" and content.get("target_name") == "jupyter.widget":
                data = content.get("data") or {}
                state = data.get("state", {})
                self.models[content["comm_id"]] = Model(content["comm_id"], state.get("_model_name", ""), state)
            elif kind == "comm_close":
                self.models.pop(content.get("comm_id"), None)
            else:
                continue
            self._changed.set()

    # -- looking at the page ------------------------------------------------------------------------------------
    def visible(self) -> list[Model]:
        """The widgets reachable from the page's root widget (what a person would see), in order."""
        if self.root is None:
            return list(self.models.values())
        seen, order, todo = set(), [], [self.root]
        while todo:
            model_id = todo.pop(0)
            if model_id in seen or model_id not in self.models:
                continue
            seen.add(model_id)
            order.append(self.models[model_id])
            todo = self.models[model_id].refs() + todo
        return order

    def find(self, model_name: str | None = None, **state) -> list[Model]:
        return [m for m in self.visible()
                if (model_name is None or m.model_name == model_name)
                and all(m.state.get(k) == v for k, v in state.items())]

    def button(self, description: str) -> Model | None:
        found = self.find("ButtonModel", description=description)
        return found[0] if found else None

    def with_class(self, css_class: str) -> list[Model]:
        return [m for m in self.visible() if css_class in (m.state.get("_dom_classes") or ())]

    def text(self) -> str:
        """All text the page shows (HTML values and button labels), for assertions."""
        parts = []
        for m in self.visible():
            for key in ("value", "description", "placeholder"):
                value = m.state.get(key)
                if isinstance(value, str) and value.strip("\u200b") and not (m.model_name == "HTMLModel" and value.lstrip().startswith("<style")):
                    parts.append(value)
        return "\n".join(parts)

    async def wait_for(self, condition: Callable[["Phone"], object], timeout: float = 30):
        """Wait until `condition(self)` is truthy; returns its value."""
        deadline = time.perf_counter() + timeout
        while True:
            result = condition(self)
            if result:
                return result
            if self.closed:
                raise ProtocolError("websocket closed")
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise asyncio.TimeoutError(f"condition not met within {timeout} s")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except asyncio.TimeoutError:
                pass

    # -- acting ---------------------------------------------------------------------------------------------------
    async def click(self, model: Model | str) -> None:
        comm_id = model if isinstance(model, str) else model.model_id
        await self._send(_message("comm_msg", {"comm_id": comm_id, "data": {"method": "custom",
                                                                           "content": {"event": "click"}}},
                                  session=self.session))

    async def set_state(self, model: Model | str, **state) -> None:
        """What a browser sends when the user changes a control; any synced trait can be sent this way."""
        comm_id = model if isinstance(model, str) else model.model_id
        await self._send(_message("comm_msg", {"comm_id": comm_id, "data": {"method": "update", "state": state,
                                                                           "buffer_paths": []}},
                                  session=self.session))

    async def send_raw(self, msg_type: str, content: dict, channel: str = "shell") -> None:
        await self._send(_message(msg_type, content, channel, self.session))

    async def close(self, shutdown: bool = False) -> None:
        """Close the tab. With `shutdown`, first send what the page's unload handler sends (kernel shutdown)."""
        if shutdown and self.page and self.page.kernel_id:
            # The page posts the `_xsrf` cookie back as a form field (navigator.sendBeacon on unload).
            xsrf = re.search(r"_xsrf=([^;]*)", self.page.cookies)
            body = f"_xsrf={xsrf.group(1)}" if xsrf else ""
            await fetch(f"{self.origin}/voila/api/shutdown/{self.page.kernel_id}", method="POST", body=body,
                        headers={**self.headers, "Cookie": self.page.cookies,
                                 "Content-Type": "application/x-www-form-urlencoded"})
        if self.ws is not None:
            self.ws.close()
        if self._reader is not None:
            self._reader.cancel()
        self.closed = True
