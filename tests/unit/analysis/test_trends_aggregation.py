"""The zorgteam's trends on hand-computed fixtures: bulk reads, counts with zeros, means and t-intervals, the
small-group rule, template changes, the before/after sentence, word trends, the sticker boards and the actions.

Every session is built through the Store API on an in-memory database; every expected number is worked out here
by hand (or by brute force over every case), not by the code under test.
"""

import itertools
import math

import pandas as pd
import pytest

from factories import TEVREDENHEID, VAARDIGHEID, VERSTERKEN, synthetic_boards
from kit import i18n
from kit.analysis import trends
from kit.analysis.aggregate import word_frequencies
from kit.model.template import Block, Points, Question, Template
from kit.store import Store
from kit.store import history
from kit.store import ActionRecord
from kit.model.sessions import new_session

TEAM = "Team Noord"
SAMENWERKING = Question(
    "tevredenheid_samenwerking", "ordered", "Hoe tevreden ben je over de samenwerking met de partners?",
    options=("zeer tevreden", "tevreden", "ontevreden"),
)
VOORNEMEN = Question("checkout_voornemen", "open", "Heb je een persoonlijk voornemen?", private=True)

# Student's t, 0.975 quantile, from a printed table (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
T_TABLE = {1: 12.7062047, 4: 2.7764451, 5: 2.5705818, 9: 2.2621572, 30: 2.0422725, 120: 1.9799304}


def make_template(vaardigheid: Question = VAARDIGHEID, name: str = "trends") -> Template:
    return Template(
        schema_version=1, name=name, language="nl", title="Trends",
        blocks=(
            Block("start", "Startoefening", 15, questions=(vaardigheid, TEVREDENHEID, VERSTERKEN, SAMENWERKING)),
            Block("werkvorm5", "Werkvorm 5", 20, prompts=("Wat is nodig?",), points=Points()),
            Block("afsluiting", "Afsluiting", 10, questions=(VOORNEMEN,)),
        ),
    )


def add_session(store: Store, session_date: str, answers: dict[str, list[str]], *, team: str = TEAM,
                template: Template | None = None, shown: bool = True) -> str:
    """A session whose participant i gave answers[key][i]; open answers let through to the room unless shown=False."""
    template = template or make_template()
    code = new_session(store, template, team, session_date).code
    for key, values in answers.items():
        for i, value in enumerate(values):
            store.sessions.save_answer(code, f"p{i}", key, value)
        if shown and template.question(key) and template.question(key).type == "open":
            store.sessions.set_shown(code, key, None, True)
    return code


def vote(store: Store, code: str, votes: dict[str, int], voters: int = 5) -> None:
    """Put votes[id] stickers on point `id`, one at a time, going round `voters` participants (3 each, at most 2 on
    one point), so that every participant votes when there are stickers enough."""
    budget = {f"v{i}": 3 for i in range(voters)}
    turn = itertools.cycle(budget)
    for point_id, wanted in votes.items():
        for _ in range(wanted):
            for _ in range(voters):
                participant = next(turn)
                if budget[participant] and store.board.sticker_counts(code, participant).get(point_id, 0) < 2:
                    store.board.change_stickers(code, participant, point_id, +1, 3, 2)
                    budget[participant] -= 1
                    break
            else:
                raise AssertionError("not enough voters for this fixture")


@pytest.fixture
def store():
    with Store("sqlite://") as s:
        yield s


@pytest.fixture(autouse=True)
def default_threshold(monkeypatch):
    monkeypatch.delenv(trends.MIN_GROUP_ENV, raising=False)


# -- the bulk reads (HistoryStore) -------------------------------------------------------------------------------------
def test_teams_and_sessions_of_a_team_in_date_order_within_the_period(store):
    late = add_session(store, "2025-03-10", {})
    early = add_session(store, "2024-10-01", {})
    add_session(store, "2025-01-15", {}, team="Team Zuid")
    middle = add_session(store, "2025-01-15", {})
    assert store.history.teams() == ["Team Noord", "Team Zuid"]
    assert [s.code for s in store.history.sessions_of_team(TEAM)] == [early, middle, late]
    assert [s.code for s in store.history.sessions_of_team(TEAM, "2025-01-15", "2025-03-09")] == [middle]
    first = store.history.sessions_of_team(TEAM)[0]
    assert (first.team, first.session_date, first.template["name"]) == (TEAM, "2024-10-01", "trends")
    assert store.history.sessions_of_team("Onbekend") == []


def test_bulk_reads_of_many_sessions_in_chunks(store, monkeypatch):
    monkeypatch.setattr(history, "IN_CHUNK", 2)  # five sessions: three queries per read
    codes = [add_session(store, f"2025-01-0{i + 1}", {"vaardigheid": ["vaardig"] * (i + 1), "versterken": ["tijd"]})
             for i in range(5)]
    counts = store.history.bulk_answer_counts(codes, ["vaardigheid"])
    assert sorted(counts) == sorted((code, "vaardigheid", "vaardig", i + 1) for i, code in enumerate(codes))
    assert len(store.history.bulk_answers(codes)) == 15 + 5
    assert store.history.bulk_answer_counts([], None) == [] and store.history.bulk_answers(codes, []) == []


def test_bulk_answers_say_what_the_room_saw(store):
    code = add_session(store, "2025-01-01", {"versterken": ["tijd", "rust"], "checkout_voornemen": ["minder haast"]},
                       shown=False)
    store.sessions.set_shown(code, "versterken", "p0", True)
    rows = sorted(store.history.bulk_answers([code]))
    assert rows == [(code, "checkout_voornemen", "minder haast", 0, 0), (code, "versterken", "rust", 0, 0),
                    (code, "versterken", "tijd", 1, 0)]
    assert store.history.bulk_answers([code], shown_only=True) == [(code, "versterken", "tijd", 1, 0)]


