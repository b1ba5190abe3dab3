"""Tints and underlines are painted from pieces (ui.span_geometry): each piece lies over its range's words."""

from __future__ import annotations

from PySide6.QtCore import QPoint


def test_every_piece_lies_over_the_characters_of_its_range(window):
    view = window.article_view
    text = window.article.text
    spans = [(s, s + 1 + s % 9) for s in range(0, min(len(text) - 10, 600), 13) if "\n" not in text[s : s + 10]]
    view.set_annotations([(s, e, None) for s, e in spans])
    placed = view.annotation_pieces()
    assert {p.index for p in placed} >= set(range(5))  # the first ranges are in view
    for piece in placed:
        start, end = spans[piece.index]
        for x in (piece.x1 * 0.75 + piece.x2 * 0.25, (piece.x1 + piece.x2) / 2, piece.x1 * 0.25 + piece.x2 * 0.75):
            at = view.offset_at(QPoint(round(x), round(piece.top + piece.height / 2)))
            assert start <= at < end, (piece, text[start:end])
        assert piece.top < piece.underline <= piece.top + piece.height + 2  # just under the glyphs
