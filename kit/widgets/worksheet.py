"""Werkvorm 3 views: one phone per group (register, pick a case, the worksheet one step at a time), the
facilitator's overview of answers per step, and the route map."""

from __future__ import annotations

import html
import threading
from typing import Callable

import ipywidgets as widgets

from kit.i18n import t
from kit.model.template import ROUTE_CATEGORIES, ROUTE_CATEGORY_KEYS, Meldcode
from kit.widgets.children import replace_children
from kit.widgets.html import html_widget as _html, label_field


def _big_button(label: str, on_click, css_class: str = "tlg-option") -> widgets.Button:
    button = widgets.Button(description=label, layout=widgets.Layout(width="100%"))
    button.add_class(css_class)
    button.on_click(lambda _: on_click())
    return button


AUTOSAVE_SECONDS = 1.5


def groups_text(n: int) -> str:
    """'1 groepje', '3 groepjes' (a plural entry in the catalogs)."""
    return t("worksheet.groups", n=n)


class GroupPhone(widgets.VBox):
    """The group's phone. Callbacks return (ok, message); the view only moves on when the kernel agreed.

    What the group types is saved as it goes: a moment after typing stops (AUTOSAVE_SECONDS), and before moving to
    another step; a step whose text could not be saved stays on the screen with the reason. A group that registers
    a name that exists already is asked whether that group is them (then it gets its answers back).

    register(label), rejoin(label): (ok, message); after ok, `group()` gives (group_id, label, case_key, answers).
    taken(label): the existing group's name, or None.
    """

    def __init__(self, meldcode: Meldcode, register: Callable, choose_case: Callable, answer: Callable,
                 taken: Callable | None = None, rejoin: Callable | None = None, group: Callable | None = None,
                 autosave_seconds: float | None = AUTOSAVE_SECONDS):
        self.meldcode = meldcode
        self._register, self._choose_case, self._answer = register, choose_case, answer
        self._taken, self._rejoin, self._group = taken or (lambda label: None), rejoin, group
        self.autosave_seconds = autosave_seconds
        self.status = _html("", "tlg-status")
        self.token = _html("")  # the group's token, which the page keeps in its address (kit.serving.voila_extension)
        self.body = widgets.VBox()
        self.step_index = 0
        self.case_key: str | None = None
        self.saved: dict[tuple[str, int], str] = {}
        self.typed: dict[tuple[str, int], str] = {}  # what the boxes hold, saved or not
        self.inputs: list[widgets.Textarea] = []
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None
        super().__init__([self.body, self.status, self.token])
        self._ask_label()

    def _say(self, ok: bool, message: str) -> None:
        self.status.remove_class("tlg-status-ok" if not ok else "tlg-status-error")
        self.status.add_class("tlg-status-ok" if ok else "tlg-status-error")
        self.status.value = html.escape(message)

    # 1. register (or come back)
    def _ask_label(self, label: str = "") -> None:
        self.label = label_field(widgets.Text(value=label, placeholder=t("worksheet.label_placeholder"),
                                              layout=widgets.Layout(width="100%")), t("a11y.group_label"))
        self.label.add_class("tlg-tall")
        replace_children(self.body, [
            _html(html.escape(t("worksheet.one_phone")), "tlg-question", "tlg-heading"),
            _html(html.escape(t("worksheet.label_hint")), "tlg-hint"),
            self.label,
            _big_button(t("worksheet.register"), lambda: self.register(self.label.value), "tlg-send"),
        ])

    def register(self, label) -> bool:
        existing = self._taken(label) if self._rejoin is not None else None
        if existing is not None:
            self.status.value = ""
            replace_children(self.body, [
                _html(html.escape(t("worksheet.label_taken", label=existing)), "tlg-question", "tlg-heading"),
                _big_button(t("worksheet.rejoin", label=existing), lambda: self.rejoin(existing), "tlg-send"),
                _big_button(t("worksheet.other_label"), lambda: self._ask_label()),
            ])
            return False
        ok, message = self._register(label)
        if not ok:
            self._say(False, message)
            return False
        self.status.value = ""
        self.resume()
        return True

    def rejoin(self, label) -> bool:
        ok, message = self._rejoin(label)
        if not ok:
            self._say(False, message)
            return False
        self.resume(welcome=True)
        return True

    def resume(self, welcome: bool = False) -> None:
        """Show the group's worksheet as stored: its case and its answers (after registering, rejoining, a reload)."""
        group_id, label, case_key, answers = self._group()
        self.token.value = f"<span data-tlg-group='{html.escape(group_id)}' hidden></span>"
        self.saved = dict(answers)
        self.typed = dict(answers)
        if case_key and self.meldcode.case(case_key) is not None:
            self.case_key = case_key
            self.show_step(0)
        else:
            self._ask_case()
        if welcome:
            self._say(True, t("worksheet.welcome_back", label=label))

    # 2. pick a case
    def _ask_case(self) -> None:
        self.case_buttons = {}
        rows = [_html(html.escape(t("worksheet.pick_case")), "tlg-question", "tlg-heading")]
        for case in self.meldcode.cases:
            button = _big_button(case.title, lambda k=case.key: self.choose_case(k))
            self.case_buttons[case.key] = button
            rows += [button, _html(html.escape(case.text), "tlg-hint")]
        replace_children(self.body, rows)

    def choose_case(self, case_key) -> bool:
        ok, message = self._choose_case(case_key)
        if not ok:
            self._say(False, message)
            return False
        self.case_key = case_key
        self.status.value = ""
        self.show_step(0)
        return True

    # 3. the worksheet, one meldcode step at a time, saved as it is typed
    def show_step(self, index: int) -> None:
        with self._lock:
            self.step_index = max(0, min(index, len(self.meldcode.steps) - 1))
            step = self.meldcode.steps[self.step_index]
            case = self.meldcode.case(self.case_key)
            self.inputs = []
            position = t("worksheet.step_of", n=self.step_index + 1, total=len(self.meldcode.steps))
            rows = [
                _html(html.escape(f"{case.title} · {position}"), "tlg-hint"),
                _html(html.escape(step.title), "tlg-question", "tlg-heading"),
                _html(html.escape(t("participant.no_names")), "tlg-hint"),
            ]
            for number, question in enumerate(step.questions):
                # The visible question is the field's label (<label for>), above the field.
                area = label_field(widgets.Textarea(value=self.typed.get((step.key, number), ""), rows=3,
                                                    continuous_update=True, layout=widgets.Layout(width="100%")),
                                   question, visible=True)
                area.observe(lambda change, k=(step.key, number): self._typed(k, change["new"]), "value")
                self.inputs.append(area)
                rows.append(area)
            self.save_button = _big_button(t("worksheet.save_step"), self.save_step, "tlg-send")
            self.previous_button = _big_button(t("worksheet.previous_step"), lambda: self.go_to(self.step_index - 1))
            self.next_button = _big_button(t("worksheet.next_step"), lambda: self.go_to(self.step_index + 1))
            self.previous_button.disabled = self.step_index == 0
            self.next_button.disabled = self.step_index == len(self.meldcode.steps) - 1
            rows += [self.save_button, widgets.HBox([self.previous_button, self.next_button]),
                     _html(html.escape(t("worksheet.autosave_hint")), "tlg-hint")]
            replace_children(self.body, rows)

    def go_to(self, index: int) -> bool:
        """Vorige/Volgende stap: first save what was typed; when that fails, stay and say why."""
        with self._lock:
            if not self.save_typed():
                return False
            status, ok = self.status.value, "tlg-status-ok" in self.status._dom_classes
            self.show_step(index)
            self.status.value = status if ok else ""
            return True

    def _typed(self, key: tuple[str, int], value: str) -> None:
        with self._lock:
            self.typed[key] = value
            if self.saved.get(key, "") == value:
                return
            self.status.remove_class("tlg-status-error")
            self.status.remove_class("tlg-status-ok")
            self.status.value = html.escape(t("worksheet.saving"))
            if self.autosave_seconds:
                if self._timer is not None:
                    self._timer.cancel()
                self._timer = threading.Timer(self.autosave_seconds, self.save_typed)
                self._timer.daemon = True
                self._timer.start()

    def save_typed(self) -> bool:
        """Save every changed text of every step (empty boxes are not answers); say whether all is saved."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            for (step_key, number), value in sorted(self.typed.items()):
                if not value.strip() or self.saved.get((step_key, number)) == value:
                    continue
                ok, message = self._answer(step_key, number, value)
                if not ok:
                    self._say(False, message)
                    return False
                self.saved[(step_key, number)] = value
            self._say(True, t("participant.saved"))
            return True

    def save_step(self) -> bool:
        with self._lock:
            step = self.meldcode.steps[self.step_index]
            for number, area in enumerate(self.inputs):
                self.typed[(step.key, number)] = area.value
            return self.save_typed()


def worksheet_overview_html(meldcode: Meldcode, groups, answers) -> str:
    """Per step and question, what every group answered, labelled with the group's chosen name."""
    labels = {g.group_id: g.label for g in groups}
    cases = {g.group_id: (meldcode.case(g.case_key).title if g.case_key and meldcode.case(g.case_key) else "—") for g in groups}
    by_question: dict[tuple[str, int], list] = {}
    for answer in answers:
        by_question.setdefault((answer.step_key, answer.question_index), []).append(answer)
    parts = [f"<p>{html.escape(groups_text(len(groups)))}: "
             + ", ".join(f"{html.escape(labels[g])} ({html.escape(cases[g])})" for g in labels) + "</p>"]
    for step in meldcode.steps:
        parts.append(f"<h3>{html.escape(step.title)}</h3>")
        for number, question in enumerate(step.questions):
            items = "".join(
                f"<li><b>{html.escape(labels.get(a.group_id, '?'))}:</b> {html.escape(a.value)}</li>"
                for a in by_question.get((step.key, number), [])
            )
            parts.append(f"<p><i>{html.escape(question)}</i></p><ul>{items}</ul>")
    return "".join(parts)


