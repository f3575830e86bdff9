"""Everything a session produced, out of the kit for the school's own records.

`session_data` collects it once; the CSV below, the spreadsheet (`kit.documents.spreadsheet`) and the PDF verslag
(`kit.documents.session_report`) are views of that one collection, so they never disagree about what belongs in them.

CSV (`answers_csv`): long format, one row per answer, columns
``sessiecode, team, datum, vraag, vraagtype, antwoord, deelnemer``.

=============================  ========================================  ==================================  ===========
vraagtype                      vraag                                     antwoord                            deelnemer
=============================  ========================================  ==================================  ===========
ordered, choice, scale, open,  the question's key                        the answer (punten: JSON text of    pseudonym
punten                                                                   option -> points, all options)
punten                         ``<key>:gemiddelde:<option>``             mean points of that option, e.g.    (empty)
                                                                         ``34.5``; only from 3 answers
werkblad                       ``werkblad:casus``                        key of the case the group chose     group label
werkblad                       ``werkblad:<step_key>:<n>``               the group's answer to question n    group label
routekaart                     ``routekaart:<step_key>:<categorie>``     one item on the route map           (empty)
punt                           ``punt:<n>``                              the point's text                    (empty)
punt                           ``punt:<n>:stickers``                     number of stickers, 0 or more       (empty)
punt                           ``punt:<n>:status``                       ``zichtbaar``, ``verborgen`` or     (empty)
                                                                         ``samengevoegd met punt:<m>``
actie                          ``actie:<n>``                             the action                          (empty)
actie                          ``actie:<n>:niveau`` / ``:eigenaar`` /    that field of action n; ``:punt``   (empty)
                               ``:planning`` / ``:status`` / ``:punt``   (``punt:<m>``) only when linked
=============================  ========================================  ==================================  ===========

Rows come in that order: the polls in agenda order (a question's summary rows, if its type has them, right
after its answers), then the worksheet per group, the route map, the points in
the order they were posted (n counts from 1, the same n in every row about that point) and the actions.
`<step_key>` and `<categorie>` (positief, aandacht, sleutelfiguren) are the template's keys; worksheet question
n counts from 1 within its meldcode step.

What is left out, on purpose:
- Anything that identifies a person. A participant is only the random pseudonym the kit gave their phone,
  meaningless outside this one session.
- Who posted a point and who put stickers where: a post-it belongs to the room, and per-person stickers would tie
  votes to that person's poll answers. Only the total per point is kept.
- A private answer (a personal intention) that its author did not share: the phone promises that nobody else,
  the facilitator included, sees it.
Open answers are exported whether or not the facilitator showed them to the room: this is the school's record.

A cell that a spreadsheet would run as a formula gets a leading apostrophe in the CSV (`spreadsheet_safe`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from kit.documents.by_type import documents_of
from kit.i18n import translate
from kit.model.live import LiveSession
from kit.model.board import PointsBoard, RankedPoint
from kit.model.template import ROUTE_CATEGORIES, Block, Question, Template
from kit.store import AnswerRecord, SessionRecord, Store
from kit.store import ActionRecord, GroupRecord, PointRecord, RouteItemRecord

CSV_COLUMNS = ("sessiecode", "team", "datum", "vraag", "vraagtype", "antwoord", "deelnemer")

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# The exports and the verslag are the school's Dutch records, whatever language the screens ran in.
ROUTE_CATEGORY_LABELS = {category: translate("nl", f"route.{category}") for category in ROUTE_CATEGORIES}
POINT_STATUS_LABELS = {"open": "zichtbaar", "hidden": "verborgen", "merged": "samengevoegd"}


def spreadsheet_safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@dataclass(frozen=True)
class PollAnswer:
    block: Block
    question: Question
    answer: AnswerRecord


@dataclass(frozen=True)
class WorksheetRow:
    group: GroupRecord
    case_title: str
    step_key: str
    step_title: str
    question_number: int  # from 1 within the step
    question_text: str
    value: str


@dataclass(frozen=True)
class SessionData:
    record: SessionRecord
    template: Template
    polls: tuple[PollAnswer, ...]  # agenda order; a private answer only if its author shared it
    groups: tuple[GroupRecord, ...]
    worksheet: tuple[WorksheetRow, ...]  # per group, then meldcode step, then question
    route_items: tuple[RouteItemRecord, ...]  # per meldcode step, then category, then as placed
    points: tuple[PointRecord, ...]  # as posted
    stickers: dict[str, int]  # point id -> stickers of everyone
    ranking: tuple[RankedPoint, ...]  # visible points, most stickers first (the board's own order)
    actions: tuple[ActionRecord, ...]
    skipped_blocks: tuple[str, ...] = ()  # optional blocks the facilitator skipped in the session

    @property
    def meldcode_block(self) -> Block | None:
        return next((b for b in self.template.blocks if b.meldcode is not None), None)

    @property
    def points_block(self) -> Block | None:
        return next((b for b in self.template.blocks if b.points is not None), None)

    def point_number(self, point_id: str | None) -> int | None:
        """n in `punt:<n>`: the point's place in the order of posting, from 1."""
        for number, point in enumerate(self.points, start=1):
            if point.point_id == point_id:
                return number
        return None

    def point(self, point_id: str | None) -> PointRecord | None:
        return next((p for p in self.points if p.point_id == point_id), None)

    def point_reference(self, point_id: str | None) -> str:
        """'punt 3: <its text>', for a reader of the spreadsheet or the verslag; '' for no point."""
        point = self.point(point_id)
        return f"punt {self.point_number(point_id)}: {point.text}" if point else ""

    def point_status(self, point: PointRecord) -> str:
        label = POINT_STATUS_LABELS.get(point.status, point.status)
        if point.status == "merged" and point.merged_into:
            return f"{label} met {self.point_reference(point.merged_into)}"
        return label



