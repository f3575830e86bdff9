"""Werkvorm 5 views: post-its on the phone, the sticker ballot, the facilitator's tidy-up list, the board and
the action plan. Plain data in, callbacks out; every participant text is escaped here."""

from __future__ import annotations

import html
from typing import Callable, Sequence

import ipywidgets as widgets

from kit.i18n import t, tn
from kit.widgets.children import replace_children
from kit.widgets.html import html_widget as _html, label_by_heading, label_field

Result = "tuple[bool, str]"


def _status(widget: widgets.HTML, ok: bool, message: str) -> None:
    widget.remove_class("tlg-status-ok" if not ok else "tlg-status-error")
    widget.add_class("tlg-status-ok" if ok else "tlg-status-error")
    widget.value = html.escape(message)


class PointEntry(widgets.VBox):
    """Phone: write a point (a post-it) and see the ones you wrote."""

    def __init__(self, post: Callable[[str], "tuple[bool, str]"], max_length: int, own: Sequence[str], header: Sequence[widgets.Widget] = ()):
        self._post = post
        self.max_length = max_length
        self.text = widgets.Textarea(placeholder=t("points.placeholder"), rows=3, continuous_update=True,
                                     layout=widgets.Layout(width="100%"))
        # Named by the question above it (a prompt's heading), else "Je post-it".
        label_by_heading(self.text) if header else label_field(self.text, t("a11y.post_label"))
        self.counter = _html("", "tlg-hint")
        self.send = widgets.Button(description=t("points.post"), layout=widgets.Layout(width="100%"))
        self.send.add_class("tlg-send")
        self.status = _html("", "tlg-status")
        self.own = _html("")
        self.text.observe(lambda _: self._count(), "value")
        self.send.on_click(lambda _: self.submit(self.text.value))
        self._count()
        self.show_own(own)
        super().__init__([*header, _html(html.escape(t("points.intro")), "tlg-hint"),
                          _html(html.escape(t("participant.no_names")), "tlg-hint"),
                          self.text, self.counter, self.send, self.status, self.own])

    def _count(self) -> None:
        n = len(self.text.value)
        self.counter.value = html.escape(t("participant.chars", n=n, max=self.max_length))
        self.send.disabled = n > self.max_length

    def submit(self, text) -> bool:
        ok, message = self._post(text)
        _status(self.status, ok, t("points.posted") if ok else message)
        if ok:
            self.text.value = ""
        return ok

    def show_own(self, own: Sequence[str]) -> None:
        if not own:
            self.own.value = ""
            return
        items = "".join(f"<li>{html.escape(text)}</li>" for text in own)
        self.own.value = f"<p class='tlg-hint'>{html.escape(t('points.yours'))}</p><ul>{items}</ul>"


