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

The page, its fonts and the text helpers are `kit.documents.pdf`, shared with the rapport and the invitation.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from kit.analysis import aggregate
from kit.charts import session_charts
from kit.charts.by_type import charts_of
from kit.documents.by_type import documents_of
from kit.documents.pdf import BODY_SIZE, FONT, HEADING_FILL, LINE, SMALL_SIZE, PdfDocument, figure_height, plain_text
from kit.documents.session_export import PollAnswer, SessionData, session_data
from kit.authoring.naslag import BULLET, load_reference
from kit.i18n import language, t, weekday_date
from kit.model.template import ROUTE_CATEGORIES, ROUTE_CATEGORY_KEYS, Block, Question
from kit.store import Store

TOP_WORDS = 10

def session_report_pdf(store: Store, code: str, *, today: date | None = None) -> bytes:
    return report_pdf(session_data(store, code), today=today)


def write_session_report(store: Store, code: str, path: str | Path, *, today: date | None = None) -> None:
    Path(path).write_bytes(session_report_pdf(store, code, today=today))


def report_pdf(data: SessionData, *, today: date | None = None) -> bytes:
    pdf = PdfDocument(t("report.footer", team=data.record.team, date=weekday_date(data.record.session_date)))
    pdf.cover(_all_text(data))
    _title_page(pdf, data, today or date.today())
    pdf.add_page()
    for block in data.template.blocks:
        if block.questions or block.meldcode is not None or block.points is not None:
            _block(pdf, data, block)
    _after_the_session(pdf, data)
    return bytes(pdf.output())


def _all_text(data: SessionData) -> str:
    """Every text the verslag may print, to find the characters its fonts must cover."""
    parts = [json.dumps(data.template.to_dict(), ensure_ascii=False), data.record.team, data.record.code]
    parts += [p.answer.value for p in data.polls]
    parts += [g.label for g in data.groups] + [i.text for i in data.route_items] + [p.text for p in data.points]
    parts += [f"{a.text} {a.level} {a.owner} {a.planning} {a.status}" for a in data.actions]
    return "\n".join(parts)


# -- the title page -----------------------------------------------------------------------------------------------
def _title_page(pdf: PdfDocument, data: SessionData, today: date) -> None:
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
            row.cell(plain_text(value))
    pdf.ln(4)
    pdf.para(t("report.about", min=aggregate.MIN_ANSWERS_FOR_DISTRIBUTION), size=SMALL_SIZE, style="I", after=4)

    pdf.heading(t("facilitator.agenda"), keep=40)
    pdf.set_font(FONT, "", BODY_SIZE)
    with pdf.table(col_widths=(pdf.text_width - 30, 30), width=pdf.text_width, text_align=("LEFT", "RIGHT"),
                   align="LEFT", line_height=LINE, borders_layout="HORIZONTAL_LINES",
                   headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL)) as table:
        table.row((t("report.part"), t("report.minutes")))
        for block in data.template.blocks:
            skipped = block.key in data.skipped_blocks
            table.row((plain_text(block.title), t("room.agenda_skipped") if skipped else str(block.minutes)))
        total = table.row()
        total.cell(t("report.total"), style=FontFace(emphasis="BOLD"))
        # With optional blocks in, the length in words as the handbook gives it, not a fixed sum.
        length = data.template.about_length() if data.template.has_optional_blocks else str(data.template.total_minutes)
        total.cell(length, style=FontFace(emphasis="BOLD"))


# -- one block of the agenda ----------------------------------------------------------------------------------------
def _block(pdf: PdfDocument, data: SessionData, block: Block) -> None:
    polls = {q.key: [p for p in data.polls if p.question.key == q.key] for q in block.questions}
    figures = {q.key: _question_figure(q, polls[q.key]) for q in block.questions}
    # The block's title stays with its first question and that question's chart.
    first = figures[block.questions[0].key] if block.questions else None
    pdf.heading(block.title, size=16, space_before=10, keep=40 + figure_height(first))
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


def _question(pdf: PdfDocument, question: Question, polls: list[PollAnswer], figure) -> None:
    n = len(polls)
    # The question, its count and its chart on one page.
    pdf.heading(question.text, size=12, space_before=5, keep=25 + figure_height(figure))
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
def _meldcode(pdf: PdfDocument, data: SessionData, block: Block) -> None:
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
            pdf.para(t(ROUTE_CATEGORY_KEYS[category]), style="B", size=BODY_SIZE, after=0.5)
            if texts:
                for text in texts:
                    pdf.bullet(text)
            else:
                pdf.para(t("report.nothing"), style="I", size=SMALL_SIZE, indent=4)
        pdf.ln(1)