def test_bulk_points_with_sticker_totals_voters_and_actions(store):
    code = add_session(store, "2025-01-01", {})
    for point_id, text in (("a", "Oefenen"), ("b", "Nazorg"), ("c", "Dubbel"), ("d", "Weg")):
        store.board.add_point(code, point_id, "auteur", 0, text)
    vote(store, code, {"a": 4, "b": 2, "c": 1}, voters=3)
    store.board.merge_point(code, "c", "b")  # its sticker moves along
    store.board.set_point_status(code, "d", "hidden")
    store.board.save_action(code, ActionRecord("x1", "a", "Training", "de professional", "mentor", "mei", "bezig"))
    points = {row[1]: row for row in store.history.bulk_points([code])}
    assert {pid: (row[3], row[6]) for pid, row in points.items()} == {
        "a": ("open", 4), "b": ("open", 3), "c": ("merged", 0), "d": ("hidden", 0)}
    assert points["c"][4] == "b"
    assert store.history.bulk_sticker_voters([code]) == {code: 3}
    assert store.history.bulk_actions([code]) == [(code, "x1", "a", "Training", "de professional", "mentor", "mei", "bezig", 0)]


# -- counts per option, n and the small-group rule -----------------------------------------------------------------
def test_counts_per_option_in_template_order_with_zeros_and_n(store):
    code = add_session(store, "2025-01-01", {"vaardigheid": ["vaardig", "vaardig", "niet vaardig", "heel vaardig",
                                                             "vaardig"]})
    [skill] = trends.series(trends.load_team(store, TEAM), "vaardigheid")
    assert skill.options == ["heel vaardig", "vaardig", "redelijk vaardig", "niet vaardig"]
    assert skill.counts.loc[code].tolist() == [1, 3, 0, 1]
    assert skill.sessions.at[code, "n"] == 5
    assert skill.percentages.loc[code].tolist() == pytest.approx([20.0, 60.0, 0.0, 20.0])


def test_scale_counts_include_every_value_of_the_scale(store):
    code = add_session(store, "2025-01-01", {"tevredenheid_school": ["5", "5", "0", "3", "3", "3"]})
    [school] = trends.series(trends.load_team(store, TEAM), "tevredenheid_school")
    assert school.options == ["0", "1", "2", "3", "4", "5"]
    assert school.counts.loc[code].tolist() == [1, 0, 0, 3, 0, 2]


def test_fewer_than_five_answers_are_suppressed_and_exactly_five_are_shown(store):
    four = add_session(store, "2025-01-01", {"vaardigheid": ["vaardig"] * 4, "tevredenheid_school": list("1234")})
    five = add_session(store, "2025-02-01", {"vaardigheid": ["vaardig"] * 5, "tevredenheid_school": list("12345")})
    data = trends.load_team(store, TEAM)
    [skill] = trends.series(data, "vaardigheid")
    assert skill.sessions.loc[four, ["n", "suppressed", "note"]].tolist() == [4, True, trends.too_few()]
    assert skill.counts.loc[four].isna().all()
    assert skill.percentages.loc[four].isna().all()
    assert skill.sessions.loc[five, ["n", "suppressed", "note"]].tolist() == [5, False, ""]
    assert skill.counts.loc[five].tolist() == [0, 5, 0, 0]
    [school] = trends.series(data, "tevredenheid_school")
    assert school.stats.loc[four].isna().all()
    assert school.stats.at[five, "mean"] == 3.0


def test_threshold_from_argument_and_environment(store, monkeypatch):
    code = add_session(store, "2025-01-01", {"vaardigheid": ["vaardig"] * 4})
    data = trends.load_team(store, TEAM)
    assert trends.series(data, "vaardigheid")[0].sessions.at[code, "suppressed"]
    assert not trends.series(data, "vaardigheid", min_group=4)[0].sessions.at[code, "suppressed"]
    monkeypatch.setenv(trends.MIN_GROUP_ENV, "3")
    assert not trends.series(data, "vaardigheid")[0].sessions.at[code, "suppressed"]
    assert trends.series(data, "vaardigheid", min_group=10)[0].sessions.at[code, "suppressed"]
    monkeypatch.setenv(trends.MIN_GROUP_ENV, "drie")
    with pytest.warns(UserWarning, match="geen geheel getal"):
        assert trends.min_group_threshold() == 5
    with pytest.raises(ValueError):
        trends.min_group_threshold(0)


# -- means and 95% intervals ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("df", sorted(T_TABLE))
def test_t_quantile_matches_the_printed_table(df):
    assert trends.t_quantile(0.975, df) == pytest.approx(T_TABLE[df], abs=5e-7)
    assert trends.t_quantile(0.025, df) == pytest.approx(-T_TABLE[df], abs=5e-7)


def test_mean_and_t_interval_per_session_by_hand(store):
    one = add_session(store, "2025-01-01", {"tevredenheid_school": ["1", "2", "3", "4", "5"]})
    two = add_session(store, "2025-02-01", {"tevredenheid_school": ["0", "0", "5", "5", "5", "5"]})
    [school] = trends.series(trends.load_team(store, TEAM), "tevredenheid_school")
    # 1..5: mean 3, s² = (4+1+0+1+4)/4 = 2.5, half width t(0.975; 4)·√2.5/√5 = 2.7764451·0.7071068 = 1.9632432
    assert school.stats.at[one, "mean"] == 3.0
    assert school.stats.at[one, "sd"] == pytest.approx(math.sqrt(2.5))
    assert school.stats.at[one, "ci_low"] == pytest.approx(3 - 1.9632432, abs=1e-6)
    assert school.stats.at[one, "ci_high"] == pytest.approx(3 + 1.9632432, abs=1e-6)
    # 0,0,5,5,5,5: mean 20/6 = 3.3333, s² = (2·(10/3)² + 4·(5/3)²)/5 = 6.6667, s = 2.5819889,
    # half width 2.5705818·2.5819889/√6 = 2.7096
    assert school.stats.at[two, "mean"] == pytest.approx(10 / 3)
    assert school.stats.at[two, "sd"] == pytest.approx(2.5819889, abs=1e-6)
    assert school.stats.at[two, "ci_high"] - school.stats.at[two, "mean"] == pytest.approx(2.7096, abs=1e-4)
    assert school.stats.at[two, "t"] == pytest.approx(T_TABLE[5], abs=5e-7)


