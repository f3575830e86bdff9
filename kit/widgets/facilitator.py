"""What the facilitator and the room see: agenda, timer, join code, results, and the moderation of open answers.

Views take plain data (template blocks, counts, PNG bytes, answer texts) and report clicks through callbacks.
All participant text is escaped here, at the last moment before it becomes HTML.
"""

from __future__ import annotations

import html
from typing import Callable, Sequence

import ipywidgets as widgets

from kit.i18n import t
from kit.model.template import Block
from kit.widgets.children import replace_children
from kit.widgets.html import html_widget as _html


def _button(label: str, on_click: Callable[[], None], width: str = "auto") -> widgets.Button:
    button = widgets.Button(description=label, layout=widgets.Layout(width=width, min_width="120px", margin="2px 4px"))
    button.on_click(lambda _: on_click())
    return button


def _picture_layout(max_height: str) -> widgets.Layout:
    # Without flex-start and contain, the column stretches the image sideways and the chart's text gets distorted.
    return widgets.Layout(max_width="100%", max_height=max_height, width="auto", align_self="flex-start", object_fit="contain")


class AgendaPanel(widgets.VBox):
    def __init__(self, blocks: Sequence[Block]):
        self.blocks = tuple(blocks)
        self.list = _html("", "tlg-agenda")
        super().__init__([_html(f"<b>{html.escape(t('facilitator.agenda'))}</b>"), self.list])
        self.show(self.blocks[0].key)

    def show(self, current_block_key: str) -> None:
        items = []
        for block in self.blocks:
            current = " class='tlg-current'" if block.key == current_block_key else ""
            minutes = html.escape(t("facilitator.minutes", n=block.minutes))
            items.append(f"<li{current}>{html.escape(block.title)} · {minutes}</li>")
        self.list.value = f"<ul style='padding:0;margin:0'>{''.join(items)}</ul>"


class TimerPanel(widgets.HBox):
    """The block's countdown. The buttons only appear in the facilitator's view, not on a room-only screen."""

    def __init__(self, on_start=None, on_pause=None, on_reset=None):
        self.display = _html("", "tlg-timer")
        children: list[widgets.Widget] = [self.display]
        if on_start:
            self.start_button = _button(t("facilitator.timer_start"), on_start)
            self.pause_button = _button(t("facilitator.timer_pause"), on_pause)
            self.reset_button = _button(t("facilitator.timer_reset"), on_reset)
            children += [self.start_button, self.pause_button, self.reset_button]
        super().__init__(children, layout=widgets.Layout(align_items="center", flex_flow="row wrap"))

    def show(self, label: str, over_time: bool, running: bool) -> None:
        if self.display.value != label:
            self.display.value = html.escape(label)
        (self.display.add_class if over_time else self.display.remove_class)("tlg-timer-over")
        if hasattr(self, "start_button"):
            self.start_button.disabled = running
            self.pause_button.disabled = not running


class JoinPanel(widgets.VBox):
    def __init__(self, join_url: str, code: str, qr_svg_small: str, qr_svg_large: str):
        self.join_url, self.code = join_url, code
        self._small, self._large = qr_svg_small, qr_svg_large
        self.content = _html("", "tlg-join")
        super().__init__([self.content])
        self.set_large(False)

    def set_large(self, large: bool) -> None:
        self.large = large
        qr = self._large if large else self._small
        url = html.escape(self.join_url)
        code = html.escape(self.code)
        if large:
            self.content.value = (
                "<div class='tlg-join-big' style='display:flex;gap:32px;align-items:center'>"
                f"<div>{qr}</div><div><p>{html.escape(t('facilitator.join_at'))}</p>"
                f"<p style='font-size:28px'><b>{url}</b></p>"
                f"<p>{html.escape(t('facilitator.code'))}</p><div class='tlg-join-code'>{code}</div></div></div>"
            )
        else:
            self.content.value = (
                "<div style='display:flex;gap:12px;align-items:center;justify-content:flex-end'>"
                f"<div style='text-align:right'><div style='font-size:16px'>{url}</div>"
                f"<div class='tlg-join-code'>{code}</div></div><div>{qr}</div></div>"
            )


class ScreenPanel(widgets.VBox):
    """Text for the room: a block's screen (paragraphs and bullets) or one prompt in large type."""

    def __init__(self):
        self.content = _html("", "tlg-screen")
        super().__init__([self.content])

    def show_paragraphs(self, lines) -> None:
        parts, bullets = [], []
        for line in lines:
            if line.startswith("- "):
                bullets.append(f"<li>{html.escape(line[2:])}</li>")
                continue
            if bullets:
                parts.append(f"<ul>{''.join(bullets)}</ul>")
                bullets = []
            lead = " style='font-weight:700'" if not parts else ""  # the first line is the screen's headline
            parts.append(f"<p{lead}>{html.escape(line)}</p>")
        if bullets:
            parts.append(f"<ul>{''.join(bullets)}</ul>")
        self.content.value = "".join(parts)

    def show_prompt(self, position: str, prompt: str) -> None:
        self.content.value = f"<p class='tlg-prompt-position'>{html.escape(position)}</p><p class='tlg-prompt'>{html.escape(prompt)}</p>"

    def clear(self) -> None:
        self.content.value = ""


