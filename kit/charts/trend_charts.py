"""The zorgteam's trend charts, for a projector and for paper: large type, dark on white, and readable in black and
white. Nothing is said by colour alone: every segment carries its percentage, the two sides of a Likert bar
differ in hatching as well as in colour, and the options' shades run from light to dark in the scale's order.

Only the object API (`Figure`), never pyplot, as in `kit.charts.session_charts`: these are drawn in a served kernel.
Each chart takes what `kit.analysis.trends` computed, or a notebook's `kit.data.summary(...)` per session (the same
figures); none of them computes a figure of its own, so a suppressed session (fewer than `min_group` answers) can
only be drawn as `too_few()` ("te weinig antwoorden").

Sessions run from top to bottom (bars) or left to right (means) in date order. A projector cannot show a thousand
sessions: by default the charts show the newest `LAST_SESSIONS`, and the title says so.
"""

from __future__ import annotations

import io
import textwrap

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.patches import Patch

from kit.i18n import number, t
from kit.analysis.by_type import analysis_of
from kit.charts.style import (BACKGROUND, DPI, LINE_COLOUR, MUTED_COLOUR, TEXT_COLOUR, TITLE_SIZE, TREND_MEAN_COLOUR,
                              WIDTH_INCHES, clearest_on, plain_axes)
from kit.analysis.tidy import series_from_summary
from kit.analysis.trends import QuestionSeries, WordTrends, too_few

SUBTITLE_SIZE = 17
TICK_SIZE = 18
LABEL_SIZE = 16  # the percentage in a segment
LEGEND_SIZE = 17
NOTE_SIZE = 18

TITLE_WRAP = 58  # characters of 24 pt bold on one line of a 12-inch figure, with a margin
SUBTITLE_WRAP = 84  # the same for 17 pt
LEGEND_BUDGET = 68  # characters of legend text (plus ~8 per entry for its swatch) that fit on one line
LAST_SESSIONS = 12
MIN_LABEL_SHARE = 6.0  # a segment narrower than this many percent carries no number (it would not fit)

# Likert: the favourable side in blues, the unfavourable side in oranges with hatching; stronger is darker. The
# lightest of each is still 3:1 on white (WCAG 1.4.11); a white edge between segments keeps neighbours apart.
POSITIVE = ("#1f4e79", "#2e75b6", "#5d94cf")  # strongest first
NEGATIVE = ("#843c0c", "#c55a11", "#d8742a")
NEUTRAL = "#8c8c8c"
NEGATIVE_HATCH = "//"
NEUTRAL_HATCH = ".."
# Stacked bars: one hatch per option as well as one shade.
HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "++", "--", "||", "**", "OO")


