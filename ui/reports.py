"""The Reports panel: tag frequencies, co-occurrence, proofreading progress and inter-coder agreement.

Each report (computed by :mod:`db.reports` off the GUI thread, over a read-only snapshot
of the project file) is shown as a table (:class:`ReportTableModel` in a QTableView)
and as a chart drawn with QPainter (:class:`BarChart`, :class:`Heatmap`: PySide6-Essentials
has no QtCharts). The table can be saved as CSV, the chart as PNG (rendered at a fixed
size, whatever the panel's size).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import show_error
from ui.report_charts import DEFAULT_BAR, BarChart, Heatmap, _Chart, _display
from ui.tasks import Task

Index = QModelIndex | QPersistentModelIndex

#: Report choices: (key, db.reports kind, options).
CHOICES = (
    ("frequencies_source", "frequencies", {"by": "source"}),
    ("frequencies_month", "frequencies", {"by": "month"}),
    ("cooccurrence", "cooccurrence", {}),
    ("progress", "progress", {}),
    ("agreement", "agreement", {}),
    ("engine", "engine", {}),
)

STATE_COLOURS = ("#c9ccd1", "#e3a33b", "#3f8f5b")  # unreviewed, in progress, proofread


# -- the table model ---------------------------------------------------------------------------------


class ReportTableModel(QAbstractTableModel):
    """A :class:`db.reports.Table` (title, columns, rows) as a read-only table model."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._columns: tuple[str, ...] = ()
        self._rows: list[tuple[Any, ...]] = []
        self._headers: dict[str, str] = {}

    def set_table(self, table: Any | None) -> None:
        self.beginResetModel()
        self._columns = tuple(table.columns) if table is not None else ()
        self._rows = [tuple(r) for r in table.rows] if table is not None else []
        self.endResetModel()

    def set_header_labels(self, labels: dict[str, str]) -> None:
        """Shown instead of the report's own (English) column names; other columns (tags, sources) stay."""
        self._headers = dict(labels)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._columns):
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if isinstance(value, int | float) or (isinstance(value, str) and value.endswith("%")):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._rows[index.row()][0] == "Σ":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            name = self._columns[section]
            return self._headers.get(name, name)
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @property
    def columns(self) -> tuple[str, ...]:
        return self._columns

    @property
    def rows(self) -> list[tuple[Any, ...]]:
        return self._rows


# -- the panel -------------------------------------------------------------------------------------


