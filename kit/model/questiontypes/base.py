"""What a question type must say about itself, at every layer of the kit.

A type is one object (an instance of a `QuestionType` subclass, registered in `kit.model.questiontypes`). Its methods
are grouped by layer; each method imports the layer it serves (pandas, matplotlib, ipywidgets, fpdf) inside
itself, so importing a type costs nothing and a participant's kernel, which only validates answers and builds
one widget, never loads pandas or matplotlib. The defaults below are those of a closed question whose answers
are one of `answer_options` (counted per option); `kit.model.questiontypes.open` and `kit.model.questiontypes.hundred_points` show
what a type overrides when its answers are something else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.i18n import t
from kit.model.text import AnswerRejected

if TYPE_CHECKING:  # only for the annotations: the model imports this module, not the other way round
    from kit.model.template import Question


class QuestionType:
    key: str = ""
    # For a trainer, after "Kies uit:" in the template checker: "scale (een getallenschaal, zoals 0 tot 5)".
    help: str = ""
    # What the kit calls such a question and its answers in Dutch messages ("een open vraag", "open antwoorden").
    noun: str = ""
    answers_noun: str = ""
    # YAML fields of a question of this type besides key, type and text, and which of them must be there.
    fields: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    # Answers in the participant's own words: the facilitator lets each through to the room (moderation), they
    # are counted as words, exported with "getoond in de zaal", and trends see only what the room saw.
    free_text: bool = False
    # The options run from the strong end down (ordered: best first). A scale lists its lowest number first.
    descending: bool = True
    # Why trends cannot call answers "higher" or "lower" (an i18n key; None: they can, in `change_words`).
    incomparable: str | None = "trends.reason_choice"
    change_words: tuple[str, str] = ("trends.up_ordered", "trends.down_ordered")
    # What `kit.analysis.trends.load_team` reads of the answers: "counts" per stored value, "texts" the room saw (free
    # text), or "values": every stored answer, for a type whose answer is a structure (`trend_series` reads it).
    trend_source: str = "counts"

    # -- model: the template's fields and every answer ----------------------------------------------------------
    def to_dict(self, question: Question) -> dict:
        """The question's own fields (besides key, type and text), as the session stores them."""
        return {}

    def answer_options(self, question: Question) -> tuple[str, ...]:
        """Every value a closed question accepts, as stored; () when the answers are not one of a few values."""
        return ()

    def normalise(self, question: Question, raw) -> str:
        """The text to store for `raw` (anything a browser may send), or AnswerRejected with the reason."""
        if not isinstance(raw, str) or raw not in self.answer_options(question):
            raise AnswerRejected(t("answer.unknown_option"))
        return raw

    # -- templates: reading the YAML ----------------------------------------------------------------------------
    # The shape of the type's fields is in kit/authoring/schema.json: `$defs/question_<key>` lists them
    # (with `required`), plus the key in the enum of `$defs/question` and one if/then line in its allOf.
    def check(self, reader, path: tuple, question: dict) -> None:
        """Rules for the type's fields that a JSON Schema cannot say (min below max, options unique whatever
        their case); `reader` (the `kit.authoring.loader` checker) reports each with its line. The schema has
        checked the fields' shapes already, but a field may still be missing or wrong: check before use."""

    def read(self, question: dict) -> dict:
        """The type's own fields of a checked question (plain data from the YAML), as `to_dict` writes them:
        texts stripped, defaults filled in. Key, type and text are read already."""
        return {}

    # -- aggregate and charts: what the room sees ---------------------------------------------------------------
    def figure(self, question: Question, values):
        """The projector's chart of the stored `values` (a matplotlib Figure). Called only from the small-group
        threshold on (`kit.analysis.aggregate.MIN_ANSWERS_FOR_DISTRIBUTION`)."""
        from kit.analysis import aggregate
        from kit.charts import session_charts
        return session_charts.ordered_bars(question, aggregate.option_counts(question, values))

    def caption(self, question: Question, values) -> str:
        """The chart's figures as one line of text under it."""
        from kit.analysis import aggregate
        counts = aggregate.option_counts(question, values)
        return " · ".join(f"{option}: {count}" for option, count in counts.items())

    def report_note(self, question: Question, values) -> str:
        """Added after "12 antwoorden" in the PDF verslag, e.g. ", gemiddeld 3,4"; '' for nothing."""
        return ""

    # -- export ---------------------------------------------------------------------------------------------------
    def cell(self, question: Question, value: str):
        """The answer as a spreadsheet cell: text, or a number where the spreadsheet should compute with it."""
        return value

    def summary_rows(self, question: Question, values) -> list[tuple[str, str]]:
        """Extra (vraag, antwoord) rows after the answers in the CSV, e.g. a mean per option; [] for none."""
        return []

    # -- trends -----------------------------------------------------------------------------------------------------
    def signature(self, question: Question) -> str:
        """What must stay the same for answers to a key to be comparable across sessions."""
        return self.key

    def describe(self, question: Question) -> str:
        """The signature in words, for a heading that sets two series of one key apart."""
        return self.key

    def legend_label(self, question: Question, option: str) -> str:
        return option

    def trend_series(self, data, key: str, signature: str, question: Question, codes: list[str], threshold: int):
        """Per session what the answers to `key` came to, suppressed below `threshold` answers (kit.analysis.trends)."""
        from kit.analysis import trends
        return trends.count_series(data, key, signature, question, codes, threshold)

    def trend_figure(self, series, **kwargs):
        from kit.charts import trend_charts
        return trend_charts.stacked_bars(series, **kwargs)

    # -- the participant's phone ------------------------------------------------------------------------------------
    def view(self, question: Question, submit, current: str | None = None, position: str = "", share=None,
             shared: bool = False):
        """The ipywidgets view of one question (see `kit.widgets.participant.QuestionView`)."""
        from kit.widgets.participant import ChoiceView

        return ChoiceView(question, submit, current, position)
