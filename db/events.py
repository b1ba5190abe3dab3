"""Change notifications: the store tells listeners what changed, after it is committed.

The store is Qt-free; the UI registers one listener that re-emits each
:class:`ChangeEvent` as a Qt signal, and every view reads the flags and ids it
cares about (Anki's ``OpChanges`` and calibre's event enum work the same way).
Events are published only once the transaction that made the change has
committed, so a listener never sees a change that is later rolled back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Flag, auto

log = logging.getLogger(__name__)


class Change(Flag):
    NONE = 0
    SOURCES = auto()  # sources imported / new versions
    ARTICLES = auto()  # articles created, deleted, split, merged, reordered
    TEXT = auto()  # article text or blocks changed
    ANNOTATIONS = auto()
    TAGS = auto()  # the codebook
    NOTES = auto()  # article notes
    REVIEW = auto()  # review states
    HISTORY = auto()  # an edit history entry was appended
    DOUBTS = auto()  # an engine doubt was checked ("looks right") or opened again


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """What one committed transaction changed. Empty id sets mean "unknown/any"."""

    changes: Change
    source_ids: frozenset[int] = frozenset()
    article_ids: frozenset[int] = frozenset()
    annotation_ids: frozenset[int] = frozenset()
    tag_ids: frozenset[int] = frozenset()
    edit_ids: frozenset[int] = frozenset()

    def merged(self, other: ChangeEvent) -> ChangeEvent:
        return ChangeEvent(
            self.changes | other.changes,
            self.source_ids | other.source_ids,
            self.article_ids | other.article_ids,
            self.annotation_ids | other.annotation_ids,
            self.tag_ids | other.tag_ids,
            self.edit_ids | other.edit_ids,
        )


def event(
    changes: Change,
    *,
    sources: Iterable[int] = (),
    articles: Iterable[int] = (),
    annotations: Iterable[int] = (),
    tags: Iterable[int] = (),
    edits: Iterable[int] = (),
) -> ChangeEvent:
    """Shorthand constructor taking any iterables of ids."""
    return ChangeEvent(
        changes,
        frozenset(sources),
        frozenset(articles),
        frozenset(annotations),
        frozenset(tags),
        frozenset(edits),
    )


Listener = Callable[[ChangeEvent], None]


class ChangeNotifier:
    """A list of listeners. A failing listener is logged and does not stop the others."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Register ``listener``; returns a function that unregisters it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, change: ChangeEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(change)
            except Exception:  # a broken view must not break the store
                log.exception("change listener %r failed", listener)
