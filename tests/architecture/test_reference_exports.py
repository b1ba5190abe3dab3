"""Exports of a reference project stay byte-identical across refactors of the store.

The project is built from the bundled sample pages (resources/samples) with a fixed
sequence of work: tags, passages, notes, review states, corrections, structural edits, a
revert, and a merge of its own JSONL export into a second project edited differently (so
the merge's replay and conflict paths are covered too). What legitimately varies between
runs is normalised before hashing: timestamps (import, edit, export times) and the
temporary folder. The stored hashes were computed on the code before the refactor that
split ``db.merge`` into a package; a mismatch prints the start of the output. The project is
reflowed by the engine, so a change of the engine's segmentation of the samples changes them
too: then compare the outputs before and after (only the segmentation may differ) and store
the new hashes with the engine change (last: the evidence-weighing engine, which rightly
breaks the paragraph after "……变成了情绪”。" that the old one ran on). Schema 5 added each page's name
and number (from its running header) to the JSONL, CSV and TEI: with exactly those taken out, the
outputs hashed as before. JSONL format 3 added each source's attribute changes (``source.changes``,
so a merge can carry a colleague's change of a page's date, name or number), the merge report its
``attributes_applied`` and a conflict its ``source_id``: with exactly those taken out (and the
version written back as 2), the five outputs hashed as before.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from db import Project
from db.exports.snapshot import export_project

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.txt"))

#: ISO 8601 date-times as the store and the writers print them (with or without fraction/zone).
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")

EXPECTED = {
    "reference.jsonl": "7503cbc462e5f1e110ed1603ef1190fa34d916f92c8414f790d55e04eea9d91d",
    "reference.csv": "2c380216f4abc7d1fc1afa1d74ec577ff369af7b444107eebd4600000befdea3",
    "reference.xml": "ca2b16c07462dde95cf9f62d96ac9ea77236d742d91116634a297a89ef937949",
    "merged.jsonl": "d742b341e153fbefe3dc393c6aee8d1a6839d68f9aa74910a9268794d3436b23",
    "conflicts.txt": "cb631e9e0ca8754fd01e6a0e6f95c2e33514ea2b9517df95f56f6b06e8c5340c",
}


def _nth_block(p: Project, article_id: int, role: str, n: int = 0) -> int:
    blocks = [b for b in p.get_article(article_id).blocks if b.role == role]
    return blocks[n].id


def _build(folder: Path) -> tuple[Path, Path]:
    pages = folder / "pages"
    pages.mkdir()
    for sample in SAMPLES:
        shutil.copyfile(sample, pages / sample.name)
    path = folder / "reference.jiaokan"
    with Project.open(path, author="校对甲") as p:
        for page in sorted(pages.iterdir()):
            assert p.import_file(page).source_id is not None
        sources = [s.id for s in p.list_sources()]
        first, second = p.article_ids(sources[0])[:2]
        other = p.article_ids(sources[-1])[0]

        topic = p.add_tag("主题", colour="#336699", description="文章的主题")
        people = p.add_tag("人物", parent_id=topic.id, colour="#aa3355", slot=2)
        place = p.add_tag("地点")
        p.add_tag("未用", colour="#999999")

        text = p.get_article(first).text
        p.annotate(first, topic.id, 0, min(12, len(text)), note="标题")
        p.annotate(first, people.id, 5, min(40, len(text)))
        p.annotate(first, place.id, len(text) // 2, len(text) // 2 + 6)
        p.add_note(first, "待核：数字")
        p.set_review_state(first, "proofread")

        para = _nth_block(p, first, "paragraph")
        start = p.article_offset(para, 2)
        p.correct(first, start, start + 2, "更正", note="误字")
        undone = p.correct(first, start + 4, start + 5, "")
        p.revert(undone.id)
        block = p.get_block(para)
        p.split_block(para, len(block.text) // 2)
        p.join_with_next(_nth_block(p, second, "paragraph"))
        p.set_block_role(_nth_block(p, second, "paragraph"), "subhead")
        p.set_review_state(second, "in_progress")

        p.author = "研究乙"
        other_text = p.get_article(other).text
        p.annotate(other, topic.id, 3, min(20, len(other_text)))
        p.add_note(other, "第二条笔记")
        p.correct(other, 10, 12, "")

    merged = folder / "merged.jiaokan"
    with Project.open(merged, author="校对丙") as q:
        for page in sorted(pages.iterdir()):
            q.import_file(page)
        q_first = q.article_ids(q.list_sources()[0].id)[0]
        para = _nth_block(q, q_first, "paragraph")
        start = q.article_offset(para, 2)
        q.correct(q_first, start, start + 2, "另改")  # the same place as the reference: a conflict
    return path, merged


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("reference")
    path, merged = _build(folder)
    out: dict[str, Path] = {}
    for name, fmt in (("reference.jsonl", "jsonl"), ("reference.csv", "csv"), ("reference.xml", "tei")):
        out[name] = export_project(path, fmt, folder / name).path
    with Project.open(merged, author="校对丙") as q:
        report = q.merge_jsonl(out["reference.jsonl"])
        conflicts = q.conflicts(status=None)
        lines = [repr(sorted(vars(report).items()) if hasattr(report, "__dict__") else report)]
        lines += [repr(c) for c in conflicts]
        pending = [c for c in conflicts if c.status == "pending"]
        lines.append(repr(q.accept_conflict(pending[0].id)))
        for c in pending[1:]:
            lines.append(repr(q.reject_conflict(c.id)))
        lines += [repr(c) for c in q.conflicts(status=None)]
    conflict_file = folder / "conflicts.txt"
    conflict_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out["conflicts.txt"] = conflict_file
    out["merged.jsonl"] = export_project(merged, "jsonl", folder / "merged.jsonl").path

    def normalise(text: str) -> str:
        text = text.replace(str(folder), "<TMP>")
        return TIMESTAMP.sub("<TIME>", text)

    return {name: normalise(p.read_text(encoding="utf-8")) for name, p in out.items()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_export_is_byte_identical_to_the_reference(outputs, name):
    text = outputs[name]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != EXPECTED[name]:
        preview = "\n".join(line[:160] for line in text.splitlines()[:20])
        pytest.fail(f"{name}: sha256 {digest} != stored {EXPECTED[name]}\n{preview}")
