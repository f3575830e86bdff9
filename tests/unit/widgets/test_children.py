"""Replaced views are closed, in the kernel and so in the browser; what is still shown or kept stays open."""

import ipywidgets as widgets

from kit.widgets.children import replace_children


def row(text):
    return widgets.HBox([widgets.HTML(text), widgets.Button(description="+")])


def parts(widget):
    return [widget, *widget.children, widget.layout, widget.children[1].style]


def test_replaced_children_are_closed_one_replacement_later_with_their_layouts_and_styles():
    box = widgets.VBox()
    first = row("a")
    replace_children(box, [first])
    replace_children(box, [row("b")])
    # A tap that left the phone before the browser drew "b" still reaches a live button.
    assert all(part.comm is not None for part in parts(first))
    replace_children(box, [row("c")])
    assert all(part.comm is None for part in parts(first))
    assert box.children[0].comm is not None and box.children[0].children[0].value == "c"


def test_what_is_still_shown_or_kept_stays_open():
    box = widgets.VBox()
    status, kept, dropped = widgets.HTML("status"), row("kept"), row("dropped")
    replace_children(box, [status, kept, dropped])
    replace_children(box, [status], keep=[kept])
    replace_children(box, [status], keep=[kept])
    assert status.comm is not None
    assert all(part.comm is not None for part in parts(kept))
    assert all(part.comm is None for part in parts(dropped))
    replace_children(box, [kept])  # shown again later, as a group's worksheet is
    assert box.children == (kept,) and kept.children[0].comm is not None


def test_a_closing_put_off_keeps_what_is_shown_again_by_then():
    """The phone closes old views a few seconds after a move; one shown again meanwhile must stay alive."""
    box = widgets.VBox()
    first, second, third = widgets.HTML("1"), widgets.HTML("2"), widgets.HTML("3")
    waiting = []
    replace_children(box, [first], later=waiting.append)
    replace_children(box, [second], later=waiting.append)
    replace_children(box, [third], later=waiting.append)  # would close `first`, but not yet
    assert first.comm is not None
    replace_children(box, [first], later=waiting.append)  # back to the first view before the closing ran
    for close in waiting:
        close()
    assert first.comm is not None and box.children == (first,)
    assert second.comm is None  # shown two replacements ago and not since
