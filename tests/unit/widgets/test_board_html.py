"""The projector's sticker board: every point it has room for, in columns, and a count of the rest."""
import re

import pytest

from kit.widgets.board import board_html


def ranked(n):
    return [(f"Punt {i}", n - i) for i in range(n)]


@pytest.mark.parametrize("points, columns, rows, more", [
    (3, 1, 3, None), (7, 1, 7, None), (8, 2, 8, None), (16, 2, 16, None), (17, 3, 17, None), (27, 3, 27, None),
    (30, 3, 27, "+ nog 3 punten"), (28, 3, 27, "+ nog 1 punt"),
])
def test_the_board_spreads_over_columns_and_counts_what_does_not_fit(points, columns, rows, more):
    board = board_html(ranked(points))
    assert f"tlg-board-columns-{columns}" in board
    assert board.count("class='tlg-board-row'") == rows
    assert re.findall(r"\+ nog \d+ punt(?:en)?", board) == ([more] if more else [])
    assert "1. Punt 0" in board  # best first


def test_a_top_list_says_nothing_about_the_rest():
    board = board_html(ranked(12), top=5)
    assert board.count("class='tlg-board-row'") == 5 and "nog" not in board


def test_point_text_is_escaped():
    assert "<script>" not in board_html([("<script>alert(1)</script>", 2)])