def test_mean_interval_of_plain_values():
    mean, low, high = trends.mean_interval([1, 2, 3, 4, 5])
    assert (mean, low, high) == pytest.approx((3, 1.0367568, 4.9632432), abs=1e-6)
    with pytest.raises(ValueError):
        trends.mean_interval([4])


# -- template changes ----------------------------------------------------------------------------------------------
def test_same_key_with_other_options_is_a_separate_series_never_mixed(store):
    three = Question("vaardigheid", "ordered", "Hoe vaardig voel jij je?", options=("vaardig", "een beetje", "niet"))
    old = add_session(store, "2024-10-01", {"vaardigheid": ["vaardig"] * 5})
    new = add_session(store, "2025-03-01", {"vaardigheid": ["een beetje"] * 6}, template=make_template(three, "nieuw"))
    newer = add_session(store, "2025-06-01", {"vaardigheid": ["niet"] * 5}, template=make_template(three, "nieuw"))
    data = trends.load_team(store, TEAM)
    first, second = trends.series(data, "vaardigheid")
    assert list(first.sessions.index) == [old] and first.options == list(VAARDIGHEID.options)
    assert list(second.sessions.index) == [new, newer] and second.options == ["vaardig", "een beetje", "niet"]
    assert first.signature != second.signature
    assert second.counts.loc[new].tolist() == [0, 6, 0]
    assert second.description == "vaardig / een beetje / niet"
    sentence = trends.compare(data, old, new, "vaardigheid")
    assert "niet met elkaar te vergelijken" in sentence
    assert not trends.comparison(data, old, new, "vaardigheid").comparable


def test_a_changed_scale_is_separate_but_a_changed_text_is_not(store):
    reworded = Question("vaardigheid", "ordered", "Hoe vaardig ben je nu?", options=VAARDIGHEID.options)
    add_session(store, "2024-10-01", {})
    add_session(store, "2025-01-01", {}, template=make_template(reworded, "anders gevraagd"))
    [skill] = trends.series(trends.load_team(store, TEAM), "vaardigheid")
    assert len(skill.sessions) == 2 and skill.question.text == "Hoe vaardig ben je nu?"

    ten = Question("tevredenheid_school", "scale", "Hoe tevreden?", scale_min=1, scale_max=10)
    template = Template(1, "tien", "nl", "Tien", (Block("start", "Start", 15, questions=(ten,)),))
    add_session(store, "2025-06-01", {"tevredenheid_school": ["10"] * 5}, template=template)
    old, new = trends.series(trends.load_team(store, TEAM), "tevredenheid_school")
    assert (old.signature, new.signature) == ("scale 0-5", "scale 1-10")
    assert new.stats.iloc[0]["mean"] == 10 and len(old.sessions) == 2


def test_a_changed_question_with_a_mapping_continues_as_one_series(store):
    """vaardigheid lost 'redelijk vaardig' (mapped to 'vaardig'), later the school scale went from 0–5 to 1–6 with
    every number mapped: the old answers are counted as the new options, in one series per key."""
    three = Question("vaardigheid", "ordered", "Hoe vaardig voel jij je?", options=("heel vaardig", "vaardig", "niet vaardig"),
                     mapping=(("redelijk vaardig", "vaardig"),))
    six = Question("tevredenheid_school", "scale", "Hoe tevreden?", scale_min=1, scale_max=6,
                   mapping=tuple((str(v), str(v + 1)) for v in range(6)))
    mapped = Template(1, "nieuw", "nl", "Nieuw", (Block("start", "Start", 15, questions=(three, six)),))
    old = add_session(store, "2024-10-01", {
        "vaardigheid": ["heel vaardig", "redelijk vaardig", "redelijk vaardig", "vaardig", "niet vaardig"],
        "tevredenheid_school": ["0", "2", "2", "5", "5"],
    })
    new = add_session(store, "2025-03-01", {
        "vaardigheid": ["vaardig"] * 3 + ["niet vaardig"] * 2,
        "tevredenheid_school": ["1", "6", "6", "6", "6"],
    }, template=mapped)
    data = trends.load_team(store, TEAM)
    [skill] = trends.series(data, "vaardigheid")
    assert list(skill.sessions.index) == [old, new]
    assert skill.options == ["heel vaardig", "vaardig", "niet vaardig"]
    assert skill.counts.loc[old].tolist() == [1, 3, 1] and skill.counts.loc[new].tolist() == [0, 3, 2]
    [school] = trends.series(data, "tevredenheid_school")
    assert school.signature == "scale 1-6" and list(school.sessions.index) == [old, new]
    assert school.counts.loc[old].tolist() == [1, 0, 2, 0, 0, 2]
    assert school.stats.at[old, "mean"] == pytest.approx((1 + 3 + 3 + 6 + 6) / 5)
    assert trends.comparison(data, old, new, "vaardigheid").comparable


def test_without_a_mapping_a_chain_stops_where_the_options_changed(store):
    three = Question("vaardigheid", "ordered", "Hoe vaardig?", options=("heel vaardig", "vaardig", "niet vaardig"))
    first = add_session(store, "2024-10-01", {"vaardigheid": ["redelijk vaardig"] * 5})
    middle = add_session(store, "2025-01-01", {"vaardigheid": ["vaardig"] * 5}, template=make_template(three, "drie"))
    two = Question("vaardigheid", "ordered", "Hoe vaardig?", options=("vaardig", "niet vaardig"),
                   mapping=(("heel vaardig", "vaardig"),))
    last = add_session(store, "2025-06-01", {"vaardigheid": ["niet vaardig"] * 5}, template=make_template(two, "twee"))
    old, joined = trends.series(trends.load_team(store, TEAM), "vaardigheid")
    assert list(old.sessions.index) == [first] and list(joined.sessions.index) == [middle, last]
    assert joined.counts.loc[middle].tolist() == [5, 0]


