"""Export time from a project file for every format, against a floor; or the writers alone.

Usage: python bench/export.py [--size tiny|quick|full] [--formats csv,tei] [--project PATH] [--json]
       python bench/export.py --in-memory [--articles 10000] [--annotations 50000] [--chars 1000]

By default exports are measured end to end from a project file: one is built through the
store (invented page dumps in the paragraph style, 20 articles a page, imported with
``Project.import_paths``; then the tags, passages by three coders, a correction in every
fifth article, notes and review states through the ``Project`` API) and cached in the temp
folder (pass ``--project PATH`` to use another file). Each format runs in a fresh process
that opens the snapshot, writes and closes (``export_project``) and reports its own peak
memory. Floor, same run, fresh process: plain ``sqlite3`` reading every article's text and
every annotation and writing them with the ``csv`` module (checked: one row per article at
least).

``--in-memory`` times the writers alone on an in-memory ExportCorpus of N articles of about
``--chars`` code points each (a headline group, a byline, paragraphs, a subhead; 𠀋 outside
the BMP sprinkled in), a nested codebook of 30 tags, annotations spread over the articles
(overlapping, some over block breaks, a third with notes, 1% orphaned) and two corrections
per article: no project is read, so it is not what an export costs.
Target: < 30 s per format for 10,000 articles and 50,000 annotations.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.common import Row, emit  # noqa: E402
from bench.search_project import CACHE  # noqa: E402
from db.exports import model  # noqa: E402
from db.exports.registry import FORMATS  # noqa: E402

POOL = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你能而子那得于着下自之年过发后作里"
    "工厂资权益劳动纠纷报讯记者区市县镇村农民学生教师政府会议通过决定建设发展经济生产组织群众" + "，。、；：" * 6 + "𠀋"
)
TARGET_SECONDS = 30.0


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def build_corpus(n_articles: int, n_annotations: int, chars: int, seed: int = 7) -> model.ExportCorpus:
    rng = random.Random(seed)
    tags: list[model.ExportTag] = []
    for i in range(6):
        parent = model.ExportTag(_uuid(rng), (f"类别{i}",), f"#{rng.randrange(0x1000000):06x}")
        tags.append(parent)
        tags.extend(
            model.ExportTag(_uuid(rng), (parent.path[0], f"子类{i}-{j}"), f"#{rng.randrange(0x1000000):06x}", "说明")
            for j in range(4)
        )
    sources = [
        model.ExportSource(_uuid(rng), f"日报-2024-{k // 28 + 1:02d}-{k % 28 + 1:02d}.txt", "0" * 64, "", None)
        for k in range(max(1, n_articles // 20))
    ]
    authors = ["王编辑", "李研究员", "张校对"]
    base, extra = divmod(n_annotations, n_articles)
    per_article = [base + (1 if k < extra else 0) for k in range(n_articles)]
    articles: list[model.ExportArticle] = []
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
            blocks.append(model.ExportBlock(role, pos, pos + len(t)))
            pos += len(t) + 1
        anns = []
        for _ in range(per_article[k]):
            s = rng.randrange(0, len(text) - 50)
            e = s + rng.randint(2, 45)
            orphaned = rng.random() < 0.01
            anns.append(
                model.ExportAnnotation(
                    _uuid(rng),
                    rng.choice(tags).id,
                    s,
                    e,
                    text[s:e],
                    note="".join(rng.choices(POOL, k=20)) if rng.random() < 0.33 else "",
                    author=rng.choice(authors),
                    created="2024-03-01T10:00:00+08:00",
                    updated="2024-03-02T10:00:00+08:00",
                    orphaned=orphaned,
                )
            )
        corrs = []
        for b in rng.sample([b for b in blocks[2:] if b.end - b.start > 2], 2):
            s = rng.randrange(b.start, b.end - 2)
            corrs.append(
                model.ExportCorrection(
                    _uuid(rng), "correct", s, s + 1, "囗", text[s], "王编辑", "2024-03-01T09:00:00+08:00"
                )
            )
        articles.append(
            model.ExportArticle(
                id=str(k + 1),
                **source.article_fields(),
                kind="article",
                headline=parts[0][1],
                text=text,
                blocks=tuple(blocks),
                annotations=tuple(anns),
                corrections=tuple(corrs),
                review_state="proofread",
            )
        )
    return model.ExportCorpus("bench", tags, sources, articles, authors)


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir())
    return path.stat().st_size


POOL_TEXT = "".join(c for c in POOL if c not in "，。、；：")


def _page(rng: random.Random, k: int, per_page: int, chars: int) -> str:
    """An invented page dump in the paragraph style: header, then per article title, byline, paragraphs."""
    lines = [f"虚构日报 2024年{k % 12 + 1}月{k % 28 + 1}日 星期三 第{k % 8 + 1}版", ""]
    for _ in range(per_page):
        lines.append("".join(rng.choices(POOL_TEXT, k=12)))
        lines.append("本报记者 " + "".join(rng.choices(POOL_TEXT, k=3)))
        remaining = chars - 20
        while remaining > 0:
            sentences = []
            n = min(remaining, rng.randint(60, 180))
            while sum(map(len, sentences)) < n:
                sentences.append("".join(rng.choices(POOL_TEXT, k=rng.randint(12, 40))) + "。")
            paragraph = "".join(sentences)
            lines.append(paragraph)
            remaining -= len(paragraph)
        lines.append("")
    return "\n".join(lines)


def build_project(path: Path, n_articles: int, n_annotations: int, chars: int, seed: int = 11) -> None:
    """A project with about ``n_articles`` articles and exactly ``n_annotations`` passages, through the store."""
    from db import Project

    rng = random.Random(seed)
    partial = path.with_name(path.name + ".partial")
    for p in (partial, Path(str(partial) + "-wal"), Path(str(partial) + "-shm")):
        p.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp)
        per_page = 20
        for k in range(max(1, -(-n_articles // per_page))):
            (pages / f"虚构日报-{k:05d}.txt").write_text(_page(rng, k, per_page, chars), encoding="utf-8")
        t0 = time.perf_counter()
        with Project.open(partial, author="王编辑") as p:
            report = p.import_paths([pages], workers=max(1, os.cpu_count() or 1))
            print(
                f"  imported {len(report.outcomes)} pages, {sum(o.articles for o in report.outcomes)} articles "
                f"in {time.perf_counter() - t0:.1f} s"
            )
            t0 = time.perf_counter()
            articles = [(a.id, a.length) for s in p.list_sources() for a in p.list_articles(s.id)]
            with p._cx.write():  # one transaction: every call below is a savepoint inside it
                tags = []
                for i in range(6):
                    parent = p.add_tag(f"类别{i}", colour=f"#{rng.randrange(0x1000000):06x}")
                    tags.append(parent.id)
                    tags.extend(p.add_tag(f"子类{i}-{j}", parent_id=parent.id, description="说明").id for j in range(4))
                coders = ["王编辑", "李研究员", "张校对"]
                for n in range(n_annotations):
                    article_id, length = articles[n % len(articles)]
                    s = rng.randrange(0, max(1, length - 50))
                    p.author = rng.choice(coders)
                    p.annotate(
                        article_id,
                        rng.choice(tags),
                        s,
                        min(length, s + rng.randint(2, 45)),
                        note="".join(rng.choices(POOL_TEXT, k=20)) if rng.random() < 0.33 else "",
                    )
                p.author = "王编辑"
                for k, (article_id, length) in enumerate(articles):
                    if k % 5 == 0 and length > 60:
                        s = rng.randrange(30, length - 5)
                        text = p.get_article(article_id).text
                        if "\n" not in text[s : s + 1] and text[s] != "囗":
                            p.correct(article_id, s, s + 1, "囗", note="存疑")
                    if k % 10 == 0:
                        p.add_note(article_id, "待核")
                    if k % 3 == 0:
                        p.set_review_state(article_id, ("proofread", "in_progress")[k % 2])
            print(f"  work done in {time.perf_counter() - t0:.1f} s")
    partial.replace(path)


_WORKER = """
import json, sys, time
sys.path.insert(0, {repo!r})
from bench.common import peak_rss_mb
from db.exports.snapshot import export_project
from db.exports.registry import FORMATS
start = time.perf_counter()
result = export_project({project!r}, {name!r}, {out!r})
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "articles": result.articles, "annotations": result.annotations,
                  "rss_mb": peak_rss_mb()}}))