class WorksheetApproval(widgets.VBox):
    """Facilitator only: every worksheet answer, each let through to the room on its own (or all of a step)."""

    def __init__(self, meldcode: Meldcode, on_show: Callable[..., None]):
        self.meldcode = meldcode
        self._on_show = on_show
        self.rows = widgets.VBox()
        self.buttons: dict[tuple[str, str, int], widgets.Button] = {}
        self.step_buttons: dict[str, widgets.Button] = {}
        self.pending = 0
        self._shown_key = None
        super().__init__([_html(f"<b>{html.escape(t('worksheet.approval'))}</b>"), self.rows])
        self.add_class("tlg-approval")

    def show(self, groups, answers) -> None:
        """groups: GroupRecord-like (group_id, label); answers: (group_id, step_key, question_index, value, shown)."""
        self.pending = sum(1 for a in answers if not a.shown)
        key = (tuple((g.group_id, g.label) for g in groups), tuple(answers))
        if key == self._shown_key:
            return
        self._shown_key = key
        labels = {g.group_id: g.label for g in groups}
        rows: list[widgets.Widget] = []
        self.buttons, self.step_buttons = {}, {}
        if not answers:
            rows.append(_html(html.escape(t("worksheet.none_yet"))))
        for step in self.meldcode.steps:
            mine = [a for a in answers if a.step_key == step.key]
            if not mine:
                continue
            all_button = widgets.Button(description=t("worksheet.show_step"), layout=widgets.Layout(width="auto"))
            all_button.on_click(lambda _, k=step.key: self._on_show(True, step_key=k))
            self.step_buttons[step.key] = all_button
            rows.append(widgets.HBox([_html(f"<b>{html.escape(step.title)}</b>"), all_button]))
            for a in mine:
                label = t("facilitator.hide_answer") if a.shown else t("facilitator.show_answer")
                button = widgets.Button(description=label, button_style="" if a.shown else "info",
                                        layout=widgets.Layout(width="120px"))
                button.on_click(lambda _, a=a: self._on_show(not a.shown, group_id=a.group_id, step_key=a.step_key,
                                                             question_index=a.question_index))
                self.buttons[(a.group_id, a.step_key, a.question_index)] = button
                question = step.questions[a.question_index] if a.question_index < len(step.questions) else ""
                marker = "✓ " if a.shown else ""
                text = _html(f"{marker}<b>{html.escape(labels.get(a.group_id, '?'))}</b> · <i>{html.escape(question)}</i>"
                             f"<br>{html.escape(a.value)}", "tlg-moderation")
                text.layout.flex = "1 1 auto"
                rows.append(widgets.HBox([button, text]))
        replace_children(self.rows, rows)