# -- before and after ----------------------------------------------------------------------------------------------
def brute_force(a: list[int], b: list[int]) -> tuple[float, float, float]:
    """Cliff's delta, its shares, and the exact two-sided permutation p, by enumerating every split."""
    def delta(x, y):
        return sum((j > i) - (j < i) for i in x for j in y) / (len(x) * len(y))
    pooled, observed = a + b, delta(a, b)
    hits = total = 0
    for chosen in itertools.combinations(range(len(pooled)), len(b)):
        picked = set(chosen)
        bb = [pooled[i] for i in chosen]
        aa = [pooled[i] for i in range(len(pooled)) if i not in picked]
        hits += abs(delta(aa, bb)) >= abs(observed) - 1e-9
        total += 1
    higher = sum(j > i for i in a for j in b) / (len(a) * len(b))
    return observed, higher, hits / total


def test_small_uncertain_change_is_said_to_be_uncertain(store):
    a, b = [2, 3, 3, 4, 2, 3], [3, 3, 4, 2, 3, 4, 3]
    code_a = add_session(store, "2025-01-01", {"tevredenheid_school": [str(v) for v in a]})
    code_b = add_session(store, "2025-05-01", {"tevredenheid_school": [str(v) for v in b]})
    result = trends.comparison(trends.load_team(store, TEAM), code_a, code_b, "tevredenheid_school")
    delta, higher, p = brute_force(a, b)
    assert result.delta == pytest.approx(delta) and result.share_higher == pytest.approx(higher)
    assert result.exact and result.p_value == pytest.approx(p)
    assert p > 0.05 and result.size == "klein"  # delta 8/42 = 0.19
    assert "Met 6 en 7 antwoorden is dit verschil onzeker" in result.sentence
    assert "1 januari 2025" in result.sentence and "1 mei 2025" in result.sentence
    assert "hoger" in result.sentence and "een klein verschil" in result.sentence
    again = trends.compare(trends.load_team(store, TEAM), code_a, code_b, "tevredenheid_school")
    assert str(result) == result.sentence == again  # seeded: the same data always give the same sentence


def test_clear_change_is_said_to_be_large_and_no_coincidence(store):
    a, b = [0, 1, 1, 1, 2, 2, 1, 0], [4, 5, 4, 3, 5, 4, 5, 4]
    code_a = add_session(store, "2025-01-01", {"tevredenheid_school": [str(v) for v in a]})
    code_b = add_session(store, "2025-05-01", {"tevredenheid_school": [str(v) for v in b]})
    result = trends.comparison(trends.load_team(store, TEAM), code_a, code_b, "tevredenheid_school")
    # Every B answer is higher than every A answer: delta 1; only 2 of the C(16, 8) = 12,870 splits are as extreme.
    assert result.delta == 1.0 and result.share_higher == 1.0 and result.share_lower == 0.0
    assert result.exact and result.p_value == pytest.approx(2 / 12870)
    assert result.size == "groot"
    assert "hoger geworden: een groot verschil" in result.sentence
    assert "in 100% van de gevallen hoger" in result.sentence
    assert "vrijwel zeker geen toeval (p < 0,001)" in result.sentence
    assert "weinig antwoorden" in result.sentence  # 8 and 8: honest that a few people can change the picture


def test_ordered_question_reads_its_first_option_as_best(store):
    # Skill: A mostly 'niet vaardig', B mostly 'heel vaardig': positive change, with enough answers to be random.
    a = ["niet vaardig"] * 12 + ["redelijk vaardig"] * 8
    b = ["heel vaardig"] * 10 + ["vaardig"] * 8 + ["niet vaardig"] * 2
    code_a = add_session(store, "2025-01-01", {"vaardigheid": a})
    code_b = add_session(store, "2025-05-01", {"vaardigheid": b})
    result = trends.comparison(trends.load_team(store, TEAM), code_a, code_b, "vaardigheid")
    # Pairs where B is better: 18·20 (heel/vaardig beat both) + 2·0; worse: 2·8 ('niet' < 'redelijk'); of 400.
    assert result.share_higher == pytest.approx(360 / 400) and result.share_lower == pytest.approx(16 / 400)
    assert not result.exact and result.p_value < 0.001  # C(40, 20) splits: seeded random permutations
    assert "positiever geworden" in result.sentence and "vrijwel zeker geen toeval" in result.sentence
    assert trends.comparison(trends.load_team(store, TEAM), code_a, code_b, "vaardigheid").p_value == result.p_value


def test_comparison_with_too_few_answers_or_unfit_questions(store):
    code_a = add_session(store, "2025-01-01", {"tevredenheid_school": ["1", "2", "3", "4"],
                                               "versterken": ["tijd"] * 5})
    code_b = add_session(store, "2025-05-01", {"tevredenheid_school": ["1", "2", "3", "4", "5"]})
    data = trends.load_team(store, TEAM)
    result = trends.comparison(data, code_a, code_b, "tevredenheid_school")
    assert result.suppressed and result.delta is None
    assert result.sentence == ("Te weinig antwoorden om te vergelijken: de sessie van 1 januari 2025 had er 4, die "
                               "van 1 mei 2025 5. Per sessie zijn er minstens 5 nodig.")
    assert "open vraag" in trends.compare(data, code_a, code_b, "versterken")
    assert "niet gesteld" in trends.compare(data, code_a, code_b, "bestaat_niet")
    with pytest.raises(KeyError):
        trends.compare(data, code_a, "ONBEKEND", "tevredenheid_school")