"""


_FLOOR = """
import csv, json, sqlite3, sys, time
sys.path.insert(0, {repo!r})
from db import derived_text
from db.article_text import TEXT
start = time.perf_counter()
conn = derived_text.install(sqlite3.connect({project!r}))  # the functions of the blocks view (schema 7)
with open({out!r}, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    for aid, text in conn.execute(f"SELECT id, {{TEXT}} FROM articles ORDER BY id"):
        w.writerow((aid, "article", text))
    sql = "SELECT article_id, tag_id, char_start, char_end, quote, note FROM annotations ORDER BY id"
    for row in conn.execute(sql):
        w.writerow(row)
seconds = time.perf_counter() - start
from bench.common import peak_rss_mb
print(json.dumps({{"seconds": seconds, "rss_mb": peak_rss_mb()}}))
"""


def _child(code: str) -> dict:
    import json
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "no output")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_project(args: argparse.Namespace) -> list[Row]:
    """Each format exported from a project file, each in a fresh process, against a CSV-dump floor."""
    path = (
        Path(args.project)
        if args.project != "cache"
        else (CACHE / f"export-v1-{args.articles}-{args.annotations}-{args.chars}.jiaokan")
    )
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {path} (cached for the next run) …", file=sys.stderr)
        build_project(path, args.articles, args.annotations, args.chars)
    from db import Project
    from db.exports.snapshot import snapshot

    with Project.open(path):  # a project cached by an older schema is brought up to date, as the desk does
        pass

    with snapshot(path) as snap:
        n_articles, n_ann = len(snap.corpus.articles), snap.count_annotations()
    formats = args.formats.split(",") if args.formats else list(FORMATS)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        floor = _child(_FLOOR.format(repo=str(REPO), project=str(path), out=str(folder / "floor.csv")))
        with open(folder / "floor.csv", encoding="utf-8") as f:
            if sum(1 for _ in f) < n_articles:  # the floor really wrote every article
                raise SystemExit("the export floor wrote fewer rows than the project has articles")
        note = f"{n_articles} articles, {n_ann} passages, from a project file; cold: a fresh process each; "
        for name in formats:
            out = FORMATS[name].default_path(f"bench-{name}", folder)
            try:
                row = _child(_WORKER.format(repo=str(REPO), project=str(path), name=name, out=str(out)))
            except RuntimeError as exc:
                rows.append(Row(f"export {name}: FAILED", 0, "", note=str(exc)[:200]))
                continue
            rows.append(
                Row(
                    f"export {name}",
                    row["seconds"],
                    "s",
                    floor["seconds"],
                    f"< {TARGET_SECONDS:.0f} s",
                    f"{note}{_size(out) / 1e6:.1f} MB out, peak RSS {row['rss_mb']:.0f} MB"
                    f" (floor {floor['rss_mb']:.0f} MB)",
                )
            )
            note = ""
    return rows


SIZES = {"tiny": (40, 200, 400), "quick": (2_000, 10_000, 1_000), "full": (10_000, 50_000, 1_000)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", choices=tuple(SIZES), default="full")
    ap.add_argument("--articles", type=int, default=None, help="override the size's article count")
    ap.add_argument("--annotations", type=int, default=None)
    ap.add_argument("--chars", type=int, default=None)
    ap.add_argument("--formats", default="", help="comma-separated (default: every format)")
    ap.add_argument("--keep", type=Path, help="write the exports here instead of a temporary folder")
    ap.add_argument(
        "--project",
        nargs="?",
        const="cache",
        default="cache",
        metavar="PATH",
        help="export from this project file (default: one built and cached)",
    )
    ap.add_argument(
        "--in-memory", action="store_true", help="time the writers alone on an in-memory corpus (no project read)"
    )
    ap.add_argument("--json", action="store_true", help="print the rows as JSON (for bench/run_all.py)")
    args = ap.parse_args()
    n_art, n_ann, n_chars = SIZES[args.size]
    args.articles = args.articles or n_art
    args.annotations = args.annotations or n_ann
    args.chars = args.chars or n_chars
    if not args.in_memory:
        rows = bench_project(args)
        emit(rows, args.json)
        return 1 if any(r.what.endswith("FAILED") for r in rows) else 0
    t0 = time.perf_counter()
    corpus = build_corpus(args.articles, args.annotations, args.chars)
    n_chars = sum(len(a.text) for a in corpus.articles)
    n_ann = sum(len(a.annotations) for a in corpus.articles)
    print(
        f"corpus: {len(corpus.articles)} articles, {n_chars / 1e6:.1f} M code points, {n_ann} annotations, "
        f"{len(corpus.tags)} tags (built in {time.perf_counter() - t0:.1f} s)"
    )

    # jsonl is written from a project only (see --project)
    formats = args.formats.split(",") if args.formats else [n for n in FORMATS if n != "jsonl"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'format':<10} {'seconds':>8} {'MB':>8}  result")
        worst = 0.0
        for name in formats:
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