# -- public charts ----------------------------------------------------------------------------------------------------
def diverging_bars(series: QuestionSeries | pd.DataFrame, *, title: str | None = None, last: int | None = LAST_SESSIONS) -> Figure:
    """The standard Likert display of an ordered question (`vaardigheid`): per session one bar, the favourable
    options right of zero, the unfavourable ones left, a middle option (odd number of options) split across zero.
    Options are read best first (the template's order). Percentages of the session's answers."""
    series = _as_series(series)
    options = series.options
    half = len(options) // 2
    positive, negative = options[:half], options[len(options) - half:]
    neutral = options[half] if len(options) % 2 else None
    sessions, shown, total = _last(series, last)
    percent = series.percentages.loc[sessions.index]

    colours = dict(zip(positive, _strongest_first(POSITIVE, len(positive))))
    colours.update(zip(reversed(negative), _strongest_first(NEGATIVE, len(negative))))
    hatches = {o: "" for o in positive} | {o: NEGATIVE_HATCH for o in negative}
    if neutral is not None:
        colours[neutral], hatches[neutral] = NEUTRAL, NEUTRAL_HATCH

    fig, ax = _bar_figure(len(sessions), title or series.question.text,
                          _subtitle(t("trends.chart_percent"), shown, total))
    rows = np.arange(len(sessions))
    extent = 0.0
    for row, (code, info) in zip(rows, sessions.iterrows()):
        if info["suppressed"]:
            _too_few(ax, 0, row)
            continue
        values = percent.loc[code]
        middle = float(values[neutral]) if neutral is not None else 0.0
        # Right of zero: the middle's half, then the favourable options from mild to strong.
        left = middle / 2
        if neutral is not None:
            _segment(ax, row, -left, middle, colours[neutral], hatches[neutral], values[neutral])
        for option in reversed(positive):
            _segment(ax, row, left, float(values[option]), colours[option], hatches[option], values[option])
            left += float(values[option])
        right = -middle / 2
        for option in negative:
            width = float(values[option])
            _segment(ax, row, right - width, width, colours[option], hatches[option], values[option])
            right -= width
        extent = max(extent, left, -right)
    step = 25 if extent > 57 else 20
    limit = min(100, max(step, int(np.ceil((extent + 3) / step)) * step))
    ax.set_xlim(-limit, limit)
    ticks = np.arange(-limit, limit + 1, step)
    ax.set_xticks(ticks, [f"{abs(int(t))}%" if t else "0" for t in ticks])
    ax.axvline(0, color=TEXT_COLOUR, linewidth=2, zorder=3)
    _session_rows(ax, sessions)
    order = list(reversed(negative)) + ([neutral] if neutral is not None else []) + list(reversed(positive))
    # The legend reads left to right as the bars do: unfavourable ... favourable.
    _legend(ax, [(o, colours[o], hatches[o]) for o in order])
    return fig


def stacked_bars(series: QuestionSeries | pd.DataFrame, *, title: str | None = None, last: int | None = LAST_SESSIONS,
                 unit: str = "%", subtitle: str | None = None) -> Figure:
    """Per session one bar of 100%, the options in the template's order from left to right (for
    `tevredenheid_samenwerking`; also the distribution of a scale per session, and the mean points of a question
    that divides 100 points: `unit` '' and a `subtitle` that says so)."""
    series = _as_series(series)
    options = series.options
    sessions, shown, total = _last(series, last)
    percent = series.percentages.loc[sessions.index]
    # Best is darkest: an ordered question lists its best option first, a scale its lowest number first.
    shades = _shades(len(options))
    if series.question.kind.descending:
        shades = shades[::-1]
    colours = dict(zip(options, shades))
    hatches = dict(zip(options, (HATCHES * 2)[:len(options)]))

    fig, ax = _bar_figure(len(sessions), title or series.question.text,
                          _subtitle(subtitle or t("trends.chart_percent"), shown, total))
    for row, (code, info) in enumerate(sessions.iterrows()):
        if info["suppressed"]:
            _too_few(ax, 50, row)
            continue
        left = 0.0
        for option in options:
            width = float(percent.at[code, option])
            _segment(ax, row, left, width, colours[option], hatches[option], width, unit)
            left += width
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100], ["0", f"25{unit}", f"50{unit}", f"75{unit}", f"100{unit}"])
    _session_rows(ax, sessions)
    question = series.question
    _legend(ax, [(analysis_of(question).legend_label(question, o), colours[o], hatches[o]) for o in options])
    return fig


