"""Linking the article and the raw dump: a selection or a click on one side shows its place on the other.

Mixed into :class:`ui.mainwindow.MainWindow`, kept apart by job; the host provides
``article``, ``store``, ``article_view``, ``raw_view``, ``converter``, ``open_article`` and
``_update_status``.
"""

from __future__ import annotations

from collections import OrderedDict


class ArticleRawLinking:
    """The raw dump beside the article, and the links between their characters."""

    _raw_cache: OrderedDict[tuple[int, str], str]
    _raw_source: int | None

    def _show_raw(self, source_id: int) -> None:
        assert self.store is not None
        key = (source_id, self.converter.script.value)
        text = self._raw_cache.get(key)
        if text is None:
            text = self.converter.convert_lines(self.store.raw_text(source_id))
            self._raw_cache[key] = text
            while len(self._raw_cache) > 8:
                self._raw_cache.popitem(last=False)
        self._raw_source = source_id
        self.raw_view.set_raw(text)

    def _on_article_selection(self, start: int, end: int) -> None:
        if self.article is None:
            return
        self.raw_view.set_linked(self.article.offsets.raw_ranges(start, end))
        self._update_status()

    def _on_raw_selection(self, start: int, end: int) -> None:
        if self.article is None or start == end:
            self.article_view.set_linked([])
            self._update_status()
            return
        ranges = self.article.offsets.article_ranges(start, end)
        if not ranges and self.store is not None and self._raw_source is not None:
            found = self.store.article_at_raw(self._raw_source, start)
            if found is not None and found[0] != self.article.id:
                self.open_article(found[0])
                ranges = self.article.offsets.article_ranges(start, end)
        self.article_view.set_linked(ranges)
        self._update_status()

    def _on_article_clicked(self, offset: int) -> None:
        """A click in the article shows where that character stands in the raw dump."""
        if self.article is None:
            return
        raw = self.article.offsets.raw_at(offset)
        if raw is None and offset > 0:
            raw = self.article.offsets.raw_at(offset - 1)  # a click after the last character of a line
        if raw is not None:
            self.raw_view.set_linked([(raw, raw + 1)])

    def _on_raw_clicked(self, raw_offset: int) -> None:
        if self.store is None or self._raw_source is None:
            return
        found = self.store.article_at_raw(self._raw_source, raw_offset)
        if found is None:
            return
        article_id, offset = found
        raw_scroll = self.raw_view.scroll_at_press
        if raw_scroll is None:
            raw_scroll = self.raw_view.verticalScrollBar().value()
        self.open_article(article_id, scroll_raw=False)  # the raw pane stays where the user clicked
        self.raw_view.set_linked([])  # the previous raw highlight goes
        self.raw_view.verticalScrollBar().setValue(raw_scroll)
        assert self.article is not None
        starts = self.article.block_starts()
        block = max(0, sum(1 for s in starts if s <= offset) - 1)
        self.article_view.go_to_block(block)
        pos = self.article.offsets.article_at_raw(raw_offset)
        self.article_view.set_linked([] if pos is None else [(pos, pos + 1)])

    def step_paragraph(self, step: int) -> None:
        if self.article is None or not self.article.blocks:
            return
        current = self.article_view.current_paragraph()
        if current is None:  # start from the paragraph holding the cursor (before the first one at the top)
            block = self.article_view.textCursor().block().blockNumber()
            current = block if block > 0 else -1
        target = max(0, min(current + step, len(self.article.blocks) - 1))
        self.article_view.go_to_block(target)
        start = self.article.block_starts()[target]
        self.raw_view.set_linked(self.article.offsets.raw_ranges(start, start + len(self.article.blocks[target].text)))
