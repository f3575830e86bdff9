"""Property-based tests: every validator takes whatever a browser, a CSV file or a trainer's editor can send,
never crashes, and lets through only what is valid, exactly as given."""

import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import PRIORITEIT, TEVREDENHEID, VAARDIGHEID, VERSTERKEN, go_to_activity, werkvormen_template
from kit.apps.participant import code_from_query
from kit.documents.session_export import FORMULA_STARTS, spreadsheet_safe
from kit.model.answers import AnswerRejected, normalise_answer
from kit.model.live import LiveSession
from kit.model.board import PointsBoard
from kit.model.text import checked_text
from kit.store import Store
from kit.authoring import check_file

anything = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(), st.binary(),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@given(raw=anything)
def test_closed_questions_take_only_their_options(raw):
    for question in (VAARDIGHEID, TEVREDENHEID):
        try:
            value = normalise_answer(question, raw)
        except AnswerRejected as rejected:
            assert str(rejected)  # a message to show, in Dutch
        else:
            assert value in question.answer_options


divisions = st.dictionaries(st.one_of(st.sampled_from(PRIORITEIT.options), st.text(max_size=4)),
                            st.one_of(st.integers(-50, 150), anything), max_size=4)


@given(raw=st.one_of(anything, divisions, divisions.map(lambda d: json.dumps(d, default=str))))
def test_points_are_stored_only_as_100_whole_points_over_the_options(raw):
    try:
        value = normalise_answer(PRIORITEIT, raw)
    except AnswerRejected as rejected:
        assert str(rejected)
    else:
        points = json.loads(value)
        assert list(points) == list(PRIORITEIT.options)
        assert sum(points.values()) == 100 and all(isinstance(p, int) and p >= 0 for p in points.values())
        assert normalise_answer(PRIORITEIT, value) == value  # what is stored reads back as itself


@given(cuts=st.lists(st.integers(0, 100), min_size=2, max_size=2).map(sorted), as_text=st.booleans())
def test_every_division_of_100_is_accepted(cuts, as_text):
    given_points = dict(zip(PRIORITEIT.options, (cuts[0], cuts[1] - cuts[0], 100 - cuts[1])))
    value = normalise_answer(PRIORITEIT, json.dumps(given_points) if as_text else given_points)
    assert json.loads(value) == given_points


@given(raw=st.one_of(anything, st.text(min_size=0, max_size=700)))
def test_open_answers_are_kept_exactly_or_refused(raw):
    try:
        value = normalise_answer(VERSTERKEN, raw)
    except AnswerRejected:
        assert not isinstance(raw, str) or not raw.strip() or len(raw) > 500 or "\x00" in raw or any(
            "\ud800" <= c <= "\udfff" for c in raw)
    else:
        assert value == raw and 0 < len(value) <= 500


@given(raw=st.text(), limit=st.integers(min_value=1, max_value=300))
def test_checked_text_never_changes_what_it_accepts(raw, limit):
    try:
        assert checked_text(raw, limit) == raw
    except AnswerRejected:
        pass


@given(query=st.text())
def test_any_query_string_gives_a_clean_code(query):
    code = code_from_query(query)
    assert code == code.strip().upper()


@given(text=st.text())
def test_spreadsheet_safe_only_prefixes_formulas(text):
    safe = spreadsheet_safe(text)
    if text.startswith(FORMULA_STARTS):
        assert safe == "'" + text
    else:
        assert safe == text


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=400) | st.text(alphabet=string.printable + "äé:-[]{}#&*!|>'\"", max_size=400))
def test_template_checker_never_crashes(tmp_path, content):
    path = tmp_path / "sjabloon.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    for problem in check_file(path):
        assert problem.message and "sjabloon.yaml" in str(problem)


moves = st.lists(st.tuples(st.sampled_from(["+", "-"]), st.integers(0, 3), st.integers(0, 2)), max_size=40)


@settings(max_examples=40, deadline=None)
@given(sequence=moves)
def test_sticker_budget_holds_for_any_sequence_of_taps(sequence):
    with Store("sqlite://") as store:
        template = werkvormen_template()
        record = store.sessions.create_session(template.to_dict(), "T", "2026-11-28", "welkom")
        session = LiveSession.open(store, record.code)
        board = PointsBoard.for_session(session)
        go_to_activity(session, "punten")
        points = [board.post("auteur", f"punt {i}") for i in range(3)] + ["niet-bestaand"]
        go_to_activity(session, "stickers")
        for action, point, voter in sequence:
            change = board.add_sticker if action == "+" else board.take_back_sticker
            try:
                change(f"v{voter}", points[point])
            except AnswerRejected:
                pass
        for voter in range(3):
            mine = board.my_stickers(f"v{voter}")
            assert sum(mine.values()) <= 3
            assert all(0 <= n <= 2 for n in mine.values())
            assert "niet-bestaand" not in mine
        assert sum(r.stickers for r in board.ranking()) == sum(
            sum(board.my_stickers(f"v{v}").values()) for v in range(3))


@settings(max_examples=80, deadline=None)
@given(body=st.lists(st.lists(st.text(alphabet=string.printable + "éë;", max_size=12), min_size=0, max_size=6),
                     max_size=6))
def test_import_csv_refuses_or_plans_but_never_crashes(body):
    from datetime import date

    from kit.history.importing import ImportRefused, parse_counts
    from kit.authoring import load_template

    text = "team,datum,vraag,antwoord,aantal\n" + "\n".join(",".join(row) for row in body)
    try:
        planned = parse_counts(text, load_template("teamleergesprek"), [], date(2026, 11, 28))
    except ImportRefused as refused:
        assert str(refused)
    else:
        assert isinstance(planned, list)
