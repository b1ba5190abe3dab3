"""Sort orders people expect: numbers by value (v1, v2, v10) and Chinese by pinyin.

Both come from Qt's ``QCollator`` (ICU, bundled with PySide6): numeric mode compares runs
of digits as numbers, and the zh_CN locale orders Han characters by their pinyin. The
interface language picks the locale, so an English desk sorts Latin names the English way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cmp_to_key
from typing import TypeVar

from PySide6.QtCore import QCollator, QLocale, Qt

T = TypeVar("T")


def collator(locale: QLocale | None = None) -> QCollator:
    """A numeric, case-insensitive collator for ``locale`` (default: the locale the interface uses)."""
    locale = locale if locale is not None else QLocale()
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)  # "C" has no ICU rules
    found = QCollator(locale)
    found.setNumericMode(True)
    found.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return found


def pinyin_collator() -> QCollator:
    """Chinese names in pinyin order, numbers by value (for tag names, which are mostly Chinese)."""
    return collator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def sorted_naturally(items: Iterable[T], key: Callable[[T], str], by: QCollator | None = None) -> list[T]:
    """``items`` sorted by ``key`` with ``by`` (default :func:`collator`): v1, v2, v10; 阿, 北, 重."""
    by = by or collator()
    return sorted(items, key=cmp_to_key(lambda a, b: by.compare(key(a), key(b))))
