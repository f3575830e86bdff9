"""The zorgteam's printable rapport: the trends of one team over a period, in Dutch, for the school's jaarplan.

The same figures as the trends page (kit.trends, kit.trend_charts); each chart can also be saved as PNG.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fpdf.fonts import FontFace

from kit import trend_charts, trends
from kit.report import FONT, HEADING_FILL, LINE, SMALL_SIZE, ReportDocument, dutch_date
from kit.trend_summary import first_and_last, series_rows

SECTIONS = (
    ("Hoe vaardig voelt het team zich bij signaleren en handelen?", "skill", trend_charts.diverging_bars,
     "vaardigheid"),
    ("Tevredenheid over de handelswijze van de school (0 tot 5)", "school", trend_charts.mean_over_time,
     "tevredenheid_school"),
    ("Tevredenheid over de samenwerking met partners", "partners", trend_charts.stacked_bars,
     "tevredenheid_samenwerking"),
)


def team_report_pdf(store, team: str, date_from=None, date_to=None, *, png_dir: str | Path | None = None,
                    today: date | None = None) -> bytes:
    view = trends.trend_view(store, team, date_from, date_to)
    pdf = ReportDocument(f"Trends teamleergesprek: {team}")
    pdf.set_title("Trends teamleergesprek")
    pngs = Path(png_dir) if png_dir else None
    if pngs:
        pngs.mkdir(parents=True, exist_ok=True)

    def chart(figure, name: str) -> None:
        pdf.figure(figure)
        if pngs:
            (pngs / f"{name}.png").write_bytes(trend_charts.figure_png(figure))

    sessions = view.data.sessions
    pdf.heading(f"Trends teamleergesprek: {team}", size=20, space_before=0)
    period = (f"{dutch_date(sessions['date'].iloc[0])} tot en met {dutch_date(sessions['date'].iloc[-1])}"
              if len(sessions) else "geen sessies")
    pdf.para(f"{len(sessions)} sessies, {period}. Gemaakt op {dutch_date(today or date.today())}.")
    pdf.para(f"Uitkomsten van minder dan {view.min_group} antwoorden worden niet uitgesplitst: daar staat "
             f"'{trends.TOO_FEW}'. Er staan geen namen in dit rapport.", size=SMALL_SIZE)

    for title, attribute, draw, key in SECTIONS:
        pdf.heading(title, size=14, keep=95)  # the chart follows: keep them on one page
        all_series = getattr(view, attribute)
        if not all_series:
            pdf.para("Deze vraag is in deze periode niet gesteld.")
            continue
        for number, one in enumerate(all_series):
            if len(all_series) > 1:
                pdf.para(f"Vraag gesteld als: {one.description}" + (" (apart getoond)" if number else ""),
                         style="B")
            chart(draw(one), key if number == 0 else f"{key}-{number + 1}")
            _table(pdf, ("Sessie", "Antwoorden", "Uitkomst"), [(label, str(n), detail) for label, n, detail in
                                                               series_rows(one)], (34, 28))
        sentence = first_and_last(view, key)
        if sentence:
            pdf.para(f"Van de eerste naar de laatste sessie: {sentence}")

    pdf.heading("Terugkerende thema's", size=14)
    chart(trend_charts.recurring_words_chart(view.words), "woorden")
    side = trends.points_side_by_side(view.data, top=5, min_group=view.min_group)
    if len(side.columns):
        pdf.para("Bovenaan het stickerbord, per sessie:", style="B")
        for label in side.columns:
            texts = [text for text in side[label] if text]
            pdf.bullet(f"{label}: " + ("; ".join(texts) if texts else "geen punten"))
    if not view.recurring_points.empty:
        pdf.para("Punten die vaker bovenaan kwamen:", style="B")
        for row in view.recurring_points.itertuples(index=False):
            pdf.bullet(f"{row.text} ({row.times} keer: {', '.join(row.labels)})")

    pdf.heading("Acties en hun opvolging", size=14)
    if view.actions.empty:
        pdf.para("Er zijn geen acties vastgelegd.")
    else:
        pdf.para("De eigenaar is een rol, geen naam. 'Meegenomen': de actie staat ook in de volgende sessie, of was "
                 "daar nog niet klaar.", size=SMALL_SIZE)
        rows = [(a.label, a.text, a.owner, a.planning, a.status, "ja" if a.carried else "nee")
                for a in view.actions.itertuples(index=False)]
        _table(pdf, ("Sessie", "Actie", "Eigenaar (rol)", "Planning", "Status", "Meegenomen"), rows,
               (22, None, 30, 24, 22, 22))
    return bytes(pdf.output())


def _table(pdf: ReportDocument, heading: tuple[str, ...], rows, widths: tuple) -> None:
    """A table with a grey heading row; `None` in widths takes the remaining width."""
    fixed = sum(w for w in widths if w)
    widths = tuple(w if w else pdf.text_width - fixed for w in widths)
    if len(widths) < len(heading):
        widths = (*widths, pdf.text_width - sum(widths))
    pdf.set_font(FONT, "", SMALL_SIZE)
    with pdf.table(col_widths=widths, width=pdf.text_width, align="LEFT", text_align="LEFT", line_height=LINE - 0.7,
                   borders_layout="HORIZONTAL_LINES", v_align="TOP",
                   headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL), padding=(1, 1.2)) as table:
        table.row(heading)
        for row in rows:
            table.row(tuple(str(value) for value in row))
    pdf.ln(2)
