import pytest

from factories import TEVREDENHEID, VAARDIGHEID, VERSTERKEN
from kit.analysis import aggregate
from kit.i18n import LANG_ENV


@pytest.fixture(autouse=True)
def dutch(monkeypatch):
    monkeypatch.setenv(LANG_ENV, "nl")


def test_privacy_threshold_is_three():
    assert aggregate.MIN_ANSWERS_FOR_DISTRIBUTION == 3


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], [0, 0, 0, 0]),
        (["vaardig", "heel vaardig", "vaardig"], [1, 2, 0, 0]),
        (["niet vaardig"] * 4, [0, 0, 0, 4]),
        # Unknown, differently spelled and non-text values are left out, never an error.
        (["vaardig", "VAARDIG", "vaardig ", "", None, 3, ["vaardig"], {"a": 1}, "zeer vaardig"], [0, 1, 0, 0]),
    ],
)
def test_option_counts_in_template_order_with_zeros(values, expected):
    counts = aggregate.option_counts(VAARDIGHEID, values)
    assert list(counts.index) == ["heel vaardig", "vaardig", "redelijk vaardig", "niet vaardig"]
    assert list(counts) == expected
    assert counts.dtype.kind == "i"


def test_option_counts_of_a_scale_cover_every_value():
    counts = aggregate.option_counts(TEVREDENHEID, ["5", "0", "5", "6", "-1", "2.5"])
    assert list(counts.index) == ["0", "1", "2", "3", "4", "5"]
    assert list(counts) == [1, 0, 0, 0, 0, 2]


def test_option_counts_accept_an_int_scale_answer():
    assert aggregate.option_counts(TEVREDENHEID, [4, "4", True])["4"] == 2


def test_option_counts_of_an_open_question_are_empty():
    assert aggregate.option_counts(VERSTERKEN, ["iets"]).empty


@pytest.mark.parametrize(
    ("values", "n", "mean"),
    [
        (["0", "5", "5", "2"], 4, 3.0),
        (["3"], 1, 3.0),
        (["1", "2"], 2, 1.5),
        (["4", "4", "5"], 3, 13 / 3),
        (["0", "0", "0"], 3, 0.0),
        (["5", "onzin", "9"], 1, 5.0),
    ],
)
def test_scale_summary(values, n, mean):
    summary = aggregate.scale_summary(TEVREDENHEID, values)
    assert summary.n == n
    assert summary.mean == pytest.approx(mean)
    assert isinstance(summary.mean, float)
    assert list(summary.counts.index) == ["0", "1", "2", "3", "4", "5"]
    assert int(summary.counts.sum()) == n


@pytest.mark.parametrize("values", [[], ["onbekend"], [None]])
def test_scale_summary_without_answers_has_no_mean(values):
    summary = aggregate.scale_summary(TEVREDENHEID, values)
    assert summary.n == 0
    assert summary.mean is None
    assert list(summary.counts) == [0, 0, 0, 0, 0, 0]


def test_scale_summary_refuses_a_question_without_a_scale():
    with pytest.raises(ValueError):
        aggregate.scale_summary(VAARDIGHEID, ["vaardig"])


def test_word_frequencies_leave_out_stop_words_and_short_words():
    texts = [
        "Meer tijd voor overleg met de intern begeleider",
        "Tijd en scholing, dat is wat we nodig hebben",
        "Scholing over de meldcode. En tijd!",
    ]
    assert aggregate.word_frequencies(texts) == [
        ("tijd", 3),
        ("scholing", 2),
        ("begeleider", 1),
        ("intern", 1),
        ("meldcode", 1),
        ("nodig", 1),
        ("overleg", 1),
    ]


def test_word_frequencies_count_a_word_once_per_answer():
    texts = ["scholing scholing scholing scholing scholing scholing", "overleg", "overleg en scholing", "overleg"]
    assert aggregate.word_frequencies(texts) == [("overleg", 3), ("scholing", 2)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Zorg-route", ["zorg-route"]),
        ("zorg\u2010route", ["zorg-route"]),
        ("- losse streepjes -", ["losse", "streepjes"]),
        ("Één aanspreekpunt", ["aanspreekpunt", "één"]),
        ("e\u0301e\u0301n", ["één"]),
        ("zo'n gesprek, zo\u2019n gesprek", ["gesprek"]),
        ("bel 112 of Veilig_Thuis", ["112", "bel", "thuis", "veilig"]),
        ("a b cd ab", []),
        ("", []),
        ("!!! ??? …", []),
    ],
)
def test_word_frequencies_split_words_sensibly(text, words):
    assert sorted(w for w, _ in aggregate.word_frequencies([text], top=None)) == sorted(words)


def test_word_frequencies_sort_by_count_then_alphabet():
    texts = ["zorg beleid", "zorg beleid", "appel", "zorg"]
    assert aggregate.word_frequencies(texts) == [("zorg", 3), ("beleid", 2), ("appel", 1)]


def test_word_frequencies_put_accented_words_among_their_letter():
    freqs = aggregate.word_frequencies(["zorg", "één", "eerst", "actie"])
    assert [w for w, _ in freqs] == ["actie", "één", "eerst", "zorg"]


@pytest.mark.parametrize(("top", "expected"), [(2, 2), (15, 15), (0, 0), (None, 20)])
def test_word_frequencies_top(top, expected):
    # 19 different words plus "gedeeld", which ten answers share.
    texts = [f"woord{i} gedeeld" if i < 10 else f"woord{i}" for i in range(19)]
    freqs = aggregate.word_frequencies(texts, top=top)
    assert len(freqs) == expected
    if freqs:
        assert freqs[0] == ("gedeeld", 10)


def test_word_frequencies_default_to_fifteen_words():
    texts = [f"woord{i}" for i in range(30)]
    assert len(aggregate.word_frequencies(texts)) == 15


def test_word_frequencies_skip_what_is_not_text():
    assert aggregate.word_frequencies([None, 42, "overleg"]) == [("overleg", 1)]


def test_stop_word_list_is_substantial():
    assert len(aggregate.DUTCH_STOP_WORDS) >= 150
    for word in ("het", "een", "van", "niet", "maar", "ook", "hebben", "wordt", "worden", "door", "moet"):
        assert word in aggregate.DUTCH_STOP_WORDS


@pytest.mark.parametrize(
    ("n", "label"), [(0, "0 antwoorden"), (1, "1 antwoord"), (2, "2 antwoorden"), (25, "25 antwoorden")]
)
def test_answer_count_label(n, label):
    assert aggregate.answer_count_label(n) == label


@pytest.mark.parametrize(
    ("mean", "label"),
    [(3.0, "gemiddeld 3,0"), (3.44, "gemiddeld 3,4"), (13 / 3, "gemiddeld 4,3"), (0, "gemiddeld 0,0")],
)
def test_mean_label_uses_a_decimal_comma(mean, label):
    assert aggregate.mean_label(mean) == label


def test_mean_label_in_english_uses_a_point(monkeypatch):
    monkeypatch.setenv(LANG_ENV, "en")
    assert aggregate.mean_label(3.44) == "mean 3.4"
    assert aggregate.answer_count_label(1) == "1 answer"


def test_english_function_words_are_not_counted_either():
    answers = ["More time for the mentors", "The mentors need more time with the parents", "time"]
    assert aggregate.word_frequencies(answers, top=3) == [("time", 3), ("mentors", 2), ("parents", 1)]