def session_data(store: Store, code: str) -> SessionData:
    record = store.sessions.get_session(code)
    if record is None:
        raise KeyError(code)
    template = Template.from_dict(record.template)
    state = store.sessions.get_live_state(code)
    return SessionData(
        skipped_blocks=state.skipped_blocks if state is not None else (),
        record=record,
        template=template,
        polls=tuple(_polls(store, record, template)),
        groups=tuple(store.worksheets.groups(code)),
        worksheet=tuple(_worksheet(store, code, template)),
        route_items=tuple(_route_items(store, code, template)),
        points=tuple(store.board.points(code)),
        stickers=dict(store.board.sticker_counts(code)),
        ranking=tuple(_ranking(store, record, template)),
        actions=tuple(store.board.actions(code)),
    )


def _polls(store: Store, record: SessionRecord, template: Template) -> list[PollAnswer]:
    located = {q.key: (i, b, q) for i, (b, q) in enumerate((b, q) for b in template.blocks for q in b.questions)}
    shared: dict[str, set[str]] = {
        q.key: store.sessions.shared_participants(record.code, q.key) for q in template.questions() if q.private
    }
    polls = []
    for answer in store.sessions.answers(record.code):
        if answer.question_key not in located:
            continue  # not a question of this session's template: nothing to label it with
        if answer.question_key in shared and answer.participant not in shared[answer.question_key]:
            continue
        _, block, question = located[answer.question_key]
        polls.append(PollAnswer(block, question, answer))
    return sorted(polls, key=lambda p: (located[p.question.key][0], p.answer.updated_at))


def _worksheet(store: Store, code: str, template: Template) -> list[WorksheetRow]:
    block = next((b for b in template.blocks if b.meldcode is not None), None)
    if block is None:
        return []
    meldcode = block.meldcode
    groups = {g.group_id: (i, g) for i, g in enumerate(store.worksheets.groups(code))}
    step_order = {s.key: i for i, s in enumerate(meldcode.steps)}
    rows = []
    for answer in store.worksheets.worksheet_answers(code):
        if answer.group_id not in groups:
            continue
        position, group = groups[answer.group_id]
        step = meldcode.step(answer.step_key)
        case = meldcode.case(group.case_key) if group.case_key else None
        questions = step.questions if step else ()
        rows.append((
            (position, step_order.get(answer.step_key, len(step_order)), answer.question_index),
            WorksheetRow(
                group=group,
                case_title=case.title if case else (group.case_key or ""),
                step_key=answer.step_key,
                step_title=step.title if step else answer.step_key,
                question_number=answer.question_index + 1,
                question_text=questions[answer.question_index] if answer.question_index < len(questions) else "",
                value=answer.value,
            ),
        ))
    return [row for _, row in sorted(rows, key=lambda item: item[0])]


