"""Shapes of the non-body lines Chinese newspapers print.

These are conventions of the trade (how a dateline, a byline, a jump line or a
running header is written), not strings taken from any particular page.
"""

from __future__ import annotations

import re

_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003ffff]"
_SP = r"\s*"
#: Between two names of a credit there is always a space; running text has none.
_SP1 = r"\s+"
_OPEN = r"[（(]"
_CLOSE = r"[）)]"
_NAME = rf"{_HAN}{{2,4}}"
#: Credit roles as printed before a name.
_ROLE = (
    r"(?:本报|本刊|新华社|中新社|人民日报|光明日报|经济日报|工人日报)?(?:特约|首席|资深|实习)?"
    r"(?:记者|通讯员|实习生|评论员|撰稿人|摄影记者|摄影|编辑|作者|特约评论员)"
)
_DATE = rf"\d{{1,2}}{_SP}月{_SP}\d{{1,2}}{_SP}日"
_NEWS_AGENCY = rf"(?:本报|新华社|中新社|{_HAN}{{2,5}}(?:社|网|台|报))"

#: "本报讯（记者…）", "本报澜州3月2日电（记者…）", "新华社澜州3月2日电" opening a paragraph.
INLINE_DATELINE = re.compile(
    rf"^(?:{_HAN}{{0,6}}讯{_SP}{_OPEN}|{_NEWS_AGENCY}{_HAN}{{0,8}}{_SP}(?:{_DATE}{_SP})?电{_SP}(?:{_OPEN}|\S))"
)

#: A standalone byline: role + name(s), possibly several, possibly ending in 摄 or 文/图.
_CREDIT_UNIT = rf"{_ROLE}{_SP}{_NAME}(?:{_SP1}{_NAME})*"
BYLINE = re.compile(rf"^{_CREDIT_UNIT}(?:{_SP1}{_CREDIT_UNIT})*(?:{_SP}(?:摄|文/图|图/文|报道|整理))?$")
#: A photo credit ends in 摄 ("本报记者 某某 摄", "某某 摄", "某某摄", "本报记者 甲 乙 摄").
PHOTO_CREDIT = re.compile(rf"^(?:{_CREDIT_UNIT}|{_NAME})(?:{_SP1}(?:{_CREDIT_UNIT}|{_NAME}))*{_SP}摄$")
#: Where a credit begins inside a longer line (after a title or a caption's last words).
EMBEDDED_CREDIT = re.compile(rf"\s+(?={_ROLE}{_SP}{_NAME})")

#: "（张燕）", "（新华社澜州3月2日电）", "（记者 某某）" at the foot of a story.
TRAILING_CREDIT = re.compile(
    rf"^{_OPEN}{_SP}(?:{_NAME}(?:{_SP1}{_NAME}){{0,3}}|{_ROLE}{_SP}{_NAME}(?:{_SP1}{_NAME}){{0,3}}"
    rf"|{_NEWS_AGENCY}{_HAN}{{0,8}}{_SP}(?:{_DATE}{_SP})?电|{_HAN}{{1,8}}{_SP}(?:{_DATE}{_SP})?电)"
    rf"{_SP}{_CLOSE}$"
)

#: "（上接第1版）" opens a continued story; "（下转第2版）" / "（转第2版）" closes one.
JUMP_FROM = re.compile(rf"^{_OPEN}{_SP}上接{_SP}第?{_SP}[\d一二三四五六七八九十]+{_SP}版{_SP}{_CLOSE}$")
JUMP_TO = re.compile(rf"^{_OPEN}{_SP}下?转{_SP}第?{_SP}[\d一二三四五六七八九十]+{_SP}版{_SP}{_CLOSE}$")

_WEEKDAY = r"(?:星期|周|礼拜)[一二三四五六日天]"
_FULL_DATE = rf"\d{{4}}{_SP}年{_SP}\d{{1,2}}{_SP}月{_SP}\d{{1,2}}{_SP}日"
#: A running header or footer: a date with its weekday, or a page number label.
RUNNING_HEADER = re.compile(rf"(?:{_FULL_DATE}{_SP}{_WEEKDAY}|{_WEEKDAY}{_SP}{_FULL_DATE})|^第{_SP}\d+{_SP}版")
#: QR-code prompts and similar page furniture.
QR_PROMPT = re.compile(
    r"^(?:扫一扫|(?:扫码|扫描(?:上方|下方|左侧|右侧|左边|右边)?二维码|长按(?:识别)?二维码|微信扫一扫)"
    r"(?:即可)?(?:阅读|关注|查看|观看|收看|收听|下载|了解|进入|获取|参与|看|听))"
)
#: A bare page number or a column label such as "社论" standing alone.
STRAY_NUMBER = re.compile(r"^[\dA-Za-z]{1,3}$")

#: "《某刊》2025年第10期要目", "本期目录".
TOC_HEAD = re.compile(r"(?:要目|目录|本期导读)$")
TOC_ITEM = re.compile(r"^(?:[-–—•·●■◆]\s*|\d{1,2}[.、]\s*)|……\s*\S{1,8}$|\.{4,}\s*\S{1,8}$")

#: Labels that mark an editorial.
EDITORIAL_LABEL = re.compile(r"社论|评论员文章|本报评论员|短评|时评")


def opens_with_dateline(text: str) -> bool:
    """An inline dateline opens the line (cheap character test first)."""
    head = text[:40]
    return ("讯" in head or "电" in head) and INLINE_DATELINE.match(text) is not None


def normalise_spaces(text: str) -> str:
    """Collapse runs of blanks for matching (matching only: output keeps the raw)."""
    return re.sub(r"\s+", " ", text).strip()


#: Every furniture line longer than three characters that does not open with 第 holds one of
#: these (the cheap tests of :func:`is_furniture`; keep them in step with it).
FURNITURE_HINTS = ("转", "扫", "长按", "年")


def is_furniture(text: str) -> bool:
    if len(text) <= 3 and STRAY_NUMBER.match(text):
        return True
    if "转" in text and JUMP_TO.match(text):
        return True
    if ("扫" in text or "长按" in text) and QR_PROMPT.match(text):
        return True
    # Cheap tests first: a dated header holds 年 and a weekday word; a page label opens with 第.
    dated = "年" in text and ("星期" in text or "周" in text or "礼拜" in text)
    return (dated or (text[:1] == "第" and "版" in text)) and bool(RUNNING_HEADER.search(text))


#: Characters one of which every credit line contains (a cheap test before the regexes).
CREDIT_HINTS = re.compile("记者|通讯员|摄|实习生|评论员|撰稿|编辑|作者|电")


def may_be_credit(text: str) -> bool:
    return (len(text) <= 12 and text[:1] in "（(") or CREDIT_HINTS.search(text) is not None


#: One character of every hint above, the one rarest in running text (者 for 记者 and 作者, 讯
#: for 通讯员, 习 for 实习生…): a line holding none of them holds no hint, and few lines hold one.
HINT_KEY_CHARS = "转扫按年者讯摄习评稿辑电"
#: An inline dateline holds one of these (see opens_with_dateline).
DATELINE_CHARS = "讯电"


class EndPattern:
    """A pattern that matches only at the end of a text, within its last ``span`` characters.

    ``re`` tries a pattern ending in ``$`` at every position from the start; this one's
    ``search`` starts where a match can first begin (a line has tens of characters).
    """

    __slots__ = ("pattern", "span")

    def __init__(self, pattern: str, span: int) -> None:
        self.pattern = re.compile(pattern)
        self.span = span

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text, len(text) - self.span)
