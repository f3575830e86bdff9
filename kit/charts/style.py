"""The look every chart of the kit shares (the projector's, the verslag's and the trends page's): one set of
colours, sizes and the figure's width, so a session chart and a trend chart of the same question match."""

BLUE = "#1f4e79"  # the kit's colour: bars, the trend line, the phone's buttons
TEXT_COLOUR = "#1a1a1a"
MUTED_COLOUR = "#404040"  # still dark enough on white for the back of the room
LINE_COLOUR = "#7f7f7f"
BACKGROUND = "white"

BAR_COLOUR = BLUE
# The mean of a scale: on the projector a mark over the blue bars, so orange, still dark enough on white; in trends
# the line of means over time, drawn without bars behind it, so the kit's blue.
SCALE_MEAN_COLOUR = "#c55a11"
TREND_MEAN_COLOUR = BLUE

WIDTH_INCHES = 12
# The room page shows the image ~960 px wide; 100 dpi renders it sharper than that and scales down cleanly.
DPI = 100
TITLE_SIZE = 24


def plain_axes(ax, tick_size: int, pad: float) -> None:
    """White axes with only the left and bottom lines (dark, 1.5 wide) and tick labels without tick marks."""
    ax.set_facecolor(BACKGROUND)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(TEXT_COLOUR)
        ax.spines[side].set_linewidth(1.5)
    ax.tick_params(labelsize=tick_size, labelcolor=TEXT_COLOUR, length=0, pad=pad)
