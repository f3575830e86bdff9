"""The shape of a workshop template once it has been read and validated.

A session stores its template as a plain dict (``Template.to_dict``) so a participant kernel can rebuild it
with ``Template.from_dict`` without YAML, and so a later edit of the template file never changes a session
that already ran.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from kit.i18n import t
from kit.model.text import DEFAULT_OPEN_MAX_LENGTH
from kit.model.questiontypes import question_type, type_keys

QUESTION_TYPES = type_keys()


@dataclass(frozen=True)
class Question:
    key: str
    type: str
    text: str
    options: tuple[str, ...] = ()
    scale_min: int | None = None
    scale_max: int | None = None
    min_label: str = ""
    max_label: str = ""
    max_length: int = DEFAULT_OPEN_MAX_LENGTH
    # An open answer that belongs to the participant: kept on their phone, seen by the room only if they share it.
    private: bool = False
    # Old answer -> new option, written by a trainer who changed the options or scale under the same key; trends
    # translate older sessions' answers with it so the series continues. None: no mapping; (): the old answers
    # already fit the new options.
    mapping: tuple[tuple[str, str], ...] | None = None

    @property
    def kind(self):
        """The question's type (`kit.model.questiontypes`): what it accepts, how it is drawn, exported and trended."""
        return question_type(self.type)

    @property
    def scale_values(self) -> tuple[int, ...]:
        """The numbers of a scale question; () for any other question."""
        if self.scale_min is None or self.scale_max is None:
            return ()
        return tuple(range(self.scale_min, self.scale_max + 1))

    @property
    def answer_options(self) -> tuple[str, ...]:
        """Every value a closed question accepts, as stored (scale values as text); () when answers are not one
        of a few values (open text, points divided over the options)."""
        return self.kind.answer_options(self)

    def to_dict(self) -> dict:
        data = {"key": self.key, "type": self.type, "text": self.text, **self.kind.to_dict(self)}
        if self.mapping is not None:
            data["mapping"] = dict(self.mapping)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Question":
        return cls(
            key=data["key"],
            type=data["type"],
            text=data["text"],
            options=tuple(data.get("options", ())),
            scale_min=data.get("min"),
            scale_max=data.get("max"),
            min_label=data.get("min_label", ""),
            max_label=data.get("max_label", ""),
            max_length=data.get("max_length", DEFAULT_OPEN_MAX_LENGTH),
            private=data.get("private", False),
            mapping=None if data.get("mapping") is None else tuple((str(k), str(v)) for k, v in data["mapping"].items()),
        )


@dataclass(frozen=True)
class Case:
    key: str
    title: str
    text: str


@dataclass(frozen=True)
class WorksheetStep:
    """One meldcode step on the Werkvorm 3 worksheet, with the worksheet's questions for that step."""

    key: str
    title: str
    questions: tuple[str, ...]


ROUTE_CATEGORIES = ("positief", "aandacht", "sleutelfiguren")
# How each category is named (message keys): the route map on screen, in the verslag and on paper.
ROUTE_CATEGORY_KEYS = {"positief": "route.positief", "aandacht": "route.aandacht", "sleutelfiguren": "route.sleutelfiguren"}


