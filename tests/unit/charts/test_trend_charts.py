"""The trend charts: what each one draws where, the small-group rule on paper, readability in black and white, and
the object API only (no pyplot).

The sessions are built through the Store API on an in-memory database; the expected geometry follows from the
counts by hand.
"""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pandas.testing as pd_testing
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from chart_contrast import contrast_failures
from factories import TEVREDENHEID, VAARDIGHEID, VERSTERKEN
from kit.charts import trend_charts
from kit.analysis import trends
from kit.model.template import Block, Question, Template
from kit.store import Store

TEAM = "Team Noord"
SAMENWERKING = Question(
    "tevredenheid_samenwerking", "ordered", "Hoe tevreden ben je over de samenwerking met de partners?",
    options=("zeer tevreden", "tevreden", "ontevreden"),
)
TEMPLATE = Template(1, "trends", "nl", "Trends",
                    (Block("start", "Startoefening", 15, questions=(VAARDIGHEID, TEVREDENHEID, VERSTERKEN,
                                                                     SAMENWERKING)),))
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def store(monkeypatch):
    monkeypatch.delenv(trends.MIN_GROUP_ENV, raising=False)
    with Store("sqlite://") as s:
        yield s


def add_session(store, session_date, answers: dict[str, list[str]]) -> str:
    code = store.sessions.create_session(TEMPLATE.to_dict(), TEAM, session_date, "start").code
    for key, values in answers.items():
        for i, value in enumerate(values):
            store.sessions.save_answer(code, f"p{i}", key, value)
        if key == "versterken":
            store.sessions.set_shown(code, key, None, True)
    return code


@pytest.fixture
def view(store):
    # 1 jan: skill 1/3/0/1 of 5; school 1..5; partners 2/2/1. 1 feb: 4 answers each (too few). 1 mrt: skill 0/0/2/4.
    add_session(store, "2025-01-01", {
        "vaardigheid": ["vaardig", "vaardig", "niet vaardig", "heel vaardig", "vaardig"],
        "tevredenheid_school": ["1", "2", "3", "4", "5"],
        "tevredenheid_samenwerking": ["zeer tevreden", "zeer tevreden", "tevreden", "tevreden", "ontevreden"],
        "versterken": ["Tijd voor nazorg", "Nazorg", "Scholing", "Tijd", "Rust"],
    })
    add_session(store, "2025-02-01", {"vaardigheid": ["vaardig"] * 4, "tevredenheid_school": ["3"] * 4,
                                      "tevredenheid_samenwerking": ["tevreden"] * 4})
    add_session(store, "2025-03-01", {"vaardigheid": ["redelijk vaardig"] * 2 + ["niet vaardig"] * 4,
                                      "tevredenheid_school": ["0", "0", "1", "1", "2", "2"],
                                      "tevredenheid_samenwerking": ["ontevreden"] * 6,
                                      "versterken": ["Nazorg", "Nazorg graag", "Tijd", "Overleg", "Scholing"]})
    return trends.trend_view(store, TEAM)


def bars(fig: Figure):
    """(left, width, row) of every bar, rounded, in drawing order."""
    ax = fig.axes[0]
    return [(round(p.get_x(), 6), round(p.get_width(), 6), round(p.get_y() + p.get_height() / 2))
            for p in ax.patches]


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def test_diverging_bars_put_the_unfavourable_options_left_of_zero(view):
    fig = trend_charts.diverging_bars(view.skill[0])
    assert isinstance(fig, Figure)
    drawn = bars(fig)
    # Row 0 (1 jan): vaardig 60% then heel vaardig 20% right of zero, niet vaardig 20% left (redelijk: 0%, no bar).
    assert [b for b in drawn if b[2] == 0] == [(0, 60, 0), (60, 20, 0), (-20, 20, 0)]
    # Row 2 (1 mrt): redelijk vaardig 2/6 next to zero, niet vaardig 4/6 beyond it; nothing right of zero.
    row2 = [b for b in drawn if b[2] == 2]
    assert row2 == [(round(-100 / 3, 6), round(100 / 3, 6), 2), (-100, round(200 / 3, 6), 2)]
    assert not [b for b in drawn if b[2] == 1]  # 4 answers: no bar at all
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["1 jan 2025\nn = 5", "1 feb 2025\nn = 4",
                                                            "1 mrt 2025\nn = 6"]
    assert ax.yaxis_inverted()  # oldest on top
    assert trends.too_few() in texts(fig)
    assert {"20%", "60%", "33%", "67%"} <= set(texts(fig))
    # Black and white: the unfavourable side is hatched, the favourable side is not.
    hatched = {round(p.get_x() + p.get_width(), 6) <= 0 for p in ax.patches if p.get_hatch()}
    assert hatched == {True}
    assert ax.get_xlim() == (-100, 100)