def test_no_change_is_not_called_a_change(store):
    values = ["1", "2", "3", "3", "4", "5"]
    code_a = add_session(store, "2025-01-01", {"tevredenheid_school": values})
    code_b = add_session(store, "2025-05-01", {"tevredenheid_school": values})
    result = trends.comparison(trends.load_team(store, TEAM), code_a, code_b, "tevredenheid_school")
    assert result.delta == 0 and result.p_value == 1.0 and result.size == "verwaarloosbaar"
    assert "vrijwel gelijk gebleven" in result.sentence and "geen aanwijzing voor een verandering" in result.sentence
    assert "−0,00" not in result.sentence


# -- recurring words -------------------------------------------------------------------------------------------------
def test_word_trends_count_what_the_room_saw_once_per_answer(store):
    one_texts = ["Meer tijd voor nazorg", "Tijd, tijd en nog eens tijd", "Nazorg in de klas", "Scholing", "Rust"]
    one = add_session(store, "2025-01-01", {"versterken": one_texts + ["Geheim: nazorg"],
                                            "checkout_voornemen": ["Meer nazorg geven", "Nazorg plannen"]})
    store.sessions.set_shown(one, "versterken", "p5", False)  # kept off the screen: never counted
    store.sessions.set_shared(one, "p1", "checkout_voornemen", True)  # shared by its author and shown: counted
    store.sessions.set_shown(one, "checkout_voornemen", "p1", True)
    two = add_session(store, "2025-02-01", {"versterken": ["Tijd voor overleg", "Nazorg!", "Overleg", "Tijd",
                                                           "Scholing over nazorg"]})
    few = add_session(store, "2025-03-01", {"versterken": ["Nazorg", "Tijd", "Tijd", "Tijd"]})
    words = trends.recurring_words(trends.load_team(store, TEAM))

    counted_one = one_texts + ["Nazorg plannen"]
    assert words.sessions.loc[one, "n"] == 6 and words.sessions.loc[few, ["n", "suppressed"]].tolist() == [4, True]
    assert words.per_session[few].isna().all()
    for code, texts in ((one, counted_one), (two, ["Tijd voor overleg", "Nazorg!", "Overleg", "Tijd",
                                                   "Scholing over nazorg"])):
        expected = dict(word_frequencies(texts, top=None))
        got = {w: int(n) for w, n in words.per_session[code].items() if n}
        assert got == expected
    # nazorg: 3 answers in one, 2 in two; tijd: 2 + 2 ('tijd, tijd en ... tijd' counts once); scholing 1 + 1
    assert words.words.loc["nazorg"].tolist() == [2, 5]
    assert words.words.loc["tijd"].tolist() == [2, 4]
    assert list(words.words.index[:3]) == ["nazorg", "tijd", "scholing"]
    assert "geheim" not in words.words.index and "geven" not in words.words.index


def test_word_trends_of_a_team_without_open_answers(store):
    add_session(store, "2025-01-01", {"vaardigheid": ["vaardig"] * 5})
    words = trends.recurring_words(trends.load_team(store, TEAM))
    assert words.words.empty and words.sessions["suppressed"].all()


# -- sticker boards, recurring points, actions ------------------------------------------------------------------
def board(store, session_date, points: dict[str, str], votes: dict[str, int], voters: int = 5) -> str:
    code = add_session(store, session_date, {})
    for point_id, text in points.items():
        store.board.add_point(code, point_id, "auteur", 0, text)
    vote(store, code, votes, voters)
    return code


def test_ranked_points_side_by_side_with_suppressed_boards(store):
    one = board(store, "2025-01-01", {"a": "Oefenen met oudergesprekken", "b": "Nazorg", "c": "Rooster", "d": "Weg"},
                {"a": 6, "b": 6, "c": 2})
    store.board.set_point_status(one, "d", "hidden")
    few = board(store, "2025-02-01", {"a": "Oefenen met oudergesprekken", "b": "Nazorg"}, {"b": 3}, voters=2)
    data = trends.load_team(store, TEAM)
    ranked = trends.ranked_points(data)
    first = ranked[ranked["code"] == one]
    assert first["text"].tolist() == ["Oefenen met oudergesprekken", "Nazorg", "Rooster"]  # a tie keeps wall order
    assert first["rank"].tolist() == [1, 2, 3] and first["stickers"].tolist() == [6, 6, 2]
    second = ranked[ranked["code"] == few]
    assert second["suppressed"].all() and second["stickers"].isna().all() and second["rank"].isna().all()
    side = trends.points_side_by_side(data, top=2)
    assert side["1 jan 2025"].tolist() == ["Oefenen met oudergesprekken (6)", "Nazorg (6)"]
    assert side["1 feb 2025"].tolist() == [trends.too_few(), ""]


def test_points_that_come_back_to_the_top_more_than_once(store):
    board(store, "2025-01-01", {"a": "Oefenen met oudergesprekken", "b": "Nazorg", "c": "Rooster", "d": "Stil"},
          {"a": 6, "b": 3, "c": 1})  # 'Stil' has no sticker: not at the top, whatever its place
    board(store, "2025-02-01", {"a": "Nazorg", "b": "Rooster", "c": "Tijd", "d": "Oefenen met oudergesprekken"},
          {"a": 5, "b": 4, "c": 3, "d": 2})  # fourth: not at the top
    third = board(store, "2025-03-01", {"a": "oefenen met OUDERgesprekken!", "b": "Rust"}, {"a": 7, "b": 1})
    recurring = trends.recurring_points(trends.load_team(store, TEAM))
    # Oefenen: 1st in January and (other spelling) in March; Nazorg: 2nd, then 1st; Rooster: 3rd, then 2nd.
    assert recurring["text"].tolist() == ["oefenen met OUDERgesprekken!", "Nazorg", "Rooster"]
    assert recurring["times"].tolist() == [2, 2, 2]
    assert recurring.iloc[0]["ranks"] == (1, 1) and recurring.iloc[0]["codes"][-1] == third
    assert recurring.iloc[1]["labels"] == ("1 jan 2025", "1 feb 2025") and recurring.iloc[1]["ranks"] == (2, 1)
    assert recurring.iloc[2]["ranks"] == (3, 2)