def mean_over_time(series: QuestionSeries | pd.DataFrame, *, title: str | None = None, last: int | None = LAST_SESSIONS) -> Figure:
    """A scale question's mean per session with its 95% interval (t-interval, see `QuestionSeries.stats`), sessions
    left to right in date order; the value of each mean is written beside it."""
    series = _as_series(series)
    if series.stats is None:
        raise ValueError(f"'{series.key}' is not a scale question; a mean does not fit it")
    question = series.question
    sessions, shown, total = _last(series, last)
    stats = series.stats.loc[sessions.index]
    ends = f"{question.scale_min} = {question.min_label}, {question.scale_max} = {question.max_label}"
    subtitle = _subtitle(t("trends.chart_mean", ends=ends), shown, total)

    x = np.arange(len(sessions))
    visible = ~sessions["suppressed"].to_numpy() & stats["mean"].notna().to_numpy()
    mean, low, high = (stats[c].to_numpy(dtype="float64") for c in ("mean", "ci_low", "ci_high"))
    bottom, top = question.scale_min, question.scale_max
    # A t-interval of answers close to a scale's end can run past it (4,8 ± 0,6 on a scale to 5); the chart keeps
    # to the scale, so it cuts the interval at the end and says so with a mark, instead of cutting it silently.
    with np.errstate(invalid="ignore"):
        past_bottom, past_top = visible & (low < bottom), visible & (high > top)
    marks = "".join(mark for mark, past in (("▲", past_top), ("▼", past_bottom)) if past.any())
    if marks:
        subtitle += "\n" + t("trends.chart_interval_clipped", marks=" / ".join(marks), low=bottom, high=top)

    fig = _figure(6.8)
    ax = fig.add_subplot()
    _style(ax, title or question.text, subtitle)
    if visible.any():
        ax.plot(x[visible], mean[visible], color=LINE_COLOUR, linewidth=2, zorder=1)
        # No interval with one answer, nor a zero-width one without spread: the table says why (issue 16).
        for xi in x[visible & (high > low)]:
            _interval(ax, xi, low[xi], high[xi], bottom, top)
        ax.plot(x[visible], mean[visible], "o", color=TREND_MEAN_COLOUR, markersize=13, zorder=3)
    span = question.scale_max - question.scale_min
    for xi, show, m in zip(x, visible, mean):
        if show:
            ax.annotate(number(m), (xi, m), xytext=(14, 0), textcoords="offset points", va="center",
                        ha="left", fontsize=TICK_SIZE, fontweight="bold", color=TEXT_COLOUR, zorder=4,
                        bbox={"facecolor": BACKGROUND, "edgecolor": "none", "pad": 1})
        else:
            ax.text(xi, question.scale_min + span * 0.2, _wrap(too_few(), 10), ha="center", va="center",
                    fontsize=LABEL_SIZE, style="italic", color=MUTED_COLOUR)
    ax.set_ylim(question.scale_min - 0.2, question.scale_max + 0.2)
    ax.set_yticks(list(question.scale_values))
    ax.set_xlim(-0.6, len(sessions) - 0.4)
    ax.set_xticks(x, [_stacked_label(info) for _, info in sessions.iterrows()],
                  fontsize=TICK_SIZE if len(sessions) <= 8 else LABEL_SIZE - 2)
    ax.yaxis.grid(True, color="#d0d0d0", linewidth=1)
    ax.set_axisbelow(True)
    return fig


def _interval(ax: Axes, x: float, low: float, high: float, bottom: float, top: float) -> None:
    """One session's interval: a line with a cap at each end, or at an end past the scale a triangle pointing on
    (▲ above, ▼ below) at the scale's end, where the line stops."""
    ax.plot([x, x], [max(low, bottom), min(high, top)], color=TEXT_COLOUR, linewidth=2.5, zorder=2)
    for end, past, edge, mark in ((low, low < bottom, bottom, "v"), (high, high > top, top, "^")):
        if past:
            ax.plot([x], [edge], marker=mark, markersize=17, color=TEXT_COLOUR, linestyle="none", zorder=3)
        else:
            ax.plot([x], [end], marker="_", markersize=20, markeredgewidth=2.5, color=TEXT_COLOUR,
                    linestyle="none", zorder=3)


