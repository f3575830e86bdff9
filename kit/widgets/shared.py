"""Layout and style models shared by the widgets of one phone page.

Every ipywidgets 8 widget is a comm, and each HTML or Button brings a Layout and a Style model of its own: a
question view with four options was 41 models, most of them identical empty layouts and styles, each created,
serialised into the page's widget state and read by the phone's JavaScript. Widgets whose layout and style never
change share one instance per kernel instead (measured with benchmarks/join_storm.py: 41 -> 22 models per view).

A shared part is never closed when a view is replaced (kit.widgets.children skips it), and nothing may change its
traits: a widget that hides or resizes itself gets a layout of its own.
"""

from __future__ import annotations

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle

_parts: dict[tuple, widgets.Widget] = {}


def _shared(kind: type, **traits) -> widgets.Widget:
    key = (kind, tuple(sorted(traits.items())))
    part = _parts.get(key)
    if part is None or part.comm is None:  # never made, or closed after all
        part = _parts[key] = kind(**traits)
        part._tlg_shared = True
    return part


def is_shared(part: widgets.Widget) -> bool:
    return getattr(part, "_tlg_shared", False)


def layout(**traits) -> widgets.Layout:
    """A Layout with these traits, one per kernel; never change it."""
    return _shared(widgets.Layout, **traits)


def html(value: str = "", *classes: str | None) -> widgets.HTML:
    """An HTML widget (value already escaped) with the shared plain layout and style, and these CSS classes."""
    w = widgets.HTML(value, layout=layout(), style=_shared(HTMLStyle))
    for css_class in classes:
        if css_class:
            w.add_class(css_class)
    return w


def button(description: str, **layout_traits) -> widgets.Button:
    """A Button with the shared button style and a shared layout of these traits."""
    return widgets.Button(description=description, layout=layout(**layout_traits), style=_shared(widgets.ButtonStyle))


def vbox(children=(), **layout_traits) -> widgets.VBox:
    return widgets.VBox(list(children), layout=layout(**layout_traits))
