"""Every benchmark runs in its tiny mode, does the work its docstring says, and checks its floor.

No timing is asserted: the figures of a tiny run mean nothing. What is checked is that
each benchmark produces its rows, that the floors do real work (the import floor's
trigram index answers a phrase from the data, the search floor finds one, the JSON
floor writes every document), and that ``bench/run_all.py`` prints one table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.common import REPO, Row, markdown, peak_rss_mb, rows_from_json, stats_ms
from bench.pages import page_text, write_pages

pytestmark = pytest.mark.timeout(600)


def run_script(script: str, cache: Path, *args: str) -> str:
    """Run ``bench/<script>.py`` with ``args`` in a fresh process on the cache folder; its standard output."""
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / f"{script}.py"), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=500,
        env={**os.environ, "JIAOKAN_BENCH_CACHE": str(cache), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def run_bench(name: str, cache: Path, *extra: str) -> list[Row]:
    return rows_from_json(run_script(name, cache, "--size", "tiny", "--json", *extra))


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bench-cache")


def by_name(rows: list[Row]) -> dict[str, Row]:
    return {r.what: r for r in rows}


def named_rows(bench: str, cache: Path, *whats: str) -> dict[str, Row]:
    """The rows ``whats`` of a tiny run of ``bench``, each checked to be there."""
    rows = by_name(run_bench(bench, cache))
    for what in whats:
        assert what in rows, sorted(rows)
    return {what: rows[what] for what in whats}


def test_pages_vary_and_are_deterministic(tmp_path: Path) -> None:
    pages = [page_text(i, seed=9) for i in range(30)]
    assert len(set(pages)) == 30
    assert page_text(4, seed=9) == pages[4]
    assert page_text(4, seed=10) != pages[4]
    first_lines = {p.splitlines()[2] for p in pages}  # the typesetting varies too, not just the text
    assert len(first_lines) > 20
    widths = {max(len(line) for line in p.splitlines()[2:] if line) for p in pages}
    assert len(widths) > 5
    size = write_pages(tmp_path, 5, seed=9)
    assert size == sum(f.stat().st_size for f in tmp_path.rglob("*.txt"))


def test_engine_finds_articles_on_generated_pages() -> None:
    from reader import reflow_text

    counts = [len(reflow_text(page_text(i, seed=1), "p").articles) for i in range(10)]
    assert min(counts) >= 1 and len(set(counts)) > 2


def test_peak_rss_is_the_child_own_not_the_parent(tmp_path: Path) -> None:
    ballast = bytearray(200 * 1024 * 1024)
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1
    code = "from bench.common import peak_rss_mb; print(peak_rss_mb())"
    child = float(subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True).stdout)
    assert peak_rss_mb() > 200
    assert child < 150  # a fresh interpreter, not the 200 MB parent it was started from
    del ballast


def test_stats_and_table() -> None:
    s = stats_ms([0.001 * k for k in range(1, 101)])
    assert s["median"] == pytest.approx(50.5) and s["p95"] == pytest.approx(95) and s["max"] == pytest.approx(100)
    table = markdown([Row("a", 2.5, "s", 1.25, "< 3 s"), Row("b", 4.75, "MB/s", 9.5, higher_better=True)])
    lines = table.splitlines()
    assert lines[0] == "| what | figure | floor | ratio | target |"
    assert "| a | 2.50 s | 1.25 s | 2.00× | < 3 s |" in lines
    assert "| b | 4.75 MB/s | 9.50 MB/s | 2.00× | — |" in lines  # a rate: the ratio is floor ÷ figure


def test_import_floor_indexes_the_text_column(tmp_path: Path) -> None:
    from bench.import_search import child_floor

    write_pages(tmp_path / "pages", 3, seed=2)
    got = child_floor(str(tmp_path / "pages"), str(tmp_path / "floor.db"))
    assert got["hits"] >= 1 and got["index_pages"] > 1
    import sqlite3

    conn = sqlite3.connect(tmp_path / "floor.db")
    sql = "SELECT sql FROM sqlite_master WHERE name = 'pages_fts'"
    assert "tokenize='trigram'" in conn.execute(sql).fetchone()[0].replace('"', "'")


def test_reflow_benchmark(cache: Path) -> None:
    rows = named_rows(
        "reflow",
        cache,
        "reflow throughput, cold, one core",
        "reflow throughput, warm, one core",
        "reflow one page, p95",
        "`jiaokan reflow` start-up, one page, median",
        "`jiaokan reflow --json`, 20 files, peak RSS",
    )
    assert all(row.figure > 0 for row in rows.values())
    assert rows["reflow throughput, cold, one core"].floor > 0  # the floor ran in the same run


def test_import_and_search_benchmark(cache: Path) -> None:
    rows = by_name(run_bench("import_search", cache))
    assert rows["floor index answers a phrase"].figure >= 1
    assert rows["import wall time"].floor > 0
    assert rows["project file / input"].figure > 0
    for cls in ("1-char", "2-char", "3-char", "4-char", "absent, common pairs", "absent, unseen char", "regex"):
        assert f"search {cls}, median" in rows and f"search {cls}, p95" in rows
    absent = rows["search absent, common pairs, median"]
    assert "median total 0" in absent.note  # the absent phrases really are absent
    assert absent.floor is not None  # grep ran on the same queries


def test_absent_queries_are_made_of_common_pairs(cache: Path) -> None:
    import sqlite3

    from bench.search import pick_queries
    from bench.search_project import cached
    from db import derived_text
    from db.folding import fold, squeeze

    project = cached(300, cache=cache)
    queries = pick_queries(str(project), 3)
    conn = derived_text.install(sqlite3.connect(project))  # search_docs reads text through its functions
    total = conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    assert queries["absent, common pairs"]
    for phrase in queries["absent, common pairs"]:
        for pair in (phrase[i : i + 2] for i in range(len(phrase) - 1)):
            n = conn.execute("SELECT count(*) FROM search_grams WHERE search_grams MATCH ?", (f'"{pair}"',)).fetchone()
            assert n[0] > total // 20, (phrase, pair)  # every pair is in many articles
        texts = (squeeze(fold(t)).text for (t,) in conn.execute("SELECT text FROM search_docs"))
        assert not any(phrase in t for t in texts)


def test_search_project_stands_on_pages_with_derived_text(cache: Path) -> None:
    """The bulk articles are 6-7 a page, store no text, and read back exactly as generated."""
    import sqlite3

    from bench.pages import invented_articles
    from bench.search_project import cached
    from db import derived_text

    project = cached(300, cache=cache)
    conn = derived_text.install(sqlite3.connect(project))
    stored, blocks = conn.execute("SELECT count(text), count(*) FROM block_store").fetchone()
    assert blocks > 300 and stored == 0  # every block derived from its page's raw text
    bulk = "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.path LIKE 'bulk/%'"
    ids = [r[0] for r in conn.execute(bulk + " ORDER BY a.id")]
    pages = conn.execute(f"SELECT count(DISTINCT source_id) FROM articles WHERE id IN ({bulk})").fetchone()[0]
    assert 6 <= len(ids) / pages <= 7
    got = [conn.execute("SELECT text FROM search_docs WHERE article_id = ?", (i,)).fetchone()[0] for i in ids]
    assert got == [a.text for a in invented_articles(len(ids))]
    raw, runs = conn.execute(
        "SELECT s.raw_text, b.runs FROM block_store b JOIN articles a ON a.id = b.article_id"
        " JOIN sources s ON s.id = a.source_id WHERE b.role = 'paragraph' AND a.id = ?",
        (ids[0],),
    ).fetchone()
    assert len(json.loads(runs)) > 1 and derived_text.slices(raw, json.loads(runs)) in got[0]  # cut in lines


def test_search_queries_are_drawn_anew_for_each_seed(cache: Path) -> None:
    from bench.search import pick_queries
    from bench.search_project import cached

    project = str(cached(300, cache=cache))
    five, six = pick_queries(project, 3, seed=5), pick_queries(project, 3, seed=6)
    assert five == pick_queries(project, 3, seed=5)  # a seed names one query set
    assert five["absent, common pairs"] != six["absent, common pairs"] and five["2-char"] != six["2-char"]


def test_desk_benchmark(cache: Path) -> None:
    rows = by_name(run_bench("ui", cache))
    assert any(w.startswith("desk: cold open of a random article") for w in rows)
    assert any(w.startswith("desk: keystroke to hits painted, absent") for w in rows)


def test_export_benchmark(cache: Path) -> None:
    rows = run_bench("export", cache, "--formats", "csv,jsonl")
    assert [r.what for r in rows] == ["export csv", "export jsonl"]
    assert all(r.floor and r.floor > 0 for r in rows)
    assert "from a project file" in rows[0].note


def test_run_all_prints_one_table(cache: Path) -> None:
    out = run_script("run_all", cache, "--tiny", "--only", "reflow,export")
    lines = out.splitlines()
    header = [i for i, line in enumerate(lines) if line == "| what | figure | floor | ratio | target |"]
    assert len(header) == 1
    body = [line for line in lines if line.startswith("| ") and not line.startswith("| what")]
    assert any("reflow throughput" in line for line in body)
    assert any("export csv" in line for line in body)
    assert "FAILED" not in out
    assert any(line.startswith("Machine: cpu ") and "cores" in line and "python" in line for line in lines)
    json.dumps(lines)  # printable as text


def test_editing_benchmark(cache: Path) -> None:
    rows = named_rows(
        "editing",
        cache,
        "edit, store: apply a tag, p95",
        "edit, store: one-character correction, p95",
        "edit, desk: one-character correction, view refreshed, median",
    )
    assert all(row.floor > 0 for row in rows.values())
