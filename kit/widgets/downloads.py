"""Files from a page, for people who do not open a terminal: a button makes the file, a link then downloads it.

The file travels inside the link (a data: address), so nothing is written on the laptop that the user did not ask
for, and the page's own server needs no download route.
"""

from __future__ import annotations

import asyncio
import base64
import html
import threading
from typing import Callable

import ipywidgets as widgets

from kit.i18n import t

# A file to offer: its name, MIME type and content, made only when the button is pressed.
MakeFile = Callable[[], "tuple[str, str, bytes]"]


def download_link(name: str, mime: str, data: bytes, label: str) -> str:
    """HTML of a link (styled `tlg-download`) that downloads `data` as the file `name`."""
    return (f"<a class='tlg-download' download='{html.escape(name)}' "
            f"href='data:{mime};base64,{base64.b64encode(data).decode('ascii')}'>{html.escape(label)}</a>")


class Downloads(widgets.VBox):
    """One button per file (`files`: catalog key of the button's label -> how to make the file) and their links."""

    def __init__(self, files: dict[str, MakeFile], intro: widgets.Widget | None = None, at_once: bool = False):
        """`at_once`: no buttons; `make_all()` makes every file and shows its link, so a download is one click."""
        self._files = files
        self._making: threading.Thread | None = None
        self._lock = threading.Lock()
        self._made: list[tuple[str, str, bytes]] = []  # made on the thread, not yet shown on the page
        self._failed = False
        self.buttons: dict[str, widgets.Button] = {}
        self._links: dict[str, str] = {}  # file name -> its link: a second tap makes the file anew, not a second link
        self.links = widgets.HTML()
        for key, make in files.items():
            button = widgets.Button(description=t(key), layout=widgets.Layout(width="auto", margin="2px 8px 2px 0"))
            button.on_click(lambda _, make=make: self.offer(make))
            self.buttons[key] = button
        row = widgets.HBox(list(self.buttons.values()), layout=widgets.Layout(flex_flow="row wrap"))
        self.row = row
        if at_once:
            row.layout.display = "none"
        super().__init__([intro, row, self.links] if intro is not None else [row, self.links])
        self.add_class("tlg-downloads")

    def offer(self, make: MakeFile) -> None:
        self._show_link(*make())

    def _show_link(self, name: str, mime: str, data: bytes) -> None:
        self._links[name] = download_link(name, mime, data, t("download.link", name=name))
        self.links.value = "".join(self._links.values())

    def make_all(self) -> None:
        """Every file, made once in the background (a PDF takes a few seconds); each link appears when ready."""
        if self._making is not None:
            return
        self.links.value = html.escape(t("download.preparing"))
        # The files are made on a thread, the links shown on the kernel's event loop: a widget changed from another
        # thread while a page loads can miss that page (kit.apps.polling says how), and the link never came.
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no page to answer (a script): shown from the thread
            loop = None

        def make():
            try:
                for make_file in self._files.values():
                    with self._lock:
                        self._made.append(make_file())
                    self._on_page(loop)
            except Exception:  # a file that could not be made: the buttons come back, to try again
                self._failed = True
                self._on_page(loop)
                raise

        self._making = threading.Thread(target=make, name="downloads", daemon=True)
        self._making.start()

    def _on_page(self, loop: asyncio.AbstractEventLoop | None) -> None:
        if loop is None:
            self._show_made()
        else:
            loop.call_soon_threadsafe(self._show_made)

    def _show_made(self) -> None:
        with self._lock:
            made, self._made = self._made, []
        for file in made:
            self._show_link(*file)
        if self._failed:
            self.row.layout.display = None
            self.links.value = "".join(self._links.values())

    def wait(self, timeout: float | None = None) -> None:
        """Until the files `make_all` started are made and shown (tests, on the loop's thread; a page never waits).

        Shows what is made at once: the caller holds the loop's thread, so the shows it was sent cannot run yet.
        """
        if self._making is not None:
            self._making.join(timeout)
            self._show_made()

    def clear(self) -> None:
        """Links made for what the page showed before (another team, another period) go."""
        self._links.clear()
        self.links.value = ""
