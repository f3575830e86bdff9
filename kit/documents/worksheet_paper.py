"""Werkvorm 3 on paper: the worksheet (one case per A4 page, the questions per meldcode step with room to write)
and the empty route map, for a group without a working phone or a school that prefers paper.

The text comes from the template, as the phones show it: the cases and the worksheet questions are the handbook's.
"""

from __future__ import annotations

from fpdf.enums import XPos, YPos

from kit.documents.pdf import BODY_SIZE, FONT, LINE, SMALL_SIZE, PdfDocument, plain_text
from kit.i18n import command_language, languages, t
from kit.model.template import ROUTE_CATEGORIES, ROUTE_CATEGORY_KEYS, Block, Case, Meldcode, Template

# Room to write under each question: what is left of the page shared out, within what a pen needs.
MIN_ANSWER_ROOM = 10  # mm: a handwritten line or two
MAX_ANSWER_ROOM = 30  # mm
WRITING_LINE = 7  # mm between the ruled lines
STEP_GAP = 1.5  # mm above a step's title


class UnknownCase(KeyError):
    """A case key the template's Werkvorm 3 does not have; `known` lists the keys it has."""

    def __init__(self, key: str, known: tuple[str, ...]):
        super().__init__(key)
        self.key, self.known = key, known


def worksheet_block(template: Template) -> Block | None:
    """The block with the meldcode worksheet (Werkvorm 3), or None when the template has none."""
    return next((b for b in template.blocks if b.meldcode is not None), None)


def worksheet_pdf(template: Template, case_key: str | None = None) -> bytes:
    """A4: a worksheet page for each case (or only `case_key`), then the empty route map, in the template's
    language (the groups read the cases in it). Raises UnknownCase."""
    with command_language(template.language if template.language in languages() else None):
        return _worksheet_pdf(template, case_key)


def _worksheet_pdf(template: Template, case_key: str | None) -> bytes:
    block = worksheet_block(template)
    if block is None:
        raise ValueError("template has no meldcode worksheet")
    meldcode = block.meldcode
    cases = meldcode.cases
    if case_key is not None:
        cases = tuple(c for c in cases if c.key == case_key)
        if not cases:
            raise UnknownCase(case_key, tuple(c.key for c in meldcode.cases))
    pdf = PdfDocument(t("paper.footer", title=block.title))
    pdf.set_title(t("paper.title", title=block.title))
    pdf.cover(" ".join([block.title, *(c.title + c.text for c in cases),
                        *(q for s in meldcode.steps for q in (s.title, *s.questions))]))
    for number, case in enumerate(cases):
        if number:
            pdf.add_page()
        _case_page(pdf, block.title, meldcode, case)
    pdf.add_page(orientation="landscape")
    _route_map_page(pdf, meldcode)
    return bytes(pdf.output())


def _case_page(pdf: PdfDocument, block_title: str, meldcode: Meldcode, case: Case) -> None:
    pdf.set_font(FONT, "", SMALL_SIZE)
    pdf.cell(0, LINE, plain_text(t("paper.worksheet", title=block_title)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.heading(case.title, 14, space_before=0, keep=0)
    pdf.para(case.text)
    pdf.set_font(FONT, "", BODY_SIZE)
    pdf.cell(0, LINE + 2, plain_text(t("paper.group")) + " " + "_" * 30, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.para(t("paper.no_names"), style="I", size=SMALL_SIZE, after=2)

    steps = [(step.title, [f"{n}. {q}" for n, q in enumerate(step.questions, start=1)]) for step in meldcode.steps]
    questions = sum(len(qs) for _, qs in steps)
    # The printed text first, measured; what is left of the page is room to write, shared out over the questions.
    text_height = sum(STEP_GAP + _height(pdf, title, "B") + sum(_height(pdf, q, "") for q in qs) for title, qs in steps)
    left = pdf.page_break_trigger - pdf.get_y() - text_height
    room = max(MIN_ANSWER_ROOM, min(MAX_ANSWER_ROOM, left / max(questions, 1)))
    for title, qs in steps:
        pdf.set_font(FONT, "B", BODY_SIZE)
        pdf.room_for(STEP_GAP + _height(pdf, title, "B") + LINE + room)
        pdf.ln(STEP_GAP)
        pdf.multi_cell(0, LINE, plain_text(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for question in qs:
            pdf.set_font(FONT, "", BODY_SIZE)
            pdf.room_for(_height(pdf, question, "") + room)
            pdf.multi_cell(0, LINE, plain_text(question), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            _writing_lines(pdf, room)


def _height(pdf: PdfDocument, text: str, style: str) -> float:
    pdf.set_font(FONT, style, BODY_SIZE)
    return LINE * len(pdf.multi_cell(0, LINE, plain_text(text), dry_run=True, output="LINES"))


def _writing_lines(pdf: PdfDocument, room: float) -> None:
    """Light ruled lines to write on, filling `room` mm."""
    top = pdf.get_y()
    pdf.set_draw_color(170)
    y = top + WRITING_LINE
    while y <= top + room:
        pdf.line(pdf.l_margin + 4, y, pdf.w - pdf.r_margin, y)
        y += WRITING_LINE
    pdf.set_draw_color(0)
    pdf.set_y(top + room)


def _route_map_page(pdf: PdfDocument, meldcode: Meldcode) -> None:
    """The school's route map to fill in together: a row per meldcode step, a column per category."""
    pdf.heading(t("route.title"), 14, space_before=0, keep=0)
    pdf.para(t("paper.route_intro"), size=SMALL_SIZE, after=2)
    step_width = 55
    column = (pdf.text_width - step_width) / len(ROUTE_CATEGORIES)
    pdf.set_font(FONT, "B", BODY_SIZE)
    pdf.set_fill_color(225)
    x, y = pdf.l_margin, pdf.get_y()
    pdf.rect(x, y, step_width, 12, style="DF")
    for number, category in enumerate(ROUTE_CATEGORIES):
        left = x + step_width + number * column
        pdf.rect(left, y, column, 12, style="DF")
        pdf.set_xy(left + 1, y + 1)
        pdf.multi_cell(column - 2, LINE, plain_text(t(ROUTE_CATEGORY_KEYS[category])), align="C")
    top = y + 12
    height = (pdf.page_break_trigger - top) / len(meldcode.steps)
    pdf.set_font(FONT, "B", SMALL_SIZE + 0.5)
    for row, step in enumerate(meldcode.steps):
        row_top = top + row * height
        pdf.rect(x, row_top, step_width, height)
        pdf.set_xy(x + 1.5, row_top + 1.5)
        pdf.multi_cell(step_width - 3, LINE - 0.5, plain_text(step.title), align="L")
        for number in range(len(ROUTE_CATEGORIES)):
            pdf.rect(x + step_width + number * column, row_top, column, height)
    pdf.set_y(top + len(meldcode.steps) * height)
