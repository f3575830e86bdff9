"""The verslag: a PDF of one session for the team and the school's jaarplan, in the language of `kit.i18n`.

Contents, in agenda order: date, team, the agenda with minutes, every poll question (its chart from 3 answers on,
otherwise only the number of answers: a small group is never broken down), the open answers the facilitator let
through to the room (never the ones kept off the screen; of a private question only what its author shared and
the facilitator showed), the route map per meldcode step and category, the points ranked by stickers, and the
action plan.

Made with fpdf2 rather than matplotlib's PdfPages: the verslag is mostly running text and tables whose length
depends on what a team wrote, and fpdf2 wraps text, breaks pages, repeats table headings and keeps text as
selectable, searchable text, where PdfPages would need every line placed by hand. fpdf2 reads participant text as
plain text (its markdown is off unless asked for), so "<script>" or "**" print as typed. The charts are the
projector's own matplotlib figures (`kit.charts.session_charts`), placed as images.

Print in black and white: black text, dark bars on white, light grey only behind table headings, and nothing
said by colour alone (the scale's mean is a dashed line with its value written above it).

The fonts are DejaVu Sans, shipped inside matplotlib, so the PDF looks the same on every laptop and covers
accented letters, Greek, Cyrillic, Hebrew and Arabic letters and many symbols. A character it lacks (most emoji)
comes from matplotlib's Last Resort font: a box naming the character's Unicode block. It is still the exact
character in the PDF's text, so it can be copied and searched.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import date
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from kit.analysis import aggregate

from kit.charts import session_charts
from kit.charts.by_type import charts_of
from kit.documents.by_type import documents_of
from kit.documents.session_export import PollAnswer, SessionData, session_data
from kit.i18n import language, t, weekday_date
from kit.model.template import ROUTE_CATEGORIES, Block, Question
from kit.store import Store

FONT = "dejavu"
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"

MARGIN = 18  # mm
BODY_SIZE = 10.5
SMALL_SIZE = 9
LINE = 5.2  # mm per body line
CHART_WIDTH = 130  # mm; the figures are 12 inches wide, so their 20 pt labels print at about 8.5 pt
CHART_DPI = 150
TOP_WORDS = 10
HEADING_FILL = 225  # light grey behind table headings: readable in print, not needed to read the table

def session_report_pdf(store: Store, code: str, *, today: date | None = None) -> bytes:
    return report_pdf(session_data(store, code), today=today)


def write_session_report(store: Store, code: str, path: str | Path, *, today: date | None = None) -> None:
    Path(path).write_bytes(session_report_pdf(store, code, today=today))


def report_pdf(data: SessionData, *, today: date | None = None) -> bytes:
    pdf = ReportDocument(t("report.footer", team=data.record.team, date=weekday_date(data.record.session_date)))
    pdf.cover(_all_text(data))
    _title_page(pdf, data, today or date.today())
    pdf.add_page()
    for block in data.template.blocks:
        if block.questions or block.meldcode is not None or block.points is not None:
            _block(pdf, data, block)
    return bytes(pdf.output())


class ReportDocument(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.footer_text = footer_text
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.add_font(FONT, "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
        self.set_title(t("report.title"))
        self.set_lang(language())
        self.set_creator("Teamleergesprek kit")
        self.set_text_color(0)
        self.set_draw_color(0)
        self.add_page()

    def cover(self, text: str) -> None:
        """Make sure every character of `text` can be drawn: what DejaVu lacks comes from Last Resort.

        Only the characters needed are loaded from that font: reading all of it takes seconds."""
        fonts = [self.fonts[key] for key in (FONT, FONT + "B", FONT + "I")]
        missing = {ord(ch) for ch in set(text) if ch not in "\n\r\t" and any(ord(ch) not in f.cmap for f in fonts)}
        last_resort = FONT_DIR / "LastResortHE-Regular.ttf"  # in matplotlib since 3.10
        if missing and last_resort.exists():
            self.add_font("lastresort", "", str(last_resort), unicode_range=sorted(missing))
            self.set_fallback_fonts(["lastresort"], exact_match=False)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.cell(0, 5, _plain(self.footer_text), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, t("report.page", page=self.page_no(), pages="{nb}"), align="R")

    # -- text helpers ---------------------------------------------------------------------------------------------
    @property
    def text_width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def room_for(self, height: float) -> None:
        """Start a new page unless `height` mm fit on this one: a heading never ends a page alone."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def heading(self, text: str, size: float = 15, *, space_before: float = 6, keep: float = 30) -> None:
        self.room_for(space_before + keep)
        if self.get_y() > self.t_margin + 1:
            self.ln(space_before)
        self.set_font(FONT, "B", size)
        self.multi_cell(0, size * 0.5, _plain(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def para(self, text: str, *, style: str = "", size: float = BODY_SIZE, indent: float = 0, after: float = 1.5):
        self.set_font(FONT, style, size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.text_width - indent, size * 0.5, _plain(text), align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(after)

    def bullet(self, text: str, *, indent: float = 4) -> None:
        self.set_font(FONT, "", BODY_SIZE)
        lines = len(self.multi_cell(self.text_width - indent - 4, LINE, _plain(text), dry_run=True,
                                    output="LINES"))
        self.room_for(min(lines, 3) * LINE)
        self.set_x(self.l_margin + indent)
        self.cell(4, LINE, "•")
        self.multi_cell(self.text_width - indent - 4, LINE, _plain(text), align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def figure(self, fig) -> None:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=CHART_DPI, facecolor=session_charts.BACKGROUND)
        height = _figure_height(fig)
        self.room_for(height + 2)
        self.image(buffer, x=self.l_margin + (self.text_width - CHART_WIDTH) / 2, w=CHART_WIDTH, h=height)
        self.ln(3)


def _all_text(data: SessionData) -> str:
    """Every text the verslag may print, to find the characters its fonts must cover."""
    parts = [json.dumps(data.template.to_dict(), ensure_ascii=False), data.record.team, data.record.code]
    parts += [p.answer.value for p in data.polls]
    parts += [g.label for g in data.groups] + [i.text for i in data.route_items] + [p.text for p in data.points]
    parts += [f"{a.text} {a.level} {a.owner} {a.planning} {a.status}" for a in data.actions]
    return "\n".join(parts)


def _plain(text: str) -> str:
    """Participant text as printed: line breaks as line breaks, a tab as spaces; every other character as typed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")


# -- the title page -----------------------------------------------------------------------------------------------
def _title_page(pdf: ReportDocument, data: SessionData, today: date) -> None:
    record = data.record
    pdf.set_font(FONT, "B", 22)
    pdf.multi_cell(0, 10, t("report.title"), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.para(data.template.title, size=12, after=5)

    participants = len({p.answer.participant for p in data.polls})
    facts = (
        (t("report.team"), record.team),
        (t("report.date"), weekday_date(record.session_date)),
        (t("report.code"), record.code),
        (t("report.participants"), t("report.participants_value", n=participants)),
        (t("report.made_on"), weekday_date(today)),
    )
    pdf.set_font(FONT, "", BODY_SIZE)
    with pdf.table(col_widths=(45, pdf.text_width - 45), width=pdf.text_width, first_row_as_headings=False,
                   borders_layout="NONE", text_align="LEFT", align="LEFT", line_height=LINE, padding=(0.6, 0)) as table:
        for label, value in facts:
            row = table.row()
            row.cell(label, style=FontFace(emphasis="BOLD"))
            row.cell(_plain(value))
    pdf.ln(4)
    pdf.para(t("report.about", min=aggregate.MIN_ANSWERS_FOR_DISTRIBUTION), size=SMALL_SIZE, style="I", after=4)

    pdf.heading(t("facilitator.agenda"), keep=40)
    pdf.set_font(FONT, "", BODY_SIZE)
    with pdf.table(col_widths=(pdf.text_width - 30, 30), width=pdf.text_width, text_align=("LEFT", "RIGHT"),
                   align="LEFT", line_height=LINE, borders_layout="HORIZONTAL_LINES",
                   headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL)) as table:
        table.row((t("report.part"), t("report.minutes")))
        for block in data.template.blocks:
            table.row((_plain(block.title), str(block.minutes)))
        total = table.row()
        total.cell(t("report.total"), style=FontFace(emphasis="BOLD"))
        total.cell(str(data.template.total_minutes), style=FontFace(emphasis="BOLD"))


# -- one block of the agenda ----------------------------------------------------------------------------------------
def _block(pdf: ReportDocument, data: SessionData, block: Block) -> None:
    polls = {q.key: [p for p in data.polls if p.question.key == q.key] for q in block.questions}
    figures = {q.key: _question_figure(q, polls[q.key]) for q in block.questions}
    # The block's title stays with its first question and that question's chart.
    first = figures[block.questions[0].key] if block.questions else None
    pdf.heading(block.title, size=16, space_before=10, keep=40 + _figure_height(first))
    for question in block.questions:
        _question(pdf, question, polls[question.key], figures[question.key])
    if block.meldcode is not None:
        _meldcode(pdf, data, block)
    if block.points is not None:
        _points(pdf, data)
        _actions(pdf, data)


def _shown(polls: list[PollAnswer]) -> list[str]:
    return [p.answer.value for p in polls if p.answer.shown]


def _question_figure(question: Question, polls: list[PollAnswer]):
    """The question's chart, or None: closed questions from 3 answers on; for open questions the most used words
    of the answers shown to the room, when there are 3 such answers and some word comes up more than once (words
    that each come up once say nothing a reader cannot see in the answers listed below the chart)."""
    if question.kind.free_text:
        shown = _shown(polls)
        words = aggregate.word_frequencies(shown, top=TOP_WORDS)
        if len(shown) >= aggregate.MIN_ANSWERS_FOR_DISTRIBUTION and words and words[0][1] > 1:
            return session_charts.word_cloud_bars(words)
        return None
    values = [p.answer.value for p in polls]
    if len(values) < aggregate.MIN_ANSWERS_FOR_DISTRIBUTION:
        return None
    return charts_of(question).figure(question, values)


def _figure_height(fig) -> float:
    if fig is None:
        return 0
    width_in, height_in = fig.get_size_inches()
    return CHART_WIDTH * height_in / width_in


def _question(pdf: ReportDocument, question: Question, polls: list[PollAnswer], figure) -> None:
    n = len(polls)
    # The question, its count and its chart on one page.
    pdf.heading(question.text, size=12, space_before=5, keep=25 + _figure_height(figure))
    count = t("facilitator.answer_count", n=n)
    if question.kind.free_text:
        shown = _shown(polls)
        if question.private:
            pdf.para(t("report.private"), size=SMALL_SIZE, style="I")
        pdf.para(t("report.shown_count", count=count, n=len(shown)) if n else t("report.no_answers"), size=SMALL_SIZE)
        if figure is not None:
            pdf.para(t("report.words"), size=SMALL_SIZE)
            pdf.figure(figure)
        if shown:
            pdf.para(t("report.shown"), style="B", size=SMALL_SIZE, after=1)
            for text in shown:
                pdf.bullet(text)
        return
    if n == 0:
        pdf.para(t("report.no_answers"), size=SMALL_SIZE)
    elif figure is None:
        pdf.para(t("report.too_few", count=count, min=aggregate.MIN_ANSWERS_FOR_DISTRIBUTION), size=SMALL_SIZE)
    else:
        note = documents_of(question).report_note(question, [p.answer.value for p in polls])
        pdf.para(f"{count}{note}.", size=SMALL_SIZE)
        pdf.figure(figure)


# -- Werkvorm 3 ---------------------------------------------------------------------------------------------------
def _meldcode(pdf: ReportDocument, data: SessionData, block: Block) -> None:
    meldcode = block.meldcode
    chosen = Counter(g.case_key for g in data.groups if g.case_key)
    pdf.heading(t("report.groups_cases"), size=12, space_before=3, keep=20)
    if data.groups:
        pdf.para(t("report.groups_worked", n=len(data.groups)))
        for case in meldcode.cases:
            if chosen[case.key]:
                times = t("report.group", n=chosen[case.key])
                pdf.bullet(f"{case.title}: {times}")
    else:
        pdf.para(t("report.no_groups"))

    pdf.heading(t("route.title"), size=14, space_before=6, keep=30)
    if not data.route_items:
        pdf.para(t("report.no_route"))
        return
    pdf.para(t("report.route_intro"), size=SMALL_SIZE)
    for step in meldcode.steps:
        items = [i for i in data.route_items if i.step_key == step.key]
        pdf.heading(step.title, size=12, space_before=4, keep=22)
        if not items:
            pdf.para(t("report.nothing_step"), style="I", size=SMALL_SIZE)
            continue
        for category in ROUTE_CATEGORIES:
            texts = [i.text for i in items if i.category == category]
            pdf.room_for(2 * LINE)
            pdf.para(t(f"route.{category}"), style="B", size=BODY_SIZE, after=0.5)
            if texts:
                for text in texts:
                    pdf.bullet(text)
            else:
                pdf.para(t("report.nothing"), style="I", size=SMALL_SIZE, indent=4)
        pdf.ln(1)


# -- Werkvorm 5 ---------------------------------------------------------------------------------------------------
def _points(pdf: ReportDocument, data: SessionData) -> None:
    pdf.heading(t("report.points"), size=14, space_before=6, keep=30)
    if not data.ranking:
        pdf.para(t("report.no_points"))
        return
    set_aside = len(data.points) - len(data.ranking)
    if set_aside:
        pdf.para(t("report.set_aside", n=set_aside), size=SMALL_SIZE)
    pdf.set_font(FONT, "", BODY_SIZE)
    with pdf.table(col_widths=(12, pdf.text_width - 36, 24), width=pdf.text_width, align="LEFT",
                   text_align=("RIGHT", "LEFT", "RIGHT"), line_height=LINE, borders_layout="HORIZONTAL_LINES",
                   headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL), padding=(1, 1.5)) as table:
        table.row((t("report.col_number"), t("report.col_point"), t("report.col_stickers")))
        for rank, point in enumerate(data.ranking, start=1):
            table.row((str(rank), _plain(point.text), str(point.stickers)))


def _actions(pdf: ReportDocument, data: SessionData) -> None:
    pdf.heading(t("actions.title"), size=14, space_before=8, keep=30)
    if not data.actions:
        pdf.para(t("report.no_actions"))
        return
    ranks = {r.point_id: n for n, r in enumerate(data.ranking, start=1)}
    pdf.para(t("report.actions_note"), size=SMALL_SIZE)
    pdf.set_font(FONT, "", SMALL_SIZE)
    widths = (52, 32, 30, 22, 20)
    widths = (*widths, pdf.text_width - sum(widths))
    with pdf.table(col_widths=widths, width=pdf.text_width, align="LEFT", text_align="LEFT", line_height=4.5,
                   borders_layout="HORIZONTAL_LINES", v_align="TOP",
                   headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL), padding=(1, 1.2)) as table:
        table.row(tuple(t(key) for key in ("actions.text", "actions.level_label", "report.col_owner", "actions.planning",
                                        "actions.status_label", "actions.point")))
        for action in data.actions:
            table.row(tuple(_plain(v) for v in (action.text, action.level, action.owner, action.planning, action.status,
                                            _ranked_point(data, ranks, action.point_id))))


def _ranked_point(data: SessionData, ranks: dict[str, int], point_id: str | None) -> str:
    """The point's number in the ranked list; a merged point counts as the one it went into. A point the
    facilitator hid is not named: its text was kept off the screen, so it stays out of the verslag too."""
    seen = set()
    while point_id and point_id not in ranks and point_id not in seen:
        seen.add(point_id)
        point = data.point(point_id)
        point_id = point.merged_into if point is not None and point.status == "merged" else None
    return t("report.point_number", n=ranks[point_id]) if point_id in ranks else ""
