"""The facilitator's notes for the current block: folded under one button, opened with one tap.

`NotesPanel` is for the facilitator's page only (never the projector's `RoomScreen`, never a phone). It carries its
own CSS, so the page it is added to needs nothing else. `show(block)` fills it with that block's `notes` (the aim,
the steps, what to watch for, tips) and folds it again when the block changes: a laptop that is itself on the
projector shows the notes only while the facilitator holds them open. Every text from the template is escaped.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from kit.i18n import t
from kit.widgets.html import html_widget

if TYPE_CHECKING:
    from kit.model.template import Block, Notes

# Large enough to read from a step back at 1366×768; its own scroll area, so the controls stay where they are.
NOTES_CSS = """
<style>
.tlg-notes { margin: 6px 0 10px; }
button.tlg-notes-toggle { width: auto; min-width: 320px; height: auto; min-height: 44px; font-size: 18px;
  padding: 6px 14px; border: 2px solid #1f4e79; border-radius: 10px; background: #f3f6fa; color: #1f4e79;
  text-align: left; white-space: normal; }
.tlg-notes-body { border-left: 4px solid #1f4e79; background: #fbfcfe; padding: 4px 16px 8px; margin-top: 6px;
  max-height: 52vh; overflow-y: auto; }
.tlg-notes-body .widget-html-content { font-size: 19px; line-height: 1.45; color: #111; }
.tlg-notes-body h3 { font-size: 19px; margin: 12px 0 4px; color: #1f4e79; }
.tlg-notes-body p { margin: 0 0 8px; }
.tlg-notes-body ol, .tlg-notes-body ul { margin: 0 0 8px; padding-left: 1.4em; }
.tlg-notes-body li { margin: 4px 0; }
</style>
"""

SECTIONS = ("stappen", "let_op", "tips")


def notes_html(notes: Notes | None) -> str:
    """The notes as escaped HTML: the aim as a paragraph, the steps numbered, the rest as bullets."""
    if notes is None or not (notes.doel or any(getattr(notes, name) for name in SECTIONS)):
        return f"<p class='tlg-notes-none'>{html.escape(t('notes.none'))}</p>"
    out = []
    if notes.doel:
        out.append(f"<h3>{html.escape(t('notes.doel'))}</h3><p class='tlg-notes-doel'>{html.escape(notes.doel)}</p>")
    for name in SECTIONS:
        items = getattr(notes, name)
        if items:
            tag = "ol" if name == "stappen" else "ul"
            lines = "".join(f"<li>{html.escape(item)}</li>" for item in items)
            out.append(f"<h3>{html.escape(t(f'notes.{name}'))}</h3><{tag} class='tlg-notes-{name}'>{lines}</{tag}>")
    return "".join(out)


class NotesPanel(widgets.VBox):
    """A toggle button and, when open, the current block's notes."""

    def __init__(self):
        self.toggle = widgets.Button(description=t("notes.open"), tooltip=t("notes.open"))
        self.toggle.add_class("tlg-notes-toggle")
        self.toggle.on_click(lambda _button: self.set_open(not self.is_open))
        self.body = html_widget("", "tlg-notes-body")
        self.body.layout.display = "none"
        self.block_key: str | None = None
        super().__init__([widgets.HTML(NOTES_CSS), self.toggle, self.body])
        self.add_class("tlg-notes")

    @property
    def is_open(self) -> bool:
        return self.body.layout.display != "none"

    def set_open(self, value: bool) -> None:
        self.body.layout.display = None if value else "none"
        label = t("notes.close" if value else "notes.open")
        self.toggle.description = self.toggle.tooltip = label

    def show(self, block: Block | None) -> None:
        """The notes of `block`, folded when the block changes; None hides the whole panel (a closed session)."""
        self.layout.display = "none" if block is None else None
        key = None if block is None else block.key
        if key != self.block_key:
            self.block_key = key
            self.set_open(False)
        self.body.value = "" if block is None else notes_html(block.notes)
