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


def _fitting_picture() -> widgets.Layout:
    # The picture gets the height left in its column (flex) and scales into it without distortion (contain).
    return widgets.Layout(flex="1 1 0", min_height="0", width="100%", max_width="100%", object_fit="contain",
                          object_position="left top")


def short_title(title: str) -> str:
    """An agenda item's name: the part before a colon ("Werkvorm 3"), the whole title when it has none."""
    return title.split(":", 1)[0].strip() or title


class AgendaPanel(widgets.VBox):
    """The agenda with the current block marked, skipped blocks struck out, and the time left until the planned
    end. With `on_jump` (the facilitator's page) every item is a button that jumps to its block, and with
    `on_skip(key, skip)` an optional block has a button to skip it (or take it back); the room's screen shows
    the same list as text."""

    def __init__(self, blocks: Sequence[Block], on_jump: Callable[[str], None] | None = None,
                 on_skip: Callable[[str, bool], None] | None = None):
        self.blocks = tuple(blocks)
        self.items: dict[str, widgets.Widget] = {}
        self.skip_buttons: dict[str, widgets.Button] = {}
        rows: list[widgets.Widget] = []
        for block in self.blocks:
            if on_jump is not None:
                item = widgets.Button(tooltip=t("room.agenda_jump", title=block.title),
                                      layout=widgets.Layout(width="100%"))
                item.on_click(lambda _, key=block.key: on_jump(key))
            else:
                item = _html("")
            item.add_class("tlg-agenda-item")
            self.items[block.key] = item
            rows.append(item)
            if block.optional and on_skip is not None:
                skip = widgets.Button(layout=widgets.Layout(width="auto"))
                skip.on_click(lambda _, key=block.key: on_skip(key, key not in self.skipped))
                skip.add_class("tlg-agenda-skip")
                self.skip_buttons[block.key] = skip
                rows.append(skip)
        self.remaining = _html("", "tlg-agenda-remaining")
        super().__init__([_html(f"<b>{html.escape(t('facilitator.agenda'))}</b>"), self.remaining, *rows])
        self.add_class("tlg-agenda")
        self.current: str | None = None
        self.skipped: tuple[str, ...] | None = None
        self.show(self.blocks[0].key, ())

    def show(self, current_block_key: str, skipped: Sequence[str] = ()) -> None:
        skipped = tuple(skipped)
        if current_block_key == self.current and skipped == self.skipped:
            return
        self.current, self.skipped = current_block_key, skipped
        for block in self.blocks:
            item = self.items[block.key]
            gone = block.key in skipped
            when = t("room.agenda_skipped") if gone else t("facilitator.minutes", n=block.minutes)
            label = f"{short_title(block.title)} · {when}"
            if isinstance(item, widgets.Button):
                item.description = label
            else:
                item.value = html.escape(label)
            (item.add_class if block.key == current_block_key else item.remove_class)("tlg-current")
            (item.add_class if gone else item.remove_class)("tlg-skipped")
            if block.key in self.skip_buttons:
                self.skip_buttons[block.key].description = t(
                    "room.agenda_unskip" if gone else "room.agenda_skip", title=short_title(block.title))

    def show_remaining(self, label: str) -> None:
        """The time left until the planned end; set every refresh, so only a new text goes to the page."""
        if self.remaining.value != html.escape(label):
            self.remaining.value = html.escape(label)

    def set_enabled(self, enabled: bool) -> None:
        for button in (*self.items.values(), *self.skip_buttons.values()):
            if isinstance(button, widgets.Button):
                button.disabled = not enabled


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
    """The join code, link and QR: small in the room view's top bar, or large in its main area (while people
    arrive). Only one of the two is ever in the page, so the code is on the screen exactly once."""

    def __init__(self, join_url: str, code: str, qr_svg_small: str, qr_svg_large: str):
        self.join_url, self.code = join_url, code
        self._small, self._large = qr_svg_small, qr_svg_large
        self.content = _html("", "tlg-join")
        self.big = _html("", "tlg-join", "tlg-join-big-box")
        super().__init__([self.content])
        self.large: bool | None = None
        self.set_large(False)

    def set_large(self, large: bool) -> None:
        self.large = large
        url = html.escape(self.join_url)
        code = html.escape(self.code)
        # Only the shown one carries the class: `.tlg-join` is the join panel the page shows.
        (self.big if large else self.content).add_class("tlg-join")
        (self.content if large else self.big).remove_class("tlg-join")
        if large:
            self.content.value = ""
            self.layout.display = "none"
            self.big.layout.display = None
            self.big.value = (
                "<div class='tlg-join-big'>"
                f"<div class='tlg-join-qr'>{self._large}</div><div class='tlg-join-text'>"
                f"<p>{html.escape(t('facilitator.join_at'))}</p>"
                f"<p class='tlg-join-url'><b>{url}</b></p>"
                f"<p>{html.escape(t('facilitator.code'))}</p><div class='tlg-join-code'>{code}</div></div></div>"
            )
        else:
            self.big.value = ""
            self.big.layout.display = "none"
            self.layout.display = None
            self.content.value = (
                "<div class='tlg-join-small'>"
                f"<div class='tlg-join-text'><div class='tlg-join-url'>{url}</div>"
                f"<div class='tlg-join-code'>{code}</div></div><div class='tlg-join-qr'>{self._small}</div></div>"
            )


