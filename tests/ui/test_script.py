from __future__ import annotations

import pytest

from ui.script import Script, ScriptConverter

SAMPLE = "青禾县总工会在规上企业推行“车间议事角”工作法，里面的头发干了。\U0002000b字 2025年"


@pytest.mark.parametrize("script", list(Script))
def test_length_is_preserved(script):
    conv = ScriptConverter(script)
    out = conv.convert(SAMPLE)
    assert len(out) == len(SAMPLE)
    assert conv.convert_lines(SAMPLE + "\n" + SAMPLE) == out + "\n" + out


def test_traditional_forms():
    assert ScriptConverter(Script.TAIWAN).convert("议事角") == "議事角"
    assert ScriptConverter(Script.HONG_KONG).convert("里面") == "裏面"
    assert ScriptConverter(Script.TAIWAN).convert("里面") == "裡面"
    assert ScriptConverter(Script.SIMPLIFIED).convert("議事角") == "议事角"
    assert ScriptConverter(Script.ORIGINAL).convert("議事角") == "議事角"


def test_length_changing_phrases_fall_back_to_characters():
    class Stretching:
        def convert(self, text):  # a phrase table that changes lengths
            return text.replace("鼠标", "滑鼠標").replace("标", "標")

    conv = ScriptConverter(Script.TAIWAN)
    conv._cc = Stretching()
    out = conv.convert("鼠标和键盘")
    assert len(out) == 5
    assert out == "鼠標和键盘"