@dataclass(frozen=True)
class Meldcode:
    """Werkvorm 3: groups pick a case and answer the worksheet per step; the facilitator builds the route map."""

    cases: tuple[Case, ...]
    steps: tuple[WorksheetStep, ...]
    max_length: int = DEFAULT_OPEN_MAX_LENGTH

    def to_dict(self) -> dict:
        return {
            "cases": [{"key": c.key, "title": c.title, "text": c.text} for c in self.cases],
            "worksheet": [{"key": s.key, "title": s.title, "questions": list(s.questions)} for s in self.steps],
            "max_length": self.max_length,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Meldcode":
        return cls(
            cases=tuple(Case(c["key"], c["title"], c["text"]) for c in data["cases"]),
            steps=tuple(WorksheetStep(s["key"], s["title"], tuple(s["questions"])) for s in data["worksheet"]),
            max_length=data.get("max_length", DEFAULT_OPEN_MAX_LENGTH),
        )

    def case(self, key: str) -> Case | None:
        return next((c for c in self.cases if c.key == key), None)

    def step(self, key: str) -> WorksheetStep | None:
        return next((s for s in self.steps if s.key == key), None)


DEFAULT_ACTION_LEVELS = ("de professional", "het team en de organisatie", "de samenwerking met externe partners")
DEFAULT_ACTION_STATUSES = ("nog niet gestart", "bezig", "klaar")


@dataclass(frozen=True)
class Points:
    """Werkvorm 5: post-its, sticker voting with a budget, and the action plan for the top points."""

    stickers: int = 3
    max_per_point: int = 2
    max_length: int = 200
    levels: tuple[str, ...] = DEFAULT_ACTION_LEVELS
    statuses: tuple[str, ...] = DEFAULT_ACTION_STATUSES

    def to_dict(self) -> dict:
        return {
            "stickers": self.stickers,
            "max_per_point": self.max_per_point,
            "max_length": self.max_length,
            "levels": list(self.levels),
            "statuses": list(self.statuses),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Points":
        return cls(
            stickers=data.get("stickers", 3),
            max_per_point=data.get("max_per_point", 2),
            max_length=data.get("max_length", 200),
            levels=tuple(data.get("levels", DEFAULT_ACTION_LEVELS)),
            statuses=tuple(data.get("statuses", DEFAULT_ACTION_STATUSES)),
        )


@dataclass(frozen=True)
class Notes:
    """What the facilitator reads about a block, never the room: the aim, what to do and say step by step, what to
    watch for, and tips. Any part may be empty."""

    doel: str = ""
    stappen: tuple[str, ...] = ()
    let_op: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        data: dict = {"doel": self.doel} if self.doel else {}
        for name in ("stappen", "let_op", "tips"):
            if getattr(self, name):
                data[name] = list(getattr(self, name))
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Notes":
        return cls(
            doel=data.get("doel", ""),
            stappen=tuple(data.get("stappen", ())),
            let_op=tuple(data.get("let_op", ())),
            tips=tuple(data.get("tips", ())),
        )


@dataclass(frozen=True)
class Block:
    """One part of the agenda.

    `screen`: paragraphs the room reads on the projector (a line starting with "- " is a bullet).
    `prompts`: questions to think or talk about, nothing recorded; each is its own step, shown on the projector
    and on the phones. With `prompt_seconds` each prompt gets its own countdown of thinking time. Without it, in
    a block that asks nothing else (Werkvorm 1's duo interviews), people talk them through at their own pace: the
    phones show the whole list (`prompts_at_own_pace`) while the facilitator can still put one on the projector.
    `notes`: the facilitator's notes (`Notes`), shown on the facilitator's page only; None when the template has none.
    `optional`: the block may be left out (the handbook's Werkvorm 4): beforehand on the preparation page, or
    skipped during the session.
    """

    key: str
    title: str
    minutes: int
    guidance: str = ""
    questions: tuple[Question, ...] = ()
    screen: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()
    prompt_seconds: int | None = None
    meldcode: Meldcode | None = None
    points: Points | None = None
    notes: Notes | None = None
    optional: bool = False

    @property
    def prompts_at_own_pace(self) -> bool:
        """Untimed talking questions in a block without questions or werkvorm parts: the phones show them all."""
        return bool(self.prompts) and self.prompt_seconds is None and not self.questions and not self.activities

    @property
    def private_writing(self) -> bool:
        """A block with thinking time is quiet reflection (the handbook: whoever wants can write it down): each
        phone then offers a notepad of its own that never leaves the phone."""
        return self.prompt_seconds is not None

    @property
    def activities(self) -> tuple[str, ...]:
        """The interactive steps after the block's prompts and questions, in order."""
        if self.meldcode is not None:
            return ("werkblad", "routekaart")
        if self.points is not None:
            return ("punten", "stickers", "acties")
        return ()

    def to_dict(self) -> dict:
        data = {
            "key": self.key,
            "title": self.title,
            "minutes": self.minutes,
            "guidance": self.guidance,
            "questions": [q.to_dict() for q in self.questions],
        }
        if self.screen:
            data["screen"] = list(self.screen)
        if self.prompts:
            data["prompts"] = list(self.prompts)
        if self.prompt_seconds is not None:
            data["prompt_seconds"] = self.prompt_seconds
        if self.optional:
            data["optional"] = True
        if self.meldcode is not None:
            data["meldcode"] = self.meldcode.to_dict()
        if self.points is not None:
            data["points"] = self.points.to_dict()
        if self.notes is not None:
            data["notes"] = self.notes.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Block":
        return cls(
            key=data["key"],
            title=data["title"],
            minutes=data["minutes"],
            guidance=data.get("guidance", ""),
            questions=tuple(Question.from_dict(q) for q in data.get("questions", ())),
            screen=tuple(data.get("screen", ())),
            prompts=tuple(data.get("prompts", ())),
            prompt_seconds=data.get("prompt_seconds"),
            optional=bool(data.get("optional", False)),
            meldcode=Meldcode.from_dict(data["meldcode"]) if data.get("meldcode") else None,
            points=Points.from_dict(data["points"]) if data.get("points") else None,
            notes=Notes.from_dict(data["notes"]) if data.get("notes") else None,
        )


# Question keys cannot contain '-', so these item keys never collide with one.
PROMPT_PREFIX = "prompt-"
ACTIVITY_PREFIX = "activity-"


@dataclass(frozen=True)
class Step:
    """One stop on the facilitator's walk: a block's introduction, one of its prompts, or one of its questions."""

    index: int
    block: Block
    question: Question | None
    prompt: int | None = None  # index into block.prompts
    activity: str | None = None  # one of block.activities

    @property
    def item_key(self) -> str | None:
        """What the live state stores as 'open now' within the block."""
        if self.question is not None:
            return self.question.key
        if self.prompt is not None:
            return f"{PROMPT_PREFIX}{self.prompt + 1}"
        if self.activity is not None:
            return f"{ACTIVITY_PREFIX}{self.activity}"
        return None

    @property
    def prompt_text(self) -> str | None:
        return self.block.prompts[self.prompt] if self.prompt is not None else None

    @property
    def timed_prompt(self) -> bool:
        return self.prompt is not None and self.block.prompt_seconds is not None


@dataclass(frozen=True)
class Template:
    schema_version: int
    name: str
    language: str
    title: str
    blocks: tuple[Block, ...]
    steps: tuple[Step, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        steps = []
        for block in self.blocks:
            steps.append(Step(len(steps), block, None))
            for number in range(len(block.prompts)):
                steps.append(Step(len(steps), block, None, number))
            for question in block.questions:
                steps.append(Step(len(steps), block, question))
            for activity in block.activities:
                steps.append(Step(len(steps), block, None, activity=activity))
        object.__setattr__(self, "steps", tuple(steps))

    @property
    def total_minutes(self) -> int:
        return sum(b.minutes for b in self.blocks)

    @property
    def has_optional_blocks(self) -> bool:
        return any(b.optional for b in self.blocks)

    @property
    def about_hours(self) -> int:
        """The length in whole hours of the blocks that always happen: with optional blocks in, the minutes do
        not add up to one fixed total, and the handbook says "circa twee uur"."""
        return max(1, round(sum(b.minutes for b in self.blocks if not b.optional) / 60))

    def about_length(self) -> str:
        return about_hours_text(self.about_hours)

    def without(self, block_keys) -> "Template":
        """The template with these optional blocks left out (the preparation page's choice). A block that is not
        optional cannot be left out: ValueError."""
        keys = set(block_keys)
        fixed = [b.key for b in self.blocks if b.key in keys and not b.optional]
        if fixed:
            raise ValueError(fixed)
        return dataclasses.replace(self, blocks=tuple(b for b in self.blocks if b.key not in keys))

    def question(self, key: str) -> Question | None:
        for block in self.blocks:
            for q in block.questions:
                if q.key == key:
                    return q
        return None

    def questions(self) -> tuple[Question, ...]:
        return tuple(q for b in self.blocks for q in b.questions)

    def block(self, key: str) -> Block | None:
        return next((b for b in self.blocks if b.key == key), None)

    def step_for(self, block_key: str, question_key: str | None) -> Step:
        """The step that a stored live state points at; the first step when the state names nothing known."""
        for step in self.steps:
            if step.block.key == block_key and step.item_key == question_key:
                return step
        return self.steps[0]

    def to_dict(self) -> dict:
        return {
            "schema_version": self.schema_version,
            "name": self.name,
            "language": self.language,
            "title": self.title,
            "blocks": [b.to_dict() for b in self.blocks],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Template":
        return cls(
            schema_version=data["schema_version"],
            name=data["name"],
            language=data.get("language", "nl"),
            title=data["title"],
            blocks=tuple(Block.from_dict(b) for b in data["blocks"]),
        )


def about_hours_text(hours: int) -> str:
    """"ongeveer twee uur", in the language spoken now."""
    words = t("number.words").split("|")
    return t("duration.about_hours", hours=words[hours - 1] if 0 < hours <= len(words) else str(hours))
