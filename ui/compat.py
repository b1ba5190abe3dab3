"""Work-arounds for defects of particular Qt for Python releases.

PySide6 6.12.0 (abi3 wheels) returns ``None`` from every void method without taking
a reference: harmless on Python 3.12+, where ``None`` is immortal, but on 3.11 each
call lowers ``None``'s reference count by one, and after a few thousand calls the
interpreter aborts with "Fatal Python error: none_dealloc". :func:`guard_none_refcount`
detects the leak with a probe and, only then, gives ``None`` a reference count that
no session can exhaust. The same release drops a reference to ``True`` on every
``signal.emit()`` from Python ("bool_dealloc" at exit); the guard covers ``True`` and
``False`` the same way when a probe shows it. The real fix is to avoid that release.
"""

from __future__ import annotations

import ctypes
import sys

_guarded = False
_HEADROOM = 1 << 48


def none_leaks_per_call() -> float:
    """How many references to None one void Qt call drops (0 on a sound build)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    rounds = 256
    before = sys.getrefcount(None)
    for _ in range(rounds):
        probe.setObjectName("probe")
    after = sys.getrefcount(None)
    return max(0.0, (before - after) / rounds)


def bool_leaks_per_emit() -> float:
    """How many references to True one ``signal.emit()`` from Python drops (0 on a sound build)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    rounds = 256
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.ping.emit()
    after = sys.getrefcount(True)
    return max(0.0, (before - after) / rounds)


def guard_none_refcount() -> bool:
    """Protect ``None`` (and ``True``/``False``) from the PySide6 6.12 reference leaks; True when needed."""
    global _guarded
    if _guarded:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    leaks_none = none_leaks_per_call() >= 0.5
    leaks_bool = bool_leaks_per_emit() >= 0.5
    if not (leaks_none or leaks_bool):
        return False
    # ob_refcnt is the first field of every object in a release build of CPython 3.11.
    for obj in ([None] if leaks_none else []) + ([True, False] if leaks_bool else []):
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
    _guarded = True
    return True
