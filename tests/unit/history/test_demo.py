"""The synthetic demo history: its shape, its trends, every value valid, and the same seed giving the same data."""

import sqlite3
import time
from collections import Counter
from datetime import date

import pytest

from kit.cli import DEMO_TEAM, _session_to_serve, main
from kit.history.demo import DEFAULT_SEED, DEMO_SUFFIX, TEAM_NAMES, DemoExists, load_demo
from kit.model.answers import normalise_answer
from kit.model.template import ROUTE_CATEGORIES, Template
from kit.store import Store

IMPROVING, FLAT, SMALL = TEAM_NAMES


def url(path):
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with Store(url(path)) as store:
        started = time.perf_counter()
        summary = load_demo(store)
        seconds = time.perf_counter() - started
    return path, summary, seconds


@pytest.fixture
def demo(demo_db):
    path, _, _ = demo_db
    with Store(url(path)) as store:
        yield store


def by_team(store):
    teams = {}
    for record in store.sessions.list_sessions():
        teams.setdefault(record.team, []).append(record)
    return teams


def values(store, record, key):
    return [a.value for a in store.sessions.answers(record.code, key)]


def mean(numbers):
    return sum(numbers) / len(numbers)


def snapshot(path) -> list:
    """Everything in the database except the session codes (random) and clock times (*_at), in a stable order."""
    conn = sqlite3.connect(path)
    try:
        codes = {code: f"{team}|{day}" for code, team, day in conn.execute("SELECT code, team, session_date FROM sessions")}
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations') ORDER BY name")]
        content = []
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if not r[1].endswith("_at")]
            rows = conn.execute(f'SELECT {", ".join(columns)} FROM "{table}"').fetchall()
            rows = [tuple(codes.get(v, v) if c in ("code", "session_code") else v for c, v in zip(columns, row))
                    for row in rows]
            content.append((table, columns, sorted(rows, key=repr)))
        return content
    finally:
        conn.close()


def test_fast(demo_db):
    assert demo_db[2] < 2.0


def test_three_labelled_teams_four_closed_sessions_each_over_two_school_years(demo):
    teams = by_team(demo)
    assert len(teams) >= 3 and set(teams) == set(TEAM_NAMES)
    assert all(team.endswith(DEMO_SUFFIX) for team in teams)
    for sessions in teams.values():
        days = [date.fromisoformat(s.session_date) for s in sessions]
        assert len(days) == 4 and days == sorted(days)
        assert all(date(2024, 9, 1) <= d <= date(2026, 6, 30) for d in days)
        school_years = Counter(d.year if d.month >= 8 else d.year - 1 for d in days)
        assert school_years == {2024: 2, 2025: 2}
        assert all(d.weekday() < 5 for d in days)
    assert all(s.status == "closed" and s.template_name == "teamleergesprek" for s in demo.sessions.list_sessions())


def test_one_session_has_fewer_than_five_participants(demo):
    small = [s for s in demo.sessions.list_sessions() if len({a.participant for a in demo.sessions.answers(s.code)}) < 5]
    assert [s.team for s in small] == [SMALL]
    assert all(len(values(demo, s, "vaardigheid")) < 5 for s in small)


@pytest.mark.parametrize("seed", [DEFAULT_SEED, 1, 99])
def test_trends_one_team_improves_one_stays_flat(tmp_path, seed):
    with Store(url(tmp_path / "d.sqlite")) as store:
        load_demo(store, seed)
        teams = by_team(store)
        satisfaction = {t: [mean([int(v) for v in values(store, s, "tevredenheid_school")]) for s in ss]
                        for t, ss in teams.items()}
        capable = {t: [mean([v in ("heel vaardig", "vaardig") for v in values(store, s, "vaardigheid")]) for s in ss]
                   for t, ss in teams.items()}
    assert satisfaction[IMPROVING] == sorted(satisfaction[IMPROVING])
    assert satisfaction[IMPROVING][-1] - satisfaction[IMPROVING][0] > 1.0
    assert capable[IMPROVING][-1] - capable[IMPROVING][0] > 0.3
    assert max(satisfaction[FLAT]) - min(satisfaction[FLAT]) < 0.35
    assert max(capable[FLAT]) - min(capable[FLAT]) < 0.15