def test_action_follow_up_across_sessions(store):
    first = add_session(store, "2025-01-01", {})
    for action_id, text, status in (("a1", "Training gespreksvoering met ouders voor alle mentoren", "bezig"),
                                    ("a2", "Stroomschema voor acute situaties", "klaar"),
                                    ("a3", "Nagesprek na elke melding", "nog niet gestart"),
                                    ("a4", "Intervisie over signalen", "klaar")):
        store.board.save_action(first, ActionRecord(action_id, None, text, "de professional", "mentor", "mei", status))
    second = add_session(store, "2025-06-01", {})
    for action_id, text, status in (("b1", "Training gespreksvoering met ouders voor de mentoren.", "klaar"),
                                    ("b2", "Intervisie over signalen", "bezig")):
        store.board.save_action(second, ActionRecord(action_id, None, text, "het team", "zorgteam", "juni", status))
    follow = trends.action_followup(trends.load_team(store, TEAM)).set_index("action_id")
    assert follow.loc["a1", ["done", "in_next", "carried", "next_code"]].tolist() == [False, True, True, second]
    assert follow.loc["a1", "next_text"] == "Training gespreksvoering met ouders voor de mentoren."
    assert follow.loc["a2", ["done", "in_next", "carried"]].tolist() == [True, False, False]
    assert follow.loc["a3", ["done", "in_next", "carried"]].tolist() == [False, False, True]  # not done: carried
    assert follow.loc["a4", ["done", "in_next", "carried"]].tolist() == [True, True, True]  # done, yet back again
    assert follow.loc["b1", ["done", "in_next", "carried"]].tolist() == [True, False, False]
    assert pd.isna(follow.loc["b2", "next_code"]) and not follow.loc["b2", "carried"]
    assert follow["label"].tolist() == ["1 jan 2025"] * 4 + ["1 jun 2025"] * 2


def test_similar_text_matches_small_rewordings_only():
    assert trends.similar_text("Eén A4 met de meldcode", "een a4 met de meldcode!")
    assert trends.similar_text("Training voor alle mentoren", "Training voor de mentoren")
    assert not trends.similar_text("Training voor alle mentoren", "Stroomschema acute situaties")
    assert not trends.similar_text("", "")


# -- the whole view -------------------------------------------------------------------------------------------------
def test_trend_view_of_a_period_and_of_an_empty_team(store):
    add_session(store, "2024-10-01", {"vaardigheid": ["vaardig"] * 5})
    kept = add_session(store, "2025-03-01", {"vaardigheid": ["heel vaardig"] * 6, "tevredenheid_samenwerking":
                                             ["tevreden"] * 5})
    view = trends.trend_view(store, TEAM, date_from="2025-01-01")
    assert view.data.codes == [kept] and view.team == TEAM and view.min_group == 5
    assert view.skill[0].counts.loc[kept].tolist() == [6, 0, 0, 0]
    assert view.partners[0].counts.loc[kept].tolist() == [0, 5, 0]
    assert view.school[0].sessions.at[kept, "suppressed"]  # asked, nobody answered
    assert trends.closed_keys(view.data) == ["vaardigheid", "tevredenheid_school", "tevredenheid_samenwerking"]

    empty = trends.trend_view(store, "Niemand")
    assert empty.data.codes == [] and empty.skill == [] and empty.actions.empty and empty.points.empty
    assert empty.words.words.empty and empty.recurring_points.empty


def test_dates_read_as_a_dutch_reader_expects():
    assert trends.short_date("2025-10-03") == "3 okt 2025"
    assert trends.long_date("2026-03-15") == "15 maart 2026"
    assert trends.short_date("onbekend") == "onbekend"
    assert i18n.number(-0.004, 2) == "0,00" and i18n.number(-1.5) == "−1,5"


@pytest.fixture
def any_store(backend, request):
    """SQLite in memory, and PostgreSQL when `make test` provides one: the bulk reads are portable SQL."""
    url = request.getfixturevalue("pg_url") if backend == "postgresql" else "sqlite://"
    with Store(url) as s:
        yield s


def test_bulk_reads_and_the_view_on_every_backend(any_store):
    code = board(any_store, "2025-01-01", {"a": "Nazorg", "b": "Tijd"}, {"a": 4, "b": 2})
    for i, value in enumerate(["1", "2", "3", "4", "5"]):
        any_store.sessions.save_answer(code, f"p{i}", "tevredenheid_school", value)
        any_store.sessions.save_answer(code, f"p{i}", "versterken", f"tijd voor nazorg {i}")
    any_store.sessions.set_shown(code, "versterken", None, True)
    any_store.board.save_action(code, ActionRecord("x", "a", "Nazorg plannen", "de professional", "mentor", "mei", "klaar"))
    assert any_store.history.teams() == [TEAM]
    assert [s.code for s in any_store.history.sessions_of_team(TEAM, "2025-01-01", "2025-01-01")] == [code]
    assert sorted(any_store.history.bulk_answer_counts([code], ["tevredenheid_school"])) == [
        (code, "tevredenheid_school", str(v), 1) for v in range(1, 6)]
    assert len(any_store.history.bulk_answers([code], ["versterken"], shown_only=True)) == 5
    assert {row[1]: row[6] for row in any_store.history.bulk_points([code])} == {"a": 4, "b": 2}
    assert any_store.history.bulk_sticker_voters([code]) == {code: 5}
    view = trends.trend_view(any_store, TEAM)
    assert view.school[0].stats.at[code, "mean"] == 3.0
    assert view.words.words.loc["nazorg"].tolist() == [1, 5]
    assert view.points["text"].tolist() == ["Nazorg", "Tijd"] and len(view.actions) == 1


