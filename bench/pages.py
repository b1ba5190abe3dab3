"""Varied invented newspaper page dumps for the benchmarks, deterministic by seed.

Every page differs: its text is assembled from a generated vocabulary (words of
one to four characters drawn from the CJK block with a seeded RNG, used with
Zipf-like frequencies so that some characters are everywhere and most are rare,
as in real text), and its typesetting varies page by page: the extractor style
(one column line per line, or one paragraph per line), the measure (10-28
characters a column line), blank lines (none, after every line, between
paragraphs), the headline's position (before or after its article), kicker and
subtitle present or not, spaces sprinkled around digits, the number of
articles (2-9) and their length. Nothing is copied from any real page.

Use ``write_pages(folder, count, seed)`` for dumps on disk, ``page_text(i, seed)`` for one
page, and ``article_texts(count, seed)`` (or ``invented_articles``, their parts) for distinct
articles without the page dress.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Punctuation at the end of a clause and of a sentence.
CLAUSE_END = "，，，、；："
SENTENCE_END = "。。。。！？"
SECTIONS_COUNT = 12


@dataclass(frozen=True)
class Vocabulary:
    """Generated words with cumulative Zipf weights; the same seed gives the same words."""

    words: tuple[str, ...]
    weights: tuple[float, ...]  # cumulative, for random.choices(cum_weights=…)
    names: tuple[str, ...]  # person names for bylines
    sections: tuple[str, ...]  # section names for page headers

    def sentence(self, rng: random.Random, length: int) -> str:
        parts: list[str] = []
        size = 0
        while size < length:
            clause = "".join(rng.choices(self.words, cum_weights=self.weights, k=rng.randint(3, 9)))
            if rng.random() < 0.12:  # numbers, as dumps have them: dates, counts, percentages
                clause += f"{rng.randint(2, 2025)}{rng.choice(['年', '个', '人', '%', '万元', '家'])}"
            parts.append(clause)
            size += len(clause) + 1
            parts.append(rng.choice(CLAUSE_END))
        parts[-1] = rng.choice(SENTENCE_END)
        return "".join(parts)


@lru_cache(maxsize=4)
def vocabulary(seed: int = 0, size: int = 6000) -> Vocabulary:
    rng = random.Random(f"vocabulary-{seed}")
    alphabet = [chr(cp) for cp in rng.sample(range(0x4E00, 0x9FA6), 3500)]
    # characters themselves are Zipf-distributed, so words share common characters
    char_weights = [1 / (rank + 5) ** 0.9 for rank in range(len(alphabet))]
    cum = []
    total = 0.0
    for w in char_weights:
        total += w
        cum.append(total)
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < size:
        n = rng.choices((1, 2, 2, 2, 3, 4))[0]
        word = "".join(rng.choices(alphabet, cum_weights=cum, k=n))
        if word not in seen:
            seen.add(word)
            words.append(word)
    word_cum = []
    total = 0.0
    for rank in range(len(words)):
        total += 1 / (rank + 8)  # Zipf-Mandelbrot: no single word dominates
        word_cum.append(total)
    names = tuple("".join(rng.choices(alphabet[:400], k=rng.choice((2, 3)))) for _ in range(300))
    sections = tuple("".join(rng.choices(alphabet[:200], k=2)) + "新闻" for _ in range(SECTIONS_COUNT))
    return Vocabulary(tuple(words), tuple(word_cum), names, sections)


@dataclass(frozen=True)
class Article:
    kicker: str
    title: str
    subtitle: str
    byline: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(p for p in (self.kicker, self.title, self.subtitle, self.byline, *self.paragraphs) if p)


def make_article(rng: random.Random, vocab: Vocabulary, length: int | None = None) -> Article:
    length = length or int(rng.lognormvariate(6.4, 0.6))  # median ~600 characters, long tail
    paragraphs = []
    size = 0
    while size < length:
        p = "".join(vocab.sentence(rng, rng.randint(15, 60)) for _ in range(rng.randint(1, 4)))
        paragraphs.append(p)
        size += len(p)

    def head(lo: int, hi: int) -> str:
        return "".join(rng.choices(vocab.words, cum_weights=vocab.weights, k=rng.randint(lo, hi)))

    return Article(
        kicker=head(3, 6) if rng.random() < 0.3 else "",
        title=head(4, 9),
        subtitle=("——" + head(4, 8)) if rng.random() < 0.3 else "",
        byline="本报记者 "
        + rng.choice(vocab.names)
        + ("" if rng.random() < 0.5 else " 通讯员 " + rng.choice(vocab.names)),
        paragraphs=tuple(paragraphs),
    )


def _spaced_digits(rng: random.Random, line: str) -> str:
    """PDF extractors sprinkle spaces around digits (and sometimes between characters)."""
    if rng.random() < 0.5:
        return line
    out = []
    for i, ch in enumerate(line):
        if ch.isdigit() and (i == 0 or not line[i - 1].isdigit()):
            out.append(" ")
        out.append(ch)
    return "".join(out)


def _column_lines(rng: random.Random, text: str, measure: int, indent: bool) -> list[str]:
    body = ("\u3000\u3000" if indent else "") + text
    lines = []
    i = 0
    while i < len(body):
        width = measure + (rng.randint(-1, 1) if rng.random() < 0.2 else 0)
        lines.append(_spaced_digits(rng, body[i : i + width]))
        i += width
    return lines


def page_text(index: int, seed: int = 0) -> str:
    """One page dump; ``index`` and ``seed`` fix it completely."""
    vocab = vocabulary(seed)
    rng = random.Random(f"page-{seed}-{index}")
    style = rng.choice(("columns", "columns", "paragraphs"))
    measure = rng.randint(10, 28)
    blanks = rng.choice(("none", "every", "paragraphs")) if style == "columns" else rng.choice(("none", "paragraphs"))
    headline_after = style == "columns" and rng.random() < 0.6
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    section, year, weekday = rng.choice(vocab.sections), rng.randint(2015, 2025), rng.choice("一二三四五六日")
    header = f"{section} {year}年 {month}月 {day}日 星期{weekday} {rng.randint(1, 16)}"
    out: list[str] = [header, ""]
    for _ in range(rng.randint(2, 9)):
        art = make_article(rng, vocab)
        heads = [h for h in (art.kicker, art.title, art.subtitle) if h]
        body: list[list[str]] = [[art.byline]]
        for p in art.paragraphs:
            body.append(_column_lines(rng, p, measure, rng.random() < 0.5) if style == "columns" else [p])
        block: list[str] = []
        for group in body:
            for line in group:
                block.append(line)
                if blanks == "every":
                    block.append("")
            if blanks == "paragraphs":
                block.append("")
        block = heads + [""] + block if not headline_after else block + [""] + heads
        out.extend(block)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def write_pages(folder: Path, count: int, seed: int = 0) -> int:
    """Write ``count`` pages as UTF-8 files; returns their total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        data = page_text(i, seed).encode("utf-8")
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"page_{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def invented_articles(count: int, seed: int = 0) -> Iterator[Article]:
    """``count`` distinct invented articles (the same ones for the same seed)."""
    vocab = vocabulary(seed)
    rng = random.Random(f"articles-{seed}")
    for _ in range(count):
        yield make_article(rng, vocab)


def article_texts(count: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """``count`` distinct (headline, text) pairs of invented articles."""
    for art in invented_articles(count, seed):
        yield art.title, art.text
