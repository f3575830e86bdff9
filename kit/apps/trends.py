"""The zorgteam's page between sessions: one team over a period, its skill and satisfaction trends, a before/after
comparison in a plain sentence, recurring themes and the follow-up of its actions.

Figures from fewer answers than the threshold are never broken down: charts and tables say `trends.too_few()`.
"""

from __future__ import annotations

import html
import re

import ipywidgets as widgets
import pandas as pd

from kit import settings
from kit.charts import trend_charts
from kit.charts.by_type import charts_of

from kit.analysis import trends
from kit.apps.page_request import preheated_and_waiting, request_query_string
from kit.i18n import t
from kit.store import Store
from kit.analysis.trends.summary import headline_pair, series_rows
from kit.widgets.html import image_html
from kit.widgets.children import replace_children
from kit.widgets.downloads import Downloads
from kit.widgets.style import projector_style
from kit.widgets.late_changes import resend_changes_to_loading_pages

TEAM_ENV = settings.TEAM_ENV
COMPARABLE = (  # (catalog key of the label, question key)
    ("trends.compare_skill", trends.SKILL_KEY),
    ("trends.compare_school", trends.SCHOOL_KEY),
    ("trends.compare_partners", trends.PARTNERS_KEY),
)


def _table(frame: pd.DataFrame, columns: dict[str, str], index: bool = False) -> str:
    """A DataFrame as an escaped HTML table with the catalog's column names."""
    if frame.empty:
        return f"<p>{html.escape(t('trends.nothing_yet'))}</p>"
    head = "".join(f"<th>{html.escape(label)}</th>" for label in columns.values())
    rows = []
    for _, row in frame.iterrows():
        cells = "".join(f"<td>{html.escape(_cell(row[name]))}</td>" for name in columns)
        rows.append(f"<tr>{cells}</tr>")
    return f"<table class='tlg-actions'><tr>{head}</tr>{''.join(rows)}</table>"


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return t("trends.yes") if value else t("trends.no")
    return str(value)


def _image(png: bytes, alt: str) -> widgets.HTML:
    """A chart with its text alternative (an <img alt>; ipywidgets' Image has none)."""
    return widgets.HTML(image_html(png, alt), layout=widgets.Layout(max_width="100%", align_self="flex-start"))


def _words_alt(words) -> str:
    """The recurring words chart in words: each word with the number of sessions it came back in."""
    top = words.words.head(12)
    listed = ", ".join(f"{word} ({int(row['sessions'])})" for word, row in top.iterrows()) if len(top) else ""
    return t("a11y.chart_words", title=t("trends.themes"), words=listed)