def _route_items(store: Store, code: str, template: Template) -> list[RouteItemRecord]:
    block = next((b for b in template.blocks if b.meldcode is not None), None)
    steps = {s.key: i for i, s in enumerate(block.meldcode.steps)} if block else {}
    categories = {c: i for i, c in enumerate(ROUTE_CATEGORIES)}
    items = list(enumerate(store.worksheets.route_items(code)))
    items.sort(key=lambda pair: (steps.get(pair[1].step_key, len(steps)),
                                 categories.get(pair[1].category, len(categories)), pair[0]))
    return [item for _, item in items]


def _ranking(store: Store, record: SessionRecord, template: Template) -> list[RankedPoint]:
    block = next((b for b in template.blocks if b.points is not None), None)
    if block is None:
        return []
    # The board's own ranking, so the verslag lists the points exactly as the room saw them on the sticker board.
    # LiveSession.open would refuse a closed session; a report is made after closing, so build it directly.
    return PointsBoard(LiveSession(store, record), block).ranking()


def summary_rows(question: Question, polls) -> list[tuple[str, object]]:
    """What the question's type sums its answers up to for the exports (e.g. mean points per option), from the
    small-group threshold on."""
    return documents_of(question).summary_rows(question, [p.answer.value for p in polls])


def step_title(data: SessionData, step_key: str) -> str:
    block = data.meldcode_block
    step = block.meldcode.step(step_key) if block else None
    return step.title if step else step_key


# -- CSV ------------------------------------------------------------------------------------------------------------
def answer_rows(store: Store, code: str) -> list[tuple[str, ...]]:
    """Every row of the CSV (see the module docstring), as plain strings, formulas not yet neutralised."""
    return csv_rows(session_data(store, code))


def csv_rows(data: SessionData) -> list[tuple[str, ...]]:
    session = (data.record.code, data.record.team, data.record.session_date)
    rows = []
    for question in data.template.questions():
        polls = [p for p in data.polls if p.question.key == question.key]
        rows += [(*session, question.key, question.type, p.answer.value, p.answer.participant) for p in polls]
        rows += [(*session, f"{question.key}:gemiddelde:{label}", question.type, str(value), "")
                 for label, value in summary_rows(question, polls)]

    casus_done = set()
    for row in data.worksheet:
        if row.group.group_id not in casus_done and row.group.case_key:
            casus_done.add(row.group.group_id)
            rows.append((*session, "werkblad:casus", "werkblad", row.group.case_key, row.group.label))
        rows.append((*session, f"werkblad:{row.step_key}:{row.question_number}", "werkblad", row.value,
                     row.group.label))
    for group in data.groups:  # a group that chose a case but wrote nothing yet
        if group.group_id not in casus_done and group.case_key:
            rows.append((*session, "werkblad:casus", "werkblad", group.case_key, group.label))

    for item in data.route_items:
        rows.append((*session, f"routekaart:{item.step_key}:{item.category}", "routekaart", item.text, ""))

    for number, point in enumerate(data.points, start=1):
        status = POINT_STATUS_LABELS.get(point.status, point.status)
        if point.status == "merged" and point.merged_into:
            status = f"{status} met punt:{data.point_number(point.merged_into)}"
        rows += [
            (*session, f"punt:{number}", "punt", point.text, ""),
            (*session, f"punt:{number}:stickers", "punt", str(data.stickers.get(point.point_id, 0)), ""),
            (*session, f"punt:{number}:status", "punt", status, ""),
        ]
        if point.from_route_map:  # a starting post-it: what the route map of Werkvorm 3 marked 'aandacht nodig'
            rows.append((*session, f"punt:{number}:bron", "punt", "routekaart", ""))

    for number, action in enumerate(data.actions, start=1):
        rows.append((*session, f"actie:{number}", "actie", action.text, ""))
        for field, value in (("niveau", action.level), ("eigenaar", action.owner), ("planning", action.planning),
                             ("status", action.status)):
            rows.append((*session, f"actie:{number}:{field}", "actie", value, ""))
        linked = data.point_number(action.point_id)
        if linked is not None:
            rows.append((*session, f"actie:{number}:punt", "actie", f"punt:{linked}", ""))
    return rows


def answers_csv(store: Store, code: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in answer_rows(store, code):
        writer.writerow([spreadsheet_safe(value) for value in row])
    return out.getvalue()