CATEGORY_KEYS = ROUTE_CATEGORY_KEYS


def route_map_html(meldcode: Meldcode, route: dict) -> str:
    """The route map: one row per meldcode step, one column per category. Black on white, readable in print."""
    head = "<th></th>" + "".join(f"<th>{html.escape(t(CATEGORY_KEYS[c]))}</th>" for c in ROUTE_CATEGORIES)
    rows = []
    for step in meldcode.steps:
        cells = "".join(
            "<td><ul>" + "".join(f"<li>{html.escape(i.text)}</li>" for i in route.get(step.key, {}).get(c, [])) + "</ul></td>"
            for c in ROUTE_CATEGORIES
        )
        rows.append(f"<tr><th>{html.escape(step.title)}</th>{cells}</tr>")
    return f"<table class='tlg-route'><tr>{head}</tr>{''.join(rows)}</table>"


class RouteMapEditor(widgets.VBox):
    """Facilitator: put a point on the route map under a step and a category, or take one off."""

    def __init__(self, meldcode: Meldcode, on_add: Callable[[str, str, str], "tuple[bool, str]"],
                 on_remove: Callable[[str], None]):
        self._on_add, self._on_remove = on_add, on_remove
        self.step = label_field(widgets.Dropdown(options=[(s.title, s.key) for s in meldcode.steps],
                                                 layout=widgets.Layout(width="320px")), t("a11y.route_step"))
        self.category = label_field(widgets.Dropdown(options=[(t(CATEGORY_KEYS[c]), c) for c in ROUTE_CATEGORIES],
                                                     layout=widgets.Layout(width="220px")), t("a11y.route_category"))
        self.text = label_field(widgets.Text(placeholder=t("route.placeholder"), layout=widgets.Layout(flex="1 1 auto")),
                                t("route.placeholder"))
        self.add_button = widgets.Button(description=t("route.add"), button_style="primary")
        self.add_button.on_click(lambda _: self.add())
        self.message = _html("", "tlg-status")
        self.items = widgets.VBox()
        self.remove_buttons: dict[str, widgets.Button] = {}
        super().__init__([_html(f"<b>{html.escape(t('route.title'))}</b>"),
                          widgets.HBox([self.step, self.category]), widgets.HBox([self.text, self.add_button]),
                          self.message, self.items])

    def add(self) -> bool:
        ok, message = self._on_add(self.step.value, self.category.value, self.text.value)
        self.message.value = "" if ok else html.escape(message)
        if ok:
            self.text.value = ""
        return ok

    def show_items(self, items) -> None:
        rows, self.remove_buttons = [], {}
        for item in items:
            button = widgets.Button(description=t("route.remove"), tooltip=t("a11y.route_remove", item=item.text),
                                    layout=widgets.Layout(width="110px"))
            button.add_class("tlg-named")
            button.on_click(lambda _, i=item.item_id: self._on_remove(i))
            self.remove_buttons[item.item_id] = button
            label = _html(f"{html.escape(t(CATEGORY_KEYS[item.category]))} · {html.escape(item.text)}")
            rows.append(widgets.HBox([button, label]))
        replace_children(self.items, rows)
