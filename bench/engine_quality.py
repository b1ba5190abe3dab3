"""Reflow quality on pages the engine has never seen, and how much its confidences mean.

Usage: python bench/engine_quality.py [--pages N] [--first-seed S] [--corpus DIR]

Generated pages (tests/reader/pagegen.py) set the real articles of the shared
gold files (read at run time) and invented text again, damaged as real
extractors damage pages. Seeds from ``--first-seed`` on are scored; the engine
was tuned on seeds below REPORT_SEEDS_FROM only. Prints mean and worst of
par_ws, par_ex, art, head and byline, the shared pages scored one at a time
with the other two as the only tuning material (leave one page out), and the
mean confidence of the boundaries the engine got right and of those it got wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from statistics import mean

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader import document_to_gold, read_dump, reflow_text  # noqa: E402
from reader.scoring import boundary_outcomes, score  # noqa: E402
from tests.reader.pagegen import Article, generate_page, load_real_articles  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
METRICS = ("par_ws", "par_ex", "art", "head", "byline")
#: Seeds below this were used while tuning the engine; reports start here.
REPORT_SEEDS_FROM = 10_000


Outcomes = dict[str, list[tuple[float, bool]]]


def run_pages(seeds: range, pool: list[Article] | None) -> tuple[list[dict], Outcomes]:
    scores: list[dict] = []
    outcomes: Outcomes = {"paragraph": [], "article": []}
    for seed in seeds:
        raw, gold = generate_page(seed, pool)
        pred = document_to_gold(reflow_text(raw))
        metrics: dict = score(gold, pred)
        # A page without headlines or bylines has nothing to score on those (score.py says 0).
        if not any(a["kicker"] or a["title"] or a["subtitle"] for a in gold["articles"]):
            metrics["head"] = None
        if not any(a["byline"] for a in gold["articles"]):
            metrics["byline"] = None
        scores.append(metrics)
        paragraphs, articles = boundary_outcomes(gold, pred)
        outcomes["paragraph"] += paragraphs
        outcomes["article"] += articles
    return scores, outcomes


def _cell(scores: list[dict], metric: str) -> str:
    values = [s[metric] for s in scores if s[metric] is not None]
    return f"{metric} {mean(values):.3f}/{min(values):.3f}" if values else f"{metric} n/a"


def summarise(label: str, scores: list[dict]) -> None:
    cells = "  ".join(_cell(scores, m) for m in METRICS)
    print(f"{label:<34} {cells}   (mean/worst of {len(scores)} pages)")


def confidence_report(outcomes: Outcomes) -> None:
    for kind in ("paragraph", "article", "all"):
        pairs = outcomes["paragraph"] + outcomes["article"] if kind == "all" else outcomes[kind]
        right = [c for c, ok in pairs if ok]
        wrong = [c for c, ok in pairs if not ok]
        print(
            f"{kind:>9} boundary confidence: right {mean(right) if right else float('nan'):.3f} (n={len(right)})  "
            f"wrong {mean(wrong) if wrong else float('nan'):.3f} (n={len(wrong)})"
        )


def shared_pages(corpus: Path) -> None:
    pages = sorted(corpus.glob("*.txt"))
    for page in pages:
        gold = json.loads((corpus / "gold" / f"{page.stem}.json").read_text(encoding="utf-8"))
        decoded = read_dump(str(page))
        metrics = score(gold, document_to_gold(reflow_text(decoded.text, str(page), decoded.encoding)))
        print(f"shared {page.stem[:3]}  " + "  ".join(f"{m} {metrics[m]:.3f}" for m in (*METRICS, "furn")))


def leave_one_page_out(corpus: Path, first_seed: int, count: int) -> None:
    """Each shared page's articles set again, with only the other two pages' articles as tuning material.

    The engine has no fitted parameters, so "tuning" is what a rule sees while
    it is written: here every held-out page is scored on generated pages built
    only from its own articles, which no rule was fitted to on that layout.
    """
    gold_files = sorted((corpus / "gold").glob("*.json"))
    for held in gold_files:
        pool = [a for a in load_real_articles(corpus) if _from(a, held)]
        scores, _ = run_pages(range(first_seed, first_seed + count), pool)
        summarise(f"held out {held.stem[:3]} ({len(pool)} articles)", scores)


def _from(article: Article, gold_path: Path) -> bool:
    texts = {p for a in json.loads(gold_path.read_text(encoding="utf-8"))["articles"] for p in a["paragraphs"]}
    return article.paragraphs[0] in texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--first-seed", type=int, default=REPORT_SEEDS_FROM)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    seeds = range(args.first_seed, args.first_seed + args.pages)
    print(f"seeds {seeds.start}..{seeds.stop - 1} (tuning used seeds < {REPORT_SEEDS_FROM})")
    scores, outcomes = run_pages(seeds, None)
    summarise("invented articles", scores)
    all_outcomes = outcomes
    if (args.corpus / "gold").is_dir():
        real, outcomes = run_pages(seeds, load_real_articles(args.corpus))
        summarise("real articles set again", real)
        all_outcomes = {k: all_outcomes[k] + outcomes[k] for k in all_outcomes}
        shared_pages(args.corpus)
        leave_one_page_out(args.corpus, args.first_seed, max(20, args.pages // 10))
    else:
        print(f"shared corpus not found at {args.corpus}: real-article pages skipped")
    confidence_report(all_outcomes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