class ScreenPanel(widgets.VBox):
    """Text for the room: a block's screen (paragraphs and bullets) or one prompt in large type."""

    def __init__(self):
        self.content = _html("", "tlg-screen")
        self.thinking = _html("", "tlg-thinking")  # a prompt's thinking time, under the prompt
        self.thinking.layout.display = "none"
        super().__init__([self.content, self.thinking])

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

    def show_thinking(self, label: str) -> None:
        """The thinking time left ("" hides it). Set every refresh, so only a new text goes to the page."""
        if self.thinking.value != html.escape(label):
            self.thinking.value = html.escape(label)
        self.thinking.layout.display = None if label else "none"

    def clear(self) -> None:
        self.content.value = ""


class ResultsPanel(widgets.VBox):
    """The room's view of one question: the count, then (once shown) a chart or the let-through answers.

    The chart takes what is left of the screen's height (CSS flex) and scales to it, so its last bar stays in
    the window on a 1024×768 projector as on 1920×1080."""

    def __init__(self):
        self.question = _html("", "tlg-question-big")
        self.count = _html("", "tlg-count")
        self.note = _html("", "tlg-muted")
        self.chart = widgets.Image(format="png", layout=_fitting_picture())
        self.chart.add_class("tlg-chart")
        # The figures in words too: for screen readers, and for anyone who cannot read bar lengths from afar.
        self.caption = _html("", "tlg-muted", "tlg-caption", "tlg-chart-alt")
        self.cards = _html("", "tlg-cards")
        self.words_title = _html("", "tlg-muted", "tlg-chart-alt")
        self.words_chart = widgets.Image(format="png", layout=_fitting_picture())
        self.words_chart.add_class("tlg-chart")
        # The page gives each chart its caption beside it as `alt` (kit.serving.voila_extension.a11y_script).
        self.words = widgets.VBox([self.words_title, self.words_chart], layout=widgets.Layout(width="40%", min_height="0"))
        self.words.add_class("tlg-words")
        self.answers_row = widgets.HBox([self.cards, self.words])
        self.answers_row.add_class("tlg-answers-row")
        super().__init__([self.question, self.count, self.note, self.chart, self.caption, self.answers_row])
        self.add_class("tlg-results")
        self.clear()

    def clear(self) -> None:
        self.question.value = self.count.value = self.note.value = self.cards.value = self.words_title.value = ""
        self.caption.value = ""
        self._hide(self.chart)
        self.show_words(None)
        self.layout.display = "none"

    def show_question(self, text: str, count_label: str) -> None:
        self.layout.display = None
        self.question.value = html.escape(text)
        self.count.value = html.escape(count_label)

    def show_note(self, text: str) -> None:
        self.note.value = html.escape(text)
        self.note.layout.display = None if text else "none"

    def show_chart(self, png: bytes | None, caption: str = "") -> None:
        self.caption.value = html.escape(caption)
        if png is None:
            self._hide(self.chart)
        else:
            self.chart.value = png
            self.chart.layout.display = None

    def show_cards(self, texts: Sequence[str]) -> None:
        self.cards.value = "".join(f"<div class='tlg-answer-card'>{html.escape(text)}</div>" for text in texts)
        self.answers_row.layout.display = None if texts else "none"

    def show_words(self, png: bytes | None) -> None:
        if png is None:
            self.words_title.value = ""
            self._hide(self.words_chart)
            self.words.layout.display = "none"
        else:
            self.words.layout.display = None
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
        self.pending = 0  # answers not let through yet: the private panel's button counts them
        super().__init__([self.header, widgets.HBox([self.show_all, self.hide_all]), self.rows])
        self.layout.display = "none"

    def show(self, answers: Sequence[tuple[str, str, bool]] | None) -> None:
        """answers: (participant pseudonym, text, shown); None hides the panel (not an open question)."""
        if answers is None:
            self.layout.display = "none"
            replace_children(self.rows, [])
            self.buttons = {}
            self.pending = 0
            return
        self.pending = sum(1 for *_, shown in answers if not shown)
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



class PrivatePanel(widgets.VBox):
    """What only the facilitator should see (answers not let through, hidden post-its, worksheet answers not yet
    shown, guidance, forms). Folded away by default; opened on purpose, it says that a mirrored room sees it too."""

    def __init__(self, children: Sequence[widgets.Widget]):
        self.warning = _html(f"⚠ {html.escape(t('room.private_warning'))}", "tlg-private-warning")
        super().__init__([self.warning, *children])
        self.add_class("tlg-private")
        self.layout.display = "none"

    @property
    def is_open(self) -> bool:
        return self.layout.display != "none"


class ConfirmBar(widgets.VBox):
    """A question before a step that would cut people off (groups still writing): yes runs what was asked."""

    def __init__(self):
        self.message = _html("", "tlg-confirm")
        self._pending: Callable[[], None] | None = None
        self.yes_button = _button(t("room.leave_yes"), self.confirm)
        self.yes_button.button_style = "danger"
        self.no_button = _button(t("room.leave_no"), self.cancel)
        super().__init__([self.message, widgets.HBox([self.yes_button, self.no_button])])
        self.layout.display = "none"

    def ask(self, message: str, action: Callable[[], None]) -> None:
        self._pending = action
        self.message.value = html.escape(message)
        self.layout.display = None

    def confirm(self) -> None:
        action, self._pending = self._pending, None
        self.layout.display = "none"
        if action is not None:
            action()

    def cancel(self) -> None:
        self._pending = None
        self.layout.display = "none"