class StickerBallot(widgets.VBox):
    """Phone: every visible point with its own + and − buttons, and how many stickers are left."""

    def __init__(self, on_add: Callable[[str], "tuple[bool, str]"], on_remove: Callable[[str], "tuple[bool, str]"]):
        self._on_add, self._on_remove = on_add, on_remove
        self.left = _html("", "tlg-question", "tlg-live")
        self.status = _html("", "tlg-status")
        self.rows = widgets.VBox()
        self.add_buttons: dict[str, widgets.Button] = {}
        self.remove_buttons: dict[str, widgets.Button] = {}
        self.row_status: dict[str, widgets.HTML] = {}  # what a tap did, under the tapped point (not off-screen)
        self._shown: tuple | None = None
        super().__init__([self.left, self.status, self.rows])

    def show(self, points: Sequence[tuple], mine: dict[str, int], left: int,
             max_per_point: int | None = None) -> None:
        """points: (point_id, text) or (point_id, text, from the route map). "+ sticker" is disabled where a tap
        could not place one (none left, or the most on one point)."""
        self.left.value = html.escape(t("stickers.left", n=left))
        key = (tuple(points), tuple(sorted(mine.items())), left, max_per_point)
        if key == self._shown:
            return
        self._shown = key
        rows, self.add_buttons, self.remove_buttons, self.row_status = [], {}, {}, {}
        for point_id, text, *route in points:
            count = mine.get(point_id, 0)
            full = left <= 0 or (max_per_point is not None and count >= max_per_point)
            # Eight "+ sticker" buttons need eight names: "+ sticker op: <punt>" (the page makes the tooltip the name).
            add = widgets.Button(description=t("stickers.add"), tooltip=t("a11y.sticker_add", point=text),
                                 layout=widgets.Layout(width="50%"), disabled=full)
            remove = widgets.Button(description=t("stickers.remove"), tooltip=t("a11y.sticker_remove", point=text),
                                    layout=widgets.Layout(width="50%"), disabled=count == 0)
            add.add_class("tlg-named")
            remove.add_class("tlg-named")
            add.add_class("tlg-option")
            remove.add_class("tlg-option")
            add.on_click(lambda _, p=point_id: self.add(p))
            remove.on_click(lambda _, p=point_id: self.remove(p))
            self.add_buttons[point_id], self.remove_buttons[point_id] = add, remove
            self.row_status[point_id] = _html("", "tlg-status")
            dots = "●" * count
            mine_text = html.escape(t("a11y.stickers_here", n=count)) if count else ""
            card = _html(f"<div class='tlg-point'>{route_mark(any(route))}{html.escape(text)}<div class='tlg-dots'><span aria-hidden='true'>"
                         f"{dots}</span><span class='tlg-sr-only'>{mine_text}</span></div></div>")
            rows.append(widgets.VBox([card, widgets.HBox([add, remove]), self.row_status[point_id]]))
        replace_children(self.rows, rows)

    def add(self, point_id: str) -> bool:
        ok, message = self._on_add(point_id)
        self._say(point_id, ok, t("stickers.placed") if ok else message)
        return ok

    def remove(self, point_id: str) -> bool:
        ok, message = self._on_remove(point_id)
        self._say(point_id, ok, t("stickers.taken_back") if ok else message)
        return ok

    def _say(self, point_id: str, ok: bool, message: str) -> None:
        """Under the point that was tapped (the rows are rebuilt by then); at the top only if it is gone."""
        for status in self.row_status.values():
            status.value = ""
        row = self.row_status.get(point_id)
        _status(row if row is not None else self.status, ok, message)
        if row is not None:
            self.status.value = ""


