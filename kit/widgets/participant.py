"""What a phone shows: the code entry, the waiting screen and one question at a time.

A view reports an answer through `submit(question_key, value)`, which returns (saved, message); it shows the
outcome, but it never decides whether an answer is valid: the kernel-side session does.
"""

from __future__ import annotations

import html
from typing import Callable, Sequence

import ipywidgets as widgets

from kit.i18n import t
from kit.model.template import Question
from kit.widgets import shared
from kit.widgets.html import html_widget, label_by_heading, label_field
from kit.widgets.shared import html as _html

Submit = Callable[[str, object], "tuple[bool, str]"]


class CodeEntry(widgets.VBox):
    """Shown when the page was opened without a (valid) code."""

    def __init__(self, on_join: Callable[[str], None], message: str = ""):
        self.code = label_field(widgets.Text(placeholder=t("participant.code_placeholder"),
                                             layout=widgets.Layout(width="100%")), t("a11y.code_label"))
        self.code.add_class("tlg-code")
        self.join_button = widgets.Button(description=t("participant.join"), layout=widgets.Layout(width="100%"))
        self.join_button.add_class("tlg-send")
        self.message = _html("", "tlg-status")
        self.message.add_class("tlg-status-error")
        self.show_message(message)
        self.join_button.on_click(lambda _: on_join(self.code.value))
        super().__init__([_html(html.escape(t("participant.ask_code"))), self.code, self.join_button, self.message],
                         layout=shared.layout())

    def show_message(self, message: str) -> None:
        self.message.value = html.escape(message)


class WaitingView(widgets.VBox):
    def __init__(self, block_title: str, hint_text: str | None = None):
        waiting = _html(html.escape(t("participant.waiting")), "tlg-waiting", "tlg-heading")
        now = _html(f"<p style='text-align:center'>{html.escape(t('participant.now', block=block_title))}</p>")
        hint_text = hint_text or t("participant.waiting_hint")
        hint = _html(f"<p style='text-align:center'>{html.escape(hint_text)}</p>", "tlg-hint")
        super().__init__([waiting, now, hint], layout=shared.layout())


class EndedView(widgets.VBox):
    """After the facilitator closed the session: thanks, and the intention that was only ever on this phone."""

    def __init__(self, intentions: Sequence[str] = ()):
        children = [
            _html(html.escape(t("participant.ended")), "tlg-waiting", "tlg-heading"),
            _html(f"<p style='text-align:center'>{html.escape(t('participant.ended_hint'))}</p>", "tlg-hint"),
        ]
        children += [_html(f"<b>{html.escape(t('participant.keep'))}</b><br>{html.escape(text)}", "tlg-point")
                     for text in intentions]
        super().__init__(children, layout=shared.layout())


class PromptView(widgets.VBox):
    """A question to think or talk about. Nothing to fill in: the phone only keeps the question in view."""

    def __init__(self, block_title: str, prompt: str, position: str, hint: str | None = None):
        # The thinking time left, when the prompt has one; empty otherwise (its layout is shared: never hidden).
        self.thinking = _html("", "tlg-thinking")
        super().__init__([
            _html(html.escape(f"{block_title} · {position}"), "tlg-hint"),
            _html(html.escape(prompt), "tlg-question", "tlg-heading"),
            self.thinking,
            _html(html.escape(hint or t("participant.prompt_hint")), "tlg-hint"),
        ], layout=shared.layout())

    def show_thinking(self, label: str) -> None:
        """Called at every refresh: only a changed text goes to the phone."""
        if self.thinking.value != html.escape(label):
            self.thinking.value = html.escape(label)


def private_notepad() -> widgets.HTML:
    """A place to write one's reflection that stays on the phone. The text area is plain HTML inside an HTML
    widget, not a widget of its own: its content is no trait, so ipywidgets never sends it to the kernel (nothing
    to store, log or show), and it is gone with the page. Spell checking and autocomplete are off, so the browser
    sends it nowhere either. The app keeps this one widget in the page and only hides it, so the text survives
    the steps of the block."""
    pad = html_widget(  # a layout of its own: the app hides and shows it
        "<div class='tlg-notepad'>"
        f"<label for='tlg-notepad-text' class='tlg-notepad-title'>{html.escape(t('notepad.title'))}</label>"
        f"<p class='tlg-notepad-privacy'>{html.escape(t('notepad.privacy'))}</p>"
        "<textarea id='tlg-notepad-text' rows='6' autocomplete='off' autocorrect='off' autocapitalize='sentences'"
        " spellcheck='false'></textarea></div>",
        "tlg-notepad-box",
    )
    pad.layout.display = "none"
    return pad


