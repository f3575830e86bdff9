"""What the kernel changes while a page loads its widgets is sent again (the page may have had no model for it)."""

import ipywidgets as widgets
from ipywidgets.widgets.widget import Widget

from factories import run_on_a_loop_of_its_own
from kit.widgets import late_changes


def comm_without_a_kernel() -> type:
    """The comm class widgets get outside a kernel (from the `comm` package, which ipywidgets brings)."""
    return type(widgets.Layout().comm)


def updates(sent, widget) -> list[dict]:
    return [data["state"] for comm_id, msg_type, data in sent
            if comm_id == widget.model_id and msg_type == "comm_msg" and data.get("method") == "update"]


def test_a_change_made_while_a_page_loads_reaches_it_again_and_a_typed_field_is_left_alone(monkeypatch):
    sent = []
    dummy = comm_without_a_kernel()
    monkeypatch.setattr(dummy, "publish_msg", lambda self, msg_type, data=None, metadata=None, buffers=None,
                        **keys: sent.append((self.comm_id, msg_type, data)))
    monkeypatch.setattr(late_changes, "PASSES_SECONDS", (0.05, 0.15))
    monkeypatch.setattr(late_changes, "_asked_at", None)
    monkeypatch.setattr(Widget, "_control_comm", dummy(target_name="jupyter.widget.control"))
    late_changes.resend_changes_to_loading_pages()
    late_changes.resend_changes_to_loading_pages()  # every page builder calls it: installed once

    async def a_page_loads():
        links = widgets.HTML("Bestanden worden gemaakt…")
        field = widgets.Textarea("")
        title = widgets.HTML("Welkom")
        title.value = "Introductie"  # before the page asked: in the states it gets
        Widget._handle_control_comm_msg({"content": {"data": {"method": "request_states"}}})
        links.value = "<a download='verslag.pdf'>Download verslag.pdf</a>"  # the file was made meanwhile
        field.value = "wat de kernel er zette"  # a person may be typing here: the browser's text wins
        await late_changes.asyncio.sleep(0.3)
        late = widgets.HTML("")
        late.value = "na de laatste ronde"  # the page is long loaded: sent once
        await late_changes.asyncio.sleep(0.2)
        return links, field, title, late

    (links, field, title, late), _ = run_on_a_loop_of_its_own(a_page_loads)
    link = {"value": "<a download='verslag.pdf'>Download verslag.pdf</a>"}
    assert updates(sent, links) == [link, link, link]  # sent, then once per pass
    assert updates(sent, field) == [{"value": "wat de kernel er zette"}]
    assert updates(sent, title) == [{"value": "Introductie"}]
    assert updates(sent, late) == [{"value": "na de laatste ronde"}]
