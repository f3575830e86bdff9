"""The session as a spreadsheet (.xlsx): one sheet per kind of interaction, Dutch column names.

Sheets: antwoorden (the polls), routekaart, werkblad, punten, actieplan, and gemiddelden only when a question's
type sums its answers up (a question of type punten: the mean points per option, from 3 answers). Same content and the same omissions as
the CSV (see `kit.documents.session_export`): nothing that identifies a person, a private answer only when its author shared it.

Participant text goes into the workbook exactly as typed, and never as a formula: every text cell is written as a
string (data type 's'), so "=1+1" is shown as =1+1 and not computed. A text that starts like a formula also gets
Excel's quote prefix, the invisible marker Excel sets itself when someone types '=1+1: the cell shows the text
without an apostrophe and stays text when someone edits it later.

openpyxl writes control characters neither escaped nor at all (it raises on them), and XML would turn a stored
"\\r\\n" into "\\n". Such characters are written in the OOXML escape `_xHHHH_` that Excel and LibreOffice decode,
and a literal `_xHHHH_` typed by a participant is protected as `_x005F_xHHHH_`; `ooxml_unescape` reads them back.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from kit.documents.by_type import documents_of
from kit.documents.session_export import FORMULA_STARTS, ROUTE_CATEGORY_LABELS, SessionData, session_data, step_title, summary_rows
from kit.store import Store

SHEETS = {
    "antwoorden": ("sessiecode", "team", "datum", "blok", "vraag", "vraagtekst", "vraagtype", "antwoord",
                   "deelnemer (pseudoniem)", "getoond in de zaal"),
    "routekaart": ("stap", "categorie", "tekst"),
    "werkblad": ("groep", "casus", "stap", "vraag", "antwoord"),
    "punten": ("nr", "punt", "stickers", "status"),
    "actieplan": ("actie", "niveau", "eigenaar (rol)", "planning", "status", "bij punt"),
}
SUMMARY_SHEET = "gemiddelden"
SUMMARY_COLUMNS = ("vraag", "vraagtekst", "optie", "gemiddelde", "antwoorden")

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIN_WIDTH = 8
MAX_WIDTH = 60  # wider text wraps within the cell

# Characters XML 1.0 cannot carry (and CR, which XML parsers turn into LF), and a literal escape sequence.
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def ooxml_escape(text: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda m: "_x005F_" if m.group() == "_" else f"_x{ord(m.group()):04X}_", text)


def ooxml_unescape(text: str) -> str:
    """What Excel shows for a stored string: the inverse of `ooxml_escape`."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def session_xlsx(store: Store, code: str) -> bytes:
    return workbook_bytes(session_data(store, code))


def write_session_xlsx(store: Store, code: str, path: str | Path) -> None:
    Path(path).write_bytes(session_xlsx(store, code))


def workbook_bytes(data: SessionData) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheet_rows(data).items():
        _sheet(workbook, name, SHEETS.get(name, SUMMARY_COLUMNS), rows)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def sheet_rows(data: SessionData) -> dict[str, list[tuple]]:
    """The rows of every sheet as Python values (text exactly as stored), in sheet order."""
    record = data.record
    session_day = _date(record.session_date)
    answers = [
        (record.code, record.team, session_day, p.block.title, p.question.key, p.question.text, p.question.type,
         documents_of(p.question).cell(p.question, p.answer.value), p.answer.participant,
         ("ja" if p.answer.shown else "nee") if p.question.kind.free_text else "")
        for p in data.polls
    ]
    route = [(step_title(data, i.step_key), ROUTE_CATEGORY_LABELS.get(i.category, i.category), i.text)
             for i in data.route_items]
    worksheet = [(r.group.label, r.case_title, r.step_title, r.question_text, r.value) for r in data.worksheet]
    # Visible points first, as ranked on the sticker board; then hidden and merged ones, as posted.
    ranked = [data.point(r.point_id) for r in data.ranking]
    rest = [p for p in data.points if p not in ranked]
    points = [(data.point_number(p.point_id), p.text, data.stickers.get(p.point_id, 0), data.point_status(p))
              for p in ranked + rest]
    actions = [(a.text, a.level, a.owner, a.planning, a.status, data.point_reference(a.point_id))
               for a in data.actions]
    sheets = {"antwoorden": answers, "routekaart": route, "werkblad": worksheet, "punten": points,
              "actieplan": actions}
    summaries = []
    for question in data.template.questions():
        polls = [p for p in data.polls if p.question.key == question.key]
        summaries += [(question.key, question.text, label, value, len(polls))
                      for label, value in summary_rows(question, polls)]
    if summaries:
        sheets[SUMMARY_SHEET] = summaries
    return sheets


def _date(text: str):
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def _sheet(workbook: Workbook, name: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    sheet = workbook.create_sheet(name)
    bold = Font(bold=True)
    for column, title in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=column)
        _put(cell, title)
        cell.font = bold
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    widths = [len(title) for title in columns]
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            _put(cell, value)
            longest = max((len(line) for line in str(value).splitlines()), default=0)
            widths[column - 1] = max(widths[column - 1], longest)
            cell.alignment = wrap if longest > MAX_WIDTH or "\n" in str(value) else top
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"


def _put(cell, value) -> None:
    if isinstance(value, (int, float, date)) or value is None:
        cell.value = value
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"
        return
    text = str(value)
    cell.value = ooxml_escape(text)
    # openpyxl makes any text starting with '=' a formula; as a string it is shown, never computed.
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