class PromptListView(widgets.VBox):
    """All of a block's talking questions at once, for pairs who work through them at their own pace. The one the
    facilitator has on the projector (`current`, an index) is marked, so the phone and the room agree."""

    def __init__(self, block_title: str, prompts: Sequence[str], current: int | None = None):
        items = []
        for number, prompt in enumerate(prompts):
            text = html.escape(prompt)
            if number == current:
                text = (f"<strong>{text}</strong> <span class='tlg-on-screen'>"
                        f"({html.escape(t('participant.prompt_on_screen'))})</span>")
            marked = " aria-current='true'" if number == current else ""
            items.append(f"<li{marked}>{text}</li>")
        super().__init__([
            _html(html.escape(block_title), "tlg-hint"),
            _html(html.escape(t("participant.prompt_list_title")), "tlg-question", "tlg-heading"),
            _html(html.escape(t("participant.prompt_list_hint")), "tlg-hint"),
            _html(f"<ol class='tlg-prompt-list'>{''.join(items)}</ol>", "tlg-prompt-list-box"),
        ], layout=shared.layout())


def step_view(step) -> widgets.Widget:
    """The phone's view of a step without a question: a prompt, the whole list of a block's talking questions
    when the pairs take them at their own pace, or the waiting screen."""
    if step.block.prompts_at_own_pace:
        return PromptListView(step.block.title, step.block.prompts, step.prompt)
    if step.prompt is None:
        return WaitingView(step.block.title)
    position = t("participant.prompt_of", n=step.prompt + 1, total=len(step.block.prompts))
    return PromptView(step.block.title, step.prompt_text, position)


class QuestionView(widgets.VBox):
    """One question. `current` is the answer this participant has stored, if any."""

    def __init__(self, question: Question, submit: Submit, current: str | None = None, position: str = ""):
        self.question = question
        self._submit = submit
        self.saved_value = current
        self.status = _html("", "tlg-status")
        header = [_html(html.escape(position), "tlg-hint")] if position else []
        header.append(_html(html.escape(question.text), "tlg-question", "tlg-heading"))
        super().__init__(header + self._inputs() + [self.status], layout=shared.layout())
        if current is not None:
            self._show_saved(current)

    def _inputs(self) -> list[widgets.Widget]:
        raise NotImplementedError

    def answer(self, value) -> bool:
        """Send an answer as the participant's tap would; True when it was stored."""
        saved, message = self._submit(self.question.key, value)
        if saved:
            self.saved_value = message
            self._show_saved(message)
        else:
            self._show_error(message)
        return saved

    def _show_saved(self, value: str) -> None:
        for option, button in getattr(self, "buttons", {}).items():
            (button.add_class if option == value else button.remove_class)("tlg-selected")
        self.status.remove_class("tlg-status-error")
        self.status.add_class("tlg-status-ok")
        self.status.value = f"{html.escape(t('participant.saved'))}<br><small>{html.escape(t('participant.saved_hint'))}</small>"

    def _show_error(self, message: str) -> None:
        self.status.remove_class("tlg-status-ok")
        self.status.add_class("tlg-status-error")
        self.status.value = html.escape(message)


class ChoiceView(QuestionView):
    """Ordered and choice questions: one big button per option, in the template's order."""

    def _inputs(self):
        self.buttons: dict[str, widgets.Button] = {}
        for option in self.question.options:
            button = shared.button(option, width="100%")
            button.add_class("tlg-option")
            button.add_class("tlg-choice")  # aria-pressed follows tlg-selected (kit.serving.voila_extension)
            button.on_click(lambda _, o=option: self.answer(o))
            self.buttons[option] = button
        return list(self.buttons.values())


