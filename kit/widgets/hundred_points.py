"""The phone's view of a `punten` question (`kit.model.questiontypes.hundred_points`): one row per option with big
− and + buttons (steps of `STEP`), the points left in large type, and Verstuur only when all points are divided."""

from __future__ import annotations

import html
import json

import ipywidgets as widgets

from kit.i18n import t
from kit.model.questiontypes.hundred_points import STEP, TOTAL, stored as stored_points
from kit.widgets.participant import QuestionView


class PointsView(QuestionView):
    """One row per option: its text, then − [points] +; the points left on top; Verstuur when all are given."""

    def _inputs(self):
        self.points = dict.fromkeys(self.question.options, 0)
        self.left = widgets.HTML()
        self.left.add_class("tlg-question")
        self.left.add_class("tlg-live")
        self.values: dict[str, widgets.HTML] = {}
        self.minus: dict[str, widgets.Button] = {}
        self.plus: dict[str, widgets.Button] = {}
        rows = []
        for option in self.question.options:
            minus = self._step_button(f"−{STEP}", t("divide.less", step=STEP, option=option), option, -STEP)
            plus = self._step_button(f"+{STEP}", t("divide.more", step=STEP, option=option), option, STEP)
            value = widgets.HTML(layout=widgets.Layout(flex="1 1 0", min_width="0"))
            value.add_class("tlg-divide-value")
            self.minus[option], self.plus[option], self.values[option] = minus, plus, value
            label = widgets.HTML(html.escape(option))
            label.add_class("tlg-divide-option")
            rows.append(widgets.VBox([label, widgets.HBox([minus, value, plus], layout=widgets.Layout(
                width="100%", align_items="center"))], layout=widgets.Layout(margin="0 0 10px 0")))
        self.send = widgets.Button(description=t("participant.send"), layout=widgets.Layout(width="100%"))
        self.send.add_class("tlg-send")
        self.send.on_click(lambda _: self.answer(dict(self.points)))
        hint = widgets.HTML(html.escape(t("divide.hint", total=TOTAL)))
        hint.add_class("tlg-hint")
        self._show_points()
        return [widgets.HTML(STYLE), hint, self.left, *rows, self.send]

    def _step_button(self, text: str, tooltip: str, option: str, change: int) -> widgets.Button:
        button = widgets.Button(description=text, tooltip=tooltip,
                                layout=widgets.Layout(width="30%", flex="0 0 auto"))
        button.add_class("tlg-divide-step")
        button.add_class("tlg-named")  # named "+10 — 10 punten meer voor: <optie>"
        button.on_click(lambda _: self.change(option, change))
        return button

    def change(self, option: str, by: int) -> None:
        """What a tap on − or + does: never below 0, never more than the points left."""
        left = TOTAL - sum(self.points.values())
        self.points[option] = max(0, self.points[option] + min(by, left))
        self._show_points()
        if self.saved_value is not None and self._as_stored() != self.saved_value:
            # Never let "Opgeslagen" stand next to points that have not been sent.
            self.status.remove_class("tlg-status-ok")
            self.status.value = html.escape(t("participant.unsent"))

    def _as_stored(self) -> str:
        return json.dumps(self.points, ensure_ascii=False)

    def _show_points(self) -> None:
        left = TOTAL - sum(self.points.values())
        self.left.value = html.escape(t("divide.left", n=left) if left else t("divide.all_given", total=TOTAL))
        for option, points in self.points.items():
            self.values[option].value = f"<div style='text-align:center'>{points}</div>"
            self.minus[option].disabled = points == 0
            self.plus[option].disabled = left == 0
        self.send.disabled = left != 0

    def _show_saved(self, value: str) -> None:
        saved = stored_points(self.question, value)
        if saved is not None:
            self.points = {option: saved.get(option, 0) for option in self.question.options}
            self._show_points()
        super()._show_saved(value)


STYLE = """<style>
.tlg-phone .tlg-divide-option .widget-html-content { font-size: 20px; font-weight: 700; margin-top: 6px; }
/* At least as wide as "+10" (30% of the row is too little for it once the text is at 200%). */
.tlg-phone button.tlg-divide-step { min-height: 64px; min-width: max-content; padding: 0 8px; font-size: 24px;
  font-weight: 700; border-radius: 12px;
  border: 2px solid #1f4e79; background: #fff; color: #1f4e79; }
.tlg-phone button.tlg-divide-step:disabled { border-color: #999; color: #767676; }
.tlg-phone .tlg-divide-value .widget-html-content { font-size: 30px; font-weight: 700; color: #111;
  font-variant-numeric: tabular-nums; }
</style>"""