class TrendsApp:
    def __init__(self, store: Store, team: str | None = None):
        self.store = store
        teams = store.history.teams()
        team = team if team in teams else (teams[0] if teams else None)
        self.team = widgets.Dropdown(options=teams, value=team, description=t("trends.team"),
                                     layout=widgets.Layout(width="480px"))
        self.date_from = widgets.DatePicker(description=t("trends.from"))
        self.date_to = widgets.DatePicker(description=t("trends.to"))
        for control in (self.team, self.date_from, self.date_to):
            control.style.description_width = "90px"
        self.summary = widgets.HTML()
        self.downloads = Downloads({"trends.rapport_button": self._rapport_file})
        self.skill = widgets.VBox()
        self.school = widgets.VBox()
        self.partners = widgets.VBox()
        # Every other question with a series (a template's own questions too): one at a time, the chart its type
        # draws, and only once picked, so the page costs no extra chart for whoever does not look.
        self.other_key = widgets.Dropdown(description=t("trends.question"), layout=widgets.Layout(width="720px"))
        self.other = widgets.VBox()
        self.compare_key = widgets.Dropdown(options=[(t(label), key) for label, key in COMPARABLE], description=t("trends.question"), layout=widgets.Layout(width="480px"))
        self.compare_a = widgets.Dropdown(description=t("trends.earlier"), layout=widgets.Layout(width="360px"))
        self.compare_b = widgets.Dropdown(description=t("trends.later"), layout=widgets.Layout(width="360px"))
        self.compare_text = widgets.HTML()
        self.compare_text.add_class("tlg-question-big")
        self.words = widgets.VBox()
        self.points = widgets.HTML()
        self.recurring = widgets.HTML()
        self.actions = widgets.HTML()
        self.view: trends.TrendView | None = None
        self.drawn_at = None  # the database's change counter when the page was last drawn
        self._filling = False

        def section(title: str, *children) -> widgets.VBox:
            return widgets.VBox([widgets.HTML(f"<h2>{html.escape(title)}</h2>"), *children])

        self.widget = widgets.VBox([
            projector_style(),
            widgets.HTML(f"<h1>{html.escape(t('trends.title'))}</h1>"),
            widgets.HBox([self.team, self.date_from, self.date_to], layout=widgets.Layout(flex_flow="row wrap")),
            self.summary,
            self.downloads,
            section(t("trends.skill"), self.skill),
            section(t("trends.school"), self.school),
            section(t("trends.partners"), self.partners),
            other := section(t("trends.other_questions"), self.other_key, self.other),
            section(t("trends.before_after"), widgets.HBox([self.compare_key]),
                    widgets.HBox([self.compare_a, self.compare_b], layout=widgets.Layout(flex_flow="row wrap")),
                    self.compare_text),
            section(t("trends.themes"), self.words, self.points, self.recurring),
            section(t("trends.actions"), self.actions),
        ])
        self.other_section = other
        self.widget.add_class("tlg-projector")
        self.other_key.observe(lambda _: self.render_other(), "value")
        for control in (self.team, self.date_from, self.date_to):
            control.observe(lambda _: self.render(), "value")
        for control in (self.compare_key, self.compare_a, self.compare_b):
            control.observe(lambda _: self.render_comparison(), "value")
        self.render()

    def refresh_if_changed(self) -> bool:
        """Draw the page again if the database changed since it was drawn (a session held meanwhile); where the
        database cannot tell cheaply (PostgreSQL), always. True when it drew."""
        if self.drawn_at is not None and self.store.sessions.change_counter() == self.drawn_at:
            return False
        self.render()
        return True

    def _rapport_file(self) -> tuple[str, str, bytes]:
        """The rapport of what the page shows: this team, this period."""
        from kit.documents.team_report import team_report_pdf

        pdf = team_report_pdf(self.store, self.team.value, self.date_from.value, self.date_to.value)
        return t("trends.rapport_file", team=file_name_part(self.team.value)), "application/pdf", pdf

    def render(self) -> None:
        if self.team.value is None:
            command = "<code>teamleergesprek demo</code>"
            self.summary.value = f"<p>{html.escape(t('trends.no_sessions', command='{command}')).format(command=command)}</p>"
            return
        self.drawn_at = self.store.sessions.change_counter()
        view = trends.trend_view(self.store, self.team.value, self.date_from.value, self.date_to.value)
        self.view = view
        self.downloads.clear()
        sessions = view.data.sessions
        self.summary.value = (
            f"<p class='tlg-count-line'>{html.escape(t('trends.sessions_of', n=len(sessions), team=view.team))}</p>"
            f"<p>{html.escape(t('trends.threshold', min=view.min_group, too_few=trends.too_few()))}</p>"
        )
        replace_children(self.skill, self._series(view.skill, trend_charts.diverging_bars, t("trends.skill")))
        replace_children(self.school, self._series(view.school, trend_charts.mean_over_time, t("trends.school")))
        replace_children(self.partners, self._series(view.partners, trend_charts.stacked_bars, t("trends.partners")))
        self._fill_other(view)
        options = [(label, code) for code, label in zip(sessions.index, sessions["label"])]
        self._filling = True  # one comparison after both pickers are set, not one per change
        # By default the headline's pair: the latest two sessions with enough answers (or simply the last two).
        pair = headline_pair(view.data, self.compare_key.value, view.min_group)
        for picker, default in ((self.compare_a, 0), (self.compare_b, 1)):
            picker.options = options
            picker.value = (pair[default] if pair else options[0][1]) if options else None
        self._filling = False
        self.render_comparison()
        replace_children(self.words, [_image(trend_charts.figure_png(trend_charts.recurring_words_chart(view.words)),
                                             _words_alt(view.words))])
        side = trends.points_side_by_side(view.data, top=5, min_group=view.min_group)
        self.points.value = f"<h3>{html.escape(t('trends.top_of_board'))}</h3>" + _table(
            side.reset_index(), {"rank": t("trends.col_rank"), **{c: c for c in side.columns}})
        recurring = view.recurring_points.assign(sessions=view.recurring_points["labels"].map(", ".join)) \
            if not view.recurring_points.empty else view.recurring_points
        self.recurring.value = f"<h3>{html.escape(t('trends.recurring'))}</h3>" + _table(
            recurring, {"text": t("trends.col_point"), "times": t("trends.col_times"),
                        "sessions": t("trends.col_sessions")})
        self.actions.value = _table(view.actions, {
            "label": t("trends.col_session"), "text": t("trends.col_action"), "level": t("trends.col_level"),
            "owner": t("trends.col_owner"), "planning": t("trends.col_planning"), "status": t("trends.col_status"),
            "carried": t("trends.col_carried"),
        })

    def _series(self, all_series, chart, title: str = "") -> list[widgets.Widget]:
        if not all_series:
            return [widgets.HTML(f"<p>{html.escape(t('trends.not_in_period'))}</p>")]
        parts: list[widgets.Widget] = []
        for number, one in enumerate(all_series):
            if len(all_series) > 1:
                asked = t("trends.asked_as", description=one.description)
                apart = " " + t("trends.asked_apart") if number else ""
                parts.append(widgets.HTML(f"<p><b>{html.escape(asked)}</b>{html.escape(apart)}</p>"))
            # The table right under the chart holds its figures; the alternative says so.
            parts.append(_image(trend_charts.figure_png(chart(one)), t("a11y.chart_table", title=title or one.description)))
            parts.append(widgets.HTML(self._series_table(one)))
        return parts

    @staticmethod
    def _series_table(one: trends.QuestionSeries) -> str:
        """The chart's figures in words: n per session, or the reason a session is not broken down."""
        rows = "".join(
            f"<tr><td>{html.escape(label)}</td><td>{n}</td><td>{html.escape(detail)}</td></tr>"
            for label, n, detail in series_rows(one)
        )
        head = "".join(f"<th>{html.escape(t(key))}</th>"
                       for key in ("trends.col_session", "trends.col_answers", "trends.col_outcome"))
        return f"<table class='tlg-actions'><tr>{head}</tr>{rows}</table>"

    def _fill_other(self, view: trends.TrendView) -> None:
        shown = {key for _, key in COMPARABLE}
        texts = view.data.questions.drop_duplicates("key", keep="last").set_index("key")["text"]
        keys = [key for key in trends.series_keys(view.data) if key not in shown]
        self.other_section.layout.display = None if keys else "none"
        previous = self.other_key.value
        self._filling = True
        self.other_key.options = [(t("trends.pick_question"), None), *(
            (t("trends.changed_label", question=texts[key]) if trends.changed_note(view.data, key) else texts[key], key)
            for key in keys)]
        self.other_key.value = previous if previous in keys else None
        self._filling = False
        self.render_other()

    def render_other(self) -> None:
        if self._filling or self.view is None:
            return
        key = self.other_key.value
        all_series = trends.series(self.view.data, key, self.view.min_group) if key else []
        note = trends.changed_note(self.view.data, key) if key else ""
        changed = [widgets.HTML(f"<p class='tlg-changed'><i>{html.escape(note)}</i></p>")] if note else []
        replace_children(self.other, changed + self._series(
            all_series, lambda one: charts_of(one.question).trend_figure(one)) if key else [])

    def render_comparison(self) -> None:
        if self._filling:
            return
        if self.view is None or self.compare_a.value is None or self.compare_b.value is None:
            self.compare_text.value = ""
            return
        if self.compare_a.value == self.compare_b.value:
            self.compare_text.value = html.escape(t("trends.pick_two"))
            return
        sentence = trends.compare(self.view.data, self.compare_a.value, self.compare_b.value, self.compare_key.value,
                                  self.view.min_group)
        self.compare_text.value = html.escape(sentence)


def file_name_part(text: str) -> str:
    """A team name as part of a file name on any laptop: 'Havo/vwo onderbouw' -> 'havo-vwo-onderbouw'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "team"


def trends_app(db_url: str | None = None, team: str | None = None) -> widgets.Widget:
    resend_changes_to_loading_pages()
    app = TrendsApp(Store(db_url), team or settings.team())
    app.widget._tlg_app = app
    return app.widget


def when_requested(page: widgets.Widget, wait=request_query_string) -> None:
    """The trends notebook's last cell. `teamleergesprek trends` preheats a kernel: it runs the notebook, drawing
    the page before anyone asks, so the page is on screen at once when asked for (issue 16: 5-6 s before). Here
    that kernel waits for its request; then it draws again only if a session changed the data meanwhile. A kernel
    started for the request (not preheated) returns at once."""
    if preheated_and_waiting():
        wait()
        page._tlg_app.refresh_if_changed()