class ScaleView(QuestionView):
    """Scale 0–5: a row of number buttons with the end labels underneath."""

    def _inputs(self):
        self.buttons = {}
        q = self.question
        for value in q.scale_values:
            # Named with its meaning ("0: helemaal niet"), not just "0"; the page makes the tooltip its name.
            ends = {q.scale_min: q.min_label, q.scale_max: q.max_label}
            if ends.get(value):
                name = t("a11y.scale_end", value=value, label=ends[value])
            elif q.min_label and q.max_label:
                name = t("a11y.scale_value", value=value, min=q.scale_min, min_label=q.min_label, max=q.scale_max,
                         max_label=q.max_label)
            else:
                name = f"{value} ({q.scale_min}–{q.scale_max})"
            button = shared.button(str(value), flex="1 1 0", min_width="0")
            button.tooltip = name
            button.add_class("tlg-scale")
            button.add_class("tlg-choice")
            button.add_class("tlg-named")
            button.on_click(lambda _, v=str(value): self.answer(v))
            self.buttons[str(value)] = button
        row = widgets.HBox(list(self.buttons.values()), layout=shared.layout(width="100%"))
        labels = _html(
            "<div style='display:flex;justify-content:space-between;font-size:17px' aria-hidden='true'>"
            f"<span>{self.question.scale_min} = {html.escape(self.question.min_label)}</span>"
            f"<span>{self.question.scale_max} = {html.escape(self.question.max_label)}</span></div>"
        )
        return [row, labels]


class OpenView(QuestionView):
    """Open question: a text area with a live character count and a send button.

    A private question (a personal intention) adds a card to keep and a choice to share it with the room.
    """

    def __init__(self, question, submit, current=None, position="", share=None, shared=False):
        self._share = share
        self._stored_shared = shared
        self.share_toggle = None
        super().__init__(question, submit, current, position)
        if question.private:
            self.keep = widgets.HTML("")  # hides itself: a layout of its own
            self.keep.add_class("tlg-point")
            self.share_toggle = widgets.ToggleButton(value=shared, description=t("participant.share"),
                                                     layout=widgets.Layout(width="100%", min_height="60px"))
            self.share_toggle.add_class("tlg-option")
            self.share_toggle.observe(self._shared_changed, "value")
            self.children = [*self.children, _html(html.escape(t("participant.private_hint")), "tlg-hint"),
                             self.keep, self.share_toggle]
            self._show_keep()

    def _shared_changed(self, change) -> None:
        if change["new"] == self._stored_shared:
            return  # our own revert below
        ok, message = self._share(self.question.key, change["new"])
        if not ok:
            self._show_error(message)
            self.share_toggle.value = self._stored_shared
            return
        self._stored_shared = change["new"]
        self.share_toggle.description = t("participant.shared" if change["new"] else "participant.share")

    def _show_keep(self) -> None:
        if self.share_toggle is None:
            return
        has_answer = self.saved_value is not None
        self.keep.value = (f"<b>{html.escape(t('participant.keep'))}</b><br>{html.escape(self.saved_value)}"
                           if has_answer else "")
        self.keep.layout.display = None if has_answer else "none"
        self.share_toggle.layout.display = None if has_answer else "none"
        if has_answer and self.share_toggle.value:
            self.share_toggle.description = t("participant.shared")

    def _inputs(self):
        self.text = widgets.Textarea(
            placeholder=t("participant.open_placeholder"),
            rows=5,
            continuous_update=True,
            layout=widgets.Layout(width="100%"),
        )
        label_by_heading(self.text)  # the question (the heading above) is the field's name
        self.counter = _html("", "tlg-hint")
        self.send = shared.button(t("participant.send"), width="100%")
        self.send.add_class("tlg-send")
        self.send.on_click(lambda _: self.answer(self.text.value))
        self.text.observe(lambda _: self._count(), "value")
        warning = _html(html.escape(t("participant.no_names")), "tlg-hint")
        self._count()
        return [warning, self.text, self.counter, self.send]

    def _count(self):
        n, limit = len(self.text.value), self.question.max_length
        colour = "#b00020" if n > limit else "#444"
        self.counter.value = f"<span style='color:{colour}'>{html.escape(t('participant.chars', n=n, max=limit))}</span>"
        self.send.disabled = n > limit
        if self.saved_value is not None and self.text.value != self.saved_value:
            # Never let "Opgeslagen" stand next to text that has not been sent.
            self.status.remove_class("tlg-status-ok")
            self.status.value = html.escape(t("participant.unsent"))

    def _show_saved(self, value):
        if self.text.value != value:
            self.text.value = value
        super()._show_saved(value)
        if self.share_toggle is not None:
            self._show_keep()

