"""Texts of Qt's own dialogs that Qt's Chinese translation (qtbase_zh_CN.qm) leaves in English.

Declared here so lupdate keeps them in our .ts files; our translator answers for Qt's context
("QFileDialog") when Qt's own translator has nothing (Qt asks the translators in turn).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
