"""Text edits: every operation, done and reverted, restores the store exactly; annotations follow."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from db import EditError, Project, RevertConflict
from db.models import BlockRole, EditEntry

from .conftest import dump_state


def _annotate_everywhere(project: Project, source_id: int, tag_id: int) -> None:
    """Annotations in every block, across block boundaries, and one collapsed-to-be."""
    for aid in project.article_ids(source_id):
        article = project.get_article(aid)
        pos = 0
        for block in article.blocks:
            if len(block.text) >= 6:
                project.annotate(aid, tag_id, pos + 1, pos + 5)
            pos += len(block.text) + 1
        if len(article.blocks) > 1:
            end0 = len(article.blocks[0].text)
            project.annotate(aid, tag_id, max(0, end0 - 2), end0 + 3, note="spans a separator")


def _roundtrip(project: Project, path: Path, do: Callable[[], EditEntry]) -> EditEntry:
    before = dump_state(path)
    hits_before = [(h.article_id, h.start) for h in project.search("职工", limit=1000).hits]
    entry = do()
    after = dump_state(path)
    assert after != before
    _check_consistent(project)
    revert = project.revert(entry.id)
    assert revert.reverts == entry.id and revert.op == "revert"
    assert dump_state(path) == before
    assert [(h.article_id, h.start) for h in project.search("职工", limit=1000).hits] == hits_before
    _check_consistent(project)
    # and the revert can itself be reverted: the edit is back exactly as it was
    project.revert(revert.id)
    assert dump_state(path) == after
    assert [e.reverted_by for e in project.history(entry.article_id) if e.id == entry.id] == [None]
    return entry


def _check_consistent(project: Project) -> None:
    for s in project.list_sources():
        assert [a.position for a in project.list_articles(s.id)] == list(range(s.article_count))
        for aid in project.article_ids(s.id):
            a = project.get_article(aid)
            assert a.text == "\n".join(b.text for b in a.blocks)
            assert [b.position for b in a.blocks] == list(range(len(a.blocks)))
            for ann in a.annotations:
                if not ann.orphaned:
                    assert a.text[ann.start : ann.end] == ann.quote
                    assert a.text[max(0, ann.start - 32) : ann.start] == ann.prefix
                    assert a.text[ann.end : ann.end + 32] == ann.suffix


@pytest.fixture
def annotated(project: Project, source_id: int, tag_id: int) -> int:
    _annotate_everywhere(project, source_id, tag_id)
    return source_id


def test_correct_roundtrip(project: Project, project_path: Path, annotated: int, article_id: int) -> None:
    text = project.get_article(article_id).text
    start = text.index("职工服务中心")
    entry = _roundtrip(
        project, project_path, lambda: project.correct(article_id, start, start + 2, "员工", note="typo")
    )
    assert entry.params["old_text"] == "职工" and entry.params["text"] == "员工" and entry.note == "typo"
    assert entry.author == "tester"


def test_join_roundtrip(project: Project, project_path: Path, annotated: int, article_id: int) -> None:
    blocks = project.get_article(article_id).blocks
    k = [b.role for b in blocks].index(BlockRole.PARAGRAPH)
    _roundtrip(project, project_path, lambda: project.join_with_next(blocks[k].id))


def test_split_block_roundtrip(project: Project, project_path: Path, annotated: int, article_id: int) -> None:
    block = max(project.get_article(article_id).blocks, key=lambda b: len(b.text))
    _roundtrip(project, project_path, lambda: project.split_block(block.id, 3))


def test_role_roundtrip(project: Project, project_path: Path, annotated: int, article_id: int) -> None:
    block = project.get_article(article_id).blocks[-1]
    entry = _roundtrip(project, project_path, lambda: project.set_block_role(block.id, "subhead"))
    assert entry.params == {"block_id": block.id, "old_role": "paragraph", "role": "subhead"}


def test_move_to_previous_roundtrip(project: Project, project_path: Path, annotated: int) -> None:
    second = project.article_ids(annotated)[1]
    first_block = project.get_article(second).blocks[0]
    _roundtrip(project, project_path, lambda: project.move_block_to_previous(first_block.id))


def test_move_to_next_roundtrip(project: Project, project_path: Path, annotated: int, article_id: int) -> None:
    last_block = project.get_article(article_id).blocks[-1]
    _roundtrip(project, project_path, lambda: project.move_block_to_next(last_block.id))


def test_split_article_roundtrip(project: Project, project_path: Path, annotated: int, article_id: int) -> None:
    block = project.get_article(article_id).blocks[3]
    entry = _roundtrip(project, project_path, lambda: project.split_article(block.id))
    assert entry.params["new_article_id"] not in project.article_ids(annotated) or True


def test_merge_roundtrip(project: Project, project_path: Path, annotated: int, article_id: int) -> None:
    nxt = project.article_ids(annotated)[1]
    project.add_note(nxt, "a note on the second article")
    project.set_review_state(nxt, "proofread")
    _roundtrip(project, project_path, lambda: project.merge_with_next(article_id))


def test_split_article_moves_blocks_and_annotations(project: Project, source_id: int, tag_id: int) -> None:
    ids = project.article_ids(source_id)
    article = project.get_article(ids[0])
    k = 3
    start_k = sum(len(b.text) + 1 for b in article.blocks[:k])
    ann = project.annotate(ids[0], tag_id, start_k + 2, start_k + 6)
    entry = project.split_article(article.blocks[k].id)
    new_id = entry.params["new_article_id"]
    assert project.article_ids(source_id) == [ids[0], new_id, *ids[1:]]
    new = project.get_article(new_id)
    assert [b.id for b in new.blocks] == [b.id for b in article.blocks[k:]]
    moved = project.annotation(ann.id)
    assert (moved.article_id, moved.start, moved.end) == (new_id, 2, 6)
    assert new.text[2:6] == ann.quote


def test_merge_moves_annotations_and_notes(project: Project, source_id: int, tag_id: int) -> None:
    a, b = project.article_ids(source_id)[:2]
    len_a = len(project.get_article(a).text)
    ann = project.annotate(b, tag_id, 0, 3)
    note = project.add_note(b, "n")
    project.merge_with_next(a)
    assert project.article_ids(source_id)[0] == a and b not in project.article_ids(source_id)
    moved = project.annotation(ann.id)
    assert (moved.article_id, moved.start, moved.end) == (a, len_a + 1, len_a + 4)
    assert [n.id for n in project.notes(a)] == [note.id]


def test_annotations_follow_a_correction(project: Project, article_id: int, tag_id: int) -> None:
    text = project.get_article(article_id).text
    s = text.index("法律援助站")
    inside = project.annotate(article_id, tag_id, s, s + 5)  # 法律援助站
    after = project.annotate(article_id, tag_id, s + 6, s + 10)
    before = project.annotate(article_id, tag_id, s - 5, s - 1)
    exact = project.annotate(article_id, tag_id, s + 2, s + 4)  # 援助
    # insert a character outside the BMP before all of them: everything after shifts by one code point
    project.correct(article_id, s - 6, s - 6, "𠀋")
    assert project.annotation(before.id).start == s - 4
    assert project.annotation(inside.id).start == s + 1 and project.annotation(inside.id).quote == "法律援助站"
    # a correction inside an annotation changes it with the text
    project.correct(article_id, s + 3, s + 5, "護助")
    got = project.annotation(inside.id)
    assert (got.start, got.end, got.quote, got.orphaned) == (s + 1, s + 6, "法律護助站", False)
    assert project.annotation(exact.id).quote == "護助"  # the whole annotated text was corrected
    assert project.annotation(after.id).start == s + 7
    # deleting all of an annotation's characters orphans it, keeping its quote
    orphan_before = project.annotation(after.id).quote
    project.correct(article_id, s + 6, s + 12, "")
    got = project.annotation(after.id)
    assert got.orphaned and got.start == got.end == s + 6 and got.quote == orphan_before
    assert [a.id for a in project.orphaned_annotations()] == [after.id]
    text = project.get_article(article_id).text
    assert text[s - 6] == "𠀋"
    for ann in project.annotations(article_id):
        if not ann.orphaned:
            assert text[ann.start : ann.end] == ann.quote


def test_replacing_a_wider_range_orphans_what_was_inside(project: Project, article_id: int, tag_id: int) -> None:
    text = project.get_article(article_id).text
    s = text.index("法律援助站")
    ann = project.annotate(article_id, tag_id, s + 1, s + 3)
    project.correct(article_id, s, s + 5, "法援站")
    assert project.annotation(ann.id).orphaned


def test_raw_map_after_correction(project: Project, source_id: int, article_id: int) -> None:
    raw = project.get_source(source_id).raw_text
    text = project.get_article(article_id).text
    s = text.index("法律援助站")
    r_before = [project.raw_offset(article_id, s + k) for k in range(6)]
    project.correct(article_id, s + 2, s + 4, "援护之")  # two characters replaced by three
    assert [project.raw_offset(article_id, s + k) for k in range(2)] == r_before[:2]
    assert project.raw_offset(article_id, s + 2) == r_before[2]  # replacing characters keep the source
    assert project.raw_offset(article_id, s + 3) == r_before[3]
    assert project.raw_offset(article_id, s + 4) is None  # the extra typed character has none
    assert project.raw_offset(article_id, s + 5) == r_before[4] and raw[r_before[4]] == "站"
    assert raw == project.get_source(source_id).raw_text  # raw text never changes


def test_search_index_follows_edits(project: Project, article_id: int) -> None:
    text = project.get_article(article_id).text
    s = text.index("法律援助站")
    n = len(project.search("法律援助").hits)
    entry = project.correct(article_id, s, s + 2, "司法")
    assert [h.start for h in project.search("司法援助").hits] == [s]
    assert len(project.search("法律援助").hits) == n - 1
    project.revert(entry.id)
    assert not project.search("司法援助").hits and len(project.search("法律援助").hits) == n


def test_revert_conflicts_and_order(project: Project, article_id: int) -> None:
    text = project.get_article(article_id).text
    s = text.index("法律援助站")
    e1 = project.correct(article_id, s, s + 1, "X")
    e2 = project.correct(article_id, s + 1, s + 2, "Y")  # same paragraph
    with pytest.raises(RevertConflict) as info:
        project.revert(e1.id)
    assert info.value.blocking == [e2.id] and f"#{e2.id}" in str(info.value)
    project.revert(e2.id)
    project.revert(e1.id)
    assert project.get_article(article_id).text == text
    with pytest.raises(EditError, match="already reverted"):
        project.revert(e1.id)


def test_corrections_in_other_paragraphs_do_not_block_a_revert(project: Project, article_id: int) -> None:
    article = project.get_article(article_id)
    first_para = article.text.index(article.blocks[2].text)
    e1 = project.correct(article_id, len(article.text) - 1, len(article.text), "？")  # last paragraph
    project.correct(article_id, first_para, first_para + 1, "ZZ")  # an earlier paragraph grows by one
    project.revert(e1.id)
    assert project.get_article(article_id).text.endswith(article.text[-1])


def test_structural_edits_block_reverts_of_the_same_article(project: Project, article_id: int) -> None:
    blocks = project.get_article(article_id).blocks
    e1 = project.split_block(blocks[-1].id, 2)
    project.join_with_next(blocks[2].id)
    with pytest.raises(RevertConflict):
        project.revert(e1.id)


@pytest.mark.parametrize(
    ("op", "message"),
    [
        (lambda p, a, b: p.correct(a, 0, 10**6, "x"), "outside"),
        (lambda p, a, b: p.correct(a, 0, len(b[0].text) + 3, "x"), "inside one paragraph"),
        (lambda p, a, b: p.correct(a, 0, 1, "a\nb"), "line break"),
        (lambda p, a, b: p.correct(a, 0, 1, b[0].text[0]), "changes nothing"),
        (lambda p, a, b: p.join_with_next(b[-1].id), "merge the articles"),
        (lambda p, a, b: p.split_block(b[0].id, 0), "nothing to split"),
        (lambda p, a, b: p.set_block_role(b[0].id, "banner"), "unknown block role"),
        (lambda p, a, b: p.set_block_role(b[0].id, b[0].role), "already has"),
        (lambda p, a, b: p.move_block_to_previous(b[0].id), "no previous article"),
        (lambda p, a, b: p.move_block_to_previous(b[1].id), "only the first block"),
        (lambda p, a, b: p.move_block_to_next(b[0].id), "only the last block"),
        (lambda p, a, b: p.split_article(b[0].id), "nothing to split"),
    ],
)
def test_refused_edits(project: Project, project_path: Path, article_id: int, op, message: str) -> None:
    before = dump_state(project_path)
    with pytest.raises(EditError, match=message):
        op(project, article_id, project.get_article(article_id).blocks)
    assert dump_state(project_path) == before
    assert project.history(article_id) == []


def test_merge_last_article_refused(project: Project, source_id: int) -> None:
    with pytest.raises(EditError, match="nothing to merge"):
        project.merge_with_next(project.article_ids(source_id)[-1])


def test_original_text_is_kept_through_edits(project: Project, article_id: int) -> None:
    block = project.get_article(article_id).blocks[2]
    assert block.original_text == block.text
    start = project.article_offset(block.id, 0)
    project.correct(article_id, start, start + 1, "Ｘ")
    project.correct(article_id, start + 1, start + 2, "Ｙ")
    edited = project.get_block(block.id)
    assert edited.text == "ＸＹ" + block.text[2:] and edited.original_text == block.text
    split = project.split_block(block.id, 3)
    assert project.get_block(block.id).original_text == block.text
    assert project.get_block(split.params["new_block_id"]).original_text is None
