"""Find bundled resources in a source tree, an installed checkout, or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def sample_pages() -> list[Path]:
    """The bundled sample dumps, in a stable order."""
    return sorted(resource_path("samples").glob("*.txt"))
