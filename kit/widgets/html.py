"""The small HTML widget every view builds its texts from."""

from __future__ import annotations

import ipywidgets as widgets


def html_widget(value: str = "", *classes: str | None) -> widgets.HTML:
    """An `HTML` widget showing `value` (already escaped by the caller), with the CSS classes given (None skipped)."""
    w = widgets.HTML(value)
    for css_class in classes:
        if css_class:
            w.add_class(css_class)
    return w
