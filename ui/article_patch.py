"""The open article brought up to date after a correction, without reading it again.

A keystroke in the article is a correction (``Project.correct``). Reading the whole article
back afterwards (its blocks and every annotation: 500 on a heavily tagged one) cost more than
the rest of the keystroke's work in the desk. The store's event names the edit; the edit
names the one block and range it replaced (:func:`db.article_view.read_correction`). The
desk's copy of the article is then patched:

- the corrected block takes its new text and raw map;
- annotations near the new text (whose quote or state the store may have re-read) are taken
  as the store has them now;
- every other annotation is moved exactly as the store moved it, by
  :func:`db.anchoring.map_replace` (those before the range stay, those after shift).

The patch is used only when the desk's copy is the article the correction was made on (the
replaced text is where the edit says it was, the text as long and the annotations as many as
the store's); otherwise the caller reads the whole article.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from db.anchoring import Span, map_replace
from db.article_view import DeskCorrection
from ui.backend import AnnotationData, ArticleData, BlockData, Runs

#: a tag id's (path, colour), as the desk shows tags
TagLook = Mapping[int, tuple[str, str | None]]


def annotation_data(row: tuple, tags: TagLook) -> AnnotationData:
    """An annotation of the desk from a row of :data:`db.article_view.ANNOTATION_FIELDS`."""
    aid, start, end, tag_id, note, quote, orphaned = row
    return AnnotationData(aid, start, end, *tags.get(tag_id, ("", None)), note, tag_id, quote, bool(orphaned))


def patched(
    article: ArticleData, fix: DeskCorrection, tags: TagLook, runs_of: Callable[[str], Runs]
) -> ArticleData | None:
    """``article`` after the correction ``fix``; None when ``article`` is not what the correction changed."""
    block_id, role, new_text, runs = fix.block
    starts = article.block_starts()
    index = next((i for i, b in enumerate(article.blocks) if b.id == block_id), None)
    if fix.article_id != article.id or index is None:
        return None
    old = article.blocks[index]
    bs, be = fix.start - starts[index], fix.end - starts[index]
    if not 0 <= bs <= be <= len(old.text) or old.text[bs:be] != fix.old_text:
        return None
    if old.text[:bs] + fix.text + old.text[be:] != new_text or old.role != role:
        return None  # another change came between: the desk's copy is stale
    blocks = list(article.blocks)
    blocks[index] = BlockData(role, new_text, runs_of(runs), block_id)
    near = {row[0]: annotation_data(row, tags) for row in fix.near}
    known = {a.id for a in article.annotations} | {a.id for a in article.orphans}
    if not known.issuperset(near):
        return None  # an annotation the desk has not seen: read it all
    s, e, length = fix.start, fix.end, len(fix.text)
    delta = length - (e - s)
    moved = []
    for ann in (*article.annotations, *article.orphans):
        if ann.end < s:  # before the replaced range: where it was (map_replace's first case)
            moved.append(ann)
        elif ann.id in near:
            moved.append(near[ann.id])
        elif ann.start >= e and not ann.orphaned:  # after it: shifted by the change in length
            moved.append(_at(ann, ann.start + delta, ann.end + delta, False) if delta else ann)
        else:
            span = map_replace(Span(article.id, ann.start, ann.end, ann.orphaned), s, e, length)
            moved.append(_at(ann, span.start, span.end, span.orphaned))
    if len(moved) != fix.annotation_count or sum(len(b.text) + 1 for b in blocks) - 1 != fix.length:
        return None  # changed behind the desk's back (another program wrote the project): read it all
    moved.sort(key=_order)  # the store's order
    return ArticleData(
        article.id,
        article.source_id,
        article.kind,
        fix.headline,
        blocks,
        [a for a in moved if not a.orphaned],
        review=article.review,
        orphans=[a for a in moved if a.orphaned],
    )


def _order(ann: AnnotationData) -> tuple[int, int, int]:
    return ann.start, ann.end, ann.id


def _at(ann: AnnotationData, start: int, end: int, orphaned: bool) -> AnnotationData:
    return AnnotationData(ann.id, start, end, ann.tag, ann.colour, ann.note, ann.tag_id, ann.quote, orphaned)
