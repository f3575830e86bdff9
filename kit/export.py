"""Answers out of the kit, for the school's own records. Long format: one row per answer."""

from __future__ import annotations

import csv
import io

from kit.model.template import Template
from kit.store import Store

CSV_COLUMNS = ("sessiecode", "team", "datum", "vraag", "vraagtype", "antwoord", "deelnemer")

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def answer_rows(store: Store, code: str) -> list[tuple[str, ...]]:
    """Rows in agenda order of the questions. The pseudonym only links answers within this one session."""
    record = store.get_session(code)
    template = Template.from_dict(record.template)
    order = {q.key: i for i, q in enumerate(template.questions())}
    answers = sorted(store.answers(code), key=lambda a: (order.get(a.question_key, len(order)), a.updated_at))
    rows = []
    for answer in answers:
        question = template.question(answer.question_key)
        rows.append((
            record.code, record.team, record.session_date, answer.question_key,
            question.type if question else "", answer.value, answer.participant,
        ))
    return rows


def answers_csv(store: Store, code: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in answer_rows(store, code):
        writer.writerow([spreadsheet_safe(value) for value in row])
    return out.getvalue()
