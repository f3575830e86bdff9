"""Reading one team's sessions in a period from the store (`load_team`, one bulk read per table) into `TeamData`,
with the shipped translations that let Dutch and English sessions form one series."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from kit.i18n import language, short_date, t
from kit.model.template import DEFAULT_ACTION_STATUSES, Question

from kit.analysis.trends.common import (
    CLOSED_TYPES, TEXT_TYPES, VALUE_TYPES, describe_signature, signature,
)

# -- loading ------------------------------------------------------------------------------------------------------
SESSION_COLUMNS = ["date", "label", "status", "created_at"]
QUESTION_COLUMNS = ["code", "key", "type", "text", "signature", "private"]
COUNT_COLUMNS = ["code", "key", "value", "count"]
TEXT_COLUMNS = ["code", "key", "value"]
POINT_COLUMNS = ["code", "point_id", "text", "status", "merged_into", "position", "stickers", "from_route_map"]
ACTION_COLUMNS = ["code", "action_id", "point_id", "text", "level", "owner", "planning", "status", "position"]


@dataclass(frozen=True, eq=False)
class TeamData:
    """One team's sessions in a period, as read from the store. Every frame is ordered by session date.

    sessions:  index `code`; date (ISO text), label ('3 okt 2025', with the code added when two share a date),
               status, created_at
    questions: one row per question per session: code, key, type, text, signature, private
    counts:    closed questions: code, key, value, count (answers per stored value)
    values:    questions whose answer is a structure (points over options): code, key, value, every answer
    texts:     open answers the room saw (see the module's docstring): code, key, value, participant (the
               pseudonym within the session: the word trends' minimum counts people, not answers)
    points:    every post-it: code, point_id, text, status ('open', 'hidden', 'merged'), merged_into, position, stickers
    voters:    per session code, how many participants put stickers (missing: nobody)
    actions:   code, action_id, point_id, text, level, owner, planning, status, position
    """

    team: str
    sessions: pd.DataFrame
    questions: pd.DataFrame
    counts: pd.DataFrame
    texts: pd.DataFrame
    points: pd.DataFrame
    voters: pd.Series
    actions: pd.DataFrame
    date_from: str | None = None
    date_to: str | None = None
    # code -> (questions by key, done status, stored option -> shown option per key)
    _templates: dict = field(default_factory=dict, repr=False)
    values: pd.DataFrame | None = None  # every answer to a question whose type reads whole answers: code, key, value
    # key -> why its series stops: the current template of its sessions no longer asks it this way (`changed_note`)
    changed: dict = field(default_factory=dict, repr=False)

    @property
    def codes(self) -> list[str]:
        return list(self.sessions.index)

    def question(self, code: str, key: str) -> Question | None:
        entry = self._templates.get(code)
        return entry[0].get(key) if entry else None

    def done_status(self, code: str) -> str:
        """The status that means 'done' in this session's template: the last of its action statuses ('klaar')."""
        entry = self._templates.get(code)
        return entry[1] if entry else DEFAULT_ACTION_STATUSES[-1]

    def label(self, code: str) -> str:
        return self.sessions.at[code, "label"]


@lru_cache(maxsize=1)
def _shipped_versions() -> dict[str, list]:
    """Template name -> its shipped versions, for the names that ship in more than one language."""
    from kit.authoring.loader import TEMPLATE_DIR, load_template_file

    by_name: dict[str, list] = {}
    for path in sorted(TEMPLATE_DIR.glob("*.*.yaml")):
        if not path.name.startswith("naslag."):
            template = load_template_file(path)
            by_name.setdefault(template.name, []).append(template)
    return {name: versions for name, versions in by_name.items() if len(versions) > 1}


@lru_cache(maxsize=1)
def _shipped_action_lists() -> dict[tuple[str, str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(template name, 'levels' or 'statuses', the list in one language) -> {language: the list in that language}:
    an action's level and status are stored as the text of the session's language."""
    table = {}
    for name, versions in _shipped_versions().items():
        points = {v.language: next((b.points for b in v.blocks if b.points is not None), None) for v in versions}
        for field_name in ("levels", "statuses"):
            lists = {lang: getattr(p, field_name) for lang, p in points.items() if p is not None}
            if len({len(values) for values in lists.values()}) == 1:
                for values in lists.values():
                    table[(name, field_name, tuple(values))] = lists
    return table


@lru_cache(maxsize=1)
def _shipped_translations() -> dict[tuple[str, str, str], dict[str, Question]]:
    """The questions of the templates that ship in more than one language (teamleergesprek.nl / .en), by
    (template name, key, signature in one language) -> {language: the question in that language}.

    A translation keeps every key and the number and order of the options (the test of the English template checks
    that), so an option is the same answer as the option in the same position of the other language. Only these
    shipped pairs are matched; a school's own translation with other options is a different series, shown apart."""
    table: dict[tuple[str, str, str], dict[str, Question]] = {}
    for name, versions in _shipped_versions().items():
        per_key: dict[str, dict[str, Question]] = {}
        for version in versions:
            for question in version.questions():
                per_key.setdefault(question.key, {})[version.language] = question
        for key, languages in per_key.items():
            shapes = {(q.type, len(q.answer_options)) for q in languages.values()}
            if len(shapes) == 1:
                for question in languages.values():
                    table[(name, key, signature(question))] = languages
    return table


def _in_display_language(template: dict, question: Question) -> tuple[Question, dict[str, str]]:
    """The question as the shipped template of the display language asks it, with the stored answers' mapping to
    that language's options (by position). Questions without a shipped translation are returned as they are."""
    languages = _shipped_translations().get((template.get("name", ""), question.key, signature(question)))
    shown = (languages or {}).get(language())
    if shown is None or shown == question:
        return question, {}
    return shown, dict(zip(question.answer_options, shown.answer_options))


def _action_labels(template: dict, field_name: str, values) -> dict[str, str]:
    """Stored level or status -> the same one (by position) in the display language's shipped template."""
    languages = _shipped_action_lists().get((template.get("name", ""), field_name, tuple(values)), {})
    shown = languages.get(language())
    return dict(zip(values, shown)) if shown and tuple(shown) != tuple(values) else {}


def _template_info(template: dict) -> tuple:
    """(questions by key, done status, stored option -> shown option per key, stored -> shown action labels by
    column) of one session's template, in the display language where a shipped translation says how."""
    questions: dict[str, Question] = {}
    values: dict[str, dict[str, str]] = {}
    labels: dict[str, dict[str, str]] = {}
    done = DEFAULT_ACTION_STATUSES[-1]
    for block in template.get("blocks", ()):
        for data in block.get("questions", ()):
            question, mapping = _in_display_language(template, Question.from_dict(data))
            if question.key not in questions:
                questions[question.key] = question
                if mapping:
                    values[question.key] = mapping
        points = block.get("points") or {}
        for column, field_name in (("level", "levels"), ("status", "statuses")):
            if points.get(field_name):
                labels[column] = _action_labels(template, field_name, points[field_name])
        if points.get("statuses"):
            done = labels["status"].get(points["statuses"][-1], points["statuses"][-1])
    return questions, done, values, labels


def _continue_mapped_series(codes: list[str], templates: dict[str, tuple]) -> dict[str, tuple]:
    """Where a template changed a question's options or scale under the same key and said with `mapping` which new
    option each old answer is (docs/trainers.md), the older sessions join the newer series: their question becomes
    the newer one and their stored answers are translated. Walks back from the newest session, so a chain of
    changes (each with its mapping) continues as one series; without a mapping the series stay apart.

    `templates`: code -> (questions by key, done status, stored -> shown value per key, ...) as `_template_info`
    makes them, sessions in date order."""
    result = dict(templates)
    keys = {key for code in codes for key in templates[code][0]}
    for key in keys:
        current = None  # the earliest question of the run asked like the newest one
        composed: dict[str, str] = {}  # an answer as that question stores it -> as the newest question shows it
        for code in reversed(codes):
            question = templates[code][0].get(key)
            if question is None:
                continue
            if current is None:
                current, newest = question, question
                continue
            if signature(question) != signature(current):
                mapping = dict(current.mapping or ())
                options = question.answer_options
                if current.mapping is None or not options or any(
                        o not in current.answer_options and o not in mapping for o in options):
                    break
                composed = {o: composed.get(mapping.get(o, o), mapping.get(o, o)) for o in options}
            current = question
            if composed:
                questions, done, values, *rest = result[code]
                shown = values.get(key, {})
                stored = {*question.answer_options, *shown}
                translated = {v: composed.get(shown.get(v, v), shown.get(v, v)) for v in stored}
                result[code] = ({**questions, key: newest}, done, {**values, key: translated}, *rest)
    return result


def load_team(store, team: str, date_from=None, date_to=None) -> TeamData:
    """Everything the trends need of one team's sessions in a period (dates inclusive), in a few bulk reads."""
    date_from = None if date_from in (None, "") else str(date_from)
    date_to = None if date_to in (None, "") else str(date_to)
    records = store.history.sessions_of_team(team, date_from, date_to)
    codes = [r.code for r in records]

    info_by_template: dict[int, tuple] = {}
    templates: dict[str, tuple] = {}
    question_rows = []
    for record in records:
        info = info_by_template.get(id(record.template))
        if info is None:
            info = info_by_template[id(record.template)] = _template_info(record.template)
        templates[record.code] = info
    templates = _continue_mapped_series(codes, templates)
    for code in codes:
        for q in templates[code][0].values():
            question_rows.append((code, q.key, q.type, q.text, signature(q), q.private))

    dates = [r.session_date for r in records]
    seen = pd.Series(dates).duplicated(keep=False).tolist() if dates else []
    labels = [short_date(d) + (f" ({r.code})" if twice else "") for r, d, twice in zip(records, dates, seen)]
    sessions = pd.DataFrame(
        {"date": dates, "label": labels, "status": [r.status for r in records],
         "created_at": [r.created_at for r in records]},
        index=pd.Index(codes, name="code", dtype=object), columns=SESSION_COLUMNS,
    )
    questions = pd.DataFrame(question_rows, columns=QUESTION_COLUMNS)

    closed = sorted(set(questions.loc[questions["type"].isin(CLOSED_TYPES), "key"]))
    opened = sorted(set(questions.loc[questions["type"].isin(TEXT_TYPES), "key"]))
    whole = sorted(set(questions.loc[questions["type"].isin(VALUE_TYPES), "key"]))
    counts = pd.DataFrame(store.history.bulk_answer_counts(codes, closed), columns=COUNT_COLUMNS)
    counts["count"] = counts["count"].astype("int64")
    translated = {code: info[2] for code, info in templates.items() if info[2]}
    if translated and not counts.empty:
        counts["value"] = [translated.get(code, {}).get(key, {}).get(value, value)
                           for code, key, value in counts[["code", "key", "value"]].itertuples(index=False)]

    texts = pd.DataFrame(store.history.bulk_answers(codes, opened, shown_only=True, participants=True),
                         columns=[*TEXT_COLUMNS, "shown", "shared", "participant"])
    private = questions.loc[questions["private"].astype(bool), ["code", "key"]]
    if not private.empty and not texts.empty:
        # A private answer (the personal intention) only where its author shared it.
        own = texts.merge(private.assign(_private=True), on=["code", "key"], how="left")["_private"]
        texts = texts[~(own.fillna(False).astype(bool).to_numpy() & (texts["shared"] == 0).to_numpy())]
    texts = texts[[*TEXT_COLUMNS, "participant"]].reset_index(drop=True)
    values = pd.DataFrame([row[:3] for row in store.history.bulk_answers(codes, whole)] if whole else [],
                          columns=TEXT_COLUMNS)

    points = pd.DataFrame(store.history.bulk_points(codes), columns=POINT_COLUMNS)
    points["stickers"] = points["stickers"].astype("int64")
    voters = pd.Series(store.history.bulk_sticker_voters(codes), dtype="int64").reindex(codes, fill_value=0)
    actions = pd.DataFrame(store.history.bulk_actions(codes), columns=ACTION_COLUMNS)
    if not actions.empty and any(info[3] for info in templates.values()):
        for column in ("level", "status"):
            actions[column] = [templates[code][3].get(column, {}).get(value, value)
                               for code, value in actions[["code", column]].itertuples(index=False)]
    order = {code: i for i, code in enumerate(codes)}
    points = _in_session_order(points, order)
    actions = _in_session_order(actions, order)
    return TeamData(team, sessions, questions, counts, texts, points, voters, actions, date_from, date_to, templates,
                    values, _changed_questions(records))


def _current_template(name: str, lang: str):
    """The template a school would start a session with today under this name and language, or None."""
    from kit.authoring.loader import in_language, template_path

    path = template_path(in_language(name, lang))
    return None if path is None else _template_file(str(path), path.stat().st_mtime, lang)


@lru_cache(maxsize=16)
def _template_file(path: str, _mtime: float, lang: str):
    from kit.authoring.loader import load_template_file

    try:
        return load_template_file(path, lang=lang)
    except Exception:  # a school's own template with mistakes: `check` says what; here there is just no note
        return None


def _changed_questions(records) -> dict[str, str]:
    """Per closed question key of these sessions that the current template of the same name no longer asks under
    that key (or asks as another type), the note the trends show above its series: how it is asked now, when the
    current template asks the same text another way (an open question, a prompt), else that it is no longer asked.
    Old answers stay readable as their own series; this says why the series does not go on."""
    notes: dict[str, str] = {}
    for record in records:
        template = record.template
        current = _current_template(template.get("name", ""), template.get("language", "nl"))
        if current is None:
            continue
        for block in template.get("blocks", ()):
            for data in block.get("questions", ()):
                old = Question.from_dict(data)
                if old.kind.trend_source == "texts" or old.key in notes:  # open answers: words, no series
                    continue
                now = current.question(old.key)
                if now is not None and signature(now) == signature(old):
                    continue
                notes[old.key] = _how_asked_now(current, old)
    return notes


def _how_asked_now(current, old: Question) -> str:
    same_text = " ".join(old.text.split()).casefold()
    for block in current.blocks:
        for question in block.questions:
            if " ".join(question.text.split()).casefold() == same_text:
                kind = t("trends.now_open") if question.kind.free_text else describe_signature(question)
                return t("trends.question_changed", how=kind, block=block.title)
        if any(" ".join(p.split()).casefold() == same_text for p in block.prompts):
            return t("trends.question_changed", how=t("trends.now_prompt"), block=block.title)
    return t("trends.question_dropped")


def _in_session_order(frame: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    if frame.empty:
        return frame
    frame = frame.assign(_order=frame["code"].map(order))
    return frame.sort_values(["_order", "position"], kind="stable").drop(columns="_order").reset_index(drop=True)


def closed_keys(data: TeamData) -> list[str]:
    """The keys of closed questions in these sessions, in the order of the newest session's template."""
    return _newest_first_order(data.questions[data.questions["type"].isin(CLOSED_TYPES)])


def _newest_first_order(questions: pd.DataFrame) -> list[str]:
    """Keys in the order of the newest session's template, then keys only older sessions had (newest first)."""
    if questions.empty:
        return []
    session = pd.factorize(questions["code"])[0]  # rows are in session order
    ordered = questions.assign(_session=-session, _row=np.arange(len(questions)))
    ordered = ordered.sort_values(["_session", "_row"], kind="stable")
    return list(ordered.drop_duplicates("key")["key"])

