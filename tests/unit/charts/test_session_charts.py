import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from chart_contrast import contrast_failures
from factories import TEVREDENHEID, VAARDIGHEID
from kit.analysis import aggregate
from kit.charts import session_charts
from kit.i18n import LANG_ENV
from kit.model.template import Question

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LONG_OPTION = "Ja, en we gebruiken de meldcode-route bij elke zorg over een leerling, ook als we twijfelen"
LONG = Question("route", "ordered", "Kennen jullie de route?", options=(LONG_OPTION, "Nee"))


@pytest.fixture(autouse=True)
def dutch(monkeypatch):
    monkeypatch.setenv(LANG_ENV, "nl")


def only_axes(fig: Figure):
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 1
    return fig.axes[0]


def texts_in(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def font_sizes_of_ticks(ax, axis: str) -> list[float]:
    return [label.get_fontsize() for label in getattr(ax, f"get_{axis}ticklabels")()]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["vaardig", "heel vaardig", "vaardig"], [1, 2, 0, 0]),
        ([], [0, 0, 0, 0]),
        (["niet vaardig"] * 30 + ["redelijk vaardig"], [0, 0, 1, 30]),
    ],
)
def test_ordered_bars_one_bar_per_option_in_order(values, expected):
    fig = session_charts.ordered_bars(VAARDIGHEID, aggregate.option_counts(VAARDIGHEID, values))
    ax = only_axes(fig)
    assert [p.get_width() for p in ax.patches] == expected
    assert [t.get_text() for t in ax.get_yticklabels()] == list(VAARDIGHEID.options)
    # First option on top: the y axis runs downwards, so the first bar has the smallest y.
    ys = [p.get_y() for p in ax.patches]
    assert ys == sorted(ys)
    assert ax.yaxis_inverted()
    # Every bar carries its count, zeros too.
    assert [t.get_text() for t in ax.texts] == [str(n) for n in expected]


def test_ordered_bars_leave_room_for_the_longest_count():
    fig = session_charts.ordered_bars(VAARDIGHEID, aggregate.option_counts(VAARDIGHEID, ["vaardig"] * 7))
    assert only_axes(fig).get_xlim()[1] > 7


def test_long_option_text_wraps_instead_of_being_cut():
    fig = session_charts.ordered_bars(LONG, aggregate.option_counts(LONG, [LONG_OPTION]))
    label = only_axes(fig).get_yticklabels()[0].get_text()
    assert "\n" in label
    assert label.replace("\n", " ") == LONG_OPTION
    assert max(len(line) for line in label.splitlines()) <= session_charts.OPTION_WRAP


def test_many_options_make_a_taller_figure():
    options = tuple(f"optie nummer {i} met wat uitleg erbij" for i in range(10))
    many = Question("veel", "choice", "Welke?", options=options)
    fig = session_charts.ordered_bars(many, aggregate.option_counts(many, []))
    assert fig.get_figheight() > session_charts.HEIGHT_INCHES


def test_scale_distribution_bars_ticks_and_mean():
    summary = aggregate.scale_summary(TEVREDENHEID, ["0", "5", "5", "2"])
    fig = session_charts.scale_distribution(TEVREDENHEID, summary)
    ax = only_axes(fig)
    assert [p.get_height() for p in ax.patches] == [1, 0, 1, 0, 0, 2]
    centres = [p.get_x() + p.get_width() / 2 for p in ax.patches]
    assert centres == pytest.approx([0, 1, 2, 3, 4, 5])
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks == ["0\nzeer ontevreden", "1", "2", "3", "4", "5\nzeer tevreden"]
    [line] = ax.lines
    assert list(line.get_xdata()) == pytest.approx([3.0, 3.0])
    assert "gemiddeld 3,0" in texts_in(fig)
    assert [t.get_text() for t in ax.texts if t.get_text().isdigit()] == ["1", "0", "1", "0", "0", "2"]


@pytest.mark.parametrize(
    ("values", "mean_text"),
    [(["4", "4", "5"], "gemiddeld 4,3"), (["1", "2"], "gemiddeld 1,5"), (["0", "0", "0"], "gemiddeld 0,0"),
     (["5"] * 5, "gemiddeld 5,0")],
)
def test_scale_distribution_writes_the_mean_with_a_decimal_comma(values, mean_text):
    summary = aggregate.scale_summary(TEVREDENHEID, values)
    fig = session_charts.scale_distribution(TEVREDENHEID, summary)
    assert mean_text in texts_in(fig)
    [line] = only_axes(fig).lines
    assert line.get_xdata()[0] == pytest.approx(summary.mean)


