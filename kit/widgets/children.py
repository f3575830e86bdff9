"""Replacing what a box shows without leaving the old widgets alive.

A widget lives on in the kernel and in the browser until it is closed, even when no box shows it any more. A phone
walks through some forty steps and a sticker board is rebuilt on every tap, so views that are only dropped pile up
to thousands of widgets per kernel and per phone over a session.

What a box showed is closed one replacement later, not at once: the browser draws the new children a moment after
the kernel sent them, and a tap on a button still on the screen in that moment must reach a live widget (whose
handler checks everything again) instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import ipywidgets as widgets

from kit.widgets.shared import is_shared


def _tree(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    """The widget, its layout and style (widgets of their own), and everything inside it."""
    yield widget
    for part in (getattr(widget, "layout", None), getattr(widget, "style", None)):
        if isinstance(part, widgets.Widget) and not is_shared(part):  # shared by other views: stays open
            yield part
    for child in getattr(widget, "children", ()):
        yield from _tree(child)


def close_tree(widget: widgets.Widget) -> None:
    """Close a widget that no box shows, with everything inside it (shared parts stay)."""
    for part in _tree(widget):
        part.close()


def replace_children(box: widgets.Box, children: Iterable[widgets.Widget],
                     keep: Iterable[widgets.Widget] = (), later: Callable[[Callable[[], None]], None] | None = None) -> None:
    """Show `children` in `box`; close what it showed the time before, except what is shown again or in `keep`
    (a view that comes back later, such as a group's worksheet). With `later` (given the closing to run), the
    closing waits: what is still shown or kept by then stays open."""
    retiring = getattr(box, "_retired_children", ())
    box._retired_children = box.children
    box.children = tuple(children)
    keep = tuple(keep)

    def close_retiring():
        alive = {part for widget in (*box.children, *box._retired_children, *keep) for part in _tree(widget)}
        for widget in retiring:
            for part in _tree(widget):
                if part not in alive:
                    part.close()

    if later is None:
        close_retiring()
    else:
        later(close_retiring)
