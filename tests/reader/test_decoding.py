"""Bytes to text: every encoding a dump arrives in, and every way a file is refused."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from reader.decoding import Decoded, DecodeError, decode_bytes, read_dump

#: Invented text: a fictional town, fictional people, digits and punctuation of both widths.
TEXT = (
    "澜州市总工会召开推进会，部署在全市开展“和谐指数”测评。\n"
    "青禾县职工服务中心建成开放，面积约1600平方米。\n"
    "杨小禾今年 26 岁，从事快递分拣工作已有5年。\n"
)
#: Mostly Latin text (many NUL bytes when encoded as UTF-16).
LATIN = "Jiaokan reads page dumps.\nEach line is one printed column line.\nLanzhou 2025, page 7.\n"


def test_utf8_plain() -> None:
    decoded = decode_bytes(TEXT.encode("utf-8"))
    assert decoded == Decoded(TEXT, "utf-8", had_bom=False)


def test_utf8_with_bom_drops_the_bom() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert decoded.text == TEXT
    assert not decoded.text.startswith("\ufeff")
    assert decoded.encoding == "utf-8"
    assert decoded.had_bom


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_utf16_with_bom(bom: bytes, codec: str, expected: str) -> None:
    decoded = decode_bytes(bom + TEXT.encode(codec))
    assert decoded.text == TEXT
    assert decoded.encoding == expected
    assert decoded.had_bom


def test_utf16_via_python_codec_with_native_bom() -> None:
    decoded = decode_bytes(TEXT.encode("utf-16"))
    assert decoded.text == TEXT
    assert decoded.had_bom


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_latin_text(codec: str) -> None:
    decoded = decode_bytes(LATIN.encode(codec))
    assert decoded.text == LATIN
    assert decoded.encoding == codec
    assert not decoded.had_bom


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_gb_encoded_chinese(codec: str) -> None:
    decoded = decode_bytes(TEXT.encode(codec))
    assert decoded.text == TEXT
    assert decoded.encoding == "gb18030"
    assert not decoded.had_bom


def test_gb18030_outside_bmp() -> None:
    text = "青禾县出土的𠀋字碑拓片今日展出。\n"
    assert decode_bytes(text.encode("gb18030")).text == text


def test_utf8_outside_bmp_is_code_points() -> None:
    text = "澜州𠀋村\n"
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded.text == text
    assert len(decoded.text) == 5


def _random_high_bytes(seed: int, n: int = 200) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(n))


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(0x80, 0x100)),
        *(_random_high_bytes(seed) for seed in range(5)),
    ],
    ids=["every-high-byte", *(f"random-high-bytes-{seed}" for seed in range(5))],
)
def test_random_high_bytes_are_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, "noise.txt")
    err = info.value
    assert err.name == "noise.txt"
    assert "not valid UTF-8" in err.reason
    assert "GB18030" in err.reason
    assert str(err) == f"noise.txt: {err.reason}"


def test_utf8_bom_then_invalid_bytes_names_the_bom() -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(codecs.BOM_UTF8 + "澜州".encode() + b"\xff\xfe\xfd", "bad.txt")
    assert "byte order mark" in info.value.reason
    assert "utf-8" in info.value.reason


PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


@pytest.mark.parametrize(
    "data",
    [PNG_HEADER, PNG_HEADER + bytes(random.Random(7).randbytes(3001))],
    ids=["png-header", "png-header-and-noise"],
)
def test_binary_with_nul_bytes_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, "photo.png")
    assert info.value.name == "photo.png"
    assert "binary" in info.value.reason


def test_control_characters_are_refused_as_binary() -> None:
    data = bytes(range(1, 9)) * 50 + "澜州".encode()
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert "binary" in info.value.reason


def test_empty_is_refused() -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(b"", "empty.txt")
    assert "empty" in info.value.reason
    assert info.value.name == "empty.txt"


@pytest.mark.parametrize(
    "data",
    [b"   \n\t\r\n  ", codecs.BOM_UTF8 + b" \n", codecs.BOM_UTF16_LE + " \n\u3000\n".encode("utf-16-le")],
    ids=["ascii-blanks", "utf8-bom-blanks", "utf16-ideographic-space"],
)
def test_whitespace_only_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert "whitespace" in info.value.reason


def test_decode_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="empty"):
        decode_bytes(b"")


def test_read_dump_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    decoded = read_dump(str(path))
    assert decoded.text == TEXT
    assert decoded.encoding == "utf-16-le"


def test_read_dump_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-page.txt")
    with pytest.raises(DecodeError) as info:
        read_dump(missing)
    assert info.value.name == missing
    assert "no such file" in info.value.reason
    assert missing in str(info.value)


def test_read_dump_directory(tmp_path: Path) -> None:
    with pytest.raises(DecodeError) as info:
        read_dump(str(tmp_path))
    assert info.value.name == str(tmp_path)
    assert "folder" in info.value.reason


def test_read_dump_refusal_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"\n\n")
    with pytest.raises(DecodeError) as info:
        read_dump(str(path))
    assert info.value.name == str(path)
    assert "whitespace" in info.value.reason


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")],
)
def test_utf32_with_bom(bom: bytes, codec: str) -> None:
    decoded = decode_bytes(bom + TEXT.encode(codec))
    assert decoded.text == TEXT
    assert decoded.encoding == codec


def test_utf16_bom_then_odd_byte_count_names_the_bom() -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(codecs.BOM_UTF16_LE + "澜州".encode("utf-16-le") + b"\x00")
    assert "utf-16-le byte order mark" in info.value.reason


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        ((TEXT * 20).encode("utf-8")[:-2], len((TEXT * 20).encode("utf-8")) - 4),  # cut inside the last character
        ((TEXT * 20).encode("utf-8")[:100] + b"\x80" + (TEXT * 20).encode("utf-8")[100:], 100),
    ],
    ids=["truncated", "stray-byte"],
)
def test_damaged_utf8_is_refused_not_misread_as_gb18030(data: bytes, offset: int) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert f"at offset {offset}" in info.value.reason
