"""The naslag on a phone and on the projector.

- `ReferencePhoneView`: a list of big buttons, one per section; a tap shows that section, with big buttons back
  to the list and back to the session (`on_close`).
- `ReferenceDrawer`: wraps whatever the phone shows during the session, with a "Naslag" button above it. The
  session widget stays the same object while the naslag is open, so it keeps updating and is current again
  the moment the participant goes back.
- `ReferenceScreenView`: one section in large type for the projector, or nothing.
- `reference_picker`: the facilitator's dropdown that chooses what the screen view shows.

Views keep the widget in `.widget` (like the apps), so `.close()` can mean "back to the session" without
touching ipywidgets' own `Widget.close()`. Every text from the YAML is escaped before it becomes HTML.
No pandas, no matplotlib, no database: this runs in every participant kernel.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Callable

import ipywidgets as widgets

from kit.i18n import language, t

if TYPE_CHECKING:
    from kit.authoring.naslag import Reference, ReferenceSection

NOTHING = ""  # the picker's value for "nothing on the screen"


def load_reference():
    # Imported on first use: the naslag is YAML, and a phone that never opens it should not load a YAML parser.
    from kit.authoring.naslag import load_reference as load

    return load(language())

REFERENCE_CSS = """
<style>
.tlg-reference-phone { max-width: 560px; margin: 0 auto; color: #111; box-sizing: border-box; }
.tlg-reference-phone .jupyter-widgets { box-sizing: border-box; max-width: 100%; }
.tlg-reference-phone .widget-html-content { font-size: 20px; line-height: 1.45; }
.tlg-reference-phone h2.tlg-reference-title { font-size: 24px; line-height: 1.25; margin: 8px 0 10px; color: #1f4e79; }
.tlg-reference-phone .tlg-reference-text p { margin: 0 0 10px; }
.tlg-reference-phone .tlg-reference-text ul { margin: 0 0 10px; padding-left: 1.2em; }
.tlg-reference-phone .tlg-reference-text li { margin: 6px 0; }
.tlg-reference-phone .tlg-reference-bron .widget-html-content { font-size: 14px; color: #555; line-height: 1.3; }
button.tlg-reference-item, button.tlg-reference-back, button.tlg-reference-close, button.tlg-reference-open {
  width: 100%; min-height: 56px; height: auto; font-size: 20px; line-height: 1.25; padding: 10px 14px;
  margin: 5px 0; border-radius: 12px; white-space: normal; overflow: visible; text-overflow: clip; }
button.tlg-reference-item { text-align: left; border: 2px solid #1f4e79; background: #fff; color: #1f4e79; }
button.tlg-reference-back { border: 2px solid #1f4e79; background: #fff; color: #1f4e79; }
button.tlg-reference-close { border: 2px solid #1f4e79; background: #1f4e79; color: #fff; font-weight: 700; }
button.tlg-reference-open { border: 2px dashed #1f4e79; background: #f3f6fa; color: #1f4e79; }
/* On the room's one screen beside a step's content (the afwegingskader stays up through the worksheet): type that
   follows the window, so a section fits 1024×768 as well as 1920×1080. */
.tlg-reference-screen .widget-html-content { font-size: clamp(16px, 0.7vw + 1.2vh, 30px); line-height: 1.3; color: #111; }
.tlg-reference-screen .tlg-reference-title { font-size: clamp(22px, 1vw + 1.8vh, 44px); font-weight: 700; line-height: 1.2;
  color: #1f4e79; margin: 0 0 0.3em; }
.tlg-reference-screen .tlg-reference-text p { margin: 0 0 0.4em; }
.tlg-reference-screen .tlg-reference-text ul { margin: 0 0 0.4em; padding-left: 1.2em; }
.tlg-reference-screen .tlg-reference-text li { margin: 0.15em 0; }
.tlg-reference-picker select { font-size: 18px; }
</style>
"""


def reference_style() -> widgets.HTML:
    """The CSS as a widget; add it once to the page (participant and facilitator alike)."""
    return widgets.HTML(REFERENCE_CSS)


def section_body_html(section: ReferenceSection) -> str:
    """The items as escaped HTML: paragraphs, and runs of "- " items as one <ul>."""
    out = []
    for kind, content in section.parts():
        if kind == "ul":
            out.append("<ul>" + "".join(f"<li>{html.escape(text)}</li>" for text in content) + "</ul>")
        else:
            out.append(f"<p>{html.escape(content)}</p>")
    return f"<div class='tlg-reference-text'>{''.join(out)}</div>"


def section_html(section: ReferenceSection, title_tag: str = "h2") -> str:
    title = f"<{title_tag} class='tlg-reference-title'>{html.escape(section.title)}</{title_tag}>"
    return title + section_body_html(section)


def _button(description: str, css_class: str, on_click: Callable[[], None]) -> widgets.Button:
    button = widgets.Button(
        description=description,
        tooltip=description,
        layout=widgets.Layout(width="100%", height="auto", min_height="56px"),
    )
    button.add_class(css_class)
    button.on_click(lambda _: on_click())
    return button


class ReferencePhoneView:
    """The naslag on a phone. `.open(key)`, `.show_list()` and `.close()` do what the buttons do."""

    def __init__(self, reference: Reference | None = None, on_close: Callable[[], None] | None = None):
        self.reference = reference if reference is not None else load_reference()
        self.on_close = on_close
        self.current_key: str | None = None

        heading = widgets.HTML(
            f"<h2 class='tlg-reference-title'>{html.escape(self.reference.title)}</h2>"
            f"<p>{html.escape(t('reference.list_intro'))}</p>"
        )
        self.section_buttons: dict[str, widgets.Button] = {
            s.key: _button(s.title, "tlg-reference-item", lambda k=s.key: self.open(k)) for s in self.reference
        }
        self.list_close_button = _button(t("reference.back_to_session"), "tlg-reference-close", self.close)
        source = html.escape(t("reference.source", source=self.reference.bron))
        bron = widgets.HTML(f"<p>{source}</p>" if self.reference.bron else "")
        bron.add_class("tlg-reference-bron")
        self.list_box = widgets.VBox([heading, *self.section_buttons.values(), self.list_close_button, bron])

        self.text = widgets.HTML("")
        self.back_top_button = _button(t("reference.back_to_list"), "tlg-reference-back", self.show_list)
        self.back_button = _button(t("reference.back_to_list"), "tlg-reference-back", self.show_list)
        self.close_button = _button(t("reference.back_to_session"), "tlg-reference-close", self.close)
        self.section_box = widgets.VBox([self.back_top_button, self.text, self.back_button, self.close_button])

        self.widget = widgets.VBox([self.list_box], layout=widgets.Layout(width="100%"))
        self.widget.add_class("tlg-reference-phone")

    def open(self, key: str) -> None:
        """Show one section; a KeyError for a key the naslag does not have."""
        section = self.reference.section(key)
        self.text.value = section_html(section)
        self.current_key = key
        self.widget.children = (self.section_box,)

    def show_list(self) -> None:
        self.current_key = None
        self.widget.children = (self.list_box,)

    def close(self) -> None:
        """Back to the session: the list is shown next time, and `on_close` is called."""
        self.show_list()
        if self.on_close is not None:
            self.on_close()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class ReferenceDrawer:
    """What the phone shows during a session, with the naslag one tap away.

    The app puts `drawer.widget` where it used to put its content and calls `drawer.set_session(w)` whenever
    the phone's content changes (from any thread). While the naslag is open that content is kept, not shown.
    """

    def __init__(self, session_widget: widgets.Widget | None = None, reference: Reference | None = None):
        self._reference = reference
        self._phone: ReferencePhoneView | None = None
        self.open_button = _button(t("reference.open"), "tlg-reference-open", self.open)
        self.session_widget = session_widget if session_widget is not None else widgets.VBox()
        self.is_open = False
        self.widget = widgets.VBox([self.open_button, self.session_widget], layout=widgets.Layout(width="100%"))
        self.widget.add_class("tlg-reference-drawer")

    @property
    def phone(self) -> ReferencePhoneView:
        """Built on the first tap, so a phone that never opens the naslag never parses it."""
        if self._phone is None:
            self._phone = ReferencePhoneView(self._reference, on_close=self._show_session)
        return self._phone

    def set_session(self, session_widget: widgets.Widget) -> None:
        self.session_widget = session_widget
        if not self.is_open:
            self.widget.children = (self.open_button, session_widget)

    def open(self, key: str | None = None) -> None:
        self.is_open = True
        if key is None:
            self.phone.show_list()
        else:
            self.phone.open(key)
        self.widget.children = (self.phone.widget,)

    def close(self) -> None:
        self.phone.close()  # calls _show_session

    def _show_session(self) -> None:
        self.is_open = False
        self.widget.children = (self.open_button, self.session_widget)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class ReferenceScreenView:
    """One section in large type on the projector, or nothing (then it takes no room)."""

    def __init__(self, reference: Reference | None = None):
        self.reference = reference if reference is not None else load_reference()
        self.current_key: str | None = None
        self.widget = widgets.HTML("", layout=widgets.Layout(display="none"))  # stretched by the room, inside its margins
        self.widget.add_class("tlg-reference-screen")

    def show(self, key: str | None) -> None:
        """Show the section with this key, or nothing for None (or ""); a KeyError for an unknown key."""
        if not key:
            self.current_key = None
            self.widget.value = ""
            self.widget.layout.display = "none"
            return
        section = self.reference.section(key)
        self.current_key = key
        self.widget.value = section_html(section, title_tag="div")
        self.widget.layout.display = None

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def reference_picker(
    reference: Reference | None, on_pick: Callable[[str | None], None], description: str | None = None
) -> widgets.Dropdown:
    """A dropdown of section titles for the facilitator; calls `on_pick(key)`, or `on_pick(None)` for nothing.

    Set `picker.value = NOTHING` (or a key) from code to change the choice; `on_pick` is called then too.
    """
    reference = reference if reference is not None else load_reference()
    options = [(t("reference.nothing_on_screen"), NOTHING)] + [(s.title, s.key) for s in reference]
    picker = widgets.Dropdown(
        options=options,
        value=NOTHING,
        description=description or t("reference.picker"),
        style={"description_width": "initial"},
        layout=widgets.Layout(width="auto", max_width="100%"),
    )
    picker.add_class("tlg-reference-picker")

    def changed(change):
        key = change["new"]
        on_pick(key if key in reference else None)

    picker.observe(changed, names="value")
    return picker
