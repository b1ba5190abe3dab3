"""The codebook: hierarchy, sibling-unique names, slots, merge, move without cycles, delete with counts."""

from __future__ import annotations

import pytest

from db import NotFound, Project, TagError


def test_hierarchy_and_paths(project: Project) -> None:
    root = project.add_tag("劳动", colour="#AA0000", description="labour", slot=1)
    child = project.add_tag("工资", parent_id=root.id)
    grandchild = project.add_tag("拖欠", parent_id=child.id, slot=2)
    assert [t.path for t in project.tags()] == ["劳动", "劳动/工资", "劳动/工资/拖欠"]
    assert root.colour == "#aa0000" and root.description == "labour" and root.slot == 1
    assert project.find_tag("劳动/工资/拖欠").id == grandchild.id
    assert project.find_tag(str(child.id)).id == child.id
    with pytest.raises(NotFound):
        project.find_tag("劳动/none")


def test_names_unique_among_siblings_only(project: Project) -> None:
    a = project.add_tag("A")
    b = project.add_tag("B")
    project.add_tag("same", parent_id=a.id)
    project.add_tag("same", parent_id=b.id)  # a cousin may share the name
    with pytest.raises(TagError, match="already exists under 'A'"):
        project.add_tag("same", parent_id=a.id)
    with pytest.raises(TagError, match="at the top level"):
        project.add_tag("A")
    with pytest.raises(TagError, match="already exists"):
        project.rename_tag(b.id, "A")
    with pytest.raises(TagError, match="needs a name"):
        project.add_tag("  ")


def test_slots_and_colours(project: Project) -> None:
    a = project.add_tag("a", slot=3)
    b = project.add_tag("b")
    with pytest.raises(TagError, match="slot 3 is already used by tag 'a'"):
        project.update_tag(b.id, slot=3)
    with pytest.raises(TagError, match="1-9"):
        project.add_tag("c", slot=10)
    with pytest.raises(TagError, match="#rrggbb"):
        project.update_tag(b.id, colour="red")
    project.update_tag(a.id, clear_slot=True)
    assert project.update_tag(b.id, slot=3, colour="#00ff00").slot == 3
    assert project.tag(b.id).colour == "#00ff00"


def test_move_refuses_cycles(project: Project) -> None:
    a = project.add_tag("a")
    b = project.add_tag("b", parent_id=a.id)
    c = project.add_tag("c", parent_id=b.id)
    with pytest.raises(TagError, match="inside itself"):
        project.move_tag(a.id, c.id)
    with pytest.raises(TagError, match="inside itself"):
        project.move_tag(a.id, a.id)
    moved = project.move_tag(c.id, None)
    assert moved.parent_id is None and moved.path == "c"
    project.add_tag("c", parent_id=a.id)
    with pytest.raises(TagError, match="already exists"):
        project.move_tag(c.id, a.id)


def test_merge_moves_annotations_and_children(project: Project, article_id: int) -> None:
    a = project.add_tag("a")
    a_kid = project.add_tag("kid", parent_id=a.id)
    a_only = project.add_tag("only-a", parent_id=a.id)
    b = project.add_tag("b")
    b_kid = project.add_tag("kid", parent_id=b.id)
    ann1 = project.annotate(article_id, a.id, 0, 2)
    ann2 = project.annotate(article_id, a_kid.id, 2, 4)
    merged = project.merge_tags(a.id, b.id)
    assert merged.id == b.id and merged.annotation_count == 1
    assert project.annotation(ann1.id).tag_id == b.id
    assert project.annotation(ann2.id).tag_id == b_kid.id  # same-named children merged too
    assert project.tag(a_only.id).parent_id == b.id
    assert [t.path for t in project.tags()] == ["b", "b/kid", "b/only-a"]
    with pytest.raises(NotFound):
        project.tag(a.id)
    c = project.add_tag("c", parent_id=b.id)
    with pytest.raises(TagError, match="inside it"):
        project.merge_tags(b.id, c.id)
    with pytest.raises(TagError, match="into itself"):
        project.merge_tags(b.id, b.id)


def test_delete_returns_counts(project: Project, article_id: int) -> None:
    a = project.add_tag("a")
    b = project.add_tag("b", parent_id=a.id)
    keep = project.add_tag("keep")
    project.annotate(article_id, a.id, 0, 2)
    project.annotate(article_id, b.id, 2, 4)
    project.annotate(article_id, b.id, 4, 6)
    kept = project.annotate(article_id, keep.id, 6, 8)
    assert project.tag_deletion_counts(a.id).annotations == 3
    counts = project.delete_tag(a.id)
    assert (counts.tags, counts.annotations) == (2, 3)
    assert [t.name for t in project.tags()] == ["keep"]
    assert [x.id for x in project.annotations(article_id)] == [kept.id]