def test_every_answer_is_valid_for_its_question_and_open_texts_name_nobody(demo):
    allowed_capitals = {"Veilig", "Thuis"}
    for record in demo.sessions.list_sessions():
        template = Template.from_dict(record.template)
        answers = demo.sessions.answers(record.code)
        assert answers
        for answer in answers:
            question = template.question(answer.question_key)
            assert question is not None
            assert normalise_answer(question, answer.value) == answer.value
            if question.type == "open":
                later_words = answer.value.split()[1:]
                assert not [w for w in later_words if w[0].isupper() and w.strip(".,?") not in allowed_capitals]
        # Some closed question left unanswered by someone, or open answers by few: n differs per question.
        per_question = Counter(a.question_key for a in answers)
        assert per_question["versterken"] < per_question["vaardigheid"]


def test_stickers_within_the_budget_and_only_on_visible_points(demo_db, demo):
    conn = sqlite3.connect(demo_db[0])
    spent = conn.execute("SELECT MAX(total) FROM (SELECT SUM(count) AS total FROM stickers GROUP BY session_code, participant)").fetchone()[0]
    per_point = conn.execute("SELECT MAX(count), MIN(count) FROM stickers").fetchone()
    on_hidden = conn.execute(
        "SELECT COUNT(*) FROM stickers s JOIN points p ON p.session_code = s.session_code AND p.point_id = s.point_id"
        " WHERE p.status <> 'open' AND s.count > 0").fetchone()[0]
    conn.close()
    assert spent == 3 and per_point[0] == 2 and per_point[1] >= 0 and on_hidden == 0
    statuses = Counter(p.status for s in demo.sessions.list_sessions() for p in demo.board.points(s.code))
    assert statuses["open"] > 50 and statuses["hidden"] >= 1 and statuses["merged"] >= 1


def test_points_come_back_and_reach_the_top_more_than_once(demo):
    for team, sessions in by_team(demo).items():
        tops = []
        for record in sessions:
            counts = demo.board.sticker_counts(record.code)
            visible = [p for p in demo.board.points(record.code) if p.status == "open"]
            tops.append(max(visible, key=lambda p: counts.get(p.point_id, 0)).text)
        texts = Counter(p.text for s in sessions for p in demo.board.points(s.code) if p.status == "open")
        assert max(texts.values()) >= 3, team
        if team == FLAT:
            assert max(Counter(tops).values()) >= 2


def test_actions_use_the_template_lists_and_older_ones_are_more_often_done(demo):
    done_by_index = Counter()
    total_by_index = Counter()
    for sessions in by_team(demo).values():
        for index, record in enumerate(sessions):
            points = Template.from_dict(record.template).block("werkvorm5").points
            actions = demo.board.actions(record.code)
            assert 2 <= len(actions) <= 5
            point_ids = {p.point_id for p in demo.board.points(record.code)}
            for action in actions:
                assert action.level in points.levels and action.status in points.statuses
                assert action.owner and action.planning and action.text and action.point_id in point_ids
            done_by_index[index] += sum(a.status == "klaar" for a in actions)
            total_by_index[index] += len(actions)
    share = [done_by_index[i] / total_by_index[i] for i in range(4)]
    assert share[0] > share[3] and share[1] > share[3]
    assert share[3] <= 0.2


def test_groups_answer_the_worksheet_and_build_a_route_map(demo):
    for record in demo.sessions.list_sessions():
        meldcode = Template.from_dict(record.template).block("werkvorm3").meldcode
        groups = demo.worksheets.groups(record.code)
        assert groups and all(meldcode.case(g.case_key) for g in groups)
        answers = demo.worksheets.worksheet_answers(record.code)
        assert {a.group_id for a in answers} <= {g.group_id for g in groups} and answers
        for answer in answers:
            step = meldcode.step(answer.step_key)
            assert step and 0 <= answer.question_index < len(step.questions) and answer.value
        items = demo.worksheets.route_items(record.code)
        assert {i.category for i in items} == set(ROUTE_CATEGORIES)
        assert {i.step_key for i in items} == {s.key for s in meldcode.steps}


def test_same_seed_same_content_other_seed_other_content(tmp_path):
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        with Store(url(tmp_path / f"{name}.sqlite")) as store:
            load_demo(store, seed)
    a, b, c = (snapshot(tmp_path / f"{n}.sqlite") for n in "abc")
    assert a == b
    assert a != c


