"""punten: each participant divides 100 points over the options ("verdeel 100 punten"): more points for what
matters more to them. Where `choice` asks for one pick, this shows how strongly the room leans, which makes it a
good last question before choosing what to work on.

Stored as JSON text of option -> points, every option in the template's order, zeros included:
``{"scholing": 50, "overleg": 30, "ouders": 20}``. The kernel accepts only that: known options, whole numbers
of 0 or more, together exactly `TOTAL`; anything else a browser sends is refused with the reason.

On the phone: one row per option with big − and + buttons (steps of `STEP`), the points left in large type, and
Verstuur only when all points are divided. On the projector and in the verslag: the mean points per option,
highest first, as bars with their value. In trends: the mean per option per session (they add up to 100, so a
session is one bar of 100).
"""

from __future__ import annotations

import html
import json
from functools import cache

from kit.i18n import number, t
from kit.model.text import AnswerRejected
from kit.model.questiontypes.choice import ChoiceType

TOTAL = 100
STEP = 10
# More rows than this do not fit a phone screen with their buttons, and 100 points spread thinner say little.
MAX_OPTIONS = 8


class PuntenType(ChoiceType):
    key = "punten"
    help = f"punten (deelnemers verdelen {TOTAL} punten over de opties)"
    noun = f"een vraag om {TOTAL} punten te verdelen"
    answers_noun = "verdeelde punten"
    descending = True
    incomparable = "trends.reason_points"
    trend_source = "values"

    # -- model ------------------------------------------------------------------------------------------------------
    def answer_options(self, question):
        return ()  # an answer is a division over all options, not one of them

    def normalise(self, question, raw):
        points = parse(question, raw)
        return json.dumps({option: points.get(option, 0) for option in question.options}, ensure_ascii=False)

    # -- templates ----------------------------------------------------------------------------------------------------
    def check(self, reader, path, question):
        super().check(reader, path, question)
        options = question.get("options")
        if isinstance(options, list) and len(options) > MAX_OPTIONS:
            reader.report(reader.line((*path, "options")), reader.where(path) + reader.msg(
                "check.punten_options", most=MAX_OPTIONS, n=len(options)))

    # -- aggregate and charts ---------------------------------------------------------------------------------------
    def figure(self, question, values):
        from kit.charts import session_charts
        n, means = mean_points(question, values)
        ranked = sorted(means.items(), key=lambda item: -item[1])
        return session_charts.value_bars([option for option, _ in ranked], [mean for _, mean in ranked],
                                 [number(mean) for _, mean in ranked],
                                 subtitle=t("divide.chart_subtitle", total=TOTAL, n=n))

    def caption(self, question, values):
        return t("divide.means", means=_means_text(question, values))

    def report_note(self, question, values):
        return "; " + t("divide.means", means=_means_text(question, values))

    # -- export ---------------------------------------------------------------------------------------------------------
    def cell(self, question, value):
        # "scholing: 50 · overleg: 30 · ouders: 20": the stored JSON stays in the CSV for whoever computes with it.
        points = _stored(question, value)
        return " · ".join(f"{o}: {p}" for o, p in points.items()) if points is not None else value

    def summary_rows(self, question, values):
        from kit.analysis.aggregate import MIN_ANSWERS_FOR_DISTRIBUTION

        n, means = mean_points(question, values)
        if n < MIN_ANSWERS_FOR_DISTRIBUTION:
            return []
        return [(option, round(mean, 1)) for option, mean in means.items()]

    # -- trends -------------------------------------------------------------------------------------------------------
    def trend_series(self, data, key, signature, question, codes, threshold):
        from kit.analysis import trends
        return trends.mean_series(data, key, signature, question, codes, threshold,
                                  lambda values: mean_points(question, values))

    def trend_figure(self, series, **kwargs):
        from kit.charts import trend_charts
        return trend_charts.stacked_bars(series, unit="", subtitle=t("divide.trend_subtitle", total=TOTAL), **kwargs)

    # -- the phone ------------------------------------------------------------------------------------------------------
    def view(self, question, submit, current=None, position="", share=None, shared=False):
        return _view_class()(question, submit, current, position)


def parse(question, raw) -> dict[str, int]:
    """The points per option in `raw` (a dict, or its JSON text), or AnswerRejected."""
    if isinstance(raw, str):
        # Longer than the longest honest answer (every option escaped, 3 digits each): not worth parsing.
        if len(raw) > 16 * sum(len(o) + 8 for o in question.options) + 64:
            raise AnswerRejected(t("answer.points_invalid"))
        try:
            raw = json.loads(raw, object_pairs_hook=_no_duplicates)
        except (ValueError, RecursionError):
            raise AnswerRejected(t("answer.points_invalid")) from None
    if not isinstance(raw, dict) or not raw or any(option not in question.options for option in raw):
        raise AnswerRejected(t("answer.points_invalid"))
    if any(isinstance(p, bool) or not isinstance(p, int) or p < 0 for p in raw.values()):
        raise AnswerRejected(t("answer.points_whole"))
    given = sum(raw.values())
    if given != TOTAL:
        raise AnswerRejected(t("answer.points_total", total=TOTAL, n=given))
    return dict(raw)


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("an option twice")
    return dict(pairs)


def _stored(question, value) -> dict[str, int] | None:
    """A stored answer read back; None for anything that is not one (it is then left out of every figure)."""
    try:
        return parse(question, value)
    except AnswerRejected:
        return None


def mean_points(question, values) -> tuple[int, dict[str, float]]:
    """(number of answers, mean points per option in the template's order); means 0 without answers."""
    answers = [points for points in (_stored(question, v) for v in values) if points is not None]
    n = len(answers)
    return n, {option: (sum(a.get(option, 0) for a in answers) / n if n else 0.0) for option in question.options}


def _means_text(question, values) -> str:
    _, means = mean_points(question, values)
    return " · ".join(f"{option} {number(mean)}" for option, mean in sorted(means.items(), key=lambda i: -i[1]))


@cache
def _view_class():
    """The phone's view, made on first use: ipywidgets is imported only where a question is shown."""
    import ipywidgets as widgets

    from kit.widgets.participant import QuestionView

    class PointsView(QuestionView):
        """One row per option: its text, then − [points] +; the points left on top; Verstuur when all are given."""

        def _inputs(self):
            self.points = dict.fromkeys(self.question.options, 0)
            self.left = widgets.HTML()
            self.left.add_class("tlg-question")
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
            stored = _stored(self.question, value)
            if stored is not None:
                self.points = {option: stored.get(option, 0) for option in self.question.options}
                self._show_points()
            super()._show_saved(value)

    return PointsView


STYLE = """<style>
.tlg-phone .tlg-divide-option .widget-html-content { font-size: 20px; font-weight: 700; margin-top: 6px; }
.tlg-phone button.tlg-divide-step { min-height: 64px; font-size: 24px; font-weight: 700; border-radius: 12px;
  border: 2px solid #1f4e79; background: #fff; color: #1f4e79; }
.tlg-phone button.tlg-divide-step:disabled { border-color: #999; color: #767676; }
.tlg-phone .tlg-divide-value .widget-html-content { font-size: 30px; font-weight: 700; color: #111;
  font-variant-numeric: tabular-nums; }
</style>"""

TYPE = PuntenType()