class ResultsPanel(widgets.VBox):
    """The room's view of one question: the count, then (once shown) a chart or the let-through answers."""

    def __init__(self):
        self.question = _html("", "tlg-question-big")
        self.count = _html("", "tlg-count")
        self.note = _html("", "tlg-muted")
        self.chart = widgets.Image(format="png", layout=_picture_layout("50vh"))
        # The figures in words too: for screen readers, and for anyone who cannot read bar lengths from afar.
        self.caption = _html("", "tlg-muted", "tlg-chart-alt")
        self.cards = _html("")
        self.words_title = _html("", "tlg-muted", "tlg-chart-alt")
        self.words_chart = widgets.Image(format="png", layout=_picture_layout("45vh"))
        # The page gives each chart its caption beside it as `alt` (kit.serving.voila_extension.a11y_script).
        self.chart.add_class("tlg-chart")
        self.words_chart.add_class("tlg-chart")
        super().__init__([self.question, self.count, self.note, self.chart, self.caption, self.cards, self.words_title, self.words_chart])
        self.clear()

    def clear(self) -> None:
        self.question.value = self.count.value = self.note.value = self.cards.value = self.words_title.value = ""
        self.caption.value = ""
        self._hide(self.chart)
        self._hide(self.words_chart)

    def show_question(self, text: str, count_label: str) -> None:
        self.question.value = html.escape(text)
        self.count.value = html.escape(count_label)

    def show_note(self, text: str) -> None:
        self.note.value = html.escape(text)

    def show_chart(self, png: bytes | None, caption: str = "") -> None:
        self.caption.value = html.escape(caption)
        if png is None:
            self._hide(self.chart)
        else:
            self.chart.value = png
            self.chart.layout.display = None

    def show_cards(self, texts: Sequence[str]) -> None:
        self.cards.value = "".join(f"<div class='tlg-answer-card'>{html.escape(text)}</div>" for text in texts)

    def show_words(self, png: bytes | None) -> None:
        if png is None:
            self.words_title.value = ""
            self._hide(self.words_chart)
        else:
            self.words_title.value = html.escape(t("facilitator.words"))
            self.words_chart.value = png
            self.words_chart.layout.display = None

    @staticmethod
    def _hide(image: widgets.Image) -> None:
        image.layout.display = "none"


class ModerationPanel(widgets.VBox):
    """Every open answer with a button to let it through to the room or take it back. Only the facilitator's page has it."""

    def __init__(self, on_toggle: Callable[[str, bool], None], on_all: Callable[[bool], None]):
        self._on_toggle = on_toggle
        self.header = _html(f"<b>{html.escape(t('facilitator.moderation'))}</b>")
        self.show_all = _button(t("facilitator.show_all"), lambda: on_all(True))
        self.hide_all = _button(t("facilitator.hide_all"), lambda: on_all(False))
        self.rows = widgets.VBox()
        self.buttons: dict[str, widgets.Button] = {}
        super().__init__([self.header, widgets.HBox([self.show_all, self.hide_all]), self.rows])
        self.layout.display = "none"

    def show(self, answers: Sequence[tuple[str, str, bool]] | None) -> None:
        """answers: (participant pseudonym, text, shown); None hides the panel (not an open question)."""
        if answers is None:
            self.layout.display = "none"
            replace_children(self.rows, [])
            self.buttons = {}
            return
        self.layout.display = None
        rows, buttons = [], {}
        for participant, text, shown in answers:
            label = t("facilitator.hide_answer") if shown else t("facilitator.show_answer")
            button = _button(label, lambda p=participant, s=shown: self._on_toggle(p, not s), "120px")
            button.button_style = "" if shown else "info"
            button.tooltip = f"{label}: {text[:80]}"  # one name per answer ("Verberg: …"), see a11y_script
            button.add_class("tlg-named")
            marker = "✓ " if shown else ""
            text_view = _html(f"{marker}{html.escape(text)}", "tlg-moderation")
            text_view.layout.flex = "1 1 auto"
            rows.append(widgets.HBox([button, text_view]))
            buttons[participant] = button
        self.buttons = buttons
        replace_children(self.rows, rows)


class CloseSessionPanel(widgets.VBox):
    """At the last step: end the session. A second tap confirms, because nobody can answer after it."""

    def __init__(self, on_close: Callable[[], None]):
        self._on_close = on_close
        self.close_button = _button(t("facilitator.close_session"), self.ask)
        self.yes_button = _button(t("facilitator.close_yes"), self.confirm)
        self.yes_button.button_style = "danger"
        self.no_button = _button(t("facilitator.close_no"), self.cancel)
        self.confirmation = widgets.VBox([_html(html.escape(t("facilitator.close_confirm")), "tlg-guidance"),
                                          widgets.HBox([self.yes_button, self.no_button])])
        super().__init__([self.close_button, self.confirmation], layout=widgets.Layout(margin="8px 0"))
        self.show(False)

    def show(self, offered: bool) -> None:
        """Called on every render: a question already asked stays asked while the last step is open."""
        self.layout.display = None if offered else "none"
        if not offered:
            self.cancel()

    def ask(self) -> None:
        self.close_button.layout.display = "none"
        self.confirmation.layout.display = None

    def cancel(self) -> None:
        self.close_button.layout.display = None
        self.confirmation.layout.display = "none"

    def confirm(self) -> None:
        self._on_close()

