"""The school's own data as tidy pandas DataFrames: the implementation behind the public `kit.data`.

Every function takes `team`, `since`, `until` (inclusive; 'JJJJ-MM-DD', a `date` or a `datetime`) and `db` (a
database URL, an open `kit.store.Store`, or None for the kit's database: --db / TEAMLEERGESPREK_DB / the default).
Each returns one row per thing (session, answer, point, action, worksheet answer, route-map item), in session order
(date, then creation), with the columns listed in `kit.data` and docs/analyse.md.

What these return is what the store holds and what `teamleergesprek export` writes: pseudonyms, never names; a
private answer (the personal intention) only where its author shared it. Figures about fewer people than the
minimum group must not be shown: `enough_people` and `summary` apply it.

The store is read only in `_Reads` below: the store is being recomposed into parts, and only that class names
its methods.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable

import numpy as np
import pandas as pd

from kit.analysis.by_type import analysis_of
from kit.analysis.trends.common import min_group_threshold, signature, too_few
from kit.analysis.trends.question_series import QuestionSeries, scale_stats
from kit.analysis.trends.stats import mean_interval
from kit.i18n import short_date, t
from kit.model.questiontypes import question_type
from kit.model.template import DEFAULT_ACTION_STATUSES, ROUTE_CATEGORIES, Question, Template
from kit.store import Store

SESSION_COLUMNS = ["session", "team", "date", "template", "language", "status", "participants"]
ANSWER_COLUMNS = ["session", "team", "date", "block", "question", "question_text", "type", "value", "number",
                  "participant", "shown"]
POINT_COLUMNS = ["session", "team", "date", "point", "text", "stickers", "status", "shown", "merged_into",
                 "from_route_map"]
ACTION_COLUMNS = ["session", "team", "date", "action", "text", "level", "owner", "planning", "status", "done",
                  "point"]
WORKSHEET_COLUMNS = ["session", "team", "date", "group", "case", "case_title", "step", "step_title",
                     "question_number", "question_text", "answer"]
ROUTE_COLUMNS = ["session", "team", "date", "step", "step_title", "category", "text"]
SUMMARY_COLUMNS = ["n", "suppressed", "option", "count", "share", "mean", "low", "high"]
POINT_STATUSES = ("open", "hidden", "merged")
QUESTIONS_ATTR = "questions"  # answers' and summaries' `attrs`: the questions as asked (AskedQuestions)
QUESTION_ATTR = "question"  # a summary's `attrs`: the key it summarises


class AskedQuestions(Mapping):
    """Question key -> `Question` as the newest session asked it; carried in a frame's `attrs`, so a summary of the
    frame can be drawn by the charts. pandas deep-copies `attrs` at every operation; questions never change, so a
    copy is this same mapping (cheap on a frame of 300,000 answers)."""

    def __init__(self, questions: dict[str, Question]):
        self._questions = dict(questions)

    def __getitem__(self, key: str) -> Question:
        return self._questions[key]

    def __iter__(self):
        return iter(self._questions)

    def __len__(self) -> int:
        return len(self._questions)

    def __deepcopy__(self, memo) -> "AskedQuestions":
        return self


# -- the store, in one place ----------------------------------------------------------------------------------------
class _Reads:
    """Every read of the store that `kit.data` makes, in one place: the bulk reads of `store.history` and the
    worksheets of `store.worksheets`."""

    def __init__(self, store: Store):
        self.store = store

    def teams(self) -> list[str]:
        return self.store.history.teams()

    def sessions(self, team, since, until):
        return self.store.history.sessions_of_team(team, since, until)

    def answers(self, codes):  # (code, key, value, shown, shared, participant)
        return self.store.history.bulk_answers(codes, participants=True)

    def points(self, codes):  # (code, point id, text, status, merged_into, position, stickers, from route map)
        return self.store.history.bulk_points(codes)

    def actions(self, codes):  # (code, action id, point id, text, level, owner, planning, status, position)
        return self.store.history.bulk_actions(codes)

    def groups(self, code):
        return self.store.worksheets.groups(code)

    def worksheet_answers(self, code):
        return self.store.worksheets.worksheet_answers(code)

    def route_items(self, code):
        return self.store.worksheets.route_items(code)


class _opened:
    """`with _opened(db) as reads`: a store opened from a URL (and closed after), or the caller's open store."""

    def __init__(self, db):
        self.db = db
        self.owned = None

    def __enter__(self) -> _Reads:
        if isinstance(self.db, Store):
            return _Reads(self.db)
        self.owned = Store(self.db)
        return _Reads(self.owned)

    def __exit__(self, *exc):
        if self.owned is not None:
            self.owned.close()


