"""What each question type writes in the documents, keyed by type key (`kit.model.questiontypes`): the note after
the answer count in the verslag, the answer as a spreadsheet cell, and summary rows after the answers in the CSV.

`DOCUMENTS` lists every registered type (tests/unit/documents/test_by_type.py fails when one is missing); a
closed question whose answers are one of a few options uses `CLOSED`, the default.
"""

from __future__ import annotations

from kit.analysis import aggregate
from kit.analysis.by_type import means_text
from kit.i18n import t
from kit.model.questiontypes.hundred_points import mean_points, stored
from kit.model.template import Question


class ClosedDocuments:
    """The closed default: the answer as it is stored, no note, no summary."""

    def report_note(self, question: Question, values) -> str:
        """Added after "12 antwoorden" in the PDF verslag, e.g. ", gemiddeld 3,4"; '' for nothing."""
        return ""

    def cell(self, question: Question, value: str):
        """The answer as a spreadsheet cell: text, or a number where the spreadsheet should compute with it."""
        return value

    def summary_rows(self, question: Question, values) -> list[tuple[str, object]]:
        """Extra (vraag, antwoord) rows after the answers in the CSV, e.g. a mean per option; [] for none."""
        return []


class ScaleDocuments(ClosedDocuments):
    def report_note(self, question, values):
        summary = aggregate.scale_summary(question, values)
        return f", {aggregate.mean_label(summary.mean)}" if summary.mean is not None else ""

    def cell(self, question, value):
        # As a number, so the spreadsheet can average it.
        return int(value) if value.lstrip("-").isdigit() else value


class PointsDocuments(ClosedDocuments):
    def report_note(self, question, values):
        return "; " + t("divide.means", means=means_text(question, values))

    def cell(self, question, value):
        # "scholing: 50 · overleg: 30 · ouders: 20": the stored JSON stays in the CSV for whoever computes with it.
        points = stored(question, value)
        return " · ".join(f"{o}: {p}" for o, p in points.items()) if points is not None else value

    def summary_rows(self, question, values):
        n, means = mean_points(question, values)
        if n < aggregate.MIN_ANSWERS_FOR_DISTRIBUTION:
            return []
        return [(option, round(mean, 1)) for option, mean in means.items()]


CLOSED = ClosedDocuments()

DOCUMENTS: dict[str, ClosedDocuments] = {
    "ordered": CLOSED,
    "choice": CLOSED,
    "scale": ScaleDocuments(),
    "open": CLOSED,  # the text as typed
    "punten": PointsDocuments(),
}


def documents_of(question: Question | str) -> ClosedDocuments:
    """The documents entry of a question's type (or of a type key)."""
    return DOCUMENTS[getattr(question, "type", question)]
