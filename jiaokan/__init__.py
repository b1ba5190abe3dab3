"""Jiaokan 校勘: composition root (version, command line, bundled resources)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("jiaokan")
except PackageNotFoundError:  # running from a source tree or a frozen bundle
    __version__ = "0.1.0"