def test_diverging_bars_split_a_middle_option_across_zero(store):
    drie = Question("rol_noodsituatie", "ordered", "Is de rol helder?", options=("ja", "deels", "nee"))
    template = Template(1, "drie", "nl", "Drie", (Block("start", "Start", 15, questions=(drie,)),))
    code = store.sessions.create_session(template.to_dict(), TEAM, "2025-01-01", "start").code
    for i, value in enumerate(["ja", "ja", "deels", "deels", "nee"]):
        store.sessions.save_answer(code, f"p{i}", "rol_noodsituatie", value)
    [series] = trends.series(trends.load_team(store, TEAM), "rol_noodsituatie")
    drawn = bars(trend_charts.diverging_bars(series))
    # deels 40% centred on zero, ja 40% to the right of it, nee 20% to the left.
    assert drawn == [(-20, 40, 0), (20, 40, 0), (-40, 20, 0)]


def test_stacked_bars_fill_each_session_to_100_percent_in_template_order(view):
    fig = trend_charts.stacked_bars(view.partners[0])
    drawn = bars(fig)
    assert [b for b in drawn if b[2] == 0] == [(0, 40, 0), (40, 40, 0), (80, 20, 0)]
    assert [b for b in drawn if b[2] == 2] == [(0, 100, 2)]
    assert trends.too_few() in texts(fig)
    hatches = [h.get_hatch() for h in fig.axes[0].get_legend().legend_handles]
    assert len(set(hatches)) == 3  # each option its own hatching, not only its own shade
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["zeer tevreden", "tevreden", "ontevreden"]


def test_scale_distribution_names_its_ends(view):
    fig = trend_charts.stacked_bars(view.school[0])
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert sorted(legend) == sorted(["0 (zeer ontevreden)", "1", "2", "3", "4", "5 (zeer tevreden)"])
    assert [b for b in bars(fig) if b[2] == 0] == [(20 * i, 20, 0) for i in range(5)]


def test_mean_over_time_shows_each_mean_its_interval_and_the_gaps(view):
    fig = trend_charts.mean_over_time(view.school[0])
    ax = fig.axes[0]
    stats = view.school[0].stats
    # The error bars span exactly the t-interval of each session with enough answers (sessions 0 and 2).
    caps = sorted({round(y, 6) for line in ax.lines for y in line.get_ydata()})
    for code in (view.data.codes[0], view.data.codes[2]):
        assert round(stats.at[code, "ci_low"], 6) in caps and round(stats.at[code, "ci_high"], 6) in caps
    written = texts(fig)
    assert "3,0" in written and "1,0" in written  # 1..5 -> 3; 0,0,1,1,2,2 -> 1
    assert "te weinig\nantwoorden" in written
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1 jan\n2025\nn = 5", "1 feb\n2025\nn = 4",
                                                            "1 mrt\n2025\nn = 6"]
    assert ax.get_ylim() == (-0.2, 5.2)
    assert any("0 = zeer ontevreden, 5 = zeer tevreden" in t for t in written)
    with pytest.raises(ValueError):
        trend_charts.mean_over_time(view.skill[0])


