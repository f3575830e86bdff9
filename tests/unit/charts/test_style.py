"""The charts' colours meet WCAG 2.1 AA: the contrast formula itself, then every colour of the style table against
the white background it is drawn on (text 4.5:1, bars, lines and marks 3:1), and hatching against its fill."""

import pytest

from kit.charts import style, trend_charts
from kit.charts.style import BACKGROUND, GRAPHIC_CONTRAST, TEXT_CONTRAST, contrast_ratio


@pytest.mark.parametrize(("one", "other", "expected"), [
    ("black", "white", 21.0), ("white", "white", 1.0), ("#777777", "white", 4.48), ("#1f4e79", "#ffffff", 8.66),
])
def test_contrast_ratio_is_wcag_s(one, other, expected):
    assert contrast_ratio(one, other) == pytest.approx(expected, abs=0.01)
    assert contrast_ratio(other, one) == pytest.approx(expected, abs=0.01)


TEXT = {"text": style.TEXT_COLOUR, "muted text": style.MUTED_COLOUR, "the mean's label": style.SCALE_MEAN_COLOUR}
GRAPHICS = {
    "bars": style.BAR_COLOUR, "mean line (projector)": style.SCALE_MEAN_COLOUR,
    "mean marks (trends)": style.TREND_MEAN_COLOUR, "trend line": style.LINE_COLOUR,
    **{f"favourable {i}": colour for i, colour in enumerate(trend_charts.POSITIVE)},
    **{f"unfavourable {i}": colour for i, colour in enumerate(trend_charts.NEGATIVE)},
    "middle option": trend_charts.NEUTRAL,
    **{f"shade {i + 1} of {count}": colour for count in range(2, 12)
       for i, colour in enumerate(trend_charts._shades(count))},
}


@pytest.mark.parametrize(("role", "colour"), TEXT.items())
def test_text_colours_are_4_5_to_1_on_the_background(role, colour):
    assert contrast_ratio(colour, BACKGROUND) >= TEXT_CONTRAST, role


@pytest.mark.parametrize(("role", "colour"), GRAPHICS.items())
def test_chart_colours_are_3_to_1_on_the_background(role, colour):
    assert contrast_ratio(colour, BACKGROUND) >= GRAPHIC_CONTRAST, role


@pytest.mark.parametrize("fill", [*trend_charts.POSITIVE, *trend_charts.NEGATIVE, trend_charts.NEUTRAL])
def test_hatching_stands_out_on_its_fill(fill):
    assert contrast_ratio(style.clearest_on(fill), fill) >= GRAPHIC_CONTRAST


def test_the_shades_of_a_palette_differ_from_one_another():
    """Darker is stronger: the shades of one side are ordered, not only distinct."""
    for palette in (trend_charts.POSITIVE, trend_charts.NEGATIVE):
        darkness = [contrast_ratio(colour, BACKGROUND) for colour in palette]
        assert darkness == sorted(darkness, reverse=True) and len(set(darkness)) == len(darkness)