# -- what a session's template says ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Session:
    code: str
    team: str
    date: str
    template: dict
    status: str


@dataclass(frozen=True)
class _TemplateInfo:
    parsed: Template
    questions: dict  # key -> (block key, Question)
    levels: tuple[str, ...]
    statuses: tuple[str, ...]


_INFO_CACHE: dict[int, tuple[dict, _TemplateInfo]] = {}


def _info(template: dict) -> _TemplateInfo:
    """Sessions with the same stored template share one dict: parse it once per dict."""
    cached = _INFO_CACHE.get(id(template))
    if cached is not None and cached[0] is template:
        return cached[1]
    parsed = Template.from_dict(template)
    questions = {}
    for block in parsed.blocks:
        for question in block.questions:
            questions.setdefault(question.key, (block.key, question))
    points = next((b.points for b in parsed.blocks if b.points is not None), None)
    info = _TemplateInfo(parsed, questions, tuple(points.levels) if points else (),
                         tuple(points.statuses) if points else tuple(DEFAULT_ACTION_STATUSES))
    if len(_INFO_CACHE) > 256:
        _INFO_CACHE.clear()
    _INFO_CACHE[id(template)] = (template, info)
    return info


def _iso(day) -> str | None:
    if day is None or day == "":
        return None
    if isinstance(day, datetime):
        return day.date().isoformat()
    if isinstance(day, date):
        return day.isoformat()
    return pd.Timestamp(str(day)).date().isoformat()


def _select(reads: _Reads, team, since, until) -> list[_Session]:
    """The sessions asked for, in date order (then creation): of one team, of several, or (None) of every team."""
    since, until = _iso(since), _iso(until)
    if team is None:
        teams = reads.teams()
    elif isinstance(team, str):
        teams = [team]
    else:
        teams = list(team)
    records = [r for name in teams for r in reads.sessions(name, since, until)]
    records.sort(key=lambda r: (r.session_date, r.created_at, r.code))
    return [_Session(r.code, r.team, r.session_date, r.template, r.status) for r in records]


