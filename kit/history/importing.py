"""`teamleergesprek import FILE.csv`: sessions held before the kit (on paper, or with another polling tool), entered
afterwards as counts per answer option, so a team's trends start with its real history.

The format is described for users in docs/import.md: one row per option, columns `team,datum,vraag,antwoord,aantal`.
The whole file is checked before anything is written; any problem refuses the whole file, with Dutch messages that
name the line. What is written goes in one transaction: all sessions of the file, or none.

Every imported answer gets its own random pseudonym. On paper nobody knows which answers came from the same
person, so the kit does not pretend to know: the pseudonyms link nothing, not even two answers of one session.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kit.i18n import t
from kit.model.answers import normalise_answer
from kit.model.template import Question, Template
from kit.store import SessionRecord, Store, new_participant_pseudonym
from kit.model.sessions import new_session

COLUMNS = ("team", "datum", "vraag", "antwoord", "aantal")
MAX_PER_ROW = 500  # a room holds 8 to 60 people; more than this in one row is a typing error
MAX_PER_QUESTION = 500  # all options of one question in one session together
MAX_TEAM_LENGTH = 100
MAX_FILE_BYTES = 1_000_000
MAX_PROBLEMS_SHOWN = 30
EARLIEST_YEAR = 2000
CLOSED = "closed"

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\Z")
_WHOLE_NUMBER = re.compile(r"[+-]?\d+\Z")


@contextmanager
def one_transaction(store: Store):
    """Every store write inside the block joins one transaction: all or nothing, and one commit (one wait for the
    disk) instead of one per row. That is `Store.transaction`; a block inside another joins the outer one."""
    with store.transaction():
        yield


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str

    def __str__(self) -> str:
        return t("import.line", line=self.line, message=self.message) if self.line else self.message


class ImportRefused(Exception):
    """The file was not imported (nothing was written); `problems` says why, line by line, in the command's language."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        shown = [str(p) for p in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            shown.append(t("import.more", n=len(problems) - MAX_PROBLEMS_SHOWN))
        super().__init__(t("import.refused", source=source) + "\n" + "\n".join(shown))