def test_recurring_words_chart_and_its_empty_state(view, store):
    fig = trend_charts.recurring_words_chart(view.words)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:2] == ["nazorg", "tijd"]  # both in the two sessions counted: nazorg 2 + 2 answers, tijd 2 + 1
    assert [p.get_width() for p in ax.patches][:2] == [4, 3]
    assert "  4 keer, in 2 van 2 sessies" in texts(fig)
    empty = trend_charts.recurring_words_chart(trends.recurring_words(trends.load_team(store, "Niemand")))
    assert any("Nog te weinig open antwoorden" in t for t in texts(empty))


def test_only_the_newest_sessions_fit_on_a_projector(store):
    for month in range(1, 13):
        for day in (1, 15):
            add_session(store, f"2024-{month:02d}-{day:02d}", {"vaardigheid": ["vaardig"] * 5})
    [series] = trends.series(trends.load_team(store, TEAM), "vaardigheid")
    fig = trend_charts.diverging_bars(series)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == trend_charts.LAST_SESSIONS and labels[-1].startswith("15 dec 2024")
    assert "de laatste 12 van 24 sessies" in fig.axes[0].get_xlabel()
    assert len(trend_charts.diverging_bars(series, last=None).axes[0].get_yticklabels()) == 24


def test_every_chart_is_large_print_and_renders_to_png(view):
    figures = [trend_charts.diverging_bars(view.skill[0]), trend_charts.mean_over_time(view.school[0]),
               trend_charts.stacked_bars(view.school[0]), trend_charts.stacked_bars(view.partners[0]),
               trend_charts.recurring_words_chart(view.words), trend_charts.message_figure("Niets")]
    for fig in figures:
        sizes = [t.get_fontsize() for t in fig.findobj(lambda a: hasattr(a, "get_fontsize")) if t.get_text()]
        assert min(sizes) >= 14
        assert fig.get_facecolor()[:3] == (1.0, 1.0, 1.0)
        png = trend_charts.figure_png(fig)
        assert png.startswith(PNG_SIGNATURE)