# -- an English session of the standard template in the same series as the Dutch ones ------------------------------
@pytest.mark.parametrize("shown_in, skill_options", [
    ("nl", ["heel vaardig", "vaardig", "redelijk vaardig", "niet vaardig"]),
    ("en", ["very skilled", "skilled", "fairly skilled", "not skilled"]),
])
def test_english_and_dutch_sessions_of_the_standard_template_form_one_series(store, monkeypatch, shown_in,
                                                                              skill_options):
    from kit.authoring import load_template

    dutch, english = load_template("teamleergesprek"), load_template("teamleergesprek.en")
    first = add_session(store, "2025-10-01", {"vaardigheid": ["heel vaardig"] * 3 + ["niet vaardig"] * 3},
                        template=dutch)
    second = add_session(store, "2026-03-01", {"vaardigheid": ["very skilled"] * 5 + ["not skilled"]},
                         template=english)
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", shown_in)
    [skill] = trends.series(trends.load_team(store, TEAM), "vaardigheid", min_group=5)
    assert skill.options == skill_options
    assert skill.counts.loc[first].tolist() == [3, 0, 0, 3]
    assert skill.counts.loc[second].tolist() == [5, 0, 0, 1]
    sentence = trends.compare(trends.load_team(store, TEAM), first, second, "vaardigheid", min_group=5)
    assert ("positiever" if shown_in == "nl" else "more positive") in sentence


# -- issue 16: the corrections -------------------------------------------------------------------------------------
def test_cliffs_delta_is_banded_from_exact_counts_not_from_a_float(store):
    # 48 of the 100 pairs higher, 15 lower: delta exactly 33/100, which floats compute as 0.32999999999999996.
    # The bands say 0.33 is middelgroot (|delta| < 0.33 is klein).
    a = ["0"] * 3 + ["1"] * 3 + ["2"] * 4
    b = ["0"] * 1 + ["1"] * 2 + ["2"] * 7
    code_a = add_session(store, "2025-01-01", {"tevredenheid_school": a})
    code_b = add_session(store, "2025-05-01", {"tevredenheid_school": b})
    result = trends.comparison(trends.load_team(store, TEAM), code_a, code_b, "tevredenheid_school")
    assert result.delta == pytest.approx(0.33)
    assert result.size == "middelgroot"
    assert "een middelgroot verschil" in result.sentence
    backwards = trends.comparison(trends.load_team(store, TEAM), code_b, code_a, "tevredenheid_school")
    assert backwards.size == "middelgroot" and "lager" in backwards.sentence


def test_delta_bands_at_their_exact_limits():
    # |delta| below 0.147 verwaarloosbaar, below 0.33 klein, below 0.474 middelgroot, else groot.
    assert trends.delta_size(0, 0, 25) == "verwaarloosbaar"
    assert trends.delta_size(146, 0, 1000) == "verwaarloosbaar" and trends.delta_size(147, 0, 1000) == "klein"
    assert trends.delta_size(10, 43, 100) == "middelgroot" and trends.delta_size(329, 0, 1000) == "klein"
    assert trends.delta_size(474, 0, 1000) == "groot" and trends.delta_size(0, 473, 1000) == "middelgroot"
    assert trends.pair_counts([3, 3, 4], [1, 2, 7]) == (48, 15, 100)


def recurring_points_before_the_fix(data, top=trends.TOP_POINTS, min_group=None) -> pd.DataFrame:
    """recurring_points as it was (a list membership test per row): the reference for the linear one."""
    ranked = trends.ranked_points(data, top, min_group)
    ranked = ranked[~ranked["suppressed"].astype(bool)]
    ranked = ranked[ranked["stickers"].fillna(0).astype("int64") > 0]
    found: dict[str, dict] = {}
    for row in ranked.itertuples(index=False):
        entry = found.setdefault(trends.normalise_text(row.text),
                                 {"codes": [], "labels": [], "ranks": [], "text": row.text})
        if row.code in entry["codes"]:
            continue
        entry["codes"].append(row.code)
        entry["labels"].append(row.label)
        entry["ranks"].append(int(row.rank))
        entry["text"] = row.text
    rows = [(e["text"], len(e["codes"]), tuple(e["codes"]), tuple(e["labels"]), tuple(e["ranks"]))
            for e in found.values() if len(e["codes"]) > 1]
    rows.sort(key=lambda r: -r[1])
    return pd.DataFrame(rows, columns=["text", "times", "codes", "labels", "ranks"])


@pytest.mark.parametrize("sessions", [1, 2, 7, 60])
@pytest.mark.parametrize("top", [1, 3, 5])
def test_recurring_points_as_before_on_generated_boards(sessions, top):
    data = synthetic_boards(sessions, seed=sessions * 10 + top)
    expected = recurring_points_before_the_fix(data, top)
    pd.testing.assert_frame_equal(trends.recurring_points(data, top), expected)


def test_recurring_points_grow_linearly_with_the_sessions():
    # Issue 16: 0.03 s at 1,000 sessions, 2.4 s at 16,000 with a list membership test per point. The text that
    # comes back in every session is where the square showed; compare 2,000 with 16,000 sessions.
    import time

    def seconds(n):
        data = synthetic_boards(n)
        start = time.process_time()
        trends.recurring_points(data, top=5)
        return time.process_time() - start

    small, large = min(seconds(2_000) for _ in range(2)), seconds(16_000)
    assert large < 16 * max(small, 0.01) + 0.2, (small, large)  # 8 times the sessions: linear is about 8 times


def five_open_questions_template() -> Template:
    opens = tuple(Question(f"open{i}", "open", f"Open vraag {i}?") for i in range(1, 6))
    return Template(schema_version=1, name="trends", language="nl", title="Trends",
                    blocks=(Block("start", "Startoefening", 15, questions=(VAARDIGHEID, VERSTERKEN, *opens)),))


