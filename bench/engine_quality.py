"""Reflow quality on pages the engine has never seen, and how much its confidences mean.

Usage: python bench/engine_quality.py [--pages N] [--first-seed S] [--corpus DIR] [--worst K]

Generated pages (tests/reader/pagegen.py) set the real articles of the shared
gold files (read at run time) and invented text again, damaged as real
extractors damage pages. Seeds from ``--first-seed`` on are scored; the engine
was tuned on seeds below REPORT_SEEDS_FROM only. Prints mean and worst of
par_ws, par_ex, art, head and byline, the shared pages scored one at a time
with the other two as the only tuning material (leave one page out), and the
mean confidence of the boundaries the engine got right and of those it got wrong.
``--worst K`` lists the K worst pages of each kind with what went wrong on them
(stories merged or split, subheads lost or invented, paragraphs joined or cut).
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


def failure_kinds(gold: dict, pred: dict) -> dict[str, int]:
    """What differs between the gold and the engine's page, counted by kind."""
    gold_arts, pred_arts = gold["articles"], pred["articles"]
    count = {
        "stories merged": max(0, len(gold_arts) - len(pred_arts)),
        "stories split": max(0, len(pred_arts) - len(gold_arts)),
        "subheads lost": 0,
        "subheads invented": 0,
    }
    gold_subs = sum(len(a["subheads"]) for a in gold_arts)
    pred_subs = sum(len(a["subheads"]) for a in pred_arts)
    count["subheads lost" if gold_subs > pred_subs else "subheads invented"] = abs(gold_subs - pred_subs)
    gold_pars = sum(len(a["paragraphs"]) for a in gold_arts)
    pred_pars = sum(len(a["paragraphs"]) for a in pred_arts)
    count["paragraphs joined" if gold_pars > pred_pars else "paragraphs cut"] = abs(gold_pars - pred_pars)
    return {kind: n for kind, n in count.items() if n}


def run_pages(seeds: range, pool: list[Article] | None) -> tuple[list[dict], Outcomes]:
    scores: list[dict] = []
    outcomes: Outcomes = {"paragraph": [], "article": []}
    for seed in seeds:
        raw, gold = generate_page(seed, pool)
        pred = document_to_gold(reflow_text(raw))
        metrics: dict = score(gold, pred)
        metrics["seed"] = seed
        metrics["kinds"] = failure_kinds(gold, pred)
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


def worst_pages(label: str, scores: list[dict], count: int) -> None:
    """The pages with the lowest par_ws + art, and the failure kinds summed over the worst."""
    worst = sorted(scores, key=lambda s: s["par_ws"] + s["art"])[:count]
    print(f"worst {count} pages, {label}:")
    totals: dict[str, int] = {}
    for s in worst:
        kinds = ", ".join(f"{k} {n}" for k, n in s["kinds"].items())
        print(f"  seed {s['seed']}: par_ws {s['par_ws']:.3f} art {s['art']:.3f}  {kinds}")
        for kind, n in s["kinds"].items():
            totals[kind] = totals.get(kind, 0) + n
    print("  over them: " + ", ".join(f"{k} {n}" for k, n in sorted(totals.items(), key=lambda kv: -kv[1])))


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
    parser.add_argument("--worst", type=int, default=0, help="list this many worst pages of each kind")
    args = parser.parse_args()
    seeds = range(args.first_seed, args.first_seed + args.pages)
    print(f"seeds {seeds.start}..{seeds.stop - 1} (tuning used seeds < {REPORT_SEEDS_FROM})")
    scores, outcomes = run_pages(seeds, None)
    summarise("invented articles", scores)
    if args.worst:
        worst_pages("invented articles", scores, args.worst)
    all_outcomes = outcomes
    if (args.corpus / "gold").is_dir():
        real, outcomes = run_pages(seeds, load_real_articles(args.corpus))
        summarise("real articles set again", real)
        if args.worst:
            worst_pages("real articles set again", real, args.worst)
        all_outcomes = {k: all_outcomes[k] + outcomes[k] for k in all_outcomes}
        shared_pages(args.corpus)
        leave_one_page_out(args.corpus, args.first_seed, max(20, args.pages // 10))
    else:
        print(f"shared corpus not found at {args.corpus}: real-article pages skipped")
    confidence_report(all_outcomes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
