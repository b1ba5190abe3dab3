"""How the reading desk shows text: the script (original, simplified, traditional), the font size, the status line.

Mixed into :class:`ui.mainwindow.MainWindow`, kept apart by job; texts stay in the
"MainWindow" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui import settings as S
from ui.script import FONT_REGION, Script, ScriptConverter


class WindowDisplay:
    """Script, zoom and the status line; the host is the main window."""

    def set_script(self, script: Script) -> None:
        self.script_actions[script].setChecked(True)
        index = list(Script).index(script)
        if self.script_combo.currentIndex() != index:
            self.script_combo.blockSignals(True)
            self.script_combo.setCurrentIndex(index)
            self.script_combo.blockSignals(False)
        if script == self.converter.script:
            return
        self.settings.set(S.SCRIPT, script.value)
        selection = self.article_view.selected_range()
        raw_linked = self.raw_view.linked_ranges()
        value = self.article_view.verticalScrollBar().value()
        self.converter = ScriptConverter(script)
        self._apply_font_size()
        self.library_model.set_display(self.converter.convert)
        self.search_panel.model.set_display(self.converter.convert)
        if self.article is not None:
            self._show_raw(self.article.source_id)
            self._render_article()
            self.raw_view.set_linked(raw_linked)
            if selection[0] != selection[1]:
                self.article_view.select_range(*selection)
            self.article_view.verticalScrollBar().setValue(value)

    def zoom(self, step: int) -> None:
        size = S.FONT_SIZE.default if step == 0 else self.font_size + step
        self.font_size = max(S.MIN_FONT_SIZE, min(S.MAX_FONT_SIZE, size))
        self.settings.set(S.FONT_SIZE, self.font_size)
        self._apply_font_size()

    def _apply_font_size(self) -> None:
        region = FONT_REGION[self.converter.script]
        self.article_view.set_font_size(self.font_size, region)
        self.raw_view.set_font_size(max(S.MIN_FONT_SIZE, self.font_size - 2), region)
        if hasattr(self, "layouts"):
            self.layouts.update_minimum()

    def _update_status(self) -> None:
        if self.article is None or self.store is None:
            self.position_label.setText("")
            self.raw_label.setText("")
            return
        source = self.store.source_name(self.article.source_id)
        index = self.library.currentIndex()
        total = self.library_model.article_total(index.parent()) if index.isValid() else 0
        pos = QCoreApplication.translate("MainWindow", "%1 · article %2 of %3").replace("%1", source)
        pos = pos.replace("%2", str(index.row() + 1 if index.isValid() else "?")).replace("%3", str(total or "?"))
        self.position_label.setText(pos)
        start, end = self.article_view.selected_range()
        if start != end:
            ranges = self.article.offsets.raw_ranges(start, end)
            if ranges:
                text = (
                    QCoreApplication.translate("MainWindow", "raw %1–%2")
                    .replace("%1", str(ranges[0][0]))
                    .replace("%2", str(ranges[-1][1]))
                )
                self.raw_label.setText(text)
                return
        self.raw_label.setText(QCoreApplication.translate("MainWindow", "%n characters", None, len(self.article.text)))
