"""How the desk's lists and tables are set up: one place for the settings they share.

Every list of the desk (library, codebook, search hits, annotations, coded passages, edit
history) selects whole rows, one at a time unless told otherwise, is not edited in place
unless told otherwise, and keeps each row on one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

#: an index a model is given (Qt passes both kinds)
Index = QModelIndex | QPersistentModelIndex

Item = TypeVar("Item")
View = TypeVar("View", QTableView, QTreeView)

Selection = QAbstractItemView.SelectionMode
Edit = QAbstractItemView.EditTrigger


def list_view(
    view: View,
    name: str,
    model: QAbstractItemModel,
    *,
    selection: Selection = Selection.SingleSelection,
    edit: Edit = Edit.NoEditTriggers,
    alternating: bool = True,
) -> View:
    """``view`` named ``name`` showing ``model``: whole rows, one line each (a tree's rows of one height)."""
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(edit)
    view.setWordWrap(False)
    view.setAlternatingRowColors(alternating)
    if isinstance(view, QTreeView):
        view.setUniformRowHeights(True)
    return view


def header_label(section: int, orientation: Qt.Orientation, role: int, context: str, labels: Sequence[str]):
    """A model's ``headerData``: column ``section``'s label translated in ``context``; none for rows."""
    if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
        return None
    return QCoreApplication.translate(context, labels[section]) if 0 <= section < len(labels) else None


def row_item(index: Index, rows: Sequence[Item]) -> Item | None:
    """The item in ``rows`` that a valid ``index`` names by its row, else None (a model's ``data``)."""
    return rows[index.row()] if index.isValid() and 0 <= index.row() < len(rows) else None


class ItemsTableModel(QAbstractTableModel):
    """A table over a list of items, one a row, ``COLUMNS`` wide; :meth:`cell` says what a cell shows."""

    COLUMNS = 1

    def items(self) -> Sequence:
        raise NotImplementedError

    def cell(self, item, column: int, role: int):
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        item = row_item(index, self.items())
        return None if item is None else self.cell(item, index.column(), role)


def compact_rows(table: QTableView, fixed: bool = False) -> None:
    """No row numbers, rows a line of text high (``fixed``: no per-row size hints, for long lists)."""
    rows = table.verticalHeader()
    rows.hide()
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    if fixed:
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