def test_word_trends_count_people_not_answers(store):
    """Issue 16's scenario: four participants answer the polls, one of them alone answers five open questions that
    the facilitator shows. Nothing of that session's words appears in any trend, chart, table or PDF."""
    from pypdf import PdfReader
    import io

    from kit.charts import trend_charts
    from kit.documents.team_report import team_report_pdf

    template = five_open_questions_template()
    alone = add_session(store, "2025-01-01", {"vaardigheid": ["vaardig"] * 4,
                                              **{f"open{i}": [f"Burnout en werkdruk {i}"] for i in range(1, 6)}},
                        template=template)
    many = add_session(store, "2025-02-01", {"vaardigheid": ["vaardig"] * 5,
                                             "versterken": ["Meer nazorg", "Nazorg", "Tijd", "Overleg", "Rust"]},
                       template=template)
    data = trends.load_team(store, TEAM)
    assert sorted(set(data.texts["participant"])) == [f"p{i}" for i in range(5)]
    words = trends.recurring_words(data)
    assert words.sessions.loc[alone, ["n", "participants", "suppressed"]].tolist() == [5, 1, True]
    assert words.sessions.loc[many, ["n", "participants", "suppressed"]].tolist() == [5, 5, False]
    assert "burnout" not in words.words.index and "werkdruk" not in words.words.index
    assert "nazorg" in words.words.index and words.per_session[alone].isna().all()

    view = trends.trend_view(store, TEAM)
    figure = trend_charts.recurring_words_chart(view.words)
    shown = " ".join(t.get_text() for ax in figure.axes for t in [*ax.texts, *ax.get_yticklabels()]).lower()
    assert "burnout" not in shown and "werkdruk" not in shown and "nazorg" in shown
    pdf = PdfReader(io.BytesIO(team_report_pdf(store, TEAM)))
    text = "\n".join(page.extract_text() for page in pdf.pages).lower()
    assert "burnout" not in text and "werkdruk" not in text


def test_an_interval_that_cannot_be_computed_is_said_plainly(store):
    one = add_session(store, "2025-01-01", {"tevredenheid_school": ["4"]})
    same = add_session(store, "2025-02-01", {"tevredenheid_school": ["3"] * 5})
    spread = add_session(store, "2025-03-01", {"tevredenheid_school": ["3", "4", "4", "5", "4"]})
    [school] = trends.series(trends.load_team(store, TEAM), "tevredenheid_school", min_group=1)
    assert school.outcome(one) == "gemiddeld 4,0 (één antwoord: daaruit is geen interval te berekenen)"
    assert "nan" not in school.outcome(one)
    assert school.outcome(same) == ("gemiddeld 3,0 (alle 5 antwoorden waren gelijk: daaruit is geen interval te "
                                    "berekenen, en zeker is het daarmee niet)")
    assert school.outcome(spread).startswith("gemiddeld 4,0 (95%-interval 3,")
    assert pd.isna(school.stats.loc[one, "ci_low"]) and school.stats.loc[same, "sd"] == 0


# -- issue 15.11: the headline when the newest session is small -------------------------------------------------------
def test_headline_compares_the_latest_two_sessions_with_enough_answers_and_says_which(store):
    import io

    from pypdf import PdfReader

    from kit.analysis.trends.summary import headline, headline_pair, latest_two
    from kit.documents.team_report import team_report_pdf

    add_session(store, "2024-12-01", {"vaardigheid": ["vaardig"] * 2})
    add_session(store, "2025-01-01", {"vaardigheid": ["niet vaardig"] * 3 + ["redelijk vaardig"] * 3})
    earlier = add_session(store, "2025-02-01", {"vaardigheid": ["niet vaardig"] * 5})
    small_between = add_session(store, "2025-02-15", {"vaardigheid": ["vaardig"] * 1})
    later = add_session(store, "2025-03-01", {"vaardigheid": ["vaardig"] * 4 + ["heel vaardig"] * 2})
    small_newest = add_session(store, "2025-04-01", {"vaardigheid": ["heel vaardig"] * 3})
    view = trends.trend_view(store, TEAM)
    assert view.min_group == 5
    assert headline_pair(view.data, "vaardigheid", view.min_group) == (earlier, later, [small_between, small_newest])
    sentence = latest_two(view, "vaardigheid")
    assert "Te weinig" not in sentence and sentence.startswith("Van 1 februari 2025 naar 1 maart 2025")
    line = headline(view, "vaardigheid")
    assert line.startswith("De laatste twee sessies met minstens 5 antwoorden op deze vraag: "
                           "Van 1 februari 2025 naar 1 maart 2025")
    assert line.endswith("Niet meegeteld omdat ze te weinig antwoorden hadden: 15 feb 2025, 1 apr 2025.")
    # Where the newest two sessions are large enough, they are the pair, said plainly.
    assert headline_pair(view.data, "vaardigheid", 1) == (later, small_newest, [])
    assert headline(trends.trend_view(store, TEAM, min_group=1), "vaardigheid").startswith(
        "De laatste twee sessies: Van 1 maart 2025 naar 1 april 2025")
    # The rapport says the same.
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(team_report_pdf(store, TEAM))).pages).split())
    assert "De laatste twee sessies met minstens 5 antwoorden op deze vraag: Van 1 februari 2025 naar 1 maart 2025" in text


def test_headline_with_fewer_than_two_large_sessions_says_too_few_as_before(store):
    from kit.analysis.trends.summary import headline, headline_pair

    big = add_session(store, "2025-01-01", {"vaardigheid": ["vaardig"] * 5})
    small = add_session(store, "2025-02-01", {"vaardigheid": ["vaardig"] * 2})
    view = trends.trend_view(store, TEAM)
    assert headline_pair(view.data, "vaardigheid") == (big, small, [])
    assert "Te weinig antwoorden om te vergelijken" in headline(view, "vaardigheid")
    assert headline_pair(trends.load_team(store, TEAM, "2025-02-01"), "vaardigheid") is None
