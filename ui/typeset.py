"""Typesetting an article for reading, and the fonts of the two text views.

The article document holds exactly one QTextBlock per article block, in order, with
the block's (display) text and nothing else. So a document position is the UTF-16
position in ``"\\n".join(block texts)`` - the article text - and converting it to an
article offset only needs :class:`ui.utf16.Utf16Map`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

READING_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Songti SC",
    "STSong",
    "SimSun",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
)
HEADLINE_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "Noto Serif CJK SC",
    "WenQuanYi Micro Hei",
)
UI_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
)
RAW_FAMILIES = (
    "Noto Sans Mono CJK SC",
    "Sarasa Mono SC",
    "Source Han Mono SC",
    "Noto Sans CJK SC",
    "Microsoft YaHei Mono",
    "WenQuanYi Zen Hei Mono",
    "DejaVu Sans Mono",
)
#: Extra families Qt may fall back to for rare characters (beyond the BMP).
EXTENSION_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC", "HanaMinA", "HanaMinB", "SimSun-ExtB", "BabelStone Han")

LINE_HEIGHT_EM = 1.75  # body text: baseline to baseline, in em
MEASURE_EM = 36  # longest reading line, in CJK characters

MUTED = QColor("#6b6257")
ACCENT = QColor("#8a2b1b")


#: Glyph standard of each region: Traditional text set in an SC font shows mainland glyph
#: shapes, so Taiwan and Hong Kong display use the TC and HK cuts of the same family.
REGION_FALLBACKS = {"SC": ("SC",), "TC": ("TC", "SC"), "HK": ("HK", "TC", "SC")}


def regional(preferred: Sequence[str], region: str = "SC") -> list[str]:
    """``preferred`` with each "… SC" family preceded by its cut for ``region``."""
    out: list[str] = []
    for family in preferred:
        if family.endswith(" SC"):
            for cut in REGION_FALLBACKS.get(region, ("SC",)):
                name = family[:-2] + cut
                if name not in out:
                    out.append(name)
        elif family not in out:
            out.append(family)
    return out


@cache
def _installed() -> frozenset[str]:
    return frozenset(QFontDatabase.families())


def pick_families(preferred: Sequence[str], region: str = "SC") -> list[str]:
    """The preferred families that are installed (first one wins), then the others as fallbacks."""
    installed = _installed()
    chosen = [f for f in regional(preferred, region) if f in installed]
    chosen += [f for f in EXTENSION_FAMILIES if f in installed and f not in chosen]
    return chosen


def make_font(preferred: Sequence[str], size_pt: float, *, fixed: bool = False, region: str = "SC") -> QFont:
    font = QFont()
    families = pick_families(preferred, region)
    if families:
        font.setFamilies(families)
    if fixed:
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        if not families:
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(size_pt)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@dataclass(frozen=True, slots=True)
class RoleStyle:
    scale: float = 1.0
    bold: bool = False
    italic: bool = False
    color: QColor | None = None
    indent_em: float = 0.0
    space_before_em: float = 0.0
    space_after_em: float = 0.35
    headline_font: bool = False
    line_height_em: float = LINE_HEIGHT_EM
    justify: bool = False  # body text fills the measure, as printed


ROLE_STYLES: dict[str, RoleStyle] = {
    "jump": RoleStyle(0.85, color=MUTED, space_after_em=0.6),
    "kicker": RoleStyle(1.05, color=MUTED, space_after_em=0.35, headline_font=True, line_height_em=1.45),
    "title": RoleStyle(1.75, bold=True, space_after_em=0.3, headline_font=True, line_height_em=1.35),
    "subtitle": RoleStyle(1.15, color=MUTED, space_after_em=0.3, headline_font=True, line_height_em=1.45),
    "byline": RoleStyle(0.9, color=MUTED, space_before_em=0.3, space_after_em=1.0),
    "paragraph": RoleStyle(1.0, indent_em=2.0, justify=True),
    "subhead": RoleStyle(1.05, bold=True, space_before_em=0.7, space_after_em=0.3, headline_font=True),
    "caption": RoleStyle(0.9, italic=True, color=MUTED, space_after_em=0.5, justify=True),
}

ROLE_PROPERTY = QTextFormat.Property.UserProperty + 1


def build_article_document(
    document: QTextDocument, blocks: Sequence[tuple[str, str]], size_pt: float, region: str = "SC"
) -> None:
    """Fill ``document`` with ``blocks`` (role, display text), one QTextBlock each."""
    body = make_font(READING_FAMILIES, size_pt, region=region)
    head_families = pick_families(HEADLINE_FAMILIES, region)
    document.clear()
    document.setDefaultFont(body)
    document.setUndoRedoEnabled(False)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for index, (role, text) in enumerate(blocks):
        style = ROLE_STYLES.get(role, ROLE_STYLES["paragraph"])
        font = QFont(body)
        if style.headline_font and head_families:
            font.setFamilies(head_families)
        font.setPointSizeF(size_pt * style.scale)
        font.setBold(style.bold)
        font.setItalic(style.italic)
        em = QFontMetricsF(font).horizontalAdvance("\u56fd")
        block_format = QTextBlockFormat()
        block_format.setLineHeight(style.line_height_em * em, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        block_format.setTextIndent(style.indent_em * em)
        block_format.setTopMargin(style.space_before_em * em)
        block_format.setBottomMargin(style.space_after_em * em)
        block_format.setProperty(ROLE_PROPERTY, role)
        if style.justify:
            block_format.setAlignment(Qt.AlignmentFlag.AlignJustify)
        char_format = QTextCharFormat()
        char_format.setFont(font)
        if style.color is not None:
            char_format.setForeground(style.color)
        if index == 0:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        cursor.insertText(text, char_format)
    cursor.endEditBlock()