def test_scale_distribution_without_answers_has_no_mean_line():
    fig = session_charts.scale_distribution(TEVREDENHEID, aggregate.scale_summary(TEVREDENHEID, []))
    ax = only_axes(fig)
    assert len(ax.lines) == 0
    assert [p.get_height() for p in ax.patches] == [0] * 6
    assert not any(t.startswith("gemiddeld") for t in texts_in(fig))
    assert figure_is_png(fig)


def test_word_cloud_bars_largest_on_top():
    freqs = [("tijd", 5), ("scholing", 3), ("zorg-route", 1)]
    ax = only_axes(session_charts.word_cloud_bars(freqs))
    assert [p.get_width() for p in ax.patches] == [5, 3, 1]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["tijd", "scholing", "zorg-route"]
    assert ax.yaxis_inverted()
    assert [t.get_text() for t in ax.texts] == ["5", "3", "1"]


def test_word_cloud_bars_of_nothing_still_draw():
    fig = session_charts.word_cloud_bars([])
    assert len(only_axes(fig).patches) == 0
    assert figure_is_png(fig)


def test_optional_title_is_large():
    fig = session_charts.ordered_bars(VAARDIGHEID, aggregate.option_counts(VAARDIGHEID, []), title=VAARDIGHEID.text)
    [title] = [t for t in fig.findobj(lambda a: hasattr(a, "get_text")) if t.get_text().startswith("Hoe vaardig")]
    assert title.get_text().replace("\n", " ") == VAARDIGHEID.text
    assert title.get_fontsize() >= 20


@pytest.mark.parametrize(
    "make",
    [
        lambda: session_charts.ordered_bars(VAARDIGHEID, aggregate.option_counts(VAARDIGHEID, ["vaardig"] * 3)),
        lambda: session_charts.scale_distribution(TEVREDENHEID, aggregate.scale_summary(TEVREDENHEID, ["1", "2", "3"])),
        lambda: session_charts.word_cloud_bars([("tijd", 2), ("scholing", 1)]),
    ],
    ids=["ordered", "scale", "words"],
)
def test_charts_are_made_for_a_projector(make):
    fig = make()
    ax = only_axes(fig)
    width, height = fig.get_size_inches()
    assert width >= 12 and height >= 6
    assert 80 <= fig.get_dpi() <= 100
    assert all(size >= 18 for size in font_sizes_of_ticks(ax, "x") + font_sizes_of_ticks(ax, "y"))
    assert all(t.get_fontsize() >= 18 for t in ax.texts)
    assert not any(line.get_visible() for line in ax.get_xgridlines() + ax.get_ygridlines())
    assert {to_hex(p.get_facecolor()) for p in ax.patches} == {session_charts.BAR_COLOUR}
    assert figure_is_png(fig)


def figure_is_png(fig: Figure) -> bool:
    return session_charts.figure_png(fig).startswith(PNG_SIGNATURE)


def test_figure_png_returns_png_bytes():
    png = session_charts.figure_png(session_charts.word_cloud_bars([("tijd", 2)]))
    assert isinstance(png, bytes)
    assert png.startswith(PNG_SIGNATURE)


def test_importing_charts_leaves_pyplot_alone():
    # pyplot would pick a GUI backend and keep a global figure list in the server kernel's threads.
    code = (
        "import sys; import kit.charts.session_charts, kit.analysis.aggregate; "
        "from kit.charts.session_charts import figure_png, word_cloud_bars; figure_png(word_cloud_bars([('tijd', 1)])); "
        "print('matplotlib.pyplot' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_every_projector_chart_meets_aa_contrast_inside_the_image():
    figures = {
        "ordered": session_charts.ordered_bars(VAARDIGHEID, aggregate.option_counts(VAARDIGHEID, ["vaardig"] * 3)),
        "scale": session_charts.scale_distribution(TEVREDENHEID, aggregate.scale_summary(TEVREDENHEID, ["2", "3", "4"])),
        "words": session_charts.word_cloud_bars([("tijd", 3), ("overleg", 2)]),
    }
    assert {name: contrast_failures(fig) for name, fig in figures.items() if contrast_failures(fig)} == {}
    # The mean line crosses the dark blue bars: no colour is 3:1 against both them and the page, so a white edge
    # of its own keeps it apart from the bars.
    [line] = figures["scale"].axes[0].lines
    [outline] = line.get_path_effects()
    assert to_hex(outline._gc["foreground"]) == "#ffffff" and outline._gc["linewidth"] > line.get_linewidth()