@dataclass
class PlannedSession:
    """One session of the file, checked and ready to write."""

    team: str
    session_date: str
    first_line: int
    counts: dict[tuple[str, str], int] = field(default_factory=dict)  # (question key, stored value) -> count
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (question key, stored value) -> line

    @property
    def answers(self) -> int:
        return sum(self.counts.values())

    def per_question(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for (key, _), count in self.counts.items():
            totals[key] = totals.get(key, 0) + count
        return totals


@dataclass(frozen=True)
class ImportedSession:
    record: SessionRecord
    answers: int
    questions: int


def _same(text: str) -> str:
    """Team names and options compare without regard to case and runs of spaces."""
    return " ".join(text.split()).casefold()


def _decode(data: bytes) -> str:
    """UTF-8 (with or without the BOM Excel writes), else the Windows code page Excel uses for plain 'CSV'."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            line = data[: error.start].count(b"\n") + 1
            raise ImportRefused("", [Problem(line, t("import.not_text"))]) from None


def _delimiter(header_line: str) -> str:
    """Dutch Excel writes ';' between the columns, most other tools ','."""
    if ";" in header_line and "," not in header_line:
        return ";"
    if "\t" in header_line and "," not in header_line and ";" not in header_line:
        return "\t"
    return ","


def _parse_date(text: str) -> date | None:
    for pattern, order in ((_ISO_DATE, (0, 1, 2)), (_DUTCH_DATE, (2, 1, 0))):
        match = pattern.match(text)
        if match:
            parts = match.groups()
            try:
                return date(int(parts[order[0]]), int(parts[order[1]]), int(parts[order[2]]))
            except ValueError:
                return None
    return None


def _options_hint(question: Question) -> str:
    hint = ", ".join(question.answer_options)
    if question.min_label or question.max_label:
        hint += f" ({question.scale_min} = {question.min_label}, {question.scale_max} = {question.max_label})"
    return hint


def parse_counts(text: str, template: Template, existing: list[SessionRecord], today: date,
                 source: str = "het bestand") -> list[PlannedSession]:
    """Check the whole file; return its sessions in date order, or raise ImportRefused listing every problem."""
    problems: list[Problem] = []
    # Only answers that are one of a few values can be read as counts.
    by_key = {q.key: q for q in template.questions() if q.answer_options}
    uncounted = {q.key: q for q in template.questions() if not q.answer_options}

    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ImportRefused(source, [Problem(None, t("import.empty", columns=",".join(COLUMNS)))])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(lines[first]))

    header: list[str] | None = None
    header_line = 0
    teams: dict[str, tuple[str, int]] = {}  # canonical team -> (spelling in this file, first line)
    known_teams = {_same(s.team): s.team for s in existing}
    sessions: dict[tuple[str, str], PlannedSession] = {}
    rows = 0
    for cells in reader:
        line = reader.line_num
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        # Spreadsheets add empty cells at the end of a row; beyond the columns they mean nothing.
        while not cells[-1] and len(cells) > (len(header) if header else 1):
            cells.pop()
        if header is None:
            header, header_line = [c.lstrip("\ufeff").strip().casefold() for c in cells], line
            missing = [c for c in COLUMNS if c not in header]
            unknown = [c for c in header if c not in COLUMNS]
            doubled = sorted({c for c in header if header.count(c) > 1})
            fix = t("import.columns_fix", columns=",".join(COLUMNS))
            for name in missing:
                problems.append(Problem(line, t("import.column_missing", name=name, fix=fix)))
            for name in unknown:
                problems.append(Problem(line, t("import.column_unknown", name=name, fix=fix)))
            for name in doubled:
                problems.append(Problem(line, t("import.column_twice", name=name, fix=fix)))
            if problems:
                raise ImportRefused(source, problems)
            continue
        rows += 1
        if len(cells) != len(header):
            problems.append(Problem(line, t("import.cell_count", n=len(cells), expected=len(header),
                                            columns=", ".join(header))))
            continue
        row = dict(zip(header, cells))
        before = len(problems)

        team = " ".join(row["team"].split())
        if not team:
            problems.append(Problem(line, t("import.no_team")))
        elif len(team) > MAX_TEAM_LENGTH:
            problems.append(Problem(line, t("import.team_too_long", max=MAX_TEAM_LENGTH)))
        elif any(ord(ch) < 32 or "\ud800" <= ch <= "\udfff" for ch in team):
            problems.append(Problem(line, t("import.team_bad_character")))
        else:
            spelled, seen = teams.setdefault(_same(team), (team, line))
            if spelled != team:
                problems.append(Problem(line, t("import.team_spelled", team=team, spelled=spelled, seen=seen)))
            elif _same(team) in known_teams and known_teams[_same(team)] != team:
                problems.append(Problem(line, t("import.team_known_as", known=known_teams[_same(team)])))

        held = _parse_date(row["datum"])
        if not row["datum"]:
            problems.append(Problem(line, t("import.no_date")))
        elif held is None:
            problems.append(Problem(line, t("import.bad_date", date=row["datum"])))
        elif held > today:
            problems.append(Problem(line, t("import.future_date", date=held.isoformat())))
        elif held.year < EARLIEST_YEAR:
            problems.append(Problem(line, t("import.early_date", date=held.isoformat(), year=EARLIEST_YEAR)))

        key = row["vraag"].casefold()
        question = by_key.get(key)
        if not key:
            problems.append(Problem(line, t("import.no_question", keys=", ".join(by_key))))
        elif key in uncounted:
            kind = uncounted[key].kind
            problems.append(Problem(line, t("import.uncounted", key=key, noun=kind.noun, answers=kind.answers_noun,
                                            keys=", ".join(by_key))))
        elif question is None:
            close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.6)
            suggestion = " " + t("import.did_you_mean", key=close[0]) if close else ""
            problems.append(Problem(line, t("import.unknown_question", question=row["vraag"], template=template.name,
                                            suggestion=suggestion, keys=", ".join(by_key))))

        value = None
        if question is not None:
            matches = [o for o in question.answer_options if _same(o) == _same(row["antwoord"])]
            if not row["antwoord"]:
                problems.append(Problem(line, t("import.no_answer", options=_options_hint(question))))
            elif not matches:
                problems.append(Problem(line, t("import.unknown_answer", answer=row["antwoord"], key=question.key,
                                                options=_options_hint(question))))
            else:
                value = normalise_answer(question, matches[0])

        count = None
        raw_count = row["aantal"]
        if not raw_count:
            problems.append(Problem(line, t("import.no_count")))
        elif not _WHOLE_NUMBER.match(raw_count):
            problems.append(Problem(line, t("import.count_not_whole", count=raw_count, max=MAX_PER_ROW)))
        elif int(raw_count) < 0:
            problems.append(Problem(line, t("import.count_negative", count=int(raw_count))))
        elif int(raw_count) > MAX_PER_ROW:
            problems.append(Problem(line, t("import.count_too_big", count=int(raw_count), max=MAX_PER_ROW)))
        else:
            count = int(raw_count)

        if len(problems) > before:
            continue
        plan = sessions.setdefault((team, held.isoformat()), PlannedSession(team, held.isoformat(), line))
        slot = (question.key, value)
        if slot in plan.counts:
            problems.append(Problem(line, t("import.answer_twice", answer=value, key=question.key, team=team,
                                            date=plan.session_date, other=plan.lines[slot])))
            continue
        plan.counts[slot], plan.lines[slot] = count, line
        total = plan.per_question()[question.key]
        if total > MAX_PER_QUESTION and total - count <= MAX_PER_QUESTION:
            problems.append(Problem(line, t("import.question_too_many", key=question.key, team=team,
                                            date=plan.session_date, total=total, max=MAX_PER_QUESTION)))

    if header is not None and rows == 0:
        problems.append(Problem(header_line, t("import.no_rows")))
    for plan in sessions.values():
        if plan.answers == 0:
            problems.append(Problem(plan.first_line, t("import.only_zero", team=plan.team, date=plan.session_date)))
        twin = next((s for s in existing if s.team == plan.team and s.session_date == plan.session_date), None)
        if twin is not None:
            problems.append(Problem(plan.first_line, t("import.already_there", team=plan.team, date=plan.session_date,
                                                       code=twin.code)))
    if problems:
        raise ImportRefused(source, sorted(problems, key=lambda p: p.line or 0))
    return sorted(sessions.values(), key=lambda p: (p.session_date, p.team))


def write_sessions(store: Store, template: Template, planned: list[PlannedSession]) -> list[ImportedSession]:
    """Write the checked sessions as closed sessions, one answer row per counted answer, in one transaction."""
    imported = []
    with one_transaction(store):
        for plan in planned:
            record = new_session(store, template, plan.team, plan.session_date)
            for (key, value), count in plan.counts.items():
                stored = normalise_answer(template.question(key), value)
                for _ in range(count):
                    store.sessions.save_answer(record.code, new_participant_pseudonym(), key, stored)
            store.sessions.update_live_state(record.code, block_key=template.blocks[-1].key, question_key=None)
            store.sessions.set_session_status(record.code, CLOSED)
            imported.append(ImportedSession(store.sessions.get_session(record.code), plan.answers,
                                            sum(1 for n in plan.per_question().values() if n)))
    return imported


def read_text(path: str | Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise ImportRefused(str(path), [Problem(None, t("import.no_file", path=path))])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportRefused(str(path), [Problem(None, t("import.too_big", mb=MAX_FILE_BYTES // 1_000_000))])
    try:
        return _decode(path.read_bytes())
    except ImportRefused as refused:
        raise ImportRefused(str(path), refused.problems) from None


def import_csv(store: Store, path: str | Path, template_name: str = "teamleergesprek", templates_dir=None,
               today: date | None = None) -> list[ImportedSession]:
    """Check the file against the template and the database; write it all, or raise ImportRefused and write nothing.

    An unknown or broken template raises kit.authoring.TemplateError."""
    from kit.authoring import load_template

    template = load_template(template_name, templates_dir)
    text = read_text(path)
    planned = parse_counts(text, template, store.sessions.list_sessions(), today or date.today(), source=str(path))
    return write_sessions(store, template, planned)
