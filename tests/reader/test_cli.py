"""The reflow command line: ``python -m reader reflow`` and ``python -m jiaokan reflow``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import document_to_gold, read_dump, reflow_text
from tests.conftest import REPO, SAMPLES

PAGE_B1 = SAMPLES / "page_b1.txt"
PAGE_A1 = SAMPLES / "page_a1.txt"
ENTRIES = {"reader": [sys.executable, "-m", "reader"], "jiaokan": [sys.executable, "-m", "jiaokan"]}
ARTICLE_KEYS = ["kind", "kicker", "title", "subtitle", "byline", "continued_from", "paragraphs", "subheads"]
#: Fields beyond the gold shape, which the gold format ignores.
EXTRA_KEYS = ["confidence", "paragraph_confidences"]


def run(entry: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ENTRIES[entry], "reflow", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def expected_gold(path: Path) -> dict:
    decoded = read_dump(str(path))
    return document_to_gold(reflow_text(decoded.text, str(path), decoded.encoding))


def _check_keys(gold: dict) -> None:
    assert list(gold) == ["source", "layout", "furniture", "articles"]
    assert gold["articles"]
    for article in gold["articles"]:
        assert [k for k in article if k != "notes"] == ARTICLE_KEYS + EXTRA_KEYS
        assert 0.0 <= article["confidence"] <= 1.0
        assert len(article["paragraph_confidences"]) == len(article["paragraphs"])
        assert all(0.0 <= c <= 1.0 for c in article["paragraph_confidences"])


@pytest.mark.parametrize("entry", ENTRIES)
def test_json_for_one_file(entry: str) -> None:
    result = run(entry, PAGE_B1, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    gold = json.loads(result.stdout)
    assert isinstance(gold, dict)
    _check_keys(gold)
    assert gold["source"] == "page_b1.txt"
    assert gold["layout"] == "title-before"
    assert gold == expected_gold(PAGE_B1)
    # Printed as UTF-8 text, not \u escapes.
    assert "扫一扫阅读电子版" in result.stdout


@pytest.mark.parametrize("entry", ENTRIES)
def test_json_for_several_files_is_an_array(entry: str) -> None:
    result = run(entry, PAGE_B1, PAGE_A1, "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert isinstance(payload, list)
    assert [g["source"] for g in payload] == ["page_b1.txt", "page_a1.txt"]
    for gold in payload:
        _check_keys(gold)
    assert payload == [expected_gold(PAGE_B1), expected_gold(PAGE_A1)]


@pytest.mark.parametrize("entry", ENTRIES)
def test_bad_files_are_reported_and_the_good_one_still_printed(entry: str, tmp_path: Path) -> None:
    binary = tmp_path / "scan.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00")
    missing = tmp_path / "no-such-page.txt"
    result = run(entry, binary, PAGE_B1, missing, "--json")
    assert result.returncode != 0
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert str(binary) in errors[0] and "binary" in errors[0]
    assert str(missing) in errors[1] and "no such file" in errors[1]
    payload = json.loads(result.stdout)
    assert [g["source"] for g in payload] == ["page_b1.txt"]


@pytest.mark.parametrize("entry", ENTRIES)
def test_only_bad_files(entry: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(entry, empty, "--json")
    assert result.returncode != 0
    assert str(empty) in result.stderr and "empty" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("entry", ENTRIES)
def test_text_output_is_readable(entry: str) -> None:
    result = run(entry, PAGE_B1, "--text")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    gold = expected_gold(PAGE_B1)
    first = gold["articles"][0]
    assert out.startswith(f"# {PAGE_B1}")
    assert f"{len(gold['articles'])} articles" in out.splitlines()[0]
    assert "版面：" in out
    assert f"主题：{first['title']}" in out
    assert f"引题：{first['kicker']}" in out
    assert f"副题：{first['subtitle']}" in out
    assert f"署名：{first['byline']}" in out
    assert f"\u3000\u3000{first['paragraphs'][0]}\n" in out
    for subhead in first["subheads"]:
        assert f"【{subhead}】" in out
    for number, article in enumerate(gold["articles"], 1):
        assert f"── {number}. [{article['kind']}]" in out
    # Not JSON.
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_text_is_the_default() -> None:
    assert run("reader", PAGE_B1).stdout == run("reader", PAGE_B1, "--text").stdout


def test_json_and_text_exclude_each_other() -> None:
    result = run("reader", PAGE_B1, "--json", "--text")
    assert result.returncode == 2
    assert "not allowed with" in result.stderr


def test_a_file_is_required() -> None:
    result = run("jiaokan")
    assert result.returncode == 2
    assert "FILE" in result.stderr


def test_utf16_file_through_the_cli(tmp_path: Path) -> None:
    page = tmp_path / "page_utf16.txt"
    page.write_bytes("\ufeff".encode("utf-16-le") + PAGE_B1.read_text(encoding="utf-8").encode("utf-16-le"))
    result = run("reader", page, "--json")
    assert result.returncode == 0, result.stderr
    gold = json.loads(result.stdout)
    reference = expected_gold(PAGE_B1)
    assert gold["articles"] == reference["articles"]
    assert gold["source"] == "page_utf16.txt"