def recurring_words_chart(words: WordTrends, *, top: int = 12, title: str | None = None) -> Figure:
    """The words the team keeps using: bars of how many answers used each word, with in how many sessions."""
    table = words.words.head(top)
    counted = int((~words.sessions["suppressed"]).sum())
    if table.empty:
        return message_figure(t("trends.chart_words_none"), title=title or t("trends.chart_words_short"))
    labels = list(table.index)
    totals = table["total"].to_numpy()
    fig = _figure(max(5.5, 0.62 * len(labels) + 2.4))
    ax = fig.add_subplot()
    _style(ax, title or t("trends.chart_words"), t("trends.chart_words_sub", sessions=counted))
    rows = np.arange(len(labels))
    ax.barh(rows, totals, height=0.65, color=TREND_MEAN_COLOUR, zorder=2)
    for row, total, in_sessions in zip(rows, totals, table["sessions"]):
        ax.text(total, row, "  " + t("trends.chart_words_bar", n=total, used=in_sessions, sessions=counted), va="center", ha="left",
                fontsize=TICK_SIZE, color=TEXT_COLOUR)
    ax.set_yticks(rows, labels, fontsize=TICK_SIZE + 2)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlim(0, max(int(totals.max()), 1) * 1.6)
    ax.xaxis.set_visible(False)
    ax.spines["bottom"].set_visible(False)
    return fig


def message_figure(message: str, *, title: str | None = None) -> Figure:
    """A chart-sized figure with only a sentence, for a place where there is nothing (yet) to draw."""
    fig = _figure(3.0)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=TITLE_SIZE, color=TEXT_COLOUR, loc="left")
    ax.text(0.5, 0.5, _wrap(message, 60), ha="center", va="center", fontsize=NOTE_SIZE, color=TEXT_COLOUR,
            transform=ax.transAxes)
    return fig


def figure_png(fig: Figure, dpi: int = DPI) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor=BACKGROUND)
    return buffer.getvalue()


# -- helpers ----------------------------------------------------------------------------------------------------------
def _as_series(series: QuestionSeries | pd.DataFrame) -> QuestionSeries:
    """The trends page passes a `QuestionSeries`; a notebook may pass `kit.data.summary(...)` (per session, the
    minimum group applied), which becomes one without computing anything anew."""
    return series_from_summary(series) if isinstance(series, pd.DataFrame) else series


def _last(series: QuestionSeries, last: int | None):
    total = len(series.sessions)
    sessions = series.sessions if last is None or total <= last else series.sessions.iloc[-last:]
    return sessions, len(sessions), total


def _subtitle(text: str, shown: int, total: int) -> str:
    return text if shown == total else f"{text}\n" + t("trends.chart_last", shown=shown, total=total)


def _figure(height: float) -> Figure:
    fig = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, facecolor=BACKGROUND)
    fig.set_layout_engine(ConstrainedLayoutEngine(w_pad=0.25, h_pad=0.2))
    return fig


def _style(ax: Axes, title: str, subtitle: str | None) -> None:
    """The title goes above everything (figure level, so a legend fits between it and the axes)."""
    plain_axes(ax, TICK_SIZE, pad=8)
    ax.figure.suptitle(_wrap(title, TITLE_WRAP), fontsize=TITLE_SIZE, color=TEXT_COLOUR, x=0.01, ha="left",
                       fontweight="bold")
    if subtitle:
        ax.set_title(_wrap(subtitle, SUBTITLE_WRAP), fontsize=SUBTITLE_SIZE, color=MUTED_COLOUR, loc="left", pad=14)


def _bar_figure(rows: int, title: str, subtitle: str) -> tuple[Figure, Axes]:
    """Title on top, then the legend (see `_legend`), the bars, and what the axis counts below them."""
    fig = _figure(max(4.8, 0.85 * rows + 3.4))
    ax = fig.add_subplot()
    _style(ax, title, None)
    ax.set_xlabel(_wrap(subtitle, SUBTITLE_WRAP), fontsize=SUBTITLE_SIZE, color=MUTED_COLOUR, labelpad=10)
    return fig, ax


