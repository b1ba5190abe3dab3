"""Display-only script conversion (Simplified / Traditional) that never moves an offset.

Stored text is never converted. Selections and highlights are computed on stored
offsets, so a displayed string must have exactly as many code points as the stored
one, character for character. Each string is converted whole (phrase dictionaries
give better results); if the result's length differs, it is converted one character
at a time instead, and a character whose conversion is not one code point is kept.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP


class Script(StrEnum):
    ORIGINAL = "original"
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    TAIWAN = "traditional-tw"
    HONG_KONG = "traditional-hk"


#: OpenCC configuration of each display script (None: show the stored text as is).
OPENCC_CONFIG: dict[Script, str | None] = {
    Script.ORIGINAL: None,
    Script.SIMPLIFIED: "t2s",
    Script.TRADITIONAL: "s2t",
    Script.TAIWAN: "s2tw",
    Script.HONG_KONG: "s2hk",
}

#: Glyph standard of the fonts used to show each script (see ui.typeset.REGION_FALLBACKS).
FONT_REGION: dict[Script, str] = {
    Script.ORIGINAL: "SC",
    Script.SIMPLIFIED: "SC",
    Script.TRADITIONAL: "TC",
    Script.TAIWAN: "TC",
    Script.HONG_KONG: "HK",
}

#: Menu labels, translated where shown (context "Script").
SCRIPT_LABELS: dict[Script, str] = {
    Script.ORIGINAL: QT_TRANSLATE_NOOP("Script", "As stored"),
    Script.SIMPLIFIED: QT_TRANSLATE_NOOP("Script", "Simplified"),
    Script.TRADITIONAL: QT_TRANSLATE_NOOP("Script", "Traditional"),
    Script.TAIWAN: QT_TRANSLATE_NOOP("Script", "Traditional (Taiwan)"),
    Script.HONG_KONG: QT_TRANSLATE_NOOP("Script", "Traditional (Hong Kong)"),
}


@cache
def _opencc(config: str):
    import opencc  # imported on first use: loading dictionaries costs ~0.1 s each

    return opencc.OpenCC(config)


class ScriptConverter:
    """Converts display strings for one script, keeping their length in code points."""

    def __init__(self, script: Script | str = Script.ORIGINAL) -> None:
        self.script = Script(script)
        config = OPENCC_CONFIG[self.script]
        self._cc = _opencc(config) if config else None
        self._chars: dict[str, str] = {}

    @property
    def identity(self) -> bool:
        return self._cc is None

    def char(self, ch: str) -> str:
        out = self._chars.get(ch)
        if out is None:
            converted = self._cc.convert(ch) if self._cc is not None else ch
            out = converted if len(converted) == 1 else ch
            self._chars[ch] = out
        return out

    def convert(self, text: str) -> str:
        """``text`` in this script, with ``len(result) == len(text)``."""
        if self._cc is None or not text or text.isascii():
            return text
        whole = self._cc.convert(text)
        if len(whole) == len(text):
            return whole
        return "".join(self.char(ch) for ch in text)

    def convert_lines(self, text: str) -> str:
        """Convert a long text line by line, so a length change falls back only on its line."""
        if self._cc is None or text.isascii():
            return text
        return "".join(self.convert(line) for line in text.splitlines(keepends=True))
