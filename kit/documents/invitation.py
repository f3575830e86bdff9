"""The one-page invitation the facilitator hands out or mails the week before: team, date, the agenda with its
minutes, the join QR, and the handbook's note for anyone who has lived through domestic violence or child abuse.

The note follows the handbook's own suggestion for the invitation (handleiding, "Bereid teamleden voor op dit
beladen onderwerp"): people with such experience get the chance to talk with the facilitator first and decide
together whether and how they take part. It is printed in a box so it cannot be missed.

Made with fpdf2 and the fonts of the verslag (kit.documents.session_report), so the two look alike and any team name prints.
The QR is the address `serve` prints (`kit.serving.launcher.join_url`): the phones' page on this laptop with the session's
code; the code is printed too, for a phone that cannot scan.
"""

from __future__ import annotations

from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from kit.i18n import language, t, weekday_date
from kit.model.template import Template, about_hours_text
from kit.documents.qr import qr_image
from kit.documents.pdf import FONT, FONT_DIR, MARGIN

QR_SIZE = 62  # mm: scans from a printed page held at arm's length, also with an older phone camera
BODY = 11


@dataclass(frozen=True)
class Invitation:
    team: str
    session_date: str  # ISO
    code: str
    join_url: str
    title: str
    agenda: tuple[tuple[str, int], ...]  # (block title, minutes)
    when_where: str = ""  # time and room, as the facilitator writes it
    contact: str = ""  # who to talk to beforehand (a role or the facilitator's own name)
    # With optional blocks in, the length in whole hours, said in words ("ongeveer twee uur") as the handbook
    # does; 0: the agenda's fixed total.
    about_hours: int = 0

    @property
    def total_minutes(self) -> int:
        return sum(minutes for _, minutes in self.agenda)


def invitation_for(template: Template, team: str, session_date: str, code: str, join_url: str,
                   when_where: str = "", contact: str = "") -> Invitation:
    return Invitation(team.strip(), session_date, code, join_url, template.title,
                      tuple((b.title, b.minutes) for b in template.blocks), when_where.strip(), contact.strip(),
                      template.about_hours if template.has_optional_blocks else 0)


def invitation_pdf(invitation: Invitation) -> bytes:
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    for style, file in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf"), ("I", "DejaVuSans-Oblique.ttf")):
        pdf.add_font(FONT, style, str(FONT_DIR / file))
    pdf.set_title(t("invitation.heading"))
    pdf.set_lang(language())
    pdf.set_creator("Teamleergesprek kit")
    pdf.add_page()
    width = pdf.w - 2 * MARGIN

    def text(value: str, size: float = BODY, style: str = "", height: float | None = None) -> None:
        pdf.set_font(FONT, style, size)
        pdf.multi_cell(0, height or size * 0.5, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    text(t("invitation.heading"), 12, "B")
    pdf.ln(1)
    text(invitation.title, 20, "B", 9)
    pdf.ln(4)

    facts = [(t("invitation.team"), invitation.team), (t("invitation.date"), weekday_date(invitation.session_date))]
    if invitation.when_where:
        facts.append((t("invitation.when_where"), invitation.when_where))
    facts.append((t("invitation.duration"),
                  about_hours_text(invitation.about_hours) if invitation.about_hours
                  else t("invitation.minutes", n=invitation.total_minutes)))
    for label, value in facts:
        pdf.set_font(FONT, "B", 12)
        pdf.cell(38, 7, label)
        pdf.set_font(FONT, "", 12)
        pdf.multi_cell(width - 38, 7, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)

    text(t("invitation.agenda"), 12, "B", 7)
    pdf.set_font(FONT, "", 10)
    for title, minutes in invitation.agenda:
        pdf.cell(width - 25, 5.2, title)
        pdf.cell(25, 5.2, t("invitation.minutes", n=minutes), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(5)

    # The QR on the left, what to do with it on the right.
    top = pdf.get_y()
    if top + QR_SIZE > pdf.page_break_trigger:
        pdf.add_page()
        top = pdf.get_y()
    pdf.image(qr_image(invitation.join_url), x=MARGIN, y=top, w=QR_SIZE, h=QR_SIZE)
    right = MARGIN + QR_SIZE + 7
    column = width - QR_SIZE - 7
    pdf.set_y(top + 2)
    for value, size, style, height in ((t("invitation.bring_phone"), 14, "B", 7), (t("invitation.scan"), BODY, "", 5.5),
                                       (invitation.join_url, BODY, "", 5.5),
                                       (f"{t('invitation.code')}: {invitation.code}", 18, "B", 9)):
        pdf.set_font(FONT, style, size)
        pdf.set_x(right)
        pdf.multi_cell(column, height, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2.5)
    pdf.set_y(max(pdf.get_y(), top + QR_SIZE) + 6)

    # The handbook's note, in a box: nobody should first meet this subject unprepared in a room full of colleagues.
    note = [t("invitation.personal_text")]
    if invitation.contact:
        note.append(t("invitation.contact", contact=invitation.contact))
    box_top = pdf.get_y()
    pdf.set_x(MARGIN + 5)
    pdf.set_font(FONT, "B", 12)
    pdf.ln(4)
    pdf.set_x(MARGIN + 5)
    pdf.multi_cell(width - 10, 6, t("invitation.personal_heading"), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)
    pdf.set_font(FONT, "", BODY)
    for paragraph in note:
        pdf.set_x(MARGIN + 5)
        pdf.multi_cell(width - 10, 5.5, paragraph, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5)
    pdf.set_line_width(0.6)
    pdf.rect(MARGIN, box_top, width, pdf.get_y() - box_top + 2.5)
    pdf.set_y(pdf.get_y() + 8)

    text(t("invitation.works_when"), 9.5, "I", 5)
    return bytes(pdf.output())
