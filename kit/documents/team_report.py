"""The zorgteam's printable rapport: the trends of one team over a period, for the school's jaarplan, in the
language of `kit.i18n` (Dutch unless `--lang en`).

The same figures as the trends page (kit.analysis.trends, kit.charts.trend_charts); each chart can also be saved as PNG.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fpdf.fonts import FontFace

from kit.charts import trend_charts

from kit.analysis import trends
from kit.i18n import t, weekday_date
from kit.documents.pdf import HEADING_FILL, LINE, SMALL_SIZE, PdfDocument
from kit.analysis.trends.summary import headline, series_rows

SECTIONS = (  # (catalog key of the title, attribute of the view, chart, question key = PNG name)
    ("rapport.skill", "skill", trend_charts.diverging_bars, "vaardigheid"),
    ("rapport.school", "school", trend_charts.mean_over_time, "tevredenheid_school"),
    ("rapport.partners", "partners", trend_charts.stacked_bars, "tevredenheid_samenwerking"),
)


def team_report_pdf(store, team: str, date_from=None, date_to=None, *, png_dir: str | Path | None = None,
                    today: date | None = None) -> bytes:
    view = trends.trend_view(store, team, date_from, date_to)
    title = t("rapport.title", team=team)
    pdf = PdfDocument(title)
    pdf.set_title(t("rapport.doc_title"))
    pngs = Path(png_dir) if png_dir else None
    if pngs:
        pngs.mkdir(parents=True, exist_ok=True)

    def chart(figure, name: str) -> None:
        pdf.figure(figure)
        if pngs:
            (pngs / f"{name}.png").write_bytes(trend_charts.figure_png(figure))

    sessions = view.data.sessions
    pdf.heading(title, size=20, space_before=0)
    period = (t("rapport.period", first=weekday_date(sessions["date"].iloc[0]),
                last=weekday_date(sessions["date"].iloc[-1])) if len(sessions) else t("rapport.no_sessions"))
    pdf.para(t("rapport.made", n=len(sessions), period=period, today=weekday_date(today or date.today())))
    pdf.para(t("rapport.threshold", min=view.min_group, too_few=trends.too_few()), size=SMALL_SIZE)

    for title_key, attribute, draw, key in SECTIONS:
        pdf.heading(t(title_key), size=14, keep=95)  # the chart follows: keep them on one page
        all_series = getattr(view, attribute)
        if not all_series:
            pdf.para(t("trends.not_in_period"))
            continue
        for number, one in enumerate(all_series):
            if len(all_series) > 1:
                asked = t("trends.asked_as", description=one.description)
                pdf.para(asked + (" " + t("rapport.apart") if number else ""), style="B")
            chart(draw(one), key if number == 0 else f"{key}-{number + 1}")
            heading = (t("trends.col_session"), t("trends.col_answers"), t("trends.col_outcome"))
            _table(pdf, tuple(h.capitalize() for h in heading),
                   [(label, str(n), detail) for label, n, detail in series_rows(one)], (34, 28))
        line = headline(view, key)  # a small newest session does not hide the others' trend
        if line:
            pdf.para(line)

    pdf.heading(t("trends.themes"), size=14)
    chart(trend_charts.recurring_words_chart(view.words), "woorden")
    side = trends.points_side_by_side(view.data, top=5, min_group=view.min_group)
    if len(side.columns):
        pdf.para(t("trends.top_of_board") + ":", style="B")
        for label in side.columns:
            texts = [text for text in side[label] if text]
            pdf.bullet(f"{label}: " + ("; ".join(texts) if texts else t("rapport.no_points")))
    if not view.recurring_points.empty:
        pdf.para(t("trends.recurring") + ":", style="B")
        for row in view.recurring_points.itertuples(index=False):
            pdf.bullet(t("rapport.recurring_point", text=row.text, n=row.times, sessions=", ".join(row.labels)))

    pdf.heading(t("trends.actions"), size=14)
    if view.actions.empty:
        pdf.para(t("report.no_actions"))
    else:
        pdf.para(t("rapport.actions_note"), size=SMALL_SIZE)
        rows = [(a.label, a.text, a.owner, a.planning, a.status, t("trends.yes") if a.carried else t("trends.no"))
                for a in view.actions.itertuples(index=False)]
        heading = ("trends.col_session", "trends.col_action", "trends.col_owner", "trends.col_planning",
                   "trends.col_status", "rapport.col_carried")
        _table(pdf, tuple(t(key).capitalize() for key in heading), rows,
               (22, None, 30, 24, 22, 22))
    return bytes(pdf.output())


def _table(pdf: PdfDocument, heading: tuple[str, ...], rows, widths: tuple) -> None:
    """A table with a grey heading row; `None` in widths takes the remaining width."""
    fixed = sum(w for w in widths if w)
    widths = tuple(w if w else pdf.text_width - fixed for w in widths)
    if len(widths) < len(heading):
        widths = (*widths, pdf.text_width - sum(widths))
    rows = [tuple(str(value) for value in row) for row in rows]
    widths, _ = pdf.whole_word_columns([heading, *rows], widths, SMALL_SIZE, padding=1.2)
    with pdf.table(col_widths=widths, width=pdf.text_width, align="LEFT", text_align="LEFT", line_height=LINE - 0.7,
                   borders_layout="HORIZONTAL_LINES", v_align="TOP",
                   headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL), padding=(1, 1.2)) as table:
        table.row(heading)
        for row in rows:
            table.row(row)
    pdf.ln(2)
