"""What a chart image shows, checked for WCAG 2.1 AA contrast artist by artist (axe cannot look inside an image):
every piece of text against what is behind it, every bar and meaningful line against the white background."""

from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from kit.charts.style import BACKGROUND, GRAPHIC_CONTRAST, TEXT_CONTRAST, contrast_ratio


def contrast_failures(fig: Figure) -> list[str]:
    """Every text, bar and line of the figure that is below AA contrast, as readable lines ("" when all pass)."""
    failures = []
    for text in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_color")):
        if not text.get_text().strip() or not text.get_visible():
            continue
        # A text on a (nearly) opaque box of its own is read against that box, any other against the page.
        box = text.get_bbox_patch()
        opaque = box is not None and (box.get_alpha() is None or box.get_alpha() >= 0.85)
        behind = box.get_facecolor()[:3] if opaque else BACKGROUND
        ratio = contrast_ratio(text.get_color(), behind)
        if ratio < TEXT_CONTRAST:
            failures.append(f"text {text.get_text()!r} {to_hex(text.get_color())}: {ratio:.2f}")
    for ax in fig.axes:
        for patch in ax.patches:
            if not isinstance(patch, Rectangle) or patch.get_width() == 0 or patch.get_height() == 0:
                continue
            ratio = contrast_ratio(patch.get_facecolor()[:3], BACKGROUND)
            if ratio < GRAPHIC_CONTRAST:
                failures.append(f"bar {to_hex(patch.get_facecolor())}: {ratio:.2f}")
            if patch.get_hatch():
                hatch = contrast_ratio(patch.get_hatchcolor()[:3], patch.get_facecolor()[:3])
                if hatch < GRAPHIC_CONTRAST:
                    failures.append(f"hatch on {to_hex(patch.get_facecolor())}: {hatch:.2f}")
        gridlines = {id(line) for axis in (ax.xaxis, ax.yaxis) for line in axis.get_gridlines()}
        for line in ax.lines:
            if id(line) in gridlines or not line.get_visible():
                continue
            ratio = contrast_ratio(line.get_color(), BACKGROUND)
            if ratio < GRAPHIC_CONTRAST:
                failures.append(f"line {to_hex(line.get_color())}: {ratio:.2f}")
    return failures
