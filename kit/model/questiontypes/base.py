"""What a question type is in the model: its fields, the answers it accepts, how it is read and compared.

A type is one object (an instance of a `QuestionType` subclass, registered in `kit.model.questiontypes`). Only the
model lives here, so importing a type costs nothing and imports nothing above the model. What a type means in a
higher layer lives in that layer, in a table keyed by type key with the closed question's entry as the default:
`kit.authoring.type_rules` (template checks), `kit.analysis.by_type` (captions, trends), `kit.charts.by_type`
(figures), `kit.documents.by_type` (verslag and exports) and `kit.widgets.by_type` (the phone's view). The
defaults below are those of a closed question whose answers are one of `answer_options` (counted per option);
`kit.model.questiontypes.open` and `kit.model.questiontypes.hundred_points` show what a type overrides when its
answers are something else.
"""

from __future__ import annotations

from kit.i18n import t
from kit.model.text import AnswerRejected


class QuestionType:
    # Each method gets the question (a `kit.model.template.Question`, which imports this module: not imported here).
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
    def to_dict(self, question) -> dict:
        """The question's own fields (besides key, type and text), as the session stores them."""
        return {}

    def answer_options(self, question) -> tuple[str, ...]:
        """Every value a closed question accepts, as stored; () when the answers are not one of a few values."""
        return ()

    def normalise(self, question, raw) -> str:
        """The text to store for `raw` (anything a browser may send), or AnswerRejected with the reason."""
        if not isinstance(raw, str) or raw not in self.answer_options(question):
            raise AnswerRejected(t("answer.unknown_option"))
        return raw

    # -- templates: reading the YAML ----------------------------------------------------------------------------
    # The shape of the type's fields is in kit/authoring/schema.json: `$defs/question_<key>` lists them
    # (with `required`), plus the key in the enum of `$defs/question` and one if/then line in its allOf. Rules a
    # schema cannot say are the type's entry in `kit.authoring.type_rules`.
    def read(self, question: dict) -> dict:
        """The type's own fields of a checked question (plain data from the YAML), as `to_dict` writes them:
        texts stripped, defaults filled in. Key, type and text are read already."""
        return {}

    # -- comparing sessions ---------------------------------------------------------------------------------------
    def signature(self, question) -> str:
        """What must stay the same for answers to a key to be comparable across sessions (the template checker
        compares it with earlier templates, trends group sessions by it)."""
        return self.key