def test_importing_trend_charts_leaves_pyplot_alone():
    code = (
        "import sys; import kit.charts.trend_charts, kit.analysis.trends; "
        "print('matplotlib.pyplot' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_every_trend_chart_meets_aa_contrast_inside_the_image(view):
    figures = {"diverging": trend_charts.diverging_bars(view.skill[0]),
               "mean": trend_charts.mean_over_time(view.school[0]),
               "scale": trend_charts.stacked_bars(view.school[0]), "stacked": trend_charts.stacked_bars(view.partners[0]),
               "words": trend_charts.recurring_words_chart(view.words), "message": trend_charts.message_figure("Niets")}
    assert {name: contrast_failures(fig) for name, fig in figures.items() if contrast_failures(fig)} == {}
    # Neighbouring segments of a bar are kept apart by a white edge, and each carries its number (not colour alone).
    diverging = figures["diverging"].axes[0]
    assert {to_hex(p.get_edgecolor()) for p in diverging.patches} == {"#ffffff"}
    assert {p.get_linewidth() for p in diverging.patches} == {1.5}


def test_an_interval_past_the_scales_end_is_cut_there_and_said(store):
    """Issue 16: 4,8 ± 0,6 on a scale to 5 ran off the chart without a word. Now the line stops at the scale's end,
    a triangle there points on, and the subtitle says what it means; an interval within the scale keeps its caps."""
    high = add_session(store, "2025-01-01", {"tevredenheid_school": ["5", "5", "5", "5", "4"]})
    middle = add_session(store, "2025-02-01", {"tevredenheid_school": ["1", "2", "3", "4", "5"]})
    low = add_session(store, "2025-03-01", {"tevredenheid_school": ["0", "0", "0", "0", "1"]})
    [school] = trends.series(trends.load_team(store, TEAM), "tevredenheid_school")
    assert school.stats.at[high, "ci_high"] > 5 and school.stats.at[low, "ci_low"] < 0  # the t-interval itself
    fig = trend_charts.mean_over_time(school)
    ax = fig.axes[0]
    drawn = [y for line in ax.lines for y in line.get_ydata()]
    assert min(drawn) == 0 and max(drawn) == 5  # nothing beyond the scale
    marks = {(line.get_marker(), float(line.get_xdata()[0]), float(line.get_ydata()[0])) for line in ax.lines
             if line.get_marker() in ("^", "v")}
    assert marks == {("^", 0.0, 5.0), ("v", 2.0, 0.0)}
    caps = {round(float(line.get_ydata()[0]), 6) for line in ax.lines if line.get_marker() == "_"}
    assert {round(school.stats.at[middle, c], 6) for c in ("ci_low", "ci_high")} <= caps
    assert round(school.stats.at[high, "ci_low"], 6) in caps and round(school.stats.at[low, "ci_high"], 6) in caps
    assert ("▲ / ▼: het 95%-interval loopt verder dan de schaal (0 tot 5) en is bij het einde afgekapt; het "
            "gemiddelde zelf kan er niet voorbij") in ax.get_title(loc="left").replace("\n", " ")


def test_an_interval_within_the_scale_or_without_spread_draws_no_end_mark(view, store):
    fig = trend_charts.mean_over_time(view.school[0])
    assert not [line for line in fig.axes[0].lines if line.get_marker() in ("^", "v")]
    assert "afgekapt" not in fig.axes[0].get_title(loc="left")
    add_session(store, "2025-04-01", {"tevredenheid_school": ["4"] * 5})  # no spread: no interval, not a zero-width one
    [school] = trends.series(trends.load_team(store, TEAM), "tevredenheid_school")
    ax = trend_charts.mean_over_time(school).axes[0]
    assert not [line for line in ax.lines if line.get_marker() == "_" and float(line.get_xdata()[0]) == 3.0]


# -- issue 16: a notebook draws the page's charts from kit.data -------------------------------------------------------
@pytest.mark.parametrize("key, chart", [("vaardigheid", trend_charts.diverging_bars),
                                        ("tevredenheid_school", trend_charts.mean_over_time),
                                        ("tevredenheid_school", trend_charts.stacked_bars),
                                        ("tevredenheid_samenwerking", trend_charts.stacked_bars)])
def test_a_summary_from_kit_data_draws_the_same_chart_as_the_trends_page(store, key, chart):
    """The trends page's charts take `kit.data.summary(...)` too, and draw exactly what the page draws for the same
    team: the same sessions, counts, suppressed sessions, means and intervals (the same PNG)."""
    from kit import data
    from kit.analysis.tidy import series_from_summary
    from kit.history.demo import load_demo

    load_demo(store)
    for team in store.history.teams():
        [page] = trends.series(trends.load_team(store, team), key)
        summary = data.summary(key, team=team, db=store)
        notebook = series_from_summary(summary)
        pd_testing.assert_frame_equal(notebook.sessions[["date", "label", "n", "suppressed", "note"]],
                                      page.sessions[["date", "label", "n", "suppressed", "note"]], check_dtype=False,
                                      check_index_type=False)
        pd_testing.assert_frame_equal(notebook.counts, page.counts, check_dtype=False, check_index_type=False,
                                      check_column_type=False)
        if page.stats is not None:
            pd_testing.assert_frame_equal(notebook.stats, page.stats, check_index_type=False)
        assert trend_charts.figure_png(chart(summary)) == trend_charts.figure_png(chart(page)), team
    assert any(page.sessions["suppressed"].any() for team in store.history.teams()
               for page in trends.series(trends.load_team(store, team), key)), "the demo has a small session"


def test_a_summary_that_no_longer_says_its_question_asks_for_it(store):
    from kit import data
    from kit.history.demo import load_demo

    load_demo(store)
    summary = data.summary("vaardigheid", db=store, team=store.history.teams()[0])
    bare = pd.DataFrame(summary.to_dict("list"))  # built by hand: no attrs
    with pytest.raises(ValueError, match="question="):
        trend_charts.diverging_bars(bare)

