"""Every Qt item model of the desk passes QAbstractItemModelTester (novelWriter does the same)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtTest import QAbstractItemModelTester

from db.models import SearchHit, SearchResult
from ui.backend import ArticleRow, SourceRow
from ui.library import NATURAL_ORDER_LIMIT, PAGE, LibraryModel
from ui.search import SearchResultsModel

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


class BigStore:
    """100,000 articles in 2,000 sources, made up on demand; counts the rows asked for."""

    SOURCES, PER_SOURCE = 2000, 50

    def __init__(self) -> None:
        self.rows_read = 0

    def source_count(self):
        return self.SOURCES

    def sources(self, offset, limit):
        end = min(self.SOURCES, offset + limit)
        rows = [SourceRow(i + 1, f"page_{i:05d}.txt", self.PER_SOURCE) for i in range(offset, end)]
        self.rows_read += len(rows)
        return rows

    def articles(self, source_id, offset, limit):
        rows = [
            ArticleRow(source_id * 1000 + i, source_id, "news", f"标题 {source_id}-{i}")
            for i in range(offset, min(self.PER_SOURCE, offset + limit))
        ]
        self.rows_read += len(rows)
        return rows


def test_library_model_on_a_real_project(store, qtbot):
    model = LibraryModel(store)
    QAbstractItemModelTester(model, FATAL)
    model.fetchMore(QModelIndex())
    for s in range(model.rowCount()):
        model.fetchMore(model.index(s, 0))
    assert model.rowCount() == 3
    assert model.rowCount(model.index(0, 0)) == 7
    model.refresh()
    assert model.rowCount() == 0 and model.canFetchMore(QModelIndex())


def test_library_model_is_lazy_with_100k_articles(qtbot):
    class TesterStore(BigStore):  # the tester checks every row inserted: fewer sources, same shape
        SOURCES = 300

    QAbstractItemModelTester(LibraryModel(TesterStore()), FATAL)  # the tester fetches on its own
    store = BigStore()
    model = LibraryModel(store)
    model.fetchMore(QModelIndex())
    # the sources in one read (so they can be sorted naturally), no articles
    assert model.rowCount() == store.SOURCES <= NATURAL_ORDER_LIMIT
    assert store.rows_read == store.SOURCES
    assert model.hasChildren(model.index(0, 0)) and model.rowCount(model.index(0, 0)) == 0
    model.fetchMore(model.index(3, 0))
    assert model.rowCount(model.index(3, 0)) == 50
    last = model.step_article(model.index(49, 0, model.index(3, 0)), +1)
    assert model.article_id(last) == 5 * 1000  # first article of the next source, fetched on demand
    assert store.rows_read < store.SOURCES + 200


def test_library_tree_view_stays_lazy(qtbot):
    from PySide6.QtWidgets import QTreeView

    store = BigStore()
    model = LibraryModel(store)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 600)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == store.SOURCES  # every source row (names only)...
    assert store.rows_read <= store.SOURCES + 2 * PAGE  # ...and no more than a page or two of articles
    view.close()


def test_search_results_model():
    pages = {
        0: SearchResult(tuple(SearchHit(i, 1, "", "题", i, i + 2, "前文", "命中", "后文") for i in range(200)), True),
        200: SearchResult(tuple(SearchHit(i, 1, "", "题", i, i + 2, "前", "中", "后") for i in range(200, 230)), False),
    }
    model = SearchResultsModel()
    QAbstractItemModelTester(model, FATAL)
    model.set_page(pages[0], lambda offset: pages[offset])
    assert model.rowCount() == 200 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 230 and not model.canFetchMore(QModelIndex())
    assert model.data(model.index(229, 2)) == "中"
    model.clear()
    assert model.rowCount() == 0
