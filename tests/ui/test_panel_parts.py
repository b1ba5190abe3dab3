"""What every panel builds the same way (ui/panel_parts.py)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget

from ui.panel_parts import set_texts


def test_set_texts_sets_each_rows_text_and_only_the_tooltips_it_is_given(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    button, action = QPushButton(parent), QAction(parent)
    button.setToolTip("kept")
    set_texts((button, "Remove", None), (action, "New", "New tag at the top level"))
    assert (button.text(), button.toolTip()) == ("Remove", "kept")
    assert (action.text(), action.toolTip()) == ("New", "New tag at the top level")
