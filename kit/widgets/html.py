"""The small HTML widget every view builds its texts from."""

from __future__ import annotations

import html

import ipywidgets as widgets


def html_widget(value: str = "", *classes: str | None) -> widgets.HTML:
    """An `HTML` widget showing `value` (already escaped by the caller), with the CSS classes given (None skipped)."""
    w = widgets.HTML(value)
    for css_class in classes:
        if css_class:
            w.add_class(css_class)
    return w


def image_html(png: bytes, alt: str, max_height: str | None = None) -> str:
    """A chart as an <img> with its text alternative (ipywidgets' Image has no `alt`): the figures in words."""
    import base64

    style = "max-width:100%;height:auto;object-fit:contain" + (f";max-height:{max_height}" if max_height else "")
    data = base64.b64encode(png).decode("ascii")
    return f"<img src='data:image/png;base64,{data}' alt='{html.escape(alt, quote=True)}' style='{style}'>"


def label_field(field: widgets.Widget, text: str, visible: bool = False) -> widgets.Widget:
    """Give a text field or text area its real label: ipywidgets' `description` is a <label for=…> of the field.

    visible: the label above the field (the worksheet's questions); otherwise only for screen readers, where the
    same words are on the screen already as a heading (a tooltip would not do: a Textarea puts it on the hidden
    label, and the field keeps ipywidgets' zero-width-space placeholder as its only name)."""
    field.description = text
    field.add_class("tlg-field" if visible else "tlg-field-sr")
    return field


def label_by_heading(field: widgets.Widget) -> widgets.Widget:
    """Name a field after the heading just above it (the question): the page sets aria-labelledby
    (kit.serving.voila_extension.a11y_script), so the question is not on the page twice."""
    field.add_class("tlg-label-heading")
    return field