def _frame(rows, columns, sessions: list[_Session]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    order = {s.code: i for i, s in enumerate(sessions)}
    frame["session"] = pd.Categorical(frame["session"], categories=list(order), ordered=True)
    return frame


def _ordered(values, lists: Iterable[Iterable[str]]) -> pd.Categorical:
    """An ordered categorical whose categories are the lists' values in their order (the first list first, then
    what later lists add), plus any value no list names, at the end."""
    categories = list(dict.fromkeys(v for values_list in lists for v in values_list))
    categories += [v for v in dict.fromkeys(values) if v not in categories and not pd.isna(v)]
    return pd.Categorical(values, categories=categories, ordered=True)


def _number(question: Question, value: str) -> float:
    """A scale's number, or an ordered question's rank counted from its weakest option (1) up; else NaN."""
    if question.kind.incomparable is not None:
        return np.nan
    if question.scale_values:
        try:
            return float(value)
        except ValueError:
            return np.nan
    options = question.answer_options
    if value not in options:
        return np.nan
    index = options.index(value)
    return float(len(options) - index if question.kind.descending else index + 1)


# -- the public functions (kit.data re-exports them with their documentation) -------------------------------------
def sessions(team=None, since=None, until=None, db=None) -> pd.DataFrame:
    with _opened(db) as reads:
        chosen = _select(reads, team, since, until)
        answered = reads.answers([s.code for s in chosen]) if chosen else []
    people = pd.DataFrame([(row[0], row[5]) for row in answered], columns=["session", "participant"])
    counts = people.groupby("session")["participant"].nunique().to_dict()
    rows = [(s.code, s.team, s.date, s.template.get("name", ""), s.template.get("language", "nl"), s.status,
             int(counts.get(s.code, 0))) for s in chosen]
    frame = _frame(rows, SESSION_COLUMNS, chosen)
    frame["participants"] = frame["participants"].astype("int64")
    return frame


def answers(team=None, since=None, until=None, db=None, question: str | None = None) -> pd.DataFrame:
    with _opened(db) as reads:
        chosen = _select(reads, team, since, until)
        rows = reads.answers([s.code for s in chosen]) if chosen else []
    if question is not None:
        rows = [row for row in rows if row[1] == question]
    codes = [s.code for s in chosen]
    # The questions per distinct template (sessions share one), as arrays the answers index into.
    template_of, infos, table = [], {}, []  # table rows: (template, key, block, text, type, private, place)
    for session in chosen:
        info = _info(session.template)
        if id(info) not in infos:
            infos[id(info)] = (len(infos), info)
            table += [(len(infos) - 1, key, block, q, place)
                      for place, (key, (block, q)) in enumerate(info.questions.items())]
        template_of.append(infos[id(info)][0])
    keys = sorted({row[1] for row in table})
    lookup = np.full((max(len(infos), 1), max(len(keys), 1)), -1, dtype="int64")
    key_index = {key: i for i, key in enumerate(keys)}
    for i, (tid, key, *_rest) in enumerate(table):
        lookup[tid, key_index[key]] = i

    count = len(rows)
    # One 2-D object array, then a column each: zip(*rows) would allocate a tuple per column and wake the garbage
    # collector over the 300,000 rows of a large history (a third of the time).
    table_2d = np.array(rows, dtype=object) if rows else np.empty((0, 6), dtype=object)
    columns = [table_2d[:, i] for i in range(6)]
    session_index = {code: i for i, code in enumerate(codes)}
    key_index = defaultdict(lambda: -1, {key: i for i, key in enumerate(keys)})
    session_code = np.fromiter(map(session_index.__getitem__, columns[0]), "int64", count)
    key_code = np.fromiter(map(key_index.__getitem__, columns[1]), "int64", count)
    qrow = np.full(count, -1, dtype="int64")
    found = key_code >= 0
    qrow[found] = lookup[np.asarray(template_of, dtype="int64")[session_code[found]], key_code[found]]
    private = np.array([row[3].private for row in table] + [False], dtype=bool)
    shared = np.fromiter(columns[4], "int8", count).astype(bool)
    keep = (qrow >= 0) & ~(private[qrow] & ~shared)  # not in the template; a private answer not shared

    value = columns[2][keep]
    participant = columns[5][keep]
    shown = np.fromiter(columns[3], "int8", count).astype(bool)[keep]
    qrow, session_code = qrow[keep], session_code[keep]

    # The number, for ordered and scale questions only: (question row, value) -> number over their options.
    scores = {(i, option): _number(row[3], option) for i, row in enumerate(table)
              if row[3].kind.incomparable is None for option in row[3].answer_options}
    comparable = np.array([row[3].kind.incomparable is None for row in table] + [False], dtype=bool)[qrow]
    number = np.full(len(qrow), np.nan)
    number[comparable] = np.fromiter((scores.get(pair, np.nan) for pair in zip(qrow[comparable],
                                                                                 value[comparable])),
                                     "float64", int(comparable.sum()))

    # Session order, then the template's order of questions (as the export), then as the store returned them.
    place = np.array([row[4] for row in table] + [0], dtype="int64")
    order = np.lexsort((place[qrow], session_code))

    def spread(values_by_index, index, ordered=False, categories=None):
        cats = list(dict.fromkeys(values_by_index)) if categories is None else categories
        position = {v: i for i, v in enumerate(cats)}
        codes_of = np.array([position[v] for v in values_by_index] + [-1], dtype="int64")
        return pd.Categorical.from_codes(codes_of[index][order], categories=cats, ordered=ordered)

    dates = pd.to_datetime(pd.Series([s.date for s in chosen], dtype=object), format="%Y-%m-%d")
    frame = pd.DataFrame({
        "session": pd.Categorical.from_codes(session_code[order], categories=codes, ordered=True),
        "team": spread([s.team for s in chosen], session_code),
        "date": dates.to_numpy()[session_code[order]] if len(dates) else np.array([], dtype="datetime64[ns]"),
        "block": spread([row[2] for row in table], qrow),
        "question": spread([row[1] for row in table], qrow),
        "question_text": spread([row[3].text for row in table], qrow),
        "type": spread([row[3].type for row in table], qrow),
        "value": value[order],
        "number": number[order],
        "participant": participant[order],
        "shown": shown[order],
    }, columns=ANSWER_COLUMNS)
    if question is not None:
        option_lists = [info.questions[question][1].answer_options for _, info in infos.values()
                        if question in info.questions]
        if any(option_lists):
            frame["value"] = _ordered(frame["value"], option_lists)
    # Each question as the newest session asked it, for the charts (`series_from_summary`).
    newest: dict[str, Question] = {}
    read: set[int] = set()  # sessions share a template's parsed info: read each once
    for session in reversed(chosen):
        info = _info(session.template)
        if id(info) not in read:
            read.add(id(info))
            for key, (_, asked) in info.questions.items():
                newest.setdefault(key, asked)
    frame.attrs[QUESTIONS_ATTR] = AskedQuestions(newest)
    return frame


def _point_numbers(rows) -> list[tuple[tuple, int]]:
    """(point row, its number n in its session: the order of posting, from 1, as the export's `punt:<n>`)."""
    numbered, seen = [], {}
    for row in sorted(rows, key=lambda r: (r[0], r[5])):
        seen[row[0]] = seen.get(row[0], 0) + 1
        numbered.append((row, seen[row[0]]))
    return numbered


def points(team=None, since=None, until=None, db=None) -> pd.DataFrame:
    with _opened(db) as reads:
        chosen = _select(reads, team, since, until)
        rows = reads.points([s.code for s in chosen]) if chosen else []
    by_code = {s.code: s for s in chosen}
    per_session: dict[str, list] = {}
    for row in rows:
        per_session.setdefault(row[0], []).append(row)
    out = []
    for code in by_code:
        own = sorted(per_session.get(code, []), key=lambda r: r[5])
        number = {row[1]: n for n, row in enumerate(own, start=1)}
        session = by_code[code]
        for _, point_id, text, status, merged_into, _, stickers, from_route_map in own:
            out.append((code, session.team, session.date, number[point_id], text, int(stickers), status,
                        status == "open", number.get(merged_into) if merged_into else None, bool(from_route_map)))
    frame = _frame(out, POINT_COLUMNS, chosen)
    frame["stickers"] = frame["stickers"].astype("int64")
    frame["point"] = frame["point"].astype("int64")
    frame["shown"] = frame["shown"].astype(bool)
    frame["from_route_map"] = frame["from_route_map"].astype(bool)
    frame["merged_into"] = frame["merged_into"].astype("Int64")
    frame["status"] = pd.Categorical(frame["status"], categories=list(POINT_STATUSES), ordered=True)
    return frame


def actions(team=None, since=None, until=None, db=None) -> pd.DataFrame:
    with _opened(db) as reads:
        chosen = _select(reads, team, since, until)
        rows = reads.actions([s.code for s in chosen]) if chosen else []
        point_rows = reads.points([s.code for s in chosen]) if chosen else []
    point_number = {(r[0], r[1]): n for r, n in _point_numbers(point_rows)}
    by_code = {s.code: (s, _info(s.template)) for s in chosen}
    per_session: dict[str, list] = {}
    for row in rows:
        per_session.setdefault(row[0], []).append(row)
    out = []
    for code, (session, info) in by_code.items():
        own = sorted(per_session.get(code, []), key=lambda r: r[8])
        for n, (_, _, point_id, text, level, owner, planning, status, _) in enumerate(own, start=1):
            out.append((code, session.team, session.date, n, text, level, owner, planning, status,
                        status == info.statuses[-1], point_number.get((code, point_id)) if point_id else None))
    frame = _frame(out, ACTION_COLUMNS, chosen)
    frame["action"] = frame["action"].astype("int64")
    frame["done"] = frame["done"].astype(bool)
    frame["point"] = frame["point"].astype("Int64")
    infos = [info for _, info in by_code.values()]
    frame["level"] = _ordered(frame["level"], [i.levels for i in infos])
    frame["status"] = _ordered(frame["status"], [i.statuses for i in infos])
    return frame


def worksheets(team=None, since=None, until=None, db=None) -> pd.DataFrame:
    out = []
    with _opened(db) as reads:
        chosen = _select(reads, team, since, until)
        for session in chosen:
            meldcode = next((b.meldcode for b in _info(session.template).parsed.blocks if b.meldcode), None)
            if meldcode is None:
                continue
            groups = reads.groups(session.code)
            written = reads.worksheet_answers(session.code)
            steps = {s.key: i for i, s in enumerate(meldcode.steps)}
            for position, group in enumerate(groups):
                case = meldcode.case(group.case_key) if group.case_key else None
                mine = sorted((a for a in written if a.group_id == group.group_id),
                              key=lambda a: (steps.get(a.step_key, len(steps)), a.question_index))
                head = (session.code, session.team, session.date, group.label, group.case_key,
                        case.title if case else group.case_key)
                if not mine and group.case_key:  # chose a case, wrote nothing yet
                    out.append((*head, None, None, None, None, None))
                for answer in mine:
                    step = meldcode.step(answer.step_key)
                    asked = step.questions if step else ()
                    out.append((*head, answer.step_key, step.title if step else answer.step_key,
                                answer.question_index + 1,
                                asked[answer.question_index] if answer.question_index < len(asked) else "",
                                answer.value))
    frame = _frame(out, WORKSHEET_COLUMNS, chosen)
    frame["question_number"] = frame["question_number"].astype("Int64")
    return frame


def route_map(team=None, since=None, until=None, db=None) -> pd.DataFrame:
    out = []
    with _opened(db) as reads:
        chosen = _select(reads, team, since, until)
        for session in chosen:
            meldcode = next((b.meldcode for b in _info(session.template).parsed.blocks if b.meldcode), None)
            steps = {s.key: (i, s.title) for i, s in enumerate(meldcode.steps)} if meldcode else {}
            items = list(enumerate(reads.route_items(session.code)))
            items.sort(key=lambda p: (steps.get(p[1].step_key, (len(steps),))[0],
                                      ROUTE_CATEGORIES.index(p[1].category)
                                      if p[1].category in ROUTE_CATEGORIES else len(ROUTE_CATEGORIES), p[0]))
            for _, item in items:
                out.append((session.code, session.team, session.date, item.step_key,
                            steps.get(item.step_key, (0, item.step_key))[1], item.category, item.text))
    frame = _frame(out, ROUTE_COLUMNS, chosen)
    frame["category"] = _ordered(frame["category"], [ROUTE_CATEGORIES])
    return frame


# -- the minimum group --------------------------------------------------------------------------------------------
def enough_people(frame: pd.DataFrame, by="session", min_group: int | None = None,
                  participant: str = "participant") -> pd.DataFrame:
    """The rows of the groups (`by`: a column or a list of columns) that hold at least `min_group` different
    participants; the other groups' rows are left out."""
    threshold = min_group_threshold(min_group)
    people = frame.groupby(by, observed=True)[participant].transform("nunique")
    return frame[people >= threshold]


def _options(frame: pd.DataFrame) -> list:
    """A question's options in the template's order: the categories of an ordered `value`; else, for answers
    loaded without `question=`, by their number (a scale from low to high, ordered options best first), else in
    the order they first appear."""
    values = frame["value"]
    if isinstance(values.dtype, pd.CategoricalDtype):
        return list(values.cat.categories)
    ranked = frame.dropna(subset=["number"]).drop_duplicates("value")
    if len(ranked) == values.nunique() and len(ranked):
        descending = question_type(str(frame["type"].iloc[0])).descending  # a scale lists its lowest first
        return list(ranked.sort_values("number", ascending=not descending, kind="stable")["value"])
    return list(dict.fromkeys(values))


def summary(question: str, by="session", team=None, since=None, until=None, db=None,
            min_group: int | None = None, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per group and per option: the number of people n, count and share of the option, and for an ordered or scale
    question the mean of `number` with its 95% interval. Groups of fewer than the minimum group of people keep only
    n and `suppressed` True; their other figures are missing."""
    threshold = min_group_threshold(min_group)
    if frame is None:
        frame = answers(team, since, until, db, question=question)
    else:
        frame = frame[frame["question"] == question]
    keys = [by] if isinstance(by, str) else list(by)
    options = _options(frame)
    rows = []
    for group, part in frame.groupby(keys, observed=True, sort=True):
        group = group if isinstance(group, tuple) else (group,)
        n = int(part["participant"].nunique())
        suppressed = n < threshold
        numbers = part["number"].dropna()
        mean = low = high = np.nan
        if not suppressed and len(numbers):
            mean = float(numbers.mean())
            if len(numbers) >= 2 and numbers.nunique() > 1:
                _, low, high = mean_interval(numbers)
        values = part["value"]
        tally = values.value_counts()
        for option in options:
            count = int(tally.get(option, 0))
            rows.append((*group, n, suppressed, option, pd.NA if suppressed else count,
                         np.nan if suppressed else count / len(part), mean, low, high))
    result = pd.DataFrame(rows, columns=[*keys, *SUMMARY_COLUMNS])
    for key in keys:  # groups keep their order (sessions by date), options the template's
        if isinstance(frame[key].dtype, pd.CategoricalDtype):
            result[key] = pd.Categorical(result[key], categories=frame[key].cat.categories,
                                         ordered=frame[key].cat.ordered)
    result["option"] = pd.Categorical(result["option"], categories=options, ordered=True)
    result["count"] = result["count"].astype("Int64")
    for column in ("share", "mean", "low", "high"):
        result[column] = result[column].astype("float64")
    if "session" in keys and "date" not in keys:  # the day of each session, for tables and the charts' labels
        days = dict(zip(frame["session"].astype(object), frame["date"]))
        result.insert(len(keys), "date", pd.to_datetime(result["session"].astype(object).map(days)))
    result.attrs[QUESTION_ATTR] = question
    if QUESTIONS_ATTR in frame.attrs:
        result.attrs[QUESTIONS_ATTR] = frame.attrs[QUESTIONS_ATTR]
    return result


def series_from_summary(table: pd.DataFrame, question: Question | None = None) -> QuestionSeries:
    """A `summary` as the trends' `QuestionSeries`, so the trend charts draw it: the same counts, percentages and
    (for a scale) mean and interval, computed as the trends page computes them from these counts; groups the
    summary suppressed stay suppressed. Only reshaping: the summary already applied the minimum group.

    `question`: where the summary's `attrs` no longer say which question it is (a frame built by hand). A question
    whose options changed over the period is drawn with the newest options."""
    if question is None:
        key = table.attrs.get(QUESTION_ATTR)
        question = table.attrs.get(QUESTIONS_ATTR, {}).get(key) if key else None
    if question is None:
        raise ValueError(t("data.which_question"))
    how = analysis_of(question)
    if how.session_means is not None or not question.answer_options:
        raise ValueError(t("data.no_options", key=question.key))
    groups = [c for c in table.columns if c not in SUMMARY_COLUMNS and c != "date"]
    if len(groups) != 1:
        raise ValueError(t("data.one_group", found=", ".join(map(str, groups)) or "-"))
    group = groups[0]
    per_group = table.drop_duplicates(group)
    codes = [str(g) for g in per_group[group]]
    index = pd.Index(codes, name="code", dtype=object)
    if "date" in table.columns:  # labelled as the trends page labels sessions: '3 okt 2025', the code if a day repeats
        days = per_group["date"].dt.strftime("%Y-%m-%d").tolist()
        twice = pd.Series(days).duplicated(keep=False).tolist()
        labels = [short_date(day) + (f" ({code})" if again else "") for day, code, again in zip(days, codes, twice)]
    else:
        days, labels = [""] * len(codes), codes
    suppressed = pd.Series(per_group["suppressed"].to_numpy(dtype=bool), index=index)
    sessions = pd.DataFrame({"date": days, "label": labels, "n": per_group["n"].to_numpy(dtype="int64"),
                             "suppressed": suppressed, "note": np.where(suppressed, too_few(), "")}, index=index)
    options = list(question.answer_options)
    place = {option: j for j, option in enumerate(options)}
    row_of = {code: i for i, code in enumerate(codes)}
    counts = np.zeros((len(codes), len(options)), dtype="int64")
    for code, option, count in zip(table[group].astype(str), table["option"].astype(str), table["count"]):
        if option in place and not pd.isna(count):
            counts[row_of[code], place[option]] += int(count)
    whole = pd.DataFrame(counts, index=index, columns=pd.Index(options, dtype=object))
    shown = whole.astype("Int64")
    if suppressed.any():
        shown.loc[suppressed] = pd.NA
    stats = scale_stats(question, whole, suppressed) if how.scale_stats else None
    return QuestionSeries(question.key, signature(question), question, sessions, shown, stats)
