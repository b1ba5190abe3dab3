"""Phase-1 stand-in for the project store: the bundled samples reflowed in memory.

Replaced by ``ui.backend.ProjectStore`` once ``db.Project`` lands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from reader.engine import reflow_text
from reader.model import Article, ArticleKind
from ui.backend import ArticleData, ArticleRow, BlockData, ImportReport, SearchHit, SourceRow


def article_blocks(article: Article) -> list[BlockData]:
    blocks: list[BlockData] = []
    for role, traced in (
        ("jump", article.continued_from),
        ("kicker", article.kicker),
        ("title", article.title),
        ("subtitle", article.subtitle),
        ("byline", article.byline),
    ):
        if traced:
            blocks.append(BlockData(role, traced.text, tuple(traced.runs())))
    for block in article.blocks:
        role = block.kind.value
        if article.kind is ArticleKind.PHOTO and role == "paragraph":
            role = "caption"
        blocks.append(BlockData(role, block.text.text, tuple(block.text.runs())))
    return blocks


class SampleStore:
    def __init__(self, paths: Sequence[Path]) -> None:
        self.path = ""
        self._sources: list[tuple[str, str]] = []
        self._articles: list[ArticleData] = []
        self._by_source: dict[int, list[int]] = {}
        for p in paths:
            self._add(p.name, p.read_text(encoding="utf-8"))

    def _add(self, name: str, raw: str) -> None:
        sid = len(self._sources) + 1
        self._sources.append((name, raw))
        doc = reflow_text(raw, name)
        ids = []
        for art in doc.articles:
            aid = len(self._articles) + 1
            headline = art.headline or (art.blocks[0].text.text[:24] if art.blocks else "")
            self._articles.append(ArticleData(aid, sid, art.kind.value, headline, article_blocks(art)))
            ids.append(aid)
        self._by_source[sid] = ids

    def source_count(self) -> int:
        return len(self._sources)

    def sources(self, offset: int, limit: int) -> list[SourceRow]:
        return [
            SourceRow(i + 1, name, len(self._by_source[i + 1]))
            for i, (name, _) in enumerate(self._sources[offset : offset + limit], start=offset)
        ]

    def article_count(self, source_id: int) -> int:
        return len(self._by_source.get(source_id, []))

    def articles(self, source_id: int, offset: int, limit: int) -> list[ArticleRow]:
        out = []
        for aid in self._by_source.get(source_id, [])[offset : offset + limit]:
            a = self._articles[aid - 1]
            out.append(ArticleRow(a.id, a.source_id, a.kind, a.headline))
        return out

    def article(self, article_id: int) -> ArticleData:
        return self._articles[article_id - 1]

    def raw_text(self, source_id: int) -> str:
        return self._sources[source_id - 1][1]

    def source_name(self, source_id: int) -> str:
        return self._sources[source_id - 1][0]

    def article_at_raw(self, source_id: int, raw_offset: int) -> tuple[int, int] | None:
        best = None
        for aid in self._by_source.get(source_id, []):
            m = self.article(aid).offsets
            span = m.raw_span
            if span and span[0] <= raw_offset < span[1]:
                pos = m.article_at_raw(raw_offset)
                if pos is not None:
                    return aid, pos
            if span and best is None and raw_offset < span[0]:
                best = (aid, 0)
        return best

    def search(self, query: str, regex: bool, limit: int, offset: int = 0) -> list[SearchHit]:
        if not query:
            return []
        pattern = re.compile(query if regex else re.escape(query))
        hits = []
        for a in self._articles:
            text = a.text
            for m in pattern.finditer(text):
                if m.end() == m.start():
                    continue
                hits.append(
                    SearchHit(
                        a.id,
                        a.source_id,
                        a.headline,
                        m.start(),
                        m.end(),
                        text[max(0, m.start() - 20) : m.start()],
                        m.group(),
                        text[m.end() : m.end() + 20],
                    )
                )
                if len(hits) >= offset + limit:
                    return hits[offset:]
        return hits[offset:]

    def import_paths(self, paths, progress, cancelled) -> ImportReport:
        report = ImportReport()
        for i, p in enumerate(paths):
            if cancelled():
                report.cancelled = True
                break
            progress(i, len(paths), str(p))
            try:
                self._add(Path(p).name, Path(p).read_text(encoding="utf-8"))
                report.imported.append(str(p))
            except (OSError, UnicodeDecodeError) as exc:
                report.bad.append((str(p), str(exc)))
        return report

    def close(self) -> None:
        pass
