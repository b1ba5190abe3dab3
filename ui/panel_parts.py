"""What every panel of the desk builds the same way: named widgets, a column of a bar over a list, a debounce timer,
texts set from a table.

Object names are how tests, layouts and saved window state find a widget, so every widget
worth finding gets one at birth (:func:`named`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

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


class Labelled(Protocol):
    """A button, label or action: it has a text and a tooltip."""

    def setText(self, text: str) -> None: ...  # noqa: N802 (Qt's name)

    def setToolTip(self, tip: str) -> None: ...  # noqa: N802 (Qt's name)


def set_texts(*rows: tuple[Labelled, str, str | None]) -> None:
    """Set each ``(widget or action, text, tooltip)`` row's text, and its tooltip unless None.

    A ``retranslate_ui`` reads as a table: one row a control, its words side by side.
    """
    for item, text, tip in rows:
        item.setText(text)
        if tip is not None:
            item.setToolTip(tip)


class RetranslatedOnLanguageChange:
    """For a widget with ``retranslate_ui()``: its texts follow the interface language when it changes."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