class PointsModeration(widgets.VBox):
    """Facilitator only: every point, to edit its wording, hide it, or merge it into another (and undo a merge)."""

    def __init__(self, on_edit: Callable[[str, str], None], on_hide: Callable[[str, bool], None],
                 on_merge: Callable[[str, str], None], on_unmerge: Callable[[str], None] | None = None):
        self._on_edit, self._on_hide, self._on_merge = on_edit, on_hide, on_merge
        self._on_unmerge = on_unmerge
        self.rows = widgets.VBox()
        self.editors: dict[str, widgets.Text] = {}
        self.hide_buttons: dict[str, widgets.Button] = {}
        self.merge_pickers: dict[str, widgets.Dropdown] = {}
        self.unmerge_buttons: dict[str, widgets.Button] = {}
        super().__init__([_html(f"<b>{html.escape(t('points.moderation'))}</b>"), self.rows])
        self.add_class("tlg-points-moderation")

    def show(self, points: Sequence[tuple[str, str, str]] | None, merged_into: dict[str, str] | None = None) -> None:
        """points: (point_id, text, status[, from the route map]); None hides the panel. merged_into: merged point
        -> the point it went into."""
        if points is None:
            self.layout.display = "none"
            return
        self.layout.display = None
        merged_into = merged_into or {}
        texts = {pid: text for pid, text, *_ in points}
        visible = [(pid, text) for pid, text, status, *_ in points if status == "open"]
        rows = []
        self.editors, self.hide_buttons, self.merge_pickers, self.unmerge_buttons = {}, {}, {}, {}
        for point_id, text, status, *route in points:
            if status == "merged":
                if self._on_unmerge is None:
                    continue
                undo = widgets.Button(description=t("points.unmerge"), layout=widgets.Layout(width="auto"))
                undo.on_click(lambda _, p=point_id: self._on_unmerge(p))
                self.unmerge_buttons[point_id] = undo
                into = texts.get(merged_into.get(point_id, ""), "?")
                label = _html(f"<s>{html.escape(text)}</s> · {html.escape(t('points.merged_into', text=into))}",
                              "tlg-moderation")
                label.layout.flex = "1 1 auto"
                rows.append(widgets.HBox([label, undo]))
                continue
            editor = label_field(widgets.Text(value=text, layout=widgets.Layout(flex="1 1 auto")), t("a11y.point_text"))
            save = widgets.Button(description=t("points.save"), layout=widgets.Layout(width="110px"))
            save.on_click(lambda _, p=point_id, e=editor: self._on_edit(p, e.value))
            hidden = status == "hidden"
            hide = widgets.Button(description=t("facilitator.show_answer") if hidden else t("facilitator.hide_answer"),
                                  layout=widgets.Layout(width="110px"))
            hide.on_click(lambda _, p=point_id, h=hidden: self._on_hide(p, not h))
            options = [(t("points.merge_into"), "")] + [(other[:40], pid) for pid, other in visible if pid != point_id]
            merge = label_field(widgets.Dropdown(options=options, value="", layout=widgets.Layout(width="220px")),
                                t("a11y.merge", point=text))
            merge.observe(lambda change, p=point_id: change["new"] and self._on_merge(p, change["new"]), "value")
            self.editors[point_id], self.hide_buttons[point_id], self.merge_pickers[point_id] = editor, hide, merge
            row = [editor, save, hide, merge]
            if any(route):
                row.insert(0, _html(route_mark(True)))
            if hidden:
                row.insert(0, _html(f"<i>{html.escape(t('points.hidden_mark'))}</i>"))
            rows.append(widgets.HBox(row))
        replace_children(self.rows, rows)


def route_mark(from_route_map: bool) -> str:
    """The small label on a starting post-it that came from the Werkvorm 3 route map ('aandacht nodig')."""
    return f"<span class='tlg-route-mark'>{html.escape(t('points.from_route_map'))}</span> " if from_route_map else ""


# How many ranked points one projector holds, in how many columns: at 1280×720 a column holds about nine rows in
# readable type (tests/browser/test_room.py measures it); more points go to a count line, and every point stays on
# the phones' sticker list.
BOARD_COLUMNS = ((7, 1), (16, 2), (27, 3))


def board_html(ranked: Sequence[tuple], top: int | None = None) -> str:
    """The sticker board as HTML bars: readable from the back, no chart library needed.
    ranked: (text, stickers) or (text, stickers, from the route map), best first."""
    if not ranked:
        return f"<p>{html.escape(t('points.none'))}</p>"
    most = max(count for _, count, *_ in ranked) or 1
    room = BOARD_COLUMNS[-1][0]
    shown = ranked[:min(top, room) if top else room]
    columns = next(columns for most_rows, columns in BOARD_COLUMNS if len(shown) <= most_rows)
    rows = []
    for place, (text, count, *route) in enumerate(shown, start=1):
        width = max(2, round(85 * count / most)) if count else 0  # 85%: room for the count beside the longest bar
        rows.append(
            "<div class='tlg-board-row'>"
            f"<div class='tlg-board-text'>{place}. {route_mark(any(route))}{html.escape(text)}</div>"
            f"<div class='tlg-board-bar'><span style='width:{width}%'></span><b>{count}</b></div></div>"
        )
    more = len(ranked) - len(shown) if not top or top > room else 0
    if more > 0:
        rows.append(f"<p class='tlg-count-line'>{html.escape(tn('points.more', more))}</p>")
    return f"<div class='tlg-board tlg-board-columns-{columns}'>{''.join(rows)}</div>"


