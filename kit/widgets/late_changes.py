"""Changes the kernel makes while a page is still loading its widgets are sent again, so the page cannot miss them.

A Voilà page asks the kernel for the state of every widget (`request_states`), and only then, one by one, creates
its models and the comms they listen on. An update the kernel sends in between (a download link whose file was just
made, a phone's view that followed the facilitator) reaches a page that has no model for it yet, and the browser
drops it without a word: the page kept "Bestanden worden gemaakt…" for good while the kernel held the links (a
re-served closed session in test_closing, in two clean-clone runs). Nothing tells the kernel when the page is done,
so every widget property the kernel changed after a page asked for the states is sent again a few times within the
next seconds: by the last pass the slowest page has its models, and a page that got the first update sees the same
value again.

Only properties the kernel changed are sent again, never a field's value a person types or picks (the browser's
own value could be newer than the kernel's), and only for the first seconds of a page.
"""

from __future__ import annotations

import asyncio
import logging
import time
import weakref

import ipywidgets as widgets
from ipywidgets.widgets.widget import Widget

log = logging.getLogger(__name__)

# Seconds after a page asked for the widget states at which what changed since is sent again. The page of a slow
# phone, or of the facilitator's laptop while 60 phones arrive, needs well over a second to make its models.
PASSES_SECONDS = (1.0, 3.0, 8.0)

# Widgets whose `value` a person sets in the page; the kernel's copy may lag behind what is typed.
_DISPLAY_ONLY = (widgets.HTML, widgets.HTMLMath, widgets.Label)

_original_send_state = None  # Widget.send_state before install: sends without remembering
_asked_at: float | None = None  # time.monotonic() of the last request_states
_changed: "weakref.WeakKeyDictionary[Widget, set[str]]" = weakref.WeakKeyDictionary()


def resend_changes_to_loading_pages() -> None:
    """Install once per kernel; every page builder calls it."""
    global _original_send_state
    if _original_send_state is not None:
        return
    _original_send_state = Widget.send_state
    answer_states = Widget._handle_control_comm_msg.__func__

    def handle_control_comm_msg(cls, msg):
        answer_states(cls, msg)
        if msg.get("content", {}).get("data", {}).get("method") == "request_states":
            _page_asked()

    def send_state_and_remember(self, key=None):
        _original_send_state(self, key)
        if _asked_at is not None and time.monotonic() - _asked_at < PASSES_SECONDS[-1]:
            _remember(self, key)

    Widget._handle_control_comm_msg = classmethod(handle_control_comm_msg)
    Widget.send_state = send_state_and_remember


def seconds_until_page_settled() -> float:
    """How long until this kernel's page has made its widget models (the last pass for it is over): a widget made
    from then on is not made while the page makes its models. Before the page asked at all: a second, to look again
    (a preheated kernel runs its notebook before anyone asks)."""
    if _asked_at is None:
        return 1.0
    return max(0.0, _asked_at + PASSES_SECONDS[-1] - time.monotonic())


def _page_asked() -> None:
    global _asked_at
    _asked_at = time.monotonic()
    _changed.clear()
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # no kernel loop (a script): nothing is loading
        return
    for delay in PASSES_SECONDS:
        loop.call_later(delay, _send_again)


def _remember(widget: Widget, key) -> None:
    names = widget.keys if key is None else [key] if isinstance(key, str) else list(key)
    if isinstance(widget, widgets.ValueWidget) and not isinstance(widget, _DISPLAY_ONLY):
        names = [name for name in names if name != "value"]
    if names:
        _changed.setdefault(widget, set()).update(names)


def _send_again() -> None:
    for widget, names in list(_changed.items()):
        if widget.comm is None:  # closed since
            continue
        try:
            _original_send_state(widget, sorted(names))
        except Exception:
            log.exception("could not send a widget's state again")