class ReportsPanel(QWidget):
    """Choose a report; see it as a table and a chart; save either."""

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPanel")
        self.window = window
        self.task: Task | None = None
        self.table: Any | None = None
        self._extra: Any = None
        self._tag_colours: dict[str, str] = {}

        self.kind = QComboBox(self)
        self.kind.setObjectName("reportKind")
        for key, _, _ in CHOICES:
            self.kind.addItem("", key)
        self.coder_label = QLabel(self)
        self.coder_a = QComboBox(self)
        self.coder_a.setObjectName("coderA")
        self.coder_b = QComboBox(self)
        self.coder_b.setObjectName("coderB")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshReport")
        self.csv_button = QPushButton(self)
        self.csv_button.setObjectName("saveReportCsv")
        self.png_button = QPushButton(self)
        self.png_button.setObjectName("saveReportPng")
        top = QHBoxLayout()
        top.addWidget(self.kind, 1)
        top.addWidget(self.coder_label)
        top.addWidget(self.coder_a)
        top.addWidget(self.coder_b)
        top.addStretch(0)
        top.addWidget(self.refresh_button)
        top.addWidget(self.csv_button)
        top.addWidget(self.png_button)

        self.model = ReportTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("reportTable")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.bars = BarChart(self)
        self.heatmap = Heatmap(self)
        self.charts = QStackedWidget(self)
        self.charts.addWidget(self.bars)
        self.charts.addWidget(self.heatmap)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("reportSplitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.charts)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)  # the chart never opens at zero width
        self.splitter.setHandleWidth(7)
        self.splitter.setStyleSheet("QSplitter#reportSplitter::handle { background: #d9d4c7; margin: 0 2px; }")
        self.charts.setMinimumWidth(220)
        self.view.setMinimumWidth(200)
        self.note = QLabel(self)
        self.note.setObjectName("reportNote")
        self.note.setWordWrap(True)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(800)
        self._debounce.timeout.connect(self.refresh)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.coder_a.currentIndexChanged.connect(lambda _i: self._coders_changed())
        self.coder_b.currentIndexChanged.connect(lambda _i: self._coders_changed())
        self.refresh_button.clicked.connect(self.refresh)
        self.csv_button.clicked.connect(self.choose_csv)
        self.png_button.clicked.connect(self.choose_png)
        self.retranslate_ui()
        self._update_controls()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.balance()

    def balance(self) -> None:
        """Table and chart share the width (the chart at least two fifths) until the user drags the divider."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if total > 0 and len(sizes) == 2 and sizes[1] < total * 0.3:
            self.splitter.setSizes([total * 55 // 100, total - total * 55 // 100])

    # -- translation ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        labels = {
            "frequencies_source": self.tr("Tag frequencies by source"),
            "frequencies_month": self.tr("Tag frequencies by month"),
            "cooccurrence": self.tr("Tag co-occurrence"),
            "progress": self.tr("Proofreading progress"),
            "agreement": self.tr("Inter-coder agreement (kappa)"),
            "engine": self.tr("Engine against the editors (proofread)"),
        }
        for i in range(self.kind.count()):
            self.kind.setItemText(i, labels[self.kind.itemData(i)])
        self.coder_label.setText(self.tr("Coders:"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.csv_button.setText(self.tr("Save Table as CSV…"))
        self.png_button.setText(self.tr("Save Chart as PNG…"))
        self.kind.setToolTip(self.tr("Which report to show"))
        self.model.set_header_labels({
            "tag": self.tr("tag"),
            "total": self.tr("total"),
            "source": self.tr("source"),
            "articles": self.tr("articles"),
            "unreviewed": self.tr("unreviewed"),
            "in_progress": self.tr("in progress"),
            "proofread": self.tr("proofread"),
            "proofread %": self.tr("proofread %"),
            "corrections": self.tr("corrections"),
            "passages": self.tr("passages"),
            "coder A": self.tr("coder A"),
            "coder B": self.tr("coder B"),
            "characters": self.tr("characters"),
            "both": self.tr("both"),
            "only A": self.tr("only A"),
            "only B": self.tr("only B"),
            "neither": self.tr("neither"),
            "agreement %": self.tr("agreement %"),
            "kappa": self.tr("kappa"),
            "proofread articles": self.tr("proofread articles"),
            "engine articles": self.tr("engine articles"),
            "editor paragraphs": self.tr("editor paragraphs"),
            "engine paragraphs": self.tr("engine paragraphs"),
        })
        if self.table is not None:
            self._show(self.table, self._extra)

    # -- computing --------------------------------------------------------------------------------
    def current(self) -> tuple[str, str, dict]:
        key = self.kind.currentData()
        return next(c for c in CHOICES if c[0] == key)

    def set_kind(self, key: str) -> None:
        index = self.kind.findData(key)
        if index >= 0:
            self.kind.setCurrentIndex(index)

    def _path(self) -> str | None:
        store = getattr(self.window, "store", None)
        return getattr(store, "path", None) if store is not None else None

    def _coders_changed(self) -> None:
        if self.current()[1] == "agreement":
            self.refresh()

    def schedule(self) -> None:
        """The project changed: refresh soon if the panel is shown."""
        if self.isVisible():
            self._debounce.start()

    def refresh(self) -> Task | None:
        path = self._path()
        self._update_controls()
        if path is None:
            self.table = None
            self.model.set_table(None)
            self.bars.set_data([], [])
            self.heatmap.set_data([], [])
            self.note.setText(self.tr("No project is open."))
            return None
        if self.task is not None and not self.task.done:
            self._debounce.start()
            return None
        _, kind, options = self.current()
        options = dict(options)
        coders = None
        if kind == "agreement" and self.coder_a.currentText() and self.coder_b.currentText():
            if self.coder_a.currentText() != self.coder_b.currentText():
                coders = [self.coder_a.currentText(), self.coder_b.currentText()]

        def work(progress, cancelled):
            from db import codebook, reports
            from db.readers import open_reader

            conn = open_reader(path)
            try:
                people = [r[0] for r in conn.execute(
                    "SELECT DISTINCT author FROM annotations WHERE coalesce(author, '') != '' ORDER BY author")]
                colours = {t.path: t.colour for t in codebook.all_tags(conn) if t.colour}
            finally:
                conn.close()
            if kind == "cooccurrence":
                tags, matrix = reports.cooccurrence_counts(path)
                return reports.cooccurrence_table(tags, matrix), people, colours, (tags, matrix)
            table = reports.report(path, kind, coders=coders, **options)
            return table, people, colours, None

        self.status.setText(self.tr("Computing…"))
        task = Task(work, self)
        self.task = task
        task.succeeded.connect(self._on_done)
        task.failed.connect(self._on_failed)
        task.start()
        return task

    def _on_done(self, result) -> None:
        table, people, colours, extra = result
        self._tag_colours = colours
        self._set_coders(people)
        self._show(table, extra)
        self.status.setText("")

    def _on_failed(self, exc: BaseException, details: str) -> None:
        self.status.setText(self.tr("The report could not be computed."))
        show_error(self, self.tr("Report Failed"), str(exc), details)

    def _set_coders(self, people: list[str]) -> None:
        for combo, pick in ((self.coder_a, 0), (self.coder_b, 1)):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(people)
            if current in people:
                combo.setCurrentIndex(people.index(current))
            elif len(people) > pick:
                combo.setCurrentIndex(pick)
            combo.blockSignals(False)

    def _update_controls(self) -> None:
        agreement = self.current()[1] == "agreement"
        for w in (self.coder_label, self.coder_a, self.coder_b):
            w.setVisible(agreement)
        has = self.table is not None
        self.csv_button.setEnabled(has)
        self.png_button.setEnabled(has)

    # -- showing ----------------------------------------------------------------------------------
    def notes(self) -> dict[str, str]:
        """How to read each report (the same words as db.reports, translated)."""
        return {
            "frequencies_source": self.tr("Tagged passages (orphaned ones included)."),
            "frequencies_month": self.tr(
                "Tagged passages (orphaned ones included). Month: the page's date from its file name or header, "
                "else the month it was imported (UTC)."),
            "cooccurrence": self.tr(
                "Pairs of passages in the same article that overlap or share a paragraph; the diagonal counts such "
                "pairs with the same tag. Orphaned passages are left out."),
            "progress": self.tr("Corrections: text corrections in effect (not reverted)."),
            "agreement": self.tr(
                "Per character of the articles both coders tagged (line breaks between paragraphs left out). "
                "Kappa is empty where it is undefined (both coders tagged all or none of the characters)."),
            "engine": self.tr(
                "Articles marked proofread, as the editors left them, against the engine's segmentation of the same "
                "text as imported: par_ws is paragraph F1 ignoring whitespace, art article F1, head and byline the "
                "share of headlines and credits reproduced (the measures of score.py). Both sides are read from the "
                "raw page, so corrected misprints do not count."),
        }

    def _show(self, table: Any, extra: Any = None) -> None:
        self.table = table
        self._extra = extra
        self.model.set_table(table)
        self.view.resizeColumnsToContents()
        self.note.setText(self.notes().get(self.current()[0], table.note))
        key, kind, _ = self.current()
        rows = [r for r in table.rows if r and r[0] != "Σ"]
        title = self.kind.currentText()
        if kind == "cooccurrence":
            tags = [r[0] for r in rows]
            matrix = [list(r[1:]) for r in rows]
            if extra is not None:
                tags, matrix = extra
            self.heatmap.set_data(tags, matrix, title)
            self.charts.setCurrentWidget(self.heatmap)
        elif kind == "frequencies":
            labels = [r[0] for r in rows]
            colours = [self._tag_colours.get(label, DEFAULT_BAR) for label in labels]
            self.bars.set_data(labels, [[float(r[-1]) for r in rows]], colours=[colours], title=title)
            self.charts.setCurrentWidget(self.bars)
        elif kind == "progress":
            labels = [r[0] for r in rows]
            series = [[float(r[k]) for r in rows] for k in (4, 3, 2)]  # proofread first, from the axis
            names = [self.tr("proofread"), self.tr("in progress"), self.tr("unreviewed")]
            self.bars.set_data(labels, series, names=names,
                               colours=[[STATE_COLOURS[2]], [STATE_COLOURS[1]], [STATE_COLOURS[0]]],
                               value_texts=[str(r[5]) for r in rows], title=title)
            self.charts.setCurrentWidget(self.bars)
        elif kind == "engine":  # paragraph agreement per source, article agreement in the label
            labels = [str(r[0]) for r in rows]
            values = [float(r[5]) if r[5] is not None else 0.0 for r in rows]
            texts = [f"par {_display(r[5])} · art {_display(r[6])}" for r in rows]
            self.bars.set_data(labels, [values], value_texts=texts, maximum=1.0, title=title)
            self.charts.setCurrentWidget(self.bars)
        else:  # agreement: kappa per tag
            pairs = len({(r[0], r[1]) for r in rows}) > 1
            labels = [f"{r[2]} ({r[0]} · {r[1]})" if pairs else str(r[2]) for r in rows]
            kappas = [r[-1] for r in rows]
            colours = [self._tag_colours.get(str(r[2]), DEFAULT_BAR) for r in rows]
            self.bars.set_data(labels, [[max(0.0, k) if k is not None else 0.0 for k in kappas]],
                               colours=[colours], value_texts=[_display(k) for k in kappas], maximum=1.0,
                               title=title)
            self.charts.setCurrentWidget(self.bars)
        self._update_controls()

    def chart(self) -> _Chart:
        return self.charts.currentWidget()  # type: ignore[return-value]

    # -- saving -----------------------------------------------------------------------------------
    def _default_name(self, suffix: str) -> str:
        path = self._path()
        stem = Path(path).stem if path else "report"
        return str(Path.home() / f"{stem}-{self.current()[0]}{suffix}")

    def choose_csv(self) -> None:
        if self.table is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Table as CSV"), self._default_name(".csv"),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.save_csv(path)

    def choose_png(self) -> None:
        if self.table is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Chart as PNG"), self._default_name(".png"),
                                              self.tr("PNG images (*.png)"))
        if path:
            self.save_png(path)

    def save_csv(self, path: str | Path) -> bool:
        """UTF-8 with a BOM, so spreadsheet programs read the Chinese text correctly."""
        if self.table is None:
            return False
        try:
            with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                self.table.write_csv(fh)
        except OSError as exc:
            show_error(self, self.tr("Cannot Save"), self.tr("The table could not be saved.") + f"\n\n{exc}")
            return False
        return True

    def save_png(self, path: str | Path) -> bool:
        if self.table is None:
            return False
        if not self.chart().save_png(path):
            show_error(self, self.tr("Cannot Save"), self.tr("The chart could not be saved as %1.").replace(
                "%1", str(path)))
            return False
        return True

    def shutdown(self) -> None:
        """The window is closing: wait for a report being computed (its thread must not outlive the panel)."""
        self._debounce.stop()
        if self.task is not None and not self.task.done:
            self.task.cancel()
            self.task.wait(30000)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(900, 360)
