"""Export throughput: every format's writer on a synthetic corpus (invented text, no real corpus).

Usage: python bench/export.py [--articles 10000] [--annotations 50000] [--chars 1000] [--formats csv,tei] [--keep DIR]

Builds an ExportCorpus of N articles of about ``--chars`` code points each (a headline group,
a byline, paragraphs, a subhead; 𠀋 outside the BMP sprinkled in), a nested codebook of 30
tags, the annotations spread over the articles (overlapping, some over block breaks, a third
with notes, 1% orphaned) and two corrections per article; then times each writer and prints
a table. Target: < 30 s per format for 10,000 articles and 50,000 annotations.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from db.exports.model import (  # noqa: E402
    ExportAnnotation,
    ExportArticle,
    ExportBlock,
    ExportCorpus,
    ExportCorrection,
    ExportSource,
    ExportTag,
)
from db.exports.registry import FORMATS  # noqa: E402

POOL = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你能而子那得于着下自之年过发后作里"
    "工厂资权益劳动纠纷报讯记者区市县镇村农民学生教师政府会议通过决定建设发展经济生产组织群众" + "，。、；：" * 6 + "𠀋"
)
TARGET_SECONDS = 30.0


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def build_corpus(n_articles: int, n_annotations: int, chars: int, seed: int = 7) -> ExportCorpus:
    rng = random.Random(seed)
    tags: list[ExportTag] = []
    for i in range(6):
        parent = ExportTag(_uuid(rng), (f"类别{i}",), f"#{rng.randrange(0x1000000):06x}")
        tags.append(parent)
        tags.extend(
            ExportTag(_uuid(rng), (parent.path[0], f"子类{i}-{j}"), f"#{rng.randrange(0x1000000):06x}", "说明")
            for j in range(4)
        )
    sources = [ExportSource(_uuid(rng), f"日报-2024-{k // 28 + 1:02d}-{k % 28 + 1:02d}.txt", "0" * 64, "", None)
               for k in range(max(1, n_articles // 20))]
    authors = ["王编辑", "李研究员", "张校对"]
    base, extra = divmod(n_annotations, n_articles)
    per_article = [base + (1 if k < extra else 0) for k in range(n_articles)]
    articles: list[ExportArticle] = []
    for k in range(n_articles):
        source = sources[k % len(sources)]
        parts = [("title", "".join(rng.choices(POOL, k=14))), ("byline", "本报记者 " + "".join(rng.choices(POOL, k=3)))]
        remaining = chars - 20
        while remaining > 0:
            if len(parts) == 5:
                parts.append(("subhead", "".join(rng.choices(POOL, k=8))))
            n = min(remaining, rng.randint(60, 180))
            parts.append(("paragraph", "".join(rng.choices(POOL, k=n))))
            remaining -= n
        text = "\n".join(t for _, t in parts)
        blocks, pos = [], 0
        for role, t in parts:
            blocks.append(ExportBlock(role, pos, pos + len(t)))
            pos += len(t) + 1
        anns = []
        for _ in range(per_article[k]):
            s = rng.randrange(0, len(text) - 50)
            e = s + rng.randint(2, 45)
            orphaned = rng.random() < 0.01
            anns.append(ExportAnnotation(
                _uuid(rng), rng.choice(tags).id, s, e, text[s:e],
                note="".join(rng.choices(POOL, k=20)) if rng.random() < 0.33 else "",
                author=rng.choice(authors), created="2024-03-01T10:00:00+08:00", updated="2024-03-02T10:00:00+08:00",
                orphaned=orphaned,
            ))
        corrs = []
        for b in rng.sample([b for b in blocks[2:] if b.end - b.start > 2], 2):
            s = rng.randrange(b.start, b.end - 2)
            corrs.append(ExportCorrection(_uuid(rng), "correct", s, s + 1, "囗", text[s], "王编辑",
                                          "2024-03-01T09:00:00+08:00"))
        articles.append(ExportArticle(
            id=str(k + 1), source_id=source.id, source_name=source.name, source_sha256=source.sha256,
            source_date=None, kind="article", headline=parts[0][1], text=text, blocks=tuple(blocks),
            annotations=tuple(anns), corrections=tuple(corrs), review_state="proofread",
        ))
    return ExportCorpus("bench", tags, sources, articles, authors)


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir())
    return path.stat().st_size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--annotations", type=int, default=50_000)
    ap.add_argument("--chars", type=int, default=1_000)
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--keep", type=Path, help="write the exports here instead of a temporary folder")
    args = ap.parse_args()

    t0 = time.perf_counter()
    corpus = build_corpus(args.articles, args.annotations, args.chars)
    n_chars = sum(len(a.text) for a in corpus.articles)
    n_ann = sum(len(a.annotations) for a in corpus.articles)
    print(f"corpus: {len(corpus.articles)} articles, {n_chars / 1e6:.1f} M code points, {n_ann} annotations, "
          f"{len(corpus.tags)} tags (built in {time.perf_counter() - t0:.1f} s)")

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'format':<10} {'seconds':>8} {'MB':>8}  result")
        worst = 0.0
        for name in args.formats.split(","):
            fmt = FORMATS[name]
            out = fmt.default_path(f"bench-{name}", folder)
            start = time.perf_counter()
            fmt.writer(corpus, out, None)
            seconds = time.perf_counter() - start
            worst = max(worst, seconds)
            verdict = "ok" if seconds < TARGET_SECONDS else f"SLOW (target < {TARGET_SECONDS:.0f} s)"
            print(f"{name:<10} {seconds:>8.2f} {_size(out) / 1e6:>8.1f}  {verdict}")
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