# -- Werkvorm 5 ---------------------------------------------------------------------------------------------------
def _points(pdf: PdfDocument, data: SessionData) -> None:
    pdf.heading(t("report.points"), size=14, space_before=6, keep=30)
    if not data.ranking:
        pdf.para(t("report.no_points"))
        return
    set_aside = len(data.points) - len(data.ranking)
    if set_aside:
        pdf.para(t("report.set_aside", n=set_aside), size=SMALL_SIZE)
    rows = [(t("report.col_number"), t("report.col_point"), t("report.col_stickers"))]
    rows += [(str(rank), plain_text(point.text), str(point.stickers)) for rank, point in enumerate(data.ranking, start=1)]
    widths, _ = pdf.whole_word_columns(rows, (12, pdf.text_width - 36, 24), BODY_SIZE, padding=1.5)
    with pdf.table(col_widths=widths, width=pdf.text_width, align="LEFT",
                   text_align=("RIGHT", "LEFT", "RIGHT"), line_height=LINE, borders_layout="HORIZONTAL_LINES",
                   headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL), padding=(1, 1.5)) as table:
        for row in rows:
            table.row(row)


def _actions(pdf: PdfDocument, data: SessionData) -> None:
    pdf.heading(t("actions.title"), size=14, space_before=8, keep=30)
    if not data.actions:
        pdf.para(t("report.no_actions"))
        return
    ranks = {r.point_id: n for n, r in enumerate(data.ranking, start=1)}
    pdf.para(t("report.actions_note"), size=SMALL_SIZE)
    widths = (52, 32, 30, 22, 20)
    widths = (*widths, pdf.text_width - sum(widths))
    rows = [tuple(t(key) for key in ("actions.text", "actions.level_label", "report.col_owner", "actions.planning",
                                     "actions.status_label", "actions.point"))]
    rows += [tuple(plain_text(v) for v in (action.text, action.level, action.owner, action.planning, action.status,
                                           _ranked_point(data, ranks, action.point_id))) for action in data.actions]
    widths, _ = pdf.whole_word_columns(rows, widths, SMALL_SIZE, padding=1.2)
    with pdf.table(col_widths=widths, width=pdf.text_width, align="LEFT", text_align="LEFT", line_height=4.5,
                   borders_layout="HORIZONTAL_LINES", v_align="TOP",
                   headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL), padding=(1, 1.2)) as table:
        for row in rows:
            table.row(row)


# -- how it goes on --------------------------------------------------------------------------------------------------
def _after_the_session(pdf: PdfDocument, data: SessionData) -> None:
    """The verslag ends where the team goes on: its actions with owner and planning, when to look at them again,
    and where to find more (the naslag's own list, so the two never disagree)."""
    pdf.heading(t("report.next_heading"), size=16, space_before=10, keep=40)
    pdf.heading(t("report.next_actions"), size=12, space_before=2, keep=15)
    if data.actions:
        for action in data.actions:
            pdf.bullet(t("report.next_action", text=action.text, owner=action.owner, planning=action.planning,
                         level=action.level, status=action.status))
    else:
        pdf.para(t("report.next_no_actions"))
    pdf.heading(t("report.next_when_heading"), size=12, space_before=3, keep=15)
    pdf.para(t("report.next_when", team=data.record.team))
    pdf.heading(t("report.next_more_heading"), size=12, space_before=3, keep=15)
    pdf.para(t("report.next_more"))
    more = _naslag_section("meer_weten")
    for item in more.items if more is not None else ():
        if item.startswith(BULLET):
            pdf.bullet(item[len(BULLET):])
        else:
            pdf.para(item)


def _naslag_section(key: str):
    reference = load_reference(language())
    return reference.section(key) if key in reference.keys else None


def _ranked_point(data: SessionData, ranks: dict[str, int], point_id: str | None) -> str:
    """The point's number in the ranked list; a merged point counts as the one it went into. A point the
    facilitator hid is not named: its text was kept off the screen, so it stays out of the verslag too."""
    seen = set()
    while point_id and point_id not in ranks and point_id not in seen:
        seen.add(point_id)
        point = data.point(point_id)
        point_id = point.merged_into if point is not None and point.status == "merged" else None
    return t("report.point_number", n=ranks[point_id]) if point_id in ranks else ""
