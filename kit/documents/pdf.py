"""The PDF page every document of the kit prints on (the verslag, the team's rapport, the invitation): A4, the
kit's fonts, a footer with page numbers, and helpers for headings, paragraphs, bullets and charts.

The fonts are DejaVu Sans, shipped inside matplotlib, so the PDF looks the same on every laptop and covers
accented letters, Greek, Cyrillic, Hebrew and Arabic letters and many symbols. A character it lacks (most emoji)
comes from matplotlib's Last Resort font: a box naming the character's Unicode block. It is still the exact
character in the PDF's text, so it can be copied and searched.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from kit.charts import session_charts
from kit.i18n import language, t

FONT = "dejavu"
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"

MARGIN = 18  # mm
BODY_SIZE = 10.5
SMALL_SIZE = 9
LINE = 5.2  # mm per body line
CHART_WIDTH = 130  # mm; the figures are 12 inches wide, so their 20 pt labels print at about 8.5 pt
CHART_DPI = 150
# Longer than any Dutch word a team writes ("deskundigheidsbevorderingsprogramma" has 35 letters).
LONGEST_WORD = 40
HEADING_FILL = 225  # light grey behind table headings: readable in print, not needed to read the table


class PdfDocument(FPDF):
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
        self.cell(0, 5, plain_text(self.footer_text), align="L")
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
        self.multi_cell(0, size * 0.5, plain_text(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def para(self, text: str, *, style: str = "", size: float = BODY_SIZE, indent: float = 0, after: float = 1.5):
        self.set_font(FONT, style, size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.text_width - indent, size * 0.5, plain_text(text), align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(after)

    def bullet(self, text: str, *, indent: float = 4) -> None:
        self.set_font(FONT, "", BODY_SIZE)
        lines = len(self.multi_cell(self.text_width - indent - 4, LINE, plain_text(text), dry_run=True,
                                    output="LINES"))
        self.room_for(min(lines, 3) * LINE)
        self.set_x(self.l_margin + indent)
        self.cell(4, LINE, "•")
        self.multi_cell(self.text_width - indent - 4, LINE, plain_text(text), align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def whole_word_columns(self, rows, widths, size: float, padding: float, min_size: float = 6.5):
        """Column widths (mm, summing to what `widths` sum to) and a font size at which every column holds its
        longest word on one line. fpdf2 wraps at spaces, and breaks inside a word only when that word alone is
        wider than its cell: so a narrow column with "ondersteuningscoördinator" came out broken in two. A
        column takes what it needs from columns with room to spare; when together they lack room, the table's
        type gets smaller (to `min_size`). `rows[0]` is the heading row, set in bold. Leaves the font set."""
        widths = [float(w) for w in widths]
        total = sum(widths)
        while True:
            need = [0.0] * len(widths)
            for number, row in enumerate(rows):
                self.set_font(FONT, "B" if number == 0 else "", size)
                for column, value in enumerate(row):
                    for word in plain_text(str(value)).split():
                        if len(word) > LONGEST_WORD:
                            continue  # an address or a key held down: it must break, and must not squeeze the rest
                        need[column] = max(need[column], self.get_string_width(word) + 2 * padding + 0.8)
            if sum(need) <= total or size <= min_size:
                break
            size = max(min_size, size - 0.5)
        short = sum(max(0.0, n - w) for n, w in zip(need, widths))
        spare = [max(0.0, w - n) for n, w in zip(need, widths)]
        if short > 0 and sum(spare) > 0:
            share = min(1.0, short / sum(spare))
            widths = [max(w, n) if n > w else w - s * share for w, n, s in zip(widths, need, spare)]
        self.set_font(FONT, "", size)
        return tuple(widths), size

    def figure(self, fig) -> None:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=CHART_DPI, facecolor=session_charts.BACKGROUND)
        height = figure_height(fig)
        self.room_for(height + 2)
        self.image(buffer, x=self.l_margin + (self.text_width - CHART_WIDTH) / 2, w=CHART_WIDTH, h=height)
        self.ln(3)


def plain_text(text: str) -> str:
    """Participant text as printed: line breaks as line breaks, a tab as spaces; every other character as typed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")


def figure_height(fig) -> float:
    if fig is None:
        return 0
    width_in, height_in = fig.get_size_inches()
    return CHART_WIDTH * height_in / width_in
