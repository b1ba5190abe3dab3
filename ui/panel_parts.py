"""What every panel of the desk builds the same way: named widgets, a column of a bar over a list, a debounce timer.

Object names are how tests, layouts and saved window state find a widget, so every widget
worth finding gets one at birth (:func:`named`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

Named = TypeVar("Named", bound=QObject)


def named(obj: Named, name: str) -> Named:
    """``obj`` with the object name ``name`` (``self.button = named(QPushButton(self), "noteAdd")``)."""
    obj.setObjectName(name)
    return obj


def bar_over_list(panel: QWidget, bar: QLayout, body: QWidget) -> QVBoxLayout:
    """The panel's layout: a bar of controls over its list, which takes the room left."""
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addLayout(bar)
    layout.addWidget(body, 1)
    return layout


def debounce(parent: QObject, msecs: int, slot: Callable[[], None]) -> QTimer:
    """A single-shot timer that runs ``slot`` once typing or clicking has paused for ``msecs``."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msecs)
    timer.timeout.connect(slot)
    return timer


class RetranslatedOnLanguageChange:
    """For a widget with ``retranslate_ui()``: its texts follow the interface language when it changes."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
