"""The page request a preheated kernel serves: Voilà starts such a kernel before anyone asks and runs the notebook
in it; the request's variables (its QUERY_STRING) reach the kernel only when it asks for them, and asking blocks
until the request comes. The phones' page and the trends page use it.
"""

from __future__ import annotations

import json
import logging
import os

from kit.settings import REQUEST_RECEIVED_ENV

log = logging.getLogger(__name__)


def preheated_and_waiting(environ=os.environ) -> bool:
    """True in a kernel Voilà preheated whose page request has not come yet."""
    return environ.get("VOILA_PREHEAT") == "True" and environ.get(REQUEST_RECEIVED_ENV) != "1"


def request_query_string(environ=os.environ, receive=None) -> str:
    """The query string of the page request this kernel serves.

    A kernel Voilà started for the request has it in QUERY_STRING. A preheated kernel (VOILA_PREHEAT=True) was
    started before any phone asked: it runs the notebook up to here, then waits until the server hands it a
    request. That is what `voila.utils.wait_for_request()` does, but importing it loads the whole Jupyter server
    into the kernel (+57 MB, measured), so this speaks the same small protocol: one websocket message with the
    request's variables from `/voila/query/<kernel id>`.
    """
    # Always ask when preheated: a QUERY_STRING already in the environment was inherited, not this page's.
    if preheated_and_waiting(environ):
        try:
            info = (receive or _receive_request_info)(_request_info_url(environ))
        except Exception:  # the phone then sees the code entry, which still works
            log.exception("no request info for this preheated kernel")
            info = {}
        environ.pop("QUERY_STRING", None)
        environ.update({str(k): str(v) for k, v in info.items()})
        environ[REQUEST_RECEIVED_ENV] = "1"
    return environ.get("QUERY_STRING", "")


def _request_info_url(environ) -> str:
    # The same variables and defaults as voila.utils.wait_for_request (Voilà 0.5).
    protocol = environ.get("VOILA_WS_PROTOCOL", "ws")
    host = environ.get("VOILA_APP_IP", "127.0.0.1")
    port = environ.get("VOILA_APP_PORT", "8866")
    base = environ.get("VOILA_WS_BASE_URL", environ.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{host}:{port}{base}voila/query/{environ.get('VOILA_KERNEL_ID', '')}"


def _receive_request_info(url: str) -> dict:
    from websockets.sync.client import connect  # 1 MB, and only in preheated kernels

    with connect(url, open_timeout=10, max_size=2**20) as websocket:
        return json.loads(websocket.recv())  # blocks until a phone asks for this page