def test_refuses_a_second_time_and_changes_nothing(tmp_path, capsys):
    db = url(tmp_path / "twice.sqlite")
    assert main(["--db", db, "demo", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "12 afgesloten sessies" in out and all(team in out for team in TEAM_NAMES)
    before = snapshot(tmp_path / "twice.sqlite")
    assert main(["--db", db, "demo"]) == 2
    assert "staat al in deze database" in capsys.readouterr().err
    with Store(db) as store, pytest.raises(DemoExists):
        load_demo(store)
    assert snapshot(tmp_path / "twice.sqlite") == before


def test_serve_on_an_empty_database_loads_the_history_and_opens_a_demo_session(tmp_path, capsys):
    with Store(url(tmp_path / "leeg.sqlite")) as store:
        record = _session_to_serve(store, None)
        assert "demosessie" in capsys.readouterr().out
        assert record.is_open and record.team == DEMO_TEAM and record.session_date == date.today().isoformat()
        closed = [s for s in store.sessions.list_sessions() if not s.is_open]
        assert len(closed) == 12
        # The team's last demo session opens the new one's Welkom with its actions.
        previous = store.sessions.previous_session_code(record.code)
        assert store.sessions.get_session(previous).team == DEMO_TEAM and store.board.actions(previous)
        # Serving again resumes the open session; nothing is loaded twice.
        assert _session_to_serve(store, None).code == record.code
        assert len(store.sessions.list_sessions()) == 13


def test_the_demo_asks_no_polls_with_options_the_handbook_never_gave(demo):
    """Issue 11.2: the emergency roles and the check-out are open questions; their old poll keys are not made up."""
    for record in demo.sessions.list_sessions():
        keys = {q["key"] for b in record.template["blocks"] for q in b.get("questions", ())}
        assert not keys & {"rol_noodsituatie", "checkout_gevoel"}
        assert demo.sessions.answers(record.code, "rol_noodsituatie") == demo.sessions.answers(record.code, "checkout_gevoel") == []
    assert any(demo.sessions.answers(r.code, "checkout_bij") for r in demo.sessions.list_sessions())


def test_worksheet_answers_fit_the_case_the_group_chose(demo):
    """Issue 11.8: a group that chose the case of the thin coat does not write about a mother under the influence."""
    from kit.history.demo import WORKSHEET_TEXTS

    # Step 1 (the signals and how they came in) is what tells the cases apart; later steps may share an answer
    # such as "Met de aandachtsfunctionaris".
    own = {case: {text for (step, _), texts in per_step.items() if step == "stap1" for text in texts}
           for case, per_step in WORKSHEET_TEXTS.items()}
    checked = Counter()
    for record in demo.sessions.list_sessions():
        case_of = {g.group_id: g.case_key for g in demo.worksheets.groups(record.code)}
        for answer in demo.worksheets.worksheet_answers(record.code):
            case = case_of[answer.group_id]
            assert answer.value in WORKSHEET_TEXTS[case][(answer.step_key, answer.question_index)], (case, answer)
            if answer.step_key == "stap1":
                assert not any(answer.value in texts for other, texts in own.items() if other != case)
            checked[case] += 1
    assert set(checked) == {"casus1", "casus2", "casus3", "casus4"} and min(checked.values()) > 20


def test_the_demo_speaks_the_handbooks_vocabulary(demo):
    """The handbook's roles: ondersteuningscoördinator, ondersteuningsteam, aandachtsfunctionaris (not a
    'zorgcoördinator' or 'zorgadviesteam' of our own)."""
    texts = []
    for record in demo.sessions.list_sessions():
        texts += [a.value for a in demo.sessions.answers(record.code)]
        texts += [a.value for a in demo.worksheets.worksheet_answers(record.code)]
        texts += [i.text for i in demo.worksheets.route_items(record.code)]
        texts += [p.text for p in demo.board.points(record.code)]
        texts += [f"{a.text} {a.owner}" for a in demo.board.actions(record.code)]
    words = " ".join(texts).casefold()
    assert "zorgcoördinator" not in words and "zorgadviesteam" not in words
    for role in ("ondersteuningscoördinator", "ondersteuningsteam", "aandachtsfunctionaris"):
        assert role in words, role


def test_route_map_points_that_need_attention_are_starting_post_its_with_stickers(demo):
    """As live (issue 11.4): every 'aandacht' item of the route map waits on the Werkvorm 5 board, and the room
    votes on those too."""
    voted = 0
    for record in demo.sessions.list_sessions():
        attention = {i.item_id: i.text for i in demo.worksheets.route_items(record.code) if i.category == "aandacht"}
        from_map = {p.route_item: p for p in demo.board.points(record.code) if p.from_route_map}
        assert set(from_map) == set(attention) and all(from_map[k].text == v for k, v in attention.items())
        counts = demo.board.sticker_counts(record.code)
        voted += sum(counts.get(p.point_id, 0) for p in from_map.values())
    assert voted > 0