def _session_rows(ax: Axes, sessions) -> None:
    rows = np.arange(len(sessions))
    ax.set_yticks(rows, [f"{info['label']}\nn = {info['n']}" for _, info in sessions.iterrows()],
                  fontsize=TICK_SIZE)
    ax.set_ylim(len(sessions) - 0.5, -0.5)  # oldest on top, as a table reads
    ax.spines["left"].set_visible(False)


def _segment(ax: Axes, row: int, left: float, width: float, colour: str, hatch: str, share, unit: str = "%") -> None:
    if not width or np.isnan(width):
        return
    ax.barh(row, width, left=left, height=0.68, color=colour, hatch=hatch, hatchcolor=_hatch_colour(colour),
            edgecolor=BACKGROUND, linewidth=1.5, zorder=2)
    if width >= MIN_LABEL_SHARE:
        ax.text(left + width / 2, row, f"{round(float(share))}{unit}", ha="center", va="center", fontsize=LABEL_SIZE,
                fontweight="bold", color=TEXT_COLOUR, zorder=4,
                bbox={"facecolor": BACKGROUND, "edgecolor": "none", "pad": 1.5, "alpha": 0.9})


def _too_few(ax: Axes, x: float, row: int) -> None:
    ax.text(x, row, too_few(), ha="center", va="center", fontsize=TICK_SIZE, style="italic", color=MUTED_COLOUR,
            zorder=4, bbox={"facecolor": BACKGROUND, "edgecolor": MUTED_COLOUR, "boxstyle": "round,pad=0.4"})


def _legend(ax: Axes, entries: list[tuple[str, str, str]]) -> None:
    """Above the bars, left-aligned with them; the layout engine makes room for it below the title."""
    handles = [Patch(facecolor=c, hatch=h, edgecolor=_hatch_colour(c), label=_wrap(str(label), 22))
               for label, c, h in entries]
    columns = len(entries)
    while columns > 1 and _legend_width(entries, columns) > LEGEND_BUDGET:
        columns -= 1
    # matplotlib fills a legend column by column; order the handles so that it reads row by row, as the bars do.
    rows = -(-len(handles) // columns)
    columns = -(-len(handles) // rows)  # balanced: 3 + 3 rather than 5 + 1
    handles = [handles[r * columns + c] for c in range(columns) for r in range(rows) if r * columns + c < len(handles)]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.02), ncol=columns, frameon=False,
              fontsize=LEGEND_SIZE, handlelength=2.2, handleheight=1.3, columnspacing=1.4, borderaxespad=0)


def _legend_width(entries, columns: int) -> int:
    """The width in characters of the widest legend row, each swatch counting as 8 characters."""
    labels = [len(max(_wrap(str(label), 22).splitlines(), key=len)) + 8 for label, _, _ in entries]
    return max(sum(labels[i:i + columns]) for i in range(0, len(labels), columns))


def _hatch_colour(colour: str) -> str:
    """Hatching that stays visible: white lines on a dark fill, dark lines on a light one."""
    return clearest_on(colour)


def _strongest_first(palette: tuple[str, ...], count: int) -> list[str]:
    if count <= len(palette):
        return list(palette[:1] + palette[len(palette) - count + 1:]) if count > 1 else [palette[0]]
    return [palette[min(i, len(palette) - 1)] for i in range(count)]


def _shades(count: int) -> list[str]:
    """`count` blues from light to dark, the lightest still 3:1 on the white page (Blues from 0.6 on)."""
    cmap = colormaps["Blues"]
    return ["#%02x%02x%02x" % tuple(int(v * 255) for v in cmap(x)[:3]) for x in np.linspace(0.6, 1.0, count)]


def _stacked_label(info) -> str:
    day, month, year = (info["label"].split(" ", 2) + ["", ""])[:3]
    return f"{day} {month}\n{year}\nn = {info['n']}"


def _wrap(text: str, width: int) -> str:
    """Wrap each line of `text` on its own; a word longer than the width stays whole."""
    return "\n".join(textwrap.fill(line, width=width, break_long_words=False) or line
                     for line in str(text).split("\n"))
