"""The look every chart of the kit shares (the projector's, the verslag's and the trends page's): one set of
colours, sizes and the figure's width, so a session chart and a trend chart of the same question match.

Every colour meets WCAG 2.1 AA on the white background (axe cannot look inside an image): text 4.5:1, bars, lines
and marks 3:1 (1.4.11); neighbours that are closer than that are kept apart by a white edge, and their meaning is
also in a label, a hatch or their place, never in the colour alone (1.4.1)."""

from matplotlib import patheffects
from matplotlib.colors import to_rgb

BLUE = "#1f4e79"  # the kit's colour: bars, the trend line, the phone's buttons
TEXT_COLOUR = "#1a1a1a"
MUTED_COLOUR = "#404040"  # still dark enough on white for the back of the room
LINE_COLOUR = "#7f7f7f"
BACKGROUND = "white"

BAR_COLOUR = BLUE
# The mean of a scale: on the projector a mark over the blue bars, so orange, still dark enough on white; in trends
# the line of means over time, drawn without bars behind it, so the kit's blue.
SCALE_MEAN_COLOUR = "#b04f0f"  # 5.3:1 on white; its text too
# No colour is 3:1 against both the white page and the dark blue bars, so the mean line gets a white edge of its own.
MEAN_OUTLINE = [patheffects.withStroke(linewidth=8, foreground=BACKGROUND)]
TEXT_CONTRAST = 4.5  # WCAG 1.4.3, normal text
GRAPHIC_CONTRAST = 3.0  # WCAG 1.4.11, parts of a chart that carry meaning
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


def relative_luminance(colour) -> float:
    """WCAG 2.1's relative luminance of any colour matplotlib understands ("white", "#1f4e79", an RGB tuple)."""
    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast_ratio(one, other) -> float:
    """WCAG 2.1's contrast ratio, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def clearest_on(fill) -> str:
    """White or the text colour, whichever stands out more on `fill` (hatching, a number on a bar)."""
    return max(("white", TEXT_COLOUR), key=lambda colour: contrast_ratio(colour, fill))