def wall_html(texts: Sequence) -> str:
    """texts: a post-it's text, or (text, from the route map)."""
    cards = ((text, False) if isinstance(text, str) else text for text in texts)
    return "".join(f"<div class='tlg-answer-card'>{route_mark(route)}{html.escape(text)}</div>" for text, route in cards)


class ActionPlanEditor(widgets.VBox):
    """Facilitator: write an action for one of the top points; change the status of actions already written."""

    def __init__(self, levels: Sequence[str], statuses: Sequence[str], on_save: Callable[..., "tuple[bool, str]"]):
        self._on_save = on_save
        self.point = widgets.Dropdown(options=[("—", "")], value="", description=t("actions.point"),
                                      layout=widgets.Layout(width="100%"))
        self.text = widgets.Text(description=t("actions.text"), layout=widgets.Layout(width="100%"))
        self.level = widgets.Dropdown(options=list(levels), description=t("actions.level_label"),
                                      layout=widgets.Layout(width="100%"))
        self.owner = widgets.Text(description=t("actions.owner"), placeholder=t("actions.owner_hint"),
                                  layout=widgets.Layout(width="100%"))
        self.planning = widgets.Text(description=t("actions.planning"), placeholder=t("actions.planning_hint"),
                                     layout=widgets.Layout(width="100%"))
        self.status_choice = widgets.Dropdown(options=list(statuses), description=t("actions.status_label"),
                                              layout=widgets.Layout(width="100%"))
        for field in (self.point, self.text, self.level, self.owner, self.planning, self.status_choice):
            field.style.description_width = "120px"
        self.save = widgets.Button(description=t("actions.save"), button_style="primary")
        self.save.on_click(lambda _: self.submit())
        self.message = _html("", "tlg-status")
        self.point.observe(self._prefill, "value")
        self._texts: dict[str, str] = {}
        self.existing = widgets.VBox()
        self._statuses = list(statuses)
        super().__init__([_html(f"<b>{html.escape(t('actions.title'))}</b>"), self.point, self.text, self.level,
                          self.owner, self.planning, self.status_choice, self.save, self.message, self.existing])

    def _prefill(self, change) -> None:
        if change["new"] and not self.text.value:
            self.text.value = self._texts.get(change["new"], "")

    def show_points(self, ranked: Sequence[tuple[str, str, int]]) -> None:
        """ranked: (point_id, text, stickers), best first."""
        self._texts = {pid: text for pid, text, _ in ranked}
        options = [("—", "")] + [(f"{text[:50]} ({n})", pid) for pid, text, n in ranked]
        if [v for _, v in options] != [v for _, v in self.point.options]:
            self.point.options = options

    def submit(self) -> bool:
        ok, message = self._on_save(text=self.text.value, level=self.level.value, owner=self.owner.value,
                                    planning=self.planning.value, status=self.status_choice.value,
                                    point_id=self.point.value or None)
        _status(self.message, ok, t("actions.saved") if ok else message)
        if ok:
            self.text.value = self.owner.value = self.planning.value = ""
            self.point.value = ""
        return ok

    def show_actions(self, actions, on_status: Callable[[object, str], None]) -> None:
        rows = []
        for action in actions:
            choice = label_field(widgets.Dropdown(options=self._statuses, value=action.status,
                                                  layout=widgets.Layout(width="200px")),
                                 t("a11y.action_status", action=action.text))
            choice.observe(lambda change, a=action: on_status(a, change["new"]), "value")
            label = _html(f"{html.escape(action.text)} · {html.escape(action.owner)} · {html.escape(action.planning)}")
            label.layout.flex = "1 1 auto"
            rows.append(widgets.HBox([label, choice]))
        replace_children(self.existing, rows)


def actions_html(actions) -> str:
    if not actions:
        return ""
    head = "".join(f"<th>{html.escape(t(k))}</th>" for k in
                   ("actions.text", "actions.level_label", "actions.owner", "actions.planning", "actions.status_label"))
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in (a.text, a.level, a.owner, a.planning, a.status)) + "</tr>"
        for a in actions
    )
    return f"<table class='tlg-actions'><tr>{head}</tr>{body}</table>"
