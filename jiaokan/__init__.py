"""Jiaokan 校勘: composition root (version, command line, bundled resources)."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__``, looked up on first use: ``importlib.metadata`` costs tens of
    milliseconds, a third of the start-up budget of ``jiaokan reflow``."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("jiaokan")
    except PackageNotFoundError:  # running from a source tree or a frozen bundle
        found = "0.1.0"
    globals()["__version__"] = found
    return found
