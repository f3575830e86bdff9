"""Charts for the projector: big type, one strong colour, the number at every bar.

Only the object API (`Figure`, rendered by Agg on `savefig`): the charts are drawn in a live server kernel from
background threads, where pyplot's global figure manager and GUI backend selection do not belong. For the same
reason no rcParams are changed; every size and colour is passed to the artist that needs it.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.transforms import blended_transform_factory

from kit.analysis.aggregate import ScaleSummary, mean_label
from kit.charts.style import (BACKGROUND, BAR_COLOUR, DPI, MEAN_OUTLINE, SCALE_MEAN_COLOUR, TEXT_COLOUR, TITLE_SIZE,
                              WIDTH_INCHES, plain_axes)
from kit.model.template import Question

HEIGHT_INCHES = 6

TICK_SIZE = 20
COUNT_SIZE = 22
MEAN_SIZE = 22
SUBTITLE_SIZE = 18

# Wide enough for most option texts on one or two lines, narrow enough to leave the bars most of the width.
OPTION_WRAP = 26
SCALE_END_WRAP = 16
SUBTITLE_WRAP = 50


def ordered_bars(question: Question, counts: pd.Series, *, title: str | None = None) -> Figure:
    """Horizontal bars in the template's order, first option on top; an option nobody chose shows 0."""
    labels = [_wrap(str(option), OPTION_WRAP) for option in counts.index]
    return _horizontal_bars(labels, [int(c) for c in counts.to_numpy()], title)


def scale_distribution(question: Question, summary: ScaleSummary, *, title: str | None = None) -> Figure:
    values = [int(v) for v in summary.counts.index]
    heights = [int(c) for c in summary.counts.to_numpy()]
    fig, ax = _new_figure(HEIGHT_INCHES, title)
    bars = ax.bar(values, heights, width=0.7, color=BAR_COLOUR, zorder=1)
    numbers = ax.bar_label(bars, padding=6, fontsize=COUNT_SIZE, fontweight="bold", color=TEXT_COLOUR, zorder=3)
    for number in numbers:
        # The mean line runs behind the numbers, never through them.
        number.set_bbox({"facecolor": BACKGROUND, "edgecolor": "none", "pad": 3})

    ax.set_xticks(values, [_scale_tick(question, v) for v in values])
    if values:
        ax.set_xlim(values[0] - 0.6, values[-1] + 0.6)
    # Headroom so the number above the tallest bar stays inside the picture.
    ax.set_ylim(0, max(max(heights, default=0), 1) * 1.18)
    ax.yaxis.set_visible(False)
    ax.spines["left"].set_visible(False)

    if summary.mean is not None:
        ax.axvline(summary.mean, color=SCALE_MEAN_COLOUR, linewidth=4, linestyle=(0, (4, 2)), zorder=2,
                   path_effects=MEAN_OUTLINE)
        # Above the plot, not in it: inside it would collide with the count of whichever bar is under the mean.
        # Near either end of the scale the text hangs inwards, so it never runs off the picture.
        low, high = question.scale_min, question.scale_max
        position = (summary.mean - low) / (high - low) if high > low else 0.5
        align = "left" if position < 0.2 else "right" if position > 0.8 else "center"
        above = blended_transform_factory(ax.transData, ax.transAxes)
        ax.text(summary.mean, 1.02, mean_label(summary.mean), transform=above, ha=align, va="bottom",
                fontsize=MEAN_SIZE, fontweight="bold", color=SCALE_MEAN_COLOUR, clip_on=False)
    return fig


def word_cloud_bars(freqs: Sequence[tuple[str, int]], *, title: str | None = None) -> Figure:
    """The most used words as bars, most used on top: a real word cloud is pretty but unreadable from the back."""
    return _horizontal_bars([_wrap(word, OPTION_WRAP) for word, _ in freqs], [int(n) for _, n in freqs], title)


def value_bars(labels: Sequence[str], values: Sequence[float], texts: Sequence[str], *, title: str | None = None,
               subtitle: str | None = None) -> Figure:
    """Horizontal bars of any value (a mean, a score) in the order given, each with its own printed text; the
    subtitle says what the values are, since a number without its unit means nothing from the back of the room."""
    fig = _horizontal_bars([_wrap(str(label), OPTION_WRAP) for label in labels], list(values), title, list(texts))
    if subtitle:
        # Starts where the bars start, right of the labels: wrapped short enough to end inside the picture.
        fig.axes[0].text(0, 1.02, _wrap(subtitle, SUBTITLE_WRAP), transform=fig.axes[0].transAxes, ha="left", va="bottom",
                         fontsize=SUBTITLE_SIZE, color=TEXT_COLOUR)
    return fig


def figure_png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, facecolor=BACKGROUND)
    return buffer.getvalue()


def _horizontal_bars(labels: list[str], counts: list[float], title: str | None,
                     texts: list[str] | None = None) -> Figure:
    lines = sum(label.count("\n") + 1 for label in labels)
    # Many options or wrapped labels need more height, or the 20 pt labels would run into each other.
    height = max(HEIGHT_INCHES, 0.3 * lines + 0.22 * len(labels) + 0.8)
    fig, ax = _new_figure(height, title)
    positions = list(range(len(labels)))
    bars = ax.barh(positions, counts, height=0.65, color=BAR_COLOUR)
    ax.bar_label(bars, labels=texts, padding=8, fontsize=COUNT_SIZE, fontweight="bold", color=TEXT_COLOUR)
    ax.set_yticks(positions, labels)
    # Top to bottom in reading order: the first option (or most used word) on top.
    ax.set_ylim(max(len(labels), 1) - 0.5, -0.5)
    # Room at the right for the count after the longest bar; an all-zero chart still needs a width.
    ax.set_xlim(0, max(max(counts, default=0), 1) * 1.15)
    ax.xaxis.set_visible(False)
    ax.spines["bottom"].set_visible(False)
    return fig


def _new_figure(height: float, title: str | None) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, facecolor=BACKGROUND)
    # A margin around the text: a projector often crops or blurs the outermost pixels.
    fig.set_layout_engine(ConstrainedLayoutEngine(w_pad=0.25, h_pad=0.2))
    ax = fig.add_subplot()
    plain_axes(ax, TICK_SIZE, pad=10)
    ax.grid(False)
    if title:
        ax.set_title(_wrap(title, 60), fontsize=TITLE_SIZE, color=TEXT_COLOUR, loc="left", pad=40)
    return fig, ax


def _scale_tick(question: Question, value: int) -> str:
    label = {question.scale_min: question.min_label, question.scale_max: question.max_label}.get(value, "")
    return f"{value}\n{_wrap(label, SCALE_END_WRAP)}" if label else str(value)


def _wrap(text: str, width: int) -> str:
    return textwrap.fill(text, width=width, break_long_words=False, break_on_hyphens=True) or text
